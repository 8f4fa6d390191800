"""Write the page in a process of its own while the build writes its other files.

``graphx build --jobs N`` (N ≥ 2) has N processes' worth of CPU. Extraction uses
them; the exports came after it one by one in the build's process, and the page
(pyvis, its layout and its data) is the longest of them. :func:`page_in_child`
forks a process that writes the page as :func:`~graphx.export.html.write_html`
does, to a temporary file, while the build writes graph.json, GraphML and the
rest; the build then puts the page's temporary file in its staged set, so the
set is still renamed into place all or none (:func:`~graphx.export.atomic.staged`).

The child writes the bytes the build would (the same function on the same graph,
forked with it); it dies with the build however the build ends, and the build
stops it if anything else fails. A temporary file it leaves is named after the
build's process (:func:`~graphx.export.atomic.remove_stale_temps` removes it once
that is gone). Where ``fork`` is not available the page is written in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from .atomic import Stage, _STAGES, _TEMP, _discard


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _child(conn, parent: int, writer, G, path, kwargs) -> None:
    from ..parallel import _die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (the build stops it)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _die_with_parent(parent)
    stage = Stage()
    _STAGES[:] = [stage]  # (this process's copy of the build's stages: its files are left staged)
    try:
        writer(G, path, **kwargs)
        # named after the build's process, which renames them (this one is about to end)
        moved = []
        for tmp, target in stage.pending:
            m = _TEMP.match(Path(tmp).name)
            new = str(Path(tmp).with_name(f".{m.group('name')}.{parent}.{Path(tmp).name[m.end('pid') + 1:]}"))
            os.rename(tmp, new)
            moved.append((new, str(target)))
        stage.pending.clear()
        conn.send(("ok", moved))
    except OSError as exc:
        _discard(stage.pending)
        conn.send(("oserror", (exc.errno, exc.strerror or str(exc), exc.filename)))
    except BaseException as exc:  # noqa: BLE001 - the build raises it
        _discard(stage.pending)
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


class PageProcess:
    """The process writing the page: :meth:`finish` waits for it, :meth:`stop` ends it."""

    def __init__(self, process, conn, path):
        self.process, self.conn, self.path = process, conn, Path(path)

    def finish(self) -> list:
        """The (temporary file, target) pairs it wrote, to stage; raises what it met (an
        ``OSError`` as such), or an ``OSError`` saying how it died."""
        try:
            kind, value = self.conn.recv()
        except EOFError:
            self.process.join()
            code = self.process.exitcode
            how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited with status {code}"
            raise OSError(0, f"the process writing it {how}", str(self.path)) from None
        self.process.join()
        if kind == "ok":
            return [(tmp, Path(target)) for tmp, target in value]
        if kind == "oserror":
            errno, strerror, filename = value
            raise OSError(errno, strerror, filename)
        raise RuntimeError(f"{self.path.name}: {value}")

    def stop(self) -> None:
        """End the process if it still runs, and remove the files it staged but nobody took."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        # a file it was writing when it was stopped (named after it: no one else removes it now)
        try:
            entries = list(os.scandir(self.path.parent))
        except OSError:
            entries = []
        for entry in entries:
            m = _TEMP.match(entry.name)
            if m and int(m.group("pid")) == self.process.pid:
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass
        try:
            while self.conn.poll():
                kind, value = self.conn.recv()
                if kind == "ok":
                    _discard(list(value))
        except (EOFError, OSError):
            pass
        self.conn.close()


def page_in_child(writer, G, path, **kwargs) -> PageProcess:
    """Start a forked process running ``writer(G, path, **kwargs)`` with its file left staged."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(send, os.getpid(), writer, G, path, kwargs),
                          name="graphx-page", daemon=True)
    process.start()
    send.close()
    return PageProcess(process, receive, path)


__all__ = ["can_fork", "page_in_child", "PageProcess"]
