"""Streamed exports: GraphML gives the bytes of the ElementTree writer it replaced, with flat memory;
graph.json gives the bytes of ``json.dumps`` of the whole graph."""

import tracemalloc
import xml.etree.ElementTree as ET

import pytest

from graphx.export.graphml import (DERIVED_DESC, EDGE_COLUMNS, EDGE_DERIVED, JSON_DESC, NODE_COLUMNS, NODE_DERIVED,
                                   NS, _text, clean, columns, edge_id, edge_record, flat, iter_graphml, node_record,
                                   write_graphml)
from graphx.graph import build_graph
from graphx.records import Actor, Evidence


def elementtree_graphml(G) -> bytes:
    """The writer before streaming (graphx 9f40c51, graphml_tree + write_graphml), kept as the oracle."""
    nodes = [(n, node_record(n, G.nodes[n])) for n in sorted(G.nodes)]
    edges = [((s, t, k), edge_record(G, s, t, k, G.edges[s, t, k])) for s, t, k in sorted(G.edges(keys=True))]
    ncols = columns([r for _, r in nodes], NODE_COLUMNS)
    ecols = columns([r for _, r in edges], EDGE_COLUMNS)
    derived = {"node": set(NODE_DERIVED) - {a for n in G.nodes for a in G.nodes[n]},
               "edge": set(EDGE_DERIVED) - {a for e in G.edges(keys=True) for a in G.edges[e]}}
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for prefix, scope, cols in (("n", "node", ncols), ("e", "edge", ecols)):
        for i, (name, kind, as_json) in enumerate(cols):
            key = ET.SubElement(root, f"{{{NS}}}key", {"id": f"{prefix}{i}", "for": scope, "attr.name": name,
                                                       "attr.type": kind})
            note = JSON_DESC if as_json else DERIVED_DESC if name in derived[scope] else None
            if note:
                ET.SubElement(key, f"{{{NS}}}desc").text = note
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"edgedefault": "directed"})
    for prefix, items, cols in (("n", nodes, ncols), ("e", edges, ecols)):
        for ident, rec in items:
            if prefix == "n":
                el = ET.SubElement(graph, f"{{{NS}}}node", {"id": clean(ident)})
            else:
                s, t, k = ident
                el = ET.SubElement(graph, f"{{{NS}}}edge", {"id": clean(edge_id(s, t, k)), "source": clean(s),
                                                            "target": clean(t)})
            for i, (name, kind, as_json) in enumerate(cols):
                if name in rec:
                    ET.SubElement(el, f"{{{NS}}}data", {"key": f"{prefix}{i}"}).text = _text(
                        flat(rec[name], kind, as_json), kind)
    tree = ET.ElementTree(root)
    ET.indent(tree, space="  ")
    import io

    buf = io.BytesIO()
    tree.write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue() + b"\n"


def odd_graph():
    """Markup, quotes, line breaks and tabs (escaped differently in attributes and text), control
    characters, a lone surrogate, Arabic, empty and blank strings, and attributes added later."""
    actors = [Actor('a"<&>\t\r\n', "A\x0b<&>\"'\r\n\tx", "person", aliases=("a\x01", "&amp;", "\ud800")),
              Actor("b", "بشار الأسد", "state"), Actor("c", " ", "outlet"), Actor("d", "", "place"),
              Actor("e\x7f", "E\uffff", "armed_group", discovered=True)]
    evidence = [Evidence('a"<&>\t\r\n', "contacted", "b", "d\x0c", 0, 9, "A \x0c“called” B & <C>\r\n", "called", 2, 8,
                         "r", date="2024-12-01", outlet="X<"),
                Evidence("b", "refused", 'a"<&>\t\r\n', "d", 10, 19, "B ]]> refused \ud800", "refused", 12, 19, "r",
                         asserted=False),
                Evidence("c", "fled-to", "d", "d2", 0, 5, "", "", 0, 0, "r", hedged=True)]
    G = build_graph(actors, evidence)
    G.nodes["b"].update(roles=["president", None], score=1, note="<b>\t", blank="", citations=["dropped"])
    G.nodes["c"].update(score=2.5, blank=" ")
    G.edges["b", 'a"<&>\t\r\n', "refused"].update(conflicts=[{"with": "x\x0b"}], hint="y\r", sources=2, flag=True)
    G.edges["c", "d", "fled-to"].update(hint="", flag=False, **{"odd name<&\">": 3})
    return G


