"""Score zhpaper.facts: on the seed page against its hand lists, and on People's Daily
(January 1998) text the library has never seen, against the corpus's own tags.

Usage::

    .venv/bin/python scripts/evaluate_facts.py [--show] [--half dev|test|both]
                                               [--pages N] [--worst K]

What is measured, and how the corpus's tags are read as gold, is written down in
:mod:`zhpaper.evaluation.facts` (the seed page), :mod:`zhpaper.evaluation.facts_corpus`
(the corpus's m+q and t tags) and :mod:`zhpaper.evaluation.facts_relative` (relative
years), which compute every figure printed here (and the rows of the shared table,
scripts/evaluate_analysis.py). ``--show`` lists the seed page's
misses, ``--worst K`` the dev half's K commonest misses and false alarms (the test
half's errors are never looked at).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import zhpaper
from zhpaper.evaluation.evaldata import seed_split
from zhpaper.evaluation.facts import ratio, seed_scores
from zhpaper.evaluation.facts_corpus import Tally, sample, score_baseline, score_corpus
from zhpaper.evaluation.facts_relative import SETTINGS, Relative, score_relative

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"


def evaluate(page_path: Path = SEED) -> dict:
    """The seed page's scores (:func:`zhpaper.evaluation.facts.seed_scores`)."""
    return seed_scores(zhpaper.read_page(str(page_path)))


# --- printing -----------------------------------------------------------------------------

def print_seed(res: dict, show: bool) -> None:
    print("Seed page against its hand lists (in-sample)")
    print(f"{'kind':10} {'found':>6} {'listed':>6} {'P':>6} {'R':>6} {'F1':>6} {'kind ok':>8}")
    for r in res["rows"]:
        print(f"{r['kind']:10} {r['found']:6d} {r['listed']:6d} {r['P']:6.3f} {r['R']:6.3f} "
              f"{r['F1']:6.3f} {r['kind_ok']:8d}")
    for key, title in (("dates", "as the page stands (no date printed)"),
                       ("dates_given", f"with the date given ({seed_split().date})")):
        d = res[key]
        print(f"dates, {title}: {d['resolved_ok']}/{d['listed']} listed dates resolved "
              f"correctly, {d['resolved_wrong']} resolved wrongly, {d['relative']} left "
              f"relative ({d['found']} extracted)")
    if not show:
        return
    for title, rows in (("misses (hand-listed, not extracted):", res["misses"]),
                        ("false alarms (extracted, not hand-listed):", res["false_alarms"])):
        print(title)
        for q in rows:
            print(f"  line {q['line']:>3}  {q['raw']}  {q['value']} {q['unit']}  ({q['kind']})")
    print("kind differs (extracted vs hand):")
    for f, g in res["kind_mismatch"]:
        print(f"  line {f['line']:>3}  {f['raw']}  {f['kind']} vs {g['kind']}")
    print("dates wrong or missing (date given):")
    for g in res["dates_given"]["wrong"]:
        print(f"  line {g['line']:>3}  {g['raw']}  expected {g['resolved']}")


def print_corpus(name: str, arts, tallies: dict[str, Tally], base: dict[str, Tally] | None,
                 worst: int) -> None:
    print(f"\nPeople's Daily 1998, {name} half: {len(arts)} articles")
    for key, label in (("mq", "numeral + measure word"), ("percent", "percentages"),
                       ("t", "time (t runs)")):
        t = tallies[key]
        cats = sorted(t.gold)
        cells = "  ".join(f"{c} {ratio(t.found[c], t.gold[c])}" for c in cats)
        print(f"  {label}: recall {cells}")
        if key == "t":
            print("    exact span: " + "  ".join(
                f"{c} {ratio(t.exact[c], t.gold[c])}" for c in cats))
        print(f"    precision {ratio(t.right, t.scored)}")
        if base and key in base:
            b = base[key]
            print("    baseline (jieba) recall " + "  ".join(
                f"{c} {ratio(b.found[c], b.gold[c])}" for c in sorted(b.gold))
                + f"; precision {ratio(b.right, b.scored)}")
        if worst and name == "dev":
            print("    commonest misses: " + ", ".join(
                f"{c}:{w}×{k}" for (c, w), k in t.misses.most_common(worst)))
            print("    commonest false alarms: " + ", ".join(
                f"{w}×{k}" for w, k in t.alarms.most_common(worst)))


def print_relative(name: str, r: Relative) -> None:
    print(f"  relative years on {r.pages} MinerU pages ({r.mentions} mentions, "
          f"{r.unmatched['no date']} more in no single article; truth 1998, 1997 when "
          "datelined in December):")
    for s in SETTINGS:
        print(f"    {s:10}  right {r.right[s]:4d}  wrong {r.wrong[s]:4d}  "
              f"left relative {r.left[s]:4d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list the seed page's misses")
    ap.add_argument("--half", choices=("dev", "test", "both"), default="both")
    ap.add_argument("--pages", type=int, default=0,
                    help="corpus pages a half for quantities and dates (0: every article, "
                    "the default); relative years use max(N, 40) laid-out pages")
    ap.add_argument("--worst", type=int, default=0,
                    help="list the dev half's K commonest misses and false alarms")
    args = ap.parse_args(argv)
    print_seed(evaluate(), args.show)
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    for h in halves:
        arts = sample(h, args.pages)
        print_corpus(h, arts, score_corpus(arts), score_baseline(arts), args.worst)
        print_relative(h, score_relative(h, max(args.pages, 40)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
