"""Faults and bad input, end to end: `scrapy crawl articles` against the faulty mirror on 127.0.0.1.

One crawl of ``-a sections=faults,empty`` (module fixture) covers every fault family of
``interfax/mirror/faulty.py``; each family has its own test asserting on the exported records,
the stats and the log line. A few unit tests at the end check the middlewares' pieces directly.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import logging
import re
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from email.utils import formatdate
from pathlib import Path

import pytest
import scrapy
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from interfax.middlewares import (
    BackoffRetryMiddleware,
    ContentGuardMiddleware,
    EncodingFixMiddleware,
    NotHtml,
    describe_failure,
    retry_after_seconds,
)
from interfax.mirror.faulty import FaultyServer, fault_path
from interfax.mirror.server import DEFAULT_ROOT as MIRROR_ROOT
from interfax.spiders.articles import ArticlesSpider

REPO = Path(__file__).resolve().parents[1]
LIVE = "https://interfax.com.ua"
RETRY_TIMES = 2
TIMEOUT = 2
BACKOFF = 0.2
RETRY_AFTER_MAX = 2.5

#: articles the faulty site serves well enough to export (1900020 redirects to 1900021)
GOOD = {1900001, 1900017, 1900019, 1900002, 1900004, 1900005, 1900006, 1900011, 1900021, 1900040, 1900042, 1900043,
        1900044, 1900045, 1900046, 1900047, 1900058, 1900059, 1900099}
#: article URL -> what its failure is called in interfax/errors/<kind>
FAILED = {
    1900003: "http_500",
    1900007: "http_429",
    1900010: "timeout",
    1900012: "data_loss",
    1900013: "data_loss",
    1900014: "truncated_html",
    1900041: "truncated_html",
    1900022: "redirect_loop",
    1900024: "offsite_redirect",
    1900025: "offsite_redirect",
    1900027: "offsite_redirect",
    1900028: "offsite_redirect",
    1900030: "not_html",
    1900031: "empty_body",
    1900032: "too_large",
    1900033: "bad_compression",
    1900034: "too_large",
    1900035: "bad_compression",
    1900036: "bad_compression",
    1900037: "partial_content",
    1900048: "not_html",
    1900049: "not_html",
    1900038: "bot_challenge",
    1900039: "bot_challenge",
    1900029: "bot_challenge",
    1900016: "maintenance",
}


def live(article_id: int, section: str = "faults") -> str:
    return f"{LIVE}/news/{section}/{article_id}.html"


class Run:
    """One finished crawl: records, stats, log, failed file and what the server saw."""

    def __init__(self, result, out: Path, failed_file: Path, server: FaultyServer, elapsed: float):
        self.result = result
        self.log = result.stderr
        self.records = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
        self.by_id = {r["id"]: r for r in self.records}
        self.failed_file = [json.loads(line) for line in failed_file.read_text("utf-8").splitlines()] \
            if failed_file.exists() else None
        self.stats = parse_stats(self.log)
        self.requests = list(server.requests)
        self.times = {path: server.times(path) for path in set(self.requests)}
        self.elapsed = elapsed

    def count(self, path: str) -> int:
        return self.requests.count(path)

    def stat(self, name: str) -> int:
        return self.stats.get(name, 0)

    @property
    def records_outside_monitors(self) -> list[str]:
        """Log records (a line and its continuation lines), spidermon's own report left out.

        Spidermon prints a failed monitor as a unittest failure, "Traceback" included: that is the
        monitors' report, not an exception of the crawl.
        """
        records, current = [], []
        for line in self.log.splitlines():
            if re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[", line) and current:
                records.append("\n".join(current))
                current = []
            current.append(line)
        records.append("\n".join(current))
        return [r for r in records if "[Spidermon]" not in r.split("\n", 1)[0]]

    @property
    def monitor_report(self) -> list[str]:
        return list(self.stats.get("interfax/monitors/report", []))

    def lines(self, needle: str, levels=("WARNING", "ERROR", "CRITICAL")) -> list[str]:
        """Log lines at ``levels`` containing ``needle`` (the end-of-run summary lines left out)."""
        return [
            line for line in self.log.splitlines()
            if needle in line and any(f"] {lv}:" in line for lv in levels) and "article(s) failed" not in line
        ]

    def gaps(self, path: str) -> list[float]:
        t = self.times.get(path, [])
        return [b - a for a, b in zip(t, t[1:])]


def parse_stats(log: str) -> dict:
    m = re.search(r"Dumping Scrapy stats:\n(\{.*?\})\n\d{4}-\d\d-\d\d ", log, re.S)
    assert m, "no stats dump in the log:\n" + log[-3000:]
    return eval(m.group(1), {"datetime": __import__("datetime")})  # noqa: S307 - our own crawl's pprint


def crawl(server: FaultyServer, tmp: Path, *extra: str) -> Run:
    out, failed = tmp / "out.jsonl", tmp / "failed.jsonl"
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "articles",
        "-a", f"base_url={server.base_url}", "-a", "since=2000-01-01", "-a", "sections=faults,empty",
        "-a", "related_depth=0",
        "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO",
        "-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}", "-s", f"RETRY_TIMES={RETRY_TIMES}",
        "-s", f"INTERFAX_RETRY_BACKOFF_BASE={BACKOFF}", "-s", f"INTERFAX_RETRY_AFTER_MAX={RETRY_AFTER_MAX}",
        "-s", f"INTERFAX_FAILED_FILE={failed}",
        *extra, "-O", str(out),
    ]
    started = time.monotonic()
    result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
    return Run(result, out, failed, server, time.monotonic() - started)


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    with FaultyServer() as server:
        return crawl(server, tmp_path_factory.mktemp("faults"))


def assert_failed_once(run: Run, article_id: int, kind: str, fault_text: str) -> None:
    """Not exported, counted as interfax/errors/<kind>, one warning line naming URL and fault, listed."""
    url = live(article_id)
    assert article_id not in run.by_id
    assert run.stat(f"interfax/errors/{kind}") >= 1, kind
    lines = run.lines(url)
    assert len(lines) == 1, lines
    assert f"article failed: {url} (" in lines[0] and fault_text in lines[0], lines[0]
    assert not [r for r in run.records_outside_monitors if "Traceback" in r]
    assert url in run.stats.get("interfax/failed/urls", [])
    assert {"url": url, "reason": lines[0].split(f"{url} (", 1)[1].rstrip(")")} in run.failed_file


# ---------------------------------------------------------------- the run as a whole


def test_run_finishes_without_errors(run):
    assert run.stats["finish_reason"] == "finished", run.log[-3000:]
    assert not [r for r in run.records_outside_monitors if "Traceback" in r]
    assert "Spider error processing" not in run.log and "Error downloading" not in run.log
    # no fault is an ERROR: the only ERROR lines are the end-of-run monitors' report
    errors = [r for r in run.records_outside_monitors if "] ERROR:" in r.split("\n", 1)[0]]
    assert all("[interfax.monitors]" in r for r in errors), errors
    assert run.stat("log_count/CRITICAL") == 0
    assert run.elapsed < 60


def test_monitors_warn_of_the_5xx_storm_only(run):
    """The faulty site answers 5xx a lot, but loses few pages to it (each listed as failed): the
    monitors warn of the storm (a WARNED line in the report), nothing fails (exit 0)."""
    assert run.result.returncode == 0, run.log[-3000:]
    assert run.stat("interfax/monitors/failed") == 0
    warned = run.stats["interfax/monitors/warnings"]
    assert len(warned) == 1 and warned[0].startswith("HTTP 5xx: ") and "retries recovered all but" in warned[0], warned


def test_a_redesign_fires_the_dropped_articles_monitor(tmp_path):
    """Every article in an unknown layout: each dropped with a warning naming the missing fields,
    listed as failed, and the monitors fail the run (exit 3) naming the fields."""
    with FaultyServer() as server:
        redesign = crawl(server, tmp_path, "-a", "sections=redesign")
    assert redesign.stats["finish_reason"] == "finished"
    assert [r["id"] for r in redesign.records] == [1900098]
    for article_id in range(1900051, 1900057):
        lines = redesign.lines(live(article_id))
        assert len(lines) == 1 and "missing title, text, published_at" in lines[0], lines
    assert redesign.stat("interfax/drop/no_title") == 6
    assert redesign.stat("interfax/missing/text") == 6 and redesign.stat("interfax/missing/published_at") == 6
    assert redesign.stat("interfax/failed/count") == 6
    assert redesign.result.returncode == 3
    report = redesign.monitor_report
    assert any("dropped for a missing field (published_at, text, title): 6 of 7" in line for line in report), report


def test_every_good_article_is_exported_once_and_complete(run):
    ids = [r["id"] for r in run.records]
    assert sorted(ids) == sorted(GOOD)
    control = run.by_id[1900099]
    for record in run.records:
        for field in ("id", "url", "title", "text", "published_at"):
            assert record[field], (record["id"], field)
        assert record["url"] == live(record["id"])
        assert record["published_at"] == control["published_at"]
        assert "\x00" not in record["text"] and "\ufffd" not in record["text"]


def test_failed_list_names_every_lost_article(run):
    want = {live(i) for i in FAILED} | {live(1900050)}
    assert run.stat("interfax/failed/count") == len(want)
    assert set(run.stats["interfax/failed/urls"]) == want
    assert {line["url"] for line in run.failed_file} == want
    assert all(set(line) == {"url", "reason"} and line["reason"] for line in run.failed_file)
    summary = [line for line in run.log.splitlines() if "can be retried" in line]
    assert len(summary) == 1 and f"{len(want)} article(s) failed" in summary[0]


# ---------------------------------------------------------------- 5xx, 429, Retry-After


def test_5xx_retried_with_backoff_then_exported_or_given_up(run):
    # 503, 503, page: retried with exponential backoff, exported
    assert 1900001 in run.by_id and run.count(fault_path(1900001)) == 3
    gaps = run.gaps(fault_path(1900001))
    assert gaps[0] >= BACKOFF * 0.9 and gaps[1] >= 2 * BACKOFF * 0.9, gaps
    # 500, 502, page
    assert 1900002 in run.by_id and run.count(fault_path(1900002)) == 3
    # 500 for good: 1 + RETRY_TIMES requests, then one line and the failed list
    assert run.count(fault_path(1900003)) == 1 + RETRY_TIMES
    assert_failed_once(run, 1900003, "http_500", f"HTTP 500, gave up after {RETRY_TIMES} retries")
    assert run.stat("interfax/retry/backoff") >= 4
    assert run.stat("retry/count") >= 4
    assert not run.lines("Gave up retrying")


def test_retry_after_is_honoured_up_to_the_cap(run):
    # 503 + Retry-After: 1 -> waits about a second, then exported
    assert 1900004 in run.by_id and run.count(fault_path(1900004)) == 2
    assert run.gaps(fault_path(1900004))[0] >= 0.95
    # (each Retry-After also holds the whole site, so a retry may wait for the others' holds too:
    # at most all of them, one after the other)
    all_holds = 1 + 2 + RETRY_AFTER_MAX + (1 + RETRY_TIMES) * 1 + 1
    # and a 429 slows the site's pace: a retry queued behind the others goes out one pace after another
    all_holds += run.stat("interfax/retry/pace_seconds") * run.stat("downloader/request_count")
    # 429 + Retry-After as an HTTP date ~2 s ahead (whole seconds: 1-2 s from now)
    assert 1900005 in run.by_id and run.count(fault_path(1900005)) == 2
    assert 0.9 <= run.gaps(fault_path(1900005))[0] < all_holds
    # Retry-After: 3600 waits only INTERFAX_RETRY_AFTER_MAX
    assert 1900006 in run.by_id and run.count(fault_path(1900006)) == 2
    assert RETRY_AFTER_MAX - 0.1 <= run.gaps(fault_path(1900006))[0] < all_holds
    assert run.stat("interfax/retry/site_held") >= 2
    assert run.stat("interfax/retry/retry_after") >= 3 and run.stat("interfax/retry/retry_after_capped") >= 1
    # 429 for good: every retry waits its Retry-After, then one line
    assert run.count(fault_path(1900007)) == 1 + RETRY_TIMES
    assert all(gap >= 0.95 for gap in run.gaps(fault_path(1900007)))
    assert_failed_once(run, 1900007, "http_429", "HTTP 429")


# ---------------------------------------------------------------- slow and broken connections


def test_hang_slow_and_cut_connections(run):
    # no answer: timed out, retried, given up
    assert run.count(fault_path(1900010)) == 1 + RETRY_TIMES
    assert_failed_once(run, 1900010, "timeout", f"no answer within {TIMEOUT} s")
    # slow but complete: exported
    assert 1900011 in run.by_id and run.count(fault_path(1900011)) == 1
    assert run.by_id[1900011]["text"] == run.by_id[1900099]["text"]
    # connection closed mid-body (chunked) and a body shorter than its Content-Length
    for article_id in (1900012, 1900013):
        assert run.count(fault_path(article_id)) == 1 + RETRY_TIMES
        assert_failed_once(run, article_id, "data_loss", "connection closed before the whole body arrived")
    assert run.stat("interfax/errors/data_loss") == 2
    assert not run.lines("Got data loss")  # Scrapy's own hint is DEBUG: the spider's line says it
    # a Content-Length smaller than the page: the client keeps that many bytes, half a page that
    # never ends; data lost on the way as above, never exported as if whole: retried, given up, listed
    assert run.count(fault_path(1900014)) == 1 + RETRY_TIMES
    assert_failed_once(run, 1900014, "truncated_html", "HTML cut short: no </html> or </body>")
    assert run.stat("retry/reason_count/truncated_html") == 2 * RETRY_TIMES  # (1900014 and 1900041)


# ---------------------------------------------------------------- redirects


def test_redirects(run):
    # to another article: the record is the final article's, under its canonical URL and id
    assert 1900020 not in run.by_id
    assert run.by_id[1900021]["url"] == live(1900021)
    assert run.count(fault_path(1900021)) == 1
    assert run.stat("interfax/redirects/followed") >= 1
    # a loop: given up at once, reported under the URL the spider asked for
    assert run.count(fault_path(1900022)) == 1 and run.count(fault_path(1900023)) == 1
    assert_failed_once(run, 1900022, "redirect_loop", "redirect loop")
    # off the site: never followed, also to the same server under another host name
    assert_failed_once(run, 1900024, "offsite_redirect", "redirects off the site to http://example.invalid/")
    assert_failed_once(run, 1900025, "offsite_redirect", "redirects off the site to http://localhost:")
    # the same host, another port: another server, off the site too (followed, it would be connection_refused)
    assert_failed_once(run, 1900027, "offsite_redirect", "redirects off the site to http://127.0.0.1:1/news/faults/1900026.html")
    assert run.count(fault_path(1900026)) == 0
    # to a mailto: link: no web page, named as off the site (not "ValueError: Missing scheme")
    assert_failed_once(run, 1900028, "offsite_redirect", "redirects off the site to mailto:news@example.invalid, not followed")
    assert run.stat("interfax/redirects/offsite") == 4
    # a CDN's cookie check (back to the page itself, setting a cookie): the second visit, with it, gets the page
    assert run.by_id[1900019]["text"] == run.by_id[1900099]["text"] and run.count(fault_path(1900019)) == 2
    assert run.stat("interfax/redirects/cookie_check") == 1 and run.stat("interfax/redirects/loop") == 1
    assert run.stat("interfax/errors/connection_refused") == 0
    assert run.stat("interfax/errors/dns") == 0  # stopped before any lookup


# ---------------------------------------------------------------- bodies that are not a page


def test_not_html_empty_huge_and_bad_gzip(run):
    assert_failed_once(run, 1900030, "not_html", "not an HTML page: Content-Type application/pdf")
    assert_failed_once(run, 1900031, "empty_body", "empty body")
    assert run.count(fault_path(1900031)) == 1 + RETRY_TIMES  # retried, as a CDN's empty answer may pass
    # an empty answer once, then the page: retried and exported (before, lost for the run: "empty body")
    assert 1900017 in run.by_id and run.count(fault_path(1900017)) == 2
    assert run.stat("retry/reason_count/empty_body") >= 1 + RETRY_TIMES
    assert_failed_once(run, 1900032, "too_large", "larger than DOWNLOAD_MAXSIZE")
    assert_failed_once(run, 1900033, "bad_compression", "does not decode")
    assert_failed_once(run, 1900034, "too_large", "larger than DOWNLOAD_MAXSIZE = 5242880 bytes")  # cut as it streamed in
    # a compressed stream cut off (Scrapy's decoders would hand on half a page): not parsed, listed
    assert_failed_once(run, 1900035, "bad_compression", "(gzip body cut off: its compressed stream ends early, after ")
    assert_failed_once(run, 1900036, "bad_compression", "(br body cut off: its compressed stream ends early, after ")
    assert run.by_id[1900046]["text"] == run.by_id[1900099]["text"]  # a whole brotli page is read as any other
    # "identity" is no coding: read as it is, without Scrapy's "cannot decode ... unsupported encoding" warning
    assert run.by_id[1900059]["text"] == run.by_id[1900099]["text"] and not run.lines("cannot decode the response")
    # a 206 to a request without Range: half a page, never parsed as the article
    assert_failed_once(run, 1900037, "partial_content", "(HTTP 206 Partial Content: a part of the page, not the page)")
    for article_id in (1900030, 1900032, 1900033, 1900034, 1900035, 1900036, 1900037):  # permanent: not retried
        assert run.count(fault_path(article_id)) == 1
    assert run.stat("downloader/response_bytes") < 5 * 1024 * 1024  # the 10 MB page was cut off


def test_bodies_that_are_no_page_under_text_html(run):
    """JSON or plain text served as text/html (an API's or a proxy's error): not parsed as an article in
    an unknown layout (a false redesign alarm), but named."""
    assert_failed_once(run, 1900048, "not_html", "(not an HTML page: Content-Type text/html, but the body is JSON)")
    assert_failed_once(run, 1900049, "not_html", "(not an HTML page: Content-Type text/html, but the body is plain text)")
    assert run.stat("interfax/drop/no_title") == 1  # only the unknown-layout article 1900050


def test_a_bot_challenge_is_named_not_retried_and_not_a_layout_drop(run):
    """Cloudflare's "Just a moment..." instead of the page: with HTTP 403, 503 (not retried: it is no
    passing fault) or a 200 a CDN cached, one warning naming it, listed, never exported or dropped."""
    for article_id, status in ((1900038, 403), (1900029, 503), (1900039, 200)):
        assert_failed_once(run, article_id, "bot_challenge",
                           f"(bot challenge by Cloudflare (HTTP {status}): the site's bot protection answered, not the page)")
        assert run.count(fault_path(article_id)) == 1
    assert run.stat("interfax/errors/bot_challenge") == 3
    assert run.stat("interfax/missing/text") == 1  # only the unknown-layout article 1900050
    assert run.stat("interfax/blocked/refused_in_a_row") == 0  # three among pages: not a blocked crawler


def test_a_maintenance_page_with_http_200_is_named_not_a_layout_drop(run):
    assert_failed_once(run, 1900016, "maintenance", "(the site says it is under maintenance)")
    assert run.stat("interfax/drop/no_text") == 0 and run.stat("interfax/missing/published_at") == 1  # (1900050 only)


def test_a_site_that_blocks_the_crawler_stops_it_early_with_one_error(tmp_path):
    """Every page answers 403 (a blocked address): after INTERFAX_BLOCKED_AFTER refusals in a row the
    crawl stops (finish reason 'blocked', exit 3) with one ERROR, rather than ask for all 100 in vain."""
    from interfax.mirror.faulty import Fault

    status = 403
    forbidden = Fault("content", f"{status} for a blocked address", status=status,
                      body=lambda s: f"<html><head><title>{status}</title></head><body><h1>{status}</h1></body></html>".encode())
    with FaultyServer(faults={fault_path(1901000 + n): forbidden for n in range(100)}) as server:
        result = crawl(server, tmp_path, "-a", "sections=faults", "-s", "INTERFAX_BLOCKED_AFTER=10")
    asked = [p for p in result.requests if p.startswith("/news/faults/")]
    # what the downloader held when it stopped (CONCURRENT_REQUESTS, 4) still comes back
    assert 10 <= len(asked) <= 10 + 2 * 4, len(asked)
    assert result.stats["finish_reason"] == "blocked" and result.result.returncode == 3
    assert result.stat("interfax/blocked/refused_in_a_row") == 10
    errors = result.lines("the site refuses this crawler", levels=("ERROR",))
    assert len(errors) == 1 and "10 page requests in a row answered HTTP 403, 429 (after retries) or a bot challenge" in errors[0], errors
    assert "(the last: https://interfax.com.ua/news/faults/19010" in errors[0] and f", HTTP {status}" in errors[0]
    assert any("finish reason: 'blocked'" in line for line in result.monitor_report), result.monitor_report


def test_refusals_in_a_row_stop_the_crawl_and_a_page_between_them_starts_the_count_again():
    """403, 429 (after its retries) and bot challenges count; anything else, or a page, does not."""
    from scrapy.exceptions import CloseSpider
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    spider = _crawler(INTERFAX_BLOCKED_AFTER=3).spider
    spider.block_after = 3  # (what from_crawler reads)

    def fail(status: int, n: int):
        request = scrapy.Request(f"http://127.0.0.1/news/general/{n}.html", meta={"interfax_kind": "article", "retry_times": 2})
        error = HttpError(Response(request.url, status=status, request=request), "ignored")
        failure = Failure(error)
        failure.request = request
        spider.on_error(failure)

    fail(429, 1)
    fail(403, 2)
    fail(500, 3)  # a server error is no refusal, but does not end the run of them either
    with pytest.raises(CloseSpider) as closed:
        fail(429, 4)
    assert closed.value.reason == "blocked"
    spider._refused_in_a_row = 0
    fail(403, 5)
    fail(403, 6)
    list(spider._finish({"id": 7}, [], 0, False, {}))  # a page came: the count starts again
    fail(403, 8)
    fail(403, 9)
    assert spider._refused_in_a_row == 2


# ---------------------------------------------------------------- bad HTML and encodings


def test_malformed_html_still_exports_html_cut_short_does_not(run):
    control = run.by_id[1900099]
    record = run.by_id[1900040]
    assert record["title"] == control["title"]
    assert record["text"].startswith("Міністр оборони України Рустем Умєров")
    assert "зазначив глава Міноборони" in record["text"]
    # cut mid-tag, the rest of the page never arriving: nothing tells whether the article is whole
    # (here the cut falls after its text; anywhere else it would be half an article): retried, then listed
    assert run.count(fault_path(1900041)) == 1 + RETRY_TIMES
    assert_failed_once(run, 1900041, "truncated_html", "HTML cut short")
    # nested past Python's recursion limit (1000 frames): read whole, no RecursionError
    assert run.by_id[1900047]["text"] == control["text"]


def test_a_date_after_the_crawl_is_not_the_publication_date(run):
    # JSON-LD and meta three days ahead: the header's time (every good article's date is checked too)
    assert run.by_id[1900058]["published_at"] == run.by_id[1900099]["published_at"]
    assert run.stat("interfax/dates/future_skipped") == 1
    lines = run.lines(live(1900058))
    assert len(lines) == 1 and "is after the crawl" in lines[0] and "not a publication date; used '21:32 11.04.2025'" in lines[0], lines


def test_encodings_are_repaired(run):
    control = run.by_id[1900099]
    # windows-1251 without a charset, windows-1251 under a utf-8 header, utf-8 under a latin-1 header, NULs
    for article_id in (1900042, 1900043, 1900044, 1900045):
        record = run.by_id[article_id]
        assert record["title"] == control["title"], article_id
        assert record["text"] == control["text"], article_id
        assert record["lead"] == control["lead"], article_id
    assert run.stat("interfax/encoding/wrong_charset") == 2
    assert run.stat("interfax/encoding/redecoded_cp1251") == 1 and run.stat("interfax/encoding/redecoded_utf8") == 1
    assert run.stat("interfax/encoding/nul_stripped") == 1
    assert not run.lines("re-decoded")  # a repaired page is INFO, not a warning


# ---------------------------------------------------------------- layout changes


def test_unknown_layout_is_dropped_named_and_listed(run):
    url = live(1900050)
    assert 1900050 not in run.by_id
    lines = run.lines(url)
    assert len(lines) == 1, lines
    assert "missing title, text, published_at" in lines[0] and "unknown layout" in lines[0]
    assert "\n{" not in run.log.split(lines[0], 1)[1][:3]  # one line, not the item dumped after it
    assert run.stat("interfax/drop/no_title") == 1
    for field in ("title", "text", "published_at"):  # the coverage monitors read these
        assert run.stat(f"interfax/missing/{field}") == 1
    assert {"url": url, "reason": "missing title, text, published_at"} in run.failed_file


def test_empty_listing_warns_once_and_the_run_goes_on(run):
    lines = run.lines(f"{LIVE}/news/empty.html")
    assert len(lines) == 1 and "has no article links" in lines[0]
    assert run.stat("interfax/listing/empty") == 1
    assert run.count("/news/empty.html") == 1
    assert len(run.records) == len(GOOD)


# ---------------------------------------------------------------- what is never requested


def test_robots_txt_disallow_is_obeyed(run):
    assert run.count("/robots.txt") == 1
    assert run.count(fault_path(1900060, "private")) == 0
    assert run.stat("interfax/errors/robots_disallowed") == 1
    assert live(1900060, "private") not in run.stats["interfax/failed/urls"]  # policy, not a fault
    assert not run.lines(live(1900060, "private"))  # INFO, not a warning


def test_nothing_off_the_site_and_no_listening_port(run):
    allowed = re.compile(r"^/(robots\.txt|news/(faults|empty)\.html|news/faults/\d+(-amp)?\.html)$")
    assert all(allowed.match(path) for path in run.requests), sorted(set(run.requests))
    enabled = run.log.split("Enabled extensions:", 1)[1].split("]", 1)[0]
    assert "TelnetConsole" not in enabled and "RemoteControl" not in enabled.replace("_", "")
    assert "Telnet console listening" not in run.log


def test_project_limits():
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    assert 1024 * 1024 <= settings.getint("DOWNLOAD_MAXSIZE") <= 8 * 1024 * 1024
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.get("INTERFAX_FAILED_FILE") == ""


# ---------------------------------------------------------------- the pieces, without a crawl


def test_retry_after_values():
    now = time.time()
    assert retry_after_seconds(b"120") == 120
    assert retry_after_seconds(" 1.5 ") == 1.5
    assert 9 <= retry_after_seconds(formatdate(now + 10, usegmt=True), now=now) <= 10
    assert retry_after_seconds(formatdate(now - 100, usegmt=True), now=now) == 0
    for bad in (None, b"", b"soon", b"-5", b"Mon, 99 Foo 2025"):
        assert retry_after_seconds(bad) is None


def _crawler(**settings):
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": "", **settings})
    crawler.spider = crawler._create_spider(since="2000-01-01")
    return crawler


def test_backoff_delays():
    crawler = _crawler(INTERFAX_RETRY_BACKOFF_BASE=1.0, INTERFAX_RETRY_BACKOFF_MAX=5, INTERFAX_RETRY_AFTER_MAX=60)
    mw = BackoffRetryMiddleware.from_crawler(crawler)
    request = scrapy.Request("http://127.0.0.1/x.html")
    delays = [mw.delay(request.replace(meta={"retry_times": n}), None)[0] for n in (1, 2, 3, 4, 5)]
    assert delays == [1, 2, 4, 5, 5]
    busy = Response("http://127.0.0.1/x.html", status=503, headers={"Retry-After": "7"})
    assert mw.delay(request, busy) == (7, "retry_after")
    busy = Response("http://127.0.0.1/x.html", status=429, headers={"Retry-After": "86400"})
    assert mw.delay(request, busy) == (60, "retry_after_capped")
    # no wait asked for (0, or a date already past by the answer's own clock): the backoff
    for asked in ("0", formatdate(time.time() - 3600, usegmt=True)):
        busy = Response("http://127.0.0.1/x.html", status=503, headers={"Retry-After": asked, "Date": formatdate(usegmt=True)})
        assert mw.delay(request.replace(meta={"retry_times": 2}), busy) == (2, "backoff")


def test_a_429_slows_the_crawl_down_and_its_retries_back_off(caplog):
    """A rate limit (nginx ``limit_req``: 429, ``Retry-After: 1``) asks for fewer requests: the site's download
    slot waits twice as long between requests (at least 1 s, no jitter; easing after answers without one), once per pace (the rest of a burst, within
    one delay of the slow-down, says nothing of the new pace); a retry of a 429 waits the longer of Retry-After and the backoff
    (before: exactly Retry-After, at the same pace, until RETRY_TIMES ran out and articles were lost)."""
    import asyncio
    import types

    from scrapy.core.downloader import Slot

    crawler = _crawler(INTERFAX_RETRY_BACKOFF_BASE=1.0, INTERFAX_RETRY_BACKOFF_MAX=30)
    crawler.stats.open_spider()
    slot = Slot(concurrency=4, delay=0.25, jitter=0.5)
    downloader = types.SimpleNamespace(slots={"127.0.0.1": slot}, per_slot_settings={}, get_slot_key=lambda r: "127.0.0.1")
    crawler.engine = types.SimpleNamespace(downloader=downloader)
    mw = BackoffRetryMiddleware.from_crawler(crawler)
    request = scrapy.Request("http://127.0.0.1/x.html")
    limited = Response(request.url, status=429, headers={"Retry-After": "1"})
    mw._slow_down(request, limited)
    assert (slot.delay, slot.jitter) == (1.0, 0.0)
    mw._slow_down(request, limited)  # the rest of a burst, sent at the old pace: no slower
    assert slot.delay == 1.0
    mw._paced_at["127.0.0.1"] -= 1.5  # a 429 more than one delay later: at the new pace, slower again
    mw._slow_down(request.replace(meta={"retry_times": 1}), limited)  # (not a retry's: its first 429 set the pace)
    assert slot.delay == 1.0
    mw._slow_down(request, limited)
    assert slot.delay == 2.0
    assert crawler.stats.get_value("interfax/retry/rate_limited") == 4
    assert crawler.stats.get_value("interfax/retry/pace_seconds") == 2.0
    # the pace holds against AutoThrottle's lowering, then eases after answers without a 429, back to the slot's own
    slot.delay = 0.1
    asyncio.run(mw.process_response(request, Response(request.url, status=200)))
    assert (slot.delay, slot.jitter) == (2.0, 0.0)
    for _ in range(4):
        asyncio.run(mw.process_response(request, Response(request.url, status=200)))
    assert slot.delay == 1.0
    for _ in range(10):
        asyncio.run(mw.process_response(request, Response(request.url, status=200)))
    assert (slot.delay, slot.jitter) == (0.25, 0.5)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "429" in warnings[0] and "one request every 1 s" in warnings[0]
    retries = [mw.delay(request.replace(meta={"retry_times": n}), limited) for n in (1, 2, 3)]
    assert retries == [(1, "retry_after"), (2, "backoff"), (4, "backoff")]
    busy = Response(request.url, status=503, headers={"Retry-After": "1"})  # a 503's Retry-After is the wait asked
    assert mw.delay(request.replace(meta={"retry_times": 3}), busy) == (1, "retry_after")


def test_a_graceful_stop_lets_held_requests_go_at_once():
    """SIGTERM while the site is held by a ``Retry-After: 60``: the held slot and the retries waiting their turn
    are let go at once (before, the stop waited for them: about 2 minutes, past systemd's 90 s stop timeout)."""
    import asyncio
    import types

    from scrapy.core.downloader import Slot

    crawler = _crawler(INTERFAX_RETRY_AFTER_MAX=60)
    crawler.stats.open_spider()
    slot = Slot(concurrency=4, delay=0.0, jitter=0.0)
    resumed = []
    downloader = types.SimpleNamespace(slots={"127.0.0.1": slot}, per_slot_settings={}, get_slot_key=lambda r: "127.0.0.1",
                                       _latercall=lambda s: resumed.append(s))
    crawler.engine = types.SimpleNamespace(downloader=downloader, running=False, _slot=None)  # stopping
    crawler.extensions = types.SimpleNamespace(middlewares=[])
    mw = BackoffRetryMiddleware.from_crawler(crawler)
    request = scrapy.Request("http://127.0.0.1/x.html")
    held = Response(request.url, status=429, headers={"Retry-After": "60"})
    mw._hold_site(request, held)
    assert resumed == [slot]  # the hold ended as it began
    started = time.monotonic()
    asyncio.run(asyncio.wait_for(mw._wait(request.replace(meta={"retry_times": 1}), held), 5))
    assert time.monotonic() - started < 1
    assert crawler.stats.get_value("interfax/retry/let_go") == 1


def test_a_mirrors_redirect_naming_the_live_site_is_followed_on_the_mirror(tmp_path):
    """A mirror (a reverse proxy's cache of the site, say) passes on the site's redirects, whose Location
    names the live site: followed on the mirror, as the site's links are (before: "redirects off the site",
    the article lost); never to the live site itself, and a redirect back to the page itself is a loop."""
    from interfax.mirror.faulty import Fault, _page

    faults = {
        fault_path(1940001): Fault("redirect", "301 to the live https URL of another article", status=301,
                                   target=LIVE + fault_path(1940091)),
        fault_path(1940002): Fault("redirect", "301 to the www. host over http", status=301,
                                   target="http://www.interfax.com.ua" + fault_path(1940092) + "?utm_source=rss"),
        fault_path(1940003): Fault("redirect", "301 to its own live URL (a loop on the mirror)", status=301,
                                   target=LIVE + fault_path(1940003)),
        fault_path(1940091): Fault("content", "target", body=_page(1940091), listing=None),
        fault_path(1940092): Fault("content", "target", body=_page(1940092), listing=None),
    }
    with FaultyServer(faults=faults) as server:
        mirror = crawl(server, tmp_path, "-a", "sections=faults")
    assert sorted(mirror.by_id) == [1940091, 1940092]
    assert mirror.count(fault_path(1940091)) == 1 and mirror.count(fault_path(1940092)) == 1
    assert mirror.stat("interfax/redirects/onto_base") == 3 and mirror.stat("interfax/errors/offsite_redirect") == 0
    assert_failed_once(mirror, 1940003, "redirect_loop", "redirect loop /news/faults/1940003.html -> /news/faults/1940003.html")


def test_a_retry_after_of_zero_again_and_again_is_not_a_storm_of_retries(tmp_path):
    """A busy site answering 503 with ``Retry-After: 0`` every time: the retries wait the backoff
    (before: all at once, within milliseconds), then the article is a named failure."""
    from interfax.mirror.faulty import Fault, _page

    faults = {fault_path(1920020): Fault("status", "503 with Retry-After: 0, always", status=503, retry_after="0"),
              fault_path(1920099): Fault("content", "a good article", body=_page(1920099))}
    with FaultyServer(faults=faults) as server:
        busy = crawl(server, tmp_path, "-a", "sections=faults")
    assert busy.count(fault_path(1920020)) == RETRY_TIMES + 1
    assert [round(g, 1) >= BACKOFF * 2 ** n * 0.9 for n, g in enumerate(busy.gaps(fault_path(1920020)))] == [True] * RETRY_TIMES, \
        busy.gaps(fault_path(1920020))
    assert busy.stat("interfax/retry/backoff") == RETRY_TIMES and busy.stat("interfax/retry/retry_after") == 0
    assert_failed_once(busy, 1920020, "http_503", "HTTP 503, gave up after 2 retries")
    assert 1920099 in busy.by_id


def test_retry_middleware_off_when_retries_are_off():
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        BackoffRetryMiddleware.from_crawler(_crawler(RETRY_ENABLED=False))


CYRILLIC = "<html><body><p>" + "Міністр оборони України провів зустріч у Брюсселі з партнерами. " * 5 + "</p></body></html>"


@pytest.mark.parametrize(
    "body, headers, fixed_kind",
    [
        (CYRILLIC.encode("cp1251"), {"Content-Type": "text/html; charset=utf-8"}, "wrong_charset"),
        (CYRILLIC.encode("utf-8"), {"Content-Type": "text/html; charset=iso-8859-1"}, "wrong_charset"),
        (CYRILLIC.encode("utf-8").replace(b"<p>", b"<p>\x00"), {"Content-Type": "text/html"}, "nul_stripped"),
        # said to be UTF-16 (no BOM, no NUL): read as UTF-16, a page of even length was CJK garbage, and dropped
        (CYRILLIC.encode("utf-8") + b" " * (len(CYRILLIC.encode("utf-8")) % 2), {"Content-Type": "text/html; charset=utf-16"}, "wrong_charset"),
        (CYRILLIC.encode("cp1251") + b" " * (len(CYRILLIC.encode("cp1251")) % 2), {"Content-Type": "text/html; charset=utf-16le"}, "wrong_charset"),
    ],
)
def test_encoding_fix(body, headers, fixed_kind):
    crawler = _crawler()
    mw = EncodingFixMiddleware.from_crawler(crawler)
    response = HtmlResponse("http://127.0.0.1/news/general/1.html", body=body, headers=headers)
    fixed = mw.process_response(scrapy.Request(response.url), response)
    assert "Міністр оборони України" in fixed.text and "\x00" not in fixed.text
    assert crawler.stats.get_value(f"interfax/encoding/{fixed_kind}") == 1


@pytest.mark.parametrize("part", ["Цитата з архіву: «Енергетики працюють цілодобово».", "Джерело", "© 1992-2026 Інтерфакс-Україна. Всі права захищено. " * 3])
def test_a_utf8_page_with_windows_1251_parts_reads_those_parts_as_windows_1251(part):
    """A legacy include or a pasted quote in windows-1251 on a UTF-8 page: the page was read whole as
    windows-1251 (every UTF-8 letter a pair: mojibake, exported so); now only the part is."""
    crawler = _crawler()
    mw = EncodingFixMiddleware.from_crawler(crawler)
    body = CYRILLIC.encode("utf-8").replace(b"</body>", b"<p>" + part.encode("cp1251") + b"</p></body>")
    response = HtmlResponse("http://127.0.0.1/news/general/1.html", body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    fixed = mw.process_response(scrapy.Request(response.url), response)
    assert "Міністр оборони України" in fixed.text and part in fixed.text
    assert crawler.stats.get_value("interfax/encoding/mixed_cp1251") == 1
    # a page in windows-1251 whose bytes here and there pair up as UTF-8 ("Ці") is still read whole as windows-1251
    whole = CYRILLIC.replace("Міністр", "Ці Міністр").encode("cp1251")
    response = HtmlResponse("http://127.0.0.1/news/general/2.html", body=whole, headers={"Content-Type": "text/html; charset=utf-8"})
    assert "Ці Міністр оборони України" in mw.process_response(scrapy.Request(response.url), response).text


@pytest.mark.parametrize("actual, declared", [
    ("cp1251", "koi8-r"), ("cp1251", "koi8-u"), ("koi8-u", "windows-1251"), ("koi8-r", "windows-1251"),
])
def test_a_page_in_one_cyrillic_single_byte_charset_said_to_be_another_is_redecoded(actual, declared):
    """windows-1251 bytes said to be KOI8-R (and the other way round) read as Cyrillic too, every letter's
    case inverted ("мНБХМЮ"): no test for Latin-1 or U+FFFD saw it, and the article was exported as mojibake."""
    crawler = _crawler()
    mw = EncodingFixMiddleware.from_crawler(crawler)
    page = CYRILLIC if actual != "koi8-r" else CYRILLIC.replace("і", "и").replace("ї", "и")  # (KOI8-R has no і, ї)
    for headers, body in (({"Content-Type": f"text/html; charset={declared}"}, page.encode(actual)),
                          ({}, page.replace("<html>", f'<html><head><meta charset="{declared}"></head>').encode(actual))):
        response = HtmlResponse("http://127.0.0.1/news/general/1.html", body=body, headers=headers)
        fixed = mw.process_response(scrapy.Request(response.url), response)
        assert page.split("<p>")[1][:40] in fixed.text
    assert crawler.stats.get_value("interfax/encoding/wrong_charset") == 2
    read_as = "koi8u" if actual == "koi8-r" else actual.replace("-", "")  # (the same letters, KOI8-R's and KOI8-U's, in its text)
    assert crawler.stats.get_value(f"interfax/encoding/redecoded_{read_as}") == 2


def test_encoding_fix_leaves_good_and_latin_pages_alone():
    crawler = _crawler()
    mw = EncodingFixMiddleware.from_crawler(crawler)
    for body, ctype in (
        (CYRILLIC.encode("utf-8"), "text/html; charset=utf-8"),
        # UTF-8 as declared, with a U+FFFD the text itself holds (an upstream decoding fault): not a wrong charset
        (CYRILLIC.replace("оборони", "обо\ufffdрони", 1).encode("utf-8"), "text/html; charset=utf-8"),
        ("<html><body><p>Une réunion à Bruxelles a été tenue, déclaré le ministre. Très bien.</p></body></html>"
         .encode("latin-1"), "text/html; charset=iso-8859-1"),
        # UTF-16 that is UTF-16
        (CYRILLIC.encode("utf-16"), "text/html; charset=utf-16"),
        # single-byte Cyrillic charsets that are what they say, also with a headline in capitals
        (CYRILLIC.replace("<p>", "<h1>МІНІСТР ОБОРОНИ УКРАЇНИ У БРЮССЕЛІ</h1><p>").encode("cp1251"), "text/html; charset=windows-1251"),
        (CYRILLIC.encode("koi8-u"), "text/html; charset=koi8-u"),
    ):
        response = HtmlResponse("http://127.0.0.1/a.html", body=body, headers={"Content-Type": ctype})
        assert mw.process_response(scrapy.Request(response.url), response) is response
    assert not [k for k in crawler.stats.get_stats() if k.startswith("interfax/encoding/")]


def test_content_guard_only_judges_page_requests():
    mw = ContentGuardMiddleware.from_crawler(_crawler())
    pdf = Response("http://127.0.0.1/news/general/1.html", body=b"%PDF", headers={"Content-Type": "application/pdf"})
    with pytest.raises(NotHtml):
        mw.process_response(scrapy.Request(pdf.url, meta={"interfax_kind": "article"}), pdf)
    robots = scrapy.Request("http://127.0.0.1/robots.txt")
    text = Response(robots.url, body=b"User-agent: *", headers={"Content-Type": "text/plain"})
    assert mw.process_response(robots, text) is text


@pytest.mark.parametrize("body, cut", [
    (b"<!DOCTYPE html><html><head></head><body><p>Abc</p></body></html>\n", False),
    (b"<HTML><BODY><P>Abc</P></BODY></HTML>", False),
    (b"<html><body><p>Abc</p></body>\n<!-- served in 0.1 s -->", False),  # </html> left out: the body is closed
    (b"<html><body><p>Abc</p></body></html>" + b"<script>x()</script>" * 1000, False),  # much after the end
    (b"<p>a fragment, no document to end</p>", False),
    (b"<!DOCTYPE html><html><head></head><body><p>Abc</p><p>Ab", True),
    (b"<html><body><article><p>Abc</p></art", True),
    (b"<html><head><title>T</title>" + b"<meta name=x>" * 1000, True),
    # a whole page that leaves out </body> and </html>, as HTML allows (before: every such page "cut short",
    # retried and lost)
    (b"<!DOCTYPE html><html><head><title>T</title></head><body><div class=article><h1>T</h1><p>Text.</p></div>"
     b"<footer>f</footer>\n", False),
    (b"<html><body><main><article><p>Abc</p></article></main><script>x()</script>", False),
    # cut short inside a container, or mid-text, or before the body
    (b"<html><body><div class=article><h1>T</h1><p>Text.</p>", True),
    (b"<html><body><div><p>Abc</p></div><p>Ab", True),
    (b"<html><body><article><p>Abc</p>", True),
    (b"<html><head><title>T</title></head>", True),
    # an end tag inside a script's string is no end: the page after it was cut mid-text (before: exported as whole)
    (b'<html><head><script>document.write("<iframe></iframe></body></html>");</script></head><body><div><p>Abc</p><p>Ab', True),
    (b'<html><head><script>document.write("</body></html>")</script></head><body><p>' + b"Abc. " * 1000 + b"</p><p>Ab", True),
    # after the end: a tracking pixel, a script that writes an end tag
    (b"<html><body><p>Abc</p></body></html>\n<img src=/t.gif>\n", False),
    (b'<html><body><p>Abc</p></body></html><script>document.write("</body>")</script>', False),
    # a whole page with a server's junk after it (a cut copy of its start): as before, its end tag near the end is its end
    (b"<html><body><p>Abc</p></body></html>\n<!-- cache: HIT -->\n<!DOCTYPE html><html><head><title>T</title><p>Ab", False),
])
def test_an_html_document_that_never_ends_is_told(body, cut):
    from interfax.middlewares import ends_mid_document

    assert ends_mid_document(body) is cut


def test_a_page_cut_short_is_retried_then_a_named_failure():
    import asyncio

    from interfax.middlewares import TruncatedHtml

    url = "http://127.0.0.1/news/general/1.html"
    cut = HtmlResponse(url, body=b"<html><body><p>Half a pa", encoding="utf-8")
    whole = HtmlResponse(url, body=b"<html><body><p>A page.</p></body></html>", encoding="utf-8")
    request = scrapy.Request(url, meta={"interfax_kind": "article"})
    crawler = _crawler(RETRY_TIMES=1, INTERFAX_RETRY_BACKOFF_BASE=0)
    mw = BackoffRetryMiddleware.from_crawler(crawler)
    retry = asyncio.run(mw.process_response(request, cut))
    assert isinstance(retry, scrapy.Request) and retry.meta["retry_times"] == 1
    with pytest.raises(TruncatedHtml):
        asyncio.run(mw.process_response(retry, cut))
    assert asyncio.run(mw.process_response(request, whole)) is whole
    robots = scrapy.Request("http://127.0.0.1/robots.txt")  # not a page request: not judged
    assert asyncio.run(mw.process_response(robots, cut)) is cut
    # no retries: the content guard names it at once; with retries it leaves it to the retry middleware
    guard = ContentGuardMiddleware.from_crawler(_crawler(RETRY_ENABLED=False))
    with pytest.raises(TruncatedHtml):
        guard.process_response(request, cut)
    assert ContentGuardMiddleware.from_crawler(_crawler()).process_response(request, cut) is cut


def test_spider_callbacks_survive_a_non_html_response():
    """With ContentGuardMiddleware off, a PDF reaching the callbacks is counted, logged and listed."""
    crawler = _crawler()
    spider = crawler.spider
    url = "http://127.0.0.1:1/news/general/1900030.html"
    pdf = Response(url, body=b"%PDF-1.4", request=scrapy.Request(url, meta={"interfax_kind": "article"}))
    spider.base_url = "http://127.0.0.1:1"
    assert list(spider.parse_article(pdf)) == []
    assert list(spider.parse_listing(pdf, section="general")) == []
    assert crawler.stats.get_value("interfax/errors/not_html") == 2
    assert f"{LIVE}/news/general/1900030.html" in spider.failed


def test_describe_failure_names_common_faults():
    from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest, ResponseDataLossError

    request = scrapy.Request("http://127.0.0.1/x.html", meta={"retry_times": 3, "download_timeout": 30})
    cases = {
        DownloadTimeoutError("took too long"): ("timeout", "no answer within 30 s, gave up after 3 retries"),
        ResponseDataLossError(): ("data_loss", "connection closed before the whole body arrived, gave up after 3 retries"),
        IgnoreRequest("Forbidden by robots.txt"): ("robots_disallowed", "robots.txt disallows it, gave up after 3 retries"),
    }
    for exc, want in cases.items():
        exc.request = request
        assert describe_failure(exc) == want
    # a proxy that asks for credentials: named as the proxy's answer (before, "HTTP 407", read as the site's)
    from scrapy.http import Response
    from scrapy.spidermiddlewares.httperror import HttpError

    proxied = scrapy.Request("http://interfax.com.ua/news/general.html", meta={"proxy": "http://u:secret@10.0.0.1:3128"})
    exc = HttpError(Response(proxied.url, status=407, request=proxied), "Ignoring non-200 response")
    exc.request = proxied
    kind, why = describe_failure(exc)
    assert kind == "http_407" and "from the proxy http://10.0.0.1:3128, not the site" in why and "secret" not in why
    # an answer that is no valid HTTP (Twisted's ResponseFailed, which Scrapy wraps): the server answered
    from scrapy.exceptions import DownloadFailedError
    from twisted.internet.error import ConnectionLost
    from twisted.python.failure import Failure
    from twisted.web._newclient import ParseError, ResponseFailed
    import OpenSSL.SSL

    for reason, want in [
        (ValueError("Invalid response: conflicting Content-Length headers: b'1,2'"),
         ("bad_response", "the answer is not valid HTTP: conflicting Content-Length headers: b'1,2'")),
        (ParseError("wrong number of parts", b"HTTP/1.1"), ("bad_response", "the answer is not valid HTTP: wrong number of parts")),
        # a Content-Length that is no number, a Transfer-Encoding Twisted does not read (before: "download failed")
        (ValueError("Value contains non-decimal digits: b'abc'"),
         ("bad_response", "the answer is not valid HTTP: a length that is no number (b'abc')")),
        (KeyError(b"gzip, chunked"), ("bad_response", "the answer is sent with Transfer-Encoding 'gzip, chunked', which this client cannot read")),
        (ConnectionLost(), ("connection_lost", "connection lost")),
        # a TLS handshake that failed: the host answered, not in TLS (before: "connection lost")
        (OpenSSL.SSL.Error([("SSL routines", "", "wrong version number")]),
         ("tls", "TLS handshake failed: wrong version number; the server does not speak HTTPS on this port, "
                 "or no TLS version or cipher suits both sides")),
        # a certificate refused (DOWNLOAD_VERIFY_CERTIFICATES=True): not "does not speak HTTPS"
        (OpenSSL.SSL.Error([("SSL routines", "", "certificate verify failed")]),
         ("tls", "TLS handshake failed: certificate verify failed; the server's certificate is not valid for this host "
                 "(self-signed, expired or another host's; DOWNLOAD_VERIFY_CERTIFICATES)")),
    ]:
        try:
            raise DownloadFailedError("x") from ResponseFailed([Failure(reason)])
        except DownloadFailedError as exc:
            assert describe_failure(exc) == want
    # through a proxy (http_proxy): the connection that failed was the proxy's; its password is not said
    from scrapy.exceptions import DownloadConnectionRefusedError

    refused = DownloadConnectionRefusedError()
    refused.request = scrapy.Request("http://127.0.0.1/x.html", meta={"proxy": "http://crawler:s3cret@10.0.0.1:3128"})
    assert describe_failure(refused) == ("connection_refused", "connection refused at the proxy http://10.0.0.1:3128")


def test_failed_file_placeholders(tmp_path):
    from interfax.middlewares import FailureReport

    crawler = _crawler(INTERFAX_FAILED_FILE=str(tmp_path / "%(name)s-%(time)s.failed.jsonl"))
    report = FailureReport.from_crawler(crawler)
    crawler.spider.failed = {f"{LIVE}/news/general/1.html": "HTTP 500"}
    report.spider_closed(crawler.spider, "finished")
    (written,) = tmp_path.glob("articles-*.failed.jsonl")
    assert ":" not in written.name
    assert json.loads(written.read_text("utf-8")) == {"url": f"{LIVE}/news/general/1.html", "reason": "HTTP 500"}
    datetime.fromisoformat(written.name[len("articles-"):-len(".failed.jsonl")].replace("T", " ")[:10])


def test_log_formatter_skips_debug_lines_below_the_log_level():
    from interfax.middlewares import LogFormatter
    from interfax.pipelines import NoTitle

    request = scrapy.Request("http://127.0.0.1/x.html")
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    quiet = LogFormatter.from_crawler(_crawler(LOG_LEVEL="INFO"))
    assert quiet.crawled(request, response, None) is None
    assert quiet.scraped({"id": 1}, response, None) is None
    dropped = quiet.dropped({"id": 1}, NoTitle("missing title: x"), response, None)
    assert dropped["args"]["reason"] == "no_title" and "Dropped" in dropped["msg"]
    verbose = LogFormatter.from_crawler(_crawler(LOG_LEVEL="DEBUG"))
    assert verbose.crawled(request, response, None)["msg"].startswith("Crawled")
    assert verbose.scraped({"id": 1}, response, None)["msg"].startswith("Scraped from")


def test_faulty_server_records_what_it_answered():
    import urllib.error
    import urllib.request

    with FaultyServer() as server:
        for path in ("/robots.txt", "/news/general/1063374.html", "/nope.html"):
            try:
                urllib.request.urlopen(server.url(path), timeout=10).read()
            except urllib.error.HTTPError:
                pass
        assert [(hit.path, hit.status) for hit in server.hits] == [
            ("/robots.txt", 200), ("/news/general/1063374.html", 200), ("/nope.html", 404)]
        assert server.requests == ["/robots.txt", "/news/general/1063374.html", "/nope.html"]


@pytest.mark.parametrize(
    "head, encoding",
    [
        ('<META HTTP-EQUIV="Refresh" CONTENT="0; URL=/news/general/2.html">', "utf-8"),
        ("<meta http-equiv='refresh' content='1;url=https://evil.example/x'>", "utf-8"),
        ("<meta charset='utf-8'><title>Без оновлення</title>", "utf-8"),
        ("<meta name='x' content='" + "x" * 4200 + "'><meta http-equiv='refresh' content='0;url=/news/general/3.html'>", "utf-8"),
        ("<title>" + "щ" * 4000 + "</title><meta http-equiv='REFRESH' content='0;url=/news/general/4.html'>", "utf-8"),
        ("<title>" + "щ" * 4100 + "</title><meta http-equiv='REFRESH' content='0;url=/news/general/4.html'>", "utf-8"),
        ("<title>" + "щ" * 4100 + "</title><meta http-equiv='REFRESH' content='0;url=/news/general/4.html'>", "utf-16"),
        ("<meta http-equiv='refresh' content='0;url=/news/general/5.html'>", "utf-16"),
        ("<meta http-equiv='refresh' content='0;url=/news/general/6.html'>", "cp1251"),
    ],
    ids=["on-site", "off-site", "none", "past-4096-characters", "cyrillic-just-inside", "cyrillic-past-4096",
         "utf16-past-4096", "utf16", "cp1251"],
)
def test_meta_refresh_answers_stay_scrapys(head, encoding):
    """The word "refresh" is looked for before Scrapy reads the page head: every answer is the one
    Scrapy's own middleware (with the same redirect checks) gives."""
    from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware

    from interfax.middlewares import SafeMetaRefreshMiddleware, _SafeRedirectMixin

    class Plain(_SafeRedirectMixin, MetaRefreshMiddleware):
        pass

    def answer(cls):
        request = scrapy.Request("https://interfax.com.ua/news/general/1.html")
        response = HtmlResponse(request.url, body=f"<html><head>{head}</head><body>т</body></html>".encode(encoding),
                                encoding=encoding, request=request)
        try:
            result = cls.from_crawler(_crawler()).process_response(request, response)
        except Exception as exc:  # noqa: BLE001 - the type is the answer
            return type(exc).__name__
        return "same page" if result is response else (result.url, result.meta["redirect_urls"])

    assert answer(SafeMetaRefreshMiddleware) == answer(Plain)


def test_meta_refresh_is_followed_on_the_site_only():
    from interfax.middlewares import OffsiteRedirect, SafeMetaRefreshMiddleware

    mw = SafeMetaRefreshMiddleware.from_crawler(_crawler())
    request = scrapy.Request("https://interfax.com.ua/news/general/1.html")
    page = '<html><head><meta http-equiv="Refresh" content="0; url={}"></head></html>'
    moved = mw.process_response(request, HtmlResponse(request.url, body=page.format("/news/general/2.html").encode(), encoding="utf-8", request=request))
    assert moved.url == "https://interfax.com.ua/news/general/2.html" and moved.meta["redirect_urls"] == [request.url]
    with pytest.raises(OffsiteRedirect):
        mw.process_response(request, HtmlResponse(request.url, body=page.format("https://evil.example/").encode(), encoding="utf-8", request=request))


# ---------------------------------------------------------------- redirects the duplicate filter would hide


def _redirected(target: str, asked: str, body: bytes, **meta):
    request = scrapy.Request(target, meta={"redirect_urls": [asked], **meta})
    return HtmlResponse(target, body=body, encoding="utf-8", request=request)


def test_a_redirect_of_a_page_request_is_never_filtered_as_a_duplicate():
    from interfax.middlewares import SafeRedirectMiddleware

    crawler = _crawler()
    mw = SafeRedirectMiddleware.from_crawler(crawler)
    asked = scrapy.Request("https://interfax.com.ua/news/general/7.html", meta={"interfax_kind": "article"})
    moved = Response(asked.url, status=301, headers={"Location": "/news/general.html"})
    follow = mw.process_response(asked, moved)
    assert follow.url == "https://interfax.com.ua/news/general.html" and follow.dont_filter
    helper = scrapy.Request("https://interfax.com.ua/robots.txt")  # not a page of the spider's: Scrapy's rules
    assert not mw.process_response(helper, Response(helper.url, status=301, headers={"Location": "/r.txt"})).dont_filter


def test_an_article_redirected_to_a_listing_is_a_named_failure():
    crawler = _crawler()
    spider = crawler.spider
    listing = (MIRROR_ROOT / "news" / "general.html").read_bytes()
    response = _redirected("https://interfax.com.ua/news/general.html", "https://interfax.com.ua/news/general/7.html",
                           listing, interfax_kind="article", interfax_id=7)
    assert list(spider.parse_article(response)) == []
    assert spider.failed == {"https://interfax.com.ua/news/general/7.html":
                             "redirected to https://interfax.com.ua/news/general.html, not an article"}
    assert crawler.stats.get_value("interfax/article/not_an_article") == 1


def test_a_pager_page_sent_back_to_page_one_ends_the_paging_with_a_warning(caplog):
    crawler = _crawler()
    listing = (MIRROR_ROOT / "news" / "general.html").read_bytes()
    response = _redirected("https://interfax.com.ua/news/general.html", "https://interfax.com.ua/news/general-2.html",
                           listing, interfax_kind="listing")
    assert list(crawler.spider.parse_listing(response, section="general")) == []
    assert crawler.stats.get_value("interfax/listing/redirected") == 1
    assert "listing https://interfax.com.ua/news/general-2.html redirected to https://interfax.com.ua/news/general.html" in caplog.text


def test_an_article_whose_canonical_names_another_id_is_counted_and_named(caplog):
    crawler = _crawler()
    html = ('<html><head><link rel="canonical" href="https://interfax.com.ua/news/general/99.html"></head><body>'
            '<article class="article-content-view"><h1>Заголовок</h1><div class="article-time">10:00 01.02.2025</div>'
            '<div class="article-content"><p>Текст статті.</p></div></article></body></html>').encode()
    request = scrapy.Request("https://interfax.com.ua/news/general/13.html", meta={"interfax_kind": "article", "interfax_id": 13})
    out = list(crawler.spider.parse_article(HtmlResponse(request.url, body=html, encoding="utf-8", request=request)))
    assert [o["id"] for o in out if not isinstance(o, scrapy.Request)] == [99]
    assert crawler.stats.get_value("interfax/article/other_id") == 1
    assert "article https://interfax.com.ua/news/general/13.html is article 99" in caplog.text


def test_a_listing_that_is_a_maintenance_page_is_named_not_empty(caplog):
    from interfax.mirror.faulty import _maintenance

    crawler = _crawler()
    request = scrapy.Request("https://interfax.com.ua/news/general.html", meta={"interfax_kind": "listing"})
    response = HtmlResponse(request.url, body=_maintenance(None), encoding="utf-8", request=request)
    # the page is lost, not the section: paging goes on at page 2
    assert [r.url for r in crawler.spider.parse_listing(response, section="general")] == [
        "https://interfax.com.ua/news/general-2.html"]
    assert crawler.stats.get_value("interfax/errors/maintenance") == 1
    assert crawler.stats.get_value("interfax/listing/skipped_failed") == 1
    assert not crawler.stats.get_value("interfax/listing/empty")
    assert "listing failed: https://interfax.com.ua/news/general.html (the site says it is under maintenance)" in caplog.text


def _lost_listing(spider, page: int, status: int) -> list[str]:
    """The URLs the spider asks for after its listing request for ``page`` of general failed with ``status``."""
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    request = spider.listing_request("general", page)
    failure = Failure(HttpError(HtmlResponse(request.url, status=status, request=request, body=b"<html></html>")))
    failure.request = request
    return [r.url for r in spider.on_error(failure) or []]


def test_a_listing_page_lost_to_a_passing_fault_does_not_end_the_paging(caplog):
    crawler = _crawler(INTERFAX_LISTING_SKIP_FAILED=2)
    spider, stats = crawler.spider, crawler.stats
    page = "https://interfax.com.ua/news/general-{}.html".format
    assert _lost_listing(spider, 2, 503) == [page(3)]
    assert _lost_listing(spider, 3, 504) == [page(4)]
    # a third page lost in a row: the section's paging stops, said once
    assert _lost_listing(spider, 4, 500) == []
    assert stats.get_value("interfax/listing/skipped_failed") == 2
    assert stats.get_value("interfax/listing/stopped_failed") == 1
    assert "listing https://interfax.com.ua/news/general-2.html lost: paging of general goes on at page 3" in caplog.text
    assert "listing https://interfax.com.ua/news/general-4.html: 3 pages of general lost in a row: paging of general stops" in caplog.text
    assert stats.get_value("interfax/errors/http_503") == 1  # each lost page is still a counted failure

    # a page read in between starts the count again
    listing = ('<html><body><div class="articles-section-view"><div class="grid article"><div class="article-time">'
               '<span>10:00</span> <span>20.11.2026</span></div><h1 class="article-link-wrapper"><a class="article-link" '
               'href="/news/general/1100001.html">Новина</a></h1></div></div>'
               '<div class="pager"><a href="/news/general-7.html">7</a></div></body></html>').encode()
    request = spider.listing_request("general", 6)
    out = list(spider.parse_listing(HtmlResponse(request.url, body=listing, encoding="utf-8", request=request), section="general"))
    assert page(7) in [r.url for r in out]
    assert _lost_listing(spider, 7, 503) == [page(8)]
    assert _lost_listing(spider, 8, 503) == [page(9)]


@pytest.mark.parametrize("status", [404, 410])
def test_a_listing_page_that_is_not_there_ends_the_paging(status):
    crawler = _crawler()
    assert _lost_listing(crawler.spider, 2, status) == []
    assert not crawler.stats.get_value("interfax/listing/skipped_failed")


def test_a_lost_listing_page_is_not_skipped_past_max_pages_nor_when_skipping_is_off():
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = crawler._create_spider(since="2000-01-01", max_pages="3")
    assert _lost_listing(crawler.spider, 2, 503) == ["https://interfax.com.ua/news/general-3.html"]
    assert _lost_listing(crawler.spider, 3, 503) == []
    off = _crawler(INTERFAX_LISTING_SKIP_FAILED=0)
    assert _lost_listing(off.spider, 2, 503) == []
    assert not off.stats.get_value("interfax/listing/stopped_failed")  # (off: nothing to say)


def test_a_crawl_reads_the_listing_pages_after_one_that_keeps_failing(tmp_path):
    """Page 2 of general answers 503 to every attempt: its articles are lost for this run, page 3's are not."""
    from interfax.mirror.faulty import Fault
    from interfax.pages.listing import ListingPage

    page3 = (MIRROR_ROOT / "news" / "general-3.html").read_bytes()
    listed = {link.ref.id for link in ListingPage(HtmlResponse("https://interfax.com.ua/news/general-3.html",
                                                                body=page3, encoding="utf-8"), "general").items()}
    assert listed
    with FaultyServer(faults={"/news/general-2.html": Fault("status", "always 503", status=503, listing=None)}) as server:
        result = crawl(server, tmp_path, "-a", "sections=general")
    assert result.result.returncode in (0, 3), result.log[-3000:]
    assert result.count("/news/general-2.html") == 1 + RETRY_TIMES
    assert result.count("/news/general-3.html") == 1
    assert listed <= set(result.by_id)
    assert result.stat("interfax/listing/skipped_failed") == 1
    (line,) = result.lines("paging of general goes on")
    assert "listing https://interfax.com.ua/news/general-2.html lost: paging of general goes on at page 3" in line


def test_a_soft_404_is_a_named_failure_not_a_layout_drop(caplog):
    crawler = _crawler()
    html = ('<html><head><title>Сторінку не знайдено | Інтерфакс-Україна</title></head><body><h1>Сторінку не знайдено</h1>'
            '<p>Можливо, вона була видалена або переміщена.</p><a href="/">На головну</a></body></html>').encode()
    request = scrapy.Request("https://interfax.com.ua/news/general/5.html", meta={"interfax_kind": "article", "interfax_id": 5})
    assert list(crawler.spider.parse_article(HtmlResponse(request.url, body=html, encoding="utf-8", request=request))) == []
    assert crawler.stats.get_value("interfax/errors/soft_404") == 1
    assert crawler.spider.failed == {request.url: "soft 404: the page says it is not found"}
    # an article about a 404 error, with its date, is an article
    article = ('<html><head><title>404: сайт міністерства недоступний</title></head><body><article class="article-content-view">'
               '<div class="article-time">10:00 01.02.2025</div><h1>404: сайт міністерства недоступний</h1>'
               '<div class="article-content"><p>Текст статті.</p></div></article></body></html>').encode()
    out = list(crawler.spider.parse_article(HtmlResponse(request.url, body=article, encoding="utf-8", request=request)))
    assert [o["id"] for o in out if not isinstance(o, scrapy.Request)] == [5]


def test_the_end_of_run_summary_tells_gone_articles_from_those_worth_retrying(caplog):
    """404/410 and soft 404s cannot be retried (the state keeps them as gone): the summary said
    "N article(s) failed and can be retried" of them too."""
    crawler = _crawler()
    crawler.spider.failed = {
        f"{LIVE}/news/general/1.html": "HTTP 500, gave up after 3 retries",
        f"{LIVE}/news/general/2.html": "HTTP 404",
        f"{LIVE}/news/general/3.html": "soft 404: the page says it is not found",
        f"{LIVE}/news/general/4.html": "HTTP 410",
        f"{LIVE}/news/general/5.html": "no answer within 30 s, gave up after 3 retries",
    }
    with caplog.at_level(logging.WARNING):
        crawler.spider._closed(crawler.spider, "finished")
    lines = [r.getMessage() for r in caplog.records if "article(s) failed" in r.getMessage()]
    assert lines == [
        f"2 article(s) failed and can be retried: {LIVE}/news/general/1.html (HTTP 500, gave up after 3 retries); "
        f"{LIVE}/news/general/5.html (no answer within 30 s, gave up after 3 retries)",
        f"3 article(s) failed as gone (HTTP 404/410 or a soft 404: not worth retrying): {LIVE}/news/general/2.html (HTTP 404); "
        f"{LIVE}/news/general/3.html (soft 404: the page says it is not found); {LIVE}/news/general/4.html (HTTP 410)",
    ]
    assert crawler.stats.get_value("interfax/failed/count") == 5
    assert crawler.stats.get_value("interfax/failed/gone") == 3


@pytest.mark.parametrize("status", [503, 500, 0, 429])
def test_a_robots_txt_the_site_cannot_serve_means_nothing_is_fetched(tmp_path, status):
    """RFC 9309: a robots.txt answered with a 5xx (after its retries) disallows the whole host for now;
    so does a 429 (the site asks for fewer requests: not a robots.txt that allows everything)."""
    with FaultyServer(robots_status=status) as server:
        result = crawl(server, tmp_path)
        pages = [p for p in server.requests if p != "/robots.txt"]
    assert pages == []
    assert result.stat("interfax/robots/unavailable") == 1
    lines = [line for line in result.log.splitlines()  # (the monitors' report and the stats name it too)
             if "robots.txt of" in line and line.startswith("20") and "[interfax.monitors]" not in line]
    why = f"HTTP {status}" if status else "no answer within"
    assert len(lines) == 1 and f"could not be read ({why}" in lines[0] and "WARNING" in lines[0], lines
    assert result.records == [] and result.result.returncode == 3  # nothing exported: the item-count check fails
    assert "ERROR: Error downloading" not in result.log  # (Scrapy's traceback for it: demoted to DEBUG)


def test_a_site_that_cannot_be_reached_is_named_so_not_a_robots_txt_that_disallows(tmp_path):
    """Nothing listens at base_url (the site or this machine's network is down): one WARNING naming the
    host and the fault, and the end-of-run report says the same - not "robots.txt disallowed 2 requests"."""

    import os

    port = _closed_port()
    result = _crawl_mirror(f"http://127.0.0.1:{port}", tmp_path / "out.jsonl", "general,political",
                           "RETRY_TIMES=1", "INTERFAX_RETRY_BACKOFF_BASE=0.1")
    assert result.returncode == 3
    warnings = [line for line in result.stderr.splitlines() if "] WARNING:" in line]
    assert len(warnings) == 1, warnings
    assert (f"robots.txt of 127.0.0.1:{port} could not be read (connection refused): "
            f"127.0.0.1:{port} cannot be reached: nothing is fetched from it in this run") in warnings[0]
    report = result.stderr.rsplit("interfax monitors FAILED:", 1)[1]
    assert "robots.txt disallowed" not in report
    assert f"127.0.0.1:{port} cannot be reached: 2 requests not sent" in report, report
    stats = parse_stats(result.stderr)
    assert stats.get("interfax/robots/unreachable") == 1 and stats.get("interfax/errors/robots_disallowed") == 2
    assert "Error downloading" not in result.stderr  # (Scrapy's traceback for it: demoted to DEBUG)
    # the site is up, the proxy the environment names (a scheduled run behind one) is not: said so, its
    # password left out - not "<site> cannot be reached"
    proxy = _closed_port()
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "http_proxy", "https_proxy")}
    with FaultyServer() as server:
        proxied = _crawl_mirror(server.base_url, tmp_path / "proxied.jsonl", "general", "RETRY_TIMES=0",
                                env={**env, "http_proxy": f"http://crawler:s3cret@127.0.0.1:{proxy}"})
        assert server.requests == []
    warnings = [line for line in proxied.stderr.splitlines() if "] WARNING:" in line]
    assert len(warnings) == 1 and (f"could not be read (connection refused at the proxy http://127.0.0.1:{proxy}): "
                                   f"the proxy http://127.0.0.1:{proxy} cannot be reached") in warnings[0], warnings
    assert "s3cret" not in proxied.stderr


