"""NL101 on full names written two ways: transliterated given names, Arabic articles, middle names, separators."""
from __future__ import annotations

import pytest

from conftest import lint
from newslint.names_text import given_key, given_variant


def flagged_words(text: str) -> list[str]:
    """The spelling each NL101 finding quotes first."""
    return [f.message.split('"')[1] for f in lint(text, select="NL101")]


INVALID = [
    pytest.param(
        "Sergey Tarnavsky runs the grain terminal. Sergey Tarnavsky said exports had doubled. "
        "Port workers praised Serhiy Tarnavsky for the new cranes. Sergey Tarnavsky plans a second berth.",
        "Serhiy", id="ukrainian-h-for-russian-g"),
    pytest.param(
        "Joseph Ambervale founded the choir. Joseph Ambervale still conducts it. "
        "The festival gave Yosef Ambervale a medal. Joseph Ambervale thanked the singers.",
        "Yosef", id="j-and-y-transliteration"),
    pytest.param(
        "Ekaterina Dolgorova leads the rowing team. Ekaterina Dolgorova won silver last year. "
        "The coach picked Kateryna Dolgorova for the final. Ekaterina Dolgorova will race on Sunday.",
        "Kateryna", id="dropped-initial-vowel"),
    pytest.param(
        "Mohammad Qaradawi chairs the port authority. Mohammad Qaradawi signed the lease. "
        "Traders wrote to Muhammad Qaradawi about the fees. Mohammad Qaradawi did not reply.",
        "Muhammad", id="vowel-transliteration"),
    pytest.param(
        "Coach Haroun Mbeki picked the under-17 side. Haroun Mbeki said the pitch was poor. "
        "Fans thanked Aroun Mbeki after the match. Haroun Mbeki will stay another year.",
        "Aroun", id="dropped-initial-h"),
    pytest.param(
        "Saif Tannous opened the bakery. Saif Tannous bakes before dawn. "
        "Neighbours brought flour to Seif Tannous after the fire. Saif Tannous reopened in May.",
        "Seif", id="short-name-vowel-shift"),
    pytest.param(
        "Khalil Haddadi was elected mayor. Khalil Haddadi promised new buses. "
        "A rival accused Khalil Al-Haddadi of stalling. Khalil Haddadi denied it.",
        "Khalil Al-Haddadi", id="article-prefix-added"),
    pytest.param(
        "Rania al-Masoudi edits the weekly. Rania al-Masoudi wrote the editorial. "
        "Readers sent letters to Rania Masoudi. Rania al-Masoudi printed several of them.",
        "Rania Masoudi", id="article-prefix-dropped"),
    pytest.param(
        "Tariq Bakhtawar owns the ferry. Tariq Bakhtawar said the engine had failed. "
        "The inspector fined Tariq El Bakhtawar. Tariq Bakhtawar will appeal.",
        "Tariq El Bakhtawar", id="article-as-separate-word"),
    pytest.param(
        "Oleksandr Hryhorovych Veremiy chairs the council. Oleksandr Hryhorovych Veremiy opened the meeting. "
        "Deputies questioned Aleksandr Veremiy about the budget. Oleksandr Hryhorovych Veremiy answered.",
        "Aleksandr Veremiy", id="patronymic-dropped-and-given-respelt"),
    pytest.param(
        "Karim Sulaymani runs the clinic. Karim Sulaymani hired two nurses. "
        "Patients praised Karim Nadir Sulaymani for the care. Karim Sulaymani plans to expand.",
        "Karim Nadir Sulaymani", id="middle-name-added-later"),
    pytest.param(
        "Zia ur Rehmani teaches law. Zia ur Rehmani wrote the textbook. "
        "Students cited Zia-ur- Rehmani in their essays. Zia ur Rehmani retires next year.",
        "Zia-ur", id="hyphen-left-before-a-space"),
    pytest.param(
        "Pak Chol Ung led the delegation. Pak Chol Ung spoke first. "
        "Reporters asked P'ak-Ch'o'l Ung about sanctions. Pak Chol Ung declined to answer.",
        "P'ak-Ch'o'l Ung", id="apostrophe-romanisation"),
]


