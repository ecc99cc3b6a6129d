"""Tests of ``scrapy dataset`` (interfax/dataset.py and interfax/commands/dataset.py)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from interfax import __version__  # noqa: E402
from interfax.dataset import (  # noqa: E402
    CARD_MARKER,
    DatasetError,
    DatasetUsageError,
    Progress,
    build_dataset,
    render_chart,
)
from interfax.schema import RecordValidator, compile_fast_check, load_schema  # noqa: E402

SCHEMA = load_schema()
FIELDS = list(SCHEMA["properties"])


def article(id: int, **changes) -> dict:
    """A schema-valid record (checked here, so a test never starts from a bad fixture)."""
    lang = changes.get("lang", "uk")
    host = {"uk": "interfax.com.ua", "ru": "ru.interfax.com.ua", "en": "en.interfax.com.ua"}[lang]
    section = changes.get("section", "general")
    record = {
        "id": id,
        "url": f"https://{host}/news/{section}/{id}.html",
        "lang": lang,
        "section": section,
        "title": f"Заголовок {id}",
        "lead": f"Лід {id}",
        "text": f"Перший абзац {id}.\n\nДругий абзац.",
        "published_at": "2025-04-11T21:32:00+03:00",
        "modified_at": None,
        "tags": ["Умєров", "Каллас"],
        "images": [{"url": "https://interfax.com.ua/static/a.jpg", "caption": "фото"}],
        "photo_credit": None,
        "source": None,
        "related": [{"id": 1063120, "url": "https://interfax.com.ua/news/general/1063120.html", "title": "x"}],
        "reading_time": 1,
        "word_count": 5,
        "crawled_at": "2026-01-12T10:00:00.123456+00:00",
    }
    record.update(changes)
    jsonschema.validate(record, SCHEMA)
    return record


def write_run(path: Path, records: list, *, gz: bool = False, tail: str = "") -> Path:
    """A run file: one JSON line per record (a str item is written as the line itself)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    data = ("".join(line + "\n" for line in lines) + tail).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if gz:
        with gzip.open(path, "wb") as f:
            f.write(data)
    else:
        path.write_bytes(data)
    return path


def read_gz_lines(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def read_all(out: Path) -> list[dict]:
    records = []
    for part in sorted(out.glob("[0-9][0-9][0-9][0-9]/*.jsonl.gz")):
        records += read_gz_lines(part)
    return records


def rejected(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "rejected.jsonl").read_text("utf-8").splitlines()]


def build(inputs, out, **kw):
    kw.setdefault("command_line", "scrapy dataset test")
    return build_dataset([str(i) for i in inputs], out, **kw)


# --------------------------------------------------------------------------------------------
# Merging


def test_merge_overlapping_runs_keeps_latest_crawl_of_each_id(tmp_path):
    run1 = write_run(tmp_path / "runs" / "2026-01-12T10.jsonl", [
        article(1, title="first version", crawled_at="2026-01-12T10:00:00+00:00"),
        article(2, crawled_at="2026-01-12T10:00:01+00:00"),
        article(3, title="C new", crawled_at="2026-01-12T12:00:00+00:00"),
    ])  # fmt: skip
    run2 = write_run(tmp_path / "runs" / "2026-01-13T10.jsonl.gz", [
        article(1, title="edited version", crawled_at="2026-01-13T10:00:00.5+00:00"),
        article(2, crawled_at="2026-01-12T10:00:01+00:00"),  # the same crawl again
        article(3, title="C old", crawled_at="2026-01-12T11:59:59.999999+00:00"),  # older, read later
        article(4, lang="ru", title="Заголовок по-русски"),
    ], gz=True)  # fmt: skip
    out = tmp_path / "out"
    result = build([run1, run2], out)

    records = read_all(out)
    by_id = {r["id"]: r for r in records}
    assert sorted(by_id) == [1, 2, 3, 4] and len(records) == 4
    assert by_id[1]["title"] == "edited version"
    assert by_id[3]["title"] == "C new"
    assert by_id[4]["lang"] == "ru"
    assert (result.valid, result.superseded, result.written, result.rejected) == (7, 3, 4, 0)
    assert result.files == 2
    assert result.summary_line() == (
        f"dataset: 4 records (1 month) from 2 files, 0 rejected, 3 duplicates superseded -> {out}/"
    )
    for r in records:  # keys in the schema's order, values untouched
        assert list(r) == [f for f in FIELDS if f in r]
        jsonschema.validate(r, SCHEMA)


def test_an_id_seen_in_two_languages_is_kept_once_and_flagged(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [
        article(9, lang="uk", crawled_at="2026-01-01T00:00:00+00:00"),
        article(9, lang="ru", crawled_at="2026-01-02T00:00:00+00:00"),
    ])  # fmt: skip
    out = tmp_path / "out"
    result = build([run], out)
    assert [r["lang"] for r in read_all(out)] == ["ru"]
    assert result.cross_language_ids == 1 and result.superseded == 1
    assert "Warning: 1 id was seen in more than one language" in (out / "README.md").read_text("utf-8")


