"""What a field is on an article page: one small method per field.

Each method reads structured data first (JSON-LD, then meta tags), the markup second and the
visible header last, so a page without structured data, or an older design, still yields its
fields. A redesign is a subclass that overrides only the selectors or methods that changed
(see ``amp.py``). Pages take a response and return values: no requests, no settings, no stats.

Dates are returned raw, as candidate strings best first; the dates pipeline picks the first one
that normalises (``interfax/dates/fallback`` counts when it is not the first).
"""

from __future__ import annotations

import copy
import html
import re
from functools import cached_property
from urllib.parse import urljoin

from lxml import etree

from interfax import cleaning, dates, urls
from interfax.pages.base import (
    SIDE_TAGS, Link, Page, _json_ld_objects, _ld_text, css, date_in_text, holds_others, is_article_object,
    is_file_name_alt, TIME_BLOCK_MAX, is_short_date, is_time_block, ld_types, own_related_parts, placed_in, text_of, under_list_heading,
    xpath,
)

#: a selector by one id or class (``#related-articles``, ``.article-related``, ``div.article-related``)
_SIMPLE_SELECTOR_RE = re.compile(r"[a-z]*[#.](?P<name>[\w-]+)")
_SITE_NAME = r"(?:Інтерфакс|Интерфакс|Interfax)[\s-]*(?:Україна|Украина|Ukraine)"
#: separators between a title and the agency's name, doubled too ("::", "||", " » ")
_TITLE_SEPARATOR = r"(?:[:|/»›>–—-]\s*)+"
_TITLE_SUFFIX_RE = re.compile(rf"\s*(?P<sep>{_TITLE_SEPARATOR}){_SITE_NAME}\s*$", re.I)
#: the agency's name before a page title ("Інтерфакс-Україна: Омбудсман …", "Інтерфакс-Україна :: …")
_TITLE_PREFIX_RE = re.compile(rf"^\s*{_SITE_NAME}\s*(?P<sep>{_TITLE_SEPARATOR})", re.I)
#: separators of a breadcrumb ("Інтерфакс-Україна » Політика » Заголовок"): never a colon or a dash,
#: which headlines use themselves
_CRUMB_MARKS = frozenset("|/»›>")
#: a breadcrumb's step between the agency's name and the headline: a section's name, a few words
_CRUMB_MAX_WORDS = 4
#: a text that is only the agency's name: a logo or a template's default, never a headline
_ONLY_SITE_NAME_RE = re.compile(rf"^\W*{_SITE_NAME}\W*$", re.I)
#: a keyword that names the agency or the site's kind (the same on every page: no tag): "Інтерфакс-Україна",
#: "новини", "новини України", "останні новини", "Україна", "news"
_SITE_KEYWORD_RE = re.compile(
    rf"^\W*(?:{_SITE_NAME}|інтерфакс|интерфакс|interfax|україна|украина|ukraine"
    r"|(?:(?:останні|свіжі|головні|всі|последние|свежие|главные|все|latest|top|breaking|all)\s+)?(?:новини|новости|news)"
    r"(?:\s+(?:україни|украины|of ukraine|ukraine|дня|сьогодні|сегодня|today|online|онлайн))?"
    r"|(?:ukraine|ukrainian|україна|украина)\s+(?:news|новини|новости))\W*$", re.I)
#: a description that starts with the agency's name: the site's own, not the article's
_SITE_DESCRIPTION_RE = re.compile(rf"^\W*{_SITE_NAME}\s*[:|–—,.-]", re.I)
#: markup in a headline or description (a CMS's "<b>нового</b>", "<br/>"): a tag of the elements that format
#: text; other text in angle brackets is text ("Компанія <<Нафтогаз>>", a hacker's '"<script>"-хакеру', "<12%")
_MARKUP_RE = re.compile(
    r"</?(?:a|abbr|b|big|br|cite|code|del|dfn|div|em|font|i|ins|kbd|mark|nobr|p|q|s|samp|small|span|strike|strong|sub"
    r"|sup|time|tt|u|var|wbr)(?:\s[^<>]*)?/?>", re.I)
_SOURCE_RE = re.compile(r"^(?:Джерело|Источник|Source)(?:\s*:|\s+[–—-])\s*(?P<rest>.+)$", re.I)
_CREDIT_RE = re.compile(
    # "Фото: X" anywhere after a space; "Фото – X" only where a sentence starts ("на фото - будинок" is text)
    # another credit label only where a line or a sentence starts ("Колаж: Інтерфакс-Україна")
    r"(?:(?:^|[\s.;,(])(?:Фото|Photo)(?:\s*/\s*(?:відео|video))?\s*:|(?:^|[.;(]\s*)(?:Фото|Photo)\s+[–—-]"
    rf"|(?:^|[.;(]\s*)(?:{cleaning.CREDIT_LABELS})\s*:)\s*(?P<credit>.+)$", re.I
)
#: a credit without a colon after a caption's full stop, capitalised words: "Занурення в ополонку. Фото Павло Багмут"
_TAIL_CREDIT_RE = re.compile(r"[.;]\s+(?:Фото|Photo)\s+(?P<credit>[A-ZА-ЯІЇЄҐ][\w'’-]*(?:\s+[A-ZА-ЯІЇЄҐ][\w'’.-]*){0,3}?)\.?$")
#: what a text with a credit holds ("на фото видно" alone is text)
#: (a collage's or an illustration's credit: "Колаж:", "Ілюстрація:"; the word alone is often text, "Ілюстративне фото")
_CREDIT_HINTS = ("Фото", "Photo", "фото:", "photo:", "фото –", "фото -", "фото —", "фото :", "лаж:", "люстрація:", "ллюстрация:")
#: what a text node with a credit holds (the XPath's words)
_CREDIT_WORDS = ("Фото", "Photo", "фото", "photo", "лаж:", "люстрація:", "ллюстрация:")
_URL_RE = re.compile(r"https?://\S+")
#: the tag line's labels as a page may write them (the searches for them are case-sensitive)
_TAG_LABELS = (*cleaning.TAG_LABELS, *(w.upper() for w in cleaning.TAG_LABELS))
_PLAIN_PATH_RE = re.compile(r"/(?!/)[\w%./-]*", re.ASCII)
_BLOCK_TAGS = cleaning.BLOCK_TAGS  # a module global, read in the body walk's inner loop
#: the tags of the noise nodes that may hold an embedded post's words (``cleaning.post_words``)
_POST_TAGS = frozenset({"blockquote", "div", "figure"})


#: the least text (characters of its paragraphs) a guessed body holds: a one-line news flash, not a copyright line
GUESSED_BODY_MIN = 60
#: elements that may hold a body's text as their own (between ``<br>``s) rather than in paragraphs
_TEXT_BLOCK_TAGS = frozenset({"div", "td", "section", "article", "main", "font", "center"})
#: tags of the parts of a page around the article (a guessed body is not in them)
_OUTSIDE_ARTICLE = SIDE_TAGS | {"header"}


