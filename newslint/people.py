"""Who the article names: mentions of people and organisations, grouped by the person they refer to.

Shared by every rule that needs to know who a name means (names, attribution,
grammar). Mentions are read from the text itself, runs of capitalised words
with their particles and initials, and spaCy's entity labels only help to
classify them: the small English model calls some people ORG, and misses
surname-only mentions at the start of a sentence. Computed once per document
through ``doc.shared("people", ...)``.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Iterable

from newslint.names_text import (MONTHS_DAYS, ORG_WORDS, PARTICLES, RELATION_WORDS, fold, is_acronym,
                                 is_initial, is_title, spelling_variant, strip_possessive)

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "LANGUAGE"})
OTHER_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "MONEY", "PERCENT",
                          "QUANTITY", "ORDINAL", "CARDINAL"})
SPEECH_WORDS = frozenset("said says told tells added adds asked explained stated wrote noted according "
                         "recalled insisted argued warned announced confirmed".split())
#: a particle may open a name mid-sentence ("bin Salman", "van Gogh")
_LEADING_PARTICLES = frozenset("bin ibn bint van von de del della der den al el abu da di dos du".split())
_FUNCTION_POS = frozenset({"SCONJ", "ADP", "DET", "PRON", "ADV", "CCONJ", "AUX", "VERB", "PART", "INTJ", "NUM"})
_DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
_HYPHENATED_GIVEN_RE = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-.]*")
#: what may stand between two words of one name: a space, an 'ayn before a word ('Ali, 'Abd),
#: a hyphen left before a space (Inayat-ur- Rahman)
_NAME_GAPS = frozenset({" ", "\u00a0", " '", " ’", " ‘", " ʿ", "- "})
_ABBREVIATION_DOT = frozenset("mr mrs ms dr st jr sr prof gen sen rep gov lt col capt sgt det fr rev mt".split())


@dataclass(frozen=True)
class Mention:
    """One occurrence of a person's or organisation's name in ``doc.text`` (no title, no possessive)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Person:
    """Everyone the article refers to by name; ``name`` is the fullest form it uses."""

    key: str
    name: str
    mentions: tuple[Mention, ...]
    kind: str  # "person" or "org"


@dataclass(frozen=True)
class NameToken:
    """One word of a name: its span, its text (possessive stripped) and its place in the sentence."""

    start: int
    end: int
    text: str
    label: str = ""
    sentence_initial: bool = False


@dataclass(frozen=True)
class NameMention:
    """A name as the article writes it, with its words and how it was recognised."""

    tokens: tuple[NameToken, ...]
    kind: str          # "person", "org" or "place"
    titled: bool = False  # a title or honorific stood before it (Mr., Dr., President)
    sentence: int = 0

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def key_tokens(self) -> tuple[NameToken, ...]:
        """The words that identify the bearer: no initials, no particles."""
        return self._keys

    @cached_property
    def _keys(self) -> tuple[NameToken, ...]:
        return tuple(t for t in self.tokens if not is_initial(t.text) and t.text.lower() not in PARTICLES)

    def family_name_first(self) -> bool:
        """Korean-style order, family name then a hyphenated given name (Lee Seung-min, Park Jae-seong)."""
        return self._family_first

    @cached_property
    def _family_first(self) -> bool:
        keys = self.key_tokens()
        return len(keys) == 2 and len(keys[0].text) <= 5 and bool(_HYPHENATED_GIVEN_RE.match(keys[1].text))

    def surname(self) -> NameToken | None:
        keys = self.key_tokens()
        if not keys:
            return None
        return keys[0] if self.family_name_first() else keys[-1]

    def given(self) -> NameToken | None:
        """The given name written with the surname (None for a surname alone)."""
        keys = self.key_tokens()
        if len(keys) < 2:
            return None
        return keys[1] if self.family_name_first() else keys[0]

    def middles(self) -> tuple[NameToken, ...]:
        keys = self.key_tokens()
        return () if self.family_name_first() else keys[1:-1]


@dataclass(frozen=True)
class NameAnalysis:
    """Everything the names rules read: mentions, capitalised words outside them, and the people."""

    mentions: tuple[NameMention, ...]
    #: capitalised words that are not recognised names but could be misspelt ones
    candidates: tuple[NameToken, ...]
    persons: tuple[Person, ...]
    #: folded words the article uses as places or nationalities
    places: frozenset[str]
    sentences: tuple[tuple[int, int], ...]
    text: str
    #: lowercase English dictionary words (the language model's lemma index); empty when unavailable
    lexicon: frozenset[str] = frozenset()

    def sentence_of(self, offset: int) -> int:
        starts = [s for s, _ in self.sentences]
        return max(bisect.bisect_right(starts, offset) - 1, 0)


