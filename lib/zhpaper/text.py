"""Layout repair of raw text: remove spurious spaces, markup and line breaks; set
punctuation in Chinese text full width.

Style choice (documented in the book): mainland newspapers set no space between Chinese
and Latin letters or digits, so a space is kept only *between two non-Chinese
characters* (``Hong Kong``, ``5G 1.0``). Every other run of whitespace inside a
paragraph is a trace of a printed line break and is removed. OCR corrections are not
made here: that is the audit's job, and it keeps the original.

Punctuation (:func:`normalise_punctuation`): OCR and layout tools often print Chinese
punctuation half width (``压实"三个责任",握住``). With :data:`FULL_WIDTH_PUNCTUATION`
on, the clean text sets it full width, one character for one (``压实“三个责任”，握住``),
so every offset into the clean text stays valid, and :func:`punctuation_changes` lists
each mark changed with the character as printed and its raw ``(line, column)``. It
changes no span, flag or audit finding of the seed page. The rules, in full:

* ``, : ; ! ?`` become ``，：；！？`` when the nearest character before or after them
  that is not whitespace or punctuation is Chinese; never between two digits
  (``1,000``, ``10:30``), never between non-Chinese text (``Hong Kong, China``, and
  also ``97.7%,98.1%`` or a final ``5G!``: the mark keeps the width it was printed in).
* ``.`` becomes ``。`` only after Chinese (``向好.`` → ``向好。``, ``不断.12月`` →
  ``不断。12月``), never after a digit or letter or before a Latin letter, and not in
  a run of dots: ``3.7万``, ``97.7%``, ``1.0``, ``...`` stay.
* ``( )`` become ``（ ）`` as a pair when either bracket touches Chinese
  (``生产总值(GDP)增长``, ``(1)加强``); a bracket without a partner by its own context.
* ``"`` and ``'`` become ``“ ”`` and ``‘ ’`` by pairing within the text cleaned (a
  paragraph, a heading): in reading order, with the curly marks already printed
  fixed, a straight mark opens when no quotation is open and closes one that is. A
  pair is converted when its content or its outside neighbours are Chinese. If the
  marks of the text do not pair (an odd number, a closing mark with nothing open),
  *every* straight mark of that kind in the text stays as printed: which one lost its
  partner cannot be told, the audit's ``unpaired_quote`` rule and reconstruction's
  ``unbalanced_quote`` flag still see them, and nothing is guessed across paragraphs
  (a quotation that runs over paragraphs opens each one and closes only the last, so
  its first paragraphs keep their straight opening marks). An apostrophe between two
  letters (``People's``) is not a quotation mark.
* Nothing changes inside a URL (``http://…``, ``www.…``) or inline code (`` `…` ``).

Reversing: the raw text is always recoverable from the offsets of
:func:`clean_with_offsets` (clean character ``i`` came from
``page.lines[line - 1][column]`` for ``(line, column) = offsets[i]``), and
:func:`restore_punctuation` puts the printed marks back into a clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Ideographs, CJK punctuation, full-width forms and the marks Chinese text sets with.
CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u32ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
    "\u2014\u2026\u00b7\u201c\u201d\u2018\u2019"
)
#: Whether :func:`clean`, :func:`clean_with_offsets` and :func:`clean_heading` set
#: punctuation in Chinese context full width (:func:`normalise_punctuation`); read at
#: each call.
FULL_WIDTH_PUNCTUATION = True
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


#: Half-width marks and the full-width forms Chinese text sets (quotes: open, close).
FULL_WIDTH = {",": "，", ".": "。", ":": "：", ";": "；", "!": "！", "?": "？",
              "(": "（", ")": "）"}
QUOTES = {'"': ("“", "”"), "'": ("‘", "’")}
#: Full-width mark → the half-width mark it was normalised from.
HALF_WIDTH = {**{v: k for k, v in FULL_WIDTH.items()},
              **{c: k for k, pair in QUOTES.items() for c in pair}}
_MARKS = frozenset(FULL_WIDTH) | frozenset(QUOTES) | frozenset(HALF_WIDTH)
_PROTECTED = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|`[^`\n]+`")


@dataclass(frozen=True)
class PunctuationChange:
    """One mark that :func:`normalise_punctuation` set full width."""

    offset: int  #: position in the clean text
    raw: str  #: the mark as printed
    clean: str  #: the mark in the clean text
    source: tuple[int, int] | None = None  #: raw ``(line, column)``, if known


def _latin_or_digit(c: str) -> bool:
    return c.isdigit() or (c.isalpha() and (ord(c) < 0x2E80 or "\uff21" <= c <= "\uff5a"))


def _chinese(c: str) -> bool:
    """A character that makes its neighbourhood Chinese: an ideograph, CJK punctuation
    other than :data:`_MARKS`, or a full-width digit or letter (``（Ａ、Ｂ）``)."""
    return is_cjk(c) and c not in _MARKS


def _protected(text: str) -> list[bool]:
    """True for characters inside a URL or inline code (their trailing marks excluded)."""
    mask = [False] * len(text)
    for m in _PROTECTED.finditer(text):
        end = m.end()
        if m.group().startswith("`"):
            mask[m.start():end] = [True] * (end - m.start())
            continue
        while end > m.start() and text[end - 1] in ".,;:!?)'\"":
            end -= 1
        mask[m.start():end] = [True] * (end - m.start())
    return mask


def _context(text: str, i: int, step: int) -> str:
    """The nearest character from ``i`` in direction ``step`` that is neither
    whitespace nor a mark ("" at the edge of the text)."""
    j = i + step
    while 0 <= j < len(text) and (text[j].isspace() or text[j] in _MARKS):
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _touches_chinese(text: str, i: int) -> bool:
    return _chinese(_context(text, i, -1)) or _chinese(_context(text, i, 1))


def _simple_mark(text: str, i: int) -> bool:
    """Whether the mark ``text[i]`` (one of ``,.:;!?``) is set full width."""
    c = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if c == ".":  # a digit after it is fine (不断.12月份): a decimal has one before it
        return (_chinese(_context(text, i, -1)) and not _latin_or_digit(before)
                and before != "." and after != "."
                and not (after.isalpha() and not _chinese(after)))
    if c in ",:" and before.isdigit() and after.isdigit():
        return False
    return _touches_chinese(text, i)


def _brackets(text: str, free: list[bool]) -> dict[int, str]:
    """Full-width brackets, decided pair by pair (see the module documentation)."""
    out: dict[int, str] = {}
    stack: list[int] = []
    pairs: list[tuple[int, ...]] = []
    for i, c in enumerate(text):
        if not free[i]:
            continue
        if c in "(（":
            stack.append(i)
        elif c in ")）":
            pairs.append((stack.pop(), i) if stack else (i,))
    pairs += [(i,) for i in stack]
    for pair in pairs:
        if any(text[k] in "（）" or _touches_chinese(text, k) for k in pair):
            out.update({k: FULL_WIDTH[text[k]] for k in pair if text[k] in "()"})
    return out


def _quote_pairs(text: str, straight: str, free: list[bool]) -> list[tuple[int, int]] | None:
    """Pairs ``(open, close)`` of one kind of quotation mark in reading order, or None
    if the marks do not pair. Apostrophes between two letters are left out."""
    opening, closing = QUOTES[straight]
    pairs: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate(text):
        if not free[i] or c not in (straight, opening, closing):
            continue
        if c == straight and 0 < i < len(text) - 1 and _latin_or_digit(text[i - 1]) \
                and _latin_or_digit(text[i + 1]):
            continue  # People's, rock'n'roll
        if c == opening or (c == straight and start is None):
            if start is not None:
                return None
            start = i
        elif start is None:
            return None
        else:
            pairs.append((start, i))
            start = None
    return None if start is not None else pairs


def _quotes(text: str, free: list[bool]) -> dict[int, str]:
    out: dict[int, str] = {}
    for straight, (opening, closing) in QUOTES.items():
        for a, b in _quote_pairs(text, straight, free) or []:
            inner = any(_chinese(c) for c in text[a + 1:b])
            if inner or _chinese(_context(text, a, -1)) or _chinese(_context(text, b, 1)):
                out.update({k: v for k, v in ((a, opening), (b, closing))
                            if text[k] == straight})
    return out


def normalise_punctuation(text: str) -> str:
    """``text`` with its punctuation in Chinese context set full width (the module
    documentation gives the rules). One character for one: ``len`` and every offset
    stay; idempotent. ``压实"三个责任",握住`` → ``压实“三个责任”，握住``;
    ``3.7万``, ``5G``, ``97.7%``, ``1.0`` and ``http://…`` are left alone."""
    if not any(c in FULL_WIDTH or c in QUOTES for c in text):
        return text
    free = [not p for p in _protected(text)]
    out = list(text)
    for i, c in enumerate(text):
        if free[i] and c in FULL_WIDTH and c not in "()" and _simple_mark(text, i):
            out[i] = FULL_WIDTH[c]
    for i, c in {**_brackets(text, free), **_quotes(text, free)}.items():
        out[i] = c
    return "".join(out)


