"""Per-document extraction cache in an embedded SQLite file next to the outputs.

A row holds one document's :class:`~graphx.extract.DocResult`, keyed by the
document id and checked against the document's content hash and the settings
fingerprint (graphx code, spaCy, model, alias table, cue lexicon). Anything
else is a miss. Rows carry a checksum of their payload; a file that is not a
SQLite database, has another schema or fails SQLite's quick check is deleted
and rebuilt, and a row whose payload does not verify or decode is re-extracted:
the cache is never trusted over the text.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import zlib
from pathlib import Path
from urllib.parse import quote

from .errors import GraphFileError
from .extract import DocResult

CACHE_NAME = ".graphx-cache.sqlite"
SCHEMA = "graphx-cache/1"


class Cache:
    """Open (creating or repairing) the cache at ``path``.

    ``warnings`` lists what was found wrong and repaired, for the caller to show.

    Examples
    --------
    >>> import tempfile, os
    >>> c = Cache(os.path.join(tempfile.mkdtemp(), CACHE_NAME))
    >>> c.get_many([("a.txt", "digest")], "fp")
    {}
    >>> c.close()
    """

    def __init__(self, path):
        self.path = Path(path)
        self.warnings: list[str] = []
        self.hits = 0
        self.failed = ""  # why the cache cannot be written: the build goes on without it
        try:
            self.db = self._open()
        except sqlite3.OperationalError as exc:
            if _not_damage(exc):  # locked by another build, a full disk, a read-only folder
                self.db = self._reader(exc)
                return
            self.warnings.append(f"cache {self.path} is unreadable ({exc}); rebuilding it")
            self._remove()
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            self.warnings.append(f"cache {self.path} is unreadable ({exc}); rebuilding it")
            self._remove()
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)  # wait out another build's write
        try:
            # Whose file this is is settled before anything is written to it (a foreign
            # database, say behind a symlink, is not switched to WAL and then rejected).
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables:
                _check(db, tables)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if not tables:
                db.executescript(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                    "CREATE TABLE docs (doc TEXT PRIMARY KEY, digest TEXT NOT NULL, fingerprint TEXT NOT NULL,"
                    " checksum TEXT NOT NULL, result BLOB NOT NULL);")
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
                db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def _reader(self, exc) -> sqlite3.Connection:
        """The cache opened read-only after ``exc`` kept it from being opened for writing: its
        rows are used and nothing is written (GraphFileError when it cannot even be read)."""
        why = _why(exc)
        if "unable to open" in why:  # SQLite's words when it cannot make its -wal or -shm file
            why = _folder_state(self.path) or why
        if "locked" in why or not self.path.exists():
            raise GraphFileError(f"cache {self.path}: cannot open ({why})")
        try:
            db = _open_readonly(self.path)
            _check(db, {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")})
        except sqlite3.Error as again:
            raise GraphFileError(f"cache {self.path}: cannot open ({why}; read-only: {again})") from None
        self.failed = why
        self.warnings.append(f"cache {self.path}: cannot write ({why}); using it without updating it")
        return db

    def _write(self, sql, rows=None) -> None:
        """Run one write and commit it; a failure (disk full, read-only, locked) is a warning,
        and the cache is not written again in this build."""
        if self.failed:
            return
        try:
            if rows is None:
                self.db.execute(sql)
            else:
                self.db.executemany(sql, rows)
            self.db.commit()
        except (sqlite3.Error, OSError) as exc:
            self.failed = _why(exc)
            self.warnings.append(f"cache {self.path}: cannot write ({self.failed}); "
                                 "the build goes on without updating it")
            try:
                self.db.rollback()
            except sqlite3.Error:
                pass

    def _read(self, sql, args=()) -> list:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            self.warnings.append(f"cache {self.path}: cannot read ({_why(exc)}); extracting without it")
            return []

    def _remove(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.remove(str(self.path) + suffix)
            except FileNotFoundError:
                pass

    def digests(self, fingerprint: str) -> dict:
        """``{doc id: digest}`` of the rows stored with ``fingerprint`` (nothing decoded, nothing
        verified: :meth:`get_many` checks each row it returns)."""
        return dict(self._read("SELECT doc, digest FROM docs WHERE fingerprint=?", (fingerprint,)))

    def get_many(self, keys, fingerprint: str) -> dict:
        """``{doc id: DocResult}`` for the ``(doc id, digest)`` pairs cached with ``fingerprint``."""
        wanted = dict(keys)
        found = {}
        bad = []
        # rows of other settings are never read (after a change of settings, none are)
        rows = self._read("SELECT doc, digest, fingerprint, checksum, result FROM docs WHERE fingerprint=?",
                          (fingerprint,))
        for doc, digest, fp, checksum, blob in rows:
            if wanted.get(doc) != digest or fp != fingerprint:
                continue
            try:
                if hashlib.sha256(blob).hexdigest() != checksum:
                    raise ValueError("checksum mismatch")
                result = DocResult.from_json(zlib.decompress(blob))
                if result.doc != doc:
                    raise ValueError("row for another document")
            except Exception as exc:
                bad.append(doc)
                self.warnings.append(f"cache entry for {doc} is damaged ({exc}); extracting it again")
                continue
            found[doc] = result
        if bad:
            self._write("DELETE FROM docs WHERE doc=?", [(d,) for d in bad])
        self.hits += len(found)
        return found

    def put_many(self, items, fingerprint: str) -> None:
        """Store ``(doc id, digest, DocResult)`` triples (replacing older rows of those documents)."""
        if self.failed:
            return
        rows = []
        for doc, digest, result in items:
            blob = zlib.compress(result.to_json(), 1)
            rows.append((doc, digest, fingerprint, hashlib.sha256(blob).hexdigest(), blob))
        self._write("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)", rows)

    def prune(self, keep) -> int:
        """Drop rows of documents not in ``keep`` (ids): the cache mirrors the last build."""
        keep = set(keep)
        gone = [(d,) for (d,) in self._read("SELECT doc FROM docs") if d not in keep]
        if gone:
            self._write("DELETE FROM docs WHERE doc=?", gone)
        return len(gone)

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass


def _check(db, tables) -> None:
    """Raise DatabaseError unless ``db`` is a graphx cache of this schema that passes SQLite's quick check."""
    row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() if "meta" in tables else None
    if not row or row[0] != SCHEMA or "docs" not in tables:
        raise sqlite3.DatabaseError(f"not a {SCHEMA} cache")
    check = db.execute("PRAGMA quick_check").fetchone()
    if not check or check[0] != "ok":
        raise sqlite3.DatabaseError(f"quick_check: {check and check[0]}")


