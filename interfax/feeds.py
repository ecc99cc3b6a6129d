"""Crash-safe JSON Lines feeds: every record is one complete line, or not there at all.

Scrapy's ``FileFeedStorage`` writes through an 8 KiB buffer: a killed crawl leaves a 0-byte file or
one cut in the middle of a record. Here (registered in ``FEED_STORAGES`` for ``file`` and plain
paths, and in ``FEED_EXPORTERS`` for ``jsonlines``/``jsonl``/``jl``):

* :class:`FeedFile` is an unbuffered file: each ``write`` reaches the kernel whole, so a killed
  process loses nothing already written (``INTERFAX_FEED_FSYNC = True`` also ``fsync``\\ s each line,
  for power cuts).
* :class:`SafeFileFeedStorage` opens an append target (``-o file.jsonl``, a per-run file reused)
  after repairing it: a truncated last line is cut back to the last newline (logged), and the ids
  already in the file are read, so that :class:`ExportedPipeline` drops them - a re-run of the
  same command never writes an article twice, with or without a state store.
* :class:`JsonLinesExporter` writes each record with one ``write`` of the whole line and, when the
  state store is on, brackets it with the store's intent/confirm protocol (the exactly-once
  invariant is in :mod:`interfax.state`).
"""

from __future__ import annotations

import atexit
import errno
import fcntl
import io
import json
import logging
import os
import re
from pathlib import Path

import scrapy
from itemadapter import ItemAdapter
from scrapy.exporters import CsvItemExporter, JsonLinesItemExporter
from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object
from scrapy.utils.python import to_bytes

from interfax.dataset import csv_columns, csv_row
from interfax.extensions import JobDirGuard
from interfax.items import Article, values_of
from interfax.pipelines import ArticleDropped, _count_drop, _Step, fields_of
from interfax.state import IncrementalState, StateLocked, StateWriteFailed

logger = logging.getLogger(__name__)

_ID_RE = re.compile(rb'^\{"id":\s*(\d+)\s*[,}]')


# ---------------------------------------------------------------- files


def repair_tail(path: str | os.PathLike) -> int:
    """Make the file end with a complete line; return the number of bytes cut off.

    A last line without its newline is the record a killed process was writing: it is cut back
    to the previous newline. If it happens to be a complete JSON value, only the newline is added.
    """
    path = Path(path)
    try:
        f = path.open("r+b")
    except FileNotFoundError:
        return 0
    with f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            return 0
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        # find the last newline, reading backwards in blocks
        end = size
        cut = 0
        block = 64 * 1024
        while end > 0:
            start = max(0, end - block)
            f.seek(start)
            chunk = f.read(end - start)
            index = chunk.rfind(b"\n")
            if index >= 0:
                cut = start + index + 1
                break
            end = start
        f.seek(cut)
        tail = f.read()
        try:
            json.loads(tail)
        except ValueError:
            f.truncate(cut)
            os.fsync(f.fileno())
            logger.warning("%s ended with a truncated line (%d bytes, from a killed run): removed", path, size - cut)
            return size - cut
        f.seek(size)
        f.write(b"\n")
        os.fsync(f.fileno())
        logger.warning("%s: added the missing newline after its last record", path)
        return 0


def local_path(uri: str) -> str | None:
    """The file a feed URI names (a path or ``file://``), or None for other storages."""
    uri = str(uri)
    if ("://" in uri and not uri.startswith("file://")) or uri.startswith("stdout:"):  # (-o -: standard output)
        return None
    return uri.removeprefix("file://")


def unwritable(uri: str) -> str | None:
    """Why a local feed URI (a path or ``file://``) cannot be written, in a few words; None when it can
    (or when it is not a local file: other storages say so themselves). Checked before a crawl starts,
    so that a run never fetches the site for an output it cannot write."""
    uri = str(uri)
    if "://" in uri and not uri.startswith("file://"):
        return None
    path = Path(uri.removeprefix("file://"))
    if "%(" in path.name:  # a per-run name (%(time)s): its folder must take new files
        path = path.parent / "probe"
        if path.parent.is_dir() and not os.access(path.parent, os.W_OK | os.X_OK):
            return f"cannot create files in {path.parent} (not writable)"
    if path.is_dir():
        return f"{path} is a folder, not a file"
    if path.exists():
        return None if os.access(path, os.W_OK) else f"{path} is not writable"
    folder = path.parent
    while not folder.exists():  # the folders still to create: the first existing one must take them
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot create {path} ({folder} is not writable)"
    return None


