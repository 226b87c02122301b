"""The analysis on text it has never seen: one table, stage × measure, the seed page beside
the People's Daily 1998 development and test halves and a baseline.

:func:`rows` computes every row; :func:`frame` and :func:`markdown` lay them out. The
rows of each stage come from the function that measures it, so each figure can be
traced to the rule it states:

* segmentation — :func:`segmentation_rows` (word F1; baseline jieba's default);
* audit — :func:`audit_rows` (false alarms on clean text, injected look-alikes;
  baseline the dictionary-only confusion rule);
* entities — :func:`zhpaper.evaluation.entities.unseen_rows` (per-occurrence precision and
  recall against the corpus's nr / ns / nt tags; baseline jieba's own tags);
* quantities and dates — :func:`zhpaper.evaluation.facts.unseen_rows` (numeral + measure word
  and time spans against the corpus's m+q and t tags; relative years with and without
  a given date; baseline jieba's tags and the old year rule).

The 1998 halves are those of :mod:`zhpaper.pd1998` (split by position in the
date-ordered file; rules were tuned on "dev", "test" was only measured). "seed" is the
seed page against its hand-made lists (:mod:`zhpaper.evaluation.evaldata`),
in-sample for every stage (the library was built on it). ``quick=True`` uses smaller
samples (the measures say their sample size), about a minute on the 2-core reference
machine; the default takes a few minutes. ``python scripts/evaluate_analysis.py`` prints the table.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..page import Page

if TYPE_CHECKING:
    import pandas as pd

    from ..audit import Audit

COLUMNS = ("stage", "measure", "seed", "dev", "test", "baseline", "target")
HEADER = ("stage", "measure", "seed page", "1998 dev half", "1998 test half",
          "baseline (test half)", "target", "test half meets it")
#: Keyword arguments of each stage's rows: the default run, and ``quick``.
SAMPLES = {
    "segmentation": ({}, {}),
    "audit": ({}, {"pages": 20, "articles": 60, "seed_pages": 5}),
    "entities": ({"pages": 0}, {"pages": 20}),
    "facts": ({"pages": 40}, {"pages": 15}),
}


# --- segmentation -----------------------------------------------------------------------

def corpus_halves() -> dict[str, list[list[str]]]:
    """Unseen People's Daily 1998 text in PKU segmentation, by half of the pd1998 split:
    ``dev``, the held-out lines (every ``HELD_OUT``-th) that hold dev-half text (the rest
    of the dev half trains the tokenizer's counts); ``test``, every line of the test half
    (none of which any model learns from: :func:`zhpaper.heldout.test_half_lines`).
    Both are empty when the corpus file is missing."""
    from .. import heldout, pd1998
    from ..tokens import HELD_OUT

    path = heldout.seg_corpus_path()
    if path is None:
        return {"dev": [], "test": []}
    lines = path.read_text("utf-8").split("\n")
    dev = heldout.seg_lines_of(pd1998.half("dev"))
    test = heldout.test_half_lines()
    pick = {"dev": sorted(k for k in dev if k % HELD_OUT == 0), "test": sorted(test)}
    return {h: [w for k in ks if (w := heldout.seg_line_words(lines[k]))]
            for h, ks in pick.items()}


def segmentation_rows() -> list[dict[str, str]]:
    """Word F1 of the library's tokenizer and of jieba's default (the baseline) on the
    seed page's test articles and on unseen 1998 text of each half
    (:func:`corpus_halves`). jieba's own dictionary was compiled from corpora that
    include the People's Daily, so for jieba (and the library, which starts from jieba's
    dictionary) the 1998 text is not wholly unseen; the library's own corpus counts leave
    the test half out."""
    from ..tokens import cut
    from . import segmentation
    from .evaldata import segmentation_gold

    vocab = segmentation.jieba_vocabulary()
    page = segmentation_gold()["test"]
    halves = corpus_halves()

    def f1(gold: list[list[str]], options: dict) -> str:
        if not gold:
            return "—"
        pred = [cut("".join(g), **options) for g in gold]
        return f"{segmentation.score(gold, pred, vocab).f1:.3f}"

    ours, base = {"domain": True, "hmm": False}, {"domain": False, "hmm": True}
    n = {h: sum(map(len, g)) for h, g in halves.items()}
    return [{"stage": "segmentation",
             "measure": f"word F1 (1998: {n['dev']:,} / {n['test']:,} words)",
             "seed": f"{f1(page, ours)} (test articles)", "dev": f1(halves["dev"], ours),
             "test": f1(halves["test"], ours), "baseline": f"{f1(halves['test'], base)} "
             "(jieba default, test)", "target": "≥ 0.95"}]


# --- the OCR audit ----------------------------------------------------------------------

def audit_rules() -> dict:
    """The confusion rules compared: the audit's, and the dictionary-only baseline."""
    from ..audit import CONFUSIONS, DICTIONARY_ONLY

    return {"audit": CONFUSIONS, "dictionary only": DICTIONARY_ONLY}


