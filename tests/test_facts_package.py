"""Tests for the shape of zhpaper.facts: its modules, its public names and the text
units computed once (the ``units`` keyword of the frame functions)."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import zhpaper
from zhpaper import corpus, facts
from zhpaper.corpus import Unit

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"
MODULES = ("units", "dates", "quantity", "hedges", "dating", "frame", "claims", "schema")


@pytest.fixture(scope="module")
def page():
    return zhpaper.read_page(SEED).with_date("2024-08-15")


def test_every_public_name_is_importable_from_the_package():
    for name in facts.__all__:
        assert getattr(facts, name) is not None, name
    for name in MODULES:  # no module is shadowed by a function of the same name
        module = importlib.import_module(f"zhpaper.facts.{name}")
        assert module.__doc__, name
    assert callable(facts.quantities) and callable(facts.checks)


def _counting(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = corpus.units

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(corpus, "units", counted)
    return calls


def test_to_json_builds_the_text_units_once(page, monkeypatch):
    calls = _counting(monkeypatch)
    doc = facts.to_json(page)
    assert len(calls) == 1
    assert doc["facts"] and doc["dates"] and doc["checks"]


def test_frames_take_units_already_computed(page, monkeypatch):
    units = corpus.units(page)
    expected = [facts.facts_frame(page), facts.dates_frame(page), facts.checks_frame(page),
                facts.timeline(page)]
    calls = _counting(monkeypatch)
    got = [facts.facts_frame(page, units=units), facts.dates_frame(page, units=units),
           facts.checks_frame(page, units=units), facts.timeline(page, units=units)]
    assert calls == []
    for e, g in zip(expected, got, strict=True):
        pd.testing.assert_frame_equal(e, g)
    assert facts.page_year(page, units=units) == facts.page_year(page)
    assert facts.checks(page, units=units) == facts.checks(page)


def test_units_are_all_the_checks_need():
    text = "全年投资613.45亿元，这600多亿元用于建设。"
    unit = Unit("a", "paragraph", 1, text, tuple((1, k) for k in range(len(text))))
    (check,) = [c for c in facts.checks(SimpleNamespace(articles=[]), units=[unit])
                if c.rule == "restatement"]
    assert check.tolerance == "hedge 多: [600亿, 700亿]"  # the hedge's interval
    assert check.verdict == "agrees"
