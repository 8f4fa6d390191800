"""networkx node-link JSON with full citations (the graph's canonical file)."""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import MISSING, fields
from json.encoder import INFINITY, encode_basestring
from pathlib import Path

import networkx as nx

from ..records import Evidence, Rows, evidence_from_dict, evidence_to_dict
from .atomic import atomic_write

NODE_KEYS = ("label", "kind", "aliases", "mentions", "discovered")


def _node_rows(G):
    for n in sorted(G.nodes):
        d = G.nodes[n]
        # the known keys first, then any other attribute, so that load() gives back every one
        yield {"id": n, **{k: d.get(k) for k in NODE_KEYS}, **{k: v for k, v in d.items() if k not in NODE_KEYS}}


def _edge_rows(G):
    for s, t, k in sorted(G.edges(keys=True)):
        d = G.edges[s, t, k]
        row = {"source": s, "target": t, "key": k}
        for name, value in d.items():
            if name != "citations":
                row[name] = value
        row["citations"] = [evidence_to_dict(e) for e in d["citations"]]
        yield row


def graph_to_data(G) -> dict:
    """Node-link dict (``nodes`` / ``edges``) readable by ``nx.node_link_graph(d, edges="edges")``.

    Nodes and edges are sorted, so equal graphs give equal files.
    """
    return {"directed": True, "multigraph": True, "graph": dict(G.graph), "nodes": list(_node_rows(G)),
            "edges": list(_edge_rows(G))}


def _json_indented(value, level: int) -> str:
    # json.dumps(indent=1) of a value nested ``level`` deep: an encoded string never holds a
    # raw newline, so every newline of the text is a line break of the layout.
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)


def _indented(value, level: int) -> str:
    """The text of :func:`_json_indented`, made faster: with ``indent`` set, ``json`` uses its
    pure-Python encoder, which dominated the export of large graphs.

    Plain str, int, float, bool, None, list, tuple and dict with str keys are written here,
    anything else (subclasses, keys that are not str) by ``json`` itself, so the bytes are the same.

    >>> v = {"a": [1, 2.5, True, None, "x\\n\\u00e9", float("-inf")], "b": {}, "c": [], "d": [{"e": (1,)}]}
    >>> all(_indented(x, n) == _json_indented(x, n) for x in (v, {**v, 1: float("nan")}, [v, [v]]) for n in (0, 2))
    True
    """
    parts: list[str] = []
    _encode(value, level, parts)
    return "".join(parts)


def _float(value: float) -> str:
    # as json.dumps(allow_nan=True) writes a float
    if value != value:
        return "NaN"
    if value == INFINITY:
        return "Infinity"
    if value == -INFINITY:
        return "-Infinity"
    return float.__repr__(value)


_PLAIN = {str: encode_basestring, int: int.__repr__, float: _float, bool: lambda v: "true" if v else "false",
          type(None): lambda v: "null"}


def _encode(value, level: int, out) -> None:
    kind = type(value)
    plain = _PLAIN.get(kind)
    if plain is not None:
        out.append(plain(value))
    elif not value and (kind is dict or kind is list or kind is tuple):
        out.append("{}" if kind is dict else "[]")
    elif kind is dict:
        mark = len(out)
        inner = "\n" + " " * (level + 1)
        sep = "{" + inner
        for k, v in value.items():
            if type(k) is not str:  # json turns such keys into text its own way
                del out[mark:]
                out.append(_json_indented(value, level))
                return
            plain = _PLAIN.get(type(v))
            if plain is not None:
                out.append(sep + encode_basestring(k) + ": " + plain(v))
            else:
                out.append(sep + encode_basestring(k) + ": ")
                _encode(v, level + 1, out)
            sep = "," + inner
        out.append("\n" + " " * level + "}")
    elif kind is list or kind is tuple:
        inner = "\n" + " " * (level + 1)
        sep = "[" + inner
        for v in value:
            plain = _PLAIN.get(type(v))
            if plain is not None:
                out.append(sep + plain(v))
            else:
                out.append(sep)
                _encode(v, level + 1, out)
            sep = "," + inner
        out.append("\n" + " " * level + "]")
    else:
        out.append(_json_indented(value, level))


def _array(rows, out) -> None:
    first = True
    for row in rows:
        out(("[\n  " if first else ",\n  ") + _indented(row, 2))
        first = False
    out("[]" if first else "\n ]")


def iter_json(G):
    """The text of :func:`dumps` in pieces, one node or edge at a time (memory stays flat)."""
    pieces: list[str] = []
    out = pieces.append
    out('{\n "directed": true,\n "multigraph": true,\n "graph": ' + _indented(dict(G.graph), 1) + ',\n "nodes": ')
    _array(_node_rows(G), out)
    out(',\n "edges": ')
    yield from pieces
    pieces.clear()
    first = True
    for row in _edge_rows(G):
        yield ("[\n  " if first else ",\n  ") + _indented(row, 2)
        first = False
    yield ("[]" if first else "\n ]") + "\n}\n"


