"""Checks at the end of every run (spidermon), and the report a failed one leaves behind.

:class:`CloseSpiderSuite` runs when the spider closes (``SPIDERMON_SPIDER_CLOSE_MONITORS``):

======================  ==============================================================  =================================
monitor                 fails when                                                      settings
======================  ==============================================================  =================================
Finish reason           the run did not end with an allowed reason                      ``INTERFAX_MONITOR_FINISH_REASONS``
Item count              fewer articles than the floor were exported - articles already  ``INTERFAX_MONITOR_MIN_ITEMS``
                        exported by an earlier run count too, so an incremental run
                        that finds only known articles is quiet
Sections                a section's first listing page is gone (HTTP 404/410, soft 404):  -
                        renamed or dropped by the site, or mistyped
Output                  never fails; warns (a WARNED line) when ``-O`` with a state store  -
                        dropped exported articles, or ``-o``'s file lost some
Error rate              ERROR log lines per request above the rate                      ``INTERFAX_MONITOR_MAX_ERROR_RATE``
HTTP 4xx / 5xx rate     4xx responses per response above the rate (robots.txt not       ``INTERFAX_MONITOR_MAX_4XX_RATE``,
                        counted); pages given up on a 5xx after their retries, per      ``INTERFAX_MONITOR_MAX_5XX_RATE``
                        response (a 5xx storm that retries ended only warns); pages
                        given up without an answer (refused or lost connections,
                        timeouts) per page asked for, at the same rate; listing pages
                        lost to such a fault warn
Dropped articles        articles dropped for a missing required field (a new page       ``INTERFAX_MONITOR_MAX_DROPPED_RATE``
                        layout?) per article parsed above the rate
Field coverage          a field is filled in fewer exported items than its minimum     ``INTERFAX_MONITOR_FIELD_COVERAGE``,
                        share (None, "" and [] count as missing); minimums below 1.0   ``INTERFAX_MONITOR_COVERAGE_MIN_ITEMS``
                        are checked only from a sample of that many items
Schema                  items failing ``interfax/schemas/article.json`` (validated by   ``INTERFAX_MONITOR_MAX_INVALID_ITEMS``
                        spidermon's JSONSchemaValidationPipeline)
======================  ==============================================================  =================================

On a crawl of a mirror (``base_url`` not the live site), the checks named in
``INTERFAX_MONITOR_MIRROR_WARN_ONLY`` (default: field coverage, the 4xx rate and missing sections) warn instead of
failing: their limits describe the live site, not what a mirror's maker left in it (articles dropped
for a missing field still fail: that is the parser's failure, on any site). The
warnings are logged, kept in ``interfax/monitors/warnings`` and written to the report as ``WARNED`` lines.

Rates tolerate a handful: with ``INTERFAX_MONITOR_ERRORS_TOLERATED`` or fewer errors (error
responses, dropped articles) a check passes whatever the rate - a stray 404 or 500 in a small
incremental run is normal.

A failed check: ``interfax/monitors/failed`` (stat) counts the failed monitors, the report (one
line per failure, naming what failed) is logged at ERROR, written to ``INTERFAX_MONITOR_REPORT``
when set, printed on stderr by ``scrapy crawl`` at the end, and ``scrapy crawl`` exits with
:data:`EXIT_MONITOR_FAILED` so that cron and systemd see it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import warnings
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.exceptions import ScrapyDeprecationWarning
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

from interfax import urls
from interfax.feeds import unwritable
from interfax.middlewares import UNREACHABLE
from interfax.pipelines import REQUIRED, MissingFields
from interfax.schema import load_schema

logger = logging.getLogger(__name__)

# spidermon 1.27 logs through Spider.log(), deprecated since Scrapy 2.14: same lines, no warning
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", category=ScrapyDeprecationWarning)

#: exit status of ``scrapy crawl`` when a monitor failed (1: Scrapy's own failures, 2: bad arguments)
EXIT_MONITOR_FAILED = 3

#: The JSON Schema of one record (``interfax/schemas/article.json``).
ARTICLE_SCHEMA = load_schema()

#: fault kinds of a page that got no whole answer (``interfax/errors/<kind>``): the site, or the way to it, was
#: down (or answered with no valid HTTP: a broken proxy on the way)
_NO_ANSWER = sorted(UNREACHABLE | {"data_loss", "bad_response", "tls"})

_MISSING_REASONS = {MissingFields.reason} | {cls.reason for cls in REQUIRED.values()}


def written(stats: dict) -> int:
    """Articles in the feed: the items scraped, less those a feed could not write (disk full: the crawl stopped)."""
    return stats.get("item_scraped_count", 0) - stats.get("interfax/feeds/not_written", 0)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _faults(counts: dict[str, int]) -> str:
    """``{"http_500": 9}`` -> ``HTTP 500``; several kinds with their counts, most frequent first."""
    def label(kind: str) -> str:
        if kind == "http_407":
            return "HTTP 407 from the proxy: it asks for a user name and password"
        return re.sub(r"^http_(\d+)$", r"HTTP \1", kind).replace("not_html", "not HTML").replace("_", " ")

    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ordered) == 1:
        return label(ordered[0][0])
    return ", ".join(f"{n}x {label(kind)}" for kind, n in ordered)


def _pct(value: float) -> str:
    return f"{value:.0%}" if value >= 0.01 or value == 0 else f"{value:.2%}"


class _Check(Monitor):
    """Shared helpers: the crawler's stats and settings."""

    @property
    def stats(self) -> dict:
        return self.data.stats

    @property
    def settings(self):
        return self.data.crawler.settings

    def stat(self, name: str) -> int:
        value = self.stats.get(name, 0)
        return value if isinstance(value, (int, float)) else 0

    def stat_sum(self, pattern: str) -> int:
        regex = re.compile(pattern)
        return sum(v for k, v in self.stats.items() if regex.fullmatch(k) and isinstance(v, (int, float)))

    def over_rate(self, what: str, count: int, total: int, setting: str, unit: str, note: str = "") -> str | None:
        """The line to report when ``count`` of ``total`` is above the rate ``setting`` allows (more
        than ``INTERFAX_MONITOR_ERRORS_TOLERATED`` of them), else None."""
        limit = self.settings.getfloat(setting)
        rate = count / total if total else 0.0
        if count > self.settings.getint("INTERFAX_MONITOR_ERRORS_TOLERATED") and rate > limit:
            return f"{what}: {count} of {total} {unit} ({_pct(rate)}), more than {_pct(limit)}{note} ({setting})"
        return None

    def check_rate(self, what: str, count: int, total: int, setting: str, unit: str, check: str = "") -> None:
        line = self.over_rate(what, count, total, setting, unit)
        if line:
            self.fail_check(check, line)

    def fail_check(self, check: str, message: str) -> None:
        """Fail with ``message``; on a crawl of a mirror, only warn when ``check`` is listed in
        ``INTERFAX_MONITOR_MIRROR_WARN_ONLY`` (those limits describe the live site: a mirror's share
        of broken links or of optional fields is whatever its maker put in it)."""
        crawler = self.data.crawler
        if check and check in self.settings.getlist("INTERFAX_MONITOR_MIRROR_WARN_ONLY") and crawls_a_mirror(crawler.spider):
            self.warn(message, "a mirror's crawl: not a failure")
            return
        self.fail(message)

    def warn(self, message: str, why: str) -> None:
        """A ``WARNED`` line in the report and a WARNING in the log; the run does not fail."""
        stats = self.data.crawler.stats
        stats.set_value("interfax/monitors/warnings", [*(stats.get_value("interfax/monitors/warnings") or []), message])
        logger.warning("monitor warning (%s): %s", why, message)


