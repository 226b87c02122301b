"""The whole-reading section of scripts/bench.py: its tables say which targets are met."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bench.py"
spec = importlib.util.spec_from_file_location("bench", SCRIPT)
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

#: (pages, processes, seconds, pages/s, pages/s per core, peak RSS MB, CPU seconds)
ROWS = [(100, 1, 20.0, 5.0, 5.0, 480.0, 18.0), (1000, 1, 150.0, 6.7, 6.7, 490.0, 140.0),
        (1000, 2, 60.0, 16.7, 8.3, 470.0, 120.0)]
PARSE = [(100, 1, 2.0, 50.0, 50.0, 120.0, 1.9), (1000, 2, 10.0, 100.0, 50.0, 150.0, 18.0)]


def test_targets_say_met_or_not_from_the_measured_rows():
    table = bench.reading_targets(ROWS, PARSE, (3.0, 2.0, 40_000))
    rows = {line.split(" | ")[0].lstrip("| "): line for line in table[2:]}
    assert rows["whole reading ≥ 10 pages/s per core"].endswith("| **no** |")
    assert "5.0 (slowest run)" in rows["whole reading ≥ 10 pages/s per core"]
    linear = next(v for k, v in rows.items() if k.startswith("time linear"))
    assert "0.200 and 0.150 s/page" in linear and linear.endswith("| yes |")
    assert rows["peak RSS per process ≤ 500 MB"].endswith("| 490 MB | yes |")
    assert rows["parse alone ≥ 30 pages/s per core"].endswith("| yes |")
    assert "1.5×" in rows["read + reconstruct + audit ≤ 2× `jieba.lcut`"]
    slow = bench.reading_targets(ROWS, PARSE, (5.0, 2.0, 40_000))
    assert slow[-1].endswith("| 2.5× | **no** |")


def test_rate_table_shows_pages_per_cpu_second():
    lines = bench._rate_table(ROWS, 10)
    assert "pages per CPU second" in lines[0]
    assert lines[2].startswith("| 100 | 1 | 20.0 | 5.0 | 5.0 (**no**) | 5.6 | 480  |")