class ArticlePage(Page):
    """The desktop article page (2025-2026 design, with fallbacks for older pages)."""

    #: containers of the whole article (header, title, body), most specific first
    article_selectors = (
        "article.article-content-view",
        ".article-content-view",
        "article",
        "[itemtype*='NewsArticle']",
        "main",
    )
    #: containers of the body text, most specific first
    body_selectors = (
        ".article-content",
        "[itemprop='articleBody']",
        ".article-text",
        ".article-body",
        ".news-text",
        ".amp-article-content",
        ".text",
    )
    title_selectors = ("h1.article-content-title", "h1")
    header_time_selectors = (".article-content-secondary-header .article-time", ".article-time", "time")
    #: how many of ``header_time_selectors``, first, name the header's own element (by its container): never
    #: another article's item (the others may be: ``_shows_another``)
    own_header_selectors = 1
    tags_selectors = (".article-tags a", ".tags a", "a[rel='tag']", "a[href*='/news/tag/']")
    #: the article's tag block when the design puts it after the article element
    outer_tags_selectors = (".article-tags a",)

    # ------------------------------------------------------------ identity

    @cached_property
    def ref(self) -> urls.ArticleRef | None:
        """The article: from the canonical link (else ``og:url``, for a page without one) when it names an
        article of the same edition, else the URL. (A page served at another article's URL without a
        canonical link was exported under the id asked for, with the other article's fields.)"""
        own = self.article_ref(self.url)
        canonical = self.article_ref(self.link_rel("canonical") or self.meta("og:url") or self._ld_own_url())
        if canonical and (own is None or canonical.host == own.host):
            return canonical
        return own

    def _ld_own_url(self) -> str | None:
        """For a page with neither a canonical link nor ``og:url``: the article URL that a JSON-LD article
        object gives itself (``url``, ``@id``, ``mainEntityOfPage``) when that object's headline is the
        page's visible one (the page's own object, not a related card). (Another article's page served at
        this URL with only JSON-LD to name it was exported under the id asked for.)"""
        visible = self._visible_title if self._structured["scripts"] else None
        if not visible:
            return None
        for raw in self._structured["scripts"]:
            for obj in _json_ld_objects(raw):
                headline = obj.get("headline")
                if not isinstance(headline, str) or not is_article_object(ld_types(obj)) or _plain_title(_ld_text(headline)) != visible:
                    continue
                main = obj.get("mainEntityOfPage")
                for value in (obj.get("url"), obj.get("@id"), main.get("@id") if isinstance(main, dict) else main):
                    if isinstance(value, str) and urls.href_article_id(value) is not None:
                        return value
        return None

    def id(self) -> int | None:
        return self.ref.id if self.ref else None

    def lang(self) -> str:
        """The article's language: the one its text is plainly written in when that is not the one
        the page declares (an old English item on the Ukrainian host, whose template says ``uk``),
        else the declared one (``<html lang>``, JSON-LD ``inLanguage``, ``og:locale``), else the edition's."""
        declared = self._declared_lang()
        return written_language(self._paragraphs, declared, self.title) or declared

    def _declared_lang(self) -> str:
        for raw in (self.root.get("lang"), self.ld("inLanguage"), self.meta("og:locale")):
            if isinstance(raw, str) and raw.strip():
                code = raw.strip().lower()[:2]
                code = {"ua": "uk"}.get(code, code)
                if code in ("uk", "ru", "en"):
                    return code
        return urls.edition_of(self.ref.host) if self.ref else "uk"

    # ------------------------------------------------------------ containers

    _body_was_guessed = False  # (set by ``body_node``)

    @cached_property
    def article_node(self):
        """The lxml element holding the whole article, or None: a known container, else (an older
        design with none) the closest element around both the body and the headline, so that the
        site's header, sidebars and footer (today's date, a tag cloud, thumbnails) are not the article's."""
        found = self._declared_article
        return found if found is not None else self._implied_article()

    @cached_property
    def _declared_article(self):
        """The article's element by a known container (``article_selectors``), or None."""
        return self._first(self.root, self.article_selectors)

    @cached_property
    def _known_body(self):
        """The first element of the page in a known body container (``body_selectors``), or None."""
        return self._first(self.root, self.body_selectors)

    def _implied_article(self):
        """The closest ancestor of the body element (a known one, else ``_guessed_body``) that also holds
        an ``h1`` headline, below ``<body>``; or None."""
        body = self._known_body if self._known_body is not None else self._guessed_body
        if body is None:
            return None
        for node in body.iterancestors():
            if node.tag in ("body", "html") or node.tag in SIDE_TAGS:
                return None
            if any(_is_headline(text_of(h1)) for h1 in node.iter("h1")):
                return node
        return None

    @cached_property
    def scope(self):
        """Where the article's fields are looked for: the article element, else the whole page."""
        scope = self.article_node if self.article_node is not None else self.root
        self.index_on(scope)
        return scope

    @property
    def microdata_scope(self):
        return self.scope

    @property
    def embed_region(self):
        """An article's microdata in the body is an embedded card's (another outlet's article quoted in the text)."""
        return self.body_node

    @cached_property
    def body_node(self):
        """The lxml element holding the body text, or None: a known body container, else a known article
        container with paragraphs, else the guessed body (``_guessed_body``: a design whose containers
        this parser does not know: ``body_guessed``)."""
        found = self._first(self.scope, self.body_selectors)
        if found is not None:
            self._rescue_stray(found)
            return found
        if self._declared_article is not None and css(self._declared_article, "p"):
            return self._declared_article
        guessed = self._guessed_body
        if guessed is not None:
            self._body_was_guessed = True
            return guessed
        if self.article_node is not None and css(self.article_node, "p"):
            return self.article_node
        return None

    def _rescue_stray(self, body) -> None:
        """Move the story's blocks out of a noise node left open by a broken template (``cleaning.stray_story``:
        a figure without ``</figure>``, an inline ad without ``</div>``) to right after it, as a browser shows
        them; how many in ``stray_rescued`` (before, the rest of the body was dropped with the node, in silence)."""
        seen = set()
        for p in body.iter("p"):  # (most paragraphs are the body's children: one look at the parent each)
            parent = p.getparent()
            if parent is body or parent in seen:
                continue
            seen.add(parent)
            if not cleaning.is_noise_node(parent):
                continue
            after, stray = cleaning.stray_story(parent)
            for block in reversed(stray):
                after.addnext(block)  # (its tail goes with it)
            self.stray_rescued += len(stray)

    #: blocks of the story moved out of a noise node left open by a broken template (``_rescue_stray``)
    stray_rescued = 0

    def paywalled(self) -> bool:
        """The article shows only its start to this reader: a paywall in it (by class: ``paywall``, ``premium-wall``,
        ``subscription-wall``), or a line asking to log in or subscribe to read the rest ("Щоб прочитати повний
        текст новини, увійдіть або зареєструйтесь")."""
        scope = self.scope
        if scope is None:
            return False
        if b"wall" in self.response.body and any(
                token.startswith("paywall") or token in _PAYWALL_CLASSES for token in self.class_index(scope)):
            return True
        # a request to log in or subscribe, in the text (a paywall shows only a start: a short text)
        text = " ".join(self._paragraphs)
        if len(text) > _PAYWALL_TEXT_MAX:
            return False
        low = text.lower()
        return any(hint in low for hint in _PAYWALL_HINTS) and bool(_PAYWALL_RE.search(text))

    def stands_for_another_page(self) -> bool:
        """With no text of its own: a listing or the home page answering in place of the article (a removed
        one, most likely): its canonical link names a page of the site that is no article
        (``/news/general.html``, ``/``), or, with no headline either (or mostly the headlines of a listing's
        items: ``h1`` links to other articles), it links ten other articles."""
        canonical = self.link_rel("canonical")
        if canonical and self.article_ref(canonical) is None and urls.site_path(canonical, self.link_base, self.origin):
            return True
        return (not self.title() or self._items_headlines()) and self.lists_other_articles()

    def _items_headlines(self) -> bool:
        """Most of the page's ``h1``, two or more, are each a link to another article: a listing's items (the
        site's listing writes an ``h1.article-link-wrapper`` per item, under its section's own ``h1``)."""
        headlines = list(self.root.iter("h1"))
        linked = sum(any(self._other_article(a) for a in h.iter("a")) for h in headlines)
        return linked >= 2 and 2 * linked > len(headlines)

    def lists_other_articles(self, at_least: int = 10) -> bool:
        """The page links ``at_least`` articles other than itself."""
        ids = set()
        for a in self.root.iter("a"):
            ref = self._other_article(a)
            if ref is not None:
                ids.add(ref.id)
                if len(ids) >= at_least:
                    return True
        return False

    def _other_article(self, a):
        """The article the link ``a`` names when it is another than this page's, else None."""
        ref = self.article_ref(a.get("href"))
        return ref if ref is not None and (self.ref is None or ref.id != self.ref.id) else None

    @property
    def body_guessed(self) -> bool:
        """The body was not found in a known container but guessed (``_guessed_body``): the spider counts it."""
        return self.body_node is not None and self._body_was_guessed

    @cached_property
    def _guessed_body(self):
        """On a page with no known body container: the element whose own paragraphs (``<p>`` children,
        and text of its own between ``<br>``s in a ``div`` or a table cell, as older pages write it) hold
        the most text (``GUESSED_BODY_MIN`` characters at least) outside the site's header,
        navigation, sidebars, footer and anything an ad, informer, share widget or list by its class or
        id (a body in ``<div class="article-view-text">``, say, in a design not seen before); or None."""
        if self._known_body is not None:
            return None
        sizes: dict = {}
        for el in self.root.iter(etree.Element):
            tag = el.tag
            if tag == "p":
                parent = el.getparent()
                size = len(text_of(el))
                if parent is not None and size:
                    sizes[parent] = sizes.get(parent, 0) + size
            elif tag in _TEXT_BLOCK_TAGS:  # text of its own, set off by <br> (older pages)
                size = len((el.text or "").strip()) + sum(len((child.tail or "").strip()) for child in el)
                if size:
                    sizes[el] = sizes.get(el, 0) + size
        for parent, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
            if size < GUESSED_BODY_MIN:
                return None
            if placed_in(parent, self.root, _OUTSIDE_ARTICLE) and not under_list_heading(parent, self.root):
                return parent
        return None

    def _first(self, el, selectors):
        for selector in selectors:
            found = self.select(el, selector)
            if found:
                return found[0]
        return None

    # ------------------------------------------------------------ fields

    @cached_property
    def _visible_title(self) -> str | None:
        """The headline the article shows (``title_selectors``, the first that reads as one), or None."""
        for selector in self.title_selectors:
            visible = next((t for t in map(text_of, self.select(self.scope, selector)) if _is_headline(t)), None)
            if visible:
                return visible
        return None

    def title(self) -> str | None:
        visible = self._visible_title
        headline = next(filter(_is_headline, map(_plain_title, (self.ld("headline"), self.meta("og:title")))), None)
        if headline:
            # JSON-LD headlines are often cut at 110 characters: the visible one wins when it is longer
            stem = headline.rstrip(".…").strip()
            if visible and len(visible) > len(headline) and visible.startswith(stem):
                return visible
            return headline
        if visible:
            return visible
        page_title = _plain_title(next(iter(xpath(self.root, "//title/text()")), ""))
        return page_title if _is_headline(page_title) else None

    def published_at(self) -> list[str]:
        """Raw candidates, best first: JSON-LD's article, meta, the visible header; a JSON-LD WebPage's date
        (a page with no article object) last: the page's date, not necessarily the article's."""
        own = self.ld_is_article
        return _candidates(
            self.ld_date("datePublished") if own else None,
            self.meta("article:published_time", "datePublished", "pubdate"),
            self.time_datetime(self.scope, self.body_node),
            self.visible_time(),
            None if own else self.ld_date("datePublished"),
        )

    def modified_at(self) -> list[str]:
        """Raw candidates, best first: JSON-LD, meta; else the update the visible header shows."""
        found = _candidates(self.ld_date("dateModified"), self.meta("article:modified_time", "og:updated_time", "dateModified"))
        if not found:
            shown = self.visible_update()
            if shown:
                found.append(shown)
        return found

    def visible_update(self) -> str | None:
        """The update time the article's header shows ("Оновлено: 16:45 10.11.2025", "21:32
        11.04.2025 (оновлено 22:10 11.04.2025)"; a time alone, "Оновлено о 16:45", is on the day of
        the header's date), or None. Read beside the header's date only: in the element that shows
        it and in that element's siblings (an "Оновлено о 06:30" line in the text marks a live update
        of the story, not the page's)."""
        node = self._shown_time[1]
        if node is None:
            return None
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            parent = None
        whole = _STRING(parent if parent is not None and len(parent) <= 12 else node)
        if not any(w in whole for w in _UPDATED_WORDS) and (parent is None or len(parent) <= 12):
            return None  # (cheap: most headers name no update)
        for el in (node, *(parent if parent is not None else ())):
            if el is not node and (not isinstance(el.tag, str) or el is self.body_node):
                continue
            text = _short_text(el, 200)
            if text and any(w in text for w in _UPDATED_WORDS):
                shown = self._update_in(text)
                if shown:
                    return shown
        return None

    def _update_in(self, text: str) -> str | None:
        """The update time right after an update label in a short header text, or None."""
        m = _UPDATED_LABEL_RE.search(text)
        if m is None:
            return None
        rest = text[m.end():].lstrip()
        published = _PUBLISHED_LABEL_RE.search(rest)
        if published:  # "Оновлено: … | Опубліковано: …"
            rest = rest[: published.start()]
        found = date_in_text(rest)
        if found and rest.startswith(found):  # right after the label ("Оновлено прогноз ВВП 12:00 …" is a headline)
            return cleaning.squash(found)
        if rest[:1].isdigit() and is_short_date(rest, limit=60):  # "12 січня 2026, 12:40", "12:40, 13 січня 2026"
            return cleaning.squash(rest)
        m = _TIME_FIRST_RE.match(rest)  # a time alone: on the header's day
        if m:
            day = self._header_day()
            return f"{m.group(1)} {day}" if day else None
        return None

    def _header_day(self) -> str | None:
        """The day of the header's date as "DD.MM.YYYY" (the header in any form the dates module reads), or None."""
        shown = self.visible_time()
        if not shown:
            return None
        found = date_in_text(shown)
        if found:
            return _DAY_RE.search(found).group(0)
        instant = dates.normalize(shown)
        return f"{instant[8:10]}.{instant[5:7]}.{instant[:4]}" if instant else None

    def visible_time(self) -> str | None:
        """The header's date as shown: "HH:MM DD.MM.YYYY" on the site; a header in another form
        ("4 квітня 2017, 14:08", "Сьогодні, 11:59") is given whole, for the dates module to read."""
        return self._shown_time[0]

    @cached_property
    def _shown_time(self) -> tuple:
        """``visible_time`` and the element that shows it (or None, None)."""
        body = self.body_node
        in_text = body is not None and body is not self.scope and body is not self.article_node
        header = False  # a header time element of a known design (empty, say): a date in the body is no header's
        for i, selector in enumerate(self.header_time_selectors):
            for node in self.select(self.scope, selector)[:3]:
                if in_text and cleaning.within(node, body):
                    continue  # a time in the text is an event's ("Початок: <time>25 листопада о 11:00</time>")
                if i >= self.own_header_selectors and self._shows_another(node):
                    continue  # an item's time of another article (a related block's ``div.article-time``)
                header = True
                text = _published_part(text_of(node))
                found = self._header_date(text)
                if found:
                    return cleaning.squash(found), node
                if is_short_date(text, limit=79):
                    return text, node
        # an unknown header: the first short text in the article that holds a site-form date, or a
        # day, month name and year, or is a date and time in another form ("2025-06-13 22:10") or a
        # day word and a time ("Вчора 21:32"). A day alone gives way to a later date with a time outside
        # lists and sidebars: on an old page with no headline the scope is the page, whose top shows
        # today's date ("30 листопада 2026") above the article's "12:40 18.11.2009". In the body, only a
        # line that is only a date counts, on a page with no header time element (an empty one, as on a
        # press announcement whose text opens with the event's "25 листопада 2026 р., 11:00", is no
        # header: the date is the event's)
        day_only = None
        for node_text in xpath(self.scope, ".//text()[string-length(normalize-space(.)) < 80]")[:60]:
            text = cleaning.squash(node_text)
            found = self._header_date(text) or (
                text if dates.DAY_MONTH_YEAR_RE.search(text) or cleaning.is_dateline(text) else None)
            # in the body, only a dateline counts: a sentence there that mentions a date is text
            if found and (body is None or (not header and _only_date(text, found) and not _beside_link(node_text))
                          or not _in_body(node_text, body)):
                el = node_text.getparent()
                if self._shows_another(el):
                    continue
                shown = cleaning.squash(found), (el.getparent() if node_text.is_tail else el)
                if _DAY_RE.fullmatch(found):  # a day alone: its time may be the wrapper's other piece
                    shown = self._with_time_beside(shown)
                if day_only is None and not _CLOCK_LIKE_RE.search(shown[0]):
                    day_only = shown
                elif day_only is None or placed_in(shown[1], self.scope, SIDE_TAGS):
                    return shown
        return day_only or (None, None)

    def _shows_another(self, node) -> bool:
        """``node`` (a header time's candidate) shows another article's time: it is beside another article's link
        (its parent, outside the body, holds one: a list item's time and headline), in a block that a list's
        heading opens ("ЩЕ ЗА ТЕМОЮ", "ОСТАННЄ": ``under_list_heading``) or in the related block's items.
        (Before, a redesign's related item under the body gave the article its ``div.article-time``.)"""
        parent = node.getparent()
        body = self.body_node
        if (parent is not None and parent is not self.scope and holds_others(parent, self.id())
                and (body is None or not cleaning.within(body, parent))):
            return True
        return under_list_heading(node, self.scope) or any(cleaning.within(node, part) for part in self._related_nodes)

    def _with_time_beside(self, shown: tuple) -> tuple:
        """A header's day alone (``shown``: the day and its element) with the time its wrapper shows in
        another element ("<span>21.32</span> <span>11.04.2025</span>"): the wrapper's text, when short."""
        wrapper = shown[1].getparent()
        around = text_of(wrapper) if wrapper is not None and wrapper is not self.scope else ""
        wider = self._header_date(around) if 0 < len(around) <= TIME_BLOCK_MAX else None
        return (wider, wrapper) if wider and wider != shown[0] else shown

    #: a header text whose time the crawl could not read beside its day (``_header_date``), or None
    time_unread = None

    def _header_date(self, text: str) -> str | None:
        """The site-form date in a header text; the whole text when that date is a day alone and the text
        also shows a time the dates module reads with it ("21.32 11.04.2025", "18:32 UTC 11.04.2025",
        "11.04.2025 о 21.32"); a time it does not read is noted in ``time_unread`` (the day is kept)."""
        found = date_in_text(text)
        if found is None or _CLOCK_RE.search(found) or not _CLOCK_LIKE_RE.search(text.replace(found, " ", 1)):
            return found  # (cheap: a site-form date with its time, or a day with no time beside it)
        if is_short_date(text, limit=79):
            return text
        if is_time_block(text):  # (not a sentence's: "Засідання 11.04.2025 о 10.00 годині")
            self.time_unread = text
        return found

    def lead(self) -> str | None:
        """The page's description, unless it is the site's own (then the cleaning pipeline takes the first paragraph)."""
        for description in (self.meta("description"), self.meta("og:description")):
            description = _plain_title(description, drop_site_name=False)
            if description and not _SITE_DESCRIPTION_RE.match(description) and _is_headline(description):
                return description
        return None

    @cached_property
    def _paragraphs(self) -> tuple[str, ...]:
        body = self.body_node
        if body is None:
            return ()
        lead, *later = self._body_parts
        paragraphs = body_paragraphs(body)
        if lead is not None:
            shown = body_paragraphs(lead)
            if shown and shown != paragraphs[:len(shown)]:
                paragraphs[:0] = shown
        for part in later:  # (rare) the body's later parts, a live blog's updates, a digest's items
            paragraphs += body_paragraphs(part)
        return tuple(paragraphs)

    @property
    def _body_parts(self) -> list:
        """What the page shows of the body outside its container: a lead in an element of its own just before
        it (``_lead_before``, or None), then later parts of the body set apart from it (``_body_continued``),
        then the page's later entries (``_later_entries``)."""
        body = self.body_node
        if body is self._declared_article or self._body_was_guessed or body is self.article_node:
            return [None, *self._later_entries]  # (a body that is the article, or guessed: nothing beside it)
        return [_lead_before(body), *_body_continued(body), *self._later_entries]

    @cached_property
    def _later_entries(self) -> list:
        """The later entries of a page of several articles in a row (a live blog's updates, the
        items of a digest): the article element's later siblings with its tag and a class of its kind
        (``article live-entry`` after ``article article-content-view``: ``_class_family``) that hold
        a body of their own and are no teaser of another article (a headline linking to it), up to one
        with a headline (``h1``) of its own: the next story, which some sites append below. The
        page's fields are the first entry's; its text goes on with theirs, read whole (an entry's
        heading and time are what a reader sees of it)."""
        node, body = self.article_node, self.body_node
        if node is None or body is None:
            return []
        entries = []
        family = _class_family(node.get("class"))
        for sibling in node.itersiblings(node.tag):
            kind = _class_family(sibling.get("class"))
            if kind != family and not kind & family:  # (both without a class: one kind)
                continue
            if self._first(sibling, self.body_selectors) is None and not (body is node and sibling.find(".//p") is not None):
                continue
            if sibling.find(".//h1") is not None:
                break  # a headline of its own: the next story, appended below by the site (and what follows is its)
            if self._is_teaser(sibling):
                continue
            entries.append(sibling)
        return entries

    def _is_teaser(self, el) -> bool:
        """A card of another article: a heading (h1-h4) in ``el`` links to an article other than this one."""
        own = self.id()
        for href in xpath(el, ".//*[self::h1 or self::h2 or self::h3 or self::h4]//a/@href"):
            ref = self.article_ref(href)
            if ref is not None and ref.id != own:
                return True
        return False

    def text(self) -> list[str]:
        """The body's paragraphs in order, boilerplate nodes removed; the cleaning pipeline drops
        boilerplate lines and joins them. A body of images only (an infographic, a photo item: the
        words are in the image) gives its images' captions; so does one whose only text is its label
        ("Інфографіка", "Фотогалерея": the cleaning drops it)."""
        paragraphs = self._paragraphs
        if self.body_node is not None and all(cleaning.is_media_label(p) for p in paragraphs):
            captions = self._image_only_text()
            if captions or not paragraphs:
                return captions
        return list(paragraphs)

    def _image_only_text(self) -> list[str]:
        """The captions of the images in a body that holds no paragraph (else [])."""
        body = self.body_node
        shown = {_image_url(src, self.origin) for src in map(_img_src, body.iter("img", "amp-img")) if src}
        shown.discard(None)
        if not shown:
            return []
        return [image["caption"] for image in self.images() if image["url"] in shown and image["caption"]]

    def tags(self) -> list[str]:
        tags: list[str] = []
        for selector in self.tags_selectors:
            tags = [text_of(a).lstrip("#").strip() for a in self.select(self.scope, selector)]
            tags = [t for t in tags if t]
            if tags:
                break
        if not tags and self.scope is not self.root and b"article-tags" in self.response.body:
            # the article's own tag block placed after the article element (not a sidebar's tag cloud)
            for selector in self.outer_tags_selectors:
                tags = [text_of(a).lstrip("#").strip() for a in css(self.root, selector)
                        if not any(isinstance(p.tag, str) and p.tag.lower() in SIDE_TAGS for p in a.iterancestors())]
                tags = [t for t in tags if t]
                if tags:
                    break
        if not tags and self.scope is not self.root:
            tags = self._tag_block_after()
        if not tags:
            tags = self._labelled_tags(self.scope)
        if not tags and self.article_node is not None:
            # a "Теги:" line right after the article element, in a block no tag class names
            for sibling in self.article_node.itersiblings():
                if isinstance(sibling.tag, str) and sibling.tag.lower() not in SIDE_TAGS:
                    tags = self._labelled_tags(sibling)
                    if tags:
                        break
        if not tags:
            keywords = self.ld("keywords") or self.meta("news_keywords", "keywords")
            if isinstance(keywords, str):
                tags = [k.strip().lstrip("#") for k in keywords.split(",") if k.strip()]
            elif isinstance(keywords, list):
                tags = [str(k).strip().lstrip("#") for k in keywords if str(k).strip()]
            tags = [t for t in tags if not _SITE_KEYWORD_RE.match(t)]  # (a template's site-wide keywords)
        return list(dict.fromkeys(tags))

    def _tag_block_after(self) -> list[str]:
        """The tags of a block of tag links (``/news/tag/``, all its links) right after the article element, in a
        block of any class or none (not a sidebar's tag cloud: an ``aside``, ``nav`` or ``footer``), else []."""
        node = self.article_node
        sibling = next((e for e in node.itersiblings() if isinstance(e.tag, str)), None) if node is not None else None
        if sibling is None or sibling.tag.lower() in SIDE_TAGS:
            return []
        links = []
        for a in sibling.iter("a"):  # (cheap: the one element after the article; its first other link ends it)
            if "/news/tag/" not in (a.get("href") or ""):
                return []
            links.append(a)
        return [t for t in (text_of(a).lstrip("#").strip() for a in links) if t]

    def _labelled_tags(self, within) -> list[str]:
        """The tags of a "Теги: #a #b" line at or below ``within`` (a label alone in its element:
        its container's text), else []."""
        for node, text in self._nodes_containing(*_TAG_LABELS, within=within):
            # one <br> sets a tag line off from the text before it, as older pages write it ("Текст.<br>Теги: #a #b")
            for line in (_br_lines(node) if node.find("br") is not None else (text,)):
                if not cleaning.TAG_LINE_RE.match(line):
                    continue
                rest = line.split(":", 1)[1]
                if not rest.strip(" ,;#") and node.getparent() is not None:
                    rest = text_of(node.getparent()).split(":", 1)[-1]  # a label alone in its element: its container's tags
                return [t.strip(" ,;") for t in re.split("#" if "#" in rest else "[,;]", rest) if t.strip(" ,;")]
        return []

    def images(self) -> list[dict]:
        """Images of the article in page order, then structured-data images not shown."""
        scope = self.scope
        out: dict[str, dict] = {}
        if scope is not None:
            for img in scope.iter("img", "amp-img"):
                if img is scope:
                    continue
                if not placed_in(img, scope) or _is_pixel(img) or _under_ad_label(img, scope, self.body_node) \
                        or _after_ad_label(img, self.body_node):
                    continue
                src = _img_src(img) or _noscript_src(img)
                if not src or _is_site_logo(img, src, self.body_node) or _links_to_informer(img, src):
                    continue
                absolute = _image_url(src, self.origin)
                if absolute is None or absolute in out:
                    continue
                out[absolute] = {"url": absolute, "caption": self._caption(img, src)}
        for src in self._structured_images():
            absolute = _image_url(src, self.origin)
            if absolute is not None and not _is_agency_logo(absolute.rsplit("/", 1)[-1].lower()):
                out.setdefault(absolute, {"url": absolute, "caption": None})
        return list(out.values())

    def _caption(self, img, src: str) -> str | None:
        """The figure's caption, else a caption element (by class) beside the image, else its alt text;
        photo credits left out of the captions."""
        figure = next(img.iterancestors("figure"), None)  # ancestor::figure[1]//figcaption, without XPath
        figcaption = next(figure.iter("figcaption"), None) if figure is not None else None
        for caption in (figcaption, _caption_beside(img)):
            if caption is not None:
                text = split_credit(text_of(caption))[0]
                if text and "©" in text:  # "Будинок після влучання. © Reuters / Sofiia Gatilova": the credit is no caption
                    text = text.split("©", 1)[0].strip(" .;,/|–—-") or None
                if text:
                    return text
        alt = cleaning.squash(img.get("alt"))
        if alt and is_file_name_alt(alt, src):
            return None  # a file name ("photo-2025-04-11-21-10-38"), not a caption
        return alt or None

    def _structured_images(self) -> list[str]:
        found: list[str] = []
        image = self.json_ld.get("image")
        for item in image if isinstance(image, list) else [image]:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):  # an ImageObject: its url, else its contentUrl
                url = item.get("url") if isinstance(item.get("url"), str) else item.get("contentUrl")
                if isinstance(url, str):
                    found.append(url)
        og = self.meta("og:image")
        if og:
            found.append(og)
        return [f.strip() for f in found if f and f.strip()]

    def photo_credit(self) -> str | None:
        if not self.may_contain(*_CREDIT_HINTS, within=self.scope) and not any(
            "credit" in token for token in self.class_index(self.scope)
        ):
            return None  # cheap: most pages without a credit never walk the tree
        text = self.text_within(self.scope)
        words = " or ".join(f"contains(., '{w}')" for w in _CREDIT_WORDS if w in text)
        candidates = xpath(self.scope, ".//*[contains(@class, 'credit')]" + (f" | .//text()[{words}]/.." if words else ""))
        for node in candidates:
            # old pages set a credit off by one <br>: "Фото: УНІАН<br>КИЇВ. 19 січня. …" (the dateline is not the credit's)
            for text in (_br_lines(node) if node.find(".//br") is not None else (text_of(node),)):
                # (not a sentence about a photo: "Фото: на одному зі знімків …")
                if len(text) < 300 and (credit := split_credit(text)[1]) and not _in_embedded_post(node, self.scope):
                    return credit
        return None

    def source(self) -> str | None:
        for line in self._paragraphs:
            if line[:1] not in "ДдИиSs":
                continue
            m = _SOURCE_RE.match(line)
            if m:
                rest = m.group("rest").strip()
                url = _URL_RE.search(rest)
                return url.group(0).rstrip(".,;)") if url else self._linked_url(rest) or rest
        return None

    def _linked_url(self, text: str) -> str | None:
        """The absolute URL of a body link whose text is ``text`` (a source named by its link text)."""
        for a in self.body_node.iter("a") if self.body_node is not None else ():
            href = (a.get("href") or "").strip()
            if href.startswith(("http://", "https://")) and text_of(a) and text_of(a) in text:
                return href
        return None

    reading_time_selectors = (".article-reading-time", ".reading-time", ".read-time", ".reading_time")

    def reading_time(self) -> int | None:
        for selector in self.reading_time_selectors:
            for node in self.select(self.scope, selector)[:1]:
                minutes = cleaning.reading_minutes(text_of(node), labelled=True)
                if minutes:
                    return minutes
        for text in self._texts_containing("хв", "min", "мин"):
            minutes = cleaning.reading_minutes(text)
            if minutes:
                return minutes
        return None

    def _texts_containing(self, *words: str):
        """Short visible texts (whole elements, squashed) of the article that contain one of ``words``."""
        for _, text in self._nodes_containing(*words):
            yield text

    def _nodes_containing(self, *words: str, within=None):
        """(element, its visible text) for the article's elements (or those at or below ``within``)
        with a short text of their own that contains one of ``words``, in document order."""
        within = self.scope if within is None else within
        if not self.may_contain(*words, within=within):
            return
        test = " or ".join(f"contains(., '{w}')" for w in words)
        for node in xpath(within, f"descendant-or-self::*[not(self::script) and not(self::style)][text()[{test}]]"):
            text = text_of(node)
            if len(text) < 200:
                yield node, text

    def related(self) -> list[Link]:
        """Every "ЩЕ ЗА ТЕМОЮ" item shown, in page order (the article itself left out)."""
        return list(self._related)

    #: containers of the "ЩЕ ЗА ТЕМОЮ" block in the known designs; elsewhere the heading finds it
    related_selectors = ("#related-articles", ".article-related")

    @cached_property
    def _related(self) -> tuple[Link, ...]:
        own = self.id()
        # (a sponsored item among them is an ad)
        return tuple(link for link in self.related_links(self._related_nodes) if link.ref.id != own)

    def related_links(self, nodes: list) -> list[Link]:
        """The article links of the "ЩЕ ЗА ТЕМОЮ" block's elements ``nodes``, ads left out."""
        return self.links_under(*nodes, skip_ads=True)

    @cached_property
    def _related_nodes(self) -> list:
        """The elements of the "ЩЕ ЗА ТЕМОЮ" block: its containers' items, else what follows its heading."""
        blocks = self._related_blocks()
        parts = [part for block in blocks for part in self._own_parts(block)]
        if any(next(part.iter("a", "amp-list"), None) is not None for part in parts):
            return parts
        empty = blocks[0] if blocks else None
        # no known container: the items under the heading; an empty one (as on the live site, filled by
        # script): the items shown under such a heading elsewhere (in the article, beside the block), if any, on
        # a page with no AMP twin to read them from (the search costs as much as a field)
        if empty is None:
            elsewhere = cleaning.related_headings(self.text_within(self.root)) > 0
        else:  # (a heading beside the empty block's own)
            wrapper = next((a for a in empty.iterancestors() if _has_related_class(a)), empty)
            elsewhere = not self.amp_url() and cleaning.related_headings(self.text_within(self.root)) > \
                cleaning.related_headings(self.text_within(wrapper))
        if elsewhere:
            blocks = self.blocks_under_heading(cleaning.is_related_heading)
            if empty is None or any(next(node.iter("a"), None) is not None for block in blocks for node in block):
                return [node for block in blocks for node in block]
        return parts

    def _related_blocks(self) -> list:
        """Every container of the "ЩЕ ЗА ТЕМОЮ" block on the page (of any kind ``related_selectors``
        names), in page order, once each: none inside another (an empty one, filled by script on the live
        site, gives way to its wrapper named as related when that shows links beside it). The first kind
        found is looked up at once (``#related-articles``: by id); the later kinds only when the page names
        them more often than the blocks found and their wrappers (a count in the served bytes)."""
        for i, selector in enumerate(self.related_selectors):
            found = css(self.root, selector)
            if found:
                break
        else:
            return []
        later = self.related_selectors[i + 1:]
        if later and self._names_more(found, later):
            found = css(self.root, ", ".join(self.related_selectors[i:]))
        found = [self._with_items_beside(block) for block in found]
        blocks: list = []
        for block in found:
            if not any(b is block for b in blocks) and not any(o is not block and cleaning.within(block, o) for o in found):
                blocks.append(block)
        return blocks

    def _names_more(self, found: list, selectors: tuple) -> bool:
        """The served page names the blocks ``selectors`` find (by id or class) more often than ``found``
        and their ancestors are so named: another block of those kinds may be on the page."""
        body = self.response.body
        for selector in selectors:
            m = _SIMPLE_SELECTOR_RE.fullmatch(selector)
            if m is None:
                return True
            name = m.group("name")
            count = body.count(name.encode())
            if count and count > _named(found, name, count):
                return True
        return False

    @staticmethod
    def _with_items_beside(block):
        """``block``; when it shows no link (filled by script, as on the live site), its wrapper named as
        related that holds links beside it, if any."""
        if next(block.iter("a"), None) is not None:
            return block
        return next((a for a in block.iterancestors() if _has_related_class(a) and next(a.iter("a"), None) is not None),
                    block)

    def _own_parts(self, block) -> list:
        """``block``'s parts that are related items: the block itself unless it may show another list's
        heading or hold a block named as one (a cheap pre-test), which ``own_related_parts`` leaves out."""
        if cleaning.may_name_other_list(self.text_within(block)) or cleaning.may_hold_other_list(block):
            return own_related_parts(block)
        return [block]

    def amp_url(self) -> str | None:
        """The AMP twin's link, as written on the page (``link rel="amphtml"``)."""
        href = self.link_rel("amphtml")
        return href.strip() if href and href.strip() else None

    def fields(self) -> dict:
        """Every item field this page yields (raw dates and paragraphs: the pipelines finish them).

        ``related`` holds the desktop block's items; the spider replaces it with the AMP twin's
        when the block is empty.
        """
        ref = self.ref
        return {
            "id": ref.id if ref else None,
            "url": ref.url if ref else None,
            "lang": self.lang(),
            "section": ref.section if ref else None,
            "title": self.title(),
            "lead": self.lead(),
            "text": self.text(),
            "published_at": self.published_at(),
            "modified_at": self.modified_at(),
            "tags": self.tags(),
            "images": self.images(),
            "photo_credit": self.photo_credit(),
            "source": self.source(),
            "related": [link.as_related() for link in self.related()],
            "reading_time": self.reading_time(),
            "word_count": 0,
        }


