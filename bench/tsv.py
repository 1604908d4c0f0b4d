"""Read the outside data sets' TSV files (header row, no CSV quoting, \\t \\n \\\\ escapes in fields)."""
from __future__ import annotations

import csv
from pathlib import Path


def unescape(field: str) -> str:
    return field.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")


def read_rows(path: Path) -> list[dict[str, str]]:
    """Every row as a dict of unescaped fields."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{key: unescape(value or "") for key, value in row.items()} for row in rows]
