"""``scrapy parse``: Scrapy's own, shown a page's fields without what makes a crawl.

It runs the spider on the URLs given, so by the project's settings it would write a per-run feed
file (``INTERFAX_DEFAULT_FEED``: an empty ``data/articles/<time>.jsonl`` for every look at a page),
run the end-of-run monitors (a FAILED item count: ``scrapy parse`` exports nothing) and log Scrapy's
deprecation warning about its own callback wrapper returning a Deferred. None of that is the user's;
a ``-s`` given on the command line still wins. ``scrapy fetch`` and ``scrapy view`` are looks at one
page too (``interfax/commands/fetch.py``, ``view.py``).
"""

from __future__ import annotations

import warnings

from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.settings import SETTINGS_PRIORITIES

#: settings of a crawl that a look at one page does without
NOT_A_CRAWL = {"INTERFAX_DEFAULT_FEED": "", "SPIDERMON_ENABLED": False}


class NotACrawl:
    """A command that looks at one page (``parse``, ``fetch``, ``view``): no per-run feed file, no
    end-of-run monitors (``NOT_A_CRAWL``), unless the command line sets them."""

    def process_options(self, args, opts):
        super().process_options(args, opts)
        for name, value in NOT_A_CRAWL.items():
            if (self.settings.getpriority(name) or 0) < SETTINGS_PRIORITIES["cmdline"]:
                self.settings.set(name, value, priority="cmdline")


class Command(NotACrawl, ScrapyParseCommand):
    def process_options(self, args, opts):
        super().process_options(args, opts)
        # Scrapy's parse command wraps every callback in one that returns a Deferred, then warns of it
        warnings.filterwarnings("ignore", r".* returned a Deferred\. Returning Deferreds from spider callbacks",
                                ScrapyDeprecationWarning)
