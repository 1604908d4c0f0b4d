"""Who speaks each quotation: its attribution, the speaker it names, and what the article says of their gender.

Read in text order. A quotation's attribution is the speech clause right
next to it ("“…,” he said", "said Smith", "She said: “…”"). A named
speaker is looked up among the people of the article; a pronoun is
resolved only when the article leaves one candidate: the last person
who spoke (or was reported speaking) in the paragraph, or, for a paragraph
that opens with the quotation, in the paragraph before. When anyone else
is named on the way, or a second speaker of the pronoun's gender is in the
conversation, the speaker is left unknown.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newslint.attribution.clauses import NAME, NOUN, OTHER, PRONOUN, SpeechClause, speech_clauses, topic_clauses
from newslint.attribution.evidence import STRONG, Evidence, established_gender
from newslint.attribution.gender import person_evidence
from newslint.attribution.lexicon import (
    GENDERED_NOUNS, HONORIFICS, PERSON_NOUNS, RELATIONAL_NOUNS, SPEECH_VERBS, SUBJECT_PRONOUNS,
)
from newslint.names_text import MONTHS_DAYS, fold, strip_possessive
from newslint.people import people
from newslint.quotations import Quotation, inside_quotation, quotations

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

_BETWEEN_AFTER = re.compile(r"^[\s,;:—–-]*$")
_BETWEEN_BEFORE = re.compile(r"^[\s,;:—–-]*$")
_PROSE_BLOCKS = ("paragraph", "blockquote", "list-item")
#: titles before a surname that are no first name ("Dr Pugh", "Senator Pugh")
_TITLES = frozenset("dr prof rev sen gov rep gen col capt sgt lt cmdr insp det supt fr st".split())
_DETERMINERS = frozenset("the a an his her their its our my".split())
_PRONOUN_SETS = {"male": frozenset("he his him himself".split()), "female": frozenset("she her hers herself".split())}
_OTHER = {"male": "female", "female": "male"}
_PRONOUN_WORDS = {"male": r"\b(?:he|his|him|himself)\b", "female": r"\b(?:she|her|hers|herself)\b"}


@dataclass(frozen=True)
class Speaker:
    """A person who speaks: ``key`` identifies them (a person key, or the phrase's offset for "his wife")."""

    key: str
    name: str
    start: int
    end: int
    gender: str | None
    evidence: Evidence | None


@dataclass(frozen=True)
class Attribution:
    """A speech clause attached to quotations, with the speaker it names or refers to (None: unknown)."""

    clause: SpeechClause
    speaker: Speaker | None
    quotations: tuple[Quotation, ...] = ()
    #: for a pronoun: how the speaker was found ("paragraph" or "previous paragraph")
    via: str = ""


@dataclass(frozen=True)
class SpeakerAnalysis:
    attributions: tuple[Attribution, ...]
    #: quotation start -> the attribution that gives its speaker (own, shared or continued)
    quote_speakers: dict[int, Attribution] = field(default_factory=dict)


def speaker_analysis(doc: "Document") -> SpeakerAnalysis:
    """Attributions and quote speakers of ``doc`` (computed once per document)."""
    return doc.shared("attribution.speakers", _analyse)


def attributions(doc: "Document") -> tuple[Attribution, ...]:
    """Every speech clause outside quotation marks, with its speaker, in text order."""
    return speaker_analysis(doc).attributions


def _overlaps(spans, start: int, end: int) -> bool:
    """Whether any ``(start, end)`` span of ``spans`` overlaps ``[start, end)``."""
    return any(s < end and start < e for s, e in spans)


def _no_one_in_sentence(subject) -> bool:
    """A sentence about things alone: a common-noun subject, and no name, pronoun, person noun or quotation in the
    whole sentence ("The venue had been checked twice."). A noun that may name a person keeps it a new topic
    ("The referee …", "… checked by a steward")."""
    if subject.pos_ != "NOUN":
        return False
    for token in subject.sent:
        if token.pos_ == "PROPN" and token.ent_type_ not in ("DATE", "TIME") and token.lower_ not in MONTHS_DAYS:
            return False  # a name ("late May" is no one)
        if token.text in _QUOTE_MARKS or token.ent_type_ in ("PERSON", "ORG", "NORP"):
            return False
        if token.pos_ == "PRON" and token.lower_ not in _THING_PRONOUNS and not (
                token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_VERBS):
            return False  # someone ("he said" itself, the attribution being resolved, is no one new)
        if token.pos_ == "NOUN" and token.tag_ != "NNS" and _may_name_a_person(token):
            return False  # one person ("farmers" are no "he" or "she")
    return True


def _may_name_a_person(token) -> bool:
    """A noun that is, or may be, a word for a person ("referee", "steward", "fans", "champion")."""
    words = {token.lower_, token.lemma_.lower()}
    if words & (PERSON_NOUNS | GENDERED_NOUNS.keys() | _PEOPLE_WORDS):
        return True
    return any(w.endswith(_AGENT_ENDINGS) for w in words)


_QUOTE_MARKS = frozenset("“”\"‘’«»'")
_THING_PRONOUNS = frozenset("it its itself they them their which that what this these those".split())
#: endings of agent nouns and nouns for people ("steward", "boxer", "assistant", "trustee", "veteran")
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "ee", "ees",
                  "man", "men", "person", "ess", "ive", "ives", "ary", "ard", "ards", "eur", "ic", "ics")
