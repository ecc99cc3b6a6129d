"""Benchmark of ``scrapy dataset`` (interfax.dataset.build_dataset) on generated run files.

    python bench/bench_dataset.py                    # 1,000,000 records
    python bench/bench_dataset.py --records 200000 --format csv --keep

Generates N schema-valid records (~20% of them re-crawls of an article seen before, with a later
``crawled_at``; a few corrupt lines and a truncated last line) across several run files (every
third one gzipped) in a temporary folder, then runs the merge in a child process and prints the
records per second, the wall time and the child's peak RSS. It asserts nothing about time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = (
    "Міністр оборони України заявив що уряд ухвалив рішення щодо фінансування програми "
    "підтримки економіки регіонів президент парламент комітет засідання бюджет року "
    "мільйонів гривень компанія ринок енергетики газу експорт зерна війська фронт "
    "переговори Брюсселі Європейського союзу партнерів допомоги відновлення інфраструктури"
).split()
SECTIONS = ["general", "political", "economic", "kyiv", "ukraine", "interview", "press-release"]
KYIV_OFFSET = {False: "+02:00", True: "+03:00"}


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(rng.choices(WORDS, k=rng.randint(25, 60))).capitalize() + "." for _ in range(n)]


def _published(rng: random.Random) -> str:
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    t = start + timedelta(seconds=rng.randrange(2 * 365 * 86400))
    summer = 4 <= t.month <= 10  # close enough for a benchmark: the offset pattern is what counts
    local = t + timedelta(hours=3 if summer else 2)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + KYIV_OFFSET[summer]


def generate(folder: Path, records: int, files: int, seed: int = 1) -> tuple[int, int]:
    """Write the run files; return (bytes written uncompressed, number of lines)."""
    rng = random.Random(seed)
    paras = _paragraphs(rng, 2000)
    seen: list[tuple[int, str, str, str]] = []  # id, lang, section, published_at
    next_id = 1_000_000
    crawl = datetime(2026, 1, 1, tzinfo=timezone.utc)
    per_file = -(-records // files)
    total_bytes = lines = 0
    made = 0
    for f in range(files):
        name = folder / f"2026-01-{1 + f // 24:02d}T{f % 24:02d}-00-00.jsonl"
        gz = f % 3 == 2
        path = name.with_name(name.name + ".gz") if gz else name
        raw = gzip.open(path, "wb", compresslevel=1) if gz else open(path, "wb")
        with raw as out:
            buf = []
            for _ in range(min(per_file, records - made)):
                made += 1
                crawl += timedelta(microseconds=rng.randrange(1, 200_000))
                if seen and rng.random() < 0.2:
                    id_, lang, section, published = seen[rng.randrange(len(seen))]
                    title = "Оновлено: " + " ".join(rng.choices(WORDS, k=8))
                else:
                    next_id += rng.randint(1, 3)
                    id_, lang = next_id, rng.choices(["uk", "ru", "en"], weights=[70, 20, 10])[0]
                    section, published = rng.choice(SECTIONS), _published(rng)
                    seen.append((id_, lang, section, published))
                    title = " ".join(rng.choices(WORDS, k=8))
                host = {"uk": "interfax.com.ua", "ru": "ru.interfax.com.ua", "en": "en.interfax.com.ua"}[lang]
                text = "\n\n".join(rng.choices(paras, k=rng.randint(3, 6)))
                record = {
                    "id": id_,
                    "url": f"https://{host}/news/{section}/{id_}.html",
                    "lang": lang,
                    "section": section,
                    "title": title,
                    "lead": text.split("\n\n", 1)[0] if rng.random() < 0.9 else None,
                    "text": text,
                    "published_at": published,
                    "modified_at": None,
                    "tags": rng.sample(WORDS, k=rng.randint(0, 3)),
                    "images": [{"url": f"https://interfax.com.ua/static/articles/images/{id_}.jpg", "caption": None}]
                    if rng.random() < 0.6 else [],
                    "photo_credit": None,
                    "source": None,
                    "related": [
                        {"id": id_ - k, "url": f"https://{host}/news/{section}/{id_ - k}.html", "title": title}
                        for k in range(1, rng.randint(1, 4))
                    ],
                    "reading_time": rng.randint(1, 5),
                    "word_count": text.count(" ") + 1,
                    "crawled_at": crawl.isoformat(),
                }
                line = json.dumps(record, ensure_ascii=False)
                if rng.random() < 0.0001:
                    line = line[: len(line) // 2]  # a corrupt line
                buf.append(line + "\n")
                if len(buf) >= 5000:
                    data = "".join(buf).encode()
                    out.write(data)
                    total_bytes += len(data)
                    lines += len(buf)
                    buf.clear()
            if f == files - 1:  # the last run was killed mid-write
                buf.append('{"id": 1, "url": "https://interfax.com.ua/news/gen')
            data = "".join(buf).encode()
            out.write(data)
            total_bytes += len(data)
            lines += len(buf)
    return total_bytes, lines


CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from interfax.dataset import build_dataset
args = json.loads(sys.argv[2])

def hwm():
    # Peak RSS of this process since exec. ru_maxrss is not it on Linux: it keeps the high-water
    # mark of the (big) benchmark process this child was forked from.
    try:
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None

t0 = time.perf_counter()
r = build_dataset(args["inputs"], args["out"], fmt=args["fmt"], single=args["single"],
                  command_line="bench")
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "summary": r.summary_line(), "lines": r.lines, "written": r.written,
                  "rejected": r.rejected, "superseded": r.superseded,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "hwm_kb": hwm()}))
"""


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000, help="records to generate (default 1,000,000)")
    parser.add_argument("--files", type=int, default=12, help="run files (default 12)")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv"])
    parser.add_argument("--single", action="store_true")
    parser.add_argument("--workdir", help="where to generate (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files and the dataset")
    args = parser.parse_args()

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-dataset-"))
    runs = work / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        raw_bytes, lines = generate(runs, args.records, args.files)
        gen = time.perf_counter() - t0
        print(f"generated {lines:,} lines in {args.files} files: {raw_bytes / 1e6:,.0f} MB uncompressed, "
              f"{_size(runs) / 1e6:,.0f} MB on disk, in {gen:.1f} s")  # fmt: skip
        out = work / "dataset"
        job = {"inputs": [str(runs)], "out": str(out), "fmt": args.format, "single": args.single}
        proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), json.dumps(job)],
                              capture_output=True, text=True)  # fmt: skip
        if proc.returncode != 0:
            sys.exit(f"merge failed:\n{proc.stderr}")
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(r["summary"])
        print(f"merge: {r['lines']:,} records read in {r['wall']:.1f} s = {r['lines'] / r['wall']:,.0f} records/s "
              f"({raw_bytes / 1e6 / r['wall']:,.1f} MB/s of JSON)")  # fmt: skip
        peak = r["hwm_kb"] if r["hwm_kb"] is not None else r["maxrss_kb"]
        source = "VmHWM" if r["hwm_kb"] is not None else "ru_maxrss, includes the parent's at fork time"
        print(f"peak RSS of the merge process: {peak / 1024:,.0f} MB ({source})")
        print(f"dataset: {_size(out) / 1e6:,.0f} MB in {out}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")


if __name__ == "__main__":
    main()