def crawls_a_mirror(spider) -> bool:
    """Whether the spider fetches from another origin than the live site's (a mirror, a test server)."""
    base_url = getattr(getattr(spider, "args", None), "base_url", None)
    return bool(base_url) and urlsplit(base_url).hostname not in urls.ALL_HOSTS


@monitors.name("Finish reason")
class FinishReasonMonitor(_Check):
    @monitors.name("finished with an allowed reason")
    def test_finish_reason(self):
        allowed = self.settings.getlist("INTERFAX_MONITOR_FINISH_REASONS")
        reason = self.stats.get("finish_reason")
        if reason not in allowed:
            note = ""
            if reason == "shutdown":  # Ctrl-C once, SIGTERM: say what a stop means rather than only that it failed
                jobdir = self.settings.get("JOBDIR")
                note = (f" (stopped by a signal: paused; the same command resumes it from JOBDIR {jobdir})" if jobdir
                        else " (stopped by a signal: the run is incomplete; what it wrote is whole)")
            elif isinstance(reason, str) and reason.startswith("closespider_"):  # -s CLOSESPIDER_ITEMCOUNT=10 ...
                setting = reason.upper()
                note = (f" (stopped by {setting} = {self.settings.get(setting)}: the run is incomplete; what it wrote is "
                        f"whole; list {reason!r} in INTERFAX_MONITOR_FINISH_REASONS when such a stop is expected)")
            self.fail(f"finish reason: {reason!r}, expected {' or '.join(map(repr, allowed))}{note}")


