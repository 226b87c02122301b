"""A page damager: clean articles in, OCR-style Markdown with known truth out.

It imitates what layout tools do to a printed page, so reconstruction can be measured
on pages whose right answer is known:

* text is broken into printed lines of 12–24 characters, the first line of a paragraph
  indented by two characters;
* a block paragraph keeps its printed line breaks as spaces (some of them);
* a narrow column is emitted one printed line per Markdown paragraph;
* a paragraph is cut at a column break and its tail printed further down, sometimes
  under the next article's header;
* the opening of an article is printed above its own headline, inside another
  article's text;
* a paragraph's final full stop is printed inside the next section heading;
* headlines, kickers, subtitles, bylines (dateline or standalone), jump markers,
  section headings and sidebars are emitted with unreliable heading levels.

Every page is generated from a seed, so it is reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..genre import genre
from ..text import char_width

if TYPE_CHECKING:
    from ..page import Page


@dataclass
class _Block:
    text: str
    #: (article, paragraph, piece) for body text; None for headers and headings
    truth: tuple[int, int, int] | None = None
    #: a displaced final punctuation mark printed at the start of this heading
    prefix_truth: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class DamagedPage:
    """Generated Markdown and its truth.

    ``truth`` maps each body line to ``(article, paragraph, piece)``: the article's
    position in ``articles``, the paragraph's number in that article (from 0, across
    sections), and the piece's place in the paragraph. ``joins`` are the true joins as
    ``(line, line)`` pairs, in reading order.
    """

    markdown: str
    truth: dict[int, tuple[int, int, int]]
    joins: frozenset[tuple[int, int]]
    articles: tuple[dict, ...] = field(repr=False, default=())


#: Characters a printed line may not begin with (the typesetting rule 避头尾): they
#: hang at the end of the line before. The genre's non-initial punctuation, plus dashes
#: (a —— is never split across lines) and the per-cent sign.
NO_LINE_START = "".join(sorted(genre().non_initial)) + "—%"


def printed_lines(text: str, width: int, indent: int = 2) -> list[str]:
    """Break ``text`` into printed lines ``width`` em wide; the first is indented."""
    lines, current, used, limit = [], "", 0.0, width - indent
    for char in text:
        if used + char_width(char) > limit and char not in NO_LINE_START:
            lines.append(current)
            current, used, limit = "", 0.0, width
        current += char
        used += char_width(char)
    if current:
        lines.append(current)
    return lines


def _heading(rng: random.Random, text: str, levels=(2, 3, 4)) -> str:
    return "#" * rng.choice(levels) + " " + text


@dataclass
class _Laid:
    header: list[_Block]
    body: list[list[_Block]]  # one unit per paragraph or heading
    cut: tuple[int, int] | None = None  # (unit, block) where a column cut's tail starts
    dateline: bool = False  # the opening paragraph carries a 本报讯 byline


def _article(rng: random.Random, k: int, article: dict) -> _Laid:
    """Header blocks and body units of one article, damaged in place."""
    width = rng.randint(12, 24)
    space_p = rng.choice([0.0, 0.5, 0.9])
    header: list[_Block] = []
    if article.get("kicker"):
        header.append(_Block(_heading(rng, article["kicker"], (3, 4))))
    header.append(_Block(_heading(rng, article["title"], (1, 2, 3))))
    if article.get("subtitle"):
        header.append(_Block(article["subtitle"]))
    byline = article.get("byline")
    dateline = bool(byline) and not byline.startswith("●")
    if byline and not dateline:
        header.append(_Block(byline))
    if article.get("banner"):
        header.append(_Block(_heading(rng, article["banner"], (3, 4))))
    if article.get("marker"):
        header.append(_Block(rng.choice(["", "#### "]) + article["marker"]))

    paragraphs = [(s, p) for s in article["sections"] for p in s["paragraphs"]]
    narrow: set[int] = set()
    if len(paragraphs) > 1 and rng.random() < 0.3:
        i = rng.randrange(1, len(paragraphs))
        narrow = {i, min(i + 1, len(paragraphs) - 1)} if rng.random() < 0.5 else {i}
    units: list[list[_Block]] = []
    cut = None
    section_seen = None
    for n, (section, text) in enumerate(paragraphs):
        if section is not section_seen:
            if section.get("label"):
                units.append([_Block(_heading(rng, section["label"], (3, 4)))])
            if section.get("heading"):
                units.append([_Block(_heading(rng, section["heading"], (3, 4)))])
            section_seen = section
        if n == 0 and dateline:
            text = byline + text
        lines = printed_lines(text, width)
        if len(lines) >= 2 and rng.random() < 0.02:  # text lost: the paragraph stops short
            lines = lines[:-1]
            lines[-1] = lines[-1][: max(1, len(lines[-1]) - rng.randint(1, 5))]
        if n in narrow:
            units.append([_Block(line, (k, n, i)) for i, line in enumerate(lines)])
            continue
        parts = [lines]
        if len(lines) >= 2 and n > 0 and rng.random() < 0.12:
            c = rng.randint(1, len(lines) - 1)
            parts = [lines[:c], lines[c:]]
            if cut is None:
                cut = (len(units), 1)
        unit = []
        for i, part in enumerate(parts):
            joined = part[0]
            for line in part[1:]:
                joined += (" " if rng.random() < space_p else "") + line
            unit.append(_Block(joined, (k, n, i)))
        units.append(unit)
    return _Laid(header, units, cut, dateline)


def _displace_punctuation(rng: random.Random, units: list[list[_Block]]) -> None:
    """Move a paragraph's final 。 into the section heading that follows it."""
    for i in range(1, len(units)):
        prev, cur = units[i - 1][-1], units[i][0]
        if (cur.truth is None and cur.text.startswith("#") and prev.truth is not None
                and len(prev.text) > 1 and prev.text.endswith("。") and rng.random() < 0.3):
            hashes, _, title = cur.text.partition(" ")
            prev.text = prev.text[:-1]
            cur.text = f"{hashes} 。 {title}"
            cur.prefix_truth = (prev.truth[0], prev.truth[1], prev.truth[2] + 1)


