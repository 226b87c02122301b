"""Put an OCR'd page's articles back together.

Three steps, each decided from the text, never from page-specific knowledge:

1. **Joins** (:mod:`zhpaper.joins`). Every body fragment that stops mid-sentence is a
   candidate left end; pairs are scored from evidence (a dictionary word across the
   join, a continuation that cannot start a sentence, the layout of printed lines,
   shared vocabulary) and chosen best-first, at most one successor and predecessor
   each, no cycles, above :data:`zhpaper.joins.THRESHOLD`.
2. **Articles.** Chains of joined fragments are paragraphs. Each paragraph starts in
   the article whose header precedes it on the page, then is re-assigned by content
   (character-bigram TF-IDF similarity to each article's header and paragraphs) when
   its words clearly belong to another article — as when a body sits above its own
   headline. Paragraphs are read in page order, except that a column printed above the
   one before it follows the paragraph its first fragment continues
   (:mod:`zhpaper.assignment`).
3. **Sections and accounting.** Section and sidebar headings split each article; every
   character of the page ends in exactly one element, or in ``unassigned`` with a reason.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from . import text as textmod
from .assignment import REASSIGN_MARGIN, _assign, _clean, _Header, _headers, _reading_order
from .cohesion import Vectors as _Vectors
from .cohesion import bigrams as _bigrams
from .cohesion import idf as _idf
from .fragments import NONTEXT_KINDS, Fragment, Span, classify
from .genre import genre
from .joins import THRESHOLD, _bodies, _Body, choose_joins, score_join
from .numbers import chinese_int
from .page import Article, Element, Flag, Join, NonText, Page, Paragraph, Section, Unassigned
from .source import Source


def _chains(bodies: list[_Body], joins: list[Join]) -> list[list[Fragment]]:
    by_index = {b.frag.index: b.frag for b in bodies}
    succ = {j.left: j.right for j in joins}
    has_pred = {j.right for j in joins}
    chains = []
    for b in bodies:
        if b.frag.index in has_pred:
            continue
        chain, node = [by_index[b.frag.index]], b.frag.index
        while node in succ:
            node = succ[node]
            chain.append(by_index[node])
        chains.append(chain)
    return chains


def _paragraph(chain: list[Fragment]) -> Paragraph:
    spans = tuple(s for f in chain for s in f.spans)
    pieces = tuple(p for f in chain for p in f.pieces)
    return Paragraph(
        text=textmod.clean(pieces),
        raw="\n".join(pieces),
        source=spans,
        fragments=tuple(f.index for f in chain),
    )


def _element(f: Fragment | None, kind: str | None = None) -> Element | None:
    if f is None:
        return None
    return Element(kind or f.kind, _clean(f), f.spans)


#: A paragraph that ends in a photo credit and is at most this long is a caption.
CAPTION_CHAIN_MAX = 200


def _credited_captions(frags: list[Fragment], chains: list[list[Fragment]]
                       ) -> tuple[list[Fragment], list[list[Fragment]]]:
    """A short paragraph put back together from printed lines that ends in a photo
    credit (…冒着严寒钻井。（新华社记者李舸摄）) is a caption, every line of it: on a page
    without markup nothing else tells a caption from the text."""
    from dataclasses import replace

    g = genre()
    out, kept = list(frags), []
    for chain in chains:
        text = "".join(f.flat for f in chain)
        if len(chain) > 1 and len(text) <= CAPTION_CHAIN_MAX and g.photo_credit.search(text):
            for f in chain:
                out[f.index] = replace(f, kind="caption")
        else:
            kept.append(chain)
    return out, kept


def _sections(
    paragraphs: list[tuple[int, Paragraph]], headings: list[Fragment]
) -> tuple[Section, ...]:
    """Split an article's paragraphs (with their page positions) at its headings."""
    sections: list[Section] = []
    heading: str | None = None
    kind, label, source = "body", None, ()
    current: list[Paragraph] = []

    def close() -> None:
        if current or heading or label:
            sections.append(Section(heading, kind, tuple(source), tuple(current), label))

    queue = sorted(headings, key=lambda f: f.index)
    for start, para in sorted(paragraphs, key=lambda x: x[0]) + [(math.inf, None)]:
        while queue and queue[0].index < start:
            hf = queue.pop(0)
            if hf.kind == "sidebar_title" and label and heading is None and not current:
                heading, source = _clean(hf), tuple(source) + hf.spans
                continue
            close()
            current = []
            if hf.kind == "sidebar_label":
                heading, kind, label, source = None, "sidebar", _clean(hf), hf.spans
            else:
                heading, label, source = _clean(hf), None, hf.spans
                kind = "sidebar" if hf.kind == "sidebar_title" else "body"
        if para is not None:
            current.append(para)
    close()
    return tuple(sections)