@monitors.name("Item count")
class ItemCountMonitor(_Check):
    @monitors.name("enough articles")
    def test_item_floor(self):
        floor = self.settings.getint("INTERFAX_MONITOR_MIN_ITEMS")
        exported = written(self.stats)
        known = self.stat("interfax/state/known") + self.stat("interfax/drop/already_exported")
        if exported + known < floor:
            cause = self.cause()
            self.fail(
                f"item count: {exported} articles exported, {known} known from earlier runs"
                f"{': ' + cause if cause else ''}; expected at least {floor} (INTERFAX_MONITOR_MIN_ITEMS)"
            )

    def cause(self) -> str:
        """Why so few, as far as the stats tell: the listings (failed, disallowed, empty) or the articles."""
        errors = {k.rsplit("/", 1)[1]: v for k, v in self.stats.items()
                  if k.startswith("interfax/errors/") and k != "interfax/errors/robots_disallowed" and v}
        failed, robots = sum(errors.values()), self.stat("interfax/errors/robots_disallowed")
        pages, listed = self.stat("interfax/listing/pages"), self.stat("interfax/listing/articles")
        parts = []
        if robots:
            unavailable = self.stats.get("interfax/robots/unavailable_why")
            parts.append(f"{unavailable}: {_plural(robots, 'request')} not sent" if unavailable
                         else f"robots.txt disallowed {_plural(robots, 'request')}")
        if not listed:
            sections = len(getattr(getattr(self.data.crawler.spider, "args", None), "sections", None) or ())
            if failed and not pages and 0 < sections and failed + robots <= sections:  # each section's first page
                parts.append(f"{failed} of {_plural(sections, 'listing')} failed ({_faults(errors)})")
            elif failed:
                parts.append(f"{_plural(failed, 'listing page')} failed ({_faults(errors)})")
            if self.stat("interfax/listing/redirected"):
                parts.append(f"{_plural(self.stat('interfax/listing/redirected'), 'listing page')} redirected elsewhere")
            if self.stat("interfax/listing/empty"):
                parts.append(f"{self.stat('interfax/listing/empty')} of {_plural(pages, 'listing page')} held no articles")
            for stat, what in (("stopped_at_since", "older than since"), ("newer_than_until", "newer than until")):
                if self.stat(f"interfax/listing/{stat}"):
                    parts.append(f"listed articles {what}")
            return "; ".join(parts)
        parts.insert(0, f"{_plural(listed, 'article')} listed")
        if self.stat("interfax/failed/count"):
            # an article request answered by another page (redirected to the home page, a listing) is no error kind
            kinds = {**errors, "not_an_article": self.stat("interfax/article/not_an_article")}
            parts.append(f"{self.stat('interfax/failed/count')} failed ({_faults({k: v for k, v in kinds.items() if v})})")
        drops = {k.rsplit("/", 1)[1]: v for k, v in self.stats.items()
                 if k.startswith("interfax/drop/") and k != "interfax/drop/already_exported" and v}
        if drops:
            parts.append(f"{sum(drops.values())} dropped ({_faults(drops)})")
        return ", ".join(parts[:1]) + (": " + "; ".join(parts[1:]) if parts[1:] else "")


