"""Facts: quantities, dates and the page's own arithmetic, checked.

Policy news argues with numbers (近3.7万家, 97.7%, 同比增长156.5%). This module finds
every figure in the clean text of a page, normalises it, ties it to its sentence and raw
line, and recomputes the claims the page makes with them.

Conventions for quantities (:func:`quantities`, :func:`facts_frame`)
--------------------------------------------------------------------
* A quantity is a number (Arabic ``3.7``, ``1,356.5`` or Chinese ``十三``, ``两百``,
  ``半``) with an optional magnitude (万, 亿, 万亿, 千), optional hedges and a unit
  from ``data/units.toml``. ``raw`` runs from the hedge before the number to the unit
  or the hedge after it: ``近3.7万家``, ``300多亿元``, ``70个工作日以内``.
* ``value`` is the number times its magnitude: the magnitude leaves the unit
  (``300多亿元`` → 3.0e10 元, ``2.18万P`` → 21800 P). Other units are kept as printed
  (个月, 毫秒); conversions between them are data, used by the claim checks.
* ``hedge`` is the word as printed: before the number (近, 约, 大约, 超过, 超, 逾, 达, 达到,
  不低于 …, with an optional 是 between: ``大约是4亿元``) or after it (余, 多, 以内 …).
  A hedge qualifies a value; it never changes it.
* ``kind``: ``percent`` (a share or level, unit %), ``change`` (a percentage or multiple
  right after a verb of change: ``同比增长156.5%``; the verb is in ``verb``, the value
  stays as printed), ``multiple`` (倍), ``range`` (``3至5家``, ``20—30万元``: the
  magnitude of the second number also applies to the first; ``value_high`` is set),
  else ``amount``.
* Not quantities: numbers after 第 or before 届/次全会/中全会 (ordinals); numeric slogans
  found by :func:`zhpaper.slogans.find` (三个责任, 4个重点领域); dates; names and
  idioms listed in ``data/units.toml`` (三年行动, 5G, 尼龙66, 一盘棋); a lone 一 before a
  measure word (一个缩影, 一批: an indefinite article, but 一年 is a year); numbers with
  neither unit nor magnitude (1、2号线); Chinese numerals read digit by digit (五一).

Conventions for dates (:func:`date_mentions`, :func:`dates_frame`)
------------------------------------------------------------------
Years (2026年), months (2021年9月, 12月), days (8月13日), periods (2021—2025), relative
years (今年, 去年) and holidays (春节, "五一"). ``year``/``month``/``day`` are as printed;
``resolved`` is ISO 8601 (``2024-08-13``, ``2022-12``, interval ``2021/2025``) or empty
when the page gives no evidence, and ``note`` says which evidence was used. A date
without a year takes the year of a date earlier in its sentence (从2022年5月…到12月), a
holiday the year of the nearest year named before it in its paragraph, and otherwise
the page's year. The page's year is the date of a masthead (``2024年8月15日 星期四``)
when the page has one, else *inferred* as the latest year the page prints as past
(years after 到, 至, 力争 … are targets and do not count); the note says which.

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
import operator
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .numbers import number_value

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


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    lex = lexicon()
    mag = _alt(lex["magnitudes"])
    after_num = _alt(lex["hedges"]["after_number"])
    after_unit = _alt(lex["hedges"]["after_unit"])
    units = _alt(_units())
    return re.compile(
        rf"(?P<num>{_AR}|{_ZH}|半)(?P<h1>{after_num})?(?P<mag>{mag})?"
        rf"(?:(?P<u1>%|％)?(?P<sep>[—–\-~～至到])(?P<num2>{_AR}|{_ZH})(?P<mag2>{mag})?)?"
        rf"(?P<h2>{after_num})?(?P<unit>{units})?(?P<h3>{after_unit})?")


@lru_cache(maxsize=1)
def _bare_magnitude_re() -> re.Pattern[str]:
    lex = lexicon()
    return re.compile(rf"(?P<hedge>{_alt(lex['hedges']['before'])})(?P<mag>"
                      rf"{_alt(lex['magnitudes'])})(?P<unit>{_alt(_units())})?")


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
    ``idiom`` or ``date``."""
    from . import slogans

    out = [(s.start, s.end, "slogan") for s in slogans.find(text)]
    nq = lexicon()["not_quantities"]
    for reason, words in (("name", nq["names"]), ("idiom", nq["idioms"])):
        for w in words:
            out += [(m.start(), m.end(), reason) for m in re.finditer(re.escape(w), text)]
    for pattern in nq["name_patterns"]:
        out += [(m.start(), m.end(), "name") for m in re.finditer(pattern, text)]
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
    return number_value(num + (mag or "")) if num != "半" else 0.5 * (
        lexicon()["magnitudes"].get(mag, 1) if mag else 1)


