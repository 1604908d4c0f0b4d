"""House name spellings: load the newsroom's canonical list and find near-misses of it in a draft."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from newslint.names_text import PARTICLES, fold, is_initial, spelling_variant
from newslint.names_variants import Occurrence, occurrences
from newslint.people import NameAnalysis


@dataclass(frozen=True)
class HouseName:
    """One canonical name, split into words; the last word is the surname."""

    text: str
    words: tuple[str, ...]

    @property
    def surname(self) -> str:
        return self.words[-1]

    @property
    def given(self) -> str | None:
        return self.words[0] if len(self.words) > 1 else None


@dataclass(frozen=True)
class HouseMiss:
    """A word of a name in the draft that is close to, but not, the house spelling."""

    start: int
    end: int
    written: str
    canonical: str
    house_name: str
    reason: str

    def message(self) -> str:
        detail = f" ({self.house_name})" if self.house_name != self.canonical else ""
        return f'"{self.written}" looks like the house spelling "{self.canonical}"{detail}'


@dataclass(frozen=True)
class HouseNames:
    names: tuple[HouseName, ...]
    exact: frozenset[str]

    @classmethod
    def build(cls, names: tuple[str, ...] | list[str]) -> "HouseNames":
        parsed = []
        seen = set()
        for text in names:
            text = " ".join(text.split())
            words = tuple(w for w in text.split() if not is_initial(w) and w.lower() not in PARTICLES)
            if words and text not in seen:
                seen.add(text)
                parsed.append(HouseName(text, words))
        exact = frozenset(w for name in parsed for w in name.words)
        return cls(tuple(parsed), exact)

    def near_misses(self, analysis: NameAnalysis) -> list[HouseMiss]:
        """Every occurrence of a name word that is a near-miss of a house spelling, in document order."""
        out = []
        for o in occurrences(analysis):
            if o.text in self.exact:
                continue
            miss = self._match(o)
            if miss is not None:
                out.append(miss)
        return out

    def _match(self, o: Occurrence) -> HouseMiss | None:
        given = surname = None
        if o.mention is not None and len(o.mention.key_tokens()) > 1:
            given_token, surname_token = o.mention.given(), o.mention.surname()
            if surname_token is not None and surname_token.start == o.start:
                given = given_token.text if given_token is not None else None
            elif surname_token is not None:
                surname = surname_token.text
        for name in self.names:
            for index, word in enumerate(name.words):
                reason = spelling_variant(o.text, word)
                if reason is None:
                    continue
                is_surname = index == len(name.words) - 1
                if is_surname and not _fits(given, name.given):
                    continue
                if not is_surname and (surname is None or not _fits(surname, name.surname, required=True)):
                    continue
                return HouseMiss(o.start, o.end, o.text, word, name.text, reason)
        return None


def _fits(written: str | None, canonical: str | None, *, required: bool = False) -> bool:
    """Whether the word written beside a near-miss agrees with the house name's (or is absent)."""
    if written is None or canonical is None:
        return not required
    if is_initial(written):
        return fold(written)[:1] == fold(canonical)[:1]
    return written == canonical or fold(written) == fold(canonical) or spelling_variant(written, canonical) is not None


def load_house_names(path: str) -> tuple[str, ...]:
    """The names in a names file: one a line, blank lines and ``#`` comments ignored."""
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError as exc:
        raise FileNotFoundError(f"names-file {path}: {exc.strerror or exc}") from None
    return _read_names(path, stamp)


@lru_cache(maxsize=16)
def _read_names(path: str, stamp: int) -> tuple[str, ...]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return tuple(line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip())


def front_matter_names(metadata: Mapping[str, Any]) -> tuple[str, ...]:
    """Canonical spellings a draft lists in its own front matter (``names: [...]``)."""
    value = metadata.get("names") if isinstance(metadata, Mapping) else None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if isinstance(v, str))
    return ()
