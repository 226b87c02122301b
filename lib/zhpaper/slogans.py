"""Numeric slogans (数字式概括) and the enumerations they sum up.

Policy news packs programmes into a number and a noun: "三个责任", "九小场所",
"两大资源", "五位一体". A slogan is found when a numeral of at least two (两, 三 …,
双, or digits) starts

1. a short quoted expression ("三管三必须", "双提升");
2. an entry of the genre's slogan lexicon (``data/slogans.txt``); or
3. a number + measure + noun right after an enumeration of exactly that many items
   (住建、交通、教育、卫健4个重点领域; '南、中、北'三大文旅片区).

Each slogan is linked to its enumeration when the text gives one: the list right before
it (rule 3); else as many distinct compounds of the slogan's head noun in the same
paragraph (三个责任 → 领导责任, 监管责任, 主体责任); else the enumeration of another
slogan in the paragraph with the same number and head (两大资源 → 黄河、长城两大文化资源).
Quoted lists of parallel items ("人防、技防、工程防、管理防") are reported as
enumerations even when no slogan names them. A slogan is never a quantity: the facts
extractor skips these spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import chinese_int
from .resources import read_data

_NUM = r"(?:[两二三四五六七八九十双]|[一二三四五六七八九]?十[一二三四五六七八九]?|\d{1,2})"
_MEASURE = "个大项类小条种支位张"
_OPEN, _CLOSE = "\"“'‘", "\"”'’"
_QUOTED = re.compile(r"[\"“'‘]([^\"“”'‘’\n]{2,10})[\"”'’]")
_ITEM = r"[\u4e00-\u9fffA-Za-z0-9]{1,12}"
_ENUM = re.compile(rf"{_ITEM}(?:、{_ITEM})+")
_NUM_MEASURE = re.compile(rf"({_NUM})([{_MEASURE}])")
_NOUN_POS = ("n", "nz", "vn", "ns", "nt", "j")


@dataclass(frozen=True)
class Slogan:
    text: str
    start: int
    end: int
    number: int
    head: str  #: the noun the number counts (责任, 场所, 资源 …)
    rule: str  #: quoted, lexicon or enumeration
    items: tuple[str, ...] = ()
    link: str | None = None  #: how the items were found: before, parallel, sibling


@dataclass(frozen=True)
class Enumeration:
    items: tuple[str, ...]
    start: int
    end: int
    quoted: bool


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    text = read_data("slogans.txt")
    return frozenset(ln.split()[0] for ln in text.splitlines()
                     if ln.strip() and not ln.startswith("#"))


def _value(num: str) -> int:
    if num == "双":
        return 2
    return int(num) if num.isdigit() else chinese_int(num)


def _parse(expr: str) -> tuple[int, str] | None:
    """``(number, head)`` of a slogan-like expression, or None."""
    m = re.match(rf"({_NUM})([{_MEASURE}]?)([\u4e00-\u9fff]+)$", expr)
    if not m:
        return None
    try:
        n = _value(m.group(1))
    except ValueError:
        return None
    if n < 2 or m.group(3)[-1] in "一二三四五六七八九十零〇":
        return None  # 五一 (a holiday): not a count of things
    head = m.group(3)
    return n, head[-2:] if len(head) >= 2 else head


def enumerations(text: str) -> list[Enumeration]:
    """Lists of two or more items separated by 、, with whether they are quoted."""
    out = []
    for m in _ENUM.finditer(text):
        quoted = m.start() > 0 and text[m.start() - 1] in _OPEN \
            and m.end() < len(text) and text[m.end()] in _CLOSE
        out.append(Enumeration(tuple(m.group().split("、")), m.start(), m.end(), quoted))
    return out


def _lead_in(item: str) -> str:
    """The first item of an unquoted list without the words that lead into it
    (深入挖掘黄河 → 黄河, 在住建 → 住建)."""
    from .tokens import tokenize

    tokens = tokenize(item)
    cut = 0
    for k, t in enumerate(tokens):
        if (t.pos.startswith(("v", "p", "d")) and t.pos != "vn") and k < len(tokens) - 1:
            cut = k + 1
    return "".join(t.text for t in tokens[cut:]) or item


def _noun_phrase(text: str) -> str:
    """The nouns at the start of ``text``, at most three words (文旅片区, 重点领域)."""
    from .tokens import tokenize

    out = []
    for t in tokenize(text[:10]):
        if not t.pos.startswith(_NOUN_POS) or len(out) == 3:
            break
        out.append(t.text)
    return "".join(out)


def _after_enumeration(text: str, e: Enumeration, lex) -> Slogan | None:
    """Rule 3: a number + measure + noun right after ``e`` counting its items. The
    list's last item ends where the number begins (长城两大文化资源 → 长城 | 两大…)."""
    last = e.items[-1]
    inner = next((m for m in _NUM_MEASURE.finditer(last) if m.start() > 0), None)
    if inner is not None:
        m, start = inner, e.end - len(last) + inner.start()
        items = e.items[:-1] + (last[:inner.start()],)
    else:
        # a quotation mark may stand between: …服务"三大平台" / …服务“三大平台”
        at = e.end + (1 if text[e.end:e.end + 1] in _OPEN + _CLOSE else 0)
        m, start, items = _NUM_MEASURE.match(text, at), at, e.items
        if m is None:
            return None
    try:
        n = _value(m.group(1))
    except ValueError:
        return None
    if n < 2 or len(items) != n:
        return None
    number_end = start + len(m.group(1)) + len(m.group(2))
    noun = _noun_phrase(text[number_end:])
    if not noun:
        return None
    end = number_end + len(noun)
    for entry in lex:  # 五位一体投资服务体系 → the lexicon's 五位一体
        if text.startswith(entry, start):
            end = start + len(entry)
    if not e.quoted:
        items = (_lead_in(items[0]),) + items[1:]
    parsed = _parse(text[start:end])
    head = parsed[1] if parsed else noun[-2:]
    return Slogan(text[start:end], start, end, n, head, "enumeration", tuple(items), "before")


