"""Shared fixtures: the mirror, the expected records, crawling stored pages without a network."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
import scrapy
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from interfax.items import Article
from interfax.mirror.server import DEFAULT_ROOT as MIRROR_ROOT
from interfax.pipelines import CleanTextPipeline, DatesPipeline
from interfax.spiders.articles import ArticlesSpider

REPO = Path(__file__).resolve().parents[1]
EXPECTED_DIR = REPO / "tests" / "expected"
LIVE = "https://interfax.com.ua"


def expected_records() -> dict[int, dict]:
    return {int(p.stem): json.loads(p.read_text("utf-8")) for p in sorted(EXPECTED_DIR.glob("[0-9]*.json"))}


def stored_response(url: str, root: Path = MIRROR_ROOT, request: scrapy.Request | None = None) -> HtmlResponse:
    """The mirror file behind a site URL, as the response a crawl of the live site would get."""
    path = url.split("://", 1)[-1].split("/", 1)[1].split("?")[0].split("#")[0]
    body = (root / path).read_bytes()
    return HtmlResponse(url=f"{LIVE}/{path}", body=body, request=request or scrapy.Request(f"{LIVE}/{path}"))


@lru_cache(maxsize=None)
def _crawler():
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = crawler._create_spider(since="2000-01-01")
    return crawler


def record_from_pages(url: str, root: Path = MIRROR_ROOT) -> dict | None:
    """What the crawler exports for one article, computed from stored pages without a network.

    Runs the spider's own callbacks (desktop page, then the AMP twin when it asks for it) and the
    dates and cleaning pipelines, exactly as in a crawl.
    """
    crawler = _crawler()
    spider = crawler.spider
    pending = list(spider.parse_article(stored_response(url, root)))
    item = None
    while pending:
        out = pending.pop(0)
        if isinstance(out, Article):
            item = out
        elif isinstance(out, scrapy.Request) and out.callback == spider.parse_amp:
            try:
                response = stored_response(out.url, root, request=out)
            except FileNotFoundError:
                pending.extend(spider.on_amp_error(_Failure(out)))
                continue
            pending.extend(spider.parse_amp(response))
    if item is None:
        return None
    for pipeline in (DatesPipeline(crawler), CleanTextPipeline(crawler)):
        item = pipeline.process_item(item)
    return dict(item)


class _Failure:
    """The bits of a Twisted failure that the AMP errback reads."""

    def __init__(self, request):
        self.request = request
        self.value = FileNotFoundError(request.url)

    def check(self, *types):
        return None

    def getErrorMessage(self):
        return "missing"


@pytest.fixture(scope="session")
def expected():
    return expected_records()


def listing_html(*items: tuple[str, str]) -> bytes:
    """A listing page of the site's markup: (href, "HH:MM DD.MM.YYYY") items, a pager to page 4."""
    rows = "".join(
        f'<div class="grid article"><div class="article-time"><span>{when.split()[0]}</span> <span>{when.split()[1]}</span></div>'
        f'<h1 class="article-link-wrapper"><a class="article-link" href="{href}">Новина</a></h1></div>'
        for href, when in items
    )
    return (f'<html><body><div class="articles-section-view">{rows}</div>'
            '<div class="pager"><a href="/news/general-2.html">2</a><a href="/news/general-4.html">»</a></div></body></html>').encode()
