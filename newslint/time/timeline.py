"""The timeline of a document: every time expression resolved, with its clause's verb, tense and event."""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.time.calendar import Interval
from newslint.time.expressions import TimeExpression, find_expressions
from newslint.time.grammar import definite, event_arguments, governing_verb, negated, pronoun_arguments, tense, \
    verb_class, verb_lemma, weekday_tense
from newslint.time.resolve import Context, resolve

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

#: kinds whose dating is written out in full (not read against the publication date)
EXPLICIT_KINDS = {"date", "numeric", "month", "season", "year", "week_of_month"}


@dataclass(frozen=True)
class Mention:
    """A time expression in the document, resolved, with the clause it dates."""

    expr: TimeExpression
    interval: Interval | None
    tense: str | None
    sentence: int
    line: int
    verb_index: int | None = None
    verb_class: str | None = None
    negated: bool = False
    arguments: dict = field(default_factory=dict, compare=False, hash=False)
    #: the publication date the mention was read against
    reference: dt.date | None = None
    #: the verb's lemma with its particle ("break down"), to match verbs that name one event differently
    verb_lemma: str | None = None
    #: argument lemmas reached through a pronoun ("since they collapsed" -> talks): definite by nature
    resolved: frozenset = frozenset()

    @property
    def start(self) -> int:
        return self.expr.start

    @property
    def end(self) -> int:
        return self.expr.end

    @property
    def text(self) -> str:
        return self.expr.text

    @property
    def rank(self) -> int:
        """How firmly the text dates itself: 0 written out, 1 a weekday, 2 relative or anaphoric."""
        if self.expr.kind == "month" and self.expr.fields.get("prep") == "last":
            return 2  # "last August"
        if self.expr.kind in EXPLICIT_KINDS:
            return 0
        if self.expr.kind == "weekday":
            return 1
        return 2


@dataclass(frozen=True)
class NounDating:
    """A dating of an event noun: "the 2020 protests" (at), "after a three-week trial" (before)."""

    lemma: str
    text: str
    relation: str  # "at", "before" or "since" (the start of a state: "have blocked the road since Oct. 21")
    mention: Mention
    token_index: int
    token: object = field(default=None, compare=False, hash=False, repr=False)


@dataclass
class Timeline:
    """All mentions of a document in text order, and the datings of event nouns."""

    reference: dt.date
    mentions: list[Mention]
    noun_datings: list[NounDating]
    #: spaCy token index -> (document offset, token), to walk the parse
    tokens: list = field(default_factory=list, repr=False)
    #: the document's text, which the offsets index
    text: str = field(default="", repr=False)
    _block_starts: list | None = field(default=None, repr=False, compare=False)

    def datings_of(self, lemma: str) -> list[NounDating]:
        """The datings of an event noun, under any of its names ("the fires" and "wildfires")."""
        name = EVENT_SYNONYMS.get(lemma, lemma)
        return [d for d in self.noun_datings if EVENT_SYNONYMS.get(d.lemma, d.lemma) == name]

    def block_of(self, offset: int) -> int:
        """The paragraph (parsed block) an offset is in, counted from 0."""
        if self._block_starts is None:
            starts: list[int] = []
            seen: set[int] = set()
            for token_offset, token in self.tokens:
                if id(token.doc) not in seen:
                    seen.add(id(token.doc))
                    starts.append(token_offset)
            self._block_starts = starts
        return max(bisect.bisect_right(self._block_starts, offset) - 1, 0)


def expressions(doc: "Document") -> list[TimeExpression]:
    """The time expressions of a document (regex only, shared between rules)."""
    return doc.shared("time.expressions", lambda d: find_expressions(d.text))


def timeline(doc: "Document", reference: dt.date) -> Timeline:
    """The document's timeline against ``reference`` (computed once per document and date)."""
    return doc.shared(f"time.timeline.{reference.isoformat()}", lambda d: _build(d, reference))


