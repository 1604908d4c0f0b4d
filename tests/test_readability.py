"""Readability rules (NL501-NL503), the shared readability profile and `newslint stats`."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import lint
from newslint.checks.readability import flesch_kincaid, measure, word_spans
from newslint.config import Config
from newslint.engine import Linter
from newslint.rule import Severity

PLAIN = ("The ferry is back. It left the pier at seven. The crew said the boat was full. "
         "Tickets cost the same as before.")
DENSE = ("The commission's comprehensive evaluation characterised the municipality's infrastructure programme as "
         "fundamentally unsustainable, notwithstanding considerable supplementary appropriations. "
         "Representatives subsequently acknowledged that the implementation methodology necessitated "
         "substantial reconsideration regarding environmental sustainability and institutional accountability.")


def words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


def doc_for(text: str, path: str = "draft.md"):
    config = Config()
    linter = Linter(config=config)
    return linter.parse(text, path, config, linter.ruleset(config).registry)


# -- the profile -------------------------------------------------------------------------------------------
def test_profile_counts_words_sentences_and_syllables() -> None:
    profile = measure(doc_for("The cat sat on the mat. A dog ran home.\n\nBirds sing."))
    assert [s.words for s in profile.sentences] == [6, 4, 2]
    assert profile.words == 12
    assert profile.paragraphs == 2
    assert profile.syllables == 12  # every word has one syllable


def test_abbreviations_do_not_end_sentences() -> None:
    profile = measure(doc_for("Mr. Smith said the U.S. economy grew 2.5 percent by 10 a.m. on Jan. 3, "
                              "according to Dr. Jones. The report was late."))
    assert len(profile.sentences) == 2


def test_titles_headings_and_tables_are_not_prose() -> None:
    text = "---\ntitle: A headline here\n---\n\n# A heading here\n\n| a cell here |\n|---|\n| more |\n\nOne real sentence."
    profile = measure(doc_for(text))
    assert len(profile.sentences) == 1 and profile.words == 3


def test_grade_agrees_with_textstat_when_sentences_agree() -> None:
    import textstat
    profile = measure(doc_for(PLAIN))
    assert profile.flesch_kincaid_grade() == pytest.approx(textstat.flesch_kincaid_grade(PLAIN), abs=0.05)
    assert profile.flesch_reading_ease() == pytest.approx(textstat.flesch_reading_ease(PLAIN), abs=0.05)


def test_flesch_kincaid_formula() -> None:
    assert flesch_kincaid(100, 5, 150) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert flesch_kincaid(0, 0, 0) == 0.0


@pytest.mark.parametrize("text, expected", [("one two", 2), ("— and —", 1), ("$42 million, 3.5%", 3), ("", 0)])
def test_word_spans_count_tokens_with_letters_or_digits(text: str, expected: int) -> None:
    assert len(word_spans(text)) == expected


# -- NL501 hard-to-read ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, fires", [
    ("\n\n".join([DENSE] * 2), True),
    ("\n\n".join([PLAIN] * 4), False),
    (DENSE.split(". ")[0] + ".", False),  # under min-words: not graded
])
def test_hard_to_read(text: str, fires: bool) -> None:
    assert bool(lint(text, select="NL501")) is fires


def test_hard_to_read_names_the_hardest_sentences_and_points_at_the_worst() -> None:
    text = PLAIN + "\n\n" + DENSE
    findings = lint(text, select="NL501")
    assert len(findings) == 1
    message = findings[0].message
    assert "(Flesch-Kincaid) is above the target of 10" in message
    assert message.count("line 3 (grade") == 2  # both dense sentences are on line 3
    assert findings[0].line == 3 and findings[0].severity is Severity.INFO


def test_hard_to_read_target_is_configurable() -> None:
    text = "\n\n".join([DENSE] * 2)
    assert not lint(text, select="NL501", **{"hard-to-read": {"target-grade": 40.0}})
    assert lint(text, select="NL501", **{"hard-to-read": {"target-grade": 12}})


# -- NL502 long-sentence -----------------------------------------------------------------------------------
@pytest.mark.parametrize("n, severity", [(35, None), (36, Severity.INFO), (50, Severity.INFO), (51, Severity.WARNING)])
def test_long_sentence_thresholds(n: int, severity) -> None:
    findings = lint(words(n, "ship") + ".", select="NL502")
    assert [f.severity for f in findings] == ([severity] if severity else [])
    if severity:
        assert f"sentence of {n} words" in findings[0].message


def test_long_sentence_options() -> None:
    text = words(25, "ship") + "."
    findings = lint(text, select="NL502", **{"long-sentence": {"max-words": 20, "warn-words": 24}})
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_long_sentence_can_leave_quotations_out() -> None:
    quote = "\u201c" + words(30, "rain") + ",\u201d"
    text = f"{quote} said the forecaster on the radio at noon on Tuesday in the harbour town."
    assert lint(text, select="NL502")  # 44 words in all
    assert not lint(text, select="NL502", **{"long-sentence": {"ignore-quotations": True}})
    longer = f"{quote} said the forecaster, {words(40, 'and')}."
    findings = lint(longer, select="NL502", **{"long-sentence": {"ignore-quotations": True}})
    assert len(findings) == 1 and "sentence of 43 words outside quotations" in findings[0].message


def test_long_sentence_ignores_headings() -> None:
    assert not lint("# " + words(60, "storm") + "\n\nShort one.", select="NL502")


# -- NL503 long-paragraph ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, fires", [
    (" ".join(["Boats sail."] * 5), False),
    (" ".join(["Boats sail."] * 6), True),
    (words(120, "sea") + ".", False),
    (words(121, "sea") + ".", True),
    ("\n\n".join(["Boats sail. Gulls fly. Ropes creak."] * 4), False),
])
def test_long_paragraph(text: str, fires: bool) -> None:
    assert bool(lint(text, select="NL503")) is fires


def test_long_paragraph_reports_each_limit_it_breaks() -> None:
    text = " ".join([words(25, "tide") + "."] * 6)
    message = lint(text, select="NL503")[0].message
    assert "6 sentences (limit 5)" in message and "150 words (limit 120)" in message


# -- newslint stats ----------------------------------------------------------------------------------------
def _stats(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", "stats", "--isolated", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_stats_json(tmp_path) -> None:
    (tmp_path / "a.md").write_text("# Title\n\nThe cat sat on the mat. A dog ran home.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN + "\n", encoding="utf-8")
    run = _stats("--format", "json", str(tmp_path))
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert by_name["a.md"]["words"] == 10 and by_name["a.md"]["sentences"] == 2
    assert by_name["a.md"]["longest_sentence"] == 6 and by_name["a.md"]["error"] is None
    assert by_name["b.txt"]["sentences"] == 4
    assert set(by_name["b.txt"]) >= {"flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog", "smog_index",
                                     "coleman_liau_index", "reading_time_seconds", "paragraphs"}


def test_stats_rich_table_and_missing_file(tmp_path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(PLAIN + "\n", encoding="utf-8")
    run = _stats("--no-color", str(draft), str(tmp_path / "missing.md"))
    assert run.returncode == 2
    assert "Flesch-Kincaid grade" in run.stdout and "Reading time" in run.stdout and str(draft) in run.stdout
    assert "missing.md" in run.stdout and "no such file or directory" in run.stdout


def test_stats_reads_stdin() -> None:
    run = subprocess.run([sys.executable, "-m", "newslint", "stats", "--isolated", "--format", "json", "-",
                          "--stdin-filename", "wire.txt"], input=PLAIN, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["files"][0]["path"] == "wire.txt"


# -- offline and lazy imports ------------------------------------------------------------------------------
NO_NETWORK = textwrap.dedent("""
    import socket
    def refuse(*args, **kwargs):
        raise OSError("network is unavailable to this process")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
