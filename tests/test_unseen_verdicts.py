"""The unseen-text table says, per row, whether the test half meets its target."""

from zhpaper.evaluation.unseen import short_name, verdict, verdicts


def row(test, target, measure="m", stage="s"):
    return {"stage": stage, "measure": measure, "test": test, "target": target}


def test_bounds_both_ways_and_two_part_targets():
    assert verdict(row("0.935", "≥ 0.95")) == "no"
    assert verdict(row("0.951", "≥ 0.95")) == "yes"
    assert verdict(row("0.49", "≤ 1")) == "yes"
    assert verdict(row("3.14", "≤ 1")) == "no"
    assert verdict(row("0.93 / 0.90", "≥ 0.85 / ≥ 0.85")) == "yes"
    assert verdict(row("0.93 / 0.80", "≥ 0.85 / ≥ 0.85")) == "no"  # both must hold


def test_words_for_targets_and_rows_without_one():
    assert verdict(row("0 of 140 resolved (0 wrong)", "0 resolved")) == "yes"
    assert verdict(row("3 of 140 resolved (1 wrong)", "0 resolved")) == "no"
    assert verdict(row("1.000 (140/140)", "all")) == "yes"
    assert verdict(row("0.993 (139/140)", "all")) == "no"
    assert verdict(row("0.946 (923/976)", "none set")) == "—"
    assert verdict(row("—", "—")) == "—"


def test_short_names_and_the_summary():
    r = row("0.92", "≥ 0.90", "injected look-alikes (5% of lines; seed: 50 pages): recall",
            "OCR audit")
    assert short_name(r) == "OCR audit: injected look-alikes: recall"
    assert verdicts([r, row("2.75", "≤ 1"), row("x", "none set")]) == {
        "yes": ["OCR audit: injected look-alikes: recall"], "no": ["s: m"]}