def _build(doc: "Document", reference: dt.date) -> Timeline:
    exprs = expressions(doc)
    analysis = doc.nlp
    tokens = list(analysis.tokens())
    starts = [offset for offset, _ in tokens]
    sentences = analysis.sentences()
    sentence_starts = [s.start for s in sentences]
    mentions: list[Mention] = []
    last_explicit: Mention | None = None
    covered: set[tuple[int, int]] = set()
    for expr in exprs:
        first = bisect.bisect_left(starts, expr.start)
        last = bisect.bisect_left(starts, expr.end)
        span = [tok for _, tok in tokens[first:last]]
        line = doc.locate(expr.start, expr.end)[2]
        sentence = max(bisect.bisect_right(sentence_starts, expr.start) - 1, 0)
        if not span:
            continue
        for tok in span:
            covered.add((id(tok.doc), tok.i))
        verb = governing_verb(span, span[0].sent.start)
        clause_tense = weekday_tense(span, verb) if expr.kind == "weekday" else tense(verb)
        anchor = _anchor(expr, last_explicit, sentence, verb)
        interval = resolve(expr, Context(reference, clause_tense, anchor))
        skip = {t.i for t in span}
        arguments = event_arguments(verb, skip) if verb is not None else {}
        through_pronoun = {k: v for k, v in pronoun_arguments(verb, skip).items() if k not in arguments}
        mention = Mention(expr, interval, clause_tense, sentence, line,
                          verb.i if verb is not None else None, verb_class(verb), negated(verb),
                          {**arguments, **through_pronoun}, reference, verb_lemma(verb), frozenset(through_pronoun))
        mentions.append(mention)
        if expr.kind in EXPLICIT_KINDS and interval is not None and expr.kind != "decade":
            last_explicit = mention
    datings = _noun_datings(mentions, tokens, starts)
    return Timeline(reference, mentions, datings, tokens, doc.text)


def _anchor(expr: TimeExpression, last: Mention | None, sentence: int, verb=None) -> Interval | None:
    """The narrative date an expression hangs on: the last date written out, if it is close enough."""
    if last is None or last.interval is None:
        return None
    if expr.anaphoric and sentence - last.sentence <= 2:
        return last.interval
    if expr.kind in ("date", "month", "week_of_month") and expr.year is None and last.sentence == sentence:
        if last.expr.kind == "year" and _year_scopes_over(last, verb):
            return last.interval
    return None


def _year_scopes_over(year: Mention, verb) -> bool:
    """Whether a year earlier in the sentence dates the clause of ``verb``: it hangs on that verb or on one above
    it ("In 1958 she joined the union and on May 1 led a strike"), not on a clause of its own beside or below
    it ("Muir, who led a strike in 1958, died on April 15")."""
    if year.verb_index is None or verb is None:
        return True
    return year.verb_index == verb.i or any(a.i == year.verb_index for a in verb.ancestors)


def span_tokens(timeline: Timeline, starts: list[int], mention: Mention) -> list:
    first = bisect.bisect_left(starts, mention.start)
    last = bisect.bisect_left(starts, mention.end)
    return [tok for _, tok in timeline.tokens[first:last]]


