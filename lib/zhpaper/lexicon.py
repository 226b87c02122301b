"""Word frequencies for scoring joins: jieba's dictionary plus the library's own.

Only a unigram language model is needed here (is ``积|极`` better read as one word?), so
the dictionary file is read directly; jieba itself is not initialised.
"""

from __future__ import annotations

import hashlib
import math
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .resources import cached, data_file, jieba_file

#: Frequency given to a character that is in no dictionary word.
FLOOR = 0.5
#: Longest word the segmentation considers.
MAX_WORD = 6


def _read_dict(lines, freq: dict[str, int]) -> None:
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            freq[parts[0]] = freq.get(parts[0], 0) + int(parts[1])


def _key(jieba_dict: Path, user_text: str) -> str:
    """The cache key of the merged dictionary: both sources' contents."""
    stat = jieba_dict.stat()
    return hashlib.sha256(
        f"{jieba_dict}|{stat.st_size}|{stat.st_mtime_ns}|{sys.version_info[:2]}|".encode()
        + user_text.encode("utf-8")
    ).hexdigest()[:16]


def _sources() -> tuple[Path, str, str]:
    """jieba's dictionary, the text of ``data/userdict.txt`` and the cache key of the
    table merged from both."""
    jieba_dict = jieba_file()
    user = data_file("userdict.txt")
    user_text = user.read_text(encoding="utf-8") if user.is_file() else ""
    return jieba_dict, user_text, _key(jieba_dict, user_text)


class Junctions:
    """A set of character pairs kept as each first character's followers, one string
    per character (``"发" → "丁七万三…展…"``): the same answers as a ``frozenset`` of
    two-character strings, in about 1 MB instead of 45."""

    __slots__ = ("followers",)

    def __init__(self, followers: dict[str, str]) -> None:
        self.followers = followers

    @classmethod
    def of(cls, pairs: Iterable[str]) -> Junctions:
        after: dict[str, set[str]] = {}
        for pair in pairs:
            after.setdefault(pair[0], set()).add(pair[1])
        return cls({a: "".join(sorted(b)) for a, b in sorted(after.items())})

    def __contains__(self, pair: object) -> bool:
        return isinstance(pair, str) and len(pair) == 2 \
            and pair[1] in self.followers.get(pair[0], "")

    def __iter__(self) -> Iterator[str]:
        return (a + b for a, after in self.followers.items() for b in after)

    def __len__(self) -> int:
        return sum(map(len, self.followers.values()))

    def nbytes(self) -> int:
        """Bytes of the table (its dict and strings)."""
        return sys.getsizeof(self.followers) + sum(
            sys.getsizeof(a) + sys.getsizeof(b) for a, b in self.followers.items())


@lru_cache(maxsize=1)
def junctions() -> Junctions:
    """Every two characters that stand next to each other inside a dictionary word. A
    word read across a join holds the join's two characters, so a pair not in this set
    forms no word across the join (a quick test before any segmentation)."""
    def build() -> dict[str, str]:
        return Junctions.of(w[k:k + 2] for w in frequencies()[0] if len(w) <= MAX_WORD
                            for k in range(len(w) - 1)).followers

    data = cached("junctions", _sources()[2] + "-followers", build)
    return Junctions(data if isinstance(data, dict) else build())


@lru_cache(maxsize=1)
def frequencies() -> tuple[dict[str, int], int]:
    """``(word → frequency, total)`` over jieba's dictionary and ``data/userdict.txt``
    (including the genre's fixed phrases, known whole to this model).

    Parsing jieba's 5 MB dictionary takes a quarter of a second, so the merged table is
    cached (:func:`zhpaper.resources.cached`, like jieba's own cache, in
    ``$XDG_CACHE_HOME/zhpaper`` or the temp dir); the cache is keyed on both
    dictionaries and rebuilt if it is missing or unreadable.
    """
    jieba_dict, user_text, key = _sources()

    def build() -> dict[str, int]:
        freq: dict[str, int] = {}
        with jieba_dict.open(encoding="utf-8") as fh:
            _read_dict(fh, freq)
        _read_dict((ln for ln in user_text.splitlines()
                    if ln.strip() and not ln.startswith("#")), freq)
        return freq

    freq = cached("lexicon", key, build)
    if not isinstance(freq, dict):
        freq = build()
    return freq, sum(freq.values())


