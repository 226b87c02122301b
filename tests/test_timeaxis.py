"""Resolved dates as points and spans on a time axis (zhpaper.timeaxis)."""

from __future__ import annotations

import datetime

import pytest
from conftest import SEED

import zhpaper
from zhpaper import ZhpaperError, facts
from zhpaper.timeaxis import date_span, plot_date

D = datetime.date


@pytest.mark.parametrize("iso,point,span", [
    ("2017", D(2017, 7, 1), (D(2017, 1, 1), D(2017, 12, 31))),
    ("2022-05", D(2022, 5, 15), (D(2022, 5, 1), D(2022, 5, 31))),
    ("2024-02", D(2024, 2, 15), (D(2024, 2, 1), D(2024, 2, 29))),
    ("2024-06-29", D(2024, 6, 29), (D(2024, 6, 29), D(2024, 6, 29))),
    ("2021/2025", D(2021, 7, 1), (D(2021, 1, 1), D(2025, 12, 31))),
    ("1990/1999", D(1990, 7, 1), (D(1990, 1, 1), D(1999, 12, 31))),
])
def test_points_and_spans(iso, point, span):
    assert plot_date(iso) == point
    assert date_span(iso) == span
    assert span[0] <= point <= span[1]


@pytest.mark.parametrize("bad", ["", "今年", "2024-13", "2023-02-29", "24", "2025/2021",
                                 "2021-01/2022", None])
def test_what_is_not_a_resolved_date(bad):
    with pytest.raises(ZhpaperError):
        plot_date(bad)
    with pytest.raises(ZhpaperError):
        date_span(bad)


def test_every_resolved_date_of_the_seed_page_has_a_place():
    page = zhpaper.read_page(SEED, date="2024-08-14")
    resolved = [r for r in facts.dates_frame(page)["resolved"] if r]
    assert resolved
    for r in resolved:
        start, end = date_span(r)
        assert start <= plot_date(r) <= end