@pytest.mark.parametrize("make", [odd_graph, lambda: build_graph([], []),
                                  lambda: build_graph([Actor("a", "A", "person")], [])],
                         ids=["odd", "empty", "one-node"])
def test_streamed_graphml_is_byte_identical_to_the_elementtree_writer(tmp_path, make):
    G = make()
    write_graphml(G, tmp_path / "g.graphml")
    assert (tmp_path / "g.graphml").read_bytes() == elementtree_graphml(G)


def test_seeds_graphml_is_byte_identical_to_the_elementtree_writer(built_dir, seeds_graph):
    assert (built_dir / "graph.graphml").read_bytes() == elementtree_graphml(seeds_graph[0])


def test_synthetic_graphml_is_byte_identical_to_the_elementtree_writer(tmp_path):
    from benchmarks.synthetic_graph import synthetic_graph

    G = synthetic_graph(n_nodes=300, n_edges=1500, seed=3)
    write_graphml(G, tmp_path / "g.graphml")
    assert (tmp_path / "g.graphml").read_bytes() == elementtree_graphml(G)


def test_graphml_is_written_edge_by_edge_in_flat_memory(tmp_path):
    """Memory while writing stays a small fraction of the file (the ElementTree writer held several times it)."""
    from benchmarks.synthetic_graph import synthetic_graph

    G = synthetic_graph(n_nodes=300, n_edges=1500, seed=4)
    assert sum(1 for _ in iter_graphml(G)) == 1 + G.number_of_nodes() + G.number_of_edges() + 1
    tracemalloc.start()
    try:
        write_graphml(G, tmp_path / "g.graphml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = (tmp_path / "g.graphml").stat().st_size
    assert size > 3_000_000 and peak < size / 8, (peak, size)


# ---- graph.json ----

class Name(str):
    pass


def json_odd_graph():
    """Values json writes its own way (NaN, infinities, tuples, subclasses, keys that are not text)."""
    G = odd_graph()
    G.nodes["b"]["roles"] = ["president", None]  # no lone surrogate: graph.json is strict UTF-8
    G.nodes['a"<&>\t\r\n']["aliases"] = ["a\x01", "&amp;"]
    G.nodes["c"].update(nan=float("nan"), inf=[float("inf"), -float("inf"), -0.0, 1e300], pair=(1, (2, [])),
                        sub=Name("x"), keys={1: "one", None: [], 2.5: {}, True: {"k": ()}})
    G.edges["c", "d", "fled-to"].update(empty={}, nested=[{"a": [{"b": {}}]}], big=10 ** 30)
    for e in G.edges(keys=True):
        G.edges[e]["citations"] = [c for c in G.edges[e]["citations"] if "\ud800" not in c.text]
    G.graph["note"] = {"x": [1.5]}
    return G


@pytest.mark.parametrize("make", [json_odd_graph, lambda: build_graph([], [])], ids=["odd", "empty"])
def test_streamed_graph_json_is_json_dumps_of_the_whole_graph(tmp_path, make):
    from graphx.export.json import dumps, write_json

    G = make()
    write_json(G, tmp_path / "g.json")
    assert (tmp_path / "g.json").read_bytes() == dumps(G).encode("utf-8")


def test_seeds_graph_json_is_json_dumps_of_the_whole_graph(built_dir, seeds_graph):
    from graphx.export.json import dumps

    assert (built_dir / "graph.json").read_bytes() == dumps(seeds_graph[0]).encode("utf-8")


def test_the_page_is_made_in_pieces_the_same_text_as_the_old_whole_string(seeds_graph):
    """graph.html is written piece by piece (its data as JSON pieces), never as whole-page strings, and the
    pieces join to what the page was when the panel's markers were replaced in one string."""
    from graphx.export.html import _panel_template, _template, iter_html, page_data, safe_json

    G, _ = seeds_graph
    pieces = list(iter_html(G))
    data_json = safe_json(page_data(G, None, G))
    assert len(pieces) > 10 and not any(data_json in p for p in pieces)  # the data itself came in pieces
    page = "".join(pieces)
    panel = (_panel_template().replace("/*GRAPHX_EXPLORE*/", _template("explore.js"))
             .replace("/*GRAPHX_DATA*/", data_json))
    assert panel in page and page.count("</body>") == 1