@pytest.mark.parametrize("no_proxy", ["127.0.0.0/8,localhost", "127.0.0.1:{port}"])
def test_a_mirror_named_in_no_proxy_by_network_or_port_is_crawled_direct(tmp_path, no_proxy):
    """no_proxy=127.0.0.0/8 (GNOME's form, which curl and requests read) or 127.0.0.1:PORT: Scrapy's proxy
    middleware matched neither, and a mirror crawl went to the proxy (here a closed port: nothing fetched)."""
    import os

    proxy = _closed_port()
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "http_proxy", "https_proxy")}
    with FaultyServer() as server:
        port = server.base_url.rsplit(":", 1)[1].rstrip("/")
        result = _crawl_mirror(server.base_url, tmp_path / "out.jsonl", "general", "RETRY_TIMES=0",
                               env={**env, "http_proxy": f"http://127.0.0.1:{proxy}", "no_proxy": no_proxy.format(port=port)})
        assert any(path.startswith("/news/general") for path in server.requests), server.requests
    assert "at the proxy" not in result.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").strip()


def test_an_https_address_of_a_plain_http_server_is_a_tls_failure_not_an_unreachable_site(tmp_path):
    """base_url=https://... of a server that speaks plain HTTP there (a mirror, a misconfigured port):
    the TLS handshake fails. Before, "download failed ... cannot be reached" sent the user to look at
    the network; now the fault is named, counted, and the end-of-run report says it."""
    with FaultyServer() as server:
        base = server.base_url.replace("http://", "https://")
        result = _crawl_mirror(base, tmp_path / "out.jsonl", "general", "RETRY_TIMES=1", "INTERFAX_RETRY_BACKOFF_BASE=0.1")
    assert result.returncode == 3
    warnings = [line for line in result.stderr.splitlines() if "] WARNING:" in line]
    netloc = base.split("//", 1)[1].rstrip("/")
    assert len(warnings) == 1 and (f"robots.txt of {netloc} could not be read (TLS handshake failed: wrong version "
                                   "number; the server does not speak HTTPS on this port") in warnings[0], warnings
    assert "cannot be reached" not in result.stderr and "download failed" not in result.stderr
    stats = parse_stats(result.stderr)
    assert stats.get("interfax/robots/unavailable") == 1 and not stats.get("interfax/robots/unreachable")


