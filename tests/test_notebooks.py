"""Every notebook in the table of contents runs top to bottom in a fresh kernel."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, execute_notebook, problems, toc_files, toc_notebooks

NOTEBOOKS = toc_notebooks()


def test_toc_lists_existing_files():
    for name in toc_files():
        assert (ROOT / f"{name}.ipynb").exists() or (ROOT / f"{name}.md").exists(), name


def test_every_notebook_is_in_the_toc():
    on_disk = sorted(p.relative_to(ROOT) for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert on_disk == sorted(p.relative_to(ROOT) for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"cell {i} has stored outputs"
            assert cell.get("execution_count") is None, f"cell {i} has an execution count"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path):
    nb = execute_notebook(path)
    assert not problems(nb), problems(nb)
