"""Evaluate article reconstruction on pages made by the damager (known truth).

Usage: python scripts/evaluate_reconstruction.py [--pages 200] [--seed 0]

Prints a table: article-assignment pairwise precision/recall/F1, join precision and
recall, and within-article order (Kendall tau), pooled over all generated pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from zhpaper import accounting, source
from zhpaper.damage import damage
from zhpaper.evaluate import Counts, Scores, count
from zhpaper.reconstruct import reconstruct

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "seed_articles.json"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args(argv)
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    total = Counts(0, 0, 0, 0, 0, 0, 0, 0)
    per_page = []
    for n in range(args.pages):
        seed = args.seed + n
        d = damage(articles, seed)
        page = reconstruct(source.from_text(d.markdown, f"damaged-{seed}.md"))
        accounting.check(page)
        c = count(page, d)
        total = total + c
        per_page.append((Scores.from_counts(c), seed))
        if (n + 1) % 50 == 0:
            print(f"  {n + 1}/{args.pages} pages", file=sys.stderr)
    s = Scores.from_counts(total)
    print(f"Reconstruction on {args.pages} damaged pages (seeds {args.seed}–"
          f"{args.seed + args.pages - 1}), pooled counts")
    print()
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| article pairwise precision | {s.pairwise_precision:.4f} | |")
    print(f"| article pairwise recall | {s.pairwise_recall:.4f} | |")
    print(f"| article pairwise F1 | {s.pairwise_f1:.4f} | ≥ 0.97 |")
    print(f"| join precision | {s.join_precision:.4f} | ≥ 0.97 |")
    print(f"| join recall | {s.join_recall:.4f} | ≥ 0.95 |")
    print(f"| within-article order, Kendall τ | {s.kendall_tau:.4f} | |")
    print(f"| joins: true / predicted / correct | {total.join_true} / {total.join_pred} / "
          f"{total.join_tp} | |")
    if args.worst:
        print()
        for sc, seed in sorted(per_page, key=lambda x: (x[0].pairwise_f1, x[0].join_recall))[
                :args.worst]:
            print(f"seed {seed}: F1 {sc.pairwise_f1:.3f} join P {sc.join_precision:.3f} "
                  f"R {sc.join_recall:.3f} tau {sc.kendall_tau:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
