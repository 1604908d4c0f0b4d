"""The parsed form of one pack rule file: the keys every kind shares, and the kind's own keys."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from newslint.packs.scopes import Scope
from newslint.rule import Severity

#: keys every rule file may carry, whatever its kind (``tests`` holds Vale's own test cases: read by ``vale test``)
COMMON_KEYS = frozenset({"extends", "message", "level", "link", "description", "scope", "action", "limit",
                         "name", "tests"})
#: Vale's levels and the newslint severity each becomes
LEVELS = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
DEFAULT_LEVEL = "suggestion"


class PackError(Exception):
    """A rule file that cannot become a rule (bad YAML, a missing key, a regex that does not compile)."""


@dataclass(frozen=True)
class Action:
    """Vale's ``action``: how a finding can be fixed (``replace``, ``remove``, ``edit``...)."""

    name: str
    params: tuple[str, ...] = ()


@dataclass(frozen=True)
class Examples:
    """Text that must make the rule fire (``bad``) and text that must not (``good``)."""

    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSpec:
    """One rule file, read: the common keys decoded, the whole mapping kept for the kind."""

    pack: str
    stem: str
    path: Path
    extends: str
    message: str
    level: str
    scope: Scope
    data: Mapping[str, Any]
    link: str = ""
    description: str = ""
    action: Action | None = None
    limit: int = 0
    examples: Examples = field(default_factory=Examples)

    @property
    def id(self) -> str:
        return f"{self.pack}.{self.stem}"

    @property
    def name(self) -> str:
        return kebab_case(self.stem)

    @property
    def severity(self) -> Severity:
        return LEVELS[self.level]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


def kebab_case(stem: str) -> str:
    """``HeadingAcronyms`` -> ``heading-acronyms``, ``E-Prime`` -> ``e-prime``, ``URLFormat`` -> ``url-format``."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", stem)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", text)
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return re.sub(r"-{2,}", "-", text) or "rule"


def safe_identifier(text: str) -> str:
    """A pack or rule name usable in a rule id (letters, digits, ``_`` and ``-``)."""
    cleaned = re.sub(r"[^\w-]", "_", text)
    return cleaned if cleaned[:1].isalpha() else f"P{cleaned}"
