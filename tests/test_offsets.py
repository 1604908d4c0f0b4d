"""Property-based proof of the offset map: prose words map back to the same characters in the source.

Drafts are generated in all three formats from visible words (lowercase, three letters or more)
mixed with markup, entities, escapes, code, URLs and comments whose words all contain "qzx". For
every generated draft:

* the visible words reach the prose in order, and nothing containing "qzx" does;
* every visible word maps back to exactly the same characters in the source;
* ``locate()`` gives the line and column an editor shows for that word (CRLF counts as one break);
* any prose span maps to a span inside the source, non-empty when the prose span is.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.formats.html import parse_html
from newslint.formats.markdown import parse_markdown
from newslint.formats.text import parse_text
from newslint.reader import decode

WORDS = ("harbour", "council", "budget", "river", "mayor", "vote", "storm", "ferry", "bridge", "farmer",
         "school", "north", "winter", "orchard", "railway", "minister", "inquiry", "theatre", "market", "ward")
HIDDEN = "qzx"
VISIBLE_RE = re.compile(r"[a-z]{3,}")

word = st.sampled_from(WORDS)


# -- generators: each piece is (source markup, visible words it contributes) ------------------------------------
#: entities and escapes whose decoded text could be mistaken for nearby source text
_SPECIALS = st.sampled_from(["&#97;", "&#x62;", "&amp;", "AT&amp;T", "&eacute;", "\\*", "\\_", "\\\\"])


def _md_inline() -> st.SearchStrategy[tuple[str, list[str]]]:
    wrap = lambda left, right: word.map(lambda w: (f"{left}{w}{right}", [w]))  # noqa: E731
    return st.one_of(
        word.map(lambda w: (w, [w])),
        wrap("*", "*"), wrap("**", "**"), wrap("_", "_"), wrap("~~", "~~"), wrap("<span>", "</span>"),
        st.lists(word, min_size=1, max_size=3).map(
            lambda ws: (f"[{' '.join(ws)}](https://{HIDDEN}.example/{ws[0]})", ws)),
        st.just((f"`{HIDDEN} code`", [])),
        st.just((f"![{HIDDEN} alt](/{HIDDEN}.png)", [])),
        st.just((f"<https://{HIDDEN}.example/auto>", [])),
        st.just((f"https://{HIDDEN}.example/bare?x=1", [])),
        st.just((f"{HIDDEN}@desk.example", [])),
        st.just((f"<!-- {HIDDEN} remark -->", [])),
        st.sampled_from(["&amp;", "&copy;", "&eacute;", "&#233;", "&#8212;", "&#x2014;", "&#97;", "&#x62;", "&quot;",
                         "&", "AT&amp;T", "AT&T"]).map(lambda s: (s, [])),
        st.sampled_from(["\\*", "\\_", "\\#", "\\[", "\\\\", "1,200", "(", ")", ".", "—", "’", "“", "é"]).map(
            lambda s: (s, [])),
    )


def _join(pieces, breaks) -> tuple[str, list[str]]:
    """Join pieces with spaces, turning some spaces into soft line breaks."""
    out, words = [], []
    for i, (markup, visible) in enumerate(pieces):
        if i:
            # a line break only before a plain word: "<!--", "<div" or "#" at a line start would open a block
            soft = breaks and breaks[i % len(breaks)] and markup[:1].isalpha()
            out.append("\n" if soft else " ")
        out.append(markup)
        words.extend(visible)
    return "".join(out), words


@st.composite
def markdown_drafts(draw):
    blocks, words = [], []
    if draw(st.booleans()):
        title = draw(st.lists(word, min_size=1, max_size=4))
        fence = draw(st.sampled_from(["yaml", "toml"]))
        if fence == "yaml":
            blocks.append(f"---\ntitle: {' '.join(title)}\ndate: 2024-03-01\nslug: {HIDDEN}-slug\n---")
        else:
            blocks.append(f'+++\ntitle = "{" ".join(title)}"\ndate = 2024-03-01\nslug = "{HIDDEN}"\n+++')
        words.extend(title)
    lead = word.map(lambda w: (w, [w]))  # a block opens with a word, so its first line cannot open an HTML block
    inline = st.tuples(lead, st.lists(_md_inline(), max_size=8), st.lists(st.tuples(_SPECIALS, word), max_size=2)).map(
        lambda t: [t[0], *t[1], *[(f"{s} {w}", [w]) for s, w in t[2]]])
    for kind in draw(st.lists(st.sampled_from(["para", "heading", "list", "quote", "table", "fence", "html"]),
                              min_size=1, max_size=6)):
        if kind == "fence":
            blocks.append(f"```\n{HIDDEN} = 1\n```")
            continue
        if kind == "html":
            blocks.append(f"<div>\n{HIDDEN} block\n</div>")
            continue
        if kind == "table":
            cells = draw(st.lists(word, min_size=2, max_size=2))
            body = draw(st.lists(word, min_size=2, max_size=2))
            blocks.append(f"| {cells[0]} | {cells[1]} |\n|---|---|\n| *{body[0]}* | {body[1]} |")
            words.extend(cells + body)
            continue
        pieces = draw(inline)
        if kind == "heading":
            text, visible = _join(pieces, None)
            blocks.append(f"{'#' * draw(st.integers(1, 3))} {text}")
        elif kind == "list":
            items = [_join(p, None) for p in [pieces] + draw(st.lists(inline, max_size=2))]
            blocks.append("\n".join(f"- {t}" for t, _ in items))
            visible = [w for _, ws in items for w in ws]
        elif kind == "quote":
            text, visible = _join(pieces, draw(st.lists(st.booleans(), max_size=4)))
            blocks.append("\n".join(f"> {line}" for line in text.split("\n")))
        else:
            text, visible = _join(pieces, draw(st.lists(st.booleans(), max_size=4)))
            blocks.append(text)
        words.extend(visible)
    return "\n\n".join(blocks) + "\n", words


@st.composite
def text_drafts(draw):
    piece = st.one_of(word.map(lambda w: (w, [w])), st.sampled_from([
        (f"https://{HIDDEN}.example/x", []), (f"www.{HIDDEN}.example", []), (f"{HIDDEN}@desk.example", []),
        (f"<!-- {HIDDEN} -->", []), (",", []), ("1,200", []), ("“", []), ("é", [])]))
    lines, words = [], []
    for _ in range(draw(st.integers(1, 6))):
        text, visible = _join(draw(st.lists(piece, min_size=1, max_size=8)), None)
        lines.append(text + draw(st.sampled_from(["", ".", "\n"])))
        words.extend(visible)
    return "\n".join(lines) + "\n", words


@st.composite
def html_drafts(draw):
    wrap = lambda left, right: word.map(lambda w: (f"{left}{w}{right}", [w]))  # noqa: E731
    piece = st.one_of(
        word.map(lambda w: (w, [w])), wrap("<b>", "</b>"), wrap("<em class='x'>", "</em>"),
        wrap(f'<a href="https://{HIDDEN}.example">', "</a>"),
        st.sampled_from([(f"<code>{HIDDEN}</code>", []), (f"<script>var {HIDDEN} = 1;</script>", []),
                         (f"<!-- {HIDDEN} -->", []), ("<br>", []), ("&amp;", []), ("&#8220;", []),
                         ("&#x201D;", []), ("&eacute;", []), ("&#97;", []), ("&nbsp;", [])]),
    )
    parts, words = [], []
    if draw(st.booleans()):
        parts.append(f"<nav>{HIDDEN} menu</nav><style>p {{ {HIDDEN}: 0 }}</style>")
    for tag in draw(st.lists(st.sampled_from(["p", "h2", "li", "blockquote", "div"]), min_size=1, max_size=6)):
        text, visible = _join(draw(st.lists(piece, min_size=1, max_size=8)), draw(st.lists(st.booleans(), max_size=3)))
        inner = f"<{tag}>{text}</{tag}>"
        parts.append(f"<ul>{inner}</ul>" if tag == "li" else inner)
        words.extend(visible)
    return "<html><body>\n" + "\n".join(parts) + "\n</body></html>\n", words


PARSERS = {"markdown": (parse_markdown, "draft.md"), "text": (parse_text, "draft.txt"),
           "html": (parse_html, "draft.html")}


# -- the property ---------------------------------------------------------------------------------------------
def _editor_position(source: str, offset: int) -> tuple[int, int]:
    """Line and column as an editor shows them: lines split at LF (CRLF is one break), columns count characters."""
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("\n", 0, offset) + 1, offset - line_start + 1


def check_offsets(fmt: str, source: str, expected_words: list[str], spans) -> None:
    parse, path = PARSERS[fmt]
    doc = parse(source, path)
    prose_words = VISIBLE_RE.findall(doc.text)
    assert prose_words == expected_words, (source, doc.text)
    assert HIDDEN not in doc.text
    lines = source.split("\n")
    for match in VISIBLE_RE.finditer(doc.text):
        src_start, src_end, line, col, end_line, end_col = doc.locate(match.start(), match.end())
        assert source[src_start:src_end] == match.group(), (source, match.group())
        for i in range(match.start(), match.end()):  # each character on its own too
            assert source[doc.source_map.to_source(i)] == doc.text[i]
        assert (line, col) == _editor_position(source, src_start)
        assert (end_line, end_col) == _editor_position(source, src_end)
        assert lines[line - 1].rstrip("\r")[col - 1:end_col - 1] == match.group()
    for start_frac, length in spans:
        start = int(start_frac * len(doc.text))
        end = min(len(doc.text), start + length)
        src_start, src_end = doc.source_map.span_to_source(start, end)
        assert 0 <= src_start <= src_end <= len(source)
        if end > start:
            assert src_end > src_start
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(doc.text)
        assert doc.text[block.start:block.end] == doc.text[block.start:block.end].strip()


spans = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 40)), max_size=5)
newline = st.sampled_from(["\n", "\r\n"])
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(markdown_drafts(), newline, spans)
def test_markdown_offsets(draft, eol, spans):
    source, words = draft
    check_offsets("markdown", source.replace("\n", eol), words, spans)


@SETTINGS
@given(text_drafts(), newline, spans)
def test_text_offsets(draft, eol, spans):
    source, words = draft
    check_offsets("text", source.replace("\n", eol), words, spans)


@SETTINGS
@given(html_drafts(), newline, spans)
def test_html_offsets(draft, eol, spans):
    source, words = draft
    check_offsets("html", source.replace("\n", eol), words, spans)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["markdown", "text", "html"]), markdown_drafts(), text_drafts(), html_drafts())
def test_bom_is_not_part_of_the_draft(fmt, md, txt, html):
    """A byte-order mark, as read from a file, does not shift line 1's columns."""
    source, words = {"markdown": md, "text": txt, "html": html}[fmt]
    decoded = decode(("\ufeff" + source).encode("utf-8"))
    assert decoded == source
    check_offsets(fmt, decoded, words, [])
