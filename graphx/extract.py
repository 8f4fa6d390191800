"""One document in, its extraction out: the unit the cache, ``--jobs`` and Dask share.

:func:`extract_batch` is a pure function of the documents' text and of the
pipeline :class:`Settings` (alias table, cue lexicon, model). Nothing crosses
documents while extracting: each document starts with no discovered actors, so
its result does not depend on which documents came before it or which process
read it. :func:`merge` then combines per-document results in document-id order:
mention counts add up and a discovered actor takes its label and kind from the
first document (by id) that names it, as the sequential build always did.

(Before issue 6 a discovered actor's *kind* seen in an earlier document was
used while extracting later ones; with the offline default every discovered
actor is a person, so only a trained NER's conflicting labels for one name in
two documents could tell the difference, and the per-document answer is the
order-independent one.)
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

from .actors import AliasTable
from .lexicon import Lexicon
from .types import EVIDENCE_FIELDS, Actor, Document, Evidence

BATCH_SIZE = 64
# The package's code is part of the cache fingerprint, so a developer editing a rule never
# reads stale results; modules that only read or write finished graphs are left out.
_NOT_EXTRACTION = ("cli.py", "query.py", "evaluate.py", "cache.py", "parallel.py", "graph.py", "validate.py",
                   "_dask.py")


@dataclass(frozen=True)
class Settings:
    """What a pipeline is made of; picklable, so workers can build the same one.

    Examples
    --------
    >>> from graphx.actors import load_aliases
    >>> from graphx.lexicon import load_lexicon
    >>> s = Settings(load_aliases(), load_lexicon())
    >>> len(s.fingerprint)
    32
    """

    table: AliasTable = field(repr=False)
    lexicon: Lexicon = field(repr=False)
    model: str | None = None

    @cached_property
    def fingerprint(self) -> str:
        """Hash of everything but the text that decides a document's result."""
        from importlib.metadata import version

        from . import __version__

        code = hashlib.sha256()
        here = Path(__file__).resolve().parent
        # every module that extracts, sub-packages included (graphx/arabic), not the exporters
        sources = [p for p in here.rglob("*.py") if p.parent.name != "export" and p.name not in _NOT_EXTRACTION]
        for p in sorted(sources) + sorted((here / "data").glob("*.toml")):
            code.update(p.relative_to(here).as_posix().encode() + b"\0" + p.read_bytes())
        parts = {
            "graphx": __version__, "code": code.hexdigest()[:16], "spacy": version("spacy"),  # not `import spacy`: a warm build never loads it
            "model": _model_version(self.model), "aliases": self.table.version,
            "lexicon": self.lexicon.version,
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def _model_version(model: str | None) -> str:
    if not model:
        return "blank:en"
    meta = Path(model).expanduser() / "meta.json"
    if meta.is_file():  # a saved pipeline: its meta plus when its weights last changed
        newest = max((p.stat().st_mtime_ns for p in meta.parent.rglob("*") if p.is_file()), default=0)
        return f"{model}:{hashlib.sha256(meta.read_bytes()).hexdigest()[:16]}:{newest}"
    try:
        from importlib.metadata import version

        return f"{model}=={version(model)}"
    except Exception:
        return model


@dataclass(frozen=True)
class DocResult:
    """What one document yields: its evidence, actor mention counts and discovered actors."""

    doc: str
    evidence: tuple = ()
    counts: tuple = ()  # ((actor id, mentions), ...) sorted by id
    discovered: tuple = ()  # Actor records first named in this document
    tokens: int = 0
    long_sentences: int = 0  # sentences too long to read for edges (relations.MAX_SENTENCE_TOKENS)
    error: str = ""  # the extraction failed (a bug): the build skips the document and says why

    def to_json(self) -> bytes:
        return json.dumps({
            "doc": self.doc, "tokens": self.tokens, "counts": [list(c) for c in self.counts],
            "long_sentences": self.long_sentences,
            # rows of values in EVIDENCE_FIELDS order: a third of the size of dicts, and faster to read back
            "fields": len(EVIDENCE_FIELDS), "evidence": [[getattr(e, f) for f in EVIDENCE_FIELDS] for e in self.evidence],
            "discovered": [asdict(a) for a in self.discovered],
        }, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "DocResult":
        d = json.loads(data)
        actors = tuple(Actor(**{k: tuple(v) if isinstance(v, list) else v for k, v in a.items()})
                       for a in d["discovered"])
        if d["fields"] != len(EVIDENCE_FIELDS):
            raise ValueError("evidence rows do not match this graphx's Evidence fields")
        return cls(doc=d["doc"], tokens=int(d["tokens"]), counts=tuple((a, int(n)) for a, n in d["counts"]),
                   evidence=tuple(map(_evidence_from_row, d["evidence"])), discovered=actors,
                   long_sentences=int(d.get("long_sentences", 0)))


def _evidence_from_row(row, _fields=EVIDENCE_FIELDS, _new=object.__new__, _set=object.__setattr__):
    """``Evidence(*row)`` for a row this module wrote, three times faster than the frozen
    dataclass's ``__init__`` (a warm rebuild reads every cached record: 77,000 for 5,000 reports)."""
    if len(row) != len(_fields):
        raise ValueError("evidence rows do not match this graphx's Evidence fields")
    e = _new(Evidence)
    _set(e, "__dict__", dict(zip(_fields, row)))
    return e


class Pipeline:
    """A loaded pipeline: spaCy, the mention finder's table data and the extractor."""

    def __init__(self, settings: Settings):
        from .arabic import ArabicExtractor
        from .mentions import MentionFinder
        from .nlp import make_pipeline
        from .relations import MAX_SENTENCE_TOKENS, Extractor

        self.settings = settings
        self.max_tokens = MAX_SENTENCE_TOKENS
        self.nlp = make_pipeline(settings.table, settings.lexicon, model=settings.model)
        # The file-size limit (documents.MAX_BYTES, --max-bytes) is the guard: a file that
        # passed it is read whatever spaCy's own default text limit says.
        self.nlp.max_length = 2**62
        self.arabic = ArabicExtractor(settings.table, settings.lexicon)  # Arabic paragraphs, spaCy's Arabic tokenizer
        self.extractor = Extractor(self.nlp, settings.table, settings.lexicon)
        self.finder = MentionFinder(settings.table)

    def result(self, document: Document, sdoc) -> DocResult:
        finder = self.finder
        finder.discovered = {}  # per document: nothing crosses documents (see the module doc)
        try:
            mentions = finder(sdoc)
            evidence = (tuple(self.extractor.extract(document, sdoc, mentions, finder.discovered))
                        + tuple(self.arabic.extract(document)))
        except Exception as exc:  # noqa: BLE001 - one report must not sink an archive's build
            return DocResult(doc=document.id, tokens=len(sdoc), error=f"{type(exc).__name__}: {exc}")
        counts = Counter(m.actor for m in mentions)
        return DocResult(doc=document.id, evidence=evidence, counts=tuple(sorted(counts.items())),
                         discovered=tuple(sorted(finder.discovered.values(), key=lambda a: a.id)),
                         tokens=len(sdoc),
                         long_sentences=sum(1 for s in sdoc.sents if len(s) > self.max_tokens))

    def run(self, documents):
        """Yield a :class:`DocResult` per document, streaming them through ``nlp.pipe``."""
        documents = iter(documents)
        stream = self.nlp.pipe(((d.body, d) for d in documents), as_tuples=True, batch_size=BATCH_SIZE)
        for sdoc, document in stream:
            yield self.result(document, sdoc)


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


@dataclass
class Merged:
    evidence: list
    counts: Counter
    discovered: list  # Actor, sorted by id
    tokens: int


def merge(results) -> Merged:
    """Combine per-document results given in document-id order (deterministic)."""
    evidence: list[Evidence] = []
    counts: Counter = Counter()
    discovered: dict[str, Actor] = {}
    tokens = 0
    for r in results:
        evidence.extend(r.evidence)
        counts.update(dict(r.counts))
        for a in r.discovered:
            discovered.setdefault(a.id, a)
        tokens += r.tokens
    return Merged(evidence, counts, sorted(discovered.values(), key=lambda a: a.id), tokens)


def document_key(document: Document) -> str:
    """Content hash of a document as read (its id is part of every citation)."""
    h = hashlib.sha256(document.id.encode())
    h.update(b"\0")
    h.update(document.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


__all__ = ["Settings", "DocResult", "Pipeline", "extract_batch", "merge", "document_key", "BATCH_SIZE"]
