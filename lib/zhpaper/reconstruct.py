"""Put an OCR'd page's articles back together.

Three steps, each decided from the text, never from page-specific knowledge:

1. **Joins.** Every body fragment that stops mid-sentence (no terminal punctuation) is a
   candidate left end; every other body fragment a candidate right end. Each pair gets a
   score from evidence (:func:`score_join`): a dictionary word formed across the join
   (``积|极``), a continuation that cannot start a sentence (``3.4万余项,…``), a left end
   that cannot end one (``…但是``), a left end that is one printed line of a narrow
   column, the right end being the next fragment in the same column, the left end
   stopping where its printed line stops, and shared vocabulary. Joins are then chosen
   globally: best-first over all pairs, each fragment with at most one predecessor and
   one successor, no cycles, only above :data:`THRESHOLD`; an open end still unjoined
   then goes on into the fragment right below it if the evidence reaches
   :data:`LAST_RESORT` (a sentence must go on somewhere).
2. **Articles.** Chains of joined fragments are paragraphs. Each paragraph starts in
   the article whose header precedes it on the page, then is re-assigned by content
   (character-bigram TF-IDF similarity to each article's header and paragraphs) when
   its words clearly belong to another article — as when a body sits above its own
   headline. Paragraphs are read in page order, except that a column printed above the
   one before it follows the paragraph its first fragment continues
   (:func:`_reading_order`).
3. **Sections and accounting.** Section and sidebar headings split each article; every
   character of the page ends in exactly one element, or in ``unassigned`` with a reason.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import text as textmod
from .cohesion import Vectors as _Vectors
from .cohesion import bigrams as _bigrams
from .cohesion import idf as _idf
from .cohesion import topic_bigrams as _topic_bigrams
from .fragments import NONTEXT_KINDS, Fragment, Span, classify
from .genre import genre
from .lexicon import first_word, join_gain, last_word, word_frequency
from .page import Article, Element, Flag, Join, NonText, Page, Paragraph, Section, Unassigned
from .source import Source
from .structure import TEXT_BEFORE

#: A join is made only when its evidence scores above this.
THRESHOLD = 2.75
#: An open end left unjoined after both rounds joins the fragment right below it when
#: their score reaches this (THRESHOLD is for a choice among candidates; chosen on the
#: development half from 1.5, 2.0 and 2.5).
LAST_RESORT = 2.5
#: A fragment this short that stops mid-sentence is one printed line of a column.
PRINTED_LINE_MAX = 26
#: Continuations are looked for this many body fragments before and after a fragment,
#: which keeps the work linear in the size of the page (a printed page has ~100).
CANDIDATE_WINDOW = 150
#: Header kinds under which a body fragment opens a column that may continue another.
#: A jump marker is not one: text under it continues from another page.
OPENS_COLUMN = frozenset({"headline", "subtitle", "banner", "byline"})
#: A character used alone less often than this (per jieba's dictionary) is rarely a
#: word by itself: a fragment ending in it has broken off inside a word.
RARE_SINGLE = 20000
#: A narrow column's width is measured over this many printed lines on either side.
COLUMN_WINDOW = 8
#: Content must beat position by this much (cosine units) to move a paragraph. Chosen on
#: the development half (0.05, 0.12, 0.25 tried: 0.12 best on every style; topic-similar
#: neighbours lost paragraphs to each other at 0.05; the in-sample damaged seed pages
#: prefer 0.05, 0.997 against 0.982 on 60 pages; a margin growing with the similarity
#: of the two articles was tried and gained nothing).
REASSIGN_MARGIN = 0.12

WEIGHTS = {
    "lexical": 1.0,  # per log10 unit of join_gain, capped at 4
    "non_initial": 4.0,
    "quantity_start": 3.0,
    "non_final": 2.0,
    "printed_line": 2.0,
    "full_line": 2.0,
    "open_end": 1.0,
    "broken_word": -1.5,
    "next_in_column": 1.5,
    "line_end": 1.5,
    "short_tail": -1.5,
    "after_header": 1.5,
    "distance": -1.0,
    "indented": -2.5,
    "opening_quote": -0.5,
    "inside_quote": 1.5,
    "enumerator": -1.5,
    "topic": 3.0,
}

_QUOTES = '"“”'
#: An enumerated item: ——"借船出海"…, or the same with the dash misread as 一/一一.
_ENUMERATOR = re.compile(r'^(?:——|—|一一|一)(?=["“])|^——')


def _line_width(text: str) -> float | None:
    """Typical printed-line length in a fragment, from its layout spaces."""
    spaces = textmod.layout_space_positions(text)
    if len(spaces) < 2:
        return None
    gaps = sorted(g for g in (b - a - 1 for a, b in zip(spaces, spaces[1:], strict=False))
                  if g >= 6)
    if not gaps:
        return None
    # lower quartile: a missing space makes one gap two lines long, never shorter
    return float(gaps[len(gaps) // 4])


def _tail_after_last_space(text: str) -> int | None:
    spaces = textmod.layout_space_positions(text)
    return len(text) - spaces[-1] - 1 if spaces else None


def _quote_open(text: str) -> bool:
    """True if ``text`` leaves a quotation open (odd count of straight or open curly)."""
    straight = text.count('"')
    return straight % 2 == 1 or text.count("“") > text.count("”")


@dataclass(frozen=True)
class _Body:
    frag: Fragment
    text: str  # raw text, pieces joined
    style: str  # "line" (short: one printed line) or "block"
    after_header: bool  # first body fragment after an article header
    lead: bool  # the lead paragraph, split from a dateline byline on the same line
    indented: bool = False  # a printed line shorter than its column by an indent
    full: bool = False  # a printed line as wide as its column: the text goes on


def score_join(
    a: _Body, b: _Body, *, adjacent: bool, next_in_column: bool, vectors: _Vectors,
    context: tuple[str, str] | None = None, apart: int = 0,
) -> tuple[float, tuple[str, ...]]:
    """Score the evidence that fragment ``b`` directly continues fragment ``a``.

    Evidence about ``b`` alone (it cannot start a sentence) counts only when ``b`` is
    the next fragment on the page; far-apart fragments need evidence about the pair.
    ``context`` gives the texts of the chains the two fragments are already part of.
    """
    g = genre()
    w = WEIGHTS
    score, evidence = 0.0, []

    def add(value: float, why: str) -> None:
        nonlocal score
        score += value
        evidence.append(f"{why} ({value:+.1f})")

    left, right = a.text.rstrip(), b.text.lstrip()
    ctx_left, ctx_right = context or (left, right)
    # what the left end needs: it stops mid-sentence
    if a.style == "line" and g.ends_open(left):
        add(w["printed_line"], "left end is one printed line of a column")
    elif a.full:
        add(w["full_line"], "left end fills a printed line of a column")
    elif g.ends_open(left):
        add(w["open_end"], "left end stops without terminal punctuation")
    if g.ends_with_non_final(left):
        add(w["non_final"], f"left end stops on a function word '{left[-2:]}'")
    width, tail = _line_width(left), _tail_after_last_space(left)
    if width is not None and tail is not None:
        off = min(abs(tail - k * width) for k in range(1, 4))
        if off <= 2:
            add(w["line_end"], "left end stops at the end of a printed line")
        elif off >= 4:
            add(w["short_tail"], "left end stops mid printed line")
    # what the right end needs: it cannot start a sentence
    if adjacent or b.after_header:
        if g.starts_as_continuation(right):
            add(w["non_initial"], f"continuation starts with '{right[0]}'")
        elif first_word(right) in g.non_initial_words:
            add(w["non_initial"], f"continuation starts with the particle '{first_word(right)}'")
        elif g.quantity_start.match(right):
            add(w["quantity_start"], "continuation starts with a bare quantity clause")
    if b.indented and b.style == "line":
        add(w["indented"], "continuation is indented like the first line of a paragraph")
    if b.after_header and not a.after_header and not b.indented \
            and right[:1] not in _QUOTES and not right.startswith("——"):
        add(w["after_header"], "continuation opens a column under a header")
    if _quote_open(ctx_left):
        add(w["inside_quote"], "left end stops inside an open quotation")
    # evidence about the pair
    gain = min(4.0, join_gain(left, right))
    if gain >= 0.3:
        add(w["lexical"] * gain, f"word across the join '{left[-2:]}|{right[:2]}'")
    else:
        tail = last_word(left)
        if (a.style == "block" and len(tail) == 1 and "\u4e00" <= tail <= "\u9fff"
                and tail not in g.non_final and word_frequency(tail) < RARE_SINGLE
                and not left[-2:-1].isdigit()):
            add(w["broken_word"], f"left end breaks off after '{tail}', which the "
                                  "continuation does not complete")
    if adjacent:
        add(w["next_in_column"], "next fragment on the page")
    elif next_in_column:
        add(w["next_in_column"], "next fragment in the same column")
    elif not b.after_header:
        add(max(-3.0, w["distance"] - 0.05 * apart), f"fragments far apart ({apart} between)")
    if _ENUMERATOR.match(right):
        add(w["enumerator"], "continuation opens an enumerated item (——)")
    if right[:1] in _QUOTES and not _quote_open(ctx_left if context else left):
        add(w["opening_quote"], "continuation opens a new quotation")
    topic = vectors.cosine(ctx_left, ctx_right)
    if topic > 0.02:
        add(w["topic"] * topic, f"shared vocabulary (cosine {topic:.2f})")
    return score, tuple(evidence)


def _mark_indents(bodies: list[_Body]) -> list[_Body]:
    """Mark the printed lines of narrow columns that are indented or full.

    A run of consecutive short fragments is one narrow column; its width is the width
    of its longer lines. Chinese paragraphs open with a two-character indent, so a line
    about two characters short that goes on mid-sentence opens a paragraph (a last line
    is short too, but ends with terminal punctuation). A line as wide as its column
    goes on even if it happens to end with a full stop.
    """
    from dataclasses import replace

    out = list(bodies)
    i = 0
    while i < len(out):
        if out[i].style != "line":
            i += 1
            continue
        j = i + 1  # a column: consecutive printed lines, not broken by a header
        while j < len(out) and out[j].style == "line" \
                and out[j].frag.index == out[j - 1].frag.index + 1:
            j += 1
        if j - i >= 3:
            widths = [textmod.display_width(b.text) for b in out[i:j]]
            for k in range(i, j):
                b = out[k]
                # the column's width near this line (articles set in columns of
                # different widths follow each other): upper quartile of its neighbours
                near = sorted(widths[max(0, k - i - COLUMN_WINDOW):k - i + COLUMN_WINDOW + 1])
                column = near[(3 * len(near)) // 4]
                short_by = column - widths[k - i]
                out[k] = replace(
                    b, indented=genre().ends_open(b.text) and 2 <= short_by <= 4.5,
                    full=abs(short_by) <= 0.5 and k + 1 < j)
        i = j
    return out


def _bodies(frags: list[Fragment]) -> list[_Body]:
    out = []
    prev_kind, prev = None, None
    for f in frags:
        if f.kind == "body":
            text = textmod.join_pieces(f.pieces)
            short = len(text) <= PRINTED_LINE_MAX
            lead = prev is not None and prev.kind == "byline" and \
                prev.spans[-1].line == f.spans[0].line
            out.append(_Body(f, text, "line" if short else "block",
                             after_header=prev_kind in OPENS_COLUMN, lead=lead))
        prev_kind, prev = f.kind, f
    return _mark_indents(out)


def choose_joins(bodies: list[_Body], vectors: _Vectors) -> tuple[list[Join], list[Join]]:
    """All scored candidates, and the joins chosen best-first under the constraints.

    Round 1 takes local evidence: neighbours on the page, and far-apart pairs that form
    a dictionary word across the join. Round 2 links the remaining open ends to the
    remaining column continuations, using the vocabulary of the chains built so far.
    """
    g = genre()
    order = {b.frag.index: i for i, b in enumerate(bodies)}
    by_index = {b.frag.index: b for b in bodies}
    next_same: dict[int, int] = {}
    for i, b in enumerate(bodies):
        for c in bodies[i + 1:]:
            if c.style == b.style:
                next_same[b.frag.index] = c.frag.index
                break
    succ: dict[int, int] = {}
    pred: dict[int, int] = {}
    chosen: list[Join] = []
    scored: list[Join] = []

    def chain_text(node: int) -> str:
        while node in pred:
            node = pred[node]
        parts = [by_index[node].text]
        while node in succ:
            node = succ[node]
            parts.append(by_index[node].text)
        return "".join(parts)

    def take(candidates: list[Join]) -> None:
        candidates.sort(key=lambda j: (-j.score, j.left, j.right))
        for j in candidates:
            if j.left in succ or j.right in pred:
                continue
            node, cycle = j.right, False
            while node in succ:
                node = succ[node]
                if node == j.left:
                    cycle = True
                    break
            if cycle:
                continue
            succ[j.left], pred[j.right] = j.right, j.left
            chosen.append(j)

    open_ends = [a for a in bodies if a.full or g.ends_open(a.text)]
    for round_ in (1, 2):
        candidates = []
        for a in open_ends:
            if a.frag.index in succ:
                continue
            lo = max(0, order[a.frag.index] - CANDIDATE_WINDOW)
            for b in bodies[lo:order[a.frag.index] + CANDIDATE_WINDOW + 1]:
                if b is a or b.lead or b.frag.index in pred:
                    continue
                head = a.frag.index
                while head in pred:
                    head = pred[head]
                if head == b.frag.index:
                    continue  # would close a cycle
                adjacent = order[b.frag.index] == order[a.frag.index] + 1
                punct_only = len(b.text.strip()) <= 2 and g.starts_as_continuation(b.text)
                if punct_only and not adjacent:
                    continue  # punctuation displaced into a heading ends the text above it
                in_column = next_same.get(a.frag.index) == b.frag.index
                if round_ == 1:
                    if not adjacent and join_gain(a.text, b.text) < 2.0:
                        continue
                    context = None
                else:
                    context = (chain_text(a.frag.index), chain_text(b.frag.index))
                apart = abs(order[b.frag.index] - order[a.frag.index]) - 1
                score, evidence = score_join(a, b, adjacent=adjacent, next_in_column=in_column,
                                             vectors=vectors, context=context, apart=apart)
                j = Join(a.frag.index, b.frag.index, round(score, 3),
                         (f"round {round_}",) + evidence)
                scored.append(j)
                if score > THRESHOLD:
                    candidates.append(j)
        take(candidates)
    # Round 3: an open end still unjoined goes on into the fragment right below it
    # (nothing between them on the page), when that one is free and the evidence,
    # though below the threshold, is not against it.
    last = {(j.left, j.right): j for j in scored if j.evidence[0] == "round 2"}
    take([j for a in open_ends if a.frag.index not in succ
          and (j := last.get((a.frag.index, a.frag.index + 1))) is not None
          and j.score >= LAST_RESORT])
    scored.sort(key=lambda j: (-j.score, j.left, j.right))
    return scored, chosen


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


_HEADING_KINDS = frozenset({"kicker", "headline", "banner", "section", "sidebar_label",
                            "sidebar_title"})


def _clean(f: Fragment) -> str:
    return (textmod.clean_heading if f.kind in _HEADING_KINDS else textmod.clean)(f.pieces)


def _element(f: Fragment | None, kind: str | None = None) -> Element | None:
    if f is None:
        return None
    return Element(kind or f.kind, _clean(f), f.spans)


@dataclass
class _Header:
    """The header of one article as found on the page."""

    headline: Fragment
    kicker: Fragment | None = None
    subtitle: Fragment | None = None
    banner: Fragment | None = None
    byline: Fragment | None = None
    marker: Fragment | None = None
    extra: list[Fragment] = field(default_factory=list)

    def text(self) -> str:
        parts = (self.kicker, self.headline, self.subtitle, self.banner)
        return " ".join(_clean(f) for f in parts if f is not None)


def _headers(frags: list[Fragment]) -> tuple[list[_Header], dict[int, int | None]]:
    """Article headers in page order, and each fragment's article by position.

    A byline printed below body text rather than under a header opens the next article
    whose header has no byline of its own (the article's opening printed above its
    headline): it and the text under it belong to that article."""
    headers: list[_Header] = []
    position: dict[int, int | None] = {}
    current: int | None = None
    kicker: Fragment | None = None
    orphans: list[tuple[int, int]] = []  # (fragment position, header it would join)
    for n, f in enumerate(frags):
        if f.kind == "kicker":
            kicker = f
        elif f.kind == "headline":
            headers.append(_Header(f, kicker=kicker))
            kicker, current = None, len(headers) - 1
        elif f.kind == "byline" and (n == 0 or frags[n - 1].kind in TEXT_BEFORE):
            orphans.append((n, -1 if current is None else current))
            position[f.index] = current
            continue
        elif f.kind in {"subtitle", "banner", "byline", "marker"} and current is not None:
            h = headers[current]
            if getattr(h, f.kind) is None:
                setattr(h, f.kind, f)
            else:
                h.extra.append(f)
        position[f.index] = current
    for n, k in orphans:
        _adopt(frags, n, k, headers, position)
    return headers, position


def _adopt(frags: list[Fragment], n: int, k: int, headers: list[_Header],
           position: dict[int, int | None]) -> None:
    """Give the orphan byline ``frags[n]`` (printed in article ``k``'s text) and the body
    under it to the next article without a byline, or keep it as ``k``'s extra."""
    target = k + 1
    if target >= len(headers) or headers[target].byline is not None:
        if k >= 0:
            headers[k].extra.append(frags[n])
        return
    headers[target].byline = frags[n]
    position[frags[n].index] = target
    for f in frags[n + 1:]:
        if f.kind != "body":
            break
        position[f.index] = target


def _assign(
    chains: list[list[Fragment]],
    paragraphs: list[Paragraph],
    headers: list[_Header],
    position: dict[int, int | None],
    opens_column: set[int],
) -> list[int]:
    """Article number of each paragraph: by position, then re-assigned by content."""

    def positional(chain: list[Fragment]) -> int:
        # A paragraph continued under a header belongs to that header; otherwise it
        # belongs where most of its characters are.
        for f in chain:
            if f.index in opens_column and position.get(f.index) is not None:
                return position[f.index]
        votes: Counter[int] = Counter()
        for f in chain:
            votes[position.get(f.index) or 0] += len(f.flat)
        return votes.most_common(1)[0][0]

    home = [positional(c) for c in chains]
    assign = list(home)
    words = [_topic_bigrams(p.text) for p in paragraphs]
    header_words = [_topic_bigrams(h.text()) for h in headers]
    idf = _idf(words + header_words)
    vectors = [{w: n * idf[w] for w, n in c.items()} for c in words]
    norms2 = [sum(v * v for v in vec.values()) for vec in vectors]
    for _ in range(5):
        profiles: list[dict[str, float]] = []
        for k, hw in enumerate(header_words):
            profile: dict[str, float] = {w: 3 * n * idf[w] for w, n in hw.items()}
            for i, a in enumerate(assign):
                if a == k:
                    for w, v in vectors[i].items():
                        profile[w] = profile.get(w, 0.0) + v
            profiles.append(profile)
        profile_norms2 = [sum(v * v for v in p.values()) for p in profiles]
        changed = False
        for i, vec in enumerate(vectors):
            sims = []
            for k, profile in enumerate(profiles):
                dot = sum(v * profile.get(w, 0.0) for w, v in vec.items())
                pn2 = profile_norms2[k]
                if assign[i] == k:  # leave the paragraph out of its own article's profile
                    dot, pn2 = dot - norms2[i], pn2 - 2 * dot + norms2[i]
                denom = math.sqrt(norms2[i] * pn2) if norms2[i] > 0 and pn2 > 1e-12 else 0
                sims.append(dot / denom if denom else 0.0)
            best = max(range(len(headers)), key=lambda k: (sims[k], k == home[i]))
            new = best if sims[best] > sims[home[i]] + REASSIGN_MARGIN else home[i]
            if new != assign[i]:
                assign[i], changed = new, True
        if not changed:
            break
    return assign


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


def _reading_order(chains: list[list[Fragment]], assign: list[int],
                   frags: list[Fragment]) -> list[float]:
    """Where each paragraph stands in its article's reading order (a sort key).

    A paragraph stands where its first fragment is on the page, except after a column
    printed out of order: a paragraph printed right below the continuation of another
    paragraph that starts further down the page (a later column emitted above an earlier
    one: the join took the column's first fragment back to the end of the earlier
    column) follows that paragraph, and so on down the displaced column until a header
    or a fragment of another article breaks it."""
    chain_of = {f.index: i for i, c in enumerate(chains) for f in c}
    keys = [float(c[0].index) for c in chains]
    moved = [False] * len(chains)
    step = 1.0 / (len(frags) + 1)
    for i in sorted(range(len(chains)), key=lambda i: chains[i][0].index):
        before = chains[i][0].index - 1
        q = chain_of.get(before)
        if q is None or q == i or assign[q] != assign[i] or frags[before].kind != "body":
            continue
        if chains[q][0].index > before or moved[q]:  # a piece joined back to a later start
            keys[i], moved[i] = keys[q] + step, True
    return keys


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
    starts = [c[0].index for c in chains]
    order = _reading_order(chains, assign, frags)

    # A heading belongs to the article of the first paragraph that follows it.
    heading_kinds = {"section", "sidebar_label", "sidebar_title"}
    heading_article: dict[int, int] = {}
    for h in (f for f in frags if f.kind in heading_kinds):
        after = [(starts[i], assign[i]) for i in range(len(chains)) if starts[i] > h.index]
        if after:
            heading_article[h.index] = min(after)[1]

    # A signature closes the article of the paragraph it was split from.
    owner_of = {f.index: assign[i] for i, c in enumerate(chains) for f in c}
    signatures: dict[int, Fragment] = {}
    unassigned: list[Unassigned] = []
    for f in frags:
        if f.kind == "signature":
            k = owner_of.get(f.index - 1, position.get(f.index))
            if k is not None and k not in signatures:
                signatures[k] = f
            else:
                unassigned.append(Unassigned(_clean(f), f.spans, "signature with no article"))
        elif f.kind in heading_kinds and f.index not in heading_article:
            unassigned.append(Unassigned(_clean(f), f.spans, f"{f.kind} with no text after it"))
        elif f.kind == "kicker" and not any(h.kicker is f for h in headers):
            unassigned.append(Unassigned(_clean(f), f.spans, "kicker with no headline under it"))
        elif f.kind in {"subtitle", "banner", "byline", "marker"} and position[f.index] is None:
            unassigned.append(Unassigned(_clean(f), f.spans, f"{f.kind} before any headline"))

    articles = []
    for k, h in enumerate(headers):
        mine = [(order[i], paragraphs[i]) for i in range(len(chains)) if assign[i] == k]
        headings = [f for f in frags if heading_article.get(f.index) == k]
        articles.append(Article(
            id=f"a{k + 1}",
            title=_clean(h.headline),
            headline=_element(h.headline),
            kicker=_element(h.kicker),
            subtitle=_element(h.subtitle),
            banner=_element(h.banner),
            byline=_element(h.byline),
            reporters=_reporters(h.byline),
            continued_from=_continued_from(h.marker),
            marker=_element(h.marker),
            signature=_element(signatures.get(k)),
            sections=_sections(mine, headings),
        ))
        unassigned += [Unassigned(_clean(x), x.spans, f"second {x.kind} under one headline")
                       for x in h.extra]

    unassigned.sort(key=lambda u: u.source[0])
    flags = _flags(articles, chains, assign)
    return Page(source.path, source.sha256, source.lines, tuple(articles), tuple(unassigned),
                tuple(flags), tuple(frags), tuple(joins), tuple(candidates),
                _nontext(frags, position))


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _page_number(s: str) -> int | None:
    """``1``, ``１``, ``三``, ``十二`` → page number."""
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(units, 0)
    return _CN_DIGITS.get(s)


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
        if joined.count('"') % 2 == 1 or joined.count("“") != joined.count("”"):
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


__all__ = ["reconstruct", "read_page", "score_join", "choose_joins", "THRESHOLD", "Span"]
