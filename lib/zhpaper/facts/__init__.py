"""Facts: quantities, dates and the page's own arithmetic, checked.

Policy news argues with numbers (近3.7万家, 97.7%, 同比增长156.5%). This module finds
every figure in the clean text of a page, normalises it, ties it to its sentence and raw
line, and recomputes the claims the page makes with them.

Conventions for quantities (:func:`quantities`, :func:`facts_frame`)
--------------------------------------------------------------------
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
* What a figure allows (:func:`hedge_interval`, one rule for every figure): a hedge
  reaches to the last printed digit (近3.7万 → 3.6万–3.7万, 3.4万余 → 3.4万–3.5万); an
  unhedged figure allows half a unit in its last printed digit (97.7% → 97.65–97.75),
  and a count of things (:func:`counts_things`: a whole value in a count unit) only
  the whole numbers in that, so 125家 is exactly 125 and 3.7万家 is 36,500–37,500.
  :mod:`zhpaper.intervals` carries these ranges through ratios.
* Not quantities: numbers after 第 or before 届/次全会/中全会 (ordinals); numeric slogans
  found by :func:`zhpaper.slogans.find` (三个责任, 4个重点领域); dates; names and
  idioms listed in ``data/units.toml`` (三年行动, 5G, 尼龙66, 一盘棋); a lone 一 before a
  measure word (一个缩影, 一批: an indefinite article, but 一年 is a year); numbers with
  neither unit nor magnitude (1、2号线); Chinese numerals read digit by digit (五一);
  vague numbers (几十年, 数十万, 上百个, 百分之十几); times of day (8时30分, 下午5点);
  fractions (三分之一); a numeral that begins a unit (千瓦, 千克).

Conventions for dates (:func:`date_mentions`, :func:`dates_frame`)
------------------------------------------------------------------
Years (2026年, 一九九八年), months (2021年9月, 12月, 元月), days (8月13日, a bare 13日),
periods (2021—2025), decades (90年代, 20世纪70年代), relative years (今年, 去年), months
(上月, 本月) and days (今天, 昨天, 今晚) and holidays (春节, 除夕, "五一"). Full-width
digits are read as digits. ``year``/``month``/``day`` are as printed; ``resolved`` is
ISO 8601 (``2024-08-13``, ``2022-12``, interval ``2021/2025``) or empty, ``status``
says where the year came from and ``note`` gives the evidence:

* ``printed``: the mention prints its year;
* ``page``: the year comes from elsewhere on the page: a date earlier in its sentence
  (从2022年5月…到12月), the nearest year named before it in its paragraph (a holiday,
  a bare day), or a masthead printed on the page (``2024年8月15日 星期四``);
* ``given``: from the date of publication the user gave (``read_page(path, date=…)``,
  ``Page.with_date``, ``--date``);
* ``relative``: it needs the date of publication, and neither the page nor the user
  gives it. Nothing is guessed: the note says so.

Relative words count from the date the text is told from: an article's dateline
(本报北京1月5日讯, 新华社北京12月31日电: a month and day before 讯 or 电, dated to the
latest such day not after the date of publication), else the date of publication. The
latest year a page prints as past (years after 到, 至, 力争 … are targets and do not
count) is reported as :attr:`PageYear.earliest`, a bound ("the page is from 2024 or
later"): it is never resolved against, since a page from the next year may print no
later year (that rule dated a 2025 article's 今年 2024).

Claim checks (:func:`checks`, :func:`checks_frame`)
---------------------------------------------------
Declarative rules in ``data/checks.toml`` match the facts of one sentence (or of a
paragraph) in reading order by role: kind, unit equal or convertible, words between
two facts (其中, 完成…目标), verb of change … A rule's formula recomputes a value; when the
page states it, the verdict is ``agrees`` or ``disagrees`` within a tolerance of half a
unit in the last printed digit of the stated value (97.7% → ±0.05); with a hedged
statement (600多亿元) the hedge's interval is used. With nothing to compare, the
verdict is ``derived``: a value the page implies (a previous year's revenue, a target).
"""

from __future__ import annotations

import ast
import datetime
import math
import operator
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..numbers import number_value

# ---------------------------------------------------------------------------- data


@cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("zhpaper").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(text)


def lexicon() -> dict[str, Any]:
    """The parsed ``data/units.toml`` (units, hedges, non-quantities, holidays)."""
    return _data("units.toml")


def rules() -> list[dict[str, Any]]:
    """The claim-check rules of ``data/checks.toml``."""
    return _data("checks.toml")["rule"]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    """unit → group (count, money, time, percent …)."""
    out: dict[str, str] = {}
    for group, words in lexicon()["units"].items():
        for w in words:
            out.setdefault(w, group)
    return out


_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH = r"[零〇一二两三四五六七八九十百千]+"
_ZH_DIGITS = set("零〇一二两三四五六七八九")
_ZH_DECIMAL = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"


