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
