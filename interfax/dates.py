"""Normalise the date strings found on Interfax-Ukraine (and similar Ukrainian news) pages.

Public API
----------
``KYIV``
    ``zoneinfo.ZoneInfo("Europe/Kyiv")``.
``parse(text, now=None) -> datetime | None``
    An aware datetime in ``KYIV`` with whole seconds (microseconds dropped), or None.
``normalize(text, now=None) -> str | None``
    ``parse(...).isoformat()``: ISO 8601 with seconds and the Kyiv offset, e.g.
    ``"2025-04-11T21:32:00+03:00"``; None when the text holds no (acceptable) date.
``normalize_with_source(text, now=None) -> (str | None, str)``
    The same plus where the answer came from: ``"fast"`` (regexes + month table,
    ``datetime.fromisoformat``), ``"dateparser"`` (the fallback) or ``"none"`` (no result).

None of these raise, whatever ``text`` is: non-``str`` input (None, int, bytes, a datetime...),
empty or garbage text all give None.

What is read
------------
* The site's forms ``21:32 11.04.2025``, ``21:32, 11.04.2025``, ``11.04.2025 21:32`` (any
  whitespace/newlines between the parts), and ISO 8601 from JSON-LD/meta
  (``2025-04-11T18:32:00Z``, ``...+03:00``, ``...123+0300``, ``2025-04-11 21:32:00``).
* Date and time in either order with separators/prepositions (``,`` ``-`` ``–`` ``/`` ``|``
  ``в`` ``о`` ``at`` ...), a leading weekday or label ("Опубліковано:"), a trailing
  ``р.``/``року``/``г.``; numeric dates ``DD.MM.YYYY`` (also ``/`` or ``-``), ``DD.MM.YY``
  (20YY), ``YYYY-MM-DD``; Ukrainian, Russian and English month names in any case, genitive,
  nominative or abbreviated (``11 квітня 2025``, ``13 лютий 2026``, ``5 июля 2011``,
  ``April 11, 2025``, ``11 April 2025``); one-digit hours; ``am``/``pm``.
* Relative forms against ``now``: ``сьогодні``/``вчора``/``позавчора`` (and Russian/English),
  optionally with a time (without one: midnight of that day); ``40 хвилин тому``, ``2 год тому``,
  ``5 минут назад``, ``an hour ago`` (seconds, minutes and hours are subtracted as elapsed time,
  days and weeks as calendar days at the same wall-clock time); ``щойно``/``тільки що``/
  ``только что``/``just now`` (= ``now``). Months and years ago go to dateparser.
* Anything else that has a digit or a relative word (and is at most 200 characters) is handed
  to ``dateparser`` (languages uk, ru, en; DMY; past preferred), guarded by try/except.

Rules
-----
* ``now`` is an aware datetime (default: the current time); a naive ``now`` is taken as Kyiv
  local time, anything that is not a datetime is ignored (the current time is used).
* Input with an offset or ``Z``/``UTC`` is converted to Kyiv time (same instant), not relabelled.
  Input without an offset is Kyiv local time.
* Date without a time (``11.04.2025``, ``вчора``): midnight Kyiv time. A time without a date
  (``21:32``): today (Kyiv date of ``now``). Today's time (``сьогодні, 11:59``, ``21:32``) more than
  ``FUTURE_MAX`` after ``now`` is yesterday's: a page shown before midnight and read after it.
* Missing year (``11 квітня``, ``21:32 11.04``): the latest year that does not put the moment
  more than ``FUTURE_MAX`` (an hour, the limit a publication date has) after ``now``: across New Year,
  ``23:50 31.12`` read on 1 January is the previous year and ``00:05 01.01`` read at 23:55 on
  31 December the next (``29 лютого``: the latest leap year that is not in the future). A bare
  ``DD.MM`` is read as a date, not as a time.
* DST. Europe/Kyiv is +02:00 in winter and +03:00 from 03:00 on the last Sunday of March to
  04:00 on the last Sunday of October. Local times are resolved with ``zoneinfo``'s ``fold=0``
  semantics, then normalised to a real instant:

  - a time that occurs twice (autumn overlap, 03:00-03:59 on the last Sunday of October) is the
    FIRST occurrence, summer time: ``03:30 26.10.2025`` -> ``2025-10-26T03:30:00+03:00``;
  - a time that does not exist (spring gap, 03:00-03:59 on the last Sunday of March) is read
    with the pre-transition offset (+02:00) and normalised, i.e. shifted forward by the hour:
    ``03:30 30.03.2025`` -> ``2025-03-30T04:30:00+03:00``.

  (dateparser, which uses pytz, would pick the second, winter occurrence in the overlap; the
  fast path reads all such numeric forms, so the rule above is what callers get.) Either reading is
  a guess: ``dst_note`` names the texts it was made for, for the caller to count.
* Impossible or implausible values are garbage and give None: month 13, day 32, 31.02, hour 25
  (or 24), minute 60, offsets out of range, a year before 1990 or after ``now.year + 1``
  (this also applies to dateparser's answers and to relative dates). A lone number (``2025``,
  ``--1``), text without a digit or a relative word, and text over 200 characters (after
  collapsing whitespace) never reach dateparser and give None.

This module does not import Scrapy; dateparser is imported lazily, on the first fallback.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

__all__ = ["KYIV", "parse", "normalize", "normalize_with_source", "from_iso", "has_time", "is_naive_iso", "pick", "pick_instant",
           "implausible_year", "dst_note", "near_switch", "from_timestamp", "MIN_YEAR", "MAX_LEN"]

KYIV = ZoneInfo("Europe/Kyiv")
UTC = timezone.utc

#: Earliest acceptable year; the latest is ``now.year + 1``.
MIN_YEAR = 1990
#: Longest text (after collapsing whitespace) that is looked at at all.
MAX_LEN = 200
#: How far after ``now`` (the crawl's clock) a page's time may be: a publication date later than that
#: is no publication date (a scheduled or mistyped one), and a date shown without its year is not
#: put there (the year before is); an hour leaves room for clocks a little off (``INTERFAX_CLOCK_SKEW_MAX``
#: warns past 10 minutes). One limit for both: a date read with its year is not dropped as a year old without it.
FUTURE_MAX = timedelta(hours=1)

DATEPARSER_LANGUAGES = ["uk", "ru", "en"]

# --------------------------------------------------------------------------- tables

_MONTHS: dict[str, int] = {}


def _add_months(month: int, *names: str) -> None:
    for name in names:
        _MONTHS[name] = month
        if "і" in name:  # Cyrillic і often typed as Latin i
            _MONTHS[name.replace("і", "i")] = month


# Ukrainian: genitive, nominative, abbreviations
_add_months(1, "січня", "січень", "січ")
_add_months(2, "лютого", "лютий", "лют")
_add_months(3, "березня", "березень", "бер")
_add_months(4, "квітня", "квітень", "квіт", "кві")
_add_months(5, "травня", "травень", "трав", "тра")
_add_months(6, "червня", "червень", "черв", "чер")
_add_months(7, "липня", "липень", "лип")
_add_months(8, "серпня", "серпень", "серп", "сер")
_add_months(9, "вересня", "вересень", "вер")
_add_months(10, "жовтня", "жовтень", "жовт", "жов")
_add_months(11, "листопада", "листопад", "лист", "лис")
_add_months(12, "грудня", "грудень", "груд", "гру")
# Russian
_add_months(1, "января", "январь", "янв")
_add_months(2, "февраля", "февраль", "февр", "фев")
_add_months(3, "марта", "март", "мар")
_add_months(4, "апреля", "апрель", "апр")
_add_months(5, "мая", "май")
_add_months(6, "июня", "июнь", "июн")
_add_months(7, "июля", "июль", "июл")
_add_months(8, "августа", "август", "авг")
_add_months(9, "сентября", "сентябрь", "сент", "сен")
_add_months(10, "октября", "октябрь", "окт")
_add_months(11, "ноября", "ноябрь", "нояб", "ноя")
_add_months(12, "декабря", "декабрь", "дек")
# English
_add_months(1, "january", "jan")
_add_months(2, "february", "feb")
_add_months(3, "march", "mar")
_add_months(4, "april", "apr")
_add_months(5, "may")
_add_months(6, "june", "jun")
_add_months(7, "july", "jul")
_add_months(8, "august", "aug")
_add_months(9, "september", "sept", "sep")
_add_months(10, "october", "oct")
_add_months(11, "november", "nov")
_add_months(12, "december", "dec")

#: day words -> days before today
_DAY_WORDS = {
    "сьогодні": 0, "сегодня": 0, "today": 0,
    "вчора": 1, "учора": 1, "вчера": 1, "yesterday": 1,
    "позавчора": 2, "позавчера": 2,
}
for _w, _n in list(_DAY_WORDS.items()):
    if "і" in _w:
        _DAY_WORDS[_w.replace("і", "i")] = _n

#: relative units -> seconds
_UNITS: dict[str, int] = {}
for _names, _secs in (
    (("секунд", "секунду", "секунди", "секунды", "сек", "second", "seconds", "sec", "secs"), 1),
    (("хвилин", "хвилину", "хвилини", "хв", "минут", "минуту", "минуты", "мин",
      "minute", "minutes", "min", "mins"), 60),
    (("годин", "годину", "години", "год", "час", "часа", "часов", "ч",
      "hour", "hours", "hr", "hrs", "h"), 3600),
    (("день", "дні", "днів", "дня", "дней", "дн", "day", "days"), 86400),
    (("тиждень", "тижні", "тижнів", "тиждні", "неделю", "недели", "недель", "неделя",
      "week", "weeks"), 7 * 86400),
):
    for _w in _names:
        _UNITS[_w] = _secs
        if "і" in _w:
            _UNITS[_w.replace("і", "i")] = _secs

_WEEKDAYS = (
    "понеділок", "вівторок", "середа", "середу", "четвер", "п'ятниця", "п'ятницю", "пятниця",
    "субота", "суботу", "неділя", "неділю", "пн", "вт", "ср", "чт", "пт", "сб", "нд",
    "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота",
    "субботу", "воскресенье", "вс",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)
#: words allowed around the date and time besides punctuation
_FILLER_WORDS = set(_WEEKDAYS) | {
    "в", "во", "о", "об", "у", "р", "року", "рік", "г", "года", "год", "at", "on", "the", "of",
    "опубліковано", "оновлено", "опубликовано", "обновлено", "published", "updated", "posted",
    "дата", "date", "публікації", "публикации",
}
_FILLER_WORDS |= {w.replace("і", "i") for w in _FILLER_WORDS}


def _alt(words) -> str:
    """A regex alternation matching exactly ``words``, factored as a trie (much faster in ``re``
    than a flat list of alternatives). Longer words are tried first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_L = "a-zа-яёіїєґ'"  # letters, for word boundaries (text is lower-cased first)

