"""Reviewed corrections as data (issue 18, item 1): reject, confirm, retype, merge, alias; applied
at build time after extraction, recorded on the citations, surviving rebuilds; errors name file and line."""

import csv
import json

import pytest
from click.testing import CliRunner

import graphx
from graphx.cli import main
from graphx.corrections import load_corrections
from graphx.errors import ConfigError
from graphx.export import write_all
from graphx.lexicon import load_lexicon

REPORTS = {
    "r.txt": "Title: War\nSource: Wire\nDate: 2024-05-02\n\n"
             "Assad's war has driven 100,000 people to flee to Turkey. Putin called Erdogan on Monday.\n"
             "Mr Vladimir called Erdogan on Tuesday. Assad fled to Moscow on Sunday.\n",
    "s.txt": "Title: Calls\nSource: Other\nDate: 2024-05-03\n\nPutin called Erdogan on Tuesday. Assad fled to Moscow.\n"
             "Russia refused to help Assad.\n",
}
WHO = 'by = "Ana"\ndate = 2025-01-10\nwhy = "{why}"\n'


@pytest.fixture()
def reports(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def fixes(tmp_path, text, name="corrections.toml"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def edge_keys(G):
    return {(s, k, t) for s, t, k in G.edges(keys=True) if k != "represents"}


def test_a_wrong_edge_is_rejected_and_stays_rejected(tmp_path, reports):
    wrong = ("bashar_al_assad", "fled-to", "turkey")
    assert wrong in edge_keys(graphx.build(reports))  # "Assad's war has driven 100,000 people to flee to Turkey"
    f = fixes(tmp_path, '[[reject]]\nsource = "Assad"\ntype = "fled-to"\ntarget = "Turkey"\n'
                        + WHO.format(why="100,000 people fled, not Assad"))
    cache = tmp_path / "cache.sqlite"
    for _ in range(2):  # a cold build and a rebuild from the cache
        report = graphx.BuildReport()
        G = graphx.build(reports, corrections=f, cache=cache, report=report)
        assert wrong not in edge_keys(G)
        (gone,) = G.graph["rejected"]
        assert (gone["source"], gone["relation"], gone["target"]) == wrong
        assert (gone["correction"], gone["corrected_by"], gone["corrected_on"], gone["corrected_why"]) == \
            ("rejected", "Ana", "2025-01-10", "100,000 people fled, not Assad")
        assert [(o.correction.line, o.citations) for o in report.corrections] == [(1, 1)]
    assert report.cached == 2  # corrections apply after extraction: the cache still serves every report


def test_one_citation_is_rejected_by_document_and_sentence(tmp_path, reports):
    f = fixes(tmp_path, '[[reject]]\nsource = "Putin"\ntype = "contacted"\ntarget = "Erdogan"\ndoc = "r.txt"\n'
                        'sentence = "Putin called   Erdogan on Monday"\n' + WHO.format(why="a rumour"))
    G = graphx.build(reports, corrections=f)
    cites = G.edges["vladimir_putin", "recep_tayyip_erdogan", "contacted"]["citations"]
    assert [(c.doc, c.text) for c in cites] == [("s.txt", "Putin called Erdogan on Tuesday.")]
    assert G.edges["vladimir_putin", "recep_tayyip_erdogan", "contacted"]["weight"] == 1


def test_confirm_and_retype_are_recorded_on_the_citations_and_in_every_export(tmp_path, reports):
    f = fixes(tmp_path, '[[confirm]]\nsource = "Assad"\ntype = "fled-to"\ntarget = "Moscow"\n'
                        + WHO.format(why="AP and Reuters agree") +
                        '\n[[retype]]\nsource = "Assad"\ntype = "fled-to"\ntarget = "Turkey"\nto = "refused"\n'
                        'why = "a test of retyping"\n')
    G = graphx.build(reports, corrections=f)
    moscow = G.edges["bashar_al_assad", "moscow", "fled-to"]["citations"]
    assert {(c.correction, c.corrected_by, c.corrected_on, c.corrected_why) for c in moscow} == \
        {("confirmed", "Ana", "2025-01-10", "AP and Reuters agree")}
    assert not G.has_edge("bashar_al_assad", "turkey", "fled-to")
    (moved,) = G.edges["bashar_al_assad", "turkey", "refused"]["citations"]
    assert (moved.relation, moved.correction, moved.corrected_by, moved.corrected_on) == \
        ("refused", "retyped from fled-to", "-", "-")
    out = tmp_path / "out"
    write_all(G, out, formats=("json", "graphml", "csv"))
    for name in ("graph.json", "graph.graphml"):  # read back as built
        H = graphx.load(out / name)
        assert H.edges["bashar_al_assad", "moscow", "fled-to"]["citations"] == moscow
    rows = list(csv.DictReader((out / "citations.csv").open(encoding="utf-8")))
    assert {(r["correction"], r["corrected_by"], r["corrected_on"], r["corrected_why"]) for r in rows
            if r["edge_id"] == "bashar_al_assad|fled-to|moscow"} == {("confirmed", "Ana", "2025-01-10",
                                                                     "AP and Reuters agree")}
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert [c["what"] for c in data["graph"]["corrections"]] == [
        "[[confirm]] Assad —fled-to→ Moscow", "[[retype]] Assad —fled-to→ Turkey as refused"]
    # citations nobody corrected carry no empty correction fields (graph.json does not grow)
    plain = next(e for e in data["edges"] if e["type"] == "contacted")["citations"][0]
    assert "correction" not in plain and "corrected_by" not in plain


def test_merge_two_actors(tmp_path, reports):
    f = fixes(tmp_path, '[[merge]]\nactor = "Moscow"\ninto = "Russia"\n' + WHO.format(why="one node for Russia"))
    before = graphx.build(reports)
    G = graphx.build(reports, corrections=f)
    assert "moscow" not in G and not G.has_edge("bashar_al_assad", "moscow", "fled-to")
    cites = G.edges["bashar_al_assad", "russia", "fled-to"]["citations"]
    assert len(cites) == len(before.edges["bashar_al_assad", "moscow", "fled-to"]["citations"])
    assert {c.correction for c in cites} == {"merged Moscow (moscow) into Russia"}
    assert G.nodes["russia"]["mentions"] == before.nodes["russia"]["mentions"] + before.nodes["moscow"]["mentions"]
    assert "Moscow" in G.nodes["russia"]["aliases"]
    assert graphx.actor(G, "Moscow") == "russia"


def test_alias_for_a_shipped_actor(tmp_path, reports):
    f = fixes(tmp_path, '[[alias]]\nactor = "Putin"\naliases = ["Mr Vladimir"]\n' + WHO.format(why="how r.txt writes him"))
    before = graphx.build(reports)
    G = graphx.build(reports, corrections=f)
    cites = G.edges["vladimir_putin", "recep_tayyip_erdogan", "contacted"]["citations"]
    assert len(cites) == len(before.edges["vladimir_putin", "recep_tayyip_erdogan", "contacted"]["citations"]) + 1
    (named,) = [c for c in cites if c.source_text == "Mr Vladimir"]
    assert named.correction == "named by the alias Mr Vladimir added" and named.corrected_why == "how r.txt writes him"


def test_a_correction_that_matches_nothing_is_reported(tmp_path, reports):
    f = fixes(tmp_path, '[[reject]]\nsource = "Putin"\ntype = "fled-to"\ntarget = "Moscow"\n' + WHO.format(why="x") +
                        '\n[[confirm]]\nsource = "Asad Nobody"\ntype = "contacted"\ntarget = "Putin"\nwhy = "y"\n'
                        '\n[[reject]]\nsource = "Putin"\ntype = "contacted"\ntarget = "Erdogan"\n'
                        'sentence = "never said"\nwhy = "z"\n'
                        '\n[[confirm]]\nsource = "Assad"\ntype = "fled-to"\ntarget = "Tehran"\nwhy = "y"\n')
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(reports), "-o", str(out), "--corrections", str(f)])
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines()[-4:] == [
        f"warning: {f}:1: [[reject]] Putin —fled-to→ Moscow matches nothing in this build: "
        "no fled-to edge from Vladimir Putin to Moscow",
        f"warning: {f}:9: [[confirm]] Asad Nobody —contacted→ Putin matches nothing in this build: "
        "no actor matches 'Asad Nobody'",
        f"warning: {f}:15: [[reject]] Putin —contacted→ Erdogan (\"never said\") matches nothing in this build: "
        "none of the edge's citations is in that sentence",
        f"warning: {f}:22: [[confirm]] Assad —fled-to→ Tehran matches nothing in this build: "
        "Tehran is not named in these reports"]
    assert f"Corrections from {f}: 0 of 4 applied, 4 matched nothing (see the warnings)." in r.stdout


