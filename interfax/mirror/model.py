"""Article definitions for the mirror, and the expected item computed from a definition.

One ``Article`` describes a page: what it shows (title, body blocks, images, dates, tags,
related links) and how it shows it (which date sources, which related markup, AMP twin or
not, modern or old design). ``render`` turns it into HTML; ``expected_item`` turns the same
definition into the item the crawler must export, following the rules of the mirror README.
Because both come from one definition, the expected JSON is correct by construction.

Body blocks are ``Block(kind, arg)`` made with the constructors below (``P``, ``UL``, ``AD``, ...).
Content blocks (P, H2, H3, UL, OL, QUOTE, SOURCE, and a POST of X or Facebook: its words) are article text; everything else is an image
or boilerplate the crawler must drop.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

SITE = "https://interfax.com.ua"

#: item fields in feed order (``interfax.items.FIELDS`` without ``crawled_at``)
EXPECTED_FIELDS = ["id", "url", "lang", "section", "title", "lead", "text", "published_at", "modified_at",
                   "tags", "images", "photo_credit", "source", "related", "reading_time", "word_count"]

#: section slug -> name in the site menu and on listings
SECTION_NAMES = {
    "latest": "Останні новини", "general": "Загальні", "political": "Політика", "economic": "Економіка",
    "greendeal": "Green Deal", "sport": "Спорт", "telecom": "Телеком", "investments": "Інвестиції",
    "pharmacy": "Медицина",
}
#: section slug -> label shown above the article header (README: general shows "Події")
SECTION_LABELS = {**SECTION_NAMES, "general": "Події"}


# -- Kyiv time ----------------------------------------------------------------------------------
def _last_sunday(year: int, month: int) -> date:
    d = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return d - timedelta(days=(d.weekday() - 6) % 7)


def kyiv_offset_hours(local: datetime) -> int:
    """UTC offset of Europe/Kyiv at a local (naive) time: 3 from 03:00 on the last Sunday of
    March to 04:00 on the last Sunday of October, else 2. (EU rule, in force since 1996.)"""
    start = datetime.combine(_last_sunday(local.year, 3), datetime.min.time()).replace(hour=3)
    end = datetime.combine(_last_sunday(local.year, 10), datetime.min.time()).replace(hour=4)
    return 3 if start <= local < end else 2


def iso_kyiv(local: datetime) -> str:
    """``2025-04-11T21:32:00+03:00``"""
    return f"{local:%Y-%m-%dT%H:%M:%S}+{kyiv_offset_hours(local):02d}:00"


def iso_utc_z(local: datetime) -> str:
    """The same instant in UTC with a ``Z``: ``2025-01-15T08:05:00Z``"""
    return f"{local - timedelta(hours=kyiv_offset_hours(local)):%Y-%m-%dT%H:%M:%S}Z"


def header_time(local: datetime) -> tuple[str, str]:
    """(``21:32``, ``11.04.2025``) as the article header and listings show it."""
    return f"{local:%H:%M}", f"{local:%d.%m.%Y}"


#: Ukrainian month names as a date shows them ("11 квітня")
MONTHS_GEN = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
              "листопада", "грудня")


def month_name_time(local: datetime) -> str:
    """``9 березня 2011, 16:40``: the header date of the site's older pages."""
    return f"{local.day} {MONTHS_GEN[local.month - 1]} {local.year}, {local:%H:%M}"


# -- body blocks --------------------------------------------------------------------------------
class Block(NamedTuple):
    kind: str
    arg: object = None


@dataclass(frozen=True)
class Img:
    src: str  # as written in the HTML: absolute, or relative to the site
    alt: str = ""
    caption: str | None = None  # the figcaption as shown, may end with "Фото: <credit>"


def P(html_: str) -> Block:  # noqa: N802 (constructors read like markup)
    """A paragraph; ``html_`` may hold inline markup and entities."""
    return Block("p", html_)


def H2(html_: str) -> Block:  # noqa: N802
    return Block("h2", html_)


def H3(html_: str) -> Block:  # noqa: N802
    return Block("h3", html_)


def UL(*items: str) -> Block:  # noqa: N802
    return Block("ul", list(items))


