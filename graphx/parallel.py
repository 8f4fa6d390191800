"""Where extraction runs: this process, a pool of processes, or a Dask cluster.

Every runner calls :func:`graphx.extract.extract_batch` on chunks of
documents and yields ``(index, DocResult)`` as chunks finish, in any order; the
builder puts them back in document order before merging, so the output does
not depend on the runner.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed

from .errors import GraphxError
from .extract import Settings, extract_batch, pipeline_for


def chunked(items, workers: int, most: int = 256, least: int = 8):
    """``(start, chunk)`` pairs: chunks small enough to balance ``workers``, big enough to
    amortise a task; ``start`` is the chunk's first index in ``items``."""
    size = max(least, min(most, -(-len(items) // max(1, workers * 4))))
    return [(i, items[i:i + size]) for i in range(0, len(items), size)]


def run_sequential(settings: Settings, documents):
    for i, result in enumerate(pipeline_for(settings).run(documents)):
        yield i, result


# --------------------------------------------------------------------- process pool
_POOL_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _POOL_SETTINGS
    _POOL_SETTINGS = settings
    pipeline_for(settings)  # build the pipeline once, before the first chunk arrives


def _pool_task(start: int, documents):
    return start, extract_batch(_POOL_SETTINGS, documents)


def _context():
    # fork shares the already-imported spaCy with the workers (start-up in ms, not seconds)
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _ready() -> None:
    """A task that only makes the pool start its workers (each builds the pipeline first)."""


def start_pool(settings: Settings, jobs: int) -> ProcessPoolExecutor:
    """``jobs`` worker processes, started now: each imports spaCy and builds the pipeline
    while the caller goes on (a warm build reads its reports and cache meanwhile)."""
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=_context(),
                               initializer=_init_worker, initargs=(settings,))
    pool.submit(_ready)
    return pool


def run_pool(settings: Settings, documents, jobs: int, *, pool=None):
    """Extract with ``jobs`` processes, each building the pipeline once.

    The work is handed out before this returns, so the caller can do other things (a
    warm build decodes its cached results) while the workers extract; iterating the
    result collects it. ``pool``: workers already started by :func:`start_pool` (used
    even for one job or one document; shut down when the results are collected or closed).
    """
    documents = list(documents)
    if pool is None and (jobs <= 1 or len(documents) < 2):
        return run_sequential(settings, documents)
    chunks = chunked(documents, max(1, jobs))
    if pool is None:
        pool = start_pool(settings, min(jobs, len(chunks)))
    try:
        futures = [pool.submit(_pool_task, s, c) for s, c in chunks]
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return _Running(pool, futures)


class _Running:
    """Iterates ``(index, result)`` as the pool's chunks finish; ``close()`` stops the pool
    whether or not iteration began (a generator that never started cannot clean up)."""

    def __init__(self, pool, futures):
        self.pool = pool
        self._results = self._iterate(futures)

    def _iterate(self, futures):
        try:
            for fut in as_completed(futures):
                start, results = fut.result()
                for k, r in enumerate(results):
                    yield start + k, r
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._results)

    def close(self) -> None:
        self._results.close()
        self.pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------- Dask
CONNECT_TIMEOUT = "20s"


def _dask_task(settings: Settings, start: int, documents):
    return start, extract_batch(settings, documents)


def run_dask(settings: Settings, documents, scheduler: str, jobs: int = 0):
    """Extract as Dask tasks on the cluster at ``scheduler`` (``"local"``: a LocalCluster here).

    The settings go to every worker once (scattered); documents travel as text in
    batches; each worker thread builds the pipeline on its first task and keeps it.
    """
    try:
        from distributed import Client, LocalCluster, as_completed as dask_completed
    except ImportError:
        raise GraphxError("--scheduler needs Dask: pip install 'graphx[dask]'") from None
    documents = list(documents)
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=":0", silence_logs=40)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise GraphxError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs or 1)
        chunks = chunked(documents, workers)
        shared = client.scatter(settings, broadcast=True)
        futures = [client.submit(_dask_task, shared, s, c, pure=False) for s, c in chunks]
        for _, (start, results) in dask_completed(futures, with_results=True):
            for k, r in enumerate(results):
                yield start + k, r
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(settings: Settings, documents, *, jobs: int = 1, scheduler: str | None = None, pool=None):
    """Pick the runner: Dask when ``scheduler`` is given, else the workers of ``pool``
    (:func:`start_pool`) when given, else a pool when ``jobs > 1``, else this process."""
    documents = list(documents)
    if not documents:  # everything came from the cache: load no pipeline, start no workers
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        return iter(())
    if scheduler:
        return run_dask(settings, documents, scheduler, jobs if jobs > 1 else 0)
    if jobs > 1 or pool is not None:
        return run_pool(settings, documents, jobs, pool=pool)
    return run_sequential(settings, documents)


__all__ = ["run", "run_pool", "run_dask", "run_sequential", "chunked", "start_pool"]
