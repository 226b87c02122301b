"""The facts frame: one row per quantity of a page, with its text unit, raw line and
sentence, and a helper that names the figures of a paragraph by the words before them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .quantity import quantities

if TYPE_CHECKING:
    from ..corpus import Unit

FACT_COLUMNS = ["article", "kind_of_unit", "paragraph", "line", "start", "end", "raw",
                "value", "value_high", "unit", "hedge", "kind", "verb", "sentence"]


def facts_frame(page, audit=None, *, units: Sequence[Unit] | None = None):
    """One row per quantity. ``kind_of_unit`` is the text unit (headline, paragraph …);
    ``start``/``end`` are offsets in the unit's clean text, ``line`` the raw line of the
    first character; ``sentence`` the clean sentence holding the quantity. ``units``,
    the page's text units (:func:`zhpaper.corpus.units` of ``page`` and ``audit``) if
    the caller has them already: ``audit`` is then not used."""
    import pandas as pd

    from .. import corpus

    rows = []
    for u in corpus.units(page, audit) if units is None else units:
        spans = corpus.sentences(u.text)
        for q in quantities(u.text):
            s, e = next(((s, e) for s, e in spans if s <= q.start < e), (0, len(u.text)))
            rows.append((u.article, u.kind, u.paragraph, u.line_at(q.start), q.start, q.end,
                         q.raw, q.value, q.value_high, q.unit, q.hedge, q.kind, q.verb,
                         u.text[s:e]))
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    return frame.astype({"paragraph": "Int64", "value": float, "value_high": float})


def label_by_cue(frame, texts: Mapping[int, str], cues: Mapping[str, str], width: int = 10):
    """Name each figure by the words printed just before it, so that a reader can check
    every name. ``frame`` holds rows of :func:`facts_frame` (``paragraph``, ``start``);
    ``texts`` maps a paragraph number to its clean text; ``cues`` maps a cue (the words
    that end right before a figure, at most ``width`` characters) to a label. Returns
    a copy with ``before`` (the ``width`` characters before the figure) and ``label``.

    The cues are the reader's, written for one page: a figure that no cue names, or two
    figures with one label, raise :class:`~zhpaper.errors.ZhpaperError`."""
    from ..errors import ZhpaperError

    out = frame.copy()
    out["before"] = [texts[p][max(0, s - width):s]
                     for p, s in zip(out["paragraph"], out["start"], strict=True)]
    out["label"] = [next((name for cue, name in cues.items() if b.endswith(cue)), None)
                    for b in out["before"]]
    missing = out[out["label"].isna()]
    if len(missing):
        raise ZhpaperError(f"no cue names {missing['raw'].iloc[0]} "
                           f"(printed after {missing['before'].iloc[0]!r})")
    twice = out[out["label"].duplicated(keep=False)]
    if len(twice):
        raise ZhpaperError(f"two figures labelled {twice['label'].iloc[0]!r}: "
                           + ", ".join(twice["raw"]))
    return out
