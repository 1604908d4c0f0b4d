"""Link datings of one event across an article and find the ones that cannot both be true."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator, Mapping

from newslint.time.calendar import Interval
from newslint.time.grammar import definite, synonymous_verbs
from newslint.time.resolve import FUTURE
from newslint.time.timeline import EXPLICIT_KINDS, Mention, NounDating, Timeline

#: deictic kinds that NL401 judges (weekdays are judged by NL402)
RELATIVE_KINDS = {"deictic_day", "relative_unit", "shifted", "ago", "relative_weekday", "in_units"}
#: clause links that move the story on in time, so nothing above them dates what is below
_SEQUENCE_DEPS = {"conj", "advcl", "parataxis"}


@dataclass(frozen=True)
class Conflict:
    """A mention whose dating cannot be true given another dating of the same event."""

    mention: Mention
    other_line: int
    other_label: str
    other_text: str
    event: str
    #: "event", "noun", "context", "person", "done" (told as past, no date), "facts" or "apposition" (a date
    #: written beside it: "on April 14, five weeks ago")
    source: str


#: counts too loose to be read as a number of years ("a few years ago")
_VAGUE = re.compile(r"\b(?:few|couple|several)\b", re.I)


def _years_before(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year - years)
    except ValueError:  # 29 February
        return date.replace(year=date.year - years, day=28)


def is_relative(mention: Mention) -> bool:
    """A dating read against the publication date that NL401 judges: "last year", "two weeks ago", and a month
    named with "last" ("since inflation peaked last August")."""
    expr = mention.expr
    return expr.kind in RELATIVE_KINDS or (expr.kind == "month" and expr.fields.get("prep") == "last")


def tolerant(mention: Mention) -> Interval:
    """The mention's interval, widened by the looseness of its wording ("two years ago" is about 2022)."""
    interval = mention.interval
    if mention.expr.kind == "ago":
        unit, n = mention.expr.fields["unit"], mention.expr.fields["n"]
        if unit == "year" and n >= 2 and not _VAGUE.search(mention.text):
            # "two years ago" is a count back from the publication date, give or take a year either way
            ref = mention.reference
            if ref is not None:
                earliest, latest = _years_before(ref, n + 1), _years_before(ref, n - 1)
                return Interval(min(earliest, interval.start), max(latest, interval.end), interval.grain)
        if unit in ("year", "decade") and n >= 2:
            return interval.widen(366)
        if unit == "month" and n >= 2:
            return interval.widen(31)
        if unit == "week" and not _VAGUE.search(mention.text):
            # "a week ago" is said of anything from a few days to about ten days back, not of a fortnight
            return interval.widen(3)
    return interval


def shared_definite_noun(mention: Mention, other: Mention) -> str | None:
    """A noun both clauses share, written on ``mention``'s side as one known thing, not told apart by modifiers
    ("the regional title" and "the national title" are two titles)."""
    found = _shared_lemma(mention, other)
    return mention.arguments[found].text if found else None


def _shared_lemma(mention: Mention, other: Mention) -> str | None:
    """The lemma of the noun ``shared_definite_noun`` finds; none when any noun both clauses share is told apart
    by modifiers ("the northern district declared a drought" and "the southern district declared its drought")."""
    if _new_thing(mention):
        return None
    found = None
    for lemma, token in mention.arguments.items():
        if lemma not in other.arguments or token.pos_ != "NOUN":
            continue
        mine, theirs = _modifiers(token), _modifiers(other.arguments[lemma])
        if mine and theirs and not mine & theirs:
            return None
        if found is None and (lemma in mention.resolved or definite(_phrase_head(token))):
            found = lemma  # named through a pronoun, or definite: the thing already told of
    return found


def _new_thing(mention: Mention) -> bool:
    """Whether the clause's object is indefinite ("the province declared a drought last year"): it tells of
    a new event, whatever else it shares with another clause."""
    if mention.verb_index is None or not mention.arguments:
        return False
    verb = next(iter(mention.arguments.values())).doc[mention.verb_index]
    return any(child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN"
               and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in child.children)
               for child in verb.children)


#: words that make a clause tell of one of several such events ("declared again", "a second drought")
REPEAT_WORDS = {"again", "another", "second", "third", "fourth", "fifth", "new", "latest", "fresh", "renewed",
                "separate", "other", "repeatedly", "twice", "recurring"}


def repeated(mention: Mention, lemma: str) -> bool:
    """Whether the clause marks its event as one of several: a repeat word on its verb or on the shared noun
    (not on a pronoun's antecedent, which belongs to another clause)."""
    noun = mention.arguments[lemma]
    heads = [] if lemma in mention.resolved else [noun]
    if mention.verb_index is not None:
        heads.append(noun.doc[mention.verb_index])
    return any(child.lower_ in REPEAT_WORDS for head in heads for child in head.children)


