"""The date words of each language: the ``[dates]`` table of ``data/lang/<lang>.toml``.

:func:`load_date_words` reads and checks them; :mod:`graphx.extract.dates` builds its
patterns from them. Every problem is a :class:`~graphx.errors.ConfigError` that names the
file, the line and the fix. The checks are the ones the patterns rely on: a month number
the resolver can use, a weekday written with the article, a relative phrase the fast path
can see.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .._toml import key_line, read_toml, section_line, table_line, value_line
from ..errors import ConfigError

__all__ = ["DateWords", "load_date_words", "default_lang_path"]


@dataclass(frozen=True)
class _Numbers:
    """A table of ``word = whole number``, the number within ``low``..``high`` (None: no bound)."""

    low: int | None
    high: int | None
    meaning: str  # what the number is, for the error
    example: dict  # a line to write, for the fix, in each language


_WORDS = "words"  # a list of non-empty strings
_LETTERS = "letters"  # a list of single letters
_WORD = "word"  # one non-empty string
_UNITS = "units"  # Arabic unit words: {days = N, count = N}, count optional
_MONTH = _Numbers(1, 12, "a month number from 1 to 12", {"en": "december = 12", "ar": '"ديسمبر" = 12'})
_WEEKDAY = _Numbers(0, 6, "a weekday number from 0 (Monday) to 6 (Sunday)",
                    {"en": "sunday = 6", "ar": '"الأحد" = 6'})
_DAYS = _Numbers(None, None, "a whole number of days to add", {"en": "yesterday = -1", "ar": '"أمس" = -1'})
_MONTHS_ADDED = _Numbers(None, None, "a whole number of months to add",
                         {"en": '"last month" = -1', "ar": '"الشهر الماضي" = -1'})
_COUNT = _Numbers(1, None, "a whole number from 1 up", {"en": "three = 3", "ar": '"ثلاثة" = 3'})
_UNIT_DAYS = _Numbers(1, None, "the days in one unit, from 1 up", {"en": "week = 7"})

# Every key of [dates], in the order of the shipped files; all are required.
_KEYS = {
    "en": {
        "months_capitalised_only": _WORDS, "weekday_past": _WORDS, "weekday_future": _WORDS,
        "month_prepositions": _WORDS, "month_qualifiers": _WORDS, "month_past": _WORDS,
        "month_future": _WORDS, "ordinal_suffixes": _WORDS, "day_month_links": _WORDS,
        "date_links": _WORDS, "ago": _WORDS, "earlier": _WORDS, "before_clause_final": _WORDS,
        "relative_days_in_names": _WORDS, "fast_path_cues": _WORDS, "clause_breaks": _WORDS,
        "months": _MONTH, "month_abbreviations": _MONTH, "weekdays": _WEEKDAY,
        "weekday_abbreviations": _WEEKDAY, "relative_days": _DAYS, "relative_months": _MONTHS_ADDED,
        "numbers": _COUNT, "units": _UNIT_DAYS,
    },
    "ar": {
        "article": _WORD, "proclitics": _LETTERS, "day_words": _WORDS, "weekdays_need_context": _WORDS,
        "weekday_not_before": _WORDS, "past": _WORDS, "future": _WORDS, "header_day_words": _WORDS,
        "relative_bare_only": _WORDS, "bare_only_followers": _WORDS, "ago": _WORDS,
        "ago_not_before": _WORDS, "one_day_followers": _WORDS, "month_qualifiers": _WORDS,
        "month_words": _WORDS, "day_month_links": _WORDS, "year_words": _WORDS, "year_links": _WORDS,
        "date_links": _WORDS, "clause_breaks": _WORDS,
        "months": _MONTH, "weekdays": _WEEKDAY, "relative_days": _DAYS, "relative_months": _MONTHS_ADDED,
        "numbers": _COUNT, "units": _UNITS,
    },
}
# Lists whose words must also be keys of a table: the code looks them up there.
_SUBSETS = {
    "en": {"months_capitalised_only": "months", "relative_days_in_names": "relative_days"},
    "ar": {"weekdays_need_context": "weekdays", "relative_bare_only": "relative_days"},
}


@dataclass(frozen=True)
class DateWords:
    """The date words of English (``en``) and Arabic (``ar``), keyed as in the files.

    Lists are tuples, tables are read-only ``{word: number}`` maps (Arabic ``units``:
    ``{word: (days, count or None)}``), ``article`` is a string. English words are in
    lower case; in both languages a phrase's words are joined by one space.
    """

    en: MappingProxyType
    ar: MappingProxyType
    files: tuple = ()


def default_lang_path(lang: str) -> Path:
    """The shipped data file of a language (``"en"`` or ``"ar"``)."""
    return Path(str(resources.files("graphx") / "data" / "lang" / f"{lang}.toml"))


def load_date_words(en_path=None, ar_path=None) -> DateWords:
    """Read and check the ``[dates]`` tables (the shipped files by default).

    Examples
    --------
    >>> words = load_date_words()
    >>> words.en["months"]["december"], words.ar["units"]["يومين"]
    (12, (1, 2))
    """
    paths = {"en": Path(en_path) if en_path else default_lang_path("en"),
             "ar": Path(ar_path) if ar_path else default_lang_path("ar")}
    read = {lang: _read(path, lang) for lang, path in paths.items()}
    return DateWords(en=read["en"], ar=read["ar"], files=(str(paths["en"]), str(paths["ar"])))


def _read(path: Path, lang: str) -> MappingProxyType:
    data, lines = read_toml(path)
    header = section_line(lines, "dates")
    table = data.get("dates")
    if table is None:
        raise ConfigError(path, None, "no [dates] table", "add the [dates] section of the file shipped with graphx")
    if not isinstance(table, dict):
        raise ConfigError(path, key_line(lines, "dates", None), "'dates' must be a table", "write [dates]")
    keys = _KEYS[lang]
    unknown = sorted(set(table) - set(keys))
    if unknown:
        raise ConfigError(path, _key_at(lines, header, unknown[0]), f"[dates]: unknown key {unknown[0]!r}",
                          "known keys: " + ", ".join(keys))
    out = {}
    for key, kind in keys.items():
        if key not in table:
            fix = (f"add a [dates.{key}] table" if isinstance(kind, _Numbers) or kind == _UNITS
                   else f'add {key} = "..."' if kind == _WORD else f'add {key} = ["...", "..."]')
            raise ConfigError(path, header, f"[dates] has no {key}", fix)
        value = table[key]
        if kind == _WORD:
            out[key] = _word(path, lines, header, key, value, lang)
        elif kind in (_WORDS, _LETTERS):
            out[key] = _words(path, lines, header, key, value, lang, letters=kind == _LETTERS)
        else:
            out[key] = _table(path, lines, header, key, value, kind, lang)
    _check(path, lines, header, lang, out)
    return MappingProxyType(out)


def _norm(word: str, lang: str) -> str:
    """One space between words; English in lower case (its patterns ignore case)."""
    word = " ".join(word.split())
    return word.lower() if lang == "en" else word


def _key_at(lines, header, key) -> int | None:
    """Line of ``key`` in [dates], or of its ``[dates.key]`` table."""
    return table_line(lines, "dates", key) or key_line(lines, key, header)


def _entry_at(lines, header, key, word) -> int | None:
    """Line of ``word = ...`` in the ``[dates.key]`` table (or of ``key`` when written inline)."""
    sub = table_line(lines, "dates", key)
    return (key_line(lines, word, sub) if sub else None) or key_line(lines, key, header)


def _word(path, lines, header, key, value, lang) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(path, _key_at(lines, header, key), f"[dates] {key} must be a non-empty string",
                          f'write {key} = "..."')
    return _norm(value, lang)


def _words(path, lines, header, key, value, lang, letters=False) -> tuple:
    def ok(v) -> bool:
        return isinstance(v, str) and (len(v) == 1 and v.isalpha() if letters else bool(v.strip()))

    if not isinstance(value, list) or not all(ok(v) for v in value):
        at = _key_at(lines, header, key)
        bad = next((v for v in value if not ok(v)), None) if isinstance(value, list) else None
        where = (value_line(lines, bad, at or 1) or at) if isinstance(bad, str) else at
        if letters:
            raise ConfigError(path, where, f"[dates] {key} must be a list of single letters",
                              f'write {key} = ["...", "..."] with one letter in each string')
        raise ConfigError(path, where, f"[dates] {key} must be a list of non-empty strings",
                          f'write {key} = ["...", "..."] and remove empty entries')
    return tuple(_norm(v, lang) for v in value)


def _table(path, lines, header, key, value, kind, lang) -> dict:
    if not isinstance(value, dict):
        what = "word = number" if isinstance(kind, _Numbers) else "word = { days = N, count = N }"
        raise ConfigError(path, _key_at(lines, header, key), f"[dates] {key} must be a table of {what}",
                          f"write a [dates.{key}] table with one {what} a line")
    out = {}
    for word, number in value.items():
        at = _entry_at(lines, header, key, word)
        if not word.strip():
            raise ConfigError(path, at, f"[dates.{key}] has an empty word", "write the word or remove the line")
        if kind == _UNITS:
            number = _unit(path, at, key, word, number)
        elif not (_whole(number) and (kind.low is None or number >= kind.low)
                  and (kind.high is None or number <= kind.high)):
            shown = str(number).lower() if isinstance(number, bool) else repr(number)  # as TOML writes it
            raise ConfigError(path, at, f"[dates.{key}] {word!r} must be {kind.meaning}, not {shown}",
                              f"write it as in {kind.example[lang]}")
        out[_norm(word, lang)] = number
    return out


def _unit(path, at, key, word, spec) -> tuple:
    """An Arabic unit word's ``(days in one unit, units the word says or None)``."""
    fine = (isinstance(spec, dict) and set(spec) <= {"days", "count"} and _whole(spec.get("days"))
            and spec["days"] >= 1 and (spec.get("count") is None or _whole(spec["count"]) and spec["count"] >= 1))
    if not fine:
        raise ConfigError(path, at, f"[dates.{key}] {word!r} must be {{ days = N }} or {{ days = N, count = N }}",
                          "days: the days in one unit (7 for a week), from 1 up; count: the units the word "
                          "says by itself (2 for a dual), left out when it needs a number")
    return spec["days"], spec.get("count")


