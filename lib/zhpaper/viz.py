"""Figures of the page.

:func:`page_map` draws on a matplotlib Axes and returns it. The comparison figures
(:func:`bars`, :func:`article_shape`, :func:`distinctive_words`, :func:`formula_grid`,
:func:`entity_mentions`, :func:`page_map_chart`) return a :class:`Chart`: the figure,
or, where the page does not allow it (no article; one article and nothing to compare
it with; nothing found), no figure and the sentence that says why. :func:`show` shows
either, so a notebook never draws an empty figure on someone else's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


# --- Figures that a page may not allow --------------------------------------------------


@dataclass(frozen=True)
class Chart:
    """A figure (``figure``, a matplotlib Figure) or ``None`` with the reason in
    ``note``; a figure may carry a note too, saying what it leaves out."""

    figure: Any = None
    note: str = ""


def show(chart: Chart) -> None:
    """Print the chart's note, if any, and show its figure, if any."""
    import matplotlib.pyplot as plt

    if chart.note:
        print(chart.note)
    if chart.figure is not None:
        plt.show()


def _nonzero(values) -> bool:
    return bool((values.fillna(0) != 0).any())


def page_map_chart(page: Page) -> Chart:
    """:func:`page_map` of the whole page, unless the page holds no text at all (only
    figures or tables)."""
    if not page.articles and not page.unassigned:
        return Chart(None, "This page holds no text, only figures or tables, so there "
                           "is nothing to map.")
    return Chart(page_map(page).figure)


def bars(frame, label: str, value: str, *, xlabel: str, ylabel: str, nothing: str,
         color: str = PALETTE[0]) -> Chart:
    """Horizontal bars of ``frame[value]`` labelled by ``frame[label]``, top row first;
    no figure, and the sentence ``nothing``, when no row has a value other than 0."""
    import matplotlib.pyplot as plt

    if frame.empty or not _nonzero(frame[value]):
        return Chart(None, nothing)
    fig, ax = plt.subplots(figsize=(6.4, min(9.0, 1.4 + 0.42 * len(frame))))
    ax.barh([safe_text(str(v)) for v in frame[label]], frame[value].fillna(0), color=color)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.tight_layout()
    return Chart(fig)


def article_shape(shape, label: dict[str, str]) -> Chart:
    """Characters per article beside quantities per 1,000 characters (``shape`` has
    ``article``, ``characters`` and ``per 1,000 chars``). Needs two articles with text;
    the density panel is left out, with a note, when no article states a quantity."""
    import matplotlib.pyplot as plt

    if len(shape) < 2 or not _nonzero(shape["characters"]):
        return Chart(None, "This page has fewer than two articles with text, so there is "
                           "no comparison to draw; the table above gives the measures.")
    dense = _nonzero(shape["per 1,000 chars"])
    names = [label.get(a, safe_text(a)) for a in shape["article"]]
    panels = [("characters", bilingual("Characters", "字数"), PALETTE[0])]
    if dense:
        panels.append(("per 1,000 chars", bilingual("Quantities per 1,000 characters",
                                                    "每千字数字个数"), PALETTE[1]))
    height = min(9.0, 1.4 + 0.42 * len(shape))
    fig, axes = plt.subplots(1, len(panels), figsize=(5.0 * len(panels), height),
                             sharey=True, squeeze=False)
    for ax, (column, xlabel, colour) in zip(axes[0], panels, strict=True):
        ax.barh(names, shape[column], color=colour)
        ax.set_xlabel(xlabel)
    axes[0][0].invert_yaxis()
    axes[0][0].set_ylabel(bilingual("Article", "文章"))
    fig.tight_layout()
    return Chart(fig, "" if dense else "No article on this page states a quantity, so "
                                       "only the lengths are drawn.")


