"""GraphML that Gephi, igraph, graphology and networkx read as it is.

Written by hand rather than with ``networkx.write_graphml``, to control what
readers we did not write trip on (and streamed node by node and edge by edge,
so that memory stays flat however large the graph: see :func:`iter_graphml`):

- Gephi matches a key by its *id* before its name, and treats the ids ``d3``
  (nodes) and ``d7`` (edges) as yEd's label keys; networkx numbers its keys
  ``d0, d1, ...``, so a ``mentions`` column could become every node's label.
  Our key ids are ``n0..`` and ``e0..``.
- Gephi drops an edge whose id repeats, and every edge whose weight is 0
  (an edge only denied or intended has no asserted citation): ids are
  ``source|type|target`` and such edges get weight :data:`UNASSERTED_WEIGHT`;
  their ``asserted`` column is false.
- ``r``/``g``/``b`` must be integers; booleans are written ``true``/``false``.
- No None, list or dict values: aliases, citations and any column whose values
  are not all of one scalar type are JSON strings (their key has
  ``<desc>json</desc>``, which :func:`graphx.load` uses to decode them); every
  column has one declared type; control characters (illegal in XML) are removed.
- No graph-level data (Gephi warns about it): build metadata stays in graph.json.
- Columns added only for other tools (colours, size, the edge label, ``sources``
  unless the build sets it) have ``<desc>derived</desc>``; :func:`graphx.load`
  drops them, so a load gives back exactly what was built.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import networkx as nx

from ..graph import edge_sources
from ..records import evidence_from_dict, evidence_to_dict
from .atomic import atomic_write

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
KIND_COLORS = {
    "person": "#4e79a7", "state": "#f28e2b", "place": "#59a14f", "organisation": "#b07aa1",
    "armed_group": "#e15759", "outlet": "#9c755f", "group": "#b07aa1",
}
DEFAULT_COLOR = "#bab0ac"
NS = "http://graphml.graphdrawing.org/xmlns"
# Weight given to edges with no asserted citation, so that Gephi keeps them.
UNASSERTED_WEIGHT = 0.5
JSON_DESC = "json"
DERIVED_DESC = "derived"

# Columns every export has, with one GraphML type each. Visual ones first (Gephi
# turns label/size/r/g/b/weight into properties), then data columns.
NODE_COLUMNS = (("label", "string"), ("kind", "string"), ("aliases", "string"), ("mentions", "int"),
                ("discovered", "boolean"), ("size", "double"), ("r", "int"), ("g", "int"), ("b", "int"))
EDGE_COLUMNS = (("label", "string"), ("type", "string"), ("weight", "double"), ("evidence", "int"),
                ("documents", "int"), ("outlets", "int"), ("sources", "int"), ("asserted", "boolean"),
                ("hedged", "boolean"), ("negated", "int"), ("date", "string"), ("cameo", "string"),
                ("plover", "string"), ("r", "int"), ("g", "int"), ("b", "int"), ("citations", "string"))
# Columns added for other tools only (their key has <desc>derived</desc>): graphx.load drops them.
# ``sources`` is one unless the build gives edges that attribute itself.
NODE_DERIVED = ("size", "r", "g", "b")
EDGE_DERIVED = ("label", "sources", "r", "g", "b")


def clean(text) -> str:
    """Text safe for XML 1.0 (no control characters, lone surrogates, U+FFFE or U+FFFF).

    >>> clean("a\\x0bb")
    'ab'
    """
    return _CONTROL.sub("", str(text))


def rgb(hex_color: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` as three integers (the default grey when malformed).

    >>> rgb("#ff8000")
    (255, 128, 0)
    """
    return _rgb(str(hex_color))


@lru_cache(maxsize=1024)  # a handful of colours, asked once per edge
def _rgb(text: str) -> tuple[int, int, int]:
    h = text.lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        h = DEFAULT_COLOR.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def edge_id(s, t, k) -> str:
    """The id of edge ``(s, t, k)`` in every export: unique, as Gephi and graphology need."""
    return f"{s}|{k}|{t}"


def _node_size(d) -> float:
    return round(10 + 2 * int(d.get("mentions", 0) or 0) ** 0.5, 3)


