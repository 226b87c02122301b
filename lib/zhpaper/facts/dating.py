"""Dating: the date a page speaks from, and each date mention resolved against it.

Conventions (:func:`page_year`, :func:`dates_frame`)
----------------------------------------------------
``resolved`` is ISO 8601 (``2024-08-13``, ``2022-12``, interval ``2021/2025``) or empty,
``status`` says where the year came from and ``note`` gives the evidence:

* ``printed``: the mention prints its year;
* ``page``: the year comes from elsewhere on the page: a date earlier in its sentence
  (从2022年5月…到12月), the nearest year named before it in its paragraph (a holiday,
  a bare day), or a masthead printed on the page (``2024年8月15日 星期四``);
* ``given``: from the date of publication the user gave (``read_page(path, date=…)``,
  ``Page.with_date``, ``--date``);
* ``relative``: it needs the date of publication, and neither the page nor the user
  gives it. Nothing is guessed: the note says so.

Relative words count from the date the text is told from: an article's dateline
(本报北京1月5日讯, 新华社北京12月31日电: a month and day before 讯 or 电, dated to the
latest such day not after the date of publication), else the date of publication. The
latest year a page prints as past (years after 到, 至, 力争 … are targets and do not
count) is reported as :attr:`PageYear.earliest`, a bound ("the page is from 2024 or
later"): it is never resolved against, since a page from the next year may print no
later year (that rule dated a 2025 article's 今年 2024).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import DateMention, date_mentions
from .units import fold, lexicon

if TYPE_CHECKING:
    from ..corpus import Unit

_DATELINE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*(?:星期|周)[一二三四五六日天]")
_TARGET = ("到", "至", "力争", "预计", "计划", "争取", "截至", "截止")
#: What the library says when a date needs the date of publication and has none.
NO_DATE = ("the page prints no date of publication (give it: read_page(path, date=…) "
           "or --date YYYY-MM-DD)")


@dataclass(frozen=True)
class PageYear:
    """The date a page speaks from, and how it is known: ``given`` by the user
    (``read_page(path, date=…)``), ``stated`` by a masthead printed on the page, or
    ``unknown``. ``earliest`` is the latest year the page prints as past: the page is
    from that year or later. It is a bound, never a date to resolve against."""

    year: int | None
    how: str  #: given, stated or unknown
    evidence: str
    date: datetime.date | None = None
    earliest: int | None = None


def _masthead(page) -> tuple[datetime.date, str] | None:
    for k, line in enumerate(page.lines, 1):
        m = _DATELINE.search(fold(line))
        if m:
            try:
                return (datetime.date(int(m[1]), int(m[2]), int(m[3])),
                        f"masthead {line[m.start():m.end()]} (line {k})")
            except ValueError:
                continue
    return None


def _latest_past_year(units: Sequence[Unit]) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for u in units:
        for d in date_mentions(u.text):
            if d.year is None or d.kind in ("period", "decade"):
                continue
            if any(u.text[:d.start].endswith(w) for w in _TARGET):
                continue
            if best is None or d.year > best[0]:
                best = (d.year, f"{d.raw}, line {u.line_at(d.start)}")
    return best


def page_year(page, audit=None, *, units: Sequence[Unit] | None = None) -> PageYear:
    """The date a page speaks from (see the module docstring). ``units``, the page's
    text units (:func:`zhpaper.corpus.units` of ``page`` and ``audit``) if the caller
    has them already: ``audit`` is then not used."""
    from ..corpus import units as text_units

    masthead = _masthead(page)
    latest = _latest_past_year(text_units(page, audit) if units is None else units)
    earliest = latest[0] if latest else None
    given = getattr(page, "date", None)
    if given is not None:
        evidence = f"date given: {given.isoformat()}"
        if masthead and masthead[0] != given:
            evidence += f" (the page prints {masthead[1]})"
        return PageYear(given.year, "given", evidence, given, earliest)
    if masthead:
        return PageYear(masthead[0].year, "stated", masthead[1], masthead[0], earliest)
    hint = (f"; the latest year it prints as past is {latest[0]} ({latest[1]}): it is "
            f"from {latest[0]} or later" if latest else "")
    return PageYear(None, "unknown", NO_DATE + hint, None, earliest)


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return ""
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


@dataclass(frozen=True)
class _Anchor:
    """The date a text is told from: the page's date, or an article's dateline."""

    date: datetime.date
    status: str  #: ``page`` (printed on the page) or ``given`` (by the user)
    why: str


@dataclass(frozen=True)
class _Context:
    """A year (and month) printed or resolved earlier in the sentence or paragraph."""

    year: int
    month: int | None
    status: str
    why: str


def _not_after(anchor: datetime.date, month: int, day: int | None = None) -> int:
    """The year of the latest (month, day) not after ``anchor``."""
    return anchor.year if (month, day or 1) <= (anchor.month, anchor.day) else anchor.year - 1


def _shift_month(d: datetime.date, months: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + months
    return k // 12, k % 12 + 1


def _relative(d: DateMention, anchor: _Anchor | None) -> tuple[str, str, str]:
    word = d.raw[:_relative_word_length(d)]
    if anchor is None:
        return "", "relative", f"relative: {word} counts from the date of publication; {NO_DATE}"
    a = anchor.date
    if d.relative_unit == "day":
        got = a + datetime.timedelta(days=d.relative)
        return got.isoformat(), anchor.status, f"{word} = {got.isoformat()}, from {anchor.why}"
    if d.relative_unit == "month":
        y, m = _shift_month(a, d.relative)
        return _iso(y, m, d.day), anchor.status, f"{word} = {_iso(y, m)}, from {anchor.why}"
    y = a.year + d.relative
    return _iso(y, d.month, d.day), anchor.status, f"{word} = {y}, from {anchor.why}"


def _relative_word_length(d: DateMention) -> int:
    lex = lexicon()
    words = list(lex["relative_years"]) + list(lex["relative_months"]) + list(
        lex["relative_days"])
    return max((len(w) for w in words if d.raw.startswith(w)), default=len(d.raw))


def _holiday(d: DateMention, ctx: _Context | None, anchor: _Anchor | None
             ) -> tuple[str, str, str]:
    lex = lexicon()
    if ctx is not None:
        base, status, why = ctx.year, ctx.status, ctx.why
    elif anchor is not None:
        base, status, why = anchor.date.year, anchor.status, anchor.why
    else:
        return "", "relative", f"relative: {d.raw} is named without a year; {NO_DATE}"
    name, shift = d.holiday, 0
    if name in lex["lunar_offsets"]:
        name, shift = lex["lunar_offsets"][name]
    if name in lex["lunar"]:
        md = lex["lunar"][name].get(str(base))
        if md is None:
            return str(base), status, f"lunar holiday; no table entry for {base}"
        day = datetime.date.fromisoformat(f"{base}-{md}") + datetime.timedelta(days=shift)
        return day.isoformat(), status, f"{d.holiday} of {base}, year from {why}"
    month, day, offset = lex["holidays"][name]
    return _iso(base + offset, month, day), status, f"holiday {d.holiday}, year from {why}" + (
        f", offset {offset:+d}" if offset else "")


def _decade(d: DateMention, anchor: _Anchor | None) -> tuple[str, str, str]:
    if d.year is not None:
        return f"{d.year}/{d.year_end}", "printed", "decade printed with its century"
    if anchor is None:
        return "", "relative", f"relative: {d.raw} does not print its century; {NO_DATE}"
    century = anchor.date.year // 100 * 100
    start = century + d.year_end + 100 * (d.century or 0)
    if d.century is None and start > anchor.date.year:
        start -= 100
    return f"{start}/{start + 9}", anchor.status, f"century from {anchor.why}"


def _day(d: DateMention, ctx: _Context | None, anchor: _Anchor | None
         ) -> tuple[str, str, str]:
    if ctx is not None and ctx.month is not None:
        return _iso(ctx.year, ctx.month, d.day), ctx.status, f"month from {ctx.why}"
    if anchor is None:
        return "", "relative", f"relative: {d.raw} prints no month; {NO_DATE}"
    a = anchor.date
    y, m = (a.year, a.month) if d.day <= a.day else _shift_month(a, -1)
    return _iso(y, m, d.day), anchor.status, f"the latest {d.raw} not after {anchor.why}"


def _resolve(d: DateMention, ctx: _Context | None, anchor: _Anchor | None
             ) -> tuple[str, str, str]:
    """``(resolved, status, note)`` of one mention (see the module docstring)."""
    if d.kind == "period":
        return f"{d.year}/{d.year_end}", "printed", "period printed in full"
    if d.kind == "decade":
        return _decade(d, anchor)
    if d.year is not None:
        return _iso(d.year, d.month, d.day), "printed", "printed in full"
    if d.relative is not None:
        return _relative(d, anchor)
    if d.kind == "holiday":
        return _holiday(d, ctx, anchor)
    if d.kind == "day":
        return _day(d, ctx, anchor)
    if ctx is not None:
        return _iso(ctx.year, d.month, d.day), ctx.status, f"year from {ctx.why}"
    if anchor is None:
        return "", "relative", f"relative: {d.raw} prints no year; {NO_DATE}"
    if d.dateline:
        year = _not_after(anchor.date, d.month, d.day)
        return (_iso(year, d.month, d.day), anchor.status,
                f"dateline: the latest {d.raw} not after {anchor.why}")
    note = f"year not printed: the year of {anchor.why}"
    if (d.month, d.day or 1) > (anchor.date.month, anchor.date.day):
        note += " (a later day of that year: a plan, or last year's date)"
    return _iso(anchor.date.year, d.month, d.day), anchor.status, note


def _context(d: DateMention, earlier: list[tuple[DateMention, str, str]],
             sentence_start: int) -> _Context | None:
    """The nearest earlier mention giving ``d`` its year: in the same sentence, or in
    the paragraph for a holiday or a day; a day needs a month as well."""
    for prev, resolved, status in reversed(earlier):
        if prev.kind in ("period", "decade", "holiday"):
            continue  # a holiday names no year of its own
        if not resolved:
            if prev.year is not None or prev.relative_unit == "year":
                return None  # the nearest year named is itself unknown (去年, no date)
            continue
        if d.kind not in ("holiday", "day") and prev.start < sentence_start:
            break
        month = int(resolved[5:7]) if len(resolved) >= 7 else None
        if d.kind == "day" and month is None:
            continue
        scope = "paragraph" if d.kind in ("holiday", "day") else "sentence"
        return _Context(int(resolved[:4]), month, "page" if status == "printed" else status,
                        f"{prev.raw} earlier in the {scope}")
    return None


def _anchors(page, units_: Sequence[Unit], py: PageYear) -> dict[str, _Anchor | None]:
    """Each article's anchor: its dateline (本报北京1月5日讯) dated by the page's date,
    else the page's date; ``None`` without a date of publication."""
    if py.date is None:
        return {}
    status = "given" if py.how == "given" else "page"
    page_anchor = _Anchor(py.date, status, f"the date {'given' if status == 'given' else 'printed'}"
                          f" ({py.date.isoformat()})")
    out: dict[str, _Anchor | None] = {}
    texts = [(a.id, a.byline.text) for a in page.articles if a.byline is not None]
    texts += [(u.article, u.text) for u in units_ if u.kind != "paragraph" or u.paragraph == 1]
    for article, text in texts:  # a dateline opens an article: its byline, header or lead
        out.setdefault(article, page_anchor)
        line = next((d for d in date_mentions(text) if d.dateline), None)
        if out[article] is not page_anchor or line is None:
            continue
        try:
            day = datetime.date(_not_after(py.date, line.month, line.day), line.month, line.day)
        except ValueError:
            continue
        out[article] = _Anchor(day, status, f"the dateline {line.raw} ({day.isoformat()}, "
                                 f"year from {page_anchor.why})")
    return out


