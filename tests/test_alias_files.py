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


# [[handovers]]: a role that passed to another actor on a date (the report's date decides who it names)
_TWO = '[actors.old_chief]\nlabel = "Old Chief"\nkind = "person"\nroles = ["Ruritanian President"]\n\n' \
       '[actors.new_chief]\nlabel = "New Chief"\nkind = "person"\n\n'


@pytest.mark.parametrize("handover, message", [
    ('[[handovers]]\nroles = ["Ruritanian President"]\nfrom = "old_chef"\nto = "new_chief"\non = "2020-05-01"\n',
     "{f}:12: handover: from 'old_chef' is not an actor id (did you mean 'old_chief'?)"),
    ('[[handovers]]\nroles = ["Ruritanian Premier"]\nfrom = "old_chief"\nto = "new_chief"\non = "2020-05-01"\n',
     "{f}:11: handover: 'Ruritanian Premier' is not a role of 'old_chief' (add it to the roles of "
     "[actors.old_chief], or hand over one of its roles)"),
    ('[[handovers]]\nroles = ["Ruritanian President"]\nfrom = "old_chief"\nto = "new_chief"\non = "May 2020"\n',
     "{f}:14: handover: on must be a date, not 'May 2020'"),
    ('[[handovers]]\nroles = ["Ruritanian President"]\nfrom = "old_chief"\nto = "new_chief"\non = 2020-05-01\n'
     'since = "x"\n', "{f}:15: handover: unknown key 'since' (known keys: roles, from, to, on)"),
    ('[[handovers]]\nroles = []\nfrom = "old_chief"\nto = "new_chief"\non = "2020-05-01"\n',
     "{f}:11: handover: no roles"),
    ('[[handovers]]\nroles = ["Ruritanian President"]\nfrom = "old_chief"\nto = "old_chief"\non = "2020-05-01"\n',
     "{f}:10: handover: from and to are both 'old_chief'"),
    ('[[handovers]]\nroles = ["Ruritanian President"]\non = "2020-05-01"\n', "{f}:10: handover: no from and no to"),
    ('[[handovers]]\nroles = ["Ruritanian President"]\nto = "new_chief"\non = "2020-05-01"\n',
     "{f}:11: handover: 'Ruritanian President' is not a role of 'new_chief'"),
])
def test_handover_errors_name_file_and_line(tmp_path, handover, message):
    f = tmp_path / "mine.toml"
    f.write_text(_TWO + handover, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_aliases(f)
    assert str(info.value).startswith(message.format(f=f)), str(info.value)


def test_a_handed_over_role_names_its_holder_on_the_reports_date(tmp_path):
    """A report of the handover's date or later reads the role standing alone as the new holder; an
    earlier or undated report as the old; a name beside the role decides whatever the date."""
    f = tmp_path / "mine.toml"
    f.write_text(_TWO + '[[handovers]]\nroles = ["Ruritanian President"]\nfrom = "old_chief"\nto = "new_chief"\n'
                 'on = 2020-05-01\n', encoding="utf-8")  # (a TOML date or a string)
    body = "The Ruritanian President called Erdogan. Ruritanian President Old Chief met Putin.\n"
    for name, date in (("before", "Date: 2020-04-30\n"), ("after", "Date: 2020-05-01\n"), ("undated", "")):
        (tmp_path / f"{name}.txt").write_text(f"Title: T\nSource: S\n{date}\n{body}", encoding="utf-8")
    G = graphx.build(tmp_path, aliases=f, model="blank")
    calls = {c.doc[:-4]: s for s, t, k, d in G.edges(keys=True, data=True) for c in d["citations"]
             if k == "contacted" and t == "recep_tayyip_erdogan"}
    assert calls == {"before": "old_chief", "after": "new_chief", "undated": "old_chief"}, calls
    met = {s for s, t, k in G.edges(keys=True) if k == "contacted" and t == "vladimir_putin"}
    assert met == {"old_chief"}


def test_a_role_names_no_one_before_its_holder_took_it_or_after_they_left_it(tmp_path):
    """A handover with only "to" is the day the holder took the role; with only "from", the day they left
    it to someone the table lacks: outside that term the role standing alone names no one."""
    f = tmp_path / "mine.toml"
    f.write_text(_TWO + '[[handovers]]\nroles = ["Ruritanian President"]\nto = "old_chief"\non = 2010-01-01\n\n'
                 '[[handovers]]\nroles = ["Ruritanian President"]\nfrom = "old_chief"\non = 2020-05-01\n',
                 encoding="utf-8")
    t = load_aliases(f, include_default=False)
    assert [t.holder("old_chief", "the Ruritanian president", d) for d in ("2009-12-31", "2015-01-01", "2020-05-01", "")] \
        == [None, "old_chief", None, "old_chief"]


def test_a_shipped_handover_follows_a_users_table():
    """The shipped handover of "the Syrian president" (Assad to al-Sharaa on 29 January 2025) follows an
    analyst's table that lists Assad under its own id, and drops a role the analyst gave another actor."""
    import tempfile
    from pathlib import Path

    d = Path(tempfile.mkdtemp())
    (d / "mine.toml").write_text('[actors.assad]\nlabel = "Bashar al-Assad"\nkind = "person"\n', encoding="utf-8")
    (d / "other.toml").write_text('[actors.someone]\nlabel = "Someone"\nkind = "person"\nroles = ["President of Syria"]\n',
                                  encoding="utf-8")
    def syrian_president(table):
        return next(h for h in table.handovers if h.target == "ahmed_al_sharaa")

    shipped = syrian_president(load_aliases())
    h = syrian_president(load_aliases(d / "mine.toml"))
    assert (h.source, h.target, h.on, h.roles) == ("assad", "ahmed_al_sharaa", "2025-01-29", shipped.roles)
    assert load_aliases(d / "mine.toml").holder("assad", "the Syrian president", "2025-02-02") == "ahmed_al_sharaa"
    h = syrian_president(load_aliases(d / "other.toml"))
    assert "President of Syria" in shipped.roles and h.roles == tuple(r for r in shipped.roles if r != "President of Syria")


def test_a_surname_the_table_lacks_is_the_tables_person_the_report_named_in_full(tmp_path):
    """An analyst's table lists "Jorge Serrano" but not "Serrano": after the report names him in full, the
    surname alone (which the NER finds) is his, not a new person "Serrano"."""
    f = tmp_path / "mine.toml"
    f.write_text('[actors.jorge_serrano]\nlabel = "Jorge Serrano Elias"\nkind = "person"\naliases = ["Jorge Serrano"]\n',
                 encoding="utf-8")
    (tmp_path / "r.txt").write_text(
        "Title: T\nSource: S\nDate: 1993-06-10\n\nPresident Guillermo Endara portrayed ousted Guatemalan President "
        "Jorge Serrano as a champion of democracy.\nGuatemala's army forced Serrano from power last week. He was "
        "granted political asylum in Panama on Monday.\n", encoding="utf-8")
    G = graphx.build(tmp_path / "r.txt", aliases=f)
    assert G.has_edge("jorge_serrano", "panama", key="fled-to")
    assert "x_serrano" not in G


def test_every_shipped_handover_names_roles_its_holders_have():
    """A shipped handover drops silently a role its holder lacks (so that a user's table can take one):
    the shipped table itself must hand over only roles its actors have, with dates in order per role."""
    import tomllib

    from graphx.actors import default_aliases_path

    raw = tomllib.loads(default_aliases_path().read_text(encoding="utf-8"))["handovers"]
    table = load_aliases()
    assert sorted(tuple(h["roles"]) for h in raw) == sorted(h.roles for h in table.handovers)
    for h in table.handovers:  # a role taken on a date is never the table's holder's before it
        if not h.source:
            assert all(table.holder(h.target, r, "1900-01-01") is None for r in h.roles), h
