"""Full names lined up part by part: re-cut, respelt, shortened or lengthened forms of one person's name."""
from __future__ import annotations

import pytest

from conftest import lint
from newslint.names_align import one_person
from newslint.names_text import sound_key, sounds_alike_given


def flagged_words(text: str) -> list[str]:
    return [f.message.split('"')[1] for f in lint(text, select="NL101")]


@pytest.mark.parametrize(("word", "key"), [
    ("Nassereddine", "nsrdn"),
    ("Shami", "shm"),
    ("Chami", "shm"),
    ("Qasimi", "ksm"),
    ("Gasimi", "ksm"),
    ("Elias", "als"),
    ("Ilyas", "als"),
    ("Jaswal", "jsvl"),
    ("Slaibah", "slb"),
])
def test_sound_key(word: str, key: str) -> None:
    assert sound_key(word) == key


@pytest.mark.parametrize(("a", "b", "alike"), [
    ("Saeed", "Said", True),
    ("Zakhary", "Zakaria", True),
    ("Anyat", "Inayat", True),
    ("Bashir", "Bushra", False),    # a final vowel comes: a woman's name
    ("Colin", "Colleen", False),    # a feminine ending
    ("Greg", "Craig", False),       # one consonant skeleton, two names
    ("Hamed", "Hadi", False),
])
def test_given_names_heard_alike(a: str, b: str, alike: bool) -> None:
    assert sounds_alike_given(a, b) is alike


SAME = [
    pytest.param("Karim Noureddine", "Karim Nour Al Din", id="surname-re-cut"),
    pytest.param("Samir Walid Saifeddine", "Samir Saif Al Din", id="re-cut-and-middle-added-later"),
    pytest.param("Rana Al Chami", "Rana Al Shami", id="ch-for-sh"),
    pytest.param("Nabil Al-Gasimi", "Nabil Al-Qasimi", id="g-for-q"),
    pytest.param("Farid Jasval", "Farid Jaswal", id="v-for-w"),
    pytest.param("Tariq Sleiba", "Tariq Slaibah", id="final-h-and-vowels"),
    pytest.param("Abd Al-Hamid Tawfiq", "Abdul Hamid Tawfiq", id="given-name-re-cut"),
    pytest.param("Yusuf Hamid Al-Amri", "Yusuf Hamid Karim Al-Amri", id="shorter-keeps-a-middle-name"),
    pytest.param("Zakaria Orlov", "Zakhary Petrovich Orlov", id="given-respelt-patronymic-dropped"),
    pytest.param("Ana Lucia Ferrer Rius", "Ana Lucia Ferrer Vidal", id="four-words-other-last-surname"),
    pytest.param("Rosa Elena Marques Ibarra Leon", "Rosa Elena Marquez Ibarra", id="surnames-added-later"),
    pytest.param("Abdul Karim Rashidy", "Hafiz Abdul Karim Rashidi", id="honorific-prefix-dropped"),
    pytest.param("Viktor Mikhailovich Sorokin", "Viktor Mihailavich Sorokin", id="long-patronymic-respelt"),
]

DIFFERENT = [
    pytest.param("Walid Saleh Nasser Al-Hakim", "Tariq Saleh Nasser Al-Hakim", id="brothers-share-the-chain"),
    pytest.param("Bushra Al-Tamimi", "Bashar Al-Tamimi", id="sister-and-brother"),
    pytest.param("Ahmad Haddad", "Ahmad Karim Haddad", id="shorter-form-given-and-surname-only"),
    pytest.param("Kim Jong Il", "Kim Jong Un", id="three-words-other-last"),
    pytest.param("Juan Carlos Gomez", "Juan Carlos Perez", id="compound-given-name-two-surnames"),
    pytest.param("Ali Musavi", "Sayed Ali Musavi", id="honorific-dropped-two-words-left"),
    pytest.param("Hassan Abd-al-Hadi Farouk", "Hassan Abd-al-Amir Farouk", id="compound-middle-names-differ"),
    pytest.param("Ahmad Karim Haddad", "Ahmad Karim Haddad", id="identical"),
    pytest.param("Mariam Castellanos", "Mariam Costa", id="other-surname-two-words"),
]


@pytest.mark.parametrize(("later", "earlier"), SAME)
def test_one_person_two_forms(later: str, earlier: str) -> None:
    assert one_person(later.split(), earlier.split())


@pytest.mark.parametrize(("later", "earlier"), DIFFERENT)
def test_two_people_or_one_form(later: str, earlier: str) -> None:
    assert not one_person(later.split(), earlier.split())