def fold(text: str) -> str:
    """``text`` with full-width digits, letters and ``%.+-/`` folded to ASCII and a
    middle dot between digits read as a decimal point (``２·５％`` → ``2.5%``, as the
    1998 People's Daily prints it). One character for one: offsets stay valid."""
    from ..tokens import fold_width

    return re.sub(r"(?<=\d)·(?=\d)", ".", fold_width(text))


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    lex = lexicon()
    mag = _alt(lex["magnitudes"])
    after_num = _alt(lex["hedges"]["after_number"])
    after_unit = _alt(lex["hedges"]["after_unit"])
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
    return re.compile(rf"(?P<hedge>{_alt(lex['hedges']['before'])})?(?P<mag>"
                      rf"{_alt(lex['magnitudes'])})(?P<unit>{_alt(_units())})?")


#: A number right after one of these is vague, not read: 几十年, 数十万人.
_VAGUE_BEFORE = "几数"
#: 上百, 上千, 成千, 上万: "hundreds", "thousands", not a number.
_VAGUE_ROUND = re.compile(r"[上成][百千万]")


@lru_cache(maxsize=1)
def _numeral_units() -> tuple[str, ...]:
    """Units that begin with a numeral character (千瓦, 千克, 百分点)."""
    return tuple(u for u in _units() if u[0] in "零〇一二两三四五六七八九十百千万")


# ---------------------------------------------------------------------- quantities


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


def _overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for s, e in spans)


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
    for h in sorted(lexicon()["hedges"]["before"], key=len, reverse=True):
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
    scale = lexicon()["magnitudes"].get(mag, 1) if mag else 1
    if num == "半":
        return 0.5 * scale
    if "点" in num:  # 二点三万: a decimal written in words
        from ..numbers import chinese_number

        return chinese_number(num) * scale
    return number_value(num + (mag or ""))


def _skip(folded: str, m: re.Match[str], blocked) -> bool:
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
    from ..numbers import DIGITS

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
        value = float(approx[0]) * (lexicon()["magnitudes"].get(mag, 1) if mag else 1) \
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


def _bare_magnitudes(text: str, folded: str, taken) -> list[Quantity]:
    """A magnitude alone: after a hedge (超过万亿), or before a unit (万人, 亿元)."""
    out = []
    groups = _units()
    for m in _bare_magnitude_re().finditer(folded):
        before = folded[m.start() - 1] if m.start() > 0 else ""
        if re.match(rf"[\d零〇一二两三四五六七八九十百千万亿上成（(/{_VAGUE_BEFORE}]", before):
            continue  # part of a number, vague (上万), or a table's unit label (（万元）)
        if not m["hedge"] and (not m["unit"] or groups[m["unit"]] == "time"):
            continue  # a magnitude alone counts before a unit, not a time (张万年)
        if _overlaps(m.start(), m.end(), taken):
            continue
        if any(folded.startswith(u, m.start("mag")) for u in _numeral_units()):
            continue  # 每千瓦时: a unit, not a magnitude
        value = float(lexicon()["magnitudes"][m["mag"]])
        out.append(Quantity(m.start(), m.end(), text[m.start():m.end()], value, None,
                            m["unit"], m["hedge"], "amount", None, m["mag"]))
    return out


def _chinese_percents(text: str, folded: str, taken) -> list[Quantity]:
    """百分之三十, 百分之九十九点九: a percentage in words."""
    from ..numbers import chinese_number

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


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    raw: str
    kind: str  #: year, month, date, day, period, decade, relative or holiday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_end: int | None = None  #: last year of a period or decade
    relative: int | None = None  #: offset of 今年/上月/昨天 … from the date told from
    holiday: str | None = None
    relative_unit: str | None = None  #: what ``relative`` counts: year, month or day
    dateline: bool = False  #: a month and day followed by 讯 or 电 (本报北京1月5日讯)
    century: int | None = None  #: a decade's century offset (本世纪 0, 上世纪 −1)


_ZH_YEAR = r"(?:一九|二[〇零○])[零〇○一二三四五六七八九]{2}"
_YEAR = rf"(?:19|20)\d{{2}}|{_ZH_YEAR}"
#: An earlier year (1000–1899) is a year when 年 follows it alone (1871年在…), not a
#: number of years (1000多年, 1500年来, 800年前).
_OLD_YEAR = r"1[0-8]\d{2}(?=年(?!多|余|来|以来|前|左右|之久|间|历史))"
_MON = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元]"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DATELINE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*(?:星期|周)[一二三四五六日天]")
_TARGET = ("到", "至", "力争", "预计", "计划", "争取", "截至", "截止")
#: What the library says when a date needs the date of publication and has none.
NO_DATE = ("the page prints no date of publication (give it: read_page(path, date=…) "
           "or --date YYYY-MM-DD)")


def _int(s: str) -> int:
    from ..numbers import chinese_int

    if s == "元":  # 元月: January
        return 1
    return int(s) if s.isdigit() else chinese_int(s.replace("○", "〇"))


@dataclass(frozen=True)
class _DateRes:
    period: re.Pattern[str]
    full: re.Pattern[str]
    day: re.Pattern[str]
    decade: re.Pattern[str]
    holiday: re.Pattern[str]


