"""The concise reporter: one line per finding, ``path:line:col: severity ID name: message``."""
from __future__ import annotations

from typing import Sequence

from newslint import hookimpl
from newslint.engine import FileResult
from newslint.reporters import Reporter, Summary


def concise_line(finding) -> str:
    suggestion = f" (suggest: {', '.join(finding.suggestions)})" if finding.suggestions else ""
    return (f"{finding.path}:{finding.line}:{finding.column}: {finding.severity} {finding.rule} {finding.name}: "
            f"{finding.message}{suggestion}")


class ConciseReporter(Reporter):
    name = "concise"
    description = "one line per finding, for grep and editors"

    def report(self, results: Sequence[FileResult], summary: Summary) -> None:
        write = self.stream.write
        for result in results:
            for finding in result.findings:
                write(concise_line(finding) + "\n")
            if result.failed:
                write(f"{result.path}: error: {result.error_text()}\n")


@hookimpl
def newslint_reporters() -> list[type[Reporter]]:
    return [ConciseReporter]
