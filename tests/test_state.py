"""The state store and the crash-safe feed writer: units, then incremental crawls of the mirror."""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from conftest import EXPECTED_DIR, REPO
from interfax.feeds import FeedFile, JsonLinesExporter, SafeFileFeedStorage, read_ids, repair_tail
from interfax.items import Article
from interfax.mirror.server import MirrorServer
from interfax import urls
from interfax.state import DB_NAME, Known, StateLocked, StateStore, _lock_dir, main

CRAWL = json.loads((EXPECTED_DIR / "_crawl.json").read_text("utf-8"))
EXPECTED_IDS = set(CRAWL["exported_ids"])


def line(article_id: int, **extra) -> bytes:
    record = {"id": article_id, "url": f"https://interfax.com.ua/news/general/{article_id}.html", **extra}
    return (json.dumps(record, ensure_ascii=False) + "\n").encode()


# ---------------------------------------------------------------- the store


def test_store_is_sqlite_in_wal_mode(tmp_path):
    store = StateStore(tmp_path / "state")
    assert (tmp_path / "state" / DB_NAME).exists()
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_record_lookup_and_export_times(tmp_path):
    store = StateStore(tmp_path)
    run = store.begin_run()
    related = [{"id": 2, "url": "https://interfax.com.ua/news/general/2.html", "title": "x"}]
    assert store.record(1, {"url": "u1", "published_at": "2025-01-01T10:00:00+02:00", "related": related}, "f", run)
    assert not store.record(1, {"url": "u1", "related": related}, "f", run)  # second export: not new
    first, last, exports = store.db.execute("SELECT first_exported, last_exported, exports FROM articles").fetchone()
    assert first <= last and exports == 2
    known = store.lookup(1)
    assert known == Known(1, False, None, ("https://interfax.com.ua/news/general/2.html",))
    assert store.lookup(1, exclude_run=run) is None  # this run's own exports are the dupefilter's business
    assert store.lookup(3) is None and 1 in store and 3 not in store
    store.close()


def test_finished_run_settles_what_it_exported_and_expanded(tmp_path):
    store = StateStore(tmp_path)
    killed = store.begin_run()
    store.record(1, {"url": "u1"}, run=killed)
    store.record(2, {"url": "u2"}, run=killed)
    store.finish_run(killed, "shutdown", {})
    assert not store.lookup(1).settled  # a stopped run settles nothing
    run = store.begin_run()
    store.record(3, {"url": "u3"}, run=run)
    assert store.finish_run(run, "finished", {}, expanded={2: 1}) == 2
    assert store.lookup(3).settled and store.lookup(2).settled and not store.lookup(1).settled
    store.close()


def test_gone_articles_are_skipped_for_a_while_then_forgotten_on_export(tmp_path):
    store = StateStore(tmp_path)
    store.record_gone(7, "https://interfax.com.ua/news/general/7.html", "HTTP 404")
    assert store.lookup(7) is None  # no window given: retried
    assert store.lookup(7, gone_since="2000-01-01T00:00:00+00:00") == Known(7, True, gone=True)
    assert store.lookup(7, gone_since="2999-01-01T00:00:00+00:00") is None  # older than the window
    store.record(7, {"url": "u7"})
    assert store.db.execute("SELECT count(*) FROM gone").fetchone()[0] == 0
    store.close()


# ---------------------------------------------------------------- the write protocol and recovery


def test_recover_confirms_a_complete_line(tmp_path):
    feed = tmp_path / "a.jsonl"
    feed.write_bytes(line(1))
    store = StateStore(tmp_path / "s")
    data = line(2, related=[{"id": 1, "url": "https://interfax.com.ua/news/general/1.html", "title": None}])
    intent = store.intend(str(feed), feed.stat().st_size, 2, len(data), run=5)
    with feed.open("ab") as f:
        f.write(data)
    found = store.recover()  # the process died before confirm()
    assert (found.confirmed, found.rolled_back, found.truncated_bytes) == (1, 0, 0)
    assert 2 in store and store.lookup(2).related == ("https://interfax.com.ua/news/general/1.html",)
    assert store.db.execute("SELECT count(*) FROM pending").fetchone()[0] == 0
    assert intent.offset == len(line(1))
    store.close()


def test_recover_cuts_a_partial_line_and_forgets_the_intent(tmp_path):
    feed = tmp_path / "a.jsonl"
    feed.write_bytes(line(1))
    store = StateStore(tmp_path / "s")
    data = line(2, text="x" * 5000)
    store.intend(str(feed), feed.stat().st_size, 2, len(data))
    with feed.open("ab") as f:
        f.write(data[:1234])  # killed in the middle of the write
    found = store.recover()
    assert (found.confirmed, found.rolled_back, found.truncated_bytes) == (0, 1, 1234)
    assert feed.read_bytes() == line(1)
    assert 2 not in store
    store.close()


@pytest.mark.parametrize("case", ["not written", "file gone", "other content"])
def test_recover_rolls_back_what_is_not_there(tmp_path, case):
    feed = tmp_path / "a.jsonl"
    feed.write_bytes(line(1))
    store = StateStore(tmp_path / "s")
    data = line(2)
    store.intend(str(feed), feed.stat().st_size, 2, len(data))
    if case == "file gone":
        feed.unlink()
    elif case == "other content":
        with feed.open("ab") as f:
            f.write(line(3))
    found = store.recover()
    assert (found.confirmed, found.rolled_back) == (0, 1)
    assert 2 not in store
    if case == "other content":
        assert feed.read_bytes() == line(1) + line(3)  # never cut what is not ours
    store.close()


class FakeState:
    """Records the feed's size at each step of the protocol."""

    def __init__(self, path: Path):
        self.path = path
        self.steps = []

    def intend(self, feed, offset, article_id, length):
        self.steps.append(("intend", article_id, offset, self.path.stat().st_size, length))
        return (feed, offset)

    def confirm(self, intent, record):
        self.steps.append(("confirm", record["id"], self.path.stat().st_size))


def test_exporter_brackets_each_whole_line_with_intent_and_confirm(tmp_path):
    path = tmp_path / "out.jsonl"
    state = FakeState(path)
    exporter = JsonLinesExporter(FeedFile(path, "ab"), state=state, encoding="utf-8", fields_to_export=["id", "title"])
    exporter.start_exporting()
    exporter.export_item(Article(id=1, title="Умєров"))
    exporter.export_item(Article(id=2, title="b"))
    exporter.finish_exporting()
    exporter.file.close()
    first = '{"id": 1, "title": "Умєров"}\n'.encode()
    assert path.read_bytes() == first + b'{"id": 2, "title": "b"}\n'
    assert state.steps == [
        ("intend", 1, 0, 0, len(first)),
        ("confirm", 1, len(first)),  # confirmed only once the line is in the file
        ("intend", 2, len(first), len(first), 24),
        ("confirm", 2, len(first) + 24),
    ]


def test_recover_never_cuts_records_written_after_a_damaged_line(tmp_path):
    """A write that failed half-way, then others: the records after the damage are kept (they are recorded as exported)."""
    feed = tmp_path / "a.jsonl"
    feed.write_bytes(line(1))
    store = StateStore(tmp_path / "s")
    data = line(2, text="x" * 5000)
    store.intend(str(feed), feed.stat().st_size, 2, len(data))
    after = line(3, text="y" * 9000)
    with feed.open("ab") as f:
        f.write(data[:1234] + after)  # the damaged line, then a longer whole record glued to it
    found = store.recover()
    assert (found.confirmed, found.rolled_back, found.truncated_bytes) == (0, 1, 0)
    assert feed.read_bytes() == line(1) + data[:1234] + after
    store.close()


class _Disk(__import__("io").FileIO):
    """The file system under a FeedFile: ``room`` bytes left (None: no limit), then ENOSPC."""

    room: int | None = None

    def write(self, data):
        import errno

        if self.room is None:
            return super().write(data)
        if self.room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        written = super().write(bytes(data[: self.room]))
        self.room -= written
        return written


class _LimitedFeedFile(FeedFile, _Disk):
    """A FeedFile whose ``super().write`` is the limited disk's."""


def test_a_write_that_fails_half_way_leaves_no_part_of_its_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(line(1))
    f = _LimitedFeedFile(path, "ab")
    f.room = 100
    with pytest.raises(OSError):
        f.write(line(2, text="x" * 5000))
    f.room = None  # space again: the next line starts a line
    f.write(line(3))
    f.close()
    assert path.read_bytes() == line(1) + line(3)


