"""A layout simulator: clean articles in, a page as one of five layout tools writes it.

:func:`compose` lays 3–8 articles (in the dict form of :mod:`zhpaper.evaluation.damage`) out as a
newspaper page and writes it as Markdown in the habits of a real OCR/layout tool, with
the truth of every line known, so reconstruction can be measured on pages that are not
the seed page. :func:`pages` draws the articles from a half of the People's Daily 1998
corpus (:mod:`zhpaper.pd1998`).

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
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import ZhpaperError
from .damage import printed_lines

STYLES = ("mineru", "paddle-vl", "pp-structure", "marker", "raw-ocr")
#: Styles that print one printed line per Markdown line (no joins inside a line).
LINE_STYLES = frozenset({"pp-structure", "raw-ocr"})
TITLE_ROLES = frozenset({"kicker", "headline", "subtitle", "section"})
HEADER_ROLES = ("kicker", "headline", "subtitle", "byline", "marker", "section")
NONTEXT_KINDS = ("figure", "table", "caption")

#: A byline that is printed as the start of the lead paragraph (本报讯（记者 X）…).
_DATELINE_BYLINE = re.compile(r"^(?:本报讯|本报\S{0,10}电|新华社\S{0,14}电|\S{2,8}讯)(?!员)")
#: A lead paragraph that opens with a dateline: the article needs no byline.
_DATELINE_LEAD = re.compile(r"^(?:据)?(?:本报|新华社|中新社)\S{0,24}?(?:讯|电)")
_PHRASE = re.compile(r"[^，。、；：！？“”‘’（）《》,.;:!?()\s]{2,8}")
_PAGE_DIGITS = ("23456789", "２３４５６７８９", "二三四五六七八九")

#: Per-style probabilities (per article unless noted).
_P_ABOVE = {"mineru": 0.35}  # first body block(s) printed above the headline
_P_ABOVE_DEFAULT = 0.05
_P_SWAP = {"pp-structure": 0.4, "raw-ocr": 0.2}  # columns out of order
_P_FUSE = {"raw-ocr": 0.3}  # two columns' lines fused
_P_TABLE = {"paddle-vl": 0.3, "marker": 0.3}  # per page
_P_NARROW = 0.15  # one or two paragraphs one printed line per block (block styles)
_P_CUT = 0.12  # a paragraph cut at a column break
_P_PHOTO = 0.8  # an article's photo is printed (styles with images or captions)
_P_BYLINE = 0.5  # a standalone byline is added when an article has none
_P_JUMP_OUT = 0.08
_P_JUMP_IN = 0.06


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


@dataclass(frozen=True)
class _Seg:
    """One printed line of body text: paragraph ``para``, printed line ``index``."""

    text: str
    article: int
    para: int
    index: int


@dataclass
class _Block:
    """One Markdown block before rendering."""

    kind: str  # header, body, figure, table, caption
    article: int
    lines: list[str] = field(default_factory=list)  # header and non-text blocks
    role: str | None = None
    segs: list[_Seg] = field(default_factory=list)  # body blocks
    space_p: float = 0.0  # chance of a space at each printed line break
    fused: bool = False  # raw-ocr: segs[1] sits beside segs[0] on one line


@dataclass
class _Laid:
    header: list[_Block]
    body: list[_Block]
    article: dict
    tail: _Block | None = None  # a column cut's tail that may be printed elsewhere
    extras: list[list[_Block]] = field(default_factory=list)  # figures with captions


@lru_cache(maxsize=1)
def _byline_data() -> dict:
    text = resources.files("zhpaper").joinpath("data/bylines.toml").read_text("utf-8")
    return tomllib.loads(text)


def _page_number(rng: random.Random) -> str:
    digits = rng.choice(_PAGE_DIGITS)
    return digits[rng.randrange(len(digits))]


# --- the printed article --------------------------------------------------------------

def _paragraphs(article: dict) -> list[tuple[int, str]]:
    """``(section index, text)`` of every paragraph, in order."""
    return [(s, p) for s, sec in enumerate(article["sections"]) for p in sec["paragraphs"]]


def _with_paragraphs(article: dict, paras: list[tuple[int, str]]) -> dict:
    sections = []
    for s, sec in enumerate(article["sections"]):
        texts = [t for i, t in paras if i == s]
        if texts:
            sections.append({**sec, "paragraphs": texts})
    return {**article, "sections": sections}


def _printed(rng: random.Random, article: dict, width: int) -> tuple[dict, bool]:
    """The article as printed: a dateline byline moved into the lead; sometimes the text
    cut at a printed line break by a jump to another page. Returns it and whether it
    was cut."""
    paras = _paragraphs(article)
    byline = article.get("byline")
    if byline and _DATELINE_BYLINE.match(byline) and paras:
        paras[0] = (paras[0][0], byline + paras[0][1])
        article = {**article, "byline": None}
    if article.get("signature") and paras:  # (冯燕平) closes the last paragraph
        paras[-1] = (paras[-1][0], paras[-1][1] + article["signature"])
        article = {**article, "signature": None}
    cut = False
    if len(paras) >= 3 and rng.random() < _P_JUMP_OUT:
        p = rng.randrange(1, len(paras))
        lines = printed_lines(paras[p][1], width)
        keep = rng.randint(1, len(lines) - 1) if len(lines) > 1 else 1
        paras = paras[:p] + [(paras[p][0], "".join(lines[:keep]))]
        cut = True
    return _with_paragraphs(article, paras), cut


def _names(article: dict, others: list[dict]) -> list[str]:
    """Reporter names: people of the other articles on the page first, then its own."""
    own = [n for n in article.get("people", ()) if 2 <= len(n) <= 3]
    pool = [n for o in others for n in o.get("people", ()) if 2 <= len(n) <= 3]
    return list(dict.fromkeys([n for n in pool if n not in own] + own))


def _byline(rng: random.Random, article: dict, others: list[dict]) -> str | None:
    """A standalone byline for an article with none and no dateline in its lead."""
    if article.get("byline"):
        return article["byline"]
    paras = _paragraphs(article)
    if not paras or _DATELINE_LEAD.match(paras[0][1]) or rng.random() >= _P_BYLINE:
        return None
    names = _names(article, others)
    places = [p for p in article.get("places", ()) if 2 <= len(p) <= 4]
    usable = [t for t in _byline_data()["templates"]
              if ("{b}" not in t or len(names) >= 2) and ("{place}" not in t or places)]
    if not names or not usable:
        return None
    a, b = rng.sample(names, 2) if len(names) >= 2 else (names[0], names[0])
    place = rng.choice(places) if places else ""
    return rng.choice(usable).format(a=a, b=b, place=place)


def _mark(rng: random.Random, style: str, role: str, text: str, k: int) -> str:
    """A header line with the markup ``style`` gives an element of ``role``."""
    title = role in TITLE_ROLES
    if style == "mineru":
        return f"# {text}" if title else text
    if style == "paddle-vl":
        if role == "headline" and k == 0:
            return f"# {text}"
        return f"## {text}" if title else text
    if style == "pp-structure":
        r = rng.random()
        if role == "byline" and r < 0.4:
            return f'<div style="text-align: center;">{text}</div>'
        if role == "headline":
            return f"# {text}" if r < 0.4 else f"## {text}" if r < 0.6 else text
        return f"## {text}" if title and r < 0.4 else text
    if style == "marker":
        r = rng.random()
        if title and r < 0.25:
            return f"**{text}**"
        if title and r < 0.9:
            levels = (1, 2, 3) if role == "headline" else (2, 3, 4)
            return "#" * rng.choice(levels) + " " + text
        return f"#### {text}" if role == "marker" and r < 0.5 else text
    return text  # raw-ocr


def _header(rng: random.Random, style: str, k: int, article: dict,
            jump_in: bool) -> list[_Block]:
    """Header blocks: banner (a series line, given the role kicker), kicker, headline,
    subtitle, byline, and the article's own jump marker or, if ``jump_in``, a new one."""
    blocks = []
    marker = article.get("marker")
    if not marker and jump_in:
        marker = rng.choice(_byline_data()["continued_from"]).format(n=_page_number(rng))
    for role, text in (("kicker", article.get("banner")), ("kicker", article.get("kicker")),
                       ("headline", article.get("title")),
                       ("subtitle", article.get("subtitle")),
                       ("byline", article.get("byline")), ("marker", marker)):
        if text:
            blocks.append(_Block("header", k, [_mark(rng, style, role, text, k)], role))
    return blocks


