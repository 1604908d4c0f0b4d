"""Format parsers: what reaches the prose (and what never does) for Markdown, plain text and HTML."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.document import DocumentError
from newslint.formats.frontmatter import parse_date, publication_date
from newslint.formats.html import parse_html
from newslint.formats.markdown import parse_markdown
from newslint.formats.text import parse_text


def blocks(doc) -> list[tuple[str, str]]:
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def source_of(doc, needle: str) -> str:
    """The source text a prose substring maps back to."""
    start = doc.text.index(needle)
    src_start, src_end = doc.source_map.span_to_source(start, start + len(needle))
    return doc.source[src_start:src_end]


# -- Markdown ------------------------------------------------------------------------------------------------
class TestMarkdown:
    def test_headings_paragraphs_lists_quotes_and_tables_become_typed_blocks(self):
        source = (
            "# The ferry returns\n\n"
            "Service resumed on Monday after a long\nwinter break.\n\n"
            "## Timetable\n\n"
            "- Boats leave hourly\n- The last one sails at nine\n\n"
            "1. Buy a ticket\n2. Board early\n\n"
            "> Nobody expected the pier to hold,\n> said the harbour master.\n\n"
            "| Route | Minutes |\n|---|---|\n| North shore | forty |\n"
        )
        doc = parse_markdown(source, "ferry.md")
        assert blocks(doc) == [
            ("heading", "The ferry returns"),
            ("paragraph", "Service resumed on Monday after a long winter break."),
            ("heading", "Timetable"),
            ("list-item", "Boats leave hourly"),
            ("list-item", "The last one sails at nine"),
            ("list-item", "Buy a ticket"),
            ("list-item", "Board early"),
            ("blockquote", "Nobody expected the pier to hold, said the harbour master."),
            ("table-cell", "Route"),
            ("table-cell", "Minutes"),
            ("table-cell", "North shore"),
            ("table-cell", "forty"),
        ]
        assert [b.level for b in doc.blocks if b.kind == "heading"] == [1, 2]
        assert doc.text == "\n\n".join(text for _, text in blocks(doc))

    def test_setext_heading_and_hard_breaks(self):
        doc = parse_markdown("Storm warning\n=============\n\nWinds rose  \nat dawn and\\\nfell by noon.\n", "s.md")
        assert blocks(doc) == [("heading", "Storm warning"), ("paragraph", "Winds rose at dawn and fell by noon.")]

    @pytest.mark.parametrize("source, kept, gone", [
        ("Run `rm -rf` first.", "Run  first.", "rm -rf"),
        ("Read [the audit](https://audit.example/report) today.", "Read the audit today.", "audit.example"),
        ("A chart ![rainfall by month](chart.png) follows.", "A chart  follows.", "rainfall"),
        ("Mail <https://autolink.example> now.", "Mail  now.", "autolink"),
        ("Bare https://bare.example/path?q=1 link.", "Bare  link.", "bare.example"),
        ("Write to desk@paper.example please.", "Write to  please.", "desk@"),
        ("A <span class=\"x\">styled</span> word.", "A styled word.", "span"),
        ("Code below.\n\n```python\nprint('hidden')\n```\n", "Code below.", "hidden"),
        ("Indented below.\n\n    secret_code = 1\n", "Indented below.", "secret_code"),
        ("<div>\nraw html block\n</div>\n\nVisible.", "Visible.", "raw html"),
        ("See [the notes][n].\n\n[n]: https://notes.example", "See the notes.", "notes.example"),
        ("Hidden <!-- an editor's remark --> comment.", "Hidden  comment.", "remark"),
    ])
    def test_code_html_urls_and_images_never_reach_prose(self, source, kept, gone):
        doc = parse_markdown(source, "x.md")
        assert kept in doc.text
        assert gone not in doc.text

    def test_emphasis_markers_are_dropped_and_words_map_back(self):
        doc = parse_markdown("The **budget** passed *narrowly* on ~~Tuesday~~ Wednesday.", "x.md")
        assert doc.text == "The budget passed narrowly on Tuesday Wednesday."
        assert source_of(doc, "narrowly") == "narrowly"
        assert source_of(doc, "Wednesday") == "Wednesday"

    @pytest.mark.parametrize("source, prose, origin", [
        ("Profits at AT&amp;T rose.", "AT&T", "AT&amp;T"),
        ("The caf&eacute; reopened.", "café", "caf&eacute;"),
        ("Prices fell &#8212; sharply.", "—", "&#8212;"),
        ("A &#97; between words, then a plain one.", "a between", "&#97; between"),
        ("Shares in AT&amp;T and AT&T rose.", "AT&T and", "AT&amp;T and"),
    ])
    def test_entities_and_escapes_are_decoded_and_map_to_their_source(self, source, prose, origin):
        doc = parse_markdown(source, "x.md")
        assert prose in doc.text
        assert source_of(doc, prose) == origin

    @pytest.mark.parametrize("source, prose", [
        ("An asterisk \\* stays.", "An asterisk * stays."),
        ("Not \\_emphasis\\_ here.", "Not _emphasis_ here."),
    ])
    def test_escapes_are_decoded_and_point_at_the_escape(self, source, prose):
        doc = parse_markdown(source, "x.md")
        assert doc.text == prose
        start = prose.index("*") if "*" in prose else prose.index("_")
        src_start, src_end = doc.source_map.span_to_source(start, start + 1)
        assert source[src_start:src_end] == "\\" + prose[start]

    def test_yaml_front_matter_is_metadata_and_its_title_is_a_block(self):
        source = "---\ntitle: Dam opens early\ndate: 2023-06-01\nauthor: Desk\n---\nThe dam opened early.\n"
        doc = parse_markdown(source, "x.md")
        assert doc.metadata["author"] == "Desk"
        assert blocks(doc) == [("title", "Dam opens early"), ("paragraph", "The dam opened early.")]
        assert "author" not in doc.text and "2023" not in doc.text
        assert source_of(doc, "Dam opens early") == "Dam opens early"
        assert publication_date(doc.metadata) == dt.date(2023, 6, 1)

    def test_toml_front_matter(self):
        source = '+++\ntitle = "Bridge closes"\npublished = 2022-11-30\n+++\n\nThe bridge closed.\n'
        doc = parse_markdown(source, "x.md")
        assert doc.metadata["title"] == "Bridge closes"
        assert publication_date(doc.metadata) == dt.date(2022, 11, 30)
        assert blocks(doc) == [("title", "Bridge closes"), ("paragraph", "The bridge closed.")]

    @pytest.mark.parametrize("source, reason", [
        ("---\ntitle: never closed\n\nBody text.\n", "never closed"),
        ("---\ntitle: [oops\n---\nBody.\n", "broken YAML front matter"),
        ("+++\ntitle = \n+++\nBody.\n", "broken TOML front matter"),
        ("---\n- just\n- a list\n---\nBody.\n", "expected key/value pairs"),
    ])
    def test_broken_front_matter_is_a_one_line_document_error(self, source, reason):
        with pytest.raises(DocumentError) as info:
            parse_markdown(source, "x.md")
        assert reason in str(info.value)
        assert "\n" not in str(info.value)

    def test_a_thematic_break_later_is_not_front_matter(self):
        doc = parse_markdown("Opening line.\n\n---\n\nClosing line.\n", "x.md")
        assert doc.metadata == {}
        assert blocks(doc) == [("paragraph", "Opening line."), ("paragraph", "Closing line.")]

    def test_crlf_source_keeps_line_and_column(self):
        source = "---\r\ntitle: Flood\r\n---\r\n\r\nFirst line here\r\nand the river rose.\r\n"
        doc = parse_markdown(source, "x.md")
        start = doc.text.index("river")
        _, _, line, col, end_line, end_col = doc.locate(start, start + 5)
        assert (line, col, end_line, end_col) == (6, 9, 6, 14)


# -- plain text --------------------------------------------------------------------------------------------
class TestText:
    def test_word_processor_style_one_paragraph_per_line(self):
        source = "The mayor resigned on Friday.\nHer deputy takes over today.\nElections follow in May.\n"
        doc = parse_text(source, "x.txt")
        assert [t for _, t in blocks(doc)] == ["The mayor resigned on Friday.", "Her deputy takes over today.",
                                               "Elections follow in May."]

    def test_hard_wrapped_lines_join_into_one_paragraph_per_blank_line_block(self):
        source = "The mayor resigned on Friday after\na long dispute with the council\nover the budget.\n\n" \
                 "Her deputy takes over.\n"
        doc = parse_text(source, "x.txt")
        assert [t for _, t in blocks(doc)] == [
            "The mayor resigned on Friday after a long dispute with the council over the budget.",
            "Her deputy takes over.",
        ]

    def test_long_lines_are_paragraphs_even_without_sentence_ends(self):
        long_line = "word " * 30
        doc = parse_text(f"{long_line}\n{long_line}\n", "x.txt")
        assert len(doc.blocks) == 2

    def test_urls_and_comments_are_left_out(self):
        doc = parse_text("See www.example.org/x or write to desk@paper.example.\n<!-- newslint: disable -->\n"
                         "Last line.\n", "x.txt")
        assert "example" not in doc.text and "newslint" not in doc.text
        assert "Last line." in doc.text

    def test_front_matter_in_text(self):
        doc = parse_text("---\ntitle: Rates rise\npubdate: 2021-02-03\n---\nThe bank raised rates.\n", "x.txt")
        assert blocks(doc) == [("title", "Rates rise"), ("paragraph", "The bank raised rates.")]
        assert publication_date(doc.metadata) == dt.date(2021, 2, 3)


# -- HTML --------------------------------------------------------------------------------------------------
PAGE = """<!doctype html>
<html><head><title>Site name</title><style>p { color: red }</style>
<script>var tracking = "hidden";</script></head>
<body>
<nav><a href="/">Home</a> Sections</nav>
<header>Masthead banner</header>
<article>
  <h1>Orchard &amp; vineyard flooded</h1>
  <p>Farmers on the <a href="/valley">valley floor</a> lost their crops.</p>
  <p>The <code>river_level</code> gauge broke<br>at midnight.</p>
  <script>document.write("injected")</script>
  <ul><li>Apples</li><li>Grapes</li></ul>
  <blockquote>We saw nothing like it.</blockquote>
  <aside>Related: other floods</aside>
  <form><button>Subscribe now</button></form>
