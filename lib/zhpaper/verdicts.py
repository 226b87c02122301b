"""Check tables: a reader's checks of a page's claims, each verdict computed.

A chapter that checks claims by hand — a count against the list it sums up, a date
against the arithmetic of the text, a latency against the speed of light — ends with a
table: the claim, what the page states, what we computed, and the verdict. The verdict
must follow from the comparison, never be typed beside it; :class:`Verdicts` builds the
table one row at a time and returns each decision, so that the prose can quote it::

    checks = Verdicts()
    agree = checks.compare("三大片区: the zones", 3, len(zones), shown=f"{len(zones)} zones")
    checks.test("5 ms, one way", f"{ok} of {n} possible", ok == n,
                agrees="physically possible", disagrees="not possible for every one")
    checks.derive("300多亿元 for 33 projects", "9.1–12.1 亿元 per project")
    checks.frame()  # claim, stated, computed, verdict

The claims' wording and the labels of their verdicts belong to the chapter; this module
only keeps the verdict tied to the test that decided it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import ZhpaperError

AGREES, DISAGREES, DERIVED = "agrees", "disagrees", "derived"
#: Shown where the page states no value to compare with.
NOTHING_STATED = "—"
COLUMNS = ["claim", "stated", "computed", "verdict"]


@dataclass(frozen=True)
class Verdict:
    claim: str
    stated: str  #: what the page states, as printed (or :data:`NOTHING_STATED`)
    computed: str  #: what we computed, as shown
    verdict: str
    holds: bool | None  #: the test's outcome; None for a value derived or a judgement


def _label(text: str, what: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ZhpaperError(f"a check needs a non-empty {what}")
    return text


def _number(value: float, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ZhpaperError(f"the {what} of a comparison must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ZhpaperError(f"the {what} of a comparison must be finite, not {value!r}")
    return number


class Verdicts:
    """The rows of a check table, in the order they were added."""

    def __init__(self) -> None:
        self.rows: list[Verdict] = []

    def _add(self, claim: str, stated: str, computed: str, verdict: str,
             holds: bool | None) -> None:
        self.rows.append(Verdict(_label(claim, "claim"), _label(str(stated), "stated value"),
                                 _label(computed, "computed value"),
                                 _label(verdict, "verdict"), holds))

    def test(self, claim: str, computed: str, holds: bool, *, stated: str = NOTHING_STATED,
             agrees: str = AGREES, disagrees: str = DISAGREES) -> bool:
        """A claim decided by a test we ran (``holds``): its verdict is ``agrees`` if the
        test passed, ``disagrees`` if not. Returns ``holds``."""
        if not isinstance(holds, bool):
            holds = bool(holds)  # numpy booleans
        self._add(claim, stated, computed, agrees if holds else disagrees, holds)
        return holds

    def compare(self, claim: str, stated: float, computed: float, *, tolerance: float = 0.0,
                stated_as: str | None = None, shown: str | None = None,
                agrees: str = AGREES, disagrees: str = DISAGREES) -> bool:
        """A number the page states against the one we computed: the claim holds if
        they differ by at most ``tolerance``. ``stated_as`` and ``shown`` are how the
        two are written in the table (by default the numbers themselves)."""
        a, b = _number(stated, "stated value"), _number(computed, "computed value")
        if _number(tolerance, "tolerance") < 0:
            raise ZhpaperError(f"a tolerance cannot be negative ({tolerance})")
        return self.test(claim, f"{b:g}" if shown is None else shown, abs(a - b) <= tolerance,
                         stated=f"{a:g}" if stated_as is None else stated_as,
                         agrees=agrees, disagrees=disagrees)

    def derive(self, claim: str, computed: str, *, stated: str = NOTHING_STATED,
               verdict: str = DERIVED) -> None:
        """A value the page implies but does not state, or a reader's judgement that no
        test decides (say which in ``verdict``): a row with nothing to compare."""
        self._add(claim, stated, computed, verdict, None)

    def all_hold(self) -> bool:
        """True if every tested row holds (and at least one was tested)."""
        tested = [r.holds for r in self.rows if r.holds is not None]
        return bool(tested) and all(tested)

    def frame(self):
        """The table: ``claim``, ``stated``, ``computed``, ``verdict``."""
        import pandas as pd

        return pd.DataFrame([(r.claim, r.stated, r.computed, r.verdict) for r in self.rows],
                            columns=COLUMNS)


__all__ = ["AGREES", "COLUMNS", "DERIVED", "DISAGREES", "NOTHING_STATED", "Verdict",
           "Verdicts"]
