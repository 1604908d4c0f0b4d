"""A month named with "last" ("last August") judged like other relative dates, and the slack "a week ago"
allows before it contradicts a written-out date."""
from __future__ import annotations

import pytest

from conftest import lint

MONTH_DATE = "2024-03-21"  # "last August" is August 2023


@pytest.mark.parametrize("text", [
    "The smelter closed in August 2022.\n\nWorkers have struggled since the smelter closed last August.\n",
    "The ferry service ended on Aug. 14, 2022.\n\nIslanders have waited since the ferry service ended last August.\n",
])
def test_last_month_contradicting_a_written_date_fires(text: str) -> None:
    found = lint(text, select="NL401", date=MONTH_DATE)
    assert len(found) == 1 and found[0].line == 3 and '"last August" means August 2023' in found[0].message


@pytest.mark.parametrize("text", [
    "The smelter closed in August 2023.\n\nWorkers have struggled since the smelter closed last August.\n",
    "The smelter reopened in August 2022.\n\nWorkers have struggled since the smelter closed last August.\n",
    "The smelter closed in August 2022.\n\nThe mayor said last August that the smelter closed too soon.\n",
    "A smelter closed in August 2022.\n\nAnother smelter closed last August.\n",
])
def test_last_month_that_fits_or_dates_another_event_stays_silent(text: str) -> None:
    assert lint(text, select="NL401", date=MONTH_DATE) == []


WEEK = "The council approved the budget on {day} after a long debate.\n\n" \
       "Residents said the council approved the budget a week ago without asking them.\n"
WEEK_DATE = "2025-11-05"


@pytest.mark.parametrize("day", ["Oct. 21", "Oct. 24", "Nov. 4"])
def test_a_week_ago_against_a_date_a_fortnight_or_a_day_back_fires(day: str) -> None:
    found = lint(WEEK.format(day=day), select="NL401", date=WEEK_DATE)
    assert len(found) == 1 and found[0].line == 3


@pytest.mark.parametrize("day", ["Oct. 26", "Oct. 28", "Oct. 29", "Nov. 1"])
def test_a_week_ago_a_few_days_either_side_stays_silent(day: str) -> None:
    assert lint(WEEK.format(day=day), select="NL401", date=WEEK_DATE) == []