def gephi_weight(d) -> float:
    """The weight Gephi is given: asserted citations, or a small positive number (see module doc).

    >>> gephi_weight({"weight": 3, "asserted": True}), gephi_weight({"weight": 0, "asserted": False})
    (3.0, 0.5)
    """
    return float(d.get("weight", 0)) if d.get("asserted") and d.get("weight") else UNASSERTED_WEIGHT


def node_record(n, d) -> dict:
    """A node's attributes for GraphML/GEXF (the known columns first; lists as they are).

    >>> rec = node_record("a", {"label": "A", "kind": "state", "mentions": 4})
    >>> rec["label"], rec["size"], (rec["r"], rec["g"], rec["b"])
    ('A', 14.0, (242, 142, 43))
    """
    r, g, b = rgb(KIND_COLORS.get(d.get("kind"), DEFAULT_COLOR))
    row = {"label": d.get("label", n), "kind": d.get("kind", ""), "aliases": list(d.get("aliases", [])),
           "mentions": int(d.get("mentions", 0) or 0), "discovered": bool(d.get("discovered", False)),
           "size": _node_size(d), "r": r, "g": g, "b": b}
    return _with_extras(row, d)


def edge_record(G, s, t, k, d) -> dict:
    """An edge's attributes for GraphML/GEXF (the known columns first; citations as dicts)."""
    r, g, b = rgb(G.graph.get("relations", {}).get(k, {}).get("color", DEFAULT_COLOR))
    cites = d.get("citations", [])
    row = {"label": k, "type": d.get("type", k), "weight": gephi_weight(d),
           "evidence": int(d.get("evidence", len(cites))), "documents": int(d.get("documents", 0)),
           "outlets": int(d.get("outlets", 0)), "sources": edge_sources(d),
           "asserted": bool(d.get("asserted", False)), "hedged": bool(d.get("hedged", False)),
           "negated": int(d.get("negated", 0)), "date": d.get("date", "") or "",
           "cameo": d.get("cameo", "") or "", "plover": d.get("plover", "") or "", "r": r, "g": g, "b": b,
           "citations": [evidence_to_dict(e) for e in cites]}
    return _with_extras(row, d)


def _with_extras(row, d):
    # Attributes another part of graphx may add later are kept (see columns()).
    row.update((name, value) for name, value in d.items() if name not in row and name != "citations")
    return row


_SCALARS = {bool: "boolean", int: "long", float: "double", str: "string"}


def columns(records, known) -> list[tuple[str, str, bool]]:
    """``(name, GraphML type, as JSON)`` for every column of the records, the known ones first.

    A column whose values are not all of one scalar type (lists, None, int mixed
    with float ...) is written as JSON strings, so that it reads back exactly.
    ``records`` is read once (it may be a generator).

    >>> columns([{"a": 1, "b": [1], "c": 1}, {"a": 2, "c": 1.5}], (("x", "int"),))
    [('x', 'int', False), ('a', 'long', False), ('b', 'string', True), ('c', 'string', True)]
    """
    declared = dict(known)
    kinds: dict = {}  # the other columns, in order of first appearance: the types of their values
    for rec in records:
        for n, value in rec.items():
            if n not in declared:
                kinds.setdefault(n, set()).add(type(value))
    return _typed(declared, kinds)


def _typed(declared, kinds) -> list[tuple[str, str, bool]]:
    out = [(n, kind, n in JSON_COLUMNS) for n, kind in declared.items()]
    for n, types in kinds.items():
        if len(types) == 1 and next(iter(types)) in _SCALARS:
            out.append((n, _SCALARS[next(iter(types))], False))
        else:
            out.append((n, "string", True))
    return out


def _scan(attrs, known):
    """The columns of the records made from the attribute dicts ``attrs``, and every attribute
    name they use, in one pass without making the records (see _with_extras)."""
    declared = dict(known)
    kinds: dict = {}
    names: set = set()
    for d in attrs:
        names.update(d)
        for n, value in d.items():
            if n not in declared and n != "citations":
                kinds.setdefault(n, set()).add(type(value))
    return _typed(declared, kinds), names


# Known columns stored as JSON text.
JSON_COLUMNS = ("aliases", "citations")


