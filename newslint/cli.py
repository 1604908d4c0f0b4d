"""Command-line interface: argument parsing, running the engine, and the exit code."""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from pathlib import Path
from typing import Sequence, TextIO

from newslint import __version__
from newslint.config import Config, ConfigError, find_config, load_config
from newslint.discovery import discover
from newslint.engine import FileResult, Linter, Overrides
from newslint.rule import Severity
from newslint.cache import CACHE_DIR_NAME
from newslint.runner import WATCHDOG_FACTOR, check_files

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input: exit code 2 with a one-line message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2 with one line, as argparse does, but through our handler
        raise UsageError(message)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def _selectors(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def _size(value: str) -> int:
    text = value.strip().upper().replace("B", "")
    factor = {"K": 1_000, "M": 1_000_000, "G": 1_000_000_000}.get(text[-1:], 1)
    try:
        number = float(text[:-1] if text[-1:] in "KMG" else text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size such as 5000000 or 5MB, got {value!r}") from None
    return int(number * factor)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="An editorial quality linter for news drafts.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check drafts (files, directories, or - for stdin)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", dest="output_format", default=None,
                       help="rich (default on a terminal), concise, json, sarif, github")
    check.add_argument("-o", "--output", type=Path, help="write the report to FILE")
    check.add_argument("--fail-level", choices=["error", "warning", "info"], help="exit 1 at this severity or above")
    check.add_argument("--date", type=_date, help="publication date YYYY-MM-DD (beats front matter and config)")
    check.add_argument("--config", type=Path, help="use this config file instead of searching for one")
    check.add_argument("--isolated", action="store_true", help="ignore all config files")
    check.add_argument("--select", type=_selectors, help="only these rules (ids, names, prefixes; comma-separated)")
    check.add_argument("--extend-select", type=_selectors, default=(), help="add these rules to the selection")
    check.add_argument("--ignore", type=_selectors, default=(), help="turn these rules off")
    check.add_argument("--stdin-filename", help="the name to report for - (also picks the format)")
    check.add_argument("--input-format", choices=["markdown", "text", "html"], help="parse every input as this format")
    check.add_argument("--encoding", help="text encoding of the drafts (default utf-8)")
    check.add_argument("--max-file-size", type=_size, help="refuse files larger than this (default 2MB)")
    check.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    check.add_argument("--no-cache", action="store_true", help="ignore and do not update the result cache")
    check.add_argument("--no-color", action="store_true", help="plain text even on a terminal")
    check.add_argument("-q", "--quiet", action="store_true", help="no notices on stderr")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the files, then report what remains")
    check.add_argument("--diff", action="store_true",
                       help="print the safe fixes as a unified diff instead of writing them (exit 1 if any)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--config", type=Path)
    rules.add_argument("--format", dest="output_format", choices=["rich", "concise", "json"], default=None)

    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("rule", metavar="ID|NAME")
    rule.add_argument("--config", type=Path)

    lsp = sub.add_parser("lsp", help="run the language server over stdin/stdout (needs the lsp extra)")
    lsp.add_argument("--stdio", action="store_true", help="accepted for editors that pass it; stdio is the default")

    stats = sub.add_parser("stats", help="readability numbers per draft (words, sentences, grade levels, reading time)")
    stats.add_argument("paths", nargs="+", metavar="PATH")
    stats.add_argument("--format", dest="output_format", choices=["rich", "json"], default="rich")
    stats.add_argument("--config", type=Path, help="use this config file instead of searching for one")
    stats.add_argument("--isolated", action="store_true", help="ignore all config files")
    stats.add_argument("--input-format", choices=["markdown", "text", "html"], help="parse every input as this format")
    stats.add_argument("--stdin-filename", help="the name to report for - (also picks the format)")
    stats.add_argument("--no-color", action="store_true", help="plain text even on a terminal")

    init = sub.add_parser("init", help="write a commented starter .newslint.toml")
    init.add_argument("path", nargs="?", default=".newslint.toml", type=Path)
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        handler = {"check": run_check, "rules": run_rules_list, "rule": run_rule_doc, "init": run_init,
                   "lsp": run_lsp, "stats": run_stats}
        return handler[args.command](args)
    except UsageError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ConfigError as exc:
        print(f"newslint: config error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newslint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


# -- check ------------------------------------------------------------------------------------------------
def _base_config(args) -> Config:
    if getattr(args, "isolated", False):
        return Config()
    if args.config is not None:
        return load_config(args.config)
    found = find_config(Path.cwd())
    return load_config(found) if found else Config()


def run_check(args) -> int:
    overrides = Overrides(config_path=args.config, select=args.select, extend_select=tuple(args.extend_select),
                          ignore=tuple(args.ignore), date=args.date,
                          fail_level=Severity.parse(args.fail_level) if args.fail_level else None,
                          format=args.input_format, encoding=args.encoding, max_file_size=args.max_file_size,
                          isolated=args.isolated)
    base = _base_config(args)
    linter = Linter(overrides, config=base if (args.config or args.isolated) else None)
    output_format = args.output_format or base.format or ("rich" if _is_terminal(args.output) else "concise")
    results: list[FileResult] = []
    sources: dict[str, str] = {}
    paths = list(args.paths)
    if "-" in paths:
        paths.remove("-")
        name = args.stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read()
        results.append(linter.check_source(data, name))
        sources[name] = data.decode(args.encoding or "utf-8", errors="replace")
    missing = [p for p in paths if not os.path.lexists(p)]
    for path in missing:
        results.append(FileResult(path, error="no such file or directory"))
    files = list(discover([p for p in paths if p not in missing], base.include, base.exclude))
    use_cache = not args.no_cache and base.cache and not os.environ.get("NEWSLINT_NO_CACHE")
    checked = check_files(linter, files, jobs=args.jobs if args.jobs is not None else base.jobs,
                          cache_dir=(base.root / CACHE_DIR_NAME) if use_cache else None,
                          progress=sys.stderr.isatty() and len(files) >= 10,
                          file_timeout=max(base.timeout * WATCHDOG_FACTOR, 30.0))
    for path, result in zip(files, checked):
        results.append(result)
        if output_format == "rich" and result.findings:
            # the rich report quotes source lines: read once more, decoded as the checks decoded it
            text = linter.read_source(path)
            if text is not None:
                sources[result.path] = text
    if args.fix or args.diff:
        from newslint.fixes import run_fixes
        results, diff_code = run_fixes(results, linter, args, sources)
        if args.diff:
            return diff_code
    fail_level = overrides.fail_level or base.fail_level
    return report(results, output_format, fail_level, args, sources, linter, base)


def _is_terminal(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty()


def exit_code(results: Sequence[FileResult], fail_level: Severity) -> int:
    if any(r.failed for r in results):
        return EXIT_ERROR
    if any(f.severity >= fail_level for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def report(results: list[FileResult], output_format: str, fail_level: Severity, args, sources, linter,
           config: Config) -> int:
    from newslint.reporters import Summary

    registry = linter.registry(config)
    reporter_cls = registry.reporters.get(output_format)
    if reporter_cls is None:
        raise UsageError(f"unknown --format {output_format!r} (choose from {', '.join(sorted(registry.reporters))})")
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[str(f.severity)] += 1
    notices = tuple(dict.fromkeys(n for r in results for n in r.notices))
    code = exit_code(results, fail_level)
    summary = Summary(len(results), sum(r.failed for r in results), counts, fail_level, code, notices)
    stream: TextIO = io.StringIO() if args.output else sys.stdout
    color = False if args.no_color or os.environ.get("NO_COLOR") else None
    reporter_cls(stream, color=color, sources=sources).report(results, summary)
    if args.output:
        _write_atomic(args.output, stream.getvalue())
    inline_errors = output_format in ("rich", "concise") and not args.output
    for r in results:
        if r.failed and not inline_errors:
            print(f"newslint: {r.path}: {r.error_text()}", file=sys.stderr)
    if not args.quiet:
        for message in dict.fromkeys(_load_warnings(linter, config) + list(notices)):
            print(f"newslint: note: {message}", file=sys.stderr)
    return code


def _load_warnings(linter: Linter, config: Config) -> list[str]:
    """Plugins and rule-pack rules, kinds or keys that could not load: shown once per run."""
    try:
        return list(linter.ruleset(config).warnings)
    except ConfigError:  # already reported for each file it affects
        return list(linter.registry(config).errors)


def _write_atomic(path: Path, text: str) -> None:
    import tempfile
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# -- rules, rule, init --------------------------------------------------------------------------------------
def run_rules_list(args) -> int:
    import json

    base = load_config(args.config) if args.config else _base_config(argparse.Namespace(config=None))
    linter = Linter(config=base)
    ruleset = linter.ruleset(base)
    enabled = {r.id for r in ruleset.rules}
    rows = []
    for rule_id, cls in _all_rule_classes(linter, base).items():
        severity = next((r.configured_severity for r in ruleset.rules if r.id == rule_id and r.configured_severity),
                        cls.severity)
        rows.append({"id": rule_id, "name": cls.name, "category": cls.category, "severity": str(severity),
                     "enabled": rule_id in enabled})
    fmt = args.output_format or ("rich" if sys.stdout.isatty() else "concise")
    if fmt == "json":
        print(json.dumps(rows, indent=2))
    elif fmt == "rich":
        from rich.console import Console
        from rich.table import Table
        table = Table("id", "name", "category", "severity", "enabled")
        for row in rows:
            table.add_row(row["id"], row["name"], row["category"], row["severity"], "yes" if row["enabled"] else "no")
        Console().print(table)
    else:
        for row in rows:
            print(f"{row['id']:<8} {row['name']:<32} {row['category']:<12} {row['severity']:<8} "
                  f"{'enabled' if row['enabled'] else 'disabled'}")
    return EXIT_OK


def _all_rule_classes(linter: Linter, config: Config) -> dict:
    classes = dict(linter.registry(config).rules)
    if config.packs:
        from newslint.packs import load_packs
        pack_rules, _ = load_packs(config.packs, linter.registry(config))
        classes.update({cls.id: cls for cls in pack_rules})
    return dict(sorted(classes.items()))


def run_rule_doc(args) -> int:
    base = load_config(args.config) if args.config else _base_config(argparse.Namespace(config=None))
    linter = Linter(config=base)
    wanted = args.rule.strip()
    for cls in _all_rule_classes(linter, base).values():
        if wanted in (cls.id, cls.name) or wanted.lower() == cls.name:
            print(f"{cls.id} {cls.name} ({cls.category}, default severity {cls.severity}"
                  f"{'' if cls.default_enabled else ', off by default'})\n")
            print(cls.documentation())
            fields = cls.option_fields()
            if fields and "## Options" not in cls.documentation():
                print("\n## Options")
                for f in fields:
                    print(f"- `{f.name.replace('_', '-')}` (default {f.default!r})")
            return EXIT_OK
    raise UsageError(f"unknown rule {wanted!r} (see `newslint rules`)")


STARTER_CONFIG = '''# newslint configuration (every key is described in the README, "Configuration").
# Every key is optional; unknown keys are errors, so typos are caught.

# Rules to run: ids (NL201), names (unbalanced-quotes) or prefixes (NL2, AP).
# Without `select`, every rule that is on by default runs.
# select = ["NL1", "NL2", "NL3", "NL4", "NL7"]
# ignore = ["NL704"]

# Exit with 1 when a finding at this severity or above is reported.
fail-level = "error"

# Publication date when a draft has none in its front matter;
# "today" opts into today's date.
# reference-date = "today"

# House style packs in Vale's rule format (folders of YAML rules); rule ids are <Pack>.<Rule>.
# packs = ["rules/AP", "rules/Newsroom"]

# Files to check when a directory is given.
# include = ["*.md", "*.txt", "*.html"]
# extend-exclude = ["archive"]

# Change a rule's severity: error, warning or info.
# [severity]
# NL704 = "warning"

# Turn rules off for some files.
# [per-file-ignores]
# "wires/*.md" = ["NL5"]

# House spellings of names (NL102 house-name-spelling).
# names = ["Ales Bialiatski", "Volodymyr Zelensky"]

# Rule options go in a table named after the rule.
# [long-sentence]
# max-words = 35
'''


def run_lsp(args) -> int:
    try:
        from newslint.lsp import serve
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        print("newslint: error: the language server needs pygls: pip install 'newslint[lsp]'", file=sys.stderr)
        return EXIT_ERROR
    return serve()


def run_init(args) -> int:
    path: Path = args.path
    if path.exists() and not args.force:
        raise UsageError(f"{path} exists; pass --force to overwrite it")
    _write_atomic(path, STARTER_CONFIG)
    print(f"wrote {path}")
    return EXIT_OK


def run_stats(args) -> int:
    from newslint.stats import run_stats as stats_command
    return stats_command(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
