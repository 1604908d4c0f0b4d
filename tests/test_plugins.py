"""Plugins: an installed distribution's entry point, local plugin files, crashing rules, lazy NLP."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.plugins import ENTRY_POINT_GROUP, build_registry

OUTSIDE_RULES = '''
"""Rules from an outside distribution, installed like any package."""
from newslint import Rule, Severity, hookimpl


class NoExclamation(Rule):
    """Flags exclamation marks in news copy."""

    id = "desk.bang"
    name = "no-exclamation"
    category = "style"
    severity = Severity.WARNING

    def check(self, doc):
        at = doc.text.find("!")
        while at >= 0:
            yield self.violation(at, at + 1, "no exclamation marks in news copy", suggestions=["."])
            at = doc.text.find("!", at + 1)


@hookimpl
def newslint_rules():
    return [NoExclamation]
'''


def make_distribution(site: Path) -> None:
    """Lay out an installed distribution (package + dist-info with an entry point) in ``site``."""
    (site / "desk_rules").mkdir(parents=True)
    (site / "desk_rules" / "__init__.py").write_text(OUTSIDE_RULES, encoding="utf-8")
    info = site / "desk_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: desk-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\ndesk = desk_rules\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")


def newslint_subprocess(cwd: Path, *args: str, extra_path: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180)


def test_an_installed_entry_point_plugin_runs(tmp_path):
    site = tmp_path / "site"
    make_distribution(site)
    (tmp_path / "story.md").write_text("The bridge is open!\n\nThe the ferry is not.\n", encoding="utf-8")
    proc = newslint_subprocess(tmp_path, "check", "--isolated", "--select", "desk,NL703", "--format", "json",
                               "story.md", extra_path=site)
    assert proc.returncode == 0, proc.stderr
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["name"], f["line"], f["column"], f["suggestions"]) for f in findings] == [
        ("desk.bang", "no-exclamation", 1, 19, ["."]),
        ("NL703", "doubled-word", 3, 1, ["The"]),
    ]
    listed = newslint_subprocess(tmp_path, "rules", "--format", "json", extra_path=site)
    assert {"id": "desk.bang", "name": "no-exclamation", "category": "style", "severity": "warning",
            "enabled": True} in json.loads(listed.stdout)


def test_without_the_distribution_the_rule_is_unknown(tmp_path):
    (tmp_path / "story.md").write_text("Open!\n", encoding="utf-8")
    proc = newslint_subprocess(tmp_path, "check", "--isolated", "--select", "desk", "story.md")
    assert proc.returncode == 2
    assert "unknown rule 'desk'" in proc.stderr + proc.stdout


# -- local plugin files: rules, formats and reporters ---------------------------------------------------------
LOCAL_PLUGIN = '''
"""A newsroom's own rule, input format and report format, in one local file."""
import re

from newslint import Rule, Severity, hookimpl
from newslint.document import DocumentBuilder
from newslint.formats import Format
from newslint.reporters import Reporter


class NoCliche(Rule):
    """Flags a tired phrase."""

    id = "house.cliche"
    name = "no-cliche"
    category = "style"
    severity = Severity.ERROR

    def check(self, doc):
        for match in re.finditer("at the end of the day", doc.text):
            yield self.violation(match.start(), match.end(), "cliche")


def parse_wire(source, path):
    """Wire copy: every line after the slug line is a paragraph."""
    builder = DocumentBuilder(source)
    offset = source.index("\\n") + 1
    for line in source[offset:].splitlines(keepends=True):
        if line.strip():
            builder.begin_block()
            builder.add(line.rstrip("\\n"), offset)
            builder.end_block("paragraph")
        offset += len(line)
    return builder.build(path, "wire", {})


class TsvReporter(Reporter):
    name = "tsv"

    def report(self, results, summary):
        for result in results:
            for f in result.findings:
                self.stream.write(f"{f.path}\\t{f.line}\\t{f.column}\\t{f.rule}\\n")


@hookimpl
def newslint_rules():
    return [NoCliche]