@lru_cache(maxsize=1)
def _date_res() -> _DateRes:
    lex = lexicon()
    rel = _alt(list(lex["relative_years"]) + list(lex["relative_months"]))
    period = re.compile(rf"(?<!\d)(?P<y1>{_YEAR})年?\s*[—–\-~～至到]\s*"
                        rf"(?P<y2>{_YEAR})(?P<nian>年)?")
    full = re.compile(rf"(?:(?P<rel>{rel})|(?<!\d)(?P<y>{_YEAR}|{_OLD_YEAR})年)?"
                      rf"(?:(?<![\d个])(?P<m>{_MON})月(?:份)?(?:(?P<d>{_DAY})[日号])?)?")
    day = re.compile(r"(?<![\d.个一二三四五六七八九十])"
                     r"(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?)"
                     r"日(?!内|以内|之内|以上|左右|多|元|游)"
                     rf"|(?P<rel>{_alt(lex['relative_days'])})")
    decade = re.compile(r"(?:(?P<c>\d{2}|二十|十九|二十一)世纪|(?P<crel>本世纪|上世纪|上个世纪))?"
                        r"(?P<dec>\d{3}0|\d0|[一二三四五六七八九]十)年代")
    hol = re.compile(_alt(list(lex["holidays"]) + list(lex["lunar"])
                          + list(lex["lunar_offsets"])))
    return _DateRes(period, full, day, decade, hol)


def _not_dates(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for w in lexicon()["not_dates"]["words"]
            for m in re.finditer(re.escape(w), text)]


def _full_mention(m: re.Match[str], text: str) -> DateMention | None:
    lex = lexicon()
    if not (m["rel"] or m["y"] or m["m"]):
        return None
    if m["m"] and not (m["rel"] or m["y"]) and m.start() > 0 and text[m.start() - 1] in "第":
        return None
    month = _int(m["m"]) if m["m"] else None
    day = _int(m["d"]) if m["d"] else None
    if (month and not 1 <= month <= 12) or (day and not 1 <= day <= 31):
        return None
    year = _int(m["y"]) if m["y"] else None
    kind = "date" if day else "month" if month else "year" if year else "relative"
    rel, unit = None, None
    if m["rel"] in lex["relative_years"]:
        rel, unit = lex["relative_years"][m["rel"]], "year"
    elif m["rel"]:
        rel, unit = lex["relative_months"][m["rel"]], "month"
        kind = "date" if day else "relative"
    dateline = bool(day and not year and not rel and re.match(r"\s*[讯电]", text[m.end():]))
    return DateMention(m.start(), m.end(), m.group(), kind, year, month, day, relative=rel,
                       relative_unit=unit, dateline=dateline)


def _holiday_mentions(text: str, taken) -> list[DateMention]:
    out = []
    context_only = set(lexicon()["holiday_context_only"]["words"])
    for m in _date_res().holiday.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        if set(m.group()) <= set("一二三四五六七八九十") or m.group() in context_only:
            # 五一, 十一, 国庆: only quoted or before 节/假期 (十一届, 杨国庆 are no dates)
            quoted = text[m.start() - 1:m.start()] in "\"“‘『「" \
                and text[m.end():m.end() + 1] in "\"”’』」"
            if m.start() == 0 or not (quoted or re.match(
                    "节|假|期间|黄金周|当天|前夕|之际|来临|前后|观礼", text[m.end():])):
                continue
        out.append(DateMention(m.start(), m.end(), m.group(), "holiday", holiday=m.group()))
    return out


def _day_mention(m: re.Match[str]) -> DateMention:
    if m["rel"]:
        return DateMention(m.start(), m.end(), m.group(), "relative",
                           relative=lexicon()["relative_days"][m["rel"]], relative_unit="day")
    return DateMention(m.start(), m.end(), m.group(), "day", day=_int(m["d"]))


def _decade_mention(m: re.Match[str]) -> DateMention:
    dec = m["dec"]
    if len(dec) == 4:
        return DateMention(m.start(), m.end(), m.group(), "decade", int(dec),
                           year_end=int(dec) + 9)
    base = int(dec) if dec.isdigit() else _int(dec)
    if m["c"]:
        start = (_int(m["c"]) - 1) * 100 + base
        return DateMention(m.start(), m.end(), m.group(), "decade", start, year_end=start + 9)
    century = None if not m["crel"] else 0 if m["crel"] == "本世纪" else -1
    return DateMention(m.start(), m.end(), m.group(), "decade", None, year_end=base,
                       century=century)


def date_mentions(text: str) -> list[DateMention]:
    """Dates and periods of ``text`` in order (see the module docstring)."""
    folded = fold(text)
    res = _date_res()
    out = [DateMention(m.start(), m.end(), text[m.start():m.end()], "period", _int(m["y1"]),
                       year_end=_int(m["y2"])) for m in res.period.finditer(folded)]
    out += [_decade_mention(m) for m in res.decade.finditer(folded)
            if not _overlaps(m.start(), m.end(), [(d.start, d.end) for d in out])]
    taken = [(d.start, d.end) for d in out] + _not_dates(folded)
    for m in res.full.finditer(folded):
        if m.group() and not _overlaps(m.start(), m.end(), taken):
            d = _full_mention(m, folded)
            if d is not None:
                out.append(replace(d, raw=text[d.start:d.end]))
    taken = [(d.start, d.end) for d in out] + _not_dates(folded)
    out += [_day_mention(m) for m in res.day.finditer(folded)
            if not _overlaps(m.start(), m.end(), taken)]
    out += _holiday_mentions(folded, [(d.start, d.end) for d in out] + _not_dates(folded))
    return sorted((replace(d, raw=text[d.start:d.end]) for d in out), key=lambda d: d.start)


