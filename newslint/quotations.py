"""Quotation spans of a document: quotation marks paired per paragraph, with the news run-on convention.

Pure text analysis, shared by every rule that needs to know what is quoted
(``quotations(doc)``, ``inside_quotation(doc, offset)``) and by the
unbalanced-quotes rule, which reads the problems found on the way
(``quote_analysis(doc).problems``).

How marks are read:

- Double marks (“ ” " „ ‟), single marks (‘ ’ ' ‚ ‛) and guillemets
  (« » ‹ ›) form three families; curly and straight marks of one family
  pair with each other.
- The side a mark stands on (after a space and before a word, or after a
  word and before a space or punctuation) says whether it opens or closes.
  A curly mark whose shape disagrees with its side faces the wrong way.
- Apostrophes are not quotation marks: a mark between letters (don’t,
  O’Brien), before a decade or an elision (the ’90s, ’tis, rock ’n’ roll),
  after an -s or a dropped g (students’, nothin’) unless it closes an open
  single quotation. Primes in measures (5'10", 6′2″, a 12" pizza) are not
  quotation marks either.
- In English a quotation inside a quotation alternates double and single
  marks; guillemets may nest in themselves.
- A quotation that runs on into the next paragraph leaves its paragraph
  open and the next paragraph reopens it with the same mark (for a nested
  quotation, with every open mark, outermost first).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Block, Document

DOUBLE = "double"
SINGLE = "single"
GUILLEMET = "guillemet"
SINGLE_GUILLEMET = "single guillemet"

OPEN = "open"
CLOSE = "close"
EITHER = "either"        # straight or ambiguous: opens unless it can close the innermost open quotation
MAYBE_CLOSE = "maybe"    # an apostrophe unless it closes an open single quotation (students’, nothin’)
APOSTROPHE = "apostrophe"  # an apostrophe written with an opening mark (the ‘90s): reported, never paired

#: character -> (family, the side its shape faces: OPEN, CLOSE or None for straight marks)
MARKS: dict[str, tuple[str, str | None]] = {
    "“": (DOUBLE, OPEN), "”": (DOUBLE, CLOSE), '"': (DOUBLE, None), "„": (DOUBLE, OPEN), "‟": (DOUBLE, None),
    "‘": (SINGLE, OPEN), "’": (SINGLE, CLOSE), "'": (SINGLE, None), "‚": (SINGLE, OPEN), "‛": (SINGLE, None),
    "«": (GUILLEMET, None), "»": (GUILLEMET, None), "‹": (SINGLE_GUILLEMET, None), "›": (SINGLE_GUILLEMET, None),
}
_MARK_RE = re.compile("[" + re.escape("".join(MARKS)) + "]")
#: the mark that opens each family when a quotation is reopened, for messages
OPENER_OF = {DOUBLE: "“", SINGLE: "‘", GUILLEMET: "«", SINGLE_GUILLEMET: "‹"}

_OPEN_LEFT = set("([{<—–-/") | set(MARKS)
_CLOSE_RIGHT = set(".,;:!?)]}>—–-/…") | set(MARKS)
#: words that begin with an apostrophe standing for dropped letters: ’tis, ’em, ’cause, rock ’n’ roll
_ELISIONS = re.compile(
    r"(?i:tis|twas|twere|twill|til|em|cause|cos|cuz|bout|nuff|cept|neath|tween|twixt)\b"
    r"|(?:n|s|ve|re|ll|d|m|t|im|er|ello|alf|appen|scuse|burbs|copter|fraid|gainst|mongst)\b",
)
_N_ELISION = re.compile(r"(?<!\w)['’‘]n['’‘](?!\w)")
_SINGLE_RE = re.compile("['’‛]")
_DECADE = re.compile(r"\d\ds\b")            # the ’90s
_SHORT_YEAR = re.compile(r"\d\d\b(?![.,:]\d)")  # the class of ’98 (but ‘20 years on’ is a quotation)
#: words that end with an apostrophe for dropped letters: nothin’, ol’, o’ (as in o’ the)
_POSSESSIVE_OR_ELIDED = re.compile(r"(?:[sSzZxX]\.?|\b(?i:\w*in|ol|o|an|th|ya|lil))$")
_FEET_INCHES = re.compile(r"\d\s?['′’]\s?\d{1,2}(?:\.\d+)?$")
_INCH_UNIT = re.compile(
    r"\s?(?:x\s?\d|tall|wide|long|high|deep|thick|across|screens?|displays?|monitors?|TVs?|televisions?|pizzas?"
    r"|rims?|wheels?|tyres?|tires?|laptops?|tablets?|records?|singles?|vinyl|guns?|barrels?|pipes?|of\s)\b")
_FOOT_UNIT = re.compile(r"\s?(?:\d|tall|wide|long|high|deep|thick|across|above|below|under|over|of\s|-\w)")


@dataclass(frozen=True)
class Quotation:
    """One outermost direct quotation in one paragraph (a run-on quotation has one per paragraph)."""

    start: int            # offset in doc.text of the opening mark (start of block if a continuation has none)
    end: int              # offset just after the closing mark, or the block end when it runs on / never closes
    inner_start: int      # the quoted words: from here...
    inner_end: int        # ...to here
    block: int            # index into doc.blocks
    open_mark: str | None
    close_mark: str | None
    continues_previous: bool  # this paragraph continues the previous paragraph's quotation
    runs_on: bool             # not closed in this paragraph; continues in the next


@dataclass(frozen=True)
class Mark:
    """A quotation mark read in context."""

    offset: int
    char: str
    family: str
    role: str             # OPEN, CLOSE, EITHER or MAYBE_CLOSE
    wrong_facing: bool = False


@dataclass(frozen=True)
class QuoteProblem:
    """Something wrong with the quotation marks, for the unbalanced-quotes rule.

    ``kind`` is one of: ``unclosed`` (an opening mark never closed),
    ``unopened`` (a closing mark with no opening mark), ``reopened`` (a
    quotation opened again before the previous one closed), ``not-reopened``
    (a paragraph continues a quotation without reopening it),
    ``missing-continuer`` (a nested quotation running on is not reopened),
    ``never-closes`` (a quotation running over paragraphs never closes),
    ``mismatched`` (closed with a mark of another family), ``nested-same``
    (a quotation inside a quotation uses the same marks), ``wrong-facing``.
    ``plain`` is true when the paragraph is plainly broken (an error).
    """

    kind: str
    start: int
    end: int
    message: str
    plain: bool
    suggestion: str | None = None
    replacement: str | None = None  # a safe fix of [start, end), when there is one


@dataclass(frozen=True)
class QuoteAnalysis:
    quotations: tuple[Quotation, ...]
    problems: tuple[QuoteProblem, ...]
    starts: tuple[int, ...] = field(default=(), repr=False)


def quote_analysis(doc: "Document") -> QuoteAnalysis:
    """Pair the quotation marks of ``doc`` once and share the result."""
    return doc.shared("quotations", _analyse)


def quotations(doc: "Document") -> tuple[Quotation, ...]:
    """The outermost direct quotations of ``doc``, in text order."""
    return quote_analysis(doc).quotations


def inside_quotation(doc: "Document", offset: int) -> bool:
    """Whether ``offset`` of ``doc.text`` lies inside a quotation (its marks included)."""
    analysis = quote_analysis(doc)
    i = bisect.bisect_right(analysis.starts, offset) - 1
    return i >= 0 and analysis.quotations[i].start <= offset < analysis.quotations[i].end


def quotation_at(doc: "Document", offset: int) -> Quotation | None:
    """The outermost quotation holding ``offset``, if any."""
    analysis = quote_analysis(doc)
    i = bisect.bisect_right(analysis.starts, offset) - 1
    if i >= 0 and analysis.quotations[i].start <= offset < analysis.quotations[i].end:
        return analysis.quotations[i]
    return None


def is_measure_mark(text: str, i: int) -> bool:
    """A prime after a number (5'10", 6' tall, a 12" pizza): a measure, not a quotation mark."""
    ch = text[i]
    if ch in "′″‴":
        return True
    if i == 0 or not text[i - 1].isdigit():
        return False
    if ch in "\"”":
        return bool(_FEET_INCHES.search(text[max(0, i - 10):i]) or _INCH_UNIT.match(text, i + 1))
    if ch in "'’":
        return bool(_FOOT_UNIT.match(text, i + 1))
    return False


# --- reading marks -----------------------------------------------------------------------------------------

def _guillemet_opener(text: str) -> str:
    """« opens in French and most languages, » in German and Danish: the first one used decides."""
    first_left, first_right = text.find("«"), text.find("»")
    if first_right != -1 and (first_left == -1 or first_right < first_left):
        return "»"
    return "«"


def _side(text: str, i: int, lo: int, hi: int) -> str:
    """OPEN when the mark stands before a word, CLOSE when after one, EITHER when it cannot be told."""
    left = text[i - 1] if i > lo else None
    right = text[i + 1] if i + 1 < hi else None
    left_open = left is None or left.isspace() or left in _OPEN_LEFT
    right_close = right is None or right.isspace() or right in _CLOSE_RIGHT
    opens = left_open and right is not None and not right.isspace()
    closes = right_close and left is not None and not left.isspace()
    if opens and right in _CLOSE_RIGHT and right not in "-—–" and not (right in MARKS and right not in "’”»›"):
        opens = False  # “. or “, : nothing follows to quote
    if closes and left in _OPEN_LEFT and left not in "-—–/" and not (left in MARKS and left in "’”'\""):
        closes = False
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER


def _read_mark(text: str, i: int, lo: int, hi: int, guillemet_opener: str, last_closer: int) -> Mark | None:
    ch = text[i]
    family, shape = MARKS[ch]
    if is_measure_mark(text, i):
        return None
    side = _side(text, i, lo, hi)
    if family in (GUILLEMET, SINGLE_GUILLEMET):
        opens = ch in ("«‹" if guillemet_opener == "«" else "»›")
        return Mark(i, ch, family, OPEN if opens else CLOSE)
    if family == DOUBLE:
        if shape is None or ch == "„":
            return Mark(i, ch, family, OPEN if ch == "„" else side)
        if side == EITHER or side == shape:
            return Mark(i, ch, family, shape)
        return Mark(i, ch, family, side, wrong_facing=True)  # “ closing after „ is right (checked when paired)
    return _read_single(text, i, lo, hi, ch, shape, side, closes_later=last_closer > i)


def _read_single(text: str, i: int, lo: int, hi: int, ch: str, shape: str | None, side: str, *,
                 closes_later: bool) -> Mark | None:
    left = text[i - 1] if i > lo else ""
    right = text[i + 1] if i + 1 < hi else ""
    if left.isalnum() and right.isalnum():  # don’t, O’Brien (O‘Brien faces the wrong way)
        return Mark(i, ch, SINGLE, APOSTROPHE, wrong_facing=True) if shape == OPEN and left.isalpha() else None
    if (not left or left.isspace()) and (not right or right.isspace()):
        return None  # a mark standing alone ("Wayne ’ s World"): no quotation opens or closes there
    if _N_ELISION.match(text, max(i - 2, lo)) or _N_ELISION.match(text, i):
        return None  # rock ’n’ roll
    after = text[i + 1:min(hi, i + 16)]
    if not left.isalnum() and (_DECADE.match(after) or (
            (_ELISIONS.match(after) or _SHORT_YEAR.match(after)) and (shape == CLOSE or not closes_later))):
        return Mark(i, ch, SINGLE, APOSTROPHE, wrong_facing=shape == OPEN) if shape == OPEN else None  # ’90s, ’tis
    if side == CLOSE or (side == EITHER and left.isalpha()):
        if left.isdigit():
            return None
        if _POSSESSIVE_OR_ELIDED.search(text, max(lo, i - 40), i):
            return Mark(i, ch, SINGLE, MAYBE_CLOSE)  # students’, Jones’, the U.S.’, nothin’: apostrophes unless they close
        return Mark(i, ch, SINGLE, CLOSE, wrong_facing=shape == OPEN)
    if side == OPEN:
        if shape == CLOSE:  # ’word: an apostrophe of an unknown elision, or an opener facing the wrong way
            return Mark(i, ch, SINGLE, OPEN, wrong_facing=True) if closes_later else None
        return Mark(i, ch, SINGLE, OPEN)
    return Mark(i, ch, SINGLE, shape or EITHER)


def _last_single_closer(text: str, lo: int, hi: int) -> int:
    """Offset of the paragraph's last single mark standing where a closing mark stands (-1 if none)."""
    last = -1
    for m in _SINGLE_RE.finditer(text, lo, hi):
        j = m.start()
        left = text[j - 1] if j > lo else " "
        right = text[j + 1] if j + 1 < hi else " "
        if not left.isspace() and not right.isalnum() and not _N_ELISION.match(text, max(j - 2, lo)):
            last = j
    return last


def read_marks(text: str, lo: int, hi: int, guillemet_opener: str = "«") -> list[Mark]:
    """The quotation marks of ``text[lo:hi]`` (one paragraph), apostrophes and primes left out."""
    marks = []
    last_closer = _last_single_closer(text, lo, hi)
    for m in _MARK_RE.finditer(text, lo, hi):
        mark = _read_mark(text, m.start(), lo, hi, guillemet_opener, last_closer)
        if mark is not None:
            marks.append(mark)
    return marks


# --- pairing -----------------------------------------------------------------------------------------------

@dataclass
class _Open:
    mark: Mark | None      # None: reopened implicitly (a continuation that did not reopen)
    family: str
    start: int
    depth: int
    continues: bool = False
    origin: int = -1       # where the run-on quotation first opened


@dataclass
class _BlockResult:
    quotations: list[Quotation]
    problems: list[QuoteProblem]
    left_open: list[_Open]
    closed_virtual: bool
    virtual_closer: int = -1


class _Pairer:
    """Pairs the marks of one paragraph, starting from the quotations it continues."""

    def __init__(self, doc_text: str, block: "Block", index: int, marks: list[Mark], stack: list[_Open]) -> None:
        self.text = doc_text
        self.block = block
        self.index = index
        self.marks = marks
        self.stack = stack
        self.quotations: list[Quotation] = []
        self.problems: list[QuoteProblem] = []
        self.closed_virtual = False
        self.virtual_closer = -1

    def run(self, skip: int = 0) -> _BlockResult:
        self._suffixes()
        for k in range(skip, len(self.marks)):
            self._feed(k)
        return _BlockResult(self.quotations, self.problems, self.stack, self.closed_virtual, self.virtual_closer)

    # each mark
    def _feed(self, k: int) -> None:
        mark = self.marks[k]
        top = self.stack[-1] if self.stack else None
        if mark.role == APOSTROPHE:
            self.problems.append(QuoteProblem(
                "wrong-facing", mark.offset, mark.offset + 1,
                f"{_name(mark.char)} stands for an apostrophe here and faces the wrong way", plain=False,
                suggestion="’", replacement="’"))
            return
        if mark.role == MAYBE_CLOSE:
            if top is not None and top.family == SINGLE and not self._later_single_closer(k):
                self._close(len(self.stack) - 1, mark)
            return
        if mark.role == EITHER:
            if top is not None and top.family == mark.family:
                self._close(len(self.stack) - 1, mark)
            else:
                self._open(k, mark)
            return
        if mark.role == OPEN:
            self._open(k, mark)
            return
        self._closing(k, mark)

    def _open(self, k: int, mark: Mark) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.family == mark.family and mark.family in (DOUBLE, SINGLE):
            if self._closers_after(k, mark.family) >= 2:
                self.problems.append(QuoteProblem(
                    "nested-same", mark.offset, mark.offset + 1,
                    f"{_name(mark.char)} opens a quotation inside a quotation that uses the same marks; "
                    f"a quote inside a quote takes {'single' if mark.family == DOUBLE else 'double'} marks",
                    plain=False))
            else:
                self.stack.pop()
                said = _ATTRIBUTION.search(self.text, top.start + 1, mark.offset)
                why = (f"before the attribution “{_clip(said)}”" if said
                       else f"before another {_name(mark.char)} starts a new quotation")
                self._unclosed(top, why, end=said.start() if said else mark.offset, kind="reopened")
        self.stack.append(_Open(mark, mark.family, mark.offset, len(self.stack)))

    def _closing(self, k: int, mark: Mark) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].family == mark.family:
                for inner in reversed(self.stack[depth + 1:]):
                    self._unclosed(inner, f"before {_name(mark.char)} closes the quotation around it", end=mark.offset)
                del self.stack[depth + 1:]
                self._close(depth, mark)
                return
        top = self.stack[-1] if self.stack else None
        if (top is not None and top.mark is not None and not self._later_closer(k, top.family)
                and not (mark.family == SINGLE and mark.offset + 1 < self.block.end
                         and self.text[mark.offset + 1].isalnum())):
            self.stack.pop()
            self.problems.append(QuoteProblem(
                "mismatched", top.start, mark.offset + 1,
                f"{_name(top.mark.char)} is closed by {_name(mark.char)}, a mark of another kind",
                plain=top.family != SINGLE and mark.family != SINGLE,
                suggestion=f"close it with {_closer_for(top.mark.char)}"))
            self._record(top, mark)
            return
        if mark.offset > self.block.start and self.text[mark.offset - 1].isdigit():
            return  # 13.3” or 15": a measure in inches, not a quotation mark
        self.problems.append(QuoteProblem(
            "unopened", mark.offset, mark.offset + 1,
            f"{_name(mark.char)} closes a quotation that never opened in this paragraph",
            plain=mark.family != SINGLE))

    def _close(self, depth: int, mark: Mark) -> None:
        opened = self.stack.pop(depth)
        del self.stack[depth:]
        if opened.mark is None and not self.closed_virtual:
            self.closed_virtual = True
            self.virtual_closer = mark.offset
        if mark.wrong_facing and not (opened.mark is not None and opened.mark.char in "„‚"):
            self._wrong_facing(mark, CLOSE)
        if opened.mark is not None and opened.mark.wrong_facing:
            self._wrong_facing(opened.mark, OPEN)
        self._record(opened, mark)

    def _record(self, opened: _Open, mark: Mark | None) -> None:
        if opened.depth != 0:
            return
        end = mark.offset + 1 if mark is not None else self.block.end
        inner_start = opened.mark.offset + 1 if opened.mark is not None else opened.start
        self.quotations.append(Quotation(
            opened.start, end, inner_start, mark.offset if mark is not None else end, self.index,
            opened.mark.char if opened.mark is not None else None, mark.char if mark is not None else None,
            opened.continues, False))

    def _unclosed(self, opened: _Open, why: str, end: int, kind: str = "unclosed") -> None:
        if opened.mark is None:
            return  # a continuation without its mark: reported by the run-on pass
        self.problems.append(QuoteProblem(
            kind, opened.start, opened.start + 1, f"{_name(opened.mark.char)} is never closed {why}",
            plain=opened.family != SINGLE))
        if opened.depth == 0:
            trimmed = end
            while trimmed > opened.start + 1 and self.text[trimmed - 1].isspace():
                trimmed -= 1
            self.quotations.append(Quotation(opened.start, trimmed, opened.start + 1, trimmed, self.index,
                                             opened.mark.char, None, opened.continues, False))

    def _wrong_facing(self, mark: Mark, side: str) -> None:
        want = _facing(mark.char, side)
        where = "opens" if side == OPEN else "closes"
        self.problems.append(QuoteProblem(
            "wrong-facing", mark.offset, mark.offset + 1,
            f"{_name(mark.char)} {where} a quotation but faces the wrong way", plain=False,
            suggestion=want, replacement=want))

    # look-ahead (suffix tables built once per paragraph, so a long paragraph stays linear)
    def _suffixes(self) -> None:
        n = len(self.marks)
        self._closing_after: dict[str, list[int]] = {f: [0] * (n + 1) for f in OPENER_OF}
        self._candidates_after: dict[str, list[int]] = {f: [0] * (n + 1) for f in OPENER_OF}
        self._single_verdict = [False] * (n + 1)  # does a single closer come before any other closing mark?
        for k in range(n - 1, -1, -1):
            m = self.marks[k]
            for f in OPENER_OF:
                self._closing_after[f][k] = self._closing_after[f][k + 1]
                self._candidates_after[f][k] = self._candidates_after[f][k + 1]
            if m.role in (CLOSE, EITHER):
                self._closing_after[m.family][k] += 1
            if m.role in (CLOSE, EITHER, MAYBE_CLOSE):
                self._candidates_after[m.family][k] += 1
            if m.family == SINGLE and m.role in (CLOSE, MAYBE_CLOSE, EITHER):
                self._single_verdict[k] = True
            elif m.family != SINGLE and m.role == CLOSE:
                self._single_verdict[k] = False
            else:
                self._single_verdict[k] = self._single_verdict[k + 1]

    def _later_single_closer(self, k: int) -> bool:
        return self._single_verdict[k + 1]

    def _later_closer(self, k: int, family: str) -> bool:
        return self._candidates_after[family][k + 1] > 0

    def _closers_after(self, k: int, family: str) -> int:
        return self._closing_after[family][k + 1]


