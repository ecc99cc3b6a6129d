"""Tests for interfax.dates: table-driven forms, DST rules, garbage, fallback, properties."""

import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import dateparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interfax import dates
from interfax.dates import KYIV, normalize, normalize_with_source, parse

UTC = timezone.utc
ROOT = Path(__file__).resolve().parents[1]

#: a fixed "now": Friday 11 April 2025, 22:00 Kyiv (summer time, +03:00)

@pytest.fixture(autouse=True)
def _fresh_parse_cache():
    """Each test sees the parser itself, not results remembered from another test (dates._parse_at)."""
    dates._parse_at.cache_clear()

NOW = datetime(2025, 4, 11, 22, 0, tzinfo=KYIV)

ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")

DP_SETTINGS = {
    "TIMEZONE": "Europe/Kyiv",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
}


def dp_parse(text, now=NOW):
    return dateparser.parse(
        text,
        languages=["uk", "ru", "en"],
        settings={**DP_SETTINGS, "RELATIVE_BASE": now.astimezone(KYIV).replace(tzinfo=None)},
    )


def assert_valid_output(out):
    """None, or ISO 8601 with seconds, no microseconds, and Kyiv's offset for that instant."""
    if out is None:
        return
    assert isinstance(out, str)
    assert ISO_SHAPE.fullmatch(out), out
    dt = datetime.fromisoformat(out)
    assert dt.tzinfo is not None and dt.utcoffset() is not None
    assert dt.microsecond == 0
    assert dt.utcoffset() == dt.astimezone(KYIV).utcoffset(), out


# ----------------------------------------------------------------------------- tables

SITE_FORMS = [
    ("21:32 11.04.2025", "2025-04-11T21:32:00+03:00"),
    ("21:32, 11.04.2025", "2025-04-11T21:32:00+03:00"),
    ("11.04.2025 21:32", "2025-04-11T21:32:00+03:00"),
    # listing: the time span and the date span joined, with markup whitespace
    ("\n   21:32\n      \n   11.04.2025\n  ", "2025-04-11T21:32:00+03:00"),
    ("21:32\t11.04.2025", "2025-04-11T21:32:00+03:00"),
    ("21:32\xa011.04.2025", "2025-04-11T21:32:00+03:00"),
    ("09:05 03.01.2025", "2025-01-03T09:05:00+02:00"),
    ("9:05 03.01.2025", "2025-01-03T09:05:00+02:00"),
    ("00:00 01.01.2026", "2026-01-01T00:00:00+02:00"),
]

ISO_FORMS = [
    ("2025-04-11T18:32:00Z", "2025-04-11T21:32:00+03:00"),
    ("2025-04-11T21:32:00+03:00", "2025-04-11T21:32:00+03:00"),
    ("2025-04-11T21:32:00.123+0300", "2025-04-11T21:32:00+03:00"),
    ("2025-04-11 21:32:00", "2025-04-11T21:32:00+03:00"),
    ("2025-04-11T21:32:00", "2025-04-11T21:32:00+03:00"),
    ("2025-04-11T21:32", "2025-04-11T21:32:00+03:00"),
    ("2025-04-11", "2025-04-11T00:00:00+03:00"),
    ("2025-01-15T10:00:00+00:00", "2025-01-15T12:00:00+02:00"),
    ("2025-01-15T10:00:00 UTC", "2025-01-15T12:00:00+02:00"),
    ("2025-04-11T21:32:00-04:00", "2025-04-12T04:32:00+03:00"),
    ("2025-04-11T18:32:00.999999Z", "2025-04-11T21:32:00+03:00"),  # truncated, not rounded
    ("2025-04-11t18:32:00z", "2025-04-11T21:32:00+03:00"),
]

UK_FORMS = [
    ("11 квітня 2025, 21:32", "2025-04-11T21:32:00+03:00"),
    ("14:08 4 квітня 2025 р.", "2025-04-04T14:08:00+03:00"),
    ("20 червня 2024 – 10:06", "2024-06-20T10:06:00+03:00"),
    ("05.05.2023 в 13:42", "2023-05-05T13:42:00+03:00"),
    ("19:21 - 13.12.2025", "2025-12-13T19:21:00+02:00"),
    ("21:12 / 26.10.2025", "2025-10-26T21:12:00+02:00"),
    ("Четвер, 27 березня 2025, 16:12", "2025-03-27T16:12:00+02:00"),
    ("11 КВІТНЯ 2025", "2025-04-11T00:00:00+03:00"),
    ("11 Квітня 2025", "2025-04-11T00:00:00+03:00"),
    ("13 лютий 2026, 0:23", "2026-02-13T00:23:00+02:00"),
    ("1 січень 2025 9:07", "2025-01-01T09:07:00+02:00"),
    ("11 квітня 2025\n21:32", "2025-04-11T21:32:00+03:00"),
    ("21:32\n11 квітня 2025", "2025-04-11T21:32:00+03:00"),
    ("11 квітня 2025 року о 21:32", "2025-04-11T21:32:00+03:00"),
    ("П'ятниця, 11 квітня 2025", "2025-04-11T00:00:00+03:00"),
    ("п’ятниця, 11 квітня 2025, 21:32", "2025-04-11T21:32:00+03:00"),
    ("11 квiтня 2025", "2025-04-11T00:00:00+03:00"),  # Latin i
    ("Опубліковано: 11.04.2025 21:32", "2025-04-11T21:32:00+03:00"),
    ("11.04.2025", "2025-04-11T00:00:00+03:00"),
    ("11/04/2025", "2025-04-11T00:00:00+03:00"),
    ("11.04.25", "2025-04-11T00:00:00+03:00"),
    ("11.04.2025, 21:32:45", "2025-04-11T21:32:45+03:00"),
    ("3 груд. 2024 15:00", "2024-12-03T15:00:00+02:00"),
]

