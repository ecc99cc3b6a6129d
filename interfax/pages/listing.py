"""What a section listing shows: article links with their listed time, and the next page.

Items: ``div.articles-section-view > div.grid.article`` with ``h1.article-link-wrapper >
a.article-link`` and ``div.article-time`` (a time span, then a date span). When a redesign drops
those classes, every article link in the page's main column still counts (sidebars, the
"ОСТАННЄ" list, ads and informers excluded). A card that lists more articles of its story below
its headline (a story cluster) lists them all. A block of that markup under a list's visible heading
("ОСТАННЄ", "Популярне") is no listing, whatever its classes.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from itertools import islice

from lxml import etree

from interfax import cleaning, dates, urls
from interfax.pages.base import (
    SIDE_TAGS, Link, Page, date_in_text, holds_others, is_short_date, item_time, link_title, text_of, time_blocks, time_near,
    under_list_heading,
)

#: what is not the page's main column: these elements (the page header too), and elements whose
#: class names these words
_SIDE_TAGS = SIDE_TAGS | {"header"}
_SIDE_CLASS_WORDS = ("sidebar", "latest", "informer", "advert", "pager", "related")
_SIDE_WORD_RE = re.compile("|".join(_SIDE_CLASS_WORDS))  # any of them in a class attribute, as written


#: words that make a class name describe the page or its layout, not a block of it: ``has-sidebar``,
#: ``layout-with-sidebar``, ``no-related``, ``page-latest`` name a wrapper of the main column too
_LAYOUT_WORDS = frozenset({"has", "with", "without", "no", "layout", "page", "template", "tmpl", "is"})
_CLASS_WORD_RE = re.compile(r"[a-z0-9]+")


def _side_block(a) -> frozenset:
    """The side words an element's class names it a side block by (``_side_words``; none for
    ``html`` and ``body``, whose classes name the page)."""
    value = a.get("class")
    if not value or a.tag in ("body", "html") or _SIDE_WORD_RE.search(value) is None:
        return frozenset()  # (a cheap test first: most classes name no side word)
    return _side_words(value)


@lru_cache(maxsize=1024)
def _side_words(value: str) -> frozenset:
    """The side words (``sidebar``, ``latest`` …) a class attribute names a side block by: in a class
    that no layout word comes before (``has-sidebar``, ``layout-with-sidebar``, ``page-latest`` name
    none), and none in the listing's own list (``articles-section-view latest-list``)."""
    names = value.lower().split()
    if "articles-section-view" in names:
        return frozenset()
    found = set()
    for name in names:
        words = _CLASS_WORD_RE.findall(name)
        for i, word in enumerate(words):
            sides = [side for side in _SIDE_CLASS_WORDS if side in word]
            if sides:
                if not _LAYOUT_WORDS.intersection(words[:i]):
                    found.update(sides)
                break
    return frozenset(found)


#: side words that may name the list's own blocks too: a script pager's ``pager-content`` around the
#: list on any listing, and ``latest-page`` on the latest listing only (on a section's listing a block
#: named "latest" is its "ОСТАННЄ" sidebar, which a small section's list may be shorter than); a block
#: named "sidebar", "informer", "advert" or "related" is never the list
_LIST_NAMES = frozenset({"pager"})
_LATEST_LIST_NAMES = frozenset({"latest", "pager"})


def _list_wrappers(items: list, section: str = "") -> set:
    """The blocks named like side blocks that hold the page's list: ``div.col-23.latest-page`` on the
    latest listing, a script pager's ``div.pager-content`` around the list. Of the items the list
    selector found, grouped by the outermost such block around them, a group of more than half of them
    is the list; the blocks around every item of that group are its wrappers."""
    allowed = _LATEST_LIST_NAMES if section == "latest" else _LIST_NAMES
    groups: dict = {}
    judged: dict = {}  # block -> its side words (the items share their blocks: each is judged once)
    for item in items:
        named = []
        for a in item.iterancestors():
            words = judged.get(a)
            if words is None:
                words = judged[a] = _side_block(a)
            if words:
                named.append((a, words))
        if any(not words <= allowed for _, words in named):
            continue  # inside a sidebar, an informer or an ad: never the list (but counted among the items)
        named = [a for a, _ in named]
        key = named[-1] if named else None
        count, common = groups.get(key, (0, None))
        groups[key] = (count + 1, set(named) if common is None else common & set(named))
    if not groups:
        return set()
    best = max(groups, key=lambda key: groups[key][0])
    # (more than half of the items, or none: a short list beside a longer sidebar stays unread, as before)
    return groups[best][1] if best is not None and 2 * groups[best][0] > len(items) else set()