def test_a_feed_that_cannot_be_written_stops_the_crawl_once_with_one_error(tmp_path, caplog):
    from scrapy.utils.test import get_crawler

    from interfax.spiders.articles import ArticlesSpider

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    closed = []

    class Engine:
        def close_spider_async(self, *, reason):  # (the real one is a coroutine, scheduled on the reactor)
            closed.append(reason)

    crawler.engine = Engine()
    path = tmp_path / "out.jsonl"
    exporter = JsonLinesExporter(_LimitedFeedFile(path, "ab"), crawler=crawler, encoding="utf-8", fields_to_export=["id", "title"])
    exporter.export_item(Article(id=1, title="a"))
    exporter.file.room = 5
    for i in (2, 3, 4):
        exporter.export_item(Article(id=i, title="b"))  # no exception reaches Scrapy's signal handler
    exporter.file.close()
    assert path.read_bytes() == b'{"id": 1, "title": "a"}\n'
    assert closed == ["feed_write_failed"]
    assert crawler.stats.get_value("interfax/feeds/write_failed") == 1
    assert crawler.stats.get_value("interfax/feeds/not_written") == 3
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "No space left on device" in errors[0].getMessage() and str(path) in errors[0].getMessage()


class _FillingDisk:
    """A store's connection on a disk that fills up after ``room`` commits: COMMIT then fails as SQLite's does."""

    def __init__(self, db: sqlite3.Connection, room: int):
        self.db, self.room = db, room

    def execute(self, sql, *args):
        if sql == "COMMIT":
            if self.room <= 0:
                raise sqlite3.OperationalError("database or disk is full")
            self.room -= 1
        return self.db.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.db, name)


def test_a_state_store_that_cannot_be_written_stops_the_crawl_once_with_one_error(tmp_path, caplog):
    crawler, spider, state = _spider_started_with_state(tmp_path / "state")
    closed = []

    class Engine:
        def close_spider_async(self, *, reason):
            closed.append(reason)

    crawler.engine = Engine()
    state.store.db = _FillingDisk(state.store.db, room=1)
    path = tmp_path / "out.jsonl"
    exporter = JsonLinesExporter(FeedFile(path, "ab"), state=state, crawler=crawler, encoding="utf-8",
                                 fields_to_export=["id", "title"])
    for i in (1, 2, 3, 4):
        crawler.stats.inc_value("interfax/items/exported")  # as the pipeline counts it
        exporter.export_item(Article(id=i, title="a"))  # no exception reaches Scrapy's signal handler
    state.spider_closed(spider, "state_write_failed")  # no exception either: a WARNING
    exporter.file.close()
    # 1 recorded; 2 written, its confirm failed (its intent lets the next run recover it); 3 and 4 not written
    assert [json.loads(x)["id"] for x in path.read_bytes().splitlines()] == [1, 2]
    assert closed == ["state_write_failed"]
    stats = crawler.stats
    assert stats.get_value("interfax/feeds/not_written") == 2 and stats.get_value("interfax/items/exported") == 2
    assert stats.get_value("interfax/state/write_failed") >= 1
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "database or disk is full" in errors[0] and DB_NAME in errors[0]
    store = StateStore(tmp_path / "state")  # the disk has room again: the next run recovers the written line
    assert store.recover().confirmed == 1 and 1 in store and 2 in store and 3 not in store
    store.close()


def test_unwritable_outputs_are_named_before_a_crawl(tmp_path, monkeypatch):
    from interfax.feeds import unwritable

    (tmp_path / "dir.jsonl").mkdir()
    (tmp_path / "plain").write_text("x")
    assert unwritable(str(tmp_path / "dir.jsonl")) == f"{tmp_path / 'dir.jsonl'} is a folder, not a file"
    assert unwritable(str(tmp_path / "plain" / "out.jsonl")) == f"{tmp_path / 'plain'} is not a folder"
    assert unwritable(str(tmp_path / "new" / "deeper" / "out.jsonl")) is None  # folders are created
    assert unwritable(f"file://{tmp_path}/out-%(time)s.jsonl") is None
    assert unwritable("s3://bucket/x.jsonl") is None  # not ours to judge
    monkeypatch.setattr("os.access", lambda path, mode: False)  # a read-only file system
    assert "not writable" in unwritable(str(tmp_path / "out.jsonl"))
    (tmp_path / "old.jsonl").write_text("")
    assert unwritable(str(tmp_path / "old.jsonl")) == f"{tmp_path / 'old.jsonl'} is not writable"


def test_crawl_refuses_an_output_it_cannot_write_before_it_starts(tmp_path):
    (tmp_path / "x.jsonl").mkdir()
    done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "articles", "-o", str(tmp_path / "x.jsonl")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == f"scrapy crawl: error: cannot write the output: {tmp_path / 'x.jsonl'} is a folder, not a file"


# ---------------------------------------------------------------- append targets


