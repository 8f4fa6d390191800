"""A saved graph is data from anyone (issue 19): graphx reads no file a graph names, records
its config files as absolute paths, and every command refuses a malformed graph with one
clear error naming the file (never a traceback).
"""

import json
import os

import pytest
from click.testing import CliRunner

import graphx
from graphx.cli import main

MINE = ('[actors.zed_quorum]\nlabel = "Zed Quorum"\nkind = "person"\naliases = ["Zed Quorum"]\n\n'
        '[actors.oldland]\nlabel = "Oldland"\nkind = "state"\naliases = ["Oldland"]\n\n'
        '[actors.newtown]\nlabel = "Newtown"\nkind = "place"\naliases = ["Newtown"]\nlocated_in = "oldland"\n')


@pytest.fixture()
def built(tmp_path, monkeypatch):
    """A build made with a relative --aliases path, from its own folder."""
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    (work / "mine.toml").write_text(MINE, encoding="utf-8")
    (work / "in" / "a.txt").write_text("Zed Quorum fled to Newtown on 8 December 2024.", encoding="utf-8")
    (work / "in" / "b.txt").write_text("Zed Quorum fled to Oldland on 8 December 2024.", encoding="utf-8")
    monkeypatch.chdir(work)
    r = CliRunner().invoke(main, ["build", "in", "-o", "out", "-q", "--aliases", "mine.toml"])
    assert r.exit_code == 0, r.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return work / "out" / "graph.json"


def test_config_paths_are_recorded_absolute_and_commands_work_from_another_folder(built):
    G = graphx.load(built)
    assert G.graph["alias_files"] == [str(built.parent.parent / "mine.toml")]
    r = CliRunner().invoke(main, ["conflicts", "-g", str(built)])
    assert (r.exit_code, r.output) == (0, "No conflicting claims found.\n")
    r = CliRunner().invoke(main, ["export", "-g", str(built), "-f", "html", "-o", "page"])
    assert r.exit_code == 0, r.output


def test_no_file_a_graph_names_is_read(built, tmp_path):
    trap = tmp_path / "trap.toml"
    trap.write_text("this is [not TOML", encoding="utf-8")  # reading it would be an error
    data = json.loads(built.read_text(encoding="utf-8"))
    data["graph"]["alias_files"] = [str(trap), "/etc/shadow"]
    data["graph"]["lexicon_files"] = [str(trap)]
    built.write_text(json.dumps(data), encoding="utf-8")
    atime = os.stat(trap).st_atime_ns
    for args in (["conflicts"], ["export", "-f", "html", "-f", "gexf", "-o", str(tmp_path / "x")], ["edges"],
                 ["actors"], ["corroboration"], ["path", "Zed Quorum", "Oldland"]):
        r = CliRunner().invoke(main, [*args, "-g", str(built)])
        assert r.exit_code == 0, (args, r.output)
    assert os.stat(trap).st_atime_ns == atime


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _node(field, value):
    return lambda d: d["nodes"][0].__setitem__(field, value)


def _edge(field, value):
    return lambda d: d["edges"][0].__setitem__(field, value)


def _cite(field, value):
    return lambda d: d["edges"][0]["citations"][0].__setitem__(field, value)


def _raw(old, new):
    """An edit of the file's text (for what json.dumps would not write)."""
    return ("raw", old, new)


