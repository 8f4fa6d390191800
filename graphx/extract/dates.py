"""The date an evidence sentence speaks of.

:func:`event_date` reads one sentence and returns the ISO date of the event it
reports: an explicit date ("on December 7", "8 ديسمبر 2024"), a month ("in
early December" gives ``"2024-12"``), a weekday or a relative word resolved
against the document's date ("on Sunday", "yesterday", "أمس"), or failing all
of those the document's date itself. :func:`parse_doc_date` reads the date in a
report's header.

The rules are general language rules (no actor names). The word lists are
module-level data in the first section below; the patterns are built from them
once, at import.

Examples
--------
>>> event_date("Assad fled Damascus late on Saturday.", "2024-12-09")
('2024-12-07', 'sentence')
>>> event_date("فر الأسد إلى موسكو يوم الأحد 8 كانون الأول 2024")
('2024-12-08', 'sentence')
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["event_date", "parse_doc_date"]

# ---------------------------------------------------------------------------
# Word lists (data). Arabic entries are written naturally; hamza forms of alef
# (أ إ ٱ) are folded to bare alef when the patterns are built, so both
# spellings match. Alef madda (آ) is kept, so "آب" (August) is not "أب".
# ---------------------------------------------------------------------------

EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations: capitalised only ("Dec." / "Dec"), optionally followed by a period.
EN_MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also ordinary words: matched only when capitalised.
EN_MONTHS_CAPITALISED_ONLY = {"may", "march"}

EN_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
# Abbreviated weekdays, only used to skip a leading weekday in a header date
# ("Sun, 08 Dec 2024 10:00:00 GMT").
EN_WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
# Words before a weekday: "last Sunday" is strictly before the document date,
# "next Monday" strictly after; a bare weekday is on or before it.
EN_WEEKDAY_PAST = ("last", "past", "this past", "previous", "the previous")
EN_WEEKDAY_FUTURE = ("next", "coming", "this coming", "the coming")

# Phrases naming a day relative to the document date (days added).
EN_RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1, "the day after tomorrow": 2,
}
# Phrases naming a month relative to the document date (months added).
EN_RELATIVE_MONTHS = {
    "this month": 0, "earlier this month": 0, "later this month": 0,
    "last month": -1, "next month": 1,
}
EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
EN_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
# "N days ago" counts back from the document date; "N days earlier" (and a
# clause-final "N days before") counts back from it only when the sentence
# has no other date to count from.
EN_AGO = ("ago",)
# Words of the relative phrases above that the fast path looks for (every
# phrase in EN_RELATIVE_DAYS / EN_RELATIVE_MONTHS contains one of them).
EN_FAST_PATH_CUES = ("today", "tonight", "yesterday", "tomorrow", "night", "morning",
                   "afternoon", "evening", "month")
EN_EARLIER = ("earlier",)
EN_BEFORE_CLAUSE_FINAL = ("before",)
# Words that make "in December" a month reference ("in early December").
EN_MONTH_PREPOSITIONS = ("in", "during", "throughout")
EN_MONTH_QUALIFIERS = (
    "early", "mid", "late",
    "the end of", "the beginning of", "the start of", "the middle of",
    "end of", "beginning of", "start of", "middle of",
)
EN_MONTH_PAST = ("last", "this past", "past")
EN_MONTH_FUTURE = ("next", "this coming", "coming")

AR_MONTHS = {
    # Egyptian / Gulf names
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi names
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10,
    "تشرين الثاني": 11, "كانون الأول": 12,
    # Maghrebi names
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
# Weekdays, always with the article ("الأحد"); "يوم" and time-of-day words may
# precede them, and the proclitics و/ف/ب may be attached.
AR_WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}
# "الاثنين" is also "the two": only a weekday after "يوم"/a time word or
# before "الماضي"/"المقبل".
AR_WEEKDAYS_NEED_CONTEXT = {"الاثنين", "الإثنين"}
AR_DAY_WORDS = ("يوم", "صباح", "مساء", "ليل", "ليلة", "فجر", "ظهر", "ظهيرة", "عصر", "نهار")
AR_PAST = ("الماضي", "المنصرم", "الفائت", "السابق")
AR_FUTURE = ("المقبل", "القادم")
AR_PROCLITICS = "وفب"

AR_RELATIVE_DAYS = {
    "اليوم": 0, "الليلة": 0, "هذا الصباح": 0, "هذه الليلة": 0,
    "أمس": -1, "الأمس": -1, "البارحة": -1, "الليلة الماضية": -1, "ليلة أمس": -1,
    "أول أمس": -2, "أول من أمس": -2,
    "غداً": 1, "غدًا": 1, "يوم غد": 1,
}
# "اليوم"/"الليلة" followed by an adjective with the article are "the (first,
# same, ...) day/night", not today: ignored unless the next word is a weekday.
AR_RELATIVE_BARE_ONLY = ("اليوم", "الليلة")
AR_RELATIVE_MONTHS = {"هذا الشهر": 0, "الشهر الجاري": 0, "الشهر الماضي": -1, "الشهر المقبل": 1}
AR_NUMBERS = {
    "واحد": 1, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
    "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9,
    "عشرة": 10, "عشر": 10,
}
# Unit words after "قبل"/"منذ" (ago), with the count some of them imply.
AR_UNITS = {"يوم": (1, 1), "يومين": (1, 2), "أيام": (1, None), "يوما": (1, None), "أسبوع": (7, 1),
            "أسبوعين": (7, 2), "أسابيع": (7, None)}
AR_AGO = ("قبل", "منذ")
AR_MONTH_QUALIFIERS = ("في", "خلال", "أوائل", "مطلع", "بداية", "بدايات", "أواسط",
                       "منتصف", "أواخر", "نهاية", "شهر")
AR_YEAR_WORDS = ("عام", "العام", "سنة")
AR_DATE_LINKS = ("الموافق",)  # "الأحد الموافق 8 ديسمبر": Sunday, i.e. 8 December

# Words that end one coordinated clause and start another: with several dates,
# one in the trigger's own clause wins over a nearer one across such a word
# ("took Aleppo on November 30 and entered Damascus on December 8").
EN_CLAUSE_BREAKS = ("and", "but", "while", "whereas", "then", "after which")
AR_CLAUSE_BREAKS = ("ثم", "بينما", "فيما", "في حين")

# Years accepted in a header date (a publication date, not history).
DOC_YEARS = (1900, 2099)

# ---------------------------------------------------------------------------
# Pattern building (once, at import)
# ---------------------------------------------------------------------------

# Length-preserving folding, so offsets into the folded text are offsets into
# the original: hamza alefs to bare alef, Arabic-Indic digits to ASCII.
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "ٱ": "ا",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
})


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _alt(words, fold=False) -> str:
    """Alternation of phrases, longest first; spaces match any whitespace."""
    words = sorted({_fold(w) if fold else w for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + ")"


def _alt_i(words) -> str:
    """Case-insensitive alternation of English phrases."""
    return "(?i:" + _alt(words)[3:]


def _cap_alt(words) -> str:
    """Alternation of words whose first letter must be a capital."""
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(f"{w[0].upper()}(?i:{re.escape(w[1:])})" for w in words) + ")"


_AR_MONTHS_FOLDED = {_fold(k): v for k, v in AR_MONTHS.items()}
_AR_WEEKDAYS_FOLDED = {_fold(k): v for k, v in AR_WEEKDAYS.items()}
_AR_RELATIVE_DAYS_FOLDED = {_fold(k): v for k, v in AR_RELATIVE_DAYS.items()}
_AR_RELATIVE_MONTHS_FOLDED = {_fold(k): v for k, v in AR_RELATIVE_MONTHS.items()}
_AR_NUMBERS_FOLDED = {_fold(k): v for k, v in AR_NUMBERS.items()}
_AR_UNITS_FOLDED = {_fold(k): v for k, v in AR_UNITS.items()}
_AR_PAST_FOLDED = frozenset(map(_fold, AR_PAST))
_AR_NEED_CONTEXT_FOLDED = frozenset(map(_fold, AR_WEEKDAYS_NEED_CONTEXT))
_AR_BARE_ONLY_FOLDED = frozenset(map(_fold, AR_RELATIVE_BARE_ONLY))

def _month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")
    n = EN_MONTHS.get(key) or EN_MONTH_ABBREVIATIONS.get(key)
    if n is None:
        n = _AR_MONTHS_FOLDED.get(" ".join(_fold(name).split()))
    return n


_EN_MONTH = "(?:" + "|".join([
    _alt_i(set(EN_MONTHS) - EN_MONTHS_CAPITALISED_ONLY) + r"\b",
    _cap_alt(EN_MONTHS_CAPITALISED_ONLY) + r"\b",
    _cap_alt(EN_MONTH_ABBREVIATIONS) + r"\b\.?",
]) + ")"
_EN_WEEKDAY = _alt_i(EN_WEEKDAYS) + r"\b"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_AR_LETTER_BEFORE = r"(?<![^\W\d_])"   # not preceded by a letter
_AR_LETTER_AFTER = r"(?![^\W\d_])"     # not followed by a letter
_AR_MONTH = _alt(AR_MONTHS, fold=True)
_AR_YEAR = (r"(?:\s*[,،]?\s*(?:(?:من\s+)?" + _alt(AR_YEAR_WORDS, fold=True) + r"\s+)?" + _YEAR + ")?")
_AR_SECOND_MONTH = r"(?:\s*[/(]\s*" + _AR_MONTH + r"\s*\)?)?"  # "كانون الأول/ديسمبر"

# Explicit day and month.
_EN_MONTH_DAY = re.compile(
    r"\b(?P<mon>" + _EN_MONTH + r")\s*(?P<day>\d{1,2})(?!\d)" + _ORD + r"\b"
    r"(?:\s*[-–]\s*\d{1,2}" + _ORD + r"\b)?"
    r"(?:,?\s+" + _YEAR + ")?")
_EN_DAY_MONTH = re.compile(
    r"(?<![\d.,/:])\b(?P<day>\d{1,2})" + _ORD + r"(?:\s*[-–]\s*\d{1,2}" + _ORD + r")?"
    r"\s+(?i:of\s+)?(?P<mon>" + _EN_MONTH + r")"
    r"(?:,?\s+" + _YEAR + ")?")
_AR_DAY_MONTH = re.compile(
    r"(?<![\d.,/:])(?P<day>\d{1,2})(?!\d)(?:\s*-\s*\d{1,2})?\s*(?:من\s+)?(?:شهر\s+)?"
    r"(?P<mon>" + _AR_MONTH + ")" + _AR_LETTER_AFTER + _AR_SECOND_MONTH + _AR_YEAR)
# Numeric dates: year first, or day and month when the order is unambiguous.
_ISO_DATE = re.compile(r"(?<![\d/.-])(?P<year>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d|[/.-]\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4})(?!\d|[/.-]\d)")

# A month without a day.
_EN_MONTH_ONLY = re.compile(
    r"\b(?:(?P<prep>" + _alt_i(EN_MONTH_PREPOSITIONS) + r")\s+)?"
    r"(?:(?P<qual>" + _alt_i(EN_MONTH_QUALIFIERS) + r")[\s-]*)?"
    r"(?:(?P<rel>" + _alt_i(EN_MONTH_PAST + EN_MONTH_FUTURE) + r")\s+)?"
    r"(?P<mon>" + _EN_MONTH + r")(?!\.?\s*\d{1,2}(?!\d))"
    r"(?:,?\s+" + _YEAR + ")?")
_AR_MONTH_ONLY = re.compile(
    _AR_LETTER_BEFORE + r"(?:[" + AR_PROCLITICS + r"]?(?P<qual>" + _alt(AR_MONTH_QUALIFIERS, fold=True)
    + r")\s+(?:شهر\s+)?)?(?P<mon>" + _AR_MONTH + ")" + _AR_LETTER_AFTER + _AR_SECOND_MONTH
    + r"(?:\s+(?P<rel>" + _alt(AR_PAST + AR_FUTURE, fold=True) + ")" + _AR_LETTER_AFTER + ")?" + _AR_YEAR)

# Weekdays.
_EN_WEEKDAY_RE = re.compile(
    r"(?:\b(?P<rel>" + _alt_i(EN_WEEKDAY_PAST + EN_WEEKDAY_FUTURE) + r")\s+)?"
    r"\b(?P<wd>" + _EN_WEEKDAY + ")")
_AR_WEEKDAY_RE = re.compile(
    _AR_LETTER_BEFORE + r"(?P<pre>(?:[" + AR_PROCLITICS + r"]?" + _alt(AR_DAY_WORDS, fold=True) + r"\s+){1,2})?"
    r"[" + AR_PROCLITICS + r"]?(?P<wd>" + _alt(AR_WEEKDAYS, fold=True) + ")" + _AR_LETTER_AFTER
    + r"(?!\s+عشر)"  # "الأحد عشر" is eleven
    + r"(?:\s+(?P<rel>" + _alt(AR_PAST + AR_FUTURE, fold=True) + ")" + _AR_LETTER_AFTER + ")?")

# Relative words.
_EN_NUMBER = r"(?P<n>\d{1,2}|" + _alt_i(EN_NUMBERS) + r")"
_EN_UNIT = r"(?P<unit>" + _alt_i(EN_UNITS) + r")"
_EN_RELATIVE_DAY = re.compile(r"\b(?P<w>" + _alt_i(EN_RELATIVE_DAYS) + r")\b")
_EN_RELATIVE_MONTH = re.compile(r"\b(?P<w>" + _alt_i(EN_RELATIVE_MONTHS) + r")\b")
_EN_AGO = re.compile(r"\b" + _EN_NUMBER + r"\s+" + _EN_UNIT + r"\s+" + _alt_i(EN_AGO) + r"\b")
_EN_EARLIER = re.compile(
    r"\b" + _EN_NUMBER + r"\s+" + _EN_UNIT + r"\s+(?:" + _alt_i(EN_EARLIER) + r"\b"
    r"|" + _alt_i(EN_BEFORE_CLAUSE_FINAL) + r"\b(?=\s*(?:[,.;:!?)\]\"'”’]|\Z)))")
_AR_RELATIVE_DAY = re.compile(
    _AR_LETTER_BEFORE + "[" + AR_PROCLITICS + r"]?(?P<w>" + _alt(AR_RELATIVE_DAYS, fold=True) + ")"
    + _AR_LETTER_AFTER)
_AR_RELATIVE_MONTH = re.compile(
    _AR_LETTER_BEFORE + "[" + AR_PROCLITICS + r"]?(?P<w>" + _alt(AR_RELATIVE_MONTHS, fold=True) + ")"
    + _AR_LETTER_AFTER)
_AR_AGO = re.compile(
    _AR_LETTER_BEFORE + "[" + AR_PROCLITICS + r"]?" + _alt(AR_AGO, fold=True) + r"\s+"
    r"(?:(?P<n>\d{1,2}|" + _alt(AR_NUMBERS, fold=True) + r")\s+)?(?P<unit>" + _alt(AR_UNITS, fold=True) + ")"
    + _AR_LETTER_AFTER + r"(?!\s+(?:من|على|ال))")  # "قبل يومين من ..." counts from something else
# "قبل يوم" is "a day ago" only at the end of a clause or before "واحد".
_AR_ONE_DAY_END = re.compile(r"\s+واحد|\s*(?:[.,،;؛:!?)\]\"'”’»]|\Z)")
_AR_BARE_ONLY_FOLLOWER = re.compile(
    r"\s+(?:ال(?!" + "|".join(w[2:] for w in _AR_WEEKDAYS_FOLDED) + r")|نفس|ذات)")
# Text allowed between a weekday and the explicit date it names.
_DATE_LINK_GAP = re.compile(r"[\s,،(\[\-–—]*(?:(?i:the)\s+|" + _alt(AR_DATE_LINKS, fold=True) + r"\s*)?[\s(]*\Z")

_CLAUSE_BREAK = re.compile(
    r"[;؛]|\b" + _alt_i(EN_CLAUSE_BREAKS) + r"\b|" + _AR_LETTER_BEFORE + _alt(AR_CLAUSE_BREAKS, fold=True)
    + _AR_LETTER_AFTER)

# Fast path: a sentence with no digit, no listed English word and no listed
# Arabic word cannot state a date (English words are looked up in a set, which
# is much faster than one long alternation).
_DIGIT = re.compile(r"\d")
_EN_WORD = re.compile(r"[A-Za-z]+")
_EN_CUE_WORDS = frozenset(
    set(EN_MONTHS) | set(EN_MONTH_ABBREVIATIONS) | set(EN_WEEKDAYS) | set(EN_FAST_PATH_CUES)
    | set(EN_AGO) | set(EN_EARLIER) | set(EN_BEFORE_CLAUSE_FINAL))
_ARABIC_LETTER = re.compile("[\u0621-\u064A]")
_AR_CUE = re.compile(_alt(list(AR_MONTHS) + [w[2:] for w in AR_WEEKDAYS] + list(AR_RELATIVE_DAYS)
                          + list(AR_RELATIVE_MONTHS) + list(AR_AGO), fold=True))


def _has_cue(text: str) -> bool:
    if _DIGIT.search(text):
        return True
    if not _EN_CUE_WORDS.isdisjoint(w.lower() for w in _EN_WORD.findall(text)):
        return True
    return bool(_ARABIC_LETTER.search(text)) and bool(_AR_CUE.search(text))


# Header dates.
_DOC_WEEKDAY_PREFIX = re.compile(
    r"\s*(?:" + _alt_i(set(EN_WEEKDAYS) | set(EN_WEEKDAY_ABBREVIATIONS)) + r"\b\.?"
    r"|(?:يوم\s+)?" + _alt(AR_WEEKDAYS, fold=True) + r")\s*[,،]?\s*")
_DOC_ISO = re.compile(r"\s*(?P<year>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?:(?:[T\s].*)?|Z)\Z", re.S)
_DOC_NUMERIC = re.compile(r"\s*(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4})(?:\s.*)?\Z", re.S)
_DOC_TAIL = re.compile(r"(?:\s*(?:[,;|@–—-]\s*)?(?:\d{1,2}:\d{2}.*|\S*)?)\s*\Z", re.S)


# ---------------------------------------------------------------------------
# Logic
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    kind: str      # ymd | ym | weekday | days | months | earlier
    value: tuple


def _int(s: str) -> int:
    return int(_fold(s))


def _explicit(m: re.Match, month: int) -> _Mention:
    year = m["year"]
    return _Mention(m.start(), m.end(), "ymd", (_int(year) if year else None, month, _int(m["day"])))


def _mentions(text: str) -> list[_Mention]:
    """Every date expression in ``text`` (already folded), overlaps included."""
    out: list[_Mention] = []
    for rx in (_EN_MONTH_DAY, _EN_DAY_MONTH, _AR_DAY_MONTH):
        for m in rx.finditer(text):
            month = _month_number(m.group("mon"))
            if month:
                out.append(_explicit(m, month))
    for m in _ISO_DATE.finditer(text):
        out.append(_Mention(m.start(), m.end(), "ymd", (_int(m["year"]), _int(m["m"]), _int(m["d"]))))
    for m in _NUMERIC_DATE.finditer(text):
        md = _unambiguous_day_month(_int(m["a"]), _int(m["b"]))
        if md:
            out.append(_Mention(m.start(), m.end(), "ymd", (_int(m["year"]), md[0], md[1])))
    for m in _EN_MONTH_ONLY.finditer(text):
        if not (m["prep"] or m["qual"] or m["rel"] or m["year"]):
            continue
        rel = (m["rel"] or "").lower()
        rel = "last" if rel in EN_MONTH_PAST else "next" if rel in EN_MONTH_FUTURE else ""
        if rel and m["year"]:
            continue
        out.append(_Mention(m.start(), m.end(), "ym", (_int(m["year"]) if m["year"] else None,
                                                        _month_number(m["mon"]), rel)))
    for m in _AR_MONTH_ONLY.finditer(text):
        if not (m["qual"] or m["rel"] or m["year"]):
            continue
        rel = m["rel"] or ""
        rel = "last" if rel in _AR_PAST_FOLDED else "next" if rel else ""
        if rel and m["year"]:
            continue
        out.append(_Mention(m.start(), m.end(), "ym", (_int(m["year"]) if m["year"] else None,
                                                        _month_number(m["mon"]), rel)))
    for m in _EN_WEEKDAY_RE.finditer(text):
        rel = " ".join((m["rel"] or "").lower().split())
        rel = "last" if rel in EN_WEEKDAY_PAST else "next" if rel in EN_WEEKDAY_FUTURE else ""
        out.append(_Mention(m.start(), m.end(), "weekday", (EN_WEEKDAYS[m["wd"].lower()], rel)))
    for m in _AR_WEEKDAY_RE.finditer(text):
        wd = m["wd"]
        if wd in _AR_NEED_CONTEXT_FOLDED and not (m["pre"] or m["rel"]):
            continue
        rel = m["rel"] or ""
        rel = "last" if rel in _AR_PAST_FOLDED else "next" if rel else ""
        out.append(_Mention(m.start(), m.end(), "weekday", (_AR_WEEKDAYS_FOLDED[wd], rel)))
    for m in _EN_RELATIVE_DAY.finditer(text):
        w = m["w"]
        if w == "Today" and m.start() >= 2 and text[m.start() - 2].isalnum():
            continue  # a name such as "Syria Today"
        out.append(_Mention(m.start(), m.end(), "days", (EN_RELATIVE_DAYS[" ".join(w.lower().split())],)))
    for m in _EN_RELATIVE_MONTH.finditer(text):
        out.append(_Mention(m.start(), m.end(), "months", (EN_RELATIVE_MONTHS[" ".join(m["w"].lower().split())],)))
    for m in _EN_AGO.finditer(text):
        n = _en_number(m["n"]) * EN_UNITS[m["unit"].lower()]
        out.append(_Mention(m.start(), m.end(), "days", (-n,)))
    for m in _EN_EARLIER.finditer(text):
        n = _en_number(m["n"]) * EN_UNITS[m["unit"].lower()]
        out.append(_Mention(m.start(), m.end(), "earlier", (-n,)))
    for m in _AR_RELATIVE_DAY.finditer(text):
        w = " ".join(m["w"].split())
        if w in _AR_BARE_ONLY_FOLDED and _AR_BARE_ONLY_FOLLOWER.match(text, m.end()):
            continue
        out.append(_Mention(m.start(), m.end(), "days", (_AR_RELATIVE_DAYS_FOLDED[w],)))
    for m in _AR_RELATIVE_MONTH.finditer(text):
        out.append(_Mention(m.start(), m.end(), "months", (_AR_RELATIVE_MONTHS_FOLDED[" ".join(m["w"].split())],)))
    for m in _AR_AGO.finditer(text):
        scale, implied = _AR_UNITS_FOLDED[m["unit"]]
        if m["n"]:
            n = _int(m["n"]) if m["n"][0].isdigit() else _AR_NUMBERS_FOLDED[m["n"]]
        elif implied == 1 and scale == 1 and not _AR_ONE_DAY_END.match(text, m.end()):
            continue  # "منذ يوم سقوط ...": since the day of ..., not a day ago
        else:
            n = implied
        if n is None:
            continue  # "قبل أيام": some days ago
        out.append(_Mention(m.start(), m.end(), "days", (-n * scale,)))
    return out


def _en_number(s: str) -> int:
    return int(s) if s.isdigit() else EN_NUMBERS[s.lower()]


def _unambiguous_day_month(a: int, b: int) -> tuple[int, int] | None:
    """(month, day) from a/b when only one reading is a date (or both agree)."""
    readings = {(mo, d) for mo, d in ((b, a), (a, b)) if 1 <= mo <= 12 and 1 <= d <= 31}
    return readings.pop() if len(readings) == 1 else None


def _select(mentions: list[_Mention]) -> list[_Mention]:
    """Drop mentions overlapped by a longer one; the rest in text order."""
    kept: list[_Mention] = []
    for mt in sorted(mentions, key=lambda x: (x.start - x.end, x.start)):
        if all(mt.end <= k.start or mt.start >= k.end for k in kept):
            kept.append(mt)
    kept.sort(key=lambda x: x.start)
    return kept


def _beside(a: _Mention, b: _Mention, text: str) -> bool:
    gap = text[a.end:b.start] if b.start >= a.end else text[b.end:a.start]
    return len(gap) <= 16 and bool(_DATE_LINK_GAP.match(gap))


def _drop_weekdays_beside_dates(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Drop a weekday that names an adjacent explicit date ("Sunday, December 8")."""
    dates = [m for m in mentions if m.kind == "ymd"]
    return [m for m in mentions if m.kind != "weekday" or not any(_beside(m, d, text) for d in dates)]


