"""Layout repair of raw text: remove spurious spaces, markup and line breaks.

Style choice (documented in the book): mainland newspapers set no space between Chinese
and Latin letters or digits, so a space is kept only *between two non-Chinese
characters* (``Hong Kong``, ``5G 1.0``). Every other run of whitespace inside a
paragraph is a trace of a printed line break and is removed. OCR corrections are not
made here: that is the audit's job, and it keeps the original.
"""

from __future__ import annotations

import re

#: Ideographs, CJK punctuation, full-width forms and the marks Chinese text sets with.
CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u32ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
    "\u2014\u2026\u00b7\u201c\u201d\u2018\u2019"
)
_CJK_CHAR = re.compile(f"[{CJK}]")
_SPACE_RUN = re.compile(r"\s+")
_EMPHASIS = re.compile(r"\*{1,3}")


def is_cjk(char: str) -> bool:
    return bool(_CJK_CHAR.match(char))


def char_width(char: str) -> float:
    """Printed width in em: ASCII letters and digits are set half as wide as Chinese."""
    return 0.5 if char.isascii() and char.isalnum() else 1.0


def display_width(s: str) -> float:
    """Printed width of ``s`` in em (see :func:`char_width`)."""
    return sum(char_width(c) for c in s)


def join_pieces(pieces: list[str] | tuple[str, ...]) -> str:
    """Join raw pieces (printed lines or fragments) into one raw run, spaces kept."""
    out = ""
    for piece in pieces:
        if out and piece and not is_cjk(out[-1]) and not is_cjk(piece[0]):
            out += " "
        out += piece
    return out


def remove_layout_spaces(text: str) -> str:
    """Drop whitespace next to a Chinese character; keep it between Latin/digits."""

    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not before or not after or is_cjk(before) or is_cjk(after):
            return ""
        return " "

    return _SPACE_RUN.sub(repl, text)


def clean(pieces: list[str] | tuple[str, ...]) -> str:
    """Clean reading text from raw pieces: markup stripped, layout spaces removed."""
    return remove_layout_spaces(_EMPHASIS.sub("", join_pieces(pieces))).strip()


def clean_with_offsets(pieces, spans) -> tuple[str, list[tuple[int, int]]]:
    """Clean text (as :func:`clean`) and, for each of its characters, ``(line, column)``
    of the raw character it came from. A space kept between two pieces maps to the
    first character of the second piece."""
    chars: list[tuple[str, tuple[int, int]]] = []
    for piece, span in zip(pieces, spans, strict=True):
        if chars and piece and not is_cjk(chars[-1][0]) and not is_cjk(piece[0]):
            chars.append((" ", (span.line, span.start)))
        chars += [(c, (span.line, span.start + i)) for i, c in enumerate(piece)]
    raw = "".join(c for c, _ in chars)
    keep = [True] * len(chars)
    for m in _EMPHASIS.finditer(raw):
        for i in range(m.start(), m.end()):
            keep[i] = False
    chars = [x for x, k in zip(chars, keep, strict=True) if k]
    text = "".join(c for c, _ in chars)
    out: list[tuple[str, tuple[int, int]]] = []
    for i, (c, pos) in enumerate(chars):
        if c.isspace():
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not before or not after or is_cjk(before) or is_cjk(after) or \
                    (out and out[-1][0] == " "):
                continue
            c = " "
        out.append((c, pos))
    while out and out[0][0] == " ":
        out.pop(0)
    while out and out[-1][0] == " ":
        out.pop()
    return "".join(c for c, _ in out), [p for _, p in out]


def layout_space_positions(text: str) -> list[int]:
    """Offsets of single spaces between two Chinese characters (printed line breaks)."""
    return [
        i for i in range(1, len(text) - 1)
        if text[i] == " " and is_cjk(text[i - 1]) and is_cjk(text[i + 1])
    ]


def clean_heading(pieces: list[str] | tuple[str, ...]) -> str:
    """Clean a heading. Spaces that separate parallel phrases are kept.

    Kickers and section titles set parallel phrases apart with a space
    (``压实责任 聚焦重点 科技赋能``, ``新区模式:守住定位 合作共赢``); a space anywhere
    else in a heading is a printed line break (``学习贯彻党的 二十届…``) and goes.
    """
    raw = _EMPHASIS.sub("", join_pieces(pieces)).strip()
    head, sep, tail = raw.rpartition(":") if ":" in raw else raw.rpartition("：")
    body = tail if sep else raw
    parts = body.split()
    if len(parts) >= 2 and len({len(p) for p in parts}) == 1 and 2 <= len(parts[0]) <= 8:
        return remove_layout_spaces(head) + sep + " ".join(parts) if sep else " ".join(parts)
    return remove_layout_spaces(raw)