def test_the_output_folder_remembers_the_corrections_file(tmp_path, reports):
    f = fixes(tmp_path, '[[reject]]\nsource = "Assad"\ntype = "fled-to"\ntarget = "Turkey"\n' + WHO.format(why="x"))
    out = tmp_path / "out"
    run = CliRunner().invoke
    assert run(main, ["build", str(reports), "-o", str(out), "--corrections", str(f), "-q"]).exit_code == 0
    r = run(main, ["build", str(reports), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert (f"Corrections from {f} (remembered from an earlier build; --no-corrections to build without): "
            "1 of 1 applied (reject 1).") in r.stdout.splitlines()
    assert not _has(out, ("bashar_al_assad", "fled-to", "turkey"))
    assert run(main, ["build", str(reports), "-o", str(out), "--no-corrections", "-q"]).exit_code == 0
    assert _has(out, ("bashar_al_assad", "fled-to", "turkey"))
    r = run(main, ["build", str(reports), "-o", str(out)])
    assert "Corrections" not in r.stdout and _has(out, ("bashar_al_assad", "fled-to", "turkey"))
    assert run(main, ["build", str(reports), "-o", str(out), "--corrections", str(f), "-q"]).exit_code == 0
    f.unlink()
    r = run(main, ["build", str(reports), "-o", str(out)])
    assert r.exit_code == 1
    assert r.output == (f"Error: {f}: the corrections file earlier builds into {out} used is gone (give "
                        "--corrections FILE, or --no-corrections to build without)\n")


def test_graph_json_names_the_corrections_file_by_its_absolute_path(tmp_path, reports, monkeypatch):
    """Given relative, the corrections file is stored absolute in graph.json (as the alias files are):
    the graph is read from other folders too (issue 19)."""
    fixes(tmp_path, '[[reject]]\nsource = "Assad"\ntype = "fled-to"\ntarget = "Turkey"\n' + WHO.format(why="x"))
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["build", str(reports), "-o", "out", "--corrections", "corrections.toml", "-q"])
    assert r.exit_code == 0, r.output
    stored = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))["graph"]["corrections_file"]
    assert stored == str(tmp_path / "corrections.toml")


