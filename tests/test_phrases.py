"""Phrases counted over whole tokens (tokens.phrase_matches, count_phrases,
sentences_with): a phrase starts and ends at word boundaries, never crosses a sentence
or a text unit, and every article of the table gets a row."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEED

import zhpaper
from zhpaper import tokens


def token_table(units):
    """A token table from ``(article, kind, paragraph, [sentence, …])`` where a
    sentence is a list of words (offsets and lines made up, as tokens_frame has them)."""
    rows = []
    for article, kind, paragraph, sentences in units:
        at = 0
        for k, words in enumerate(sentences):
            for w in words:
                rows.append((article, kind, paragraph, k, w, "n", at, at + len(w), 10 + k,
                             True, False))
                at += len(w)
    frame = pd.DataFrame(rows, columns=["article", "kind", "paragraph", "sentence", "word",
                                        "pos", "start", "end", "line", "content", "suspect"])
    return frame.astype({"paragraph": "Int64"})


FRAME = token_table([
    ("a1", "headline", None, [["科技", "创新", "引领"]]),
    ("a1", "paragraph", 1, [["打造", "全产业链", "和", "产业链", "。"],
                            ["科技", "。"], ["创新", "发展"]]),
    ("a1", "heading", None, [["新质"]]),
    ("a1", "heading", None, [["生产力", "发展"]]),  # a second heading: another unit
    ("a2", "paragraph", 1, [["全", "产业链", "延伸"]]),
    ("a3", "paragraph", 1, [["其他", "内容"]]),
])


def test_a_phrase_is_whole_tokens_over_as_many_as_it_needs():
    found = tokens.phrase_matches(FRAME, ["科技创新", "产业链", "全产业链"])
    got = list(zip(found["article"], found["kind"], found["phrase"], found["start"],
                   found["end"], strict=True))
    assert got == [("a1", "headline", "科技创新", 0, 4),
                   ("a1", "paragraph", "全产业链", 2, 6),
                   ("a1", "paragraph", "产业链", 7, 10),  # not inside the token 全产业链
                   ("a2", "paragraph", "全产业链", 0, 4),  # 全 产业链: both runs count
                   ("a2", "paragraph", "产业链", 1, 4)]
    assert list(found.columns) == tokens.MATCH_COLUMNS


def test_no_phrase_across_a_sentence_or_a_unit():
    assert tokens.phrase_matches(FRAME, ["科技创新", "新质生产力"])["kind"].tolist() == [
        "headline"]  # 科技。|创新 and two headings 新质 | 生产力 do not count


def test_counts_have_a_row_for_every_article_and_a_column_per_phrase():
    counts = tokens.count_phrases(FRAME, ["产业链", "全产业链", "产业链", "没有"])
    assert counts.index.tolist() == ["a1", "a2", "a3"]
    assert counts.columns.tolist() == ["产业链", "全产业链", "没有"]
    assert counts.loc["a1"].tolist() == [1, 1, 0] and counts.loc["a3"].sum() == 0
    assert counts.loc["a2"].tolist() == [1, 1, 0]
    substring = "".join(FRAME.loc[FRAME["article"] == "a1", "word"]).count("产业链")
    assert substring == 2 != counts.loc["a1", "产业链"]  # the lesson: substrings over-count


def test_sentences_with_lists_the_phrases_in_the_order_given():
    found = tokens.sentences_with(FRAME, ["产业链", "全产业链", "科技创新"])
    assert found[["article", "kind", "sentence", "phrases", "text"]].values.tolist() == [
        ["a1", "headline", 0, "科技创新", "科技创新引领"],
        ["a1", "paragraph", 0, "产业链、全产业链", "打造全产业链和产业链。"],
        ["a2", "paragraph", 0, "产业链、全产业链", "全产业链延伸"]]
    assert found["line"].tolist() == [10, 10, 10]
    assert tokens.sentences_with(FRAME, ["没有"]).empty


def test_bad_input_is_one_clear_error():
    with pytest.raises(zhpaper.ZhpaperError, match="non-empty"):
        tokens.count_phrases(FRAME, ["产业链", ""])
    with pytest.raises(zhpaper.ZhpaperError, match="not a token table"):
        tokens.phrase_matches(FRAME.drop(columns="sentence"), ["产业链"])


def test_on_the_seed_page_tokens_count_less_than_substrings():
    page = zhpaper.read_page(SEED)
    frame = tokens.tokens_frame(page)
    counts = tokens.count_phrases(frame, ["产业链", "全产业链"])
    assert counts.index.tolist() == [a.id for a in page.articles]
    for a in page.articles:
        text = "".join(frame.loc[frame["article"] == a.id, "word"])
        assert counts.loc[a.id, "产业链"] <= text.count("产业链")
        assert counts.loc[a.id, "全产业链"] <= text.count("全产业链")
    assert (counts["全产业链"] > 0).any()
