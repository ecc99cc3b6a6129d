"""Downloader middlewares and an extension that keep a crawl going when the site or the network misbehaves.

* :class:`BackoffRetryMiddleware` replaces Scrapy's ``RetryMiddleware``: the same retry rules
  (``RETRY_TIMES``, ``RETRY_HTTP_CODES``, ``RETRY_EXCEPTIONS``), but a retry waits first:
  ``Retry-After`` (seconds or an HTTP date) when the answer carries one, capped by
  ``INTERFAX_RETRY_AFTER_MAX``, else exponential backoff ``INTERFAX_RETRY_BACKOFF_BASE * 2**(n-1)``
  capped by ``INTERFAX_RETRY_BACKOFF_MAX``. The wait does not block the reactor.
* :class:`SafeRedirectMiddleware` / :class:`SafeMetaRefreshMiddleware` replace Scrapy's redirect
  middlewares: a redirect off the site (also from a ``dont_filter`` request), a loop or too many
  hops ends the request with a named exception instead of a silent drop.
* :class:`EncodingFixMiddleware`: strips NUL bytes; re-decodes a Cyrillic page that Scrapy read
  with the wrong charset (windows-1251 without a charset, a wrong charset header or meta).
* :class:`ContentGuardMiddleware`: a 2xx answer to a page request that is not HTML (by its
  Content-Type, or a body of JSON, plain text, a file, binary data or an XML feed under ``text/html``),
  is empty or is a part of the page (206), and a bot protection's challenge (403, 429, 503), end as a
  named exception (so the spider's errback reports it once). An HTML document served under a type
  that names none (``application/octet-stream``, ``text/plain``) is read as the page.
  An HTML page that never ends (no ``</html>`` or ``</body>``: a ``Content-Length`` smaller than the
  page, which the client trusts) is data lost on the way: :class:`BackoffRetryMiddleware` retries
  it, then it ends as :class:`TruncatedHtml` (without retries, this middleware raises it).
  Once per crawl it also compares the local clock with the site's ``Date`` (one WARNING when far off).
* :class:`StrictHttpCompressionMiddleware` replaces Scrapy's ``HttpCompressionMiddleware``: a
  compressed body (gzip, deflate, br, zstd) whose stream ends early is a fault, not half a page:
  Scrapy's decoders hand on whatever a cut-off stream decoded to.
* :class:`CachePolicy` (``HTTPCACHE_POLICY``, used with ``HTTPCACHE_ENABLED``): Scrapy's ``DummyPolicy``
  (every answer cached, for re-parsing without re-fetching), except an answer to be asked for again:
  a status the retries are for (``RETRY_HTTP_CODES``) and a refusal (403).
* :class:`LogFormatter`: a dropped article is logged as one line (reason and URL), not the whole item.
* :class:`FailureReport` (extension): writes the failed URLs to ``INTERFAX_FAILED_FILE`` at the
  end of the run, and demotes Scrapy's own download warnings that the spider's errback reports
  anyway (too large, data loss) to DEBUG, so each fault is one line in the log.

:func:`describe_failure` turns any failure into ``(kind, message)``: the spider counts
``interfax/errors/<kind>`` and logs the message.
"""

from __future__ import annotations

import codecs
import email.utils
import json
import logging
import re
import time
import urllib.request
import zlib
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import scrapy.downloadermiddlewares.cookies
import scrapy.downloadermiddlewares.robotstxt
import scrapy.logformatter
from scrapy import signals
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.httpcache import DummyPolicy
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils._compression import _CHUNK_SIZE, _check_max_size, brotli, zstd
from scrapy.utils.asyncio import call_later, sleep
from scrapy.utils.gz import gunzip
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.response import get_meta_refresh
from tldextract import TLDExtract
from twisted.internet.defer import Deferred
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from interfax import urls
from interfax.pipelines import ArticleDropped
from interfax.proxy import bypasses_proxy

logger = logging.getLogger(__name__)

# Scrapy's cookie middleware asks tldextract whether a cookie's domain is a public suffix, and
# tldextract's default fetches the Public Suffix List from publicsuffix.org at the first Set-Cookie,
# inside the crawl, with no timeout: a request off the site, two WARNINGs on a machine without
# internet, a stalled crawl behind a firewall that drops packets, a cache in the user's home. The
# list tldextract bundles answers the same question, offline and without a cache.
scrapy.downloadermiddlewares.cookies._split_domain = TLDExtract(suffix_list_urls=(), cache_dir=None,
                                                                 include_psl_private_domains=True)

#: request meta key the spider sets on its own page requests (listing, article, amp)
KIND_META = "interfax_kind"


# ---------------------------------------------------------------- named faults


class PageFault(IgnoreRequest):
    """A request that ends without a page, for a reason named by ``kind`` (``interfax/errors/<kind>``)."""

    kind = "fault"


class OffsiteRedirect(PageFault):
    kind = "offsite_redirect"


class RedirectLoop(PageFault):
    kind = "redirect_loop"


class TooManyRedirects(PageFault):
    kind = "too_many_redirects"


class NotHtml(PageFault):
    kind = "not_html"


class EmptyBody(PageFault):
    """A 2xx page request answered with nothing (or only whitespace): a server or CDN hiccup, retried."""

    kind = "empty_body"

    def __init__(self, message: str = "empty body"):
        super().__init__(message)


class BadCompression(PageFault):
    kind = "bad_compression"


class PartialContent(PageFault):
    kind = "partial_content"


class TruncatedHtml(PageFault):
    """An HTML page that never ends (no ``</html>`` or ``</body>``): cut short on its way, e.g. by a
    ``Content-Length`` smaller than the page (the client keeps only that many bytes)."""

    kind = "truncated_html"

    def __init__(self, message: str = "HTML cut short: no </html> or </body> (a Content-Length smaller than the page?)"):
        super().__init__(message)


def ends_mid_document(body: bytes) -> bool:
    """Whether an HTML document never ends: it opens ``<html>`` or ``<body>`` but closes neither, and
    it is not a whole page that leaves those two end tags out (as HTML allows, and minifiers do): one
    whose body is open, ends with a tag's ``>``, and closes every container it opens (a page cut short
    on its way stops inside its containers, mostly mid-text or mid-tag). An end tag counts only as the
    document's end (``_ended_at_end_tag``). The tail is looked at first (cheap); the whole body only when
    the tail holds no end tag."""
    ended = _ended_at_end_tag(body[-4096:].lower())
    if ended:
        return False
    low = body.lower()
    if ended is None and _ended_at_end_tag(low) or (b"<html" not in low and b"<body" not in low):
        return False
    return not (b"<body" in low and low.rstrip().endswith(b">") and _containers_closed(low))


