"""Safe autofix: choose non-overlapping fixes, apply them to the source until nothing changes, write atomically."""
from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from newslint.document import DocumentError
from newslint.reader import decode
from newslint.rule import Finding, Fix

#: passes of lint -> fix -> lint before giving up on reaching a fixed point
MAX_PASSES = 10

Lint = Callable[[str], Sequence[Finding]]


@dataclass(frozen=True)
class FixResult:
    """What fixing one text did: the fixed text, how many fixes were applied, and what is left."""

    original: str
    text: str
    applied: int
    skipped: int
    passes: int
    converged: bool
    remaining: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original


def _conflicts(first: Fix, second: Fix) -> bool:
    """Two fixes conflict when their spans overlap, or both touch the same point and one only inserts."""
    if second.start < first.end:
        return True
    return second.start == first.start and (first.start == first.end or second.start == second.end)


def choose_fixes(fixes: Iterable[Fix], text: str) -> tuple[list[Fix], int]:
    """Order fixes by position and keep each one that does not conflict with an earlier kept one.

    Returns (kept fixes, number skipped). Fixes that fall outside ``text`` or
    change nothing are dropped without counting as skipped; identical fixes
    proposed twice count once.
    """
    candidates = sorted({f for f in fixes
                         if 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] != f.replacement},
                        key=lambda f: (f.start, f.end, f.replacement))
    kept: list[Fix] = []
    skipped = 0
    for fix in candidates:
        if kept and _conflicts(kept[-1], fix):
            skipped += 1  # the later fix loses; the next pass may still apply it
            continue
        kept.append(fix)
    return kept, skipped


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """Apply non-overlapping fixes (as returned by :func:`choose_fixes`) to ``text``."""
    pieces: list[str] = []
    position = 0
    for fix in fixes:
        if fix.start < position:
            raise ValueError(f"overlapping fix at {fix.start}")
        pieces.append(text[position:fix.start])
        pieces.append(fix.replacement)
        position = fix.end
    pieces.append(text[position:])
    return "".join(pieces)


def fix_text(text: str, lint: Lint, *, max_passes: int = MAX_PASSES,
             first_findings: Sequence[Finding] | None = None) -> FixResult:
    """Lint, apply the safe fixes, and repeat until no fix changes the text (at most ``max_passes`` times).

    ``first_findings`` are findings already computed for ``text`` (saves one run).
    """
    current = text
    findings = list(first_findings) if first_findings is not None else list(lint(current))
    applied = skipped = passes = 0
    converged = False
    while True:
        kept, lost = choose_fixes((f.fix for f in findings if f.fix is not None), current)
        if not kept:
            converged = True
            break
        if passes == max_passes:
            break
        passes += 1
        current = apply_fixes(current, kept)
        applied += len(kept)
        skipped = lost  # conflicts of the last pass are the ones that may remain
        findings = list(lint(current))
    return FixResult(text, current, applied, skipped if not converged else 0, passes, converged, tuple(findings))


# -- files ---------------------------------------------------------------------------------------------------
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class RawDraft:
    """A draft's bytes decoded, with what is needed to write it back the same way (BOM, encoding)."""

    data: bytes
    text: str
    bom: bytes
    encoding: str

    @classmethod
    def read(cls, path: Path, encoding: str = "utf-8", max_size: int | None = None) -> "RawDraft":
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DocumentError(f"cannot read: {exc.strerror or exc}") from None
        text = decode(data, encoding, max_size=max_size)
        for bom, name in _BOMS:
            if data.startswith(bom):
                return cls(data, text, bom, name)
        return cls(data, text, b"", encoding)

    def encode(self, text: str) -> bytes:
        """The bytes of ``text`` in this draft's encoding, with its byte-order mark.

        Line endings need no care: fixes replace spans of the source, so the
        untouched text keeps its CRLF or LF exactly as read.
        """
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise DocumentError(f"the fixed text cannot be written in {self.encoding} "
                                f"({exc.object[exc.start:exc.end]!r}); file left unchanged") from None


