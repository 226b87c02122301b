"""zhpaper: computational close reading of OCR'd Chinese newspaper pages.

The data flow goes one way::

    page.md ──read──▶ Source (lines) ──classify──▶ Fragment[] ──reconstruct──▶ Page

>>> import zhpaper
>>> page = zhpaper.read_page("page.md")                         # doctest: +SKIP
>>> page.to_frame()                                             # doctest: +SKIP
"""

from __future__ import annotations

from .audit import Audit, Finding, audit
from .errors import ZhpaperError
from .page import Article, Flag, Page, Paragraph, Section, Unassigned
from .plotting import use_cjk_font
from .reconstruct import read_page, reconstruct
from .source import Source, load

__version__ = "0.1.0"

__all__ = [
    "Audit", "Finding", "audit",
    "Article", "Flag", "Page", "Paragraph", "Section", "Source", "Unassigned",
    "ZhpaperError", "load", "read_page", "reconstruct", "use_cjk_font", "__version__",
]