def test_repair_tail(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(line(1) + line(2)[:10])
    assert repair_tail(path) == 10 and path.read_bytes() == line(1)
    assert repair_tail(path) == 0
    path.write_bytes(line(1) + line(2)[:-1])  # a complete record without its newline is kept
    assert repair_tail(path) == 0 and path.read_bytes() == line(1) + line(2)
    path.write_bytes(b'{"id": 1, "ur')
    assert repair_tail(path) == 13 and path.read_bytes() == b""
    assert repair_tail(tmp_path / "missing.jsonl") == 0


def test_read_ids(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(line(1) + b'{"url": "x", "id": 2}\n' + b"not json\n\n" + line(3))
    assert read_ids(path) == ({1, 2, 3}, 1)


def test_storage_repairs_and_indexes_an_append_target(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(line(1) + line(2) + line(3)[:7])
    storage = SafeFileFeedStorage(str(path), feed_options={"overwrite": False})
    assert storage.existing_ids() == {1, 2}
    assert path.read_bytes() == line(1) + line(2)
    f = storage.open(None)
    assert isinstance(f, FeedFile)
    f.write(line(4))
    storage.store(f)
    assert read_ids(path) == ({1, 2, 4}, 0)
    overwrite = SafeFileFeedStorage(str(path), feed_options={"overwrite": True})
    assert overwrite.existing_ids() == set()  # -O: the file is replaced, nothing in it counts



@pytest.mark.parametrize("fmt, body, says", [
    ("json", b'[\n{"id": 1, "title": "x"},\n{"id": 2, "title": "y"}\n]', "a second JSON document (not valid JSON)"),
    ("csv", b"id,title\r\n1,x\r\n2,y\r\n", "a second header row"),
])
def test_an_append_target_in_another_format_is_left_as_it_is(tmp_path, caplog, fmt, body, says):
    """`-o out.json` / `-o out.csv` a second time: the file is appended to as Scrapy appends, and said so once.
    Before, it was read as JSON Lines: a JSON array's closing "]" was cut off as "a truncated line (from a
    killed run)", each CSV line counted as a line that is not a record (interfax/feeds/bad_lines)."""
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(body)
    crawler = get_crawler(settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    crawler.stats.open_spider()
    storage = SafeFileFeedStorage.from_crawler(crawler, str(path), feed_options={"overwrite": False, "format": fmt})
    with caplog.at_level(logging.INFO, logger="interfax.feeds"):
        f = storage.open(None)
    f.close()
    assert path.read_bytes() == body and storage.existing_ids() == set()
    assert [r.levelname for r in caplog.records] == ["WARNING"] and says in caplog.records[0].getMessage()
    assert crawler.stats.get_value("interfax/feeds/bad_lines") is None
    assert crawler.stats.get_value("interfax/feeds/truncated_bytes") is None
    # JSON Lines under any of its names is still repaired and indexed
    lines = tmp_path / "out.jl"
    lines.write_bytes(line(1) + line(2)[:5])
    jl = SafeFileFeedStorage.from_crawler(crawler, str(lines), feed_options={"overwrite": False, "format": "jl"})
    assert jl.existing_ids() == {1} and lines.read_bytes() == line(1)


def test_a_csv_feed_has_the_columns_of_a_csv_dataset(tmp_path):
    """`-o out.csv`: images and related as columns a CSV reader can use, as `scrapy dataset --format csv` writes
    them; before, Scrapy wrote them as Python reprs ("[{'url': ..., 'caption': None}]") and joined tags with ','."""
    import csv
    import io

    from scrapy.utils.misc import load_object
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    exporter_cls = load_object(settings.getwithbase("FEED_EXPORTERS")["csv"])
    record = {**json.loads(line(1063374)), "title": "Умєров, Каллас", "tags": ["Умєров", "ЄС"], "reading_time": None,
              "images": [{"url": "https://interfax.com.ua/a.jpg", "caption": None}, {"url": "https://interfax.com.ua/b.jpg", "caption": "B"}],
              "related": [{"id": 1063120, "url": "https://interfax.com.ua/news/general/1063120.html", "title": "Т"},
                          {"id": 1062871, "url": "https://interfax.com.ua/news/political/1062871.html", "title": "У"}]}
    item = Article(**{k: v for k, v in record.items() if k in Article.fields})
    out = io.BytesIO()
    exporter = exporter_cls(out, fields_to_export=settings.getlist("FEED_EXPORT_FIELDS"), encoding="utf-8")
    exporter.start_exporting()
    exporter.export_item(item)
    exporter.export_item(item)
    exporter.finish_exporting()
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))
    assert len(rows) == 2 and rows[0] == rows[1]
    row = rows[0]
    assert "images" not in row and "related" not in row
    assert row["image_url"] == "https://interfax.com.ua/a.jpg" and row["image_count"] == "2"
    assert row["related_ids"] == "1063120;1062871" and row["tags"] == "Умєров;ЄС"
    assert row["id"] == "1063374" and row["title"] == "Умєров, Каллас" and row["reading_time"] == ""

def test_one_crawl_at_a_time_per_state_folder(tmp_path):
    held = _lock_dir(tmp_path)
    with pytest.raises(StateLocked, match=rf"^state folder {re.escape(str(tmp_path))} is in use by another crawl \(pid {os.getpid()}\); not starting$"):
        _lock_dir(tmp_path)
    held.close()
    _lock_dir(tmp_path).close()


OLD_REPORT = "interfax monitors: OK (0 of 10 checks failed) - an earlier run\n"


def crawl_that_cannot_start(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """A crawl of a mirror that must stop at start-up: (the result, its report's lines). Nothing is requested."""
    report = tmp_path / "monitor-report.txt"
    report.write_text(OLD_REPORT)
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}",
               "-s", f"INTERFAX_MONITOR_REPORT={report}", "-O", str(tmp_path / "out.jsonl"), *args]
        result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
        assert server.requests == [], result.stderr[-3000:]
    assert not (tmp_path / "out.jsonl").exists()
    return result, report.read_text("utf-8").splitlines()


def test_a_second_crawl_on_a_held_state_folder_is_skipped_with_one_line(tmp_path):
    """scrapyd and the timer may share the state folder: the second crawl says why it did not start
    (one line, no traceback), exits 75 like the wrapper's own lock, and its report says SKIPPED."""
    state = tmp_path / "state"
    held = _lock_dir(state)
    try:
        message = f"state folder {state} is in use by another crawl (pid {os.getpid()}); not starting"
        logged, report = crawl_that_cannot_start(tmp_path, "-s", f"INTERFAX_STATE_DIR={state}", "-s", f"LOG_FILE={tmp_path / 'crawl.log'}")
        assert logged.returncode == 75, logged.stderr
        assert logged.stderr == f"scrapy crawl: error: {message}\n"  # the log goes to LOG_FILE: only the cause
        assert report[0].startswith("interfax monitors: SKIPPED (the crawl did not start) - spider articles, ")
        assert report[1:] == [f"  SKIPPED {message}"]
        log = (tmp_path / "crawl.log").read_text("utf-8")
        assert message in log and "Traceback" not in log
        unlogged, _ = crawl_that_cannot_start(tmp_path, "-s", f"INTERFAX_STATE_DIR={state}")
        assert unlogged.returncode == 75
        assert unlogged.stderr.splitlines()[-1] == f"scrapy crawl: error: {message}"
        assert "Traceback" not in unlogged.stderr and "never retrieved" not in unlogged.stderr
    finally:
        held.close()


def test_a_second_crawl_on_a_job_folder_in_use_is_skipped_and_leaves_its_queue_alone(tmp_path):
    """Two crawls given the same JOBDIR: the second must not read the first's "running" marker as a
    killed run and delete the live queue under it; it stops before any request, exit 75, SKIPPED."""
    from interfax.extensions import LOCK, MARKER, JobDirLocked

    job = tmp_path / "job"
    held = _lock_dir(job, LOCK, "JOBDIR", JobDirLocked)  # the first crawl, running
    (job / MARKER).write_text(json.dumps({"status": "running", "pid": os.getpid()}))
    (job / "requests.seen").write_text("fingerprints of the first crawl\n")
    (job / "requests.queue").mkdir()
    try:
        message = f"JOBDIR {job} is in use by another crawl (pid {os.getpid()}); not starting"
        result, report = crawl_that_cannot_start(tmp_path, "-s", f"JOBDIR={job}")
        assert result.returncode == 75, result.stderr[-3000:]
        assert result.stderr.splitlines()[-1] == f"scrapy crawl: error: {message}"
        assert "Traceback" not in result.stderr
        assert report[0].startswith("interfax monitors: SKIPPED (the crawl did not start)")
        assert (job / "requests.seen").read_text() == "fingerprints of the first crawl\n"
        assert (job / "requests.queue").is_dir()
        assert json.loads((job / MARKER).read_text())["status"] == "running"
    finally:
        held.close()


def test_a_fresh_job_overwrites_its_o_target(tmp_path):
    """-O with a JOBDIR: a new job overwrites the file as asked; only a job resumed after a pause appends
    to the file its paused run wrote (interfax.extensions.JobDirGuard.continues)."""
    out, job = tmp_path / "out.jsonl", tmp_path / "job"
    out.write_text('{"id": 1, "title": "an older crawl"}\n', encoding="utf-8")
    with MirrorServer() as server:
        fresh = crawl(server.base_url, tmp_path / "state-unused", tmp_path / "unused", "-O", str(out), "-s", f"JOBDIR={job}",
                      "-s", "INTERFAX_STATE_DIR=")
    assert fresh.returncode == 0, fresh.stderr[-3000:]
    ids = [json.loads(x)["id"] for x in out.read_text("utf-8").splitlines()]
    assert 1 not in ids and sorted(ids) == sorted(EXPECTED_IDS)
    assert "not overwriting it" not in fresh.stderr
    marker = json.loads((job / "interfax.job.json").read_text("utf-8"))
    assert marker["status"] == "closed" and marker["outputs"] == [os.path.realpath(out)]


@pytest.mark.parametrize("flag", ["-o", "-O"])
def test_a_second_crawl_on_an_output_file_in_use_is_skipped_and_leaves_it_alone(tmp_path, flag):
    """Two crawls writing one file: appending, each would export every new article (both read the
    file's ids once, at start); overwriting, they would write over each other's lines. The second
    one stops before any request, exit 75, SKIPPED, and the file is as the first crawl left it."""
    import fcntl

    out = tmp_path / "articles.jsonl"
    out.write_bytes(line(1) + line(2))
    first = out.open("rb")
    fcntl.flock(first.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # (the first crawl holds it while it runs)
    try:
        report = tmp_path / "monitor-report.txt"
        with MirrorServer() as server:
            cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}",
                   "-s", f"INTERFAX_MONITOR_REPORT={report}", flag, str(out)]
            result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
            assert server.requests == [], result.stderr[-3000:]
        message = f"the output {out} is being written by another crawl; not starting"
        assert result.returncode == 75, result.stderr[-3000:]
        assert result.stderr.splitlines()[-1] == f"scrapy crawl: error: {message}"
        assert "Traceback" not in result.stderr
        assert report.read_text("utf-8").splitlines()[1:] == [f"  SKIPPED {message}"]
        assert out.read_bytes() == line(1) + line(2)
    finally:
        first.close()


