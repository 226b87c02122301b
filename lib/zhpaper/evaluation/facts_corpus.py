"""Quantities and dates on People's Daily (January 1998) text, scored against the
corpus's own tags: the corpus half of :mod:`zhpaper.evaluation.facts`.

People's Daily 1998 (``zhpaper.pd1998``): quantities
-----------------------------------------------------
:func:`zhpaper.facts.quantities` runs on the clean text of every paragraph of the corpus
articles (the tag-stripped words as printed; ``facts`` needs no laid-out page).

* **Gold.** A run of consecutive ``m`` (numeral) tokens followed by a ``q`` (measure
  word) token is one gold span: ``３/m 万/m 人/q`` → ``３万人``, unit 人. Each span
  gets a category from its numeral, read from the corpus alone: ``ordinal`` (starts with
  第, 首 or 头, or the measure word is 届: 第十五次, 首批, 十一届), ``一`` (the numeral is a
  lone 一: 一个, 一年; the library reads 一 + classifier as an indefinite article and
  keeps 一 + unit of time, money …), ``vague`` (几, 数, 若干, 许多, 上百 …, a lone 多:
  几个, 数十万人) and ``numeral`` (everything else: ``３万人``, ``两三个``, ``半年``).
  The headline recall is over ``numeral`` spans; ``main`` prints every category.
* **Matching.** A gold span is found when an extracted quantity covers all its
  characters (hedges around it may widen the quantity: ``近２０年`` covers ``２０年``)
  and has the same unit, or a unit that begins with the measure word (the corpus
  writes ``７/m 个/q 月/n``, the library's unit is 个月). Each quantity is matched at
  most once, a range at most twice (``６０％—７０％`` is two gold numerals).
* **Precision** is over the extracted quantities with a unit other than %: one is
  right when it matches a gold span of any category, or covers a numeral (``m`` run)
  followed by a word equal to its unit whatever the word's tag (the corpus tags 人,
  日元, 卢布 after a numeral as nouns: ``３万/m 人/n``, 448 times in the dev half, never
  ``人/q``), or a numeral word that ends in its unit (``百年/m``).
* **Percentages.** A gold percentage is an ``m`` token that holds ％ or begins with
  百分之; it is found by a quantity with unit % covering it.
* **Baseline.** jieba's own tagger (plain dictionary, HMM on, on the text with
  full-width digits folded): a run of tokens tagged ``m``, ``mq``, ``q`` or made of
  digits, starting with a numeral, covering the gold span (jieba has no units, so no
  unit check). Its precision is over runs that hold a ``q`` or ``mq`` token.

People's Daily 1998: dates
--------------------------
* **Gold.** A run of consecutive ``t`` (time) tokens is one span (``１９９７年/t
  １２月/t ３１日/t``). Categories: ``calendar`` (a numeral before 年, 月, 日 or 号),
  ``deictic`` (今年, 去年, 上年, 明年, 今天, 昨天, 本月, 上月, 今晚 …: 今/去/前/明/后/昨/
  本/上/下 + 年/月/天/日/晚/夜/晨), ``holiday`` (元旦, 春节, 国庆 …, :data:`HOLIDAYS`,
  a list of this module's, not the library's rules) and ``other`` (目前, 现在, 下午,
  近年 …: times that are no calendar date, which the library does not look for). The
  headline recall is over calendar, deictic and holiday spans.
* **Matching.** A gold span is found when an extracted date mention overlaps it;
  "exact" when the mentions overlapping it cover exactly its characters. Precision: an
  extracted mention is right when it overlaps any ``t`` span.
* **Baseline.** jieba's ``t`` tokens, consecutive ones joined, same rule.

the test half was run for the figures, its errors never looked at (the script's
``--worst`` shows dev-half misses only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .measures import share

# --- the corpus's gold --------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """A gold span of one paragraph: characters ``start:end``, its category, and for a
    numeral + measure word the measure word."""

    start: int
    end: int
    text: str
    category: str
    unit: str | None = None


def _offsets(tagged) -> list[tuple[int, int, str, str]]:
    out, at = [], 0
    for word, tag in tagged:
        out.append((at, at + len(word), word, tag))
        at += len(word)
    return out


_VAGUE = re.compile(r"几|数|若干|许多|^多$|^[上成][百千万]")


def _mq_category(numeral: str, unit: str) -> str:
    if numeral[0] in "第首头" or unit == "届":
        return "ordinal"
    if numeral == "一":
        return "一"
    if _VAGUE.search(numeral):
        return "vague"
    return "numeral"


def mq_spans(tagged) -> list[Span]:
    """The gold numeral + measure-word spans of one tagged paragraph (see the module
    docstring), and its percentages (category ``percent``)."""
    toks = _offsets(tagged)
    out: list[Span] = []
    i = 0
    while i < len(toks):
        if toks[i][3] != "m":
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j][3] == "m":
            j += 1
        numeral = "".join(t[2] for t in toks[i:j])
        s = toks[i][0]
        if j < len(toks) and toks[j][3] == "q":
            out.append(Span(s, toks[j][1], numeral + toks[j][2],
                            _mq_category(numeral, toks[j][2]), toks[j][2]))
        else:  # for precision only: ３万/m 人/n, 百年/m
            if j < len(toks) and toks[j][3] != "w":
                out.append(Span(s, toks[j][1], numeral + toks[j][2], "noun", toks[j][2]))
            out.append(Span(s, toks[j - 1][1], numeral, "word"))
        for s, e, word, _ in toks[i:j]:
            if "％" in word or "%" in word or word.startswith("百分之"):
                out.append(Span(s, e, word, "percent", "%"))
        i = j
    return out


#: Holidays for the gold's ``holiday`` category (this module's list, not the library's rules).
HOLIDAYS = ("元旦", "春节", "除夕", "元宵", "清明", "端午", "中秋", "重阳", "国庆", "圣诞",
            "五一", "七一", "八一", "十一", "劳动节", "妇女节", "儿童节", "青年节", "建军节",
            "教师节", "植树节", "腊八", "小年", "春晚")
_CALENDAR = re.compile(r"[0-9０-９零〇一二三四五六七八九十]+[年月日号]")
_DEICTIC = re.compile(r"^(?:上个月|下个月|[今去前明后昨本上下][年月天日晚夜晨])")


def t_category(text: str) -> str:
    if _CALENDAR.search(text):
        return "calendar"
    if _DEICTIC.search(text):
        return "deictic"
    if any(h in text for h in HOLIDAYS):
        return "holiday"
    return "other"


def t_spans(tagged) -> list[Span]:
    """Runs of consecutive ``t`` tokens of one tagged paragraph, with their category."""
    out: list[Span] = []
    run: list[tuple[int, int, str, str]] = []
    for tok in (*_offsets(tagged), (0, 0, "", "")):
        if tok[3] == "t":
            run.append(tok)
            continue
        if run:
            text = "".join(t[2] for t in run)
            out.append(Span(run[0][0], run[-1][1], text, t_category(text)))
        run = []
    return out


# --- the systems --------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    start: int
    end: int
    unit: str | None = None
    scored: bool = True  #: counted in the precision denominator
    range: bool = False  #: a range (３至５个, ６０％—７０％) may cover two gold spans


def library_quantities(text: str) -> list[Found]:
    from ..facts import lexicon, quantities

    percent = set(lexicon()["units"]["percent"])
    return [Found(q.start, q.end, q.unit, q.unit is not None and q.unit not in percent,
                  q.kind == "range") for q in quantities(text)]


def library_percentages(text: str) -> list[Found]:
    from ..facts import quantities

    return [Found(q.start, q.end, "%", range=q.kind == "range")
            for q in quantities(text) if q.unit == "%"]


def library_dates(text: str) -> list[Found]:
    from ..facts import date_mentions

    return [Found(d.start, d.end) for d in date_mentions(text)]


def _jieba(text: str):
    from ..tokens import fold_width, tokenizer

    at = 0
    for pair in tokenizer(domain=False).cut(fold_width(text)):
        yield at, at + len(pair.word), pair.word, pair.flag
        at += len(pair.word)


def _numeric(word: str, flag: str) -> bool:
    return flag in ("m", "mq", "q") or word.replace(".", "").isdigit()


def jieba_quantities(text: str) -> list[Found]:
    """Runs of jieba ``m``/``mq``/``q``/digit tokens that start with a numeral."""
    out: list[Found] = []
    run: list[tuple[int, int, str, str]] = []
    for tok in (*_jieba(text), (0, 0, "", "")):
        if tok[2] and _numeric(tok[2], tok[3]) and (run or tok[3] != "q"):
            run.append(tok)
            continue
        if run:
            out.append(Found(run[0][0], run[-1][1], None,
                             any(t[3] in ("q", "mq") for t in run)))
        run = [tok] if tok[2] and _numeric(tok[2], tok[3]) and tok[3] != "q" else []
    return out


def jieba_dates(text: str) -> list[Found]:
    out: list[Found] = []
    for s, e, _, flag in _jieba(text):
        if flag != "t":
            continue
        if out and out[-1].end == s:
            out[-1] = Found(out[-1].start, e)
        else:
            out.append(Found(s, e))
    return out


# --- scoring ------------------------------------------------------------------------------

@dataclass
class Tally:
    """Gold spans found per category, and the precision counts."""

    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    exact: Counter = field(default_factory=Counter)
    scored: int = 0  #: extracted items in the precision denominator
    right: int = 0
    misses: Counter = field(default_factory=Counter)  #: (category, text) of misses
    alarms: Counter = field(default_factory=Counter)  #: text of false alarms

    def recall(self, categories: Iterable[str]) -> tuple[int, int]:
        cats = tuple(categories)
        return sum(self.found[c] for c in cats), sum(self.gold[c] for c in cats)

    def precision(self) -> float:
        return share(self.right, self.scored, 1.0)


def _unit_ok(found: Found, gold: Span) -> bool:
    if gold.category == "word":  # a numeral word holding its unit: 百年/m
        return found.unit is not None and gold.text.endswith(found.unit)
    if gold.unit is None:
        return True
    return found.unit is not None and found.unit.startswith(gold.unit)


#: Gold spans that make an extracted quantity right but are not counted in recall.
PRECISION_ONLY = ("noun", "word")


def _tally_covering(tally: Tally, text: str, gold: list[Span], found: list[Found],
                    unit: bool) -> None:
    used: set[int] = set()
    for g in sorted(gold, key=lambda g: g.category in PRECISION_ONLY):
        k = next((k for k, f in enumerate(found) if (k not in used or f.range)
                  and f.start <= g.start and g.end <= f.end and (not unit or _unit_ok(f, g))),
                 None)
        if g.category in PRECISION_ONLY:
            if k is not None and (g.category == "word" or g.end == found[k].end
                                  or found[k].unit == g.unit):
                used.add(k)
            continue
        tally.gold[g.category] += 1
        if k is None:
            tally.misses[(g.category, g.text)] += 1
            continue
        used.add(k)
        tally.found[g.category] += 1
    for k, f in enumerate(found):
        if f.scored:
            tally.scored += 1
            tally.right += k in used
            if k not in used:
                tally.alarms[text[max(0, f.start - 2):f.end + 1]] += 1


def _tally_overlap(tally: Tally, text: str, gold: list[Span], found: list[Found]) -> None:
    for g in gold:
        tally.gold[g.category] += 1
        over = [f for f in found if f.start < g.end and g.start < f.end]
        if not over:
            tally.misses[(g.category, g.text)] += 1
            continue
        tally.found[g.category] += 1
        covered = {i for f in over for i in range(f.start, f.end)}
        tally.exact[g.category] += covered == set(range(g.start, g.end))
    for f in found:
        tally.scored += 1
        hit = any(f.start < g.end and g.start < f.end for g in gold)
        tally.right += hit
        if not hit:
            tally.alarms[text[max(0, f.start - 2):f.end + 1]] += 1


QSystem = Callable[[str], list[Found]]


def score_corpus(arts, quantities: QSystem = library_quantities,
                 percentages: QSystem = library_percentages,
                 dates: QSystem = library_dates) -> dict[str, Tally]:
    """Tallies ``mq``, ``percent`` and ``t`` over every paragraph of ``arts``."""
    out = {"mq": Tally(), "percent": Tally(), "t": Tally()}
    for a in arts:
        for text, tagged in zip(a.paragraphs, a.tagged, strict=True):
            spans = mq_spans(tagged)
            mq = [s for s in spans if s.category != "percent"]
            _tally_covering(out["mq"], text, mq, quantities(text), unit=True)
            if percentages is not None:
                _tally_covering(out["percent"], text,
                                [s for s in spans if s.category == "percent"],
                                percentages(text), unit=True)
            _tally_overlap(out["t"], text, t_spans(tagged), dates(text))
    return out


def score_baseline(arts) -> dict[str, Tally]:
    out = {"mq": Tally(), "t": Tally()}
    for a in arts:
        for text, tagged in zip(a.paragraphs, a.tagged, strict=True):
            mq = [s for s in mq_spans(tagged) if s.category != "percent"]
            _tally_covering(out["mq"], text, mq, jieba_quantities(text), unit=False)
            _tally_overlap(out["t"], text, t_spans(tagged), jieba_dates(text))
    return out


def sample(half_name: str, pages: int) -> list:
    """The articles scored on a half: see :func:`zhpaper.evaluation.layout.sample_articles`."""
    from .layout import sample_articles

    return sample_articles(half_name, pages)


#: The gold categories of the headline recalls (quantities; dates).
SCOPE_MQ = ("numeral",)
SCOPE_T = ("calendar", "deictic", "holiday")
