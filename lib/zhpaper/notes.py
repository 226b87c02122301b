"""Reader's notes kept beside a page: English summaries of its paragraphs.

Summaries are written by people, not computed, so they live in JSON files next to the
notebooks, one per article::

    {"page_sha256": "<SHA-256 of the page file>", "headline": "<the article's headline>",
     "author": "…", "date": "…",
     "paragraphs": {"1": "<summary of paragraph 1>", "2": "…"}}

A file names the page by the SHA-256 of its bytes, so notes written for one page are
never shown beside another: run a chapter on your own page and the summary column is
simply empty (``notes_for`` returns no rows).
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ZhpaperError


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ZhpaperError(f"{path}: cannot read notes ({exc})") from None
    if not isinstance(data, dict) or not {"page_sha256", "headline", "paragraphs"} <= set(data):
        raise ZhpaperError(f"{path}: notes need page_sha256, headline and paragraphs")
    return data


def notes_for(page, article, folder) -> dict[int, str]:
    """``paragraph number → summary`` for ``article`` of ``page`` from the JSON files in
    ``folder``; empty if no file there was written for this page and article."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    for path in sorted(folder.glob("*.json")):
        data = _read(path)
        if data["page_sha256"] == page.sha256 and data["headline"] == article.title:
            numbers = range(1, len(article.paragraphs) + 1)
            out = {int(k): str(v) for k, v in data["paragraphs"].items()}
            unknown = sorted(set(out) - set(numbers))
            if unknown:
                raise ZhpaperError(f"{path}: no paragraph {unknown[0]} in {article.title}")
            return out
    return {}


def reading_frame(page, article, folder=None, audit=None):
    """The article for reading: one row per paragraph with its number, raw lines, clean
    text (with the audit's applied corrections, if given), the English summary (if a
    note exists for this page) and the audit findings that touch it."""
    import pandas as pd

    summaries = notes_for(page, article, folder) if folder is not None else {}
    rows = []
    for number, p in enumerate(article.paragraphs, start=1):
        text = audit.corrected(article.id, number) if audit is not None else p.text
        found = []
        if audit is not None:
            for f in audit.findings:
                if f.article != article.id or f.paragraph != number:
                    continue
                if f.suggestion is None:
                    found.append(f"{f.kind}: {f.original}")
                    continue
                a, b = max(0, f.start - 1), f.end + 1  # one character of context each side
                before = p.text[a:b]
                after = p.text[a:f.start] + f.suggestion + p.text[f.end:b]
                mark = "" if f.applied else " (not applied)"
                found.append(f"{before}→{after}{mark}")
        rows.append({"paragraph": number, "lines": ",".join(map(str, p.lines)), "text": text,
                     "summary": summaries.get(number, ""), "findings": "; ".join(found)})
    return pd.DataFrame(rows, columns=["paragraph", "lines", "text", "summary", "findings"])


SECTION_COLUMNS = ["section", "heading", "kind", "label", "first", "last", "paragraphs",
                   "characters"]


def sections_frame(article, audit=None):
    """The article's parts for reading, one row per section: ``section`` (numbered from
    0), ``heading`` (missing for the part before the first heading), ``kind`` (body or
    sidebar), ``label`` (a sidebar's label such as 采访手记, else missing), ``first`` and
    ``last`` (its paragraph numbers, which run through the whole article; missing for
    a section without paragraphs), ``paragraphs`` (how many) and ``characters``
    (of the clean text, with the audit's applied corrections if given)."""
    import pandas as pd

    rows, number = [], 0
    for k, s in enumerate(article.sections):
        numbers = range(number + 1, number + len(s.paragraphs) + 1)
        number += len(s.paragraphs)
        texts = [audit.corrected(article.id, n) if audit is not None else p.text
                 for n, p in zip(numbers, s.paragraphs, strict=True)]
        rows.append((k, s.heading, s.kind, s.label, numbers.start if texts else None,
                     numbers.stop - 1 if texts else None, len(texts), sum(map(len, texts))))
    return pd.DataFrame(rows, columns=SECTION_COLUMNS).astype({"first": "Int64",
                                                               "last": "Int64"})


__all__ = ["SECTION_COLUMNS", "notes_for", "reading_frame", "sections_frame"]
