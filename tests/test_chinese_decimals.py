"""Chinese decimals (一百一十六点六亿, 百分之三点五) are read, and their rounding known."""

from __future__ import annotations

import pytest

import zhpaper
from zhpaper import facts, intervals, numbers


@pytest.mark.parametrize(("text", "value"), [
    ("一百一十六点六亿", 1.166e10), ("三点五", 3.5), ("九十九点九万", 999000.0),
    ("八点零七", 8.07), ("300亿", 3e10), ("十三", 13.0),
])
def test_number_value_reads_chinese_decimals(text, value):
    assert numbers.number_value(text) == pytest.approx(value)


@pytest.mark.parametrize(("text", "places"), [
    ("97.7%", 1), ("2.18万", 2), ("42", 0), ("一百一十六点六亿", 1), ("八点零七", 2), ("十三", 0),
])
def test_decimal_places(text, places):
    assert numbers.decimal_places(text) == places


@pytest.mark.parametrize(("text", "low", "high"), [
    ("全年完成投资一百一十六点六亿元。", 1.1655e10, 1.1665e10),
    ("同比增长百分之三点五。", 3.45, 3.55),
    ("接待游客九十九点九万人次。", 998500.0, 999500.0),
])
def test_a_chinese_decimal_has_the_interval_its_last_digit_allows(text, low, high):
    (q,) = facts.quantities(text)
    assert facts.hedge_interval(q) == pytest.approx((low, high))


def test_a_page_with_chinese_decimals_gets_its_intervals(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("# 某县经济运行平稳\n\n本报讯（记者 王明）全年完成投资一百一十六点六亿元，"
                    "同比增长百分之三点五。\n", encoding="utf-8")
    frame = intervals.with_intervals(zhpaper.read(path).facts)
    assert len(frame) == 2 and frame["low"].notna().all()
