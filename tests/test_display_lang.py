"""Tables and views for notebooks mark their Chinese text as lang="zh-Hans" (issue 20, §4),
so that JupyterLab and the book choose Chinese glyphs and a Chinese screen-reader voice."""

from __future__ import annotations

import re
from html import unescape

import pandas as pd
import pytest
from conftest import SEED

import zhpaper
from zhpaper import display

ZH = 'lang="zh-Hans"'


def cells(html: str) -> list[tuple[str, str]]:
    """(attributes, text) of every <td>/<th> in ``html``."""
    return [(a, unescape(t)) for a, t in re.findall(r"<t[dh]\b([^>]*)>([^<]*)</t[dh]>", html)]


@pytest.mark.parametrize("text", ["安全生产", "首府扎实推进安全生产治本攻坚三年行动", "5G基站",
                                  '压实"三个责任",握住', "近3.7万家", "建设应急指挥调度平台, AI"])
def test_mostly_chinese(text):
    assert display.is_chinese(text)


@pytest.mark.parametrize("text", ["", "safety", "97.7%", "2024", "安全生产 (work safety)",
                                  "新质生产力 NQPF", "the headline 首府扎实推进 says", "。，"])
def test_not_mostly_chinese(text):
    assert not display.is_chinese(text)


def test_table_marks_chinese_cells_only():
    frame = pd.DataFrame({"word": ["安全生产", "5G基站", "OCR"],
                          "gloss": ["work safety", "5G base station", "光学字符识别 (OCR)"],
                          "count": [11, 2, 0]})
    html = display.table(frame)._repr_html_()
    marked = {text for attrs, text in cells(html) if ZH in attrs}
    assert marked == {"安全生产", "5G基站", "光学字符识别 (OCR)"}
    assert html.count(ZH) == 3
    # the text itself is unchanged, and the header cells stay unmarked
    assert [t for _, t in cells(html)][:3] == ["word", "gloss", "count"]
    plain = display.Table(frame).styler.to_html()
    assert html.replace(f" {ZH}", "").replace(" >", ">") == plain.replace(" >", ">")


def test_marking_keeps_page_text_escaped():
    frame = pd.DataFrame({"text": ["<b>首府扎实推进安全生产治本攻坚</b>", "首府&新区"]})
    html = display.table(frame)._repr_html_()
    assert "<b>" not in html and "&lt;b&gt;首府" in html
    assert [a for a, t in cells(html) if t.endswith("攻坚</b>")][0].count(ZH) == 1
    assert any(ZH in a and t == "首府&新区" for a, t in cells(html))


def test_a_cell_that_says_its_language_is_left_alone():
    html = '<tr><td lang="en">安全生产</td><td class="x">安全生产</td><td>safety</td></tr>'
    out = display.mark_chinese_cells(html)
    assert out == ('<tr><td lang="en">安全生产</td><td class="x" lang="zh-Hans">安全生产</td>'
                   "<td>safety</td></tr>")
    assert display.mark_chinese_cells(out) == out  # twice is once


def test_table_output_is_the_same_on_every_run():
    frame = pd.DataFrame({"text": ["安全生产", "safety"]})
    assert display.table(frame)._repr_html_() == display.table(frame.copy())._repr_html_()


@pytest.fixture(scope="module")
def page():
    return zhpaper.read_page(SEED)


def test_articles_view_marks_text_and_titles(page):
    html = display.articles_view(page)._repr_html_()
    texts = re.findall(r'<td lang="([^"]+)">', html)
    assert texts and set(texts) == {"zh-Hans", "en"}  # the text Chinese, the summary English
    for article in page.articles:
        assert f'<span {ZH}>{article.title}</span>' in html


def test_reading_view_is_chinese_with_english_labels(page):
    result = zhpaper.audit(page)
    article = max(page.articles, key=lambda a: len(a.paragraphs))
    html = display.reading_view(result, article.id)._repr_html_()
    assert f'<div class="zhp-read" {ZH}>' in html
    for label in re.findall(r"<mark ([^>]*)>\[", html):
        assert 'lang="en"' in label
