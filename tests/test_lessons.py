"""Lessons, not programs: short code cells in the chapters, short functions in the library.

A chapter's code cell over 25 lines is a program the reader has to debug in their head;
the logic belongs in the library, where it is tested. The targets (issue 20 §6): no code
cell over 25 lines, a median code cell of at most 10 lines in every chapter, no library
function over 60 lines.
"""

from __future__ import annotations

import ast
import json
import statistics

import pytest
from conftest import ROOT, toc_notebooks

MAX_CELL = 25
MAX_MEDIAN = 10
MAX_FUNCTION = 60
#: No library module over this many lines (issue 21).
MAX_MODULE = 450


def code_cell_lengths(path) -> list[int]:
    """Lines of source of each code cell of a notebook, in order."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [len("".join(c["source"]).splitlines()) for c in cells if c["cell_type"] == "code"]


def long_functions(limit: int = MAX_FUNCTION) -> list[str]:
    """``module:function (lines)`` for every library function longer than ``limit``."""
    found = []
    for path in sorted((ROOT / "lib" / "zhpaper").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                if size > limit:
                    found.append(f"{path.relative_to(ROOT)}:{node.name} ({size})")
    return found


@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_code_cells_are_short(path):
    lengths = code_cell_lengths(path)
    code_index = [i for i, c in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"])
                  if c["cell_type"] == "code"]
    long = [f"cell {i}: {n} lines" for i, n in zip(code_index, lengths, strict=True)
            if n > MAX_CELL]
    assert not long, f"code cells over {MAX_CELL} lines: {long}"
    assert statistics.median(lengths) <= MAX_MEDIAN, (
        f"median code cell {statistics.median(lengths)} lines > {MAX_MEDIAN}")


def test_library_functions_are_short():
    assert not long_functions(), f"functions over {MAX_FUNCTION} lines: {long_functions()}"


def long_modules(limit: int = MAX_MODULE) -> list[str]:
    """``module (lines)`` for every library module longer than ``limit``."""
    return [f"{p.relative_to(ROOT)} ({n})"
            for p in sorted((ROOT / "lib" / "zhpaper").rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > limit]


def test_library_modules_are_short():
    assert not long_modules(), f"modules over {MAX_MODULE} lines: {long_modules()}"


def test_the_measures_can_fail(tmp_path):
    # the counters see a long cell and a long function when there is one
    nb = tmp_path / "x.ipynb"
    nb.write_text(json.dumps({"cells": [
        {"cell_type": "code", "source": ["a = 1\n"] * 30},
        {"cell_type": "markdown", "source": ["text\n"] * 40}]}), encoding="utf-8")
    assert code_cell_lengths(nb) == [30]
    assert long_functions(limit=1)
    assert long_modules(limit=10)


THEMES = ["10_safety", "11_new_quality_productive_forces", "12_compute_hub"]


@pytest.mark.parametrize("stem", THEMES)
def test_theme_chapters_open_with_glued_key_findings(stem):
    # a box of 3–5 findings, between the learning objectives and the prerequisites,
    # every finding carrying at least one computed (glued) value
    cells = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text("utf-8"))["cells"]
    opening = "".join(cells[0]["source"])
    box = opening.index("```{admonition} Key findings · 主要发现")
    assert opening.index("## Learning objectives") < box < opening.index("## Prerequisites")
    body = opening[box:opening.index("\n```", box + 3)]
    findings = [line for line in body.splitlines() if line.startswith("- ")]
    assert 3 <= len(findings) <= 5, findings
    assert all("{glue:text}`" in f for f in findings), findings
