"""Measure NL201/NL202 against the quote-pair cases of other linters' test suites (when they are present).

    .venv/bin/python bench/quote_pairs.py [../shared/data/quote_pair_cases.tsv] [-v]

Each row holds a text, the expected verdict (``ok``, ``unpaired`` or
``missing-continuer``) and the expected number of unpaired marks. A row
agrees when newslint finds nothing on an ``ok`` row and at least one
finding on the others; it agrees exactly when the number of findings is the
expected count too. Rows from the Markdown linter's suite are read as
Markdown; the others are plain text with one paragraph per line (the
quotation analyzers' suites put one paragraph on each line).

"English" rows are those whose text uses only the marks English uses
(no guillemets, low-9 or reversed-9 marks, no CJK text).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from newslint.api import check_text_result
from newslint.config import config_from_mapping

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "quote_pair_cases.tsv"
_FOREIGN = re.compile("[«»‹›„‚‟‛（）「」\u3040-\u30ff\u4e00-\u9fff]")
_CONFIG = config_from_mapping({"select": ["NL201", "NL202"]})


def _unescape(field: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "\\": "\\"}.get(m.group(1), m.group()), field)


def read_rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        row["text"] = _unescape(row[header[3]])
        rows.append(row)
    return rows


def findings_for(row: dict[str, str]) -> list:
    text = row["text"]
    if row["source"].startswith("textlint"):
        return list(check_text_result(text, config=_CONFIG, path="case.md").findings)
    paragraphs = "\n\n".join(part for part in text.split("\n") if part.strip())
    return list(check_text_result(paragraphs, config=_CONFIG, path="case.txt").findings)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tsv", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every disagreement")
    args = ap.parse_args()
    if not args.tsv.exists():
        print(f"{args.tsv} not found; nothing to measure")
        return 0
    tally = {"all": [0, 0, 0], "english": [0, 0, 0]}  # rows, agree, agree exactly
    for row in read_rows(args.tsv):
        found = findings_for(row)
        expected = row["expected"]
        want = int(row["expected_count"] or 0)
        agree = (not found) if expected == "ok" else bool(found)
        exact = agree and (expected == "ok" or len(found) == want)
        groups = ["all"] + (["english"] if not _FOREIGN.search(row["text"]) else [])
        for group in groups:
            tally[group][0] += 1
            tally[group][1] += agree
            tally[group][2] += exact
        if args.verbose and not exact:
            verdict = "DISAGREE" if not agree else "COUNT"
            print(f"{verdict} [{row['source']}] {row['text']!r}: expected {expected} {want}, got {len(found)}")
            for f in found:
                print(f"    {f.line}:{f.column} {f.rule} {f.severity}: {f.message}")
    for group, (n, agree, exact) in tally.items():
        print(f"{group:<8} {n:>4} rows  agree {agree:>4} ({agree / n:.1%})  exact count {exact:>4} ({exact / n:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
