"""Split a page into fragments (Markdown blocks) and classify them by content.

A :class:`Fragment` is a run of raw characters with exact source spans. Markdown heading
levels are weak evidence on OCR output (``#### (上接第1版)`` is a jump marker, ``#### 。
新区模式…`` holds the end of a sentence plus a section heading), so every fragment is
classified from its text and its neighbours.

Fragment kinds
--------------
``headline``, ``kicker`` (the line above a headline), ``subtitle`` (``——访…``),
``banner`` (a series line inside an article's header), ``byline``, ``signature``
(``(冯燕平)`` closing an article), ``marker`` (``(上接第1版)``), ``section`` (a section
heading), ``sidebar_label`` (``采访手记``), ``sidebar_title`` and ``body``.

Non-text elements, which are shown and counted but never analysed as text: ``figure``
(an HTML ``<img>`` line, possibly inside a ``<div>``, or a Markdown image), ``table``
(an HTML ``<table>…</table>``, on one line or several, or a run of Markdown ``| … |``
lines) and ``caption`` (the text under a figure, or a photo credit ``（新华社记者 X 摄）``).

Markup that lies in no element's span: the ``#`` of headings, leading blockquote and
list markers, ``**`` around a bold line, and ``<br>`` tags (:func:`markup_positions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .genre import genre
from .source import Source

HEADER_KINDS = frozenset({"kicker", "headline", "subtitle", "banner", "byline", "marker"})

_ATX = re.compile(r"^ {0,3}(#{1,6})(?=\s|$)\s*(.*?)(?:\s+#+)?\s*$")
#: Blockquote and list markers at the start of a line: markup, in no element's span.
LEADING_MARKUP = re.compile(r"^\s*(?:>\s*)*(?:[-+*]\s+|\d{1,3}[.)]\s+)?")
#: A line that is only an image: HTML ``<img>`` (in a ``<div>`` or not) or Markdown.
_FIGURE = re.compile(
    r"^\s*(?:<(?:div|p|center)\b[^>]*>\s*)*(?:(?:<img\b[^>]*>|!\[[^\]]*\]\([^)]*\))\s*)+"
    r"(?:</(?:div|p|center)>\s*)*$", re.I)
#: A line that is only block tags: the ``<div align="center">`` and ``</div>`` that
#: PP-Structure writes on lines of their own around an image.
_TAGS_ONLY = re.compile(r"^\s*(?:</?(?:div|p|center)\b[^>]*>\s*)+$", re.I)
_TABLE_OPEN, _TABLE_CLOSE = re.compile(r"<table\b", re.I), re.compile(r"</table\s*>", re.I)
_MD_TABLE = re.compile(r"^\s*\|.*\|\s*$")
#: Inline markup inside a text line: line-break tags, and the ``**`` around a bold line.
_BR = re.compile(r"<br\s*/?>", re.I)
_BOLD = re.compile(r"^(\s*\*\*)(.+?)(\*\*\s*)$")
#: A text line wrapped in block tags, as PP-Structure writes a figure title
#: (``<div style="text-align: center;">塞夫</div>``): the tags are markup.
_WRAPPED = re.compile(r"^(\s*(?:<(?:div|p|center)\b[^>]*>\s*)+)(.*?)"
                      r"((?:\s*</(?:div|p|center)\s*>)+\s*)$", re.I)
NONTEXT_KINDS = frozenset({"figure", "table", "caption"})
_LEADING_PUNCT = re.compile(r"^[，,、。．.；;：:！!？?）)」』】》”’…\s]+")


@dataclass(frozen=True, order=True)
class Span:
    """Characters ``start``–``end`` (0-based, end exclusive) of ``line`` (1-based)."""

    line: int
    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.line, self.start, self.end]


@dataclass(frozen=True)
class Fragment:
    """A piece of the page: raw text plus the spans it came from, in order."""

    index: int  #: its place among the page's fragments, from 0
    kind: str  #: body, headline, kicker, subtitle, byline … (the module documentation)
    spans: tuple[Span, ...]  #: the raw characters it came from, one span per line
    pieces: tuple[str, ...]  #: the raw text of each span
    level: int = 0  # Markdown heading level of the block it came from; 0 = not a heading
    bold: bool = False  # a line set in bold (``**…**``): a heading without a level
    centred: bool = False  # a line wrapped in block tags (a figure title, a byline)

    @property
    def raw(self) -> str:
        """Raw characters, one piece per source line, joined by newlines."""
        return "\n".join(self.pieces)

    @property
    def flat(self) -> str:
        """Raw characters with the line breaks removed."""
        return "".join(self.pieces)

    @property
    def first_line(self) -> int:
        return self.spans[0].line

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(s.line for s in self.spans))

    def cut(self, offset: int) -> tuple[Fragment, Fragment]:
        """Split at ``offset`` into ``flat``; both halves keep exact spans."""
        left_spans, right_spans, left_pieces, right_pieces = [], [], [], []
        remaining = offset
        for span, piece in zip(self.spans, self.pieces, strict=True):
            if remaining >= len(piece):
                left_spans.append(span)
                left_pieces.append(piece)
                remaining -= len(piece)
            elif remaining <= 0:
                right_spans.append(span)
                right_pieces.append(piece)
            else:
                cut_at = span.start + remaining
                left_spans.append(Span(span.line, span.start, cut_at))
                left_pieces.append(piece[:remaining])
                right_spans.append(Span(span.line, cut_at, span.end))
                right_pieces.append(piece[remaining:])
                remaining = 0
        return (
            replace(self, spans=tuple(left_spans), pieces=tuple(left_pieces)),
            replace(self, spans=tuple(right_spans), pieces=tuple(right_pieces)),
        )

    def trimmed(self) -> Fragment | None:
        """The fragment without leading/trailing whitespace; None if nothing is left."""
        spans, pieces = [], []
        for span, piece in zip(self.spans, self.pieces, strict=True):
            lstrip = len(piece) - len(piece.lstrip())
            rstrip = len(piece) - len(piece.rstrip())
            text = piece.strip()
            if text:
                spans.append(Span(span.line, span.start + lstrip, span.end - rstrip))
                pieces.append(text)
        if not pieces:
            return None
        return replace(self, spans=tuple(spans), pieces=tuple(pieces))


def _text_spans(line: str) -> list[tuple[int, int]]:
    """Where the text of a body line lies: leading markup, ``<br>`` tags and the ``**``
    of a bold line removed."""
    start = LEADING_MARKUP.match(line).end()
    end = len(line.rstrip())
    wrapped = _WRAPPED.match(line[start:end])
    if wrapped and wrapped.group(2).strip():
        start, end = start + len(wrapped.group(1)), end - len(wrapped.group(3))
    bold = _BOLD.match(line[start:end])
    if bold:
        start, end = start + len(bold.group(1)), end - len(bold.group(3))
    out, at = [], start
    for m in _BR.finditer(line, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return [(a, b) for a, b in out if line[a:b].strip()]


def markup_positions(line: str) -> set[int]:
    """Offsets of the markup characters of a line, which belong to no element."""
    heading = _ATX.match(line)
    if heading:
        if not heading.group(2):
            return set(range(len(line)))
        a, b = heading.span(2)
        return set(range(a)) | set(range(b, len(line)))
    if _FIGURE.match(line) or _MD_TABLE.match(line) or _TABLE_OPEN.search(line):
        return set()  # a non-text element spans its whole line
    kept = {i for a, b in _text_spans(line) for i in range(a, b)}
    return set(range(len(line))) - kept


def _whole(number: int, line: str) -> tuple[Span, str]:
    start = len(line) - len(line.lstrip())
    text = line.strip()
    return Span(number, start, start + len(text)), text


class _Blocks:
    """The state of :func:`blocks` while it reads a page line by line: the fragments so
    far, the run of body lines still open and a table still open."""

    def __init__(self) -> None:
        self.out: list[Fragment] = []
        self.run: list[tuple[Span, str]] = []
        self.table: list[tuple[Span, str]] = []  # an open HTML table, or Markdown table rows
        self.html_open = False

    def add(self, kind: str, parts: list[tuple[Span, str]], **extra) -> None:
        self.out.append(Fragment(len(self.out), kind, tuple(s for s, _ in parts),
                                 tuple(t for _, t in parts), **extra))

    def flush(self) -> None:
        if self.run:
            self.add("body", self.run)
            self.run = []

    def close_table(self) -> None:
        if self.table:
            self.add("table", self.table)
            self.table = []

    def table_line(self, number: int, line: str) -> bool:
        """Take a line of a table; False if the line is not one."""
        opened = bool(_TABLE_OPEN.search(line))
        if not (self.html_open or opened or _MD_TABLE.match(line)):
            self.close_table()
            return False
        self.flush()
        if line.strip():
            self.table.append(_whole(number, line))
        if self.html_open or opened:
            self.html_open = not _TABLE_CLOSE.search(line)
            if not self.html_open:
                self.close_table()
        return True

    def figure_line(self, number: int, line: str) -> None:
        opening = self.run if self.run and all(_TAGS_ONLY.match(t) for _, t in self.run) else []
        if opening:
            self.run = []  # the tags opening this figure are part of it
        else:
            self.flush()
        self.add("figure", [*opening, _whole(number, line)])

    def closes_figure(self, number: int, line: str) -> bool:
        """A line of tags only, right under a figure, closes it."""
        last = self.out[-1] if self.out else None
        if not (_TAGS_ONLY.match(line) and last and last.kind == "figure" and not self.run
                and last.spans[-1].line == number - 1):
            return False
        span, text = _whole(number, line)
        self.out[-1] = replace(last, spans=last.spans + (span,), pieces=last.pieces + (text,))
        return True

    def text_line(self, number: int, line: str) -> None:
        heading = _ATX.match(line)
        if heading:
            self.flush()
            if heading.group(2):
                start, end = heading.span(2)
                self.add("heading", [(Span(number, start, end), line[start:end])],
                         level=len(heading.group(1)))
            return  # a bare "####" line is markup only
        pieces = [(Span(number, a, b), line[a:b]) for a, b in _text_spans(line)]
        inner = line[LEADING_MARKUP.match(line).end():]
        if len(pieces) == 1 and _BOLD.match(inner.rstrip()):
            self.flush()
            self.add("heading", pieces, bold=True)
        elif len(pieces) == 1 and (m := _WRAPPED.match(inner)) and m.group(2).strip():
            self.flush()
            self.add("body", pieces, centred=True)
        else:
            self.run.extend(pieces)


def blocks(source: Source) -> list[Fragment]:
    """Markdown blocks of the page: each heading line, each bold line, each non-text
    element (figure, table), each run of non-blank lines.

    Markup outside the spans: see :func:`markup_positions`.
    """
    state = _Blocks()
    for number, line in enumerate(source.lines, start=1):
        if state.table_line(number, line):
            continue
        if not line.strip():
            state.flush()
        elif _FIGURE.match(line):
            state.figure_line(number, line)
        elif not state.closes_figure(number, line):
            state.text_line(number, line)
    state.flush()
    state.close_table()
    return [f for f in (x.trimmed() for x in state.out) if f is not None]


def _split_heading_punctuation(frags: Iterable[Fragment]) -> list[Fragment]:
    """``#### 。 新区模式…`` → a body fragment ``。`` and the heading ``新区模式…``."""
    out = []
    for f in frags:
        m = _LEADING_PUNCT.match(f.flat) if f.kind == "heading" else None
        if m and 0 < m.end() < len(f.flat):
            punct, rest = f.cut(m.end())
            out.append(replace(punct, kind="body", level=0).trimmed())
            out.append(rest.trimmed())
        else:
            out.append(f)
    return out