def distinctive_words(fw, label: dict[str, str], reason: str, top: int = 6) -> Chart:
    """Small multiples, one per article, of its ``top`` Fightin' Words z-scores (``fw``
    as from :func:`zhpaper.keywords.fightin_words_by_article`); no figure, and the
    sentence ``reason``, when no article has a distinctive word."""
    import matplotlib.pyplot as plt

    ids = list(fw["article"].drop_duplicates())
    if not ids:
        return Chart(None, reason)
    ncols = min(3, len(ids))
    nrows = -(-len(ids) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.0 * ncols, 2.9 * nrows),
                             sharex=True, squeeze=False)
    for ax, aid in zip(axes.flat, ids, strict=False):
        best = fw[fw["article"] == aid].head(top).iloc[::-1]
        ax.barh([safe_text(w) for w in best["word"]], best["z"], color=PALETTE[2])
        ax.set_title(label.get(aid, safe_text(aid)), fontsize=10)
        ax.tick_params(labelsize=10)
    for ax in list(axes.flat)[len(ids):]:
        ax.axis("off")
    for ax in axes[-1]:
        ax.set_xlabel(bilingual("z-score", "z 值"))
    fig.tight_layout()
    return Chart(fig)


def formula_grid(formulae, label: dict[str, str]) -> Chart:
    """Formulae (rows) against articles (columns), filled where used, with the count
    (``formulae`` as from :func:`zhpaper.keywords.formulae_by_article`); no figure when
    no formula occurs."""
    import matplotlib.pyplot as plt

    grid = formulae.drop(columns="articles")
    if grid.empty:
        return Chart(None, "No formula from the library's list occurs on this page, so "
                           "there is no grid to draw.")
    fig, ax = plt.subplots(figsize=(1.5 * grid.shape[1] + 3, 0.42 * len(grid) + 1.6))
    ax.imshow(grid.to_numpy() > 0, cmap="Greens", aspect="auto", vmin=0, vmax=1.4)
    for r, row in enumerate(grid.to_numpy()):
        for c, v in enumerate(row):
            if v:
                ax.text(c, r, str(v), ha="center", va="center", fontsize=10)
    names = [label.get(a, safe_text(a)) for a in grid.columns]
    ax.set_xticks(range(grid.shape[1]), names, rotation=25, ha="right", fontsize=9)
    ax.set_yticks(range(len(grid)), [safe_text(f) for f in grid.index], fontsize=10)
    ax.set_xlabel(bilingual("Article", "文章"))
    fig.tight_layout()
    return Chart(fig)


ENTITY_COLOURS = {"person": PALETTE[3], "place": PALETTE[4], "org": PALETTE[1]}


def entity_mentions(mentions, label: dict[str, str]) -> Chart:
    """Stacked bars of person, place and organisation mentions per article
    (``mentions`` as from :func:`zhpaper.entities.entities_frame`); no figure when the
    page names none."""
    import matplotlib.pyplot as plt

    if mentions.empty:
        return Chart(None, "The library found no person, place or organisation on this "
                           "page, so there is nothing to count.")
    counts = mentions.groupby(["article", "type"], sort=False).size().unstack(fill_value=0)
    order = [a for a in label if a in counts.index] + [a for a in counts.index
                                                        if a not in label]
    counts = counts.reindex(index=order, columns=list(ENTITY_COLOURS), fill_value=0)
    fig, ax = plt.subplots(figsize=(7, min(9.0, 1.6 + 0.45 * len(counts))))
    left = [0] * len(counts)
    names = [label.get(a, safe_text(a)) for a in counts.index]
    for kind, colour in ENTITY_COLOURS.items():
        ax.barh(names, counts[kind], left=left, color=colour, label=kind)
        left = [a + b for a, b in zip(left, counts[kind], strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel(bilingual("Mentions", "提及次数"))
    ax.set_ylabel(bilingual("Article", "文章"))
    ax.legend(title=bilingual("Type", "类型"), fontsize=8)
    fig.tight_layout()
    return Chart(fig)
