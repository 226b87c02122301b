"""People found by the words around them and by the document (the rules of
:mod:`zhpaper.entity_rules` for people, third round).

- :func:`_person_in_context`: a word jieba tags as a person, right after a role word
  (以色列总理 内塔尼亚胡) or right before a form of address or a reporting verb (周荣顺
  先生, 热瓦甫 说), is a person (rule ``title``, which the learnt tagger does not
  overrule); the words are ``data/person_context.toml``, learnt from the training part
  of the dev half.
- :func:`with_dotted`: a ·-joined transliteration (威廉·佩里) is one person.
- :func:`share_people`: a person named once in a document is that person wherever the
  same name stands as whole words (rule ``context``).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from .entity_rules import _HAN, _PERSON_POS, Entity, Rules, is_name, rules
from .resources import read_data
from .tokens import Token


@lru_cache(maxsize=1)
def person_context() -> tuple[frozenset[str], frozenset[str]]:
    """The words (before, after) beside which a word tagged as a person is one:
    ``data/person_context.toml``, learnt from the training part of the dev half."""
    data = tomllib.loads(read_data("person_context.toml"))
    return frozenset(data["before"]), frozenset(data["after"])


def _person_in_context(tokens: list[Token], i: int, r: Rules) -> bool:
    """Token ``i`` (tagged as a person) is a name by its neighbours: right after a role
    word (以色列总理 内塔尼亚胡) or right before a form of address (周荣顺 先生), with
    no space between; name-shaped (:func:`is_name`) or of at most four characters."""
    before, after = person_context()
    t = tokens[i]
    prev = tokens[i - 1] if i > 0 and tokens[i - 1].end == t.start else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].start == t.end else None
    near = prev is not None and prev.text in before and _ends_name(tokens, i + 1) \
        or nxt is not None and nxt.text in after and _ends_name(tokens, i - 1)
    return near and (len(t.text) <= 4 or is_name(t.text, r))


def _ends_name(tokens: list[Token], k: int) -> bool:
    """Token ``k``, beside a name on the side away from the context word, does not
    continue it: no ·-joined part (威廉 · 佩里), no further name word (田岛 宁子, 弗利
    德里)."""
    if not 0 <= k < len(tokens):
        return True
    return not (tokens[k].text in "·・•" or tokens[k].pos in (*_PERSON_POS, "ns"))


_DOTTED = re.compile(r"[\u4e00-\u9fff]+(?:[·・•][\u4e00-\u9fff]+)+")


def with_dotted(out: list[Entity], tokens: list[Token], text: str, r: Rules) -> list[Entity]:
    """A ·-joined transliteration (劳伦斯·萨默斯) is one person: its outer parts the
    word before the first dot and the word after the last (让 · 米奥), or, where longer,
    the transliteration characters there (弗利 德里 希 · 博尔), so that 部长 stays
    outside; inner parts transliteration characters; it replaces the names it overlaps."""
    ends = {t.end: t.start for t in tokens if _HAN.fullmatch(t.text)}
    starts = {t.start: t.end for t in tokens if _HAN.fullmatch(t.text)}
    for m in _DOTTED.finditer(text):
        parts = re.split("[·・•]", m.group())
        dot, last = m.start() + len(parts[0]), m.end() - len(parts[-1])
        start = min(ends.get(dot, dot), _foreign_edge(text, dot, -1, r))
        end = max(starts.get(last, last), _foreign_edge(text, last, 1, r))
        if dot - start > 6 or end - last > 6 or start == dot or end == last or any(
                not 1 <= len(p) <= 6 or any(c not in r.foreign_chars for c in p)
                for p in parts[1:-1]):
            continue
        out = [e for e in out if not (e.start < end and start < e.end)]
        out.append(Entity("person", text[start:end], start, end, "name"))
    return sorted(out, key=lambda e: e.start)


def _foreign_edge(text: str, at: int, step: int, r: Rules) -> int:
    """How far from ``at`` (backwards for ``step`` -1) transliteration characters run."""
    k = at
    while 0 <= (k - 1 if step < 0 else k) < len(text) \
            and text[k - 1 if step < 0 else k] in r.foreign_chars:
        k += step
    return k


Found = list[tuple[list[Entity], list[Token]]]  #: each text's entities and words


_NOTE = r"(?:（[^（）]{1,5}）)?"  # 乃登（蒙古族）, 张展霞（女）
_NEXT_IN_LIST = re.compile(_NOTE + r"、([\u4e00-\u9fff]{2,4}?)" + _NOTE
                           + r"(?=[、，。；：）等和与及]|$)")
_PREVIOUS_IN_LIST = re.compile(r"(?:^|(?<=[、，。；：]))([\u4e00-\u9fff]{2,4})" + _NOTE
                               + r"、$")


def listed_people(entities: list[Entity], text: str, r: Rules | None = None) -> list[Entity]:
    """Names in a list joined by 、 with a person's name are people (刘伯承、杨震、甘有根、
    崔保山等), when name-shaped (:func:`is_name`) and over no other name (rule
    ``context``)."""
    r = r or rules()
    out, grew = list(entities), True
    while grew:
        grew = False
        for e in [e for e in out if e.type == "person"]:
            after = _NEXT_IN_LIST.match(text, e.end)
            at = max(0, e.start - 12)
            before = _PREVIOUS_IN_LIST.search(text[at:e.start])
            spans = [after.span(1)] if after else []
            if before:
                spans.append((at + before.start(1), at + before.end(1)))
            for a, b in spans:
                if is_name(text[a:b], r) and not any(x.start < b and a < x.end for x in out):
                    out.append(Entity("person", text[a:b], a, b, "context"))
                    grew = True
    return sorted(out, key=lambda e: e.start)


def share_people(found: Found, r: Rules | None = None) -> Found:
    """A person named once in a document is that person wherever the same name stands
    on word boundaries (热瓦甫 说 … 热瓦甫 长途跋涉), over nothing or over a name only
    the tagger or jieba's tag gave as a place of the same span (苏哈托 read as a place).
    The names shared are the document's people of two or more characters from the
    rules (not the tagger's own), by a role word or name-shaped (:func:`is_name`)."""
    r = r or rules()
    names = {e.text for entities, _ in found for e in entities
             if e.type == "person" and len(e.text) >= 2 and e.rule != "model"
             and (e.rule == "title" or is_name(e.text, r))}
    if not names:
        return found
    return [(_shared(entities, tokens, names), tokens) for entities, tokens in found]


def _shared(entities: list[Entity], tokens: list[Token], names: set[str]) -> list[Entity]:
    """``entities`` of one text with ``names`` added where they stand as whole words."""
    out = list(entities)
    for k, t in enumerate(tokens):
        for m in range(k, min(len(tokens), k + 4)):
            text = "".join(x.text for x in tokens[k:m + 1])
            if text in names and _make_room(out, t.start, tokens[m].end):
                out.append(Entity("person", text, t.start, tokens[m].end, "context"))
                break
    return sorted(out, key=lambda e: e.start)


def _make_room(out: list[Entity], start: int, end: int) -> bool:
    """Remove from ``out`` what a shared name at ``start:end`` replaces: nothing, or a
    place of the same span from the tagger, its lexicon or jieba's tag; False if
    anything else overlaps it."""
    over = [e for e in out if e.start < end and start < e.end]
    if not all(e.type == "place" and e.rule in ("model", "tag", "lexicon")
               and (e.start, e.end) == (start, end) for e in over):
        return False
    for e in over:
        out.remove(e)
    return True


__all__ = ["Found", "listed_people", "person_context", "share_people", "with_dotted"]
