"""The numeral patterns of the facts stage are built from zhpaper.numbers (issue #21) and
match exactly what the patterns written out by hand matched before."""

from __future__ import annotations

import re

from zhpaper import numbers
from zhpaper.facts import dates, quantity, units

# the patterns as facts/units.py and facts/dates.py wrote them before #21
OLD_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
OLD_ZH = r"[零〇一二两三四五六七八九十百千]+"
OLD_ZH_DECIMAL = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
OLD_ZH_YEAR = r"(?:一九|二[〇零○])[零〇○一二三四五六七八九]{2}"
OLD_MON = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元]"
OLD_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"


def test_new_constants_of_the_numeral_table():
    assert numbers.NONZERO_DIGITS == "一二三四五六七八九"
    assert numbers.ZEROS == "零〇○"
    assert numbers.DECIMAL_DIGITS == "零〇一二三四五六七八九"
    assert numbers.YEAR_DIGITS == "零〇○一二三四五六七八九"
    assert re.fullmatch(numbers.ARABIC, "1,356.5") and not re.fullmatch(numbers.ARABIC, "1,35")
    assert re.fullmatch(numbers.CHINESE_NUMERAL, "两百三十")
    assert re.fullmatch(numbers.CHINESE_DECIMAL, "九十九点九")
    assert not re.fullmatch(numbers.CHINESE_DECIMAL, "三点两")


def test_facts_patterns_are_the_old_strings():
    assert units._AR == OLD_AR
    assert units._ZH == OLD_ZH
    assert units._ZH_DECIMAL == OLD_ZH_DECIMAL
    assert units._ZH_DIGITS == set("零〇一二两三四五六七八九")
    assert dates._MON == OLD_MON
    assert dates._DAY == OLD_DAY
    # the same characters in another order inside one class
    assert dates._ZH_YEAR.replace("[零〇○]", "[〇零○]") == OLD_ZH_YEAR


def test_compiled_date_patterns_are_the_old_strings():
    lex = units.lexicon()
    day = (r"(?<![\d.个一二三四五六七八九十])"
           r"(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?)"
           r"日(?!内|以内|之内|以上|左右|多|元|游)"
           rf"|(?P<rel>{units._alt(lex['relative_days'])})")
    decade = (r"(?:(?P<c>\d{2}|二十|十九|二十一)世纪|(?P<crel>本世纪|上世纪|上个世纪))?"
              r"(?P<dec>\d{3}0|\d0|[一二三四五六七八九]十)年代")
    res = dates._date_res()
    assert res.day.pattern == day
    assert res.decade.pattern == decade


def test_quantity_tables_are_the_old_ones():
    old = tuple(u for u in units._units() if u[0] in "零〇一二两三四五六七八九十百千万")
    assert quantity._numeral_units() == old
    for word, value in units.lexicon()["magnitudes"].items():
        assert numbers.number_value(word) == value  # the data file agrees with the table


def test_year_patterns_match_what_they_matched_on_the_dev_half():
    from zhpaper import pd1998

    text = "\n".join(p for a in pd1998.half("dev") for p in (*a.header, *a.paragraphs))
    text += "\n二〇二四年 二零二四年 二○二四年 一九九八年 二〇〇八—二〇一二年"
    res = dates._date_res()
    for new in (res.full, res.period):
        old = re.compile(new.pattern.replace(dates._ZH_YEAR, OLD_ZH_YEAR))
        assert old.pattern != new.pattern
        got = [(m.span(), m.groupdict()) for m in new.finditer(text) if m.group()]
        want = [(m.span(), m.groupdict()) for m in old.finditer(text) if m.group()]
        assert got == want and got
