"""Typed rule options: build a rule's frozen Options dataclass from config values, strictly."""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Mapping

from newslint.config import ConfigError


def option_key(field_name: str) -> str:
    """The config spelling of an option field (``max_words`` -> ``max-words``)."""
    return field_name.replace("_", "-")


def build_options(rule_cls: type, values: Mapping[str, Any], where: str) -> Any:
    """Instantiate ``rule_cls.Options`` from config values; unknown keys and wrong types are errors."""
    options_cls = rule_cls.Options
    fields = {option_key(f.name): f for f in dataclasses.fields(options_cls)}
    hints = typing.get_type_hints(options_cls)
    kwargs = {}
    for key, value in values.items():
        f = fields.get(key) or fields.get(option_key(key))
        if f is None:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(f"{where}: unknown option {key!r} for {rule_cls.id} {rule_cls.name} (options: {known})")
        try:
            kwargs[f.name] = coerce(value, hints[f.name])
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: {rule_cls.id} option {key!r}: {exc}") from None
    try:
        return options_cls(**kwargs)
    except (TypeError, ValueError) as exc:  # the Options class's own checks (__post_init__)
        keys = ", ".join(repr(option_key(k)) for k in kwargs) or "defaults"
        raise ConfigError(f"{where}: {rule_cls.id} option {keys}: {exc}") from None


def coerce(value: Any, hint: Any) -> Any:
    """Check ``value`` against a type hint, converting lists to tuples for frozen dataclasses."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        errors = []
        for arg in args:
            if arg is type(None) and value is None:
                return None
            try:
                return coerce(value, arg)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise TypeError(" or ".join(errors))
    if origin in (tuple, list, typing.Sequence, frozenset, set):
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        item = args[0] if args else Any
        items = [coerce(v, item) for v in value]
        return frozenset(items) if origin in (frozenset, set) else tuple(items)
    if origin in (dict, typing.Mapping):
        if not isinstance(value, dict):
            raise TypeError(f"expected a table, got {type(value).__name__}")
        key_t, val_t = args if args else (Any, Any)
        return types.MappingProxyType({coerce(k, key_t): coerce(v, val_t) for k, v in value.items()})
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"expected a number, got {value!r}")
        return float(value)
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"expected an integer, got {value!r}")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise TypeError(f"expected true or false, got {value!r}")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise TypeError(f"expected a string, got {value!r}")
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return hint(**{k.replace("-", "_"): v for k, v in value.items()})
    if isinstance(hint, type) and not isinstance(value, hint):
        raise TypeError(f"expected {hint.__name__}, got {value!r}")
    return value
