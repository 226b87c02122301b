"""Every notebook in the table of contents runs top to bottom in a fresh kernel."""

from __future__ import annotations

import ast
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


#: Display helpers that show nothing unless their value is a cell's last expression.
SHOWN_ONLY_LAST = {"table", "note", "HTML", "Markdown"}


def discarded_displays(source: str) -> list[str]:
    """Calls of :data:`SHOWN_ONLY_LAST` helpers standing as statements before a cell's last
    line: their value is thrown away, so the reader never sees what the prose describes."""
    try:
        body = ast.parse(source).body
    except SyntaxError:  # IPython magics: not ours to check
        return []
    out = []
    for statement in body[:-1]:
        call = statement.value if isinstance(statement, ast.Expr) else None
        if isinstance(call, ast.Call):
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if name in SHOWN_ONLY_LAST:
                out.append(ast.get_source_segment(source, statement))
    return out


def test_discarded_displays_are_found():
    assert discarded_displays("table(a)\nx = 1") == ["table(a)"]
    assert discarded_displays("x = 1\ntable(a)") == []
    assert discarded_displays("display(table(a))\nx = 1") == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_table_is_computed_and_thrown_away(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert not discarded_displays("".join(cell["source"])), f"cell {i}"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path):
    nb = execute_notebook(path)
    assert not problems(nb), problems(nb)
