"""How often the crawl may ask the site: the ``Crawl-delay`` and ``Request-rate`` of its robots.txt.

Scrapy obeys a robots.txt's ``Disallow`` rules (``ROBOTSTXT_OBEY``) but not the pace it asks for.
:class:`RobotsCrawlDelay` (an extension) reads both lines when robots.txt is parsed (Scrapy's
``robots_parsed`` signal) and makes the longer of them the least delay between two requests to that
host: the download slot's delay (without Scrapy's random jitter, which would send every other request
sooner than asked), the delay of a slot made for it later, and AutoThrottle's floor (which would
otherwise lower the delay again after a few fast answers). It never shortens a delay.

A delay above ``INTERFAX_ROBOTS_CRAWL_DELAY_MAX`` seconds (60) is held there, with a WARNING: a
robots.txt asking for one request an hour would stop a daily run; 0 turns the extension off.
Stats: ``interfax/robots/crawl_delay`` (the delay used, in seconds), ``interfax/robots/crawl_delay_capped``.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.throttle import AutoThrottle
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.python import to_unicode

logger = logging.getLogger(__name__)


def asked_delay(parser, user_agent: str) -> float | None:
    """Seconds between two requests that a parsed robots.txt asks ``user_agent`` for: the longer of
    ``Crawl-delay: 5`` and ``Request-rate: 1/10s`` (10 / 1); None when it asks for neither."""
    delays = []
    crawl_delay = getattr(parser, "crawl_delay", None)  # Scrapy's Protego and Python parsers have it
    if crawl_delay is not None:
        delays.append(crawl_delay(user_agent))
    request_rate = getattr(getattr(parser, "rp", None), "request_rate", None)
    rate = request_rate(user_agent) if request_rate is not None else None
    if rate is not None and getattr(rate, "requests", 0) and getattr(rate, "seconds", 0):
        delays.append(rate.seconds / rate.requests)
    delays = [float(d) for d in delays if isinstance(d, (int, float)) and d > 0]
    return max(delays) if delays else None


class RobotsCrawlDelay:
    """The robots.txt's ``Crawl-delay``/``Request-rate`` as the least delay between requests to its host."""

    def __init__(self, crawler):
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.max_delay = settings.getfloat("INTERFAX_ROBOTS_CRAWL_DELAY_MAX", 60.0)
        if self.max_delay <= 0:
            raise NotConfigured
        self.crawler = crawler
        self.robots_user_agent = settings.get("ROBOTSTXT_USER_AGENT")
        self.user_agent = settings.get("USER_AGENT")
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def robots_parsed(self, robotparser, request) -> None:
        user_agent = self.robots_user_agent or to_unicode(request.headers.get(b"User-Agent") or self.user_agent or "")
        asked = asked_delay(robotparser, user_agent)
        if asked is None:
            return
        host = urlparse_cached(request).netloc
        delay = min(asked, self.max_delay)
        stats = self.crawler.stats
        if asked > self.max_delay:
            stats.set_value("interfax/robots/crawl_delay_capped", asked)
            logger.warning("robots.txt of %s asks for %g s between requests: %g s are kept "
                           "(INTERFAX_ROBOTS_CRAWL_DELAY_MAX)", host, asked, delay)
        if self._slow_down(self.crawler.engine.downloader.get_slot_key(request), delay):
            stats.set_value("interfax/robots/crawl_delay", delay)
            logger.info("robots.txt of %s asks for %g s between requests: one request every %g s at most", host, asked, delay)

    def _slow_down(self, key: str, delay: float) -> bool:
        """Make ``delay`` the least delay of the download slot ``key``; False if it was that slow already."""
        downloader = self.crawler.engine.downloader
        slot_settings = downloader.per_slot_settings.setdefault(key, {})  # (a slot made later: its delay)
        slot = downloader.slots.get(key)
        current = max(slot.delay if slot is not None else self.crawler.settings.getfloat("DOWNLOAD_DELAY"),
                      slot_settings.get("delay", 0))
        throttle = next((e for e in self.crawler.extensions.middlewares if isinstance(e, AutoThrottle)), None)
        floor = getattr(throttle, "mindelay", 0) if throttle is not None else current
        if delay <= current and delay <= floor:
            return False
        # no jitter: Scrapy's (±50% by default) would send every other request sooner than asked
        slot_settings["delay"] = max(slot_settings.get("delay", 0), delay)
        slot_settings["jitter"] = 0.0
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0
        if throttle is not None:  # AutoThrottle lowers a slot's delay down to its floor after fast answers
            throttle.mindelay = max(throttle.mindelay, delay)
        return True
