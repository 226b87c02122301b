"""The seed page reconstructs to the structure given in the reconstruction issue."""

from __future__ import annotations

import pytest
from conftest import SEED

import zhpaper
from zhpaper import accounting


@pytest.fixture(scope="module")
def page():
    return zhpaper.read_page(SEED)


def paragraph_lines(article):
    return [list(p.lines) for p in article.paragraphs]


def test_five_articles_in_page_order(page):
    assert [a.headline.source[0].line for a in page.articles] == [3, 53, 69, 79, 95]


def test_safety(page):
    a = page.articles[0]
    assert a.kicker.source[0].line == 1
    assert a.reporters == ("苗欣",)
    assert a.byline.source[0].line == 5
    assert paragraph_lines(a) == [[5], [7, 43], [45, 47], [49], [51]]


def test_county_interview(page):
    a = page.articles[1]
    assert a.subtitle.source[0].line == 55
    assert a.byline.source[0].line == 57
    assert a.reporters == ("梁婧娟",)
    assert a.banner.source[0].line == 59
    assert paragraph_lines(a) == [
        [9, 11, 13, 15, 17, 19, 21],
        [41, 23, 25, 27, 29, 31, 33, 35, 37, 39, 61],
        [63, 65],
        [67],
    ]


def test_meeting(page):
    a = page.articles[2]
    assert a.reporters == ("吕会生",)
    assert paragraph_lines(a) == [[71], [73], [75], [77]]


def test_bus(page):
    a = page.articles[3]
    assert a.continued_from == 1
    assert a.marker.source[0].line == 81
    assert paragraph_lines(a) == [[83], [85], [87, 89], [91], [93]]


def test_compute(page):
    a = page.articles[4]
    assert a.continued_from == 1
    assert a.marker.source[0].line == 97
    assert a.signature.text == "（冯燕平）"
    assert a.signature.source[0].line == 207
    lead, model, speed, sidebar = a.sections
    assert lead.heading is None
    assert paragraph_lines(lead) == [[n] for n in range(99, 112, 2)] + [[113, 115]]
    assert lead.paragraphs[-1].text.endswith("发展。")
    assert (model.heading, model.source[0].line) == ("新区模式：守住定位 合作共赢", 115)
    assert [135, 137] in paragraph_lines(model)
    assert (speed.heading, speed.source[0].line) == ("新区速度：以毫秒记制胜千里", 143)
    assert [155, 157, 159] in paragraph_lines(speed) and [171, 173] in paragraph_lines(speed)
    assert (sidebar.kind, sidebar.label, sidebar.heading) == ("sidebar", "采访手记", "敢做善为就会有位")
    assert [s.line for s in sidebar.source] == [191, 193]
    assert paragraph_lines(sidebar) == [[n] for n in range(195, 208, 2)]


def test_all_other_paragraphs_are_single_lines(page):
    multi = {tuple(p.lines) for a in page.articles for p in a.paragraphs if len(p.lines) > 1}
    assert multi == {
        (7, 43), (45, 47), (9, 11, 13, 15, 17, 19, 21),
        (41, 23, 25, 27, 29, 31, 33, 35, 37, 39, 61), (63, 65), (87, 89), (113, 115),
        (135, 137), (155, 157, 159), (171, 173),
    }


def test_suspected_loss(page):
    lines = {f.source[0].line for f in page.flags if f.kind == "suspected_loss"}
    assert {113, 161, 199, 129} <= lines


def test_nothing_lost(page):
    accounting.check(page)
    assert page.unassigned == ()


def test_clean_text_removes_layout_spaces(page):
    first = page.articles[0].paragraphs[0]
    assert first.text.startswith("安全生产治本攻坚行动开展以来")
    assert " " in first.raw
    assert page.raw_text(first.source) == first.raw
