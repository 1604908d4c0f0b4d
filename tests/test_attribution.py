"""Attribution: who speaks each quotation, the gender the article gives them, and the NL301/NL302 rules."""
from __future__ import annotations

import pytest

from conftest import lint
from newslint.api import check_text_result
from newslint.attribution import attributions, established_gender, speech_clauses
from newslint.attribution.clauses import NAME, NOUN, PRONOUN
from newslint.attribution.evidence import MEDIUM, STRONG, Evidence
from newslint.attribution.gender import mention_evidence
from newslint.config import config_from_mapping
from newslint.engine import Linter, Overrides
from newslint.people import Mention, Person


def parse(text: str):
    config = config_from_mapping({})
    linter = Linter(Overrides(), config=config)
    return linter.parse(text, "draft.md", config, linter.ruleset(config).registry)


def nl301(text: str) -> list[str]:
    return [f.message for f in lint(text, select="NL301")]


def nl302(text: str) -> list[str]:
    return [f.message for f in lint(text, select="NL302")]


# -- NL301: contradictions that must be reported ----------------------------------------------------------------
MISMATCHES = [
    pytest.param(
        "Ms Okafor said the clinic would stay open. “We will not turn anyone away,” he said.",
        "Okafor", "Ms Okafor", id="honorific-ms"),
    pytest.param(
        "Mr. Lindqvist said the ferry would run again in May. “The engines are fixed,” she said.",
        "Lindqvist", "Mr. Lindqvist", id="honorific-mr"),
    pytest.param(
        "The mayor was absent. “He had a family emergency,” his wife, Ingrid Moen, told the council.\n\n"
        "“He will be back on Monday,” he said.",
        "Ingrid Moen", "his wife", id="continuation-relational"),
    pytest.param(
        "Her husband, Tomas Brandt, said the couple had saved for a decade. "
        "“We gave up holidays for this house,” she said.",
        "Tomas Brandt", "Her husband", id="relational-her-husband"),
    pytest.param(
        "Paulo Ferreira said he would appeal the decision. “The panel ignored our evidence,” she said.",
        "Paulo Ferreira", "said he", id="pronoun-evidence"),
    pytest.param(
        "The actress Renata Vlk said the theatre had been cold for weeks. “We rehearsed in coats,” he said.",
        "Renata Vlk", "actress", id="role-noun-actress"),
    pytest.param(
        "Congresswoman Dana Whitlow said the bill would pass. “We have the votes,” he told reporters.",
        "Dana Whitlow", "Congresswoman", id="role-noun-congresswoman"),
    pytest.param(
        "His daughter, whom he raised alone, said he had kept every letter. "
        "“He never threw anything away,” he said.",
        "His daughter", "His daughter", id="unnamed-relational-speaker"),
    pytest.param(
        "Kerry Adebayo chaired the meeting. Adebayo said she had asked for the figures twice.\n\n"
        "“Nobody could tell me where the money went,” he added.",
        "Adebayo", "said she", id="continuation-pronoun-evidence"),
    # "according to" introduces the speaker; the clause it governs is her reported words
    pytest.param(
        "According to her husband, Piet Adams, the boat was never insured. “We lost it all,” she said.",
        "Piet Adams", "her husband", id="according-to-introduces"),
    pytest.param(
        "The school will shut in July, according to its headmistress, Olu Bakare. “The roof is unsafe,” he said.",
        "Olu Bakare", "headmistress", id="according-to-after-the-clause"),
    # a named person who is the subject of the sentence before, though no speech verb introduces them
    pytest.param(
        "The bride's mother, Ruth Ames, cried during the vows. “He is a lucky man,” he said.",
        "Ruth Ames", "mother", id="relational-noun-of-a-possessor"),
    pytest.param(
        "Mr. Adeyemi stood at the door of the flooded shop. “Everything is gone,” she said.",
        "Adeyemi", "Mr. Adeyemi", id="named-subject-without-speech-verb"),
    pytest.param(
        "Ms. Lowe left the meeting early. Lowe said she had another hearing. “I cannot stay,” he said.",
        "Lowe", "Ms. Lowe", id="named-subject-then-speech"),
    # a possessor in the speaker's own phrase is not another candidate in the same paragraph
    pytest.param(
        "“The rent went up twice,” said Jalloh.\n\n"
        "Jalloh's landlord, Mrs. Rosa Beck, said the building needed work. “The boiler is forty years old,” "
        "he said.", "Rosa Beck", "Mrs. Rosa Beck", id="possessor-in-speaker-phrase"),
    # other attribution shapes
    pytest.param(
        "Mrs. Haugen told reporters the road had been closed since May. “We drive an hour to the shops,” "
        "he told reporters.", "Haugen", "Mrs. Haugen", id="told-reporters"),
    pytest.param(
        "Lady Ormond said in a statement that the gardens would reopen. “The storm cost us two hundred trees,” "
        "he said.", "Ormond", "Lady Ormond", id="said-in-a-statement"),
    pytest.param(
        "“We need two more nurses,” added the ward sister's manager, Ms. Ewa Nowak. "
        "“The night shift is one short,” he said.", "Ewa Nowak", "Ms. Ewa Nowak", id="added-x-after-the-quotation"),
    pytest.param(
        "“The hall was packed,” said Rafael Soto, a spokesman for the club. "
        "“People stood at the back,” she said.",
        "Rafael Soto", "a spokesman", id="said-x-with-role-appositive"),
    pytest.param(
        "Dame Ivy Croft said her speech had three points. “The first is money.\n\n“The second is time.\n\n"
        "“The third is will,” he said.", "Ivy Croft", "Dame Ivy Croft", id="quotation-across-three-paragraphs"),
    pytest.param(
        "Mr. Faure said the harbour would be dredged. “The boats keep running aground,” he said.\n\n"
        "Mrs. Lemaire, who runs the ferry, shook her head. “They promised that in 2019,” he said.",
        "Lemaire", "Mrs. Lemaire", id="new-speaker-after-another-paragraph"),
    # role nouns in every position around the name
    pytest.param(
        "Mira Castell, chairwoman of the harbour trust, said the pier would reopen in spring. "
        "“We have the money now,” he said.", "Mira Castell", "chairwoman", id="bare-role-noun-after-the-name"),
    pytest.param(
        "Hana Ruiz, spokeswoman for the agency, said the line would reopen on Monday. “Trains will run again,” "
        "he said.", "Hana Ruiz", "spokeswoman", id="bare-role-noun-before-for"),
    pytest.param(
        "Hana Ruiz, the agency’s spokeswoman, said the line would reopen on Monday. “Trains will run again,” "
        "he said.", "Hana Ruiz", "the agency’s spokeswoman", id="possessed-role-noun-after-the-name"),
    pytest.param(
        "The firm’s chairman, Oskar Lind, said the plant would close in June. “We tried everything,” she said.",
        "Oskar Lind", "chairman", id="possessed-role-noun-before-the-name"),
    pytest.param(
        "Campaign spokesman Eli Ward said the rally would go ahead. “We have the permits,” she said.",
        "Eli Ward", "Campaign spokesman", id="role-noun-with-a-modifier-before-the-name"),
    pytest.param(
        "Hana Ruiz said the line would reopen on Monday.\n\nRuiz, a spokeswoman for the agency, apologised to "
        "passengers. “Trains will run again,” he said.", "Hana Ruiz", "a spokeswoman",
        id="role-noun-on-a-later-mention"),
    # "chairman" as the subject; "She" inside the quotation is the daughter he talks about
    pytest.param(
        "The chairman said he expected his niece to take over. “She has kept the books since she was twenty,” "
        "she said.", "The chairman", "The chairman", id="chairman-quoting-about-a-woman"),
    # the name after "for the governor" may be the governor's: the spokeswoman speaks either way
    pytest.param(
        "A spokeswoman for the governor, Lena Varga, said the office would reply on Monday. "
        "“We take the complaint seriously,” he said.", "A spokeswoman for the governor", "A spokeswoman",
        id="name-after-a-for-phrase"),
    # a pronoun clause without a quotation carries its speaker to the next paragraph
    pytest.param(
        "Rosa Imbert, chairwoman of the Harbour Trust’s safety board, toured the dock on Friday. "
        "She warned that the cranes were unsafe.\n\n“Nobody should work under them until they are inspected,” "
        "he said.", "Rosa Imbert", "chairwoman", id="pronoun-clause-carries-the-speaker"),
    # "as the verdict was read": a passive speech verb names no speaker
    pytest.param(
        "Her husband, Ivo Kral, stood as the verdict was read. Afterwards he said the family would appeal. "
        "“We will not stop,” she said.", "Ivo Kral", "Her husband", id="passive-speech-verb-is-no-turn"),
    # “Marco … he …”: the quotation's pronoun follows the person it names
    pytest.param(
        "His brother, Tomas Reyes, drove through the night to reach the hospital. "
        "“Marco was stubborn, and he never once complained,” she said.", "Tomas Reyes", "His brother",
        id="quotation-pronoun-after-a-name-in-it"),
    pytest.param(
        "His father, Anton Hale, flew in from Oslo and walked the route with two detectives. "
        "“We only want the driver to come forward,” she said.", "Anton Hale", "His father",
        id="plural-person-noun-is-no-candidate"),
    # a role noun in one paragraph, the quotation opening the next: an organisation owning the role is no rival
    pytest.param(
        "The Western Rowing Federation's chairwoman, Ida Holm, said the regatta would be held on Saturday.\n\n"
        "“The river is high, but the course is safe,” he said.", "Ida Holm", "chairwoman",
        id="organisation-owning-the-role-across-paragraphs"),
    pytest.param(
        "Bram Otten, the Lowland Cycling Union's spokesman, said the stage would be shortened.\n\n"
        "“Nobody wants riders on ice,” she said.", "Bram Otten", "spokesman",
        id="organisation-owning-the-role-after-the-name"),
    # a sentence about things alone between the speaker and the next paragraph leaves the speaker in reach
    pytest.param(
        "Ida Holm, the federation's chairwoman, said the regatta would be held on Saturday. "
        "The course had been measured again.\n\n“We have checked every buoy,” he said.", "Ida Holm",
        "chairwoman", id="sentence-about-things-between"),
    # "Pike is the federation's chairwoman": a copula gives the role to the name
    pytest.param(
        "Ida Holm is the federation's chairwoman.\n\nOn Monday, Ida Holm said the regatta would go ahead.\n\n"
        "“We have checked every buoy,” he said.", "Ida Holm", "chairwoman", id="role-noun-after-a-copula"),
    # a person named only as the owner of a thing the speaker's clause acts on is talked about, not talking
    pytest.param(
        "The board's chairwoman, Nomsa Khumalo, praised Justice Addo's record. "
        "“Nobody sat on the bench longer,” he said.", "Nomsa Khumalo", "chairwoman",
        id="possessor-of-the-object"),
    pytest.param(
        "Nomsa Khumalo, the board's chairwoman, praised the patience of Justice Addo. "
        "“Nobody sat on the bench longer,” he said.", "Nomsa Khumalo", "chairwoman",
        id="of-phrase-in-the-object"),
    pytest.param(
        "Ms. Khumalo paid tribute to Justice Addo's record. “Nobody sat on the bench longer,” he said.",
        "Khumalo", "Ms. Khumalo", id="possessor-in-a-prepositional-object"),
    pytest.param(
        "The club's chairman, Kwame Boateng, recalled Coach Mensah's first season. "
        "“We lost every game until Christmas,” she said.", "Kwame Boateng", "chairman",
        id="possessor-of-the-object-male-speaker"),
    pytest.param(
        "Union chairwoman Carla Mendes, who worked under Judge Ruth Okafor for a decade, said the judge was strict. "
        "“Nobody was ever late in her courtroom,” he said.", "Carla Mendes", "chairwoman",
        id="quotation-pronoun-for-another-person-named-in-the-paragraph"),
    pytest.param(
        "Tomas Ruiz, the club's sporting director and the captain's uncle, defended the tactics. "
        "“We had to control the race,” she said.", "Tomas Ruiz", "uncle",
        id="gendered-noun-in-a-coordinated-appositive"),
    pytest.param(
        "The port's spokeswoman, Carolina Fuentes, met the union on Monday.\n\n"
        "Fuentes said cargo volumes fell 9% last year. “Nobody was paid for containers that never came,” he said.",
        "Carolina Fuentes", "spokeswoman", id="surname-the-parser-reads-as-a-common-noun"),
    pytest.param(
        "Park Ji-hoon, the opposition candidate, conceded on Thursday. Park Ji-hoon said he would run again.\n\n"
        "Turnout was the highest since 2008, said Park Ji-hyun, a spokeswoman for the election office.\n\n"
        "Park Ji-hyun said early voting on Friday and Saturday drew large crowds of older voters. "
        "“Some queues were longer than at the general election,” he said.",
        "Park Ji-hyun", "spokeswoman", id="two-people-whose-given-names-differ-by-a-letter"),
    pytest.param(
        "In the hill village of Arachova, Maria Lekka, 81, a widow who has kept bees all her life, said she left "
        "with only her papers. “The smoke came over the ridge in minutes,” he said.",
        "Maria Lekka", "a widow", id="name-and-appositives-set-off-by-commas-before-said"),
    pytest.param(
        "Mr. Iyer said the group had begun to save money from the integration of Brandt Softworks, a Hamburg "
        "payments firm it bought in April. The deal closed in late May. “The teams already work as one,” she said.",
        "Iyer", "Mr. Iyer", id="firm-named-in-the-reported-words-and-a-month"),
    pytest.param(
        "Her brother, Kemal Arslan, lost his shop in the flood. He lives with their mother now.\n\n"
        "Arslan does not want a flat on the outskirts. “I want my street back,” she said.",
        "Kemal Arslan", "Her brother", id="surname-the-parser-reads-as-a-noun-opens-a-sentence-about-him"),
    pytest.param(
        "“We made a fair offer,” said Dan Pruitt, a company spokesman.\n\n"
        "Pruitt said the company had no plans to hire replacement workers. “Our focus is safety,” she said.",
        "Dan Pruitt", "a company spokesman", id="company-spokesman-is-a-person"),
    pytest.param(
        "A spokesman for the Ministry of Fisheries and Ocean Affairs, Omar Kettani, said the quotas would stay. "
        "“We will not move,” she said.",
        "Omar Kettani", "A spokesman", id="spokesman-for-an-organisation-names-the-spokesman"),
    pytest.param(
        "“We want every table counted,” Ernesto Villa told a news conference at his campaign office, where his "
        "wife, Carmen Rojas, sat behind him.\n\nVilla said the dispute was about procedure. "
        "“Nobody is against the province,” she said.",
        "Ernesto Villa", "his", id="possessive-in-the-speech-clause-beside-a-woman-of-his"),
    pytest.param(
        "Shirin Akter, who shares a rented room with her husband, said the raise would pay for uniforms. "
        "“It is something,” he said.", "Shirin Akter", "her", id="possessive-in-a-who-clause-on-the-name"),
    pytest.param(
        "Police spokeswoman Corinne Zuber said the road would stay closed for a month. Helicopters were flying "
        "fodder to stranded cattle, he said, and farmers could return on Saturday.",
        "Corinne Zuber", "spokeswoman", id="parenthetical-attribution-inside-reported-words"),
]


