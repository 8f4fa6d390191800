"""Find and read reports: files and folders in, :class:`Document` records out.

A report is a UTF-8 text file (``.txt`` or ``.md``). It may begin with a
header block of ``Key: value`` lines using the known keys below, ended by a
blank line; those values become the document's metadata. A first line such as
"Syrian Crisis: After decades ..." is not a known key, so it stays text.
A ``Source: X`` line among the last lines of a report (a common footer) names
the outlet when the header does not.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .types import Document

EXTENSIONS = (".txt", ".md")

# Header keys we understand, lower-cased -> metadata key.
HEADER_KEYS = {
    "title": "title",
    "source": "source",
    "url": "url",
    "date": "date",
    "language": "language",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")
# A footer naming the outlet, in the languages of the corpus ("Source: Al Jazeera",
# "المصدر: الحرة"); only looked for in the last lines of a report.
_FOOTER_SOURCE = re.compile(r"^\s*(?:source|المصدر)\s*:\s*(\S.{0,78}?)\s*$", re.IGNORECASE)
_FOOTER_LINES = 8


@dataclass(frozen=True)
class Skipped:
    """A file that was not built, and why (shown to the user)."""

    path: str
    reason: str


def find_documents(paths) -> tuple[list[tuple[str, Path]], list[Skipped]]:
    """Expand files and folders into ``(document id, path)`` pairs, sorted by id.

    Folders are searched recursively for ``.txt``/``.md`` files (hidden files
    and folders are ignored). A document's id is its path relative to the
    folder given (a file given directly is its own name). A path that does not
    exist raises :class:`InputError`.

    Examples
    --------
    >>> pairs, skipped = find_documents(["seeds"])
    >>> pairs[0][0]
    '000_4249c692fd90a8b2.txt'
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: dict[str, Path] = {}
    skipped: list[Skipped] = []
    for given in paths:
        root = Path(given)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"{given}: no such file or folder")
        if root.is_dir():
            candidates = []
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if name.startswith(".") or not name.lower().endswith(EXTENSIONS):
                        continue
                    p = Path(dirpath) / name
                    candidates.append((p.relative_to(root).as_posix(), p))
        else:
            candidates = [(root.name, root)]
        for doc_id, p in candidates:
            if doc_id in found:
                skipped.append(Skipped(str(p), f"same document id as {found[doc_id]}"))
                continue
            found[doc_id] = p
    return sorted(found.items()), skipped


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode report bytes: UTF-8 (a BOM is dropped), or UTF-16 with a BOM.

    Raises :class:`InputError` naming the byte offset of invalid UTF-8, and
    for data that looks binary.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL byte at {data.index(0)})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 at byte {exc.start} (re-save it as UTF-8)"
        ) from None


def parse_header(text: str) -> tuple[dict, int]:
    """Split off a leading ``Key: value`` block ended by a blank line.

    Returns ``(metadata, body_start)``. Every line before the first blank line
    must use a known key, otherwise there is no header and ``body_start`` is 0.

    Examples
    --------
    >>> parse_header("Title: Fall\\nSource: Reuters\\n\\nAssad fled.")
    ({'title': 'Fall', 'source': 'Reuters'}, 29)
    >>> parse_header("Syrian Crisis: After decades of rule\\n\\nText.")
    ({}, 0)
    """
    meta: dict = {}
    pos = 0
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if not line.strip():
            if meta and nl >= 0:
                return meta, nl + 1
            return {}, 0
        m = _HEADER_LINE.match(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, 0
        meta[HEADER_KEYS[m.group(1).lower()]] = m.group(2)
        if nl < 0:
            return {}, 0
        pos = nl + 1


def _footer_source(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()][-_FOOTER_LINES:]
    for line in reversed(lines):
        m = _FOOTER_SOURCE.match(line)
        if m:
            return m.group(1)
    return ""


def make_document(doc_id: str, text: str, path: str = "") -> Document:
    """Build a :class:`Document` from decoded text (header parsed, ids kept).

    Examples
    --------
    >>> d = make_document("a.txt", "Source: AP\\n\\nPutin called Erdogan.")
    >>> d.meta["source"], d.body
    ('AP', 'Putin called Erdogan.')
    """
    meta, body_start = parse_header(text)
    if "source" not in meta:
        footer = _footer_source(text[body_start:])
        if footer:
            meta["source"] = footer
    return Document(id=doc_id, path=path or doc_id, text=text, meta=meta, body_start=body_start)


def read_document(doc_id: str, path: Path) -> Document:
    """Read and decode one report; :class:`InputError` says why it cannot be used."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return make_document(doc_id, text, str(path))
