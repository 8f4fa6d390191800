"""Parse only the sentences that can hold an edge: two passes over a trained pipeline.

With a trained pipeline the parser (with its tok2vec, tagger, attribute ruler and
lemmatizer) is most of spaCy's cost, and two stages read what it gives: the
parse-based argument finder (:class:`~graphx.extract.deps.DepArguments`), called for a
cue phrase in a sentence the rules read (not a heading or question, not over
:data:`~graphx.extract.sentence.MAX_SENTENCE_TOKENS`), and the reading of a possessive
pronoun in reported speech (:meth:`graphx.extract.coref.Salience._speaker`: "Jalali
said that HIS calls went unanswered"). Everything else reads tokens, sentences and
entities. So a build runs:

1. **over all the text**: the tokenizer, the senter (sentence starts; its own small
   tok2vec), line-break sentence starts, the alias ruler, NER (its own tok2vec) and
   the titled-name finder: every mention, discovered actor and sentence of a report;
   then the report's mentions (:class:`~graphx.extract.mentions.MentionFinder`, kept
   for the extraction);
2. **over the candidate sentences alone** (:meth:`Parsing.candidates`): each goes
   through the parser's components as a doc of its own (batched with ``nlp.pipe``);
   the trees are written back into the report's doc, and every other sentence gets a
   flat tree (its first token the root) on which the finder gives the token rules'
   answer and the speech rule nothing.

A sentence is a candidate where the parse can change what is written:

* it has a possessive pronoun after a speech word (the speech rule); or
* its parsed subject (the main verb's, which the pronoun history keeps:
  :meth:`graphx.extract.coref.Salience.close_sentence`) may differ from the token rule's
  (the first party not after a preposition): two or more words that can start a party
  other than a possessor, or one after a preposition or one pronoun; and a sentence up to
  the third kept in the history after it reads that history (a pronoun, "the latter",
  "the country", "the soldiers", or any cue, which may fall back on the previous subject); or
* it has a cue the rules read, and the parse-based finder could find an edge or a
  discovered actor there: two or more possible parties (a mention counts once; a
  pronoun, "the latter" or a demonym before "counterparts" twice, since a pronoun
  resolved with different exclusions may stand for two actors; any other demonym
  once, for the state of the noun it modifies: "requesting IRAQI support"; a place noun once,
  for the possessive under it: "ITS territory"; twice more where the cue's relation
  falls back on the previous sentence's subject: "Assad rejected the proposal"), or
  one mention whose actor can stand for another (a capital for its state, a group for
  its owner, a person for his state where a cue reads protectors), or, for a journey,
  a word the finder turns into a discovered actor (a group noun such as "officials"
  that no mention covers; a capitalised word no mention covers where the sentence
  holds one of the cue's destination prepositions).

Elsewhere no parse can give an edge (every edge joins two different actors the
sentence names or points to) nor discover an actor, so the output is the same as
parsing every sentence (``GRAPHX_PARSE_ALL=1`` does that, each sentence on its own
the same way: the tests compare the two byte for byte on the dev set, the seeds and a
generated corpus, and ``tests/test_candidates.py`` shows each reason to parse at work).
NER still runs everywhere: mention counts, discovered actors and pronoun antecedents
come from sentences with no cue.

A pipeline the split does not fit (no parser or senter; an NER that listens to a
component of the second pass) runs whole, as before.
"""

from __future__ import annotations

from .groups import KIN_GROUP
from .tokens.clauses import body_noun, ends_at, phrase_len

PARSE_ALL_ENV = "GRAPHX_PARSE_ALL"
# Components of the second pass (candidate sentences); every other component of the pipeline
# (senter, line breaks, alias ruler, NER, titled names, any a user adds) runs over all the text.
SECOND_PASS = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer",
               "trainable_lemmatizer")
