"""Front matter (YAML ``---`` or TOML ``+++``) and the publication date it may carry."""
from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Any

from newslint.document import DocumentBuilder, DocumentError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATE_KEYS = ("date", "published", "pubdate", "publish_date")
TITLE_KEYS = ("title", "headline", "subtitle", "dek")
_FENCES = {"---": "yaml", "+++": "toml"}


def split_front_matter(source: str) -> tuple[dict[str, Any], int]:
    """Return the front matter's data and the offset where the body starts (0 without front matter)."""
    text = source[1:] if source.startswith("\ufeff") else source
    skip = len(source) - len(text)
    first = text.split("\n", 1)[0].rstrip("\r ")
    kind = _FENCES.get(first)
    if kind is None:
        return {}, 0
    fence = re.compile(rf"^{re.escape(first)}[ \t]*\r?$", re.M)
    closing = fence.search(text, len(first) + 1)
    if closing is None:
        raise DocumentError(f"front matter opened with '{first}' on line 1 is never closed")
    raw = text[len(first) + 1:closing.start()]
    body = skip + closing.end() + (1 if text[closing.end():closing.end() + 1] == "\n" else 0)
    try:
        if kind == "yaml":
            import yaml
            data = yaml.safe_load(raw) if raw.strip() else {}
        else:
            data = tomllib.loads(raw.replace("\r\n", "\n"))
    except Exception as exc:  # yaml.YAMLError, tomllib.TOMLDecodeError
        raise DocumentError(f"broken {kind.upper()} front matter: {_reason(exc)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError(f"broken {kind.upper()} front matter: expected key/value pairs")
    return data, body


def _reason(exc: Exception) -> str:
    """The parser's complaint in one line, with the line number counted in the whole file."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if mark is not None and problem:
        return f"{problem} (line {mark.line + 2}, column {mark.column + 1})"
    text = " ".join(str(exc).split())
    found = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if found:  # tomllib counts from the line after the fence
        text = text.replace(found.group(0), f"(line {int(found.group(1)) + 1}, column {found.group(2)})")
    return text


def parse_date(value: Any) -> dt.date | None:
    """Read a publication date from a front-matter value (date, datetime or ISO text)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if match:
            try:
                return dt.date(*map(int, match.groups()))
            except ValueError:
                return None
    return None


def publication_date(metadata: dict[str, Any]) -> dt.date | None:
    for key in DATE_KEYS:
        if key in metadata:
            date = parse_date(metadata[key])
            if date is not None:
                return date
    return None


def blank_out(source: str, end: int) -> str:
    """Replace the front matter with spaces (newlines kept) so a parser sees the body at its real offsets."""
    head = "".join(ch if ch == "\n" else " " for ch in source[:end])
    return head + source[end:]


def add_title_blocks(builder: DocumentBuilder, source: str, metadata: dict[str, Any], end: int) -> None:
    """Add the headline and other display text from front matter as prose blocks, mapped to their lines."""
    for key in TITLE_KEYS:
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        line = re.search(rf"^{key}\s*[:=]\s*(.*)$", source[:end], re.M)
        builder.begin_block()
        where = source.find(value, line.start(1), line.end(1)) if line else -1
        if where >= 0:
            builder.add(value, where)
        elif line:
            builder.add_replaced(value, line.start(1), line.end(1))
        else:
            builder.add_replaced(value, 0, 0)
        builder.end_block("title")
