"""Quantities: every figure in a clean text, found, normalised and kept with its span.

Conventions (:func:`quantities`, :func:`zhpaper.facts.facts_frame`)
-------------------------------------------------------------------
* A quantity is a number (Arabic ``3.7``, ``1,356.5``, full-width ``３．７`` or
  ``２·５``, Chinese ``十三``, ``两百``, ``二点三``, ``半``) with an optional magnitude
  (万, 亿, 万亿, 千), optional hedges and a unit from ``data/units.toml`` (``元/平方米``
  for a unit per unit). ``raw`` runs from the hedge before the number to the unit or
  the hedge after it: ``近3.7万家``, ``300多亿元``, ``70个工作日以内``. A magnitude alone
  counts before a unit (``万人``) or after a hedge (``超过万亿``); ``百分之三十`` is 30 %.
* ``value`` is the number times its magnitude: the magnitude leaves the unit
  (``300多亿元`` → 3.0e10 元, ``2.18万P`` → 21800 P). Other units are kept as printed
  (个月, 毫秒); conversions between them are data, used by the claim checks.
* ``hedge`` is the word as printed: before the number (近, 约, 大约, 超过, 超, 逾, 达, 达到,
  不低于 …, with an optional 是 between: ``大约是4亿元``) or after it (余, 多, 以内 …).
  A hedge qualifies a value; it never changes it.
* ``kind``: ``percent`` (a share or level, unit %), ``change`` (a percentage or multiple
  right after a verb of change: ``同比增长156.5%``; the verb is in ``verb``, the value
  stays as printed), ``multiple`` (倍), ``range`` (``3至5家``, ``20—30万元``: the
  magnitude of the second number also applies to the first; ``两三年``, ``七八个``:
  neighbouring digits; ``value_high`` is set), else ``amount``.
* What a figure allows (:mod:`zhpaper.facts.hedges`, one rule for every figure): a
  hedge reaches to the last printed digit (近3.7万 → 3.6万–3.7万, 3.4万余 → 3.4万–3.5万);
  an unhedged figure allows half a unit in its last printed digit (97.7% → 97.65–97.75),
  and a count of things (a whole value in a count unit) only the whole numbers in that,
  so 125家 is exactly 125 and 3.7万家 is 36,500–37,500. :mod:`zhpaper.intervals`
  carries these ranges through ratios.
* Not quantities: numbers after 第 or before 届/次全会/中全会 (ordinals); numeric slogans
  found by :func:`zhpaper.slogans.find` (三个责任, 4个重点领域); dates; names and
  idioms listed in ``data/units.toml`` (三年行动, 5G, 尼龙66, 一盘棋); a lone 一 before a
  measure word (一个缩影, 一批: an indefinite article, but 一年 is a year); numbers with
  neither unit nor magnitude (1、2号线); Chinese numerals read digit by digit (五一);
  vague numbers (几十年, 数十万, 上百个, 百分之十几); times of day (8时30分, 下午5点);
  fractions (三分之一); a numeral that begins a unit (千瓦, 千克).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import DIGITS, MAGNITUDE_CHARS, NUMERAL_CHARS, chinese_number, number_value
from .dates import date_mentions
from .hedges import hedge_words
from .units import _AR, _ZH, _ZH_DECIMAL, _ZH_DIGITS, _alt, _overlaps, _units, fold, lexicon


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    lex = lexicon()
    mag = _alt(lex["magnitudes"])
    after_num = _alt(hedge_words("after_number"))
    after_unit = _alt(hedge_words("after_unit"))
    units = _alt(_units())
    # a magnitude is no magnitude where a unit begins with it: 1千瓦时 is 1 kWh
    not_mag = _alt(u[len(m):] for u in _units() for m in lex["magnitudes"] if u.startswith(m))
    return re.compile(
        rf"(?P<num>{_AR}|{_ZH_DECIMAL}|半)(?P<h1>{after_num})?(?P<mag>(?:{mag})(?!{not_mag}))?"
        rf"(?:(?P<u1>%|％)?(?P<sep>[—–\-~～至到])(?P<num2>{_AR}|{_ZH})(?P<mag2>{mag})?)?"
        rf"(?P<h2>{after_num})?(?P<unit>(?:{units})(?:/(?:{units}))?)?(?P<h3>{after_unit})?")


@lru_cache(maxsize=1)
def _bare_magnitude_re() -> re.Pattern[str]:
    lex = lexicon()
    return re.compile(rf"(?P<hedge>{_alt(hedge_words('before'))})?(?P<mag>"
                      rf"{_alt(lex['magnitudes'])})(?P<unit>{_alt(_units())})?")


#: A number right after one of these is vague, not read: 几十年, 数十万人.
_VAGUE_BEFORE = "几数"
#: 上百, 上千, 成千, 上万: "hundreds", "thousands", not a number.
_VAGUE_ROUND = re.compile(r"[上成][百千万]")


@lru_cache(maxsize=1)
def _numeral_units() -> tuple[str, ...]:
    """Units that begin with a numeral character (千瓦, 千克, 百分点)."""
    return tuple(u for u in _units() if u[0] in NUMERAL_CHARS + MAGNITUDE_CHARS)


@dataclass(frozen=True)
class Quantity:
    """One quantity in a text: offsets ``start``/``end`` cover ``raw`` (hedges included)."""

    start: int
    end: int
    raw: str
    value: float
    value_high: float | None
    unit: str | None
    hedge: str | None
    kind: str  #: amount, percent, change, multiple or range
    verb: str | None = None  #: the verb of a change (同比增长, 下降 …)
    number: str = ""  #: the printed number with its magnitude (3.7万), for tolerances


def blocked_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` that hold no quantity, with the reason: ``slogan``, ``name``,
    ``idiom``, ``clock`` (a time of day) or ``date``."""
    from .. import slogans

    text = fold(text)
    out = [(s.start, s.end, "slogan") for s in slogans.find(text)]
    nq = lexicon()["not_quantities"]
    for reason, words in (("name", nq["names"]), ("idiom", nq["idioms"])):
        for w in words:
            out += [(m.start(), m.end(), reason) for m in re.finditer(re.escape(w), text)]
    for pattern in nq["name_patterns"]:
        out += [(m.start(), m.end(), "name") for m in re.finditer(pattern, text)]
    for pattern in nq["clock_patterns"]:
        out += [(m.start(), m.end(), "clock") for m in re.finditer(pattern, text)]
    out += [(d.start, d.end, "date") for d in date_mentions(text)]
    return sorted(out)


