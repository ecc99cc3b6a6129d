"""Benchmark: interfax.dates.normalize() vs dateparser.parse() on the site's own date forms.

Run from the repository root (or anywhere): ``python bench/bench_dates.py [CALLS]``.
Prints per-call microseconds for both, the speed-up ratio and how many answers agree, one
figure per line. Never asserts on time.
"""

import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import dateparser  # noqa: E402

from interfax.dates import KYIV, _parse_at, normalize, parse  # noqa: E402

NOW = datetime(2025, 4, 11, 22, 0, tzinfo=KYIV)
DP_SETTINGS = {
    "TIMEZONE": "Europe/Kyiv",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "RELATIVE_BASE": NOW.replace(tzinfo=None),
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
}
LANGUAGES = ["uk", "ru", "en"]

#: the site's forms: article header, listing spans joined, and JSON-LD / meta ISO values
FORMATS = [
    "%H:%M %d.%m.%Y",
    "%H:%M, %d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "\n    %H:%M\n    %d.%m.%Y\n  ",
    "%Y-%m-%dT%H:%M:%S+03:00",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%d %H:%M:%S",
]


def site_strings(n: int = 500, seed: int = 20250411) -> list[str]:
    rng = random.Random(seed)
    start = datetime(2015, 1, 1)
    span = int((datetime(2025, 4, 1) - start).total_seconds() // 60)
    out = []
    for i in range(n):
        moment = start + timedelta(minutes=rng.randrange(span))
        out.append(moment.strftime(FORMATS[i % len(FORMATS)]))
    return out


def per_call_us(func, texts: list[str], calls: int) -> float:
    n = len(texts)
    t0 = time.perf_counter()
    for i in range(calls):
        func(texts[i % n])
    return (time.perf_counter() - t0) / calls * 1e6


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    texts = site_strings()

    def ours(text):
        return normalize(text, now=NOW)

    def theirs(text):
        return dateparser.parse(text, languages=LANGUAGES, settings=DP_SETTINGS)

    # warm-up: dateparser loads its language data on the first calls
    for text in texts[:50]:
        ours(text)
        theirs(text)

    # normalize() remembers its last 256 answers for a given now (dates._parse_at): cycling through
    # more strings than that, every call here parses
    assert len(texts) > _parse_at.cache_info().maxsize
    fast_us = per_call_us(ours, texts, calls * 10)
    dp_us = per_call_us(theirs, texts, calls)

    agree = 0
    for text in texts:
        a, b = parse(text, now=NOW), theirs(text)
        agree += a is not None and b is not None and a == b.replace(microsecond=0)

    print(f"strings: {len(texts)} site-form strings, {calls * 10} normalize() calls, "
          f"{calls} dateparser.parse() calls")
    print(f"normalize():        {fast_us:9.2f} us/call")
    print(f"dateparser.parse(): {dp_us:9.2f} us/call")
    print(f"speed-up:           {dp_us / fast_us:9.1f} x")
    print(f"same instant:       {agree}/{len(texts)}")


if __name__ == "__main__":
    main()
