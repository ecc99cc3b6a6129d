"""The benchmark's reference spiders: the same links as ``articles``, other work per page.

* ``CeilingSpider`` (``bench_ceiling``): fetches exactly what the ``articles`` spider fetches
  (section listings and their pager, every listed article, "ЩЕ ЗА ТЕМОЮ" links up to
  ``related_depth``, the AMP twin when the desktop block is empty) with a few cheap CSS
  selectors, and extracts nothing: the cost of fetching, parsing the HTML and finding the links.
  It yields no items; ``bench/articles`` in its stats counts the article pages it parsed.
* ``TrafilaturaSpider`` (``bench_trafilatura``): the same crawl, plus
  ``trafilatura.bare_extraction`` (metadata and date extraction on) on every article page; it
  yields trafilatura's output, one item per article page.

Both take the ``articles`` spider's navigation arguments (``base_url``, ``sections``,
``max_pages``, ``related_depth``; ``since``/``until`` are accepted and ignored: the benchmark
mirror's articles are all inside the window) and use the same request priorities, so the
scheduler sees the same order of work. Not in ``SPIDER_MODULES``: ``bench/bench_crawl.py``
runs them by class.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import scrapy

LIVE_HOSTS = ("interfax.com.ua", "www.interfax.com.ua", "ua.interfax.com.ua")
DEFAULT_SECTIONS = "latest,general,political,economic,greendeal,sport,telecom,investments,pharmacy"
# the real spider's order (interfax.spiders.articles; not imported: the ceiling's process loads no project module):
# the articles met so far, shallow before deep, before a listing's next page
PRIORITY_ARTICLE = 50
PRIORITY_LISTING = -(10 ** 9)
_ARTICLE_PATH_RE = re.compile(r"^/news/([a-z0-9][a-z0-9-]*)/(\d{1,9})(?:-amp)?\.html$")
_LISTING_RE = re.compile(r"-(\d+)\.html$")


class CeilingSpider(scrapy.Spider):
    name = "bench_ceiling"

    def __init__(self, base_url: str = "https://interfax.com.ua", sections: str = DEFAULT_SECTIONS,
                 max_pages: str | int = 50, related_depth: str | int = 2, since=None, until=None, **kwargs):
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.sections = [s.strip() for s in str(sections).split(",") if s.strip()]
        self.max_pages = int(max_pages)
        self.related_depth = int(related_depth)
        self.allowed_domains = [urlsplit(self.base_url).hostname]
        self.base_netloc = urlsplit(self.base_url).netloc
        #: as the articles spider: an article reached by fewer hops later gets its related hops
        self.depth_of: dict[str, int] = {}
        self.related_of: dict[str, list[str]] = {}  # article path -> related hrefs (parsed at depth > 0)

    # -------------------------------------------------------------- requests

    async def start(self):
        for section in self.sections:
            yield self._listing(section, 1)

    def _listing(self, section: str, page: int) -> scrapy.Request:
        path = f"/news/{section}.html" if page == 1 else f"/news/{section}-{page}.html"
        return scrapy.Request(self.base_url + path, callback=self.parse_listing, priority=PRIORITY_LISTING,
                              cb_kwargs={"section": section, "page": page})

    def _article(self, path: str, depth: int):
        seen = self.depth_of.get(path)
        if seen is not None:
            if depth < seen:
                self.depth_of[path] = depth
                if path in self.related_of:
                    yield from self._follow(self.related_of[path], self.base_url + path, depth)
            return
        self.depth_of[path] = depth
        yield scrapy.Request(self.base_url + path, callback=self.parse_article,
                             priority=PRIORITY_ARTICLE - depth, meta={"depth_": depth, "path_": path})

    def _depth(self, meta) -> int:
        return min(meta["depth_"], self.depth_of.get(meta["path_"], meta["depth_"]))

    def _article_path(self, href: str, page_url: str) -> str | None:
        """``/news/<section>/<id>.html`` for a link to an article of the site (AMP links -> desktop), else None."""
        parts = urlsplit(urljoin(page_url, href.strip()))
        if parts.netloc != self.base_netloc and parts.hostname not in LIVE_HOSTS:
            return None
        m = _ARTICLE_PATH_RE.match(parts.path)
        return f"/news/{m[1]}/{m[2]}.html" if m else None

    # -------------------------------------------------------------- callbacks

    def parse_listing(self, response, section: str, page: int):
        for href in response.css(".articles-section-view .article a.article-link::attr(href)").getall():
            path = self._article_path(href, response.url)
            if path:
                yield from self._article(path, 0)
        if page < self.max_pages and response.css(".pager a.pager-next::attr(href)").get():
            yield self._listing(section, page + 1)

    def parse_article(self, response):
        depth = self._depth(response.meta)
        self.crawler.stats.inc_value("bench/articles")
        yield from self.on_article(response)
        hrefs = response.css("#related-articles a::attr(href)").getall()
        if hrefs:
            if depth > 0:
                self.related_of[response.meta["path_"]] = hrefs
            yield from self._follow(hrefs, response.url, depth)
            return
        amp = response.css("link[rel=amphtml]::attr(href)").get()
        if amp:
            path = urlsplit(amp.strip()).path
            self.crawler.stats.inc_value("bench/amp")
            yield scrapy.Request(self.base_url + path, callback=self.parse_amp, dont_filter=True,
                                 priority=PRIORITY_ARTICLE - depth,
                                 meta={"depth_": depth, "path_": response.meta["path_"]})

    def parse_amp(self, response):
        hrefs = response.css(".amp-related a::attr(href)").getall()
        depth = self._depth(response.meta)
        if depth > 0:
            self.related_of[response.meta["path_"]] = hrefs
        yield from self._follow(hrefs, response.url, depth)

    def _follow(self, hrefs, page_url: str, depth: int):
        if depth >= self.related_depth:
            return
        for href in hrefs:
            path = self._article_path(href, page_url)
            if path:
                yield from self._article(path, depth + 1)

    def on_article(self, response):
        """Work on an article page beyond link extraction: none here."""
        return ()


class TrafilaturaSpider(CeilingSpider):
    """The ceiling's crawl with a generic extractor on every article page."""

    name = "bench_trafilatura"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        import trafilatura  # imported here: the ceiling must not pay for it

        self.trafilatura = trafilatura

    def on_article(self, response):
        # trafilatura's defaults, metadata on: title, author, date (htmldate, extensive search), tags ...
        doc = self.trafilatura.bare_extraction(response.text, url=response.url, with_metadata=True)
        if doc is None:
            self.crawler.stats.inc_value("bench/trafilatura_none")
            return
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        yield {k: v for k, v in data.items() if isinstance(v, (str, int, float, list, type(None)))}
