"""Find names an article spells two ways: group the spellings of each name and pick the dominant one."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from newslint.names_text import (ARABIC_ARTICLES, MONTHS_DAYS, NO_RELATION_RE, ORG_WORDS, PARTICLES,
                                 RELATION_WORDS, allowed_edits, fold, given_variant, is_acronym, is_initial,
                                 loosely_similar, relaxed_variant, spelling_variant, without_article)
from newslint.names_align import one_person
from newslint.people import NameAnalysis, NameMention

_WORD_SPLIT = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Occurrence:
    """One word of a name as written: ``slot`` is ``given``, ``surname`` or ``any`` (not a known name)."""

    start: int
    end: int
    text: str
    slot: str
    sentence: int
    mention: NameMention | None


@dataclass(frozen=True)
class Variant:
    """A spelling the article uses less often (or as often, ``tie``) than the dominant one."""

    occurrence: Occurrence
    form: str
    count: int
    dominant: str
    dominant_count: int
    tie: bool
    reason: str

    def message(self) -> str:
        if self.tie:
            return (f'name spelled two ways: "{self.form}" ({self.count}x) and "{self.dominant}" '
                    f'({self.dominant_count}x); which is right?')
        return f'"{self.form}" ({self.count}x) looks like "{self.dominant}" ({self.dominant_count}x)'


def occurrences(analysis: NameAnalysis) -> list[Occurrence]:
    """Every word of every name and name-like word, in document order."""
    out: list[Occurrence] = []
    for mention in analysis.mentions:
        keys = [t for t in mention.key_tokens() if _comparable(t.text)]
        surname = mention.surname()
        for token in keys:
            slot = "place" if mention.kind == "place" else "surname" if token == surname else "given"
            out.append(Occurrence(token.start, token.end, token.text, slot, mention.sentence, mention))
    for token in analysis.candidates:
        if _comparable(token.text):
            out.append(Occurrence(token.start, token.end, token.text, "any", analysis.sentence_of(token.start), None))
    out.sort(key=lambda o: o.start)
    return out


def _comparable(word: str) -> bool:
    """Words worth comparing: no acronyms, initials, months, model numbers (A380) or scraps."""
    return not (is_acronym(word) or is_initial(word) or word.lower() in MONTHS_DAYS or len(fold(word)) < 3
                or any(c.isdigit() for c in word))


def find_variants(analysis: NameAnalysis) -> list[Variant]:
    """Each occurrence of a minority spelling (and both sides of a tie), in document order."""
    occ = occurrences(analysis)
    by_form: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occ:
        by_form[o.text].append(o)
    counts = Counter({form: len(items) for form, items in by_form.items()})
    named = {form for form, items in by_form.items() if any(o.slot in ("given", "surname") for o in items)}
    person_forms = {o.text for o in occ if o.mention is not None and o.mention.kind == "person"}
    order = sorted(by_form, key=lambda f: (-counts[f], by_form[f][0].start))
    root: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for index, form in enumerate(order):
        for other in order[:index]:
            if other not in named or root.get(other, other) != other:
                continue
            if _slots(by_form[form]) == {"place"} and other not in person_forms:
                continue  # a place word is a misspelt name only beside a person's name
            if _slots(by_form[other]) == {"place"} and form not in person_forms:
                continue
            if fold(form) in analysis.lexicon and fold(other) in analysis.lexicon and \
                    form not in person_forms and other not in person_forms:
                continue  # two dictionary words in organisations' names (Office/Officer, Defence/Defense)
            if not _close_in_length(form, other):
                continue
            reason = spelling_variant(form, other)
            if reason is None:
                reason = relaxed_variant(form, other)
                if reason is not None and not (_after_same_given_name(by_form[form], by_form[other])
                                               or _between_same_names(by_form[form], by_form[other])):
                    reason = None
            if reason is None and _slots(by_form[form]) == _slots(by_form[other]) == {"given"} and \
                    given_variant(form, other):
                reason = "transliteration"  # Sergey/Serhiy before one surname: checked by _same_given_name
            if reason is None:
                continue
            if reason == "transliteration" and form not in person_forms and other not in person_forms:
                continue  # organisations and places do not drift between transliterations (Qantas/Kansas)
            if counts[form] == counts[other] == 1 and reason in ("spelling", "transliteration") and \
                    min(len(fold(form)), len(fold(other))) < 6:
                continue  # one use each of two short words: too little to say which is a slip
            if _in_other_organisations(analysis, by_form[form], by_form[other]):
                continue
            if _same_bearer(analysis, by_form, form, other):
                root[form] = other
                reasons[form] = reason
                break
    found: list[Variant] = []
    for form, dominant in root.items():
        tie = counts[form] == counts[dominant]
        for o in by_form[form]:
            found.append(Variant(o, form, counts[form], dominant, counts[dominant], tie, reasons[form]))
        if tie:
            for o in by_form[dominant]:
                found.append(Variant(o, dominant, counts[dominant], form, counts[form], True, reasons[form]))
    found.extend(_spacing_variants(analysis, {(v.occurrence.start, v.occurrence.end) for v in found}))
    found.extend(_merged_variants(analysis, {(v.occurrence.start, v.occurrence.end) for v in found}))
    found.extend(_whole_name_variants(analysis, by_form, {(v.occurrence.start, v.occurrence.end) for v in found}))
    found.sort(key=lambda v: (v.occurrence.start, v.form))
    unique: list[Variant] = []
    seen: set[tuple[int, int]] = set()
    for v in found:
        span = (v.occurrence.start, v.occurrence.end)
        if span not in seen:
            seen.add(span)
            unique.append(v)
    return unique


def _close_in_length(a: str, b: str) -> bool:
    """A cheap first test: names of very different lengths are never variants of each other."""
    la, lb = len(fold(a)), len(fold(b))
    return abs(la - lb) <= max(3, min(la, lb) // 3)


def _slots(items: list[Occurrence]) -> set[str]:
    return {o.slot for o in items}


def _name_slots(items: list[Occurrence]) -> set[str]:
    """Slots with words the analysis could not place (a place label, no label) read as ``any``."""
    return {"any" if o.slot == "place" else o.slot for o in items}


def _in_organisation(o: Occurrence) -> bool:
    """The word sits in an organisation's name (so labelled, or holding a word such as Agency or Bank)."""
    return o.mention is not None and (o.mention.kind == "org" or
                                      any(t.text.lower() in ORG_WORDS for t in o.mention.tokens))