def flat(value, kind, as_json):
    """A value as GraphML/GEXF accepts it: JSON text for JSON columns, else the scalar.

    >>> flat(["a", None], "string", True), flat("a\\x0b", "string", False), flat(3, "int", False)
    ('["a", null]', 'a', 3)
    """
    if as_json:
        return json.dumps(value, ensure_ascii=False, default=str)
    if kind == "string":
        return clean(value)
    return value


def _text(value, kind) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("int", "long"):
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return clean(value)


# Escapes as ElementTree writes them (the file's bytes are those of the earlier ElementTree writer).
_ATTR_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _attr(value) -> str:
    return escape(value, _ATTR_ENTITIES)


def _escape(text: str) -> str:
    # xml.sax.saxutils.escape without its three unconditional replaces (most text has none of these)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _element(tag, attrs, data, indent) -> str:
    """``<tag a="..">`` with its ``<data>`` children, laid out as ``ET.indent(space="  ")`` does."""
    head = f"<{tag}" + "".join(f' {name}="{_attr(value)}"' for name, value in attrs)
    if not data:
        return head + " />"
    inner = indent + "  "
    return head + ">" + "".join(inner + d for d in data) + indent + f"</{tag}>"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


# The text of a <data> element, escaped, for a column's (type, as JSON): the same as
# _escape(_text(flat(value, kind, as_json), kind)) in one call (this is the export's inner loop).
_FORMATS = {("boolean", False): lambda v: "true" if v else "false",
            ("int", False): lambda v: str(int(v)), ("long", False): lambda v: str(int(v)),
            ("double", False): lambda v: repr(float(v)),
            ("string", False): lambda v: _escape(clean(v)),
            ("string", True): lambda v: _escape(clean(_dumps(v)))}


def _formatter(kind, as_json):
    return _FORMATS.get((kind, as_json)) or (lambda v: _escape(_text(flat(v, kind, as_json), kind)))


def _data_writer(cols, prefix):
    """A function: record -> its ``<data>`` elements (a column the record lacks is left out)."""
    plan = [(name, f'<data key="{prefix}{i}">', f'<data key="{prefix}{i}" />', _formatter(kind, as_json))
            for i, (name, kind, as_json) in enumerate(cols)]

    def data(rec) -> list[str]:
        out = []
        for name, opening, empty, fmt in plan:
            if name in rec:
                text = fmt(rec[name])
                out.append(opening + text + "</data>" if text else empty)
        return out
    return data


def iter_graphml(G):
    """The text of ``graph.graphml`` in pieces, one node or edge at a time (memory stays flat).

    The columns are found in a first pass over the attribute dicts; each node and
    edge record is then made, written and dropped.

    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor
    >>> text = "".join(iter_graphml(build_graph([Actor("a", "A", "person")], [])))
    >>> print(text[:text.index("<key")].strip())
    <?xml version='1.0' encoding='utf-8'?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    >>> print(text[text.index("<graph "):].strip())
    <graph edgedefault="directed">
        <node id="a">
          <data key="n0">A</data>
          <data key="n1">person</data>
          <data key="n2">["A"]</data>
          <data key="n3">0</data>
          <data key="n4">false</data>
          <data key="n5">10.0</data>
          <data key="n6">78</data>
          <data key="n7">121</data>
          <data key="n8">167</data>
        </node>
      </graph>
    </graphml>
    """
    nodes = sorted(G.nodes)
    edges = sorted(G.edges(keys=True))
    ncols, node_names = _scan((G.nodes[n] for n in nodes), NODE_COLUMNS)
    ecols, edge_names = _scan((G.edges[e] for e in edges), EDGE_COLUMNS)
    derived = {"node": set(NODE_DERIVED) - node_names, "edge": set(EDGE_DERIVED) - edge_names}
    head = [f"<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"{NS}\">"]
    for prefix, scope, cols in (("n", "node", ncols), ("e", "edge", ecols)):
        for i, (name, kind, as_json) in enumerate(cols):
            # Notes for graphx.load (decode it / drop it); other readers ignore <desc>.
            note = JSON_DESC if as_json else DERIVED_DESC if name in derived[scope] else None
            head.append("\n  " + _element("key", (("id", f"{prefix}{i}"), ("for", scope), ("attr.name", name),
                                                   ("attr.type", kind)), [f"<desc>{note}</desc>"] if note else [],
                                          "\n  "))
    if not nodes and not edges:
        yield "".join(head) + '\n  <graph edgedefault="directed" />\n</graphml>\n'
        return
    yield "".join(head) + '\n  <graph edgedefault="directed">'
    node_data, edge_data = _data_writer(ncols, "n"), _data_writer(ecols, "e")
    for n in nodes:
        yield "\n    " + _element("node", (("id", clean(n)),), node_data(node_record(n, G.nodes[n])), "\n    ")
    for s, t, k in edges:
        rec = edge_record(G, s, t, k, G.edges[s, t, k])
        yield "\n    " + _element("edge", (("id", clean(edge_id(s, t, k))), ("source", clean(s)), ("target", clean(t))),
                                   edge_data(rec), "\n    ")
    yield "\n  </graph>\n</graphml>\n"


