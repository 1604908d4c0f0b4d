"""Robustness: arbitrary input never crashes a format or rule, bad input gets one clear line, runs stay bounded."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.engine import Linter, Overrides, run_rules
from newslint.plugins import build_registry

NEWSLINT = [sys.executable, "-m", "newslint"]
REGISTRY = build_registry()
FORMATS = {fmt.name: fmt for fmt in REGISTRY.formats}

prose = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
markup_bits = st.sampled_from(["\n", "\n\n", "# ", "> ", "- ", "`", "**", "_", "[a](http://x.io)", "<p>", "</p>",
                               "<script>x</script>", "&amp;", "“", "”", "\"", "'", "’", "(", ")", "[", "]", "---\n",
                               "+++\n", "date: 2020-02-30\n", "<!-- newslint: disable -->", "\r\n", "\ufeff"])
drafts = st.lists(st.one_of(prose, markup_bits), max_size=30).map("".join)


def _run(args, cwd=None, **kw):
    env = {**os.environ, "NEWSLINT_NO_CACHE": "1"}
    return subprocess.run(NEWSLINT + args, capture_output=True, text=True, cwd=cwd, env=env, timeout=300, **kw)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=drafts, fmt=st.sampled_from(sorted(FORMATS)))
def test_every_format_and_cheap_rule_survives_arbitrary_input(source: str, fmt: str) -> None:
    from newslint.document import DocumentError
    try:
        doc = FORMATS[fmt].parse(source, f"draft.{fmt}")
    except DocumentError:
        return  # broken front matter: a clear error, not a crash
    rules = [cls() for cls in REGISTRY.rules.values() if cls.category not in ("grammar",)]
    result = run_rules(doc, rules)
    assert not result.internal_errors, result.internal_errors
    lines = source.split("\n")
    for f in result.findings:
        assert 0 <= f.source_start <= f.source_end <= len(source)
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert f.column >= 1 and f.end_column >= 1


def test_five_megabyte_single_line_is_refused_with_the_limit_and_the_option(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_text("word " * 1_000_000, encoding="utf-8")
    other = tmp_path / "fine.md"
    other.write_text("The the cat sat.\n", encoding="utf-8")
    run = _run(["check", "--isolated", "--format", "json", str(big), str(other)])
    assert run.returncode == 2
    report = json.loads(run.stdout)
    by_path = {Path(f["path"]).name: f for f in report["files"]}
    assert "2,000,000" in by_path["huge.txt"]["error"] and "--max-file-size" in by_path["huge.txt"]["error"]
    assert [f["rule"] for f in by_path["fine.md"]["findings"]] == ["NL703"]


def test_raised_limit_checks_a_huge_single_line_in_bounded_time(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_text(("A long sentence about the council budget. " * 60_000) + "TK\n", encoding="utf-8")
    run = _run(["check", "--isolated", "--select", "NL7", "--max-file-size", "10MB", "--format", "json", str(big)])
    report = json.loads(run.stdout)
    assert report["files"][0]["error"] is None
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["NL701"]


def test_symlink_loop_and_thousands_of_files(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for i in range(2000):
        (folder / f"d{i:04d}.txt").write_text("Fine copy.\n" if i != 1234 else "Fine copy TK.\n", encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    run = _run(["check", "--isolated", "--select", "NL701", "--format", "concise", str(folder)])
    assert run.returncode == 1
    assert run.stdout.count("NL701") == 1 and "d1234.txt" in run.stdout


def test_invalid_utf8_names_the_file_and_the_encoding_option_fixes_it(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners said the the rent rose.\n".encode("latin-1"))
    run = _run(["check", "--isolated", "--select", "NL703", "--format", "concise", str(latin)])
    assert run.returncode == 2 and "latin.txt" in run.stdout and "--encoding" in run.stdout
    run = _run(["check", "--isolated", "--select", "NL703", "--encoding", "latin-1", "--format", "concise", str(latin)])
    assert run.returncode == 0 and "latin.txt:1:" in run.stdout and "NL703 doubled-word" in run.stdout


def test_crlf_and_bom_keep_line_and_column(tmp_path: Path) -> None:
    draft = tmp_path / "win.md"
    draft.write_bytes("\ufeffFirst line.\r\n\r\nSecond has the the slip.\r\n".encode("utf-8"))
    run = _run(["check", "--isolated", "--select", "NL703", "--format", "concise", str(draft)])
    assert "win.md:3:12: warning NL703" in run.stdout


def test_plugin_that_raises_is_an_internal_error_and_other_rules_still_report(tmp_path: Path) -> None:
    plugin = tmp_path / "broken.py"
    plugin.write_text(
        "from newslint import hookimpl, Rule, Severity\n"
        "class Boom(Rule):\n"
        "    '''Always fails.'''\n"
        "    id = 'House.Boom'\n    name = 'boom'\n    category = 'style'\n    severity = Severity.ERROR\n"
        "    def check(self, doc):\n        raise ValueError('kaput')\n"
        "@hookimpl\ndef newslint_rules():\n    return [Boom]\n", encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('plugins = ["broken.py"]\nselect = ["NL703", "House"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("It was was late.\n", encoding="utf-8")
    run = _run(["check", "--format", "json", "a.md"], cwd=tmp_path)
    assert run.returncode == 2
    entry = json.loads(run.stdout)["files"][0]
    assert "House.Boom" in entry["error"] and "kaput" in entry["error"]
    assert [f["rule"] for f in entry["findings"]] == ["NL703"]
    assert "Traceback" not in run.stderr


def test_rule_past_its_time_limit_is_stopped_and_reported(tmp_path: Path) -> None:
    plugin = tmp_path / "slow.py"
    plugin.write_text(
        "import time\nfrom newslint import hookimpl, Rule\n"
        "class Slow(Rule):\n    '''Never ends.'''\n"
        "    id = 'House.Slow'\n    name = 'slow'\n    category = 'style'\n"
        "    def check(self, doc):\n        while True:\n            time.sleep(0.01)\n"
        "@hookimpl\ndef newslint_rules():\n    return [Slow]\n", encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('plugins = ["slow.py"]\nselect = ["NL701", "House"]\ntimeout = 1\n',
                                             encoding="utf-8")
    (tmp_path / "a.md").write_text("Budget: TK.\n", encoding="utf-8")
    run = _run(["check", "--format", "json", "a.md"], cwd=tmp_path)
    entry = json.loads(run.stdout)["files"][0]
    assert run.returncode == 2 and "House.Slow" in entry["error"] and "stopped after 1 s" in entry["error"]
    assert [f["rule"] for f in entry["findings"]] == ["NL701"]


@pytest.mark.parametrize("config, problem", [
    ('fail-level = "fatal"\n', "fail-level"),
    ('select = ["NL999"]\n', "unknown rule 'NL999'"),
    ('colour = true\n', "colour: unknown key"),
    ('[doubled-word]\nmax = 3\n', "unknown option 'max'"),
    ('select = "NL7"\n', "expected a list"),
])
def test_bad_config_is_one_clear_line(tmp_path: Path, config: str, problem: str) -> None:
    (tmp_path / ".newslint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text("Fine.\n", encoding="utf-8")
    run = _run(["check", "--format", "concise", "a.md"], cwd=tmp_path)
    assert run.returncode == 2
    message = (run.stdout + run.stderr).strip()
    assert problem in message and ".newslint.toml" in message
    assert "Traceback" not in message


def test_parallel_and_cached_runs_match_a_plain_run(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"d{i:02d}.md").write_text(f"Story {i} has has a slip [link] and TK.\n", encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('select = ["NL7"]\n', encoding="utf-8")
    env = {**os.environ}
    env.pop("NEWSLINT_NO_CACHE", None)
    plain = subprocess.run(NEWSLINT + ["check", "--no-cache", "-j", "1", "--format", "json", "."], cwd=tmp_path,
                           capture_output=True, text=True, env=env)
    parallel = subprocess.run(NEWSLINT + ["check", "-j", "2", "--format", "json", "."], cwd=tmp_path,
                              capture_output=True, text=True, env=env)
    warm = subprocess.run(NEWSLINT + ["check", "-j", "2", "--format", "json", "."], cwd=tmp_path,
                          capture_output=True, text=True, env=env)
    assert (tmp_path / ".newslint_cache").is_dir()
    assert json.loads(plain.stdout)["files"] == json.loads(parallel.stdout)["files"] == json.loads(warm.stdout)["files"]
    assert len(json.loads(plain.stdout)["files"]) == 12


def test_cache_never_serves_a_result_for_changed_content_or_config(tmp_path: Path) -> None:
    from newslint.cache import ResultCache
    draft = tmp_path / "a.md"
    draft.write_text("It was was late.\n", encoding="utf-8")
    cache = ResultCache(tmp_path / ".newslint_cache")
    linter = Linter(Overrides(isolated=True))
    first = linter.check_file(draft, cache)
    assert [f.rule for f in first.findings] == ["NL703"]
    assert linter.check_file(draft, cache) == first
    draft.write_text("It was late.\n", encoding="utf-8")
    assert linter.check_file(draft, cache).findings == ()
    strict = Linter(Overrides(isolated=True, ignore=("NL703",)))
    draft.write_text("It was was late.\n", encoding="utf-8")
    assert strict.check_file(draft, cache).findings == ()


def test_hygiene_only_run_does_not_import_nlp_or_readability() -> None:
    code = ("import sys\nfrom newslint.api import check_text\n"
            "check_text('It was was late.', config={'select': ['NL7']})\n"
            "print(sorted(m for m in ('spacy', 'textstat', 'language_tool_python') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "[]", run.stderr


def test_default_config_is_usable() -> None:
    assert Config().fail_level.name == "ERROR"


def test_progress_bar_run_gives_the_same_results(tmp_path: Path, capsys) -> None:
    from newslint.runner import check_files
    files = []
    for i in range(12):
        path = tmp_path / f"p{i:02d}.md"
        path.write_text(f"Draft {i} was was filed.\n", encoding="utf-8")
        files.append(path)
    linter = Linter(Overrides(isolated=True, select=("NL703",)))
    with_bar = check_files(linter, files, jobs=1, progress=True)
    without = check_files(linter, files, jobs=1, progress=False)
    assert with_bar == without
    assert [len(r.findings) for r in with_bar] == [1] * 12


def test_editing_newslint_code_changes_the_cache_key(tmp_path: Path) -> None:
    import newslint.checks.hygiene as module
    linter = Linter(Overrides(isolated=True))
    before = linter.ruleset(linter.config_for(None)).fingerprint
    stat = os.stat(module.__file__)
    try:
        os.utime(module.__file__, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        fresh = Linter(Overrides(isolated=True))
        assert fresh.ruleset(fresh.config_for(None)).fingerprint != before
    finally:
        os.utime(module.__file__, ns=(stat.st_atime_ns, stat.st_mtime_ns))