def _split_bylines_and_signatures(frags: Iterable[Fragment]) -> list[Fragment]:
    """Datelines split from their lead (a fragment that is only a dateline is a byline);
    signatures split from the last paragraph, or standing on a line of their own after a
    finished paragraph (plain OCR prints one printed line per line)."""
    g = genre()
    out: list[Fragment] = []
    for f in frags:
        if f.kind != "body":
            out.append(f)
            continue
        alone = g.signature.search("。" + f.flat.strip())
        if out and out[-1].kind == "body" and not g.ends_open(out[-1].flat) \
                and alone and alone.start() == 1 and "图" not in f.flat \
                and not g.photo_credit.search(f.flat):
            out.append(replace(f, kind="signature"))  # （李妲） under its paragraph
            continue
        lead = g.lead_byline.match(f.flat)
        if lead and lead.end() == len(f.flat.rstrip()):
            out.append(replace(f, kind="byline"))  # 本报比勒陀利亚１月１日电记者温宪报道：
            continue
        if lead and lead.end() < len(f.flat):
            byline, f = f.cut(lead.end())
            out.append(replace(byline, kind="byline").trimmed())
            f = f.trimmed()
        sig = g.signature.search(f.flat)
        if sig and sig.start() > 0 and not g.photo_credit.search(sig.group(0)):
            f, signature = f.cut(sig.start())
            out.append(f.trimmed())
            out.append(replace(signature, kind="signature").trimmed())
        else:
            out.append(f)
    return out


