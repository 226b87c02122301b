"""Facts: quantities, dates and the page's own arithmetic, checked.

Policy news argues with numbers (近3.7万家, 97.7%, 同比增长156.5%). This package finds
every figure in the clean text of a page, normalises it, ties it to its sentence and raw
line, and recomputes the claims the page makes with them. Its modules, in the order the
data flows (each docstring gives its conventions):

* :mod:`~zhpaper.facts.units`: the data (``data/units.toml``, ``data/checks.toml``)
  and :func:`fold` (full-width digits read as digits);
* :mod:`~zhpaper.facts.dates`: date mentions found in a text (:func:`date_mentions`);
* :mod:`~zhpaper.facts.quantity`: quantities found in a text (:func:`quantities`);
* :mod:`~zhpaper.facts.hedges`: the hedges and what a printed figure allows
  (:func:`hedge_meaning`, :func:`hedge_interval`);
* :mod:`~zhpaper.facts.dating`: the date a page speaks from and every date resolved
  against it (:func:`page_year`, :func:`dates_frame`, :func:`timeline`);
* :mod:`~zhpaper.facts.frame`: one row per quantity of a page (:func:`facts_frame`);
* :mod:`~zhpaper.facts.claims`: claim checks (:func:`checks`, :func:`checks_frame`);
* :mod:`~zhpaper.facts.schema`: the ``zhpaper.facts/1`` JSON document (:func:`to_json`).

Every public name is importable from ``zhpaper.facts`` itself.
"""

from __future__ import annotations

from .claims import CHECK_COLUMNS, Check, checks, checks_frame, evaluate
from .dates import DateMention, date_mentions
from .dating import DATE_COLUMNS, NO_DATE, PageYear, dates_frame, page_year, timeline
from .frame import FACT_COLUMNS, facts_frame, label_by_cue
from .hedges import counts_things, hedge_interval, hedge_meaning, rounding
from .quantity import Quantity, blocked_spans, quantities, verb_direction
from .schema import to_json
from .units import fold, lexicon, rules

__all__ = ["CHECK_COLUMNS", "Check", "DATE_COLUMNS", "DateMention", "FACT_COLUMNS", "NO_DATE",
           "PageYear", "Quantity", "blocked_spans", "checks", "checks_frame", "counts_things",
           "date_mentions", "dates_frame", "evaluate", "facts_frame", "fold",
           "hedge_interval", "hedge_meaning", "label_by_cue", "lexicon", "page_year", "quantities",
           "rounding", "rules", "timeline", "to_json", "verb_direction"]