def test_ties_go_to_the_later_file_then_the_later_line(tmp_path):
    same = "2026-01-12T10:00:00+00:00"
    a = write_run(tmp_path / "a.jsonl", [
        article(1, title="a1", crawled_at=same), article(1, title="a2", crawled_at=same),
        article(2, title="a-only", crawled_at=same),
    ])  # fmt: skip
    b = write_run(tmp_path / "b.jsonl", [article(1, title="b1", crawled_at=same)])
    out = tmp_path / "out"
    build([a, b], out)
    assert {r["id"]: r["title"] for r in read_all(out)} == {1: "b1", 2: "a-only"}
    build([b, a], out)  # input order, not file names, decides
    assert {r["id"]: r["title"] for r in read_all(out)} == {1: "a2", 2: "a-only"}
    # equal instants written differently are a tie too
    c = write_run(tmp_path / "c.jsonl", [article(1, title="c", crawled_at="2026-01-12T10:00:00.000000+00:00")])
    build([c, b], out)
    assert {r["id"]: r["title"] for r in read_all(out)} == {1: "b1"}


def test_folder_and_glob_inputs(tmp_path):
    data = tmp_path / "data"
    write_run(data / "articles" / "2026-01-02.jsonl", [article(1, title="newer", crawled_at="2026-01-02T00:00:00+00:00")])
    write_run(data / "articles" / "2026-01-01.jsonl.gz", [article(1, title="older", crawled_at="2026-01-01T00:00:00+00:00"), article(2)], gz=True)
    write_run(data / "old" / "x.jl", [article(3)])
    (data / "notes.txt").write_text("not a run file")
    out = data / "dataset"  # inside the input folder: its files must not be read back
    r1 = build([data], out)
    assert r1.files == 3 and r1.written == 3
    assert {r["id"]: r["title"] for r in read_all(out)}[1] == "newer"
    r2 = build([data], out)  # the dataset's own files (.jsonl.gz, rejected.jsonl) stay out
    assert r2.files == 3 and r2.valid == 4
    r3 = build([str(data / "articles" / "*.jsonl*")], tmp_path / "out2")
    assert r3.files == 2 and r3.written == 2


# --------------------------------------------------------------------------------------------
# Filters and partitions


def test_filters_apply_to_the_winning_version(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [
        article(1, section="general", published_at="2025-04-01T00:00:00+03:00"),
        article(2, section="political", lang="ru", published_at="2025-04-15T12:00:00+03:00"),
        article(3, section="economic", lang="en", published_at="2025-04-30T23:59:59+03:00"),
        article(4, section="general", published_at="2025-05-01T00:00:00+03:00"),
        # Kyiv date 2025-03-31 although the UTC date is the same
        article(5, section="general", published_at="2025-03-31T23:30:00+03:00"),
        # edited: moved from general to economic by the later crawl
        article(6, section="general", crawled_at="2026-01-01T00:00:00+00:00"),
        article(6, section="economic", crawled_at="2026-01-02T00:00:00+00:00"),
    ])  # fmt: skip

    def ids(**kw):
        out = tmp_path / "out"
        result = build([run], out, **kw)
        return sorted(r["id"] for r in read_all(out)), result

    assert ids(langs="uk")[0] == [1, 4, 5, 6]
    assert ids(langs=["uk,ru", "en"])[0] == [1, 2, 3, 4, 5, 6]
    assert ids(sections="general")[0] == [1, 4, 5]  # 6 is economic now
    assert ids(sections="economic,political")[0] == [2, 3, 6]
    got, result = ids(since="2025-04-01", until="2025-04-30")
    assert got == [1, 2, 3, 6]
    assert (result.written, result.filtered, result.superseded) == (4, 2, 1)
    assert result.summary_line().endswith("1 duplicate superseded, 2 filtered out -> " + str(tmp_path / "out") + "/")
    assert ids(since="2025-05-01")[0] == [4]
    assert ids(until="2025-03-31")[0] == [5]
    assert ids(langs="uk", sections="general", since="2025-04-01")[0] == [1, 4]


@pytest.mark.parametrize(
    "kw",
    [{"fmt": "xml"}, {"since": "2025-4-1"}, {"until": "2025-02-30"}, {"since": "2025-05-01", "until": "2025-04-01"}],
)
def test_bad_options_are_usage_errors(tmp_path, kw):
    run = write_run(tmp_path / "run.jsonl", [article(1)])
    with pytest.raises(DatasetUsageError):
        build([run], tmp_path / "out", **kw)
    assert not (tmp_path / "out").exists()


