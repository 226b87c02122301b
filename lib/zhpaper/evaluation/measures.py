"""The two measures every evaluation module reports: a share and the F1 score.

A share says what it is when there is nothing to count (``empty``): a precision with
nothing found is 1.0 for the audit (nothing applied, nothing wrongly applied) and 0.0
for segmentation (no word predicted); a recall with nothing to find is NaN where "no
gold" must not pass for a score. Each caller says which it means.
"""

from __future__ import annotations


def share(part: float, whole: float, empty: float = 0.0) -> float:
    """``part / whole``, or ``empty`` when ``whole`` is 0."""
    return part / whole if whole else empty


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


__all__ = ["f1", "share"]
