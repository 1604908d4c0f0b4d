"""Speech clauses: a speech verb and its subject ("she said", "said Smith", "according to her lawyer")."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.attribution.evidence import MEDIUM, STRONG, Evidence, noun_strength
from newslint.attribution.lexicon import (
    GENDERED_NOUNS, HONORIFICS, NEUTRAL_PRONOUNS, PERSON_NOUNS, QUESTION_VERBS, RELATIONAL_NOUNS,
    SPEECH_VERBS, SUBJECT_PRONOUNS,
)
from newslint.names_text import ORG_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

PRONOUN = "pronoun"
NAME = "name"
NOUN = "noun"
OTHER = "other"


@dataclass(frozen=True)
class Subject:
    """Who a speech clause says is speaking.

    ``kind`` is ``pronoun`` (he, she, they), ``name`` (a proper name, perhaps
    with an appositive), ``noun`` (a person noun: "his wife", "a spokesman")
    or ``other`` (police, the ministry). ``start``/``end`` cover the whole
    noun phrase; ``name_start``/``name_end`` the proper name when there is one.
    ``evidence`` is the gender the phrase itself states ("his wife", "Ms").
    """

    kind: str
    start: int
    end: int
    text: str
    head: str
    name_start: int = -1
    name_end: int = -1
    evidence: tuple[Evidence, ...] = ()

    @property
    def pronoun(self) -> str:
        return self.head.lower() if self.kind == PRONOUN else ""


@dataclass(frozen=True)
class SpeechClause:
    """A speech verb (``verb_start``..``verb_end``) with its subject, outside or inside quotation marks.

    ``content_start``/``content_end`` cover the reported words of indirect
    speech ("said [he would ask the court ...]"); people named there are
    talked about, not speaking. ``pronoun_evidence`` is what the clause says
    about its named subject's gender ("Langat said he would ask").
    """

    block: int
    verb_start: int
    verb_end: int
    verb: str
    subject: Subject | None
    sentence_start: int
    sentence_end: int
    content_start: int = -1
    content_end: int = -1
    question: bool = False
    pronoun_evidence: tuple[Evidence, ...] = ()
    #: False for a sentence about a named person that reports no speech ("Ada Nwosu wept in court.")
    spoken: bool = True
    #: the subject is what was said or who was told, not the speaker ("as the verdict was read")
    passive: bool = False

    @property
    def start(self) -> int:
        return min(self.verb_start, self.subject.start) if self.subject else self.verb_start

    @property
    def end(self) -> int:
        return max(self.verb_end, self.subject.end) if self.subject else self.verb_end

    def in_content(self, offset: int) -> bool:
        return self.content_start <= offset < self.content_end


def speech_clauses(doc: "Document") -> tuple[SpeechClause, ...]:
    """Every speech clause of the document, in text order (computed once per document)."""
    return doc.shared("attribution.clauses", _find_clauses)


def _find_clauses(doc: "Document") -> tuple[SpeechClause, ...]:
    return _scan(doc, _clause)


def _scan(doc: "Document", read) -> tuple[SpeechClause, ...]:
    """``read(token, offset, block, sentence)`` over every token of the prose paragraphs, in text order."""
    out: list[SpeechClause] = []
    for offset, sdoc in doc.nlp.blocks():
        index = doc.block_index(offset)  # a very long paragraph is parsed in several pieces
        if doc.blocks[index].kind in ("heading", "title", "table-cell"):
            continue
        for sent in sdoc.sents:
            for token in sent:
                clause = read(token, offset, index, sent)
                if clause is not None:
                    out.append(clause)
    out.sort(key=lambda c: (c.verb_start, c.verb_end))
    return tuple(out)


def topic_clauses(doc: "Document") -> tuple[SpeechClause, ...]:
    """Main clauses with a named person as the subject of another verb ("Ada Nwosu wept in court")."""
    return doc.shared("attribution.topics", _find_topics)


def _find_topics(doc: "Document") -> tuple[SpeechClause, ...]:
    return _scan(doc, _topic)


def _topic(verb, offset: int, index: int, sent) -> SpeechClause | None:
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma in SPEECH_VERBS or lemma in QUESTION_VERBS:
        return None
    if not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")):
        return None
    head = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # active voice only
    if head is None or head.pos_ not in ("PROPN", "NOUN"):
        return None
    subject = _subject(head, offset)
    if subject.kind != NAME and not (subject.kind == OTHER and head.text[:1].isupper() and " " not in subject.text):
        return None  # a capitalised word the parser calls a noun may be a surname ("Arslan does not want")
    return SpeechClause(index, offset + verb.idx, offset + verb.idx + len(verb), lemma, subject,
                        offset + sent.start_char, offset + sent.end_char, spoken=False)


def _clause(token, offset: int, index: int, sent) -> SpeechClause | None:
    lemma = token.lemma_.lower()
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        to = next(c for c in token.children if c.lower_ == "to")
        objects = [c for c in to.children if c.dep_ == "pobj"]
        subject = _subject(objects[0], offset) if objects else None
        content_start, content_end = _according_content(token, offset)
        return SpeechClause(index, offset + token.idx, offset + to.idx + len(to), "according to", subject,
                            offset + sent.start_char, offset + sent.end_char, content_start, content_end)
    if token.pos_ not in ("VERB", "AUX") or (lemma not in SPEECH_VERBS and lemma not in QUESTION_VERBS):
        return None
    if lemma in ("write", "post", "answer", "confirm", "deny", "describe", "estimate", "continue", "note",
                 "promise", "add") and not _has_clausal_object(token):
        # "wrote a memoir", "added a second line", "continued to work": not speech without reported words
        if not _next_to_quote(token):
            return None
    head = _subject_token(token)
    subject = _subject(head, offset) if head is not None else None
    content = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.i > token.i]
    content_start = content_end = -1
    pronoun_evidence: tuple[Evidence, ...] = ()
    if content:
        tokens = list(content[0].subtree)
        content_start = offset + tokens[0].idx
        content_end = offset + tokens[-1].idx + len(tokens[-1])
        pronoun_evidence = _pronoun_evidence(token, content[0], subject, offset)
    elif subject is not None and subject.kind in (NAME, NOUN):
        pronoun_evidence = _clause_possessive(token, None, subject, offset)
    return SpeechClause(index, offset + token.idx, offset + token.idx + len(token), lemma, subject,
                        offset + sent.start_char, offset + sent.end_char, content_start, content_end,
                        lemma in QUESTION_VERBS, pronoun_evidence,
                        passive=head is not None and head.dep_ == "nsubjpass")


def _according_content(according, offset: int) -> tuple[int, int]:
    """The words "according to X" reports: the rest of the clause it modifies ("[the plan failed]")."""
    head = according.head
    if head.i == according.i:
        return -1, -1
    own = {t.i for t in according.subtree}
    words = [t for t in head.subtree if t.i not in own and not t.is_punct]
    if not words:
        return -1, -1
    phrase = [t.i for t in according.subtree]
    before = [t for t in words if t.i < min(phrase)]
    after = [t for t in words if t.i > max(phrase)]
    if before and after:  # "The plan, according to his wife, failed": the whole clause
        first, last = before[0], after[-1]
    else:
        first, last = (after[0], after[-1]) if after else (before[0], before[-1])
    return offset + first.idx, offset + last.idx + len(last)


def _has_clausal_object(token) -> bool:
    return any(c.dep_ in ("ccomp",) for c in token.children)


def _next_to_quote(token) -> bool:
    doc = token.doc
    near = [doc[i] for i in range(max(0, token.i - 3), min(len(doc), token.i + 2))]
    return any(t.text in "”\"’'»«“" for t in near)


def _subject_token(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_token(verb.head)
    return _inverted_subject(verb) or _comma_set_subject(verb)


def _comma_set_subject(verb):
    """"In Kato Pyrgos, Eleni Stathopoulou, 74, a widow ..., said": a person's name, its appositives set off by
    commas up to the verb, that the parser hung on the phrase before it."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.dep_ != "ROOT":
        return None
    for token in reversed(doc[verb.sent.start:verb.i - 1]):
        if token.pos_ == "PROPN" and token.ent_type_ == "PERSON" and token.dep_ not in ("compound", "pobj", "dobj") \
                and doc[token.i + 1].text == ",":
            return token
    return None


