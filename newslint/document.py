"""The Document rules read: prose text, its blocks, and a map from text offsets to source."""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")

BLOCK_SEPARATOR = "\n\n"


class DocumentError(Exception):
    """The file cannot be read as a document (binary, undecodable, broken front matter...)."""


@dataclass(frozen=True)
class Block:
    """One unit of prose: a paragraph, heading, list item, quote block or table cell.

    ``start``/``end`` are offsets into ``Document.text``.
    """

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True)
class Segment:
    """A run of prose text that came from one place in the source.

    When ``exact`` is true, text offset ``text_start + i`` came from source
    offset ``source_start + i``; otherwise (decoded entities, joins) every
    character of the run points at ``source_start`` .. ``source_end``.
    """

    text_start: int
    length: int
    source_start: int
    source_end: int
    exact: bool


class SourceMap:
    """Maps prose offsets back to source offsets (by bisecting the segments)."""

    def __init__(self, segments: list[Segment], source_length: int) -> None:
        self.segments = segments
        self._starts = [s.text_start for s in segments]
        self.source_length = source_length

    def to_source(self, offset: int) -> int:
        """Source offset of the character at prose ``offset``."""
        if not self.segments:
            return 0
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return self.segments[0].source_start
        seg = self.segments[i]
        delta = offset - seg.text_start
        if delta >= seg.length:  # past the end of this run (a gap): stick to its end
            return seg.source_end
        if seg.exact:
            return seg.source_start + delta
        return seg.source_start

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the prose span ``[start, end)``; never empty when the input is not."""
        src_start = self.to_source(start)
        if end <= start:
            return src_start, src_start
        last = end - 1
        i = bisect.bisect_right(self._starts, last) - 1
        seg = self.segments[max(i, 0)]
        delta = last - seg.text_start
        if seg.exact and 0 <= delta < seg.length:
            src_end = seg.source_start + delta + 1
        else:
            src_end = seg.source_end
        return src_start, max(src_end, src_start + 1 if src_start < self.source_length else src_start)


class LineIndex:
    """Converts source offsets to 1-based line and column numbers (columns count characters)."""

    def __init__(self, source: str) -> None:
        self.starts = [0]
        pos = source.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = source.find("\n", pos + 1)
        self.source = source

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.source)
        return self.source[start:end].rstrip("\r")


class DocumentBuilder:
    """Accumulates prose text block by block, remembering where each piece came from."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._length = 0
        self._segments: list[Segment] = []
        self._blocks: list[Block] = []
        self._block_start: int | None = None

    def add(self, text: str, source_start: int) -> None:
        """Append text copied verbatim from ``source[source_start:...]``."""
        if text:
            self._push(text, source_start, source_start + len(text), True)

    def add_replaced(self, text: str, source_start: int, source_end: int) -> None:
        """Append text that stands for ``source[source_start:source_end]`` (an entity, a line break)."""
        if text:
            self._push(text, source_start, max(source_end, source_start), False)

    def _push(self, text: str, src_start: int, src_end: int, exact: bool) -> None:
        if self._block_start is None:
            raise RuntimeError("add() outside a block")
        last = self._segments[-1] if self._segments else None
        if (exact and last is not None and last.exact
                and last.text_start + last.length == self._length
                and last.source_start + last.length == src_start):
            self._segments[-1] = Segment(last.text_start, last.length + len(text), last.source_start,
                                         src_end, True)
        else:
            self._segments.append(Segment(self._length, len(text), src_start, src_end, exact))
        self._parts.append(text)
        self._length += len(text)

    def begin_block(self) -> None:
        if self._block_start is not None:
            raise RuntimeError("nested block")
        if self._blocks:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        self._block_start = self._length

    def end_block(self, kind: str, level: int = 0) -> None:
        start = self._block_start
        self._block_start = None
        if start is None:
            raise RuntimeError("end_block() without begin_block()")
        # trim whitespace at the block's edges so blocks hold prose only
        text = "".join(self._parts)
        end = self._length
        while end > start and text[end - 1].isspace():
            end -= 1
        lead = start
        while lead < end and text[lead].isspace():
            lead += 1
        if lead == end:  # empty block: drop it and its separator
            self._truncate(start - (len(BLOCK_SEPARATOR) if self._blocks else 0))
            return
        self._parts = [text]
        self._blocks.append(Block(kind, lead, end, level))

    def _truncate(self, length: int) -> None:
        text = "".join(self._parts)[:length]
        self._parts = [text]
        self._length = length
        self._segments = [s for s in self._segments if s.text_start < length]
        if self._segments:
            last = self._segments[-1]
            if last.text_start + last.length > length:
                cut = length - last.text_start
                self._segments[-1] = Segment(last.text_start, cut, last.source_start,
                                             last.source_start + cut if last.exact else last.source_end,
                                             last.exact)

    def build(self, path: str, fmt: str, metadata: dict[str, Any] | None = None) -> "Document":
        if self._block_start is not None:
            raise RuntimeError("unfinished block")
        return Document(path=path, source=self.source, text="".join(self._parts), blocks=tuple(self._blocks),
                        source_map=SourceMap(self._segments, len(self.source)), metadata=metadata or {},
                        format=fmt)


@dataclass(eq=False)
class Document:
    """A draft as rules see it: prose only, in blocks, with a way back to the source.

    ``text`` joins the blocks with blank lines; markup, code, URLs and front
    matter are gone. ``date`` is the publication date (``--date`` beats front
    matter, which beats config; the engine sets it). Expensive analyses are
    computed once on demand and shared through :meth:`shared`.
    """

    path: str
    source: str
    text: str
    blocks: tuple[Block, ...]
    source_map: SourceMap
    metadata: dict[str, Any] = field(default_factory=dict)
    format: str = "text"
    date: dt.date | None = None
    nlp_model: str | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def shared(self, key: str, factory: Callable[["Document"], T]) -> T:
        """Compute ``factory(self)`` once per document and share the result between rules."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = factory(self)
            return value

    @property
    def lines(self) -> LineIndex:
        return self.shared("lines", lambda d: LineIndex(d.source))

    @property
    def nlp(self):
        """Shared language analysis (spaCy), loaded on first use."""
        from newslint.analysis import analyse
        return self.shared("nlp", analyse)

    def block_at(self, offset: int) -> Block | None:
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset <= self.blocks[i].end:
            return self.blocks[i]
        return None

    def block_index(self, offset: int) -> int:
        """Index of the block holding ``offset`` (the previous one in a separator)."""
        starts = self.shared("block_starts", lambda d: [b.start for b in d.blocks])
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    def paragraphs(self) -> Iterator[Block]:
        return iter(self.blocks)

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]

    def locate(self, start: int, end: int) -> tuple[int, int, int, int, int, int]:
        """Source span and 1-based (line, column, end_line, end_column) of a prose span.

        The end column is exclusive, like ruff's and SARIF's.
        """
        src_start, src_end = self.source_map.span_to_source(start, end)
        line, col = self.lines.position(src_start)
        end_line, end_col = self.lines.position(src_end)
        return src_start, src_end, line, col, end_line, end_col

    def with_date(self, date: dt.date | None) -> "Document":
        self.date = date
        return self