def test_month_partitions_sorted_by_published_then_id(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [
        article(30, published_at="2025-05-01T00:30:00+03:00"),  # 2025-04-30 in UTC: still May
        article(20, published_at="2025-04-11T21:32:00+03:00"),
        article(10, published_at="2025-04-11T21:32:00+03:00"),
        article(40, published_at="2025-04-11T20:32:00+02:00"),  # the same instant as 10 and 20
        article(5, published_at="2025-04-12T08:00:00+03:00"),
        article(7, published_at="2024-12-31T23:59:00+02:00"),
        article(8, published_at="2025-01-01T00:00:00+02:00"),
    ])  # fmt: skip
    out = tmp_path / "out"
    result = build([run], out)
    parts = sorted(str(p.relative_to(out)) for p in out.rglob("*.jsonl.gz"))
    assert parts == ["2024/2024-12.jsonl.gz", "2025/2025-01.jsonl.gz", "2025/2025-04.jsonl.gz", "2025/2025-05.jsonl.gz"]
    assert [r["id"] for r in read_gz_lines(out / "2025" / "2025-04.jsonl.gz")] == [10, 20, 40, 5]
    assert [r["id"] for r in read_gz_lines(out / "2025" / "2025-05.jsonl.gz")] == [30]
    assert [r["id"] for r in read_gz_lines(out / "2024" / "2024-12.jsonl.gz")] == [7]
    assert result.months == 4
    assert result.outputs == [("2024/2024-12.jsonl.gz", 1), ("2025/2025-01.jsonl.gz", 1),
                              ("2025/2025-04.jsonl.gz", 4), ("2025/2025-05.jsonl.gz", 1)]  # fmt: skip

    # --single, then partitions again: a rebuild leaves no stale file of the previous layout
    build([run], out, single=True)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.gz")) == ["articles.jsonl.gz"]
    assert [r["id"] for r in read_gz_lines(out / "articles.jsonl.gz")] == [7, 8, 10, 20, 40, 5, 30]
    build([run], out, until="2025-01-31")
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.gz")) == ["2024/2024-12.jsonl.gz", "2025/2025-01.jsonl.gz"]


def test_csv_flattens_lists(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [
        article(1, tags=["a", "б"], images=[{"url": "https://x/1.jpg", "caption": None}, {"url": "https://x/2.jpg", "caption": "c"}],
                related=[{"id": 7, "url": "https://interfax.com.ua/news/general/7.html", "title": None},
                         {"id": 8, "url": "https://interfax.com.ua/news/general/8.html", "title": "t"}],
                text='Абзац, "лапки".\n\nДругий; абзац.'),
        article(2, tags=[], images=[], related=[], lead=None, reading_time=None,
                published_at="2025-04-12T08:00:00+03:00"),
    ])  # fmt: skip
    out = tmp_path / "out"
    build([run], out, fmt="csv", single=True)
    assert not list(out.rglob("*.jsonl.gz"))
    with gzip.open(out / "articles.csv.gz", "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [
        "id", "url", "lang", "section", "title", "lead", "text", "published_at", "modified_at", "tags",
        "image_url", "image_count", "photo_credit", "source", "related_ids", "reading_time", "word_count",
        "crawled_at",
    ]  # fmt: skip
    first, second = rows
    assert first["id"] == "1" and first["tags"] == "a;б" and first["image_url"] == "https://x/1.jpg"
    assert first["image_count"] == "2" and first["related_ids"] == "7;8"
    assert first["text"] == 'Абзац, "лапки".\n\nДругий; абзац.'
    assert first["modified_at"] == "" and first["reading_time"] == "1"
    assert (second["tags"], second["image_url"], second["image_count"], second["related_ids"]) == ("", "", "0", "")
    assert second["lead"] == "" and second["reading_time"] == ""
    assert "CSV" in (out / "README.md").read_text("utf-8")

    build([run], out, fmt="csv")  # partitioned CSV
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.gz")) == ["2025/2025-04.csv.gz"]


# --------------------------------------------------------------------------------------------
# Damaged inputs and invalid records


def test_corrupt_line_and_truncated_last_line_are_reported_and_skipped(tmp_path):
    run = write_run(
        tmp_path / "run.jsonl",
        [article(1), '{"id": 2, "url": broken', "", article(3), b"\xff\xfe not utf-8".decode("latin-1")],
        tail='{"id": 4, "url": "https://interfax.com.ua/news/gen',  # killed mid-write
    )
    out = tmp_path / "out"
    result = build([run], out)
    assert sorted(r["id"] for r in read_all(out)) == [1, 3]
    assert result.corrupt == 3 and result.rejected == 3 and result.lines == 5
    entries = rejected(out)
    assert [(e["file"], e["line"]) for e in entries] == [(str(run), 2), (str(run), 5), (str(run), 6)]
    assert entries[0]["reason"].startswith("corrupt line:") and entries[0]["raw"] == '{"id": 2, "url": broken'
    assert entries[2]["reason"].startswith("truncated last line")
    assert entries[2]["raw"].startswith('{"id": 4')
    assert "3 rejected" in result.summary_line()


def test_last_line_without_newline_but_complete_is_kept(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [article(1)], tail=json.dumps(article(2)))
    result = build([run], tmp_path / "out")
    assert result.written == 2 and result.rejected == 0


def _incompressible_records(n: int) -> list[dict]:
    return [article(i, text=os.urandom(1500).hex()) for i in range(1, n + 1)]


