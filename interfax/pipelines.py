"""Whether to keep an item, and in what form: dates, text cleaning, validation, window, duplicates.

Each pipeline reads its settings once in ``from_crawler`` and counts what it did in stats named
``interfax/<step>/<outcome>``; every drop is a ``DropItem`` subclass named for its reason, counted
as ``interfax/drop/<reason>`` and logged once with the article's URL.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

import scrapy
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from interfax import cleaning, dates
from interfax.items import Article, values_of
from interfax.schema import RecordValidator, load_schema
from interfax.stats import incrementer

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------- drop reasons


class ArticleDropped(DropItem):
    """Base of every drop: ``reason`` names the stat ``interfax/drop/<reason>``."""

    reason = "dropped"
    log_level: str | None = "WARNING"

    def __init__(self, message: str):
        super().__init__(message, log_level=type(self).log_level)


class MissingFields(ArticleDropped):
    """A required field is missing or empty: a page in an unknown layout, or a broken page."""

    reason = "missing_fields"


class NoId(MissingFields):
    reason = "no_id"


class NoUrl(MissingFields):
    reason = "no_url"


class NoTitle(MissingFields):
    reason = "no_title"


class NoText(MissingFields):
    reason = "no_text"


class NoDate(MissingFields):
    reason = "no_date"


class StandInText(ArticleDropped):
    """The text is only what the CMS printed in place of the body (a PHP warning, a database error, "Lorem
    ipsum"): a passing fault of the site, listed as failed (a later run can retry it)."""

    reason = "stand_in_text"

    def __init__(self, said: str, url: str):
        #: what the failed list says of the article
        self.why = f"the CMS's error or placeholder in place of its text: {said!r}"
        super().__init__(f"{self.why}: {url}")


class OutOfWindow(ArticleDropped):
    """Published outside the crawl's ``since``/``until`` window (expected: logged at INFO)."""

    reason = "out_of_window"
    log_level = "INFO"


class DuplicateArticle(ArticleDropped):
    """The same article id was already exported in this crawl."""

    reason = "duplicate"
    log_level = "INFO"


#: required field -> the drop raised when it is missing (checked in this order)
REQUIRED = {"id": NoId, "url": NoUrl, "title": NoTitle, "text": NoText, "published_at": NoDate}


def _count_drop(crawler, exc: ArticleDropped) -> ArticleDropped:
    crawler.stats.inc_value(f"interfax/drop/{exc.reason}")
    return exc


# ---------------------------------------------------------------- pipelines


class _Step:
    """A pipeline step: built from the crawler, whose stats it counts in."""

    def __init__(self, crawler):
        self.crawler = crawler
        #: ``crawler.stats.inc_value``, looked up once (``interfax.stats.incrementer``)
        self.count = incrementer(crawler.stats)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)