def test_re_cut_surname_is_flagged_in_an_article() -> None:
    text = ("Karim Nour Al Din owns the only pharmacy in the village.\n\n"
            "Karim Nour Al Din said supplies of insulin had run short since March.\n\n"
            "The regional health office sent Karim Noureddine a letter promising a delivery.\n\n"
            "Karim Nour Al Din said the letter gave no date.\n")
    assert flagged_words(text) == ["Karim Noureddine"]


def test_relatives_sharing_a_name_chain_are_not_flagged() -> None:
    text = ("Walid Saleh Nasser Al-Hakim runs the family's olive press.\n\n"
            "Walid Saleh Nasser Al-Hakim said the harvest was the worst in a decade.\n\n"
            "The press also employs Tariq Saleh Nasser Al-Hakim, who keeps its accounts.\n")
    assert flagged_words(text) == []


def _words(*spec: tuple[str, str]) -> list:
    from newslint.people import _Word

    out, offset = [], 0
    for text, label in spec:
        out.append(_Word(offset, offset + len(text), text, label, "PROPN", offset == 0, False))
        offset += len(text) + 1
    return out


def test_place_label_on_an_unfamiliar_given_name_keeps_it_in_the_name() -> None:
    """The tagger may call an unfamiliar first word a place; with unlabelled words after it, it is a name."""
    from newslint.people import _trim

    runs = list(_trim(_words(("Rab'ia", "GPE"), ("Tawfiq", ""), ("Al-Khouri", ""))))
    assert [[w.text for w in run] for run, _, _ in runs] == [["Rab'ia", "Tawfiq", "Al-Khouri"]]


def test_nationality_before_a_name_is_not_part_of_it() -> None:
    from newslint.people import _trim

    runs = list(_trim(_words(("Belarusian", "NORP"), ("Ales", "PERSON"), ("Bialiatski", "PERSON"))))
    assert [[w.text for w in run] for run, _, _ in runs] == [["Ales", "Bialiatski"]]


def test_speaker_run_without_a_label_is_a_person() -> None:
    """spaCy labels nothing in a long unfamiliar name; "said" after it makes it a person all the same."""
    from newslint.formats.text import parse_text
    from newslint.people import name_analysis

    text = ("Karim Nour Al Din owns the only pharmacy in the village.\n\n"
            "Karim Nour Al Din said supplies of insulin had run short.\n")
    mentions = name_analysis(parse_text(text, "draft.txt")).mentions
    assert [(m.kind, " ".join(t.text for t in m.tokens)) for m in mentions] == \
        [("person", "Karim Nour Al Din"), ("person", "Karim Nour Al Din")]


def _mention(kind: str, *words: tuple[str, str], start: int = 0):
    from newslint.people import NameMention, NameToken

    tokens, offset = [], start
    for text, label in words:
        tokens.append(NameToken(offset, offset + len(text), text, label))
        offset += len(text) + 1
    return NameMention(tuple(tokens), kind)


def test_a_surname_tagged_as_a_place_is_the_person_named_in_full() -> None:
    from newslint.people import _people_tagged_as_places

    full = _mention("person", ("Maja", "PERSON"), ("Lindqvist", "PERSON"))
    alone = _mention("place", ("Lindqvist", "GPE"), start=100)
    mentions, found = _people_tagged_as_places([full, alone], [], frozenset())
    assert [m.kind for m in mentions] == ["person", "person"] and found == {"lindqvist"}


def test_a_surname_tagged_as_a_place_after_an_unlabelled_full_name() -> None:
    from newslint.people import _people_tagged_as_places

    unlabelled = _mention("", ("Femke", ""), ("Lindqvist", ""))
    alone = _mention("place", ("Lindqvist", "GPE"), start=100)
    mentions, _ = _people_tagged_as_places([alone], [(unlabelled, False)], frozenset())
    assert [m.kind for m in mentions] == ["person"]


def test_a_place_whose_name_ends_a_two_word_place_stays_a_place() -> None:
    """"New York" lends no surname: its first word is a dictionary word."""
    from newslint.people import _people_tagged_as_places

    two_words = _mention("", ("New", ""), ("York", ""))
    alone = _mention("place", ("York", "GPE"), start=100)
    mentions, found = _people_tagged_as_places([alone], [(two_words, False)], frozenset({"new"}))
    assert [m.kind for m in mentions] == ["place"] and not found
