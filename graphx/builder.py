"""The build: documents -> spaCy docs -> mentions -> evidence -> graph.

:func:`build` is the library entry point behind ``graphx build``.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from .actors import AliasTable, load_aliases
from .documents import MAX_BYTES, Skipped, find_documents, read_document
from .errors import InputError
from .lexicon import Lexicon, load_lexicon
from .types import Document, Evidence

BATCH_SIZE = 32


@dataclass
class BuildReport:
    """What a build read, skipped, discovered and how long it took."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    discovered: list = field(default_factory=list)
    evidence: int = 0
    tokens: int = 0
    seconds: float = 0.0
    model: str = "blank:en"


def _documents(pairs, report: BuildReport, progress, max_bytes=MAX_BYTES):
    total = len(pairs)
    for n, (doc_id, path) in enumerate(pairs, 1):
        try:
            doc = read_document(doc_id, path, max_bytes)
        except InputError as exc:
            report.skipped.append(Skipped(str(path), str(exc).split(": ", 1)[-1]))
            doc = None
        if progress:
            progress(n, total, doc_id)
        if doc is not None:
            report.documents.append(doc)
            yield doc


def extract_evidence(paths, *, table: AliasTable, lexicon: Lexicon, model=None, progress=None,
                     report: BuildReport | None = None, max_bytes=MAX_BYTES):
    """Run the pipeline over the documents at ``paths``; return (evidence, mention counts, report)."""
    from .arabic import ArabicExtractor
    from .mentions import MentionFinder
    from .nlp import make_pipeline
    from .relations import Extractor

    report = report or BuildReport()
    started = time.perf_counter()
    pairs, skipped = find_documents(paths)
    report.skipped.extend(skipped)
    if not pairs:
        raise InputError("no .txt or .md reports found in " + ", ".join(str(p) for p in
                                                                         ([paths] if isinstance(paths, str) else paths)))
    nlp = make_pipeline(table, lexicon, model=model)
    nlp.max_length = max(nlp.max_length, max_bytes or 2**62)  # files over max_bytes never get here
    report.model = model or "blank:en"
    finder = MentionFinder(table)
    extractor = Extractor(nlp, table, lexicon)
    arabic = ArabicExtractor(table, lexicon)  # the Arabic paragraphs, read by spaCy's Arabic tokenizer
    evidence: list[Evidence] = []
    counts: Counter = Counter()
    docs = _documents(pairs, report, progress, max_bytes)
    stream = nlp.pipe(((d.body, d) for d in docs), as_tuples=True, batch_size=BATCH_SIZE)
    for sdoc, document in stream:
        report.tokens += len(sdoc)
        mentions = finder(sdoc)
        counts.update(m.actor for m in mentions)
        evidence.extend(extractor.extract(document, sdoc, mentions, finder.discovered))
        evidence.extend(arabic.extract(document))
    report.discovered = sorted(finder.discovered.values(), key=lambda a: a.id)
    report.evidence = len(evidence)
    report.seconds = time.perf_counter() - started
    return evidence, counts, report


def build(paths="seeds", *, aliases=None, model=None, lexicon=None, progress=None,
          report: BuildReport | None = None, max_bytes=MAX_BYTES) -> nx.MultiDiGraph:
    """Build the cited actor graph from report files and folders.

    Parameters
    ----------
    paths : str, path or list of them
        Files and folders (searched recursively for ``.txt`` / ``.md``).
    aliases : path or list of paths, optional
        Alias tables read on top of the shipped one.
    model : str, optional
        Name or path of an installed trained spaCy pipeline.
    lexicon : path, optional
        A cue lexicon replacing the shipped ``relations.toml``.
    progress : callable(done, total, doc_id), optional
    report : BuildReport, optional
        Filled in with documents read, files skipped and actors discovered.
    max_bytes : int, optional
        Files larger than this are skipped (None or 0: no limit).

    Examples
    --------
    >>> G = build("seeds")
    >>> G.has_edge("bashar_al_assad", "mohammed_shia_al_sudani", key="contacted")
    True
    """
    from .graph import build_graph

    if isinstance(aliases, (str, bytes)) or hasattr(aliases, "__fspath__"):
        aliases = [aliases]
    table = load_aliases(*(aliases or []))
    lex = load_lexicon(lexicon)
    report = report if report is not None else BuildReport()
    evidence, counts, report = extract_evidence(paths, table=table, lexicon=lex, model=model,
                                                progress=progress, report=report, max_bytes=max_bytes)
    discovered = {a.id: a for a in report.discovered}
    # Every actor named at least once is a node (a query for one with no edge
    # says "no path", not "unknown actor").
    used = {e.source for e in evidence} | {e.target for e in evidence} | {a for a, n in counts.items() if n}
    actors = [table.actors.get(a) or discovered[a] for a in used]
    G = build_graph(actors, evidence, counts, lex.relations)
    G.graph.update({
        "generator": "graphx",
        "model": report.model,
        "aliases": table.version,
        "lexicon": lex.version,
        "relations": {name: {"color": r.color, "cameo": r.cameo, "plover": r.plover, "codes_note": r.codes_note,
                             "description": r.description} for name, r in lex.relations.items()},
        "documents": [{"id": d.id, **d.meta} for d in report.documents],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "discovered": [a.id for a in report.discovered],
    })
    return G


__all__ = ["build", "extract_evidence", "BuildReport"]