#: Marks a marked title may end with (供热还要等多久？), where a sentence of text ends.
_TITLE_END = frozenset("？?！!")


def _asks_or_exclaims(text: str) -> bool:
    """A marked heading ending in a question or exclamation mark, with no sentence or
    clause before it: a title (the text set as a heading ends with a full stop)."""
    return text[-1:] in _TITLE_END and not any(c in "。，,；;" for c in text[:-1])


def _content_kind(f: Fragment) -> str:
    """Kind decided from the fragment's own text."""
    g = genre()
    text = f.flat.strip()
    if g.jump_marker.match(text):
        return "marker"
    if len(text) <= 40 and g.standalone_byline.match(text):
        return "byline"
    if f.kind == "heading":
        if text in g.sidebar_labels:
            return "sidebar_label"
        if len(text) > g.heading_max_chars:
            return "body"
        if not g.ends_open(text) and not g.kicker_end.search(text) \
                and not _asks_or_exclaims(text):
            return "body"
        if g.subtitle.match(text) and len(text) <= g.subtitle_max_chars:
            return "subtitle"
        return "heading"
    return f.kind


def _subtitles(frags: list[Fragment], kinds: list[str]) -> None:
    """A short "——…" body line right after a heading is a subtitle (in place)."""
    g = genre()
    for i in range(1, len(frags)):
        text = frags[i].flat
        if (kinds[i] == "body" and kinds[i - 1] in {"heading", "headline"}
                and g.subtitle.match(text) and len(text) <= g.subtitle_max_chars):
            kinds[i] = "subtitle"