# -- public contract ----------------------------------------------------------
def people(doc: "Document") -> tuple[Person, ...]:
    """Every person and organisation the article names, in order of first mention."""
    return name_analysis(doc).persons


def person_at(doc: "Document", offset: int) -> Person | None:
    """The person or organisation whose name covers ``offset``, if any."""
    for person in people(doc):
        for mention in person.mentions:
            if mention.start <= offset < mention.end:
                return person
    return None


def established_names(doc: "Document") -> frozenset[str]:
    """Every word the article uses in a name (and each part of a hyphenated one), as written."""
    def build(d: "Document") -> frozenset[str]:
        words: set[str] = set()
        for mention in name_analysis(d).mentions:
            if mention.kind == "place":
                continue
            for token in mention.tokens:
                words.add(token.text)
                words.update(p for p in re.split(r"[-'’]", token.text) if p)
        return frozenset(words)
    return doc.shared("people.established", build)


def name_analysis(doc: "Document") -> NameAnalysis:
    """The shared analysis behind :func:`people` (computed once per document)."""
    return doc.shared("people", _analyse)


# -- analysis -------------------------------------------------------------------
@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    label: str
    pos: str
    sentence_initial: bool
    possessive: bool


def _analyse(doc: "Document") -> NameAnalysis:
    runs, sentences = _collect_runs(doc)
    lexicon = _lexicon(doc.nlp_model)
    starts = [s for s, _ in sentences]
    mentions: list[NameMention] = []
    pending: list[tuple[NameMention, bool]] = []
    places: set[str] = set()
    for run, titled, weak in runs:
        classified = _classify(doc.text, run, titled, _sentence_index(starts, run[0].start), lexicon)
        if classified is None:
            continue
        if classified.kind == "place":
            places.update(fold(t.text) for t in classified.tokens if t.label in PLACE_LABELS)
        if classified.kind:
            mentions.append(classified)
        else:
            pending.append((classified, weak))
    mentions, surnames_alone = _people_tagged_as_places(mentions, pending, lexicon)
    places -= surnames_alone
    candidates = _resolve_pending(doc.text, mentions, pending, lexicon, surnames_alone)
    mentions.sort(key=lambda m: m.start)
    persons = _group(doc.text, [m for m in mentions if m.kind in ("person", "org")])
    return NameAnalysis(tuple(mentions), tuple(candidates), persons, frozenset(places), sentences, doc.text,
                        lexicon)


def _collect_runs(doc: "Document") -> tuple[list[tuple[list[_Word], bool, bool]], tuple[tuple[int, int], ...]]:
    """Every run of name words in the document, with the sentences' spans."""
    sentences: list[tuple[int, int]] = []
    runs: list[tuple[list[_Word], bool, bool]] = []
    for offset, sdoc in doc.nlp.blocks():
        by_start = {offset + t.idx: t for t in sdoc}
        sent_starts = sorted(offset + s.start_char for s in sdoc.sents)
        sentences.extend((offset + s.start_char, offset + s.end_char) for s in sdoc.sents)
        words = list(_words(doc.text, offset, offset + len(sdoc.text), by_start, sent_starts))
        runs.extend(_runs(doc.text, words))
    return runs, tuple(sentences)


def _classify(text: str, run: list[_Word], titled: bool, sentence: int,
              lexicon: frozenset[str]) -> NameMention | None:
    """A run as a person's, organisation's or place's name; kind "" when the labels do not say."""
    first_person = next((i for i, w in enumerate(run) if w.label == "PERSON"), 0)
    if first_person and any(fold(w.text) in lexicon or is_title(w.text) for w in run[:first_person]):
        # words before a person's name that hold a dictionary word are a description
        # (Boeing Chief Financial Officer Jane Doe)
        titled = True
        run = run[first_person:]
    labels = {w.label for w in run}
    if "PERSON" not in labels and all(fold(w.text) in lexicon or is_title(w.text) for w in run) and \
            (titled or any(is_title(w.text) for w in run)):
        return None  # a job title (Chief Operating Officer), not a name
    tokens = tuple(NameToken(w.start, w.end, w.text, w.label, w.sentence_initial) for w in run)
    if labels and labels <= PLACE_LABELS | OTHER_LABELS:
        kind = "place"
    elif not titled and _ORG_APPOSITIVE_RE.match(text, run[-1].end):
        kind = "org"  # "Kessler Datenwerk, a Berlin software firm": whatever the tagger says
    elif "PERSON" in labels or (titled and not labels & PLACE_LABELS):
        kind = "person"
    elif "ORG" in labels:
        kind = "person" if _looks_like_person(text, run) else "org"
    else:
        kind = ""
    return NameMention(tokens, kind, titled, sentence)


