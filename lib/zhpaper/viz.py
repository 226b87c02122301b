"""Figures of the page: every figure the library draws is here.

:func:`page_map` and :func:`transition_graph` draw on a matplotlib Axes and return it.
The comparison figures (:func:`bars`, :func:`article_shape`, :func:`distinctive_words`,
:func:`formula_grid`, :func:`entity_mentions`, :func:`page_map_chart`) return a
:class:`Chart`: the figure, or, where the page does not allow it (no article; one
article and nothing to compare it with; nothing found), no figure and the sentence that
says why. :func:`show` shows either, so a notebook never draws an empty figure on
someone else's page.

Fonts and bilingual labels are :mod:`zhpaper.plotting`'s (figure set-up, used here and
by notebooks that draw their own); tables and reading blocks are :mod:`zhpaper.display`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .page import Page
from .plotting import bilingual, safe_text

#: Colour-blind-safe palette (Okabe & Ito 2008), one colour per article.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]


#: Height of one paragraph row of :func:`page_map`, in inches.
ROW_INCHES = 0.12
#: Bounds on how far an arc of :func:`page_map` rises above (or falls below) its row,
#: in rows: a short jump still shows its arc, a long one stays inside its article's band.
ARC_RISE = (1.5, 2.8)


def page_map(page: Page, ax=None, label_chars: int = 10, articles: list[str] | None = None):
    """Where each article's text sits in the raw Markdown, and how it was put back.

    x: raw line number in the file. y: reading order after reconstruction, one row per
    paragraph, articles from top to bottom in shaded bands. Dots are the raw lines a
    paragraph was rebuilt from; a line joins consecutive pieces of one paragraph, and a
    join between pieces printed far apart is drawn as an arc (above the row when it goes
    forward in the file, below when it goes back), so what moved stands out. Squares
    mark header elements (kicker, headline, byline, marker…). ``articles`` draws only
    those articles, zoomed to the lines they use. A legend below says what each mark is.
    """
    import matplotlib.pyplot as plt

    shown = [a for a in page.articles if articles is None or a.id in articles]
    rows = sum(max(1, len(a.paragraphs)) + 1.5 for a in shown)
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, min(14, max(3.4, 1.9 + ROW_INCHES * rows))))
    y, arcs = 0.0, []
    for k, article in enumerate(shown):
        colour = PALETTE[page.articles.index(article) % len(PALETTE)]
        top = y
        y = _draw_article(ax, article, y, colour, arcs)
        if k % 2 == 0:
            ax.axhspan(top - 0.5, y - 0.5, color="0.94", zorder=0)
        title = article.title
        short = title if len(title) <= label_chars else title[:label_chars] + "…"
        ax.text(-0.01, (top + y - 1) / 2, safe_text(f"{article.id} {short}"), color=colour,
                transform=ax.get_yaxis_transform(), ha="right", va="center", fontsize=9)
        y += 0.5
    unassigned = articles is None and bool(page.unassigned)
    if unassigned:
        ax.plot([u.source[0].line for u in page.unassigned], [y] * len(page.unassigned),
                marker="x", color="grey", ls="none")
        y += 1
    _frame_page_map(ax, page, shown, y, zoom=articles is not None)
    _draw_arcs(ax, arcs)
    _page_map_legend(ax, unassigned)
    return ax


def _draw_article(ax, article, y: float, colour: str, arcs: list) -> float:
    """Draw one article of :func:`page_map` from row ``y``: its header squares, section
    headings and paragraphs (far joins go to ``arcs``, drawn once the axes are framed).
    Returns the row after it."""
    square = dict(color=colour, mec="black", mew=0.5, ls="none", zorder=3)
    for e in article.header_elements():
        ax.plot([e.source[0].line], [y], marker="s", ms=5, **square)
    y += 1
    drawn: set[int] = set()
    for sec in article.sections:
        for p in sec.paragraphs:
            if sec.source and id(sec) not in drawn:  # section and sidebar headings
                drawn.add(id(sec))
                ax.plot([s.line for s in sec.source], [y - 0.4] * len(sec.source),
                        marker="s", ms=4, **square)
            lines = [s.line for s in p.source]
            lines = [ln for i, ln in enumerate(lines) if i == 0 or ln != lines[i - 1]]
            ax.plot(lines, [y] * len(lines), "o", color=colour, ms=3.4, zorder=3)
            for a, b in zip(lines, lines[1:], strict=False):
                if abs(b - a) <= 2:
                    ax.plot([a, b], [y, y], "-", color=colour, lw=1.3, zorder=2)
                else:
                    arcs.append((a, b, y, colour))
            y += 1
    return y


def _draw_arcs(ax, arcs: list) -> None:
    """Arcs from line ``a`` to line ``b`` on row ``y``, rising between :data:`ARC_RISE`
    rows (the axes must be framed: the curvature is set in display units)."""
    from matplotlib.patches import FancyArrowPatch

    low, high = ARC_RISE
    for a, b, y, colour in arcs:
        (x0, y0), (x1, _) = ax.transData.transform([(a, y), (b, y)])
        row = abs(ax.transData.transform([(a, y + 1)])[0][1] - y0)
        chord = max(abs(x1 - x0), 1.0)
        rise = min(max(0.175 * chord, low * row), high * row)  # arc3 rises rad·chord/2
        ax.add_patch(FancyArrowPatch(
            (a, y), (b, y), connectionstyle=f"arc3,rad={-min(2 * rise / chord, 1.0):.3f}",
            arrowstyle="-|>", mutation_scale=11, shrinkA=2, shrinkB=3, color=colour,
            lw=1.4, zorder=4))


def _frame_page_map(ax, page: Page, shown, y: float, zoom: bool) -> None:
    """Limits, axis label and title of :func:`page_map`."""
    ax.set_ylim(y - 0.5, -1.5)
    if not zoom:
        ax.set_xlim(0, len(page.lines) + 3)
    else:  # chosen articles: zoom to the lines they use
        used = [s.line for a in shown for e in a.header_elements() for s in e.source] + [
            s.line for a in shown for p in a.paragraphs for s in p.source]
        ax.set_xlim(max(0, min(used, default=0) - 3), max(used, default=0) + 3)
    ax.set_yticks([])
    ax.set_xlabel(bilingual("Raw line in the Markdown file", "原始行号"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(bilingual("Page map: paragraphs in reading order against their raw lines",
                           "版面图：按阅读顺序的段落与其原始行号"), fontsize=10)


def _page_map_legend(ax, unassigned: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.transforms import offset_copy

    grey = "0.35"
    handles = [
        Line2D([], [], marker="s", ms=5, color=grey, mec="black", mew=0.5, ls="none",
               label=bilingual("header line (headline, byline…)", "标题、署名等")),
        Line2D([], [], marker="o", ms=3.4, color=grey, lw=1.3,
               label=bilingual("paragraph: its raw lines", "段落及其原始行")),
        Line2D([], [], color=grey, lw=1.4, marker=">", ms=5, markevery=[1],
               label=bilingual("join to a line far away", "远距离拼接")),
    ]
    if unassigned:
        handles.append(Line2D([], [], marker="x", color="grey", ls="none",
                              label=bilingual("unassigned text", "未归属文字")))
    below = offset_copy(ax.transAxes, ax.figure, y=-34, units="points")  # under the x label
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), ncol=2,
              bbox_transform=below, fontsize=8.5, frameon=False)


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
    panels = [("characters", bilingual("Characters", "字数", stacked=dense), PALETTE[0])]
    if dense:
        panels.append(("per 1,000 chars", bilingual("Quantities per 1,000 characters",
                                                    "每千字数字个数", stacked=True),
                       PALETTE[1]))
    height = min(9.0, 1.4 + 0.42 * len(shape))
    fig, axes = plt.subplots(1, len(panels), figsize=(3.3 * len(panels) + 0.6, height),
                             sharey=True, squeeze=False)
    for ax, (column, xlabel, colour) in zip(axes[0], panels, strict=True):
        ax.barh(names, shape[column], color=colour)
        ax.set_xlabel(xlabel)
    axes[0][0].invert_yaxis()
    axes[0][0].set_ylabel(bilingual("Article", "文章"))
    fig.tight_layout()
    return Chart(fig, "" if dense else "No article on this page states a quantity, so "
                                       "only the lengths are drawn.")


def distinctive_words(fw, label: dict[str, str], reason: str, top: int | None = None
                      ) -> Chart:
    """Small multiples, one per article, of its Fightin' Words z-scores (``fw`` as from
    :func:`zhpaper.keywords.fightin_words_by_article`): every word ``fw`` holds, so that
    the figure shows the words of the table made from the same frame, or its ``top``
    words. All panels share one z-score scale, and each shows it. No figure, and the
    sentence ``reason``, when no article has a distinctive word."""
    import matplotlib.pyplot as plt

    ids = list(fw["article"].drop_duplicates())
    if not ids:
        return Chart(None, reason)
    ncols = min(3, len(ids))
    nrows = -(-len(ids) // ncols)
    most = int(fw.groupby("article").size().max()) if top is None else top
    size = (2.55 * ncols + 0.2, (0.6 + 0.26 * most) * nrows + 0.5)
    fig, axes = plt.subplots(nrows, ncols, figsize=size, sharex=True, squeeze=False)
    for ax, aid in zip(axes.flat, ids, strict=False):
        best = fw[fw["article"] == aid]
        best = (best if top is None else best.head(top)).iloc[::-1]
        ax.barh([safe_text(w) for w in best["word"]], best["z"], color=PALETTE[2])
        ax.set_title(label.get(aid, safe_text(aid)), fontsize=10)
        ax.tick_params(labelsize=9.5, labelbottom=True)  # shared scale, shown on every panel
    for ax in list(axes.flat)[len(ids):]:
        ax.axis("off")
    fig.supxlabel(bilingual("Fightin' Words z-score", "Fightin' Words z 值"), fontsize=10)
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
    fig, ax = plt.subplots(figsize=(min(7.2, 1.05 * grid.shape[1] + 2.6),
                                    0.38 * len(grid) + 1.6))
    ax.imshow(grid.to_numpy() > 0, cmap="Greens", aspect="auto", vmin=0, vmax=1.4)
    for r, row in enumerate(grid.to_numpy()):
        for c, v in enumerate(row):
            if v:
                ax.text(c, r, str(v), ha="center", va="center", fontsize=10)
    names = [label.get(a, safe_text(a)) for a in grid.columns]
    ax.set_xticks(range(grid.shape[1]), names, rotation=25, ha="right", fontsize=9)
    ax.set_yticks(range(len(grid)), [safe_text(f) for f in grid.index], fontsize=10)
    ax.set_xlabel(bilingual("Article", "文章"))
    ax.set_ylabel(bilingual("Political formula", "政治提法"))
    fig.tight_layout()
    return Chart(fig)


ENTITY_COLOURS = {"person": PALETTE[3], "place": PALETTE[4], "org": PALETTE[1]}
#: Legend labels of :func:`entity_mentions`, in both languages.
ENTITY_LABELS = {"person": bilingual("person", "人名"), "place": bilingual("place", "地名"),
                 "org": bilingual("organisation", "机构")}


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
    fig, ax = plt.subplots(figsize=(7.2, min(9.0, 1.6 + 0.45 * len(counts))))
    left = [0] * len(counts)
    names = [label.get(a, safe_text(a)) for a in counts.index]
    for kind, colour in ENTITY_COLOURS.items():
        ax.barh(names, counts[kind], left=left, color=colour, label=ENTITY_LABELS[kind])
        left = [a + b for a, b in zip(left, counts[kind], strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel(bilingual("Mentions", "提及次数"))
    ax.set_ylabel(bilingual("Article", "文章"))
    ax.legend(title=bilingual("Type", "类型"), fontsize=9, title_fontsize=9)
    fig.tight_layout()
    return Chart(fig)


def transition_graph(sources, targets, ax=None, *, source_label: str = "", target_label: str = "",
         verb: str = "", colour: str = "#0072B2"):
    """Draw one transition as a two-layer directed graph: sources on the left, targets on
    the right, an arrow from every source to every target (a transition of
    :func:`zhpaper.chains.transitions`). Returns the Axes."""
    import matplotlib.pyplot as plt

    sources, targets = list(sources), list(targets)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, max(3, 0.55 * max(len(sources), len(targets)) + 1)))
    rows = max(len(sources), len(targets), 1)

    def place(n):
        if n == 1:
            return [(rows - 1) / 2]
        step = (rows - 1) / (n - 1)
        return [rows - 1 - k * step for k in range(n)]

    left, right = place(len(sources)), place(len(targets))
    box = dict(boxstyle="round,pad=0.35", fc="white", ec=colour, lw=1.2)
    for a, ya in zip(sources, left, strict=True):
        for yb in right:
            ax.annotate("", xy=(0.78, yb), xytext=(0.22, ya),
                        arrowprops=dict(arrowstyle="-|>", color=colour, lw=0.6, alpha=0.45,
                                        shrinkA=4, shrinkB=4))
        ax.text(0.2, ya, safe_text(a), ha="right", va="center", fontsize=11, bbox=box)
    for b, yb in zip(targets, right, strict=True):
        ax.text(0.8, yb, safe_text(b), ha="left", va="center", fontsize=11,
                bbox=dict(box, fc="#EAF2F8"))
    top = rows - 0.1
    if source_label:
        ax.text(0.2, top + 0.5, safe_text(source_label), ha="right", va="bottom", fontsize=10,
                color="0.35")
    if target_label:
        ax.text(0.8, top + 0.5, safe_text(target_label), ha="left", va="bottom", fontsize=10,
                color="0.35")
    if verb:
        ax.text(0.5, top + 0.5, safe_text(verb), ha="center", va="bottom", fontsize=12,
                color=colour)
    ax.set_xlim(-0.15, 1.15)
    ax.set_ylim(-0.8, rows + 1.2)
    ax.axis("off")
    return ax
