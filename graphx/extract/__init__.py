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
from collections import Counter
from dataclasses import dataclass

from ..records import Actor, DocResult, Document, Evidence
from .document import BATCH_SIZE, Pipeline, extract_batch, extract_document, pipeline_for
from .settings import Settings


@dataclass
class Merged:
    evidence: list
    claims: list
    counts: Counter
    discovered: list  # Actor, sorted by id
    tokens: int


def merge(results) -> Merged:
    """Combine per-document results given in document-id order (deterministic)."""
    evidence: list[Evidence] = []
    claims: list = []
    counts: Counter = Counter()
    discovered: dict[str, Actor] = {}
    tokens = 0
    for r in results:
        evidence.extend(r.evidence)
        claims.extend(r.claims)
        counts.update(dict(r.counts))
        for a in r.discovered:
            discovered.setdefault(a.id, a)
        tokens += r.tokens
    return Merged(evidence, claims, counts, sorted(discovered.values(), key=lambda a: a.id), tokens)


def document_key(document: Document) -> str:
    """Content hash of a document as read (its id is part of every citation)."""
    h = hashlib.sha256(document.id.encode())
    h.update(b"\0")
    h.update(document.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


__all__ = ["Settings", "DocResult", "Pipeline", "extract_document", "extract_batch", "pipeline_for", "merge",
           "document_key", "BATCH_SIZE"]