RU_FORMS = [
    ("5 июля 2011, 14:45", "2011-07-05T14:45:00+03:00"),
    ("5 май 2011", "2011-05-05T00:00:00+03:00"),
    ("1 мая 2024 г., 09:15", "2024-05-01T09:15:00+03:00"),
    ("11 АПРЕЛЯ 2025 года", "2025-04-11T00:00:00+03:00"),
    ("Пятница, 11 апреля 2025, 21:32", "2025-04-11T21:32:00+03:00"),
]

EN_FORMS = [
    ("April 11, 2025 21:32", "2025-04-11T21:32:00+03:00"),
    ("11 April 2025", "2025-04-11T00:00:00+03:00"),
    ("Apr 11, 2025", "2025-04-11T00:00:00+03:00"),
    ("Friday, April 11, 2025 9:32 PM", "2025-04-11T21:32:00+03:00"),
    ("1st April 2025, 12:05 am", "2025-04-01T00:05:00+03:00"),
]

#: relative to NOW = 2025-04-11 22:00 +03:00
RELATIVE_FORMS = [
    ("Сьогодні, 11:59", "2025-04-11T11:59:00+03:00"),
    ("сьогодні о 9:05", "2025-04-11T09:05:00+03:00"),
    ("вчора о 18:40", "2025-04-10T18:40:00+03:00"),
    ("Вчора, 18:40", "2025-04-10T18:40:00+03:00"),
    ("позавчора", "2025-04-09T00:00:00+03:00"),
    ("позавчора о 07:00", "2025-04-09T07:00:00+03:00"),
    ("вчора", "2025-04-10T00:00:00+03:00"),
    ("40 хвилин тому", "2025-04-11T21:20:00+03:00"),
    ("2 год тому", "2025-04-11T20:00:00+03:00"),
    ("2 години тому", "2025-04-11T20:00:00+03:00"),
    ("годину тому", "2025-04-11T21:00:00+03:00"),
    ("30 секунд тому", "2025-04-11T21:59:30+03:00"),
    ("3 дні тому", "2025-04-08T22:00:00+03:00"),
    ("2 тижні тому", "2025-03-28T22:00:00+02:00"),  # calendar days, same wall-clock time
    ("щойно", "2025-04-11T22:00:00+03:00"),
    ("Щойно", "2025-04-11T22:00:00+03:00"),
    ("тільки що", "2025-04-11T22:00:00+03:00"),
    ("Сегодня, 10:00", "2025-04-11T10:00:00+03:00"),
    ("вчера в 18:40", "2025-04-10T18:40:00+03:00"),
    ("5 минут назад", "2025-04-11T21:55:00+03:00"),
    ("только что", "2025-04-11T22:00:00+03:00"),
    ("yesterday at 18:40", "2025-04-10T18:40:00+03:00"),
    ("an hour ago", "2025-04-11T21:00:00+03:00"),
    ("just now", "2025-04-11T22:00:00+03:00"),
    # a time without a date: today
    ("21:32", "2025-04-11T21:32:00+03:00"),
]

#: missing year, relative to NOW = 2025-04-11 22:00 +03:00
MISSING_YEAR = [
    ("11 квітня", "2025-04-11T00:00:00+03:00"),
    ("11 квітня, 21:32", "2025-04-11T21:32:00+03:00"),
    ("21:32 11.04", "2025-04-11T21:32:00+03:00"),
    ("11.04", "2025-04-11T00:00:00+03:00"),
    ("12 квітня", "2024-04-12T00:00:00+03:00"),  # 2 hours ahead, past the clock margin: last year
    ("13 квітня, 10:00", "2024-04-13T10:00:00+03:00"),  # 1.5 days ahead: last year
    ("14 квітня", "2024-04-14T00:00:00+03:00"),
    ("23:30 11.04", "2024-04-11T23:30:00+03:00"),  # 1.5 hours ahead, past the clock margin: last year
    ("22:10 11.04", "2025-04-11T22:10:00+03:00"),  # within the clock margin (an hour): this year
    ("22:45 11.04", "2025-04-11T22:45:00+03:00"),  # as "22:45 11.04.2025" is a publication date, not a future one
    ("20 грудня 21:32", "2024-12-20T21:32:00+02:00"),
    ("April 11", "2025-04-11T00:00:00+03:00"),
    ("5 июля", "2024-07-05T00:00:00+03:00"),
    ("29 лютого", "2024-02-29T00:00:00+02:00"),  # latest leap year
]

