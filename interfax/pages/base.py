"""Shared reading helpers for the page parsers: structured data, meta tags, lists under a heading."""

from __future__ import annotations

import html
import json
import re
import sys
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from urllib.parse import urljoin, urlsplit

from cssselect import HTMLTranslator
from lxml import etree
from parsel.selector import _ENCODING_ERROR_TYPES

from interfax import cleaning, dates, urls

#: (a time's seconds are part of it: "21:32:15 11.04.2025" is not "32:15 11.04.2025", nor "11.04.2025 21:32:15" seconds less)
_DATE_IN_TEXT_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*[,/|–—-]?\s*\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\.\d{1,2}\.\d{4}(?:\s*[,/|–—-]?\s*(?:в|о)?\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_DATE_CORE_RE = re.compile(r"\d\.\d{4}")  # every date form above ends its day.month.year like this
#: schema.org's Article and its subtypes a news page is: a live blog's page is a LiveBlogPosting (its updates,
#: BlogPostings inside liveBlogUpdate, are not read as the page's object)
_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "report", "liveblogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle",
}
#: how other article types' names end (a CMS's ``ReportageNews``, schema.org's ``TechArticle``; not ``...Posting``:
#: a ``JobPosting``, or a reader's ``DiscussionForumPosting``, is no article of the page)
_ARTICLE_TYPE_ENDINGS = ("article", "news")
#: a page object: the article's data only when no article object is given (a WebPage often comes first in a @graph)
_PAGE_TYPES = {"webpage", "itempage"}


_TRANSLATOR = HTMLTranslator()


_ID_SELECTOR_RE = re.compile(r"#(-?[A-Za-z_][\w-]*)")
_BY_ID = etree.XPath("id($id)")


@lru_cache(maxsize=None)
def _compiled_css(selector: str):
    m = _ID_SELECTOR_RE.fullmatch(selector.strip())
    if m:  # "#id": libxml2's id table instead of a scan of the whole tree
        return partial(_by_id, m.group(1))
    return etree.XPath(_TRANSLATOR.css_to_xpath(selector, prefix="descendant-or-self::"))


def _by_id(name: str, el) -> list:
    """The document's first element with that id (as getElementById; ids are unique in valid HTML), if at or below ``el``."""
    found = [e for e in _BY_ID(el, id=name) if isinstance(e.tag, str)]
    if el.getparent() is not None:
        found = [e for e in found if e is el or any(a is el for a in e.iterancestors())]
    return found


@lru_cache(maxsize=None)
def _compiled_xpath(path: str) -> etree.XPath:
    return etree.XPath(path)


def css(el, selector: str) -> list:
    """Elements under the lxml element ``el`` (itself included) matching a CSS selector: compiled once."""
    return _compiled_css(selector)(el)


#: a compound selector ``Page.select`` answers itself: ``tag``, ``.class`` or ``tag.class``
_COMPOUND_RE = re.compile(r"(?P<tag>[A-Za-z][A-Za-z0-9-]*)?(?:\.(?P<cls>-?[A-Za-z_][\w-]*))?")
#: what XPath's normalize-space (and so cssselect's class test) counts as whitespace
_CLASS_SPACE = str.maketrans("\t\n\r", "   ")


def class_tokens(value: str | None) -> list[str]:
    """The tokens of a class attribute, split as cssselect's XPath splits them (space, tab, CR, LF)."""
    if not value:
        return []
    if value.isprintable():  # the common case: no whitespace but the space
        return value.split(" ")
    return value.translate(_CLASS_SPACE).split(" ")


_COMBINATOR_RE = re.compile(r"\s*>\s*|\s+")


@lru_cache(maxsize=None)
def _selector_chain(selector: str) -> tuple[tuple[str, str | None, str | None], ...] | None:
    """``selector`` as (combinator, tag, class) steps when it is compounds (``tag``, ``.class``,
    ``tag.class``) joined by descendant (" ") or child (">") combinators; None for anything else.
    The first step's combinator is "" (at or below the context element)."""
    text = selector.strip()
    parts = _COMBINATOR_RE.split(text)
    combinators = [""] + [">" if ">" in c else " " for c in _COMBINATOR_RE.findall(text)]
    chain = []
    for combinator, part in zip(combinators, parts):
        m = _COMPOUND_RE.fullmatch(part)
        if m is None or not (m["tag"] or m["cls"]):
            return None
        chain.append((combinator, m["tag"].lower() if m["tag"] else None, m["cls"]))
    return tuple(chain) or None


def _has_class(el, cls: str) -> bool:
    value = el.get("class")
    return value is not None and cls in value and cls in class_tokens(value)


def xpath(el, path: str, **variables) -> list:
    """An XPath on an lxml element, compiled once (the parsers' hot paths skip parsel's wrappers).

    ``variables`` bind ``$name`` in the path (values are never spliced into it).
    """
    return _compiled_xpath(path)(el, **variables)


def _class_index(el) -> dict[str, list]:
    """{class token: the elements at or below ``el`` that have it, in document order}."""
    index: dict[str, list] = {}
    for e in el.iter(etree.Element):
        value = e.get("class")
        if value:
            for token in set(class_tokens(value)):  # "x x" lists the element once
                if token:
                    index.setdefault(token, []).append(e)
    return index


#: the deepest tree the parsers build: libxml2 stops nesting elements there (``huge_tree``; 255 without)
MAX_TREE_DEPTH = 2048
# The body walks (``article.body_paragraphs``, ``cleaning``) recurse once per level, a table cell
# three times: a page of a thousand unclosed ``<div>`` (a broken template) would pass Python's
# default limit of 1000 frames and end in a RecursionError. Python-to-Python calls use no C stack.
sys.setrecursionlimit(max(sys.getrecursionlimit(), 3 * MAX_TREE_DEPTH + 1000))

_UTF8_PARSERS = threading.local()  # one reusable parser per thread (lxml parsers are not shared across threads)
_UTF8_BOM = b"\xef\xbb\xbf"


def _utf8_parser() -> etree.HTMLParser:
    parser = getattr(_UTF8_PARSERS, "parser", None)
    if parser is None:
        parser = _UTF8_PARSERS.parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    return parser