#: letters only Ukrainian writes (і ї є ґ) and only Russian (ы э ъ ё), Cyrillic and Latin letters
_UK_ONLY_RE = re.compile("[іїєґІЇЄҐ]")
_RU_ONLY_RE = re.compile("[ыэъёЫЭЪЁ]")
_CYRILLIC_RE = re.compile("[а-яА-ЯіїєґІЇЄҐёЁ]")
_LATIN_RE = re.compile("[a-zA-Z]")
#: characters of text read to tell its language, and the letters it needs to tell it at all
_LANG_SAMPLE = 600
_LANG_MIN_LETTERS = 40
#: Cyrillic letters without one і, ї or є that make a text Russian (Ukrainian text has one in ~15 letters)
_NO_UK_LETTERS = 80


#: English's and Russian's commonest small words (a text in the language holds several in a few sentences)
_EN_WORDS_RE = re.compile(r"(?<![^\W\d_])(?:the|of|and|to|in|is|for|on|that|with|was|by|from|at|has|have|said)(?![^\W\d_])", re.I)
#: Russian writes ъ only before е, ё, ю, я ("объявил"); Crimean Tatar's Cyrillic before other letters ("Къырым")
_NOT_RU_HARD_SIGN_RE = re.compile("[ъЪ][^еёюяЕЁЮЯ\\W\\d_]")
#: Russian spellings Ukrainian never writes: "-ский", "-ская" (Ukrainian "-ський", "-ська"), "-ции", "-ция" (Ukrainian "-ції", "-ція")
_RU_SPELLING_RE = re.compile(r"(?:ск(?:ий|ая|ое|ие|ого|ому)|ци[ия])(?![^\W\d_])", re.I)