@monitors.name("Sections")
class SectionsMonitor(_Check):
    @monitors.name("every section there")
    def test_sections_found(self):
        """A section whose first listing page is gone (HTTP 404/410, a soft 404): a section the site renamed
        or dropped, or a slug mistyped; its articles are missed for good while the other sections pass."""
        missing = self.stats.get("interfax/listing/missing_sections") or []
        if missing:
            self.fail_check("missing_sections", f"sections not found (their first listing page is gone): {', '.join(missing)}; "
                            "check the sections argument, or the site's section names")
        disallowed = self.stats.get("interfax/listing/disallowed_sections") or []
        if disallowed:  # the site's choice, not a fault: said, never failed
            self.warn(f"sections disallowed by robots.txt: {', '.join(disallowed)} (none of their articles listed)", "sections")


@monitors.name("Output")
class OutputMonitor(_Check):
    @monitors.name("exported articles kept")
    def test_exported_articles_kept(self):
        """What the log says of the output, in the report too (a WARNED line): ``-O`` with a state store dropped
        articles earlier runs exported (never exported again), or ``-o`` appends to a file that lost some."""
        dropped = self.stat("interfax/feeds/overwritten")
        if dropped:
            self.warn(f"-O dropped {dropped} articles exported by earlier runs from its file; the state store does not "
                      "export them again (copy the file away after each run, or use -o)", "the output")
        missing = self.stat("interfax/feeds/missing_exported")
        if missing:
            self.warn(f"the output no longer holds {missing} articles the state store counts as exported to it; they "
                      "are not exported again until the state is reset", "the output")


@monitors.name("Errors")
class ErrorRateMonitor(_Check):
    @monitors.name("error rate")
    def test_error_rate(self):
        self.check_rate(
            "errors", self.stat("log_count/ERROR"), self.stat("downloader/request_count"),
            "INTERFAX_MONITOR_MAX_ERROR_RATE", "requests logged an ERROR",
        )

    def _responses(self, first_digit: str) -> tuple[int, int]:
        count = self.stat_sum(rf"downloader/response_status_count/{first_digit}\d\d")
        count -= self.stat_sum(rf"robotstxt/response_status_count/{first_digit}\d\d")
        total = self.stat("downloader/response_count") - self.stat("robotstxt/response_count")
        return max(count, 0), max(total, 0)

    @monitors.name("HTTP 4xx rate")
    def test_4xx_rate(self):
        """A 429 is the site's rate limit, not a broken link: pages lost to it (given up after their retries)
        fail the run; 429s that retries recovered are a warning naming the pace the crawl slowed down to."""
        count, total = self._responses("4")
        limited = self.stat("downloader/response_status_count/429") - self.stat("robotstxt/response_status_count/429")
        if limited > 0:
            count -= limited
            lost = self.stat("interfax/errors/http_429")
            self.check_rate("rate limited (HTTP 429), given up after retries", lost, total,
                            "INTERFAX_MONITOR_MAX_4XX_RATE", "responses")
            pace = self.stat("interfax/retry/pace_seconds")
            storm = self.over_rate("rate limited (HTTP 429)", limited, total, "INTERFAX_MONITOR_MAX_4XX_RATE", "responses",
                                   (f"; slowed down to one request every {pace:g} s" if pace else "")
                                   + f"; retries recovered all but {lost} pages")
            if storm:
                self.warn(storm, "the site limits the request rate")
        self.check_rate("HTTP 4xx", count, total, "INTERFAX_MONITOR_MAX_4XX_RATE", "responses", "http_4xx")

    @monitors.name("HTTP 5xx rate")
    def test_5xx_rate(self):
        """Pages lost to 5xx (given up after their retries) fail the run; a 5xx storm that retries
        ended, losing nothing, is a warning (the site is struggling; the data is whole)."""
        count, total = self._responses("5")
        lost = self.stat_sum(r"interfax/errors/http_5\d\d")
        self.check_rate("HTTP 5xx, given up after retries", lost, total, "INTERFAX_MONITOR_MAX_5XX_RATE", "responses")
        storm = self.over_rate("HTTP 5xx", count, total, "INTERFAX_MONITOR_MAX_5XX_RATE", "responses",
                               f"; retries recovered all but {lost} pages")
        if storm:
            self.warn(storm, "the site answered 5xx")
        # the site down at the network level (refused or dropped connections, no answer in time): pages
        # lost as to a 5xx, but no response to count them by (before, such a run passed without a word)
        down = {kind: self.stat(f"interfax/errors/{kind}") for kind in _NO_ANSWER if self.stat(f"interfax/errors/{kind}")}
        asked = self.stat("downloader/request_count") - self.stat("retry/count") - self.stat("robotstxt/request_count")
        if down:
            self.check_rate(f"no answer ({_faults(down)}), given up after retries", sum(down.values()), max(asked, 1),
                            "INTERFAX_MONITOR_MAX_5XX_RATE", "pages asked for")
        # lost listing pages: their articles are missed by this run, however few the pages; a page with no article
        # link the crawler can read that links a next page is a layout it may not know, not the site down
        unread = self.stat("interfax/listing/lost_empty")
        listings = self.stat("interfax/listing/lost") - unread
        missed = "their articles are missed by this run (with a state store, the next run looks for them)"
        if listings:
            self.warn(f"listing pages lost to a fault that may pass (5xx, no answer, maintenance ...): {listings}; {missed}",
                      "the site was partly down")
        if unread:
            self.warn(f"listing pages with no article link the crawler can read, though they link their next page: {unread} "
                      f"(a listing layout it does not know, or a passing glitch of the site); {missed}",
                      "listings unread")

    @monitors.name("dropped articles")
    def test_dropped_rate(self):
        dropped = sum(self.stat(f"interfax/drop/{reason}") for reason in _MISSING_REASONS)
        parsed = self.stat("item_scraped_count") + self.stat_sum(r"interfax/drop/[a-z_]+")
        missing = sorted(k.rsplit("/", 1)[1] for k in self.stats if k.startswith("interfax/missing/"))
        self.check_rate(
            f"dropped for a missing field ({', '.join(missing) or '-'})", dropped, parsed,
            "INTERFAX_MONITOR_MAX_DROPPED_RATE", "articles", "dropped",
        )


