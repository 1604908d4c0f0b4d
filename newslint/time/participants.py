"""The people a clause happens to or is done by: names and pronouns resolved through the article's people."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

AGENT = "agent"
PATIENT = "patient"
_PRONOUNS = {"he", "she", "him", "her", "his"}
_RELATIVES = {"who", "whom", "that", "which"}
#: how far back (in sentences) a pronoun looks for its person; further back it is not resolved
_PRONOUN_REACH = 1


@dataclass(frozen=True)
class Participant:
    """A person taking part in a clause, and how: the one acting (agent) or the one acted on (patient)."""

    person: str  # the key of a newslint.people.Person
    role: str


class Participants:
    """Resolves spaCy tokens to the people of the article (``newslint.people``), once per document."""

    def __init__(self, doc: "Document") -> None:
        from newslint.people import people

        persons = [p for p in people(doc) if p.kind == "person"]
        spans = sorted((m.start, m.end, p.key) for p in persons for m in p.mentions if _known(m, p, persons))
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self._offsets = {(id(tok.doc), tok.i): offset for offset, tok in doc.nlp.tokens()}
        self._sentences = [s.start for s in doc.nlp.sentences()]

    def offset(self, token) -> int | None:
        return self._offsets.get((id(token.doc), token.i))

    def person_of(self, token) -> str | None:
        """The person a name or a pronoun means; None when it is no person or a pronoun is ambiguous."""
        offset = self.offset(token)
        if offset is None:
            return None
        if token.lower_ in _PRONOUNS:
            return self._antecedent(offset)
        if token.pos_ != "PROPN":
            return None
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._spans[i][0] <= offset < self._spans[i][1]:
            return self._spans[i][2]
        return None

    def _antecedent(self, offset: int) -> str | None:
        """The last person named before a pronoun, if they are the only person named since the previous
        sentence began (else "he" could mean either)."""
        i = bisect.bisect_left(self._starts, offset) - 1
        if i < 0:
            return None
        sentence = bisect.bisect_right(self._sentences, offset) - 1
        window = self._sentences[max(sentence - _PRONOUN_REACH, 0)] if sentence >= 0 else 0
        if self._spans[i][0] < window:
            return None
        nearby = {key for start, _, key in self._spans[:i + 1] if start >= window}
        return self._spans[i][2] if len(nearby) == 1 else None

    def in_phrase(self, noun) -> str | None:
        """The person a noun phrase names: the name itself, a pronoun, or a name in apposition ("the builder,
        Gerhard Moser,")."""
        person = self.person_of(noun)
        if person is not None or noun.pos_ == "PROPN":
            return person
        if noun.pos_ != "NOUN":
            return None
        for child in noun.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return self.person_of(child)
        return None


def _known(mention, person, persons) -> bool:
    """Whether a mention surely means its person: a full name, or a surname alone after the full name was
    given and while nobody else in the article bears it ("Kranich" with Ilse and Otto Kranich is either)."""
    words = mention.text.split()
    if len(words) > 1:
        return True
    surname = words[0].lower() if words else ""
    introduced = any(len(m.text.split()) > 1 and m.start < mention.start for m in person.mentions)
    shared = any(other.key != person.key and any(m.text.split()[-1].lower() == surname for m in other.mentions)
                 for other in persons)
    return introduced and not shared


def clause_participants(verb, participants: Participants) -> set[Participant]:
    """The people of the clause of ``verb``, with their roles; the subject of a conjoined verb is shared
    ("He was arrested in 2019 and convicted in 2020")."""
    out: set[Participant] = set()
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subject = None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subject = child
        elif child.dep_ in ("dobj", "dative"):
            _add(out, participants.in_phrase(child), PATIENT)
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _add(out, participants.in_phrase(pobj), AGENT)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                subject = child
                if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
                    passive = child.dep_ == "nsubjpass"
    if subject is not None:
        role = PATIENT if subject.dep_ == "nsubjpass" or passive else AGENT
        if subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
            subject = verb.head
        _add(out, participants.in_phrase(subject), role)
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":
        _add(out, participants.in_phrase(verb.head), PATIENT)  # "Moser, convicted in 2020, ..."
    return out


def noun_participants(noun, role: str, participants: Participants) -> set[Participant]:
    """The people of an event noun: its possessor or its "of" object ("Moser's arrest", "the arrest of Moser",
    "his conviction")."""
    out: set[Participant] = set()
    for child in noun.children:
        if child.dep_ == "poss":
            _add(out, participants.in_phrase(child), role)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _add(out, participants.in_phrase(pobj), role)
    return out


def _add(out: set[Participant], person: str | None, role: str) -> None:
    if person is not None:
        out.add(Participant(person, role))
