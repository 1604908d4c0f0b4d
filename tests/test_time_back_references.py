"""Ages given as "N-year-old" beside a name, and relative dates that refer back to an event dated paragraphs
earlier."""
from __future__ import annotations

import pytest

from conftest import lint

# -- NL403: "N-year-old" tied to a name -----------------------------------------------------------
BIRTH = "Nadia Ferreira was born on March 3, 1956, in Porto.\n\n{age}\n"
AGE_DATE = "2026-01-20"  # Ferreira is 69 that day


@pytest.mark.parametrize("sentence", [
    "The 70-year-old Judge Nadia Ferreira said the ruling was fair.",
    "The 70-year-old Nadia Ferreira said the ruling was fair.",
    "Ferreira, a 70-year-old grandmother, said she would retire.",
    "70-year-old Nadia Ferreira said the court had changed.",
    "The court heard from Nadia Ferreira, the 70-year-old judge who led it.",
    "The 70-year-old judge, Nadia Ferreira, declined to comment.",
])
def test_an_attributive_age_beside_a_name_is_checked(sentence: str) -> None:
    found = lint(BIRTH.format(age=sentence), select="NL403", date=AGE_DATE)
    assert len(found) == 1 and found[0].line == 3
    assert "the person was 69" in found[0].message


@pytest.mark.parametrize("sentence", [
    "The 69-year-old Judge Nadia Ferreira said the ruling was fair.",
    "Ferreira, a 69-year-old grandmother, said she would retire.",
    "69-year-old Nadia Ferreira said the court had changed.",
    "A 70-year-old passenger was hurt when the tram braked.",
    "The 70-year-old building on the square was sold.",
    "A 70-year-old law was repealed by Ferreira.",
    "Ferreira lives in a 70-year-old house.",
    "The 70-year-old Ferreira Building was sold.",
])
def test_a_fitting_age_someone_new_or_no_person_stays_silent(sentence: str) -> None:
    assert lint(BIRTH.format(age=sentence), select="NL403", date=AGE_DATE) == []


def test_a_title_before_the_born_name_is_not_part_of_it() -> None:
    text = "Judge Nadia Ferreira was born in Porto on March 3, 1956.\n\n70-year-old Nadia Ferreira said so.\n"
    assert [f.line for f in lint(text, select="NL403", date=AGE_DATE)] == [3]


def test_an_attributive_age_for_another_person_of_the_name_stays_silent() -> None:
    text = (BIRTH.format(age="Her brother, 70-year-old Tiago Ferreira, spoke at the hearing."))
    assert lint(text, select="NL403", date=AGE_DATE) == []


# -- NL401: a definite noun refers back to an event dated paragraphs earlier ----------------------
FILLER = ("Growers along the river lost most of their maize.\n\n"
          "The irrigation authority cut allocations by a third.\n\n"
          "Prices for fodder doubled within weeks.\n\n")
EVENT_DATE = "2026-07-10"  # "last year" is 2025


def article(first: str, last: str, middle: str = "") -> str:
    return f"{first}\n\n{FILLER}{middle}{last}\n"


@pytest.mark.parametrize("first, last", [
    ("The province declared a drought in March 2024.",
     "Since the drought was declared last year, the authority has met every month."),
    ("The province declared a drought in March 2024.",
     "The drought, declared last year, has cost growers millions."),
    ("The drought began in March 2024.", "The drought that started last year has not eased."),
    ("The council declared a drought in March 2024, the first in a decade.",
     "Since the drought was declared last year, the authority has met every month."),
])
def test_a_distant_dating_of_the_same_event_conflicts(first: str, last: str) -> None:
    found = lint(article(first, last), select="NL401", date=EVENT_DATE)
    assert len(found) == 1 and found[0].line == 9
    assert "means 2025" in found[0].message and "March 2024 in line 1" in found[0].message


@pytest.mark.parametrize("first, middle, last", [
    # two droughts dated differently: the nearer one is the drought meant
    ("The province declared a drought in March 2024.", "A drought was declared in the north in May 2025.\n\n",
     "Since the drought was declared last year, the authority has met every month."),
    ("The province declared a drought in March 2024.", "A second drought was declared in May 2025.\n\n",
     "Since the drought was declared last year, the authority has met every month."),
    # an indefinite drought is another one
    ("The province declared a drought in March 2024.", "", "The province declared a drought last year as well."),
    # told as a repeat
    ("The province declared a drought in March 2024.", "", "The province declared a drought again last year."),
    ("The province declared a drought in March 2024.", "",
     "The drought was declared again last year after the rains failed."),
    ("The province declared a drought in March 2024. It ended that winter.", "",
     "Another drought was declared last year."),
    # told apart by who declared it
    ("The northern district declared a drought in March 2024.", "",
     "The southern district declared its drought last year."),
    # a fitting dating
    ("The province declared a drought in March 2025.", "",
     "Since the drought was declared last year, the authority has met every month."),
])
def test_other_droughts_stay_silent(first: str, middle: str, last: str) -> None:
    assert lint(article(first, last, middle), select="NL401", date=EVENT_DATE) == []


def test_a_later_dating_far_ahead_is_not_the_antecedent() -> None:
    text = article("Since the drought was declared last year, the authority has met every month.",
                   "The province declared a drought in March 2024.")
    assert lint(text, select="NL401", date=EVENT_DATE) == []


def test_a_different_event_on_the_noun_between_keeps_the_antecedent() -> None:
    middle = "Officials inspected the drought zone in May 2025.\n\n"
    text = article("The province declared a drought in March 2024.",
                   "Since the drought was declared last year, the authority has met every month.", middle)
    assert [f.line for f in lint(text, select="NL401", date=EVENT_DATE)] == [11]
