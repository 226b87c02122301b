"""One article of the People's Daily (January 1998) corpus, as :mod:`zhpaper.pd1998` finds it.

A :class:`CorpusArticle` holds its header lines, byline, paragraphs with their tagged
words, photos and section headings; :func:`header_roles` tells kicker, title and
subtitle among 1–3 header lines, and :meth:`CorpusArticle.as_damage_article` gives the
article in the form the page simulators take. How the articles are found in the
corpus file is :mod:`zhpaper.pd1998`'s business.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

#: A first header line ending in one of these leads into the headline (a kicker).
_KICKER_END = re.compile(r"(?:时指出|时强调|时表示|时说|指出|强调|表示|要求|提出|希望|[：:]|—+)$")
#: A single header line made of a kicker and a headline: 温家宝在…考察时指出动员…
_KICKER_SPLIT = re.compile(r"(?<=时指出|时强调|时表示)")
_DASHES = re.compile(r"—{2,}")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,6}")

Tagged = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the corpus, with its tagged tokens and attached photos."""

    number: int  #: position among the kept articles, 0-based, in date order
    first_line: int  #: 1-based line of its first header line in ``199801.txt``
    header: tuple[str, ...]  #: 1–3 header lines (kicker / headline / subtitle)
    byline: str | None
    paragraphs: tuple[str, ...]
    tagged: tuple[Tagged, ...]  #: one tuple of (word, tag) pairs per paragraph
    photos: tuple[tuple[str, str], ...] = ()  #: (title, caption) pairs
    #: section headings: (index of the first paragraph under it, heading text)
    headings: tuple[tuple[int, str], ...] = ()

    @property
    def title(self) -> str:
        return header_roles(self.header)["title"]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def people(self) -> tuple[str, ...]:
        """Person names (runs of ``nr`` tokens: 江/nr 泽民/nr → 江泽民), first seen first."""
        return tuple(dict.fromkeys(n for para in self.tagged for n in _runs(para, "nr")))

    def places(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for para in self.tagged for w, t in para if t == "ns"))

    def as_damage_article(self) -> dict:
        """The article in the form :func:`zhpaper.evaluation.damage.damage` and
        :func:`zhpaper.evaluation.damage.corpus_from_page` use, plus ``photos``, ``people``,
        ``places`` and ``source`` (ignored by the damager). The header lines are given
        roles by :func:`header_roles`. Note that :func:`~zhpaper.evaluation.damage.damage` prints a
        byline as a dateline in front of the lead unless it starts with ●."""
        roles = header_roles(self.header)
        starts = [0, *(i for i, _ in self.headings), len(self.paragraphs)]
        names = [None, *(h for _, h in self.headings)]
        sections = [{"heading": name, "label": None, "kind": "body",
                     "paragraphs": list(self.paragraphs[a:b])}
                    for name, a, b in zip(names, starts, starts[1:], strict=False) if b > a]
        return {**roles, "byline": self.byline, "banner": None, "marker": None,
                "signature": None, "sections": sections,
                "photos": [list(p) for p in self.photos], "people": list(self.people()),
                "places": list(self.places()), "source": f"pd1998:{self.number}"}


def header_roles(header: tuple[str, ...]) -> dict[str, str | None]:
    """Kicker, title and subtitle of 1–3 header lines.

    * one line: the title; a line ``A——B`` (both sides at least 4 characters) is title
      ``A`` and subtitle ``——B``; a line ``…时指出…`` (``时强调``, ``时表示``) is split
      after the verb into kicker and title;
    * two lines: kicker + title when the first line leads into the second (it ends in
      时指出, 强调, 表示, a colon or a dash) and the second does not start with a dash;
      otherwise title + subtitle;
    * three lines: kicker, title, subtitle.
    """
    if len(header) >= 3:
        return {"kicker": header[0], "title": header[1], "subtitle": header[2]}
    if len(header) == 2:
        first, second = header
        if _KICKER_END.search(first) and not second.startswith("—"):
            return {"kicker": first, "title": second, "subtitle": None}
        return {"kicker": None, "title": first, "subtitle": second}
    line = header[0]
    dash = _DASHES.search(line)
    if dash and dash.start() >= 4 and len(line) - dash.end() >= 4:
        return {"kicker": None, "title": line[:dash.start()], "subtitle": line[dash.start():]}
    parts = _KICKER_SPLIT.split(line, maxsplit=1)
    if len(parts) == 2 and min(map(len, parts)) >= 6:
        return {"kicker": parts[0], "title": parts[1], "subtitle": None}
    return {"kicker": None, "title": line, "subtitle": None}


def marked_start(article: CorpusArticle) -> bool:
    """True if the article's start is marked in the source: a byline under its header,
    or a lead that opens with a dateline (本报讯, 新华社北京1月5日电 …). The file has no
    article boundaries, so where neither marks a start the split is this module's guess
    (a feature's unnumbered section may have been taken for an article)."""
    from .genre import genre

    return article.byline is not None or bool(
        article.paragraphs and genre().lead_byline.match(article.paragraphs[0]))


@lru_cache(maxsize=1)
def person_names() -> tuple[str, ...]:
    """Every person name (run of ``nr`` tokens, 2–4 characters) in the kept articles,
    most frequent first, ties in order of first appearance."""
    from .pd1998 import articles

    counts: Counter[str] = Counter()
    for a in articles():
        for para in a.tagged:
            counts.update(_runs(para, "nr"))
    return tuple(n for n, _ in counts.most_common())


def _runs(tagged: Tagged, tag: str) -> list[str]:
    """Runs of consecutive tokens with ``tag``, joined, that look like names."""
    out, run = [], ""
    for word, t in (*tagged, ("", "")):
        if t == tag:
            run += word
            continue
        if run and _NAME.fullmatch(run) and len(run) <= 4:
            out.append(run)
        run = ""
    return out


__all__ = ["CorpusArticle", "Tagged", "header_roles", "marked_start", "person_names"]
