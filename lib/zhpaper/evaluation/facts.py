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

People's Daily 1998
-------------------
The corpus's gold, the systems compared and the tallies are in
:mod:`zhpaper.evaluation.facts_corpus` (quantities and dates against the corpus's m+q
and t tags); relative years on laid-out pages in :mod:`zhpaper.evaluation.facts_relative`.
This module scores the seed page and assembles the rows of the shared table.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..page import Page
from .facts_corpus import SCOPE_MQ, SCOPE_T, Tally, sample, score_baseline, score_corpus
from .facts_relative import CORPUS_DATE, Relative, score_relative
from .measures import f1

if TYPE_CHECKING:
    from ..audit import Audit


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
    return p, r, f1(p, r)


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
                     "F1": f1(p, r), "kind_ok": kind_ok})
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


# --- the shared table ---------------------------------------------------------------------

def ratio(n: int, d: int) -> str:
    """``n / d`` with three decimals and the counts, ``—`` when ``d`` is 0."""
    return f"{n / d:.3f} ({n}/{d})" if d else "—"



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
