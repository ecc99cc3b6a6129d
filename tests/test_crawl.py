"""End to end: the real `scrapy crawl articles` in a subprocess against the mirror on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime

import pytest

from conftest import EXPECTED_DIR, REPO, expected_records
from conftest import listing_html as _listing_html
from interfax.mirror.server import MirrorServer

EXPECTED = expected_records()
CRAWL = json.loads((EXPECTED_DIR / "_crawl.json").read_text("utf-8"))
FAST = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO"]


def crawl(base_url: str, out, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={base_url}", *args, *FAST, "-O", str(out)]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl") / "articles.jsonl"
    with MirrorServer() as server:
        result = crawl(server.base_url, out, "-a", "since=2000-01-01")
        requested = list(server.requests)
    return result, out, requested


def test_crawl_finishes(full_crawl):
    result, out, _ = full_crawl
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'finish_reason': 'finished'" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_article_exactly_once(full_crawl):
    _, out, _ = full_crawl
    ids = [r["id"] for r in read_jsonl(out)]
    assert len(ids) == len(set(ids)), "an article was exported twice"
    assert sorted(ids) == sorted(CRAWL["exported_ids"])
    assert not set(ids) & set(CRAWL["never_exported_ids"])


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_record_matches_expected(full_crawl, article_id):
    _, out, _ = full_crawl
    records = {r["id"]: r for r in read_jsonl(out)}
    assert article_id in records
    got, want = records[article_id], EXPECTED[article_id]
    for field, value in want.items():
        assert got.get(field) == value, f"field {field}"
    crawled = datetime.fromisoformat(got["crawled_at"])
    assert crawled.utcoffset().total_seconds() == 0


def test_feed_is_utf8_jsonlines_with_cyrillic_unescaped(full_crawl):
    _, out, _ = full_crawl
    raw = out.read_text("utf-8")
    assert "\\u04" not in raw and "Умєров" in raw
    first = json.loads(raw.splitlines()[0])
    assert list(first)[:4] == ["id", "url", "lang", "section"]


def test_never_requests_what_it_must_not(full_crawl):
    _, _, requested = full_crawl
    for path in CRAWL["never_requested_paths"]:
        assert path not in requested, path
    assert not [p for p in requested if "-amp.html" in p and not re.search(r"/\d+-amp\.html$", p)]


def test_missing_links_are_counted_once(full_crawl):
    result, _, requested = full_crawl
    for path in CRAWL["missing_paths"]:
        assert requested.count(path) <= 1, path
    assert "'interfax/errors/http_404'" in result.stderr
    # 404s cannot be retried: the end-of-run summary says they are gone, not "can be retried"
    assert "failed and can be retried" not in result.stderr
    (summary,) = [line for line in result.stderr.splitlines() if "article(s) failed" in line]
    n = len(CRAWL["missing_paths"])
    assert f"{n} article(s) failed as gone (HTTP 404/410 or a soft 404: not worth retrying): " in summary
    assert all(f"https://interfax.com.ua{path} (HTTP 404)" in summary for path in CRAWL["missing_paths"])
    assert f"'interfax/failed/gone': {n}" in result.stderr


def test_related_depth_zero_stays_on_listings(tmp_path):
    out = tmp_path / "d0.jsonl"
    with MirrorServer() as server:
        result = crawl(server.base_url, out, "-a", "since=2000-01-01", "-a", "related_depth=0")
    assert result.returncode == 0, result.stderr[-2000:]
    ids = {r["id"] for r in read_jsonl(out)}
    assert ids and ids < set(CRAWL["exported_ids"])


def test_since_and_until_window(tmp_path):
    out = tmp_path / "window.jsonl"
    with MirrorServer() as server:
        result = crawl(server.base_url, out, "-a", "since=2025-04-11", "-a", "until=2025-04-11")
    assert result.returncode == 0, result.stderr[-2000:]
    days = {r["published_at"][:10] for r in read_jsonl(out)}
    assert days == {"2025-04-11"}
    in_window = {i for i, r in EXPECTED.items() if r["published_at"].startswith("2025-04-11")}
    assert {r["id"] for r in read_jsonl(out)} <= in_window


@pytest.mark.parametrize(
    "arg, message",
    [
        ("since=yesterday", "since"),
        ("until=2025-13-01", "until"),
        ("max_pages=-1", "max_pages"),
        ("related_depth=x", "related_depth"),
        ("max_pages=١٢", "max_pages"),
        ("base_url=ftp://example", "base_url"),
        ("sections=general,Bad Slug", "sections"),
        ("sections=general,politcal", "did you mean 'political'"),  # a typo: the section would be missed for good
        ("sections=", "sections"),  # an unset shell variable: not the default list
        ("sections=,,", "sections"),
        ("sections= ", "sections"),
        ("since=", "since"),  # an unset shell variable: not "everything"
        ("since=2999-01-01", "since"),  # in the future: a mistyped year, nothing to list
        ("base_url=", "base_url"),
        ("base_url=http://user:secret@127.0.0.1:1", "base_url"),  # user:password@ is not supported  # an unset shell variable: not the live site instead of the mirror meant
        ("until=", "until"),
        ("max_pages=", "max_pages"),
        ("related_depth=", "related_depth"),
        ("refresh=", "refresh"),
        ("bogus=1", "bogus"),
    ],
)
def test_bad_argument_stops_before_any_request(tmp_path, arg, message):
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}", "-a", arg]
        result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
        assert server.requests == []
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one line: no start-up log, no usage text
    assert "error:" in lines[0] and message in lines[0]


def test_a_section_the_site_is_not_known_to_have_is_crawled_with_a_warning_but_a_typo_is_an_error(caplog):
    from datetime import date

    from scrapy.exceptions import UsageError

    from interfax.spiders.articles import CrawlArgs

    assert CrawlArgs.parse(today=date(2026, 11, 29), sections="general,press-announcement").sections == ("general", "press-announcement")
    assert CrawlArgs.parse(today=date(2026, 11, 29), sections="world").sections == ("world",)
    assert "sections: 'world' is not among the sections the site is known to have" in caplog.text
    for typo, meant in (("sports", "sport"), ("politics", "political"), ("pharma", "pharmacy")):
        with pytest.raises(UsageError, match=f"'{typo}' is no section of the site: did you mean '{meant}'"):
            CrawlArgs.parse(today=date(2026, 11, 29), sections=f"general,{typo}")


def test_since_after_today_in_kyiv_is_an_error_naming_the_argument():
    """A ``since`` in the future (2027 typed for 2026): the run listed nothing and failed its item-count
    check (exit 3) without saying why; now one line before any request. Today, in Kyiv, is fine."""
    from datetime import date

    from scrapy.exceptions import UsageError

    from interfax.spiders.articles import CrawlArgs

    assert CrawlArgs.parse(today=date(2026, 11, 29), since="2026-11-29").since == date(2026, 11, 29)
    with pytest.raises(UsageError) as error:
        CrawlArgs.parse(today=date(2026, 11, 29), since="2027-11-29")
    assert str(error.value) == ("invalid argument since=2027-11-29: after today (2026-11-29 in Kyiv): no article "
                                "can be in the window")
    with pytest.raises(UsageError, match="since=2025-03-01: later than until=2025-02-01"):
        CrawlArgs.parse(today=date(2026, 11, 29), since="2025-03-01", until="2025-02-01")
    with pytest.raises(UsageError, match="since='2025-02-30': expected a date YYYY-MM-DD"):
        CrawlArgs.parse(today=date(2026, 11, 29), since="2025-02-30")


def test_a_window_given_is_paged_down_to_its_start_and_a_max_pages_stop_is_said(caplog):
    """since=2025-11-01 without max_pages: the paging stops at since, not at the default 50 pages (which end
    the "latest" listing ~3 days back, in silence). A max_pages that stops a section with pages left says so."""
    from datetime import date

    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import DEFAULT_MAX_PAGES, ArticlesSpider, CrawlArgs

    today = date(2026, 11, 29)
    assert CrawlArgs.parse(today=today).max_pages == DEFAULT_MAX_PAGES  # a daily run: the safety cap
    assert CrawlArgs.parse(today=today, since="2025-11-01").max_pages is None
    assert CrawlArgs.parse(today=today, since="2025-11-01", max_pages="7").max_pages == 7

    def listing(spider, n):
        body = _listing_html(("/news/general/1100001.html", "10:00 20.11.2026")).replace(b"general-4.html", f"general-{n + 1}.html".encode())
        return [r.url for r in spider.parse_listing(HtmlResponse(f"https://interfax.com.ua/news/general-{n}.html",
                                                                 body=body, encoding="utf-8"), section="general")
                if isinstance(r, scrapy.Request) and r.meta.get("interfax_kind") == "listing"]

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = spider = crawler._create_spider(since="2026-11-01")
    assert listing(spider, 60) == ["https://interfax.com.ua/news/general-61.html"]
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = spider = crawler._create_spider(since="2026-11-01", max_pages="5")
    assert listing(spider, 5) == []
    (line,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert line == ("listing https://interfax.com.ua/news/general-5.html: max_pages=5 reached, paging of general stops "
                    "above since=2026-11-01 (its later pages are not crawled: raise max_pages)")
    assert crawler.stats.get_value("interfax/listing/stopped_at_max_pages") == 1


def test_records_to_standard_output(tmp_path):
    """`-O -:jsonlines`: the records on stdout, one JSON line each, the log on stderr; the one WARNING about
    crash safety names standard output (before: "feed '<stdout>' is post-processed", which it is not)."""
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}", "-a", "since=2000-01-01",
               "-a", "sections=general", "-a", "related_depth=0", *FAST, "-o", "-:jsonlines"]
        result = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                                env={**os.environ, "SCRAPY_SETTINGS_MODULE": "interfax.settings", "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and {r["id"] for r in records} <= set(CRAWL["exported_ids"])
    assert list(tmp_path.iterdir()) == []
    crash_safety = [line for line in result.stderr.splitlines() if "crash-safely" in line]
    assert len(crash_safety) == 1 and "standard output" in crash_safety[0] and "post-processed" not in crash_safety[0]


def test_large_values_are_valid(tmp_path):
    out = tmp_path / "big.jsonl"
    with MirrorServer() as server:
        result = crawl(server.base_url, out, "-a", "since=2000-01-01", "-a", "max_pages=100000", "-a", "related_depth=50")
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(read_jsonl(out)) >= len(CRAWL["exported_ids"])


def test_callbacks_return_no_value():
    """settings.WARN_ON_GENERATOR_RETURN_VALUE is off (it costs CPU on every response): check here instead."""
    from scrapy.utils.misc import is_generator_with_return_value

    from interfax.spiders.articles import ArticlesSpider

    callbacks = [getattr(ArticlesSpider, name) for name in dir(ArticlesSpider)
                 if name.startswith(("parse", "on_")) and callable(getattr(ArticlesSpider, name))]
    assert {c.__name__ for c in callbacks} >= {"parse_listing", "parse_article", "parse_amp", "on_error", "on_amp_error"}
    assert [c.__name__ for c in callbacks if is_generator_with_return_value(c)] == []


def test_an_article_reached_closer_later_gets_its_related_hops():
    """Met first as a related item at the last hop, then on a listing: its related links are followed."""
    import scrapy
    from scrapy.utils.test import get_crawler

    from conftest import stored_response
    from interfax import urls
    from interfax.spiders.articles import ArticlesSpider

    def spider():
        crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
        crawler.spider = crawler._create_spider(since="2000-01-01", related_depth="2")
        return crawler.spider

    def requested(outputs):
        return {o.meta["interfax_id"]: o.meta["interfax_depth"] for o in outputs if isinstance(o, scrapy.Request)}

    def parse(s, request):
        """The article's outputs, through its AMP twin when it asks for it."""
        outputs = list(s.parse_article(stored_response(request.url, request=request)))
        amp = [o for o in outputs if isinstance(o, scrapy.Request) and o.meta["interfax_kind"] == "amp"]
        return [o for o in outputs if o not in amp] + [o for a in amp for o in s.parse_amp(stored_response(a.url, request=a))]

    url = "https://interfax.com.ua/news/general/1063374.html"  # related: 1063120, 1062871
    ref = urls.article_ref(url)

    # parsed at depth 2 first (no hops left), then listed: its related items are requested at depth 1
    s = spider()
    (request,) = s.follow(ref, 2)
    assert requested(parse(s, request)) == {}
    assert requested(s.follow(ref, 0)) == {1063120: 1, 1062871: 1}
    assert s.crawler.stats.get_value("interfax/related/reached_closer") == 1
    assert requested(s.follow(ref, 0)) == {}  # nothing twice

    # listed while its depth-2 request is still pending: parsed with the listing's depth
    s = spider()
    (request,) = s.follow(ref, 2)
    assert requested(s.follow(ref, 0)) == {}
    assert requested(parse(s, request)) == {1063120: 1, 1062871: 1}


