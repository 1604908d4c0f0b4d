"""Rule packs: loading Vale-format rule files, each kind's semantics, scopes, vocabularies, warnings, plugins."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint import hookimpl
from newslint.api import check_text_result
from newslint.config import ConfigError, config_from_mapping
from newslint.packs import Hit, PackKind, load_packs
from newslint.plugins import build_registry
from newslint.rule import Severity

PACKS = Path(__file__).parent / "packs"
HOUSE = PACKS / "House"


def run(text: str, select, *packs: Path, fmt: str = "md", **config):
    mapping = {"packs": [str(p) for p in (packs or (HOUSE,))], "select": [select] if isinstance(select, str) else select,
               **config}
    return list(check_text_result(text, config=config_from_mapping(mapping), path=f"draft.{fmt}").findings)


def spans(text: str, select, *packs: Path, **config) -> list[str]:
    """The prose each finding covers (drafts here have no markup before the findings, so columns are offsets)."""
    lines = text.split("\n")
    out = []
    for f in run(text, select, *packs, **config):
        if f.line == f.end_line:
            out.append(lines[f.line - 1][f.column - 1:f.end_column - 1])
    return out


# -- loading ---------------------------------------------------------------------------------------------

def test_house_pack_loads_every_rule_with_ids_names_and_severities() -> None:
    rules, warnings = load_packs([HOUSE], build_registry())
    assert warnings == []
    by_id = {cls.id: cls for cls in rules}
    assert set(by_id) == {f"House.{p.stem}" for p in HOUSE.glob("*.yml")}
    assert by_id["House.QuotedSwear"].name == "quoted-swear"
    assert by_id["House.Hedges"].category == "style"
    assert by_id["House.Hedges"].severity is Severity.WARNING
    assert by_id["House.Spelling"].severity is Severity.ERROR
    assert by_id["House.Acronym"].severity is Severity.INFO  # Vale's suggestion


def test_unsupported_kinds_keys_and_broken_files_are_warned_once_per_rule_naming_the_file() -> None:
    rules, warnings = load_packs([PACKS / "Broken"], build_registry())
    assert [cls.id for cls in rules] == ["Broken.Extra"]
    assert len(warnings) == 5
    text = "\n".join(warnings)
    assert "Spell.yml: kind 'spelling' is not supported" in text
    assert "BadRegex.yml: tokens: not a valid regular expression" in text
    assert "BadLevel.yml: level must be suggestion, warning or error" in text
    assert "Broken.yml: invalid YAML" in text
    extra = next(w for w in warnings if "Extra.yml" in w)
    assert "loaded Broken.Extra" in extra and "'colour'" in extra and "'pos'" in extra and "'alt'" in extra
    assert all("rule not loaded" in w for w in warnings if "Extra.yml" not in w)


def test_missing_pack_folder_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    rules, warnings = load_packs([tmp_path / "Nowhere", tmp_path], build_registry())
    assert rules == []
    assert any("pack not found" in w for w in warnings)
    assert any("no rule files" in w for w in warnings)


def test_select_by_pack_prefix_by_id_and_by_name() -> None:
    text = "The plan is somewhat popular. The judgement was towards the end."
    assert {f.rule for f in run(text, "House")} >= {"House.Hedges", "House.Spelling"}
    assert {f.rule for f in run(text, "House.Hedges")} == {"House.Hedges"}
    assert {f.rule for f in run(text, "hedges")} == {"House.Hedges"}


def test_unknown_pack_rule_in_select_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        run("Text.", "House.Nope")


def test_severity_override_by_pack_prefix() -> None:
    findings = run("The plan is somewhat popular.", "House.Hedges", severity={"House": "error"})
    assert [f.severity for f in findings] == [Severity.ERROR]


def test_rule_docs_come_from_the_rule_file_and_examples() -> None:
    rules, _ = load_packs([HOUSE], build_registry())
    hedges = next(cls for cls in rules if cls.id == "House.Hedges")
    assert "kind `existence`" in hedges.doc_section("What it does")
    assert "The plan is somewhat popular." in hedges.doc_section("Example")
    assert "kind of person" in hedges.doc_section("Use instead")


# -- kinds -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("The plan is somewhat popular.", ["somewhat"]),
    ("It was Sort Of fine and kind of odd.", ["Sort Of", "kind of"]),
    ("She is the kind of person who calls.", []),      # an exception covers the match
    ("The somewhatly invented word.", []),             # tokens are word-bounded
])
def test_existence(text: str, expected: list[str]) -> None:
    assert spans(text, "House.Hedges") == expected


def test_existence_message_and_action_suggestion() -> None:
    [finding] = run("The plan is somewhat popular.", "House.Hedges")
    assert finding.message == "Cut the hedge 'somewhat'."
    assert finding.suggestions == ()


@pytest.mark.parametrize("text,expected", [
    ("A judgement came. Send e-mails towards noon.", [("judgement", ("judgment",)), ("e-mails", ("email", "emails")),
                                                      ("towards", ("toward",))]),
    ("A judgment came and an email went toward them.", []),   # already what the swap asks for
    ("Judgement day.", [("Judgement", ("judgment",))]),
])
def test_substitution(text: str, expected) -> None:
    findings = run(text, "House.Spelling")
    lines = text.split("\n")
    assert [(lines[0][f.column - 1:f.end_column - 1], f.suggestions) for f in findings] == expected


def test_substitution_message_lists_alternatives_like_vale() -> None:
    [finding] = run("Send e-mails now.", "House.Spelling")
    assert finding.message == "Write 'email' or 'emails', not 'e-mails'."
    [finding] = run("A judgement came.", "House.Spelling")
    assert finding.message == "Write 'judgment', not 'judgement'."
    assert finding.fix is not None  # action: replace with one suggestion is a fix


@pytest.mark.parametrize("text,expected", [
    ("The gray cat. The grey dog. A grey bird.", ["grey", "grey"]),  # the first form used sets the choice
    ("The grey cat. The gray dog.", ["gray"]),
    ("The gray cat and the gray dog.", []),
    ("Its colour is grey.", []),                                      # two different pairs, each used one way
])
def test_consistency(text: str, expected: list[str]) -> None:
    assert spans(text, "House.Grey") == expected


def test_consistency_spans_paragraphs() -> None:
    [finding] = run("A gray sky.\n\nA grey sea.", "House.Grey")
    assert (finding.line, finding.column) == (3, 3)


@pytest.mark.parametrize("text,count", [
    ("He quickly and quietly and nervously left.", 1),
    ("He quickly and quietly left. She nervously smiled.", 0),   # counted per sentence (the scope)
])
def test_occurrence(text: str, count: int) -> None:
    findings = run(text, "House.Adverbs")
    assert len(findings) == count
    if count:
        assert findings[0].message == "3 adverbs ending in -ly in one sentence; trim some."
        assert findings[0].column == 4   # at the first match


@pytest.mark.parametrize("text,expected", [
    ("He said the the plan failed.", ["the the"]),
    ("He said The the plan failed.", ["The the"]),               # ignorecase
    ("It was that. That was all.", []),                           # a sentence boundary between them
    ("The count was 4 4 in total.", []),                          # alpha: letters only
])
def test_repetition(text: str, expected: list[str]) -> None:
    assert spans(text, "House.Doubled") == expected


@pytest.mark.parametrize("text,fires", [
    ("# Senate Passes The Budget Bill In Lagos\n\nText.", True),
    ("# Senate passes the budget bill in Lagos\n\nText.", False),  # exceptions keep their capitals
    ("# senate passes the bill\n\nText.", True),                   # sentence case starts with a capital
    ("Senate Passes The Budget Bill In Lagos\n", False),           # scope heading: a paragraph is not read
])
def test_capitalization(text: str, fires: bool) -> None:
    assert bool(run(text, "House.Headline")) is fires


def test_capitalization_lower_in_list_scope() -> None:
    text = "- Apples\n- pears\n"
    assert [f.line for f in run(text, "House.LowerList")] == [1]


@pytest.mark.parametrize("text,expected", [
    ("The WHO said so.", ["WHO"]),
    ("The World Health Organization (WHO) met. The WHO said so.", []),
    ("The WHO said so.\n\nThe World Health Organization (WHO) met.", ["WHO"]),  # defined too late
    ("NATO and the FBI agreed.", []),                                        # exceptions
])
def test_conditional(text: str, expected: list[str]) -> None:
    assert spans(text, "House.Acronym") == expected


# -- scopes ------------------------------------------------------------------------------------------------

def test_quote_scope_reads_only_inside_direct_quotations() -> None:
    text = "It was a damn shame, he said. “Damn the cost,” she said."
    assert spans(text, "House.QuotedSwear") == ["Damn"]


def test_narrative_scope_leaves_quotations_alone(tmp_path: Path) -> None:
    pack = tmp_path / "Desk"
    pack.mkdir()
    (pack / "Slang.yml").write_text("extends: existence\nmessage: \"Slang: '%s'.\"\nscope: narrative\n"
                                    "tokens:\n  - gonna\n", encoding="utf-8")
    text = "He was gonna go. “We are gonna win,” she said."
    assert spans(text, "Desk", pack) == ["gonna"]
    [finding] = run(text, "Desk", pack)
    assert finding.column == 8


def test_negated_scope(tmp_path: Path) -> None:
    pack = tmp_path / "Desk"
    pack.mkdir()
    (pack / "Bang.yml").write_text("extends: existence\nmessage: \"No '%s'.\"\nnonword: true\nscope: ~heading\n"
                                   "tokens:\n  - '!'\n", encoding="utf-8")
    findings = run("# Wow!\n\nIt rained!\n", "Desk", pack)
    assert [f.line for f in findings] == [3]


def test_raw_scope_reads_the_source_and_points_into_prose() -> None:
    text = "The mayor -- who was late -- spoke.\n"
    findings = run(text, "House.Dashes")
    assert [(f.column, f.suggestions) for f in findings] == [(10, ("—",)), (26, ("—",))]


# -- vocabularies --------------------------------------------------------------------------------------------

def test_vocabulary_accept_terms_are_exceptions_and_spelling_rules(tmp_path: Path) -> None:
    vocab = PACKS / "Vocab"
    pack = tmp_path / "Desk"
    pack.mkdir()
    (pack / "Caps.yml").write_text("extends: existence\nmessage: \"Odd capitals in '%s'.\"\n"
                                   "tokens:\n  - '[A-Z][a-z]+[A-Z]\\w*'\n", encoding="utf-8")
    text = "The NewsDesk team and the McAllister family met InDesign staff."
    assert spans(text, "Desk", pack) == ["NewsDesk", "McAllister", "InDesign"]
    assert spans(text, "Desk", pack, vocab) == ["InDesign"]
    assert spans("The Newsdesk and newsdesk said.", "Vale.Terms", pack, vocab) == ["Newsdesk", "newsdesk"]
    assert spans("In lagos state it rained.", "Vale.Terms", pack, vocab) == []   # (?i) term: any case
    assert spans("Prices skyrocketed.", "Vale.Avoid", pack, vocab) == ["skyrocketed"]


# -- plugins -------------------------------------------------------------------------------------------------

class Shouting(PackKind):
    """A third-party kind: flags words in capitals longer than ``min-length`` letters."""

    kind = "shouting"
    keys = frozenset({"min-length"})
    summary = "Flags words written in capitals."

    def check(self, text, chunks):
        import re
        size = self.integer("min-length", 4)
        for chunk in chunks:
            for match in re.finditer(rf"\b[A-Z]{{{size},}}\b", text[chunk.start:chunk.end]):
                yield Hit(chunk.start + match.start(), chunk.start + match.end(), (match.group(),))


class ShoutingPlugin:
    @hookimpl
    def newslint_pack_kinds(self):
        return [Shouting]


def test_a_plugin_adds_a_kind(tmp_path: Path) -> None:
    pack = tmp_path / "Desk"
    pack.mkdir()
    (pack / "Caps.yml").write_text("extends: shouting\nmessage: \"Stop shouting '%s'.\"\nmin-length: 5\n",
                                   encoding="utf-8")
    rules, warnings = load_packs([pack], build_registry())
    assert rules == [] and "kind 'shouting' is not supported" in warnings[0]
    registry = build_registry(extra_plugins=(ShoutingPlugin(),))
    rules, warnings = load_packs([pack], registry)
    assert warnings == [] and [cls.id for cls in rules] == ["Desk.Caps"]
    from newslint.engine import Linter, run_rules
    config = config_from_mapping({"packs": [str(pack)], "select": ["Desk"]})
    linter = Linter(config=config, extra_plugins=(ShoutingPlugin(),))
    ruleset = linter.ruleset(config)
    doc = linter.parse("The MAYOR said NO to the BUDGET.", "x.md", config, ruleset.registry)
    result = run_rules(doc, ruleset.rules)
    assert [f.message for f in result.findings] == ["Stop shouting 'MAYOR'.", "Stop shouting 'BUDGET'."]


def test_plugin_file_from_config_adds_a_kind(tmp_path: Path) -> None:
    plugin = tmp_path / "kinds.py"
    plugin.write_text(
        "from newslint import hookimpl\nfrom newslint.packs import Hit, PackKind\n\n"
        "class Tilde(PackKind):\n    kind = 'tilde'\n    summary = 'Flags tildes.'\n\n"
        "    def check(self, text, chunks):\n        for c in chunks:\n"
        "            i = text.find('~', c.start, c.end)\n            if i != -1:\n"
        "                yield Hit(i, i + 1, ('~',))\n\n"
        "@hookimpl\ndef newslint_pack_kinds():\n    return [Tilde]\n", encoding="utf-8")
    pack = tmp_path / "Desk"
    pack.mkdir()
    (pack / "T.yml").write_text("extends: tilde\nmessage: \"No '%s'.\"\n", encoding="utf-8")
    findings = run("About ~40 people.", "Desk", pack, plugins=[str(plugin)])
    assert [f.message for f in findings] == ["No '~'."]


# -- command line ---------------------------------------------------------------------------------------------

def test_cli_lists_pack_rules_and_prints_load_warnings(tmp_path: Path) -> None:
    config = tmp_path / ".newslint.toml"
    config.write_text(f'packs = ["{HOUSE.as_posix()}", "{(PACKS / "Broken").as_posix()}"]\n', encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("The plan is somewhat popular.\n", encoding="utf-8")
    base = [sys.executable, "-m", "newslint"]
    listed = subprocess.run(base + ["rules", "--config", str(config)], capture_output=True, text=True, cwd=tmp_path)
    assert "House.Hedges" in listed.stdout and "hedges" in listed.stdout
    doc = subprocess.run(base + ["rule", "House.Hedges", "--config", str(config)], capture_output=True, text=True,
                         cwd=tmp_path)
    assert "## Why is this bad?" in doc.stdout
    checked = subprocess.run(base + ["check", "--no-cache", "--format", "concise", "--config", str(config), str(draft)],
                             capture_output=True, text=True, cwd=tmp_path)
    assert "House.Hedges" in checked.stdout
    assert checked.stderr.count("Spell.yml: kind 'spelling' is not supported") == 1


# -- golden: the shipped packs on whole drafts ----------------------------------------------------------------

GOLDEN = sorted((PACKS / "golden").glob("*.md"))
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("case", GOLDEN, ids=[p.name for p in GOLDEN])
def test_shipped_packs_golden(case: Path, update_golden: bool) -> None:
    from newslint.reporters.concise import concise_line
    config = config_from_mapping({"packs": [str(ROOT / "rules" / "AP"), str(ROOT / "rules" / "Newsroom")],
                                  "select": ["AP", "Newsroom"]})
    result = check_text_result(case.read_text(encoding="utf-8"), config=config, path=case.name)
    actual = "".join(concise_line(f) + "\n" for f in result.findings)
    expected = case.with_suffix(".expected")
    if update_golden or not expected.exists():
        expected.write_text(actual, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote new {expected.name}; review it and rerun")
    assert actual == expected.read_text(encoding="utf-8")
