"""The features the name tagger reads, and its labels.

Features of a word (:func:`features`): itself, its tag, its neighbours (two either side)
and their tags, its first and last characters and those of its neighbours, a shape
(surname first, every character a transliteration character, ends in an organisation
or place suffix of ``data/entities.toml``), jieba's HMM reading of a run of single
characters (李 礼 章 → 李礼章), where it sits in jieba's own coarser word, and two
lexicons learnt from the corpus (:class:`Lexicons`: the names it tags, longest match
over up to :data:`GAZ_WORDS` words, and the commonest corpus tag of each word).
:func:`labels` gives the ``B-``/``I-``/``O`` label of each word (:data:`LABELS`).
:mod:`zhpaper.entity_model` learns from them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .corpus_names import Mention, corpus_names, corpus_rules, is_head
from .entity_rules import rules
from .entity_words import hmm_cut, single_char_runs
from .tokens import Token

LABELS = ("O", "B-person", "I-person", "B-place", "I-place", "B-org", "I-org")
#: Longest gazetteer entry, in words.
GAZ_WORDS = 6


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
    r = rules()
    out = "S" if word[0] in r.surnames and len(word) <= 3 else (
        "F" if all(ch in r.foreign_chars for ch in word) else "")
    out += "o" if word.endswith(r.org_suffixes) else ""
    out += "p" if word.endswith(r.place_suffixes) else ""
    return out + str(min(len(word), 4))


def _hmm_features(tokens: Sequence[Token]) -> list[list[str]]:
    """jieba's HMM reading of each run of single characters (李 礼 章 → 李礼章): the
    position of each character in the HMM's word and that word's length."""
    out: list[list[str]] = [[] for _ in tokens]
    for k, end in single_char_runs(tokens):
        at = k
        for word in hmm_cut("".join(t.text for t in tokens[k:end])):
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


__all__ = ["GAZ_WORDS", "LABELS", "Lexicons", "features", "labels", "lexicons"]