def _add_months(d: _dt.date, k: int) -> tuple[int, int]:
    i = d.year * 12 + d.month - 1 + k
    return i // 12, i % 12 + 1


def _nearest_year(doc: _dt.date, month: int, day: int) -> _dt.date | None:
    """The date with this month and day closest to ``doc``; dates after it count double."""
    best = None
    for y in (doc.year - 1, doc.year, doc.year + 1):
        try:
            d = _dt.date(y, month, day)
        except ValueError:
            continue
        delta = (doc - d).days
        cost = delta if delta >= 0 else -2 * delta
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def _resolve(m: _Mention, doc: _dt.date | None) -> str:
    """ISO date (or "YYYY-MM") for a mention, or "" when it cannot be placed."""
    try:
        if m.kind == "ymd":
            y, mo, d = m.value
            if y is not None:
                return _dt.date(y, mo, d).isoformat()
            if doc is None:
                return ""
            found = _nearest_year(doc, mo, d)
            return found.isoformat() if found else ""
        if m.kind == "ym":
            y, mo, rel = m.value
            if not 1 <= mo <= 12:
                return ""
            if y is not None:
                return f"{y:04d}-{mo:02d}"
            if doc is None:
                return ""
            back = (doc.month - mo) % 12
            ahead = (mo - doc.month) % 12
            if rel == "last":
                k = -(back or 12)
            elif rel == "next":
                k = ahead or 12
            else:
                k = -back if back <= 2 * ahead else ahead
            y, mo = _add_months(doc, k)
            return f"{y:04d}-{mo:02d}"
        if doc is None:
            return ""
        if m.kind == "weekday":
            wd, rel = m.value
            if rel == "next":
                return (doc + _dt.timedelta(days=(wd - doc.weekday()) % 7 or 7)).isoformat()
            back = (doc.weekday() - wd) % 7
            if rel == "last":
                back = back or 7
            return (doc - _dt.timedelta(days=back)).isoformat()
        if m.kind in ("days", "earlier"):
            return (doc + _dt.timedelta(days=m.value[0])).isoformat()
        if m.kind == "months":
            y, mo = _add_months(doc, m.value[0])
            return f"{y:04d}-{mo:02d}"
    except (ValueError, OverflowError):
        return ""
    return ""