@dataclass(frozen=True)
class PageYear:
    """The date a page speaks from, and how it is known: ``given`` by the user
    (``read_page(path, date=…)``), ``stated`` by a masthead printed on the page, or
    ``unknown``. ``earliest`` is the latest year the page prints as past: the page is
    from that year or later. It is a bound, never a date to resolve against."""

    year: int | None
    how: str  #: given, stated or unknown
    evidence: str
    date: datetime.date | None = None
    earliest: int | None = None


def _masthead(page) -> tuple[datetime.date, str] | None:
    for k, line in enumerate(page.lines, 1):
        m = _DATELINE.search(fold(line))
        if m:
            try:
                return (datetime.date(int(m[1]), int(m[2]), int(m[3])),
                        f"masthead {line[m.start():m.end()]} (line {k})")
            except ValueError:
                continue
    return None


def _latest_past_year(page, audit=None) -> tuple[int, str] | None:
    from ..corpus import units

    best: tuple[int, str] | None = None
    for u in units(page, audit):
        for d in date_mentions(u.text):
            if d.year is None or d.kind in ("period", "decade"):
                continue
            if any(u.text[:d.start].endswith(w) for w in _TARGET):
                continue
            if best is None or d.year > best[0]:
                best = (d.year, f"{d.raw}, line {u.line_at(d.start)}")
    return best


def page_year(page, audit=None) -> PageYear:
    """The date a page speaks from (see the module docstring)."""
    masthead = _masthead(page)
    latest = _latest_past_year(page, audit)
    earliest = latest[0] if latest else None
    given = getattr(page, "date", None)
    if given is not None:
        evidence = f"date given: {given.isoformat()}"
        if masthead and masthead[0] != given:
            evidence += f" (the page prints {masthead[1]})"
        return PageYear(given.year, "given", evidence, given, earliest)
    if masthead:
        return PageYear(masthead[0].year, "stated", masthead[1], masthead[0], earliest)
    hint = (f"; the latest year it prints as past is {latest[0]} ({latest[1]}): it is "
            f"from {latest[0]} or later" if latest else "")
    return PageYear(None, "unknown", NO_DATE + hint, None, earliest)


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return ""
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


@dataclass(frozen=True)
class _Anchor:
    """The date a text is told from: the page's date, or an article's dateline."""

    date: datetime.date
    status: str  #: ``page`` (printed on the page) or ``given`` (by the user)
    why: str


@dataclass(frozen=True)
class _Context:
    """A year (and month) printed or resolved earlier in the sentence or paragraph."""

    year: int
    month: int | None
    status: str
    why: str


def _not_after(anchor: datetime.date, month: int, day: int | None = None) -> int:
    """The year of the latest (month, day) not after ``anchor``."""
    return anchor.year if (month, day or 1) <= (anchor.month, anchor.day) else anchor.year - 1