# --------------------------------------------------------------------------- regexes

#: the site's own forms, hottest path: "21:32 11.04.2025", "21:32, 11.04.2025", "11.04.2025 21:32"
#: (also "19:21 - 13.12.2025", "21:12 / 26.10.2025", "05.05.2023 в 13:42"); not lower-cased yet
_SITE_SEP = r"(?: ?[,/|\-\u2013\u2014] ?| [вВоОуУ] | )"
_SITE_TD = re.compile(
    rf"([0-9]{{1,2}}):([0-9]{{2}}){_SITE_SEP}([0-9]{{1,2}})\.([0-9]{{1,2}})\.([0-9]{{4}})"
)
_SITE_DT = re.compile(
    rf"([0-9]{{1,2}})\.([0-9]{{1,2}})\.([0-9]{{4}}){_SITE_SEP}([0-9]{{1,2}}):([0-9]{{2}})"
)

#: ISO 8601 as in JSON-LD / meta tags (matched on the lower-cased text)
_ISO = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[t ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
    r" ?(z|utc|gmt|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)

_TIME = re.compile(
    r"(?<![0-9])([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?![0-9])"
    r"(?: ?([ap])\.?m(?![a-z])\.?)?"
)

_MONTH_ALT = _alt(_MONTHS)
_DATE = re.compile(
    # 1-4: YYYY-MM-DD / YYYY.MM.DD / YYYY/MM/DD
    r"(?<![0-9])([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])"
    # 5-8: DD.MM.YYYY / DD.MM.YY (also / and -)
    r"|(?<![0-9])([0-9]{1,2})([-./])([0-9]{1,2})\6([0-9]{4}|[0-9]{2})(?![0-9])"
    # 9-11: 11 квітня [2025]
    rf"|(?<![0-9])([0-9]{{1,2}})(?:st|nd|rd|th|-?го|-?е)?\.? ?({_MONTH_ALT})(?![{_L}])\.?"
    r"(?:,? ([0-9]{4})(?![0-9]))?"
    # 12-14: April 11[, 2025]
    rf"|(?<![{_L}])({_MONTH_ALT})\.? ([0-9]{{1,2}})(?![0-9])(?:st|nd|rd|th)?"
    r"(?:,? ([0-9]{4})(?![0-9]))?"
    # 15: сьогодні / вчора / позавчора
    rf"|(?<![{_L}])({_alt(_DAY_WORDS)})(?![{_L}])"
    # 16-17: DD.MM (no year)
    r"|(?<![0-9])([0-9]{1,2})\.([0-9]{1,2})(?!\.?[0-9])"
)

#: a day, a month name and a year ("4 квітня 2017", "5 июля 2011", "13 лютий 2026"), to find such a date in a page's texts
DAY_MONTH_YEAR_RE = re.compile(
    rf"(?<![0-9])[0-9]{{1,2}}\.? ?(?:{_MONTH_ALT})(?![{_L}])\.?,? [0-9]{{4}}(?![0-9])", re.I
)

#: what makes a short text a date rather than a bare time or duration ("15:00", "10 хв"): a year, a
#: day and month beside a time ("21:32 31.12"; with a two-digit year: "30.10.11 03:30", "03:30 30.10.11"),
#: a month name, a day word or a relative "... тому"
DATE_HINT_RE = re.compile(
    r"[0-9]{4}|[0-9]:[0-9]{2}\W{0,3}[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{2})?(?![0-9]|\.[0-9])"
    r"|(?<![0-9.])[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{2})?\W{0,3}(?:[воу]\W{1,2})?[0-9]{1,2}:[0-9]"
    rf"|(?<![{_L}])(?:{_MONTH_ALT}|{_alt(_DAY_WORDS)})(?![{_L}])|(?<![{_L}])(?:тому|назад|ago)(?![{_L}])", re.I
)

_FILLER = re.compile(
    r"(?:[\s,.;:/|()\[\]<>\-\u2012\u2013\u2014\u2015\u2212\u2022\u00b7\u00ab\u00bb\"!?*~]"
    rf"|(?<![{_L}])(?:{_alt(_FILLER_WORDS)})(?![{_L}]))*"
)

_AGO = re.compile(
    rf"(?:([0-9]{{1,7}})|an?|одну|одна|один) ?({_alt(_UNITS)})\.? (?:тому|назад|ago)"
    rf"|({_alt(_UNITS)})\.? (?:тому|назад|ago)"
)
#: a day word and a time as headers and list items show them ("Вчора, 18:40", "Сьогодні о 11:59",
#: "Yesterday at 9:05"), in any case: for finding them in page texts (``cleaning.is_dateline``)
DAY_WORD_TIME = rf"(?:{_alt(_DAY_WORDS)})\s*,?\s*(?:о|об|в|у|at)?\s*\d{{1,2}}:\d{{2}}"
DAY_WORD_TIME_RE = re.compile(rf"{DAY_WORD_TIME}(?!\d)", re.I)
#: the first letters of the day words, both cases (a cheap test before those patterns)
DAY_WORD_FIRST = frozenset(c for w in _DAY_WORDS for c in (w[0], w[0].upper()))

#: "сьогодні, 11:59", "вчора о 18:40" (the generic path reads them too, slower)
_DAYWORD_TIME = re.compile(
    rf"({_alt(_DAY_WORDS)})(?:,| о| об| в| у| at)? ([0-9]{{1,2}}):([0-9]{{2}})"
)
_JUST_NOW = frozenset({
    "щойно", "тільки що", "тільки-що", "тiльки що", "только что", "только-что", "just now",
})

#: without a digit, only these justify asking dateparser
_RELATIVE_HINT = re.compile(
    r"тому|назад|ago|вчора|вчера|сьогодн|сегодня|позавч|today|yesterday|tomorrow|завтра|"
    r"щойно|тільки|только|just now|минул|прошл|last|this|цього|этого|тижн|тижд|недел|week|"
    r"місяц|месяц|month|рік|року|год|year|хвилин|минут|minute|годин|час|hour|секунд|second|"
    r"день|дня|днів|дней|day"
)
_DIGIT = re.compile(r"[0-9]")
_NUMBERS = re.compile(r"[0-9]+")
_LETTER = re.compile(r"[^\W\d_]")

_TRANS = str.maketrans({
    "\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'", "\u2032": "'",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\xad": None,
})

_ODD_CHARS = re.compile("[\u2019\u02bc\u2018`\u2032\u200b\u200c\u200d\u2060\ufeff\xad]")

_INVALID = object()  # the text has a date shape but impossible values


# --------------------------------------------------------------------------- helpers

def _resolve_now(now) -> datetime:
    if isinstance(now, datetime):
        if now.tzinfo is None or now.utcoffset() is None:
            return _localize(now.replace(tzinfo=None))
        if now.tzinfo is not KYIV:
            return now.astimezone(KYIV)
        # a Kyiv wall time in the spring gap must become a real instant too (see _localize)
        if now.day >= 25 and now.month in (3, 10):
            return now.astimezone(UTC).astimezone(KYIV)
        return now
    return datetime.now(KYIV)


def _localize(naive: datetime) -> datetime:
    """Kyiv wall time -> aware, fold=0 semantics, normalised to a real instant (see docstring)."""
    aware = naive.replace(tzinfo=KYIV)
    # Only a nonexistent (spring-gap) time changes in the UTC round trip (fold=0 already picks the
    # first occurrence of an ambiguous one). Since 1990 every Kyiv gap falls on 25-31 March, so the
    # round trip is skipped elsewhere (tests/test_dates.py checks this against tzdata).
    if naive.day >= 25 and naive.month in (3, 10):
        aware = aware.astimezone(UTC).astimezone(KYIV)
    return aware


def _finish(dt: datetime, now_k: datetime):
    if dt.tzinfo is None:
        dt = _localize(dt)
    elif dt.tzinfo is not KYIV:
        dt = dt.astimezone(KYIV)
    if dt.year < MIN_YEAR or dt.year > now_k.year + 1:
        return None
    if dt.microsecond:
        dt = dt.replace(microsecond=0)
    return dt


def _guess_year(month: int, day: int, hh: int, mm: int, ss: int, now_k: datetime):
    """Missing year: the latest year that does not put the moment in the future of now (beyond
    ``FUTURE_MAX``): "23:50 31.12" read on 1 January is the year that just ended, "00:05 01.01"
    read at 23:55 on 31 December (the site's clock a little ahead) the year that is starting.

    (For 29 February the latest leap year that is not in the future.)"""
    limit = now_k + FUTURE_MAX
    for year in range(now_k.year + 1, now_k.year - 8, -1):
        try:
            cand = _localize(datetime(year, month, day, hh, mm, ss))
        except ValueError:
            if month == 2 and day == 29:
                continue
            raise
        if cand <= limit:
            return cand
    return _INVALID


def _days_back(days: int, hh: int, mm: int, ss: int, now_k: datetime) -> datetime:
    """The wall-clock time ``days`` days before ``now``'s Kyiv date. Today's time more than ``FUTURE_MAX``
    after ``now`` is yesterday's: "Сьогодні, 11:59" read at 00:05 is a page shown before midnight (a
    cached copy, a listing read a minute earlier), whose today was yesterday."""
    d = now_k.date() - timedelta(days=days)
    naive = datetime(d.year, d.month, d.day, hh, mm, ss)
    if days == 0 and hh >= now_k.hour and _localize(naive) > now_k + FUTURE_MAX:
        naive -= timedelta(days=1)
    return naive


def _clean(text: str) -> str:
    if _ODD_CHARS.search(text):
        text = text.translate(_TRANS)
    return " ".join(text.split())


# --------------------------------------------------------------------------- fast path

def _fast(s: str, now_k: datetime):
    """Return an aware/naive datetime, ``_INVALID`` or None (shape not recognised)."""
    m = _SITE_TD.fullmatch(s)
    if m:
        hh, mi, d, mo, y = m.groups()
        return datetime(int(y), int(mo), int(d), int(hh), int(mi))
    m = _SITE_DT.fullmatch(s)
    if m:
        d, mo, y, hh, mi = m.groups()
        return datetime(int(y), int(mo), int(d), int(hh), int(mi))

    low = s.lower()
    m = _ISO.fullmatch(low)
    if m:
        return _from_iso(m)

    if low in _JUST_NOW:
        return now_k
    m = _AGO.fullmatch(low)
    if m:
        num, unit, unit2 = m.groups()
        n = int(num) if num else 1
        secs = _UNITS[unit or unit2] * n
        if secs % 86400 == 0:  # days, weeks: calendar arithmetic, same wall-clock time
            return now_k.replace(tzinfo=None) - timedelta(seconds=secs)
        return (now_k.astimezone(UTC) - timedelta(seconds=secs)).astimezone(KYIV)

    m = _DAYWORD_TIME.fullmatch(low)
    if m:
        word, hh, mi = m.groups()
        return _days_back(_DAY_WORDS[word], int(hh), int(mi), 0, now_k)

    return _generic(low, now_k)


def _from_iso(m):
    y, mo, d, hh, mi, ss, frac, off = m.groups()
    iso = f"{y}-{mo}-{d}"
    if hh is not None:
        iso += f"T{hh}:{mi}:{ss or '00'}"
        if frac:
            iso += "." + frac[:6].ljust(6, "0")
        if off:
            iso += "+00:00" if off in ("z", "utc", "gmt") else off
    return datetime.fromisoformat(iso)


def _generic(low: str, now_k: datetime):
    hh = mi = ss = 0
    has_time = False
    rest = low
    tm = _TIME.search(low)
    if tm:
        has_time = True
        hh, mi = int(tm.group(1)), int(tm.group(2))
        ss = int(tm.group(3) or 0)
        ampm = tm.group(4)
        if ampm:
            if not 1 <= hh <= 12:
                return _INVALID
            hh = hh % 12 + (12 if ampm == "p" else 0)
        rest = low[: tm.start()] + " " + low[tm.end():]

    dm = _DATE.search(rest)
    if dm:
        rest2 = rest[: dm.start()] + " " + rest[dm.end():]
    elif has_time:
        rest2 = rest
    else:
        return None
    if not _FILLER.fullmatch(rest2):
        return None
    if not (0 <= hh <= 23 and 0 <= mi <= 59 and 0 <= ss <= 59):
        return _INVALID

    if dm is None:  # a time only: today
        return _days_back(0, hh, mi, ss, now_k)

    g = dm.groups()
    if g[0] is not None:  # YYYY-MM-DD
        return datetime(int(g[0]), int(g[2]), int(g[3]), hh, mi, ss)
    if g[4] is not None:  # DD.MM.YYYY / DD.MM.YY
        y = g[7]
        year = int(y)
        if len(y) == 2:
            year += 2000
            if year > now_k.year + 1:
                year -= 100
        return datetime(year, int(g[6]), int(g[4]), hh, mi, ss)
    if g[8] is not None:  # 11 квітня [2025]
        day, month, y = int(g[8]), _MONTHS[g[9]], g[10]
    elif g[11] is not None:  # April 11[, 2025]
        day, month, y = int(g[12]), _MONTHS[g[11]], g[13]
    elif g[14] is not None:  # сьогодні / вчора / позавчора
        return _days_back(_DAY_WORDS[g[14]], hh, mi, ss, now_k)
    else:  # DD.MM
        day, month, y = int(g[15]), int(g[16]), None
    if y is not None:
        return datetime(int(y), month, day, hh, mi, ss)
    return _guess_year(month, day, hh, mi, ss, now_k)


# --------------------------------------------------------------------------- fallback

_dateparser = None


def _get_dateparser():
    global _dateparser
    if _dateparser is None:
        import dateparser

        _dateparser = dateparser
    return _dateparser


def _worth_fallback(low: str) -> bool:
    """Only text with a digit or a relative word goes to dateparser, and not a lone number."""
    if _LETTER.search(low):
        return bool(_DIGIT.search(low) or _RELATIVE_HINT.search(low))
    return len(_NUMBERS.findall(low)) >= 2


def _fallback(s: str, now_k: datetime):
    dateparser = _get_dateparser()
    settings = {
        "TIMEZONE": "Europe/Kyiv",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": now_k.replace(tzinfo=None),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
    }
    dt = dateparser.parse(s, languages=DATEPARSER_LANGUAGES, settings=settings)
    return dt if isinstance(dt, datetime) else None


# --------------------------------------------------------------------------- public API

def _parse(text, now) -> tuple[datetime | None, str]:
    if isinstance(now, datetime) and isinstance(text, str):
        return _parse_at(text, now)
    return _parse_uncached(text, now)


@lru_cache(maxsize=256)
def _parse_at(text: str, now: datetime) -> tuple[datetime | None, str]:
    """``_parse`` with a given ``now``: a pure function, remembered for the last few calls (a crawl
    reads an article's date twice, to decide whether to follow its links and to export it)."""
    return _parse_uncached(text, now)


def _parse_uncached(text, now) -> tuple[datetime | None, str]:
    if not isinstance(text, str):
        return None, "none"
    try:
        now_k = _resolve_now(now)
        s = _clean(text)
        if not s or len(s) > MAX_LEN:
            return None, "none"
        try:
            res = _fast(s, now_k)
        except (ValueError, OverflowError):
            return None, "none"
        if res is _INVALID:
            return None, "none"
        if res is not None:
            dt = _finish(res, now_k)
            return (dt, "fast") if dt is not None else (None, "none")
        if not _worth_fallback(s.lower()):
            return None, "none"
        try:
            res = _fallback(s, now_k)
        except Exception:
            return None, "none"
        if res is None:
            return None, "none"
        dt = _finish(res, now_k)
        return (dt, "dateparser") if dt is not None else (None, "none")
    except Exception:  # never raise, whatever the input
        return None, "none"


def parse(text, now: datetime | None = None) -> datetime | None:
    """``text`` -> aware datetime in Europe/Kyiv with whole seconds, or None. Never raises."""
    return _parse(text, now)[0]


def normalize_with_source(text, now: datetime | None = None) -> tuple[str | None, str]:
    """Like :func:`normalize`, plus the source: ``'fast'``, ``'dateparser'`` or ``'none'``."""
    dt, source = _parse(text, now)
    if dt is None:
        return None, "none"
    try:
        return dt.isoformat(), source
    except Exception:
        return None, "none"


def normalize(text, now: datetime | None = None) -> str | None:
    """``text`` -> ``'2025-04-11T21:32:00+03:00'`` (ISO 8601, seconds, Kyiv offset) or None.

    Never raises. See the module docstring for the forms read and the rules applied.
    """
    return normalize_with_source(text, now)[0]


def implausible_year(text, now: datetime | None = None) -> int | None:
    """The year of ``text`` when it is a well-formed date (in a fast-path form: ISO, the site's)
    that :func:`parse` refuses only for its year, before ``MIN_YEAR`` or after ``now.year + 1``
    (``1970-01-01T00:00:00Z``: an unset timestamp; ``2099-...``: a placeholder); else None. For
    messages: such a date did parse, it is not a date of the article."""
    if not isinstance(text, str):
        return None
    try:
        now_k = _resolve_now(now)
        s = _clean(text)
        if not s or len(s) > MAX_LEN:
            return None
        res = _fast(s, now_k)
        if not isinstance(res, datetime):
            return None
    except Exception:  # (a form the fast path refuses)
        return None
    year = res.year
    if res.tzinfo is not None:
        try:
            year = res.astimezone(KYIV).year
        except (OverflowError, ValueError):  # (year 1 or 9999 across an offset)
            pass
    return year if year < MIN_YEAR or year > now_k.year + 1 else None


#: months with a daylight-saving switch in Kyiv since 1990 (tzdata): March, October; July 1990, September 1991-1995
_SWITCH_MONTHS = frozenset({"03", "07", "09", "10"})


def near_switch(iso: str) -> bool:
    """Whether a Kyiv ISO 8601 time (as ``normalize`` writes it) falls in a night hour of a month with a
    daylight-saving switch: the cheap test before :func:`dst_note` (the switches are at 03:00-04:00)."""
    return iso[11:13] <= "04" and iso[5:7] in _SWITCH_MONTHS


def dst_note(text, now: datetime | None = None) -> str | None:
    """What the daylight-saving switch makes of a Kyiv wall-clock time that ``text`` gives without an
    offset: ``"ambiguous"`` in the autumn's repeated hour (03:00-03:59 on the last Sunday of October
    happens twice; read as the first, summer-time one), ``"nonexistent"`` in the spring's skipped hour
    (03:00-03:59 on the last Sunday of March; moved forward by the hour); the same for the other
    switches tzdata knows (in September 1991-1995); else None (also for a time with an offset, which
    names one instant). For the caller to count: the instant is a guess."""
    if not isinstance(text, str):
        return None
    try:
        res = _fast(_clean(text), _resolve_now(now))
    except Exception:  # (a form the fast path refuses)
        return None
    if not isinstance(res, datetime) or res.tzinfo is not None:
        return None
    aware = res.replace(tzinfo=KYIV)
    if aware.replace(fold=1).utcoffset() == aware.utcoffset():
        return None
    return "ambiguous" if _localize(res).replace(tzinfo=None) == res else "nonexistent"


_HAS_TIME = re.compile(r"[0-9]:[0-9]{2}")
_NAIVE_ISO = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?\s*")


def has_time(text) -> bool:
    """The text gives a time of day (``16:47``, ``T07:00``), not only a day (``2025-04-09``, ``вчора``)."""
    return isinstance(text, str) and _HAS_TIME.search(text) is not None


def is_naive_iso(text) -> bool:
    """An ISO 8601 date and time without an offset (``2025-03-28T07:00:00``): Kyiv time by this
    module's rule, though some CMSs write UTC that way."""
    return isinstance(text, str) and _NAIVE_ISO.fullmatch(text) is not None


def pick_instant(candidates, now: datetime | None = None, naive_is_utc: bool = False,
                 offset_is_local: bool = False) -> tuple[datetime | None, int, str | None]:
    """The instant a list of raw candidates (best first: JSON-LD, meta, the visible header) means.

    Returns ``(aware Kyiv datetime, index of the candidate used, note)``. The first candidate that parses
    wins, with these corrections from a later candidate (the header shows what readers see):

    * ``"time_from_later"``: the winner is only a day (``2025-04-09``) and a later candidate gives
      a time on that same day: the later one is used.
    * ``"naive_utc"``: the winner is an ISO time without an offset (read as Kyiv time) and a later
      candidate is exactly that wall-clock time in UTC: the CMS wrote UTC; that instant is used (the
      later one's, and in the autumn's repeated hour the one of the two the UTC time names).
    * ``"wrong_offset"``: the winner is an ISO time with an offset that is not Kyiv's at its instant
      (``2025-04-11T21:32:00Z``, ``2025-07-11T21:32:00+02:00``) and a later candidate shown without an
      offset (the header) gives the wall-clock time as written (21:32): Kyiv time labelled with another
      offset (a CMS that writes local time with a ``Z``, or the other season's offset); the later one is used.
    * ``"disagree"``: the winner has a time (naive, or with an offset) and the first later one shown
      without an offset (the header) names another minute, on that day or another: the winner is kept,
      and the caller should say so. (To the minute: a header shows no seconds.)

    A candidate more than ``FUTURE_MAX`` after ``now`` (a news item is published before it is read)
    is passed over for the next one that is not (``"future_skipped"``); when every one is, the
    first stands (``"future"``: the caller should say so; a local clock far behind gives this too).

    ``naive_is_utc``: ISO times without an offset are UTC (the page's other date showed it).
    ``offset_is_local``: an ISO time whose offset is not Kyiv's is Kyiv time as written (``"wrong_offset"``:
    the page's other date showed it).
    """
    candidates = [candidates] if isinstance(candidates, str) else list(candidates or [])
    future = None  # (instant, index) of the first candidate in the future
    limit = None
    for index in range(len(candidates)):
        found = _pick_at(candidates, index, now, naive_is_utc, offset_is_local)
        if found is None:
            continue
        if limit is None:
            limit = _future_limit(now)
        if found[0] > limit:  # (both in Kyiv time: a plain comparison, no offset lookups)
            future = future or found
            continue
        return found if future is None or found[2] else (found[0], found[1], "future_skipped")
    if future is not None:
        return future[0], future[1], "future"
    return None, -1, None


def _future_limit(now) -> datetime:
    """``now`` + ``FUTURE_MAX`` in Kyiv time (``now``: an aware datetime, naive Kyiv time, or the current time)."""
    if not isinstance(now, datetime):
        return datetime.now(UTC).astimezone(KYIV) + FUTURE_MAX
    return _limit_after(now)


@lru_cache(maxsize=8)  # (the pipeline and the spider ask about one crawl time in turn)
def _limit_after(now: datetime) -> datetime:
    return (now if now.tzinfo else now.replace(tzinfo=KYIV)).astimezone(KYIV) + FUTURE_MAX


def _pick_at(candidates: list, index: int, now: datetime | None, naive_is_utc: bool,
             offset_is_local: bool = False) -> tuple[datetime, int, str | None] | None:
    """:func:`pick_instant`'s answer from ``candidates[index]`` on (None: it does not parse)."""
    candidate = candidates[index]
    naive = is_naive_iso(candidate)
    if naive and naive_is_utc:
        first = parse(candidate.strip() + "Z", now)
        if first is not None:
            return first, index, "naive_utc"
    first = parse(candidate, now)
    if first is None:
        return None
    date_only = not has_time(candidate)
    # an ISO time whose offset is not Kyiv's at its instant ("...T21:32:00Z"): its wall-clock time as written
    written = None if date_only or naive else _written_elsewhere(candidate, first)
    if written is not None and offset_is_local:
        local = _localize(written)
        return local, index, ("wrong_offset" if local != first else None)
    offset = not date_only and not naive  # an ISO time with an offset (Kyiv's, or ``written`` elsewhere)
    for later_index in range(index + 1, len(candidates)):
        later_text = candidates[later_index]
        if offset:
            if later_text == candidate:
                continue  # (the same date again: JSON-LD and meta)
            if _shows_as_the_site_does(later_text, first):
                break  # (cheap: the header in the site's own form, "21:32 11.04.2025", shows this instant)
            if not has_time(later_text) or _with_offset(later_text) is not None:
                continue  # only a time shown without an offset (the header) tells a wrong one
        elif not has_time(later_text):
            continue
        later = parse(later_text, now)
        if later is None:
            continue
        if date_only:
            if later.date() == first.date():
                return later, later_index, "time_from_later"
            break
        shown = later.replace(tzinfo=None)
        if written is not None and _same_minute(shown, written):
            # the header shows the written wall-clock time: Kyiv time labelled with another
            # offset (local time with a "Z", or the other season's offset)
            return later, later_index, "wrong_offset"
        if _same_minute(shown, first.replace(tzinfo=None)):
            break
        if naive:
            as_utc = parse(candidate.strip() + "Z", now)
            if as_utc is not None and _same_minute(shown, as_utc.replace(tzinfo=None)):
                # the same wall-clock time, read as UTC (that reading also tells which of the autumn's
                # two 03:30 the header means)
                return as_utc, later_index, "naive_utc"
        return first, index, "disagree"
    return first, index, None


def _shows_as_the_site_does(text: str, instant: datetime) -> bool:
    """``text`` holds ``instant``'s Kyiv wall-clock minute as the site's headers write it (``21:32 11.04.2025``)."""
    return f"{instant.hour:02d}:{instant.minute:02d} {instant.day:02d}.{instant.month:02d}.{instant.year}" in text


def _same_minute(a: datetime, b: datetime) -> bool:
    """Two naive wall-clock times in the same minute (a header shows no seconds)."""
    return a.replace(second=0) == b.replace(second=0)


def _with_offset(text: str) -> datetime | None:
    """An ISO 8601 date and time with an offset (``Z`` too), as written (aware, in that offset); else None."""
    if not isinstance(text, str) or "-" not in text:
        return None
    written = from_iso(text)  # (most JSON-LD and meta dates: Python's own parser, faster than the regex)
    if written is not None:
        return written if ":" in text else None
    m = _ISO.fullmatch(_clean(text).lower())
    if m is None or m.group(4) is None or m.group(8) is None:
        return None
    try:
        return _from_iso(m)
    except ValueError:
        return None


def _written_elsewhere(text: str, instant: datetime) -> datetime | None:
    """The wall-clock time an ISO date is written in when its offset is not Kyiv's at its instant
    (``2025-04-11T21:32:00Z`` is 00:32 in Kyiv: 21:32); None for one in Kyiv's offset or no offset."""
    offset = instant.utcoffset()
    if text.endswith(_KYIV_OFFSETS.get(offset, "\0")):  # (cheap: most dates are written in Kyiv's offset)
        return None
    written = _with_offset(text)
    if written is None or written.utcoffset() == offset:
        return None
    return written.replace(tzinfo=None)


#: Kyiv's offsets as ISO 8601 writes them
_KYIV_OFFSETS = {timedelta(hours=2): "+02:00", timedelta(hours=3): "+03:00"}


def pick(candidates, now: datetime | None = None, naive_is_utc: bool = False,
         offset_is_local: bool = False) -> tuple[str | None, int, str | None]:
    """:func:`pick_instant` with the instant normalised: ``(ISO 8601 string or None, index, note)``."""
    when, index, note = pick_instant(candidates, now, naive_is_utc, offset_is_local)
    return (when.isoformat() if when is not None else None), index, note


def from_timestamp(value) -> str | None:
    """A Unix timestamp (an int or float, or a string of digits: seconds, or milliseconds when it has 13
    digits) as ISO 8601 in UTC (``1744396320`` -> ``"2025-04-11T18:32:00+00:00"``), for JSON-LD that
    gives one; None for anything else. (The year is judged where the date is read, as for any date.)"""
    try:
        if isinstance(value, str):
            if not value.isascii() or not value.isdigit() or len(value) not in (9, 10, 13):
                return None
            value = int(value) / (1000 if len(value) == 13 else 1)
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        elif value > 1e11:  # (milliseconds: seconds that large are past the year 5000)
            value /= 1000
        return datetime.fromtimestamp(int(value), UTC).isoformat()
    except (ValueError, OverflowError, OSError):
        return None


def from_iso(value) -> datetime | None:
    """An aware datetime from an ISO 8601 string with an offset (as ``normalize`` and the item's
    ``crawled_at`` write them); None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None
