"""Measure NL101 on pairs of name spellings: same person spelled two ways, and two people with similar names.

    .venv/bin/python bench/name_variants.py [../shared/data/name_variants.tsv] [-v]

Reads the TSV only when it is present (columns ``relation``, ``name_a``,
``name_b``; ``\\t``, ``\\n`` and ``\\\\`` escaped). Each ``same_person`` pair
goes into a short article that uses one spelling three times and the other
once; it is detected when NL101 flags the lone spelling (error or warning).
Each ``different_people`` pair goes into articles that introduce both people
in full, first named together, then introduced apart; any NL101 finding
there at error or warning is a false alarm. Not a test: it prints rates.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from newslint.api import check_text_result
from newslint.config import config_from_mapping
from newslint.names_text import PARTICLES, fold, without_article

DEFAULT_TSV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "name_variants.tsv"
CONFIG = config_from_mapping({"select": ["NL101"]})

SAME_PERSON = (
    "{a} was named on Tuesday in a list of people whose assets will be frozen.\n\n"
    "Officials said {a} had moved money through three companies registered abroad.\n\n"
    "A lawyer for {b} said the listing was a mistake and would be challenged in court.\n\n"
    "{a} has not commented, and the ministry gave no date for a hearing.\n"
)
TOGETHER = (
    "{a} and {b} were named on Tuesday in a list of people whose assets will be frozen.\n\n"
    "Officials said {a} had moved money through three companies registered abroad.\n\n"
    "{b} was listed as a director of two of them.\n\n"
    "Neither {a} nor {b} could be reached for comment.\n"
)
APART = (
    "{a} was named on Tuesday in a list of people whose assets will be frozen.\n\n"
    "Officials said {a} had moved money through three companies registered abroad.\n\n"
    "The list also names {b}, who was described as a director of two of them.\n"
)


def unescape(field: str) -> str:
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(field[i + 1], field[i + 1]))
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def read_pairs(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["relation"], unescape(row["name_a"]), unescape(row["name_b"])) for row in rows]


def name_words(name: str) -> set[str]:
    return {fold(without_article(w.strip("'’"))) for w in name.split() if w.strip("'’").lower() not in PARTICLES}


def only_parts_differ(a: str, b: str) -> bool:
    """The two forms spell every shared word alike and differ only by added or dropped words or an article."""
    wa, wb = name_words(a), name_words(b)
    return wa <= wb or wb <= wa


def scored_findings(text: str):
    result = check_text_result(text, config=CONFIG, path="pair.md")
    return [f for f in result.findings if str(f.severity) in ("error", "warning")]


def lone_spelling_flagged(a: str, b: str) -> bool:
    text = SAME_PERSON.format(a=a, b=b)
    lone_line = text[:text.index(f"for {b} said")].count("\n") + 1
    return any(f.line == lone_line for f in scored_findings(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", nargs="?", default=str(DEFAULT_TSV))
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args(argv)
    path = Path(args.tsv)
    if not path.exists():
        print(f"{path} not found: nothing to measure")
        return 0
    pairs = read_pairs(path)
    same = [(a, b) for rel, a, b in pairs if rel == "same_person"]
    different = [(a, b) for rel, a, b in pairs if rel == "different_people"]
    detected = respelt = respelt_detected = 0
    for a, b in same:
        hit = lone_spelling_flagged(a, b)
        detected += hit
        if not only_parts_differ(a, b):
            respelt += 1
            respelt_detected += hit
        if not hit and args.verbose:
            print(f"MISS   {a!r} (3x) / {b!r} (1x)")
    alarms = {"together": 0, "apart": 0}
    for a, b in different:
        for label, template in (("together", TOGETHER), ("apart", APART)):
            found = scored_findings(template.format(a=a, b=b))
            if found:
                alarms[label] += 1
                if args.verbose:
                    print(f"FALSE  [{label}] {a!r} / {b!r}: {found[0].message}")
    print(f"same_person pairs:      {len(same):4d}  detected {detected:4d}  rate {detected / max(len(same), 1):.1%}")
    print(f"  of which a word is respelt: {respelt:4d}  detected {respelt_detected:4d}  "
          f"rate {respelt_detected / max(respelt, 1):.1%}")
    for label in ("together", "apart"):
        n = alarms[label]
        print(f"different_people pairs: {len(different):4d}  false alarms ({label}) {n:3d}  "
              f"rate {n / max(len(different), 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
