"""Safe fixes: choosing non-overlapping fixes, applying them, reaching a fixed point, and never losing text."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.api import check_text_result
from newslint.config import config_from_mapping
from newslint.fixes import MAX_PASSES, apply_fixes, choose_fixes, fix_text
from newslint.rule import Finding, Fix, Severity

CURLY = config_from_mapping({"select": ["NL703", "NL704"], "mixed-quote-styles": {"prefer": "curly"}})


def lint_curly(text: str, path: str = "draft.md"):
    return check_text_result(text, config=CURLY, path=path).findings


def fixed(text: str, path: str = "draft.md") -> str:
    return fix_text(text, lambda t: lint_curly(t, path)).text


# -- choosing and applying ------------------------------------------------------------------------------
def test_overlapping_fixes_keep_the_earlier_one_whatever_the_input_order() -> None:
    text = "abcdefghij"
    fixes = [Fix(4, 8, "X"), Fix(2, 6, "Y"), Fix(8, 9, "Z")]
    for order in (fixes, fixes[::-1], [fixes[1], fixes[2], fixes[0]]):
        kept, skipped = choose_fixes(order, text)
        assert kept == [Fix(2, 6, "Y"), Fix(8, 9, "Z")]
        assert skipped == 1
    assert apply_fixes(text, kept) == "abYghZj"


@pytest.mark.parametrize(("fixes", "kept"), [
    ([Fix(3, 3, "a"), Fix(3, 3, "b")], [Fix(3, 3, "a")]),            # two insertions at one point conflict
    ([Fix(3, 3, "a"), Fix(3, 5, "b")], [Fix(3, 3, "a")]),            # an insertion where a replacement starts
    ([Fix(1, 3, "a"), Fix(3, 5, "b")], [Fix(1, 3, "a"), Fix(3, 5, "b")]),  # touching spans do not conflict
    ([Fix(1, 3, "a"), Fix(1, 3, "a")], [Fix(1, 3, "a")]),            # the same fix from two findings counts once
    ([Fix(2, 40, "a")], []),                                         # outside the text: dropped
    ([Fix(0, 3, "0123"[:3])], []),                                   # changes nothing: dropped
])
def test_choose_fixes_table(fixes, kept) -> None:
    assert choose_fixes(fixes, "0123456789")[0] == kept


def test_apply_fixes_refuses_overlaps() -> None:
    with pytest.raises(ValueError):
        apply_fixes("abcdef", [Fix(0, 3, ""), Fix(2, 4, "")])


def _finding(fix: Fix) -> Finding:
    return Finding("d.md", "NL999", "toggle", "hygiene", Severity.INFO, 1, 1, 1, 2, "toggle", (), 0, 1, fix)


def test_fixing_stops_after_a_bounded_number_of_passes() -> None:
    calls = []

    def flip_flop(text: str):  # a pathological rule pair: always proposes to change the first letter back
        calls.append(text)
        return [_finding(Fix(0, 1, "b" if text[0] == "a" else "a"))]

    result = fix_text("abc", flip_flop)
    assert not result.converged
    assert result.passes == MAX_PASSES
    assert len(calls) == MAX_PASSES + 1


def test_a_tripled_word_needs_two_passes() -> None:
    result = fix_text("We said the the the plan was late.", lint_curly)
    assert result.text == "We said the plan was late."
    assert result.passes == 2 and result.converged
    assert result.remaining == ()


# -- the quote fix -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("draft", "expected"), [
    ('"We will rebuild," she said.', "“We will rebuild,” she said."),
    ('He called it "a disaster".', "He called it “a disaster”."),
    ('(\"Never,\" he said.)', "(“Never,” he said.)"),
    ('Say "yes"!', "Say “yes”!"),
    ("He is 6'2\" tall and said \"fine.\"", "He is 6'2\" tall and said “fine.”"),  # an inch mark stays
    ('Odd " mark here.', 'Odd " mark here.'),                                    # between spaces: no fix
    ('Text with `"code"` in it and "prose".', 'Text with `"code"` in it and “prose”.'),  # code untouched
])
def test_straight_quotes_become_curly_by_context(draft: str, expected: str) -> None:
    assert fixed(draft) == expected


def test_majority_mode_reports_one_finding_and_offers_no_fix() -> None:
    config = config_from_mapping({"select": ["NL704"]})
    findings = check_text_result('“One,” she said. “Two,” she said. "Three," she said.', config=config,
                                 path="d.md").findings
    assert len(findings) == 1 and findings[0].fix is None


def test_prefer_straight_fixes_curly_marks() -> None:
    config = config_from_mapping({"select": ["NL704"], "mixed-quote-styles": {"prefer": "straight"}})
    result = fix_text("“Done,” he said.", lambda t: check_text_result(t, config=config, path="d.md").findings)
    assert result.text == '"Done," he said.'


def test_a_fix_is_dropped_where_markup_sits_inside_its_span() -> None:
    # the doubled word spans an emphasis marker in the source: the prose differs, so no fix is offered
    findings = lint_curly("The mayor said the *the* plan works.")
    assert [f.rule for f in findings] == ["NL703"]
    assert findings[0].fix is None


def test_fixes_apply_to_the_source_of_html_and_text_drafts() -> None:
    assert fixed("<p>It was the the end.</p>", "d.html") == "<p>It was the end.</p>"
    assert fixed("First line was was fine.\nSecond \"line\".\n", "d.txt") == "First line was fine.\nSecond “line”.\n"


# -- no text is ever lost -------------------------------------------------------------------------------------
PIECES = st.sampled_from(["the", "The", "plan", "mayor", "said", "it", "is", "walla", "Walla", "we", "new",
                          "TK", "5'10\"", ",", ".", "?", "(", ")", "*", "**", "_", "`", "[x](https://e.org/a)",
                          "\"", "“", "”", "'", "—", "é", "😀", "<b>", "#", "> ", "- "])
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\r\n", "\n\n", "\t", ""])


@st.composite
def drafts(draw) -> str:
    parts = draw(st.lists(st.tuples(PIECES, SEPARATORS, st.booleans()), max_size=40))
    out = []
    for piece, sep, doubled in parts:
        out.append(f"{piece} {piece}{sep}" if doubled else piece + sep)
    return "".join(out)


def _outside_spans_kept(text: str, kept: list[Fix], out: str) -> bool:
    """Walk the draft and the output together: outside the fix spans they must agree character by character."""
    i = j = 0
    for fix in kept:
        while i < fix.start:
            if j >= len(out) or out[j] != text[i]:
                return False
            i, j = i + 1, j + 1
        if out[j:j + len(fix.replacement)] != fix.replacement:
            return False
        i, j = fix.end, j + len(fix.replacement)
    return out[j:] == text[i:]


_ALLOWED_SPAN = re.compile(r"[ \t]+([A-Za-z]+(?:['’][a-z]+)?)")


def _fix_is_harmless(text: str, fix: Fix) -> bool:
    """The only fixes these rules may make: drop a repeated word, or curl one straight double quote."""
    span = text[fix.start:fix.end]
    if span == '"' and fix.replacement in "“”":
        return True
    match = _ALLOWED_SPAN.fullmatch(span)
    if not match or fix.replacement:
        return False
    word = match.group(1)
    return text[:fix.start].lower().endswith(word.lower())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", re.sub(r"[“”]", '"', text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.sampled_from(["draft.md", "draft.txt", "draft.html"]))
def test_fixes_change_text_only_inside_their_spans(draft: str, path: str) -> None:
    findings = lint_curly(draft, path)
    kept, _ = choose_fixes([f.fix for f in findings if f.fix], draft)
    out = apply_fixes(draft, kept)
    assert _outside_spans_kept(draft, kept, out)
    assert all(_fix_is_harmless(draft, fix) for fix in kept)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.sampled_from(["draft.md", "draft.txt", "draft.html"]))
def test_fixing_twice_changes_nothing_more_and_loses_no_word(draft: str, path: str) -> None:
    once = fix_text(draft, lambda t: lint_curly(t, path))
    assert once.converged
    assert not any(f.fix for f in once.remaining)
    twice = fix_text(once.text, lambda t: lint_curly(t, path))
    assert twice.text == once.text and twice.applied == 0
    # every word survives except a word repeated right after itself
    before, after = _words(draft), _words(once.text)
    assert len(after) <= len(before)
    position = 0
    for word in after:
        while position < len(before) and before[position] != word:
            position += 1
        assert position < len(before), f"{word!r} was not in the draft in this order"
        position += 1


# -- every rule that offers fixes, together --------------------------------------------------------------------
EVERY_RULE = config_from_mapping({"names": ["Ales Bialiatski", "Maria Kolesnikova"],
                                  "mixed-quote-styles": {"prefer": "curly"}})
STORY_PIECES = st.sampled_from([
    "Ales Bialiatski", "Ales Bialiatsky", "Bialiatsky", "Maria Kolesnikova", "Kolesnikowa", "said", "she", "he",
    "the", "the the", "on Monday, March 4, 2025", "on Tuesday, 4 March 2025", "yesterday", "last week",
    "\"We will stay,\"", "“We slept outside, said", "\"I agree.\"",
    "\"", "“", "”", "(", ")", "\u2019", ",", ".", "The court ruled", "TK", "*", "`x`", "é", "😀"])


@st.composite
def stories(draw) -> str:
    parts = draw(st.lists(st.tuples(STORY_PIECES, SEPARATORS), min_size=1, max_size=30))
    return "".join(piece + sep for piece, sep in parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_all_fixing_rules_together_keep_text_outside_spans_and_settle(draft: str) -> None:
    def lint(text: str):
        return check_text_result(text, config=EVERY_RULE, date="2025-03-05", path="story.md").findings

    findings = lint(draft)
    kept, _ = choose_fixes([f.fix for f in findings if f.fix], draft)
    assert _outside_spans_kept(draft, kept, apply_fixes(draft, kept))
    once = fix_text(draft, lint)
    assert once.converged
    assert fix_text(once.text, lint).text == once.text