#: a definite noun refers back this many paragraphs without further proof that nothing else is meant
NEAR_BLOCKS = 1


def _modifiers(noun) -> set[str]:
    """The words that say which one a noun is: adjectives, compounds, numbers, "in X"."""
    out = set()
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nummod", "nmod"):
            out.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ in ("in", "at", "of"):
            out.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return out


#: verbs whose clause dates the event a noun names ("the trial opens", "the protests broke out")
_EVENT_VERBS = {"start", "finish", "hold", "happen", "occur", "take", "erupt", "break", "stage", "begin", "end",
                "resume", "close", "conclude"}


def _dated_nouns(mention: Mention, timeline: Timeline) -> list:
    """The nouns whose own event ``mention`` dates: "last year's election", "the trial opens next month"."""
    own = [d.token for d in timeline.noun_datings if d.mention is mention and d.token is not None]
    if mention.verb_class in _EVENT_VERBS:
        own.extend(mention.arguments.values())
    return own


def _phrase_head(token):
    """The head noun of the phrase a compound or possessor belongs to ("Icheon" -> "line")."""
    while token.dep_ in ("compound", "poss") and token.head is not token and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def same_event(a: Mention, b: Mention) -> str | None:
    """The shared noun when two dated clauses tell of one event: same kind of verb, a shared definite noun."""
    if a is b or a.verb_class is None or a.negated or b.negated:
        return None
    if a.verb_class != b.verb_class and not synonymous_verbs(a.verb_lemma, b.verb_lemma):
        return None
    if a.sentence == b.sentence and a.verb_index == b.verb_index:
        return None
    return shared_definite_noun(a, b)


def event_conflicts(timeline: Timeline, by_person: Mapping[int, Conflict] | None = None) -> Iterator[Conflict]:
    """Relative expressions whose dating contradicts the article's other dating of the same event;
    ``by_person`` adds the links through a person (``person_links.person_conflicts``), by mention start."""
    for mention in timeline.mentions:
        if not is_relative(mention) or mention.interval is None or mention.negated:
            continue
        conflict = (_by_apposition(mention, timeline) or _by_event(mention, timeline) or _by_noun(mention, timeline)
                    or _by_context(mention, timeline) or (by_person or {}).get(mention.start))
        if conflict is not None:
            yield conflict


#: what stands between two datings of one moment set side by side: "on April 14, five weeks ago",
#: "a year ago, in March 2023", "last month (on Oct. 6)"
_APPOSITION_RE = re.compile(r"^\s*(?:,|\(|—|–)\s*(?:(?:in|on|at|since)\s+)?$")


def _by_apposition(mention: Mention, timeline: Timeline) -> Conflict | None:
    """A relative dating and a written-out date side by side, one restating the other: they must agree."""
    mine = tolerant(mention)
    for other in timeline.mentions:
        if other is mention or other.interval is None or other.expr.kind not in EXPLICIT_KINDS or \
                other.sentence != mention.sentence:
            continue
        first, second = sorted((mention, other), key=lambda m: m.start)
        if not _APPOSITION_RE.match(timeline.text[first.end:second.start]) or mine.overlaps(other.interval):
            continue
        return Conflict(mention, other.line, other.interval.label(), other.text, "", "apposition")
    return None


def _by_event(mention: Mention, timeline: Timeline) -> Conflict | None:
    """A dated clause of the same event. The definite noun ("since the drought was declared last year") refers
    to the event last dated with that noun: no clause of the same kind dating the noun otherwise may stand
    between the two.
    Within the same or the next paragraph the other dating may come either side; farther apart, only before."""
    mine = tolerant(mention)
    for other in timeline.mentions:
        if other.interval is None or other.rank >= mention.rank or other.expr.kind == "decade":
            continue
        if not same_event(mention, other) or mine.overlaps(other.interval):
            continue
        lemma = _shared_lemma(mention, other)
        if lemma is None or repeated(mention, lemma) or repeated(other, lemma):
            continue
        if not _within_reach(timeline, other, mention):
            continue
        if _dated_between(timeline, lemma, other, mention):
            continue
        return Conflict(mention, other.line, other.interval.label(), other.text, mention.arguments[lemma].text,
                        "event")
    return None


def _within_reach(timeline: Timeline, other: Mention, mention: Mention) -> bool:
    """An antecedent comes before the mention, or within a paragraph of it on either side: a dating many
    paragraphs later ("the 2016 fire in Fort McMurray", after "last year's wildfire") tells of another one."""
    far = abs(timeline.block_of(mention.start) - timeline.block_of(other.start)) > NEAR_BLOCKS
    return not (far and other.start > mention.start)


