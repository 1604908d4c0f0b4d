"""The engine: read -> parse -> select rules -> run -> suppress -> sort. One rule's crash stays one error."""
from __future__ import annotations

import datetime as dt
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from newslint.config import Config, ConfigError, config_from_mapping, find_config, load_config
from newslint.document import Document, DocumentError
from newslint.formats.frontmatter import publication_date
from newslint.options import build_options
from newslint.plugins import Registry, build_registry
from newslint.reader import decode, read_bytes
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
    fingerprint: str = ""

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
        return RuleSet(config, rules, registry, warnings, self._fingerprint(config, rules))

    def _fingerprint(self, config: Config, rules: list[Rule]) -> str:
        """Everything besides the file itself that a result depends on (for the result cache)."""
        import hashlib
        from importlib.metadata import entry_points

        from newslint import __version__
        from newslint.cache import fingerprint_files

        shared = config.shared_options
        files = list(config.plugins) + list(config.packs) + [shared[k] for k in ("names-file", "facts-file")
                                                             if k in shared]
        dists = sorted(f"{ep.dist.name if ep.dist else '?'}={ep.dist.version if ep.dist else '?'}:{ep.value}"
                       for ep in entry_points(group="newslint"))
        parts = [__version__, repr(self.overrides), repr(config.reference_date()), repr(config.per_file_ignores),
                 repr(config.nlp_model), repr(config.format), *dists, *fingerprint_files(files)]
        parts += [f"{r.id}|{r.configured_severity}|{r.options!r}" for r in rules]
        parts += _code_stamps(self.registry(config))
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    # -- checking --------------------------------------------------------------
    def check_file(self, path: Path, cache=None) -> FileResult:
        """Check one file; ``cache`` (a ResultCache) skips files whose result is known."""
        display = str(path)
        try:
            config = self.config_for(path)
            ruleset = self.ruleset(config)
        except ConfigError as exc:
            return FileResult(display, error=str(exc))
        encoding, max_size = self._reading(config)
        try:
            data = read_bytes(path, max_size=max_size)
            key = cache.key(data, display, ruleset.fingerprint + encoding) if cache is not None else None
            cached = cache.get(key) if key is not None else None
            if cached is not None:
                return cached
            source = decode(data, encoding, max_size=max_size)
        except DocumentError as exc:
            return FileResult(display, error=str(exc))
        result = self._check(source, display, config, ruleset)
        if key is not None:
            cache.put(key, result)
        return result

    def _reading(self, config: Config) -> tuple[str, int]:
        """The encoding and size limit a draft is read with: the command line's, else its config's."""
        return self.overrides.encoding or config.encoding, self.overrides.max_file_size or config.max_file_size

    def read_source(self, path: Path) -> str | None:
        """A draft's text as the checks read it, for reports that quote its lines; None when unreadable."""
        try:
            encoding, max_size = self._reading(self.config_for(path))
            return decode(read_bytes(path, max_size=max_size), encoding, max_size=max_size)
        except (ConfigError, DocumentError):
            return None

    def check_source(self, source: str | bytes, path: str = "<stdin>", config: Config | None = None) -> FileResult:
        try:
            config = config or self.config_for(Path(path) if not path.startswith("<") else None)
            ruleset = self.ruleset(config)
            if isinstance(source, bytes):
                encoding, max_size = self._reading(config)
                source = decode(source, encoding, max_size=max_size)
        except (ConfigError, DocumentError) as exc:
            return FileResult(path, error=str(exc))
        return self._check(source, path, config, ruleset)

    def parse(self, source: str, path: str, config: Config, registry: Registry) -> Document:
        fmt = registry.format_for(path, self.overrides.format)  # config `format` is the report format
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
        return run_rules(doc, ruleset.for_path(path), timeout=config.timeout)


def _code_stamps(registry: Registry) -> list[str]:
    """Size and modification time of newslint's own modules and of every plugin module, so edited code is
    never served stale results from the cache (an installed release is covered by its version as well)."""
    package = Path(__file__).parent
    files = [str(p) for p in package.rglob("*.py")]
    files += [p.__file__ for p in registry.manager.get_plugins() if getattr(p, "__file__", None)]
    stamps = []
    for path in sorted(set(files)):
        try:
            stat = os.stat(path)
            stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            pass
    return stamps


def _configured_severity(config: Config, cls: type[Rule]) -> Severity | None:
    chosen = None
    for key, severity in config.severity.items():  # most specific selector wins: id/name over prefix
        if key in (cls.id, cls.name):
            return severity
        if matches_any([key], cls.id, cls.name):
            chosen = severity
    return chosen


def run_rules(doc: Document, rules: Sequence[Rule], *, timeout: float | None = None) -> FileResult:
    """Run rules on one parsed document; a crashing rule becomes an internal error, the others still report.

    ``timeout`` bounds each rule's seconds on this document (where the platform
    allows: the main thread on Unix); a rule past it is stopped and reported.
    """
    findings: list[Finding] = []
    internal: list[str] = []
    notices: list[str] = []
    for rule in rules:
        try:
            with time_limit(timeout):
                violations = list(rule.check(doc))
        except RuleTimeout:
            internal.append(f"{rule.id} {rule.name} stopped after {timeout:g} s on this document "
                            f"(raise `timeout` in config if the draft is very long)")
            continue
        except RuleSkipped as skip:
            notices.append(f"{rule.id} {rule.name} skipped: {skip}")
            continue
        except Exception as exc:  # never a traceback that loses the other results
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


class RuleTimeout(Exception):
    """A rule ran past its time limit on one document."""


@contextmanager
def time_limit(seconds: float | None):
    """Raise RuleTimeout in the block after ``seconds`` (a no-op off the main thread or without SIGALRM)."""
    usable = (seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise RuleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
