"""False alarms of the audit's confusion rule on clean text: 曰 that says or names, a
character that reads well standing alone, names printed one after another.

The character model has seen most sentences one could write here, so the rule is taken
with the dictionary's evidence alone (``lm_weight`` 0) and a low ``score``: what is
tested is the rule's reasoning, not the model."""

from __future__ import annotations

from dataclasses import replace

from zhpaper import charlm
from zhpaper.audit import CONFUSIONS, DICTIONARY_ONLY, name_mask, words_of
from zhpaper.lookalikes import _confusions

LOW = replace(CONFUSIONS, lm_weight=0.0, score=1.0)


def confusions(text: str, rule=LOW) -> list[tuple[str, str, float]]:
    found = _confusions(text, name_mask(text, words_of(text)), rule)
    return [(text[start:end], alt, confidence) for start, end, alt, confidence, _ in found]


def test_yue_before_a_quotation_or_a_colon_is_not_a_misread_ri():
    text = "史家的态度有三，一曰“羞于启齿”，二曰：维希有功。"
    assert confusions(text) == []
    assert [c[:2] for c in confusions(text, replace(LOW, speech=False))] == [
        ("曰", "日"), ("曰", "日")]


def test_yue_inside_a_word_is_still_read_as_ri():
    assert [c[:2] for c in confusions("今曰的会议开得很好。")] == [("曰", "日")]


def test_a_character_that_stands_alone_weighs_against_the_look_alike():
    text = "俄也不仅想当政治大国，而且"
    ((_, alt, with_alone),) = confusions(text)
    ((_, _, without),) = confusions(text, replace(LOW, standalone_weight=0.0))
    assert alt == "相" and with_alone < without
    if charlm.available():  # 想 is a word of its own in about a quarter of its uses
        assert 0.1 < 10 ** charlm.standalone("想") < 0.5


def test_the_baseline_rule_keeps_its_old_reasoning():
    assert DICTIONARY_ONLY.standalone_weight == 0.0 and not DICTIONARY_ONLY.speech


def test_names_printed_one_after_another_are_listed_names():
    text = "陶立华王力如何使在岗职工干与不干"
    mask = name_mask(text, words_of(text))
    assert mask[:5] == ["listed"] * 5 and mask[5] == ""
    assert confusions(text) == []
    assert [c[:2] for c in confusions(text, replace(LOW, protect_names=False))] == [
        ("王", "主")]


def test_a_name_standing_alone_is_still_only_a_person():
    text = "会议由王力主持。"
    mask = name_mask(text, words_of(text))
    assert "listed" not in mask
