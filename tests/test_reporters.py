"""Every output format: rich, concise, json (the documented contract), sarif (schema-valid) and github."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from newslint.cli import main
from newslint.engine import FileResult
from newslint.reporters import Summary
from newslint.reporters.rich_report import RichReporter
from newslint.rule import Finding, Severity

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
STORY = ('---\ntitle: Library reopens\n---\n\nThe library reopened on Monday after the the repairs.\n\n'
         'It cost $XX million, said “the mayor” and "her deputy".\n\nLeave a Reply\n')
CONCISE = [
    "story.md:5:38: warning NL703 doubled-word: doubled word: 'the the' (suggest: the)",
    "story.md:7:10: error NL701 placeholder-left-in: placeholder left in: 'XX'",
    "story.md:7:43: info NL704 mixed-quote-styles: straight double quotes (2x) mixed with curly ones (2x); "
    "use one style",
    "story.md:9:1: error NL702 web-page-furniture: web-page furniture left in the draft: 'Leave a Reply'",
]


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "clean.md").write_text("Nothing to see here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--isolated", "--select", "NL7", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_concise(project, capsys):
    code, out, _ = run(capsys, "--format", "concise", "story.md", "clean.md", "empty.md")
    assert code == 2
    assert out.splitlines() == CONCISE + ["empty.md: error: empty file: no text to check"]


# -- JSON contract --------------------------------------------------------------------------------------
FINDING_KEYS = {"rule", "name", "category", "severity", "line", "column", "end_line", "end_column", "message",
                "suggestions"}
SUMMARY_KEYS = {"files", "files_with_errors", "findings", "error", "warning", "info", "fail_level", "exit_code"}


def test_json_contract(project, capsys):
    code, out, _ = run(capsys, "--format", "json", "story.md", "clean.md", "empty.md")
    data = json.loads(out)
    assert code == 2
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == ["story.md", "clean.md", "empty.md"]
    story, clean, empty = data["files"]
    assert story["error"] is None and clean["error"] is None and clean["findings"] == []
    assert empty["error"] == "empty file: no text to check" and empty["findings"] == []
    for finding in story["findings"]:
        assert FINDING_KEYS <= set(finding)
        assert finding["category"] in ("names", "quotes", "attribution", "time", "readability", "grammar",
                                       "style", "hygiene")
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["suggestions"], list)
        assert all(isinstance(finding[k], int) and finding[k] >= 1
                   for k in ("line", "column", "end_line", "end_column"))
    assert story["findings"][0] == {
        "rule": "NL703", "name": "doubled-word", "category": "hygiene", "severity": "warning", "line": 5,
        "column": 38, "end_line": 5, "end_column": 45, "message": "doubled word: 'the the'",
        "suggestions": ["the"], **{k: v for k, v in story["findings"][0].items() if k not in FINDING_KEYS}}
    assert [f"{f['line']}:{f['column']} {f['rule']}" for f in story["findings"]] == \
        ["5:38 NL703", "7:10 NL701", "7:43 NL704", "9:1 NL702"]
    summary = data["summary"]
    assert SUMMARY_KEYS <= set(summary)
    assert (summary["files"], summary["files_with_errors"], summary["findings"]) == (3, 1, 4)
    assert (summary["error"], summary["warning"], summary["info"]) == (2, 1, 1)
    assert (summary["fail_level"], summary["exit_code"]) == ("error", 2)


def test_json_spans_point_at_the_source(project, capsys):
    _, out, _ = run(capsys, "--format", "json", "story.md")
    lines = STORY.split("\n")
    spans = [lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
             for f in json.loads(out)["files"][0]["findings"]]
    assert spans == ["the the", "XX", '"', "Leave a Reply"]


def test_json_is_deterministic(project, capsys):
    first = run(capsys, "--format", "json", "story.md", "clean.md")[1]
    second = run(capsys, "--format", "json", "story.md", "clean.md")[1]
    assert first == second


# -- SARIF ---------------------------------------------------------------------------------------------
def sarif_log(capsys, *paths: str) -> dict:
    _, out, _ = run(capsys, "--format", "sarif", *paths)
    return json.loads(out)


def test_sarif_is_valid_against_the_official_schema(project, capsys):
    log = sarif_log(capsys, "story.md", "clean.md", "empty.md")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run_["tool"]["driver"]["name"] == "newslint"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["NL703", "NL701", "NL704", "NL702"]
    levels = [(r["ruleId"], r["level"]) for r in run_["results"]]
    assert levels == [("NL703", "warning"), ("NL701", "error"), ("NL704", "note"), ("NL702", "error")]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "story.md"
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 5, "startColumn": 38, "endLine": 5, "endColumn": 45}
    notifications = run_["invocations"][0]["toolExecutionNotifications"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert notifications[0]["message"]["text"] == "empty file: no text to check"


def test_sarif_without_findings_is_valid(project, capsys):
    log = sarif_log(capsys, "clean.md")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_for_a_path_outside_the_working_folder_is_valid(project, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("other folder")
    (elsewhere / "st ory#1.md").write_text(STORY, encoding="utf-8")
    log = sarif_log(capsys, str(elsewhere / "st ory#1.md"))
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "#" not in uri


def test_the_schema_rejects_a_broken_log():
    """The vendored schema is strict enough to catch a malformed report."""
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "newslint"}},
                                            "results": [{"ruleId": "NL701", "level": "fatal",
                                                         "message": {"text": "x"}}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(broken)


# -- GitHub annotations -----------------------------------------------------------------------------------
def test_github_annotations(project, capsys):
    code, out, _ = run(capsys, "--format", "github", "story.md", "empty.md")
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == ("::warning file=story.md,line=5,col=38,endLine=5,endColumn=45,"
                        "title=NL703 doubled-word::doubled word: 'the the'")
    assert lines[2].startswith("::notice file=story.md,line=7,col=43,")
    assert lines[-1] == "::error file=empty.md::empty file: no text to check"
    assert all(re.match(r"^::(error|warning|notice) file=", line) for line in lines)


def test_github_escapes_properties_and_data():
    from newslint.reporters.github import GithubReporter

    finding = Finding("a,b:c.md", "NL701", "placeholder-left-in", "hygiene", Severity.ERROR, 1, 2, 1, 4,
                      "50% done\nsecond line")
    stream = io.StringIO()
    GithubReporter(stream).report([FileResult("a,b:c.md", (finding,))],
                                  Summary(1, 0, {"error": 1, "warning": 0, "info": 0}, Severity.ERROR, 1))
    assert stream.getvalue() == ("::error file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=4,"
                                 "title=NL701 placeholder-left-in::50%25 done%0Asecond line\n")


# -- rich ----------------------------------------------------------------------------------------------
def test_rich_groups_by_file_and_underlines_the_span(project, capsys):
    code, out, _ = run(capsys, "--format", "rich", "story.md", "clean.md", "empty.md")
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == "story.md"
    assert "\x1b[" not in out  # not a terminal: no colour codes
    at = next(i for i, line in enumerate(lines) if "NL703" in line)
    assert lines[at].split() == ["5:38", "warning", "NL703", "doubled-word", "doubled", "word:", "'the", "the'"]
    source_line, carets = lines[at + 1], lines[at + 2]
    assert source_line.endswith("The library reopened on Monday after the the repairs.")
    assert carets.strip(" │") == "^" * len("the the")
    assert source_line.index("the the") == carets.index("^")
    assert "suggest: the" in lines[at + 3]
    assert "clean.md" not in out  # files without findings are not listed
    assert "empty.md" in out and "error: empty file" in out
    assert lines[-1] == "3 file(s) checked: 2 errors, 1 warning, 1 info; 1 file(s) could not be checked"


def test_rich_colours_by_severity_when_asked():
    finding = Finding("a.md", "NL701", "placeholder-left-in", "hygiene", Severity.ERROR, 1, 5, 1, 7, "placeholder")
    stream = io.StringIO()
    RichReporter(stream, color=True, sources={"a.md": "The TK story.\n"}).report(
        [FileResult("a.md", (finding,))], Summary(1, 0, {"error": 1, "warning": 0, "info": 0}, Severity.ERROR, 1))
    text = stream.getvalue()
    assert "\x1b[1;31m" in text  # bold red for errors
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "The TK story." in plain and "    ^^" in plain


def test_rich_clean_run_summary(project, capsys):
    code, out, _ = run(capsys, "--format", "rich", "clean.md")
    assert code == 0
    assert out.strip() == "1 file(s) checked: no findings"


def test_rich_quotes_a_source_line_decoded_as_the_config_says(tmp_path, monkeypatch, capsys):
    """A Latin-1 draft, with the encoding in the project's config: the quoted line reads as the checks read it."""
    (tmp_path / ".newslint.toml").write_text('encoding = "latin-1"\n', encoding="utf-8")
    (tmp_path / "draft.md").write_bytes("Jos\u00e9 Mu\u00f1oz said the the report was late.\n".encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "NL703", "--format", "rich", "draft.md"])
    out = capsys.readouterr().out
    assert "NL703" in out
    assert "José Muñoz said the the report was late." in out
