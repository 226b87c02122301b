"""The ``zhpaper.facts/1`` JSON document: the facts, dates and claim checks of a page,
as ``python -m zhpaper facts`` prints them."""

from __future__ import annotations

from typing import Any

from .claims import checks
from .dating import dates_frame, page_year
from .frame import facts_frame


def to_json(page, audit=None, *, units=None) -> dict[str, Any]:
    """The ``zhpaper.facts/1`` document printed by ``python -m zhpaper facts``. The
    text units of ``page`` (``units``, else computed here) are computed once, for the
    facts, dates and checks."""
    from ..corpus import units as text_units

    if units is None:
        units = text_units(page, audit)
    facts = facts_frame(page, units=units)
    dates = dates_frame(page, units=units)
    py = page_year(page, units=units)

    import pandas as pd

    def clean(v):
        if v is None or pd.isna(v):
            return None
        if hasattr(v, "item"):
            v = v.item()
        return int(v) if isinstance(v, float) and v.is_integer() else v

    return {
        "schema": "zhpaper.facts/1",
        "source": {"path": page.path, "sha256": page.sha256},
        "page_year": {"year": py.year, "how": py.how, "evidence": py.evidence,
                      "date": py.date.isoformat() if py.date else None,
                      "earliest": py.earliest},
        "facts": [{"article": r.article, "line": int(r.line), "raw": r.raw,
                   "value": clean(r.value), "value_high": clean(r.value_high),
                   "unit": clean(r.unit), "hedge": clean(r.hedge), "kind": r.kind,
                   "verb": clean(r.verb),
                   "sentence": r.sentence} for r in facts.itertuples()],
        "dates": [{"article": r.article, "line": int(r.line), "raw": r.raw, "kind": r.kind,
                   "year": clean(r.year), "month": clean(r.month), "day": clean(r.day),
                   "resolved": clean(r.resolved) or None, "status": r.status,
                   "note": clean(r.note)}
                  for r in dates.itertuples()],
        "checks": [{"article": c.article, "line": c.line, "rule": c.rule,
                    "inputs": list(c.inputs), "formula": c.formula,
                    "result": round(c.result, 6), "unit": c.unit, "stated": c.stated,
                    "tolerance": c.tolerance, "verdict": c.verdict, "note": c.note}
                   for c in checks(page, units=units)],
    }
