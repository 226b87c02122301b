"""The reconstructed page: articles, sections, paragraphs, with their provenance.

Every element keeps ``source``: the ``(line, start, end)`` spans of the raw characters
it was made from, in reading order. Raw text is always recoverable from the spans.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .errors import ZhpaperError
from .fragments import Span

SCHEMA = "zhpaper.page/1"


def spans_json(spans: tuple[Span, ...]) -> list[list[int]]:
    return [s.as_list() for s in spans]


def publication_date(value: datetime.date | str | None) -> datetime.date | None:
    """A page's date of publication as given by a user: a :class:`datetime.date` (a
    ``datetime`` gives its date) or ``YYYY-MM-DD`` text; ``None`` stays ``None``.
    Raises :class:`~zhpaper.ZhpaperError` for anything else."""
    if value is None or type(value) is datetime.date:
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    text = value.strip() if isinstance(value, str) else None
    if text is None or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ZhpaperError(f"bad date {value!r}: give the date of publication as "
                           "YYYY-MM-DD, e.g. 2024-08-15")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise ZhpaperError(f"bad date {value!r}: {exc}") from None


@dataclass(frozen=True)
class Element:
    """A header element of an article (headline, byline, marker …) or a heading."""

    kind: str
    text: str
    source: tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    text: str  #: clean reading text
    raw: str  #: raw characters, one piece per source span, joined by newlines
    source: tuple[Span, ...]
    fragments: tuple[int, ...]  #: indices of the fragments joined into it

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(s.line for s in self.source))


@dataclass(frozen=True)
class Section:
    heading: str | None
    kind: str  #: "body" or "sidebar"
    source: tuple[Span, ...]  #: spans of the heading (and sidebar label), if any
    paragraphs: tuple[Paragraph, ...]
    label: str | None = None  #: e.g. 采访手记 for a sidebar


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    headline: Element
    kicker: Element | None
    subtitle: Element | None
    banner: Element | None
    byline: Element | None
    reporters: tuple[str, ...]
    continued_from: int | None
    marker: Element | None
    signature: Element | None
    sections: tuple[Section, ...]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def header_elements(self) -> Iterator[Element]:
        for e in (self.kicker, self.headline, self.subtitle, self.banner, self.byline,
                  self.marker, self.signature):
            if e is not None:
                yield e


@dataclass(frozen=True)
class NonText:
    """A figure, table or caption: shown and counted, never analysed as text.

    ``article`` is the article it is printed in (by position on the page), if any."""

    kind: str  #: "figure", "table" or "caption"
    text: str  #: the raw characters (HTML or Markdown for figures and tables)
    source: tuple[Span, ...]
    article: str | None = None


@dataclass(frozen=True)
class Unassigned:
    text: str
    source: tuple[Span, ...]
    reason: str


@dataclass(frozen=True)
class Flag:
    kind: str
    source: tuple[Span, ...]
    detail: str
    article: str | None = None


@dataclass(frozen=True)
class Join:
    """A join chosen between two fragments, with its score and evidence."""

    left: int
    right: int
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    path: str
    sha256: str
    lines: tuple[str, ...]
    articles: tuple[Article, ...]
    unassigned: tuple[Unassigned, ...]
    flags: tuple[Flag, ...]
    fragments: tuple = field(repr=False, default=())
    joins: tuple[Join, ...] = field(repr=False, default=())
    candidates: tuple[Join, ...] = field(repr=False, default=())
    nontext: tuple[NonText, ...] = ()
    #: the date of publication the user gave (``read_page(path, date=…)``), if any;
    #: :func:`zhpaper.facts.page_year` resolves relative dates against it
    date: datetime.date | None = None

    def with_date(self, date: datetime.date | str | None) -> Page:
        """The same page with the date of publication ``date`` (see
        :func:`publication_date`); ``None`` removes it."""
        return replace(self, date=publication_date(date))

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def find(self, words: str) -> Article:
        """The one article whose title, kicker or subtitle contains ``words``."""
        hits = [
            a for a in self.articles
            if any(words in e.text for e in (a.headline, a.kicker, a.subtitle) if e is not None)
        ]
        if len(hits) != 1:
            raise KeyError(f"{len(hits)} articles match {words!r}")
        return hits[0]

    def raw_text(self, spans: tuple[Span, ...]) -> str:
        """The raw characters under ``spans``, one piece per span, joined by newlines."""
        return "\n".join(self.lines[s.line - 1][s.start:s.end] for s in spans)

    def elements(self) -> Iterator[tuple[str, str | None, tuple[Span, ...]]]:
        """Every output element as ``(kind, article id, spans)``: the character account."""
        for a in self.articles:
            for e in a.header_elements():
                yield e.kind, a.id, e.source
            for s in a.sections:
                if s.source:
                    yield ("sidebar" if s.kind == "sidebar" else "section"), a.id, s.source
                for p in s.paragraphs:
                    yield "paragraph", a.id, p.source
        for x in self.nontext:
            yield x.kind, x.article, x.source
        for u in self.unassigned:
            yield "unassigned", None, u.source

    def to_frame(self):
        """One row per paragraph: article, section, paragraph number, text, source lines."""
        import pandas as pd

        rows = []
        for a in self.articles:
            number = 0
            for s_index, s in enumerate(a.sections):
                for p in s.paragraphs:
                    number += 1
                    rows.append({
                        "article": a.id,
                        "title": a.title,
                        "section": s_index,
                        "section_heading": s.heading,
                        "section_kind": s.kind,
                        "paragraph": number,
                        "text": p.text,
                        "chars": len(p.text),
                        "lines": list(p.lines),
                        "first_line": p.lines[0],
                    })
        return pd.DataFrame(rows, columns=[
            "article", "title", "section", "section_heading", "section_kind",
            "paragraph", "text", "chars", "lines", "first_line"])

    def joins_frame(self):
        """The joins made, one row each: both ends' first lines, score and evidence."""
        import pandas as pd

        frags = {f.index: f for f in self.fragments}
        rows = [
            {"from line": frags[j.left].first_line, "to line": frags[j.right].first_line,
             "score": j.score, "evidence": "; ".join(e for e in j.evidence
                                                     if not e.startswith("round "))}
            for j in self.joins
        ]
        frame = pd.DataFrame(rows, columns=["from line", "to line", "score", "evidence"])
        return frame.sort_values(["from line", "to line"], ignore_index=True)

    def flags_frame(self):
        """The flags, one row each: kind, article, first line, detail."""
        import pandas as pd

        rows = [{"kind": f.kind, "article": f.article, "line": f.source[0].line,
                 "detail": f.detail} for f in self.flags]
        return pd.DataFrame(rows, columns=["kind", "article", "line", "detail"])

    def to_json(self) -> dict:
        def element(e: Element | None):
            return None if e is None else e.text

        def element_source(e: Element | None):
            return None if e is None else spans_json(e.source)

        return {
            "schema": SCHEMA,
            "source": {"path": self.path, "sha256": self.sha256, "lines": len(self.lines)},
            "articles": [
                {
                    "id": a.id,
                    "title": a.title,
                    "kicker": element(a.kicker),
                    "subtitle": element(a.subtitle),
                    "banner": element(a.banner),
                    "byline": element(a.byline),
                    "reporters": list(a.reporters),
                    "continued_from": a.continued_from,
                    "signature": element(a.signature),
                    "source": spans_json(a.headline.source),
                    "header_sources": {
                        k: element_source(getattr(a, k))
                        for k in ("kicker", "subtitle", "banner", "byline", "marker", "signature")
                        if getattr(a, k) is not None
                    },
                    "sections": [
                        {
                            "heading": s.heading,
                            "label": s.label,
                            "kind": s.kind,
                            "source": spans_json(s.source),
                            "paragraphs": [
                                {"text": p.text, "raw": p.raw, "source": spans_json(p.source)}
                                for p in s.paragraphs
                            ],
                        }
                        for s in a.sections
                    ],
                }
                for a in self.articles
            ],
            "nontext": [
                {"kind": x.kind, "article": x.article, "text": x.text,
                 "source": spans_json(x.source)}
                for x in self.nontext
            ],
            "unassigned": [
                {"text": u.text, "source": spans_json(u.source), "reason": u.reason}
                for u in self.unassigned
            ],
            "flags": [
                {"kind": f.kind, "article": f.article, "source": spans_json(f.source),
                 "detail": f.detail}
                for f in self.flags
            ],
        }

    def to_text(self) -> str:
        """The clean articles for reading, with paragraph numbers and source lines."""
        out = []
        for a in self.articles:
            if a.kicker:
                out.append(a.kicker.text)
            out.append(f"【{a.title}】")
            for e in (a.subtitle, a.banner, a.byline, a.marker):
                if e is not None:
                    out.append(e.text)
            number = 0
            for s in a.sections:
                if s.label:
                    out.append(f"〔{s.label}〕")
                if s.heading:
                    out.append(f"  {s.heading}")
                for p in s.paragraphs:
                    number += 1
                    lines = ",".join(map(str, p.lines))
                    out.append(f"{number:>3}  {p.text}  [{lines}]")
            if a.signature:
                out.append(a.signature.text)
            out.append("")
        for x in self.nontext:
            out.append(f"({x.kind}, line {x.source[0].line}) {x.text}")
        for u in self.unassigned:
            out.append(f"(unassigned: {u.reason}) {u.text}")
        return "\n".join(out).rstrip() + "\n"