#: what may follow a document's end: scripts, styles, comments, its other end tag, whitespace
_AFTER_END_RE = re.compile(rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|</(?:body|html)\s*>|\s+", re.S)
#: tags with no text between them (a tracking pixel a server appends after ``</html>``)
_TAGS_ONLY_RE = re.compile(rb"(?:<[a-z/!][^<>]*>)*")


def _ended_at_end_tag(low: bytes) -> bool | None:
    """Whether the last ``</html`` or ``</body`` of the lower-cased ``low`` is the document's end: not inside
    a script's string (``document.write("</body></html>")`` in the head: the rest of a page follows it), and
    near the end (a server's junk after a whole page: 1 KB) or followed only by scripts, styles, comments and
    tags without text; None when there is none."""
    end = max(low.rfind(b"</html"), low.rfind(b"</body"))
    if end < 0:
        return None
    rest = _AFTER_END_RE.sub(b"", low[end:])
    if b"</script" in rest or b"</style" in rest:
        return False
    return len(low) - end <= _END_TAG_NEAR or _TAGS_ONLY_RE.fullmatch(rest) is not None


#: how close to the end of a page its end tag is taken as its end, whatever follows (before, the only test)
_END_TAG_NEAR = 1024


#: containers a page's content sits in: each opened and closed as often in a whole page
_CONTAINER_RES = [(re.compile(rb"<%s[\s>]" % tag), re.compile(rb"</%s\s*>" % tag)) for tag in (b"div", b"article", b"main", b"section")]


def _containers_closed(low: bytes) -> bool:
    return all(len(opened.findall(low)) == len(closed.findall(low)) for opened, closed in _CONTAINER_RES)


def is_empty(body: bytes) -> bool:
    """A body with nothing, or only whitespace, in it."""
    return not body or body.isspace()  # (strip() would copy every page)


def lost_on_the_way(request: Request, response: Response) -> type[PageFault] | None:
    """What a 2xx HTML answer to one of the spider's page requests lost on its way, as a fault a retry may
    mend: its whole body (``EmptyBody``), its end (``TruncatedHtml``); None when it is whole."""
    if KIND_META not in request.meta or not 200 <= response.status < 300 or not isinstance(response, HtmlResponse):
        return None
    if is_empty(response.body):
        return EmptyBody
    return TruncatedHtml if ends_mid_document(response.body) else None


def truncated_page(request: Request, response: Response) -> bool:
    """A 2xx HTML answer to one of the spider's page requests whose document never ends."""
    return lost_on_the_way(request, response) is TruncatedHtml


class BotChallenge(PageFault):
    kind = "bot_challenge"


_NAMED_KINDS = {
    # Scrapy 2.13+ download errors
    "DownloadTimeoutError": ("timeout", "no answer within the download timeout"),
    "ResponseDataLossError": ("data_loss", "connection closed before the whole body arrived"),
    "CannotResolveHostError": ("dns", "host name does not resolve"),
    "DownloadConnectionRefusedError": ("connection_refused", "connection refused"),
    "DownloadFailedError": ("connection_lost", "download failed"),
    # Twisted errors (older Scrapy, other handlers)
    "TimeoutError": ("timeout", "no answer within the download timeout"),
    "TCPTimedOutError": ("timeout", "TCP connection timed out"),
    "DNSLookupError": ("dns", "host name does not resolve"),
    "ConnectionRefusedError": ("connection_refused", "connection refused"),
    "ConnectError": ("connection_refused", "cannot connect"),
    "ConnectionLost": ("connection_lost", "connection lost"),
    "ConnectionDone": ("connection_lost", "connection closed"),
    "ResponseNeverReceived": ("connection_lost", "connection closed before an answer"),
    "ResponseFailed": ("data_loss", "connection closed before the whole body arrived"),
    "_DataLoss": ("data_loss", "connection closed before the whole body arrived"),
    "PotentialDataLoss": ("data_loss", "connection closed before the whole body arrived"),
    # content that does not decode
    "BadGzipFile": ("bad_compression", "body does not decode as its Content-Encoding says"),
    "EOFError": ("bad_compression", "compressed body ends early"),
}


def describe_failure(failure) -> tuple[str, str]:
    """``(kind, message)`` for a Twisted failure (or an exception) of a page request.

    ``kind`` names the stat ``interfax/errors/<kind>``; ``message`` is one short line for the log
    (no URL: the caller names it), ending with the number of retries when there were any.
    """
    exc = getattr(failure, "value", failure)
    request = getattr(failure, "request", None) or getattr(exc, "request", None)
    kind, message = _describe(exc, request)
    proxy = _proxy_name(request.meta.get("proxy") if request is not None else None)
    if proxy and kind in UNREACHABLE:  # (http_proxy / https_proxy): the connection was the proxy's
        message += f" at the proxy {proxy}"
    retries = request.meta.get("retry_times", 0) if request is not None else 0
    if retries:
        message += f", gave up after {retries} retr{'y' if retries == 1 else 'ies'}"
    return kind, message


#: failures of a request that never got an answer (the host, or the proxy, cannot be reached)
UNREACHABLE = frozenset({"dns", "connection_refused", "timeout", "connection_lost"})


def _proxy_name(proxy: str | None) -> str | None:
    """A proxy URL (a request's ``proxy`` meta, ``http_proxy``/``https_proxy``) without its credentials."""
    if not proxy:
        return None
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def _describe(exc: BaseException, request: Request | None) -> tuple[str, str]:
    from scrapy.spidermiddlewares.httperror import HttpError

    if isinstance(exc, HttpError):
        status = exc.response.status
        if status == 407:  # the proxy's answer, not the site's
            proxy = _proxy_name((request.meta if request is not None else {}).get("proxy"))
            return "http_407", (f"HTTP 407 from the proxy{' ' + proxy if proxy else ''}, not the site: it asks for a user "
                                "name and password (give them in the proxy URL, http_proxy=http://USER:PASSWORD@HOST:PORT)")
        return f"http_{status}", f"HTTP {status}"
    if isinstance(exc, PageFault):
        return exc.kind, str(exc)
    name = type(exc).__name__
    text = str(exc)
    if name == "DownloadCancelledError" or "download max size" in text or "DOWNLOAD_MAXSIZE" in text:
        if "max size" in text or "MAXSIZE" in text:
            limit = re.search(r"max size \((\d+)\)|DOWNLOAD_MAXSIZE \((\d+) B\)", text)
            limit = next((g for g in limit.groups() if g), None) if limit else None
            return "too_large", "body larger than DOWNLOAD_MAXSIZE" + (f" = {limit} bytes" if limit else "")
        limit = _CUT_FOR_SIZE.pop(request.url, None) if request is not None else None
        if limit is not None:  # cut off as it streamed in (no Content-Length)
            return "too_large", f"body larger than DOWNLOAD_MAXSIZE = {limit} bytes"
        return "cancelled", "download cancelled"
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in text:
            return "robots_disallowed", "robots.txt disallows it"
        if "offsite" in text.lower():
            return "offsite", text
        if "max redirections" in text:
            return "too_many_redirects", "too many redirects"
        return "ignored", text or "ignored"
    module = type(exc).__module__.lstrip("_")
    if isinstance(exc, zlib.error) or module in ("brotli", "zstandard", "zlib") or module.endswith(".zstd"):
        return "bad_compression", "body does not decode as its Content-Encoding says"
    if name in ("DownloadFailedError", "ResponseFailed"):
        found = _why_the_response_failed(exc)
        if found is not None:
            return found
    if name in _NAMED_KINDS:
        kind, message = _NAMED_KINDS[name]
        if kind == "timeout" and request is not None and request.meta.get("download_timeout"):
            message = f"no answer within {request.meta['download_timeout']:g} s"
        return kind, message
    return name.lower(), f"{name}: {text}"[:200]


def _why_the_response_failed(exc: BaseException) -> tuple[str, str] | None:
    """``(kind, message)`` of the first reason Twisted's ``ResponseFailed`` (Scrapy wraps it in a
    ``DownloadFailedError``) holds: an answer that is no valid HTTP (conflicting ``Content-Length``
    headers, a status line that does not parse: the server answered, wrongly; before, "download failed",
    counted and reported as a connection lost, and a robots.txt so as a host that "cannot be reached"),
    a TLS handshake that failed (``tls``: plain HTTP on an ``https://`` address, or a TLS version or
    cipher one side refuses; the host was reached), or how the connection ended; None when it names
    nothing known."""
    failed = exc if type(exc).__name__ == "ResponseFailed" else exc.__cause__
    for reason in getattr(failed, "reasons", None) or ():
        value = getattr(reason, "value", reason)
        name = type(value).__name__
        if name == "ParseError" or (isinstance(value, ValueError) and str(value).startswith("Invalid response")):
            args = value.args
            detail = args[0] if name == "ParseError" and args and isinstance(args[0], str) else str(value)
            detail = detail.removeprefix("Invalid response: ")[:120]
            return "bad_response", f"the answer is not valid HTTP: {detail}"
        if isinstance(value, ValueError) and "non-decimal digits" in str(value):  # Content-Length: abc, -5
            return "bad_response", f"the answer is not valid HTTP: a length that is no number ({str(value).rpartition(': ')[2][:40]})"
        if isinstance(value, KeyError):  # a Transfer-Encoding Twisted does not read (gzip, compress)
            coding = value.args[0].decode("latin-1") if value.args and isinstance(value.args[0], bytes) else str(value)
            return "bad_response", f"the answer is sent with Transfer-Encoding {coding!r}, which this client cannot read"
        if name == "Error" and type(value).__module__.startswith("OpenSSL"):
            reason = _openssl_reason(value)
            if "certificate verify failed" in reason:  # (DOWNLOAD_VERIFY_CERTIFICATES=True)
                return "tls", (f"TLS handshake failed: {reason}; the server's certificate is not valid for this host "
                               "(self-signed, expired or another host's; DOWNLOAD_VERIFY_CERTIFICATES)")
            return "tls", (f"TLS handshake failed: {reason}; the server does not speak HTTPS on "
                           "this port, or no TLS version or cipher suits both sides")
        if name in _NAMED_KINDS:
            return _NAMED_KINDS[name]
    return None


def _openssl_reason(error: BaseException) -> str:
    """The reasons of a pyOpenSSL ``Error`` (``[('SSL routines', '', 'wrong version number')]``), joined."""
    details = error.args[0] if error.args and isinstance(error.args[0], list) else []
    reasons = [str(d[-1]) for d in details if isinstance(d, tuple) and d and d[-1]]
    return "; ".join(reasons) or str(error)[:120] or "no reason given"


# ---------------------------------------------------------------- retries with backoff


def http_date(value: bytes | str | None) -> float | None:
    """The POSIX time of an HTTP date (a ``Date`` or ``Retry-After`` header), or None."""
    if not value:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


def _duration(seconds: float) -> str:
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= 2 * size:
            return f"{seconds / size:.0f} {unit}"
    return f"{seconds:.0f} s"


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date; None if absent or bad."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return float(value)
    when = http_date(value)
    if when is None:
        return None
    return max(0.0, when - (time.time() if now is None else now))


def _asked_wait(response: Response) -> float | None:
    """Seconds an answer's ``Retry-After`` asks for (None: none, or unreadable). An HTTP date is the
    site's clock: counted from the answer's own ``Date``, not from a local clock that may be off."""
    header = response.headers.get("Retry-After")
    return retry_after_seconds(header, now=http_date(response.headers.get("Date"))) if header else None


#: seconds between two looks, while a retry or the site is held, at whether the crawl stops
_STOP_POLL = 0.5
#: answers without a 429 after which the pace a 429 set is halved
_PACE_EASES_AFTER = 5


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting before each retry (Retry-After, else exponential backoff)."""

    def __init__(self, settings):
        super().__init__(settings)  # NotConfigured when RETRY_ENABLED is off
        self.retry_after_max = max(0.0, settings.getfloat("INTERFAX_RETRY_AFTER_MAX", 60.0))
        self.backoff_base = max(0.0, settings.getfloat("INTERFAX_RETRY_BACKOFF_BASE", 1.0))
        self.backoff_max = max(0.0, settings.getfloat("INTERFAX_RETRY_BACKOFF_MAX", 30.0))
        #: download slot -> until when (monotonic) it is held for a Retry-After
        self._held_until: dict[str, float] = {}
        #: download slot -> when (monotonic) a 429 last lowered its pace
        self._paced_at: dict[str, float] = {}
        #: download slot -> [the pace a 429 set, answers since without a 429, the slot's own delay and jitter]
        self._paced: dict[str, list] = {}

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status == 429:
            self._slow_down(request, response)
        elif self._paced:
            self._keep_pace(request)
        if response.status in (429, 503) and b"Retry-After" in response.headers:
            self._hold_site(request, response)
        lost = lost_on_the_way(request, response)
        if lost is not None and not request.meta.get("dont_retry", False):
            # data lost on the way (a connection closed mid-body, a CDN's empty answer): retried, then a named failure
            result = self._retry(request, lost.kind)
            if result is None:
                raise lost()
        else:
            result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result, response)
        return result

    def _hold_site(self, request: Request, response: Response) -> None:
        """A 429 or 503 with ``Retry-After`` asks the client, not one request, to wait: no request of
        that download slot (the site) starts before then (at most ``INTERFAX_RETRY_AFTER_MAX``);
        those already under way finish. ``interfax/retry/site_held`` counts the holds."""
        seconds = min(_asked_wait(response) or 0.0, self.retry_after_max)
        if seconds <= 0:
            return
        downloader = getattr(self.crawler.engine, "downloader", None)
        try:
            key, slot = self._slot(request)
            resume = downloader._latercall  # what the slot runs when its own download delay is over
        except AttributeError:  # another downloader: the retry itself still waits
            return
        until = time.monotonic() + seconds
        if slot is None or until <= self._held_until.get(key, 0.0):
            return  # held as long already
        self._held_until[key] = until
        if slot.latercall is not None:
            slot.latercall.cancel()
        # the slot starts nothing until the call: Scrapy's own way to hold a slot for its download delay
        self._hold(slot, until, resume)
        self.crawler.stats.inc_value("interfax/retry/site_held")
        logger.info("%s answered %d with Retry-After: no request to it starts for %.1f s", key, response.status, seconds)

    def _hold(self, slot, until: float, resume) -> None:
        """Hold ``slot`` until ``until`` (monotonic), looking every ``_STOP_POLL`` s whether the crawl stops: then
        the hold ends at once (a graceful stop waits for held requests; a Retry-After of 60 s made it take minutes)."""
        left = until - time.monotonic()
        if left <= 0 or self._stopping():
            resume(slot)
            return
        slot.latercall = call_later(min(left, _STOP_POLL), self._hold, slot, until, resume)

    def _stopping(self) -> bool:
        """Whether the crawl is stopping (a signal, or the spider closing for another reason)."""
        engine = self.crawler.engine
        closing = getattr(getattr(engine, "_slot", None), "closing", None)
        return engine is None or not getattr(engine, "running", True) or closing is not None

    def _slot(self, request: Request):
        """(key, slot or None) of the download slot ``request`` goes through (AttributeError: another downloader)."""
        downloader = getattr(self.crawler.engine, "downloader", None)
        key = downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def _slow_down(self, request: Request, response: Response) -> None:
        """A 429 asks for fewer requests, not only for this one again: the site's download slot waits twice as long
        between two requests (at least 1 s, at most ``INTERFAX_RETRY_BACKOFF_MAX``; a Retry-After holds the site
        besides), without jitter, and AutoThrottle does not lower it while the pace holds (:meth:`_keep_pace`).
        A 429 within one delay of the last slow-down answers a request sent at the old pace (a burst of them): it
        says nothing of the new one; nor does a retry's. ``interfax/retry/rate_limited`` counts the 429s, ``interfax/retry/pace_seconds``
        is the slowest pace reached; one WARNING the first time."""
        stats = self.crawler.stats
        stats.inc_value("interfax/retry/rate_limited")
        try:
            key, slot = self._slot(request)
        except AttributeError:
            return
        now = time.monotonic()
        if slot is None or request.meta.get("retry_times") or now - self._paced_at.get(key, -1e9) < slot.delay:
            # a retry (its first 429 set the pace already: one page that always answers 429 is not the site's
            # pace), or within one delay of the last slow-down: an answer to a request sent at the old pace
            return
        delay = min(self.backoff_max, max(2 * slot.delay, 1.0))
        if delay <= slot.delay:
            return
        paced = self._paced.setdefault(key, [delay, 0, slot.delay, slot.jitter])
        paced[:2] = delay, 0
        slot.delay, slot.jitter = delay, 0.0  # no jitter: Scrapy's (±50%) would send every other request sooner
        first = key not in self._paced_at
        self._paced_at[key] = now
        stats.max_value("interfax/retry/pace_seconds", delay)
        logger.log(logging.WARNING if first else logging.INFO,
                   "%s answered 429 (too many requests): rate limited, the crawl slows down to one request every %g s",
                   key, delay)

    def _keep_pace(self, request: Request) -> None:
        """The pace a 429 set holds (AutoThrottle lowers a slot's delay after fast answers); after
        ``_PACE_EASES_AFTER`` answers without a 429 it is halved, back to the slot's own delay in the end (so one
        page that answers 429 does not slow the rest of the crawl for good)."""
        try:
            key, slot = self._slot(request)
        except AttributeError:
            return
        paced = self._paced.get(key)
        if paced is None or slot is None:
            return
        paced[1] += 1
        if paced[1] >= _PACE_EASES_AFTER:
            paced[0], paced[1] = paced[0] / 2, 0
            if paced[0] < max(paced[2], 0.5):
                slot.delay, slot.jitter = paced[2], paced[3]
                del self._paced[key]
            else:
                slot.delay = paced[0]
            return
        slot.delay = max(slot.delay, paced[0])
        slot.jitter = 0.0

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(result, None)
        return result

    def delay(self, retry: Request, response: Response | None) -> tuple[float, str]:
        """Seconds to wait before ``retry`` and why ('retry_after', 'retry_after_capped' or 'backoff')."""
        asked = _asked_wait(response) if response is not None else None
        attempt = max(1, int(retry.meta.get("retry_times", 1)))
        backoff = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
        # (a Retry-After of 0 or a date already past asks for no wait: the backoff, as urllib3 does;
        # before, a busy site that kept saying so got every retry at once)
        if asked:
            if asked > self.retry_after_max:
                return self.retry_after_max, "retry_after_capped"
            # a 429 is about the pace: its retries back off too (each waiting only the Retry-After, they met
            # the limit again together until their retries ran out)
            if response.status != 429 or asked >= backoff:
                return asked, "retry_after"
        return backoff, "backoff"

    async def _wait(self, retry: Request, response: Response | None) -> None:
        seconds, why = self.delay(retry, response)
        stats = self.crawler.stats
        stats.inc_value(f"interfax/retry/{why}")
        if seconds <= 0:
            return
        stats.inc_value("interfax/retry/wait_seconds", round(seconds, 3))
        logger.debug("retry %d of %s in %.2f s (%s)", retry.meta.get("retry_times", 1), retry.url, seconds, why)
        until = time.monotonic() + seconds
        while (left := until - time.monotonic()) > 0:
            if self._stopping():  # let go at once: what it would have fetched is the next run's
                stats.inc_value("interfax/retry/let_go")
                return
            await sleep(min(left, _STOP_POLL))


# ---------------------------------------------------------------- redirects


def _host_allowed(url: str, allowed_domains) -> bool:
    """Scrapy's offsite rule: the host is an allowed domain or a subdomain of one (no list: any host)."""
    domains = [d for d in (allowed_domains or []) if d]
    if not domains:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in domains)


