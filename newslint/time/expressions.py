"""Find time expressions in prose with regular expressions (fast, no NLP): dates, years, weekdays, relatives."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from newslint.time.calendar import month_number, number_value, weekday_number

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WEEKDAY_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ANY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
                r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun|Mo|Tu|We|Th|Fr|Sa|Su)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUMBER = (r"(?i:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
           r"|thirty|forty|fifty|a couple of|a few|several)")
_UNIT = r"(?:day|week|month|year|decade|fortnight)s?"
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY_ANY}),?\s+(?:the\s+)?)?"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"{_WD_PREFIX}\b(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("numeric", rf"{_WD_PREFIX}\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d\d)\b"),
    ("mdy", rf"{_WD_PREFIX}\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y>{_YEAR})\b)?(?![\d,.]\d)"),
    ("dmy", rf"{_WD_PREFIX}\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ("week_of_month", rf"\bthe\s+(?P<ord>first|second|third|fourth|last)\s+week\s+of\s+(?P<mon>{_MONTH})"
                      rf"(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ("month_year", rf"\b(?P<part>(?:early|late|mid-?)\s*)?(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    ("season_year", rf"\b(?:the\s+)?(?P<part>(?:early|late)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
                    rf"\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    ("decade", r"(?:\bthe\s+)?(?P<part>(?:early|mid-?|late)\s*)?(?:\b(?P<c>1[5-9]\d|20\d)0s\b|['’](?P<dd>\d)0s\b)"),
    ("shifted_day", r"\b(?P<shift>[Ee]arlier|[Ll]ater)\s+(?P<word>today|tonight)\b"),
    ("deictic_day", r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b"),
    ("shifted", rf"\b(?P<shift>earlier|later|early|late)\s+(?P<rel>this|last|next)\s+(?P<unit>week|month|year)\b"),
    ("relative_unit", r"(?<!\bthe )(?<!\bThe )\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<unit>week(?:end)?|month|year"
                      r"|decade|spring|summer|autumn|fall|winter)\b(?P<poss>['’]s)?"),
    ("relative_weekday", rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<wday>{_WEEKDAY_FULL})\b"),
    ("ago", rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\s+ago\b"),
    ("in_units", rf"\bin\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?:['’]\s+time)?\b"),
    ("anaphoric", r"\b(?P<det>[Tt]he\s+(?:previous|following|next|same)|[Tt]hat)\s+(?P<unit>day|week|month|year)\b"),
    ("later", rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\s+(?P<dir>later|earlier)\b"),
    ("weekday", rf"\b(?P<wday>{_WEEKDAY_FULL})\b(?P<poss>['’]s)?"),
    ("month", rf"\b(?P<prep>in|since|by|until|till|through|from|during|of|since|before|after|last|early|late|mid-?)"
              rf"\s+(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
              rf"\b(?!\s+\d)"),
    ("year", rf"(?<![\d$£€#.,/-])\b(?P<y>{_YEAR})\b(?![\d,.]\d|\s?%|-\d|/\d| per ?cent)"),
]
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _PATTERNS]
#: words that turn a weekday into the name of a holiday or an event ("Good Friday", "Super Tuesday")
_WEEKDAY_COMPOUNDS = re.compile(r"(?:Good|Black|Cyber|Super|Ash|Easter|Palm|Holy|Maundy|Bloody|Shrove|Whit"
                                r"|Low|Trinity|Mothering|Giving|Boxing|Manic|Blue|Fat)\s+$")
#: numbers, not years: "about 2000 people", "No. 1984"
_NOT_A_YEAR_BEFORE = re.compile(r"(?:about|some|nearly|almost|over|around|more than|fewer than|less than|up to"
                                r"|at least|No\.?|number|page|pages|p\.|flight|route|room|Article|Section)\s+$", re.I)
_NOT_A_YEAR_AFTER = re.compile(r"^\s+(?:people|persons|residents|workers|employees|jobs|km|kilometers|kilometres"
                               r"|miles|metres|meters|feet|votes|seats|cases|deaths|troops|soldiers|members|homes"
                               r"|households|families|students|copies|units|cars|tons|tonnes|hectares|acres)\b", re.I)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in the text, with the parts it was written with (not yet resolved)."""

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    fields: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def deictic(self) -> bool:
        """Read against the publication date: yesterday, last year, on Monday, two years ago."""
        return self.kind in ("deictic_day", "shifted", "relative_unit", "relative_weekday", "ago", "in_units",
                             "weekday")

    @property
    def anaphoric(self) -> bool:
        """Read against a date the narrative set: the previous year, two days later."""
        return self.kind in ("anaphoric", "later")


