"""Find and load configuration (.newslint.toml or [tool.newslint] in pyproject.toml), strictly."""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from newslint.rule import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".newslint.toml", "newslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".newslint_cache",
                   "build", "dist", ".tox", ".nox", ".mypy_cache", ".pytest_cache", "*.egg-info")
DEFAULT_MAX_FILE_SIZE = 2_000_000  # bytes; --max-file-size raises it

#: top-level keys that are not rule tables, with the type each must have
CORE_KEYS: dict[str, type | tuple[type, ...]] = {
    "select": list, "ignore": list, "extend-select": list, "fail-level": str, "date": (str, dt.date),
    "reference-date": (str, dt.date), "include": list, "exclude": list, "extend-exclude": list,
    "plugins": list, "packs": list, "nlp-model": str, "encoding": str, "max-file-size": int,
    "severity": dict, "rules": dict, "per-file-ignores": dict, "cache": bool, "jobs": int, "timeout": (int, float),
    "format": str,
}
#: keys that any rule may take as an option of the same name (shared data such as house names or facts)
SHARED_OPTION_KEYS = ("names", "names-file", "facts", "facts-file", "quote-style")


class ConfigError(Exception):
    """A configuration file or value is wrong; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """A loaded configuration; values are already checked for type."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    shared_options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_level: Severity = Severity.ERROR
    date: dt.date | None = None
    reference_today: bool = False
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    plugins: tuple[Path, ...] = ()
    packs: tuple[Path, ...] = ()
    nlp_model: str | None = None
    encoding: str = "utf-8"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    cache: bool = True
    jobs: int = 0
    timeout: float = 60.0
    format: str | None = None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def reference_date(self) -> dt.date | None:
        """The configured publication date, if any (``reference-date = "today"`` means today)."""
        if self.date is not None:
            return self.date
        return dt.date.today() if self.reference_today else None


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject.toml counts only with [tool.newslint])."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            path = candidate / name
            if not path.is_file():
                continue
            if name != "pyproject.toml":
                return path
            try:
                if "newslint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}):
                    return path
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
    return None


def load_config(path: Path) -> Config:
    """Read and check one config file; raise ConfigError naming the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    return config_from_mapping(data, path)


def config_from_mapping(data: Mapping[str, Any], path: Path | None = None) -> Config:
    """Build a Config from the same keys as the TOML file (rule tables are checked later against rules)."""
    where = str(path) if path else "config"
    values: dict[str, Any] = {"path": path.resolve() if path else None}
    rule_tables: dict[str, dict[str, Any]] = {}
    shared: dict[str, Any] = {}
    root = path.resolve().parent if path else Path.cwd()

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: {key}: {problem}")

    for key, value in data.items():
        if key in SHARED_OPTION_KEYS:
            shared[key] = value
            continue
        expected = CORE_KEYS.get(key)
        if expected is None:
            if isinstance(value, dict):  # a rule table by id or name, e.g. [grammar] or [NL502]
                rule_tables[key] = dict(value)
                continue
            raise fail(key, "unknown key")
        if not isinstance(value, expected):
            raise fail(key, f"expected {_type_name(expected)}, got {type(value).__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise fail(key, "expected a list of strings")
        if key in ("select", "ignore", "extend-select", "include", "exclude", "extend-exclude"):
            values[key.replace("-", "_")] = tuple(value)
        elif key == "fail-level":
            values["fail_level"] = _severity(value, fail, key)
        elif key in ("date", "reference-date"):
            if value == "today":
                values["reference_today"] = True
            else:
                values["date"] = _date(value, fail, key)
        elif key in ("plugins", "packs"):
            values[key] = tuple((root / v).resolve() if not Path(v).is_absolute() else Path(v) for v in value)
        elif key == "severity":
            values["severity"] = MappingProxyType({k: _severity(v, fail, f"severity.{k}") for k, v in value.items()})
        elif key == "rules":
            for rule_key, table in value.items():
                if not isinstance(table, dict):
                    raise fail(f"rules.{rule_key}", "expected a table of options")
                rule_tables[rule_key] = dict(table)
        elif key == "per-file-ignores":
            pairs = []
            for glob, selectors in value.items():
                if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
                    raise fail(f"per-file-ignores.{glob}", "expected a list of rule ids or names")
                pairs.append((glob, tuple(selectors)))
            values["per_file_ignores"] = tuple(pairs)
        elif key == "max-file-size":
            if value <= 0:
                raise fail(key, "must be a positive number of bytes")
            values["max_file_size"] = value
        elif key == "jobs":
            if value < 0:
                raise fail(key, "must be 0 (all cores) or more")
            values["jobs"] = value
        elif key == "timeout":
            if value <= 0:
                raise fail(key, "must be a positive number of seconds")
            values["timeout"] = float(value)
        else:
            values[key.replace("-", "_")] = value
    if "extend_exclude" in values:
        values["exclude"] = tuple(values.get("exclude", DEFAULT_EXCLUDE)) + values.pop("extend_exclude")
    for key in ("names-file", "facts-file"):
        if key in shared:
            shared[key] = str((root / shared[key]).resolve())
    values["rule_options"] = MappingProxyType(rule_tables)
    values["shared_options"] = MappingProxyType(shared)
    return Config(**values)


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {list: "a list", str: "a string", dict: "a table", bool: "true or false", int: "an integer",
             float: "a number", dt.date: "a date"}
    if isinstance(expected, tuple):
        return " or ".join(names.get(t, t.__name__) for t in expected)
    return names.get(expected, expected.__name__)


def _severity(value: Any, fail, key: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise fail(key, str(exc)) from None


def _date(value: Any, fail, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise fail(key, f"expected a date YYYY-MM-DD or \"today\", got {value!r}") from None


def replace(config: Config, **changes: Any) -> Config:
    """A copy of ``config`` with command-line overrides applied."""
    from dataclasses import replace as _replace
    return _replace(config, **changes)
