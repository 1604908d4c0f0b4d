"""Clause facts from the spaCy parse that dating needs: the verb a time expression modifies, its tense, its arguments."""
from __future__ import annotations

from newslint.time.resolve import FUTURE, PAST, PRESENT

_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ought"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
_FUTURE_FRAMES = {"due", "set", "scheduled", "expected", "going", "slated", "poised", "planned", "plan", "intend"}
#: tokens that end a clause when looking left from a time expression for its verb
_BOUNDARY = {",", ";", ":", "—", "–", "(", ")", "\"", "“", "”", "‘", "’"}
#: nouns too general to tie two datings to one event
GENERIC_NOUNS = {
    "year", "month", "week", "day", "time", "people", "percent", "%", "number", "part", "way", "thing", "lot",
    "one", "other", "place", "end", "start", "beginning", "today", "yesterday", "tomorrow", "date", "period",
    "season", "decade", "night", "morning", "evening", "afternoon", "he", "she", "it", "they", "who", "which",
    "that", "what", "this", "those", "these", "we", "i", "you", "official", "government", "company", "city",
    "country", "state", "side", "case", "man", "woman", "member", "group", "record", "level", "first", "last",
    "statement", "news", "report", "reporter", "percent", "share", "point", "rate", "figure",
}
#: verbs that name the same kind of event under different words
VERB_CLASSES = {
    **dict.fromkeys(("launch", "introduce", "start", "begin", "open", "establish", "found", "create", "inaugurate",
                     "unveil", "debut", "commence"), "start"),
    **dict.fromkeys(("finish", "complete", "end", "conclude", "wrap"), "finish"),
    **dict.fromkeys(("publish", "print"), "publish"),
    **dict.fromkeys(("die", "pass"), "die"),
}
#: verbs (with their particle) that tell of one event in other words; compared lemma by lemma, since a verb
#: may belong to a class and still not name every event of it ("unveil" a plan: announce; a statue: start)
VERB_SYNONYMS = (
    frozenset({"announce", "unveil", "reveal"}),
    frozenset({"propose", "put forward", "table"}),
    frozenset({"collapse", "break down", "fall apart", "founder"}),
    frozenset({"award", "approve"}),
)
#: nouns that name one thing in other words, mapped to one key ("the paper" for "the study")
NOUN_SYNONYMS = {"paper": "study"}
#: particles and adverbs that make a phrasal verb ("break down", "put forward")
_PARTICLES = {"down", "up", "out", "off", "forward", "apart", "back", "over"}
_LIGHT_VERBS = {"be", "have", "do", "say", "tell", "add", "make", "get", "go", "take", "come", "see", "know",
                "think", "want", "give", "ask"}


def is_verb(token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "ccomp", "relcl", "advcl",
                                                                          "conj", "xcomp"))


#: verbs whose gerund or infinitive tells which activity they begin or end ("began operating")
_ASPECT_VERBS = {"begin", "start", "stop", "cease", "finish", "resume"}
#: prepositions that open a sentence with its date, set off by a comma: the date is the main clause's
_OPENING_PREPOSITIONS = {"in", "on", "during", "by", "at"}


def governing_verb(tokens, sentence_start: int):
    """The verb a time expression (its tokens) belongs to: the nearest verb on its left in the same clause,
    else the first verb up the parse."""
    first = tokens[0]
    doc = first.doc
    opener = doc[first.i - 1] if first.i - 1 == sentence_start else None
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if opener is not None and opener.lower_ in _OPENING_PREPOSITIONS and after is not None and after.text == "," \
            and is_verb(first.sent.root):
        return first.sent.root  # "In August 2021, during the heat wave Greece had recorded, fires destroyed ..."
    i = first.i - 1
    steps = 0
    while i >= sentence_start and steps < 10:
        token = doc[i]
        if token.text in _BOUNDARY:
            break
        if is_verb(token):
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in _ASPECT_VERBS:
                return token.head  # "began operating in January": the beginning is what the date dates
            return token
        i -= 1
        steps += 1
    roots = [t for t in tokens if t.head.i < tokens[0].i or t.head.i > tokens[-1].i] or [tokens[-1]]
    node = roots[0]
    for _ in range(12):
        if is_verb(node):
            return node
        if node.head is node:
            return node if is_verb(node) else None
        node = node.head
    return None


def tense(verb) -> str | None:
    """past, present or future for the clause of ``verb``; None for modals, infinitives and the unknown."""
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return FUTURE
    if words & _MODALS:
        return None
    if "to" in words or verb.tag_ == "VB":
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp") and head is not verb:
            if head.lemma_ in ("go",) and head.tag_ == "VBG" or head.lower_ in _FUTURE_FRAMES \
                    or head.lemma_ in ("plan", "intend", "schedule"):
                head_tense = tense(head)
                return FUTURE if head_tense in (PRESENT, FUTURE) else None
            if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
                return FUTURE  # "is to open"
        for child in verb.head.children if verb.dep_ == "xcomp" else ():
            if child.lower_ in _FUTURE_FRAMES and tense(verb.head) == PRESENT:
                return FUTURE
        return None
    if any(a.tag_ == "VBD" for a in auxes):
        if verb.tag_ == "VBG" and any(a.lower_ in ("was", "were") for a in auxes):
            return PAST
        return PAST
    if words & {"has", "have", "'ve", "’ve"}:
        return PAST
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN":
        if words & {"is", "are", "am", "'s", "’s", "'re"}:
            return PRESENT
        if not auxes and verb.dep_ in ("acl", "advcl", "relcl", "amod"):
            return PAST
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        for child in verb.children:
            if child.lower_ in _FUTURE_FRAMES and child.dep_ in ("acomp", "xcomp", "oprd", "attr"):
                return FUTURE
        return PRESENT
    if verb.tag_ == "VBG":
        if words & {"is", "are", "am", "'s", "’s", "'re"}:
            return PRESENT
        return None
    return None


