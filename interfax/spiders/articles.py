"""The ``articles`` spider: navigation only.

Section listings (with pagination) -> every listed article -> each article's "ЩЕ ЗА ТЕМОЮ"
links, transitively up to ``related_depth``, within the ``since``/``until`` window. When a
desktop page's related block holds no links, they come from its AMP twin. What a field is lives
in ``interfax.pages``; whether to keep an item in ``interfax.pipelines``.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider, UsageError
from scrapy.http import HtmlResponse

from interfax import dates, urls
from interfax.items import Article
from interfax.middlewares import KIND_META, bot_challenge, challenge_message, describe_failure, http_date
from interfax.pages.amp import AmpArticlePage
from interfax.pages.article import ArticlePage
from interfax.pages.base import Link
from interfax.pages.listing import ListingPage
from interfax.pipelines import MissingFields, StandInText
from interfax.state import GONE_KINDS, IncrementalState, Known, is_gone
from interfax.stats import incrementer

logger = logging.getLogger(__name__)

#: default look-back of ``since``: a daily run sees yesterday and today, with a day to spare
DEFAULT_SINCE_DAYS = 2
DEFAULT_MAX_PAGES = 50
DEFAULT_RELATED_DEPTH = 2
#: a first listing page of this many articles with no next-page link is said (``interfax/listing/no_next_page``):
#: the site lists 20 a page, a section with fewer articles shows fewer
FULL_LISTING_PAGE = 20

# scheduling: the articles met so far (listed ones, then related hops, shallow before deep) before
# the next listing page: a listing's next page waits until what its earlier pages listed is sent, so
# a backfill (``since=2025-01-01``: thousands of listing pages) exports from its first minute, and
# holds about one page of requests per section in memory, not every article of every page it paged
PRIORITY_ARTICLE = 50
PRIORITY_LISTING = -(10 ** 9)  # (below any related depth)

_UNSET = object()

#: failures that say the site refuses the crawler (``INTERFAX_BLOCKED_AFTER`` in a row stop it)
_REFUSALS = frozenset({"http_403", "http_429", "bot_challenge", "access_denied"})
#: a listing page lost to one of these ends its section's paging: the pager pointed past the last page,
#: or the page is not one to read; lost to anything else (a 5xx, a timeout, a maintenance page ...) the
#: next page is asked for (``INTERFAX_LISTING_SKIP_FAILED``)
_PAGING_ENDS = GONE_KINDS | {"robots_disallowed", "offsite", "offsite_redirect"}

#: a listed time with a year is absolute ("21:32 11.04.2025"); "сьогодні, 10:15" is not
_YEAR_RE = re.compile(r"\d{4}")
_CLOCK_ONLY_RE = re.compile(r"\s*\d{1,2}:\d{2}\s*")


class SiteRequest(scrapy.Request):
    """A request of a URL the spider built (an origin and a site path): Scrapy's URL escaping
    (w3lib's ``safe_url_string``) is skipped where it would return the URL unchanged (``urls.is_safe_url``)."""

    __slots__ = ()

    def _set_url(self, url: str) -> None:
        if isinstance(url, str) and urls.is_safe_url(url):
            self._url = url
        else:
            super()._set_url(url)


@dataclass(frozen=True)
class CrawlArgs:
    """The spider's arguments, validated before any request is sent."""

    base_url: str = urls.LIVE_ORIGIN
    sections: tuple[str, ...] = urls.DEFAULT_SECTIONS
    since: date | None = None
    until: date | None = None
    #: listing pages per section at most; None: no limit (``since`` given and ``max_pages`` not: paging stops at ``since``)
    max_pages: int | None = DEFAULT_MAX_PAGES
    related_depth: int = DEFAULT_RELATED_DEPTH
    refresh: bool = False
    #: ``since`` given by the user (else the default: 2 days back, further back with a state store, see ``start``)
    since_given: bool = False

    def past_max_pages(self, page: int) -> bool:
        """Whether listing page ``page`` is the last that ``max_pages`` lets a section's paging reach (or beyond)."""
        return self.max_pages is not None and page >= self.max_pages

    @property
    def max_pages_text(self) -> str:
        return str(self.max_pages) if self.max_pages is not None else "none"

    def window(self, day: date) -> str | None:
        """'older' / 'newer' for a Kyiv date outside ``since``..``until``, else None."""
        if self.since and day < self.since:
            return "older"
        if self.until and day > self.until:
            return "newer"
        return None

    @classmethod
    def parse(cls, today: date | None = None, **kwargs) -> CrawlArgs:
        """Validate ``-a`` arguments; UsageError naming the argument on a bad value."""
        today = today or datetime.now(dates.KYIV).date()
        known = {"base_url", "sections", "since", "until", "max_pages", "related_depth", "refresh"}
        unknown = sorted(k for k in kwargs if k not in known and not k.startswith("_"))
        if unknown:
            raise UsageError(f"unknown argument {unknown[0]!r} (known: {', '.join(sorted(known))})", print_help=False)
        for name in ("base_url", "until", "max_pages", "related_depth", "refresh"):
            if kwargs.get(name) is not None and not str(kwargs[name]).strip():
                # an unset shell variable, most likely: base_url= was the live site instead of the mirror meant
                raise UsageError(f"invalid argument {name}={kwargs[name]!r}: empty (leave the argument out for its "
                                 "default)", print_help=False)
        try:
            base_url = urls.normalize_origin(str(kwargs.get("base_url") or urls.LIVE_ORIGIN))
        except ValueError as exc:
            raise UsageError(f"invalid argument base_url: {exc}", print_help=False) from None
        sections = _sections(kwargs.get("sections"))
        if kwargs.get("since") is not None and not str(kwargs["since"]).strip():
            # an unset shell variable, most likely: not "no lower bound" (a crawl of everything)
            raise UsageError(f"invalid argument since={kwargs['since']!r}: expected a date YYYY-MM-DD (leave the "
                             f"argument out for the last {DEFAULT_SINCE_DAYS} days, since=2000-01-01 for everything)",
                             print_help=False)
        since = _date_arg("since", kwargs.get("since")) or today - timedelta(days=DEFAULT_SINCE_DAYS)
        until = _date_arg("until", kwargs.get("until"))
        if since and until and since > until:
            raise UsageError(f"invalid argument since={since}: later than until={until}", print_help=False)
        if since > today:  # (a mistyped year, most likely: the run would list nothing and fail its checks)
            raise UsageError(f"invalid argument since={since}: after today ({today} in Kyiv): no article can be "
                             "in the window", print_help=False)
        return cls(
            base_url=base_url,
            sections=sections,
            since=since,
            until=until,
            # a window the user gave (since=2025-11-01) is paged down to its start: a cap of 50 pages would
            # end the "latest" listing (~300 articles a day) three days back, in silence
            max_pages=_int_arg("max_pages", kwargs.get("max_pages"),
                               None if kwargs.get("since") is not None else DEFAULT_MAX_PAGES, minimum=1),
            related_depth=_int_arg("related_depth", kwargs.get("related_depth"), DEFAULT_RELATED_DEPTH, minimum=0),
            refresh=_bool_arg("refresh", kwargs.get("refresh")),
            since_given=kwargs.get("since") is not None,
        )


def _sections(value) -> tuple[str, ...]:
    """The listing slugs of ``-a sections=``; not given: the default list. An empty value
    (``sections=``, ``sections=,,``: an unset shell variable, most likely) is an error, not the default."""
    if value is None:
        return urls.DEFAULT_SECTIONS
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    out = []
    for raw in items:
        slug = raw.strip().lower()
        if not slug:
            continue
        if not urls.SECTION_RE.match(slug):
            raise UsageError(f"invalid argument sections: {raw.strip()!r} is not a section slug (e.g. general,political)", print_help=False)
        if slug not in urls.KNOWN_SECTIONS:
            close = difflib.get_close_matches(slug, urls.KNOWN_SECTIONS, n=1, cutoff=0.8)
            if close:  # a typo: a scheduled run would miss the section for good while reporting OK
                raise UsageError(f"invalid argument sections: {raw.strip()!r} is no section of the site: did you mean "
                                 f"{close[0]!r}? (known: {','.join(urls.KNOWN_SECTIONS)})", print_help=False)
            logger.warning("sections: %r is not among the sections the site is known to have (%s): crawled as asked",
                           slug, ",".join(urls.KNOWN_SECTIONS))
        if slug not in out:
            out.append(slug)
    if not out:
        raise UsageError(f"invalid argument sections={value!r}: no section named (e.g. general,political; "
                         "leave the argument out for the default list)", print_help=False)
    return tuple(out)


def _date_arg(name: str, value) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UsageError(f"invalid argument {name}={value!r}: expected a date YYYY-MM-DD", print_help=False) from None


def _int_arg(name: str, value, default: int | None, minimum: int) -> int | None:
    if value is None or value == "":
        return default
    text = str(value).strip()
    try:
        if not text.isascii():  # int() reads other scripts' digits too ("١٢")
            raise ValueError(text)
        number = int(text)
    except ValueError:
        raise UsageError(f"invalid argument {name}={value!r}: expected a whole number", print_help=False) from None
    if number < minimum:
        raise UsageError(f"invalid argument {name}={value!r}: must be at least {minimum}", print_help=False)
    return number


def _bool_arg(name: str, value) -> bool:
    if value is None or value == "":
        return False
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise UsageError(f"invalid argument {name}={value!r}: expected 1 or 0", print_help=False)


def _fetched_at(response) -> str:
    """When the page was fetched (``crawled_at``, UTC): now; for an answer read from the HTTP cache
    (``HTTPCACHE_ENABLED``), the ``Date`` it was stored with. Before, a page re-parsed from the cache days
    later said it was crawled then: its relative dates ("Сьогодні, 11:59") were read on the wrong day, and
    ``scrapy dataset`` (the latest ``crawled_at`` wins) took it over a later crawl of the article."""
    if "cached" in response.flags:
        fetched = http_date(response.headers.get("Date"))
        if fetched is not None:
            return datetime.fromtimestamp(fetched, timezone.utc).isoformat(timespec="seconds")
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ArticlesSpider(scrapy.Spider):
    name = "articles"

    def __init__(self, *args, **kwargs):
        spider_kwargs = {k: kwargs.pop(k) for k in list(kwargs) if k in ("name", "start_urls")}
        self.args = CrawlArgs.parse(**kwargs)
        super().__init__(*args, **spider_kwargs)
        self.base_url = self.args.base_url
        #: only the origin we fetch from: redirects off the site are never followed
        self.allowed_domains = [urlsplit(self.base_url).hostname]
        #: URLs (live form) that failed for good, with the reason: a later run can retry them
        self.failed: dict[str, str] = {}
        #: article id -> the fewest related hops it was reached by in this crawl (listed: 0). A second
        #: request is never built (Scrapy's dupefilter would drop it): related links meet the same
        #: articles again and again. When an article is reached by fewer hops later (a listing after
        #: a related link), its related links are followed from the new depth (``_reached_closer``).
        self._depth: dict[int, int] = {}
        #: article id -> what the state store knows of it (see ``_known``)
        self._known_ids: dict[int, Known | None] = {}
        #: listed time as shown -> its Kyiv date (absolute forms only)
        self._days: dict[str, date] = {}
        #: section -> ids listed on its pages so far (a page listing none but those ends the paging)
        self._listed: dict[str, set[int]] = {}
        #: related links of articles parsed at depth > 0, kept in case they are reached closer later
        self._related_links: dict[int, tuple[Link, ...]] = {}
        #: page requests in a row refused (HTTP 403 or a bot challenge); ``block_after`` of them stop the crawl
        self._refused_in_a_row = 0
        self.block_after = 0
        #: section -> its listing pages lost in a row to a fault; ``skip_failed`` of them end its paging
        self._lost_in_a_row: dict[str, int] = {}
        #: sections whose listing showed no times (said once each)
        self._undated_sections: set[str] = set()
        self._guessed_containers: set[str] = set()  # body containers of unknown designs, said once each
        self.skip_failed = 0
        #: with a state store, a listing page of settled articles ends the paging, unless this run reaches
        #: further back than the runs that settled them (a backfill: ``IncrementalState.backfill``)
        self._stop_at_settled = True

    @classmethod
    def validate_arguments(cls, **kwargs) -> CrawlArgs:
        """Check ``-a`` arguments without building the spider (used by ``scrapy crawl``)."""
        return CrawlArgs.parse(**kwargs)

    @classmethod
    def update_settings(cls, settings):
        """Write the default per-run feed only when the user gave none (-o/-O/FEEDS win)."""
        super().update_settings(settings)
        default = settings.get("INTERFAX_DEFAULT_FEED")
        if default and not settings.getdict("FEEDS"):
            settings.set("FEEDS", {default: {"format": "jsonlines", "encoding": "utf-8"}}, priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        spider.block_after = max(0, crawler.settings.getint("INTERFAX_BLOCKED_AFTER", 20))
        spider.skip_failed = max(0, crawler.settings.getint("INTERFAX_LISTING_SKIP_FAILED", 3))
        return spider

    # ------------------------------------------------------------ requests

    async def start(self):
        state = self.incremental
        if state is not None:
            if not self.args.since_given:
                self._catch_up(state)
            walked = state.backfill(self.args.since)
            if walked is not None:  # listings below settled articles were walked down to ``walked`` only
                self._stop_at_settled = False
                self.crawler.stats.set_value("interfax/state/backfill", 1)
                logger.info("state: since=%s reaches further back than any finished run (since=%s): paging does not "
                            "stop at pages of articles already exported", self.args.since, walked)
        a = self.args
        logger.info(
            "crawling %s sections=%s since=%s until=%s max_pages=%s related_depth=%d",
            a.base_url, ",".join(a.sections), a.since, a.until or "-", a.max_pages_text, a.related_depth,
        )
        for section in a.sections:
            yield self.listing_request(section, 1)
        if state is not None:  # what earlier runs lost to a fault that may pass (a 503, a timeout): once more
            for url, depth in state.to_retry():
                ref = urls.article_ref(url)
                if ref is not None:
                    for request in self.follow(ref, depth):
                        yield request

    def _catch_up(self, state: IncrementalState) -> None:
        """With a state store and no ``since``: page down to the day before the newest settled article, when
        that is further back than the default 2 days (the machine was off, or every run failed, for longer).
        Before, what was published while no run completed was never listed, nor exported, by any later run.
        Paging still stops at the first page of settled articles, so a run after a short break costs nothing more."""
        day = state.walked_since()
        if day is None or day >= self.args.since:
            return
        self.crawler.stats.set_value("interfax/state/since_extended_days", (self.args.since - day).days)
        logger.info("state: the newest article a finished run settled is of %s: since=%s, not %s, so that what was "
                    "published since is crawled", day + timedelta(days=1), day, self.args.since)
        self.args = replace(self.args, since=day)

    def listing_request(self, section: str, page: int) -> scrapy.Request:
        return SiteRequest(
            urls.fetch_url(urls.listing_path(section, page), self.base_url),
            callback=self.parse_listing,
            errback=self.on_error,
            priority=PRIORITY_LISTING,
            cb_kwargs={"section": section},
            meta={KIND_META: "listing"},
        )

    def article_request(self, ref: urls.ArticleRef, depth: int, listed_at: str | None = None) -> scrapy.Request:
        """``listed_at``: the time the link's listing or related block showed (the date of last resort)."""
        meta = {KIND_META: "article", "interfax_depth": depth, "interfax_id": ref.id}
        if listed_at:
            meta["interfax_listed_at"] = listed_at
        return SiteRequest(
            urls.article_fetch_url(ref, self.base_url),
            callback=self.parse_article,
            errback=self.on_error,
            priority=PRIORITY_ARTICLE - depth,
            meta=meta,
        )

    # ------------------------------------------------------------ incremental runs

    @cached_property
    def count(self):
        """``self.crawler.stats.inc_value`` (``interfax.stats.incrementer``; the stats exist once the crawl starts)."""
        return incrementer(self.crawler.stats)

    @property
    def incremental(self) -> IncrementalState | None:
        """The state store of this crawl (``INTERFAX_STATE_DIR``), or None: every run is a full crawl."""
        found = self.__dict__.get("_incremental", _UNSET)
        if found is _UNSET:
            try:
                found = self.crawler.get_extension(IncrementalState)
            except RuntimeError:  # a crawler that is not crawling yet (tests): ask again next time
                return None
            self._incremental = found  # the extensions of a crawl do not change
        return found

    def _known(self, ref: urls.ArticleRef) -> Known | None:
        """What an earlier run left about the article; asked of the state store once per crawl
        (its answer does not change while this run crawls: this run's exports are left out)."""
        state = self.incremental
        if state is None or self.args.refresh:
            return None
        if ref.id not in self._known_ids:
            self._known_ids[ref.id] = state.lookup(ref.id)
        return self._known_ids[ref.id]

    def follow(self, ref: urls.ArticleRef, depth: int, known: Known | None | bool = False, listed_at: str | None = None):
        """Request an article, unless an earlier run exported it (``known``: False = look it up).

        A known article is not fetched again, unless it was published lately and is due for a
        recheck (``IncrementalState.recheck_due``: an edit is exported again). If the run that exported it did not finish
        (killed, stopped), it is not settled: the related links stored with it are followed
        instead, so what that run had not reached yet is still found. So are they when this run meets
        it by fewer hops than the run that exported it did (or with a larger ``related_depth``).
        """
        seen = self._depth.get(ref.id)
        if seen is not None:  # met again in this crawl: the first request stands
            if depth < seen:
                yield from self._reached_closer(ref.id, depth)
            return
        if known is False:
            known = self._known(ref)
        state = self.incremental
        if known is not None and state.recheck_due(known):  # published lately: an edit is picked up
            state.recheck(known)
            known = None
        if known is None:
            self._depth[ref.id] = depth
            yield self.article_request(ref, depth, listed_at)
            return
        state.met_known(known)
        hops = self.args.related_depth - depth
        if not state.further(known, hops) or not self._in_window([known.published_at] if known.published_at else []):
            return  # (its related links were followed as far by the run that exported it)
        state.expand(known, hops)
        for url in known.related:
            related = urls.article_ref(url)
            if related is not None and related.host in urls.UK_HOSTS:
                yield from self.follow(related, depth + 1)

    def _reached_closer(self, article_id: int, depth: int):
        """An article already requested is met again by fewer hops: its related links get them too.

        Not parsed yet: ``parse_article`` reads the new depth. Parsed: its related links (kept for
        articles parsed at depth > 0) are followed again from the new depth, which reaches what
        the deeper first visit had to leave out.
        """
        self._depth[article_id] = depth
        self.count("interfax/related/reached_closer")
        links = self._related_links.get(article_id)
        if links is None:
            return
        if depth == 0:  # cannot get any closer
            del self._related_links[article_id]
        yield from self._follow_related(links, depth)

    @property
    def since(self) -> date:
        """The window's first Kyiv day (``self.args``: a run after a long break may reach further back)."""
        return self.args.since

    @property
    def until(self) -> date | None:
        return self.args.until

    def reached_depth(self, article_id: int) -> int:
        """The fewest related hops an article was reached by in this crawl (listed, or not reached: 0)."""
        return self._depth.get(article_id, 0)

    def _current_depth(self, meta: dict) -> int:
        """The fewest hops the article of a request is known to be reached by now."""
        depth = meta.get("interfax_depth", 0)
        return min(depth, self._depth.get(meta.get("interfax_id"), depth))

    # ------------------------------------------------------------ listings

    def parse_listing(self, response, section: str):
        fault = self._not_html(response, "listing")
        if fault:
            yield from self._past_lost_listing(response, section, fault)
            return
        page = ListingPage(response, section)
        asked = urls.listing_page(self._asked(response), section) or 1
        if asked != page.page_number:  # a pager page sent elsewhere (back to page 1): paging ends here
            self.count("interfax/listing/redirected")
            logger.warning("listing %s redirected to %s: paging of %s stops", self._asked(response),
                           self._live(response.url), section)
            return
        self.count("interfax/listing/pages")
        items = page.items()
        if page.parse_faults:
            self._too_deep(response, page.parse_faults)
        if not items:
            fault = self._stand_in(response, page, "listing")
            if fault:
                yield from self._past_lost_listing(response, section, fault)
                return
            self.count("interfax/listing/empty")
            if page.next_page_url():
                # a page of a listing that goes on (a CMS's passing glitch): what it should have listed is
                # missed, paging goes on as past a lost page (it stopped there)
                logger.warning("listing %s has no article links, but links to its next page", self._live(response.url))
                self.count("interfax/listing/lost_empty")  # (told apart from a fault in the end-of-run check)
                yield from self._past_lost_listing(response, section, "empty")
                return
            logger.warning("listing %s has no article links (empty section or unknown layout)", self._live(response.url))
            return
        self._refused_in_a_row = 0
        self._lost_in_a_row.pop(section, None)
        own_ids = {link.ref.id for link in items if link.ref.host in urls.UK_HOSTS}
        seen = self._listed.setdefault(section, set())
        if own_ids and own_ids <= seen:
            # a pager that never ends (page N+1 repeats earlier pages, as some sites do past their last page)
            self.count("interfax/listing/stopped_no_new")
            logger.warning("listing %s lists only articles of earlier pages of %s: paging stops", self._live(response.url), section)
            return
        repeated = own_ids & seen  # on an earlier page too: a pinned item, or one pushed down by new ones
        seen |= own_ids
        # own, older: this edition's items that are new to the section's paging (other editions'
        # items and a pinned fresh item repeated on every page never keep the paging going)
        older = own = 0
        listed = settled = first_listed = 0  # with a state store, a page of settled articles only ends the paging
        shown = undated = 0  # this edition's items, and those whose listed time is missing or unreadable
        for link in items:
            if link.ref.host not in urls.UK_HOSTS:
                self.count("interfax/links/other_edition")
                continue
            new = link.ref.id not in repeated
            own += new
            day = self._listed_day(link.listed_at)
            shown += 1
            undated += day is None
            window = None if day is None else self.args.window(day)
            if window == "older":
                older += new
                continue
            if window == "newer":
                self.count("interfax/listing/newer_than_until")
                continue
            # requested already in this crawl: new, whatever the state store says
            known = None if link.ref.id in self._depth else self._known(link.ref)
            listed += 1
            first_listed += new
            settled += bool(known and known.settled)
            yield from self.follow(link.ref, 0, known, link.listed_at)
        if first_listed:  # (an item listed again on a later page is not counted twice)
            self.count("interfax/listing/articles", first_listed)
        if shown and undated == shown:
            self._undated_listing(response, section)
        if own and older == own:
            self.count("interfax/listing/stopped_at_since")
            logger.info("listing %s: every item older than since=%s, paging stops", self._live(response.url), self.since)
            return
        if listed and settled == listed and self._stop_at_settled:
            self.count("interfax/listing/stopped_at_known")
            logger.info("listing %s: every article already exported by a finished run, paging stops", self._live(response.url))
            return
        if self.args.past_max_pages(page.page_number):
            if page.next_page_url():  # more to page, not older than since: what is left out is said
                self.count("interfax/listing/stopped_at_max_pages")
                logger.warning("listing %s: max_pages=%d reached, paging of %s stops above since=%s (its later "
                               "pages are not crawled: raise max_pages)", self._live(response.url),
                               self.args.max_pages, section, self.since)
            return
        next_path = page.next_page_url()
        if next_path:
            yield self.listing_request(section, page.page_number + 1)
            return
        other = page.other_edition_next_link()
        if other:  # the ru./en. edition's page N+1 is not this edition's: not followed, not guessed
            self.count("interfax/listing/pager_other_edition")
            logger.warning("listing %s: its next-page link %r leads to another edition: paging of %s stops",
                           self._live(response.url), other, section)
            return
        unread = page.unread_next_link()
        if unread:  # a pager this crawler does not read: say so rather than stop in silence
            self.count("interfax/listing/pager_unread")
            logger.warning("listing %s: its next-page link %r is not a /news/%s-%d.html page: paging of %s stops",
                           self._live(response.url), unread, section, page.page_number + 1, section)
            return
        if page.page_number == 1 and own >= FULL_LISTING_PAGE and not older:
            # a full first page, every item within the window, and no way on: the next pages are
            # likely there but out of this crawler's sight (a pager filled by script, endless scrolling)
            self.count("interfax/listing/no_next_page")
            logger.warning("listing %s lists %d articles, none older than since=%s, and links to no next page: "
                           "paging of %s stops at page 1 (a pager filled by script?)", self._live(response.url), own,
                           self.since, section)

    def _undated_listing(self, response, section: str) -> None:
        """A listing page that shows no date for any item (a layout whose times this crawler does not
        read, or none shown): its paging cannot stop at ``since``, so it runs to ``max_pages`` or the
        last page, fetching older articles only to drop them. Counted per page, said once per section."""
        self.count("interfax/listing/undated")
        if section in self._undated_sections:
            return
        self._undated_sections.add(section)
        logger.warning(
            "listing %s shows no date for any item (no time, or a time of day alone with no day heading above it): "
            "paging of %s cannot stop at since=%s and goes on to the last "
            "page or max_pages=%s (articles older than since are fetched, then dropped)",
            self._live(response.url), section, self.since, self.args.max_pages_text,
        )

    def _window(self, link: Link) -> str | None:
        """'older' / 'newer' when the listed time is outside the window, else None (unknown counts as in)."""
        day = self._listed_day(link.listed_at)
        return None if day is None else self.args.window(day)

    def _listed_day(self, listed_at: str | None) -> date | None:
        """The Kyiv date of a listed time; absolute forms (with a year) are parsed once per crawl.

        Listings and related blocks show the same items again and again.
        """
        if not listed_at or _CLOCK_ONLY_RE.fullmatch(listed_at):  # (a time alone shows no day: the page tells)
            return None
        day = self._days.get(listed_at)
        if day is None:
            listed = dates.parse(listed_at)
            if listed is None:
                return None
            day = listed.date()
            if _YEAR_RE.search(listed_at):  # "сьогодні, 10:15" means another day tomorrow
                if len(self._days) >= 100_000:
                    self._days.clear()
                self._days[listed_at] = day
        return day

    # ------------------------------------------------------------ articles

    def parse_article(self, response):
        """An article page -> its item (via the AMP twin when the related block is empty) and related requests."""
        depth = self._current_depth(response.meta)
        if self._not_html(response, "article"):
            return
        amp_page = "amp" in response.url and urls.amp_article_id(response.url, self.base_url) is not None
        page = AmpArticlePage(response) if amp_page else ArticlePage(response)
        if amp_page:
            self._read_from_amp(response)
        if page.ref is None:
            self.count("interfax/article/not_an_article")
            asked = self._asked(response)
            why = "not an article page" if asked == self._live(response.url) else f"redirected to {self._live(response.url)}, not an article"
            self.failed[asked] = why
            logger.warning("article failed: %s (%s)", asked, why)
            return
        asked_id = response.meta.get("interfax_id")
        if asked_id is not None and page.ref.id != asked_id:
            self.count("interfax/article/other_id")
            logger.warning("article %s is article %d by its canonical link (or og:url, or its own JSON-LD) or redirect: exported as %s",
                           self._asked(response), page.ref.id, page.ref.url)
        item = self.article_item(page)
        listed_at = response.meta.get("interfax_listed_at")
        if (not item["text"] or not item["published_at"]) and self._stand_in(response, page, "article", empty=not item["text"]):
            return  # (an error page, or a listing or the home page, in place of the article: not a new layout)
        if not item["published_at"]:
            if listed_at and item.get("title") and item.get("text"):
                # an article that shows no date anywhere: the time its listing showed (a page in an
                # unknown layout, with no title or text either, is still dropped for what it lacks)
                item["published_at"] = [listed_at]
                self.count("interfax/dates/from_listing")
                logger.warning("article %s shows no date: published_at is its listed time %r", self._asked(response), listed_at)
        if page.time_unread:
            self.count("interfax/dates/header_time_unread")
            logger.warning("article %s: its header %r shows a time this crawler does not read: published_at may be the "
                           "day alone (midnight) unless structured data gives the time", self._asked(response), page.time_unread)
        if page.body_guessed:  # (an article, not an error or challenge page standing in for one)
            self._body_guessed(response, page.body_node)
        if page.stray_rescued:
            self._said_once("interfax/content/unclosed_rescued", "article %s: a figure or an ad block in its body is not "
                            "closed (a broken template): the %d paragraphs after it are read as the story's, as a browser "
                            "shows them", self._asked(response), page.stray_rescued)
        if page.paywalled():
            self._paywalled(response)
        if page.parse_faults:
            self._too_deep(response, page.parse_faults)
        links = page.related()
        amp = None if links else self._amp_fetch_url(page)
        del page  # the parsed tree is not needed while the outputs are processed
        if links:
            self.count("interfax/related/desktop")
            yield from self._finish(item, links, depth, self._item_in_window(item), response.meta)
            return
        if amp is None:
            self.count("interfax/related/none")
            yield from self._finish(item, [], depth, True, response.meta)
            return
        self.count("interfax/related/amp_fallback")
        yield SiteRequest(
            amp,
            callback=self.parse_amp,
            errback=self.on_amp_error,
            dont_filter=True,
            priority=PRIORITY_ARTICLE - depth,
            meta={KIND_META: "amp", "interfax_depth": depth, "interfax_id": response.meta.get("interfax_id"),
                  "interfax_item": item},
        )

    def _too_deep(self, response, faults: list[str]) -> None:
        """A page nested deeper than the HTML parser reads (2048 levels; a broken template repeating its
        wrappers): read again with each run of wrapper tags as one (INFO), or, when that was not enough, read
        up to the limit (a WARNING: what lies deeper is lost). Counted. (Before, the page was lost in silence:
        an "empty" listing, an article dropped as an unknown layout.)"""
        repaired = faults[-1] == "too_deep_repaired"
        self.count(f"interfax/content/{faults[-1]}")
        logger.log(logging.INFO if repaired else logging.WARNING,
                   "%s is nested deeper than the HTML parser reads (2048 levels): %s", self._asked(response),
                   "read again with each run of repeated wrapper tags as one" if repaired
                   else "read only up to that depth (what lies deeper is lost)")

    def _said_once(self, stat: str, message: str, *args) -> None:
        """Count ``stat``; ``message`` (with ``args``) as a WARNING the first time in the crawl, naming the
        stat, INFO the next times: a kind of page seen on every article of a redesign is one WARNING."""
        first = not self.crawler.stats.get_value(stat)
        self.count(stat)
        if first:
            logger.warning(f"{message} (counted in %s; said once)", *args, stat)
        else:
            logger.info(message, *args)

    def _paywalled(self, response) -> None:
        """An article that shows this crawler only its start (a paywall, a request to log in): exported with
        what it shows, counted, said once."""
        self._said_once("interfax/article/paywalled", "article %s shows only its start (a paywall or a request to "
                        "log in): its text is what it shows", self._asked(response))

    def _read_from_amp(self, response) -> None:
        """An article URL that redirected to its AMP page (a site dropping its desktop pages): read with the
        AMP parser, counted, said once; that page may lack what only the desktop page shows."""
        self._said_once("interfax/article/amp_page", "article %s redirected to its AMP page %s: read from there; "
                        "fields only the desktop page shows (tags, images, reading time) may be missing",
                        self._asked(response), self._live(response.url))

    def _body_guessed(self, response, body) -> None:
        """An article whose text is in no container the page parsers know: counted; a WARNING for the first
        article of each such container (a design not seen before), INFO for the next ones."""
        self.count("interfax/article/body_guessed")
        cls = " ".join((body.get("class") or "").split())
        container = f'<{body.tag} class="{cls}">' if cls else f"<{body.tag}>"
        first = container not in self._guessed_containers
        self._guessed_containers.add(container)
        logger.log(logging.WARNING if first else logging.INFO,
                   "article %s: its text is in %s, a container the page parsers do not know: read as the block "
                   "with the most paragraph text%s", self._asked(response), container,
                   " (check such records; said once per container)" if first else "")

    def parse_amp(self, response):
        item = response.meta["interfax_item"]
        redirected = response.meta.get("redirect_urls")
        if redirected and urls.amp_article_id(response.url, self.base_url) != item.get("id"):
            # a site that drops AMP sends the twins to the desktop page or elsewhere: no twin to read
            self.count("interfax/related/amp_failed")
            logger.warning("AMP twin failed, related left empty: %s (redirected to %s, not an AMP page)",
                           self._live(redirected[0]), self._live(response.url))
            yield from self._finish(item, [], self._current_depth(response.meta), False, response.meta)
            return
        links = [] if self._not_html(response, "amp") else AmpArticlePage(response).related()
        if not links:
            self.count("interfax/related/none")
        yield from self._finish(item, links, self._current_depth(response.meta), self._item_in_window(item), response.meta)

    def on_amp_error(self, failure):
        """The twin failed: the article is still exported, with no related items."""
        request = failure.request
        self.count("interfax/related/amp_failed")
        logger.warning("AMP twin failed, related left empty: %s (%s)", self._live(request.url), describe_failure(failure)[1])
        yield from self._finish(request.meta["interfax_item"], [], self._current_depth(request.meta), False, request.meta)

    def _finish(self, item: Article, links: list[Link], depth: int, follow: bool, meta: dict):
        self._refused_in_a_row = 0
        item["related"] = [link.as_related() for link in links]
        yield item
        if not follow:
            return
        if depth > 0 and links and meta.get("interfax_id") is not None:
            self._related_links[meta["interfax_id"]] = tuple(links)
        yield from self._follow_related(links, depth)

    def _follow_related(self, links, depth: int):
        """Request the related articles of an article reached by ``depth`` hops (up to ``related_depth``)."""
        if depth >= self.args.related_depth:
            return
        followed = 0
        for link in links:
            seen = self._depth.get(link.ref.id)
            if seen is not None and seen <= depth + 1:  # already requested, as close or closer
                continue
            if link.ref.host not in urls.UK_HOSTS:
                self.count("interfax/links/other_edition")
                continue
            if self._window(link) is not None:
                self.count("interfax/related/out_of_window")
                continue
            yield from self.follow(link.ref, depth + 1, listed_at=link.listed_at)
            # (requested now: not an article an earlier run exported, which ``follow`` leaves alone)
            followed += seen is None and link.ref.id in self._depth
        if followed:
            self.count("interfax/related/followed", followed)

    def article_item(self, page: ArticlePage) -> Article:
        return Article(**page.fields(), crawled_at=_fetched_at(page.response))

    def _item_in_window(self, item: Article) -> bool:
        """Follow an article's related links only when it is inside the window: its date read against
        its ``crawled_at``, as the dates pipeline reads it."""
        return self._in_window(item.get("published_at"), dates.from_iso(item.get("crawled_at")))

    def _in_window(self, candidates, now: datetime | None = None) -> bool:
        """Whether the date the candidates mean (``dates.pick``, as the dates pipeline picks it) is
        inside the window (an undated article counts as inside)."""
        when = dates.pick_instant(candidates, now)[0]
        return when is None or self.args.window(when.date()) is None

    def _amp_fetch_url(self, page: ArticlePage) -> str | None:
        href = page.amp_url()
        if not href:
            return None
        refused = urls.amp_twin_refusal(href, page.url, self.base_url, page.ref.id if page.ref is not None else None)
        if refused:  # (its related items would be another article's, exported as this one's, and crawled)
            self.count("interfax/related/amp_link_refused")
            logger.warning("article %s: its AMP link %r names %s, not its twin: related left empty",
                           self._live(page.url), href, refused)
            return None
        return urls.amp_twin_fetch_url(href, page.url, self.base_url, page.ref.path if page.ref is not None else None)

    # ------------------------------------------------------------ failures

    def on_error(self, failure):
        request = failure.request
        kind = request.meta.get(KIND_META, "request")
        fault_kind, fault = describe_failure(failure)
        # the URL the spider asked for, also when the failure came after redirects
        live = self._asked(request)
        if fault_kind == "robots_disallowed":  # the site's wish, not a fault: not retried later
            self.count("interfax/errors/robots_disallowed")
            logger.info("%s skipped, robots.txt disallows it: %s", kind, live)
            if kind == "listing":
                self._section_disallowed(request, live)
            return
        self._page_failed(kind, live, fault_kind, fault)
        if kind == "listing":
            return self._past_lost_listing(request, request.cb_kwargs.get("section"), fault_kind)
        return None

    def _section_disallowed(self, request, live: str) -> None:
        """A section's first listing page that robots.txt disallows (one it can read: not an unavailable one's
        "disallow all"): the section is missed whole, said in one WARNING and in the end-of-run report
        (``interfax/listing/disallowed_sections``); before, an INFO line was all a scheduled run said of it."""
        section = request.cb_kwargs.get("section")
        stats = self.crawler.stats
        if not section or urls.listing_page(live, section) != 1 or stats.get_value("interfax/robots/unavailable"):
            return
        stats.set_value("interfax/listing/disallowed_sections", [*(stats.get_value("interfax/listing/disallowed_sections") or []), section])
        logger.warning("section %s: robots.txt disallows its listing %s: none of its articles are listed in this run", section, live)

    def _past_lost_listing(self, r, section: str | None, fault_kind: str) -> list[scrapy.Request]:
        """After a listing page lost to a fault that may pass (a 5xx or a timeout after their retries,
        a maintenance page, a truncated page ...): the section's next page, so that one bad page does
        not end the paging of a long backfill, up to ``INTERFAX_LISTING_SKIP_FAILED`` pages in a row
        (``interfax/listing/skipped_failed``; then ``interfax/listing/stopped_failed``). The lost page's
        own articles are not seen in this run unless reached otherwise (a later run whose window covers
        them lists them; with a state store this run's articles are then left unsettled, so that the
        next run's paging does not stop above them: ``interfax/listing/lost``). A page that is not there (HTTP 404/410, a soft 404) or not to be read
        (robots.txt) ends the paging."""
        if section and fault_kind in GONE_KINDS and urls.listing_page(self._asked(r), section) == 1:
            # the section's first page is not there: no such section (a typo the argument check let through,
            # a section the site renamed or dropped): the run's checks fail for it (a mirror's only warn)
            missing = self.crawler.stats.get_value("interfax/listing/missing_sections") or []
            self.crawler.stats.set_value("interfax/listing/missing_sections", [*missing, section])
        if not section or fault_kind in _PAGING_ENDS:
            return []
        # what it listed is missed: with a state store, this run's articles are not settled (the next
        # run's paging goes past them to the lost page's articles; see IncrementalState.spider_closed)
        self.count("interfax/listing/lost")
        asked = self._asked(r)
        number = urls.listing_page(asked, section)
        if number is None or self.args.past_max_pages(number):
            return []
        lost = self._lost_in_a_row[section] = self._lost_in_a_row.get(section, 0) + 1
        if lost > self.skip_failed:
            if self.skip_failed:
                self.count("interfax/listing/stopped_failed")
                logger.warning("listing %s: %d pages of %s lost in a row: paging of %s stops", asked, lost,
                               section, section)
            return []
        self.count("interfax/listing/skipped_failed")
        logger.warning("listing %s lost: paging of %s goes on at page %d", asked, section, number + 1)
        return [self.listing_request(section, number + 1)]

    def _page_failed(self, kind: str, live: str, fault_kind: str, why: str) -> None:
        """A page lost to a fault: counted (``interfax/errors/<fault_kind>``), one WARNING, an article
        listed as failed; a refusal counts toward ``INTERFAX_BLOCKED_AFTER``."""
        self.count(f"interfax/errors/{fault_kind}")
        if kind == "article":
            self.failed[live] = why
        logger.warning("%s failed: %s (%s)", kind, live, why)
        if fault_kind in _REFUSALS:
            self._refused(live, why)

    def _stand_in(self, response, page, kind: str, empty: bool = False) -> str | None:
        """The fault's kind (counted as ``interfax/errors/<fault>``, logged and listed once) for an HTTP 200 page
        that stands in for the page asked for: a bot protection's challenge (a CDN that cached one),
        a maintenance page, a "soft 404", an error page (a proxy's "502 Bad Gateway", a firewall's
        "Access Denied": ``error_page``, ``access_denied``), and (``empty``: an article page with no text) a
        listing or the home page (``soft_404``). Read only for a page that showed no date or no items, or
        nothing of an article, so that none of them is taken for a page in an unknown layout (a false redesign alarm)."""
        who = bot_challenge(response)
        if who is not None:
            fault, why = "bot_challenge", challenge_message(who, response.status)
        elif page.under_maintenance():
            fault, why = "maintenance", "the site says it is under maintenance"
        elif page.not_found():
            fault, why = "soft_404", "soft 404: the page says it is not found"
        elif (error := page.error_page()) is not None:  # a proxy's, a server's or a firewall's error page
            fault, why = error[0], f"an error page served with HTTP {response.status}: {error[1]!r}"
        elif (target := page.script_redirect()) is not None:
            fault, why = "script_redirect", f"the page only sends the browser to {target} by script (not followed)"
        elif page.geo_blocked():
            fault, why = "geo_blocked", "the site refuses this machine's country or region"
        elif page.consent_wall():
            fault, why = "consent_wall", "a cookie-consent page answered in place of the page"
        elif empty and page.stands_for_another_page():
            fault, why = "soft_404", "soft 404: a listing or the home page answered in place of the article"
        else:
            return None
        self._page_failed(kind, self._asked(response), fault, why)
        return fault

    def _refused(self, live: str, why: str) -> None:
        """A page request refused (HTTP 403, 429 after its retries, a bot challenge): ``INTERFAX_BLOCKED_AFTER`` in a row,
        with no page in between, mean the site blocks this crawler: the crawl stops, said once,
        rather than ask for every other page in vain (finish reason ``blocked``)."""
        self._refused_in_a_row += 1
        if self._refused_in_a_row != self.block_after:
            return
        self.crawler.stats.set_value("interfax/blocked/refused_in_a_row", self._refused_in_a_row)
        logger.error(
            "the site refuses this crawler: %d page requests in a row answered HTTP 403, 429 (after retries) or a bot challenge "
            "(the last: %s, %s); stopping the crawl (finish reason 'blocked'). Open the site from this "
            "machine's address to see why; the next run tries again", self._refused_in_a_row, live, why,
        )
        raise CloseSpider("blocked")

    def _not_html(self, response, kind: str) -> str | None:
        """The fault's kind, ``empty_body`` or ``not_html`` (counted and logged once), for a response
        that is not an HTML page (a PDF, an image ...) or has no body.

        ``ContentGuardMiddleware`` normally turns these into errback failures first; this guard keeps a
        callback from crashing when that middleware is off.
        """
        if isinstance(response, HtmlResponse) and response.body and not response.body.isspace():
            return None
        fault_kind, why = ("empty_body", "empty body") if isinstance(response, HtmlResponse) else ("not_html", "not an HTML page")
        self._page_failed(kind, self._live(response.url), fault_kind, why)
        return fault_kind

    def _item_dropped(self, item, response, exception, spider):
        if isinstance(exception, MissingFields):
            self.failed[item.get("url") or self._live(response.url)] = str(exception).split(" (")[0]
        elif isinstance(exception, StandInText):  # a passing fault of the site: a later run can retry it
            self.failed[item.get("url") or self._live(response.url)] = exception.why

    def _closed(self, spider, reason):
        """The failed list: one WARNING for the articles a later run can retry, one for those gone
        (HTTP 404/410, a soft 404: a retry would not bring them back; the state keeps them as gone)."""
        stats = self.crawler.stats
        stats.set_value("interfax/failed/count", len(self.failed))
        if not self.failed:
            return
        stats.set_value("interfax/failed/urls", sorted(self.failed)[:200])
        failed = sorted(self.failed.items())
        gone = [(url, why) for url, why in failed if is_gone(why)]
        retry = [(url, why) for url, why in failed if not is_gone(why)]
        if gone:
            stats.set_value("interfax/failed/gone", len(gone))
        for found, line in ((retry, "%d article(s) failed and can be retried: %s"),
                            (gone, "%d article(s) failed as gone (HTTP 404/410 or a soft 404: not worth retrying): %s")):
            if found:
                logger.warning(line, len(found), "; ".join(f"{url} ({why})" for url, why in found[:20]))

    def _live(self, url: str) -> str:
        return urls.live_url(url, self.base_url)

    def _asked(self, r) -> str:
        """The live URL the spider asked for (before any redirect), of a request or its response."""
        meta = getattr(r, "meta", None) or {}  # (a response built without a request has none)
        return self._live(meta.get("redirect_urls", [r.url])[0])
