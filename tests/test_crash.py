"""Crash safety for real: crawls of the mirror killed with SIGKILL (and stopped with SIGINT/SIGTERM)
at several points, then the same command run again - the union of what was written holds every
article exactly once, and no line is truncated or invalid.

The scenarios run side by side (one mirror and one subprocess each) to keep the module short.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import EXPECTED_DIR, REPO
from interfax.mirror.server import MirrorServer

CRAWL = json.loads((EXPECTED_DIR / "_crawl.json").read_text("utf-8"))
EXPECTED_IDS = sorted(CRAWL["exported_ids"])
#: kill when this many records are written in all: after a few items, mid-run, near the end
KILL_AT = (3, 15, len(EXPECTED_IDS) - 2)
# slow enough that a kill lands mid-run, fast enough for a short test
PACE = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS=1", "-s", "LOG_LEVEL=INFO"]


@dataclass
class Scenario:
    name: str
    args: list[str]  # where the output goes, state, JOBDIR
    outputs: str  # glob of the output files, relative to the scenario folder
    signals: tuple = (signal.SIGKILL, signal.SIGKILL, signal.SIGKILL)
    prepare: object = None
    dir: Path | None = None
    stops: list = field(default_factory=list)  # (signal, records when sent, exit code)
    final: subprocess.CompletedProcess | None = None
    logs: list = field(default_factory=list)

    def files(self) -> list[Path]:
        return sorted(self.dir.glob(self.outputs))

    def raw(self) -> bytes:
        return b"".join(f.read_bytes() for f in self.files())

    def count(self) -> int:
        # complete lines only: what a reader would take as records
        return sum(f.read_bytes().count(b"\n") for f in self.files())


def scenarios() -> list[Scenario]:
    return [
        Scenario("per-run files with state", ["-s", "INTERFAX_STATE_DIR={d}/state", "-s", "INTERFAX_DEFAULT_FEED={d}/out/%(time)s.jsonl"], "out/*.jsonl"),
        Scenario("-o file.jsonl without state", ["-o", "{d}/articles.jsonl"], "articles.jsonl"),
        Scenario("-o file.jsonl, state and JOBDIR", ["-o", "{d}/articles.jsonl", "-s", "INTERFAX_STATE_DIR={d}/state", "-s", "JOBDIR={d}/job"], "articles.jsonl"),
        Scenario(
            "SIGINT/SIGTERM pause and resume with JOBDIR", ["-o", "{d}/articles.jsonl", "-s", "JOBDIR={d}/job"], "articles.jsonl",
            signals=(signal.SIGINT, signal.SIGTERM),
        ),
        # -O (as in the README's first example) with a JOBDIR: the resumed job must append, not
        # overwrite - the paused run's articles are in requests.seen and are never fetched again
        Scenario(
            "-O file.jsonl pause and resume with JOBDIR", ["-O", "{d}/articles.jsonl", "-s", "JOBDIR={d}/job"], "articles.jsonl",
            signals=(signal.SIGINT, signal.SIGTERM),
        ),
        Scenario(
            "append target left truncated", ["-o", "{d}/articles.jsonl"], "articles.jsonl", signals=(), prepare="truncated",
        ),
    ]


def command(base_url: str, scenario: Scenario) -> list[str]:
    args = [a.replace("{d}", str(scenario.dir)) for a in scenario.args]
    return [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={base_url}", "-a", "since=2000-01-01", *PACE, *args]


def play(scenario: Scenario) -> Scenario:
    with MirrorServer() as server:
        cmd = command(server.base_url, scenario)
        if scenario.prepare == "truncated":
            # a previous (killed) run left a few records and 40 bytes of one more
            first = subprocess.run([*cmd[:-2], "-s", "CLOSESPIDER_ITEMCOUNT=5", "-O", str(scenario.dir / "articles.jsonl")],
                                   cwd=REPO, capture_output=True, text=True, timeout=120)
            scenario.logs.append(first.stderr)
            data = (scenario.dir / "articles.jsonl").read_bytes()
            (scenario.dir / "articles.jsonl").write_bytes(data + data.splitlines(keepends=True)[0][:40])
        for sig, target in zip(scenario.signals, KILL_AT):
            log = (scenario.dir / f"run-{len(scenario.stops)}.log").open("w")
            proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=log)
            sent = None
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:
                if scenario.count() >= target:
                    sent = scenario.count()
                    proc.send_signal(sig)
                    break
                time.sleep(0.005)
            code = proc.wait(timeout=120)
            log.close()
            scenario.stops.append((sig, sent, code))
        scenario.final = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
    return scenario


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    todo = scenarios()
    for i, scenario in enumerate(todo):
        scenario.dir = tmp_path_factory.mktemp(f"crash{i}")
    with ThreadPoolExecutor(max_workers=len(todo)) as pool:
        return {s.name: s for s in pool.map(play, todo)}


@pytest.mark.parametrize("name", [s.name for s in scenarios()])
def test_union_holds_every_article_exactly_once(played, name):
    scenario = played[name]
    assert scenario.final.returncode == 0, scenario.final.stderr[-3000:]
    raw = scenario.raw()
    assert not raw or raw.endswith(b"\n"), "a file ends in the middle of a line"
    for f in scenario.files():
        data = f.read_bytes()
        assert not data or data.endswith(b"\n"), f"{f.name} ends with a truncated line"
    records = [json.loads(line) for line in raw.splitlines()]  # every line is valid JSON
    ids = [r["id"] for r in records]
    assert sorted(ids) == EXPECTED_IDS, f"missing {set(EXPECTED_IDS) - set(ids)}, twice {sorted(i for i in set(ids) if ids.count(i) > 1)}"


@pytest.mark.parametrize("name", [s.name for s in scenarios() if s.signals and s.signals[0] == signal.SIGKILL])
def test_kills_landed_mid_run(played, name):
    """Each SIGKILL hit a running crawl: after a few items, mid-run, near the end."""
    scenario = played[name]
    assert [(sig, code) for sig, _, code in scenario.stops] == [(signal.SIGKILL, -signal.SIGKILL)] * 3, scenario.stops
    sent = [n for _, n, _ in scenario.stops]
    assert sent[0] < 10 and sent[0] < sent[1] < sent[2] < len(EXPECTED_IDS), sent


def test_pause_and_resume_lose_nothing(played):
    scenario = played["SIGINT/SIGTERM pause and resume with JOBDIR"]
    assert [sig for sig, _, _ in scenario.stops] == [signal.SIGINT, signal.SIGTERM]
    # a stopped run is not a finished one: the monitors say so (exit 3), the job is kept for resuming
    assert all(code == 3 for _, _, code in scenario.stops), scenario.stops
    logs = [(scenario.dir / f"run-{i}.log").read_text("utf-8") for i in range(2)]
    assert all("'finish_reason': 'shutdown'" in log for log in logs)
    assert "resuming the job stopped at" in logs[1] and "resuming the job stopped at" in scenario.final.stderr
    assert "starting a new job" not in scenario.final.stderr


def test_resumed_job_appends_to_its_overwrite_target(played):
    """`-O file -s JOBDIR=...`, paused and resumed: the resumed runs append to the file (before, each
    truncated it and the paused runs' articles, already in requests.seen, were never fetched again)."""
    scenario = played["-O file.jsonl pause and resume with JOBDIR"]
    assert [code for _, _, code in scenario.stops] == [3, 3], scenario.stops
    resumed = [(scenario.dir / "run-1.log").read_text("utf-8"), scenario.final.stderr]
    for log in resumed:
        assert "appending to it, not overwriting it" in log
        assert "resuming the job stopped at" in log


def test_killed_jobdir_is_restarted_not_trusted(played):
    scenario = played["-o file.jsonl, state and JOBDIR"]
    assert "the last run in it was killed" in scenario.final.stderr
    assert "'interfax/state/known'" in scenario.final.stderr


def test_truncated_tail_is_repaired_before_appending(played):
    scenario = played["append target left truncated"]
    log = scenario.final.stderr
    assert "ended with a truncated line (40 bytes, from a killed run): removed" in log
    held = int(re.search(r"it already holds (\d+) articles", log).group(1))
    assert 5 <= held < len(EXPECTED_IDS)  # CLOSESPIDER_ITEMCOUNT=5 lets the items in flight through
    assert f"'interfax/drop/already_exported': {held}" in log


def test_state_ledger_matches_the_files(played):
    """The exactly-once invariant's other half: the state names exactly the ids in the feed files."""
    from interfax.state import StateStore

    for name in ("per-run files with state", "-o file.jsonl, state and JOBDIR"):
        scenario = played[name]
        store = StateStore(scenario.dir / "state")
        ids = {json.loads(line)["id"] for line in scenario.raw().splitlines()}
        assert store.ids() == ids
        assert store.db.execute("SELECT count(*) FROM pending").fetchone()[0] == 0
        store.close()


def test_state_show_counts_what_killed_runs_exported(played):
    """`state show`: a run killed by SIGKILL says so (it said reason null, 0 new) and the runs' new
    counts add up to the articles in the files."""
    from interfax.state import StateStore

    scenario = played["per-run files with state"]
    store = StateStore(scenario.dir / "state")
    runs = store.summary()["last_runs"][::-1]
    store.close()
    assert [r["reason"] for r in runs] == ["killed"] * 3 + ["finished"], runs
    assert all(r["new"] > 0 for r in runs[:3]), runs
    assert sum(r["new"] for r in runs) == len(EXPECTED_IDS), runs


# ---------------------------------------------------------------- a stop before the crawl closed

OLD_REPORT = "interfax monitors: OK (0 of 10 checks failed) - an earlier run\n"
#: a test-only extension: the crawl gets SIGTERM the moment its spider has opened, before the engine runs
TERM_ON_OPEN = '''import os, signal
from scrapy import signals

class TermOnOpen:
    @classmethod
    def from_crawler(cls, crawler):
        ext = cls()
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        return ext

    def opened(self, spider):
        os.kill(os.getpid(), signal.SIGTERM)
'''


def _wait_for(condition, what: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert proc.poll() is None and time.monotonic() < deadline, f"never saw: {what}"
        time.sleep(0.02)


def test_a_forced_stop_exits_130_with_one_line_and_an_interrupted_report(tmp_path):
    """Ctrl-C twice: Scrapy stops without closing the spider (no stats, no checks); the command must
    not exit 0 (`scrapy crawl ... && scrapy dataset ...` would go on) nor leave an old OK report."""
    from interfax.mirror.faulty import FaultyServer, fault_path

    report, err = tmp_path / "report.txt", tmp_path / "stderr.txt"
    report.write_text(OLD_REPORT)
    with FaultyServer() as server, err.open("w") as stderr:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}", "-a", "sections=faults",
               "-a", "since=2000-01-01", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "DOWNLOAD_TIMEOUT=60",
               "-s", f"INTERFAX_MONITOR_REPORT={report}", "-O", str(tmp_path / "out.jsonl")]
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            # the hanging article (30 s) keeps the graceful stop waiting: the second SIGINT forces it
            _wait_for(lambda: server.count(fault_path(1900010)) >= 1, "the hanging article requested", proc)
            proc.send_signal(signal.SIGINT)
            _wait_for(lambda: "shutting down gracefully" in err.read_text(), "the first SIGINT", proc)
            proc.send_signal(signal.SIGINT)
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    log = err.read_text()
    assert "forcing unclean shutdown" in log
    assert code == 130, log[-3000:]
    line = "the crawl did not close (SIGINT twice: forced unclean shutdown): no stats, no checks"
    assert log.splitlines()[-1] == f"scrapy crawl: error: {line}"
    lines = report.read_text("utf-8").splitlines()
    assert lines[0].startswith("interfax monitors: FAILED (the crawl was interrupted) - spider articles, ")
    assert re.search(r", items=\d+, requests=[1-9]\d*$", lines[0]), lines[0]
    assert lines[1:] == [f"  FAILED {line}"]


