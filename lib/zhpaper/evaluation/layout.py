"""A layout simulator: clean articles in, a page as one of five layout tools writes it.

:func:`compose` lays 3–8 articles (in the dict form of :mod:`zhpaper.evaluation.damage`) out as a
newspaper page and writes it as Markdown in the habits of a real OCR/layout tool, with
the truth of every line known, so reconstruction can be measured on pages that are not
the seed page. :func:`pages` draws the articles from a half of the People's Daily 1998
corpus (:mod:`zhpaper.pd1998`). Each article is printed by
:mod:`zhpaper.evaluation.layout_article`; this module places, renders and records the truth.

Styles (the project guide, §7)
------------------------------
``mineru``
    Every title (kicker, headline, subtitle, section heading) as ``# ``; bylines and
    markers plain; body blocks in column order, narrow columns one printed line per
    paragraph; for some articles the first body block(s) are printed above their own
    headline. No images, no captions.
``paddle-vl``
    The first article's headline ``# ``, every other headline, kicker, subtitle and
    section heading ``## `` (paragraph titles); photos as a centred ``<div><img …></div>``
    line followed by the caption as a plain paragraph; now and then an HTML table on one
    line, its cells short phrases of an article.
``pp-structure``
    Older PP-Structure pipelines: one printed line per Markdown paragraph (12–24
    characters, blank line between); headlines ``# `` (or ``## ``, or unlabelled plain
    text), kickers and subtitles plain or ``## ``; a byline is sometimes detected as a
    figure title and written centred, ``<div style="text-align: center;">本报记者 X</div>``
    (the form PaddleX's Markdown gives figure_title blocks); figures as the three-line
    ``<div align="center">`` / ``<img src=…>`` / ``</div>`` block of the 2.x recovery
    code, captions plain; columns out of order (a later run of an article's lines is
    emitted before an earlier one).
``marker``
    Mixed heading levels (``#``–``####``) for every kind of title, some headlines as
    ``**bold**`` lines; Markdown images ``![](_page_0_Picture_3.jpeg)`` with their
    captions; now and then a Markdown table (``| a | b |`` lines).
``raw-ocr``
    Plain OCR text: no markup, one printed line per line and no blank lines; captions
    are printed lines like any other; columns out of order now and then; sometimes two
    printed lines of one article, side by side in two columns, fuse into one line
    (joined by a run of spaces); such a line's truth is that of its first piece, the
    second piece is listed in :attr:`LaidPage.fused`.

Damage common to all styles, as :mod:`zhpaper.evaluation.damage` knows it: spurious spaces where
printed lines broke inside a block (block styles); a paragraph cut at a column break,
its tail printed right after (most often), under the next article's header, or after the
next article's opening; jump markers ``（上接第N版）`` under a header and
``（下转第N版）`` closing an article whose text is cut there; standalone bylines
(templates in ``data/bylines.toml``) for articles with no byline and no dateline.

Truth
-----
:class:`LaidPage` has the shape of :class:`zhpaper.evaluation.damage.DamagedPage` (``markdown``,
``truth``, ``joins``, ``articles``) so the scoring code applies, plus ``headers`` (line →
(article, role), role one of kicker, headline, subtitle, byline, marker, section) and
``nontext`` (line → figure, table or caption). Every non-blank line is in exactly one of
``truth``, ``headers`` and ``nontext``. Every page is reproducible from its seed.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..errors import ZhpaperError
from .layout_article import (
    LINE_STYLES,
    STYLES,
    TITLE_ROLES,
    Block,
    LaidArticle,
    lay_out_article,
    table_block,
)

HEADER_ROLES = ("kicker", "headline", "subtitle", "byline", "marker", "section")
NONTEXT_KINDS = ("figure", "table", "caption")

#: Per-style probabilities (per article unless noted).
_P_ABOVE = {"mineru": 0.35}  # first body block(s) printed above the headline
_P_ABOVE_DEFAULT = 0.05
_P_SWAP = {"pp-structure": 0.4, "raw-ocr": 0.2}  # columns out of order
_P_FUSE = {"raw-ocr": 0.3}  # two columns' lines fused
_P_TABLE = {"paddle-vl": 0.3, "marker": 0.3}  # per page


@dataclass(frozen=True)
class LaidPage:
    """A generated page and its truth (see the module docstring).

    ``truth`` maps each body line to ``(article, paragraph, piece)``; ``joins`` are the
    pairs of lines holding consecutive pieces of one paragraph; ``articles`` are the
    articles as printed (cut at a ``（下转…）`` jump, a dateline byline moved into the
    lead, a signature appended to the last paragraph, a banner printed as a kicker).
    ``fused`` maps a raw-ocr line that holds a second printed line to that
    second piece's ``(article, paragraph, piece)``.
    """

    markdown: str
    truth: dict[int, tuple[int, int, int]]
    joins: frozenset[tuple[int, int]]
    articles: tuple[dict, ...] = field(repr=False, default=())
    style: str = "mineru"
    seed: int = 0
    headers: dict[int, tuple[int, str]] = field(default_factory=dict)
    nontext: dict[int, str] = field(default_factory=dict)
    fused: dict[int, tuple[int, int, int]] = field(default_factory=dict)



def _explode(blocks: list[Block]) -> list[Block]:
    """Line styles: every printed line of a body block becomes a block of its own."""
    out = []
    for b in blocks:
        if b.kind == "body" and len(b.segs) > 1:
            out += [Block("body", b.article, segs=[s]) for s in b.segs]
        else:
            out.append(b)
    return out


def _swap_columns(rng: random.Random, body: list[Block]) -> list[Block]:
    """Emit a later run of lines before the run above it (columns read out of order)."""
    h = rng.randint(4, 12)
    if len(body) < 2 * h + 1:
        return body
    i = rng.randrange(0, len(body) - 2 * h + 1)
    return body[:i] + body[i + h:i + 2 * h] + body[i:i + h] + body[i + 2 * h:]


def _fuse(rng: random.Random, body: list[Block]) -> list[Block]:
    """Two printed lines side by side in two columns, read across as one line."""
    h = rng.randint(3, 10)
    starts = [i for i in range(len(body) - h)
              if body[i].kind == body[i + h].kind == "body" and len(body[i].segs) == 1
              and len(body[i + h].segs) == 1 and not body[i].fused]
    if not starts:
        return body
    i = rng.choice(starts)
    fused = Block("body", body[i].article, segs=body[i].segs + body[i + h].segs, fused=True)
    return body[:i] + [fused] + body[i + 1:i + h] + body[i + h + 1:]


def _with_extras(rng: random.Random, body: list[Block], extras: list[list[Block]]
                 ) -> list[Block]:
    """Figures and tables placed after a random block of the article's body."""
    body = list(body)
    for group in extras:
        at = rng.randint(1, len(body)) if body else 0
        body[at:at] = group
    return body