def test_an_output_file_taken_between_start_and_first_record_is_not_written(tmp_path):
    """Two crawls started at once on a file that did not exist yet: the one that opens it second
    writes nothing to it and stops (feed_write_failed), instead of doubling the records."""
    import fcntl

    out = tmp_path / "new.jsonl"
    storage = SafeFileFeedStorage(str(out), feed_options={"overwrite": True})
    out.write_bytes(line(7))
    other = out.open("rb")
    fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # the other crawl opened it first
    try:
        f = storage.open(None)
        exporter = JsonLinesExporter(f)
        assert isinstance(exporter.failed, OSError) and "being written by another crawl" in str(exporter.failed)
        exporter.export_item(Article(id=8, url="https://interfax.com.ua/news/general/8.html"))
        f.close()
        assert out.read_bytes() == line(7)  # neither truncated (-O) nor written to
    finally:
        other.close()
    f = SafeFileFeedStorage(str(out), feed_options={"overwrite": True}).open(None)  # free again: -O empties it
    assert f.refused is None and out.read_bytes() == b""
    f.close()


def test_a_crawl_that_cannot_start_says_why_in_one_line_and_in_the_report(tmp_path):
    (tmp_path / "a-file").write_text("")
    state = tmp_path / "a-file" / "state"
    result, report = crawl_that_cannot_start(tmp_path, "-s", f"INTERFAX_STATE_DIR={state}", "-s", f"LOG_FILE={tmp_path / 'crawl.log'}")
    line = f"the crawl did not start: {state}: Not a directory"
    assert result.returncode == 1
    assert result.stderr == f"scrapy crawl: error: {line}\n"
    assert report[0].startswith("interfax monitors: FAILED (the crawl did not start) - spider articles, ")
    assert report[1:] == [f"  FAILED {line}"]
    assert "Traceback" not in (tmp_path / "crawl.log").read_text("utf-8")
    # a log file that cannot be opened, a bad argument: the report is rewritten too
    result, report = crawl_that_cannot_start(tmp_path, "-s", f"LOG_FILE={tmp_path / 'missing' / 'crawl.log'}")
    assert (result.returncode, result.stderr) == (
        1, f"scrapy crawl: error: the crawl did not start: cannot open LOG_FILE {tmp_path / 'missing' / 'crawl.log'}: No such file or directory\n"
    )
    assert report[0].startswith("interfax monitors: FAILED (the crawl did not start)")
    result, report = crawl_that_cannot_start(tmp_path, "-a", "since=yesterday")
    assert result.returncode == 2
    assert report[1:] == ["  FAILED invalid argument since='yesterday': expected a date YYYY-MM-DD"]


def test_a_spider_module_that_does_not_import_fails_the_report_too(tmp_path):
    """A broken deploy (a spider module that raises on import): Scrapy's traceback and exit 1 left the
    report at the OK of an earlier run. Now the report says the crawl did not start, and why."""
    modules = tmp_path / "modules"
    modules.mkdir()
    (modules / "broken_spiders.py").write_text("raise ImportError('cannot import name Page from interfax.pages')\n")
    report = tmp_path / "monitor-report.txt"
    report.write_text(OLD_REPORT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(modules), str(REPO), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "articles", "-s", f"INTERFAX_MONITOR_REPORT={report}",
                             "-s", "SPIDER_MODULES=interfax.spiders,broken_spiders", "-O", str(tmp_path / "out.jsonl")],
                            cwd=REPO, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 1
    line = ("the crawl did not start: the spiders cannot be loaded: ImportError: cannot import name Page from "
            "interfax.pages")
    assert result.stderr.endswith(f"scrapy crawl: error: {line}\n") and "Traceback" in result.stderr
    lines = report.read_text("utf-8").splitlines()
    assert lines[0].startswith("interfax monitors: FAILED (the crawl did not start) - spider articles, ")
    assert lines[1:] == [f"  FAILED {line}"]


