"""The tokenizer's parts in their own modules (segmenter, pku, phrases), their names
still importable from zhpaper.tokens."""

from __future__ import annotations

from zhpaper import phrases, pku, segmenter, tokens


def test_the_old_names_are_the_new_objects():
    assert tokens.Token is segmenter.Token and tokens.tokenizer is segmenter.tokenizer
    assert tokens.pku_counts is pku.pku_counts and tokens.HELD_OUT == pku.HELD_OUT == 40
    assert tokens.phrase_matches is phrases.phrase_matches
    assert tokens.MATCH_COLUMNS is phrases.MATCH_COLUMNS


def test_each_part_on_its_own():
    assert segmenter.fold_width("３.７万") == "3.7万"
    assert [w for w, _, _ in segmenter.user_entries()][:1]
    assert pku._pku_split("一个") == ("一", "个")
    words = [segmenter.Token("安全", 0, 2, "n"), segmenter.Token("生产", 2, 4, "vn")]
    assert [t.text for t in phrases.merge_phrases(words, "安全生产")] == ["安全生产"]


def test_without_entries_changes_the_shared_tokenizer_and_back():
    assert tokens.cut("和林格尔新区") == ["和林格尔新区"]
    with tokens.without_entries(["和林格尔新区"]):
        assert segmenter.tokenizer() is not segmenter._tokenizer(True)
        assert tokens.cut("和林格尔新区") != ["和林格尔新区"]
    assert tokens.cut("和林格尔新区") == ["和林格尔新区"]