@lru_cache(maxsize=256)
def _sentence_mentions(sentence: str) -> tuple[str, tuple | None]:
    """The folded sentence and its date mentions (None: no date cue at all). Cached: every
    edge of a sentence asks for the sentence's date, and reports share header dates."""
    text = _fold(sentence)
    if not _has_cue(text):
        return text, None
    return text, tuple(_drop_weekdays_beside_dates(_select(_mentions(text)), text))


def event_date(sentence: str, doc_date: str = "", *, trigger_offset: int | None = None) -> tuple[str, str]:
    """Return ``(iso_date, how)`` for the event a sentence reports.

    ``how`` is ``"sentence"`` when the sentence states a date (explicitly,
    or as a weekday or relative word placed against ``doc_date``),
    ``"document"`` when falling back to ``doc_date``, and ``""`` when there is
    neither. ``iso_date`` is ``YYYY-MM-DD``, or ``YYYY-MM`` for a month
    without a day ("in early December").

    A date without a year takes the year that puts it closest to the document
    date, preferring not after it. A bare weekday is the latest such day on or
    before the document date; "last Sunday" is strictly before, "next Monday"
    strictly after. With several dates, the one nearest ``trigger_offset`` (a
    character offset into ``sentence``) wins, else the first; a date across
    a clause break ("and", ";", "ثم", ...) from the trigger loses to one in
    the trigger's own clause. Never raises.

    Examples
    --------
    >>> event_date("Rebels entered Damascus on December 8, 2024.")
    ('2024-12-08', 'sentence')
    >>> event_date("Rebels took Hama on Dec. 5.", "2024-12-09")
    ('2024-12-05', 'sentence')
    >>> event_date("Assad fled on Sunday.", "2024-12-09")
    ('2024-12-08', 'sentence')
    >>> event_date("Talks began yesterday.", "2024-12-09")
    ('2024-12-08', 'sentence')
    >>> event_date("The offensive began in late November.", "2024-12-09")
    ('2024-11', 'sentence')
    >>> event_date("بدأ الهجوم في 27 نوفمبر", "2024-12-09")
    ('2024-11-27', 'sentence')
    >>> event_date("Talks continued.", "2024-12-09")
    ('2024-12-09', 'document')
    >>> event_date("Talks continued.")
    ('', '')
    """
    doc = _header_date(doc_date) if isinstance(doc_date, str) else parse_doc_date(doc_date)
    fallback = (doc.isoformat(), "document") if doc else ("", "")
    if not isinstance(sentence, str) or not sentence:
        return fallback
    text, mentions = _sentence_mentions(sentence)
    if mentions is None:
        return fallback
    resolved = [(m, iso) for m in mentions if (iso := _resolve(m, doc))]
    anchored = [r for r in resolved if r[0].kind != "earlier"]
    if anchored:
        resolved = anchored  # "three days earlier" counts from another date in the sentence
    if not resolved:
        return fallback
    if isinstance(trigger_offset, int) and not isinstance(trigger_offset, bool):
        t = trigger_offset

        def distance(r):
            m = r[0]
            if m.start <= t < m.end:
                return False, 0, m.start
            between = text[m.end:t] if t >= m.end else text[t:m.start]
            return (bool(_CLAUSE_BREAK.search(between)),
                    min(abs(t - m.start), abs(t - (m.end - 1))), m.start)

        best = min(resolved, key=distance)
    else:
        best = resolved[0]
    return best[1], "sentence"


