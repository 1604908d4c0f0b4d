"""The timeframe rules NL401-NL405 on short drafts written for these tests."""
from __future__ import annotations

import pytest

from newslint.api import check_text_result
from newslint.config import config_from_mapping

from conftest import lint


def messages(text, select, date="2025-06-10", **config):
    return [f.message for f in lint(text, select=select, date=date, **config)]


# -- NL401 relative-date-contradiction ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The ferry terminal opened in 2019.\n\nTraders said the terminal, which opened two years ago, is too small.",
    "The city introduced the parking levy in the spring of 2023.\n\nDrivers have paid more since the levy was "
    "launched last year.",
    "The orchard flooded on Sunday.\n\nVolunteers cleared the mud after the river flooded the orchard yesterday.",
    "The museum completed the renovation in March 2025.\n\nThe director said the renovation, which will be "
    "finished next month, cost more than planned.",
    "The 2021 strikes shut every port.\n\nDockers were detained in 2022 during the strikes against Mayor Ruiz, who "
    "was accused of rigging the ballot the unions disputed last year.",
])
def test_relative_date_contradiction_fires(text) -> None:
    found = messages(text, "NL401")
    assert len(found) == 1, found
    assert "here (published 2025-06-10), but" in found[0]


@pytest.mark.parametrize("text", [
    "The ferry terminal opened in 2019.\n\nTraders said the terminal, which opened six years ago, is too small.",
    "The city introduced the parking levy in the spring of 2024.\n\nDrivers have paid more since the levy was "
    "launched last year.",
    # two different bridges: a new one is not the one dated before
    "A bridge opened in 2019.\n\nAnother bridge opened last year.",
    # the narrative year anchors "the previous year", never the publication date
    "In 2019, the lake froze. The previous year, the dam was finished.",
    # a person doing two things is not one event
    "Ngozi Bello won the regional title on Saturday.\n\nBello won the national title last year.",
    "The 2019 law, which parliament amended last year, is still disputed.",
])
def test_relative_date_contradiction_stays_quiet(text) -> None:
    assert messages(text, "NL401") == []


def test_message_names_both_datings() -> None:
    (message,) = messages("The ferry terminal opened in 2019.\n\nThe terminal, which opened two years ago, is "
                          "too small.", "NL401")
    assert message == ('"two years ago" means 2023 here (published 2025-06-10), but the same event (terminal) '
                       'is dated 2019 in line 1')


def test_known_event_from_facts() -> None:
    facts = [{"event": "Freedonia general election", "dates": ["2021-05-02"], "aliases": ["election"]}]
    text = "Turnout in the election last year was the lowest on record."
    found = messages(text, "NL401", facts=facts)
    assert found == ['"last year" means 2024 here (published 2025-06-10), but the Freedonia general election is '
                     'dated 2021-05-02 (facts)']
    assert messages("Turnout in the election four years ago was low.", "NL401", facts=facts) == []


def test_facts_file(tmp_path) -> None:
    path = tmp_path / "facts.toml"
    path.write_text('[[facts]]\nevent = "harbour fire"\ndates = ["2020-02-11"]\naliases = ["the fire"]\n',
                    encoding="utf-8")
    found = messages("Owners rebuilt after the fire last year.", "NL401", **{"facts-file": str(path)})
    assert len(found) == 1 and "harbour fire is dated 2020-02-11" in found[0]


def test_rules_needing_a_date_skip_with_a_notice() -> None:
    result = check_text_result("The terminal opened in 2019. It opened last year.",
                               config=config_from_mapping({"select": ["NL401", "NL403", "NL405"]}), path="d.md")
    assert result.findings == ()
    assert len(result.notices) == 3
    assert all("no publication date: pass --date or add date: to the front matter" in n for n in result.notices)


def test_reference_date_today_opts_in() -> None:
    result = check_text_result("The council will vote on the budget on 3 March 2001.",
                               config=config_from_mapping({"select": ["NL405"], "reference-date": "today"}),
                               path="d.md")
    assert result.notices == () and len(result.findings) == 1


# -- NL402 weekday-date-mismatch ----------------------------------------------------------------
@pytest.mark.parametrize("text, date", [
    ("The hearing is set for Monday, March 3, 2026.", None),
    ("The hearing is set for Mon, 3 March 2026.", None),
    ("The hearing is set for Monday, 2026-03-03.", None),
    ("The hearing is set for Monday, 31/03/2026.", None),
    ("The hearing is set for Friday, March 6.", "2026-02-20"),  # March 6, 2026 is a Friday? no: it is.
])
def test_weekday_mismatch_table(text, date) -> None:
    found = lint(text, select="NL402", date=date)
    expected = 0 if "Friday, March 6" in text else 1
    assert len(found) == expected, found


@pytest.mark.parametrize("text", [
    "The hearing is set for Tuesday, March 3, 2026.",
    "The hearing is set for Tue, 3 March 2026.",
    "The hearing is set for Monday, 04/05/2026.",  # reads two ways: left alone
])
def test_weekday_matches(text) -> None:
    assert lint(text, select="NL402") == []


