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


def printed_lines(text: str, width: int, indent: int = 2) -> list[str]:
    """Break ``text`` into printed lines of ``width`` characters; the first is indented."""
    lines, start, first = [], 0, True
    while start < len(text):
        w = width - indent if first else width
        lines.append(text[start:start + w])
        start += w
        first = False
    return lines


def _heading(rng: random.Random, text: str, levels=(2, 3, 4)) -> str:
    return "#" * rng.choice(levels) + " " + text


def _article_blocks(rng: random.Random, k: int, article: dict) -> tuple[list[_Block], list[_Block]]:
    """Header blocks and body blocks of one article, damaged."""
    width = rng.randint(12, 24)
    space_p = rng.choice([0.0, 0.5, 0.9])
    header: list[_Block] = []
    if article.get("kicker"):
        header.append(_Block(_heading(rng, article["kicker"], (3, 4))))
    header.append(_Block(_heading(rng, article["title"], (1, 2, 3))))
    if article.get("subtitle"):
        header.append(_Block(article["subtitle"]))
    byline = article.get("byline")
    lead_byline = bool(byline) and not byline.startswith("●")
    if byline and not lead_byline:
        header.append(_Block(byline))
    if article.get("banner"):
        header.append(_Block(_heading(rng, article["banner"], (3, 4))))
    if article.get("marker"):
        header.append(_Block(rng.choice(["", "#### "]) + article["marker"]))

    paragraphs = [(s, p) for s in article["sections"] for p in s["paragraphs"]]
    narrow = set()
    if len(paragraphs) > 1 and rng.random() < 0.3:
        i = rng.randrange(len(paragraphs))
        narrow = {i, min(i + 1, len(paragraphs) - 1)} if rng.random() < 0.5 else {i}
    body: list[_Block] = []
    section_seen = None
    pending_cut: list[tuple[int, _Block]] = []
    for n, (section, text) in enumerate(paragraphs):
        if section is not section_seen:
            if section_seen is not None or section.get("heading") or section.get("label"):
                if section.get("label"):
                    body.append(_Block(_heading(rng, section["label"], (3, 4))))
                if section.get("heading"):
                    body.append(_Block(_heading(rng, section["heading"], (3, 4))))
            section_seen = section
        if n == 0 and lead_byline:
            text = byline + text
        lines = printed_lines(text, width)
        if n in narrow:
            body += [_Block(line, (k, n, i)) for i, line in enumerate(lines)]
            continue
        pieces = [lines]
        if len(lines) >= 3 and rng.random() < 0.25 and n + 1 < len(paragraphs):
            c = rng.randint(1, len(lines) - 1)
            pieces = [lines[:c], lines[c:]]
        for i, part in enumerate(pieces):
            joined = part[0]
            for line in part[1:]:
                joined += (" " if rng.random() < space_p else "") + line
            block = _Block(joined, (k, n, i))
            if i == 0:
                body.append(block)
            else:
                pending_cut.append((len(body) + rng.randint(1, 2), block))
    for at, block in sorted(pending_cut, key=lambda x: -x[0]):
        body.insert(min(at, len(body)), block)
    return header, body


def _displace_punctuation(rng: random.Random, body: list[_Block]) -> None:
    """Move a paragraph's final 。 into the section heading that follows it."""
    for i in range(1, len(body)):
        prev, cur = body[i - 1], body[i]
        if (cur.truth is None and cur.text.startswith("#") and prev.truth is not None
                and prev.text.endswith("。") and rng.random() < 0.3):
            hashes, _, title = cur.text.partition(" ")
            prev.text = prev.text[:-1]
            cur.text = f"{hashes} 。 {title}"
            cur.prefix_truth = (prev.truth[0], prev.truth[1], prev.truth[2] + 1)


def damage(articles: list[dict], seed: int) -> DamagedPage:
    """Generate one damaged page from ``articles`` (see :mod:`zhpaper.damage`)."""
    rng = random.Random(seed)
    chosen = rng.sample(range(len(articles)), k=rng.randint(min(3, len(articles)),
                                                         len(articles)))
    laid = []
    for k, index in enumerate(chosen):
        header, body = _article_blocks(rng, k, articles[index])
        _displace_punctuation(rng, body)
        laid.append((header, body))
    # the opening of an article printed above its headline, inside the previous article
    for k in range(1, len(laid)):
        header, body = laid[k]
        first = body[0].truth if body and body[0].truth else None
        prev_body = laid[k - 1][1]
        opens_with_dateline = articles[chosen[k]].get("byline", "") and not \
            articles[chosen[k]]["byline"].startswith("●")
        if first and not opens_with_dateline and len(prev_body) >= 2 and rng.random() < 0.35:
            moving = [b for b in body if b.truth and b.truth[1] == 0]
            if len(moving) == 1:  # print the opening as a narrow column
                text = moving[0].text.replace(" ", "")
                lines = printed_lines(text, rng.randint(14, 18))
                moving = [_Block(line, (k, 0, i)) for i, line in enumerate(lines)]
            laid[k] = (header, [b for b in body if not (b.truth and b.truth[1] == 0)])
            at = rng.randint(1, len(prev_body) - 1)
            laid[k - 1] = (laid[k - 1][0], prev_body[:at] + moving + prev_body[at:])

    blocks = [b for header, body in laid for b in header + body]
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
