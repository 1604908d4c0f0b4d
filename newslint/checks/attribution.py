"""Attribution rules (NL3xx): pronouns that contradict the speaker, quotations nobody speaks."""
from __future__ import annotations

import re
from typing import Iterable

from newslint import hookimpl
from newslint.attribution import attributions, speaker_analysis
from newslint.attribution.clauses import PRONOUN
from newslint.attribution.lexicon import GENDER_WORD, SUBJECT_PRONOUNS
from newslint.document import Document
from newslint.quotations import quotations
from newslint.rule import Rule, Severity, Violation

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class PronounSpeakerMismatch(Rule):
    """Flags an attribution pronoun that contradicts the gender the article gives the speaker.

    ## What it does
    Finds who speaks each quotation: the name in its attribution ("said
    Smith"), or, for "he said" and "she said", the one person the pronoun
    can refer to: the last speaker in the paragraph (or a person the
    paragraph is about, when nobody else is in it), or in the paragraph
    before when the paragraph opens with the quotation. It then reads what
    the article says of that person: an honorific (Mr, Ms, Dame), a
    relational or role noun ("his wife, Natalia Pinchuk", "her husband",
    "actress"), or a pronoun already used for them ("Ruiz said he would
    appeal"). When the attribution pronoun says the opposite, it reports the
    pronoun, the speaker and the evidence.

    Pronouns inside the quotation, "they", a pronoun that may refer to
    another person named on the way, and two speakers taking turns are left
    alone. A first name is never taken as evidence.

    ## Why is this bad?
    "He said" after a quotation from someone's wife tells readers a man
    said it: the story misattributes the words, the kind of slip that
    needs a correction.

    ## Example
    ```markdown
    His wife, Maria Lopez, said the family had not been told. “We heard it on the radio,” he said.
    ```

    ## Use instead
    ```markdown
    His wife, Maria Lopez, said the family had not been told. “We heard it on the radio,” she said.
    ```
    """

    id = "NL301"
    name = "pronoun-speaker-mismatch"
    category = "attribution"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Violation]:
        for attribution in attributions(doc):
            subject = attribution.clause.subject
            speaker = attribution.speaker
            if subject is None or subject.kind != PRONOUN or speaker is None or speaker.gender is None:
                continue
            said = SUBJECT_PRONOUNS.get(subject.pronoun)
            if said is None or said == speaker.gender or speaker.evidence is None:
                continue
            clause = attribution.clause
            phrase = doc.text[min(subject.start, clause.verb_start):max(subject.end, clause.verb_end)]
            right = GENDER_WORD[speaker.gender]
            fixed = _recase(right, subject.text) + phrase[len(subject.text):] if phrase.startswith(subject.text) \
                else phrase[:len(phrase) - len(subject.text)] + right
            who = speaker.name if not speaker.key.startswith("np:") else f"the person introduced as \"{speaker.name}\""
            evidence = speaker.evidence.description
            if speaker.key.startswith("np:") and (evidence.startswith("introduced as")
                                                  or _quoted(evidence) in speaker.name):
                evidence = ""  # "the person introduced as "The chairman"": the phrase is the evidence
            yield self.violation(
                subject.start, subject.end,
                f'"{phrase}" — the speaker is {who}' + (f", {evidence}" if evidence else ""),
                suggestions=[fixed])


def _quoted(description: str) -> str:
    """The words an evidence description quotes ('described as "A spokeswoman"' -> "A spokeswoman")."""
    parts = description.split('"')
    return parts[1] if len(parts) > 2 else "\0"


def _recase(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


class UnattributedQuote(Rule):
    """Flags a full-sentence quotation with no speaker in its paragraph or the one before.

    ## What it does
    Finds quotations of a whole sentence whose paragraph, and the paragraph
    before it, name no speaker: no "said", "told", "according to" or
    another speech verb with a subject outside the quotation marks. A
    quotation that continues one from the paragraph before shares its
    speaker.

    ## Why is this bad?
    Readers need to know whose words they are reading; a quotation nobody
    says reads as the paper's own voice.

    ## Example
    ```markdown
    The council met on Tuesday to discuss the budget.

    “We cannot afford another year of cuts to the library service.”
    ```

    ## Use instead
    ```markdown
    The council met on Tuesday to discuss the budget.

    “We cannot afford another year of cuts to the library service,” said the council leader, Ann Hale.
    ```
    """

    id = "NL302"
    name = "unattributed-quote"
    category = "attribution"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterable[Violation]:
        analysis = speaker_analysis(doc)
        # any speech verb outside the marks ("saying, “…”", "replied") names a speaker, even one the parse misses
        spoken_blocks = {a.clause.block for a in analysis.attributions}
        for quote in quotations(doc):
            if quote.start in analysis.quote_speakers or quote.continues_previous \
                    or doc.blocks[quote.block].kind != "paragraph":
                continue  # a continued quotation shares the speaker of the paragraph that opened it
            if quote.block in spoken_blocks or quote.block - 1 in spoken_blocks:
                continue
            if doc.text[doc.blocks[quote.block].start:quote.start].rstrip().endswith(":"):
                continue  # introduced: “Secretary James Roche: “No, sir…””, “the statement reads: “…””
            if not _full_sentence(doc, quote.inner_start, quote.inner_end):
                continue
            yield self.violation(quote.start, quote.start + 1,
                                 "this quotation has no speaker in its paragraph or the one before: "
                                 "say who said it")


def _full_sentence(doc: Document, start: int, end: int) -> bool:
    """A quotation of a whole sentence: capitalised, five words or more, with a verb, not a title."""
    inner = doc.text[start:end]
    words = _WORD.findall(inner)
    stripped = inner.strip()
    if len(words) < 5 or not stripped[:1].isupper() or not stripped.endswith((".", "!", "?", ",", "…")):
        return False
    long_words = [w for w in words if len(w) > 3]
    if long_words and all(w[0].isupper() for w in long_words):
        return False  # a title: “The Bench and the Barracks.”
    return any(start <= offset < end and token.pos_ in ("VERB", "AUX") for offset, token in doc.nlp.tokens())


@hookimpl
def newslint_rules():
    return [PronounSpeakerMismatch, UnattributedQuote]