class FeedLocked(StateLocked):
    """Another crawl writes the same output file (``scrapy crawl`` exits 75: skipped, not failed)."""


#: real path of an output file -> the open file this process holds an exclusive ``flock`` on
_HELD: dict[str, object] = {}


def lock_output(path: str | os.PathLike) -> None:
    """Hold an exclusive lock on an output file for the life of this process (``scrapy crawl`` takes it
    before the crawl starts, before any request): :class:`FeedLocked` when another crawl holds it. Two
    crawls appending to one file would each read the ids in it once, then both export what is new (every
    new article twice); two overwriting it would write over each other's lines. A file that does not exist
    yet is created empty to be locked (before, it was locked only when the crawl wrote its first record:
    a second crawl started meanwhile crawled, then stopped with ``feed_write_failed``); if the crawl never
    opens it (it did not start, or ``FEED_STORE_EMPTY = False`` and nothing was exported), it is removed
    when the process ends, while still empty."""
    key = os.path.realpath(path)
    if key in _HELD or os.path.isdir(key):
        return
    for _attempt in range(5):
        existed = os.path.exists(key)
        os.makedirs(os.path.dirname(key), exist_ok=True)  # (as the feed storage would)
        f = open(key, "ab")  # (never truncates: a file another crawl writes is left as it is)
        if not _hold(f):
            f.close()
            raise FeedLocked(f"the output {path} is being written by another crawl; not starting")
        try:
            same = os.path.samestat(os.fstat(f.fileno()), os.stat(key))
        except FileNotFoundError:
            same = False
        if same:
            if not existed:
                _CREATED.add(key)
                if len(_CREATED) == 1:
                    atexit.register(_remove_unopened)
            return
        # the file was removed (or replaced) after it was opened: the lock is on a file no one else sees
        del _HELD[key]
        f.close()
    raise FeedLocked(f"the output {path} keeps being replaced by another process; not starting")


#: real paths of the output files :func:`lock_output` created, and of those a crawl opened to write
_CREATED: set[str] = set()
_OPENED: set[str] = set()


def _remove_unopened() -> None:
    """At exit: remove the output files :func:`lock_output` created that no feed opened and that are
    still empty (a crawl that did not start leaves no empty output behind)."""
    for key in _CREATED - _OPENED:
        try:
            if os.path.getsize(key) == 0:
                os.unlink(key)
        except OSError:
            pass


def _hold(f) -> bool:
    """Lock an open output file for the life of this process, unless this process holds it already;
    False when another crawl holds it (for an output the crawl opens: two crawls started at once on
    a file that did not exist yet)."""
    key = os.path.realpath(f.name)
    if key in _HELD:
        return True
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    _HELD[key] = f
    return True


def read_ids(path: str | os.PathLike) -> tuple[set[int], int]:
    """(ids of the records in a JSON Lines file, number of lines that are not records)."""
    ids: set[int] = set()
    bad = 0
    try:
        f = Path(path).open("rb")
    except FileNotFoundError:
        return ids, bad
    with f:
        for line in f:
            if not line.strip():
                continue
            m = _ID_RE.match(line)
            if m:
                ids.add(int(m[1]))
                continue
            try:
                record = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if isinstance(record, dict) and isinstance(record.get("id"), int):
                ids.add(record["id"])
            else:
                bad += 1
    return ids, bad


class FeedFile(io.FileIO):
    """An unbuffered binary file: ``write`` hands all of its bytes to the kernel before returning, or
    none of them: a write that fails half-way (disk full) is cut back off before the error is raised,
    so the file never holds part of a line for the next line to be glued to."""

    #: why nothing may be written to it (another crawl holds the file): the exporter stops the crawl
    refused: OSError | None = None

    def write(self, data) -> int:
        view = memoryview(data)
        total = len(view)
        done = 0
        try:
            while done < total:
                written = super().write(view[done:])
                if written is None:  # pragma: no cover - non-blocking files only
                    continue
                done += written
        except OSError:
            if done:
                os.ftruncate(self.fileno(), os.fstat(self.fileno()).st_size - done)
            raise
        return total

    def end(self) -> int:
        """Where the next appended byte goes."""
        return os.fstat(self.fileno()).st_size


