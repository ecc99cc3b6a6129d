"""Deployment: a real scrapyd on 127.0.0.1 with basic auth, the project deployed with scrapyd-deploy and a
crawl of the mirror scheduled through the HTTP API; the hourly wrapper script and its lock; the units."""

from __future__ import annotations

import base64
import configparser
import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import EXPECTED_DIR, REPO
from interfax.mirror.server import MirrorServer
from interfax.state import StateStore

CRAWL = json.loads((EXPECTED_DIR / "_crawl.json").read_text("utf-8"))
EXPECTED_IDS = sorted(CRAWL["exported_ids"])
DEPLOY = REPO / "deploy"
USER, PASSWORD = "interfax", "s3cret-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(**extra) -> dict:
    """The environment without PYTHONPATH: scrapyd must run the project from its egg, not from the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    env.update(extra)
    return env


class Scrapyd:
    def __init__(self, home: Path):
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        conf = (DEPLOY / "scrapyd.conf").read_text("utf-8")
        # the shipped config, with this test's port, password and folders
        parser = configparser.ConfigParser()
        parser.read_string(conf)
        parser["scrapyd"].update({
            "http_port": str(self.port), "password": PASSWORD, "poll_interval": "0.2",
            "eggs_dir": str(home / "eggs"), "dbs_dir": str(home / "dbs"), "logs_dir": str(home / "logs"),
        })
        with (home / "scrapyd.conf").open("w") as f:
            parser.write(f)
        self.log = (home / "scrapyd.log").open("w")
        self.proc = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, env=clean_env(), stdout=self.log,
                                     stderr=subprocess.STDOUT)

    def call(self, path: str, data: dict | None = None, auth: bool = True) -> dict:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()} if auth else {}
        with urllib.request.urlopen(urllib.request.Request(self.url + path, data=body, headers=headers), timeout=10) as r:
            return json.load(r)

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, (self.home / "scrapyd.log").read_text()
            try:
                if self.call("daemonstatus.json")["status"] == "ok":
                    return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        raise AssertionError("scrapyd did not start:\n" + (self.home / "scrapyd.log").read_text())

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory):
    server = Scrapyd(tmp_path_factory.mktemp("scrapyd"))
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_scrapyd_listens_on_localhost_with_basic_auth(scrapyd):
    with pytest.raises(urllib.error.HTTPError) as refused:
        scrapyd.call("daemonstatus.json", auth=False)
    assert refused.value.code == 401
    assert scrapyd.call("daemonstatus.json")["status"] == "ok"


@pytest.fixture(scope="module")
def deployed(scrapyd, tmp_path_factory):
    """deploy/scrapyd-deploy.sh as shipped, run the way the README says: from a checkout whose venv is not
    activated (neither scrapyd-deploy nor this Python on PATH), the [deploy] target pointed at this test's
    scrapyd. The checkout is a copy of the script, build_egg.py, setup.py and scrapy.cfg beside the package."""
    work = tmp_path_factory.mktemp("deploy")
    (work / "deploy").mkdir()
    for name in ("scrapyd-deploy.sh", "build_egg.py"):
        shutil.copy2(DEPLOY / name, work / "deploy" / name)
    shutil.copy(REPO / "setup.py", work / "setup.py")
    (work / "interfax").symlink_to(REPO / "interfax")
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(REPO / "scrapy.cfg")
    cfg["deploy"]["url"] = scrapyd.url
    with (work / "scrapy.cfg").open("w") as f:
        cfg.write(f)
    result = subprocess.run(
        [str(work / "deploy" / "scrapyd-deploy.sh"), "default", "r1"], cwd="/", capture_output=True, text=True,
        timeout=180,
        env={"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/"), "PYTHONPATH": str(REPO),
             "INTERFAX_PYTHON": sys.executable, "SCRAPYD_USERNAME": USER, "SCRAPYD_PASSWORD": PASSWORD},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_egg_carries_the_schema_not_the_mirror(tmp_path):
    import zipfile

    egg = tmp_path / "interfax.egg"
    subprocess.run([sys.executable, str(DEPLOY / "build_egg.py"), str(egg)], check=True, capture_output=True, timeout=120)
    names = zipfile.ZipFile(egg).namelist()
    assert "interfax/schemas/article.json" in names and "interfax/spiders/articles.py" in names
    assert "interfax/settings.py" in names and "interfax/commands/crawl.py" in names
    shipped = [n for n in names if n.startswith(("interfax/mirror", "interfax/offline", "tests/", "bench/"))
               or n.endswith((".jsonl", ".html", ".sqlite3"))]
    assert shipped == []


def test_deploy_adds_the_project(scrapyd, deployed):
    assert '"status": "ok"' in deployed.stdout
    assert scrapyd.call("listversions.json?project=interfax")["versions"] == ["r1"]
    assert scrapyd.call("listspiders.json?project=interfax")["spiders"] == ["articles"]


def test_scheduled_crawl_writes_the_projects_feed(scrapyd, deployed, tmp_path):
    out, state, report = tmp_path / "articles", tmp_path / "state", tmp_path / "report.txt"
    with MirrorServer() as mirror:
        job = scrapyd.call("schedule.json", {
            "project": "interfax", "spider": "articles",
            "base_url": mirror.base_url, "since": "2000-01-01",
            "setting": [
                "AUTOTHROTTLE_ENABLED=0", "DOWNLOAD_DELAY=0",
                f"INTERFAX_DEFAULT_FEED={out}/%(time)s.jsonl", f"INTERFAX_STATE_DIR={state}",
                f"INTERFAX_MONITOR_REPORT={report}",
            ],
        })
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            jobs = scrapyd.call("listjobs.json?project=interfax")
            finished = [j for j in jobs["finished"] if j["id"] == job["jobid"]]
            if finished:
                break
            time.sleep(0.3)
        else:
            raise AssertionError(f"the job did not finish: {jobs}")
    log = (scrapyd.home / "logs" / "interfax" / "articles" / f"{job['jobid']}.log").read_text("utf-8")
    assert "'finish_reason': 'finished'" in log and "Traceback" not in log
    assert finished[0]["items_url"] is None  # items_dir empty: scrapyd added no feed of its own
    files = list(out.glob("*.jsonl"))
    assert len(files) == 1, files
    ids = [json.loads(line)["id"] for line in files[0].read_text("utf-8").splitlines()]
    assert sorted(ids) == EXPECTED_IDS
    store = StateStore(state)
    assert store.ids() == set(ids)
    store.close()
    assert report.read_text("utf-8").startswith("interfax monitors: OK")
    # the egg carried the schema: every item was validated
    assert f"'interfax/schema/items': {len(EXPECTED_IDS)}," in log


# ---------------------------------------------------------------- the hourly wrapper


def test_wrapper_runs_an_incremental_crawl_under_a_lock(tmp_path):  # flock(1): util-linux, installed by .ci/run
    data, logs = tmp_path / "data", tmp_path / "logs"
    env = clean_env(
        INTERFAX_HOME=str(REPO), INTERFAX_PYTHON=sys.executable, INTERFAX_DATA=str(data), INTERFAX_LOGS=str(logs),
        AUTOTHROTTLE_ENABLED="0", DOWNLOAD_DELAY="0",
    )
    wrapper = str(DEPLOY / "interfax-crawl")
    with MirrorServer() as mirror:
        args = [wrapper, "-a", f"base_url={mirror.base_url}", "-a", "since=2000-01-01"]
        first = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        assert first.returncode == 0, first.stderr + (logs / "crawl.log").read_text()
        # the articles the run lost, beside (not among) the run files
        failed = [json.loads(x) for x in (data / "failed.jsonl").read_text("utf-8").splitlines()]
        assert sorted(f["url"] for f in failed) == sorted("https://interfax.com.ua" + p for p in CRAWL["missing_paths"])
        assert all(f["reason"] == "HTTP 404" for f in failed)
        # while another run holds the lock, a second one does not start
        lock = (data / "crawl.lock").open("a")
        fcntl.flock(lock, fcntl.LOCK_EX)
        n = len(mirror.requests)
        busy = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
        assert busy.returncode == 75 and "another crawl holds" in busy.stderr
        assert len(mirror.requests) == n
        lock.close()
        # a crawl outside the wrapper (scrapyd) holds the state folder: skipped the same way, and said so
        state_lock = (data / "state" / "lock").open("a")
        fcntl.flock(state_lock, fcntl.LOCK_EX)
        shared = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
        state_lock.close()
        assert shared.returncode == 75, shared.stderr
        assert shared.stderr == f"scrapy crawl: error: state folder {data / 'state'} is in use by another crawl; not starting\n"
        assert (data / "monitor-report.txt").read_text("utf-8").startswith("interfax monitors: SKIPPED (the crawl did not start)")
        assert len(mirror.requests) == n
        time.sleep(1.05)
        second = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        assert second.returncode == 0, second.stderr
    # the 404s are not asked for again within INTERFAX_STATE_RETRY_GONE_HOURS: nothing failed this time
    assert (data / "failed.jsonl").read_text("utf-8") == ""
    files = sorted((data / "articles").glob("*.jsonl"))
    assert len(files) == 1  # the second run found nothing new: no empty file (FEED_STORE_EMPTY=False)
    assert sorted(json.loads(x)["id"] for x in files[0].read_text("utf-8").splitlines()) == EXPECTED_IDS
    assert (data / "state" / "state.sqlite3").exists()
    log = (logs / "crawl.log").read_text("utf-8")
    assert log.count("Spider closed (finished)") == 2 and "'interfax/state/known'" in log
    assert (data / "monitor-report.txt").read_text("utf-8").startswith("interfax monitors: OK")


@pytest.mark.parametrize("setting, value, code, said", [
    ("INTERFAX_PYTHON", "/missing/python", 127, "INTERFAX_PYTHON /missing/python is not an executable"),
    ("INTERFAX_HOME", "/missing", 1, "INTERFAX_HOME /missing is not a folder"),
])
def test_a_wrapper_that_cannot_start_the_crawl_writes_a_failed_report(tmp_path, setting, value, code, said):
    """Before, the report kept the earlier run's OK."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "monitor-report.txt").write_text("interfax monitors: OK (0 of 10 checks failed) - spider articles\n")
    env = clean_env(**{"INTERFAX_HOME": str(REPO), "INTERFAX_PYTHON": sys.executable, "INTERFAX_DATA": str(data),
                       "INTERFAX_LOGS": str(tmp_path / "logs"), setting: value})
    result = subprocess.run([str(DEPLOY / "interfax-crawl")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == code
    assert result.stderr == f"interfax-crawl: error: {said}\n"
    report = (data / "monitor-report.txt").read_text("utf-8").splitlines()
    assert report[0].startswith("interfax monitors: FAILED (the crawl did not start) - spider articles, ")
    assert report[1:] == [f"  FAILED interfax-crawl: {said}"]


# ---------------------------------------------------------------- the units as shipped


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_systemd_units():
    timer = unit("interfax-crawl.timer")
    assert timer["Timer"]["OnCalendar"] == "hourly" and timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["Unit"] == "interfax-crawl.service"
    service = unit("interfax-crawl.service")["Service"]
    assert service["Type"] == "oneshot"
    assert service["ExecStart"].endswith("/deploy/interfax-crawl")
    assert "75" in service["SuccessExitStatus"].split()
    assert os.access(DEPLOY / "interfax-crawl", os.X_OK) and os.access(DEPLOY / "scrapyd-deploy.sh", os.X_OK)
    wrapper = (DEPLOY / "interfax-crawl").read_text("utf-8")
    assert "flock -n" in wrapper and "INTERFAX_STATE_DIR" in wrapper and "%(time)s.jsonl" in wrapper
    cron = [x for x in (DEPLOY / "crontab").read_text("utf-8").splitlines() if x and not x.startswith("#") and "=" not in x.split()[0]]
    assert len(cron) == 1 and cron[0].split()[1] == "*" and "deploy/interfax-crawl" in cron[0]
    assert "%" not in cron[0]  # cron would cut the line there
    rotate = (DEPLOY / "logrotate.conf").read_text("utf-8")
    assert "/var/log/interfax/*.log" in rotate and "copytruncate" in rotate
    assert subprocess.run(["bash", "-n", str(DEPLOY / "interfax-crawl")]).returncode == 0


def test_env_file_reads_the_same_in_systemd_and_cron(tmp_path):
    """Every setting of deploy/interfax-crawl.env, uncommented, means the same to the service's EnvironmentFile
    (NAME=VALUE, quotes removed) and to the crontab line, which sources the file with /bin/sh (dash on Debian):
    an unquoted `%(time)s` was a shell syntax error there, and the cron job died before the crawl."""
    lines = [x[1:] for x in (DEPLOY / "interfax-crawl.env").read_text("utf-8").splitlines() if x.startswith("#") and "=" in x
             and x[1:].split("=", 1)[0].isidentifier() and x[1:].split("=", 1)[0].isupper()]
    assert any(x.startswith("INTERFAX_DEFAULT_FEED=") for x in lines)
    env_file = tmp_path / "interfax-crawl"
    env_file.write_text("\n".join(lines) + "\n", "utf-8")
    systemd = {}
    for line in lines:  # systemd.exec(5): one pair a line, a value wrapped in single or double quotes is unquoted
        name, value = line.split("=", 1)
        systemd[name] = value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value
    cron_line = next(x for x in (DEPLOY / "crontab").read_text("utf-8").splitlines() if x[:1].isdigit())
    assert "set -a; [ -r /etc/default/interfax-crawl ] && . /etc/default/interfax-crawl;" in cron_line
    script = f"set -a; . {env_file}; " + "; ".join(f'printf "%s\\0" "${name}"' for name in systemd)
    done = subprocess.run(["/bin/sh", "-c", script], env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert dict(zip(systemd, done.stdout.split("\0"))) == systemd
    assert systemd["INTERFAX_DEFAULT_FEED"] == "/var/lib/interfax/articles/%(time)s.jsonl"


def test_scrapyd_conf_and_deploy_target():
    conf = configparser.ConfigParser(interpolation=None)
    conf.read(DEPLOY / "scrapyd.conf")
    s = conf["scrapyd"]
    assert s["bind_address"] == "127.0.0.1" and s["username"] and s["password"]
    assert s["items_dir"] == ""  # the project's FEEDS stand
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(REPO / "scrapy.cfg")
    assert cfg["deploy"]["url"].startswith("http://127.0.0.1:") and cfg["deploy"]["project"] == "interfax"