def test_weekday_without_year_reads_the_year_from_the_publication_date() -> None:
    (finding,) = lint("The appeal will be heard on Friday, Oct. 15.", select="NL402", date="2026-09-30")
    assert "October 15, 2026 is a Thursday, not a Friday" in finding.message
    assert finding.suggestions == ("Thursday",)
    assert lint("The appeal will be heard on Friday, Oct. 15.", select="NL402") == []  # no date: no guess


def test_bare_weekday_against_the_same_event_dated_elsewhere() -> None:
    text = ("Inspectors closed the bakery on Monday.\n\nThe owner said inspectors closed the bakery on June 5, 2025, "
            "without warning.")
    found = lint(text, select="NL402", date="2025-06-10")
    assert [f.line for f in found] == [1] and "a Thursday" in found[0].message


# -- NL403 age-contradiction --------------------------------------------------------------------
OBIT = ("Ruth Okonkwo, who taught chemistry for 40 years, died on Friday. She was {age}.\n\n"
        "Okonkwo was born on {birth}, in Enugu.")


@pytest.mark.parametrize("age, birth, fires", [
    (84, "June 2, 1940", False),
    (79, "June 2, 1940", True),
    (83, "Dec. 30, 1940", False),  # the birthday falls after the death
    (84, "Dec. 30, 1940", True),
])
def test_obituary_age(age, birth, fires) -> None:
    found = lint(OBIT.format(age=age, birth=birth), select="NL403", date="2024-11-20")
    assert bool(found) == fires, found


@pytest.mark.parametrize("age, fires", [(44, False), (45, False), (46, True), (43, True)])
def test_birth_year_alone_allows_two_ages(age, fires) -> None:
    text = f"Tomas Lind, {age}, runs the ferry company.\n\nLind was born in 1980 in Umea."
    assert bool(lint(text, select="NL403", date="2025-06-10")) == fires


def test_turning_an_age_on_a_weekday() -> None:
    text = "Amara Diallo, who was born on Feb. 14, 1996, turns 30 on Saturday."
    assert lint(text, select="NL403", date="2026-02-10") == []
    assert len(lint(text.replace("30", "31"), select="NL403", date="2026-02-10")) == 1


# -- NL404 impossible-date ----------------------------------------------------------------------
@pytest.mark.parametrize("text, fires", [
    ("The bridge closes on April 31.", True),
    ("The bridge closes on February 30.", True),
    ("The bridge closed on 29 February 2023.", True),
    ("The bridge closed on 29 February 2024.", False),
    ("The bridge closes on February 29.", False),
    ("The bridge closed on 2023-02-29.", True),
    ("The bridge closes on April 30.", False),
])
def test_impossible_dates(text, fires) -> None:
    assert bool(lint(text, select="NL404")) == fires


# -- NL405 tense-date-conflict ------------------------------------------------------------------
@pytest.mark.parametrize("text, fires", [
    ("The council will vote on the budget on March 3.", True),
    ("The council voted on the budget on March 3.", False),
    ("The council will vote on the budget on March 17.", False),
    ("The company opened the plant on June 4, 2026.", True),
    ("The company will open the plant on June 4, 2026.", False),
    ("The judge set sentencing for June 4, 2026.", False),  # scheduling verbs carry future dates
    ("The council said it would vote on March 3.", False),  # reported future
    ("The plant closed last month and reopens next month.", False),
])
def test_tense_date_conflict(text, fires) -> None:
    assert bool(lint(text, select="NL405", date="2025-03-10")) == fires


@pytest.mark.parametrize("text, fires", [
    # a participle the parser takes for the main verb: the sentence's verb is "will not be living"
    ("But a tenant evicted this winter will not be living in a flat that gets finished in 2028.", False),
    ("The council evicted the tenant this winter.", True),
    # a past "was" with a date to come tells what a schedule said
    ("We were promised the bridge for 2021. Then it was 2022. Then it was this winter.", False),
])
def test_a_reduced_relative_is_no_past_tense(text, fires) -> None:
    assert bool(lint(text, select="NL405", date="2023-09-14")) == fires


@pytest.mark.parametrize("text, fires", [
    ("Marta Reis, 47, has run the bakery since 2015. She was born in 1979 in Braga.", True),
    ("Marta Reis, 44, has run the bakery since 2015. She was born in 1979 in Braga.", False),
    ("In 1998 Marta Reis, 19, opened the bakery. She was born in 1979 in Braga.", False),
])
def test_appositive_age_is_read_now_or_at_the_sentence_date(text: str, fires: bool) -> None:
    from conftest import lint
    found = lint(text, select="NL403", date="2023-06-14")
    assert bool(found) is fires, found


@pytest.mark.parametrize("text, fires", [
    ("Smith, who was born on June 3, 1980, is 43.", False),
    ("Smith, who was born on June 3, 1980, is 45.", True),
    ("Born in 1961, the mayor, Ines Varga, is 63.", False),
])
def test_a_birth_date_does_not_date_an_age_in_the_same_sentence(text: str, fires: bool) -> None:
    from conftest import lint
    found = lint(text, select="NL403", date="2024-05-15")
    assert bool(found) is fires, found
