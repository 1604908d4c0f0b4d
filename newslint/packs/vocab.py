"""Vale vocabularies: ``accept.txt`` terms become exceptions everywhere plus a spelling rule, ``reject.txt``
terms a rule of their own.

A vocabulary is a folder holding either file, one term (a word, a phrase or
a regular expression) per line; blank lines and lines starting with ``#``
are skipped. Listed in ``packs`` like a pack, it applies to every pack of
the config, as Vale applies a ``Vocab`` to every style:

- accepted terms are exceptions of every rule with ``vocab`` on (the default);
- ``Vale.Terms`` flags an accepted term written with other capitals;
- ``Vale.Avoid`` flags every rejected term.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping


@dataclass(frozen=True)
class Vocabulary:
    name: str
    path: Path
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


@dataclass(frozen=True)
class VocabularyRule:
    """The definition of a rule a vocabulary implies, in the form of a rule file."""

    pack: str
    stem: str
    path: Path
    data: Mapping[str, Any]


def _terms(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return tuple(dict.fromkeys(s for s in (line.strip() for line in lines) if s and not s.startswith("#")))


def read_vocabulary(folder: Path) -> Vocabulary:
    return Vocabulary(folder.name, folder, _terms(folder / "accept.txt"), _terms(folder / "reject.txt"))


def vocabulary_specs(vocabularies: list[Vocabulary]) -> list[VocabularyRule]:
    """The ``Vale.Terms`` and ``Vale.Avoid`` rules of all vocabularies together (none without terms)."""
    accept = tuple(dict.fromkeys(t for v in vocabularies for t in v.accept))
    reject = tuple(dict.fromkeys(t for v in vocabularies for t in v.reject))
    out = []
    if accept:
        where = next(v.path for v in vocabularies if v.accept) / "accept.txt"
        out.append(VocabularyRule("Vale", "Terms", where, {
            "extends": "substitution", "level": "error", "ignorecase": True, "vocab": False,
            "message": "Write '%s' the way the house vocabulary spells it, not '%s'.",
            "description": "The vocabulary's accept.txt lists how these terms are written here.",
            "swap": {term: term for term in accept},
        }))
    if reject:
        where = next(v.path for v in vocabularies if v.reject) / "reject.txt"
        out.append(VocabularyRule("Vale", "Avoid", where, {
            "extends": "existence", "level": "error", "ignorecase": False, "vocab": False,
            "message": "'%s' is on the house vocabulary's list of terms not to use.",
            "description": "The vocabulary's reject.txt lists terms this newsroom does not print.",
            "tokens": list(reject),
        }))
    return out
