"""Reader's notes: summaries are shown only beside the page they were written for."""

from __future__ import annotations

import json

import pytest
from conftest import SEED

import zhpaper
from zhpaper.notes import notes_for, reading_frame


@pytest.fixture(scope="module")
def page():
    return zhpaper.read_page(SEED)


def write(folder, page, headline, paragraphs, sha=None):
    folder.mkdir(exist_ok=True)
    (folder / "a.json").write_text(json.dumps({
        "page_sha256": sha or page.sha256, "headline": headline,
        "paragraphs": paragraphs}, ensure_ascii=False), encoding="utf-8")


def test_notes_for_the_right_page_and_article(tmp_path, page):
    article = page.find("安全生产")
    write(tmp_path, page, article.title, {"1": "Since the campaign began …"})
    assert notes_for(page, article, tmp_path) == {1: "Since the campaign began …"}
    assert notes_for(page, page.find("算力"), tmp_path) == {}


def test_notes_for_another_page_are_not_shown(tmp_path, page):
    article = page.find("安全生产")
    write(tmp_path, page, article.title, {"1": "x"}, sha="0" * 64)
    assert notes_for(page, article, tmp_path) == {}
    assert notes_for(page, article, tmp_path / "missing") == {}


def test_bad_notes_are_one_clear_error(tmp_path, page):
    article = page.find("安全生产")
    write(tmp_path, page, article.title, {"99": "no such paragraph"})
    with pytest.raises(zhpaper.ZhpaperError, match="no paragraph 99"):
        notes_for(page, article, tmp_path)
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    with pytest.raises(zhpaper.ZhpaperError, match="cannot read notes"):
        notes_for(page, article, tmp_path)


def test_reading_frame(tmp_path, page):
    article = page.find("暖流")
    write(tmp_path, page, article.title, {"1": "Courteous service."})
    result = zhpaper.audit(page)
    frame = reading_frame(page, article, tmp_path, result)
    assert list(frame.columns) == ["paragraph", "lines", "text", "summary", "findings"]
    row = frame.set_index("paragraph").loc[1]
    assert row.summary == "Courteous service." and "决社绝→决杜绝" in row.findings
    assert "杜绝服务纠纷" in row.text  # the applied correction
    assert (frame.set_index("paragraph").loc[2].summary) == ""


def test_articles_view_folds_every_article_and_escapes(tmp_path, page):
    from zhpaper.display import articles_view

    article = page.find("动员会")
    write(tmp_path, page, article.title, {"1": "A <meeting> on 13 August."})
    view = articles_view(page, tmp_path, open_=(article.id,))
    html = view._repr_html_()
    assert html.count("<details") == len(page.articles)
    assert "<details open>" in html and "&lt;meeting&gt;" in html and "<meeting>" not in html
    assert "1 summarised" in repr(view)
