"""Scoring a word segmentation against a gold standard (the SIGHAN bakeoff measures).

A word counts as correct when both its boundaries match the gold. Precision, recall
and F1 are over words; OOV recall is the recall of gold words that are not in a
reference vocabulary (by default jieba's dictionary), IV recall that of the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SegScores:
    gold_words: int
    predicted_words: int
    correct: int
    oov_words: int
    oov_correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted_words if self.predicted_words else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_words if self.gold_words else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def oov_rate(self) -> float:
        return self.oov_words / self.gold_words if self.gold_words else 0.0

    @property
    def oov_recall(self) -> float:
        return self.oov_correct / self.oov_words if self.oov_words else 0.0

    @property
    def iv_recall(self) -> float:
        iv = self.gold_words - self.oov_words
        return (self.correct - self.oov_correct) / iv if iv else 0.0


def _spans(words: Sequence[str]) -> list[tuple[int, int]]:
    out, at = [], 0
    for w in words:
        out.append((at, at + len(w)))
        at += len(w)
    return out


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]],
          vocabulary=None) -> SegScores:
    """Score ``predicted`` against ``gold``, sentence by sentence.

    Each sentence must be the same text in both (raises ``ValueError`` otherwise).
    ``vocabulary`` is a container of known words for the OOV measures (``None``: every
    gold word counts as in-vocabulary).
    """
    g_n = p_n = ok = oov = oov_ok = 0
    for k, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        if "".join(g) != "".join(p):
            raise ValueError(f"sentence {k + 1}: gold and prediction differ in text")
        gs, ps = _spans(g), set(_spans(p))
        g_n += len(gs)
        p_n += len(ps)
        for w, span in zip(g, gs, strict=True):
            hit = span in ps
            ok += hit
            if vocabulary is not None and w not in vocabulary:
                oov += 1
                oov_ok += hit
    return SegScores(g_n, p_n, ok, oov, oov_ok)


def read_segmented(text: str) -> list[list[str]]:
    """Sentences in the SIGHAN format: one per line, words separated by spaces."""
    return [line.split() for line in text.splitlines() if line.strip()]


__all__ = ["SegScores", "read_segmented", "score"]
