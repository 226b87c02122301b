"""Tables for notebooks: page text is always HTML-escaped.

Page text comes from files users did not write: a ``<script>`` in a newspaper page must
be shown, not run. pandas escapes plain DataFrame HTML, but a ``Styler`` does not unless
asked; :func:`table` always asks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from html import escape, unescape

from .errors import ZhpaperError

#: The language tag for Chinese text in HTML (simplified script, as the page prints it).
ZH = "zh-Hans"
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile("[A-Za-z]")
#: A table cell whose content is text only (pandas' Styler escapes every cell).
_CELL = re.compile(r"<(td|th)\b([^>]*)>([^<]*)</\1>")


def is_chinese(text: str) -> bool:
    """True if ``text`` is mostly Chinese: it holds Han characters and at most one Latin
    letter for every two of them (``安全生产``, ``5G基站``, ``压实"三个责任"``; not
    ``安全生产 (work safety)``). Digits, spaces and punctuation do not count. The book's
    HTML marks Chinese text by the same rule (``book/_ext/zh_lang.py``)."""
    han = len(_HAN.findall(text))
    return han > 0 and 2 * len(_LATIN.findall(text)) <= han


def mark_chinese_cells(html: str) -> str:
    """``html`` with ``lang="zh-Hans"`` on every text-only ``<td>``/``<th>`` whose text is
    Chinese (:func:`is_chinese`), so that browsers pick Chinese glyphs and screen readers
    a Chinese voice. Cells with a ``lang`` already and the text itself are left alone."""
    def mark(m: re.Match) -> str:
        tag, attrs, text = m.groups()
        if re.search(r"\blang\s*=", attrs) or not is_chinese(unescape(text)):
            return m.group(0)
        return f'<{tag}{attrs.rstrip()} lang="{ZH}">{text}</{tag}>'

    return _CELL.sub(mark, html)


def _zh_span(escaped: str, text: str) -> str:
    """Escaped ``text`` inside ``<span lang="zh-Hans">`` if it is Chinese."""
    return f'<span lang="{ZH}">{escaped}</span>' if is_chinese(text) else escaped


class Table:
    """A table that shows as escaped HTML in notebooks and as text elsewhere.

    Unlike a bare pandas ``Styler``, its output is the same on every run: the table's
    HTML id is derived from its content, and its plain-text form is the table itself.
    Cells whose text is Chinese carry ``lang="zh-Hans"`` (:func:`mark_chinese_cells`).
    """

    def __init__(self, frame, *, index: bool = False, wrap: tuple[str, ...] = ("text",),
                 precision: int = 2, nowrap: tuple[str, ...] = ()):
        self.frame = frame
        digest = hashlib.sha1(frame.to_json(force_ascii=False).encode("utf-8")).hexdigest()
        styler = frame.style.format(escape="html", na_rep="—", precision=precision)
        styler = styler.set_uuid(digest[:10])
        # cells that touch read as one ("2021—2025" beside "24"): pad them
        styler = styler.set_table_styles([{"selector": "th, td",
                                           "props": [("padding", "0.2em 0.6em")]}])
        if not index:
            styler = styler.hide(axis="index")
        columns = [c for c in wrap if c in frame.columns]
        if columns:
            styler = styler.set_properties(subset=columns, **{"text-align": "left",
                                                              "min-width": "18em"})
        kept = [c for c in nowrap if c in frame.columns]
        if kept:  # printed strings that read as one (2021—2025, 今年6月29日)
            styler = styler.set_properties(subset=kept, **{"white-space": "nowrap"})
        self.styler = styler

    def _repr_html_(self) -> str:
        return mark_chinese_cells(self.styler.to_html())

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def table(frame, *, index: bool = False, wrap: tuple[str, ...] = ("text",),
          precision: int = 2, empty: str | None = None,
          nowrap: tuple[str, ...] = ()) -> Table | HTML:
    """``frame`` for display: every cell HTML-escaped, long text (the columns in
    ``wrap``) left-aligned, the columns in ``nowrap`` kept on one line, floats with
    ``precision`` decimals. With ``empty``, a frame without rows is shown as that
    sentence (:func:`note`) instead of a table of headers: say why the page has none."""
    if empty is not None and frame.empty:
        return note(empty)
    return Table(frame, index=index, wrap=wrap, precision=precision, nowrap=nowrap)


class HTML:
    """Ready-made HTML for notebooks (built only from escaped text)."""

    def __init__(self, html: str, text: str) -> None:
        self.html, self.text = html, text

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def note(sentence: str) -> HTML:
    """A sentence shown where a page does not allow a table or a figure (no article,
    one article and nothing to compare, nothing found), so that the reader learns why
    instead of meeting an empty table. The sentence is escaped like page text."""
    return HTML(f'<p class="zhp-note">{escape(sentence)}</p>', sentence)


#: How every chapter marks the audit's findings in page text (see :func:`marked_text`).
MARK_STYLE = ("<style>.zhp-read del{color:#a00}.zhp-read ins{color:#070;"
              "text-decoration:none;font-weight:bold}.zhp-read mark{background:#fde68a}"
              "</style>")


def marked_text(result, article_id: str, number: int) -> str:
    """Paragraph ``number`` of an article as HTML, with the audit's findings marked the
    one way the book marks them: an applied correction as the original struck through
    (``<del>``) and the correction after it (``<ins>``); a finding only reported
    highlighted (``<mark>``); lost text and unbalanced quotes as a tag at the end; the
    evidence of each as a tooltip. A correction inside a reported span is shown inside
    its highlight, so the text always reads as corrected. Style it with
    :data:`MARK_STYLE` inside an element of class ``zhp-read``. Every piece of page text
    is HTML-escaped."""
    text = result.text(article_id, number)
    mine = [f for f in result.findings if f.article == article_id and f.paragraph == number]
    located = sorted((f for f in mine if f.start is not None), key=lambda f: (f.start, -f.end))
    fixes = []  # applied corrections, the first of overlapping ones
    for f in (f for f in located if f.applied):
        if not fixes or f.start >= fixes[-1].end:
            fixes.append(f)

    def title(f) -> str:
        return escape(f"{f.rule} ({f.confidence:.2f}): {f.evidence}", quote=True)

    def corrected(a: int, b: int) -> str:
        out, pos = [], a
        for f in (f for f in fixes if a <= f.start and f.end <= b):
            out.append(escape(text[pos:f.start]))
            out.append(f'<del title="{title(f)}">{escape(text[f.start:f.end])}</del>'
                       f'<ins title="{title(f)}">{escape(f.suggestion)}</ins>')
            pos = f.end
        return "".join(out) + escape(text[pos:b])

    highlights = []  # reported spans, widened to whole corrections; the first of overlaps
    for f in (f for f in located if not f.applied):
        start = min([f.start] + [x.start for x in fixes if x.start < f.start < x.end])
        end = max([f.end] + [x.end for x in fixes if x.start < f.end < x.end])
        if not highlights or start >= highlights[-1][1]:
            highlights.append((start, end, f))
    out, pos = [], 0
    for start, end, f in highlights:
        out.append(corrected(pos, start))
        out.append(f'<mark title="{title(f)}">{corrected(start, end)}</mark>')
        pos = end
    out.append(corrected(pos, len(text)))
    out.extend(f' <mark lang="en" title="{escape(f.evidence, quote=True)}">'
               f"[{escape(f.kind)}]</mark>" for f in mine
               if f.kind in ("lost_text", "unbalanced_quote"))
    return "".join(out)


def reading_view(result, article_id: str) -> HTML:
    """An article's clean text with the audit's findings marked (:func:`marked_text`).

    Applied corrections show the original struck through and the correction after it;
    findings only reported are highlighted, with their evidence as a tooltip. Every
    piece of page text is HTML-escaped.
    """
    article = result.page.article(article_id)
    if not article.paragraphs:
        return note(f"The article {article.title} has no paragraphs on this page, only "
                    "its header.")
    rows, plain = [], []
    for number, para in enumerate(article.paragraphs, start=1):
        lines = ",".join(map(str, para.lines))
        rows.append(f"<p><b>{number}</b> <small>[{lines}]</small> "
                    f"{marked_text(result, article_id, number)}</p>")
        plain.append(f"{number} {result.corrected(article_id, number)}")
    return HTML(MARK_STYLE + f'<div class="zhp-read" lang="{ZH}">' + "".join(rows) + "</div>",
                "\n".join(plain))


def line_runs(lines: Iterable[int], step: int = 2) -> str:
    """Raw line numbers as runs, in the order given: ``9, 11, …, 21`` → ``"9–21"``,
    ``41, 23, 25, …, 39, 61`` → ``"41, 23–39, 61"``. A run goes on while each line
    follows the one before by at most ``step`` lines (the printed lines of a column are
    every other raw line when the tool puts a blank line between them)."""
    numbers = [int(n) for n in lines]
    parts: list[str] = []
    for k, n in enumerate(numbers):
        if k and 0 < n - numbers[k - 1] <= step:
            parts[-1] = f"{parts[-1].split('–')[0]}–{n}"
        else:
            parts.append(str(n))
    return ", ".join(parts)


#: The look of :func:`reading_blocks`.
BLOCK_STYLE = ("<style>.zhp-block{margin:.2em 0 .9em 0}.zhp-block .zhp-lines{color:#777;"
               "font-size:85%}.zhp-block .zhp-summary{color:#555;font-style:italic}"
               ".zhp-block .zhp-finding{background:#fff3cd;padding:0 .3em;font-size:90%}"
               "</style>")


def _section_numbers(article, section: int | None) -> range:
    """Paragraph numbers (through the whole article) of one section, or of all."""
    if section is None:
        return range(1, len(article.paragraphs) + 1)
    if not 0 <= section < len(article.sections):
        raise ZhpaperError(f"{article.title} has no section {section} (it has "
                           f"{len(article.sections)}, numbered from 0)")
    first = sum(len(s.paragraphs) for s in article.sections[:section]) + 1
    return range(first, first + len(article.sections[section].paragraphs))


def reading_blocks(page, article, notes_folder=None, audit=None, *,
                   section: int | None = None) -> HTML:
    """An article (or one of its sections, numbered from 0) for close reading, one block
    per paragraph: its number and raw lines (:func:`line_runs`), the text — with
    ``audit``, the corrected text with its findings marked as everywhere in the book
    (:func:`marked_text`) — the English summary from the reader's notes in
    ``notes_folder`` (:mod:`zhpaper.notes`), if any, and the audit's findings. Paragraph
    numbers run through the whole article. Every piece of page text is escaped; the
    plain-text form gives the same blocks without markup."""
    from .notes import reading_frame

    frame = reading_frame(page, article, notes_folder, audit)
    frame = frame[frame["paragraph"].isin(_section_numbers(article, section))]
    if frame.empty:
        return note(f"The article {article.title} has no paragraphs here to read.")
    blocks, plain = [], []
    for r in frame.itertuples():
        lines = line_runs(r.lines.split(","))
        text = escape(r.text) if audit is None else marked_text(audit, article.id, r.paragraph)
        found = "; ".join(_zh_span(escape(f), f) for f in r.findings.split("; ") if f)
        blocks.append(
            f'<div class="zhp-block"><b>¶{r.paragraph}</b> <span class="zhp-lines">raw '
            f'lines {lines}</span><div lang="{ZH}">{text}</div>'
            + (f'<div class="zhp-summary" lang="en">{escape(r.summary)}</div>'
               if r.summary else "")
            + (f'<div class="zhp-finding">⚠ {found}</div>' if found else "") + "</div>")
        plain.append(f"¶{r.paragraph} (raw lines {lines}) {r.text}"
                     + (f"\n  {r.summary}" if r.summary else "")
                     + (f"\n  ⚠ {r.findings}" if r.findings else ""))
    return HTML(MARK_STYLE + BLOCK_STYLE + '<div class="zhp-read">' + "".join(blocks)
                + "</div>", "\n".join(plain))


def articles_view(page, notes_folder=None, audit=None, *, open_: tuple[str, ...] = (),
                  only: tuple[str, ...] | None = None) -> HTML:
    """Every article of ``page`` (or those whose id is in ``only``) as a collapsible
    block: title, then each paragraph with its number, raw lines, clean text and, where
    reader's notes exist for this page (:mod:`zhpaper.notes`), its English summary.
    With ``audit``, the text is the corrected text, its findings marked as everywhere in
    the book (:func:`marked_text`). Articles whose id is in ``open_`` start unfolded.
    All text is escaped."""
    from .notes import reading_frame

    def text(a, r) -> str:
        return escape(r.text) if audit is None else marked_text(audit, a.id, r.paragraph)

    if not page.articles:
        return note("The library found no article on this page, so there is nothing "
                    "to read here.")
    blocks, plain = [], []
    for a in (a for a in page.articles if only is None or a.id in only):
        frame = reading_frame(page, a, notes_folder, audit)
        summarised = int((frame["summary"] != "").sum())
        head = (f"{_zh_span(escape(a.title), a.title)} <small>({len(frame)} paragraphs"
                f"{', English summaries' if summarised else ''})</small>")
        rows = "".join(
            f'<tr><td><b>{r.paragraph}</b><br><small>{escape(r.lines)}</small></td>'
            f'<td lang="{ZH}">{text(a, r)}</td><td lang="en">{escape(r.summary)}</td></tr>'
            for r in frame.itertuples())
        body = (f"<table class='zhp-art zhp-read'><tr><th>¶ / lines</th><th>text</th>"
                f"<th>summary</th></tr>{rows}</table>" if rows else
                "<p>No paragraphs: the page printed only this article's header.</p>")
        state = " open" if a.id in open_ else ""
        blocks.append(f"<details{state}><summary>{head}</summary>{body}</details>")
        plain.append(f"{a.title}: {len(frame)} paragraphs, {summarised} summarised")
    style = ("<style>.zhp-art td{vertical-align:top;text-align:left;padding:4px}"
             ".zhp-art td:nth-child(2){width:55%}</style>")
    return HTML(style + MARK_STYLE + "".join(blocks), "\n".join(plain))
