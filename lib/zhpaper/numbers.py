"""Numerals: Chinese and Arabic, with magnitudes (三十五, 十三, 两, 2.18万, 300多亿).

The one table of Chinese numerals: digits, the units 十百千 and the magnitudes
万/亿/万亿, with their values (:data:`DIGITS`, :data:`UNITS`, :data:`MAGNITUDES`), and
the character sets and patterns that other modules match numerals with (the
tokenizer's protected numbers, the audit's dates, the corpus's list items, the facts'
quantities and dates) built from them.
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
CHINESE = "".join(DIGITS) + "".join(UNITS)

#: Digits as running text writes them (○, which also serves as a bullet, is read by
#: :func:`chinese_int` but not matched as a numeral in running text).
TEXT_DIGITS = "".join(c for c in DIGITS if c != "○")
#: The characters of a Chinese numeral below 万 in running text: 零〇一二两三四五六七八九十百千.
NUMERAL_CHARS = TEXT_DIGITS + "".join(UNITS)
#: The characters of the magnitudes: 万亿.
MAGNITUDE_CHARS = "".join(dict.fromkeys("".join(MAGNITUDES)))
#: Digits of a date written in Chinese (二〇二四年十二月三十一日: 〇, never 零 or 两).
DATE_DIGITS = "".join(c for c in TEXT_DIGITS if c not in "零两")
#: One to ten as list items and headings count (一、 （二） 第三章 其四).
COUNTING = DATE_DIGITS.replace("〇", "") + "十"
#: One to nine as running text writes them (一 … 九; 两 only counts, as in 两百).
NONZERO_DIGITS = COUNTING.replace("十", "")
#: The characters read as zero (零〇○).
ZEROS = "".join(c for c, v in DIGITS.items() if v == 0)
#: Digits after 点 in a Chinese decimal (三点五, 八点零七): the running text's, but 两.
DECIMAL_DIGITS = TEXT_DIGITS.replace("两", "")
#: Digits of a year written digit by digit (一九九八, 二○二四, 二零二四): every digit but 两.
YEAR_DIGITS = "".join(c for c in DIGITS if c != "两")
#: A unit or a magnitude after an Arabic number (3千, 2.18万, 5百万, 1.2万亿): a regular
#: expression, the longer magnitudes first.
MAGNITUDE_SUFFIX = "|".join([*(f"[{''.join(UNITS)}]?{m}" for m in MAGNITUDES),
                             f"[{''.join(UNITS)}]"])

#: An Arabic number as printed: digits, thousands separated by commas, a decimal part
#: (42, 1,356.5, 97.7): a regular expression.
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
#: A Chinese numeral below 万 in running text (三十五, 两百, 二〇二四): a regular expression.
CHINESE_NUMERAL = f"[{NUMERAL_CHARS}]+"
#: A Chinese numeral with an optional decimal part read digit by digit (三十, 九十九点九,
#: 八点零七): a regular expression.
CHINESE_DECIMAL = f"{CHINESE_NUMERAL}(?:点[{DECIMAL_DIGITS}]+)?"

_ARABIC = re.compile(ARABIC)


def chinese_int(text: str) -> int:
    """``三十五`` → 35, ``十三`` → 13, ``两百`` → 200, ``二〇二四`` → 2024.

    Raises ``ValueError`` for text that is not a Chinese numeral below 万.
    """
    if not text or any(c not in DIGITS and c not in UNITS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not any(c in UNITS for c in text):  # digit by digit: 二〇二四
        return int("".join(str(DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        else:
            total += (1 if digit is None else digit) * UNITS[c]
            digit = None
    return total + (digit or 0)


def chinese_number(text: str) -> float:
    """A Chinese numeral with an optional decimal part read digit by digit:
    ``九十九点九`` → 99.9, ``八点零七`` → 8.07, ``三十`` → 30.0."""
    whole, _, decimals = text.partition("点")
    if decimals and any(c not in DIGITS for c in decimals):
        raise ValueError(f"not a Chinese decimal: {text!r}")
    value = float(chinese_int(whole))
    for k, c in enumerate(decimals, 1):
        value += DIGITS[c] * 10.0 ** -k
    return round(value, len(decimals))


def number_value(text: str) -> float:
    """The value of a numeral with an optional magnitude: ``2.18万`` → 21800.0,
    ``300亿`` → 3e10, ``十三`` → 13.0, ``1,356.5`` → 1356.5, ``一百一十六点六亿`` →
    1.166e10. Approximation marks (余, 多) are ignored here (they are hedges, not part of
    the value)."""
    t = text.replace("余", "").replace("多", "").replace("，", ",")
    scale = 1
    for word, factor in MAGNITUDES.items():
        if t.endswith(word):
            t, scale = t[: -len(word)], factor
            break
    if t and t[-1] in UNITS and _ARABIC.fullmatch(t[:-1] or "x"):
        scale *= UNITS[t[-1]]  # 3千 → 3000
        t = t[:-1]
    if _ARABIC.fullmatch(t):
        return float(t.replace(",", "")) * scale
    if not t and scale > 1:
        return float(scale)  # 万亿 alone: "超过万亿"
    return (chinese_number(t) if "点" in t else float(chinese_int(t))) * scale


def decimal_places(text: str) -> int:
    """How many digits a numeral prints after its decimal point: ``97.7%`` → 1,
    ``一百一十六点六亿`` → 1, ``42`` → 0."""
    arabic = _ARABIC.search(text)
    if arabic:
        return len(arabic.group().partition(".")[2])
    return len(re.match(f"[{''.join(DIGITS)}]*", text.partition("点")[2]).group())


__all__ = ["ARABIC", "CHINESE", "CHINESE_DECIMAL", "CHINESE_NUMERAL", "COUNTING", "DATE_DIGITS",
           "DECIMAL_DIGITS", "DIGITS", "MAGNITUDES", "MAGNITUDE_CHARS", "MAGNITUDE_SUFFIX",
           "NONZERO_DIGITS", "NUMERAL_CHARS", "TEXT_DIGITS", "UNITS", "YEAR_DIGITS", "ZEROS",
           "chinese_int",
           "chinese_number", "decimal_places", "number_value"]
