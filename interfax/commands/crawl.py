"""``scrapy crawl`` with spider arguments validated before anything starts.

A spider that defines ``validate_arguments(**spargs)`` gets its ``-a`` arguments checked here: a
bad value ends the command with one line naming the argument and exit code 2, before the
engine starts or any request is sent. Everything else is Scrapy's own ``crawl`` command.
"""

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.spiderloader import get_spider_loader


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        if len(args) == 1:
            try:
                spidercls = get_spider_loader(self.settings).load(args[0])
            except KeyError:
                spidercls = None
            validate = getattr(spidercls, "validate_arguments", None)
            if validate is not None:
                validate(**opts.spargs)
        super().run(args, opts)
