"""Article assignment and reading order in their own module (zhpaper.assignment)."""

from __future__ import annotations

import importlib

from conftest import ROOT

from zhpaper import assignment, source
from zhpaper.fragments import classify

reconstruct = importlib.import_module("zhpaper.reconstruct")  # the module, not the function


def test_the_margin_is_the_one_reconstruct_uses():
    assert reconstruct.REASSIGN_MARGIN is assignment.REASSIGN_MARGIN


def test_headers_in_page_order_and_each_fragment_by_position():
    src = source.load(ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt")
    frags = classify(src)
    headers, position = assignment._headers(frags)
    page = reconstruct.reconstruct(src)
    assert [assignment._clean(h.headline) for h in headers] == [a.title for a in page.articles]
    first = next(f for f in frags if f.kind == "headline")
    assert position[first.index] == 0
