"""The plugin manager: built-in plugins, installed entry points and local plugin files."""
from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Iterable

import pluggy

from newslint import hookspecs
from newslint.rule import Rule

ENTRY_POINT_GROUP = "newslint"
#: the built-in plugin modules; newslint's own entry points declare the same list
BUILTIN_PLUGINS = (
    "newslint.formats.markdown",
    "newslint.formats.text",
    "newslint.formats.html",
    "newslint.reporters.rich_report",
    "newslint.reporters.concise",
    "newslint.reporters.json_report",
    "newslint.reporters.sarif",
    "newslint.reporters.github",
    "newslint.checks.hygiene",
    "newslint.checks.names",
    "newslint.checks.quotes",
    "newslint.checks.attribution",
    "newslint.checks.time",
    "newslint.checks.readability",
    "newslint.checks.grammar",
    "newslint.packs.kinds",
)


class PluginError(Exception):
    """A plugin could not be loaded or contributed something invalid."""


@dataclass
class Registry:
    """Everything the plugins contribute, indexed for the engine."""

    manager: pluggy.PluginManager
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    formats: list = field(default_factory=list)
    reporters: dict[str, type] = field(default_factory=dict)
    pack_kinds: dict[str, type] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def rule_by_name(self) -> dict[str, type[Rule]]:
        return {cls.name: cls for cls in self.rules.values()}

    def format_for(self, path: str, forced: str | None = None):
        if forced:
            for fmt in self.formats:
                if fmt.name == forced:
                    return fmt
            raise PluginError(f"unknown format {forced!r}")
        suffix = Path(path).suffix.lower()
        for fmt in self.formats:
            if suffix in fmt.suffixes:
                return fmt
        return None


def make_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    return pm


def _register_entry_points(pm: pluggy.PluginManager, errors: list[str]) -> None:
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.value not in BUILTIN_PLUGINS, e.name)):
        if pm.has_plugin(ep.value) or pm.has_plugin(ep.name):
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken third-party plugin must not stop the run
            errors.append(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}")
            continue
        if pm.is_registered(plugin):
            continue
        pm.register(plugin, name=ep.value)


def _register_file(pm: pluggy.PluginManager, path: Path, errors: list[str]) -> None:
    name = f"newslint_local_{abs(hash(str(path.resolve())))}"
    if pm.has_plugin(name):
        return
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError("not a Python file")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except Exception as exc:
        errors.append(f"{path}: plugin failed to load: {type(exc).__name__}: {exc}")
        return
    pm.register(module, name=name)


def build_registry(plugin_files: Iterable[Path] = (), extra_plugins: Iterable[object] = ()) -> Registry:
    """Register built-ins, entry points, then local files and objects; collect what they contribute."""
    return _build(tuple(Path(p) for p in plugin_files), tuple(extra_plugins))


@lru_cache(maxsize=16)
def _build(plugin_files: tuple[Path, ...], extra_plugins: tuple[object, ...]) -> Registry:
    pm = make_manager()
    errors: list[str] = []
    _register_entry_points(pm, errors)
    failed = " ".join(errors)
    for module_name in BUILTIN_PLUGINS:  # when run from a source tree without installed metadata
        if pm.has_plugin(module_name) or f"({module_name})" in failed:
            continue
        try:
            pm.register(importlib.import_module(module_name), name=module_name)
        except Exception as exc:  # report it like any broken plugin; the other rules still run
            errors.append(f"plugin {module_name} failed to load: {type(exc).__name__}: {exc}")
    for path in plugin_files:
        _register_file(pm, path, errors)
    for plugin in extra_plugins:
        if not pm.is_registered(plugin):
            pm.register(plugin)
    registry = Registry(manager=pm, errors=errors)
    _collect(registry)
    return registry


def _collect(registry: Registry) -> None:
    hook = registry.manager.hook
    for contributed in reversed(hook.newslint_rules()):  # pluggy calls last-registered first
        for cls in contributed or ():
            try:
                cls.validate_metadata()
            except (TypeError, AttributeError) as exc:
                registry.errors.append(f"invalid rule {cls!r}: {exc}")
                continue
            other = registry.rules.get(cls.id)
            if other is not None and other is not cls:
                registry.errors.append(f"rule id {cls.id} is claimed twice ({other.__module__}, {cls.__module__})")
                continue
            registry.rules[cls.id] = cls
    for contributed in reversed(hook.newslint_formats()):
        registry.formats.extend(contributed or ())
    for contributed in reversed(hook.newslint_reporters()):
        for reporter in contributed or ():
            registry.reporters.setdefault(reporter.name, reporter)
    for contributed in reversed(hook.newslint_pack_kinds()):
        for kind in contributed or ():
            registry.pack_kinds.setdefault(kind.kind, kind)
    registry.rules = dict(sorted(registry.rules.items()))
