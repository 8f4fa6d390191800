"""Alias files extend the shipped table by default; discovered actors go to discovered.toml (issue 18, item 2)."""

import tomllib

import pytest
from click.testing import CliRunner

import graphx
from graphx.actors import load_aliases
from graphx.cli import main
from graphx.errors import ConfigError

REPORT = """Title: Test
Source: Wire
Date: 2024-12-08

Putin called Erdogan on Sunday. Mr Vladimir called Erdogan on Monday.
PUK spokesperson Saadi Ahmed Pira met Fidan. Pira later called Putin.
"""


@pytest.fixture()
def reports(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path / "in"


def edges(G):
    return {(s, k, t) for s, t, k, d in G.edges(keys=True, data=True) if d["asserted"] and k != "represents"}


def test_an_entry_for_a_shipped_id_adds_names(tmp_path, reports):
    mine = tmp_path / "mine.toml"
    mine.write_text('[actors.vladimir_putin]\naliases = ["Mr Vladimir"]\n', encoding="utf-8")
    table = load_aliases(mine)
    shipped = load_aliases().actors["vladimir_putin"]
    putin = table.actors["vladimir_putin"]
    assert putin.aliases == shipped.aliases + ("Mr Vladimir",)
    assert (putin.label, putin.kind, putin.roles) == (shipped.label, shipped.kind, shipped.roles)
    G = graphx.build(reports, aliases=mine)
    # "Putin called Erdogan" still gives its edge (a replaced entry lost "Putin"), and the new alias works
    cites = G.edges["vladimir_putin", "recep_tayyip_erdogan", "contacted"]["citations"]
    assert [c.source_text for c in cites] == ["Putin", "Mr Vladimir"]


def test_replace_true_replaces_the_whole_entry(tmp_path, reports):
    mine = tmp_path / "mine.toml"
    mine.write_text('[actors.vladimir_putin]\nreplace = true\nlabel = "V. Putin"\nkind = "person"\n'
                    'aliases = ["Mr Vladimir"]\n', encoding="utf-8")
    putin = load_aliases(mine).actors["vladimir_putin"]
    assert putin.aliases == ("Mr Vladimir",) and putin.roles == ()
    G = graphx.build(reports, aliases=mine)
    assert [c.source_text for c in G.edges["vladimir_putin", "recep_tayyip_erdogan", "contacted"]["citations"]] \
        == ["Mr Vladimir"]


@pytest.mark.parametrize("content, message", [
    ('[actors.vladmir_putin]\nreplace = true\nlabel = "P"\nkind = "person"\n',
     "{f}:2: actor 'vladmir_putin': replace = true, but no earlier table has this id (did you mean 'vladimir_putin'?)"),
    ('[actors.vladimir_putin]\nreplace = "yes"\n',
     "{f}:2: actor 'vladimir_putin': replace must be true or false (write replace = true to replace the whole "
     "entry, or leave it out to add to it)"),
    ('[actors.vladmir_putin]\naliases = ["V"]\n',
     "{f}:1: actor 'vladmir_putin' has an empty or missing label (add label = \"Display Name\"; to add names to a "
     "shipped actor, use its id: did you mean 'vladimir_putin'?)"),
    ('[actors.vladimir_putin]\nreplace = true\naliases = ["V"]\n',
     "{f}:1: actor 'vladimir_putin' has an empty or missing label (add label = \"Display Name\")"),
    ('[actors.vladimir_putin]\naliases = ["Vova"]\n\n[actors.vova]\nlabel = "Vova"\nkind = "person"\n',
     "{f}:4: alias 'vova' is claimed by both 'vladimir_putin' and 'vova'"),  # two claims in the user's files
])
def test_extension_errors_name_file_and_line(tmp_path, content, message):
    f = tmp_path / "mine.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_aliases(f)
    assert str(info.value).startswith(message.format(f=f))


def test_build_writes_discovered_toml_and_prints_only_a_count(tmp_path, reports):
    # (the offline rules: their one discovered actor is the titled name; NER would add others)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(reports), "-o", str(out), "--model", "blank"])
    assert r.exit_code == 0, r.output
    found = f"Discovered 1 actor(s) not in the alias table: review {out / 'discovered.toml'}, then build with " \
            "--aliases (that file, or your alias file with the entries you keep)."
    assert found in r.stdout.splitlines()
    assert "Saadi" not in r.stdout  # no actor lines on the terminal
    text = (out / "discovered.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["actors"] == {
        "saadi_ahmed_pira": {"label": "Saadi Ahmed Pira", "kind": "person", "aliases": ["Pira"]}}
    # ready to use: the next build knows him by id, and discovers nobody
    before = graphx.build(reports, model="blank")
    report = graphx.BuildReport()
    after = graphx.build(reports, aliases=out / "discovered.toml", report=report, model="blank")
    assert report.discovered == []
    rename = {"x_saadi_ahmed_pira": "saadi_ahmed_pira"}
    assert {(rename.get(s, s), k, rename.get(t, t)) for s, k, t in edges(before)} == edges(after)
    # building with --aliases out/discovered.toml does not overwrite the file it read
    r = CliRunner().invoke(main, ["build", str(reports), "-o", str(out), "--aliases", str(out / "discovered.toml"),
                                  "--model", "blank"])
    assert r.exit_code == 0 and (out / "discovered.toml").read_text(encoding="utf-8") == text


def test_the_readme_example_alias_file_works(tmp_path):
    """The README's example of the format is a valid alias file doing what it says."""
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Alias files", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    f = tmp_path / "mine.toml"
    f.write_text(block, encoding="utf-8")
    table = load_aliases(f)
    assert table.resolve("V. V. Putin").id == table.resolve("Putin").id == "vladimir_putin"
    assert table.resolve("Pira").id == "saadi_ahmed_pira"
    assert table.resolve("Sinjar").located_in == "iraq"
    assert table.actors["puk"].aliases == ("PUK", "the Patriotic Union")
    assert f"international organisation: {len(load_aliases().actors)} actors in all;" in " ".join(readme.split())


def test_a_users_table_naming_a_shipped_actor_under_its_own_id_takes_its_place(tmp_path):
    """An analyst's table for another crisis lists a state the shipped table knows under another
    id: one actor (the user's id and label, the shipped names too), said in a note, not an error."""
    f = tmp_path / "mine.toml"
    f.write_text('[actors.us]\nlabel = "United States"\nkind = "state"\naliases = ["US", "USA"]\n\n'
                 '[actors.kremlin_palace]\nlabel = "Kremlin palace"\nkind = "place"\naliases = ["Kremlin"]\n',
                 encoding="utf-8")
    table = load_aliases(f)
    assert "united_states" not in table.actors and table.resolve("Washington").located_in == "us"
    assert table.resolve("the Americans").id == "us" and table.actors["us"].capital == "washington"
    assert table.resolve("Kremlin").id == "kremlin_palace"  # an alias only: the user's reading wins
    assert table.resolve("Russian Federation").id == "russia"
    assert table.notes == [
        f"{f}:1: 'us' (United States) takes the place of the shipped 'united_states' (United States) and its names",
        f"{f}:6: 'Kremlin' names 'kremlin_palace', no longer the shipped 'russia'"]
    (tmp_path / "r.txt").write_text("Washington called Tbilisi. The Americans met Erdogan.", encoding="utf-8")
    report = graphx.BuildReport()
    G = graphx.build(tmp_path / "r.txt", aliases=f, report=report, model="blank")
    assert G.has_edge("us", "recep_tayyip_erdogan", key="contacted") and report.notes[:2] == table.notes


@pytest.mark.parametrize("name", ["actors.toml", "world.toml"])
def test_the_one_pass_header_index_gives_every_actor_the_line_a_scan_gives(name):
    """The alias tables' line numbers are read in one pass (_toml.table_lines); each id's line is the
    one a scan for its own [actors.ID] header finds, quoted or bare."""
    from pathlib import Path

    from graphx._toml import read_toml, table_line, table_lines

    data, lines = read_toml(Path(graphx.__file__).parent / "data" / name)
    headers = table_lines(lines, "actors")
    assert data["actors"] and {a: headers.get(a) for a in data["actors"]} == {
        a: table_line(lines, "actors", a) for a in data["actors"]}
    quoted = ['[actors."a b"]', "[ actors . 'c' ]", "[actors.d]  # note", "[actors.d]"]
    assert table_lines(quoted, "actors") == {"a b": 1, "c": 2, "d": 3}
