"""The commands that read a build: path, edges, export, shell (CliRunner, exact messages and exit codes)."""

import csv
import io
import json
import os
import subprocess
import sys

import networkx as nx
import pytest
from click.testing import CliRunner

from graphx.cli import main

from .conftest import ROOT


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def build(built_dir, tmp_path):
    """A private copy of the seeds build (commands here write next to it)."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built_dir, out)
    return out


def test_path_prints_chain_with_citations(runner, build):
    r = runner.invoke(main, ["path", "Assad", "Erdogan", "-g", str(build / "graph.json"), "-n", "1"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "Path 1:"
    assert lines[1].startswith("Bashar al-Assad → ") and lines[1].endswith("Recep Tayyip Erdogan (3 hops)")
    # the first hop touches Assad, whichever way its arrow points
    assert lines[2].startswith("1. ") and "Bashar al-Assad" in lines[2] and "→" in lines[2]
    assert "“" in r.output and "[Al Jazeera, " in r.output


def _moscow(build):
    """The citations and independent sources of Assad's flight to Moscow in the build."""
    data = json.loads((build / "graph.json").read_text(encoding="utf-8"))
    e = next(e for e in data["edges"] if (e["source"], e["type"], e["target"]) == ("bashar_al_assad", "fled-to", "moscow"))
    return e["weight"], e["sources"]


def test_path_min_sources_and_type_filters(runner, build):
    g = str(build / "graph.json")
    cites, sources = _moscow(build)
    assert sources == 3  # three reports from three publishers; the Arabic original counts with its translation
    r = runner.invoke(main, ["path", "Assad", "Moscow", "-g", g, "--type", "fled-to", "--min-sources", "3"])
    assert r.exit_code == 0 and f"—fled-to→ Moscow  ({cites} citations, 3 sources)" in r.output
    r = runner.invoke(main, ["path", "Assad", "Moscow", "-g", g, "--type", "fled-to", "--min-sources", "4"])
    assert r.exit_code == 1
    assert r.output == "No path from Bashar al-Assad to Moscow within 4 hops.\n"
    r = runner.invoke(main, ["path", "Assad", "Moscow", "-g", g, "--type", "fled"])
    assert r.exit_code == 1
    assert r.output == "Error: no relation type 'fled'; did you mean 'fled-to', 'refused'?\n"


def test_edges_table(runner, build):
    r = runner.invoke(main, ["edges", "--type", "fled-to", "-g", str(build / "graph.json")])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split() == ["source", "type", "target", "citations", "sources", "first"]
    assert lines[1].split()[:6] == ["Bashar", "al-Assad", "fled-to", "Hmeimim", "Air", "Base"]
    cites, sources = _moscow(build)
    assert any(line.split()[-4:] == ["Moscow", str(cites), str(sources), "2024-12-08"] for line in lines)
    data = json.loads((build / "graph.json").read_text(encoding="utf-8"))
    assert lines[-1] == f"{sum(e['type'] == 'fled-to' for e in data['edges'])} edge(s)."
    r = runner.invoke(main, ["edges", "-g", str(build / "graph.json")])
    assert "(denied or unconfirmed only)" in r.output


def test_edges_csv_and_json(runner, build, seeds_graph):
    G, _ = seeds_graph
    g = str(build / "graph.json")
    r = runner.invoke(main, ["edges", "--format", "csv", "-g", g])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert len(rows) == G.number_of_edges() and rows[0]["id"].count("|") == 2
    r = runner.invoke(main, ["edges", "--format", "json", "--type", "mediated", "--type", "refused", "-g", g])
    data = json.loads(r.output)
    assert data and {e["type"] for e in data} == {"mediated", "refused"}
    assert all(e["citations"][0]["text"] for e in data)


def test_edges_errors(runner, build, tmp_path):
    r = runner.invoke(main, ["edges", "--type", "contact", "-g", str(build / "graph.json")])
    assert r.exit_code == 1 and r.output == "Error: no relation type 'contact'; did you mean 'contacted'?\n"
    r = runner.invoke(main, ["edges", "--format", "xml", "-g", str(build / "graph.json")])
    assert r.exit_code == 2 and "'xml' is not one of 'table', 'csv', 'json'" in r.output
    r = runner.invoke(main, ["edges", "-g", str(tmp_path / "none.json")])
    assert r.exit_code == 1
    assert r.output == f"Error: {tmp_path / 'none.json'}: no such file (run `graphx build` first)\n"


def test_export_writes_next_to_the_build(runner, build, seeds_graph):
    G, _ = seeds_graph
    r = runner.invoke(main, ["export", "--format", "gexf", "-f", "csv", "-g", str(build / "graph.json")])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == [f"Wrote {build / n}" for n in
                                     ("graph.gexf", "nodes.csv", "edges.csv", "citations.csv")]
    assert nx.read_gexf(build / "graph.gexf").number_of_edges() == G.number_of_edges()
    assert not [p for p in build.iterdir() if p.name.endswith(".tmp")]


