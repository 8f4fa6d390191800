import datetime
import random

import pytest

from graphx.extract.dates import event_date, parse_doc_date

MON = "2024-12-09"   # a Monday, the day after Damascus fell
SUN = "2024-12-08"   # a Sunday
JAN = "2025-01-02"   # a Thursday, just after the new year
S, D = "sentence", "document"

# (id, sentence, document date, trigger word or None, expected (iso, how))
CASES = [
    # Explicit dates
    ("month-day-year", "Rebels entered Damascus on December 8, 2024.", "", None, ("2024-12-08", S)),
    ("day-month-year", "Assad left on 8 December 2024, officials said.", "", None, ("2024-12-08", S)),
    ("ordinal-of", "Talks were held on the 7th of December in Doha.", MON, None, ("2024-12-07", S)),
    ("abbreviation", "Rebels took Hama on Dec. 5.", MON, None, ("2024-12-05", S)),
    ("abbreviation-no-period", "Rebels took Hama on Dec 5.", MON, None, ("2024-12-05", S)),
    ("ordinal-suffix", "The offensive began on November 27th.", MON, None, ("2024-11-27", S)),
    ("day-range", "Talks ran 7-8 December in Doha.", MON, None, ("2024-12-07", S)),
    ("weekday-prefixed-date", "On Sunday, December 8, 2024, Assad fled.", "2024-12-20", None, ("2024-12-08", S)),
    ("iso-in-text", "The decree was dated 2024-12-08.", "", None, ("2024-12-08", S)),
    ("numeric-unambiguous", "The order was signed 25/12/2024.", "", None, ("2024-12-25", S)),
    ("numeric-ambiguous-skipped", "The order was signed 08/12/2024.", MON, None, (MON, D)),
    ("numeric-short-skipped", "The order was signed on 7/12.", MON, None, (MON, D)),
    ("year-from-doc", "Rebels took Aleppo on November 30.", MON, None, ("2024-11-30", S)),
    ("no-year-no-doc", "Rebels took Aleppo on November 30.", "", None, ("", "")),
    ("invalid-day", "It happened on February 30, 2024.", MON, None, (MON, D)),
    ("historic-year", "Hafez al-Assad took power on 16 November 1970.", MON, None, ("1970-11-16", S)),
    # Year rollover
    ("rollover-past", "Protests began on December 30.", JAN, None, ("2024-12-30", S)),
    ("rollover-weekday", "Talks resumed on Tuesday.", JAN, None, ("2024-12-31", S)),
    ("rollover-same-year", "Talks resumed on January 1.", JAN, None, ("2025-01-01", S)),
    ("near-future-wins", "A conference is planned for January 5.", "2024-12-30", None, ("2025-01-05", S)),
    ("month-rollover", "The offensive began in late November.", JAN, None, ("2024-11", S)),
    # Month only
    ("early-month", "Talks collapsed in early December.", MON, None, ("2024-12", S)),
    ("late-month", "The offensive began in late November.", MON, None, ("2024-11", S)),
    ("mid-month", "By mid-December the border was open.", "2024-12-20", None, ("2024-12", S)),
    ("month-year", "Elections were promised for March 2025.", MON, None, ("2025-03", S)),
    ("end-of-month", "He returned at the end of November.", MON, None, ("2024-11", S)),
    ("last-month", "Prices doubled last month.", MON, None, ("2024-11", S)),
    ("bare-may-verb", "They may 5 times refuse.", MON, None, (MON, D)),
    ("lowercase-march", "The march on Damascus was quick.", MON, None, (MON, D)),
    # Weekdays
    ("weekday", "Assad fled on Sunday.", MON, None, ("2024-12-08", S)),
    ("weekday-same-day", "Assad fled on Sunday.", SUN, None, ("2024-12-08", S)),
    ("weekday-late-on", "Rebels reached Homs late on Saturday.", MON, None, ("2024-12-07", S)),
    ("weekday-at-dawn", "Rebels entered Damascus at dawn on Sunday.", MON, None, ("2024-12-08", S)),
    ("weekday-night", "Assad's plane left Saturday night.", MON, None, ("2024-12-07", S)),
    ("weekday-morning", "Sunday morning, crowds gathered.", MON, None, ("2024-12-08", S)),
    ("weekday-same-day-monday", "The UN met on Monday.", MON, None, ("2024-12-09", S)),
    ("last-weekday-same-day", "They met last Sunday.", SUN, None, ("2024-12-01", S)),
    ("last-weekday", "They met last Monday.", MON, None, ("2024-12-02", S)),
    ("next-weekday", "Talks resume next Monday.", MON, None, ("2024-12-16", S)),
    ("next-weekday-midweek", "Talks resume next Thursday.", MON, None, ("2024-12-12", S)),
    ("weekday-no-doc", "Assad fled on Sunday.", "", None, ("", "")),
    ("plural-weekday", "Markets close on Sundays.", MON, None, (MON, D)),
    # Relative words
    ("today", "Crowds gathered today in Umayyad Square.", MON, None, (MON, S)),
    ("this-morning", "Jets struck this morning.", MON, None, (MON, S)),
    ("tonight", "A curfew begins tonight.", MON, None, (MON, S)),
    ("yesterday", "Rebels said yesterday that the city fell.", MON, None, ("2024-12-08", S)),
    ("last-night", "Explosions were heard last night.", MON, None, ("2024-12-08", S)),
    ("day-before-yesterday", "They met the day before yesterday.", MON, None, ("2024-12-07", S)),
    ("tomorrow", "Talks resume tomorrow.", MON, None, ("2024-12-10", S)),
    ("days-ago", "The offensive began two days ago.", MON, None, ("2024-12-07", S)),
    ("digit-days-ago", "The offensive began 12 days ago.", MON, None, ("2024-11-27", S)),
    ("week-ago", "He left a week ago.", MON, None, ("2024-12-02", S)),
    ("days-earlier", "Three days earlier, Hama had fallen.", MON, None, ("2024-12-06", S)),
    ("days-before-clause-final", "Hama had fallen two days before.", MON, None, ("2024-12-07", S)),
    ("days-before-anchor-ignored", "He fled two days before the fall of the capital.", MON, None, (MON, D)),
    ("day-before-ignored", "He had left the day before.", MON, None, (MON, D)),
    ("earlier-yields-to-date", "Three days earlier, on December 5, Hama fell.", MON, None, ("2024-12-05", S)),
    ("today-in-a-name", "USA Today reported the fall.", MON, None, (MON, D)),
    # Several dates
    ("first-by-default", "Rebels took Aleppo on November 30 and Damascus on December 8.", MON, None,
     ("2024-11-30", S)),
    ("trigger-second", "Rebels took Aleppo on November 30 and entered Damascus on December 8.", MON, "entered",
     ("2024-12-08", S)),
    ("trigger-first", "Rebels took Aleppo on November 30 and entered Damascus on December 8.", MON, "took",
     ("2024-11-30", S)),
    ("trigger-weekday-vs-date", "After talks on Saturday, aides said that Assad fled on December 8.", MON, "fled",
     ("2024-12-08", S)),
    ("trigger-nearest-before", "On December 7, rebels said that Homs fell on Saturday.", MON, "fell",
     ("2024-12-07", S)),
    # Arabic
    ("ar-month-day", "بدأ الهجوم في 27 نوفمبر", MON, None, ("2024-11-27", S)),
    ("ar-indic-digits", "سقط النظام في ٨ كانون الأول", MON, None, ("2024-12-08", S)),
    ("ar-full-date", "فر الأسد في 8 ديسمبر 2024", "", None, ("2024-12-08", S)),
    ("ar-double-month", "دخلت الفصائل دمشق في 8 كانون الأول/ديسمبر 2024", "", None, ("2024-12-08", S)),
    ("ar-year-word", "في 16 تشرين الثاني عام 1970 تسلم الأسد الأب السلطة", "", None, ("1970-11-16", S)),
    ("ar-weekday-yawm", "فر الأسد يوم الأحد", MON, None, ("2024-12-08", S)),
    ("ar-weekday-bare", "سقطت حمص السبت", MON, None, ("2024-12-07", S)),
    ("ar-weekday-time-word", "دخلت الفصائل دمشق فجر الأحد", MON, None, ("2024-12-08", S)),
    ("ar-weekday-proclitic", "وفي يوم السبت سقطت حمص", MON, None, ("2024-12-07", S)),
    ("ar-weekday-last", "التقى الوزراء الأحد الماضي", SUN, None, ("2024-12-01", S)),
    ("ar-weekday-next", "تستأنف المحادثات الخميس المقبل", MON, None, ("2024-12-12", S)),
    ("ar-monday-needs-context", "اتفق الاثنان على الحوار بين الاثنين", MON, None, (MON, D)),
    ("ar-monday-with-yawm", "عقد الاجتماع يوم الاثنين", "2024-12-11", None, ("2024-12-09", S)),
    ("ar-weekday-beside-date", "سقط النظام الأحد الموافق 8 ديسمبر", "2024-12-20", None, ("2024-12-08", S)),
    ("ar-eleven-not-sunday", "قتل الأحد عشر جنديا", MON, None, (MON, D)),
    ("ar-yesterday", "أعلنت الفصائل أمس سيطرتها على حمص", MON, None, ("2024-12-08", S)),
    ("ar-day-before-yesterday", "وصل الوفد أول من أمس", MON, None, ("2024-12-07", S)),
    ("ar-today", "تجمع الآلاف اليوم في ساحة الأمويين", MON, None, (MON, S)),
    ("ar-the-same-day", "وفي اليوم نفسه سقطت حمص", MON, None, (MON, D)),
    ("ar-two-days-ago", "بدأ الهجوم قبل يومين", MON, None, ("2024-12-07", S)),
    ("ar-three-days-ago", "بدأ الهجوم قبل ثلاثة أيام", MON, None, ("2024-12-06", S)),
    ("ar-since-the-day-of", "منذ يوم سقوط النظام", MON, None, (MON, D)),
    ("ar-early-month", "بدأت المفاوضات في أوائل ديسمبر", MON, None, ("2024-12", S)),
    ("ar-late-month-levantine", "بدأ الهجوم أواخر تشرين الثاني", MON, None, ("2024-11", S)),
    ("ar-several-trigger", "سيطرت الفصائل على حلب في 30 نوفمبر ثم دخلت دمشق في 8 ديسمبر", MON, "دخلت",
     ("2024-12-08", S)),
    # Fallbacks and bad document dates
    ("no-date", "Talks continued.", MON, None, (MON, D)),
    ("no-date-no-doc", "Talks continued.", "", None, ("", "")),
    ("empty", "", MON, None, (MON, D)),
    ("bad-doc", "Talks continued.", "not a date", None, ("", "")),
    ("bad-doc-weekday", "Assad fled on Sunday.", "yesterday-ish", None, ("", "")),
    ("bad-doc-explicit", "Assad fled on December 8, 2024.", "2024-13-45", None, ("2024-12-08", S)),
    ("ambiguous-doc", "Assad fled on Sunday.", "08/12/2024", None, ("", "")),
    ("doc-long-form", "Talks continued.", "December 9, 2024", None, (MON, D)),
    ("doc-with-time", "Assad fled on Sunday.", "2024-12-09T08:30:00Z", None, ("2024-12-08", S)),
]


