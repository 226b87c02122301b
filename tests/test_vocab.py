"""A reader's vocabulary counted as strings (zhpaper.vocab)."""

from __future__ import annotations

import pytest

from zhpaper import vocab
from zhpaper.errors import ZhpaperError

GROUPS = {"responsibility": ["责任", "压实"], "pressure": ["倒逼", "约谈"]}
TEXT = "压实主体责任，倒逼企业落实主体责任。"


def test_vocabulary_frame_counts_strings_and_tokens():
    frame = vocab.vocabulary_frame(GROUPS, TEXT, {"主体责任": 2, "压实": 1, "倒逼": 1})
    assert frame.to_dict("records") == [
        {"group": "responsibility", "word": "责任", "in text": 2, "as a token": 0},
        {"group": "responsibility", "word": "压实", "in text": 1, "as a token": 1},
        {"group": "pressure", "word": "倒逼", "in text": 1, "as a token": 1},
        {"group": "pressure", "word": "约谈", "in text": 0, "as a token": 0},
    ]
    assert list(vocab.vocabulary_frame(GROUPS, TEXT).columns) == ["group", "word", "in text"]


def test_count_grid_is_words_by_texts():
    grid = vocab.count_grid(["责任", "约谈"], {1: TEXT, 2: "约谈企业，约谈干部。"})
    assert list(grid.index) == ["责任", "约谈"] and list(grid.columns) == [1, 2]
    assert grid.loc["责任"].tolist() == [2, 0] and grid.loc["约谈"].tolist() == [0, 2]


def test_density_per_thousand_characters():
    frame = vocab.density({"a": TEXT, "b": "约谈" + "。" * 98}, GROUPS)
    assert frame.loc["a", "responsibility"] == pytest.approx(1000 * 3 / len(TEXT))
    assert frame.loc["b", "pressure"] == pytest.approx(10.0)
    assert frame.loc["b", "responsibility"] == 0
    with pytest.raises(ZhpaperError, match="no text"):
        vocab.density({"empty": ""}, GROUPS)