def _other_words(analysis: NameAnalysis, o: Occurrence) -> frozenset[str]:
    """The folded words of the name around an occurrence, the occurrence itself left out (none when alone).

    A word outside any recognised name takes the capitalised words written next to it in its sentence.
    """
    if o.mention is not None:
        return frozenset(fold(t.text) for t in o.mention.key_tokens() if t.start != o.start)
    start, end = analysis.sentences[o.sentence] if o.sentence < len(analysis.sentences) else (o.start, o.end)
    words = list(_WORD_SPLIT.finditer(analysis.text, start, end))
    index = next((i for i, w in enumerate(words) if w.start() == o.start), None)
    if index is None:
        return frozenset()
    first = last = index
    while first > 0 and _joins(analysis.text, words[first - 1], words[first]):
        first -= 1
    while last + 1 < len(words) and _joins(analysis.text, words[last], words[last + 1]):
        last += 1
    around = [w.group() for i, w in enumerate(words[first:last + 1], first)
              if i != index and w.group().lower() not in PARTICLES
              and not (i == 0 and fold(w.group()) in analysis.lexicon)]  # an ordinary word opening the sentence
    return frozenset(fold(w) for w in around)


def _joins(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Two words of one name: one space apart, each capitalised or a particle (van, de, al)."""
    return text[left.end():right.start()] == " " and all(
        w.group()[:1].isupper() or w.group().lower() in PARTICLES for w in (left, right))


def _in_other_organisations(analysis: NameAnalysis, minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """Two similar words used only in organisations' names, set in names that differ otherwise.

    A word respelt inside one organisation's name keeps the rest of the name (Murakami Kogyo/Murakami
    Kougyo) or stands alone as a short form of it; a word shared by different organisations' names
    (Van Houten Maritiem, the National Maritime Museum) is no slip, whatever its language.
    """
    named = [o for o in minority + dominant if o.mention is not None]
    if not named or not all(map(_in_organisation, named)):
        return False  # a person's name: the people's rules decide
    around_d = [_other_words(analysis, o) for o in dominant]
    return not any(_other_words(analysis, o) <= words for o in minority for words in around_d)


def _given_of(o: Occurrence) -> str | None:
    """The given name written before a surname occurrence, if any (initials excluded)."""
    if o.mention is None:
        return None
    given, surname = o.mention.given(), o.mention.surname()
    return given.text if given is not None and surname is not None and surname.start == o.start else None


def _surname_of(o: Occurrence) -> str | None:
    if o.mention is None:
        return None
    surname = o.mention.surname()
    if len(o.mention.key_tokens()) < 2 or surname is None or surname.start == o.start:
        return None
    return surname.text


def _after_same_given_name(minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """Both spellings are surnames written after one and the same given name (Haroun Gaye, Haroun Gueye)."""
    givens_m = {g for g in map(_given_of, minority) if g}
    givens_d = {g for g in map(_given_of, dominant) if g}
    return any(_compatible(a, b) for a in givens_m for b in givens_d)


def _frame(o: Occurrence) -> tuple[str, str] | None:
    """The folded first and last words around a middle-name occurrence."""
    if o.mention is None:
        return None
    middles = o.mention.middles()
    if not any(m.start == o.start for m in middles):
        return None
    keys = o.mention.key_tokens()
    return fold(keys[0].text), fold(keys[-1].text)


def _between_same_names(minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """Both spellings are middle names (patronymics) between one given name and one surname."""
    frames_m = {f for f in map(_frame, minority) if f}
    return bool(frames_m & {f for f in map(_frame, dominant) if f})


def _first_names(items: list[Occurrence]) -> bool:
    """Every occurrence is the given name that opens a full name (not a middle name)."""
    for o in items:
        given = o.mention.given() if o.mention is not None else None
        if given is None or given.start != o.start or o.mention.family_name_first():
            return False
    return True


def _compatible(a: str, b: str) -> bool:
    """One surname, spelled alike, respelt, or with an Arabic article added (Rahman/Ur-Rahman)."""
    return fold(without_article(a)) == fold(without_article(b)) or spelling_variant(a, b) is not None


def _same_bearer(analysis: NameAnalysis, by_form: dict[str, list[Occurrence]], form: str, other: str) -> bool:
    """Whether two similar spellings (``form`` the rarer) name one bearer rather than two people."""
    minority, dominant = by_form[form], by_form[other]
    if _disclaimed(analysis, minority, dominant):
        return False  # "Eve Marlow, no relation of the mayor": the article says they are two people
    slots_m, slots_d = _name_slots(minority), _name_slots(dominant)
    if "surname" not in slots_m | slots_d:
        if "given" in slots_m | slots_d:
            return _same_given_name(analysis, by_form, minority, dominant)
        return False  # two words that are not known names
    if slots_m & {"surname", "any"} and slots_d & {"surname", "any"}:
        return _same_surname(analysis, minority, dominant)
    return False


def _disclaimed(analysis: NameAnalysis, minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """A sentence naming either spelling says its bearer is not related to someone ("no relation")."""
    for index in sorted({o.sentence for o in minority + dominant}):
        if index < len(analysis.sentences):
            start, end = analysis.sentences[index]
            if NO_RELATION_RE.search(analysis.text[start:end]):
                return True
    return False


def _introduced_apart(minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """Each spelling is a name of its own: written with a given name at its first use and used again.

    A slip is a one-off, or a later respelling of a name introduced once: a second spelling that the
    article introduces in full and keeps using is a second person (Kim Lowry ... Lowry; Joan Lowery ...
    Lowery). Two introductions with one given name (Maria Kalensnikova ... Maria Kolesnikova) are how a
    draft re-introduces one person, so they take three uses of each spelling; a case or accent
    difference (Ales/Aleś) is never a second person.
    """
    if fold(without_article(minority[0].text)) == fold(without_article(dominant[0].text)):
        return False
    givens = [_given_of(items[0]) for items in (minority, dominant)]
    if None in givens:
        return False
    uses = 3 if fold(givens[0]) == fold(givens[1]) else 2
    return len(minority) >= uses and len(dominant) >= uses


def _same_surname(analysis: NameAnalysis, minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """Two people share a surname spelled alike only when both are introduced with different given names."""
    givens_m = {g for g in map(_given_of, minority) if g}
    givens_d = {g for g in map(_given_of, dominant) if g}
    if givens_m and givens_d and not any(loosely_similar(a, b) for a in givens_m for b in givens_d) \
            and not (givens_m & _forenames(dominant)) and not (givens_d & _forenames(minority)):
        return False
    middles_m = {m for m in map(_middle_of, minority) if m}
    middles_d = {m for m in map(_middle_of, dominant) if m}
    if middles_m and middles_d and not any(loosely_similar(a, b) for a in middles_m for b in middles_d):
        return False  # Mohammad Ali Jafari and Mohammad Agha Ja'fari: two middle names, two people
    if _introduced_apart(minority, dominant):
        return False
    return not _coordinated(analysis, minority, dominant)


def _forenames(items: list[Occurrence]) -> set[str]:
    """Every word written before these surname occurrences (given and middle names)."""
    out: set[str] = set()
    for o in items:
        if o.mention is not None:
            out.update(t.text for t in o.mention.key_tokens() if t.start < o.start)
    return out


def _middle_of(o: Occurrence) -> str | None:
    """The middle name written between the given name and a surname occurrence, if exactly one."""
    if o.mention is None:
        return None
    middles, surname = o.mention.middles(), o.mention.surname()
    return middles[0].text if len(middles) == 1 and surname is not None and surname.start == o.start else None


#: what stands between two names given side by side, or set against each other ("A, not B", "A rather than B")
_COORDINATOR_RE = re.compile(
    r"^\s*(?:,\s*)?(?:and|or|nor|&|,|as well as|with|(?:and |but )?not|rather than|instead of|versus|vs\.?)\s*,?\s*$",
    2)


#: a list of people, each with an appositive: "Naoki Fujii, a student, and Naomi Fujita"
_LISTED_RE = re.compile(r"^,\s+[^,;.:!?“”\"]{1,80},\s*(?:and|or|as well as)\s+$")


def _coordinated(analysis: NameAnalysis, minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """Both spellings named side by side ("A and B", "neither A nor B", "A, a student, and B"): two people."""
    spans_m = [o.mention for o in minority if o.mention is not None]
    spans_d = [o.mention for o in dominant if o.mention is not None]
    for m in spans_m:
        for d in spans_d:
            first, second = (m, d) if m.start < d.start else (d, m)
            between = analysis.text[first.end:second.start]
            if first.sentence == second.sentence and first.end <= second.start and \
                    (_COORDINATOR_RE.match(between) or _LISTED_RE.match(between)):
                return True
    return False


def _same_given_name(analysis: NameAnalysis, by_form: dict[str, list[Occurrence]], minority: list[Occurrence],
                     dominant: list[Occurrence]) -> bool:
    """A given name spelled two ways before one surname; relatives and equal use mean two people."""
    n_minority, n_dominant = len(minority), len(dominant)
    if n_minority >= 2 or n_minority >= n_dominant:
        return False
    reason = spelling_variant(minority[0].text, dominant[0].text)
    romanised = "-" in minority[0].text and "-" in dominant[0].text  # Jae-seong/Jae-sung: syllables respelt
    framed = _between_same_names(minority, dominant)  # a middle name between the same first and last names
    if reason not in ("case", "diacritics", "spelling") and not (romanised or framed) and \
            not (given_variant(minority[0].text, dominant[0].text) and _first_names(minority + dominant)):
        return False  # sound-alike given names are often two names (Colin/Colleen, Bashar/Bushra)
    surnames_m = {s for s in map(_surname_of, minority) if s}
    surnames_d = {s for s in map(_surname_of, dominant) if s}
    if not surnames_m or not any(_compatible(a, b) for a in surnames_m for b in surnames_d):
        return False
    pairs = [(a, b) for a in surnames_m for b in surnames_d if _compatible(a, b)]
    if all(fold(a) != fold(b) and a in by_form and b in by_form and _introduced_apart(by_form[a], by_form[b])
           for a, b in pairs):
        return False  # both words of the full names differ, and each surname is introduced and used on its own
    if _coordinated(analysis, minority, dominant):
        return False  # "Serkan and Erkan Duzgoren", named side by side
    if minority[0].start < dominant[0].start:
        return False  # a given name used before the common one introduces someone new
    sentences_d = {o.sentence for o in dominant}
    for o in minority:
        if o.sentence in sentences_d:
            return False
        start, end = analysis.sentences[o.sentence] if o.sentence < len(analysis.sentences) else (o.start, o.end)
        words = {w.lower() for w in _WORD_SPLIT.findall(analysis.text[start:end])}
        if words & RELATION_WORDS:
            return False
    return True


_SEPARATORS_RE = re.compile(r"[\s\-‐‑'’]")


def _spacing_variants(analysis: NameAnalysis, flagged: set[tuple[int, int]]) -> list[Variant]:
    """Whole names written with and without a space or hyphen (Al Shibl/Al-Shibl, Le Blanc/LeBlanc)."""
    by_text: dict[str, list[NameMention]] = defaultdict(list)
    for mention in analysis.mentions:
        by_text[" ".join(t.text for t in mention.tokens)].append(mention)
    by_joined: dict[str, list[str]] = defaultdict(list)
    for text in by_text:
        by_joined[_SEPARATORS_RE.sub("", text).lower()].append(text)
    out: list[Variant] = []
    for texts in by_joined.values():
        shapes = {t.lower() for t in texts}
        if len(shapes) < 2 or len(fold(texts[0])) < 5:
            continue  # one spelling, or only the capital of a particle differs (bin Salman at a sentence start)
        if all(m.kind == "place" for t in texts for m in by_text[t]):
            continue
        ranked = sorted(texts, key=lambda t: (-len(by_text[t]), by_text[t][0].start))
        dominant = ranked[0]
        for text in ranked[1:]:
            if text.lower() == dominant.lower():
                continue
            tie = len(by_text[text]) == len(by_text[dominant])
            pairs = [(text, dominant)] + ([(dominant, text)] if tie else [])
            for form, other in pairs:
                for m in by_text[form]:
                    if any(a < m.end and m.start < b for a, b in flagged):
                        continue
                    occurrence = Occurrence(m.start, m.end, form, "name", m.sentence, m)
                    out.append(Variant(occurrence, form, len(by_text[form]), other, len(by_text[other]), tie,
                                       "spacing"))
    return out


def _joined_key(mention: NameMention) -> str:
    """A name's words run together, articles and particles left out: Abdul Rahim -> abdulrahim."""
    return "".join(fold(without_article(t.text)) for t in mention.key_tokens())