def _people_tagged_as_places(mentions: list[NameMention], pending: list[tuple[NameMention, bool]],
                             lexicon: frozenset[str]) -> tuple[list[NameMention], set[str]]:
    """A surname alone that the tagger calls a place is a person when the article also writes it after a
    given name (Thandeka Mokoena ... appeared before Mokoena; Femke Lindeboom ... Lindeboom said).

    The given name must be no dictionary word, acronym or place, so that New York, Saudi Arabia or
    Hong Kong never lend a surname. Returns the mentions and the folded surnames so recognised.
    """
    full = [m for m in mentions if m.kind == "person"] + [m for m, weak in pending if not weak]
    surnames = {fold(m.key_tokens()[-1].text) for m in full if len(m.key_tokens()) >= 2 and not any(
        fold(t.text) in lexicon or is_acronym(t.text) or t.label in PLACE_LABELS for t in m.key_tokens()[:-1])}
    out: list[NameMention] = []
    found: set[str] = set()
    for m in mentions:
        word = fold(m.tokens[0].text)
        if m.kind == "place" and len(m.tokens) == 1 and m.tokens[0].label in ("GPE", "LOC") and word in surnames:
            out.append(NameMention(m.tokens, "person", m.titled, m.sentence))
            found.add(word)
        else:
            out.append(m)
    return out, found


#: ", a Berlin banking software firm": an appositive whose head noun says the name is an organisation's
_ORG_APPOSITIVE_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?(?:firm|company|conglomerate|start-?up|subsidiary|lender|"
    r"insurer|retailer|carrier|airline|brand|chain|supplier|distributor|publisher|broadcaster|newspaper|"
    r"consultancy|utility|bank|fund)s?"
    # the organisation noun ends the phrase ("a company spokesman" is a person)
    r"(?=\s*[,.;:)]|\s+(?:that|which|it|in|of|based|with|from|for|whose|owned|listed|run|founded|and)\b)")


def _resolve_pending(text: str, mentions: list[NameMention], pending: list[tuple[NameMention, bool]],
                     lexicon: frozenset[str], surnames_alone: set[str] = frozenset()) -> list[NameToken]:
    """Unlabelled runs: names the article established elsewhere become mentions; the rest, candidates.

    A run of two or more words that the context shows is a person (``Karim Nour Al Din said``) is
    established first, so that its other uses join it.
    """
    lower_words = frozenset(re.findall(r"\b[a-z][\w'’-]*", text))
    speakers = [(m, weak) for m, weak in pending
                if not weak and len(m.key_tokens()) >= 2 and _looks_like_person(text, list(m.tokens))]
    for mention, _ in speakers:
        mentions.append(NameMention(mention.tokens, "person", mention.titled, mention.sentence))
    pending = [item for item in pending if item not in speakers]
    established = {fold(t.text) for m in mentions if m.kind != "place" for t in m.key_tokens()}
    surnames = {fold(s.text) for m in mentions if m.kind == "person" and len(m.key_tokens()) >= 2
                for s in (m.surname(),) if s is not None} | surnames_alone
    candidates: list[NameToken] = []
    for mention, weak in pending:
        keys = mention.key_tokens()
        if len(keys) >= 2 and not weak and fold(keys[-1].text) in surnames and \
                not any(fold(t.text) in lexicon or is_acronym(t.text) for t in keys[:-1]):
            # an unfamiliar given name before a surname the article uses for a person (T'ae-Ch'o'l Ri)
            mentions.append(NameMention(mention.tokens, "person", mention.titled, mention.sentence))
        elif keys and all(fold(t.text) in established for t in keys):
            kind = _kind_by_tokens(mentions, keys)
            mentions.append(NameMention(mention.tokens, kind, mention.titled, mention.sentence))
        elif weak and (not keys or len(fold(keys[0].text)) < 6 or keys[0].text.lower() in lower_words):
            continue  # probably an ordinary word that opens a sentence
        else:
            candidates.extend(t for t in keys if t.label not in PLACE_LABELS and not is_acronym(t.text)
                              and fold(t.text) not in lexicon)
    return candidates


@lru_cache(maxsize=4)
def _lexicon(model: str | None) -> frozenset[str]:
    """English words the model's lemmatizer knows (WordNet's index): ordinary words, not coined names."""
    from newslint.analysis import load_model

    try:
        lemmatizer = load_model(model).get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(word for words in index.values() for word in words if "_" not in word)


