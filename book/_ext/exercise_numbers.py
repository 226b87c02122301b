"""Sphinx extension: number exercises per chapter (Exercise 1, 2, … in every chapter).

Sphinx numbers enumerable nodes (figures, tables, sphinx-exercise's exercises) per
*section number* of the toctree. The book's table of contents is not numbered, so every
chapter shares one counter and the third chapter's first exercise is "Exercise 4".
After Sphinx has assigned its numbers (the ``env-get-updated`` event, run later than the
toctree collector), this renumbers the exercises of each document 1, 2, … in the order
Sphinx numbered them, i.e. the order they appear in. Titles, ``{numref}`` references and
"Solution to Exercise N" all read the same table (``env.toc_fignumbers``), so they agree.
Figures and tables are left as they are.
"""

from __future__ import annotations

from typing import Any

KINDS = ("exercise",)


def renumber(toc_fignumbers: dict[str, dict[str, dict[str, tuple[int, ...]]]]) -> None:
    """Renumber, in place, each document's exercises 1…n in their present order."""
    for numbers in toc_fignumbers.values():
        for kind in KINDS:
            ids = numbers.get(kind)
            if ids:
                order = sorted(ids, key=lambda i: ids[i])
                numbers[kind] = {node_id: (k,) for k, node_id in enumerate(order, 1)}


def _on_env_get_updated(app: Any, env: Any) -> list[str]:
    renumber(env.toc_fignumbers)
    return []


def setup(app: Any) -> dict[str, Any]:
    # after sphinx.environment.collectors.toctree (priority 500) has assigned the numbers
    app.connect("env-get-updated", _on_env_get_updated, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