def _reporters(byline: Fragment | None) -> tuple[str, ...]:
    if byline is None:
        return ()
    return genre().byline_people(byline.flat)


def _continued_from(marker: Fragment | None) -> int | None:
    if marker is None:
        return None
    m = genre().jump_marker.match(marker.flat.strip())
    if m and m.group("direction") in {"上接", "接"}:
        return _page_number(m.group("page"))
    return None


def _unassigned_page(source: Source, frags: list[Fragment], chains, joins, candidates) -> Page:
    """A page with no headline: everything is kept, unassigned, with the reason."""
    kept = [Unassigned(p.text, p.source, "the page has no headline")
            for p in map(_paragraph, chains)]
    kept += [Unassigned(_clean(f), f.spans, f"{f.kind} on a page with no headline")
             for f in frags if f.kind != "body" and f.kind not in NONTEXT_KINDS]
    kept.sort(key=lambda u: u.source[0])
    return Page(source.path, source.sha256, source.lines, (), tuple(kept), (),
                tuple(frags), tuple(joins), tuple(candidates), _nontext(frags, {}))


def _nontext(frags: list[Fragment], position: dict[int, int | None]) -> tuple[NonText, ...]:
    """Figures, tables and captions, each in the article it is printed in."""
    def article(f: Fragment) -> str | None:
        k = position.get(f.index)
        return None if k is None else f"a{k + 1}"

    return tuple(NonText(f.kind, f.raw, f.spans, article(f))
                 for f in frags if f.kind in NONTEXT_KINDS)


#: Headings inside an article: they belong to the article of the paragraph after them.
_SECTION_KINDS = frozenset({"section", "sidebar_label", "sidebar_title"})


def _heading_articles(frags: list[Fragment], chains: list[list[Fragment]],
                      assign: list[int]) -> dict[int, int]:
    """A heading belongs to the article of the first paragraph that follows it."""
    starts = [c[0].index for c in chains]
    out: dict[int, int] = {}
    for h in (f for f in frags if f.kind in _SECTION_KINDS):
        after = [(starts[i], assign[i]) for i in range(len(chains)) if starts[i] > h.index]
        if after:
            out[h.index] = min(after)[1]
    return out


def _signatures_and_strays(
    frags: list[Fragment], chains: list[list[Fragment]], assign: list[int],
    position: dict[int, int | None], headers: list[_Header], heading_article: dict[int, int],
) -> tuple[dict[int, Fragment], list[Unassigned]]:
    """Each article's signature (it closes the article of the paragraph it was split
    from), and the header pieces that belong to no article, each with its reason."""
    owner_of = {f.index: assign[i] for i, c in enumerate(chains) for f in c}
    signatures: dict[int, Fragment] = {}
    strays: list[Unassigned] = []
    for f in frags:
        reason = None
        if f.kind == "signature":
            k = owner_of.get(f.index - 1, position.get(f.index))
            if k is not None and k not in signatures:
                signatures[k] = f
            else:
                reason = "signature with no article"
        elif f.kind in _SECTION_KINDS and f.index not in heading_article:
            reason = f"{f.kind} with no text after it"
        elif f.kind == "kicker" and not any(h.kicker is f for h in headers):
            reason = "kicker with no headline under it"
        elif f.kind in {"subtitle", "banner", "byline", "marker"} and position[f.index] is None:
            reason = f"{f.kind} before any headline"
        if reason:
            strays.append(Unassigned(_clean(f), f.spans, reason))
    return signatures, strays


def _article(k: int, h: _Header, signature: Fragment | None,
             sections: tuple[Section, ...]) -> Article:
    return Article(
        id=f"a{k + 1}", title=_clean(h.headline), headline=_element(h.headline),
        kicker=_element(h.kicker), subtitle=_element(h.subtitle), banner=_element(h.banner),
        byline=_element(h.byline), reporters=_reporters(h.byline),
        continued_from=_continued_from(h.marker), marker=_element(h.marker),
        signature=_element(signature), sections=sections)


