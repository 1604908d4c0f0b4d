"""Links between datings of one event in other words: synonyms, pronouns, event nouns, anniversaries, ages."""
from __future__ import annotations

import pytest

from newslint.time.grammar import synonymous_verbs

from conftest import lint

DATE = "2025-06-10"  # a Tuesday


def messages(text, select="NL401"):
    return [f.message for f in lint(text, select=select, date=DATE)]


# -- NL401: each row contradicts itself through one kind of link ---------------------------------------------
@pytest.mark.parametrize("text, needle", [
    # "two years ago" for a plan announced seven months earlier (announce / unveil)
    ("The council announced the savings plan in November 2024.\n\n"
     "The plan, unveiled two years ago, has already closed three libraries.", "two years ago"),
    # a pronoun for the talks and a phrasal verb for their collapse
    ("Negotiations between the port and the dockers broke down on Thursday, May 29.\n\n"
     "The port has not set a date for fresh negotiations since they collapsed yesterday, a spokesman said.",
     "yesterday"),
    # "put it forward" is the proposal dated in October
    ("The zoning plan, which Councillor Ama Boateng first proposed in October, goes to a vote on Thursday.\n\n"
     "She said the plan had grown since she first put it forward last month.", "last month"),
    # "the paper" is the study published on Monday
    ("A study published on Monday in the journal Marine Biology tracks the whales.\n\n"
     "Hundreds of sightings have come in since the paper was published last week.", "last week"),
    # "the floods last year" are the floods of a when-clause dated 2022
    ("The valley was cut off in July 2022, when floods destroyed two bridges.\n\n"
     "Farmers said the repairs promised after the floods last year never came.", "last year"),
    # "her diagnosis" is the one the verb dates
    ("Ms. Okafor was diagnosed with leukaemia in March 2021.\n\n"
     "Since her diagnosis two years ago, Ms. Okafor has raised money for the ward.", "two years ago"),
    # a centenary next year puts the founding in 1926, not 1925
    ("The brass band was founded in 1925 by miners.\n\n"
     "The band, which celebrates its centenary next year, will tour the valleys.", "next year"),
    ("The ferry company was established in 1976.\n\n"
     "It marks its 50th anniversary this year with free crossings.", "this year"),
    # the verb dates its nominalisation when the noun's modifier is in the verb's clause
    ("The state government declared the coastal shires in drought in February 2023.\n\n"
     "Growers have asked for help with freight since the drought declaration last year.", "last year"),
    ("Food inflation peaked at 11 percent in July 2023.\n\n"
     "Since the inflation peak last July, wages have risen faster than prices.", "last July"),
    # "since" dates the start of a state, and "began" tells a start
    ("Farmers have blocked the port road since May 12.\n\n"
     "The camp has grown since the blockade began two days ago, organisers said.", "two days ago"),
    # a date opening the sentence dates its main clause, not a clause inside the phrase after it; "the fires
    # that swept" are the wildfires of the main clause
    ("Residents said the smoke reminded them of the fires that swept the northern hills two years ago.\n\n"
     "In August 2024, during the driest summer the region had recorded, wildfires in the northern hills "
     "destroyed 300 homes.", "two years ago"),
    # a relative dating and the date written beside it restate one moment
    ("The stoppage began on April 14, five weeks ago, after members rejected the offer.", "five weeks ago"),
    ("He moved into the container a year ago, in March 2023, after the camp closed.", "a year ago"),
    # "began operating in January 2025" dates the beginning, which "opened" tells too
    ("The first plant began operating in January 2025, a year late.\n\n"
     "The company said the second plant was built faster than the first plant, which opened last year.",
     "last year"),
])
def test_links_find_the_contradiction(text, needle) -> None:
    found = messages(text)
    assert len(found) == 1, found
    assert found[0].startswith(f'"{needle}" means')


