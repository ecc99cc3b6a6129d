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
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# News pages are well under a megabyte: anything past 5 MB is not an article
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30

# Transient failures are retried (with the RETRY_* settings of Scrapy)
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# No listening ports unless a user turns them on
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

ITEM_PIPELINES = {
    "interfax.pipelines.DatesPipeline": 100,
    "interfax.pipelines.CleanTextPipeline": 200,
    "interfax.pipelines.ValidatePipeline": 300,
    "interfax.pipelines.WindowPipeline": 400,
    "interfax.pipelines.DedupPipeline": 500,
}

# JSON Lines, UTF-8 with Cyrillic unescaped, fields in the documented order.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = FIELDS
# Where a run writes when no feed is given (no -o/-O and no FEEDS): one file per run.
# The spider applies it only then, so `-o`/`-O` work as in any Scrapy project. Empty: no default.
INTERFAX_DEFAULT_FEED = "data/articles/%(time)s.jsonl"

LOG_LEVEL = "INFO"
