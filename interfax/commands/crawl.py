"""``scrapy crawl`` with spider arguments validated before anything starts.

A spider that defines ``validate_arguments(**spargs)`` gets its ``-a`` arguments checked here: a
bad value ends the command with one line naming the argument and exit code 2, before the
engine starts or any request is sent. When the end-of-run monitors fail (``interfax/monitors.py``),
their report goes to stderr and the exit code is 3, so cron and systemd see it. Everything else
is Scrapy's own ``crawl`` command.
"""

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader

from interfax.feeds import unwritable
from interfax.monitors import EXIT_MONITOR_FAILED, failed_report


class Command(ScrapyCrawlCommand):
    def process_options(self, args, opts):
        """Scrapy's options, then the spider's arguments: checked before Scrapy logs its start-up, and
        a bad one printed as one line (not after Scrapy's usage text)."""
        super().process_options(args, opts)
        if len(args) != 1:
            return
        try:
            spidercls = get_spider_loader(self.settings).load(args[0])
        except KeyError:
            return  # Scrapy's own run says so
        validate = getattr(spidercls, "validate_arguments", None)
        if validate is None:
            return
        try:
            validate(**opts.spargs)
        except UsageError as exc:
            print(f"scrapy crawl: error: {exc}", file=sys.stderr)
            sys.exit(2)
        # the output: a crawl whose records cannot be written is not started
        for uri in list(self.settings.getdict("FEEDS")) or [self.settings.get("INTERFAX_DEFAULT_FEED") or ""]:
            why = unwritable(uri) if uri else None
            if why:
                print(f"scrapy crawl: error: cannot write the output: {why}", file=sys.stderr)
                sys.exit(2)

    def run(self, args, opts):
        self._crawler = None
        super().run(args, opts)
        failed = failed_report(self._crawler) if self._crawler is not None else []
        if failed and not self.exitcode:
            print("interfax monitors FAILED:", *failed, sep="\n  ", file=sys.stderr)
            self.exitcode = EXIT_MONITOR_FAILED

    def _create_crawler(self, spidercls):
        self._crawler = super()._create_crawler(spidercls)
        return self._crawler
