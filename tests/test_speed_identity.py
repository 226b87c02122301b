"""Speed and memory changes that must leave every result as it was (issue #22 §1)."""

from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd
import pytest

import zhpaper
from zhpaper import analyse, charlm, joins, segmenter, tokens

SEED = "seeds/000_746b1ecd3a9e4b42.txt"


def test_packed_charlm_tables_are_equal():
    from zhpaper.packed import PackedCounts

    text = charlm.START + "发展新质生产力" + charlm.END
    raw = [__import__("collections").Counter() for _ in range(charlm.ORDER + 1)]
    for n in range(1, charlm.ORDER + 1):
        raw[n].update(text[i:i + n] for i in range(len(text) - n + 1))
    grams, contexts = charlm._kneser_ney(raw)
    model = charlm.Counts({"发": 1, "展": 1}, {"发展": 1}, 2, {"发": 1}, grams, contexts)
    uni, single, bi, grams2, contexts2 = charlm._packed(model)
    assert (uni, single) == (model.uni, model.single)
    for data, table in ((bi, model.bi), (grams2, grams), (contexts2, contexts)):
        assert dict(PackedCounts.from_data(data).items()) == table


class _Tagger:
    def __init__(self, tags, freq):
        self.word_tag_tab = tags
        self.tokenizer = type("T", (), {})()
        self.tokenizer.FREQ = freq


def test_shared_jieba_tables_are_equal_and_use_the_common_objects():
    common = {"".join(["发", "展"]): "".join(["v", "n"]), "国家": "n"}
    own = {"".join(["发", "展"]): "".join(["v", "n"]), "新词": "nz"}
    freq = {"".join(["发", "展"]): 5, "发": 0, "新词": 1}
    pos = _Tagger(dict(own), dict(freq))
    segmenter._share_strings(pos, common)
    assert pos.word_tag_tab == own and pos.tokenizer.FREQ == freq
    word = next(iter(common))
    assert next(iter(pos.word_tag_tab)) is word and next(iter(pos.tokenizer.FREQ)) is word
    assert pos.word_tag_tab[word] is common[word]


def test_the_real_tagger_keeps_jieba_s_tags_and_the_library_s():
    import jieba.posseg

    pos = segmenter.tokenizer(True)
    own = {w for w, _, _ in segmenter.user_entries()}
    jieba_words = [w for w in ("发展", "国家", "经济", "人民") if w not in own]
    assert jieba_words
    for w in jieba_words:
        assert pos.word_tag_tab[w] == jieba.posseg.dt.word_tag_tab[w]
        assert pos.tokenizer.FREQ[w] > 0
    for word, _, tag in segmenter.user_entries()[:20]:
        assert word in pos.tokenizer.FREQ and (tag is None or pos.word_tag_tab[word] == tag)


def test_remembered_jieba_words_are_jieba_s():
    pos = segmenter.tokenizer(True)
    text = "首府扎实推进安全生产治本攻坚三年行动"
    direct = tuple((p.word, p.flag) for p in pos.cut(text, HMM=False))
    assert tokens._jieba_words(pos, text, False) == direct
    before = tokens._jieba_words.cache_info().hits
    assert tokens._jieba_words(pos, text, False) == direct
    assert tokens._jieba_words.cache_info().hits == before + 1


class _Everything:
    def __contains__(self, item) -> bool:
        return True


def test_the_junction_filter_keeps_every_candidate(monkeypatch):
    filtered = zhpaper.read_page(SEED)
    monkeypatch.setattr(joins, "junctions", lambda: _Everything())
    unfiltered = zhpaper.read_page(SEED)
    assert filtered.candidates == unfiltered.candidates
    assert filtered.joins == unfiltered.joins


@pytest.mark.parametrize("value", [
    "文本", "", 0, 3, True, False, [1, 2], (1, 2), [], None, 1.5, math.nan, float("inf"),
    np.float64("nan"), np.float64(2.0), np.int64(4), pd.NA, pd.NaT, np.bool_(True),
    pd.Timestamp("2024-08-15"), datetime.date(2024, 8, 15)])
def test_missing_cells_are_pandas_missing_cells(value):
    expected = not isinstance(value, list | tuple) and bool(pd.isna(value))
    assert analyse._missing(value) is expected


def test_paragraph_memos_remember_a_few_pages_not_an_archive():
    from zhpaper import cohesion, entity_model, entity_rules, entity_words

    memos = [tokens._jieba_words, entity_words._words, entity_rules._named, cohesion.bigrams]
    assert all(m.cache_info().maxsize == tokens.MEMO for m in memos)
    assert cohesion.MEMO == tokens.MEMO <= entity_model.MEMO
    assert 500 <= tokens.MEMO <= 2048  # a long page's paragraphs, not thousands of pages'
