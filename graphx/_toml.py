"""Reading hand-made TOML data files with errors that name file and line."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from .errors import ConfigError

_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"""^\s*\[\[?\s*[\w."' -]+\]\]?\s*(#.*)?$""")
_TWICE = re.compile(r"Cannot declare (\(.*?\)) twice")


# A data file (alias table, cue lexicon, gold edges) is hand-made: the shipped ones are under
# 100 kB. The limit keeps a wrong path (a log, /dev/zero) from filling the memory.
MAX_CONFIG_BYTES = 32 * 2**20


def read_toml(path) -> tuple[dict, list[str]]:
    """Parse ``path``; return ``(data, lines)``. Syntax errors become ConfigError.

    Only a regular file of at most :data:`MAX_CONFIG_BYTES` is read (a named pipe would
    block, a device never ends); a character no export could hold is refused with its line.
    """
    from .documents import NotRegularFile, clean_text, read_regular

    path = Path(path)
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES)
    except NotRegularFile as exc:
        raise ConfigError(path, None, str(exc)) from None
    except OSError as exc:
        raise ConfigError(path, None, f"cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(path, None, f"too large (over {MAX_CONFIG_BYTES:,} bytes)",
                          "is it the right file? a data file is hand-made text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, None, f"not valid UTF-8 at byte {exc.start}") from None
    if clean_text(text)[1]:
        pos = next(i for i, c in enumerate(text) if clean_text(c)[1])
        line = text.count("\n", 0, pos) + 1
        raise ConfigError(path, line, f"character U+{ord(text[pos]):04X} at column {pos - text.rfind(chr(10), 0, pos)} "
                                      "is not allowed (no GraphML or GEXF reader accepts it)", "remove it")
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError(path, None, "tables or arrays nested too deeply to read",
                          "a data file needs two or three levels") from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _AT_LINE.search(msg)
        line = int(m.group(1)) if m else None
        if m is None and "at end of document" in msg:
            line = max(len(text.splitlines()), 1)
            msg = msg.replace("(at end of document)", "(at the end of the file)")
        twice = _TWICE.search(msg)
        if twice:  # the usual cause: an id used for two tables
            keys = ast.literal_eval(twice.group(1))
            keys = keys if isinstance(keys, tuple) else (keys,)
            raise ConfigError(path, line, f"[{'.'.join(map(str, keys))}] is defined twice (a duplicate id)",
                              "give each table its own id, or merge the two") from None
        problem = _AT_LINE.sub("", msg).strip() + (f" at column {m.group(2)}" if m else "")
        raise ConfigError(path, line, f"TOML syntax error: {problem}",
                          "see https://toml.io for the syntax") from None
    return data, text.splitlines()


def table_line(lines: list[str], table: str, key: str) -> int | None:
    """1-based line of the header ``[table.key]`` (quoted or bare), if present."""
    pat = re.compile(r"^\s*\[\s*" + re.escape(table) + r"\s*\.\s*(\"|')?" + re.escape(key) + r"\1?\s*\]")
    for i, line in enumerate(lines, 1):
        if pat.match(line):
            return i
    return None


def table_lines(lines: list[str], table: str) -> dict:
    """``{key: 1-based line}`` of the first ``[table.key]`` header of each key, in one pass (a
    :func:`table_line` per key scans the file once per key: a second of start-up for every build at
    the shipped table's size)."""
    pat = re.compile(r"^\s*\[\s*" + re.escape(table) + r"\s*\.\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\]\"'.]+))\s*\]")
    out: dict = {}
    for i, line in enumerate(lines, 1):
        m = pat.match(line)
        if m:
            out.setdefault(next(g for g in m.groups() if g is not None), i)
    return out


def value_line(lines: list[str], value: str, start: int = 1) -> int | None:
    """1-based line at or after ``start`` where the quoted string ``value`` appears."""
    needles = ('"' + value + '"', "'" + value + "'")
    for i in range(max(start, 1), len(lines) + 1):
        if any(n in lines[i - 1] for n in needles):
            return i
    return None


def section_line(lines: list[str], name: str) -> int | None:
    """1-based line of the header ``[name]``, if present."""
    pat = re.compile(r"^\s*\[\s*" + re.escape(name) + r"\s*\]")
    return next((i for i, line in enumerate(lines, 1) if pat.match(line)), None)


def key_line(lines: list[str], key: str, header: int | None) -> int | None:
    """1-based line of ``key = ...`` in the table whose header is at line ``header``.

    The search stops at the next table header; with ``header`` None it covers
    the top of the file, before the first header. Falls back to ``header``.

    >>> key_line(["[a]", "x = 1", "y = 2", "[b]", "y = 3"], "y", 1)
    3
    """
    pat = re.compile(r"^\s*([\"']?)" + re.escape(key) + r"\1\s*=")
    for i in range((header or 0) + 1, len(lines) + 1):
        if _HEADER.match(lines[i - 1]):
            break
        if pat.match(lines[i - 1]):
            return i
    return header


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (for files graphx writes for people to edit).

    JSON's string syntax is TOML's, but for DEL (U+007F), which TOML requires escaped.

    >>> import tomllib
    >>> s = 'He said "no" \\\\ \\x7f\\n'
    >>> tomllib.loads("k = " + toml_string(s))["k"] == s
    True
    """
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
