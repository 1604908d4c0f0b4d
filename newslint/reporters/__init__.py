"""Reporters: each renders the results of a run in one output format."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Sequence, TextIO

from newslint.engine import FileResult
from newslint.rule import Finding, Severity


@dataclass(frozen=True)
class Summary:
    """Totals of a run, shared by every reporter."""

    files: int
    failed_files: int
    counts: dict[str, int]
    fail_level: Severity
    exit_code: int
    notices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict:
        return {"files": self.files, "files_with_errors": self.failed_files, "findings": self.findings,
                "error": self.counts.get("error", 0), "warning": self.counts.get("warning", 0),
                "info": self.counts.get("info", 0), "fail_level": str(self.fail_level),
                "exit_code": self.exit_code, "notices": list(self.notices)}


class Reporter:
    """Base class: ``name`` is the ``--format`` value; ``report`` writes the whole run."""

    name: ClassVar[str]
    description: ClassVar[str] = ""

    def __init__(self, stream: TextIO, *, color: bool | None = None, sources: dict[str, str] | None = None) -> None:
        self.stream = stream
        self.color = color
        #: source text per path, for reporters that show the offending line
        self.sources = sources or {}

    def report(self, results: Sequence[FileResult], summary: Summary) -> None:  # pragma: no cover
        raise NotImplementedError


def all_findings(results: Sequence[FileResult]) -> list[Finding]:
    return [f for r in results for f in r.findings]