def _has(out, edge):
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return any((e["source"], e["type"], e["target"]) == edge for e in data["edges"])


@pytest.mark.parametrize("content, expected", [
    ('[[rejct]]\nsource = "a"\n', "{f}:1: unknown correction [[rejct]] (did you mean [[reject]]?)"),
    ('[[reject]]\nsource = "a"\ntype = "fled-to"\ntarget = "b"\n', "{f}:1: [[reject]]: why is missing (say why: "
     "it is shown beside the edge and in the exports)"),
    ('[[reject]]\nsource = "a"\ntype = "fled-to"\ntarget = "b"\nwhy = ""\n', "{f}:5: [[reject]]: why is empty "
     "(say why: it is shown beside the edge and in the exports)"),
    ('[[confirm]]\nsource = "a"\ntype = "fled_to"\ntarget = "b"\nwhy = "w"\n',
     "{f}:3: [[confirm]]: unknown relation 'fled_to' (did you mean 'fled-to'?)"),
    ('[[reject]]\nwhy = "w"\n\n[[retype]]\nsource = "a"\ntype = "fled-to"\ntarget = "b"\nwhy = "w"\n',
     "{f}:1: [[reject]]: source is missing (add source = \"...\")"),
    ('[[retype]]\nsource = "a"\ntype = "fled-to"\ntarget = "b"\nto = "fled-to"\nwhy = "w"\n',
     "{f}:5: [[retype]]: to is the edge's own type 'fled-to' (give another type, or use [[confirm]])"),
    ('[[merge]]\nactor = "a"\ninto = "b"\nwhy = "w"\ndate = "10/01/2025"\n',
     "{f}:5: [[merge]]: date '10/01/2025' is not a date (write date = 2025-01-31 (year-month-day))"),
    ('[[merge]]\nactor = "a"\ninto = "b"\nwhy = "w"\ncolour = "red"\n',
     "{f}:5: [[merge]]: unknown key 'colour' (keys: actor, into, by, date, why)"),
    ('[[alias]]\nactor = "Assad"\naliases = "Mr B"\nwhy = "w"\n[[alias]]\nactor = "Putn"\naliases = ["P"]\nwhy = "w"\n',
     "{f}:5: [[alias]]: no actor 'Putn' in the alias table (did you mean 'Putin'?)"),
    ('[[alias]]\nactor = "Putin"\naliases = ["Erdogan"]\nwhy = "w"\n',
     "{f}:3: alias 'Erdogan' is claimed by both 'recep_tayyip_erdogan' and 'vladimir_putin'"),
    ('[[reject]\n', "{f}:1: TOML syntax error"),
])
def test_bad_corrections_stop_the_build_naming_file_and_line(tmp_path, reports, content, expected):
    f = fixes(tmp_path, content)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(reports), "-o", str(out), "--corrections", str(f)])
    assert r.exit_code == 1, r.output
    assert r.output.startswith("Error: " + expected.format(f=f)), r.output
    assert not out.exists()  # nothing written, nothing remembered


def test_load_corrections_reads_every_kind(tmp_path):
    f = fixes(tmp_path, '[[confirm]]\nsource = "a"\ntype = "contacted"\ntarget = "b"\nwhy = "w"\n'
                        '[[merge]]\nactor = "a"\ninto = "b"\nwhy = "w"\n'
                        '[[reject]]\nsource = "a"\ntype = "contacted"\ntarget = "b"\ndoc = "d.txt"\nwhy = "w"\n')
    c = load_corrections(f, load_lexicon().relations)
    assert [(x.kind, x.line) for x in c.entries] == [("confirm", 1), ("merge", 6), ("reject", 10)]
    with pytest.raises(ConfigError):
        load_corrections(tmp_path / "missing.toml")
