"""Grammar (NL601) through LanguageTool: server handling, filters, severities, and a real server run."""
from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from newslint.api import check_text_result
from newslint.checks.grammar import Grammar, GrammarOptions, _mixed_case
from newslint.config import ConfigError, config_from_mapping
from newslint.languagetool import (LanguageToolUnavailable, Match, Settings, _base_url, chunks, classpath, connect,
                                   free_port, is_local)
from newslint.rule import Severity

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "languagetool-server"


def run(text: str, grammar: dict | None = None, select=("NL601",), path: str = "draft.md"):
    mapping = {"select": list(select)}
    if grammar is not None:
        mapping["grammar"] = grammar
    return check_text_result(text, config=config_from_mapping(mapping), path=path)


def match(rule_id: str = "X", category: str = "GRAMMAR", issue: str = "grammar") -> Match:
    return Match(0, 1, rule_id, category, issue, "message", ())


# -- configuration and pure helpers ------------------------------------------------------------------------
@pytest.mark.parametrize("url, local", [
    ("http://127.0.0.1:8081", True), ("http://localhost:8010/", True), ("http://[::1]:8081", True),
    ("http://127.5.0.1", True), ("https://api.languagetool.org", False), ("http://10.0.0.7:8081", False),
    ("http://lt.newsroom.example:8081", False),
])
def test_is_local(url: str, local: bool) -> None:
    assert is_local(url) is local


@pytest.mark.parametrize("given, base", [
    ("http://127.0.0.1:8081", "http://127.0.0.1:8081/"), ("http://127.0.0.1:8081/v2", "http://127.0.0.1:8081/"),
    ("127.0.0.1:8081", "http://127.0.0.1:8081/"), ("https://lt.example/tool/v2/", "https://lt.example/tool/"),
])
def test_base_url(given: str, base: str) -> None:
    assert _base_url(given) == base


def test_base_url_rejects_other_schemes() -> None:
    with pytest.raises(LanguageToolUnavailable, match="not an http"):
        _base_url("ftp://127.0.0.1/")


def test_chunks_split_at_paragraph_breaks_and_keep_offsets() -> None:
    text = "\n\n".join(["a" * 40, "b" * 40, "c" * 40])
    pieces = chunks(text, 90)
    assert [offset for offset, _ in pieces] == [0, 82]  # cut at the second paragraph break
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text
    assert chunks("   ", 90) == []


def test_severity_defaults_and_overrides() -> None:
    rule = Grammar()
    assert rule.severity_of(match("HE_VERB_AGR", "GRAMMAR")) is Severity.WARNING
    assert rule.severity_of(match("MODAL_OF", "TYPOS", "misspelling")) is Severity.WARNING
    assert rule.severity_of(match("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling")) is Severity.INFO
    assert rule.severity_of(match("FREE_GIFT", "REDUNDANCY", "style")) is Severity.INFO
    tuned = Grammar(GrammarOptions(severity={"REDUNDANCY": "warning", "HE_VERB_AGR": "error", "GRAMMAR": "info"}))
    assert tuned.severity_of(match("FREE_GIFT", "REDUNDANCY", "style")) is Severity.WARNING
    assert tuned.severity_of(match("HE_VERB_AGR", "GRAMMAR")) is Severity.ERROR  # the rule id beats its category
    assert tuned.severity_of(match("OTHER", "GRAMMAR")) is Severity.INFO


def test_bad_severity_in_config_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="severity.TYPOS"):
        run("Text.", {"severity": {"TYPOS": "loud"}})


def test_unknown_grammar_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="serverr"):
        run("Text.", {"serverr": "http://127.0.0.1:8081"})


@pytest.mark.parametrize("word, mixed", [("iPhone", True), ("HBOS", True), ("GarageBand", True), ("Boeing", False),
                                         ("teh", False), ("A", False), ("EADS's", True)])
def test_mixed_case_words_are_written_as_names(word: str, mixed: bool) -> None:
    assert _mixed_case(word) is mixed


