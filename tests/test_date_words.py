"""The date words ([dates] in data/lang/en.toml and ar.toml): a broken file stops with an
error naming the file, the line and the fix; the words read are the ones the rules use."""

import re

import pytest

from graphx.errors import ConfigError
from graphx.extract import dates
from graphx.extract.date_words import default_lang_path, load_date_words

EN_KEYS = ("months_capitalised_only, weekday_past, weekday_future, month_prepositions, month_qualifiers, "
           "month_past, month_future, ordinal_suffixes, day_month_links, date_links, ago, earlier, "
           "before_clause_final, relative_days_in_names, fast_path_cues, clause_breaks, months, "
           "month_abbreviations, weekdays, weekday_abbreviations, relative_days, relative_months, numbers, units")
UNIT_FIX = ("days: the days in one unit (7 for a week), from 1 up; count: the units the word says by itself "
            "(2 for a dual), left out when it needs a number")
EN_UNITS = "[dates.units]\nday = 1\ndays = 1\nweek = 7\nweeks = 7\n"
AR_RELATIVE_MONTHS = '[dates.relative_months]\n"هذا الشهر" = 0\n"الشهر الجاري" = 0\n"الشهر الماضي" = -1\n'


def _broken(tmp_path, lang, changes):
    """A copy of the shipped file with each ``(old, new)`` made once; the line where the last change ends."""
    text = default_lang_path(lang).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    f = tmp_path / f"{lang}.toml"
    f.write_text(text, encoding="utf-8")
    line = text[:text.index(new) + len(new)].rstrip("\n").count("\n") + 1
    return f, line


def _load(lang, f):
    return load_date_words(**{f"{lang}_path": f})


@pytest.mark.parametrize("lang, changes, at, expected", [
    # a missing key: the line of [dates]
    ("en", [('ago = ["ago"]\n', "")], "[dates]", '[dates] has no ago (add ago = ["...", "..."])'),
    ("ar", [(AR_RELATIVE_MONTHS + '"الشهر المقبل" = 1\n', "")], "[dates]",
     "[dates] has no relative_months (add a [dates.relative_months] table)"),
    ("en", [('ago = ["ago"]', 'ago = ["ago"]\nagoo = ["ago"]')], None,
     f"[dates]: unknown key 'agoo' (known keys: {EN_KEYS})"),
    # a wrong type
    ("en", [(EN_UNITS, ""), ('ago = ["ago"]', 'ago = ["ago"]\nunits = ["day", "week"]')], None,
     "[dates] units must be a table of word = number (write a [dates.units] table with one word = number a line)"),
    ("en", [('ago = ["ago"]', 'ago = "ago"')], None,
     '[dates] ago must be a list of non-empty strings (write ago = ["...", "..."] and remove empty entries)'),
    ("en", [("december = 12", 'december = "12"')], None,
     "[dates.months] 'december' must be a month number from 1 to 12, not '12' (write it as in december = 12)"),
    ("en", [("december = 12", "december = 13")], None,
     "[dates.months] 'december' must be a month number from 1 to 12, not 13 (write it as in december = 12)"),
    ("ar", [('"ديسمبر" = 12', '"ديسمبر" = 12.0')], None,
     "[dates.months] 'ديسمبر' must be a month number from 1 to 12, not 12.0 (write it as in \"ديسمبر\" = 12)"),
    ("en", [("sunday = 6", "sunday = 7")], None,
     "[dates.weekdays] 'sunday' must be a weekday number from 0 (Monday) to 6 (Sunday), not 7 "
     "(write it as in sunday = 6)"),
    ("en", [("three = 3", "three = true")], None,
     "[dates.numbers] 'three' must be a whole number from 1 up, not true (write it as in three = 3)"),
    ("ar", [('"أيام" = { days = 1 }', '"أيام" = { days = "1" }')], None,
     f"[dates.units] 'أيام' must be {{ days = N }} or {{ days = N, count = N }} ({UNIT_FIX})"),
    ("ar", [('"يومين" = { days = 1, count = 2 }', '"يومين" = [1, 2]')], None,
     f"[dates.units] 'يومين' must be {{ days = N }} or {{ days = N, count = N }} ({UNIT_FIX})"),
    ("ar", [('proclitics = ["و", "ف", "ب"]', 'proclitics = ["و", "فب"]')], None,
     '[dates] proclitics must be a list of single letters (write proclitics = ["...", "..."] with one letter '
     "in each string)"),
    # an empty string
    ("en", [('ago = ["ago"]', 'ago = ["ago",\n  ""]')], None,
     '[dates] ago must be a list of non-empty strings (write ago = ["...", "..."] and remove empty entries)'),
    ("en", [("[dates.units]\n", '[dates.units]\n"" = 3\n')], None,
     "[dates.units] has an empty word (write the word or remove the line)"),
    ("ar", [('article = "ال"', 'article = " "')], None, '[dates] article must be a non-empty string (write article = "...")'),
    # words the rules rely on
    ("en", [('["may", "march"]', '["may", "march",\n  "mayday"]')], None,
     "[dates] months_capitalised_only: 'mayday' is not in [dates.months] (add it to [dates.months] or remove it "
     "from months_capitalised_only)"),
    ("en", [('"the day after tomorrow" = 2', '"the day after tomorrow" = 2\n"next week" = 7')], None,
     "[dates.relative_days] 'next week' has no word of fast_path_cues (add one of its words to fast_path_cues)"),
    ("ar", [('"الأحد" = 6', '"الأحد" = 6\n"أحد" = 6')], None,
     "[dates.weekdays] 'أحد' must be a weekday written with the article 'ال' (write it as in الأحد)"),
])
def test_broken_date_words(tmp_path, lang, changes, at, expected):
    f, line = _broken(tmp_path, lang, changes)
    if at is not None:
        line = f.read_text(encoding="utf-8").splitlines().index(at) + 1
    with pytest.raises(ConfigError) as err:
        _load(lang, f)
    assert str(err.value) == f"{f}:{line}: {expected}"
    assert (err.value.path, err.value.line) == (str(f), line)


