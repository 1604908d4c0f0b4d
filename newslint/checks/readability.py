"""Readability rules (NL5xx): reading grade, long sentences, long paragraphs; measured with textstat."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from newslint import hookimpl
from newslint.rule import Rule, Severity, Violation

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

#: blocks whose sentences are read as running prose (titles, headings and table cells are not)
PROSE_KINDS = frozenset({"paragraph", "list-item", "blockquote"})
#: average silent reading speed of adults for non-fiction (Brysbaert 2019), words per minute
READING_WPM = 238
_WORD_RE = re.compile(r"\S+")


def is_word(token: str) -> bool:
    """A whitespace-separated token counts as a word when it holds a letter or a digit."""
    return any(ch.isalnum() for ch in token)


def word_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every word in ``text``, shifted by ``offset``."""
    return [(offset + m.start(), offset + m.end()) for m in _WORD_RE.finditer(text) if is_word(m.group())]


@dataclass(frozen=True)
class SentenceStats:
    """Counts for one sentence of prose; offsets index ``Document.text``."""

    start: int
    end: int
    block: int
    words: int
    syllables: int
    polysyllables: int
    letters: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade of this sentence read on its own."""
        return flesch_kincaid(self.words, 1, self.syllables)


def flesch_kincaid(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


@dataclass(frozen=True)
class Profile:
    """Readability of a document's prose: its sentences and the standard scores computed from their counts.

    Sentences come from newslint's shared sentence segmentation (which knows
    "Mr.", "U.S." and "a.m."); textstat counts the syllables and letters.
    """

    sentences: tuple[SentenceStats, ...]
    paragraphs: int

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def syllables(self) -> int:
        return sum(s.syllables for s in self.sentences)

    @property
    def polysyllables(self) -> int:
        return sum(s.polysyllables for s in self.sentences)

    @property
    def letters(self) -> int:
        return sum(s.letters for s in self.sentences)

    def _ratios(self) -> tuple[float, float] | None:
        words, count = self.words, len(self.sentences)
        if not words or not count:
            return None
        return words / count, self.syllables / words

    def flesch_kincaid_grade(self) -> float:
        return flesch_kincaid(self.words, len(self.sentences), self.syllables)

    def flesch_reading_ease(self) -> float:
        ratios = self._ratios()
        return 206.835 - 1.015 * ratios[0] - 84.6 * ratios[1] if ratios else 0.0

    def gunning_fog(self) -> float:
        ratios = self._ratios()
        return 0.4 * (ratios[0] + 100 * self.polysyllables / self.words) if ratios else 0.0

    def smog_index(self) -> float:
        """SMOG grade; defined for 3 sentences or more (0 below)."""
        count = len(self.sentences)
        return 1.043 * math.sqrt(self.polysyllables * 30 / count) + 3.1291 if count >= 3 else 0.0

    def coleman_liau_index(self) -> float:
        if not self.words:
            return 0.0
        return 0.0588 * self.letters * 100 / self.words - 0.296 * len(self.sentences) * 100 / self.words - 15.8

    def reading_seconds(self) -> int:
        return round(self.words * 60 / READING_WPM)

    def longest_sentence(self) -> int:
        return max((s.words for s in self.sentences), default=0)

    def to_json(self) -> dict:
        words, count = self.words, len(self.sentences)
        return {
            "words": words,
            "sentences": count,
            "paragraphs": self.paragraphs,
            "syllables": self.syllables,
            "words_per_sentence": round(words / count, 1) if count else 0.0,
            "longest_sentence": self.longest_sentence(),
            "flesch_reading_ease": round(self.flesch_reading_ease(), 1),
            "flesch_kincaid_grade": round(self.flesch_kincaid_grade(), 1),
            "gunning_fog": round(self.gunning_fog(), 1),
            "smog_index": round(self.smog_index(), 1),
            "coleman_liau_index": round(self.coleman_liau_index(), 1),
            "reading_time_seconds": self.reading_seconds(),
        }


def measure(doc: "Document") -> Profile:
    """Count the prose sentences of ``doc`` (computed once per document through ``doc.shared``)."""
    return doc.shared("readability", _measure)


def _measure(doc: "Document") -> Profile:
    import textstat  # only runs that select a readability rule pay for it

    from newslint.syllables import polysyllable_count, syllable_count

    prose = {i for i, block in enumerate(doc.blocks) if block.kind in PROSE_KINDS}
    out = []
    for sent in doc.nlp.sentences():
        if sent.block not in prose:
            continue
        text = doc.text[sent.start:sent.end]
        words = len(word_spans(text))
        if not words:
            continue
        out.append(SentenceStats(sent.start, sent.end, sent.block, words, syllable_count(text),
                                 polysyllable_count(text), textstat.letter_count(text)))
    return Profile(tuple(out), len({s.block for s in out}))


def excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# -- NL501 ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HardToReadOptions:
    #: the highest acceptable Flesch-Kincaid grade for the whole article
    target_grade: float = 10.0
    #: shorter texts are not graded (a score over a few sentences says little)
    min_words: int = 50
    #: how many of the hardest sentences the message names
    show: int = 3


class HardToRead(Rule):
    """Flags an article whose reading grade is above the newsroom's target.

    ## What it does
    Computes the Flesch-Kincaid grade of the article's prose (titles,
    headings and tables left out) and, when it is above `target-grade`
    (10 by default), reports the score with the hardest sentences, the ones
    to rewrite first. The finding points at the hardest sentence.

    ## Why is this bad?
    News is written for everyone: a story that needs a college reading level
    loses readers. Long sentences full of long words are the usual cause.

    ## Example
    ```markdown
    The intergovernmental commission's comprehensive preliminary evaluation characterised the
    municipality's infrastructure modernisation programme as fundamentally unsustainable, notwithstanding
    considerable supplementary appropriations authorised by successive administrations.

    Representatives of participating organisations subsequently acknowledged that the
    implementation methodology necessitated substantial reconsideration, particularly regarding
    environmental sustainability, accountability mechanisms and the prioritisation of
    economically disadvantaged communities.

    Independent consultants additionally recommended institutionalising systematic performance
    evaluation procedures, establishing comprehensive transparency requirements, and
    reconsidering contractual arrangements considered disproportionately advantageous to
    international corporations.
    ```

    ## Use instead
    ```markdown
    A review found that the city's plan to rebuild its roads and pipes costs too much. The city
    has spent more money on it year after year. The plan will not work as it is, the review said.

    People from the groups in the plan agreed. They said the city must change how it does the
    work. It should think more about the air and water. It should say who is in charge. It should
    help the people with the least money first.

    Outside experts said the city should check the work often and share what it finds. They also
    said some deals give big foreign firms too much. The city should look at those deals again.
    ```

    ## Options
    - `target-grade` (`10.0`): the highest acceptable Flesch-Kincaid grade.
    - `min-words` (`50`): shorter articles are not graded.
    - `show` (`3`): how many of the hardest sentences the message names.
    """

    id = "NL501"
    name = "hard-to-read"
    category = "readability"
    severity = Severity.INFO
    Options = HardToReadOptions

    def check(self, doc: "Document") -> Iterable[Violation]:
        profile = measure(doc)
        if profile.words < self.options.min_words or not profile.sentences:
            return
        grade = profile.flesch_kincaid_grade()
        if grade <= self.options.target_grade:
            return
        hardest = sorted(profile.sentences, key=lambda s: (-s.grade, s.start))[:max(self.options.show, 1)]
        named = "; ".join(f"line {doc.locate(s.start, s.end)[2]} (grade {s.grade:.0f}): "
                          f"\u201c{excerpt(doc.text[s.start:s.end])}\u201d" for s in hardest)
        top = hardest[0]
        yield self.violation(top.start, top.end,
                             f"reading grade {grade:.1f} (Flesch-Kincaid) is above the target of "
                             f"{self.options.target_grade:g}; hardest sentences: {named}")


# -- NL502 ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LongSentenceOptions:
    #: a sentence with more words than this is reported (info)
    max_words: int = 35
    #: a sentence with more words than this is reported as a warning
    warn_words: int = 50
    #: do not count the words inside direct quotations (a speaker's words are not the writer's to cut)
    ignore_quotations: bool = False


class LongSentence(Rule):
    """Flags sentences too long to read in one breath.

    ## What it does
    Counts the words of every sentence of prose and reports the ones over
    `max-words` (35) as info, and over `warn-words` (50) as a warning. With
    `ignore-quotations = true` the words inside direct quotations are not
    counted.

    ## Why is this bad?
    Readers lose the thread of a long sentence; in news copy one idea per
    sentence is the rule, and a sentence of 50 words almost always hides two
    or three.

    ## Example
    ```markdown
    The city council voted on Tuesday night to approve a new budget that raises spending on roads,
    schools and parks while cutting the money set aside for the police department, a decision that
    several residents who spoke at the meeting said they would fight at the next election.
    ```

    ## Use instead
    ```markdown
    The city council approved a new budget on Tuesday night. It raises spending on roads, schools
    and parks and cuts money for the police department. Several residents at the meeting said they
    would fight the decision at the next election.
    ```

    ## Options
    - `max-words` (`35`): longer sentences are reported as info.
    - `warn-words` (`50`): longer sentences are reported as a warning.
    - `ignore-quotations` (`false`): leave the words of direct quotations out of the count.
    """

    id = "NL502"
    name = "long-sentence"
    category = "readability"
    severity = Severity.INFO
    Options = LongSentenceOptions

    def check(self, doc: "Document") -> Iterable[Violation]:
        quoted = _quoted_spans(doc) if self.options.ignore_quotations else []
        for sent in measure(doc).sentences:
            words = sent.words
            if quoted:
                words = sum(1 for start, end in word_spans(doc.text[sent.start:sent.end], sent.start)
                            if not _inside(start, end, quoted))
            if words <= self.options.max_words:
                continue
            warn = words > self.options.warn_words
            limit = self.options.warn_words if warn else self.options.max_words
            counted = "words outside quotations" if quoted and words != sent.words else "words"
            yield self.violation(sent.start, sent.end, f"sentence of {words} {counted} (limit {limit}); "
                                 f"split it", severity=Severity.WARNING if warn else None)


def _quoted_spans(doc: "Document") -> list[tuple[int, int]]:
    from newslint.quotations import quotations
    return sorted((q.start, q.end) for q in quotations(doc))


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# -- NL503 ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LongParagraphOptions:
    #: a paragraph with more sentences than this is reported
    max_sentences: int = 5
    #: a paragraph with more words than this is reported
    max_words: int = 120


class LongParagraph(Rule):
    """Flags paragraphs longer than news paragraphs should be.

    ## What it does
    Reports a paragraph with more than `max-sentences` sentences (5) or more
    than `max-words` words (120).

    ## Why is this bad?
    News paragraphs are short: on a phone screen a 150-word paragraph is a
    wall of text, and readers skip it. Each paragraph should carry one
    point.

    ## Example
    ```markdown
    The storm hit the coast early on Monday. Winds reached 120 km/h in the harbour. Power failed in
    three districts. Schools stayed closed all day. Ferries to the islands were cancelled. The
    weather service expects more rain on Tuesday.
    ```

    ## Use instead
    ```markdown
    The storm hit the coast early on Monday. Winds reached 120 km/h in the harbour.

    Power failed in three districts. Schools stayed closed all day, and ferries to the islands were
    cancelled.

    The weather service expects more rain on Tuesday.
    ```

    ## Options
    - `max-sentences` (`5`): longest acceptable paragraph, in sentences.
    - `max-words` (`120`): longest acceptable paragraph, in words.
    """

    id = "NL503"
    name = "long-paragraph"
    category = "readability"
    severity = Severity.INFO
    Options = LongParagraphOptions

    def check(self, doc: "Document") -> Iterable[Violation]:
        by_block: dict[int, list[SentenceStats]] = {}
        for sent in measure(doc).sentences:
            by_block.setdefault(sent.block, []).append(sent)
        for index, sentences in sorted(by_block.items()):
            words = sum(s.words for s in sentences)
            over = []
            if len(sentences) > self.options.max_sentences:
                over.append(f"{len(sentences)} sentences (limit {self.options.max_sentences})")
            if words > self.options.max_words:
                over.append(f"{words} words (limit {self.options.max_words})")
            if over:
                block = doc.blocks[index]
                first = sentences[0]
                yield self.violation(first.start, first.end,
                                     f"paragraph of {' and '.join(over)}; break it up"
                                     + ("" if block.kind == "paragraph" else f" ({block.kind})"))


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [HardToRead, LongSentence, LongParagraph]
