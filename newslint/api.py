"""The public Python API for CMS integrations: check a draft held in memory."""
from __future__ import annotations

import datetime as dt

from newslint.config import Config
from newslint.engine import FileResult, Linter, Overrides, config_from, run_rules
from newslint.rule import Finding

_FORMAT_SUFFIX = {"markdown": "draft.md", "text": "draft.txt", "html": "draft.html"}


def check_text(text: str, *, date: dt.date | str | None = None, config: Config | dict | str | None = None,
               path: str = "<text>", fmt: str | None = None) -> list[Finding]:
    """Return the findings for ``text`` (see :func:`newslint.check_text`).

    Raises :class:`newslint.config.ConfigError` for a bad config and
    :class:`newslint.document.DocumentError` when the text cannot be parsed
    (e.g. broken front matter). A rule that crashes raises ``RuntimeError``
    with the internal error, since an API caller has no report to read it in.
    """
    result = check_text_result(text, date=date, config=config, path=path, fmt=fmt)
    return list(result.findings)


def check_text_result(text: str, *, date=None, config=None, path: str = "<text>", fmt: str | None = None) -> FileResult:
    """Like :func:`check_text` but return the whole FileResult (findings, errors, notices)."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    cfg = config_from(config) or Config()
    linter = Linter(Overrides(date=date, format=fmt), config=cfg)
    display = path if fmt or not path.startswith("<") else _FORMAT_SUFFIX["markdown"]
    ruleset = linter.ruleset(cfg)  # ConfigError
    text = text.removeprefix("\ufeff")  # a byte-order mark is not part of the draft (as when reading files)
    doc = linter.parse(text, display, cfg, ruleset.registry)  # DocumentError
    result = run_rules(doc, ruleset.for_path(display))
    if result.internal_errors:
        raise RuntimeError("; ".join(result.internal_errors))
    if display != path:
        result = FileResult(path, tuple(_with_path(f, path) for f in result.findings), None, (), result.notices,
                            result.words)
    return result


def _with_path(finding: Finding, path: str) -> Finding:
    from dataclasses import replace
    return replace(finding, path=path)
