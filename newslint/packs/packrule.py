"""The rule class a pack rule file becomes: scopes, filters, messages, suggestions and fixes around a kind."""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Iterable

from newslint.packs.actions import suggestions as action_suggestions
from newslint.packs.actions import to_sentence
from newslint.packs.kinds.base import Hit, PackKind
from newslint.packs.messages import format_message
from newslint.packs.scopes import Chunk, chunks, keep, source_to_text
from newslint.packs.spec import RuleSpec
from newslint.rule import Fix, Rule, Violation

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document


class PackRule(Rule):
    """Base of the classes built from pack rule files (one class per file, made by the loader)."""

    category = "style"
    spec: ClassVar[RuleSpec]
    checker: ClassVar[PackKind]

    def check(self, doc: "Document") -> Iterable[Violation]:
        spec = self.spec
        hits: list[tuple[int, int, Hit, bool]] = []
        text_chunks = chunks(doc, spec.scope)
        if text_chunks:
            hits.extend((h.start, h.end, h, False) for h in self.checker.check(doc.text, text_chunks))
        if spec.scope.raw and doc.source:
            for hit in self.checker.check(doc.source, [Chunk(0, len(doc.source))]):
                span = source_to_text(doc, hit.start, hit.end)
                if span is not None:  # a match inside markup alone has no prose to point at
                    hits.append((span[0], span[1], hit, True))
        hits.sort(key=lambda item: (item[0], item[1]))
        seen: set[tuple[int, int, str]] = set()
        for start, end, hit, raw in hits:
            if not keep(doc, spec.scope, start, end):
                continue
            matched = (doc.source if raw else doc.text)[hit.start:hit.end]
            violation = self._violation(doc, start, end, hit, matched, raw=raw)
            key = (violation.start, violation.end, violation.message)
            if key in seen:
                continue
            seen.add(key)
            yield violation
            if spec.limit and len(seen) >= spec.limit:
                return

    def _violation(self, doc: "Document", start: int, end: int, hit: Hit, matched: str, *, raw: bool) -> Violation:
        spec = self.spec
        offered = hit.suggestions if hit.suggestions is not None else action_suggestions(spec.action, matched)
        values = hit.args
        if spec.action is not None and len(values) == 1 and hit.suggestions is None:
            values = values + ((offered[0] if len(offered) == 1 else to_sentence(offered)) if offered else "",)
        message = format_message(hit.message or spec.message, values)
        fix = None
        fixable = hit.fixable or (hit.suggestions is None and spec.action is not None)
        if fixable and len(offered) == 1 and not raw:
            fix = _fix(doc.text, start, end, offered[0])
        return self.violation(start, end, message, suggestions=offered, fix=fix)


def _fix(text: str, start: int, end: int, replacement: str) -> Fix | None:
    """Replace ``text[start:end]``; keep a capital at the start; a removal takes one neighbouring space."""
    original = text[start:end]
    if replacement == original:
        return None
    if not replacement:
        if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] in " \n([“\""):
            end += 1
        elif start > 0 and text[start - 1] == " ":
            start -= 1
        return Fix(start, end, "")
    if original[:1].isupper() and replacement[:1].islower():
        replacement = replacement[0].upper() + replacement[1:]
    return Fix(start, end, replacement)