def test_command_line_show_and_reset(tmp_path, capsys):
    assert main(["show", str(tmp_path)]) == 0
    assert "no state" in capsys.readouterr().out
    store = StateStore(tmp_path)
    store.record(1, {"url": "u"})
    store.close()
    assert main(["show", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1
    assert main(["reset", str(tmp_path)]) == 0
    assert "1 articles forgotten" in capsys.readouterr().out
    assert StateStore(tmp_path).count() == 0
    assert main(["bogus"]) == 2


def test_show_names_a_run_with_no_end_killed_or_running(tmp_path, capsys):
    """Right after a SIGKILL, ``state show`` said reason null and 0 new until the next run closed the run;
    now: ``killed`` with what it exported, or ``running`` while a crawl holds the folder."""
    from interfax.state import StateLocked, _lock_dir

    store = StateStore(tmp_path)
    run = store.begin_run()
    store.set_since(run, "2026-01-01")
    store.record(1, {"url": "u1"}, run=run)
    store.record(2, {"url": "u2"}, run=run)
    store.close()
    assert main(["show", str(tmp_path)]) == 0
    (shown,) = json.loads(capsys.readouterr().out)["last_runs"]
    # (since: null, as the README says of a killed run; before, the since it was given)
    assert (shown["reason"], shown["new"], shown["since"]) == ("killed", 2, None)
    assert (tmp_path / "lock").read_text() == ""  # (show leaves no pid of its own as the holder's)
    held = _lock_dir(tmp_path)  # a crawl holds the folder
    try:
        assert main(["show", str(tmp_path)]) == 0
        running = json.loads(capsys.readouterr().out)["last_runs"][0]
        assert (running["reason"], running["since"]) == ("running", "2026-01-01")
        with pytest.raises(StateLocked):
            _lock_dir(tmp_path)
    finally:
        held.close()
    store = StateStore(tmp_path)
    assert store.close_killed_runs() == 1
    assert store.summary()["last_runs"][0]["since"] is None  # (closed by the next run: the same)
    store.close()


# ---------------------------------------------------------------- incremental crawls of the mirror


FAST = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO"]


def crawl(base_url: str, state: Path, out_dir: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={base_url}", "-a", "since=2000-01-01",
        *FAST, "-s", f"INTERFAX_STATE_DIR={state}", "-s", f"INTERFAX_DEFAULT_FEED={out_dir}/%(time)s.jsonl", *args,
    ]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)


def stat(result, name: str) -> int:
    m = re.search(rf"'{re.escape(name)}': (\d+)", result.stderr)
    return int(m.group(1)) if m else 0


def records(out_dir: Path) -> list[dict]:
    return [json.loads(x) for f in sorted(out_dir.glob("*.jsonl")) for x in f.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def incremental(tmp_path_factory):
    """A full run, then the same command again right after (and a refresh)."""
    tmp = tmp_path_factory.mktemp("incremental")
    state, out = tmp / "state", tmp / "out"
    with MirrorServer() as server:
        first = crawl(server.base_url, state, out)
        after_first = len(server.requests)
        first_files = set(out.glob("*.jsonl"))
        time.sleep(1.05)  # the next run gets its own %(time)s file
        second = crawl(server.base_url, state, out, "-s", f"INTERFAX_MONITOR_REPORT={tmp / 'report.txt'}")
        second_requests = server.requests[after_first:]
        second_files = set(out.glob("*.jsonl")) - first_files
    return first, second, second_requests, records(out), state, second_files


def _spider_started_with_state(directory, **args):
    """(crawler, spider, its IncrementalState) for a state folder, after the spider's ``start`` ran (close
    the state with ``state.spider_closed(spider, "finished")``)."""
    import asyncio

    from interfax.spiders.articles import ArticlesSpider
    from interfax.state import IncrementalState

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": "", "INTERFAX_STATE_DIR": str(directory)})
    spider = crawler.spider = crawler._create_spider(**{"sections": "general", **args})
    crawler.stats.open_spider()
    state = spider._incremental = IncrementalState(crawler, str(directory))
    state.open()

    async def start():
        return [request async for request in spider.start()]

    try:
        spider.started = asyncio.run(start())
    except BaseException:
        state.spider_closed(spider, "finished")
        raise
    return crawler, spider, state


@pytest.mark.parametrize("newest_days_ago, since_arg, since_days_ago", [
    (6, None, 7),  # the machine was off for 6 days: the run pages down to the day before the newest settled article
    (0.05, None, 2),  # an hourly run: the default 2 days
    (6, "2026-01-01", None),  # a since given is the user's
    (None, None, 2),  # nothing settled yet (a first run): the default
])
def test_a_run_after_a_long_break_pages_down_to_what_the_last_complete_run_reached(tmp_path, newest_days_ago, since_arg, since_days_ago):
    """With a state store and no since: a run after more than 2 days without a complete one (the machine off, the
    site down) pages down to the day before the newest settled article. Before, it stopped at the default 2 days,
    and what was published in between was never listed, nor exported, by any run."""
    from datetime import date, datetime, timedelta

    from interfax.dates import KYIV

    directory = tmp_path / "state"
    store = StateStore(directory)
    run = store.begin_run()
    if newest_days_ago is not None:
        for article_id, days in ((1, newest_days_ago + 3), (2, newest_days_ago)):
            published = (datetime.now(KYIV) - timedelta(days=days)).isoformat(timespec="seconds")
            store.record(article_id, {"url": f"https://interfax.com.ua/news/general/{article_id}.html", "published_at": published}, run=run)
        store.record(3, {"url": "https://interfax.com.ua/news/general/3.html", "published_at": "2099-01-01T00:00:00+02:00"}, run=run)
    store.finish_run(run, "finished", {})
    store.close()
    crawler, spider, state = _spider_started_with_state(directory, **({"since": since_arg} if since_arg else {}))
    state.spider_closed(spider, "finished")
    requests = spider.started
    today = datetime.now(KYIV).date()
    want = date.fromisoformat(since_arg) if since_arg else today - timedelta(days=since_days_ago)
    assert spider.since == spider.args.since == want
    assert [r.url for r in requests] == ["https://interfax.com.ua/news/general.html"]
    extended = crawler.stats.get_value("interfax/state/since_extended_days")
    assert extended == (5 if since_days_ago == 7 else None)

@pytest.mark.parametrize("since, pages_on", [("2000-01-01", True), ("2026-11-25", False)])
def test_a_backfill_pages_past_articles_settled_by_runs_that_did_not_reach_as_far(tmp_path, since, pages_on):
    """The server's state, settled by runs that walked the listings down to 2026-11-20, then a run with an earlier
    since (a backfill): its paging goes on past a page of settled articles, whose runs never walked below them.
    Before, it stopped at page 1 (interfax/listing/stopped_at_known) and exported nothing older. A run reaching
    no further back still stops there."""
    import scrapy
    from scrapy.http import HtmlResponse

    from conftest import listing_html

    directory = tmp_path / "state"
    store = StateStore(directory)
    run = store.begin_run()
    store.set_since(run, "2026-11-20")
    for article_id in (1100001, 1100002):
        store.record(article_id, {"url": f"https://interfax.com.ua/news/general/{article_id}.html",
                                  "published_at": "2026-11-26T10:00:00+02:00"}, run=run)
    store.finish_run(run, "finished", {})
    store.close()
    crawler, spider, state = _spider_started_with_state(directory, since=since)
    try:
        page = listing_html(("/news/general/1100001.html", "10:00 26.11.2026"), ("/news/general/1100002.html", "09:00 26.11.2026"))
        url = "https://interfax.com.ua/news/general.html"
        out = [r.url for r in spider.parse_listing(HtmlResponse(url, body=page, encoding="utf-8"), section="general")
               if isinstance(r, scrapy.Request)]
    finally:
        state.spider_closed(spider, "finished")
    assert out == (["https://interfax.com.ua/news/general-2.html"] if pages_on else [])
    assert crawler.stats.get_value("interfax/listing/stopped_at_known") == (None if pages_on else 1)
    assert crawler.stats.get_value("interfax/state/backfill") == (1 if pages_on else None)
    store = StateStore(directory)
    # a backfill of one section walked only that section's listing: no depth for the whole site
    assert store.walked_down_to() == "2026-11-20"
    store.close()


@pytest.mark.parametrize("args, counts", [
    ({"sections": ",".join(urls.DEFAULT_SECTIONS)}, True),
    ({"sections": "general"}, False),  # one section: the others' older articles were not walked
    ({"sections": ",".join(urls.DEFAULT_SECTIONS), "until": "2026-11-27"}, False),  # a closed window
])
def test_only_a_run_that_walked_every_listing_down_to_its_since_gives_the_site_that_depth(tmp_path, args, counts):
    """(A backfill section by section, or of a closed window, made every later backfill stop at the first page of
    articles it had settled: the other sections' older articles never came, in silence.)"""
    directory = tmp_path / "state"
    crawler, spider, state = _spider_started_with_state(directory, since="2026-11-01", **args)
    crawler.stats.set_value("interfax/listing/pages", 9)
    state.spider_closed(spider, "finished")
    store = StateStore(directory)
    assert store.walked_down_to() == ("2026-11-01" if counts else None)
    store.close()
    # a run that read no listing (the site down), or lost a listing page, gives no depth either
    crawler, spider, state = _spider_started_with_state(tmp_path / "down", since="2026-11-01", sections=",".join(urls.DEFAULT_SECTIONS))
    crawler.stats.set_value("interfax/robots/unavailable", 1)
    state.spider_closed(spider, "finished")
    store = StateStore(tmp_path / "down")
    assert store.walked_down_to() is None
    store.close()

def test_first_run_exports_everything_and_records_it(incremental):
    first, _, _, recs, state, _ = incremental
    assert first.returncode == 0, first.stderr[-3000:]
    assert stat(first, "interfax/state/new") == len(EXPECTED_IDS)
    store = StateStore(state)
    assert store.ids() == EXPECTED_IDS
    assert store.db.execute("SELECT count(*) FROM articles WHERE settled = 0").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM gone").fetchone()[0] == len(CRAWL["missing_paths"])
    store.close()


def test_second_run_fetches_only_listing_pages(incremental):
    _, second, requested, recs, state, second_files = incremental
    assert second.returncode == 0, second.stderr[-3000:]  # nothing new is quiet, not a failure
    assert requested, "the second run requested nothing"
    listing = re.compile(r"^/news/[a-z0-9-]+(-\d+)?\.html$")
    assert [p for p in requested if p != "/robots.txt" and not listing.match(p)] == []
    assert stat(second, "interfax/state/new") == 0
    assert stat(second, "interfax/state/known") > 0
    assert stat(second, "interfax/state/skipped") >= stat(second, "interfax/state/known")
    assert stat(second, "interfax/listing/stopped_at_known") > 0
    assert stat(second, "item_scraped_count") == 0
    # the report says how many were new: 0 (it said "new=-", as for a run without a state store)
    head = (state.parent / "report.txt").read_text("utf-8").splitlines()[0]
    assert head.startswith("interfax monitors: OK") and ", items=0, new=0, known=" in head, head
    assert all(f.stat().st_size == 0 for f in second_files)
    ids = [r["id"] for r in recs]
    assert sorted(ids) == sorted(EXPECTED_IDS)  # union of the run files: each article once


def test_new_articles_are_fetched_and_their_related_links_followed(tmp_path):
    """Forget some listed articles and some only reachable as related: the next run finds exactly those."""
    state, out = tmp_path / "state", tmp_path / "out"
    depths = {int(k): v for k, v in CRAWL["depths"].items()}
    with MirrorServer() as server:
        assert crawl(server.base_url, state, out).returncode == 0
        first = {r["id"]: r for r in records(out)}
        # an article listed on a first listing page (depth 0; the next run stops paging at the first page
        # of articles all exported, so one further down would not be met) with a related link to a
        # related-only article (depth >= 1); not the first such by export order, which the pace decides
        from interfax.mirror.server import DEFAULT_ROOT

        first_pages = "".join(p.read_text("utf-8") for p in (DEFAULT_ROOT / "news").glob("*.html") if not p.stem[-1].isdigit())
        pairs = sorted(
            (a, rel["id"]) for a, r in first.items() if depths.get(a) == 0 and f"/{a}.html" in first_pages
            for rel in r["related"] if depths.get(rel["id"], 0) >= 1 and rel["id"] in first
        )
        assert pairs, "the mirror has no listed article linking a related-only one"
        listed, related_only = pairs[0]
        forget = {listed, related_only}
        db = sqlite3.connect(state / DB_NAME)
        db.execute(f"DELETE FROM articles WHERE id IN ({','.join(map(str, forget))})")
        db.commit()
        db.close()
        for f in out.glob("*.jsonl"):
            f.unlink()
        n = len(server.requests)
        time.sleep(1.05)
        again = crawl(server.base_url, state, out)
        requested = server.requests[n:]
    assert again.returncode == 0, again.stderr[-3000:]
    assert {r["id"] for r in records(out)} == forget
    articles = [p for p in requested if re.search(r"/\d+\.html$", p)]
    fetched = {int(re.search(r"(\d+)\.html$", p).group(1)) for p in articles}
    assert fetched == forget, fetched  # known articles never fetched again
    assert stat(again, "interfax/state/new") == 2
    # related links followed: the one fetched, not the known ones met beside it (they were counted too)
    assert stat(again, "interfax/related/followed") == 1


def test_an_article_lost_to_a_passing_fault_is_asked_for_again_by_the_next_run(tmp_path):
    """A related-only article that failed (an empty page here; a 503 after retries alike) is in the failed
    list as one a later run can retry: the next run asks for it, although the article linking it is settled."""
    import shutil

    from interfax.mirror.server import DEFAULT_ROOT

    root, state, out = tmp_path / "site", tmp_path / "state", tmp_path / "out"
    shutil.copytree(DEFAULT_ROOT, root)
    related_only = sorted(int(k) for k, v in CRAWL["depths"].items() if v == 1)[0]
    expected = json.loads((EXPECTED_DIR / f"{related_only}.json").read_text("utf-8"))
    page = root / expected["url"].split("interfax.com.ua/", 1)[1]
    body = page.read_bytes()
    page.write_bytes(b"")
    with MirrorServer(root=root) as server:
        first = crawl(server.base_url, state, out, "-s", f"INTERFAX_FAILED_FILE={tmp_path}/failed.jsonl")
        failed = [json.loads(x) for x in (tmp_path / "failed.jsonl").read_text("utf-8").splitlines()]
        assert [f["url"] for f in failed if "empty body" in f["reason"]] == [expected["url"]], failed
        assert StateStore(state).summary()["failed"] == 1
        page.write_bytes(body)
        n = len(server.requests)
        time.sleep(1.05)
        second = crawl(server.base_url, state, out)
        requested = server.requests[n:]
    assert first.returncode == 0 and stat(first, "interfax/state/failed") == 1, first.stderr[-3000:]
    assert second.returncode == 0, second.stderr[-3000:]
    assert stat(second, "interfax/state/retried") == 1 and stat(second, "interfax/state/new") == 1
    assert any(p.endswith(f"/{related_only}.html") for p in requested)
    assert sorted(r["id"] for r in records(out)) == sorted(EXPECTED_IDS)  # nothing lost, nothing twice
    store = StateStore(state)
    assert store.summary()["failed"] == 0 and store.ids() == EXPECTED_IDS
    store.close()


def test_articles_of_a_listing_page_lost_to_a_passing_fault_are_found_by_the_next_run(tmp_path):
    """A listing page lost in an outage (an empty page here; a 503 or a refused connection after the
    retries alike): the paging goes on past it, and the run's articles are not settled, so the next run
    does not stop at the pages above the lost one and finds what it listed. Before, the run settled
    them, the next run stopped at page 1, and the lost page's articles were never exported."""
    import shutil

    from interfax.mirror.server import DEFAULT_ROOT

    root, state, out = tmp_path / "site", tmp_path / "state", tmp_path / "out"
    shutil.copytree(DEFAULT_ROOT, root)
    only_there = {1063352, 1063341, 1063329}  # of the general section, listed only on general-2.html
    page = root / "news" / "general-2.html"
    body = page.read_bytes()
    page.write_bytes(b"")
    with MirrorServer(root=root) as server:
        first = crawl(server.base_url, state, out, "-a", "sections=general")
        assert not only_there & {r["id"] for r in records(out)}
        page.write_bytes(body)
        time.sleep(1.05)
        second = crawl(server.base_url, state, out, "-a", "sections=general")
    assert first.returncode == 0, first.stderr[-3000:]
    assert stat(first, "interfax/listing/lost") == 1
    assert "1 listing page(s) lost" in first.stderr
    assert second.returncode == 0, second.stderr[-3000:]
    ids = [r["id"] for r in records(out)]
    assert only_there <= set(ids) and len(ids) == len(set(ids)), ids  # found, and nothing twice
    # that run lost nothing: what it exported and walked past is settled, the next stops at page 1
    time.sleep(1.05)
    with MirrorServer(root=root) as server:
        third = crawl(server.base_url, state, out, "-a", "sections=general")
        requested = server.requests
    assert stat(third, "interfax/state/new") == 0
    assert [p for p in requested if p.startswith("/news/general")] == ["/news/general.html"], requested


def test_failed_articles_are_retried_for_a_while_and_turn_gone_on_a_404(tmp_path):
    store = StateStore(tmp_path)
    store.record_failed(8, "https://interfax.com.ua/news/general/8.html", "HTTP 503, gave up after 3 retries", 1)
    store.record_failed(8, "https://interfax.com.ua/news/general/8.html", "timeout", 2)  # the closer depth stays
    assert store.to_retry("2000-01-01T00:00:00+00:00") == [("https://interfax.com.ua/news/general/8.html", 1)]
    assert store.to_retry("2999-01-01T00:00:00+00:00") == []  # first failed too long ago: given up
    store.record_gone(8, "https://interfax.com.ua/news/general/8.html", "HTTP 404")
    assert store.to_retry("2000-01-01T00:00:00+00:00") == []
    store.record_failed(9, "https://interfax.com.ua/news/general/9.html", "timeout")
    store.record(9, {"url": "u9"})  # exported: leaves the table
    assert store.summary()["failed"] == 0
    store.close()


def _mirror_to_edit(tmp_path: Path):
    """A copy of the project's mirror (``tmp_path / "site"``), the expected record of its newest listed
    article, and a function that edits that article's first paragraph ("ОНОВЛЕНО. ...")."""
    import shutil

    from interfax.mirror.server import DEFAULT_ROOT

    root = tmp_path / "site"
    shutil.copytree(DEFAULT_ROOT, root)
    listed = sorted(int(k) for k, v in CRAWL["depths"].items() if v == 0)
    edited = json.loads((EXPECTED_DIR / f"{listed[-1]}.json").read_text("utf-8"))
    page = root / edited["url"].split("interfax.com.ua/", 1)[1]
    first_paragraph = edited["text"].split("\n\n")[0][:60]

    def edit() -> None:
        html = page.read_text("utf-8")
        assert html.count(first_paragraph) >= 1
        page.write_text(html.replace(first_paragraph, "ОНОВЛЕНО. " + first_paragraph), "utf-8")

    return root, edited, edit


def _all_due(state: Path) -> None:
    """Every known article checked long enough ago to be due for a recheck."""
    db = sqlite3.connect(state / DB_NAME)
    db.execute("UPDATE articles SET checked = '2026-01-01T00:00:00+00:00'")
    db.commit()
    db.close()


def test_an_edited_article_is_exported_again_by_a_later_run(tmp_path):
    """Known articles published lately are fetched again when due: an edit (text and modified time) is
    exported again, an unchanged article is not; one published long ago is not fetched at all."""
    root, edited, edit = _mirror_to_edit(tmp_path)
    state, out = tmp_path / "state", tmp_path / "out"
    recent = ["-a", "related_depth=0", "-s", "INTERFAX_STATE_RECHECK_HOURS=1000000"]  # the mirror's 2025 counts as lately
    with MirrorServer(root=root) as server:
        assert crawl(server.base_url, state, out, *recent).returncode == 0
        first = {r["id"] for r in records(out)}
        edit()
        _all_due(state)
        time.sleep(1.05)
        n = len(server.requests)
        again = crawl(server.base_url, state, out, *recent)
        rechecked = [p for p in server.requests[n:] if re.search(r"/\d+\.html$", p)]
        time.sleep(1.05)
        n = len(server.requests)
        third = crawl(server.base_url, state, out, *recent)  # just checked: not due again
        third_articles = [p for p in server.requests[n:] if re.search(r"/\d+\.html$", p)]
        time.sleep(1.05)
        old = crawl(server.base_url, state, out, "-a", "related_depth=0")  # 2025 is not lately by default
    assert again.returncode == 0, again.stderr[-3000:]
    assert len(rechecked) == stat(again, "interfax/state/rechecked") > 1
    assert stat(again, "interfax/state/refreshed") == 1 and stat(again, "interfax/state/new") == 0
    assert stat(again, "interfax/state/unchanged") == stat(again, "interfax/state/rechecked") - 1
    recs = records(out)
    assert len(recs) == len(first) + 1
    newest = [r for r in recs if r["id"] == edited["id"]][-1]
    assert newest["text"].startswith("ОНОВЛЕНО. ")
    assert third.returncode == 0 and third_articles == [] and stat(third, "interfax/state/rechecked") == 0
    assert old.returncode == 0 and stat(old, "interfax/state/rechecked") == 0


def test_a_fetch_recorded_in_the_future_is_due_for_a_recheck(tmp_path):
    """Run 1 with a clock a day ahead recorded its fetches in the future; run 2 with the right clock, hours later,
    rechecks them (before: 'checked' looked fresh for a day, and an edit was skipped)."""
    from datetime import datetime, timedelta, timezone

    crawler, spider, state = _spider_started_with_state(tmp_path / "state")
    state.recheck_hours = 48
    now = datetime.now(timezone.utc)
    at = lambda hours: (now + timedelta(hours=hours)).isoformat(timespec="seconds")  # noqa: E731
    assert state.recheck_due(Known(1, True, published_at=at(-5), checked=at(20)))  # a clock a day ahead
    assert not state.recheck_due(Known(2, True, published_at=at(-5), checked=at(-1)))  # fetched an hour ago: fresh
    assert state.recheck_due(Known(3, True, published_at=at(-5), checked=at(-4)))
    state.spider_closed(spider, "finished")


def test_a_recheck_into_an_append_target_is_not_repeated_at_every_run(tmp_path):
    """State store and one append file (-o archive.jsonl): a due recheck of an article the file holds
    left its check time as it was, so every later run fetched it again while it was due. Now the check
    time is kept (unchanged or not), and an edit the file cannot take is counted."""
    root, _, edit = _mirror_to_edit(tmp_path)
    state, archive = tmp_path / "state", tmp_path / "archive.jsonl"
    args = ["-a", "related_depth=0", "-s", "INTERFAX_STATE_RECHECK_HOURS=1000000", "-o", str(archive)]
    with MirrorServer(root=root) as server:
        assert crawl(server.base_url, state, tmp_path / "unused", *args).returncode == 0
        exported = archive.read_text("utf-8").splitlines()
        edit()
        _all_due(state)
        time.sleep(1.05)
        n = len(server.requests)
        again = crawl(server.base_url, state, tmp_path / "unused", *args)
        rechecked = [p for p in server.requests[n:] if re.search(r"/\d+\.html$", p)]
        time.sleep(1.05)
        n = len(server.requests)
        third = crawl(server.base_url, state, tmp_path / "unused", *args)
        third_articles = [p for p in server.requests[n:] if re.search(r"/\d+\.html$", p)]
    assert again.returncode == 0 and third.returncode == 0, again.stderr[-3000:]
    assert len(rechecked) == stat(again, "interfax/state/rechecked") > 1
    assert stat(again, "interfax/state/unchanged") == len(rechecked) - 1
    assert stat(again, "interfax/state/edit_not_written") == 1  # the file holds each id once, edits included
    assert archive.read_text("utf-8").splitlines() == exported
    assert third_articles == [] and stat(third, "interfax/state/rechecked") == 0  # checked: not due again


def test_refresh_exports_known_articles_again(tmp_path):
    state, out = tmp_path / "state", tmp_path / "out"
    with MirrorServer() as server:
        assert crawl(server.base_url, state, out, "-a", "related_depth=0").returncode == 0
        first = len(records(out))
        time.sleep(1.05)
        refreshed = crawl(server.base_url, state, out, "-a", "related_depth=0", "-a", "refresh=1")
    assert refreshed.returncode == 0, refreshed.stderr[-3000:]
    assert stat(refreshed, "interfax/state/refreshed") == first
    assert stat(refreshed, "interfax/state/new") == 0
    assert len(records(out)) == 2 * first



def test_refresh_never_writes_an_id_twice_into_an_append_target(tmp_path):
    """`-o archive.jsonl -a refresh=1` (with or without a state store): the README's promise holds, an id is
    written to an append target once. Before, refresh=1 skipped that check and appended every article again."""
    out = tmp_path / "archive.jsonl"
    with MirrorServer() as server:
        for state in (None, tmp_path / "state"):
            for refresh in ("0", "1"):
                extra = ["-s", f"INTERFAX_STATE_DIR={state}"] if state else []
                cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}", "-a", "since=2000-01-01",
                       "-a", "sections=general", "-a", "related_depth=0", "-a", f"refresh={refresh}", *FAST, *extra, "-o", str(out)]
                result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
                assert result.returncode == 0, result.stderr[-3000:]
                ids = [r["id"] for r in records(tmp_path)]
                assert ids and len(ids) == len(set(ids)), (state, refresh)
    assert stat(result, "interfax/drop/already_exported") == len(ids)

