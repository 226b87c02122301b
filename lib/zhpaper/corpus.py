"""The reading text of a page as units with provenance: the input of every analysis.

A :class:`Unit` is one headline, kicker, subtitle, section heading or paragraph of an
article, with its clean text (audit corrections applied, if an audit is given) and,
for every character, the raw ``(line, column)`` it came from. Tokens, facts and
keywords are computed on units, so each of them can say which raw line it stands on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import text as textmod
from .page import Page

#: Header elements analysed as text, in reading order (bylines, markers and signatures
#: are not: they name the reporter or the page, not the content).
TEXT_ELEMENTS = ("kicker", "headline", "subtitle", "banner")

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”\"’』」]?")


@dataclass(frozen=True)
class Unit:
    article: str  #: article id
    kind: str  #: headline, kicker, subtitle, banner, heading or paragraph
    paragraph: int | None  #: paragraph number in the article (paragraphs only)
    text: str
    offsets: tuple[tuple[int, int], ...]  #: raw (line, column) of each character

    def line_at(self, i: int) -> int:
        """The raw line of character ``i`` (the last character's line past the end)."""
        if not self.offsets:
            return 0
        return self.offsets[min(max(i, 0), len(self.offsets) - 1)][0]


def _align(target: str, clean: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets for ``target`` from a ``clean`` reading of the same raw characters that
    differs only by characters added or dropped (spaces, a sidebar label)."""
    out, j = [], 0
    for c in target:
        k = clean.find(c, j)
        if k < 0:
            out.append(offsets[min(j, len(offsets) - 1)] if offsets else (0, 0))
            continue
        out.append(offsets[k])
        j = k + 1
    return out


def _element_unit(page: Page, article: str, kind: str, text: str, source) -> Unit:
    pieces = [page.lines[s.line - 1][s.start:s.end] for s in source]
    clean, offsets = textmod.clean_with_offsets(pieces, source)
    if clean != text:
        offsets = _align(text, clean, offsets)
    return Unit(article, kind, None, text, tuple(offsets))


def units(page: Page, audit=None) -> list[Unit]:
    """Every text unit of every article, in reading order.

    With ``audit`` (a :class:`zhpaper.Audit`), paragraphs carry its applied corrections;
    the characters of a replacement map to the first raw character they replace.
    """
    out: list[Unit] = []
    for a in page.articles:
        for kind in TEXT_ELEMENTS:
            e = getattr(a, kind)
            if e is not None and e.text:
                out.append(_element_unit(page, a.id, kind, e.text, e.source))
        number = 0
        for s in a.sections:
            if s.heading:
                out.append(_element_unit(page, a.id, "heading", s.heading, s.source))
            for p in s.paragraphs:
                number += 1
                t, offs = textmod.clean_with_offsets(p.raw.split("\n"), p.source)
                if audit is not None:
                    t, offs = _apply(audit, a.id, number, t, offs)
                out.append(Unit(a.id, "paragraph", number, t, tuple(offs)))
    return out


def _apply(audit, article: str, number: int, t: str, offs):
    from .audit import apply_corrections

    return apply_corrections(t, audit.applied(article, number), offs)


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence: split after 。！？；, a closing quote staying
    with its sentence. Text without a final stop is one last sentence."""
    out, at = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((at, m.end()))
        at = m.end()
    if at < len(text) and text[at:].strip():
        out.append((at, len(text)))
    return out


__all__ = ["TEXT_ELEMENTS", "Unit", "sentences", "units"]
