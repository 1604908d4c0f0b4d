"""The JSON reporter: the stable, versioned report other tools read (see README, "JSON report")."""
from __future__ import annotations

import json
from typing import Sequence

from newslint import hookimpl
from newslint.engine import FileResult
from newslint.reporters import Reporter, Summary

JSON_VERSION = 1


def report_dict(results: Sequence[FileResult], summary: Summary) -> dict:
    return {
        "version": JSON_VERSION,
        "files": [{"path": r.path, "findings": [f.to_json() for f in r.findings], "error": r.error_text(),
                   "words": r.words} for r in results],
        "summary": summary.to_json(),
    }


class JsonReporter(Reporter):
    name = "json"
    description = "machine-readable report, format version 1"

    def report(self, results: Sequence[FileResult], summary: Summary) -> None:
        json.dump(report_dict(results, summary), self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


@hookimpl
def newslint_reporters() -> list[type[Reporter]]:
    return [JsonReporter]
