"""The lexicon's pruned segmentation (pairs found in no word skipped) gives exactly what
trying every window gives: the same scores, the same words, the same join gains."""

from __future__ import annotations

import math
import random

from zhpaper import lexicon

TEXT = ("首府扎实推进安全生产治本攻坚三年行动一体化发展示范区和林格尔新区算力角逐科技新高地"
        "因地制宜加快发展新质生产力呼和浩特市召开学习贯彻党的二十届三中全会精神宣讲工作动员会"
        "邱玲韩老师3.7万家ab,。、")


def _full_best(text: str) -> tuple[list[float], list[int]]:
    """Every window tried, as the segmentation did before it was pruned."""
    freq, total = lexicon.frequencies()
    log_total = math.log10(total)
    best = [0.0] + [-math.inf] * len(text)
    back = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - lexicon.MAX_WORD), end):
            f = freq.get(text[start:end])
            if f is None:
                if end - start > 1:
                    continue
                f = lexicon.FLOOR
            score = best[start] + math.log10(f) - log_total
            if score > best[end]:
                best[end], back[end] = score, start
    return best, back


def _full_gain(left: str, right: str, window: int = 4) -> float:
    a, b = left[-window:], right[:window]
    if not a or not b or a[-1] + b[0] not in lexicon.junctions():
        return 0.0
    freq = lexicon.frequencies()[0]
    if not any(a[-i:] + b[:j] in freq for i in range(1, len(a) + 1)
               for j in range(1, min(len(b), lexicon.MAX_WORD - i) + 1)):
        return 0.0  # no word spans the join (the gain would be rounding noise)
    logp = {s: _full_best(s)[0][len(s)] for s in (a, b, a + b)}
    return max(0.0, logp[a + b] - logp[a] - logp[b])


def _samples(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [TEXT[(k := rng.randrange(len(TEXT))):k + rng.randrange(1, 12)] for _ in range(n)]


def test_pruned_segmentation_is_the_full_one():
    for text in _samples(400, 1) + [TEXT[:40]]:
        best, back = _full_best(text)
        assert lexicon._best.__wrapped__(text) == (best[len(text)], tuple(back))


def test_pruned_join_gain_is_the_full_one():
    samples = _samples(600, 2)
    for left, right in zip(samples, samples[1:], strict=False):
        assert lexicon.join_gain(left, right) == _full_gain(left, right), (left, right)
    assert lexicon.join_gain("一体化发", "展示范") > 1


def test_reach():
    pairs = lexicon.Junctions.of({"ab", "bc"})
    assert lexicon._reach("abcxbc", pairs.followers) == [0, 0, 0, 0, 3, 4, 4]
