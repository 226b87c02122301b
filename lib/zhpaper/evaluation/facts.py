"""Scores of :mod:`zhpaper.facts`: the seed page against its hand lists, and People's
Daily (January 1998) text the library has never seen against the corpus's own tags.

``python scripts/evaluate_facts.py`` prints every figure; :func:`unseen_rows` gives the
rows of the table "the analysis on text it has never seen" (:mod:`zhpaper.evaluation.unseen`).

Seed page (in-sample)
---------------------
Against ``seed_quantities.json`` (85 quantities) and ``seed_dates.json`` (20 dates)
of the evaluation data (:mod:`zhpaper.evaluation.evaldata`). An extracted quantity
matches a hand-listed one when they stand on the same raw line and have the same value (relative
difference below 1e-9) and the same unit (both null counts as the same); each hand
entry is matched at most once. Precision = matched / extracted, recall = matched /
listed, by kind of the hand entry (recall) and of the extracted fact (precision); "kind
ok" counts matched pairs whose kinds agree. A date counts as resolved correctly when an
extracted date on the same line has the same ``resolved`` string. The page prints no
date, so its dates are scored twice: as the page stands (its relative dates must stay
unresolved, none may be resolved wrongly) and with the date of publication given (the
date of :func:`zhpaper.evaluation.evaldata.seed_split`, as a user would pass
``read_page(path, date=…)``). The rules were written while looking at this page: these
figures are in-sample.

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

People's Daily 1998: relative dates on laid-out pages
------------------------------------------------------
The corpus prints no date of publication (its datelines give month and day only), but
every article is from an issue of January 1998, so a relative year has a known truth: 今年
is 1998, 去年 and 上年 1997, 明年 1999 — counted from 1997 in a story datelined in
December (新华社北京１２月３０日电 … 明年 is 1998), read from the corpus article's own lead.
The pages of :func:`zhpaper.evaluation.layout.pages` (MinerU style, seeds 0 … ``pages``) are read
by the library; every relative year (今年 …, with or without month and day) is put in
the corpus article whose text holds its sentence (mentions in a sentence that no single
article holds, after a wrong join, are left out and counted) and counted as resolved
right, resolved wrong or left relative:

* as the page stands (no date given): the library must leave every one relative;
* with the date given (:data:`CORPUS_DATE`, the last day of the corpus: no article is
  from a later issue, and the library dates each dateline to the latest such day not
  after it);
* baseline: the library's rule until now, the latest year the page prints as past taken
  as the page's year (kept as ``PageYear.earliest``, a lower bound it no longer
  resolves against).

Halves: ``pd1998.half``. Errors were looked at, and rules tuned, on the dev half only;
the test half was run for the figures, its errors never looked at (the script's
``--worst`` shows dev-half misses only).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..page import Page

if TYPE_CHECKING:
    from ..audit import Audit

#: The date given to corpus pages: the last day of the People's Daily of January 1998.
CORPUS_DATE = "1998-01-31"
CORPUS_YEAR = 1998


# --- the seed page ------------------------------------------------------------------------

def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def match_quantities(found: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs (found, gold) on the same line with the same value and unit."""
    used: set[int] = set()
    pairs = []
    for f in found:
        for k, g in enumerate(gold):
            if k in used or g["line"] != f["line"] or not _same(g["value"], f["value"]):
                continue
            if (g["unit"] or None) != (f["unit"] or None):
                continue
            used.add(k)
            pairs.append((f, g))
            break
    return pairs


