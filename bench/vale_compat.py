"""Vale compatibility: load every style under ../shared/styles and run its rules on the shared corpora.

Usage (from the project root):

    .venv/bin/python bench/vale_compat.py [--styles ../shared/styles] [--corpus ../shared/corpus/dev ...]

Prints, per style and per kind, how many rule files there are, how many
load (and how many of those load with a key newslint ignores), how many run
on every draft of the corpora without an error, and how many fire at least
once. Reads ../shared only when it is there; exits 0 with a note otherwise.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import yaml

from newslint.config import Config
from newslint.engine import Linter
from newslint.packs import load_packs
from newslint.plugins import build_registry

HERE = Path(__file__).resolve().parent.parent
SHARED = HERE.parent / "shared"


def kind_of(path: Path) -> str:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return "?"
    return str(data.get("extends", "?")) if isinstance(data, dict) else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--styles", type=Path, default=SHARED / "styles")
    parser.add_argument("--corpus", type=Path, nargs="*",
                        default=[SHARED / "corpus" / "dev", SHARED / "corpus" / "wikinews"])
    args = parser.parse_args(argv)
    if not args.styles.is_dir():
        print(f"no styles folder at {args.styles}; nothing to measure")
        return 0
    registry = build_registry()
    linter = Linter(config=Config())
    drafts = [p for folder in args.corpus if folder.is_dir() for p in sorted(folder.glob("*.md"))]
    started = time.perf_counter()
    docs = [linter.parse(p.read_text(encoding="utf-8"), str(p), Config(), registry) for p in drafts]
    styles = sorted(p for p in args.styles.iterdir() if p.is_dir())
    by_style: dict[str, collections.Counter] = {}
    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    all_warnings: list[str] = []
    errors: list[str] = []
    for style in styles:
        files = sorted(style.glob("*.yml"))
        rules, warnings = load_packs([style], registry)
        all_warnings += warnings
        counts = collections.Counter(files=len(files), loaded=len(rules))
        kinds = {f.stem: kind_of(f) for f in files}
        for kind in kinds.values():
            by_kind[kind]["files"] += 1
        partial = {w.split(": loaded ")[1].split(",")[0] for w in warnings if ": loaded " in w}
        for cls in rules:
            kind = cls.spec.extends
            by_kind[kind]["loaded"] += 1
            counts["partial"] += cls.id in partial
            by_kind[kind]["partial"] += cls.id in partial
            rule = cls()
            fired = 0
            ok = True
            for doc in docs:
                try:
                    fired += len(list(rule.check(doc)))
                except Exception as exc:  # noqa: BLE001 - a rule that fails is what we count
                    ok = False
                    errors.append(f"{cls.id} on {doc.path}: {type(exc).__name__}: {exc}")
                    break
            counts["ran"] += ok
            by_kind[kind]["ran"] += ok
            counts["fired"] += fired > 0
            by_kind[kind]["fired"] += fired > 0
            counts["findings"] += fired
        by_style[style.name] = counts
    elapsed = time.perf_counter() - started
    header = "| {} | rule files | load | load, some keys ignored | run without error | fire at least once |"
    print(f"Corpus: {len(docs)} drafts from {', '.join(str(c) for c in args.corpus)}\n")
    print(header.format("style") + " findings |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total = collections.Counter()
    for name, c in by_style.items():
        total.update(c)
        print(f"| {name} | {c['files']} | {c['loaded']} | {c['partial']} | {c['ran']} | {c['fired']} | {c['findings']} |")
    print(f"| **total** | {total['files']} | {total['loaded']} | {total['partial']} | {total['ran']} | "
          f"{total['fired']} | {total['findings']} |\n")
    print(header.format("kind"))
    print("|---|---:|---:|---:|---:|---:|")
    for kind, c in sorted(by_kind.items(), key=lambda kv: (-kv[1]["files"], kv[0])):
        print(f"| {kind} | {c['files']} | {c['loaded']} | {c['partial']} | {c['ran']} | {c['fired']} |")
    print("\nWarnings (one per rule file that did not load or loads with something ignored):")
    for warning in all_warnings:
        print(f"- {warning}")
    if errors:
        print("\nErrors while running:")
        for error in errors:
            print(f"- {error}")
    print(f"\n{elapsed:.1f} s to parse the corpora, load every style and run every rule on every draft")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
