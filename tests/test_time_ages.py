"""Ages the article ties to a date or a person in ways spaCy's small model reads poorly: "at 29" beside a
dated clause, "The 23-year-old" opening a sentence, and a birth date written after a place."""
from __future__ import annotations

import pytest

from conftest import lint

BORN = "Elspeth Garrow ran the mill canteen. She was born on Nov. 3, 1931, in Dundee.\n\n{age}\n"


@pytest.mark.parametrize("sentence", [
    "In March 1958, at 29, she led 300 weavers out of the mill.",
    "At 29, in March 1958, she led 300 weavers out of the mill.",
    "In 1960, at 31, Garrow was elected shop steward.",
])
def test_an_age_at_the_sentences_date_is_checked(sentence: str) -> None:
    found = lint(BORN.format(age=sentence), select="NL403", date="2024-05-01")
    assert len(found) == 1 and found[0].line == 3


@pytest.mark.parametrize("sentence", [
    "In March 1958, at 26, she led 300 weavers out of the mill.",       # fits
    "At 29, she led 300 weavers out of the mill.",                      # no date: when is unknown
    "In March 1958, shares in the mill closed at 29, she recalled.",    # a price
    "In March 1958 the mill, at 29, had more looms than any other.",    # not a person
    "In March 1958 the score stood at 29, and she left the stand.",      # a score
    "In March 1958 and again in 1962, at 29, she led a walkout.",        # two dates: which one?
])
def test_an_age_without_a_single_date_or_not_of_a_person_stays_silent(sentence: str) -> None:
    assert lint(BORN.format(age=sentence), select="NL403", date="2024-05-01") == []


RIDER = ("Tadej Vollering rode well in the mountains. Vollering was born on Sept. 2, 2000, in Ljubljana.\n\n"
         "The stage went to a Belgian. Vollering lost time on the last climb. {age}\n")


@pytest.mark.parametrize("sentence", [
    "The 23-year-old finished third.",
    "The 23-year-old crashed on the descent.",
    "The 23-year-old will start on Sunday.",
])
def test_the_year_old_as_a_subject_after_a_name_spacy_does_not_tag(sentence: str) -> None:
    found = lint(RIDER.format(age=sentence), select="NL403", date="2023-06-12")
    assert len(found) == 1 and "the person was 22" in found[0].message


@pytest.mark.parametrize("sentence", [
    "The 22-year-old finished third.",
    "The 23-year-old restored chapel reopened.",
    "A 23-year-old finished third.",
])
def test_a_fitting_age_a_thing_or_someone_new_stays_silent(sentence: str) -> None:
    assert lint(RIDER.format(age=sentence), select="NL403", date="2023-06-12") == []


@pytest.mark.parametrize("born", [
    "Wongsawat was born in Chiang Mai in June 1958.",
    "Wongsawat was born in the northern hill town of Mae Rim, outside Chiang Mai, in June 1958.",
])
def test_a_birth_date_after_the_place_is_read(born: str) -> None:
    text = f"Anan Wongsawat, 61, said the river had never been so low.\n\n{born}\n"
    found = lint(text, select="NL403", date="2024-05-01")
    assert len(found) == 1 and found[0].line == 1 and "was 65" in found[0].message


def test_a_later_date_in_another_clause_is_not_the_birth_date() -> None:
    text = ("Anan Wongsawat, 61, said the river had never been so low.\n\n"
            "Wongsawat was born in Chiang Mai and moved to Bangkok, where he opened a shop in June 1963.\n")
    assert lint(text, select="NL403", date="2024-05-01") == []


def test_a_dateline_place_is_not_part_of_the_name_after_it() -> None:
    from conftest import lint
    text = ("---\ntitle: \"Ilie Marinescu, bell founder, dies\"\n---\n"
            "BRASOV, Romania — Ilie Marinescu, a bell founder, died on Sunday at home. He was 86.\n\n"
            "Marinescu was born on Nov. 30, 1936, in Brasov.\n")
    found = lint(text, select="NL403", date="2022-10-18")
    assert [f.rule for f in found] == ["NL403"] and "85" in found[0].message


SAME_SENTENCE = "Margaret Wilson has taught at the village school for four decades.\n\n{sentence}\n"


@pytest.mark.parametrize("sentence", [
    "Born in Aberdeen on May 9, 1950, the 70-year-old teacher still starts work at seven.",
    "The 70-year-old, who was born in Aberdeen on May 9, 1950, still starts work at four.",
    # 69 fits 2019, but that year dates the chairing, not the age
    "Wilson, 69, who was born in May 1950 and has chaired the guild since 2019, still starts work at four.",
])
def test_a_birth_date_and_an_age_in_one_sentence(sentence: str) -> None:
    """Born May 1950, she is 75 on the publication date."""
    found = lint(SAME_SENTENCE.format(sentence=sentence), select="NL403", date="2025-06-01")
    assert len(found) == 1 and found[0].line == 3


@pytest.mark.parametrize("sentence", [
    "Born in Aberdeen on May 9, 1950, the 75-year-old teacher still starts work at seven.",
    "The 75-year-old, who was born in Aberdeen on May 9, 1950, still starts work at four.",
    "Wilson, 75, who was born in May 1950 and has chaired the guild since 2019, still starts work at four.",
    "In 2019 Wilson, 69, who was born in May 1950, took over the guild.",   # the sentence's date is meant
])
def test_a_fitting_age_beside_a_birth_date_stays_silent(sentence: str) -> None:
    assert lint(SAME_SENTENCE.format(sentence=sentence), select="NL403", date="2025-06-01") == []


DEFENDANT = ("The defendant, Tunde Bakare, appeared before the court on Monday.\n\n"
             "Bakare, {age}, showed no reaction as the charges were read. {birth}\n")


@pytest.mark.parametrize("birth", [
    "Court papers give his date of birth as May 4, 1970.",
    "His birth date is listed in the charge sheet as May 4, 1970.",
])
def test_a_date_of_birth_is_a_birth(birth: str) -> None:
    """Born May 4, 1970, he is 55 on the publication date; the name is a person by its age, whatever its label."""
    found = lint(DEFENDANT.format(age=61, birth=birth), select="NL403", date="2025-06-01")
    assert len(found) == 1 and found[0].line == 3
    assert lint(DEFENDANT.format(age=55, birth=birth), select="NL403", date="2025-06-01") == []


def test_a_first_surname_alone_is_the_person_with_two_surnames() -> None:
    """"Rosa Quispe Mamani, 44," and later "Born on Aug. 3, 1979, Quispe is ...": one person."""
    text = ("Rosa Quispe Mamani, 44, a former schoolteacher, led the count on Thursday.\n\n"
            "Born on Aug. 3, 1979, in Sicuani, Quispe taught in village schools for two decades.\n")
    found = lint(text, select="NL403", date="2026-04-16")
    assert len(found) == 1 and found[0].line == 1
    assert lint(text.replace(", 44,", ", 46,"), select="NL403", date="2026-04-16") == []


def test_born_in_a_participle_on_an_appositive_is_the_named_persons_birth() -> None:
    text = ("Among the marchers was Rosa Quiroga, a retired teacher born in August 1949 in Tucumán.\n\n"
            "Quiroga, 71, said she had voted in every election since 1983.\n")
    found = lint(text, select="NL403", date="2026-04-23")
    assert len(found) == 1 and found[0].line == 3
    assert lint(text.replace(", 71,", ", 76,"), select="NL403", date="2026-04-23") == []
