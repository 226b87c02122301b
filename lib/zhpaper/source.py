"""Reading a page file: bytes → text → lines, with honest decoding.

The only job of this module is to turn a file into lines of text whose numbering and
character offsets every later stage refers to (1-based lines, 0-based offsets).
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ZhpaperError

#: Largest input accepted, in bytes. A newspaper page is a few tens of kilobytes; the
#: limit keeps a mistaken path (a database dump, a video) from exhausting memory.
MAX_BYTES = 20 * 1024 * 1024

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Source:
    """The text of one page file, split into lines (line terminators removed)."""

    path: str
    sha256: str
    lines: tuple[str, ...]
    encoding: str

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line(self, number: int) -> str:
        """Line ``number`` (1-based)."""
        return self.lines[number - 1]


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode page bytes: UTF-8 (with or without BOM), else GB18030 with a warning.

    Returns ``(text, encoding)``. Raises :class:`ZhpaperError` for binary or
    undecodable input.
    """
    if not data.strip():
        raise ZhpaperError(f"{name}: the page is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ZhpaperError(f"{name}: invalid UTF-16 text ({exc.reason})") from None
    if b"\x00" in data:
        raise ZhpaperError(
            f"{name}: contains NUL bytes; this looks like a binary file or UTF-16 "
            "without a byte-order mark, not a UTF-8 Markdown page"
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ZhpaperError(
            f"{name}: not valid UTF-8 or GB18030 text; convert the page to UTF-8"
        ) from None
    print(f"zhpaper: warning: {name}: not UTF-8; decoded as GB18030", file=sys.stderr)
    return text, "gb18030"


def split_lines(text: str) -> tuple[str, ...]:
    """Split on any line ending (LF, CRLF or CR), dropping one trailing empty line."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def load(path: str | Path) -> Source:
    """Read a page file. Raises :class:`ZhpaperError` with a one-line reason."""
    p = Path(path)
    if not p.exists():
        raise ZhpaperError(f"{p}: no such file")
    if p.is_dir():
        raise ZhpaperError(f"{p}: is a directory, not a page file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise ZhpaperError(
            f"{p}: {size / 1e6:.1f} MB is larger than the {MAX_BYTES // (1024 * 1024)} MiB "
            "limit for one page; split the file into pages"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ZhpaperError(f"{p}: cannot read ({exc.strerror})") from None
    return from_bytes(data, str(p))


def from_bytes(data: bytes, name: str = "<string>") -> Source:
    """Build a :class:`Source` from bytes already in memory."""
    text, encoding = decode(data, name)
    if not text.strip():
        raise ZhpaperError(f"{name}: the page contains only whitespace")
    return Source(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=split_lines(text),
        encoding=encoding,
    )


def from_text(text: str, name: str = "<string>") -> Source:
    """Build a :class:`Source` from a Python string (UTF-8 is assumed for the hash)."""
    return from_bytes(text.encode("utf-8"), name)
