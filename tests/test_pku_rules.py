"""The PKU conventions the tokenizer follows beyond jieba (zhpaper.pku), and the inner
split of the development half on which they were chosen."""

from __future__ import annotations

from zhpaper import pku, tokens
from zhpaper.evaluation import segmentation
from zhpaper.segmenter import Token


def _words(*texts: str, pos: str = "n") -> list[Token]:
    out, at = [], 0
    for t in texts:
        out.append(Token(t, at, at + len(t), pos))
        at += len(t)
    return out


def test_numeral_and_measure_follow_the_corpus_counts():
    assert pku._pku_split("百年") == ("百年",)  # one word in the corpus
    assert pku._pku_split("两次") == ("两", "次")
    # 一 + measure word is always two (the library's convention; the corpus writes 一个)
    assert pku._pku_split("一个") == ("一", "个")
    assert [w.text for w in pku.pku_join(_words("一", "个"))] == ["一", "个"]


def test_person_names_are_cut_after_the_surname():
    assert pku._surname_split("何长工") == ("何", "长工")
    assert pku._surname_split("欧阳明德") == ("欧阳", "明德")
    assert pku._surname_split("长工") is None
    assert tokens.cut("何长工说")[:2] == ["何", "长工"]


def test_transliterated_names():
    assert tokens.cut("约翰·加朗说")[0] == "约翰·加朗"
    assert tokens.cut("奥马尔·哈桑·艾哈迈德·巴希尔")[0] == "奥马尔·哈桑·艾哈迈德·巴希尔"
    assert tokens.cut("·") == ["·"]
    assert pku._foreign("伊斯") and not pku._foreign("长工")


def test_chinese_numerals_are_one_word():
    assert tokens.cut("七千万元")[:1] == ["七千万"]
    assert "百分之十五" in tokens.cut("增长百分之十五")
    merged = pku._whole_numerals(_words("二百零八", "点", "二", "亿", pos="m"))
    assert [w.text for w in merged] == ["二百零八点二亿"]


def test_times_and_decimal_dots():
    assert tokens.cut("８时３０分") == ["８时", "３０分"]
    assert tokens.cut("得了１０分") == ["得", "了", "１０", "分"]  # points, not a time
    assert tokens.cut("增长１８·５％") == ["增长", "１８·５％"]
    assert tokens.cut("１９９８年度")[0] == "１９９８"


def test_words_the_corpus_writes_as_one_are_joined():
    assert [w.text for w in pku.pku_join(_words("有", "的"))] == ["有的"]
    # nothing is joined across a gap or with a number
    gap = [Token("有", 0, 1, "v"), Token("的", 2, 3, "uj")]
    assert pku.pku_join(gap) == gap


def test_suffixes_attach_and_function_words_do_not():
    shares = pku._suffix_shares(id(pku.pku_counts()[0]))
    assert shares["化"] > pku.SUFFIX_SHARE > shares.get("的", 0.0)
    words = pku.suffixes_attached(_words("接驳", "率"))
    assert [w.text for w in words] == ["接驳率"]
    particle = [Token("推进", 0, 2, "v"), Token("了", 2, 3, "ul")]
    assert pku.suffixes_attached(particle) == particle


def test_given_names_after_a_surname():
    names = pku._given_names(_words("吴", "云", "娇"))
    assert [w.text for w in names] == ["吴", "云娇"]


def test_rules_can_be_switched_off(monkeypatch):
    monkeypatch.setitem(pku.RULES, "counted_numerals", False)
    pku._pku_split.cache_clear()
    try:
        assert pku._pku_split("百年") == ("百", "年")
    finally:
        pku._pku_split.cache_clear()


def test_inner_split_holds_whole_dev_articles_out_of_the_counts():
    gold, lines = segmentation.inner_split()
    assert 50_000 < sum(map(len, gold)) < 100_000 and len(gold) <= len(lines)
    base = pku.pku_counts()
    with pku.counts_without(lines):
        assert pku.pku_counts() is not base
        assert sum(pku.pku_counts()[0].values()) < sum(base[0].values())
    assert pku.pku_counts() is base


def test_the_packed_splits_answer_as_the_counted_ones():
    from zhpaper.heldout import unseen_lines
    from zhpaper.packed import PackedCounts

    words, splits = pku.pku_counts()
    counted_words, counted = pku.count_lines(unseen_lines())
    assert isinstance(splits, PackedCounts) and words == counted_words
    assert len(splits) == len(counted) and set(splits) == set(counted)
    keys = list(counted)[::101]
    for k in keys + [k + "卌" for k in keys] + [k[::-1] for k in keys] + ["", "卌"]:
        assert splits.get(k, 0) == counted.get(k, 0) and (k in splits) == (k in counted)
