"""One article as a layout tool prints it: the per-article half of
:mod:`zhpaper.evaluation.layout`.

:func:`lay_out_article` turns one article (in the dict form of
:mod:`zhpaper.evaluation.damage`) into Markdown blocks in a tool's style, damaged in
place: a dateline byline moved into the lead, a signature closing the last paragraph,
sometimes the text cut by a jump to another page (``（下转第N版）``); a standalone byline
(templates in ``data/bylines.toml``) for an article that has none; header lines with the
markup the style gives each role; the body cut into printed lines, now and then one or
two paragraphs as a narrow column or a paragraph cut at a column break; photos with
their captions. :func:`table_block` makes a small table of the article's phrases. The
page module places these blocks, renders them and keeps the truth.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import read_data
from .damage import printed_lines

STYLES = ("mineru", "paddle-vl", "pp-structure", "marker", "raw-ocr")
#: Styles that print one printed line per Markdown line (no joins inside a line).
LINE_STYLES = frozenset({"pp-structure", "raw-ocr"})
TITLE_ROLES = frozenset({"kicker", "headline", "subtitle", "section"})

#: A byline that is printed as the start of the lead paragraph (本报讯（记者 X）…).
_DATELINE_BYLINE = re.compile(r"^(?:本报讯|本报\S{0,10}电|新华社\S{0,14}电|\S{2,8}讯)(?!员)")
#: A lead paragraph that opens with a dateline: the article needs no byline.
_DATELINE_LEAD = re.compile(r"^(?:据)?(?:本报|新华社|中新社)\S{0,24}?(?:讯|电)")
_PHRASE = re.compile(r"[^，。、；：！？“”‘’（）《》,.;:!?()\s]{2,8}")
_PAGE_DIGITS = ("23456789", "２３４５６７８９", "二三四五六七八九")

#: Per-article probabilities.
_P_NARROW = 0.15  # one or two paragraphs one printed line per block (block styles)
_P_CUT = 0.12  # a paragraph cut at a column break
_P_PHOTO = 0.8  # an article's photo is printed (styles with images or captions)
_P_BYLINE = 0.5  # a standalone byline is added when an article has none
_P_JUMP_OUT = 0.08
_P_JUMP_IN = 0.06


@dataclass(frozen=True)
class _Seg:
    """One printed line of body text: paragraph ``para``, printed line ``index``."""

    text: str
    article: int
    para: int
    index: int


@dataclass
class Block:
    """One Markdown block before rendering."""

    kind: str  # header, body, figure, table, caption
    article: int
    lines: list[str] = field(default_factory=list)  # header and non-text blocks
    role: str | None = None
    segs: list[_Seg] = field(default_factory=list)  # body blocks
    space_p: float = 0.0  # chance of a space at each printed line break
    fused: bool = False  # raw-ocr: segs[1] sits beside segs[0] on one line


@dataclass
class LaidArticle:
    header: list[Block]
    body: list[Block]
    article: dict
    tail: Block | None = None  # a column cut's tail that may be printed elsewhere
    extras: list[list[Block]] = field(default_factory=list)  # figures with captions


@lru_cache(maxsize=1)
def _byline_data() -> dict:
    return tomllib.loads(read_data("bylines.toml"))


def _page_number(rng: random.Random) -> str:
    digits = rng.choice(_PAGE_DIGITS)
    return digits[rng.randrange(len(digits))]


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
            jump_in: bool) -> list[Block]:
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
            blocks.append(Block("header", k, [_mark(rng, style, role, text, k)], role))
    return blocks


def _body(rng: random.Random, style: str, k: int, article: dict,
          width: int) -> tuple[list[Block], Block | None]:
    """Body blocks of one article (section headings included) and a cut tail, if any."""
    space_p = 0.0 if style in LINE_STYLES else rng.choice([0.0, 0.5, 0.9])
    paras = _paragraphs(article)
    narrow: set[int] = set()
    if style not in LINE_STYLES and len(paras) > 1 and rng.random() < _P_NARROW:
        i = rng.randrange(1, len(paras))
        narrow = {i, i + 1} if rng.random() < 0.5 else {i}
    blocks: list[Block] = []
    tail, seen = None, None
    for n, (s, text) in enumerate(paras):
        if s != seen:
            section = article["sections"][s]
            for key in ("label", "heading"):
                if section.get(key):
                    line = _mark(rng, style, "section", section[key], k)
                    blocks.append(Block("header", k, [line], "section"))
            seen = s
        segs = [_Seg(line, k, n, i) for i, line in enumerate(printed_lines(text, width))]
        if n in narrow:
            blocks += [Block("body", k, segs=[seg]) for seg in segs]
        elif len(segs) >= 2 and n > 0 and rng.random() < _P_CUT:
            c = rng.randint(1, len(segs) - 1)
            rest = Block("body", k, segs=segs[c:], space_p=space_p)
            blocks += [Block("body", k, segs=segs[:c], space_p=space_p), rest]
            tail = tail or rest
        else:
            blocks.append(Block("body", k, segs=segs, space_p=space_p))
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


def _photos(rng: random.Random, style: str, k: int, article: dict) -> list[list[Block]]:
    """Figures with their captions (title line, caption line), one group per photo."""
    if style == "mineru":
        return []
    groups = []
    for title, caption in article.get("photos", ()):
        if rng.random() >= _P_PHOTO:
            continue
        group = [Block("figure", k, lines)] if (lines := _figure(rng, style)) else []
        for text in (title, caption):
            if text and style == "raw-ocr":
                group.append(Block("caption", k, printed_lines(text, rng.randint(14, 24), 0)))
            elif text:
                group.append(Block("caption", k, [text]))
        groups.append(group)
    return groups


def table_block(rng: random.Random, style: str, k: int, article: dict) -> Block | None:
    """A small table whose cells are short phrases of ``article``."""
    phrases = [m.group(0) for _, t in _paragraphs(article) for m in _PHRASE.finditer(t)]
    cols, rows = rng.randint(2, 4), rng.randint(2, 4)
    if len(phrases) < cols * rows:
        return None
    start = rng.randrange(len(phrases) - cols * rows + 1)
    grid = [phrases[start + r * cols:start + (r + 1) * cols] for r in range(rows)]
    if style == "paddle-vl":
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in grid)
        return Block("table", k, ['<div style="text-align: center;"><html><body><table '
                                   f'border="1"><tbody>{cells}</tbody></table></body></html></div>'])
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * cols]
    return Block("table", k, lines + ["| " + " | ".join(row) + " |" for row in grid[1:]])


def lay_out_article(rng: random.Random, style: str, k: int, article: dict,
             others: list[dict]) -> LaidArticle:
    """Header, body, cut tail and figures of one article, damaged in place."""
    width = rng.randint(12, 24)
    printed, cut = _printed(rng, article, width)
    printed = {**printed, "byline": _byline(rng, printed, others)}
    header = _header(rng, style, k, printed, rng.random() < _P_JUMP_IN)
    body, tail = _body(rng, style, k, printed, width)
    if cut:
        marker = rng.choice(_byline_data()["continued_to"]).format(n=_page_number(rng))
        body.append(Block("header", k, [_mark(rng, style, "marker", marker, k)], "marker"))
    return LaidArticle(header, body, printed, tail, _photos(rng, style, k, printed))


__all__ = ["LINE_STYLES", "STYLES", "TITLE_ROLES", "Block", "LaidArticle", "lay_out_article",
           "table_block"]
