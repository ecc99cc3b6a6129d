"""Settings of the Interfax-Ukraine crawler: polite live defaults.

Change per run with ``-s NAME=value``; see the README's "Settings worth changing".
"""

from interfax import __version__
from interfax.items import FIELDS

BOT_NAME = "interfax"
SPIDER_MODULES = ["interfax.spiders"]
NEWSPIDER_MODULE = "interfax.spiders"
COMMANDS_MODULE = "interfax.commands"

# An honest user agent naming the project
USER_AGENT = f"interfax-crawler/{__version__} (news research crawler; Scrapy)"

# Politeness: obey robots.txt, adapt to the server, never hammer it
ROBOTSTXT_OBEY = True
# One site: no more requests at once than that site's own limit. Scrapy's downloader takes up to
# CONCURRENT_REQUESTS requests and sends them at the crawl's pace: with 16, a graceful stop
# (SIGTERM) still sent the dozen waiting their turn (~10 s at this pace, minutes under a robots.txt
# Crawl-delay), and with the delay off the per-site limit did not hold
CONCURRENT_REQUESTS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
# A robots.txt Crawl-delay (or Request-rate) longer than the delay above is obeyed, up to this many
# seconds (a WARNING says when it asks for more); 0: not read (interfax/throttle.py)
INTERFAX_ROBOTS_CRAWL_DELAY_MAX = 60.0

# Scrapy 2.19 starts CONCURRENT_ITEMS asyncio tasks for every callback's output; ours yield an
# item and a few requests, and the pipelines are synchronous: 100 (the default) only costs CPU.
CONCURRENT_ITEMS = 8
# Scrapy checks each callback for a ``return value`` in a generator by reading and parsing its
# source (inspect + ast), and its cache keys on short-lived bound methods: ~8% of a crawl's CPU.
# tests/test_crawl.py::test_callbacks_return_no_value makes that check once, in the tests.
WARN_ON_GENERATOR_RETURN_VALUE = False

# News pages are well under a megabyte: anything past 5 MB is not an article
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30

# Transient failures are retried (with the RETRY_* settings of Scrapy), waiting before each retry:
# Retry-After when the answer has one (capped), else exponential backoff (interfax/middlewares.py)
RETRY_ENABLED = True
RETRY_TIMES = 3
# (520, 521, 522, 523, 524: a CDN's answers for an origin that failed, was down, timed out or could not be reached)
RETRY_HTTP_CODES = [500, 502, 503, 504, 520, 521, 522, 523, 524, 408, 429]
# the spider's errback logs one line per URL given up: Scrapy's own give-up line only at DEBUG
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
INTERFAX_RETRY_AFTER_MAX = 60.0  # seconds: a longer Retry-After waits this long
INTERFAX_RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry, doubled for each next one
INTERFAX_RETRY_BACKOFF_MAX = 30.0
REDIRECT_MAX_TIMES = 5
# this many page requests in a row refused (HTTP 403, 429 after its retries, a bot challenge) stop the crawl: the site
# blocks it (finish reason "blocked"; 0: never stop)
INTERFAX_BLOCKED_AFTER = 20
# a listing page lost to a fault that may pass (5xx or a timeout after the retries, a maintenance page)
# is skipped: the section's next page is asked for, up to this many lost pages in a row (0: a lost page ends
# its section's paging). A 404 or a soft 404 ends it always (the pager pointed past the last page).
INTERFAX_LISTING_SKIP_FAILED = 3
# the Cookie header a request carries stays within this many bytes: over it the newest cookies are forgotten (a site
# that sets one per page read would pass its servers' header limit and answer HTTP 400 to every later page; 0: no limit)
INTERFAX_COOKIE_HEADER_MAX = 4096
# a local clock off the site's (its Date header) by more than this many seconds: one WARNING (0: no check)
INTERFAX_CLOCK_SKEW_MAX = 600

# HTTPCACHE_ENABLED caches every answer but those to be asked for again (RETRY_HTTP_CODES, 403): a cached 503 came
# back for each retry and in every later run (interfax.middlewares.CachePolicy)
HTTPCACHE_POLICY = "interfax.middlewares.CachePolicy"

# Faults: safer retries and redirects, encoding repair, content checks (interfax/middlewares.py)
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "interfax.middlewares.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "interfax.middlewares.SafeMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "interfax.middlewares.SafeRedirectMiddleware": 600,
    "interfax.middlewares.EncodingFixMiddleware": 585,
    "interfax.middlewares.ContentGuardMiddleware": 575,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "interfax.middlewares.StrictHttpCompressionMiddleware": 590,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "interfax.middlewares.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "interfax.middlewares.BoundedCookiesMiddleware": 700,
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
    "interfax.proxy.ProxyMiddleware": 750,  # no_proxy networks and host:port entries too (interfax/proxy.py)
}
EXTENSIONS = {
    "interfax.middlewares.FailureReport": 0,
    # state store, JOBDIR hygiene, end-of-run monitors (README "Running on a server")
    "interfax.state.IncrementalState": 10,
    "interfax.extensions.JobDirGuard": 20,
    # robots.txt's Crawl-delay / Request-rate as the least delay between requests (interfax/throttle.py)
    "interfax.throttle.RobotsCrawlDelay": 30,
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
}
# a dropped article is one log line (reason and URL), not the whole item
LOG_FORMATTER = "interfax.middlewares.LogFormatter"
# Articles that failed for good, one JSON line {url, reason} each, written at the end of the run
# (%(name)s and %(time)s as in feed URIs). Empty: no file (the list is still in the log and stats).
INTERFAX_FAILED_FILE = ""

