"""Measure the date rules on LanguageTool's English date examples (outside material, read only when present).

    .venv/bin/python bench/languagetool_dates.py [../shared/data/languagetool_en_2018_examples.tsv] [-v]

- DATE_WEEKDAY rows -> NL402 weekday-date-mismatch: every incorrect example must be flagged, no correct one.
- DATE_WEEKDAY_WITHOUT_YEAR rows -> NL402 with a 2014 publication date (the examples hold for 2014).
- INVALID_DATE rows -> NL404 impossible-date.
"""
from __future__ import annotations

import sys
from pathlib import Path

from tsv import rows_from_argv

from newslint.api import check_text_result
from newslint.config import config_from_mapping

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "languagetool_en_2018_examples.tsv"
SUITES = (("DATE_WEEKDAY", "NL402", None), ("DATE_WEEKDAY_WITHOUT_YEAR", "NL402", "2014-07-01"),
          ("INVALID_DATE", "NL404", None))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    rows = rows_from_argv(argv, DEFAULT)
    if rows is None:
        return 0
    failed = False
    for rule_id, select, date in SUITES:
        config = config_from_mapping({"select": [select]})
        flagged_bad = total_bad = flagged_good = total_good = 0
        for row in rows:
            if row["rule_id"] != rule_id:
                continue
            sentence = row["sentence"]
            found = bool(check_text_result(sentence, date=date, config=config, path="example.txt").findings)
            if row["type"] == "incorrect":
                total_bad += 1
                flagged_bad += found
            else:
                total_good += 1
                flagged_good += found
            if verbose and found != (row["type"] == "incorrect"):
                print(f"  MISS {rule_id} {row['type']}: {sentence}")
        ok = flagged_bad == total_bad and flagged_good == 0
        failed = failed or (rule_id == "DATE_WEEKDAY" and not ok)
        print(f"{rule_id:26} {select}: incorrect flagged {flagged_bad}/{total_bad}, "
              f"correct flagged {flagged_good}/{total_good}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
