"""Every notebook gives identical outputs on every run (figures included)."""

from __future__ import annotations

import pytest
from conftest import execute_notebook, outputs, toc_notebooks


@pytest.mark.notebook
@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda p: p.stem)
def test_two_runs_give_identical_outputs(path):
    first, second = outputs(execute_notebook(path)), outputs(execute_notebook(path))
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        assert a == b
