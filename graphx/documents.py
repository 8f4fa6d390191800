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
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .records import Document

EXTENSIONS = (".txt", ".md")
# Files larger than this are skipped before reading. A news report is a few kB; 1 MB is
# ~180k tokens, ~60 MB of memory and some seconds, and it is spaCy's own default limit
# (nlp.max_length, 1,000,000 characters), beyond which a trained parser or NER needs
# about 1 GB of memory per 100k characters. --max-bytes raises it.
MAX_BYTES = 1_000_000

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


# Code points XML 1.0 cannot hold (so no GraphML or GEXF reader accepts them) and that no
# UTF-8 writer can encode (lone surrogates): C0 controls but tab, LF and CR; U+FFFE, U+FFFF.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# of those, the ones str.split() and spaCy take for whitespace: a space keeps the words apart
_SPACE_LIKE = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
_LONE_CR = re.compile(r"\r(?!\n)")


def clean_text(text: str) -> tuple[str, int]:
    """Text as graphx reads it: lone CR line endings become LF, and code points XML cannot hold
    become U+FFFD (control characters that are whitespace become a space); returns the text
    and how many code points were replaced. One code point for one: offsets do not move.

    >>> clean_text("Putin\\x0bcalled\\ufffe Erdogan.\\rAssad\\ud800 fled.") == (
    ...     "Putin called\\ufffd Erdogan.\\nAssad\\ufffd fled.", 3)
    True
    """
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return replace_not_text(text)


def replace_not_text(text: str) -> tuple[str, int]:
    """``text`` with the code points XML cannot hold replaced (see :func:`clean_text`), and their number."""
    found = _NOT_TEXT.findall(text)
    if not found:
        return text, 0
    return _NOT_TEXT.sub(lambda m: " " if m.group() in _SPACE_LIKE else "\ufffd", text), len(found)


def display_path(path) -> str:
    """A path as text that can be printed and written anywhere: bytes that are not UTF-8 and
    characters XML cannot hold are shown as escapes.

    >>> print(display_path(b"in/bad\\xff\\xfe.txt".decode("utf-8", "surrogateescape")))
    in/bad\\xff\\xfe.txt
    """
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _NOT_TEXT.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else
                         f"\\u{ord(m.group()):04x}", text)


def _bad_name(doc_id: str) -> str:
    """Why a file's name cannot be a document id (it is in every citation), or ""."""
    if not _NOT_TEXT.search(doc_id):
        return ""
    try:
        os.fsencode(doc_id).decode("utf-8")
    except UnicodeDecodeError:
        return "file name is not valid UTF-8 (rename the file)"
    return "file name holds control characters (rename the file)"


