"""Vale's regular expressions in Python: templates, case folding, exceptions and vocabulary phrases.

Vale compiles patterns with Go's regexp2 (a .NET-style engine with
lookarounds); the ``regex`` module reads the same syntax, including ``\\p{L}``,
POSIX classes, variable-length lookbehind and inline flags that apply from
where they stand. The few Go-only spellings are translated.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from newslint.packs.spec import PackError

#: a single search may not run longer than this (seconds): a runaway pattern fails its rule, not the run
TIMEOUT = 2.0
_GO_END = re.compile(r"(?<!\\)((?:\\\\)*)\\z")
_QUOTED = re.compile(r"\\Q(.*?)(?:\\E|$)", re.S)


def translate(pattern: str) -> str:
    """Rewrite the Go-only parts of a pattern (``\\z``, ``\\Q…\\E``) for the ``regex`` module."""
    pattern = _QUOTED.sub(lambda m: regex.escape(m.group(1)), pattern)
    return _GO_END.sub(lambda m: m.group(1) + r"\Z", pattern)


def compile_pattern(pattern: str, *, ignorecase: bool = False, key: str = "pattern") -> "regex.Pattern":
    """Compile one Vale pattern (multi-line, as Vale's templates are); raise PackError naming ``key``."""
    flags = regex.MULTILINE | regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    try:
        return regex.compile(translate(pattern), flags)
    except (regex.error, ValueError, OverflowError) as exc:
        raise PackError(f"{key}: not a valid regular expression ({exc})") from None


def word_pattern(alternatives: Iterable[str], *, nonword: bool = False) -> str:
    """Vale's token template: ``\\b(?:a|b)\\b``, or ``(?:a|b)`` when ``nonword`` is set."""
    body = "|".join(alternatives)
    return f"(?:{body})" if nonword else rf"\b(?:{body})\b"


def finditer(pattern: "regex.Pattern", text: str) -> Iterator:
    """The non-empty matches of ``pattern`` in ``text``."""
    for match in pattern.finditer(text, timeout=TIMEOUT):
        if match.end() > match.start():
            yield match


def case_scoped(term: str) -> str:
    """An exception term keeps its own case: ``(?-i:term)``, or ``(?i:term)`` when it starts with ``(?i)``."""
    if term.startswith("(?i)"):
        return f"(?i:{term[4:]})"
    return f"(?-i:{term})"


class Exceptions:
    """Vale's exception matching: a finding is dropped when an exception term occurs in the matched text.

    Terms are regular expressions, case-sensitive unless they start with
    ``(?i)``, word-bounded, longest first. Multi-word terms also protect any
    finding that falls inside an accepted phrase in the text.
    """

    def __init__(self, terms: Iterable[str], key: str = "exceptions") -> None:
        cleaned = sorted({t for t in (str(t).strip() for t in terms) if t}, key=lambda t: (-len(t), t))
        self.terms = tuple(cleaned)
        self.pattern = (compile_pattern(word_pattern(case_scoped(t) for t in cleaned), key=key)
                        if cleaned else None)
        phrases = [t for t in cleaned if " " in t or "\t" in t or r"\s" in t]
        self.phrases = (compile_pattern(word_pattern(phrases), ignorecase=True, key=key) if phrases else None)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def matches(self, observed: str) -> bool:
        return self.pattern is not None and self.pattern.search(observed.strip(), timeout=TIMEOUT) is not None

    def within_phrase(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies inside an accepted multi-word phrase of ``text``."""
        if self.phrases is None:
            return False
        return any(m.start() <= start and end <= m.end() for m in finditer(self.phrases, text))


def is_phrase(text: str) -> bool:
    """Vale's test for a literal phrase (letters and spaces only) rather than a pattern."""
    return bool(text) and all(ch.isalpha() or ch == " " for ch in text)


def fullmatch(expected: str, observed: str, *, ignorecase: bool = False) -> bool:
    """Whether ``observed`` already conforms to ``expected`` (a phrase compared exactly, else a pattern)."""
    if is_phrase(expected):
        return expected == observed
    pattern = _anchored(expected, ignorecase)
    if pattern is None:
        return expected == observed
    return pattern.search(observed, timeout=TIMEOUT) is not None


@lru_cache(maxsize=4096)
def _anchored(expected: str, ignorecase: bool) -> "regex.Pattern | None":
    try:
        return compile_pattern(f"^(?:{expected})$", ignorecase=ignorecase)
    except PackError:
        return None