</article>
<footer>Copyright notice</footer>
</body></html>
"""


class TestHtml:
    def test_article_text_only(self):
        doc = parse_html(PAGE, "x.html")
        assert blocks(doc) == [
            ("heading", "Orchard & vineyard flooded"),
            ("paragraph", "Farmers on the valley floor lost their crops."),
            ("paragraph", "The  gauge broke at midnight."),
            ("list-item", "Apples"),
            ("list-item", "Grapes"),
            ("blockquote", "We saw nothing like it."),
        ]
        for hidden in ("Site name", "color", "tracking", "Home", "Masthead", "river_level", "injected",
                       "Related", "Subscribe", "Copyright"):
            assert hidden not in doc.text

    def test_main_is_used_when_there_is_no_article(self):
        doc = parse_html("<body><p>Outside</p><main><p>Inside main</p></main></body>", "x.html")
        assert doc.text == "Inside main"

    def test_body_is_used_without_article_or_main(self):
        doc = parse_html("<p>One</p><div>Two <b>bold</b></div>Loose words", "x.html")
        assert [t for _, t in blocks(doc)] == ["One", "Two bold", "Loose words"]

    @pytest.mark.parametrize("source, prose, origin", [
        ("<p>Caf&eacute; open</p>", "é", "&eacute;"),
        ("<p>Said &#8220;no&#x201D;</p>", "“", "&#8220;"),
        ("<p>Said &#8220;no&#x201D;</p>", "”", "&#x201D;"),
        ("<p>Tom &amp; Jerry</p>", "&", "&amp;"),
    ])
    def test_entities_decode_and_map_to_the_entity(self, source, prose, origin):
        doc = parse_html(source, "x.html")
        assert source_of(doc, prose) == origin

    def test_line_break_separates_words(self):
        doc = parse_html("<p>first<br>second<br/>third</p>", "x.html")
        assert doc.text == "first second third"

    def test_words_map_back_to_their_line_and_column(self):
        doc = parse_html(PAGE, "x.html")
        start = doc.text.index("crops")
        _, _, line, col, _, end_col = doc.locate(start, start + 5)
        assert PAGE.splitlines()[line - 1][col - 1:end_col - 1] == "crops"


@pytest.mark.parametrize("value, expected", [
    (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
    (dt.datetime(2020, 1, 2, 13, 5), dt.date(2020, 1, 2)),
    ("2020-01-02T08:00:00Z", dt.date(2020, 1, 2)),
    ("2020-13-40", None),
    ("next week", None),
    (20200102, None),
])
def test_front_matter_date_values(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("key", ["date", "published", "pubdate", "publish_date"])
def test_every_date_key_is_read(key):
    assert publication_date({key: "2019-09-09"}) == dt.date(2019, 9, 9)


def test_date_keys_are_tried_in_order():
    assert publication_date({"published": "2019-01-01", "date": "2018-01-01"}) == dt.date(2018, 1, 1)


def test_a_byte_order_mark_in_api_text_is_not_a_column():
    import newslint

    found = newslint.check_text("\ufeffThe the vote.", config={"select": ["NL703"]})
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 1, 8)]
