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


def test_a_paragraph_cut_inside_its_article_stays_there_when_its_tail_is_under_the_next_header():
    # the second paragraph breaks off at a column break (printed lines 15 wide, kept
    # apart by layout spaces); the next column opens under the next article's header
    # with the paragraph's end, then that article's own text
    head = " ".join(["农技站派出专家深入大棚，指", "导菜农科学施肥，推广节水灌溉，"])
    rest = " ".join(["合作社统一收购，统一运输，", "解决了菜农卖菜难的问题，大家种",
                     "菜的劲头更足了，明年还要再建一", "批新大棚。"])
    tail = " ".join(["让蔬菜的产量和品质都有了明显的", "提高，菜农们都说今年的菜好卖、",
                     "价钱也好，收入比去年翻了一番还", "多。"])
    md = ("## 城郊菜农喜获丰收\n\n本报讯 今年城郊的蔬菜大棚扩大了种植面积，菜农的收入明显增加。\n\n"
          f"{head}\n\n{rest}\n\n## 新建图书馆开馆迎客\n\n{tail}\n\n"
          "本报讯 新建的市图书馆今天开馆，藏书五十万册，设有少儿阅览室和电子阅览室。\n")
    page = reconstruct.reconstruct(source.from_text(md))
    texts = [[p.text for p in a.paragraphs] for a in page.articles]
    assert any(t.startswith("农技站") and t.endswith("翻了一番还多。") for t in texts[0]), texts
