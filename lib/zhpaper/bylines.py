"""Bylines printed as bare names or set as headings, found from their place on the page.

A byline is often just a name (``刘红``, ``李彦生 陈爱国``), a pen name, two names run
together or an employer with a name, with no 记者 or 本报讯 to announce it
(:mod:`zhpaper.genre` knows those forms). :func:`name_bylines` finds such lines from
where they stand: between a header line and the text, as a heading under a heading, or
between two headings; and not where the line is shaped like a printed line of its
column (a list of names inside the text). Called by :func:`zhpaper.fragments.classify`
between the classification of blocks and :func:`zhpaper.structure.plain_headings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import text as textmod
from .genre import genre
from .structure import column_widths, headline_like, line_shaped, open_above

if TYPE_CHECKING:
    from .fragments import Fragment


def _pen_name(text: str) -> bool:
    """Two to four Chinese characters (or names of that size, spaced): a byline when the
    layout tool set the line apart (centred) under a header, whatever the surname."""
    tokens = text.split()
    return 0 < len(tokens) <= 4 and all(
        2 <= len(t) <= 4 and all(textmod.is_cjk(c) or c == "·" for c in t) for t in tokens)


#: Kinds a byline printed as a bare name stands under.
_NAME_AFTER = frozenset({"heading", "headline", "subtitle", "kicker"})


def name_bylines(frags: list[Fragment], kinds: list[str]) -> list[str]:
    """Kinds with bare-name bylines marked: a one-line fragment that is only a name or
    a few names (``刘红``, ``李彦生 陈爱国``; any short name if the tool set it apart in a
    ``<div>``, as PP-Structure sets a byline as a figure title), standing between a
    header line above (a heading, or on a page without markup a headline-like line after
    a finished paragraph, or a line ending in a dash, when the name line is not shaped
    like a printed line of its column) and body text (or a jump marker) below, or only a
    name between two headings. A heading under another heading (or under a
    headline-like line) that is an employer, a title and a name (``##
    市热力公司经理赵建国``; of several titles, the last with the name) is a byline set as a
    heading; so is, on a page written in blocks, any
    short line without punctuation between a header (or a headline-like line after a
    finished paragraph) and a paragraph (:func:`_bare_byline`)."""
    g = genre()
    kinds = list(kinds)
    columns = column_widths(frags, kinds)
    for i in range(1, len(frags) - 1):
        f = frags[i]
        if len(f.lines) != 1 or kinds[i + 1] not in {"body", "marker", "heading"}:
            continue
        above = kinds[i - 1]
        if kinds[i + 1] == "heading":  # a name between two headings: the byline
            if kinds[i] == "body" and above == "heading" and g.name_byline(f.flat):
                kinds[i] = "byline"
            continue
        plain_headline = above == "body" and len(frags[i - 1].lines) == 1 \
            and headline_like(frags[i - 1].flat.strip())
        if kinds[i] == "heading" and (above == "heading" or plain_headline) \
                and g.titled_name(f.flat.strip().split("、")[-1]):
            kinds[i] = "byline"
            continue
        if kinds[i] != "body":
            continue
        header_above = above in _NAME_AFTER or (plain_headline
                                                and not open_above(frags, kinds, i - 1))
        if header_above and _bare_byline(f, frags[i + 1], kinds[i + 1]):
            kinds[i] = "byline"
            continue
        if not g.name_byline(f.flat) and not (f.centred and _pen_name(f.flat)) \
                and not g.titled_name(f.flat):
            continue
        # a subtitle on a page without markup, leading on with a dash
        dash_line = above == "body" and frags[i - 1].flat.rstrip().endswith("——")
        if above in _NAME_AFTER or (plain_headline or dash_line) \
                and not _printed_line(f, columns[i]):
            kinds[i] = "byline"
    return kinds


#: A bare byline is at most this long, and longer than a pen name or two names run
#: together only if it ends in a name; the paragraph under it is at least this long (a
#: paragraph of a page written in blocks, not one printed line of a column).
BARE_BYLINE_MAX, PEN_NAMES_MAX, BLOCK_BELOW_MIN = 16, 6, 40
#: Punctuation no byline holds (names are run together or spaced, a title runs into them).
_SENTENCE_PUNCT = frozenset("，,。；;：:！!？?“”\"—…")


def _bare_byline(f: Fragment, below: Fragment, below_kind: str) -> bool:
    """A short line without punctuation standing between a header and a paragraph of a
    page written in blocks is the byline, however it names its authors: a pen name or
    two names run together (晓川, 刘立新孙海燕), or an employer and a name (…公司赵建国).
    Text set in blocks seldom breaks off a paragraph's opening a few characters in."""
    g = genre()
    text = f.flat.strip()
    named = len(text) <= PEN_NAMES_MAX or g.looks_like_name(text[-3:]) \
        or g.looks_like_name(text[-2:])
    return below_kind == "body" and len(below.flat.strip()) >= BLOCK_BELOW_MIN \
        and 2 <= len(text) <= BARE_BYLINE_MAX and named \
        and not any(c in _SENTENCE_PUNCT for c in text) \
        and not g.starts_as_continuation(below.flat)


def _printed_line(f: Fragment, column: tuple[float, ...] | None) -> bool:
    """``f`` is shaped like a printed line of the column it stands in (…代表王建华 in a
    list of names), not like a byline set apart under a headline."""
    return column is not None and line_shaped(textmod.display_width(f.flat.strip()), column)


__all__ = ["name_bylines"]
