"""``scrapy view``: Scrapy's own (a fetch shown in a browser), without what makes a crawl
(``interfax/commands/fetch.py``)."""

from __future__ import annotations

from scrapy.commands.view import Command as ScrapyViewCommand

from interfax.commands.parse import NotACrawl


class Command(NotACrawl, ScrapyViewCommand):
    pass
