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


class _Table:
    """A table of a :class:`Reading`: ``function`` (``module:name`` in the library) of the
    page and the reading's text units (and its audit where ``audit`` is true), computed
    the first time it is asked for and handed out as a copy."""

    def __init__(self, function: str, doc: str, *, audit: bool = False) -> None:
        self.function, self.audit, self.__doc__ = function, audit, doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, reading: Reading | None, owner: type | None = None):
        return self if reading is None else self.stored(reading).copy()

    def stored(self, reading: Reading) -> pd.DataFrame:
        """The reading's own table (computed on first use): not to be changed."""
        if self.name not in reading._tables:
            from importlib import import_module

            module, name = self.function.split(":")
            compute = getattr(import_module(f"zhpaper.{module}"), name)
            args = (reading.page, reading.audit) if self.audit else (reading.page,)
            reading._tables[self.name] = compute(*args, units=reading.units)
        return reading._tables[self.name]


@dataclass(eq=False)
class Reading:
    """A page and the results of every stage on it (see the module documentation).

    ``threshold`` is the audit's: suggestions with at least this confidence are
    applied to the text that the later stages read."""

    page: Page
    threshold: float = THRESHOLD
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, init=False, repr=False)
    _keywords: dict[tuple[str, int | None], pd.DataFrame] = field(
        default_factory=dict, init=False, repr=False)

    @classmethod
    def of(cls, page: Page, threshold: float = THRESHOLD) -> Reading:
        """A reading of a page already reconstructed."""
        return cls(page, threshold)

    def __repr__(self) -> str:
        done = [n for n in ("audit", "units") if n in self.__dict__] + list(self._tables)
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

    tokens = _Table("tokens:tokens_frame", "One row per token "
                    "(:func:`zhpaper.tokens.tokens_frame`).", audit=True)
    entities = _Table("entities:entities_frame", "One row per entity mention "
                      "(:func:`zhpaper.entities.entities_frame`).", audit=True)
    facts = _Table("facts:facts_frame", "One row per quantity "
                   "(:func:`zhpaper.facts.facts_frame`).")
    dates = _Table("facts:dates_frame", "One row per date mention, resolved where the page "
                   "allows (:func:`zhpaper.facts.dates_frame`).")
    checks = _Table("facts:checks_frame", "One row per claim check "
                    "(:func:`zhpaper.facts.checks_frame`).")
    slogans = _Table("slogans:slogans_frame", "One row per numeric slogan "
                     "(:func:`zhpaper.slogans.slogans_frame`).")

    def keywords(self, method: str = "tfidf", top: int | None = 10) -> pd.DataFrame:
        """The ``top`` keywords of each article by ``method`` (``tfidf``, ``textrank``
        or ``fightin_words``; see :mod:`zhpaper.keywords`); ``top=None`` ranks all."""
        from .keywords import ranking

        key = (method, top)
        if key not in self._keywords:
            self._keywords[key] = ranking(method)(Reading.tokens.stored(self), top)
        return self._keywords[key].copy()

    # ---------------------------------------------------------------- JSON
    def keywords_json(self, top: int = 10) -> dict[str, Any]:
        """Every method's keywords per article (schema ``zhpaper.keywords/1``)."""
        from .keywords import METHODS, to_json

        return to_json(self.page, {m: self.keywords(m, top) for m in METHODS}, top)

    def facts_json(self) -> dict[str, Any]:
        """Quantities, dates and claim checks (schema ``zhpaper.facts/1``)."""
        from .facts import to_json

        return to_json(self.page, units=self.units)


def read(path: str | PathLike[str], date: datetime.date | str | None = None,
         threshold: float = THRESHOLD) -> Reading:
    """Read and reconstruct the page in ``path`` (:func:`zhpaper.read_page`) and return
    its :class:`Reading`. ``date``, the date of publication (``YYYY-MM-DD``), resolves
    relative dates on a page that prints none. Raises :class:`~zhpaper.ZhpaperError` for
    a bad file or date."""
    from .reconstruct import read_page

    return Reading(read_page(path, date=date), threshold)
