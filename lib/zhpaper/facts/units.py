"""The data of the facts stage: ``data/units.toml`` and ``data/checks.toml``, read once.

``data/units.toml`` holds what a figure is made of (units by group, magnitudes, hedges
and their meaning, verbs of change), what is not a figure (ordinals, idioms, names,
times of day) and what dates are named by (relative words, holidays, the lunar
calendar); ``data/checks.toml`` holds the claim-check rules. This module parses them,
builds the unit table and :func:`fold`, and names the numeral patterns (built from
:mod:`zhpaper.numbers`, the one table of numerals), shared by the modules that find
quantities and dates. The words of ``[magnitudes]`` say which magnitudes a figure may
carry (万, 亿, 千万 …); their values are read by :func:`zhpaper.numbers.number_value`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from ..numbers import ARABIC, CHINESE_DECIMAL, CHINESE_NUMERAL, TEXT_DIGITS
from ..resources import read_data


@cache
def _data(name: str) -> dict[str, Any]:
    return tomllib.loads(read_data(name))


def lexicon() -> dict[str, Any]:
    """The parsed ``data/units.toml`` (units, hedges, non-quantities, holidays)."""
    return _data("units.toml")


def rules() -> list[dict[str, Any]]:
    """The claim-check rules of ``data/checks.toml``."""
    return _data("checks.toml")["rule"]


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    """unit → group (count, money, time, percent …)."""
    out: dict[str, str] = {}
    for group, words in lexicon()["units"].items():
        for w in words:
            out.setdefault(w, group)
    return out


# the numeral patterns, built from the one table of numerals (zhpaper.numbers)
_AR = ARABIC
_ZH = CHINESE_NUMERAL
_ZH_DIGITS = set(TEXT_DIGITS)
_ZH_DECIMAL = CHINESE_DECIMAL


def fold(text: str) -> str:
    """``text`` with full-width digits, letters and ``%.+-/`` folded to ASCII and a
    middle dot between digits read as a decimal point (``２·５％`` → ``2.5%``, as the
    1998 People's Daily prints it). One character for one: offsets stay valid."""
    from ..tokens import fold_width

    return re.sub(r"(?<=\d)·(?=\d)", ".", fold_width(text))


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans``."""
    return any(s < end and start < e for s, e in spans)