def _inverted_subject(verb):
    """“…,” added the headmistress: after a closing mark the parser may read the speaker as an object."""
    doc = verb.doc
    before = [doc[i] for i in range(max(0, verb.i - 2), verb.i)]
    if not before or before[-1].text not in _CLOSERS and not (len(before) == 2 and before[-1].text == ","
                                                               and before[0].text in _CLOSERS):
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "oprd") \
                and child.pos_ in ("NOUN", "PROPN") and not any(t.text in _OPENERS for t in child.subtree):
            return child
    return None


_CLOSERS = frozenset("”\"’'»")
_OPENERS = frozenset("“\"‘«")


def _subject(head, offset: int) -> Subject:
    tokens = list(head.subtree)
    start = offset + tokens[0].idx
    end = offset + tokens[-1].idx + len(tokens[-1])
    text = head.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
    lower = head.lower_
    if head.pos_ == "PRON":
        kind = PRONOUN if lower in SUBJECT_PRONOUNS or lower in NEUTRAL_PRONOUNS else OTHER
        return Subject(kind, offset + head.idx, offset + head.idx + len(head), head.text, head.text)
    conjuncts = [child for child in head.children if child.dep_ == "conj"]
    named_by_appos = any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
    if conjuncts and (head.pos_ == "PROPN" or not named_by_appos or any(c.pos_ != "NOUN" for c in conjuncts)):
        # "Ms Quist and Mr Haldane said", "his wife and daughter said": more than one speaker
        # (but "the president and chief executive, Alan Mulally," is one person)
        return Subject(OTHER, start, end, text, head.text)
    evidence: list[Evidence] = []
    name = _name_tokens(head)
    if name is None:
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                name = _name_tokens(child)
                break
    trailing: list = []
    if name is None and head.pos_ == "NOUN" and (_noun_gender(head) or head.lemma_.lower() in PERSON_NOUNS):
        trailing = _trailing_name(tokens[-1])
        if trailing:
            name = [t for t in trailing if t.lower_.rstrip(".") not in HONORIFICS]
            end = offset + trailing[-1].idx + len(trailing[-1])
            text = head.doc.text[tokens[0].idx:trailing[-1].idx + len(trailing[-1])]
    # "the father of the victim, Emma Hale": the name may be the victim's, so the head noun says nothing of it
    ambiguous = name is not None and name[0].i > head.i and _of_person(head)
    # words before the head and appositives: "his wife", "Ms", "Congresswoman", ", his wife,"
    for token in _modifier_tokens(head) + trailing:
        if ambiguous and token.i == head.i:
            continue
        word = token.lower_.rstrip(".")
        if word in HONORIFICS and token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN":
            evidence.append(Evidence(HONORIFICS[word], STRONG, offset + token.idx,
                                     offset + token.idx + len(token), f'called "{_phrase_from(token)}"'))
        elif token.pos_ in ("NOUN", "PROPN") and _noun_gender(token):
            phrase = _noun_phrase(token)
            verb = "introduced as" if token.lemma_.lower() in RELATIONAL_NOUNS or token.lower_ in RELATIONAL_NOUNS \
                else "described as"
            evidence.append(Evidence(_noun_gender(token), noun_strength(token.lemma_), offset + token.idx,
                                     offset + token.idx + len(token), f'{verb} "{phrase}"'))
    if name is not None:
        evidence.extend(_relative_clause_pronoun(name[-1], offset))
    if name is not None:
        kind = NAME
        name_start = offset + name[0].idx
        name_end = offset + name[-1].idx + len(name[-1])
    elif head.pos_ == "NOUN" and (_noun_gender(head) or head.lemma_.lower() in PERSON_NOUNS):
        kind, name_start, name_end = NOUN, -1, -1
    else:
        kind, name_start, name_end = OTHER, -1, -1
    return Subject(kind, start, end, text, head.text, name_start, name_end, tuple(evidence))


