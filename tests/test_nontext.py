"""Figures, tables, captions and inline markup: elements of their own, never body text."""

from __future__ import annotations

import pytest

from zhpaper import accounting, fragments, source
from zhpaper.reconstruct import reconstruct

HEAD = "## 延安供水工程建成通水\n\n本报西安12月31日电 十二月二十八日，延安供水工程正式建成通水。\n\n"


def page(md: str):
    p = reconstruct(source.from_text(md))
    accounting.check(p)  # every character of the input is in exactly one element
    return p


def body_text(p) -> str:
    return "".join(par.text for a in p.articles for par in a.paragraphs)


@pytest.mark.parametrize("line", [
    '<div style="text-align: center;"><img src="imgs/img_in_image_box_0.jpg" alt="Image" width="48%" /></div>',
    '<img src="imgs/a.jpg" alt="Image" width="48%" />',
    "![](_page_0_Picture_3.jpeg)",
    "![图片](imgs/photo.png)",
])
def test_images_are_figures(line):
    p = page(HEAD + line + "\n\n延安城市基础设施薄弱，城市缺水问题日益突出。\n")
    assert [x.kind for x in p.nontext] == ["figure"]
    assert p.nontext[0].text == line and p.nontext[0].article == "a1"
    assert "Image" not in body_text(p) and "48%" not in body_text(p)


def test_html_table_on_several_lines_is_one_table():
    md = HEAD + "<table>\n<tr><td>企业</td><td>1562家</td></tr>\n<tr><td>完成</td><td>1139家</td></tr>\n</table>\n\n后文。\n"
    p = page(md)
    (table,) = p.nontext
    assert table.kind == "table" and [s.line for s in table.source] == [5, 6, 7, 8]
    assert "1562" not in body_text(p)


def test_markdown_table_is_a_table():
    p = page(HEAD + "| 项目 | 数量 |\n|---|---|\n| 供水 | 五万吨 |\n")
    assert [x.kind for x in p.nontext] == ["table"]
    assert "五万吨" not in body_text(p)


def test_caption_under_a_figure_and_a_credit_alone():
    md = (HEAD + "![](a.jpg)\n\n元旦来临，长江路悬挂起大红灯笼。（新华社记者戴浩摄）\n\n"
          "正文继续。\n\n（新华社记者 兰红光 摄）\n")
    p = page(md)
    assert [x.kind for x in p.nontext] == ["figure", "caption", "caption"]
    assert "灯笼" not in body_text(p) and "正文继续" in body_text(p)


def test_short_sentence_under_a_figure_stays_body():
    p = page(HEAD + "![](a.jpg)\n\n供水工程日供水五万吨。\n")
    assert [x.kind for x in p.nontext] == ["figure"]
    assert "五万吨" in body_text(p)


def test_br_tags_are_markup_inside_a_paragraph():
    p = page(HEAD + "国家环保局局长解振华宣布：在淮河流域1562家企业中，<br>已有1139家完成治理任务。\n")
    text = body_text(p)
    assert "<br>" not in text and "中，已有1139家" in text
    assert fragments.markup_positions("甲<br>乙") == {1, 2, 3, 4}


def test_bold_line_is_a_heading_and_its_stars_are_markup():
    p = page("**延安供水工程建成通水**\n\n□本报记者 吴佳妮\n\n十二月二十八日，延安供水工程建成通水。\n")
    (a,) = p.articles
    assert a.title == "延安供水工程建成通水" and a.reporters == ("吴佳妮",)
    assert fragments.markup_positions("**标题**") == {0, 1, 4, 5}


def test_a_photo_title_and_its_credited_caption_under_a_figure():
    md = (HEAD + "![](a.jpg)\n\n图片观新：电脑时代\n\n"
          "４、河南驻马店金融同城清算系统开通。（王磊摄）\n\n正文继续。\n")
    p = page(md)
    assert [x.kind for x in p.nontext] == ["figure", "caption", "caption"]
    assert "清算系统" not in body_text(p) and "正文继续" in body_text(p)


def test_an_image_with_its_div_tags_on_lines_of_their_own_is_one_figure():
    md = HEAD + '<div align="center">\n\t<img src="page/[194, 514, 719, 741]_0.jpg">\n</div>\n\n正文继续。\n'
    p = page(md)
    assert [x.kind for x in p.nontext] == ["figure"]
    assert [s.line for s in p.nontext[0].source] == [5, 6, 7]
    assert "div" not in body_text(p) and "正文继续" in body_text(p)


def test_a_credited_caption_printed_line_by_line_is_a_caption():
    def lines(text, width=15):
        return "\n".join(text[k:k + width] for k in range(0, len(text), width))

    body = "安全生产治本攻坚行动开展以来，全市上下紧盯隐患排查不放松，形势平稳向好。"
    caption = "到１９９７年底，胜利油田共生产原油２８０１万吨。这是工人们冒着严寒钻井。（新华社记者李舸摄）"
    md = ("首府推进安全生产治本攻坚行动\n本报讯(记者 苗欣)\n" + lines(body) + "\n" + lines(caption)
          + "\n" + lines("各地区各部门认真落实安全生产责任制，层层压实责任。") + "\n")
    p = page(md)
    assert {x.kind for x in p.nontext} == {"caption"} and len(p.nontext) >= 3
    assert "钻井" not in body_text(p) and "原油" not in body_text(p)
    assert "责任制" in body_text(p) and "形势平稳" in body_text(p)
