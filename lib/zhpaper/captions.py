"""Photo captions: under a figure (pages with markup), and on pages without markup.

Under a figure (:func:`figure_captions`) a caption is what the figure's own text is: the
first block right under it with a photo credit, a caption opening such as 图为 or a short
title without a full stop; after that, up to :data:`GROUP_MAX` blocks more of the same
group, each one that ends as a caption does (a credit, a photo agency, the form and maker
of a work of art: :meth:`~zhpaper.genre.Genre.credited`), opens as one, or goes on with
the words of the photo's title just above it (灾后第一顿热饭 / 一月十四日中午…吃上了震后的
第一顿热饭。). A photo credit standing alone, or a block that opens with 图为 and ends
with a credit, is a caption anywhere.

Photo captions on pages without markup (plain OCR, one printed line per line).

On such a page nothing marks a photo: its caption is a few printed lines like any other.
What tells it from the text is its shape and its place (the evidence, not the words):

* it is set in its own measure, under the photo: its lines (but for a short title line
  or two) are as wide as each other, the first not indented as a paragraph's is, and
  that measure is not the one of the column around it, nor the one of a column that
  broke off mid-sentence not far above it (whose continuation it would be);
* it is complete: it does not start mid-sentence and it ends with a finished sentence
  or a photo credit (``（新华社记者 X 摄）``);
* it interrupts the text: the printed line above it stops mid-sentence, as a full line
  of its column, and the line below it goes on with that sentence; or, standing
  between finished paragraphs, it carries a photo credit or a caption opening
  (``图为…``).

:func:`plain_captions` marks such runs of lines ``caption`` before joins are looked for,
so that the column's sentence is joined across the photo instead of into its caption.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import text as textmod
from .genre import genre
from .lexicon import join_gain

if TYPE_CHECKING:
    from .fragments import Fragment

#: A caption holds at most this many printed lines (its title lines included) …
RUN_MAX_LINES = 12
#: … and at most this many characters.
RUN_MAX_CHARS = 240
#: Title lines (short, open) a caption may open with, and their length at most.
TITLE_MAX_LINES, TITLE_MAX_CHARS = 2, 12
#: A column's width is measured over this many printed lines, and at least this few.
COLUMN_LINES, COLUMN_MIN = 8, 3
#: A column broken off this many fragments above a run may go on in it.
TAIL_REACH = 80
#: A line this close (in em) to the column's width is a full line of the column.
FULL_SLACK = 0.5
#: A caption's measure differs from the column's by more than this (in em).
APART = 1.0
#: The full lines of one measure differ by less than this (in em).
UNEVEN = 1.5
#: A paragraph's first line is indented by about this much (in em).
INDENT = 2.0


#: Blocks of one figure's caption group below the first (titles, captions, credits).
GROUP_MAX = 3
#: A caption goes on with its title if it shares this many of the title's character
#: pairs (or all of them, for a title of fewer).
TITLE_PAIRS = 2


def _pairs(text: str) -> set[str]:
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def _names_title(title: str, text: str) -> bool:
    """``text`` goes on with the words of the photo's ``title`` (a short, open line)."""
    g = genre()
    if len(title) > g.caption_max_chars or not g.ends_open(title) \
            or g.starts_as_continuation(text) or join_gain(title, text) >= 1.0:
        return False
    pairs = _pairs(title)
    return len(pairs & _pairs(text)) >= min(TITLE_PAIRS, len(pairs)) > 0


def _group_depth(kinds: list[str], i: int) -> int | None:
    """How many caption blocks stand between block ``i`` and a figure right above
    them (0: ``i`` is right under the figure; None: no figure above)."""
    for depth in range(GROUP_MAX + 1):
        k = i - 1 - depth
        if k < 0 or kinds[k] not in {"caption", "figure"}:
            return None
        if kinds[k] == "figure":
            return depth
    return None


