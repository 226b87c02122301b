"""Hedges and what a printed figure allows: the library's one rule for every figure.

A hedge is a word printed with a number that makes it approximate or a bound (近, 约,
超过, 余, 以上 …). ``data/units.toml [hedges]`` is the one table of hedges: each word,
where it stands (``before`` the number, ``after_number``, ``after_unit``) and its
meaning, which :func:`hedge_interval` turns into the values a figure allows and the
claim checks (:mod:`zhpaper.facts.claims`) use as the tolerance of a stated value
(except the words of ``[hedges.claim_checks]``, read as printed there: a disagreement
kept from the code before the table, so that outputs stay identical):

* ``at_least``: the figure is a lower bound reaching to the next unit of its last
  printed digit (600多 → [600, 700), 超过3万 → [3万, 4万]);
* ``at_most``: an upper bound reaching down one unit (近1.9万 → [1.8万, 1.9万]);
* ``about``: half a unit either side (约4亿 → [3.5亿, 4.5亿]);
* ``printed``: the figure as printed, read like an unhedged one (达, 高达: a level
  reached): its rounding, half a unit in its last printed digit (97.7% → [97.65,
  97.75]); a count of things (:func:`counts_things`) only the whole numbers in that,
  so an unhedged 125家 is exactly 125 and 3.7万家 is [36,500, 37,500].
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..numbers import MAGNITUDES, decimal_places, number_value
from .units import _AR, _units, lexicon

if TYPE_CHECKING:
    from .quantity import Quantity

#: The meanings a hedge can have in ``data/units.toml [hedges]`` (see the docstring).
MEANINGS = ("at_least", "at_most", "about", "printed")
#: Where a hedge stands: before the number, right after it, or after the unit.
POSITIONS = ("before", "after_number", "after_unit")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """hedge → meaning, checked: a meaning not in :data:`MEANINGS` is an error."""
    from ..errors import ZhpaperError

    out: dict[str, str] = {}
    for position in POSITIONS:
        for word, meaning in lexicon()["hedges"][position].items():
            if meaning not in MEANINGS:
                raise ZhpaperError(f"data/units.toml [hedges.{position}]: {word} = "
                                   f"{meaning!r}: use one of {', '.join(MEANINGS)}")
            out[word] = meaning
    return out


def hedge_words(position: str) -> list[str]:
    """The hedges printed at ``position`` (one of :data:`POSITIONS`), in table order."""
    return list(lexicon()["hedges"][position])


def hedge_meaning(hedge: str | None) -> str:
    """The meaning of ``hedge`` in ``data/units.toml`` (one of :data:`MEANINGS`);
    ``printed`` for no hedge.

    >>> hedge_meaning("多"), hedge_meaning("近"), hedge_meaning("约"), hedge_meaning(None)
    ('at_least', 'at_most', 'about', 'printed')
    """
    return _table().get(hedge, "printed") if hedge else "printed"


def widens(hedge: str | None, *, in_checks: bool = False) -> bool:
    """Whether ``hedge`` lets a figure reach beyond its rounding (a bound or an
    approximation), so that :func:`hedge_interval` reads it by its hedge. With
    ``in_checks``, as the claim checks read a stated value: the words listed in
    ``data/units.toml [hedges.claim_checks] as_printed`` are read as printed there."""
    if in_checks and hedge in lexicon()["hedges"]["claim_checks"]["as_printed"]:
        return False
    return hedge_meaning(hedge) != "printed"


def rounding(q: Quantity) -> float:
    """Half a unit in the last printed digit of ``q``, in the units of ``q.value``:
    ``97.7%`` → 0.05, ``2.18万P`` → 50, ``42个`` → 0.5."""
    digits = re.search(_AR, q.number)
    if digits is None and "点" in q.number:  # 一百一十六点六亿: a tenth of 亿
        core = q.number.rstrip("余多")
        scale = next((f for w, f in MAGNITUDES.items() if core.endswith(w)), 1)
        return (0.5 * 10 ** -decimal_places(q.number) * scale
                * (q.value / number_value(q.number)))
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

    A hedge, by its meaning in ``data/units.toml`` (see the module docstring), reaches
    to the last printed digit: 600多 → [600, 700), 近1.9万 → [1.8万, 1.9万], 约4亿 →
    [3.5亿, 4.5亿]. A figure printed without a hedge allows its rounding,
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
    meaning = hedge_meaning(q.hedge)
    if meaning == "at_least":
        return v, v + step
    if meaning == "at_most":
        return v - step, v
    if meaning == "about":
        return v - step / 2, v + step / 2
    r = rounding(q)
    if counts_things(q):
        return float(math.ceil(v - r)), float(math.floor(v + r))
    return v - r, v + r
