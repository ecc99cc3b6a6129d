"""The crawl benchmark's ratio in instructions: steady where the timed rounds swing by 30%.

    python bench/bench_ratio.py                      # mirrors of 1000 and 2000 articles, ~8 minutes on 2 cores
    python bench/bench_ratio.py --articles 500 --jobs 1

Runs the ``ceiling`` and ``articles`` crawls of ``bench_crawl.py`` (the same child, settings,
arguments and in-memory server) under ``valgrind --tool=callgrind`` on two generated mirrors, of N
and 2N articles, and prints the instructions each crawl executed per article: the difference
between the two mirrors divided by N, so that interpreter start-up, imports and the end-of-run
work cancel out. The ratio ceiling / articles is the crawl benchmark's "x ceiling" counted in
instructions. It differs from the timed ratio (the instructions of the interpreter's bytecode
loop, which the spider's Python code runs, take longer each than those of libxml2's parser and
XPath, which the ceiling leans on), but it is the same on every run to ~0.5%: use it to see
whether a change moved the ratio. Needs valgrind (``apt-get install valgrind``); prints figures
only and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

import bench_crawl  # noqa: E402  (the crawl benchmark's child, server and settings)
import bench_path  # noqa: E402  (counting instructions under callgrind)

SPIDERS = ("ceiling", "articles")


def counted_crawl(spider: str, base_url: str, sections: str, work: Path, tag: str) -> dict:
    """One crawl of ``bench_crawl.py _crawl`` under callgrind: its stats plus ``instructions``."""
    stats_file, feed = work / f"{tag}.json", work / f"{tag}.jsonl"
    count = bench_path.counted(bench_crawl.crawl_command(spider, base_url, sections, stats_file, feed),
                               work / f"{tag}.callgrind", ROOT)
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    stats["instructions"] = count
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="N: mirrors of N and 2N articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="crawls under valgrind at once (default 2)")
    opts = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")

    from interfax.mirror.build import build_site
    from interfax.urls import DEFAULT_SECTIONS

    sections = ",".join(DEFAULT_SECTIONS)
    sizes = (opts.articles, 2 * opts.articles)
    work = Path(tempfile.mkdtemp(prefix="interfax-ratio-"))
    try:
        roots = {}
        for size in sizes:
            roots[size] = work / f"mirror-{size}"
            build_site(roots[size], size, opts.seed)
        results: dict[tuple[str, int], dict] = {}
        servers = {size: bench_crawl.FastServer(roots[size]) for size in sizes}
        for server in servers.values():
            server.__enter__()
        try:
            print(f"mirrors of {sizes[0]} and {sizes[1]} articles; {len(SPIDERS) * 2} crawls under callgrind, "
                  f"{opts.jobs} at a time ...", flush=True)
            with ThreadPoolExecutor(max_workers=opts.jobs) as pool:
                jobs = {(spider, size): pool.submit(counted_crawl, spider, servers[size].base_url, sections, work, f"{spider}-{size}")
                        for size in sizes for spider in SPIDERS}
                for key, job in jobs.items():
                    results[key] = job.result()
        finally:
            for server in servers.values():
                server.__exit__(None, None, None)
        per_article = {}
        print(f"\n{'spider':<10} {'articles':>9} {'requests':>9} {'instructions':>16} {'per article (marginal)':>24}")
        for spider in SPIDERS:
            small, large = results[(spider, sizes[0])], results[(spider, sizes[1])]
            parsed = [bench_crawl.articles_of(spider, s) for s in (small, large)]
            per_article[spider] = (large["instructions"] - small["instructions"]) / (parsed[1] - parsed[0])
            for size, stats, n in ((sizes[0], small, parsed[0]), (sizes[1], large, parsed[1])):
                print(f"{spider:<10} {n:>9} {stats.get('downloader/request_count', 0):>9} {stats['instructions']:>16,}"
                      + (f" {per_article[spider] / 1e6:>17.2f} million" if size == sizes[1] else ""))
        ratio = per_article["ceiling"] / per_article["articles"]
        print(f"\narticles x ceiling in instructions: {ratio:.3f} (the articles spider's own work: "
              f"{(per_article['articles'] - per_article['ceiling']) / 1e6:.2f} million instructions per article "
              f"over the ceiling's {per_article['ceiling'] / 1e6:.2f} million)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