@pytest.mark.parametrize(("text", "variant"), INVALID)
def test_full_name_written_two_ways_is_flagged(text: str, variant: str) -> None:
    found = flagged_words(text)
    assert found, text
    assert all(word.startswith(variant) or variant.startswith(word) for word in found), found


VALID = [
    pytest.param("Daniel Okafor and Daniela Okafor both ran. Daniel Okafor finished fourth. "
                 "The coach praised Daniela Okafor for her pace.", id="masculine-and-feminine-given-names"),
    pytest.param("Bashar Haddad chairs the bank. Bashar Haddad spoke on Monday. The board also named "
                 "Bushra Haddad, who will head the audit unit.", id="arabic-masculine-feminine"),
    pytest.param("Omar Sayegh owns the cafe. Omar Sayegh opened it in 2010. The permit names "
                 "Amir Sayegh as a second owner.", id="short-names-with-other-vowels"),
    pytest.param("Said Karoui drives the bus. Said Karoui has done so for years. The schedule lists "
                 "Saad Karoui on the night route.", id="saad-and-said"),
    pytest.param("Maher Hachim Dabbous was named on Tuesday. Maher Dabbous had moved money abroad. "
                 "Maher Dabbous has not commented.", id="long-form-first-then-short"),
    pytest.param("Yusra Nabil Khoury leads the union. Yusra Nabil Khoury called the strike. "
                 "Talks with Yusra Khoury resumed on Friday.", id="middle-name-dropped-later"),
    pytest.param("Bashar al-Qudsi spoke on television. Qudsi said the war was over. Al-Qudsi then left.",
                 id="article-with-surname-alone"),
    pytest.param("Idris Nabil Farouk and Ibrahim Nabil Farook were named. Idris Nabil Farouk denied it. "
                 "The list also names Ibrahim Nabil Farook as a director.", id="brothers-sharing-a-middle-name"),
    pytest.param("Hassan Adwan Qudah runs the firm. Hassan Adwan Qudah signed the deal. "
                 "The list also names Hussein Adwan Qudah, his brother.", id="hassan-and-hussein"),
    pytest.param("Walid 'Abd-al-Amir Sarraf was named. Walid 'Abd-al-Amir Sarraf denied wrongdoing. "
                 "The list also names Walid 'Abd-al-Hadi Sarraf, a director.", id="compound-names-differ-in-the-rest"),
    pytest.param("Sergey Tarnavsky runs the terminal. Sergey Tarnavsky said exports rose. "
                 "His brother Serhiy Tarnavsky runs the rival port.", id="relative-with-transliterated-name"),
    pytest.param("Colin Marsh drove the lorry. Colin Marsh was not hurt. A second driver, Colleen Marsh, "
                 "was treated in hospital.", id="colin-and-colleen"),
]


@pytest.mark.parametrize("text", VALID)
def test_two_people_or_one_style_is_not_flagged(text: str) -> None:
    assert flagged_words(text) == []


@pytest.mark.parametrize(("a", "b"), [
    ("Sergey", "Serhiy"), ("Sergey", "Sergii"), ("Joseph", "Yosef"), ("Joseph", "Josef"),
    ("Ekaterina", "Kateryna"), ("Mohammad", "Muhammad"), ("Mohammad", "Mohamad"), ("Aleksey", "Oleksiy"),
    ("Aleksey", "Alexei"), ("Haroun", "Aroun"), ("Ayesha", "Aisha"), ("Saif", "Seif"), ("Ghazi", "Gazi"),
])
def test_given_name_transliterations(a: str, b: str) -> None:
    assert given_variant(a, b) and given_variant(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Colin", "Colleen"), ("Daniel", "Daniela"), ("Bashar", "Bushra"), ("Omar", "Amir"), ("Saad", "Said"),
    ("Ivan", "Evan"), ("Hassan", "Hussein"), ("Jan", "Jean"), ("Dina", "Dana"), ("Uday", "Qusay"),
    ("Mingfu", "Mingguo"), ("Hamed", "Hadi"), ("J.", "Joseph"),
])
def test_different_given_names(a: str, b: str) -> None:
    assert not given_variant(a, b) and not given_variant(b, a)


def test_given_key_hears_transliterations_alike() -> None:
    assert given_key("Serhiy") == given_key("Sergii") == "sergi"
    assert given_key("Yosef") == given_key("Joseph") == "josef"
    assert given_key("Haroun") == "aroun"
