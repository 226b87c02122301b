"""The analysis on text it has never seen: one table, stage × measure, the seed page beside
the People's Daily 1998 development and test halves and a baseline.

Usage: python scripts/evaluate_analysis.py [--quick] [--markdown PATH]

Every row is computed by the ``unseen_rows()`` function of the script that measures
that stage, so each figure can be traced to the script and the rule it states:

* segmentation — scripts/evaluate_segmentation.py (word F1; baseline jieba's default);
* audit — scripts/evaluate_audit.py (false alarms on clean text, injected look-alikes;
  baseline the dictionary-only confusion rule);
* entities — scripts/evaluate_entities.py (per-occurrence precision and recall against
  the corpus's nr / ns / nt tags; baseline jieba's own tags);
* quantities and dates — scripts/evaluate_facts.py (numeral + measure word and time
  spans against the corpus's m+q and t tags; relative years with and without a given
  date; baseline jieba's tags and the old year rule).

The 1998 halves are those of :mod:`zhpaper.pd1998` (split by position in the
date-ordered file; rules were tuned on "dev", "test" was only measured). "seed" is the
seed page against its hand-made lists, in-sample for every stage (the library was built
on it). ``--quick`` uses smaller samples (the measures say their sample size); the
default runs the samples each script uses for the table, a few minutes on the 2-core
reference machine. ``--markdown PATH`` also writes the table to a file.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
COLUMNS = ("stage", "measure", "seed", "dev", "test", "baseline", "target")
HEADER = ("stage", "measure", "seed page", "1998 dev half", "1998 test half",
          "baseline (test half)", "target")
#: (script, keyword arguments of unseen_rows for the default run, for --quick)
STAGES = (
    ("evaluate_segmentation", {}, {}),
    ("evaluate_audit", {}, {"pages": 20, "articles": 60, "seed_pages": 5}),
    ("evaluate_entities", {"pages": 0}, {"pages": 20}),
    ("evaluate_facts", {"pages": 40}, {"pages": 15}),
)


def rows(quick: bool = False, progress: bool = True) -> list[dict[str, str]]:
    """Every stage's rows, in the order of :data:`STAGES`; progress on stderr."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    out = []
    for name, default, small in STAGES:
        start = time.perf_counter()
        module = importlib.import_module(name)
        got = module.unseen_rows(**(small if quick else default))
        missing = [r for r in got if set(COLUMNS) - set(r)]
        if missing:
            raise SystemExit(f"{name}.unseen_rows() gave a row without "
                             f"{sorted(set(COLUMNS) - set(missing[0]))}")
        out.extend(got)
        if progress:
            print(f"  {name}: {len(got)} rows in {time.perf_counter() - start:.0f} s",
                  file=sys.stderr)
    return out


def markdown(table: list[dict[str, str]]) -> str:
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell(r[c]) for c in COLUMNS) + " |" for r in table]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    parser.add_argument("--markdown", metavar="PATH", help="also write the table there")
    args = parser.parse_args(argv)
    text = markdown(rows(args.quick))
    print("The analysis on text it has never seen "
          f"(`python scripts/evaluate_analysis.py{' --quick' if args.quick else ''}`)")
    print()
    print(text, end="")
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
