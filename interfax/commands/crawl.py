"""``scrapy crawl`` with spider arguments validated before anything starts, and an exit code and a
report for every way a run can end.

A spider that defines ``validate_arguments(**spargs)`` gets its ``-a`` arguments checked here: a
bad value ends the command with one line naming the argument and exit code 2, before the
engine starts or any request is sent. When the end-of-run monitors fail (``interfax/monitors.py``),
their report goes to stderr and the exit code is 3, so cron and systemd see it. A crawl that
cannot start (another crawl holds the state folder, a folder that cannot be created...) ends with
one line on stderr naming the cause, never a traceback of an expected fault. A crawl stopped by a
signal before it closed (Ctrl-C twice: Scrapy's "forcing unclean shutdown"; a SIGTERM while the
spider opens) has no stats and no checks: it says so in one line and exits 128 + the signal's
number, so ``scrapy crawl ... && next-step`` stops there. Whenever the monitors do not get to write
``INTERFAX_MONITOR_REPORT``, this command writes it, so the file never keeps an earlier run's
``OK``; from the start of the crawl to its end the report's first line says ``RUNNING`` with the
process id, which a run killed with SIGKILL leaves behind. A crawl skipped because another crawl holds
its output, state folder or JOBDIR (checked at start-up, before its report would say ``RUNNING``) leaves a report
that says ``RUNNING`` for another process alone: it is the running crawl's. Everything else is Scrapy's own ``crawl`` command.

Exit codes: 0 finished and checked, 1 could not start (or Scrapy failed), 2 bad argument, 3 a
monitor failed, 75 another crawl holds the state folder (EX_TEMPFAIL, as ``deploy/interfax-crawl``
when its lock is taken: skipped, not failed), 128 + N stopped by signal N before the crawl closed
(130 SIGINT, 143 SIGTERM).
"""

from __future__ import annotations

import logging
import os
import re
import signal
import sys
import traceback

from scrapy import signals
from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader
from twisted.internet.defer import Deferred

from interfax.feeds import FeedLocked, local_path, lock_output, unwritable
from interfax.monitors import monitors_exit_code, report_head, report_unwritable, write_report
from interfax.extensions import LOCK as JOBDIR_LOCK
from interfax.extensions import JobDirLocked
from interfax.state import StateLocked, lock_early

logger = logging.getLogger(__name__)

EXIT_NOT_STARTED = 1
EXIT_BAD_ARGUMENT = 2
#: EX_TEMPFAIL: another crawl holds the state folder (deploy/interfax-crawl uses it for its own lock)
EXIT_LOCKED = 75
#: a crawl stopped by signal N before it closed exits EXIT_SIGNAL + N (the shell's convention: 130 for SIGINT)
EXIT_SIGNAL = 128
#: CrawlerProcess methods that Scrapy installs as the handlers of SIGINT/SIGTERM (first and second signal)
#: the first line of a report while its crawl runs (``run`` writes it)
_RUNNING_RE = re.compile(r"^interfax monitors: RUNNING \(pid (\d+)\b")
_SIGNAL_HANDLERS = ("_signal_shutdown", "_signal_kill", "_signal_shutdown_reactorless", "_signal_kill_reactorless")