def seed_match(page: Page, audit: Audit | None = None) -> tuple[int, int, int, int, list[str]]:
    """``(matched findings, findings, matched errors, errors, missed)``: the audit of
    the seed page ``page`` against its hand-checked errors (``seed_ocr_errors.json``)."""
    from ..audit import audit as run_audit
    from .audit import match_audit
    from .evaldata import eval_data, seed_split

    seed_split().check(page)
    errors = eval_data("seed_ocr_errors.json")["errors"]
    result = audit if audit is not None else run_audit(page)
    mf, me = match_audit(result.findings, errors, page.lines)
    missed = [f"{e['line']}: {e['original']}" for i, e in enumerate(errors) if i not in me]
    return len(mf), len(result.findings), len(me), len(errors), missed


def seed_applied(pages: int, rate: float) -> tuple[float, float]:
    """Precision and recall of the applied confusion corrections that are new on damaged
    seed pages with injected look-alikes (corrections of the seed's own errors, already
    there before the injection, subtracted): the seed column of :func:`audit_rows`."""
    from .audit import audit_on_injected
    from .evaldata import eval_data

    s = audit_on_injected(eval_data("seed_articles.json")["articles"], pages, rate)
    return (s.applied_correct / s.applied if s.applied else 1.0,
            s.applied_correct / s.injected if s.injected else 0.0)


def _rate(s, n: int) -> str:
    return f"{s.per_100k(n):.2f}"


def audit_rows(page: Page, pages: int = 120, articles: int = 400, seed_pages: int = 50,
               rate: float = 0.05, audit: Audit | None = None) -> list[dict[str, str]]:
    """False alarms on clean laid-out pages and articles, injected look-alikes, and the
    seed page ``page``'s hand-checked errors; baseline: the dictionary-only confusion
    rule on the test half (:func:`zhpaper.evaluation.audit.measure` on each half)."""
    from .audit import measure

    h = {half: measure(half, pages, articles, audit_rules(), rate) for half in ("dev", "test")}
    dev, test = h["dev"], h["test"]
    seed_p, seed_r = seed_applied(seed_pages, rate)
    n_mf, n_f, n_me, n_e, _ = seed_match(page, audit)
    where = f"{pages} laid-out pages per half, five tool styles"
    rows = [
        ("applied corrections per 100,000 characters of clean text "
         f"({where}; baseline: dictionary evidence alone, test half)",
         "—", _rate(dev.pages["audit"], dev.pages["audit"].applied),
         _rate(test.pages["audit"], test.pages["audit"].applied),
         _rate(test.pages["dictionary only"], test.pages["dictionary only"].applied), "≤ 1"),
        (f"garbled-span findings per 100,000 characters of clean text ({where})",
         "—", _rate(dev.pages["audit"], dev.pages["audit"].garbled),
         _rate(test.pages["audit"], test.pages["audit"].garbled), "—", "≤ 5"),
        ("applied corrections per 100,000 characters, articles printed plainly "
         f"({articles} articles per half; baseline as above)", "—",
         _rate(dev.articles["audit"], dev.articles["audit"].applied),
         _rate(test.articles["audit"], test.articles["audit"].applied),
         _rate(test.articles["dictionary only"], test.articles["dictionary only"].applied),
         "≤ 1"),
        (f"injected look-alikes ({rate:.0%} of body lines; seed: {seed_pages} damaged seed "
         "pages, their own errors subtracted; baseline as above): precision of applied "
         "corrections", f"{seed_p:.3f}",
         f"{dev.injected['audit'].precision:.3f}", f"{test.injected['audit'].precision:.3f}",
         f"{test.injected['dictionary only'].precision:.3f}", "≥ 0.95"),
        ("injected look-alikes: recall of applied corrections", f"{seed_r:.3f}",
         f"{dev.injected['audit'].recall:.3f}", f"{test.injected['audit'].recall:.3f}",
         f"{test.injected['dictionary only'].recall:.3f}", "≥ 0.90"),
        ("seed page, hand-checked errors (lib/zhpaper/data/eval/seed_ocr_errors.json): "
         "precision / recall of findings", f"{n_mf / n_f:.3f} / {n_me / n_e:.3f}",
         "—", "—", "—", "—"),
    ]
    keys = ("measure", "seed", "dev", "test", "baseline", "target")
    return [{"stage": "OCR audit", **dict(zip(keys, r, strict=True))} for r in rows]


