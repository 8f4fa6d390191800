"""Where text enters graphx: file names, characters XML cannot hold, line endings (issue 19).

A bad file name costs that report alone; characters no GraphML or GEXF reader accepts are
replaced (and counted) when a report is read, so every export can be read back by the
readers graphx did not write.
"""

import json
import os
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

import graphx
from graphx.cli import main
from graphx.documents import find_documents, make_document

GOOD = "Putin called Erdogan on Monday."


def test_a_file_name_that_is_not_utf8_costs_that_report_alone(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    bad = os.path.join(os.fsencode(d), b"bad\xff\xfe.txt")
    with open(bad, "wb") as f:
        f.write(b"Lavrov met Fidan in Doha.")
    ctrl = d / "tab\x01name.txt"
    ctrl.write_text("Assad fled to Moscow.")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(d), "-o", str(out), "-q"])
    assert r.exit_code == 3, (r.output, r.exception)
    assert r.stderr.splitlines() == [
        f"skipped: {d}/bad\\xff\\xfe.txt: file name is not valid UTF-8 (rename the file)",
        f"skipped: {d}/tab\\x01name.txt: file name holds control characters (rename the file)"]
    G = graphx.load(out / "graph.json")
    assert [x["id"] for x in G.graph["documents"]] == ["good.txt"]
    assert len(G.graph["skipped"]) == 2
    assert G.has_edge("vladimir_putin", "recep_tayyip_erdogan", key="contacted")
    for name in ("graph.graphml", "graph.html", "conflicts.json"):
        assert (out / name).stat().st_size > 0


def test_a_folder_whose_name_is_not_utf8_is_read(tmp_path):
    # Only the part of a path that becomes a document id must be text; the folder given is not.
    root = os.path.join(os.fsencode(tmp_path), b"dossier\xe9")
    os.mkdir(root)
    with open(os.path.join(root, b"a.txt"), "w") as f:
        f.write(GOOD)
    G = graphx.build(os.fsdecode(root))
    assert [x["id"] for x in G.graph["documents"]] == ["a.txt"]


HOSTILE = "Title: Talks \ufffe\n\nPutin called Erdogan\uffff on Monday.\x0c Assad fled to Moscow.\x01\n"


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    (base / "in").mkdir()
    (base / "in" / "a.txt").write_text(HOSTILE, encoding="utf-8")
    out = base / "out"
    r = CliRunner().invoke(main, ["build", str(base / "in"), "-o", str(out), "-q"])
    assert r.exit_code == 0, (r.output, r.exception)
    e = CliRunner().invoke(main, ["export", "-g", str(out / "graph.json"), "-f", "gexf", "-f", "csv", "-f", "json",
                                  "-f", "html", "-f", "graphml"])
    assert e.exit_code == 0, (e.output, e.exception)
    return out, r


def test_characters_xml_cannot_hold_are_replaced_and_counted(hostile_build):
    out, r = hostile_build
    assert r.stderr == ("warning: 4 character(s) that XML cannot hold (control characters, U+FFFE, U+FFFF, lone "
                        "surrogates) replaced by U+FFFD or a space in 1 report(s): a.txt\n")
    G = graphx.load(out / "graph.json")
    cites = {e.text for *_, d in G.edges(data=True) for e in d["citations"]}
    assert cites == {"Putin called Erdogan\ufffd on Monday.", "Assad fled to Moscow."}
    assert G.graph["documents"][0]["title"] == "Talks \ufffd"


def test_every_export_of_such_text_is_read_by_other_tools(hostile_build):
    out, _ = hostile_build
    for name in ("graph.graphml", "graph.gexf"):
        ET.parse(out / name)
    nx.read_gexf(out / "graph.gexf")
    nx.read_graphml(out / "graph.graphml")
    igraph = pytest.importorskip("igraph")
    igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    for name in ("graph.json", "graph.graphml"):  # graphx reads its own files back
        assert graphx.load(out / name).has_edge("bashar_al_assad", "moscow", key="fled-to")
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    for name in ("nodes.csv", "edges.csv", "citations.csv", "graph.html"):
        (out / name).read_text(encoding="utf-8")


