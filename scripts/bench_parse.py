"""Benchmark: parse time, on one page as a command and on corpus pages of every style.

Usage: python scripts/bench_parse.py [PAGE] [--runs 15] [--pages 20]

1. ``python -m zhpaper parse PAGE`` in fresh processes (the lexicon cache warm, as a
   user's second run would be), minus interpreter start-up: medians.
2. ``zhpaper.read_page`` of ``--pages`` generated pages per layout style (People's Daily
   1998 test half, seeds 0…), in one process after start-up (the library imported and
   jieba's dictionary loaded): median and slowest page, characters per page.

Target: parse ≤ 0.5 s per page after start-up.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default=str(ROOT / "seeds/000_746b1ecd3a9e4b42.txt"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pages", type=int, default=20,
                        help="generated pages per style (0: the command only)")
    args = parser.parse_args(argv)
    py = sys.executable
    subprocess.run([py, "-m", "zhpaper", "parse", args.page], check=True,
                   stdout=subprocess.DEVNULL)  # warm the lexicon cache
    startup = wall([py, "-c", "pass"], args.runs)
    parse = wall([py, "-m", "zhpaper", "parse", args.page], args.runs)
    s, p = statistics.median(startup), statistics.median(parse)
    print(f"`python -m zhpaper parse {Path(args.page).name}`, {args.runs} runs, medians")
    print()
    print("| measure | seconds |")
    print("|---|---|")
    print(f"| interpreter start-up (`python -c pass`) | {s:.3f} |")
    print(f"| parse, whole command | {p:.3f} |")
    print(f"| parse after start-up | {p - s:.3f} (target ≤ 0.5) |")
    if args.pages:
        print()
        corpus_table(args.pages)
    return 0


def corpus_table(pages: int) -> None:
    """Per-style parse times in this process, after start-up."""
    import zhpaper
    from zhpaper import pd1998
    from zhpaper.evaluation import layout

    arts = pd1998.half("test")
    zhpaper.read_page(ROOT / "seeds/000_746b1ecd3a9e4b42.txt")  # start-up: jieba, caches
    print(f"`zhpaper.read_page` on {pages} generated pages per style (test half), "
          "after start-up")
    print()
    print("| style | chars per page (median) | median s | slowest s |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for style in layout.STYLES:
            times, sizes = [], []
            for seed in range(pages):
                laid = layout.compose(layout.page_articles(arts, seed), seed, style)
                path = Path(tmp) / f"{style}-{seed}.md"
                path.write_text(laid.markdown, encoding="utf-8")
                start = time.perf_counter()
                zhpaper.read_page(path)
                times.append(time.perf_counter() - start)
                sizes.append(len(laid.markdown))
            print(f"| {style} | {int(statistics.median(sizes))} | "
                  f"{statistics.median(times):.3f} | {max(times):.3f} |")


if __name__ == "__main__":
    sys.exit(main())
