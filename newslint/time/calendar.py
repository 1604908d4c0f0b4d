"""Calendar values and arithmetic: intervals of days, month and weekday names, weeks, seasons."""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
    "mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: meteorological seasons of the northern hemisphere, as (first month, number of months)
SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "a couple of": 2, "a few": 3, "several": 3,
}


def month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


def weekday_number(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return WEEKDAYS.get(key) if key in WEEKDAYS else WEEKDAY_ABBREVIATIONS.get(key)


def number_value(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def days_in_month(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def is_valid_date(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists; without a year, 29 February is allowed."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else days_in_month(2000, month))
    return day <= days_in_month(year, month)


@dataclass(frozen=True, order=True)
class Interval:
    """An inclusive range of days with the grain it was stated at (day, week, month, season, year, decade)."""

    start: dt.date
    end: dt.date
    grain: str = "day"

    @classmethod
    def day(cls, date: dt.date) -> "Interval":
        return cls(date, date, "day")

    @classmethod
    def month(cls, year: int, month: int) -> "Interval":
        return cls(dt.date(year, month, 1), dt.date(year, month, days_in_month(year, month)), "month")

    @classmethod
    def year(cls, year: int) -> "Interval":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def years(cls, first: int, last: int, grain: str = "year") -> "Interval":
        return cls(dt.date(first, 1, 1), dt.date(last, 12, 31), grain)

    @classmethod
    def week_of(cls, date: dt.date) -> "Interval":
        monday = date - dt.timedelta(days=date.weekday())
        return cls(monday, monday + dt.timedelta(days=6), "week")

    @classmethod
    def season(cls, year: int, name: str) -> "Interval":
        first, length = SEASONS[name]
        start = dt.date(year, first, 1)
        last_month = first + length - 1
        end_year, end_month = (year + (last_month - 1) // 12, (last_month - 1) % 12 + 1)
        return cls(start, dt.date(end_year, end_month, days_in_month(end_year, end_month)), "season")

    def overlaps(self, other: "Interval") -> bool:
        return self.start <= other.end and other.start <= self.end

    def before(self, other: "Interval") -> bool:
        return self.end < other.start

    def widen(self, days: int) -> "Interval":
        return Interval(self.start - dt.timedelta(days=days), self.end + dt.timedelta(days=days), self.grain)

    def label(self) -> str:
        """A short human reading of the interval: 2024, 2024-03, 2024-03-05, the week of 2024-03-04."""
        if self.grain == "day" or self.start == self.end:
            return self.start.isoformat()
        if self.grain == "month":
            return f"{self.start:%B %Y}"
        if self.grain == "year":
            return str(self.start.year)
        if self.grain == "decade":
            return f"the {self.start.year}s"
        if self.grain == "week":
            return f"{self.start.isoformat()} to {self.end.isoformat()}"
        if self.start.year == self.end.year and self.start.month == 1 and self.end.month == 12 and \
                self.start.day == 1 and self.end.day == 31:
            return str(self.start.year)
        if self.start.day == 1 and self.end.day == days_in_month(self.end.year, self.end.month):
            if self.start.year == self.end.year and self.start.month == 1 and self.end.month == 12:
                return str(self.start.year)
            if self.start.month == 1 and self.end.month == 12:
                return f"{self.start.year}-{self.end.year}"
            return f"{self.start:%B %Y} to {self.end:%B %Y}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def age_on(birth: dt.date, when: dt.date) -> int:
    return when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day))