def parse_html(response, faults: list | None = None) -> etree._Element:
    """Parse an HTML response as parsel does (``create_root_node``: its text, stripped, NULs removed),
    but into plain lxml elements: ``lxml.html``'s element classes are chosen by a Python callback
    for every element the parsers touch, which costs more than the reading itself.

    A UTF-8 page (nearly every page of the site) is parsed from its bytes with one reused parser:
    the same bytes parsel would hand to lxml (it decodes, strips and encodes back to UTF-8), without
    the round trip through ``response.text`` and a new parser per page (~45 µs of ~125 µs). Invalid
    UTF-8, a BOM, NULs or anything but markup at either end take parsel's path, which replaces
    what does not decode.
    """
    body = _plain_utf8_body(response)
    if body is not None:
        parser = _utf8_parser()
        try:
            root = etree.fromstring(body, parser=parser, base_url=response.url)
        except etree.XMLSyntaxError:
            root = None
        if root is not None:
            encoding_error, too_deep = _parse_errors(parser)
            if too_deep:
                return _parsed_flatter(body, response.url, faults)
            if not encoding_error:
                return root
    # parsel's path (create_root_node for a text): the text stripped, NULs removed, as UTF-8 bytes
    body = response.text.strip().replace("\x00", "").encode("utf-8") or b"<html/>"
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    root = etree.fromstring(body, parser=parser, base_url=response.url)
    if _parse_errors(parser)[1]:
        return _parsed_flatter(body, response.url, faults)
    return root if root is not None else etree.fromstring(b"<html/>", parser=parser, base_url=response.url)


#: a run of one wrapper tag opened 16 times or more with nothing between them (a broken template repeating its wrappers)
_WRAPPER_RUN_RE = re.compile(rb"(<(div|span|font|section|article|center|b|i|table|tbody|ul)\b[^<>]*>)(?:\s*<\2\b[^<>]*>){15,}", re.I)


_RESOURCE_LIMIT = etree.ErrorTypes.ERR_RESOURCE_LIMIT


def _parse_errors(parser) -> tuple[bool, bool]:
    """(an encoding error, the depth limit reached) from a parse's error log, in one pass."""
    encoding_error = too_deep = False
    for error in parser.error_log:
        if error.type in _ENCODING_ERROR_TYPES:
            encoding_error = True
        elif error.type == _RESOURCE_LIMIT and "depth" in error.message:
            too_deep = True
    return encoding_error, too_deep


def _parsed_flatter(body: bytes, url: str, faults: list | None):
    """A page nested deeper than the parser reads: parsed again with each run of one wrapper tag opened one
    after the other (and nothing between them) read as one, which keeps its text; noted in ``faults``
    ("too_deep_repaired", else "too_deep": read only up to the limit)."""
    flatter = _WRAPPER_RUN_RE.sub(lambda m: m.group(1), body)
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    root = etree.fromstring(flatter, parser=parser, base_url=url)
    deep = _parse_errors(parser)[1]
    if faults is not None:
        faults.append("too_deep" if deep else "too_deep_repaired")
    return root if root is not None else etree.fromstring(b"<html/>", parser=parser, base_url=url)


def _plain_utf8_body(response) -> bytes | None:
    """The body of a UTF-8 response when it equals ``response.text.strip().encode()``, else None."""
    if getattr(response, "encoding", None) != "utf-8":
        return None
    body = response.body.strip()  # ASCII whitespace; a body that starts and ends with markup has no other at its ends
    if not body.startswith(b"<") or not body.endswith(b">") or b"\x00" in body or body.startswith(_UTF8_BOM):
        return None
    return body


def text_of(el) -> str:
    """The visible text of an lxml element, whitespace squashed."""
    return cleaning.squash(" ".join(cleaning.texts(el))) if el is not None else ""


@dataclass(frozen=True)
class Link:
    """An article link as listed on a page: which article, its title and listed time as shown."""

    ref: urls.ArticleRef
    title: str | None
    listed_at: str | None  # raw "HH:MM DD.MM.YYYY" as shown, normalised by the dates module

    def as_related(self) -> dict:
        return {"id": self.ref.id, "url": self.ref.url, "title": self.title}


def date_in_text(text: str) -> str | None:
    """The first site-form date ("21:32 11.04.2025", "18:05, 10.04.2025") in a short text."""
    if not text or not _DATE_CORE_RE.search(text):  # cheap pre-test: most texts hold no date
        return None
    m = _DATE_IN_TEXT_RE.search(text)
    return m.group(0) if m else None


#: elements whose text is a headline, never a time block (a date in "Постанова від 15.03.2024" is the story's)
_HEADLINE_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: the longest text a time block is (characters)
TIME_BLOCK_MAX = 40
#: a word of a text (three letters or more): a time block holds a label at most ("Оновлено 18:05 10.04.2025")
_WORD_RE = re.compile(r"[^\W\d_]{3,}")


def _time_pieces(el, link, out: list) -> None:
    """The texts below ``el`` outside headlines (h1-h6) and outside the link ``link``'s own text (its
    child elements' texts count: a card that is one big link holding a time span), into ``out``."""
    if el.tag in _HEADLINE_TAGS or el.tag in ("script", "style"):
        return
    own = el is not link
    if own and el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _time_pieces(child, link, out)
        if own and child.tail:
            out.append(child.tail)


def is_time_block(text: str) -> bool:
    """A short text (40 characters at most) with one word at most besides its numbers: a time block
    ("06:00", "30.11.2026", "Закріплено 10:00 10.03.2025"), not prose ("Уряд ухвалив її 12.02.2024")."""
    return len(text) <= TIME_BLOCK_MAX and len(_WORD_RE.findall(text)) <= 1


def time_blocks(item, link=None) -> list[str]:
    """The texts of an item's time blocks (``is_time_block``), squashed, in page order: not those inside
    a headline (an h1-h6, the text of ``link``) nor prose (a summary sentence)."""
    pieces: list = []
    _time_pieces(item, link, pieces)
    return [p for piece in pieces if (p := cleaning.squash(piece)) and is_time_block(p)]


def own_date(item, link=None) -> str | None:
    """The first site-form date an item (an lxml element) shows in its time blocks (``time_blocks``),
    not one in its headline or a summary sentence."""
    return date_in_text(" ".join(time_blocks(item, link)))


def is_short_date(text: str, limit: int = 40) -> bool:
    """A text of at most ``limit`` characters that the dates module reads as a date in any form
    ("Сьогодні, 11:59", "27 листопада 2026", "Вчора"): a time block, a day heading."""
    return 0 < len(text) <= limit and dates.DATE_HINT_RE.search(text) is not None and dates.parse(text) is not None


