"""Exports read by tools we did not write: Gephi's rules, igraph, graphology (Node.js), networkx GEXF, CSV."""

import csv
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graphx.export import write_all
from graphx.export.graphml import KIND_COLORS, UNASSERTED_WEIGHT, rgb
from graphx.graph import build_graph
from graphx.records import Actor, Evidence

JS = Path(__file__).parent / "js"
G_NS = "{http://graphml.graphdrawing.org/xmlns}"
# Key ids and names Gephi's GraphML importer turns into visual properties (ImporterGraphML.java):
# a data column must never use one of these ids.
GEPHI_NODE_PROPS = {"label", "d3", "x", "y", "xpos", "ypos", "z", "size", "r", "g", "b"}
GEPHI_EDGE_PROPS = {"label", "edgelabel", "d7", "weight", "Edge Weight", "id", "edgeid", "r", "g", "b"}


@pytest.fixture(scope="module")
def graph_json(built_dir):
    return json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))


def expected_edge(e):
    """What a GraphML reader should find for a graph.json edge."""
    return {"type": e["type"], "evidence": e["evidence"], "documents": e["documents"], "outlets": e["outlets"],
            "asserted": e["asserted"], "hedged": e["hedged"], "negated": e["negated"], "date": e["date"],
            "cameo": e["cameo"], "plover": e["plover"], "label": e["key"],
            "weight": e["weight"] if e["asserted"] else UNASSERTED_WEIGHT}


def edge_id(e):
    return f"{e['source']}|{e['key']}|{e['target']}"


# ---- GraphML as Gephi reads it ----

def test_graphml_follows_gephi_rules(built_dir, graph_json):
    root = ET.parse(built_dir / "graph.graphml").getroot()
    keys = {k.get("id"): k for k in root.iter(f"{G_NS}key")}
    names = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys.values()}
    for kid, k in keys.items():
        props = GEPHI_NODE_PROPS if k.get("for") == "node" else GEPHI_EDGE_PROPS
        assert kid not in props, f"key id {kid} would be read by Gephi as a visual property"
    # one declared type per column, colours as integers, relation type an ordinary column
    assert len(names) == len(keys)
    assert all(names[(scope, c)] == "int" for scope in ("node", "edge") for c in "rgb")
    assert names[("node", "label")] == names[("edge", "label")] == names[("edge", "type")] == "string"
    assert names[("edge", "weight")] == "double"
    assert all(k.get("for") in ("node", "edge") for k in keys.values())  # no graph-level data
    graph = root.find(f"{G_NS}graph")
    assert graph.get("edgedefault") == "directed" and graph.find(f"{G_NS}data") is None
    edges = list(root.iter(f"{G_NS}edge"))
    ids = [e.get("id") for e in edges]
    assert len(ids) == len(graph_json["edges"]) and len(set(ids)) == len(ids)
    types = {kid: k.get("attr.type") for kid, k in keys.items()}
    by_name = {(k.get("for"), k.get("attr.name")): kid for kid, k in keys.items()}
    for el in list(root.iter(f"{G_NS}node")) + edges:
        for d in el.iter(f"{G_NS}data"):
            text = d.text or ""
            if types[d.get("key")] == "boolean":
                assert text in ("true", "false")
            elif types[d.get("key")] == "int":
                assert text.lstrip("-").isdigit(), text
    for e in edges:
        data = {d.get("key"): d.text for d in e.iter(f"{G_NS}data")}
        assert float(data[by_name[("edge", "weight")]]) > 0  # Gephi drops weight-0 edges
        json.loads(data[by_name[("edge", "citations")]])
    assert any(not e["asserted"] for e in graph_json["edges"])  # the seeds do test that rule