def _article_blocks(rng: random.Random, style: str, art: LaidArticle, body: list[Block]
                    ) -> tuple[list[Block], int, int]:
    """The article's blocks in emission order, the index after its header and the
    index after its opening body block (where a carried tail may go)."""
    if style in LINE_STYLES:
        body = _explode(body)
        if rng.random() < _P_SWAP.get(style, 0.0):
            body = _swap_columns(rng, body)
        if rng.random() < _P_FUSE.get(style, 0.0):
            body = _fuse(rng, body)
    body = _with_extras(rng, body, art.extras)
    above: list[Block] = []
    if rng.random() < _P_ABOVE.get(style, _P_ABOVE_DEFAULT) and len(body) >= 3:
        n = rng.choice((1, 1, 2))
        if all(b.kind == "body" for b in body[:n]):
            above, body = body[:n], body[n:]
    blocks = above + art.header + body
    opening = next((i for i, b in enumerate(blocks) if b.kind == "body"), len(blocks) - 1)
    return blocks, len(above) + len(art.header), opening + 1


def _assemble(rng: random.Random, style: str, laid: list[LaidArticle]) -> list[Block]:
    """All blocks of the page in emission order, with column-cut tails placed: most
    right after their head, some under the next article's header, some after the next
    article's opening."""
    out: list[Block] = []
    carry: tuple[Block, str] | None = None
    for k, art in enumerate(laid):
        body = list(art.body)
        moved = None
        if art.tail is not None and k + 1 < len(laid):
            r = rng.random()
            if r >= 0.6:
                body.remove(art.tail)
                moved = (art.tail, "header" if r < 0.8 else "opening")
        blocks, after_header, after_opening = _article_blocks(rng, style, art, body)
        if carry is not None:
            tail, where = carry
            at = after_header if where == "header" else after_opening
            blocks[at:at] = _explode([tail]) if style in LINE_STYLES else [tail]
        out += blocks
        carry = moved
    return out


@dataclass
class _Rendered:
    lines: list[str] = field(default_factory=list)
    truth: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # piece = seg index
    fused: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    headers: dict[int, tuple[int, str]] = field(default_factory=dict)
    nontext: dict[int, str] = field(default_factory=dict)

    def emit(self, texts: list[str], gap: bool) -> list[int]:
        numbers = []
        for text in texts:
            self.lines.append(text)
            numbers.append(len(self.lines))
        if gap:
            self.lines.append("")
        return numbers


