"""Shared test helpers: lint a snippet, and the --update-golden flag for golden fixtures."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.api import check_text_result
from newslint.config import config_from_mapping

#: the LanguageTool server for grammar tests (tests/languagetool_fixture.py)
pytest_plugins = ["languagetool_fixture"]

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the .expected files of golden fixtures")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def lint(text: str, *, select=None, date=None, fmt: str = "markdown", path: str | None = None, **config):
    """Findings for ``text`` with only ``select`` rules (all default rules when None)."""
    mapping = dict(config)
    if select is not None:
        mapping["select"] = [select] if isinstance(select, str) else list(select)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    suffix = {"markdown": ".md", "text": ".txt", "html": ".html"}[fmt]
    result = check_text_result(text, date=date, config=config_from_mapping(mapping), path=path or f"draft{suffix}")
    return list(result.findings)


def rule_ids(findings) -> list[str]:
    return [f.rule for f in findings]
