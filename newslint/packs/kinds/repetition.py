"""The ``repetition`` kind: the same token twice in a row ("the the")."""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.regexes import Exceptions, compile_pattern, finditer
from newslint.packs.scopes import Chunk
from newslint.packs.spec import PackError, RuleSpec

#: a sentence boundary inside the repeated span means two sentences, not a repetition
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


class Repetition(PackKind):
    """Consecutive matches of ``tokens`` with the same text (ignoring case with ``ignorecase``; letters
    only with ``alpha``) repeated more than ``max`` times within one sentence are a finding spanning the
    repetition. ``exceptions`` and ``vocab`` as for existence."""

    kind = "repetition"
    keys = frozenset({"tokens", "max", "ignorecase", "alpha", "exceptions", "vocab"})
    summary = "Flags a word or pattern repeated back to back."

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        super().__init__(spec, context)
        tokens = [t for t in self.strings("tokens") if t.strip()]
        if not tokens:
            raise PackError("a repetition rule needs 'tokens'")
        self.ignorecase = self.flag("ignorecase")
        self.pattern = compile_pattern("(" + "|".join(tokens) + ")", ignorecase=self.ignorecase, key="tokens")
        self.max = self.integer("max")
        self.alpha = self.flag("alpha")
        self.exceptions = Exceptions(self.exception_terms())

    def _same(self, a: str, b: str) -> bool:
        return a.casefold() == b.casefold() if self.ignorecase else a == b

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:
        for chunk in chunks:
            piece = text[chunk.start:chunk.end]
            previous = None
            run_start = 0
            count = 0
            for match in finditer(self.pattern, piece):
                current = match.group().strip()
                hit = (previous is not None and current != "" and self._same(current, previous[0])
                       and (not self.alpha or current.isalpha()))
                if not hit:
                    count = 0
                    run_start = match.start()
                    previous = (current, match.start())
                    continue
                count += 1
                span = piece[run_start:match.end()]
                if count > self.max and not _SENTENCE_END.search(span):
                    if not (self.exceptions and (self.exceptions.matches(span)
                                                 or self.exceptions.within_phrase(piece, run_start, match.end()))):
                        yield Hit(chunk.start + run_start, chunk.start + match.end(), (current,))
                        count = 0
                        run_start = match.start()
                previous = (current, match.start())