@lru_cache(maxsize=64)
def _header_date(value: str) -> _dt.date | None:
    return parse_doc_date(value)  # (a report's header date is read for each of its edges)


def parse_doc_date(value: str) -> _dt.date | None:
    """The date in a report header, or None when it is missing, invalid or ambiguous.

    Accepts ISO dates (with or without a time), "December 8, 2024",
    "8 December 2024", "Dec. 8, 2024", RFC 2822 ("Sun, 08 Dec 2024 10:00:00
    GMT"), Arabic month names ("8 ديسمبر 2024"), and day/month/year numbers
    only when the order is unambiguous. Years outside 1900-2099 are refused.
    A :class:`datetime.date` is returned as it is. Never raises.

    Examples
    --------
    >>> parse_doc_date("2024-12-08T10:00:00Z")
    datetime.date(2024, 12, 8)
    >>> parse_doc_date("Dec. 8, 2024")
    datetime.date(2024, 12, 8)
    >>> parse_doc_date("25/12/2024")
    datetime.date(2024, 12, 25)
    >>> parse_doc_date("08/12/2024") is None  # 8 December or August 12?
    True
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        return None
    text = _fold(value)
    try:
        found = None
        if m := _DOC_ISO.match(text):
            found = (_int(m["year"]), _int(m["m"]), _int(m["d"]))
        elif m := _DOC_NUMERIC.match(text):
            md = _unambiguous_day_month(_int(m["a"]), _int(m["b"]))
            if md:
                found = (_int(m["year"]), md[0], md[1])
        else:
            pos = 0
            if w := _DOC_WEEKDAY_PREFIX.match(text):
                pos = w.end()
            pos += len(text[pos:]) - len(text[pos:].lstrip())
            for rx in (_EN_MONTH_DAY, _EN_DAY_MONTH, _AR_DAY_MONTH):
                m = rx.match(text, pos)
                if m and m["year"] and _DOC_TAIL.match(text, m.end()):
                    month = _month_number(m["mon"])
                    if month:
                        found = (_int(m["year"]), month, _int(m["day"]))
                        break
        if found is None or not DOC_YEARS[0] <= found[0] <= DOC_YEARS[1]:
            return None
        return _dt.date(*found)
    except (ValueError, OverflowError, KeyError):
        return None