#: the visible text of a pager's "next" link
_NEXT_WORDS = re.compile(r"^(?:наступна|далі|next|следующая|далее|»|›|>>|→)(?:\s*(?:сторінка|page|страница))?\s*[»›→]?$", re.I)


#: the visible text of a "load more" button (a feed that pages by script)
_MORE_WORDS = re.compile(r"^(?:завантажити|показати|load|show|загрузить|показать)\s+(?:ще|більше|more|еще|ещё|больше)\b", re.I)


#: the numbers in a pager's link text ("2", "Сторінка 2")
_PAGE_NUMBER_RE = re.compile(r"\d+")
#: a URL that names a page number ("/page/2/", "?p=2", "&page=2")
_PAGED_URL_RE = re.compile(r"(?:page|[?&]p)\b", re.I)


#: a time of day alone ("14:00"): today's, unless a day heading above the item says otherwise
_BARE_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
#: a ``datetime`` attribute that names a day ("2025-10-25T21:30:00Z", "2025-10-26")
_DATED_RE = re.compile(r"\s*\d{4}-\d{2}-\d{2}")


def _stamped_time(item) -> str | None:
    """The ``datetime`` of a ``<time>`` in ``item`` that names a day, as written, or None."""
    for t in item.iter("time"):
        value = t.get("datetime")
        if value and _DATED_RE.match(value):
            return value.strip()
    return None


def _day_heading(item) -> str | None:
    """The day a heading above ``item`` names in a feed grouped by day ("27 листопада 2026",
    "Сьогодні", "20.11.2026"): the closest earlier sibling of the item (or of its parent) whose whole
    text is a date without a time; None if there is none."""
    node = item
    for _ in range(2):
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str):
                continue
            text = text_of(sib)
            if not dates.has_time(text) and is_short_date(text):
                return text
        node = node.getparent()
        if node is None or node.tag == "body":
            break
    return None


def _bare_time(a) -> tuple | None:
    """(the item, its time) when the item around the link ``a`` (up to the list: an element holding
    another article's link) shows a time of day alone in a time block of its own ("06:00"); else None."""
    key = urls.href_article_id(a.get("href"))
    for item in islice(a.iterancestors(), 3):
        if key is None or holds_others(item, key):
            return None
        shown = next((t for t in time_blocks(item, a) if _BARE_TIME_RE.fullmatch(t)), None)
        if shown:
            return item, shown
    return None


def _on_heading_day(item, shown: str) -> str | None:
    """A time alone ("14:00") that ``item`` shows, on the day of the heading above it ("27 листопада,
    14:00"); None without such a heading (no date shown: the article's page tells; it was read as today)."""
    day = _day_heading(item)
    return f"{day}, {shown}" if day else None