def quantities(text: str) -> list[Quantity]:
    """The quantities of ``text`` (a paragraph or sentence of clean text), in order.

    >>> [(q.raw, q.value, q.unit, q.hedge) for q in quantities("投资300多亿元建设33个项目")]
    [('300多亿元', 30000000000.0, '元', '多'), ('33个', 33.0, '个', None)]
    """
    blocked = [(s, e) for s, e, _ in blocked_spans(text)]
    groups = _units()
    out: list[Quantity] = []
    for m in _quantity_re().finditer(text):
        num, unit, mag = m["num"], m["unit"], m["mag"] or m["mag2"]
        start, num_end = m.start(), m.end("num")
        if _overlaps(start, m.end(), blocked) or _is_ordinal(text, start, num_end):
            continue
        chinese = not num[0].isdigit()
        if start > 0 and re.match(r"[A-Za-z0-9.]", text[start - 1]):
            continue  # part of a code or model name (GB2312)
        if chinese and num != "半" and len(num) > 1 and all(c in _ZH_DIGITS for c in num):
            continue  # digit by digit: 五一, 唯一一个
        if num == "半" and (unit is None or groups.get(unit) == "count"):
            continue  # 半导体; 半个 is rare enough to leave
        if num == "一" and not mag and groups.get(unit or "") == "count":
            continue  # indefinite article: 一个缩影, 一批
        if unit is None and not (mag and not chinese):
            continue  # no unit: a name or a label (尼龙66), or 千万 as an adverb
        if m["u1"] and unit not in ("%", "％"):
            continue
        hedge, qstart = _hedge_before(text, start)
        after = m["h1"] or m["h2"] or m["h3"]
        hedge = hedge or after
        try:
            high = None
            if m["num2"]:
                value = _value(num, mag)
                high = _value(m["num2"], m["mag2"] or mag)
                if high <= value:
                    continue  # 1—2 in a name or a dash, not a range
            else:
                value = _value(num, mag)
        except ValueError:
            continue
        if unit in ("％",):
            unit = "%"
        group = groups.get(unit or "")
        verb = _change_verb(text, qstart)
        if high is not None:
            kind = "range"
        elif verb and group in ("percent", "multiple"):
            kind = "change"
        elif group == "percent":
            kind = "percent"
        elif group == "multiple":
            kind = "multiple"
        else:
            kind = "amount"
        printed = num + (m["mag"] or "")
        out.append(Quantity(qstart, m.end(), text[qstart:m.end()], value, high, unit, hedge,
                            kind, verb if kind == "change" else None, printed))
    taken = [(q.start, q.end) for q in out]
    for m in _bare_magnitude_re().finditer(text):  # 超过万亿: a magnitude alone
        if m.start() > 0 and re.match(r"[\d零〇一二两三四五六七八九十百千]", text[m.start() - 1]):
            continue
        if _overlaps(m.start(), m.end(), taken + blocked):
            continue
        value = float(lexicon()["magnitudes"][m["mag"]])
        out.append(Quantity(m.start(), m.end(), m.group(), value, None, m["unit"], m["hedge"],
                            "amount", None, m["mag"]))
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


def hedge_interval(q: Quantity) -> tuple[float, float]:
    """The values a hedged quantity allows: 600多 → [600, 700), 近1.9万 → [1.8万, 1.9万],
    约4亿 → [3.5亿, 4.5亿]; an unhedged one allows its rounding."""
    v = q.value
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
    return v - r, v + r


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    raw: str
    kind: str  #: year, month, date, day, period, relative or holiday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_end: int | None = None  #: last year of a period
    relative: int | None = None  #: offset of 今年/去年 … from the page year
    holiday: str | None = None


_YEAR = r"(?:19|20)\d{2}"
_MON = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DATELINE = re.compile(rf"({_YEAR})年(\d{{1,2}})月(\d{{1,2}})日\s*(?:星期|周)[一二三四五六日天]")
_TARGET = ("到", "至", "力争", "预计", "计划", "争取", "截至", "截止")