def _forms(analysis: NameAnalysis, keep) -> tuple[dict[str, list[NameMention]], list[str]]:
    """The written forms of the multi-word names ``keep`` accepts, with their mentions, commonest first."""
    by_text: dict[str, list[NameMention]] = defaultdict(list)
    for mention in analysis.mentions:
        if keep(mention):
            by_text[" ".join(t.text for t in mention.tokens)].append(mention)
    return by_text, sorted(by_text, key=lambda t: (-len(by_text[t]), by_text[t][0].start))


def _form_variants(by_text: dict[str, list[NameMention]], ranked: list[str], flagged: set[tuple[int, int]],
                   kind: str, same) -> list[Variant]:
    """Each written form against the commoner forms before it; ``same(form, mentions, other, dominant,
    minority_occ, dominant_occ)`` says whether the two are one name written two ways."""
    out: list[Variant] = []
    for i, form in enumerate(ranked):
        mentions = by_text[form]
        if any(a < m.end and m.start < b for m in mentions for a, b in flagged):
            continue
        for other in ranked[:i]:
            dominant = by_text[other]
            if len(dominant) <= len(mentions):
                continue
            minority_occ = [Occurrence(m.start, m.end, form, "name", m.sentence, m) for m in mentions]
            dominant_occ = [Occurrence(m.start, m.end, other, "name", m.sentence, m) for m in dominant]
            if same(mentions, dominant, minority_occ, dominant_occ):
                out.extend(Variant(o, form, len(mentions), other, len(dominant), False, kind) for o in minority_occ)
                break
    return out


