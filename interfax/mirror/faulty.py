"""A misbehaving copy of the mirror: the normal mirror files plus fault routes, on 127.0.0.1.

Everything under the mirror's ``site/`` is served as by :class:`~interfax.mirror.server.MirrorServer`;
on top of that, the paths in :data:`FAULTS` misbehave. They use the site's own URL scheme in a
section of their own, so a crawl started with ``-a sections=faults`` sees only them:

* ``/news/faults.html``: a listing in the site's markup linking every listed fault article
  (and one article under ``/news/private/``, which ``/robots.txt`` disallows);
* ``/news/empty.html``: a listing with no items;
* ``/news/redesign.html``: a site-wide layout change: six articles in an unknown layout, one good;
* ``/news/faults/<id>.html``: one fault each (table below); the pages themselves are the mirror's
  article 1063374 with its id changed, so a fault that lets the page through yields a record;
* ``/news/faults/<id>-amp.html``: the matching AMP twin, always served normally.

Standard library only (``http.server``); binds 127.0.0.1 only; ``port=0`` picks a free port.
Every request is counted: ``requests`` (paths in order), ``count(path)``, ``times(path)``.

    with FaultyServer() as server:
        server.base_url          # crawl it with -a sections=faults
        server.count("/news/faults/1900001.html")

The fault kinds (``Fault.kind``):

=============== ==========================================================================
``status``      answer ``status`` (with ``Retry-After`` if set) the first ``times`` times,
                then the page; ``times=0``: always; ``statuses``: one status per attempt
``hang``        send nothing for ``seconds`` (past the download timeout), then hang up
``trickle``     send the page in small pieces over ``seconds`` (slow but complete)
``close``       chunked body, connection closed after part of it (no last chunk)
``short``       ``Content-Length`` of the whole page, half of it sent, then hang up
``long``        ``Content-Length`` of half the page, the whole page sent (the client keeps what
                the header announced: the first half), then hang up
``redirect``    ``status`` redirect to ``target`` (a site path or an absolute URL;
                ``{base}`` and ``{port}`` are filled in)
``content``     ``body`` as given with ``content_type`` and extra ``headers``
``cookie``      a cookie check: without the cookie ``seen=1``, a 302 back to the page itself that
                sets it; with it, the page
``raw``         ``body`` written as the whole answer, status line and headers included (headers
                ``http.server`` cannot send: the same one twice), then hang up
``huge``        a ``size``-byte HTML page (sent until the client hangs up); ``status=0``: with no
                Content-Length (the client learns the size only as the body streams in)
=============== ==========================================================================
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import brotli  # (a dependency of Scrapy, which asks for br)

from interfax.mirror.server import DEFAULT_ROOT, Hit, MirrorServer, content_type

#: the mirror article every fault page is built from
TEMPLATE_ID = 1063374
TEMPLATE_SECTION = "general"
FAULT_SECTION = "faults"
EMPTY_SECTION = "empty"
REDESIGN_SECTION = "redesign"
PRIVATE_SECTION = "private"
ROBOTS_TXT = f"User-agent: *\nDisallow: /news/{PRIVATE_SECTION}/\n".encode()
OFFSITE_URL = "http://example.invalid/news/general/1063374.html"


@dataclass(frozen=True)
class Fault:
    kind: str
    note: str = ""
    status: int = 200
    times: int = 0
    statuses: tuple[int, ...] = ()  # for ``status``: one status per attempt, then the page
    retry_after: str | None = None  # seconds, or "date+N": an HTTP date N seconds ahead
    seconds: float = 0.0
    target: str | None = None
    body: Callable[[FaultyServer], bytes] | None = None
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    size: int = 0
    listing: str | None = "faults"  # the listing (section) that links it; None: linked from nowhere


def fault_path(article_id: int, section: str = FAULT_SECTION) -> str:
    return f"/news/{section}/{article_id}.html"


# ---------------------------------------------------------------- pages built from the template


def article_html(server: FaultyServer, article_id: int, amp: bool = False, section: str = FAULT_SECTION) -> str:
    """The template article (desktop or AMP) as article ``article_id`` of ``section``."""
    name = f"{TEMPLATE_ID}-amp.html" if amp else f"{TEMPLATE_ID}.html"
    html = (server.root / "news" / TEMPLATE_SECTION / name).read_text("utf-8")
    html = html.replace(f"/news/{TEMPLATE_SECTION}/{TEMPLATE_ID}", f"/news/{section}/{article_id}")
    return html.replace(str(TEMPLATE_ID), str(article_id))


def _page(article_id: int, transform: Callable[[str], str] = lambda h: h, encoding: str = "utf-8"):
    def build(server: FaultyServer) -> bytes:
        return transform(article_html(server, article_id)).encode(encoding, "xmlcharrefreplace")

    return build


def _without_meta_charset(html: str) -> str:
    return html.replace('<meta charset="utf-8">', "")


def _malformed(html: str) -> str:
    """Unclosed and mismatched tags, a broken attribute, stray closing tags, an unquoted entity."""
    html = html.replace("</p>", "", 3)  # three paragraphs never closed
    html = html.replace('<div class="article-content">', '<div class="article-content"><div><span><b>', 1)
    html = html.replace("<h1 class=", '<h1 data-x="unterminated class=', 1)
    html = html.replace("</article>", "</i></div></div></span></article & stray>", 1)
    return html.replace("</body>", "<table><tr><td>unclosed cell</body>", 1)


def _truncated(html: str) -> str:
    """Cut in the middle of a tag after the article body (the rest of the page never arrives)."""
    at = html.index("</article>") + len("</art")
    return html[:at]


def _with_nuls(html: str) -> str:
    head, sep, body = html.partition("<body>")
    body = body.replace("Умєров", "Ум\x00єров").replace("Каллас", "Кал\x00лас").replace("<p>", "<p>\x00", 2)
    return head + sep + body


def _deeply_nested(html: str) -> str:
    """A template that leaves 1500 ``<div>`` unclosed before the article text (all closed after it)."""
    html = html.replace('<div class="article-content">', '<div class="article-content">' + "<div>" * 1500, 1)
    return html.replace("</article>", "</div>" * 1500 + "</article>", 1)


def _dated_ahead(html: str) -> str:
    """JSON-LD and meta dated three days after the request (a scheduled or mistyped date); the
    visible header still shows the real time."""
    ahead = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 3 * 86400))
    return html.replace("2025-04-11T21:32:00+03:00", ahead)


def _unknown_layout(server: FaultyServer) -> bytes:
    """An article in a layout no parser knows: no <title>, no h1, no date, no known body container."""
    return (
        '<!DOCTYPE html>\n<html lang="uk"><head><meta charset="utf-8"></head>\n<body>\n'
        '<div class="x-page"><div class="x-headline-block"><span class="x-hl">Заголовок нової верстки</span></div>\n'
        '<div class="x-story-flow"><span class="x-s">Текст статті у верстці, якої парсер не знає.</span>'
        '<span class="x-s">Ще одне речення тексту.</span></div></div>\n'
        "</body></html>\n"
    ).encode()


def _listing_of(section: str, extra: tuple[str, ...] = ()):
    def build(server: FaultyServer) -> bytes:
        items = [path for path, fault in server.faults.items() if fault.listing == section] + list(extra)
        return _listing_body(section, items)

    return build


def _listing_body(section: str, items: list[str]) -> bytes:
    rows = "\n".join(
        '  <div class="grid article">\n'
        '    <div class="col-27 article-image-wrapper"><div class="article-time">'
        f'<span class="article-time-big">12:{n % 60:02d}</span> <span>11.04.2025</span></div></div>\n'
        '    <div class="col-57"><h1 class="article-link-wrapper">'
        f'<a class="article-link" href="{path}">Fault {path}</a></h1></div>\n  </div>'
        for n, path in enumerate(items)
    )
    return _listing_html(section, rows).encode()


def _empty_listing(server: FaultyServer) -> bytes:
    return _listing_html("Порожньо", "").encode()


def _listing_html(title: str, rows: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="uk">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} | Інтерфакс-Україна</title>\n</head>\n<body>\n"
        '<header class="header"><nav class="main-menu"><a href="/news/latest.html">Останні новини</a>'
        '<a href="/news/general.html">Загальні</a></nav></header>\n'
        f'<div class="grid content"><div class="col-23">\n<h1 class="section-title">{title}</h1>\n'
        f'<div class="articles-section-view">\n{rows}\n</div>\n</div></div>\n</body>\n</html>\n'
    )


def _compressed(article_id: int, compress: Callable[[bytes], bytes], cut: bool = False):
    """The page compressed (``cut``: only the first half of the compressed stream)."""
    def build(server: FaultyServer) -> bytes:
        data = compress(article_html(server, article_id).encode())
        return data[: len(data) // 2] if cut else data

    return build


def _half(article_id: int):
    def build(server: FaultyServer) -> bytes:
        data = article_html(server, article_id).encode()
        return data[: len(data) // 2]

    return build


def _challenge(server: FaultyServer) -> bytes:
    """A bot protection's challenge page in the form of Cloudflare's "Just a moment..." (its title,
    the site's name as its h1, a script that sets ``_cf_chl_opt``; no article markup)."""
    return (
        '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">'
        '</head><body><div class="main-wrapper" role="main"><div class="main-content">'
        '<h1 class="zone-name-title h1">interfax.com.ua</h1>'
        '<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>'
        '<div id="challenge-body-text" class="core-msg spacer">interfax.com.ua needs to review the security of '
        'your connection before proceeding.</div></div></div>'
        '<script>(function(){window._cf_chl_opt={cvId: "3", cZone: "interfax.com.ua", cType: "managed"};})();</script>'
        '<div class="footer"><div class="ray-id">Ray ID: <code>8a1b2c3d4e5f6a7b</code></div>'
        '<div id="footer-text">Performance &amp; security by Cloudflare</div></div></body></html>'
    ).encode()


def _maintenance(server: FaultyServer) -> bytes:
    return ('<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>Технічні роботи | Інтерфакс-Україна</title>'
            '</head><body><h1>Сайт тимчасово недоступний</h1><p>На сайті тривають технічні роботи. Спробуйте пізніше.</p>'
            '</body></html>').encode()


def _pdf(server: FaultyServer) -> bytes:
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


# ---------------------------------------------------------------- the fault table

FAULTS: dict[str, Fault] = {
    # 5xx and rate limits
    fault_path(1900001): Fault("status", "503 twice, then the page", status=503, times=2),
    fault_path(1900002): Fault("status", "500 then 502, then the page", statuses=(500, 502)),
    fault_path(1900003): Fault("status", "500 always", status=500),
    fault_path(1900004): Fault("status", "503 with Retry-After: 1, once", status=503, times=1, retry_after="1"),
    fault_path(1900005): Fault("status", "429 with Retry-After as an HTTP date, once", status=429, times=1,
                               retry_after="date+2"),
    fault_path(1900006): Fault("status", "503 with Retry-After: 3600 (past the cap), once", status=503, times=1,
                               retry_after="3600"),
    fault_path(1900007): Fault("status", "429 with Retry-After: 1, always", status=429, retry_after="1"),
    # slow and broken connections
    fault_path(1900010): Fault("hang", "no answer for 30 s", seconds=30),
    fault_path(1900011): Fault("trickle", "the page in pieces over 1 s", seconds=1.0),
    fault_path(1900012): Fault("close", "chunked, connection closed mid-body"),
    fault_path(1900013): Fault("short", "body shorter than its Content-Length"),
    fault_path(1900014): Fault("long", "Content-Length smaller than the body (half the page announced, all of it sent)"),
    # redirects
    fault_path(1900020): Fault("redirect", "301 to another article", status=301, target=fault_path(1900021)),
    fault_path(1900021): Fault("content", "the redirect target", body=_page(1900021), listing=None),
    fault_path(1900022): Fault("redirect", "302 loop with 1900023", status=302, target=fault_path(1900023)),
    fault_path(1900023): Fault("redirect", "302 loop with 1900022", status=302, target=fault_path(1900022),
                               listing=None),
    fault_path(1900024): Fault("redirect", "302 off the site (.invalid)", status=302, target=OFFSITE_URL),
    fault_path(1900025): Fault("redirect", "302 to the same server under another host name", status=302,
                               target="http://localhost:{port}" + fault_path(1900026)),
    fault_path(1900026): Fault("content", "reachable only through the off-site redirect", body=_page(1900026),
                               listing=None),
    fault_path(1900019): Fault("cookie", "a CDN's cookie check: 302 to itself setting a cookie, then the page"),
    fault_path(1900028): Fault("redirect", "302 to a mailto: link (no web page)", status=302, target="mailto:news@example.invalid"),
    fault_path(1900027): Fault("redirect", "302 to another port of the same host (another server)", status=302,
                               target="http://127.0.0.1:1" + fault_path(1900026)),
    # bodies that are not a page
    fault_path(1900030): Fault("content", "a PDF, not HTML", body=_pdf, content_type="application/pdf"),
    fault_path(1900031): Fault("content", "200 with an empty body", body=lambda s: b""),
    fault_path(1900017): Fault("content", "200 with an empty body once (a CDN's hiccup), then the page", body=lambda s: b"",
                               times=1),
    fault_path(1900032): Fault("huge", "a 10 MB page", size=10 * 1024 * 1024),
    fault_path(1900034): Fault("huge", "a 10 MB page without a Content-Length (ends when the connection closes)",
                               size=10 * 1024 * 1024, status=0),
    fault_path(1900033): Fault("content", "gzip that does not decode", body=lambda s: b"\x1f\x8b\x08\x00 not gzip at all",
                               headers={"Content-Encoding": "gzip"}),
    fault_path(1900035): Fault("content", "gzip cut off mid-stream (its Content-Length matches what was sent)",
                               body=_compressed(1900035, gzip.compress, cut=True), headers={"Content-Encoding": "gzip"}),
    fault_path(1900036): Fault("content", "brotli cut off mid-stream", body=_compressed(1900036, brotli.compress, cut=True),
                               headers={"Content-Encoding": "br"}),
    fault_path(1900037): Fault("content", "206 Partial Content: the first half of the page (no Range was asked for)",
                               status=206, body=_half(1900037), headers={"Content-Range": "bytes 0-2047/*"}),
    fault_path(1900048): Fault("content", "JSON under Content-Type text/html (an API's error answer)",
                               body=lambda s: b'{"error": "upstream timed out", "code": 504}'),
    fault_path(1900049): Fault("content", "plain text under Content-Type text/html (a proxy's message)",
                               body=lambda s: b"upstream connect error or disconnect/reset before headers. reset reason: overflow"),
    fault_path(1900016): Fault("content", "a maintenance page served with HTTP 200", body=_maintenance),
    # bot protection (a CDN's challenge instead of the page)
    fault_path(1900038): Fault("content", "a Cloudflare challenge, HTTP 403", status=403, body=_challenge,
                               headers={"cf-mitigated": "challenge", "Server": "cloudflare"}),
    fault_path(1900039): Fault("content", "a Cloudflare challenge served with HTTP 200 (a CDN cached it)", body=_challenge),
    fault_path(1900029): Fault("content", "a Cloudflare challenge, HTTP 503 (its older check)", status=503, body=_challenge),
    fault_path(1900059): Fault("content", "Content-Encoding: identity (no coding)", body=_page(1900059),
                               headers={"Content-Encoding": "identity"}),
    fault_path(1900046): Fault("content", "brotli, whole", body=_compressed(1900046, brotli.compress),
                               headers={"Content-Encoding": "br"}),
    # bad HTML and encodings
    fault_path(1900040): Fault("content", "malformed HTML", body=_page(1900040, _malformed)),
    fault_path(1900041): Fault("content", "truncated mid-tag", body=_page(1900041, _truncated)),
    fault_path(1900042): Fault("content", "windows-1251, no charset anywhere",
                               body=_page(1900042, _without_meta_charset, "cp1251"), content_type="text/html"),
    fault_path(1900043): Fault("content", "windows-1251 with a utf-8 header and meta",
                               body=_page(1900043, encoding="cp1251"), content_type="text/html; charset=utf-8"),
    fault_path(1900044): Fault("content", "utf-8 with a iso-8859-1 header",
                               body=_page(1900044, _without_meta_charset), content_type="text/html; charset=iso-8859-1"),
    fault_path(1900045): Fault("content", "NUL bytes in the HTML", body=_page(1900045, _with_nuls)),
    fault_path(1900047): Fault("content", "the article text nested 1500 elements deep", body=_page(1900047, _deeply_nested)),
    fault_path(1900058): Fault("content", "JSON-LD and meta dated 3 days after the crawl", body=_page(1900058, _dated_ahead)),
    # layout changes
    fault_path(1900050): Fault("content", "an article in an unknown layout", body=_unknown_layout),
    # a redesign: /news/redesign.html lists six articles in the unknown layout and one good article
    **{
        fault_path(article_id): Fault("content", "a redesigned article", body=_unknown_layout, listing=REDESIGN_SECTION)
        for article_id in range(1900051, 1900057)
    },
    fault_path(1900098): Fault("content", "a good article among the redesigned", body=_page(1900098),
                               listing=REDESIGN_SECTION),
    # control: a plain good article
    fault_path(1900099): Fault("content", "a good article", body=_page(1900099)),
}

#: listings of the faulty site
LISTINGS: dict[str, Callable[[FaultyServer], bytes]] = {
    f"/news/{FAULT_SECTION}.html": _listing_of(FAULT_SECTION, extra=(fault_path(1900060, PRIVATE_SECTION),)),
    f"/news/{EMPTY_SECTION}.html": _empty_listing,
    f"/news/{REDESIGN_SECTION}.html": _listing_of(REDESIGN_SECTION),
}


# ---------------------------------------------------------------- the server


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "InterfaxFaulty/1.0"
    sys_version = ""
    timeout = 10

    def do_GET(self) -> None:  # noqa: N802
        faulty: FaultyServer = self.server.mirror
        path = urlsplit(self.path).path or "/"
        n = faulty._arrive(path)
        try:
            faulty._answer(self, path, n)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout):
            self.close_connection = True

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if self.server.mirror.verbose:
            sys.stderr.write(f"faulty: {format % args}\n")

    # -- answers -----------------------------------------------------------------------------
    def head(self, status: int, ctype: str | None, headers: dict | None = None, length: int | None = None) -> None:
        """Status line and headers (no Content-Length when ``length`` is None); recorded in ``hits``."""
        target = urlsplit(self.path)
        self.server.mirror._record(Hit(self.command, target.path or "/", target.query, status))
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def send(self, status: int, ctype: str | None, body: bytes, headers: dict | None = None, length: int | None = None):
        self.head(status, ctype, headers, len(body) if length is None else length)
        self.wfile.write(body)
        self.wfile.flush()