def written_language(paragraphs: tuple[str, ...] | list[str], declared: str = "", title=None) -> str | None:
    """``uk``, ``ru`` or ``en`` when the first ~600 characters of ``paragraphs`` are plainly in that
    language, else None. Plainly: Latin letters are 80% of the letters (English; names and brands in
    Ukrainian text never come near), or the Cyrillic text has twice as many letters found only in
    Ukrainian (і ї є ґ) as found only in Russian (ы э ъ ё), or the other way round. Declared ``uk``
    and showing і, ї or є but none of ы, э, ё: None at once (a Russian text naming «Київстар» is counted).
    A text too short to count letters (under 40), with its title (``title()``, asked only then), is told by
    letters or spellings of one language only (``_short_language``)."""
    sample = " ".join(paragraphs[:6])[:_LANG_SAMPLE]
    if declared == "uk" and ("і" in sample or "ї" in sample or "є" in sample) and not (
            "ы" in sample or "э" in sample or "ё" in sample):
        return None  # (the common case, in a few passes: Ukrainian as declared)
    cyrillic = len(_CYRILLIC_RE.findall(sample))
    latin = len(_LATIN_RE.findall(sample))
    if cyrillic + latin < _LANG_MIN_LETTERS:
        return _short_language(f"{(title() if title else None) or ''} {sample}")
    if latin >= 4 * cyrillic:
        # English by its small words, not by its script: Crimean Tatar, Polish or Turkish in Latin letters is not
        return "en" if len(_EN_WORDS_RE.findall(sample)) >= 2 else None
    if cyrillic <= latin:
        return None
    uk, ru = len(_UK_ONLY_RE.findall(sample)), len(_RU_ONLY_RE.findall(sample))
    if uk >= 2 * max(ru, 1):
        return "uk"
    if _NOT_RU_HARD_SIGN_RE.search(sample):
        return None  # ъ before a consonant ("Къырым", "ишгъаль"): Crimean Tatar, not Russian: as declared
    if ru >= 2 * max(uk, 1):
        return "ru"
    if not uk and (ru or cyrillic >= _NO_UK_LETTERS or _RU_SPELLING_RE.search(sample)):
        # і, ї, є are ~7% of the letters of Ukrainian text: none in a sentence or two is Russian, though
        # a short Russian text may show no ы, э, ъ, ё either ("Киевстар увеличил число абонентов …")
        return "ru"
    return None