DST = [
    # spring: 30.03.2025, 03:00 +02:00 -> 04:00 +03:00
    ("02:45 30.03.2025", "2025-03-30T02:45:00+02:00"),
    ("02:59 30.03.2025", "2025-03-30T02:59:00+02:00"),
    ("04:10 30.03.2025", "2025-03-30T04:10:00+03:00"),
    ("04:00 30.03.2025", "2025-03-30T04:00:00+03:00"),
    # the gap: nonexistent local time, read at +02:00 and normalised -> one hour later
    ("03:30 30.03.2025", "2025-03-30T04:30:00+03:00"),
    ("03:00 30.03.2025", "2025-03-30T04:00:00+03:00"),
    ("2025-03-30T03:30:00", "2025-03-30T04:30:00+03:00"),
    ("2025-03-30T01:30:00Z", "2025-03-30T04:30:00+03:00"),
    ("2025-03-30T00:59:00Z", "2025-03-30T02:59:00+02:00"),
    # autumn: 26.10.2025, 04:00 +03:00 -> 03:00 +02:00
    ("02:59 26.10.2025", "2025-10-26T02:59:00+03:00"),
    # the overlap: ambiguous local time -> the first (summer) occurrence, fold=0
    ("03:30 26.10.2025", "2025-10-26T03:30:00+03:00"),
    ("03:00 26.10.2025", "2025-10-26T03:00:00+03:00"),
    ("2025-10-26 03:30:00", "2025-10-26T03:30:00+03:00"),
    ("04:00 26.10.2025", "2025-10-26T04:00:00+02:00"),
    ("21:12 26.10.2025", "2025-10-26T21:12:00+02:00"),
    # input with an offset is converted, not relabelled: both occurrences are reachable
    ("2025-10-26T00:30:00Z", "2025-10-26T03:30:00+03:00"),
    ("2025-10-26T01:30:00Z", "2025-10-26T03:30:00+02:00"),
    ("2025-10-26T03:30:00+02:00", "2025-10-26T03:30:00+02:00"),
    # other years
    ("03:30 31.03.2024", "2024-03-31T04:30:00+03:00"),
    ("03:30 27.10.2024", "2024-10-27T03:30:00+03:00"),
    ("12:00 15.07.2020", "2020-07-15T12:00:00+03:00"),
    ("12:00 15.01.2020", "2020-01-15T12:00:00+02:00"),
]

GARBAGE = [
    "", "   ", "\n\t", "hello", "щось незрозуміле", "квітня", "Четвер",
    "99.99.9999", "13/13/2025", "32.01.2025", "31.02.2025", "31.04.2025", "29.02.2025",
    "11.13.2025", "00.04.2025", "11.00.2025", "21:32 32.01.2025", "25:00 11.04.2025",
    "24:00 11.04.2025", "21:60 11.04.2025", "13:32 pm 11.04.2025", "32 квітня 2025",
    "11.04.1989", "11 квітня 1812", "1 січня 0001", "0001-01-01", "11.04.2027",
    "9999-12-31T23:59:59Z", "2025-13-01T00:00:00", "2025-04-11T21:32:00+25:00",
    "11.04.99999", "11 квітня 99999", "99999-04-11", "31 лютого", "2025", "--1",
    "12345678901234567890",
    "x" * 500, "21:32 11.04.2025 " + "x" * 300, "99999999 днів тому", "9999999 тижнів тому",
    "11 квітня 2025 21:32 21:33 22:44 11.04.2025 11.04.2025",
]

NON_STR = [None, 0, 5, 3.14, b"21:32 11.04.2025", ["21:32 11.04.2025"], {"a": 1}, object(),
           datetime(2025, 4, 11, 21, 32, tzinfo=KYIV)]


# ----------------------------------------------------------------------------- table tests

@pytest.mark.parametrize(
    "text, expected",
    SITE_FORMS + ISO_FORMS + UK_FORMS + RU_FORMS + EN_FORMS + RELATIVE_FORMS + MISSING_YEAR + DST,
)
def test_forms(text, expected):
    out, source = normalize_with_source(text, now=NOW)
    assert out == expected
    assert source == "fast"
    assert normalize(text, now=NOW) == expected
    dt = parse(text, now=NOW)
    assert dt.tzinfo is KYIV
    assert dt.isoformat() == expected
    assert_valid_output(out)


ABSOLUTE = SITE_FORMS + ISO_FORMS + UK_FORMS + RU_FORMS + EN_FORMS + DST


@pytest.mark.parametrize("text, expected", ABSOLUTE)
def test_absolute_forms_with_default_now(text, expected):
    # absolute dates do not depend on now (the machine clock is after 2025)
    assert normalize(text) == expected


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_is_none(text):
    assert normalize(text, now=NOW) is None
    assert normalize_with_source(text, now=NOW) == (None, "none")
    assert parse(text, now=NOW) is None


