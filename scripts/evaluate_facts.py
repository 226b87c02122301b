"""Score zhpaper.facts against the hand-checked lists of the seed page.

Usage::

    .venv/bin/python scripts/evaluate_facts.py [--show] [PAGE] [QUANTITIES.json] [DATES.json]

Matching rule: an extracted quantity matches a hand-listed one when they stand on the
same raw line and have the same value (relative difference below 1e-9) and the same unit
(both null counts as the same); each hand entry is matched at most once. Precision =
matched / extracted, recall = matched / listed, by kind of the hand entry (recall) and of
the extracted fact (precision); "kind ok" counts matched pairs whose kinds agree. A date
counts as resolved correctly when an extracted date on the same line has the same
``resolved`` string. ``--show`` lists misses and false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))


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


def evaluate(page_path: Path, quantities_path: Path, dates_path: Path) -> dict:
    import zhpaper
    from zhpaper.facts import dates_frame, facts_frame

    page = zhpaper.read_page(str(page_path))
    audit = zhpaper.audit(page)
    frame = facts_frame(page, audit)
    found = [{"line": int(r.line), "raw": r.raw, "value": float(r.value),
              "unit": r.unit if isinstance(r.unit, str) else None, "kind": r.kind}
             for r in frame.itertuples()]
    gold = json.loads(quantities_path.read_text("utf-8"))["quantities"]
    pairs = match_quantities(found, gold)
    matched_f = {id(f) for f, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    rows = []
    kinds = sorted({g["kind"] for g in gold} | {f["kind"] for f in found})
    for kind in kinds + ["all"]:
        fk = [f for f in found if kind in ("all", f["kind"])]
        gk = [g for g in gold if kind in ("all", g["kind"])]
        tp_p = sum(id(f) in matched_f for f in fk)
        tp_r = sum(id(g) in matched_g for g in gk)
        p = tp_p / len(fk) if fk else 1.0
        r = tp_r / len(gk) if gk else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        kind_ok = sum(f["kind"] == g["kind"] for f, g in pairs if kind in ("all", g["kind"]))
        rows.append({"kind": kind, "found": len(fk), "listed": len(gk), "P": p, "R": r,
                     "F1": f1, "kind_ok": kind_ok})
    dates = dates_frame(page, audit)
    gold_dates = json.loads(dates_path.read_text("utf-8"))["dates"]
    got = [(int(r.line), r.resolved) for r in dates.itertuples()]
    pool = list(got)
    ok, wrong = 0, []
    for g in gold_dates:
        if (g["line"], g["resolved"]) in pool:
            pool.remove((g["line"], g["resolved"]))
            ok += 1
        else:
            wrong.append(g)
    return {"rows": rows, "misses": [g for g in gold if id(g) not in matched_g],
            "false_alarms": [f for f in found if id(f) not in matched_f],
            "kind_mismatch": [(f, g) for f, g in pairs if f["kind"] != g["kind"]],
            "dates": {"listed": len(gold_dates), "found": len(got), "resolved_ok": ok,
                      "wrong": wrong, "extra": pool}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "seeds/000_746b1ecd3a9e4b42.txt"))
    ap.add_argument("quantities", nargs="?", default=str(ROOT / "tests/data/seed_quantities.json"))
    ap.add_argument("dates", nargs="?", default=str(ROOT / "tests/data/seed_dates.json"))
    ap.add_argument("--show", action="store_true", help="list misses and false alarms")
    args = ap.parse_args(argv)
    res = evaluate(Path(args.page), Path(args.quantities), Path(args.dates))
    print(f"{'kind':10} {'found':>6} {'listed':>6} {'P':>6} {'R':>6} {'F1':>6} {'kind ok':>8}")
    for r in res["rows"]:
        print(f"{r['kind']:10} {r['found']:6d} {r['listed']:6d} {r['P']:6.3f} {r['R']:6.3f} "
              f"{r['F1']:6.3f} {r['kind_ok']:8d}")
    d = res["dates"]
    print(f"\ndates: {d['resolved_ok']}/{d['listed']} hand-listed dates resolved correctly "
          f"({d['found']} extracted, {len(d['extra'])} not in the hand list)")
    if args.show:
        for title, rows in (("\nmisses (hand-listed, not extracted):", res["misses"]),
                            ("false alarms (extracted, not hand-listed):",
                             res["false_alarms"])):
            print(title)
            for q in rows:
                print(f"  line {q['line']:>3}  {q['raw']}  {q['value']} {q['unit']}  "
                      f"({q['kind']})")
        print("kind differs (extracted vs hand):")
        for f, g in res["kind_mismatch"]:
            print(f"  line {f['line']:>3}  {f['raw']}  {f['kind']} vs {g['kind']}")
        print("dates wrong or missing:")
        for g in d["wrong"]:
            print(f"  line {g['line']:>3}  {g['raw']}  expected {g['resolved']}")
        print("dates not in the hand list:")
        for line, resolved in d["extra"]:
            print(f"  line {line:>3}  {resolved}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
