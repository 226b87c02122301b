"""Which article each paragraph belongs to, and in what order an article's paragraphs read.

Each paragraph (a chain of joined fragments) starts in the article whose header
precedes it on the page (:func:`_headers`; a byline printed in the text opens the next
article without one; a paragraph continued under a header belongs to that header, unless
it reads down the page with other text between its head and the header: a column broke
inside the article above), then is re-assigned by content (:func:`_assign`: character-bigram
TF-IDF similarity to each article's header and paragraphs, the paragraph left out of its
own article's profile; the vectors and the cosine are :mod:`zhpaper.cohesion`'s) when
its words clearly belong to another article, by :data:`REASSIGN_MARGIN`.
:func:`_reading_order` reads paragraphs in page order, except that a column printed
above the one before it follows the paragraph its first fragment continues.
:mod:`zhpaper.reconstruct` builds the articles from these.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from . import text as textmod
from .cohesion import cosine, dot, idf, norm2, topic_bigrams, weigh
from .fragments import Fragment
from .page import Paragraph
from .structure import TEXT_BEFORE

#: Content must beat position by this much (cosine units) to move a paragraph. Chosen on
#: the development half (0.05, 0.12, 0.25 tried: 0.12 best on every style; topic-similar
#: neighbours lost paragraphs to each other at 0.05; the in-sample damaged seed pages
#: prefer 0.05, 0.997 against 0.982 on 60 pages; a margin growing with the similarity
#: of the two articles was tried and gained nothing).
REASSIGN_MARGIN = 0.12
#: An article's header counts this many times its words in the article's profile.
_HEADER_WEIGHT = 3


_HEADING_KINDS = frozenset({"kicker", "headline", "banner", "section", "sidebar_label",
                            "sidebar_title"})


def _clean(f: Fragment) -> str:
    return (textmod.clean_heading if f.kind in _HEADING_KINDS else textmod.clean)(f.pieces)


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

    in_chains = {f.index for c in chains for f in c}

    def positional(chain: list[Fragment]) -> int:
        # A paragraph continued under a header belongs to that header, unless it reads
        # down the page and other text is printed between it and the header: then the
        # column broke inside the article above, and the paragraph belongs to that.
        # Otherwise it belongs where most of its characters are.
        down = all(a.index < b.index for a, b in zip(chain, chain[1:], strict=False))
        for prev, f in zip([None, *chain], chain, strict=False):
            if f.index not in opens_column or position.get(f.index) is None:
                continue
            if down and prev is not None and any(i in in_chains
                                                 for i in range(prev.index + 1, f.index)):
                return position.get(chain[0].index) or 0
            return position[f.index]
        votes: Counter[int] = Counter()
        for f in chain:
            votes[position.get(f.index) or 0] += len(f.flat)
        return votes.most_common(1)[0][0]

    home = [positional(c) for c in chains]
    assign = list(home)
    words = [topic_bigrams(p.text) for p in paragraphs]
    header_words = [topic_bigrams(h.text()) for h in headers]
    weights = idf(words + header_words)
    vectors = [weigh(c, weights) for c in words]
    headings = [weigh(c, weights, _HEADER_WEIGHT) for c in header_words]
    for _ in range(5):
        profiles = _profiles(headings, vectors, assign)
        changed = False
        for i, vec in enumerate(vectors):
            sims = _similarities(vec, profiles, assign[i])
            best = max(range(len(headers)), key=lambda k: (sims[k], k == home[i]))
            new = best if sims[best] > sims[home[i]] + REASSIGN_MARGIN else home[i]
            if new != assign[i]:
                assign[i], changed = new, True
        if not changed:
            break
    return assign


def _profiles(headings: list[dict[str, float]], vectors: list[dict[str, float]],
              assign: list[int]) -> list[tuple[dict[str, float], float]]:
    """Each article's profile (its header's vector and the vectors of the paragraphs
    assigned to it, summed) and the profile's squared length."""
    profiles = []
    for k, heading in enumerate(headings):
        profile = dict(heading)
        for i, a in enumerate(assign):
            if a == k:
                for w, v in vectors[i].items():
                    profile[w] = profile.get(w, 0.0) + v
        profiles.append((profile, norm2(profile)))
    return profiles


def _similarities(vec: dict[str, float], profiles: list[tuple[dict[str, float], float]],
                  own: int) -> list[float]:
    """The cosine of a paragraph's vector with each article's profile, the paragraph
    left out of the profile of its own article ``own`` (by the algebra of the dot
    product, without building that profile)."""
    n2 = norm2(vec)
    sims = []
    for k, (profile, pn2) in enumerate(profiles):
        product = dot(vec, profile)
        if k == own:
            product, pn2 = product - n2, pn2 - 2 * product + n2
        # what is left of a profile that held only this paragraph is rounding error
        sims.append(cosine(product, math.sqrt(n2), math.sqrt(pn2) if pn2 > 1e-12 else 0.0))
    return sims


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


__all__ = ["REASSIGN_MARGIN"]