def test_exporter_fast_path_writes_what_scrapys_generic_path_writes():
    import io

    import scrapy
    from scrapy.exporters import JsonLinesItemExporter

    from interfax.feeds import JsonLinesExporter
    from interfax.items import FIELDS, Article

    item = Article(id=1, url="https://interfax.com.ua/news/general/1.html", title="Заголовок «лапки»", text="Текст\n\nще",
                   tags=["Україна"], images=[], related=[{"id": 2, "url": "u", "title": None}], modified_at=None)
    for fields in (FIELDS, None, ["title", "id"]):
        ours, theirs = io.BytesIO(), io.BytesIO()
        JsonLinesExporter(ours, fields_to_export=fields, encoding="utf-8").export_item(item)
        JsonLinesItemExporter(theirs, fields_to_export=fields, encoding="utf-8").export_item(item)
        assert ours.getvalue() == theirs.getvalue()
        assert "Заголовок «лапки»".encode() in ours.getvalue()

    class Shouting(scrapy.Item):  # a serializer: the generic path
        title = scrapy.Field(serializer=str.upper)

    ours = io.BytesIO()
    JsonLinesExporter(ours, encoding="utf-8").export_item(Shouting(title="abc"))
    assert ours.getvalue() == b'{"title": "ABC"}\n'
    ours = io.BytesIO()
    JsonLinesExporter(ours, encoding="utf-8").export_item({"b": 1, "a": None})  # a dict: the generic path
    assert ours.getvalue() == b'{"b": 1, "a": null}\n'