def _body(rng: random.Random, style: str, k: int, article: dict,
          width: int) -> tuple[list[_Block], _Block | None]:
    """Body blocks of one article (section headings included) and a cut tail, if any."""
    space_p = 0.0 if style in LINE_STYLES else rng.choice([0.0, 0.5, 0.9])
    paras = _paragraphs(article)
    narrow: set[int] = set()
    if style not in LINE_STYLES and len(paras) > 1 and rng.random() < _P_NARROW:
        i = rng.randrange(1, len(paras))
        narrow = {i, i + 1} if rng.random() < 0.5 else {i}
    blocks: list[_Block] = []
    tail, seen = None, None
    for n, (s, text) in enumerate(paras):
        if s != seen:
            section = article["sections"][s]
            for key in ("label", "heading"):
                if section.get(key):
                    line = _mark(rng, style, "section", section[key], k)
                    blocks.append(_Block("header", k, [line], "section"))
            seen = s
        segs = [_Seg(line, k, n, i) for i, line in enumerate(printed_lines(text, width))]
        if n in narrow:
            blocks += [_Block("body", k, segs=[seg]) for seg in segs]
        elif len(segs) >= 2 and n > 0 and rng.random() < _P_CUT:
            c = rng.randint(1, len(segs) - 1)
            rest = _Block("body", k, segs=segs[c:], space_p=space_p)
            blocks += [_Block("body", k, segs=segs[:c], space_p=space_p), rest]
            tail = tail or rest
        else:
            blocks.append(_Block("body", k, segs=segs, space_p=space_p))
    return blocks, tail


