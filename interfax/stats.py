"""Counting in Scrapy's stats cheaply: the spider and the pipelines count a few things per page and per item.

Scrapy's own collectors (``StatsCollector``, ``MemoryStatsCollector``) answer every method call through a
``__getattribute__`` that looks up a cached wrapper (which warns of a deprecated ``spider`` argument) and,
for each ``self._stats`` read inside the method, first tries a cached name and catches the
``AttributeError``: one ``inc_value`` costs ~14 000 instructions, against ~1 000 for the increment itself
(~4 of them per article: ~55 000 instructions an article).
"""

from __future__ import annotations

from collections.abc import Callable

from scrapy.statscollectors import StatsCollector


def incrementer(stats) -> Callable[..., None]:
    """``stats.inc_value``, as a function to keep: ``(key, count=1, start=0)``.

    For a collector whose ``inc_value`` is Scrapy's own, the increment is made on its dict of stats
    directly, as that method makes it (the dict is read from the collector at every call:
    ``set_stats`` replaces it). Any other collector (``DummyStatsCollector``, one of the user's
    ``STATS_CLASS``) is called as it is.
    """
    if type(stats).inc_value is not StatsCollector.inc_value:
        return stats.inc_value
    read = object.__getattribute__  # (not the collector's own __getattribute__: the point of this)
    try:
        read(stats, "_stats")
    except AttributeError:  # (a Scrapy that keeps its stats elsewhere)
        return stats.inc_value

    def inc_value(key: str, count: int = 1, start: int = 0) -> None:
        values = read(stats, "_stats")
        values[key] = values.setdefault(key, start) + count

    return inc_value