def test_a_lone_surrogate_from_the_library_is_replaced(tmp_path):
    from graphx.export import write_all
    from graphx.extract import Settings, extract_batch, merge

    doc = make_document("a.txt", "Putin called Erdogan\ud800 on Monday.")
    assert doc.replaced == 1 and "\ud800" not in doc.text
    s = Settings(graphx.load_aliases(), graphx.load_lexicon())
    [r] = extract_batch(s, [doc])
    merged = merge([r])
    assert [e.text for e in merged.evidence] == ["Putin called Erdogan\ufffd on Monday."]
    from graphx.graph import build_graph

    table = s.table
    G = build_graph([table.actors[a] for a in merged.counts], merged.evidence, merged.counts)
    write_all(G, tmp_path, formats=("json", "graphml", "gexf", "csv", "html", "conflicts"))
    nx.read_gexf(tmp_path / "graph.gexf")
    assert graphx.load(tmp_path / "graph.json").number_of_edges() == 1


def test_cr_only_line_endings_are_line_breaks(tmp_path):
    (tmp_path / "mac.txt").write_bytes(b"Title: Talks\rSource: Reuters\r\rPutin called Erdogan on Monday.\r"
                                       b"Assad fled to Moscow.\rLavrov met Fidan in Doha.\r")
    report = graphx.BuildReport()
    G = graphx.build(tmp_path, report=report)
    assert report.documents[0].meta == {"title": "Talks", "source": "Reuters"}
    cites = sorted(e.text for *_, d in G.edges(data=True) for e in d["citations"])
    assert cites == ["Assad fled to Moscow.", "Lavrov met Fidan in Doha.", "Putin called Erdogan on Monday."]
    # offsets index the text as read (CR read as LF, one for one)
    text = report.documents[0].text
    assert len(text) == (tmp_path / "mac.txt").stat().st_size and "\r" not in text


def test_find_documents_names_bad_files_printably(tmp_path):
    bad = os.path.join(os.fsencode(tmp_path), b"x\xff.txt")
    open(bad, "w").close()
    pairs, skipped = find_documents([tmp_path])
    assert pairs == [] and [s.path for s in skipped] == [f"{tmp_path}/x\\xff.txt"]
    json.dumps([s.path for s in skipped]).encode("utf-8")  # printable and writable anywhere


def test_csv_cells_never_start_a_formula(tmp_path):
    import csv

    d = tmp_path / "in"
    d.mkdir()
    (d / "=cmd.txt").write_text('Title: =HYPERLINK("http://evil.example","click")\nSource: +cmd\nURL: -2+3\n\n'
                                "@SUM(1) Putin called Erdogan on Monday. Putin called Evil Corp on Tuesday.\n")
    aliases = tmp_path / "mine.toml"
    aliases.write_text('[actors.evil]\nlabel = "=Evil Corp"\nkind = "organisation"\naliases = ["Evil Corp"]\n')
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(d), "-o", str(out), "-q", "--aliases", str(aliases)]).exit_code == 0
    r = CliRunner().invoke(main, ["export", "-g", str(out / "graph.json"), "-f", "csv"])
    assert r.exit_code == 0, r.output
    stdout = CliRunner().invoke(main, ["edges", "-g", str(out / "graph.json"), "--format", "csv"]).stdout
    tables = {name: list(csv.DictReader(open(out / name, encoding="utf-8"))) for name in
              ("nodes.csv", "edges.csv", "citations.csv")}
    tables["stdout"] = list(csv.DictReader(stdout.splitlines()))
    cells = [v for rows in tables.values() for row in rows for v in row.values()]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    cite = next(c for c in tables["citations.csv"] if c["target"] == "recep_tayyip_erdogan")
    assert (cite["doc"], cite["outlet"], cite["url"], cite["text"]) == (
        "'=cmd.txt", "'+cmd", "'-2+3", "'@SUM(1) Putin called Erdogan on Monday.")
    assert {r["label"] for r in tables["nodes.csv"]} >= {"'=Evil Corp"}
    assert any(r["target_label"] == "'=Evil Corp" for r in tables["stdout"])
