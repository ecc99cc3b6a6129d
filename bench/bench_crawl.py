"""Crawl benchmark: the ``articles`` spider against the ceiling of the machine, on a large mirror.

    python bench/bench_crawl.py                          # build a 5000-article mirror, run all three
    python bench/bench_crawl.py --articles 1000 --no-trafilatura
    python bench/bench_crawl.py --root /tmp/mirror       # reuse a mirror built by python -m interfax.mirror.build large
    python bench/bench_crawl.py --profile                # and one more run of the real spider under cProfile

Builds the mirror (``interfax.mirror.build.build_site``, the generator of the project's own mirror) in a temporary folder, serves it on 127.0.0.1 (a free
port) and runs, one after the other and each in its own child process (cwd = the repository root,
so the project settings load):

1. ``ceiling``: ``bench/ceiling_spider.py:CeilingSpider``, the same links, no extraction;
2. ``articles``: the project's spider, all its middlewares, pipelines and the JSON Lines feed;
3. ``trafilatura``: the ceiling's crawl plus ``trafilatura.bare_extraction`` on every article page
   (skipped with ``--no-trafilatura``).

Every run has CONCURRENT_REQUESTS=16, CONCURRENT_REQUESTS_PER_DOMAIN=16, DOWNLOAD_DELAY=0,
AUTOTHROTTLE_ENABLED=False, LOG_LEVEL=ERROR (the mirror's 86 broken links would print a WARNING each) and ROBOTSTXT_OBEY as in the project. Seconds are the
child's own ``elapsed_time_seconds`` (spider opened -> closed, so interpreter start-up and imports do
not count), peak RSS the child's ``ru_maxrss`` from ``wait4``. Prints figures only: it asserts
nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

#: settings every run gets (on top of the project's settings.py)
COMMON_SETTINGS = {
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "LOG_LEVEL": "ERROR",
}
#: the reference spiders run on stock Scrapy: none of the project's middlewares, extensions, pipelines
STOCK_SETTINGS = {
    "DOWNLOADER_MIDDLEWARES": {},
    "SPIDER_MIDDLEWARES": {},
    "EXTENSIONS": {},
    "ITEM_PIPELINES": {},
    "FEED_EXPORT_FIELDS": None,
    "FEED_STORAGES": {},
    "FEED_EXPORTERS": {},
    "LOG_FORMATTER": "scrapy.logformatter.LogFormatter",
    "SPIDERMON_ENABLED": False,
}
SPIDERS = {
    "ceiling": "ceiling_spider:CeilingSpider",
    "articles": "articles",
    "trafilatura": "ceiling_spider:TrafilaturaSpider",
}


# =============================================================================== child: one crawl


def child_crawl(argv: list[str]) -> int:
    """``bench_crawl.py _crawl SPIDER STATS_JSON FEED [--stack stock|project] [--profile FILE] [-a k=v ...]``"""
    parser = argparse.ArgumentParser(prog="bench_crawl.py _crawl")
    parser.add_argument("spider", choices=sorted(SPIDERS))
    parser.add_argument("stats")
    parser.add_argument("feed")
    parser.add_argument("--stack", choices=("stock", "project"), default=None)
    parser.add_argument("--profile", default=None, help="write cProfile stats of the crawl to this file")
    parser.add_argument("-a", dest="spargs", action="append", default=[])
    parser.add_argument("-s", dest="settings", action="append", default=[])
    opts = parser.parse_args(argv)

    sys.path[:0] = [str(ROOT), str(BENCH)]
    os.chdir(ROOT)
    os.environ["SCRAPY_SETTINGS_MODULE"] = "interfax.settings"
    import resource

    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.setdict(COMMON_SETTINGS, priority="cmdline")
    stack = opts.stack or ("project" if opts.spider == "articles" else "stock")
    if stack == "stock":
        settings.setdict(STOCK_SETTINGS, priority="cmdline")
    elif opts.spider != "articles":  # the project's pipelines would drop items that are not articles
        settings.setdict({"ITEM_PIPELINES": {}, "FEED_EXPORT_FIELDS": None, "SPIDERMON_SPIDER_CLOSE_MONITORS": []},
                         priority="cmdline")
    for pair in opts.settings:
        name, _, value = pair.partition("=")
        settings.set(name, value, priority="cmdline")
    settings.set("FEEDS", {opts.feed: {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}}, priority="cmdline")

    target = SPIDERS[opts.spider]
    if ":" in target:
        module, name = target.split(":")
        spider_cls = getattr(__import__(module), name)
    else:
        spider_cls = target
    spargs = dict(pair.split("=", 1) for pair in opts.spargs)

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    process.crawl(crawler, **spargs)
    cpu = time.process_time()
    if opts.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        process.start()
        profiler.disable()
        profiler.dump_stats(opts.profile)
    else:
        process.start()
    cpu = time.process_time() - cpu
    stats = dict(crawler.stats.get_stats())
    stats["bench/crawl_cpu_seconds"] = cpu
    stats["bench/stack"] = stack
    stats["bench/self_maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    Path(opts.stats).write_text(json.dumps(stats, default=str, indent=1), encoding="utf-8")
    return 0 if stats.get("finish_reason") == "finished" else 1


# =============================================================================== child: a static server


def child_serve(argv: list[str]) -> int:
    """``bench_crawl.py _serve ROOT PORT_FILE``: serve ROOT on 127.0.0.1 from memory (Twisted), port -> file.

    Every file is read once at start-up; an answer is one ``write`` of prebuilt bytes, so the
    server costs the crawler's core nothing and its own core little (keep-alive HTTP/1.1, like the
    project's MirrorServer; 404 for anything else).
    """
    root, port_file = Path(argv[0]), Path(argv[1])
    from twisted.internet import protocol, reactor

    types = {".html": b"text/html; charset=utf-8", ".txt": b"text/plain; charset=utf-8", ".json": b"application/json"}
    files: dict[bytes, bytes] = {}
    for path in root.rglob("*"):
        if path.is_file():
            body = path.read_bytes()
            ctype = types.get(path.suffix, b"application/octet-stream")
            files[b"/" + path.relative_to(root).as_posix().encode()] = (
                b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nContent-Length: "
                + str(len(body)).encode() + b"\r\nCache-Control: no-store\r\n\r\n" + body
            )
    not_found_body = b"<!DOCTYPE html><html><body><h1>404</h1></body></html>"
    not_found = (b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                 + str(len(not_found_body)).encode() + b"\r\n\r\n" + not_found_body)

    class Http(protocol.Protocol):
        def connectionMade(self):  # noqa: N802 (Twisted naming)
            self.buffer = b""

        def dataReceived(self, data):  # noqa: N802
            self.buffer += data
            while b"\r\n\r\n" in self.buffer:
                head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
                line = head.split(b"\r\n", 1)[0].split(b" ")
                target = line[1].split(b"?", 1)[0].split(b"#", 1)[0] if len(line) > 1 else b"/"
                answer = files.get(target, not_found)
                if line[0] == b"HEAD":
                    answer = answer.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
                self.transport.write(answer)

    factory = protocol.Factory.forProtocol(Http)
    port = reactor.listenTCP(0, factory, interface="127.0.0.1", backlog=128)
    port_file.write_text(str(port.getHost().port))
    reactor.run()
    return 0


class FastServer:
    """The in-memory Twisted server of ``child_serve``, in a child process, as a context manager."""

    def __init__(self, root: Path):
        self.root = root
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> FastServer:
        port_file = Path(tempfile.mkstemp(prefix="bench-port-")[1])
        port_file.write_text("")
        self.proc = subprocess.Popen([sys.executable, __file__, "_serve", str(self.root), str(port_file)], cwd=ROOT)
        deadline = time.monotonic() + 120
        while not port_file.read_text().strip():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the benchmark's static server did not start")
            time.sleep(0.05)
        self.base_url = f"http://127.0.0.1:{int(port_file.read_text())}"
        port_file.unlink()
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


# =============================================================================== parent


def crawl_command(spider: str, base_url: str, sections: str, stats_file: Path, feed: Path) -> list[str]:
    """The child crawl of ``spider`` over the whole mirror at ``base_url`` (``_crawl``), as every run makes it."""
    spargs = {"base_url": base_url, "sections": sections, "max_pages": "100000"}
    if spider == "articles":
        spargs["since"] = "2000-01-01"
    cmd = [sys.executable, str(Path(__file__).resolve()), "_crawl", spider, str(stats_file), str(feed)]
    for k, v in spargs.items():
        cmd += ["-a", f"{k}={v}"]
    return cmd


def run_child(spider: str, base_url: str, sections: str, workdir: Path, stack: str | None = None,
              profile: Path | None = None, settings: list[str] = ()) -> dict:
    """One crawl in a child process; its stats plus ``peak_rss_mb`` (wait4's ru_maxrss of that child)."""
    stats_file = workdir / f"{spider}-stats.json"
    feed = workdir / f"{spider}.jsonl"
    cmd = crawl_command(spider, base_url, sections, stats_file, feed)
    if stack:
        cmd += ["--stack", stack]
    if profile:
        cmd += ["--profile", str(profile)]
    for pair in settings:
        cmd += ["-s", pair]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    if not stats_file.exists():
        raise RuntimeError(f"{spider}: the child exited with {proc.returncode} and wrote no stats")
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    stats["bench/peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    stats["bench/process_seconds"] = wall
    stats["bench/exit_code"] = proc.returncode
    stats["bench/feed_lines"] = sum(1 for _ in feed.open("rb")) if feed.exists() else 0
    return stats


def articles_of(spider: str, stats: dict) -> int:
    if spider == "ceiling":
        return int(stats.get("bench/articles", 0))  # article pages parsed
    return int(stats.get("item_scraped_count", 0))  # items exported to the feed


def best_of(runs: list[dict]) -> dict:
    """The fastest run (least elapsed time), with the highest peak RSS of all runs."""
    best = dict(min(runs, key=lambda s: float(s["elapsed_time_seconds"])))
    best["bench/peak_rss_mb"] = max(s["bench/peak_rss_mb"] for s in runs)
    best["bench/runs"] = len(runs)
    return best


def print_table(rows: list[tuple[str, dict]]) -> None:
    def rates(name, s):
        n = articles_of(name, s)
        return n, n / float(s["elapsed_time_seconds"]), n / max(float(s["bench/crawl_cpu_seconds"]), 1e-9)

    ceiling = next((rates(n, s) for n, s in rows if n == "ceiling"), None)
    header = (f"{'spider':<13}{'articles':>9}{'requests':>9}{'seconds':>9}{'articles/s':>11}{'x ceiling':>10}"
              f"{'CPU s':>8}{'art/CPU s':>10}{'x ceiling':>10}{'peak RSS MB':>12}")
    print(header)
    print("-" * len(header))
    for name, s in rows:
        n, rate, cpu_rate = rates(name, s)
        ratio = f"{rate / ceiling[1]:.2f}" if ceiling else "-"
        cpu_ratio = f"{cpu_rate / ceiling[2]:.2f}" if ceiling else "-"
        print(f"{name:<13}{n:>9}{s.get('downloader/request_count', 0):>9}{float(s['elapsed_time_seconds']):>9.1f}"
              f"{rate:>11.1f}{ratio:>10}{float(s['bench/crawl_cpu_seconds']):>8.1f}{cpu_rate:>10.1f}{cpu_ratio:>10}"
              f"{s['bench/peak_rss_mb']:>12.0f}")


def print_rounds(runs: dict[str, list[dict]]) -> None:
    """Each spider's articles/s over the ceiling's in the same round (run right after it): the
    machine's slow and fast phases cancel out of these, which the best-of figures can mix."""
    ceiling = runs.get("ceiling") or []
    for name, stats in runs.items():
        if name == "ceiling" or not ceiling:
            continue
        ratios = [
            (articles_of(name, s) / float(s["elapsed_time_seconds"])) / (articles_of("ceiling", c) / float(c["elapsed_time_seconds"]))
            for c, s in zip(ceiling, stats)
        ]
        print(f"{name} x ceiling round by round: {' '.join(f'{r:.2f}' for r in ratios)} "
              f"(median {statistics.median(ratios):.2f})")


def print_profile(path: Path, top: int = 25) -> None:
    import pstats

    st = pstats.Stats(str(path))
    total = st.total_tt
    print(f"\ncProfile of the articles spider ({total:.1f} s of CPU in the profiled crawl)")
    rows = []
    for (file, line, func), (cc, nc, tt, ct, callers) in st.stats.items():
        rows.append((ct, tt, nc, file, line, func))
    print("\n  interfax.* functions by cumulative time (% of the whole run):")
    interfax = [r for r in rows if "/interfax/" in r[3]]
    for ct, tt, nc, file, line, func in sorted(interfax, reverse=True)[:top]:
        short = file.split("/interfax/", 1)[1]
        print(f"  {100 * ct / total:6.1f}%  {ct:7.2f}s cum {tt:6.2f}s own {nc:>8} calls  interfax/{short}:{line} {func}")
    print("\n  all functions by own time:")
    for ct, tt, nc, file, line, func in sorted(rows, key=lambda r: r[1], reverse=True)[:top]:
        where = file.split("site-packages/", 1)[-1] if "site-packages/" in file else file.split("/")[-1]
        print(f"  {100 * tt / total:6.1f}%  {tt:7.2f}s own {ct:7.2f}s cum {nc:>8} calls  {where}:{line} {func}")


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_crawl"]:
        return child_crawl(argv[1:])
    if argv[:1] == ["_serve"]:
        return child_serve(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=None, help="serve this mirror (default: build one in a temporary folder)")
    parser.add_argument("--articles", type=int, default=5000, help="articles in the built mirror (default 5000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura run")
    parser.add_argument("--server", choices=("fast", "mirror"), default="fast",
                        help="fast: in-memory Twisted server in its own process (default); "
                             "mirror: the project's MirrorServer (stdlib, threads) in this process")
    parser.add_argument("--ceiling-stack", choices=("stock", "project"), default="stock",
                        help="components of the ceiling/trafilatura runs: stock Scrapy (default) or the "
                             "project's middlewares and extensions too (its pipelines never: they would drop the items)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the sequence N times and report each spider's fastest run (default 1)")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for every run (all spiders alike)")
    parser.add_argument("--profile", action="store_true", help="then run the articles spider once more under cProfile")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (mirror, feeds, stats)")
    opts = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from interfax.mirror.build import build_site
    from interfax.urls import DEFAULT_SECTIONS

    work = Path(tempfile.mkdtemp(prefix="interfax-bench-"))
    try:
        if opts.root:
            root = opts.root
            manifest = {"sections": list(DEFAULT_SECTIONS)}
        else:
            root = work / "mirror"
            print(f"building a mirror of {opts.articles} articles in {root} ...", flush=True)
            summary = build_site(root, opts.articles, opts.seed)
            manifest = {
                "sections": list(DEFAULT_SECTIONS),
                "articles": len(summary["exported_ids"]),
                "listing_pages": len(summary["listing_paths"]),
                "amp_twins": len(summary["amp_fallback_paths"]),
                "related_only": sum(1 for depth in summary["depths"].values() if depth > 0),
                "missing_links": len(summary["missing_paths"]),
            }
        sections = ",".join(manifest["sections"])
        print("mirror: " + ", ".join(f"{k}={v}" for k, v in manifest.items() if k != "sections"), flush=True)
        if opts.server == "fast":
            server = FastServer(root)
        else:
            from interfax.mirror.server import MirrorServer

            server = MirrorServer(root=root)
        names = ["ceiling", "articles"] + ([] if opts.no_trafilatura else ["trafilatura"])
        runs: dict[str, list[dict]] = {name: [] for name in names}
        with server:
            print(f"serving on {server.base_url} ({opts.server} server); CONCURRENT_REQUESTS=16, per domain 16, "
                  f"no delay, no autothrottle; load average {_load()}", flush=True)
            for round_ in range(1, opts.repeat + 1):
                for name in names:
                    stack = None if name == "articles" else opts.ceiling_stack
                    stats = run_child(name, server.base_url, sections, work, stack=stack, settings=opts.settings)
                    runs[name].append(stats)
                    extra = ""
                    if name == "articles":
                        extra = (f", {stats.get('item_dropped_count', 0)} dropped, "
                                 f"{stats.get('interfax/related/amp_fallback', 0)} AMP twins")
                    elif name == "ceiling":
                        extra = f", {stats.get('bench/amp', 0)} AMP twins"
                    print(f"  [{round_}/{opts.repeat}] {name}: {stats.get('finish_reason')}, "
                          f"{articles_of(name, stats)} articles, {stats.get('downloader/request_count', 0)} requests, "
                          f"{stats.get('bench/feed_lines')} feed lines{extra}; "
                          f"{float(stats['elapsed_time_seconds']):.1f}s crawl, {stats['bench/crawl_cpu_seconds']:.1f}s CPU, "
                          f"{stats['bench/peak_rss_mb']:.0f} MB; load average {_load()}", flush=True)
            rows = [(name, best_of(runs[name])) for name in names]
            print()
            if opts.repeat > 1:
                print(f"best of {opts.repeat} runs each (least crawl time; peak RSS: the highest of the runs)")
            print_table(rows)
            if opts.repeat > 1:
                print_rounds(runs)
            if opts.profile:
                prof = work / "articles.prof"
                print("\nprofiling the articles spider (cProfile; its time is not in the table) ...", flush=True)
                run_child("articles", server.base_url, sections, work, profile=prof, settings=opts.settings)
                print_profile(prof)
                if opts.keep:
                    print(f"profile: {prof}")
    finally:
        if opts.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