#: the port of a URL without one, by scheme
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _port(parts) -> int | None:
    try:
        return parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:  # a port that is not a number, or out of range
        return None


def _same_server(url: str, origin: str | None) -> bool:
    """False when ``url`` names the fetch origin's host with another port: another server on that host
    (``http://127.0.0.1:9999/`` from a mirror on ``127.0.0.1:8000``). Switching between http and
    https on their default ports is the same site."""
    if not origin:
        return True
    target, base = urlsplit(url), urlsplit(origin)
    if (target.hostname or "").lower() != (base.hostname or "").lower():
        return True  # a subdomain: Scrapy's offsite rule decides
    port, base_port = _port(target), _port(base)
    if port is None:
        return False
    return port == base_port or (port in (80, 443) and base_port in (80, 443))


class _SafeRedirectMixin:
    """Check every redirect Scrapy would follow: on the site, no loop, not too many hops."""

    def process_response(self, request: Request, response: Response) -> Request | Response:
        location = response.headers.get("Location")
        if location and b"\\" in location and 300 <= response.status < 400:
            # "\news\general\1.html": a browser reads a backslash in an http(s) URL as a slash (WHATWG URL)
            response.headers["Location"] = location.replace(b"\\", b"/")
        try:
            result = super().process_response(request, response)
        except ValueError as exc:  # Location names no web page (mailto:, tel:...): Scrapy cannot build the request
            location = (response.headers.get("Location") or b"").decode("latin-1", "replace").strip()
            self.crawler.stats.inc_value("interfax/redirects/offsite")
            raise OffsiteRedirect(f"redirects off the site to {location or exc}, not followed") from None
        except IgnoreRequest as exc:
            if "max redirections" in str(exc):
                self.crawler.stats.inc_value("interfax/redirects/too_many")
                hops = len(request.meta.get("redirect_urls", [])) + 1
                raise TooManyRedirects(f"gave up after {hops} redirects") from None
            raise
        return self._checked(request, result, response)

    def _checked(self, request: Request, result, response: Response):
        """``result`` of a redirect of ``request``, checked (``_check``) when it is a new request."""
        if isinstance(result, Request) and result is not request and result.meta.get("redirect_urls"):
            result = self._check(result, response)
            if KIND_META in result.meta and not result.dont_filter:
                # the target may be a page this crawl has fetched already (an article moved to a
                # listing, a pager page sent back to page 1): the callback must see it and say so,
                # not Scrapy's duplicate filter drop it without a word (loops are caught above)
                result = result.replace(dont_filter=True)
        return result

    def _check(self, redirected: Request, response: Response) -> Request:
        stats = self.crawler.stats
        chain = redirected.meta["redirect_urls"]
        if "@" in urlsplit(redirected.url).netloc:
            # a Location with a user and password in it: not followed (never sent on), and never shown
            # (before, the password reached the log and the stats, and the article was lost as robots-disallowed)
            stats.inc_value("interfax/redirects/offsite")
            raise OffsiteRedirect(f"redirects to {_without_credentials(redirected.url)} (a user and password in the "
                                  "URL), not followed")
        spider = self.crawler.spider
        # RFC 9309: a robots.txt redirect is followed even to another host, and what it leads to is
        # the first host's robots.txt (Scrapy's robots middleware keeps it for that host)
        robots = _robots_request(chain[0], redirected)
        mapped = None if robots else urls.onto_base(redirected.url, getattr(spider, "base_url", None) or "")
        if mapped:  # a mirror's redirect naming the live site: the mirror's page, as its links are (never the live site)
            stats.inc_value("interfax/redirects/onto_base")
            redirected = redirected.replace(url=mapped)
        if not robots and (
            not _host_allowed(redirected.url, getattr(spider, "allowed_domains", None))
            or not _same_server(redirected.url, getattr(spider, "base_url", None))
        ):
            stats.inc_value("interfax/redirects/offsite")
            raise OffsiteRedirect(f"redirects off the site to {redirected.url}, not followed")
        if redirected.url in chain and _cookie_check(redirected.url, chain, response):
            # a CDN's cookie check: the page sets a cookie and sends the client back to itself; with
            # the cookie (the cookie middleware adds it) the second visit is answered
            stats.inc_value("interfax/redirects/cookie_check")
        elif redirected.url in chain:
            stats.inc_value("interfax/redirects/loop")
            hops = " -> ".join((u if robots else urlsplit(u).path or "/") for u in [*chain, redirected.url])
            raise RedirectLoop(f"redirect loop {hops}")
        if robots:
            stats.inc_value("interfax/robots/redirected")
            logger.info("robots.txt %s redirects to %s: followed (RFC 9309)", chain[-1], redirected.url)
            return redirected.replace(meta={**redirected.meta, "allow_offsite": True})
        stats.inc_value("interfax/redirects/followed")
        return redirected