def test_no_dates_table_and_bad_toml(tmp_path):
    f = tmp_path / "en.toml"
    f.write_text("# English\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_date_words(en_path=f)
    assert str(err.value) == f"{f}: no [dates] table (add the [dates] section of the file shipped with graphx)"
    f, _ = _broken(tmp_path, "ar", [('ago = ["قبل", "منذ"]', 'ago = ["قبل", "منذ"')])
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(f))}:\d+: TOML syntax error: .+ at column \d+ "):
        load_date_words(ar_path=f)


def test_shipped_words_are_the_ones_read():
    words = load_date_words()
    assert words.files == (str(default_lang_path("en")), str(default_lang_path("ar")))
    assert words.en["months"]["december"] == 12 and words.en["relative_days"]["the day before yesterday"] == -2
    assert words.ar["units"]["أيام"] == (1, None) and words.ar["article"] == "ال"


def test_other_sections_of_a_lang_file_are_not_read_here(tmp_path):
    # the lang files hold other sections too (markers, names, ...): they are their readers' business
    f, _ = _broken(tmp_path, "en", [("# ---------------------------------------------------------------- dates",
                                      '[another_readers_section]\nwords = ["Mr"]\n\n# ---- dates')])
    assert load_date_words(en_path=f).en == load_date_words().en


def test_the_rules_are_built_from_the_words(tmp_path):
    # a word added to the data file is found, with no change to the code
    f, _ = _broken(tmp_path, "en", [("weeks = 7", "weeks = 7\nfortnight = 14")])
    rules = dates._Rules(load_date_words(en_path=f))
    found = dates._mentions("Talks began a fortnight ago.", rules)
    assert [(m.kind, m.value) for m in found] == [("days", (-14,))]
    assert dates._mentions("Talks began a fortnight ago.", dates._rules()) == []
