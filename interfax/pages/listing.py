"""What a section listing shows: article links with their listed time, and the next page.

Items: ``div.articles-section-view > div.grid.article`` with ``h1.article-link-wrapper >
a.article-link`` and ``div.article-time`` (a time span, then a date span). When a redesign drops
those classes, every article link in the page's main column still counts (sidebars, the
"ОСТАННЄ" list, ads and informers excluded).
"""

from __future__ import annotations

from functools import cached_property

from interfax import cleaning, urls
from interfax.pages.base import Link, Page

_OUTSIDE_MAIN = (
    "ancestor::aside or ancestor::header or ancestor::footer or ancestor::nav"
    " or ancestor::*[contains(@class, 'sidebar') or contains(@class, 'latest') or contains(@class, 'informer')"
    " or contains(@class, 'advert') or contains(@class, 'pager') or contains(@class, 'related')]"
)


class ListingPage(Page):
    item_selectors = (".articles-section-view > .article", ".articles-section-view .article")
    link_selectors = ("h1.article-link-wrapper a.article-link", "a.article-link", ".article-link-wrapper a")

    def __init__(self, response, section: str):
        super().__init__(response)
        self.section = section

    @cached_property
    def page_number(self) -> int:
        return urls.listing_page(self.url, self.section) or 1

    def items(self) -> list[Link]:
        """Article links of the listing in page order, once each (any edition: the spider filters)."""
        links: dict[int, Link] = {}
        for css in self.item_selectors:
            for item in self.sel.css(css):
                link = self._item_link(item)
                if link and link.ref.id not in links:
                    links[link.ref.id] = link
            if links:
                return list(links.values())
        # fallback: article links in the main column
        for a in self.sel.xpath(f"//body//a[@href][not({_OUTSIDE_MAIN})]"):
            for link in self.links_under_anchor(a):
                links.setdefault(link.ref.id, link)
        return list(links.values())

    def _item_link(self, item) -> Link | None:
        anchors = []
        for css in self.link_selectors:
            anchors = item.css(css)
            if anchors:
                break
        anchors = anchors or item.xpath(".//a[@href]")
        for a in anchors:
            ref = self.article_ref(a.root.get("href"))
            if ref is None:
                continue
            title = cleaning.squash(" ".join(a.xpath(".//text()").getall())) or None
            return Link(ref, title, self._listed_time(item))
        return None

    @staticmethod
    def _listed_time(item) -> str | None:
        spans = [cleaning.squash(t) for t in item.css(".article-time").xpath(".//text()").getall()]
        joined = " ".join(t for t in spans if t)
        return joined or None

    def links_under_anchor(self, a) -> list[Link]:
        ref = self.article_ref(a.root.get("href"))
        if ref is None:
            return []
        title = cleaning.squash(" ".join(a.xpath(".//text()").getall())) or None
        return [Link(ref, title, self._time_near(a))]

    def next_page_url(self) -> str | None:
        """The next page of this listing: the pager link to page N+1 (never a link backwards)."""
        wanted = self.page_number + 1
        hrefs = self.sel.css(".pager a::attr(href), .pagination a::attr(href)").getall()
        hrefs += self.sel.xpath("//link[@rel='next']/@href | //a[@rel='next']/@href").getall()
        for href in hrefs:
            try:
                absolute = self.response.urljoin(href.strip())
                page = urls.listing_page(absolute, self.section)
            except ValueError:  # not a URL ("http://[::1")
                continue
            if page == wanted:
                return urls.listing_path(self.section, wanted)
        return None
