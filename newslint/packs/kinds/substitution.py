"""The ``substitution`` kind: flag listed words or patterns and suggest what to write instead."""
from __future__ import annotations

from typing import Iterable, Sequence

import regex

from newslint.packs.actions import to_sentence
from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.regexes import TIMEOUT, Exceptions, compile_pattern, finditer, fullmatch, word_pattern
from newslint.packs.scopes import Chunk
from newslint.packs.spec import PackError, RuleSpec

_CAPTURE = regex.compile(r"(?<!\\)\((?!\?)")
_GROUP_REF = regex.compile(r"\$\d+|\$\{\w+\}")


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def convert_message(message: str) -> str:
    """Unquote the first ``'%s'`` of a two-value message, since a list of suggestions brings its own quotes."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            return message.replace(spec, "%s", 1)
    return message


def options(expected: str) -> list[str]:
    """``a|b|c`` -> the three alternatives (``\\|`` is a literal bar)."""
    return [o.replace("\0", "|") for o in expected.replace(r"\|", "\0").split("|") if o]


class Substitution(PackKind):
    """Each ``swap`` key is a pattern (word-bounded unless ``nonword``); a match that does not already read
    as its value is a finding whose message gets the value and the match (``%s`` twice). A value with
    ``|`` offers several suggestions; ``$1`` refers to the key's groups; ``capitalize`` capitalises the
    suggestion after a capitalised match; ``exceptions`` and ``vocab`` as for existence."""

    kind = "substitution"
    keys = frozenset({"swap", "ignorecase", "nonword", "exceptions", "vocab", "capitalize", "matchcase"})
    ignored_keys = frozenset({"pos"})
    summary = "Flags the words or patterns it lists and suggests a replacement for each."

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        super().__init__(spec, context)
        swap = self.mapping("swap", required=True)
        if not swap:
            raise PackError("swap is empty")
        self.ignorecase = self.flag("ignorecase")
        self.capitalize = self.flag("capitalize") or self.flag("matchcase")
        self.terms = sorted(swap, key=lambda t: (-len(t), t))  # longest first, as Vale alternates
        self.replacements = [swap[t] for t in self.terms]
        groups = [f"({_CAPTURE.sub('(?:', t)})" for t in self.terms]
        self.pattern = compile_pattern(word_pattern(groups, nonword=self.flag("nonword")),
                                       ignorecase=self.ignorecase, key="swap")
        self.exceptions = Exceptions(self.exception_terms())
        self.replace_action = spec.action is not None and spec.action.name == "replace" and not spec.action.params

    def expected_for(self, index: int, observed: str, piece: str, pos: int) -> str:
        """The swap value for term ``index``, its ``$1`` filled from the term's match at ``piece[pos:]``."""
        expected = self.replacements[index]
        if self.capitalize and observed and observed == cap_first(observed):
            expected = cap_first(expected)
        if _GROUP_REF.search(expected):
            term = compile_pattern(self.terms[index], ignorecase=self.ignorecase, key="swap")
            template = regex.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", expected.replace("\\", "\\\\"))
            try:
                found = term.match(piece, pos, timeout=TIMEOUT)
                if found is not None:
                    expected = found.expand(template)
            except (regex.error, IndexError):
                pass
        return expected

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:
        for chunk in chunks:
            piece = text[chunk.start:chunk.end]
            for match in finditer(self.pattern, piece):
                index = next((i for i, g in enumerate(match.groups()) if g is not None), None)
                if index is None:
                    continue
                observed = match.group(index + 1)
                if not observed:
                    continue
                expected = self.expected_for(index, observed, piece, match.start(index + 1))
                choices = options(expected)
                if self.replace_action:
                    same = observed in choices
                else:
                    same = fullmatch(expected, observed)
                if same or (self.exceptions and (
                        self.exceptions.matches(observed)
                        or self.exceptions.within_phrase(piece, match.start(index + 1), match.end(index + 1)))):
                    continue
                start, end = chunk.start + match.start(index + 1), chunk.start + match.end(index + 1)
                literal = all(not regex.search(r"[\\\[\](){}*+?^$]", c) for c in choices)
                suggestions = tuple(choices) if literal else ()
                if literal and (self.replace_action or len(choices) > 1):
                    yield Hit(start, end, (to_sentence(choices), observed), suggestions,
                              fixable=self.replace_action and len(suggestions) == 1,
                              message=convert_message(self.spec.message))
                else:
                    yield Hit(start, end, (expected, observed), suggestions,
                              fixable=self.replace_action and len(suggestions) == 1)