# Sentences per nlp.pipe batch of the second pass. (256 held about 300 MB more at its peak than 32,
# for no speed: the parser's batch is padded to its longest sentence. Measured on 256 generated
# reports, 2026-12-03: peak +291..+302 MB at 256, +2..+10 MB at 32, the same time within noise.)
BATCH = 32


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

    def _words(self):
        """The word sets of the candidate test, compiled once from the extractor's rules."""
        words = getattr(self, "_sets", None)
        if words is None:
            rules = self.extractor.rules
            kinds = rules.pronoun_kinds
            words = self._sets = dict(
                pronouns=kinds,
                latter=rules.w["latter"], former=rules.w["former"],
                demonyms=rules.demonyms,
                counterpart=rules.single["counterpart"],
                protection=set(rules.protection),
                modifiers=rules.group_words.modifiers,
                people=rules.group_words.people,
                met=set(rules.group_words.people) | set(rules.group_words.envoys),
                possessive={w for w, k in kinds.items() if k == "possessive"},
                speech=rules.single["speech"],
                place=set(rules.single["place_nouns"]),
                home=set(rules.single.get("home_words", ())),
            )
        return words

    def _one_party(self, aid, actors, protector) -> bool:
        """Whether one mention of ``aid`` stands for one actor whichever end of an edge it takes:
        the ids a relation's ends make of it (itself, its party, a protector's state) are one."""
        ids = {aid, actors.as_party(aid)}
        if protector and actors.kind(aid) == "person":
            ids.add(actors.index.state_of.get(aid))
        ids.discard(None)
        return len(ids) <= 1

    def _may_hold_edge(self, view, hits, arrays, actors) -> bool:
        """Whether the parse-based finder could find an edge or a discovered actor for ``hits``
        in ``view`` (see the module docstring): False only where it provably cannot."""
        words = self._words()
        norms, texts = arrays.norms, arrays.texts
        s, e = view.start, view.end
        relations = self.extractor.lexicon.relations
        readings = [c for h in hits for c in (h.cue, *(o.cue for o in h.covered))]
        journey = any(relations[c.relation].journey for c in readings)
        at = {m.start: m for m in view.mentions}
        lows = [t.lower() for t in texts[s:e]]
        counterpart = not words["counterpart"].isdisjoint(norms[s:e])
        protection = journey and not words["protection"].isdisjoint(lows)
        destination = any(relations[c.relation].journey and not set(c.target_preps or ("to", "into")).isdisjoint(lows)
                          for c in readings)
        parties, covered, plain = 0, set(), []
        rules_definite = self.extractor.rules.single.get("definite", ())
        armed = self.extractor.rules.single.get("armed", ())
        bodies, relative = self.extractor.rules.single.get("bodies", ()), self.extractor.rules.single["relative"]
        i = s
        # A party per mention or other word that can start one, as SentenceContext._parties walks
        # the sentence (every such word counted, even where the walk would give it none).
        while i < e:
            m = at.get(i)
            if m is not None:
                parties += 1
                plain.append(m.actor)
                covered.update(range(m.start, m.end))
                i = max(m.end, i + 1)
                continue
            norm = norms[i]
            kind = words["pronouns"].get(norm)
            if kind == "group_possessive":  # "ITS fighters" is a party, "its territory" none (below)
                k = i + 1
                while k < e and norms[k] in words["modifiers"]:
                    k += 1
                if k < e and norms[k] in words["people"]:
                    parties += 2
            elif kind is not None:
                parties += 2
            elif (norm in words["latter"].by_first and phrase_len(norms, i, words["latter"])) or \
                    (norm in words["former"].by_first and phrase_len(norms, i, words["former"])):
                parties += 2
            elif norm in rules_definite and self._noun_after(norms, i, e) in armed:
                parties += 2  # "the rebels": an armed group named before ([pronouns] armed), as a pronoun
            elif norm in rules_definite and self._noun_after(norms, i, e) == KIN_GROUP:
                parties += 2  # "the family": a family named before, or the family of the one the report is about
            elif norm in rules_definite and body_noun(texts, norms, i, e, bodies, words["demonyms"], at, relative) is not None:
                parties += 2  # "the militant group": an organisation named before ([pronouns] bodies)
            elif norm in words["demonyms"]:
                # one party per demonym of "his Egyptian, Saudi and Qatari counterparts"; a journey's
                # protector: "under RUSSIAN sponsorship"; the state of a noun it modifies ("requesting
                # IRAQI support", "the LEBANESE judiciary")
                parties += 2 if counterpart else 1
            i += 1
        for i in range(s, e):
            low = lows[i - s]
            if low in words["place"]:
                parties += 1  # "ITS territory", "Iraq's territory": the owner under a place noun
            if protection and low in words["demonyms"]:
                parties += 1  # (a demonym inside a mention: "under RUSSIAN sponsorship")
            if journey and low in words["home"]:
                parties += 1  # "the Kuwaiti hostages arrived HOME": their state, the destination
            if journey and i not in covered and (low in words["people"] or (destination and texts[i].istitle())):
                # "Dozens of officials fled", "withdrew to Hermel": the finder may discover a group
                # (of a noun no mention covers) or a place (capitalised words after one of the cue's
                # target prepositions, which the sentence must hold)
                return True
        if plain and any(relations[c.relation].meets for c in readings) and \
                any(i not in covered and lows[i - s] in words["met"] for i in range(s, e)):
            return True  # "Assad met with 30 military COMMANDERS": the finder may discover the group met
        if any(relations[c.relation].target_fallback for c in readings):
            # "Assad rejected the proposal" (after "the US offered a deal"): with no one named after
            # the cue the token rules take the previous sentence's subject, which a parse may keep
            parties += 2
        if parties >= 2:
            return True
        if parties == 1:
            if not plain:
                # the owner of a place noun ("ITS territory") or a protector's demonym: a state,
                # organisation or armed group, one actor at either end of an edge
                return False
            protector = any(c.protector for c in readings)
            return not self._one_party(plain[0], actors, protector)
        return False

    def _subject_may_differ(self, view, arrays) -> bool:
        """Whether the parse can choose the sentence subject kept for later pronouns
        (:meth:`graphx.extract.coref.Salience.close_sentence`: the main verb's subject where the
        sentence is parsed, else the first party not after a preposition): two or more words that can
        start a party other than a possessor (as ``SentenceContext._parties`` reads them), or one that
        the token rule does not take as a subject."""
        rules = self.extractor.rules
        words = self._words()
        norms, e = arrays.norms, view.end
        starts = {m.start for m in view.mentions if m.start < e and not (m.end < len(norms) and norms[m.end] == "'s")}
        for i in range(view.start, e):
            norm = norms[i]
            if norm not in rules.party_starts:
                continue
            kind = words["pronouns"].get(norm)
            if norm in rules.demonyms and kind is None:
                continue  # (a party only before "counterparts", counted by the cue test)
            if kind in ("possessive", "group_possessive"):
                k = i + 1
                while k < e and norms[k] in words["modifiers"]:
                    k += 1
                if k >= e or norms[k] not in words["people"]:
                    continue  # "his visit": a possessor
            elif kind is None and not self._phrase_party(norms, i, e):
                continue  # "the" of no "the latter", "the country", "the soldiers"
            starts.add(i)
        if len(starts) >= 2:
            return True
        if not starts:
            return False
        i = min(starts)
        if norms[i] in rules.party_starts:
            return True  # a pronoun, "the latter": resolved or not as its slot says
        j = i - 1
        while j >= view.start and (norms[j] in rules.single["determiners"] or norms[j] in rules.demonyms):
            j -= 1
        return j >= view.start and (norms[j] in rules.single["prepositions"] or
                                    ends_at(norms, j + 1, rules.multiword_prepositions))

    def _reads_history(self, view, arrays) -> bool:
        """Whether the sentence has a word that may resolve through the salience history: a pronoun,
        "the latter", "the country", "the soldiers"."""
        words = self._words()
        norms = arrays.norms
        return any(norms[i] in words["pronouns"] or self._phrase_party(norms, i, view.end)
                   for i in range(view.start, view.end))

    def _phrase_party(self, norms, i, e) -> bool:
        """Whether the words at ``i`` start a party of more than one word: "the latter", "the
        former", "the country", "the (exiled) soldiers"."""
        rules, words = self.extractor.rules, self._words()
        if phrase_len(norms, i, words["latter"]) or phrase_len(norms, i, words["former"]):
            return True
        country = rules.w.get("country")
        if country and phrase_len(norms, i, country):
            return True
        if norms[i] in rules.single.get("definite", ()):
            noun = self._noun_after(norms, i, e)
            return noun in words["people"] or noun in rules.single.get("armed", ())
        return False

    def _noun_after(self, norms, i, e) -> str:
        """The word after "the" at ``i`` and its group modifiers ("the EXILED soldiers"), or ""."""
        modifiers = self._words()["modifiers"]
        k = i + 1
        while k < e and norms[k] in modifiers:
            k += 1
        return norms[k] if k < e else ""

    def _speech_possessive(self, view, arrays) -> bool:
        """A possessive pronoun after a speech word: the speech rule reads the parse."""
        words = self._words()
        norms = arrays.norms
        said = False
        for i in range(view.start, view.end):
            if said and norms[i] in words["possessive"]:
                return True
            said = said or norms[i] in words["speech"]
        return False

    def candidates(self, doc, text=None, found=None) -> tuple[list, int]:
        """The (start, end) token spans of ``doc``'s sentences whose parse can change the output,
        and how many sentences it has. ``found``: the report's (mentions, actors), or None (then
        every sentence is a candidate)."""
        from .sentence import TokenArrays, views

        arrays = TokenArrays(doc, text)
        matcher = self.extractor.matcher
        mentions, actors = found if found is not None else ((), None)
        every = self.everything or found is None
        out, n = [], 0
        # per sentence read: (span, kept in the pronoun history, its subject may differ, it reads the
        # history), for the subject test below
        read = []
        for view in views(doc, arrays, mentions):
            n += 1
            span = (view.sent.start, view.sent.end)
            if every:
                out.append(span)
                continue
            if view.too_long:
                continue  # (not read at all)
            hits = matcher(arrays.norms, arrays.gaps, view.sent.start, view.sent.end)
            reads = bool(hits) or self._reads_history(view, arrays)
            if view.is_heading:
                read.append((span, False, False, reads))
                continue
            if self._speech_possessive(view, arrays) or (
                    hits and self._may_hold_edge(view, hits, arrays, actors)):
                out.append(span)
                read.append((span, True, False, reads))
                continue
            read.append((span, True, self._subject_may_differ(view, arrays), reads))
        # A sentence whose parsed subject may differ from the token rule's is parsed where one of the
        # sentences up to the third after it that is kept in the history (Salience reads three back)
        # reads that history: a pronoun or other word that resolves through it, or a cue (whose
        # relation may fall back on the previous subject).
        for k, (span, _, differ, _) in enumerate(read):
            if not differ:
                continue
            kept = 0
            for _, keep, _, reads in read[k + 1:]:
                if reads:
                    out.append(span)
                    break
                kept += keep
                if kept >= 3:
                    break
        out.sort()
        return out, n

    def run(self, texts, prepare=None) -> list:
        """The docs of ``texts``: the first pass over all, the parser over the candidate sentences.

        ``prepare(k, doc)``: the (mentions, actors) of the k-th report after the first pass, or
        None (see :meth:`candidates`); without it, every sentence with a cue is a candidate."""
        import numpy as np
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

        nlp = self.nlp
        # (read at each run: a component added after the split was made runs in its pass)
        first = [(n, p) for n, p in nlp.pipeline if n not in SECOND_PASS]
        second = [(n, p) for n, p in nlp.pipeline if n in SECOND_PASS]
        docs = list(self._chain(first, (nlp.make_doc(t) for t in texts)))
        spans = []
        for k, (doc, text) in enumerate(zip(docs, texts)):
            found, n = self.candidates(doc, text, prepare(k, doc) if prepare is not None else None)
            spans.append(found)
            self.sentences += n
            self.parsed += len(found)
        parts = [part for doc, found in zip(docs, spans) for part in _sentence_docs(doc, found)]
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