def write_atomic(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder, keeping its mode.

    With ``expected``, refuse (DocumentError) when the file no longer holds
    those bytes: someone edited it while it was being fixed.
    """
    target = Path(os.path.realpath(path))  # write through a symlink, do not replace it
    if expected is not None and target.read_bytes() != expected:
        raise DocumentError("the file changed while it was being fixed; left unchanged")
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fix, with ``a/`` and ``b/`` prefixes as git prints them."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# -- the command line: check --fix / --diff -----------------------------------------------------------------
@dataclass(frozen=True)
class FileFix:
    """The fix of one file: its diff, how many fixes went in, or why it was left unchanged."""

    path: str
    diff: str = ""
    applied: int = 0
    converged: bool = True
    error: str | None = None


def fix_file(result, linter, *, write: bool, encoding: str | None = None,
             max_size: int | None = None) -> tuple["object", FileFix]:
    """Fix one checked file; return its new FileResult (the findings that remain) and what was done."""
    from newslint.engine import FileResult

    path = Path(result.path)
    last: list[FileResult] = [result]

    def lint(text: str) -> Sequence[Finding]:
        checked = linter.check_source(text, result.path)
        if checked.failed:
            raise DocumentError(checked.error_text() or "check failed")
        last.append(checked)
        return checked.findings

    try:
        config = linter.config_for(path)
        draft = RawDraft.read(path, encoding or config.encoding, max_size or config.max_file_size)
        outcome = fix_text(draft.text, lint)
        if not outcome.changed:
            return last[-1], FileFix(result.path)
        diff = unified_diff(result.path, outcome.original, outcome.text)
        if write:
            write_atomic(path, draft.encode(outcome.text), expected=draft.data)
    except (DocumentError, OSError) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return (FileResult(result.path, result.findings, f"not fixed: {message}", result.internal_errors,
                           result.notices, result.words), FileFix(result.path, error=message))
    fixed = last[-1] if write else result
    if not outcome.converged:
        note = f"{result.path}: fixes did not settle after {MAX_PASSES} passes; check the result"
        fixed = FileResult(fixed.path, fixed.findings, fixed.error, fixed.internal_errors,
                           fixed.notices + (note,), fixed.words)
    return fixed, FileFix(result.path, diff, outcome.applied, outcome.converged)


def run_fixes(results: list, linter, args, sources: dict[str, str] | None = None) -> tuple[list, int]:
    """Fix (``--fix``) or preview (``--diff``) every checked file that has fixable findings.

    ``sources`` (path -> text, for the rich report) is updated for fixed files.
    Returns the results to report (remaining findings after ``--fix``) and,
    for ``--diff``, the exit code: 0 nothing to change, 1 some file would
    change, 2 a file could not be read, checked or fixed.
    """
    import sys

    write = bool(args.fix) and not args.diff
    out: list = []
    fixes: list[FileFix] = []
    for result in results:
        fixable = not result.failed and any(f.fix is not None for f in result.findings)
        if fixable and not Path(result.path).is_file():  # standard input: nothing to write back to
            fixable = False
            note = f"{result.path}: fixes are not applied to standard input"
            result = type(result)(result.path, result.findings, result.error, result.internal_errors,
                                  result.notices + (note,), result.words)
        if not fixable:
            out.append(result)
            continue
        fixed, done = fix_file(result, linter, write=write, encoding=args.encoding, max_size=args.max_file_size)
        out.append(fixed)
        fixes.append(done)
        if write and done.diff and sources is not None and result.path in sources:
            text = linter.read_source(Path(result.path))
            if text is not None:
                sources[result.path] = text
    applied = sum(f.applied for f in fixes)
    changed = [f for f in fixes if f.diff]
    if args.diff:
        text = "".join(f.diff for f in changed)
        if args.output:
            write_atomic_text(args.output, text)
        else:
            sys.stdout.write(text)
        for r in out:
            if r.failed:
                print(f"newslint: {r.path}: {r.error_text()}", file=sys.stderr)
        if not args.quiet:
            print(f"newslint: {applied} fix{'es' if applied != 1 else ''} would change {len(changed)} "
                  f"file{'s' if len(changed) != 1 else ''}", file=sys.stderr)
        code = 2 if any(r.failed for r in out) else (1 if changed else 0)
        return out, code
    if not args.quiet:
        print(f"newslint: fixed {applied} finding{'s' if applied != 1 else ''} in {len(changed)} "
              f"file{'s' if len(changed) != 1 else ''}", file=sys.stderr)
    return out, 0


def write_atomic_text(path: Path, text: str) -> None:
    """Write a report or diff (UTF-8) atomically, creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))


def fix_draft(text: str, *, date=None, config=None, path: str = "<text>", fmt: str | None = None) -> FixResult:
    """Apply every safe fix to a draft held in memory (the API twin of ``check --fix``).

    Takes the same arguments as :func:`newslint.check_text`; the result's
    ``text`` is the fixed draft and ``remaining`` the findings left in it.
    """
    from newslint.api import check_text_result
    return fix_text(text, lambda t: check_text_result(t, date=date, config=config, path=path, fmt=fmt).findings)