def test_a_set_cookie_sends_no_request_off_the_site(tmp_path):
    """Scrapy's cookie middleware, at the first Set-Cookie, had tldextract fetch the Public Suffix List
    from publicsuffix.org (no timeout; two WARNINGs without internet). The proxy the environment names
    here records any such request: none is made."""
    import os
    import socket

    from interfax.mirror.faulty import FAULTS

    recorder = socket.socket()
    recorder.bind(("127.0.0.1", 0))
    recorder.listen(8)
    recorder.settimeout(0.2)
    proxy = f"http://127.0.0.1:{recorder.getsockname()[1]}"
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "http_proxy", "https_proxy")}
    env.update(http_proxy=proxy, https_proxy=proxy, HTTPS_PROXY=proxy, no_proxy="127.0.0.1,localhost",
               TLDEXTRACT_CACHE=str(tmp_path / "tldextract"))  # (a fresh cache: the list is not there yet)
    try:
        with FaultyServer(faults={fault_path(1900019): FAULTS[fault_path(1900019)]}) as server:
            result = _crawl_mirror(server.base_url, tmp_path / "out.jsonl", "faults", env=env)
        try:
            connection, _ = recorder.accept()
            connection.close()
            off_site = True
        except OSError:
            off_site = False
    finally:
        recorder.close()
    assert [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()] == [1900019]
    assert not off_site, "a request went off the site (to the proxy) for the Public Suffix List"
    assert "Public Suffix List" not in result.stderr
    assert not (tmp_path / "tldextract").exists()