def _dated_between(timeline: Timeline, lemma: str, other: Mention, mention: Mention) -> bool:
    """Whether another dating of the same kind of event on the noun, not fitting ``other``'s, lies between the
    two mentions: then the definite noun may mean that event ("a second drought was declared in May 2025").
    A different event on the noun ("she joined the choir in 1976") leaves the antecedent alone."""
    low, high = sorted((other.start, mention.start))
    for between in timeline.mentions:
        if between is other or between is mention or not low < between.start < high or between.interval is None:
            continue
        if lemma in between.arguments and not between.interval.overlaps(other.interval) and \
                (between.verb_class == mention.verb_class or synonymous_verbs(between.verb_lemma, mention.verb_lemma)):
            return True
    return any(low < d.mention.start < high and d.mention is not other and d.mention.interval is not None
               and d.relation == "at" and not d.mention.interval.overlaps(other.interval)
               for d in timeline.datings_of(lemma))


def _by_noun(mention: Mention, timeline: Timeline) -> Conflict | None:
    mine = tolerant(mention)
    for token in _dated_nouns(mention, timeline):
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or not definite(_phrase_head(token)):
            continue
        datings = [d for d in timeline.datings_of(lemma) if d.mention is not mention and d.mention.interval
                   and _same_holder(token, d.token) and (d.relation != "since" or _tells_a_start(mention))
                   and _within_reach(timeline, d.mention, mention)]
        if datings and all(_disjoint(mine, d) for d in datings):
            first = datings[0]
            return Conflict(mention, first.mention.line, _dating_label(first), first.mention.text, token.text, "noun")
    return None


def _by_context(mention: Mention, timeline: Timeline) -> Conflict | None:
    """A past relative dating deep inside the account of an event the article dates earlier."""
    if mention.tense == FUTURE or mention.verb_index is None or mention.expr.kind == "in_units":
        return None
    first = timeline_token(timeline, mention)
    if first is None:
        return None
    node = first.doc[mention.verb_index]
    clauses_between = 0
    mine = tolerant(mention)
    for _ in range(16):
        if node.dep_ in _SEQUENCE_DEPS or node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            clauses_between += 1
            continue
        if node.pos_ != "NOUN" or clauses_between < 2:
            continue
        datings = [d for d in timeline.datings_of(node.lemma_.lower())
                   if d.mention is not mention and d.mention.interval and d.relation == "at"]
        if datings and all(d.mention.interval.end < mine.start for d in datings):
            outside = [d for d in datings if d.mention.sentence != mention.sentence] or datings
            pick = outside[0]
            return Conflict(mention, pick.mention.line, _dating_label(pick), pick.mention.text, node.text, "context")
    return None


def timeline_token(timeline: Timeline, mention: Mention):
    for offset, token in timeline.tokens:
        if offset >= mention.start:
            return token
    return None


def _same_holder(noun, dated) -> bool:
    """Whether an event noun can be the event of a dated verb. A possessed one ("his diagnosis", "Mr.
    Bramley was diagnosed"): the verb's subject is the possessor, or is named in the noun's sentence. One
    told apart by a modifier ("the drought declaration", "the inflation peak"): the verb's clause holds
    that word ("declared much of the Riverina in drought", "inflation peaked")."""
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    if dated is None or dated.pos_ not in ("VERB", "AUX"):
        return True
    if not possessors:
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        return not modifiers or bool(modifiers & {t.lemma_.lower() for t in dated.subtree})
    subjects = [c for c in dated.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"]
    if not subjects:
        return False
    name = subjects[0].text.lower()
    owner = possessors[0]
    if owner.pos_ == "PROPN":
        return owner.text.lower().removesuffix("'s").removesuffix("’s") == name
    return any(t.pos_ == "PROPN" and t.lower_ == name for t in noun.sent)


def _tells_a_start(mention: Mention) -> bool:
    """"the blockade began a week ago": the clause dates when its event started."""
    return mention.verb_lemma in ("begin", "start")


def _disjoint(interval: Interval, dating: NounDating) -> bool:
    other = dating.mention.interval
    if dating.relation == "before":
        return interval.start > other.end
    return not interval.overlaps(other)


def _dating_label(dating: NounDating) -> str:
    label = dating.mention.interval.label()
    return f"before {label}" if dating.relation == "before" else label


def weekday_links(timeline: Timeline) -> Iterator[tuple[Mention, Mention, str]]:
    """(bare weekday, written-out date, event) pairs that date one event on different days of the week."""
    for weekday in timeline.mentions:
        if weekday.expr.kind != "weekday" or weekday.interval is None:
            continue
        for other in timeline.mentions:
            if other.expr.kind != "date" or other.interval is None or other.interval.grain != "day":
                continue
            noun = same_event(weekday, other)
            if noun and other.interval.start.weekday() != weekday.expr.weekday \
                    and abs((other.interval.start - weekday.interval.start).days) <= 7:
                yield weekday, other, noun
                break

