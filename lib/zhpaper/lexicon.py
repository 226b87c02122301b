"""Word frequencies for scoring joins: jieba's dictionary plus the library's own.

Only a unigram language model is needed here (is ``积|极`` better read as one word?), so
the dictionary file is read directly; jieba itself is not initialised.
"""

from __future__ import annotations

import importlib.util
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

#: Frequency given to a character that is in no dictionary word.
FLOOR = 0.5


def _jieba_dict() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _read_dict(lines, freq: dict[str, int]) -> None:
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            freq[parts[0]] = freq.get(parts[0], 0) + int(parts[1])


@lru_cache(maxsize=1)
def frequencies() -> tuple[dict[str, int], int]:
    """``(word → frequency, total)`` over jieba's dictionary and ``data/userdict.txt``."""
    freq: dict[str, int] = {}
    with _jieba_dict().open(encoding="utf-8") as fh:
        _read_dict(fh, freq)
    user = resources.files("zhpaper").joinpath("data/userdict.txt")
    if user.is_file():
        _read_dict(
            (ln for ln in user.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")),
            freq,
        )
    return freq, sum(freq.values())


def _best(text: str) -> tuple[list[float], list[int]]:
    freq, total = frequencies()
    log_total = math.log10(total)
    n = len(text)
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
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
    return best, back


def best_logprob(text: str) -> float:
    """Log10 probability of the best unigram segmentation of ``text`` (a short window)."""
    return _best(text)[0][len(text)]


def last_word(text: str, window: int = 6) -> str:
    """The last word of ``text`` in its best unigram segmentation (``…发展的`` → ``的``)."""
    tail = text[-window:]
    if not tail:
        return ""
    _, back = _best(tail)
    return tail[back[len(tail)]:]


def join_gain(left: str, right: str, window: int = 4) -> float:
    """How much likelier the text is read across the join than as two pieces.

    ``join_gain("一体化发", "展示范")`` is large (发展 spans the join);
    ``join_gain("三年行动", "推进")`` is about zero. Never negative.
    """
    a, b = left[-window:], right[:window]
    if not a or not b:
        return 0.0
    return max(0.0, best_logprob(a + b) - best_logprob(a) - best_logprob(b))


def first_word(text: str, window: int = 6) -> str:
    """The first word of ``text`` in its best unigram segmentation."""
    head = text[:window]
    if not head:
        return ""
    _, back = _best(head)
    end = len(head)
    while back[end] > 0:
        end = back[end]
    return head[:end]


def word_frequency(word: str) -> int:
    """Frequency of ``word`` in the dictionaries (0 if absent)."""
    return frequencies()[0].get(word, 0)