#: words of an HTTP status line's reason ("Bad Gateway", "Service Temporarily Unavailable", a CDN's "Web
#: server is returning an unknown error"): a status code followed by other words is a headline ("500 тисяч
#: гривень ...", "450 військових ...")
_REASON_WORDS = (r"(?:bad|gateway|time-?out|timed|out|internal|server|web|origin|service|temporarily|unavailable|"
                 r"error|errors|unknown|is|returning|an|a|the|occurred|down|unreachable|not|found|forbidden|request|"
                 r"requests|too|many|large|entity|header|or|cookie|unauthori[sz]ed|method|allowed|gone|backend|fetch|"
                 r"failed|connection|refused|ssl|handshake|invalid|response|access|denied|page|file|directory|resource|"
                 r"requested|url|was|on|this|no|such)")
_REASON = r"(?:\s*[-:–—.]?\s*%s(?:[\s.,!-]+%s)*)?\W*$" % (_REASON_WORDS, _REASON_WORDS)
#: what a "soft 404" says in its title or ``h1`` (a 404 or 410 code as the whole line, or after "Error":
#: "404 Not Found", "Error 404", "410 Gone"; not a headline that starts with the number)
_NOT_FOUND_RE = re.compile(
    r"^(?:(?:http\s*)?(?:error|помилка|ошибка)\s*:?\s*(?:404|410)\b|(?:404|410)%s)|сторінк\w* не знайден|страниц\w* не найден|page not found|not found\s*$|сторінку видалено|страница удалена" % _REASON,
    re.I,
)
#: what a page the site serves instead of its pages says in its title or ``h1`` ("Технічні роботи",
#: "Сайт тимчасово недоступний", "Site under maintenance")
_MAINTENANCE_RE = re.compile(
    r"технічн\w* (?:робот|обслуговуван|перерв)|техническ\w* (?:работ|обслуживан|перерыв)|maintenance"
    r"|тимчасово недоступн|временно недоступ|temporarily unavailable|service unavailable",
    re.I,
)

#: what an error page (a proxy's, a web server's default page, a firewall's, the CMS's) served with HTTP 200
#: instead of the page says in its title or ``h1``: (kind, pattern); a refusal first. A status code or a
#: Ukrainian or Russian phrase is the whole line ("403 Forbidden", "Доступ заборонено"): a news headline may
#: start with a number or with the same words
_ERROR_PAGES = (
    ("access_denied", re.compile(
        r"^(?:(?:http\s*)?error\s*:?\s*403\b|403%s)|access denied|^forbidden(?:$|\s*[-:–—|(.!]\s*(?:$|you\b))|"
        r"^(?:403\s*[-:–—.]?\s*)?доступ (?:заборонено|заборонений|запрещ[её]н)\W*$|"
        r"you (?:have been|are) blocked|request (?:was )?(?:rejected|blocked)" % _REASON, re.I)),
    ("error_page", re.compile(
        r"^(?:(?:http\s*)?error\s*:?\s*[45]\d\d\b|[45]\d\d%s)|bad gateway|gateway time-?out|internal server error|"
        r"backend fetch failed|welcome to nginx|default (?:web )?page|^it works!?$|database error|"
        r"error establishing a database connection|^(?:php )?(?:fatal|parse) error\b|"
        r"^(?:[45]\d\d\s*[-:–—.]?\s*)?(?:внутрішня |внутренняя )?(?:помилка|ошибка) сервера\W*$" % _REASON, re.I)),
)
#: what a cookie-consent page (a consent platform's wall served in place of the page) says in its title or ``h1``
_CONSENT_RE = re.compile(
    r"^(?:ми\s+)?використовуємо\s+(?:файли\s+)?cookie|^(?:мы\s+)?используем\s+(?:файлы\s+)?cookie|^(?:we\s+)?use\s+cookies"
    r"|^(?:we\s+value\s+your|ваша|ми\s+цінуємо\s+вашу)\s+(?:privacy|конфіденційн|приватн)"
    r"|^(?:privacy|cookie)\s+(?:settings|preferences|consent|choices)|^налаштування\s+(?:конфіденційності|cookie|файлів cookie)"
    r"|^згода на (?:використання )?(?:файлів )?cookie|^before you continue",
    re.I,
)
#: a consent wall's text, in a page that shows no article: cookies named and a choice asked for
_CONSENT_TEXT_RE = re.compile(r"(?:cookie|куки).{0,300}?(?:прийняти|прийміть|погоджуюсь|погодитися|згоду|принять|accept|agree|consent)", re.I | re.S)
#: a script sending the browser to another page: ``window.location = "/x.html"``, ``location.href='...'``, ``location.replace("...")``
_SCRIPT_REDIRECT_RE = re.compile(
    r"""(?:(?:window|document|top|self)\.)?location(?:\.href)?\s*=\s*["'](?P<a>[^"']+)["']|location\.(?:replace|assign)\(\s*["'](?P<b>[^"']+)["']"""
)
#: what a page refusing the reader's country says in its title or ``h1``
_GEO_BLOCK_RE = re.compile(
    r"недоступн\w*\s+(?:у|в)\s+вашому\s+(?:регіоні|країні)|недоступ\w*\s+в\s+вашем\s+(?:регионе|стране)"
    r"|(?:not|isn't|is not)\s+available\s+in\s+your\s+(?:country|region|location)|unavailable\s+in\s+your\s+(?:country|region)",
    re.I,
)
#: a PHP error printed instead of the page (no title, no ``h1``): the start of its text
_SCRIPT_ERROR_RE = re.compile(r"^\s*(?:PHP )?(?:Fatal|Parse) error\s*:", re.I)


def _ld_text(value: str) -> str:
    """A JSON-LD string stripped, its HTML character references decoded (``&laquo;`` -> ``«``)."""
    value = value.strip()
    return html.unescape(value).strip() if "&" in value else value