def _sentence_docs(doc, spans):
    """A doc of its own per (start, end) sentence span of ``doc``, for the second pass: its words,
    spaces and what the first pass set per token (norm, sentence starts, any tag, lemma, morph or
    part of speech) read with one ``to_array`` call for the whole report. ``Span.as_doc`` gives the
    same words and attributes, and also copies the report's entities, vectors and categories, which
    no component of the second pass reads: it read the whole report's entities and arrays once per
    sentence (quadratic in a report's length, and most of this step's time). A first pass that set
    a parse (a user's component) is copied with ``as_doc``, which mends heads that leave the span."""
    from spacy.attrs import LEMMA, LENGTH, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
    from spacy.tokens import Doc

    from .sentence import strings_of

    if not spans:
        return []
    if doc.has_annotation("DEP"):
        return [doc[s:e].as_doc() for s, e in spans]
    attrs = [LENGTH, SPACY, ORTH, NORM, TAG, LEMMA, MORPH, POS, SENT_START]
    array = doc.to_array(attrs)
    vocab = doc.vocab
    out = []
    for s, e in spans:
        rows = array[s:e]
        part = Doc(vocab, words=strings_of(vocab, rows[:, 2].tolist()), spaces=(rows[:, 1] == 1).tolist())
        out.append(part.from_array(attrs, rows))
    return out


__all__ = ["Parsing", "PARSE_ALL_ENV"]
