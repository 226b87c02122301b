"""Where the text of a paragraph may be a name: the audit leaves names alone.

For each character, the kind of name it may belong to (:func:`name_mask`): a
transliteration (``foreign``: three or more transliteration characters, or a ·-joined
name), a common surname standing alone with one or two characters after it
(``person``; ``listed`` in a list of names joined by 、 or a space, or printed one
after another, or in a byline: the characters after a reporter's role, or a byline that
is a name alone), one to three characters before a place or village suffix (``place``,
``village``), and a run of characters standing alone that the page prints more than
once (``repeated``). What names look like is
``data/names.toml``. The confusion detector (:mod:`zhpaper.lookalikes`) does not correct
inside some of these, the garbled-text detector (:mod:`zhpaper.garbled`) does not count
any of them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_data

_FUNCTION = set("的了在和与及或而并但是也都就又还把被将从向以为于由对等之其各每个这那有无不没")


@dataclass(frozen=True)
class NameRules:
    """What names look like (``data/names.toml``)."""

    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    not_in_names: frozenset[str]
    place_suffixes: frozenset[str]
    village_suffixes: frozenset[str]
    foreign: frozenset[str]
    byline_roles: tuple[str, ...] = ()  #: 记者, 通讯员: names follow in a byline
    byline_ends: tuple[str, ...] = ()  #: 报道, 发自: the names have ended


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    data = tomllib.loads(read_data("names.toml"))

    def chars(key: str) -> frozenset[str]:
        return frozenset(c for c in data[key] if not c.isspace())

    return NameRules(chars("surnames") - _FUNCTION, frozenset(data["compound_surnames"]),
                     chars("not_in_names"), chars("place_suffixes"),
                     chars("village_suffixes"), chars("transliteration"),
                     tuple(data["byline_roles"]), tuple(data["byline_ends"]))


def _han(c: str) -> bool:
    """A Chinese character (not punctuation, not a full-width digit or letter)."""
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _foreign_names(t: str, mask: list[str]) -> None:
    """Runs of 3+ transliteration characters, and names joined by ·, are foreign."""
    foreign = name_rules().foreign
    i = 0
    while i < len(t):
        j = i
        while j < len(t) and (t[j] in foreign or (t[j] in "·・" and j > i)):
            j += 1
        if j - i >= 3:
            mask[i:j] = ["foreign"] * (j - i)
        i = max(j, i + 1)
    for k, c in enumerate(t):
        if c in "·・":
            a, b = _side(t, k, -1, foreign), _side(t, k, 1, foreign)
            if a < k - 1 and b > k + 2:
                mask[a:b] = ["foreign"] * (b - a)


def _side(t: str, k: int, step: int, foreign: frozenset[str]) -> int:
    """How far a ·-joined name reaches from ``k``: over transliteration characters
    (at most six), else over two Chinese characters. Returns a slice bound."""
    x, n = k + step, 0
    while 0 <= x < len(t) and t[x] in foreign and n < 6:
        x, n = x + step, n + 1
    if n < 2:
        x, n = k + step, 0
        while 0 <= x < len(t) and _han(t[x]) and n < 2:
            x, n = x + step, n + 1
    return x + 1 if step < 0 else x


def _list_neighbours(t: str, names: list[tuple[int, int]], alone: list[bool]
                     ) -> list[tuple[int, int]]:
    """Names joined by 、 to a name found (``names``): two or three Chinese characters
    on the other side of the 、 that open with a surname standing alone, whatever
    words the dictionary makes of the rest (王虎鸣 in 为王虎鸣、马刚: 虎鸣 is a word)."""
    surnames = name_rules().surnames
    out = []
    for a, b in names:
        if a > 0 and t[a - 1] == "、":
            x = next((x for x in (a - 4, a - 3) if x >= 0 and alone[x]
                      and t[x] in surnames and all(map(_han, t[x + 1:a - 1]))), None)
            if x is not None:
                out.append((x, a - 1))
        if b + 1 < len(t) and t[b] == "、" and alone[b + 1] and t[b + 1] in surnames:
            y = b + 2
            while y < len(t) and _han(t[y]) and y - b - 1 < 3:
                y += 1
            if y - b - 1 >= 2 and not (y < len(t) and _han(t[y])):
                out.append((b + 1, y))
    return [n for n in out if n not in names]


def _person_and_place_names(t: str, words: list[tuple[int, str]], mask: list[str]) -> None:
    """A common surname standing alone and the one or two characters standing alone
    after it (``person``; ``listed`` when 、, a space or nothing joins it to another such
    name, and so is a name that 、 joins to one: :func:`_list_neighbours`); one to three
    characters standing alone before a place or village suffix."""
    r = name_rules()
    alone = [False] * len(t)
    for start, word in words:
        if len(word) == 1:
            alone[start] = True
    names: list[tuple[int, int]] = []
    for start, word in words:
        if not (len(word) == 1 and word in r.surnames or word in r.compound_surnames):
            continue
        end = start + len(word)
        while (end - start - len(word) < 2 and end < len(t) and alone[end] and _han(t[end])
               and t[end] not in r.not_in_names):
            end += 1
        if end > start + len(word):
            names.append((start, end))
    names += _list_neighbours(t, names, alone)
    starts, ends = {a for a, _ in names}, {b for _, b in names}
    for a, b in names:
        listed = (b in starts or a in ends  # names printed one after another: 陶立华王力
                  or b < len(t) and t[b] in "、 " and b + 1 in starts
                  or a > 0 and t[a - 1] in "、 " and a - 1 in ends)
        for k in range(a, b):  # listed wins over person: 陶立华王力 holds 华王力 too
            mask[k] = "listed" if listed and mask[k] in ("", "person") else mask[k] or "person"
    for k, c in enumerate(t):
        kind = "place" if c in r.place_suffixes else "village" if c in r.village_suffixes \
            else ""
        x = k - 1
        while (kind and x >= 0 and k - x <= 3 and alone[x] and _han(t[x])
               and t[x] not in r.not_in_names):
            mask[x] = mask[x] or kind
            x -= 1
        if x < k - 1:  # the suffix belongs to the name it ends
            mask[k] = mask[k] or kind


def _repeated_runs(t: str, words: list[tuple[int, str]], page_text: str,
                   mask: list[str]) -> None:
    """Runs of 3+ Chinese characters standing alone that the page prints more than once
    (an abbreviation, a name the dictionary does not know) are names."""
    run: list[int] = []
    for start, word in [*words, (len(t), "")]:
        if len(word) == 1 and _han(word):
            if run and run[-1] == start - 1:
                run.append(start)
                continue
        if len(run) >= 3 and page_text.count(t[run[0]:run[-1] + 1]) >= 2:
            for k in run:
                mask[k] = mask[k] or "repeated"
        run = [start] if len(word) == 1 and _han(word) else []


def _byline_names(t: str, mask: list[str]) -> None:
    """In a byline, the Chinese characters after a reporter's role (本报记者赵志文王政,
    （记者王政）) up to a byline end (报道, 发自) are listed names, and so is a byline
    of two to four Chinese characters opening with a surname (王义堂)."""
    r = name_rules()
    if 2 <= len(t) <= 4 and all(map(_han, t)) and (
            t[0] in r.surnames or t[:2] in r.compound_surnames):
        mask[:] = ["listed"] * len(t)
        return
    for role in r.byline_roles:
        k = t.find(role)
        while k >= 0:
            x = k + len(role)
            while x < len(t) and _han(t[x]) and not t.startswith(r.byline_ends, x):
                mask[x] = "listed"
                x += 1
            k = t.find(role, x)


def name_mask(t: str, words: list[tuple[int, str]], page_text: str = "",
              byline: bool = False) -> list[str]:
    """For each character of ``t``: the kind of name it may belong to (``foreign``,
    ``person``, ``listed`` (a person in a list of names), ``place``, ``village``,
    ``repeated``) or ``""`` (see the module documentation); ``byline``: ``t`` is an
    article's byline."""
    mask = [""] * len(t)
    if byline:
        _byline_names(t, mask)
    _foreign_names(t, mask)
    _person_and_place_names(t, words, mask)
    if page_text:
        _repeated_runs(t, words, page_text, mask)
    return mask


__all__ = ["NameRules", "name_mask", "name_rules"]