def _name(ch: str) -> str:
    names = {
        "“": "opening “", "”": "closing ”", '"': 'straight "', "„": "low opening „", "‟": "reversed ‟",
        "‘": "opening ‘", "’": "closing ’", "'": "straight '", "‚": "low opening ‚", "‛": "reversed ‛",
        "«": "guillemet «", "»": "guillemet »", "‹": "guillemet ‹", "›": "guillemet ›",
    }
    return names[ch]


def _closer_for(ch: str) -> str:
    return {"“": "”", "„": "“", "‘": "’", "‚": "‘", "«": "»", "»": "«", "‹": "›", "›": "‹"}.get(ch, ch)


def _facing(ch: str, side: str) -> str:
    if ch in "“”":
        return "“" if side == OPEN else "”"
    return "‘" if side == OPEN else "’"


# --- the document ------------------------------------------------------------------------------------------

_CONTINUABLE = frozenset({"paragraph", "blockquote", "list-item"})


def _continues(prev: "Block", block: "Block") -> bool:
    return prev.kind in _CONTINUABLE and block.kind == prev.kind


def _leading_openers(marks: list[Mark], text: str, block: "Block") -> list[Mark]:
    """The opening marks a paragraph starts with (“‘ reopens a nested quotation)."""
    lead = []
    pos = block.start
    for mark in marks:
        if text[pos:mark.offset].strip() or mark.role not in (OPEN, EITHER):
            break
        lead.append(mark)
        pos = mark.offset + 1
    return lead