def punctuation_changes(pieces, spans) -> list[PunctuationChange]:
    """The marks that cleaning ``pieces`` (with their raw ``spans``, as for
    :func:`clean_with_offsets`) set full width: offset in the clean text, the mark
    as printed, the mark in the clean text and its raw ``(line, column)``."""
    clean, offsets = clean_with_offsets(pieces, spans)
    raw = {(s.line, s.start + k): c for p, s in zip(pieces, spans, strict=True)
           for k, c in enumerate(p)}
    out = []
    for i, (c, pos) in enumerate(zip(clean, offsets, strict=True)):
        printed = raw.get(pos, c)
        if c != printed and HALF_WIDTH.get(c) == printed:
            out.append(PunctuationChange(i, printed, c, pos))
    return out


def restore_punctuation(clean: str, changes: list[PunctuationChange]) -> str:
    """``clean`` with the marks of ``changes`` as printed (the inverse of the
    normalisation; offsets stay valid, since it is one character for one)."""
    out = list(clean)
    for ch in changes:
        if out[ch.offset] != ch.clean:
            raise ValueError(f"offset {ch.offset}: {out[ch.offset]!r} is not {ch.clean!r}")
        out[ch.offset] = ch.raw
    return "".join(out)


def half_width(text: str) -> str:
    """Every full-width mark of :data:`HALF_WIDTH` in ``text`` as its half-width form,
    one character for one: for comparing a clean text with text as printed."""
    return text.translate(str.maketrans(HALF_WIDTH))


