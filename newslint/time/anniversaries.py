"""Anniversaries dated by a relative expression, checked against the founding year the article gives."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from newslint.time.events import RELATIVE_KINDS, timeline_token
from newslint.time.timeline import Mention, Timeline

#: nouns that are an anniversary of a given count ("centenary" is the 100th)
_ANNIVERSARY_NOUNS = {"anniversary": None, "centenary": 100, "centennial": 100, "bicentenary": 200,
                      "bicentennial": 200, "sesquicentennial": 150, "tercentenary": 300, "jubilee": None}
_JUBILEES = {"silver": 25, "golden": 50, "diamond": 60, "platinum": 70}
_ORDINAL_WORDS = {"tenth": 10, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
                  "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80,
                  "ninetieth": 90, "hundredth": 100, "150th": 150}
_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")
#: verbs that date the start of the thing whose anniversary is kept ("founded in 1921", "began making stoppers")
_FOUNDING_VERBS = {"found", "establish", "form", "incorporate", "open", "launch", "create", "begin", "start",
                   "set", "build", "inaugurate"}
#: how far a founding year may be from the one an anniversary implies and still be the same founding miscounted
MAX_MISCOUNT = 5


@dataclass(frozen=True)
class AnniversaryConflict:
    """A relative date on an anniversary whose count puts the founding in another year than the article's."""

    mention: Mention
    count: int
    implied: int
    founding: Mention


def _count(noun) -> int | None:
    """The anniversary's count: "its 100th anniversary" 100, "its centenary" 100, "golden jubilee" 50."""
    lemma = noun.lemma_.lower()
    fixed = _ANNIVERSARY_NOUNS.get(lemma)
    if fixed:
        return fixed
    for child in noun.children:
        if child.dep_ not in ("amod", "nummod", "compound"):
            continue
        word = child.lower_
        match = _ORDINAL.match(word)
        if match:
            return int(match.group(1))
        if word in _ORDINAL_WORDS:
            return _ORDINAL_WORDS[word]
        if lemma == "jubilee" and word in _JUBILEES:
            return _JUBILEES[word]
    return None


def _founding_years(timeline: Timeline, skip: Mention) -> list[Mention]:
    """Years the article ties to a start: a year in a sentence with a founding verb."""
    out = []
    for mention in timeline.mentions:
        if mention is skip or mention.expr.year is None or mention.expr.kind == "decade" or mention.interval is None:
            continue
        token = timeline_token(timeline, mention)
        if token is None:
            continue
        if any(t.lemma_.lower() in _FOUNDING_VERBS and t.pos_ == "VERB" for t in token.sent):
            out.append(mention)
    return out


def anniversary_conflicts(timeline: Timeline) -> Iterator[AnniversaryConflict]:
    """Relative datings of an anniversary ("its 100th anniversary next year") that no founding year fits."""
    for mention in timeline.mentions:
        if mention.expr.kind not in RELATIVE_KINDS or mention.interval is None or mention.negated:
            continue
        if mention.interval.start.year != mention.interval.end.year:
            continue
        nouns = [t for lemma, t in mention.arguments.items() if lemma in _ANNIVERSARY_NOUNS]
        count = _count(nouns[0]) if nouns else None
        if not count:
            continue
        implied = mention.interval.start.year - count
        foundings = _founding_years(timeline, mention)
        if not foundings or any(f.interval.start.year <= implied <= f.interval.end.year for f in foundings):
            continue
        near = [f for f in foundings if abs(f.expr.year - implied) <= MAX_MISCOUNT]
        if near and all(f.expr.year == near[0].expr.year for f in near):
            yield AnniversaryConflict(mention, count, implied, near[0])
