"""Extensions of the crawler that are not about one page or one item.

:class:`JobDirGuard` makes ``JOBDIR`` safe to reuse: Scrapy resumes whatever it finds there. After a
clean pause (Ctrl-C once, SIGTERM) that is right; after a SIGKILL the request queue is lost or
inconsistent while ``requests.seen`` still lists requests that were queued but never processed
(a resumed run would silently skip them), and after a run that *finished* the persisted
dupefilter would filter every request of the next run (it would scrape nothing). So the guard
keeps a small marker in the job folder and, at start-up:

* marker says ``running`` (the last run was killed) or ``finished`` (the job is complete): the
  queue and ``requests.seen`` are removed and the job starts afresh - the state store / the feed
  file decide what is already exported;
* marker says the job was stopped (``shutdown``, ``closespider_*``...): Scrapy resumes it as usual.
  The marker names the output files the job wrote to (``-o``/``-O``, a fixed feed name); a resumed
  job appends to them even when given ``-O``: the paused run's articles are in ``requests.seen``,
  never fetched again, so overwriting the file would lose them (``SafeFileFeedStorage`` asks
  :meth:`JobDirGuard.continues`).

One crawl at a time per job folder: the guard holds an exclusive lock on ``interfax.job.lock`` in
it from start-up to the end of the crawl (before it looks at the marker). A second crawl given the
same JOBDIR while the first runs would read the first's ``running`` marker as a killed run and
delete the live queue under it; instead it stops before any request with :class:`JobDirLocked`
(``scrapy crawl`` exits 75, as for a held state folder).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from interfax.state import StateLocked, _lock_dir

logger = logging.getLogger(__name__)

MARKER = "interfax.job.json"
#: what Scrapy keeps in JOBDIR that describes the pending requests
QUEUE_FILES = ("requests.seen", "requests.queue")
#: the file a crawl holds an exclusive lock on while it uses the job folder
LOCK = "interfax.job.lock"


class JobDirLocked(StateLocked):
    """Another crawl uses the same JOBDIR (``scrapy crawl`` exits 75: skipped, not failed)."""


class JobDirGuard:
    def __init__(self, crawler, jobdir: str):
        self.crawler = crawler
        self.jobdir = Path(jobdir)
        self._lock = None
        #: real paths of the output files the job wrote to before it was paused (resumed job only)
        self.outputs: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler):
        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured
        guard = cls(crawler, jobdir)
        # one crawl per job folder: a second one must not take the first's live queue for a killed run's
        guard._lock = _lock_dir(guard.jobdir, LOCK, "JOBDIR", JobDirLocked)
        # extensions are built before the scheduler reads JOBDIR: clean up now
        guard.check()
        crawler.signals.connect(guard.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(guard.spider_closed, signal=signals.spider_closed)
        return guard

    def check(self) -> None:
        marker = self._read()
        status = marker.get("status")
        if status == "running":
            why = "the last run in it was killed: its queue cannot be trusted"
        elif status == "closed" and marker.get("reason") == "finished":
            why = "the job in it finished"
        else:
            if status == "closed":
                logger.info("JOBDIR %s: resuming the job stopped at %s (%s)", self.jobdir, marker.get("at"), marker.get("reason"))
                self.outputs = frozenset(str(p) for p in marker.get("outputs") or [] if isinstance(p, str))
            return
        removed = []
        for name in QUEUE_FILES:
            path = self.jobdir / name
            if path.is_dir():
                shutil.rmtree(path)
                removed.append(name)
            elif path.exists():
                path.unlink()
                removed.append(name)
        self.crawler.stats.set_value("interfax/jobdir/restarted", status if status == "running" else "finished")
        logger.warning("JOBDIR %s: %s; starting a new job (removed %s)", self.jobdir, why, ", ".join(removed) or "nothing")

    def continues(self, path: str | os.PathLike) -> bool:
        """Whether ``path`` is an output this (resumed) job wrote to before it was paused: it is
        appended to, never overwritten."""
        return os.path.realpath(path) in self.outputs

    def _job_outputs(self) -> list[str]:
        """The job's output files: those of its earlier runs and this run's local feeds with a fixed
        name (a per-run ``%(time)s`` name is each run's own)."""
        from interfax.feeds import local_path  # (interfax.feeds imports this module)

        outputs = set(self.outputs)
        for uri in self.crawler.settings.getdict("FEEDS"):
            path = local_path(uri)
            if path and "%(" not in path:
                outputs.add(os.path.realpath(path))
        return sorted(outputs)

    def spider_opened(self, spider):
        # (self.outputs stays the earlier runs' own: a fresh job's -O target is overwritten as asked)
        self._write({"status": "running", "pid": os.getpid(), "at": _now(), "outputs": self._job_outputs()})

    def spider_closed(self, spider, reason):
        # the scheduler has persisted its queue by now (it is closed before spider_closed)
        self._write({"status": "closed", "reason": reason, "at": _now(), "outputs": self._job_outputs()})
        if self._lock is not None:
            self._lock.truncate(0)  # its pid names the crawl holding the folder: none now
            self._lock.close()
            self._lock = None

    def _read(self) -> dict:
        try:
            return json.loads((self.jobdir / MARKER).read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return {}

    def _write(self, data: dict) -> None:
        self.jobdir.mkdir(parents=True, exist_ok=True)
        tmp = self.jobdir / (MARKER + ".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.jobdir / MARKER)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