def test_rule_is_off_by_default() -> None:
    result = check_text_result("She say the plan is ready.", config=config_from_mapping({}), path="d.md")
    assert not [f for f in result.findings if f.rule == "NL601"]
    assert not [n for n in result.notices if n.startswith("NL601")]


# -- no server, a refused remote, a server that hangs --------------------------------------------------------
def test_no_server_skips_with_one_notice_and_other_rules_still_run() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    result = run("The the council say it is ready.", {"server": url}, select=("NL601", "NL703"))
    assert time.monotonic() - started < 10
    assert [f.rule for f in result.findings] == ["NL703"]
    assert len(result.notices) == 1
    assert result.notices[0].startswith("NL601 grammar skipped: no LanguageTool answers at")
    assert "scripts/languagetool-server start" in result.notices[0]


def test_remote_server_needs_allow_remote_and_is_never_contacted(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("newslint tried to reach a remote server")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = run("She say the plan is ready.", {"server": "https://api.languagetool.org"})
    assert not result.findings
    assert "is not on this machine" in result.notices[0] and "allow-remote = true" in result.notices[0]


class _SilentServer:
    """Accepts connections and never answers: a hung LanguageTool."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.clients: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.clients.append(conn)

    def close(self) -> None:
        for conn in self.clients:
            conn.close()
        self.sock.close()


def test_a_hung_server_hits_the_timeout_not_a_hang() -> None:
    server = _SilentServer()
    try:
        started = time.monotonic()
        result = run("She say the plan is ready.", {"server": f"http://127.0.0.1:{server.port}", "timeout": 1})
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert elapsed < 5
    assert "timed out" in result.notices[0]


def test_languagetool_dir_without_jars_is_reported() -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(LanguageToolUnavailable, match="holds no languagetool-server jar"):
        connect(Settings(server=dead, languagetool_dir=str(Path(__file__).parent)))


def test_classpath_of_a_release_folder_and_of_a_maven_folder(tmp_path) -> None:
    (tmp_path / "release").mkdir()
    (tmp_path / "release" / "languagetool-server.jar").write_bytes(b"")
    (tmp_path / "maven" / "lib").mkdir(parents=True)
    (tmp_path / "maven" / "lib" / "languagetool-server-6.6.jar").write_bytes(b"")
    assert classpath(tmp_path / "release") == str(tmp_path / "release" / "languagetool-server.jar")
    assert classpath(tmp_path / "maven") == str(tmp_path / "maven" / "lib" / "*")


@pytest.mark.parametrize("select, imported", [("NL701", False), ("NL601", True)])
def test_language_tool_python_is_imported_only_for_the_grammar_rule(select: str, imported: bool) -> None:
    code = textwrap.dedent(f"""
        import sys
        from newslint.api import check_text_result
        check_text_result("Text here.", config={{"select": [{select!r}], "grammar": {{"server": "http://127.0.0.1:9"}}}},
                          path="d.md")
        print("language_tool_python" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(imported)


# -- against a real LanguageTool server ----------------------------------------------------------------------


@pytest.mark.languagetool
def test_reports_agreement_errors_with_rule_id_category_and_suggestions(languagetool_url) -> None:
    text = "The mayor visits every week, and she say the budget is ready."
    result = run(text, {"server": languagetool_url})
    assert not result.notices
    (finding,) = result.findings
    assert finding.rule == "NL601" and finding.severity is Severity.WARNING
    assert "(LanguageTool HE_VERB_AGR, GRAMMAR)" in finding.message
    assert "says" in finding.suggestions
    column = text.index("say") + 1
    assert (finding.line, finding.column, finding.end_column) == (1, column, column + 3)


@pytest.mark.languagetool
def test_severity_can_be_set_by_rule_id_or_category(languagetool_url) -> None:
    text = "The mayor visits every week, and she say the budget is ready."
    by_id = run(text, {"server": languagetool_url, "severity": {"HE_VERB_AGR": "error"}})
    by_category = run(text, {"server": languagetool_url, "severity": {"GRAMMAR": "info"}})
    assert [f.severity for f in by_id.findings] == [Severity.ERROR]
    assert [f.severity for f in by_category.findings] == [Severity.INFO]


@pytest.mark.languagetool
def test_rules_newslint_owns_are_not_reported_twice(languagetool_url) -> None:
    text = 'The vote is on Monday, March 4, 2025 (or later. "We are ready, the mayor said. It was was late.'
    raw = {m.rule_id for m in Grammar(GrammarOptions(server=languagetool_url)).matches(_doc(text), filtered=False)}
    assert {"EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES", "ENGLISH_WORD_REPEAT_RULE"} <= raw
    reported = " ".join(f.message for f in run(text, {"server": languagetool_url}).findings)
    for rule_id in ("EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES", "ENGLISH_WORD_REPEAT_RULE", "DATE_WEEKDAY"):
        assert rule_id not in reported


@pytest.mark.languagetool
def test_names_the_article_uses_are_not_spelling_mistakes(languagetool_url) -> None:
    text = ("Councillor Wiktoria Brzezinska-Oyelaran opened the session. Brzezinska-Oyelaran said the plan "
            "was sound. The new ferry, the Skerrywind, sails on Monday. The report was recieved late.")
    messages = [(f.message, f.column) for f in run(text, {"server": languagetool_url}).findings]
    raw = Grammar(GrammarOptions(server=languagetool_url)).matches(_doc(text), filtered=False)
    assert sum(m.rule_id.startswith("MORFOLOGIK") for m in raw) >= 3  # the names, the ship and the typo
    assert len(messages) == 1 and "MORFOLOGIK_RULE_EN_US" in messages[0][0]  # only "recieved" is left
    assert text[messages[0][1] - 1:].startswith("recieved")


@pytest.mark.languagetool
def test_style_matches_inside_quotations_are_dropped_grammar_ones_become_info(languagetool_url) -> None:
    text = ('"We will return back stronger, and they was brave," the coach said. '
            'Fans will return back on Friday.')
    findings = run(text, {"server": languagetool_url}).findings
    by_rule = {f.message.split("(LanguageTool ")[1].split(",")[0]: f for f in findings}
    assert set(by_rule) == {"RETURN_BACK", "PERS_PRONOUN_AGREEMENT"}
    assert by_rule["RETURN_BACK"].column > 60  # the one outside the quotation
    assert by_rule["PERS_PRONOUN_AGREEMENT"].severity is Severity.INFO  # a speaker's words, quoted as spoken


@pytest.mark.languagetool
def test_headlines_are_not_held_to_sentence_grammar(languagetool_url) -> None:
    text = "# US stock markets fall to lowest levels since 1997\n\nThe markets fell on Monday."
    assert not run(text, {"server": languagetool_url}).findings


@pytest.mark.languagetool
def test_script_status_reports_the_running_server(languagetool_url) -> None:
    port = languagetool_url.rsplit(":", 1)[1]
    status = subprocess.run([str(SCRIPT), "status", "--port", port], capture_output=True, text=True, timeout=30)
    assert status.returncode == 0 and status.stdout.strip() == languagetool_url
    idle = subprocess.run([str(SCRIPT), "status", "--port", str(free_port())], capture_output=True, text=True,
                          timeout=30)
    assert idle.returncode == 1 and "nothing answers" in idle.stderr


@pytest.mark.languagetool
@pytest.mark.slow
def test_a_local_languagetool_folder_is_started_on_a_free_port(languagetool_url) -> None:
    folder = subprocess.run([str(SCRIPT), "fetch"], capture_output=True, text=True, timeout=900).stdout.strip()
    dead = f"http://127.0.0.1:{free_port()}"
    result = run("She say the plan is ready.", {"server": dead, "languagetool-dir": str(Path(folder).parent)})
    assert not result.notices, result.notices
    assert ["HE_VERB_AGR" in f.message for f in result.findings] == [True]


def _doc(text: str):
    from newslint.config import Config
    from newslint.engine import Linter
    config = Config()
    linter = Linter(config=config)
    return linter.parse(text, "draft.md", config, linter.ruleset(config).registry)
