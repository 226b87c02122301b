"""Superlative claims: 全国最大, 全市首家, 全国一流 — what is claimed, and against what.

Local news ranks things: "全国最大的奶牛核心育种基地", "首府首家5A级景区", "全国一流的
育种品牌". A superlative claim has parts a reader has to separate before it can be
checked, and :func:`find` returns them:

* ``scope``: the population the thing is ranked in (全国, 全区, 全市, 首府, 世界 …);
* ``qualifier``: what narrows the ranking (单体 "as a single site", 同类, 规模 …);
* ``superlative``: the ranking word, and ``kind``: ``extreme`` (最大, 最高 …), ``first``
  (首家, 首个, 第一, 唯一) or ``grade`` (一流, 领先, 知名: a grade, not a rank);
* ``object``: the noun phrase ranked, up to the next comma, full stop or bracket;
* ``referent``: a name in brackets right after the object, which says what the object
  *is* (国家乳业创新中心奶牛核心育种场);
* ``verb``: the verb that governs the claim in its clause (建成, 打造, 创建 …), which says
  whether the claim is about the present (是, 成为, 建成 in a report) or a plan (打造,
  创建, 力争).

The scopes, qualifiers, ranking words and verbs are data: ``data/rhetoric.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from .resources import read_data

_DATA = tomllib.loads(read_data("rhetoric.toml"))["superlatives"]
SCOPES = tuple(_DATA["scopes"])
QUALIFIERS = tuple(_DATA["qualifiers"])
EXTREME = tuple(_DATA["extreme"])
FIRST = tuple(_DATA["first"])
GRADE = tuple(_DATA["grade"])
VERBS = tuple(_DATA["verbs"])

_SCOPE = "|".join(sorted(SCOPES, key=len, reverse=True))
_WORD = "|".join(sorted(EXTREME + FIRST + GRADE, key=len, reverse=True))
_QUAL = "|".join(QUALIFIERS)
_CLAIM = re.compile(
    rf"(?P<scope>{_SCOPE})(?P<qualifier>{_QUAL})?(?P<word>{_WORD})(?:的)?"
    rf"(?P<object>(?:(?!、(?:{_SCOPE}))[^,，;；。:：()（）\"“”]){{1,30}}?)"
    rf"(?:[(（](?P<referent>[^()（）]{{1,40}})[)）]|(?=[,，;；。:：\"“”]|、(?:{_SCOPE})|$))")
_STOP_VERBS = frozenset(("为", "是", "作为", "成为", "达到", "位居"))
_COUNT = re.compile(r"^[一两二三四五六七八九十\d]+[个家座条项所处]")
_CLAUSE_START = re.compile(r"[,，;；。:：]")


@dataclass(frozen=True)
class Superlative:
    text: str
    start: int
    end: int
    scope: str
    qualifier: str
    superlative: str
    kind: str  #: extreme, first or grade
    object: str
    referent: str
    verb: str


def _object(text: str) -> str:
    """The ranked noun phrase: a leading count (一个) dropped, cut before the first
    preposition, conjunction, particle, adverb or copula (5A级景区为目标 → 5A级景区)."""
    from .tokens import tokenize

    text = _COUNT.sub("", text.strip())
    end = len(text)
    for t in tokenize(text):
        if t.start > 0 and (t.pos[:1] in ("p", "c", "u", "d") or t.text in _STOP_VERBS) \
                and t.text != "的":
            end = t.start
            break
    return text[:end]


def _kind(word: str) -> str:
    return "extreme" if word in EXTREME else "first" if word in FIRST else "grade"


def find(text: str) -> list[Superlative]:
    """The superlative claims of ``text`` in order.

    >>> [(s.scope, s.qualifier, s.superlative, s.object, s.referent)
    ...  for s in find("建成全国单体最大的奶山羊基地(某某牧场),")]
    [('全国', '单体', '最大', '奶山羊基地', '某某牧场')]
    """
    out = []
    for m in _CLAIM.finditer(text):
        clause_start = 0
        for c in _CLAUSE_START.finditer(text, 0, m.start()):
            clause_start = c.end()
        before = text[clause_start:m.start()]
        verb = ""
        best = -1
        for v in VERBS:
            k = before.rfind(v)
            if k > best or (k == best and k >= 0 and len(v) > len(verb)):
                best, verb = k, v
        out.append(Superlative(
            m.group(0), m.start(), m.end(), m.group("scope"), m.group("qualifier") or "",
            m.group("word"), _kind(m.group("word")), _object(m.group("object")),
            (m.group("referent") or "").strip(), verb if best >= 0 else ""))
    return out


def superlatives_frame(page, audit=None):
    """One row per superlative claim on ``page``: ``article``, ``paragraph``, ``line``,
    ``claim``, ``scope``, ``qualifier``, ``superlative``, ``kind``, ``object``,
    ``referent``, ``verb``."""
    import pandas as pd

    from .corpus import units

    rows = []
    for u in units(page, audit):
        for s in find(u.text):
            rows.append((u.article, u.paragraph, u.line_at(s.start), s.text, s.scope,
                         s.qualifier, s.superlative, s.kind, s.object, s.referent, s.verb))
    frame = pd.DataFrame(rows, columns=["article", "paragraph", "line", "claim", "scope",
                                        "qualifier", "superlative", "kind", "object",
                                        "referent", "verb"])
    return frame.astype({"paragraph": "Int64"})