# ---------------------------------------------------------------- storage


def _resumed_job(crawler, path: str) -> bool:
    """Whether ``path`` is an output that the crawl's JOBDIR job wrote to before it was paused."""
    try:
        guard = crawler.get_extension(JobDirGuard) if crawler is not None else None
    except RuntimeError:  # no extensions built (a storage made outside a crawl)
        return False
    return guard is not None and guard.continues(path)


def _writes_lines(crawler, fmt: str | None) -> bool:
    """Whether a feed of format ``fmt`` is written as JSON lines (its exporter is a ``JsonLinesItemExporter``, as
    :class:`JsonLinesExporter` is; no format given: yes)."""
    if not fmt:
        return True
    if crawler is None:
        return fmt in ("jsonlines", "jsonl", "jl")
    exporter = crawler.settings.getwithbase("FEED_EXPORTERS").get(fmt)
    try:
        exporter = load_object(exporter) if isinstance(exporter, str) else exporter
    except (ImportError, NameError, ValueError):
        return False
    return isinstance(exporter, type) and issubclass(exporter, JsonLinesItemExporter)


class SafeFileFeedStorage(FileFeedStorage):
    """``FileFeedStorage`` writing a :class:`FeedFile`; append targets are repaired and indexed first."""

    def __init__(self, uri: str, *, feed_options: dict | None = None, crawler=None):
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        self.append = self.write_mode == "ab"
        #: the feed's format, and whether its records are JSON lines: only then is an append target repaired
        #: and indexed (a JSON array, a CSV file ... is neither)
        self.format = str((feed_options or {}).get("format") or "")
        self.lines = _writes_lines(crawler, self.format)
        self._ids: set[int] | None = None
        if not self.append and _resumed_job(crawler, self.path):
            guard = crawler.get_extension(JobDirGuard)
            # -O on a resumed JOBDIR: the paused run's articles are in requests.seen, never fetched
            # again; truncating the file they were written to would lose them
            self.append = True
            self.write_mode = "ab"
            logger.warning("%s: resuming the job in JOBDIR %s, which wrote to this file before it was paused: "
                           "appending to it, not overwriting it (-O would lose what the paused run exported)",
                           self.path, guard.jobdir)

        # (decided when the storage is made, at the spider's opening: the file is opened at the first record,
        # or at the end for an empty feed, when the state store may be closed already)
        state = self._state()
        if not self.append and self.lines and state is not None and Path(self.path).is_file():
            self._overwriting(state)
        elif self.append and self.lines and state is not None:
            self._missing_from(state)

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict | None = None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def existing_ids(self) -> set[int]:
        """Ids already in the append target (repairs its tail first, once)."""
        if self._ids is None:
            self._ids = set()
            if self.append and not self.lines:
                self._appending_whole_documents()
            elif self.append and Path(self.path).is_file():
                cut = repair_tail(self.path)
                ids, bad = read_ids(self.path)
                self._ids = ids
                if self.crawler is not None:
                    stats = self.crawler.stats
                    if cut:
                        stats.inc_value("interfax/feeds/truncated_bytes", cut)
                    if bad:
                        stats.inc_value("interfax/feeds/bad_lines", bad)
                logger.info("appending to %s: it already holds %d articles (they are not exported again)", self.path, len(ids))
                if bad:
                    logger.warning("%s holds %d lines that are not records", self.path, bad)
        return self._ids

    def _appending_whole_documents(self) -> None:
        """``-o out.json`` / ``-o out.csv`` on a file that holds records: appended as Scrapy appends them
        (a second JSON array after the first, not valid JSON; a second CSV header row), and without
        leaving out what the file holds; said once. (Before, such a file was read as JSON Lines: the
        closing ``]`` of a JSON array was cut off as "a truncated line from a killed run", every CSV
        line was counted as "not a record".)"""
        try:
            if os.path.getsize(self.path) == 0:
                return
        except OSError:
            return
        logger.warning("appending to %s, a %s feed: the file will hold a second %s after what it holds, and the "
                       "articles in it are not left out (-o leaves them out of a JSON Lines file only: use -O, or "
                       "a .jsonl file)", self.path, self.format, "JSON document (not valid JSON)"
                       if self.format == "json" else "header row" if self.format == "csv" else "document")

    def open(self, spider) -> FeedFile:
        dirname = Path(self.path).parent
        if dirname and not dirname.exists():
            dirname.mkdir(parents=True, exist_ok=True)
        # opened without truncating, locked, then emptied for -O: another crawl's file is not cut under it
        f = FeedFile(self.path, "ab")
        if not _hold(f):
            # nothing is written to it: the exporter stops the crawl (feed_write_failed) on this error
            f.close()
            f = FeedFile(os.devnull, "ab")
            f.name = self.path
            f.refused = OSError(errno.EWOULDBLOCK, "it is being written by another crawl (run one crawl at a "
                                                   "time per output file)")
            return f
        _OPENED.add(os.path.realpath(self.path))
        if not self.append:
            f.truncate(0)
        self.existing_ids()
        state = self._state()
        if state is not None and self.lines:
            state.opened_feed(os.path.abspath(self.path))
        return f

    def _state(self) -> IncrementalState | None:
        """The crawl's state store while it is open (a feed opened at the crawl's end, to store an empty
        feed, comes after the store closed)."""
        try:
            state = self.crawler.get_extension(IncrementalState) if self.crawler is not None else None
        except RuntimeError:  # no extensions built (a storage made outside a crawl)
            return None
        return state if state is not None and state.store is not None else None

    def _missing_from(self, state: IncrementalState) -> None:
        """``-o`` with a state store, on a file that no longer holds articles the state counts as exported to
        it (the file deleted, emptied or replaced by hand): they are not exported again; one WARNING naming how
        many, and what to do (before: the run exported nothing of them, exit 0, without a word)."""
        feed = os.path.abspath(self.path)
        recorded = state.store.count_exported_to(feed, state.run)
        if not recorded:
            return
        missing = recorded - state.store.exported_to(feed, self.existing_ids(), state.run)
        if missing <= 0:
            return
        self.crawler.stats.inc_value("interfax/feeds/missing_exported", missing)
        logger.warning("%s: the state store counts %d articles as exported to it that it no longer holds (deleted, "
                       "emptied or replaced?): they are not exported again; to export them anew, reset the state "
                       "(python -m interfax.state reset %s) or restore the file", self.path, missing, state.store.dir)

    def _overwriting(self, state: IncrementalState) -> None:
        """``-O`` with a state store, on a file that holds articles the state counts as exported (never
        exported again): when the last run that wrote to it did not finish (killed, stopped), its records
        are the only copy of what it exported: the file is appended to, not emptied (one WARNING); after a
        run that finished, it is overwritten as ``-O`` says (each run's file holds that run's new articles),
        with one WARNING naming how many exported articles leave it."""
        ids, _bad = read_ids(self.path)
        lost, last = state.overwrite_target(os.path.abspath(self.path), ids)
        if not lost:
            return
        if last is not None and last[1] != "finished":
            self.append = True
            self.write_mode = "ab"
            self.crawler.stats.inc_value("interfax/feeds/appended_after_unfinished")
            logger.warning("%s holds %d articles exported by run %d, which did not finish (%s): appending to it, not "
                           "overwriting it (-O would lose them: the state store counts them as exported, so no later "
                           "run exports them again)", self.path, lost, last[0], last[1] or "killed")
            return
        self.crawler.stats.inc_value("interfax/feeds/overwritten", lost)
        logger.warning("%s: overwriting it (-O) drops %d articles exported by earlier runs, which the state store "
                       "does not export again: with INTERFAX_STATE_DIR each -O file holds only its run's new articles "
                       "(copy it away after each run, or use -o to append)", self.path, lost)


