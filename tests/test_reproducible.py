"""Every notebook gives identical outputs on every run (figures included)."""

from __future__ import annotations

import pytest
from conftest import describe, execute_notebook, outputs, toc_notebooks


@pytest.mark.notebook
@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_two_runs_give_identical_outputs(path):
    nb = execute_notebook(path)
    first, second = outputs(nb), outputs(execute_notebook(path))
    for (cell, a), (_, b) in zip(first, second, strict=True):
        source = nb.cells[cell].source.splitlines()[:1]
        where = f"cell {cell} ({source[0][:60] if source else 'empty'!r})"
        assert len(a) == len(b), (
            f"{where}: {len(a)} outputs, then {len(b)}:\n  first: "
            + "\n  first: ".join(map(describe, a))
            + "\n  second: " + "\n  second: ".join(map(describe, b)))
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            assert x == y, f"{where}, output {k}:\n  first: {describe(x)}\n  second: {describe(y)}"


@pytest.mark.notebook
def test_printed_text_is_one_output_however_slow_the_cell(tmp_path):
    # The kernel flushes printed text every 0.2 s: a pause between two prints (a slow
    # call under the suite's parallel load) sends it as two messages. The tests merge
    # them, as the book does, so the count of outputs does not depend on timing.
    import nbformat

    path = tmp_path / "slow.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import time\nprint('a')\ntime.sleep(0.4)\nprint('b')")]
    nbformat.write(nb, path)
    ((_, cell),) = outputs(execute_notebook(path))
    assert [(o["name"], o["text"]) for o in cell] == [("stdout", "a\nb\n")]