def _render(rng: random.Random, style: str, blocks: list[Block]) -> _Rendered:
    out = _Rendered()
    gap = style != "raw-ocr"
    for b in blocks:
        if b.kind == "header":
            out.headers[out.emit(b.lines, gap)[0]] = (b.article, b.role or "headline")
        elif b.kind != "body":
            for number in out.emit(b.lines, gap):
                out.nontext[number] = b.kind
        elif b.fused:
            first, second = b.segs
            number = out.emit([first.text + " " * rng.randint(2, 4) + second.text], gap)[0]
            out.truth[number] = (first.article, first.para, first.index)
            out.fused[number] = (second.article, second.para, second.index)
        elif style in LINE_STYLES:
            for seg in b.segs:
                out.truth[out.emit([seg.text], gap)[0]] = (seg.article, seg.para, seg.index)
        else:
            text = b.segs[0].text
            for seg in b.segs[1:]:
                text += (" " if rng.random() < b.space_p else "") + seg.text
            seg = b.segs[0]
            out.truth[out.emit([text], gap)[0]] = (seg.article, seg.para, seg.index)
    return out


def _pieces(out: _Rendered) -> tuple[dict, dict]:
    """Printed-line indices renumbered as pieces 0, 1, … within each paragraph."""
    entries = sorted([(t, n, "truth") for n, t in out.truth.items()]
                     + [(t, n, "fused") for n, t in out.fused.items()])
    truth: dict[int, tuple[int, int, int]] = {}
    fused: dict[int, tuple[int, int, int]] = {}
    piece, last = 0, None
    for (a, p, _), number, which in entries:
        piece = piece + 1 if (a, p) == last else 0
        last = (a, p)
        (truth if which == "truth" else fused)[number] = (a, p, piece)
    return truth, fused


def compose(articles: list[dict], seed: int, style: str) -> LaidPage:
    """Lay ``articles`` (damage-format dicts, in page order) out as one page in
    ``style`` (one of :data:`STYLES`); the same seed gives the same page."""
    if style not in STYLES:
        raise ZhpaperError(f"unknown layout style {style!r}: use one of {', '.join(STYLES)}")
    if not articles:
        raise ZhpaperError("a page needs at least one article")
    rng = random.Random(seed)
    laid = [lay_out_article(rng, style, k, a, [o for j, o in enumerate(articles) if j != k])
            for k, a in enumerate(articles)]
    if rng.random() < _P_TABLE.get(style, 0.0):
        k = rng.randrange(len(laid))
        table = table_block(rng, style, k, laid[k].article)
        if table is not None:
            laid[k].extras.append([table])
    out = _render(rng, style, _assemble(rng, style, laid))
    truth, fused = _pieces(out)
    order = sorted(truth, key=lambda n: truth[n])
    joins = frozenset((x, y) for x, y in zip(order, order[1:], strict=False)
                      if truth[x][:2] == truth[y][:2])
    markdown = "\n".join(out.lines).rstrip() + "\n"
    return LaidPage(markdown, truth, joins, tuple(a.article for a in laid), style, seed,
                    out.headers, out.nontext, fused)


def page_articles(arts, seed: int) -> list[dict]:
    """The articles of page ``seed``: a run of 3–8 consecutive articles of ``arts``
    (corpus articles, in date order, so a run is what one issue printed together)."""
    if len(arts) < 3:
        raise ZhpaperError("a page needs at least three corpus articles")
    rng = random.Random(seed * 7919 + 3)
    k = rng.randint(3, min(8, len(arts)))
    start = rng.randrange(len(arts) - k + 1)
    return [a.as_damage_article() for a in arts[start:start + k]]


def pages(half: str, n: int, first_seed: int = 0, style: str = "mineru"):
    """``n`` pages (seeds ``first_seed`` …) in ``style`` from one half of the People's
    Daily 1998 corpus (``dev`` or ``test``, see :func:`zhpaper.pd1998.split`)."""
    from .. import pd1998

    arts = pd1998.half(half)
    for seed in range(first_seed, first_seed + n):
        yield compose(page_articles(arts, seed), seed, style)


def sample_articles(half_name: str, pages: int) -> list:
    """The corpus articles of pages ``0 … pages-1`` of :func:`page_articles` on a half of
    :mod:`zhpaper.pd1998` (3–8 consecutive articles each, fixed seeds), each article once,
    in page order; every article of the half if ``pages`` is 0. The sample the
    evaluation scripts score text stages on."""
    from .. import pd1998

    arts = pd1998.half(half_name)
    if pages <= 0:
        return list(arts)
    by_source = {f"pd1998:{a.number}": a for a in arts}
    chosen: dict[str, object] = {}
    for seed in range(pages):
        for d in page_articles(arts, seed):
            chosen.setdefault(d["source"], by_source[d["source"]])
    return list(chosen.values())


__all__ = ["HEADER_ROLES", "LINE_STYLES", "NONTEXT_KINDS", "STYLES", "TITLE_ROLES", "LaidPage",
           "compose", "page_articles", "pages", "sample_articles"]
