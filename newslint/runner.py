"""Check many files: in parallel worker processes, with a progress bar and a watchdog per file."""
from __future__ import annotations

import multiprocessing
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Sequence

from newslint.engine import FileResult, Linter, Overrides, cpu_count

#: below this many files, worker start-up (each loads the NLP model) costs more than it saves
PARALLEL_THRESHOLD = 8
#: a file whose check takes longer than this many times the per-rule limit is abandoned
WATCHDOG_FACTOR = 4

_worker_linter: Linter | None = None
_worker_cache = None


def _init_worker(overrides: Overrides, cache_dir: Path | None) -> None:
    global _worker_linter, _worker_cache
    _worker_linter = Linter(overrides)
    if cache_dir is not None:
        from newslint.cache import ResultCache
        _worker_cache = ResultCache(cache_dir)


def _check_in_worker(path: Path) -> FileResult:
    assert _worker_linter is not None
    return _worker_linter.check_file(path, _worker_cache)


def check_files(linter: Linter, files: Sequence[Path], *, jobs: int = 0, cache_dir: Path | None = None,
                progress: bool = False, file_timeout: float = 240.0) -> list[FileResult]:
    """Results in the order of ``files``, whatever order the workers finish in."""
    jobs = jobs or cpu_count()
    with _progress(progress, len(files)) as advance:
        if jobs <= 1 or len(files) < PARALLEL_THRESHOLD:
            cache = None
            if cache_dir is not None:
                from newslint.cache import ResultCache
                cache = ResultCache(cache_dir)
            results = []
            for path in files:
                results.append(linter.check_file(path, cache))
                advance()
            return results
        return _parallel(linter.overrides, files, jobs, cache_dir, advance, file_timeout)


def _parallel(overrides: Overrides, files: Sequence[Path], jobs: int, cache_dir: Path | None,
              advance: Callable[[], None], file_timeout: float) -> list[FileResult]:
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    results: dict[int, FileResult] = {}
    pending = list(range(len(files)))
    while pending:
        pool = context.Pool(min(jobs, len(pending)), _init_worker, (overrides, cache_dir))
        try:
            handles = [(i, pool.apply_async(_check_in_worker, (files[i],))) for i in pending]
            pending = []
            for n, (i, handle) in enumerate(handles):
                try:
                    results[i] = handle.get(timeout=file_timeout)
                except multiprocessing.TimeoutError:
                    results[i] = FileResult(str(files[i]), error=f"check stopped after {file_timeout:g} s "
                                                                 f"(raise `timeout` in config for very long drafts)")
                    pending = [j for j, h in handles[n + 1:] if not _collect(h, j, results)]
                    advance()
                    break
                except Exception as exc:  # a worker that died
                    results[i] = FileResult(str(files[i]), error=f"internal error: {type(exc).__name__}: {exc}")
                advance()
        finally:
            pool.terminate()
            pool.join()
    return [results[i] for i in range(len(files))]


def _collect(handle, index: int, results: dict[int, FileResult]) -> bool:
    """Keep a result that finished before the pool had to be stopped."""
    if handle.ready():
        try:
            results[index] = handle.get(timeout=0)
            return True
        except Exception:
            return False
    return False


def _progress(enabled: bool, total: int):
    """A rich progress bar on stderr for long batches; yields a function that advances it."""
    if not enabled or total < 2:
        return nullcontext(lambda: None)
    return _RichProgress(total)


class _RichProgress:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        self.progress = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("check", total=total)

    def __enter__(self):
        self.progress.start()
        return lambda: self.progress.advance(self.task)

    def __exit__(self, *exc) -> None:
        self.progress.stop()
