"""newslint: an editorial quality linter for news drafts."""
from __future__ import annotations

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("newslint")

from newslint.rule import Finding, Fix, Rule, Severity, Violation  # noqa: E402
from newslint.document import Block, Document  # noqa: E402


def check_text(text: str, *, date=None, config=None, path: str = "<text>", fmt: str | None = None):
    """Check a draft held in memory and return its findings, sorted.

    ``date`` is the publication date (``datetime.date`` or ``"YYYY-MM-DD"``);
    ``config`` is a :class:`newslint.config.Config`, a path to a config file,
    or a mapping with the same keys as ``.newslint.toml``. ``fmt`` picks the
    format (``markdown``, ``text``, ``html``); by default it follows the
    suffix of ``path`` and falls back to Markdown.
    """
    from newslint.api import check_text as _check_text
    return _check_text(text, date=date, config=config, path=path, fmt=fmt)


__all__ = ["Block", "Document", "Finding", "Fix", "Rule", "Severity", "Violation", "check_text", "hookimpl",
           "__version__"]