def _short_language(text: str) -> str | None:
    """``ru`` or ``uk`` for a short text (a news flash, its title) that shows letters or spellings of that
    language only (ы э ъ ё, "-ский", "-ции"; і ї є ґ), else None: "Кабмин выделил средства." is Russian."""
    uk = _UK_ONLY_RE.search(text) is not None
    ru = _RU_ONLY_RE.search(text) is not None or _RU_SPELLING_RE.search(text) is not None
    if ru == uk or _NOT_RU_HARD_SIGN_RE.search(text):
        return None
    return "ru" if ru else "uk"


def split_credit(text: str) -> tuple[str | None, str | None]:
    """(caption, photo credit) of a caption text: "Зеленський у Києві. Фото: УНІАН" and
    "Фото: Reuters. Дональд Трамп у Білому домі" both give both parts; "Фото – Офіс президента", "Фото Reuters" a
    credit alone; "Фото: на одному зі знімків зображено …, зазначили в поліції." a sentence, no credit."""
    m = _CREDIT_RE.search(text)
    if m is None or cleaning.is_photo_sentence(text):
        bare = cleaning.bare_credit(text)  # "Фото Reuters", "Фото надано пресслужбою ОП": a credit alone
        if bare:
            return None, bare
        tail = _TAIL_CREDIT_RE.search(text) if m is None else None  # "Занурення в ополонку. Фото Павло Багмут"
        if tail:
            return text[: tail.start()].strip(" .;,") or None, tail.group("credit")
        return text.strip(" .;,") or None, None
    caption, credit = text[: m.start()].strip(" .;,("), m.group("credit").strip(" .;,)")
    if not caption:
        end = cleaning.CREDIT_END_RE.search(credit)  # an initial ("О. Петренко") is not an end: two letters before the stop
        if end:
            credit, caption = credit[: end.start()].strip(" .;,"), credit[end.end():].strip(" .;,")
    return caption or None, credit or None


#: the label of the publication time in a header that also shows the update ("Оновлено: … | Опубліковано: …")
_PUBLISHED_LABEL_RE = re.compile(r"(?:опубліковано|опубликовано|published|дата публікації|дата публикации)\s*:?", re.I)
_UPDATED_WORDS = ("новлен", "НОВЛЕН", "pdated", "PDATED")
#: the label of an update time: "Оновлено:", "оновлено о", "Обновлено", "Updated"
_UPDATED_LABEL_RE = re.compile(r"(?<!\w)(?:оновлено|обновлено|updated)(?!\w)\s*(?:[:\-–—]\s*)?(?:о|в|at)?(?!\w)", re.I)
#: a time right after the update label ("Оновлено о 16:45")
_TIME_FIRST_RE = re.compile(r"\s*(\d{1,2}:\d{2})(?!\d|:\d|\s*[,.]?\s*\d{1,2}\.\d)")
_DAY_RE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")


def _published_part(text: str) -> str:
    """A header text from its publication label on when it also names an update (whose time may
    come first); without such a label, the text without the update's label and the date right after
    it when a date is left ("Оновлено: 16:45 10.11.2025 14:00 10.11.2025" -> "14:00 10.11.2025");
    else the text as it is."""
    if not any(w in text for w in _UPDATED_WORDS):  # cheap: most headers show one time
        return text
    m = _PUBLISHED_LABEL_RE.search(text)
    if m:
        return text[m.end():]
    m = _UPDATED_LABEL_RE.search(text)
    if m:
        rest = text[m.end():].lstrip()
        found = date_in_text(rest)
        if found and rest.startswith(found):
            other = f"{text[:m.start()]} {rest[len(found):]}"
            if date_in_text(other):
                return other
    return text


_STRING = etree.XPath("string()")


def _short_text(el, limit: int) -> str | None:
    """The visible text of ``el``, squashed, when it is at most ``limit`` characters; else None
    (read no further than that: a sibling of the header may hold the whole body)."""
    parts, size = [], 0
    for piece in el.itertext():
        size += len(piece)
        if size > limit * 4:  # (whitespace squashes away: a generous bound on the raw text)
            return None
        parts.append(piece)
    text = cleaning.squash("".join(parts))
    return text if len(text) <= limit else None


def _in_embedded_post(el, scope) -> bool:
    """``el`` is inside an embedded social post's code (a tweet's "Фото: ДСНС" credits the post's photo,
    not an image of the article)."""
    for node in el.iterancestors("blockquote"):
        if cleaning.is_noise_node(node):
            return True
        if node is scope:
            break
    return False


