"""Configuration: finding the file, selecting rules, severities, typed options, per-file ignores, local plugins."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newslint.api import check_text_result
from newslint.cli import main
from newslint.config import ConfigError, config_from_mapping, find_config, load_config
from newslint.engine import Linter
from newslint.rule import Severity

DRAFT = 'The the mayor said TK.\n\nLeave a Reply\n\n“Yes,” she said. "No," he said. "Maybe," they said.\n'
#       NL703 warning, NL701 error,  NL702 error,  NL704 info


def rules_fired(mapping: dict, text: str = DRAFT, path: str = "draft.md") -> list[tuple[str, str]]:
    result = check_text_result(text, config=config_from_mapping(mapping), path=path)
    return [(f.rule, str(f.severity)) for f in result.findings]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- finding the config -------------------------------------------------------------------------------------
def test_nearest_config_is_found_by_walking_up(tmp_path):
    root = write(tmp_path / ".newslint.toml", 'select = ["NL7"]\n')
    sports = write(tmp_path / "sports" / "pyproject.toml", '[tool.newslint]\nselect = ["NL703"]\n')
    write(tmp_path / "metro" / "pyproject.toml", '[project]\nname = "not-newslint"\n')  # no [tool.newslint]
    assert find_config(tmp_path / "a" / "b") == root
    assert find_config(tmp_path / "sports" / "x") == sports
    assert find_config(tmp_path / "metro") == root


def test_dot_newslint_toml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nselect = ["NL703"]\n')
    dot = write(tmp_path / ".newslint.toml", 'select = ["NL701"]\n')
    assert find_config(tmp_path) == dot


def test_each_file_uses_its_own_nearest_config(tmp_path, monkeypatch, capsys):
    write(tmp_path / ".newslint.toml", 'select = ["NL7"]\n')
    write(tmp_path / "sports" / "pyproject.toml", '[tool.newslint]\nselect = ["doubled-word"]\n')
    write(tmp_path / "metro" / "story.md", DRAFT)
    write(tmp_path / "sports" / "story.md", DRAFT)
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "json", "metro", "sports"])
    files = {f["path"]: sorted({x["rule"] for x in f["findings"]}) for f in json.loads(capsys.readouterr().out)["files"]}
    assert files == {"metro/story.md": ["NL701", "NL702", "NL703", "NL704"], "sports/story.md": ["NL703"]}


def test_explicit_config_is_used_for_every_file(tmp_path, monkeypatch, capsys):
    write(tmp_path / ".newslint.toml", 'select = ["NL7"]\n')
    write(tmp_path / "desk" / "only-placeholders.toml", 'select = ["placeholder-left-in"]\n')
    write(tmp_path / "story.md", DRAFT)
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "json", "--config", "desk/only-placeholders.toml", "story.md"])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["NL701"]


def test_isolated_ignores_config_files(tmp_path, monkeypatch, capsys):
    write(tmp_path / ".newslint.toml", 'bogus-key = 1\n')
    write(tmp_path / "story.md", DRAFT)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated", "--select", "NL701", "--format", "concise", "story.md"]) == 1


def test_pyproject_table_is_read(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.newslint]\nignore = ["NL704"]\nfail-level = "warning"\n')
    config = load_config(path)
    assert config.ignore == ("NL704",)
    assert config.fail_level is Severity.WARNING


# -- select and ignore ------------------------------------------------------------------------------------
@pytest.mark.parametrize("mapping, expected", [
    ({}, ["NL703", "NL701", "NL702", "NL704"]),
    ({"select": ["NL701"]}, ["NL701"]),
    ({"select": ["doubled-word"]}, ["NL703"]),
    ({"select": ["NL7"]}, ["NL703", "NL701", "NL702", "NL704"]),
    ({"select": ["NL70"]}, ["NL703", "NL701", "NL702", "NL704"]),
    ({"select": ["NL7"], "ignore": ["NL701", "mixed-quote-styles"]}, ["NL703", "NL702"]),
    ({"select": ["NL701"], "extend-select": ["NL702"]}, ["NL701", "NL702"]),
    ({"ignore": ["NL7"]}, []),
])
def test_select_and_ignore_by_id_name_and_prefix(mapping, expected):
    assert [rule for rule, _ in rules_fired(mapping)] == expected


def test_select_all_runs_every_rule_including_those_off_by_default():
    from newslint.plugins import build_registry
    config = config_from_mapping({"select": ["ALL"]})
    chosen = {rule.id for rule in Linter(config=config).ruleset(config).rules}
    assert chosen == set(build_registry().rules)


@pytest.mark.parametrize("key", ["select", "ignore", "extend-select"])
def test_unknown_rule_in_a_selector_is_an_error(key):
    with pytest.raises(ConfigError, match=rf"config: {key}: unknown rule 'NL7999'"):
        rules_fired({key: ["NL7999"]})


# -- severity ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("severity, expected", [
    ({"NL703": "error"}, ("NL703", "error")),
    ({"doubled-word": "info"}, ("NL703", "info")),
    ({"NL7": "info"}, ("NL701", "info")),
    ({"NL7": "info", "NL701": "warning"}, ("NL701", "warning")),   # the specific selector wins
    ({"NL701": "warning", "NL7": "info"}, ("NL701", "warning")),   # whatever the order
    ({"NL704": "suggestion"}, ("NL704", "info")),                  # Vale's word for info
])
def test_per_rule_severity(severity, expected):
    assert expected in rules_fired({"select": ["NL7"], "severity": severity})


@pytest.mark.parametrize("severity, message", [
    ({"NL701": "fatal"}, "severity.NL701: unknown severity 'fatal'"),
    ({"NL7999": "error"}, "severity: unknown rule 'NL7999'"),
])
def test_bad_severity_is_an_error(severity, message):
    with pytest.raises(ConfigError, match=message):
        rules_fired({"severity": severity})


# -- typed options ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["mixed-quote-styles", "NL704"])
def test_rule_options_by_name_or_id(table):
    only_curly = '“Yes,” she said.\n'
    assert rules_fired({"select": ["NL704"]}, only_curly) == []
    fired = rules_fired({"select": ["NL704"], table: {"prefer": "straight"}}, only_curly)
    assert fired and set(fired) == {("NL704", "info")}


def test_rule_options_under_a_rules_table(tmp_path):
    path = write(tmp_path / ".newslint.toml", 'select = ["NL704"]\n[rules.mixed-quote-styles]\nprefer = "straight"\n')
    result = check_text_result('“Yes,” she said.\n', config=load_config(path), path="a.md")
    assert result.findings and {f.rule for f in result.findings} == {"NL704"}


@pytest.mark.parametrize("toml, message", [
    ('[mixed-quote-styles]\nprefer = 3\n', "NL704 option 'prefer': expected a string, got 3"),
    ('[mixed-quote-styles]\nprefer = "fancy"\n', "NL704 option 'prefer': prefer must be majority, curly or straight"),
    ('[mixed-quote-styles]\ncolour = "red"\n', "unknown option 'colour' for NL704 mixed-quote-styles (options: prefer)"),
    ('[no-such-rule]\nx = 1\n', "unknown key or rule table 'no-such-rule'"),
    ('fail-levle = "warning"\n', "fail-levle: unknown key"),
    ('select = "NL7"\n', "select: expected a list, got str"),
    ('select = [7]\n', "select: expected a list of strings"),
    ('fail-level = "fatal"\n', "fail-level: unknown severity 'fatal'"),
    ('date = "last week"\n', "date: expected a date YYYY-MM-DD"),
    ('max-file-size = -1\n', "max-file-size: must be a positive number of bytes"),
    ('[per-file-ignores]\n"*.md" = "NL7"\n', "per-file-ignores.*.md: expected a list of rule ids or names"),
    ('[rules]\nNL704 = 1\n', "rules.NL704: expected a table of options"),
    ('select = [\n', "invalid TOML"),
])
def test_config_errors_name_the_file_and_the_key(tmp_path, toml, message):
    path = write(tmp_path / ".newslint.toml", toml)
    with pytest.raises(ConfigError) as info:
        Linter(config=load_config(path)).ruleset(load_config(path))
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_config_error_through_the_cli_exits_2(tmp_path, monkeypatch, capsys):
    write(tmp_path / ".newslint.toml", '[mixed-quote-styles]\nprefer = "fancy"\n')
    write(tmp_path / "a.md", DRAFT)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "concise", "a.md"]) == 2
    captured = capsys.readouterr()
    assert "prefer must be majority, curly or straight" in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err


def test_config_values_are_typed():
    config = config_from_mapping({"select": ["NL7"], "date": "2024-02-29", "fail-level": "warn",
                                  "severity": {"NL701": "err"}, "include": ["*.md"], "max-file-size": 10})
    assert config.select == ("NL7",)
    assert config.date == dt.date(2024, 2, 29)
    assert config.fail_level is Severity.WARNING
    assert config.severity["NL701"] is Severity.ERROR
    assert config.include == ("*.md",)
    assert config.max_file_size == 10


def test_reference_date_today():
    assert config_from_mapping({"reference-date": "today"}).reference_date() == dt.date.today()
    assert config_from_mapping({}).reference_date() is None


# -- per-file ignores ------------------------------------------------------------------------------------
@pytest.mark.parametrize("ignores, path, expected", [
    ({"wires/*.md": ["NL701"]}, "wires/story.md", ["NL703", "NL702", "NL704"]),
    ({"wires/*.md": ["NL701"]}, "metro/story.md", ["NL703", "NL701", "NL702", "NL704"]),
    ({"*.md": ["NL7"]}, "deep/folder/story.md", []),
    ({"story.md": ["doubled-word", "web-page-furniture"]}, "story.md", ["NL701", "NL704"]),
])
def test_per_file_ignores(ignores, path, expected):
    assert [r for r, _ in rules_fired({"per-file-ignores": ignores}, path=path)] == expected


def test_per_file_ignores_are_relative_to_the_config(tmp_path, monkeypatch, capsys):
    write(tmp_path / ".newslint.toml", '[per-file-ignores]\n"wires/*" = ["NL7"]\n')
    write(tmp_path / "wires" / "a.md", DRAFT)
    write(tmp_path / "metro" / "a.md", DRAFT)
    monkeypatch.chdir(tmp_path / "metro")
    main(["check", "--format", "json", "../wires/a.md", "a.md"])
    files = {f["path"]: len(f["findings"]) for f in json.loads(capsys.readouterr().out)["files"]}
    assert files == {"../wires/a.md": 0, "a.md": 4}


# -- local plugins and shared options ---------------------------------------------------------------------
HOUSE_PLUGIN = '''"""House rules for the metro desk."""
from dataclasses import dataclass

from newslint import Rule, Severity, hookimpl


@dataclass(frozen=True)
class BannedOptions:
    words: tuple[str, ...] = ("utilize",)
    names: tuple[str, ...] = ()


class BannedWord(Rule):
    """Flags words the desk has banned."""

    id = "metro.banned"
    name = "banned-word"
    category = "style"
    severity = Severity.WARNING
    Options = BannedOptions

    def check(self, doc):
        for word in self.options.words + self.options.names:
            start = doc.text.find(word)
            if start >= 0:
                yield self.violation(start, start + len(word), f"banned: {word}")


@hookimpl
def newslint_rules():
    return [BannedWord]
'''


def test_local_plugin_file_with_typed_options_and_shared_keys(tmp_path):
    write(tmp_path / "rules" / "house.py", HOUSE_PLUGIN)
    path = write(tmp_path / ".newslint.toml", 'plugins = ["rules/house.py"]\nselect = ["metro"]\n'
                 'names = ["Smyth"]\n[banned-word]\nwords = ["leverage"]\n')
    result = check_text_result("We leverage the plan, said Ann Smyth. We utilize it.", config=load_config(path),
                               path="a.md")
    assert [(f.rule, f.message, f.column) for f in result.findings] == [
        ("metro.banned", "banned: leverage", 4), ("metro.banned", "banned: Smyth", 32)]


def test_local_plugin_option_type_is_checked(tmp_path):
    write(tmp_path / "house.py", HOUSE_PLUGIN)
    path = write(tmp_path / ".newslint.toml", 'plugins = ["house.py"]\n["metro.banned"]\nwords = "leverage"\n')
    with pytest.raises(ConfigError, match="metro.banned option 'words': expected a list, got str"):
        Linter(config=load_config(path)).ruleset(load_config(path))


def test_a_plugin_file_that_fails_to_load_is_reported_not_fatal(tmp_path, monkeypatch, capsys):
    write(tmp_path / "broken.py", "raise ImportError('missing dependency')\n")
    write(tmp_path / ".newslint.toml", 'plugins = ["broken.py"]\nselect = ["NL701"]\n')
    write(tmp_path / "a.md", DRAFT)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--format", "concise", "a.md"])
    captured = capsys.readouterr()
    assert code == 1
    assert "a.md:1:20: error NL701" in captured.out
    assert "broken.py: plugin failed to load: ImportError: missing dependency" in captured.err


def test_the_projects_own_config_loads():
    config = load_config(Path(__file__).parent.parent / ".newslint.toml")
    Linter(config=config).ruleset(config)


def test_config_format_chooses_the_report_format_not_the_input_format(tmp_path, monkeypatch, capsys):
    write(tmp_path / ".newslint.toml", 'format = "json"\nselect = ["NL703"]\n')
    write(tmp_path / "a.md", "The the vote.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["error"] is None
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["NL703"]
    assert main(["check", "--format", "concise", "a.md"]) == 0  # the command line beats config
    assert capsys.readouterr().out.startswith("a.md:1:1: warning NL703")
