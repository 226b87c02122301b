"""Tables for notebooks: page text is always HTML-escaped.

Page text comes from files users did not write: a ``<script>`` in a newspaper page must
be shown, not run. pandas escapes plain DataFrame HTML, but a ``Styler`` does not unless
asked; :func:`table` always asks.
"""

from __future__ import annotations

import hashlib


class Table:
    """A table that shows as escaped HTML in notebooks and as text elsewhere.

    Unlike a bare pandas ``Styler``, its output is the same on every run: the table's
    HTML id is derived from its content, and its plain-text form is the table itself.
    """

    def __init__(self, frame, *, index: bool = False, wrap: tuple[str, ...] = ("text",),
                 precision: int = 2):
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
        self.styler = styler

    def _repr_html_(self) -> str:
        return self.styler.to_html()

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def table(frame, *, index: bool = False, wrap: tuple[str, ...] = ("text",),
          precision: int = 2, empty: str | None = None) -> Table | HTML:
    """``frame`` for display: every cell HTML-escaped, long text left-aligned, floats
    with ``precision`` decimals. With ``empty``, a frame without rows is shown as that
    sentence (:func:`note`) instead of a table of headers: say why the page has none."""
    if empty is not None and frame.empty:
        return note(empty)
    return Table(frame, index=index, wrap=wrap, precision=precision)


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
    from html import escape

    return HTML(f'<p class="zhp-note">{escape(sentence)}</p>', sentence)


def reading_view(result, article_id: str) -> HTML:
    """An article's clean text with the audit's findings marked.

    Applied corrections show the original struck through and the correction after it;
    findings only reported are highlighted, with their evidence as a tooltip. Every
    piece of page text is HTML-escaped.
    """
    from html import escape

    article = result.page.article(article_id)
    if not article.paragraphs:
        return note(f"The article {article.title} has no paragraphs on this page, only "
                    "its header.")
    rows, plain = [], []
    for number, para in enumerate(article.paragraphs, start=1):
        text = para.text
        marks = sorted((f for f in result.findings if f.article == article_id
                        and f.paragraph == number and f.start is not None),
                       key=lambda f: (f.start, -f.end))
        out, pos = [], 0
        for f in marks:
            if f.start < pos:
                continue  # overlapping findings: the first one is shown
            out.append(escape(text[pos:f.start]))
            title = escape(f"{f.rule} ({f.confidence:.2f}): {f.evidence}", quote=True)
            span = escape(text[f.start:f.end])
            if f.applied:
                out.append(f'<del title="{title}">{span}</del>'
                           f'<ins title="{title}">{escape(f.suggestion)}</ins>')
            else:
                out.append(f'<mark title="{title}">{span}</mark>')
            pos = f.end
        out.append(escape(text[pos:]))
        lost = [f for f in result.findings if f.article == article_id
                and f.paragraph == number and f.kind in ("lost_text", "unbalanced_quote")]
        tail = "".join(f' <mark title="{escape(f.evidence, quote=True)}">[{escape(f.kind)}]'
                       "</mark>" for f in lost)
        lines = ",".join(map(str, para.lines))
        rows.append(f'<p><b>{number}</b> <small>[{lines}]</small> {"".join(out)}{tail}</p>')
        plain.append(f"{number} {text}")
    style = ("<style>.zhp-read del{color:#a00}.zhp-read ins{color:#070;text-decoration:none;"
             "font-weight:bold}.zhp-read mark{background:#fde68a}</style>")
    return HTML(style + '<div class="zhp-read">' + "".join(rows) + "</div>", "\n".join(plain))


def articles_view(page, notes_folder=None, audit=None, *, open_: tuple[str, ...] = ()) -> HTML:
    """Every article of ``page`` as a collapsible block: title, then each paragraph
    with its number, raw lines, clean text (with the audit's applied corrections) and,
    where reader's notes exist for this page (:mod:`zhpaper.notes`), its English
    summary. Articles whose id is in ``open_`` start unfolded. All text is escaped."""
    from html import escape

    from .notes import reading_frame

    if not page.articles:
        return note("The library found no article on this page, so there is nothing "
                    "to read here.")
    blocks, plain = [], []
    for a in page.articles:
        frame = reading_frame(page, a, notes_folder, audit)
        summarised = int((frame["summary"] != "").sum())
        head = (f"{escape(a.title)} <small>({len(frame)} paragraphs"
                f"{', English summaries' if summarised else ''})</small>")
        rows = "".join(
            f'<tr><td><b>{r.paragraph}</b><br><small>{escape(r.lines)}</small></td>'
            f'<td lang="zh">{escape(r.text)}</td><td lang="en">{escape(r.summary)}</td></tr>'
            for r in frame.itertuples())
        body = (f"<table class='zhp-art'><tr><th>¶ / lines</th><th>text</th>"
                f"<th>summary</th></tr>{rows}</table>" if rows else
                "<p>No paragraphs: the page printed only this article's header.</p>")
        state = " open" if a.id in open_ else ""
        blocks.append(f"<details{state}><summary>{head}</summary>{body}</details>")
        plain.append(f"{a.title}: {len(frame)} paragraphs, {summarised} summarised")
    style = ("<style>.zhp-art td{vertical-align:top;text-align:left;padding:4px}"
             ".zhp-art td:nth-child(2){width:55%}</style>")
    return HTML(style + "".join(blocks), "\n".join(plain))
