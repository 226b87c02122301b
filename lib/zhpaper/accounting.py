"""The character account: every character of the page goes somewhere, exactly once.

Each non-whitespace character of the input, markup aside (heading markers, leading list
or quote markers, ``**`` and ``<br>``: :func:`zhpaper.fragments.markup_positions`), must
lie in exactly one output element — a header element, a heading, a paragraph, a figure,
table or caption — or in ``unassigned`` with a reason.
"""

from __future__ import annotations

from collections import Counter

from .errors import ZhpaperError
from .fragments import markup_positions
from .page import Page


def coverage(page: Page) -> dict[tuple[int, int], list[str]]:
    """(line, offset) → the kinds of the elements covering that character."""
    cover: dict[tuple[int, int], list[str]] = {}
    for kind, _article, spans in page.elements():
        for s in spans:
            for i in range(s.start, s.end):
                cover.setdefault((s.line, i), []).append(kind)
    return cover


def account(page: Page):
    """A table: how many non-whitespace characters went into each kind of element."""
    import pandas as pd

    counts: Counter[str] = Counter()
    for kind, _article, spans in page.elements():
        for s in spans:
            counts[kind] += sum(1 for c in page.lines[s.line - 1][s.start:s.end] if not c.isspace())
    total = sum(1 for line in page.lines for c in line if not c.isspace())
    markup = sum(
        1 for n, line in enumerate(page.lines, start=1)
        for i in markup_positions(line) if i < len(line) and not line[i].isspace()
    )
    rows = [{"element": k, "chars": v} for k, v in sorted(counts.items(), key=lambda x: -x[1])]
    rows.append({"element": "markup (#, list markers, **, <br>)", "chars": markup})
    rows.append({"element": "total on the page", "chars": total})
    return pd.DataFrame(rows)


def check(page: Page) -> None:
    """Raise :class:`ZhpaperError` unless every character is accounted for exactly once."""
    cover = coverage(page)
    for number, line in enumerate(page.lines, start=1):
        markup = markup_positions(line)
        for i, ch in enumerate(line):
            if ch.isspace() or i in markup:
                continue
            kinds = cover.get((number, i), [])
            if len(kinds) != 1:
                what = "lost" if not kinds else f"counted {len(kinds)} times ({', '.join(kinds)})"
                raise ZhpaperError(f"line {number}, character {i} {ch!r}: {what}")
    for (number, i) in cover:
        if i in markup_positions(page.lines[number - 1]):
            raise ZhpaperError(f"line {number}, character {i}: markup inside an element")