# SQLite's words for a cache that is fine but cannot be used now: not a reason to delete it
_NOT_DAMAGE = ("locked", "busy", "full", "readonly", "read-only", "unable to open", "disk i/o")


def _not_damage(exc) -> bool:
    return any(w in str(exc).lower() for w in _NOT_DAMAGE)


def _folder_state(path) -> str:
    """Why nothing can be written next to ``path``, if that is the case ("" otherwise)."""
    folder = Path(os.path.realpath(path)).parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "read-only file system"
    except OSError:
        return ""
    return "" if os.access(folder, os.W_OK) else f"the folder {folder} is read-only for you"


def _why(exc) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    if "locked" in text or "busy" in text:
        return f"{text}: another build is using it"
    return text


def cache_path(outdir) -> Path:
    return Path(outdir) / CACHE_NAME


def clear_cache(outdir) -> bool:
    """Delete the cache of an output folder; True if there was one.

    Raises :class:`~graphx.errors.GraphFileError` when it cannot be deleted (a read-only folder).
    """
    path = cache_path(outdir)
    existed = path.exists() or path.is_symlink()
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(str(path) + suffix)
        except FileNotFoundError:
            pass
        except OSError as exc:
            hint = (f"the folder {path.parent} is read-only for you; delete it where you can write, or "
                    "leave it: a build with --no-cache ignores it") if exc.errno in (errno.EACCES, errno.EPERM,
                                                                                    errno.EROFS) else "try again"
            raise GraphFileError(f"cannot delete {str(path) + suffix} ({exc.strerror or exc}): {hint}") from None
    return existed


def cache_info(outdir) -> dict:
    """Rows and size of an output folder's cache (empty dict when there is none).

    Reads only: the file is opened read-only, nothing is repaired or deleted, and a
    damaged cache is reported in ``warnings`` (the next build rebuilds it).
    """
    path = cache_path(outdir)
    if not path.exists():
        return {}
    warnings: list[str] = []
    n = fps = 0
    try:
        db = _open_readonly(path)
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            _check(db, tables)
            n = db.execute("SELECT count(*) FROM docs").fetchone()[0]
            fps = db.execute("SELECT count(DISTINCT fingerprint) FROM docs").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise GraphFileError(f"cache {path}: cannot read ({_why(exc)}); try again when it is done") from None
        warnings.append(f"cache {path} is unreadable ({exc}); the next build rebuilds it")
    size = sum(os.path.getsize(str(path) + s) for s in ("", "-wal") if os.path.exists(str(path) + s))
    return {"path": str(path), "documents": n, "fingerprints": fps, "bytes": size, "warnings": warnings}


def _open_readonly(path) -> sqlite3.Connection:
    """A connection that cannot write ``path``. A WAL database in a folder one cannot write
    (no -shm file can be made there) is opened as immutable instead."""
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    if not os.path.exists(str(path) + "-wal"):
        # at rest (no build writing it): read the file as it is, making no -wal or -shm file beside it
        return sqlite3.connect(uri + "&immutable=1", uri=True)
    try:
        db = sqlite3.connect(uri, uri=True, timeout=5)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise
        return sqlite3.connect(uri + "&immutable=1", uri=True)


__all__ = ["Cache", "CACHE_NAME", "cache_path", "clear_cache", "cache_info"]
