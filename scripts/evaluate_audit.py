"""Evaluate the OCR audit: on the seed page against a hand-checked list, and on damaged
pages with injected character confusions (known truth).

Usage: python scripts/evaluate_audit.py [--pages 100] [--rate 0.05]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from zhpaper import read_page, source
from zhpaper.audit import audit
from zhpaper.damage import damage, inject_confusions
from zhpaper.evaluate import match_audit
from zhpaper.reconstruct import reconstruct

ROOT = Path(__file__).resolve().parents[1]


def seed_scores() -> None:
    page = read_page(ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt")
    errors = json.loads((ROOT / "tests/data/seed_ocr_errors.json").read_text("utf-8"))["errors"]
    result = audit(page)
    mf, me = match_audit(result.findings, errors, page.lines)
    n_f, n_e = len(result.findings), len(errors)
    print("Seed page, against tests/data/seed_ocr_errors.json")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| findings | {n_f} ({sum(f.applied for f in result.findings)} applied) |")
    print(f"| hand-checked errors | {n_e} |")
    print(f"| precision | {len(mf) / n_f:.3f} ({len(mf)}/{n_f}) |")
    print(f"| recall | {len(me) / n_e:.3f} ({len(me)}/{n_e}) |")
    print(f"| false alarms | {n_f - len(mf)} |")
    missed = [f"{e['line']}: {e['original']}" for i, e in enumerate(errors) if i not in me]
    print(f"| missed | {'; '.join(missed) or '—'} |")
    print()


def injected_scores(pages: int, rate: float) -> None:
    articles = json.loads((ROOT / "tests/data/seed_articles.json").read_text("utf-8"))[
        "articles"]
    tp = fp = fn = applied_right = applied = 0
    for seed in range(pages):
        d = damage(articles, seed)
        base = audit(reconstruct(source.from_text(d.markdown)))
        before = {(f.line, f.original, f.suggestion) for f in base.findings
                  if f.rule == "confusion"}
        markdown, truth = inject_confusions(d, seed, rate)
        result = audit(reconstruct(source.from_text(markdown)))
        new = [f for f in result.findings if f.rule == "confusion"
               and (f.line, f.original, f.suggestion) not in before]
        want = {(t.line, t.column): t for t in truth}
        hit = set()
        for f in new:
            key = next(((s.line, s.start) for s in f.source if (s.line, s.start) in want), None)
            if key and want[key].correct == f.suggestion:
                tp += 1
                hit.add(key)
                applied_right += f.applied
            else:
                fp += 1
            applied += f.applied
        fn += len(want) - len(hit)
    print(f"Injected confusions: {pages} damaged pages, about {rate:.0%} of body lines "
          "with one look-alike character (rule 'confusion' only; errors already on the "
          "page are subtracted)")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| injected | {tp + fn} |")
    print(f"| precision (right place, right suggestion) | {tp / max(1, tp + fp):.3f} |")
    print(f"| recall | {tp / max(1, tp + fn):.3f} |")
    print(f"| applied corrections that are right | {applied_right}/{applied} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rate", type=float, default=0.05)
    args = parser.parse_args(argv)
    seed_scores()
    injected_scores(args.pages, args.rate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
