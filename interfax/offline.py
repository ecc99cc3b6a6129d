"""Crawl the offline mirror in one command: serve it on 127.0.0.1, crawl it, print a summary.

    python -m interfax.offline                       # -> articles.jsonl
    python -m interfax.offline -O out.jsonl -a related_depth=1 -s LOG_LEVEL=INFO
    python -m interfax.offline --root path/to/other/mirror

The mirror is served on a free port of 127.0.0.1 for the length of the crawl and stopped after.
The crawl is the real ``articles`` spider with the project's settings, ``since=2000-01-01`` (the
mirror's articles are old) and no politeness delays (the server is local).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m interfax.offline", description=__doc__.split("\n\n")[0])
    parser.add_argument("-O", "--output", default="articles.jsonl", help="JSON Lines file to write (overwritten)")
    parser.add_argument("--root", default=None, help="mirror folder to serve (default: the project's mirror)")
    parser.add_argument("-a", dest="spargs", action="append", default=[], metavar="NAME=VALUE", help="spider argument")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE", help="setting")
    opts = parser.parse_args(argv)

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "interfax.settings")
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.utils.project import get_project_settings

    from interfax.feeds import unwritable
    from interfax.mirror.server import DEFAULT_ROOT, MirrorServer
    from interfax.monitors import monitors_exit_code
    from interfax.spiders.articles import ArticlesSpider

    spargs = {"since": "2000-01-01"}
    for pair in opts.spargs:
        name, sep, value = pair.partition("=")
        if not sep:
            parser.error(f"-a takes NAME=VALUE, not {pair!r}")
        spargs[name] = value
    settings = get_project_settings()
    settings.setdict({"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "WARNING"}, priority="cmdline")
    for pair in opts.settings:
        name, sep, value = pair.partition("=")
        if not sep:
            parser.error(f"-s takes NAME=VALUE, not {pair!r}")
        settings.set(name, value, priority="cmdline")
    output = Path(opts.output)
    why = unwritable(str(output))
    if why:  # (Scrapy would log a traceback per record and the summary would name a file never written)
        parser.error(f"cannot write the output: {why}")
    settings.set("FEEDS", {str(output): {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}}, priority="cmdline")

    root = Path(opts.root) if opts.root else DEFAULT_ROOT
    if not root.is_dir():
        parser.error(f"--root: no such folder: {root}")
    started = time.monotonic()
    with MirrorServer(root=root) as server:
        spargs.setdefault("base_url", server.base_url)
        try:
            ArticlesSpider.validate_arguments(**spargs)
        except Exception as exc:  # UsageError: one line, like scrapy crawl
            parser.error(str(exc))
        process = AsyncCrawlerProcess(settings)
        crawler = process.create_crawler(ArticlesSpider)
        process.crawl(crawler, **spargs)
        process.start()
        base_url = server.base_url
    stats = crawler.stats.get_stats()
    exported = stats.get("item_scraped_count", 0)
    dropped = stats.get("item_dropped_count", 0)
    failed = stats.get("interfax/failed/count", 0)
    reason = stats.get("finish_reason", "?")
    print(
        f"offline crawl {reason}: {exported} articles -> {output} "
        f"({stats.get('downloader/request_count', 0)} requests to {base_url}, {dropped} dropped, "
        f"{failed} failed, {time.monotonic() - started:.1f}s)"
    )
    # a failed end-of-run check fails the command, as it fails scrapy crawl (its report on stderr, exit 3)
    return monitors_exit_code(crawler) or (0 if reason == "finished" and exported else 1)


if __name__ == "__main__":
    sys.exit(main())
