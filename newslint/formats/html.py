"""HTML to prose with the standard library's parser, which reports each tag's source position.

Only the article is read: the ``<article>`` elements when there are any,
else ``<main>``, else the body. Scripts, styles, code, navigation, headers,
footers, asides, forms and comments never reach the prose.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

from newslint import hookimpl
from newslint.document import Document, DocumentBuilder, LineIndex
from newslint.formats import Format
from newslint.formats.frontmatter import split_front_matter
from newslint.formats.prose import add_prose

SKIPPED = {"script", "style", "code", "pre", "nav", "header", "footer", "aside", "form", "noscript",
           "template", "svg", "button", "select", "textarea", "iframe", "head", "math", "object"}
BLOCKS = {"p": "paragraph", "li": "list-item", "blockquote": "blockquote", "td": "table-cell",
          "th": "table-cell", "dt": "paragraph", "dd": "paragraph", "figcaption": "paragraph",
          "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
          "h6": "heading", "div": "paragraph", "section": "paragraph", "article": "paragraph",
          "main": "paragraph", "body": "paragraph", "caption": "paragraph", "br": None}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Collector(HTMLParser):
    def __init__(self, source: str, scope: str | None) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = LineIndex(source)
        self.builder = DocumentBuilder(source)
        self.scope = scope          # only text inside this element counts ("article", "main" or None)
        self.scope_depth = 0 if scope else 1
        self.skip_depth = 0
        self.stack: list[str] = []
        self.open_block: tuple[str, int] | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines.starts[line - 1] + col

    def _close_block(self) -> None:
        if self.open_block is not None:
            kind, level = self.open_block
            self.builder.end_block(kind, level)
            self.open_block = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in VOID:
            self.stack.append(tag)
        if tag == self.scope:
            self.scope_depth += 1
        if tag in SKIPPED:
            self.skip_depth += 1
        if tag in BLOCKS and tag != "br":
            self._close_block()
        elif tag == "br" and self.open_block is not None and not self.skip_depth:
            start = self._offset()  # a line break separates words like a space
            self.builder.add_replaced(" ", start, start + len(self.get_starttag_text() or "<br>"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in SKIPPED:
                self.skip_depth -= 1
            if top == self.scope:
                self.scope_depth -= 1
            if top in BLOCKS:
                self._close_block()
            if top == tag:
                break

    def _text(self, text: str, start: int, exact: bool, end: int | None = None) -> None:
        if self.skip_depth or self.scope_depth <= 0:
            return
        if self.open_block is None:
            if not text.strip():
                return
            tag = next((t for t in reversed(self.stack) if t in BLOCKS), "p")
            level = int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else 0
            self.builder.begin_block()
            self.open_block = (BLOCKS[tag] or "paragraph", level)
        if exact:
            add_prose(self.builder, text, start)
        else:
            self.builder.add_replaced(text, start, end if end is not None else start + 1)

    def handle_data(self, data: str) -> None:
        self._text(data, self._offset(), True)

    def handle_entityref(self, name: str) -> None:
        start = self._offset()
        self._text(html.unescape(f"&{name};"), start, False, start + len(name) + 2)

    def handle_charref(self, name: str) -> None:
        start = self._offset()
        self._text(html.unescape(f"&#{name};"), start, False, start + len(name) + 3)

    def finish(self, path: str, metadata: dict) -> Document:
        self.close()
        self._close_block()
        return self.builder.build(path, "html", metadata)


def parse_html(source: str, path: str) -> Document:
    metadata, body = split_front_matter(source)
    lowered = source.lower()
    scope = "article" if "<article" in lowered else ("main" if "<main" in lowered else None)
    collector = _Collector(source, scope)
    # feed the body only, at its real offset: pad the front matter with its own newlines
    padded = "".join("\n" if ch == "\n" else " " for ch in source[:body]) + source[body:]
    collector.feed(padded)
    return collector.finish(path, metadata)


HTML = Format("html", (".html", ".htm", ".xhtml"), parse_html)


@hookimpl
def newslint_formats() -> list[Format]:
    return [HTML]
