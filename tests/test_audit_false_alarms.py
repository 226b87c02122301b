"""False alarms of the audit's confusion rule on clean text: 曰 that says or names, a
character that reads well standing alone, names printed one after another, numbers,
a form the page prints again and again, the names of a byline.

The character model has seen most sentences one could write here, so the rule is taken
with the dictionary's evidence alone (``lm_weight`` 0) and a low ``score``: what is
tested is the rule's reasoning, not the model."""

from __future__ import annotations

from dataclasses import replace

from zhpaper import charlm
from zhpaper.audit import CONFUSIONS, DICTIONARY_ONLY, name_mask, words_of
from zhpaper.lookalikes import _confusions, in_number

LOW = replace(CONFUSIONS, lm_weight=0.0, score=1.0)


def confusions(text: str, rule=LOW) -> list[tuple[str, str, float]]:
    found = _confusions(text, name_mask(text, words_of(text)), rule, text)
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
    assert not DICTIONARY_ONLY.numbers and not DICTIONARY_ONLY.page_words


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


def test_a_numeral_of_a_number_is_not_read_as_a_word():
    text = "全县已有５千部程控电话。"
    assert confusions(text) == []
    assert [c[:2] for c in confusions(text, replace(LOW, numbers=False))] == [("千", "干")]
    assert [in_number(text, k) for k in (1, 5, 6)] == ["", "numeral", "measure"]


def test_a_measure_word_after_a_numeral_belongs_to_the_number():
    assert confusions("会上七人发言。") == []  # 七人 "seven people", not 七八
    assert [c[:2] for c in confusions("会上七人发言。", replace(LOW, numbers=False))] == [
        ("人", "八")]
    ((_, alt, with_number),) = confusions("她把这封信读了十三遍。")
    ((_, _, without),) = confusions("她把这封信读了十三遍。", replace(LOW, numbers=False))
    assert alt == "篇" and with_number < without
    assert in_number("再等八小时", 2) == "measure"
    assert in_number("大家七手八脚地抬", 4) == "measure"  # 七…八 frames an idiom


def test_a_form_the_page_prints_again_and_again_is_the_pages_word():
    text = "汉代在京城设立太学，太学设五经博士，入太学者称博士弟子。"
    assert confusions(text) == []
    assert [c[:2] for c in confusions(text, replace(LOW, page_words=False))] == [
        ("太", "大"), ("太", "大")]
    once = "汉代在京城设立太学，入太学者称博士弟子。"  # printed once: still a candidate
    assert [c[:2] for c in confusions(once)] == [("太", "大")]


def test_the_names_of_a_byline_are_listed_names():
    for text in ("本报记者李建国王力", "王义明"):
        mask = name_mask(text, words_of(text), byline=True)
        assert _confusions(text, mask, LOW) == []
        plain = name_mask(text, words_of(text))
        assert [text[s:e] for s, e, *_ in _confusions(text, plain, LOW)] == ["王"]
    dateline = "新华杜北京1月5日电（记者王力）"
    mask = name_mask(dateline, words_of(dateline), byline=True)
    assert mask[-3:-1] == ["listed", "listed"] and mask[0] == ""
    assert [(dateline[s:e], alt) for s, e, alt, *_ in _confusions(dateline, mask, LOW)] == [
        ("杜", "社")]


def test_a_name_that_a_comma_joins_to_a_name_is_listed():
    text = "这幅画的作者为王春雨、李平。"  # 春雨 is a word, 为主 reaches out of the name
    mask = name_mask(text, words_of(text))
    assert mask[7:10] == ["listed"] * 3 and mask[11:13] == ["listed"] * 2
    assert confusions(text) == []
    assert [c[:2] for c in confusions(text, replace(LOW, lists=False))] == [("王", "主")]
    assert confusions("以农业为王、工业为辅。") != []  # no name on either side of 、