def OL(*items: str) -> Block:  # noqa: N802
    return Block("ol", list(items))


def QUOTE(html_: str) -> Block:  # noqa: N802
    return Block("quote", html_)


def SOURCE(url: str) -> Block:  # noqa: N802
    """``<p>Джерело: <a href=url>url</a></p>``: stays in the text; ``source`` = url."""
    return Block("source", url)


def FIG(img: Img) -> Block:  # noqa: N802
    """``<figure><img><figcaption?></figure>`` in the body."""
    return Block("fig", img)


def IMG(img: Img) -> Block:  # noqa: N802
    """A bare ``<img>`` in the body."""
    return Block("img", img)


def PIMG(img: Img) -> Block:  # noqa: N802
    """``<p><img></p>``: an image, and an empty paragraph."""
    return Block("pimg", img)


def AD(slot: str = "adpro-inline-1") -> Block:  # noqa: N802
    """``<div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span>...``"""
    return Block("ad", slot)


def AD_P(label: str = "РЕКЛАМА") -> Block:  # noqa: N802
    """A bare ``<p>РЕКЛАМА</p>`` / ``<p>Реклама</p>``."""
    return Block("ad_p", label)


def AD_ID(div_id: str = "adpro-inline-2") -> Block:  # noqa: N802
    """An ad ``<div>`` known only by its id, holding a ``<script>``."""
    return Block("ad_id", div_id)


def AD_IMG() -> Block:  # noqa: N802
    """An advert holding a linked banner image (the image is not the article's)."""
    return Block("ad_img")


def ADSENSE() -> Block:  # noqa: N802
    """``<ins class="adsbygoogle">`` + its script."""
    return Block("adsense")


def PIXEL() -> Block:  # noqa: N802
    """A 1x1 tracking pixel in ``<noscript>`` (not an image of the article)."""
    return Block("pixel")


def INFORMER() -> Block:  # noqa: N802
    """The UKR.NET informer (``div.informer``, list of ukr.net links)."""
    return Block("informer")


def LATEST_BOX(*keys: str) -> Block:  # noqa: N802
    """Heading-only boilerplate without classes: ``<div><b>ОСТАННЄ</b><ul><li><a>...``."""
    return Block("latest_box", list(keys))


def LOADING() -> Block:  # noqa: N802
    """``<p>Загрузка...</p>``"""
    return Block("loading")


def NBSP() -> Block:  # noqa: N802
    """``<p>&nbsp;</p>``"""
    return Block("nbsp")


def SHARE(style: str = "buttons") -> Block:  # noqa: N802
    """Share widget: ``buttons`` = ``div.share-buttons`` of links, ``social`` = ``div.social-share`` with a list."""
    return Block("share", style)


def READING_P(minutes: int) -> Block:  # noqa: N802
    """``<p>2 хв читати</p>`` in the body: reading_time, not text."""
    return Block("reading_p", minutes)


def TITLE_CAPTION() -> Block:  # noqa: N802
    """``<p class="image-caption">{title}</p>``: the repeated title, not text."""
    return Block("title_caption")


def TAGS_INLINE() -> Block:  # noqa: N802
    """The tag line inside the body (instead of after it)."""
    return Block("tags_inline")


def CREDIT_P(credit: str) -> Block:  # noqa: N802
    """``<p class="photo-credit">Фото: {credit}</p>``: photo_credit, not text."""
    return Block("credit_p", credit)


def POST(network: str, words: str = "") -> Block:  # noqa: N802
    """A social network's embed code: ``x`` (a tweet) and ``facebook`` show the post's ``words``, which
    are text (a quoted post); ``instagram`` and ``telegram`` (the widget's script) show only chrome."""
    return Block("post", (network, words))


def WIDGET(line: str) -> Block:  # noqa: N802
    """``<p>{line}</p>``: a line of the site's widgets ("Помітили помилку? … Ctrl+Enter"), not text."""
    return Block("widget", line)


#: networks whose embed code shows the post's words
POST_WORDS_NETWORKS = frozenset({"x", "facebook"})

TEXT_KINDS = {"p", "h2", "h3", "ul", "ol", "quote", "source"}
IMAGE_KINDS = {"fig", "img", "pimg"}