@pytest.mark.parametrize("text, speaker, evidence", MISMATCHES)
def test_mismatch_is_reported_with_speaker_and_evidence(text, speaker, evidence):
    messages = nl301(text)
    assert len(messages) == 1, messages
    assert speaker in messages[0]
    assert evidence in messages[0]


def test_finding_points_at_the_pronoun_and_suggests_the_right_one():
    text = "Ms Okafor said the clinic would stay open. “We will not turn anyone away,” he said."
    [finding] = lint(text, select="NL301")
    assert finding.severity.name == "ERROR"
    assert finding.end_column - finding.column == 2  # "he"
    assert finding.suggestions == ("she said",)
    assert finding.message.startswith('"he said" — the speaker is ')


# -- NL301: what must stay quiet --------------------------------------------------------------------------------
CLEAN = [
    # "the mother of the bride, Ruth Ames": the name may be the bride's, so "mother" is no evidence
    "The mother of the bride, Ruth Ames, cried during the vows. “He is a lucky man,” he said.",
    "The father of the victim, Emma Hale, wept in court. “She was everything to us,” she said.",
    pytest.param(
        "Ms Okafor said the clinic would stay open. “He knew the risks when he took the job,” she said.",
        id="pronoun-inside-quotation"),
    pytest.param(
        "Sam Rivera, who uses they/them pronouns, said the group had grown. “We started with four people,” "
        "they said.", id="they-for-a-person"),
    pytest.param(
        "Mr Haldane said the road had flooded twice. “We were cut off for days,” he said.\n\n"
        "Ms Quist said the council had been warned. “I wrote to them in March,” she said.",
        id="alternating-speakers"),
    pytest.param(
        "Ms Okafor said the ward was full. Her colleague Dr Ravi Menon examined the boy. "
        "“There was no bed for him,” he said.",
        id="nearer-person-of-the-right-gender"),
    pytest.param(
        "Maria Lopez said the market would reopen. “The stalls are ready,” he said.",
        id="first-name-is-no-evidence"),
    pytest.param(
        "His wife, Natasha Orlova, said he had known the risks. “He knew exactly what could happen,” she said.",
        id="quote-about-someone-else"),
    pytest.param(
        "Police said the driver had fled. “We are looking for a grey van,” he said.",
        id="speaker-without-gender"),
    pytest.param(
        "Ms Quist asked Mr Haldane whether the road would reopen. “Not before June,” he said.",
        id="answer-to-a-question"),
    pytest.param(
        "Ms Quist said the plan was flawed. The report's author defended it. “It is sound,” he said.",
        id="another-subject-on-the-way"),
    pytest.param(
        "Ms Quist and Mr Haldane said the road was unsafe. “We want answers,” he said.",
        id="two-speakers-in-one-subject"),
    pytest.param(
        "Mr Haldane opened the meeting.\n\nMs Quist said Mr Haldane would speak first. "
        "“I am grateful to be here,” he said.",
        id="named-in-reported-speech-with-the-pronoun-gender"),
    pytest.param(
        "“It was the longest night of my life,” said Mrs Aydin.\n\n"
        "Her son, Emre, ran the bakery until the flood. “We lost everything in the cellar,” he said.",
        id="new-speaker-introduced"),
    # no evidence: a first name and a title without a gender are never evidence
    pytest.param("Gov. Kim Alder opened the bridge. “It took ten years,” he said.", id="title-without-gender"),
    pytest.param("Mr. Ruiz and Mrs. Tan met the tenants. “We will fix the lifts,” she said.",
                 id="both-named-together"),
    pytest.param("Dana Pohl chairs the board. Her deputy, Ian Rusk, objected. "
                 "“The numbers are wrong,” he said.",
                 id="second-person-named-last"),
    pytest.param("Robin Ames, who uses they/them pronouns, ran the campaign. "
                 "“We knocked on every door,” they said.",
                 id="they-for-a-named-person"),
    pytest.param("Vera Holt said her son had been warned. “He knew it was dangerous,” she said.",
                 id="quotation-about-her-son"),
    # a person merely mentioned is a weak candidate: anyone else in the paragraph keeps it quiet
    pytest.param("Mr. Cole said the plan would work. Mrs. Dyer nodded. “It has to,” he said.",
                 id="earlier-speaker-of-the-right-gender"),
    pytest.param("Mrs. Dyer passed the microphone to her deputy. “Thank you for coming,” he said.",
                 id="unnamed-person-noun-in-the-paragraph"),
    pytest.param("Mrs. Dyer waited while he read the list. “Nobody is missing,” he said.",
                 id="pronoun-of-the-attribution-gender-in-the-paragraph"),
    pytest.param("The jury found Mrs. Dyer guilty. “Justice was done,” he said.", id="named-as-an-object"),
    pytest.param("Mrs. Dyer was thanked by the mayor, Paul Reed. “She saved the library,” he said.",
                 id="named-as-a-passive-subject"),
    pytest.param("Mrs. Dyer stood by the gate.\n\n“Nobody gets in today,” he said.",
                 id="mentioned-in-the-paragraph-before"),
    pytest.param("Mrs. Dyer won the prize in 2019. “She earned every vote,” he said.",
                 id="quotation-about-the-candidate"),
    pytest.param("According to the minutes, Mrs. Dyer approved the payments. “I never saw them,” he said.",
                 id="according-to-a-document"),
    pytest.param("Ifor Pugh and his wife, Nia Pugh, ran the mill.\n\nPugh bought it in 1971. "
                 "“Wool was worth something then,” he said.", id="surname-two-people-share"),
    # turns and run-on quotations that are right
    pytest.param("Mr. Faure said the harbour would be dredged. “The boats keep running aground,” he said.\n\n"
                 "Mrs. Lemaire, who runs the ferry, shook her head. “They promised that in 2019,” she said.\n\n"
                 "“This time the money is there,” he said.\n\n“We will see,” she said.", id="interview-turns"),
    pytest.param("Dame Ivy Croft said her speech had three points. “The first is money.\n\n"
                 "Mr. Vos agreed. “The second is time.\n\n“The third is will,” he said.",
                 id="someone-else-inside-a-run-on-quotation"),
    pytest.param("“He trained every day,” said Leo's mother, Mrs. Ann Cole.\n\n"
                 "“He never missed a session,” he said.",
                 id="possessor-across-paragraphs"),
    # hard negatives for role nouns, named quotations and pronoun clauses
    pytest.param("Mayor Carl Dunne promised a review. A spokeswoman for the governor, Carl Dunne, said the "
                 "office would reply. “We take the complaint seriously,” he said.",
                 id="for-phrase-names-a-man-of-the-pronoun-gender"),
    pytest.param("Ruth Amsel, a lawyer for John Bauer, said he was innocent. “The evidence is thin,” he said. "
                 "Ms Amsel spoke outside court.", id="for-phrase-person-spoken-of-with-the-pronoun"),
    pytest.param("His brother, Tomas Reyes, drove through the night. “Tomas has not slept since Friday,” she said.",
                 id="quotation-names-the-candidate"),
    pytest.param("His brother, Tomas Reyes, drove through the night. “He has not slept since Friday,” she said.",
                 id="quotation-pronoun-without-a-name-before-it"),
    pytest.param("His brother, Tomas Reyes, drove through the night. “Ana sat with him all week,” she said.",
                 id="object-pronoun-after-a-name-is-not-that-name"),
    pytest.param("Chairman Ruth Adler said she would stay on for a year. “The board asked me to,” she said.",
                 id="chairman-for-a-woman"),
    pytest.param("Ingrid Sol, chairman of the bank, said she would cut rates. “We have no choice,” he said.",
                 id="chairman-contradicted-by-a-pronoun"),
    pytest.param("Rosa Imbert, chairwoman of the port board, toured the dock on Friday. He warned that the "
                 "cranes were unsafe.\n\n“Nobody should work under them,” he said.",
                 id="pronoun-clause-of-the-other-gender-carries-nobody"),
    pytest.param("Ana Roe said her son, Luka Roe, had found the dog. “He walked it home,” he said.",
                 id="quotation-about-the-son-named-in-the-reported-words"),
    pytest.param("Her niece, Dora Pell, read the eulogy. “She taught me to swim,” he said.",
                 id="quotation-pronoun-of-the-candidate-gender"),
    # a person mentioned in the speaker's clause who may be the one meant keeps the rule quiet
    pytest.param("The board's chairwoman, Nomsa Khumalo, praised Mr. Addo's record. "
                 "“Nobody sat on the bench longer,” he said.", id="possessor-with-the-pronoun-gender"),
    pytest.param("The board's chairwoman, Nomsa Khumalo, praised Justice Addo's record and his patience. "
                 "“Nobody sat on the bench longer,” he said.", id="possessor-given-the-gender-by-a-pronoun"),
    pytest.param("Justice Addo said the court had changed. The board's chairwoman, Nomsa Khumalo, praised "
                 "Justice Addo's record. “Nobody sat on the bench longer,” he said.",
                 id="possessor-who-speaks-in-the-article"),
    pytest.param("The board's chairwoman, Nomsa Khumalo, thanked Justice Addo. “I am grateful,” he said.",
                 id="person-who-is-the-object-may-answer"),
    pytest.param("The board's chairwoman, Nomsa Khumalo, praised Justice Addo's son. “He works hard,” he said.",
                 id="possessor-of-a-person"),
    pytest.param("The board's chairwoman, Nomsa Khumalo, praised Justice Addo's family. “They waited years,” he said.",
                 id="possessor-of-a-group-of-people"),
    pytest.param("The board's chairwoman, Nomsa Khumalo, praised the Coastal Ferry Company's crew.\n\n"
                 "Justice Addo's record was read aloud. “Nobody sat on the bench longer,” he said.",
                 id="possessor-outside-the-speaker-sentence"),
    pytest.param("The board's chairwoman, Nomsa Khumalo, said Justice Addo's record was unmatched. "
                 "“Nobody sat on the bench longer,” he said.", id="possessor-in-the-reported-words"),
    pytest.param("The board's chairwoman, Nomsa Khumalo, praised the record. Justice Addo smiled. "
                 "“Nobody sat on the bench longer,” he said.", id="possessor-then-a-subject"),
    pytest.param("Nomsa Khumalo, the board's chairwoman, introduced the new registrar, Sipho Dlamini. "
                 "“I start on Monday,” he said.", id="quotation-by-the-person-introduced"),
    # across paragraphs: turns, a person owning the role, people in a sentence on the way
    pytest.param("“We are ready,” said Coach Ruud Hale.\n\nIda Holm, the federation's chairwoman, said the "
                 "regatta would go ahead.\n\n“We have checked every buoy,” he said.", id="two-speakers-alternating"),
    pytest.param("Holm's spokeswoman, Ann Cole, said the regatta would go ahead.\n\n"
                 "“We have checked every buoy,” he said.", id="one-word-owner-may-be-a-person"),
    pytest.param("The Western Rowing Federation said the regatta was on. The Western Rowing Federation's chairwoman, "
                 "Ida Holm, said the course was safe.\n\n“We have checked every buoy,” he said.",
                 id="owner-that-speaks-in-the-article"),
    pytest.param("Ida Holm, the federation's chairwoman, said the regatta would go ahead. "
                 "The course was checked by a steward.\n\n“We have checked every buoy,” he said.",
                 id="person-noun-in-a-sentence-on-the-way"),
    pytest.param("Ida Holm, the federation's chairwoman, said the regatta would go ahead. "
                 "The decision angered him.\n\n“We have checked every buoy,” he said.",
                 id="pronoun-in-a-sentence-on-the-way"),
    pytest.param("Ida Holm is not the federation's chairwoman.\n\nOn Monday, Ida Holm said the regatta would go "
                 "ahead.\n\n“We have checked every buoy,” he said.", id="negated-copula-is-no-evidence"),
    pytest.param("Union chairwoman Carla Mendes said the judge was strict. “Nobody was ever late in her courtroom,” he "
                 "said.", id="quotation-pronoun-with-no-one-else-named-may-mean-the-candidate"),
    pytest.param("Shirin Akter, who shares a rented room with Karim Uddin and his son, said the raise would pay for "
                 "uniforms. “It is something,” he said.", id="who-clause-naming-someone-before-the-pronoun"),
    pytest.param("Police spokeswoman Corinne Zuber said the road would stay closed for a month. He cautioned that "
                 "farmers could not return before Saturday.", id="a-new-he-after-a-woman-without-quotation"),
    pytest.param("“I said his name three times,” Fiona Reid told the inquiry.\n\n"
                 "Reid agreed she could not be sure the driver heard. “I can only tell you what I sent,” she said.",
                 id="a-possessive-inside-the-quotation-is-not-the-speakers"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_no_mismatch(text):
    assert nl301(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("Bauer's lawyer, Ruth Amsel, said he would appeal. “My client is innocent,” she said.",
                 id="pronoun-for-the-client-named-in-the-subject"),
    pytest.param("“She trained every morning,” said Eva's father, Tomas Novak.\n\n"
                 "“She never missed a day,” she said.", id="person-named-in-the-speaker-phrase"),
    pytest.param("The judge, Sarah Klein, said the defendant had shown no remorse. "
                 "“He laughed when the verdict was read,” she said.", id="judge-about-defendant"),
    pytest.param("Ms Klein said Mark Evans would speak next. “I am grateful,” he said.",
                 id="someone-named-in-the-reported-words"),
])
def test_no_mismatch_when_someone_else_is_at_hand(text):
    assert nl301(text) == []


def test_they_is_never_reported():
    assert nl301("Mr Haldane said the road had flooded twice. “We were cut off for days,” they said.") == []


def test_a_surname_two_people_share_is_no_evidence():
    text = ("Mrs Berg opened the shop in 1990. Her husband, Anders Berg, joined later.\n\n"
            "Berg said the rent had doubled. “We cannot stay,” he said.")
    assert nl301(text) == []


# -- the analysis ------------------------------------------------------------------------------------------------
def test_according_to_reports_the_clause_it_governs():
    doc = parse("According to his sister, Mia Roth, the shop never made money.")
    [clause] = speech_clauses(doc)
    assert clause.subject.kind == NAME
    assert doc.text[clause.content_start:clause.content_end] == "the shop never made money"


def test_speaker_after_the_quotation_is_the_subject_even_when_parsed_as_an_object():
    doc = parse("“We need more teachers,” added the headmistress, Joan Ferris.")
    [clause] = speech_clauses(doc)
    assert clause.subject is not None and clause.subject.kind == NAME
    assert doc.text[clause.subject.name_start:clause.subject.name_end] == "Joan Ferris"


def test_of_phrase_naming_someone_else_gives_no_evidence_to_the_name():
    text = "A mother of three, Eva Lund, met the father of the victim, Ola Berg, and the son of a woman, Ida Moe."
    def person(name):
        start = text.index(name)
        return Person(name, name, (Mention(start, start + len(name), name),), "person")
    assert [e.gender for e in mention_evidence(text, person("Eva Lund"))] == ["female"]
    assert mention_evidence(text, person("Ola Berg")) == ()
    assert mention_evidence(text, person("Ida Moe")) == ()


def test_speech_clauses_read_subjects_of_each_kind():
    doc = parse("“We won,” said Anna Kowalczyk. “It was close,” she added. "
                "The plan failed, according to her lawyer. A spokesman said the office was shut.")
    clauses = speech_clauses(doc)
    kinds = [(c.verb, c.subject.kind if c.subject else None) for c in clauses]
    assert ("say", NAME) in kinds
    assert ("add", PRONOUN) in kinds
    assert ("according to", NOUN) in kinds
    said = next(c for c in clauses if c.subject and c.subject.kind == NAME)
    assert doc.text[said.subject.name_start:said.subject.name_end] == "Anna Kowalczyk"


def test_quotation_gets_its_attribution_and_speaker():
    doc = parse("Ms Okafor said the clinic would stay open. “We will not turn anyone away,” she said.")
    resolved = [a for a in attributions(doc) if a.quotations]
    assert len(resolved) == 1
    assert resolved[0].speaker is not None and resolved[0].speaker.gender == "female"
    assert resolved[0].via == "paragraph"


def test_mention_evidence_reads_a_bare_role_noun_only_as_an_appositive():
    text = "Ann Roe, chairwoman of the trust, met Joe Tate, wife Mary and son Tom, and Eli Dunn, chairman of the club."
    def person(name):
        start = text.index(name)
        return Person(name, name, (Mention(start, start + len(name), name),), "person")
    assert [(e.gender, e.strength) for e in mention_evidence(text, person("Ann Roe"))] == [("female", STRONG)]
    assert mention_evidence(text, person("Joe Tate")) == ()  # a list of relatives, not an appositive
    # "chairman" is a title some women hold: it counts no more than a pronoun
    assert [(e.gender, e.strength) for e in mention_evidence(text, person("Eli Dunn"))] == [("male", MEDIUM)]


def test_mention_evidence_reads_relations_roles_and_honorifics():
    text = "Ali Haddad and his sister, Leila Haddad, met Lord Pym and Ines Roca, an actress, on Monday."
    def person(name):
        start = text.index(name)
        return Person(name, name, (Mention(start, start + len(name), name),), "person")
    assert [e.gender for e in mention_evidence(text, person("Leila Haddad"))] == ["female"]
    assert [e.gender for e in mention_evidence(text, person("Pym"))] == ["male"]
    assert [e.gender for e in mention_evidence(text, person("Ines Roca"))] == ["female"]
    assert mention_evidence(text, person("Ali Haddad")) == ()


@pytest.mark.parametrize("text, gender", [
    ("They met Dan Pruitt, a company spokesman, on Monday.", "male"),
    ("They met Ana Ruiz, the union's new chairwoman, on Monday.", "female"),
    ("They met Dan Pruitt, a lawyer for the widow, on Monday.", None),      # the widow is someone else
    ("They met Dan Pruitt, a friend of the actress, on Monday.", None),
])
def test_mention_evidence_reads_a_noun_with_words_before_it(text, gender):
    name = text.split(", ")[0].removeprefix("They met ")
    start = text.index(name)
    found = mention_evidence(text, Person(name, name, (Mention(start, start + len(name), name),), "person"))
    assert [e.gender for e in found] == ([gender] if gender else [])


def test_strong_evidence_beats_pronouns_and_disagreement_leaves_gender_unknown():
    strong = Evidence("female", STRONG, 0, 1, "introduced as \"his wife\"")
    pronoun = Evidence("male", MEDIUM, 5, 6, "referred to as \"he\"")
    assert established_gender([pronoun, strong]) == ("female", strong)
    assert established_gender([pronoun]) == ("male", pronoun)
    assert established_gender([strong, Evidence("male", STRONG, 9, 10, "called \"Mr X\"")]) == (None, None)
    assert established_gender([]) == (None, None)


# -- NL302 -------------------------------------------------------------------------------------------------------
def test_unattributed_full_sentence_is_reported_as_info():
    text = ("The council met on Tuesday to discuss the budget.\n\n"
            "“We cannot afford another year of cuts to the library service.”")
    findings = lint(text, select="NL302")
    assert [f.severity.name for f in findings] == ["INFO"]
    assert "no speaker" in findings[0].message


ATTRIBUTED = [
    pytest.param("“We cannot afford another year of cuts to the library,” the leader said.", id="own-attribution"),
    pytest.param("Ann Hale, the council leader, spoke after the vote.\n\nShe said the cuts were over.\n\n"
                 "“We cannot afford another year of cuts to the library.”", id="previous-paragraph"),
    pytest.param("The mayor wrote a memoir, “The Long Road Home to Millbrook.”", id="title"),
    pytest.param("Critics called the plan “a solution in search of a problem.”", id="fragment"),
    pytest.param("The statement reads: “The company regrets the delay and apologises to its customers.”",
                 id="introduced-by-colon"),
    pytest.param("“The first part of the quotation runs on into the next paragraph,” Ann Hale said. "
                 "“And it goes on here\n\n“and it ends in the second paragraph after many more words.”",
                 id="continuation"),
]


@pytest.mark.parametrize("text", ATTRIBUTED)
def test_attributed_or_not_a_sentence_is_not_reported(text):
    assert nl302(text) == []


def test_rules_stay_quiet_on_text_without_quotations():
    result = check_text_result("The river rose overnight. Residents moved their cars to higher ground.",
                               config=config_from_mapping({"select": ["NL301", "NL302"]}), path="x.md")
    assert list(result.findings) == []
