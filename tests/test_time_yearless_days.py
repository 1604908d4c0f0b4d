"""A day written without its year: the narrative year or the publication date's, as its weekday and clause say."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.time.calendar import Interval
from newslint.time.expressions import find_expressions
from newslint.time.resolve import Context, resolve

from conftest import lint

REFERENCE = dt.date(2024, 3, 12)  # a Tuesday
IN_1961 = Interval.year(1961)


def _day(text: str, anchor: Interval | None) -> dt.date | None:
    (expr,) = [e for e in find_expressions(text) if e.kind == "date"]
    interval = resolve(expr, Context(REFERENCE, "past", anchor))
    return interval.start if interval is not None else None


@pytest.mark.parametrize("text, expected", [
    ("on Wednesday, March 8", dt.date(1961, 3, 8)),   # fits the narrative year: kept
    ("on Friday, March 8", dt.date(2024, 3, 8)),      # fits only near the publication date
    ("on Sunday, March 8", dt.date(1961, 3, 8)),      # fits neither: the narrative year, as without a weekday
    ("on March 8", dt.date(1961, 3, 8)),
])
def test_weekday_chooses_between_narrative_and_publication_year(text: str, expected: dt.date) -> None:
    assert _day(text, IN_1961) == expected


def test_without_an_anchor_the_publication_reading_stands() -> None:
    assert _day("on Sunday, March 8", None) == dt.date(2024, 3, 8)


LIFE = ("Henryk Kowalski, a welder who helped found the shipyard union in 1961, died on {day}, at his home "
        "in Gdynia. He was 88.\n\nKowalski was born on Jan. 20, 1936.")


@pytest.mark.parametrize("day", ["Friday, March 8", "March 8"])
def test_obituary_day_after_a_narrative_year_in_a_relative_clause(day: str) -> None:
    text = LIFE.format(day=day)
    assert lint(text, select="NL403", date="2024-03-12") == []
    assert lint(text, select="NL402", date="2024-03-12") == []


def test_obituary_with_a_wrong_age_still_fires() -> None:
    (finding,) = lint(LIFE.format(day="Friday, March 8").replace("88.", "86."), select="NL403", date="2024-03-12")
    assert "on 2024-03-08 the person was 88" in finding.message


def test_the_narrative_year_still_dates_its_own_clause() -> None:
    text = "In 1961 the dockers struck on Wednesday, March 8, and stayed out for nine days."
    assert lint(text, select="NL402", date="2024-03-12") == []


def test_a_weekday_that_fits_no_reading_is_flagged() -> None:
    text = "In 1961 the dockers struck on Monday, March 8, and stayed out for nine days."
    (finding,) = lint(text, select="NL402", date="2024-03-12")
    assert "March 8, 1961 is a Wednesday, not a Monday" in finding.message
    assert "the year the sentence is set in" in finding.message
    assert finding.suggestions == ("Wednesday",)


def test_a_weekday_that_fits_no_reading_near_the_publication_date_is_flagged() -> None:
    text = "The tribunal said the union filed its claim on Monday, March 8."
    (finding,) = lint(text, select="NL402", date="2024-03-12")
    assert "March 8, 2024 is a Friday, not a Monday" in finding.message
    assert "from the publication date" in finding.message
