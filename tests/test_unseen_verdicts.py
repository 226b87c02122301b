"""The unseen-text table says, per row, whether the test half meets its target."""

import pytest

from zhpaper.evaluation.unseen import short_name, verdict, verdicts


def row(test, target, measure="m", stage="s"):
    return {"stage": stage, "measure": measure, "test": test, "target": target}


@pytest.mark.parametrize(("test", "target", "expected"), [
    # bounds both ways, and two-part targets (both must hold)
    ("0.935", "≥ 0.95", "no"), ("0.951", "≥ 0.95", "yes"),
    ("0.49", "≤ 1", "yes"), ("3.14", "≤ 1", "no"),
    ("0.93 / 0.90", "≥ 0.85 / ≥ 0.85", "yes"), ("0.93 / 0.80", "≥ 0.85 / ≥ 0.85", "no"),
    # words for targets, and rows without one
    ("0 of 140 resolved (0 wrong)", "0 resolved", "yes"),
    ("3 of 140 resolved (1 wrong)", "0 resolved", "no"),
    ("1.000 (140/140)", "all", "yes"), ("0.993 (139/140)", "all", "no"),
    ("0.946 (923/976)", "none set", "—"), ("—", "—", "—"),
])
def test_a_row_meets_its_target_or_not(test, target, expected):
    assert verdict(row(test, target)) == expected


def test_short_names_and_the_summary():
    r = row("0.92", "≥ 0.90", "injected look-alikes (5% of lines; seed: 50 pages): recall",
            "OCR audit")
    assert short_name(r) == "OCR audit: injected look-alikes: recall"
    assert verdicts([r, row("2.75", "≤ 1"), row("x", "none set")]) == {
        "yes": ["OCR audit: injected look-alikes: recall"], "no": ["s: m"]}