def _shift_month(d: datetime.date, months: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + months
    return k // 12, k % 12 + 1


def _relative(d: DateMention, anchor: _Anchor | None) -> tuple[str, str, str]:
    word = d.raw[:_relative_word_length(d)]
    if anchor is None:
        return "", "relative", f"relative: {word} counts from the date of publication; {NO_DATE}"
    a = anchor.date
    if d.relative_unit == "day":
        got = a + datetime.timedelta(days=d.relative)
        return got.isoformat(), anchor.status, f"{word} = {got.isoformat()}, from {anchor.why}"
    if d.relative_unit == "month":
        y, m = _shift_month(a, d.relative)
        return _iso(y, m, d.day), anchor.status, f"{word} = {_iso(y, m)}, from {anchor.why}"
    y = a.year + d.relative
    return _iso(y, d.month, d.day), anchor.status, f"{word} = {y}, from {anchor.why}"


def _relative_word_length(d: DateMention) -> int:
    lex = lexicon()
    words = list(lex["relative_years"]) + list(lex["relative_months"]) + list(
        lex["relative_days"])
    return max((len(w) for w in words if d.raw.startswith(w)), default=len(d.raw))


def _holiday(d: DateMention, ctx: _Context | None, anchor: _Anchor | None
             ) -> tuple[str, str, str]:
    lex = lexicon()
    if ctx is not None:
        base, status, why = ctx.year, ctx.status, ctx.why
    elif anchor is not None:
        base, status, why = anchor.date.year, anchor.status, anchor.why
    else:
        return "", "relative", f"relative: {d.raw} is named without a year; {NO_DATE}"
    name, shift = d.holiday, 0
    if name in lex["lunar_offsets"]:
        name, shift = lex["lunar_offsets"][name]
    if name in lex["lunar"]:
        md = lex["lunar"][name].get(str(base))
        if md is None:
            return str(base), status, f"lunar holiday; no table entry for {base}"
        day = datetime.date.fromisoformat(f"{base}-{md}") + datetime.timedelta(days=shift)
        return day.isoformat(), status, f"{d.holiday} of {base}, year from {why}"
    month, day, offset = lex["holidays"][name]
    return _iso(base + offset, month, day), status, f"holiday {d.holiday}, year from {why}" + (
        f", offset {offset:+d}" if offset else "")


def _decade(d: DateMention, anchor: _Anchor | None) -> tuple[str, str, str]:
    if d.year is not None:
        return f"{d.year}/{d.year_end}", "printed", "decade printed with its century"
    if anchor is None:
        return "", "relative", f"relative: {d.raw} does not print its century; {NO_DATE}"
    century = anchor.date.year // 100 * 100
    start = century + d.year_end + 100 * (d.century or 0)
    if d.century is None and start > anchor.date.year:
        start -= 100
    return f"{start}/{start + 9}", anchor.status, f"century from {anchor.why}"


def _day(d: DateMention, ctx: _Context | None, anchor: _Anchor | None
         ) -> tuple[str, str, str]:
    if ctx is not None and ctx.month is not None:
        return _iso(ctx.year, ctx.month, d.day), ctx.status, f"month from {ctx.why}"
    if anchor is None:
        return "", "relative", f"relative: {d.raw} prints no month; {NO_DATE}"
    a = anchor.date
    y, m = (a.year, a.month) if d.day <= a.day else _shift_month(a, -1)
    return _iso(y, m, d.day), anchor.status, f"the latest {d.raw} not after {anchor.why}"


def _resolve(d: DateMention, ctx: _Context | None, anchor: _Anchor | None
             ) -> tuple[str, str, str]:
    """``(resolved, status, note)`` of one mention (see the module docstring)."""
    if d.kind == "period":
        return f"{d.year}/{d.year_end}", "printed", "period printed in full"
    if d.kind == "decade":
        return _decade(d, anchor)
    if d.year is not None:
        return _iso(d.year, d.month, d.day), "printed", "printed in full"
    if d.relative is not None:
        return _relative(d, anchor)
    if d.kind == "holiday":
        return _holiday(d, ctx, anchor)
    if d.kind == "day":
        return _day(d, ctx, anchor)
    if ctx is not None:
        return _iso(ctx.year, d.month, d.day), ctx.status, f"year from {ctx.why}"
    if anchor is None:
        return "", "relative", f"relative: {d.raw} prints no year; {NO_DATE}"
    if d.dateline:
        year = _not_after(anchor.date, d.month, d.day)
        return (_iso(year, d.month, d.day), anchor.status,
                f"dateline: the latest {d.raw} not after {anchor.why}")
    note = f"year not printed: the year of {anchor.why}"
    if (d.month, d.day or 1) > (anchor.date.month, anchor.date.day):
        note += " (a later day of that year: a plan, or last year's date)"
    return _iso(anchor.date.year, d.month, d.day), anchor.status, note


def _context(d: DateMention, earlier: list[tuple[DateMention, str, str]],
             sentence_start: int) -> _Context | None:
    """The nearest earlier mention giving ``d`` its year: in the same sentence, or in
    the paragraph for a holiday or a day; a day needs a month as well."""
    for prev, resolved, status in reversed(earlier):
        if prev.kind in ("period", "decade", "holiday"):
            continue  # a holiday names no year of its own
        if not resolved:
            if prev.year is not None or prev.relative_unit == "year":
                return None  # the nearest year named is itself unknown (去年, no date)
            continue
        if d.kind not in ("holiday", "day") and prev.start < sentence_start:
            break
        month = int(resolved[5:7]) if len(resolved) >= 7 else None
        if d.kind == "day" and month is None:
            continue
        scope = "paragraph" if d.kind in ("holiday", "day") else "sentence"
        return _Context(int(resolved[:4]), month, "page" if status == "printed" else status,
                        f"{prev.raw} earlier in the {scope}")
    return None


def _anchors(page, units_, py: PageYear) -> dict[str, _Anchor | None]:
    """Each article's anchor: its dateline (本报北京1月5日讯) dated by the page's date,
    else the page's date; ``None`` without a date of publication."""
    if py.date is None:
        return {}
    status = "given" if py.how == "given" else "page"
    page_anchor = _Anchor(py.date, status, f"the date {'given' if status == 'given' else 'printed'}"
                          f" ({py.date.isoformat()})")
    out: dict[str, _Anchor | None] = {}
    texts = [(a.id, a.byline.text) for a in page.articles if a.byline is not None]
    texts += [(u.article, u.text) for u in units_ if u.kind != "paragraph" or u.paragraph == 1]
    for article, text in texts:  # a dateline opens an article: its byline, header or lead
        out.setdefault(article, page_anchor)
        line = next((d for d in date_mentions(text) if d.dateline), None)
        if out[article] is not page_anchor or line is None:
            continue
        try:
            day = datetime.date(_not_after(py.date, line.month, line.day), line.month, line.day)
        except ValueError:
            continue
        out[article] = _Anchor(day, status, f"the dateline {line.raw} ({day.isoformat()}, "
                                 f"year from {page_anchor.why})")
    return out


DATE_COLUMNS = ["article", "paragraph", "line", "raw", "kind", "year", "month", "day",
                "resolved", "status", "note", "sentence"]


def dates_frame(page, audit=None):
    """One row per date or period: ``article``, ``paragraph``, ``line``, ``raw``,
    ``kind``, ``year``, ``month``, ``day``, ``resolved`` (ISO 8601, empty if the date
    stays relative), ``status`` (``printed``: the mention prints its year; ``page``: the
    year comes from elsewhere on the page; ``given``: from the date the user gave;
    ``relative``: it needs the date of publication, which neither the page nor the user
    gives), ``note`` (the evidence, or the reason it stays relative), ``sentence``."""
    import pandas as pd

    from ..corpus import sentences, units

    py = page_year(page, audit)
    all_units = units(page, audit)
    anchors = _anchors(page, all_units, py)
    rows = []
    for u in all_units:
        spans = sentences(u.text)
        earlier: list[tuple[DateMention, str, str]] = []
        for d in date_mentions(u.text):
            sent = next(((s, e) for s, e in spans if s <= d.start < e), (0, len(u.text)))
            resolved, status, note = _resolve(d, _context(d, earlier, sent[0]),
                                              anchors.get(u.article))
            earlier.append((d, resolved, status))
            rows.append((u.article, u.paragraph, u.line_at(d.start), d.raw, d.kind, d.year,
                         d.month, d.day, resolved, status, note, u.text[sent[0]:sent[1]]))
    frame = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return frame.astype({"paragraph": "Int64", "year": "Int64", "month": "Int64",
                         "day": "Int64"})


def timeline(page, audit=None, article: str | None = None):
    """The resolved dates of each article (or of one), in time order: ``article``,
    ``resolved``, ``raw``, ``line``, ``sentence``. Dates left relative come last."""
    frame = dates_frame(page, audit)
    if article is not None:
        frame = frame[frame["article"] == article]
    frame = frame.assign(_partial=frame["resolved"] == "")
    frame = frame.sort_values(["article", "_partial", "resolved", "line"], kind="stable")
    return frame[["article", "resolved", "raw", "kind", "line", "sentence"]].reset_index(
        drop=True)


# --------------------------------------------------------------------------- facts


FACT_COLUMNS = ["article", "kind_of_unit", "paragraph", "line", "start", "end", "raw",
                "value", "value_high", "unit", "hedge", "kind", "verb", "sentence"]


def facts_frame(page, audit=None):
    """One row per quantity. ``kind_of_unit`` is the text unit (headline, paragraph …);
    ``start``/``end`` are offsets in the unit's clean text, ``line`` the raw line of the
    first character; ``sentence`` the clean sentence holding the quantity."""
    import pandas as pd

    from ..corpus import sentences, units

    rows = []
    for u in units(page, audit):
        spans = sentences(u.text)
        for q in quantities(u.text):
            s, e = next(((s, e) for s, e in spans if s <= q.start < e), (0, len(u.text)))
            rows.append((u.article, u.kind, u.paragraph, u.line_at(q.start), q.start, q.end,
                         q.raw, q.value, q.value_high, q.unit, q.hedge, q.kind, q.verb,
                         u.text[s:e]))
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    return frame.astype({"paragraph": "Int64", "value": float, "value_high": float})


def label_by_cue(frame, texts: Mapping[int, str], cues: Mapping[str, str], width: int = 10):
    """Name each figure by the words printed just before it, so that a reader can check
    every name. ``frame`` holds rows of :func:`facts_frame` (``paragraph``, ``start``);
    ``texts`` maps a paragraph number to its clean text; ``cues`` maps a cue (the words
    that end right before a figure, at most ``width`` characters) to a label. Returns
    a copy with ``before`` (the ``width`` characters before the figure) and ``label``.

    The cues are the reader's, written for one page: a figure that no cue names, or two
    figures with one label, raise :class:`~zhpaper.errors.ZhpaperError`."""
    from ..errors import ZhpaperError

    out = frame.copy()
    out["before"] = [texts[p][max(0, s - width):s]
                     for p, s in zip(out["paragraph"], out["start"], strict=True)]
    out["label"] = [next((name for cue, name in cues.items() if b.endswith(cue)), None)
                    for b in out["before"]]
    missing = out[out["label"].isna()]
    if len(missing):
        raise ZhpaperError(f"no cue names {missing['raw'].iloc[0]} "
                           f"(printed after {missing['before'].iloc[0]!r})")
    twice = out[out["label"].duplicated(keep=False)]
    if len(twice):
        raise ZhpaperError(f"two figures labelled {twice['label'].iloc[0]!r}: "
                           + ", ".join(twice["raw"]))
    return out


# -------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Check:
    article: str
    line: int
    rule: str
    title: str
    inputs: tuple[dict[str, Any], ...]  #: role, raw, line, value, unit
    formula: str
    result: float
    unit: str | None
    stated: str | None  #: the stated value's raw text
    stated_value: float | None
    tolerance: str
    verdict: str  #: agrees, disagrees or derived
    note: str = ""


@dataclass
class _Fact:
    q: Quantity
    line: int
    sentence: int
    offset: int  #: start in the unit's text
    base: float = field(default=0.0)  #: value in the conversion's base unit
    base_unit: str | None = None


def _convert(q: Quantity) -> tuple[float, str | None]:
    conv = lexicon()["conversions"]
    if q.unit in conv:
        factor, base = conv[q.unit]
        return q.value * factor, base
    return q.value, q.unit


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv, ast.USub: operator.neg}


