"""The tokenizer, stop words, the token table and the ``segment`` command."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from conftest import SEED

import zhpaper
from zhpaper import tokens


def test_domain_terms_stay_whole_where_plain_jieba_cuts_them():
    for term in ("新质生产力", "东数西算", "和林格尔新区"):
        assert tokens.cut(term) == [term]
        assert tokens.cut(term, domain=False) != [term]


def test_words_follow_pku_granularity_and_phrases_merge_back():
    assert tokens.cut("治本攻坚三年行动") == ["治本", "攻坚", "三", "年", "行动"]
    assert tokens.cut("治本攻坚三年行动", phrases=True) == ["治本攻坚", "三年行动"]
    assert tokens.cut("建设数据中心") == ["建设", "数据", "中心"]  # not a PKU word
    assert tokens.cut("一个") == ["一", "个"]
    assert tokens.cut("百年") == ["百年"]  # the PKU corpus writes it as one word
    assert tokens.cut("更加") == ["更加"]
    assert tokens.cut("——筑巢引凤")[0] == "——"  # a dash is one punctuation token


def test_quantities_are_protected_and_measure_words_separate():
    assert tokens.cut("检查生产经营单位近3.7万家") == ["检查", "生产", "经营", "单位", "近",
                                                 "3.7万", "家"]
    assert tokens.cut("投资300多亿元") == ["投资", "300多亿", "元"]
    assert tokens.cut("排查整治隐患3.4万余项")[-2:] == ["3.4万余", "项"]
    assert tokens.cut("覆盖率达97.7%")[-1] == "97.7%"
    assert tokens.cut("2024年8月13日") == ["2024年", "8月", "13日"]
    words = tokens.tokenize("近3.7万家")
    assert [(t.text, t.pos) for t in words][-2:] == [("3.7万", "m"), ("家", "q")]


def test_grades_and_model_names_are_not_split_as_numbers():
    assert "5A" in tokens.cut("首府首家5A级景区")
    assert "5G" in tokens.cut("5G基站")


def test_full_width_digits_are_folded_but_offsets_keep_the_input():
    text = "检查近３．７万家"
    words = tokens.tokenize(text)
    assert "３．７万" in [t.text for t in words]
    assert all(text[t.start:t.end] == t.text for t in words)
    assert tokens.fold_width("ＡＢ１２％，。") == "AB12%，。"


def test_tokens_cover_the_text_exactly():
    text = "呼和浩特市召开学习贯彻党的二十届三中全会精神宣讲工作动员会, 会上 王宇天讲话。"
    words = tokens.tokenize(text)
    assert "".join(t.text for t in words) == text.replace(" ", "")
    assert all(text[t.start:t.end] == t.text for t in words)


def test_user_dictionary_tags_are_lowercase_ascii_and_applied():
    entries = tokens.user_entries()
    assert entries and all(tag is None or (tag.isascii() and tag.islower())
                           for _, _, tag in entries)
    assert {(t.text, t.pos) for t in tokens.tokenize("王宇天说")} >= {("王宇天", "nr")}
    assert {(t.text, t.pos) for t in tokens.tokenize("治本攻坚", phrases=True)} == \
        {("治本攻坚", "nz")}


def test_the_global_jieba_is_not_touched():
    import jieba

    tokens.cut("新质生产力")
    assert "新质生产力" not in jieba.lcut("新质生产力")


def test_jieba_is_quiet(capfd):
    tokens.cut("安静")
    assert logging.getLogger("jieba").level >= logging.WARNING
    assert capfd.readouterr().err == ""


def test_stop_words_and_counts():
    sw = tokens.stopwords()
    assert {"的", "了", "和", "进行"} <= sw  # stopwords-iso and the genre list
    assert "压实" not in sw and "责任" not in sw  # studied words are kept
    words = tokens.tokenize("压实责任,压实的责任和3.7万家")
    with_stop = tokens.word_counts(words, stop=False)
    without = tokens.word_counts(words)
    assert with_stop["的"] == 1 and "的" not in without
    assert without["压实"] == 2 and without["责任"] == 2
    assert "," not in with_stop and "3.7万" not in without


def test_tokens_frame_keeps_provenance():
    page = zhpaper.read_page(SEED)
    frame = tokens.tokens_frame(page, zhpaper.audit(page))
    assert list(frame.columns) == ["article", "kind", "paragraph", "sentence", "word", "pos",
                                   "start", "end", "line", "content", "suspect"]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    # every word of a paragraph stands on its raw line (OCR corrections aside)
    para = frame[(frame.kind == "paragraph") & frame.word.str.len().ge(2)]
    on_line = [w in lines[n - 1].replace(" ", "") or
               any(w in lines[k].replace(" ", "") for k in (n - 2, n)) for w, n in
               zip(para.word, para.line, strict=True)]
    assert sum(on_line) / len(on_line) > 0.97
    corrected = frame[frame.word == "元宇宙"]
    assert len(corrected) and (corrected.line == 157).all()  # the audit's correction


def run(*args, input=None, text=True):
    return subprocess.run([sys.executable, "-m", "zhpaper", *args], capture_output=True,
                          text=text, input=input)


def test_segment_command_sighan_format():
    proc = run("segment", input="新质生产力是近3.7万家\n\n和林格尔新区算力\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "新质生产力 是 近 3.7万 家\n\n和林格尔新区 算力\n"
    plain = run("segment", "--plain", input="新质生产力\n")
    assert plain.stdout == "新 质 生产力\n"
    tagged = run("segment", "--tags", input="王宇天\n")
    assert tagged.stdout == "王宇天/nr\n"


@pytest.mark.parametrize("data", [b"\xff\xfe\x00", b"abc\xe4\xb8", b"a\x00b\n"])
def test_segment_rejects_bytes_that_are_not_utf8(data):
    proc = run("segment", input=data, text=False)
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode()
    assert err.startswith("zhpaper: error: ") and err.count("\n") == 1


def test_tokens_in_garbled_spans_are_marked_suspect():
    page = zhpaper.read_page(SEED)
    result = zhpaper.audit(page)
    frame = tokens.tokens_frame(page, result)
    suspect = frame[frame.suspect]
    # the repeated clause 但困惑,但困惑: garbled, so cut into characters
    assert {"困", "惑"} <= set(suspect.word) and "困惑" not in set(suspect.word)
    assert (suspect.word.str.len() == 1).mean() > 0.9  # few words cross a span's edge
    assert "困惑" in set(frame[~frame.suspect].word)  # the clean 困惑 after it stays
    assert not frame[~frame.suspect].word.eq("吟").any()
    assert frame.suspect.mean() < 0.05
    assert not tokens.tokens_frame(page).suspect.any()  # no audit, nothing suspect


def test_chinese_numerals_are_not_content_words():
    assert not any(tokens.is_content(w) for w in ("二十", "十三届", "第十三", "三"))
    assert tokens.is_content("三中全会") and tokens.is_content("十分")


def test_words_wholly_inside_a_garbled_span_become_characters():
    text = "中央实吟会试订科技粉字有关"
    span = [(text.index("实"), text.index("有") + 1)]
    words = tokens.cut(text, garbled=span)
    assert "中央" in words  # crosses the span's left edge: kept
    assert "有关" in words  # crosses the right edge: kept
    assert "科技" not in words and {"科", "技"} <= set(words)
    assert "".join(words) == text
    assert tokens.cut(text) != words  # without spans, words are found in it


def test_pku_words_of_degree_adverb_and_adjective_stay_whole():
    assert tokens.cut("最大") == ["最", "大"] and tokens.cut("更好") == ["更", "好"]
    assert tokens.cut("最新") == ["最新"] and tokens.cut("最近") == ["最近"]


def test_one_character_verb_and_complement_are_one_word():
    assert "守住" in tokens.cut("守住底线") and "建成" in tokens.cut("建成投产")
    # unless the PKU corpus writes the two apart far more often (走 进: 42 to 1)
    assert tokens.cut("走进企业") == ["走", "进", "企业"]


def test_without_entries_is_a_temporary_ablation():
    assert tokens.cut("王宇天说") == ["王宇天", "说"]
    with tokens.without_entries(["王宇天"]):
        assert "王宇天" not in tokens.cut("王宇天说")
        assert tokens.cut("和林格尔新区") == ["和林格尔新区"]  # other entries stay
    assert tokens.cut("王宇天说") == ["王宇天", "说"]  # restored


def test_entries_in_lists_the_dictionary_words_of_a_text():
    text = "王宇天在和林格尔新区调研"
    assert tokens.entries_in(text, ("nr",)) == ["王宇天"]
    assert {"王宇天", "和林格尔新区"} <= set(tokens.entries_in(text))
    assert tokens.entries_in("今天天气很好") == []