@pytest.mark.parametrize("value", NON_STR)
def test_non_str_is_none(value):
    assert normalize(value) is None
    assert normalize(value, now=NOW) is None
    assert parse(value) is None
    assert normalize_with_source(value) == (None, "none")


def test_year_bounds_follow_now():
    assert normalize("11.04.2026", now=NOW) == "2026-04-11T00:00:00+03:00"  # now.year + 1
    assert normalize("11.04.2027", now=NOW) is None
    assert normalize("01.01.1990", now=NOW) == "1990-01-01T00:00:00+03:00"
    assert normalize("31.12.1989", now=NOW) is None
    later = datetime(2026, 6, 1, 12, 0, tzinfo=KYIV)
    assert normalize("11.04.2027", now=later) == "2027-04-11T00:00:00+03:00"


@pytest.mark.parametrize("now, text, expected", [
    # a listing read just after New Year: "31.12" is the year that just ended
    (datetime(2026, 1, 1, 0, 10, tzinfo=KYIV), "23:50 31.12", "2025-12-31T23:50:00+02:00"),
    (datetime(2026, 1, 1, 0, 10, tzinfo=KYIV), "31 грудня, 23:50", "2025-12-31T23:50:00+02:00"),
    (datetime(2026, 1, 1, 0, 10, tzinfo=KYIV), "00:05 01.01", "2026-01-01T00:05:00+02:00"),
    (datetime(2026, 1, 1, 0, 10, tzinfo=KYIV), "31.12", "2025-12-31T00:00:00+02:00"),
    # read just before New Year by a clock a few minutes behind the site's: "01.01" is the year
    # that is starting, not the one that is ending
    (datetime(2025, 12, 31, 23, 55, tzinfo=KYIV), "00:05 01.01", "2026-01-01T00:05:00+02:00"),
    (datetime(2025, 12, 31, 23, 55, tzinfo=KYIV), "1 січня, 00:05", "2026-01-01T00:05:00+02:00"),
    (datetime(2025, 12, 31, 23, 55, tzinfo=KYIV), "01.01", "2026-01-01T00:00:00+02:00"),
    (datetime(2025, 12, 31, 23, 55, tzinfo=KYIV), "23:50 31.12", "2025-12-31T23:50:00+02:00"),
    # ... but not days ahead: on 30 December, "01.01" is the January that passed
    (datetime(2025, 12, 30, 12, 0, tzinfo=KYIV), "01.01", "2025-01-01T00:00:00+02:00"),
    (datetime(2025, 12, 30, 12, 0, tzinfo=KYIV), "21:32 31.12", "2024-12-31T21:32:00+02:00"),
])
def test_a_missing_year_is_the_latest_not_in_the_future_across_new_year(now, text, expected):
    assert normalize(text, now=now) == expected
    assert normalize(text, now=now.astimezone(UTC)) == expected  # (now in any zone)


def test_relative_dates_follow_now_and_cross_dst():
    # 3 hours of elapsed time before 05:00 +03:00 on the spring-forward day
    now = datetime(2025, 3, 30, 5, 0, tzinfo=KYIV)
    assert normalize("3 год тому", now=now) == "2025-03-30T01:00:00+02:00"
    # yesterday across a year boundary
    now = datetime(2025, 1, 1, 0, 30, tzinfo=KYIV)
    assert normalize("вчора о 18:40", now=now) == "2024-12-31T18:40:00+02:00"
    # now given in another zone is converted to Kyiv first
    now_utc = datetime(2025, 4, 11, 22, 30, tzinfo=UTC)  # 01:30 on the 12th in Kyiv
    assert normalize("сьогодні о 01:10", now=now_utc) == "2025-04-12T01:10:00+03:00"
    assert normalize("вчора о 10:00", now=now_utc) == "2025-04-11T10:00:00+03:00"
    # seconds of now are kept, microseconds dropped
    now = datetime(2025, 4, 11, 22, 0, 17, 123456, tzinfo=KYIV)
    assert normalize("щойно", now=now) == "2025-04-11T22:00:17+03:00"
    assert normalize("5 хвилин тому", now=now) == "2025-04-11T21:55:17+03:00"


@pytest.mark.parametrize("text, expected", [
    # read at 00:05: a page shown before midnight (a cached copy, a listing read a minute earlier) says
    # "today" of the day that just ended; before, 11:59 of the new day, half a day after the crawl
    ("Сьогодні, 11:59", "2026-11-29T11:59:00+02:00"), ("сегодня в 23:50", "2026-11-29T23:50:00+02:00"),
    ("Today at 9:05 pm", "2026-11-29T21:05:00+02:00"), ("23:50", "2026-11-29T23:50:00+02:00"),
    # within the hour of clock margin, or no time: today
    ("Сьогодні о 00:30", "2026-11-30T00:30:00+02:00"), ("Сьогодні, 01:04", "2026-11-30T01:04:00+02:00"),
    ("Сьогодні", "2026-11-30T00:00:00+02:00"),
    ("Вчора, 23:50", "2026-11-29T23:50:00+02:00"), ("позавчора, 23:50", "2026-11-28T23:50:00+02:00"),
])
def test_today_after_midnight_is_the_day_that_just_ended_when_its_time_is_ahead(text, expected):
    now = datetime(2026, 11, 30, 0, 5, tzinfo=KYIV)
    assert normalize(text, now=now) == expected
    assert normalize(text, now=now.astimezone(ZoneInfo("Asia/Tokyo"))) == expected  # (now in any zone)
    assert dates.pick([text], now) == (expected, 0, None)  # (not a date "after the crawl")


