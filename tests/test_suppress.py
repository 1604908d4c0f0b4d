"""Suppression comments in drafts: disable … enable, disable-next-line; Markdown, HTML and plain text."""
from __future__ import annotations

import pytest

from conftest import lint
from newslint.document import LineIndex
from newslint.suppress import Suppression, parse_suppressions


def fired(text: str, fmt: str = "markdown") -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint(text, select="NL7", fmt=fmt)]


BLOCK = """The the start.

<!-- newslint: disable NL703 -->
Inside the the block, TK.
<!-- newslint: enable -->

After the the block.
"""


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_disable_and_enable_a_rule(fmt):
    assert fired(BLOCK, fmt) == [("NL703", 1), ("NL701", 4), ("NL703", 7)]


def test_disable_and_enable_in_html():
    page = ("<p>The the start.</p>\n<!-- newslint: disable NL703 -->\n<p>Inside the the block, TK.</p>\n"
            "<!-- newslint: enable NL703 -->\n<p>After the the block.</p>\n")
    assert fired(page, "html") == [("NL703", 1), ("NL701", 3), ("NL703", 5)]


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_disable_next_line_skips_blank_lines(fmt):
    text = ("<!-- newslint: disable-next-line doubled-word -->\n\nFirst the the line.\n"
            "Second the the line.\n")
    assert fired(text, fmt) == [("NL703", 4)]


def test_disable_next_line_in_html():
    page = "<p>One the the.</p>\n<!-- newslint: disable-next-line NL703 -->\n<p>Two the the.</p>\n<p>Three the the.</p>\n"
    assert fired(page, "html") == [("NL703", 1), ("NL703", 4)]


def test_disable_without_ids_silences_every_rule_until_enable():
    text = "TK one.\n\n<!-- newslint: disable -->\nTK the the two.\n\nLeave a Reply\n<!-- newslint: enable -->\n\nTK three.\n"
    assert fired(text) == [("NL701", 1), ("NL701", 9)]


def test_disable_without_enable_runs_to_the_end():
    assert fired("TK one.\n\n<!-- newslint: disable NL701 -->\n\nTK two.\n\nTK three.\n") == [("NL701", 1)]


def test_several_rules_by_id_and_name():
    text = "<!-- newslint: disable NL701, doubled-word -->\nTK the the.\n\nLeave a Reply\n"
    assert fired(text) == [("NL702", 4)]


def test_prefix_selector():
    assert fired("<!-- newslint: disable NL70 -->\nTK the the.\n\nLeave a Reply\n") == []


def test_enable_with_an_id_closes_only_that_rule():
    text = ("<!-- newslint: disable NL701 -->\n<!-- newslint: disable NL703 -->\nTK the the.\n"
            "<!-- newslint: enable NL703 -->\n\nTK the the again.\n")
    assert fired(text) == [("NL703", 6)]


def test_same_line_comment_silences_its_own_line():
    assert fired("Budget of $XX million. <!-- newslint: disable NL701 -->\n") == []


def test_directives_are_case_and_space_tolerant():
    assert fired("<!--NEWSLINT:Disable-Next-Line NL701-->\nTK here.\n") == []


def test_other_comments_are_not_directives():
    assert fired("<!-- newslint is great -->\nTK here.\n\n<!-- disable NL701 -->\nTK there.\n") == \
        [("NL701", 2), ("NL701", 5)]


def test_comments_never_reach_the_prose():
    for fmt in ("markdown", "text", "html"):
        findings = lint("<!-- newslint: disable NL704 -->\n<p>Clean text.</p>\n" if fmt == "html"
                        else "<!-- newslint: disable NL704 -->\nClean text.\n", select="NL7", fmt=fmt)
        assert findings == []


def test_parse_suppressions_ranges():
    source = ("line one\n<!-- newslint: disable NL701 -->\nthree\n<!-- newslint: enable -->\n"
              "<!-- newslint: disable-next-line NL703 -->\n\nseven\n")
    assert set(parse_suppressions(source, LineIndex(source))) == {
        Suppression(("NL703",), 7, 7),
        Suppression(("NL701",), 2, 4),
    }


@pytest.mark.parametrize("selectors, rule, line, covered", [
    ((), "NL701", 3, True),
    (("NL701",), "NL701", 3, True),
    (("NL701",), "NL703", 3, False),
    (("doubled-word",), "NL703", 3, True),
    (("NL7",), "NL704", 3, True),
    (("NL701",), "NL701", 9, False),
])
def test_suppression_covers(selectors, rule, line, covered):
    names = {"NL701": "placeholder-left-in", "NL703": "doubled-word", "NL704": "mixed-quote-styles"}
    assert Suppression(selectors, 2, 4).covers(rule, names[rule], line) is covered
