"""Measure how often the time model resolves deictic expressions to MEANTIME's gold TIMEX3 values.

    .venv/bin/python bench/meantime_timex.py [../shared/data/meantime_timex.tsv] [-v]

Reads the TSV only when present (it is outside material, never copied into the
project). A row counts when its whole text is one deictic expression the
model finds ("last year", "Monday", "this week", "two years ago"); the
expression is resolved against the row's publication date with the tense of
its own sentence, and the result is written as a TIMEX3 value at the grain it
was stated (2008, 2008-03, 2008-03-01, 2008-W09).
"""
from __future__ import annotations

import re
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from tsv import rows_from_argv

from newslint.analysis import load_model
from newslint.time.calendar import Interval
from newslint.time.expressions import find_expressions
from newslint.time.grammar import governing_verb, tense, weekday_tense
from newslint.time.resolve import Context, resolve

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime_timex.tsv"


def timex_value(interval: Interval) -> str:
    if interval.grain == "day":
        return interval.start.isoformat()
    if interval.grain == "month":
        return f"{interval.start:%Y-%m}"
    if interval.grain == "year":
        return str(interval.start.year)
    if interval.grain in ("week", "weekend"):
        year, week, _ = interval.start.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if interval.grain == "weekend" else "")
    if interval.grain == "decade":
        return str(interval.start.year)[:3]
    return f"{interval.start.isoformat()}/{interval.end.isoformat()}"


def parse_dct(value: str) -> dt.date:
    """The publication date, written YYYY-MM-DD or (in a few rows) DD-MM-YYYY."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        day, month, year = value.split("-")
        return dt.date(int(year), int(month), int(day))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    rows = rows_from_argv(argv, DEFAULT)
    if rows is None:
        return 0
    nlp = load_model()
    tally: Counter = Counter()
    misses = []
    for row in rows:
        text, sentence, dct = row["text"], row["sentence"], row["dct"]
        if not dct or row["functionInDocument"] == "CREATION_TIME":
            continue
        found = find_expressions(text)
        bare = re.sub(r"^(?:[Oo]n|[Ii]n|[Bb]y|[Uu]ntil|[Ss]ince|[Ff]or|[Aa]t)\s+", "", text.strip())
        if len(found) != 1 or found[0].text != bare or not found[0].deictic:
            continue
        expr = found[0]
        where = sentence.find(text)
        sdoc = nlp(sentence)
        span = [t for t in sdoc if where <= t.idx < where + len(text)] if where >= 0 else []
        verb = governing_verb(span, span[0].sent.start) if span else None
        clause = weekday_tense(span, verb) if expr.kind == "weekday" and span else tense(verb)
        interval = resolve(expr, Context(parse_dct(dct), clause))
        value = timex_value(interval) if interval is not None else None
        tally[expr.kind, value == row["value"]] += 1
        tally["all", value == row["value"]] += 1
        if value != row["value"]:
            misses.append((dct, text, row["value"], value, sentence))
    total = tally["all", True] + tally["all", False]
    print(f"deictic expressions: {total}; resolved to the gold value: {tally['all', True]} "
          f"({tally['all', True] / max(total, 1):.1%})")
    for kind in sorted({k for k, _ in tally if k != "all"}):
        print(f"  {kind:18} {tally[kind, True]:3} of {tally[kind, True] + tally[kind, False]}")
    if verbose:
        for miss in misses:
            print("MISS", *miss, sep=" | ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