def test_truncated_gzip_keeps_records_before_the_damage(tmp_path):
    path = write_run(tmp_path / "killed.jsonl.gz", _incompressible_records(200), gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    good = write_run(tmp_path / "good.jsonl", [article(1000)])
    out = tmp_path / "out"
    result = build([path, good], out)
    kept = sorted(r["id"] for r in read_all(out))
    assert 50 < len(kept) < 150, len(kept)
    assert kept[:-1] == list(range(1, len(kept))) and kept[-1] == 1000  # a prefix of the file, and the next file
    assert result.damaged_files == 1 and result.rejected == 1
    (entry,) = rejected(out)
    assert entry["file"] == str(path) and entry["line"] == len(kept)  # the first line not read whole
    assert entry["reason"].startswith("truncated gzip stream")
    assert f"{len(kept) - 1} lines before it kept" in entry["reason"]


def test_corrupt_gzip_is_reported(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"this is not gzip at all\n")
    data = bytearray(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in _incompressible_records(100))))
    for i in range(len(data) // 2, len(data) // 2 + 64):  # garble the middle of the deflate stream
        data[i] ^= 0x55
    middle = tmp_path / "middle.jsonl.gz"
    middle.write_bytes(bytes(data))
    out = tmp_path / "out"
    result = build([path, middle, write_run(tmp_path / "ok.jsonl", [article(500)])], out)
    assert result.damaged_files == 2
    entries = rejected(out)
    assert entries[0]["file"] == str(path) and entries[0]["line"] == 1
    assert entries[0]["reason"].startswith("corrupt gzip stream") and "0 lines before it kept" in entries[0]["reason"]
    # the garbled middle shows up as corrupt lines (or a deflate error), and at the end at the latest
    # as a CRC failure; the records of the intact first half are kept
    assert [e["file"] for e in entries[1:]] == [str(middle)] * (len(entries) - 1)
    assert entries[-1]["reason"].startswith("corrupt gzip stream")
    kept = {r["id"] for r in read_all(out)}
    assert 500 in kept and set(range(1, 40)) <= kept


def test_invalid_records_go_to_rejected_jsonl(tmp_path):
    bad_title = article(2)
    bad_title["title"] = ""
    extra = dict(article(3), colour="red")
    wrong_type = dict(article(4), id="4")
    no_text = article(5)
    del no_text["text"]
    bad_date = dict(article(6), published_at="2025-02-30T10:00:00+02:00")  # matches the pattern
    float_id = dict(article(7), id=7.0)  # JSON Schema says 7.0 is an integer: accepted
    run = write_run(tmp_path / "run.jsonl", [article(1), bad_title, extra, wrong_type, no_text, bad_date, "[1, 2]", float_id])
    out = tmp_path / "out"
    result = build([run], out)
    assert sorted(r["id"] for r in read_all(out)) == [1, 7]
    assert (result.invalid, result.rejected, result.valid) == (6, 6, 2)
    entries = rejected(out)
    assert [e["line"] for e in entries] == [2, 3, 4, 5, 6, 7]
    assert all(e["file"] == str(run) and e["reason"].startswith("invalid record: ") for e in entries)
    assert "$.title" in entries[0]["reason"] and entries[0]["record"] == bad_title and entries[0]["id"] == 2
    assert "colour" in entries[1]["reason"]
    assert "$.id" in entries[2]["reason"] and "integer" in entries[2]["reason"]
    assert "'text' is a required property" in entries[3]["reason"]
    assert "not a real date" in entries[4]["reason"]
    assert "array" not in entries[5] and entries[5]["record"] == [1, 2]
    card = (out / "README.md").read_text("utf-8")
    assert "| rejected: invalid records | 6 |" in card


# --------------------------------------------------------------------------------------------
# The card and the chart


def _table(card: str, heading: str) -> dict[str, list[str]]:
    """The rows of the Markdown table under ``## heading``: first cell -> the other cells."""
    section = card.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_card_figures_match_the_data(tmp_path):
    records = []
    sections = ["general", "political", "economic"]
    for i in range(1, 61):
        month = 3 + i % 3
        records.append(article(
            i, section=sections[i % 3 if i % 5 else 0], lang="ru" if i % 4 == 0 else "uk",
            published_at=f"2025-{month:02d}-{1 + i % 28:02d}T12:00:00+0{2 if month == 3 else 3}:00",
            lead=None if i % 2 else "Лід", tags=[] if i % 3 else ["t"], photo_credit="Фото: x" if i % 7 == 0 else None,
        ))  # fmt: skip
    run1 = write_run(tmp_path / "a.jsonl", records[:40] + ["{oops"])
    run2 = write_run(tmp_path / "b.jsonl", records[30:] + [dict(records[0], lang="de")])
    out = tmp_path / "out"
    result = build([run1, run2], out, command_line="scrapy dataset a.jsonl b.jsonl -o out")
    card = (out / "README.md").read_text("utf-8")
    data = read_all(out)
    assert card.startswith(CARD_MARKER + "\n")
    assert len(data) == 60 and result.written == 60

    overview = _table(card, "Files")
    assert sum(int(v[0].replace(",", "")) for k, v in overview.items() if k.endswith(".jsonl.gz")) == 60
    assert f"| records | {len(data)} |" in card
    days = sorted(r["published_at"][:10] for r in data)
    assert f"| published (Kyiv dates) | {days[0]} to {days[-1]} |" in card
    assert f"published from {days[0]} to {days[-1]}" in card

    sec = _table(card, "Articles per section")
    assert {k: int(v[0]) for k, v in sec.items() if k != "section"} == Counter(r["section"] for r in data)
    months = _table(card, "Articles per month")
    assert {k: int(v[0]) for k, v in months.items() if re.match(r"\d{4}-\d{2}$", k)} == Counter(
        r["published_at"][:7] for r in data
    )
    coverage = _table(card, "Field coverage")
    for name in FIELDS:
        n = sum(1 for r in data if r.get(name) not in (None, "", [], {}))
        assert coverage[name] == [str(n), f"{100 * n / len(data):.1f}%"], name
    assert coverage["lead"][0] == "30" and coverage["modified_at"] == ["0", "0.0%"]

    schema_rows = _table(card, "Record schema")
    assert list(schema_rows)[1:] == FIELDS
    for name, prop in SCHEMA["properties"].items():
        assert schema_rows[name][2] == prop["description"].replace("|", "\\|")
    assert schema_rows["lead"][0] == "string \\| null" and schema_rows["id"][1] == "yes"

    built = _table(card, "How this dataset was built")
    assert built["lines read (not blank)"] == ["72"]
    assert built["rejected: corrupt or truncated lines"] == ["1"]
    assert built["rejected: invalid records"] == ["1"]
    assert built["older versions superseded by a newer crawl"] == ["10"]
    assert built["**records in this dataset**"] == ["**60**"]
    assert "`scrapy dataset a.jsonl b.jsonl -o out`" in card
    assert f"interfax {__version__}" in card
    assert f"  - `{run1}`\n  - `{run2}`" in card
    assert "![" in card and "](articles_per_day.svg)" in card

    svg = (out / "articles_per_day.svg").read_text("utf-8")
    assert svg.startswith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
    bars = re.findall(r"<title>(\d{4}-\d{2}-\d{2}): (\d+)</title>", svg)
    assert {d: int(c) for d, c in bars} == Counter(r["published_at"][:10] for r in data)


def test_chart_of_nothing_and_of_one_day():
    assert "no articles" in render_chart({})
    svg = render_chart({"2025-04-11": 3})
    assert "<title>2025-04-11: 3</title>" in svg and svg.count("<rect") == 2


def test_empty_result_still_gets_a_card(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [article(1, lang="en")])
    result = build([run], tmp_path / "out", langs="uk")
    assert result.written == 0 and result.filtered == 1
    assert "no articles" in (tmp_path / "out" / "README.md").read_text("utf-8")


# --------------------------------------------------------------------------------------------
# Determinism


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuilds_are_byte_identical(tmp_path):
    runs = [
        write_run(tmp_path / "a.jsonl.gz", [article(i, published_at=f"2025-0{1 + i % 5}-10T10:00:00+0{2 if i % 5 < 2 else 3}:00") for i in range(1, 40)], gz=True),
        write_run(tmp_path / "b.jsonl", [article(i, title="edit", crawled_at="2026-02-01T00:00:00+00:00") for i in range(20, 50)] + ["{bad"]),
    ]  # fmt: skip
    for kw in ({}, {"fmt": "csv"}, {"single": True}):
        build(runs, tmp_path / "one", **kw)
        first = _snapshot(tmp_path / "one")
        build(runs, tmp_path / "one", **kw)
        assert _snapshot(tmp_path / "one") == first
        build(runs, tmp_path / "two", **kw)  # another folder, same command line quoted in the card
        assert _snapshot(tmp_path / "two") == first
        assert not [p for p in (tmp_path / "one").iterdir() if p.name.startswith(".")]  # no leftovers
    gz = next((tmp_path / "one").glob("*.gz")).read_bytes()
    assert gz[3] & 0x08 == 0, "no file name in the gzip header"
    assert gz[4:8] == b"\0\0\0\0", "mtime 0 in the gzip header"


def test_refuses_to_overwrite_a_readme_it_did_not_write(tmp_path):
    out = tmp_path / "project"
    out.mkdir()
    (out / "README.md").write_text("# My project\n")
    with pytest.raises(DatasetError, match="not written by"):
        build([write_run(tmp_path / "run.jsonl", [article(1)])], out)
    assert (out / "README.md").read_text() == "# My project\n"


def test_refuses_an_output_folder_that_is_or_holds_an_input(tmp_path):
    """`scrapy dataset DIR -o DIR` used to read the previous build's rejected.jsonl back as its only
    input and replace the dataset with an empty one."""
    runs = tmp_path / "runs"
    write_run(runs / "a.jsonl", [article(1), article(2)])
    out = tmp_path / "dataset"
    build([runs], out)
    before = _snapshot(out)
    for inputs, message in (
        ([out], "this input is the output folder"),
        ([str(out) + "/"], "this input is the output folder"),
        ([runs, out / "rejected.jsonl"], "this input is inside the output folder"),
        ([out / "2025"], "this input is inside the output folder"),
    ):
        with pytest.raises(DatasetError, match=message):
            build(inputs, out)
        assert _snapshot(out) == before, inputs
    # a folder of run files inside the output folder: refused too (the output is not a dataset then)
    inner = tmp_path / "new"
    write_run(inner / "articles" / "a.jsonl", [article(1)])
    with pytest.raises(DatasetError, match="this input is inside the output folder"):
        build([inner / "articles"], inner)
    assert sorted(p.name for p in inner.iterdir()) == ["articles"]
    # a glob of the output's own files matches nothing it may read
    with pytest.raises(DatasetError, match="no file matches"):
        build([str(out / "*.jsonl")], out)
    assert _snapshot(out) == before


def test_refuses_a_non_empty_folder_that_holds_no_dataset(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [article(1)])
    source = tmp_path / "package"  # `-o interfax` wrote a card, a chart and month files among the sources
    source.mkdir()
    (source / "__init__.py").write_text("")
    (source / "settings.py").write_text("X = 1\n")
    with pytest.raises(DatasetError, match=r"package: the folder is not empty \(__init__.py, ...\) and holds no dataset"):
        build([run], source)
    assert sorted(p.name for p in source.iterdir()) == ["__init__.py", "settings.py"]
    # an empty folder, and one holding only a killed build's temporary folder, are fine
    empty = tmp_path / "empty"
    (empty / ".dataset-tmp-x1y2").mkdir(parents=True)
    assert build([run], empty).written == 1


def test_a_datasets_rejected_lines_are_never_read_as_run_files(tmp_path):
    runs = tmp_path / "runs"
    write_run(runs / "a.jsonl", [article(1), "{torn"])
    first = tmp_path / "first"
    build([runs], first)
    assert len(rejected(first)) == 1
    again = build([first], tmp_path / "second")  # an earlier dataset as input: its records, not its rejected lines
    assert (again.files, again.written, again.rejected) == (1, 1, 0)


def test_a_glob_of_folders_without_run_files_is_an_error(tmp_path):
    (tmp_path / "data" / "2026-01").mkdir(parents=True)
    (tmp_path / "data" / "2026-01" / "notes.txt").write_text("no runs here")
    with pytest.raises(DatasetError, match="no \\*.jsonl, \\*.jsonl.gz or \\*.jl files in the folders this pattern matches"):
        build([str(tmp_path / "data" / "2026-*")], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_input_raises_before_writing(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [article(1)])
    for missing in ([run, tmp_path / "nope.jsonl"], [str(tmp_path / "*.nothing")], [tmp_path / "empty"]):
        (tmp_path / "empty").mkdir(exist_ok=True)
        with pytest.raises(DatasetError):
            build(missing, tmp_path / "out")
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------------------------
# Validation fast path and progress


_ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**12) | st.floats(allow_nan=False) | st.sampled_from(
        ["", " ", "uk", "ru", "xx", "general", "Bad Section", "2025-04-11T21:32:00+03:00", "2025-04-11T21:32:00+04:00",
         "2026-01-12T10:00:00.5+00:00", "https://interfax.com.ua/news/general/1.html",
         "https://interfax.com.ua/news/general/1-amp.html", "http://x", "ftp://x", "٣"]
    ) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "url", "title", "caption", "x"]), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS + ["extra"]), value=_ANY_JSON, drop=st.booleans())
