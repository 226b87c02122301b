"""The words the entity stage reads: one jieba pass per text, cut two ways.

The rules (:mod:`zhpaper.entity_rules`) read jieba's own coarse words, the tagger
(:mod:`zhpaper.entity_model`) the PKU-granularity words and the coarse ones beside them.
Both come from one pass of :func:`zhpaper.tokens.tokenize` (``pku=False``, HMM off): the
PKU cut is derived from the coarse words as ``tokenize`` derives it, not tokenized again.
Unknown words (runs of single characters) get one guess from jieba's character HMM
(:func:`hmm_cut`), shared by rules and tagger, instead of a second pass of jieba's
part-of-speech HMM.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .tokens import MEMO, Token, tokenize, tokenizer

_HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Words:
    """The words of one text from one jieba pass (HMM off), in the two cuts the entity
    stage reads: ``coarse`` (jieba's own words: whole organisation names; the rules read
    them, :func:`zhpaper.entity_rules.name_tokens`) and ``fine`` (the same words cut to
    the PKU corpus's granularity, as :func:`zhpaper.tokens.tokenize` cuts them; the
    tagger reads both)."""

    coarse: tuple[Token, ...]
    fine: tuple[Token, ...]


@lru_cache(maxsize=65536)
def hmm_cut(run: str) -> tuple[str, ...]:
    """jieba's character HMM (``jieba.finalseg``, four states, no tags) on a run of
    single characters: the one guess at unknown words that rules and tagger share."""
    import jieba.finalseg

    return tuple(jieba.finalseg.cut(run))


def _fine(coarse: Sequence[Token]) -> list[Token]:
    """Coarse words cut to PKU granularity, each part tagged as ``tokenize`` tags it."""
    from .pku import _USER_TAGS, _pku_split

    tags = tokenizer(True).word_tag_tab
    out = []
    for t in coarse:
        parts = _pku_split(t.text, t.pos)
        at = t.start
        for part in parts:
            pos = t.pos if len(parts) == 1 else tags.get(part) or _USER_TAGS().get(part) or t.pos
            out.append(Token(part, at, at + len(part), pos))
            at += len(part)
    return out


@lru_cache(maxsize=MEMO)
def _words(text: str, _tokenizer: object) -> Words:
    coarse = tokenize(text, pku=False)
    return Words(tuple(coarse), tuple(_fine(coarse)))


def words_of(text: str) -> Words:
    """:class:`Words` of ``text``, remembered for the last 4,096 texts (per tokenizer,
    so :func:`zhpaper.tokens.without_entries` reads afresh)."""
    return _words(text, tokenizer(True))


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


__all__ = ["Words", "hmm_cut", "single_char_runs", "words_of"]
