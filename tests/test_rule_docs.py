"""Every rule's documentation tests itself: its Example fires, its Use instead does not."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.api import check_text_result
from newslint.config import config_from_mapping
from newslint.engine import RuleSkipped
from newslint.plugins import build_registry
from newslint.rule import code_blocks

RULES = list(build_registry().rules.values())
SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


def _run(cls, text: str):
    date = dt.date.fromisoformat(cls.example_date) if cls.example_date else None
    result = check_text_result(text, date=date, config=config_from_mapping({"select": [cls.id]}), path="example.md")
    skipped = [n for n in result.notices if n.startswith(cls.id)]
    if skipped:
        pytest.skip(skipped[0])
    return [f for f in result.findings if f.rule == cls.id]


@pytest.mark.parametrize("cls", RULES, ids=[c.id for c in RULES])
def test_rule_metadata_and_sections(cls) -> None:
    cls.validate_metadata()
    for section in SECTIONS:
        assert cls.doc_section(section).strip(), f"{cls.id} docstring lacks '## {section}'"


@pytest.mark.parametrize("cls", RULES, ids=[c.id for c in RULES])
def test_example_fires(cls) -> None:
    examples = list(code_blocks(cls.doc_section("Example")))
    assert examples, f"{cls.id}: no fenced example"
    for example in examples:
        assert _run(cls, example), f"{cls.id} does not fire on its own Example:\n{example}"


@pytest.mark.parametrize("cls", RULES, ids=[c.id for c in RULES])
def test_use_instead_is_clean(cls) -> None:
    fixed = list(code_blocks(cls.doc_section("Use instead")))
    assert fixed, f"{cls.id}: no fenced 'Use instead'"
    for text in fixed:
        assert not _run(cls, text), f"{cls.id} fires on its own 'Use instead':\n{text}"


def test_rule_skipped_is_importable() -> None:
    assert issubclass(RuleSkipped, Exception)
