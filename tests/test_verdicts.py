"""Check tables whose verdicts follow from the test that decided them (zhpaper.verdicts)."""

from __future__ import annotations

import numpy as np
import pytest

from zhpaper import ZhpaperError
from zhpaper.verdicts import COLUMNS, NOTHING_STATED, Verdicts


def test_compare_decides_from_the_numbers():
    checks = Verdicts()
    assert checks.compare("三大片区", 3, 3, shown="3 zones") is True
    assert checks.compare("两大资源", 2, 3) is False
    assert checks.compare("267.3%", 267.3, 267.34, tolerance=0.05, stated_as="267.3%") is True
    assert checks.compare("7个月", 7, 7.2, tolerance=0.1) is False
    frame = checks.frame()
    assert list(frame.columns) == COLUMNS
    assert frame.values.tolist() == [
        ["三大片区", "3", "3 zones", "agrees"], ["两大资源", "2", "3", "disagrees"],
        ["267.3%", "267.3%", "267.34", "agrees"], ["7个月", "7", "7.2", "disagrees"]]
    assert not checks.all_hold()


def test_test_uses_the_chapters_labels():
    checks = Verdicts()
    assert checks.test("one way", "4 of 4", np.bool_(True), agrees="physically possible",
                       disagrees="not possible for every destination") is True
    assert checks.test("round trip", "0 of 4", False, agrees="possible",
                       disagrees="impossible on realistic routes") is False
    assert checks.frame()["verdict"].tolist() == ["physically possible",
                                                  "impossible on realistic routes"]
    assert checks.frame()["stated"].tolist() == [NOTHING_STATED] * 2


def test_derived_rows_are_not_tests():
    checks = Verdicts()
    checks.derive("300多亿元 for 33 projects", "9.1–12.1 亿元 per project")
    assert not checks.all_hold()  # nothing was tested
    checks.compare("5条产业链", 5, 5)
    checks.derive("其中", "57.4%", verdict="a reader's judgement")
    assert checks.all_hold()
    assert [r.holds for r in checks.rows] == [None, True, None]
    assert checks.frame()["verdict"].tolist() == ["derived", "agrees", "a reader's judgement"]


@pytest.mark.parametrize("call,message", [
    (lambda v: v.compare("x", "three", 3), "must be a number"),
    (lambda v: v.compare("x", 3, float("nan")), "must be finite"),
    (lambda v: v.compare("x", 3, 3, tolerance=-1), "cannot be negative"),
    (lambda v: v.test("", "3", True), "non-empty claim"),
    (lambda v: v.derive("x", "3", verdict=" "), "non-empty verdict"),
])
def test_bad_rows_are_one_clear_error(call, message):
    checks = Verdicts()
    with pytest.raises(ZhpaperError, match=message):
        call(checks)
    assert checks.rows == []
