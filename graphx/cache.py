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

import hashlib
import os
import sqlite3
import zlib
from pathlib import Path

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
        try:
            self.db = self._open()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):  # another build is writing it: not damage
                raise GraphFileError(f"cache {self.path} is in use by another build ({exc}); wait for it, "
                                     "or build with --no-cache or into another --output folder") from None
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
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                db.executescript(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                    "CREATE TABLE docs (doc TEXT PRIMARY KEY, digest TEXT NOT NULL, fingerprint TEXT NOT NULL,"
                    " checksum TEXT NOT NULL, result BLOB NOT NULL);")
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
                db.commit()
            else:
                row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() \
                    if "meta" in tables else None
                if not row or row[0] != SCHEMA or "docs" not in tables:
                    raise sqlite3.DatabaseError(f"not a {SCHEMA} cache")
                check = db.execute("PRAGMA quick_check").fetchone()
                if not check or check[0] != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {check and check[0]}")
        except BaseException:
            db.close()
            raise
        return db

    def _remove(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.remove(str(self.path) + suffix)
            except FileNotFoundError:
                pass

    def digests(self, fingerprint: str) -> dict:
        """``{doc id: digest}`` of the rows stored with ``fingerprint`` (nothing decoded, nothing
        verified: :meth:`get_many` checks each row it returns)."""
        return dict(self.db.execute("SELECT doc, digest FROM docs WHERE fingerprint=?", (fingerprint,)))

    def get_many(self, keys, fingerprint: str) -> dict:
        """``{doc id: DocResult}`` for the ``(doc id, digest)`` pairs cached with ``fingerprint``."""
        wanted = dict(keys)
        found = {}
        bad = []
        # rows of other settings are never read (after a change of settings, none are)
        rows = self.db.execute("SELECT doc, digest, fingerprint, checksum, result FROM docs WHERE fingerprint=?",
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
            self.db.executemany("DELETE FROM docs WHERE doc=?", [(d,) for d in bad])
            self.db.commit()
        self.hits += len(found)
        return found

    def put_many(self, items, fingerprint: str) -> None:
        """Store ``(doc id, digest, DocResult)`` triples (replacing older rows of those documents)."""
        rows = []
        for doc, digest, result in items:
            blob = zlib.compress(result.to_json(), 1)
            rows.append((doc, digest, fingerprint, hashlib.sha256(blob).hexdigest(), blob))
        self.db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)", rows)
        self.db.commit()

    def prune(self, keep) -> int:
        """Drop rows of documents not in ``keep`` (ids): the cache mirrors the last build."""
        keep = set(keep)
        gone = [(d,) for (d,) in self.db.execute("SELECT doc FROM docs") if d not in keep]
        if gone:
            self.db.executemany("DELETE FROM docs WHERE doc=?", gone)
            self.db.commit()
        return len(gone)

    def close(self) -> None:
        self.db.close()


def cache_path(outdir) -> Path:
    return Path(outdir) / CACHE_NAME


def clear_cache(outdir) -> bool:
    """Delete the cache of an output folder; True if there was one."""
    path = cache_path(outdir)
    existed = path.exists()
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(str(path) + suffix)
        except FileNotFoundError:
            pass
    return existed


def cache_info(outdir) -> dict:
    """Rows and size of an output folder's cache (empty dict when there is none)."""
    path = cache_path(outdir)
    if not path.exists():
        return {}
    c = Cache(path)
    try:
        n = c.db.execute("SELECT count(*) FROM docs").fetchone()[0]
        fps = c.db.execute("SELECT count(DISTINCT fingerprint) FROM docs").fetchone()[0]
    finally:
        c.close()
    size = sum(os.path.getsize(str(path) + s) for s in ("", "-wal") if os.path.exists(str(path) + s))
    return {"path": str(path), "documents": n, "fingerprints": fps, "bytes": size, "warnings": c.warnings}


__all__ = ["Cache", "CACHE_NAME", "cache_path", "clear_cache", "cache_info"]
