"""The composition of the extraction stages: one document in, its :class:`~graphx.records.DocResult` out.

:func:`extract_document` (one document) and :func:`extract_batch` (a worker's
batch, streamed through ``nlp.pipe``) both run :meth:`Pipeline.result`, so the
build, its worker processes, the cache, the tests and the benchmarks compose
the stages in this one place.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from dataclasses import replace
from itertools import islice

from ..nlp.pipeline import PLAIN_QUOTES
from ..records import DocResult, Document, FateClaim
from .parsing import PARSE_ALL_ENV, Parsing
from .settings import Settings

BATCH_SIZE = 64
_QUOTED = re.compile("[" + "".join(map(chr, PLAIN_QUOTES)) + "]")  # a typographic quote PLAIN_QUOTES changes


class Pipeline:
    """A loaded pipeline: spaCy, the mention finder's table data and the extractor."""

    def __init__(self, settings: Settings):
        from ..nlp import make_pipeline
        from .groups import GroupWords
        from .mentions import MentionFinder
        from .tokens.arabic import ArabicExtractor
        from .deps import DepArguments
        from .tokens.finder import MAX_SENTENCE_TOKENS, Extractor

        self.settings = settings
        self.max_tokens = MAX_SENTENCE_TOKENS
        index = settings.index
        self.nlp = make_pipeline(index, settings.lexicon, model=settings.model)
        # The file-size limit (documents.MAX_BYTES, --max-bytes) is the guard: a file that
        # passed it is read whatever spaCy's own default text limit says.
        self.nlp.max_length = 2**62
        self.arabic = ArabicExtractor(index, settings.lexicon)  # Arabic paragraphs, spaCy's Arabic tokenizer
        # the argument finder: over the dependency parse when the pipeline has a parser
        self.trained = "parser" in self.nlp.pipe_names
        finder = DepArguments() if self.trained else None
        self.extractor = Extractor(self.nlp, index, settings.lexicon, finder=finder)
        names = settings.lexicon.names
        self.finder = MentionFinder(index, GroupWords(settings.lexicon.english), names.get("titles", ()),
                                    names.get("fallen", ()), names.get("rulers", ()), names.get("zones", ()),
                                    names.get("tongue", ()), names.get("offices", ()), names.get("routes", ()),
                                    settings.lexicon.clauses.get("here_after", ()), names.get("indefinite", ()),
                                    names.get("capital", ()), names.get("deputies", ()),
                                    kin=(names.get("kin_titles", ()), names.get("kin_possessives", ())),
                                    organisation_heads=names.get("organisation_heads", ()),
                                    outlet_heads=names.get("outlet_heads", ()),
                                    households=names.get("households", ()), place_heads=names.get("place_heads", ()),
                                    state_modifiers=names.get("state_modifiers", ()), seats=names.get("seats", ()),
                                    function_words=[w for key in ("determiners", "prepositions", "coordinating")
                                                    for w in settings.lexicon.clauses.get(key, ())])
        # Parse only the sentences that can hold an edge (see :mod:`graphx.extract.parsing`):
        # None when the pipeline cannot be split (offline, or no senter), then nlp runs whole.
        self.parsing = Parsing.of(self.nlp, self.extractor, everything=os.environ.get(PARSE_ALL_ENV) == "1")

    def _text(self, document: Document) -> str:
        """The body as the pipeline reads it: a trained one, with plain quotes (graphx.nlp.PLAIN_QUOTES;
        citations quote the report's own text)."""
        return document.body.translate(PLAIN_QUOTES) if self.trained else document.body

    def _mentions(self, sdoc, document):
        """The report's mentions and the actors its names discover (a dict the extraction adds to)."""
        finder = self.finder
        finder.discovered = {}  # per document: nothing crosses documents (see the module doc)
        mentions = finder(sdoc, document.meta.get("source", ""), document.meta.get("date", ""))
        return mentions, finder.discovered

    def _parsed(self, documents) -> list:
        """(doc, (mentions, discovered) or None) per document, through the two passes."""
        found = [None] * len(documents)

        def prepare(k, sdoc):
            try:
                found[k] = self._mentions(sdoc, documents[k])
            except Exception:  # noqa: BLE001 - result() finds it again and reports it for this report
                return None
            return found[k][0], self.settings.index.for_document(found[k][1])

        docs = self.parsing.run([self._text(d) for d in documents], prepare)
        return list(zip(docs, found))

    def result(self, document: Document, sdoc=None, found=None) -> DocResult:
        """The stages over one document (``sdoc``: its body already run through ``self.nlp``;
        ``found``: its mentions and discovered actors, already read from ``sdoc``)."""
        if sdoc is None:
            if self.parsing is None:
                sdoc = self.nlp(self._text(document))
            else:
                [(sdoc, found)] = self._parsed([document])
        finder = self.finder
        try:
            mentions, discovered = found if found is not None else self._mentions(sdoc, document)
            finder.discovered = discovered
            actors = self.settings.index.for_document(discovered)
            arabic = {}  # the actors the Arabic runs name that the table lacks
            found = (tuple(self.extractor.extract(document, sdoc, mentions, actors))
                     + tuple(self.arabic.extract(document, arabic)))
            if self.trained and _QUOTED.search(document.body):  # (words read with plain quotes: the report's)
                found = tuple(_own_words(r, document.text) for r in found)
            evidence = tuple(r for r in found if not isinstance(r, FateClaim))
            claims = tuple(r for r in found if isinstance(r, FateClaim))
        except Exception as exc:  # noqa: BLE001 - one report must not sink an archive's build
            return DocResult(doc=document.id, tokens=len(sdoc), error=f"{type(exc).__name__}: {exc}")
        counts = Counter(m.actor for m in mentions)
        for m in mentions:  # a group's mention ("Syrian soldiers") mentions its owner too
            owner = discovered.get(m.actor)
            if owner is not None and owner.member_of:
                counts[owner.member_of] += 1
        return DocResult(doc=document.id, evidence=evidence, claims=claims, counts=tuple(sorted(counts.items())),
                         discovered=tuple(sorted({**arabic, **discovered}.values(), key=lambda a: a.id)),
                         tokens=len(sdoc),
                         long_sentences=sum(1 for s in sdoc.sents if len(s) > self.max_tokens))

    def run(self, documents):
        """Yield a :class:`DocResult` per document, streaming them through ``nlp.pipe``."""
        documents = iter(documents)
        if self.parsing is not None:
            while True:
                chunk = list(islice(documents, BATCH_SIZE))
                if not chunk:
                    return
                for (sdoc, found), document in zip(self._parsed(chunk), chunk):
                    yield self.result(document, sdoc, found)
        stream = self.nlp.pipe(((self._text(d), d) for d in documents), as_tuples=True, batch_size=BATCH_SIZE)
        for sdoc, document in stream:
            yield self.result(document, sdoc)


