"""The packs newslint ships (rules/AP, rules/Newsroom): they load cleanly and every example behaves."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.api import check_text_result
from newslint.config import config_from_mapping
from newslint.packs import load_packs
from newslint.plugins import build_registry
from newslint.rule import code_blocks

ROOT = Path(__file__).resolve().parent.parent
PACKS = [ROOT / "rules" / "AP", ROOT / "rules" / "Newsroom"]
RULES, WARNINGS = load_packs(PACKS, build_registry())
CASES = [(cls, label, text) for cls in RULES
         for label, texts in (("bad", cls.spec.examples.bad), ("good", cls.spec.examples.good)) for text in texts]


def _fired(cls, text: str) -> list:
    config = config_from_mapping({"packs": [str(p) for p in PACKS], "select": [cls.id]})
    return [f for f in check_text_result(text, config=config, path="example.md").findings if f.rule == cls.id]


def test_shipped_packs_load_without_warnings() -> None:
    assert WARNINGS == []
    assert {cls.id.split(".")[0] for cls in RULES} == {"AP", "Newsroom"}
    assert len(RULES) >= 14


@pytest.mark.parametrize("cls", RULES, ids=[c.id for c in RULES])
def test_every_shipped_rule_has_examples_and_a_rationale(cls) -> None:
    assert cls.spec.examples.bad, f"{cls.id} has no bad example in examples.toml"
    assert cls.spec.examples.good, f"{cls.id} has no good example in examples.toml"
    assert len(cls.spec.description) > 60, f"{cls.id} needs a description saying why"
    assert cls.category == "style" and cls.name == cls.name.lower()
    assert [b.strip() for b in code_blocks(cls.doc_section("Example"))] == list(cls.spec.examples.bad)


@pytest.mark.parametrize("cls,label,text", CASES, ids=[f"{c.id}-{label}-{i}" for i, (c, label, _) in enumerate(CASES)])
def test_example(cls, label: str, text: str) -> None:
    findings = _fired(cls, text)
    if label == "bad":
        assert findings, f"{cls.id} does not fire on its bad example: {text}"
    else:
        assert not findings, f"{cls.id} fires on its good example: {text}: {[f.message for f in findings]}"


def test_newsroom_rules_leave_quotations_alone() -> None:
    cls = next(c for c in RULES if c.id == "Newsroom.Cliches")
    assert _fired(cls, "The plan came under fire on Monday.")
    assert not _fired(cls, "“The plan came under fire,” the mayor said.")


def test_newsroom_does_not_duplicate_the_core_placeholder_rule() -> None:
    messages = " ".join(c.spec.message.lower() + " ".join(c.spec.data.get("tokens", [])) for c in RULES)
    assert "tktk" not in messages and "placeholder" not in messages


@pytest.mark.parametrize("draft,fixed", [
    ("The vote is at 8 PM. Polls open at 7am.", "The vote is at 8 p.m. Polls open at 7 a.m."),
    ("Turnout rose 4 per cent on March 3rd.", "Turnout rose 4 percent on March 3."),
    ("The hearing is on January 14 in Salem.", "The hearing is on Jan. 14 in Salem."),
    ("Over 200 people came.", "Over 200 people came."),   # a suggestion without an action is never applied
])
def test_fixes_of_shipped_rules(draft: str, fixed: str) -> None:
    from newslint.fixes import fix_draft
    config = config_from_mapping({"packs": [str(p) for p in PACKS], "select": ["AP", "Newsroom"]})
    assert fix_draft(draft, config=config, path="draft.md").text == fixed