# ---------------------------------------------------------------- exporter


class JsonLinesExporter(JsonLinesItemExporter):
    """JSON Lines, one ``write`` per whole record, recorded in the state store once it is written."""

    def __init__(self, file, *, state: IncrementalState | None = None, fsync: bool = False, crawler=None, **kwargs):
        super().__init__(file, **kwargs)
        self.state = state
        self.fsync = fsync
        self.crawler = crawler
        #: the OS error of a write that failed: nothing more is written, and the crawl is stopped
        self.failed: OSError | None = None
        self._warned = False
        self._plain_fields_cache: dict[type, list[str] | None] = {}
        #: the feed file's absolute path, as the state store records it
        self._path = os.path.abspath(file.name) if isinstance(file, FeedFile) else None
        if getattr(file, "refused", None) is not None:
            self._stop(file.refused, count_record=False)

    @classmethod
    def from_crawler(cls, crawler, file, *args, **kwargs):
        return cls(
            file,
            *args,
            state=crawler.get_extension(IncrementalState),
            fsync=crawler.settings.getbool("INTERFAX_FEED_FSYNC"),
            crawler=crawler,
            **kwargs,
        )

    def _record(self, item) -> dict:
        """The exported fields of ``item``, as ``get_serialized_fields`` gives them.

        For a ``scrapy.Item`` whose fields declare no serializer (the Article) with a plain list of
        fields to export and empty fields left out, that is a dict comprehension: Scrapy's generic
        path costs ~15 µs per record (an adapter and a metadata lookup per field).
        """
        fields = self._plain_fields(type(item))
        if fields is None:
            return dict(self.get_serialized_fields(item))
        values = values_of(item) if isinstance(item, Article) else dict(item)  # then plain dict lookups
        return {name: values[name] for name in fields if name in values}

    def _plain_fields(self, item_class) -> list[str] | None:
        cache = self._plain_fields_cache
        if item_class not in cache:
            declared = getattr(item_class, "fields", None)
            plain = (
                isinstance(item_class, type)
                and issubclass(item_class, scrapy.Item)
                and isinstance(declared, dict)
                and not self.export_empty_fields
                and (self.fields_to_export is None or isinstance(self.fields_to_export, (list, tuple)))
                and type(self).serialize_field is JsonLinesItemExporter.serialize_field
                and not any("serializer" in meta for meta in declared.values())
            )
            if plain and self.fields_to_export is not None and not all(isinstance(f, str) for f in self.fields_to_export):
                plain = False
            cache[item_class] = (list(declared) if self.fields_to_export is None else list(self.fields_to_export)) if plain else None
        return cache[item_class]

    def export_item(self, item) -> None:
        if self.failed is not None:
            self._not_written()
            return
        try:
            self._export(item)
        except OSError as exc:  # disk full, a read-only file system, a folder where the file should be ...
            self._stop(exc)

    def _export(self, item) -> None:
        record = self._record(item)
        data = to_bytes(self.encoder.encode(record) + "\n", self.encoding)
        article_id = record.get("id")
        if not isinstance(self.file, FeedFile):
            # post-processed (e.g. gzip) or foreign storage: no line-level guarantee
            self._warn_once()
            self.file.write(data)
            if self.state is not None and isinstance(article_id, int):
                self._after_write(self.state.record, article_id, record, getattr(self.file, "name", None))
            return
        intent = None
        if self.state is not None and isinstance(article_id, int):
            intent = self.state.intend(self._path, self.file.end(), article_id, len(data))
        self.file.write(data)  # all of the line, or (cut back) none of it
        if self.fsync:
            os.fsync(self.file.fileno())
        if intent is not None:
            self._after_write(self.state.confirm, intent, record)

    def _after_write(self, note, *args) -> None:
        """``note(*args)`` records a line just written in the state store; if the store cannot be written, the
        line stays in the feed (its intent, when there is one, lets the next run recover it) and the crawl stops."""
        try:
            note(*args)
        except StateWriteFailed as exc:
            self._stop(exc, count_record=False)

    def _stop(self, exc: OSError, count_record: bool = True) -> None:
        """A write failed: the feed holds only whole lines (the failed one is not there and, with a
        state store, is crawled again next run); nothing more is written, and the crawl stops.
        (``count_record``: False when the record was written, or the file was refused before any record.)
        A state store that cannot be written (:class:`StateWriteFailed`) takes the same path."""
        self.failed = exc
        if isinstance(exc, StateWriteFailed):
            what, name, reason = "the state store", exc.filename, "state_write_failed"
            self._count("interfax/state/write_failed")
        else:
            what, name, reason = "the feed", getattr(self.file, "name", self.file), "feed_write_failed"
            self._count("interfax/feeds/write_failed")
        if count_record:
            self._not_written()
        logger.error("cannot write to %s %s: %s; the crawl stops (the records written so far are whole)",
                     what, name, exc.strerror or exc)
        if self.crawler is not None and self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    def _not_written(self) -> None:
        """A record passed the pipelines but is not in the feed: ``interfax/items/exported`` counted it."""
        self._count("interfax/feeds/not_written")
        self._count("interfax/items/exported", -1)

    def _count(self, key: str, count: int = 1) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)

    def _warn_once(self) -> None:
        if not self._warned:
            self._warned = True
            name = getattr(self.file, "name", self.file)
            what = "standard output (buffered)" if name == "<stdout>" else "post-processed or not a local file"
            logger.warning("feed %r is %s: records are not written crash-safely", name, what)