@pytest.mark.parametrize("sentence, doc, trigger, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_event_date(sentence, doc, trigger, expected):
    offset = sentence.index(trigger) if trigger else None
    assert event_date(sentence, doc, trigger_offset=offset) == expected


def test_case_ids_unique_and_enough():
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 40


DOC_DATES = [
    ("2024-12-08", datetime.date(2024, 12, 8)),
    ("December 8, 2024", datetime.date(2024, 12, 8)),
    ("8 December 2024", datetime.date(2024, 12, 8)),
    ("Dec. 8, 2024", datetime.date(2024, 12, 8)),
    ("Dec 8 2024", datetime.date(2024, 12, 8)),
    ("Sunday, December 8, 2024", datetime.date(2024, 12, 8)),
    ("Sun, 08 Dec 2024 10:00:00 GMT", datetime.date(2024, 12, 8)),
    ("2024-12-08T10:00:00Z", datetime.date(2024, 12, 8)),
    ("2024-12-08T23:30:00-05:00", datetime.date(2024, 12, 8)),  # the date as written
    ("2024-12-08 10:00", datetime.date(2024, 12, 8)),
    ("  2024/12/08  ", datetime.date(2024, 12, 8)),
    ("December 8, 2024 10:15 GMT", datetime.date(2024, 12, 8)),
    ("8 ديسمبر 2024", datetime.date(2024, 12, 8)),
    ("الأحد ٨ كانون الأول ٢٠٢٤", datetime.date(2024, 12, 8)),
    ("25/12/2024", datetime.date(2024, 12, 25)),
    ("12/25/2024", datetime.date(2024, 12, 25)),
    ("05.05.2024", datetime.date(2024, 5, 5)),
    ("08/12/2024", None),          # 8 December or August 12
    ("08.12.2024", None),
    ("December 2024", None),       # no day
    ("December 8", None),          # no year
    ("2024-02-30", None),
    ("2024-13-01", None),
    ("0001-01-01", None),          # outside the accepted years
    ("December 8, 2024 and then some words", None),
    ("garbage", None),
    ("", None),
    ("   ", None),
    (None, None),
    (datetime.date(2024, 12, 8), datetime.date(2024, 12, 8)),
    (datetime.datetime(2024, 12, 8, 10, 0), datetime.date(2024, 12, 8)),
]


@pytest.mark.parametrize("value, expected", DOC_DATES, ids=[repr(v) for v, _ in DOC_DATES])
def test_parse_doc_date(value, expected):
    assert parse_doc_date(value) == expected


def test_trigger_inside_a_date_and_out_of_range():
    s = "Hama fell on December 5 and Homs on December 7."
    assert event_date(s, MON, trigger_offset=s.index("7")) == ("2024-12-07", S)
    assert event_date(s, MON, trigger_offset=-50) == ("2024-12-05", S)
    assert event_date(s, MON, trigger_offset=10_000) == ("2024-12-07", S)


def test_doc_date_at_the_edges_of_the_calendar_does_not_raise():
    assert event_date("They met yesterday.", "1900-01-01") == ("1899-12-31", S)
    assert event_date("They met on December 31.", "2099-12-31") == ("2099-12-31", S)
    assert event_date("They met next Monday.", "2099-12-31")[1] == S


_VOCAB = (
    "on in at late early mid- last next the of and , . ; / - ( ) 7 8 30 2024 12 31 0 99 1970 "
    "December Dec. November May March Sunday Saturday Monday today yesterday tonight ago earlier before "
    "days day weeks two three a month this "
    "يوم الأحد السبت الاثنين أمس اليوم قبل منذ يومين أيام في أوائل ديسمبر كانون الأول تشرين الثاني "
    "الماضي المقبل ٨ ٢٠٢٤ / الموافق عشر"
).split()


def test_fuzz_never_raises():
    rng = random.Random(20241208)
    alphabet = "abcxyz ABC 0123456789 ./-,:;()'\"\n\t ٠١٢٣٤٥٦٧٨٩ ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآ ًٌٍ"
    docs = ["", MON, "garbage", "1900-01-01", "2099-12-31", "08/12/2024", "Dec. 8, 2024"]
    for _ in range(1500):
        if rng.random() < 0.5:
            s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        else:
            s = " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(0, 14)))
        offset = rng.choice([None, rng.randint(-5, len(s) + 5)])
        iso, how = event_date(s, rng.choice(docs), trigger_offset=offset)
        assert how in ("sentence", "document", "")
        assert bool(iso) == bool(how)
        if iso:
            assert len(iso) in (7, 10) and iso[4] == "-"
        parse_doc_date(s)


def test_fast_path_knows_every_relative_phrase():
    from graphx.extract import dates
    from graphx.extract.date_words import load_date_words

    en, ar = load_date_words().en, load_date_words().ar
    for phrase in list(en["relative_days"]) + list(en["relative_months"]):
        assert dates._has_cue(phrase), phrase
    for phrase in list(ar["relative_days"]) + list(ar["relative_months"]) + list(ar["months"]):
        assert dates._has_cue(dates._fold(phrase)), phrase
