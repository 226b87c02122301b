"""zhpaper: computational close reading of OCR'd Chinese newspaper pages.

The data flow goes one way::

    page.md ──read──▶ Source (lines) ──classify──▶ Fragment[] ──reconstruct──▶ Page

One reading of a page holds the page and every stage's result, each computed once
(:mod:`zhpaper.reading`)::

>>> import zhpaper
>>> r = zhpaper.read("page.md")                                 # doctest: +SKIP
>>> r.page.to_frame()                                           # doctest: +SKIP
>>> r.audit, r.tokens, r.entities, r.facts, r.keywords("tfidf")  # doctest: +SKIP
"""

from __future__ import annotations

from .audit import Audit, Finding, audit
from .errors import ZhpaperError
from .page import Article, Flag, Page, Paragraph, Section, Unassigned
from .plotting import use_cjk_font
from .reading import Reading, read
from .reconstruct import read_page, reconstruct
from .source import Source, load

__version__ = "0.1.0"

__all__ = [
    "Audit", "Finding", "audit", "Reading", "read",
    "Article", "Flag", "Page", "Paragraph", "Section", "Source", "Unassigned",
    "ZhpaperError", "load", "read_page", "reconstruct", "use_cjk_font", "__version__",
]