class CsvExporter(CsvItemExporter):
    """``-o out.csv``: the columns of ``scrapy dataset --format csv`` (:func:`interfax.dataset.csv_row`): ``tags``
    joined with ``;``, ``images`` as ``image_url`` + ``image_count``, ``related`` as ``related_ids``.

    Scrapy's own wrote ``images`` and ``related`` as Python reprs (``[{'url': '...', 'caption': None}]``),
    which no CSV reader turns back into data, and joined ``tags`` with commas."""

    def export_item(self, item) -> None:
        fields = self.fields_to_export
        if fields is None:
            fields = self.fields_to_export = list(ItemAdapter(item).field_names())
        elif not isinstance(fields, (list, tuple)):  # FEED_EXPORT_FIELDS renaming columns: Scrapy's own
            super().export_item(item)
            return
        if self._headers_not_written:
            self._headers_not_written = False
            if self.include_headers_line:
                self.csv_writer.writerow(csv_columns(list(fields)))
        self.csv_writer.writerow(csv_row(ItemAdapter(item).asdict(), fields))


# ---------------------------------------------------------------- pipeline


class AlreadyExported(ArticleDropped):
    """The article is already in the output: in the append target, or (state on) exported by an earlier run."""

    reason = "already_exported"
    log_level = "INFO"