def _sentence_index(sent_starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(sent_starts, offset) - 1, 0)


def _words(text: str, start: int, end: int, by_start: dict, sent_starts: list[int]) -> Iterable[_Word]:
    for match in _WORD_RE.finditer(text, start, end):
        raw = match.group()
        w_start = match.start()
        stripped = raw
        while stripped.endswith(".") and not is_initial(stripped) and \
                stripped[:-1].lower() not in _ABBREVIATION_DOT:
            stripped = stripped[:-1]
        stripped = stripped.rstrip("-")
        bare = strip_possessive(stripped)
        possessive = bare != stripped or raw.endswith(("'", "’"))
        bare = bare.rstrip("'’")
        if not bare:
            continue
        token = by_start.get(w_start)
        label = token.ent_type_ if token is not None else ""
        pos = token.pos_ if token is not None else ""
        i = bisect.bisect_right(sent_starts, w_start) - 1
        sent_start = sent_starts[i] if i >= 0 else start
        initial = not any(c.isalnum() for c in text[sent_start:w_start])
        yield _Word(w_start, w_start + len(bare), bare, label, pos, initial, possessive)


_ARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|bin|ibn|abu|ben|van|von|de|da|di|du|d|o)"
                              r"[-‐‑'’]\w*?[A-Z]")


def _capitalised(word: str) -> bool:
    """``Kolesnikova``, ``al-Assad``, ``d'Ampezzo``: a word that can be (part of) a name."""
    return word[0].isupper() or bool(_ARTICLE_NAME_RE.match(word))


def _runs(text: str, words: list[_Word]) -> Iterable[tuple[list[_Word], bool, bool]]:
    """Maximal runs of name words joined by single spaces, trimmed of titles and other furniture."""
    run: list[_Word] = []

    def flush():
        if run:
            yield from _trim(list(run))
            run.clear()

    for word in words:
        joinable = bool(run) and text[run[-1].end:word.start] in _NAME_GAPS and not run[-1].possessive
        is_name_word = _capitalised(word.text) or (word.text.lower() in PARTICLES)
        if not is_name_word:
            yield from flush()
            continue
        if run and not joinable:
            yield from flush()
        run.append(word)
    yield from flush()


def _trim(run: list[_Word]) -> Iterable[tuple[list[_Word], bool, bool]]:
    titled = False
    # split at words that end a name (a possessive is the last word of its name); a place word goes when a
    # name of its own follows (Belarusian Ales Bialiatsky), not when the tagger took an unfamiliar given
    # name for a place and left the rest unlabelled (Mish'an Rakin Al-Jaburi)
    while run and (is_title(run[0].text) or is_acronym(run[0].text) and len(run) > 1
                   or run[0].text.lower() in MONTHS_DAYS or run[0].text.lower() in _DETERMINERS
                   or (run[0].text.lower() in PARTICLES and run[0].text.lower() not in _LEADING_PARTICLES)
                   or (len(run) > 1 and run[0].label in PLACE_LABELS | OTHER_LABELS
                       and run[1].label not in PLACE_LABELS | OTHER_LABELS
                       and (run[1].label or run[0].label not in ("GPE", "LOC")))):
        titled = titled or is_title(run[0].text)
        run = run[1:]
    if len(run) > 1 and run[0].sentence_initial and not run[0].label and run[0].pos in _FUNCTION_POS:
        run = run[1:]  # "While Japan's index fell": an ordinary word opens the sentence
    while run and (run[-1].text.lower() in PARTICLES or is_title(run[-1].text) and len(run) > 1
                   and not run[-1].text[0].isupper()):
        run = run[:-1]
    if not run:
        return
    if all(w.text.lower() in MONTHS_DAYS for w in run):
        return
    # a capitalised word opening a sentence that the tagger does not call a proper noun may be an ordinary word
    weak = len(run) == 1 and run[0].sentence_initial and not run[0].label and run[0].pos != "PROPN"
    yield run, titled, weak


