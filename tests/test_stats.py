"""``interfax.stats.incrementer``: the same counts as Scrapy's ``inc_value``, at a fraction of its cost."""

from hypothesis import given
from hypothesis import strategies as st
from scrapy.statscollectors import DummyStatsCollector, MemoryStatsCollector, StatsCollector
from scrapy.utils.test import get_crawler

from interfax.spiders.articles import ArticlesSpider
from interfax.stats import incrementer

_CALLS = st.lists(st.tuples(st.sampled_from(["a", "b", "interfax/x"]), st.integers(-3, 5), st.integers(-2, 2)),
                  max_size=20)


@given(_CALLS, st.booleans())
def test_the_same_counts_as_scrapys_inc_value(calls, replaced):
    crawler = get_crawler()
    ours, theirs = MemoryStatsCollector(crawler), MemoryStatsCollector(crawler)
    inc = incrementer(ours)
    for n, (key, count, start) in enumerate(calls):
        if replaced and n == len(calls) // 2:  # set_stats gives the collector another dict: counted in that one
            ours.set_stats({"a": 7})
            theirs.set_stats({"a": 7})
        inc(key, count, start)
        theirs.inc_value(key, count, start)
    assert ours.get_stats() == theirs.get_stats()
    inc("c")
    theirs.inc_value("c")
    assert ours.get_stats() == theirs.get_stats()


def test_another_collector_is_called_as_it_is():
    crawler = get_crawler()
    dummy = DummyStatsCollector(crawler)
    incrementer(dummy)("a")
    assert dummy.get_stats() == {}

    class Doubling(StatsCollector):
        def inc_value(self, key, count=1, start=0, spider=None):
            super().inc_value(key, 2 * count, start)

    doubling = Doubling(crawler)
    incrementer(doubling)("a")
    assert doubling.get_value("a") == 2


def test_the_spider_and_the_pipelines_count_in_the_crawlers_stats():
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    spider = crawler._create_spider(since="2000-01-01")
    spider.count("interfax/related/followed", 2)
    spider.count("interfax/related/followed")
    assert crawler.stats.get_value("interfax/related/followed") == 3
