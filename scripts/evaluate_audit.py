"""Evaluate the OCR audit: on the seed page against a hand-checked list, and on damaged
pages with injected character confusions (known truth).

Usage: python scripts/evaluate_audit.py [--pages 100] [--rate 0.05]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from zhpaper import read_page
from zhpaper.audit import audit
from zhpaper.evaluate import audit_on_injected, match_audit

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
    s = audit_on_injected(articles, pages, rate)
    print(f"Injected confusions: {pages} damaged pages, about {rate:.0%} of body lines "
          "with one look-alike character (rule 'confusion' only; errors already on the "
          "page are subtracted)")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| injected | {s.injected} |")
    print(f"| precision (right place, right suggestion) | {s.precision:.3f} |")
    print(f"| recall | {s.recall:.3f} |")
    print(f"| applied corrections that are right | {s.applied_correct}/{s.applied} |")


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
