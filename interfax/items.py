"""The Article item: one record per article, one JSON Lines line in the feed.

Every field is documented here and in ``interfax/schemas/article.json`` (the JSON Schema that the
monitors and ``scrapy dataset`` validate against) and in the README.
"""

from __future__ import annotations

import scrapy


class Article(scrapy.Item):
    #: int, the numeric id in the URL (``/news/general/1063374.html`` -> 1063374)
    id = scrapy.Field()
    #: str, canonical URL on the live site, never ``-amp`` nor with a query, also when crawled from a mirror
    url = scrapy.Field()
    #: str, edition language: ``uk`` (``ru``, ``en`` for the other editions)
    lang = scrapy.Field()
    #: str, section slug from the URL (``general``)
    section = scrapy.Field()
    #: str, the headline
    title = scrapy.Field()
    #: str | None, the standfirst: meta description, else the first paragraph
    lead = scrapy.Field()
    #: str, article text: paragraphs separated by one blank line, boilerplate removed.
    #: Between the spider and the cleaning pipeline it is a list of raw paragraphs.
    text = scrapy.Field()
    #: str, ISO 8601 with seconds and the Europe/Kyiv offset.
    #: Between the spider and the dates pipeline it is a list of raw candidates, best first.
    published_at = scrapy.Field()
    #: str | None, same form as published_at (raw candidates before the dates pipeline)
    modified_at = scrapy.Field()
    #: list[str], tags as shown, without ``#``
    tags = scrapy.Field()
    #: list[{url, caption}], absolute image URLs; caption is the caption or alt text, or None
    images = scrapy.Field()
    #: str | None, the photo credit ("Фото: ...") when the page shows one
    photo_credit = scrapy.Field()
    #: str | None, the URL of a "Джерело: <url>" source line when the page shows one
    source = scrapy.Field()
    #: list[{id, url, title}], every "ЩЕ ЗА ТЕМОЮ" item shown (desktop block, else the AMP twin's)
    related = scrapy.Field()
    #: int | None, minutes from "N хв читати"
    reading_time = scrapy.Field()
    #: int, words in ``text``
    word_count = scrapy.Field()
    #: str, ISO 8601 UTC time the page was fetched
    crawled_at = scrapy.Field()

    def __init__(self, *args, **kwargs):
        """As Scrapy's ``Item(**fields)``, without a Python call per field (Scrapy's sets each through
        ``__setitem__``: ~80 000 instructions an article); an unknown field raises KeyError there."""
        if args or not kwargs.keys() <= self.fields.keys():
            super().__init__(*args, **kwargs)
        else:
            self._values = kwargs


def values_of(item: Article) -> dict:
    """The dict an Article keeps its values in (Scrapy's ``Item._values``): the pipelines and the exporter
    read and write it directly, where the Item's mapping methods cost one or two Python calls per field."""
    return item._values


#: Field order in the feed: the order above, so JSON Lines records read the same way every time.
FIELDS = list(Article.fields)