DATE_COLUMNS = ["article", "paragraph", "line", "raw", "kind", "year", "month", "day",
                "resolved", "status", "note", "sentence"]


def dates_frame(page, audit=None, *, units: Sequence[Unit] | None = None):
    """One row per date or period: ``article``, ``paragraph``, ``line``, ``raw``,
    ``kind``, ``year``, ``month``, ``day``, ``resolved`` (ISO 8601, empty if the date
    stays relative), ``status`` (``printed``: the mention prints its year; ``page``: the
    year comes from elsewhere on the page; ``given``: from the date the user gave;
    ``relative``: it needs the date of publication, which neither the page nor the user
    gives), ``note`` (the evidence, or the reason it stays relative), ``sentence``.
    ``units``, the page's text units (:func:`zhpaper.corpus.units` of ``page`` and
    ``audit``) if the caller has them already: ``audit`` is then not used."""
    import pandas as pd

    from ..corpus import sentences
    from ..corpus import units as text_units

    all_units = text_units(page, audit) if units is None else units
    py = page_year(page, units=all_units)
    anchors = _anchors(page, all_units, py)
    rows = []
    for u in all_units:
        spans = sentences(u.text)
        earlier: list[tuple[DateMention, str, str]] = []
        for d in date_mentions(u.text):
            sent = next(((s, e) for s, e in spans if s <= d.start < e), (0, len(u.text)))
            resolved, status, note = _resolve(d, _context(d, earlier, sent[0]),
                                              anchors.get(u.article))
            earlier.append((d, resolved, status))
            rows.append((u.article, u.paragraph, u.line_at(d.start), d.raw, d.kind, d.year,
                         d.month, d.day, resolved, status, note, u.text[sent[0]:sent[1]]))
    frame = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return frame.astype({"paragraph": "Int64", "year": "Int64", "month": "Int64",
                         "day": "Int64"})


def timeline(page, audit=None, article: str | None = None, *,
             units: Sequence[Unit] | None = None):
    """The resolved dates of each article (or of one), in time order: ``article``,
    ``resolved``, ``raw``, ``line``, ``sentence``. Dates left relative come last.
    ``units`` as in :func:`dates_frame`."""
    frame = dates_frame(page, audit, units=units)
    if article is not None:
        frame = frame[frame["article"] == article]
    frame = frame.assign(_partial=frame["resolved"] == "")
    frame = frame.sort_values(["article", "_partial", "resolved", "line"], kind="stable")
    return frame[["article", "resolved", "raw", "kind", "line", "sentence"]].reset_index(
        drop=True)
