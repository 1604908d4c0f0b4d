"""Ages, births and deaths of the people in an article, tied to dates, to check one against the others."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator

from unidecode import unidecode

from newslint.attribution.lexicon import PERSON_NOUNS
from newslint.names_text import is_title
from newslint.time.calendar import Interval, age_on
from newslint.time.timeline import EXPLICIT_KINDS, Mention, Timeline


@dataclass(frozen=True)
class AgeStatement:
    """An age the text gives for a person at some time: "Smith, 45,", "He was 88.", "dies at 83"."""

    person: str
    age: int
    start: int
    end: int
    when: Interval
    #: other times the age may refer to; a contradiction must hold for every one of them
    also: tuple[Interval, ...] = ()


@dataclass(frozen=True)
class Birth:
    person: str
    when: Interval
    line: int
    text: str


def allowed_ages(birth: Interval, when: Interval) -> tuple[int, int]:
    """The youngest and oldest a person born within ``birth`` can be at some day within ``when``."""
    return age_on(birth.end, when.start), age_on(birth.start, when.end)


def _key(token) -> str:
    """A person's key: the words of the name, without accents."""
    return unidecode(token.text).lower().strip(".")


def _name_token(token):
    """The last word of the name a token belongs to ("Osvaldo Giménez" -> "Giménez")."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN":
        token = token.head
    return token


def _full_name(token) -> str:
    """The whole name ending at ``token``: its compound words and itself, without a title before it
    ("Judge Ama Osei" -> "ama osei")."""
    last = _name_token(token)
    compounds = {t.i: t for t in last.children if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < last.i}
    words = []
    i = last.i - 1
    while i in compounds:  # only the words written next to the name ("SIBIU, Romania — Teodor Vasilescu")
        words.insert(0, compounds[i])
        i -= 1
    while words and is_title(words[0].text):
        words = words[1:]
    return " ".join(_key(t) for t in [*words, last])


class People:
    """Resolves names and pronouns to one key per person.

    A full name is its own key; a surname alone is the first person introduced with it (in a profile or an
    obituary, the subject), so "Quiroga was born" and "Anxo Quiroga, 77," are told apart.
    """

    def __init__(self, timeline: Timeline) -> None:
        self.persons: list[tuple[int, str]] = []
        self.first_by_surname: dict[str, str] = {}
        self.first_by_inner_word: dict[str, str] = {}
        found: list[tuple[int, str]] = []
        # whoever the article says was born is a person, whatever spaCy's label for the name
        born = {_full_name(t.head if t.dep_ == "compound" else t).split()[-1]
                for _, token in timeline.tokens if token.lower_ == "born" and token.tag_ == "VBN"
                for t in token.children if t.dep_ == "nsubjpass" and t.pos_ == "PROPN" and not t.text.isupper()}
        for offset, token in timeline.tokens:
            if token.pos_ == "PROPN" and token.dep_ != "compound" and not token.text.isupper() and (
                    token.ent_type_ == "PERSON" or _key(token) in born or _described_as_a_person(token)):
                found.append((offset, _full_name(token)))
        for offset, name in found:
            self.persons.append((offset, self.canonical(name)))
        self.starts = [p[0] for p in self.persons]
        self.known = {p[1].split()[-1] for p in self.persons if p[1].split()}

    def canonical(self, name: str) -> str:
        parts = name.split()
        if not parts:  # a token that is all symbols or spaces
            return name
        surname = parts[-1]
        if " " in name:
            self.first_by_surname.setdefault(surname, name)
            for word in parts[1:-1]:  # "Rosa Quispe Mamani" is "Quispe": a first of two surnames
                self.first_by_inner_word.setdefault(word, name)
            return name
        return self.first_by_surname.get(surname) or self.first_by_inner_word.get(surname, name)

    def after_dateline(self, sentence) -> str | None:
        """The person a sentence opening with a dateline ("LAGOS, Nigeria — Ada Obi, ...") is about."""
        dashed = False
        for token in sentence:
            if token.text in ("—", "–", "--"):
                dashed = True
            elif dashed and token.pos_ == "PROPN":
                return self.canonical(_full_name(token))
        return None

    def last_before(self, offset: int) -> str | None:
        """The person named last before ``offset`` ("the 36-year-old" is the one just told of)."""
        i = bisect.bisect_left(self.starts, offset) - 1
        return self.persons[i][1] if i >= 0 else None

    def of(self, token, offset: int) -> str | None:
        if token.pos_ == "PROPN" and token.text.isupper():
            return None  # a dateline ("LAGOS, Nigeria —") parsed as the subject
        if token.pos_ == "PROPN":
            return self.canonical(_full_name(token))
        if token.pos_ == "NOUN":  # "The man, Aaron Kirby, ... was born": the name in apposition
            named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"]
            if named:
                return self.canonical(_full_name(named[0]))
        if token.pos_ == "NOUN" and token.text[:1].isupper() and _key(token) in self.known:
            return self.canonical(_key(token))
        if _definite_person(token):  # "the judge was born", "The 23-year-old, who was born": the one just named
            return self.last_before(offset)
        if token.lower_ in ("he", "she", "him", "her", "his"):
            i = bisect.bisect_left(self.starts, offset) - 1
            return self.persons[i][1] if i >= 0 else None
        return None


def _definite_person(token) -> bool:
    """"the judge", "The 23-year-old": a definite person noun, or the "old" of a definite N-year-old."""
    year_old = token.lower_ == "old" and token.i >= 2 and token.doc[token.i - 2].lower_ == "year"
    return (year_old or token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS) and \
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _described_as_a_person(token) -> bool:
    """A name the text calls a person whatever its label: given an age ("Nwachukwu, 61,") or in apposition
    to a person noun ("the defendant, Emeka Nwachukwu,")."""
    doc = token.doc
    if token.i + 3 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].text.isdigit() \
            and doc[token.i + 3].text in (",", ")") and 1 <= int(doc[token.i + 2].text) <= 120:
        return True
    return token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in PERSON_NOUNS


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("acl", "relcl", "appos") and verb.head.pos_ == "PROPN":
        return verb.head
    if verb.dep_ == "relcl" and _definite_person(verb.head):
        return verb.head  # "The 23-year-old, who was born in 2000,"
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN" and verb.head.dep_ == "appos" \
            and verb.head.head.pos_ == "PROPN":
        return verb.head.head  # "Rosa Quiroga, a retired teacher born in August 1949,"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head is not verb:
        return _subject(verb.head)  # "Born in Soweto in 1957, the judge was": the main clause's subject
    return None


def _mentions_by_sentence(timeline: Timeline) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = {}
    for mention in timeline.mentions:
        out.setdefault(mention.sentence, []).append(mention)
    return out


def analyse_people(timeline: Timeline, sentence_of) -> tuple[list[Birth], list[AgeStatement]]:
    """Births and age statements of the article (``sentence_of(offset)`` gives a sentence index)."""
    people = People(timeline)
    by_sentence = _mentions_by_sentence(timeline)
    offsets = {(id(tok.doc), tok.i): off for off, tok in timeline.tokens}
    births: list[Birth] = []
    birth_dates: set[int] = set()  # a birth date never dates an age given in the same sentence
    deaths: dict[str, Interval] = {}
    for offset, token in timeline.tokens:
        # "She was born in 1958", or "Court papers give his date of birth as Sept. 3, 1966"
        born = token.lower_ == "born" and token.tag_ == "VBN"
        whose = _subject(token) if born else _date_of_birth(token)
        if born or whose is not None:
            person = people.of(whose, offsets.get((id(whose.doc), whose.i), offset)) if whose is not None else None
            date = _date_after(by_sentence.get(sentence_of(offset), []), offset, token)
            if date is not None:
                birth_dates.add(date.start)
            if person and date is not None:
                births.append(Birth(person, date.interval, date.line, date.text))
        elif token.lemma_ == "die" and token.pos_ == "VERB":
            subject = _subject(token)
            person = people.of(subject, offsets.get((id(subject.doc), subject.i), offset)) if subject else None
            if person is None and subject is not None and subject.text.isupper():
                person = people.after_dateline(token.sent)
            for mention in by_sentence.get(sentence_of(offset), []):
                if mention.verb_index == token.i and mention.interval and mention.interval.grain in ("day", "week"):
                    if person:
                        deaths.setdefault(person, mention.interval)
    ages: list[AgeStatement] = []
    reference = Interval.day(timeline.reference)
    for offset, token in timeline.tokens:
        found = _age(token)
        if found is None:
            continue
        age, subject, kind = found
        end = offset + len(token.text)
        if kind in ("the-year-old", "named"):
            old = token.doc[token.i + 4]
            end = offset + old.idx + len(old.text) - token.idx
        if kind == "named":  # an age given with a name, like "Smith, 45,": now, or at the sentence's date
            kind = "apposition"
            person = people.of(subject, offsets.get((id(subject.doc), subject.i), offset))
        elif kind == "the-year-old" and subject.pos_ != "PROPN":
            person = people.last_before(offset)
            kind = "apposition"
        else:
            person = people.of(subject, offsets.get((id(subject.doc), subject.i), offset))
        if not person:
            continue
        sentence = [m for m in by_sentence.get(sentence_of(offset), [])
                    if m.interval is not None and m.start not in birth_dates]
        dated = [m for m in sentence if m.expr.kind in EXPLICIT_KINDS and m.expr.kind != "decade"]
        when: Interval | None
        if kind == "at" and not dated:
            continue  # "At 29, she ..." with no date: the age at some time the sentence does not give
        if kind == "turns":
            own = [m for m in sentence if m.verb_index == token.head.i]
            when = own[0].interval if own else reference
        elif kind == "death":
            when = deaths.get(person)
        elif dated and kind == "apposition":
            # "Smith, 47, has led the union since 2015": news gives a person's age now, but the sentence's
            # date may be meant ("In 1998 Smith, 45, founded ..."): flag only what contradicts both readings.
            # A date in a relative clause on the person ("Smith, 61, who has sat on the board since 2019,
            # argued") dates that clause, not the person's age.
            own = [m for m in dated if not _in_relative_clause_on(subject, m.verb_index)]
            if len(own) > 1:
                continue
            ages.append(AgeStatement(person, age, offset, end,
                                     deaths.get(person, reference), tuple(m.interval for m in own)))
            continue
        elif dated:
            if len(dated) > 1:
                continue
            when = dated[0].interval
        elif kind == "was":
            when = deaths.get(person)
        else:
            when = deaths.get(person, reference)
        if when is not None:
            ages.append(AgeStatement(person, age, offset, end, when))
    return births, ages


def _in_relative_clause_on(person, verb_index: int | None) -> bool:
    """Whether the verb a date belongs to sits in a relative clause describing ``person`` ("who ... since 2019")."""
    if verb_index is None or not 0 <= verb_index < len(person.doc):
        return False
    verb = person.doc[verb_index]
    return any(t.dep_ == "relcl" and t.head.i == person.i for t in (verb, *verb.ancestors))


def _date_of_birth(token):
    """The possessor of "date of birth" or "birth date" when ``token`` is its "birth" ("his date of birth")."""
    if token.lower_ != "birth":
        return None
    date = token.head.head if token.head.lower_ == "of" and token.head.head.lower_ == "date" else \
        token.head if token.dep_ == "compound" and token.head.lower_ == "date" else None
    if date is None:
        return None
    return next((c for c in date.children if c.dep_ == "poss"), None)


def _date_after(mentions: list[Mention], offset: int, born) -> Mention | None:
    """The birth date: the first full date, month or year after "born" that dates "born" itself ("born in
    Chiang Mai in June 1958"), or else one written within a few words of it."""
    after = [m for m in mentions if m.start > offset and m.interval is not None
             and m.expr.kind in ("date", "year", "month") and m.expr.year is not None]
    for mention in after:
        if mention.verb_index == born.i:
            return mention
    for mention in after:
        if mention.start - offset < 60:
            return mention
    return None


def _age(token) -> tuple[int, object, str] | None:
    """(age, the person token, how the age is dated) when ``token`` is a number giving someone's age."""
    if not token.like_num or not token.text.isdigit():
        return None
    value = int(token.text)
    if not 1 <= value <= 120:
        return None
    head = token.head
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    # "Smith, 45," : an apposition between commas right after a name
    if before is not None and before.text == "," and after is not None and after.text in (",", ")") \
            and token.i >= 2 and doc[token.i - 2].pos_ == "PROPN":
        return value, doc[token.i - 2], "apposition"
    # "N-year-old" as a modifier or a noun: tied to a name, or "the 36-year-old" (the person just named)
    if after is not None and after.text in ("-", "‑") and token.i + 4 < len(doc) and \
            doc[token.i + 2].lower_ == "year" and doc[token.i + 4].lower_ == "old":
        return _year_old(value, doc[token.i + 4])
    # "He was 88." / "She is 91."
    if head.lemma_ == "be" and token.dep_ in ("attr", "acomp", "npadvmod") and (after is None or after.is_punct):
        subject = _subject(head)
        if subject is not None:
            return value, subject, "was" if head.tag_ == "VBD" else "is"
    # "died ... at 84", "dies at the age of 84"
    prep = head
    if prep.lower_ == "of" and prep.head.lower_ == "age":
        prep = prep.head.head
    if prep.lower_ == "at" and prep.dep_ == "prep" and prep.head.lemma_ == "die":
        subject = _subject(prep.head)
        if subject is not None:
            return value, subject, "death"
    # "In March 1958, at 29, she ...": an age set off by commas before a person's clause, at the sentence's date
    if head.lower_ == "at" and token.dep_ == "pobj" and before is not None and before.i == head.i and after is not None \
            and after.text == "," and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
            and (head.i == 0 or doc[head.i - 1].text == "," or doc[head.i - 1].is_sent_start is True
                 or doc[head.i - 1].i == head.sent.start - 1):
        subject = _subject(head.head)
        if subject is not None and subject.i > token.i and subject.pos_ in ("PRON", "PROPN"):
            return value, subject, "at"
    # "turns 30 on Saturday"
    if head.lemma_ == "turn" and token.dep_ in ("dobj", "attr", "oprd", "npadvmod"):
        subject = _subject(head)
        if subject is not None:
            return value, subject, "turns"
    return None


def _year_old(value: int, old) -> tuple[int, object, str] | None:
    """The person an "N-year-old" describes, with how to find them.

    - "named": a name it modifies ("the 70-year-old Judge Ama Osei", "70-year-old Ama Osei"), the name its
      noun stands in apposition to ("Osei, a 70-year-old grandmother,"), or the name in apposition to its
      noun ("the 70-year-old judge, Ama Osei,");
    - "the-year-old": "the 36-year-old" or "the 70-year-old grandmother" as a subject, with no name: the
      person just told of. An indefinite one ("a 36-year-old passenger") is someone new, and a noun that
      names no person ("the 70-year-old building", "a 70-year-old law") is no one.
    """
    doc = old.doc
    number = doc[old.i - 4]
    following = doc[old.i + 1] if old.i + 1 < len(doc) else None
    if _reads_as_subject(doc, number, following):
        # "The 23-year-old finished third.": a subject the small model reads as a modifier of "third"
        return value, old, "the-year-old"
    noun = old.head if old.dep_ == "amod" and old.head.pos_ in ("NOUN", "PROPN") else old
    if noun.pos_ == "PROPN":
        name = _name_token(noun)
        return (value, name, "named") if name.pos_ == "PROPN" else None
    person_noun = noun is old or noun.lemma_.lower() in PERSON_NOUNS
    if not person_noun:
        return None
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return value, noun.head, "named"
    named = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named:
        return value, named[0], "named"
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) \
            and noun.dep_ in ("nsubj", "nsubjpass", "ROOT", "appos"):
        return value, noun, "the-year-old"
    return None


def _reads_as_subject(doc, number, following) -> bool:
    """Whether "The N-year-old" opens its sentence and a past-tense verb follows it ("The 23-year-old finished
    third."), not a modifier and its noun ("The 70-year-old restored church")."""
    if following is None or number.i - 1 != number.sent.start or doc[number.i - 1].lower_ != "the":
        return False
    if following.tag_ in ("VBD", "VBZ", "MD"):
        return True
    if not (following.lower_.endswith("ed") and following.tag_ in ("JJ", "VBN")):
        return False
    nxt = doc[following.i + 1] if following.i + 1 < len(doc) else None
    return nxt is None or nxt.tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ") or nxt.ent_type_ == "ORDINAL"


def age_conflicts(births: list[Birth], ages: list[AgeStatement]) -> Iterator[tuple[AgeStatement, Birth, int, int]]:
    for statement in ages:
        for birth in births:
            if birth.person != statement.person:
                continue
            low, high = allowed_ages(birth.when, statement.when)
            fits_another = any(lo <= statement.age <= hi
                               for lo, hi in (allowed_ages(birth.when, other) for other in statement.also))
            if not low <= statement.age <= high and not fits_another:
                yield statement, birth, low, high
            break
