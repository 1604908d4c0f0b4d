"""Benchmark NL601: LanguageTool latency per 800-word draft through newslint, and findings per 1,000 words
with and without newslint's filtering.

    scripts/languagetool-server start
    .venv/bin/python bench/grammar.py ../shared/corpus/wikinews [--server http://127.0.0.1:8081]

"Raw" is LanguageTool with its default rules on the same prose; "newslint" is
what NL601 reports (duplicate rules off, names and quotations filtered).
"""
from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path

from newslint.api import check_text_result
from newslint.checks.grammar import Grammar, GrammarOptions
from newslint.config import Config, config_from_mapping
from newslint.engine import Linter

DRAFT_WORDS = 800


def parse(linter: Linter, config: Config, path: Path):
    return linter.parse(path.read_text(encoding="utf-8"), str(path), config, linter.ruleset(config).registry)


def drafts_of(paths: list[Path], words: int) -> list[str]:
    """Whole paragraphs of the corpus, in order, cut into drafts of about ``words`` words."""
    drafts, current, count = [], [], 0
    for path in paths:
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        for paragraph in (p.strip() for p in body.split("\n\n")):
            if not paragraph or paragraph.startswith("#"):
                continue
            current.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                drafts.append("\n\n".join(current))
                current, count = [], 0
    return drafts


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--server", default="http://127.0.0.1:8081")
    parser.add_argument("--drafts", type=int, default=20, help="how many 800-word drafts to time")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.md"))
    if not paths:
        print(f"no .md files in {args.corpus}", file=sys.stderr)
        return 2

    config = config_from_mapping({"select": ["NL601"], "grammar": {"server": args.server, "timeout": 60}})
    linter = Linter(config=config)
    rule = Grammar(GrammarOptions(server=args.server, timeout=60))

    # -- latency: whole newslint runs (parse, LanguageTool round trip, filters) on 800-word drafts
    drafts = drafts_of(paths, DRAFT_WORDS)[:args.drafts]
    started = time.perf_counter()
    first = check_text_result(drafts[0], config=config, path="draft.md")
    cold = time.perf_counter() - started
    if first.notices:
        print(first.notices[0], file=sys.stderr)
        return 2
    timings = []
    for draft in drafts:
        started = time.perf_counter()
        check_text_result(draft, config=config, path="draft.md")
        timings.append(time.perf_counter() - started)
    from newslint.languagetool import Settings, check, connect
    client = connect(Settings(server=args.server, timeout=60))
    round_trips = []
    for draft in drafts:
        started = time.perf_counter()
        check(client, draft)
        round_trips.append(time.perf_counter() - started)
    words = statistics.mean(len(d.split()) for d in drafts)
    print(f"latency per draft ({len(drafts)} drafts of {words:.0f} words on average, warm server): "
          f"median {statistics.median(timings) * 1000:.0f} ms, p90 {percentile(timings, 0.9) * 1000:.0f} ms, "
          f"max {max(timings) * 1000:.0f} ms; first call {cold * 1000:.0f} ms (loads the language model)")
    print(f"of which the LanguageTool round trip alone: median {statistics.median(round_trips) * 1000:.0f} ms, "
          f"p90 {percentile(round_trips, 0.9) * 1000:.0f} ms")

    # -- findings per 1,000 words, raw LanguageTool vs newslint
    raw_count, kept_count, total_words = 0, 0, 0
    kept_by_severity: collections.Counter = collections.Counter()
    raw_by_category: collections.Counter = collections.Counter()
    kept_by_category: collections.Counter = collections.Counter()
    for path in paths:
        doc = parse(linter, config, path)
        total_words += len(doc.text.split())
        raw = rule.matches(doc, filtered=False)
        raw_count += len(raw)
        raw_by_category.update(m.category for m in raw)
        result = check_text_result(path.read_text(encoding="utf-8"), config=config, path=path.name)
        kept_count += len(result.findings)
        kept_by_severity.update(str(f.severity) for f in result.findings)
        kept_by_category.update(f.message.rsplit(", ", 1)[-1].rstrip(")") for f in result.findings)
    per_k = 1000 / total_words
    print(f"{len(paths)} articles, {total_words} words")
    print(f"raw LanguageTool: {raw_count} matches = {raw_count * per_k:.2f} per 1,000 words")
    print(f"newslint NL601:   {kept_count} findings = {kept_count * per_k:.2f} per 1,000 words "
          f"(warning {kept_by_severity['warning'] * per_k:.2f}, info {kept_by_severity['info'] * per_k:.2f}, "
          f"error {kept_by_severity['error'] * per_k:.2f})")
    print("by LanguageTool category (raw -> newslint):")
    for category, count in raw_by_category.most_common():
        print(f"  {category:<24} {count:>4} -> {kept_by_category[category]:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
