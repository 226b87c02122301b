"""The hand rules for names: jieba's part-of-speech tags, corrected by name grammar.

The rules of :mod:`zhpaper.entities` (points 1 to 6 of its documentation), all data in
``data/entities.toml`` and ``data/entity_common_words.txt``: the words names are read
from (:func:`name_tokens`), which tagged words are names (:func:`is_name`, the common
words and hand lists), the longest name a chain of words with a suffix makes, and the
document's own evidence (a proper noun that opens a company's name). :mod:`zhpaper.entities`
weighs what they find against the learnt tagger.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache

from .entity_words import hmm_cut, single_char_runs, words_of
from .resources import read_data
from .tokens import MEMO, Token, tokenizer, user_entries

_MAX_CHAIN = 6
_CHAIN_POS = ("n", "vn", "j", "l", "eng", "s", "f", "b")
#: Tags a word may have to end a name as its suffix (举办/v ends in 办 but names nothing).
_SUFFIX_POS = ("n", "vn", "j", "l", "eng", "b")
_PERSON_POS = ("nr", "nrt", "nrfg")
#: The tag of a word only the character HMM found (a noun, it is guessed).
_GUESSED = "nh"
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
    admin_suffixes: tuple[str, ...]
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
        admin_suffixes=tuple(data["place"]["admin_suffixes"]),
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
    rule: str  #: dictionary, tag, name, title, suffix, context, model, chunk or lexicon


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


def _fills_quote(tokens: list[Token], i: int) -> bool:
    """Token ``i`` alone between quotation marks: a product or nickname (“蒙杨开”)."""
    return 0 < i < len(tokens) - 1 and _QUOTES.get(tokens[i - 1].text) == tokens[i + 1].text


def _person(tokens: list[Token], i: int, r: Rules) -> str | None:
    """The rule by which token ``i`` is a person's name, if it is one."""
    t = tokens[i]
    w = t.text
    if t.pos not in _PERSON_POS or w in r.not_person or (w, "person") in r.common \
            or _suffix_type(w, r) is not None or len(w) < 2:
        return None
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if nxt.startswith(r.brand_markers) or _suffix_type(nxt, r) == "org" \
            or facility_follows(nxt, 0, r) or _in_short_quote(tokens, i) or _fills_quote(tokens, i):
        return None  # 李宁 牌, 桂光 集团, 文博 广场, “蒙杨 开”, “蒙杨开”
    from .entity_people import _person_in_context

    if _person_in_context(tokens, i, r):
        return "title"
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


def facility_follows(text: str, at: int, r: Rules) -> bool:
    """A facility's suffix (广场, 公园, 遗址; not an administrative unit's) starts at
    ``text[at]``: a name right before it (文博广场) is the facility's, not a person's."""
    return any(text.startswith(s, at) for s in r.place_suffixes
               if not s.endswith(r.admin_suffixes))


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
            and t.pos != _GUESSED or t.text in r.org_suffixes or t.text in r.place_suffixes \
            else None
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


def _hmm_names(tokens: list[Token], r: Rules) -> list[Token]:
    """Runs of single characters cut into the character HMM's words: a name-shaped word
    (:func:`is_name`: 邱 玲 → 邱玲) tagged ``nr``, any other word :data:`_GUESSED` (环 壕
    → 环壕: unknown words in news are mostly names and nouns), which continues a name
    but never ends one as its suffix (可办 ends in 办 but is no office)."""
    out: list[Token] = []
    k = 0
    for start, end in single_char_runs(tokens):
        out += tokens[k:start]
        at = start
        for word in hmm_cut("".join(t.text for t in tokens[start:end])):
            n = len(word)
            if n > 1:
                out.append(Token(word, tokens[at].start, tokens[at + n - 1].end,
                                 "nr" if is_name(word, r) else _GUESSED))
            else:
                out += tokens[at:at + n]
            at += n
        k = end
    return out + tokens[k:]


def name_tokens(text: str) -> list[Token]:
    """The words the rules read: jieba's own words (whole organisation names), fixed
    phrases merged; where jieba's dictionary leaves a run of single characters and
    jieba's character HMM reads a name-shaped word there, that word (most people's
    names are in no dictionary: 邱 玲 → 邱玲); a surname split from a word of address
    (韩老师 → 韩 老师)."""
    return list(_named(text, tokenizer(True)))


@lru_cache(maxsize=MEMO)
def _named(text: str, _tokenizer: object) -> tuple[Token, ...]:
    from .phrases import merge_phrases

    words = merge_phrases(list(words_of(text).coarse), text)
    return tuple(_split_honorifics(_hmm_names(words, rules()), rules()))


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
                kind, rule = chained, "dictionary" if rule == "dictionary" else "suffix"
        out.append(_entity(text, kind, tokens[i].start,
                           stop if stop is not None else tokens[end].end, rule, r))
        i = end + 1
    from .entity_people import with_dotted

    return with_dotted(out, tokens, text, r), tokens


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
            if e.type == "org" and e.rule in ("suffix", "chunk") and t is not None \
                    and t.end < e.end \
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


__all__ = ["Entity", "Rules", "is_name", "name_tokens", "rules", "single_char_runs"]
