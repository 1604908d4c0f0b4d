"""Vale's ``action`` key: the fixes a rule offers (``replace``, ``remove``, ``edit``), as suggestions."""
from __future__ import annotations

import re
from typing import Any

import regex

from newslint.packs.spec import Action, PackError

SUPPORTED = ("replace", "remove", "edit")
EDITS = {"regex": 3, "trim_right": 2, "trim_left": 2, "trim": 2, "truncate": 2, "split": 3}
_GO_REF = re.compile(r"\$(\$|\{(\w+)\}|(\d+|[A-Za-z_]\w*))")


def parse_action(value: Any) -> tuple[Action | None, str | None]:
    """Read ``action:``; return the action and, when newslint cannot apply it, why (for the warning)."""
    if value is None:
        return None, None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        raise PackError(f"action must be a mapping with a name, not {value!r}")
    params = value.get("params") or []
    if not isinstance(params, list):
        raise PackError("action.params must be a list")
    action = Action(value["name"], tuple(str(p) for p in params))
    if action.name not in SUPPORTED:
        return None, f"action '{action.name}' (newslint offers no suggestion for it)"
    if action.name == "edit":
        op = action.params[0] if action.params else ""
        if op not in EDITS:
            return None, f"action 'edit' with '{op}'"
        if len(action.params) != EDITS[op]:
            raise PackError(f"action edit {op} takes {EDITS[op] - 1} parameter(s)")
        if op == "regex":
            try:
                regex.compile(action.params[1])
            except regex.error as exc:
                raise PackError(f"action edit regex: not a valid regular expression ({exc})") from None
        if op == "split" and not action.params[2].lstrip("-").isdigit():
            raise PackError("action edit split: the index must be a number")
    return action, None


def suggestions(action: Action | None, matched: str) -> tuple[str, ...]:
    """The replacements ``action`` proposes for ``matched`` text ("" means delete it)."""
    if action is None:
        return ()
    if action.name == "replace":
        return tuple(action.params)
    if action.name == "remove":
        return ("",)
    op, args = action.params[0], action.params[1:]
    text = matched
    if op == "regex":
        text = regex.sub(args[0], _python_template(args[1]), text)
    elif op == "trim_right":
        text = text.rstrip(args[0])
    elif op == "trim_left":
        text = text.lstrip(args[0])
    elif op == "trim":
        text = text.strip(args[0])
    elif op == "truncate":
        text = text.split(args[0])[0]
    elif op == "split":
        parts = text.split(args[0])
        index = int(args[1])
        if not -len(parts) <= index < len(parts):
            return ()
        text = parts[index]
    return (text.strip(),)


def _python_template(template: str) -> str:
    """Go's replacement syntax (``$1``, ``${name}``, ``$$``) in Python's (``\\g<1>``)."""
    template = template.replace("\\", "\\\\")
    return _GO_REF.sub(lambda m: "$" if m.group(1) == "$" else rf"\g<{m.group(2) or m.group(3)}>", template)


def to_sentence(words: tuple[str, ...] | list[str], joiner: str = "or") -> str:
    """``'a'``, ``'a' or 'b'``, ``'a', 'b' or 'c'``: how Vale lists several suggestions in a message."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) <= 1:
        return quoted[0] if quoted else "''"
    return ", ".join(quoted[:-1]) + f" {joiner} " + quoted[-1]
