import pytest

from graphx.actors import load_aliases
from graphx.errors import ConfigError


@pytest.mark.parametrize("name, actor_id", [
    ("Assad", "bashar_al_assad"), ("al-Assad", "bashar_al_assad"), ("Maher", "maher_al_assad"),
    ("Khmeimim", "hmeimim_airbase"), ("Hmeimim", "hmeimim_airbase"), ("حميميم", "hmeimim_airbase"),
    ("the Kremlin", "russia"), ("Türkiye", "turkey"), ("Turkey", "turkey"),
    ("the Iraqi Prime Minister", "mohammed_shia_al_sudani"), ("Al-Sudani", "mohammed_shia_al_sudani"),
    ("HTS", "hts"), ("Hayat Tahrir al-Sham", "hts"), ("UAE", "uae"), ("بوتين", "vladimir_putin"),
    ("Ahmed al-Awda", "ahmed_al_awda"), ("Larijani", "ali_larijani"), ("Peskov", "dmitry_peskov"),
])
def test_aliases_resolve(table, name, actor_id):
    assert table.resolve(name).id == actor_id


def test_seed_actors_are_all_covered(table):
    for name in ["Putin", "Lavrov", "Fidan", "Araghchi", "Erdogan", "al-Sabbagh", "Blinken", "Shaaban",
                 "Jalali", "Saqr", "al-Sharaa", "Hezbollah", "Southern Operations Room", "Iran", "Iraq",
                 "Qatar", "Moscow", "Damascus", "Baghdad"]:
        assert table.resolve(name) is not None, name


def test_states_have_capitals_and_demonyms(table):
    russia = table.actors["russia"]
    assert table.actors[russia.capital].label == "Moscow"
    assert "Russian" in russia.demonyms


def test_user_table_extends_and_overrides(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[actors.saadi_pira]\nlabel = "Saadi Ahmed Pira"\nkind = "person"\naliases = ["Pira"]\n\n'
                 '[actors.vladimir_putin]\nlabel = "V. Putin"\nkind = "person"\naliases = ["Putin"]\n')
    table = load_aliases(f)
    assert table.resolve("Pira").id == "saadi_pira"
    assert table.actors["vladimir_putin"].label == "V. Putin"


@pytest.mark.parametrize("content, line, message", [
    ('[actors.a]\nlabel = "A"\nkind = "person"\naliases = ["A"\n', 4, "TOML syntax error"),
    ('[actors.a]\nlabel = "A"\nkind = "robot"\n', 3, "unknown kind 'robot'"),
    ('[actors.a]\nlabel = ""\nkind = "person"\n', 2, "empty or missing label"),
    ('[actors.a]\nlabel = "A"\nkind = "person"\naliases = ["Zed"]\n\n'
     '[actors.b]\nlabel = "B"\nkind = "person"\naliases = ["Zed"]\n', 9, "alias 'Zed' is claimed by both"),
    ('[actors.a]\nlabel = "A"\nkind = "state"\ncapital = "nowhere"\n', 4, "capital 'nowhere' is not an actor id"),
    ('[actors.a]\nlabel = "A"\nkind = "person"\ncontext = ["atlantis"]\n', 4, "context 'atlantis' is not an actor id"),
    ('[actors.Bad-Id]\nlabel = "A"\nkind = "person"\n', 1, "bad actor id"),
    ('[actors.a]\nlabel = "A"\nkind = "person"\naliases = ["ok", " "]\n', 4, "empty string in aliases"),
    ('[actors.a]\nlabel = "A"\nkind = "person"\ncolour = "red"\n', 1, "unknown key 'colour'"),
    ('[actors.a]\nlabel = "A"\nkind = "person"\n[actors.a]\nlabel = "B"\n', 4, "[actors.a] is defined twice"),
])
def test_malformed_table_names_file_line_and_problem(tmp_path, content, line, message):
    f = tmp_path / "bad.toml"
    f.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_aliases(f, include_default=False)
    assert info.value.path == str(f)
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"{f}:{line}: ")


@pytest.mark.parametrize("text, found", [
    # a report about another crisis: "the rebels", "al-Bashir" are not the Syrian ones
    ("The rebels met al-Bashir in Khartoum.", set()),
    # a report about Syria names one of their context actors
    ("In Damascus, the rebels met al-Bashir.", {"syrian_opposition", "mohammed_al_bashir"}),
    # the label is always the actor
    ("The Syrian opposition met officials in Khartoum.", {"syrian_opposition"}),
])
def test_an_actors_context_binds_its_other_names_to_reports_about_it(text, found):
    """``context`` (alias table key): names other than the label stand for the actor only in a
    report that names one of its context actors."""
    from graphx.documents import make_document
    from graphx.extract import Settings, extract_document
    from graphx.lexicon import load_lexicon

    r = extract_document(make_document("r.txt", text), Settings(load_aliases(), load_lexicon(), model=None))
    named = {a for a, _ in r.counts}
    assert named & {"syrian_opposition", "mohammed_al_bashir"} == found
