"""Read a draft's bytes into text, refusing binary, undecodable and oversized input with one clear line."""
from __future__ import annotations

import codecs
from pathlib import Path

from newslint.document import DocumentError


def decode(data: bytes, encoding: str = "utf-8", *, max_size: int | None = None) -> str:
    """Decode a draft; raise DocumentError with a one-line reason when it is not usable text."""
    if max_size is not None and len(data) > max_size:
        raise DocumentError(f"file is {len(data):,} bytes, over the limit of {max_size:,} "
                            f"(raise it with --max-file-size or max-file-size in config)")
    if not data.strip():
        raise DocumentError("empty file: no text to check")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and encoding.lower().replace("-", "") == "utf8":
        encoding = "utf-16"
    elif b"\x00" in data[:8192]:
        raise DocumentError("binary file (contains NUL bytes), not a text draft")
    if encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig"):
        encoding = "utf-8-sig"  # a byte-order mark is not part of the draft
    try:
        return data.decode(encoding)
    except LookupError:
        raise DocumentError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DocumentError(f"not valid {exc.encoding} text (byte 0x{data[exc.start]:02x} at line {line}); "
                            f"pass --encoding if the draft uses another encoding") from None


def read_text(path: Path, encoding: str = "utf-8", *, max_size: int | None = None) -> str:
    return decode(read_bytes(path, max_size=max_size), encoding, max_size=max_size)


def read_bytes(path: Path, *, max_size: int | None = None) -> bytes:
    """A draft's bytes; DocumentError with a one-line reason when it cannot be read."""
    try:
        if max_size is not None and path.stat().st_size > max_size:
            raise DocumentError(f"file is {path.stat().st_size:,} bytes, over the limit of {max_size:,} "
                                f"(raise it with --max-file-size or max-file-size in config)")
        data = path.read_bytes()
    except IsADirectoryError:
        raise DocumentError("is a directory") from None
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except PermissionError:
        raise DocumentError("permission denied") from None
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror or exc}") from None
    return data