def test_o_after_a_run_that_did_not_finish_appends_and_after_one_that_finished_overwrites(tmp_path):
    """-O with a state store: a run stopped early (here by CLOSESPIDER_ITEMCOUNT; Ctrl-C, a kill) left its
    articles in the file and the state counts them as exported, so no later run exports them again. The next
    -O emptied the file: they were lost without a word. Now that run appends (one WARNING), and a run after a
    run that finished overwrites as -O says (one WARNING naming how many exported articles leave the file)."""
    out, state = tmp_path / "so.jsonl", tmp_path / "state"
    with MirrorServer() as server:
        first = crawl(server.base_url, state, tmp_path / "unused", "-s", "CLOSESPIDER_ITEMCOUNT=8", "-s",
                      "CONCURRENT_REQUESTS=1", "-O", str(out))
        kept = read_ids(out)[0]
        assert len(kept) >= 8, first.stderr[-3000:]
        second = crawl(server.base_url, state, tmp_path / "unused", "-O", str(out))
        assert second.returncode == 0, second.stderr[-3000:]
        ids = [json.loads(x)["id"] for x in out.read_text("utf-8").splitlines()]
        assert sorted(ids) == sorted(EXPECTED_IDS)  # each once: the first run's, then the second's
        assert f"{out} holds {len(kept)} articles exported by run 1, which did not finish (closespider_itemcount): " \
               "appending to it, not overwriting it" in second.stderr
        assert stat(second, "interfax/feeds/appended_after_unfinished") == 1
        assert second.stderr.count("not overwriting it") == 1
        third = crawl(server.base_url, state, tmp_path / "unused", "-O", str(out))
    assert third.returncode == 0, third.stderr[-3000:]
    assert out.read_bytes() == b""  # nothing new: -O keeps this run's new articles only
    assert f"{out}: overwriting it (-O) drops {len(EXPECTED_IDS)} articles exported by earlier runs" in third.stderr
    assert "appending to it" not in third.stderr and third.stderr.count("overwriting it (-O) drops") == 1