def figure_captions(frags: list[Fragment]) -> list[str]:
    """Kinds with the captions of figures marked, and photo credits standing alone
    (see the module documentation)."""
    g = genre()
    kinds = [f.kind for f in frags]
    for i, f in enumerate(frags):
        if f.kind not in {"body", "heading"}:
            continue
        text = f.flat.strip()
        named = g.credited(text) or bool(g.caption_start.match(text))
        depth = _group_depth(kinds, i)
        if depth == 0 and (named or (len(text) <= g.caption_max_chars and g.ends_open(text))):
            kinds[i] = "caption"
        elif depth and (named or _names_title(frags[i - 1].flat.strip(), text)):
            kinds[i] = "caption"  # the photo's title, then its caption
        elif g.credit_alone(text) or (g.caption_start.match(text) and g.credited(text)):
            kinds[i] = "caption"  # the credit is the whole fragment, or 图为 … credit
    return kinds


def _width(f: Fragment) -> float:
    return textmod.display_width(f.flat.strip())


def _measure(widths: list[float]) -> float | None:
    """The width of the full lines among ``widths``: the median of those near the
    widest (short last lines and indented first lines left out)."""
    if not widths:
        return None
    top = sorted(widths)[(3 * len(widths)) // 4]
    full = sorted(w for w in widths if w >= top - UNEVEN)
    return full[len(full) // 2]


def _complete_start(text: str) -> bool:
    g = genre()
    return not g.starts_as_continuation(text) and not g.quantity_start.match(text)


class _Page:
    """The fragments and kinds of a page, and the measures of its broken-off columns."""

    def __init__(self, frags: list[Fragment], kinds: list[str]) -> None:
        self.frags, self.kinds = frags, kinds
        self.broken = {i: m for i in range(len(frags)) if (m := self._broken(i)) is not None}

    def line(self, i: int) -> bool:
        """A one-line body fragment that is one printed line (not two columns fused)."""
        if not 0 <= i < len(self.frags) or self.kinds[i] != "body" \
                or len(self.frags[i].lines) != 1:
            return False
        text = self.frags[i].flat.strip()
        return 0 < len(text) <= 40 and "  " not in text

    def text(self, i: int) -> str:
        return self.frags[i].flat.strip()

    def column(self, start: int, step: int) -> float | None:
        """The measure of the column from ``start`` on by ``step``, up to a header."""
        widths, i = [], start
        while self.line(i) and len(widths) < COLUMN_LINES:
            widths.append(_width(self.frags[i]))
            i += step
        return _measure(widths) if len(widths) >= COLUMN_MIN else None

    def full(self, i: int, column: float | None) -> bool:
        """Line ``i`` is a full (or indented first) printed line of ``column``."""
        w = _width(self.frags[i])
        return column is not None and column - INDENT - FULL_SLACK <= w <= column + 1.0

    def opening(self, i: int, column: float | None) -> bool:
        """Line ``i`` is shaped like the indented, open first line of a paragraph."""
        w = _width(self.frags[i])
        return column is not None and genre().ends_open(self.text(i)) \
            and column - INDENT - 2.5 <= w <= column - INDENT + 0.5

    def _broken(self, i: int) -> float | None:
        """The measure of the column that line ``i`` ends mid-sentence, with no line of
        it below (a header, or a new paragraph, follows): its text goes on elsewhere."""
        if not self.line(i) or not genre().ends_open(self.text(i)):
            return None
        column = self.column(i, -1)
        if column is None or _width(self.frags[i]) < column - FULL_SLACK:
            return None
        nxt = i + 1
        ends = nxt >= len(self.frags) or self.kinds[nxt] != "body" \
            or (self.line(nxt) and self.opening(nxt, column))
        return column if ends else None


def _titles(page: _Page, s: int) -> int:
    """How many lines of a title open the run at ``s``: lines without a comma or stop,
    the last of them short and open (``图片新闻``, or a longer title wrapped onto a second
    line), the whole at most ``caption_max_chars`` long."""
    g, size = genre(), 0
    for n in range(TITLE_MAX_LINES):
        if not page.line(s + n + 1):
            return 0
        text, below = page.text(s + n), page.text(s + n + 1)
        size += len(text)
        if size > g.caption_max_chars or any(c in text for c in "，,。；;") \
                or not g.ends_open(text) or join_gain(text, below) >= 1.0:
            return 0
        if len(text) <= TITLE_MAX_CHARS:
            return n + 1
    return 0


def _measure_of_run(page: _Page, first: int, e: int) -> float | None:
    """The run's own measure, if its lines are set in one: all but the last as wide as
    each other (none indented: no paragraph begins inside), the last no wider. One line
    alone has no measure (a paragraph's last line is short too)."""
    widths = [_width(page.frags[k]) for k in range(first, e + 1)]
    if len(widths) < 2:
        return None
    measure = _measure(widths[:-1])
    if any(w < measure - UNEVEN for w in widths[:-1]) or widths[-1] > measure + 1.0:
        return None
    return measure


def _goes_on(page: _Page, before: int, after: int, column: float | None) -> bool:
    """The line ``after`` the run continues the sentence line ``before`` broke off."""
    g = genre()
    left, right = page.text(before), page.text(after)
    if g.starts_as_continuation(right) or join_gain(left, right) >= 1.0:
        return True
    return column is not None and _width(page.frags[before]) >= column - FULL_SLACK \
        and not page.opening(after, column) and _width(page.frags[after]) <= column + 1.0


def _caption(page: _Page, run: tuple[int, int, int, int], credit: bool) -> bool:
    """Is the run ``s … e`` (caption text from ``first``; the text goes on at ``nxt``)
    a caption? See the module documentation."""
    g = genre()
    s, first, e, nxt = run
    text = "".join(page.text(k) for k in range(first, e + 1))
    named = credit or bool(g.caption_start.match(text)) or "图为" in text
    measure = _measure_of_run(page, first, e)
    if measure is None and e > first:
        return False  # several lines, not set in one measure: not one caption
    above, below = page.column(s - 1, -1), page.column(nxt, 1)
    own = measure is not None and all(
        abs(measure - m) > APART for m in (above, below) if m is not None) and not any(
        abs(measure - m) <= APART for i, m in page.broken.items() if 0 < s - 1 - i <= TAIL_REACH)
    if g.ends_open(page.text(s - 1)):
        return page.line(nxt) and _goes_on(page, s - 1, nxt, above) and (own or named)
    return named and (own or credit)


def _run_end(page: _Page, s: int) -> int | None:
    """The end (exclusive) of a caption that starts at fragment ``s``, if one does."""
    g = genre()
    if not page.line(s) or not page.line(s - 1) or not _complete_start(page.text(s)):
        return None
    before = page.text(s - 1)
    if g.ends_open(before) and (join_gain(before, page.text(s)) >= 1.0
                                or not page.full(s - 1, page.column(s - 1, -1))):
        return None  # the run goes on from the line above, or that line is no column's
    first = s + _titles(page, s)
    size = 0
    for e in range(s, min(len(page.frags), s + RUN_MAX_LINES)):
        if not page.line(e):
            return None
        size += len(page.text(e))
        if size > RUN_MAX_CHARS:
            return None
        if e < first:
            continue
        credit = bool(g.photo_credit.search("".join(page.text(k) for k in range(first, e + 1))))
        if g.ends_open(page.text(e)) and not credit:
            continue
        nxt = e + 1
        if nxt < len(page.frags) and page.kinds[nxt] == "caption" \
                and (e > s or g.credit_alone(page.text(nxt))):
            # a credit on a line of its own, or the caption's last line (…在一起。（张悦摄）)
            # under lines of its own: not under one line alone, a paragraph's as well
            credit, nxt = True, nxt + 1
        if _caption(page, (s, first, e, nxt), credit):
            return e + 1
    return None


def plain_captions(frags: list[Fragment], kinds: list[str]) -> list[str]:
    """Kinds with the captions of a page written line by line marked ``caption``."""
    page = _Page(frags, list(kinds))
    s = 1
    while s < len(frags):
        end = _run_end(page, s)
        if end is None:
            s += 1
            continue
        page.kinds[s:end] = ["caption"] * (end - s)
        s = end
    return page.kinds
