"""The ``capitalization`` kind: a scope (usually headings) must follow a case style."""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.regexes import Exceptions, compile_pattern
from newslint.packs.scopes import Chunk
from newslint.packs.spec import PackError, RuleSpec

_WORD = re.compile(r"[\w*][^\s]*")
#: words AP lowercases in titles unless first or last: articles, conjunctions, prepositions of up to three letters
AP_SMALL = frozenset("a an and as at but by en for if in nor of off on or per so the to up via vs v yet".split())
#: Chicago also lowercases longer prepositions
CHICAGO_SMALL = AP_SMALL | frozenset(
    "about above across after against along amid among around before behind below beneath beside between beyond"
    " despite down during except from inside into like near onto out outside over past since than through"
    " throughout toward towards under underneath until unto upon with within without".split())


def _core(word: str) -> str:
    """The part of a word whose case counts: before a hyphen or apostrophe (``Top-level``, ``Client's``)."""
    return re.split(r"[-'’]", word, maxsplit=1)[0] or word


def to_title(text: str, small: frozenset[str]) -> str:
    words = list(_WORD.finditer(text))
    out = []
    last = 0
    for i, match in enumerate(words):
        word = match.group()
        bare = word.strip("\"'“”‘’()[]:;,.!?").lower()
        after_colon = i > 0 and text[words[i - 1].end() - 1:words[i - 1].end()] in ":—"
        if any(ch.isupper() for ch in word[1:]) or word.isupper() and len(word) > 1:
            new = word  # iPhone, NASA: keep as written
        elif 0 < i < len(words) - 1 and bare in small and not after_colon:
            new = word.lower()
        else:
            new = _cap(word)
        out.append(text[last:match.start()] + new)
        last = match.end()
    return "".join(out) + text[last:]


def to_sentence_case(text: str, exceptions: Exceptions, indicators: Sequence[str]) -> str:
    words = list(_WORD.finditer(text))
    out = []
    last = 0
    for i, match in enumerate(words):
        word = match.group()
        previous = words[i - 1].group() if i else ""
        if i == 0 or any(previous.endswith(s) for s in indicators):
            new = _cap(word)
        elif word.isupper() and len(_core(word)) > 1 or (exceptions and exceptions.matches(word)):
            new = word
        else:
            new = word.lower()
        out.append(text[last:match.start()] + new)
        last = match.end()
    return "".join(out) + text[last:]


def _cap(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1:]
    return word


class Capitalization(PackKind):
    """``match`` is ``$title`` (``style`` AP or Chicago), ``$sentence``, ``$lower``, ``$upper`` or a
    pattern the text must contain. Title and sentence case pass when more than ``threshold`` (default
    0.8) of the words conform; ``exceptions`` (and, with ``vocab``, accepted terms) always conform,
    ``indicators`` are endings (such as ``:``) after which a capital is allowed, and ``prefix`` is text
    at the start to ignore. The finding spans the whole chunk; the message gets the text and the
    expected form."""

    kind = "capitalization"
    keys = frozenset({"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"})
    summary = "Flags text (usually headings) that does not follow a case style."

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        super().__init__(spec, context)
        self.match = self.string("match", required=True)
        style = self.string("style", "AP")
        if style not in ("AP", "Chicago"):
            raise PackError(f"style must be AP or Chicago, not {style!r}")
        self.small = CHICAGO_SMALL if style == "Chicago" else AP_SMALL
        self.threshold = self.number("threshold", 0.8) or 0.8
        self.indicators = tuple(self.strings("indicators"))
        self.prefix = self.string("prefix")
        self.exceptions = Exceptions(self.exception_terms())
        self.pattern = None
        if not self.match.startswith("$"):
            self.pattern = compile_pattern(self.match, key="match")
        elif self.match not in ("$title", "$sentence", "$lower", "$upper"):
            raise PackError(f"match must be $title, $sentence, $lower, $upper or a pattern, not {self.match!r}")

    def expected(self, text: str) -> str:
        if self.match == "$title":
            return to_title(text, self.small)
        if self.match == "$sentence":
            return to_sentence_case(text, self.exceptions, self.indicators)
        if self.match == "$lower":
            return text.lower()
        if self.match == "$upper":
            return text.upper()
        return self.match

    def conforms(self, text: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(text) is not None or self.exceptions.matches(text)
        if self.match == "$lower":
            return text == text.lower() or self.exceptions.matches(text)
        if self.match == "$upper":
            return text == text.upper() or self.exceptions.matches(text)
        if self.match == "$sentence":
            text = text.rstrip("?!.:")
        expected = self.expected(text)
        got = [m.group() for m in _WORD.finditer(text)]
        want = [m.group() for m in _WORD.finditer(expected)]
        if not got:
            return True
        good = 0
        for i, word in enumerate(got):
            core = _core(word)
            if (i < len(want) and (word == want[i] or core == _core(want[i]))) or core.isupper() \
                    or (self.exceptions and self.exceptions.matches(word)):
                good += 1
            elif self.match == "$sentence" and i == 0:
                return False  # a sentence-case text must begin with a capital
        return good / len(got) > self.threshold

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:
        for chunk in chunks:
            piece = text[chunk.start:chunk.end]
            body = piece[len(self.prefix):] if self.prefix and piece.startswith(self.prefix) else piece
            if body.strip() and not self.conforms(body):
                expected = self.expected(body)
                suggestions = (expected,) if (self.spec.action and self.spec.action.name == "replace"
                                              and self.match in ("$title", "$sentence")) else ()
                yield Hit(chunk.start, chunk.end, (piece, expected), suggestions)
