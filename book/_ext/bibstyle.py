"""Sphinx extension: a bibliography style that prints titles as the works print them.

pybtex's standard styles (which sphinxcontrib-bibtex uses) put every article title in
sentence case, lowercasing all but its first letter unless the .bib file braces each
capital: "Work Safety Law of the People's Republic of China" came out as "work safety
law of the people's republic of china". Titles of Chinese works mix Chinese and English,
and English titles keep their own capitals, so this style leaves every title as the .bib
file writes it. Everything else (labels, sorting, links) is pybtex's ``alpha`` style.
Select it with ``bibtex_default_style: alpha_keep_case``.
"""

from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.template import field, sentence

NAME = "alpha_keep_case"


class KeepCaseStyle(AlphaStyle):
    """pybtex's ``alpha`` style without the change of case in titles."""

    def format_title(self, e, which_field, as_sentence=True):
        title = field(which_field)
        return sentence[title] if as_sentence else title


def setup(app):
    register_plugin("pybtex.style.formatting", NAME, KeepCaseStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
