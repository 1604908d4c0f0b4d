"""Word lists and spelling helpers for names: folding, titles, particles, gendered and derived forms."""
from __future__ import annotations

import re
from functools import lru_cache

#: honorifics, titles and roles that precede a name but are not part of it (lowercase, no dot)
TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle herr frau
president vice prime minister premier chancellor secretary general gen governor gov senator sen
representative rep congressman congresswoman councillor councilor councilman councilwoman mayor
judge justice magistrate attorney prosecutor lawyer sheriff inspector detective det sergeant sgt
officer constable chief captain capt lieutenant lt colonel col major maj commander cmdr admiral adm
corporal cpl private pvt marshal brigadier king queen prince princess emperor empress duke duchess
pope cardinal archbishop bishop father fr rev reverend pastor rabbi imam sheikh sheik ayatollah
ambassador envoy consul commissioner director chairman chairwoman chair chairperson ceo cfo coo cto
executive deputy assistant acting interim former late coach manager striker goalkeeper midfielder
defender forward spokesman spokeswoman spokesperson mp mep mla st saint
foreign interior defence defense finance health education justice trade economy home state
opposition leader laureate candidate challenger incumbent nominee founder president-elect
dj drs messrs haj hajj hajji mullah maulana molvi maulvi
""".split())

#: lowercase words that may sit inside a multi-part name (bin Salman, van Gogh, de la Cruz)
PARTICLES = frozenset("""
bin bint ibn al el de del della dello der den van von da di du dos das la le ter ten y e
abu ul ur ud zu af av
""".split())

#: words that mark a name as an organisation
ORG_WORDS = frozenset("""
inc inc. corp corp. corporation co co. company companies ltd ltd. llc plc gmbh ag sa group holdings
bank party ministry department agency office council court committee commission association union
university college school institute foundation centre center society federation league club
church army navy police service services network news times post press journal herald tribune
television tv radio airlines airways motors industries industry international partners
fund trust authority board bureau parliament assembly congress senate government team
museum gallery library hospital orchestra theatre theater
""".split())

MONTHS_DAYS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
""".split())

#: words that say two mentions with one surname are two relatives, not a slip
RELATION_WORDS = frozenset("""
brother brothers sister sisters sibling siblings son sons daughter daughters father mother parents
husband wife wives widow widower spouse partner cousin cousins uncle aunt nephew niece twin twins
grandson granddaughter grandfather grandmother grandchildren family relative relatives brother-in-law
sister-in-law father-in-law mother-in-law stepson stepdaughter stepfather stepmother fiancé fiancée
""".split())

#: a sentence saying someone is not related to another person ("no relation", "not to be confused with");
#: "unrelated" and "not related" count only when a person or the end of the clause follows, so that
#: "an unrelated charge" or "not related to the case" do not
NO_RELATION_RE = re.compile(
    r"\bno relation\b|\bno relatives?\b|\bnot (?:a |any )?relatives?\b|\bnot to be confused with\b"
    r"|\b(?:not |n[’']t |un)related(?= to (?:him|her|them|each other|one another)\b|\s*[.,;:)—–]|\s*$)",
    re.IGNORECASE)

#: masculine/feminine surname endings (Kolesnikov/Kolesnikova, Kowalski/Kowalska, Novák/Nováková)
_GENDER_ENDINGS = (
    ("", "a"), ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("ski", "ska"), ("cki", "cka"),
    ("dzki", "dzka"), ("sky", "skaya"), ("skiy", "skaya"), ("skii", "skaya"), ("sky", "ska"),
    ("y", "a"), ("i", "a"), ("os", "ou"), ("is", "i"), ("as", "iene"), ("is", "iene"),
    ("as", "aite"), ("is", "yte"), ("us", "iene"), ("", "ova"), ("s", "a"), ("son", "dottir"),
)
#: endings that derive an adjective or demonym from a name (Belarus/Belarusian, Trump/Trumpian)
_DERIVED = ("ian", "ians", "an", "ans", "ese", "ish", "ism", "ist", "ists", "ite", "ites", "ic", "ics",
            "ine", "i", "is", "er", "ers", "esque", "s", "es", "ia", "n", "ns")

_POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_SPECIAL_FOLD = str.maketrans({"đ": "dj", "Đ": "Dj", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
                               "þ": "th", "ð": "d", "ł": "l", "Ł": "L"})