@monitors.name("Field coverage")
class FieldCoverageMonitor(_Check):
    @monitors.name("fields filled")
    def test_field_coverage(self):
        rules = self.settings.getdict("INTERFAX_MONITOR_FIELD_COVERAGE")
        items = self.stat("interfax/coverage/items")
        if not items:
            return  # nothing exported: the item count monitor speaks for it
        sample = self.settings.getint("INTERFAX_MONITOR_COVERAGE_MIN_ITEMS")
        failures = []
        for field, minimum in rules.items():
            minimum = float(minimum)
            if minimum < 1.0 and items < sample:
                continue
            filled = self.stat(f"interfax/coverage/{field}")
            share = filled / items
            if share + 1e-9 < minimum:
                failures.append(f"{field} {_pct(share)} < {_pct(minimum)} ({filled} of {items})")
        if failures:
            self.fail_check("field_coverage", "field coverage: " + "; ".join(failures) + " (INTERFAX_MONITOR_FIELD_COVERAGE)")


@monitors.name("Schema")
class SchemaMonitor(_Check):
    @monitors.name("items valid")
    def test_items_valid(self):
        invalid = self.stat("interfax/schema/invalid")
        allowed = self.settings.getint("INTERFAX_MONITOR_MAX_INVALID_ITEMS")
        if invalid > allowed:
            prefix = "interfax/schema/invalid/"
            fields = {k[len(prefix):]: v for k, v in self.stats.items() if k.startswith(prefix)}
            detail = ", ".join(f"{f} ({n})" for f, n in sorted(fields.items())) or "?"
            self.fail(
                f"schema: {invalid} of {self.stat('interfax/schema/items')} items invalid against "
                f"interfax/schemas/article.json, fields: {detail}"
            )


