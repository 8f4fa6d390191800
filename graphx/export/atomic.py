"""Write a file so that readers see the old version or the new one, never half.

The new content goes to a hidden temporary file in the same folder
(``.graph.json.<pid>.<random>.tmp``), is flushed to disk, then renamed over
the target: a rename within one file system is atomic, so a build killed at
any moment (SIGKILL included) leaves the previous file intact. A killed build
leaves its temporary file behind; :func:`remove_stale_temps` (run before each
export) deletes those whose process is gone. Temporary names start with a dot
and end in ``.tmp``, so they are never taken for outputs. A new file that holds the
bytes the target already has is dropped instead (a warm rebuild that changes nothing
in an output leaves that file, and its time stamp, alone).
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


class Stage:
    """New files written but not yet in place (see :func:`staged`)."""

    def __init__(self):
        self.pending: list[tuple[str, Path]] = []  # (temporary file, target)
        self.replaced: list[Path] = []


_STAGES: list[Stage] = []


@contextmanager
def staged():
    """Write a set of files all or none: inside, :func:`atomic_write` leaves each new file
    as its flushed temporary; on leaving, they are renamed into place one after the other.

    If any write fails (a disk that fills halfway through the set), every temporary file is
    removed and no target changes: a set of outputs is never part old, part new. (Only a
    crash between two of the final renames, a few microseconds, can still mix the set.)
    ``stage.replaced`` lists the targets renamed before a failure in that last step.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with staged():
    ...     with atomic_write(d / "a.txt") as f:
    ...         _ = f.write("a")
    ...     (d / "a.txt").exists()
    False
    >>> (d / "a.txt").read_text()
    'a'
    """
    stage = Stage()
    _STAGES.append(stage)
    try:
        yield stage
    except BaseException:
        _STAGES.remove(stage)
        _discard(stage.pending)
        raise
    _STAGES.remove(stage)
    folders = []
    try:
        while stage.pending:
            tmp, path = stage.pending[0]
            os.replace(tmp, path)
            stage.pending.pop(0)
            stage.replaced.append(path)
            if path.parent not in folders:
                folders.append(path.parent)
    finally:
        _discard(stage.pending)
        for folder in folders:
            _sync_folder(folder)


def _discard(pending) -> None:
    for tmp, _ in pending:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    pending.clear()


@contextmanager
def atomic_write(path, mode="w", encoding="utf-8"):
    """Context manager yielding a file object; on success it replaces ``path``
    (inside :func:`staged`: when the whole set is written).

    On any exception the temporary file is removed and ``path`` is untouched.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_write(p) as f:
    ...     _ = f.write("ok")
    >>> p.read_text()
    'ok'
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": "\n"}
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
            f.flush()
            if _same_bytes(tmp, path):
                # a rebuild that changes nothing in this file leaves it alone (not rewritten:
                # its time stamp too says it did not change)
                f.close()
                os.unlink(tmp)
                return
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        if _STAGES:
            _STAGES[-1].pending.append((tmp, path))
            return
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(path.parent)


def _same_bytes(a, b, block: int = 1 << 20) -> bool:
    """Whether files ``a`` and ``b`` hold the same bytes (``b`` a regular file)."""
    try:
        if not os.path.isfile(b) or os.path.islink(b) or os.path.getsize(a) != os.path.getsize(b):
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                x, y = fa.read(block), fb.read(block)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    # The rename itself reaches the disk only when the folder is synced (POSIX).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename still happened
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def remove_stale_temps(folder) -> list[Path]:
    """Delete temporary files left in ``folder`` by killed writers; return them.

    A temporary file whose writer is still running (another build writing to
    the same folder) is left alone.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / ".graph.json.999999999.abc.tmp").write_text("half")
    >>> [p.name for p in remove_stale_temps(d)]
    ['.graph.json.999999999.abc.tmp']
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in sorted(entries, key=lambda e: e.name):
        m = _TEMP.match(entry.name)
        if m and entry.is_file(follow_symlinks=False) and not _alive(int(m.group("pid"))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed
