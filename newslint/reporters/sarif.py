"""SARIF 2.1.0, the format GitHub code scanning and other static-analysis dashboards read."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence
from urllib.parse import quote

from newslint import __version__, hookimpl
from newslint.engine import FileResult
from newslint.reporters import Reporter, Summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A URI reference for the file: relative to the working folder when it is inside it, else file://."""
    candidate = Path(path)
    try:
        candidate = candidate.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        if candidate.is_absolute():
            return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")


def sarif_dict(results: Sequence[FileResult]) -> dict:
    rules: dict[str, dict] = {}
    sarif_results = []
    for result in results:
        for f in result.findings:
            if f.rule not in rules:
                rules[f.rule] = {"id": f.rule, "name": f.name, "shortDescription": {"text": f.name.replace("-", " ")},
                                 "properties": {"category": f.category}}
            entry = {
                "ruleId": f.rule,
                "ruleIndex": list(rules).index(f.rule),
                "level": _LEVEL[str(f.severity)],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": max(f.end_column, 1)},
                }}],
            }
            if f.suggestions:
                entry["properties"] = {"suggestions": list(f.suggestions)}
            sarif_results.append(entry)
    notifications = [{"level": "error", "message": {"text": r.error_text()},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
                     for r in results if r.failed]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "newslint", "version": __version__, "rules": list(rules.values())}},
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }],
    }


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 for GitHub code scanning"

    def report(self, results: Sequence[FileResult], summary: Summary) -> None:
        json.dump(sarif_dict(results), self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


@hookimpl
def newslint_reporters() -> list[type[Reporter]]:
    return [SarifReporter]
