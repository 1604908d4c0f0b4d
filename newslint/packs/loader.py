"""Load rule packs: folders of Vale-format rule files, vocabularies, and examples, into Rule classes."""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from newslint.packs.actions import parse_action
from newslint.packs.docs import render
from newslint.packs.kinds.base import PackContext, PackKind
from newslint.packs.packrule import PackRule
from newslint.packs.scopes import parse_scope
from newslint.packs.spec import COMMON_KEYS, DEFAULT_LEVEL, LEVELS, Examples, PackError, RuleSpec, safe_identifier
from newslint.packs.vocab import Vocabulary, read_vocabulary, vocabulary_specs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RULE_SUFFIXES = (".yml", ".yaml")
EXAMPLES_FILE = "examples.toml"
VOCAB_FILES = ("accept.txt", "reject.txt")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser when libyaml is there
    """YAML as Vale reads it (1.2): only true/false are booleans, so ``on``, ``yes`` or ``no`` stay words."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


@dataclass(frozen=True)
class LoadResult:
    rules: tuple[type[PackRule], ...]
    warnings: tuple[str, ...]


def load_packs(paths: Iterable[Path | str], registry) -> tuple[list[type[PackRule]], list[str]]:
    """The rule classes of the packs (and vocabularies) at ``paths``, and a warning per problem.

    ``registry.pack_kinds`` maps each ``extends:`` value to its kind class.
    A rule that cannot load, a kind or key newslint does not support: each is
    one warning naming the file; nothing is skipped silently. Results are
    cached until a file under ``paths`` changes.
    """
    resolved = tuple(Path(p) for p in paths)
    kinds = tuple(sorted(getattr(registry, "pack_kinds", {}).items()))
    result = _load(resolved, _stamp(resolved), kinds)
    return list(result.rules), list(result.warnings)


def _stamp(paths: tuple[Path, ...]) -> tuple:
    stamps = []
    for path in paths:
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            stamps.append((str(file), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


@lru_cache(maxsize=32)
def _load(paths: tuple[Path, ...], _stamps: tuple, kinds: tuple[tuple[str, type[PackKind]], ...]) -> LoadResult:
    warnings: list[str] = []
    kind_map = dict(kinds)
    packs: list[tuple[str, list[Path], Path | None]] = []
    vocabularies: list[Vocabulary] = []
    for path in paths:
        if path.is_file() and path.suffix in RULE_SUFFIXES:
            packs.append((path.parent.name, [path], path.parent))
        elif path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file())
            if files:
                packs.append((path.name, files, path))
            elif any((path / name).is_file() for name in VOCAB_FILES):
                vocabularies.append(read_vocabulary(path))
            else:
                warnings.append(f"{shown(path)}: no rule files (*.yml) or vocabulary (accept.txt, reject.txt) here")
        else:
            warnings.append(f"{shown(path)}: pack not found")
    context = PackContext(accepted=tuple(t for v in vocabularies for t in v.accept))
    rules: dict[str, type[PackRule]] = {}
    for pack, files, folder in packs:
        examples = _examples(folder, {f.stem for f in files}, warnings) if folder else {}
        for file in files:
            try:
                data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - safe loader
            except (OSError, UnicodeDecodeError) as exc:
                warnings.append(f"{shown(file)}: cannot read rule file: {exc}; rule not loaded")
                continue
            except yaml.YAMLError as exc:
                where = getattr(exc, "problem_mark", None)
                line = f" (line {where.line + 1})" if where is not None else ""
                warnings.append(f"{shown(file)}: invalid YAML{line}: {getattr(exc, 'problem', exc)}; rule not loaded")
                continue
            _add(rules, warnings, build_rule(pack, file, data, kind_map, context, examples.get(file.stem)))
    for spec in vocabulary_specs(vocabularies):
        _add(rules, warnings, build_rule(spec.pack, spec.path, dict(spec.data), kind_map, context, None,
                                         stem=spec.stem))
    return LoadResult(tuple(rules[k] for k in sorted(rules)), tuple(warnings))


def _add(rules: dict, warnings: list[str], built: tuple[type[PackRule] | None, list[str]]) -> None:
    cls, notes = built
    warnings.extend(notes)
    if cls is None:
        return
    if cls.id in rules:
        warnings.append(f"{shown(cls.spec.path)}: rule id {cls.id} is already loaded from "
                        f"{shown(rules[cls.id].spec.path)}; this copy is not loaded")
        return
    rules[cls.id] = cls


def build_rule(pack: str, path: Path, data: Any, kinds: Mapping[str, type[PackKind]], context: PackContext,
               examples: Examples | None, *, stem: str | None = None) -> tuple[type[PackRule] | None, list[str]]:
    """One rule file -> a Rule class (or None) and the warnings about it (at most one per file)."""
    where = shown(path)
    try:
        spec, kind, ignored = _read(pack, stem or path.stem, path, data, kinds, examples)
        checker = kind(spec, context)
    except PackError as exc:
        return None, [f"{where}: {exc}; rule not loaded"]
    except Exception as exc:  # a third-party kind that crashes while reading its keys
        return None, [f"{where}: kind {data.get('extends')!r} failed: {type(exc).__name__}: {exc}; rule not loaded"]
    attrs = {
        "__doc__": render(spec, kind, where),
        "__module__": PackRule.__module__,
        "id": spec.id,
        "name": spec.name,
        "severity": spec.severity,
        "spec": spec,
        "checker": checker,
    }
    cls = type(re.sub(r"\W", "_", spec.id), (PackRule,), attrs)
    try:
        cls.validate_metadata()
    except TypeError as exc:
        return None, [f"{where}: {exc}; rule not loaded"]
    notes = [f"{where}: loaded {spec.id}, but newslint ignores {', '.join(ignored)}"] if ignored else []
    return cls, notes


def _read(pack: str, stem: str, path: Path, data: Any, kinds: Mapping[str, type[PackKind]],
          examples: Examples | None) -> tuple[RuleSpec, type[PackKind], list[str]]:
    if not isinstance(data, dict):
        raise PackError("a rule file must be a YAML mapping")
    extends = data.get("extends")
    if not isinstance(extends, str) or not extends:
        raise PackError("missing the required key 'extends'")
    kind = kinds.get(extends)
    if kind is None:
        supported = ", ".join(sorted(kinds)) or "none"
        raise PackError(f"kind '{extends}' is not supported (supported kinds: {supported})")
    if "message" not in data or data["message"] is None:
        raise PackError("missing the required key 'message'")
    level = str(data.get("level") or DEFAULT_LEVEL).strip().lower()
    if level not in LEVELS:
        raise PackError(f"level must be suggestion, warning or error, not {data.get('level')!r}")
    try:
        scope = parse_scope(data.get("scope"))
    except ValueError as exc:
        raise PackError(str(exc)) from None
    action, action_note = parse_action(data.get("action"))
    limit = data.get("limit", 0)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise PackError(f"limit must be a whole number, not {limit!r}")
    ignored = []
    for key, value in data.items():
        if key == "code":  # Vale's deprecated switch: false is the default, true asked for what scope raw does
            if value:
                ignored.append("key 'code' (use scope: raw)")
        elif key in kind.ignored_keys or (key not in COMMON_KEYS and key not in kind.keys):
            ignored.append(f"key '{key}'")
    if scope.unsupported:
        ignored.append("scope " + ", ".join(f"'{s}'" for s in scope.unsupported)
                       + (" (the rule reads nothing else, so it never fires)" if not scope.include and not scope.exclude else ""))
    if action_note:
        ignored.append(action_note)
    spec = RuleSpec(pack=safe_identifier(pack), stem=re.sub(r"[^\w-]", "_", stem), path=path, extends=extends,
                    message=str(data["message"]), level=level, scope=scope, data=dict(data),
                    link=str(data.get("link") or ""), description=str(data.get("description") or ""),
                    action=action, limit=limit, examples=examples or Examples())
    return spec, kind, ignored


def _examples(folder: Path, stems: set[str], warnings: list[str]) -> dict[str, Examples]:
    """``examples.toml``: a table per rule file with ``bad`` (must fire) and ``good`` (must not) texts."""
    path = folder / EXAMPLES_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        warnings.append(f"{shown(path)}: cannot read examples: {exc}")
        return {}
    out: dict[str, Examples] = {}
    for stem, table in data.items():
        if stem not in stems:
            warnings.append(f"{shown(path)}: examples for {stem!r}, which is not a rule file of this pack")
            continue
        if not isinstance(table, dict) or set(table) - {"bad", "good"} or not all(
                isinstance(v, list) and all(isinstance(t, str) for t in v) for v in table.values()):
            warnings.append(f"{shown(path)}: [{stem}] must hold lists of strings named bad and good")
            continue
        out[stem] = Examples(tuple(table.get("bad", ())), tuple(table.get("good", ())))
    return out


def shown(path: Path) -> str:
    """A path as warnings show it: relative to the working folder when under it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else str(path)
    except (ValueError, OSError):
        return str(path)