def _whole(n) -> bool:
    return isinstance(n, int) and not isinstance(n, bool)


def _check(path, lines, header, lang, words) -> None:
    """What the patterns rely on beyond each key's type."""
    for key, table in _SUBSETS[lang].items():
        for word in words[key]:
            if word not in words[table]:
                at = _key_at(lines, header, key)
                raise ConfigError(path, value_line(lines, word, at or 1) or at,
                                  f"[dates] {key}: {word!r} is not in [dates.{table}]",
                                  f"add it to [dates.{table}] or remove it from {key}")
    if lang == "en":  # the fast path must not skip a sentence whose only date is a relative phrase
        cues = set(words["fast_path_cues"])
        for key in ("relative_days", "relative_months"):
            for phrase in words[key]:
                if cues.isdisjoint(phrase.split()):
                    raise ConfigError(path, _entry_at(lines, header, key, phrase),
                                      f"[dates.{key}] {phrase!r} has no word of fast_path_cues",
                                      "add one of its words to fast_path_cues")
    if lang == "ar":  # the patterns take the article off a weekday: "اليوم الأحد" is today, Sunday,
        article = words["article"]  # but "اليوم الأول" (the first day) is not today
        for day in words["weekdays"]:
            if not day.startswith(article) or day == article:
                raise ConfigError(path, _entry_at(lines, header, "weekdays", day),
                                  f"[dates.weekdays] {day!r} must be a weekday written with the article {article!r}",
                                  f"write it as in {article}أحد")