def _headers_above_headlines(frags: list[Fragment], kinds: list[str]) -> None:
    """Headings directly above a headline are its header: kicker, headline, subtitle."""
    from .structure import header_roles

    for j in range(1, len(frags)):
        if kinds[j] == "headline" and kinds[j - 1] == "heading":
            first = j - 1
            while first > 0 and kinds[first - 1] == "heading":
                first -= 1
            kinds[first:j + 1] = header_roles(frags[first:j + 1])


def _remaining_headings(kinds: list[str]) -> None:
    """Sidebar titles, banners inside an open header, and section headings (in place);
    a page with headings but no recognisable headline at all gets its first heading as
    the best headline it has."""
    in_header = False
    for i, kind in enumerate(kinds):
        if kind == "headline":
            in_header = True
        elif kind == "heading":
            if i > 0 and kinds[i - 1] == "sidebar_label":
                kinds[i] = "sidebar_title"
            else:
                kinds[i] = "banner" if in_header else "section"
        elif kind not in HEADER_KINDS:
            in_header = False
    if "headline" not in kinds:
        first = next((i for i, k in enumerate(kinds) if k in {"section", "kicker", "banner"}),
                     None)
        if first is not None:
            kinds[first] = "headline"


def _byline_past_one_body(kinds: list[str], i: int) -> bool:
    """A byline or dateline two fragments below heading ``i``, one body fragment between:
    a fragment of another column read in between the headline and its dateline."""
    return i + 2 < len(kinds) and kinds[i + 1] == "body" and kinds[i + 2] == "byline"


def classify(source: Source) -> list[Fragment]:
    """Fragments of ``source`` in raw order, each with its kind (see module doc)."""
    # structure needs Fragment's module loaded first (it imports lexicon and cohesion)
    from .bylines import name_bylines
    from .captions import figure_captions, plain_captions
    from .structure import headline_evidence, plain_headings, split_printed_lines

    frags = _split_heading_punctuation(split_printed_lines(blocks(source)))
    frags = [replace(f, kind=_content_kind(f)) for f in frags]
    frags = _split_bylines_and_signatures(frags)
    kinds = figure_captions(frags)
    _subtitles(frags, kinds)
    kinds = plain_headings(frags, plain_captions(frags, name_bylines(frags, kinds)))
    # Headlines: a heading followed by a subtitle, byline or jump marker; then headings
    # that open a new topic (structure.headline_evidence).
    for i in range(len(frags) - 1):
        if kinds[i] == "heading" and (kinds[i + 1] in {"subtitle", "byline", "marker"}
                                      or _byline_past_one_body(kinds, i)):
            kinds[i] = "headline"
    kinds = headline_evidence(frags, kinds)
    _headers_above_headlines(frags, kinds)
    _remaining_headings(kinds)
    return [replace(f, index=i, kind=k) for i, (f, k) in enumerate(zip(frags, kinds, strict=True))]