def find_documents(paths, ignored: list | None = None) -> tuple[list[tuple[str, Path]], list[Skipped]]:
    """Expand files and folders into ``(document id, path)`` pairs, sorted by id.

    Folders are searched recursively for ``.txt``/``.md`` files (hidden files
    and folders are ignored). A document's id is its path relative to the
    folder given (a file given directly is its own name). A path that does not
    exist raises :class:`InputError`.

    Symlinks to files are read through; symlinks to folders inside a folder are
    not followed (so a loop cannot hang the search) and are listed as skipped,
    as are folders that cannot be listed. When two files have the same id, the
    one whose path sorts first is used, whatever the order the paths were given in.
    Files of other types in a folder (not hidden) are appended to ``ignored`` when it is
    given, so that the build can say how many it left alone.

    Examples
    --------
    >>> pairs, skipped = find_documents(["seeds"])
    >>> pairs[0][0]
    '000_4249c692fd90a8b2.txt'
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    candidates: list[tuple[str, Path]] = []
    skipped: list[Skipped] = []
    for given in paths:
        root = Path(given)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"{given}: no such file or folder")
        if root.is_dir():
            candidates.extend(_walk(root, skipped, ignored))
        else:
            candidates.append((root.name, root))
    found: dict[str, Path] = {}
    for doc_id, p in sorted(set(candidates), key=lambda c: (c[0], c[1].as_posix())):
        bad = _bad_name(doc_id)
        if bad:
            skipped.append(Skipped(display_path(p), bad))
            continue
        if doc_id in found:
            skipped.append(Skipped(display_path(p), f"same document id as {display_path(found[doc_id])}"))
            continue
        found[doc_id] = p
    return sorted(found.items()), sorted(skipped, key=lambda s: (s.path, s.reason))


def _walk(root: Path, skipped: list[Skipped], ignored: list | None = None):
    def unlistable(exc: OSError):
        skipped.append(Skipped(display_path(exc.filename), f"cannot list folder ({exc.strerror or exc})"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable):
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(dirpath, d)):
                skipped.append(Skipped(display_path(os.path.join(dirpath, d)),
                                       "symlink to a folder, not followed (give the folder itself)"))
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            if name.startswith("."):
                continue
            if not name.lower().endswith(EXTENSIONS):
                if ignored is not None:
                    ignored.append(os.path.join(dirpath, name))
                continue
            p = Path(dirpath) / name
            yield p.relative_to(root).as_posix(), p


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode report bytes: UTF-8 (a BOM is dropped), or UTF-16/UTF-32 with a BOM.

    Raises :class:`InputError` naming the byte offset (and line) of invalid
    UTF-8, and for data that looks binary. Invalid UTF-8 is refused, not
    repaired: such a file is usually in another encoding (Windows-1256 for
    Arabic), and guessing would put garbled names and quotes in the graph.

    >>> decode(b"\\xef\\xbb\\xbfAssad")
    'Assad'
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {codec.upper()} at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL byte at {data.index(0)}; "
                         "if it is UTF-16 text, save it with a BOM or as UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 at byte {exc.start} (line {line}); re-save it as UTF-8"
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

    This is where text enters graphx: it is read through :func:`clean_text`, so that every
    export can hold it (``Document.replaced`` counts the characters replaced).
    """
    text, replaced = clean_text(text)
    meta, body_start = parse_header(text)
    if "source" not in meta:
        footer = _footer_source(text[body_start:])
        if footer:
            meta["source"] = footer
    return Document(id=doc_id, path=display_path(path or doc_id), text=text, meta=meta, body_start=body_start,
                    replaced=replaced)


_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


class NotRegularFile(ValueError):
    """A path to read is a named pipe, a device, a folder...: ``str()`` says which."""


def read_regular(path, max_bytes: int | None) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes + 1`` of them (None or 0: all).

    The file is opened without waiting (a named pipe with no writer would block ``open`` forever)
    and checked as opened, so a path swapped for a pipe or a device after a check is refused too.
    Raises :class:`NotRegularFile`, or OSError when it cannot be read.

    >>> read_regular("/dev/zero", 10)
    Traceback (most recent call last):
    ...
    graphx.documents.NotRegularFile: not a regular file (a device)
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((k for test, k in _FILE_KINDS if test(mode)), "not a file")
            raise NotRegularFile(f"not a regular file ({kind})")
        return f.read(max_bytes + 1) if max_bytes else f.read()


def read_document(doc_id: str, path: Path, max_bytes: int | None = MAX_BYTES) -> Document:
    """Read and decode one report; :class:`InputError` says why it cannot be used.

    Only regular files are read (a named pipe would block, a device never ends);
    files over ``max_bytes`` (None or 0: no limit) are refused before reading.
    """
    path = Path(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            kind = next((k for test, k in _FILE_KINDS if test(st.st_mode)), "not a file")
            raise InputError(f"{display_path(path)}: not a regular file ({kind})")
        if max_bytes and st.st_size > max_bytes:
            raise _too_large(path, st.st_size, max_bytes)
        data = read_regular(path, max_bytes)
    except NotRegularFile as exc:  # swapped for a pipe or a device since the check above
        raise InputError(f"{display_path(path)}: {exc}") from None
    except OSError as exc:
        raise InputError(f"{display_path(path)}: {_read_error(path, exc)}") from None
    if max_bytes and len(data) > max_bytes:  # it grew after the size check
        raise _too_large(path, len(data), max_bytes)
    text = decode(data, display_path(path))
    if not text.strip():
        raise InputError(f"{display_path(path)}: empty file")
    return make_document(doc_id, text, str(path))


def _too_large(path, size, limit) -> InputError:
    return InputError(f"{display_path(path)}: too large ({size:,} bytes; the limit is {limit:,}: "
                      "split the file or raise the limit with --max-bytes)")


def _read_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT:
        if path.is_symlink():
            return f"broken symlink (points to {display_path(os.readlink(path))})"
        return "vanished before it could be read (deleted or moved during the build)"
    return f"cannot read ({exc.strerror or exc})"
