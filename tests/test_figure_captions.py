"""The caption group under a figure (zhpaper.captions.figure_captions): its title, its
caption (by a credit, a photo agency, a work of art's maker, or the title's own words),
and the body text after it, which stays body."""

from __future__ import annotations

import pytest

from zhpaper import accounting, fragments, source
from zhpaper.captions import figure_captions
from zhpaper.genre import genre
from zhpaper.reconstruct import reconstruct

HEAD = "## 延安供水工程建成通水\n\n本报西安12月31日电 十二月二十八日，延安供水工程正式建成通水。\n\n"
IMG = '<div style="text-align: center;"><img src="imgs/a.jpg" alt="Image" width="48%" /></div>'
BODY = "延安城市基础设施薄弱，城市缺水问题日益突出。"


def kinds(md: str) -> dict[str, str]:
    """Each fragment's text → its kind after classification."""
    return {f.flat.strip(): f.kind for f in fragments.classify(source.from_text(md))}


@pytest.mark.parametrize("caption", [
    "１３日，一名男子在曼谷捐献泰铢，以帮助国家渡过金融危机。（新华社发美联社照片）",
    "一元复始（篆刻）（韦耀中）",
    "图为汽油提价前一天居民纷纷赶往加油站。（新华社记者王东摄）",
])
def test_the_caption_under_a_title_is_found_by_how_it_ends(caption):
    md = f"{HEAD}{IMG}\n\n捐献\n\n{caption}\n\n{BODY}\n"
    got = kinds(md)
    assert got["捐献"] == "caption" and got[caption] == "caption"
    assert got[BODY] == "body"


def test_the_caption_that_goes_on_with_the_title_words():
    caption = "一月十四日中午，一批保温简易房建成，武立天一家吃上了震后的第一顿热饭。"
    md = f"{HEAD}{IMG}\n\n灾后第一顿热饭\n\n{caption}\n\n{BODY}\n"
    got = kinds(md)
    assert got["灾后第一顿热饭"] == got[caption] == "caption"
    assert got[BODY] == "body"


def test_body_after_a_titled_photo_without_the_title_words_stays_body():
    md = f"{HEAD}{IMG}\n\n灾后第一顿热饭\n\n{BODY}\n"
    got = kinds(md)
    assert got["灾后第一顿热饭"] == "caption" and got[BODY] == "body"


def test_a_caption_group_ends_after_a_few_blocks():
    credit = "（新华社记者王东摄）"
    lines = ["图片新闻"] + [f"第{k}张照片里的人们。{credit}" for k in range(1, 6)]
    frags = fragments.blocks(source.from_text("\n\n".join([IMG, *lines]) + "\n"))
    got = figure_captions(frags)
    assert got[:5] == ["figure", "caption", "caption", "caption", "caption"]
    assert got[5:] == ["body", "body"]  # past the group, a credit alone does not make one


def test_a_block_opening_with_tu_wei_and_ending_in_a_credit_is_a_caption_anywhere():
    caption = "图为大连陆军学院举行长跑活动的情景。（本报记者王霞光摄）"
    p = reconstruct(source.from_text(f"{HEAD}{BODY}\n\n{caption}\n\n{BODY}\n"))
    accounting.check(p)
    assert {x.kind for x in p.nontext} == {"caption"}
    assert "".join(x.text for x in p.nontext) == caption
    assert all(caption not in par.text for a in p.articles for par in a.paragraphs)


def test_credited_knows_agencies_and_artworks_but_not_plain_text():
    g = genre()
    assert g.credited("…渡过金融危机。（新华社发美联社照片）")
    assert g.credited("山花烂漫（水墨画）（孙其峰）")
    assert g.credited("（新华社记者樊如钧摄）")
    assert not g.credited("延安城市基础设施薄弱（见表２）。")
    assert not g.credited(BODY)
