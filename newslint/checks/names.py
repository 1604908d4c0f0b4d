"""Names rules (NL1xx): a name spelled two ways in one article, and near-misses of house spellings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from newslint import hookimpl
from newslint.document import Document
from newslint.engine import RuleSkipped
from newslint.names_house import HouseNames, front_matter_names, load_house_names
from newslint.names_variants import find_variants
from newslint.people import name_analysis
from newslint.rule import Fix, Rule, Severity, Violation


class InconsistentNameSpelling(Rule):
    """Flags a person's or organisation's name spelled two ways in one article.

    ## What it does
    Groups every mention of each name in the draft (full name, surname
    alone, with a title, possessive) and compares the spellings. Each
    occurrence of a minority spelling is flagged, with the spelling the
    article uses most often as the suggestion. When two spellings are used
    equally often, both are flagged as a warning: which one is right?

    Case slips (Mcdonald/McDonald), dropped diacritics (Aleś/Ales),
    dropped, doubled, swapped or changed letters, and transliteration
    variants (Lukashenko/Lukashenka, Sergey/Serhiy before one surname) and
    full names written with and without an Arabic article (Khamis
    Qadhafi/Khamis Al-Qadhafi) count. Relatives introduced in full
    (Uday and Qusay Hussein), masculine and feminine forms of a surname
    (Kolesnikov/Kolesnikova), two different people each introduced with
    their own given name, two similar names each introduced in full and
    used again, names the article says are no relation or sets against
    each other ("Price, not Pryce"), and place words (Belarus/Belarusian)
    do not.

    ## Why is this bad?
    A misspelt name is the correction readers notice most, and a spell
    checker cannot catch it: both spellings look like names.

    ## Example
    ```markdown
    Judge Miriam Okonkwo opened the hearing on Monday. Okonkwo said the
    court would sit late. Lawyers for the city asked Okonkow for more time,
    and Okonkwo refused.
    ```

    ## Use instead
    ```markdown
    Judge Miriam Okonkwo opened the hearing on Monday. Okonkwo said the
    court would sit late. Lawyers for the city asked Okonkwo for more time,
    and Okonkwo refused.
    ```
    """

    id = "NL101"
    name = "inconsistent-name-spelling"
    category = "names"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Violation]:
        for variant in find_variants(name_analysis(doc)):
            o = variant.occurrence
            yield self.violation(o.start, o.end, variant.message(), suggestions=[variant.dominant],
                                 severity=Severity.WARNING if variant.tie else None)


@dataclass(frozen=True)
class HouseNameOptions:
    """``names``: canonical spellings; ``names_file``: a file of them, one a line (``#`` comments)."""

    names: tuple[str, ...] = ()
    names_file: str | None = None


class HouseNameSpelling(Rule):
    """Flags near-misses of the newsroom's canonical name spellings.

    ## What it does
    Compares every name in the draft with the house list (the `names`
    config key, or a `names-file` with one name a line) and flags a name
    that is close to a listed one but spelled differently, even when the
    article spells it the same way throughout. A surname is checked when
    the given name written with it matches the listed one, or when it
    stands alone.

    ## Why is this bad?
    A newsroom settles on one transliteration (Zelensky, not Zelenskiy or
    Zelenskyy) so that stories, archives and search agree. A draft that
    consistently uses another spelling passes every other check.

    ## Example
    ```markdown
    ---
    names: ["Volodymyr Zelensky"]
    ---
    President Volodymyr Zelenskiy met the delegation in Kyiv on Tuesday.
    ```

    ## Use instead
    ```markdown
    ---
    names: ["Volodymyr Zelensky"]
    ---
    President Volodymyr Zelensky met the delegation in Kyiv on Tuesday.
    ```

    ## Options
    - `names` (list of strings): canonical spellings, e.g.
      `names = ["Ales Bialiatski", "Volodymyr Zelensky"]`.
    - `names-file` (path, relative to the config file): one canonical name a line.

    A draft may add its own canonical spellings in its front matter
    (`names: [...]`), as in the examples above.
    """

    id = "NL102"
    name = "house-name-spelling"
    category = "names"
    severity = Severity.ERROR
    Options = HouseNameOptions

    def house(self, doc: Document) -> HouseNames:
        """The configured list, the names file and the draft's own front-matter ``names``."""
        names = tuple(self.options.names)
        if self.options.names_file:
            try:
                names += load_house_names(self.options.names_file)
            except FileNotFoundError as exc:
                raise RuleSkipped(str(exc)) from None
        names += front_matter_names(doc.metadata)
        return HouseNames.build(names)

    def check(self, doc: Document) -> Iterable[Violation]:
        house = self.house(doc)
        if not house.names:
            return
        for miss in house.near_misses(name_analysis(doc)):
            yield self.violation(miss.start, miss.end, miss.message(), suggestions=[miss.canonical],
                                 fix=Fix(miss.start, miss.end, miss.canonical))


@hookimpl
def newslint_rules():
    return [InconsistentNameSpelling, HouseNameSpelling]