def test_fast_check_never_accepts_what_jsonschema_rejects(field, value, drop):
    fast = compile_fast_check(SCHEMA)
    assert fast is not None
    record = article(1)
    if drop and field in record:
        del record[field]
    else:
        record[field] = value
    if fast(record):
        assert not list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(record))


def _integral_floats(value) -> bool:
    """The instance holds a float that JSON Schema counts as an integer (``1.0``), which the fast check does not."""
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, list):
        return any(_integral_floats(v) for v in value)
    if isinstance(value, dict):
        return any(_integral_floats(v) for v in value.values())
    return False


_SUBSCHEMAS = st.recursive(
    st.fixed_dictionaries({}, optional={
        "type": st.sampled_from(["string", "integer", "number", "null", "boolean", "array", "object",
                                 ["string", "null"], ["integer", "null"], ["array", "object"], ["number", "string"]]),
        "enum": st.lists(st.sampled_from(["uk", "ru", "", "general"]), max_size=3),
        "minLength": st.integers(0, 3),
        "pattern": st.sampled_from(["^https?://", "^[a-z0-9-]+$", "\\d", "^$"]),
        "minimum": st.integers(-1, 2) | st.floats(-1, 2),
    }),
    lambda inner: st.fixed_dictionaries({}, optional={
        "type": st.sampled_from(["array", "object", ["array", "object", "null"]]),
        "items": inner,
        "required": st.lists(st.sampled_from(["id", "url", "title"]), max_size=2, unique=True),
        "properties": st.dictionaries(st.sampled_from(["id", "url", "title", "caption"]), inner, max_size=3),
        "additionalProperties": st.booleans(),
    }),
    max_leaves=6,
)  # fmt: skip


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=_SUBSCHEMAS, value=_ANY_JSON)
def test_fast_check_of_any_schema_in_its_subset_agrees_with_jsonschema(schema, value):
    """The compiled check says what jsonschema says, but for floats such as 1.0 (not integers to it)."""
    fast = compile_fast_check(schema)
    assert fast is not None
    valid = not list(jsonschema.Draft202012Validator(schema).iter_errors(value))
    if fast(value):
        assert valid
    elif valid:
        assert _integral_floats(value), fast.source


