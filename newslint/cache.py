"""A cache of file results keyed by file content, path, configuration and version.

It lives in a ``.newslint_cache`` folder beside the config file (or in the
working directory); ``--no-cache`` bypasses it. It never changes results: a
result is stored only when every rule ran to completion (no skipped rule, no
internal error), and the key covers everything a result depends on.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from newslint import __version__
from newslint.engine import FileResult
from newslint.rule import Finding, Fix, Severity

CACHE_DIR_NAME = ".newslint_cache"


def finding_to_dict(f: Finding) -> dict:
    data = f.to_json()
    data.update(path=f.path, source_start=f.source_start, source_end=f.source_end,
                fix=[f.fix.start, f.fix.end, f.fix.replacement] if f.fix else None)
    return data


def finding_from_dict(data: dict) -> Finding:
    fix = Fix(*data["fix"]) if data.get("fix") else None
    return Finding(data["path"], data["rule"], data["name"], data["category"], Severity.parse(data["severity"]),
                   data["line"], data["column"], data["end_line"], data["end_column"], data["message"],
                   tuple(data["suggestions"]), data["source_start"], data["source_end"], fix)


class ResultCache:
    """Stores FileResults as small JSON files under ``folder/<version>/``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / __version__

    @staticmethod
    def key(data: bytes, path: str, fingerprint: str) -> str:
        digest = hashlib.sha256()
        for part in (fingerprint.encode(), path.encode("utf-8", "surrogateescape"), data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileResult | None:
        try:
            data = json.loads(self._file(key).read_text(encoding="utf-8"))
            return FileResult(data["path"], tuple(finding_from_dict(f) for f in data["findings"]), None, (),
                              (), data.get("words", 0))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        if result.failed or result.notices:
            return
        target = self._file(key)
        payload = json.dumps({"path": result.path, "words": result.words,
                              "findings": [finding_to_dict(f) for f in result.findings]}, ensure_ascii=False)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only checkout still lints; it just is not cached


def fingerprint_files(paths) -> list[str]:
    """Digests of files (or every file under folders) that results depend on: plugins, packs, name lists."""
    out = []
    for path in paths:
        path = Path(path)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                out.append(f"{file}:{hashlib.sha256(file.read_bytes()).hexdigest()}")
            except OSError:
                out.append(f"{file}:missing")
    return out