def _has_related_class(el) -> bool:
    value = el.get("class")
    return value is not None and "related" in value


def _lead_before(body):
    """A lead in an element of its own just before the body (``div.article-lead``), or None."""
    for sibling in body.itersiblings(preceding=True):
        cls = sibling.get("class") if isinstance(sibling.tag, str) else None
        if not cls or "lead" not in cls.lower():  # (cheap: most siblings are no lead)
            continue
        words = cleaning.class_words(cls)
        if "lead" in words and not words & _MEDIA_WORDS:  # (a "lead-image" is the main photo)
            return sibling
    return None


def _body_continued(body) -> list:
    """Later parts of the body beside its container: containers of its own kind (the body split around an ad:
    a second ``div.article-content``) and paragraphs without a class (``<p>``s a CMS left after the
    container). (Their text was lost.)"""
    kind = frozenset((body.get("class") or "").split())
    return [sibling for sibling in body.itersiblings()
            if sibling.tag == "p" and not sibling.get("class")
            or sibling.tag == body.tag and kind and frozenset((sibling.get("class") or "").split()) == kind]


def _in_body(text, body) -> bool:
    """The text (an lxml text result) is inside the body element."""
    return cleaning.within(text.getparent(), body)


def _beside_link(text) -> bool:
    """The text (an lxml text result) follows a link: the tail of an ``<a>``, or the text of an element
    right after one (``Читайте також: <a>…</a> (10:00 01.03.2017)``): the linked item's time, no dateline."""
    el = text.getparent()
    if not text.is_tail:
        el = el.getprevious()
    return el is not None and el.tag == "a"


def _only_date(text: str, found: str) -> bool:
    """The text is the date and little else (a dateline), not a sentence that mentions a date
    ("Кінцевий строк подання пропозицій: 15.05.2025")."""
    return len(cleaning.squash(text)) <= len(found) + 12 and ":" not in text.replace(found, "")


def _plain_title(value, drop_site_name: bool = True) -> str | None:
    """A headline or description as given in structured data: character references decoded (twice
    escaped too), markup (formatting tags) removed, whitespace squashed, the agency's name around it dropped."""
    if not isinstance(value, str):
        return None
    for _ in range(2):
        if "&" not in value:
            break
        value = html.unescape(value)
    if "<" in value:
        value = _MARKUP_RE.sub(" ", value)
    value = cleaning.squash(value)
    if drop_site_name:
        m = _TITLE_SUFFIX_RE.search(value)
        if m:  # "Заголовок | Політика | Інтерфакс-Україна": the headline is the first step
            value = _without_crumbs(value[: m.start()], m["sep"], headline_last=False)
        m = _TITLE_PREFIX_RE.match(value)
        if m:  # "Інтерфакс-Україна » Політика » Заголовок": the headline is the last step
            value = _without_crumbs(value[m.end():], m["sep"], headline_last=True)
    return value or None


def _without_crumbs(value: str, separator: str, headline_last: bool) -> str:
    """The headline of a page title whose agency's name was cut off with ``separator``: when that
    separator is a breadcrumb's ("»", "|", "/" ...) and the title goes on with short steps (section
    names) separated by it, the headline alone; else the title as it is."""
    mark = separator.strip()[:1]
    if mark not in _CRUMB_MARKS or f" {mark}" not in value:
        return value
    parts = re.split(rf"\s+{re.escape(mark)}+\s+", value)
    crumbs, headline = (parts[:-1], parts[-1]) if headline_last else (parts[1:], parts[0])
    if headline and all(0 < len(c.split()) <= _CRUMB_MAX_WORDS for c in crumbs):
        return headline
    return value


def _is_headline(text: str | None) -> bool:
    """Not empty and not just the agency's name (a logo in an ``h1``, a template's default ``og:title``)."""
    return bool(text) and not _ONLY_SITE_NAME_RE.match(text)


def _candidates(*values) -> list[str]:
    out = []
    for v in values:
        if isinstance(v, str) and v.strip() and v.strip() not in out:
            out.append(v.strip())
    return out


def _image_url(src: str, origin: str) -> str | None:
    """The absolute live URL of an image (one on the mirror's origin mapped back onto the live site),
    or None for a src that is not a URL (``http://[::1``)."""
    url = urls.live_url(src.strip(), origin)
    path = url[len(urls.LIVE_ORIGIN):] if url.startswith(urls.LIVE_ORIGIN + "/") else url
    if _PLAIN_PATH_RE.fullmatch(path) and "/." not in path:
        return urls.LIVE_ORIGIN + path  # what urljoin gives for a plain path on the site, cheaper
    try:
        return urls.as_requested(urljoin(urls.LIVE_ORIGIN + "/", url))
    except ValueError:
        return None


