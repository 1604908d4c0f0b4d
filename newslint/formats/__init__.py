"""Format parsers: each turns one kind of source file into a prose Document."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from newslint.document import Document


@dataclass(frozen=True)
class Format:
    """A source format: its name, the file suffixes it claims, and its parser.

    ``parse(source, path)`` returns a :class:`~newslint.document.Document` or
    raises :class:`~newslint.document.DocumentError` with a one-line reason.
    """

    name: str
    suffixes: tuple[str, ...]
    parse: Callable[[str, str], Document]
