"""Word lists for attribution: speech verbs, pronouns, honorifics and gendered nouns."""
from __future__ import annotations

MALE = "male"
FEMALE = "female"

#: lemmas of verbs that attribute words to a speaker ("said", "told", "added", "cautioned")
SPEECH_VERBS = frozenset("""
say tell add explain note continue state write recall remember insist argue reply respond answer
declare announce warn caution claim acknowledge admit concede complain comment observe suggest agree
conclude emphasise emphasize stress recount predict maintain assert testify tweet post joke quip muse
read
exclaim whisper shout sigh laugh cry scream mutter boast reflect reiterate confirm deny vow promise pledge
urge plead describe estimate reason counter retort interject
""".split())

#: verbs that ask: the answer that follows comes from someone else
QUESTION_VERBS = frozenset("ask wonder question inquire enquire query".split())

SUBJECT_PRONOUNS = {"he": MALE, "she": FEMALE}
#: pronouns that name no gender (plural or singular "they"), or the speaker themself
NEUTRAL_PRONOUNS = frozenset("they i we you it one".split())

HONORIFICS = {
    "mr": MALE, "sir": MALE, "lord": MALE, "monsieur": MALE, "señor": MALE, "herr": MALE,
    "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "dame": FEMALE, "lady": FEMALE, "madam": FEMALE,
    "madame": FEMALE, "mme": FEMALE, "señora": FEMALE, "frau": FEMALE,
}

#: nouns naming a relation that fixes the gender of whoever they name ("his wife, Natalia Pinchuk")
RELATIONAL_NOUNS = {
    **dict.fromkeys("""wife daughter mother sister aunt niece grandmother granddaughter widow girlfriend
        fiancée stepmother stepdaughter stepsister mum mom mother-in-law daughter-in-law sister-in-law
        half-sister grandma granny bride goddaughter godmother""".split(), FEMALE),
    **dict.fromkeys("""husband son father brother uncle nephew grandfather grandson widower boyfriend
        stepfather stepson stepbrother dad father-in-law son-in-law brother-in-law half-brother grandpa
        groom godson godfather""".split(), MALE),
}

#: role nouns that carry a gender ("actress", "chairwoman", "congressman")
ROLE_NOUNS = {
    **dict.fromkeys("""actress chairwoman spokeswoman congresswoman councilwoman assemblywoman
        businesswoman policewoman sportswoman stateswoman horsewoman countrywoman waitress stewardess
        heiress hostess princess queen duchess countess baroness empress nun abbess priestess
        headmistress landlady matriarch woman girl lady ballerina comedienne forewoman anchorwoman
        camerawoman frontwoman servicewoman craftswoman tribeswoman kinswoman chairlady schoolgirl""".split(), FEMALE),
    **dict.fromkeys("""congressman councilman assemblyman businessman policeman sportsman spokesman
        statesman horseman countryman fireman anchorman frontman cameraman serviceman craftsman
        tribesman kinsman king prince duke baron emperor monk abbot headmaster patriarch man boy
        gentleman schoolboy chairman""".split(), MALE),
}

#: masculine titles some women also hold ("Chairman Ann Roe"): weaker evidence, which a pronoun can contradict
GENERIC_ROLE_NOUNS = frozenset("chairman".split())

GENDERED_NOUNS = {**ROLE_NOUNS, **RELATIONAL_NOUNS}

#: nouns that name a person without a gender: a subject headed by one is a possible speaker
PERSON_NOUNS = frozenset("""
lawyer attorney official spokesperson resident neighbour neighbor friend colleague witness teacher doctor
student worker farmer owner leader director minister president chief executive manager analyst expert
researcher scientist professor economist curator judge mayor governor senator lawmaker legislator
officer spokesperson representative member partner relative parent child sibling cousin survivor
victim driver passenger customer client patient nurse engineer activist protester organiser organizer
founder chairman chair coach player captain fan voter candidate author writer artist musician singer
historian journalist reporter editor critic priest pastor imam rabbi bishop
deputy aide assistant secretary guard soldier boss employee employer colleague prosecutor defendant suspect
detective inspector sergeant constable commander lieutenant colonel councillor councilor
official commissioner ambassador envoy diplomat negotiator mediator spokesman spokeswoman host guest
interviewer presenter anchor correspondent photographer producer director actor dancer athlete runner
referee umpire manager staffer volunteer pilot officer paramedic surgeon pharmacist landlord tenant
neighbour neighbor visitor tourist pupil headteacher principal dean chancellor rector vicar chaplain
person people man woman boy girl kid baby toddler teenager adult elder villager citizen
""".split()) | frozenset(GENDERED_NOUNS)

GENDER_WORD = {MALE: "he", FEMALE: "she"}
