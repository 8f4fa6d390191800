"""The date an evidence sentence speaks of.

:func:`event_date` reads one sentence and returns the ISO date of the event it
reports: an explicit date ("on December 7", "8 ديسمبر 2024"), a month ("in
early December" gives ``"2024-12"``), a weekday or a relative word resolved
against the document's date ("on Sunday", "yesterday", "أمس"), or failing all
of those the document's date itself. :func:`parse_doc_date` reads the date in a
report's header.

The rules are general language rules (no actor names). The words are data: the
``[dates]`` table of ``graphx/data/lang/en.toml`` and ``ar.toml``, read by
:mod:`graphx.extract.date_words`; the patterns are built from them once, on
first use.

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

from .date_words import DateWords, load_date_words

__all__ = ["event_date", "parse_doc_date"]

# Years accepted in a header date (a publication date, not history).
DOC_YEARS = (1900, 2099)

# ---------------------------------------------------------------------------
# Pattern building (once, on first use)
# ---------------------------------------------------------------------------

# Length-preserving folding, so offsets into the folded text are offsets into
# the original: hamza alefs to bare alef, Arabic-Indic digits to ASCII. The
# Arabic words are folded too, so both spellings match (alef madda is kept).
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


_YEAR = r"(?P<year>\d{4})(?!\d)"
_AR_LETTER_BEFORE = r"(?<![^\W\d_])"   # not preceded by a letter
_AR_LETTER_AFTER = r"(?![^\W\d_])"     # not followed by a letter
# Numeric dates: year first, or day and month when the order is unambiguous.
_ISO_DATE = re.compile(r"(?<![\d/.-])(?P<year>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d|[/.-]\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4})(?!\d|[/.-]\d)")
_DIGIT = re.compile(r"\d")
_EN_WORD = re.compile(r"[A-Za-z]+")
_ARABIC_LETTER = re.compile("[\u0621-\u064A]")
# Header dates.
_DOC_ISO = re.compile(r"\s*(?P<year>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?:(?:[T\s].*)?|Z)\Z", re.S)
_DOC_NUMERIC = re.compile(r"\s*(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4})(?:\s.*)?\Z", re.S)
_DOC_TAIL = re.compile(r"(?:\s*(?:[,;|@–—-]\s*)?(?:\d{1,2}:\d{2}.*|\S*)?)\s*\Z", re.S)


class _Rules:
    """The word maps and patterns of both languages, built from their date words."""

    def __init__(self, words: DateWords):
        en, ar = words.en, words.ar
        # English words the logic reads (the patterns match them in any case).
        self.en_months = en["months"]
        self.en_month_abbreviations = en["month_abbreviations"]
        self.en_weekdays = en["weekdays"]
        self.en_weekday_past, self.en_weekday_future = en["weekday_past"], en["weekday_future"]
        self.en_month_past, self.en_month_future = en["month_past"], en["month_future"]
        self.en_relative_days, self.en_relative_months = en["relative_days"], en["relative_months"]
        self.en_numbers, self.en_units = en["numbers"], en["units"]
        self.en_in_names = frozenset(w[:1].upper() + w[1:] for w in en["relative_days_in_names"])
        # Arabic words folded, as the text they are looked up in.
        self.ar_months = {_fold(k): v for k, v in ar["months"].items()}
        self.ar_weekdays = {_fold(k): v for k, v in ar["weekdays"].items()}
        self.ar_relative_days = {_fold(k): v for k, v in ar["relative_days"].items()}
        self.ar_relative_months = {_fold(k): v for k, v in ar["relative_months"].items()}
        self.ar_numbers = {_fold(k): v for k, v in ar["numbers"].items()}
        self.ar_units = {_fold(k): v for k, v in ar["units"].items()}
        self.ar_past = frozenset(map(_fold, ar["past"]))
        self.ar_need_context = frozenset(map(_fold, ar["weekdays_need_context"]))
        self.ar_bare_only = frozenset(map(_fold, ar["relative_bare_only"]))
        article = _fold(ar["article"])
        weekday_stems = [w[len(article):] for w in self.ar_weekdays]  # (every weekday has the article)
        procl = "[" + "".join(map(re.escape, ar["proclitics"])) + "]"

        def alt_ar(key):
            return _alt(ar[key], fold=True)

        ordinal = _alt(en["ordinal_suffixes"]) + "?"
        capitalised_only = set(en["months_capitalised_only"])
        en_month = "(?:" + "|".join([
            _alt_i(set(en["months"]) - capitalised_only) + r"\b",
            _cap_alt(capitalised_only) + r"\b",
            _cap_alt(en["month_abbreviations"]) + r"\b\.?",
        ]) + ")"
        ar_month = alt_ar("months")
        ar_year = (r"(?:\s*[,،]?\s*(?:(?:" + alt_ar("year_links") + r"\s+)?" + alt_ar("year_words") + r"\s+)?"
                   + _YEAR + ")?")
        ar_second_month = r"(?:\s*[/(]\s*" + ar_month + r"\s*\)?)?"  # "كانون الأول/ديسمبر"
        ar_past_future = r"(?:\s+(?P<rel>" + _alt(ar["past"] + ar["future"], fold=True) + ")" + _AR_LETTER_AFTER + ")?"

        # Explicit day and month.
        self.en_month_day = re.compile(
            r"\b(?P<mon>" + en_month + r")\s*(?P<day>\d{1,2})(?!\d)" + ordinal + r"\b"
            r"(?:\s*[-–]\s*\d{1,2}" + ordinal + r"\b)?"
            r"(?:,?\s+" + _YEAR + ")?")
        self.en_day_month = re.compile(
            r"(?<![\d.,/:])\b(?P<day>\d{1,2})" + ordinal + r"(?:\s*[-–]\s*\d{1,2}" + ordinal + r")?"
            r"\s+(?:" + _alt_i(en["day_month_links"]) + r"\s+)?(?P<mon>" + en_month + r")"
            r"(?:,?\s+" + _YEAR + ")?")
        self.ar_day_month = re.compile(
            r"(?<![\d.,/:])(?P<day>\d{1,2})(?!\d)(?:\s*-\s*\d{1,2})?\s*(?:" + alt_ar("day_month_links") + r"\s+)?"
            r"(?:" + alt_ar("month_words") + r"\s+)?"
            r"(?P<mon>" + ar_month + ")" + _AR_LETTER_AFTER + ar_second_month + ar_year)

        # A month without a day.
        self.en_month_only = re.compile(
            r"\b(?:(?P<prep>" + _alt_i(en["month_prepositions"]) + r")\s+)?"
            r"(?:(?P<qual>" + _alt_i(en["month_qualifiers"]) + r")[\s-]*)?"
            r"(?:(?P<rel>" + _alt_i(en["month_past"] + en["month_future"]) + r")\s+)?"
            r"(?P<mon>" + en_month + r")(?!\.?\s*\d{1,2}(?!\d))"
            r"(?:,?\s+" + _YEAR + ")?")
        self.ar_month_only = re.compile(
            _AR_LETTER_BEFORE + r"(?:" + procl + r"?(?P<qual>" + alt_ar("month_qualifiers")
            + r")\s+(?:" + alt_ar("month_words") + r"\s+)?)?(?P<mon>" + ar_month + ")" + _AR_LETTER_AFTER
            + ar_second_month + ar_past_future + ar_year)

        # Weekdays.
        self.en_weekday = re.compile(
            r"(?:\b(?P<rel>" + _alt_i(en["weekday_past"] + en["weekday_future"]) + r")\s+)?"
            r"\b(?P<wd>" + _alt_i(en["weekdays"]) + r"\b" + ")")
        self.ar_weekday = re.compile(
            _AR_LETTER_BEFORE + r"(?P<pre>(?:" + procl + r"?" + alt_ar("day_words") + r"\s+){1,2})?"
            + procl + r"?(?P<wd>" + alt_ar("weekdays") + ")" + _AR_LETTER_AFTER
            + r"(?!\s+" + alt_ar("weekday_not_before") + ")"  # "الأحد عشر" is eleven
            + ar_past_future)

        # Relative words.
        en_number = r"(?P<n>\d{1,2}|" + _alt_i(en["numbers"]) + r")"
        en_unit = r"(?P<unit>" + _alt_i(en["units"]) + r")"
        self.en_relative_day = re.compile(r"\b(?P<w>" + _alt_i(en["relative_days"]) + r")\b")
        self.en_relative_month = re.compile(r"\b(?P<w>" + _alt_i(en["relative_months"]) + r")\b")
        self.en_ago = re.compile(r"\b" + en_number + r"\s+" + en_unit + r"\s+" + _alt_i(en["ago"]) + r"\b")
        self.en_earlier = re.compile(
            r"\b" + en_number + r"\s+" + en_unit + r"\s+(?:" + _alt_i(en["earlier"]) + r"\b"
            r"|" + _alt_i(en["before_clause_final"]) + r"\b(?=\s*(?:[,.;:!?)\]\"'”’]|\Z)))")
        self.ar_relative_day = re.compile(
            _AR_LETTER_BEFORE + procl + r"?(?P<w>" + alt_ar("relative_days") + ")" + _AR_LETTER_AFTER)
        self.ar_relative_month = re.compile(
            _AR_LETTER_BEFORE + procl + r"?(?P<w>" + alt_ar("relative_months") + ")" + _AR_LETTER_AFTER)
        self.ar_ago = re.compile(
            _AR_LETTER_BEFORE + procl + r"?" + alt_ar("ago") + r"\s+"
            r"(?:(?P<n>\d{1,2}|" + alt_ar("numbers") + r")\s+)?(?P<unit>" + alt_ar("units") + ")"
            + _AR_LETTER_AFTER
            + r"(?!\s+" + alt_ar("ago_not_before") + ")")  # "قبل يومين من ..." counts from something else
        # "قبل يوم" is "a day ago" only at the end of a clause or before "واحد".
        self.ar_one_day_end = re.compile(
            r"\s+" + alt_ar("one_day_followers") + r"|\s*(?:[.,،;؛:!?)\]\"'”’»]|\Z)")
        # "اليوم" followed by a word with the article (not a weekday), or by "نفس"/"ذات", is not today.
        self.ar_bare_only_follower = re.compile(
            r"\s+(?:" + re.escape(article) + "(?!" + "|".join(map(re.escape, weekday_stems)) + r")|"
            + alt_ar("bare_only_followers") + ")")
        # Text allowed between a weekday and the explicit date it names.
        self.date_link_gap = re.compile(
            r"[\s,،(\[\-–—]*(?:" + _alt_i(en["date_links"]) + r"\s+|" + alt_ar("date_links") + r"\s*)?[\s(]*\Z")

        self.clause_break = re.compile(
            r"[;؛]|\b" + _alt_i(en["clause_breaks"]) + r"\b|" + _AR_LETTER_BEFORE + alt_ar("clause_breaks")
            + _AR_LETTER_AFTER)

        # Fast path: a sentence with no digit, no listed English word and no listed
        # Arabic word cannot state a date (English words are looked up in a set, which
        # is much faster than one long alternation).
        self.en_cue_words = frozenset(
            set(en["months"]) | set(en["month_abbreviations"]) | set(en["weekdays"]) | set(en["fast_path_cues"])
            | set(en["ago"]) | set(en["earlier"]) | set(en["before_clause_final"]))
        self.ar_cue = re.compile(_alt(list(ar["months"]) + [w[len(ar["article"]):] for w in ar["weekdays"]]
                                      + list(ar["relative_days"]) + list(ar["relative_months"]) + list(ar["ago"]),
                                      fold=True))

        # A leading weekday in a header date.
        self.doc_weekday_prefix = re.compile(
            r"\s*(?:" + _alt_i(set(en["weekdays"]) | set(en["weekday_abbreviations"])) + r"\b\.?"
            r"|(?:" + alt_ar("header_day_words") + r"\s+)?" + alt_ar("weekdays") + r")\s*[,،]?\s*")

    def month_number(self, name: str) -> int | None:
        key = name.lower().rstrip(".")
        n = self.en_months.get(key) or self.en_month_abbreviations.get(key)
        if n is None:
            n = self.ar_months.get(" ".join(_fold(name).split()))
        return n


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """The rules of the shipped date words, read and compiled on first use."""
    return _Rules(load_date_words())


def calendar_words() -> frozenset:
    """The English month and weekday names of the shipped date words (lower case): "Tuesday" is
    no one's first name ("on Tuesday Odinga spoke to ...")."""
    r = _rules()
    return frozenset(r.en_months) | frozenset(r.en_weekdays)