def _int(s: str) -> int:
    from .numbers import chinese_int

    return int(s) if s.isdigit() else chinese_int(s)


@lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rel = _alt(lexicon()["relative_years"])
    period = re.compile(rf"(?<!\d)(?P<y1>{_YEAR})年?\s*[—–\-~～至到]\s*"
                        rf"(?P<y2>{_YEAR})(?P<nian>年)?")
    full = re.compile(rf"(?:(?P<rel>{rel})|(?<!\d)(?P<y>{_YEAR})年)?"
                      rf"(?:(?<![\d个])(?P<m>{_MON})月(?:份)?(?:(?P<d>{_DAY})[日号])?)?")
    hol = re.compile(_alt(list(lexicon()["holidays"]) + list(lexicon()["lunar"])))
    return period, full, hol


def date_mentions(text: str) -> list[DateMention]:
    """Dates and periods of ``text`` in order (see the module docstring)."""
    period, full, hol = _date_res()
    out: list[DateMention] = []
    for m in period.finditer(text):
        out.append(DateMention(m.start(), m.end(), m.group(), "period", int(m["y1"]),
                               year_end=int(m["y2"])))
    taken = [(d.start, d.end) for d in out]
    rel_years = lexicon()["relative_years"]
    for m in full.finditer(text):
        if not m.group() or _overlaps(m.start(), m.end(), taken):
            continue
        if not (m["rel"] or m["y"] or m["m"]):
            continue
        if m["m"] and not (m["rel"] or m["y"]) and m.start() > 0 and text[m.start() - 1] in "第":
            continue
        month = _int(m["m"]) if m["m"] else None
        day = _int(m["d"]) if m["d"] else None
        if (month and not 1 <= month <= 12) or (day and not 1 <= day <= 31):
            continue
        year = int(m["y"]) if m["y"] else None
        kind = "date" if day else "month" if month else "year" if year else "relative"
        out.append(DateMention(m.start(), m.end(), m.group(), kind, year, month, day,
                               relative=rel_years.get(m["rel"]) if m["rel"] else None))
    taken = [(d.start, d.end) for d in out]
    numerals = set("一二三四五六七八九十")
    for m in hol.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        if set(m.group()) <= numerals:  # 五一, 十一: only quoted or before 节/假期
            quoted = text[m.start() - 1:m.start()] in "\"“" and text[m.end():m.end() + 1] in "\"”"
            if m.start() == 0 or not (quoted or re.match("节|假|期间|黄金周|当天", text[m.end():])):
                continue
        out.append(DateMention(m.start(), m.end(), m.group(), "holiday", holiday=m.group()))
    return sorted(out, key=lambda d: d.start)


@dataclass(frozen=True)
class PageYear:
    """The page's year and how it was found (``stated`` from a masthead, or
    ``inferred`` from the latest past year printed on the page)."""

    year: int | None
    how: str  #: stated, inferred or unknown
    evidence: str


def page_year(page, audit=None) -> PageYear:
    """The year a page speaks from (see the module docstring)."""
    from .corpus import units

    for k, line in enumerate(page.lines, 1):
        m = _DATELINE.search(line)
        if m:
            return PageYear(int(m[1]), "stated", f"dateline {m.group()} (line {k})")
    best: tuple[int, str] | None = None
    for u in units(page, audit):
        for d in date_mentions(u.text):
            if d.year is None or d.kind == "period":
                continue
            if any(u.text[:d.start].endswith(w) for w in _TARGET):
                continue
            if best is None or d.year > best[0]:
                best = (d.year, f"{d.raw} (line {u.line_at(d.start)})")
    if best is None:
        return PageYear(None, "unknown", "the page prints no date and no past year")
    return PageYear(best[0], "inferred", f"page prints no date; latest past year printed: "
                    f"{best[1]}")


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return ""
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _resolve(d: DateMention, context_year: tuple[int, str] | None,
             py: PageYear) -> tuple[str, str]:
    """``(resolved, note)`` of one mention."""
    page_note = (f"page year {py.year} ({py.how}: {py.evidence})" if py.year else "")
    if d.kind == "period":
        return f"{d.year}/{d.year_end}", "period printed in full"
    if d.year is not None:
        return _iso(d.year, d.month, d.day), "printed in full"
    if d.relative is not None:
        if py.year is None:
            return "", f"partial: {d.raw[:2]} needs the page year, which the page does not give"
        year = py.year + d.relative
        return _iso(year, d.month, d.day), f"{d.raw[:2]} = {year} from the {page_note}"
    if d.kind == "holiday":
        lex = lexicon()
        base, why = context_year or ((py.year, page_note) if py.year else (None, ""))
        if base is None:
            return "", "partial: holiday without a year on the page"
        if d.holiday in lex["lunar"]:
            md = lex["lunar"][d.holiday].get(str(base))
            if md is None:
                return str(base), f"lunar holiday; no table entry for {base}"
            return f"{base}-{md}", f"{d.holiday} of {base} (first day), year from {why}"
        month, day, offset = lex["holidays"][d.holiday]
        return _iso(base + offset, month, day), f"holiday {d.holiday}, year from {why}" + (
            f", offset {offset:+d}" if offset else "")
    if context_year is not None:
        return _iso(context_year[0], d.month, d.day), f"year from {context_year[1]}"
    if py.year is None:
        return "", "partial: no year printed and the page gives no year"
    return _iso(py.year, d.month, d.day), f"year not printed; {page_note}"