@hookimpl
def newslint_formats():
    return [Format("wire", (".wire",), parse_wire)]


@hookimpl
def newslint_reporters():
    return [TsvReporter]
'''


def test_local_plugin_file_contributes_a_rule_a_format_and_a_reporter(tmp_path, monkeypatch, capsys):
    (tmp_path / "newsroom").mkdir()
    (tmp_path / "newsroom" / "plugin.py").write_text(LOCAL_PLUGIN, encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('plugins = ["newsroom/plugin.py"]\nselect = ["house", "NL703"]\n',
                                             encoding="utf-8")
    (tmp_path / "a.wire").write_text("SLUG-BUDGET\nAt the end of the day the the vote passed.\n"
                                     "Then at the end of the day it failed.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--format", "tsv", "a.wire"])
    assert code == 1
    assert capsys.readouterr().out.splitlines() == ["a.wire\t2\t23\tNL703", "a.wire\t3\t6\thouse.cliche"]


def test_builtins_are_registered_like_plugins():
    registry = build_registry()
    names = set(registry.manager.list_name_plugin()[i][0] for i in range(len(registry.manager.list_name_plugin())))
    for module in ("newslint.formats.markdown", "newslint.formats.text", "newslint.formats.html",
                   "newslint.reporters.json_report", "newslint.reporters.sarif", "newslint.checks.hygiene"):
        assert module in names
    assert {"rich", "concise", "json", "sarif", "github"} <= set(registry.reporters)
    assert {f.name for f in registry.formats} >= {"markdown", "text", "html"}


def test_builtin_entry_points_match_the_builtin_list():
    import tomllib

    from newslint.plugins import BUILTIN_PLUGINS

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(pyproject["project"]["entry-points"]["newslint"].values())
    assert declared == set(BUILTIN_PLUGINS)


# -- a rule that crashes -----------------------------------------------------------------------------------
CRASHING = '''
from newslint import Rule, hookimpl


class Explodes(Rule):
    """Always fails."""

    id = "house.explodes"
    name = "explodes"
    category = "style"

    def check(self, doc):
        yield self.violation(0, 1, "a finding before the crash is dropped with the rule's other output")
        raise ZeroDivisionError("division by zero in a house rule")


@hookimpl
def newslint_rules():
    return [Explodes]
'''


@pytest.mark.parametrize("fmt", ["json", "concise", "sarif", "github", "rich"])
def test_a_crashing_rule_is_an_internal_error_for_that_file_only(tmp_path, monkeypatch, capsys, fmt):
    (tmp_path / "explodes.py").write_text(CRASHING, encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('plugins = ["explodes.py"]\nselect = ["NL7", "house"]\n',
                                             encoding="utf-8")
    (tmp_path / "a.md").write_text("The the vote passed TK.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Leave a Reply\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--format", fmt, "a.md", "b.md"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "internal error in house.explodes explodes: ZeroDivisionError: division by zero in a house rule" in out + err
    assert "Traceback" not in out + err
    assert "dropped" not in out
    for rule in ("NL703", "NL701", "NL702"):  # every other rule's findings, in both files
        assert rule in out
    if fmt == "json":
        files = {f["path"]: f for f in json.loads(out)["files"]}
        assert [f["rule"] for f in files["a.md"]["findings"]] == ["NL703", "NL701"]
        assert files["a.md"]["error"].startswith("internal error in house.explodes")
        assert files["b.md"]["error"].startswith("internal error in house.explodes")


def test_invalid_and_duplicate_rules_are_reported_and_skipped(tmp_path, monkeypatch, capsys):
    (tmp_path / "bad.py").write_text(textwrap.dedent('''
        from newslint import Rule, hookimpl
        from newslint.checks.hygiene import DoubledWord

        class BadName(Rule):
            id = "house.bad"
            name = "Not Kebab"
            category = "style"

        class Twin(DoubledWord):
            name = "doubled-word-twin"

        @hookimpl
        def newslint_rules():
            return [BadName, Twin]
        '''), encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('plugins = ["bad.py"]\nselect = ["NL703"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("The the vote.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--format", "concise", "a.md"])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == ["a.md:1:1: warning NL703 doubled-word: doubled word: 'The the' (suggest: The)"]
    assert "name 'Not Kebab' is not kebab-case" in err
    assert "rule id NL703 is claimed twice" in err


# -- language analysis is lazy and shared -----------------------------------------------------------------------
NLP_PROBE = r'''
import json, sys
from newslint.cli import main
code = main(sys.argv[1:])
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "thinc", "language_tool_python", "textstat"})
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
'''


def probe(tmp_path: Path, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", NLP_PROBE, *args], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_a_hygiene_only_run_never_imports_the_nlp_library(tmp_path):
    (tmp_path / "a.md").write_text("The the council met. “Yes,” said the mayor.\n", encoding="utf-8")
    result = probe(tmp_path, "check", "--isolated", "--select", "NL7", "--format", "json", "a.md")
    assert result == {"code": 0, "loaded": []}


SHARED_NLP = '''
from newslint import Rule, hookimpl
from newslint.analysis import Analysis  # noqa: F401  (importing the module must not import spaCy)
CALLS = []


