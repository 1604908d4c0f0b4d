"""The time model: finding expressions and resolving them against a publication date, a tense and an anchor."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.time.calendar import Interval
from newslint.time.expressions import find_expressions
from newslint.time.resolve import FUTURE, PAST, PRESENT, Context, resolve

SATURDAY = dt.date(2025, 12, 13)


def one(text: str):
    found = find_expressions(text)
    assert len(found) == 1, found
    return found[0]


def span(start: str, end: str | None = None) -> tuple[dt.date, dt.date]:
    first = dt.date.fromisoformat(start)
    return first, dt.date.fromisoformat(end) if end else first


@pytest.mark.parametrize("text, expected_text, tense, expected", [
    # explicit dates in common formats
    ("The depot reopened on Dec. 13, 2025.", "Dec. 13, 2025", PAST, span("2025-12-13")),
    ("The depot reopened on 13 December 2025.", "13 December 2025", PAST, span("2025-12-13")),
    ("The depot reopened on 2025-12-13.", "2025-12-13", PAST, span("2025-12-13")),
    ("The depot reopens on December 20.", "December 20", FUTURE, span("2025-12-20")),
    ("The tender closed on Nov. 28.", "Nov. 28", PAST, span("2025-11-28")),
    ("The depot reopens on Jan. 5.", "Jan. 5", FUTURE, span("2026-01-05")),  # the nearest Jan. 5
    # month and year, bare years, decades, seasons
    ("Prices peaked in March 2023.", "March 2023", PAST, span("2023-03-01", "2023-03-31")),
    ("The bridge was built in 1998.", "1998", PAST, span("1998-01-01", "1998-12-31")),
    ("The club was founded in the 1960s.", "the 1960s", PAST, span("1960-01-01", "1969-12-31")),
    ("Fashions of the ’80s returned.", "the ’80s", PAST, span("1980-01-01", "1989-12-31")),
    ("The fund started in the autumn of 2023.", "the autumn of 2023", PAST, span("2023-09-01", "2023-11-30")),
    ("The pumps failed in the first week of October.", "the first week of October", PAST,
     span("2025-10-01", "2025-10-07")),
    ("Tourists flocked back in July.", "July", PAST, span("2025-07-01", "2025-07-31")),
    ("Sales will slow in July.", "July", FUTURE, span("2026-07-01", "2026-07-31")),
    # weekdays: past copy looks back (the same day counts), future copy looks ahead
    ("The ministers met on Saturday.", "Saturday", PAST, span("2025-12-13")),
    ("The ministers met on Thursday.", "Thursday", PAST, span("2025-12-11")),
    ("The ministers will meet on Thursday.", "Thursday", FUTURE, span("2025-12-18")),
    ("The ministers will meet on Saturday.", "Saturday", FUTURE, span("2025-12-20")),
    # relative expressions
    ("The ferry sank yesterday.", "yesterday", PAST, span("2025-12-12")),
    ("The ferry sails today.", "today", PRESENT, span("2025-12-13")),
    ("The ferry sails tomorrow.", "tomorrow", FUTURE, span("2025-12-14")),
    ("Talks stalled last week.", "last week", PAST, span("2025-12-01", "2025-12-07")),
    ("Talks resume next week.", "next week", FUTURE, span("2025-12-15", "2025-12-21")),
    ("Talks stalled this week.", "this week", PAST, span("2025-12-08", "2025-12-14")),
    ("Rents rose last month.", "last month", PAST, span("2025-11-01", "2025-11-30")),
    ("Rents rise next month.", "next month", FUTURE, span("2026-01-01", "2026-01-31")),
    ("Rents rose last year.", "last year", PAST, span("2024-01-01", "2024-12-31")),
    ("Rents rose this year.", "this year", PAST, span("2025-01-01", "2025-12-31")),
    ("Rents rise next year.", "next year", FUTURE, span("2026-01-01", "2026-12-31")),
    ("The harvest failed last summer.", "last summer", PAST, span("2025-06-01", "2025-08-31")),
    ("Planting starts next spring.", "next spring", FUTURE, span("2026-03-01", "2026-05-31")),
    ("The mill closed three years ago.", "three years ago", PAST, span("2022-01-01", "2022-12-31")),
    ("The mill closed two months ago.", "two months ago", PAST, span("2025-10-01", "2025-10-31")),
    ("The board met earlier this month.", "earlier this month", PAST, span("2025-12-01", "2025-12-13")),
    ("The board meets later this month.", "later this month", FUTURE, span("2025-12-13", "2025-12-31")),
    ("The board will decide in two weeks.", "in two weeks", FUTURE, span("2025-12-22", "2025-12-28")),
    ("Voters complained last Monday.", "last Monday", PAST, span("2025-12-08")),
])
def test_resolves_against_the_publication_date(text, expected_text, tense, expected) -> None:
    expr = one(text)
    assert expr.text == expected_text
    interval = resolve(expr, Context(SATURDAY, tense))
    assert interval is not None and (interval.start, interval.end) == expected


def test_narrative_anchor_moves_the_previous_year() -> None:
    expr = one("The previous year, the dam flooded the valley.")
    assert expr.anaphoric
    assert resolve(expr, Context(SATURDAY, PAST, Interval.year(2019))) == Interval.year(2018)
    assert resolve(expr, Context(SATURDAY, PAST)) is None  # never read against the publication date


def test_two_days_later_follows_the_anchor_day() -> None:
    expr = one("Two days later, the strike ended.")
    assert resolve(expr, Context(SATURDAY, PAST, Interval.day(dt.date(2021, 3, 30)))) == \
        Interval.day(dt.date(2021, 4, 1))


def test_in_years_is_a_date_only_in_future_copy() -> None:
    expr = one("It was the first final in 24 years.")
    assert resolve(expr, Context(SATURDAY, PAST)) is None


@pytest.mark.parametrize("text", [
    "About 2000 people marched.", "Route 1984 was closed.", "Good Friday fell early.",
    "USA Today reported the deal.", "Turnout rose 2021% in jest.",
])
def test_not_time_expressions(text) -> None:
    assert not [e for e in find_expressions(text) if e.kind in ("year", "weekday", "deictic_day")]


def test_weekday_with_date_records_both_parts() -> None:
    expr = one("The summit opens Tuesday, March 3, 2026.")
    assert (expr.weekday, expr.year, expr.month, expr.day) == (1, 2026, 3, 3)
    numeric = one("Filed Monday, 31/10/2016.")
    assert numeric.kind == "numeric" and numeric.weekday == 0
