"""The values printed figures allow, carried through ratios.

A figure printed with a hedge is a range, not a point: 近3.7万家 ("nearly 37,000") allows
36,000 to 37,000 units, 3.4万余项 ("34,000 and more") 34,000 to 35,000. One rule, in
:func:`zhpaper.facts.hedge_interval`, says what every printed figure allows (a hedge to
its last printed digit; an unhedged figure its rounding; a count of things only whole
numbers, so an unhedged 125家 is exactly 125). This module applies that rule to the
figures of a facts table and carries the ranges through ratios: the lowest ratio is the
lowest numerator over the highest denominator, the highest the other way round.

>>> interval("近3.7万家")
(36000.0, 37000.0)
>>> interval("125家")
(125.0, 125.0)
>>> ratio({"value": 125, "low": 125, "high": 125},
...       {"value": 37000, "low": 36000, "high": 37000}, per=1000)  # doctest: +ELLIPSIS
{'printed': 3.378..., 'low': 3.378..., 'high': 3.472...}
"""

from __future__ import annotations

from collections.abc import Mapping

from . import facts
from .errors import ZhpaperError


def interval(raw: str) -> tuple[float, float]:
    """``(low, high)``: the values the one figure printed in ``raw`` allows (``raw`` as in
    the ``raw`` column of :func:`zhpaper.facts.facts_frame`: 近3.7万家, 125家, 97.7%)."""
    found = facts.quantities(raw)
    if len(found) != 1:
        raise ZhpaperError(f"{raw!r}: expected one printed figure, found {len(found)}")
    return facts.hedge_interval(found[0])


def with_intervals(frame):
    """A copy of ``frame`` (any table with a ``raw`` column, such as the rows of
    :func:`zhpaper.facts.facts_frame`) with the columns ``low`` and ``high``."""
    out = frame.copy()
    ends = [interval(raw) for raw in out["raw"]]
    out["low"] = [low for low, _ in ends]
    out["high"] = [high for _, high in ends]
    return out


def ratio(numerator: Mapping[str, float], denominator: Mapping[str, float], *,
          per: float = 1.0, cap: float | None = None) -> dict[str, float]:
    """The ratio of two figures, each a mapping (a row of :func:`with_intervals`) with
    ``value``, ``low`` and ``high``: ``printed``, the ratio of the printed values, and
    ``low`` and ``high``, the least and the most the two ranges allow, each times
    ``per`` (1000 for a rate per 1,000). ``cap`` bounds ``high`` (a share of a whole
    cannot exceed 1)."""
    if min(denominator["value"], denominator["low"]) <= 0:
        raise ZhpaperError("a ratio needs a denominator above zero")
    high = per * numerator["high"] / denominator["low"]
    return {"printed": per * numerator["value"] / denominator["value"],
            "low": per * numerator["low"] / denominator["high"],
            "high": high if cap is None else min(high, cap)}


def part_fits(part: Mapping[str, float], whole: Mapping[str, float]) -> bool:
    """Whether a part can be inside its whole: some value the part's range allows is not
    above some value the whole's range allows."""
    return part["low"] <= whole["high"]


def inside(values: Mapping[str, float], low: float, high: float) -> bool:
    """Whether the whole range of ``values`` (``low`` to ``high``, a :func:`ratio`) lies
    in ``[low, high]``."""
    return low <= values["low"] and values["high"] <= high


__all__ = ["inside", "interval", "part_fits", "ratio", "with_intervals"]