def _trailing_name(last):
    """", Li Wen" right after a person noun and closing its phrase: an appositive name the parser attached elsewhere."""
    doc = last.doc
    i = last.i + 1
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].pos_ != "PROPN":
        return []
    run = []
    j = i + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].sent.start == last.sent.start:
        run.append(doc[j])
        j += 1
    if j < len(doc) and not (doc[j].is_punct and doc[j].text in ",.;:)—–" or doc[j].text in _CLOSERS):
        return []  # "according to the report, Mrs. Hale approved …": the name starts the next clause
    if not [t for t in run if t.lower_.rstrip(".") not in HONORIFICS]:
        return []
    return run


def _name_tokens(token):
    """The proper name ending at ``token`` ("Natalia Pinchuk"), or None when it is no proper noun."""
    if token.pos_ != "PROPN":
        return None
    first = token
    while first.i > 0:
        before = token.doc[first.i - 1]
        if before.pos_ == "PROPN" and before.head.i in (token.i, first.i) and before.lower_.rstrip(".") not in HONORIFICS \
                and before.dep_ in ("compound", "flat", "nmod", "amod"):
            first = before
        else:
            break
    return [token.doc[i] for i in range(first.i, token.i + 1)]


def _relative_clause_pronoun(name, offset: int) -> list[Evidence]:
    """"Akter, who shares a room with her husband, said": a "he"/"she"/"his"/"her" in a who-clause on the name,
    before any other person it names, is the named person's."""
    for clause in (c for c in name.children if c.dep_ == "relcl"):
        if not any(t.lower_ == "who" and t.dep_ in ("nsubj", "nsubjpass") for t in clause.children):
            continue
        for token in clause.subtree:
            if token.pos_ == "PROPN" or (token.pos_ == "NOUN" and _noun_gender(token)):
                break  # someone else named first: the pronoun may be theirs
            gender = {"he": "male", "his": "male", "she": "female", "her": "female"}.get(token.lower_)
            if gender and token.dep_ in ("poss", "nsubj", "nsubjpass"):
                return [Evidence(gender, MEDIUM, offset + token.idx, offset + token.idx + len(token),
                                 f'referred to as "{token.lower_}" ("{name.text}, who ... {token.text} '
                                 f'{token.head.text}")')]
    return []


