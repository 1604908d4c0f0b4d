"""Hygiene rules (NL7xx): placeholders, web-page furniture, doubled words, mixed quote styles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from newslint import hookimpl
from newslint.document import Document
from newslint.quotations import is_measure_mark
from newslint.rule import Fix, Rule, Severity, Violation

_PLACEHOLDER_RE = re.compile(
    r"\bTK(?:TK)+\b|(?<![\w-])TK(?![\w-])(?!\s+(?-i:[A-Z]))"  # "TK million", not "TK Maxx"
    r"|\blorem ipsum\b"
    r"|\[\s*(?:link|url|photo|pic|image|graphic|video|tk|tbd|tbc|check(?: this| spelling)?|confirm(?:ed\?)?"
    r"|fact[- ]?check|cite|citation needed|source\??|add [^\]\n]{1,60}|insert [^\]\n]{1,60}|fill(?: in)?[^\]\n]{0,60}"
    r"|note:[^\]\n]{0,200}|ed(?:itor)?[’']?s? note[^\]\n]{0,200}|ed\.?:[^\]\n]{0,200}|todo[^\]\n]{0,200}"
    r"|fixme[^\]\n]{0,200}|\?+|x{2,}|more to come|to come|update (?:this|here|later)[^\]\n]{0,60}|quote here)\s*\]"
    r"|\b(?:INSERT|ADD) (?:QUOTE|LINK|NAME|PHOTO|DATE|HERE)\b[A-Z ]*",
    re.I,
)
_CASE_SENSITIVE = re.compile(r"TK|INSERT|ADD")
_XX_RE = re.compile(r"(?<![\w-])(?:X{3,}|X{2})(?![\w-])")
_ROMAN_HOST = re.compile(r"(?:\b[A-Z][a-z]+|\b(?:Bowl|Pope|King|Louis|Pius|Chapter|Part|Article|Title|Vol\.?)) $")

_FURNITURE_RE = re.compile(
    r"^(?:leave a (?:reply|comment)|share this(?: article| story| post)?:?|click here to subscribe\b.*"
    r"|subscribe to our newsletter\b.*|sign up for our\b.*newsletter\b.*|advertisement|sponsored content"
    r"|related(?: articles| stories| posts| content)?:?|read more:?|read more:.*|you may also like:?"
    r"|like this:?|loading\s?(?:\.\.\.|…)|posted in\s.*|tags?:\s.*|filed under:?\s.*"
    r"|follow us on\s.*|print this (?:page|article|story)|share on (?:facebook|twitter|x|linkedin|whatsapp)"
    r"|tweet this|email this(?: article| story)?|comments? \(\d+\)|\d+ comments?|cancel reply|post comment"
    r"|skip to (?:main )?content|back to top)[.!]?$",
    re.I,
)
_EDITED_BY_RE = re.compile(r"^(?i:edited|written|reported|compiled|sub-?edited) (?i:by)\s+(?:[A-Z][\w.'’-]*\s*){1,4}$")


class PlaceholderLeftIn(Rule):
    """Flags placeholders and editors' notes left in a draft.

    ## What it does
    Finds reporters' placeholders (`TK`, `TKTK`, `XX`), filler text
    (*lorem ipsum*) and notes in brackets meant for the desk (`[link]`,
    `[photo]`, `[check]`, `[ed: ...]`, `[TK]`).

    ## Why is this bad?
    A placeholder that reaches print is a correction and an embarrassment:
    it tells readers the story was published unfinished.

    ## Example
    ```markdown
    The council approved a budget of $XX million on Tuesday [link].
    ```

    ## Use instead
    ```markdown
    The council approved a budget of $42 million on Tuesday.
    ```
    """

    id = "NL701"
    name = "placeholder-left-in"
    category = "hygiene"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        for match in _PLACEHOLDER_RE.finditer(text):
            found = match.group()
            head = found.lstrip("[ ").split()[0] if found.strip("[ ]") else found
            if _CASE_SENSITIVE.fullmatch(head.upper()) and not head.isupper():
                continue  # "tk" or "Insert" in ordinary prose
            yield self.violation(match.start(), match.end(), f"placeholder left in: {found!r}")
        for match in _XX_RE.finditer(text):
            before = text[max(0, match.start() - 12):match.start()]
            after = text[match.end():match.end() + 14].lower()
            if len(match.group()) == 2 and (_ROMAN_HOST.search(before) or after.startswith((" chromosome", "l", "-"))):
                continue  # Super Bowl XX, an XX chromosome
            yield self.violation(match.start(), match.end(), f"placeholder left in: {match.group()!r}")


class WebPageFurniture(Rule):
    """Flags web-page furniture pasted into a draft.

    ## What it does
    Finds paragraphs that are page furniture rather than story: "Leave a
    Reply", "Share this:", "Click here to subscribe", "Read more",
    "Advertisement", a lone "Edited by ..." credit line.

    ## Why is this bad?
    Copy lifted from a web page, a CMS preview or another outlet drags its
    buttons and credits along; they make no sense in print and can credit
    the wrong editor.

    ## Example
    ```markdown
    The mayor will speak again on Friday.

    Leave a Reply
    ```

    ## Use instead
    ```markdown
    The mayor will speak again on Friday.
    ```
    """

    id = "NL702"
    name = "web-page-furniture"
    category = "hygiene"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterable[Violation]:
        for block in doc.blocks:
            if block.kind == "title":
                continue
            line = doc.block_text(block).strip()
            if len(line) > 90:
                continue
            if _FURNITURE_RE.match(line) or _EDITED_BY_RE.match(line):
                yield self.violation(block.start, block.end, f"web-page furniture left in the draft: {line!r}")


_DOUBLED_RE = re.compile(r"\b([A-Za-z]+(?:['’][a-z]+)?)([ \t]+)(\1)\b", re.I)
_LEGIT_DOUBLES = frozenset({"had", "that", "is", "do", "bye", "ha", "no", "yeah", "very", "so", "really", "knock",
                            "tut", "boo", "chop", "choo", "tsk", "pom", "bang", "hip", "rah"})


class DoubledWord(Rule):
    """Flags a word typed twice in a row.

    ## What it does
    Finds a word repeated with only a space between ("the the"), the
    commonest slip that a reader's eye skips. Repetitions that English
    allows ("had had", "that that", "is is") and names such as "Walla Walla"
    are left alone.

    ## Why is this bad?
    The repetition survives spell-checkers, and readers notice it in print.

    ## Example
    ```markdown
    The minister said the the plan would cost more.
    ```

    ## Use instead
    ```markdown
    The minister said the plan would cost more.
    ```
    """

    id = "NL703"
    name = "doubled-word"
    category = "hygiene"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Violation]:
        for match in _DOUBLED_RE.finditer(doc.text):
            word, second = match.group(1), match.group(3)
            if word.lower() in _LEGIT_DOUBLES or word[0].isdigit():
                continue
            if word[0].isupper() and second[0].isupper() and match.start() > 0:
                continue  # Walla Walla, Bora Bora, Baden Baden
            fix = Fix(match.end(1), match.end(3), "")
            yield self.violation(match.start(), match.end(), f"doubled word: {match.group()!r}",
                                 suggestions=[word], fix=fix)


@dataclass(frozen=True)
class QuoteStyleOptions:
    #: "majority" flags the rarer style; "curly" or "straight" flags the other one
    prefer: str = "majority"

    def __post_init__(self) -> None:
        if self.prefer not in ("majority", "curly", "straight"):
            raise ValueError("prefer must be majority, curly or straight")


_STRAIGHT_DOUBLE = '"'
_CURLY_DOUBLE = "“”"


class MixedQuoteStyles(Rule):
    """Flags a draft that mixes straight and curly double quotation marks.

    ## What it does
    Counts straight (`"`) and curly (`“ ”`) double quotation marks and points
    at the first mark of the rarer style. With the `prefer` option set, every
    mark of the other style is a finding, with a safe fix (`newslint check
    --fix`) wherever the context shows whether the mark opens or closes.

    ## Why is this bad?
    Mixed marks show that copy was pasted from several sources; they look
    sloppy in print and confuse tools that pair quotation marks.

    ## Example
    ```markdown
    “We will rebuild,” the mayor said. "It will take years," she added.
    ```

    ## Use instead
    ```markdown
    “We will rebuild,” the mayor said. “It will take years,” she added.
    ```

    ## Options
    - `prefer` (`"majority"`): `"curly"` or `"straight"` to make one style the house style.
    """

    id = "NL704"
    name = "mixed-quote-styles"
    category = "hygiene"
    severity = Severity.INFO
    Options = QuoteStyleOptions

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        straight = [i for i, ch in enumerate(text) if ch == _STRAIGHT_DOUBLE and not is_measure_mark(text, i)]
        curly = [i for i, ch in enumerate(text) if ch in _CURLY_DOUBLE]
        prefer = self.options.prefer
        if prefer == "majority":
            if not straight or not curly:
                return
            wrong, wrong_name, right_n = ((straight, "straight", len(curly)) if len(straight) <= len(curly)
                                          else (curly, "curly", len(straight)))
        else:
            wrong, wrong_name, right_n = (straight, "straight", len(curly)) if prefer == "curly" else (
                curly, "curly", len(straight))
            if not wrong:
                return
        other = "curly" if wrong_name == "straight" else "straight"
        if prefer != "majority":  # a house style: every wrong mark is a finding, fixed where context is clear
            for i in wrong:
                mark = _curly_double(text, i) if prefer == "curly" else _STRAIGHT_DOUBLE
                yield self.violation(i, i + 1, f"{wrong_name} double quote; the house style is {other} quotes",
                                     suggestions=[mark] if mark else [],
                                     fix=Fix(i, i + 1, mark) if mark else None)
            return
        first = wrong[0]
        yield self.violation(first, first + 1,
                             f"{wrong_name} double quotes ({len(wrong)}x) mixed with {other} ones ({right_n}x); "
                             f"use one style")


_OPENS_AFTER = frozenset("([{<—–-/‘“")


def _curly_double(text: str, i: int) -> str | None:
    """The curly mark for the straight quote at ``i``: opening after a space, closing before one; else None."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens_side = before.isspace() or before in _OPENS_AFTER
    if opens_side and not after.isspace():
        return "“"
    if not opens_side and (after.isspace() or not after.isalnum()):
        return "”"
    return None  # between two spaces, or inside a word: leave it to a person



@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [PlaceholderLeftIn, WebPageFurniture, DoubledWord, MixedQuoteStyles]
