"""Plain text to prose: a paragraph per blank-line block, or per line when lines are not hard-wrapped.

Drafts pasted from word processors put one paragraph on each line with no
blank lines between them; typed drafts often wrap lines and separate
paragraphs with a blank line. A block is split into one paragraph per line
unless its lines look hard-wrapped (every line but the last shorter than
100 characters and not ending a sentence).
"""
from __future__ import annotations

import re

from newslint import hookimpl
from newslint.document import Document, DocumentBuilder
from newslint.formats import Format
from newslint.formats.frontmatter import add_title_blocks, split_front_matter
from newslint.formats.prose import COMMENT_RE, add_prose

_BLOCK_RE = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_SENTENCE_END = re.compile(r"[.!?:\"”’)]\s*$")


def parse_text(source: str, path: str) -> Document:
    metadata, body = split_front_matter(source)
    builder = DocumentBuilder(source)
    add_title_blocks(builder, source, metadata, body)
    masked = _mask_comments(source)
    for block in _BLOCK_RE.finditer(masked, body):
        lines = list(re.finditer(r"[^\n]*", block.group()))
        lines = [m for m in lines if m.group().strip()]
        offset = block.start()
        if _hard_wrapped([m.group() for m in lines]):
            builder.begin_block()
            _add_lines(builder, masked, [(offset + m.start(), offset + m.end()) for m in lines])
            builder.end_block("paragraph")
        else:
            for m in lines:
                builder.begin_block()
                _add_lines(builder, masked, [(offset + m.start(), offset + m.end())])
                builder.end_block("paragraph")
    return builder.build(path, "text", metadata)


def _mask_comments(source: str) -> str:
    """Blank out ``<!-- -->`` comments (suppression directives) keeping offsets."""
    return COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return True
    return all(len(line.rstrip()) < 100 and not _SENTENCE_END.search(line) for line in lines[:-1])


def _add_lines(builder: DocumentBuilder, masked: str, spans: list[tuple[int, int]]) -> None:
    for i, (start, end) in enumerate(spans):
        if i:
            builder.add_replaced(" ", start - 1, start)
        piece = re.search(r"\S(?:.*\S)?", masked[start:end])
        if piece:  # outside comments the masked text is the source itself
            add_prose(builder, piece.group(), start + piece.start())


TEXT = Format("text", (".txt", ".text", ""), parse_text)


@hookimpl
def newslint_formats() -> list[Format]:
    return [TEXT]