def _has_cue(text: str, r: _Rules | None = None) -> bool:
    r = r or _rules()
    if _DIGIT.search(text):
        return True
    if not r.en_cue_words.isdisjoint(w.lower() for w in _EN_WORD.findall(text)):
        return True
    return bool(_ARABIC_LETTER.search(text)) and bool(r.ar_cue.search(text))


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


def _mentions(text: str, r: _Rules) -> list[_Mention]:
    """Every date expression in ``text`` (already folded), overlaps included."""
    out: list[_Mention] = []
    for rx in (r.en_month_day, r.en_day_month, r.ar_day_month):
        for m in rx.finditer(text):
            month = r.month_number(m.group("mon"))
            if month:
                out.append(_explicit(m, month))
    for m in _ISO_DATE.finditer(text):
        out.append(_Mention(m.start(), m.end(), "ymd", (_int(m["year"]), _int(m["m"]), _int(m["d"]))))
    for m in _NUMERIC_DATE.finditer(text):
        md = _unambiguous_day_month(_int(m["a"]), _int(m["b"]))
        if md:
            out.append(_Mention(m.start(), m.end(), "ymd", (_int(m["year"]), md[0], md[1])))
    for m in r.en_month_only.finditer(text):
        if not (m["prep"] or m["qual"] or m["rel"] or m["year"]):
            continue
        rel = (m["rel"] or "").lower()
        rel = "last" if rel in r.en_month_past else "next" if rel in r.en_month_future else ""
        if rel and m["year"]:
            continue
        out.append(_Mention(m.start(), m.end(), "ym", (_int(m["year"]) if m["year"] else None,
                                                        r.month_number(m["mon"]), rel)))
    for m in r.ar_month_only.finditer(text):
        if not (m["qual"] or m["rel"] or m["year"]):
            continue
        rel = m["rel"] or ""
        rel = "last" if rel in r.ar_past else "next" if rel else ""
        if rel and m["year"]:
            continue
        out.append(_Mention(m.start(), m.end(), "ym", (_int(m["year"]) if m["year"] else None,
                                                        r.month_number(m["mon"]), rel)))
    for m in r.en_weekday.finditer(text):
        rel = " ".join((m["rel"] or "").lower().split())
        rel = "last" if rel in r.en_weekday_past else "next" if rel in r.en_weekday_future else ""
        out.append(_Mention(m.start(), m.end(), "weekday", (r.en_weekdays[m["wd"].lower()], rel)))
    for m in r.ar_weekday.finditer(text):
        wd = m["wd"]
        if wd in r.ar_need_context and not (m["pre"] or m["rel"]):
            continue
        rel = m["rel"] or ""
        rel = "last" if rel in r.ar_past else "next" if rel else ""
        out.append(_Mention(m.start(), m.end(), "weekday", (r.ar_weekdays[wd], rel)))
    for m in r.en_relative_day.finditer(text):
        w = m["w"]
        if w in r.en_in_names and m.start() >= 2 and text[m.start() - 2].isalnum():
            continue  # a name such as "Syria Today"
        out.append(_Mention(m.start(), m.end(), "days", (r.en_relative_days[" ".join(w.lower().split())],)))
    for m in r.en_relative_month.finditer(text):
        out.append(_Mention(m.start(), m.end(), "months", (r.en_relative_months[" ".join(m["w"].lower().split())],)))
    for m in r.en_ago.finditer(text):
        n = _en_number(m["n"], r) * r.en_units[m["unit"].lower()]
        out.append(_Mention(m.start(), m.end(), "days", (-n,)))
    for m in r.en_earlier.finditer(text):
        n = _en_number(m["n"], r) * r.en_units[m["unit"].lower()]
        out.append(_Mention(m.start(), m.end(), "earlier", (-n,)))
    for m in r.ar_relative_day.finditer(text):
        w = " ".join(m["w"].split())
        if w in r.ar_bare_only and r.ar_bare_only_follower.match(text, m.end()):
            continue
        out.append(_Mention(m.start(), m.end(), "days", (r.ar_relative_days[w],)))
    for m in r.ar_relative_month.finditer(text):
        out.append(_Mention(m.start(), m.end(), "months", (r.ar_relative_months[" ".join(m["w"].split())],)))
    for m in r.ar_ago.finditer(text):
        scale, implied = r.ar_units[m["unit"]]
        if m["n"]:
            n = _int(m["n"]) if m["n"][0].isdigit() else r.ar_numbers[m["n"]]
        elif implied == 1 and scale == 1 and not r.ar_one_day_end.match(text, m.end()):
            continue  # "منذ يوم سقوط ...": since the day of ..., not a day ago
        else:
            n = implied
        if n is None:
            continue  # "قبل أيام": some days ago
        out.append(_Mention(m.start(), m.end(), "days", (-n * scale,)))
    return out