def _merged_variants(analysis: NameAnalysis, flagged: set[tuple[int, int]]) -> list[Variant]:
    """Names whose words are run together or split apart and respelt (Abdul Rahim/Abdurrahim)."""
    from rapidfuzz.distance import OSA

    def same(mentions, dominant, minority_occ, dominant_occ) -> bool:
        if len(mentions[0].key_tokens()) == len(dominant[0].key_tokens()):
            return False  # same number of words: the word-by-word comparison has spoken
        ja, jb = _joined_key(mentions[0]), _joined_key(dominant[0])
        if ja == jb or min(len(ja), len(jb)) < 8 or OSA.distance(ja, jb) > allowed_edits(min(len(ja), len(jb))):
            return False
        return not _coordinated(analysis, minority_occ, dominant_occ)

    by_text, ranked = _forms(analysis, lambda m: m.kind != "place" and len(m.key_tokens()) >= 2)
    return _form_variants(by_text, ranked, flagged, "spacing", same)


def _whole_name_variants(analysis: NameAnalysis, by_form: dict[str, list[Occurrence]],
                         flagged: set[tuple[int, int]]) -> list[Variant]:
    """Full names compared word by word: one given name and one surname, respelt, with an article or a
    middle name more or less (Khamis Qadhafi/Khamis Al-Qadhafi, Sergey Vitalievich Kurchenko/Serhiy Kurchenko)."""
    def same(mentions, dominant, minority_occ, dominant_occ) -> bool:
        if not (_one_name_two_ways(mentions[0], dominant[0]) or
                one_person([t.text for t in mentions[0].key_tokens()], [t.text for t in dominant[0].key_tokens()])):
            return False
        if not any(m.kind == "person" for m in mentions + dominant):
            return False  # the tagger may call one spelling a place or an organisation, but not every one
        return _introduced_as_the_same(analysis, minority_occ, dominant_occ) and \
            not _surnames_introduced_apart(by_form, mentions[0], dominant[0])

    by_text, ranked = _forms(analysis, lambda m: len(m.key_tokens()) >= 2 and not m.family_name_first())
    return _form_variants(by_text, ranked, flagged, "spelling", same)