# -- definitions --------------------------------------------------------------------------------
@dataclass
class Rel:
    """One "ЩЕ ЗА ТЕМОЮ" item. ``target`` is ``section/id``; ``href`` overrides the link as
    written; ``title``/``when`` default to the target article's (needed for missing targets)."""

    target: str
    href: str | None = None
    title: str | None = None
    when: datetime | None = None


@dataclass
class Article:
    id: int
    section: str
    title: str
    when: datetime  # publication, Kyiv local time (naive)
    body: list[Block]
    description: str | None = None  # <meta name="description">
    jsonld: bool = True  # NewsArticle JSON-LD with datePublished (+ dateModified)
    jsonld_utc: bool = False  # JSON-LD dates written in UTC with "Z"
    meta_dates: bool = False  # <meta property="article:published_time"> (+ modified_time)
    modified: datetime | None = None  # Kyiv local; written only where a date source exists
    tags: list[str] = field(default_factory=list)
    keywords_style: str = "list"  # JSON-LD keywords: "list" | "string" | "none"
    header_image: Img | None = None  # figure between the reading time and the body
    og_image: str | None = None  # og:image and JSON-LD image (absolute)
    ld_image_style: str = "list"  # "list" | "object" | "string"
    reading_time: int | None = None  # <div class="article-reading-time">N хв читати</div>
    related: list[Rel] = field(default_factory=list)  # desktop block items
    related_markup: str = "standard"  # "standard" | "h3" | "listing" | "none" (no block at all)
    amp: bool = True  # has an AMP twin and <link rel="amphtml">
    amp_related: list[Rel] | None = None  # AMP twin's items (None: same as desktop)
    design: str = "modern"  # "modern" | "old" | "plain" (older still: no article element, a month-name date)
    title_html: str | None = None  # h1 content as written (whitespace variants)
    canonical_host: str = "interfax.com.ua"
    tags_position: str = "after"  # where the tag line sits when not TAGS_INLINE: "after" the body
    sidebar: bool = True  # the ОСТАННЄ sidebar
    verbatim: bool = False  # a reference page copied verbatim: never rendered

    @property
    def key(self) -> str:
        return f"{self.section}/{self.id}"

    @property
    def path(self) -> str:
        return f"/news/{self.section}/{self.id}.html"

    @property
    def amp_path(self) -> str:
        return f"/news/{self.section}/{self.id}-amp.html"

    @property
    def url(self) -> str:
        return SITE + self.path

    def effective_related(self) -> list[Rel]:
        """What the item's ``related`` holds: the desktop block, else the AMP twin's."""
        if self.related:
            return self.related
        if self.amp and self.amp_related:
            return self.amp_related
        return []

    @property
    def amp_items(self) -> list[Rel]:
        return self.related if self.amp_related is None else self.amp_related


def key_path(key: str) -> str:
    return f"/news/{key}.html"


def key_url(key: str) -> str:
    return SITE + key_path(key)


def key_id(key: str) -> int:
    return int(key.rsplit("/", 1)[1])


# -- text helpers -------------------------------------------------------------------------------
_TAG = re.compile(r"<[^>]+>")
_CREDIT = re.compile(r"\s*Фото:\s*(.+?)\s*$", re.S)


def collapse(text: str) -> str:
    """All whitespace runs (Python's idea of whitespace: also NBSP) -> one space, stripped."""
    return " ".join(text.split())


def visible(html_: str) -> str:
    """Visible text of an inline HTML fragment written in this package (tags dropped, entities
    decoded, whitespace collapsed). Only for our own simple fragments."""
    return collapse(html.unescape(_TAG.sub("", html_)))


def absolute(src: str) -> str:
    if src.startswith(("http://", "https://")):
        return src
    if src.startswith("//"):
        return "https:" + src
    return SITE + (src if src.startswith("/") else "/" + src)


def image_caption(img: Img) -> str | None:
    if img.caption:
        caption = collapse(_CREDIT.sub("", img.caption)).rstrip(" .,;:–—-")
        if caption:
            return caption
    alt = collapse(img.alt)
    # an alt that is the image's file name ("photo-2025-04-11-21-10-38") describes nothing
    if alt and alt == img.src.rsplit("/", 1)[-1].rsplit(".", 1)[0]:
        return None
    return alt or None


