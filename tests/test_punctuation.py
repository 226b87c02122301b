"""Punctuation in Chinese context set full width in the clean text: the rules, the
exceptions (numbers, Latin words, URLs, code), one character for one, reversible."""

from __future__ import annotations

import pytest
from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

import zhpaper
from zhpaper import source, text
from zhpaper.audit import audit
from zhpaper.fragments import Span
from zhpaper.reconstruct import reconstruct

N = text.normalise_punctuation


@pytest.fixture(scope="module", autouse=True)
def full_width():
    """The cleaning step on, whatever the library's default (text.FULL_WIDTH_PUNCTUATION)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(text, "FULL_WIDTH_PUNCTUATION", True)
        yield


def test_the_step_can_be_switched_off(monkeypatch):
    monkeypatch.setattr(text, "FULL_WIDTH_PUNCTUATION", False)
    assert text.clean(['压实"三个责任",握住']) == '压实"三个责任",握住'
    assert text.punctuation_changes(['压实"三个"'], [Span(1, 0, 7)]) == []


@pytest.mark.parametrize("raw, clean", [
    ('压实"三个责任",握住治本攻坚"主动权"。', "压实“三个责任”，握住治本攻坚“主动权”。"),
    ("他说:\"好!\"", "他说：“好！”"),
    ("全力推进;确保落实?", "全力推进；确保落实？"),
    ("形势持续平稳向好.", "形势持续平稳向好。"),
    ("(上接第1版)", "（上接第1版）"),
    ("生产总值(GDP)增长", "生产总值（GDP）增长"),
    ("(1)加强监管", "（1）加强监管"),
    ("他说'好'。", "他说‘好’。"),
    ("新区模式:守住定位", "新区模式：守住定位"),
    ("增长3.7%,达到5G,全面", "增长3.7%，达到5G，全面"),
    ("“金融云谷\"首个", "“金融云谷”首个"),  # a straight closer after a curly opener
    ("降雪持续不断.12月份", "降雪持续不断。12月份"),  # no digit before it: not a decimal
    ("(Ａ、Ｂ)", "（Ａ、Ｂ）"),  # full-width letters are set in Chinese text
])
def test_marks_in_chinese_context_are_full_width(raw, clean):
    assert N(raw) == clean


@pytest.mark.parametrize("raw", [
    "近3.7万家", "5G网络", "接驳率97.7%", "1.0版", "1,000元", "10:30开会", "比分3:2",
    "见http://www.example.com/a?b=1,c.d(e)", "www.gov.cn/x,y", "用`a,b;c`调用",
    "Hong Kong, China", "People's Daily", "rock 'n' roll", "向好...", "f(x)",
    "97.7%,98.1%",  # between two non-Chinese characters a mark keeps its width
])
def test_numbers_latin_urls_and_code_are_left_alone(raw):
    assert N(raw) == raw


def test_a_url_ends_before_the_sentence_goes_on():
    assert N("详见http://www.example.com,欢迎访问.") == "详见http://www.example.com，欢迎访问。"


@pytest.mark.parametrize("raw", [
    '中国"金融云谷"首个,已成为各大金融机类据云谷"。',  # three: one lost its partner
    '"我们要继续努力。',  # a quotation that runs on into the next paragraph
    '他说”好"。',  # a closing mark that closes nothing
])
def test_quotes_that_do_not_pair_stay_as_printed(raw):
    out = N(raw)
    assert [c for c in out if c in '"“”'] == [c for c in raw if c in '"“”']
    assert "，" in out or "," not in raw  # the other marks are still set full width


def test_one_character_for_one_and_idempotent():
    raw = '压实"三个责任",握住(治本)攻坚:1,000元;3.7万!'
    assert len(N(raw)) == len(raw)
    assert N(N(raw)) == N(raw)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet='中文A1 ,.:;!?()"\'“”（），。', max_size=30))
def test_any_text_keeps_its_length_and_is_stable(s):
    out = N(s)
    assert len(out) == len(s)
    assert N(out) == out
    assert text.half_width(out) == text.half_width(s)  # only widths change
    assert text.clean([text.clean([s])]) == text.clean([s])


def test_clean_text_and_offsets_agree():
    pieces = ['压实"三个', '责任",握住治本 攻坚', '"主动权"。(冯燕平)']
    spans = [Span(k + 1, 4, 4 + len(p)) for k, p in enumerate(pieces)]
    clean, offsets = text.clean_with_offsets(pieces, spans)
    assert clean == text.clean(pieces) == "压实“三个责任”，握住治本攻坚“主动权”。（冯燕平）"
    assert len(offsets) == len(clean)


def test_changes_list_the_printed_marks_and_restore_them():
    pieces = ['压实"三个', '责任",握住3.7万']
    spans = [Span(10, 2, 2 + len(pieces[0])), Span(11, 0, len(pieces[1]))]
    clean, offsets = text.clean_with_offsets(pieces, spans)
    changes = text.punctuation_changes(pieces, spans)
    assert [(c.raw, c.clean, c.source) for c in changes] == [
        ('"', "“", (10, 4)), ('"', "”", (11, 2)), (",", "，", (11, 3))]
    assert all(clean[c.offset] == c.clean and offsets[c.offset] == c.source for c in changes)
    assert text.restore_punctuation(clean, changes) == '压实"三个责任",握住3.7万'
    with pytest.raises(ValueError):
        text.restore_punctuation("x" * len(clean), changes)


def test_heading_keeps_its_parallel_phrases():
    assert text.clean_heading(["新区模式:守住定位 合作共赢"]) == "新区模式：守住定位 合作共赢"


@pytest.fixture(scope="module")
def page():
    return zhpaper.read_page(SEED)


def test_the_seed_page_is_recoverable_from_its_offsets(page):
    """Every clean character of every paragraph is its raw character, or a listed change."""
    changed = 0
    for article in page.articles:
        for para in article.paragraphs:
            pieces = para.raw.split("\n")
            clean, offsets = text.clean_with_offsets(pieces, para.source)
            assert clean == para.text
            changes = text.punctuation_changes(pieces, para.source)
            changed += len(changes)
            printed = text.restore_punctuation(clean, changes)
            for c, (line, col) in zip(printed, offsets, strict=True):
                assert c == " " or page.lines[line - 1][col] == c
    assert changed > 300  # the page prints its punctuation half width


def test_the_seed_page_keeps_only_numbers_and_an_unpaired_quote_half_width(page):
    left = [(p.text[max(0, k - 1)], p.text[k]) for a in page.articles for p in a.paragraphs
            for k, c in enumerate(p.text) if c in ',:;!?()\'"']
    assert all(c == '"' or before.isdigit() for before, c in left)
    assert sum(c == '"' for _, c in left) == 3  # 中国"金融云谷"… 据云谷"。: three marks


def test_the_audit_still_finds_an_unpaired_quote():
    md = ("## 首府推进安全生产治本攻坚行动\n\n本报讯(记者 苗欣)全市形势平稳。\n\n"
          "中国\"金融云谷\"首个项目落户,已成为各大金融机类据云谷\"。\n")
    found = [f for f in audit(reconstruct(source.from_text(md))).findings
             if f.rule == "unpaired_quote"]
    assert [f.original for f in found] == ["已成为各大金融机类据云谷\""]