def _modifier_tokens(head):
    """The head, the words before it in its phrase, and its appositives (with their own modifiers)."""
    out = [t for t in head.subtree if t.i <= head.i and t.dep_ != "relcl" and _not_in_clause(t, head)]
    for child in head.children:
        if child.dep_ == "appos":
            out.extend(t for t in child.subtree if _not_in_clause(t, head))
    return out


def _not_in_clause(token, head) -> bool:
    """True when no relative clause or prepositional phrase stands between ``token`` and ``head``."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "prep", "pobj", "ccomp", "advcl"):
            return False
        if node.dep_ == "poss" and node.head.i == head.i and node.pos_ != "PRON":
            return False  # "Mr Pryce's neighbour": the possessor is someone else
        node = node.head
    return True


def _noun_gender(token) -> str | None:
    return GENDERED_NOUNS.get(token.lower_) or GENDERED_NOUNS.get(token.lemma_.lower()) \
        if not (token.pos_ == "PROPN" and token.lower_ in ("king", "prince", "queen", "lady")) else None


def _noun_phrase(token) -> str:
    """The noun with its possessor or article: "his wife", "Kolesnikova’s sister"."""
    left = [c for c in token.children if c.dep_ in ("poss", "det", "amod", "compound") and c.i < token.i]
    first = min([token] + [c.left_edge for c in left], key=lambda t: t.i)
    return token.doc.text[first.idx:token.idx + len(token)]


def _phrase_from(token) -> str:
    """An honorific with the name after it: "Ms Carter"."""
    doc = token.doc
    last = token
    while last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN":
        last = doc[last.i + 1]
    return doc.text[token.idx:last.idx + len(last)]


def _pronoun_evidence(verb, content, subject: Subject | None, offset: int) -> tuple[Evidence, ...]:
    """"Langat said he would ask": the reported clause opens with a pronoun for the named subject;
    "Villanueva told a news conference at his campaign office": a possessive in the clause itself, outside
    the reported words, is the subject's."""
    if subject is None or subject.kind not in (NAME, NOUN):
        return ()
    return _opening_pronoun(verb, content, subject, offset) + _clause_possessive(verb, content, subject, offset)


def _clause_possessive(verb, content, subject: Subject, offset: int) -> tuple[Evidence, ...]:
    """The first "his"/"her" after the speech verb in its own clause, outside the reported words and any
    quotation (a quotation's "his" is not the speaker's)."""
    reported = {t.i for t in content.subtree} if content is not None else set()
    text = verb.doc.text
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "punct") or child.i in reported or child.i < verb.i:
            continue
        for token in child.subtree:
            gender = {"his": "male", "her": "female"}.get(token.lower_)
            if gender and token.dep_ == "poss" and token.i not in reported and \
                    not any(c in _QUOTE_CHARS for c in text[verb.idx:token.idx]):
                name = text[subject.name_start - offset:subject.name_end - offset] if subject.kind == NAME \
                    else subject.head
                return (Evidence(gender, MEDIUM, offset + token.idx, offset + token.idx + len(token),
                                 f'referred to as "{token.lower_}" ("{name} {verb.text} ... {token.text} '
                                 f'{token.head.text}")'),)
    return ()


_QUOTE_CHARS = frozenset('“”"«»')


def _opening_pronoun(verb, content, subject: Subject, offset: int) -> tuple[Evidence, ...]:
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].lower_ == "that":
        i += 1
    if i >= len(doc):
        return ()
    word = doc[i]
    gender = SUBJECT_PRONOUNS.get(word.lower_)
    if gender is None or word.dep_ not in ("nsubj", "nsubjpass") or word.head.i != content.i and word.head.head.i != content.i:
        return ()
    name = doc.text[subject.name_start - offset:subject.name_end - offset] if subject.kind == NAME else subject.head
    text = name + " " + doc.text[verb.idx:word.idx + len(word)]
    return (Evidence(gender, MEDIUM, offset + word.idx, offset + word.idx + len(word),
                     f'referred to as "{word.lower_}" ("{text}")'),)


def _organisation(token) -> bool:
    """"the Ministry of Equipment and Water", "Reuters": a proper noun the tagger or an organisation word
    says is no person, so "a spokesman for the Ministry, Omar Kettani," names the spokesman."""
    return token.ent_type_ in ("ORG", "GPE", "LOC", "NORP", "FAC") or token.lower_ in ORG_WORDS


def _of_person(head) -> bool:
    """The noun has an "of" (or "for", "at") phrase naming people ("the mother of the accused", "a friend of
    the family", "a spokeswoman for the minister")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in PERSON_NOUNS or _noun_gender(obj)
                                           or obj.pos_ == "PROPN" and not _organisation(obj)):
                    return True
    return False
