"""The values printed figures allow (facts.hedge_interval, zhpaper.intervals) and the
labels a reader gives them (facts.label_by_cue)."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhpaper import facts, intervals
from zhpaper.errors import ZhpaperError


def one(text: str) -> facts.Quantity:
    found = facts.quantities(text)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------ the one rule


@pytest.mark.parametrize("raw, low, high", [
    ("125家", 125, 125),             # a count of things is a whole number: exact
    ("694家", 694, 694),
    ("3.7万家", 36500, 37500),       # unhedged, rounded to the thousand
    ("12.5万人", 124500, 125500),
    ("近3.7万家", 36000, 37000),     # a hedge reaches to the last printed digit
    ("3.4万余项", 34000, 35000),
    ("270余人", 270, 280),
    ("97.7%", 97.65, 97.75),         # a measurement allows its rounding
    ("3个百分点", 2.5, 3.5),         # a count unit listed as not whole
    ("2.5个百分点", 2.45, 2.55),
    ("600多亿元", 6e10, 7e10),
    ("约4亿元", 3.5e8, 4.5e8),
    ("3至5家", 3, 5),                # a range allows its two ends
])
def test_what_a_printed_figure_allows(raw, low, high):
    assert intervals.interval(raw) == pytest.approx((low, high))
    assert facts.hedge_interval(one(f"其中{raw}，")) == pytest.approx((low, high))


def test_counts_of_things():
    assert facts.counts_things(one("125家"))
    assert facts.counts_things(one("3.7万人"))
    assert not facts.counts_things(one("97.7%"))
    assert not facts.counts_things(one("3个百分点"))   # listed under not_whole
    assert not facts.counts_things(one("300多亿元"))   # money, not a count
    assert not facts.counts_things(one("半年"))


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 99999), st.sampled_from(["家", "个", "人", "项", "部"]))
def test_an_unhedged_count_printed_in_full_is_exact(n, unit):
    assert intervals.interval(f"{n}{unit}") == (n, n)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 999), st.sampled_from(["", "近", "约", "余", "多", "超过"]),
       st.sampled_from(["家", "元", "吨", "%"]))
def test_the_printed_value_is_allowed_and_ends_are_ordered(n, hedge, unit):
    if hedge in ("余", "多") and unit == "%":
        return  # 5余% is not how a figure is printed
    raw = f"{n}{hedge}{unit}" if hedge in ("余", "多") else f"{hedge}{n}{unit}"
    low, high = intervals.interval(raw)
    if not hedge and unit == "家":
        assert low == high == n
    else:
        assert low <= n <= high and low < high


def test_interval_needs_one_figure():
    with pytest.raises(ZhpaperError, match="expected one printed figure, found 0"):
        intervals.interval("没有数字")
    with pytest.raises(ZhpaperError, match="found 2"):
        intervals.interval("5条街道620余个")


# ------------------------------------------------------------------ ratios

UNITS = {"value": 37000, "low": 36000, "high": 37000}      # 近3.7万家
HAZARDS = {"value": 34000, "low": 34000, "high": 35000}    # 3.4万余项
SUSPENDED = {"value": 125, "low": 125, "high": 125}        # 125家


def test_a_ratio_carries_both_ranges():
    r = intervals.ratio(HAZARDS, UNITS, per=1000)
    assert r["printed"] == pytest.approx(1000 * 34000 / 37000)
    assert r["low"] == pytest.approx(1000 * 34000 / 37000)   # least part, largest whole
    assert r["high"] == pytest.approx(1000 * 35000 / 36000)  # the other way round
    exact = intervals.ratio(SUSPENDED, SUSPENDED)
    assert exact == {"printed": 1.0, "low": 1.0, "high": 1.0}


def test_a_share_is_capped():
    part = {"value": 18000, "low": 18000, "high": 19000}      # 1.8万余部
    whole = {"value": 19000, "low": 18000, "high": 19000}     # 近1.9万部
    assert intervals.ratio(part, whole)["high"] == pytest.approx(19000 / 18000)
    assert intervals.ratio(part, whole, cap=1.0)["high"] == 1.0


def test_a_ratio_takes_rows_of_a_frame():
    frame = intervals.with_intervals(pd.DataFrame({"raw": ["近3.7万家", "125家"]}))
    frame["value"] = [37000.0, 125.0]
    assert list(frame["low"]) == [36000, 125] and list(frame["high"]) == [37000, 125]
    r = intervals.ratio(frame.iloc[1], frame.iloc[0], per=1000)
    assert (r["low"], r["high"]) == pytest.approx((125 / 37, 125 / 36))


def test_a_ratio_needs_a_denominator():
    with pytest.raises(ZhpaperError, match="denominator"):
        intervals.ratio(SUSPENDED, {"value": 0, "low": 0, "high": 0})


def test_parts_and_plausible_ranges():
    assert intervals.part_fits(SUSPENDED, UNITS)
    assert not intervals.part_fits({"low": 40000, "high": 41000}, UNITS)
    assert intervals.part_fits({"low": 37000, "high": 38000}, UNITS)  # the ends may touch
    assert intervals.inside({"low": 22.2, "high": 23.5}, 2, 200)
    assert not intervals.inside({"low": 1.5, "high": 23.5}, 2, 200)


def test_module_examples():
    assert doctest.testmod(intervals).failed == 0


# ------------------------------------------------------------------ labels

TEXT = "检查生产经营单位近3.7万家，排查整治隐患3.4万余项，责令125家企业停产整顿。"


def frame_of(text: str) -> pd.DataFrame:
    qs = facts.quantities(text)
    return pd.DataFrame({"paragraph": [1] * len(qs), "start": [q.start for q in qs],
                         "raw": [q.raw for q in qs]})


def test_figures_are_named_by_their_cue():
    cues = {"经营单位": "units", "整治隐患": "hazards", "责令": "suspended"}
    out = facts.label_by_cue(frame_of(TEXT), {1: TEXT}, cues)
    assert list(out["label"]) == ["units", "hazards", "suspended"]
    assert list(out["before"]) == ["检查生产经营单位", "7万家，排查整治隐患", "患3.4万余项，责令"]


def test_a_figure_without_a_cue_is_an_error():
    with pytest.raises(ZhpaperError, match="no cue names 125家"):
        facts.label_by_cue(frame_of(TEXT), {1: TEXT}, {"经营单位": "u", "整治隐患": "h"})


def test_one_label_for_two_figures_is_an_error():
    cues = {"经营单位": "count", "整治隐患": "count", "责令": "s"}
    with pytest.raises(ZhpaperError, match="two figures labelled 'count'"):
        facts.label_by_cue(frame_of(TEXT), {1: TEXT}, cues)