def _reach(text: str, followers: dict[str, str]) -> list[int]:
    """For each end offset, the first start from which every two adjacent characters up
    to that end stand next to each other in some dictionary word (``followers``: those of
    :func:`junctions`): no longer string ending there can be a dictionary word."""
    reach = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        reach[end] = reach[end - 1] if end > 1 and text[end - 1] in followers.get(
            text[end - 2], "") else end - 1
    return reach


@lru_cache(maxsize=65536)
def _best(text: str) -> tuple[float, tuple[int, ...]]:
    """The best unigram segmentation of ``text``: its log10 probability and, for each
    end offset, where the last word ending there starts (``back``; 0 at offset 0)."""
    freq, total = frequencies()
    log_total = math.log10(total)
    reach = _reach(text, junctions().followers)
    n = len(text)
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        # starts before ``reach`` give strings holding a pair found in no word: skipped,
        # as they would be for having no frequency (the same candidates, in the same order)
        for start in range(max(0, end - MAX_WORD, reach[end]), end):
            word = text[start:end]
            f = freq.get(word)
            if f is None:
                if end - start > 1:
                    continue
                f = FLOOR
            score = best[start] + math.log10(f) - log_total
            if score > best[end]:
                best[end] = score
                back[end] = start
    return best[n], tuple(back)


def best_logprob(text: str) -> float:
    """Log10 probability of the best unigram segmentation of ``text`` (a short window)."""
    return _best(text)[0]


def segment(text: str) -> list[tuple[int, str]]:
    """Best unigram segmentation of a short text, as ``(offset, word)`` pairs."""
    _, back = _best(text)
    out, end = [], len(text)
    while end > 0:
        start = back[end]
        out.append((start, text[start:end]))
        end = start
    return out[::-1]


def last_word(text: str, window: int = 6) -> str:
    """The last word of ``text`` in its best unigram segmentation (``…发展的`` → ``的``)."""
    tail = text[-window:]
    return segment(tail)[-1][1] if tail else ""


def join_gain(left: str, right: str, window: int = 4) -> float:
    """How much likelier the text is read across the join than as two pieces.

    ``join_gain("一体化发", "展示范")`` is large (发展 spans the join);
    ``join_gain("三年行动", "推进")`` is about zero. Never negative.
    """
    a, b = left[-window:], right[:window]
    if not a or not b:
        return 0.0
    # Without a dictionary word spanning the join, the best reading of a+b is the best
    # reading of a followed by that of b: the gain is exactly zero. Checking the few
    # spanning strings first avoids three segmentations for most pairs.
    after = junctions().followers  # pair xy is a junction if y in after[x]
    if b[0] not in after.get(a[-1], ""):
        return 0.0
    freq = frequencies()[0]
    # a spanning word holds only pairs found in words: only the reachable ends are tried
    left = next((k for k in range(1, len(a)) if a[-k] not in after.get(a[-k - 1], "")),
                len(a))
    right = next((k for k in range(1, len(b)) if b[k] not in after.get(b[k - 1], "")), len(b))
    if not any(a[-i:] + b[:j] in freq for i in range(1, left + 1)
               for j in range(1, min(right, MAX_WORD - i) + 1)):
        return 0.0
    return max(0.0, best_logprob(a + b) - best_logprob(a) - best_logprob(b))


def first_word(text: str, window: int = 6) -> str:
    """The first word of ``text`` in its best unigram segmentation."""
    head = text[:window]
    return segment(head)[0][1] if head else ""


def word_frequency(word: str) -> int:
    """Frequency of ``word`` in the dictionaries (0 if absent)."""
    return frequencies()[0].get(word, 0)
