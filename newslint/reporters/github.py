"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""
from __future__ import annotations

from typing import Sequence

from newslint import hookimpl
from newslint.engine import FileResult
from newslint.reporters import Reporter, Summary

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations"

    def report(self, results: Sequence[FileResult], summary: Summary) -> None:
        for result in results:
            for f in result.findings:
                props = (f"file={_escape_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                         f"endColumn={f.end_column},title={_escape_property(f'{f.rule} {f.name}')}")
                self.stream.write(f"::{_LEVEL[str(f.severity)]} {props}::{_escape_data(f.message)}\n")
            if result.failed:
                self.stream.write(f"::error file={_escape_property(result.path)}::"
                                  f"{_escape_data(result.error_text() or '')}\n")


@hookimpl
def newslint_reporters() -> list[type[Reporter]]:
    return [GithubReporter]