def test_odd_now_values_do_not_raise():
    naive = datetime(2025, 4, 11, 22, 0)
    assert normalize("вчора о 18:40", now=naive) == "2025-04-10T18:40:00+03:00"  # naive = Kyiv
    assert normalize("21:32 11.04.2025", now="yesterday") == "2025-04-11T21:32:00+03:00"
    assert normalize("вчора", now=12345) is not None


def test_dst_fast_localize_window_matches_tzdata():
    """_localize skips the UTC round trip outside 25-31 March/October; check against tzdata."""
    day = datetime(1990, 1, 1)
    while day.year < 2041:
        for hour in range(0, 6):
            for minute in (0, 30):
                naive = day.replace(hour=hour, minute=minute)
                full = naive.replace(tzinfo=KYIV).astimezone(UTC).astimezone(KYIV)
                assert dates._localize(naive).isoformat() == full.isoformat(), naive
        day += timedelta(days=1)


# ----------------------------------------------------------------------------- fallback

def test_odd_input_goes_to_dateparser():
    out, source = normalize_with_source("3 місяці тому", now=NOW)
    assert source == "dateparser"
    assert out is not None and out.startswith("2025-01-11T")
    assert_valid_output(out)
    out, source = normalize_with_source("21.32 11.04.2025", now=NOW)
    assert (out, source) == ("2025-04-11T21:32:00+03:00", "dateparser")


@pytest.mark.parametrize(
    "text",
    ["hello world", "квітня", "Четвер", "Опубліковано", "x" * 300, "2025", "--1",
     "21:32 11.04.2025", "11 квітня 2025, 21:32", "2025-04-11T18:32:00Z", "вчора о 18:40"],
)
def test_dateparser_not_called(monkeypatch, text):
    calls = []
    monkeypatch.setattr(dates, "_fallback", lambda s, now: calls.append(s))
    normalize(text, now=NOW)
    assert calls == []


def test_dateparser_errors_are_swallowed(monkeypatch):
    class Broken:
        @staticmethod
        def parse(*args, **kwargs):
            raise RuntimeError("boom")

    monkeypatch.setattr(dates, "_get_dateparser", lambda: Broken)
    assert normalize_with_source("3 місяці тому", now=NOW) == (None, "none")

    class Weird:
        @staticmethod
        def parse(*args, **kwargs):
            return datetime(1700, 1, 1)

    monkeypatch.setattr(dates, "_get_dateparser", lambda: Weird)
    assert normalize_with_source("3 місяці тому", now=NOW) == (None, "none")


def test_module_imports_alone():
    code = (
        "import sys, interfax.dates as d; "
        "assert 'scrapy' not in sys.modules, 'scrapy imported'; "
        "assert 'dateparser' not in sys.modules, 'dateparser imported eagerly'; "
        "print(d.normalize('21:32 11.04.2025'))"
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "2025-04-11T21:32:00+03:00"


# ----------------------------------------------------------------------------- fast == dateparser

#: Forms where the fast path must give dateparser's instant. Left out on purpose: the autumn
#: overlap (dateparser/pytz picks the second, winter occurrence; we document fold=0, the first),
#: day words without a time (dateparser keeps now's time; we use midnight), "щойно" and a few
#: extras dateparser does not read at all (below).
NOT_READ_BY_DATEPARSER = {
    "11 квiтня 2025",  # Latin i typed for Cyrillic і
    "Опубліковано: 11.04.2025 21:32",  # a label in front
}
AGREEMENT = (
    SITE_FORMS
    + ISO_FORMS
    + [(t, e) for t, e in UK_FORMS + RU_FORMS + EN_FORMS if t not in NOT_READ_BY_DATEPARSER]
    + [
        ("02:45 30.03.2025", None),
        ("04:10 30.03.2025", None),
        ("03:30 30.03.2025", None),  # the gap: same instant both ways
        ("21:12 26.10.2025", None),
        ("Сьогодні, 11:59", None),
        ("вчора о 18:40", None),
        ("40 хвилин тому", None),
        ("2 год тому", None),
        ("5 минут назад", None),
        ("Сегодня, 10:00", None),
        ("вчера в 18:40", None),
    ]
)


@pytest.mark.parametrize("text", [t for t, _ in AGREEMENT])
def test_fast_path_agrees_with_dateparser(text):
    ours, source = dates._parse(text, NOW)
    assert source == "fast"
    theirs = dp_parse(text)
    assert theirs is not None, "dateparser could not read it"
    assert ours == theirs.replace(microsecond=0)  # aware comparison: same instant


# ----------------------------------------------------------------------------- properties

PROPS = settings(max_examples=300, deadline=None)

MONTH_NAMES = sorted(dates._MONTHS)

date_ish = st.one_of(
    st.from_regex(r"\A[0-9]{1,3}[.:/ -][0-9]{1,3}[.:/ -][0-9]{1,5}( [0-9]{1,2}:[0-9]{1,3})?\Z"),
    st.from_regex(r"\A[0-9]{1,3}:[0-9]{1,3}(,| |, | - | / )[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,6}\Z"),
    st.from_regex(
        r"\A[0-9]{3,6}-[0-9]{1,3}-[0-9]{1,3}"
        r"([Tt ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\.[0-9]{1,12})?)?"
        r"(Z|[+-][0-9]{1,2}(:?[0-9]{2})?)?)?\Z"
    ),
    st.from_regex(r"\A[0-9]{1,6} (хвилин|год|минут|днів|тижнів|hours) (тому|назад|ago)\Z"),
    st.builds(
        lambda d, m, y, t, sep: f"{d} {m} {y}{sep}{t}",
        st.integers(-5, 40),
        st.sampled_from(MONTH_NAMES).map(lambda m: m.upper() if len(m) % 2 else m),
        st.integers(0, 100000),
        st.from_regex(r"\A[0-9]{1,2}:[0-9]{2}\Z"),
        st.sampled_from([", ", " ", " о ", " – ", "\n", " р. "]),
    ),
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(["вчора о ", "сьогодні, ", "позавчора ", "щойно ", "Четвер, ", ""]),
        st.text(alphabet="0123456789:., -", max_size=20),
    ),
)