class Page:
    """A response, read: the selector, the page's origin and structured data."""

    def __init__(self, response):
        self.response = response
        self.url: str = response.url
        parts = urlsplit(response.url)
        #: links on the page's own origin (a mirror) count as links of the live site
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self._texts: dict = {}  # element -> its text (text_within)
        self._refs: dict = {}  # href -> its ArticleRef or None (article_ref)
        self._classes: dict = {}  # element -> {class token: elements at or below it} (select)
        self._indexed: set = set()  # elements to index at their first class lookup (index_on)
        #: what parsing met ("too_deep_repaired", "too_deep": markup nested past the parser's depth limit)
        self.parse_faults: list[str] = []

    @cached_property
    def _short_headlines(self) -> list[str]:
        """The page's first two ``h1`` and its ``<title>``, those short enough to be what an error,
        maintenance or not-found page says (not an article's headline about such a page)."""
        texts = [text_of(h) for h in self.root.iter("h1")][:2]
        texts += [cleaning.squash(t) for t in xpath(self.root, "//title/text()")][:1]
        return [t for t in texts if t and len(t) < 120]

    def headline_says(self, pattern: re.Pattern) -> bool:
        """The page's ``<title>`` or one of its first two ``h1`` (a short one) matches ``pattern``."""
        return any(pattern.search(t) for t in self._short_headlines)

    def not_found(self) -> bool:
        """The page says it is not there ("Сторінку не знайдено", "Page not found", "404") in its
        ``<title>`` or ``h1``: a "soft 404" served with HTTP 200."""
        return self.headline_says(_NOT_FOUND_RE)

    def error_page(self) -> tuple[str, str] | None:
        """``(kind, what it says)`` for an error page served with HTTP 200 instead of the page: a proxy's
        "502 Bad Gateway", a web server's default page, a firewall's "Access Denied" (kind
        ``access_denied``), a database or script error (kind ``error_page``); else None."""
        for kind, pattern in _ERROR_PAGES:
            said = next((t for t in self._short_headlines if pattern.search(t)), None)
            if said:
                return kind, said
        body = self.root.find("body")
        start = cleaning.squash(" ".join((body if body is not None else self.root).itertext())[:300])
        if _SCRIPT_ERROR_RE.match(start):
            return "error_page", start[:80]
        return None

    def consent_wall(self) -> bool:
        """A cookie-consent page in place of the page: its title or ``h1`` says so ("Ми використовуємо файли
        cookie"), or (a page that shows nothing else: asked only of a page with no article) its text names
        cookies and asks to accept them."""
        if self.headline_says(_CONSENT_RE):
            return True
        text = self.text_within(self.root)
        return ("cookie" in text or "Cookie" in text or "куки" in text) and bool(_CONSENT_TEXT_RE.search(text))

    def script_redirect(self) -> str | None:
        """Where a page that only sends the browser elsewhere by script goes (``window.location = "/x.html"``,
        ``location.replace(...)``), as written; None for a page with text of its own or no such script."""
        shown = xpath(self.root, "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
        if len(cleaning.squash(" ".join(shown))) > 200:
            return None
        for script in self.root.iter("script"):
            m = _SCRIPT_REDIRECT_RE.search(script.text or "")
            if m:
                return m["a"] or m["b"]
        return None

    def geo_blocked(self) -> bool:
        """A page refusing the reader's country ("Контент недоступний у вашому регіоні") in place of the page."""
        return self.headline_says(_GEO_BLOCK_RE)

    def under_maintenance(self) -> bool:
        """The page says the site is down for maintenance (served with HTTP 200 instead of the page)."""
        return self.headline_says(_MAINTENANCE_RE)

    @cached_property
    def root(self):
        """The document's lxml root element (the parsers read lxml directly on their hot paths).

        The page's own parse, not cached on the response: the tree goes with the page object,
        while Scrapy keeps the response until the callback's output is processed.
        """
        return parse_html(self.response, self.parse_faults)

    def select(self, el, selector: str) -> list:
        """``css(el, selector)`` for simple selectors, without XPath.

        Selectors made of ``tag``, ``.class`` and ``tag.class`` joined by descendant or child
        combinators are answered by walking the tree in Python, or from a class index of ``el``
        once ``index_on(el)`` was called (an article's container, asked for many classes):
        libxml2's XPath builds every element's class string for each class test, which costs
        several times the walk. Anything else goes to ``css``.
        """
        chain = _selector_chain(selector)
        if chain is None:
            return css(el, selector)
        found = self._at_or_below(el, *chain[0][1:])
        for combinator, tag, cls in chain[1:]:
            if not found:
                break
            if len(found) > 1:
                matched = set(found)
                if any(a in matched for e in found for a in e.iterancestors()):
                    return css(el, selector)  # nested matches: their descendants interleave
            found = [
                e
                for parent in found
                for e in (parent.iterchildren(tag) if combinator == ">" else parent.iterdescendants(tag))
                if isinstance(e.tag, str) and (cls is None or _has_class(e, cls))
            ]
        return found

    def _at_or_below(self, el, tag: str | None, cls: str | None) -> list:
        """Elements at or below ``el`` with that tag and class (either may be None), in document order."""
        if cls is None:
            return list(el.iter(tag))
        if el not in self._classes and el not in self._indexed:
            # (``_has_class`` inlined: a listing asks each of its items for two classes, ~10 elements a call)
            return [e for e in el.iter(tag if tag is not None else etree.Element)
                    if (value := e.get("class")) is not None and cls in value and cls in class_tokens(value)]
        found = self.class_index(el).get(cls, [])
        return [e for e in found if e.tag == tag] if tag is not None else list(found)

    def index_on(self, el) -> None:
        """``el`` will be asked for several classes (an article's container): index it at the first."""
        self._indexed.add(el)

    def class_index(self, el) -> dict[str, list]:
        """{class token: elements at or below ``el`` that have it, in document order}; built once per element."""
        index = self._classes.get(el)
        if index is None:
            index = self._classes[el] = _class_index(el)
        return index

    def text_within(self, el) -> str:
        """Every text of ``el`` and below, concatenated (scripts too); computed once per element."""
        text = self._texts.get(el)
        if text is None:
            text = self._texts[el] = etree.tostring(el, method="text", encoding=str, with_tail=False)
        return text

    def may_contain(self, *words: str, within=None) -> bool:
        """False when no text at or below ``within`` (default: the whole page) holds any of ``words``:
        a cheap test before an XPath over every text node."""
        text = self.text_within(self.root if within is None else within)
        return any(w in text for w in words)

    @cached_property
    def _structured(self) -> dict:
        """Metas, ``<link rel>`` targets, JSON-LD scripts and ``<time datetime>``, in one pass over the page.

        Each full scan of a page's tree costs about as much as several fields; reading these four
        kinds of elements in one walk keeps the parsers cheap.
        """
        metas: dict[str, str] = {}
        microdata: list = []  # (key, content, element) of <meta itemprop> in the body
        links: dict[str, str] = {}
        scripts: list[str] = []
        times: list = []
        for el in self.root.iter("meta", "link", "script", "time"):
            tag = el.tag
            if tag == "meta":
                content = (el.get("content") or "").strip()
                if content:
                    for attr in ("property", "name", "itemprop"):
                        key = el.get(attr)
                        if key:
                            if attr == "itemprop" and not _in_head(el):
                                microdata.append((f"{attr}:{key}", content, el))
                            else:
                                metas.setdefault(f"{attr}:{key}", content)
            elif tag == "link":
                href = (el.get("href") or "").strip()
                for rel in (el.get("rel") or "").lower().split():
                    if href:
                        links.setdefault(rel, href)
            elif tag == "script":
                if (el.get("type") or "").strip().lower() == "application/ld+json":
                    scripts.append(el.text or "")
            elif (el.get("datetime") or "").strip():
                times.append(el)
        return {"metas": metas, "microdata": microdata, "links": links, "scripts": scripts, "times": times}

    @property
    def _metas(self) -> dict[str, str]:
        """Every non-empty ``<meta>`` content by its ``property``/``name``/``itemprop`` (first wins)."""
        return self._structured["metas"]

    def link_rel(self, rel: str) -> str | None:
        """The first ``<link rel=...>`` target of that relation (``canonical``, ``amphtml``, ``next``)."""
        return self._structured["links"].get(rel)

    def time_datetime(self, within=None, text=None) -> str | None:
        """The ``datetime`` of the page's own ``<time>``: one marked ``itemprop="datePublished"``, else
        the first at or below ``within`` (default: the page) outside lists, ads and sidebars (a
        sidebar's or a related item's time is another article's) and outside ``text`` (the body: a
        time in a sentence there is an event's, "Початок: <time …>25 листопада о 11:00</time>")."""
        times = self._structured["times"]
        for el in times:
            if (el.get("itemprop") or "").strip().lower() == "datepublished":
                return el.get("datetime").strip()
        scope = self.root if within is None else within
        for el in times:
            if placed_in(el, scope, SIDE_TAGS) and (text is None or text is scope or not cleaning.within(el, text)):
                return el.get("datetime").strip()
        return None

    def meta(self, *names: str) -> str | None:
        """First non-empty ``<meta>`` content among ``name``/``property``/``itemprop`` names.

        A microdata ``<meta itemprop>`` in the body counts only where ``microdata_scope`` places it
        (another article's microdata in a ticker or a list is not this page's).
        """
        metas = self._metas
        microdata = self._structured["microdata"]
        for name in names:
            for attr in ("property", "name", "itemprop"):
                key = f"{attr}:{name}"
                value = metas.get(key)
                if value:
                    return value
                if microdata and attr == "itemprop":
                    for k, content, el in microdata:
                        if k == key and placed_in(el, self.microdata_scope, SIDE_TAGS) and self._own_itemscope(el):
                            return content
        return None

    @property
    def microdata_scope(self):
        """Where a body ``<meta itemprop>`` is the page's own: the whole page here (article pages: the article)."""
        return self.root

    #: where an article's microdata is another's (an embedded card in an article's text): none here
    embed_region = None

    def _own_itemscope(self, el) -> bool:
        """A body ``<meta itemprop>`` belongs to its nearest ``itemscope`` ancestor: it is the page's when it has
        none, when that is at or around ``microdata_scope``, or when that is an article's (by its ``itemtype``)
        nested in no other and outside ``embed_region``; not an embedded video's, nor another outlet's article card."""
        scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
        if scope is None or cleaning.within(self.microdata_scope, scope):
            return True
        types = {t.rstrip("/").rsplit("/", 1)[-1].lower() for t in (scope.get("itemtype") or "").split()}
        region = self.embed_region
        return (is_article_object(types) and not any(a.get("itemscope") is not None for a in scope.iterancestors())
                and (region is None or not cleaning.within(scope, region)))

    @cached_property
    def json_ld(self) -> dict:
        """The page's article object from JSON-LD (NewsArticle or similar), else its WebPage object, or {}.

        Objects are read in every script, list and ``@graph``, and inside ``mainEntity``. An article
        object that names another article (its ``url``, ``@id`` or ``mainEntityOfPage``: a related
        item, a "read also" card) is not this page's: a page with several takes the one naming the page
        itself, else one naming no article.
        """
        page = None
        first = None  # the first article object naming no article
        for raw in self._structured["scripts"]:
            for obj in _json_ld_objects(raw):
                types = ld_types(obj)
                if is_article_object(types):
                    own = self._names_this_page(obj)
                    if own:
                        return obj
                    if own is None:
                        first = first or obj
                elif page is None and types & _PAGE_TYPES:
                    page = obj
        return first or page or {}

    @cached_property
    def ld_is_article(self) -> bool:
        """``json_ld`` is an article object (not a WebPage standing in for none)."""
        return is_article_object(ld_types(self.json_ld))

    def _names_this_page(self, obj: dict) -> bool | None:
        """Whether a JSON-LD object names this page by its ``url``, ``@id`` or ``mainEntityOfPage``
        (False: it names another article; None: no article at all)."""
        main = obj.get("mainEntityOfPage")
        values = [v for v in (obj.get("url"), obj.get("@id"), main.get("@id") if isinstance(main, dict) else main)
                  if isinstance(v, str) and v]
        if not values:
            return None
        if self.link_rel("canonical") in values or self.url in values:  # (most pages: no URL to parse)
            return True
        ids = {i for v in values if (i := urls.href_article_id(v)) is not None}
        return bool(ids & self._own_ids) if ids else None

    @cached_property
    def _own_ids(self) -> set[int]:
        """Ids this page is by its URL and its canonical link."""
        return {i for v in (self.url, self.link_rel("canonical")) if (i := urls.href_article_id(v)) is not None}

    def ld(self, key: str):
        """A JSON-LD value of the article; strings stripped, HTML character references decoded
        (``&laquo;`` -> ``«``: some CMSs escape the text they put into JSON-LD)."""
        value = self.json_ld.get(key)
        return (_ld_text(value) if isinstance(value, str) else value) or None

    def ld_date(self, key: str) -> str | None:
        """A JSON-LD date of the article as text (``ld``): the first date of a list
        (``["2025-04-11T21:32:00+03:00"]``), a Unix timestamp (a number, or digits only: seconds or
        milliseconds) as ISO 8601 in UTC; None for anything else (an object, an empty string)."""
        value = self.json_ld.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, (str, int, float)) and v not in ("", True, False)), None)
        if isinstance(value, str):
            value = _ld_text(value)
            return dates.from_timestamp(value) if value.isdigit() else value or None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return dates.from_timestamp(value)
        return None

    def article_ref(self, href: str | None) -> urls.ArticleRef | None:
        """The article an ``href`` of this page names, or None; once per distinct ``href`` (a listing's
        card links its article from its picture and its headline)."""
        if not href:
            return None
        refs = self._refs
        if href in refs:
            return refs[href]
        ref = refs[href] = urls.article_ref(href, self.link_base, self.origin)
        return ref

    @cached_property
    def link_base(self) -> str:
        """The URL the page's relative links are read against, as a browser reads them: its ``<base
        href>`` (itself read against the page's URL), else the page's URL. (Before, a listing whose
        ``<base href="https://interfax.com.ua/">`` carried links ``news/economic/1.html`` lost them all.)"""
        head = self.root.find("head")  # (a <base> belongs there: one in the body is not looked for)
        for el in head.iterchildren("base") if head is not None else ():
            href = (el.get("href") or "").strip()
            if href:
                try:
                    return urljoin(self.url, href)
                except ValueError:
                    return self.url
        return self.url

    def links_under(self, *nodes, skip_ads: bool = False) -> list[Link]:
        """Article links inside the elements ``nodes`` (in that order), with titles and times, once
        each (an item whose first link is a thumbnail takes its title from the next link to the
        same article, in the same element or a later one; an item with no link text at all, from
        its thumbnail's alt text: ``image_title``); with ``skip_ads``, not those inside an ad or
        sponsored widget below their node."""
        out: dict[int, Link] = {}
        ads: dict | None = {} if skip_ads else None  # element -> whether it or one above it (below node) is an ad
        pictured: dict[int, str] = {}  # id -> the headline a thumbnail link's image gives in its alt (or title)
        for node, a in ((node, a) for node in nodes for a in node.iter("a")):
            ref = self.article_ref(a.get("href"))
            if ref is None or (ads is not None and _inside_ad(a, node, ads)):
                continue
            seen = out.get(ref.id)
            if seen is not None and seen.title:
                continue
            title, shown = link_title(a)
            if title is None and ref.id not in pictured:
                alt = image_title(a)
                if alt:
                    pictured[ref.id] = alt
            if seen is None:
                out[ref.id] = Link(ref, title, shown or time_near(a))
            elif title:
                out[ref.id] = Link(ref, title, seen.listed_at or shown or time_near(a))
        if pictured:  # a card whose only link is its thumbnail: the headline is the image's alt text
            for key, alt in pictured.items():
                if out[key].title is None:
                    out[key] = Link(out[key].ref, alt, out[key].listed_at)
        return list(out.values())

    def blocks_under_heading(self, test) -> list[list]:
        """For each heading whose visible text passes ``test``, the elements that follow it.

        What follows is the heading's later siblings up to the next boilerplate heading; when the
        heading is wrapped alone in an element, the wrapper's siblings. Returns lists of elements.
        """
        found = []
        seen = set()
        for node in xpath(
            self.root,
            "//body//*[not(self::script) and not(self::style)]"
            "[text()[string-length(normalize-space(.)) > 3 and string-length(normalize-space(.)) < 40]]",
        ):
            if not any(test(t) for t in xpath(node, "text()")):
                continue
            if not test(" ".join(cleaning.texts(node))):
                continue
            parent = node.getparent()
            while (parent is not None and parent.tag != "body" and parent.getparent() is not None
                   and sum(isinstance(child.tag, str) for child in parent) == 1):
                node, parent = parent, parent.getparent()
            if node in seen:
                continue
            seen.add(node)
            found.append(list(_until_next_heading(node)))
        return found


