"""NL201 unbalanced-quotes and NL202 unbalanced-brackets: what fires, what does not, and where."""
from __future__ import annotations

import pytest

from conftest import lint

from newslint.rule import Severity


def quote_findings(text: str, fmt: str = "markdown"):
    return lint(text, select="NL201", fmt=fmt)


def marked(text: str, findings) -> list[str]:
    """The character each finding points at, read back from the source."""
    lines = text.split("\n")
    return [lines[f.line - 1][f.column - 1:f.end_column - 1] for f in findings]


VALID_QUOTES = [
    # pairs of every kind
    "“The bridge will reopen in May,” the engineer said.",
    '"The bridge will reopen in May," the engineer said.',
    "‘The bridge will reopen in May,’ the headline read.",
    "'The bridge will reopen in May,' the headline read.",
    "The mayor called it « un succès » on Monday.",
    "“Straight and curly marks may meet,\" the editor sighed.",
    # a quote inside a quote alternates double and single
    "“My father told me, ‘Never sell the boat,’ and I never did,” Ruiz said.",
    "'She shouted \"Run!\" and we ran,' the neighbour recalled.",
    "“He said, ‘They called it “the long winter” for a reason,’ and laughed,” she wrote.",
    # apostrophes are not quotation marks
    "The shop doesn’t open on Sundays, O’Brien said.",
    "Sales peaked in the ’90s and fell in the 2000s.",
    "The band played rock ’n’ roll until the early hours.",
    "The band played rock 'n' roll until the early hours.",
    "The students’ union voted against the plan.",
    "The Joneses' dog barked at the postman.",
    "’Tis the season for roadworks, it seems.",
    "The U.S.’ share of the market fell.",
    "They were just sittin’ around, waiting for the bus.",
    "“The farmers’ market stays,” she said.",
    "‘The farmers’ market stays,’ the sign said.",
    "He calls it the ’burbs, and he means it kindly.",
    "She graduated with the class of ’98.",
    "‘20 years on,’ the headline said.",
    # primes in measures
    "The goalkeeper is 5'10\" and the striker 6′2″.",
    "She bought a 12\" pizza and a 55\" television.",
    "The new laptop has a 13.3” screen.",
    "The shed is 8' wide.",
    # the news convention: a quotation running on into the next paragraph
    "“We lost the harvest in one night.\n\n“Then the insurers said the frost did not count,” Novak said.",
    "“First paragraph of the statement.\n\n“Second paragraph.\n\n“Third and last,” the union said.",
    "“He told me, ‘Wait for the second bell.\n\n“‘Then run,’ and so I did,” she said.",
    # scare quotes, dashes, ellipses, brackets
    "The so-called “temporary” tax has lasted 40 years.",
    "“I was about to—” he began, before the line went dead.",
    "“…and that is why we left,” she said.",
    "“[The council] failed us,” Ochieng said.",
    "Officials (“we are not worried,” one said) played it down.",
    "A sign read 'No entry' and another 'Keep out'.",
    "",
]

INVALID_QUOTES = [
    # (text, the mark the finding points at, severity)
    ("“We slept outside for two nights, said Mary Otieno. “The children were cold.”", "“", Severity.ERROR),
    ("Nobody was hurt. The roof was already gone,” the chief said.", "”", Severity.ERROR),
    ('The roof was already gone," the chief said.', '"', Severity.ERROR),
    ("“We will rebuild, he said.", "“", Severity.ERROR),
    ("“This is the last word on it.\n\nThe council did not reply.", "“", Severity.ERROR),
    ("Paul a dit : « Je viendrai demain.", "«", Severity.ERROR),
    ("“She said, ‘We are finished here,” Amara recalled.", "‘", Severity.WARNING),
    ("‘They will never find it, the caretaker whispered.", "‘", Severity.WARNING),
    ("”Hello,” the robot said.", "”", Severity.WARNING),
    ("“Hello“ the robot said.", "“", Severity.WARNING),
    ("Rents doubled in the ‘90s.", "‘", Severity.WARNING),
    ("“He said \"stop\" and we stopped,” she recalled.", '"', Severity.WARNING),
]


@pytest.mark.parametrize("text", VALID_QUOTES)
def test_balanced_quotes_pass(text: str) -> None:
    assert quote_findings(text) == []


@pytest.mark.parametrize("text,mark,severity", INVALID_QUOTES)
def test_unbalanced_quotes_are_found(text: str, mark: str, severity: Severity) -> None:
    findings = quote_findings(text)
    assert len(findings) == 1, [f.message for f in findings]
    assert marked(text, findings) == [mark]
    assert findings[0].severity == severity
    assert findings[0].category == "quotes"