@PROPS
@given(st.text(max_size=250))
def test_never_raises_on_any_text(text):
    assert_valid_output(normalize(text, now=NOW))
    assert_valid_output(normalize(text))


@PROPS
@given(date_ish)
def test_never_raises_on_date_ish_text(text):
    out = normalize(text, now=NOW)
    assert_valid_output(out)
    if out is not None:
        assert 1990 <= datetime.fromisoformat(out).astimezone(KYIV).year <= NOW.year + 1


@PROPS
@given(st.one_of(st.none(), st.integers(), st.floats(), st.binary(), st.lists(st.text()),
                 st.datetimes()))
def test_never_raises_on_non_str(value):
    assert normalize(value, now=NOW) is None


@PROPS
@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2026, 12, 31, 23, 59)))
def test_site_form_round_trip(naive):
    naive = naive.replace(second=0, microsecond=0, fold=0)  # the text carries no fold
    expected = naive.replace(tzinfo=KYIV).astimezone(UTC).astimezone(KYIV).isoformat()
    assert normalize(naive.strftime("%H:%M %d.%m.%Y"), now=NOW) == expected
    assert normalize(naive.strftime("%d.%m.%Y %H:%M"), now=NOW) == expected
    assert normalize(naive.strftime("%Y-%m-%dT%H:%M:%S"), now=NOW) == expected


@PROPS
@given(
    st.datetimes(
        min_value=datetime(1990, 1, 1, 0, 0), max_value=datetime(2026, 12, 31, 21, 0),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)),
                                   timezone(timedelta(hours=-4)), KYIV]),
    )
)
def test_iso_with_offset_is_converted(aware):
    # through UTC: astimezone() into the same zone keeps an imaginary local time (03:00 on a spring-forward day) as it is
    expected = aware.astimezone(UTC).astimezone(KYIV).replace(microsecond=0)
    if not 1990 <= expected.year <= NOW.year + 1:
        return
    out = normalize(aware.isoformat(), now=NOW)
    assert out == expected.isoformat()
    # same instant (compared in UTC: Python calls two aware times unequal when one is in a repeated hour)
    assert datetime.fromisoformat(out).astimezone(UTC) == aware.replace(microsecond=0).astimezone(UTC)


@PROPS
@given(
    st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2025, 12, 31),
                 timezones=st.just(KYIV)),
    st.integers(0, 10_000),
)
def test_minutes_ago_is_elapsed_time(now, minutes):
    out = normalize(f"{minutes} хвилин тому", now=now)
    assert_valid_output(out)
    # compare instants: elapsed time, independent of DST (also when now is an imaginary time)
    expected = (now.astimezone(UTC) - timedelta(minutes=minutes)).replace(microsecond=0)
    assert datetime.fromisoformat(out) == expected


# ---------------------------------------------------------------- pick: which candidate is the instant


