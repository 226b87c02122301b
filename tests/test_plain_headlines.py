"""Headlines on pages without markup (zhpaper.structure.plain_headings): the column's
width is measured next to each line, a note in brackets closes a paragraph, and the
page's first line may be a headline."""

from __future__ import annotations

from zhpaper import source, structure
from zhpaper.fragments import classify


def _kinds(lines: list[str]) -> dict[str, str]:
    return {f.flat.strip(): f.kind for f in classify(source.from_text("\n".join(lines) + "\n"))}


# Two articles set in columns of different widths (16 em, then 11 em), no markup.
WIDE = ["新中国第一部《监狱法》颁布实施", "三年多来，司法部会同有关部委陆续", "制定了一系列有关监狱工作的法规性",
        "文件，各地监狱坚持依法治监，成效", "十分明显，执法水平有很大提高。"]
NARROW = ["江西省宜春地区小康", "示范村富港村，近来出了", "件新鲜事：村里撤了干部",
          "食堂，一到中午，村里的", "农户便相约赶到村委会交", "钱吃派饭。"]


def test_column_widths_are_measured_next_to_each_line_on_a_page_of_mixed_widths():
    frags = classify(source.from_text("\n".join(WIDE + NARROW) + "\n"))
    kinds = ["body"] * len(frags)
    widths = structure.column_widths(frags, kinds)
    assert widths[1] == (16.0,) and widths[len(WIDE) + 1] == (11.0,)


def test_a_short_line_between_columns_of_different_widths_is_a_headline():
    kinds = _kinds(["首府推进安全生产", *WIDE, "吃派饭", *NARROW])
    assert kinds["吃派饭"] in {"headline", "heading"}
    assert kinds["江西省宜春地区小康"] == "body"  # an indented first line of its column


def test_a_note_in_brackets_broken_over_two_lines_closes_the_paragraph():
    lines = ["首府推进安全生产", *WIDE[:-1], "十分明显。（江西新干县纪委跃", "华黎明）", "吃派饭", *NARROW]
    assert _kinds(lines)["吃派饭"] in {"headline", "heading"}


def test_the_first_line_of_a_page_may_be_a_headline_but_not_a_line_of_text():
    assert _kinds(["“公贿”现象应予整治", *NARROW])["“公贿”现象应予整治"] == "headline"
    assert _kinds(["紧跟世界科技，采用", *NARROW])["紧跟世界科技，采用"] == "body"


# Rules for pages written line by line (issue #18): what stands next to a headline-like
# line says whether it is one. The pages are made up for the tests.
HEAD = "首府推进安全生产"


def test_a_line_above_a_jump_to_another_page_is_the_articles_last_line():
    lines = [HEAD, *WIDE, "各地监狱执法水平提高", "（下转第二版）", "吃派饭", *NARROW]
    kinds = _kinds(lines)
    assert kinds["各地监狱执法水平提高"] == "body"
    assert kinds["吃派饭"] == "headline"


def test_a_note_in_brackets_or_a_credited_caption_is_no_headline():
    for stray in ("（江西新干县纪委华黎明）", "水乡的早晨（油画）"):
        kinds = _kinds([HEAD, *WIDE, stray, "吃派饭", "本报记者李明", *NARROW])
        assert kinds[stray] != "headline", stray
        assert kinds["吃派饭"] == "headline", stray


def test_a_line_of_text_read_above_its_own_headline_is_no_headline():
    # NARROW's indented first line, read above the headline and byline of its article
    kinds = _kinds([HEAD, *WIDE, NARROW[0], "吃派饭", "本报记者李明", *NARROW[1:]])
    assert kinds[NARROW[0]] == "body"
    assert kinds["吃派饭"] == "headline"


def test_a_dateline_broken_across_two_lines_is_no_headline():
    lines = [HEAD, *NARROW, "据新华社宜春１月１２", "日电（记者李明）司法部会同有关部", *WIDE[2:]]
    assert _kinds(lines)["据新华社宜春１月１２"] == "body"


def test_a_line_under_a_byline_printed_below_text_may_be_a_headline():
    byline = "据新华社北京１月１２日电（记者李明）"
    kinds = _kinds([HEAD, *WIDE, byline, "吃派饭", *NARROW])
    assert kinds["吃派饭"] == "headline"
    lead = _kinds([HEAD, byline, NARROW[0], *NARROW[1:]])
    assert lead[NARROW[0]] == "body"  # the lead under a header's byline


def test_a_printed_line_of_names_is_text_but_a_name_set_apart_is_a_byline():
    names = ["首都各界人士昨天在京举行", "新春招待会，共庆佳节。出席招", "待会的有国务院有关部门负责人",
             "马相武、欧阳明、刘红、王小明", "李大伟、张志强、陈爱国、周文", "等。大家畅谈了一年来的变化。"]
    assert _kinds([HEAD, *WIDE, *names, *NARROW])[names[3]] == "body"  # as wide as its column
    assert _kinds([HEAD, *WIDE, "吃派饭", "李明", *NARROW])["李明"] == "byline"


def test_punctuation_hanging_past_the_column_does_not_widen_it():
    # a 10-em column whose full lines often end in a comma set past its edge
    lines = ["今年以来，全市上", "下认真贯彻落实各项政", "经济运行总体平稳向好，", "工业生产保持较快增长，",
             "财政收入继续稳步增长，", "市场消费需求持续扩大", "外贸出口形势好于预期", "效益明显提高。"]
    frags = classify(source.from_text("\n".join(lines) + "\n"))
    assert structure.column_widths(frags, ["body"] * len(frags))[0] == (10.0,)