def _closed_port() -> int:
    """A free port of 127.0.0.1, closed again: connecting to it is refused."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_robots_txt_cut_off_mid_stream_is_unreadable_not_partly_read(tmp_path):
    """A gzip robots.txt cut off mid-stream: Scrapy's decoder would hand on its first half (the rules
    after the cut, a Disallow among them, lost: allowed). Here it cannot be read: nothing is fetched."""
    import gzip

    from interfax.mirror.faulty import ROBOTS_TXT

    whole = gzip.compress(b"User-agent: *\n" + b"# a long comment line before the rules\n" * 400 + ROBOTS_TXT)
    with FaultyServer(robots_txt=whole[: len(whole) // 2], robots_headers={"Content-Encoding": "gzip"}) as server:
        result = crawl(server, tmp_path)
        pages = [p for p in server.requests if p != "/robots.txt"]
    assert pages == []
    assert result.stat("interfax/robots/unavailable") == 1
    lines = [line for line in result.log.splitlines()  # (the monitors' report and the stats name it too)
             if "robots.txt of" in line and line.startswith("20") and "[interfax.monitors]" not in line]
    assert len(lines) == 1 and "could not be read (gzip body cut off: its compressed stream ends early" in lines[0]


def test_compressed_bodies_are_decoded_whole_or_not_at_all():
    """Every encoding Scrapy asks for: a whole stream decodes as Scrapy would; a cut-off one is a fault."""
    import gzip
    import zlib

    from scrapy.utils._compression import brotli, zstd

    from interfax.middlewares import BadCompression, StrictHttpCompressionMiddleware

    decode = StrictHttpCompressionMiddleware._decode
    page = "<html><body><p>Текст статті</p></body></html>".encode() * 300
    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw_deflate = raw_deflate.compress(page) + raw_deflate.flush()
    whole = {
        b"gzip": gzip.compress(page),
        b"x-gzip": gzip.compress(page[:1000]) + gzip.compress(page[1000:]),  # two members
        b"deflate": zlib.compress(page),
        b"br": brotli.compress(page),
        b"zstd": zstd.compress(page),
    }
    for encoding, body in whole.items():
        assert decode(body, encoding, 0) == page, encoding
        with pytest.raises(BadCompression, match=r"body cut off: its compressed stream ends early, after \d+ bytes$"):
            decode(body[: len(body) // 2], encoding, 0)
    assert decode(raw_deflate, b"deflate", 0) == page  # raw deflate (some servers) is still read
    with pytest.raises(BadCompression):
        decode(raw_deflate[:-10], b"deflate", 0)
    assert decode(gzip.compress(page) + b"\0\0\0\0", b"gzip", 0) == page  # zero padding after the stream


def test_same_server_rule_of_redirects():
    from interfax.middlewares import _same_server

    mirror = "http://127.0.0.1:8000"
    assert _same_server("http://127.0.0.1:8000/news/general/1.html", mirror)
    assert _same_server("https://127.0.0.1:8000/news/general/1.html", mirror)  # same port, other scheme: TLS says the rest
    assert not _same_server("http://127.0.0.1:9999/news/general/1.html", mirror)
    assert not _same_server("http://127.0.0.1/news/general/1.html", mirror)
    assert not _same_server("http://127.0.0.1:99999/x", mirror)
    live = "https://interfax.com.ua"
    assert _same_server("http://interfax.com.ua/news/general/1.html", live)  # http <-> https on the default ports
    assert _same_server("https://interfax.com.ua:443/news/general/1.html", live)
    assert not _same_server("https://interfax.com.ua:8443/news/general/1.html", live)
    assert _same_server("https://www.interfax.com.ua:8443/x", live)  # another host: the offsite rule's business


def test_a_local_clock_far_off_is_named_and_retry_after_dates_follow_the_sites_clock(tmp_path, monkeypatch):
    """The site's clock (its Date header) is 3 days ahead of the local one: one WARNING naming the skew,
    ``interfax/clock/skew_seconds``; a Retry-After HTTP date is counted from the answer's Date (1 s),
    not from the local clock (3 days: the cap)."""
    import email.utils
    import types

    from interfax.mirror import faulty
    from interfax.mirror.faulty import Fault, _Handler, _page

    skew = 3 * 86400
    site_clock = types.SimpleNamespace(time=lambda: time.time() + skew, monotonic=time.monotonic, sleep=time.sleep)
    monkeypatch.setattr(faulty, "time", site_clock)  # the server's Retry-After dates: its own clock

    class SkewedHandler(_Handler):
        def date_time_string(self, timestamp=None):
            return email.utils.formatdate(site_clock.time(), usegmt=True)

    class SkewedServer(FaultyServer):
        handler = SkewedHandler

    faults = {
        fault_path(1900005): Fault("status", "429 with Retry-After: an HTTP date 1 s ahead, once", status=429, times=1,
                                   retry_after="date+1"),
        fault_path(1900099): Fault("content", "a good article", body=_page(1900099)),
    }
    with SkewedServer(faults=faults) as server:
        result = crawl(server, tmp_path, "-a", "sections=faults", "-s", "INTERFAX_RETRY_AFTER_MAX=8")
        gaps = result.gaps(fault_path(1900005))
    assert sorted(result.by_id) == [1900005, 1900099]
    assert len(gaps) == 1 and 0.0 <= gaps[0] < 3, gaps  # the local clock would have waited the cap, 8 s
    assert abs(result.stat("interfax/clock/skew_seconds") - skew) < 5
    lines = result.lines("the local clock is")
    assert len(lines) == 1 and "WARNING" in lines[0], lines
    assert f"the local clock is 3 days behind the clock of 127.0.0.1:{server.port} (its Date header)" in lines[0]


def test_clock_check_reads_a_few_dates_and_warns_once():
    crawler = _crawler(INTERFAX_CLOCK_SKEW_MAX=600)
    guard = ContentGuardMiddleware.from_crawler(crawler)
    request = scrapy.Request("http://127.0.0.1/x.html")

    def answer(offset: float, age: str | None = None) -> Response:
        headers = {"Date": formatdate(time.time() + offset, usegmt=True)}
        if age is not None:
            headers["Age"] = age
        return Response("http://127.0.0.1/robots.txt", headers=headers)

    guard.process_response(request, answer(-7200, age="7200"))  # a page cached 2 h ago by a CDN: fine
    assert abs(crawler.stats.get_value("interfax/clock/skew_seconds")) <= 2 and not guard._clock_pending
    crawler = _crawler(INTERFAX_CLOCK_SKEW_MAX=600)
    guard = ContentGuardMiddleware.from_crawler(crawler)
    guard.process_response(request, answer(-7200))  # an old cached answer without Age: wait for more
    assert guard._clock_pending
    guard.process_response(request, answer(0))  # a fresh one: the clock is right
    assert not guard._clock_pending and abs(crawler.stats.get_value("interfax/clock/skew_seconds")) <= 2
    crawler = _crawler(INTERFAX_CLOCK_SKEW_MAX=600)
    guard = ContentGuardMiddleware.from_crawler(crawler)
    for _ in range(5):  # the local clock a year ahead of the site's: decided after three answers
        guard.process_response(request, answer(-365 * 86400))
    assert not guard._clock_pending
    assert abs(crawler.stats.get_value("interfax/clock/skew_seconds") + 365 * 86400) <= 2



def test_answers_from_the_http_cache_say_nothing_of_the_local_clock():
    """HTTPCACHE_ENABLED: a cached answer's Date is the day it was fetched; re-parsed days later, it is no
    sign of a local clock days ahead (before: a WARNING telling the user to set a clock that was right)."""
    crawler = _crawler(INTERFAX_CLOCK_SKEW_MAX=600)
    guard = ContentGuardMiddleware.from_crawler(crawler)
    request = scrapy.Request("http://127.0.0.1/x.html")
    for _ in range(5):
        cached = Response("http://127.0.0.1/x.html", headers={"Date": formatdate(time.time() - 3 * 86400, usegmt=True)},
                          flags=["cached"])
        guard.process_response(request, cached)
    assert crawler.stats.get_value("interfax/clock/skew_seconds") is None
    guard.process_response(request, Response("http://127.0.0.1/x.html", headers={"Date": formatdate(time.time(), usegmt=True)}))
    assert abs(crawler.stats.get_value("interfax/clock/skew_seconds")) <= 2


def test_the_http_cache_keeps_no_answer_that_is_asked_for_again(tmp_path):
    """HTTPCACHE_ENABLED=1 (README: re-parsing without re-fetching): a 503 is not cached. Cached (Scrapy's
    default policy), each retry got the 503 back from the cache and the article was lost, in that run
    and in every later one; a robots.txt answered 503 once would have kept the whole site unfetched."""
    handler = type("Handler", (_BusyOnceHandler,), {"seen": [], "status": 503, "retry_after": None})
    cache = ("HTTPCACHE_ENABLED=1", f"HTTPCACHE_DIR={tmp_path / 'cache'}", "INTERFAX_RETRY_BACKOFF_BASE=0.1")
    with _serving(handler) as (base,):
        first = _crawl_mirror(base, tmp_path / "first.jsonl", "general", *cache)
        busy = next(path for _, path, status in handler.seen if status == 503)
        asked = len(handler.seen)
        between = datetime.now(timezone.utc)
        time.sleep(1.5)
        again = _crawl_mirror(base, tmp_path / "again.jsonl", "general", *cache)
    assert first.returncode == 0, first.stderr[-3000:]
    busy_id = int(busy.rsplit("/", 1)[1].split(".")[0])
    assert [s for _, p, s in handler.seen[:asked] if p == busy] == [503, 200]  # the retry reached the site
    exported = [json.loads(line)["id"] for line in (tmp_path / "first.jsonl").read_text("utf-8").splitlines()]
    assert busy_id in exported
    stats = parse_stats(first.stderr)
    assert stats.get("httpcache/hit", 0) == 0 and stats["httpcache/store"] == stats["httpcache/firsthand"] - 1
    # the second run is read from the cache: the same articles, no request to the site
    assert again.returncode == 0, again.stderr[-3000:]
    assert len(handler.seen) == asked
    read_again = [json.loads(line) for line in (tmp_path / "again.jsonl").read_text("utf-8").splitlines()]
    assert sorted(r["id"] for r in read_again) == sorted(exported)
    # crawled_at is when the page was fetched (README), not when it was read again from the cache
    assert all(datetime.fromisoformat(r["crawled_at"]) <= between for r in read_again), [r["crawled_at"] for r in read_again]


# ---------------------------------------------------------------- a Retry-After holds the whole site


class _BusyOnceHandler(http.server.BaseHTTPRequestHandler):
    """The project's mirror, except that the first article asked for answers ``status`` (429) once, with
    ``Retry-After: retry_after`` (none when None)."""

    root = MIRROR_ROOT
    seen: list[tuple[float, str, int]] = []  # (arrival, path, status), set per server
    status = 429
    retry_after: str | None = "2"

    def do_GET(self):  # noqa: N802 (http.server naming)
        path = self.path.split("?")[0]
        article = re.fullmatch(r"/news/[\w-]+/\d+\.html", path) is not None
        if article and not any(re.fullmatch(r"/news/[\w-]+/\d+\.html", p) for _, p, _ in self.seen):
            self.seen.append((time.monotonic(), path, self.status))
            self.send_response(self.status)
            if self.retry_after is not None:
                self.send_header("Retry-After", self.retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        file = self.root / path.lstrip("/")
        status = 200 if file.is_file() else 404
        self.seen.append((time.monotonic(), path, status))
        body = file.read_bytes() if status == 200 else b"not found"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8" if path.endswith(".html") else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    # socketserver's default backlog (5) can drop a burst of connections: the client's kernel then
    # sends its SYN again a second later, and a request made before a hold arrives during it
    request_queue_size = 128
    daemon_threads = True


@contextlib.contextmanager
def _serving(*handlers):
    """One server per handler class on 127.0.0.1 (free ports), stopped on the way out."""
    servers = [_Server(("127.0.0.1", 0), h) for h in handlers]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def _crawl_mirror(base: str, out: Path, sections: str, *settings: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``scrapy crawl articles`` of the mirror at ``base``: listings only, no delay, feed ``out``."""
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={base}", "-a", "since=2000-01-01",
        "-a", f"sections={sections}", "-a", "related_depth=0",
        "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO",
        *[arg for setting in settings for arg in ("-s", setting)], "-O", str(out),
    ]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120, env=env)