@pytest.mark.parametrize("candidates, want", [
    # the first that parses wins
    (["garbage", "2025-04-11T18:32:00Z"], ("2025-04-11T21:32:00+03:00", 1, None)),
    (["2025-04-11T21:32:00+03:00", "21:30 11.04.2025"], ("2025-04-11T21:32:00+03:00", 0, "disagree")),
    # only a day in JSON-LD: the header's time on that day
    (["2025-04-09", "16:47 09.04.2025"], ("2025-04-09T16:47:00+03:00", 1, "time_from_later")),
    (["2025-04-09", "16:47 10.04.2025"], ("2025-04-09T00:00:00+03:00", 0, None)),
    # no offset, and the header shows that wall-clock time in Kyiv two (winter) hours later: it was UTC
    (["2025-03-28T07:00:00", "09:00 28.03.2025"], ("2025-03-28T09:00:00+02:00", 1, "naive_utc")),
    (["2024-07-28T07:00:00", "10:00 28.07.2024"], ("2024-07-28T10:00:00+03:00", 1, "naive_utc")),
    # no offset, the header agrees: nothing to say; disagrees otherwise: kept, flagged
    (["2025-03-28T09:00:00", "09:00 28.03.2025"], ("2025-03-28T09:00:00+02:00", 0, None)),
    (["2025-03-28T07:00:00", "12:30 28.03.2025"], ("2025-03-28T07:00:00+02:00", 0, "disagree")),
    ([], (None, -1, None)),
    # more than an hour after now (the crawl): no publication date; the next candidate that is not
    (["2025-04-14T10:00:00+03:00", "21:32 11.04.2025"], ("2025-04-11T21:32:00+03:00", 1, "future_skipped")),
    (["2099-04-11T21:32:00+03:00", "2025-04-12T21:32:00+03:00", "21:32 11.04.2025"], ("2025-04-11T21:32:00+03:00", 2, "future_skipped")),
    (["2025-04-11T22:45:00+03:00", "21:32 11.04.2025"], ("2025-04-11T22:45:00+03:00", 0, "disagree")),  # within the hour (not the header's)
    (["22:45 11.04"], ("2025-04-11T22:45:00+03:00", 0, None)),  # the same shown without its year: not a year ago
    # every one in the future: the first stands, flagged
    (["2025-04-14T10:00:00+03:00", "10:00 14.04.2025"], ("2025-04-14T10:00:00+03:00", 0, "future")),
    # a naive UTC time in the autumn's repeated hour: the UTC reading names which of the two 03:30 the header means
    (["2024-10-27T01:30:00", "03:30 27.10.2024"], ("2024-10-27T03:30:00+02:00", 1, "naive_utc")),
    (["2024-10-27T00:30:00", "03:30 27.10.2024"], ("2024-10-27T03:30:00+03:00", 1, "naive_utc")),
    # no offset, seconds the header does not show: the same minute, no disagreement
    (["2025-04-11T21:32:45", "21:32 11.04.2025"], ("2025-04-11T21:32:45+03:00", 0, None)),
])
def test_pick(candidates, want):
    assert dates.pick(candidates, NOW) == want


@pytest.mark.parametrize("candidates, want", [
    # Kyiv time written with a "Z" (or +00:00): the header shows that wall-clock time; 3 hours late before,
    # and on the next day past 21:00
    (["2025-04-11T21:32:00Z", "21:32 11.04.2025"], ("2025-04-11T21:32:00+03:00", 1, "wrong_offset")),
    (["2025-04-11T00:30:00+00:00", "00:30 11.04.2025"], ("2025-04-11T00:30:00+03:00", 1, "wrong_offset")),
    (["2025-04-10T23:10:00Z", "23:10 10.04.2025"], ("2025-04-10T23:10:00+03:00", 1, "wrong_offset")),
    # meta with the right offset between them: the header decides, whatever the meta says
    (["2025-04-11T21:32:00Z", "2025-04-11T21:32:00+03:00", "21:32 11.04.2025"], ("2025-04-11T21:32:00+03:00", 2, "wrong_offset")),
    # the other season's offset (a CMS with a fixed +02:00, or the crawl's season's)
    (["2024-07-11T21:32:00+02:00", "21:32 11.07.2024"], ("2024-07-11T21:32:00+03:00", 1, "wrong_offset")),
    (["2025-01-11T21:32:00+03:00", "21:32 11.01.2025"], ("2025-01-11T21:32:00+02:00", 1, "wrong_offset")),
    # right as written: UTC that the header shows in Kyiv time, or a Kyiv offset, stays
    (["2025-04-11T18:32:00Z", "21:32 11.04.2025"], ("2025-04-11T21:32:00+03:00", 0, None)),
    (["2025-04-11T21:32:00+03:00", "21:32 11.04.2025"], ("2025-04-11T21:32:00+03:00", 0, None)),
    (["2025-04-11T21:32:00+03:00", "11 квітня 2025, 21:32"], ("2025-04-11T21:32:00+03:00", 0, None)),
    (["2025-04-11T18:32:00Z", "2025-04-11T18:32:00+03:00"], ("2025-04-11T21:32:00+03:00", 0, None)),  # (only a time shown without an offset tells)
    # the autumn's repeated hour: either offset is Kyiv's, the header cannot tell them apart
    (["2024-10-27T03:30:00+02:00", "03:30 27.10.2024"], ("2024-10-27T03:30:00+02:00", 0, None)),
    (["2024-10-27T01:30:00Z", "03:30 27.10.2024"], ("2024-10-27T03:30:00+02:00", 0, None)),
    (["2024-10-27T00:30:00Z", "03:30 27.10.2024"], ("2024-10-27T03:30:00+03:00", 0, None)),
])
def test_pick_reads_kyiv_time_under_a_wrong_offset_as_the_header_shows_it(candidates, want):
    assert dates.pick(candidates, NOW) == want


