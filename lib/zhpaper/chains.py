"""Transitions and chains: "由 A、B 等 … 向 C、D 等 … 延伸" read as a directed graph.

Policy news describes industrial upgrading and structural change with one construction:
a subject moves *from* a list of things *towards* another list, with a verb of change::

    推动产业链由焦炉煤气、粗苯、焦油等现有化工原料产品向复合肥、尼龙等中下游精细化方向延伸
    农畜产业由"粗放型"传统方式向"集约型""园区式"转变

:func:`transitions` finds every such clause with one general rule, on the tokens of
:func:`zhpaper.tokens.tokenize`:

1. a preposition 由 or 从 (tagged ``p``, so 理由, 自由 and 由于 do not count), then, in the
   same clause (no comma, semicolon, colon or full stop between), 向, 到 or 至, and then
   one of :data:`VERBS` (延伸, 拓展, 转变, 转型, 升级 …);
2. each side is a list: items are separated by 、, by the conjunctions 和, 及, 以及, 与
   (tagged ``c``) or by adjacent quotations ("集约型""园区式"); the particle 等 (tagged
   ``u``) closes the list, and what follows it is the list's *head*, the class the items
   belong to (现有化工原料产品). Without 等, quoted items are the list and the unquoted
   rest is the head (粗放型 → 传统方式); otherwise the whole side is the list;
3. the *subject* is the run of nouns right before 由 (产业链, 农畜产业).

The text relates a set to a set: it does not say which source becomes which target.
:func:`edges_frame` therefore gives every source → target pair of a transition, and
says so in its ``relation`` column; finer links need knowledge from outside the text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from .resources import read_data

_DATA = tomllib.loads(read_data("rhetoric.toml"))["chains"]
#: Prepositions that open the source list and the target list (``data/rhetoric.toml``).
FROM = tuple(_DATA["from"])
TO = tuple(_DATA["to"])
#: Verbs of change that close a transition (``data/rhetoric.toml``).
VERBS = tuple(_DATA["verbs"])
#: Tokens that end a clause.
CLAUSE_END = frozenset(",，;；。:：!！?？")
_CONJUNCTIONS = frozenset(("和", "及", "以及", "与", "或"))
_QUOTES = "\"“”'‘’"
_QUOTED = re.compile(r"[\"“'‘]([^\"“”'‘’]+)[\"”'’]")
_NOUN_POS = ("n", "j", "vn", "an")


@dataclass(frozen=True)
class Transition:
    subject: str  #: what moves (产业链), may be empty
    sources: tuple[str, ...]  #: the items it moves from
    source_head: str  #: the class of the sources (现有化工原料产品), may be empty
    targets: tuple[str, ...]
    target_head: str
    verb: str  #: the verb of change (延伸)
    start: int  #: offset of 由/从 (or of the subject) in the text
    end: int  #: offset after the verb
    text: str  #: the clause from the subject to the verb


def _side(text: str, tokens, lo: int, hi: int) -> tuple[tuple[str, ...], str]:
    """The items and head of tokens[lo:hi] (one side of a transition)."""
    if lo >= hi:
        return (), ""
    begin, finish = tokens[lo].start, tokens[hi - 1].end
    etc = [k for k in range(lo, hi) if tokens[k].text == "等" and tokens[k].pos.startswith("u")]
    if etc:
        k = etc[-1]
        list_end = tokens[k].start
        head = text[tokens[k].end:finish]
    else:
        side = text[begin:finish]
        quoted = list(_QUOTED.finditer(side))
        if quoted:
            items = tuple(m.group(1).strip() for m in quoted)
            rest = _QUOTED.sub("", side)
            return tuple(i for i in items if i), rest.strip(" 、" + _QUOTES)
        list_end, head = finish, ""
    cuts = [begin]
    for t in tokens[lo:hi]:
        if t.start >= list_end:
            break
        if t.text == "、" or (t.text in _CONJUNCTIONS and t.pos.startswith("c")):
            cuts += [t.start, t.end]
    cuts.append(list_end)
    items = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        piece = text[a:b].strip(" " + _QUOTES)
        for part in re.split(r"[\"”][\"“]", piece):  # "A""B": adjacent quotations
            if part.strip(_QUOTES):
                items.append(part.strip(_QUOTES))
    return tuple(items), head.strip(" " + _QUOTES)


def transitions(text: str) -> list[Transition]:
    """The transitions of ``text`` in order (see the module documentation).

    >>> t = transitions("推动制造业由钢铁和水泥向新材料转型")[0]
    >>> t.subject, t.sources, t.targets, t.verb
    ('制造业', ('钢铁', '水泥'), ('新材料',), '转型')
    """
    from .tokens import tokenize

    tokens = tokenize(text)
    out = []
    for i, t in enumerate(tokens):
        if t.text not in FROM or not t.pos.startswith("p"):
            continue
        j = v = None
        for k in range(i + 1, len(tokens)):
            word = tokens[k].text
            if word in CLAUSE_END or (word in FROM and tokens[k].pos.startswith("p")):
                break
            if j is None and word in TO and k > i + 1:
                j = k
            elif j is not None and k > j + 1 and word in VERBS:
                v = k
                break
        if j is None or v is None:
            continue
        sources, source_head = _side(text, tokens, i + 1, j)
        targets, target_head = _side(text, tokens, j + 1, v)
        if not sources or not targets:
            continue
        s = i
        while s > 0 and tokens[s - 1].pos.startswith(_NOUN_POS) \
                and tokens[s - 1].text not in CLAUSE_END:
            s -= 1
        subject = text[tokens[s].start:t.start] if s < i else ""
        start = tokens[s].start if s < i else t.start
        out.append(Transition(subject, sources, source_head, targets, target_head,
                              tokens[v].text, start, tokens[v].end, text[start:tokens[v].end]))
    return out


def transitions_frame(page, audit=None):
    """One row per transition on ``page``: ``article``, ``paragraph``, ``line`` (raw line
    of its first character), ``subject``, ``sources`` and ``targets`` (joined by 、),
    ``source_head``, ``target_head``, ``verb``, ``text``."""
    import pandas as pd

    from .corpus import units

    rows = []
    for u in units(page, audit):
        for t in transitions(u.text):
            rows.append((u.article, u.paragraph, u.line_at(t.start), t.subject,
                         "、".join(t.sources), t.source_head, "、".join(t.targets),
                         t.target_head, t.verb, t.text))
    frame = pd.DataFrame(rows, columns=["article", "paragraph", "line", "subject", "sources",
                                        "source_head", "targets", "target_head", "verb",
                                        "text"])
    return frame.astype({"paragraph": "Int64"})


def edges_frame(frame):
    """The directed edges of the transitions in ``frame`` (from :func:`transitions_frame`):
    one row per source → target pair, with the transition's row number (``transition``),
    ``verb`` and ``relation`` — always ``set-to-set``: the text says that the sources as a
    whole move towards the targets as a whole, not which source feeds which target."""
    import pandas as pd

    rows = []
    for n, row in enumerate(frame.itertuples(index=False)):
        for a in row.sources.split("、"):
            for b in row.targets.split("、"):
                rows.append((n, a, b, row.verb, "set-to-set"))
    return pd.DataFrame(rows, columns=["transition", "source", "target", "verb", "relation"])