def test_fast_check_accepts_valid_records_and_falls_back_for_unknown_keywords():
    fast = compile_fast_check(SCHEMA)
    assert fast(article(1)) and fast(article(2, lang="en", tags=[], images=[], related=[]))
    assert compile_fast_check({"type": "object", "oneOf": []}) is None
    validator = RecordValidator({"type": "object", "properties": {"n": {"multipleOf": 2}}})
    assert validator.fast is None
    assert validator.errors({"n": 4}) == [] and validator.errors({"n": 3})


class _Stream(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


def test_progress_is_quiet_on_short_runs_and_redraws_on_a_tty():
    now = [0.0]
    quiet = _Stream(False)
    p = Progress(quiet, every=30, clock=lambda: now[0])
    p.start("reading")
    now[0] = 10
    p.update(5000)
    p.finish(6000)
    p.close()
    assert quiet.getvalue() == ""
    now[0] = 31
    p.update(9000)
    assert quiet.getvalue() == "dataset: reading: 9,000 records (290 records/s)\n"

    tty = _Stream(True)
    p = Progress(tty, every=None, clock=lambda: now[0])
    p.start("writing")
    now[0] += 1
    p.update(100)
    p.close()
    assert tty.getvalue() == "\rdataset: writing: 100 records (100 records/s)\x1b[K\n"
    silent = _Stream(False)
    p = Progress(silent, every=0, clock=lambda: now[0])
    now[0] += 1000
    p.update(1)
    assert silent.getvalue() == ""


# --------------------------------------------------------------------------------------------
# The real command


def _scrapy_env(tmp_path: Path) -> dict[str, str]:
    """Environment for ``python -m scrapy``: the project's settings if they enable the command,
    else a stand-in settings module that does (``-s COMMANDS_MODULE=...`` cannot: Scrapy looks
    the command up before it reads ``-s``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRAPY_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path), str(ROOT), env.get("PYTHONPATH")]))
    check = subprocess.run(
        [sys.executable, "-c", "import interfax.settings as s; print(getattr(s, 'COMMANDS_MODULE', ''))"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if check.returncode != 0 or check.stdout.strip() != "interfax.commands":
        (tmp_path / "dataset_test_settings.py").write_text(
            "try:\n    from interfax.settings import *  # noqa\nexcept ImportError:\n    BOT_NAME = 'interfax'\n"
            "COMMANDS_MODULE = 'interfax.commands'\n"
        )
        env["SCRAPY_SETTINGS_MODULE"] = "dataset_test_settings"
    return env


def _scrapy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "dataset", *args],
        cwd=ROOT, env=_scrapy_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_command_runs_in_a_subprocess(tmp_path):
    runs = tmp_path / "data" / "articles"
    write_run(runs / "2026-01-12T10-00-00.jsonl", [article(1), article(2, published_at="2025-05-02T10:00:00+03:00"), "{torn"])
    write_run(runs / "2026-01-13T10-00-00.jsonl.gz", [article(1, title="edited", crawled_at="2026-01-13T10:00:00+00:00"), article(3, lang="ru")], gz=True)
    out = tmp_path / "out"
    proc = _scrapy(tmp_path, str(tmp_path / "data"), "-o", str(out), "--lang", "uk,ru", "--since", "2025-01-01")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (
        f"dataset: 3 records (2 months) from 2 files, 1 rejected, 1 duplicate superseded, 0 filtered out -> {out}/\n"
    )
    assert proc.stderr == ""
    assert {r["id"]: r["title"] for r in read_all(out)}[1] == "edited"
    card = (out / "README.md").read_text("utf-8")
    assert f"`scrapy dataset {tmp_path / 'data'} -o {out} --lang uk,ru --since 2025-01-01" in card
    assert len(rejected(out)) == 1

    csv_out = tmp_path / "csv"
    proc = _scrapy(tmp_path, str(runs / "*.jsonl*"), "-o", str(csv_out), "--format", "csv", "--single")
    assert proc.returncode == 0, proc.stderr
    assert (csv_out / "articles.csv.gz").exists()


def test_command_missing_input_and_usage_errors_exit_non_zero(tmp_path):
    run = write_run(tmp_path / "run.jsonl", [article(1)])
    out = tmp_path / "out"
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("not a dataset")
    cases = [
        ((str(run), str(tmp_path / "missing.jsonl"), "-o", str(out)), 1, "missing.jsonl: no such file or folder"),
        ((str(run),), 2, "-o DIR is required"),
        (("-o", str(out)), 2, "no inputs given"),
        ((str(run), "-o", str(out), "--format", "parquet"), 2, "--format must be one of jsonl, csv"),
        ((str(run), "-o", str(out), "--since", "yesterday"), 2, "--since must be a date YYYY-MM-DD"),
        ((str(run), "-o", str(out), "--bogus"), 2, "unknown option --bogus"),
        ((str(run), "-o"), 2, "expected one argument"),
        ((str(tmp_path), "-o", str(tmp_path)), 1, f"{tmp_path}: this input is the output folder"),
        ((str(run), "-o", str(notes)), 1, f"{notes}: the folder is not empty (notes.txt) and holds no dataset"),
    ]
    for args, code, message in cases:
        proc = _scrapy(tmp_path, *args)
        assert proc.returncode == code, (args, proc.stdout, proc.stderr)
        assert proc.stdout == ""
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("scrapy dataset: error: ") and message in lines[0], proc.stderr
    assert not out.exists()


def test_lang_and_section_values_are_checked_and_a_filter_that_keeps_nothing_says_so(tmp_path):
    """Before, `--lang ua` or `--section politics` built an empty dataset without a word (exit 0) and
    `--lang ""` meant no filter."""
    run = write_run(tmp_path / "run.jsonl", [article(1), article(2, lang="ru", section="political")])
    result = build([run], tmp_path / "out", langs="ua")
    assert sorted(r["id"] for r in read_all(tmp_path / "out")) == [1]
    assert result.notes == ["--lang ua read as uk (the site's code for its Ukrainian edition)"] and result.warnings == []
    for kw, message in [
        ({"langs": "de"}, "--lang 'de' is not a language of the site: uk, ru or en (comma-separated)"),
        ({"langs": ""}, "--lang '' names no value: give a language (uk, ru or en), or leave the option out to keep all"),
        ({"langs": ["uk", ","]}, None),  # (one value names languages: fine)
        ({"sections": ",,"}, "--section ',,' names no value: give a section (general, political, economic, ...), "
                             "or leave the option out to keep all"),
        ({"sections": "Politics"}, "--section 'Politics' is not a section slug"),
    ]:
        if message is None:
            build([run], tmp_path / "ok", **kw)
            continue
        with pytest.raises(DatasetUsageError, match="^" + re.escape(message)):
            build([run], tmp_path / "bad", **kw)
        assert not (tmp_path / "bad").exists()
    result = build([run], tmp_path / "none", sections="politics")
    assert result.written == 0 and result.warnings == [
        "--section politics matches no record (the inputs hold general, political)",
        "the filters removed every record (2): the dataset is empty",
    ]
    result = build([run], tmp_path / "some", sections="political,politics", langs="uk,ru")
    assert result.written == 1 and result.warnings == ["--section politics matches no record (the inputs hold general, political)"]


def test_the_command_prints_notes_and_warnings_and_exits_2_on_a_bad_language(tmp_path):
    write_run(tmp_path / "data" / "run.jsonl", [article(1)])
    bad = _scrapy(tmp_path, str(tmp_path / "data"), "-o", str(tmp_path / "out"), "--lang", "ua,de")
    assert (bad.returncode, bad.stderr) == (2, "scrapy dataset: error: --lang 'de' is not a language of the site: uk, ru or en (comma-separated)\n")
    empty = _scrapy(tmp_path, str(tmp_path / "data"), "-o", str(tmp_path / "out"), "--lang", "ua", "--section", "politics")
    assert empty.returncode == 0, empty.stderr
    assert empty.stderr.splitlines() == [
        "scrapy dataset: note: --lang ua read as uk (the site's code for its Ukrainian edition)",
        "scrapy dataset: warning: --section politics matches no record (the inputs hold general)",
        "scrapy dataset: warning: the filters removed every record (1): the dataset is empty",
    ]


def test_a_missing_tmp_dir_is_a_usage_error_and_nothing_is_written(tmp_path):
    """Before: an error naming an internal path, and a .dataset-tmp-* folder left in the output."""
    write_run(tmp_path / "data" / "run.jsonl", [article(1)])
    out = tmp_path / "out"
    out.mkdir()
    result = _scrapy(tmp_path, str(tmp_path / "data"), "-o", str(out), "--tmp-dir", str(tmp_path / "missing"))
    assert (result.returncode, result.stderr) == (
        2, f"scrapy dataset: error: --tmp-dir {tmp_path / 'missing'} does not exist (create it first)\n")
    assert list(out.iterdir()) == []
    (tmp_path / "plain").write_text("")
    with pytest.raises(DatasetUsageError, match=r"--tmp-dir .*plain is not a folder$"):
        build([tmp_path / "data" / "run.jsonl"], out, tmp_dir=tmp_path / "plain")
    assert list(out.iterdir()) == []
