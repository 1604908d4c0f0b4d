"""Link datings of one event through the person it happens to: the same action, the same person, close by.

"Moser was convicted last year" and "He was arrested in 2019 and convicted in 2020" tell of one conviction:
the same verb (or its noun, "his conviction"), the same person in the same role, within a paragraph of each
other, and nothing saying it happened more than once ("again", "a second", "re-elected", "convicted of fraud"
against "convicted of bribery"). Only actions that happen to a person once in a story are linked (an arrest,
a conviction, an election, a death); a person wins, says and visits many things.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from newslint.time.events import RELATIVE_KINDS, Conflict, timeline_token, tolerant
from newslint.time.grammar import tense
from newslint.time.participants import AGENT, PATIENT, Participant, Participants, clause_participants, \
    noun_participants
from newslint.time.resolve import FUTURE, PAST, PRESENT
from newslint.time.timeline import Mention, Timeline

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

#: actions that happen to a person once in a story, with the role the person plays in them (not: release,
#: detain, hire, fire, appoint, injure, win, which come round again in one life)
ONCE_ACTIONS = {
    **dict.fromkeys(("arrest", "charge", "indict", "convict", "acquit", "sentence", "jail", "imprison", "extradite",
                     "deport", "pardon", "exonerate", "elect", "inaugurate", "impeach", "kidnap", "abduct", "kill",
                     "murder", "assassinate", "execute"), PATIENT),
    **dict.fromkeys(("resign", "retire", "die"), AGENT),
}
#: event nouns and the action they name ("his conviction", "Moser's arrest")
NOMINALISATIONS = {
    "arrest": "arrest", "indictment": "indict", "conviction": "convict", "acquittal": "acquit",
    "sentencing": "sentence", "jailing": "jail", "imprisonment": "imprison", "extradition": "extradite",
    "deportation": "deport", "pardon": "pardon", "exoneration": "exonerate", "election": "elect",
    "inauguration": "inaugurate", "impeachment": "impeach", "kidnapping": "kidnap", "abduction": "abduct",
    "killing": "kill", "murder": "murder", "assassination": "assassinate", "execution": "execute",
    "resignation": "resign", "retirement": "retire", "death": "die",
}
#: words that make an action one of several ("again", "a second arrest", "also convicted", "new charges")
REPEAT_WORDS = {"again", "another", "second", "third", "fourth", "fifth", "also", "too", "previously", "previous",
                "earlier", "prior", "first", "last", "latest", "repeatedly", "twice", "thrice", "times", "further",
                "additional", "new", "separate", "separately", "both", "each", "every", "once", "different", "other",
                "formally", "officially"}
#: prepositions whose object says which of several such actions is meant: the offence or the office
#: ("convicted of fraud", "charged with bribery", "elected as mayor")
_KIND_PREPS = {"of", "for", "as", "over", "with", "on", "from", "to"}
#: prepositions whose object is a detail of one action: who acted, where, in what circumstances ("at a rally");
#: "to" is the penalty of a sentence ("sentenced to three years"), elsewhere a kind ("elected to parliament")
_DETAIL_PREPS = {"by", "at", "in", "during", "after", "near", "outside", "inside"}
_PENALTY_ACTIONS = {"sentence", "jail", "imprison"}
#: actions that come round again in the future even once done: a politician elected in 2018 is elected again
#: on schedule, a person arrested once may be arrested again; only a past dating is linked to a past one
RECURRING = {"elect", "inaugurate", "arrest", "charge", "indict", "deport", "kidnap", "abduct"}
#: subordinators that make a clause hypothetical ("if he was convicted")
_HYPOTHETICAL = {"if", "whether", "unless", "should", "once", "until", "before"}
#: how many paragraphs apart two datings of one action may be
MAX_BLOCKS_APART = 1


@dataclass(frozen=True)
class Happening:
    """An action with the people it involves: dated by a mention, or told as done without a date."""

    action: str
    people: frozenset[Participant]
    #: what the action was for or as (offence, office): one side naming it and the other not is unsure
    kinds: frozenset[str]
    #: details of the action (penalty, agent): they tell two actions apart only when both sides name them
    details: frozenset[str]
    sentence: int
    block: int
    tense: str | None
    offset: int  # of the verb or noun, which identifies it
    text: str
    mention: Mention | None = None
    token: object = field(default=None, compare=False, hash=False, repr=False)


def person_conflicts(doc: "Document", timeline: Timeline) -> dict[int, Conflict]:
    """Relative datings (by start offset) that contradict another dating of the same action on the same
    person: "convicted last year" against "convicted in 2020", "will be sentenced next month" against a
    sentencing the article dates, or tells as done, already."""
    candidates = [m for m in timeline.mentions if m.expr.kind in RELATIVE_KINDS and m.interval is not None
                  and not m.negated and m.tense is not None]
    if not candidates or not _any_once_action(timeline):
        return {}
    linker = _Linker(doc, timeline)
    out: dict[int, Conflict] = {}
    for mention in candidates:
        conflict = linker.conflict(mention)
        if conflict is not None:
            out[mention.start] = conflict
    return out


def _any_once_action(timeline: Timeline) -> bool:
    for _, token in timeline.tokens:
        lemma = token.lemma_.lower()
        if (token.pos_ == "VERB" and lemma in ONCE_ACTIONS) or (token.pos_ == "NOUN" and lemma in NOMINALISATIONS):
            return True
    return False


class _Linker:
    def __init__(self, doc: "Document", timeline: Timeline) -> None:
        self.doc = doc
        self.timeline = timeline
        self.participants = Participants(doc)
        self.sentences = doc.nlp.sentences()
        self.sentence_starts = [s.start for s in self.sentences]
        self.names = _names(doc)
        covered: set[int] = set()
        starts = [offset for offset, _ in timeline.tokens]
        for mention in timeline.mentions:
            first = bisect.bisect_left(starts, mention.start)
            last = bisect.bisect_left(starts, mention.end)
            covered.update(range(first, last))
        self.time_tokens = {(id(timeline.tokens[i][1].doc), timeline.tokens[i][1].i) for i in covered}
        self.dated = [(m, h) for m in timeline.mentions if m.interval is not None and not m.negated
                      for h in self._dated_happenings(m)]
        dated_words = {h.offset for _, h in self.dated}
        self.done = [h for h in self._told_as_done() if h.offset not in dated_words]

    # -- happenings -------------------------------------------------------------------------------------
    def _dated_happenings(self, mention: Mention) -> list[Happening]:
        first = timeline_token(self.timeline, mention)
        if first is None:
            return []
        out = []
        if mention.verb_index is not None:
            verb = first.doc[mention.verb_index]
            happening = self._verb_happening(verb, mention)
            if happening is not None:
                out.append(happening)
        for noun in self._dated_nouns(mention, first):
            happening = self._noun_happening(noun, mention)
            if happening is not None:
                out.append(happening)
        return out

    def _dated_nouns(self, mention: Mention, first) -> list:
        """Event nouns the mention dates: "his 2020 conviction", "last year's arrest", "His arrest in 2019 was
        ..." (a phrase inside a subject, before its verb)."""
        nouns = [d.token for d in self.timeline.noun_datings
                 if d.mention is mention and d.relation == "at" and d.token is not None]
        span = [t for t in first.sent if mention.start <= (self.offset(t) or -1) < mention.end]
        inside = {t.i for t in span}
        roots = [t for t in span if t.head.i not in inside]
        if roots:
            root = roots[0]
            head = root.head
            if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "on"):
                head = head.head
            elif root.dep_ != "npadvmod":
                head = None
            if head is not None and head.pos_ == "NOUN" and (mention.verb_index is None
                                                             or head.i < mention.verb_index):
                nouns.append(head)
        return [n for n in nouns if n.lemma_.lower() in NOMINALISATIONS]

    def _verb_happening(self, verb, mention: Mention | None) -> Happening | None:
        action = verb.lemma_.lower()
        if verb.pos_ != "VERB" or action not in ONCE_ACTIONS or _hypothetical(verb):
            return None
        role = ONCE_ACTIONS[action]
        people = frozenset(p for p in clause_participants(verb, self.participants) if p.role == role)
        if not people or self._repeated(verb, action) or _pluperfect(verb):
            return None
        if role == AGENT and any(c.dep_ in ("dobj", "attr") for c in verb.children):
            return None  # "retired the jersey", "killed the bill" are other actions
        clause_tense = mention.tense if mention is not None else tense(verb)
        if clause_tense is None and verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass")
                                                                       for c in verb.children):
            clause_tense = tense(verb.head)
        kinds, details = self._which(verb)
        return self._happening(action, people, kinds, details, verb, clause_tense, mention)

    def _noun_happening(self, noun, mention: Mention) -> Happening | None:
        action = NOMINALISATIONS[noun.lemma_.lower()]
        if noun.tag_ == "NNS" or any(c.dep_ == "nummod" and not self._is_time(c) for c in noun.children):
            return None  # "two convictions"
        people = frozenset(noun_participants(noun, ONCE_ACTIONS[action], self.participants))
        if not people or self._repeated(noun, action):
            return None
        kinds, details = self._which(noun)
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ") and not self._is_time(child):
                kinds.add(child.lemma_.lower())  # "his fraud conviction"
        return self._happening(action, people, kinds, details, noun, PAST, mention)

    def _happening(self, action, people, kinds, details, token, clause_tense, mention) -> Happening | None:
        offset = self.offset(token)
        if offset is None:
            return None
        sentence = max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)
        return Happening(action, people, frozenset(kinds), frozenset(details), sentence,
                         self.sentences[sentence].block, clause_tense, offset, token.text, mention, token)

    def _told_as_done(self) -> Iterator[Happening]:
        """Past-tense clauses of once-only actions that carry no date of their own ("A court sentenced him")."""
        for _, token in self.timeline.tokens:
            if token.pos_ != "VERB" or token.lemma_.lower() not in ONCE_ACTIONS or token.tag_ not in ("VBD", "VBN"):
                continue
            if tense(token) != PAST or any(c.dep_ == "neg" for c in token.children):
                continue
            happening = self._verb_happening(token, None)
            if happening is not None:
                yield happening

    # -- evidence ---------------------------------------------------------------------------------------
    def offset(self, token) -> int | None:
        return self.participants.offset(token)

    def _someone(self, token) -> bool:
        """A pronoun or a person's name: a participant, not a word that says which action is meant."""
        return token.pos_ == "PRON" or token.tag_ in ("WP", "WDT") or self.participants.in_phrase(token) is not None

    def _is_time(self, token) -> bool:
        return (id(token.doc), token.i) in self.time_tokens

    def _which(self, head) -> tuple[set[str], set[str]]:
        """The words that say which such action is meant (kinds: "convicted of fraud", "elected mayor") and
        its details (the penalty "to three years", the agent "by the club", "jailed for six years")."""
        kinds: set[str] = set()
        details: set[str] = set()
        for child in head.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in _KIND_PREPS | _DETAIL_PREPS:
                for pobj in child.children:
                    if pobj.dep_ not in ("pobj", "pcomp") or self._is_time(pobj) or self._someone(pobj):
                        continue
                    quantity = any(c.dep_ == "nummod" for c in pobj.children)
                    detail = child.lower_ in _DETAIL_PREPS or child.dep_ == "agent" or quantity or (
                        child.lower_ == "to" and _action(head) in _PENALTY_ACTIONS)
                    (details if detail else kinds).add(pobj.lemma_.lower())
            elif child.dep_ in ("oprd", "attr") or (child.dep_ == "dobj" and head.pos_ == "VERB"):
                if not self._is_time(child) and not self._someone(child):
                    kinds.add(child.lemma_.lower())
            elif child.dep_ == "nsubj" and head.pos_ == "VERB" and not self._someone(child):
                details.add(child.lemma_.lower())  # "police arrested him", "the club fired him"
        return kinds, details

    def _repeated(self, head, action: str) -> bool:
        """Whether the clause tells of the action as one of several ("again", "re-elected", "also")."""
        for token in _clause(head):
            if self._is_time(token):
                continue
            word = token.lower_
            if word in REPEAT_WORDS:
                return True
            bare = word.replace("-", "")
            if bare.startswith("re" + action[:4]) and len(action) >= 4:
                return True
        return False

    # -- links ------------------------------------------------------------------------------------------
    def conflict(self, mention: Mention) -> Conflict | None:
        mine = [h for m, h in self.dated if m is mention]
        if not mine:
            return None
        interval = tolerant(mention)
        for happening in mine:
            for other_mention, other in self.dated:
                if other_mention is mention or other_mention.rank >= mention.rank or other.tense is None:
                    continue
                if other_mention.expr.kind == "decade" or not self._linked(happening, other):
                    continue
                if not interval.overlaps(other_mention.interval):
                    return Conflict(mention, other_mention.line, other_mention.interval.label(),
                                    other_mention.text, self._event(happening, other), "person")
            if mention.tense in (FUTURE, PRESENT) and interval.start > self.timeline.reference:
                for other in self.done:
                    if self._linked(happening, other):
                        line = self.doc.locate(other.offset, other.offset + len(other.text))[2]
                        return Conflict(mention, line, "", other.text, self._event(happening, other), "done")
        return None

    def _linked(self, a: Happening, b: Happening) -> bool:
        """Whether two happenings are one: same action, a shared person in the same role, no other person in
        a role both fill, close by, and nothing that tells them apart."""
        if a.offset == b.offset or a.action != b.action or abs(a.block - b.block) > MAX_BLOCKS_APART:
            return False
        if not a.people & b.people:
            return False
        if a.action in RECURRING and PAST in (a.tense, b.tense) and {a.tense, b.tense} & {FUTURE, PRESENT}:
            return False
        for role in (AGENT, PATIENT):
            mine = {p.person for p in a.people if p.role == role}
            theirs = {p.person for p in b.people if p.role == role}
            if mine and theirs and not mine & theirs:
                return False
        if (a.kinds or b.kinds) and not a.kinds & b.kinds and not _refers_back(a, b):
            return False  # "convicted of fraud" and "convicted of bribery", or only one says what for
        return not (a.details and b.details and not a.details & b.details)

    def _event(self, a: Happening, b: Happening) -> str:
        shared = sorted(a.people & b.people, key=lambda p: p.person)[0]
        return f"{self.names.get(shared.person, shared.person)}, {b.text}"