def test_graphml_read_by_igraph_matches_graph_json(built_dir, graph_json):
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph.Read_GraphML(str(built_dir / "graph.graphml"))
    assert g.is_directed()
    assert g.vcount() == len(graph_json["nodes"]) and g.ecount() == len(graph_json["edges"])
    nodes = {v["id"]: v.attributes() for v in g.vs}
    for n in graph_json["nodes"]:
        got = nodes[n["id"]]
        assert (got["label"], got["kind"], got["mentions"], got["discovered"]) == \
               (n["label"], n["kind"], n["mentions"], n["discovered"])
        assert json.loads(got["aliases"]) == n["aliases"]
        assert (got["r"], got["g"], got["b"]) == rgb(KIND_COLORS[n["kind"]])
    edges = {}
    for e in g.es:
        edges[(g.vs[e.source]["id"], e["type"], g.vs[e.target]["id"])] = e.attributes()
    for e in graph_json["edges"]:
        got = edges[(e["source"], e["key"], e["target"])]
        want = expected_edge(e)
        assert {k: got[k] for k in want} == want
        assert json.loads(got["citations"]) == e["citations"]


def node_reader(path):
    node = shutil.which("node")
    if not node or not (JS / "node_modules" / "graphology-graphml").is_dir():
        if os.environ.get("GRAPHX_REQUIRE_NODE"):
            pytest.fail("GRAPHX_REQUIRE_NODE is set but node or tests/js/node_modules is missing "
                        "(run `npm ci --prefix tests/js`)")
        pytest.skip("needs Node.js and `npm ci --prefix tests/js` (CI installs both)")
    out = subprocess.run([node, str(JS / "read_graphml.js"), str(path)], capture_output=True, text=True,
                         encoding="utf-8", timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_graphml_read_by_graphology_matches_graph_json(built_dir, graph_json):
    got = node_reader(built_dir / "graph.graphml")
    assert got["type"] == "directed" and got["multi"]
    assert got["order"] == len(graph_json["nodes"]) and got["size"] == len(graph_json["edges"])
    for n in graph_json["nodes"]:
        a = got["nodes"][n["id"]]
        assert (a["label"], a["kind"], a["mentions"], a["discovered"]) == \
               (n["label"], n["kind"], n["mentions"], n["discovered"])
        assert json.loads(a["aliases"]) == n["aliases"]
        assert a["color"].startswith("#") and isinstance(a["size"], (int, float))
    for e in graph_json["edges"]:
        a = got["edges"][edge_id(e)]
        assert (a["source"], a["target"]) == (e["source"], e["target"])
        want = expected_edge(e)
        assert {k: a["attrs"][k] for k in want} == want
        assert json.loads(a["attrs"]["citations"]) == e["citations"]


def test_graphml_with_odd_text_is_read_by_every_reader(tmp_path):
    G = build_graph([Actor("a", "A\x0b<&>\"", "person", aliases=("a\x01",)), Actor("b", "بشار الأسد", "state")],
                    [Evidence("a", "contacted", "b", "d", 0, 9, "A \x0c“called” B & <C>", "called", 2, 8, "r")])
    write_all(G, tmp_path, formats=("graphml",))
    H = nx.read_graphml(tmp_path / "graph.graphml")
    assert H.nodes["a"]["label"] == "A<&>\"" and H.nodes["b"]["label"] == "بشار الأسد"
    pytest.importorskip("igraph").Graph.Read_GraphML(str(tmp_path / "graph.graphml"))
    if shutil.which("node") and (JS / "node_modules").is_dir():
        assert node_reader(tmp_path / "graph.graphml")["size"] == 1


def test_attributes_added_later_survive_every_format(tmp_path):
    """graph.py may grow attributes (lists, None, mixed numbers): exports stay valid, load is exact."""
    import graphx

    G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "state")],
                    [Evidence("a", "contacted", "b", "d", 0, 9, "A called B", "called", 2, 8, "r", date="2024-12-01"),
                     Evidence("b", "refused", "a", "d", 10, 19, "B refused A", "refused", 12, 19, "r")])
    G.nodes["a"].update(roles=["president"], score=1, note=None)
    G.nodes["b"].update(roles=[], score=2.5)
    G.edges["a", "b", "contacted"].update(conflicts=[{"with": "refused"}], label_hint="x", start="s")
    G.edges["b", "a", "refused"].update(conflicts=[], label_hint="y")
    write_all(G, tmp_path, formats=("graphml", "gexf", "json", "csv"))
    for name in ("graph.graphml", "graph.json"):
        H = graphx.load(tmp_path / name)
        assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
        for s, t, k, d in G.edges(keys=True, data=True):
            assert H.edges[s, t, k] == d
    g = pytest.importorskip("igraph").Graph.Read_GraphML(str(tmp_path / "graph.graphml"))
    assert json.loads(g.vs.find(id="a")["roles"]) == ["president"]
    if shutil.which("node") and (JS / "node_modules").is_dir():
        got = node_reader(tmp_path / "graph.graphml")
        assert json.loads(got["edges"]["a|contacted|b"]["attrs"]["conflicts"]) == [{"with": "refused"}]
    X = nx.read_gexf(tmp_path / "graph.gexf")
    assert X.number_of_edges() == 2 and json.loads(X.nodes["a"]["roles"]) == ["president"]
    assert {d["attr_start"] for *_, d in X.edges(data=True) if "attr_start" in d} == {"s"}