# No listening ports unless a user turns them on
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

ITEM_PIPELINES = {
    "interfax.pipelines.DatesPipeline": 100,
    "interfax.pipelines.CleanTextPipeline": 200,
    "interfax.pipelines.ValidatePipeline": 300,
    "interfax.pipelines.WindowPipeline": 400,
    # already in the append target / exported by an earlier run (state on): dropped (interfax/feeds.py)
    "interfax.feeds.ExportedPipeline": 450,
    "interfax.pipelines.DedupPipeline": 500,
    # every exported item against interfax/schemas/article.json (counted, not dropped; see monitors)
    "interfax.pipelines.SchemaValidationPipeline": 800,
}

# JSON Lines, UTF-8 with Cyrillic unescaped, fields in the documented order.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = FIELDS
# Where a run writes when no feed is given (no -o/-O and no FEEDS): one file per run.
# The spider applies it only then, so `-o`/`-O` work as in any Scrapy project. Empty: no default.
INTERFAX_DEFAULT_FEED = "data/articles/%(time)s.jsonl"
# Crash-safe JSON Lines: one whole line per write, append targets repaired and deduplicated (interfax/feeds.py)
FEED_STORAGES = {"": "interfax.feeds.SafeFileFeedStorage", "file": "interfax.feeds.SafeFileFeedStorage"}
FEED_EXPORTERS = {
    "jsonlines": "interfax.feeds.JsonLinesExporter",
    "jsonl": "interfax.feeds.JsonLinesExporter",
    "jl": "interfax.feeds.JsonLinesExporter",
    # -o out.csv: the columns of `scrapy dataset --format csv` (images, related as columns, not Python reprs)
    "csv": "interfax.feeds.CsvExporter",
}
# fsync each line (and the state store's commits): survives a power cut, not only a killed process
INTERFAX_FEED_FSYNC = False

# Incremental runs: folder of the state store (interfax/state.py). Empty: no state, every run is a
# full crawl. The server units set it; reset = delete the folder.
INTERFAX_STATE_DIR = ""
# with state: an article that answered 404/410 is not asked for again during this many hours (0: every run)
INTERFAX_STATE_RETRY_GONE_HOURS = 24
# with state: an article lost to another fault (5xx, timeout...) is asked for again by every run during this
# many hours after it first failed (0: never)
INTERFAX_STATE_RETRY_FAILED_HOURS = 72
# with state: a known article published less than this many hours ago is fetched again when due, and
# exported again if it was edited (interfax.state.IncrementalState.recheck_due; 0: never)
INTERFAX_STATE_RECHECK_HOURS = 48

# End-of-run checks (interfax/monitors.py); a failed one makes `scrapy crawl` exit 3.
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["interfax.monitors.CloseSpiderSuite"]
# field coverage is counted by interfax.pipelines.SchemaValidationPipeline (None, "" and [] are
# missing) as interfax/coverage/<field>: spidermon's own per-item counting cost ~3% of a crawl
SPIDERMON_ADD_FIELD_COVERAGE = False
INTERFAX_MONITOR_FINISH_REASONS = ["finished"]
INTERFAX_MONITOR_MIN_ITEMS = 1  # articles exported + already known; a full run that exports nothing fails
INTERFAX_MONITOR_MAX_ERROR_RATE = 0.05  # ERROR log lines per request
INTERFAX_MONITOR_MAX_4XX_RATE = 0.10  # per response, robots.txt not counted
INTERFAX_MONITOR_MAX_5XX_RATE = 0.05
INTERFAX_MONITOR_MAX_DROPPED_RATE = 0.10  # articles dropped for a missing required field, per article parsed
INTERFAX_MONITOR_ERRORS_TOLERATED = 5  # this many errors pass whatever the rate (a few broken links)
INTERFAX_MONITOR_MAX_INVALID_ITEMS = 0  # items failing interfax/schemas/article.json
# minimum share of exported items with the field filled; below 1.0 checked from COVERAGE_MIN_ITEMS items
INTERFAX_MONITOR_FIELD_COVERAGE = {
    "id": 1.0,
    "url": 1.0,
    "lang": 1.0,
    "section": 1.0,
    "title": 1.0,
    "text": 1.0,
    "published_at": 1.0,
    "crawled_at": 1.0,
    "lead": 0.9,
    "related": 0.6,
    "reading_time": 0.5,
    "tags": 0.3,
}
INTERFAX_MONITOR_COVERAGE_MIN_ITEMS = 20
# On a crawl of a mirror (base_url not the live site) these checks warn instead of failing: their
# limits describe the live site, not a mirror's broken links or optional fields (names: field_coverage,
# http_4xx, dropped). Empty = strict everywhere.
INTERFAX_MONITOR_MIRROR_WARN_ONLY = ["field_coverage", "http_4xx", "missing_sections"]
# where to write the report of the checks (every run; "FAILED" lines name what failed). Empty: log only.
INTERFAX_MONITOR_REPORT = ""

LOG_LEVEL = "INFO"

# host names resolved by Scrapy's CachingThreadedResolver (its cache, DNS_TIMEOUT); IP address literals, IPv6
# ones too (a mirror at base_url=http://[::1]:8000), answered at once (interfax/resolver.py)
TWISTED_DNS_RESOLVER = "interfax.resolver.Resolver"
