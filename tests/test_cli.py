import json
import shutil

import pytest
from click.testing import CliRunner

from graphx.cli import main

from .conftest import SEEDS


@pytest.fixture()
def runner():
    return CliRunner()


def test_build_writes_outputs_and_summary(runner, tmp_path):
    out = tmp_path / "out"
    r = runner.invoke(main, ["build", str(SEEDS), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "Read 5 document(s)" in r.output and "Wrote" in r.output
    assert json.loads((out / "graph.json").read_text())["edges"]


def test_build_defaults_to_seeds_folder(runner, tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(main, ["build", "-q"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "output" / "graph.html").exists()


def test_missing_path_is_one_line_error(runner, tmp_path):
    r = runner.invoke(main, ["build", str(tmp_path / "missing"), "-o", str(tmp_path / "o")])
    assert r.exit_code == 1
    assert r.output.strip() == f"Error: {tmp_path / 'missing'}: no such file or folder"
    assert "Traceback" not in r.output


def test_bad_alias_table_names_file_and_line(runner, tmp_path):
    bad = tmp_path / "a.toml"
    bad.write_text('[actors.x]\nlabel = "X"\nkind = "alien"\n')
    r = runner.invoke(main, ["build", str(SEEDS), "--aliases", str(bad), "-o", str(tmp_path / "o")])
    assert r.exit_code == 1
    assert f"Error: {bad}:3: actor 'x': unknown kind 'alien'" in r.output
    assert not (tmp_path / "o").exists()


def test_unknown_model_says_what_was_tried(runner, tmp_path):
    r = runner.invoke(main, ["build", str(SEEDS), "--model", "no_such_pipeline_xyz", "-o", str(tmp_path / "o")])
    assert r.exit_code == 1
    assert "cannot load spaCy pipeline 'no_such_pipeline_xyz'" in r.output
    assert "installed package name" in r.output


def test_skipped_files_give_exit_3_and_are_listed(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Putin called Erdogan.")
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01\x02")
    r = runner.invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "-q"])
    assert r.exit_code == 3
    assert "skipped: " in r.output and "bin.txt: binary file" in r.output
    assert (tmp_path / "o" / "graph.json").exists()


def test_path_and_actors_commands(runner, tmp_path):
    out = tmp_path / "o"
    assert runner.invoke(main, ["build", str(SEEDS), "-o", str(out), "-q"]).exit_code == 0
    r = runner.invoke(main, ["path", "Assad", "the Kremlin", "--graph", str(out / "graph.json")])
    assert r.exit_code == 0, r.output
    assert "Bashar al-Assad" in r.output and "Russia" in r.output and "“" in r.output
    r = runner.invoke(main, ["path", "Assad", "Nobody", "--graph", str(out / "graph.json")])
    assert r.exit_code == 1 and "no actor matches 'Nobody'" in r.output
    r = runner.invoke(main, ["actors", "--kind", "person", "--graph", str(out / "graph.json")])
    assert r.exit_code == 0 and "Bashar al-Assad" in r.output and "Moscow" not in r.output


def test_query_without_a_build_explains(runner, tmp_path):
    r = runner.invoke(main, ["actors", "--graph", str(tmp_path / "graph.json")])
    assert r.exit_code == 1 and "run `graphx build` first" in r.output


@pytest.mark.parametrize("cmd", [[], ["build"], ["path"], ["actors"], ["eval"]])
def test_help_has_examples(runner, cmd):
    r = runner.invoke(main, cmd + ["--help"])
    assert r.exit_code == 0 and "Example" in r.output


def test_page_actors_caps_the_page_but_not_the_data(runner, tmp_path):
    out = tmp_path / "out"
    r = runner.invoke(main, ["build", str(SEEDS), "-o", str(out), "-q", "--page-actors", "10"])
    assert r.exit_code == 0, r.output
    page = (out / "graph.html").read_text(encoding="utf-8")
    blob = page.split('id="graphx-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(blob)
    assert len(data["nodes"]) == 10 and data["limit"]["actors"] == 10
    assert data["limit"]["actors_total"] == len(json.loads((out / "graph.json").read_text())["nodes"]) > 10
