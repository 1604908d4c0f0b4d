"""Markdown (CommonMark + tables) to prose, using markdown-it-py's block source lines.

markdown-it-py maps every block to its source lines but not inline text to
columns, so inline text is aligned to the block's source span in order:
verbatim text maps exactly, escapes and entities map to where they stand.
Code, HTML, images, link targets and URLs never reach the prose.
"""
from __future__ import annotations

import html
import re
import string

from markdown_it import MarkdownIt

from newslint import hookimpl
from newslint.document import Document, DocumentBuilder
from newslint.formats import Format
from newslint.formats.frontmatter import add_title_blocks, blank_out, split_front_matter
from newslint.formats.prose import add_prose

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list-item", "th_open": "table-cell",
               "td_open": "table-cell"}
_ENTITY_RE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset(string.punctuation)
_SKIPPED_INLINE = {"code_inline", "html_inline", "image"}


def parse_markdown(source: str, path: str) -> Document:
    metadata, body = split_front_matter(source)
    # same length as the source, so offsets agree; markdown-it would fold CRLF and drop the front matter
    text = blank_out(source, body).replace("\r\n", " \n").replace("\r", "\n")
    builder = DocumentBuilder(source)
    add_title_blocks(builder, source, metadata, body)
    line_starts = _line_starts(text)
    containers: list[str] = []
    cursor = 0
    heading_level = 0
    for token in _PARSER.parse(text):
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type in ("blockquote_close", "list_item_close", "th_close", "td_close"):
            containers.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "inline" and token.map:
            region_start = line_starts[token.map[0]]
            region_end = line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(text)
            cursor = max(cursor, region_start)
            builder.begin_block()
            cursor = _add_inline(builder, text, token.children or [], cursor, region_end)
            kind = "heading" if heading_level else (containers[-1] if containers else "paragraph")
            builder.end_block(kind, heading_level)
            heading_level = 0
    return builder.build(path, "markdown", metadata)


def _add_inline(builder: DocumentBuilder, text: str, children, cursor: int, end: int) -> int:
    skip_depth = 0  # inside an autolink or image
    for child in children:
        kind = child.type
        if kind == "link_open" and child.markup == "autolink":
            skip_depth += 1
            continue
        if kind == "link_close" and skip_depth:
            skip_depth -= 1
            continue
        if kind in ("softbreak", "hardbreak"):
            where = text.find("\n", cursor, end)
            if where >= 0:
                builder.add_replaced(" ", where, where + 1)
                cursor = where + 1
            continue
        if kind in _SKIPPED_INLINE:
            needle = child.content if kind != "image" else "]"
            where = text.find(needle, cursor, end) if needle else -1
            if where >= 0:
                cursor = where + len(needle)
            continue
        if kind != "text" or skip_depth or not child.content:
            continue
        cursor = _align(builder, text, child.content, cursor, end)
    return cursor


def _align(builder: DocumentBuilder, text: str, content: str, cursor: int, end: int) -> int:
    """Add ``content`` found in ``text[cursor:end]``: whole if verbatim, else character by character."""
    where = text.find(content, cursor, end)
    if where >= 0 and "&" not in text[cursor:where] and "\\" not in text[cursor:where]:
        add_prose(builder, content, where)
        return where + len(content)
    pieces = _match_decoded(text, content, cursor, end)
    if pieces is not None:
        for prose, start, stop, exact in pieces:
            if exact:
                add_prose(builder, prose, start)
            else:
                builder.add_replaced(prose, start, stop)
        return pieces[-1][2] if pieces else cursor
    run_start, run = -1, []
    for ch in content:
        pos = text.find(ch, cursor, min(end, cursor + 16))
        if pos >= 0 and (run_start < 0 or pos == run_start + len(run)):
            if run_start < 0:
                run_start = pos
            run.append(ch)
            cursor = pos + 1
            continue
        if run:
            add_prose(builder, "".join(run), run_start)
            run_start, run = -1, []
        if pos >= 0:
            run_start, run = pos, [ch]
            cursor = pos + 1
        else:  # a decoded entity: point at the '&' or escape it came from
            origin = text.find("&", cursor, end)
            origin = cursor if origin < 0 else origin
            stop = text.find(";", origin, end)
            builder.add_replaced(ch, origin, (stop + 1) if stop >= 0 else origin + 1)
            cursor = (stop + 1) if stop >= 0 else cursor
    if run:
        add_prose(builder, "".join(run), run_start)
    return cursor


def _match_decoded(text: str, content: str, cursor: int, end: int) -> list[tuple[str, int, int, bool]] | None:
    """Find the earliest place in ``text[cursor:end]`` that decodes to ``content`` (escapes, entities).

    Returns ``(prose, source_start, source_end, exact)`` pieces, or None when no place does.
    """
    first = content[:1]
    for start in range(cursor, end):
        if text[start] not in (first, "&", "\\"):
            continue
        pieces: list[tuple[str, int, int, bool]] = []
        pos, i = start, 0
        while i < len(content) and pos < end:
            entity = _ENTITY_RE.match(text, pos, end) if text[pos] == "&" else None
            decoded = html.unescape(entity.group()) if entity else ""
            if entity and content.startswith(decoded, i):
                pieces.append((decoded, pos, entity.end(), False))
                pos, i = entity.end(), i + len(decoded)
            elif text[pos] == "\\" and pos + 1 < end and text[pos + 1] == content[i] and content[i] in _ESCAPABLE:
                pieces.append((content[i], pos, pos + 2, False))
                pos, i = pos + 2, i + 1
            elif text[pos] == content[i]:
                if pieces and pieces[-1][3] and pieces[-1][2] == pos:
                    prose, run_start, _, _ = pieces[-1]
                    pieces[-1] = (prose + content[i], run_start, pos + 1, True)
                else:
                    pieces.append((content[i], pos, pos + 1, True))
                pos, i = pos + 1, i + 1
            else:
                break
        if i == len(content):
            return pieces
    return None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


MARKDOWN = Format("markdown", (".md", ".markdown", ".mdown", ".mkd", ".mdx"), parse_markdown)


@hookimpl
def newslint_formats() -> list[Format]:
    return [MARKDOWN]
