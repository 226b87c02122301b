"""Superlative claims: scope, qualifier, ranking word, object, referent, verb."""

from __future__ import annotations

from conftest import SEED

import zhpaper
from zhpaper import superlatives


def test_parts_of_a_claim_with_referent():
    (s,) = superlatives.find("建成全国单体最大的奶山羊基地(某某牧场),推动发展")
    assert (s.scope, s.qualifier, s.superlative, s.kind) == ("全国", "单体", "最大", "extreme")
    assert (s.object, s.referent, s.verb) == ("奶山羊基地", "某某牧场", "建成")


def test_consecutive_claims_are_separate():
    found = superlatives.find("建成全区最大的甲基地(甲场)、全市首个乙中心(乙站),")
    assert [(s.scope, s.superlative, s.kind, s.object) for s in found] == [
        ("全区", "最大", "extreme", "甲基地"), ("全市", "首个", "first", "乙中心")]


def test_object_stops_before_a_copula_or_preposition():
    (s,) = superlatives.find("以创建首府首家5A级景区为目标,")
    assert (s.scope, s.superlative, s.object, s.verb) == ("首府", "首家", "5A级景区", "创建")


def test_grade_with_enumerated_object():
    (s,) = superlatives.find("全力打造全国一流的奶牛、肉牛育种品牌。")
    assert (s.kind, s.object, s.verb) == ("grade", "奶牛、肉牛育种品牌", "打造")


def test_leading_count_dropped_and_no_claim_without_scope():
    (s,) = superlatives.find("成为全国唯一一个综合试验区。")
    assert s.object == "综合试验区" and s.kind == "first"
    assert superlatives.find("规模最大的一次活动") == []


def test_frame_columns():
    frame = superlatives.superlatives_frame(zhpaper.read_page(SEED))
    assert list(frame.columns) == ["article", "paragraph", "line", "claim", "scope",
                                   "qualifier", "superlative", "kind", "object", "referent",
                                   "verb"]
    assert (frame["line"] > 0).all()
