"""`newslint stats FILE...`: a readability table per draft (rich), or the same numbers as JSON."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, TextIO

from newslint.config import Config
from newslint.document import DocumentError
from newslint.engine import Linter, Overrides
from newslint.reader import decode, read_text

#: the JSON rows, in display order, with their labels for the table
FIELDS = (
    ("words", "Words"),
    ("sentences", "Sentences"),
    ("paragraphs", "Paragraphs"),
    ("words_per_sentence", "Words per sentence"),
    ("longest_sentence", "Longest sentence (words)"),
    ("flesch_reading_ease", "Flesch reading ease"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("gunning_fog", "Gunning fog"),
    ("smog_index", "SMOG grade"),
    ("coleman_liau_index", "Coleman-Liau grade"),
    ("reading_time_seconds", "Reading time"),
)


@dataclass(frozen=True)
class FileStats:
    path: str
    numbers: dict | None = None
    error: str | None = None

    def to_json(self) -> dict:
        return {"path": self.path, **(self.numbers or {}), "error": self.error}


def measure_source(linter: Linter, source: str, path: str, config: Config) -> FileStats:
    from newslint.checks.readability import measure

    try:
        doc = linter.parse(source, path, config, linter.registry(config))
        return FileStats(path, measure(doc).to_json())
    except DocumentError as exc:
        return FileStats(path, error=str(exc))


def measure_files(paths: Sequence[str], linter: Linter, *, stdin_name: str = "<stdin>") -> list[FileStats]:
    from newslint.discovery import discover

    results: list[FileStats] = []
    for name in paths:
        if name == "-":
            config = linter.config_for(None)
            try:
                source = decode(sys.stdin.buffer.read(), config.encoding, max_size=config.max_file_size)
            except DocumentError as exc:
                results.append(FileStats(stdin_name, error=str(exc)))
                continue
            results.append(measure_source(linter, source, stdin_name, config))
            continue
        if not Path(name).exists():
            results.append(FileStats(name, error="no such file or directory"))
            continue
        config = linter.config_for(Path(name))
        for path in discover([name], config.include, config.exclude):
            try:
                source = read_text(path, config.encoding, max_size=config.max_file_size)
            except DocumentError as exc:
                results.append(FileStats(str(path), error=str(exc)))
                continue
            results.append(measure_source(linter, source, str(path), linter.config_for(path)))
    return results


def reading_time(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def report_json(results: Sequence[FileStats], stream: TextIO) -> None:
    stream.write(json.dumps({"version": 1, "files": [r.to_json() for r in results]}, indent=2) + "\n")


def report_rich(results: Sequence[FileStats], stream: TextIO, *, color: bool | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, no_color=color is False, highlight=False,
                      force_terminal=None if color is None else color)
    for result in results:
        if result.error:
            console.print(f"[bold]{result.path}[/bold]: [red]error[/red]: {result.error}")
            continue
        console.print(f"[bold]{result.path}[/bold]", soft_wrap=True)
        table = Table(show_header=True)
        table.add_column("measure")
        table.add_column("value", justify="right")
        for key, label in FIELDS:
            value = result.numbers[key]
            table.add_row(label, reading_time(value) if key == "reading_time_seconds" else f"{value:g}")
        console.print(table)


def run_stats(args) -> int:
    """The `stats` subcommand; exit 2 when a file could not be measured, 0 otherwise."""
    from newslint.config import load_config

    overrides = Overrides(config_path=args.config, format=args.input_format, isolated=args.isolated)
    config = Config() if args.isolated else (load_config(args.config) if args.config else None)
    linter = Linter(overrides, config=config)
    results = measure_files(args.paths, linter, stdin_name=args.stdin_filename or "<stdin>")
    if args.output_format == "json":
        report_json(results, sys.stdout)
    else:
        report_rich(results, sys.stdout, color=False if args.no_color else None)
    return 2 if any(r.error for r in results) else 0
