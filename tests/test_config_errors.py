"""A malformed alias table or cue lexicon stops the build before any work,
naming the file, the line and the fix; so does an unknown --model."""

import re

import pytest
from click.testing import CliRunner

from graphx.cli import main
from graphx.lexicon import default_language_path, default_lexicon_path, load_lexicon

ACTOR = '[actors.{id}]\nlabel = "{label}"\nkind = "person"\n'


def _build(tmp_path, *options):
    """Run `graphx build` on a folder that does not exist: a config error must come first."""
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(tmp_path / "no_such_reports"), "-o", str(out), *options])
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and "no such file or folder" not in r.output
    assert not out.exists()  # nothing written
    return r.output.strip()


@pytest.mark.parametrize("content, expected", [
    ('[actors.a]\nlabel = "A"\nkind = "person"\naliases = ["x"\n',
     "{f}:4: TOML syntax error: Unclosed array (at the end of the file) (see https://toml.io for the syntax)"),
    (ACTOR.format(id="a", label="A") + "\n" + ACTOR.format(id="a", label="B"),
     "{f}:5: [actors.a] is defined twice (a duplicate id) (give each table its own id, or merge the two)"),
    (ACTOR.format(id="a", label="A") + 'aliases = ["Zed"]\n\n' + ACTOR.format(id="b", label="B")
     + 'aliases = ["zed"]\n',
     "{f}:9: alias 'zed' is claimed by both 'a' and 'b' ('a' is at {f}:1; keep the alias on one actor only)"),
    ('[actors.a]\nlabel = "A"\nkind = "robot"\n',
     "{f}:3: actor 'a': unknown kind 'robot' (use one of person, state, organisation, armed_group, place, outlet, group)"),
    ('[actors.a]\nlabel = " "\nkind = "person"\n',
     "{f}:2: actor 'a' has an empty or missing label (add label = \"Display Name\")"),
    (ACTOR.format(id="a", label="A") + 'aliases = ["ok",\n  ""]\n',
     "{f}:5: actor 'a': empty string in aliases (remove it)"),
    (ACTOR.format(id="a", label="A") + 'aliases = ["--"]\n',
     "{f}:4: actor 'a': aliases entry '--' has no letter or digit (remove it)"),
])
def test_bad_alias_table(tmp_path, content, expected):
    f = tmp_path / "mine.toml"
    f.write_text(content, encoding="utf-8")
    assert _build(tmp_path, "--aliases", str(f)) == "Error: " + expected.format(f=f)


def test_alias_taken_from_the_shipped_table_goes_to_the_users_actor_with_a_note(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text(ACTOR.format(id="my_putin", label="My Putin") + 'aliases = ["Putin"]\n')
    (tmp_path / "r.txt").write_text("Putin called Erdogan.", encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(tmp_path / "r.txt"), "-o", str(tmp_path / "out"), "--aliases", str(f),
                                  "--model", "blank"])
    assert r.exit_code == 0, r.output
    assert f"Note: {f}:1: 'Putin' names 'my_putin', no longer the shipped 'vladimir_putin'." in r.output


def _lexicon(tmp_path, old, new):
    """A copy of the shipped file that holds ``old`` (relations.toml or lang/en.toml), edited."""
    text = default_lexicon_path().read_text(encoding="utf-8")
    if old not in text:
        text = default_language_path("en").read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    text = text.replace(old, new, 1)
    f = tmp_path / "lex.toml"
    f.write_text(text, encoding="utf-8")
    line = text[:text.index(new) + len(new)].count("\n") + 1  # the last line of the change
    return f, line


