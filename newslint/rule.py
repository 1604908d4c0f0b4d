"""Rule base class and the values rules produce: severities, violations and findings."""
from __future__ import annotations

import dataclasses
import enum
import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

CATEGORIES = ("names", "quotes", "attribution", "time", "readability", "grammar", "style", "hygiene")
CATEGORY_BY_HUNDRED = {
    "1": "names", "2": "quotes", "3": "attribution", "4": "time",
    "5": "readability", "6": "grammar", "7": "hygiene",
}


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        """Read a severity from config text; Vale's ``suggestion`` means info."""
        if isinstance(value, Severity):
            return value
        text = str(value).strip().lower()
        aliases = {"suggestion": "info", "hint": "info", "warn": "warning", "err": "error"}
        text = aliases.get(text, text)
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Fix:
    """A safe replacement of the prose span ``[start, end)`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Violation:
    """What a rule reports: a span of the document's prose text and a message.

    Offsets index ``Document.text``; the engine maps them back to the source.
    ``severity`` overrides the rule's default for this one violation (a rule
    may grade its own findings, e.g. a tie between two spellings is a warning).
    """

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    severity: Severity | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class Finding:
    """A located, final finding: what reporters print and the JSON contract carries."""

    path: str
    rule: str
    name: str
    category: str
    severity: Severity
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestions: tuple[str, ...] = ()
    source_start: int = 0
    source_end: int = 0
    fix: Fix | None = field(default=None, compare=False)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fixable": self.fix is not None,
        }


@dataclass(frozen=True)
class NoOptions:
    """Options of a rule that takes none."""


_ID_RE = re.compile(r"^(NL[1-7]\d\d|[A-Za-z][\w-]*(\.[\w-]+)+)$")
_NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Rule:
    """Base class of every rule, built-in or third-party.

    A subclass sets the class attributes below and implements :meth:`check`.
    Its docstring carries the documentation in ruff's sections (What it does /
    Why is this bad? / Example / Use instead / Options); the engine prints it
    for ``newslint rule ID`` and a test runs every Example (it must fire) and
    Use instead (it must not).

    Options reach the rule as a frozen dataclass instance built from config;
    a rule never reads global state.
    """

    id: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type] = NoOptions
    #: the rule is off unless selected explicitly (e.g. it needs a server)
    default_enabled: ClassVar[bool] = True
    #: the example date used by the doc test, when the rule needs a publication date
    example_date: ClassVar[str | None] = None

    def __init__(self, options: Any = None, *, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        #: the severity config chose for this rule, which beats every default
        self.configured_severity = severity

    def check(self, doc: "Document") -> Iterable[Violation]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------
    def violation(self, start: int, end: int, message: str, *, suggestions: Iterable[str] = (),
                  severity: Severity | None = None, fix: Fix | None = None) -> Violation:
        return Violation(start, end, message, tuple(suggestions), severity, fix)

    # -- metadata ------------------------------------------------------------
    @classmethod
    def validate_metadata(cls) -> None:
        """Raise ``TypeError`` when the class lacks or misstates its metadata."""
        for attr in ("id", "name", "category"):
            if not isinstance(getattr(cls, attr, None), str):
                raise TypeError(f"rule {cls.__qualname__} has no {attr}")
        if not _ID_RE.match(cls.id):
            raise TypeError(f"rule {cls.__qualname__}: bad id {cls.id!r}")
        if not _NAME_RE.match(cls.name):
            raise TypeError(f"rule {cls.id}: name {cls.name!r} is not kebab-case")
        if cls.category not in CATEGORIES:
            raise TypeError(f"rule {cls.id}: unknown category {cls.category!r}")
        if not dataclasses.is_dataclass(cls.Options):
            raise TypeError(f"rule {cls.id}: Options must be a dataclass")

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def doc_section(cls, title: str) -> str:
        """The body of one docstring section, e.g. ``"Example"``, without its heading."""
        return doc_section(cls.documentation(), title)

    @classmethod
    def option_fields(cls) -> list[dataclasses.Field]:
        return list(dataclasses.fields(cls.Options))


def doc_section(text: str, title: str) -> str:
    """Return the text under a ``## Title`` heading of a rule doc."""
    pattern = re.compile(rf"^#+\s*{re.escape(title)}\s*$\n(.*?)(?=^#+\s|\Z)", re.M | re.S)
    match = pattern.search(text)
    return match.group(1).strip("\n") if match else ""


def code_blocks(section: str) -> Iterator[str]:
    """Yield the fenced code blocks of a docstring section."""
    for match in re.finditer(r"```[\w-]*\n(.*?)```", section, re.S):
        yield match.group(1)