def test_paging_stops_at_since_whatever_the_other_editions_items_say():
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2026-11-15")
    crawler.spider = spider
    url = "https://interfax.com.ua/news/general-3.html"
    old_page = _listing_html(("/news/general/1100001.html", "10:00 01.10.2026"),
                             ("https://ru.interfax.com.ua/news/general/1100003.html", "12:00 20.11.2026"))
    out = list(spider.parse_listing(HtmlResponse(url, body=old_page, encoding="utf-8"), section="general"))
    assert out == []  # the only item of this edition is older than since: no next page
    assert crawler.stats.get_value("interfax/listing/stopped_at_since") == 1
    new_page = _listing_html(("/news/general/1100002.html", "10:00 20.11.2026"),
                             ("https://ru.interfax.com.ua/news/general/1100004.html", "12:00 01.10.2026"))
    out = list(spider.parse_listing(HtmlResponse(url, body=new_page, encoding="utf-8"), section="general"))
    assert [r.url for r in out if isinstance(r, scrapy.Request)][-1].endswith("/news/general-4.html")


def test_a_pager_that_never_ends_stops_when_a_page_brings_nothing_new():
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2000-01-01", max_pages="100000")
    crawler.spider = spider
    page = _listing_html(("/news/general/1100001.html", "10:00 20.11.2026"), ("/news/general/1100002.html", "09:00 20.11.2026"))
    shifted = _listing_html(("/news/general/1100002.html", "09:00 20.11.2026"), ("/news/general/1100003.html", "08:00 20.11.2026"))

    def parse(n, body):
        url = f"https://interfax.com.ua/news/general-{n}.html"
        body = body.replace(b"general-4.html", f"general-{n + 1}.html".encode())  # the pager goes on forever
        return [r for r in spider.parse_listing(HtmlResponse(url, body=body, encoding="utf-8"), section="general")
                if isinstance(r, scrapy.Request)]

    assert any("general-3" in r.url for r in parse(2, page))
    # items shifted by new articles: one repeat, one new item: paging goes on
    assert any("general-4" in r.url for r in parse(3, shifted))
    # past the last page the site repeats what it listed: paging stops, said once
    assert parse(4, page) == []
    assert crawler.stats.get_value("interfax/listing/stopped_no_new") == 1
    assert crawler.stats.get_value("interfax/listing/articles") == 3  # 1100002 listed twice, counted once