@pytest.mark.parametrize("old, new, expected", [
    ('relation = "contacted"', 'relation = "phoned"',
     "cue relation 'phoned' is not defined (use one of contacted, fled-to, mediated, member-of, refused, represents)"),
    ('relation = "contacted"', 'relation = "contacted"\nphrase = ["x"]',
     "cue: unknown key 'phrase' (known keys: relation, rule, phrases, lemmas, source, target, target_preps, "
     "agent_preps, window, travel, joint, person_relation, protector, pos, joins, refused_by, request)"),
    ('rule = "reception"', 'rule = "reception"\nrequest = "contacted"',
     'refused_by and request go together (write both, e.g. refused_by = "refused" and request = "contacted")'),
    ('rule = "reception"', 'rule = "reception"\nrequest = "contacted"\nrefused_by = "denied"',
     "refused_by 'denied' is not defined (use one of contacted, fled-to, mediated, member-of, refused, represents)"),
    ('rule = "reception"', 'rule = "reception"\nvoice = "recipient"',
     'voice is replaced by source and target (passive: source = "agent", target = "subject"; recipient: '
     'source = "object", target = "subject"; active is the default)'),
    ('source = "object"', 'source = "nobody"',
     "unknown source 'nobody' (use one of subject, agent, object)"),
    ('rule = "meeting"\njoint = true', 'rule = "meeting"\njoint = "yes"', "joint must be true or false (write joint = true)"),
    ('rule = "joining"\njoint = true\njoins = true', 'rule = "joining"\njoint = true\njoins = 1',
     "joins must be true or false (write joins = true)"),
    ('joint = true\npos = ["VERB"]', 'joint = true\npos = ["VERB", "GERUND"]',
     "unknown part of speech 'GERUND' (use one of VERB, AUX, NOUN, PROPN, ADJ, ADP, ADV)"),
    ('meets = true', 'meets = 1', "relation 'contacted': meets must be true or false (write meets = true)"),
    ('rule = "refused-request"', 'rule = "refused-requests"',
     "unknown inference rule 'refused-requests' (rules: refused-request, request-frame, purpose-mediation, "
     "mediation-by-proxy, passage, asylum-grant, intermediary, refuge-host)"),
    ('when = "refused"', 'when = "declined"',
     "inference 'refused-request': relation 'declined' is not defined (use one of contacted, fled-to, mediated, "
     "member-of, refused, represents)"),
    ('rule = "destination"', 'rule = "destinations"', "unknown conflict rule 'destinations' (rules: destination, "
     "denied, granted-refused, status)"),
    ('relations = ["refused", "fled-to"]', 'relations = ["refused"]',
     "conflict 'granted-refused' reads 2 relation(s), not 1 (write relations = [\"refused\", \"fled-to\"] "
     "(the refusal, then the flight))"),
    ('settings_kinds = ["place", "outlet"]', 'settings_kinds = ["place", "shop"]',
     "settings_kinds: unknown kind 'shop' in settings_kinds (use one of person, state, organisation, armed_group, "
     "place, outlet, group)"),
    ('"phoned",', '"", "phoned",', "[cue] phrases must be a list of non-empty strings"),
    ('negation_scope = 4', 'negation_scope = "four"',
     "[markers] negation_scope must be a whole number of tokens (write negation_scope = 4)"),
    ('negation_scope = 4', 'negation_scop = 4',
     "[markers]: unknown key 'negation_scop' (known keys: negation, "),
    ("negation_scope = 4", "negation_scope = = 4", None),
])
def test_bad_lexicon(tmp_path, old, new, expected):
    f, line = _lexicon(tmp_path, old, new)
    out = _build(tmp_path, "--lexicon", str(f))
    if expected is None:  # a TOML error: line and column from the parser
        assert re.match(rf"Error: {re.escape(str(f))}:\d+: TOML syntax error: .+ at column \d+ ", out)
        return
    assert out.startswith(f"Error: {f}:{line}: {expected}"), out


def test_cue_phrase_in_two_groups(tmp_path):
    # "refused" added to the first (contacted) group: the refused group's own "refused" clashes.
    f, first = _lexicon(tmp_path, '"phoned",', '"phoned", "refused",')
    lines = f.read_text(encoding="utf-8").splitlines()
    second = next(i for i, ln in enumerate(lines, 1) if ln.strip().startswith('"refused", "refuses"'))
    cue = max(i for i in range(1, first + 1) if lines[i - 1].strip() == "[[cue]]")
    assert _build(tmp_path, "--lexicon", str(f)) == (
        f"Error: {f}:{second}: cue phrase 'refused' is also in the [[cue]] at line {cue} "
        "(a phrase belongs to one cue group: remove one of them)")


