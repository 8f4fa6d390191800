"""What an evidence date speaks of, as a range of days.

A citation's ``date`` is ``YYYY-MM-DD`` when the text gives a day, ``YYYY-MM``
for a month without a day ("last month", "in early December") and ``YYYY``
for a year. Downstream (the page's date filter, ``graphx edges``, the CSV
tables, GEXF's timeline) a month or a year is the range of its days: April 2023
is 1-30 April 2023, so a filter of 10-12 April keeps it and GEXF shows the edge
through the whole month. How a sentence's words become such a string is
:mod:`graphx.dates`' business; this module only reads the strings.
"""

from __future__ import annotations

import calendar
import re

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_span(value) -> tuple[str, str]:
    """First and last day (ISO) that an evidence date speaks of; ``("", "")`` when it is none.

    Examples
    --------
    >>> date_span("2024-12-08")
    ('2024-12-08', '2024-12-08')
    >>> date_span("2024-04")
    ('2024-04-01', '2024-04-30')
    >>> date_span("2024-02")
    ('2024-02-01', '2024-02-29')
    >>> date_span("2023")
    ('2023-01-01', '2023-12-31')
    >>> date_span("Dec 3"), date_span("2024-13"), date_span("2024-02-30"), date_span("")
    (('', ''), ('', ''), ('', ''), ('', ''))
    """
    m = _DATE.fullmatch(value) if isinstance(value, str) else None
    if not m:
        return "", ""
    year, month, day = int(m[1]), m[2], m[3]
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(month)
    if not 1 <= month <= 12:
        return "", ""
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    if not 1 <= int(day) <= last:
        return "", ""
    return value, value


def span_of(dates) -> tuple[str, str]:
    """The first and the last day any of these dates speaks of (``("", "")`` when none is a date).

    >>> span_of(["2024-12-07", "", "2024-11", "Dec 3"])
    ('2024-11-01', '2024-12-07')
    """
    spans = [s for s in map(date_span, dates) if s[0]]
    if not spans:
        return "", ""
    return min(s[0] for s in spans), max(s[1] for s in spans)


def first_last(dates) -> tuple[str, str]:
    """The earliest and the latest date as the evidence gives them (a month stays a month).

    The earliest is the one whose range starts first (the more precise on a tie), the
    latest the one whose range ends last. For tables, where "2024-04" says more than
    "2024-04-01" would.

    >>> first_last(["2024-04-12", "2024-04", "2024-05-02"])
    ('2024-04', '2024-05-02')
    >>> first_last(["2024-04-30", "2024-04"])
    ('2024-04', '2024-04-30')
    >>> first_last(["", "soon"])
    ('', '')
    """
    spans = [(date_span(d), d) for d in set(dates)]
    spans = [(s, d) for s, d in spans if s[0]]
    if not spans:
        return "", ""
    first = min(spans, key=lambda x: (x[0][0], x[0][1], x[1]))[1]
    last = max(spans, key=lambda x: (x[0][1], x[0][0], x[1]))[1]
    return first, last


def overlaps(value, start: str = "", end: str = "") -> bool:
    """Whether a date speaks of a day between ``start`` and ``end`` (ISO days, either may be "").

    A citation with no date always passes a date filter (it is never hidden for what it
    does not say), as the page does.

    >>> overlaps("2024-04", "2024-04-10", "2024-04-12"), overlaps("2024-04", "2024-05-01")
    (True, False)
    >>> overlaps("", "2024-05-01")
    True
    """
    first, last = date_span(value)
    if not first:
        return True
    return (not start or last >= start) and (not end or first <= end)