def reconstruct(source: Source) -> Page:
    """Reconstruct the articles of a page (see the module documentation)."""
    frags = classify(source)
    bodies = _bodies(frags)
    vectors = _Vectors(_idf([_bigrams(b.text) for b in bodies]))
    candidates, joins = choose_joins(bodies, vectors)
    chains = _chains(bodies, joins)
    frags, chains = _credited_captions(frags, chains)
    headers, position = _headers(frags)
    if not headers:
        return _unassigned_page(source, frags, chains, joins, candidates)

    paragraphs = [_paragraph(c) for c in chains]
    opens_column = {b.frag.index for b in bodies if b.after_header}
    assign = _assign(chains, paragraphs, headers, position, opens_column)
    order = _reading_order(chains, assign, frags)

    heading_article = _heading_articles(frags, chains, assign)
    signatures, unassigned = _signatures_and_strays(frags, chains, assign, position, headers,
                                                    heading_article)
    articles = []
    for k, h in enumerate(headers):
        mine = [(order[i], paragraphs[i]) for i in range(len(chains)) if assign[i] == k]
        headings = [f for f in frags if heading_article.get(f.index) == k]
        articles.append(_article(k, h, signatures.get(k), _sections(mine, headings)))
        unassigned += [Unassigned(_clean(x), x.spans, f"second {x.kind} under one headline")
                       for x in h.extra]

    unassigned.sort(key=lambda u: u.source[0])
    flags = _flags(articles, chains, assign)
    return Page(source.path, source.sha256, source.lines, tuple(articles), tuple(unassigned),
                tuple(flags), tuple(frags), tuple(joins), tuple(candidates),
                _nontext(frags, position))


def _page_number(s: str) -> int | None:
    """``1``, ``１``, ``三``, ``十二`` → page number; None if ``s`` is no numeral."""
    if s.isdigit():
        return int(s)  # int() reads full-width digits too
    try:
        return chinese_int(s)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _speech_only() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, genre().speech_verbs))
    return re.compile(rf"^[^，,。！？!?:：\"“”]{{2,30}}(?:{verbs})[。!！]")


def _flags(articles: list[Article], chains: list[list[Fragment]], assign: list[int]) -> list[Flag]:
    """Suspected text loss and unbalanced quotation marks."""
    g = genre()
    ids = {k: a.id for k, a in enumerate(articles)}
    out = []
    for i, chain in enumerate(chains):
        art = ids.get(assign[i])
        last = chain[-1]
        if g.ends_open(textmod.join_pieces(last.pieces)):
            tail = textmod.clean(last.pieces)[-12:]
            out.append(Flag("suspected_loss", (last.spans[-1],),
                            f"paragraph stops mid-sentence ('…{tail}') and no continuation "
                            "was found on the page", art))
        m = _speech_only().match(textmod.clean(chain[0].pieces))
        if m:
            out.append(Flag("suspected_loss", (chain[0].spans[0],),
                            f"'{m.group(0)}' attributes a quotation that is not on the page",
                            art))
        joined = "".join(textmod.clean(f.pieces) for f in chain)
        if not textmod.quotes_balanced(joined):
            out.append(Flag("unbalanced_quote", (chain[0].spans[0],),
                            "a quotation mark in this paragraph has no partner", art))
        for left, right in zip(chain, chain[1:], strict=False):
            stripped = right.flat.strip()
            if len(stripped) <= 2 and g.starts_as_continuation(stripped):
                out.append(Flag(
                    "suspected_loss", (left.spans[-1],),
                    f"the paragraph's final '{stripped}' was printed inside a heading "
                    f"(line {right.first_line}); words before it may be lost", art))
    return sorted(out, key=lambda f: (f.source[0], f.kind))


def read_page(path, date=None) -> Page:
    """Read and reconstruct a page file. ``date``, the date of publication (a
    :class:`datetime.date` or ``YYYY-MM-DD``), is what relative dates (今年, 去年, 上月)
    are resolved against on a page that prints none (:mod:`zhpaper.facts`). Raises
    :class:`~zhpaper.ZhpaperError`, also for a bad date (before reading the file)."""
    from .page import publication_date
    from .source import load

    given = publication_date(date)
    page = reconstruct(load(path))
    return page if given is None else page.with_date(given)


__all__ = ["REASSIGN_MARGIN", "reconstruct", "read_page", "score_join", "choose_joins",
           "THRESHOLD", "Span"]