def evaluate(formula: str, env: dict[str, Any]) -> float:
    """Evaluate a rule's formula: numbers, role names, + − × ÷, parentheses and
    ``sum(role)``. Nothing else is allowed (rules are data, not code)."""

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.operand))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "sum" \
                and len(node.args) == 1:
            return float(sum(ev(node.args[0])))
        raise ValueError(f"formula not allowed: {formula!r}")

    return ev(ast.parse(formula, mode="eval"))


def _role_ok(role: dict, f: _Fact, prev: _Fact | None, bound: dict[str, Any], text: str,
             facts: list[_Fact]) -> bool:
    q = f.q
    if "kind" in role and q.kind not in role["kind"]:
        return False
    if "unit" in role and q.unit not in role["unit"]:
        return False
    if "hedged" in role and bool(q.hedge) != role["hedged"]:
        return False
    if "verb" in role and verb_direction(q.verb) != {"up": 1, "down": -1}[role["verb"]]:
        return False
    ref = bound.get(role.get("same_unit") or role.get("convertible")
                    or role.get("comparable") or "")
    if ref is not None:
        ref = ref[0] if isinstance(ref, list) else ref
        if "same_unit" in role and q.unit != ref.q.unit:
            return False
        if "convertible" in role and (f.base_unit != ref.base_unit or q.unit == ref.q.unit):
            return False
        if "comparable" in role and f.base_unit != ref.base_unit:
            return False
    le = bound.get(role.get("le", ""))
    if le is not None and f.base > le.base:
        return False
    between = text[prev.offset + len(prev.q.raw) if prev else 0:f.offset]
    if "between" in role and not any(w in between for w in role["between"]):
        return False
    if "not_between" in role and any(w in between for w in role["not_between"]):
        return False
    if "before" in role:
        lead = text[max(0, f.offset - role.get("before_chars", 3)):f.offset]
        if not any(w in lead for w in role["before"]):
            return False
    if role.get("nearest") and prev is not None:
        lo, hi = prev.offset, f.offset
        if any(lo < g.offset < hi and g.q.unit == q.unit for g in facts):
            return False
    if role.get("next") and prev is not None:
        if any(prev.offset < g.offset < f.offset for g in facts):
            return False
    return True


