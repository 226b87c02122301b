"""What a printed figure allows: its rounding, or the reach of its hedge.

A hedge is a word printed with a number that makes it approximate or a bound (近, 约,
超过, 余, 以上 …). :func:`hedge_interval` is the library's one rule for the values a
figure allows; :func:`rounding` is half a unit in its last printed digit and
:func:`counts_things` says whether it counts whole things.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..numbers import number_value
from .units import _AR, _units, lexicon

if TYPE_CHECKING:
    from .quantity import Quantity


def rounding(q: Quantity) -> float:
    """Half a unit in the last printed digit of ``q``, in the units of ``q.value``:
    ``97.7%`` → 0.05, ``2.18万P`` → 50, ``42个`` → 0.5."""
    digits = re.search(_AR, q.number)
    if digits is None:
        return 0.5 * (q.value / number_value(q.number) if q.number != "半" else 1.0)
    scale = number_value(q.number) / float(digits.group().replace(",", "")) \
        if float(digits.group().replace(",", "")) else 1.0
    decimals = len(digits.group().split(".")[1]) if "." in digits.group() else 0
    return 0.5 * 10 ** -decimals * scale


def counts_things(q: Quantity) -> bool:
    """Whether ``q`` is a count of things, so a whole number: a whole value in a unit of
    the count group (125家, 3.7万人), unless ``data/units.toml`` lists the unit under
    ``not_whole`` (3个百分点 measures an amount)."""
    return (_units().get(q.unit or "") == "count" and float(q.value).is_integer()
            and q.unit not in lexicon()["not_whole"]["units"])


def hedge_interval(q: Quantity) -> tuple[float, float]:
    """The values a printed quantity allows, the library's one rule for every figure.

    A hedge reaches to the last printed digit: 600多 → [600, 700), 近1.9万 → [1.8万,
    1.9万], 约4亿 → [3.5亿, 4.5亿]. A figure printed without a hedge allows its rounding,
    half a unit in its last printed digit (97.7% → [97.65, 97.75]); a count of things
    (:func:`counts_things`) only the whole numbers in it, so an unhedged 125家 is exactly
    125 and 3.7万家 is [36,500, 37,500]. A range (3至5家) allows its two ends."""
    v = q.value
    if q.value_high is not None:
        return v, q.value_high
    digits = re.search(_AR, q.number)
    if digits and "." in digits.group():
        printed = digits.group()
        step = 10 ** -len(printed.split(".")[1]) * (v / float(printed.replace(",", "")))
    else:
        s = f"{v:.0f}".rstrip("0")
        step = 10 ** (len(f"{v:.0f}") - len(s)) if v >= 1 else 1.0
    h = q.hedge
    if h in ("多", "余", "超", "超过", "逾", "以上", "不低于", "不少于"):
        return v, v + step
    if h in ("近", "将近", "接近", "不到", "不足", "以内", "不超过"):
        return v - step, v
    if h in ("约", "大约", "约为", "左右"):
        return v - step / 2, v + step / 2
    r = rounding(q)
    if counts_things(q):
        return float(math.ceil(v - r)), float(math.floor(v + r))
    return v - r, v + r