def _analyse(doc: "Document") -> QuoteAnalysis:
    text = doc.text
    opener = _guillemet_opener(text)
    quotes: list[Quotation] = []
    problems: list[QuoteProblem] = []
    carried: list[_Open] = []
    for index, block in enumerate(doc.blocks):
        marks = read_marks(text, block.start, block.end, opener)
        prev = doc.blocks[index - 1] if index else None
        if carried and prev is not None and _continues(prev, block):
            result, extra = _continue(text, block, index, marks, carried)
            if result is None:  # the next paragraph neither reopens nor closes it
                problems.extend(_never_closed(text, carried, "(the paragraph ends inside the quotation and the next "
                                              "paragraph does not reopen it)"))
                result = _Pairer(text, block, index, marks, []).run()
            else:
                _mark_runs_on(quotes, carried)
                problems.extend(extra)
        else:
            if carried:
                problems.extend(_never_closed(text, carried, "before the paragraph ends"))
            result = _Pairer(text, block, index, marks, []).run()
        quotes.extend(result.quotations)
        problems.extend(result.problems)
        carried = result.left_open
        attribution = _attribution_after(text, carried, block)
        if attribution is not None:  # “We were told, said Derek Pryce: the quotation should have closed
            problems.extend(_never_closed(text, carried, f"before the attribution “{_clip(attribution)}”"))
            quotes.extend(_cut_at(carried, index, attribution.start()))
            carried = []
            continue
        for opened in carried:
            if opened.depth == 0:
                quotes.append(Quotation(opened.start, block.end, opened.mark.offset + 1 if opened.mark else block.start,
                                        block.end, index, opened.mark.char if opened.mark else None, None,
                                        opened.continues, False))
    if carried:
        problems.extend(_never_closed(text, carried, "before the text ends"))
    quotes.sort(key=lambda q: (q.start, q.end))
    problems.sort(key=lambda p: (p.start, p.end, p.kind))
    return QuoteAnalysis(tuple(quotes), tuple(problems), tuple(q.start for q in quotes))