def _match(rule: dict, facts: list[_Fact], text: str) -> list[dict[str, Any]]:
    """Every assignment of facts (in reading order) to the rule's roles."""
    roles = rule["roles"]
    found: list[dict[str, Any]] = []

    def go(k: int, at: int, prev: _Fact | None, bound: dict[str, Any]) -> None:
        if k == len(roles):
            found.append(dict(bound))
            return
        role = roles[k]
        for i in range(at, len(facts)):
            f = facts[i]
            if not _role_ok(role, f, prev, bound, text, facts):
                continue
            if role.get("repeat"):
                group, j = [f], i + 1
                while j < len(facts) and _role_ok({**role, "between": [""]}, facts[j],
                                                  group[-1], bound, text, facts) \
                        and facts[j].q.unit == f.q.unit:
                    group.append(facts[j])
                    j += 1
                if len(group) >= role.get("min", 2):
                    go(k + 1, j, group[-1], {**bound, role["name"]: group})
                return
            go(k + 1, i + 1, f, {**bound, role["name"]: f})
            if role.get("first", True) and k > 0:
                return  # the first fact that fits a later role, not every one

    go(0, 0, None, {})
    return found


def _fmt(v: float) -> str:
    if v == 0:
        return "0"
    if abs(v) >= 1e8:
        return f"{v / 1e8:.6g}亿"
    if abs(v) >= 1e4:
        return f"{v / 1e4:.6g}万"
    return f"{v:.6g}"


def _check(rule: dict, bound: dict[str, Any], article: str) -> Check:
    env: dict[str, Any] = {}
    inputs = []
    for role in rule["roles"]:
        got = bound[role["name"]]
        for f in got if isinstance(got, list) else [got]:
            inputs.append({"role": role["name"], "raw": f.q.raw, "line": f.line,
                           "value": f.q.value, "unit": f.q.unit})
        env[role["name"]] = [f.base for f in got] if isinstance(got, list) else got.base
    result = evaluate(rule["formula"], env)
    shown = rule["formula"]
    for name in sorted(env, key=len, reverse=True):
        v = env[name]
        shown = re.sub(rf"\b{name}\b", "(" + " + ".join(_fmt(x) for x in v) + ")"
                       if isinstance(v, list) else _fmt(v), shown)
    unit = rule.get("result_unit")
    if unit and unit.startswith("@"):
        ref = bound[unit[1:]]
        unit = (ref[0] if isinstance(ref, list) else ref).base_unit
    first = min(i["line"] for i in inputs)
    stated_role = rule.get("stated")
    if stated_role is None:
        hedged = [i["raw"] for i in inputs if bound[i["role"]] and any(
            f.q.hedge for f in (bound[i["role"]] if isinstance(bound[i["role"]], list)
                                else [bound[i["role"]]]))]
        note = "approximate: hedged inputs " + ", ".join(dict.fromkeys(hedged)) if hedged else ""
        return Check(article, first, rule["name"], rule.get("title", ""), tuple(inputs),
                     shown, result, unit, None, None, "", "derived", note)
    s = bound[stated_role]
    if s.q.hedge and s.q.hedge in ("多", "余", "近", "约", "大约", "超", "超过", "逾", "以上",
                                   "以内", "左右", "将近", "接近", "不足", "不到"):
        lo, hi = hedge_interval(s.q)
        tol = f"hedge {s.q.hedge}: [{_fmt(lo)}, {_fmt(hi)}]"
    else:
        r = rounding(s.q)
        lo, hi = s.q.value - r, s.q.value + r
        tol = f"±{_fmt(r)} (half a unit in the last printed digit of {s.q.raw})"
    factor = s.base / s.q.value if s.q.value else 1.0
    lo, hi = lo * factor, hi * factor
    verdict = "agrees" if lo - 1e-9 * abs(hi) <= result <= hi + 1e-9 * abs(hi) else "disagrees"
    return Check(article, first, rule["name"], rule.get("title", ""), tuple(inputs), shown,
                 result, unit, s.q.raw, s.base, tol, verdict)


