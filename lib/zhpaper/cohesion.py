"""Lexical cohesion: IDF-weighted character-bigram vectors of Chinese text.

Used to decide whether two pieces of a page share a topic: a join across a column break,
a paragraph's article, a heading that continues the text before it (a section) or
starts a new one (a headline). Political formulae that every article of a party paper
shares (``data/formulae.txt``) are removed before topics are compared.

The library's one cosine: :func:`weigh` makes a vector of bigram counts, :func:`dot`,
:func:`norm2` and :func:`cosine` compare two; :class:`Vectors` memoises the vectors of
one page's strings, and article assignment (:mod:`zhpaper.assignment`) compares
paragraphs with article profiles (sums of vectors) through the same functions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from . import text as textmod
from .genre import formulae


@lru_cache(maxsize=1)
def _formulae() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, formulae())))


_NOT_WORD_CHARS = re.compile(f"[^{textmod.CJK}]|[，。、；：！？…—“”‘’·]")


#: Texts whose bigrams are remembered: a page's sentences and fragments, and those of
#: the pages before it (a larger memo held memory and saved no time, issue #22).
MEMO = 1024


@lru_cache(maxsize=MEMO)
def bigrams(s: str) -> Counter[str]:
    """Character bigrams of the Chinese text in ``s`` (punctuation and Latin removed).
    Cached: callers must not modify the returned Counter."""
    chars = _NOT_WORD_CHARS.sub("", s)
    return Counter(chars[i:i + 2] for i in range(len(chars) - 1))


def topic_bigrams(s: str) -> Counter[str]:
    """Bigrams for comparing topics: political formulae shared by all articles removed."""
    return bigrams(_formulae().sub("|", s))


def idf(docs: list[Counter[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each bigram over ``docs``."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs) or 1
    return {k: math.log((1 + n) / (1 + v)) + 1 for k, v in df.items()}


def weigh(grams: Counter[str], weights: dict[str, float], scale: int = 1) -> dict[str, float]:
    """The vector of ``grams``: each count times ``scale`` times its weight (1.0 for a
    bigram ``weights`` does not know)."""
    return {k: scale * v * weights.get(k, 1.0) for k, v in grams.items()}


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two vectors, summed in the order of ``a`` (pass the smaller
    first: the sum runs over its keys)."""
    return sum(x * b.get(k, 0.0) for k, x in a.items())


def norm2(vec: dict[str, float]) -> float:
    """The squared length of a vector."""
    return sum(x * x for x in vec.values())


def cosine(product: float, norm_a: float, norm_b: float) -> float:
    """The cosine of two vectors from their dot product and their lengths; 0.0 when
    either is of length zero."""
    return product / (norm_a * norm_b) if norm_a and norm_b else 0.0


class Vectors:
    """IDF-weighted bigram vectors and their norms, memoised for one page."""

    def __init__(self, weights: dict[str, float], topic: bool = False) -> None:
        self.idf = weights
        self.grams = topic_bigrams if topic else bigrams
        self.memo: dict[str, tuple[dict[str, float], float]] = {}

    def vector(self, s: str) -> tuple[dict[str, float], float]:
        hit = self.memo.get(s)
        if hit is None:
            vec = weigh(self.grams(s), self.idf)
            hit = self.memo[s] = (vec, math.sqrt(norm2(vec)))
        return hit

    def cosine(self, a: str, b: str) -> float:
        """The cosine of the vectors of ``a`` and ``b``."""
        (va, na), (vb, nb) = self.vector(a), self.vector(b)
        if not na or not nb:
            return 0.0
        if len(va) > len(vb):
            va, vb = vb, va
        return cosine(dot(va, vb), na, nb)