class FaultyServer(MirrorServer):
    """The mirror plus :data:`FAULTS` on 127.0.0.1 (see the module docstring).

    Started, stopped and used as :class:`~interfax.mirror.server.MirrorServer`; the answers differ.
    """

    handler = _Handler
    name = "faulty"

    def __init__(self, root=DEFAULT_ROOT, host: str = "127.0.0.1", port: int = 0,
                 faults: dict[str, Fault] | None = None, robots_txt: bytes = ROBOTS_TXT, verbose: bool = False,
                 robots_status: int = 200, robots_headers: dict | None = None):
        super().__init__(root=root, host=host, port=port, verbose=verbose)
        self.faults = dict(FAULTS if faults is None else faults)
        self.robots_txt = robots_txt
        self.robots_status = robots_status  # 503: a robots.txt the site cannot serve now; 0: no answer
        self.robots_headers = dict(robots_headers or {})  # e.g. a Content-Encoding for a compressed robots_txt
        self._arrivals: list[tuple[str, float]] = []
        self._stop = threading.Event()

    def start(self) -> FaultyServer:
        self._stop.clear()
        return super().start()

    def stop(self) -> None:
        self._stop.set()  # wakes hanging answers up
        super().stop()

    # -- what was requested ------------------------------------------------------------------
    @property
    def requests(self) -> list[str]:
        with self._lock:
            return [path for path, _ in self._arrivals]

    def clear_requests(self) -> None:
        super().clear_requests()
        with self._lock:
            self._arrivals.clear()

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self._arrivals if p == path)

    def times(self, path: str) -> list[float]:
        """Arrival times (``time.monotonic()``) of the requests for ``path``."""
        with self._lock:
            return [t for p, t in self._arrivals if p == path]

    def _arrive(self, path: str) -> int:
        """Record a request; return how many times ``path`` was requested before this one."""
        with self._lock:
            before = sum(1 for p, _ in self._arrivals if p == path)
            self._arrivals.append((path, time.monotonic()))
        return before

    # -- answering ---------------------------------------------------------------------------
    def _answer(self, h: _Handler, path: str, n: int) -> None:
        if path == "/robots.txt":
            if self.robots_status == 0:  # no answer at all: the client times out
                self._stop.wait(30)
                return None
            if self.robots_status != 200:
                return h.send(self.robots_status, "text/html; charset=utf-8", b"<html><body>Service Unavailable</body></html>")
            return h.send(200, "text/plain; charset=utf-8", self.robots_txt, self.robots_headers)
        if path in LISTINGS:
            return h.send(200, "text/html; charset=utf-8", LISTINGS[path](self))
        fault = self.faults.get(path)
        if fault is not None:
            return getattr(self, f"_fault_{fault.kind}")(h, path, fault, n)
        amp = self._fault_amp(path)
        if amp is not None:
            return h.send(200, "text/html; charset=utf-8", amp)
        file = self.resolve(path)
        if file is None:
            return h.send(404, "text/html; charset=utf-8", b"<html><body><h1>404</h1></body></html>")
        return h.send(200, content_type(file), file.read_bytes())

    def _fault_amp(self, path: str) -> bytes | None:
        prefix = f"/news/{FAULT_SECTION}/"
        if path.startswith(prefix) and path.endswith("-amp.html"):
            stem = path[len(prefix):-len("-amp.html")]
            if stem.isdigit() and fault_path(int(stem)) in self.faults:
                return article_html(self, int(stem), amp=True).encode()
        return None

    def _page(self, path: str) -> bytes:
        article_id = int(path.rsplit("/", 1)[1].split(".")[0])
        return article_html(self, article_id).encode()

    def _fault_status(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        times = len(fault.statuses) or fault.times
        if times and n >= times:
            return h.send(200, "text/html; charset=utf-8", self._page(path))
        status = fault.statuses[n] if fault.statuses else fault.status
        headers = {}
        if fault.retry_after:
            if fault.retry_after.startswith("date+"):
                ahead = float(fault.retry_after[len("date+"):])
                headers["Retry-After"] = email.utils.formatdate(time.time() + ahead, usegmt=True)
            else:
                headers["Retry-After"] = fault.retry_after
        body = f"<html><body><h1>{status}</h1></body></html>".encode()
        return h.send(status, "text/html; charset=utf-8", body, headers)

    def _fault_hang(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        self._stop.wait(fault.seconds or 30)
        h.close_connection = True

    def _fault_trickle(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        body = self._page(path)
        pieces = 10
        step = -(-len(body) // pieces)
        h.head(200, "text/html; charset=utf-8", length=len(body))
        h.wfile.flush()
        for start in range(0, len(body), step):
            if self._stop.wait((fault.seconds or 1.0) / pieces):
                break
            h.wfile.write(body[start:start + step])
            h.wfile.flush()

    def _fault_close(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        body = self._page(path)
        h.head(200, "text/html; charset=utf-8", {"Transfer-Encoding": "chunked"})
        part = body[: len(body) // 2]
        h.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
        h.wfile.flush()
        h.close_connection = True  # no terminating chunk: the body never ends

    def _fault_short(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        body = self._page(path)
        h.head(200, "text/html; charset=utf-8", length=len(body))
        h.wfile.write(body[: len(body) // 2])
        h.wfile.flush()
        h.close_connection = True

    def _fault_long(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        body = self._page(path)
        h.head(200, "text/html; charset=utf-8", length=len(body) // 2)
        h.wfile.write(body)
        h.wfile.flush()
        h.close_connection = True

    def _fault_redirect(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        target = (fault.target or "/").format(base=self.base_url, port=self.port)
        h.send(fault.status or 302, "text/html; charset=utf-8", b"", {"Location": target})

    def _fault_cookie(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        if "seen=1" in (h.headers.get("Cookie") or ""):
            return h.send(200, "text/html; charset=utf-8", self._page(path))
        h.send(302, "text/html; charset=utf-8", b"", {"Location": path, "Set-Cookie": "seen=1; Path=/"})

    def _fault_content(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        if fault.times and n >= fault.times:  # (a passing fault: then the page)
            return h.send(200, "text/html; charset=utf-8", self._page(path))
        body = fault.body(self) if fault.body else b""
        h.send(fault.status or 200, fault.content_type, body, fault.headers)

    def _fault_raw(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        target = urlsplit(h.path)
        self._record(Hit(h.command, target.path or "/", target.query, 0))
        h.wfile.write(fault.body(self) if fault.body else b"")
        h.wfile.flush()
        h.close_connection = True

    def _fault_huge(self, h: _Handler, path: str, fault: Fault, n: int) -> None:
        h.head(200, "text/html; charset=utf-8", length=None if fault.status == 0 else fault.size)
        chunk = b"<p>" + b"x" * 65530 + b"</p>\n"
        sent = 0
        while sent < fault.size and not self._stop.is_set():
            piece = chunk[: fault.size - sent]
            h.wfile.write(piece)
            sent += len(piece)
        h.close_connection = True


def main(argv: list[str] | None = None) -> int:
    """``python -m interfax.mirror.faulty``: serve the faulty site until Ctrl-C."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m interfax.mirror.faulty", description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    server = FaultyServer(root=args.root, port=args.port, verbose=args.verbose).start()
    print(server.base_url, flush=True)
    for path, fault in server.faults.items():
        print(f"  {path:32} {fault.note}", file=sys.stderr)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