# ---- GEXF ----

def dated_graph():
    actors = [Actor("assad", "Bashar al-Assad", "person"), Actor("moscow", "Moscow", "place"),
              Actor("putin", "Vladimir Putin", "person"), Actor("qatar", "Qatar", "state")]
    ev = [Evidence("assad", "fled-to", "moscow", "1.txt", 0, 9, "Assad fled to Moscow", "fled", 6, 10, "r",
                   date="2024-12-08", outlet="Reuters"),
          Evidence("assad", "fled-to", "moscow", "2.txt", 0, 9, "Assad fled to Moscow", "fled", 6, 10, "r",
                   date="2024-12-07"),
          Evidence("putin", "refused", "assad", "1.txt", 20, 29, "Putin refused Assad", "refused", 26, 33, "r",
                   date="2024-12-06"),
          Evidence("qatar", "contacted", "putin", "3.txt", 0, 9, "Qatar\x0b called Putin", "called", 6, 12, "r"),
          Evidence("putin", "contacted", "assad", "3.txt", 20, 29, "Putin did not call Assad", "call", 6, 12, "r",
                   negated=True, asserted=False)]
    return build_graph(actors, ev, relations=None)


def test_gexf_has_viz_and_timeline_dates_and_networkx_reads_it(tmp_path):
    G = dated_graph()
    write_all(G, tmp_path, formats=("gexf",))
    text = (tmp_path / "graph.gexf").read_text(encoding="utf-8")
    assert "\x0b" not in text
    root = ET.fromstring(text)
    ns = {"g": root.tag.split("}")[0][1:], "viz": "http://www.gexf.net/1.2draft/viz"}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edges = {e.get("id"): e for e in graph.iter(f"{{{ns['g']}}}edge")}
    fled = edges["assad|fled-to|moscow"]
    assert (fled.get("start"), fled.get("end")) == ("2024-12-07", "2024-12-08")
    assert fled.get("label") == "fled-to" and fled.get("weight") == "2.0"
    assert "start" not in edges["qatar|contacted|putin"].attrib          # undated: always shown
    assert float(edges["putin|contacted|assad"].get("weight")) > 0      # unasserted, still kept by Gephi
    assert len(set(edges)) == G.number_of_edges()
    for el in list(graph.iter(f"{{{ns['g']}}}node")) + list(edges.values()):
        c = el.find("viz:color", ns)
        assert c is not None and all(c.get(x).isdigit() for x in "rgb")
    sizes = {n.get("id"): n.find("viz:size", ns) for n in graph.iter(f"{{{ns['g']}}}node")}
    assert all(s is not None and float(s.get("value")) > 0 for s in sizes.values())
    nodes = {n.get("id"): n for n in graph.iter(f"{{{ns['g']}}}node")}
    assert nodes["moscow"].get("start") == "2024-12-07"   # all its edges dated: appears with the first
    assert nodes["assad"].get("start") is None            # has an undated edge: always shown

    H = nx.read_gexf(tmp_path / "graph.gexf")
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    assert {d["relation"] for *_, d in H.edges(data=True)} == {k for *_, k in G.edges(keys=True)}
    assert H.nodes["assad"]["label"] == "Bashar al-Assad"
    assert H.nodes["assad"]["viz"]["color"]["r"] == rgb("#4e79a7")[0]