def find(text: str) -> list[Slogan]:
    """The numeric slogans of ``text`` (a paragraph), with their enumerations."""
    found: dict[tuple[int, int], Slogan] = {}
    lex = lexicon()
    for e in enumerations(text):
        s = _after_enumeration(text, e, lex)
        if s is not None:
            found[(s.start, s.end)] = s
    # 1. quoted expressions, 2. lexicon entries
    candidates = [(m.start(1), m.end(1), "quoted") for m in _QUOTED.finditer(text)]
    for entry in lexicon():
        for m in re.finditer(re.escape(entry), text):
            candidates.append((m.start(), m.end(), "lexicon"))
    for start, end, rule in sorted(candidates):
        if any(s <= start < e or start <= s < end for s, e in found):
            continue
        if rule == "quoted" and re.search(r"\d", text[start:end]):
            continue  # "56项授权": a counted quantity, not a slogan
        parsed = _parse(text[start:end])
        if parsed is None:
            continue
        n, head = parsed
        found[(start, end)] = Slogan(text[start:end], start, end, n, head, rule)
    slogans = sorted(found.values(), key=lambda s: s.start)
    return [_link(s, slogans, text) for s in slogans]


def _link(s: Slogan, slogans: list[Slogan], text: str) -> Slogan:
    if s.items:
        return s
    head = s.head
    if len(head) == 2:  # parallel compounds: 领导责任, 监管责任, 主体责任
        from .tokens import tokenize

        seen: list[str] = []
        for m in re.finditer(rf"([\u4e00-\u9fff]{{2}}){re.escape(head)}", text):
            if s.start <= m.start() < s.end:
                continue
            pre = tokenize(m.group(1))
            if len(pre) == 1 and pre[0].pos.startswith(("n", "vn")) and m.group(1) not in seen:
                seen.append(m.group(1))
        if len(seen) == s.number:
            return Slogan(s.text, s.start, s.end, s.number, s.head, s.rule,
                          tuple(x + head for x in seen), "parallel")
    for o in slogans:  # a sibling slogan with the same number and head noun
        if o is not s and o.items and o.number == s.number and o.head[-1:] == head[-1:]:
            return Slogan(s.text, s.start, s.end, s.number, s.head, s.rule, o.items, "sibling")
    return s


def slogans_frame(page, audit=None, *, units=None):
    """One row per slogan: ``article``, ``paragraph``, ``line``, ``slogan``, ``number``,
    ``head``, ``rule``, ``items`` (joined by 、), ``link``. ``units``: the page's text
    units if already computed (:func:`zhpaper.corpus.units` of ``page`` and ``audit``)."""
    import pandas as pd

    from .corpus import units as text_units

    rows = []
    for u in units if units is not None else text_units(page, audit):
        for s in find(u.text):
            rows.append((u.article, u.kind, u.paragraph, u.line_at(s.start), s.text, s.number,
                         s.head, s.rule, "、".join(s.items), s.link))
    frame = pd.DataFrame(rows, columns=["article", "kind", "paragraph", "line", "slogan",
                                        "number", "head", "rule", "items", "link"])
    return frame.astype({"paragraph": "Int64"})


def enumerations_frame(page, audit=None, *, quoted_only: bool = True):
    """Enumerations (quoted ones by default): ``article``, ``paragraph``, ``line``,
    ``items`` (joined by 、), ``count``."""
    import pandas as pd

    from .corpus import units

    rows = []
    for u in units(page, audit):
        for e in enumerations(u.text):
            if e.quoted or not quoted_only:
                rows.append((u.article, u.paragraph, u.line_at(e.start), "、".join(e.items),
                             len(e.items)))
    frame = pd.DataFrame(rows, columns=["article", "paragraph", "line", "items", "count"])
    return frame.astype({"paragraph": "Int64"})


__all__ = ["Enumeration", "Slogan", "enumerations", "enumerations_frame", "find", "lexicon",
           "slogans_frame"]