# --- the table --------------------------------------------------------------------------

def _stages(page: Page, audit: Audit | None) -> dict[str, Callable[..., list[dict[str, str]]]]:
    from . import entities, facts

    return {
        "segmentation": segmentation_rows,
        "audit": lambda **k: audit_rows(page, audit=audit, **k),
        "entities": lambda **k: entities.unseen_rows(page, audit=audit, **k),
        "facts": lambda **k: facts.unseen_rows(page, audit=audit, **k),
    }


def rows(page: Page, quick: bool = False, audit: Audit | None = None,
         progress: Callable[[str, int, float], None] | None = None) -> list[dict[str, str]]:
    """Every stage's rows, in the order of :data:`SAMPLES`, for the seed page ``page``
    (audited with ``audit``, or afresh by each stage); each row has the keys
    :data:`COLUMNS`. ``progress(stage, rows, seconds)`` is called after each stage."""
    from ..errors import ZhpaperError
    from .evaldata import seed_split

    seed_split().check(page)
    out = []
    for name, measure in _stages(page, audit).items():
        start = time.perf_counter()
        got = measure(**SAMPLES[name][1 if quick else 0])
        missing = [r for r in got if set(COLUMNS) - set(r)]
        if missing:
            raise ZhpaperError(f"the {name} rows lack {sorted(set(COLUMNS) - set(missing[0]))}")
        out.extend(got)
        if progress:
            progress(name, len(got), time.perf_counter() - start)
    return out


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_BOUND = re.compile(r"^([≤≥])\s*(\d+(?:\.\d+)?)$")


def _meets(value: str, target: str) -> bool | None:
    """Whether one measured value (its first number) meets one target: ``≥ 0.95``,
    ``≤ 1``, ``all`` (a share of 1), ``0 …`` (none); None if the target states no bound."""
    number = _NUMBER.search(value)
    bound = _BOUND.match(target.strip())
    if number is None:
        return None
    x = float(number.group())
    if bound:
        limit = float(bound.group(2))
        return x <= limit if bound.group(1) == "≤" else x >= limit
    if target.strip() == "all":
        return x == 1.0
    if target.strip().startswith("0 "):
        return x == 0
    return None


def verdict(row: dict[str, str]) -> str:
    """``yes``, ``no`` or ``—`` (no target): whether the test half meets the row's target;
    a target of two parts (``≥ 0.85 / ≥ 0.85``, precision / recall) needs both."""
    targets, values = row["target"].split(" / "), row["test"].split(" / ")
    if len(targets) != len(values):
        return "—"
    met = [_meets(v, t) for v, t in zip(values, targets, strict=True)]
    if None in met:
        return "—"
    return "yes" if all(met) else "no"


def short_name(row: dict[str, str]) -> str:
    """A row's stage and measure without the parenthesised details (sample sizes,
    baselines): ``OCR audit: injected look-alikes: recall of applied corrections``."""
    return f"{row['stage']}: " + re.sub(r"\s*\([^()]*\)", "", row["measure"])


def verdicts(table: list[dict[str, str]]) -> dict[str, list[str]]:
    """The rows' short names by verdict (``yes``, ``no``; rows without a target left out)."""
    out: dict[str, list[str]] = {"yes": [], "no": []}
    for r in table:
        v = verdict(r)
        if v in out:
            out[v].append(short_name(r))
    return out


def frame(table: list[dict[str, str]]) -> pd.DataFrame:
    """The rows as a pandas DataFrame with the column names of :data:`HEADER`."""
    import pandas as pd

    return pd.DataFrame([[r[c] for c in COLUMNS] + [verdict(r)] for r in table],
                        columns=list(HEADER))


def markdown(table: list[dict[str, str]]) -> str:
    """The rows as a Markdown table (``|`` in a cell escaped)."""
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join([*(cell(r[c]) for c in COLUMNS), verdict(r)]) + " |"
              for r in table]
    return "\n".join(lines) + "\n"