def negated(verb) -> bool:
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def verb_class(verb) -> str | None:
    if verb is None or verb.lemma_.lower() in _LIGHT_VERBS:
        return None
    lemma = verb.lemma_.lower()
    return VERB_CLASSES.get(lemma, lemma)


def verb_lemma(verb) -> str | None:
    """The verb's lemma with its particle: "broke down" -> "break down", "put it forward" -> "put forward"."""
    if verb is None:
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("prt", "advmod") and child.lower_ in _PARTICLES:
            return f"{verb.lemma_.lower()} {child.lower_}"
    return verb.lemma_.lower()


def synonymous_verbs(a: str | None, b: str | None) -> bool:
    """Whether two verb lemmas tell of one event in other words ("collapse", "break down")."""
    return a is not None and b is not None and a != b and any(a in group and b in group for group in VERB_SYNONYMS)


def noun_key(token) -> str:
    """The key a noun is matched on across clauses: its lemma, or the one it is a synonym of."""
    lemma = token.lemma_.lower()
    return NOUN_SYNONYMS.get(lemma, lemma)


_PRONOUN_NUMBER = {"it": "NN", "they": "NNS", "them": "NNS"}


def pronoun_arguments(verb, skip: set[int]) -> dict:
    """Key -> antecedent of the subject or object pronoun of ``verb`` ("since they collapsed" -> talks): the
    nearest noun of the same number left of the pronoun's clause in the sentence, with no name or pronoun
    between."""
    if verb is None:
        return {}
    out: dict = {}
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj") or child.lower_ not in _PRONOUN_NUMBER:
            continue
        edge = verb.left_edge.i  # outside the pronoun's own clause ("since she first put it forward")
        for i in range(edge - 1, max(child.sent.start, edge - 12) - 1, -1):
            token = verb.doc[i]
            if token.pos_ in ("PROPN", "PRON"):
                break  # a name or a pronoun nearer than any noun: too unsure
            if token.pos_ == "NOUN" and token.dep_ != "compound" and token.i not in skip:
                lemma = noun_key(token)
                if token.tag_ == _PRONOUN_NUMBER[child.lower_] and lemma not in GENERIC_NOUNS \
                        and not token.ent_type_:
                    out.setdefault(lemma, token)
                break
    return out


def _noun_words(noun, skip: set[int]) -> dict:
    """Lemma -> token of a noun and the names and nouns that pin it down (compounds, appositions, 'in X')."""
    out: dict[str, str] = {}

    def add(token):
        if token.i in skip or token.pos_ not in ("NOUN", "PROPN"):
            return
        lemma = noun_key(token)
        if lemma not in GENERIC_NOUNS and len(lemma) > 1:
            out.setdefault(lemma, token)

    add(noun)
    for child in noun.children:
        if child.dep_ in ("compound", "appos", "poss", "nmod"):
            add(child)
            for grand in child.children:
                if grand.dep_ in ("compound", "prep"):
                    add(grand)
                    for pobj in grand.children:
                        if pobj.dep_ == "pobj":
                            add(pobj)
        elif child.dep_ == "prep" and child.lower_ in ("in", "of", "at", "on"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    add(pobj)
                    for grand in pobj.children:
                        if grand.dep_ == "compound":
                            add(grand)
    return out


def event_arguments(verb, skip: set[int]) -> dict:
    """Lemma -> token of the nouns that take part in the clause of ``verb`` (subject, object, antecedent)."""
    if verb is None:
        return {}
    nouns = []
    has_subject = False
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"):
            has_subject = has_subject or child.dep_.startswith("nsubj")
            if child.tag_ in ("WDT", "WP") and verb.dep_ in ("relcl",):
                nouns.append(verb.head)
            else:
                nouns.append(child)
        elif child.dep_ == "agent":
            nouns.extend(c for c in child.children if c.dep_ == "pobj")
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(verb.head)
    elif not has_subject and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "amod"):
        for i in range(verb.i - 1, max(verb.sent.start, verb.i - 6) - 1, -1):
            if verb.doc[i].pos_ in ("NOUN", "PROPN"):
                nouns.append(verb.doc[i])
                break
    out: dict = {}
    for noun in nouns:
        for key, value in _noun_words(noun, skip).items():
            out.setdefault(key, value)
    return out


_INDEFINITE = {"a", "an", "another", "some", "any", "each", "every", "new", "other", "more", "several", "many"}


def definite(noun) -> bool:
    """Whether a noun phrase points at one known thing: "the scheme", "its restoration", "the Icheon line"."""
    if noun.pos_ == "PROPN":
        return True
    for child in noun.children:
        if child.lower_ in _INDEFINITE:
            return False
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that", "these", "those"):
            return True
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return True
    # the antecedent of a relative clause on a definite noun ("the floods that killed...")
    return False


def weekday_tense(tokens, verb) -> str | None:
    """The tense that places a bare weekday: "until Friday" after a perfect or present clause looks ahead."""
    clause = tense(verb)
    first = tokens[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ in ("until", "till") and (clause != PAST or verb is None or any(
            c.lower_ in ("has", "have") for c in verb.children)):
        return FUTURE
    return clause
