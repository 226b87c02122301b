"""Quotation marks counted once (zhpaper.text.quote_open, quotes_balanced)."""

from __future__ import annotations

from zhpaper.text import quote_open, quotes_balanced


def test_an_open_quotation():
    assert quote_open("他说：“我们要") and quote_open('他说："我们要')
    assert not quote_open("他说：“好”。") and not quote_open('"好"')
    assert not quote_open("好”。")  # a lone closer opens nothing


def test_balanced_quotation_marks():
    assert quotes_balanced("“好”") and quotes_balanced('"好"') and quotes_balanced("好")
    assert not quotes_balanced("好”。") and not quotes_balanced("“好")
    assert not quotes_balanced('"好')
