"""Resolved dates on a time axis.

:func:`zhpaper.facts.dates_frame` resolves a date to ISO 8601 at the precision the page
prints it: a year (``2017``), a month (``2022-05``), a day (``2024-06-29``), or a period
or decade as two years (``2021/2025``). A timeline needs one point, or one span, per
date. The convention here: a date stands in the middle of what it names — a year at
1 July, a month on its 15th, a day on itself — and a period spans 1 January of its
first year to 31 December of its last.
"""

from __future__ import annotations

import calendar
import datetime
import re

from .errors import ZhpaperError

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    m = _ISO.fullmatch(iso.strip())
    if m is None:
        raise ZhpaperError(f"not a resolved date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY): "
                           f"{iso!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ZhpaperError(f"not a date: {iso!r} ({exc})") from None
    return year, month, day


def _ends(resolved: str) -> tuple[str, str]:
    if not isinstance(resolved, str):
        raise ZhpaperError(f"not a resolved date: {resolved!r}")
    first, sep, last = resolved.partition("/")
    if sep and ("-" in first or "-" in last):
        raise ZhpaperError(f"a period is two years (YYYY/YYYY), not {resolved!r}")
    return first, last if sep else first


def date_span(resolved: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a resolved date covers: ``2024`` → 1 January to
    31 December 2024, ``2024-06`` → 1 to 30 June, ``2024-06-29`` → that day,
    ``2021/2025`` → 1 January 2021 to 31 December 2025."""
    first, last = _ends(resolved)
    y, m, d = _parts(first)
    start = datetime.date(y, m or 1, d or 1)
    y, m, d = _parts(last)
    end = datetime.date(y, m or 12, d or calendar.monthrange(y, m or 12)[1])
    if end < start:
        raise ZhpaperError(f"a period that ends before it starts: {resolved!r}")
    return start, end


def plot_date(resolved: str) -> datetime.date:
    """Where a resolved date stands on a time axis: a year at 1 July, a month on its
    15th, a day on itself; a period at the position of its first year (the start of
    the bar :func:`date_span` draws)."""
    first, _ = _ends(resolved)
    date_span(resolved)  # the whole value must be valid
    year, month, day = _parts(first)
    if month is None:
        return datetime.date(year, 7, 1)
    return datetime.date(year, month, day or 15)


__all__ = ["date_span", "plot_date"]
