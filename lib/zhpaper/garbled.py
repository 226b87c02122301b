"""The audit's garbled-text detector, and the unpaired closing quotation mark.

Garbled OCR output is a run of characters, each a word of its own in the best
dictionary segmentation, that the PKU segmentation of news text rarely makes
one-character words (:func:`zhpaper.charlm.standalone`): a window of
:data:`GARBLED_WINDOW` Chinese characters is garbled when the summed costs (−log10 of
those shares) reach :data:`GARBLED_COST`; names (:mod:`zhpaper.namemask`) cost nothing.
A closing quotation mark that closes no quotation marks damaged or lost words before
it. :mod:`zhpaper.audit` turns what this module finds into findings.
"""

from __future__ import annotations

from . import charlm
from .lexicon import segment
from .namemask import _han

#: Chinese characters in a garbled-text window, and the summed cost that flags it.
GARBLED_WINDOW = 8
GARBLED_COST = 6.5
#: A window must hold at least this many characters that cost more than CHAR_COST.
GARBLED_MIN_CHARS = 3
CHAR_COST = 0.3
#: Longest stretch of text segmented at once for the garbled-text detector.
_SEGMENT_CHUNK = 300


def words_of(t: str) -> list[tuple[int, str]]:
    """The best dictionary segmentation of ``t`` as ``(offset, word)``, in chunks."""
    out: list[tuple[int, str]] = []
    for lo in range(0, len(t), _SEGMENT_CHUNK):
        out += [(lo + s, w) for s, w in segment(t[lo:lo + _SEGMENT_CHUNK])]
    return out


def _costs(t: str, words: list[tuple[int, str]], mask: list[str]) -> list[float]:
    cost = [0.0] * len(t)
    for start, word in words:
        if len(word) == 1 and _han(word) and not mask[start]:
            cost[start] = -charlm.standalone(word)
    return cost


def _flag_windows(t: str, cost: list[float]) -> tuple[list[bool], list[float]]:
    n, size = len(t), GARBLED_WINDOW
    flagged, worst = [False] * n, [0.0] * n
    cjk = [_han(c) for c in t]
    run = 0  # Chinese characters ending at i
    for i in range(n):
        run = run + 1 if cjk[i] else 0
        if run < size:
            continue
        window = cost[i - size + 1:i + 1]
        total = sum(window)
        if total >= GARBLED_COST and sum(c > CHAR_COST for c in window) >= GARBLED_MIN_CHARS:
            for k in range(i - size + 1, i + 1):
                flagged[k] = True
                worst[k] = max(worst[k], total)
    return flagged, worst


def _garbled(t: str, words: list[tuple[int, str]], mask: list[str]
             ) -> list[tuple[int, int, float]]:
    """``(start, end, cost)`` of garbled runs (see the module documentation)."""
    if not charlm.available():
        return []
    cost = _costs(t, words, mask)
    flagged, worst = _flag_windows(t, cost)
    out, i = [], 0
    while i < len(t):
        if not flagged[i]:
            i += 1
            continue
        j = i
        while j < len(t) and flagged[j]:
            j += 1
        costly = [k for k in range(i, j) if cost[k] > CHAR_COST]
        out.append((costly[0], costly[-1] + 1, max(worst[i:j])))
        i = j
    return out


def _lone_quote(t: str) -> int | None:
    """Offset of an unpaired closing quotation mark (``…云谷"。``).

    Straight quotes are paired in reading order; with an odd number, the last one is
    unpaired, and it is reported when it closes a clause (a closer whose opener is lost).
    """
    positions = [i for i, c in enumerate(t) if c in '"“”']
    if len(positions) % 2 == 0 or t.count("“") > t.count("”"):
        return None
    i = positions[-1]
    after = t[i + 1:i + 2]
    return i if after in ("", "。", "，", ",", "；", ";", "!", "！", "?", "？") else None


__all__ = ["CHAR_COST", "GARBLED_COST", "GARBLED_MIN_CHARS", "GARBLED_WINDOW", "words_of"]
