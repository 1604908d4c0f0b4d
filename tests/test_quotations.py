"""The shared quotation analysis: spans other rules read (quotations, inside_quotation)."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.formats.markdown import parse_markdown
from newslint.formats.text import parse_text
from newslint.quotations import (MARKS, Quotation, inside_quotation, is_measure_mark, quotation_at, quotations,
                                 quote_analysis, read_marks)


def spans(text: str) -> list[tuple[str, str | None, str | None, bool, bool]]:
    doc = parse_markdown(text, "draft.md")
    return [(doc.text[q.inner_start:q.inner_end], q.open_mark, q.close_mark, q.continues_previous, q.runs_on)
            for q in quotations(doc)]


def test_outermost_quotations_only() -> None:
    text = "“I heard her say ‘enough’ twice,” Lee said, and then “nothing more.”"
    assert spans(text) == [
        ("I heard her say ‘enough’ twice,", "“", "”", False, False),
        ("nothing more.", "“", "”", False, False),
    ]


def test_offsets_cover_the_marks() -> None:
    doc = parse_markdown("Lee said “yes” at once.", "draft.md")
    [q] = quotations(doc)
    assert doc.text[q.start:q.end] == "“yes”"
    assert (q.inner_start, q.inner_end) == (q.start + 1, q.end - 1)
    assert q.block == 0


def test_run_on_quotation_spans_each_paragraph() -> None:
    text = "“We lost the barn.\n\n“Then the house,” Kowalski said."
    assert spans(text) == [
        ("We lost the barn.", "“", None, False, True),
        ("Then the house,", "“", "”", True, False),
    ]


def test_continuation_without_its_mark_starts_at_the_paragraph() -> None:
    text = "“We lost the barn.\n\nThen the house,” Kowalski said."
    doc = parse_markdown(text, "draft.md")
    second = quotations(doc)[1]
    assert second.open_mark is None and second.continues_previous
    assert second.start == doc.blocks[1].start
    assert doc.text[second.start:second.end] == "Then the house,”"


def test_unclosed_quotation_ends_at_its_attribution() -> None:
    doc = parse_markdown("“We were told it would hold, said Ada Brennan, 71.", "draft.md")
    [q] = quotations(doc)
    assert q.close_mark is None and not q.runs_on
    assert doc.text[q.inner_start:q.inner_end] == "We were told it would hold"


def test_inside_quotation() -> None:
    text = "Lee said “the rain will stop” on Friday."
    doc = parse_markdown(text, "draft.md")
    assert inside_quotation(doc, text.index("rain"))
    assert inside_quotation(doc, text.index("“"))
    assert not inside_quotation(doc, text.index("Lee"))
    assert not inside_quotation(doc, text.index("Friday"))
    assert quotation_at(doc, text.index("stop")) == quotations(doc)[0]
    assert quotation_at(doc, text.index("on Friday")) is None


def test_analysis_is_shared_once_per_document() -> None:
    doc = parse_markdown("“Yes,” she said.", "draft.md")
    assert quotations(doc) is quotations(doc)
    assert isinstance(quotations(doc)[0], Quotation)


@pytest.mark.parametrize("text,index,expected", [
    ("5'10\"", 1, True), ("5'10\"", 4, True), ("6′2″", 1, True), ("a 12\" pizza", 4, True),
    ("the '90s", 4, False), ("“yes”", 4, False), ("in 1999\" she", 7, False),
])
def test_measure_marks(text: str, index: int, expected: bool) -> None:
    assert is_measure_mark(text, index) is expected


def test_apostrophes_are_not_read_as_marks() -> None:
    text = "O’Brien’s shop, the ’80s, rock ’n’ roll, ’tis true"
    assert read_marks(text, 0, len(text)) == []


def test_fast_on_a_long_draft() -> None:
    paragraph = "“The levee held,” the engineer said, “but the O’Briens’ barn did not.” It rained in the ’70s too."
    doc = parse_markdown("\n\n".join([paragraph] * 2000), "long.md")
    started = time.perf_counter()
    assert len(quotations(doc)) == 4000
    assert time.perf_counter() - started < 5


_PIECES = ["“", "”", '"', "‘", "’", "'", "«", "»", "word", "s", " ", "\n\n", ",", ".", "5", "n", "(", ")", "[", "]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_gives_well_formed_spans(pieces: list[str]) -> None:
    source = "".join(pieces)
    doc = parse_text(source, "draft.txt")
    found = quotations(doc)
    assert list(found) == sorted(found, key=lambda q: (q.start, q.end))
    for q in found:
        block = doc.blocks[q.block]
        assert block.start <= q.start <= q.inner_start <= q.inner_end <= q.end <= block.end
        if q.open_mark is not None:
            assert doc.text[q.start] == q.open_mark
        if q.close_mark is not None:
            assert doc.text[q.end - 1] == q.close_mark
    for problem in quote_analysis(doc).problems:
        assert doc.text[problem.start] in MARKS
