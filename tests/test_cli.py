"""The command line: inputs, the publication date, exit codes, bad files, --output, rules/rule/init."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main

DRAFT = "The council met on Monday.\n\nThe the budget passed TK.\n"  # NL703 warning + NL701 error
WARNING_ONLY = "The council met on Monday and the the budget passed.\n"
CLEAN = "The council met on Monday and the budget passed.\n"

DATE_PLUGIN = '''"""A local plugin that reports the publication date the engine chose."""
from newslint import Rule, Severity, hookimpl


class ShowDate(Rule):
    """Reports the document's publication date."""

    id = "house.date"
    name = "show-date"
    category = "time"
    severity = Severity.INFO

    def check(self, doc):
        yield self.violation(0, 1, f"date={doc.date}")


@hookimpl
def newslint_rules():
    return [ShowDate]
'''


def run(cwd: Path, *args: str, stdin: bytes | None = None, monkeypatch=None, capsys=None):
    """Run ``newslint`` in-process in ``cwd``; return (exit code, stdout, stderr)."""
    monkeypatch.chdir(cwd)
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    def _run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
        return run(cwd or tmp_path, *args, stdin=stdin, monkeypatch=monkeypatch, capsys=capsys)
    return _run


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def report_paths(out: str) -> list[str]:
    return [f["path"] for f in json.loads(out)["files"]]


# -- inputs ----------------------------------------------------------------------------------------------------
def test_directories_are_walked_with_default_include_and_hidden_and_built_folders_skipped(tmp_path, cli):
    for name in ("news/a.md", "news/b.txt", "news/c.html", "news/deep/d.markdown", "news/notes.rst",
                 "news/.hidden/e.md", "news/build/f.md", "news/node_modules/g.md", "news/img.png"):
        write(tmp_path / name, CLEAN)
    code, out, _ = cli("check", "--isolated", "--format", "json", "news")
    assert code == 0
    assert report_paths(out) == ["news/a.md", "news/b.txt", "news/c.html", "news/deep/d.markdown"]


def test_config_include_and_exclude_globs(tmp_path, cli):
    write(tmp_path / ".newslint.toml", 'include = ["*.md"]\nextend-exclude = ["archive", "*.old.md"]\n')
    for name in ("desk/a.md", "desk/b.txt", "desk/archive/c.md", "desk/d.old.md", "desk/sub/e.md"):
        write(tmp_path / name, CLEAN)
    code, out, _ = cli("check", "--format", "json", "desk")
    assert code == 0
    assert report_paths(out) == ["desk/a.md", "desk/sub/e.md"]


def test_a_file_named_on_the_command_line_is_always_checked(tmp_path, cli):
    write(tmp_path / ".newslint.toml", 'extend-exclude = ["*.old.md"]\n')
    write(tmp_path / "story.old.md", WARNING_ONLY)
    write(tmp_path / "notes.rst", WARNING_ONLY)  # an unknown suffix is read as plain text
    code, out, _ = cli("check", "--format", "concise", "--select", "NL703", "story.old.md", "notes.rst")
    assert code == 0
    assert out.splitlines() == [
        "story.old.md:1:31: warning NL703 doubled-word: doubled word: 'the the' (suggest: the)",
        "notes.rst:1:31: warning NL703 doubled-word: doubled word: 'the the' (suggest: the)",
    ]


def test_each_file_is_reported_once(tmp_path, cli):
    write(tmp_path / "a.md", WARNING_ONLY)
    _, out, _ = cli("check", "--isolated", "--format", "json", "a.md", ".", "./a.md")
    assert report_paths(out) == ["a.md"]


def test_stdin_with_stdin_filename_picks_the_format_and_the_name(cli):
    code, out, _ = cli("check", "--isolated", "--format", "concise", "--select", "NL703", "-",
                       "--stdin-filename", "desk/story.html",
                       stdin=b"<nav>the the menu</nav><p>Rain the the day.</p>")
    assert code == 0
    assert out.splitlines() == ["desk/story.html:1:32: warning NL703 doubled-word: doubled word: 'the the' "
                                "(suggest: the)"]


def test_stdin_without_a_name(cli):
    code, out, _ = cli("check", "--isolated", "--format", "json", "--select", "NL7", "-", stdin=DRAFT.encode())
    data = json.loads(out)
    assert code == 1
    assert [f["path"] for f in data["files"]] == ["<stdin>"]
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["NL703", "NL701"]


def test_input_format_overrides_the_suffix(tmp_path, cli):
    write(tmp_path / "page.txt", "<p>Rain the the day.</p>\n")
    _, out, _ = cli("check", "--isolated", "--format", "concise", "--select", "NL703", "--input-format", "html",
                    "page.txt")
    assert out.startswith("page.txt:1:9: warning NL703")


# -- the publication date ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("front_matter, cli_date, expected", [
    ("", None, "2020-01-01"),                                   # config only
    ("date: 2021-02-02\n", None, "2021-02-02"),                 # front matter beats config
    ("published: 2021-03-03\n", None, "2021-03-03"),
    ("pubdate: 2021-04-04\n", None, "2021-04-04"),
    ("publish_date: 2021-05-05T10:00:00Z\n", None, "2021-05-05"),
    ("date: 2021-02-02\n", "2022-06-06", "2022-06-06"),         # --date beats front matter
    ("", "2022-06-06", "2022-06-06"),                           # --date beats config
    ("date: not a date\n", None, "2020-01-01"),                 # an unreadable value falls back to config
])
def test_date_precedence(tmp_path, cli, front_matter, cli_date, expected):
    write(tmp_path / "house.py", DATE_PLUGIN)
    write(tmp_path / ".newslint.toml", 'plugins = ["house.py"]\nselect = ["house.date"]\ndate = 2020-01-01\n')
    write(tmp_path / "story.md", (f"---\ntitle: Vote\n{front_matter}---\n" if front_matter else "") + CLEAN)
    args = ["check", "--format", "json", "story.md"] + (["--date", cli_date] if cli_date else [])
    code, out, _ = cli(*args)
    assert code == 0
    assert json.loads(out)["files"][0]["findings"][0]["message"] == f"date={expected}"


def test_no_date_anywhere_is_none(tmp_path, cli):
    write(tmp_path / "house.py", DATE_PLUGIN)
    write(tmp_path / ".newslint.toml", 'plugins = ["house.py"]\nselect = ["house.date"]\n')
    write(tmp_path / "story.md", CLEAN)
    _, out, _ = cli("check", "--format", "json", "story.md")
    assert json.loads(out)["files"][0]["findings"][0]["message"] == "date=None"


# -- exit codes ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, fail_level, expected", [
    (CLEAN, None, 0),
    (WARNING_ONLY, None, 0),        # default fail level is error
    (WARNING_ONLY, "warning", 1),
    (WARNING_ONLY, "error", 0),
    (DRAFT, None, 1),
    (DRAFT, "error", 1),
    ('He said “yes” and "no" twice.\n', "warning", 0),   # NL704 is info
    ('He said “yes” and "no" twice.\n', "info", 1),
])
def test_fail_level_and_exit_codes(tmp_path, cli, text, fail_level, expected):
    write(tmp_path / "s.md", text)
    args = ["check", "--isolated", "--select", "NL7", "s.md"] + (["--fail-level", fail_level] if fail_level else [])
    code, _, _ = cli(*args)
    assert code == expected


def test_fail_level_from_config(tmp_path, cli):
    write(tmp_path / ".newslint.toml", 'fail-level = "warning"\nselect = ["NL7"]\n')
    write(tmp_path / "s.md", WARNING_ONLY)
    assert cli("check", "s.md")[0] == 1
    assert cli("check", "--fail-level", "error", "s.md")[0] == 0  # the command line beats config


@pytest.mark.parametrize("args, message", [
    (["check", "--no-such-option"], "unrecognized arguments"),
    (["check", "--date", "2024-13-01", "x.md"], "expected YYYY-MM-DD"),
    (["check", "--fail-level", "fatal", "x.md"], "invalid choice"),
    (["check", "--isolated", "--format", "yaml", "x.md"], "unknown --format 'yaml'"),
    (["check", "--isolated", "--select", "NL999", "x.md"], "unknown rule 'NL999'"),
    (["rule", "no-such-rule"], "unknown rule 'no-such-rule'"),
    ([], ""),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, cli, args, message):
    write(tmp_path / "x.md", CLEAN)
    code, out, err = cli(*args)
    assert code == 2
    if message:
        errors = [line for line in (out + err).splitlines() if message in line]
        assert errors, out + err
        assert errors[0].startswith(("newslint: error:", "x.md: error:"))


def test_config_error_exits_2_naming_file_and_key(tmp_path, cli):
    write(tmp_path / ".newslint.toml", 'fail-levle = "warning"\n')
    write(tmp_path / "s.md", CLEAN)
    code, out, err = cli("check", "s.md")
    assert code == 2
    assert f"{tmp_path / '.newslint.toml'}: fail-levle: unknown key" in out + err


# -- bad files -------------------------------------------------------------------------------------------------
BAD_FILES = {
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "latin1.md": ("Caf\u00e9 the the opening.\n".encode("latin-1"), "not valid utf-8 text (byte 0xe9 at line 1)"),
    "broken.md": (b"---\ntitle: [never closed\n---\nBody the the text.\n", "broken YAML front matter"),
    "unclosed.md": (b"---\ntitle: Vote\n\nBody the the text.\n", "never closed"),
    "empty.md": (b"", "empty file"),
    "blank.txt": (b"\n  \n", "empty file"),
}


@pytest.mark.parametrize("fmt", ["concise", "json", "rich", "github", "sarif"])
def test_bad_files_get_one_line_errors_and_the_rest_is_still_checked(tmp_path, cli, fmt):
    for name, (data, _) in BAD_FILES.items():
        write(tmp_path / "in" / name, data)
    write(tmp_path / "in" / "good.md", WARNING_ONLY)
    os.symlink(tmp_path / "in" / "gone.md", tmp_path / "in" / "dangling.md")
    code, out, err = cli("check", "--isolated", "--select", "NL7", "--format", fmt, "in", "missing.md")
    assert code == 2
    shown = out + err
    expected = {name: reason for name, (_, reason) in BAD_FILES.items()}
    expected["dangling.md"] = "no such file"
    expected["missing.md"] = "no such file"
    lines = shown.splitlines()
    if fmt == "rich":  # grouped by file: the path, then the error on the next line
        lines = [f"{path} {error}" for path, error in zip(lines, lines[1:]) if error.strip().startswith("error:")]
    for name, reason in expected.items():
        assert [line for line in lines if name in line and reason in line], \
            f"no one-line error for {name} ({reason}) in:\n{shown}"
    assert "doubled" in shown  # good.md was still checked
    assert "Traceback" not in shown


def test_bad_file_errors_in_json(tmp_path, cli):
    write(tmp_path / "empty.md", b"")
    write(tmp_path / "good.md", WARNING_ONLY)
    code, out, _ = cli("check", "--isolated", "--select", "NL7", "--format", "json", "empty.md", "good.md")
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert code == 2
    assert files["empty.md"]["error"].startswith("empty file")
    assert files["empty.md"]["findings"] == []
    assert files["good.md"]["error"] is None
    assert [f["rule"] for f in files["good.md"]["findings"]] == ["NL703"]
    assert json.loads(out)["summary"]["files_with_errors"] == 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path, cli):
    locked = write(tmp_path / "locked.md", WARNING_ONLY)
    locked.chmod(0)
    write(tmp_path / "good.md", WARNING_ONLY)
    try:
        code, out, err = cli("check", "--isolated", "--format", "concise", "locked.md", "good.md")
    finally:
        locked.chmod(0o644)
    assert code == 2
    assert "locked.md: error: permission denied" in out + err
    assert "good.md:1:31" in out


def test_unreadable_file_reason(tmp_path, monkeypatch):
    from newslint.document import DocumentError
    from newslint.reader import read_bytes

    path = write(tmp_path / "locked.md", WARNING_ONLY)

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(DocumentError, match="^permission denied$"):
        read_bytes(path)


def test_oversized_file_is_refused(tmp_path, cli):
    write(tmp_path / "big.md", "word " * 100)
    code, out, _ = cli("check", "--isolated", "--format", "concise", "--max-file-size", "100", "big.md")
    assert code == 2
    assert "big.md: error: file is 500 bytes, over the limit of 100" in out


def test_crlf_and_bom_files_report_editor_positions(tmp_path, cli):
    write(tmp_path / "crlf.md", b"\xef\xbb\xbfThe vote was close.\r\n\r\nIt passed the the day after.\r\n")
    write(tmp_path / "bom.txt", b"\xef\xbb\xbfthe the start\n")
    _, out, _ = cli("check", "--isolated", "--format", "json", "--select", "NL703", "crlf.md", "bom.txt")
    found = {f["path"]: f["findings"][0] for f in json.loads(out)["files"]}
    assert (found["crlf.md"]["line"], found["crlf.md"]["column"], found["crlf.md"]["end_column"]) == (3, 11, 18)
    assert (found["bom.txt"]["line"], found["bom.txt"]["column"], found["bom.txt"]["end_column"]) == (1, 1, 8)


# -- --output ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "sarif", "concise", "github", "rich"])
def test_output_file(tmp_path, cli, fmt):
    write(tmp_path / "s.md", DRAFT)
    code, out, _ = cli("check", "--isolated", "--select", "NL7", "--format", fmt, "--output", "reports/out.txt",
                       "s.md")
    assert code == 1
    assert out == ""
    written = (tmp_path / "reports" / "out.txt").read_text(encoding="utf-8")
    assert "NL701" in written and "NL703" in written
    assert "\x1b[" not in written  # no colour codes in a file


# -- rules, rule, init ---------------------------------------------------------------------------------------
def test_rules_lists_every_rule(tmp_path, cli):
    write(tmp_path / ".newslint.toml", 'ignore = ["doubled-word"]\n[severity]\nNL704 = "warning"\n')
    code, out, _ = cli("rules", "--format", "json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0
    assert {"NL701", "NL702", "NL703", "NL704"} <= set(rows)
    assert rows["NL701"] == {"id": "NL701", "name": "placeholder-left-in", "category": "hygiene",
                             "severity": "error", "enabled": True}
    assert rows["NL703"]["enabled"] is False
    assert rows["NL704"]["severity"] == "warning"
    code, out, _ = cli("rules", "--format", "concise")
    assert any(line.split()[:2] == ["NL702", "web-page-furniture"] for line in out.splitlines())


@pytest.mark.parametrize("which", ["NL703", "doubled-word"])
def test_rule_prints_documentation(tmp_path, cli, which):
    code, out, _ = cli("rule", which)
    assert code == 0
    assert out.startswith("NL703 doubled-word (hygiene, default severity warning)")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in out


def test_rule_prints_options(tmp_path, cli):
    _, out, _ = cli("rule", "NL704")
    assert "## Options" in out and "prefer" in out


def test_init_writes_a_starter_config_that_loads(tmp_path, cli):
    from newslint.config import load_config

    code, out, _ = cli("init")
    path = tmp_path / ".newslint.toml"
    assert code == 0 and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert text.count("\n#") > 10  # commented
    load_config(path)
    write(tmp_path / "s.md", DRAFT)
    assert cli("check", "--select", "NL7", "s.md")[0] == 1  # the starter config runs
    code, out, err = cli("init")
    assert code == 2 and "exists" in err
    path.write_text("# mine\n", encoding="utf-8")
    assert cli("init", "--force")[0] == 0
    assert path.read_text(encoding="utf-8") == text


def test_init_to_a_named_path(tmp_path, cli):
    assert cli("init", "conf/newslint.toml")[0] == 0
    assert (tmp_path / "conf" / "newslint.toml").is_file()


# -- the installed command ------------------------------------------------------------------------------------
def test_console_script_end_to_end(tmp_path):
    write(tmp_path / "s.md", DRAFT)
    exe = Path(sys.executable).with_name("newslint")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]
    proc = subprocess.run(command + ["check", "--isolated", "--select", "NL7", "--format", "concise", "s.md"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "s.md:3:1: warning NL703 doubled-word: doubled word: 'The the' (suggest: The)",
        "s.md:3:23: error NL701 placeholder-left-in: placeholder left in: 'TK'",
    ]
    proc = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("newslint ")


def test_starter_config_points_at_the_docs_not_a_placeholder(tmp_path, cli):
    cli("init")
    first = (tmp_path / ".newslint.toml").read_text(encoding="utf-8").splitlines()[0]
    assert "README" in first and "https://github.com/ " not in first