def damage(articles: list[dict], seed: int) -> DamagedPage:
    """Generate one damaged page from ``articles`` (see :mod:`zhpaper.evaluation.damage`).

    Column cuts are placed as the seed page shows them: most tails follow their head
    directly (a paragraph split into two Markdown blocks); some are printed under the
    next article's header; some are separated from their head by the opening of the
    next article, printed as a narrow column above its own headline.
    """
    rng = random.Random(seed)
    chosen = rng.sample(range(len(articles)), k=rng.randint(min(3, len(articles)),
                                                         len(articles)))
    laid = [_article(rng, k, articles[i]) for k, i in enumerate(chosen)]
    for art in laid:
        _displace_punctuation(rng, art.body)
    # body units → blocks, with cut tails and moved openings placed between articles
    bodies: list[list[_Block]] = []
    carry: list[_Block] = []  # a tail printed under the next article's header
    for k, art in enumerate(laid):
        blocks = carry + [b for unit in art.body for b in unit]
        carry = []
        if art.cut is not None and k + 1 < len(laid):
            u, _ = art.cut
            head_at = sum(len(unit) for unit in art.body[:u]) + len(carry)
            tail = art.body[u][1]
            where = rng.random()
            nxt = laid[k + 1]
            if where < 0.2 and not nxt.dateline:
                blocks.remove(tail)
                carry = [tail]
            elif where < 0.4 and not nxt.dateline and len(nxt.body) > 1:
                # the next article's opening, printed narrow, between head and tail
                j = next(i for i, unit in enumerate(nxt.body) if unit[0].truth is not None)
                opening = nxt.body.pop(j)
                if nxt.cut is not None:
                    nxt.cut = None if nxt.cut[0] == j else (
                        nxt.cut[0] - (nxt.cut[0] > j), 1)
                text = "".join(b.text for b in opening).replace(" ", "")
                lines = printed_lines(text, rng.randint(14, 18))
                narrow = [_Block(line, (k + 1, opening[0].truth[1], i))
                          for i, line in enumerate(lines)]
                blocks[head_at + 1:head_at + 1] = narrow
        bodies.append(blocks)
    if carry:  # no next article: the tail stays at the end of its own
        bodies[-1] += carry
    blocks = [b for art, body in zip(laid, bodies, strict=True) for b in art.header + body]
    lines, truth = [], {}
    for b in blocks:
        number = len(lines) + 1
        lines += [b.text, ""]
        if b.truth is not None:
            truth[number] = b.truth
        if b.prefix_truth is not None:
            truth[number] = b.prefix_truth
    order = sorted(truth, key=lambda n: truth[n])
    joins = frozenset(
        (a, b) for a, b in zip(order, order[1:], strict=False)
        if truth[a][:2] == truth[b][:2]
    )
    return DamagedPage("\n".join(lines).rstrip() + "\n", truth, joins,
                       tuple(articles[i] for i in chosen))


@dataclass(frozen=True)
class Injected:
    """A character misread on purpose: at ``line``/``column`` ``correct`` became ``wrong``."""

    line: int
    column: int
    correct: str
    wrong: str


def inject_confusions(page: DamagedPage, seed: int, rate: float = 0.05,
                      sets: dict[str, frozenset[str]] | None = None
                      ) -> tuple[str, list[Injected]]:
    """Misread about ``rate`` of the body lines: one character inside a dictionary word
    becomes a look-alike (from the confusion sets). Returns the new Markdown and truth."""
    from ..audit import confusion_sets
    from ..lexicon import segment

    sets = sets or confusion_sets()
    rng = random.Random(seed * 7919 + 1)
    lines = page.markdown.split("\n")
    injected = []
    for number in sorted(page.truth):
        if rng.random() >= rate:
            continue
        text = lines[number - 1]
        choices = [start + k for start, word in segment(text) if len(word) >= 2
                   for k, c in enumerate(word) if c in sets]
        if not choices:
            continue
        col = rng.choice(choices)
        wrong = rng.choice(sorted(sets[text[col]]))
        injected.append(Injected(number, col, text[col], wrong))
        lines[number - 1] = text[:col] + wrong + text[col + 1:]
    return "\n".join(lines), injected


def corpus_from_page(page: Page) -> list[dict]:
    """The articles of a reconstructed page in the form :func:`damage` takes (title,
    kicker, subtitle, byline, banner, marker, sections of paragraph texts), so that any
    page can be damaged again to measure the library on it."""
    out = []
    for a in page.articles:
        def text(e):
            return None if e is None else e.text

        out.append({
            "title": a.title, "kicker": text(a.kicker), "subtitle": text(a.subtitle),
            "banner": text(a.banner), "byline": text(a.byline), "marker": text(a.marker),
            "signature": text(a.signature),
            "sections": [{"heading": s.heading, "label": s.label, "kind": s.kind,
                          "paragraphs": [p.text for p in s.paragraphs]}
                         for s in a.sections],
        })
    return out
