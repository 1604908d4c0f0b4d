"""Resolve a time expression to an interval of days against a reference date, a tense and a narrative anchor."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newslint.time.calendar import SEASONS, Interval, add_months, days_in_month, is_valid_date
from newslint.time.expressions import TimeExpression

#: tenses the resolver understands; None when the clause gives no clue
PAST, PRESENT, FUTURE = "past", "present", "future"


@dataclass(frozen=True)
class Context:
    """What an expression is read against: the publication date, its clause's tense, the narrative date."""

    reference: dt.date
    tense: str | None = None
    anchor: Interval | None = None


def resolve(expr: TimeExpression, ctx: Context) -> Interval | None:
    """The days ``expr`` denotes, or None when it cannot be pinned down (or names an impossible day)."""
    ref = ctx.reference
    kind = expr.kind
    if kind == "date":
        if expr.year is not None:
            return Interval.day(dt.date(expr.year, expr.month, expr.day)) \
                if is_valid_date(expr.year, expr.month, expr.day) else None
        year = _year_for_day(expr.month, expr.day, ctx, expr.weekday)
        return Interval.day(dt.date(year, expr.month, expr.day)) if year else None
    if kind == "numeric":
        for day, month in numeric_readings(expr):
            return Interval.day(dt.date(expr.year, month, day)) if len(numeric_readings(expr)) == 1 else None
        return None
    if kind == "week_of_month":
        year = expr.year or _year_for_month(expr.month, ctx)
        last = days_in_month(year, expr.month)
        first = {"first": 1, "second": 8, "third": 15, "fourth": 22, "last": last - 6}[expr.fields["ord"]]
        return Interval(dt.date(year, expr.month, first), dt.date(year, expr.month, min(first + 6, last)), "week")
    if kind == "month":
        if expr.fields.get("prep") == "last" and expr.year is None:
            ctx = Context(ctx.reference, PAST, None)
            year = ref.year if expr.month < ref.month else ref.year - 1
            return Interval.month(year, expr.month)
        year = expr.year or _year_for_month(expr.month, ctx)
        return Interval.month(year, expr.month)
    if kind == "season":
        return Interval.season(expr.year, expr.fields["season"])
    if kind == "year":
        return Interval.year(expr.year)
    if kind == "decade":
        start = expr.year
        if start is None:
            digit = int(expr.fields["digit"])
            start = (ref.year // 100) * 100 + digit * 10
            if start > ref.year:
                start -= 100
        return Interval.years(start, start + 9, "decade")
    if kind == "deictic_day":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[expr.fields["word"]]
        return Interval.day(ref + dt.timedelta(days=shift))
    if kind == "relative_unit":
        if expr.fields["unit"] == "weekend" and expr.fields["rel"] == "this":
            return _this_weekend(ref, ctx.tense)
        return _relative_unit(expr.fields["rel"], expr.fields["unit"], ref)
    if kind == "shifted":
        return _shifted(expr.fields["shift"], expr.fields["rel"], expr.fields["unit"], ref)
    if kind == "relative_weekday":
        return _relative_weekday(expr.fields["rel"], expr.weekday, ref)
    if kind == "weekday":
        return Interval.day(weekday_date(expr.weekday, ref, ctx.tense))
    if kind == "ago":
        return _offset(ref, -expr.fields["n"], expr.fields["unit"])
    if kind == "in_units":
        return _offset(ref, expr.fields["n"], expr.fields["unit"]) if ctx.tense == FUTURE else None
    if kind == "anaphoric":
        if ctx.anchor is None:
            return None
        step = {"the previous": -1, "the following": 1, "the next": 1, "the same": 0, "that": 0}[expr.fields["det"]]
        return _offset_interval(ctx.anchor, step, expr.fields["unit"])
    if kind == "later":
        if ctx.anchor is None:
            return None
        sign = 1 if expr.fields["dir"] in ("later", "after") else -1
        return _offset_interval(ctx.anchor, sign * expr.fields["n"], expr.fields["unit"])
    return None


def numeric_readings(expr: TimeExpression) -> list[tuple[int, int]]:
    """The (day, month) readings of a numeric date such as 31/10/2014 (two when both are 12 or less)."""
    a, b = expr.fields["a"], expr.fields["b"]
    readings = []
    if is_valid_date(expr.year, b, a):
        readings.append((a, b))  # day/month
    if a != b and is_valid_date(expr.year, a, b):
        readings.append((b, a))  # month/day
    return readings


def weekday_date(weekday: int, ref: dt.date, tense: str | None) -> dt.date:
    """A bare weekday: the next one in future copy, else the most recent on or before the reference date."""
    if tense in (FUTURE, PRESENT):
        ahead = (weekday - ref.weekday()) % 7
        return ref + dt.timedelta(days=ahead or 7) if tense == FUTURE else ref + dt.timedelta(days=ahead)
    back = (ref.weekday() - weekday) % 7
    return ref - dt.timedelta(days=back)


def _year_for_day(month: int, day: int, ctx: Context, weekday: int | None = None) -> int | None:
    """The year of a date written without one: the narrative's year, else the nearest to the reference; a weekday
    written with the day picks whichever of the two readings falls on it."""
    candidates = day_year_candidates(month, day, ctx)
    if weekday is not None:
        fitting = [y for y in candidates if dt.date(y, month, day).weekday() == weekday]
        if fitting:
            return fitting[0]
    return candidates[0] if candidates else None


def day_year_candidates(month: int, day: int, ctx: Context) -> list[int]:
    """The years a yearless day may be read in, best first: the narrative anchor's, then the one nearest the
    reference date (an impossible day under the anchor has no reading at all)."""
    if ctx.anchor is not None and ctx.anchor.start.year == ctx.anchor.end.year:
        year = ctx.anchor.start.year
        if not is_valid_date(year, month, day):
            return []
        nearest = _nearest_year(month, day, ctx.reference)
        return [year] + ([nearest] if nearest is not None and nearest != year else [])
    nearest = _nearest_year(month, day, ctx.reference)
    return [nearest] if nearest is not None else []


def _nearest_year(month: int, day: int, ref: dt.date) -> int | None:
    candidates = [y for y in (ref.year - 1, ref.year, ref.year + 1) if is_valid_date(y, month, day)]
    if not candidates:
        return None
    return min(candidates, key=lambda y: (abs((dt.date(y, month, day) - ref).days), -y))


def _year_for_month(month: int, ctx: Context) -> int:
    if ctx.anchor is not None and ctx.anchor.start.year == ctx.anchor.end.year:
        return ctx.anchor.start.year
    ref = ctx.reference
    if ctx.tense == PAST and month > ref.month:
        return ref.year - 1
    if ctx.tense == FUTURE and month < ref.month:
        return ref.year + 1
    return ref.year


def _relative_unit(rel: str, unit: str, ref: dt.date) -> Interval | None:
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        return Interval.year(ref.year + step)
    if unit == "month":
        year, month = add_months(ref.year, ref.month, step)
        return Interval.month(year, month)
    if unit == "week":
        return Interval.week_of(ref + dt.timedelta(weeks=step))
    if unit == "weekend":
        week = Interval.week_of(ref + dt.timedelta(weeks=step))
        saturday = week.start + dt.timedelta(days=5)
        if rel == "last" and ref.weekday() == 0:  # on a Monday, "last weekend" is the one just gone
            saturday = ref - dt.timedelta(days=2)
        return Interval(saturday, saturday + dt.timedelta(days=1), "weekend")
    if unit == "decade":
        start = (ref.year // 10) * 10 + 10 * step
        return Interval.years(start, start + 9, "decade")
    if unit in SEASONS:
        return _season(unit, rel, ref)
    return None


def _this_weekend(ref: dt.date, tense: str | None) -> Interval:
    """The weekend just gone in past-tense copy, else the one of the reference week."""
    if tense == PAST:
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    else:
        saturday = Interval.week_of(ref).start + dt.timedelta(days=5)
    return Interval(saturday, saturday + dt.timedelta(days=1), "weekend")


def _season(name: str, rel: str, ref: dt.date) -> Interval:
    """last/this/next spring...: the last one that ended before ref, the one of ref's year, the next to start."""
    current = Interval.season(ref.year, name)
    if name == "winter" and ref.month <= 2:
        current = Interval.season(ref.year - 1, name)
    if rel == "this":
        return current
    if rel == "last":
        if current.end < ref:
            return current
        return Interval.season(current.start.year - 1, name)
    if current.start > ref:
        return current
    return Interval.season(current.start.year + 1, name)


def _shifted(shift: str, rel: str, unit: str, ref: dt.date) -> Interval | None:
    whole = _relative_unit(rel, unit, ref)
    if whole is None:
        return None
    if rel == "this" and shift == "earlier":
        return Interval(whole.start, ref, whole.grain)
    if rel == "this" and shift == "later":
        return Interval(ref, whole.end, whole.grain)
    return whole


def _relative_weekday(rel: str, weekday: int, ref: dt.date) -> Interval:
    if rel == "last":
        back = (ref.weekday() - weekday) % 7 or 7
        return Interval.day(ref - dt.timedelta(days=back))
    if rel == "next":
        ahead = (weekday - ref.weekday()) % 7 or 7
        return Interval.day(ref + dt.timedelta(days=ahead))
    week = Interval.week_of(ref)
    return Interval.day(week.start + dt.timedelta(days=weekday))


def _offset(ref: dt.date, n: int, unit: str) -> Interval | None:
    if unit == "day" or (unit == "week" and n == -1):  # "a week ago" is a day, give or take
        if unit == "week":
            return Interval.day(ref - dt.timedelta(days=7))
        return Interval.day(ref + dt.timedelta(days=n))
    if unit in ("week", "fortnight"):
        days = n * (14 if unit == "fortnight" else 7)
        return Interval.week_of(ref + dt.timedelta(days=days))
    if unit == "month":
        year, month = add_months(ref.year, ref.month, n)
        return Interval.month(year, month)
    if unit == "year":
        return Interval.year(ref.year + n)
    if unit == "decade":
        return Interval.year(ref.year + 10 * n)
    return None


def _offset_interval(anchor: Interval, n: int, unit: str) -> Interval | None:
    if unit == "year":
        return Interval.years(anchor.start.year + n, anchor.end.year + n) if anchor.grain != "day" else \
            Interval.year(anchor.start.year + n)
    if unit == "month" and anchor.grain in ("day", "week", "month"):
        year, month = add_months(anchor.start.year, anchor.start.month, n)
        return Interval.month(year, month)
    if unit == "day" and anchor.grain == "day":
        return Interval.day(anchor.start + dt.timedelta(days=n))
    if unit == "week" and anchor.grain in ("day", "week"):
        return Interval.week_of(anchor.start + dt.timedelta(weeks=n))
    return None