def test_export_to_another_folder_from_graphml(runner, build, tmp_path, seeds_graph):
    out = tmp_path / "gephi"
    out.mkdir()
    r = runner.invoke(main, ["export", "-f", "json", "-f", "graphml", "-g", str(build / "graph.graphml"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    import graphx

    H = graphx.load(out / "graph.json")
    G, _ = seeds_graph
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))


def test_export_errors(runner, build, tmp_path):
    r = runner.invoke(main, ["export", "-g", str(build / "graph.json")])
    assert r.exit_code == 2 and r.output.endswith("Error: give --format (graphml, gexf, json, csv, html), "
                                                  "or -o FILE ending in .graphml, .gexf, .json or .html\n")
    r = runner.invoke(main, ["export", "-f", "pdf", "-g", str(build / "graph.json")])
    assert r.exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    r = runner.invoke(main, ["export", "-f", "gexf", "-g", str(bad)])
    assert r.exit_code == 1 and r.output.startswith(f"Error: {bad}: not a graph written by graphx")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = runner.invoke(main, ["export", "-f", "gexf", "-g", str(build / "graph.json"), "-o", str(blocker / "sub")])
    assert r.exit_code == 1 and "cannot write" in r.output


def test_shell_reads_piped_commands(runner, build, seeds_graph):
    G, _ = seeds_graph
    code = ("print(G.number_of_nodes())\n"
            "print(explain(paths(G, 'Assad', 'Moscow', types='fled-to')[0], G).splitlines()[0])\n"
            "print(neighbors(G, 'Moscow', direction='in') == graphx.neighbors(G, 'Moscow', direction='in'))\n")
    r = runner.invoke(main, ["shell", str(build / "graph.json")], input=code)
    assert r.exit_code == 0, r.output
    assert f"G is the graph from {build / 'graph.json'} ({G.number_of_nodes()} actors" in r.output
    assert f"\n{G.number_of_nodes()}\n" in r.output.replace(">>> ", "\n")
    assert "Bashar al-Assad → Moscow (1 hop)" in r.output
    assert "True" in r.output


def test_shell_subprocess_with_standard_console(build, seeds_graph):
    G, _ = seeds_graph
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-m", "graphx.cli", "shell", str(build / "graph.json")],
                         input="print(G.number_of_nodes(), G.number_of_edges())\n", capture_output=True, text=True,
                         env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{G.number_of_nodes()} {G.number_of_edges()}"
    assert "graphx shell" in out.stderr  # the banner and prompts go to stderr


def test_shell_without_a_build(runner, tmp_path):
    r = runner.invoke(main, ["shell", str(tmp_path / "graph.json")], input="")
    assert r.exit_code == 1 and "run `graphx build` first" in r.output


@pytest.mark.parametrize("cmd", [["edges"], ["export"], ["shell"], ["path"]])
def test_new_commands_help_has_examples(runner, cmd):
    r = runner.invoke(main, cmd + ["--help"])
    assert r.exit_code == 0 and "Example" in r.output


def test_help_is_fast_and_imports_nothing_heavy():
    code = ("import sys, graphx.cli; "
            "print(sorted(m for m in ('networkx', 'spacy', 'pyvis', 'IPython', 'igraph') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_shell_uses_ipython_on_a_terminal(monkeypatch, seeds_graph):
    IPython = pytest.importorskip("IPython")
    from graphx import shell

    seen = {}
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(IPython, "start_ipython", lambda argv, user_ns, config: seen.update(ns=user_ns, cfg=config))
    shell.start(seeds_graph[0], "g.json")
    assert seen["ns"]["G"] is seeds_graph[0] and callable(seen["ns"]["paths"])
    assert "graphx shell" in seen["cfg"].TerminalInteractiveShell.banner2
    seen.clear()
    monkeypatch.setattr(shell.code.InteractiveConsole, "interact", lambda self, banner, exitmsg: seen.update(b=banner))
    shell.start(seeds_graph[0], "g.json", plain=True)
    assert "ns" not in seen and seen["b"].startswith("graphx shell")


def test_actors_kind_is_checked(runner, build):
    r = runner.invoke(main, ["actors", "--kind", "people", "-g", str(build / "graph.json")])
    assert r.exit_code == 1
    assert r.output == ("Error: unknown kind 'people' (kinds: person, state, organisation, armed group, place, "
                        "outlet, group)\n")
    r = runner.invoke(main, ["actors", "--kind", "outlet", "-g", str(build / "graph.json")])
    assert r.exit_code == 0