def _without_credentials(url: str) -> str:
    """``url`` with the ``user:password@`` of its authority shown as ``***@``."""
    parts = urlsplit(url)
    return parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]).geturl()


def _cookie_check(url: str, chain: list[str], response: Response) -> bool:
    """A redirect back to ``url`` that sets a cookie, the first time ``url`` comes back: a cookie check
    (``/a`` -> ``/a``, or ``/a`` -> ``/check`` -> ``/a``); a second return is a loop."""
    return b"Set-Cookie" in response.headers and chain.count(url) == 1


def _robots_request(first_url: str, request: Request) -> bool:
    """Whether ``request`` (a redirect of ``first_url``) is the robots middleware's own fetch of a robots.txt."""
    return bool(request.meta.get("dont_obey_robotstxt")) and urlsplit(first_url).path == "/robots.txt"


class SafeRedirectMiddleware(_SafeRedirectMixin, RedirectMiddleware):
    pass


#: bytes that hold Scrapy's 4096 characters of a page in any ASCII-compatible encoding (4 per
#: character at most in UTF-8, and a byte order mark)
_REFRESH_WINDOW = 4 * 4096 + 4


class SafeMetaRefreshMiddleware(_SafeRedirectMixin, MetaRefreshMiddleware):
    """Scrapy's meta refresh redirects, checked like the others; a page whose head cannot hold one
    is passed on at once.

    Scrapy reads the refresh from the first 4096 characters of every HTML page with w3lib's
    regular expressions (and the page's base URL with another), ~2% of a crawl's CPU. A
    ``<meta http-equiv="refresh">`` needs the word "refresh" there, in any case: one search of the
    bytes, lower-cased as ASCII, rules it out (in UTF-16 and UTF-32, where ASCII letters are not
    single bytes, Scrapy reads every page).
    """

    def process_response(self, request: Request, response: Response) -> Request | Response:
        header = response.headers.get("Refresh")
        if header and isinstance(response, HtmlResponse) and not request.meta.get("dont_redirect", False):
            followed = self._refresh_header(request, response, header)
            if followed is not None:
                return followed
        if (
            isinstance(response, HtmlResponse)
            and not response.encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32"))
            and b"refresh" not in response.body[:_REFRESH_WINDOW].lower()
        ):
            return response
        if isinstance(response, HtmlResponse) and not request.meta.get("dont_redirect", False):
            url = get_meta_refresh(response, ignore_tags=self._ignore_tags)[1]
            if url and url.split("#", 1)[0] in (response.url.split("#", 1)[0], request.url.split("#", 1)[0]):
                # a page that reloads itself (a news page refreshed every few minutes) is the page, not
                # a redirect: following it is a loop, and the page would be lost as one
                self.crawler.stats.inc_value("interfax/redirects/refresh_self")
                return response
        return super().process_response(request, response)


    def _refresh_header(self, request: Request, response: Response, header: bytes) -> Request | Response | None:
        """An HTTP ``Refresh: 0; url=/other`` header (a browser follows it as a meta refresh; Scrapy reads
        only the tag: the page it stands in front of was parsed, and an article dropped as an unknown
        layout): followed and checked as a meta refresh is; None when it names no other page soon enough."""
        m = _REFRESH_HEADER_RE.match(header.decode("latin-1", "replace"))
        if m is None or float(m["delay"]) >= self._maxdelay:
            return None
        url = urljoin(response.url, m["url"].strip().strip("'\""))
        if url.split("#", 1)[0] in (response.url.split("#", 1)[0], request.url.split("#", 1)[0]):
            self.crawler.stats.inc_value("interfax/redirects/refresh_self")
            return response
        redirected = self._redirect_request_using_get(request, response, url)
        if urlsplit(redirected.url).scheme not in ("http", "https"):
            return None
        return self._checked(request, self._redirect(redirected, request, "refresh header"), response)


#: an HTTP ``Refresh`` header: a delay, then the page to go to ("0; url=/news/general.html")
_REFRESH_HEADER_RE = re.compile(r"\s*(?P<delay>\d+(?:\.\d+)?)\s*[;,]\s*(?:url\s*=\s*)?(?P<url>\S.*?)\s*$", re.I)


# ---------------------------------------------------------------- encodings

_TAG_RE = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]*>", re.S | re.I)
_MIN_LETTERS = 20
_LATIN1_LETTER_RE = re.compile("[\u00c0-\u00ff]")


def _letters(text: str) -> tuple[int, int, int, int]:
    """(non-ASCII letters, Cyrillic letters, U+FFFD, all letters) in the visible text of an HTML string."""
    visible = _TAG_RE.sub(" ", text)
    non_ascii = cyrillic = letters = 0
    for ch in visible:
        if ch.isalpha():
            letters += 1
            if ord(ch) > 127:
                non_ascii += 1
                if "\u0400" <= ch <= "\u04ff":
                    cyrillic += 1
    return non_ascii, cyrillic, visible.count("\ufffd"), letters


