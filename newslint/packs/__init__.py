"""Rule packs: house style as data, in Vale's rule format (``packs = ["rules/AP"]`` in config).

``load_packs(paths, registry)`` turns pack folders into Rule classes (id
``<Pack>.<Rule>``, category ``style``); the kinds that read each rule file
come from the ``newslint_pack_kinds`` hook (built-ins in
:mod:`newslint.packs.kinds`).
"""
from __future__ import annotations

from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.loader import load_packs
from newslint.packs.packrule import PackRule
from newslint.packs.spec import PackError, RuleSpec

__all__ = ["Hit", "PackContext", "PackError", "PackKind", "PackRule", "RuleSpec", "load_packs"]