def _own_words(record, text: str):
    """``record`` quoting the report's own words at its offsets (the trained pipeline read them with
    plain quotes, one character for one: "Assad’s calls", not "Assad's calls")."""
    changes = {"trigger": text[record.trigger_start:record.trigger_end]}
    for field in ("source", "target"):
        start = getattr(record, f"{field}_start", -1)
        if start >= 0:
            changes[f"{field}_text"] = text[start:getattr(record, f"{field}_end")]
    return replace(record, **changes)


# One pipeline per settings and thread: a worker process (pool or Dask) builds it once.
_LOADED = threading.local()


def pipeline_for(settings: Settings) -> Pipeline:
    cache = getattr(_LOADED, "pipelines", None)
    if cache is None:
        cache = _LOADED.pipelines = {}
    key = settings.fingerprint
    if key not in cache:
        cache.clear()  # a worker serves one build's settings at a time
        cache[key] = Pipeline(settings)
    return cache[key]


def extract_document(document: Document, settings: Settings) -> DocResult:
    """One document in, its result out: the one composition of the extraction stages, which the
    build, its worker processes, the cache, the tests and the benchmarks all run.

    Examples
    --------
    >>> from graphx.actors import load_aliases
    >>> from graphx.documents import make_document
    >>> from graphx.lexicon import load_lexicon
    >>> r = extract_document(make_document("a.txt", "Putin called Erdogan."),
    ...                      Settings(load_aliases(), load_lexicon(), model=None))
    >>> [(e.source, e.relation, e.target) for e in r.evidence]
    [('vladimir_putin', 'contacted', 'recep_tayyip_erdogan')]
    """
    return pipeline_for(settings).result(document)


def extract_batch(settings: Settings, documents) -> list[DocResult]:
    """Extract a batch of documents (the task a pool process or Dask worker runs).

    Examples
    --------
    >>> from graphx.actors import load_aliases
    >>> from graphx.documents import make_document
    >>> from graphx.lexicon import load_lexicon
    >>> s = Settings(load_aliases(), load_lexicon())
    >>> [r] = extract_batch(s, [make_document("a.txt", "Putin called Erdogan.")])
    >>> [(e.source, e.relation, e.target) for e in r.evidence]
    [('vladimir_putin', 'contacted', 'recep_tayyip_erdogan')]
    """
    return list(pipeline_for(settings).run(documents))
