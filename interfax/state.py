"""The state store: the ledger of every article exported, for incremental runs and crash safety.

One SQLite database (stdlib ``sqlite3``, WAL mode) in the folder named by ``INTERFAX_STATE_DIR``
(``state.sqlite3``). Unset, there is no state: every run is a full crawl.

Tables
    ``articles``  one row per exported article id: url, published_at, the related URLs, first and
                  last export time, how many times exported, the feed file and run of the last
                  export, and ``settled`` (see below).
    ``pending``   write intents: (feed, offset, id, length) of a JSON line about to be appended.
    ``gone``      articles that answered 404/410: not requested again for
                  ``INTERFAX_STATE_RETRY_GONE_HOURS`` (then retried; exported, they leave the table).
    ``failed``    articles that failed otherwise (5xx after retries, a timeout, an empty page...): asked
                  for again at the start of every run for ``INTERFAX_STATE_RETRY_FAILED_HOURS`` after
                  the first failure, at the depth they were reached by (exported, they leave the
                  table). Without it an article reached only as a related item, or pushed below a
                  listing page of settled articles, was never asked for again.
    ``runs``      one row per run: start, end, finish reason, counts.
    ``feeds``     one row per feed file: the last run that opened it (so that ``-O`` on the file of a
                  run that did not finish appends to it instead of losing what that run exported).

The exactly-once invariant
    An article counts as exported once, and only once, its JSON line is complete in a feed file.
    The feed writer (:mod:`interfax.feeds`) appends each record with one ``write`` of the whole
    line, bracketed by the store::

        intend(feed, offset, id, length)   # committed: "a line of `length` bytes for `id` goes at `offset`"
        write(line)                        # one write(2) of the whole line (+ fsync if INTERFAX_FEED_FSYNC)
        confirm()                          # committed: pending row -> articles row

    A SIGKILL can land anywhere. At the start of the next run :meth:`StateStore.recover` settles
    every pending row by reading the feed at its offset: a complete line for that id means the
    write happened (the row moves to ``articles``); anything else means it did not (a partial
    line at the end of the file is truncated away, the row is dropped, and the article will be
    crawled again). So the union of the feed files holds each exported article exactly once, and
    ``articles`` names exactly the ids in them.

Settled articles
    An article exported (or met as known and expanded) by a run that finished normally is
    *settled*: its related links were followed and the listings below it were walked. A listing
    page holding only settled articles stops the paging of an incremental run. A run that lost a
    listing page to a fault that may pass (an outage: a 5xx, a refused connection after the retries)
    settles nothing: the listings below its articles were not all walked, so the next run pages past
    them to the articles the lost page listed (else it would stop above them, and never list them). Articles exported
    by a run that was killed or stopped are known (never fetched or exported again) but not
    settled: the next run walks past them and follows their stored related links, so what the
    killed run had not reached yet is still found.

Reset: delete the folder (or ``python -m interfax.state reset DIR``); the next run is a full crawl.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from interfax import urls

logger = logging.getLogger(__name__)

DB_NAME = "state.sqlite3"
#: failure reasons (``ArticlesSpider.failed``) meaning the article is not there
_GONE_RE = re.compile(r"^(HTTP (404|410)\b|soft 404)")


#: the fault kinds (``interfax/errors/<kind>``) of those reasons
GONE_KINDS = frozenset({"http_404", "http_410", "soft_404"})


def is_gone(reason) -> bool:
    """A failure reason (``ArticlesSpider.failed``) that says the article is not there (HTTP 404/410,
    a soft 404): kept as gone, not asked for again for ``INTERFAX_STATE_RETRY_GONE_HOURS``."""
    return _GONE_RE.match(str(reason)) is not None


SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    reason TEXT,
    new INTEGER NOT NULL DEFAULT 0,
    refreshed INTEGER NOT NULL DEFAULT 0,
    known INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    since TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    published_at TEXT,
    related TEXT NOT NULL DEFAULT '[]',
    first_exported TEXT NOT NULL,
    last_exported TEXT NOT NULL,
    exports INTEGER NOT NULL DEFAULT 1,
    feed TEXT,
    run INTEGER,
    settled INTEGER NOT NULL DEFAULT 0,
    digest TEXT,
    checked TEXT,
    reach INTEGER
);
CREATE INDEX IF NOT EXISTS articles_run ON articles (run);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at);
CREATE TABLE IF NOT EXISTS gone (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    reason TEXT NOT NULL,
    first_failed TEXT NOT NULL,
    last_failed TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS failed (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    reason TEXT NOT NULL,
    depth INTEGER NOT NULL DEFAULT 0,
    first_failed TEXT NOT NULL,
    last_failed TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS pending (
    feed TEXT NOT NULL,
    offset INTEGER NOT NULL,
    id INTEGER NOT NULL,
    length INTEGER NOT NULL,
    run INTEGER,
    PRIMARY KEY (feed, offset)
);
CREATE TABLE IF NOT EXISTS feeds (feed TEXT PRIMARY KEY, run INTEGER NOT NULL);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def record_digest(record) -> str:
    """What an export says, to tell an edited article from an unchanged one: every field but ``crawled_at``
    (a record, or an item before export: the same digest)."""
    from interfax.items import FIELDS  # here: the store itself needs no Scrapy items

    data = json.dumps([record.get(name) for name in FIELDS if name != "crawled_at"], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def _hours_ago(hours: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(hours=hours)).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Known:
    """What the store knows of an article: exported (``gone`` False) or recently 404/410 (``gone`` True).

    ``settled``: nothing is left to do for it in a normal run (a gone article is settled too).
    """

    id: int
    settled: bool
    published_at: str | None = None
    related: tuple[str, ...] = ()
    gone: bool = False
    #: when the article was last fetched (its last export, or a recheck that found it unchanged)
    checked: str | None = field(default=None, compare=False)
    #: how many hops of related links a finished run followed from it (``related_depth`` less the hops it
    #: was reached by); None: not recorded (a store made before), taken as far as any run asks
    reach: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Intent:
    feed: str
    offset: int
    id: int
    length: int


@dataclass
class Recovery:
    """What :meth:`StateStore.recover` found: intents whose line was written / was not."""

    confirmed: int = 0
    rolled_back: int = 0
    truncated_bytes: int = 0


#: what a run exported for the first time, and again, by the ledger (for a run whose end was never recorded)
_RUN_NEW = "(SELECT count(*) FROM articles WHERE articles.run = runs.id AND exports = 1)"
_RUN_REFRESHED = "(SELECT count(*) FROM articles WHERE articles.run = runs.id AND exports > 1)"


class StateStore:
    """The SQLite ledger. No Scrapy here: usable from scripts and tests."""

    def __init__(self, directory: str | os.PathLike, *, durable: bool = False):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.path = self.dir / DB_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        # NORMAL: a commit survives a killed process; FULL: it also survives a power cut.
        self.db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        self.db.executescript(_SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        for name in ("digest", "checked"):  # a store made before rechecks
            if name not in columns:
                self.db.execute(f"ALTER TABLE articles ADD COLUMN {name} TEXT")  # noqa: S608 - fixed names
        if "reach" not in columns:  # a store made before reaches: its rows count as followed as far as asked
            self.db.execute("ALTER TABLE articles ADD COLUMN reach INTEGER")
        if "since" not in {row[1] for row in self.db.execute("PRAGMA table_info(runs)")}:  # a store made before backfills
            self.db.execute("ALTER TABLE runs ADD COLUMN since TEXT")
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ queries

    def lookup(self, article_id: int, *, exclude_run: int | None = None, gone_since: str | None = None) -> Known | None:
        """The article if exported (by a run other than ``exclude_run``) or gone since ``gone_since``."""
        row = self.db.execute(
            "SELECT id, settled, published_at, related, coalesce(checked, last_exported), reach FROM articles "
            "WHERE id = ? AND run IS NOT ?",
            (article_id, exclude_run),
        ).fetchone()
        if row is not None:
            return Known(row[0], bool(row[1]), row[2], tuple(json.loads(row[3] or "[]")), checked=row[4], reach=row[5])
        if gone_since is not None:
            row = self.db.execute("SELECT 1 FROM gone WHERE id = ? AND last_failed >= ?", (article_id, gone_since)).fetchone()
            if row is not None:
                return Known(article_id, True, gone=True)
        return None

    def exported(self, article_id: int, *, exclude_run: int | None = None) -> bool:
        return self.db.execute(
            "SELECT 1 FROM articles WHERE id = ? AND run IS NOT ?", (article_id, exclude_run)
        ).fetchone() is not None

    def __contains__(self, article_id: int) -> bool:
        return self.exported(article_id)

    def checked_now(self, article_id: int) -> None:
        """The article was fetched again now (its check time)."""
        self.db.execute("UPDATE articles SET checked = ? WHERE id = ?", (_now(), article_id))

    def unchanged(self, article_id: int, digest: str) -> bool:
        """True (and the article's check time set to now) when its last export had this digest."""
        return self.db.execute(
            "UPDATE articles SET checked = ? WHERE id = ? AND digest = ?", (_now(), article_id, digest)
        ).rowcount > 0

    def newest_settled(self, before: str) -> str | None:
        """The publication time of the newest settled article published before ``before`` (an ISO time: a date
        after the crawl is no publication date): the listings were walked from there down."""
        row = self.db.execute(
            "SELECT published_at FROM articles WHERE published_at <= ? AND settled = 1 ORDER BY published_at DESC LIMIT 1",
            (before,),
        ).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def ids(self) -> set[int]:
        return {row[0] for row in self.db.execute("SELECT id FROM articles")}

    def summary(self, running: bool = False) -> dict:
        """The store at a glance (``state show``). A run with no end recorded is ``running`` when
        ``running`` (a crawl holds the folder: the newest such run is it), else ``killed``, with what it
        exported so far read from the ledger (as the next run records it)."""
        articles, settled = self.db.execute("SELECT count(*), coalesce(sum(settled), 0) FROM articles").fetchone()
        open_run = "finished_at IS NULL AND reason IS NULL"
        runs = [
            dict(zip(("id", "started_at", "finished_at", "reason", "new", "refreshed", "known", "skipped", "since", "open"), row))
            for row in self.db.execute(
                f"SELECT id, started_at, finished_at, reason, CASE WHEN {open_run} THEN {_RUN_NEW} ELSE new END, "
                f"CASE WHEN {open_run} THEN {_RUN_REFRESHED} ELSE refreshed END, known, skipped, since, {open_run} "
                "FROM runs ORDER BY id DESC LIMIT 5")
        ]
        for run in runs:
            if run.pop("open"):
                run["reason"] = "running" if running else "killed"
                if not running:  # (its listings were not walked down to its since: no since, as once it is closed)
                    run["since"] = None
                running = False  # (an older open run was killed)
        pending = self.db.execute("SELECT count(*) FROM pending").fetchone()[0]
        gone = self.db.execute("SELECT count(*) FROM gone").fetchone()[0]
        failed = self.db.execute("SELECT count(*) FROM failed").fetchone()[0]
        return {
            "path": str(self.path), "articles": articles, "settled": settled, "gone": gone,
            "failed": failed, "pending": pending, "last_runs": runs,
        }

    # ------------------------------------------------------------ articles that are not there

    def record_gone(self, article_id: int, url: str, reason: str) -> None:
        now = _now()
        self.db.execute(
            """INSERT INTO gone (id, url, reason, first_failed, last_failed) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, last_failed = excluded.last_failed,
                   attempts = attempts + 1""",
            (article_id, url, reason, now, now),
        )
        self.db.execute("DELETE FROM failed WHERE id = ?", (article_id,))

    def record_failed(self, article_id: int, url: str, reason: str, depth: int = 0) -> None:
        """An article lost to a fault that may pass (5xx, timeout...): asked for again by the next runs."""
        now = _now()
        self.db.execute(
            """INSERT INTO failed (id, url, reason, depth, first_failed, last_failed) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET url = excluded.url, reason = excluded.reason,
                   depth = min(depth, excluded.depth), last_failed = excluded.last_failed, attempts = attempts + 1""",
            (article_id, url, reason, depth, now, now),
        )
        self.db.execute("DELETE FROM gone WHERE id = ?", (article_id,))

    def to_retry(self, failed_since: str) -> list[tuple[str, int]]:
        """(url, depth) of the articles that first failed at ``failed_since`` or later, oldest id first."""
        return list(self.db.execute("SELECT url, depth FROM failed WHERE first_failed >= ? ORDER BY id", (failed_since,)))

    # ------------------------------------------------------------ runs

    def close_killed_runs(self) -> int:
        """Runs left open (no end recorded: the process was killed) get the reason ``killed``, no ``since`` and the
        counts of what they exported, read from the ledger (``state show`` said 0 new). Call it under the
        state folder's lock, after :meth:`recover`. Returns how many."""
        with _transaction(self.db):
            return self.db.execute(
                f"UPDATE runs SET reason = 'killed', since = NULL, new = {_RUN_NEW}, refreshed = {_RUN_REFRESHED} "
                "WHERE finished_at IS NULL AND reason IS NULL"
            ).rowcount

    def begin_run(self) -> int:
        return self.db.execute("INSERT INTO runs (started_at) VALUES (?)", (_now(),)).lastrowid

    def set_since(self, run: int, since: str) -> None:
        """The run's ``since`` (a Kyiv date, ISO): how far down it walks the listings."""
        self.db.execute("UPDATE runs SET since = ? WHERE id = ?", (since, run))

    def walked_down_to(self, exclude_run: int | None = None) -> str | None:
        """The earliest ``since`` of a run that finished and settled what it exported: listings were walked
        down to it, below settled articles; None when no run says (a store made before runs kept it)."""
        return self.db.execute(
            "SELECT min(since) FROM runs WHERE reason = 'finished' AND since IS NOT NULL AND id IS NOT ?", (exclude_run,)
        ).fetchone()[0]

    def finish_run(self, run: int, reason: str, counts: dict, expanded: Mapping[int, int] | None = None,
                   settle: bool = True, walked: bool = True, reach_of: Callable[[int], int] | None = None) -> int:
        """Close a run; a normally finished run settles what it exported and expanded (unless ``settle`` is
        False: it lost a listing page, so the listings below its articles were not all walked), and records how
        many hops of related links it followed from each (``reach_of(id)`` for its exports, the values of
        ``expanded``, article id -> hops, for the known articles whose stored links it followed). A run that did
        not walk every listing down to its ``since`` (``walked`` False: some sections only, an ``until``, no
        listing read) keeps no ``since``: a later run does not take its depth for the whole site's. Returns
        settled count."""
        settled = 0
        with _transaction(self.db):
            self.db.execute(
                "UPDATE runs SET finished_at = ?, reason = ?, new = ?, refreshed = ?, known = ?, skipped = ? WHERE id = ?",
                (_now(), reason, counts.get("new", 0), counts.get("refreshed", 0), counts.get("known", 0), counts.get("skipped", 0), run),
            )
            if not (reason == "finished" and settle and walked):  # its listings were not all walked down to its since
                self.db.execute("UPDATE runs SET since = NULL WHERE id = ?", (run,))
            if reason == "finished" and settle:
                settled += self.db.execute("UPDATE articles SET settled = 1 WHERE run = ? AND settled = 0", (run,)).rowcount
                for article_id in expanded or {}:
                    settled += self.db.execute("UPDATE articles SET settled = 1 WHERE id = ? AND settled = 0", (article_id,)).rowcount
                self._record_reach(run, expanded, reach_of)
        return settled

    def _record_reach(self, run: int, expanded: Mapping[int, int] | None, reach_of) -> None:
        """The hops of related links a settling run followed from its exports and its expanded articles."""
        if reach_of is not None:
            ids = [row[0] for row in self.db.execute("SELECT id FROM articles WHERE run = ?", (run,))]
            self.db.executemany("UPDATE articles SET reach = ? WHERE id = ?", [(reach_of(i), i) for i in ids])
        if expanded:
            self.db.executemany("UPDATE articles SET reach = max(coalesce(reach, 0), ?) WHERE id = ?",
                                [(hops, i) for i, hops in expanded.items()])

    # ------------------------------------------------------------ the write protocol

    def intend(self, feed: str, offset: int, article_id: int, length: int, run: int | None = None) -> Intent:
        """Commit the intent to append a line of ``length`` bytes for ``article_id`` at ``offset`` of ``feed``."""
        self.db.execute(
            "INSERT OR REPLACE INTO pending (feed, offset, id, length, run) VALUES (?, ?, ?, ?, ?)",
            (feed, offset, article_id, length, run),
        )
        return Intent(feed, offset, article_id, length)

    def confirm(self, intent: Intent, record: dict, run: int | None = None) -> bool:
        """The line is in the feed: record the export. True if the article was new."""
        with _transaction(self.db):
            self.db.execute("DELETE FROM pending WHERE feed = ? AND offset = ?", (intent.feed, intent.offset))
            return self._record(intent.id, record, intent.feed, run)

    def record(self, article_id: int, record: dict, feed: str | None = None, run: int | None = None) -> bool:
        """Record an export without the intent protocol (feeds that cannot take part in it)."""
        with _transaction(self.db):
            return self._record(article_id, record, feed, run)

    def _record(self, article_id: int, record: dict, feed: str | None, run: int | None) -> bool:
        now = _now()
        related = json.dumps([r.get("url") for r in record.get("related") or [] if isinstance(r, dict) and r.get("url")])
        new = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None
        self.db.execute(
            """INSERT INTO articles (id, url, published_at, related, first_exported, last_exported, exports, feed, run,
                   settled, digest, checked)
               VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, ?)
               ON CONFLICT (id) DO UPDATE SET url = excluded.url, published_at = excluded.published_at,
                   related = excluded.related, last_exported = excluded.last_exported, exports = exports + 1,
                   feed = excluded.feed, run = excluded.run, digest = excluded.digest, checked = excluded.checked""",
            (article_id, record.get("url") or "", record.get("published_at"), related, now, now, feed, run,
             record_digest(record), now),
        )
        self.db.execute("DELETE FROM gone WHERE id = ?", (article_id,))
        self.db.execute("DELETE FROM failed WHERE id = ?", (article_id,))
        return new

    def recover(self) -> Recovery:
        """Settle the intents of a run that was killed (see the module docstring)."""
        found = Recovery()
        rows = self.db.execute("SELECT feed, offset, id, length, run FROM pending ORDER BY feed, offset").fetchall()
        for feed, offset, article_id, length, run in rows:
            intent = Intent(feed, offset, article_id, length)
            record, truncated = _check_line(Path(feed), offset, length, article_id)
            found.truncated_bytes += truncated
            if record is not None:
                self.confirm(intent, record, run)
                found.confirmed += 1
                logger.info("state: the last line of a killed run is complete, recorded: article %d in %s", article_id, feed)
            else:
                self.db.execute("DELETE FROM pending WHERE feed = ? AND offset = ?", (feed, offset))
                found.rolled_back += 1
                logger.warning(
                    "state: article %d was being written to %s when the run was killed; %s, it will be crawled again",
                    article_id, feed, f"removed its truncated line ({truncated} bytes)" if truncated else "the line is not there",
                )
        return found

    # ------------------------------------------------------------ feed files

    def note_feed(self, feed: str, run: int) -> None:
        """``run`` opened the feed file ``feed`` (to append to it or to overwrite it)."""
        self.db.execute("INSERT INTO feeds (feed, run) VALUES (?, ?) ON CONFLICT (feed) DO UPDATE SET run = excluded.run",
                        (feed, run))

    def last_writer(self, feed: str, exclude_run: int | None = None) -> tuple[int, str | None] | None:
        """(id, finish reason) of the last run other than ``exclude_run`` that opened or wrote to ``feed``
        (reason ``killed`` for a run whose end was never recorded, once :meth:`close_killed_runs` ran); None
        when no run did."""
        row = self.db.execute(
            "SELECT max(run) FROM (SELECT run FROM feeds WHERE feed = ? AND run IS NOT ? "
            "UNION ALL SELECT run FROM articles WHERE feed = ? AND run IS NOT ?)",
            (feed, exclude_run, feed, exclude_run),
        ).fetchone()
        if row is None or row[0] is None:
            return None
        reason = self.db.execute("SELECT reason FROM runs WHERE id = ?", (row[0],)).fetchone()
        return row[0], (reason[0] if reason else None)

    def count_exported_to(self, feed: str, exclude_run: int | None = None) -> int:
        """How many articles were last exported to ``feed`` (by a run other than ``exclude_run``)."""
        return self.db.execute("SELECT count(*) FROM articles WHERE feed = ? AND run IS NOT ?", (feed, exclude_run)).fetchone()[0]

    def exported_to(self, feed: str, ids: set[int], exclude_run: int | None = None) -> int:
        """How many of ``ids`` were last exported to ``feed`` (by a run other than ``exclude_run``)."""
        if not ids:
            return 0
        return sum(1 for (article_id,) in self.db.execute(
            "SELECT id FROM articles WHERE feed = ? AND run IS NOT ?", (feed, exclude_run)) if article_id in ids)

    def reset(self) -> None:
        with _transaction(self.db):
            for table in ("articles", "gone", "failed", "pending", "runs", "feeds"):
                self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names


class _transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        try:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        except sqlite3.Error:
            if self.db.in_transaction:  # a COMMIT that failed (disk full) may leave it open: the next BEGIN would fail
                self.db.execute("ROLLBACK")
            raise
        return False


def _check_line(path: Path, offset: int, length: int, article_id: int) -> tuple[dict | None, int]:
    """(record, bytes truncated): the record if ``path`` holds the complete line for ``article_id`` at ``offset``.

    A partial line running to the end of the file is cut off (the write was interrupted).
    """
    try:
        with path.open("r+b") as f:
            size = os.fstat(f.fileno()).st_size
            if size <= offset:
                return None, 0
            f.seek(offset)
            data = f.read(length)
            if len(data) == length and data.endswith(b"\n"):
                try:
                    record = json.loads(data)
                except ValueError:
                    return None, 0
                if isinstance(record, dict) and record.get("id") == article_id:
                    return record, 0
                return None, 0
            if b"\n" not in data and size - offset <= length:
                # the interrupted write: its bytes run to the end of the file, and are less than the line
                f.truncate(offset)
                os.fsync(f.fileno())
                return None, size - offset
            if b"\n" not in data:
                # more follows than the line: never cut other records (a write that failed half-way and
                # was followed by others: the damaged line stays, and is not a record)
                logger.warning("state: %s holds a damaged line at byte %d (article %d was not written whole); "
                               "the lines after it are kept", path, offset, article_id)
            return None, 0
    except FileNotFoundError:
        return None, 0


class StateLocked(RuntimeError):
    """Another crawl uses the same state folder (``scrapy crawl`` exits 75: skipped, not failed)."""


class StateWriteFailed(OSError):
    """The state store could not record a write (disk full, read-only, I/O error): the feed writer stops the crawl
    (finish reason ``state_write_failed``) as it does when the feed itself cannot be written."""

    @classmethod
    def of(cls, exc: sqlite3.Error, path: Path) -> StateWriteFailed:
        code = errno.ENOSPC if "full" in str(exc) else errno.EIO
        return cls(code, str(exc), str(path))


#: real path of a lock file -> the open file locked by :func:`lock_early`, until the crawl's extension takes it
_EARLY: dict[str, object] = {}


def lock_early(directory: str | os.PathLike, name: str = "lock", what: str = "state folder",
               locked: type[StateLocked] = StateLocked) -> None:
    """Take a folder's lock (:func:`_lock_dir`) now, for the extension that takes it later in this process:
    ``scrapy crawl`` does so at start-up, so that a crawl skipped for a held folder stops before its report
    says ``RUNNING`` (it would hide the running crawl's). Raises ``locked`` when another crawl holds it."""
    key = os.path.realpath(Path(directory) / name)
    if key not in _EARLY:
        _EARLY[key] = _lock_dir(Path(directory), name, what, locked)


def _lock_dir(directory: Path, name: str = "lock", what: str = "state folder", locked: type[StateLocked] = StateLocked):
    """An exclusive lock on the state folder for the life of the crawl: two runs never share a ledger.

    (Also the job folder's, with another ``name``, ``what`` and exception: see ``interfax.extensions``.)
    A lock :func:`lock_early` took in this process is handed over.
    """
    early = _EARLY.pop(os.path.realpath(directory / name), None)
    if early is not None:
        return early
    directory.mkdir(parents=True, exist_ok=True)
    f = (directory / name).open("a+")
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.seek(0)
        holder = f.read().strip()  # the pid the holder wrote (empty in the instant after it took the lock)
        f.close()
        pid = f" (pid {holder})" if holder.isdigit() else ""
        raise locked(f"{what} {directory} is in use by another crawl{pid}; not starting") from None
    f.seek(0)
    f.truncate()
    f.write(f"{os.getpid()}\n")
    f.flush()
    return f


# ---------------------------------------------------------------- the Scrapy side


class IncrementalState:
    """The state store of one crawl (extension; NotConfigured when ``INTERFAX_STATE_DIR`` is unset).

    Spider, pipeline and feed writer ask it, never the database:

    * :meth:`lookup` / :meth:`met_known` / :meth:`expand` - the spider, before requesting an article;
    * :meth:`is_exported` - the pipeline, before an item reaches the feeds;
    * :meth:`intend` / :meth:`confirm` - the feed writer, around each line.

    Stats: ``interfax/state/new`` (exported for the first time), ``interfax/state/known`` (articles
    exported by an earlier run, met on listings or in related blocks), ``interfax/state/gone``
    (articles that answered 404/410 in the last ``INTERFAX_STATE_RETRY_GONE_HOURS``),
    ``interfax/state/skipped`` (known or gone, so not fetched), ``interfax/state/refreshed``
    (exported again, ``-a refresh=1``), ``interfax/state/recovered`` and
    ``interfax/state/rolled_back`` (write intents of a killed run, see :meth:`StateStore.recover`),
    ``interfax/state/rechecked`` / ``interfax/state/unchanged`` (known articles fetched again to pick
    up an edit, :meth:`recheck_due`; those that had not changed: the others count as refreshed),
    ``interfax/state/retried`` (articles that failed in an earlier run, asked for again: :meth:`to_retry`)
    ``interfax/state/failed`` (articles this run lost to a fault that may pass: the next runs ask again)
    and ``interfax/state/expanded_further`` (settled articles met by fewer hops than the run that exported
    them did, or with a larger ``related_depth``: their stored related links followed further).
    """

    def __init__(self, crawler, directory: str, durable: bool = False, retry_gone_hours: float = 24.0,
                 retry_failed_hours: float = 72.0, recheck_hours: float = 48.0):
        self.crawler = crawler
        self.stats = crawler.stats
        self.directory = directory
        self.durable = durable
        self.retry_gone_hours = retry_gone_hours
        self.retry_failed_hours = retry_failed_hours
        self.recheck_hours = recheck_hours
        self._rechecking: set[int] = set()
        self._gone_since: str | None = None
        self.store: StateStore | None = None
        self.run: int | None = None
        self._known: set[int] = set()
        self._expanded: dict[int, int] = {}  # known article -> the hops of its stored related links followed
        self._gone: set[int] = set()
        self.counts = {"new": 0, "refreshed": 0, "known": 0, "skipped": 0, "gone": 0, "failed": 0, "rechecked": 0,
                       "unchanged": 0, "edit_not_written": 0, "expanded_further": 0}

    @classmethod
    def from_crawler(cls, crawler):
        directory = crawler.settings.get("INTERFAX_STATE_DIR")
        if not directory:
            raise NotConfigured  # no state: every run is a full crawl (no message: Scrapy would warn)
        if os.path.exists(directory) and not os.path.isdir(directory):  # (mkdir would say only "File exists")
            raise NotADirectoryError(errno.ENOTDIR, "INTERFAX_STATE_DIR names a file, not a folder", str(directory))
        ext = cls(
            crawler,
            str(directory),
            durable=crawler.settings.getbool("INTERFAX_FEED_FSYNC"),
            retry_gone_hours=crawler.settings.getfloat("INTERFAX_STATE_RETRY_GONE_HOURS", 24.0),
            retry_failed_hours=crawler.settings.getfloat("INTERFAX_STATE_RETRY_FAILED_HOURS", 72.0),
            recheck_hours=crawler.settings.getfloat("INTERFAX_STATE_RECHECK_HOURS", 48.0),
        )
        # open now, before any component (feeds, pipelines) may ask: recovery comes first
        ext.open()
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def open(self) -> None:
        self._lock = _lock_dir(Path(self.directory))
        self.store = StateStore(self.directory, durable=self.durable)
        found = self.store.recover()
        if found.confirmed:
            self.stats.set_value("interfax/state/recovered", found.confirmed)
        if found.rolled_back:
            self.stats.set_value("interfax/state/rolled_back", found.rolled_back)
        self.store.close_killed_runs()
        self.run = self.store.begin_run()
        # counted from 0 with a state store: a run with nothing new reports new=0, not "-" (no state)
        for name in ("new", "known"):
            self.stats.set_value(f"interfax/state/{name}", 0)
        if self.retry_gone_hours > 0:
            self._gone_since = _hours_ago(self.retry_gone_hours)
        logger.info(
            "state: %s holds %d exported articles (run %d)", self.store.path, self.store.count(), self.run
        )

    # ------------------------------------------------------------ spider

    def to_retry(self) -> list[tuple[str, int]]:
        """(live URL, depth) of the articles earlier runs lost to a fault that may pass, to ask for again
        (for ``INTERFAX_STATE_RETRY_FAILED_HOURS`` after their first failure; counted once here)."""
        if self.retry_failed_hours <= 0:
            return []
        found = self.store.to_retry(_hours_ago(self.retry_failed_hours))
        if found:
            self.stats.set_value("interfax/state/retried", len(found))
            logger.info("state: %d article(s) that failed in an earlier run are asked for again", len(found))
        return found

    def walked_since(self) -> date | None:
        """The Kyiv day a run must page down to so that nothing published after the newest settled article
        is missed: that article's day, less one (an item listed a while after its time); None with nothing settled.

        A run without ``since`` pages down to 2 days ago: after the machine was off (or every run failed)
        for longer, what was published in between was never listed by any run, and never exported."""
        from interfax.dates import KYIV  # (the stored times are Kyiv times: compared as text in Kyiv time)

        newest = self.store.newest_settled(datetime.now(KYIV).isoformat(timespec="seconds"))
        try:
            return datetime.fromisoformat(newest).astimezone(KYIV).date() - timedelta(days=1) if newest else None
        except ValueError:
            return None

    def backfill(self, since: date) -> date | None:
        """Note this run's ``since``; the ``since`` that earlier runs walked the listings down to (see
        :meth:`StateStore.walked_down_to`) when this one reaches further back (a backfill), else None.

        Below a settled article, the listings were walked only down to its run's ``since``: a run reaching
        further back must not stop its paging at a page of settled articles. Before, ``since=2000-01-01``
        with the server's state stopped at page 1 (its articles settled by the hourly runs): nothing older."""
        walked = self.store.walked_down_to(exclude_run=self.run)
        self.store.set_since(self.run, since.isoformat())
        if walked is None or since >= date.fromisoformat(walked):
            return None
        return date.fromisoformat(walked)

    def lookup(self, article_id: int) -> Known | None:
        """What an earlier run left about the article (this run's own exports are the dupefilter's business)."""
        return self.store.lookup(article_id, exclude_run=self.run, gone_since=self._gone_since)

    def met_known(self, known: Known) -> None:
        """The spider met an article exported by an earlier run (or gone) and does not fetch it."""
        seen = self._gone if known.gone else self._known
        if known.id not in seen:  # an id is either known or gone: each is skipped once
            seen.add(known.id)
            self._inc("gone" if known.gone else "known")
            self._inc("skipped")

    def recheck_due(self, known: Known) -> bool:
        """Whether a known article is fetched again, to pick up an edit: published less than
        ``INTERFAX_STATE_RECHECK_HOURS`` ago, and last fetched at least as long ago as it was old then
        (3 hours at least): at about 1, 4, 8, 16, 32 hours of age for an hourly run, once the next day for
        a daily one. So a run's cost grows with what was published lately, never with the store. A last fetch
        recorded in the future (by a clock that was ahead) counts as due."""
        if self.recheck_hours <= 0 or known.gone or not known.published_at or not known.checked:
            return False
        try:
            published, checked = datetime.fromisoformat(known.published_at), datetime.fromisoformat(known.checked)
            now = datetime.now(timezone.utc)
            if now - published > timedelta(hours=self.recheck_hours):
                return False
            # a fetch recorded in the future was recorded by a clock that was ahead: when it was is unknown, so due
            # (before, a run a day ahead kept its articles from being rechecked for a day, an edit skipped)
            return checked > now or now - checked >= max(timedelta(hours=3), checked - published)
        except (TypeError, ValueError):
            return False

    def recheck(self, known: Known) -> None:
        """The spider fetches a known article again (:meth:`recheck_due`); exported only if it changed."""
        if known.id not in self._rechecking:
            self._rechecking.add(known.id)
            self._known.add(known.id)
            self._inc("known")
            self._inc("rechecked")

    def further(self, known: Known, hops: int) -> bool:
        """Whether the spider is to follow the stored related links of a known article ``hops`` further (its
        ``related_depth`` less the hops it was met by): when no run went that far from it (a run that did not
        finish, or one that met it further from a listing or with a smaller ``related_depth``), once per depth."""
        if hops <= 0 or hops <= self._expanded.get(known.id, 0):
            return False
        return not known.settled or known.reach is not None and hops > known.reach

    def expand(self, known: Known, hops: int) -> None:
        """The spider follows the stored related links of a known article ``hops`` further (``further``)."""
        if known.settled:
            self._inc("expanded_further")
        self._expanded[known.id] = hops

    # ------------------------------------------------------------ pipeline

    def is_exported(self, article_id) -> bool:
        """Exported by an earlier run."""
        return isinstance(article_id, int) and self.store.exported(article_id, exclude_run=self.run)

    def edited(self, article_id, item) -> bool:
        """A rechecked article whose item differs from its last export (exported again, counted as
        refreshed); an unchanged one is counted and its check time kept."""
        if article_id not in self._rechecking:
            return False
        if self.store.unchanged(article_id, record_digest(item)):
            self._inc("unchanged")
            return False
        return True

    def not_written(self, article_id, item) -> None:
        """A rechecked article this run does not write (an append target holds its id already, edits
        included): the recheck is done all the same, so its check time is kept (before, it was fetched
        again at every run while due); an edit found is counted (``interfax/state/edit_not_written``)."""
        if article_id not in self._rechecking or not self.edited(article_id, item):
            return  # (unchanged: counted, its check time kept by ``edited``)
        self.store.checked_now(article_id)
        self._inc("edit_not_written")

    # ------------------------------------------------------------ feed writer

    @contextmanager
    def _writing(self):
        """A write for the feed writer: a store that cannot be written raises ``StateWriteFailed`` (after a
        failed confirm, the line is in the feed and its intent in the store: the next run recovers it)."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StateWriteFailed.of(exc, self.store.path) from exc

    def intend(self, feed: str, offset: int, article_id: int, length: int) -> Intent:
        with self._writing():
            return self.store.intend(feed, offset, article_id, length, self.run)

    def confirm(self, intent: Intent, record: dict) -> None:
        with self._writing():
            self._counted(self.store.confirm(intent, record, self.run))

    def record(self, article_id: int, record: dict, feed: str | None = None) -> None:
        with self._writing():
            self._counted(self.store.record(article_id, record, feed, self.run))

    def overwrite_target(self, feed: str, ids: set[int]) -> tuple[int, tuple[int, str | None] | None]:
        """Before ``-O`` empties the feed file ``feed`` holding the records ``ids``: (how many of them the state
        counts as exported to it by earlier runs - never exported again, so lost once the file is emptied -,
        (id, finish reason) of the last run that wrote to it, or None)."""
        return self.store.exported_to(feed, ids, self.run), self.store.last_writer(feed, self.run)

    def opened_feed(self, feed: str) -> None:
        """This run opened the feed file ``feed`` (appending or overwriting): a later ``-O`` asks whether it finished."""
        self.store.note_feed(feed, self.run)

    def _record_failures(self, failed: dict, depth_of) -> None:
        """The articles this run lost (the spider's ``failed``: live URL -> reason): those that answered
        404/410 are not asked for a while, the others are asked for again by the next runs
        (``depth_of(id)``: the hops they were reached by, so that their related links are followed as far)."""
        from interfax import urls  # here: the store itself needs no URL rules

        with _transaction(self.store.db):
            for url, reason in failed.items():
                ref = urls.article_ref(url)
                if ref is None or self.store.exported(ref.id):
                    continue
                if is_gone(reason):
                    self.store.record_gone(ref.id, url, str(reason))
                else:
                    self.store.record_failed(ref.id, url, str(reason), depth_of(ref.id))
                    self._inc("failed")

    @staticmethod
    def _reach_of(spider):
        """article id -> the hops of related links this run followed from it (``related_depth`` less its hops)."""
        args, depth_of = getattr(spider, "args", None), getattr(spider, "reached_depth", None)
        if args is None or depth_of is None:
            return None
        return lambda article_id: max(args.related_depth - depth_of(article_id), 0)

    def _counted(self, new: bool) -> None:
        self._inc("new" if new else "refreshed")

    def _inc(self, name: str) -> None:
        self.counts[name] += 1
        self.stats.inc_value(f"interfax/state/{name}")

    # ------------------------------------------------------------ end

    def _walked_every_listing(self, spider) -> bool:
        """Whether this run paged every listing of the default crawl down to its ``since``: no ``until``, every
        default section asked for, listing pages read, none lost or held back (robots.txt unavailable, a section
        missing). A backfill of one section (``sections=general``), of a closed window (``until``), or one tried
        during an outage walked less: a later run must not stop its paging where such a run stopped (before, the
        other sections' older articles, or all of them after an outage, were never asked for, in silence)."""
        args = getattr(spider, "args", None)
        if args is None or args.until is not None or not set(urls.DEFAULT_SECTIONS) <= set(args.sections):
            return False
        stat = self.stats.get_value
        return bool(stat("interfax/listing/pages")) and not stat("interfax/listing/lost") and not stat(
            "interfax/robots/unavailable") and not stat("interfax/listing/missing_sections") and not stat(
            "interfax/listing/skipped_failed")

    def spider_closed(self, spider, reason):
        if self.store is None:
            return
        lost = self.stats.get_value("interfax/listing/lost", 0)
        try:
            self._record_failures(getattr(spider, "failed", None) or {}, getattr(spider, "reached_depth", lambda _id: 0))
            settled = self.store.finish_run(self.run, reason, self.counts, self._expanded, settle=not lost,
                                            walked=self._walked_every_listing(spider), reach_of=self._reach_of(spider))
        except sqlite3.Error as exc:  # the store's disk filled up (said once already if a record failed)
            logger.warning("state: run %d could not be recorded in %s (%s): the next run counts it as stopped "
                           "early and crawls again what it did not record", self.run, self.store.path, exc)
            self.stats.inc_value("interfax/state/write_failed")
            settled = 0
        if lost and reason == "finished":
            logger.warning(
                "state: %d listing page(s) lost to a fault that may pass: this run's articles are not settled, so "
                "the next run pages past them to what the lost pages listed", lost,
            )
        logger.info(
            "state: run %d %s: %d new, %d known, %d gone (%d not fetched), %d refreshed, %d failed (asked for again "
            "next run); %d settled; %d articles in %s",
            self.run, reason, self.counts["new"], self.counts["known"], self.counts["gone"], self.counts["skipped"],
            self.counts["refreshed"], self.counts["failed"], settled, self.store.count(), self.store.path,
        )
        self.store.close()
        self.store = None
        self._lock.truncate(0)  # its pid names the crawl holding the folder: none now
        self._lock.close()


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """``python -m interfax.state show DIR`` / ``python -m interfax.state reset DIR``."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] not in ("show", "reset"):
        print("usage: python -m interfax.state show|reset STATE_DIR", file=sys.stderr)
        return 2
    action, directory = argv
    if Path(directory).exists() and not Path(directory).is_dir():
        print(f"python -m interfax.state: error: {directory} is a file, not a state folder", file=sys.stderr)
        return 2
    if not (Path(directory) / DB_NAME).exists():
        print(f"no state in {directory} (nothing exported yet: the next run is a full crawl)")
        return 0
    store = StateStore(directory)
    try:
        if action == "reset":
            before = store.count()
            store.reset()
            print(f"state reset: {before} articles forgotten in {store.path}; the next run is a full crawl")
        else:
            print(json.dumps(store.summary(running=_held(Path(directory))), indent=2, ensure_ascii=False))
    finally:
        store.close()
    return 0


def _held(directory: Path) -> bool:
    """Whether a crawl holds the state folder's lock now (its open run is running, not killed)."""
    try:
        f = _lock_dir(directory)
    except StateLocked:
        return True
    f.seek(0)
    f.truncate()  # (no pid of this command left behind as the holder's)
    f.close()
    return False


if __name__ == "__main__":
    sys.exit(main())