def _looks_cyrillic(text: str) -> bool:
    non_ascii, cyrillic, bad, _ = _letters(text)
    return cyrillic >= _MIN_LETTERS and cyrillic >= 0.8 * non_ascii and bad <= max(2, cyrillic // 200)


def _looks_wrong(text: str) -> bool:
    """Decoded with the wrong charset: many U+FFFD, or Latin-1 letters where Cyrillic was meant."""
    if "\ufffd" not in text and len(_LATIN1_LETTER_RE.findall(text)) < _MIN_LETTERS:
        return False  # the common case, cheaply: Cyrillic read as Latin-1 is full of À-ÿ (Ð, Ñ, à...)
    non_ascii, cyrillic, bad, letters = _letters(text)
    if bad >= 5 and bad > cyrillic // 50:
        return True
    return non_ascii >= _MIN_LETTERS and non_ascii > 0.3 * letters and cyrillic < 0.2 * non_ascii


#: the single-byte Cyrillic charsets a page may be in and be labelled as another of (Scrapy's names)
_SINGLE_BYTE_CYRILLIC = ("cp1251", "koi8-u", "koi8-r")
_CYRILLIC_LOWER_RE = re.compile("[а-яёіїєґ]")
_CYRILLIC_UPPER_RE = re.compile("[А-ЯЁІЇЄҐ]")


def _case_score(text: str) -> int:
    """Lower-case Cyrillic letters less capitals in the visible text of an HTML string: high for text,
    negative for a windows-1251 / KOI8 mix-up, whose case pattern is inverted ("мНБХМЮ", "оПЕЛЭЕП")."""
    visible = _TAG_RE.sub(" ", text)
    return len(_CYRILLIC_LOWER_RE.findall(visible)) - len(_CYRILLIC_UPPER_RE.findall(visible))


def _other_single_byte(body: bytes, encoding: str, text: str) -> str | None:
    """The single-byte Cyrillic charset ``body`` is in when read as ``encoding``, another such charset,
    it is mojibake (``text``: capitals inside words, few lower-case letters) and that one reads it as
    text; else None. Every letter of either reading is Cyrillic, so no test for Latin-1 or U+FFFD sees it."""
    if _case_score(text) >= 0:
        return None
    scores = {candidate: _case_score(body.decode(candidate, "replace")) for candidate in _SINGLE_BYTE_CYRILLIC if candidate != encoding}
    best = max(scores, key=scores.get)
    return best if scores[best] >= _MIN_LETTERS else None


def _valid_utf8_without_replacements(body: bytes) -> bool:
    """``body`` decodes as UTF-8 and holds no U+FFFD: what ``response.text`` of a UTF-8 page would
    say, without building (and keeping) the page's text, which the parsers never read."""
    try:
        return "\ufffd" not in body.decode("utf-8")
    except UnicodeDecodeError:
        return False


_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")
#: a Cyrillic letter (and the rest of U+0400-U+04FF) in UTF-8
_UTF8_CYRILLIC_RE = re.compile(rb"[\xd0-\xd3][\x80-\xbf]")


def _cp1251_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """A decoding error handler: the bytes that are no UTF-8, read as windows-1251."""
    return error.object[error.start:error.end].decode("cp1251", "replace"), error.end


codecs.register_error("interfax-cp1251", _cp1251_fallback)


#: four windows-1251 letters (А-я) in a row: never UTF-8 (a lead byte is followed by 80-BF), as a stray
#: byte between UTF-8 letters is (at most three such bytes in a row: "Ка\xd0\xffінет")
_CP1251_WORD_RE = re.compile(rb"[\xc0-\xff]{4}")


def _mixed_utf8(body: bytes) -> str | None:
    """The text of a body that is mostly UTF-8 (UTF-8 Cyrillic letters hold half its non-ASCII bytes or
    more) but not all (invalid UTF-8 in places, a word of windows-1251 among them), its invalid bytes read
    as windows-1251; else None (valid UTF-8; a page in a single-byte charset whose bytes only here and
    there pair up as UTF-8; stray invalid bytes only, which read as windows-1251 invented letters:
    "Кабінет" with one bad byte was "КРяінет", a description cut mid-letter ended in "С")."""
    if not _mostly_utf8(body) or not _CP1251_WORD_RE.search(body):
        return None
    return body.decode("utf-8", "interfax-cp1251") if _invalid_utf8(body) else None


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 Cyrillic letters hold half the body's non-ASCII bytes or more."""
    high = len(_HIGH_BYTE_RE.findall(body))
    return bool(high) and 2 * len(_UTF8_CYRILLIC_RE.findall(body)) * 2 >= high


def _invalid_utf8(body: bytes) -> bool:
    """``body`` holds bytes that are no UTF-8 before its end (a body cut short mid-letter is the truncation
    check's to tell, once, not a stray byte)."""
    try:
        body.decode("utf-8")
        return False
    except UnicodeDecodeError as error:
        return error.end < len(body)


class EncodingFixMiddleware:
    """Re-decode Cyrillic pages read with the wrong charset; strip NUL bytes (``interfax/encoding/<kind>``)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, HtmlResponse) or not response.body:
            return response
        stats = self.crawler.stats
        encoding = (response.encoding or "").lower().replace("_", "-")
        if b"\x00" in response.body and not encoding.startswith(("utf-16", "utf-32")):
            response = response.replace(body=response.body.replace(b"\x00", b""))
            stats.inc_value("interfax/encoding/nul_stripped")
            logger.info("removed NUL bytes from %s", response.url)
        if encoding in ("utf-8", "utf8") and _valid_utf8_without_replacements(response.body):
            return response  # valid UTF-8 (no replacement characters) is what it says
        if encoding in ("utf-8", "utf8"):
            mixed = _mixed_utf8(response.body)
            if mixed is not None:
                # a UTF-8 page with windows-1251 parts (a legacy include, a pasted quote): read whole as
                # windows-1251, every UTF-8 letter became a pair ("Р’РЅР°СЃР»С–РґРѕРє") and the article was exported so
                stats.inc_value("interfax/encoding/mixed_cp1251")
                logger.info("%s is UTF-8 with windows-1251 parts: those parts read as windows-1251", self._live(response))
                return response.replace(body=mixed.encode("utf-8"), encoding="utf-8")
            if _invalid_utf8(response.body) and _mostly_utf8(response.body):
                # stray bytes that are no UTF-8 (a byte-based cut, a bad byte): left as U+FFFD, not guessed at
                stats.inc_value("interfax/encoding/invalid_utf8")
                logger.warning("%s holds bytes that are no UTF-8 (a text cut mid-letter?): read as U+FFFD", self._live(response))
        if encoding not in ("utf-8", "utf8") and not encoding.startswith(("utf-16", "utf-32")) and not response.body.isascii():
            # a UTF-8 page said to be windows-1251, KOI8-R ...: read so it is Cyrillic too, but every
            # letter a pair ("РЈРјС”СЂРѕРІ"), which no test for Latin-1 or U+FFFD sees. Text in a
            # single-byte Cyrillic charset is never valid UTF-8 (its letters are no UTF-8 sequences)
            try:
                fixed = response.body.decode("utf-8")
            except UnicodeDecodeError:
                fixed = None
            if fixed is not None and _looks_cyrillic(fixed):
                return self._redecoded(response, "utf-8", encoding)
        # said to be UTF-16/32, but markup in one byte a character (no NUL beside its ASCII): read as UTF-16, an
        # even-length page was CJK garbage that no test below sees, and was dropped as an unknown layout
        one_byte = encoding.startswith(("utf-16", "utf-32")) and b"\x00" not in response.body[:1024]
        if not one_byte:
            try:
                text = response.text
            except (LookupError, ValueError):
                text = response.body.decode("cp1252", "replace")
            if not _looks_wrong(text):
                # windows-1251 said to be KOI8-R, KOI8-U said to be windows-1251 ...: Cyrillic either way
                other = _other_single_byte(response.body, encoding, text) if encoding in _SINGLE_BYTE_CYRILLIC else None
                return response if other is None else self._redecoded(response, other, encoding)
        declared = self._declared(response)
        for candidate in ("utf-8", "cp1251"):
            if candidate == encoding:
                continue
            try:
                fixed = response.body.decode(candidate)
            except UnicodeDecodeError:
                continue
            if _looks_cyrillic(fixed):
                return self._redecoded(response, candidate, encoding, declared)
        stats.inc_value("interfax/encoding/undecodable")
        return response

    def _redecoded(self, response: Response, candidate: str, encoding: str, declared: str | None = None) -> Response:
        """``response`` read as ``candidate``: counted and said (INFO)."""
        stats = self.crawler.stats
        declared = declared or self._declared(response)
        kind = "wrong_charset" if declared else "undeclared_charset"
        stats.inc_value(f"interfax/encoding/{kind}")
        stats.inc_value(f"interfax/encoding/redecoded_{candidate.replace('-', '')}")
        logger.info("re-decoded %s as %s (declared: %s; read as %s)", self._live(response), candidate, declared or "none", encoding)
        return response.replace(encoding=candidate)

    def _live(self, response: Response) -> str:
        """The live site's URL of a response from the crawl's ``base_url`` (a mirror's), for the log."""
        base_url = getattr(self.crawler.spider, "base_url", None)
        return urls.live_url(response.url, base_url) if base_url else response.url

    @staticmethod
    def _declared(response: Response) -> str | None:
        header = response.headers.get("Content-Type")
        declared = http_content_type_encoding(header.decode("latin-1")) if header else None
        return declared or html_body_declared_encoding(response.body)


# ---------------------------------------------------------------- content checks


#: Content-Types a page may have (a missing one is judged by the body, as Scrapy does)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/xhtml"})

_LEADING_SPACE_RE = re.compile(rb"\s*+")
#: bytes after a body's leading whitespace that hold a tag in any page (``<!DOCTYPE``, ``<html``;
#: a PHP warning printed before the doctype ends in ``<br />``); none there: plain text
_MARKUP_WINDOW = 1024

#: statuses a bot protection answers with instead of the page (Cloudflare: 403, or 503 for its older
#: "I'm Under Attack" check); a 200 one (a CDN that cached the challenge) is found by the spider
CHALLENGE_STATUSES = frozenset({403, 429, 503})

#: what a bot-protection page holds (lower case), and whose it is
_CHALLENGE_MARKERS = (
    (b"_cf_chl_opt", "Cloudflare"),
    (b"/cdn-cgi/challenge-platform/", "Cloudflare"),
    (b"<title>just a moment...</title>", "Cloudflare"),
    (b"attention required! | cloudflare", "Cloudflare"),
    (b"cf-turnstile", "Cloudflare"),
    (b"ddos-guard", "DDoS-Guard"),
    (b"_incapsula_resource", "Imperva"),
    (b"incapsula incident id", "Imperva"),
    (b"sucuri website firewall", "Sucuri"),
    (b"errors.edgesuite.net", "Akamai"),
    (b"g-recaptcha", "a CAPTCHA"),
    (b"h-captcha", "a CAPTCHA"),
)


def bot_challenge(response: Response) -> str | None:
    """Whose bot protection answered instead of the page ("Cloudflare", "DDoS-Guard" ...: a
    challenge, a CAPTCHA or a block page), or None. Read only for answers that are no page already
    (an error status, a page without a date or a listing without items): it lowers the body."""
    if (response.headers.get("cf-mitigated") or b"").strip().lower() == b"challenge":
        return "Cloudflare"
    body = response.body[:65536].lower()
    return next((who for marker, who in _CHALLENGE_MARKERS if marker in body), None)


def challenge_message(who: str, status: int) -> str:
    return f"bot challenge by {who} (HTTP {status}): the site's bot protection answered, not the page"



#: answers whose ``Date`` the clock check reads at most, when the first is off (a CDN's cached page is older)
_CLOCK_SAMPLES = 3


#: the first bytes of files that are no page, and what they are
_FILE_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP, WAV ...)"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data that does not decode"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
)
#: control bytes that no text holds (tab, line ends, form feed, ESC and NUL, which the encoding
#: middleware strips, left out): more than a few near the start of a body mean binary data
_CONTROL_BYTES = bytes([*range(1, 9), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_BINARY_CONTROLS = 8
#: the root element of an XML document that is no page (an RSS or Atom feed, a sitemap, a SOAP fault ...)
_XML_ROOT_RE = re.compile(rb"<\?xml[^>]*>\s*(?:(?:<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>)\s*)*<([A-Za-z][\w:.-]*)", re.S)


def _check_markup(body: bytes, ctype: str, encoding: str = "") -> None:
    """Raise ``NotHtml`` for a body that is JSON or plain text (an API's or a proxy's error answer
    served as ``text/html``): it starts with ``{``/``[``, or holds no tag near its start; for a file
    (a PDF, an image: by its first bytes), binary data (control bytes) and an XML document other than
    XHTML (an RSS feed)."""
    start = _LEADING_SPACE_RE.match(body).end()
    if body.startswith((b"{", b"["), start):
        raise _not_html(ctype, "JSON")
    head = body[start:start + _MARKUP_WINDOW]
    magic = next((name for prefix, name in _FILE_MAGIC if head.startswith(prefix)), None)
    if magic:
        raise _not_html(ctype, magic)
    if not encoding.startswith(("utf-16", "utf-32")) and len(head) - len(head.translate(None, _CONTROL_BYTES)) > _BINARY_CONTROLS:
        raise _not_html(ctype, "binary data")
    if head.find(b"<") < 0:
        raise _not_html(ctype, "plain text")
    _check_xml(body, ctype, start)


def _not_html(ctype: str, body_is: str | None = None) -> NotHtml:
    """The ``NotHtml`` of an answer to a page request: its Content-Type, and what its body is instead."""
    message = f"not an HTML page: Content-Type {ctype or 'missing'}"
    return NotHtml(f"{message}, but the body is {body_is}" if body_is else message)


def _check_xml(body: bytes, ctype: str, start: int = 0) -> None:
    """Raise ``NotHtml`` for an XML document whose root is not ``html`` (an RSS or Atom feed, a sitemap)."""
    if body.startswith(b"<?xml", start):
        root = _XML_ROOT_RE.match(body, start, start + 4096)
        if root and root[1].lower() != b"html":
            raise _not_html(ctype, f"an XML <{root[1].decode('latin-1')}> document")


#: types a server sends for any file it has no type for (or for text): the body tells whether it is a page
_GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/unknown",
                            "application/x-unknown", "unknown/unknown", "text/plain"})
