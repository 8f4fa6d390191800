"""Where extraction runs: this process, a pool of processes, or a Dask cluster.

Every runner calls :func:`graphx.extract.extract_batch` on chunks of
documents and yields ``(index, DocResult)`` as chunks finish, in any order; the
builder puts them back in document order before merging, so the output does
not depend on the runner.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import uuid
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from .errors import GraphxError
from .extract import DocResult, Settings, extract_batch, pipeline_for


def chunked(items, workers: int, most: int = 256, least: int = 8):
    """``(start, chunk)`` pairs, ``start`` being the chunk's first index in ``items``: each chunk a
    share of what is left (``1 / (2 * workers)`` of it, between ``least`` and ``most`` items), so the
    first are big enough to amortise a task and the last small enough that no worker waits long at
    the end for another to finish a big one.

    >>> [len(c) for _, c in chunked(list(range(100)), 2)]
    [25, 19, 14, 11, 8, 8, 8, 7]
    """
    out, i, n, workers = [], 0, len(items), max(1, workers)
    while i < n:
        size = max(least, min(most, -(-(n - i) // (2 * workers))))
        out.append((i, items[i:i + size]))
        i += size
    return out


def run_sequential(settings: Settings, documents):
    """Extract in this process. A Python error inside spaCy's stream (the rules already fail one
    report alone) costs one report too: the rest go on one document at a time."""
    documents = list(documents)
    pipeline = pipeline_for(settings)
    done = 0
    try:
        for result in pipeline.run(documents):
            yield done, result
            done += 1
    except Exception:  # noqa: BLE001 - which report it was is found below
        for i in range(done, len(documents)):
            yield i, _extract_alone(pipeline, documents[i])


def _extract_alone(pipeline, document) -> DocResult:
    try:
        return next(iter(pipeline.run([document])))
    except Exception as exc:  # noqa: BLE001 - it costs this report alone
        return DocResult(doc=document.id, error=f"{type(exc).__name__}: {exc}")


# --------------------------------------------------------------------- process pool
_POOL_SETTINGS: Settings | None = None
_SLOT: tuple | None = None  # (the pool's shared slots, this worker's index)
# How often a worker looks whether its parent is still there (where the kernel cannot tell it).
WATCH_SECONDS = 1.0


def _die_with_parent(parent: int) -> None:
    """End this worker when ``parent`` (the build) ends, however it ends: SIGKILL included.

    On Linux the kernel sends the worker SIGKILL when its parent dies (PR_SET_PDEATHSIG);
    everywhere a watchdog thread also ends it once it has another parent. An orphaned
    worker would otherwise sleep on with the caller's stdout open (a CI step reading it hangs).
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):  # not Linux
        pass
    if os.getppid() != parent:  # the parent died before the kernel was asked to watch it
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="graphx-watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def _init_worker(settings: Settings, parent: int = 0, slots=None, claimed=None) -> None:
    global _POOL_SETTINGS, _SLOT
    # Ctrl-C reaches the whole process group: the build stops its workers itself (no tracebacks).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the build's handlers (the CLI turns SIGTERM into a clean stop of
    # the build): a worker that is told to stop simply stops.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if parent:
        _die_with_parent(parent)
    if slots is not None:
        with claimed.get_lock():
            index = claimed.value
            claimed.value += 1
        _SLOT = (slots, index % len(slots))
    _POOL_SETTINGS = settings
    pipeline_for(settings)  # build the pipeline once, before the first chunk arrives


def _pool_task(start: int, documents):
    slot = _SLOT
    if slot is not None:  # which documents this worker is on, for the build to see if it dies
        slot[0][slot[1]] = start
    try:
        return start, extract_batch(_POOL_SETTINGS, documents)
    finally:
        if slot is not None:
            slot[0][slot[1]] = -1


def _alone_task(start: int, documents):
    """One document, and a Python error in spaCy or the rules is that document's result."""
    try:
        return _pool_task(start, documents)
    except Exception as exc:  # noqa: BLE001 - it costs this report alone
        return start, [DocResult(doc=documents[0].id, error=f"{type(exc).__name__}: {exc}")]


def _context():
    # fork shares the already-imported spaCy with the workers (start-up in ms, not seconds)
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _ready() -> None:
    """A task that only makes the pool start its workers (each builds the pipeline first)."""


def start_pool(settings: Settings, jobs: int) -> ProcessPoolExecutor:
    """``jobs`` worker processes, started now: each imports spaCy and builds the pipeline
    while the caller goes on (a warm build reads its reports and cache meanwhile).

    The workers ignore Ctrl-C (the build stops them) and die with this process, however it
    ends; each marks in a shared slot which documents it is extracting, so that the build can
    tell which report a worker was on when it died (:func:`run_pool`)."""
    ctx = _context()
    jobs = max(1, jobs)
    slots, claimed = ctx.Array("q", [-1] * jobs), ctx.Value("i", 0)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                               initargs=(settings, os.getpid(), slots, claimed))
    pool.graphx_slots = slots
    pool.submit(_ready)
    # the worker processes (started by that first task), to tell later how one of them died
    pool.graphx_processes = list((getattr(pool, "_processes", None) or {}).values())
    return pool


