"""People, places and organisations, from part-of-speech tags corrected by rules.

jieba's tags are a start, not an answer: its dictionary tags ordinary words as names
(文明 ``nr``, 城市 ``ns``) and it knows few local names. The rules, all data in
``data/entities.toml``:

1. The library's user dictionary is trusted: its ``nr``/``ns``/``nt`` words are names.
2. A dictionary word jieba tags ``ns``/``nt`` is a place/organisation unless listed as a
   common noun jieba mis-tags; a word tagged ``nr`` is a person only next to a role word
   (书记, 记者, 主任 …), because jieba's ``nr`` is wrong as often as right in news text.
3. Longest name: a place or organisation name followed by up to five more words that
   end in a suffix (…公司, …管委会, …景区) is one name (呼和浩特市 公交公司 →
   呼和浩特市公交公司). The suffix decides the type, except that a chain that starts
   with an organisation stays an organisation (华为 北方 基地).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .tokens import Token, tokenize, user_entries

TYPES = ("person", "place", "org")
_MAX_CHAIN = 6
_CHAIN_POS = ("n", "vn", "j", "l", "eng", "s", "f", "b", "t")


@dataclass(frozen=True)
class Rules:
    titles: frozenset[str]
    not_person: frozenset[str]
    place_suffixes: tuple[str, ...]
    not_place: frozenset[str]
    descriptive: frozenset[str]
    org_suffixes: tuple[str, ...]
    not_org: frozenset[str]
    short_forms: frozenset[str]
    modified_heads: frozenset[str]
    user_tags: dict


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = tomllib.loads(
        resources.files("zhpaper").joinpath("data/entities.toml").read_text("utf-8"))
    return Rules(
        titles=frozenset(data["person"]["titles"]),
        not_person=frozenset(data["person"]["not_person"]),
        place_suffixes=tuple(sorted(data["place"]["suffixes"], key=len, reverse=True)),
        not_place=frozenset(data["place"]["not_place"]),
        descriptive=frozenset(data["place"]["descriptive"]),
        org_suffixes=tuple(sorted(data["org"]["suffixes"], key=len, reverse=True)),
        not_org=frozenset(data["org"]["not_org"]),
        short_forms=frozenset(data["org"]["short_forms"]),
        modified_heads=frozenset(data["org"]["modified_heads"]),
        user_tags={w: t for w, _, t in user_entries() if t in ("nr", "ns", "nt")},
    )


@dataclass(frozen=True)
class Entity:
    type: str  #: person, place or org
    text: str
    start: int
    end: int
    rule: str  #: dictionary, tag, title or suffix


def _name_type(tokens: list[Token], i: int, r: Rules) -> tuple[str, str] | None:
    """``(type, rule)`` if token ``i`` on its own is a name."""
    t = tokens[i]
    w = t.text
    for k in range(min(len(tokens), i + 3), i + 1, -1):  # 自治区 党委 → 自治区党委
        if "".join(x.text for x in tokens[i:k]) in r.short_forms:
            return "org", "dictionary"
    user = r.user_tags.get(w)
    if user:
        return {"nr": "person", "ns": "place", "nt": "org"}[user], "dictionary"
    if w in r.short_forms:
        return "org", "dictionary"
    if len(w) < 2:
        return None
    if t.pos == "ns" and w not in r.not_place:
        return "place", "tag"
    if t.pos == "nt" and w not in r.not_org:
        return "org", "tag"
    if t.pos.startswith("nr") and w not in r.not_person and len(w) <= 4 \
            and _suffix_type(w, r) is None:
        near = [tokens[k].text for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
        if any(x in r.titles for x in near):
            return "person", "title"
    return None


def _suffix_type(word: str, r: Rules) -> str | None:
    if word in r.descriptive or len(word) < 2:
        return None
    if any(word.endswith(s) for s in r.org_suffixes):
        return "org"
    if any(word.endswith(s) for s in r.place_suffixes):
        return "place"
    return None


def _chain(tokens: list[Token], i: int, kind: str, r: Rules) -> tuple[int, int | None, str]:
    """Extend the name at token ``i`` over the words that complete it. Returns ``(end
    token, character stop inside it or None, type)``; ``end == i`` if nothing follows."""
    end, stop = i, None
    for j in range(i + 1, min(len(tokens), i + _MAX_CHAIN)):
        t = tokens[j]
        head = next((t.text[:-len(x)] for x in r.titles if t.text.endswith(x)
                     and t.text[:-len(x)] in r.org_suffixes), None)
        if head:  # 政务服务 局局长 → …局 | 局长: a suffix fused with a role word
            return j, t.start + len(head), "org"
        suffix = _suffix_type(t.text, r)
        if suffix is None and not (t.pos.startswith(_CHAIN_POS) or t.pos == "m") \
                or len(t.text) > 6 or t.text in r.titles or t.pos.startswith("nr"):
            break
        if end > i and t.pos == "vn":
            break  # 诚迈科技集团 | 合资建设…基地: a verb after a complete name
        inner = _name_type(tokens, j, r)
        if inner is not None and inner[0] == "org" and t.text not in r.org_suffixes \
                and _suffix_type(t.text, r) == "org":
            break  # 和林格尔新区 | 中国农业银行: a second complete name begins
        if t.pos == "m" and not any(c.isalpha() for c in t.text):
            break
        if suffix:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and nxt.text in r.modified_heads:
                break  # 数据中心 集群, 数据中心 项目: the suffix word only modifies a noun
            end = j
            kind = "org" if kind == "org" or suffix == "org" else "place"
    return end, stop, kind


def find(text: str) -> list[Entity]:
    """The entities of ``text``, longest names first, without overlaps."""
    r = rules()
    tokens = tokenize(text, phrases=True, pku=False)  # jieba keeps 中国农业银行 whole
    out: list[Entity] = []
    i = 0
    while i < len(tokens):
        named = _name_type(tokens, i, r)
        t = tokens[i]
        if named is None and t.pos in ("ns", "nz") and len(t.text) >= 2:
            # a generic place word (新区) or a nickname (云谷) starts a name only if a
            # suffix completes it: 新区规划建设局, 云谷片区
            end, stop, kind = _chain(tokens, i, "place", r)
            if end > i and (kind == "org") == (t.pos == "ns"):
                named = (kind, "suffix")
        if named is None:
            i += 1
            continue
        kind, rule = named
        end, stop = i, None
        if kind in ("place", "org"):
            end, stop, chained = _chain(tokens, i, kind, r)
            if end > i:
                kind, rule = chained, "suffix"
        start = tokens[i].start
        stop = stop if stop is not None else tokens[end].end
        if kind == "place":  # 内蒙古地区 → 内蒙古
            for d in r.descriptive:
                if text[start:stop].endswith(d) and stop - start - len(d) >= 2:
                    stop -= len(d)
                    break
        out.append(Entity(kind, text[start:stop], start, stop, rule))
        i = end + 1
    return out


def entities_frame(page, audit=None):
    """One row per entity mention in ``page``: ``article``, ``kind``, ``paragraph``,
    ``type``, ``text``, ``start``, ``end``, ``line``, ``rule``."""
    import pandas as pd

    from .corpus import units

    rows = []
    for a in page.articles:  # reporters named in bylines and signatures
        for name in a.reporters:
            for e in (a.byline, a.signature):
                if e is not None and name in e.text:
                    at = e.text.index(name)
                    rows.append((a.id, e.kind, None, "person", name, at, at + len(name),
                                 e.source[0].line, "byline"))
                    break
    for u in units(page, audit):
        for e in find(u.text):
            rows.append((u.article, u.kind, u.paragraph, e.type, e.text, e.start, e.end,
                         u.line_at(e.start), e.rule))
    frame = pd.DataFrame(rows, columns=["article", "kind", "paragraph", "type", "text",
                                        "start", "end", "line", "rule"])
    return frame.astype({"paragraph": "Int64"})


def entity_table(frame):
    """Distinct entities per article with their mention counts, most frequent first."""
    return (frame.groupby(["article", "type", "text"]).size().rename("mentions")
            .reset_index().sort_values(["article", "type", "mentions", "text"],
                                       ascending=[True, True, False, True],
                                       ignore_index=True))


__all__ = ["Entity", "TYPES", "entities_frame", "entity_table", "find", "rules"]