#: elements whose whole text is a heading as shown (h1-h6, b, strong; a title or label class)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "b", "strong"})


def _until_next_heading(node):
    """``node``'s later siblings up to the next boilerplate heading: a sibling whose whole visible
    text is one, or an element in it that shows one (a heading element's whole text, any other
    element's own text: a plain ``<div class="block-heading">ОСТАННЄ</div>``)."""
    for sib in node.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        own = text_of(sib)
        if len(own) <= 60 and cleaning.is_boilerplate_heading(own):
            return
        if any(_shows_heading(e) for e in sib.iter(etree.Element)):
            return
        yield sib


def own_related_parts(block) -> list:
    """The parts of a "ЩЕ ЗА ТЕМОЮ" block that are its items, in page order: what follows its start or a
    related heading up to the heading of another list ("ОСТАННЄ", "Популярне", the informer's), which
    may sit in the same wrapper; never a block named as another list (``div.latest-news``). A heading
    inside a box of its own heads only that box (the box may hold a list of either kind)."""
    parts: list = []
    _collect_related(block, True, parts)
    return parts


def _collect_related(el, related: bool, parts: list) -> None:
    own = (el.text or "").strip()
    if own and _is_list_heading(own):  # (a plain "<div>ОСТАННЄ<ul>…</ul></div>")
        related = cleaning.is_related_heading(own)
    for child in el.iterchildren(etree.Element):
        if cleaning.names_other_list(child):
            continue
        heading = cleaning.own_heading(child)
        if heading and _is_list_heading(heading):
            related = cleaning.is_related_heading(heading)
        elif any(cleaning.names_other_list(e) or _heads_list(e) for e in child.iterdescendants(etree.Element)):
            _collect_related(child, related, parts)
        elif related:
            parts.append(child)