def _surnames_introduced_apart(by_form: dict[str, list[Occurrence]], a: NameMention, b: NameMention) -> bool:
    """The two full names' surnames are each introduced and used on their own (see :func:`_introduced_apart`)."""
    sa, sb = a.surname(), b.surname()
    return sa is not None and sb is not None and sa.text in by_form and sb.text in by_form and \
        _introduced_apart(by_form[sa.text], by_form[sb.text])


def _surname_with_article(mention: NameMention) -> tuple[str, bool]:
    """The surname without its article, and whether the article is written (Al-Gaddafi, al Gaddafi)."""
    surname = mention.key_tokens()[-1]
    bare = without_article(surname.text)
    index = mention.tokens.index(surname)
    before = mention.tokens[index - 1].text.lower() if index else ""
    return bare, bare != surname.text or before in ARABIC_ARTICLES


def _same_surname_word(a: str, b: str) -> str | None:
    """``same``, ``respelt`` or None for two surnames without their articles; ``joined`` when one runs its
    article into the name (Alshebel/Shibl)."""
    if fold(a) == fold(b):
        return "same"
    if relaxed_variant(a, b) is not None:
        return "respelt"
    for x, y in ((a, b), (b, a)):
        fx = fold(x)
        if fx[:2] in ("al", "el") and len(fx) >= 6 and x[2:3].islower() and \
                (fold(x[2:]) == fold(y) or relaxed_variant(x[2:], y) is not None):
            return "joined"
    return None


