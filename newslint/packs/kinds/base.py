"""The interface of a pack kind: a class named by ``extends:`` that turns a rule file into findings.

A kind is built once per rule file (``__init__`` reads and checks its keys,
raising :class:`~newslint.packs.spec.PackError` for a definition it cannot
use) and then asked for :class:`Hit` s in the chunks of each document's text
that the rule's scope selects. Everything else (scopes, quote filters,
messages, severities, suggestions from ``action``) is done around it, so a
third-party kind implements only what is particular to it::

    class Lowercase(PackKind):
        kind = "lowercase"
        keys = frozenset({"words"})
        summary = "Flags listed words written in capitals."

        def check(self, text, chunks):
            ...
            yield Hit(start, end, (matched,))

    @newslint.hookimpl
    def newslint_pack_kinds():
        return [Lowercase]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Iterable, Sequence

from newslint.packs.scopes import Chunk
from newslint.packs.spec import PackError, RuleSpec


@dataclass(frozen=True)
class Hit:
    """One finding of a kind: a span of the text it was given and the values for the message's ``%s``.

    ``suggestions`` of None lets the rule's ``action`` propose replacements;
    a tuple (even empty) is final. ``fixable`` marks a single suggestion as
    safe to apply automatically. ``message`` replaces the rule's message
    template for this hit.
    """

    start: int
    end: int
    args: tuple[str, ...] = ()
    suggestions: tuple[str, ...] | None = None
    fixable: bool = False
    message: str | None = None


@dataclass(frozen=True)
class PackContext:
    """What every rule of a run shares: the accepted terms of the vocabularies."""

    accepted: tuple[str, ...] = ()


class PackKind:
    """Base class of every pack kind, built-in or third-party."""

    #: the value of ``extends:`` this kind implements
    kind: ClassVar[str] = ""
    #: the keys of its own it reads (besides extends, message, level, link, description, scope, action, limit)
    keys: ClassVar[frozenset[str]] = frozenset()
    #: keys it accepts but cannot honour: loaded with a warning that names them
    ignored_keys: ClassVar[frozenset[str]] = frozenset()
    #: one sentence for the rule's documentation
    summary: ClassVar[str] = ""

    def __init__(self, spec: RuleSpec, context: PackContext) -> None:
        self.spec = spec
        self.context = context

    def check(self, text: str, chunks: Sequence[Chunk]) -> Iterable[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- typed access to the rule's keys -------------------------------------------------------------------
    def flag(self, key: str, default: bool = False) -> bool:
        value = self.spec.get(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no"):
            return value.lower() in ("true", "yes")
        if value is None:
            return default
        raise PackError(f"{key}: expected true or false, got {value!r}")

    def number(self, key: str, default: float = 0) -> float:
        value = self.spec.get(key, default)
        if value is None:
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise PackError(f"{key}: expected a number, got {value!r}") from None

    def integer(self, key: str, default: int = 0) -> int:
        number = self.number(key, default)
        if number != int(number):
            raise PackError(f"{key}: expected a whole number, got {number!r}")
        return int(number)

    def string(self, key: str, default: str = "", *, required: bool = False) -> str:
        value = self.spec.get(key)
        if value is None:
            if required:
                raise PackError(f"missing the required key '{key}'")
            return default
        if isinstance(value, (dict, list)):
            raise PackError(f"{key}: expected a string, got {type(value).__name__}")
        return str(value)

    def strings(self, key: str) -> list[str]:
        value = self.spec.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
            raise PackError(f"{key}: expected a list of strings")
        return [str(v) for v in value if v is not None]

    def mapping(self, key: str, *, required: bool = False) -> dict[str, str]:
        value = self.spec.get(key)
        if value is None:
            if required:
                raise PackError(f"missing the required key '{key}'")
            return {}
        if isinstance(value, list):  # a list of one-pair mappings, as some styles write swap
            merged: dict[str, Any] = {}
            for item in value:
                if not isinstance(item, dict):
                    raise PackError(f"{key}: expected a mapping")
                merged.update(item)
            value = merged
        if not isinstance(value, dict):
            raise PackError(f"{key}: expected a mapping")
        return {str(k): "" if v is None else str(v) for k, v in value.items()}

    def exception_terms(self, vocab_default: bool = True) -> list[str]:
        """The rule's ``exceptions`` plus, when ``vocab`` is on, the accepted vocabulary."""
        terms = self.strings("exceptions")
        if self.flag("vocab", vocab_default):
            terms += list(self.context.accepted)
        return terms