def checks(page, audit=None) -> list[Check]:
    """Every claim check that the rules of ``data/checks.toml`` find on ``page``."""
    from ..corpus import sentences, units

    out: list[Check] = []
    for u in units(page, audit):
        spans = sentences(u.text)
        facts = []
        for q in quantities(u.text):
            k = next((k for k, (s, e) in enumerate(spans) if s <= q.start < e), 0)
            base, base_unit = _convert(q)
            facts.append(_Fact(q, u.line_at(q.start), k, q.start, base, base_unit))
        for rule in rules():
            scope = rule.get("scope", "sentence")
            groups = ([[f for f in facts if f.sentence == k] for k in range(len(spans))]
                      if scope == "sentence" else [facts])
            for group in groups:
                for bound in _match(rule, group, u.text):
                    out.append(_check(rule, bound, u.article))
    seen, unique = set(), []
    for c in out:
        key = (c.rule, tuple((i["raw"], i["line"]) for i in c.inputs))
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


CHECK_COLUMNS = ["article", "line", "rule", "inputs", "formula", "result", "unit", "stated",
                 "tolerance", "verdict", "note"]


def checks_frame(page, audit=None):
    """One row per claim check: ``article``, ``line`` (first input), ``rule``, ``inputs``
    (``role=raw@line``, joined by ``; ``), ``formula`` (with the numbers), ``result``,
    ``unit``, ``stated`` (raw, if the page states the value), ``tolerance``,
    ``verdict`` (agrees, disagrees, derived), ``note``."""
    import pandas as pd

    rows = [(c.article, c.line, c.rule,
             "; ".join(f"{i['role']}={i['raw']}@{i['line']}" for i in c.inputs),
             c.formula, c.result, c.unit, c.stated, c.tolerance, c.verdict, c.note)
            for c in checks(page, audit)]
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def to_json(page, audit=None) -> dict[str, Any]:
    """The ``zhpaper.facts/1`` document printed by ``python -m zhpaper facts``."""
    facts = facts_frame(page, audit)
    dates = dates_frame(page, audit)
    py = page_year(page, audit)

    import pandas as pd

    def clean(v):
        if v is None or pd.isna(v):
            return None
        if hasattr(v, "item"):
            v = v.item()
        return int(v) if isinstance(v, float) and v.is_integer() else v

    return {
        "schema": "zhpaper.facts/1",
        "source": {"path": page.path, "sha256": page.sha256},
        "page_year": {"year": py.year, "how": py.how, "evidence": py.evidence,
                      "date": py.date.isoformat() if py.date else None,
                      "earliest": py.earliest},
        "facts": [{"article": r.article, "line": int(r.line), "raw": r.raw,
                   "value": clean(r.value), "value_high": clean(r.value_high),
                   "unit": clean(r.unit), "hedge": clean(r.hedge), "kind": r.kind,
                   "verb": clean(r.verb),
                   "sentence": r.sentence} for r in facts.itertuples()],
        "dates": [{"article": r.article, "line": int(r.line), "raw": r.raw, "kind": r.kind,
                   "year": clean(r.year), "month": clean(r.month), "day": clean(r.day),
                   "resolved": clean(r.resolved) or None, "status": r.status,
                   "note": clean(r.note)}
                  for r in dates.itertuples()],
        "checks": [{"article": c.article, "line": c.line, "rule": c.rule,
                    "inputs": list(c.inputs), "formula": c.formula,
                    "result": round(c.result, 6), "unit": c.unit, "stated": c.stated,
                    "tolerance": c.tolerance, "verdict": c.verdict, "note": c.note}
                   for c in checks(page, audit)],
    }


__all__ = ["CHECK_COLUMNS", "Check", "DATE_COLUMNS", "DateMention", "FACT_COLUMNS", "NO_DATE",
           "PageYear", "Quantity", "blocked_spans", "checks", "checks_frame", "counts_things",
           "date_mentions", "dates_frame", "evaluate", "facts_frame", "fold",
           "hedge_interval", "label_by_cue", "lexicon", "page_year", "quantities",
           "rounding", "rules", "timeline", "to_json", "verb_direction"]
