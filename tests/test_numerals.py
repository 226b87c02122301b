"""One table of Chinese numerals (zhpaper.numbers): the sets other modules match with."""

from __future__ import annotations

import re

from zhpaper import numbers


def test_the_character_sets_come_from_the_table():
    assert set(numbers.NUMERAL_CHARS) == (set(numbers.DIGITS) - {"○"}) | set(numbers.UNITS)
    assert set(numbers.MAGNITUDE_CHARS) == {"万", "亿"}
    assert numbers.DATE_DIGITS == "〇一二三四五六七八九"
    assert numbers.COUNTING == "一二三四五六七八九十"


def test_a_magnitude_after_an_arabic_number():
    suffix = re.compile(rf"\d+(?:{numbers.MAGNITUDE_SUFFIX})")
    for text in ("3千", "2万", "5百万", "300亿", "1万亿", "3千万亿"):
        assert suffix.fullmatch(text), text
        m = suffix.match(text + "元")
        assert m and m.group(0) == text
    assert suffix.match("3万亿元").group(0) == "3万亿"  # the longer magnitude first