""")
READABILITY_RUN = textwrap.dedent("""
    import json
    from newslint.api import check_text_result
    text = {text!r}
    result = check_text_result(text, config={{"select": ["NL5"]}}, path="draft.md")
    print(json.dumps({{"rules": sorted({{f.rule for f in result.findings}}), "notices": list(result.notices)}}))
""")


def _offline_text() -> str:
    return "\n\n".join([DENSE, words(40, "harbour") + "."])


def test_readability_works_with_networking_refused() -> None:
    code = NO_NETWORK + READABILITY_RUN.format(text=_offline_text())
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1])["rules"] == ["NL501", "NL502"]


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="unshare -n (a process without a network) is not permitted here")
def test_readability_works_in_a_network_namespace_without_network() -> None:
    code = READABILITY_RUN.format(text=_offline_text())
    run = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1])["rules"] == ["NL501", "NL502"]


@pytest.mark.parametrize("select, imported", [("NL701", False), ("NL502", True)])
def test_textstat_is_imported_only_for_readability_rules(select: str, imported: bool) -> None:
    code = textwrap.dedent(f"""
        import sys
        from newslint.api import check_text_result
        check_text_result("The the plan. " * 3, config={{"select": [{select!r}]}}, path="draft.md")
        print("textstat" in sys.modules)
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(imported)


def test_rules_share_one_profile_per_document() -> None:
    doc = doc_for(_offline_text())
    assert measure(doc) is measure(doc)


SYLLABLE_SAMPLES = [
    "The intergovernmental commission's comprehensive evaluation characterised the programme.",
    "Don't say O'Brien's well-known co-operative isn't ready; it's 5 p.m. already.",
    "Her daughter, Mika, said “no” to the reporters’ questions about the 1990s.",
    "Three decades of rule — and 2020-21's protests — crushed the opposition's hopes.",
    "Qwertzuiop and Zxcvbnm are not words, but hyphenation still counts them.",
    "",
]


@pytest.mark.parametrize("text", SYLLABLE_SAMPLES)
def test_fast_syllable_counts_agree_with_textstat(text: str) -> None:
    import textstat

    from newslint.syllables import polysyllable_count, syllable_count
    assert syllable_count(text) == textstat.syllable_count(text)
    assert polysyllable_count(text) == textstat.polysyllabcount(text)


def test_syllable_table_is_cached_on_disk_and_reads_back_the_same(tmp_path, monkeypatch) -> None:
    from newslint import syllables
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    syllables.cmu_syllables.cache_clear()
    built = syllables.cmu_syllables()
    files = list((tmp_path / "newslint").glob("cmu-syllables-*.marshal"))
    assert len(files) == 1
    syllables.cmu_syllables.cache_clear()
    assert syllables.cmu_syllables() == built
    assert built["syllable"] == 3
    syllables.cmu_syllables.cache_clear()
