"""What ships with the package: the bundled sample draft and the pre-commit hook definition."""
from __future__ import annotations

import json
import re
import sys
from importlib import resources
from pathlib import Path

import pytest

from newslint.cli import main

ROOT = Path(__file__).parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_sample_draft_ships_as_package_data():
    sample = resources.files("newslint") / "samples" / "draft.md"
    assert sample.is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "samples/*" in pyproject["tool"]["setuptools"]["package-data"]["newslint"]


def test_sample_draft_shows_the_hygiene_slips(monkeypatch, capsys):
    sample = resources.files("newslint") / "samples" / "draft.md"
    code = main(["check", "--isolated", "--select", "NL7", "--format", "json", str(sample)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert code == 1
    assert [(f["rule"], f["message"]) for f in findings] == [
        ("NL701", "placeholder left in: 'TK'"),
        ("NL703", "doubled word: 'the the'"),
        ("NL702", "web-page furniture left in the draft: 'Share this:'"),
    ]


def test_sample_draft_has_a_publication_date():
    from newslint.formats.frontmatter import publication_date
    from newslint.formats.markdown import parse_markdown

    sample = resources.files("newslint") / "samples" / "draft.md"
    doc = parse_markdown(sample.read_text(encoding="utf-8"), "draft.md")
    assert publication_date(doc.metadata) is not None
    assert 200 < len(doc.text.split()) < 800


# -- pre-commit -------------------------------------------------------------------------------------------
def test_pre_commit_hook_manifest_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["newslint"]
    hook = hooks[0]
    assert hook["entry"] == "newslint check"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "plain-text", "html"}


@pytest.mark.parametrize("name, checked", [
    ("story.md", True), ("story.markdown", True), ("notes.txt", True), ("page.html", True), ("page.htm", True),
    ("setup.py", False), ("config.yaml", False), ("photo.jpg", False),
])
def test_pre_commit_hook_selects_drafts_only(name, checked):
    identify = pytest.importorskip("identify.identify")
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hook = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))[0]
    assert bool(identify.tags_from_filename(name) & set(hook["types_or"])) is checked


def test_pre_commit_docs_sample_configs_are_valid(tmp_path):
    clientlib = pytest.importorskip("pre_commit.clientlib")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    doc = readme.split("\n## Pre-commit\n", 1)[1].split("\n## ", 1)[0]
    samples = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    assert len(samples) == 2
    for i, sample in enumerate(samples):
        path = tmp_path / f"config{i}.yaml"
        path.write_text(sample, encoding="utf-8")
        config = clientlib.load_config(str(path))
        assert config["repos"][0]["hooks"][0]["id"] == "newslint"
