"""Grammar (NL601): LanguageTool's matches as findings, minus what newslint checks itself or knows is right."""
from __future__ import annotations

import types
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Iterable, Mapping

from newslint import hookimpl
from newslint.config import ConfigError
from newslint.languagetool_settings import Settings
from newslint.rule import Rule, Severity, Violation

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document
    from newslint.languagetool import Match

#: LanguageTool rules that duplicate newslint's own (quotes, time, doubled words, quote style, readability)
DUPLICATE_RULES = (
    "EN_UNPAIRED_QUOTES", "EN_UNPAIRED_BRACKETS", "UNPAIRED_BRACKETS",      # NL2xx quotes
    "DATE_WEEKDAY", "EN_DATE_WEEKDAY", "EN_DATE_WEEKDAY_CURRENTYEAR",       # NL4xx time
    "INVALID_DATE", "DATE_FUTURE_VERB_PAST", "DATE_NEW_YEAR",
    "ENGLISH_WORD_REPEAT_RULE",                                              # NL703 doubled-word
    "EN_QUOTES",                                                             # NL704 quote style
    "TOO_LONG_SENTENCE", "TOO_LONG_PARAGRAPH",                               # NL502, NL503
)
#: LanguageTool categories reported as warnings by default (dictionary spelling aside); everything else is info
WARNING_CATEGORIES = frozenset({"GRAMMAR", "CONFUSED_WORDS", "NONSTANDARD_PHRASES", "TYPOS"})
WARNING_RULES = frozenset({"EN_A_VS_AN"})
#: LanguageTool's dictionary spell-checkers: the words it does not know, names included
SPELLING_RULE_PREFIXES = ("MORFOLOGIK_RULE", "HUNSPELL_RULE")
#: a match of these issue types or categories is about style, not grammar
STYLE_ISSUES = frozenset({"style", "locale-violation", "register", "typographical", "whitespace"})
STYLE_CATEGORIES = frozenset({"STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "COLLOQUIALISMS", "TYPOGRAPHY", "CASING",
                              "WIKIPEDIA", "PUNCTUATION", "SEMANTICS", "REPETITIONS_STYLE", "CREATIVE_WRITING"})
#: blocks written in headline style, where only spelling and confused words are reported
HEADLINE_KINDS = frozenset({"title", "heading"})
HEADLINE_CATEGORIES = frozenset({"CONFUSED_WORDS"})


@dataclass(frozen=True)
class GrammarOptions(Settings):
    """Where LanguageTool runs (:class:`~newslint.languagetool_settings.Settings`) and what to do with its matches."""

    #: severity by LanguageTool rule id or category id (a rule id beats its category)
    severity: Mapping[str, str] = field(default_factory=lambda: types.MappingProxyType({}))
    #: more LanguageTool rule ids or categories to turn off
    disable: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for key, value in self.severity.items():
            try:
                Severity.parse(value)
            except ValueError as exc:
                raise ConfigError(f"[grammar] severity.{key}: {exc}") from None
        if self.timeout <= 0 or self.start_timeout <= 0:
            raise ConfigError("[grammar] timeout and start-timeout must be positive numbers of seconds")


class Grammar(Rule):
    """Reports grammar mistakes found by a LanguageTool server.

    ## What it does
    Sends the draft's prose to LanguageTool and reports its matches with
    LanguageTool's rule id and category in the message and its replacements
    as suggestions. Grammar errors, confused words and typos such as
    "should of" are warnings; punctuation, typography, style and unknown
    words (dictionary spelling) are info, and so is anything inside a direct
    quotation. Severities are configurable by LanguageTool rule id or
    category.

    newslint drops what would be noise on news copy: LanguageTool rules that
    duplicate newslint's own (unpaired quotes, weekday-date checks, doubled
    words, quote style, long sentences), spelling matches on names the
    article itself establishes, and style matches inside direct quotations
    (a speaker's words are quoted as spoken).

    The rule is off by default: it needs a LanguageTool server. Turn it on
    with `extend-select = ["NL601"]`; `scripts/languagetool-server start`
    runs one on 127.0.0.1:8081, where newslint looks by default. Drafts go
    to a server off this machine only with `allow-remote = true`. When no
    server answers, the rule is skipped with a notice and every other rule
    still runs.

    ## Why is this bad?
    Agreement slips ("the council have voted", "he go") and confused words
    survive spell-checkers and reach print.

    ## Example
    ```markdown
    The mayor go to the council every week, and she say the budget is ready.
    ```

    ## Use instead
    ```markdown
    The mayor goes to the council every week, and she says the budget is ready.
    ```

    ## Options
    - `server` (`"http://127.0.0.1:8081"`): the LanguageTool server.
    - `allow-remote` (`false`): allow a server that is not on this machine (drafts are confidential).
    - `languagetool-dir` (`""`): a local LanguageTool folder newslint starts on a free port when the server does not answer.
    - `timeout` (`10`): seconds to wait for the server's answer.
    - `start-timeout` (`90`): seconds to wait for a LanguageTool started from `languagetool-dir`.
    - `language` (`"en-US"`): LanguageTool's language code (`"en-GB"` for British spelling).
    - `severity` (`{}`): severity by LanguageTool rule id or category, e.g. `{ TYPOS = "warning" }`.
    - `disable` (`[]`): more LanguageTool rule ids or categories to turn off.
    """

    id = "NL601"
    name = "grammar"
    category = "grammar"
    severity = Severity.WARNING
    Options = GrammarOptions
    default_enabled = False

    def check(self, doc: "Document") -> Iterable[Violation]:
        for match in self.matches(doc, filtered=True):
            severity = self.severity_of(match)
            if severity > Severity.INFO and _quoted(doc, match):
                severity = Severity.INFO  # a speaker's words are quoted as spoken
            yield self.violation(match.offset, match.offset + match.length, message(match),
                                 suggestions=match.replacements[:5], severity=severity)

    def matches(self, doc: "Document", *, filtered: bool) -> list["Match"]:
        """LanguageTool's matches for ``doc`` (raises RuleSkipped when no server answers).

        ``filtered=False`` keeps what newslint drops, for measuring what the filters remove.
        """
        from newslint.engine import RuleSkipped
        from newslint.languagetool import LanguageToolUnavailable, check, connect

        if not doc.text.strip():
            return []
        o = self.options
        settings = Settings(**{f.name: getattr(o, f.name) for f in fields(Settings)})
        disabled = tuple(o.disable) + (DUPLICATE_RULES if filtered else ())
        rules = [d for d in disabled if d not in _KNOWN_CATEGORY_IDS]
        categories = [d for d in disabled if d in _KNOWN_CATEGORY_IDS]
        try:
            client = connect(settings, disabled_rules=rules, disabled_categories=categories)
            found = check(client, doc.text)
        except LanguageToolUnavailable as exc:
            raise RuleSkipped(str(exc)) from None
        if not filtered:
            return found
        return [m for m in found if not _noise(doc, m)]

    def severity_of(self, match: "Match") -> Severity:
        table = self.options.severity
        for key in (match.rule_id, match.category):
            if key in table:
                return Severity.parse(table[key])
        if is_spelling(match):
            return Severity.INFO
        return Severity.WARNING if match.category in WARNING_CATEGORIES or match.rule_id in WARNING_RULES \
            else Severity.INFO


