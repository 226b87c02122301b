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
   one successor, no cycles, only above :data:`THRESHOLD`.
2. **Articles.** Chains of joined fragments are paragraphs. Each paragraph starts in
   the article whose header precedes it on the page, then is re-assigned by content
   (character-bigram TF-IDF similarity to each article's header and paragraphs) when
   its words clearly belong to another article — as when a body sits above its own
   headline.
3. **Sections and accounting.** Section and sidebar headings split each article; every
   character of the page ends in exactly one element, or in ``unassigned`` with a reason.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from . import text as textmod
from .fragments import Fragment, Span, classify
from .genre import genre
from .lexicon import join_gain
from .page import Article, Element, Flag, Join, Page, Paragraph, Section, Unassigned
from .source import Source

#: A join is made only when its evidence scores above this.
THRESHOLD = 3.0
#: A fragment this short that stops mid-sentence is one printed line of a column.
PRINTED_LINE_MAX = 26
#: Header kinds under which a body fragment opens a column that may continue another.
#: A jump marker is not one: text under it continues from another page.
OPENS_COLUMN = frozenset({"headline", "subtitle", "banner", "byline"})
#: Content must beat position by this much (cosine units) to move a paragraph.
REASSIGN_MARGIN = 0.05

WEIGHTS = {
    "lexical": 1.0,  # per log10 unit of join_gain, capped at 4
    "non_initial": 4.0,
    "quantity_start": 3.0,
    "non_final": 2.0,
    "printed_line": 2.0,
    "next_in_column": 1.5,
    "line_end": 1.5,
    "short_tail": -1.5,
    "after_header": 1.5,
    "distance": -1.0,
    "indented": -2.5,
    "opening_quote": -1.5,
    "topic": 3.0,
}

_QUOTES = '"“”'


@lru_cache(maxsize=1)
def _formulae() -> re.Pattern[str]:
    from importlib import resources

    text = resources.files("zhpaper").joinpath("data/formulae.txt").read_text(encoding="utf-8")
    items = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile("|".join(map(re.escape, sorted(items, key=len, reverse=True))))


def _topic_bigrams(s: str) -> Counter[str]:
    """Bigrams for comparing topics: political formulae shared by all articles removed."""
    return _bigrams(_formulae().sub("|", s))


def _bigrams(s: str) -> Counter[str]:
    chars = [c for c in s if textmod.is_cjk(c) and c not in "，。、；：！？…—“”‘’·"]
    return Counter(a + b for a, b in zip(chars, chars[1:], strict=False))


def _cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] * idf.get(k, 1.0) ** 2 for k, v in a.items() if k in b)
    na = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in a.items()))
    nb = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def _idf(docs: list[Counter[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs) or 1
    return {k: math.log((1 + n) / (1 + v)) + 1 for k, v in df.items()}


def _line_width(text: str) -> float | None:
    """Typical printed-line length in a fragment, from its layout spaces."""
    spaces = textmod.layout_space_positions(text)
    if len(spaces) < 2:
        return None
    gaps = sorted(b - a - 1 for a, b in zip(spaces, spaces[1:], strict=False))
    return float(gaps[len(gaps) // 2])


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


def score_join(
    a: _Body, b: _Body, *, adjacent: bool, next_in_column: bool, idf: dict[str, float],
    context: tuple[str, str] | None = None,
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
    # what the left end needs: it stops mid-sentence
    if a.style == "line" and g.ends_open(left):
        add(w["printed_line"], "left end is one printed line of a column")
    if g.ends_with_non_final(left):
        add(w["non_final"], f"left end stops on a function word '{left[-2:]}'")
    width, tail = _line_width(left), _tail_after_last_space(left)
    if width is not None and tail is not None:
        if tail >= width - 2:
            add(w["line_end"], "left end stops at the end of a printed line")
        elif tail < width - 4:
            add(w["short_tail"], "left end stops mid printed line")
    # what the right end needs: it cannot start a sentence
    if adjacent or b.after_header:
        if g.starts_as_continuation(right):
            add(w["non_initial"], f"continuation starts with '{right[0]}'")
        elif g.quantity_start.match(right):
            add(w["quantity_start"], "continuation starts with a bare quantity clause")
    if b.indented and b.style == "line":
        add(w["indented"], "continuation is indented like the first line of a paragraph")
    if b.after_header and not a.after_header:
        add(w["after_header"], "continuation opens a column under a header")
    # evidence about the pair
    gain = min(4.0, join_gain(left, right))
    if gain >= 0.3:
        add(w["lexical"] * gain, f"word across the join '{left[-2:]}|{right[:2]}'")
    if adjacent:
        add(w["next_in_column"], "next fragment on the page")
    elif next_in_column:
        add(w["next_in_column"], "next fragment in the same column")
    elif not b.after_header:
        add(w["distance"], "fragments far apart")
    if right[:1] in _QUOTES and not _quote_open(left):
        add(w["opening_quote"], "continuation opens a new quotation")
    ctx_left, ctx_right = context or (left, right)
    topic = _cosine(_bigrams(ctx_left), _bigrams(ctx_right), idf)
    if topic > 0.02:
        add(w["topic"] * topic, f"shared vocabulary (cosine {topic:.2f})")
    return score, tuple(evidence)


def display_width(s: str) -> float:
    """Printed width in em: Chinese characters 1, ASCII letters and digits ½."""
    return sum(0.5 if c.isascii() and c.isalnum() else 1.0 for c in s)


def _mark_indents(bodies: list[_Body]) -> list[_Body]:
    """Mark printed lines about two characters shorter than their column's width.

    Chinese paragraphs open with a two-character indent, so in a column printed one
    line per fragment, the first line of a paragraph is visibly short.
    """
    from dataclasses import replace

    widths = sorted(display_width(b.text) for b in bodies if b.style == "line")
    if len(widths) < 3:
        return bodies
    column = widths[len(widths) // 2]
    return [
        replace(b, indented=True)
        if b.style == "line" and 2 <= column - display_width(b.text) <= 4.5 else b
        for b in bodies
    ]


def _bodies(frags: list[Fragment]) -> list[_Body]:
    g = genre()
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


def choose_joins(bodies: list[_Body], idf: dict[str, float]) -> tuple[list[Join], list[Join]]:
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

    open_ends = [a for a in bodies if g.ends_open(a.text)]
    for round_ in (1, 2):
        candidates = []
        for a in open_ends:
            if a.frag.index in succ:
                continue
            for b in bodies:
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
                    if not adjacent and join_gain(a.text, b.text) < 1.0:
                        continue
                    context = None
                else:
                    context = (chain_text(a.frag.index), chain_text(b.frag.index))
                score, evidence = score_join(a, b, adjacent=adjacent, next_in_column=in_column,
                                             idf=idf, context=context)
                j = Join(a.frag.index, b.frag.index, round(score, 3),
                         (f"round {round_}",) + evidence)
                scored.append(j)
                if score > THRESHOLD:
                    candidates.append(j)
        take(candidates)
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


def reconstruct(source: Source) -> Page:
    """Reconstruct the articles of a page (see the module documentation)."""
    g = genre()
    frags = classify(source)
    bodies = _bodies(frags)
    idf = _idf([_bigrams(b.text) for b in bodies])
    candidates, joins = choose_joins(bodies, idf)
    chains = _chains(bodies, joins)

    # --- article headers, in page order -------------------------------------------------
    headers: list[dict] = []
    position: dict[int, int | None] = {}  # fragment index → article number by position
    current: int | None = None
    pending_kicker: Fragment | None = None
    for f in frags:
        if f.kind == "kicker":
            pending_kicker = f
        elif f.kind == "headline":
            headers.append({"headline": f, "kicker": pending_kicker, "subtitle": None,
                            "banner": None, "byline": None, "marker": None,
                            "signature": None, "extra": []})
            pending_kicker = None
            current = len(headers) - 1
        elif f.kind in {"subtitle", "banner", "byline", "marker"} and current is not None:
            slot = headers[current]
            if slot[f.kind] is None:
                slot[f.kind] = f
            else:
                slot["extra"].append(f)
        elif f.kind == "signature":
            position[f.index] = current
        position[f.index] = current

    unassigned: list[Unassigned] = []
    flags: list[Flag] = []
    if not headers:
        for chain in chains:
            p = _paragraph(chain)
            unassigned.append(Unassigned(p.text, p.source, "the page has no headline"))
        for f in frags:
            if f.kind != "body":
                unassigned.append(Unassigned(textmod.clean(f.pieces), f.spans,
                                             f"{f.kind} with no headline on the page"))
        return Page(source.path, source.sha256, source.lines, (), tuple(unassigned), (),
                    tuple(frags), tuple(joins), tuple(candidates))

    # --- assign paragraphs to articles: position first, then content -----------------------
    paragraphs = [_paragraph(c) for c in chains]
    para_bigrams = [_topic_bigrams(p.text) for p in paragraphs]
    header_text = [
        " ".join(textmod.clean(h[k].pieces) for k in ("kicker", "headline", "subtitle", "banner")
                 if h[k] is not None)
        for h in headers
    ]

    opens_column = {b.frag.index for b in bodies if b.after_header}

    def positional(chain: list[Fragment]) -> int:
        """The article a chain sits in: where it opens a column under a header, if it
        does (a paragraph continued under a headline belongs to that headline), else
        where most of its characters are."""
        for f in chain:
            if f.index in opens_column and position.get(f.index) is not None:
                return position[f.index]
        votes: Counter[int] = Counter()
        for f in chain:
            votes[position.get(f.index) if position.get(f.index) is not None else 0] += len(
                f.flat)
        return votes.most_common(1)[0][0]

    assign = [positional(c) for c in chains]
    all_idf = _idf(para_bigrams + [_topic_bigrams(t) for t in header_text])
    for _ in range(5):
        profiles = []
        for k in range(len(headers)):
            prof: Counter[str] = Counter()
            for _rep in range(3):
                prof.update(_topic_bigrams(header_text[k]))
            for i, a in enumerate(assign):
                if a == k:
                    prof.update(para_bigrams[i])
            profiles.append(prof)
        changed = False
        for i, chain in enumerate(chains):
            home = positional(chain)
            own = para_bigrams[i]
            sims = []
            for k, prof in enumerate(profiles):
                prof_wo = prof - own if assign[i] == k else prof
                sims.append(_cosine(own, prof_wo, all_idf))
            best = max(range(len(headers)), key=lambda k: (sims[k], k == home))
            new = best if sims[best] > sims[home] + REASSIGN_MARGIN else home
            if new != assign[i]:
                assign[i], changed = new, True
        if not changed:
            break

    # --- sections: headings split each article by page position ---------------------------
    heading_frags = [f for f in frags if f.kind in {"section", "sidebar_label", "sidebar_title"}]
    # a heading belongs to the article of the first paragraph that follows it on the page
    first_index = [min(c[0].index, min(f.index for f in c)) for c in chains]
    start_index = [c[0].index for c in chains]
    heading_article: dict[int, int] = {}
    for h in heading_frags:
        after = [(start_index[i], assign[i]) for i in range(len(chains)) if start_index[i] > h.index]
        if after:
            heading_article[h.index] = min(after)[1]
    del first_index

    articles: list[Article] = []
    for k, h in enumerate(headers):
        mine = sorted((start_index[i], i) for i in range(len(chains)) if assign[i] == k)
        my_headings = sorted(x.index for x in heading_frags if heading_article.get(x.index) == k)
        sections: list[Section] = []
        cur = {"heading": None, "kind": "body", "source": (), "label": None, "paras": []}
        hp = 0
        by_idx = {f.index: f for f in frags}

        def close() -> None:
            if cur["paras"] or cur["heading"] or cur["label"]:
                sections.append(Section(cur["heading"], cur["kind"], tuple(cur["source"]),
                                        tuple(cur["paras"]), cur["label"]))

        for start, i in mine + [(math.inf, None)]:
            while hp < len(my_headings) and my_headings[hp] < start:
                hf = by_idx[my_headings[hp]]
                hp += 1
                if hf.kind == "sidebar_title" and cur["label"] and cur["heading"] is None \
                        and not cur["paras"]:
                    cur["heading"] = _clean(hf)
                    cur["source"] = tuple(cur["source"]) + hf.spans
                    continue
                close()
                if hf.kind == "sidebar_label":
                    cur = {"heading": None, "kind": "sidebar", "source": hf.spans,
                           "label": textmod.clean(hf.pieces), "paras": []}
                else:
                    kind = "sidebar" if hf.kind == "sidebar_title" else "body"
                    cur = {"heading": _clean(hf), "kind": kind,
                           "source": hf.spans, "label": None, "paras": []}
            if i is not None:
                cur["paras"].append(paragraphs[i])
        close()

        byline = h["byline"]
        reporters: tuple[str, ...] = ()
        if byline is not None:
            m = g.lead_byline.match(byline.flat) or g.standalone_byline.match(byline.flat)
            if m:
                reporters = g.people(m.group("people"))
        marker = h["marker"]
        continued = None
        if marker is not None:
            mm = g.jump_marker.match(marker.flat.strip())
            if mm and mm.group("direction") in {"上接", "接"}:
                continued = _page_number(mm.group("page"))
        articles.append(Article(
            id=f"a{k + 1}",
            title=_clean(h["headline"]),
            headline=_element(h["headline"]),
            kicker=_element(h["kicker"]),
            subtitle=_element(h["subtitle"]),
            banner=_element(h["banner"]),
            byline=_element(byline),
            reporters=reporters,
            continued_from=continued,
            marker=_element(marker),
            signature=None,
            sections=tuple(sections),
        ))
        for extra in h["extra"]:
            unassigned.append(Unassigned(textmod.clean(extra.pieces), extra.spans,
                                         f"second {extra.kind} under one headline"))

    # signatures close the article whose paragraph they end
    for f in frags:
        if f.kind == "signature":
            k = position.get(f.index)
            owner = None
            for i, c in enumerate(chains):
                if any(x.index == f.index - 1 for x in c):
                    owner = assign[i]
            k = owner if owner is not None else k
            if k is not None and articles[k].signature is None:
                sig = _element(f)
                m = g.signature.search(f.flat)
                articles[k] = _replace_article(articles[k], signature=sig)
                del m
            else:
                unassigned.append(Unassigned(textmod.clean(f.pieces), f.spans,
                                             "signature with no article to close"))
    # kickers with no headline, headings assigned to nothing
    used_headings = set(heading_article)
    for f in frags:
        if f.kind in {"section", "sidebar_label", "sidebar_title"} and f.index not in used_headings:
            unassigned.append(Unassigned(textmod.clean(f.pieces), f.spans,
                                         f"{f.kind} heading with no text after it"))
        if f.kind == "kicker" and not any(
                h["kicker"] is f for h in headers):
            unassigned.append(Unassigned(textmod.clean(f.pieces), f.spans,
                                         "kicker with no headline under it"))
        if f.kind in {"subtitle", "banner", "byline", "marker"} and position.get(f.index) is None:
            unassigned.append(Unassigned(textmod.clean(f.pieces), f.spans,
                                         f"{f.kind} before the first headline"))

    flags.extend(_flags(articles, chains, assign, frags))
    return Page(source.path, source.sha256, source.lines, tuple(articles), tuple(unassigned),
                tuple(flags), tuple(frags), tuple(joins), tuple(candidates))


def _replace_article(a: Article, **changes) -> Article:
    from dataclasses import replace

    return replace(a, **changes)


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _page_number(s: str) -> int | None:
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS.get(s[1:], 0)
    if s.endswith("十"):
        return _CN_DIGITS.get(s[0], 0) * 10
    if "十" in s:
        a, b = s.split("十")
        return _CN_DIGITS.get(a, 0) * 10 + _CN_DIGITS.get(b, 0)
    return _CN_DIGITS.get(s)


_SPEECH_ONLY = None


def _flags(articles, chains, assign, frags) -> list[Flag]:
    """Suspected text loss and other things a reader should know about."""
    g = genre()
    global _SPEECH_ONLY
    if _SPEECH_ONLY is None:
        verbs = "|".join(map(re.escape, g.speech_verbs))
        _SPEECH_ONLY = re.compile(rf"^[^，,。！？!?:：\"“”]{{2,30}}(?:{verbs})[。!！]")
    out = []
    ids = {k: a.id for k, a in enumerate(articles)}
    for i, chain in enumerate(chains):
        last = chain[-1]
        text = textmod.join_pieces(last.pieces)
        art = ids.get(assign[i])
        if g.ends_open(text):
            tail = textmod.clean(last.pieces)[-12:]
            out.append(Flag("suspected_loss", (last.spans[-1],),
                            f"paragraph stops mid-sentence ('…{tail}') and no continuation "
                            "was found on the page", art))
        first = textmod.clean(chain[0].pieces)
        if len(chain) > 1 and first.strip() in "。，,.;；!！?？" and len(first.strip()) == 1:
            pass
        m = _SPEECH_ONLY.match(first)
        if m:
            out.append(Flag("suspected_loss", (chain[0].spans[0],),
                            f"'{m.group(0)}' attributes a quotation that is not on the page",
                            art))
        joined = "".join(textmod.clean(f.pieces) for f in chain)
        if joined.count('"') % 2 == 1 or joined.count("“") != joined.count("”"):
            out.append(Flag("unbalanced_quote", chain[0].spans[:1] + chain[-1].spans[-1:],
                            "a quotation mark in this paragraph has no partner", art))
    # a paragraph whose closing punctuation was recovered from a heading
    for i, chain in enumerate(chains):
        for left, right in zip(chain, chain[1:], strict=False):
            if left.kind == "body" and len(right.flat.strip()) <= 2 and \
                    genre().starts_as_continuation(right.flat):
                out.append(Flag(
                    "suspected_loss", (left.spans[-1],),
                    f"the paragraph's final '{right.flat.strip()}' was printed inside a heading "
                    f"(line {right.first_line}); words before it may be lost", ids.get(assign[i])))
    return sorted(out, key=lambda f: (f.source[0], f.kind))


def read_page(path) -> Page:
    """Read and reconstruct a page file. Raises :class:`~zhpaper.ZhpaperError`."""
    from .source import load

    return reconstruct(load(path))


__all__ = ["reconstruct", "read_page", "score_join", "choose_joins", "THRESHOLD", "Span"]
