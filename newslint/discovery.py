"""Find the drafts to check: files given, directories walked with include/exclude globs."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable, Iterator


def _excluded(path: Path, root: Path, patterns: Iterable[str]) -> bool:
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
            return True
    return False


def _included(path: Path, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(path.as_posix(), p) for p in patterns)


def discover(paths: Iterable[str], include: Iterable[str], exclude: Iterable[str]) -> Iterator[Path]:
    """Yield files in a stable order; explicitly named files are always checked.

    Directories are walked without following symbolic links to directories, so
    a symlink loop cannot hang the run; hidden folders and the ``exclude``
    globs are skipped.
    """
    include, exclude = tuple(include), tuple(exclude)
    seen: set[str] = set()
    for given in paths:
        start = Path(given)
        if not start.is_dir():
            key = os.path.abspath(start)
            if key not in seen:
                seen.add(key)
                yield start
            continue
        for folder, dirs, files in os.walk(start, followlinks=False):
            base = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(base / d, start, exclude))
            for name in sorted(files):
                path = base / name
                if not _included(path, include) or _excluded(path, start, exclude):
                    continue
                key = os.path.abspath(path)
                if key not in seen:
                    seen.add(key)
                    yield path
