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


def rows_from_argv(argv: list[str], default: Path) -> list[dict[str, str]] | None:
    """The rows of the TSV named on the command line (or ``default``); None, with a note, when it is absent."""
    paths = [a for a in argv if not a.startswith("-")]
    path = Path(paths[0]) if paths else default
    if not path.exists():
        print(f"{path} not found: nothing to measure")
        return None
    return read_rows(path)
