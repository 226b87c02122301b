"""Reading blocks (display.reading_blocks), raw-line runs, the sections table and table
columns kept on one line: the views chapters 11 and 12 show their article in."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape

import pandas as pd
import pytest
from conftest import SEED

import zhpaper
from zhpaper import display
from zhpaper.notes import sections_frame


@pytest.fixture(scope="module")
def page():
    return zhpaper.read_page(SEED)


@pytest.fixture(scope="module")
def audit(page):
    return zhpaper.audit(page)


@pytest.mark.parametrize("lines,runs", [
    ([9, 11, 13, 15, 17, 19, 21], "9–21"),
    ([41, 23, 25, 27, 39, 41, 61], "41, 23–27, 39–41, 61"),
    ([5], "5"), ([], ""), (["7", "8", "10"], "7–10"), ([3, 3], "3, 3"), ([10, 7], "10, 7"),
])
def test_line_runs(lines, runs):
    assert display.line_runs(lines) == runs


def test_line_runs_step():
    assert display.line_runs([1, 2, 3, 5], step=1) == "1–3, 5"


def blocks(html: str) -> list[str]:
    return re.findall(r'<div class="zhp-block">(.*?)</div>(?=<div class="zhp-block">|</div>$)',
                      html, flags=re.S)


def test_every_paragraph_is_a_block_with_its_number_lines_and_corrected_text(page, audit):
    article = max(page.articles, key=lambda a: len(a.paragraphs))
    view = display.reading_blocks(page, article, None, audit)
    html = view._repr_html_()
    numbers = [int(n) for n in re.findall(r"<b>¶(\d+)</b>", html)]
    assert numbers == list(range(1, len(article.paragraphs) + 1))
    for n, p in enumerate(article.paragraphs, start=1):
        assert f"<b>¶{n}</b> <span class=\"zhp-lines\">raw lines {display.line_runs(p.lines)}" \
               f"</span><div lang=\"zh-Hans\">{display.marked_text(audit, article.id, n)}" in html
    assert html.startswith(display.MARK_STYLE + display.BLOCK_STYLE + '<div class="zhp-read">')
    assert 'class="zhp-summary"' not in html  # no notes folder, no summaries
    plain = repr(view)
    assert plain.splitlines()[0] == (f"¶1 (raw lines {display.line_runs(article.paragraphs[0].lines)}) "
                                     f"{audit.corrected(article.id, 1)}")


def test_findings_and_summaries_are_shown(tmp_path, page, audit):
    found = {(f.article, f.paragraph) for f in audit.findings}
    article = next(a for a in page.articles if any(k[0] == a.id for k in found))
    number = min(n for a, n in found if a == article.id)
    (tmp_path / "a.json").write_text(json.dumps({
        "page_sha256": page.sha256, "headline": article.title,
        "paragraphs": {str(number): "A <summary> & more."}}), encoding="utf-8")
    html = display.reading_blocks(page, article, tmp_path, audit)._repr_html_()
    block = html.split(f"<b>¶{number}</b>")[1].split('<div class="zhp-block">')[0]
    assert '<div class="zhp-summary" lang="en">A &lt;summary&gt; &amp; more.</div>' in block
    assert '<div class="zhp-finding">⚠ ' in block
    assert html.count('class="zhp-summary"') == 1
    text = repr(display.reading_blocks(page, article, tmp_path, audit))
    assert "\n  A <summary> & more." in text and "\n  ⚠ " in text


def test_page_text_is_escaped(page):
    article = page.articles[0]
    evil = replace(article.paragraphs[0], text="<script>alert(1)</script>首府")
    sections = (replace(article.sections[0],
                        paragraphs=(evil,) + article.sections[0].paragraphs[1:]),
                *article.sections[1:])
    bad = replace(article, sections=sections)
    html = display.reading_blocks(page, bad)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;首府" in html


def test_one_section(page, audit):
    article = max(page.articles, key=lambda a: len(a.sections))
    assert len(article.sections) > 1
    parts = sections_frame(article, audit)
    for k, row in parts.iterrows():
        html = display.reading_blocks(page, article, None, audit, section=k)._repr_html_()
        numbers = [int(n) for n in re.findall(r"<b>¶(\d+)</b>", html)]
        assert numbers == list(range(row["first"], row["last"] + 1))
    with pytest.raises(zhpaper.ZhpaperError, match="no section"):
        display.reading_blocks(page, article, section=len(article.sections))


def test_sections_frame_counts_the_corrected_text(page, audit):
    article = max(page.articles, key=lambda a: len(a.sections))
    parts = sections_frame(article, audit)
    assert list(parts.columns) == ["section", "heading", "kind", "label", "first", "last",
                                   "paragraphs", "characters"]
    assert parts["paragraphs"].sum() == len(article.paragraphs)
    assert parts["characters"].sum() == sum(len(audit.corrected(article.id, n))
                                            for n in range(1, len(article.paragraphs) + 1))
    assert parts["first"].iloc[0] == 1 and parts["last"].iloc[-1] == len(article.paragraphs)
    assert (parts["first"].iloc[1:].to_numpy() == parts["last"].iloc[:-1].to_numpy() + 1).all()
    raw = sections_frame(article)
    assert raw["characters"].sum() == sum(len(p.text) for p in article.paragraphs)
    headings = [h if isinstance(h, str) else None for h in parts["heading"]]
    assert headings == [s.heading for s in article.sections]


def test_table_keeps_nowrap_columns_on_one_line():
    frame = pd.DataFrame({"raw": ["2021—2025"], "event": ["a plan"]})
    html = display.table(frame, nowrap=("raw", "missing"))._repr_html_()
    styles = dict(re.findall(r"#(T_\w+) \{\s*([^}]*)\}", html))
    nowrap = [cell for cell, css in styles.items() if "white-space: nowrap" in css]
    assert nowrap and all(cell.endswith("_col0") for cell in nowrap)  # the raw column only
    assert "white-space" not in display.table(frame)._repr_html_()
    assert unescape(re.sub(r"<[^>]+>", " ", html)).split().count("2021—2025") == 1