def _figure(rng: random.Random, style: str) -> list[str]:
    x0, y0 = rng.randrange(40, 900), rng.randrange(40, 1400)
    x1, y1 = x0 + rng.randrange(200, 700), y0 + rng.randrange(150, 600)
    if style == "paddle-vl":
        return [f'<div style="text-align: center;"><img src="imgs/img_in_image_box_{x0}_{y0}_'
                f'{x1}_{y1}.jpg" alt="Image" width="{rng.randrange(25, 95)}%" /></div>']
    if style == "pp-structure":
        return ['<div align="center">', f'\t<img src="page/[{x0}, {y0}, {x1}, {y1}]_0.jpg">',
                "</div>"]
    if style == "marker":
        return [f"![](_page_0_Picture_{rng.randrange(1, 40)}.jpeg)"]
    return []  # raw-ocr: an image has no text


def _photos(rng: random.Random, style: str, k: int, article: dict) -> list[list[_Block]]:
    """Figures with their captions (title line, caption line), one group per photo."""
    if style == "mineru":
        return []
    groups = []
    for title, caption in article.get("photos", ()):
        if rng.random() >= _P_PHOTO:
            continue
        group = [_Block("figure", k, lines)] if (lines := _figure(rng, style)) else []
        for text in (title, caption):
            if text and style == "raw-ocr":
                group.append(_Block("caption", k, printed_lines(text, rng.randint(14, 24), 0)))
            elif text:
                group.append(_Block("caption", k, [text]))
        groups.append(group)
    return groups


def _table(rng: random.Random, style: str, k: int, article: dict) -> _Block | None:
    """A small table whose cells are short phrases of ``article``."""
    phrases = [m.group(0) for _, t in _paragraphs(article) for m in _PHRASE.finditer(t)]
    cols, rows = rng.randint(2, 4), rng.randint(2, 4)
    if len(phrases) < cols * rows:
        return None
    start = rng.randrange(len(phrases) - cols * rows + 1)
    grid = [phrases[start + r * cols:start + (r + 1) * cols] for r in range(rows)]
    if style == "paddle-vl":
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in grid)
        return _Block("table", k, ['<div style="text-align: center;"><html><body><table '
                                   f'border="1"><tbody>{cells}</tbody></table></body></html></div>'])
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * cols]
    return _Block("table", k, lines + ["| " + " | ".join(row) + " |" for row in grid[1:]])


