"""Words: jieba with the library's domain dictionary, quantities kept whole.

jieba out of the box cuts the terms of policy news apart (新质/生产力, 东数/西算) and
splits numbers from their magnitude (3.7/万家). :func:`tokenize` fixes both:

1. Full-width digits, letters and number signs (U+FF01–FF5E, except CJK punctuation)
   are folded to ASCII. The mapping is one character to one character, so offsets
   into the folded text are offsets into the input.
2. Numbers are protected: a numeral with its decimal part, magnitude (万, 亿 …) and
   approximation suffix (余, 多) is one token (``3.7万``, ``300多亿``), a percentage is
   one token (``97.7%``), a year, month, day or hour with its unit is one token
   (``2024年``, ``8时``; minutes only after an hour, ``8时 30分``).
   The measure word after a number is left to jieba (``3.7万 家``), as in the PKU
   segmentation standard.
3. Everything else goes to a private ``jieba.Tokenizer`` that holds jieba's dictionary
   plus ``data/userdict.txt`` (:mod:`zhpaper.segmenter`, built once per process).
4. Words are cut to the PKU corpus's granularity (:mod:`zhpaper.pku`: 数据中心 → 数据
   中心, 两次 → 两 次, 何长工 → 何 长工, 有 的 → 有的), and on request the genre's
   fixed phrases are merged back into one token (:mod:`zhpaper.phrases`, which also
   finds phrases in a token table).

Whether jieba's HMM guesses unknown words is a measured choice (:data:`HMM`); see
``scripts/evaluate_segmentation.py``.

Stop words: the Chinese list of stopwords-iso (MIT, ``data/stopwords/``) plus the
library's own list of the genre's function words (``data/stopwords/genre.txt``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache

from . import segmenter
from .numbers import MAGNITUDE_CHARS, MAGNITUDE_SUFFIX, NUMERAL_CHARS
from .phrases import (
    MATCH_COLUMNS,
    count_phrases,
    merge_phrases,
    phrase_matches,
    phrase_words,
    phrases,
    sentences_with,
)
from .pku import (
    _MEASURES,
    _USER_TAGS,
    HELD_OUT,
    SPLIT_RATIO,
    _pku_split,
    pku_counts,
    pku_join,
    suffixes_attached,
)
from .resources import read_data
from .segmenter import Token, entries_in, fold_width, tokenizer, user_entries

#: Use jieba's HMM for words in no dictionary. Chosen by measurement: with the domain
#: dictionary the HMM's guesses cost more than they gain on the gold segmentation
#: (``scripts/evaluate_segmentation.py`` prints both).
HMM = False

_DIGITS = r"[0-9０-９]"
_NUMBER = re.compile(
    rf"""
    (?P<punct>[—─]{{2,}}|…+|[·・]{{3,}})
    | (?P<ordinal>第(?:{_DIGITS}+|[{NUMERAL_CHARS}]+))
    | (?P<date>{_DIGITS}{{4}}年(?!度)|{_DIGITS}{{1,2}}月(?:份)?|{_DIGITS}{{1,2}}[日号]
        |{_DIGITS}{{1,2}}时(?!间)|(?<=时){_DIGITS}{{1,2}}分(?!钟))
    | (?P<percent>{_DIGITS}+(?:[.．·]{_DIGITS}+)?[%％])
    | (?P<number>{_DIGITS}+(?:[,，]{_DIGITS}{{3}})*(?:[.．·]{_DIGITS}+)?
        (?:[余多])?(?:{MAGNITUDE_SUFFIX})?(?:[余多])?)
    """,
    re.VERBOSE,
)

#: Tags of tokens that are never content words: numerals, measure words, punctuation,
#: particles, prepositions, conjunctions.
_FUNCTION_POS = ("m", "q", "x", "u", "p", "c")

#: Part-of-speech tags for entities, from jieba's tag set.
PERSON, PLACE, ORGANISATION = "nr", "ns", "nt"


@contextmanager
def without_entries(words: Iterable[str]):
    """Inside the ``with`` block the tokenizer lacks these entries of
    ``data/userdict.txt``: an ablation, to measure what entries contribute (how would
    a page score whose names the dictionary does not know?).

    >>> with without_entries(["和林格尔新区"]):              # doctest: +SKIP
    ...     cut("和林格尔新区")
    ['和林格尔', '新区']
    """
    drop = frozenset(words)
    segmenter._OVERRIDE.append(segmenter._build(e for e in user_entries() if e[0] not in drop))
    _pku_split.cache_clear()
    try:
        yield
    finally:
        segmenter._OVERRIDE.pop()
        _pku_split.cache_clear()


def _pieces(text: str) -> Iterable[tuple[int, int, str | None]]:
    """``(start, end, tag)``: protected numbers (tag ``m``/``t``) and the text between."""
    at = 0
    for m in _NUMBER.finditer(text):
        if m.lastgroup == "number" and re.match(r"[A-Za-z]", text[m.end():m.end() + 1]) \
                and text[m.end() - 1].isdigit():
            continue  # a model or grade name (5A, 5G): jieba keeps it together
        if m.start() > at:
            yield at, m.start(), None
        yield m.start(), m.end(), {"date": "t", "punct": "x"}.get(m.lastgroup, "m")
        at = m.end()
    if at < len(text):
        yield at, len(text), None


def split_garbled(words: list[Token], text: str,
                  spans: Iterable[tuple[int, int]]) -> list[Token]:
    """Words lying wholly inside a garbled span (``(start, end)`` offsets in ``text``,
    e.g. from :func:`zhpaper.audit`) cut into single characters: no word found in
    garbled text can be trusted (党制的蓝路户益 → 党 制 的 蓝 路 户 益). A word that
    crosses the edge of a span is kept: it shows where the garbling really ends."""
    spans = sorted(spans)
    if not spans:
        return words
    tags = tokenizer(True).word_tag_tab
    out = []
    for w in words:
        if len(w.text) > 1 and any(a <= w.start and w.end <= b for a, b in spans):
            out.extend(Token(c, w.start + i, w.start + i + 1, tags.get(c) or "x")
                       for i, c in enumerate(text[w.start:w.end]))
        else:
            out.append(w)
    return out


#: How many paragraphs (or pieces of one) the paragraph memos remember (:func:`_jieba_words`,
#: :mod:`zhpaper.entity_words`, :mod:`zhpaper.entity_rules`): a page's and those of the
#: pages before it. Other pages' paragraphs are hardly ever read again at archive scale:
#: a larger memo held memory and saved no time (issue #22).
MEMO = 1024


@lru_cache(maxsize=MEMO)
def _jieba_words(pos_tk, piece: str, hmm: bool) -> tuple[tuple[str, str], ...]:
    """jieba's ``(word, tag)`` pairs of ``piece`` by ``pos_tk``, remembered: one page's
    paragraphs are cut for the tokens, the entity rules and the entity model alike."""
    return tuple((pair.word, pair.flag) for pair in pos_tk.cut(piece, HMM=hmm))


def tokenize(text: str, *, hmm: bool | None = None, domain: bool = True,
             phrases: bool = False, pku: bool = True,
             garbled: Iterable[tuple[int, int]] = ()) -> list[Token]:
    """The words of ``text`` with offsets and part-of-speech tags.

    Words follow the PKU segmentation standard's granularity: a jieba word that is not
    a word of the PKU corpus and splits into words that are is split (数据中心 →
    数据 中心), and a numeral + measure word is two words where the corpus writes it
    so (两 次, 一 个; 百年 stays whole). With
    ``phrases=True`` the genre's fixed phrases are then merged back into one token
    (治本 攻坚 → 治本攻坚), which is what keyword counts want. ``pku=False`` keeps
    jieba's own (coarser) words, e.g. whole organisation names for entity rules.
    ``garbled`` spans (offsets in ``text``) are cut into characters
    (:func:`split_garbled`).

    >>> [t.text for t in tokenize("检查生产经营单位近3.7万家")]       # doctest: +SKIP
    ['检查', '生产', '经营', '单位', '近', '3.7万', '家']
    """
    hmm = HMM if hmm is None else hmm
    pos_tk = tokenizer(domain)
    folded = fold_width(text)
    out: list[Token] = []
    for start, end, tag in (_pieces(folded) if domain else [(0, len(folded), None)]):
        if tag is not None:
            out.append(Token(text[start:end], start, end, tag))
            continue
        at = start
        for word, flag in _jieba_words(pos_tk, folded[start:end], hmm):
            if at == start and out and out[-1].pos == "m" and out[-1].end == start \
                    and word in _MEASURES:
                flag = "q"  # the measure word after a protected number
            if domain and word in phrase_words():
                parts = phrase_words()[word]  # 安全生产 → 安全 生产
            else:
                parts = _pku_split(word, flag) if domain and pku else (word,)
            for part in parts:
                tag = flag if len(parts) == 1 else (
                    pos_tk.word_tag_tab.get(part) or _USER_TAGS().get(part) or flag)
                out.append(Token(text[at:at + len(part)], at, at + len(part), tag))
                at += len(part)
    out = [t for t in out if not t.text.isspace()]
    if domain and pku:
        out = suffixes_attached(pku_join(out))
    if phrases and domain:
        out = merge_phrases(out, text)
    return split_garbled(out, text, garbled)


def cut(text: str, *, hmm: bool | None = None, domain: bool = True,
        phrases: bool = False, garbled: Iterable[tuple[int, int]] = ()) -> list[str]:
    """Just the words of ``text`` (see :func:`tokenize`)."""
    return [t.text for t in tokenize(text, hmm=hmm, domain=domain, phrases=phrases,
                                     garbled=garbled)]


def _read_words(name: str) -> frozenset[str]:
    text = read_data(f"stopwords/{name}")
    return frozenset(w.strip() for w in text.splitlines()
                     if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """stopwords-iso's Chinese list plus the genre's function words."""
    return _read_words("stopwords-iso-zh.txt") | _read_words("genre.txt")


_CONTENT = re.compile(r"[\w]", re.UNICODE)


_CN_NUMBER = re.compile(f"第?[{NUMERAL_CHARS}{MAGNITUDE_CHARS}]+[届次年月日个项条家]?")


def is_content(word: str) -> bool:
    """Not a stop word, not punctuation, not a number (二十, 十三届 included)."""
    return (bool(_CONTENT.search(word)) and word not in stopwords()
            and not _NUMBER.fullmatch(fold_width(word)) and not word.isdigit()
            and not _CN_NUMBER.fullmatch(word))


def word_counts(tokens: Iterable[Token | str], *, stop: bool = True) -> Counter[str]:
    """How often each word occurs; without stop words, punctuation and numbers if
    ``stop`` is true, else every token that is not punctuation."""
    words = (t.text if isinstance(t, Token) else t for t in tokens)
    if stop:
        return Counter(w for w in words if is_content(w))
    return Counter(w for w in words if _CONTENT.search(w))


def garbled_spans(audit) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """``{(article, paragraph): [(start, end), …]}``: the spans of the audit's
    unapplied garbled findings, in the offsets of the corrected paragraph text (the
    text of :func:`zhpaper.corpus.units` with that audit)."""
    from .audit import shift_before

    if audit is None:
        return {}
    out: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for f in audit.findings:
        if f.kind != "garbled" or f.applied or f.start is None:
            continue
        # offsets shift by the applied corrections before the span
        shift = shift_before(audit.applied(f.article, f.paragraph), f.start)
        out.setdefault((f.article, f.paragraph), []).append((f.start + shift, f.end + shift))
    return out


def unit_garbled_spans(unit, spans: dict) -> list[tuple[int, int]]:
    """The spans of :func:`garbled_spans` that lie in ``unit`` (a
    :class:`zhpaper.corpus.Unit`); only paragraphs have any."""
    return spans.get((unit.article, unit.paragraph), []) if unit.kind == "paragraph" else []


def tokens_frame(page, audit=None, *, hmm: bool | None = None, phrases: bool = True,
                 units=None):
    """One row per token of every text unit of ``page`` (see :mod:`zhpaper.corpus`).
    The genre's fixed phrases are one token unless ``phrases=False``.

    Columns: ``article``, ``kind`` (headline, paragraph …), ``paragraph``, ``sentence``
    (number within the unit), ``word``, ``pos``, ``start``/``end`` (offsets in the
    unit's text), ``line`` (raw line of the first character), ``content`` (not a stop
    word, punctuation or number), ``suspect`` (inside a garbled span that the audit
    could not repair; words wholly inside such a span are single characters).
    ``units``: the page's text units if already computed (:func:`zhpaper.corpus.units`
    of ``page`` and ``audit``).
    """
    import pandas as pd

    from .corpus import sentences
    from .corpus import units as text_units

    suspect = garbled_spans(audit)
    rows = []
    for u in units if units is not None else text_units(page, audit):
        bounds = sentences(u.text)
        spans = unit_garbled_spans(u, suspect)
        k = 0
        for t in tokenize(u.text, hmm=hmm, phrases=phrases, garbled=spans):
            while k + 1 < len(bounds) and t.start >= bounds[k][1]:
                k += 1
            rows.append((u.article, u.kind, u.paragraph, k, t.text, t.pos, t.start, t.end,
                         u.line_at(t.start),
                         is_content(t.text) and not t.pos.startswith(_FUNCTION_POS),
                         any(a < t.end and t.start < b for a, b in spans)))
    frame = pd.DataFrame(rows, columns=["article", "kind", "paragraph", "sentence", "word",
                                        "pos", "start", "end", "line", "content", "suspect"])
    return frame.astype({"paragraph": "Int64"})


__all__ = ["HELD_OUT", "HMM", "MATCH_COLUMNS", "SPLIT_RATIO", "Token", "count_phrases", "cut",
           "entries_in", "fold_width", "is_content", "merge_phrases", "phrase_matches",
           "phrase_words", "phrases", "pku_counts", "sentences_with", "stopwords", "tokenize",
           "tokenizer", "tokens_frame", "user_entries", "without_entries", "word_counts"]