def test_a_retry_after_holds_every_request_to_the_site(tmp_path):
    handler = type("Handler", (_BusyOnceHandler,), {"seen": []})
    out = tmp_path / "out.jsonl"
    with _serving(handler) as (base,):
        result = _crawl_mirror(base, out, "general,political", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "INTERFAX_RETRY_AFTER_MAX=5")
    assert result.returncode == 0, result.stderr[-3000:]
    seen = handler.seen
    busy_at, busy_path, _ = next(s for s in seen if s[2] == 429)
    after = [(t - busy_at, path) for t, path, _ in seen if t > busy_at]
    # nothing new starts while the site asks to wait (requests already under way may still arrive
    # within a moment of the 429); then the crawl goes on, the busy article included
    assert not [a for a in after if 0.3 < a[0] < 1.8], after
    assert len([a for a in after if a[0] >= 1.8]) >= 3, after
    assert (busy_path, 200) in [(p, s) for _, p, s in seen]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert int(busy_path.rsplit("/", 1)[1].split(".")[0]) in {r["id"] for r in records}
    stats = parse_stats(result.stderr)
    assert stats.get("interfax/retry/site_held") == 1 and stats.get("interfax/retry/retry_after") == 1
    assert "answered 429 with Retry-After: no request to it starts for 2.0 s" in result.stderr