def _en_number(s: str, r: _Rules) -> int:
    return int(s) if s.isdigit() else r.en_numbers[s.lower()]


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


def _beside(a: _Mention, b: _Mention, text: str, r: _Rules) -> bool:
    gap = text[a.end:b.start] if b.start >= a.end else text[b.end:a.start]
    return len(gap) <= 16 and bool(r.date_link_gap.match(gap))


def _drop_weekdays_beside_dates(mentions: list[_Mention], text: str, r: _Rules) -> list[_Mention]:
    """Drop a weekday that names an adjacent explicit date ("Sunday, December 8")."""
    dates = [m for m in mentions if m.kind == "ymd"]
    return [m for m in mentions if m.kind != "weekday" or not any(_beside(m, d, text, r) for d in dates)]


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
    r = _rules()
    text = _fold(sentence)
    if not _has_cue(text, r):
        return text, None
    return text, tuple(_drop_weekdays_beside_dates(_select(_mentions(text, r)), text, r))


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
        clause_break = _rules().clause_break

        def distance(r):
            m = r[0]
            if m.start <= t < m.end:
                return False, 0, m.start
            between = text[m.end:t] if t >= m.end else text[t:m.start]
            return (bool(clause_break.search(between)),
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
    r = _rules()
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
            if w := r.doc_weekday_prefix.match(text):
                pos = w.end()
            pos += len(text[pos:]) - len(text[pos:].lstrip())
            for rx in (r.en_month_day, r.en_day_month, r.ar_day_month):
                m = rx.match(text, pos)
                if m and m["year"] and _DOC_TAIL.match(text, m.end()):
                    month = r.month_number(m["mon"])
                    if month:
                        found = (_int(m["year"]), month, _int(m["day"]))
                        break
        if found is None or not DOC_YEARS[0] <= found[0] <= DOC_YEARS[1]:
            return None
        return _dt.date(*found)
    except (ValueError, OverflowError, KeyError):
        return None
