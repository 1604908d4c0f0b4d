"""The public Python API for CMS integrations: newslint.check_text and newslint.fixes.fix_draft."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import newslint
from newslint.config import ConfigError
from newslint.document import DocumentError
from newslint.fixes import fix_draft

DRAFT = "The council approved TK million.\n\nThe the vote was close.\n"
HYGIENE = {"select": ["NL7"]}


def test_check_text_returns_sorted_located_findings() -> None:
    findings = newslint.check_text(DRAFT, config=HYGIENE)
    assert [(f.rule, f.line, f.column, str(f.severity)) for f in findings] == [
        ("NL701", 1, 22, "error"), ("NL703", 3, 1, "warning")]
    assert findings[0].path == "<text>"
    assert findings[1].suggestions == ("The",) and findings[1].fix is not None
    assert findings[0].to_json()["fixable"] is False


def test_a_config_mapping_selects_and_grades_rules() -> None:
    config = {"select": ["NL7"], "ignore": ["placeholder-left-in"], "severity": {"NL703": "error"}}
    assert [(f.rule, str(f.severity)) for f in newslint.check_text(DRAFT, config=config)] == [("NL703", "error")]


def test_a_config_file_path_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text('select = ["NL701"]\n', encoding="utf-8")
    assert [f.rule for f in newslint.check_text(DRAFT, config=path)] == ["NL701"]
    assert [f.rule for f in newslint.check_text(DRAFT, config=str(path))] == ["NL701"]


@pytest.mark.parametrize("config", [
    {"no-such-key": 1},
    {"select": ["NL999"]},
    {"select": "NL7"},                        # a list is required
    {"mixed-quote-styles": {"prefer": "fancy"}},
    {"doubled-word": {"no-such-option": 1}},
])
def test_a_bad_config_raises_config_error(config: dict) -> None:
    with pytest.raises(ConfigError):
        newslint.check_text(DRAFT, config=config)


def test_a_missing_config_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="missing.toml"):
        newslint.check_text(DRAFT, config=tmp_path / "missing.toml")


PLUGIN = """
from newslint import Rule, hookimpl


class SaysDate(Rule):
    id, name, category = "house.date", "says-date", "time"

    def check(self, doc):
        yield self.violation(0, 1, f"date is {doc.date}")


@hookimpl
def newslint_rules():
    return [SaysDate]
"""


@pytest.mark.parametrize("date", ["2025-03-04", dt.date(2025, 3, 4)])
def test_the_date_is_a_string_or_a_date(tmp_path: Path, date) -> None:
    plugin = tmp_path / "says_date.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    config = {"plugins": [str(plugin)], "select": ["house.date"]}
    assert [f.message for f in newslint.check_text(DRAFT, date=date, config=config)] == ["date is 2025-03-04"]
    assert [f.message for f in newslint.check_text(DRAFT, config=config)] == ["date is None"]
    dated = "---\ndate: 2024-12-31\n---\n" + DRAFT
    assert [f.message for f in newslint.check_text(dated, config=config)] == ["date is 2024-12-31"]
    assert [f.message for f in newslint.check_text(dated, date=date, config=config)] == ["date is 2025-03-04"]


def test_a_bad_date_string_raises_value_error() -> None:
    with pytest.raises(ValueError):
        newslint.check_text(DRAFT, date="2025-13-01", config=HYGIENE)


def test_the_format_follows_the_path_or_fmt() -> None:
    html = "<p>It was was late.</p><script>var a = 'the the';</script>"
    assert [f.rule for f in newslint.check_text(html, path="story.html", config=HYGIENE)] == ["NL703"]
    assert [f.column for f in newslint.check_text("It was was late.", fmt="text", config=HYGIENE)] == [4]


def test_broken_front_matter_raises_document_error() -> None:
    with pytest.raises(DocumentError, match="front matter"):
        newslint.check_text("---\ntitle: [\n---\nText.\n", config=HYGIENE)


def test_fix_draft_returns_the_fixed_text_and_what_remains() -> None:
    result = fix_draft(DRAFT, config=HYGIENE)
    assert result.text == "The council approved TK million.\n\nThe vote was close.\n"
    assert [f.rule for f in result.remaining] == ["NL701"]
    assert result.applied == 1
