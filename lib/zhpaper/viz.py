"""Figures of the page. Each function draws on a matplotlib Axes and returns it."""

from __future__ import annotations

from .page import Page
from .plotting import bilingual, safe_text

#: Colour-blind-safe palette (Okabe & Ito 2008), one colour per article.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]


def page_map(page: Page, ax=None, label_chars: int = 12, articles: list[str] | None = None):
    """Where each article's text sits in the raw Markdown, and how it was joined.

    x: raw line number. y: one row per article, paragraphs in reading order from top
    to bottom inside the row. A line connects the fragments joined into one paragraph,
    so long diagonal strokes are the text that moved.
    """
    import matplotlib.pyplot as plt

    shown = [a for a in page.articles if articles is None or a.id in articles]
    if ax is None:
        _, ax = plt.subplots(figsize=(11, max(3.2, 0.9 + 1.0 * len(shown))))
    yticks, ylabels = [], []
    for k, article in enumerate(shown):
        colour = PALETTE[k % len(PALETTE)]
        paragraphs = article.paragraphs
        n = max(1, len(paragraphs))
        base = len(shown) - 1 - k
        for e in article.header_elements():
            ax.plot([e.source[0].line], [base + 0.45], marker="s", ms=5, color=colour,
                    mec="black", mew=0.5, ls="none")
        for j, p in enumerate(paragraphs):
            y = base + 0.35 - 0.7 * j / max(1, n - 1) if n > 1 else base
            lines = list(p.lines)
            ax.plot(lines, [y] * len(lines), "-", color=colour, lw=1.2, alpha=0.8)
            ax.plot(lines, [y] * len(lines), "o", color=colour, ms=3.5)
        yticks.append(base)
        title = article.title
        short = title if len(title) <= label_chars else title[:label_chars] + "…"
        ylabels.append(safe_text(f"{article.id} {short}"))
    if articles is None:
        for u in page.unassigned:
            ax.plot([u.source[0].line], [-0.7], marker="x", color="grey", ls="none")
    ax.set_yticks(yticks, ylabels)
    ax.set_xlabel(bilingual("Raw line in the Markdown file", "原始行号"))
    ax.set_ylim(-1, len(shown))
    ax.set_xlim(0, len(page.lines) + 1)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(bilingual("Page map: where each article's paragraphs sit", "版面图"))
    return ax