#: an attribution after the last open quotation of a paragraph: ", said Mariano Castro", ". he added."
_ATTRIBUTION = re.compile(
    r"[,!?]\s+(?:(?:he|she|they|we|I)\s+(?:said|says|added|adds|told\s+\w+|explained|recalled|wrote)[,.;]"
    r"|(?:said|says|added|told|recalled)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
    r"|(?:[A-Z][\w’'-]+\s+){1,3}(?:said|says|added|told\s+\w+)[,.;])")


def _clip(match: re.Match) -> str:
    return match.group().strip(" ,.;!?")


def _attribution_after(text: str, carried: list[_Open], block: "Block") -> re.Match | None:
    """The attribution that follows the open quotation at a paragraph's end, if there is one."""
    outer = next((o for o in carried if o.depth == 0 and o.mark is not None), None)
    if outer is None:
        return None
    return _ATTRIBUTION.search(text, outer.start + 1, block.end)


def _cut_at(carried: list[_Open], index: int, end: int) -> list[Quotation]:
    return [Quotation(o.start, end, o.mark.offset + 1, end, index, o.mark.char, None, o.continues, False)
            for o in carried if o.depth == 0 and o.mark is not None]


def _mark_runs_on(quotes: list[Quotation], carried: list[_Open]) -> None:
    """The previous paragraph's open quotation was continued: flag it as running on."""
    outer = next((o for o in carried if o.depth == 0), None)
    if outer is None:
        return
    for i in range(len(quotes) - 1, -1, -1):
        q = quotes[i]
        if q.start == outer.start and q.close_mark is None:
            quotes[i] = Quotation(q.start, q.end, q.inner_start, q.inner_end, q.block, q.open_mark, None,
                                  q.continues_previous, True)
            return