def dates_frame(page, audit=None):
    """One row per date or period: ``article``, ``paragraph``, ``line``, ``raw``,
    ``kind``, ``year``, ``month``, ``day``, ``resolved`` (ISO 8601, empty if partial),
    ``note`` (the evidence), ``sentence`` (the clean sentence holding the date)."""
    import pandas as pd

    from .corpus import sentences, units

    py = page_year(page, audit)
    rows = []
    for u in units(page, audit):
        spans = sentences(u.text)
        mentions = date_mentions(u.text)
        for k, d in enumerate(mentions):
            sent = next(((s, e) for s, e in spans if s <= d.start < e), (0, len(u.text)))
            ctx = None
            for prev in reversed(mentions[:k]):
                y = prev.year if prev.year is not None else (
                    py.year + prev.relative if prev.relative is not None and py.year else None)
                if y is None or prev.kind == "period":
                    continue
                if d.kind == "holiday" or prev.start >= sent[0]:
                    ctx = (y, f"{prev.raw} earlier in the "
                           f"{'paragraph' if d.kind == 'holiday' else 'sentence'}")
                    break
            resolved, note = _resolve(d, ctx, py)
            rows.append((u.article, u.paragraph, u.line_at(d.start), d.raw, d.kind, d.year,
                         d.month, d.day, resolved, note, u.text[sent[0]:sent[1]]))
    frame = pd.DataFrame(rows, columns=["article", "paragraph", "line", "raw", "kind", "year",
                                        "month", "day", "resolved", "note", "sentence"])
    return frame.astype({"paragraph": "Int64", "year": "Int64", "month": "Int64",
                         "day": "Int64"})


def timeline(page, audit=None, article: str | None = None):
    """The resolved dates of each article (or of one), in time order: ``article``,
    ``resolved``, ``raw``, ``line``, ``sentence``. Partial dates come last."""
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

    from .corpus import sentences, units

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
    from .corpus import sentences, units

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
        "page_year": {"year": py.year, "how": py.how, "evidence": py.evidence},
        "facts": [{"article": r.article, "line": int(r.line), "raw": r.raw,
                   "value": clean(r.value), "value_high": clean(r.value_high),
                   "unit": clean(r.unit), "hedge": clean(r.hedge), "kind": r.kind,
                   "verb": clean(r.verb),
                   "sentence": r.sentence} for r in facts.itertuples()],
        "dates": [{"article": r.article, "line": int(r.line), "raw": r.raw, "kind": r.kind,
                   "year": clean(r.year), "month": clean(r.month), "day": clean(r.day),
                   "resolved": clean(r.resolved) or None, "note": clean(r.note)}
                  for r in dates.itertuples()],
        "checks": [{"article": c.article, "line": c.line, "rule": c.rule,
                    "inputs": list(c.inputs), "formula": c.formula,
                    "result": round(c.result, 6), "unit": c.unit, "stated": c.stated,
                    "tolerance": c.tolerance, "verdict": c.verdict, "note": c.note}
                   for c in checks(page, audit)],
    }


__all__ = ["CHECK_COLUMNS", "Check", "DateMention", "FACT_COLUMNS", "PageYear", "Quantity",
           "blocked_spans", "checks", "checks_frame", "date_mentions", "dates_frame",
           "evaluate", "facts_frame", "hedge_interval", "lexicon", "page_year", "quantities",
           "rounding", "rules", "timeline", "to_json", "verb_direction"]