def key_notes(path) -> dict:
    """Which columns of a graphx GraphML file are JSON text and which were added for other tools.

    ``{"node": {"json": {...}, "derived": {...}}, "edge": {...}}``. A file from
    before these notes gets the columns graphx has always written that way.

    >>> import tempfile, pathlib
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(build_graph([Actor("a", "A", "person")], []), p)
    >>> notes = key_notes(p)
    >>> sorted(notes["node"]["json"]), sorted(notes["node"]["derived"]), sorted(notes["edge"]["json"])
    (['aliases'], ['b', 'g', 'r', 'size'], ['citations'])
    """
    out = {scope: {"json": set(), "derived": set()} for scope in ("node", "edge")}
    seen = False
    for _, el in ET.iterparse(path, events=("end",)):
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "key":
            desc = el.find(f"{{{NS}}}desc")
            note = (desc.text or "").strip() if desc is not None else ""
            if note in (JSON_DESC, DERIVED_DESC) and el.get("for") in out:
                out[el.get("for")][note].add(el.get("attr.name"))
                seen = True
        elif tag in ("node", "edge", "graph"):
            break
    if not seen:
        out["node"] = {"json": {"aliases"}, "derived": set(NODE_DERIVED)}
        out["edge"] = {"json": {"citations"}, "derived": set(EDGE_DERIVED)}
    return out


def write_graphml(G, path) -> None:
    """Write ``graph.graphml`` atomically (UTF-8).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphx.graph import build_graph
    >>> from graphx.records import Actor, Evidence
    >>> G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "state")],
    ...                 [Evidence("a", "contacted", "b", "d", 0, 9, "A called B", "called", 2, 8, "r")])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(G, p)
    >>> 'id="a|contacted|b"' in p.read_text(encoding="utf-8")
    True
    """
    with atomic_write(path, mode="wb") as f:
        chunk: list[str] = []
        size = 0
        for piece in iter_graphml(G):
            chunk.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                f.write(_encoded(chunk))
                chunk.clear()
                size = 0
        f.write(_encoded(chunk))


_CHUNK = 1 << 16  # characters per write: few system calls, little memory


def _encoded(pieces) -> bytes:
    # As ElementTree writes: a character UTF-8 cannot encode (a lone surrogate) becomes &#N;.
    return "".join(pieces).encode("utf-8", "xmlcharrefreplace")


def read_graphml(path) -> nx.MultiDiGraph:
    """Read a GraphML file this module wrote back into the graph that was built (the
    ``<desc>`` of each key says which columns hold JSON and which were derived for other tools)."""
    H = nx.read_graphml(path, force_multigraph=True)
    notes = key_notes(path)
    G = nx.MultiDiGraph()
    for n, d in H.nodes(data=True):
        d = {k: _decoded(k, v, notes["node"]["json"]) for k, v in d.items() if k not in notes["node"]["derived"]}
        d.setdefault("aliases", [])
        G.add_node(n, **d)
    for s, t, d in H.edges(data=True):
        d = {k: _decoded(k, v, notes["edge"]["json"]) for k, v in d.items()
             if k not in notes["edge"]["derived"] and k != "id"}
        d["citations"] = [evidence_from_dict(c) for c in d.get("citations", [])]
        # Unasserted edges carry a stand-in weight for Gephi (which drops weight 0).
        d["weight"] = int(d.get("weight", 0)) if d.get("asserted") else 0
        G.add_edge(s, t, key=d["type"], **d)
    return G


def _decoded(name, value, json_names):
    if name in json_names:
        return json.loads(value)
    return "" if value is None else value