def _continue(text: str, block: "Block", index: int, marks: list[Mark],
              carried: list[_Open]) -> tuple[_BlockResult | None, list[QuoteProblem]]:
    """Pair a paragraph that follows one left open: reopened (right), closed without reopening, or neither."""
    lead = _leading_openers(marks, text, block)
    origin = carried[0].origin if carried[0].origin >= 0 else carried[0].start
    if lead and lead[0].family == carried[0].family:
        stack: list[_Open] = []
        missing: list[str] = []
        used = 0
        for depth, opened in enumerate(carried):
            if used < len(lead) and lead[used].family == opened.family:
                mark = lead[used]
                stack.append(_Open(mark, opened.family, mark.offset, depth, continues=True, origin=origin))
                used += 1
            else:
                stack.append(_Open(None, opened.family, block.start, depth, continues=True, origin=origin))
                missing.append(OPENER_OF[opened.family])
        extra = []
        if missing:
            reopen = "".join(OPENER_OF[o.family] for o in carried)
            extra.append(QuoteProblem(
                "missing-continuer", lead[0].offset, lead[used - 1].offset + 1,
                f"this paragraph continues a quotation inside a quotation: reopen it with {reopen}, "
                f"not {''.join(m.char for m in lead[:used])}", plain=False, suggestion=reopen))
        return _Pairer(text, block, index, marks, stack).run(skip=used), extra
    virtual = [_Open(None, o.family, block.start, depth, continues=True, origin=origin)
               for depth, o in enumerate(carried)]
    trial = _Pairer(text, block, index, marks, virtual).run()
    if not trial.closed_virtual:
        return None, []
    at = trial.virtual_closer
    problem = QuoteProblem(
        "not-reopened", at, at + 1,
        f"this paragraph continues the quotation from the paragraph before without reopening it: "
        f"start it with {OPENER_OF[carried[0].family]}", plain=True, suggestion=OPENER_OF[carried[0].family])
    return trial, [problem]


def _never_closed(text: str, carried: list[_Open], why: str) -> list[QuoteProblem]:
    out = []
    for opened in carried:
        if opened.mark is None:
            continue
        if opened.continues and opened.origin >= 0:
            stop = text.find("\n\n", opened.origin)
            words = " ".join(text[opened.origin + 1:stop if stop != -1 else len(text)].split()[:4])
            message = (f"{_name(opened.mark.char)} continues the quotation that began “{words}…” over several "
                       f"paragraphs, and it never closes")
        else:
            message = f"{_name(opened.mark.char)} is never closed {why}"
        out.append(QuoteProblem("never-closes" if opened.continues else "unclosed", opened.start, opened.start + 1,
                                message, plain=opened.family != SINGLE))
    return out
