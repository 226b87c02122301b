"""Tests for zhpaper.facts.hedges: the one table of hedges and their meaning."""

from __future__ import annotations

import pytest

from zhpaper import ZhpaperError, facts
from zhpaper.facts import hedges


def _table() -> dict[str, str]:
    lex = facts.lexicon()["hedges"]
    return {w: m for p in hedges.POSITIONS for w, m in lex[p].items()}


def test_every_hedge_has_one_known_meaning():
    lex = facts.lexicon()["hedges"]
    words = [w for p in hedges.POSITIONS for w in lex[p]]
    assert len(words) == len(set(words))  # a word stands in one place only
    assert {hedges.hedge_meaning(w) for w in words} <= set(hedges.MEANINGS)
    assert [hedges.hedge_meaning(w) for w in ("多", "近", "约", "达")] == [
        "at_least", "at_most", "about", "printed"]
    assert hedges.hedge_meaning(None) == "printed"
    assert facts.hedge_meaning is hedges.hedge_meaning


def _figure(word: str) -> str:
    """A figure printed with the hedge ``word`` in its place: 近600亿元, 600多亿元, 600亿元以上."""
    lex = facts.lexicon()["hedges"]
    if word in lex["before"]:
        return f"{word}600亿元"
    if word in lex["after_number"]:
        return f"600{word}亿元"
    return f"600亿元{word}"


@pytest.mark.parametrize("word", sorted(_table()))
def test_hedge_interval_reads_the_meaning(word):
    (q,) = facts.quantities(_figure(word))
    assert q.hedge == word
    low, high = facts.hedge_interval(q)
    meaning = hedges.hedge_meaning(word)
    if meaning == "at_least":
        assert (low, high) == (6e10, 7e10)
    elif meaning == "at_most":
        assert (low, high) == (5e10, 6e10)
    elif meaning == "about":
        assert (low, high) == (5.5e10, 6.5e10)
    else:  # as printed: half a unit in the last printed digit
        assert (low, high) == (6e10 - facts.rounding(q), 6e10 + facts.rounding(q))


def test_claim_checks_read_the_same_table():
    keep = facts.lexicon()["hedges"]["claim_checks"]["as_printed"]
    assert set(keep) <= set(_table())
    for word in _table():
        expected = hedges.widens(word) and word not in keep
        assert hedges.widens(word, in_checks=True) == expected, word
    assert not hedges.widens(None) and not hedges.widens("达") and hedges.widens("多")


def test_an_unknown_meaning_is_an_error(monkeypatch):
    data = {"hedges": {"before": {"近": "nearly"}, "after_number": {}, "after_unit": {}}}
    monkeypatch.setattr(hedges, "lexicon", lambda: data)
    hedges._table.cache_clear()
    try:
        with pytest.raises(ZhpaperError, match="nearly"):
            hedges.hedge_meaning("近")
    finally:
        monkeypatch.undo()
        hedges._table.cache_clear()
    assert hedges.hedge_meaning("近") == "at_most"