def _heads_list(el) -> bool:
    """``el`` shows a list's heading: its whole text, or its own text before its items."""
    own = (el.text or "").strip()
    return (bool(own) and _is_list_heading(own)) or _is_list_heading(cleaning.own_heading(el))


def _shows_heading(el) -> bool:
    cls = el.get("class") or ""
    if el.tag in _HEADING_TAGS or "title" in cls or "label" in cls:
        text = text_of(el)
    else:
        text = (el.text or "").strip()
    return 0 < len(text) <= 60 and cleaning.is_boilerplate_heading(text)


_TITLE_EDGE = " ,.;:|/–—-"
#: a day word and a time, as related and latest items show them ("Вчора, 18:40"): at either end of a link's text
_RELATIVE_AT_START_RE = dates.DAY_WORD_TIME_RE
_RELATIVE_AT_END_RE = re.compile(rf"(?<!\w){dates.DAY_WORD_TIME}$", re.I)
_RELATIVE_FIRST = dates.DAY_WORD_FIRST


def link_title(a) -> tuple[str | None, str | None]:
    """(title, listed time) of an article link: its visible text (else its ``title`` attribute), less
    a site-form date it starts or ends with, shown as a time block of its own in the link (a card whose
    link wraps its time), which is returned: a headline's own date ("… до 31.12.2026") stays in it."""
    text = cleaning.squash(" ".join(cleaning.texts(a)))
    shown = own_date(a, a) if len(a) and date_in_text(text) else None
    if shown is None and ":" in text and len(a) and (text[-1].isdigit() or text[0] in _RELATIVE_FIRST):
        # "Вчора, 18:40" / "Сьогодні, 11:59" at either end, shown as an element of its own (a
        # headline may start with such words: "Вчора о 18:40 відбулася нарада")
        m = _RELATIVE_AT_START_RE.match(text) or _RELATIVE_AT_END_RE.search(text)
        if m and any(text_of(e) == m.group(0) for e in a.iter(etree.Element) if e is not a):
            shown = m.group(0)
    if shown and (text.startswith(shown) or text.endswith(shown)):
        text = (text[len(shown):] if text.startswith(shown) else text[: -len(shown)]).strip(_TITLE_EDGE)
    else:
        shown = None
    return text or cleaning.squash(a.get("title")) or None, cleaning.squash(shown) if shown else None