def _hedge_before(text: str, start: int) -> tuple[str | None, int]:
    before = text[:start]
    not_hedges = lexicon()["hedges"]["not_hedges"]
    for h in sorted(hedge_words("before"), key=len, reverse=True):
        for glue in ("", "是", "为"):
            if before.endswith(h + glue):
                if any(before[:len(before) - len(glue)].endswith(w) for w in not_hedges):
                    return None, start
                return h, start - len(h + glue)
    return None, start


def _change_verb(text: str, start: int) -> str | None:
    ch = lexicon()["changes"]
    for v in sorted(ch["up"] + ch["down"], key=len, reverse=True):
        if text[:start].endswith(v):
            return v
    return None


def verb_direction(verb: str | None) -> int:
    """+1 for a verb of growth (增长), −1 for a verb of decline (下降), 0 for none."""
    if verb is None:
        return 0
    return -1 if verb in lexicon()["changes"]["down"] else 1


def _is_ordinal(text: str, start: int, num_end: int) -> bool:
    nq = lexicon()["not_quantities"]
    return (any(text[:start].endswith(w) for w in nq["ordinal_before"])
            or any(text.startswith(w, num_end) for w in nq["ordinal_after"]))


def _value(num: str, mag: str | None) -> float:
    scale = number_value(mag) if mag else 1
    if num == "半":
        return 0.5 * scale
    if "点" in num:  # 二点三万: a decimal written in words
        return chinese_number(num) * scale
    return number_value(num + (mag or ""))


def _skip(folded: str, m: re.Match[str], blocked: Iterable[tuple[int, int]]) -> bool:
    """Whether the match ``m`` of :func:`_quantity_re` is no quantity."""
    num, unit, mag = m["num"], m["unit"], m["mag"] or m["mag2"]
    start, num_end = m.start(), m.end("num")
    groups = _units()
    if _overlaps(start, m.end(), blocked) or _is_ordinal(folded, start, num_end):
        return True
    chinese = not num[0].isdigit()
    if start > 0 and re.match(r"[A-Za-z0-9.]", folded[start - 1]):
        return True  # part of a code or model name (GB2312)
    if start > 0 and (folded[start - 1] in _VAGUE_BEFORE
                      or _VAGUE_ROUND.match(folded, start - 1)):
        return True  # 几十年, 数十万, 上百个: no number to read
    if any(u[0] == num[0] and folded.startswith(u, start) for u in _numeral_units()):
        return True  # 千瓦, 千克: the numeral is part of the unit
    if unit == "分" and folded.startswith("之", m.end("unit")):
        return True  # 三分之一: a fraction
    if chinese and num != "半" and len(num) > 1 and all(c in _ZH_DIGITS for c in num) \
            and _approximate(num) is None:
        return True  # digit by digit: 五一, 唯一一个
    if num == "半" and (unit is None or (groups.get(unit) == "count" and unit != "个")):
        return True  # 半导体; but 半个月
    if num == "一" and not mag and groups.get(unit or "") == "count":
        return True  # indefinite article: 一个缩影, 一批
    if unit is None and not (mag and not chinese):
        return True  # no unit: a name or a label (尼龙66), or 千万 as an adverb
    return bool(m["u1"] and unit not in ("%", "％"))


