"""NL101 inside organisations' names: a respelt word counts only when the rest of the name agrees."""
from __future__ import annotations

import pytest

from conftest import lint


def flagged(text: str) -> list[tuple[str, str]]:
    """(flagged word, suggestion) for every NL101 finding."""
    return [(f.message.split('"')[1], f.suggestions[0] if f.suggestions else "")
            for f in lint(text, select="NL101")]


SAME_ORGANISATION = [
    pytest.param(
        "Staff at Brekkestad Fiskeindustri voted to strike on Friday. Brekkestad Fiskeindustri said pay talks "
        "would resume. The union said Brekkestad Fiskeindustri had ignored two offers. Managers at Brekkestad "
        "Fiskeindustrie said the plant would stay open.",
        "Fiskeindustrie", "Fiskeindustri", id="same-other-words"),
    pytest.param(
        "Shareholders of Tindravik Holdings approved the sale on Monday. Tindravik said the deal would close "
        "in March. Analysts said Tindravik had paid too much. A spokesman for Tindravick declined to comment.",
        "Tindravick", "Tindravik", id="word-standing-alone"),
]


@pytest.mark.parametrize(("text", "variant", "dominant"), SAME_ORGANISATION)
def test_respelt_word_in_one_organisation_is_flagged(text: str, variant: str, dominant: str) -> None:
    assert flagged(text) == [(variant, dominant)]


OTHER_ORGANISATIONS = [
    pytest.param(
        "Crews from Van Houten Maritiem, a family salvage firm from Rotterdam, raised the barge on Tuesday. "
        "The Maritime and Coastguard Agency said the channel would reopen. Curators at the National "
        "Maritime Museum Cornwall said the barge was built in 1911.", id="foreign-word-in-another-firm"),
    pytest.param(
        "Inspectors from Hoekstra Mineraal, a Dutch quarry company, visited the site. The Mineral Products "
        "Association said the quarry was safe. Geologists at the Royal Mineral Society of Wales disagreed.",
        id="similar-words-in-two-organisations"),
]


@pytest.mark.parametrize("text", OTHER_ORGANISATIONS)
def test_similar_words_in_different_organisations_are_silent(text: str) -> None:
    assert flagged(text) == []
