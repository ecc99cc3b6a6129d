"""``scrapy dataset``: merge run files into one deduplicated, validated dataset with a card.

Only the command line lives here; the work is done by :func:`interfax.dataset.build_dataset`.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from scrapy.commands import ScrapyCommand

from interfax.dataset import (
    FORMATS,
    DatasetError,
    DatasetUsageError,
    Progress,
    build_dataset,
    command_line_of,
)

USAGE_EXIT = 2
INPUT_EXIT = 1


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "<inputs...> -o DIR [--format jsonl|csv] [--single] [--lang L,..] [--section S,..] [--since YYYY-MM-DD] [--until YYYY-MM-DD]"

    def short_desc(self) -> str:
        return "Merge run files into one deduplicated, validated dataset with a card"

    def long_desc(self) -> str:
        return (
            "Merge JSON Lines run files (plain or .gz; files, globs or folders, a folder meaning every "
            "*.jsonl, *.jsonl.gz and *.jl below it) into DIR: one record per id (the latest crawled_at "
            "wins), validated against interfax/schemas/article.json, sorted by published_at then id, "
            "in monthly files DIR/YYYY/YYYY-MM.jsonl.gz (or one file with --single), with rejected "
            "lines in DIR/rejected.jsonl, a dataset card DIR/README.md and DIR/articles_per_day.svg."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        # One-line errors: argparse would print the usage too. This parser belongs to this command.
        parser.error = self._usage_error  # type: ignore[method-assign]
        group = parser.add_argument_group(title="Dataset Options")
        group.add_argument("-o", "--output", metavar="DIR", help="output folder (required)")
        group.add_argument(
            "--format", default="jsonl", metavar="FORMAT",
            help=f"file format: {' or '.join(FORMATS)} (default: jsonl)",
        )  # fmt: skip
        group.add_argument(
            "--single", action="store_true",
            help="one file DIR/articles.<format>.gz instead of one per month",
        )  # fmt: skip
        group.add_argument("--lang", action="append", metavar="L,..", help="keep these languages (uk, ru, en)")
        group.add_argument("--section", action="append", metavar="S,..", help="keep these sections")
        group.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after (Kyiv date)")
        group.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before (Kyiv date)")
        group.add_argument(
            "--tmp-dir", metavar="DIR",
            help="folder for the temporary merge store (default: inside the output folder)",
        )  # fmt: skip
        group.add_argument(
            "--progress-every", type=float, default=30.0, metavar="SECONDS",
            help="when stderr is not a terminal, print progress every SECONDS (0: never; default 30)",
        )  # fmt: skip

    def _usage_error(self, message: str) -> NoReturn:
        print(f"scrapy dataset: error: {message}", file=sys.stderr)
        sys.exit(USAGE_EXIT)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        unknown = [a for a in args if a.startswith("-") and a != "-"]
        if unknown:
            self._fail(f"unknown option {unknown[0]}", USAGE_EXIT)
            return
        if not args:
            self._fail("no inputs given (files, globs or folders of JSON Lines run files)", USAGE_EXIT)
            return
        if not opts.output:
            self._fail("-o DIR is required", USAGE_EXIT)
            return
        try:
            result = build_dataset(
                args,
                opts.output,
                fmt=opts.format,
                single=opts.single,
                langs=opts.lang,
                sections=opts.section,
                since=opts.since,
                until=opts.until,
                tmp_dir=opts.tmp_dir,
                command_line=command_line_of(sys.argv[1:]),
                progress=Progress(sys.stderr, every=opts.progress_every),
            )
        except DatasetUsageError as exc:
            self._fail(str(exc), USAGE_EXIT)
            return
        except DatasetError as exc:
            self._fail(str(exc), INPUT_EXIT)
            return
        except OSError as exc:  # e.g. the output folder cannot be written, the disk is full
            self._fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "), INPUT_EXIT)
            return
        for note in result.notes:
            print(f"scrapy dataset: note: {note}", file=sys.stderr)
        for warning in result.warnings:
            print(f"scrapy dataset: warning: {warning}", file=sys.stderr)
        print(result.summary_line())

    def _fail(self, message: str, code: int) -> None:
        print(f"scrapy dataset: error: {message}", file=sys.stderr)
        self.exitcode = code
