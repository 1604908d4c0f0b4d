"""Vale's message templates: ``%s`` (and ``%d``) take the rule's values in order."""
from __future__ import annotations

import re
from typing import Sequence

_SPEC = re.compile(r"%%|%[sdv]")


def format_message(template: str, values: Sequence[str]) -> str:
    """Fill each ``%s``/``%d``/``%v`` with the next value (the last one again if they run out)."""
    if "%" not in template:
        return template.strip()
    queue = list(values)
    last = queue[-1] if queue else ""

    def fill(match: re.Match) -> str:
        nonlocal last
        if match.group() == "%%":
            return "%"
        if queue:
            last = queue.pop(0)
        return last

    return _SPEC.sub(fill, template).strip()
