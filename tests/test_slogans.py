"""Numeric slogans and their enumerations."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, SEED

import zhpaper
from zhpaper import slogans


def one(text):
    found = slogans.find(text)
    assert len(found) == 1, found
    return found[0]


def test_quoted_slogan():
    s = one('持续推进"双提升"活动')
    assert (s.text, s.number, s.rule) == ("双提升", 2, "quoted")


def test_lexicon_slogan_with_parallel_enumeration():
    s = one('压实"三个责任"。聚焦领导责任抓推进。聚焦监管责任抓推进。聚焦主体责任抓推进。')
    assert s.items == ("领导责任", "监管责任", "主体责任") and s.link == "parallel"


def test_count_after_an_enumeration():
    s = one("在住建、交通、教育、卫健4个重点领域探索开展")
    assert (s.text, s.number, s.items) == ("4个重点领域", 4, ("住建", "交通", "教育", "卫健"))
    s = one("重点发展'南、中、北'三大文旅片区,即依托")
    assert s.text == "三大文旅片区" and s.items == ("南", "中", "北")


def test_sibling_link():
    found = slogans.find('以"两大资源"为抓手,深入挖掘黄河、长城两大文化资源')
    first = found[0]
    assert first.text == "两大资源" and first.items == ("黄河", "长城")
    assert first.link == "sibling"


@pytest.mark.parametrize("text", [
    "建设33个重点项目",        # a count, no enumeration
    '牢固树立"一盘棋"思想',    # one is not a slogan number
    '"五一"期间',              # a holiday
    '"56项授权"',              # digits in quotes: a counted quantity
    "黄河、长城5个景区",        # the count does not match the list
])
def test_not_slogans(text):
    assert slogans.find(text) == []


def test_quoted_enumeration_without_a_slogan():
    e = [x for x in slogans.enumerations('在"人防、技防、工程防、管理防"上想办法') if x.quoted]
    assert e and e[0].items == ("人防", "技防", "工程防", "管理防")


def test_seed_page_slogans_against_the_hand_list():
    """Every slogan in the hand-made list of non-quantities is found (the list keeps
    layout spaces; a slogan found may be longer, e.g. 五位一体)."""
    page = zhpaper.read_page(SEED)
    frame = slogans.slogans_frame(page, zhpaper.audit(page))
    hand = json.loads((ROOT / "lib/zhpaper/data/eval/seed_quantities.json").read_text("utf-8"))
    wanted = [x for x in hand["not_quantities"] if x["reason"] == "slogan"
              and x["raw"] not in ("零跑腿", "一次办")]  # items of lists, not slogans
    found = {(r.line, r.slogan) for r in frame.itertuples()}
    missed = [x for x in wanted if not any(
        line == x["line"] and x["raw"].replace(" ", "") in s for line, s in found)]
    assert not missed
    linked = frame[frame["items"].notna() & (frame["items"] != "")]
    assert {"三个责任", "4个重点领域", "三大文旅片区", "五位一体"} <= set(linked.slogan)
