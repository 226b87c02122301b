"""Figures of the page. Each function draws on a matplotlib Axes and returns it."""

from __future__ import annotations

from .page import Page
from .plotting import bilingual, safe_text

#: Colour-blind-safe palette (Okabe & Ito 2008), one colour per article.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]


def page_map(page: Page, ax=None, label_chars: int = 12, articles: list[str] | None = None):
    """Where each article's text sits in the raw Markdown, and how it was put back.

    x: raw line number in the file. y: reading order after reconstruction, one row per
    paragraph, articles from top to bottom in shaded bands. Dots are the raw lines a
    paragraph was rebuilt from; a line joins consecutive pieces of one paragraph, and a
    join between pieces printed far apart is drawn as an arc, so what moved stands out.
    Squares mark header elements (kicker, headline, byline, marker…).
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch

    shown = [a for a in page.articles if articles is None or a.id in articles]
    rows = sum(max(1, len(a.paragraphs)) + 1 for a in shown)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, min(14, max(3.2, 0.9 + 0.11 * rows))))
    y = 0.0
    for k, article in enumerate(shown):
        colour = PALETTE[page.articles.index(article) % len(PALETTE)]
        top = y
        for e in article.header_elements():
            ax.plot([e.source[0].line], [y], marker="s", ms=5, color=colour, mec="black",
                    mew=0.5, ls="none", zorder=3)
        y += 1
        paragraphs = [(sec, p) for sec in article.sections for p in sec.paragraphs]
        drawn = set()
        for sec, p in paragraphs:
            if sec.source and id(sec) not in drawn:  # section and sidebar headings
                drawn.add(id(sec))
                ax.plot([s.line for s in sec.source], [y - 0.4] * len(sec.source), marker="s",
                        ms=4, color=colour, mec="black", mew=0.5, ls="none", zorder=3)
            lines = [s.line for s in p.source]
            lines = [ln for i, ln in enumerate(lines) if i == 0 or ln != lines[i - 1]]
            ax.plot(lines, [y] * len(lines), "o", color=colour, ms=3.2, zorder=3)
            for a, b in zip(lines, lines[1:], strict=False):
                if abs(b - a) <= 2:
                    ax.plot([a, b], [y, y], "-", color=colour, lw=1.2, zorder=2)
                else:
                    ax.add_patch(FancyArrowPatch(
                        (a, y), (b, y), connectionstyle="arc3,rad=-0.35", arrowstyle="-|>",
                        mutation_scale=8, color=colour, lw=1.1, zorder=2))
            y += 1
        if k % 2 == 0:
            ax.axhspan(top - 0.5, y - 0.5, color="0.94", zorder=0)
        title = article.title
        short = title if len(title) <= label_chars else title[:label_chars] + "…"
        ax.text(-0.01, (top + y - 1) / 2, safe_text(f"{article.id} {short}"), color=colour,
                transform=ax.get_yaxis_transform(), ha="right", va="center", fontsize=9)
        y += 0.5
    if articles is None and page.unassigned:
        for u in page.unassigned:
            ax.plot([u.source[0].line], [y], marker="x", color="grey", ls="none")
        y += 1
    ax.set_ylim(y - 0.5, -1)
    if articles is None:
        ax.set_xlim(0, len(page.lines) + 3)
    else:  # one article: zoom to the lines it uses
        used = [s.line for a in shown for e in a.header_elements() for s in e.source] + [
            s.line for a in shown for p in a.paragraphs for s in p.source]
        ax.set_xlim(max(0, min(used) - 3), max(used) + 3)
    ax.set_yticks([])
    ax.set_xlabel(bilingual("Raw line in the Markdown file", "原始行号"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(bilingual("Page map: paragraphs in reading order (rows) against their raw lines",
                           "版面图：按阅读顺序排列的段落与其原始行号"), fontsize=11)
    return ax