def test_bad_relation_color_and_kinds(tmp_path):
    f, line = _lexicon(tmp_path, 'color = "#1f77b4"', 'color = "blue"')
    assert _build(tmp_path, "--lexicon", str(f)) == (
        f"Error: {f}:{line}: relation 'contacted': bad color 'blue' (write color = \"#RRGGBB\")")
    f, line = _lexicon(tmp_path, "[relations.contacted]", '[relations.contacted]\nsource_kinds = "person"')
    assert _build(tmp_path, "--lexicon", str(f)) == (
        f"Error: {f}:{line}: relation 'contacted': source_kinds must be a list "
        "(write source_kinds = [\"person\", \"state\"])")


def test_shipped_lexicon_is_valid():
    lex = load_lexicon()
    assert len(lex.cues) >= 5 and len(lex.languages["ar"].cues) >= 5
    assert [c.rule for c in lex.conflicts] == ["destination", "denied", "granted-refused", "status"]
    assert lex.with_behaviour("journey") == ("fled-to",) and lex.with_behaviour("roles") == ("represents",)


def test_a_language_file_replaces_only_its_language(tmp_path):
    text = default_language_path("en").read_text(encoding="utf-8").replace('"phoned",', '"phoned", "buzzed",', 1)
    f = tmp_path / "my_en.toml"
    f.write_text(text, encoding="utf-8")
    lex = load_lexicon(f)
    assert "buzzed" in lex.cues[0].phrases and lex.languages["ar"].cues == load_lexicon().languages["ar"].cues
    assert lex.paths[1:] == (str(default_language_path("ar")), str(f))


def test_cues_in_a_relations_file_say_where_they_belong(tmp_path):
    f = tmp_path / "rel.toml"
    f.write_text(default_lexicon_path().read_text(encoding="utf-8") + '\n[[cue]]\nrelation = "refused"\n'
                 'phrases = ["nope"]\n', encoding="utf-8")
    line = f.read_text(encoding="utf-8").splitlines().index("[[cue]]") + 1
    assert _build(tmp_path, "--lexicon", str(f)) == (
        f'Error: {f}:{line}: cues belong in a language file (add language = "en" at the top of a file of [[cue]] '
        "groups and word lists; a relations file has [relations.NAME], [[inference]] and [[conflict]])")


def test_arabic_words_have_the_english_schema(tmp_path):
    text = default_language_path("ar").read_text(encoding="utf-8").replace("negation_scope = 3", "negation_scop = 3")
    f = tmp_path / "ar.toml"
    f.write_text(text, encoding="utf-8")
    line = text[:text.index("negation_scop = 3")].count("\n") + 1
    assert _build(tmp_path, "--lexicon", str(f)).startswith(
        f"Error: {f}:{line}: [markers]: unknown key 'negation_scop' (known keys: negation, ")


def test_config_error_comes_before_any_document_is_read(tmp_path, monkeypatch):
    import graphx.documents as documents

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("Putin called Erdogan.")

    def no_reading(*args, **kwargs):
        raise AssertionError("a document was read before the configuration was checked")

    monkeypatch.setattr(documents, "read_document", no_reading)
    monkeypatch.setattr("graphx.builder.read_document", no_reading, raising=False)
    f = tmp_path / "mine.toml"
    f.write_text('[actors.a]\nlabel = "A"\nkind = "robot"\n')
    r = CliRunner().invoke(main, ["build", str(reports), "--aliases", str(f), "-o", str(tmp_path / "o")])
    assert r.exit_code == 1 and r.output.startswith(f"Error: {f}:3: actor 'a': unknown kind 'robot'")


@pytest.mark.parametrize("make_folder", [False, True])
def test_unknown_model_lists_what_was_tried(tmp_path, monkeypatch, make_folder):
    monkeypatch.chdir(tmp_path)
    if make_folder:
        (tmp_path / "my_model").mkdir()  # a folder, but not a saved pipeline
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "a.txt").write_text("Putin called Erdogan.")
    r = CliRunner().invoke(main, ["build", "r", "--model", "my_model", "-o", "out"])
    assert r.exit_code == 1 and not (tmp_path / "out").exists()
    folder = tmp_path.resolve() / "my_model"
    assert r.output.startswith("Error: cannot load spaCy pipeline 'my_model'; tried the installed package name "
                               "'my_model' (not installed; installed pipelines: ")
    if make_folder:
        assert f"and the folder {folder} (it exists but is not a saved pipeline: [E053]" in r.output
    else:
        assert f"and the folder {folder} (it does not exist). Give the name of an installed pipeline" in r.output