def test_a_pager_leading_to_another_edition_stops_the_paging_with_one_warning(caplog):
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2000-01-01")
    crawler.spider = spider
    body = _listing_html(("/news/general/1100001.html", "10:00 20.11.2026"))
    body = body.replace(b'<a href="/news/general-2.html">2</a><a href="/news/general-4.html">',
                        b'<a href="https://ru.interfax.com.ua/news/general-2.html">')
    out = list(spider.parse_listing(HtmlResponse("https://interfax.com.ua/news/general.html", body=body, encoding="utf-8"),
                                    section="general"))
    assert [r.meta["interfax_kind"] for r in out if isinstance(r, scrapy.Request)] == ["article"]
    assert crawler.stats.get_value("interfax/listing/pager_other_edition") == 1
    assert crawler.stats.get_value("interfax/listing/pager_unread") is None
    (line,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert "https://ru.interfax.com.ua/news/general-2.html" in line and "another edition" in line


def test_a_listing_that_shows_no_times_is_said_once_per_section(caplog):
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2026-11-15", max_pages="30")
    crawler.spider = spider
    undated = re.sub(rb'<div class="article-time">.*?</div>', b"",
                     _listing_html(("/news/general/1100001.html", "10:00 20.11.2026"), ("/news/general/1100002.html", "09:00 20.11.2026")))

    def parse(n, body, section="general"):
        url = f"https://interfax.com.ua/news/{section}-{n}.html"
        body = body.replace(b"general-4.html", f"{section}-{n + 1}.html".encode())
        return [r for r in spider.parse_listing(HtmlResponse(url, body=body, encoding="utf-8"), section=section)
                if isinstance(r, scrapy.Request)]

    # undated items count as in the window: the paging goes on (it cannot stop at since), and says so
    assert any("general-3" in r.url for r in parse(2, undated))
    assert any("general-4" in r.url for r in parse(3, undated.replace(b"11000", b"11001")))
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "shows no date for any item" in warnings[0] and "paging of general cannot stop at since=2026-11-15" in warnings[0]
    assert "max_pages=30" in warnings[0]
    assert crawler.stats.get_value("interfax/listing/undated") == 2
    # a dated page says nothing
    parse(4, _listing_html(("/news/general/1100201.html", "10:00 20.11.2026")))
    assert crawler.stats.get_value("interfax/listing/undated") == 2
    assert len([r for r in caplog.records if r.levelname == "WARNING"]) == 1


def test_a_full_first_listing_page_with_no_next_page_link_is_said(caplog):
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import FULL_LISTING_PAGE, ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2026-11-15")
    crawler.spider = spider

    def first_page(count, pager=False, section="general", day="20.11.2026"):
        body = _listing_html(*[(f"/news/{section}/{1100100 + n}.html", f"10:{n:02d} {day}") for n in range(count)])
        body = body.replace(b"/news/general-", f"/news/{section}-".encode())
        if not pager:
            body = re.sub(rb'<div class="pager">.*?</div>', b"", body)
        out = spider.parse_listing(HtmlResponse(f"https://interfax.com.ua/news/{section}.html", body=body, encoding="utf-8"),
                                   section=section)
        return [r for r in out if isinstance(r, scrapy.Request) and r.meta["interfax_kind"] == "listing"]

    assert first_page(FULL_LISTING_PAGE) == []
    (line,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert f"lists {FULL_LISTING_PAGE} articles, none older than since=2026-11-15, and links to no next page" in line
    assert crawler.stats.get_value("interfax/listing/no_next_page") == 1
    # a short section, a page with a pager, a page reaching past since: nothing to say
    first_page(FULL_LISTING_PAGE - 1, section="sport")
    assert first_page(FULL_LISTING_PAGE, pager=True, section="telecom")
    first_page(FULL_LISTING_PAGE, section="economic", day="01.10.2026")
    assert crawler.stats.get_value("interfax/listing/no_next_page") == 1


def test_a_pinned_fresh_item_on_every_page_does_not_keep_the_paging_going():
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2026-11-15", max_pages="100000")
    crawler.spider = spider
    pinned = ("/news/general/1100090.html", "10:00 25.11.2026")
    first = _listing_html(pinned, ("/news/general/1100001.html", "10:00 20.11.2026"))
    old = _listing_html(pinned, ("/news/general/1100002.html", "10:00 01.10.2026"))

    def parse(n, body):
        url = f"https://interfax.com.ua/news/general-{n}.html"
        body = body.replace(b"general-4.html", f"general-{n + 1}.html".encode())
        return [r for r in spider.parse_listing(HtmlResponse(url, body=body, encoding="utf-8"), section="general")
                if isinstance(r, scrapy.Request)]

    assert any("general-3" in r.url for r in parse(2, first))
    assert not any("general-4" in r.url for r in parse(3, old))  # only the pinned item is newer: paging stops
    assert crawler.stats.get_value("interfax/listing/stopped_at_since") == 1


def test_an_amp_twin_redirected_to_a_non_amp_page_is_a_failed_twin(caplog):
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.items import Article
    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2000-01-01")
    crawler.spider = spider
    item = Article(id=1100006, url="https://interfax.com.ua/news/general/1100006.html", published_at=["2025-04-01T10:00:00+03:00"],
                   crawled_at="2026-11-29T10:00:00+00:00", related=[])
    desktop = b'<html><body><div class="amp-related"><a href="/news/general/1.html">X</a></div></body></html>'
    for target, failed in (("https://interfax.com.ua/news/general/1100006.html", True),
                           ("https://interfax.com.ua/news/general.html", True),
                           ("https://interfax.com.ua/news/general/1100006-amp.html", False)):
        request = scrapy.Request(target, meta={"interfax_item": dict(item), "interfax_depth": 0, "interfax_id": 1100006,
                                               "redirect_urls": ["https://interfax.com.ua/news/general/1100006-amp.html"]})
        out = list(spider.parse_amp(HtmlResponse(target, body=desktop, encoding="utf-8", request=request)))
        assert out[0]["related"] == ([] if failed else [{"id": 1, "url": "https://interfax.com.ua/news/general/1.html", "title": "X"}])
    assert crawler.stats.get_value("interfax/related/amp_failed") == 2
    assert caplog.text.count("not an AMP page") == 2


def test_a_generated_mirror_crawls_to_its_generators_expected_records(tmp_path):
    """The mirror generator writes what each article must give: 400 generated articles (ads, informers,
    photos, credits, tables, AMP twins, related chains in every form the generator knows), crawled by
    the real command, equal field by field (a photo lost beside a bare «РЕКЛАМА» was found this way)."""
    from interfax import urls
    from interfax.mirror.build import build_site

    expected_dir = tmp_path / "expected"
    summary = build_site(tmp_path / "site", n_articles=400, seed=7, expected_dir=expected_dir)
    out = tmp_path / "out.jsonl"
    with MirrorServer(root=tmp_path / "site") as server:
        result = crawl(server.base_url, out, "-a", "since=2000-01-01", "-a", "max_pages=100000",
                       "-a", "sections=" + ",".join(urls.DEFAULT_SECTIONS))
    assert result.returncode in (0, 3), result.stderr[-2000:]
    got = {r["id"]: r for r in read_jsonl(out)}
    want = {int(p.stem): json.loads(p.read_text("utf-8")) for p in expected_dir.glob("[0-9]*.json")}
    assert sorted(got) == sorted(want) == sorted(summary["exported_ids"])
    wrong = [(i, field, got[i].get(field), value) for i in sorted(want) for field, value in want[i].items()
             if field != "crawled_at" and got[i].get(field) != value]
    assert wrong == [], wrong[:5]


def test_an_article_that_shows_no_date_takes_the_time_its_listing_showed(caplog):
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.items import Article
    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2000-01-01")
    crawler.spider = spider
    listing = _listing_html(("/news/general/1071033.html", "12:00 02.03.2025"))
    requests = [r for r in spider.parse_listing(HtmlResponse("https://interfax.com.ua/news/general.html", body=listing,
                                                             encoding="utf-8"), section="general")
                if isinstance(r, scrapy.Request) and "1071033" in r.url]
    page = ('<html lang="uk"><body><article><h1>Уряд продовжив програму</h1><div class="article-content">'
            '<p>Кабмін продовжив програму «Доступні ліки». Кінцевий строк подання пропозицій: 15.05.2025</p>'
            '</div></article></body></html>').encode()
    out = [o for o in spider.parse_article(HtmlResponse(requests[0].url, body=page, encoding="utf-8", request=requests[0]))
           if isinstance(o, Article)]
    assert out[0]["published_at"] == ["12:00 02.03.2025"]  # not the deadline in the text
    assert crawler.stats.get_value("interfax/dates/from_listing") == 1 and "shows no date" in caplog.text


def test_the_spiders_window_reads_the_date_the_pipeline_exports():
    from scrapy.utils.test import get_crawler

    from interfax import dates
    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2025-03-29", until="2025-03-29")
    # JSON-LD wrote UTC without an offset; the header shows Kyiv time: the article is of 29 March
    candidates = ["2025-03-28T23:30:00", "01:30 29.03.2025"]
    assert dates.pick(candidates)[0] == "2025-03-29T01:30:00+02:00"
    assert spider._in_window(candidates)


def test_the_window_reads_kyiv_time_written_with_a_z_as_the_header_shows_it():
    """JSON-LD that writes Kyiv time with a "Z", an article of 22:30 on the last day of the window: read as
    01:30 the next day, it was dropped as newer than until (and its related links not followed)."""
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2025-03-29", until="2025-03-29")
    assert spider._in_window(["2025-03-29T22:30:00Z", "2025-03-29T22:30:00Z", "22:30 29.03.2025"])
    assert not spider._in_window(["2025-03-29T22:30:00Z", "00:30 30.03.2025"])  # (right as written: 00:30 on the 30th)


def test_an_amphtml_link_to_the_page_itself_is_no_twin_to_fetch():
    """A page whose ``amphtml`` names the desktop page itself has no twin: it is not fetched a second time
    (with an ``amp`` query it names the twin, fetched with the query)."""
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.items import Article
    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2000-01-01", base_url="http://127.0.0.1:8000")
    crawler.spider = spider
    url = "http://127.0.0.1:8000/news/general/1100103.html"
    for amphtml, twin in (("https://interfax.com.ua/news/general/1100103.html", None),
                          ("/news/general/1100103.html?utm_source=x", None),
                          ("/news/general/1100103.html?amp", "http://127.0.0.1:8000/news/general/1100103.html?amp"),
                          ("https://interfax.com.ua/news/general/1100103-amp.html", "http://127.0.0.1:8000/news/general/1100103-amp.html")):
        page = (f'<html lang="uk"><head><link rel="amphtml" href="{amphtml}"></head><body><article><h1>Заголовок</h1>'
                '<div class="article-time">10:00 27.11.2026</div><div class="article-content"><p>Текст статті.</p></div></article>'
                '<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles"></div></div></body></html>').encode()
        request = scrapy.Request(url, meta={"interfax_depth": 0, "interfax_id": 1100103})
        out = list(spider.parse_article(HtmlResponse(url, body=page, encoding="utf-8", request=request)))
        assert [o.url for o in out if isinstance(o, scrapy.Request)] == ([twin] if twin else [])
        if twin is None:
            assert [o["related"] for o in out if isinstance(o, Article)] == [[]]


def test_scrapy_parse_shows_the_fields_and_leaves_no_feed_file_nor_checks(tmp_path):
    """`scrapy parse` (the README's way to look at one page) prints the page's item; it is no crawl:
    no per-run feed file in data/articles/, no end-of-run monitors failing it, no deprecation noise."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "interfax.settings", "PYTHONPATH": str(REPO)}
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "parse", "--spider=articles", "-c", "parse_article",
               "-a", f"base_url={server.base_url}", f"{server.base_url}/news/general/1063390.html"]
        result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'id': 1063390" in result.stdout and "Внаслідок обстрілу на Чернігівщині" in result.stdout
    assert list(tmp_path.iterdir()) == []  # no data/articles/<time>.jsonl
    assert "monitors" not in result.stderr and "Spidermon" not in result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr[-3000:]



@pytest.mark.parametrize("spider", [[], ["--spider=articles"]])
def test_scrapy_fetch_prints_the_page_and_leaves_no_feed_file_nor_checks(tmp_path, spider):
    """`scrapy fetch` is a look at one page as well (and `scrapy view`, a fetch shown in a browser): before,
    it ran the end-of-run monitors (ERROR lines: "interfax monitors: FAILED ... item count") and, given
    the articles spider, wrote an empty data/articles/<time>.jsonl."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "interfax.settings", "PYTHONPATH": str(REPO)}
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "fetch", *spider, f"{server.base_url}/news/general/1063390.html"]
        result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Внаслідок обстрілу на Чернігівщині" in result.stdout
    assert list(tmp_path.iterdir()) == []
    assert "monitors" not in result.stderr and "Spidermon" not in result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr[-3000:]

@pytest.mark.parametrize("twin", ["https://interfax.com.ua/news/general/1063374.html?amp=1", "/news/general/1063374.html?amp"])
def test_an_amp_twin_named_by_a_query_is_fetched_with_it(twin):
    """``link rel="amphtml"`` written as the article's URL with an ``amp`` query (not ``-amp.html``):
    the twin is fetched with that query and its related items are the article's."""
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.mirror.server import DEFAULT_ROOT
    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    s = crawler.spider = crawler._create_spider(since="2000-01-01")
    url = "https://interfax.com.ua/news/general/1063374.html"
    desktop = (DEFAULT_ROOT / "news/general/1063374.html").read_text("utf-8")
    desktop = desktop.replace('<link rel="amphtml" href="https://interfax.com.ua/news/general/1063374-amp.html">',
                              f'<link rel="amphtml" href="{twin}">')
    request = scrapy.Request(url, meta={"interfax_kind": "article", "interfax_depth": 0, "interfax_id": 1063374})
    outputs = list(s.parse_article(HtmlResponse(url, body=desktop.encode(), encoding="utf-8", request=request)))
    (amp,) = outputs
    assert amp.url == url + twin[twin.index("?"):]
    body = (DEFAULT_ROOT / "news/general/1063374-amp.html").read_bytes()
    outputs = list(s.parse_amp(HtmlResponse(amp.url, body=body, request=amp)))
    item = next(o for o in outputs if not isinstance(o, scrapy.Request))
    assert [r["id"] for r in item["related"]] == [1063120, 1062871]
    # a twin that redirects to the desktop page is no twin
    redirected = amp.replace(url=url, meta={**amp.meta, "redirect_urls": [amp.url]})
    outputs = list(s.parse_amp(HtmlResponse(url, body=desktop.encode(), encoding="utf-8", request=redirected)))
    assert next(o for o in outputs if not isinstance(o, scrapy.Request))["related"] == []
    assert crawler.stats.get_value("interfax/related/amp_failed") == 1


def test_an_article_whose_body_is_guessed_is_counted_and_said_once_per_container(caplog):
    import logging

    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.items import Article
    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = spider = crawler._create_spider(since="2000-01-01")
    page = ('<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"></head><body><div class="article-view">'
            '<span class="article-view-date">23:15 30.03.2019</span><h1>Україна переходить на літній час</h1>'
            '<div class="article-view-text"><p>У ніч на неділю, 31 березня, Україна переходить на літній час.</p></div>'
            '</div></body></html>')
    caplog.set_level(logging.INFO)
    for article_id in (598120, 598121):
        url = f"https://interfax.com.ua/news/general/{article_id}.html"
        response = HtmlResponse(url, body=page.encode(), encoding="utf-8",
                                request=scrapy.Request(url, meta={"interfax_kind": "article", "interfax_depth": 0}))
        (item,) = [o for o in spider.parse_article(response) if isinstance(o, Article)]
        assert item["text"] == ["У ніч на неділю, 31 березня, Україна переходить на літній час."]
    assert crawler.stats.get_value("interfax/article/body_guessed") == 2
    said = [(r.levelname, r.getMessage()) for r in caplog.records if "container the page parsers do not know" in r.getMessage()]
    assert [level for level, _ in said] == ["WARNING", "INFO"]
    assert said[0][1].startswith('article https://interfax.com.ua/news/general/598120.html: its text is in '
                                 '<div class="article-view-text">, a container the page parsers do not know')


def test_a_listing_served_in_place_of_an_article_is_a_soft_404_not_a_new_layout(caplog):
    """A removed article that the site answers with a listing or the home page (HTTP 200): before,
    'Dropped (no_text): missing text (unknown layout?)', counted towards the redesign alarm."""
    import scrapy
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = spider = crawler._create_spider(since="2000-01-01")
    listing = _listing_html(*((f"/news/general/{1100001 + n}.html", "10:00 20.11.2026") for n in range(12))).replace(
        b"<html>", b'<html><head><link rel="canonical" href="https://interfax.com.ua/news/general.html"></head>', 1)
    url = "https://interfax.com.ua/news/general/1063374.html"
    response = HtmlResponse(url, body=listing, encoding="utf-8",
                            request=scrapy.Request(url, meta={"interfax_kind": "article", "interfax_depth": 0}))
    assert list(spider.parse_article(response)) == []
    assert crawler.stats.get_value("interfax/errors/soft_404") == 1
    assert spider.failed == {url: "soft 404: a listing or the home page answered in place of the article"}
    # with no canonical link: the listing's items are each headlined by an h1 link (before, taken for the page's
    # headline: 'Dropped (no_text) ... (unknown layout?)')
    bare = _listing_html(*((f"/news/general/{1100001 + n}.html", "10:00 20.11.2026") for n in range(10))).replace(
        b"<body>", b'<body><h1 class="section-title">general</h1>', 1)  # (under the section's own h1)
    url = "https://interfax.com.ua/news/general/1063375.html"
    response = HtmlResponse(url, body=bare, encoding="utf-8",
                            request=scrapy.Request(url, meta={"interfax_kind": "article", "interfax_depth": 0}))
    assert list(spider.parse_article(response)) == []
    assert crawler.stats.get_value("interfax/errors/soft_404") == 2
    assert spider.failed[url] == "soft 404: a listing or the home page answered in place of the article"


def test_a_listings_next_page_waits_for_the_articles_its_earlier_pages_listed(tmp_path):
    """One request at a time (a polite live crawl): each section's page 2 is asked for only after every
    article its page 1 listed. Before, every listing page of every section came first, so a backfill
    (``since=2025-01-01``: thousands of listing pages) exported nothing for hours and held every listed
    article's request in memory (156 MB instead of 130 MB on a 20,000-article mirror, 4 at a time)."""
    from scrapy.http import HtmlResponse

    from interfax import urls
    from interfax.pages.listing import ListingPage

    out = tmp_path / "out.jsonl"
    with MirrorServer() as server:
        result = crawl(server.base_url, out, "-a", "since=2000-01-01", "-a", "sections=latest,general",
                       "-s", "CONCURRENT_REQUESTS=1")
        requested = list(server.requests)
    assert result.returncode == 0, result.stderr[-3000:]
    for section in ("latest", "general"):
        body = (REPO / f"interfax/mirror/site/news/{section}.html").read_bytes()
        listed = ListingPage(HtmlResponse(f"https://interfax.com.ua/news/{section}.html", body=body), section).items()
        paths = [link.ref.path for link in listed if link.ref.host in urls.UK_HOSTS]
        assert len(paths) >= 3
        before = set(requested[:requested.index(f"/news/{section}-2.html")])
        assert [path for path in paths if path not in before] == [], section
