"""The command-line details of issue 18, item 7 (CliRunner: exact messages and exit codes)."""

import json
import subprocess
import sys

import networkx as nx
import pytest
from click.testing import CliRunner

from graphx.cli import main

from .conftest import ROOT, SEEDS


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def build(built_dir, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built_dir, out)
    return out


def test_export_to_a_file_takes_the_format_from_its_extension(runner, build, tmp_path, seeds_graph):
    G, _ = seeds_graph
    g = str(build / "graph.json")
    target = tmp_path / "for_gephi" / "x.gexf"
    r = runner.invoke(main, ["export", "-o", str(target), "-g", g])
    assert r.exit_code == 0, r.output
    assert r.output == f"Wrote {target}\n"
    assert target.is_file() and nx.read_gexf(target).number_of_edges() == G.number_of_edges()
    r = runner.invoke(main, ["export", "-o", str(tmp_path / "g.GRAPHML"), "-f", "graphml", "-g", g])
    assert r.exit_code == 0 and (tmp_path / "g.GRAPHML").is_file()
    r = runner.invoke(main, ["export", "-o", str(tmp_path / "y.gexf"), "-f", "json", "-g", g])
    assert r.exit_code == 2
    assert r.output.endswith(f"Error: -o {tmp_path / 'y.gexf'} is a gexf file, but --format asks for json: "
                             "give one format, or a folder\n")
    r = runner.invoke(main, ["export", "-o", str(tmp_path / "t.csv"), "-g", g])
    assert r.exit_code == 2 and r.output.endswith(
        "Error: csv is three files (nodes.csv, edges.csv, citations.csv): give -o a folder\n")
    assert not (tmp_path / "y.gexf").exists() and not (tmp_path / "t.csv").exists()
    # a folder (even one named like a file) is still a folder
    (tmp_path / "old.json").mkdir()
    r = runner.invoke(main, ["export", "-o", str(tmp_path / "old.json"), "-f", "gexf", "-g", g])
    assert r.exit_code == 0 and (tmp_path / "old.json" / "graph.gexf").is_file()


def test_path_between_two_names_of_one_actor_says_so(runner, build):
    r = runner.invoke(main, ["path", "Assad", "Bashar", "-g", str(build / "graph.json")])
    assert r.exit_code == 1
    assert r.output == ("Error: 'Assad' and 'Bashar' are one actor, Bashar al-Assad: give two different actors\n")


def test_edges_of_one_actor(runner, build, seeds_graph):
    G, _ = seeds_graph
    g = str(build / "graph.json")
    r = runner.invoke(main, ["edges", "--actor", "Khmeimim", "-g", g])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    n = sum(1 for s, t, k in G.edges(keys=True) if "hmeimim_airbase" in (s, t))
    assert lines[-1] == f"{n} edge(s)." and n > 0
    assert all("Hmeimim Air Base" in line for line in lines[1:-1])
    r = runner.invoke(main, ["edges", "--actor", "Assad", "--actor", "Putin", "--type", "refused", "--format", "json",
                             "-g", g])
    got = {(e["source"], e["target"]) for e in json.loads(r.output)}
    assert got == {(s, t) for s, t, k in G.edges(keys=True) if k == "refused"
                   and {s, t} & {"bashar_al_assad", "vladimir_putin"}}
    r = runner.invoke(main, ["edges", "--actor", "Erdgan", "-g", g])
    assert r.exit_code == 1
    assert r.output == "Error: no actor matches 'Erdgan'; did you mean 'Recep Tayyip Erdogan', 'Tehran', 'Jordan'?\n"
    r = runner.invoke(main, ["edges", "--actor", "Buthaina Shaaban", "--type", "mediated", "-g", g])
    assert r.exit_code == 0 and r.output == "No edges of type mediated touching Buthaina Shaaban.\n"


@pytest.mark.parametrize("spelling", ["armed group", "Armed Group", "armed-group", "armed_group"])
def test_kinds_as_the_page_spells_them(runner, build, spelling):
    r = runner.invoke(main, ["actors", "--kind", spelling, "-g", str(build / "graph.json")])
    assert r.exit_code == 0, r.output
    rows = r.output.splitlines()[1:]
    assert rows and all(" armed_group " in row for row in rows)


def test_shell_exits_non_zero_when_piped_code_fails(build):
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "graphx.cli", "shell", str(build / "graph.json")]
    bad = subprocess.run(run, input="print(1)\n1/0\nprint(2)\n", capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 1
    assert "ZeroDivisionError" in bad.stderr and bad.stdout.split() == ["1", "2"]
    syntax = subprocess.run(run, input="print(\n", capture_output=True, text=True, env=env, timeout=60)
    assert syntax.returncode == 1 and "SyntaxError" in syntax.stderr
    good = subprocess.run(run, input="print(len(G) > 0)\n", capture_output=True, text=True, env=env, timeout=60)
    assert good.returncode == 0 and good.stdout == "True\n"


def test_build_says_what_it_ignored_and_which_page_to_open(runner, tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text((SEEDS / "000_4249c692fd90a8b2.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "B.TXT").write_text("Putin called Erdogan.", encoding="utf-8")
    (src / "page.html").write_text("<p>Putin called Erdogan.</p>", encoding="utf-8")
    (src / "sub" / "r.pdf").write_bytes(b"%PDF-1.4")
    (src / "sub" / "s.pdf").write_bytes(b"%PDF-1.4")
    (src / ".hidden.docx").write_bytes(b"x")
    out = tmp_path / "o"
    r = runner.invoke(main, ["build", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert "Read 2 document(s)" in lines[0]  # .TXT is a report, whatever its case
    assert "Ignored 3 file(s) of other types (.pdf 2, .html 1): graphx reads .txt and .md." in lines
    assert lines[-1] == f"Open {out / 'graph.html'} in a browser (it works offline)."
