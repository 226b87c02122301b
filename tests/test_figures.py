"""The book's figures read well at the book's width (issue 20, §5): bilingual labels, the
words of the table they accompany, a scale on every panel, arcs that can be seen."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import SEED  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

import zhpaper  # noqa: E402
from zhpaper import keywords, plotting, viz  # noqa: E402

#: The book's text column is about 800 px wide; figures are drawn at 100 dpi.
BOOK_INCHES = 8.0
HAN = r"[\u4e00-\u9fff]"
LABEL = {f"a{k}": f"a{k} 文章{k}" for k in range(1, 6)}


@pytest.fixture(autouse=True)
def cjk():
    zhpaper.use_cjk_font()
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def seed_page():
    return zhpaper.read_page(SEED)


def fightin(sizes: dict[str, int]) -> pd.DataFrame:
    """A Fightin' Words frame with ``sizes[article]`` distinct words per article."""
    rows = [(a, r, f"{a}词{r}", 5, 1, 3.0 - 0.2 * r) for a, n in sizes.items()
            for r in range(1, n + 1)]
    return pd.DataFrame(rows, columns=["article", "rank", "word", "count_a", "count_b", "z"])


def visible_axes(fig):
    return [ax for ax in fig.axes if ax.axison]


def texts(fig) -> list[str]:
    """Every label of ``fig``: titles, axis labels, tick labels and legend entries."""
    fig.canvas.draw()
    out = [t.get_text() for t in fig.texts]
    for ax in visible_axes(fig):
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        legend = ax.get_legend()
        if legend is not None:
            out += [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    return [t for t in out if t]


def test_fightin_figure_shows_the_words_of_its_table_with_a_scale_on_every_panel():
    sizes = {"a1": 8, "a2": 8, "a3": 3, "a4": 8, "a5": 8}
    fw = fightin(sizes)
    fig = viz.distinctive_words(fw, LABEL, "unused").figure
    fig.canvas.draw()
    panels = visible_axes(fig)
    assert len(panels) == len(sizes)
    table = keywords.side_by_side(fw)
    for ax, (article, n) in zip(panels, sizes.items(), strict=True):
        shown = [t.get_text() for t in ax.get_yticklabels()][::-1]
        assert shown == [w.split(" (")[0] for w in table[article].dropna()][:n]
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_visible()]
        assert any(ticks), f"panel {article} has no x-axis values"
    assert len(viz.distinctive_words(fw, LABEL, "unused", top=2).figure.axes[0].patches) == 2


def test_entity_legend_and_formula_axes_are_bilingual():
    mentions = pd.DataFrame({"article": ["a1", "a1", "a2"], "type": ["person", "org", "place"],
                             "text": ["张三", "市委", "呼和浩特"]})
    legend = viz.entity_mentions(mentions, LABEL).figure.axes[0].get_legend()
    entries = [t.get_text() for t in legend.get_texts()]
    assert entries == [viz.ENTITY_LABELS[k] for k in ("person", "place", "org")]
    assert all(" · " in e for e in entries)
    grid = viz.formula_grid(keywords.formulae_by_article({"a1": "推动高质量发展"}), LABEL)
    ax = grid.figure.axes[0]
    assert " · " in ax.get_xlabel() and " · " in ax.get_ylabel()


def test_bilingual_stacked():
    assert plotting.bilingual("Characters", "字数") == "Characters · 字数"
    assert plotting.bilingual("Characters", "字数", stacked=True) == "Characters\n字数"


def test_page_map_arcs_rise_far_enough_to_be_seen(seed_page):
    ax = viz.page_map(seed_page)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    row = abs(ax.transData.transform([(0, 1)])[0][1] - ax.transData.transform([(0, 0)])[0][1])
    arcs = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert arcs, "the seed page has joins across distant lines"
    low, high = viz.ARC_RISE
    for arc in arcs:
        rise = arc.get_window_extent(renderer).height
        assert 0.8 * low * row <= rise <= (high + 1) * row, (rise, row)  # arrowhead aside
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 3 and all(" · " in t for t in legend)


def test_page_map_of_one_article_zooms_and_keeps_its_arcs(seed_page):
    moved = next(a for a in seed_page.articles if any(
        abs(b.line - s.line) > 2 for p in a.paragraphs
        for s, b in zip(p.source, p.source[1:], strict=False)))
    ax = viz.page_map(seed_page, articles=[moved.id])
    low, high = ax.get_xlim()
    used = [s.line for p in moved.paragraphs for s in p.source]
    assert low <= min(used) and max(used) <= high and high - low < len(seed_page.lines)
    assert any(isinstance(p, FancyArrowPatch) for p in ax.patches)


def test_figures_fit_the_book_and_label_in_both_languages(seed_page):
    """Every figure of the comparison chapters is at most the book's width, its text at
    least 8 points, and its axis labels and legends carry Chinese beside English."""
    import re

    shape = pd.DataFrame({"article": ["a1", "a2"], "characters": [500, 300],
                          "per 1,000 chars": [4.0, 1.0]})
    mentions = pd.DataFrame({"article": ["a1", "a2"], "type": ["person", "place"],
                             "text": ["张三", "呼和浩特"]})
    figures = {
        "page map": viz.page_map_chart(seed_page).figure,
        "shape": viz.article_shape(shape, LABEL).figure,
        "fightin": viz.distinctive_words(fightin({"a1": 8, "a2": 8, "a3": 8, "a4": 8}),
                                         LABEL, "").figure,
        "formulae": viz.formula_grid(keywords.formulae_by_article(
            {"a1": "推动高质量发展", "a2": "学习贯彻"}), LABEL).figure,
        "entities": viz.entity_mentions(mentions, LABEL).figure,
    }
    for name, fig in figures.items():
        assert fig.get_size_inches()[0] <= BOOK_INCHES, name
        labels = texts(fig)
        sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text)
                 if t.get_text() and t.get_visible()]
        assert min(sizes) >= 8, (name, min(sizes))
        axis_labels = [t for t in labels if " · " in t or "\n" in t]
        assert axis_labels and all(re.search(HAN, t) for t in axis_labels), (name, labels)