@pytest.mark.parametrize("held", ["state", "jobdir", "output"])
def test_a_skipped_crawl_leaves_the_report_of_the_running_crawl_alone(tmp_path, held):
    """The crawl holding the lock writes RUNNING to the report; a second crawl skipped for the lock (exit 75)
    rewrote the report with SKIPPED (for a held state folder or JOBDIR, after its own RUNNING), hiding the
    running crawl and, if that one was then killed, its death. It now says why on stderr only."""
    import fcntl

    from interfax.extensions import LOCK, JobDirLocked

    report, out = tmp_path / "monitor-report.txt", tmp_path / "out.jsonl"
    running = (f"interfax monitors: RUNNING (pid {os.getpid()}: not ended yet; if that process is gone, the run was "
               "killed) - spider articles, 2026-01-01T00:00:00+00:00\n")
    report.write_text(running)
    out.write_bytes(line(1))
    if held == "state":
        lock, args = _lock_dir(tmp_path / "state"), ["-s", f"INTERFAX_STATE_DIR={tmp_path / 'state'}"]
        message = f"state folder {tmp_path / 'state'} is in use by another crawl (pid {os.getpid()}); not starting"
    elif held == "jobdir":
        lock, args = _lock_dir(tmp_path / "job", LOCK, "JOBDIR", JobDirLocked), ["-s", f"JOBDIR={tmp_path / 'job'}"]
        message = f"JOBDIR {tmp_path / 'job'} is in use by another crawl (pid {os.getpid()}); not starting"
    else:
        lock, args = out.open("rb"), []
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        message = f"the output {out} is being written by another crawl; not starting"
    try:
        with MirrorServer() as server:
            cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}",
                   "-s", f"INTERFAX_MONITOR_REPORT={report}", "-o", str(out), *args]
            result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
            assert server.requests == [], result.stderr[-3000:]
    finally:
        lock.close()
    assert result.returncode == 75, result.stderr[-3000:]
    assert result.stderr.splitlines()[-1] == f"scrapy crawl: error: {message}"
    assert report.read_text("utf-8") == running
    # no crawl running: the report says why this one did not start
    (tmp_path / "again").mkdir()
    lock = _lock_dir(tmp_path / "state")
    try:
        result, lines = crawl_that_cannot_start(tmp_path / "again", "-s", f"INTERFAX_STATE_DIR={tmp_path / 'state'}")
    finally:
        lock.close()
    assert result.returncode == 75 and lines[0].startswith("interfax monitors: SKIPPED (the crawl did not start)")


def test_a_new_output_file_is_locked_at_start_up_not_at_the_first_record(tmp_path):
    """Crawl A writes a file that did not exist; crawl B, the same command started while A runs, used to send
    requests until A wrote its first record, then stop with feed_write_failed (exit 3, a FAILED report).
    A now creates and locks the file at start-up: B is skipped before any request (exit 75)."""
    out = tmp_path / "new" / "lock3.jsonl"
    with MirrorServer() as first_site, MirrorServer() as second_site:
        a = subprocess.Popen([sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={first_site.base_url}",
                              "-a", "since=2000-01-01", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=5",
                              "-o", str(out)], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not first_site.requests:  # A has started (and holds the file since before its first request)
                assert a.poll() is None and time.monotonic() < deadline
                time.sleep(0.02)
            assert out.read_bytes() == b""  # (no record yet)
            b = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={second_site.base_url}",
                                "-o", str(out)], cwd=REPO, capture_output=True, text=True, timeout=120)
            assert second_site.requests == [], b.stderr[-3000:]
        finally:
            a.kill()
            a.wait()
    assert b.returncode == 75, b.stderr[-3000:]
    assert b.stderr.splitlines()[-1] == f"scrapy crawl: error: the output {out} is being written by another crawl; not starting"


def test_an_output_file_created_for_its_lock_is_removed_when_the_crawl_writes_nothing(tmp_path):
    """The file locked at start-up is not left behind, empty, by a crawl that did not start."""
    state = tmp_path / "state"
    held = _lock_dir(state)
    try:
        result, _ = crawl_that_cannot_start(tmp_path, "-s", f"INTERFAX_STATE_DIR={state}")  # (checks out.jsonl is gone)
    finally:
        held.close()
    assert result.returncode == 75


def test_a_state_dir_that_is_a_file_is_named_with_its_setting(tmp_path, capsys):
    """Before: "the crawl did not start: /x/afile: File exists", and `state show` said "no state in /x/afile"."""
    (tmp_path / "afile").write_text("")
    result, report = crawl_that_cannot_start(tmp_path, "-s", f"INTERFAX_STATE_DIR={tmp_path / 'afile'}")
    line = f"the crawl did not start: {tmp_path / 'afile'}: INTERFAX_STATE_DIR names a file, not a folder"
    assert (result.returncode, result.stderr.splitlines()[-1]) == (1, f"scrapy crawl: error: {line}")
    assert "Traceback" not in result.stderr and report[1:] == [f"  FAILED {line}"]
    assert main(["show", str(tmp_path / "afile")]) == 2
    assert capsys.readouterr().err == f"python -m interfax.state: error: {tmp_path / 'afile'} is a file, not a state folder\n"


def test_an_append_target_that_lost_what_the_state_counts_as_exported_to_it_is_said(tmp_path):
    """The output deleted by hand, the state kept: the next run exported nothing, exit 0, without a word."""
    state, out = tmp_path / "state", tmp_path / "all.jsonl"
    with MirrorServer() as server:
        first = crawl(server.base_url, state, tmp_path, "-o", str(out))
        assert first.returncode == 0, first.stderr[-3000:]
        exported = len(out.read_text("utf-8").splitlines())
        out.unlink()
        second = crawl(server.base_url, state, tmp_path, "-o", str(out))
    assert second.returncode == 0, second.stderr[-3000:]
    assert stat(second, "interfax/feeds/missing_exported") == exported
    assert (f"{out}: the state store counts {exported} articles as exported to it that it no longer holds") in second.stderr


def test_a_settled_article_met_by_fewer_hops_has_its_stored_related_links_followed_further(tmp_path):
    """A chain X -> Y -> Z -> W: a finished run listed X and, at related_depth=2, exported X, Y and Z (W is 3 hops
    away). A later run meets Z by 1 hop (a new article links to it), or lists Y: W is 2 hops away now, and is
    asked for, as one full crawl would. Before, a settled article's related links were never followed again: the
    union of incremental runs held less than one full crawl, in silence. A store made before reaches were
    recorded (reach NULL) follows nothing again."""
    from interfax import urls

    def url(article_id):
        return f"https://interfax.com.ua/news/general/{article_id}.html"

    chain = {1: 2, 2: 3, 3: 4}  # X=1, Y=2, Z=3, W=4
    depth = {1: 0, 2: 1, 3: 2}
    directory = tmp_path / "state"
    store = StateStore(directory)
    run = store.begin_run()
    for article_id, related in chain.items():
        store.record(article_id, {"url": url(article_id), "published_at": "2026-11-26T10:00:00+02:00",
                                  "related": [{"id": related, "url": url(related), "title": "т"}]}, run=run)
    store.finish_run(run, "finished", {}, reach_of=lambda article_id: 2 - depth[article_id])
    assert [store.lookup(i).reach for i in (1, 2, 3)] == [2, 1, 0]
    store.close()

    def asked(meet_id, hops):
        crawler, spider, state = _spider_started_with_state(directory, since="2000-01-01")
        try:
            out = list(spider.follow(urls.article_ref(url(meet_id)), hops))
            return {r.meta["interfax_id"]: r.meta["interfax_depth"] for r in out}, crawler
        finally:
            state.spider_closed(spider, "finished")

    assert asked(1, 0)[0] == {}  # listed again: followed as far as before
    assert asked(3, 2)[0] == {}  # met as far as before
    got, crawler = asked(3, 1)  # a new article links to Z
    assert got == {4: 2}
    assert crawler.stats.get_value("interfax/state/expanded_further") == 1
    assert StateStore(directory).lookup(3).reach == 1  # recorded: the next run meeting it by 1 hop follows nothing
    assert asked(3, 1)[0] == {}
    got, crawler = asked(2, 0)  # Y listed: Y -> Z (met by 1 hop now, as far as the last run) -> nothing new
    assert got == {} and crawler.stats.get_value("interfax/state/expanded_further") == 1
    assert asked(3, 0)[0] == {4: 1}  # Z listed: W is 1 hop away
    # a store made before reaches were recorded: nothing followed again
    legacy = StateStore(directory)
    legacy.db.execute("UPDATE articles SET reach = NULL")
    legacy.close()
    assert asked(3, 1)[0] == {} and asked(2, 0)[0] == {}
