"""Everything about the site's URLs: which links count, what they mean, where to fetch them.

* Article: ``/news/<section>/<id>.html``; its AMP twin ``/news/<section>/<id>-amp.html`` (or the
  article's URL with an ``amp`` query: ``?amp=1``, ``?amp``). Queries (``?utm_source=telegram``),
  fragments, capitals (``/NEWS/General/1063374.html``) and trailing slashes name the same article.
* Section listing: ``/news/<section>.html``, page N: ``/news/<section>-N.html``.
* Hosts: ``interfax.com.ua`` (and ``www.``, ``ua.``, the older Ukrainian host) is the Ukrainian
  edition; ``ru.`` and ``en.`` are other editions and are not followed by the Ukrainian crawl.

The crawler fetches from ``base_url`` (the live origin or a mirror on 127.0.0.1) but reports the
live canonical URL, so a record is the same online and offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urljoin, urlsplit

LIVE_ORIGIN = "https://interfax.com.ua"
#: hosts of the Ukrainian edition, all mapped onto ``LIVE_ORIGIN``
UK_HOSTS = frozenset({"interfax.com.ua", "www.interfax.com.ua", "ua.interfax.com.ua"})
#: hosts of the other editions (never followed from the Ukrainian crawl)
EDITION_HOSTS = {"ru.interfax.com.ua": "ru", "en.interfax.com.ua": "en"}
ALL_HOSTS = UK_HOSTS | frozenset(EDITION_HOSTS)

#: listings a default crawl starts from: all news, then every topical section in the site notes
DEFAULT_SECTIONS = (
    "latest",
    "general",
    "political",
    "economic",
    "greendeal",
    "sport",
    "telecom",
    "investments",
    "pharmacy",
)

#: every section the site notes name (the default list, the Russian edition's and the English edition's own)
KNOWN_SECTIONS = DEFAULT_SECTIONS + ("diplomats", "press-announcement", "video")

SECTION_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: an article's path, in any case, with trailing slashes (``/NEWS/General/1063374.html/``: the same article)
_ARTICLE_PATH_RE = re.compile(r"^/news/(?P<section>[a-z0-9][a-z0-9-]*)/(?P<id>\d{1,9})(?P<amp>-amp)?\.html/*$", re.I)


#: path segments under /news/ that look like sections but hold other pages (a tag or author page
#: named by a number, /news/tag/2025.html, is not article 2025)
NOT_SECTIONS = frozenset({"tag", "tags", "author", "authors", "search", "rubric", "rubrics", "theme", "themes", "archive", "page"})


@dataclass(frozen=True)
class ArticleRef:
    """An article named by a URL: its id, section and edition host."""

    id: int
    section: str
    host: str = "interfax.com.ua"

    @property
    def url(self) -> str:
        """Canonical live URL (``https://interfax.com.ua/news/general/1063374.html``)."""
        host = "interfax.com.ua" if self.host in UK_HOSTS else self.host
        return f"https://{host}/news/{self.section}/{self.id}.html"

    @property
    def path(self) -> str:
        return f"/news/{self.section}/{self.id}.html"


def normalize_origin(base_url: str) -> str:
    """``base_url`` as ``scheme://host[:port]`` without a trailing slash; ValueError if it is not one."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) origin: {base_url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"base_url must be an origin without a path: {base_url!r}")
    if parts.username is not None or parts.password is not None:
        # (the requests would go nowhere: the host would be "user:password@host"; and the password
        # would be written into the log)
        shown = f"{parts.scheme}://{parts.username or ''}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        raise ValueError(f"base_url must be an origin without a user name or password (not supported): {shown}")
    parts.port  # noqa: B018 - raises ValueError on a bad port
    return f"{parts.scheme}://{parts.netloc}"


def site_path(url: str, page_url: str, base_url: str) -> tuple[str, str] | None:
    """Resolve ``url`` against ``page_url``; return (host, path) if it is on the site or on base_url.

    ``host`` is the live host the link names (a link on the mirror's own origin counts as
    interfax.com.ua). None for off-site links, mailto:, javascript: and the like.
    """
    url = (url or "").strip()
    if not url or url.startswith("#"):  # the page itself: share buttons, anchors
        return None
    if url[0] == "/" and url[1:2] != "/" and "/." not in url and "\\" not in url:
        # root-relative (most of the site's links): the page's own host, no URL joining
        host = _live_host(page_url, base_url)
        return (host, url.split("#", 1)[0].split("?", 1)[0]) if host else None
    m = _ABSOLUTE_RE.match(url)
    if m and "/." not in (m["path"] or ""):  # absolute, nothing to resolve (hosts are case-insensitive)
        host, netloc = (m["host"] or "").lower(), m["netloc"].lower()
        if netloc == _netloc(base_url) and host not in ALL_HOSTS:
            host = "interfax.com.ua"
        return (host, m["path"] or "/") if host in ALL_HOSTS else None
    try:
        absolute = urljoin(page_url, url)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    base_host = urlsplit(base_url).netloc.lower()
    if parts.netloc.lower() == base_host and host not in ALL_HOSTS:
        host = "interfax.com.ua"
    if host not in ALL_HOSTS:
        return None
    return host, parts.path


_ABSOLUTE_RE = re.compile(r"^https?://(?P<netloc>(?:[^@/?#]*@)?(?P<host>[A-Za-z0-9.-]+)(?::\d{1,5})?)(?P<path>/[^?#]*)?(?:[?#]|$)")


@lru_cache(maxsize=64)
def _netloc(base_url: str) -> str:
    return urlsplit(base_url).netloc.lower()


@lru_cache(maxsize=256)
def _live_host(page_url: str, base_url: str) -> str | None:
    """The live host a page URL stands for (its origin may be base_url), or None if off-site."""
    site = site_path(page_url, page_url, base_url) if "://" in page_url else None
    return site[0] if site else None


def _article_path(url: str, page_url: str, base_url: str):
    """(host, match of ``_ARTICLE_PATH_RE``) for a link to an article page of the site, else None."""
    site = site_path(url, page_url, base_url)
    m = _ARTICLE_PATH_RE.match(site[1]) if site is not None else None
    if m is None:
        # (only on a miss) a link as a browser reads it: tabs and line breaks inside it dropped (a
        # template that wraps a long href), runs of slashes in its path one (``/news//general/1.html``
        # from a template joining "/news/" and "/general/...": the site's nginx merges them)
        plain = _without_tabs(url)
        if plain is not None:
            return _article_path(plain, page_url, base_url)
        m = _merged_slashes_match(site[1]) if site is not None else None
        if m is None:
            edition = _EDITION_PREFIX_RE.match(site[1]) if site is not None and site[0] in UK_HOSTS else None
            if edition is None:
                return None
            # another edition's article under a path prefix of the main host (/ru/news/general/1.html): that edition's
            m = _ARTICLE_PATH_RE.match(site[1][edition.end():])
            if m is None:
                return None
            site = (f"{edition.group(1)}.interfax.com.ua", site[1])
    if int(m["id"]) <= 0 or _section(m) in NOT_SECTIONS:
        return None
    return site[0], m


#: what a browser drops from anywhere in a URL (WHATWG URL: ASCII tab or newline)
_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")
_SLASHES_RE = re.compile(r"//+")


def _without_tabs(url: str) -> str | None:
    """``url`` without the tabs and line breaks inside it, as a browser reads it; None if it has none."""
    return url.translate(_TAB_NEWLINE) if "\t" in url or "\n" in url or "\r" in url else None


def _merged_slashes_match(path: str) -> re.Match | None:
    """``_ARTICLE_PATH_RE`` of a path with runs of slashes in it, read as one slash each."""
    return _ARTICLE_PATH_RE.match(_SLASHES_RE.sub("/", path)) if "//" in path else None


def _section(m: re.Match) -> str:
    """The section slug of an ``_ARTICLE_PATH_RE`` match, in lower case (as the site writes it)."""
    section = m["section"]
    return section if section.islower() else section.lower()


def article_ref(url: str, page_url: str = LIVE_ORIGIN + "/", base_url: str = LIVE_ORIGIN) -> ArticleRef | None:
    """The article a link names (any edition), or None if it is not an article link of the site."""
    found = _article_path(url, page_url, base_url)
    if found is None:
        return None
    host, m = found
    return ArticleRef(int(m["id"]), _section(m), "interfax.com.ua" if host in UK_HOSTS else host)


def amp_article_id(url: str, base_url: str = LIVE_ORIGIN) -> int | None:
    """The id of the article whose AMP page ``url`` is (``/news/<section>/<id>-amp.html``, or the
    article's URL with an ``amp`` query), else None."""
    found = _article_path(url, url, base_url)
    return int(found[1]["id"]) if found and (found[1]["amp"] or _amp_query(url)) else None


def _amp_query(url: str) -> str:
    """``?amp=1`` / ``?amp``: the ``amp`` parameter of a URL's query as written (not ``amp=0``), else ""."""
    query = url.split("#", 1)[0].partition("?")[2]
    if "amp" not in query.lower():
        return ""
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() == "amp" and value.lower() not in ("0", "false", "no", "off"):
            return f"?{key}={value}" if value else f"?{key}"
    return ""


#: a page of Google's AMP cache: ``https://interfax-com-ua.cdn.ampproject.org/c/s/interfax.com.ua/news/...``
_AMP_CACHE_RE = re.compile(r"^\s*(?:https?:)?//[\w.-]+\.cdn\.ampproject\.org/[a-z]/(?P<s>s/)?(?P<rest>[\w.-]+/.*)$", re.I)


def from_amp_cache(href: str) -> str:
    """The page an AMP cache URL caches (``https://<x>.cdn.ampproject.org/c/s/interfax.com.ua/news/...`` ->
    ``https://interfax.com.ua/news/...``); any other URL as it is."""
    m = _AMP_CACHE_RE.match(href) if "ampproject" in href else None
    return f"{'https' if m['s'] else 'http'}://{m['rest']}" if m else href


def amp_twin_fetch_url(href: str, page_url: str, base_url: str, own_path: str | None = None) -> str | None:
    """Where to fetch the AMP twin that an article's ``link rel="amphtml"`` names (``href``, on the
    page ``page_url`` whose canonical path is ``own_path``): its ``-amp.html`` path, or the article's
    own path with the ``amp`` query it was written with (``?amp=1``); a twin in Google's AMP cache is
    fetched from the site. None for a link off the site, and for one naming the page itself without an
    ``amp`` query (fetching it would only fetch the page again); ``amp_twin_refusal`` for a link that
    names another edition's page or another article."""
    site = site_path(from_amp_cache(href), page_url, base_url)
    if site is None:
        return None
    path = site[1]
    if path == urlsplit(page_url).path or path == own_path:
        query = _amp_query(href)
        return fetch_url(path, base_url) + query if query else None
    return fetch_url(path, base_url)


def amp_twin_refusal(href: str, page_url: str, base_url: str, own_id: int | None) -> str | None:
    """Why an article's ``link rel="amphtml"`` names no twin of it, or None: another edition's page
    (``https://ru.interfax.com.ua/...-amp.html``, never followed), or another article's page (its id
    is not the article's: that page's related items are not this article's)."""
    ref = article_ref(from_amp_cache(href), page_url, base_url)
    if ref is None:
        return None
    if ref.host not in UK_HOSTS:
        return f"another edition's page ({ref.host})"
    if own_id is not None and ref.id != own_id:
        return f"another article's page (article {ref.id})"
    return None


def href_article_id(href: str | None) -> int | None:
    """The id of the article a link's href names by its path alone (``/news/<section>/<id>.html``,
    its ``-amp`` twin, any host, a query or fragment after), else None: enough to tell the items of
    one list apart where no page URL is at hand to resolve the link against."""
    if not href:
        return None
    try:
        path = urlsplit(href.strip()).path
    except ValueError:
        return None
    m = _ARTICLE_PATH_RE.match(path)
    if m is None:  # (only on a miss) as a browser reads it, see _article_path
        plain = _without_tabs(href)
        if plain is not None:
            return href_article_id(plain)
        m = _merged_slashes_match(path)
    return int(m["id"]) if m and _section(m) not in NOT_SECTIONS else None


def edition_of(host: str) -> str:
    return EDITION_HOSTS.get(host, "uk")


def fetch_url(path: str, base_url: str) -> str:
    """Where to fetch a site path from: ``base_url`` + path (no query)."""
    return base_url + path


#: a URL as the crawler builds one: an origin, a path of unreserved characters with no dot segment, maybe a
#: query of them (``http://127.0.0.1:8000/news/general/1063374.html``, ``...?amp=1``)
_PLAIN_URL_RE = re.compile(r"(https?://[^/?#\s]+)((?:/(?!\.\.?(?:[/?]|$))[A-Za-z0-9._~-]+)+(?:\?[A-Za-z0-9._~=&-]+)?)")


def is_safe_url(url: str) -> bool:
    """Whether w3lib's ``safe_url_string`` (which ``scrapy.Request`` runs on every URL) returns ``url``
    unchanged, told without running it (~40 µs a URL): a plain path and query on an origin that it
    leaves alone (asked of it once per origin)."""
    m = _PLAIN_URL_RE.fullmatch(url)
    return m is not None and _safe_origin(m[1])


def as_requested(url: str) -> str:
    """``url`` as a browser requests it: w3lib's ``safe_url_string`` (a space, Cyrillic letters
    percent-encoded: ``/фото 1.jpg`` -> ``/%D1%84%D0%BE%D1%82%D0%BE%201.jpg``); a plain URL as it is, cheaply."""
    if is_safe_url(url):
        return url
    from w3lib.url import safe_url_string

    return safe_url_string(url)


@lru_cache(maxsize=64)
def _safe_origin(origin: str) -> bool:
    from w3lib.url import safe_url_string

    try:
        return safe_url_string(origin + "/") == origin + "/"
    except ValueError:  # (a port out of range: the request's own escaping says so)
        return False


def article_fetch_url(ref: ArticleRef, base_url: str) -> str:
    return fetch_url(ref.path, base_url)


def amp_fetch_url(ref: ArticleRef, base_url: str) -> str:
    return fetch_url(f"/news/{ref.section}/{ref.id}-amp.html", base_url)


def listing_path(section: str, page: int = 1) -> str:
    return f"/news/{section}.html" if page <= 1 else f"/news/{section}-{page}.html"


def listing_page(url: str, section: str) -> int | None:
    """Page number of a listing URL of ``section`` (1 for ``/news/general.html``), else None. Capitals
    and trailing slashes name the same page, as they name the same article (``/NEWS/General-2.html/``)."""
    path = urlsplit(url).path
    if path == f"/news/{section}.html":
        return 1
    m = re.fullmatch(rf"/news/{re.escape(section)}(?:-(\d{{1,6}}))?\.html/*", path, re.I)
    return (int(m.group(1)) if m.group(1) else 1) if m else None


#: another edition's pages under a path prefix of the main host (``/ru/news/general-2.html``)
_EDITION_PREFIX_RE = re.compile(r"^/(ru|en)(?=/news/)")


def listing_link(href: str, page_url: str, base_url: str, section: str) -> tuple[str, int] | None:
    """(edition, page number) of a link to a page of ``section``'s listing: ``"uk"`` on this edition's
    hosts (or ``base_url``), ``"ru"``/``"en"`` on another edition's host or under its path prefix
    (``https://ru.interfax.com.ua/news/general-2.html``, ``/ru/news/general-2.html``); None for any other link."""
    site = site_path(href, page_url, base_url)
    if site is None:
        return None
    host, path = site
    edition = edition_of(host)
    m = _EDITION_PREFIX_RE.match(path)
    if m:
        edition, path = m.group(1), path[m.end():]
    page = listing_page(path, section)
    return (edition, page) if page is not None else None


def onto_base(url: str, base_url: str) -> str | None:
    """A URL on a host of the site (``https://interfax.com.ua/...``, any edition) as fetched from
    ``base_url`` when that is a mirror, as the site's links are (a mirror's redirect that names the live
    site); None otherwise (off-site, or a crawl of the site itself)."""
    try:
        parts, base_host = urlsplit(url), urlsplit(base_url).hostname
    except ValueError:
        return None
    if not base_host or base_host.lower() in ALL_HOSTS or (parts.hostname or "").lower() not in ALL_HOSTS:
        return None
    return base_url + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def live_url(url: str, base_url: str) -> str:
    """Map a URL fetched from ``base_url`` back onto the live site (for logs and failure lists)."""
    if url.startswith(base_url + "/"):
        return LIVE_ORIGIN + url[len(base_url):]
    return url
