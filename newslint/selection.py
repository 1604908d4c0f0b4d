"""Rule selectors: an id (NL201), a name (unbalanced-quotes), a prefix (NL2, AP) or ALL."""
from __future__ import annotations

import re
from typing import Iterable

_NL_PREFIX = re.compile(r"^NL\d{0,3}$")


def matches(selector: str, rule_id: str, rule_name: str) -> bool:
    sel = selector.strip()
    if sel in ("ALL", rule_id, rule_name):
        return True
    if _NL_PREFIX.match(sel):
        return rule_id.startswith(sel)
    return rule_id.startswith(sel + ".")


def matches_any(selectors: Iterable[str], rule_id: str, rule_name: str) -> bool:
    return any(matches(s, rule_id, rule_name) for s in selectors)


def is_known(selector: str, rules: Iterable[tuple[str, str]]) -> bool:
    return any(matches(selector, rid, name) for rid, name in rules)