class ExportedPipeline(_Step):
    """Drop articles already exported, unless ``-a refresh=1`` or a recheck found them edited (an article
    in the append target is dropped whatever: the file holds each id once).

    "Already exported": in an append target's existing lines (always) or in the state store (when
    ``INTERFAX_STATE_DIR`` is set). Runs before ``DedupPipeline`` so that only what is written is
    counted as ``interfax/items/exported``.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._in_feeds: set[int] | None = None
        self._state: IncrementalState | None = None
        self._refresh: bool | None = None

    def _setup(self) -> None:
        spider = self.crawler.spider
        args = getattr(spider, "args", None)
        self._refresh = bool(getattr(args, "refresh", False))
        self._state = self.crawler.get_extension(IncrementalState)
        self._in_feeds = set()
        feeds = self.crawler.get_extension(FeedExporter)
        for slot in getattr(feeds, "slots", None) or []:
            storage = getattr(slot, "storage", None)
            if isinstance(storage, SafeFileFeedStorage):
                self._in_feeds |= storage.existing_ids()

    def process_item(self, item):
        if self._in_feeds is None:
            self._setup()
        article_id = fields_of(item)[0].get("id")
        where = None
        if article_id in self._in_feeds:  # (refresh=1 too: an append target holds each id once, edits included)
            where = "in the feed file already"
            if self._state is not None:
                self._state.not_written(article_id, item)
        elif self._refresh:
            return item
        elif self._state is not None and self._state.is_exported(article_id):
            if self._state.edited(article_id, item):  # fetched again lately: edited since its last export
                return item
            where = "exported by an earlier run"
        if where is None:
            return item
        raise _count_drop(self.crawler, AlreadyExported(f"article {article_id} {where}"))