def _refers_back(a: Happening, b: Happening) -> bool:
    """A future action that names nothing of its own ("will be sentenced next month") after one told as past
    with its offence ("sentenced ... for taking bribes") is that one; a past one may be an earlier case."""
    return a.tense in (FUTURE, PRESENT) and b.tense == PAST and not a.kinds and bool(b.kinds)


def _action(head) -> str:
    lemma = head.lemma_.lower()
    return NOMINALISATIONS.get(lemma, lemma) if head.pos_ == "NOUN" else lemma


def _names(doc: "Document") -> dict[str, str]:
    from newslint.people import people

    return {p.key: p.name for p in people(doc)}


#: dependents that open another clause, whose words do not describe this one
_OTHER_CLAUSES = {"relcl", "ccomp", "advcl", "acl", "conj", "parataxis", "csubj"}


def _clause(head) -> list:
    """The words of the clause (or noun phrase) of ``head``, without the clauses inside it; a conjoined verb
    also takes its head's adverbs ("was also arrested in 2019 and convicted in 2020")."""
    out = [head]
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in _OTHER_CLAUSES and token.pos_ in ("VERB", "AUX"):
            continue
        out.append(token)
        stack.extend(token.children)
    if head.dep_ == "conj":
        out.extend(c for c in head.head.children if c.dep_ == "advmod")
    return sorted(out, key=lambda t: t.i)


def _pluperfect(verb) -> bool:
    """"had been arrested": set before another past action, usually an earlier one of its kind."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in verb.children)


def _hypothetical(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in verb.children)