def iter_indented(data: dict):
    """``json.dumps(data, ensure_ascii=False, indent=1) + "\\n"`` in pieces: a top-level dict
    whose list values are written one item at a time (conflicts.json of an archive runs to
    hundreds of MB: as one string it doubled the build's peak memory).

    >>> d = {"rules": {"a": [1]}, "rows": [{"x": "é"}, {"y": None}], "none": []}
    >>> "".join(iter_indented(d)) == json.dumps(d, ensure_ascii=False, indent=1) + "\\n"
    True
    """
    if not data:
        yield "{}\n"
        return
    sep = "{\n "
    for key, value in data.items():
        if type(key) is not str:  # json's own way with such keys: the whole text at once
            yield json.dumps(data, ensure_ascii=False, indent=1) + "\n"
            return
    for key, value in data.items():
        yield sep + encode_basestring(key) + ": "
        if isinstance(value, Rows) and not len(value):
            value = []
        if (type(value) is list or isinstance(value, Rows)) and len(value):
            first = True
            for item in value:
                yield ("[\n  " if first else ",\n  ") + _indented(item, 2)
                first = False
            yield "\n ]"
        else:
            yield _indented(value, 1)
        sep = ",\n "
    yield "\n}\n"


def dumps(G) -> str:
    return json.dumps(graph_to_data(G), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write_json(G, path) -> None:
    """Write ``graph.json`` atomically (UTF-8, Arabic kept as is), streaming edge by edge:
    the same bytes as :func:`dumps` without the whole text (or data) in memory at once."""
    with atomic_write(path) as f:
        for piece in iter_json(G):
            f.write(piece)


# A citation's fields that have no default (graphx.records.Evidence)
_REQUIRED_CITATION = tuple(f.name for f in fields(Evidence) if f.default is MISSING)


def graph_from_data(data) -> nx.MultiDiGraph:
    """The graph of a decoded graph.json (the inverse of :func:`graph_to_data`)."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise ValueError("expected an object with 'nodes' and 'edges' lists")
    G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    for s, t, k, d in G.edges(keys=True, data=True):
        cites = d.get("citations", [])
        if not isinstance(cites, list) or not all(isinstance(c, dict) for c in cites):
            raise ValueError(f"edge {s} -{k}-> {t}: citations must be a list of citation objects")
        for c in cites:
            missing = [f for f in _REQUIRED_CITATION if f not in c]
            if missing:
                raise ValueError(f"edge {s} -{k}-> {t}: a citation has no {', '.join(missing)}")
        d["citations"] = [evidence_from_dict(c) for c in cites]
    return G


def read_json(path) -> nx.MultiDiGraph:
    """The graph of a graph.json file (see :func:`graphx.query.load`, which also checks its values)."""
    return graph_from_data(_read_data(path))


# A JSON escape of a code point no export can hold: a control character (not tab, LF, CR),
# U+FFFE, U+FFFF, or half a surrogate pair; the backslash before it is not itself escaped.
_BAD_ESCAPE = re.compile(r"(?:^|[^\\])(?:\\\\)*\\u(000[0-8bBcCeEfF]|001[0-9a-fA-F]|[fF][fF][fF][eEfF]"
                         r"|[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
                         r"|(?<![dD][89abAB][0-9a-fA-F]{2}\\u)[dD][c-fC-F][0-9a-fA-F]{2})")


def _refuse_constant(name):
    raise ValueError(f"{name} is not a number graphx writes")


def _read_data(path):
    """graph.json's data, refusing NaN and infinities (graphx never writes them). Characters
    no export could hold (raw or as escapes: a graph written before graphx replaced them where
    reports are read, or edited by hand) are replaced as in reports, with a GraphFileWarning."""
    from ..documents import _NOT_TEXT

    text = Path(path).read_text(encoding="utf-8")
    data = json.loads(text, parse_constant=_refuse_constant)
    if _NOT_TEXT.search(text) or _BAD_ESCAPE.search(text):
        count = [0]
        data = _replaced(data, count)
        if count[0]:
            warnings.warn(_warning(f"{path}: {count[0]} character(s) that XML cannot hold replaced by "
                                           "U+FFFD or a space"), stacklevel=4)
    return data


def _replaced(value, count):
    from ..documents import replace_not_text

    if type(value) is str:
        value, n = replace_not_text(value)
        count[0] += n
        return value
    if type(value) is list:
        return [_replaced(v, count) for v in value]
    if type(value) is dict:
        return {_replaced(k, count): _replaced(v, count) for k, v in value.items()}
    return value


def _warning(text):
    from ..errors import GraphFileWarning

    return GraphFileWarning(text)