def stop_pool(pool) -> None:
    """Stop ``pool`` now: workers still extracting are killed, not waited for (Ctrl-C, an error)."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.kill()
        except (OSError, AttributeError, ValueError):
            pass
    pool.shutdown(wait=True, cancel_futures=True)


def run_pool(settings: Settings, documents, jobs: int, *, pool=None):
    """Extract with ``jobs`` processes, each building the pipeline once.

    The work is handed out before this returns, so the caller can do other things (a
    warm build decodes its cached results) while the workers extract; iterating the
    result collects it. ``pool``: workers already started by :func:`start_pool` (used
    even for one job or one document; shut down when the results are collected or closed).

    A worker that dies (a crash in spaCy, a signal) or a chunk that raises costs one report:
    the chunks it was on are extracted again one document at a time in a process of their own,
    and a document that kills that process too comes back as a failed result naming how it died.
    """
    documents = list(documents)
    if pool is None and (jobs <= 1 or len(documents) < 2):
        return run_sequential(settings, documents)
    chunks = chunked(documents, max(1, jobs))
    if pool is None:
        pool = start_pool(settings, min(jobs, len(chunks)))
    try:
        futures = {pool.submit(_pool_task, s, c): (s, c) for s, c in chunks}
    except BaseException:
        stop_pool(pool)
        raise
    return _Running(settings, pool, futures, jobs)


class _Running:
    """Iterates ``(index, result)`` as the pool's chunks finish; ``close()`` stops the pool
    whether or not iteration began (a generator that never started cannot clean up)."""

    def __init__(self, settings, pool, futures, jobs):
        self.settings, self.pool, self.jobs = settings, pool, max(1, jobs)
        self._results = self._iterate(futures)

    def _iterate(self, futures):
        try:
            while futures:
                alone, again = yield from self._collect(futures)
                yield from self._one_by_one(alone)
                futures = {}
                if again:  # chunks no worker had started when the pool broke: a new pool
                    self.pool = start_pool(self.settings, min(self.jobs, len(again)))
                    futures = {self.pool.submit(_pool_task, s, c): (s, c) for s, c in again}
        finally:
            stop_pool(self.pool)

    def _collect(self, futures):
        """Yield the results of ``futures``; return the (index, document) pairs to extract one by one
        (of chunks that raised or were being extracted when a worker died) and the chunks to run again."""
        alone, pending = [], dict(futures)
        for fut in as_completed(futures):
            start, chunk = futures[fut]
            try:
                _, results = fut.result()
            except BrokenProcessPool:
                break
            except Exception:  # noqa: BLE001 - a Python error in the chunk: find its document
                alone.extend((start + k, d) for k, d in enumerate(chunk))
            else:
                for k, r in enumerate(results):
                    yield start + k, r
            del pending[fut]
        if not pending:
            self.pool.shutdown(wait=True)
            return alone, []
        # A worker died: the chunks some worker was on are suspects, the others never ran.
        on = {v for v in getattr(self.pool, "graphx_slots", ()) if v >= 0}
        stop_pool(self.pool)
        if not on:
            raise GraphxError("the extraction workers died before extracting anything "
                              "(is there enough memory for --jobs workers?)")
        again = []
        for start, chunk in pending.values():
            if start in on:
                alone.extend((start + k, d) for k, d in enumerate(chunk))
            else:
                again.append((start, chunk))
        return alone, again

    def _one_by_one(self, items):
        """Extract ``(index, document)`` pairs one at a time in one worker process; a document
        whose extraction kills the process is the one that did, and comes back failed."""
        items = list(items)
        while items:
            self.pool = pool = start_pool(self.settings, 1)
            for n, (i, doc) in enumerate(items):
                fut = pool.submit(_alone_task, i, [doc])
                try:
                    _, (result,) = fut.result()
                except BrokenProcessPool:
                    if pool.graphx_slots[0] != i:
                        raise GraphxError("an extraction worker died before it could start") from None
                    yield i, DocResult(doc=doc.id, error=f"the process extracting it {_death(pool.graphx_processes)}")
                    stop_pool(pool)
                    items = items[n + 1:]
                    break
                yield i, result
            else:
                items = []
                stop_pool(pool)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._results)

    def close(self) -> None:
        self._results.close()
        stop_pool(self.pool)


def _death(procs) -> str:
    """How the worker process died: "was killed by SIGSEGV", "ended with exit status 7"."""
    for proc in procs:
        code = None
        # (the pool's own thread may be reaping it at the same moment: then exitcode reads
        # None for a while, though the process is gone, and join returns at once, so the wait
        # is timed here: up to 10 s, which a loaded machine needed)
        deadline = time.monotonic() + 10.0
        while True:
            proc.join(0.05)
            code = proc.exitcode
            if code is not None or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if code is not None and code < 0:
            try:
                return f"was killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"was killed by signal {-code}"
        if code:
            return f"ended with exit status {code}"
    return "ended abruptly"


# --------------------------------------------------------------------- Dask
CONNECT_TIMEOUT = "20s"


def run_dask(settings: Settings, documents, scheduler: str, jobs: int = 0):
    """Extract as Dask tasks on the cluster at ``scheduler`` (``"local"``: a LocalCluster here).

    The settings go to every worker once (a worker plugin, so that a worker started after
    one died has them too); documents travel as text in batches; each worker thread builds
    the pipeline on its first task and keeps it. A chunk whose task fails (its workers died:
    Dask's KilledWorker, or it raised) is run again one document per task, and a document
    whose task fails again costs that report alone.
    """
    try:
        from distributed import Client, LocalCluster, as_completed as dask_completed, wait as dask_wait

        from . import _dask
    except ImportError:
        raise GraphxError("--scheduler needs Dask: pip install 'graphx[dask]'") from None
    documents = list(documents)
    cluster = None
    try:
        if scheduler == "local":
            import dask

            # A task that kills two workers is the report's doing (Dask's default, 3 retries,
            # would have a crashing report kill eight workers before it is found).
            # (and one task at a time on a worker, so that a crash takes no other task with it)
            with dask.config.set({"distributed.scheduler.allowed-failures": 1,
                                  "distributed.scheduler.worker-saturation": 1.0}), _sigint_ignored():
                # (the workers start with Ctrl-C ignored: the build stops them; see _dask.SettingsPlugin)
                cluster = LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1,
                                       processes=True, dashboard_address=":0", silence_logs=50)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise GraphxError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from None
    plugin = _dask.SettingsPlugin(uuid.uuid4().hex, settings, own_cluster=cluster is not None)
    try:
        client.register_plugin(plugin)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs or 1)
        chunks = chunked(documents, workers)
        futures = {client.submit(_dask.task, plugin.token, s, c, pure=False): (s, c) for s, c in chunks}
        failed = []
        for fut, value in dask_completed(list(futures), with_results=True, raise_errors=False):
            if fut.status != "finished":  # a worker died on it, or it raised: find the report
                start, chunk = futures[fut]
                failed.extend((start + k, d) for k, d in enumerate(chunk))
                continue
            start, results = value
            for k, r in enumerate(results):
                yield start + k, r
        alone = {client.submit(_dask.alone, plugin.token, i, [d], pure=False): (i, d) for i, d in failed}
        suspects = []
        for fut, value in dask_completed(list(alone), with_results=True, raise_errors=False):
            i, d = alone[fut]
            if fut.status != "finished":
                suspects.append((i, d, _dask_error(fut)))
            else:
                yield i, value[1][0]
        # A task waiting on a worker that died is blamed with the one that killed it: when several
        # failed, each runs again on its own, one at a time, so that only the culprit is skipped.
        for i, d, why in suspects:
            if len(suspects) > 1:
                fut = client.submit(_dask.alone, plugin.token, i, [d], pure=False)
                dask_wait([fut])
                if fut.status == "finished":
                    yield i, fut.result()[1][0]
                    continue
                why = _dask_error(fut)
            yield i, DocResult(doc=d.id, error=f"the Dask task extracting it failed ({why})")
        try:
            client.unregister_worker_plugin(plugin.name)
        except Exception:  # noqa: BLE001 - a cluster going away takes the settings with it
            pass
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _sigint_ignored():
    """SIGINT ignored while processes are started: they inherit it (an ignored signal stays
    ignored across exec). A Ctrl-C in those few seconds is lost; the next one stops the build."""
    try:
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _dask_error(fut) -> str:
    try:
        exc = fut.exception(timeout=5)
    except BaseException as other:  # noqa: BLE001 - cancelled: that is the reason
        exc = other
    if type(exc).__name__ == "KilledWorker":
        return "every worker that ran it died: Dask's KilledWorker"
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def run(settings: Settings, documents, *, jobs: int = 1, scheduler: str | None = None, pool=None):
    """Pick the runner: Dask when ``scheduler`` is given, else the workers of ``pool``
    (:func:`start_pool`) when given, else a pool when ``jobs > 1``, else this process."""
    documents = list(documents)
    if not documents:  # everything came from the cache: load no pipeline, start no workers
        if pool is not None:
            stop_pool(pool)
        return iter(())
    if scheduler:
        return run_dask(settings, documents, scheduler, jobs if jobs > 1 else 0)
    if jobs > 1 or pool is not None:
        return run_pool(settings, documents, jobs, pool=pool)
    return run_sequential(settings, documents)


__all__ = ["run", "run_pool", "run_dask", "run_sequential", "chunked", "start_pool", "stop_pool"]
