"""Every command and the whole-page chapters work on any page (issue 19).

Pages: one of every layout style of the reconstruction corpus (People's Daily 1998, test
half, laid out by :func:`zhpaper.evaluation.layout.compose`), a page of plain prose lines with no
headings, a one-article page, two plain lines without a headline (the crash the issue
reports), a page of figures and tables only, and the hostile page of test_own_page.

- Every CLI command on every page gives a result (JSON, or text) with nothing on stderr
  and no warning; bad options give one ``zhpaper: error:`` line and exit 2.
- Notebooks 01, 02 and 20 run on the no-heading and one-article pages, and on each style
  page at least once (styles rotate over the notebooks). They fail on any error,
  traceback, stderr output or warning, on an empty figure (a panel without data, checked
  inside the kernel: conftest.figure_watch), a blank image and an empty table; a page
  that does not allow an analysis must say so in a sentence. On the hostile page the
  three notebooks run in test_own_page.py, under the same checks.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings
from collections import Counter

import nbformat
import pandas as pd
import pytest
from conftest import (
    ROOT,
    blank_image,
    empty_panels,
    empty_table,
    execute_notebook,
    figure_watch,
    page_problems,
)
from test_own_page import HOSTILE

from zhpaper import cli, display, keywords, pd1998, viz
from zhpaper.evaluation import layout

STYLE_SEEDS = {style: k + 1 for k, style in enumerate(layout.STYLES)}
NO_HEADLINE = "今天天气很好，我们去公园散步。\n大家都很高兴，孩子们在草地上玩耍。\n"
FIGURES_ONLY = ('<div style="text-align: center;"><img src="imgs/a.jpg" alt="Image" '
                'width="48%" /></div>\n\n<table><tr><td>一</td><td>二</td></tr></table>\n')
# an article of a headline and a byline only (its text on another page): no paragraphs
HEADLINE_ONLY = ("# 全市推进老旧小区改造\n\n本报讯（记者 王明）今年全市计划改造老旧小区一百二十个，"
                 "涉及居民三万余户。改造工作将于年底前完成。\n\n# 第十届农民丰收节开幕\n\n"
                 "本报记者 李华\n\n# 冬季供暖准备就绪\n\n本报讯（记者 赵强）全市供热企业已完成"
                 "设备检修，十一月一日起正式供暖。\n")
PAGES = [*layout.STYLES, "no-headings", "one-article", "no-headline", "figures-only",
         "headline-only", "hostile"]


@pytest.fixture(scope="session")
def pages(tmp_path_factory) -> dict:
    """Every test page, written as Markdown; name -> path."""
    folder = tmp_path_factory.mktemp("pages")
    arts = pd1998.half("test")
    texts = {style: layout.compose(layout.page_articles(arts, seed), seed, style).markdown
             for style, seed in STYLE_SEEDS.items()}
    texts["no-headings"] = "\n".join(arts[0].paragraphs) + "\n"
    texts["one-article"] = layout.compose(layout.page_articles(arts, 7)[:1], 7,
                                          "mineru").markdown
    texts["no-headline"] = NO_HEADLINE
    texts["figures-only"] = FIGURES_ONLY
    texts["headline-only"] = HEADLINE_ONLY
    texts["hostile"] = HOSTILE
    out = {}
    for name, text in texts.items():
        out[name] = folder / f"{name}.md"
        out[name].write_text(text, encoding="utf-8")
    return out


def test_the_pages_are_what_they_claim(pages):
    import zhpaper

    read = {name: zhpaper.read_page(path) for name, path in pages.items()}
    assert not any(line.startswith("#") for line in read["no-headings"].lines)
    assert len(read["one-article"].articles) == 1
    assert not read["no-headline"].articles and read["no-headline"].unassigned
    assert not read["figures-only"].articles and not read["figures-only"].unassigned
    assert [len(a.paragraphs) for a in read["headline-only"].articles] == [1, 0, 1]


# --- The command line ------------------------------------------------------------------

COMMANDS = {
    "parse": ["parse"], "parse-text": ["parse", "--text"], "audit": ["audit"],
    "audit-table": ["audit", "--table"], "keywords": ["keywords"], "facts": ["facts"],
    "facts-table": ["facts", "--table"], "facts-dated": ["facts", "--table", "--date",
                                                         "1998-01-20"],
    "segment": ["segment"],
}
SCHEMAS = {"parse": "zhpaper.page/1", "audit": "zhpaper.audit/1",
           "keywords": "zhpaper.keywords/1", "facts": "zhpaper.facts/1"}


def run_in_process(args: list[str], page, monkeypatch, capsys) -> tuple[int, str, str]:
    """``python -m zhpaper ARGS PAGE`` in this process (jieba loads once); ``segment``
    reads the page on stdin. A warning a user would see is an error here."""
    if args == ["segment"]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.read_bytes())))
        argv = args
    else:
        argv = [*args, str(page)]
    with warnings.catch_warnings():
        # what `python -m zhpaper` would print (its default filters hide deprecations
        # raised outside __main__)
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", PAGES)
def test_every_command_on_every_page(pages, name, command, monkeypatch, capsys):
    code, out, err = run_in_process(COMMANDS[command], pages[name], monkeypatch, capsys)
    assert code == 0 and err == "", err
    if command in SCHEMAS:
        doc = json.loads(out)
        assert doc["schema"] == SCHEMAS[command]
    if command == "keywords":
        articles = doc["articles"]
        for entry in articles:
            assert {"tfidf", "textrank", "fightin_words"} <= set(entry)
            # Fightin' Words compares an article with the rest of the page
            assert bool(entry["fightin_words"]) <= (len(articles) > 1)
    if command == "segment":  # one line of words per line of input
        assert len(out.splitlines()) == len(pages[name].read_text(encoding="utf-8")
                                                .splitlines())
    if command == "parse-text":
        assert out.strip() or not json.loads(_parse(pages[name]))["articles"]


def _parse(page) -> str:
    import zhpaper

    return json.dumps(zhpaper.read_page(page).to_json())


@pytest.mark.parametrize("name", ["no-headline", "one-article"])
def test_keywords_through_the_real_command(pages, name):
    """The crash the issue reports (KeyError: 'article', exit 1 on a page without a
    headline), as a user runs it; and a page that loads jieba, whose start-up must not
    write to stderr either."""
    proc = subprocess.run([sys.executable, "-m", "zhpaper", "keywords", str(pages[name])],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    articles = json.loads(proc.stdout)["articles"]
    assert len(articles) == (0 if name == "no-headline" else 1)
    assert all(a["fightin_words"] == [] for a in articles)


@pytest.mark.parametrize("args,needle", [
    (["keywords", "--top", "0"], "--top"),
    (["keywords", "--top", "many"], "--top"),
    (["audit", "--threshold", "1.5"], "--threshold"),
    (["audit", "--threshold", "nan"], "--threshold"),
    (["facts", "--indent", "100000"], "--indent"),
    (["parse", "--indent", "-1"], "--indent"),
    (["parse", "--jobs", "-2"], "--jobs"),
])
def test_options_out_of_range_are_one_line(pages, args, needle, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main([*args, str(pages["one-article"])])
    out, err = capsys.readouterr()
    assert stop.value.code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("zhpaper: error: ") and needle in err


def test_an_internal_error_is_one_line_not_a_traceback(pages, monkeypatch, capsys):
    import zhpaper.keywords

    def broken(*_args, **_kwargs):
        raise KeyError("article")

    monkeypatch.setattr(zhpaper.keywords, "tfidf", broken)
    monkeypatch.delenv("ZHPAPER_TRACEBACK", raising=False)
    assert cli.main(["keywords", str(pages["one-article"])]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("zhpaper: error: internal error (KeyError: 'article')")
    monkeypatch.setenv("ZHPAPER_TRACEBACK", "1")
    with pytest.raises(KeyError):
        cli.main(["keywords", str(pages["one-article"])])


# --- Library pieces the chapters use on small pages --------------------------------------

def words_of(docs: dict[str, list[str]]) -> pd.DataFrame:
    rows = [(a, w, "n", True) for a, ws in docs.items() for w in ws]
    return pd.DataFrame(rows, columns=["article", "word", "pos", "content"])


def test_keywords_of_an_empty_token_table(pages):
    import zhpaper
    from zhpaper.tokens import tokens_frame

    empty = tokens_frame(zhpaper.read_page(pages["no-headline"]))
    for table in (keywords.tfidf(empty), keywords.textrank(empty),
                  keywords.fightin_words_by_article(empty), keywords.keywords(empty)):
        assert table.empty and "article" in table.columns


def test_fightin_words_needs_a_rest_of_the_page():
    alone = keywords.fightin_words_by_article(words_of({"a1": ["安全", "安全", "责任"]}))
    assert alone.empty
    two = keywords.fightin_words_by_article(words_of({"a1": ["安全", "发展"],
                                                      "a2": ["算力", "发展"]}))
    assert set(two["article"]) == {"a1", "a2"} and (two["z"] > 0).all()
    assert "发展" not in set(two["word"])  # the same share of both: distinctive of neither
    same = keywords.fightin_words_by_article(words_of({"a1": ["发展"], "a2": ["发展"]}))
    assert same.empty
    assert "one article" in keywords.no_distinctive_words(1)
    assert "no article" in keywords.no_distinctive_words(0)
    assert keywords.no_distinctive_words(2) != keywords.no_distinctive_words(1)


def test_side_by_side():
    fw = pd.DataFrame({"article": ["a2", "a2", "a1"], "rank": [1, 2, 1],
                       "word": ["算力", "新区", "安全"], "z": [2.345, 1.0, 3.0]})
    wide = keywords.side_by_side(fw)
    assert list(wide.columns) == ["rank", "a2", "a1"]
    assert wide.loc[0, "a2"] == "算力 (2.3)" and pd.isna(wide.loc[1, "a1"])
    assert keywords.side_by_side(fw.iloc[0:0]).empty


def test_formulae_by_article():
    texts = {"a1": "坚持高质量发展，推动高质量发展。", "a2": "推动高质量发展", "a3": "天气很好"}
    f = keywords.formulae_by_article(texts)
    assert f.loc["高质量发展", "articles"] == 2 and f.loc["高质量发展", "a1"] == 2
    assert list(f.columns) == ["articles", "a1", "a2", "a3"]
    assert keywords.formulae_by_article({"a1": "天气很好"}).empty
    assert keywords.formulae_by_article({}).empty


def test_shared_entities():
    mentions = pd.DataFrame({"article": ["a1", "a1", "a2", "a2"],
                             "type": ["place", "person", "place", "org"],
                             "text": ["呼和浩特", "张三", "呼和浩特", "市委"]})
    shared = keywords.shared_entities(mentions)
    assert shared[["type", "text", "articles", "a1", "a2"]].values.tolist() == [
        ["place", "呼和浩特", 2, 1, 1]]
    assert keywords.shared_entities(mentions[mentions["article"] == "a1"]).empty
    assert keywords.shared_entities(mentions.iloc[0:0]).empty


def test_display_says_why_a_table_is_empty():
    frame = pd.DataFrame(columns=["line", "text"])
    shown = display.table(frame, empty="Nothing <here>.")
    assert shown._repr_html_() == '<p class="zhp-note">Nothing &lt;here&gt;.</p>'
    assert repr(shown) == "Nothing <here>."
    assert "<table" in display.table(frame)._repr_html_()  # without empty=: as before
    full = display.table(pd.DataFrame({"text": ["一"]}), empty="never shown")
    assert "<td" in full._repr_html_()


@pytest.fixture
def agg():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import zhpaper

    zhpaper.use_cjk_font()
    yield plt
    plt.close("all")


def test_empty_figure_detector_can_fail(agg):
    fig, ax = agg.subplots()
    ax.barh(["a", "b"], [0, 0])
    assert empty_panels(fig)  # bars of zero length show nothing
    fig, ax = agg.subplots()
    ax.text(0.5, 0.5, "no data")
    assert empty_panels(fig)  # a message is not data
    fig, axes = agg.subplots(1, 2)
    axes[0].barh(["a"], [1.5])
    axes[1].axis("off")  # padding, not a panel
    assert empty_panels(fig) == []
    fig, axes = agg.subplots(1, 2)
    axes[0].plot([1, 2], [3, 4])
    assert len(empty_panels(fig)) == 1  # the second panel is empty


def test_blank_image_and_empty_table_can_fail(agg):
    import base64

    def png(fig) -> str:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return base64.b64encode(buffer.getvalue()).decode()

    blank = agg.figure(figsize=(1, 1))
    assert blank_image(png(blank))
    fig, ax = agg.subplots(figsize=(1, 1))
    ax.plot([0, 1], [0, 1])
    assert not blank_image(png(fig))
    headers = display.table(pd.DataFrame(columns=["a"]))._repr_html_()
    assert empty_table({"data": {"text/html": headers}})
    assert not empty_table({"data": {"text/html": display.table(
        pd.DataFrame({"a": [1]}))._repr_html_()}})


SHAPE = pd.DataFrame({"article": ["a1", "a2"], "characters": [500, 300],
                      "per 1,000 chars": [4.0, 0.0]})
LABEL = {"a1": "a1 安全", "a2": "a2 算力"}


def test_charts_draw_only_what_the_page_has(agg):
    alone = viz.article_shape(SHAPE.iloc[:1], LABEL)
    assert alone.figure is None and "fewer than two articles" in alone.note
    both = viz.article_shape(SHAPE, LABEL)
    assert len(both.figure.axes) == 2 and not empty_panels(both.figure) and not both.note
    lengths = viz.article_shape(SHAPE.assign(**{"per 1,000 chars": 0.0}), LABEL)
    assert len(lengths.figure.axes) == 1 and "quantit" in lengths.note
    zero = viz.bars(SHAPE, "article", "per 1,000 chars", xlabel="x", ylabel="y",
                    nothing="none")
    assert zero.figure is not None and not empty_panels(zero.figure)
    none = viz.bars(SHAPE.assign(**{"per 1,000 chars": 0.0}), "article",
                    "per 1,000 chars", xlabel="x", ylabel="y", nothing="none")
    assert none == viz.Chart(None, "none")


def test_comparison_charts_on_small_pages(agg):
    empty_fw = keywords.fightin_words_by_article(words_of({"a1": ["安全"]}))
    chart = viz.distinctive_words(empty_fw, LABEL, keywords.no_distinctive_words(1))
    assert chart.figure is None and chart.note == keywords.no_distinctive_words(1)
    fw = keywords.fightin_words_by_article(words_of({"a1": ["安全", "安全"], "a2": ["算力"]}))
    drawn = viz.distinctive_words(fw, LABEL, "unused")
    assert drawn.figure is not None and not empty_panels(drawn.figure)
    assert viz.formula_grid(keywords.formulae_by_article({"a1": "天气"}), LABEL).figure is None
    grid = viz.formula_grid(keywords.formulae_by_article({"a1": "推动高质量发展"}), LABEL)
    assert not empty_panels(grid.figure)
    mentions = pd.DataFrame({"article": ["a2", "a1"], "type": ["place", "person"],
                             "text": ["呼和浩特", "张三"]})
    bars = viz.entity_mentions(mentions, LABEL)
    labels = [t.get_text() for t in bars.figure.axes[0].get_yticklabels()]
    assert labels == ["a1 安全", "a2 算力"] and not empty_panels(bars.figure)
    assert viz.entity_mentions(mentions.iloc[0:0], LABEL).figure is None


def test_show_prints_the_note(agg, capsys):
    viz.show(viz.Chart(None, "Nothing to draw."))
    assert capsys.readouterr().out == "Nothing to draw.\n"


# --- The whole-page chapters --------------------------------------------------------------

NOTEBOOKS = {"01": "notebooks/01_reading_the_page", "02": "notebooks/02_ocr_audit",
             "20": "notebooks/20_five_articles"}
# chapter 20 (most figures) on every style page; 01 and 02 take turns
RUNS = ([(nb, page) for page in ("no-headings", "one-article") for nb in NOTEBOOKS]
        + [(nb, style) for k, style in enumerate(layout.STYLES)
           for nb in ("20", ("01", "02")[k % 2])]
        + [("01", "figures-only"), ("01", "headline-only")])


def run_notebook(key: str, page):
    return execute_notebook(ROOT / f"{NOTEBOOKS[key]}.ipynb",
                            f"PAGE = {str(page)!r}\n" + figure_watch())


def cell_named(nb, name: str):
    return next(c for c in nb.cells
                if c.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name")
                == name)


def printed(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream")


def shown(nb) -> str:
    """Everything a reader sees in the outputs, as text."""
    return "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "")
                     for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.notebook
@pytest.mark.parametrize("key,page", RUNS, ids=[f"{n}-{p}" for n, p in RUNS])
def test_chapter_on_any_page(pages, key, page):
    import zhpaper

    nb = run_notebook(key, pages[page])
    assert not page_problems(nb), page_problems(nb)
    articles = len(zhpaper.read_page(pages[page]).articles)
    if key == "20":  # the comparison is drawn when there is one, else said not to be
        fightin = cell_named(nb, "fig-compare-fightin")
        drawn = any("image/png" in o.get("data", {}) for o in fightin.outputs)
        assert drawn == (articles > 1)
        if articles < 2:
            assert printed(fightin).strip() == keywords.no_distinctive_words(articles)
            assert "no entity can link two" in shown(nb)
    if articles == 0:
        assert "found no article on this page" in shown(nb)
    if page == "headline-only":  # every article in the overview, the empty one too
        assert "第十届农民丰收节开幕" in shown(nb)


@pytest.mark.notebook
def test_the_figure_watch_reports_an_empty_figure(tmp_path):
    """The notebook checks above pass only if the watch works in a real kernel."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("PAGE = None", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\n"
                                          "fig, ax = plt.subplots()\n"
                                          "ax.barh(['a'], [0])\nplt.show()"),
                nbformat.v4.new_code_cell("fig, ax = plt.subplots()\n"
                                          "ax.plot([1, 2], [1, 2])\nplt.show()")]
    path = tmp_path / "empty.ipynb"
    nbformat.write(nb, path)
    found = page_problems(execute_notebook(path, figure_watch()))
    assert [p.split(":")[0] for p in found] == ["cell 2"], found
    assert "empty figure" in found[0]


def test_runs_cover_every_style_and_notebook():
    assert {p for _, p in RUNS} >= set(layout.STYLES)
    assert set(Counter(n for n, p in RUNS if p in layout.STYLES)) == set(NOTEBOOKS)
