"""Relative years (今年, 去年 …) on laid-out People's Daily 1998 pages: how
:mod:`zhpaper.facts` resolves them with and without a date of publication, for
:mod:`zhpaper.evaluation.facts`.

People's Daily 1998: relative dates on laid-out pages
------------------------------------------------------
The corpus prints no date of publication (its datelines give month and day only), but
every article is from an issue of January 1998, so a relative year has a known truth: 今年
is 1998, 去年 and 上年 1997, 明年 1999 — counted from 1997 in a story datelined in
December (新华社北京１２月３０日电 … 明年 is 1998), read from the corpus article's own lead.
The pages of :func:`zhpaper.evaluation.layout.pages` (MinerU style, seeds 0 … ``pages``) are read
by the library; every relative year (今年 …, with or without month and day) is put in
the corpus article whose text holds its sentence (mentions in a sentence that no single
article holds, after a wrong join, are left out and counted) and counted as resolved
right, resolved wrong or left relative:

* as the page stands (no date given): the library must leave every one relative;
* with the date given (:data:`CORPUS_DATE`, the last day of the corpus: no article is
  from a later issue, and the library dates each dateline to the latest such day not
  after it);
* baseline: the library's rule until now, the latest year the page prints as past taken
  as the page's year (kept as ``PageYear.earliest``, a lower bound it no longer
  resolves against).

Halves: ``pd1998.half``. Errors were looked at, and rules tuned, on the dev half only;
the test half was run for the figures, its errors never looked at (the script's
``--worst`` shows dev-half misses only).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

#: The date given to corpus pages: the last day of the People's Daily of January 1998.
CORPUS_DATE = "1998-01-31"
CORPUS_YEAR = 1998


# --- relative dates on laid-out pages -----------------------------------------------------

@dataclass
class Relative:
    """Relative years (今年 …) on laid-out pages: how each was resolved."""

    pages: int = 0
    mentions: int = 0
    right: Counter = field(default_factory=Counter)  #: by setting
    wrong: Counter = field(default_factory=Counter)
    left: Counter = field(default_factory=Counter)  #: left relative
    unmatched: Counter = field(default_factory=Counter)  #: sentence in no one article


SETTINGS = ("no date", "date given", "old rule")


def _offset(raw: str) -> int | None:
    """The year offset of a relative year (今年 0, 去年 −1 …), ``None`` for other dates."""
    from ..facts import lexicon

    rel = lexicon()["relative_years"]
    word = next((w for w in sorted(rel, key=len, reverse=True) if raw.startswith(w)), None)
    return None if word is None else rel[word]


def _year_of(resolved: str) -> int | None:
    m = re.match(r"(\d{4})", resolved or "")
    return int(m[1]) if m else None


_DECEMBER_DATELINE = re.compile(r"(?:12|１２)月[0-9０-９]{1,2}日[电讯]")


def _told_years(laid) -> list[tuple[str, int]]:
    """(text, year told in) of each corpus article on a laid-out page: 1998, or 1997 for a
    story datelined in December (新华社北京１２月３１日电: its 今年 is 1997)."""
    out = []
    for art in laid.articles:
        paras = [p for sec in art["sections"] for p in sec["paragraphs"]]
        lead = " ".join(filter(None, [art.get("byline") or "", paras[0] if paras else ""]))
        december = bool(_DECEMBER_DATELINE.search(lead[:60]))
        out.append((re.sub(r"\s", "", "".join(paras)), CORPUS_YEAR - december))
    return out


def _truth(row, told: list[tuple[str, int]]) -> int | None:
    """The right year of a relative-year row, from the corpus article its sentence is
    in; ``None`` when the sentence is in no single article (a wrong join)."""
    sentence = re.sub(r"\s", "", row.sentence)
    hits = {year for text, year in told if sentence in text}
    if len(hits) != 1:
        k = sentence.find(re.sub(r"\s", "", row.raw))
        window = sentence[max(0, k - 8):k + len(row.raw) + 8]
        hits = {year for text, year in told if k >= 0 and window in text}
    return hits.pop() + _offset(row.raw) if len(hits) == 1 else None


def _tally_relative(out: Relative, setting: str, frame, told, old_year: int | None) -> None:
    for r in frame.itertuples():
        offset = _offset(r.raw)
        if offset is None:
            continue
        truth = _truth(r, told)
        if truth is None:
            out.unmatched[setting] += 1
            continue
        got = (old_year + offset if old_year is not None else None) \
            if setting == "old rule" else _year_of(r.resolved)
        if setting == "no date":
            out.mentions += 1
        bucket = out.left if got is None else out.right if got == truth else out.wrong
        bucket[setting] += 1


def score_relative(half_name: str, pages: int, style: str = "mineru") -> Relative:
    """Relative years on ``pages`` laid-out pages of one half (see the docstring)."""
    from .. import source
    from ..facts import dates_frame, page_year
    from ..reconstruct import reconstruct
    from . import layout

    out = Relative()
    for laid in layout.pages(half_name, pages, 0, style):
        page = reconstruct(source.from_text(laid.markdown, f"{half_name}-{laid.seed}.md"))
        out.pages += 1
        told = _told_years(laid)
        frame = dates_frame(page)
        old_year = page_year(page).earliest
        _tally_relative(out, "no date", frame, told, old_year)
        _tally_relative(out, "old rule", frame, told, old_year)
        _tally_relative(out, "date given", dates_frame(page.with_date(CORPUS_DATE)), told,
                        old_year)
    return out
