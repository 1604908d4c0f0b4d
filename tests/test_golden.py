"""Golden fixtures: tests/fixtures/<rule-name>/<case>.md (or .txt/.html) with <case>.expected.

Each case runs with only the rule its folder names; the .expected file holds
the concise report lines. `pytest --update-golden` rewrites them after a
deliberate change, and the diff is reviewed like code.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.api import check_text_result
from newslint.config import config_from_mapping
from newslint.reporters.concise import concise_line

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in (".md", ".txt", ".html"))


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_golden(case: Path, update_golden: bool) -> None:
    rule_name = case.parent.name
    result = check_text_result(case.read_text(encoding="utf-8"), config=config_from_mapping({"select": [rule_name]}),
                               path=case.name)
    actual = "".join(concise_line(f) + "\n" for f in result.findings)
    expected_path = case.with_suffix(".expected")
    if update_golden or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote new {expected_path.name}; review it and rerun")
    assert actual == expected_path.read_text(encoding="utf-8")


def test_every_builtin_rule_has_a_golden_fixture() -> None:
    from newslint.plugins import build_registry
    registry = build_registry()
    names = {p.parent.name for p in CASES}
    missing = [cls.name for cls in registry.rules.values() if cls.__module__.startswith("newslint.checks")
               and cls.name not in names]
    assert not missing, f"rules without golden fixtures: {missing}"
