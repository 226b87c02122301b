"""Benchmark: `python -m zhpaper parse PAGE` wall time, minus interpreter start-up.

Usage: python scripts/bench_parse.py [PAGE] [--runs 15]

Runs the command in fresh processes (the lexicon cache warm, as a user's second run
would be) and prints a table of medians. Target: parse ≤ 0.5 s after start-up.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
