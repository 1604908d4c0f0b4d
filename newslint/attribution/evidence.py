"""Gender evidence: one observation that the article treats a person as male or female."""
from __future__ import annotations

from dataclasses import dataclass

from newslint.attribution.lexicon import GENERIC_ROLE_NOUNS

#: an honorific, a relational or a gendered role noun: the article states the gender
STRONG = 2
#: a pronoun that refers to the person ("Langat said he would ask")
MEDIUM = 1


def noun_strength(noun: str) -> int:
    """How much a gendered noun says: a masculine title some women also hold ("chairman") counts as a pronoun."""
    return MEDIUM if noun.lower() in GENERIC_ROLE_NOUNS else STRONG


@dataclass(frozen=True)
class Evidence:
    """``gender`` ("male"/"female") seen at ``[start, end)``, described for a message."""

    gender: str
    strength: int
    start: int
    end: int
    description: str


def established_gender(evidence: "tuple[Evidence, ...] | list[Evidence]") -> tuple[str | None, Evidence | None]:
    """The gender the evidence establishes and the observation to cite, or ``(None, None)``.

    Strong evidence decides when it all agrees; pronoun evidence counts only
    when there is no strong evidence and it all agrees. Any disagreement at
    the deciding level leaves the gender unknown.
    """
    for strength in (STRONG, MEDIUM):
        level = [e for e in evidence if e.strength == strength]
        genders = {e.gender for e in level}
        if len(genders) == 1:
            return level[0].gender, level[0]
        if len(genders) > 1:
            return None, None
    return None, None
