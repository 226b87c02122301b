"""One reading of one page: the page and every stage's result, each computed once.

:func:`read` reads and reconstructs a page and returns a :class:`Reading`. The stages
(the audit, the text units, tokens, entities, facts, dates, claim checks, slogans and
keywords) are computed the first time they are asked for and kept, so a notebook or
the command line passes one object around instead of calling each stage with the page
and its audit and computing the same audit, units and tokens again::

    >>> import zhpaper
    >>> r = zhpaper.read("page.md")               # doctest: +SKIP
    >>> r.page.articles                           # doctest: +SKIP
    >>> r.audit.to_frame()                        # doctest: +SKIP
    >>> r.tokens.query("article == 'a1'")         # doctest: +SKIP
    >>> r.keywords("textrank", top=5)             # doctest: +SKIP

The functions behind it stay the library's stages (``zhpaper.audit``,
``zhpaper.tokens.tokens_frame``, ``zhpaper.facts.facts_frame`` …) and give the same
results; the reading only calls them, once. Every table property returns a copy, so a
cell that changes the table it was given does not change what the next cell gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .audit import THRESHOLD, Audit
from .audit import audit as audit_page

if TYPE_CHECKING:
    import datetime
    from os import PathLike

    import pandas as pd

    from .corpus import Unit
    from .page import Page


@dataclass(eq=False)
class Reading:
    """A page and the results of every stage on it (see the module documentation).

    ``threshold`` is the audit's: suggestions with at least this confidence are
    applied to the text that the later stages read."""

    page: Page
    threshold: float = THRESHOLD
    _keywords: dict[tuple[str, int | None], pd.DataFrame] = field(
        default_factory=dict, init=False, repr=False)

    @classmethod
    def of(cls, page: Page, threshold: float = THRESHOLD) -> Reading:
        """A reading of a page already reconstructed."""
        return cls(page, threshold)

    def __repr__(self) -> str:
        done = [name for name in _STAGES if name in self.__dict__]
        return (f"Reading({self.page.path!r}, {len(self.page.articles)} articles, "
                f"computed: {', '.join(done) or 'nothing yet'})")

    # ---------------------------------------------------------------- the stages
    @cached_property
    def audit(self) -> Audit:
        """The audit of every paragraph and unassigned item (:func:`zhpaper.audit`)."""
        return audit_page(self.page, threshold=self.threshold)

    @cached_property
    def units(self) -> list[Unit]:
        """The text units (headlines, paragraphs, captions …) with the audit's applied
        corrections (:func:`zhpaper.corpus.units`)."""
        from .corpus import units

        return units(self.page, self.audit)

    @cached_property
    def _tokens(self) -> pd.DataFrame:
        from .tokens import tokens_frame

        return tokens_frame(self.page, self.audit, units=self.units)

    @cached_property
    def _entities(self) -> pd.DataFrame:
        from .entities import entities_frame

        return entities_frame(self.page, self.audit, units=self.units)

    @cached_property
    def _facts(self) -> pd.DataFrame:
        from .facts import facts_frame

        return facts_frame(self.page, units=self.units)

    @cached_property
    def _dates(self) -> pd.DataFrame:
        from .facts import dates_frame

        return dates_frame(self.page, units=self.units)

    @cached_property
    def _checks(self) -> pd.DataFrame:
        from .facts import checks_frame

        return checks_frame(self.page, units=self.units)

    @cached_property
    def _slogans(self) -> pd.DataFrame:
        from .slogans import slogans_frame

        return slogans_frame(self.page, units=self.units)

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token (:func:`zhpaper.tokens.tokens_frame`)."""
        return self._tokens.copy()

    @property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention (:func:`zhpaper.entities.entities_frame`)."""
        return self._entities.copy()

    @property
    def facts(self) -> pd.DataFrame:
        """One row per quantity (:func:`zhpaper.facts.facts_frame`)."""
        return self._facts.copy()

    @property
    def dates(self) -> pd.DataFrame:
        """One row per date mention, resolved where the page allows
        (:func:`zhpaper.facts.dates_frame`)."""
        return self._dates.copy()

    @property
    def checks(self) -> pd.DataFrame:
        """One row per claim check (:func:`zhpaper.facts.checks_frame`)."""
        return self._checks.copy()

    @property
    def slogans(self) -> pd.DataFrame:
        """One row per numeric slogan (:func:`zhpaper.slogans.slogans_frame`)."""
        return self._slogans.copy()

    def keywords(self, method: str = "tfidf", top: int | None = 10) -> pd.DataFrame:
        """The ``top`` keywords of each article by ``method`` (``tfidf``, ``textrank``
        or ``fightin_words``; see :mod:`zhpaper.keywords`); ``top=None`` ranks all."""
        from .keywords import ranking

        key = (method, top)
        if key not in self._keywords:
            self._keywords[key] = ranking(method)(self._tokens, top)
        return self._keywords[key].copy()

    # ---------------------------------------------------------------- JSON
    def keywords_json(self, top: int = 10) -> dict[str, Any]:
        """Every method's keywords per article (schema ``zhpaper.keywords/1``)."""
        from .keywords import to_json

        return to_json(self.page, {m: self.keywords(m, top) for m in _KEYWORD_METHODS}, top)

    def facts_json(self) -> dict[str, Any]:
        """Quantities, dates and claim checks (schema ``zhpaper.facts/1``)."""
        from .facts import to_json

        return to_json(self.page, units=self.units)


_STAGES = ("audit", "units", "_tokens", "_entities", "_facts", "_dates", "_checks",
           "_slogans")
_KEYWORD_METHODS = ("tfidf", "textrank", "fightin_words")


def read(path: str | PathLike[str], date: datetime.date | str | None = None,
         threshold: float = THRESHOLD) -> Reading:
    """Read and reconstruct the page in ``path`` (:func:`zhpaper.read_page`) and return
    its :class:`Reading`. ``date``, the date of publication (``YYYY-MM-DD``), resolves
    relative dates on a page that prints none. Raises :class:`~zhpaper.ZhpaperError` for
    a bad file or date."""
    from .reconstruct import read_page

    return Reading(read_page(path, date=date), threshold)
