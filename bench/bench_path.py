"""The project's own work per article, without the engine: a steadier figure than a whole crawl.

    python bench/bench_path.py                       # build a 5000-article mirror, time 1200 article pages
    python bench/bench_path.py --root /tmp/mirror    # pages of a mirror built by python -m interfax.mirror.build large
    python bench/bench_path.py --instructions        # instructions per article under valgrind (callgrind)

For each article page, as a crawl does it: the project's downloader middlewares that read the page
(encoding check, content guard, meta refresh), ``ArticlesSpider.parse_article`` (parse, page
fields, related links, requests) and, for its item, the pipelines and the JSON Lines exporter
(into memory). Prints microseconds per article (the fastest of ``--repeat`` passes over the same
pages; a crawl adds the engine's work and colder caches, ~1.5x).

``--instructions`` runs this script twice under ``valgrind --tool=callgrind`` (with the pages and
without) and prints the difference per article: the same on every run to within ~0.5%, where the
crawl benchmark's rounds on a shared VM swing by 30%. Use it to compare two trees
(``--tree DIR``) before and after a change; it needs valgrind (``apt-get install valgrind``), and
takes about a minute. Prints figures only and asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {"Content-Type": "text/html; charset=utf-8"}
ORIGIN = "http://127.0.0.1:1"  # the pages' origin: a mirror's, so links map to the live site as in a crawl


def article_pages(root: Path, count: int, seed: int = 2) -> list[tuple[str, bytes]]:
    """(URL on the mirror's origin, body) of ``count`` article pages of a built mirror (no AMP twins)."""
    files = sorted(p for p in (root / "news").glob("*/*.html") if not p.name.endswith("-amp.html"))
    random.Random(seed).shuffle(files)
    return [(ORIGIN + "/" + p.relative_to(root).as_posix(), p.read_bytes()) for p in files[:count]]


class ArticlePath:
    """The middlewares, the spider's article callback, the pipelines and the exporter, wired as in a crawl."""

    def __init__(self):
        from scrapy.utils.test import get_crawler

        from interfax import feeds, pipelines
        from interfax.items import FIELDS
        from interfax.middlewares import ContentGuardMiddleware, EncodingFixMiddleware, SafeMetaRefreshMiddleware
        from interfax.spiders.articles import ArticlesSpider

        self.crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": "", "LOG_LEVEL": "ERROR"})
        self.spider = self.crawler._create_spider(since="2000-01-01")
        self.crawler.spider = self.spider
        self.middlewares = [cls.from_crawler(self.crawler) for cls in
                            (ContentGuardMiddleware, SafeMetaRefreshMiddleware, EncodingFixMiddleware)]
        self.steps = [pipelines.DatesPipeline(self.crawler), pipelines.CleanTextPipeline(self.crawler),
                      pipelines.ValidatePipeline(self.crawler), pipelines.WindowPipeline(self.crawler),
                      pipelines.DedupPipeline(self.crawler), pipelines.SchemaValidationPipeline(self.crawler)]
        self.exporter = feeds.JsonLinesExporter(io.BytesIO(), fields_to_export=FIELDS, encoding="utf-8")
        self.exporter._warned = True  # (an in-memory file: no crash-safety warning)

    def reset(self) -> None:
        """Forget what was met, so that the same pages can be read again."""
        self.spider._depth.clear()
        self.spider._related_links.clear()
        self.steps[4].seen.clear()
        self.exporter.file = io.BytesIO()

    def run(self, pages: list[tuple[str, bytes]]) -> int:
        import scrapy
        from scrapy.http import HtmlResponse

        from interfax.items import Article

        exported = 0
        for url, body in pages:
            request = scrapy.Request(url, meta={"interfax_kind": "article", "interfax_depth": 0})
            response = HtmlResponse(url, body=body, headers=HEADERS, request=request)
            for middleware in self.middlewares:
                response = middleware.process_response(request, response)
            for out in self.spider.parse_article(response):
                if isinstance(out, Article):
                    for step in self.steps:
                        out = step.process_item(out)
                    self.exporter.export_item(out)
                    exported += 1
        return exported


def timed(root: Path, count: int, repeat: int) -> None:
    pages = article_pages(root, count)
    path = ArticlePath()
    best = float("inf")
    for _ in range(repeat):
        path.reset()
        started = time.perf_counter()
        exported = path.run(pages)
        best = min(best, time.perf_counter() - started)
    print(f"{len(pages)} article pages, {exported} exported: {best / len(pages) * 1e6:.1f} µs per article "
          f"(fastest of {repeat} passes)")


def child(argv: list[str]) -> int:
    """``bench_path.py _child ROOT N``: read 20 pages (warm-up), then N: what callgrind counts."""
    root, count = Path(argv[0]), int(argv[1])
    pages = article_pages(root, max(count, 20))
    path = ArticlePath()
    path.run(pages[:20])  # imports, caches, compiled patterns: the same in both runs
    path.reset()
    if count:
        path.run(pages[:count])
    return 0


def counted(cmd: list[str], out: Path, cwd: Path, env: dict | None = None) -> int:
    """Instructions a command executes, counted by valgrind's callgrind (its output file: ``out``)."""
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    env = {**os.environ, "PYTHONHASHSEED": "0", **(env or {})}
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], cwd=cwd, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return int(re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M).group(1))


def instructions(root: Path, count: int, tree: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-path-") as work:
        totals = [counted([sys.executable, str(Path(__file__).resolve()), "_child", str(root), str(n)],
                          Path(work) / f"callgrind.{n}", tree, {"PYTHONPATH": str(tree)})
                  for n in (0, count)]
    print(f"{tree}: {(totals[1] - totals[0]) / count / 1e6:.3f} million instructions per article "
          f"({count} article pages, callgrind)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_child"]:
        sys.path.insert(0, os.environ.get("PYTHONPATH", str(ROOT)))
        return child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=None, help="a built mirror (default: build 5000 articles in a temporary folder)")
    parser.add_argument("--pages", type=int, default=None, help="article pages to read (default 1200; 100 with --instructions)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--instructions", action="store_true", help="count instructions under callgrind instead of timing")
    parser.add_argument("--tree", type=Path, default=ROOT, help="with --instructions: the project tree to measure (another checkout)")
    opts = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="bench-path-mirror-") as work:
        root = opts.root
        if root is None:
            from interfax.mirror.build import build_site

            root = Path(work) / "mirror"
            build_site(root, 5000, 1)
        if opts.instructions:
            instructions(root, opts.pages or 100, opts.tree.resolve())
        else:
            timed(root, opts.pages or 1200, opts.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
