"""The built-in pack kinds, registered through the ``newslint_pack_kinds`` hook like a plugin's."""
from __future__ import annotations

from newslint import hookimpl
from newslint.packs.kinds.base import Hit, PackContext, PackKind
from newslint.packs.kinds.capitalization import Capitalization
from newslint.packs.kinds.conditional import Conditional
from newslint.packs.kinds.consistency import Consistency
from newslint.packs.kinds.existence import Existence
from newslint.packs.kinds.occurrence import Occurrence
from newslint.packs.kinds.repetition import Repetition
from newslint.packs.kinds.substitution import Substitution

BUILTIN_KINDS = (Existence, Substitution, Consistency, Occurrence, Repetition, Capitalization, Conditional)

__all__ = ["BUILTIN_KINDS", "Hit", "PackContext", "PackKind", *(k.__name__ for k in BUILTIN_KINDS)]


@hookimpl
def newslint_pack_kinds() -> list:
    return list(BUILTIN_KINDS)