def test_message_names_the_mark() -> None:
    [finding] = quote_findings("The roof was already gone,” the chief said.")
    assert "closing ”" in finding.message
    [finding] = quote_findings("The roof will hold, he said, 'and so will we.")
    assert "straight '" in finding.message
    findings = quote_findings("'The roof will hold,\" he said.")
    assert len(findings) == 1 and "is closed by straight \"" in findings[0].message


def test_attribution_inside_an_open_quotation_is_named() -> None:
    [finding] = quote_findings("“The river rose in an hour, said Tomas Berg.\n\n“Nobody warned us,” his wife said.")
    assert finding.line == 1 and finding.column == 1
    assert "said Tomas Berg" in finding.message


def test_continuation_that_does_not_reopen_is_an_error() -> None:
    text = "“The mill fed this town for a century.\n\nNow it feeds nobody,” the mayor said."
    [finding] = quote_findings(text)
    assert finding.severity == Severity.ERROR
    assert finding.line == 3 and marked(text, [finding]) == ["”"]
    assert "without reopening" in finding.message


def test_run_on_quotation_that_never_closes_is_an_error() -> None:
    text = ("“The mill fed this town for a century.\n\n“Now it feeds nobody.\n\n"
            "The mayor spoke for an hour.")
    [finding] = quote_findings(text)
    assert finding.severity == Severity.ERROR
    assert finding.line == 3 and finding.column == 1
    assert "never closes" in finding.message and "The mill fed this" in finding.message


def test_last_paragraph_left_open_is_an_error() -> None:
    [finding] = quote_findings("The mayor spoke first.\n\n“We will rebuild the bridge.")
    assert finding.line == 3 and "never closed" in finding.message


def test_nested_run_on_needs_every_continuer() -> None:
    text = "The clerk said “she wrote ‘leave it\n\n“there, and go,’ on the note.”"
    [finding] = quote_findings(text)
    assert finding.severity == Severity.WARNING
    assert "“‘" in finding.message and finding.line == 3


def test_run_on_does_not_cross_into_a_heading() -> None:
    text = "“We will not move.\n\n## “Next steps”\n\nThe council met."
    [finding] = quote_findings(text)
    assert finding.line == 1


def test_quotes_in_plain_text_paragraphs_per_line() -> None:
    text = "“We lost everything in the flood.\n“The insurers said it was not covered,” Novak said.\n"
    assert quote_findings(text, fmt="text") == []
    assert len(quote_findings("“We lost everything.\nThe insurers refused.\n", fmt="text")) == 1


def test_wrong_facing_mark_has_a_fix() -> None:
    [finding] = quote_findings("”Hello,” the robot said.")
    assert finding.fix is not None and finding.fix.replacement == "“"
    assert finding.suggestions == ("“",)


def test_several_problems_each_reported_in_order() -> None:
    text = "“Open this, ‘open that, “open here, ‘open there"
    findings = quote_findings(text)
    assert [f.column for f in findings] == [1, 13, 25, 37]


VALID_BRACKETS = [
    "The council (which meets monthly) approved the budget.",
    "“[The minister] knew,” the aide said.",
    "The fund (set up in 2019 [after the floods]) is empty.",
    "Great news :-) and bad news :( as usual.",
    "Options: a) sell, b) rent, or c) wait.",
    "1) Register online.",
    "Ordinary prose with no brackets at all.",
]

INVALID_BRACKETS = [
    ("The council (which meets monthly approved the budget.", "("),
    ("The council which meets monthly) approved the budget.", ")"),
    ("“The test flight] will matter,” the analyst said.", "]"),
    ("The fund (set up in 2019] is empty.", "("),
]


@pytest.mark.parametrize("text", VALID_BRACKETS)
def test_balanced_brackets_pass(text: str) -> None:
    assert lint(text, select="NL202") == []


@pytest.mark.parametrize("text,mark", INVALID_BRACKETS)
def test_unbalanced_brackets_are_found(text: str, mark: str) -> None:
    findings = lint(text, select="NL202")
    assert marked(text, findings)[:1] == [mark]
    assert all(f.severity == Severity.WARNING for f in findings)


def test_brackets_do_not_pair_across_paragraphs() -> None:
    findings = lint("The plan (first floated in 2020\n\nwas dropped) quietly.", select="NL202")
    assert [(f.line, f.column) for f in findings] == [(1, 10), (3, 12)]


def test_markdown_link_brackets_are_not_prose() -> None:
    assert lint("Read the [full report](https://example.org/report) here.", select="NL202") == []
