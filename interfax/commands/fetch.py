"""``scrapy fetch``: Scrapy's own, without what makes a crawl (``interfax/commands/parse.py``).

By the project's settings, a fetch ran the end-of-run monitors (ERROR lines: ``interfax monitors:
FAILED ... item count: 0 articles exported``) and, with ``--spider=articles``, wrote an empty
per-run feed file in ``data/articles/``.
"""

from __future__ import annotations

from scrapy.commands.fetch import Command as ScrapyFetchCommand

from interfax.commands.parse import NotACrawl


class Command(NotACrawl, ScrapyFetchCommand):
    pass
