"""Date mentions: the years, months, days, periods, decades, relative words and
holidays of a clean text, found and read as printed.

Years (2026年, 一九九八年), months (2021年9月, 12月, 元月), days (8月13日, a bare 13日),
periods (2021—2025), decades (90年代, 20世纪70年代), relative years (今年, 去年), months
(上月, 本月) and days (今天, 昨天, 今晚) and holidays (春节, 除夕, "五一"). Full-width
digits are read as digits. A :class:`DateMention` holds ``year``/``month``/``day`` as
printed; a month and day before 讯 or 电 (本报北京1月5日讯) is marked as a dateline.
What a mention resolves to, and from which evidence, is :mod:`zhpaper.facts.dating`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..numbers import COUNTING, NONZERO_DIGITS, YEAR_DIGITS, ZEROS, chinese_int
from .units import _alt, _overlaps, fold, lexicon


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


_ZH_YEAR = rf"(?:一九|二[{ZEROS}])[{YEAR_DIGITS}]{{2}}"
_YEAR = rf"(?:19|20)\d{{2}}|{_ZH_YEAR}"
#: An earlier year (1000–1899) is a year when 年 follows it alone (1871年在…), not a
#: number of years (1000多年, 1500年来, 800年前).
_OLD_YEAR = r"1[0-8]\d{2}(?=年(?!多|余|来|以来|前|左右|之久|间|历史))"
_MON = rf"1[0-2]|0?[1-9]|十[一二]?|[{NONZERO_DIGITS}元]"
#: A day of the month from 10 on, in Chinese (十, 十五, 二十一, 三十).
_ZH_TENS_DAY = rf"[二三]?十[{NONZERO_DIGITS}]?"
_DAY = rf"3[01]|[12]\d|0?[1-9]|{_ZH_TENS_DAY}|[{NONZERO_DIGITS}]"


def _int(s: str) -> int:
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
    day = re.compile(rf"(?<![\d.个{COUNTING}])"
                     rf"(?P<d>3[01]|[12]\d|0?[1-9]|{_ZH_TENS_DAY})"
                     r"日(?!内|以内|之内|以上|左右|多|元|游)"
                     rf"|(?P<rel>{_alt(lex['relative_days'])})")
    decade = re.compile(r"(?:(?P<c>\d{2}|二十|十九|二十一)世纪|(?P<crel>本世纪|上世纪|上个世纪))?"
                        rf"(?P<dec>\d{{3}}0|\d0|[{NONZERO_DIGITS}]十)年代")
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


def _holiday_mentions(text: str, taken: list[tuple[int, int]]) -> list[DateMention]:
    out = []
    context_only = set(lexicon()["holiday_context_only"]["words"])
    for m in _date_res().holiday.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        if set(m.group()) <= set(COUNTING) or m.group() in context_only:
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
