"""The reading object: one page, every stage once, the same results as the stages."""

from __future__ import annotations

import pandas as pd
import pytest

import zhpaper
from zhpaper import entities, facts, keywords, slogans, tokens
from zhpaper.corpus import units


@pytest.fixture(scope="module")
def reading(seed):
    return zhpaper.read(seed)


def test_read_gives_the_page_read_page_gives(reading, seed):
    assert isinstance(reading, zhpaper.Reading)
    assert reading.page.to_json() == zhpaper.read_page(seed).to_json()


def test_each_table_is_what_its_stage_returns(reading):
    page, audit = reading.page, reading.audit
    assert audit.to_json() == zhpaper.audit(page).to_json()
    assert [u.text for u in reading.units] == [u.text for u in units(page, audit)]
    pairs = [
        (reading.tokens, tokens.tokens_frame(page, audit)),
        (reading.entities, entities.entities_frame(page, audit)),
        (reading.facts, facts.facts_frame(page, audit)),
        (reading.dates, facts.dates_frame(page, audit)),
        (reading.checks, facts.checks_frame(page, audit)),
        (reading.slogans, slogans.slogans_frame(page, audit)),
        (reading.keywords("tfidf"), keywords.tfidf(tokens.tokens_frame(page, audit))),
        (reading.keywords("textrank", top=3),
         keywords.textrank(tokens.tokens_frame(page, audit), 3)),
        (reading.keywords("fightin_words", top=None),
         keywords.fightin_words_by_article(tokens.tokens_frame(page, audit), None)),
    ]
    for got, expected in pairs:
        pd.testing.assert_frame_equal(got, expected)
    assert reading.facts_json() == facts.to_json(page, audit)


def counted(monkeypatch, module, name: str) -> list[int]:
    """Replace ``module.name`` by a wrapper that counts its calls; the list of calls."""
    calls: list[int] = []
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_a_stage_runs_once(seed, monkeypatch):
    calls = counted(monkeypatch, tokens, "tokens_frame")
    r = zhpaper.read(seed)
    r.tokens, r.tokens, r.keywords("tfidf"), r.keywords("textrank")
    assert len(calls) == 1
    assert "audit" in repr(r) and "tokens" in repr(r)


def test_a_changed_table_does_not_change_the_reading(reading):
    first = reading.tokens
    first.loc[:, "word"] = "x"
    assert (reading.tokens["word"] != "x").any()
    kw = reading.keywords("tfidf")
    kw.loc[:, "word"] = "x"
    assert (reading.keywords("tfidf")["word"] != "x").any()


def test_the_threshold_reaches_the_audit(seed):
    strict = zhpaper.read(seed, threshold=0.95).audit
    assert strict.to_json() == zhpaper.audit(zhpaper.read_page(seed), threshold=0.95).to_json()


def test_unknown_keyword_method_is_a_clear_error(reading):
    with pytest.raises(zhpaper.ZhpaperError, match="unknown keyword method 'lda'"):
        reading.keywords("lda")


def test_keywords_json_names_one_score_and_one_count(reading):
    data = reading.keywords_json(top=2)
    assert data["schema"] == keywords.SCHEMA and data["top"] == 2
    for article in data["articles"]:
        for method in keywords.METHODS:
            assert all(set(w) == {"word", "score", "count"} for w in article[method])
            assert len(article[method]) <= 2


def test_a_bad_date_is_refused_before_reading(tmp_path):
    with pytest.raises(zhpaper.ZhpaperError):
        zhpaper.read(tmp_path / "missing.md", date="2024-13-01")


def test_the_text_units_are_computed_once_for_every_table(seed, monkeypatch):
    from zhpaper import corpus

    calls = counted(monkeypatch, corpus, "units")
    r = zhpaper.read(seed)
    r.tokens, r.entities, r.facts, r.dates, r.checks, r.slogans, r.facts_json()
    assert len(calls) == 1