#: where lazy-loading scripts keep the real image while ``src`` holds a placeholder
_LAZY_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-lazy")
_SRCSET_ATTRS = ("data-srcset", "srcset")
#: a link to an image file (a gallery's thumbnail links to the full image)
_IMAGE_HREF_RE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)(?:[?#]|$)", re.I)
_PLACEHOLDER_SRC_RE = re.compile(r"(?:blank|spacer|placeholder|pixel|transparent|lazy|empty|1x1)[\w.-]*\.(?:gif|png|svg)(?:[?#]|$)", re.I)


def _img_src(img) -> str | None:
    """The image's real URL: the full image a thumbnail links to; a lazy-loading attribute's; else
    ``src`` unless it is a data URI or a placeholder (``blank.gif``); else the largest ``srcset`` candidate."""
    parent = img.getparent()
    if parent is not None and parent.tag == "a":
        href = (parent.get("href") or "").strip()
        if _IMAGE_HREF_RE.search(href) and not href.startswith("data:"):
            return href
    for attr in _LAZY_SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    src = (img.get("src") or "").strip()
    if src and not src.startswith("data:") and not _PLACEHOLDER_SRC_RE.search(src):
        return src
    for attr in _SRCSET_ATTRS:
        value = _largest_in_srcset(img.get(attr))
        if value:
            return value
    return None


def _noscript_src(img) -> str | None:
    """The source of a lazy image that shows none of its own (a placeholder ``src``, no lazy attribute):
    the ``<img>`` of the ``<noscript>`` beside it, which lazy-loading scripts write for browsers without
    scripts (an image in a ``<noscript>`` is otherwise skipped: most are tracking pixels)."""
    for sibling in (img.getnext(), img.getprevious()):
        if sibling is not None and sibling.tag == "noscript":
            inner = next(sibling.iter("img"), None)
            if inner is not None and not _tiny_or_hidden(inner):
                return _img_src(inner)
    return None


def _largest_in_srcset(srcset: str | None) -> str | None:
    """The widest (``640w``) or densest (``2x``) candidate of a ``srcset``; the first when none says."""
    best, best_size = None, -1.0
    for url, descriptors in _srcset_candidates(srcset or ""):
        if url.startswith("data:"):
            continue
        size = 0.0
        if descriptors[-1:] in ("w", "x"):
            try:
                size = float(descriptors.split()[0][:-1])
            except ValueError:
                size = 0.0
        if size > best_size:
            best, best_size = url, size
    return best


_SRCSET_URL_RE = re.compile(r"[\s,]*(\S+)")


def _srcset_candidates(srcset: str):
    """(URL, descriptors) of each ``srcset`` candidate, split as the HTML standard does: a URL is a run of
    non-spaces (commas inside it belong to it: ``/w_400,h_300/c.jpg``), its trailing commas end the candidate,
    else its descriptors run to the next comma."""
    at = 0
    while (m := _SRCSET_URL_RE.match(srcset, at)) is not None:
        url, at = m.group(1), m.end()
        if url.endswith(","):
            yield url.rstrip(","), ""
            continue
        end = srcset.find(",", at)
        end = len(srcset) if end < 0 else end
        yield url, srcset[at:end].strip()
        at = end + 1


def _is_site_logo(img, src: str, body) -> bool:
    """The agency's logo (or another site's): "logo" in the file name, unless the image is an
    illustration, in a figure or the article's text (a company's new logo, with its caption)."""
    name = src.rsplit("/", 1)[-1].lower()
    if "logo" not in name:
        return False
    if _is_agency_logo(name) or _ONLY_SITE_NAME_RE.match(img.get("alt") or ""):
        return True
    return not any(a.tag == "figure" or a is body for a in img.iterancestors())


def _is_agency_logo(name: str) -> bool:
    """A file name (lower-cased) that is the agency's logo ("interfax_ukraine_logo_ukr.svg")."""
    return "logo" in name and "interfax" in name


def _links_to_informer(img, src: str) -> bool:
    """The image is the UKR.NET informer's logo: a link to ukr.net, an image from there, or one whose alt
    text is the informer's name."""
    parent = img.getparent()
    return parent is not None and parent.tag == "a" and cleaning.is_informer_href(parent.get("href")) \
        or cleaning.is_informer_href(src) or cleaning.is_informer_heading(img.get("alt") or "")


def _under_ad_label(el, scope, body=None, levels: int = 3) -> bool:
    """True if one of ``el``'s nearest containers (below ``scope`` and below the body element) has an
    ad label ("РЕКЛАМА") as one of its own children: a banner in an ad block that no class names; in a
    table, a row of the label alone ("<tr><td>РЕКЛАМА</td></tr>" above the banner's row: a row and its
    table count as one container). The body itself is no ad block: a label among its paragraphs says
    nothing of a photo's."""
    node = el.getparent()
    while levels:
        if node is None or node is scope or node is body:
            return False
        for child in node:
            if child is not el and isinstance(child.tag, str) and cleaning.could_be_heading(_own_text(child)) \
                    and cleaning.is_ad_label(text_of(child)):
                return True
        if node.tag not in _ROW_TAGS:
            levels -= 1
        el, node = node, node.getparent()
    return False


#: the parts of a table between a cell and the table
_ROW_TAGS = frozenset({"tr", "tbody", "thead", "tfoot"})


def _own_text(el) -> str | None:
    """An element's own text, or its only child's when it has none (a table row's one cell: "<tr><td>РЕКЛАМА")."""
    while not (el.text or "").strip() and len(el) == 1 and isinstance(el[0].tag, str):
        el = el[0]
    return el.text


def _after_ad_label(img, body) -> bool:
    """A linked image alone in a block of the body right after a block that is only an ad label
    ("<p>Реклама</p><p><a href=…><img></a></p>"): the ad's banner. A label inside an ad block (by
    class) is that block's, and a photo linked to its full image is no banner."""
    link = next(img.iterancestors("a"), None)
    if body is None or link is None or _IMAGE_HREF_RE.search(link.get("href") or ""):
        return False
    node = img
    while node.getparent() is not body:
        node = node.getparent()
        if node is None:
            return False
    if cleaning.squash("".join(cleaning.texts(node))):
        return False
    label = node.getprevious()
    while label is not None and not isinstance(label.tag, str):
        label = label.getprevious()
    return label is not None and not cleaning.is_noise_node(label) and cleaning.could_be_heading(text_of(label)) \
        and cleaning.is_ad_label(text_of(label))


def _is_pixel(img) -> bool:
    """Tracking pixels and hidden images: inside <noscript>, 1x1, or display:none."""
    return next(img.iterancestors("noscript"), None) is not None or _tiny_or_hidden(img)


def _tiny_or_hidden(img) -> bool:
    """An image 2 pixels wide or high at most, or with display:none."""
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= 2:
            return True
    return "display:none" in (img.get("style") or "").replace(" ", "")


def _caption_beside(img):
    """The caption element (by class, or a short text that ends in a photo credit: "Школа в Харкові.
    Фото: ОВА") that follows the image (line breaks between them aside), or the element the image is
    wrapped in alone (``<p><img></p><p class="image-caption">``), or None."""
    node = img
    while node.getnext() is None:
        node = node.getparent()
        if node is None or cleaning.squash("".join(cleaning.texts(node))):
            return None
    after = node.getnext()
    while after.tag == "br" and not (node.tail or "").strip() and after.getnext() is not None:
        node, after = after, after.getnext()  # a line break between the image and its caption
    if _is_counter(after) and after.getnext() is not None:  # a gallery's counter ("1 / 2") before the slide's caption
        after = after.getnext()
    if not isinstance(after.tag, str):
        return None
    if cleaning.caption_tokens(after):
        return after
    return after if _ends_in_credit(after) or _is_inline_caption(img, after) else None


#: the inline elements an image's caption is set in within the image's own paragraph (``<img><br><em>…</em>``)
_INLINE_CAPTION_TAGS = frozenset({"em", "i", "small"})


def _is_inline_caption(img, el) -> bool:
    """``el`` is an emphasised line that ends the paragraph the image opens (``<p><img><br><em>Інсталяція на
    Софійській площі</em></p>``): the image's caption, not text. Short (200 characters at most)."""
    if el.tag not in _INLINE_CAPTION_TAGS or el.getparent() is not img.getparent() or el.getnext() is not None:
        return False
    parent = el.getparent()
    if (el.tail or "").strip() or (img.tail or "").strip() or (parent.text or "").strip():
        return False
    return 0 < len(cleaning.squash(text_of(el))) <= 200


def _is_counter(el) -> bool:
    """A gallery's counter element ("1 / 2", "Фото 2 з 12"): a few characters, no child elements (cheap tests first)."""
    text = (el.text or "").strip() if isinstance(el.tag, str) else ""
    return len(el) == 0 and 0 < len(text) <= 20 and text[0] in _COUNTER_FIRST and cleaning.is_widget_line(text)


_COUNTER_FIRST = frozenset("0123456789ФфPp")


#: class words of a picture's or a video's block
_MEDIA_WORDS = frozenset({"image", "img", "photo", "picture", "pic", "media", "video", "figure", "gallery"})
#: class tokens of a paywall (``paywall*`` too)
_PAYWALL_CLASSES = frozenset({"premium-wall", "subscription-wall", "subscribe-wall", "regwall", "piano-wall"})
#: words a line asking to log in or subscribe to read on holds, lower-cased (a cheap test before ``_PAYWALL_RE``)
_PAYWALL_HINTS = ("повн", "полн", "full", "передплат", "подписч", "subscri", "continue reading")
#: the most text a paywalled article shows (characters; its start only)
_PAYWALL_TEXT_MAX = 2000
_PAYWALL_RE = re.compile(
    r"(?:щоб|для того,? щоб)\s+(?:прочитати|читати)\s+(?:повний текст|далі)|(?:повний текст|полный текст)\s+\w*\s*"
    r"(?:доступн\w*|лише|только)\s+(?:для\s+)?(?:передплатник|подписчик|зареєстрован|зарегистрирован)"
    r"|чтобы\s+(?:прочитать|читать)\s+(?:полный текст|дальше)|(?:доступн\w*|лише|только)\s+(?:для\s+)?(?:передплатник|подписчик)"
    r"|to (?:read|continue reading) (?:the )?(?:full (?:text|story|article)|more)|(?:available )?(?:only )?(?:for|to) subscribers",
    re.I,
)
#: a time of day in a date as shown ("12:40 18.11.2009", "Вчора 21:32")
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}")
#: what may be a time of day beside a day ("21.32", "18:32", "21:32:15"): not a part of a date ("11.04.2025")
_CLOCK_LIKE_RE = re.compile(r"(?<![\d.:])\d{1,2}[.:][0-5]\d(?!\d|\.\d)")


def _named(blocks: list, name: str, enough: int) -> int:
    """How many of ``blocks`` and their ancestors have the id or class ``name``, counted up to ``enough``."""
    named = 0
    for block in blocks:
        for el in (block, *block.iterancestors()):
            value = el.get("class")
            if (value and name in value and name in value.split()) or el.get("id") == name:
                named += 1
                if named >= enough:
                    return named
    return named


def _class_family(value: str | None) -> frozenset[str]:
    """The stems of a class attribute's names ("article article-content-view" -> {"article"},
    "post--live" -> {"post"}): elements of one kind share one."""
    return frozenset(re.split(r"[-_]", token, maxsplit=1)[0] for token in (value or "").split()) - {""}


def _br_lines(el) -> list[str]:
    """The visible texts of ``el`` split at its ``<br>`` line breaks, squashed, empty ones left out."""
    lines: list[str] = []
    buf: list[str] = []

    def walk(node) -> None:
        if node.text:
            buf.append(node.text)
        for child in node:
            if child.tag == "br":
                lines.append("".join(buf))
                buf.clear()
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                buf.append(child.tail)

    walk(el)
    lines.append("".join(buf))
    return [line for line in map(cleaning.squash, lines) if line]


def _ends_in_credit(el) -> bool:
    """A short text (200 characters at most) that ends in a photo credit ("Школа в Харкові. Фото:
    ОВА"): a caption without a caption class; not prose before the credit ("Рятувальники ліквідували
    пожежу …, повідомили в ДСНС. Фото: ДСНС"), which is text. Its texts are read only up to that length."""
    texts, size = [], 0
    for text in el.itertext():
        size += len(text)
        if size > 400:  # (before whitespace is squashed) a paragraph, not a caption
            return False
        texts.append(text)
    joined = " ".join(texts)
    if "Фото" not in joined and "Photo" not in joined:
        return False
    text = cleaning.squash(joined)
    if not (0 < len(text) <= 200 and not cleaning.is_noise_node(el) and cleaning.CAPTION_CREDIT_RE.search(text)):
        return False
    if cleaning.text_before_credit(text) is not None:  # a sentence with its credit: text (the credit is still the page's)
        return False
    # "Текст.<br>Фото: УНІАН": a line of text and the credit set off below it, as older pages write them (not a caption)
    return el.find(".//br") is None or len(_br_lines(el)) == 1


def body_paragraphs(body) -> list[str]:
    """The paragraphs of a body element with its boilerplate nodes left out; ``body`` is not changed.

    What ``cleaning.strip_boilerplate`` on a copy, then a plain flatten, give. Most bodies have no
    label or list heading in them: one walk of the page's own tree skips the noise nodes and
    flattens the rest. A body with an element whose own text could be a label, or with a link to
    ukr.net (the informer without its heading), is copied and stripped instead, since whether such
    a heading stands alone, and the block it starts, are found on the cleaned tree.
    """
    out: list[str] = []
    try:
        _flatten_visible(body, out, top=True)
        return out
    except _LabelSeen:
        pass
    clean = copy.deepcopy(body)
    clean.tail = None
    cleaning.strip_boilerplate(clean)
    out = []
    _flatten_visible(clean, out, top=True, check=False)
    return out


class _LabelSeen(Exception):
    """A label or list heading that ``strip_boilerplate`` would remove with its block (see ``body_paragraphs``)."""


class _AdLabel(_LabelSeen):
    """An ad label that is a block by its tag (``<p>РЕКЛАМА</p>``): directly under the body it goes
    alone, as a noise node would."""


def _check_label(el) -> None:
    """Raise if ``strip_boilerplate`` may act on ``el`` (a kept element, read before its content is):
    its visible text is a heading or the start of one (``cleaning.heading_block`` decides, on the
    cleaned tree): ``_AdLabel`` for an ad label that is a block of its own by its tag (and no ad
    copy follows it), ``_LabelSeen`` for anything else, and for a link to ukr.net (the informer
    without its heading: its blocks are found on the cleaned tree too) or a share link (a share line of
    any words is found there too)."""
    if el.tag == "a" and ((href := el.get("href")) and (cleaning.is_informer_href(href) or cleaning.is_share_href(href))):
        raise _LabelSeen
    own = el.text
    if len(el):  # the noise removal joins the tails of the noise nodes before its first kept child
        for child in el:
            if not cleaning.is_noise_node(child) or cleaning.post_words(child):  # (a post's words are kept)
                break
            tail = child.tail
            if tail and tail.strip():
                own = cleaning.xml_safe((own or "") + tail)
    if not cleaning.could_be_heading(own):
        return
    clean = copy.deepcopy(el)  # rare: a short text that starts like a label
    clean.tail = None
    cleaning.strip_noise(clean)
    text = cleaning.own_heading(clean)
    if text and cleaning.could_start_label(text):
        alone = cleaning.is_ad_label(text) and cleaning.is_own_block(el) and cleaning.ad_copy_after(el) is None
        raise _AdLabel if alone else _LabelSeen


def _join(buf: list[str], anchor: int | None, text: str) -> int:
    """A removed node's tail joins the text before it (``buf[anchor]``: the previous kept sibling's
    tail, or the parent's text), both made XML-safe as the removal makes them; returns the new anchor."""
    if anchor is not None:
        buf[anchor] = cleaning.xml_safe(buf[anchor])
    buf.append(cleaning.xml_safe(text))
    return len(buf) - 1


def _flatten_visible(el, out: list[str], top: bool = False, check: bool = True) -> None:
    """The paragraphs of ``el`` as if ``cleaning.strip_boilerplate`` had removed its noise nodes:
    they are skipped, and the text after one joins the text before it. With ``check``, each kept
    element is tested before it is read: a heading that removal acts on raises ``_LabelSeen``,
    except an ad label directly under the top, which is skipped like a noise node (the removal
    takes it alone, after the noise nodes that followed it gave it their tails). ``check=False``:
    a tree ``strip_boilerplate`` has cleaned, read as it is.

    Each block element is a paragraph (a table row one line, its cells joined by a space), two ``<br>`` split one,
    at any depth of inline elements (``<font>A.<br><br>B.</font>``: two paragraphs). Loose text right
    after a ``<p>`` that goes on with its sentence (``_continues``) is the end of that paragraph: the
    HTML parser ends a ``<p>`` at a block inside it, so an ad block dropped into a sentence
    (``<p>A <div>ad</div> b.</p>``) leaves "A" in the ``<p>`` and " b." after the ad."""
    buf: list[str] = []
    breaks = 0
    anchor = None  # index in buf of the text a skipped node's tail joins
    ghost = None  # top only: the tail of a skipped ad label, with the noise tails that joined it
    after_p = False  # out[-1] is a <p>'s last paragraph and nothing but its tail, noise and inline text followed

    def flush():
        nonlocal after_p
        joined = "".join(buf)
        buf.clear()
        for text in _lines(joined) if _LINE_BREAK in joined else (cleaning.squash(joined),):
            if text:
                if after_p and _continues(out[-1], text):
                    out[-1] = f"{out[-1]}{'' if text[0] in _GOES_ON else ' '}{text}"
                else:
                    out.append(text)
            after_p = False
        after_p = False

    if el.text:
        buf.append(el.text)
        anchor = 0
    for child in el:
        tail = child.tail
        # (a cleaned tree holds no noise node: not asked again, as a block kept for its content, named by
        # an ambiguous word, could read otherwise once a label in it is gone)
        if check and cleaning.is_noise_node(child):
            words = cleaning.post_words(child) if child.tag in _POST_TAGS else None
            if words:  # (rare) an embedded post: its words are paragraphs, as the <p> each that stripping leaves
                if ghost is not None:
                    if ghost.strip():
                        anchor = _join(buf, anchor, ghost)
                    ghost = None
                if check and any(map(cleaning.could_be_heading, words)):
                    raise _LabelSeen
                breaks = 0
                flush()
                out.extend(words)
                after_p = True
                anchor = None
                if tail and tail.strip():
                    anchor = _join(buf, None, tail)
                continue
            if tail and tail.strip():
                if ghost is not None:
                    ghost = cleaning.xml_safe(ghost + tail)
                else:
                    anchor = _join(buf, anchor, tail)
                    breaks = 0
            continue
        if ghost is not None:
            if ghost.strip():
                anchor = _join(buf, anchor, ghost)
                breaks = 0
            ghost = None
        if check:
            try:
                _check_label(child)
            except _AdLabel:
                if not top:
                    raise
                ghost = tail or ""
                continue
        anchor = None
        tag = child.tag.lower()
        if tag == "br":
            breaks += 1
            if breaks >= 2:
                flush()
            else:
                buf.append(_LINE_BREAK)
        elif tag == "tr":  # a table row is one line: its cells' texts, a space between them
            breaks = 0
            flush()
            if _is_layout_row(child):  # an old design's layout table: each cell's paragraphs are paragraphs
                for cell in child:
                    if isinstance(cell.tag, str) and not cleaning.is_noise_node(cell):
                        if check:
                            _check_label(cell)
                        _flatten_visible(cell, out, check=check)
            else:
                text = cleaning.squash(" ".join(_cells_visible(child, check)))
                if text:
                    out.append(text)
        elif tag in _BLOCK_TAGS:
            breaks = 0
            flush()
            count = len(out)
            if len(child):
                _flatten_visible(child, out, check=check)
            elif child.text:  # a paragraph without elements in it (most of them): its text
                text = cleaning.squash(child.text)
                if text:
                    out.append(text)
            after_p = tag == "p" and len(out) > count
        else:
            breaks = 0
            if tag == "q":  # a browser shows an inline quotation in quotation marks
                buf.append(_QUOTE_OPEN)
            if len(child):
                inner: list[str] = []
                _inline_visible(child, inner, check, True)
                text = "".join(inner)
                if _PARAGRAPH_END in text:  # (rare) paragraphs end inside the inline element
                    first, *rest = text.split(_PARAGRAPH_END)
                    buf.append(first)
                    for piece in rest:
                        flush()
                        buf.append(piece)
                else:
                    buf.append(text)
            elif child.text:  # a link or a bold word: its text
                buf.append(child.text)
            if tag == "q":
                buf.append(_QUOTE_CLOSE)
        if tail:
            if tail.strip():
                breaks = 0
            buf.append(tail)
            anchor = len(buf) - 1
    if ghost is not None and ghost.strip():
        _join(buf, anchor, ghost)
    flush()


#: the marks a ``<q>`` quotation is shown in (a browser's, for Ukrainian text)
_QUOTE_OPEN, _QUOTE_CLOSE = "«", "»"
#: how a sentence ends: a paragraph that ends so is not continued by the loose text after it
_SENTENCE_ENDS = frozenset(".!?…")
#: punctuation that goes on with a sentence (no space before it when a paragraph is continued)
_GOES_ON = frozenset(",;")


def _continues(paragraph: str, text: str) -> bool:
    """Does ``text`` (squashed, loose after the ``<p>`` whose last paragraph is ``paragraph``) go on
    with that paragraph's sentence: the paragraph does not end a sentence, and the text starts in
    lower case or with a comma or semicolon ("…комунальних послуг" + "для пенсіонерів, …")?"""
    first = text[0]
    return (first.islower() or first in _GOES_ON) and paragraph[-1] not in _SENTENCE_ENDS


def _is_layout_row(row) -> bool:
    """A row of a table that lays out the page, not data: a cell holds paragraphs of prose (two ``<p>`` or
    ``<div>`` or more, 150 characters of text or more), or more text than a data cell does (300 characters).
    (Such a row's paragraphs were joined into one line; a data cell's paragraphs, "1,2" and "млрд куб. м"
    as CKEditor writes them, or a short quotation, are still one line.)"""
    for cell in row:
        if not isinstance(cell.tag, str):
            continue
        size = len(cleaning.squash(" ".join(cleaning.texts(cell))))
        if size > 300 or size >= 150 and sum(1 for block in cell if isinstance(block.tag, str) and block.tag.lower() in ("p", "div")) >= 2:
            return True
    return False


def _cells_visible(row, check: bool = True) -> list[str]:
    """The texts of a table row's cells (noise cells skipped, kept ones tested as in ``_flatten_visible``)."""
    cells = []
    for cell in row:
        if cleaning.is_noise_node(cell):
            continue
        if check:
            _check_label(cell)
        inner: list[str] = []
        _inline_visible(cell, inner, check)
        cells.append("".join(inner))
    return cells


#: where a paragraph ends inside an inline element's text (a character no parsed text holds)
_PARAGRAPH_END = "\x00"
#: where one ``<br>`` breaks a line in the flow of paragraphs (a character no parsed text holds, and
#: whitespace to ``str.split``: ``cleaning.squash`` makes it a space)
_LINE_BREAK = "\x1f"


def _lines(text: str) -> list[str]:
    """The lines of a paragraph's text whose ``<br>`` line breaks are ``_LINE_BREAK``: one line, the
    breaks spaces ("Рядок один,<br>рядок два."), except around a line of its own kind, a credit, tag
    line, cross-link or source (``cleaning.opens_labelled_line``), which one ``<br>`` sets off on old
    pages: "Фото: УНІАН<br>КИЇВ. 29 березня. …" is the credit and the text, "Текст.<br>Фото: УНІАН" the
    text and the credit (the credit swallowed the sentence after it, the text kept the credit)."""
    out: list[str] = []
    labelled = False  # the last line opens with a label
    for piece in text.split(_LINE_BREAK):
        piece = cleaning.squash(piece)
        if not piece:
            continue
        opens = cleaning.opens_labelled_line(piece)
        if out and not opens and not labelled:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
            labelled = opens
    return out


def _inline_visible(el, buf: list[str], check: bool = True, split: bool = False) -> None:
    """The text of an inline element or a table cell (``<br>`` a space, a block element inside it
    set off by spaces: ``<td><p>1,2</p><p>млрд</p></td>`` is "1,2 млрд"), noise nodes skipped and
    kept elements tested as in ``_flatten_visible``. With ``split`` (an inline element in the flow
    of paragraphs), two ``<br>`` in a row and a block element's edges end a paragraph instead: they
    put ``_PARAGRAPH_END`` in ``buf``."""
    anchor = None
    breaks = 0
    if el.text:
        buf.append(el.text)
        anchor = len(buf) - 1
    for child in el:
        tail = child.tail
        # (a cleaned tree holds no noise node: not asked again, as a block kept for its content, named by
        # an ambiguous word, could read otherwise once a label in it is gone)
        if check and cleaning.is_noise_node(child):
            words = cleaning.post_words(child) if child.tag in _POST_TAGS else None
            if words:  # (rare) an embedded post: its words, as the <p> each that stripping leaves
                if check and any(map(cleaning.could_be_heading, words)):
                    raise _LabelSeen
                edge = _PARAGRAPH_END if split else " "
                for text in words:
                    buf.extend((edge, text, edge))
                breaks = 0
                anchor = None
            if tail and tail.strip():
                anchor = _join(buf, anchor, tail)
                breaks = 0
            continue
        if check:
            _check_label(child)
        tag = child.tag.lower()
        if tag == "br":
            breaks += 1
            buf.append((_PARAGRAPH_END if breaks >= 2 else _LINE_BREAK) if split else " ")
        else:
            breaks = 0
            if tag in _BLOCK_TAGS:
                edge = _PARAGRAPH_END if split else " "
                buf.append(edge)
                if split and tag == "tr":  # (a table inside an inline element) a row is still one line
                    buf.append(" ".join(_cells_visible(child, check)))
                else:
                    _inline_visible(child, buf, check, split)
                buf.append(edge)
            elif tag == "q":  # an inline quotation, in quotation marks
                buf.append(_QUOTE_OPEN)
                _inline_visible(child, buf, check, split)
                buf.append(_QUOTE_CLOSE)
            else:
                _inline_visible(child, buf, check, split)
        anchor = None
        if tail:
            if tail.strip():
                breaks = 0
            buf.append(tail)
            anchor = len(buf) - 1
