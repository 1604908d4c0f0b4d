"""The shared person analysis (newslint.people): mentions, grouping, lookups and established names."""
from __future__ import annotations

import pytest

from newslint.api import check_text_result
from newslint.config import config_from_mapping
from newslint.engine import Linter, Overrides
from newslint.people import Mention, Person, established_names, name_analysis, people, person_at


def parse(text: str):
    config = config_from_mapping({"select": ["NL101"]})
    linter = Linter(Overrides(), config=config)
    ruleset = linter.ruleset(config)
    return linter.parse(text, "draft.md", config, ruleset.registry)


def by_name(doc) -> dict[str, Person]:
    return {p.name: p for p in people(doc)}


def test_full_name_and_surname_are_one_person() -> None:
    doc = parse("Nadia Ferreira chairs the board. Ferreira said profits had risen. Ms. Ferreira's term ends soon.")
    person = by_name(doc)["Nadia Ferreira"]
    assert person.kind == "person"
    assert [m.text for m in person.mentions] == ["Nadia Ferreira", "Ferreira", "Ferreira"]


def test_mention_excludes_title_and_possessive() -> None:
    text = "Sen. Harriet Vandermolen filed the bill. Vandermolen’s office said the vote was near."
    doc = parse(text)
    person = by_name(doc)["Harriet Vandermolen"]
    first, second = person.mentions
    assert first == Mention(text.index("Harriet"), text.index(" filed"), "Harriet Vandermolen")
    assert second.text == "Vandermolen" and text[second.end] == "’"


def test_relatives_are_separate_people() -> None:
    doc = parse("Ingrid Haugvik beat her sister Marte Haugvik by two seconds. Ingrid Haugvik said it was close. "
                "Marte Haugvik said she was tired.")
    names = by_name(doc)
    assert {"Ingrid Haugvik", "Marte Haugvik"} <= set(names)
    assert len(names["Ingrid Haugvik"].mentions) == 2
    assert len(names["Marte Haugvik"].mentions) == 2


def test_surname_alone_goes_to_the_latest_bearer() -> None:
    text = ("Ingrid Haugvik won on Saturday. Haugvik said the snow was slow. Marte Haugvik finished second. "
            "Haugvik said she would race again.")
    doc = parse(text)
    assert person_at(doc, text.index("Haugvik said the")).name == "Ingrid Haugvik"
    assert person_at(doc, text.rindex("Haugvik said")).name == "Marte Haugvik"


def test_person_the_tagger_calls_an_org_is_a_person() -> None:
    text = "His widow, Ingeborg Saltvik, told the newspaper he had been ill. Saltvik said the family was grateful."
    doc = parse(text)
    person = person_at(doc, text.index("Ingeborg"))
    assert person is not None and person.name == "Ingeborg Saltvik"
    assert person.kind == "person"
    assert len(person.mentions) == 2


def test_organisation_kind() -> None:
    text = "Hanul Electronics Corp said profit rose. The Central Bank of Kenya kept rates unchanged."
    doc = parse(text)
    kinds = {p.name: p.kind for p in people(doc)}
    assert kinds.get("Hanul Electronics Corp") == "org"


def test_person_at_outside_a_name_is_none() -> None:
    text = "Nadia Ferreira chairs the board."
    assert person_at(parse(text), text.index("chairs")) is None


def test_established_names_hold_every_name_word() -> None:
    doc = parse("Dr. Park Jae-seong leads the lab. Aoife Ní Bhriain joined in May. Ó Floinn's boat sailed.")
    names = established_names(doc)
    for word in ("Park", "Jae-seong", "Jae", "seong", "Aoife", "Ní", "Bhriain", "Floinn"):
        assert word in names, word
    assert "Dr." not in names and "May" not in names


def test_analysis_is_computed_once_per_document() -> None:
    doc = parse("Nadia Ferreira chairs the board.")
    assert name_analysis(doc) is name_analysis(doc)
    assert people(doc) is people(doc)


def test_plain_run_without_names_needs_no_people() -> None:
    doc = parse("It rained all day and the match was called off.")
    assert people(doc) == ()


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_draft(text: str) -> None:
    result = check_text_result(text, config=config_from_mapping({"select": ["NL101"]}), path="x.md")
    assert list(result.findings) == []