class _SlowCountingHandler(http.server.BaseHTTPRequestHandler):
    """The project's mirror, each answer 0.15 s late; ``most`` is the most requests it held at once."""

    root = MIRROR_ROOT
    lock = threading.Lock()
    now = most = 0

    def do_GET(self):  # noqa: N802 (http.server naming)
        cls = type(self)
        with cls.lock:
            cls.now += 1
            cls.most = max(cls.most, cls.now)
        try:
            time.sleep(0.15)
            file = self.root / self.path.split("?")[0].lstrip("/")
            body = file.read_bytes() if file.is_file() else b"not found"
            self.send_response(200 if file.is_file() else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            with cls.lock:
                cls.now -= 1

    def log_message(self, *args):
        pass


def test_the_site_gets_no_more_requests_at_once_than_its_limit_also_without_a_delay(tmp_path):
    """One site: CONCURRENT_REQUESTS is its own limit (4). Before, with 16, a user who turned the delay and
    AutoThrottle off sent the site up to 16 at once whatever CONCURRENT_REQUESTS_PER_DOMAIN said, and a
    graceful stop still sent the dozen requests waiting in the downloader."""
    handler = type("Handler", (_SlowCountingHandler,), {"lock": threading.Lock(), "now": 0, "most": 0})
    with _serving(handler) as (base,):
        result = _crawl_mirror(base, tmp_path / "out.jsonl", "general,political,economic")
    assert result.returncode == 0, result.stderr[-3000:]
    assert 2 <= handler.most <= 4, handler.most


class _MirrorHandler(http.server.BaseHTTPRequestHandler):
    """The project's mirror; ``/robots.txt`` redirects to ``robots_location`` when that is set."""

    root = MIRROR_ROOT
    seen: list[str] = []
    robots_location: str | None = None
    robots_body = b""

    def do_GET(self):  # noqa: N802
        self.seen.append(self.path)
        if self.path == "/robots.txt" and self.robots_location:
            self.send_response(301)
            self.send_header("Location", self.robots_location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        file = self.root / self.path.split("?")[0].lstrip("/")
        body = self.robots_body if self.path == "/robots.txt" else file.read_bytes() if file.is_file() else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if self.path.endswith(".html") else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_robots_txt_redirect_is_followed_to_another_host(tmp_path):
    # RFC 9309: the rules a robots.txt redirect leads to (here: another server) are the site's rules
    rules = type("Rules", (_MirrorHandler,), {"seen": [], "robots_body": b"User-agent: *\nDisallow: /news/political/\n"})
    site = type("Site", (_MirrorHandler,), {"seen": []})
    out = tmp_path / "out.jsonl"
    with _serving(rules, site) as (rules_base, site_base):
        site.robots_location = f"{rules_base}/robots.txt"
        result = _crawl_mirror(site_base, out, "general,political")
    assert result.returncode in (0, 3), result.stderr[-3000:]
    assert rules.seen == ["/robots.txt"]
    assert "/news/political.html" in site.seen and "/news/general.html" in site.seen
    assert not [p for p in site.seen if p.startswith("/news/political/")], site.seen
    assert [p for p in site.seen if p.startswith("/news/general/")]
    stats = parse_stats(result.stderr)
    assert stats.get("interfax/robots/redirected") == 1 and stats.get("robotstxt/forbidden", 0) >= 1
    assert "robots.txt of" not in result.stderr  # not "could not be read"
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert records and all(r["section"] != "political" for r in records)


def test_a_robots_txt_redirect_loop_is_said_once_and_allows_all(tmp_path):
    site = type("Site", (_MirrorHandler,), {"seen": []})
    out = tmp_path / "out.jsonl"
    with _serving(site) as (base,):
        site.robots_location = f"{base}/robots.txt"  # itself
        result = _crawl_mirror(base, out, "general")
    warnings = [line for line in result.stderr.splitlines() if "WARNING: robots.txt of" in line]
    assert len(warnings) == 1 and "redirect loop" in warnings[0] and "no robots.txt" in warnings[0], warnings
    assert parse_stats(result.stderr).get("interfax/robots/redirect_failed") == 1
    assert site.seen.count("/robots.txt") == 1
    assert [p for p in site.seen if p.startswith("/news/general/")]
    assert out.read_text("utf-8").strip()


def test_robots_txt_rules_hold_for_every_request_that_waited_for_them(tmp_path):
    """Every listing of a crawl's first burst waits for robots.txt; each must get its rules (Scrapy's
    middleware hands them to the first waiter only, with the asyncio reactor: the rest went out as if allowed)."""
    sections = "latest,general,political,economic,greendeal,sport"
    site = type("Site", (_MirrorHandler,), {"seen": [], "robots_body": b"User-agent: *\nDisallow: /news/\n"})
    with _serving(site) as (base,):
        result = _crawl_mirror(base, tmp_path / "out.jsonl", sections)
    assert site.seen == ["/robots.txt"], site.seen
    stats = parse_stats(result.stderr)
    assert stats.get("interfax/errors/robots_disallowed") == len(sections.split(","))



class _TimedMirrorHandler(_MirrorHandler):
    """The project's mirror, noting when each page was asked for (``times``: (monotonic seconds, path))."""

    times: list = []

    def do_GET(self):  # noqa: N802
        self.times.append((time.monotonic(), self.path))
        super().do_GET()


def _gaps(times: list) -> list[float]:
    """Seconds between the starts of the requests after robots.txt."""
    pages = [t for t, path in times if path != "/robots.txt"]
    return [b - a for a, b in zip(pages, pages[1:])]


def test_a_robots_txt_crawl_delay_spaces_the_requests(tmp_path):
    """``Crawl-delay: 0.6`` (or ``Request-rate: 1/0.6s``): Scrapy obeyed the Disallow lines only and, with no
    DOWNLOAD_DELAY, sent the pages as fast as it could; now one request every 0.6 s at least (Scrapy's
    random jitter of the delay would send every other one sooner), with AutoThrottle on too (its floor would otherwise bring the delay back down after fast answers)."""
    for robots, autothrottle in ((b"User-agent: *\nCrawl-delay: 0.6\nDisallow: /private/\n", "0"),
                                 (b"User-agent: *\nRequest-rate: 5/3s\n", "1")):
        site = type("Site", (_TimedMirrorHandler,), {"seen": [], "times": [], "robots_body": robots})
        out = tmp_path / "out.jsonl"
        with _serving(site) as (base,):
            # (Scrapy's random jitter of the delay left on: ±50% would send every other request sooner)
            result = _crawl_mirror(base, out, "general", f"AUTOTHROTTLE_ENABLED={autothrottle}", "AUTOTHROTTLE_START_DELAY=0")
        assert result.returncode == 0, result.stderr[-3000:]
        gaps = _gaps(site.times)
        assert len(gaps) >= 3 and min(gaps) >= 0.55, (robots, gaps)
        assert parse_stats(result.stderr).get("interfax/robots/crawl_delay") == 0.6
        assert "asks for 0.6 s between requests: one request every 0.6 s at most" in result.stderr
        assert out.read_text("utf-8").strip()


def test_a_crawl_delay_past_the_cap_is_held_at_it_with_a_warning(tmp_path):
    site = type("Site", (_TimedMirrorHandler,), {"seen": [], "times": [], "robots_body": b"User-agent: *\nCrawl-delay: 3600\n"})
    with _serving(site) as (base,):
        result = _crawl_mirror(base, tmp_path / "out.jsonl", "general", "INTERFAX_ROBOTS_CRAWL_DELAY_MAX=0.4",
                               "RANDOMIZE_DOWNLOAD_DELAY=0", "DOWNLOAD_DELAY_JITTER=0")
    assert result.returncode == 0, result.stderr[-3000:]
    assert min(_gaps(site.times)) >= 0.35
    stats = parse_stats(result.stderr)
    assert stats.get("interfax/robots/crawl_delay") == 0.4 and stats.get("interfax/robots/crawl_delay_capped") == 3600
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line and "3600 s between requests" in line]
    assert len(warnings) == 1 and "INTERFAX_ROBOTS_CRAWL_DELAY_MAX" in warnings[0]


def test_a_crawl_delay_shorter_than_the_crawls_own_changes_nothing(tmp_path):
    site = type("Site", (_TimedMirrorHandler,), {"seen": [], "times": [], "robots_body": b"User-agent: *\nCrawl-delay: 0.1\n"})
    with _serving(site) as (base,):
        result = _crawl_mirror(base, tmp_path / "out.jsonl", "general", "DOWNLOAD_DELAY=0.3")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "interfax/robots/crawl_delay" not in parse_stats(result.stderr) and "between requests" not in result.stderr


def test_the_delay_a_robots_txt_asks_for():
    from scrapy.robotstxt import ProtegoRobotParser

    from interfax.throttle import RobotsCrawlDelay, asked_delay

    assert asked_delay(ProtegoRobotParser(b"User-agent: *\nCrawl-delay: 2\nRequest-rate: 1/5s\n", None), "bot") == 5.0
    assert asked_delay(ProtegoRobotParser(b"User-agent: *\nCrawl-delay: 2.5\n", None), "bot") == 2.5
    assert asked_delay(ProtegoRobotParser(b"User-agent: other\nCrawl-delay: 9\n\nUser-agent: *\nDisallow:\n", None), "bot") is None
    assert asked_delay(ProtegoRobotParser(b"User-agent: *\nCrawl-delay: soon\n", None), "bot") is None
    assert asked_delay(ProtegoRobotParser(b"", None), "bot") is None
    on = {"ROBOTSTXT_OBEY": True}
    assert isinstance(RobotsCrawlDelay.from_crawler(get_crawler(ArticlesSpider, settings_dict=on)), RobotsCrawlDelay)
    for off in ({**on, "INTERFAX_ROBOTS_CRAWL_DELAY_MAX": 0}, {"ROBOTSTXT_OBEY": False}):
        with pytest.raises(scrapy.exceptions.NotConfigured):
            RobotsCrawlDelay.from_crawler(get_crawler(ArticlesSpider, settings_dict=off))


# ---------------------------------------------------------------- what a server misconfigured or an error page does


def _canonical_json_ld_first_other(html: str) -> str:
    """The page's JSON-LD as the second article object of a ``@graph`` whose first is another article
    (a "read also" card, naming its own URL)."""
    other = ('{"@type": "NewsArticle", "url": "https://interfax.com.ua/news/general/1000001.html", '
             '"headline": "Зовсім інша новина про погоду", "datePublished": "2024-01-02T10:00:00+02:00"}')
    html = html.replace('<script type="application/ld+json">\n{', '<script type="application/ld+json">\n'
                        '{"@context": "https://schema.org", "@graph": [' + other + ', {', 1)
    return html.replace('"name": "Інтерфакс-Україна"}}\n</script>', '"name": "Інтерфакс-Україна"}}]}\n</script>', 1)


def _proxy_error(title: str):
    return lambda s: (f"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center><hr>"
                      "<center>nginx</center></body></html>").encode()


def _with_meta_refresh_to_itself(article_id: int):
    refresh = f'<meta http-equiv="refresh" content="60; url=/news/faults/{article_id}.html">'
    return lambda h: h.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + refresh, 1)


def _compressed_page(article_id: int):
    import gzip

    from interfax.mirror.faulty import article_html
    return lambda s: gzip.compress(article_html(s, article_id).encode())


def _raw_answer(article_id: int, head: bytes, length_fmt: bytes = b"Content-Length: %d\r\n"):
    """The article as a whole raw answer: ``head`` (status line and headers), its Content-Length, the page."""
    from interfax.mirror.faulty import article_html

    def build(server) -> bytes:
        body = article_html(server, article_id).encode()
        return head + (length_fmt.replace(b"%d", str(len(body)).encode()) if length_fmt else b"") + b"\r\n" + body
    return build


