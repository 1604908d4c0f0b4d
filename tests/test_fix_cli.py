"""`newslint check --fix` and `--diff`: what is written, how, and the exit codes."""
from __future__ import annotations

import codecs
import io
import os
import stat
import sys
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.document import DocumentError
from newslint.fixes import write_atomic

CONFIG = '[mixed-quote-styles]\nprefer = "curly"\n'


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / ".newslint.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*argv: str) -> int:
    return main(["check", "--format", "concise", "--no-color", *argv])


def test_diff_previews_without_writing_and_exits_1(newsroom: Path, capsys) -> None:
    draft = newsroom / "draft.md"
    draft.write_text('The mayor said the the plan "works".\n', encoding="utf-8")
    assert run("--diff", "draft.md") == 1
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == ["--- a/draft.md", "+++ b/draft.md"]
    assert '-The mayor said the the plan "works".' in out
    assert "+The mayor said the plan “works”." in out
    assert draft.read_text(encoding="utf-8") == 'The mayor said the the plan "works".\n'


def test_diff_exits_0_when_nothing_is_fixable(newsroom: Path, capsys) -> None:
    (newsroom / "draft.md").write_text("The plan is TK.\n", encoding="utf-8")  # a finding without a fix
    assert run("--diff", "draft.md") == 0
    assert capsys.readouterr().out == ""


def test_fix_writes_and_reports_what_remains(newsroom: Path, capsys) -> None:
    draft = newsroom / "draft.md"
    draft.write_text('The the budget is $XX million, "she" said.\n', encoding="utf-8")
    assert run("--fix", "draft.md") == 1  # the placeholder (an error, no fix) remains
    assert draft.read_text(encoding="utf-8") == "The budget is $XX million, “she” said.\n"
    captured = capsys.readouterr()
    assert "NL701" in captured.out and "NL703" not in captured.out and "NL704" not in captured.out
    assert "fixed 3 findings in 1 file" in captured.err
    assert [p.name for p in newsroom.iterdir() if "tmp" in p.name] == []  # no temporary file left behind


def test_fix_exits_0_when_everything_left_is_below_the_fail_level(newsroom: Path) -> None:
    draft = newsroom / "draft.md"
    draft.write_text("It was was fine.\n", encoding="utf-8")
    assert run("--fix", "draft.md") == 0
    assert run("--fix", "draft.md") == 0  # a second run finds nothing more to do
    assert draft.read_text(encoding="utf-8") == "It was fine.\n"


@pytest.mark.parametrize(("encode", "name"), [
    (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "crlf"),
    (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8 bom"),
    (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16 le"),
    (lambda t: codecs.BOM_UTF16_BE + t.replace("\n", "\r\n").encode("utf-16-be"), "utf-16 be crlf"),
])
def test_fix_keeps_encoding_bom_and_line_endings(newsroom: Path, encode, name: str) -> None:
    draft = newsroom / "draft.md"
    draft.write_bytes(encode('Para one has has a slip.\n\n"Quote," she said.\n'))
    run("--fix", "draft.md")
    assert draft.read_bytes() == encode("Para one has a slip.\n\n“Quote,” she said.\n"), name


def test_fix_keeps_the_file_mode_and_writes_through_a_symlink(newsroom: Path) -> None:
    real = newsroom / "real.md"
    real.write_text("It was was late.\n", encoding="utf-8")
    real.chmod(0o640)
    link = newsroom / "link.md"
    link.symlink_to(real)
    run("--fix", "link.md")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "It was late.\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_fix_that_the_encoding_cannot_hold_leaves_the_file_alone(newsroom: Path, capsys) -> None:
    draft = newsroom / "draft.md"
    original = 'Caf\xe9 owners said "no".\n'.encode("latin-1")
    draft.write_bytes(original)
    assert run("--fix", "--encoding", "latin-1", "draft.md") == 2
    assert draft.read_bytes() == original
    assert "cannot be written in latin-1" in capsys.readouterr().out


def test_a_file_edited_while_fixing_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "d.md"
    target.write_bytes(b"new words from the reporter")
    with pytest.raises(DocumentError, match="changed while"):
        write_atomic(target, b"fixed", expected=b"what was read")
    assert target.read_bytes() == b"new words from the reporter"


def test_fix_after_a_cached_check_still_fixes(newsroom: Path) -> None:
    draft = newsroom / "draft.md"
    draft.write_text("We we agree.\n", encoding="utf-8")
    run("draft.md")  # fills the result cache
    run("--fix", "draft.md")
    assert draft.read_text(encoding="utf-8") == "We agree.\n"


def test_fix_in_parallel_over_a_folder(newsroom: Path) -> None:
    for n in range(4):
        (newsroom / f"d{n}.md").write_text(f"Story {n} was was short.\n", encoding="utf-8")
    run("--fix", "--jobs", "2", ".")
    assert sorted(p.read_text(encoding="utf-8") for p in newsroom.glob("d*.md")) == [
        f"Story {n} was short.\n" for n in range(4)]


def test_standard_input_is_reported_not_fixed(newsroom: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"It it works.\n")))
    assert run("--fix", "-", "--stdin-filename", "story.md") == 0
    captured = capsys.readouterr()
    assert "NL703" in captured.out
    assert "fixes are not applied to standard input" in captured.err


def test_diff_to_an_output_file(newsroom: Path) -> None:
    (newsroom / "draft.md").write_text("Then then it goes.\n", encoding="utf-8")
    assert run("--diff", "--output", "out/fix.diff", "draft.md") == 1
    assert "+Then it goes." in (newsroom / "out" / "fix.diff").read_text(encoding="utf-8")
    assert os.path.exists(newsroom / "draft.md")
