"""NL401 links through a person: the same once-only action (or its noun) on the same person, close by."""
from __future__ import annotations

import pytest

from conftest import lint

DATE = "2022-09-08"


def messages(text: str) -> list[str]:
    return [f.message for f in lint(text, select="NL401", date=DATE)]


@pytest.mark.parametrize("text, said", [
    # the same verb, the person as a name in apposition and then as a pronoun on a conjoined verb
    ("The contractor, Dieter Falk, was convicted last year and served eight months. He was arrested in 2019 and "
     "convicted in 2020.", '"last year" means 2021'),
    # a future relative date for a sentencing the article dates as done (active, then passive)
    ("The district court on Thursday sentenced former mayor Ilse Kranich to three years in prison.\n\n"
     "Kranich will be sentenced next month, the court said.", '"next month" means October 2022'),
    # the past clause names the offence; the future one names nothing of its own, so it is that one
    ("The district court on Thursday sentenced Ilse Kranich to three years in prison for taking bribes.\n\n"
     "Kranich will be sentenced next month, the court said.", '"next month" means October 2022'),
    # a verb and its nominalisation, with a possessor or an "of" object
    ("Dieter Falk's conviction in 2020 ended his career. Falk was convicted last year, prosecutors said.",
     '"last year" means 2021'),
    ("The arrest of Marta Lindqvist in 2019 made headlines. Lindqvist was arrested last year.",
     '"last year" means 2021'),
    ("Marta Lindqvist's 2019 arrest made headlines. Lindqvist was arrested last year.", '"last year" means 2021'),
    # the antecedent of a relative clause, the same office on both sides
    ("Anton Berger was elected mayor in 2018.\n\nBerger, who was elected mayor last year, promised bus lanes.",
     '"last year" means 2021'),
    # actions a person does once: resign, die
    ("Karin Vogt resigned in March 2021. Vogt resigned last month, citing ill health.", '"last month" means August'),
    ("Karin Vogt died on Sunday. Vogt, who died last month, was 80.", '"last month" means August'),
    ("Police arrested Jonas Weber in 2019. Weber was arrested last year, his lawyer said.",
     '"last year" means 2021'),
])
def test_person_link_fires(text: str, said: str) -> None:
    found = messages(text)
    assert len(found) == 1, found
    assert found[0].startswith(said), found[0]
    assert "the same event (" in found[0]


def test_told_as_done_message() -> None:
    text = ("A court in Linz sentenced Petra Lindner to two years in prison.\n\n"
            "Lindner will be sentenced next month, her lawyer said.")
    assert messages(text) == ['"next month" means October 2022 here (published 2022-09-08), but the same event '
                              '(Petra Lindner, sentenced) is told as already done in line 1']


def test_message_names_the_person_and_the_other_dating() -> None:
    (message,) = messages("Marta Lindqvist was convicted in 2020. She was convicted last year.")
    assert message == ('"last year" means 2021 here (published 2022-09-08), but the same event (Marta Lindqvist, '
                       'convicted) is dated 2020 in line 1')


@pytest.mark.parametrize("text", [
    # repeated events
    "Jonas Weber was arrested in 2019 and again last year.",
    "Jonas Weber was arrested in 2019. He was arrested again last year.",
    "Jonas Weber was arrested in 2019. He was also arrested last year.",
    "Jonas Weber was arrested in 2019. Anna Huber said he was arrested for a second time last year.",
    "Jonas Weber was elected in 2018 and re-elected last year.",
    "Jonas Weber's two convictions in 2020 ended his career. He was convicted last year.",
    "Jonas Weber was arrested yesterday. He had been arrested in 2019.",
    # different people with the same verb
    "Jonas Weber was convicted in 2020. Anna Huber was convicted last year.",
    "Jonas Weber, 45, was arrested in 2019.\n\nHis brother was arrested last year.",
    "A court sentenced Jonas Weber to four years in 2021. His co-defendant, Karl Huber, will be sentenced next "
    "month.",
    # a pronoun that could mean either of two people named just before
    "Jonas Weber and Karl Huber went to court. He was arrested in 2019. Huber was arrested last year.",
    # other actions on the same person
    "Jonas Weber was convicted in 2020. He will appeal next month.",
    "The trial of Jonas Weber opened in June and resumes next month.",
    "Ngozi Bello won the regional title on Saturday.\n\nBello won the national title last year.",
    # what the action was for tells two apart, and an offence named on one side only is unsure
    "Jonas Weber was convicted of fraud in 2020. He was convicted of assault last year.",
    "Jonas Weber was charged with fraud in 2020. He was charged with bribery last month.",
    "Jonas Weber was elected mayor in 2018. He was elected governor last year.",
    "Jonas Weber was arrested yesterday. He was arrested in 2019 for shoplifting.",
    "Jonas Weber was sentenced to three years in 2020. He was sentenced to eight months last year.",
    "Jonas Weber was fired by the club in 2019. He was fired by the federation last year.",
    "Jonas Weber was sentenced on Monday. He will be sentenced next month for the assault.",
    "Rustam Aliyev was arrested on Monday at a rally. Aliyev was arrested last year during protests.",
    "Ilse Kranich was elected mayor in 2016. Kranich, who was elected to parliament last year, denies it.",
    # a surname two people of the article bear is either of them
    "Ilse Kranich was sentenced on Thursday. Her husband, Otto Kranich, sat behind her. Kranich will be "
    "sentenced next month.",
    # actions that come round again: an election on schedule, a release after a later jailing
    "Paul Weiss was elected in 2018. He will be elected next year if the coalition holds.",
    "Pavel Novak was released from prison in 2019. He will be released next month, his lawyer said.",
    # not a claim that it happened
    "Jonas Weber was not convicted in 2020. He was convicted last year.",
    "Jonas Weber was sentenced in 2020. If he is sentenced next month, he could go to prison.",
    "Police arrested Jonas Weber in 2019 and he could be arrested next month.",
    # too far apart: two paragraphs between them
    "Jonas Weber was arrested in 2019.\n\nAnna Huber arrived.\n\nThe hall was full.\n\nWeber was arrested last year.",
    # the datings agree
    "Jonas Weber was convicted in 2021. He was convicted last year.",
    "Jonas Weber was sentenced on Monday. He was sentenced this week.",
])
def test_person_link_stays_quiet(text: str) -> None:
    assert messages(text) == []


def test_the_same_action_without_the_repeat_word_fires() -> None:
    """The repeat-word negatives above are silent because of the word, not because nothing links."""
    assert len(messages("Jonas Weber was arrested in 2019. He was arrested last year.")) == 1
    assert len(messages("Jonas Weber was convicted in 2020. He was convicted last year.")) == 1