def _looks_like_person(text: str, run: list[_Word]) -> bool:
    """An ORG-labelled name that the context shows is a person (``his wife, Natalia Pinchuk, told``)."""
    words = [w.text for w in run]
    if not 2 <= len(words) <= 4 or any(w.lower() in ORG_WORDS or is_acronym(w) or is_title(w) for w in words):
        return False
    if not all(w[0].isupper() and re.sub(r"[-'’]", "", w[1:]).isalpha() for w in words if not is_initial(w)):
        return False
    before = re.findall(r"[\w’'-]+", text[max(0, run[0].start - 40):run[0].start].lower())[-3:]
    after = re.findall(r"[\w’'-]+|,", text[run[-1].end:run[-1].end + 40].lower())[:4]
    if any(w in RELATION_WORDS or is_title(w) for w in before):
        return True
    if any(w in SPEECH_WORDS for w in after[:3]) or (before and before[-1] in SPEECH_WORDS):
        return True
    return len(after) >= 3 and after[0] == "," and after[1].isdigit() and after[2] == ","


def _kind_by_tokens(mentions: list[NameMention], keys: tuple[NameToken, ...]) -> str:
    folded = {fold(t.text) for t in keys}
    kinds = [m.kind for m in mentions if m.kind in ("person", "org")
             and folded & {fold(t.text) for t in m.key_tokens()}]
    return "person" if "person" in kinds or not kinds else "org"


# -- grouping mentions into people ---------------------------------------------------
def _given_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if is_initial(a) or is_initial(b):
        return fa[:1] == fb[:1]
    return spelling_variant(a, b) is not None


def _given_and_surname(mention: NameMention) -> tuple[str | None, str]:
    """The given name (None for a surname alone) and the surname of a mention, as written."""
    keys = mention.key_tokens() or mention.tokens
    given = mention.given() or (mention.tokens[0] if len(mention.tokens) > 1 else None)
    return (given.text if given is not None else None), (mention.surname() or keys[-1]).text


def _group(text: str, mentions: list[NameMention]) -> tuple[Person, ...]:
    groups: list[dict] = []  # {"given", "surname", "mentions", "kinds", "words"}

    def new_group(mention: NameMention, given: str | None, surname: str):
        groups.append({"given": given, "surname": surname, "mentions": [mention], "kinds": [mention.kind],
                       "words": {fold(t.text) for t in mention.key_tokens()}})

    #: how often each full name is written: two given names, each written out twice or more with one
    #: surname, are two people (Kim Min-jun the candidate, Kim Min-jung the spokeswoman), not a slip
    uses = Counter((fold(given), fold(surname)) for given, surname in map(_given_and_surname, mentions) if given)

    def two_people(group: dict, given: str | None) -> bool:
        if given is None or group["given"] is None or fold(given) == fold(group["given"]):
            return False
        surname = fold(group["surname"])
        return uses[(fold(given), surname)] >= 2 and uses[(fold(group["given"]), surname)] >= 2

    for mention in mentions:
        keys = mention.key_tokens() or mention.tokens
        given, surname = _given_and_surname(mention)
        if len(keys) == 1 and len(mention.tokens) == 1:
            match = _attach_single(groups, keys[0].text)
            if match is not None:
                match["mentions"].append(mention)
                match["kinds"].append(mention.kind)
                continue
            new_group(mention, None, surname)
            continue
        match = None
        for group in reversed(groups):
            same_surname = fold(group["surname"]) == fold(surname) or (
                group["given"] is not None and spelling_variant(group["surname"], surname) is not None
                and fold(group["given"]) == fold(given or ""))
            if same_surname and _given_compatible(group["given"], given) and not two_people(group, given):
                match = group
                break
        if match is None:
            new_group(mention, given, surname)
            continue
        match["mentions"].append(mention)
        match["kinds"].append(mention.kind)
        match["words"].update(fold(t.text) for t in mention.key_tokens())
        if match["given"] is None or (is_initial(match["given"]) and not is_initial(given or "")):
            match["given"] = given
    persons = []
    for index, group in enumerate(groups):
        ms: list[NameMention] = group["mentions"]
        fullest = max(ms, key=lambda m: (len(m.tokens), -m.start))
        name = text[fullest.start:fullest.end]
        kinds = group["kinds"]
        described = any(m.kind == "org" and _ORG_APPOSITIVE_RE.match(text, m.end) for m in ms)
        kind = "person" if "person" in kinds and not described else "org"
        persons.append(Person(key=f"{fold(name)}-{index}", name=name,
                              mentions=tuple(Mention(m.start, m.end, text[m.start:m.end]) for m in ms),
                              kind=kind))
    return tuple(persons)


def _attach_single(groups: list[dict], word: str) -> dict | None:
    """The person a one-word mention refers to: the latest one with that surname, else that given name."""
    folded = fold(word)
    for attribute in ("surname", "words"):
        for group in reversed(groups):
            if attribute == "surname" and fold(group["surname"]) == folded:
                return group
            if attribute == "words" and folded in group["words"]:
                return group
    return None