def _middle_words_match(a: str, b: str) -> bool:
    return fold(a) == fold(b) or given_variant(a, b) or relaxed_variant(a, b) is not None


def _one_name_two_ways(minority: NameMention, dominant: NameMention) -> bool:
    """Whether two full names are one person's name written two ways (see :func:`_whole_name_variants`)."""
    km, kd = minority.key_tokens(), dominant.key_tokens()
    if not given_variant(km[0].text, kd[0].text):
        return False
    given_respelt = fold(km[0].text) != fold(kd[0].text)
    (bare_m, article_m), (bare_d, article_d) = _surname_with_article(minority), _surname_with_article(dominant)
    surname = _same_surname_word(bare_m, bare_d)
    shared_middle = bool({fold(t.text) for t in km[1:-1]} & {fold(t.text) for t in kd[1:-1]})
    if surname is None and shared_middle and not given_respelt and loosely_similar(bare_m, bare_d):
        surname = "respelt"  # the same given and middle names vouch for a surname transliterated further
    if surname is None:
        return False
    article_changed = article_m != article_d or surname == "joined"
    respelt = given_respelt or surname == "respelt"
    middles_m = [without_article(t.text) for t in km[1:-1]]
    middles_d = [without_article(t.text) for t in kd[1:-1]]
    if len(middles_m) == len(middles_d):
        if not all(_middle_words_match(a, b) for a, b in zip(middles_m, middles_d)):
            return False
        respelt = respelt or any(fold(a) != fold(b) for a, b in zip(middles_m, middles_d))
    else:
        # a middle name or patronymic comes and goes: a slip when the name is respelt as well, or when a
        # longer form turns up after the short one was established (a short form later is ordinary)
        shorter, longer = sorted((middles_m, middles_d), key=len)
        if not (respelt or len(middles_m) > len(middles_d)) or not _in_order(shorter, longer):
            return False
        respelt = True
    return respelt or article_changed


def _in_order(shorter: list[str], longer: list[str]) -> bool:
    """Every word of ``shorter`` matches a word of ``longer``, in the same order."""
    position = 0
    for word in shorter:
        while position < len(longer) and not _middle_words_match(word, longer[position]):
            position += 1
        if position == len(longer):
            return False
        position += 1
    return True


def _introduced_as_the_same(analysis: NameAnalysis, minority: list[Occurrence], dominant: list[Occurrence]) -> bool:
    """The minority form follows the common one, in its own sentence, with no relative or coordination."""
    if minority[0].start < dominant[0].start or _coordinated(analysis, minority, dominant) or \
            _disclaimed(analysis, minority, dominant):
        return False
    sentences_d = {o.sentence for o in dominant}
    for o in minority:
        if o.sentence in sentences_d:
            return False
        start, end = analysis.sentences[o.sentence] if o.sentence < len(analysis.sentences) else (o.start, o.end)
        if {w.lower() for w in _WORD_SPLIT.findall(analysis.text[start:end])} & RELATION_WORDS:
            return False
    return True
