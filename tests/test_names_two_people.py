"""NL101: two different people with similar names, each introduced, are not one name spelled two ways.

Each principle has a table of drafts it clears and a table of real slips it must leave flagged. Every
cleared draft comes with a control: the same draft without the signal, which must be flagged, so a test
fails if the signal stops mattering rather than passing because nothing was ever found.
"""
from __future__ import annotations

import pytest

from conftest import lint


def flagged_words(text: str) -> list[str]:
    """The word or name each NL101 finding points at."""
    return [f.message.split('"')[1] for f in lint(text, select="NL101")]


# -- 1. the article says the two are not related -----------------------------------------------------
CHOIR = ("The choir's conductor, Helen Dorsey, picked the programme. Dorsey said rehearsals began in May. "
         "Dorsey has led the choir since 2009. The solo went to Helen Dorsay{signal}. Dorsey thanked the "
         "audience afterwards.")

DISCLAIMED = [
    pytest.param(", who is no relation of the conductor", id="no-relation-of"),
    pytest.param(" (no relation)", id="no-relation-in-brackets"),
    pytest.param(", who is not related to her", id="not-related-to-her"),
    pytest.param(", not to be confused with the conductor", id="not-to-be-confused"),
    pytest.param(", though the two women are unrelated", id="unrelated-at-clause-end"),
    pytest.param(", who is not a relative", id="not-a-relative"),
]


@pytest.mark.parametrize("signal", DISCLAIMED)
def test_a_stated_non_relation_means_two_people(signal: str) -> None:
    assert flagged_words(CHOIR.format(signal="")) == ["Dorsay"]  # the control: a slip without the signal
    assert flagged_words(CHOIR.format(signal=signal)) == []


NOT_A_DISCLAIMER = [
    pytest.param(", who faces an unrelated charge", id="unrelated-charge"),
    pytest.param(", whose fee was not related to the award", id="not-related-to-a-thing"),
    pytest.param(", a relation of the organist", id="relation-without-no"),
]


@pytest.mark.parametrize("signal", NOT_A_DISCLAIMER)
def test_other_uses_of_relation_words_leave_the_slip(signal: str) -> None:
    assert flagged_words(CHOIR.format(signal=signal)) == ["Dorsay"]


# -- 2. the two spellings set against each other in one sentence ----------------------------------------
SOLO = ("Olwen Pryce leads the village choir. Pryce said the concert sold out. Pryce chose every hymn. "
        "The solo was sung by Price{signal}, the programme said.")

CONTRASTED = [
    pytest.param(", not Pryce", id="comma-not"),
    pytest.param(" rather than Pryce", id="rather-than"),
    pytest.param(" instead of Pryce", id="instead-of"),
    pytest.param(" and not Pryce", id="and-not"),
]


@pytest.mark.parametrize("signal", CONTRASTED)
def test_spellings_set_against_each_other_are_two_people(signal: str) -> None:
    assert flagged_words(SOLO.format(signal="")) == ["Price"]
    assert flagged_words(SOLO.format(signal=signal)) == []


def test_people_listed_with_appositives_are_two_people() -> None:
    """"A, a welder, and B": a list of people, however alike their names."""
    text = ("Two other workers, Naoki Morii, a welder, and Naomi Morita, a crane driver, were also injured. "
            "Morii's family said he was recovering.\n\nThe plant's owner said Morii had been with the firm "
            "for ten years.\n")
    assert flagged_words(text) == []
    assert flagged_words(text.replace("Morii, a welder, and", "Morii, a welder. So was")) == ["Morita"]


def test_two_spellings_in_one_sentence_without_contrast_is_still_a_slip() -> None:
    text = ("Olwen Pryce leads the village choir. Pryce said the concert sold out. Pryce chose every hymn. "
            "Members said Price had chosen well, and Pryce agreed.")
    assert flagged_words(text) == ["Price"]


# -- 3. each spelling introduced with a name of its own and used again -------------------------------------
INTRODUCED_APART = [
    pytest.param(
        "Carla Benedetti scored first for the home side. Carla Benedetti now has nine goals. Benedetti was "
        "substituted late on. The visitors replied through their captain, Karla Benedetto. Benedetto has "
        "scored in four games running.",
        id="similar-given-and-surname-each-used-twice"),
    pytest.param(
        "The gallery's director, Peter Sandell, opened the show. Sandell said it took three years. "
        "Sandell thanked the lenders. A retired engineer, Peter Sandel, lent a clock. Sandel said it had "
        "stood in his hall for decades. Sandel will see it on Friday. Sandell closed the evening.",
        id="same-given-name-each-used-three-times"),
]


@pytest.mark.parametrize("text", INTRODUCED_APART)
def test_two_names_each_introduced_and_used_are_two_people(text: str) -> None:
    assert flagged_words(text) == []


STILL_SLIPS = [
    pytest.param(
        "Irena Volkava chaired the protest committee. Police later detained Irena Volkova. Volkova's lawyer "
        "said she was held overnight. Volkova was released on Monday.",
        "Volkava", id="minority-introduced-in-full-but-used-once"),
    pytest.param(
        "The minister, Harriet Callander, resigned on Friday. Callander read a statement. Reporters asked "
        "whether Calander had known of the loan. Calander did not answer. Callander left by car.",
        "Calander", id="minority-used-twice-never-introduced"),
    pytest.param(
        "The gallery's director, Peter Sandell, opened the show. Sandell said it took three years. "
        "Sandell thanked the lenders. Peter Sandel showed guests the clocks. Sandel said two were rare. "
        "Sandell closed the evening.",
        "Sandel", id="same-given-name-used-twice-is-a-reintroduction"),
    pytest.param(
        "Aleś Marchenka founded the centre. Marchenka said it had 40 staff. Marchenka hired a nurse. "
        "Aleś Marchenko, its first director, said the same. Marchenko left in 2020.",
        "Marchenko", id="transliteration-with-one-given-name"),
    pytest.param(
        "Sofie Lindgrén won the race. Lindgrén said the ice was fast. Sofia Lindgren, the coach, waited. "
        "Lindgren said the team was proud. Lindgrén flew home.",
        "Lindgren", id="accent-difference-is-never-two-people"),
]


@pytest.mark.parametrize(("text", "slip"), STILL_SLIPS)
def test_real_slips_stay_flagged(text: str, slip: str) -> None:
    found = flagged_words(text)
    assert slip in found, found
