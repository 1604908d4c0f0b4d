"""Timeframe rules (NL4xx): relative dates, weekdays, ages and tenses that contradict the dates around them."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable

from newslint import hookimpl
from newslint.document import Document
from newslint.engine import RuleSkipped
from newslint.rule import Fix, Rule, Severity, Violation
from newslint.time.ages import age_conflicts, analyse_people
from newslint.time.anniversaries import anniversary_conflicts
from newslint.time.calendar import WEEKDAY_NAMES, Interval, is_valid_date
from newslint.time.events import RELATIVE_KINDS, event_conflicts, timeline_token, tolerant, weekday_links
from newslint.time.expressions import iter_weekday_dates
from newslint.time.facts import all_facts
from newslint.time.person_links import person_conflicts
from newslint.time.resolve import FUTURE, PAST, Context, numeric_readings, resolve
from newslint.time.timeline import EXPLICIT_KINDS, expressions, timeline

NO_DATE = "no publication date: pass --date or add date: to the front matter"


def _reference(doc: Document) -> dt.date:
    if doc.date is None:
        raise RuleSkipped(NO_DATE)
    return doc.date


def _sentence_index(doc: Document):
    sentences = doc.shared("time.sentence_starts", lambda d: [s.start for s in d.nlp.sentences()])
    return lambda offset: max(bisect.bisect_right(sentences, offset) - 1, 0)


@dataclass(frozen=True)
class FactOptions:
    #: known dated events: tables with `event`, `dates` and optional `aliases`
    facts: tuple[Any, ...] = ()
    #: a TOML (`[[facts]]`) or JSON file of more facts
    facts_file: str = ""


class RelativeDateContradiction(Rule):
    """Flags a relative date that contradicts another dating of the same event.

    ## What it does
    Resolves relative expressions ("last year", "yesterday", "two years
    ago", "next month") against the publication date and compares them with
    the article's other datings of the same event: the same kind of action
    on the same thing ("the plant opened in 2019"), the same once-only
    action on the same person ("Moser was convicted in 2020", "his 2020
    conviction", or a sentencing told as done against "will be sentenced
    next month"), a dated event noun ("the 2020 protests", "after a
    two-week trial") or a known event from the `facts` config; and an
    anniversary ("its centenary next year") against the founding year.

    ## Why is this bad?
    A relative date goes stale or is simply miscounted; a reader who knows
    the plant opened in 2019 stops trusting a story that says it opened
    "two years ago".

    ## Example
    ```markdown
    The ferry terminal opened in 2019 after a decade of delays.

    Traders said the terminal, which opened two years ago, is already too small.
    ```

    ## Use instead
    ```markdown
    The ferry terminal opened in 2019 after a decade of delays.

    Traders said the terminal, which opened six years ago, is already too small.
    ```

    ## Options
    - `facts` (top-level config): known events, e.g.
      `[[facts]] event = "general election", dates = ["2024-07-04"], aliases = ["election"]`.
    - `facts-file`: a TOML or JSON file with more facts.
    """

    id = "NL401"
    name = "relative-date-contradiction"
    category = "time"
    severity = Severity.ERROR
    Options = FactOptions
    example_date = "2025-06-10"

    def check(self, doc: Document) -> Iterable[Violation]:
        reference = _reference(doc)
        facts = all_facts(self.options.facts, self.options.facts_file)
        tl = timeline(doc, reference)
        flagged: set[int] = set()
        for conflict in event_conflicts(tl, person_conflicts(doc, tl)):
            mention = conflict.mention
            flagged.add(mention.start)
            if conflict.source == "apposition":
                yield self.violation(
                    mention.start, mention.end,
                    f'"{mention.text}" means {mention.interval.label()} here (published {reference.isoformat()}), '
                    f'but the date written beside it is "{conflict.other_text}"'
                    + (f" ({conflict.other_label})" if conflict.other_label != conflict.other_text else ""))
                continue
            if conflict.source in ("event", "person", "done"):
                what = f"the same event ({conflict.event}) is"
            else:
                word = conflict.event.lower()
                plural = word.endswith("s") and not word.endswith(("ss", "is", "us"))
                what = f"the {conflict.event} {'are' if plural else 'is'}"
            dated = "told as already done" if conflict.source == "done" else f"dated {conflict.other_label}"
            yield self.violation(
                mention.start, mention.end,
                f'"{mention.text}" means {mention.interval.label()} here (published {reference.isoformat()}), '
                f"but {what} {dated} in line {conflict.other_line}")
        for found in anniversary_conflicts(tl):
            mention = found.mention
            if mention.start in flagged:
                continue
            flagged.add(mention.start)
            yield self.violation(
                mention.start, mention.end,
                f'"{mention.text}" means {mention.interval.label()} here (published {reference.isoformat()}), '
                f"so a {_ordinal(found.count)} anniversary then dates the start to {found.implied}, but the "
                f"article dates it {found.founding.text} in line {found.founding.line}")
        if facts:
            yield from self._facts(doc, tl, facts, flagged, reference)

    def _facts(self, doc, tl, facts, flagged, reference) -> Iterable[Violation]:
        for mention in tl.mentions:
            if mention.start in flagged or mention.expr.kind not in RELATIVE_KINDS or mention.interval is None:
                continue
            window = doc.text[max(0, mention.start - 80):mention.end + 80]
            near = mention.start - max(0, mention.start - 80)
            for fact in facts:
                hits = [m for m in fact.pattern().finditer(window)
                        if abs(m.start() - near) <= 70 and _same_sentence(window, m.start(), near)]
                if not hits:
                    continue
                mine = tolerant(mention)
                if any(mine.start <= d <= mine.end for d in fact.dates):
                    break
                dates = " or ".join(d.isoformat() for d in fact.dates)
                yield self.violation(
                    mention.start, mention.end,
                    f'"{mention.text}" means {mention.interval.label()} here (published {reference.isoformat()}), '
                    f"but the {fact.event} is dated {dates} (facts)")
                break


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _same_sentence(window: str, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return not re.search(r"[.!?]\s+[A-Z“\"]|\n\n", window[low:high])


class WeekdayDateMismatch(Rule):
    """Flags a weekday that does not match the date it is written with.

    ## What it does
    Checks dates written with their weekday in any common format
    ("Tuesday, March 3, 2026", "Tue, 3 March 2026", "Tuesday, 2026-03-03",
    "Friday, Oct. 12", whose year is read from the publication date or
    from a year earlier in its clause, whichever the weekday fits), and a
    bare weekday ("on Monday") when the article dates the same event
    elsewhere to a day that is another weekday. A numeric date that reads
    two ways (04/05/2026) is left alone.

    ## Why is this bad?
    One of the two is wrong, and readers planning around the date cannot
    tell which.

    ## Example
    ```markdown
    The hearing is set for Monday, March 3, 2026.
    ```

    ## Use instead
    ```markdown
    The hearing is set for Tuesday, March 3, 2026.
    ```
    """

    id = "NL402"
    name = "weekday-date-mismatch"
    category = "time"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Violation]:
        for expr in iter_weekday_dates(expressions(doc)):
            published = _written_date(expr, doc.date)
            date = _timeline_reading(doc, expr) or published
            if date is None or date.weekday() == expr.weekday:
                continue
            start, end = expr.weekday_span
            real = WEEKDAY_NAMES[date.weekday()]
            source = "the publication date" if date == published else "the year the sentence is set in"
            guessed = "" if expr.year is not None or expr.kind == "numeric" else \
                f" (reading the year as {date.year} from {source})"
            replacement = real[:end - start] if end - start < len(real) and doc.text[start:end].rstrip(".") != \
                doc.text[start:end] else real if end - start >= len(real) else real[:end - start]
            yield self.violation(
                expr.start, expr.end,
                f"{_date_words(date)} is a {real}, not a {WEEKDAY_NAMES[expr.weekday]}{guessed}",
                suggestions=[real], fix=Fix(start, end, replacement) if len(doc.text[start:end]) > 3 else None)
        if doc.date is None:
            return
        tl = timeline(doc, doc.date)
        for weekday, other, noun in weekday_links(tl):
            real = WEEKDAY_NAMES[other.interval.start.weekday()]
            yield self.violation(
                weekday.start, weekday.end,
                f'"{weekday.text}" does not fit the same event ({noun}) dated {other.text} in line {other.line}, '
                f"a {real}", suggestions=[real])


def _written_date(expr, reference: dt.date | None) -> dt.date | None:
    if expr.kind == "numeric":
        readings = numeric_readings(expr)
        if len(readings) != 1:
            return None
        day, month = readings[0]
        return dt.date(expr.year, month, day)
    if expr.year is not None:
        return dt.date(expr.year, expr.month, expr.day) if is_valid_date(expr.year, expr.month, expr.day) else None
    if reference is None:
        return None
    interval = resolve(expr, Context(reference))
    return interval.start if interval is not None else None


def _timeline_reading(doc: Document, expr) -> dt.date | None:
    """The day the timeline reads a date without a year as: in the year its sentence is set in ("In 1958 ... on
    Tuesday, April 15") or near the publication date, whichever its weekday fits."""
    if expr.year is not None or expr.kind != "date" or doc.date is None:
        return None
    mention = next((m for m in timeline(doc, doc.date).mentions if m.start == expr.start), None)
    return mention.interval.start if mention is not None and mention.interval is not None else None


def _date_words(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


class AgeContradiction(Rule):
    """Flags an age that contradicts the person's birth date.

    ## What it does
    Ties ages ("Smith, 45,", "He was 88.", "died at 84", "turns 30 on
    Saturday") to the person's birth date or year and to the day the age
    holds (the death date, the publication date, or a date in the same
    sentence). A birth year alone allows two ages.

    ## Why is this bad?
    An obituary that gets the age wrong is corrected the next day, and the
    family notices first.

    ## Example
    ```markdown
    Ruth Okonkwo, who taught chemistry for 40 years, died on Friday. She was 79.

    Okonkwo was born on June 2, 1940, in Enugu.
    ```

    ## Use instead
    ```markdown
    Ruth Okonkwo, who taught chemistry for 40 years, died on Friday. She was 84.

    Okonkwo was born on June 2, 1940, in Enugu.
    ```
    """

    id = "NL403"
    name = "age-contradiction"
    category = "time"
    severity = Severity.ERROR
    example_date = "2024-11-20"

    def check(self, doc: Document) -> Iterable[Violation]:
        reference = _reference(doc)
        tl = timeline(doc, reference)
        births, ages = analyse_people(tl, _sentence_index(doc))
        for statement, birth, low, high in age_conflicts(births, ages):
            allowed = str(low) if low == high else f"{low} or {high}" if high == low + 1 else f"{low} to {high}"
            yield self.violation(
                statement.start, statement.end,
                f"age {statement.age} does not fit the birth date {birth.text!r} in line {birth.line}: "
                f"on {statement.when.label()} the person was {allowed}", suggestions=[str(low)] if low == high else [])


class ImpossibleDate(Rule):
    """Flags a date that does not exist.

    ## What it does
    Finds days that are not on the calendar: February 30, April 31,
    29 February in a year that is not a leap year, 2025-13-01.

    ## Why is this bad?
    The day was mistyped; the right one has to be checked with the source.

    ## Example
    ```markdown
    The bridge will close on April 31 for repairs.
    ```

    ## Use instead
    ```markdown
    The bridge will close on April 30 for repairs.
    ```
    """

    id = "NL404"
    name = "impossible-date"
    category = "time"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Violation]:
        for expr in expressions(doc):
            if expr.kind == "date" and expr.month is not None and expr.day is not None:
                if not is_valid_date(expr.year, expr.month, expr.day):
                    yield self.violation(expr.start, expr.end, _impossible(expr.year, expr.month, expr.day))
            elif expr.kind == "numeric" and not numeric_readings(expr):
                yield self.violation(expr.start, expr.end, f"{expr.text!r} is not a date in day/month or month/day order")


def _impossible(year: int | None, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    name = dt.date(2000, month, 1).strftime("%B")
    if month == 2 and day == 29 and year is not None:
        return f"{year} is not a leap year: February has 28 days"
    limit = 29 if month == 2 else (dt.date(2000, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return f"{name} has {limit} days; there is no {name} {day}"


#: verbs whose past tense normally carries a future date ("set sentencing for Aug. 24")
_SCHEDULING = {"schedule", "set", "plan", "expect", "slate", "postpone", "delay", "move", "push", "reschedule",
               "announce", "book", "fix", "call", "agree", "promise", "pledge", "vow", "say", "tell", "predict",
               "forecast", "warn", "decide", "due", "extend", "defer", "adjourn",
               "target", "aim", "project", "estimate", "reserve"}
_SPAN_PREPS = {"for", "until", "till", "through", "by", "from", "to", "before", "into", "beyond", "within",
               "between", "ahead", "throughout"}


class TenseDateConflict(Rule):
    """Flags a verb tense that contradicts the date it is tied to.

    ## What it does
    Compares the tense of a clause with its date read against the
    publication date: future tense for a date already past ("will vote on
    March 3" in an article of March 10), past tense for a date still to
    come ("the company opened the plant on June 4, 2026" in 2025).
    Scheduling verbs ("set the hearing for ...") and spans ("until June")
    are left alone.

    ## Why is this bad?
    Either the date or the tense is stale, often after a story was updated
    around an event that has since happened.

    ## Example
    ```markdown
    The council will vote on the budget on March 3.
    ```

    ## Use instead
    ```markdown
    The council voted on the budget on March 3.
    ```
    """

    id = "NL405"
    name = "tense-date-conflict"
    category = "time"
    severity = Severity.WARNING
    example_date = "2025-03-10"

    def check(self, doc: Document) -> Iterable[Violation]:
        reference = _reference(doc)
        tl = timeline(doc, reference)
        today = Interval.day(reference)
        for mention in tl.mentions:
            if mention.interval is None or mention.tense not in (PAST, FUTURE) or mention.negated:
                continue
            if mention.expr.kind in ("weekday", "in_units", "anaphoric", "later", "decade", "numeric"):
                continue
            if not _directly_on_verb(tl, mention):
                continue
            if mention.tense == FUTURE and mention.interval.end < today.start:
                yield self.violation(
                    mention.start, mention.end,
                    f'future tense for "{mention.text}", which is {mention.interval.label()}, before the '
                    f"publication date {reference.isoformat()}")
            elif mention.tense == PAST and mention.interval.start > today.end and \
                    not (mention.expr.kind in EXPLICIT_KINDS and mention.expr.year is None) and \
                    not _reduced_relative(tl, mention) and mention.verb_lemma != "be":
                yield self.violation(
                    mention.start, mention.end,
                    f'past tense for "{mention.text}", which is {mention.interval.label()}, after the '
                    f"publication date {reference.isoformat()}")


def _reduced_relative(tl, mention) -> bool:
    """"A family evicted this winter will not be living ...": the parser took the participle for the main verb;
    a later verb of the sentence with a modal and no subject of its own shows the sentence's real verb."""
    if mention.verb_index is None:
        return False
    first = timeline_token(tl, mention)
    if first is None:
        return False
    verb = first.doc[mention.verb_index]
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    for token in verb.sent:
        if token.i > verb.i and token.pos_ in ("VERB", "AUX") and token.dep_ != "aux" and \
                any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children) and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
            return True
    return False


def _directly_on_verb(tl, mention) -> bool:
    """The date hangs on the clause's verb itself (or through one preposition), and the verb is not scheduling."""
    tokens = [tok for off, tok in tl.tokens if mention.start <= off < mention.end]
    if not tokens or mention.verb_index is None:
        return False
    verb = tokens[0].doc[mention.verb_index]
    if verb.lemma_.lower() in _SCHEDULING:
        return False
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside), tokens[-1])
    if root.head.i == verb.i:
        return True
    prep = root.head
    return prep.dep_ == "prep" and prep.head.i == verb.i and prep.lower_ not in _SPAN_PREPS


@hookimpl
def newslint_rules():
    return [RelativeDateContradiction, WeekdayDateMismatch, AgeContradiction, ImpossibleDate, TenseDateConflict]