def _approximate(num: str) -> tuple[int, int] | None:
    """Two neighbouring digits read as a range: 两三 → (2, 3), 七八 → (7, 8), 三五."""
    if len(num) != 2 or num[0] not in _ZH_DIGITS or num[1] not in _ZH_DIGITS:
        return None
    a, b = DIGITS[num[0]], DIGITS[num[1]]
    return (a, b) if 0 < a < b and (b - a == 1 or (a, b) == (3, 5)) else None


def _kind(unit: str | None, verb: str | None, high: float | None) -> str:
    group = _units().get(unit or "")
    if high is not None:
        return "range"
    if verb and group in ("percent", "multiple"):
        return "change"
    return group if group in ("percent", "multiple") else "amount"


def _from_match(text: str, folded: str, m: re.Match[str]) -> Quantity | None:
    num, unit, mag = m["num"], m["unit"], m["mag"] or m["mag2"]
    hedge, qstart = _hedge_before(folded, m.start())
    hedge = hedge or m["h1"] or m["h2"] or m["h3"]
    approx = _approximate(num) if not num[0].isdigit() else None
    try:
        value = float(approx[0]) * (number_value(mag) if mag else 1) \
            if approx else _value(num, mag)
        high = None
        if approx:
            high = value / approx[0] * approx[1]
        elif m["num2"]:
            high = _value(m["num2"], m["mag2"] or mag)
            if high <= value:
                return None  # 1—2 in a name or a dash, not a range
    except ValueError:
        return None
    unit = "%" if unit == "％" else unit
    verb = _change_verb(folded, qstart)
    kind = _kind(unit, verb, high)
    return Quantity(qstart, m.end(), text[qstart:m.end()], value, high, unit, hedge, kind,
                    verb if kind == "change" else None, num + (m["mag"] or ""))


def _bare_magnitudes(text: str, folded: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """A magnitude alone: after a hedge (超过万亿), or before a unit (万人, 亿元)."""
    out = []
    groups = _units()
    for m in _bare_magnitude_re().finditer(folded):
        before = folded[m.start() - 1] if m.start() > 0 else ""
        if re.match(rf"[\d{NUMERAL_CHARS}{MAGNITUDE_CHARS}上成（(/{_VAGUE_BEFORE}]", before):
            continue  # part of a number, vague (上万), or a table's unit label (（万元）)
        if not m["hedge"] and (not m["unit"] or groups[m["unit"]] == "time"):
            continue  # a magnitude alone counts before a unit, not a time (张万年)
        if _overlaps(m.start(), m.end(), taken):
            continue
        if any(folded.startswith(u, m.start("mag")) for u in _numeral_units()):
            continue  # 每千瓦时: a unit, not a magnitude
        value = number_value(m["mag"])
        out.append(Quantity(m.start(), m.end(), text[m.start():m.end()], value, None,
                            m["unit"], m["hedge"], "amount", None, m["mag"]))
    return out


def _chinese_percents(text: str, folded: str, taken: list[tuple[int, int]]
                      ) -> list[Quantity]:
    """百分之三十, 百分之九十九点九: a percentage in words."""
    out = []
    for m in re.finditer(rf"百分之(?P<n>{_ZH_DECIMAL})(?!几)", folded):
        if _overlaps(m.start(), m.end(), taken):
            continue  # 百分之十几: vague
        try:
            value = chinese_number(m["n"])
        except ValueError:
            continue
        hedge, start = _hedge_before(folded, m.start())
        out.append(Quantity(start, m.end(), text[start:m.end()], value, None, "%", hedge,
                            "change" if _change_verb(folded, start) else "percent",
                            _change_verb(folded, start), m["n"]))
    return out


def quantities(text: str) -> list[Quantity]:
    """The quantities of ``text`` (a paragraph or sentence of clean text), in order.

    >>> [(q.raw, q.value, q.unit, q.hedge) for q in quantities("投资300多亿元建设33个项目")]
    [('300多亿元', 30000000000.0, '元', '多'), ('33个', 33.0, '个', None)]
    """
    folded = fold(text)
    blocked = [(s, e) for s, e, _ in blocked_spans(folded)]
    out = [q for m in _quantity_re().finditer(folded)
           if not _skip(folded, m, blocked) and (q := _from_match(text, folded, m))]
    out += _chinese_percents(text, folded, [(q.start, q.end) for q in out] + blocked)
    out += _bare_magnitudes(text, folded, [(q.start, q.end) for q in out] + blocked)
    return sorted(out, key=lambda q: q.start)
