"""Marked headings (MinerU, PaddleOCR-VL, marker pages): a heading after a closing jump
marker opens a new article."""

from __future__ import annotations

from zhpaper import source
from zhpaper.fragments import classify
from zhpaper.reconstruct import reconstruct


def kinds(md: str) -> list[tuple[str, str]]:
    return [(f.kind, f.flat) for f in classify(source.from_text(md))]


BODY_A = "房改稳步前行，各地公房租金水平逐步提高，住房公积金制度已覆盖三十多个大中城市。"
BODY_B = "住房制度改革的突破口在于分配货币化，各地正在积极探索新的住房分配办法和途径。"


def test_a_heading_after_a_closing_jump_marker_is_a_headline():
    md = (f"# 房改你真要改吗\n\n本报记者 朱剑红\n\n{BODY_A}\n\n（下转第2版）\n\n"
          f"# 住房分配货币化\n\n{BODY_B}\n")
    got = kinds(md)
    assert ("marker", "（下转第2版）") in got
    assert ("headline", "住房分配货币化") in got


def test_a_heading_under_an_opening_jump_marker_is_not_made_a_headline_by_it():
    md = (f"# 房改你真要改吗\n\n（上接第1版）\n\n# 分配货币化\n\n{BODY_A}\n\n{BODY_B}\n")
    got = kinds(md)
    assert ("headline", "房改你真要改吗") in got
    assert ("headline", "分配货币化") not in got


# --- Bylines and headlines of pages written in blocks (marker) -----------------------

LONG_A = ("冬季供暖开始以来，市热力公司组织技术人员逐户走访，排查管网隐患，"
          "确保居民家中室温达标。")
LONG_B = ("城郊的蔬菜大棚今年扩大了种植面积，农技站派出专家指导菜农科学施肥，"
          "节日期间市场供应充足。")


def test_a_pen_name_under_a_heading_is_a_byline_on_a_page_in_blocks():
    # no surname opens 晓川 and nothing marks the line as a byline but where it stands
    got = kinds(f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n")
    assert ("byline", "晓川") in got


def test_names_run_together_under_a_heading_are_a_byline():
    got = kinds(f"## 暖气进万家\n\n{LONG_B}\n\n## 菜篮子丰盈\n\n刘立新孙海燕\n\n{LONG_A}\n")
    assert ("byline", "刘立新孙海燕") in got
    assert ("headline", "菜篮子丰盈") in got


def test_a_short_line_above_a_printed_line_of_a_column_is_not_a_byline():
    # a column written line by line: the short line goes on below
    got = kinds("## 暖气进万家\n\n冬季供暖开始\n\n以来，市热力公司组织\n")
    assert ("byline", "冬季供暖开始") not in got


def test_a_titled_heading_under_a_heading_is_the_byline():
    md = (f"## 暖气进万家\n\n本报记者 王小明\n\n{LONG_A}\n\n## 供热更放心\n\n"
          f"## 市建委副主任、市热力公司经理赵建国\n\n{LONG_A}\n")
    got = kinds(md)
    assert ("byline", "市建委副主任、市热力公司经理赵建国") in got
    assert ("headline", "供热更放心") in got


def test_a_plain_headline_over_a_bare_byline_opens_an_article():
    md = f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n\n菜篮子丰盈\n\n刘立新孙海燕\n\n{LONG_B}\n"
    got = kinds(md)
    assert ("headline", "菜篮子丰盈") in got
    assert ("byline", "刘立新孙海燕") in got


def test_a_plain_line_under_a_closing_jump_marker_is_a_headline():
    md = f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n\n（下转第3版）\n\n菜篮子丰盈\n\n{LONG_B}\n"
    assert ("headline", "菜篮子丰盈") in kinds(md)


def test_a_heading_over_a_headline_is_part_of_its_header_not_a_second_article():
    # two plain title lines under a closing jump marker, a dateline under them
    md = (f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n\n（下转第3版）\n\n节日市场货足价稳\n\n"
          f"菜篮子丰盈\n\n本报北京１月５日讯 {LONG_B}\n")
    page = reconstruct(source.from_text(md))
    assert len(page.articles) == 2
    second = page.articles[1]
    assert {second.title, second.subtitle.text} == {"节日市场货足价稳", "菜篮子丰盈"}


def test_a_line_over_a_closing_jump_marker_is_text_cut_there_not_a_headline():
    md = (f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n\n市热力公司表示，将在春节前完成全部管网改造\n\n"
          f"（下转第3版）\n\n## 菜篮子丰盈\n\n{LONG_B}\n")
    got = kinds(md)
    assert ("body", "市热力公司表示，将在春节前完成全部管网改造") in got


def test_a_longer_line_that_ends_in_no_name_is_not_a_bare_byline():
    # the opening of a paragraph broken off under a section heading
    md = f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n\n### 管网改造\n\n热力公司的工人们冒着\n\n{LONG_B}\n"
    assert ("byline", "热力公司的工人们冒着") not in kinds(md)


def test_a_name_between_two_headings_is_the_byline():
    got = kinds(f"## 暖气进万家\n\n刘红\n\n### 管网改造\n\n{LONG_A}\n")
    assert ("byline", "刘红") in got
    assert ("headline", "暖气进万家") in got


def test_a_marked_title_ending_in_a_question_mark_is_a_headline():
    md = f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n\n## 供热还要等多久？\n\n本报记者 王小明\n\n{LONG_B}\n"
    assert ("headline", "供热还要等多久？") in kinds(md)


def test_a_marked_sentence_ending_in_a_question_mark_is_text():
    md = f"## 暖气进万家\n\n晓川\n\n{LONG_A}\n\n## 室温不达标，居民该找谁？\n\n{LONG_B}\n"
    assert ("body", "室温不达标，居民该找谁？") in kinds(md)