def test_a_sigterm_while_the_spider_opens_exits_143_not_0(tmp_path):
    """A SIGTERM between the spider's opening and the engine's start: Scrapy's graceful stop finds no
    running engine and the process ends without closing the spider: no output, no stats."""
    (tmp_path / "term_on_open.py").write_text(TERM_ON_OPEN)
    report = tmp_path / "report.txt"
    report.write_text(OLD_REPORT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), str(REPO), os.environ.get("PYTHONPATH")]))}
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}",
               "-s", 'EXTENSIONS={"term_on_open.TermOnOpen": 100}', "-s", f"INTERFAX_MONITOR_REPORT={report}",
               "-O", str(tmp_path / "out.jsonl")]
        result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert "Received SIGTERM" in result.stderr and "Spider closed" not in result.stderr
    assert result.returncode == 143, result.stderr[-3000:]
    line = "the crawl did not close (SIGTERM): no stats, no checks"
    assert result.stderr.splitlines()[-1] == f"scrapy crawl: error: {line}"
    assert "Traceback" not in result.stderr
    lines = report.read_text("utf-8").splitlines()
    assert lines[0].startswith("interfax monitors: FAILED (the crawl was interrupted)") and lines[1:] == [f"  FAILED {line}"]


def test_a_killed_run_leaves_running_in_the_report_not_the_last_ok(tmp_path):
    """SIGKILL (the OOM killer): no code runs at the end, so the fixed end-of-run files kept the
    previous run's "OK" report and failed list. The report now says RUNNING (with the pid) from the
    start, and the previous failed list is gone once the spider opens."""
    report, failed, out = tmp_path / "report.txt", tmp_path / "failed.jsonl", tmp_path / "out.jsonl"
    report.write_text(OLD_REPORT)
    failed.write_text('{"url": "https://interfax.com.ua/news/general/1.html", "reason": "HTTP 500"}\n')
    with MirrorServer() as server:
        cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"base_url={server.base_url}", "-a", "since=2000-01-01",
               *PACE, "-s", f"INTERFAX_MONITOR_REPORT={report}", "-s", f"INTERFAX_FAILED_FILE={failed}", "-O", str(out)]
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 3, "three records written", proc)
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(timeout=60) == -signal.SIGKILL
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    lines = report.read_text("utf-8").splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"interfax monitors: RUNNING (pid {proc.pid}: not ended yet; if that process is gone, "
                               "the run was killed) - spider articles, "), lines
    assert not failed.exists()