HOSTILE = {
    "a list as a label": _node("label", ["Zed", "Quorum"]),
    "a number as a label": _node("label", 7),
    "aliases a string": _node("aliases", "Zed"),
    "an alias a number": _node("aliases", [3]),
    "mentions text": _node("mentions", "many"),
    "mentions a boolean": _node("mentions", True),
    "graph a string": lambda d: d.__setitem__("graph", "a string"),
    "graph a list": lambda d: d.__setitem__("graph", [1, 2]),
    "documents a string": lambda d: d["graph"].__setitem__("documents", "all"),
    "relations of numbers": lambda d: d["graph"].__setitem__("relations", {"fled-to": 3}),
    "geography of lists": lambda d: d["graph"].__setitem__("geography", {"newtown": ["oldland"]}),
    "weight NaN": _raw('"weight": 1', '"weight": NaN'),
    "weight infinite": _raw('"weight": 1', '"weight": Infinity'),
    "weight 10^400 as a float": _raw('"weight": 1', '"weight": 1e400'),
    "weight 10^400 as an integer": _raw('"weight": 1', '"weight": 1' + "0" * 400),
    "weight text": _edge("weight", "heavy"),
    "citations a string": _edge("citations", "none"),
    "a citation without fields": _edge("citations", [{"text": "x"}]),
    "a citation's offset text": _cite("start", "0"),
    "a citation's flag text": _cite("asserted", "yes"),
    "deep nesting in an attribute": _raw('"kind": "person"', '"kind": "person", "extra": ' + "[" * 100 + "]" * 100),
    "deep nesting beyond the parser": _raw('"kind": "person"', '"kind": "person", "extra": ' + "[" * 5000 + "]" * 5000),
}
COMMANDS = (["actors"], ["edges"], ["edges", "--format", "csv"], ["path", "Zed Quorum", "Oldland"], ["conflicts"],
            ["corroboration"], ["export", "-f", "gexf", "-f", "graphml", "-f", "html", "-f", "csv", "-f", "json"])


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hand_edited_graph_is_one_clear_error_in_every_command(built, tmp_path, name):
    path = tmp_path / "graph.json"
    path.write_text(built.read_text(encoding="utf-8"), encoding="utf-8")
    change = HOSTILE[name]
    if isinstance(change, tuple):
        text = path.read_text(encoding="utf-8")
        assert change[1] in text
        path.write_text(text.replace(change[1], change[2], 1), encoding="utf-8")
    else:
        _edit(path, change)
    for args in COMMANDS + (["shell", str(path)],):
        extra = [] if args[0] == "shell" else ["-g", str(path)]
        if args[0] == "export":
            extra += ["-o", str(tmp_path / "x")]
        r = CliRunner().invoke(main, [*args, *extra], input="print(G)\n")
        assert r.exit_code == 1, (name, args, r.output, r.exception)
        assert r.output.startswith(f"Error: {path}: not a graph ") and r.output.count("\n") == 1, (args, r.output)
    assert not (tmp_path / "x").exists()


def test_an_escaped_emoji_is_fine(built, tmp_path):
    path = tmp_path / "graph.json"
    text = built.read_text(encoding="utf-8").replace('"label": "Zed Quorum"', '"label": "Zed \\ud83d\\ude00 Quorum"', 1)
    path.write_text(text.replace('"text": "', '"text": "\\\\ud800 ', 1), encoding="utf-8")  # an escaped backslash
    G = graphx.load(path)
    assert G.nodes["zed_quorum"]["label"] == "Zed \U0001F600 Quorum"
    r = CliRunner().invoke(main, ["export", "-g", str(path), "-f", "gexf", "-o", str(tmp_path / "x")])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("old, new", [
    ('"label": "Zed Quorum"', '"label": "Zed\\uffff Quorum"'),
    ('"label": "Zed Quorum"', '"label": "Zed\\ud800 Quorum"'),
    ('"label": "Zed Quorum"', '"label": "Zed\\u0001 Quorum"'),
    ('"label": "Zed Quorum"', '"label": "Zed\ufffe Quorum"')])
def test_characters_no_export_can_hold_are_replaced_with_a_warning(built, tmp_path, old, new):
    # (a graph written before graphx replaced them where reports are read, or edited by hand)
    path = tmp_path / "graph.json"
    path.write_text(built.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    r = CliRunner().invoke(main, ["export", "-g", str(path), "-f", "gexf", "-f", "graphml", "-f", "csv", "-f", "json",
                                  "-f", "html", "-o", str(tmp_path / "x")])
    assert r.exit_code == 0, (r.output, r.exception)
    assert r.stderr == (f"warning: {path}: 1 character(s) that XML cannot hold replaced by U+FFFD or a space\n")
    import networkx as nx

    H = nx.read_gexf(tmp_path / "x" / "graph.gexf")
    assert H.nodes["zed_quorum"]["label"] == "Zed\ufffd Quorum"
    assert graphx.load(tmp_path / "x" / "graph.json").nodes["zed_quorum"]["label"] == "Zed\ufffd Quorum"


def test_a_graph_without_an_attribute_graphx_writes_is_never_a_traceback(built, tmp_path):
    base = json.loads(built.read_text(encoding="utf-8"))
    dropped = [("nodes", k) for k in sorted({k for n in base["nodes"] for k in n} - {"id"})] + \
              [("edges", k) for k in sorted({k for e in base["edges"] for k in e} - {"source", "target", "key"})] + \
              [("graph", k) for k in sorted(base["graph"])]
    path = tmp_path / "graph.json"
    for where, key in dropped:
        data = json.loads(json.dumps(base))
        for item in [data["graph"]] if where == "graph" else data[where]:
            item.pop(key, None)
        path.write_text(json.dumps(data), encoding="utf-8")
        for args in COMMANDS:
            extra = ["-o", str(tmp_path / "x")] if args[0] == "export" else []
            r = CliRunner().invoke(main, [*args, "-g", str(path), *extra])
            assert r.exit_code in (0, 1) and (r.exit_code == 0 or r.output.startswith("Error: ")), \
                (where, key, args, r.output, r.exception)