def strip_possessive(word: str) -> str:
    """``Kolesnikova’s`` -> ``Kolesnikova``, ``Jones'`` -> ``Jones``."""
    return _POSSESSIVE_RE.sub("", word)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Spelling-insensitive key: no diacritics, case, apostrophes or hyphens (Aleś, Mcdonald, Jae-seong)."""
    from unidecode import unidecode

    text = unidecode(word.translate(_SPECIAL_FOLD)).lower()
    return re.sub(r"[^a-z0-9]", "", text)


def is_title(word: str) -> bool:
    return word.rstrip(".").lower() in TITLES


def is_acronym(word: str) -> bool:
    """``US``, ``KGB``, ``U.S.``: all capitals (an initial like ``J.`` is not one)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_initial(word: str) -> bool:
    """``J.``, ``J.R.``, ``A``: initials stand for a given name."""
    return bool(re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", word))


def gendered_pair(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are the masculine and feminine forms of one surname."""
    fa, fb = fold(a), fold(b)
    for x, y in ((fa, fb), (fb, fa)):
        for masc, fem in _GENDER_ENDINGS:
            if x.endswith(masc) and y.endswith(fem):
                stem_x = x[:len(x) - len(masc)] if masc else x
                stem_y = y[:len(y) - len(fem)]
                if stem_x == stem_y and len(stem_x) >= 3:
                    return True
    return False


def derived_form(a: str, b: str) -> bool:
    """True when one word derives from the other by a suffix (Belarus/Belarusian, Smith/Smiths)."""
    fa, fb = fold(a), fold(b)
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if not long_.startswith(short) or short == long_:
        return False
    suffix = long_[len(short):]
    if suffix in ("n", "ns"):
        return short[-1] in "aeiouy"  # Kenya/Kenyan, Indonesia/Indonesian; not Floin/Floinn
    return suffix in _DERIVED or len(long_) - len(short) >= 3


_PHONETIC_RULES = (
    (r"dzh|dj|zh", "j"), (r"kh", "h"), (r"ph", "f"), (r"gh|ck|q|g|c(?=[aoukr])", "k"), (r"x", "ks"),
    (r"(?<=[aeiou])w", "u"), (r"ou|oo|eu", "u"), (r"eo", "o"), (r"ie|y|ee", "i"), (r"dh", "d"), (r"th", "t"), (r"sch", "sh"),
    (r"tch", "ch"), (r"([a-z])\1+", r"\1"), (r"(?<=[a-z]{4})[aoe]$", "a"),
)


@lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    """A transliteration-tolerant key: Chowdhury/Choudhury, Lukashenko/Lukashenka, Siddiqi/Siddiqui."""
    return _rewrite(fold(word), _PHONETIC_RULES)


def _rewrite(key: str, rules) -> str:
    """Apply (pattern, replacement) rules in order."""
    for pattern, replacement in rules:
        key = re.sub(pattern, replacement, key)
    return key


def allowed_edits(length: int) -> int:
    """How many typing slips a word of ``length`` letters may carry and still be the same word."""
    if length < 5:
        return 0
    return 1 if length < 8 else 2


#: the Arabic article written as a word of its own before a name (al Gaddafi, El Katrangi)
ARABIC_ARTICLES = frozenset({"al", "el"})

#: the Arabic article and its assimilated forms written before a name (al-Assad, El-Din, ad-Din)
_ARTICLE_RE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|ur)[-‐‑ ]?(?=\w{3})", re.I)


def without_article(word: str) -> str:
    """``Al-Qadhafi`` -> ``Qadhafi``; other words unchanged."""
    hyphenated = re.match(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|ur)[-‐‑]", word, re.I)
    stripped = _ARTICLE_RE.sub("", word) if hyphenated else word
    return stripped or word


def loosely_similar(a: str, b: str) -> bool:
    """Whether two given names could be one name transliterated two ways (Yousef/Yusuf, Sergey/Serhiy)."""
    from rapidfuzz import fuzz

    if is_initial(a) or is_initial(b):
        return fold(a)[:1] == fold(b)[:1]
    return fold(a) == fold(b) or fuzz.ratio(phonetic_key(a), phonetic_key(b)) >= 60


@lru_cache(maxsize=65536)
def relaxed_variant(a: str, b: str) -> str | None:
    """A looser test for surnames that follow the same given name: transliterations drift further."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    found = spelling_variant(a, b)
    if found is not None:
        return found
    parts_a, parts_b = re.split(r"[-‐‑]", a), re.split(r"[-‐‑]", b)
    if len(parts_a) == len(parts_b) > 1 and any(fold(x) == fold(y) for x, y in zip(parts_a, parts_b)):
        # compounds sharing an element differ only in the rest: Abd-al-Amir/Abd-al-Hadi are two names
        differing = [(x, y) for x, y in zip(parts_a, parts_b) if fold(x) != fold(y)]
        if any(relaxed_variant(x, y) is None for x, y in differing):
            return None
    a, b = without_article(a), without_article(b)
    fa, fb = fold(a), fold(b)
    if fa == fb or is_acronym(a) or is_acronym(b):
        return None
    shortest = min(len(fa), len(fb))
    if shortest < 4:
        return None
    reason = None
    if OSA.distance(fa, fb) <= max(2, shortest // 3) and fuzz.ratio(fa, fb) >= 65:
        reason = "spelling"
    elif fuzz.ratio(phonetic_key(a), phonetic_key(b)) >= 80 or skeleton(a) == skeleton(b) and len(skeleton(a)) >= 3:
        reason = "transliteration"
    if reason is None or gendered_pair(a, b) or derived_form(a, b):
        return None
    return reason


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants of the phonetic key, first letter kept: Qadhafi/Gaddafi -> kdf."""
    key = phonetic_key(word)
    return key[:1] + re.sub(r"[aeiouyhw]", "", key[1:])


@lru_cache(maxsize=65536)
def spelling_variant(a: str, b: str) -> str | None:
    """Why ``a`` and ``b`` look like one name spelled two ways, or None.

    Reasons: ``"case"`` (Mcdonald/McDonald), ``"diacritics"`` (Aleś/Ales,
    Kjærgaard/Kjaergaard), ``"spelling"`` (dropped, doubled, swapped or
    changed letters, within a budget that grows with length) and
    ``"transliteration"`` (Lukashenko/Lukashenka). Masculine and feminine
    surname forms and derived words (Belarus/Belarusian) are not variants.
    """
    if a == b or is_acronym(a) or is_acronym(b) or is_initial(a) or is_initial(b):
        return None
    fa, fb = fold(a), fold(b)
    if len(fa) < 3 or len(fb) < 3:
        return None
    if fa == fb:
        if a[1:] == b[1:] and a[0].lower() == b[0].lower():
            return None  # only the first letter's case: al-Assad/Al-Assad, de Gaulle/De Gaulle
        if a.lower() == b.lower():
            return "case"
        return "diacritics"
    bare_a, bare_b = without_article(a), without_article(b)
    if (bare_a, bare_b) != (a, b):
        if fold(bare_a) == fold(bare_b):
            return None  # al-Assad and Assad: the article comes and goes
        return spelling_variant(bare_a, bare_b)
    reason = _similar(a, b, fa, fb)
    if reason is None or gendered_pair(a, b) or derived_form(a, b):
        return None
    return reason


def _similar(a: str, b: str, fa: str, fb: str) -> str | None:
    from rapidfuzz.distance import OSA

    shortest = min(len(fa), len(fb))
    budget = allowed_edits(shortest)
    if budget == 0:
        return "transliteration" if shortest == 4 and phonetic_key(a) == phonetic_key(b) else None
    distance = OSA.distance(fa, fb, score_cutoff=budget + 4)
    if distance > budget + 3:
        return None  # too far apart for any reading
    # the first two letters swapped, both consonants: Whang/Hwang (a vowel moved makes another name: Ahmed/Hamed)
    swapped = fa[:2] == fb[1::-1] and fa[2:] == fb[2:] and not set(fa[:2]) & set("aeiouy")
    if fa[0] != fb[0] and OSA.distance(fa[1:], fb[1:]) > 0 and phonetic_key(a)[:1] != phonetic_key(b)[:1] \
            and not swapped:
        return None  # a different initial letter plus more: usually a different name (Serkan/Erkan aside)
    if distance <= budget:
        return "spelling"
    ka, kb = phonetic_key(a), phonetic_key(b)
    if ka == kb or (OSA.distance(ka, kb) <= 1 and distance <= budget + 1):
        return "transliteration"
    return None


#: endings that make a feminine given name from a masculine one (Daniel/Daniela, Colin/Colleen)
_FEMININE_SUFFIXES = ("een", "ine", "ette", "elle")
_FEMININE_GIVEN_ENDINGS = ("a", "ah") + _FEMININE_SUFFIXES
_GIVEN_RULES = (
    (r"ph", "f"), (r"kh", "h"), (r"gh", "g"), (r"dh", "d"), (r"th", "t"), (r"ck", "k"), (r"q", "k"), (r"x", "ks"),
    (r"c(?=[aouklr])", "k"), (r"^y(?=[aeiou])", "j"), (r"(?<=[rln])h", "g"), (r"^h(?=[aeiou])", ""),
    (r"(?<=[a-z])y", "i"), (r"([a-z])\1+", r"\1"),
)
_VOWELS = "aeiouy"


@lru_cache(maxsize=65536)
def given_key(word: str) -> str:
    """A key that hears one given name through its transliterations: Serhiy/Sergey, Yosef/Josef, Haroun/Aroun."""
    return _rewrite(fold(word), _GIVEN_RULES)


def _feminine_given(folded: str) -> bool:
    return folded.endswith(_FEMININE_GIVEN_ENDINGS)


def given_variant(a: str, b: str) -> bool:
    """Whether two given names are one name spelled or transliterated two ways.

    Beyond :func:`spelling_variant`'s slips, the same consonants with a few vowels
    changed count (Sergey/Serhiy/Sergii, Joseph/Yosef, Ekaterina/Kateryna,
    Mohammad/Muhammad, Aleksey/Oleksiy, Haroun/Aroun); a masculine and a feminine
    form (Daniel/Daniela, Colin/Colleen, Bashar/Bushra) or a short name with
    other vowels (Omar/Amir, Saad/Said, Ivan/Evan) does not.
    """
    from rapidfuzz.distance import OSA

    if is_initial(a) or is_initial(b) or is_acronym(a) or is_acronym(b):
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if _feminine_given(fa) != _feminine_given(fb):
        return False
    if spelling_variant(a, b) in ("case", "diacritics", "spelling"):
        return True
    ka, kb = given_key(a), given_key(b)
    if (ka[:1] in _VOWELS) != (kb[:1] in _VOWELS):
        ka, kb = (ka[1:], kb) if ka[:1] in _VOWELS else (ka, kb[1:])  # Ekaterina/Kateryna
    consonants_a = re.sub(f"[{_VOWELS}]", "", ka)
    if consonants_a != re.sub(f"[{_VOWELS}]", "", kb) or len(consonants_a) < 2:
        return False
    longest = max(len(ka), len(kb))
    if longest <= 4:
        if len(ka) != len(kb):
            return False  # Saad/Said
        # a short name: one vowel may shift within its class after the first letter (Saif/Seif, Roodi/Rudi)
        changed = [(x, y) for x, y in zip(ka, kb) if x != y]
        return len(changed) <= 1 and ka[0] == kb[0] and all({x, y} in _VOWEL_SHIFTS for x, y in changed)
    budget = 1 if longest <= 6 else 2
    return OSA.distance(ka, kb) <= budget


_VOWEL_SHIFTS = ({"a", "e"}, {"o", "u"}, {"e", "i"})


#: consonant spellings that transliterations interchange, applied in order to a folded word
_SOUND_RULES = (
    (r"sch", "sh"), (r"tch", "ch"), (r"dzh|dj|zh", "j"), (r"ch", "sh"), (r"kh|gh|ck|q|g", "k"),
    (r"c(?=[eiy])", "s"), (r"c", "k"), (r"ph", "f"), (r"th", "t"), (r"dh", "d"), (r"x", "ks"),
    (r"w", "v"), (r"(?<=[aeiouy])h$", ""),
)


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A word's consonants as transliterations hear them: Shibl/Chebel -> shbl, Nassereddine -> nsrdn.

    An opening vowel is kept as ``a`` (Ilyas/Elias -> als); other vowels and doubled letters go.
    """
    key = _rewrite(fold(word), _SOUND_RULES)
    if not key:
        return ""
    head = "a" if key[0] in _VOWELS else key[0]
    return re.sub(r"(.)\1+", r"\1", head + re.sub(f"[{_VOWELS}]", "", key[1:]))


def sounds_alike_given(a: str, b: str) -> bool:
    """Two given names heard alike and of one gender: Maalim/Mualem, Zakhary/Zakaria, Saeed/Said.

    The consonants must agree, the spellings stay close (Greg and Craig do not), and a final vowel
    or a feminine ending may not come or go (Bashar/Bushra, Daniel/Daniela, Colin/Colleen).
    """
    from rapidfuzz import fuzz

    key = sound_key(a)
    fa, fb = fold(a), fold(b)
    if key != sound_key(b) or len(key) < 2 or fuzz.ratio(fa, fb) < 60:
        return False
    if (fa[-1:] in _VOWELS) != (fb[-1:] in _VOWELS):
        return False
    return fa.endswith(_FEMININE_SUFFIXES) == fb.endswith(_FEMININE_SUFFIXES)
