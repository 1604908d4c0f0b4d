"""Known dated events a newsroom lists in config (`[[facts]]`) or a facts file, and matching them in copy."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from newslint.config import ConfigError


@dataclass(frozen=True)
class Fact:
    """An event and the dates it happened on, with the other names copy uses for it."""

    event: str
    dates: tuple[dt.date, ...]
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.event, *self.aliases)

    def pattern(self) -> re.Pattern:
        names = sorted(self.names(), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)


def parse_facts(entries: Iterable[Any], where: str = "facts") -> tuple[Fact, ...]:
    """Read fact tables (``event``, ``dates``, optional ``aliases``); a malformed one is a ConfigError."""
    facts = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("event"), str):
            raise ConfigError(f"{where}[{index}]: a fact needs an `event` name")
        unknown = set(entry) - {"event", "dates", "aliases", "date"}
        if unknown:
            raise ConfigError(f"{where}[{index}]: unknown key {sorted(unknown)[0]!r} (event, dates, aliases)")
        raw_dates = entry.get("dates", [entry["date"]] if "date" in entry else [])
        dates = []
        for value in raw_dates:
            if isinstance(value, dt.datetime):
                value = value.date()
            if not isinstance(value, dt.date):
                try:
                    value = dt.date.fromisoformat(str(value))
                except ValueError:
                    raise ConfigError(f"{where}[{index}]: date {value!r} is not YYYY-MM-DD") from None
            dates.append(value)
        if not dates:
            raise ConfigError(f"{where}[{index}]: fact {entry['event']!r} has no dates")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f"{where}[{index}]: aliases must be a list of strings")
        facts.append(Fact(entry["event"], tuple(sorted(dates)), tuple(aliases)))
    return tuple(facts)


@lru_cache(maxsize=8)
def load_facts_file(path: str) -> tuple[Fact, ...]:
    """Facts from a TOML file with `[[facts]]` tables, or a JSON list of fact objects."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read facts file: {exc.strerror or exc}") from None
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: invalid JSON: {exc}") from None
        entries = data.get("facts", []) if isinstance(data, dict) else data
    else:
        from newslint.config import tomllib
        try:
            entries = tomllib.loads(text).get("facts", [])
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return parse_facts(entries, path)


def all_facts(facts: Iterable[Any], facts_file: str) -> tuple[Fact, ...]:
    out = parse_facts(facts)
    if facts_file:
        out += load_facts_file(facts_file)
    return out
