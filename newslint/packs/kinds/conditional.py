"""The ``conditional`` kind: if one pattern appears, another must too (an acronym needs its definition)."""
from __future__ import annotations

from typing import Iterable, Sequence

import regex

from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.regexes import Exceptions, compile_pattern, finditer
from newslint.packs.scopes import Chunk
from newslint.packs.spec import RuleSpec

_CAPTURE = regex.compile(r"(?<!\\)\((?!\?)")


class Conditional(PackKind):
    """When ``second`` has a capture group, each match of ``first`` must have been captured by a match
    of ``second`` earlier in the document (``WHO`` after ``World Health Organization (WHO)``); without a
    group, a chunk with a ``first`` match must also contain ``second``. ``exceptions`` (and, with
    ``vocab``, accepted terms) never need it."""

    kind = "conditional"
    keys = frozenset({"first", "second", "ignorecase", "exceptions", "vocab"})
    summary = "Flags a word or pattern used without the definition or context it requires."

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        super().__init__(spec, context)
        second = self.string("second", required=True)
        ignorecase = self.flag("ignorecase")
        self.first = compile_pattern(self.string("first", required=True), ignorecase=ignorecase, key="first")
        self.second = compile_pattern(second, ignorecase=ignorecase, key="second")
        self.grouped = _CAPTURE.search(second.replace(r"\(", "")) is not None
        self.exceptions = Exceptions(self.exception_terms())

    def _excepted(self, piece: str, match) -> bool:
        return bool(self.exceptions) and (self.exceptions.matches(match.group())
                                          or self.exceptions.within_phrase(piece, match.start(), match.end()))

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:
        defined: set[str] = set()
        for chunk in chunks:
            piece = text[chunk.start:chunk.end]
            if not self.grouped:
                if self.second.search(piece):
                    continue
                for match in finditer(self.first, piece):
                    if not self._excepted(piece, match):
                        yield Hit(chunk.start + match.start(), chunk.start + match.end(), (match.group(),))
                continue
            for match in finditer(self.second, piece):
                defined.update(g for g in match.groups() if g)
            for match in finditer(self.first, piece):
                if match.group() not in defined and not self._excepted(piece, match):
                    yield Hit(chunk.start + match.start(), chunk.start + match.end(), (match.group(),))
