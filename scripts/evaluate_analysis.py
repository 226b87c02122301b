"""The analysis on text it has never seen: one table, stage × measure, the seed page beside
the People's Daily 1998 development and test halves and a baseline.

Usage: python scripts/evaluate_analysis.py [--quick] [--markdown PATH]

The rows are computed by :func:`zhpaper.evaluation.unseen.rows` (the methods chapter calls it
too), each stage's by the library function that measures it:

* segmentation — zhpaper.evaluation.unseen.segmentation_rows (word F1; baseline jieba's default;
  scripts/evaluate_segmentation.py prints every segmentation figure);
* audit — zhpaper.evaluation.unseen.audit_rows (false alarms on clean text, injected look-alikes;
  baseline the dictionary-only confusion rule; scripts/evaluate_audit.py);
* entities — zhpaper.evaluation.entities.unseen_rows (per-occurrence precision and recall
  against the corpus's nr / ns / nt tags; baseline jieba's own tags;
  scripts/evaluate_entities.py);
* quantities and dates — zhpaper.evaluation.facts.unseen_rows (numeral + measure word and
  time spans against the corpus's m+q and t tags; relative years with and without a
  given date; baseline jieba's tags and the old year rule; scripts/evaluate_facts.py).

The 1998 halves are those of :mod:`zhpaper.pd1998` (split by position in the
date-ordered file; rules were tuned on "dev", "test" was only measured). "seed" is the
seed page against its hand-made lists (zhpaper/data/eval/), in-sample for every stage
(the library was built on it). ``--quick`` uses smaller samples (the measures say their
sample size); the default runs the samples each stage uses for the table, a few minutes
on the 2-core reference machine. ``--markdown PATH`` also writes the table to a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import zhpaper
from zhpaper.evaluation import unseen

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_746b1ecd3a9e4b42.txt"


def _progress(stage: str, rows: int, seconds: float) -> None:
    print(f"  {stage}: {rows} rows in {seconds:.0f} s", file=sys.stderr)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    parser.add_argument("--markdown", metavar="PATH", help="also write the table there")
    args = parser.parse_args(argv)
    text = unseen.markdown(unseen.rows(zhpaper.read_page(SEED), args.quick,
                                       progress=_progress))
    print("The analysis on text it has never seen "
          f"(`python scripts/evaluate_analysis.py{' --quick' if args.quick else ''}`)")
    print()
    print(text, end="")
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