def prf(tp: int, n_found: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_found if n_found else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _kind_rows(found: list[dict], gold: list[dict], pairs) -> list[dict]:
    matched_f = {id(f) for f, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    rows = []
    for kind in sorted({g["kind"] for g in gold} | {f["kind"] for f in found}) + ["all"]:
        fk = [f for f in found if kind in ("all", f["kind"])]
        gk = [g for g in gold if kind in ("all", g["kind"])]
        p = sum(id(f) in matched_f for f in fk) / len(fk) if fk else 1.0
        r = sum(id(g) in matched_g for g in gk) / len(gk) if gk else 1.0
        kind_ok = sum(f["kind"] == g["kind"] for f, g in pairs if kind in ("all", g["kind"]))
        rows.append({"kind": kind, "found": len(fk), "listed": len(gk), "P": p, "R": r,
                     "F1": 2 * p * r / (p + r) if p + r else 0.0, "kind_ok": kind_ok})
    return rows


def _score_dates(dates, gold_dates: list[dict]) -> dict:
    """Listed dates resolved right, resolved wrong, left relative or not found (a listed
    date is the extracted one on its line with the same characters, spaces aside)."""
    got = [(int(r.line), r.resolved) for r in dates.itertuples()]
    pool = list(got)
    by_key = {(int(r.line), re.sub(r"\s", "", r.raw)): r for r in dates.itertuples()}
    ok, wrong_n, relative, wrong = 0, 0, 0, []
    for g in gold_dates:
        if (g["line"], g["resolved"]) in pool:
            pool.remove((g["line"], g["resolved"]))
            ok += 1
            continue
        wrong.append(g)
        row = by_key.get((g["line"], re.sub(r"\s", "", g["raw"])))
        if row is not None and row.status == "relative":
            relative += 1
        elif row is not None and row.resolved:
            wrong_n += 1
    return {"listed": len(gold_dates), "found": len(got), "resolved_ok": ok,
            "relative": relative, "resolved_wrong": wrong_n, "wrong": wrong, "extra": pool}


def seed_scores(page: Page, audit: Audit | None = None,
                date: datetime.date | str | None = None) -> dict:
    """The scores of the seed page ``page`` (audited with ``audit``, or afresh) against
    its hand lists: ``rows`` (:func:`_kind_rows`), ``misses``, ``false_alarms``,
    ``kind_mismatch``; ``dates`` scores the page as it stands, ``dates_given`` the page
    with ``date`` given (by default the date of
    :func:`zhpaper.evaluation.evaldata.seed_split`: the figure comparable with the
    hand list)."""
    from ..audit import audit as run_audit
    from ..facts import dates_frame, facts_frame
    from .evaldata import eval_data, seed_split

    split = seed_split()
    split.check(page)
    audit = audit if audit is not None else run_audit(page)
    frame = facts_frame(page, audit)
    found = [{"line": int(r.line), "raw": r.raw, "value": float(r.value),
              "unit": r.unit if isinstance(r.unit, str) else None, "kind": r.kind}
             for r in frame.itertuples()]
    gold = eval_data("seed_quantities.json")["quantities"]
    pairs = match_quantities(found, gold)
    matched_f = {id(f) for f, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    gold_dates = eval_data("seed_dates.json")["dates"]
    dated = page.with_date(date or split.date)
    return {"rows": _kind_rows(found, gold, pairs),
            "misses": [g for g in gold if id(g) not in matched_g],
            "false_alarms": [f for f in found if id(f) not in matched_f],
            "kind_mismatch": [(f, g) for f, g in pairs if f["kind"] != g["kind"]],
            "dates": _score_dates(dates_frame(page, audit), gold_dates),
            "dates_given": _score_dates(dates_frame(dated, audit), gold_dates)}


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
        return self.right / self.scored if self.scored else 1.0


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


# --- relative dates on laid-out pages -----------------------------------------------------

@dataclass
class Relative:
    """Relative years (今年 …) on laid-out pages: how each was resolved."""

    pages: int = 0
    mentions: int = 0
    right: Counter = field(default_factory=Counter)  #: by setting
    wrong: Counter = field(default_factory=Counter)
    left: Counter = field(default_factory=Counter)  #: left relative
    unmatched: Counter = field(default_factory=Counter)  #: sentence in no one article


SETTINGS = ("no date", "date given", "old rule")


def _offset(raw: str) -> int | None:
    """The year offset of a relative year (今年 0, 去年 −1 …), ``None`` for other dates."""
    from ..facts import lexicon

    rel = lexicon()["relative_years"]
    word = next((w for w in sorted(rel, key=len, reverse=True) if raw.startswith(w)), None)
    return None if word is None else rel[word]


def _year_of(resolved: str) -> int | None:
    m = re.match(r"(\d{4})", resolved or "")
    return int(m[1]) if m else None


_DECEMBER_DATELINE = re.compile(r"(?:12|１２)月[0-9０-９]{1,2}日[电讯]")


def _told_years(laid) -> list[tuple[str, int]]:
    """(text, year told in) of each corpus article on a laid-out page: 1998, or 1997 for a
    story datelined in December (新华社北京１２月３１日电: its 今年 is 1997)."""
    out = []
    for art in laid.articles:
        paras = [p for sec in art["sections"] for p in sec["paragraphs"]]
        lead = " ".join(filter(None, [art.get("byline") or "", paras[0] if paras else ""]))
        december = bool(_DECEMBER_DATELINE.search(lead[:60]))
        out.append((re.sub(r"\s", "", "".join(paras)), CORPUS_YEAR - december))
    return out


def _truth(row, told: list[tuple[str, int]]) -> int | None:
    """The right year of a relative-year row, from the corpus article its sentence is
    in; ``None`` when the sentence is in no single article (a wrong join)."""
    sentence = re.sub(r"\s", "", row.sentence)
    hits = {year for text, year in told if sentence in text}
    if len(hits) != 1:
        k = sentence.find(re.sub(r"\s", "", row.raw))
        window = sentence[max(0, k - 8):k + len(row.raw) + 8]
        hits = {year for text, year in told if k >= 0 and window in text}
    return hits.pop() + _offset(row.raw) if len(hits) == 1 else None


def _tally_relative(out: Relative, setting: str, frame, told, old_year: int | None) -> None:
    for r in frame.itertuples():
        offset = _offset(r.raw)
        if offset is None:
            continue
        truth = _truth(r, told)
        if truth is None:
            out.unmatched[setting] += 1
            continue
        got = (old_year + offset if old_year is not None else None) \
            if setting == "old rule" else _year_of(r.resolved)
        if setting == "no date":
            out.mentions += 1
        bucket = out.left if got is None else out.right if got == truth else out.wrong
        bucket[setting] += 1


def score_relative(half_name: str, pages: int, style: str = "mineru") -> Relative:
    """Relative years on ``pages`` laid-out pages of one half (see the docstring)."""
    from .. import source
    from ..facts import dates_frame, page_year
    from ..reconstruct import reconstruct
    from . import layout

    out = Relative()
    for laid in layout.pages(half_name, pages, 0, style):
        page = reconstruct(source.from_text(laid.markdown, f"{half_name}-{laid.seed}.md"))
        out.pages += 1
        told = _told_years(laid)
        frame = dates_frame(page)
        old_year = page_year(page).earliest
        _tally_relative(out, "no date", frame, told, old_year)
        _tally_relative(out, "old rule", frame, told, old_year)
        _tally_relative(out, "date given", dates_frame(page.with_date(CORPUS_DATE)), told,
                        old_year)
    return out


# --- the shared table ---------------------------------------------------------------------

def ratio(n: int, d: int) -> str:
    """``n / d`` with three decimals and the counts, ``—`` when ``d`` is 0."""
    return f"{n / d:.3f} ({n}/{d})" if d else "—"


SCOPE_MQ = ("numeral",)
SCOPE_T = ("calendar", "deictic", "holiday")


def _unseen_scores(page: Page, pages: int, audit: Audit | None = None) -> tuple:
    """The seed scores, corpus tallies per half, the test half's baseline, relative
    years per half and the sample's description, for :func:`unseen_rows`."""
    arts = {h: sample(h, pages) for h in ("dev", "test")}
    return (seed_scores(page, audit), {h: score_corpus(a) for h, a in arts.items()},
            score_baseline(arts["test"]), {h: score_relative(h, pages) for h in arts},
            f"{pages} pages a half: {len(arts['dev'])} / {len(arts['test'])} articles")


def _recall(t: Tally, categories: Iterable[str]) -> str:
    return ratio(*t.recall(categories))


def _precision(t: Tally) -> str:
    return ratio(t.right, t.scored)


def unseen_rows(page: Page, pages: int = 40, audit: Audit | None = None) -> list[dict[str, str]]:
    """Rows: keys stage, measure, seed, dev, test, baseline, target (formatted strings;
    "—" where a cell does not apply). Quantities and dates on the articles of ``pages``
    corpus pages per half (seeds 0 …); relative years on the same ``pages`` pages laid
    out in MinerU style and read by the library; the baseline is jieba's tags (for
    relative years: the library's old rule) on the test half; the seed cell is the seed
    page ``page`` against its hand lists."""
    seed, lib, base, rel, n = _unseen_scores(page, pages, audit)
    seed_all = next(r for r in seed["rows"] if r["kind"] == "all")
    rows = [
        {"measure": f"numeral + measure word (corpus m+q, not ordinal, 一 or vague): "
                    f"recall, same unit ({n})",
         "seed": f"{seed_all['R']:.3f} (hand list, all quantities)",
         "dev": _recall(lib["dev"]["mq"], SCOPE_MQ),
         "test": _recall(lib["test"]["mq"], SCOPE_MQ),
         "baseline": _recall(base["mq"], SCOPE_MQ) + " (jieba m/q runs, no unit)"},
        {"measure": "quantities with a measure-word unit: precision against any m+q span",
         "seed": f"{seed_all['P']:.3f} (hand list, all quantities)",
         "dev": _precision(lib["dev"]["mq"]), "test": _precision(lib["test"]["mq"]),
         "baseline": _precision(base["mq"]) + " (jieba runs with q)"},
        {"measure": "percentages (corpus m with ％ or 百分之): recall",
         "seed": "—", "dev": _recall(lib["dev"]["percent"], ["percent"]),
         "test": _recall(lib["test"]["percent"], ["percent"]), "baseline": "—"},
        {"measure": "dates (corpus t runs naming a year, month, day, deictic day or "
                    "holiday): recall, overlap",
         "seed": f"{seed['dates_given']['resolved_ok']}/{seed['dates_given']['listed']} "
                 "(hand list, found and resolved)",
         "dev": _recall(lib["dev"]["t"], SCOPE_T), "test": _recall(lib["test"]["t"], SCOPE_T),
         "baseline": _recall(base["t"], SCOPE_T) + " (jieba t)"},
        {"measure": "date mentions: precision (overlaps a t run)", "seed": "—",
         "dev": _precision(lib["dev"]["t"]), "test": _precision(lib["test"]["t"]),
         "baseline": _precision(base["t"]) + " (jieba t)"},
        *_relative_rows(seed, rel, pages),
    ]
    return [{"stage": "facts", "target": "none set", **r} for r in rows]


def _relative_rows(seed: dict, rel: dict[str, Relative], pages: int) -> list[dict[str, str]]:
    """The two rows of :func:`unseen_rows` on relative years."""
    from .evaldata import seed_split

    given = seed["dates_given"]
    return [
        {"measure": f"relative years (今年, 去年 …) resolved with no date printed or given "
                    f"({pages} MinerU pages a half; truth: 1998, from 1997 in a story "
                    "datelined in December)",
         "seed": f"{seed['dates']['resolved_wrong']} wrong; {seed['dates']['relative']} of "
                 f"{seed['dates']['listed']} listed dates left relative",
         "dev": _relative_cell(rel["dev"], "no date"),
         "test": _relative_cell(rel["test"], "no date"),
         "baseline": _relative_cell(rel["test"], "old rule") + " (old rule: latest past "
                     "year printed)",
         "target": "0 resolved"},
        {"measure": f"the same with the date given (read_page(date=…), {CORPUS_DATE}): "
                    "resolved right",
         "seed": f"{given['resolved_ok']}/{given['listed']} listed dates right "
                 f"({seed_split().date.isoformat()})",
         "dev": ratio(rel["dev"].right["date given"], rel["dev"].mentions),
         "test": ratio(rel["test"].right["date given"], rel["test"].mentions),
         "baseline": ratio(rel["test"].right["old rule"], rel["test"].mentions)
                     + " (old rule)",
         "target": "all"},
    ]


def _relative_cell(r: Relative, setting: str) -> str:
    done = r.right[setting] + r.wrong[setting]
    return f"{done} of {r.mentions} resolved ({r.wrong[setting]} wrong)"


