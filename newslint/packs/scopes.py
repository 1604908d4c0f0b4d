"""Scopes: which parts of a document a pack rule reads (Vale's scopes plus ``quote`` and ``narrative``).

A scope turns a document into chunks (offsets into ``doc.text``); a kind runs
over the chunks. Vale's block scopes map onto ``Document.blocks`` kinds:

==============  ===================================================
``text``        every block (the default)
``summary``     the whole document as one chunk
``paragraph``   paragraph blocks
``heading``     headings and the front-matter title (``heading.h1``…``h6`` by level; the title is an h1)
``list``        list items
``blockquote``  block quotations
``table.cell``  table cells
``sentence``    the sentences of every block except headings and the title
``raw``         the source file itself, markup included
==============  ===================================================

``~scope`` removes a scope (``~heading`` = every block but headings). Two
scopes are newslint's own and filter the findings of the others: ``quote``
keeps a finding only inside a direct quotation, ``narrative`` only outside
every quotation, so a style rule can leave a speaker's words alone.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Block, Document

#: Vale block scopes and the Document block kinds each covers
BLOCK_SCOPES: dict[str, frozenset[str]] = {
    "text": frozenset({"paragraph", "heading", "title", "list-item", "blockquote", "table-cell"}),
    "paragraph": frozenset({"paragraph"}),
    "heading": frozenset({"heading", "title"}),
    "list": frozenset({"list-item"}),
    "blockquote": frozenset({"blockquote"}),
    "table": frozenset({"table-cell"}),
    "table.cell": frozenset({"table-cell"}),
    "title": frozenset({"title"}),
}
HEADING_LEVELS = {f"heading.h{n}": n for n in range(1, 7)}
FILTERS = ("quote", "narrative")
SPECIAL = ("sentence", "summary", "raw")
#: kinds whose sentences the ``sentence`` scope reads
SENTENCE_KINDS = BLOCK_SCOPES["text"] - {"heading", "title"}


@dataclass(frozen=True)
class Chunk:
    """A stretch of ``doc.text`` a kind reads as one unit (a block, a sentence, the whole text)."""

    start: int
    end: int


@dataclass(frozen=True)
class Scope:
    """A parsed ``scope:`` value."""

    include: tuple[str, ...] = ("text",)
    exclude: tuple[str, ...] = ()
    filter: str | None = None      # "quote" or "narrative"
    unsupported: tuple[str, ...] = ()

    @property
    def raw(self) -> bool:
        return "raw" in self.include

    def describe(self) -> str:
        parts = list(self.include) + [f"~{s}" for s in self.exclude] + ([self.filter] if self.filter else [])
        return ", ".join(parts)


def parse_scope(value: object) -> Scope:
    """Read ``scope:`` (a string or a list of strings); unknown scopes are kept aside for the warning."""
    if value is None:
        return Scope()
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else None
    if items is None or not all(isinstance(v, str) for v in items):
        raise ValueError(f"scope must be a string or a list of strings, not {value!r}")
    include: list[str] = []
    exclude: list[str] = []
    unsupported: list[str] = []
    chosen_filter: str | None = None
    for item in items:
        name = item.strip()
        negated = name.startswith("~")
        name = name.lstrip("~").strip()
        base = name.split(".md")[0] if name.endswith(".md") else name  # `heading.md` style selectors
        if base in FILTERS and not negated:
            if chosen_filter and chosen_filter != base:
                unsupported.append(item)  # quote and narrative together select nothing
            chosen_filter = base
        elif base in BLOCK_SCOPES or base in HEADING_LEVELS or (base in SPECIAL and not negated):
            (exclude if negated else include).append(base)
        else:
            unsupported.append(item)
    if not include and not unsupported:
        include = ["text"]
    return Scope(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)), chosen_filter,
                 tuple(unsupported))


def _block_matches(block: "Block", names: Iterable[str]) -> bool:
    for name in names:
        if name in BLOCK_SCOPES and block.kind in BLOCK_SCOPES[name]:
            return True
        level = HEADING_LEVELS.get(name)
        if level is not None and _heading_level(block) == level:
            return True
    return False


def _heading_level(block: "Block") -> int | None:
    if block.kind == "title":
        return 1
    if block.kind == "heading":
        return block.level or 1
    return None


def chunks(doc: "Document", scope: Scope) -> list[Chunk]:
    """The chunks of ``doc.text`` a rule with ``scope`` reads, in text order (``raw`` is handled apart)."""
    out: list[Chunk] = []
    block_names = [n for n in scope.include if n not in SPECIAL]
    kept = [i for i, b in enumerate(doc.blocks) if not _block_matches(b, scope.exclude)]
    if block_names:
        out.extend(Chunk(doc.blocks[i].start, doc.blocks[i].end) for i in kept
                   if _block_matches(doc.blocks[i], block_names))
    if "sentence" in scope.include:
        allowed = {i for i in kept if doc.blocks[i].kind in SENTENCE_KINDS}
        sentences = doc.shared("packs.sentences", lambda d: d.nlp.sentences())
        out.extend(Chunk(s.start, s.end) for s in sentences if s.block in allowed)
    if "summary" in scope.include and doc.text:
        out.append(Chunk(0, len(doc.text)))
    if not scope.include and scope.exclude:  # only negations: every other block
        out.extend(Chunk(doc.blocks[i].start, doc.blocks[i].end) for i in kept)
    return sorted(set(out), key=lambda c: (c.start, c.end))


def keep(doc: "Document", scope: Scope, start: int, end: int) -> bool:
    """Whether a finding at ``[start, end)`` passes the scope's quote/narrative filter."""
    if scope.filter is None:
        return True
    from newslint.quotations import quotations

    spans = doc.shared("packs.quotation-spans", lambda d: [(q.start, q.end) for q in quotations(d)])
    starts = doc.shared("packs.quotation-starts", lambda d: [s for s, _ in spans])
    i = bisect.bisect_right(starts, start) - 1
    inside = i >= 0 and spans[i][0] <= start and end <= spans[i][1]
    if scope.filter == "quote":
        return inside
    j = bisect.bisect_left(starts, end)
    return not any(s < end and start < e for s, e in spans[max(i, 0):j])


def source_to_text(doc: "Document", start: int, end: int) -> tuple[int, int] | None:
    """The prose span of a source span (for ``raw``), or None when no prose lies inside it."""
    segments = [s for s in doc.source_map.segments if s.exact and s.length]
    pieces = []
    for seg in segments:
        lo = max(start, seg.source_start)
        hi = min(end, seg.source_start + seg.length)
        if lo < hi:
            pieces.append((seg.text_start + lo - seg.source_start, seg.text_start + hi - seg.source_start))
    if not pieces:
        return None
    return pieces[0][0], pieces[-1][1]