class DatesPipeline(_Step):
    """Raw date candidates -> one Kyiv ISO 8601 string (first candidate that parses)."""

    FIELDS = ("published_at", "modified_at")

    def process_item(self, item):
        adapter, names = fields_of(item)
        now = dates.from_iso(adapter.get("crawled_at"))
        published_note = None
        if "published_at" in names:
            adapter["published_at"], published_note = self._pick("published_at", adapter.get("published_at"), now, adapter)
        if "modified_at" in names:
            # the same CMS writes both: a published time found to be UTC makes the modified one UTC too,
            # one found to be Kyiv time under another offset makes the modified one so too
            adapter["modified_at"], _ = self._pick("modified_at", adapter.get("modified_at"), now, adapter,
                                                   naive_is_utc=published_note == "naive_utc",
                                                   offset_is_local=published_note == "wrong_offset")
            self._check_modified(adapter)
        return item

    def _check_modified(self, adapter) -> None:
        """A modified time the page gives only as the publication's day is no news: left out. One
        before the publication is kept as given, with a warning."""
        published, modified = dates.from_iso(adapter.get("published_at")), dates.from_iso(adapter.get("modified_at"))
        if published is None or modified is None or modified >= published:
            return
        raw = adapter.get("modified_at")
        if modified.date() == published.date() and modified.time() == modified.time().min:
            adapter["modified_at"] = None
            self.count("interfax/dates/modified_day_only")
            return
        self.count("interfax/dates/modified_before_published")
        logger.warning("%s: modified_at %s is before published_at %s (both kept, as the page gives them)",
                       adapter.get("url"), raw, adapter.get("published_at"))

    def _pick(self, field: str, raw, now: datetime | None, adapter, naive_is_utc: bool = False,
              offset_is_local: bool = False) -> tuple[str | None, str | None]:
        candidates = [raw] if isinstance(raw, str) else list(raw or [])
        value, index, note = dates.pick(candidates, now, naive_is_utc, offset_is_local)
        if value:
            self.count(f"interfax/dates/{field}/parsed")
            if note != "naive_utc" and dates.near_switch(value):
                self._dst_note(field, candidates[index], value, now, adapter)
            if note == "time_from_later":
                self.count("interfax/dates/time_from_later")
                logger.info("%s of %s: %r is only a day, used the time of %r", field, adapter.get("url"), candidates[0], candidates[index])
            elif note == "naive_utc":
                self.count("interfax/dates/naive_utc")
                logger.info("%s of %s: %r has no offset and is read as UTC, as the time shown on the page says",
                            field, adapter.get("url"), candidates[0])
            elif note == "wrong_offset":
                self.count("interfax/dates/wrong_offset")
                if offset_is_local:  # (its own offset, wrong as the published time's was)
                    logger.info("%s of %s: %r has an offset Kyiv did not have then, as published_at had: read as "
                                "Kyiv time", field, adapter.get("url"), candidates[index])
                else:
                    logger.info("%s of %s: %r is the time shown on the page, %r, under an offset Kyiv did not have "
                                "then: read as Kyiv time", field, adapter.get("url"), candidates[0], candidates[index])
            elif note == "disagree":
                self.count("interfax/dates/disagree")
                logger.warning("%s of %s: %r%s disagrees with %r shown on the page; kept %s",
                               field, adapter.get("url"), candidates[index],
                               " (no offset, read as Kyiv time)" if dates.is_naive_iso(candidates[index]) else "",
                               [c for c in candidates[index + 1:] if dates.has_time(c)], value)
            elif note == "future_skipped":
                self.count("interfax/dates/future_skipped")
                logger.warning("%s of %s: %r is after the crawl (%s), not a %s date; used %r",
                               field, adapter.get("url"), candidates[0], adapter.get("crawled_at"),
                               "publication" if field == "published_at" else "modification", candidates[index])
            elif note == "future":
                self.count("interfax/dates/future")
                logger.warning("%s of %s: %s is after the crawl (%s): kept as the page gives it (a wrong date on "
                               "the page, or this machine's clock is behind)", field, adapter.get("url"), value,
                               adapter.get("crawled_at"))
            elif index:
                self.count("interfax/dates/fallback")
                implausible = self._implausible(candidates[:index], now)
                if implausible:
                    logger.warning("%s of %s: %s; used %r", field, adapter.get("url"), implausible, candidates[index])
                else:
                    logger.info("%s of %s: %r did not parse, used %r", field, adapter.get("url"), candidates[0], candidates[index])
            return value, note
        if candidates:
            self.count(f"interfax/dates/{field}/unparsed")
            implausible = self._implausible(candidates, now)
            logger.warning("%s of %s: no date in %r%s", field, adapter.get("url"), candidates,
                           f" ({implausible})" if implausible else "")
        return None, None

    def _dst_note(self, field: str, raw: str, value: str, now: datetime | None, adapter) -> None:
        """Count (and say) a time shown without an offset in the hour a daylight-saving switch repeats
        (read as the first, summer-time one) or skips (moved forward by the hour)."""
        note = dates.dst_note(raw, now)
        if note is None:
            return
        self.count(f"interfax/dates/{note}_hour")
        rule = "the first (summer-time) one" if note == "ambiguous" else "moved forward by the hour"
        logger.warning("%s of %s: %r is a Kyiv time that the daylight-saving switch %s, and the page gives no "
                       "offset: read as %s, %s", field, adapter.get("url"), raw,
                       "repeats" if note == "ambiguous" else "skips", rule, value)

    def _implausible(self, candidates: list, now: datetime | None) -> str | None:
        """What to say of a candidate that reads as a date but in an implausible year (1970: an unset
        timestamp; 2099: a placeholder), counted in ``interfax/dates/implausible_year``; None if none is."""
        for raw in candidates:
            year = dates.implausible_year(raw, now)
            if year is not None:
                self.count("interfax/dates/implausible_year")
                where = f"before {dates.MIN_YEAR}" if year < dates.MIN_YEAR else "more than a year after the crawl"
                return f"{raw!r} is dated {year}, {where}: an unset or placeholder date, not the article's"
        return None


class CleanTextPipeline(_Step):
    """Raw paragraphs -> text without boilerplate lines; fills ``word_count`` and a missing ``lead``."""

    def process_item(self, item):
        adapter, names = fields_of(item)
        raw = adapter.get("text")
        paragraphs = raw if isinstance(raw, list) else [raw or ""]
        captions = [img.get("caption") for img in adapter.get("images") or () if isinstance(img, dict)]
        # a date-and-time line is the header's again only when it shows the article's own instants
        shown = (adapter.get("published_at"), adapter.get("modified_at"))
        now = adapter.get("crawled_at")
        kept = cleaning.clean_paragraphs(paragraphs, adapter.get("title"), captions, shown, now)
        if not kept and (adapter.get("title") or any(captions)):
            # a news flash or a photo item whose only text repeats its headline and/or its image's
            # caption (or alt text): that text is the text
            kept = cleaning.clean_paragraphs(paragraphs, shown=shown, now=now)
            if kept:
                self.count("interfax/clean/headline_only_text")
        dropped = sum(1 for p in paragraphs if p and not p.isspace()) - len(kept)
        if dropped:
            self.count("interfax/clean/lines_dropped", dropped)
        adapter["text"] = "\n\n".join(kept)
        if "word_count" in names:
            adapter["word_count"] = sum(map(cleaning.count_words, kept))
        if kept and "lead" in names and not cleaning.is_lead(adapter.get("lead"), adapter.get("title")):
            # the first paragraph that reads as prose (not a dateline, an "ОНОВЛЕНО" label, an event's time)
            adapter["lead"] = next(filter(cleaning.reads_as_lead, kept), kept[0])
        return item