def _punctuate(text: str) -> str:
    return normalise_punctuation(text) if FULL_WIDTH_PUNCTUATION else text


def clean(pieces: list[str] | tuple[str, ...]) -> str:
    """Clean reading text from raw pieces: markup stripped, punctuation in Chinese
    context full width if :data:`FULL_WIDTH_PUNCTUATION` (:func:`normalise_punctuation`),
    layout spaces removed."""
    return remove_layout_spaces(_punctuate(_EMPHASIS.sub("", join_pieces(pieces)))).strip()


def clean_with_offsets(pieces, spans) -> tuple[str, list[tuple[int, int]]]:
    """Clean text (as :func:`clean`) and, for each of its characters, ``(line, column)``
    of the raw character it came from. A space kept between two pieces maps to the
    first character of the second piece. The raw text is recoverable from the offsets:
    clean character ``i`` came from ``page.lines[line - 1][column]``; the marks set
    full width are listed by :func:`punctuation_changes`."""
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
    text = _punctuate("".join(c for c, _ in chars))
    chars = [(c, pos) for c, (_, pos) in zip(text, chars, strict=True)]
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


def quote_open(text: str) -> bool:
    """True if ``text`` opens a quotation it does not close: more ``“`` than ``”``, or an
    odd number of straight ``"`` (a quotation that goes on in the next paragraph or
    fragment)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def quotes_balanced(text: str) -> bool:
    """True if every quotation mark of ``text`` has a partner: as many ``“`` as ``”`` and
    an even number of straight ``"``."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def layout_space_positions(text: str) -> list[int]:
    """Offsets of single spaces between two Chinese characters (printed line breaks)."""
    return [
        i for i in range(1, len(text) - 1)
        if text[i] == " " and is_cjk(text[i - 1]) and is_cjk(text[i + 1])
    ]


def printed_line_width(text: str) -> float | None:
    """Typical printed-line length in a fragment, from its layout spaces."""
    spaces = layout_space_positions(text)
    if len(spaces) < 2:
        return None
    gaps = sorted(g for g in (b - a - 1 for a, b in zip(spaces, spaces[1:], strict=False))
                  if g >= 6)
    if not gaps:
        return None
    # lower quartile: a missing space makes one gap two lines long, never shorter
    return float(gaps[len(gaps) // 4])


def first_line_opens(text: str) -> bool | None:
    """Whether a block opens a paragraph, from the width of its first printed line.

    Layout spaces mark the printed line breaks of a block. A Chinese paragraph opens with
    a two-character indent, so a first printed line about two em narrower than the
    block's other lines opens a paragraph (True); one as wide as them (or one em wider,
    a punctuation mark hung at its end) goes on from a column above (False). None when
    the spaces do not tell.
    """
    spaces = layout_space_positions(text)
    if len(spaces) < 2:
        return None
    gaps = sorted(g for g in (display_width(text[a + 1:b])
                              for a, b in zip(spaces, spaces[1:], strict=False)) if g >= 6)
    if not gaps:
        return None
    # lower quartile: a missing space makes one gap two lines long, never shorter
    short_by = gaps[len(gaps) // 4] - display_width(text[:spaces[0]])
    if 1.5 <= short_by <= 3.5:
        return True
    if -1.0 <= short_by <= 0.0:
        return False
    return None


def tail_after_last_space(text: str) -> int | None:
    """Characters after the last layout space (the last printed line), or None."""
    spaces = layout_space_positions(text)
    return len(text) - spaces[-1] - 1 if spaces else None


def clean_heading(pieces: list[str] | tuple[str, ...]) -> str:
    """Clean a heading. Spaces that separate parallel phrases are kept.

    Kickers and section titles set parallel phrases apart with a space
    (``压实责任 聚焦重点 科技赋能``, ``新区模式:守住定位 合作共赢``); a space anywhere
    else in a heading is a printed line break (``学习贯彻党的 二十届…``) and goes.
    """
    raw = _punctuate(_EMPHASIS.sub("", join_pieces(pieces))).strip()
    head, sep, tail = raw.rpartition(":") if ":" in raw else raw.rpartition("：")
    body = tail if sep else raw
    parts = body.split()
    if len(parts) >= 2 and len({len(p) for p in parts}) == 1 and 2 <= len(parts[0]) <= 8:
        return remove_layout_spaces(head) + sep + " ".join(parts) if sep else " ".join(parts)
    return remove_layout_spaces(raw)
