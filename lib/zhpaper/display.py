"""Tables for notebooks: page text is always HTML-escaped.

Page text comes from files users did not write: a ``<script>`` in a newspaper page must
be shown, not run. pandas escapes plain DataFrame HTML, but a ``Styler`` does not unless
asked; :func:`table` always asks.
"""

from __future__ import annotations

import hashlib


class Table:
    """A table that shows as escaped HTML in notebooks and as text elsewhere.

    Unlike a bare pandas ``Styler``, its output is the same on every run: the table's
    HTML id is derived from its content, and its plain-text form is the table itself.
    """

    def __init__(self, frame, *, index: bool = False, wrap: tuple[str, ...] = ("text",)):
        self.frame = frame
        digest = hashlib.sha1(frame.to_json(force_ascii=False).encode("utf-8")).hexdigest()
        styler = frame.style.format(escape="html").set_uuid(digest[:10])
        if not index:
            styler = styler.hide(axis="index")
        columns = [c for c in wrap if c in frame.columns]
        if columns:
            styler = styler.set_properties(subset=columns, **{"text-align": "left"})
        self.styler = styler

    def _repr_html_(self) -> str:
        return self.styler.to_html()

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def table(frame, *, index: bool = False, wrap: tuple[str, ...] = ("text",)) -> Table:
    """``frame`` for display: every cell HTML-escaped, long text left-aligned."""
    return Table(frame, index=index, wrap=wrap)
