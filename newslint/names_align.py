"""Align two full names part by part: respelt, re-cut, dropped or added words of one person's name.

The word-by-word comparison in :mod:`newslint.names_variants` asks each word of
one form to match the word in the same place of the other. Transliterated
names drift further than that: words are cut differently (Nasr Al Din and
Nassereddine, Kheir Beik and Khayrbik), consonants are written with other
letters (Chebel/Shibl, Umqy/Omgy), a patronymic or a second surname comes and
goes. This module lines the two forms up in three parts, given name, middle
names and surname, each part one to three words long, and says whether the
two forms are one name.

What keeps two relatives apart is the given name: brothers and sisters share
every word but the first (Qusay and Uday Saddam Hussein Al-Tikriti), so the
first words must be one name, heard alike and of one gender (Bashar and
Bushra are two people). Beyond that, one form may

* respell or re-cut any part;
* drop middle names, when something else is respelt, or the shorter form keeps
  one of them (Abdallah Faysal Al-Ahdal for Abdallah Faysal Sadiq Al-Ahdal),
  or the longer form is the later one; a shorter form alone, given name and
  surname only, is how articles shorten names (Muhammad Abdallah is not
  taken for Muhammad Yusif Abdallah);
* add trailing surnames in the later, longer form (Cazares Salazar De Meza);
* end in another surname after at least two agreeing words besides the given
  name (Blanca Margarita Cazares Salazar and Blanca Margarita Cazares
  Gastellum: a maternal or married surname); one is not enough, since Kim
  Jong Un and Kim Jong Il are two people.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Sequence

from newslint.names_text import (ARABIC_ARTICLES, fold, given_variant, phonetic_key, relaxed_variant, sound_key,
                                 sounds_alike_given, without_article)


def _joined_keys(words: Sequence[str]) -> set[str]:
    """Sound keys of words run together, with and without their Arabic articles (Nasr Al Din, Abdul Rahim)."""
    kept = "".join(fold(w) for w in words)
    bare = "".join(fold(without_article(w)) for w in words if fold(w) not in ARABIC_ARTICLES)
    return {sound_key(kept), sound_key(bare)}


#: how well two parts agree
SAME, RESPELT = 2, 1


def _word_level(a: str, b: str, part: str) -> int:
    """SAME, RESPELT or 0 for two single words playing ``part`` (given, middle or surname)."""
    bare_a, bare_b = without_article(a), without_article(b)
    if fold(bare_a) == fold(bare_b):
        return SAME
    if part == "given":
        return RESPELT if given_variant(a, b) or sounds_alike_given(a, b) else 0
    if relaxed_variant(a, b) is not None or given_variant(bare_a, bare_b):
        return RESPELT
    key = sound_key(bare_a)
    if key == sound_key(bare_b) and len(key) >= 2 and (part == "surname" or len(key) >= 3):
        return RESPELT
    if part == "middle" and "-" not in a + b and min(len(fold(a)), len(fold(b))) >= 6:
        from rapidfuzz import fuzz

        # long patronymics drift furthest (Mihaulauna/Mikhailovna); hyphenated compounds that share
        # an element are left to relaxed_variant, which tells Abd-al-Amir from Abd-al-Hadi
        return RESPELT if fuzz.ratio(phonetic_key(a), phonetic_key(b)) >= 70 else 0
    return 0


def _part_level(a: Sequence[str], b: Sequence[str], part: str) -> int:
    """SAME, RESPELT or 0 for two runs of words: one word each, or a run re-cut into other words."""
    if len(a) == len(b) == 1:
        return _word_level(a[0], b[0], part)
    keys_a, keys_b = _joined_keys(a), _joined_keys(b)
    if keys_a & keys_b and min(len(k) for k in keys_a | keys_b) >= 4:
        return SAME if "".join(map(fold, a)) == "".join(map(fold, b)) else RESPELT
    return 0


@dataclass(frozen=True)
class _Middles:
    """How the middle names of two forms compare."""

    matched: bool
    respelt: bool = False
    dropped: bool = False
    kept_one: bool = False  # the form with fewer middle names still has one of the other's


def _middles(a: Sequence[str], b: Sequence[str]) -> _Middles:
    if len(a) == len(b):
        levels = [_word_level(x, y, "middle") for x, y in zip(a, b)]
        return _Middles(all(levels), respelt=RESPELT in levels)
    shorter, longer = sorted((a, b), key=len)
    position, respelt = 0, False
    for word in shorter:
        while position < len(longer) and not _word_level(word, longer[position], "middle"):
            position += 1
        if position == len(longer):
            return _Middles(False)
        respelt = respelt or _word_level(word, longer[position], "middle") == RESPELT
        position += 1
    return _Middles(True, respelt=respelt, dropped=True, kept_one=bool(shorter))


def _spans(words: Sequence[str], from_end: bool) -> list[int]:
    """How many words a given name or surname may take: one to three, leaving one for the rest."""
    return [n for n in (1, 2, 3) if n < len(words)] if not from_end else [n for n in (1, 2, 3) if n <= len(words)]


#: honorifics written as the first word of a name and often left out (Hafiz Abdul Salam Bhuttavi,
#: Alsayed Murtadha Majeed): compared without them only when three words or more remain, since a
#: shorter rest may be a father's name in a patronymic chain
HONORIFIC_PREFIXES = frozenset("hafiz hafez sayyid sayyed sayed seyed seyyed syed sayid alsayed alsayyid".split())


def one_person(later: Sequence[str], earlier: Sequence[str]) -> bool:
    """Whether ``later``, a rarer form written after ``earlier``, is the same person's name (see the module)."""
    if len(later) < 2 or len(earlier) < 2:
        return False
    if [fold(w) for w in later] == [fold(w) for w in earlier]:
        return False
    if _aligned(later, earlier):
        return True
    bare_later, bare_earlier = _without_honorific(later), _without_honorific(earlier)
    if (bare_later, bare_earlier) == (later, earlier) or min(len(bare_later), len(bare_earlier)) < 3:
        return False
    return [fold(w) for w in bare_later] != [fold(w) for w in bare_earlier] and _aligned(bare_later, bare_earlier)


