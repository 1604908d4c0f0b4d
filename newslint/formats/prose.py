"""Helpers shared by format parsers: copying prose into a builder while skipping URLs and comments."""
from __future__ import annotations

import re

from newslint.document import DocumentBuilder

URL_RE = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]’']", re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_SPACES = str.maketrans({"\n": " ", "\t": " ", "\r": " ", "\f": " ", "\v": " "})


def add_prose(builder: DocumentBuilder, text: str, source_start: int) -> None:
    """Copy ``text`` (verbatim from ``source_start``) into the builder, leaving URLs and e-mail addresses out.

    Line breaks become spaces one for one, so the offset map stays exact.
    """
    pos = 0
    for match in _skippable(text):
        builder.add(text[pos:match.start()].translate(_SPACES), source_start + pos)
        pos = match.end()
    builder.add(text[pos:].translate(_SPACES), source_start + pos)


def _skippable(text: str):
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    spans = sorted(list(URL_RE.finditer(text)) + list(EMAIL_RE.finditer(text)), key=lambda m: m.start())
    kept, last_end = [], -1
    for m in spans:
        if m.start() >= last_end:
            kept.append(m)
            last_end = m.end()
    return kept