@pytest.mark.parametrize("candidates", [
    # a Kyiv offset, hours off what the header shows (which the site notes say is always Kyiv time)
    ["2025-04-11T21:32:00+03:00", "18:32 11.04.2025"],
    # the same minute on another day
    ["2025-04-11T21:32:00+03:00", "21:32 10.04.2025"],
    ["2025-04-11T21:32:00+03:00", "10 квітня 2025, 21:32"],
    # UTC that is neither the header's time in Kyiv nor its wall-clock time as written
    ["2025-04-11T15:00:00Z", "21:32 11.04.2025"],
    # meta with an offset between them: the header still tells
    ["2025-04-11T21:32:00+03:00", "2025-04-11T21:32:00+03:00", "20:32 11.04.2025"],
])
def test_pick_keeps_a_structured_time_the_header_contradicts_and_says_so(candidates):
    # before, a JSON-LD or meta time with an offset won silently, whatever the page showed
    value, index, note = dates.pick(candidates, NOW)
    assert (value, index, note) == (dates.normalize(candidates[0], NOW), 0, "disagree")


def test_pick_reads_a_wrong_offset_as_kyiv_time_when_told():
    assert dates.pick(["2025-04-10T22:00:00Z"], NOW, offset_is_local=True) == ("2025-04-10T22:00:00+03:00", 0, "wrong_offset")
    assert dates.pick(["2025-04-10T22:00:00+03:00"], NOW, offset_is_local=True) == ("2025-04-10T22:00:00+03:00", 0, None)
    assert dates.pick(["22:00 10.04.2025"], NOW, offset_is_local=True) == ("2025-04-10T22:00:00+03:00", 0, None)


@pytest.mark.parametrize("text, note", [
    ("03:30 26.10.2025", "ambiguous"), ("2025-10-26T03:00:00", "ambiguous"), ("26 жовтня 2025, 03:59", "ambiguous"),
    ("30.10.11 03:30", "ambiguous"),  # (2011: tzdata has the October switch; the law that cancelled it was repealed)
    ("02:30 24.09.1995", "ambiguous"),  # (1991-1995: the switch back was in September, at 03:00)
    ("03:30 30.03.2025", "nonexistent"), ("2025-03-30T03:00:00", "nonexistent"),
    ("04:30 30.03.2025", None), ("02:59 26.10.2025", None), ("04:00 26.10.2025", None), ("21:32 11.04.2025", None),
    ("2025-10-26T03:30:00+02:00", None), ("2025-10-26T00:30:00Z", None), ("не дата", None), (None, None),
])
def test_dst_note_names_a_time_the_switch_repeats_or_skips(text, note):
    assert dates.dst_note(text, NOW) == note


@pytest.mark.parametrize("value, iso", [
    (1744396320, "2025-04-11T18:32:00+00:00"), (1744396320000, "2025-04-11T18:32:00+00:00"),
    ("1744396320", "2025-04-11T18:32:00+00:00"), ("1744396320000", "2025-04-11T18:32:00+00:00"),
    (1744396320.75, "2025-04-11T18:32:00+00:00"), (0, "1970-01-01T00:00:00+00:00"),
    (True, None), ("", None), ("2025", None), ("17443963200", None), ("١٧٤٤٣٩٦٣٢٠", None), (float("nan"), None),
    (10 ** 30, None), (None, None), ([1744396320], None),
])
def test_from_timestamp(value, iso):
    assert dates.from_timestamp(value) == iso


def test_pick_reads_naive_times_as_utc_when_told():
    assert dates.pick(["2025-03-28T07:05:00"], NOW, naive_is_utc=True) == ("2025-03-28T09:05:00+02:00", 0, "naive_utc")
    assert dates.pick(["2025-03-28T07:05:00+02:00"], NOW, naive_is_utc=True) == ("2025-03-28T07:05:00+02:00", 0, None)


@pytest.mark.parametrize("text, year", [
    ("1970-01-01T00:00:00+00:00", 1970), ("01.01.1970", 1970), ("2099-12-31", 2099), ("0001-01-01T00:00:00Z", 1),
    ("9999-12-31T23:59:59-05:00", 9999),  # (no overflow across the offset)
    ("2025-04-11T21:32:00+03:00", None), ("31.02.1970", None), ("не дата", None), (None, None),
])
def test_implausible_year_names_a_well_formed_date_refused_for_its_year(text, year):
    now = datetime(2026, 11, 29, 10, 0, tzinfo=dates.KYIV)
    assert dates.implausible_year(text, now) == year
    if year is not None:
        assert dates.normalize(text, now) is None
