"""Entity precision and recall on the seed page against tests/data/seed_entities.json.

Usage: python scripts/evaluate_entities.py [--show]
Compares distinct (article, type, name) triples, as the hand list records them, on the
whole page and on two halves: "dev", the compute feature, whose errors may inform the
rules, and "test", the other four articles, whose errors are not looked at (as for the
segmentation gold). ``--show`` lists the dev half's misses and false alarms only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import zhpaper
from zhpaper.entities import entities_frame

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"
GOLD = ROOT / "tests" / "data" / "seed_entities.json"


def score(page=None, audit=None):
    page = page or zhpaper.read_page(SEED)
    audit = audit if audit is not None else zhpaper.audit(page)
    titles = {a.id: a.title for a in page.articles}
    frame = entities_frame(page, audit)
    found = {(titles[r.article], r.type, r.text) for r in frame.itertuples()}
    gold = {(e["article"], e["type"], e["text"])
            for e in json.loads(GOLD.read_text("utf-8"))["entities"]}
    return found, gold


DEV_TITLE = "和林格尔新区算力角逐科技新高地"


def half(triples, which: str):
    if which == "all":
        return triples
    return {x for x in triples if (x[0] == DEV_TITLE) == (which == "dev")}


def table(found, gold) -> list[dict]:
    rows = []
    for kind in ("person", "place", "org", "all"):
        f = {x for x in found if kind in ("all", x[1])}
        g = {x for x in gold if kind in ("all", x[1])}
        tp = len(f & g)
        p = tp / len(f) if f else 0.0
        r = tp / len(g) if g else 0.0
        rows.append({"type": kind, "gold": len(g), "found": len(f), "correct": tp,
                     "precision": p, "recall": r,
                     "f1": 2 * p * r / (p + r) if p + r else 0.0})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list the misses and false alarms")
    args = ap.parse_args()
    found, gold = score()
    print(f"{'half':<5} {'type':<7} {'gold':>5} {'found':>6} {'correct':>8} {'P':>6} "
          f"{'R':>6} {'F1':>6}")
    for which in ("all", "dev", "test"):
        for r in table(half(found, which), half(gold, which)):
            print(f"{which:<5} {r['type']:<7} {r['gold']:>5} {r['found']:>6} "
                  f"{r['correct']:>8} {r['precision']:>6.3f} {r['recall']:>6.3f} "
                  f"{r['f1']:>6.3f}")
    if args.show:
        dev_found, dev_gold = half(found, "dev"), half(gold, "dev")
        for x in sorted(dev_gold - dev_found):
            print("missed     ", x[1], x[2])
        for x in sorted(dev_found - dev_gold):
            print("false alarm", x[1], x[2])


if __name__ == "__main__":
    main()