def _count(doc):
    CALLS.append(doc.path)
    return len(list(doc.nlp.sentences()))


class SentencesA(Rule):
    """Counts sentences."""
    id = "house.sent-a"
    name = "sentences-a"
    category = "readability"

    def check(self, doc):
        n = doc.shared("sentence-count", _count)
        yield self.violation(0, 1, f"{n} sentences, analysis id {id(doc.nlp)}, computed {len(CALLS)}x")


class SentencesB(SentencesA):
    """Counts sentences again."""
    id = "house.sent-b"
    name = "sentences-b"


@hookimpl
def newslint_rules():
    return [SentencesA, SentencesB]
'''


@pytest.mark.slow
def test_nlp_is_loaded_once_and_shared_when_a_rule_asks(tmp_path, monkeypatch, capsys):
    import newslint.analysis as analysis

    if not hasattr(analysis, "Analysis"):
        pytest.skip("newslint.analysis has no Analysis class")
    (tmp_path / "nlp.py").write_text(SHARED_NLP, encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('plugins = ["nlp.py"]\nselect = ["house"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("The council met. The mayor spoke. Then it rained.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "a.md"]) == 0
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]]
    assert len(messages) == 2 and messages[0] == messages[1]
    assert messages[0].startswith("3 sentences") and messages[0].endswith("computed 1x")
    assert "spacy" in sys.modules


# -- the plugin guide's example works as written --------------------------------------------------------------
def _guide_block(language: str) -> str:
    import re
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Writing a plugin\n", 1)[1].split("\n## ", 1)[0]
    return re.search(rf"(`{{3,4}}){language}\n(.*?)\n\1\n", section, re.S).group(2)


def test_the_plugin_guide_example_runs(tmp_path, monkeypatch, capsys):
    (tmp_path / "newsroom.py").write_text(_guide_block("python"), encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('plugins = ["newsroom.py"]\nselect = ["newsroom"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("The council finally approved the budget!\n\n“Hooray!” said the mayor.\n",
                                   encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "concise", "--fail-level", "warning", "a.md"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "a.md:1:40: warning newsroom.bang no-exclamation: exclamation mark in news copy (suggest: .)"]
    (tmp_path / ".newslint.toml").write_text('plugins = ["newsroom.py"]\nselect = ["newsroom"]\n'
                                             '["newsroom.bang"]\nallow-in-quotes = false\n', encoding="utf-8")
    main(["check", "--format", "concise", "a.md"])
    assert len(capsys.readouterr().out.splitlines()) == 2
    main(["rule", "no-exclamation", "--config", ".newslint.toml"])
    assert "## Options" in capsys.readouterr().out


def test_the_plugin_guide_entry_point_is_declared_as_documented():
    import tomllib
    declared = tomllib.loads(_guide_block("toml"))
    assert declared["project"]["entry-points"]["newslint"] == {"newsroom": "newsroom_rules"}
