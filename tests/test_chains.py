"""Transitions (由 A 等 … 向 B 等 … 延伸) extracted by one general rule."""

from __future__ import annotations

import pytest
from conftest import SEED

import zhpaper
from zhpaper import chains, viz


def one(text):
    found = chains.transitions(text)
    assert len(found) == 1, found
    return found[0]


def test_lists_closed_by_deng_with_heads():
    t = one("推动产业链由煤炭、焦炭等传统产品向氢能、碳材料等高端产品延伸。")
    assert t.subject == "产业链"
    assert t.sources == ("煤炭", "焦炭") and t.source_head == "传统产品"
    assert t.targets == ("氢能", "碳材料") and t.target_head == "高端产品"
    assert t.verb == "延伸"


def test_conjunctions_split_items_and_cong_opens():
    t = one("引导制造业从钢铁和水泥向新能源及新材料转型")
    assert t.sources == ("钢铁", "水泥") and t.targets == ("新能源", "新材料")
    assert (t.subject, t.verb) == ("制造业", "转型")


def test_quoted_items_and_adjacent_quotations():
    t = one('农业由"分散型"传统模式向"规模化""数字化"转变的新路子')
    assert t.sources == ("分散型",) and t.source_head == "传统模式"
    assert t.targets == ("规模化", "数字化") and t.target_head == ""


def test_digits_inside_items_and_heads_with_enumeration_comma():
    t = one("由甲醇等原料向尼龙66、聚酯等精细化、高端化方向拓展")
    assert t.targets == ("尼龙66", "聚酯") and t.target_head == "精细化、高端化方向"
    assert t.subject == ""


@pytest.mark.parametrize("text", [
    "理由是由于天气原因,向北延伸",  # 理由, 由于: not the preposition
    "从无到有",  # no verb of change
    "由企业负责,向社会公开,逐步转变",  # the clause ends before 向
    "向下游延伸",  # no source
])
def test_no_transition(text):
    assert chains.transitions(text) == []


def test_two_transitions_in_one_text_in_order():
    found = chains.transitions("推动产品由低端向高端升级。引导企业从单一向多元发展。")
    assert [(t.sources, t.targets) for t in found] == [(("低端",), ("高端",)),
                                                       (("单一",), ("多元",))]
    assert found[0].end <= found[1].start


def test_edges_are_every_source_target_pair():
    page = zhpaper.read_page(SEED)
    frame = chains.transitions_frame(page)
    assert list(frame.columns) == ["article", "paragraph", "line", "subject", "sources",
                                   "source_head", "targets", "target_head", "verb", "text"]
    edges = chains.edges_frame(frame)
    sizes = [len(s.split("、")) * len(t.split("、")) for s, t in zip(frame.sources, frame.targets, strict=True)]
    assert len(edges) == sum(sizes)
    assert set(edges.relation) <= {"set-to-set"}


def test_draw_returns_axes():
    import matplotlib

    matplotlib.use("Agg")
    ax = viz.transition_graph(["甲", "乙"], ["丙", "丁", "戊"], verb="延伸",
                              source_label="原料", target_label="产品")
    labels = [t.get_text() for t in ax.texts if t.get_text()]
    assert sorted(labels) == sorted(["甲", "乙", "丙", "丁", "戊", "延伸", "原料", "产品"])
    assert len(ax.patches) + len([t for t in ax.texts if not t.get_text()]) >= 2 * 3
