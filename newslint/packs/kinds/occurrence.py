"""The ``occurrence`` kind: a pattern may appear at most ``max`` (at least ``min``) times per scope."""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.regexes import compile_pattern, finditer
from newslint.packs.scopes import Chunk
from newslint.packs.spec import PackError, RuleSpec

_FIRST_WORD = re.compile(r"\S+")


class Occurrence(PackKind):
    """``token`` is counted in each chunk of the scope (each sentence, paragraph...); more than ``max``
    or fewer than ``min`` (when set above zero) is one finding, at the first match (or the chunk's first
    word when there is none). The message's ``%s``/``%d`` is the count."""

    kind = "occurrence"
    keys = frozenset({"token", "max", "min", "ignorecase"})
    summary = "Flags a scope in which a pattern occurs too often (or too rarely)."

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        super().__init__(spec, context)
        token = self.string("token", required=True)
        self.pattern = compile_pattern(f"(?:{token})", ignorecase=self.flag("ignorecase"), key="token")
        self.max = self.integer("max")
        self.min = self.integer("min")
        if self.max <= 0 and self.min <= 0:
            raise PackError("an occurrence rule needs 'max' or 'min' above zero")

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:
        for chunk in chunks:
            piece = text[chunk.start:chunk.end]
            matches = [m for m in finditer(self.pattern, piece) if m.group().strip()]
            count = len(matches)
            if (self.max > 0 and count > self.max) or (self.min > 0 and count < self.min):
                where = matches[0] if matches else _FIRST_WORD.search(piece)
                if where is None:
                    continue
                yield Hit(chunk.start + where.start(), chunk.start + where.end(), (str(count),), ())