def _is_lead(description: str | None, title: str) -> bool:
    """The description stands as the lead unless it repeats the title or is a word or two."""
    description = collapse(description) if description else ""
    return len(description.split()) >= 3 and description.upper().rstrip(" :.…-–—") != collapse(title).upper().rstrip(" :.…-–—")


def image_credit(img: Img) -> str | None:
    if img.caption:
        match = _CREDIT.search(img.caption)
        if match:
            return collapse(match.group(1))
    return None


# -- the expected item --------------------------------------------------------------------------
def text_paragraphs(article: Article) -> list[str]:
    paragraphs = []
    for block in article.body:
        if block.kind in ("p", "h2", "h3", "quote"):
            paragraphs.append(visible(block.arg))
        elif block.kind in ("ul", "ol"):
            paragraphs.extend(visible(item) for item in block.arg)
        elif block.kind == "source":
            paragraphs.append(f"Джерело: {block.arg}")
        elif block.kind == "post" and block.arg[0] in POST_WORDS_NETWORKS:
            paragraphs.append(visible(block.arg[1]))
    paragraphs = [p for p in paragraphs if p]
    assert paragraphs, f"{article.key}: no text"
    assert collapse(article.title) not in paragraphs, f"{article.key}: a text paragraph equals the title"
    return paragraphs


def images_of(article: Article) -> list[dict]:
    imgs = ([article.header_image] if article.header_image else []) + [
        b.arg for b in article.body if b.kind in IMAGE_KINDS]
    out, seen = [], set()
    for img in imgs:
        url = absolute(img.src)
        if url not in seen:
            seen.add(url)
            out.append({"url": url, "caption": image_caption(img)})
    if article.og_image and article.og_image not in seen:
        out.append({"url": article.og_image, "caption": None})
    return out


def photo_credit_of(article: Article) -> str | None:
    credits = [image_credit(article.header_image)] if article.header_image else []
    for block in article.body:
        if block.kind in IMAGE_KINDS:
            credits.append(image_credit(block.arg))
        elif block.kind == "credit_p":
            credits.append(block.arg)
    credits = [c for c in credits if c]
    assert len(set(credits)) <= 1, f"{article.key}: several photo credits {credits}"
    return credits[0] if credits else None


def reading_time_of(article: Article) -> int | None:
    shown = [b.arg for b in article.body if b.kind == "reading_p"]
    if article.reading_time is not None:
        shown.insert(0, article.reading_time)
    assert len(shown) <= 1, f"{article.key}: several reading times"
    return shown[0] if shown else None


def has_date_source(article: Article) -> bool:
    return article.design == "modern" and (article.jsonld or article.meta_dates)


def related_item(rel: Rel, title_of) -> dict:
    title = rel.title if rel.title is not None else title_of(rel.target)
    return {"id": key_id(rel.target), "url": key_url(rel.target), "title": collapse(title)}


def expected_item(article: Article, title_of) -> dict:
    """The item a correct crawl exports for ``article`` (without ``crawled_at``).
    ``title_of(key)`` gives the title of a related target (also of a missing one)."""
    paragraphs = text_paragraphs(article)
    text = "\n\n".join(paragraphs)
    sources = [b.arg for b in article.body if b.kind == "source"]
    item = {
        "id": article.id,
        "url": article.url,
        "lang": "uk",
        "section": article.section,
        "title": collapse(article.title),
        "lead": collapse(article.description) if _is_lead(article.description, article.title) else paragraphs[0],
        "text": text,
        "published_at": iso_kyiv(article.when),
        "modified_at": iso_kyiv(article.modified) if article.modified and has_date_source(article) else None,
        "tags": list(article.tags),
        "images": images_of(article),
        "photo_credit": photo_credit_of(article),
        "source": sources[0] if sources else None,
        "related": [related_item(r, title_of) for r in article.effective_related()],
        "reading_time": reading_time_of(article),
        "word_count": sum(1 for word in text.split() if any(c.isalnum() for c in word)),  # (a dash is no word)
    }
    assert list(item) == EXPECTED_FIELDS
    return item
