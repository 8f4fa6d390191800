import json

import networkx as nx
import pytest

import graphx
from graphx.documents import find_documents, read_document

from .conftest import SEEDS


def test_seeds_build_has_every_edge_type(seeds_graph):
    G, report = seeds_graph
    assert len(report.documents) == 5 and not report.skipped
    types = {k for _, _, k, d in G.edges(keys=True, data=True) if d["asserted"]}
    assert types == {"contacted", "refused", "mediated", "fled-to", "represents", "member-of"}
    assert G.has_edge("recep_tayyip_erdogan", "turkey", key="represents")
    assert G.has_edge("vladimir_putin", "bashar_al_assad", key="refused")
    assert G.has_edge("bashar_al_assad", "moscow", key="fled-to")
    assert G.has_edge("qatar", "hts", key="mediated")


def test_every_citation_is_the_document_slice(seeds_graph):
    G, _ = seeds_graph
    texts = {doc_id: read_document(doc_id, p).text for doc_id, p in find_documents([SEEDS])[0]}
    n = 0
    for _, _, d in G.edges(data=True):
        for c in d["citations"]:
            assert texts[c.doc][c.start:c.end] == c.text
            assert texts[c.doc][c.trigger_start:c.trigger_end] == c.trigger
            assert c.start <= c.trigger_start < c.trigger_end <= c.end
            n += 1
    assert n >= 40


def test_edges_merge_evidence_and_count_it(seeds_graph):
    G, _ = seeds_graph
    for s, t, k, d in G.edges(keys=True, data=True):
        assert d["type"] == k
        assert d["weight"] == sum(1 for c in d["citations"] if c.asserted)
        assert d["documents"] == len({c.doc for c in d["citations"] if c.asserted})
        assert all((c.source, c.relation, c.target) == (s, k, t) for c in d["citations"])
    assert max(d["weight"] for *_, d in G.edges(keys=True, data=True)) >= 2


def test_outputs_written_and_json_round_trips(built_dir, seeds_graph):
    G, _ = seeds_graph
    assert {p.name for p in built_dir.iterdir()} >= {"graph.json", "graph.graphml", "graph.html"}
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    assert data["multigraph"] and data["directed"]
    for e in data["edges"]:
        assert {"source", "target", "type", "weight", "citations"} <= set(e)
        assert all({"doc", "start", "end", "text"} <= set(c) for c in e["citations"])
    for n in data["nodes"]:
        assert {"id", "label", "kind", "aliases", "mentions", "discovered"} <= set(n)
    H = graphx.load(built_dir / "graph.json")
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    for s, t, k, d in G.edges(keys=True, data=True):
        assert H.edges[s, t, k]["citations"] == d["citations"]


def test_graphml_read_by_igraph_and_networkx(built_dir):
    igraph = pytest.importorskip("igraph")
    data = json.loads((built_dir / "graph.json").read_text(encoding="utf-8"))
    g = igraph.Graph.Read_GraphML(str(built_dir / "graph.graphml"))
    assert g.vcount() == len(data["nodes"])
    assert g.ecount() == len(data["edges"])
    assert set(g.es["type"]) == {e["type"] for e in data["edges"]}
    assert all(isinstance(json.loads(c), list) for c in g.es["citations"])
    import xml.etree.ElementTree as ET

    root = ET.parse(built_dir / "graph.graphml").getroot()
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(data["edges"]) and len(set(ids)) == len(ids) and None not in ids
    H = graphx.load(built_dir / "graph.graphml")
    assert H.number_of_edges() == len(data["edges"])
    raw = nx.read_graphml(built_dir / "graph.graphml", force_multigraph=True)
    assert all(isinstance(d["label"], str) for _, d in raw.nodes(data=True))


def test_html_is_self_contained(built_dir):
    import re

    page = (built_dir / "graph.html").read_text(encoding="utf-8")
    refs = re.findall(r"""\b(?:src|href)\s*=\s*["']([^"']*)["']""", page)
    assert [r for r in refs if re.match(r"(https?:)?//", r)] == []
    assert "bootstrap" not in page.lower()
    assert "vis-network" in page or "vis.Network" in page
    assert "بشار" in page or "الأسد" in page  # Arabic kept as UTF-8


def test_paths_and_evidence_accept_aliases(seeds_graph):
    G, _ = seeds_graph
    assert graphx.paths(G, "Assad", "Erdogan")  # the README's first query
    found = graphx.paths(G, "Assad", "Fidan")
    assert found and found[0].actors[0] == "bashar_al_assad" and found[0].actors[-1] == "hakan_fidan"
    for hop in found[0].hops:
        assert hop.citations and hop.direction in ("forward", "backward")
    ev = graphx.evidence(G, "the Kremlin", "Assad")
    assert ev and all({e.source, e.target} == {"russia", "bashar_al_assad"} for e in ev)
    text = graphx.explain(found[0], G)
    assert "“" in text and "Hakan Fidan" in text


def test_unknown_actor_suggests_close_matches(seeds_graph):
    G, _ = seeds_graph
    with pytest.raises(graphx.UnknownActorError, match="did you mean 'Recep Tayyip Erdogan'"):
        graphx.actor(G, "Erdgan")


def test_build_is_deterministic(tmp_path, seeds_graph):
    from graphx.export import write_all

    a, b = tmp_path / "a", tmp_path / "b"
    write_all(seeds_graph[0], a)
    write_all(graphx.build(SEEDS), b)
    for name in ("graph.json", "graph.graphml", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_bad_files_are_skipped_and_listed(tmp_path):
    (tmp_path / "good.txt").write_text("Putin called Erdogan.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Assad \xff\xfe fled")
    (tmp_path / "empty.md").write_text("")
    report = graphx.BuildReport()
    G = graphx.build(tmp_path, report=report)
    assert G.has_edge("vladimir_putin", "recep_tayyip_erdogan", key="contacted")
    reasons = {p.split("/")[-1]: r for p, r in ((s.path, s.reason) for s in report.skipped)}
    assert "not valid UTF-8 at byte 6" in reasons["bad.txt"]
    assert reasons["empty.md"] == "empty file"
