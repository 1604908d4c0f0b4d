"""Quotation rules (NL2xx): quotation marks and brackets without their partner."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from newslint import hookimpl
from newslint.document import Document
from newslint.quotations import quote_analysis
from newslint.rule import Fix, Rule, Severity, Violation


class UnbalancedQuotes(Rule):
    """Flags a quotation mark without its partner.

    ## What it does
    Pairs the quotation marks of each paragraph (double and single, curly
    and straight, and guillemets) and points at the mark that has no
    partner, saying which mark it is. It follows the news convention for a
    quotation that runs over several paragraphs: the paragraph stays open
    and the next one reopens with a quotation mark. A paragraph that
    continues a quotation without reopening it, and a run-on quotation that
    never closes, are errors.

    Apostrophes (don’t, O’Brien, the ’90s, rock ’n’ roll, students’, ’tis)
    and primes in measures (5'10", 6′2″) are not quotation marks. A quote
    inside a quote alternates double and single marks. A curly mark that
    faces the wrong way (”Hello,” or “Hello“) is a warning.

    The finding is an error when the paragraph is plainly broken (a double
    mark or guillemet without its partner) and a warning otherwise (single
    marks, which an apostrophe may stand for; marks facing the wrong way;
    a nested run-on quotation reopened with only its outer mark).

    ## Why is this bad?
    A reader cannot tell where the speaker's words stop and the reporter's
    begin: a misplaced mark puts words in someone's mouth.

    ## Example
    ```markdown
    “We slept outside for two nights, said Mary Otieno, a carpenter. “The children were cold.”
    ```

    ## Use instead
    ```markdown
    “We slept outside for two nights,” said Mary Otieno, a carpenter. “The children were cold.”
    ```
    """

    id = "NL201"
    name = "unbalanced-quotes"
    category = "quotes"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Violation]:
        for problem in quote_analysis(doc).problems:
            fix = Fix(problem.start, problem.end, problem.replacement) if problem.replacement is not None else None
            yield self.violation(problem.start, problem.end, problem.message,
                                 suggestions=[problem.suggestion] if problem.suggestion else [],
                                 severity=Severity.ERROR if problem.plain else None, fix=fix)


_BRACKETS = {"(": ")", "[": "]"}
_CLOSERS = {v: k for k, v in _BRACKETS.items()}
_BRACKET_RE = re.compile(r"[()\[\]]")
#: :-) ;) :( 8-) and friends, and (: the other way round
_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]['^o-]?[()\[\]]+|[8xX]['^o-][()]+|[()\[\]]+['^o-]?[:;=](?!\w))(?!\w)")
#: 1) 2) a) iv): list enumerators written with a closing parenthesis only
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s;:,(]))(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\)")


@dataclass(frozen=True)
class BracketProblem:
    """A bracket without its partner: ``kind`` is unclosed, unopened, inner (left open inside an outer
    pair) or mismatched (closed by the other kind of bracket, ``other``)."""

    offset: int
    char: str
    kind: str
    other: str | None = None

    def message(self) -> str:
        if self.kind == "unopened":
            return f"closing {self.char} has no opening {_CLOSERS[self.char]} in this paragraph"
        partner = _BRACKETS[self.char]
        if self.kind == "inner":
            return f"opening {self.char} is never closed with {partner} before {self.other} closes the bracket around it"
        if self.kind == "mismatched":
            return f"opening {self.char} is closed by {self.other} instead of {partner}"
        return f"opening {self.char} is never closed with {partner} in this paragraph"


def unmatched_brackets(text: str, start: int, end: int) -> list[BracketProblem]:
    """Round and square brackets of ``text[start:end]`` (one paragraph) without a partner, in text order."""
    skip = set()
    for m in _EMOTICON.finditer(text, start, end):
        skip.update(range(m.start(), m.end()))
    enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(text, start, end)}
    stack: list[tuple[int, str]] = []
    open_count = {opener: 0 for opener in _BRACKETS}
    last = {opener: text.rfind(closer, start, end) for opener, closer in _BRACKETS.items()}
    out: list[BracketProblem] = []
    for m in _BRACKET_RE.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if i in skip:
            continue
        if ch in _BRACKETS:
            stack.append((i, ch))
            open_count[ch] += 1
            continue
        want = _CLOSERS[ch]
        if open_count[want]:
            while stack[-1][1] != want:
                offset, opener = stack.pop()
                open_count[opener] -= 1
                out.append(BracketProblem(offset, opener, "inner", ch))
            stack.pop()
            open_count[want] -= 1
        elif i in enumerators:
            continue
        elif stack and last[stack[-1][1]] < i:
            offset, opener = stack.pop()  # [including the pool): closed with the other kind of bracket
            open_count[opener] -= 1
            out.append(BracketProblem(offset, opener, "mismatched", ch))
        else:
            out.append(BracketProblem(i, ch, "unopened"))
    out.extend(BracketProblem(offset, opener, "unclosed") for offset, opener in stack)
    out.sort(key=lambda p: p.offset)
    return out


class UnbalancedBrackets(Rule):
    """Flags a parenthesis or square bracket without its partner.

    ## What it does
    Pairs the round and square brackets of each paragraph and points at the
    one with no partner. Emoticons (`:-)`) and list enumerators written
    with a closing parenthesis only (`1)`, `a)`) are left alone.

    ## Why is this bad?
    An aside that never closes swallows the rest of the sentence; an
    editor's insertion in a quote (`[Donald]`) that loses a bracket reads
    as the speaker's words.

    ## Example
    ```markdown
    The council (which meets monthly approved the budget on Tuesday.
    ```

    ## Use instead
    ```markdown
    The council (which meets monthly) approved the budget on Tuesday.
    ```
    """

    id = "NL202"
    name = "unbalanced-brackets"
    category = "quotes"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterable[Violation]:
        for block in doc.blocks:
            for problem in unmatched_brackets(doc.text, block.start, block.end):
                yield self.violation(problem.offset, problem.offset + 1, problem.message())


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [UnbalancedQuotes, UnbalancedBrackets]