#: LanguageTool's English category ids, to tell a category from a rule id in `disable`
_KNOWN_CATEGORY_IDS = frozenset({
    "CASING", "COLLOCATIONS", "COLLOQUIALISMS", "COMPOUNDING", "CONFUSED_WORDS", "CREATIVE_WRITING", "GRAMMAR",
    "MISC", "MISUSED_TERMS_EU_PUBLICATIONS", "NONSTANDARD_PHRASES", "PLAIN_ENGLISH", "PUNCTUATION", "REDUNDANCY",
    "REPETITIONS", "REPETITIONS_STYLE", "SEMANTICS", "STYLE", "TEXT_ANALYSIS", "TYPOGRAPHY", "TYPOS", "WIKIPEDIA",
    "BRITISH_ENGLISH", "AMERICAN_ENGLISH", "PROPER_NOUNS", "GENDER_NEUTRALITY", "FALSE_FRIENDS",
})


def message(match: "Match") -> str:
    return f"{match.message.rstrip()} (LanguageTool {match.rule_id}, {match.category})"


def is_spelling(match: "Match") -> bool:
    """A dictionary miss (an unknown word), as opposed to a pattern rule such as "should of"."""
    return match.rule_id.startswith(SPELLING_RULE_PREFIXES)


def is_style(match: "Match") -> bool:
    return not is_spelling(match) and (match.issue_type in STYLE_ISSUES or match.category in STYLE_CATEGORIES)


def _noise(doc: "Document", match: "Match") -> bool:
    """A match newslint drops: see the rule's documentation."""
    block = doc.block_at(match.offset)
    if block is not None and block.kind in HEADLINE_KINDS and not (is_spelling(match) or match.category
                                                                   in HEADLINE_CATEGORIES):
        return True  # headlines drop articles and verbs on purpose
    if is_spelling(match):
        return _is_name(doc, match.offset, match.offset + match.length)
    return is_style(match) and _quoted(doc, match)


def _quoted(doc: "Document", match: "Match") -> bool:
    from newslint.quotations import inside_quotation
    return inside_quotation(doc, match.offset) and inside_quotation(doc, match.offset + max(match.length - 1, 0))


def _is_name(doc: "Document", start: int, end: int) -> bool:
    """The flagged words are a name: the article names them, or they are written the way only names are."""
    from newslint.names_text import fold
    from newslint.people import established_names, name_analysis

    parts = doc.text[start:end].replace("’", "'").split()
    if not parts:
        return False
    names = established_names(doc)
    places = name_analysis(doc).places
    if all(p in names or p.removesuffix("'s") in names or fold(p) in places for p in parts):
        return True
    if all(_mixed_case(p) for p in parts):
        return True
    return all(any(ch.isupper() for ch in p) for p in parts) and not _sentence_initial(doc, start)


def _mixed_case(word: str) -> bool:
    """iPhone, GarageBand, HBOS: capitals after the first letter are how names and brands are written."""
    letters = [ch for ch in word.removesuffix("'s") if ch.isalpha()]
    return len(letters) > 1 and any(ch.isupper() for ch in letters[1:])


def _sentence_initial(doc: "Document", offset: int) -> bool:
    block = doc.block_at(offset)
    before = doc.text[block.start if block else 0:offset].rstrip(" \t\n\"'“‘(«[—–-")
    return not before or before[-1] in ".!?:;"


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [Grammar]