def test_gexf_of_seeds_read_back(built_dir, seeds_graph, tmp_path):
    G, _ = seeds_graph
    write_all(G, tmp_path, formats=("gexf",))
    write_all(G, tmp_path / "again", formats=("gexf",))
    assert (tmp_path / "graph.gexf").read_bytes() == (tmp_path / "again" / "graph.gexf").read_bytes()
    assert (tmp_path / "graph.gexf").read_text(encoding="utf-8").startswith("<?xml version='1.0' encoding='utf-8'?>")
    H = nx.read_gexf(tmp_path / "graph.gexf")
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    cites = sum(len(json.loads(d["citations"])) for *_, d in H.edges(data=True))
    assert cites == sum(len(d["citations"]) for *_, d in G.edges(keys=True, data=True))


# ---- CSV ----

def test_csv_writes_nodes_edges_and_citations(tmp_path, seeds_graph, graph_json):
    G, _ = seeds_graph
    written = write_all(G, tmp_path, formats=("csv",))
    assert [p.name for p in written] == ["nodes.csv", "edges.csv", "citations.csv"]

    def rows(name):
        with open(tmp_path / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    nodes, edges, cites = rows("nodes.csv"), rows("edges.csv"), rows("citations.csv")
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert len(cites) == sum(len(e["citations"]) for e in graph_json["edges"])
    assert "type" not in edges[0]  # Gephi's spreadsheet import would read it as the edge direction
    assert {e["id"] for e in edges} == {edge_id(e) for e in graph_json["edges"]}
    assert {c["edge_id"] for c in cites} <= {e["id"] for e in edges}
    assert {e["asserted"] for e in edges} == {"true", "false"}
    assad = next(n for n in nodes if n["id"] == "bashar_al_assad")
    assert "بشار الأسد" in json.loads(assad["aliases"])
    assert all("\n" not in c["text"] for c in cites)


def test_an_edge_sources_attribute_from_the_build_is_kept_and_used(tmp_path):
    """Another part of graphx may set edges' own ``sources`` (and lists such as ``languages``)."""
    import graphx
    from graphx.export.tables import edge_rows

    G = build_graph([Actor("a", "A", "person"), Actor("b", "B", "state")],
                    [Evidence("a", "contacted", "b", "d", 0, 9, "A called B", "called", 2, 8, "r", outlet="X")])
    G.edges["a", "b", "contacted"].update(sources=3, languages=["ar", "en"], stated=True)
    write_all(G, tmp_path, formats=("graphml",))
    root = ET.parse(tmp_path / "graph.graphml").getroot()
    descs = {k.get("attr.name"): (k.findtext(f"{G_NS}desc") or "") for k in root.iter(f"{G_NS}key")
             if k.get("for") == "edge"}
    assert descs["sources"] == "" and descs["languages"] == "json" and descs["r"] == "derived"
    H = graphx.load(tmp_path / "graph.graphml")
    assert H.edges["a", "b", "contacted"] == G.edges["a", "b", "contacted"]
    assert graphx.paths(G, "a", "b", min_sources=3) and not graphx.paths(G, "a", "b", min_sources=4)
    assert edge_rows(G)[0]["sources"] == 3


# what the networkx-based writer put on edges, before corroboration columns were added
OLD_EDGE_COLUMNS = {"label", "type", "weight", "evidence", "documents", "outlets", "asserted", "hedged", "negated",
                    "date", "cameo", "plover", "r", "g", "b", "citations"}


def test_graphml_written_before_key_notes_still_loads(tmp_path, seeds_graph):
    """Files from the earlier networkx-based writer (no <desc> notes) load as they did."""
    import graphx
    from graphx.export.graphml import edge_record, node_record

    G, _ = seeds_graph
    H = nx.MultiDiGraph()
    for n in G.nodes:
        rec = node_record(n, G.nodes[n])
        H.add_node(n, **{**rec, "aliases": json.dumps(rec["aliases"], ensure_ascii=False)})
    newer = set()  # list columns added since (e.g. languages): the old writer had none
    for s, t, k in G.edges(keys=True):
        rec = edge_record(G, s, t, k, G.edges[s, t, k])
        newer |= set(rec) - OLD_EDGE_COLUMNS
        rec = {a: v for a, v in rec.items() if a not in newer}
        H.add_edge(s, t, key=f"{s}|{k}|{t}", **{**rec, "citations": json.dumps(rec["citations"])})
    nx.write_graphml(H, tmp_path / "old.graphml")
    L = graphx.load(tmp_path / "old.graphml")
    assert dict(L.nodes(data=True)) == dict(G.nodes(data=True))
    assert all(L.edges[e] == {a: v for a, v in G.edges[e].items() if a not in newer} for e in G.edges(keys=True))


def test_page_counts_sources_and_dates_as_the_library_does():
    """The page's "independent sources" filter and date range agree with paths()/corroboration."""
    from graphx.corroboration import attested
    from graphx.export.html import page_data
    from graphx.graph import build_graph
    from graphx.query import edge_sources
    from graphx.records import Actor, Evidence

    def ev(s, t, outlet, date, negated=False):
        return Evidence(s, "contacted", t, outlet + ".txt", 0, 9, "A called B", "called", 2, 8, "r",
                        outlet=outlet, date=date, negated=negated, asserted=not negated)

    G = build_graph([Actor(x, x.upper(), "person") for x in "abc"],
                    [ev("a", "b", "Reuters", "2024-12-07"), ev("a", "b", "AP", "Dec 3", negated=True),
                     ev("a", "c", "AP", "", negated=True)])
    edges = {(e["source"], e["target"]): e for e in page_data(G)["edges"].values()}
    assert edges["a", "b"]["sources"] == edge_sources(G.edges["a", "b", "contacted"]) == 1
    assert edges["a", "c"]["sources"] == 1  # only denied: still drawn (dashed) at "at least 1"
    assert (edges["a", "b"]["first"], edges["a", "b"]["last"]) == ("2024-12-07", "2024-12-07")
    # a graph from before the sources column (an older graph.json) is counted the same way
    for *_, d in G.edges(keys=True, data=True):
        del d["sources"]
    assert [(r["source"], r["target"], r["sources"]) for r in attested(G)] == [("a", "b", 1)]


def _cited_graph():
    """Edges a->b (3 outlets), a->c (2), b->c (1, two citations), c->a (only denied)."""
    def ev(s, t, outlet, negated=False):
        return Evidence(s, "contacted", t, outlet + ".txt", 0, 9, "A called B", "called", 2, 8, "r",
                        outlet=outlet, negated=negated, asserted=not negated)

    return build_graph([Actor(x, x.upper(), "person") for x in "abc"],
                       [ev("a", "b", "Reuters"), ev("a", "b", "AP"), ev("a", "b", "AFP"),
                        ev("a", "c", "AP"), ev("a", "c", "BBC"), ev("b", "c", "TASS"), ev("b", "c", "TASS"),
                        ev("c", "a", "AP", negated=True)])


def test_the_page_draws_the_best_attested_edges_under_its_edge_limit():
    from graphx.export.html import page_data, page_subgraph

    G = _cited_graph()
    assert page_subgraph(G, max_edges=4) == (G, None)  # under both limits: the whole graph
    H, limit = page_subgraph(G, max_edges=2)
    assert sorted(H.edges) == [("a", "b", "contacted"), ("a", "c", "contacted")]  # 3 and 2 sources
    assert sorted(H) == ["a", "b", "c"]  # the actors stay
    assert (limit["edges"], limit["edges_total"], limit["edge_limit"], limit["actors"]) == (2, 4, 2, 3)
    H, _ = page_subgraph(G, max_edges=3)  # one source, two citations beats only denied
    assert ("b", "c", "contacted") in H.edges and ("c", "a", "contacted") not in H.edges
    # the page's data holds only the drawn edges' citations
    data = page_data(H, limit, whole=G)
    assert len(data["edges"]) == 3 and sum(len(e["citations"]) for e in data["edges"].values()) == 7


def test_the_page_holds_an_edges_first_citations_and_filters_on_all():
    from graphx.export.html import MAX_PAGE_CITATIONS, page_data

    n = MAX_PAGE_CITATIONS + 3
    cites = [Evidence("a", "contacted", "b", f"d{i:03d}.txt", 0, 9, "A called B", "called", 2, 8, "r",
                      date=f"2024-12-{1 + i % 9:02d}", attributed_to="Reuters" if i == n - 1 else "")
             for i in range(n)]
    G = build_graph([Actor(x, x.upper(), "person") for x in "ab"], cites)
    [edge] = page_data(G)["edges"].values()
    assert (len(edge["citations"]), edge["citations_total"], edge["evidence"]) == (MAX_PAGE_CITATIONS, n, n)
    assert edge["dates"] == [f"2024-12-{d:02d}" for d in range(1, 10)]
    assert edge["attributed"] == {"Reuters": 1}  # from the last citation, past the ones the page holds


def test_the_page_lists_conflicts_on_drawn_edges_first_and_counts_them_all():
    from graphx.export.html import MAX_PAGE_CITATIONS, _conflicts

    G = _cited_graph()
    rows = [{"kind": "denied", "summary": str(i), "sides": [{"source": s, "relation": "contacted", "target": t,
                                                              "citations": [{"n": k} for k in range(30)]}]}
            for i, (s, t) in enumerate([("b", "c"), ("c", "a"), ("a", "b")])]
    data = {"conflicts": rows}
    edges = {"e0": {"source": "a", "type": "contacted", "target": "b"}}
    out = _conflicts(G, edges, data, most=2)
    assert out["conflicts_total"] == 3
    assert [r["summary"] for r in out["conflicts"]] == ["2", "0"]  # the drawn edge's first
    assert out["conflicts"][0]["sides"][0]["edge"] == "e0" and out["conflicts"][1]["sides"][0]["edge"] == ""
    side = out["conflicts"][0]["sides"][0]  # the page holds a side's first citations and counts them all
    assert (len(side["citations"]), side["citations_total"]) == (MAX_PAGE_CITATIONS, 30)
    assert "edge" not in rows[2]["sides"][0] and len(rows[2]["sides"][0]["citations"]) == 30  # conflicts.json's rows
    everything = _conflicts(G, edges, data)
    assert [r["summary"] for r in everything["conflicts"]] == ["0", "1", "2"]  # under the limit: as given


def test_page_node_sizes_are_relative_to_the_most_mentioned_actor():
    """On an archive an actor is named tens of thousands of times: it must not cover the map."""
    from collections import Counter

    from graphx.export.html import render_html

    G = build_graph([Actor(x, x.upper(), "person") for x in "abc"], [], Counter({"a": 40000, "b": 10000, "c": 0}))
    page = render_html(G)
    start = page.index("nodes = new vis.DataSet(") + len("nodes = new vis.DataSet(")
    nodes = json.JSONDecoder().raw_decode(page[start:])[0]
    sizes = {n["id"]: n["size"] for n in nodes}
    assert sizes == {"a": 52.0, "b": 32.0, "c": 12.0}