#: an alt text with the look of a file name: no spaces, ASCII letters, digits and - _ . only
_FILE_NAME_ALT_RE = re.compile(r"[A-Za-z0-9_.-]+")
#: the marks of a file name in such an alt, whatever the image was renamed to when served: a date stamp
#: ("photo-2025-07-15-19-00-12", "20250715_190012"), a camera's numbering ("IMG_1234", "DSC01234") or an
#: image extension; "NBU-2025" or "F-16" have none
_FILE_MARKS_RE = re.compile(r"(?:19|20)\d\d[-_.]?[01]\d[-_.]?[0-3]\d|^(?:img|dscn?|photo|image|screenshot)[-_]?\d"
                            r"|\.(?:jpe?g|png|gif|webp)$", re.I)


def is_file_name_alt(alt: str, src: str) -> bool:
    """Whether an image's alt text is a file name, not words: the image's own file name, or one with a
    file name's marks (the name it was uploaded under, "photo-2025-07-15-19-00-12" on "football.jpg")."""
    return bool(_FILE_NAME_ALT_RE.fullmatch(alt)) and (alt.split(".")[0] in src or bool(_FILE_MARKS_RE.search(alt)))


def image_title(a) -> str | None:
    """The headline a link shows only as an image (a thumbnail): the image's ``alt``, else its
    ``title``, when it reads as a headline (words: not a file name such as
    "photo-2025-04-11-21-10-38", nor a one-word "фото" or logo name); else None."""
    for img in a.iter("img", "amp-img"):
        for attr in ("alt", "title"):
            text = cleaning.squash(img.get(attr))
            if text and " " in text:  # (words: a file name has no space)
                return text
    return None


def _inside_ad(el, top, known: dict) -> bool:
    """Whether ``el`` or an element between it and ``top`` (not ``top`` itself) is an ad by its class
    or id; ``known`` remembers the answers for the elements above (links share their list)."""
    if el is top or el is None:
        return False
    found = known.get(el)
    if found is None:
        found = known[el] = cleaning.ad_tokens(el) or _inside_ad(el.getparent(), top, known)
    return found


def time_near(a) -> str | None:
    """The listed time of a link (an lxml element): the time its item shows (``item_time``), the item
    being the closest ancestor with more text than the link.

    When that ancestor is the list rather than the item (items as flat siblings, "title, then
    time", with no element around each), the date is the one beside this link on the side the
    list puts its times, not the list's first date (another item's). An item of its own that shows
    no time gets none: the list's other dates are its neighbours'.
    """
    node = a
    own = False  # passed the link's own item (the link and more text), which showed no time
    link_length = None
    for _ in range(3):
        node = node.getparent()
        if node is None:
            break
        pieces = cleaning.texts(node)
        text = " ".join(pieces)
        found = date_in_text(text)
        if found and not _plainly_timed(pieces, text, found):
            found = own_date(node, a)  # (a date in the headline or a summary is the story's)
        if found:
            if len({e.get("href") for e in node.iter("a")}) > 1:  # (cheap: an item's links are mostly one href)
                key = urls.href_article_id(a.get("href"))
                if key is not None and holds_others(node, key):
                    if own:  # the list around an item of its own: another item's date
                        return None
                    found = _own_time_in_list(node, key)
            return cleaning.squash(found) if found else None
        if own:
            continue
        if link_length is None:
            link_length = len(text_of(a))
        if len(cleaning.squash(text)) > link_length:  # more than a wrapper of the link: an item, or the list
            key = urls.href_article_id(a.get("href"))
            if key is None or not holds_others(node, key):
                own = True
                found = item_time(node, text, site_forms=False)
                if found:
                    return found
    return None


def _plainly_timed(pieces: list, text: str, found: str) -> bool:
    """A cheap test that ``found``, the first date in ``text`` (``pieces`` joined), is a time block's
    (``own_date`` would say the same): every text it spans is short and holds no word ("11:28",
    "31.07.2025", "11:28, 31.07.2025"), so no headline's nor summary's."""
    start = text.find(found)
    end, at = start + len(found), 0
    for piece in pieces:
        if at >= end:
            break
        if at + len(piece) > start and (len(piece) > TIME_BLOCK_MAX or _WORD_RE.search(piece)):
            return False
        at += len(piece) + 1
    return True


def holds_others(node, key: int) -> bool:
    """``node`` holds a link to another article than ``key``."""
    return any(urls.href_article_id(e.get("href")) not in (None, key) for e in node.iter("a"))


def item_time(item, text: str | None = None, site_forms: bool = True) -> str | None:
    """The time a list item (an lxml element holding one article's links) shows: its ``<time
    datetime>``, else a site-form date in its text (``text``: the item's, if known; ``site_forms``
    False: looked for already), else a short text of its own that is only a date in another form
    ("Сьогодні, 11:59", "Вчора", "27 листопада, 14:00")."""
    for t in item.iter("time"):
        value = (t.get("datetime") or "").strip() or text_of(t)
        if value:
            return value
    if text is None:
        text = " ".join(cleaning.texts(item))
    found = own_date(item) if site_forms and date_in_text(text) else None
    if found:
        return cleaning.squash(found)
    if dates.DATE_HINT_RE.search(text):  # (cheap pre-test: most items show a site-form date or none)
        for piece in item.itertext():
            piece = cleaning.squash(piece)
            if is_short_date(piece):
                return piece
    return None


