"""The genre's fixed phrases: one token in word counts, and found in token tables.

``data/phrases.txt`` lists phrases the genre uses as one term (安全生产, 治本攻坚) with
the words they are made of. :func:`merge_phrases` makes one token of their words;
:func:`phrase_matches`, :func:`count_phrases` and :func:`sentences_with` find any
phrases (runs of consecutive words) in a table of :func:`zhpaper.tokens.tokens_frame`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from .errors import ZhpaperError
from .resources import read_data
from .segmenter import Token, user_entries


@lru_cache(maxsize=1)
def phrase_words() -> dict[str, tuple[str, ...]]:
    """The genre's fixed phrases (``data/phrases.txt``) → the words they are made of."""
    text = read_data("phrases.txt")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, _, words = line.partition("\t")
            parts = tuple(words.split()) or (phrase,)
            if "".join(parts) != phrase:
                raise ValueError(f"data/phrases.txt: {words!r} does not spell {phrase!r}")
            out[phrase] = parts
    return out


@lru_cache(maxsize=1)
def phrases() -> dict[str, str]:
    """The genre's fixed phrases → their tag in ``data/userdict.txt`` (default ``nz``)."""
    tags = {w: t for w, _, t in user_entries()}
    return {w: tags.get(w) or "nz" for w in phrase_words()}


def merge_phrases(words: list[Token], text: str) -> list[Token]:
    """Consecutive tokens that spell a fixed phrase become one token (安全 生产 →
    安全生产), longest phrase first; offsets and tags follow the phrase."""
    table = phrases()
    longest = max(map(len, table), default=0)
    out, i = [], 0
    while i < len(words):
        best = None
        for j in range(i + 1, len(words)):
            span = words[j].end - words[i].start
            if span > longest:
                break
            if text[words[i].start:words[j].end] in table and words[j].start == \
                    words[j - 1].end:
                best = j
        if best is None:
            out.append(words[i])
            i += 1
        else:
            phrase = text[words[i].start:words[best].end]
            out.append(Token(phrase, words[i].start, words[best].end, table[phrase]))
            i = best + 1
    return out


#: The columns of :func:`tokens_frame` that :func:`phrase_matches` needs.
_RUN_COLUMNS = ("article", "kind", "paragraph", "sentence", "word", "start", "end", "line")
MATCH_COLUMNS = ["article", "kind", "paragraph", "sentence", "line", "start", "end", "phrase"]


def _wanted(phrases: Iterable[str]) -> list[str]:
    """``phrases`` without repeats, in their order; an empty phrase is an error."""
    wanted = list(dict.fromkeys(phrases))
    if any(not isinstance(p, str) or not p for p in wanted):
        raise ZhpaperError("phrases to count must be non-empty strings")
    return wanted


def _sentence_runs(frame) -> list[list[int]]:
    """Row positions of ``frame`` grouped into runs of one sentence of one text unit:
    consecutive rows with the same article, kind, paragraph and sentence, each token
    starting where the one before ended or later (a new unit starts its offsets again:
    two headings in a row are two units)."""
    missing = [c for c in _RUN_COLUMNS if c not in frame.columns]
    if missing:
        raise ZhpaperError(f"not a token table (tokens_frame): no column {missing[0]!r}")
    keys = list(zip(frame["article"], frame["kind"], frame["paragraph"].astype(object)
                    .where(frame["paragraph"].notna(), None), frame["sentence"], strict=True))
    starts, ends, runs = frame["start"].tolist(), frame["end"].tolist(), []
    for k, key in enumerate(keys):
        if k == 0 or key != keys[k - 1] or starts[k] < ends[k - 1]:
            runs.append([])
        runs[-1].append(k)
    return runs


def _runs_of(frame, runs: list[list[int]], wanted: list[str]
             ) -> Iterator[tuple[int, int, int, str]]:
    """``(run, first row, last row, phrase)`` for every run of whole tokens in
    ``runs`` that spells one of ``wanted``."""
    targets, longest = set(wanted), max(map(len, wanted), default=0)
    words = frame["word"].tolist()
    for r, run in enumerate(runs):
        for i, first in enumerate(run):
            text = ""
            for last in run[i:]:
                text += words[last]
                if len(text) > longest:
                    break
                if text in targets:
                    yield r, first, last, text


def phrase_matches(frame, phrases: Iterable[str]):
    """Every occurrence of each phrase in a token table (:func:`tokens_frame`) as a run
    of whole tokens: a phrase counts only where it starts and ends at word boundaries
    (产业链 is not found inside the token 全产业链), over as many tokens as it needs
    (新质生产力 as one token, 科技创新 as 科技 创新), never across sentences or text
    units. Overlapping runs all count (全 产业链 holds 全产业链 and 产业链).

    One row per occurrence: ``article``, ``kind``, ``paragraph``, ``sentence``, ``line``
    (raw line of its first token), ``start``/``end`` (offsets in the unit's text) and
    ``phrase``."""
    import pandas as pd

    wanted, runs = _wanted(phrases), _sentence_runs(frame)
    rows = []
    for _, first, last, text in _runs_of(frame, runs, wanted):
        head = frame.iloc[first]
        rows.append((head["article"], head["kind"], head["paragraph"], head["sentence"],
                     head["line"], head["start"], frame.iloc[last]["end"], text))
    return pd.DataFrame(rows, columns=MATCH_COLUMNS).astype({"paragraph": "Int64"})


def count_phrases(frame, phrases: Iterable[str]):
    """How often each phrase occurs in each article of a token table, counted over
    whole tokens (:func:`phrase_matches`): one row per article of ``frame`` (those
    without any occurrence too, in the table's order), one column per phrase."""
    wanted = _wanted(phrases)
    found = phrase_matches(frame, wanted)
    articles = list(dict.fromkeys(frame["article"]))
    counts = found.groupby(["article", "phrase"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=articles, columns=wanted, fill_value=0).astype(int)
    counts.index.name, counts.columns.name = "article", "phrase"
    return counts


def sentences_with(frame, phrases: Iterable[str]):
    """The sentences of a token table that hold one of ``phrases`` as whole tokens
    (:func:`phrase_matches`): ``article``, ``kind``, ``paragraph``, ``sentence``,
    ``line`` (of the sentence's first token), ``phrases`` (those found, in the order
    given, joined by 、) and ``text`` (the sentence)."""
    import pandas as pd

    wanted, runs = _wanted(phrases), _sentence_runs(frame)
    found: dict[int, set[str]] = {}
    for r, _, _, text in _runs_of(frame, runs, wanted):
        found.setdefault(r, set()).add(text)
    words, rows = frame["word"].tolist(), []
    for r in sorted(found):
        head = frame.iloc[runs[r][0]]
        rows.append((head["article"], head["kind"], head["paragraph"], head["sentence"],
                     head["line"], "、".join(p for p in wanted if p in found[r]),
                     "".join(words[k] for k in runs[r])))
    columns = ["article", "kind", "paragraph", "sentence", "line", "phrases", "text"]
    return pd.DataFrame(rows, columns=columns).astype({"paragraph": "Int64"})


__all__ = ["MATCH_COLUMNS", "count_phrases", "merge_phrases", "phrase_matches",
           "phrase_words", "phrases", "sentences_with"]
