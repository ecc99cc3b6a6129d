"""End-of-run monitors: each check on made-up stats, then real crawls of the mirror that pass and fail."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler
from interfax.pipelines import SchemaValidationPipeline
from spidermon.contrib.scrapy.runners import SpiderMonitorRunner

import interfax.settings as project_settings
from conftest import EXPECTED_DIR, REPO, expected_records
from interfax.items import Article
from interfax.mirror.server import MirrorServer
from interfax.monitors import ARTICLE_SCHEMA, EXIT_MONITOR_FAILED, CloseSpiderSuite, failed_report
from interfax.spiders.articles import ArticlesSpider

# spidermon 1.27 logs through Spider.log(), deprecated in Scrapy 2.14 (silenced in interfax.monitors, but pytest resets filters)
pytestmark = pytest.mark.filterwarnings(r"ignore:Spider\.log\(\) is deprecated")

FIELDS = list(Article.fields)
SETTINGS = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}


def crawler_with(**settings):
    crawler = get_crawler(ArticlesSpider, settings_dict={**SETTINGS, "INTERFAX_DEFAULT_FEED": "", **settings})
    crawler.spider = crawler._create_spider(since="2000-01-01")
    return crawler


def healthy(items: int = 100) -> dict:
    """The stats of a good full run."""
    stats = {
        "finish_reason": "finished",
        "item_scraped_count": items,
        "downloader/request_count": 2 * items + 1,
        "downloader/response_count": 2 * items + 1,
        "downloader/response_status_count/200": 2 * items - 2,
        "downloader/response_status_count/404": 2,
        "downloader/response_status_count/500": 1,
        "robotstxt/response_count": 1,
        "log_count/ERROR": 0,
        "interfax/coverage/items": items,
        "interfax/schema/items": items,
    }
    for field in FIELDS:
        stats[f"interfax/coverage/{field}"] = items
    return stats


def check(stats: dict, **settings) -> list[str]:
    """Run the suite on ``stats``: the failure lines of the report."""
    crawler = crawler_with(**settings)
    crawler.stats.set_stats(dict(stats))
    data = {"stats": crawler.stats.get_stats(), "stats_history": [], "crawler": crawler, "spider": crawler.spider,
            "sc_spider_name": "articles", "job": None}
    SpiderMonitorRunner(spider=crawler.spider).run(CloseSpiderSuite(crawler=crawler), **data)
    assert crawler.stats.get_value("interfax/monitors/checked") == 10
    check.last_crawler = crawler
    return failed_report(crawler)


def test_a_healthy_run_passes():
    assert check(healthy()) == []


def test_finish_reason():
    """A run stopped by a CLOSESPIDER_* limit is incomplete (exit 3): the line names the limit and how to
    accept such a stop (before, only "finish reason: 'closespider_timeout', expected 'finished'")."""
    failed = check({**healthy(), "finish_reason": "closespider_timeout"}, CLOSESPIDER_TIMEOUT=3000)
    assert failed == ["finish reason: 'closespider_timeout', expected 'finished' (stopped by CLOSESPIDER_TIMEOUT = 3000: "
                      "the run is incomplete; what it wrote is whole; list 'closespider_timeout' in "
                      "INTERFAX_MONITOR_FINISH_REASONS when such a stop is expected)"]
    assert check({**healthy(), "finish_reason": "blocked"}) == ["finish reason: 'blocked', expected 'finished'"]
    assert check({**healthy(), "finish_reason": "closespider_timeout"},
                 INTERFAX_MONITOR_FINISH_REASONS=["finished", "closespider_timeout"]) == []


def test_a_paused_run_says_how_to_resume_it(tmp_path):
    """Ctrl-C once with a JOBDIR pauses the crawl: the failed line says so, not only that it failed."""
    assert check({**healthy(), "finish_reason": "shutdown"}, JOBDIR=str(tmp_path / "run1")) == [
        "finish reason: 'shutdown', expected 'finished' (stopped by a signal: paused; the same command resumes it "
        f"from JOBDIR {tmp_path / 'run1'})"
    ]


def test_item_floor_counts_known_articles():
    empty = {**healthy(0), "item_scraped_count": 0}
    assert check(empty) == [
        "item count: 0 articles exported, 0 known from earlier runs; expected at least 1 (INTERFAX_MONITOR_MIN_ITEMS)"
    ]
    # an incremental run that met only known articles is quiet
    assert check({**empty, "interfax/state/known": 12}) == []
    # a re-run appending to a file that already has everything, too
    assert check({**empty, "interfax/drop/already_exported": 12}) == []
    assert check({**healthy(), "interfax/state/known": 0}, INTERFAX_MONITOR_MIN_ITEMS=500)[0].startswith("item count: 100")


def test_http_error_rates():
    # a 5xx storm that retries ended, nothing lost: a warning, not a failed run
    storm = {**healthy(), "downloader/response_status_count/503": 40}
    assert check(storm) == []
    assert check.last_crawler.stats.get_value("interfax/monitors/warnings") == [
        "HTTP 5xx: 41 of 200 responses (20%), more than 5%; retries recovered all but 0 pages (INTERFAX_MONITOR_MAX_5XX_RATE)"
    ]
    # pages given up on their 5xx fail it
    lost = {**storm, "interfax/errors/http_503": 12}
    assert check(lost) == [
        "HTTP 5xx, given up after retries: 12 of 200 responses (6%), more than 5% (INTERFAX_MONITOR_MAX_5XX_RATE)"
    ]
    # a rate limit (429) that retries recovered: a warning naming it and the pace, not a broken-link rate
    limited = {**healthy(), "downloader/response_status_count/429": 30, "interfax/retry/pace_seconds": 2.0}
    assert check(limited) == []
    assert check.last_crawler.stats.get_value("interfax/monitors/warnings") == [
        "rate limited (HTTP 429): 30 of 200 responses (15%), more than 10%; slowed down to one request every 2 s; "
        "retries recovered all but 0 pages (INTERFAX_MONITOR_MAX_4XX_RATE)"
    ]
    assert check({**limited, "interfax/errors/http_429": 25}) == [
        "rate limited (HTTP 429), given up after retries: 25 of 200 responses (12%), more than 10% (INTERFAX_MONITOR_MAX_4XX_RATE)"
    ]
    broken = {**healthy(), "downloader/response_status_count/404": 30}
    assert check(broken) == ["HTTP 4xx: 30 of 200 responses (15%), more than 10% (INTERFAX_MONITOR_MAX_4XX_RATE)"]
    # a few broken links in a small run: over the rate, but tolerated
    small = {**healthy(5), "downloader/response_status_count/404": 3}
    assert check(small) == []
    assert check(small, INTERFAX_MONITOR_ERRORS_TOLERATED=0)[0] == (
        "HTTP 4xx: 3 of 10 responses (30%), more than 10% (INTERFAX_MONITOR_MAX_4XX_RATE)"
    )
    # a missing robots.txt is not a broken link
    robots = {**healthy(5), "downloader/response_status_count/500": 0, "downloader/response_status_count/404": 9,
              "robotstxt/response_status_count/404": 9}
    assert check(robots, INTERFAX_MONITOR_ERRORS_TOLERATED=0) == []


def test_pages_lost_without_an_answer_fail_as_5xx_do_and_lost_listings_warn():
    """The site down at the network level (refused connections, timeouts after the retries): the
    pages are lost as to a 5xx, with no response to count. Before, such a run passed without a word."""
    down = {**healthy(), "downloader/request_count": 260, "retry/count": 60, "robotstxt/request_count": 1,
            "interfax/errors/connection_refused": 9, "interfax/errors/timeout": 3}
    assert check(down) == [
        "no answer (9x connection refused, 3x timeout), given up after retries: 12 of 199 pages asked for (6%), "
        "more than 5% (INTERFAX_MONITOR_MAX_5XX_RATE)"
    ]
    assert check({**down, "interfax/errors/connection_refused": 2}) == []  # tolerated
    lost = {**healthy(), "interfax/errors/connection_refused": 2, "interfax/listing/lost": 2}
    assert check(lost) == []
    assert check.last_crawler.stats.get_value("interfax/monitors/warnings") == [
        "listing pages lost to a fault that may pass (5xx, no answer, maintenance ...): 2; their articles are missed "
        "by this run (with a state store, the next run looks for them)"
    ]
    # pages that listed nothing the crawler could read but linked their next page: not the site down
    unread = {**healthy(), "interfax/listing/lost": 3, "interfax/listing/lost_empty": 3}
    assert check(unread) == []
    assert check.last_crawler.stats.get_value("interfax/monitors/warnings") == [
        "listing pages with no article link the crawler can read, though they link their next page: 3 (a listing "
        "layout it does not know, or a passing glitch of the site); their articles are missed by this run (with a "
        "state store, the next run looks for them)"
    ]


def test_report_head_counts_refreshed_articles():
    """A run that exported known articles again (edited ones, or all with refresh=1): items=881 beside
    new=0 and known=0 said nothing of what the 881 were."""
    from interfax.monitors import report_lines

    stats = {**healthy(), "interfax/state/new": 0, "interfax/state/known": 0, "interfax/state/refreshed": 100}
    assert ", items=100, new=0, known=0, refreshed=100, requests=201" in report_lines("articles", stats, [], 8)[0]
    del stats["interfax/state/refreshed"]
    assert ", items=100, new=0, known=0, requests=201" in report_lines("articles", stats, [], 8)[0]


def test_error_rate():
    assert check({**healthy(), "log_count/ERROR": 4}) == []
    assert check({**healthy(), "log_count/ERROR": 30}) == [
        "errors: 30 of 201 requests logged an ERROR (15%), more than 5% (INTERFAX_MONITOR_MAX_ERROR_RATE)"
    ]


def test_dropped_articles_name_the_missing_fields():
    stats = {**healthy(), "interfax/drop/no_title": 20, "interfax/missing/title": 20, "interfax/missing/text": 3}
    assert check(stats) == [
        "dropped for a missing field (text, title): 20 of 120 articles (17%), more than 10% (INTERFAX_MONITOR_MAX_DROPPED_RATE)"
    ]
    assert check({**healthy(), "interfax/drop/out_of_window": 50}) == []  # expected drops are not failures


def test_field_coverage_names_the_field():
    stats = {**healthy(), "interfax/coverage/tags": 10, "interfax/coverage/lead": 85}
    assert check(stats) == [
        "field coverage: lead 85% < 90% (85 of 100); tags 10% < 30% (10 of 100) (INTERFAX_MONITOR_FIELD_COVERAGE)"
    ]
    # shares are judged on a sample of COVERAGE_MIN_ITEMS; a required field (1.0) always
    small = {**healthy(5), "interfax/coverage/tags": 0}
    assert check(small) == []
    assert check({**small, "interfax/coverage/title": 4}) == [
        "field coverage: title 80% < 100% (4 of 5) (INTERFAX_MONITOR_FIELD_COVERAGE)"
    ]
    assert check(stats, INTERFAX_MONITOR_FIELD_COVERAGE={"tags": 0.05}) == []


def test_schema_failures_name_the_fields():
    stats = {
        **healthy(),
        "interfax/schema/invalid": 3,
        "interfax/schema/invalid/word_count": 2,
        "interfax/schema/invalid/title": 1,
    }
    assert check(stats) == [
        "schema: 3 of 100 items invalid against interfax/schemas/article.json, fields: title (1), word_count (2)"
    ]


def test_report_file_and_stats(tmp_path):
    report = tmp_path / "reports" / "monitor.txt"
    failed = check({**healthy(), "finish_reason": "shutdown", "downloader/response_status_count/500": 50,
                    "interfax/errors/http_500": 50}, INTERFAX_MONITOR_REPORT=str(report))
    assert len(failed) == 2
    lines = report.read_text("utf-8").splitlines()
    assert lines[0].startswith("interfax monitors: FAILED (2 of 10 checks failed) - spider articles")
    assert lines[1:] == [f"  FAILED {line}" for line in failed]  # (a failed 5xx check does not warn too)
    check(healthy(), INTERFAX_MONITOR_REPORT=str(report))
    assert report.read_text("utf-8").startswith("interfax monitors: OK (0 of 10 checks failed)")


# ---------------------------------------------------------------- what feeds the checks


def test_schema_documents_the_item():
    assert set(ARTICLE_SCHEMA["properties"]) == set(Article.fields)
    assert set(ARTICLE_SCHEMA["required"]) <= set(Article.fields)


def test_every_item_is_validated_against_the_schema():
    crawler = crawler_with()
    pipeline = SchemaValidationPipeline.from_crawler(crawler)
    good = Article(**next(iter(expected_records().values())), crawled_at="2026-01-01T10:00:00+00:00")
    assert pipeline.process_item(good) is good
    bad = Article(**{**dict(good), "word_count": "many", "title": None})
    pipeline.process_item(bad)  # counted, not dropped
    pipeline.close_spider()
    stats = crawler.stats.get_stats()
    assert stats["interfax/schema/items"] == 2
    assert stats["interfax/schema/invalid"] == 1
    assert stats["interfax/schema/invalid/word_count"] == 1
    assert stats["interfax/schema/invalid/title"] == 1


def test_none_and_empty_values_count_as_missing():
    crawler = crawler_with()
    pipeline = SchemaValidationPipeline.from_crawler(crawler)
    record = {**next(iter(expected_records().values())), "crawled_at": "2026-01-01T10:00:00+00:00"}
    for lead, tags in (("a lead", ["x"]), (None, []), ("", ["y"])):
        pipeline.process_item(Article(**{**record, "lead": lead, "tags": tags}))
    pipeline.close_spider()
    stats = crawler.stats.get_stats()
    assert stats["interfax/coverage/items"] == 3
    assert stats["interfax/coverage/lead"] == 1
    assert stats["interfax/coverage/tags"] == 2


# ---------------------------------------------------------------- real crawls


def crawl(base_url: str, tmp: Path, name: str, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    report = tmp / f"{name}.txt"
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={base_url}", "-a", "since=2000-01-01",
        "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", f"INTERFAX_MONITOR_REPORT={report}",
        "-O", str(tmp / f"{name}.jsonl"), *args,
    ]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300), report


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("monitors")
    cases = {
        "healthy": [],
        # strict: the mirror's run judged as the live site's
        "coverage": ["-a", "related_depth=0", "-s", 'INTERFAX_MONITOR_FIELD_COVERAGE={"title": 1.0, "tags": 0.9}',
                     "-s", "INTERFAX_MONITOR_COVERAGE_MIN_ITEMS=1", "-s", "INTERFAX_MONITOR_MIRROR_WARN_ONLY="],
        # the default on a mirror: a coverage limit of the live site only warns
        "coverage_on_a_mirror": ["-a", "related_depth=0", "-s", 'INTERFAX_MONITOR_FIELD_COVERAGE={"title": 1.0, "tags": 0.9}',
                                 "-s", "INTERFAX_MONITOR_COVERAGE_MIN_ITEMS=1"],
        "empty": ["-a", "sections=pharmacy"],
    }
    with MirrorServer() as server, ThreadPoolExecutor(len(cases)) as pool:
        futures = {name: pool.submit(crawl, server.base_url, tmp, name, *args) for name, args in cases.items()}
        return {name: f.result() for name, f in futures.items()}


def test_healthy_crawl_exits_zero_with_every_item_validated(runs):
    result, report = runs["healthy"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert report.read_text("utf-8").startswith("interfax monitors: OK (0 of 10 checks failed)")
    exported = len(json.loads((EXPECTED_DIR / "_crawl.json").read_text("utf-8"))["exported_ids"])
    assert f"'interfax/schema/items': {exported}," in result.stderr
    assert "'interfax/schema/invalid'" not in result.stderr
    assert "is deprecated" not in result.stderr


def test_failed_coverage_exits_non_zero_naming_the_field(runs):
    result, report = runs["coverage"]
    assert result.returncode == EXIT_MONITOR_FAILED
    tail = result.stderr.strip().splitlines()[-2:]
    assert tail[0] == "interfax monitors FAILED:"
    assert tail[1].startswith("  field coverage: tags ") and "< 90%" in tail[1], tail
    lines = report.read_text("utf-8").splitlines()
    assert lines[0].startswith("interfax monitors: FAILED (1 of 10 checks failed)")
    assert lines[1].startswith("  FAILED field coverage: tags ")


def test_on_a_mirror_the_live_sites_coverage_limits_only_warn(runs):
    result, report = runs["coverage_on_a_mirror"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "monitor warning (a mirror's crawl: not a failure): field coverage: tags " in result.stderr
    lines = report.read_text("utf-8").splitlines()
    assert lines[0].startswith("interfax monitors: OK (0 of 10 checks failed)")
    assert lines[1].startswith("  WARNED field coverage: tags ")


def test_on_a_mirror_a_failed_run_still_fails():
    """Only the listed checks warn on a mirror: the rest fail as on the live site."""
    from interfax.monitors import crawls_a_mirror

    crawler = crawler_with()
    crawler.spider = crawler._create_spider(since="2000-01-01", base_url="http://127.0.0.1:8000")
    assert crawls_a_mirror(crawler.spider)
    crawler.stats.set_stats({**healthy(), "finish_reason": "shutdown", "interfax/coverage/tags": 0,
                             "downloader/response_status_count/404": 60})
    data = {"stats": crawler.stats.get_stats(), "stats_history": [], "crawler": crawler, "spider": crawler.spider,
            "sc_spider_name": "articles", "job": None}
    SpiderMonitorRunner(spider=crawler.spider).run(CloseSpiderSuite(crawler=crawler), **data)
    assert failed_report(crawler) == [
        "finish reason: 'shutdown', expected 'finished' (stopped by a signal: the run is incomplete; what it wrote is whole)"
    ]
    assert [w.split(":")[0] for w in crawler.stats.get_value("interfax/monitors/warnings")] == ["HTTP 4xx", "field coverage"]
    live = crawler_with()
    assert not crawls_a_mirror(live.spider)


def test_a_run_that_exports_nothing_fails(runs):
    result, report = runs["empty"]
    assert result.returncode == EXIT_MONITOR_FAILED
    assert "item count: 0 articles exported, 0 known from earlier runs" in report.read_text("utf-8")


def test_item_floor_names_the_cause_it_sees_in_the_stats():
    """When nothing is exported the report says why, as far as the stats tell (9 default sections)."""
    nothing = {**healthy(0), "item_scraped_count": 0}
    cases = [
        ({"interfax/errors/http_500": 9}, "9 of 9 listings failed (HTTP 500)"),
        ({"interfax/errors/robots_disallowed": 9}, "robots.txt disallowed 9 requests"),
        # a robots.txt that could not be read disallows everything (RFC 9309): the cause is that, not the site's rules
        ({"interfax/errors/robots_disallowed": 9, "interfax/robots/unavailable": 1,
          "interfax/robots/unavailable_why": "robots.txt of interfax.com.ua could not be read (HTTP 503)"},
         "robots.txt of interfax.com.ua could not be read (HTTP 503): 9 requests not sent"),
        ({"interfax/errors/robots_disallowed": 3, "interfax/errors/http_503": 4, "interfax/errors/timeout": 2},
         "robots.txt disallowed 3 requests; 6 of 9 listings failed (4x HTTP 503, 2x timeout)"),
        ({"interfax/errors/empty_body": 9}, "9 of 9 listings failed (empty body)"),
        ({"interfax/errors/http_407": 9}, "9 of 9 listings failed (HTTP 407 from the proxy: it asks for a user name and password)"),
        ({"interfax/listing/pages": 9, "interfax/listing/empty": 9}, "9 of 9 listing pages held no articles"),
        ({"interfax/listing/pages": 6, "interfax/listing/empty": 6, "interfax/errors/not_html": 3},
         "3 listing pages failed (not HTML); 6 of 6 listing pages held no articles"),
        ({"interfax/listing/pages": 9, "interfax/listing/stopped_at_since": 9}, "listed articles older than since"),
        ({"interfax/listing/pages": 5, "interfax/listing/articles": 92, "interfax/errors/not_html": 92, "interfax/failed/count": 92},
         "92 articles listed: 92 failed (not HTML)"),
        ({"interfax/listing/pages": 1, "interfax/listing/articles": 10, "interfax/drop/out_of_window": 10},
         "10 articles listed: 10 dropped (out of window)"),
        # articles redirected to the home page are not a 404 (before: "7 failed (HTTP 404)")
        ({"interfax/listing/pages": 1, "interfax/listing/articles": 7, "interfax/errors/http_404": 1,
          "interfax/article/not_an_article": 6, "interfax/failed/count": 7},
         "7 articles listed: 7 failed (6x not an article, 1x HTTP 404)"),
    ]
    for stats, cause in cases:
        assert check({**nothing, **stats}) == [
            f"item count: 0 articles exported, 0 known from earlier runs: {cause}; expected at least 1 (INTERFAX_MONITOR_MIN_ITEMS)"
        ], stats


def test_a_run_that_exports_nothing_says_why(runs):
    result, report = runs["empty"]  # the mirror's pharmacy listing has no articles
    assert ("  FAILED item count: 0 articles exported, 0 known from earlier runs: 1 of 1 listing page held no articles; "
            "expected at least 1 (INTERFAX_MONITOR_MIN_ITEMS)") in report.read_text("utf-8").splitlines()
    assert "1 of 1 listing page held no articles" in result.stderr.splitlines()[-1]


def test_a_report_that_cannot_be_written_is_named_before_a_crawl(tmp_path, monkeypatch):
    from interfax.monitors import report_unwritable

    (tmp_path / "plain").write_text("x")
    assert report_unwritable(str(tmp_path / "plain" / "report.txt")) == f"{tmp_path / 'plain'} is not a folder"
    assert report_unwritable(str(tmp_path / "new" / "report.txt")) is None  # the folder is created
    assert report_unwritable(str(tmp_path / "report.txt")) is None and list(tmp_path.iterdir()) == [tmp_path / "plain"]

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", read_only)  # (root may write a chmod-ed folder: a read-only mount)
    assert report_unwritable(str(tmp_path / "report.txt")) == f"cannot create files in {tmp_path} (Read-only file system)"


@pytest.mark.parametrize("setting, file, what", [
    ("INTERFAX_MONITOR_REPORT", "report.txt", "the report"),
    ("INTERFAX_FAILED_FILE", "%(name)s-failed.jsonl", "the failed URLs"),
])
def test_a_crawl_whose_report_or_failed_list_cannot_be_written_stops_before_any_request_with_exit_2(tmp_path, setting, file, what):
    """Before, the report's check printed one error line, then the crawl ran and exited 0 (a server watching the
    report kept reading an old one); an unwritable failed list ended the run with two ERROR lines, no list, exit 0."""
    (tmp_path / "plain").write_text("x")
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}",
               "-s", f"{setting}={tmp_path / 'plain' / file}", "-O", str(tmp_path / "out.jsonl")]
        result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
        assert server.requests == [], result.stderr[-3000:]
    assert result.returncode == 2, result.stderr[-3000:]
    assert result.stderr == f"scrapy crawl: error: cannot write {what} ({setting}): {tmp_path / 'plain'} is not a folder\n"
    assert not (tmp_path / "out.jsonl").exists()


def test_a_section_whose_first_page_is_gone_fails_the_run_on_the_live_site_and_warns_on_a_mirror():
    stats = {**healthy(), "interfax/listing/missing_sections": ["politcs"]}
    assert check(stats) == ["sections not found (their first listing page is gone): politcs; check the sections argument, "
                            "or the site's section names"]
    crawler = crawler_with()
    crawler.spider = crawler._create_spider(since="2000-01-01", base_url="http://127.0.0.1:8000")
    crawler.stats.set_stats(dict(stats))
    data = {"stats": crawler.stats.get_stats(), "stats_history": [], "crawler": crawler, "spider": crawler.spider,
            "sc_spider_name": "articles", "job": None}
    SpiderMonitorRunner(spider=crawler.spider).run(CloseSpiderSuite(crawler=crawler), **data)
    assert failed_report(crawler) == []
    assert crawler.stats.get_value("interfax/monitors/warnings") == [
        "sections not found (their first listing page is gone): politcs; check the sections argument, or the site's section names"]


def test_a_listing_whose_first_page_is_gone_is_a_missing_section():
    from scrapy.http import HtmlResponse
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    spider = crawler_with().spider
    for section, page in (("world", 1), ("general", 3)):
        request = spider.listing_request(section, page)
        failure = Failure(HttpError(HtmlResponse(request.url, status=404, request=request, body=b"<html></html>")))
        failure.request = request
        spider.on_error(failure)
    assert spider.crawler.stats.get_value("interfax/listing/missing_sections") == ["world"]


def test_output_losses_the_log_tells_are_warned_lines_of_the_report():
    stats = {**healthy(), "interfax/feeds/overwritten": 60, "interfax/feeds/missing_exported": 3}
    assert check(stats) == []
    assert check.last_crawler.stats.get_value("interfax/monitors/warnings") == [
        "-O dropped 60 articles exported by earlier runs from its file; the state store does not export them again "
        "(copy the file away after each run, or use -o)",
        "the output no longer holds 3 articles the state store counts as exported to it; they are not exported again "
        "until the state is reset"]


def test_a_section_robots_txt_disallows_is_a_warned_line_not_a_failure(caplog):
    """A section robots.txt disallows was missed whole with only an INFO line, the run reported OK."""
    from scrapy.exceptions import IgnoreRequest
    from twisted.python.failure import Failure

    spider = crawler_with().spider
    for section, page in (("economic", 1), ("general", 2)):
        request = spider.listing_request(section, page)
        failure = Failure(IgnoreRequest("Forbidden by robots.txt"))
        failure.request = request
        spider.on_error(failure)
    stats = spider.crawler.stats
    assert stats.get_value("interfax/listing/disallowed_sections") == ["economic"]
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "economic" in r.getMessage()]
    assert check({**healthy(), "interfax/listing/disallowed_sections": ["economic"]}) == []
    assert check.last_crawler.stats.get_value("interfax/monitors/warnings") == [
        "sections disallowed by robots.txt: economic (none of their articles listed)"]
    # robots.txt unavailable (everything disallowed) is said by its own check, not as a list of sections
    spider = crawler_with().spider
    spider.crawler.stats.set_value("interfax/robots/unavailable", 1)
    request = spider.listing_request("economic", 1)
    failure = Failure(IgnoreRequest("Forbidden by robots.txt"))
    failure.request = request
    spider.on_error(failure)
    assert spider.crawler.stats.get_value("interfax/listing/disallowed_sections") is None
