"""In-draft suppression comments: ``<!-- newslint: disable ID -->``, ``enable``, ``disable-next-line``.

The comments work in every format because they are read from the source
text itself: ``disable`` turns the listed rules (or all, when none are listed)
off from its line on, ``enable`` turns them back on, and
``disable-next-line`` silences the next line that has text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.document import LineIndex
from newslint.selection import matches_any

DIRECTIVE_RE = re.compile(r"<!--\s*newslint\s*:\s*(disable-next-line|disable|enable)\b([^>]*?)-->", re.I)


@dataclass(frozen=True)
class Suppression:
    """Rules (empty: all) silenced from ``first_line`` to ``last_line`` inclusive."""

    selectors: tuple[str, ...]
    first_line: int
    last_line: int

    def covers(self, rule_id: str, rule_name: str, line: int) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.selectors or matches_any(self.selectors, rule_id, rule_name)


def parse_suppressions(source: str, lines: LineIndex) -> tuple[Suppression, ...]:
    if "newslint" not in source.lower():  # directives are case-insensitive, like DIRECTIVE_RE
        return ()
    found: list[Suppression] = []
    open_ranges: dict[tuple[str, ...], int] = {}
    last_line = len(lines.starts)
    for match in DIRECTIVE_RE.finditer(source):
        verb = match.group(1).lower()
        selectors = tuple(s for s in re.split(r"[\s,]+", match.group(2).strip()) if s)
        line, _ = lines.position(match.start())
        end_line, _ = lines.position(match.end())
        if verb == "disable-next-line":
            target = end_line + 1
            while target <= last_line and not lines.line_text(target).strip():
                target += 1
            found.append(Suppression(selectors, target, target))
        elif verb == "disable":
            open_ranges.setdefault(selectors, line)
        else:  # enable: close the matching disables (all of them when no ids are named)
            for key in list(open_ranges):
                if not selectors or key == selectors or set(selectors) >= set(key):
                    found.append(Suppression(key, open_ranges.pop(key), line))
    for key, start in open_ranges.items():
        found.append(Suppression(key, start, last_line))
    return tuple(found)
