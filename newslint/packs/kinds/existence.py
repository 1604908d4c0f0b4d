"""The ``existence`` kind: flag every occurrence of listed words or patterns."""
from __future__ import annotations

from typing import Iterable, Sequence

from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.regexes import Exceptions, compile_pattern, finditer, word_pattern
from newslint.packs.scopes import Chunk
from newslint.packs.spec import PackError, RuleSpec


class Existence(PackKind):
    """``tokens`` (word-bounded unless ``nonword``) and ``raw`` (concatenated, before the tokens unless
    ``append``) form one pattern; every match not covered by an ``exceptions`` term (or, with ``vocab``,
    an accepted vocabulary term), and not inside a multi-word exception phrase in the text, is a finding."""

    kind = "existence"
    keys = frozenset({"tokens", "raw", "append", "ignorecase", "nonword", "exceptions", "vocab"})
    summary = "Flags each occurrence of the words or patterns it lists."

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        super().__init__(spec, context)
        tokens = [t for t in self.strings("tokens") if t.strip()]
        raw = "".join(self.strings("raw"))
        if not tokens and not raw:
            raise PackError("an existence rule needs 'tokens' or 'raw'")
        nonword = self.flag("nonword")
        body = word_pattern(tokens, nonword=nonword or not tokens) if tokens else ""
        pattern = body + raw if self.flag("append") else raw + body
        self.pattern = compile_pattern(pattern, ignorecase=self.flag("ignorecase"), key="tokens")
        # vocabulary words would hide any arbitrary span that merely contains one, so nonword rules skip them
        self.exceptions = Exceptions(self.strings("exceptions") + (
            list(context.accepted) if self.flag("vocab", True) and not nonword else []))

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:
        for chunk in chunks:
            piece = text[chunk.start:chunk.end]
            for match in finditer(self.pattern, piece):
                if self.exceptions and (self.exceptions.matches(match.group())
                                        or self.exceptions.within_phrase(piece, match.start(), match.end())):
                    continue
                yield Hit(chunk.start + match.start(), chunk.start + match.end(), (match.group(),))