class ListingPage(Page):
    item_selectors = (".articles-section-view > .article", ".articles-section-view .article")
    link_selectors = ("h1.article-link-wrapper a.article-link", "a.article-link", ".article-link-wrapper a")

    def __init__(self, response, section: str):
        super().__init__(response)
        self.section = section
        #: blocks whose side-like class names the listing itself (``_list_wrappers``)
        self._wrappers: set = set()
        self._beside_memo: dict = {}  # element -> whether it is beside the main column (``_beside_main``)
        self._headed_memo: dict = {}  # block -> whether a list's heading opens it or a block around it (``_headed_aside``)

    @cached_property
    def page_number(self) -> int:
        return urls.listing_page(self.url, self.section) or 1

    def items(self) -> list[Link]:
        """Article links of the listing in page order, once each (any edition: the spider filters)."""
        links: dict[int, Link] = {}
        headed: dict[int, Link] = {}  # items of that markup under a list's heading ("ОСТАННЄ"), and the first
        headed_first = None
        root = self.root
        for selector in self.item_selectors:
            first = None
            found = self.select(root, selector)
            if found:  # (the list's own blocks may be named like a sidebar: "latest-page" on the latest listing)
                self._wrappers, self._beside_memo = _list_wrappers(found, self.section), {}
            for item in found:
                if self._beside_main(item):  # the same card markup in a sidebar's "ОСТАННЄ" list
                    continue
                aside = self._headed_aside(item)  # ... or in a block under that heading, named by no class
                if not aside:
                    first = item if first is None else first
                elif headed_first is None:
                    headed_first = item
                into = headed if aside else links
                for link in self._item_links(item):
                    if link.ref.id not in into:
                        into[link.ref.id] = link
            if links:
                return self._after_top(links, first)
        # fallback: article links in the main column, less the lists a visible heading ("ОСТАННЄ",
        # "ЩЕ ЗА ТЕМОЮ") introduces where no class names them (unless that leaves nothing: the
        # latest listing's own heading may read "Останні новини")
        main, beside = self._main_links()
        if not main and not headed and self.section == "latest":
            main, beside = self._latest_in_side_block() or (main, beside)
        if len(main) < len(headed):  # the only list of the listing's markup, under such a heading: the list
            return self._after_top(headed, headed_first)
        return list(main.values()) or list(beside.values())

    def _latest_in_side_block(self) -> tuple[dict[int, Link], dict[int, Link]] | None:
        """The latest listing's own list in other markup inside a block named like the "ОСТАННЄ"
        sidebar (``div.latest-news > ul``) when the main column holds no article link at all: on the
        latest listing that block is the listing (``_list_wrappers`` over the page's article links:
        the named block holding more than half of them); None without such a block."""
        body = next(self.root.iter("body"), self.root)
        anchors = [a for a in body.iter("a") if self.article_ref(a.get("href")) is not None]
        self._wrappers, self._beside_memo = _list_wrappers(anchors, self.section), {}
        return self._main_links() if self._wrappers else None

    def _after_top(self, links: dict[int, Link], first) -> list[Link]:
        """The list's ``links`` after a featured item above its ``first`` item, in a block of its own (a
        top story), which is listed too."""
        top = self._main_links(until=first)[0]
        return list(top.values()) + [link for key, link in links.items() if key not in top]

    def _beside_main(self, item) -> bool:
        """The item sits in a sidebar, header, footer or nav, or in a latest/related/informer block
        (by a class naming one: ``sidebar``, ``latest-news``; the page's own classes, on ``html`` and
        ``body``, a wrapper's layout classes such as ``has-sidebar`` or ``page-latest``, the list's own
        ``articles-section-view`` block and the list's wrappers (``_list_wrappers``) do not count).
        Each block is judged once per page: a list's items and links share their ancestors."""
        memo = self._beside_memo
        walked = []
        beside = False
        for a in item.iterancestors():
            known = memo.get(a)
            if known is not None:
                beside = known
                break
            walked.append(a)
            if a.tag in _SIDE_TAGS or (_side_block(a) and a not in self._wrappers):
                beside = True
                break
        for a in walked:  # (each of them is beside the main column exactly when the item is)
            memo[a] = beside
        return beside

    def _headed_aside(self, item) -> bool:
        """The item is in a block that a list's visible heading opens ("ОСТАННЄ", "Популярне") where no
        class names it (``under_list_heading``); on the latest listing, whose own heading may read
        "Останні новини", never."""
        return self.section != "latest" and under_list_heading(item, self.root, self._headed_memo)

    def _main_links(self, until=None) -> tuple[dict[int, Link], dict[int, Link]]:
        """Article links in the page's main column (before the element ``until``, if given), and those
        in it under a list heading ("ОСТАННЄ", "ЩЕ ЗА ТЕМОЮ") where no class names the list."""
        links: dict[int, Link] = {}
        beside: dict[int, Link] = {}
        headed = None
        for a in next(self.root.iter("body"), self.root).iter(etree.Element):
            if a is until:
                break
            if a.tag != "a" or a.get("href") is None or self._beside_main(a):
                continue
            ref = self.article_ref(a.get("href"))
            if ref is None or ref.id in links:
                continue
            if headed is None:  # (lxml keeps these proxies)
                headed = {el for block in self.blocks_under_heading(cleaning.is_list_heading) for el in block}
            if headed and (a in headed or any(e in headed for e in a.iterancestors())):
                if ref.id not in beside:
                    beside[ref.id] = self._main_link(ref, a)
            else:
                links[ref.id] = self._main_link(ref, a)
        return links, beside

    @staticmethod
    def _main_link(ref, a) -> Link:
        """A link of the main column with its title and listed time: the time block the link wraps (a
        card that is one big link), else the one beside it (``time_near``); a time alone on the day of
        the heading above its item, in a feed grouped by day (``_on_heading_day``)."""
        title, shown = link_title(a)
        listed = shown or time_near(a)
        if listed is None or _BARE_TIME_RE.fullmatch(listed):
            found = _bare_time(a)
            listed = _on_heading_day(*found) if found else None
        return Link(ref, title, listed)

    def _item_links(self, item) -> list[Link]:
        """The article links of one listing item: its own (``_item_link``), then the other articles it
        lists, each with its own title and time (a story cluster's card: a headline and a list of more
        articles of the same story)."""
        own = self._item_link(item)
        if own is None:
            return []
        found = {own.ref.id: own}
        for a in item.iter("a"):
            ref = self.article_ref(a.get("href"))
            if ref is not None and (ref.id not in found or found[ref.id].title is None):
                found[ref.id] = self._main_link(ref, a)  # (a thumbnail's link first: the title's next)
        found[own.ref.id] = own
        return list(found.values())

    def _item_link(self, item) -> Link | None:
        """The article link of one listing item (an lxml element), with its listed time."""
        anchors = []
        for selector in self.link_selectors:
            anchors = self.select(item, selector)
            if anchors:
                break
        first = None
        for a in anchors or item.iter("a"):
            ref = self.article_ref(a.get("href"))
            if ref is None or (first is not None and ref.id != first[0].id):
                continue
            title, shown = link_title(a)
            if first is None:
                first = (ref, shown)
            if title:  # a thumbnail link first: the title is on the next link to the same article
                return Link(first[0], title, self._listed_time(item) or first[1] or shown)
        return Link(first[0], None, self._listed_time(item) or first[1]) if first else None

    def _listed_time(self, item) -> str | None:
        """The item's time and date spans joined ("21:32 11.04.2025"), as shown (the site-form date in
        them when they hold a label too: "Закріплено 10:00 10.03.2025"; a time alone on the day of the
        heading above it, in a feed grouped by day: "27 листопада, 14:00"); else the time the card
        shows in another way (``item_time``: ``<time datetime>``, a date in its text, "Вчора, 18:40")."""
        shown = " ".join(text_of(t) for t in self.select(item, ".article-time"))
        if shown:
            found = date_in_text(shown)
            if found:
                return cleaning.squash(found)
            stamped = _stamped_time(item)
            if stamped:  # "<time datetime="2025-10-25T21:30:00Z">00:30</time>": the instant, not the clock shown
                return stamped
            if _BARE_TIME_RE.fullmatch(shown):  # a feed grouped by day: the time under its day's heading
                return _on_heading_day(item, shown)
            return shown
        return item_time(item)

    def next_page_url(self) -> str | None:
        """The next page of this listing: the pager link to page N+1 of this edition (never a link
        backwards, nor another edition's page)."""
        return self._next_links[0]

    def other_edition_next_link(self) -> str | None:
        """A link to page N+1 of another edition's listing (ru., en., ``/ru/news/...``), as written,
        when the page has no link to this edition's page N+1; else None."""
        return None if self._next_links[0] else self._next_links[1]

    @cached_property
    def _next_links(self) -> tuple[str | None, str | None]:
        """(path of this edition's page N+1, another edition's link to its page N+1 as written)."""
        wanted = self.page_number + 1
        # one walk for links to that page (a pager may list hundreds of pages): the pager's, a
        # rel="next" link, or any other link to it on the page (in Python: XPath's @href test
        # costs several times more per element)
        needle = f"{self.section}-{wanted}."
        hrefs = [h for e in self.root.iter("a", "link") if (h := e.get("href")) is not None
                 and (needle in h or needle in h.lower())]  # (capitals name the same page: /news/General-2.html)
        if not hrefs and needle.encode() in self.response.body:
            # a "load more" button, or a link going nowhere without its script ("#", "javascript:…"), that
            # names the next page in an attribute (data-url, data-href …), or a <select> pager's option
            hrefs = [v for e in self.root.iter(etree.Element) if e.tag not in ("link", "script")
                     for k, v in e.items() if needle in v and (k.startswith("data-") or (k == "value" and e.tag == "option"))]
        other = None
        for href in hrefs:
            found = urls.listing_link(href.strip(), self.link_base, self.origin, self.section)
            if found is None or found[1] != wanted:
                continue
            if found[0] == "uk":
                return urls.listing_path(self.section, wanted), None
            other = other or href.strip()
        return None, other

    def unread_next_link(self) -> str | None:
        """A "next page" link that ``next_page_url`` does not understand (``?page=2``, another URL
        scheme): a ``rel="next"`` link or a link reading "Наступна", "Далі", "»", "Next", a "load more"
        button or a link going nowhere without its script (``#``, ``javascript:…``; its ``data-`` URL,
        else its text), or a numbers-only pager's link or ``<option>`` to page N+1 in another scheme
        (``/news/general/page/2/``, ``?p=2``); None if none."""
        wanted = str(self.page_number + 1)
        for e in self.root.iter("a", "link", "button", "option"):
            href = (e.get("value") if e.tag == "option" else e.get("href")) or ""
            href = href.strip()
            if e.tag == "button" or (e.tag == "a" and (not href or href.startswith(("#", "javascript:")))):
                # a script's control: a "load more" or "next" button or link, the page it loads in an attribute
                text = text_of(e)
                if not (_MORE_WORDS.match(text) or _NEXT_WORDS.match(text)):
                    continue
                href = next((v.strip() for k, v in e.items() if k.startswith("data-") and "/" in v), None)
                if href is None:
                    return text
            elif not href or not (
                "next" in (e.get("rel") or "").lower().split() or (e.tag == "a" and _NEXT_WORDS.match(text_of(e)))
                or (e.tag != "link" and self._numbered_link(e, href, wanted))
            ):
                continue
            if "?" not in href and urls.listing_link(href, self.link_base, self.origin, self.section) is not None:
                continue  # a page of this listing (the last page's "»" pointing back), or another edition's: understood
            return href
        return None

    def _numbered_link(self, e, href: str, wanted: str) -> bool:
        """``e`` (a link or a ``<select>``'s option) is a numbers-only pager's way to page ``wanted``:
        its text is that number ("2", "Сторінка 2") and its URL holds it and names a page of the section
        ("/news/general/page/2/", "?p=2"; a calendar's "2" for "/news/2026/11/02" is not one). An article's
        link or a link in a listed item ("Новина номер 2" to "/news/general/1149002.html") is never one."""
        return (wanted in href and _PAGE_NUMBER_RE.findall(text_of(e)) == [wanted]
                and (self.section in href.lower() or _PAGED_URL_RE.search(href) is not None)
                and self.article_ref(href) is None and not any(a in self._item_nodes for a in e.iterancestors()))

    @cached_property
    def _item_nodes(self) -> set:
        """The elements the item selectors find (the listing's items and any card of that markup)."""
        return {item for selector in self.item_selectors for item in self.select(self.root, selector)}
