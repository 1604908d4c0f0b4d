"""Gender evidence per person: honorifics, relational and role nouns beside a name, pronouns for it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from newslint.attribution.evidence import STRONG, Evidence, noun_strength
from newslint.attribution.lexicon import GENDERED_NOUNS, HONORIFICS, PERSON_NOUNS, RELATIONAL_NOUNS
from newslint.names_text import fold

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document
    from newslint.people import Mention, Person

_NOUNS = "|".join(sorted((re.escape(n) for n in GENDERED_NOUNS), key=len, reverse=True))
_ADJECTIVES = r"(?:(?:late|former|elder|eldest|younger|youngest|older|oldest|only|estranged|first|second|" \
              r"new|longtime|long-time|then|twin|adopted|\d+-year-old)\s+)*"
_OWNER = r"(?:his|her|their|the|a|an|[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)*[’']s?)"
#: "the grandmother of the victim, Ada Nwosu", "a spokeswoman for the ministry, Ada Nwosu": a short "of",
#: "for" or "at" phrase between the noun and the name
_OF = r"(?:\s+(?P<of>(?:of|for|at)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)(?=,))?"
#: "his wife, Natalia Pinchuk" / "her husband Nikola" / "actress Jane Doe" right before a name
_BEFORE = re.compile(rf"(?:\b(?P<owner>{_OWNER})\s+{_ADJECTIVES})?\b(?P<noun>{_NOUNS})\b{_OF},?\s+$", re.I)
#: up to two words between the article and the noun ("a company spokesman", "the union's new chairwoman"):
#: no preposition, article or punctuation among them, so "a lawyer for the widow" is not a widow
_MODIFIERS = r"(?:(?!(?:of|for|at|to|in|on|with|by|and|or|the|a|an|his|her|their)\b)[\w’'-]+\s+){0,2}?"
#: "Natalia Pinchuk, his wife," / "Jane Doe, an actress," right after a name; without an article only
#: before "of", "for", "at" or a comma ("Ann Roe, chairwoman of the board,")
_AFTER = re.compile(rf"^,\s+(?:(?P<owner>{_OWNER})\s+{_MODIFIERS}{_ADJECTIVES}(?P<noun>{_NOUNS})\b(?!['’]s|-)"
                    rf"|{_ADJECTIVES}(?P<bare>{_NOUNS})(?=\s+(?:of|for|at|to|in)\b|,))", re.I)
_DET = r"(?:the|a|an|his|her|their|its)"
#: "the federation's", "the city's former", "Ghana's", "the", "her": an owner, case-sensitively
_COPULA_OWNER = rf"(?:{_DET}\s+(?:[\w-]+\s+){{0,2}}?[\w-]+[’']s|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*[’']s?|{_DET})"
#: "Dana Pike is the federation's chairwoman" / "Ole Berg was her husband": a copula right after the name
_COPULA = re.compile(rf"^\s+(?:is|was|has\s+been|had\s+been|became|becomes|remains|remained)\s+"
                     rf"(?P<owner>{_COPULA_OWNER})\s+{_ADJECTIVES}(?P<noun>{_NOUNS})\b(?!['’]s|-)")  # case matters: "not the …"
_HONORIFIC = re.compile(r"\b(?P<title>" + "|".join(HONORIFICS) + r")\.?\s+$", re.I)


def mention_evidence(text: str, person: "Person", others: "Iterable[Person]" = ()) -> tuple[Evidence, ...]:
    """What the words around each mention of ``person`` say about their gender.

    A bare surname that another person in ``others`` also bears ("Mrs Smith"
    in a story about John and Mary Smith) may mean either of them: the words
    around it count for nobody.
    """
    shared = _shared_surnames(person, others)
    out: list[Evidence] = []
    for mention in person.mentions:
        if len(mention.text.split()) == 1 and fold(mention.text) in shared:
            continue
        out.extend(_around(text, mention))
    return tuple(out)


def _shared_surnames(person: "Person", others: "Iterable[Person]") -> set[str]:
    mine = {fold(m.text.split()[-1]) for m in person.mentions if m.text.split()}
    theirs = {fold(m.text.split()[-1]) for other in others if other.key != person.key
              for m in other.mentions if m.text.split()}
    return mine & theirs


def _around(text: str, mention: "Mention") -> list[Evidence]:
    out = []
    before = text[max(0, mention.start - 60):mention.start]
    before = before.split("\n\n")[-1]
    honorific = _HONORIFIC.search(before)
    if honorific and _capital_title(honorific.group("title")):
        gender = HONORIFICS[honorific.group("title").lower()]
        start = mention.start - len(before) + honorific.start()
        out.append(Evidence(gender, STRONG, start, mention.end, f'called "{text[start:mention.end]}"'))
    noun = _BEFORE.search(before)
    if noun and not honorific and _noun_names_this(noun, before):
        out.append(_noun_evidence(text, mention.start - len(before), noun))
    after = text[mention.end:mention.end + 60].split("\n\n")[0]
    noun = _AFTER.search(after) or _COPULA.search(after)
    if noun:
        out.append(_noun_evidence(text, mention.end, noun))
    return out


def _capital_title(word: str) -> bool:
    """Honorifics are capitalised: "Miss Hall" is one, "we miss Hall" is not."""
    return word[:1].isupper()


def _noun_names_this(match: re.Match, before: str) -> bool:
    """A noun before a name names it unless it is a possessor ("the queen's envoy Smith" is not the queen)."""
    tail = before[match.end("noun"):]
    if tail.lstrip().startswith(("’", "'")):
        return False
    of = match.group("of")
    # "the father of the victim, Emma Hale" may name the victim: only "of" phrases naming no one count
    return not of or not any(_person_word(w) for w in of.lower().split()[1:])


def _person_word(word: str) -> bool:
    """A word for people, singular or plural ("victim", "farmers", "children")."""
    if word in ("children", "men", "women", "people"):
        return True
    singular = {word, word[:-1], word[:-2], word[:-3] + "y"} if len(word) > 3 else {word}
    return bool(singular & PERSON_NOUNS)


def _noun_evidence(text: str, base: int, match: re.Match) -> Evidence:
    group = "noun" if match.group("noun") else "bare"
    noun = match.group(group).lower()
    gender = GENDERED_NOUNS[noun]
    # "the federation's chairwoman" of ", the federation's chairwoman" or " is the federation's chairwoman"
    first = match.start("owner") if group == "noun" and match.group("owner") else match.start(group)
    start = base + (match.start() if group == "noun" and first < 0 else first)
    end = base + match.end(group)
    verb = "introduced as" if noun in RELATIONAL_NOUNS else "described as"
    return Evidence(gender, noun_strength(noun), start, end, f'{verb} "{text[start:end]}"')


def person_evidence(doc: "Document", person: "Person", others: "Iterable[Person]" = ()) -> tuple[Evidence, ...]:
    """Evidence around the mentions of ``person`` (computed once per document and person)."""
    cache = doc.shared("attribution.mention-evidence", lambda d: {})
    if person.key not in cache:
        cache[person.key] = mention_evidence(doc.text, person, others)
    return cache[person.key]