def _noun_datings(mentions: list[Mention], tokens, starts: list[int]) -> list[NounDating]:
    out: list[NounDating] = []
    for mention in mentions:
        if mention.interval is None:
            continue
        first = bisect.bisect_left(starts, mention.start)
        last = bisect.bisect_left(starts, mention.end)
        span = [tok for _, tok in tokens[first:last]]
        if not span:
            continue
        inside = {t.i for t in span}
        # "the 2020 protests", "last year's election": the expression modifies a noun just after it
        for tok in span:
            head = tok.head
            if head.i not in inside and head.i > tok.i and head.pos_ == "NOUN" and \
                    tok.dep_ in ("nummod", "compound", "poss", "npadvmod", "amod", "nmod"):
                if head.i - span[-1].i <= 3:
                    out.append(NounDating(head.lemma_.lower(), head.text, "at", mention, head.i, head))
                break
        out.extend(_event_noun_datings(mention, span))
        # "after a three-week trial" on a dated verb: the trial ended by then
        if mention.verb_index is not None and mention.rank <= 1 and not _span_preposition(span[0]):
            verb = span[0].doc[mention.verb_index]
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("after", "during", "following"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                            relation = "at" if child.lower_ == "during" else "before"
                            out.append(NounDating(pobj.lemma_.lower(), pobj.text, relation, mention, pobj.i, pobj))
    return out


#: nouns of events over in a day or so, which a date on their clause dates ("floods killed 21 people in 2021")
EVENT_NOUNS = {"flood", "flooding", "earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "tornado",
               "wildfire", "landslide", "mudslide", "avalanche", "eruption", "tsunami", "attack", "bombing",
               "shooting", "explosion", "blast", "crash", "collision", "derailment", "coup", "massacre",
               "election", "referendum", "diagnosis", "declaration", "announcement", "resignation", "peak",
               "inauguration", "fire", "blaze", "bushfire"}
#: names of one kind of event that an article uses for one another ("wildfires on Evia", "the fires")
EVENT_SYNONYMS = {"wildfire": "fire", "bushfire": "fire", "blaze": "fire", "quake": "earthquake",
                  "flooding": "flood"}
#: verbs whose dating dates their event noun ("he was diagnosed in 2021" dates "his diagnosis", "the state
#: declared a drought in March 2024" dates "the drought declaration"): one-off acts, over on the day
VERB_NOUNS = {"diagnose": "diagnosis", "declare": "declaration", "announce": "announcement",
              "resign": "resignation", "peak": "peak", "inaugurate": "inauguration"}
#: verbs of a state that lasts, whose "since" date is its start ("residents have blocked the road since
#: Oct. 21" dates the start of "the blockade")
STATE_NOUNS = {"block": "blockade", "blockade": "blockade", "protest": "protest", "occupy": "occupation",
               "besiege": "siege", "boycott": "boycott"}
#: verbs by which an event noun strikes ("floods hit the district in 2021")
_IMPACT_VERBS = {"hit", "strike", "kill", "destroy", "sweep", "devastate", "ravage", "batter", "flood", "damage",
                 "injure", "wreck", "cut", "leave", "claim", "displace", "happen", "occur", "erupt"}


def _event_noun_datings(mention: Mention, span: list) -> list[NounDating]:
    """Event nouns a mention dates: "the floods last year" (the noun just before it), "in August 2021, when
    floods killed 21 people" (the subject of its clause or of a when-clause on it), "he was diagnosed in 2021"
    (the verb's noun, dating "his diagnosis")."""
    out: list[NounDating] = []
    first = span[0]
    doc = first.doc
    before = doc[first.i - 1] if first.i > first.sent.start else None
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in EVENT_NOUNS and definite(before):
        out.append(NounDating(before.lemma_.lower(), before.text, "at", mention, before.i, before))
    clauses = []
    if mention.verb_index is not None and doc[mention.verb_index].lemma_.lower() in _IMPACT_VERBS:
        clauses.append(doc[mention.verb_index])
    for tok in span:
        clauses.extend(c for c in tok.children if c.dep_ in ("relcl", "advcl") and c.i > span[-1].i
                       and any(w.lower_ == "when" and w.dep_ == "advmod" for w in c.children))
    for verb in clauses:
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                subject = verb.head  # "the fires that ravaged Evia two years ago": the fires
            for noun in (subject, *(c for c in subject.children if c.dep_ == "conj")):
                # a subject is a noun whatever its tag ("wildfires" tagged as a verb)
                if (noun.pos_ == "NOUN" or noun.dep_ in ("nsubj", "nsubjpass")) and noun.lemma_.lower() in EVENT_NOUNS:
                    out.append(NounDating(noun.lemma_.lower(), noun.text, "at", mention, noun.i, noun))
    if mention.verb_index is not None and mention.rank == 0:
        verb = doc[mention.verb_index]
        nominal = VERB_NOUNS.get(verb.lemma_.lower())
        if nominal and not _span_preposition(first):
            out.append(NounDating(nominal, verb.text, "at", mention, verb.i, verb))
        state = STATE_NOUNS.get(verb.lemma_.lower())
        if state and first.i > 0 and doc[first.i - 1].lower_ == "since":
            out.append(NounDating(state, verb.text, "since", mention, verb.i, verb))
    return out


_SPAN_WORDS = {"since", "until", "till", "by", "before", "after", "from", "through", "between", "to", "and", "or"}


def _span_preposition(first) -> bool:
    """Whether the expression follows a word that makes it a bound, not the time of the event ("since 2008")."""
    return first.i > 0 and first.doc[first.i - 1].lower_ in _SPAN_WORDS
