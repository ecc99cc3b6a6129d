"""Listing stats that say why a section's paging stopped."""

from __future__ import annotations

import logging

import scrapy
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from conftest import listing_html
from interfax.spiders.articles import ArticlesSpider


def test_stopped_at_max_pages_counts_only_sections_with_more_pages_left_out(caplog):
    """`-a max_pages=1 -a since=2000-01-01` counted 8 for 3 WARNINGs: a section whose listing has no pager
    counted too. The stat counts what the README says: sections whose later pages are left out."""
    caplog.set_level(logging.WARNING)
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.spider = spider = crawler._create_spider(since="2026-11-01", max_pages="1")
    paged = listing_html(("/news/general/1100001.html", "10:00 20.11.2026"))
    alone = listing_html(("/news/sport/1100002.html", "11:00 20.11.2026")).split(b'<div class="pager">')[0] + b"</body></html>"
    for section, body in (("sport", alone), ("general", paged)):  # (no pager: nothing is left out)
        response = HtmlResponse(f"https://interfax.com.ua/news/{section}.html", body=body, encoding="utf-8")
        out = list(spider.parse_listing(response, section=section))
        assert not [r for r in out if isinstance(r, scrapy.Request) and r.meta.get("interfax_kind") == "listing"]
        assert [r.url for r in out if isinstance(r, scrapy.Request)] == [f"https://interfax.com.ua/news/{section}/{1100001 + (section == 'sport')}.html"]
    assert crawler.stats.get_value("interfax/listing/stopped_at_max_pages") == 1
    assert len([r for r in caplog.records if "max_pages=1 reached" in r.getMessage()]) == 1