def _own_time_in_list(node, key: int) -> str | None:
    """The date beside the links to item ``key`` in a list ``node`` whose items are not wrapped: the
    text between this item's links and the next (or previous) other item's link, by where the list
    shows its first date (after the first link: times follow titles; before it: they precede)."""
    tokens: list = []  # ("a", key) and ("t", text), in document order; text inside links left out
    inside = 0
    for event, el in etree.iterwalk(node, events=("start", "end")):
        is_link = el.tag == "a" and el.get("href") is not None
        if not isinstance(el.tag, str):  # a comment: only its tail is text
            if event == "end" and not inside and el.tail:
                tokens.append(("t", el.tail))
            continue
        if event == "start":
            if is_link:
                inside += 1
                k = urls.href_article_id(el.get("href"))
                if k is not None and inside == 1:
                    tokens.append(("a", k))
            elif not inside and el.text and el.tag not in ("script", "style"):
                tokens.append(("t", el.text))
        else:
            if is_link:
                inside -= 1
            if not inside and el is not node and el.tail:
                tokens.append(("t", el.tail))
    links = [i for i, (kind, _) in enumerate(tokens) if kind == "a"]
    dated = [i for i, (kind, text) in enumerate(tokens)
             if kind == "t" and date_in_text(text) and is_time_block(cleaning.squash(text))]
    own = [i for i in links if tokens[i][1] == key]
    if not own or not dated:
        return None
    before = max((i for i in links if i < own[0] and tokens[i][1] != key), default=-1)
    after = min((i for i in links if i > own[-1] and tokens[i][1] != key), default=len(tokens))
    if dated[0] < links[0]:  # times precede titles: the last date before this item's last link
        span = [i for i in dated if before < i < own[-1]]
        return date_in_text(tokens[span[-1]][1]) if span else None
    span = [i for i in dated if own[0] < i < after]  # times follow titles
    return date_in_text(tokens[span[0]][1]) if span else None


def under_list_heading(el, root, memo: dict | None = None) -> bool:
    """``el`` is in a block that a list's or the informer's heading opens ("ОСТАННЄ", "Читайте також",
    "UKR.NET"): the heading is its previous element (not an item like it: the list's previous item), or
    the first element (or the text) of ``el`` or of a block around it below ``root``. (An ad label does
    not count: ads sit first in a page's columns.) ``memo``: {block: opened by such a heading, itself or
    a block around it}, for many elements of one page (a listing's items share their blocks)."""
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if (previous is not None and not (previous.tag == el.tag and previous.get("class") == el.get("class"))
            and _is_list_heading(cleaning.own_heading(previous))):
        return True
    node = el
    walked = []
    found = False
    while node is not None and node is not root:
        known = memo.get(node) if memo is not None else None
        if known is not None:
            found = known
            break
        walked.append(node)
        first = next(node.iterchildren(etree.Element), None)
        if _is_list_heading((node.text or "").strip()) or (first is not None and _is_list_heading(cleaning.own_heading(first))):
            found = True
            break
        node = node.getparent()
    if memo is not None:
        for node in walked:
            memo[node] = found
    return found


def _is_list_heading(text: str | None) -> bool:
    """A list's or the informer's heading ("ОСТАННЄ", "Читайте також", "UKR.NET")."""
    return bool(text) and (cleaning.is_list_heading(text) or cleaning.is_informer_heading(text))


#: where another article's date sits: sidebars, navigation, footers
SIDE_TAGS = frozenset({"aside", "nav", "footer"})


def _in_head(el) -> bool:
    parent = el.getparent()
    return parent is not None and (parent.tag == "head" or any(a.tag == "head" for a in parent.iterancestors()))


def placed_in(el, scope, side_tags: frozenset = frozenset()) -> bool:
    """``el`` is at or below ``scope``, and neither it nor an element between them is an ad, informer,
    share widget or list by its class or id (``cleaning.noise_tokens``), or has one of ``side_tags``."""
    node = el
    while node is not None:
        if node is scope:
            return True
        tag = node.tag
        if (isinstance(tag, str) and tag.lower() in side_tags) or cleaning.noise_tokens(node):
            return False
        node = node.getparent()
    return False


#: a CDATA section's markers as templates write them around a script (``//<![CDATA[``, ``/*<![CDATA[*/``)
_CDATA_RE = re.compile(r"^(?://|/\*)?\s*<!\[CDATA\[\s*(?:\*/)?|(?://|/\*)?\s*\]\]>\s*(?:\*/)?$")
#: a comma right before the end of an object or list
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")


def _repaired_json(raw: str):
    """The data of a JSON-LD script that is not strict JSON in the ways templates break it, else None:
    a byte order mark, a CDATA wrapper, a trailing ``;``, trailing commas (``{"a": 1,}``), and several
    objects one after the other (a list of them). Only asked when ``json.loads`` failed."""
    raw = _CDATA_RE.sub("", raw.lstrip("\ufeff").strip()).strip().rstrip(";").strip()
    raw = _TRAILING_COMMA_RE.sub(r"\1", raw)
    decoder, found, at = json.JSONDecoder(strict=False), [], 0
    try:
        while at < len(raw):
            data, end = decoder.raw_decode(raw, at)
            found.append(data)
            at = end
            while at < len(raw) and raw[at] in " \t\r\n;,":
                at += 1
    except (ValueError, RecursionError):
        return None
    return found[0] if len(found) == 1 else found or None


def ld_types(obj: dict) -> set[str]:
    """A JSON-LD object's ``@type`` values, lower-cased (one type or a list)."""
    types = obj.get("@type")
    return {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}


def is_article_object(types: set[str]) -> bool:
    """Whether a JSON-LD object of these ``ld_types`` is an article: schema.org's Article or one of its
    kinds, also one a CMS names its own way (``ReportageNews`` for ``ReportageNewsArticle``)."""
    return bool(types & _ARTICLE_TYPES) or any(t.endswith(_ARTICLE_TYPE_ENDINGS) for t in types)


def _json_ld_objects(raw: str):
    """Every object in a JSON-LD script (lists, @graph and mainEntity flattened); nothing on bad JSON."""
    raw = (raw or "").strip()
    if raw.startswith("<!--"):
        raw = raw.removeprefix("<!--").removesuffix("-->")
    try:
        data = json.loads(raw, strict=False)
    except (ValueError, RecursionError):
        data = _repaired_json(raw)
        if data is None:
            return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[0:0] = item
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
            if isinstance(item.get("mainEntity"), (dict, list)):  # a WebPage holding its article
                stack.append(item["mainEntity"])
