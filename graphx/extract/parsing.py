"""Parse only the sentences that can hold an edge: two passes over a trained pipeline.

With a trained pipeline the parser (with its tok2vec, tagger, attribute ruler and
lemmatizer) is most of spaCy's cost, and only one stage reads what it gives: the
parse-based argument finder (:class:`~graphx.extract.deps.DepArguments`), called for a
cue phrase in a sentence the rules read (not a heading or question, not over
:data:`~graphx.extract.sentence.MAX_SENTENCE_TOKENS`). Everything else reads tokens,
sentences and entities. So a build runs:

1. **over all the text**: the tokenizer, the senter (sentence starts; its own small
   tok2vec), line-break sentence starts, the alias ruler, NER (its own tok2vec) and
   the titled-name finder: every mention, discovered actor and sentence of a report;
2. **over the candidate sentences alone**: the cue matcher picks the sentences with a
   cue phrase that the rules read, exactly those for which the finder is called, and
   each goes through the parser's components as a doc of its own (batched with
   ``nlp.pipe``); the trees are written back into the report's doc, and every other
   sentence gets a flat tree (its first token the root) that no rule reads.

Each candidate sentence is parsed on its own whether or not the others are, so the
result is the same as parsing every sentence (``GRAPHX_PARSE_ALL=1`` does that: the
tests compare the two byte for byte). NER still runs everywhere: mention counts,
discovered actors and pronoun antecedents come from sentences with no cue.

A pipeline the split does not fit (no parser or senter; an NER that listens to a
component of the second pass) runs whole, as before.
"""

from __future__ import annotations

PARSE_ALL_ENV = "GRAPHX_PARSE_ALL"
# Components of the second pass (candidate sentences); every other component of the pipeline
# (senter, line breaks, alias ruler, NER, titled names, any a user adds) runs over all the text.
SECOND_PASS = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer",
               "trainable_lemmatizer")
BATCH = 256  # sentences per nlp.pipe batch of the second pass


def _listens(component) -> bool:
    model = getattr(component, "model", None)
    return model is not None and any("listener" in node.name for node in model.walk())


class Parsing:
    """The two passes of one loaded pipeline; :meth:`run` turns report bodies into docs."""

    @classmethod
    def of(cls, nlp, extractor, everything: bool = False):
        """The split of ``nlp``, or None when it cannot be split (see the module docstring)."""
        names = nlp.pipe_names
        if "parser" not in names or "graphx_senter" not in names:
            return None
        if any(_listens(p) for n, p in nlp.pipeline if n not in SECOND_PASS):
            return None
        return cls(nlp, extractor, everything)

    def __init__(self, nlp, extractor, everything=False):
        self.nlp = nlp
        self.extractor = extractor
        self.everything = everything
        self.parsed = self.sentences = 0  # counts, for the benchmarks
        self._root = nlp.vocab.strings.add("ROOT")
        self._dep = nlp.vocab.strings.add("dep")

    @staticmethod
    def _chain(procs, docs):
        for _, proc in procs:
            docs = proc.pipe(docs, batch_size=BATCH) if hasattr(proc, "pipe") else map(proc, docs)
        return docs

    def candidates(self, doc, text=None) -> tuple[list, int]:
        """The (start, end) token spans of ``doc``'s sentences that the argument finder may read,
        and how many sentences it has: where the cue matcher finds a cue in a sentence the rules read."""
        from .sentence import TokenArrays, views

        arrays = TokenArrays(doc, text)
        matcher = self.extractor.matcher
        out, n = [], 0
        for view in views(doc, arrays):
            n += 1
            if self.everything or not (view.too_long or view.is_heading) and \
                    matcher(arrays.norms, arrays.is_punct, view.sent.start, view.sent.end):
                out.append((view.sent.start, view.sent.end))
        return out, n

    def run(self, texts) -> list:
        """The docs of ``texts``: the first pass over all, the parser over the candidate sentences."""
        import numpy as np
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

        nlp = self.nlp
        # (read at each run: a component added after the split was made runs in its pass)
        first = [(n, p) for n, p in nlp.pipeline if n not in SECOND_PASS]
        second = [(n, p) for n, p in nlp.pipeline if n in SECOND_PASS]
        docs = list(self._chain(first, (nlp.make_doc(t) for t in texts)))
        spans = []
        for doc, text in zip(docs, texts):
            found, n = self.candidates(doc, text)
            spans.append(found)
            self.sentences += n
            self.parsed += len(found)
        parts = [doc[s:e].as_doc() for doc, found in zip(docs, spans) for s, e in found]
        parsed = iter(list(self._chain(second, iter(parts))))
        attrs = [HEAD, DEP, TAG, POS, MORPH, LEMMA]
        for doc, found in zip(docs, spans):
            n = len(doc)
            if not n:
                continue
            starts = doc.to_array(SENT_START)
            starts[0] = 1
            arr = np.zeros((n, len(attrs)), dtype="uint64")
            # every sentence a flat tree: its first token the root, the others hang from it
            first = np.maximum.accumulate(np.where(starts == 1, np.arange(n), 0))
            arr[:, 0] = (first - np.arange(n)).astype("int64").view("uint64")
            arr[:, 1] = np.where(first == np.arange(n), self._root, self._dep)
            for s, e in found:
                arr[s:e] = next(parsed).to_array(attrs)
            doc.from_array(attrs, arr)
            if not np.array_equal(doc.to_array(SENT_START) == 1, starts == 1):
                raise RuntimeError("graphx: the parse of a sentence crossed its boundaries")
        return docs


__all__ = ["Parsing", "PARSE_ALL_ENV"]