class ValidatePipeline(_Step):
    """Drop an item lacking a required field; one warning names every missing field."""

    def process_item(self, item):
        adapter, _ = fields_of(item)
        missing = [name for name in REQUIRED if adapter.get(name) in (None, "", [])]
        if not missing:
            return self._stand_in(item, adapter)
        stats = self.crawler.stats
        for name in missing:
            stats.inc_value(f"interfax/missing/{name}")
        url = adapter.get("url") or "?"
        raise _count_drop(
            self.crawler,
            REQUIRED[missing[0]](f"missing {', '.join(missing)} (unknown layout?): {url}"),
        )

    def _stand_in(self, item, adapter):
        """``item``, unless its text is only what the CMS printed in place of the body (``cleaning.stand_in_text``)."""
        said = cleaning.stand_in_text(adapter.get("text"))
        if said is None:
            return item
        raise _count_drop(self.crawler, StandInText(said, adapter.get("url")))


class WindowPipeline(_Step):
    """Drop articles published outside the spider's ``since``/``until`` (Kyiv dates)."""

    def process_item(self, item):
        spider = self.crawler.spider
        since: date | None = getattr(spider, "since", None)
        until: date | None = getattr(spider, "until", None)
        adapter, _ = fields_of(item)
        published = dates.from_iso(adapter.get("published_at"))
        if published is None:
            return item
        day = published.astimezone(dates.KYIV).date()
        if (since and day < since) or (until and day > until):
            raise _count_drop(self.crawler, OutOfWindow(f"published {day} outside {since}..{until}: {adapter.get('url')}"))
        return item


class DedupPipeline(_Step):
    """Export each article id once per crawl."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[int] = set()

    def process_item(self, item):
        article_id = fields_of(item)[0].get("id")
        if article_id in self.seen:
            raise _count_drop(self.crawler, DuplicateArticle(f"article {article_id} already exported"))
        self.seen.add(article_id)
        self.count("interfax/items/exported")
        return item


def fields_of(item):
    """(the item to read and write fields of, the names of its fields), for any item type.

    dicts and Scrapy Items are mappings already and are used as they are; other item types
    (dataclasses, attrs, pydantic) through ``ItemAdapter``, which adds three calls to each access.
    """
    if isinstance(item, Article):  # (only declared fields are written: its dict is written directly)
        return values_of(item), item.fields.keys()
    if isinstance(item, scrapy.Item):
        return item, item.fields.keys()
    if isinstance(item, dict):
        return item, item.keys()
    adapter = ItemAdapter(item)
    return adapter, adapter.field_names()


class SchemaValidationPipeline(_Step):
    """Check every exported item against ``interfax/schemas/article.json`` and count field coverage.

    Never drops. ``interfax/schema/items`` and ``interfax/schema/invalid`` (with
    ``…/invalid/<field>``) feed the schema monitor, ``interfax/coverage/items`` and
    ``interfax/coverage/<field>`` (items where the field is not None, "" or []) the coverage
    monitor; the first reasons of each invalid item are logged. A compiled check answers for
    valid items (~8 µs), ``jsonschema`` explains the invalid ones. Coverage is counted locally
    and written to the stats when the spider closes (before the monitors run).
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self.validator = RecordValidator(load_schema())
        self.items = 0
        self.filled: dict[str, int] = {}

    def process_item(self, item):
        record = dict(fields_of(item)[0].items())  # shallow: nothing here writes to it
        self.items += 1
        filled = self.filled
        for name, value in record.items():
            if value is not None and value != "" and value != []:
                filled[name] = filled.get(name, 0) + 1
        errors = self.validator.errors(record)
        if errors:
            stats = self.crawler.stats
            stats.inc_value("interfax/schema/invalid")
            for error in errors:
                field = error.split(":", 1)[0].lstrip("$.").split(".")[0].split("[")[0] or "_record"
                stats.inc_value(f"interfax/schema/invalid/{field}")
            logger.warning("item %s does not match the schema: %s", record.get("url"), "; ".join(errors))
        return item

    def close_spider(self):
        stats = self.crawler.stats
        stats.set_value("interfax/schema/items", self.items)
        stats.set_value("interfax/coverage/items", self.items)
        for name, count in self.filled.items():
            stats.set_value(f"interfax/coverage/{name}", count)