class MonitorReport(Action):
    """Always runs last: stats, log lines, the report file."""

    def run_action(self):
        crawler = self.data.crawler
        stats = crawler.stats
        failed = [_failure_line(r) for r in self.result.monitors_failed_results]
        total = len(self.result.monitor_results)
        stats.set_value("interfax/monitors/checked", total)
        stats.set_value("interfax/monitors/failed", len(failed))
        warned = list(stats.get_value("interfax/monitors/warnings") or [])
        lines = report_lines(crawler.spider.name if crawler.spider else "?", self.data.stats, failed, total, warned)
        if failed:
            stats.set_value("interfax/monitors/report", failed)
            for line in lines:
                logger.error(line)
        else:
            logger.info(lines[0])
        path = crawler.settings.get("INTERFAX_MONITOR_REPORT")
        if path:
            write_report(path, lines)


class CloseSpiderSuite(MonitorSuite):
    monitors = [
        FinishReasonMonitor,
        ItemCountMonitor,
        SectionsMonitor,
        OutputMonitor,
        ErrorRateMonitor,
        FieldCoverageMonitor,
        SchemaMonitor,
    ]
    monitors_finished_actions = [MonitorReport]


# ---------------------------------------------------------------- report


def _failure_line(result) -> str:
    """The message of a failed check (its AssertionError), or the crash of a broken one."""
    text = str(result.error or "").strip()
    match = re.search(r"AssertionError: (.*)\Z", text, re.S)
    if match:
        return match.group(1).strip()
    last = text.splitlines()[-1] if text else "error"
    return f"{getattr(result.item, 'name', 'monitor')} crashed: {last}"


def report_head(status: str, summary: str, spider: str, details: str = "") -> str:
    """The report's first line (status first, for ``grep``), as the monitors and ``scrapy crawl`` write it."""
    when = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return f"interfax monitors: {status} ({summary}) - spider {spider}, {when}" + (f", {details}" if details else "")


def report_lines(spider: str, stats: dict, failed: list[str], total: int, warned: list[str] = ()) -> list[str]:
    head = report_head(
        "FAILED" if failed else "OK", f"{len(failed)} of {total} checks failed", spider,
        f"finish_reason={stats.get('finish_reason')}, items={written(stats)}, "
        f"new={stats.get('interfax/state/new', '-')}, known={stats.get('interfax/state/known', '-')}, "
        + (f"refreshed={stats['interfax/state/refreshed']}, " if stats.get("interfax/state/refreshed") else "")
        + f"requests={stats.get('downloader/request_count', 0)}",
    )
    return [head] + [f"  FAILED {line}" for line in failed] + [f"  WARNED {line}" for line in warned]


def write_report(path: str, lines: list[str]) -> None:
    """Write the report atomically (a reader never sees half of it)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, target)


def report_unwritable(path: str) -> str | None:
    """Why :func:`write_report` cannot write ``path``, in a few words; None when it can. Checked by
    ``scrapy crawl`` before a crawl starts: a crawl whose report cannot be written would leave an earlier
    run's report for whoever watches it. A missing folder is created (when its first existing parent takes
    it); an existing folder must take a new file (the report is written beside itself, then renamed)."""
    why = unwritable(path)
    if why:
        return why
    folder = Path(path).parent
    if not folder.is_dir():
        return None  # created when written (unwritable checked its first existing parent)
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=f".{Path(path).name}.probe-")
    except OSError as exc:
        return f"cannot create files in {folder} ({exc.strerror or exc})"
    os.close(fd)
    os.unlink(probe)
    return None


def failed_report(crawler) -> list[str]:
    """The failure lines of the crawler's monitors (empty: passed, or monitors off)."""
    stats = crawler.stats
    if not stats or not stats.get_value("interfax/monitors/failed"):
        return []
    return list(stats.get_value("interfax/monitors/report") or ["a monitor failed"])


def monitors_exit_code(crawler, stream=None) -> int:
    """After a crawl: :data:`EXIT_MONITOR_FAILED` with the failure lines printed to ``stream``
    (stderr) when a monitor failed, else 0 - what ``scrapy crawl`` and ``python -m interfax.offline`` end with."""
    failed = failed_report(crawler)
    if not failed:
        return 0
    print("interfax monitors FAILED:", *failed, sep="\n  ", file=stream if stream is not None else sys.stderr)
    return EXIT_MONITOR_FAILED
