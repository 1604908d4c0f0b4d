"""The documentation of a pack rule (``newslint rule AP.Numerals``), in the sections every rule has."""
from __future__ import annotations

import re

from newslint.packs.kinds.base import PackKind
from newslint.packs.spec import RuleSpec

_PLACEHOLDER = re.compile(r"%[sdv]")


def render(spec: RuleSpec, kind: type[PackKind], shown_path: str) -> str:
    message = _PLACEHOLDER.sub("…", spec.message).replace("%%", "%").strip()
    parts = [
        message,
        "",
        "## What it does",
        f"{kind.summary} Pack rule `{spec.id}` from `{shown_path}` (kind `{spec.extends}`, "
        f"scope `{spec.scope.describe()}`, level `{spec.level}`).",
        "",
        "## Why is this bad?",
        (spec.description or message).strip(),
    ]
    if spec.link:
        parts += ["", f"See also: {spec.link}"]
    for title, texts in (("Example", spec.examples.bad), ("Use instead", spec.examples.good)):
        if texts:
            parts += ["", f"## {title}"]
            for text in texts:
                parts += ["```markdown", text.rstrip("\n"), "```"]
    return "\n".join(parts) + "\n"