def _article(rng: random.Random, style: str, k: int, article: dict,
             others: list[dict]) -> _Laid:
    """Header, body, cut tail and figures of one article, damaged in place."""
    width = rng.randint(12, 24)
    printed, cut = _printed(rng, article, width)
    printed = {**printed, "byline": _byline(rng, printed, others)}
    header = _header(rng, style, k, printed, rng.random() < _P_JUMP_IN)
    body, tail = _body(rng, style, k, printed, width)
    if cut:
        marker = rng.choice(_byline_data()["continued_to"]).format(n=_page_number(rng))
        body.append(_Block("header", k, [_mark(rng, style, "marker", marker, k)], "marker"))
    return _Laid(header, body, printed, tail, _photos(rng, style, k, printed))


# --- the page -------------------------------------------------------------------------

def _explode(blocks: list[_Block]) -> list[_Block]:
    """Line styles: every printed line of a body block becomes a block of its own."""
    out = []
    for b in blocks:
        if b.kind == "body" and len(b.segs) > 1:
            out += [_Block("body", b.article, segs=[s]) for s in b.segs]
        else:
            out.append(b)
    return out


def _swap_columns(rng: random.Random, body: list[_Block]) -> list[_Block]:
    """Emit a later run of lines before the run above it (columns read out of order)."""
    h = rng.randint(4, 12)
    if len(body) < 2 * h + 1:
        return body
    i = rng.randrange(0, len(body) - 2 * h + 1)
    return body[:i] + body[i + h:i + 2 * h] + body[i:i + h] + body[i + 2 * h:]


def _fuse(rng: random.Random, body: list[_Block]) -> list[_Block]:
    """Two printed lines side by side in two columns, read across as one line."""
    h = rng.randint(3, 10)
    starts = [i for i in range(len(body) - h)
              if body[i].kind == body[i + h].kind == "body" and len(body[i].segs) == 1
              and len(body[i + h].segs) == 1 and not body[i].fused]
    if not starts:
        return body
    i = rng.choice(starts)
    fused = _Block("body", body[i].article, segs=body[i].segs + body[i + h].segs, fused=True)
    return body[:i] + [fused] + body[i + 1:i + h] + body[i + h + 1:]


def _with_extras(rng: random.Random, body: list[_Block], extras: list[list[_Block]]
                 ) -> list[_Block]:
    """Figures and tables placed after a random block of the article's body."""
    body = list(body)
    for group in extras:
        at = rng.randint(1, len(body)) if body else 0
        body[at:at] = group
    return body


def _article_blocks(rng: random.Random, style: str, art: _Laid, body: list[_Block]
                    ) -> tuple[list[_Block], int, int]:
    """The article's blocks in emission order, the index after its header and the
    index after its opening body block (where a carried tail may go)."""
    if style in LINE_STYLES:
        body = _explode(body)
        if rng.random() < _P_SWAP.get(style, 0.0):
            body = _swap_columns(rng, body)
        if rng.random() < _P_FUSE.get(style, 0.0):
            body = _fuse(rng, body)
    body = _with_extras(rng, body, art.extras)
    above: list[_Block] = []
    if rng.random() < _P_ABOVE.get(style, _P_ABOVE_DEFAULT) and len(body) >= 3:
        n = rng.choice((1, 1, 2))
        if all(b.kind == "body" for b in body[:n]):
            above, body = body[:n], body[n:]
    blocks = above + art.header + body
    opening = next((i for i, b in enumerate(blocks) if b.kind == "body"), len(blocks) - 1)
    return blocks, len(above) + len(art.header), opening + 1


def _assemble(rng: random.Random, style: str, laid: list[_Laid]) -> list[_Block]:
    """All blocks of the page in emission order, with column-cut tails placed: most
    right after their head, some under the next article's header, some after the next
    article's opening."""
    out: list[_Block] = []
    carry: tuple[_Block, str] | None = None
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


def _render(rng: random.Random, style: str, blocks: list[_Block]) -> _Rendered:
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
    laid = [_article(rng, style, k, a, [o for j, o in enumerate(articles) if j != k])
            for k, a in enumerate(articles)]
    if rng.random() < _P_TABLE.get(style, 0.0):
        k = rng.randrange(len(laid))
        table = _table(rng, style, k, laid[k].article)
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