def _without_honorific(words: Sequence[str]) -> Sequence[str]:
    return words[1:] if fold(words[0]) in HONORIFIC_PREFIXES else words


def _aligned(later: Sequence[str], earlier: Sequence[str]) -> bool:
    for i, j in product(_spans(later, False), _spans(earlier, False)):
        given = _part_level(later[:i], earlier[:j], "given")
        if given and _rest_agrees(later[i:], earlier[j:], given == RESPELT):
            return True
    return False


def _rest_agrees(later: Sequence[str], earlier: Sequence[str], given_respelt: bool) -> bool:
    """Middle names and surname after a matching given name (see :func:`one_person`)."""
    for p, q in product(_spans(later, True), _spans(earlier, True)):
        surname = _part_level(later[-p:], earlier[-q:], "surname")
        if not surname:
            continue
        middles = _middles(later[:-p], earlier[:-q])
        if not middles.matched:
            continue
        respelt = given_respelt or surname == RESPELT or middles.respelt
        if not middles.dropped and (respelt or (p, q) != (1, 1)):
            return True
        if middles.dropped and (respelt or middles.kept_one or len(later) > len(earlier)):
            return True
    return _other_surname(later, earlier) or _surnames_added(later, earlier)


def _other_surname(later: Sequence[str], earlier: Sequence[str]) -> bool:
    """After the given name, two or more words agree and only the last differs: a maternal or married
    surname (Blanca Margarita Cazares Salazar, Blanca Margarita Cazares Gastellum).

    One agreeing word is not enough: Kim Jong Un and Kim Jong Il, Nguyen Van Linh and Nguyen Van
    Thieu, Juan Carlos Perez and Juan Carlos Gomez are different people.
    """
    if len(later) != len(earlier) or len(later) < 3:
        return False
    return all(_word_level(x, y, "middle") for x, y in zip(later[:-1], earlier[:-1])) and \
        not _word_level(later[-1], earlier[-1], "surname")


def _surnames_added(later: Sequence[str], earlier: Sequence[str]) -> bool:
    """After the given name, the later form is the earlier one, a word respelt, with surnames added at
    the end (Cazares Salazar, Cazarez Salazar De Meza)."""
    if len(later) <= len(earlier):
        return False
    levels = [_word_level(x, y, "middle") for x, y in zip(later, earlier)]
    return all(levels) and RESPELT in levels