class Command(ScrapyCrawlCommand):
    _report = ""
    _opened = False
    _closed = False
    _error: BaseException | None = None
    #: the lock another crawl holds (found at start-up): the crawl is skipped, before its report says RUNNING
    _skipped: StateLocked | None = None
    _signals: list[int] = []

    def process_options(self, args, opts):
        """Scrapy's options, then the spider's arguments: checked before Scrapy logs its start-up, and
        a bad one printed as one line (not after Scrapy's usage text)."""
        super().process_options(args, opts)
        self._report = self.settings.get("INTERFAX_MONITOR_REPORT") if self.settings.getbool("SPIDERMON_ENABLED") else ""
        if len(args) != 1:
            return
        log_file = self.settings.get("LOG_FILE") if self.settings.getbool("LOG_ENABLED") else None
        if log_file:  # Scrapy opens it before the crawl: a traceback, and nothing in the report, if it cannot
            try:
                open(log_file, "a").close()
            except OSError as exc:
                self._refuse(args[0], f"the crawl did not start: cannot open LOG_FILE {log_file}: {exc.strerror or exc}")
                sys.exit(EXIT_NOT_STARTED)
        try:
            spidercls = get_spider_loader(self.settings).load(args[0])
        except KeyError:
            return  # Scrapy's own run says so
        except Exception as exc:  # a spider module that does not import (a broken deploy): its traceback, and the report says so
            traceback.print_exc()
            self._refuse(args[0], f"the crawl did not start: the spiders cannot be loaded: {type(exc).__name__}: {exc}")
            sys.exit(EXIT_NOT_STARTED)
        validate = getattr(spidercls, "validate_arguments", None)
        if validate is None:
            return
        try:
            validate(**opts.spargs)
        except UsageError as exc:
            self._refuse(args[0], str(exc), "the crawl did not start")
            sys.exit(EXIT_BAD_ARGUMENT)
        # the report: a crawl whose report cannot be written would leave an earlier run's for whoever watches it
        why = report_unwritable(self._report) if self._report else None
        if why:
            print(f"scrapy crawl: error: cannot write the report (INTERFAX_MONITOR_REPORT): {why}", file=sys.stderr)
            sys.exit(EXIT_BAD_ARGUMENT)
        # the failed URLs' file: a crawl that cannot write it would end with no list (and an earlier run's gone)
        failed_file = self.settings.get("INTERFAX_FAILED_FILE") or ""
        why = report_unwritable(failed_file % {"name": args[0] if args else "spider", "time": "now"}) if failed_file else None
        if why:
            print(f"scrapy crawl: error: cannot write the failed URLs (INTERFAX_FAILED_FILE): {why}", file=sys.stderr)
            sys.exit(EXIT_BAD_ARGUMENT)
        # the output: a crawl whose records cannot be written is not started
        for uri in list(self.settings.getdict("FEEDS")) or [self.settings.get("INTERFAX_DEFAULT_FEED") or ""]:
            why = unwritable(uri) if uri else None
            if why:
                self._refuse(args[0], f"cannot write the output: {why}")
                sys.exit(EXIT_BAD_ARGUMENT)
            path = local_path(uri) if uri else None
            if path is not None and "%(" not in path:  # (a per-run name is this run's own)
                try:
                    lock_output(path)
                except FeedLocked as exc:  # another crawl writes it: skipped, as for a held state folder
                    self._skipped = exc  # (said in run: the log is set up by then)
                    return
                except OSError as exc:  # (created and locked now: a file system that refuses it)
                    self._refuse(args[0], f"cannot write the output: {path}: {exc.strerror or exc}")
                    sys.exit(EXIT_BAD_ARGUMENT)
        # the state folder and the job folder, locked now (their extensions take the locks over): a crawl
        # skipped for a held folder stops before its report says RUNNING, which would hide the running crawl's
        try:
            if self.settings.get("INTERFAX_STATE_DIR"):
                lock_early(self.settings.get("INTERFAX_STATE_DIR"))
            if self.settings.get("JOBDIR"):
                lock_early(self.settings.get("JOBDIR"), JOBDIR_LOCK, "JOBDIR", JobDirLocked)
        except StateLocked as exc:
            self._skipped = exc
        except OSError:
            pass  # a folder that cannot be made or locked: the crawl says so when it opens it (exit 1)

    def run(self, args, opts):
        if len(args) < 1:
            raise UsageError
        if len(args) > 1:
            raise UsageError("running 'scrapy crawl' with more than one spider is not supported")
        if self._skipped is not None:  # another crawl holds the output, the state folder or the job folder
            logger.warning("%s", self._skipped)
            self._refuse(args[0], str(self._skipped), status="SKIPPED")
            self.exitcode = EXIT_LOCKED
            return
        crawler = self._create_crawler(args[0])
        self._note_signals(self.crawler_process)
        # until the run ends, the report says so: a run killed before its end (SIGKILL, the OOM
        # killer, a power cut) leaves this line, not the OK of an earlier run
        self._write_report(crawler.spidercls.name, "RUNNING", f"pid {os.getpid()}: not ended yet; if that process is gone, "
                           "the run was killed", [])
        started = self.crawler_process.crawl(crawler, **opts.spargs)
        if isinstance(started, Deferred):
            started.addErrback(lambda failure: self._failed(failure.value))
        else:  # an asyncio task: its exception is taken here, so asyncio does not log it with a traceback
            started.add_done_callback(lambda task: task.cancelled() or self._failed(task.exception()))
        self.crawler_process.start()
        if self._error is not None:
            self._end_failed(crawler, self._error)
            return
        if not self._closed:
            self._end_interrupted(crawler)
            return
        if self.crawler_process.bootstrap_failed:
            self.exitcode = EXIT_NOT_STARTED
        if not self.exitcode:
            self.exitcode = monitors_exit_code(crawler)

    def _create_crawler(self, spidercls):
        crawler = super()._create_crawler(spidercls)
        crawler.signals.connect(self._spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)
        return crawler

    def _spider_opened(self, spider):
        self._opened = True

    def _spider_closed(self, spider, reason):
        self._closed = True

    def _note_signals(self, process) -> None:
        """Note every shutdown signal Scrapy's handlers get, to name it and exit with its number."""
        self._signals = []
        for name in _SIGNAL_HANDLERS:
            handler = getattr(process, name, None)
            if handler is not None:
                setattr(process, name, self._noting(handler))

    def _noting(self, handler):
        def noted(signum, frame):
            self._signals.append(signum)
            handler(signum, frame)

        return noted

    def _failed(self, exc: BaseException | None) -> None:
        if exc is not None and self._error is None:
            self._error = exc

    def _end_failed(self, crawler, exc: BaseException) -> None:
        """The crawl raised (at start-up, as a rule): one line on stderr, the report, the exit code."""
        what = "the crawl failed" if self._opened else "the crawl did not start"
        if isinstance(exc, StateLocked):
            logger.warning("%s", exc)
            self._refuse(crawler.spidercls.name, str(exc), what, status="SKIPPED")
            self.exitcode = EXIT_LOCKED
            return
        if isinstance(exc, OSError) and exc.strerror:
            # an expected fault (a folder that cannot be created...): its cause, no traceback
            cause = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
            logger.error("%s: %s", what, cause)
        else:  # a bug: the traceback goes to the log
            cause = f"{type(exc).__name__}: {exc}"
            logger.error("%s: %s", what, cause, exc_info=(type(exc), exc, exc.__traceback__))
        self._refuse(crawler.spidercls.name, f"{what}: {cause}", what)
        self.exitcode = EXIT_NOT_STARTED

    def _end_interrupted(self, crawler) -> None:
        """The process stops before the spider closed (no stats, no monitors): say so, and fail."""
        if self._signals:
            names = [signal.Signals(n).name for n in self._signals]
            if len(names) > 1:
                how = (f"{names[0]} twice" if len(set(names)) == 1 else ", then ".join(names)) + ": forced unclean shutdown"
            else:
                how = names[0]
            self.exitcode = EXIT_SIGNAL + self._signals[-1]
        else:
            how = "no shutdown signal seen"
            self.exitcode = EXIT_NOT_STARTED
        line = f"the crawl did not close ({how}): no stats, no checks"
        logger.error(line)
        stats = crawler.stats
        counts = (f"items={stats.get_value('item_scraped_count', 0)}, "
                  f"requests={stats.get_value('downloader/request_count', 0)}") if stats else ""
        self._refuse(crawler.spidercls.name, line, "the crawl was interrupted", counts=counts)

    def _refuse(self, spider: str, line: str, summary: str = "the crawl did not start", status: str = "FAILED",
                counts: str = "") -> None:
        """One line on stderr, and the report says the same."""
        print(f"scrapy crawl: error: {line}", file=sys.stderr)
        self._write_report(spider, status, summary, [line], counts)

    def _write_report(self, spider: str, status: str, summary: str, lines: list[str], counts: str = "") -> None:
        """The report of a run the monitors did not check (same first line as theirs: status first)."""
        if not self._report:
            return
        if status == "SKIPPED" and self._running_elsewhere():
            return  # the running crawl's report (and, if it is killed, its RUNNING line left behind) stays
        try:
            write_report(self._report, [report_head(status, summary, spider, counts)] + [f"  {status} {line}" for line in lines])
        except OSError as exc:
            print(f"scrapy crawl: error: cannot write the report {self._report}: {exc.strerror or exc}", file=sys.stderr)

    def _running_elsewhere(self) -> bool:
        """Whether the report says ``RUNNING`` for another process: a crawl running (or killed while
        running) that a skipped crawl must not hide."""
        try:
            with open(self._report, encoding="utf-8", errors="replace") as f:
                first = f.readline()
        except OSError:
            return False
        m = _RUNNING_RE.match(first)
        return m is not None and int(m[1]) != os.getpid()
