"""The ``consistency`` kind: of two spellings, a document uses one, not both."""
from __future__ import annotations

from typing import Iterable, Sequence

from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.regexes import compile_pattern, finditer, word_pattern
from newslint.packs.scopes import Chunk
from newslint.packs.spec import PackError, RuleSpec


class Consistency(PackKind):
    """Each ``either`` pair (``first: second``, patterns, word-bounded unless ``nonword``) may not both
    appear in one document. The form used first sets the document's choice; every occurrence of the
    other form is a finding (the message's ``%s`` is the occurrence)."""

    kind = "consistency"
    keys = frozenset({"either", "ignorecase", "nonword"})
    summary = "Flags a document that uses both forms of a pair; the form used first wins."

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        super().__init__(spec, context)
        either = self.mapping("either", required=True)
        if not either:
            raise PackError("either is empty")
        nonword = self.flag("nonword")
        ignorecase = self.flag("ignorecase")
        self.pairs = [compile_pattern(word_pattern([f"(?P<first>{a})|(?P<second>{b})"], nonword=nonword),
                                      ignorecase=ignorecase, key="either")
                      for a, b in either.items()]

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:
        for pattern in self.pairs:
            seen: list[tuple[str, int, int, str]] = []
            for chunk in chunks:
                piece = text[chunk.start:chunk.end]
                for match in finditer(pattern, piece):
                    side = "first" if match.group("first") is not None else "second"
                    seen.append((side, chunk.start + match.start(side), chunk.start + match.end(side),
                                 match.group(side)))
            if len({side for side, *_ in seen}) < 2:
                continue
            chosen = seen[0][0]
            for side, start, end, observed in seen:
                if side != chosen:
                    yield Hit(start, end, (observed,))