#: the start of an HTML document (after a byte order mark and whitespace)
_HTML_START_RE = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


class ContentGuardMiddleware:
    """A 2xx answer to one of the spider's page requests must be a non-empty HTML page, and all of it
    (a 206 answers a Range request, which the spider never makes).

    It also compares the local clock with the site's once, at the start of the crawl: the ``Date``
    header (plus ``Age``) of the first answers. A clock off by more than ``INTERFAX_CLOCK_SKEW_MAX``
    seconds gives one WARNING (the default ``since``, ``crawled_at`` and relative dates such as
    "Сьогодні, 11:59" follow the local clock); ``interfax/clock/skew_seconds`` is the site's time
    minus the local time.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        #: a page that never ends is retried by BackoffRetryMiddleware, after this one; without retries, it fails here
        self.truncated_here = not crawler.settings.getbool("RETRY_ENABLED")
        self.skew_max = crawler.settings.getfloat("INTERFAX_CLOCK_SKEW_MAX", 600.0)
        self._clock_pending = self.skew_max > 0
        self._clock_samples: list[float] = []

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if self._clock_pending:
            self._check_clock(response)
        if KIND_META not in request.meta:
            return response  # robots.txt and other helper requests: not ours to judge
        if not 200 <= response.status < 300:
            # a bot challenge is no passing fault: named (not "HTTP 503", not retried)
            if response.status in CHALLENGE_STATUSES:
                who = bot_challenge(response)
                if who:
                    raise BotChallenge(challenge_message(who, response.status))
            return response  # other errors: the retry middleware and the spider's errback
        ctype = (response.headers.get("Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
        # Scrapy picks the response class from the URL too (".html"): a declared type must be HTML itself
        if (ctype and ctype not in HTML_TYPES) or not isinstance(response, HtmlResponse):
            response = self._sniffed(response, ctype)
        body = response.body
        if is_empty(body):  # retried by BackoffRetryMiddleware, after this one; without retries, it fails here
            if self.truncated_here:
                raise EmptyBody()
            return response
        if body[0] != 0x3C:  # (a page starts with its markup, "<", nearly always)
            _check_markup(body, ctype, response.encoding.lower())
        elif body[1:2] == b"?":  # "<?xml": XHTML, or a feed
            _check_xml(body, ctype)
        if response.status == 206:  # never asked for (no Range header): a part of the page, cut anywhere
            raise PartialContent("HTTP 206 Partial Content: a part of the page, not the page")
        if self.truncated_here and truncated_page(request, response):
            raise TruncatedHtml()
        return response

    def _sniffed(self, response: Response, ctype: str) -> HtmlResponse:
        """A page served under a type that names no type (``application/octet-stream``, ``text/plain``:
        a server that lost its MIME table) whose body is an HTML document, as an HTML response; else
        ``NotHtml`` (a PDF, an image, JSON ... under their own types, or a generic one)."""
        if ctype not in _GENERIC_TYPES or not _HTML_START_RE.match(response.body, 0, 4096):
            raise _not_html(ctype)
        self.crawler.stats.inc_value("interfax/content/html_sniffed")
        logger.info("%s is an HTML page served as %s: read as HTML", response.url, ctype)
        if isinstance(response, HtmlResponse):
            return response
        return response.replace(cls=HtmlResponse, encoding=None) if hasattr(response, "encoding") else response.replace(cls=HtmlResponse)

    def _check_clock(self, response: Response) -> None:
        server = http_date(response.headers.get("Date"))
        if server is None or "cached" in response.flags:  # (HTTPCACHE_ENABLED: the Date of the day it was fetched)
            return
        try:
            age = max(0.0, float(response.headers.get("Age") or 0))
        except ValueError:
            age = 0.0
        # a cached answer's Date is older than the site's clock: the largest of a few samples is the closest
        self._clock_samples.append(server + age - time.time())
        skew = max(self._clock_samples)
        if abs(skew) > self.skew_max and len(self._clock_samples) < _CLOCK_SAMPLES:
            return
        self._clock_pending = False
        stats = self.crawler.stats
        stats.set_value("interfax/clock/skew_seconds", round(skew))
        if abs(skew) > self.skew_max:
            host = urlsplit(response.url).netloc
            logger.warning(
                "the local clock is %s %s the clock of %s (its Date header): crawled_at, the default since "
                "(2 days before today) and relative dates (\"Сьогодні, 11:59\") follow the local clock; set the clock right",
                _duration(abs(skew)), "behind" if skew > 0 else "ahead of", host,
            )


# ---------------------------------------------------------------- the HTTP cache


class CachePolicy(DummyPolicy):
    """``HTTPCACHE_ENABLED``: every answer is cached (Scrapy's ``DummyPolicy``: re-parsing without
    re-fetching), except one to be asked for again: a status the retries are for (``RETRY_HTTP_CODES``:
    5xx, 408, 429) and a refusal (403, a bot challenge) - as ``HTTPCACHE_IGNORE_HTTP_CODES`` too.

    Cached (Scrapy's default), a 503 came back from the cache for each of its retries and in every
    later run: the article was lost for good by a fault that had passed, and a ``robots.txt``
    answered 503 once meant that nothing of the site was fetched again."""

    def __init__(self, settings):
        super().__init__(settings)
        self.ignore_http_codes = sorted({*self.ignore_http_codes, 403, *(int(code) for code in settings.getlist("RETRY_HTTP_CODES"))})


# ---------------------------------------------------------------- compressed bodies


class StrictHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's ``HttpCompressionMiddleware``, but a compressed stream that ends early is a fault.

    Scrapy's decoders return what a truncated gzip, deflate, brotli or zstd stream decodes to (half a
    page, parsed as if whole: an article with half its text). Here such a body raises
    :class:`BadCompression` (``interfax/errors/bad_compression``). A gzip body is checked by its
    trailer (the length it names against the length decoded: no second decoding unless they
    differ); brotli and zstd are decoded as Scrapy does, checking the end of the stream; deflate
    (rare) is decoded a second time to see its end.
    """

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        response = super().process_response(request, self._declare_gzip(request, response))
        for _ in range(2):  # (a body compressed twice under one header: its inner layer is undeclared too)
            if not isinstance(response, Response) or not self._undeclared_gzip(request, response):
                break
            response = super().process_response(request, self._declare_gzip(request, response))
        return response

    def _declare_gzip(self, request: Request, response: Response) -> Response:
        """A gzip body that no Content-Encoding names (a server that sends its pre-compressed copy and
        forgets the header): given the header, so that it is decoded (the page, not its compressed
        bytes read as HTML)."""
        if self._undeclared_gzip(request, response):
            if self.stats:
                self.stats.inc_value("interfax/encoding/undeclared_gzip")
            logger.info("%s is gzip-compressed, but no Content-Encoding says so: decoded", request.url)
            response.headers["Content-Encoding"] = b"gzip"
        return response

    @staticmethod
    def _undeclared_gzip(request: Request, response: Response) -> bool:
        """A gzip body with no ``Content-Encoding`` in answer to a page request, or to a robots.txt
        (whose rules were otherwise dropped in silence: compressed bytes are no rules)."""
        return (response.body[:3] == b"\x1f\x8b\x08" and not response.headers.getlist("Content-Encoding")
                and (KIND_META in request.meta or urlsplit(request.url).path == "/robots.txt"))

    @staticmethod
    def _split_encodings(content_encoding: list[bytes]) -> tuple[list[bytes], list[bytes]]:
        """Scrapy's split of ``Content-Encoding`` into codings to undo and to keep, ``identity`` (no
        coding at all, RFC 9110) left out: Scrapy kept it as an unsupported coding, one WARNING per page."""
        codings = [b",".join(t for t in value.split(b",") if t.strip().lower() != b"identity") for value in content_encoding]
        return HttpCompressionMiddleware._split_encodings([c for c in codings if c.strip()])

    @staticmethod
    def _decode(body: bytes, encoding: bytes, max_size: int) -> bytes:
        if encoding in (b"gzip", b"x-gzip"):
            decoded = gunzip(body, max_size=max_size)
            fault = _gzip_fault(body, decoded)
            if fault is not None:
                raise fault
            return decoded
        if encoding == b"br":
            return _unbrotli_strict(body, max_size)
        if encoding == b"zstd":
            return _unzstd_strict(body, max_size)
        decoded = HttpCompressionMiddleware._decode(body, encoding, max_size)
        if encoding == b"deflate" and not _deflate_complete(body):
            raise _cut_off("deflate", body)
        return decoded


def _cut_off(encoding: str, body: bytes) -> BadCompression:
    return BadCompression(f"{encoding} body cut off: its compressed stream ends early, after {len(body)} bytes")


def _gzip_fault(body: bytes, decoded: bytes) -> BadCompression | None:
    """What is wrong with a gzip ``body`` that decoded to ``decoded``: a member cut off before its trailer,
    or one whose trailer's checksum or length is not what it decodes to (bytes changed on the way: Scrapy's
    decoder checks neither, and a changed letter, "Кіпер" for "Ліпер", was exported); None when whole."""
    if len(body) >= 18 and int.from_bytes(body[-4:], "little") == len(decoded) & 0xFFFFFFFF:
        # the trailer's length is what was decoded: a whole single-member stream, if its checksum matches
        if int.from_bytes(body[-8:-4], "little") == zlib.crc32(decoded):
            return None
    rest = body
    while rest[:2] == b"\x1f\x8b":  # several members (or a damaged one): decode each to its end
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            inflater.decompress(rest)
        except zlib.error as exc:
            if "incorrect data check" in str(exc):
                return BadCompression(f"gzip body damaged: its checksum does not match what it decodes to ({len(body)} bytes)")
            if "incorrect length check" in str(exc):
                return BadCompression(f"gzip body damaged: its length field does not match what it decodes to ({len(body)} bytes)")
            return _cut_off("gzip", body)
        if not inflater.eof:
            return _cut_off("gzip", body)
        rest = inflater.unused_data
    return None if rest is not body else _cut_off("gzip", body)


def _deflate_complete(body: bytes) -> bool:
    for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # zlib-wrapped, or raw deflate (as Scrapy reads it)
        inflater = zlib.decompressobj(wbits)
        try:
            inflater.decompress(body)
            inflater.flush()
        except zlib.error:
            continue
        return inflater.eof
    return False


def _unbrotli_strict(body: bytes, max_size: int) -> bytes:
    """Scrapy's ``_unbrotli``, raising when the stream is not finished."""
    decompressor = brotli.Decompressor()
    out = [decompressor.process(body, output_buffer_limit=_CHUNK_SIZE)]
    size = len(out[0])
    _check_max_size(size, max_size)
    while not decompressor.is_finished():
        chunk = decompressor.process(b"", output_buffer_limit=_CHUNK_SIZE)
        if not chunk:
            raise _cut_off("br", body)
        size += len(chunk)
        _check_max_size(size, max_size)
        out.append(chunk)
    return b"".join(out)


def _unzstd_strict(body: bytes, max_size: int) -> bytes:
    """Scrapy's ``_unzstd``, raising when the stream ends early (Scrapy keeps what it read)."""
    reader = zstd.ZstdFile(BytesIO(body))
    out = []
    size = 0
    while True:
        try:
            chunk = reader.read(_CHUNK_SIZE)
        except EOFError:
            raise _cut_off("zstd", body) from None
        if not chunk:
            return b"".join(out)
        size += len(chunk)
        _check_max_size(size, max_size)
        out.append(chunk)


# ---------------------------------------------------------------- cookies


class BoundedCookiesMiddleware(scrapy.downloadermiddlewares.cookies.CookiesMiddleware):
    """Scrapy's cookie middleware, but the ``Cookie`` header of a request stays within
    ``INTERFAX_COOKIE_HEADER_MAX`` bytes (0: no limit).

    News sites set a cookie per page read (a view counter, ``viewed_<id>``); sent back on every
    request, they pass a web server's header limit after a few dozen pages (nginx: 8 KB), and from
    then on every page answers HTTP 400 ("Request Header Or Cookie Too Large"): the rest of the crawl
    is lost. Over the limit, the newest cookies sent are forgotten, the first ones (a session, a CDN's
    check) are kept: ``interfax/cookies/evicted``, one WARNING per crawl. A cookie set by a redirect (a
    CDN's cookie check, met any time: its cookie expired, or first asked for once the header was full)
    is forgotten last: without it the check comes back and the page is lost as a redirect loop.
    """

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        middleware.max_header = max(0, crawler.settings.getint("INTERFAX_COOKIE_HEADER_MAX", 4096))
        middleware._warned = False
        #: names of the cookies redirects set (cookie checks): forgotten last
        middleware._checks: set[str] = set()
        return middleware

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        if self.max_header and 300 <= response.status < 400 and b"Set-Cookie" in response.headers:
            for raw in response.headers.getlist("Set-Cookie"):
                self._checks.add(raw.split(b"=", 1)[0].strip().decode("latin-1"))
        return super().process_response(request, response)

    def process_request(self, request: Request, spider=None):
        result = super().process_request(request)
        header = request.headers.get("Cookie")
        if header is not None and self.max_header and len(header) > self.max_header:
            self._bound(request, self.jars[request.meta.get("cookiejar")], len(header))
        return result

    def _bound(self, request: Request, jar, size: int) -> None:
        """Forget the newest of the cookies ``request`` carries until its header fits, and set it again."""
        sent = {part.split("=", 1)[0].strip() for part in request.headers["Cookie"].decode("latin-1").split(";")}
        # (http.cookiejar keeps domain -> path -> name -> cookie in dicts, in the order first set)
        carried = [cookie for paths in jar.jar._cookies.values() for names in paths.values()
                   for cookie in names.values() if cookie.name in sent]
        carried.sort(key=lambda cookie: cookie.name not in self._checks)  # (stable: a check's cookies go last)
        evicted = 0
        while carried and size > self.max_header:
            cookie = carried.pop()
            size -= len(cookie.name) + len(cookie.value or "") + 3  # "name=value; "
            jar.jar.clear(cookie.domain, cookie.path, cookie.name)
            evicted += 1
        request.headers.pop("Cookie", None)
        jar.add_cookie_header(request)
        self.crawler.stats.inc_value("interfax/cookies/evicted", evicted)
        if not self._warned:
            self._warned = True
            logger.warning(
                "the site sets more cookies than a request can carry (a Cookie header over INTERFAX_COOKIE_HEADER_MAX = "
                "%d bytes, which its servers may answer with HTTP 400): the newest are forgotten, %d now (%s)",
                self.max_header, evicted, urlparse_cached(request).hostname,
            )


# ---------------------------------------------------------------- robots.txt


#: the largest robots.txt read (bytes): past DOWNLOAD_MAXSIZE too
ROBOTS_MAXSIZE = 64 * 1024 * 1024
#: what a robots.txt that cannot be read means (RFC 9309, 2.3.1.3-4: an unreachable one disallows everything)
_DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class RobotsTxtMiddleware(scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, but a robots.txt answered with a 5xx (after its retries) or
    not answered at all means "crawl nothing of this host now", as RFC 9309 says - not "crawl
    everything". So does a 429 (too many requests, after its retries): the site asks for less, not
    for everything. One WARNING per host, ``interfax/robots/unavailable``; the articles it holds back are
    skipped (``robots_disallowed``) and found again by the next run. Any other 4xx robots.txt allows all."""

    async def robot_parser(self, request: Request):
        """The host's parser, also for a request that waited for robots.txt with others: Scrapy awaits
        one shared Deferred per host through ``asFuture``, whose callback passes on None, so only the
        first waiter got the rules and every other request of the crawl's first burst went out as if
        robots.txt allowed everything. The parser is stored before that Deferred fires: read it there."""
        parser = await super().robot_parser(request)
        if parser is None:
            stored = self._parsers.get(urlparse_cached(request).netloc)
            if stored is not None and not isinstance(stored, Deferred):
                return stored
        return parser

    async def process_request(self, request: Request, spider=None) -> None:
        if request.meta.get("dont_obey_robotstxt") and urlsplit(request.url).path == "/robots.txt":
            # a robots.txt past DOWNLOAD_MAXSIZE (a generated one of megabytes) is still read: cancelled, it
            # was "unavailable" and the whole crawl stopped (RFC 9309 asks to read at least 500 KiB of it)
            request.meta.setdefault("download_maxsize", max(self.crawler.settings.getint("DOWNLOAD_MAXSIZE"), ROBOTS_MAXSIZE))
        return await super().process_request(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500 or response.status == 429:  # 429: the site asks us to wait (as Google reads it)
            self._unavailable(netloc, f"HTTP {response.status}")
            response = response.replace(body=_DISALLOW_ALL)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, (RedirectLoop, TooManyRedirects, OffsiteRedirect)):
            # a redirect that leads nowhere: as if there were no robots.txt (RFC 9309 lets a crawler
            # assume so after five redirects), but said once
            self.crawler.stats.inc_value("interfax/robots/redirect_failed")
            logger.warning("robots.txt of %s: %s; crawled as if the site had no robots.txt", netloc, exc)
            super()._robots_error(exc, netloc)
            return
        if isinstance(exc, IgnoreRequest) and not isinstance(exc, BadCompression):  # (ignored: nothing was asked)
            super()._robots_error(exc, netloc)
            return
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        kind, why = describe_failure(exc)
        unreachable = None
        if kind in UNREACHABLE:  # (the robots.txt request itself is not at hand: the proxy the environment names)
            proxy = self._env_proxy(netloc)
            why, unreachable = (f"{why} at the proxy {proxy}", f"the proxy {proxy}") if proxy else (why, netloc)
        self._unavailable(netloc, why, unreachable)
        # the requests waiting for this robots.txt get the disallowing parser too (Scrapy's gives them None: allowed)
        parser = build_from_crawler(self._parserimpl, self.crawler, _DISALLOW_ALL)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        waiting.callback(parser)

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        # Scrapy logs a robots.txt that cannot be fetched as an ERROR with a traceback, naming the page
        # that asked for it; the WARNING of _unavailable says it once, naming robots.txt
        demote_while_crawling(crawler, scrapy.downloadermiddlewares.robotstxt.__name__, ("Error downloading",), logging.ERROR)
        return middleware

    def _env_proxy(self, netloc: str) -> str | None:
        """The proxy ``HttpProxyMiddleware`` sends requests to ``netloc`` through (``http_proxy``,
        ``https_proxy``, ``no_proxy``), without credentials; None: none."""
        if not self.crawler.settings.getbool("HTTPPROXY_ENABLED", True):
            return None
        scheme = urlsplit(getattr(self.crawler.spider, "base_url", "") or "https://x").scheme or "https"
        proxy = urllib.request.getproxies().get(scheme)
        parts = urlsplit(f"//{netloc}")
        if not proxy or bypasses_proxy(parts.hostname or netloc, parts.port, scheme):
            return None
        return _proxy_name(proxy)

    def _unavailable(self, netloc: str, why: str, unreachable: str | None = None) -> None:
        stats = self.crawler.stats
        stats.inc_value("interfax/robots/unavailable")
        what = f"robots.txt of {netloc} could not be read ({why})"
        if unreachable:  # no answer at all: the site, the proxy or this machine's network is down, not its robots.txt
            what += f": {unreachable} cannot be reached"
            stats.inc_value("interfax/robots/unreachable")
        # the end-of-run report names it (not "robots.txt disallowed N requests")
        stats.set_value("interfax/robots/unavailable_why", what)
        logger.warning("%s: nothing is fetched from it in this run (RFC 9309)", what)


# ---------------------------------------------------------------- end of run


class LogFormatter(scrapy.logformatter.LogFormatter):
    """Scrapy's log formatter, but a dropped article is one line (reason and URL), not the whole item.

    Below ``LOG_LEVEL`` the per-response "Crawled" and per-item "Scraped from" DEBUG lines are not
    made at all (Scrapy's handler would discard them; building each record costs ~15 µs).
    """

    def __init__(self, debug: bool = True):
        self.debug = debug

    @classmethod
    def from_crawler(cls, crawler):
        level = crawler.settings.get("LOG_LEVEL") or "DEBUG"
        level = logging.getLevelName(level.upper()) if isinstance(level, str) else int(level)
        enabled = crawler.settings.getbool("LOG_ENABLED", True)
        return cls(debug=not enabled or not isinstance(level, int) or level <= logging.DEBUG)

    def crawled(self, request, response, spider):
        return super().crawled(request, response, spider) if self.debug else None

    def scraped(self, item, response, spider):
        return super().scraped(item, response, spider) if self.debug else None

    def dropped(self, item, exception, response, spider):
        result = super().dropped(item, exception, response, spider)
        if isinstance(exception, ArticleDropped):
            result["msg"] = "Dropped (%(reason)s): %(exception)s"
            result["args"] = {"reason": exception.reason, "exception": exception}
        return result


class _DemoteToDebug(logging.Filter):
    """Turn a duplicate WARNING into a DEBUG record (the spider's errback reports the fault)."""

    def __init__(self, needles: tuple[str, ...], level: int = logging.WARNING):
        super().__init__()
        self.needles = needles
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == self.level:
            message = record.getMessage()
            if any(n in message for n in self.needles):
                # handlers at INFO and above now skip it; a DEBUG log still shows it
                record.levelno, record.levelname = logging.DEBUG, "DEBUG"
                _remember_cut_for_size(message)
        return True


#: URLs whose body Scrapy cut off at DOWNLOAD_MAXSIZE as it streamed in (no Content-Length): their
#: failure is a bare "cancelled", and only the handler's warning says why
_CUT_FOR_SIZE: dict[str, int] = {}
_CUT_MESSAGE_RE = re.compile(r"Received \d+ bytes which is larger than download max size \((\d+)\) in request <\w+ (\S+)>")


def _remember_cut_for_size(message: str) -> None:
    m = _CUT_MESSAGE_RE.search(message)
    if m:
        if len(_CUT_FOR_SIZE) > 1000:
            _CUT_FOR_SIZE.clear()
        _CUT_FOR_SIZE[m[2]] = int(m[1])


def demote_while_crawling(crawler, name: str, needles: tuple[str, ...], level: int = logging.WARNING) -> None:
    """Until the spider closes, records of logger ``name`` at ``level`` that hold one of ``needles``
    are DEBUG: a fault that this project reports once in its own words."""
    log = logging.getLogger(name)
    demote = _DemoteToDebug(needles, level)
    log.addFilter(demote)
    crawler.signals.connect(lambda: log.removeFilter(demote), signal=signals.spider_closed, weak=False)


#: Scrapy loggers whose per-request fault warnings duplicate the spider's one line
_DUPLICATE_WARNINGS = {
    "scrapy.core.downloader.handlers.http11": ("larger than download max size", "Got data loss in"),
    "scrapy.core.downloader.handlers.http2": ("larger than download max size", "Got data loss in"),
    "scrapy.core.downloader.handlers._base_http": ("larger than download max size", "Got data loss in"),
    "scrapy.core.downloader.handlers._base_streaming": ("larger than download max size", "Got data loss in"),
    "scrapy.core.downloader.handlers._httpx": ("larger than download max size", "Got data loss in"),
    "scrapy.core.downloader.handlers._aiohttp": ("larger than download max size", "Got data loss in"),
    "scrapy.downloadermiddlewares.httpcompression": ("exceeded DOWNLOAD_MAXSIZE",),
}


class FailureReport:
    """Failed URLs to a file at the end of the run; one log line per download fault.

    ``INTERFAX_FAILED_FILE`` (default empty: no file): a path, ``%(name)s`` and ``%(time)s`` filled
    in as in feed URIs; one JSON line ``{"url", "reason"}`` per article that failed for good. The
    file is written at every run end while the setting is set (empty when nothing failed); a fixed
    name is removed when the spider opens, so a killed run leaves no earlier run's list.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.path_template = crawler.settings.get("INTERFAX_FAILED_FILE") or ""
        self.started = datetime.now(timezone.utc).replace(microsecond=0)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider):
        for name, needles in _DUPLICATE_WARNINGS.items():
            demote_while_crawling(self.crawler, name, needles)
        if self.path_template and "%(" not in self.path_template:
            # a fixed name: the previous run's list goes, so a run killed before its end (SIGKILL, the
            # OOM killer) leaves no file rather than a list that is not its own
            try:
                Path(self.failed_path(spider)).unlink(missing_ok=True)
            except OSError as exc:
                logger.error("cannot remove the previous run's failed URLs %s: %s", self.failed_path(spider), exc)

    def spider_closed(self, spider, reason):
        if not self.path_template:
            return
        path = Path(self.failed_path(spider))
        failed = getattr(spider, "failed", {}) or {}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8") as fh:
                for url, why in sorted(failed.items()):
                    fh.write(json.dumps({"url": url, "reason": why}, ensure_ascii=False) + "\n")
        except OSError as exc:
            logger.error("cannot write the failed URLs to %s: %s", path, exc)
            return
        logger.info("%d failed URL(s) written to %s", len(failed), path)

    def failed_path(self, spider) -> str:
        return self.path_template % {
            "name": spider.name,
            "time": self.started.isoformat().replace("+00:00", "").replace(":", "-"),
        }