def _misconfigured_faults() -> dict:
    from interfax.mirror.faulty import Fault, _page

    return {fault_path(i): f for i, f in {
        1910001: Fault("content", "UTF-8 page, windows-1251 header", body=_page(1910001), content_type="text/html; charset=windows-1251"),
        1910002: Fault("content", "UTF-8 page, KOI8-R header", body=_page(1910002), content_type="text/html; charset=koi8-r"),
        1910003: Fault("content", "JSON-LD: another article's object first", body=_page(1910003, _canonical_json_ld_first_other)),
        1910004: Fault("content", "HTML as application/octet-stream", body=_page(1910004), content_type="application/octet-stream"),
        1910005: Fault("content", "HTML as text/plain", body=_page(1910005), content_type="text/plain; charset=utf-8"),
        1910006: Fault("content", "gzip without Content-Encoding", body=_compressed_page(1910006)),
        1910007: Fault("content", "a page reloading itself every minute", body=_page(1910007, _with_meta_refresh_to_itself(1910007))),
        1910008: Fault("status", "Cloudflare 520 once", status=520, times=1),
        1910010: Fault("content", "a proxy's 502 page with HTTP 200", body=_proxy_error("502 Bad Gateway")),
        1910011: Fault("content", "a firewall's block page with HTTP 200", body=_proxy_error("Access Denied")),
        1910012: Fault("content", "nginx's default page", body=_proxy_error("Welcome to nginx!")),
        1910013: Fault("content", "a PHP error", body=lambda s: b"<br />\n<b>Fatal error</b>:  Allowed memory size exhausted "
                                                                 b"in <b>/var/www/index.php</b> on line <b>42</b><br />\n"),
        1910020: Fault("content", "a PDF under text/html", body=lambda s: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        1910021: Fault("content", "binary data under text/html", body=lambda s: bytes(range(1, 256)) * 8),
        1910022: Fault("content", "an RSS feed under text/html", body=lambda s: (
            b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Interfax</title>'
            b"<item><title>X</title></item></channel></rss>")),
        # answers that are no valid HTTP (a broken proxy or CDN on the way): the server answered, wrongly
        1910030: Fault("raw", "two Content-Length headers that disagree", body=_raw_answer(
            1910030, b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 1\r\n")),
        1910031: Fault("raw", "a status line that does not parse", body=_raw_answer(
            1910031, b"HTTP/1.1 2OO OK\r\nContent-Type: text/html; charset=utf-8\r\n")),
        # the same Content-Length twice (RFC 9110 lets a client take it) and as a list of one value: read
        1910032: Fault("raw", "the same Content-Length twice", body=_raw_answer(
            1910032, b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n",
            b"Content-Length: %d\r\nContent-Length: %d\r\n")),
        1910033: Fault("raw", "Content-Length: N, N", body=_raw_answer(
            1910033, b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n", b"Content-Length: %d, %d\r\n")),
        1910099: Fault("content", "a good article", body=_page(1910099)),
    }.items()}


@pytest.fixture(scope="module")
def misconfigured(tmp_path_factory) -> Run:
    with FaultyServer(faults=_misconfigured_faults()) as server:
        return crawl(server, tmp_path_factory.mktemp("misconfigured"))


def _same_as_the_good_one(run: Run, article_id: int) -> None:
    record, good = run.by_id[article_id], run.by_id[1910099]
    for field in ("title", "lead", "text", "published_at", "tags", "word_count"):
        assert record[field] == good[field], field


def test_a_utf8_page_said_to_be_a_cyrillic_single_byte_charset_is_read_as_utf8(misconfigured):
    # windows-1251 or KOI8-R read Cyrillic UTF-8 as Cyrillic letters too ("РЈРјС”СЂРѕРІ"): no U+FFFD nor Latin-1 to see
    for article_id in (1910001, 1910002):
        _same_as_the_good_one(misconfigured, article_id)
    assert misconfigured.stat("interfax/encoding/redecoded_utf8") == 2
    assert "re-decoded" in misconfigured.log and "as utf-8 (declared: cp1251" in misconfigured.log
    # named by its live URL, as every log line names a page (it named the mirror's)
    assert "re-decoded https://interfax.com.ua/news/" in misconfigured.log and "re-decoded http://127.0.0.1" not in misconfigured.log


def test_json_ld_of_another_article_is_not_the_pages(misconfigured):
    record = misconfigured.by_id[1910003]
    assert record["title"].startswith("Умєров і Каллас") and record["published_at"] == "2025-04-11T21:32:00+03:00"


def test_an_html_page_under_a_generic_or_no_content_type_is_read(misconfigured):
    for article_id in (1910004, 1910005, 1910006):
        _same_as_the_good_one(misconfigured, article_id)
    assert misconfigured.stat("interfax/content/html_sniffed") == 2
    assert misconfigured.stat("interfax/encoding/undeclared_gzip") == 1


def test_a_page_that_reloads_itself_is_the_page_not_a_redirect_loop(misconfigured):
    _same_as_the_good_one(misconfigured, 1910007)
    assert misconfigured.stat("interfax/redirects/refresh_self") == 1
    assert misconfigured.stat("interfax/errors/redirect_loop") == 0


def test_a_cdns_520_is_retried(misconfigured):
    assert 1910008 in misconfigured.by_id and misconfigured.count(fault_path(1910008)) == 2


def test_an_error_page_with_http_200_is_named_not_a_layout_drop(misconfigured):
    run = misconfigured
    assert_failed_once(run, 1910010, "error_page", "an error page served with HTTP 200: '502 Bad Gateway'")
    assert_failed_once(run, 1910011, "access_denied", "an error page served with HTTP 200: 'Access Denied'")
    assert_failed_once(run, 1910012, "error_page", "'Welcome to nginx!'")
    assert_failed_once(run, 1910013, "error_page", "'Fatal error")


def test_a_file_binary_data_or_a_feed_under_text_html_is_not_html(misconfigured):
    assert_failed_once(misconfigured, 1910020, "not_html", "but the body is a PDF")
    assert_failed_once(misconfigured, 1910021, "not_html", "but the body is binary data")
    assert_failed_once(misconfigured, 1910022, "not_html", "but the body is an XML <rss> document")


def test_an_answer_that_is_no_valid_http_is_named_so_not_a_lost_connection(misconfigured):
    """Before: "download failed", counted as interfax/errors/connection_lost (and a robots.txt so as a
    host that "cannot be reached"), which sends a user to look at the network, not at the server."""
    run = misconfigured
    assert_failed_once(run, 1910030, "bad_response", "the answer is not valid HTTP: conflicting Content-Length headers")
    assert_failed_once(run, 1910031, "bad_response", "the answer is not valid HTTP: non-integer status code")
    assert run.stat("interfax/errors/bad_response") == 2 and run.stat("interfax/errors/connection_lost") == 0
    for article_id in (1910032, 1910033):
        _same_as_the_good_one(run, article_id)


def test_the_misconfigured_site_is_crawled_without_a_traceback(misconfigured):
    assert misconfigured.stats["finish_reason"] == "finished"
    assert not [r for r in misconfigured.records_outside_monitors if "Traceback" in r]
    assert misconfigured.result.returncode == 0, misconfigured.log[-3000:]
    # no page of it is taken for an article in an unknown layout (no false redesign alarm)
    assert not [k for k in misconfigured.stats if k.startswith(("interfax/drop/", "interfax/missing/"))], misconfigured.stats
    assert misconfigured.stat("interfax/monitors/failed") == 0, misconfigured.monitor_report


def test_a_listing_that_is_an_error_page_is_named_and_paging_goes_on(caplog):
    crawler = _crawler()
    request = scrapy.Request("https://interfax.com.ua/news/general.html", meta={"interfax_kind": "listing"})
    response = HtmlResponse(request.url, body=_proxy_error("504 Gateway Time-out")(None), encoding="utf-8", request=request)
    assert [r.url for r in crawler.spider.parse_listing(response, section="general")] == [
        "https://interfax.com.ua/news/general-2.html"]
    assert crawler.stats.get_value("interfax/errors/error_page") == 1
    assert not crawler.stats.get_value("interfax/listing/empty")
    assert "listing failed: https://interfax.com.ua/news/general.html (an error page served with HTTP 200: '504 Gateway Time-out')" in caplog.text


def test_an_access_denied_page_with_http_200_counts_as_a_refusal():
    crawler = _crawler(INTERFAX_BLOCKED_AFTER=2)
    spider = crawler.spider
    spider.block_after = 2
    for n in (1, 2):
        request = scrapy.Request(f"https://interfax.com.ua/news/general/{n}.html", meta={"interfax_kind": "article", "interfax_id": n})
        response = HtmlResponse(request.url, body=_proxy_error("Access Denied")(None), encoding="utf-8", request=request)
        if n == 1:
            assert list(spider.parse_article(response)) == []
        else:
            with pytest.raises(scrapy.exceptions.CloseSpider):
                list(spider.parse_article(response))
    assert crawler.stats.get_value("interfax/errors/access_denied") == 2


def test_a_lone_json_ld_article_object_of_another_article_does_not_date_the_page():
    from interfax.pages.article import ArticlePage

    html = ('<html><head><link rel="canonical" href="https://interfax.com.ua/news/general/13.html">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "url": "https://interfax.com.ua/news/general/12.html",'
            ' "headline": "Інша новина", "datePublished": "2024-01-02T10:00:00+02:00"}</script></head><body>'
            '<article class="article-content-view"><div class="article-time">10:00 01.02.2025</div>'
            '<h1>Заголовок цієї статті</h1><div class="article-content"><p>Текст статті.</p></div></article></body></html>')
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/13.html", body=html.encode(), encoding="utf-8"))
    assert page.json_ld == {} and page.title() == "Заголовок цієї статті"
    assert page.published_at() == ["10:00 01.02.2025"]


class _CookieCounterHandler(http.server.BaseHTTPRequestHandler):
    """The project's mirror on a site that sets a 500-byte view-counter cookie per page (and a session
    cookie on the first) and answers HTTP 400 to a Cookie header over 8 KB, as nginx does."""

    root = MIRROR_ROOT
    seen: list[tuple[str, int, str]] = []  # (path, status, Cookie header), set per server

    def do_GET(self):  # noqa: N802 (http.server naming)
        path = self.path.split("?")[0]
        cookie = self.headers.get("Cookie") or ""
        if len(cookie) > 8192:
            self.seen.append((path, 400, cookie))
            body = b"<html><head><title>400 Request Header Or Cookie Too Large</title></head><body>nginx</body></html>"
            self.send_response(400)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        file = self.root / path.lstrip("/")
        status = 200 if file.is_file() else 404
        self.seen.append((path, status, cookie))
        body = file.read_bytes() if status == 200 else b"not found"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8" if path.endswith(".html") else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        if len(self.seen) == 1:
            self.send_header("Set-Cookie", "session=s1; Path=/")
        self.send_header("Set-Cookie", f"viewed_{len(self.seen)}={'x' * 500}; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_cookie_per_page_never_grows_the_header_past_the_servers_limit(tmp_path):
    """Before, Scrapy sent every view-counter cookie back: past ~16 pages the header passed 8 KB and
    every later page answered HTTP 400, the rest of the crawl lost."""
    handler = type("Handler", (_CookieCounterHandler,), {"seen": []})
    out = tmp_path / "out.jsonl"
    with _serving(handler) as (base,):
        result = _crawl_mirror(base, out, "latest,general,political,economic", "INTERFAX_COOKIE_HEADER_MAX=4096")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(handler.seen) > 25  # enough pages to pass 8 KB of cookies
    assert [s for _, s, _ in handler.seen if s == 400] == []
    assert max(len(cookie) for _, _, cookie in handler.seen) <= 4096
    # the first cookie (a session, a CDN's check) is kept on every later request
    assert all("session=s1" in cookie for _, _, cookie in handler.seen[1:])
    stats = parse_stats(result.stderr)
    assert stats["interfax/cookies/evicted"] > 0
    warnings = [line for line in result.stderr.splitlines() if "more cookies than a request can carry" in line]
    assert len(warnings) == 1 and "WARNING" in warnings[0]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == stats["item_scraped_count"] > 10


@pytest.mark.parametrize("headline", [
    "500 тисяч гривень штрафу отримав забудовник у Києві",
    "450 військових повернулися з полону",
    "404 населені пункти залишаються без світла після атаки",
    "Доступ заборонено: Рада обмежила доступ до реєстру",
    "Помилка сервера Дії: користувачі не можуть увійти до застосунку",
    "Forbidden fruit: EU talks on Ukraine's accession",
    "500 Ukrainian soldiers returned home from captivity",
])
def test_a_news_headline_is_no_error_page(headline):
    # an article that shows no date is exported with its listing's time: a headline that starts with a
    # number or names a server error must not make it an error page (lost, or a refusal toward blocked)
    from interfax.pages.article import ArticlePage

    html = (f"<html><head><title>{headline} | Інтерфакс-Україна</title></head><body><article><h1>{headline}</h1>"
            '<div class="article-content"><p>Текст статті про події в Україні.</p></div></article></body></html>')
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/13.html", body=html.encode(), encoding="utf-8"))
    assert page.error_page() is None


@pytest.mark.parametrize("said, kind", [
    ("502 Bad Gateway", "error_page"), ("504 Gateway Time-out", "error_page"), ("500 Internal Server Error", "error_page"),
    ("503 Service Temporarily Unavailable", "error_page"), ("Error 500", "error_page"), ("HTTP Error 503. The service is unavailable.", "error_page"),
    ("503 Backend fetch failed", "error_page"), ("520: Web server is returning an unknown error", "error_page"),
    ("500 - Внутрішня помилка сервера", "error_page"), ("Помилка сервера", "error_page"), ("400 Bad Request", "error_page"),
    ("403 Forbidden", "access_denied"), ("Forbidden", "access_denied"), ("Access Denied", "access_denied"),
    ("Доступ заборонено", "access_denied"), ("Доступ запрещён", "access_denied"), ("Error 403", "access_denied"),
])
def test_error_pages_are_still_named(said, kind):
    from interfax.pages.article import ArticlePage

    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/13.html", body=_proxy_error(said)(None), encoding="utf-8"))
    assert page.error_page() == (kind, said)


def test_a_cdns_check_cookie_set_once_the_header_is_full_is_kept():
    """A CDN's cookie check (a redirect back to the page that sets its cookie) met once the view-counter
    cookies fill the header: its cookie, the newest, was the first forgotten, the check came back
    without it and the page was lost as a redirect loop."""
    from interfax.middlewares import BoundedCookiesMiddleware

    crawler = _crawler(INTERFAX_COOKIE_HEADER_MAX=1024)
    mw = BoundedCookiesMiddleware.from_crawler(crawler)
    url = "https://interfax.com.ua/news/general/{}.html"

    def visit(n, set_cookie, status=200):
        request = scrapy.Request(url.format(n))
        mw.process_request(request)
        mw.process_response(request, Response(request.url, status=status, headers={"Set-Cookie": set_cookie}))
        return request

    visit(0, "session=s1; Path=/")
    for n in range(1, 60):  # a view counter per page read: the header stays at its bound
        visit(n, f"viewed_{n}={'x' * 40}; Path=/")
    token = "c" * 160  # (a clearance token: longer than the room the counters leave)
    visit(60, f"cdn_check={token}; Path=/", status=302)  # the check, then the page again with its cookie
    again = scrapy.Request(url.format(60))
    mw.process_request(again)
    header = again.headers["Cookie"].decode()
    assert f"cdn_check={token}" in header and "session=s1" in header and len(header) <= 1024
    assert crawler.stats.get_value("interfax/cookies/evicted") > 0


@pytest.mark.parametrize("said", ["Error 404", "HTTP Error 404. The requested resource is not found.", "410 Gone", "404 Not Found"])
def test_a_not_found_page_with_http_200_ends_the_paging_not_skipped_as_an_error_page(said):
    # a soft 404 (the pager pointed past the last page), not a passing fault: before, "Error 404" and
    # "410 Gone" were error pages, the next 3 pages were asked for and the run's articles left unsettled
    crawler = _crawler()
    request = scrapy.Request("https://interfax.com.ua/news/general-9.html", meta={"interfax_kind": "listing"})
    response = HtmlResponse(request.url, body=_proxy_error(said)(None), encoding="utf-8", request=request)
    assert list(crawler.spider.parse_listing(response, section="general")) == []
    assert crawler.stats.get_value("interfax/errors/soft_404") == 1
    assert not crawler.stats.get_value("interfax/listing/lost")


def test_a_headline_that_starts_with_404_is_no_soft_404():
    from interfax.pages.article import ArticlePage

    headline = "404 населені пункти залишаються без світла після атаки"
    html = (f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
            '<div class="article-content"><p>Текст статті про події в Україні.</p></div></article></body></html>')
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/13.html", body=html.encode(), encoding="utf-8"))
    assert not page.not_found()


def test_a_robots_txt_or_a_page_gzipped_without_its_header_or_twice_is_decoded():
    """A robots.txt sent gzip-compressed with no Content-Encoding: before, its compressed bytes were
    read as rules (none), and the pages it disallows were fetched in silence. A page compressed twice
    under one Content-Encoding: before, failed as not HTML ("gzip-compressed data that does not decode")."""
    import gzip

    from interfax.middlewares import StrictHttpCompressionMiddleware

    crawler = _crawler()
    mw = StrictHttpCompressionMiddleware.from_crawler(crawler)
    rules = b"User-agent: *\nDisallow: /news/economic/\n"
    robots = scrapy.Request("http://127.0.0.1:1/robots.txt")
    out = mw.process_response(robots, Response(robots.url, body=gzip.compress(rules), request=robots))
    assert out.body == rules
    page = b"<html><body><p>Text</p></body></html>"
    request = scrapy.Request("http://127.0.0.1:1/news/general/1.html", meta={"interfax_kind": "article"})
    twice = Response(request.url, body=gzip.compress(gzip.compress(page)), headers={"Content-Encoding": "gzip"}, request=request)
    assert mw.process_response(request, twice).body == page
    assert crawler.stats.get_value("interfax/encoding/undeclared_gzip") == 2
    # another resource (not a page, not robots.txt): left as it is
    other = scrapy.Request("http://127.0.0.1:1/static/a.gz")
    assert mw.process_response(other, Response(other.url, body=gzip.compress(page), request=other)).body[:2] == b"\x1f\x8b"


def test_an_article_redirected_to_its_amp_page_is_read_there_counted_and_warned_once(caplog):
    caplog.set_level(logging.INFO, logger="interfax")
    crawler = _crawler()
    spider = crawler.spider
    items = []
    for id_ in (1063374, 1063390):
        asked = f"https://interfax.com.ua/news/general/{id_}.html"
        amp = (MIRROR_ROOT / "news" / "general" / f"{id_}-amp.html").read_bytes()
        response = _redirected(asked.replace(".html", "-amp.html"), asked, amp, interfax_kind="article", interfax_id=id_)
        items += [o for o in spider.parse_article(response) if not isinstance(o, scrapy.Request)]
    assert [(i["id"], i["url"]) for i in items] == [(1063374, "https://interfax.com.ua/news/general/1063374.html"),
                                                    (1063390, "https://interfax.com.ua/news/general/1063390.html")]
    assert all(i["title"] and i["text"] and i["related"] for i in items)  # the AMP page's own related block
    assert "Реклама" not in items[0]["text"] and "ЩЕ ЗА ТЕМОЮ" not in items[0]["text"]
    assert crawler.stats.get_value("interfax/article/amp_page") == 2
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "redirected to its AMP page" in r.getMessage()]
    assert [level for level, _ in said] == ["WARNING", "INFO"]
    assert said[0][1].startswith("article https://interfax.com.ua/news/general/1063374.html redirected to its AMP page "
                                 "https://interfax.com.ua/news/general/1063374-amp.html: read from there")


@pytest.mark.parametrize("headline, exported", [("Заголовок", 99), ("Інша стаття", 13)])
def test_an_article_page_named_only_by_its_json_ld_is_that_article(headline, exported):
    """Another article's page at this URL with neither a canonical link nor og:url: its own JSON-LD object
    (the one whose headline is the page's) names it; an object with another headline is a related card."""
    crawler = _crawler()
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
                     "mainEntityOfPage": {"@id": "https://interfax.com.ua/news/general/99.html"}}, ensure_ascii=False)
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            '<article class="article-content-view"><h1>Заголовок</h1><div class="article-time">10:00 01.02.2025</div>'
            '<div class="article-content"><p>Текст статті.</p></div></article></body></html>').encode()
    request = scrapy.Request("https://interfax.com.ua/news/general/13.html", meta={"interfax_kind": "article", "interfax_id": 13})
    out = list(crawler.spider.parse_article(HtmlResponse(request.url, body=html, encoding="utf-8", request=request)))
    assert [(o["id"], o["url"]) for o in out if not isinstance(o, scrapy.Request)] == [
        (exported, f"https://interfax.com.ua/news/general/{exported}.html")]
    assert crawler.stats.get_value("interfax/article/other_id") == (1 if exported == 99 else None)


def test_a_listing_page_with_no_items_but_a_next_link_does_not_end_the_paging(caplog):
    crawler = _crawler(INTERFAX_LISTING_SKIP_FAILED=2)
    spider = crawler.spider
    listing = ('<html><body><h1>Спорт</h1><div class="articles-section-view"></div>'
               '<div class="pager"><a href="/news/general-1.html">1</a><a href="/news/general-3.html">3</a></div></body></html>').encode()
    request = spider.listing_request("general", 2)
    out = list(spider.parse_listing(HtmlResponse(request.url, body=listing, encoding="utf-8", request=request), section="general"))
    assert [r.url for r in out] == ["https://interfax.com.ua/news/general-3.html"]
    assert crawler.stats.get_value("interfax/listing/empty") == 1
    assert crawler.stats.get_value("interfax/listing/skipped_failed") == 1
    assert "listing https://interfax.com.ua/news/general-2.html has no article links, but links to its next page" in caplog.text
    # with no next link: the section's end (or an unknown layout), as before
    last = listing.replace(b'<a href="/news/general-3.html">3</a>', b"")
    request = spider.listing_request("general", 3)
    assert list(spider.parse_listing(HtmlResponse(request.url, body=last, encoding="utf-8", request=request), section="general")) == []


def test_a_listed_time_with_no_day_is_no_date_so_the_article_is_fetched():
    """A time alone (no day heading above it) on a window of past days: the article is asked for, and
    judged by its page (it was read as today's, newer than until, and skipped in silence)."""
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = spider = crawler._create_spider(since="2025-10-26", until="2025-10-26")
    item = ('<div class="grid article"><div class="article-time">{}</div>'
            '<h1 class="article-link-wrapper"><a class="article-link" href="/news/general/{}.html">Н</a></h1></div>')
    listing = ('<html><body><div class="articles-section-view">' + item.format("<span>14:10</span>", 1001)
               + item.format("<span>14:10</span> <span>26.10.2025</span>", 1002)
               + item.format("<span>14:10</span> <span>27.10.2025</span>", 1003) + '</div></body></html>').encode()
    request = spider.listing_request("general", 1)
    out = list(spider.parse_listing(HtmlResponse(request.url, body=listing, encoding="utf-8", request=request), section="general"))
    assert [r.url for r in out] == ["https://interfax.com.ua/news/general/1001.html", "https://interfax.com.ua/news/general/1002.html"]
    assert crawler.stats.get_value("interfax/listing/newer_than_until") == 1


def test_an_amp_link_naming_another_article_gives_no_twin_request(caplog):
    """An empty desktop related block and an amphtml link to another article's (or edition's) twin: its related
    items would be exported as this article's and crawled; none are, with a WARNING."""
    crawler = _crawler()
    html = ('<html><head><link rel="canonical" href="https://interfax.com.ua/news/general/13.html">'
            '<link rel="amphtml" href="https://ru.interfax.com.ua/news/general/99-amp.html"></head><body>'
            '<article class="article-content-view"><h1>Заголовок</h1><div class="article-time">10:00 01.02.2025</div>'
            '<div class="article-content"><p>Текст статті.</p></div></article>'
            '<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles"></div></div></body></html>').encode()
    request = scrapy.Request("https://interfax.com.ua/news/general/13.html", meta={"interfax_kind": "article", "interfax_id": 13})
    out = list(crawler.spider.parse_article(HtmlResponse(request.url, body=html, encoding="utf-8", request=request)))
    assert not any(isinstance(o, scrapy.Request) for o in out)
    assert [(o["id"], o["related"]) for o in out] == [(13, [])]
    assert crawler.stats.get_value("interfax/related/amp_link_refused") == 1
    assert "its AMP link 'https://ru.interfax.com.ua/news/general/99-amp.html' names another edition's page" in caplog.text


_COOKIE_WALL = ('<!DOCTYPE html><html lang="uk"><head><title>Інтерфакс-Україна</title></head><body><div class="consent">'
                '<h1>Ми використовуємо файли cookie</h1><p>Ми та наші партнери використовуємо файли cookie для зберігання та доступу '
                'до інформації на вашому пристрої. Натисніть «Прийняти», щоб продовжити.</p><form><button>Прийняти</button></form>'
                '</div></body></html>')
_TEASER_WALL = ('<!DOCTYPE html><html lang="uk"><head><title>Заголовок</title></head><body><article class="article-content-view">'
                '<div class="article-time">10:00 01.02.2025</div><h1>Заголовок</h1><div class="article-content"><div class="cmp-wall">'
                '<p>Ми та наші партнери використовуємо файли cookie для зберігання та доступу до інформації на вашому пристрої.</p>'
                '<p>Щоб продовжити читання, натисніть «Прийняти все».</p></div></div></article></body></html>')
_GEO_BLOCK = ('<!DOCTYPE html><html lang="uk"><head><title>Доступ обмежено | Інтерфакс-Україна</title></head><body>'
              '<h1>Контент недоступний у вашому регіоні</h1><p>На жаль, цей матеріал недоступний для користувачів з вашої країни.</p>'
              '</body></html>')


@pytest.mark.parametrize("page, fault, why", [
    (_COOKIE_WALL, "consent_wall", "a cookie-consent page answered in place of the page"),
    (_TEASER_WALL, "consent_wall", "a cookie-consent page answered in place of the page"),
    (_GEO_BLOCK, "geo_blocked", "the site refuses this machine's country or region"),
])
def test_a_consent_wall_or_a_geo_block_at_an_article_url_is_a_named_failure_not_an_article(page, fault, why):
    crawler = _crawler()
    request = scrapy.Request("https://interfax.com.ua/news/general/13.html", meta={"interfax_kind": "article", "interfax_id": 13,
                                                                                   "interfax_listed_at": "10:00 01.02.2025"})
    out = list(crawler.spider.parse_article(HtmlResponse(request.url, body=page.encode(), encoding="utf-8", request=request)))
    assert out == []
    assert crawler.spider.failed == {request.url: why}
    assert crawler.stats.get_value(f"interfax/errors/{fault}") == 1


def _article_items(crawler, body: str, time: str = "10:00 01.02.2025") -> list:
    """What the spider's ``parse_article`` yields for an article page (a headline, a header time, then ``body``)
    served as article 13, requests left out."""
    page = (f'<html><body><article class="article-content-view"><h1>Заголовок</h1><div class="article-time">{time}</div>'
            f'{body}</article></body></html>')
    request = scrapy.Request("https://interfax.com.ua/news/general/13.html", meta={"interfax_kind": "article", "interfax_id": 13})
    response = HtmlResponse(request.url, body=page.encode(), encoding="utf-8", request=request)
    return [o for o in crawler.spider.parse_article(response) if not isinstance(o, scrapy.Request)]


def test_a_paywalled_article_is_exported_with_what_it_shows_and_counted(caplog):
    crawler = _crawler()
    out = _article_items(crawler, '<div class="article-content"><p>Перший абзац статті.</p><div class="paywall"><p>Щоб прочитати '
                                  'повний текст новини, увійдіть або зареєструйтесь.</p><p><a href="/login">Увійти</a></p></div></div>')
    assert [o["text"] for o in out] == [["Перший абзац статті."]]
    assert crawler.stats.get_value("interfax/article/paywalled") == 1
    assert "article https://interfax.com.ua/news/general/13.html shows only its start (a paywall" in caplog.text


def test_an_article_whose_body_holds_a_figure_left_open_is_read_whole_counted_and_said(caplog):
    crawler = _crawler()
    out = _article_items(crawler, '<div class="article-content"><p>Перший абзац статті.</p><figure><img src="/static/a.jpg">'
                                  '<figcaption>Новий ЦНАП</figcaption><p>Другий абзац статті.</p></div>')
    assert [o["text"] for o in out] == [["Перший абзац статті.", "Другий абзац статті."]]
    assert crawler.stats.get_value("interfax/content/unclosed_rescued") == 1
    assert "a figure or an ad block in its body is not closed" in caplog.text


def test_a_redirect_to_a_url_with_a_password_is_not_followed_and_the_password_never_shown():
    from interfax.middlewares import OffsiteRedirect, SafeRedirectMiddleware

    crawler = _crawler()
    mw = SafeRedirectMiddleware.from_crawler(crawler)
    asked = scrapy.Request("https://interfax.com.ua/news/general/7.html", meta={"interfax_kind": "article"})
    moved = Response(asked.url, status=302, headers={"Location": "https://user:s3cret@interfax.com.ua/news/general/7.html?r=1"})
    with pytest.raises(OffsiteRedirect) as error:
        mw.process_response(asked, moved)
    assert "s3cret" not in str(error.value) and "user:" not in str(error.value)
    assert str(error.value) == ("redirects to https://***@interfax.com.ua/news/general/7.html?r=1 (a user and password in "
                                "the URL), not followed")


def test_a_robots_txt_larger_than_the_download_limit_is_still_fetched():
    """(A robots.txt cancelled at DOWNLOAD_MAXSIZE was "unavailable": the whole crawl disallowed.)"""
    import asyncio

    from interfax.middlewares import ROBOTS_MAXSIZE, RobotsTxtMiddleware

    crawler = _crawler(DOWNLOAD_MAXSIZE=1024, ROBOTSTXT_OBEY=True)
    mw = RobotsTxtMiddleware.from_crawler(crawler)
    robots = scrapy.Request("https://interfax.com.ua/robots.txt", meta={"dont_obey_robotstxt": True})
    asyncio.run(mw.process_request(robots))
    assert robots.meta["download_maxsize"] == ROBOTS_MAXSIZE
    page = scrapy.Request("https://interfax.com.ua/news/general/1.html", meta={"dont_obey_robotstxt": True})
    asyncio.run(mw.process_request(page))
    assert "download_maxsize" not in page.meta


@pytest.mark.parametrize("damage, why", [
    (lambda z: z[:80] + bytes([z[80] ^ 0x01]) + z[81:], "damaged: its checksum does not match"),  # a bit flipped in transit
    (lambda z: z[:-4] + b"\x01\x00\x00\x00", "damaged: its length field does not match"),
    (lambda z: z[:-8], "cut off: its compressed stream ends early"),
])
def test_a_damaged_gzip_body_is_a_named_fault_not_a_page(damage, why):
    """Scrapy's decoder checks neither the checksum nor the length: a changed letter was exported."""
    import gzip

    from interfax.middlewares import BadCompression, StrictHttpCompressionMiddleware

    mw = StrictHttpCompressionMiddleware.from_crawler(_crawler())
    page = ("<html><body>" + "<p>Голова ОВА Олег Кіпер повідомив про атаку.</p>" * 40 + "</body></html>").encode()
    request = scrapy.Request("http://127.0.0.1:1/news/general/1.html", meta={"interfax_kind": "article"})
    body = gzip.compress(page, mtime=0)
    assert mw.process_response(request, Response(request.url, body=body, headers={"Content-Encoding": "gzip"}, request=request)).body == page
    with pytest.raises(BadCompression, match=why):
        mw.process_response(request, Response(request.url, body=damage(body), headers={"Content-Encoding": "gzip"}, request=request))


def test_a_refresh_header_and_a_backslashed_location_are_followed_as_a_browser_does():
    from interfax.middlewares import SafeMetaRefreshMiddleware, SafeRedirectMiddleware

    crawler = _crawler()
    asked = scrapy.Request("https://interfax.com.ua/news/general/7.html", meta={"interfax_kind": "article"})
    refresh = HtmlResponse(asked.url, body=b"<html><body>Redirecting...</body></html>", headers={"Refresh": "0; url=/news/general/8.html"},
                           request=asked, encoding="utf-8")
    followed = SafeMetaRefreshMiddleware.from_crawler(crawler).process_response(asked, refresh)
    assert followed.url == "https://interfax.com.ua/news/general/8.html" and followed.dont_filter
    slow = HtmlResponse(asked.url, body=b"<html><body>Text</body></html>", headers={"Refresh": "600; url=/"}, request=asked, encoding="utf-8")
    assert SafeMetaRefreshMiddleware.from_crawler(crawler).process_response(asked, slow) is slow
    moved = Response(asked.url, status=301, headers={"Location": "\\news\\general\\9.html"})
    assert SafeRedirectMiddleware.from_crawler(crawler).process_response(asked, moved).url == "https://interfax.com.ua/news/general/9.html"


def test_a_page_that_only_redirects_by_script_is_a_named_failure(caplog):
    crawler = _crawler()
    page = b'<html><head><script>window.location="/news/general/1141198.html";</script></head><body></body></html>'
    request = scrapy.Request("https://interfax.com.ua/news/general/13.html", meta={"interfax_kind": "article", "interfax_id": 13})
    assert list(crawler.spider.parse_article(HtmlResponse(request.url, body=page, encoding="utf-8", request=request))) == []
    assert crawler.spider.failed == {request.url: "the page only sends the browser to /news/general/1141198.html by script (not followed)"}
    assert crawler.stats.get_value("interfax/errors/script_redirect") == 1
    assert not crawler.stats.get_value("interfax/drop/no_text")


def test_a_header_time_the_crawl_cannot_read_is_said_and_counted(caplog):
    crawler = _crawler()
    out = _article_items(crawler, '<div class="article-content"><p>Перший абзац статті.</p></div>', time="10.00 за Києвом 01.02.2025")
    assert [o["published_at"] for o in out] == [["01.02.2025"]]
    assert crawler.stats.get_value("interfax/dates/header_time_unread") == 1
    assert "its header '10.00 за Києвом 01.02.2025' shows a time this crawler does not read" in caplog.text
    # a header read whole is neither
    crawler = _crawler()
    assert [o["published_at"] for o in _article_items(crawler, '<p>Текст.</p>', time="10.00 01.02.2025")] == [["10.00 01.02.2025"]]
    assert crawler.stats.get_value("interfax/dates/header_time_unread") is None


@pytest.mark.parametrize("bad, shown", [
    ("Кабінет".encode()[:3] + b"\xff" + "інет".encode(), "К\ufffd"),  # one bad byte in a word
    ("Кабінет".encode() + b" " + "Сумська".encode()[:1], "Кабінет \ufffd"),  # a description cut mid-letter
])
def test_a_stray_byte_that_is_no_utf8_is_no_invented_windows_1251_letter(bad, shown, caplog):
    """One bad byte in a UTF-8 page was read as windows-1251: "Кабінет" became "КРяінет"; a meta description cut
    mid-letter by a byte-based substr ended in "С". A stray byte is U+FFFD, counted and said."""
    crawler = _crawler()
    mw = EncodingFixMiddleware.from_crawler(crawler)
    body = CYRILLIC.encode("utf-8").replace(b"</p>", b" " + bad + b"</p>")
    response = HtmlResponse("http://127.0.0.1/news/general/1.html", body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    text = mw.process_response(scrapy.Request(response.url), response).text
    assert shown in text and "Міністр оборони України" in text
    assert crawler.stats.get_value("interfax/encoding/invalid_utf8") == 1 and not crawler.stats.get_value("interfax/encoding/mixed_cp1251")
    assert any("no UTF-8" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