def find_expressions(text: str) -> list[TimeExpression]:
    """Every time expression in ``text``, longest first where two overlap, in text order."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            expression = _build(kind, match, text)
            if expression is None:
                continue
            found.append(expression)
            taken.append((expression.start, expression.end))
    return sorted(found, key=lambda e: e.start)


def _build(kind: str, match: re.Match, text: str) -> TimeExpression | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    start, end = match.span()
    weekday = weekday_span = None
    if groups.get("wd"):
        weekday = weekday_number(groups["wd"])
        weekday_span = match.span("wd")
        if len(groups["wd"].rstrip(".")) <= 2 and kind in ("mdy", "dmy") and "y" not in groups:
            return None  # "We 12 May": too weak without a year
    if kind == "iso":
        return TimeExpression(start, end, match.group(), "date", int(groups["y"]), int(groups["m"]), int(groups["d"]),
                              weekday, weekday_span, {"format": "iso"})
    if kind == "numeric":
        a, b, year = int(groups["a"]), int(groups["b"]), int(groups["y"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        return TimeExpression(start, end, match.group(), "numeric", year, None, None, weekday, weekday_span,
                              {"a": a, "b": b})
    if kind in ("mdy", "dmy"):
        year = int(groups["y"]) if "y" in groups else None
        return TimeExpression(start, end, match.group(), "date", year, month_number(groups["mon"]), int(groups["d"]),
                              weekday, weekday_span, {"format": kind})
    if kind == "week_of_month":
        year = int(groups["y"]) if "y" in groups else None
        return TimeExpression(start, end, match.group(), "week_of_month", year, month_number(groups["mon"]),
                              fields={"ord": groups["ord"]})
    if kind == "month_year":
        return TimeExpression(start, end, match.group(), "month", int(groups["y"]), month_number(groups["mon"]),
                              fields={"part": groups.get("part", "").strip()})
    if kind == "season_year":
        return TimeExpression(start, end, match.group(), "season", int(groups["y"]),
                              fields={"season": groups["season"].lower(), "part": groups.get("part", "").strip()})
    if kind == "decade":
        if "c" in groups:
            year = int(groups["c"]) * 10
        else:
            year = None  # "the ’90s": the century is read later against the reference date
        return TimeExpression(start, end, match.group(), "decade", year,
                              fields={"digit": groups.get("dd"), "part": groups.get("part", "").strip()})
    if kind == "shifted_day":
        return TimeExpression(start, end, match.group(), "deictic_day", fields={"word": groups["word"].lower()})
    if kind == "deictic_day":
        word = groups["word"]
        if word[0] == "T" and word == "Today" and start > 0 and not _sentence_start(text, start):
            return None  # the name of a programme or paper ("USA Today")
        return TimeExpression(start, end, match.group(), kind, fields={"word": word.lower()})
    if kind in ("shifted", "relative_unit"):
        return TimeExpression(start, end, match.group(), kind,
                              fields={k: v.lower() for k, v in groups.items()})
    if kind == "relative_weekday":
        return TimeExpression(start, end, match.group(), kind, weekday=weekday_number(groups["wday"]),
                              fields={"rel": groups["rel"].lower()})
    if kind in ("ago", "in_units", "later"):
        n = number_value(groups["n"])
        if n is None:
            return None
        unit = groups["unit"].lower().rstrip("s")
        return TimeExpression(start, end, match.group(), kind,
                              fields={"n": n, "unit": unit, "dir": groups.get("dir", "").lower()})
    if kind == "anaphoric":
        det = " ".join(groups["det"].lower().split())
        return TimeExpression(start, end, match.group(), kind, fields={"det": det, "unit": groups["unit"].lower()})
    if kind == "weekday":
        if _WEEKDAY_COMPOUNDS.search(text[max(0, start - 12):start]):
            return None
        return TimeExpression(start, end, match.group(), kind, weekday=weekday_number(groups["wday"]),
                              fields={"poss": bool(groups.get("poss"))})
    if kind == "month":
        if groups["prep"].lower() == "last":  # "last August" is one expression, read against the publication date
            return TimeExpression(start, end, match.group(), "month", None, month_number(groups["mon"]),
                                  fields={"prep": "last", "part": ""})
        return TimeExpression(match.start("mon"), end, groups["mon"], "month", None, month_number(groups["mon"]),
                              fields={"prep": groups["prep"].lower(), "part": ""})
    if kind == "year":
        if _NOT_A_YEAR_BEFORE.search(text[max(0, start - 14):start]) or _NOT_A_YEAR_AFTER.match(text[end:end + 16]):
            return None
        return TimeExpression(start, end, match.group(), "year", int(groups["y"]))
    return None  # pragma: no cover


def _sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?\n"


def iter_weekday_dates(expressions: list[TimeExpression]) -> Iterator[TimeExpression]:
    """Dates written with their weekday ("Tuesday, March 3, 2026")."""
    return (e for e in expressions if e.weekday is not None and e.kind in ("date", "numeric"))
