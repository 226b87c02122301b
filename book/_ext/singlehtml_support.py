"""Sphinx extension: let the single-page HTML builder (used by ``make pdf``) render
myst-nb's hidden-input cells, which myst-nb registers for the ``html`` builder only."""

from __future__ import annotations


def setup(app):
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput, visit_HideCellInput

    app.add_node(HideCodeCellNode, override=True,
                 singlehtml=(visit_HideCellInput, depart_HideCellInput))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