_PEOPLE_WORDS = frozenset("""champion rival hero star chief head staff crew team side squad family public crowd
    audience fan child children kid people folk guest host cast band choir club union spokesperson""".split())


# -- the walk ---------------------------------------------------------------------------------------------------
class _Walk:
    def __init__(self, doc: "Document") -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes = quotations(doc)
        #: organisations too: the small model calls some people ORG ("Hinojosa said")
        self.persons = list(people(doc))
        self.clauses = [self._named_if_known(c) for c in speech_clauses(doc) if not inside_quotation(doc, c.verb_start)]
        #: sentences about a named person that report no speech: who "he"/"she" may mean next
        self.topics = [self._named_if_known(c) for c in topic_clauses(doc) if not inside_quotation(doc, c.verb_start)]
        self.mention_index = self._person_mentions()
        #: every name, organisations included (the small model calls some people ORG): to stay quiet when unsure
        self.all_mentions = sorted(set(self.mention_index) | {
            (m.start, m.end, p.key) for p in self.persons for m in p.mentions if not inside_quotation(doc, m.start)})
        self.noun_mentions = self._noun_mentions()
        #: speaking events so far: (offset, block, speaker or None for "someone we cannot tell", clause)
        self.events: list[tuple[int, int, Speaker | None, SpeechClause]] = []
        self.gender_cache: dict[str, tuple[str | None, Evidence | None]] = {}
        self.tokens = list(doc.nlp.tokens())

    def _named_if_known(self, clause: SpeechClause) -> SpeechClause:
        """"Fuentes said": a one-word subject the parser reads as a common noun ("fuentes", "fountains") that
        is a mention of a person the article names is that person."""
        subject = clause.subject
        if subject is None or subject.kind != OTHER or " " in subject.text or not subject.text[:1].isupper():
            return clause
        if not any(m.start == subject.start and m.end == subject.end
                   for p in self.persons if p.kind == "person" for m in p.mentions):
            return clause
        return replace(clause, subject=replace(subject, kind=NAME, name_start=subject.start, name_end=subject.end))

    def _person_mentions(self) -> list[tuple[int, int, str]]:
        """Names of people outside quotations: the people's mentions, speakers' names and PERSON entities."""
        out: set[tuple[int, int, str]] = set()
        speaking: set[str] = set()
        for clause in self.clauses:
            subject = clause.subject
            if subject is not None and subject.kind == NAME:
                person = self.person_at(subject.name_start, subject.name_end)
                key = person.key if person is not None else f"name:{self.text[subject.name_start:subject.name_end]}"
                out.add((subject.name_start, subject.name_end, key))
                speaking.add(key)
        #: people who speak somewhere in the article: any of them may be the one a pronoun means
        self.speaking = frozenset(speaking)
        # a named organisation is somebody else only when it speaks somewhere in the article
        places = self._place_words()
        out.update((m.start, m.end, p.key) for p in self.persons for m in p.mentions
                   if (p.kind == "person" and fold(m.text) not in places) or p.key in speaking)
        organisations = [(m.start, m.end) for p in self.persons if p.kind == "org" for m in p.mentions]
        for start, end, label, text in self.doc.nlp.entities():
            if label == "PERSON" and fold(text) not in places and not _overlaps([m[:2] for m in out], start, end) \
                    and not _overlaps(organisations, start, end):
                person = self.person_at(start, end)
                out.add((start, end, person.key if person is not None else f"name:{text}"))
        return sorted(m for m in out if not inside_quotation(self.doc, m[0]))

    def _place_words(self) -> set[str]:
        """One-word names the article also uses as places ("flew to Manchester" beside "lived in Manchester")."""
        return {fold(text) for _s, _e, label, text in self.doc.nlp.entities()
                if label in ("GPE", "LOC") and len(text.split()) == 1}

    def person_nouns(self) -> list[tuple[int, int, str]]:
        """Nouns for one person without a gender outside quotations ("her deputy", "a neighbour")."""
        if not hasattr(self, "_person_nouns"):
            self._person_nouns = [(offset, offset + len(token), f"np:{offset}") for offset, token in self.tokens
                                  if token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS
                                  and token.tag_ != "NNS"
                                  and not inside_quotation(self.doc, offset)]
        return self._person_nouns

    def _noun_mentions(self) -> list[tuple[int, int, str]]:
        """Person nouns with a gender outside quotations ("his wife", "a spokeswoman") as mentions."""
        out = []
        for offset, token in self.doc.nlp.tokens():
            if token.pos_ == "NOUN" and (token.lower_ in GENDERED_NOUNS or token.lemma_.lower() in GENDERED_NOUNS) \
                    and not inside_quotation(self.doc, offset):
                out.append((offset, offset + len(token), f"np:{offset}"))
        return out

    # speakers ---------------------------------------------------------------------------------------------
    def named_speaker(self, clause: SpeechClause) -> Speaker | None:
        subject = clause.subject
        if subject is None:
            return None
        local = list(subject.evidence)
        if subject.kind == NAME:
            person = self.person_at(subject.name_start, subject.name_end)
            if person is None:
                name = self.text[subject.name_start:subject.name_end]
                if all(w.lower().strip(".,") in MONTHS_DAYS for w in name.split()):
                    return None  # "Saturday ... drew large numbers": a day, nobody who could speak
                gender, cited = established_gender(local)
                return Speaker(f"name:{name}", name, subject.start, subject.end, gender, cited)
            if not local and self._shared_surname(subject.name_start, subject.name_end):
                # "Nwachukwu" in an obituary that also names his wife Adaeze Nwachukwu: either of them
                return Speaker(person.key, person.name, subject.start, subject.end, None, None)
            record = list(person_evidence(self.doc, person, self.persons)) + self.pronoun_evidence(person.key)
            # the phrase's own honorific or noun decides; a title some women hold too ("Chairman") only with the record
            strong = any(e.strength == STRONG for e in local)
            gender, cited = established_gender(local) if strong else established_gender(local + record)
            return Speaker(person.key, person.name, subject.start, subject.end, gender, cited)
        if subject.kind == NOUN:
            gender, cited = established_gender(local)
            name = self.text[subject.start:subject.end]
            name = re.split(r",\s", name)[0]
            return Speaker(f"np:{subject.start}", name, subject.start, subject.end, gender, cited)
        return None

    def person_at(self, start: int, end: int):
        """The person named at ``[start, end)``; else the one last named with that surname before it."""
        if not hasattr(self, "_by_start"):
            pairs = sorted(((m.start, m.end, m.text), p) for p in self.persons for m in p.mentions)
            self._by_start = [pair[0][0] for pair in pairs]
            self._pairs = pairs
        i = bisect.bisect_left(self._by_start, end)
        for (m_start, m_end, _t), person in reversed(self._pairs[max(0, i - 8):i]):
            if m_start < end and start < m_end:
                return person
        words = self.text[start:end].split()
        if not words:
            return None
        surname = fold(strip_possessive(words[-1]))
        i = bisect.bisect_left(self._by_start, start)
        for (_s, _e, text), person in reversed(self._pairs[:i]):
            if text.split() and fold(text.split()[-1]) == surname:
                return person
        return None

    def _shared_surname(self, start: int, end: int) -> bool:
        """A bare surname that more than one person of the article bears ("Ifor Pugh and his wife, Nia Pugh").

        Read from the words right before each occurrence of the surname, since the names analysis may
        fold both people into one: two first names, or honorifics of both genders ("Mr" and "Mrs Pugh").
        """
        words = self.text[start:end].split()
        if len(words) != 1:
            return False
        surname = fold(strip_possessive(words[0]))
        firsts: set[str] = set()
        titles: set[str] = set()
        for _offset, token in self.tokens:
            if token.i == 0 or fold(token.text) != surname:
                continue
            before = token.doc[token.i - 1]
            word = before.lower_.rstrip(".")
            if word in HONORIFICS:
                titles.add(HONORIFICS[word])
            elif before.is_alpha and before.text[:1].isupper() and not before.is_stop \
                    and word not in PERSON_NOUNS and word not in _TITLES:
                firsts.add(fold(before.text))
        return len(firsts) > 1 or len(titles) > 1

    def pronoun_evidence(self, key: str) -> list[Evidence]:
        """"X said he ..." for person ``key``, unless someone else of that gender is at hand."""
        if not hasattr(self, "_pronoun_evidence"):
            table: dict[str, list[Evidence]] = {}
            for clause in self.clauses:
                subject = clause.subject
                if not clause.pronoun_evidence or subject is None or subject.kind != NAME:
                    continue
                person = self.person_at(subject.name_start, subject.name_end)
                if person is None:
                    continue
                for evidence in clause.pronoun_evidence:
                    if not self._someone_else_near(clause, person.key, evidence):
                        table.setdefault(person.key, []).append(evidence)
            self._pronoun_evidence = table
        return list(self._pronoun_evidence.get(key, ()))

    def _someone_else_near(self, clause: SpeechClause, key: str, evidence: Evidence) -> bool:
        """Whether the pronoun could mean someone else: another person or pronoun of its gender nearby."""
        subject = clause.subject
        word = {"male": r"\b(?:he|his|him)\b", "female": r"\b(?:she|her|hers)\b"}[evidence.gender]
        if re.search(word, self.text[subject.start:subject.end], re.I):
            return True  # "His wife, Adaeze, said he died": "he" is the husband
        block = self.doc.blocks[clause.block]
        lo = block.start
        if clause.sentence_start == block.start and clause.block > 0:
            lo = self._last_sentence_start(clause.block - 1)
        in_subject = [m for m in self.all_mentions if subject.start <= m[0] < subject.end]
        for start, _end, other in self.mention_index + in_subject + self.noun_mentions:
            if not lo <= start < clause.sentence_end or other == key or clause.in_content(start):
                continue
            if other.startswith("np:") and subject.start <= start < subject.end:
                continue  # "Peter Langat, a father of three, said he": the phrase names him
            if self._named_gender(other) == _OTHER[evidence.gender]:
                continue  # "Villanueva spoke at his office, where his wife, Carmen Rojas, sat": not "his"
            return True
        window = self._outside_quotes(lo, subject.start)
        return bool(re.search(word, window, re.I))

    def _named_gender(self, key: str) -> str | None:
        """A person's gender from the words around their name alone (honorifics, "his wife, ..."): no pronouns,
        so that reading one person's pronouns never waits on another's."""
        if key.startswith("np:"):  # "his wife": the noun's own gender
            word = re.match(r"[\w-]+", self.text[int(key[3:]):])
            return GENDERED_NOUNS.get(word.group().lower()) if word else None
        person = next((p for p in self.persons if p.key == key), None)
        if person is None:
            return None
        return established_gender(list(person_evidence(self.doc, person, self.persons)))[0]

    def _last_sentence_start(self, block: int) -> int:
        starts = [c for c in self.sentence_starts() if self.doc.blocks[block].start <= c < self.doc.blocks[block].end]
        return starts[-1] if starts else self.doc.blocks[block].start

    def sentence_starts(self) -> list[int]:
        if not hasattr(self, "_sentence_starts"):
            self._sentence_starts = [s.start for s in self.doc.nlp.sentences()]
        return self._sentence_starts

    def _outside_quotes(self, start: int, end: int) -> str:
        chars = list(self.text[start:end])
        for q in self.quotes:
            for i in range(max(q.start, start), min(q.end, end)):
                chars[i - start] = " "
        return "".join(chars)

    # pronouns -----------------------------------------------------------------------------------------------
    def resolve(self, clause: SpeechClause, block_starts_with_quote: bool) -> tuple[Speaker | None, str]:
        """The speaker a pronoun attribution must refer to, when the article leaves only one."""
        pronoun = clause.subject
        at = pronoun.start
        here = [e for e in self.events if e[1] == clause.block and e[0] < at]
        mentions_here = self._mentions_between(self.doc.blocks[clause.block].start, at)
        if here:
            event, via = here[-1], "paragraph"
        elif not mentions_here and block_starts_with_quote and clause.block > 0 \
                and self.doc.blocks[clause.block - 1].kind in _PROSE_BLOCKS:
            source_block = self._quotation_opened_in(clause.block)
            before = [e for e in self.events if e[1] == source_block]
            if not before or not before[-1][3].spoken:
                return None, ""  # a person merely mentioned: too weak to carry across a paragraph
            event, via = before[-1], "previous paragraph"
        else:
            return None, ""
        offset, _block, speaker, source = event
        if speaker is None or source.question:
            return None, ""
        said = SUBJECT_PRONOUNS.get(pronoun.pronoun)
        if not source.spoken and self._crowded(clause, source, speaker, said, at):
            return None, ""
        # anyone else named after that speaker may be the one meant; people the speaker talks about
        # ("said her father practised daily") only when the article already gives them the pronoun's gender
        for start, end, key in self._mentions_between(source.start, at, speaker):
            if key == speaker.key:
                continue
            named_in_clause = speaker.start <= start < speaker.end or source.in_content(start)
            if named_in_clause and key.startswith("np:"):
                continue  # "his wife, …", "said her father practised": a relation, no new speaker
            if named_in_clause and self.gender_of(key) not in (None, said):
                continue  # a person of the other gender cannot be the one meant
            if via == "paragraph" and self._possessor_only(start, end, key, speaker, source, said):
                continue  # "Pires's neighbour, Mrs. Costa, said …": the neighbour speaks, not Pires
            if via == "previous paragraph" and self._organisation_possessor(start, end, key, speaker):
                continue  # "the Rowing Federation's chairwoman, Ida Holm, said …": an organisation is no "he"
            if self._thing_owner(start, end, key, source, speaker, said):
                continue  # "Holm praised Judge Aboagye's record": the judge is talked about, not talking
            return None, ""
        # a sentence about someone or something else on the way: the topic may have moved
        # a parenthetical "he said" attributes its own sentence: that sentence's subjects are what was said
        until = clause.sentence_start if self._parenthetical(clause) else at
        if self._new_topic(source, speaker, until):
            return None, ""
        # across paragraphs, a conversation: someone else who may have the pronoun's gender spoke just before
        if via == "previous paragraph":
            first_block = max(0, source_block - 1)
            for _o, b, other, earlier in self.events:
                if b < first_block or not earlier.spoken:
                    continue
                if other is not None and other.key != speaker.key and other.gender in (None, said):
                    return None, ""
                if other is None and earlier.subject is not None and earlier.subject.pronoun == pronoun.pronoun:
                    return None, ""  # an earlier "she said" we could not resolve: someone of that gender speaks
        return speaker, via

    def _quotation_opened_in(self, block: int) -> int:
        """The paragraph before ``block``; for a quotation running on through paragraphs of nothing but
        quotation, the paragraph where it began ("…,” Ward said. “First.¶“Second.¶“Third,” she said.")."""
        source = block - 1
        while source > 0 and self._continues_into(source + 1) and self._only_quotation(source) \
                and not any(e[1] == source for e in self.events):
            source -= 1
        return source

    def _continues_into(self, block: int) -> bool:
        start = self.doc.blocks[block].start
        return any(q.block == block and q.continues_previous and q.start <= start + 1 for q in self.quotes)

    def _only_quotation(self, block: int) -> bool:
        """A paragraph that is one quotation, continued from the paragraph before and running on to the next."""
        b = self.doc.blocks[block]
        inside = [q for q in self.quotes if q.block == block]
        return len(inside) == 1 and inside[0].continues_previous and inside[0].runs_on \
            and not self.text[b.start:inside[0].start].strip() and not self.text[inside[0].end:b.end].strip() \
            and b.kind in _PROSE_BLOCKS

    def _crowded(self, clause: SpeechClause, source: SpeechClause, speaker: Speaker, said: str, at: int) -> bool:
        """For a person merely mentioned: anyone else, or a pronoun of the attribution's gender, in the paragraph."""
        lo = self.doc.blocks[clause.block].start
        for start, end, key in self.mention_index + self.noun_mentions + self.person_nouns():
            if lo <= start < at and key != speaker.key and not speaker.start <= start < speaker.end \
                    and not self._thing_owner(start, end, key, source, speaker, said):
                return True
        window = self._outside_quotes(lo, speaker.start) + " " + self._outside_quotes(speaker.end, at)
        return bool(re.search(_PRONOUN_WORDS[said], window, re.I))

    def _possessor_only(self, start: int, end: int, key: str, speaker: Speaker, source: SpeechClause,
                        said: str) -> bool:
        """A possessor in the speaker's phrase ("Bauer's lawyer"), or a person it is "for" or "of" ("a spokeswoman
        for the minister, Ann Roe"), with no gender in the article, not spoken of in the reported words."""
        if not speaker.start <= start < speaker.end:
            return False
        possessor = self.text.startswith(("'s", "’s", "'", "’"), end)
        if not possessor and not self._in_prepositional_phrase(start, speaker):
            return False
        if self.gender_of(key) is not None:
            return False
        if source.content_start >= 0 and re.search(
                _PRONOUN_WORDS[said], self.text[source.content_start:source.content_end], re.I):
            return False  # "Bauer's wife said he was innocent": "he" may be Bauer, who may speak next
        return True

    def _organisation_possessor(self, start: int, end: int, key: str, speaker: Speaker) -> bool:
        """An organisation owning the speaker's role ("the Rowing Federation's chairwoman, Ida Holm"): no "he"
        or "she", so it is no rival across a paragraph either; a relation ("Leo's mother") makes the owner a
        person, and a name the article lets speak, or calls a person, may be one."""
        if not speaker.start <= start < speaker.end or not self.text.startswith(("'s", "’s", "'", "’"), end):
            return False
        person = next((p for p in self.persons if p.key == key), None)
        if person is None or len(person.name.split()) < 2 or key in self.speaking or self.gender_of(key) is not None:
            return False  # a one-word name ("Pike's spokeswoman") may well be a person's
        labels = {label for s, e, label, _t in self.doc.nlp.entities()
                  if any(s < m.end and m.start < e for m in person.mentions)}
        here = {label for s, e, label, _t in self.doc.nlp.entities() if s < end and start < e}
        if "PERSON" in labels or not (person.kind == "org" or "ORG" in here):
            return False
        after = self._token_at_offset(self._skip_possessive(end))
        owned = None if after is None else self._owned_noun(after)
        return owned is not None and not {owned.lower_, owned.lemma_.lower()} & RELATIONAL_NOUNS.keys()

    def _skip_possessive(self, end: int) -> int:
        match = re.match(r"(?:['’]s?)\s*", self.text[end:])
        return end + (match.end() if match else 0)

    def _owned_noun(self, token):
        """The noun a possessor's phrase belongs to: "[the Rowing Federation's] acting chairwoman" -> chairwoman."""
        node = token
        while node.pos_ not in ("NOUN", "PROPN") and node.head.i != node.i and node.head.i > node.i:
            node = node.head
        return node if node.pos_ in ("NOUN", "PROPN") else None

    def _token_at_offset(self, start: int):
        if not hasattr(self, "_token_at"):
            self._token_at = {offset: token for offset, token in self.tokens}
        return self._token_at.get(start)

    def _thing_owner(self, start: int, end: int, key: str, source: SpeechClause, speaker: Speaker,
                     said: str) -> bool:
        """A person named only as the owner of a thing the last speaker's clause acts on ("Holm praised
        [Judge Aboagye's] record", "the record [of Judge Aboagye]"), outside any reported words, whom the article
        never lets speak and never gives the pronoun's gender, with no pronoun of that gender in the sentence.

        Such a person is talked about; the subject of the clause is still the one "he" or "she" must mean.
        A person who is the object itself ("thanked Judge Aboagye") is not: they may be the one who answers.
        """
        if not source.sentence_start <= start < source.sentence_end or source.in_content(start) \
                or speaker.start <= start < speaker.end or key.startswith("np:"):
            return False
        if key in self.speaking or self.gender_of(key) not in (None, _OTHER[said]):
            return False
        window = self._outside_quotes(speaker.end, source.sentence_end)
        if re.search(_PRONOUN_WORDS[said], window, re.I):
            return False  # "praised Judge Aboagye's record and his patience": the judge has that gender
        verb = self._token_at_offset(source.verb_start)
        token = self._span_root(start, end)
        if verb is None or token is None:
            return False
        base = self._span_base(start, end)
        if verb.doc is not token.doc or base is None:
            return False
        owned = None
        node = token
        while node.i != verb.i:
            if node.head.i == node.i or not source.sentence_start <= base + node.head.idx < source.sentence_end:
                return False
            if node.dep_ == "poss" or (node.dep_ == "pobj" and node.head.dep_ == "prep"
                                       and node.head.head.pos_ == "NOUN" and node.head.head.i != verb.i):
                if owned is None:
                    owned = node.head if node.dep_ == "poss" else node.head.head
            elif node.dep_ not in ("compound", "flat", "appos", "prep", "dobj", "dative", "pobj", "amod", "nmod",
                                   "conj", "cc", "npadvmod"):
                return False  # a subject, a clause of its own: the person may act or speak
            node = node.head
        if owned is None:
            return False
        # the thing owned is no person: "Judge Aboagye's widow" or "family" is someone who may speak
        return owned.pos_ == "NOUN" and not {owned.lemma_.lower(), owned.lower_} & (
            PERSON_NOUNS | GENDERED_NOUNS.keys() | _PEOPLE_WORDS)

    def _span_root(self, start: int, end: int):
        """The token of ``[start, end)`` whose head lies outside it ("Osei" in "Judge Osei")."""
        tokens = [t for _o, t in self._tokens_between(start, end)]
        for token in tokens:
            if not any(token.head.i == other.i for other in tokens if other.i != token.i):
                return token
        return None

    def _span_base(self, start: int, end: int) -> int | None:
        """The document offset of the parsed piece holding ``[start, end)`` (token offsets are relative to it)."""
        tokens = self._tokens_between(start, end)
        return tokens[0][0] - tokens[0][1].idx if tokens else None

    def _in_prepositional_phrase(self, start: int, speaker: Speaker) -> bool:
        """The word at ``start`` hangs from a preposition in the speaker's phrase ("for [the minister, Ann Roe]")."""
        if not hasattr(self, "_token_at"):
            self._token_at = {offset: token for offset, token in self.tokens}
        token = self._token_at.get(start)
        if token is None:
            return False
        base = start - token.idx
        node = token
        while node.head.i != node.i and speaker.start <= base + node.head.idx < speaker.end:
            if node.dep_ == "pobj":
                return True
            node = node.head
        return False

    def gender_of(self, key: str) -> str | None:
        """The gender the article establishes for the person ``key`` (None when it does not)."""
        if key not in self.gender_cache:
            person = next((p for p in self.persons if p.key == key), None)
            record = [] if person is None else \
                list(person_evidence(self.doc, person, self.persons)) + self.pronoun_evidence(key)
            self.gender_cache[key] = established_gender(record)
        return self.gender_cache[key][0]

    def _new_topic(self, source: SpeechClause, speaker: Speaker, at: int) -> bool:
        """Whether a main clause between the speaker's clause and ``at`` has another subject."""
        for offset, token in self.tokens:
            if offset < source.end or source.in_content(offset) or speaker.start <= offset < speaker.end:
                continue
            if offset >= at:
                break
            if token.dep_ not in ("nsubj", "nsubjpass") or inside_quotation(self.doc, offset):
                continue
            verb = token.head
            if not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")):
                continue
            if token.pos_ == "PRON":
                if SUBJECT_PRONOUNS.get(token.lower_, speaker.gender) != speaker.gender:
                    return True
                continue
            person = self.person_at(offset, offset + len(token))
            if person is None and _no_one_in_sentence(token):
                continue  # "Tickets sold out within an hour.": nothing there a "he" or "she" could mean
            if person is None and source.verb_start < offset < source.sentence_end:
                continue  # "Kim said early voting drew crowds": reported words the parser made a main clause
            if person is None or person.key != speaker.key:
                return True
        return False

    def _mentions_between(self, start: int, end: int, speaker: Speaker | None = None) -> list[tuple[int, int, str]]:
        """Mentions of people in ``[start, end)``; inside the speaker's own phrase, organisations' names too."""
        out = [m for m in self.mention_index + self.noun_mentions if start <= m[0] < end]
        if speaker is not None:  # a possessor in the speaker's phrase: "Bauer's lawyer, Ruth Amsel"
            out += [m for m in self.all_mentions if max(start, speaker.start) <= m[0] < speaker.end and m not in out
                    and self.text.startswith(("'s", "’s", "'", "’"), m[1])]
        return sorted(out)

    # the walk -------------------------------------------------------------------------------------------------
    def run(self) -> SpeakerAnalysis:
        attached = self._attach()
        out: list[Attribution] = []
        topics = iter(self.topics)
        topic = next(topics, None)
        for clause in self.clauses:
            while topic is not None and topic.verb_start < clause.verb_start:
                self._mentioned(topic)
                topic = next(topics, None)
            quotes = attached.get(id(clause), ())
            subject = clause.subject
            speaker, via = None, ""
            if subject is not None and subject.kind == PRONOUN and subject.pronoun in SUBJECT_PRONOUNS:
                if quotes:
                    block = self.doc.blocks[clause.block]
                    first = quotes[0]
                    opens = first.start <= block.start + 1 and not self.text[block.start:first.start].strip()
                    speaker, via = self.resolve(clause, opens or first.continues_previous)
                    if speaker is not None and self._talks_about(quotes, speaker):
                        speaker, via = None, ""
                else:
                    # "She cautioned that …": who speaks next; kept only when the pronoun agrees with them, unless
                    # it is set off by commas inside reported words ("Helicopters were flying, he said, and …"),
                    # which attributes that sentence like a quotation's attribution
                    speaker, via = self.resolve(clause, False)
                    if speaker is not None and speaker.gender not in (None, SUBJECT_PRONOUNS[subject.pronoun]) \
                            and not self._parenthetical(clause):
                        speaker, via = None, ""
            else:
                speaker = self.named_speaker(clause)
            if not self._reported(clause) and not (clause.passive and speaker is None and not quotes):
                # "as the verdict was read": words spoken by nobody the text names are no turn in the talk
                self.events.append((clause.verb_start, clause.block, speaker, clause))
            out.append(Attribution(clause, speaker, tuple(quotes), via))
        return SpeakerAnalysis(tuple(out), self._quote_speakers(out))

    def _parenthetical(self, clause: SpeechClause) -> bool:
        """", he said, ": an attribution with no reported words of its own, between commas mid-sentence."""
        before = self.text[max(clause.sentence_start, clause.subject.start - 2):clause.subject.start]
        after = self.text[clause.verb_end:clause.verb_end + 2]
        return clause.content_start < 0 and before.startswith(",") and after.startswith(",") and \
            clause.subject.start > clause.sentence_start + 2

    def _mentioned(self, topic: SpeechClause) -> None:
        """A sentence about a named person ("Ada Nwosu wept in court."): a possible referent of the next pronoun."""
        speaker = self.named_speaker(topic)
        if speaker is not None and not self._reported(topic):
            self.events.append((topic.verb_start, topic.block, speaker, topic))

    def _talks_about(self, quotes: tuple[Quotation, ...], speaker: Speaker) -> bool:
        """“She deserved it,” he said: the quotation speaks of someone of the candidate's gender, perhaps them.

        A subject or possessive pronoun after another person the quotation names as a subject refers to them
        (“Tobias was kind, and not because he was my son,” she said); the candidate named in the quotation is
        talked about, not speaking.
        """
        if speaker.gender is None:
            return False
        # the name as the attribution gives it ("Mr. Bramley"), not the person's fullest name
        own = set() if speaker.key.startswith("np:") else \
            {fold(w) for w in re.findall(r"[^\W\d_]+", self.text[speaker.start:speaker.end]) if w[:1].isupper()
             and w.lower() not in HONORIFICS and w.lower() not in _TITLES and w.lower() not in _DETERMINERS}
        pronouns = _PRONOUN_SETS[speaker.gender]
        for q in quotes:
            if any(key != speaker.key and not key.startswith("np:") and self.gender_of(key) in (None, speaker.gender)
                   for _s, _e, key in self._mentions_between(self.doc.blocks[q.block].start, q.start)):
                # someone else of that gender named earlier in the paragraph ("who appeared before Judge
                # Mokoena"): “in her court” speaks of them, and the candidate may still be the speaker
                continue
            names = self._names_within(q.inner_start, q.inner_end)
            if any(own & {fold(w) for w in self.text[s:e].split()} for s, e, _k in names):
                return True
            tokens = self._tokens_between(q.inner_start, q.inner_end)
            subjects = [offset for offset, token in tokens if token.dep_ in ("nsubj", "nsubjpass") and any(
                s <= offset < e and self.gender_of(key) in (None, speaker.gender) for s, e, key in names)]
            for offset, token in tokens:
                if token.lower_ not in pronouns:
                    continue
                anchored = token.dep_ in ("nsubj", "nsubjpass", "poss") and any(o < offset for o in subjects)
                if not anchored:
                    return True
        return False

    def _tokens_between(self, start: int, end: int) -> list:
        if not hasattr(self, "_token_offsets"):
            self._token_offsets = [offset for offset, _t in self.tokens]
        lo = bisect.bisect_left(self._token_offsets, start)
        hi = bisect.bisect_left(self._token_offsets, end)
        return self.tokens[lo:hi]

    def _names_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """People named in ``[start, end)`` (inside quotations too): the people's mentions and PERSON entities."""
        out = {(m.start, m.end, p.key) for p in self.persons if p.kind == "person" for m in p.mentions
               if start <= m.start < end}
        for s, e, label, _text in self.doc.nlp.entities():
            if label == "PERSON" and start <= s < end and not any(o[0] < e and s < o[1] for o in out):
                person = self.person_at(s, e)
                out.add((s, e, person.key if person is not None else f"name:{self.text[s:e]}"))
        return sorted(out)

    def _reported(self, clause: SpeechClause) -> bool:
        """A clause inside another's reported words ("said [he would ask the court]") is no new speaker."""
        return any(other is not clause and other.in_content(clause.verb_start) for other in self.clauses
                   if other.block == clause.block)

    def _attach(self) -> dict[int, tuple[Quotation, ...]]:
        """Quotations each clause attributes: right after it, or right before it."""
        result: dict[int, list[Quotation]] = {}
        for q in self.quotes:
            clause = self._clause_after(q) or self._clause_before(q)
            if clause is not None:
                result.setdefault(id(clause), []).append(q)
        return {k: tuple(v) for k, v in result.items()}

    def _clause_after(self, q: Quotation) -> SpeechClause | None:
        for clause in self.clauses:
            if clause.block != q.block or clause.start < q.end:
                continue
            if _BETWEEN_AFTER.match(self.text[q.end:clause.start]) and clause.subject is not None \
                    and not self._sentence_ends(q, clause):
                return clause
            return None
        return None

    def _sentence_ends(self, q: Quotation, clause: SpeechClause) -> bool:
        """“… emergency.” He said …: a full stop inside the marks ends the sentence before the clause."""
        inner = self.text[q.inner_start:q.inner_end].rstrip()
        if not inner.endswith((".", "?", "!", "…")):
            return False
        if inner.endswith(".") and not inner.endswith("..."):
            return True
        first = self.text[clause.start:clause.end]
        return clause.subject.kind == PRONOUN and first[:1].isupper() and clause.start < clause.verb_start

    def _clause_before(self, q: Quotation) -> SpeechClause | None:
        best = None
        for clause in self.clauses:
            if clause.block != q.block or clause.end > q.start:
                continue
            best = clause
        if best is not None and best.subject is not None and _BETWEEN_BEFORE.match(self.text[best.end:q.start]):
            return best
        return None

    def _quote_speakers(self, out: list[Attribution]) -> dict[int, Attribution]:
        """Each quotation's attribution: its own, else the paragraph's, else the quotation it continues."""
        own = {q.start: a for a in out for q in a.quotations}
        result: dict[int, Attribution] = {}
        previous: Attribution | None = None
        for q in self.quotes:
            attribution = own.get(q.start)
            if attribution is None:
                same_block = [a for a in out if a.clause.block == q.block and a.quotations]
                if same_block:
                    attribution = min(same_block, key=lambda a: abs(a.clause.verb_start - q.start))
                elif q.continues_previous and previous is not None:
                    attribution = previous
            if attribution is not None:
                result[q.start] = attribution
                previous = attribution
            elif not q.continues_previous:
                previous = None
        return result


def _analyse(doc: "Document") -> SpeakerAnalysis:
    return _Walk(doc).run()
