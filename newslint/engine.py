"""The engine: read -> parse -> select rules -> run -> suppress -> sort. One rule's crash stays one error."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from newslint.config import Config, ConfigError, config_from_mapping, find_config, load_config
from newslint.document import Document, DocumentError
from newslint.formats.frontmatter import publication_date
from newslint.options import build_options
from newslint.plugins import Registry, build_registry
from newslint.reader import decode, read_text
from newslint.rule import Finding, Rule, Severity, Violation
from newslint.selection import is_known, matches_any
from newslint.suppress import parse_suppressions


class RuleSkipped(Exception):
    """Raised by a rule that cannot run on this document (no publication date, no server).

    The message is shown once per run as a notice, not as an error.
    """


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file: its findings, or why it could not be checked."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    internal_errors: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    words: int = 0

    @property
    def failed(self) -> bool:
        return self.error is not None or bool(self.internal_errors)

    def error_text(self) -> str | None:
        parts = ([self.error] if self.error else []) + list(self.internal_errors)
        return "; ".join(parts) if parts else None


@dataclass(frozen=True)
class Overrides:
    """Command-line settings that beat the config file."""

    config_path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    date: dt.date | None = None
    fail_level: Severity | None = None
    format: str | None = None
    encoding: str | None = None
    max_file_size: int | None = None
    isolated: bool = False


@dataclass
class RuleSet:
    """The rules one config enables, instantiated with their options."""

    config: Config
    rules: list[Rule]
    registry: Registry
    warnings: list[str] = field(default_factory=list)

    def for_path(self, path: str) -> list[Rule]:
        ignores = [sel for glob, sels in self.config.per_file_ignores if _glob_matches(path, glob, self.config)
                   for sel in sels]
        if not ignores:
            return self.rules
        return [r for r in self.rules if not matches_any(ignores, r.id, r.name)]


def _glob_matches(path: str, glob: str, config: Config) -> bool:
    import fnmatch
    candidate = Path(path)
    try:
        rel = candidate.resolve().relative_to(config.root).as_posix()
    except ValueError:
        rel = candidate.as_posix()
    return fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(candidate.name, glob)


class Linter:
    """Checks files and texts; holds the plugin registry and one RuleSet per config file."""

    def __init__(self, overrides: Overrides | None = None, *, config: Config | None = None,
                 extra_plugins: Iterable[object] = ()) -> None:
        self.overrides = overrides or Overrides()
        self.extra_plugins = tuple(extra_plugins)
        self._fixed_config = config
        self._configs: dict[Path, Config] = {}
        self._rulesets: dict[int, RuleSet] = {}
        if config is None and self.overrides.config_path is not None:
            self._fixed_config = load_config(self.overrides.config_path)

    # -- configuration ---------------------------------------------------------
    def config_for(self, path: Path | None) -> Config:
        if self._fixed_config is not None:
            return self._fixed_config
        if self.overrides.isolated:
            return self._fixed_config or Config()
        folder = (path.parent if path is not None else Path.cwd()).resolve()
        if folder not in self._configs:
            found = find_config(folder)
            self._configs[folder] = load_config(found) if found else Config()
        return self._configs[folder]

    def ruleset(self, config: Config) -> RuleSet:
        key = id(config)
        if key not in self._rulesets:
            self._rulesets[key] = self._build_ruleset(config)
        return self._rulesets[key]

    def registry(self, config: Config) -> Registry:
        return build_registry(config.plugins, self.extra_plugins)

    def _build_ruleset(self, config: Config) -> RuleSet:
        registry = self.registry(config)
        warnings = list(registry.errors)
        classes: dict[str, type[Rule]] = dict(registry.rules)
        if config.packs:
            from newslint.packs import load_packs
            pack_rules, pack_warnings = load_packs(config.packs, registry)
            warnings.extend(pack_warnings)
            for cls in pack_rules:
                classes.setdefault(cls.id, cls)
        where = str(config.path) if config.path else "config"
        known = [(cls.id, cls.name) for cls in classes.values()]
        select = self.overrides.select if self.overrides.select is not None else config.select
        extend = tuple(config.extend_select) + tuple(self.overrides.extend_select)
        ignore = tuple(config.ignore) + tuple(self.overrides.ignore)
        for label, selectors in (("select", select or ()), ("extend-select", extend), ("ignore", ignore)):
            for sel in selectors:
                if not is_known(sel, known):
                    raise ConfigError(f"{where}: {label}: unknown rule {sel!r} (see `newslint rules`)")
        for key in config.severity:
            if not is_known(key, known):
                raise ConfigError(f"{where}: severity: unknown rule {key!r}")
        tables = dict(config.rule_options)
        rules: list[Rule] = []
        for cls in classes.values():
            if select is not None:
                enabled = matches_any(select, cls.id, cls.name)
            else:
                enabled = cls.default_enabled
            enabled = (enabled or matches_any(extend, cls.id, cls.name)) and not matches_any(ignore, cls.id, cls.name)
            option_values = {}
            for key in (cls.name, cls.id):
                option_values.update(tables.pop(key, {}))
            shared = {k: v for k, v in config.shared_options.items()
                      if any(f.name == k.replace("-", "_") for f in cls.option_fields())}
            options = build_options(cls, {**shared, **option_values}, where)
            if enabled:
                rules.append(cls(options, severity=_configured_severity(config, cls)))
        if tables:
            key = sorted(tables)[0]
            raise ConfigError(f"{where}: unknown key or rule table {key!r}")
        return RuleSet(config, rules, registry, warnings)

    # -- checking --------------------------------------------------------------
    def check_file(self, path: Path) -> FileResult:
        display = str(path)
        try:
            config = self.config_for(path)
            ruleset = self.ruleset(config)
        except ConfigError as exc:
            return FileResult(display, error=str(exc))
        encoding = self.overrides.encoding or config.encoding
        max_size = self.overrides.max_file_size or config.max_file_size
        try:
            source = read_text(path, encoding, max_size=max_size)
        except DocumentError as exc:
            return FileResult(display, error=str(exc))
        return self._check(source, display, config, ruleset)

    def check_source(self, source: str | bytes, path: str = "<stdin>", config: Config | None = None) -> FileResult:
        try:
            config = config or self.config_for(Path(path) if not path.startswith("<") else None)
            ruleset = self.ruleset(config)
            if isinstance(source, bytes):
                source = decode(source, self.overrides.encoding or config.encoding,
                                max_size=self.overrides.max_file_size or config.max_file_size)
        except (ConfigError, DocumentError) as exc:
            return FileResult(path, error=str(exc))
        return self._check(source, path, config, ruleset)

    def parse(self, source: str, path: str, config: Config, registry: Registry) -> Document:
        fmt = registry.format_for(path, self.overrides.format or config.format)
        if fmt is None:
            fmt = registry.format_for("draft.txt")
        doc = fmt.parse(source, path)
        doc.date = self.overrides.date or publication_date(doc.metadata) or config.reference_date()
        doc.nlp_model = config.nlp_model
        return doc

    def _check(self, source: str, path: str, config: Config, ruleset: RuleSet) -> FileResult:
        try:
            doc = self.parse(source, path, config, ruleset.registry)
        except DocumentError as exc:
            return FileResult(path, error=str(exc))
        except Exception as exc:  # a format plugin that crashes
            return FileResult(path, error=f"internal error while parsing: {type(exc).__name__}: {exc}")
        return run_rules(doc, ruleset.for_path(path))


def _configured_severity(config: Config, cls: type[Rule]) -> Severity | None:
    chosen = None
    for key, severity in config.severity.items():  # most specific selector wins: id/name over prefix
        if key in (cls.id, cls.name):
            return severity
        if matches_any([key], cls.id, cls.name):
            chosen = severity
    return chosen


def run_rules(doc: Document, rules: Sequence[Rule]) -> FileResult:
    """Run rules on one parsed document; a crashing rule becomes an internal error, the others still report."""
    findings: list[Finding] = []
    internal: list[str] = []
    notices: list[str] = []
    for rule in rules:
        try:
            violations = list(rule.check(doc))
        except RuleSkipped as skip:
            notices.append(f"{rule.id} {rule.name} skipped: {skip}")
            continue
        except Exception as exc:  # the brief: never a traceback dump that loses other results
            internal.append(f"internal error in {rule.id} {rule.name}: {type(exc).__name__}: {exc}")
            continue
        for violation in violations:
            findings.append(_locate(doc, rule, violation))
    suppressions = parse_suppressions(doc.source, doc.lines)
    if suppressions:
        findings = [f for f in findings if not any(s.covers(f.rule, f.name, f.line) for s in suppressions)]
    findings = sorted(set(findings), key=Finding.sort_key)
    return FileResult(doc.path, tuple(findings), None, tuple(internal), tuple(dict.fromkeys(notices)),
                      words=len(doc.text.split()))


def _locate(doc: Document, rule: Rule, violation: Violation) -> Finding:
    start = max(0, min(violation.start, len(doc.text)))
    end = max(start, min(violation.end, len(doc.text)))
    src_start, src_end, line, col, end_line, end_col = doc.locate(start, end)
    severity = rule.configured_severity or violation.severity or rule.severity
    fix = violation.fix
    if fix is not None:  # fixes are applied to the source, so translate their span now
        fs, fe = doc.source_map.span_to_source(fix.start, fix.end)
        if doc.source[fs:fe] != doc.text[fix.start:fix.end]:
            fix = None  # the prose differs from the source here (markup inside): not safe to apply
        else:
            fix = type(fix)(fs, fe, fix.replacement)
    return Finding(doc.path, rule.id, rule.name, rule.category, severity, line, col, end_line, end_col,
                   violation.message, violation.suggestions, src_start, src_end, fix)


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def config_from(value) -> Config | None:
    """Accept a Config, a path to a config file, a mapping of config keys, or None."""
    if value is None or isinstance(value, Config):
        return value
    if isinstance(value, (str, Path)):
        return load_config(Path(value))
    return config_from_mapping(value)