@pytest.mark.parametrize("text", [
    # "two years ago" for something 31 months back is a fair count
    "The council announced the savings plan in November 2022.\n\n"
    "The plan, unveiled two years ago, has already closed three libraries.",
    # "a few years ago" is too loose to count
    "The council announced the savings plan in 2021.\n\nThe plan, unveiled a few years ago, closed three libraries.",
    # announcing and launching are two events
    "The council announced the savings plan in 2022.\n\nThe plan, launched last month, closed three libraries.",
    # "they" are the leaders, not the talks
    "Negotiations between the port and the dockers broke down on Thursday, May 29.\n\n"
    "Union leaders said they walked out yesterday.",
    # "it" after a name is unsure
    "The zoning plan, which Councillor Ama Boateng first proposed in October, goes to a vote on Thursday.\n\n"
    "Her deputy Kofi Mensah said Boateng first put it forward last month.",
    # new floods are other floods
    "The valley was cut off in July 2022, when floods destroyed two bridges.\n\n"
    "Farmers said new floods last year washed away the repairs.",
    # the floods of a when-clause are dated by it; a later dating that agrees
    "The valley was cut off in July 2024, when floods destroyed two bridges.\n\n"
    "Farmers said the repairs promised after the floods last year never came.",
    # someone else's diagnosis
    "Mr. Adeyemi was diagnosed with leukaemia in March 2021.\n\n"
    "Since her diagnosis two years ago, Ms. Okafor has raised money for the ward.",
    "Ms. Okafor's brother was diagnosed with leukaemia in March 2021.\n\n"
    "Since her diagnosis two years ago, Ms. Okafor has raised money for the ward.",
    # the right centenary; a second founding year of something else does not matter
    "The town was founded in 1210. The brass band, formed in 1926 by miners, marks its centenary next year.",
    # a record "since 1925" is no founding
    "The museum marks its centenary next year. The spring was the wettest since 1925.",
    # a founding centuries away is another thing's founding
    "The abbey was founded in 1132.\n\nThe choir, which celebrates its 40th anniversary next year, sings there.",
    # the declaration of something else: the noun's modifier is not in the verb's clause
    "The governor declared a state of emergency in February 2023.\n\n"
    "Growers have asked for help with freight since the drought declaration last year.",
    # the peak the article dates fits "last July"
    "Food inflation peaked at 11 percent in July 2024.\n\n"
    "Since the inflation peak last July, wages have risen faster than prices.",
    # a start that fits; an end is not the start "since" gives
    "Farmers have blocked the port road since May 12.\n\n"
    "The camp has grown since the blockade began last month, organisers said.",
    "Farmers have blocked the port road since May 12.\n\n"
    "The camp was cleared after the blockade ended two days ago, organisers said.",
    # the fires of last year fit August 2024
    "Residents said the smoke reminded them of the fires that swept the northern hills last year.\n\n"
    "In August 2024, during the driest summer the region had recorded, wildfires in the northern hills "
    "destroyed 300 homes.",
    # the two agree; a date after another preposition dates something else
    "The stoppage began on May 6, five weeks ago, after members rejected the offer.",
    "He moved into the container a year ago, in June 2024, after the camp closed.",
    "The stoppage began five weeks ago and will end by April 14, the union said.",
    # a dating paragraphs later tells of another fire
    "The chief of a village burnt by last year's wildfire spoke to the inquiry on Monday.\n\n"
    "The inquiry is examining how aircraft are sent.\n\nIts report is due in March.\n\n"
    "The chief said he had read the report on the 2016 fire in a northern town.",
])
def test_links_stay_silent(text) -> None:
    assert messages(text) == []


# -- NL403: "the N-year-old" is an age of the person just named ----------------------------------------------
@pytest.mark.parametrize("text, fires", [
    ("The driver, Colm Reilly, was born on May 2, 1990.\n\n"
     "The 41-year-old was banned from driving in 2019, court records show.", True),
    ("The driver, Colm Reilly, was born on May 2, 1990.\n\n"
     "The 35-year-old was banned from driving last year, court records show.", False),
    # an indefinite age is someone new
    ("The driver, Colm Reilly, was born on May 2, 1990.\n\nA 41-year-old passenger was also hurt.", False),
    # the age fits the year the sentence dates
    ("The driver, Colm Reilly, was born on May 2, 1990.\n\nThe 29-year-old was banned from driving in 2019.", False),
])
def test_the_n_year_old(text, fires) -> None:
    found = messages(text, "NL403")
    assert bool(found) is fires, found
    if fires:
        assert "does not fit the birth date 'May 2, 1990'" in found[0]


@pytest.mark.parametrize("a, b, same", [
    ("collapse", "break down", True), ("propose", "put forward", True), ("announce", "unveil", True),
    ("announce", "launch", False), ("break", "collapse", False), ("collapse", "collapse", False),
])
def test_synonymous_verbs(a, b, same) -> None:
    assert synonymous_verbs(a, b) is same
