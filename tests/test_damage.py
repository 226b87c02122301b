"""The damager is reproducible, its truth is consistent, and nothing is lost on its pages."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from zhpaper import accounting, source
from zhpaper.evaluation.damage import damage, printed_lines
from zhpaper.evaluation.reconstruction import Counts, Scores, count
from zhpaper.reconstruct import reconstruct

ARTICLES = json.loads((ROOT / "lib/zhpaper/data/eval/seed_articles.json").read_text(encoding="utf-8"))[
    "articles"]


def test_same_seed_same_page():
    assert damage(ARTICLES, 7).markdown == damage(ARTICLES, 7).markdown
    assert damage(ARTICLES, 7).markdown != damage(ARTICLES, 8).markdown


def test_printed_lines_follow_typesetting_rules():
    lines = printed_lines("安全生产治本攻坚行动开展以来,呼和浩特市认真贯彻落实。", 10)
    assert lines[0] == "安全生产治本攻坚"  # the first line is indented by two
    assert "".join(lines) == "安全生产治本攻坚行动开展以来,呼和浩特市认真贯彻落实。"
    assert not any(line[0] in "，,、。" for line in lines[1:])


@pytest.mark.parametrize("seed", range(12))
def test_truth_covers_every_article_paragraph(seed):
    d = damage(ARTICLES, seed)
    lines = d.markdown.split("\n")
    for number in d.truth:
        assert lines[number - 1].strip(), number
    # every paragraph of every chosen article appears in the truth
    seen = {(a, p) for a, p, _ in d.truth.values()}
    for k, article in enumerate(d.articles):
        n = sum(len(s["paragraphs"]) for s in article["sections"])
        assert {(k, p) for p in range(n)} <= seen


@pytest.mark.parametrize("seed", range(40))
def test_nothing_lost_on_generated_pages(seed):
    page = reconstruct(source.from_text(damage(ARTICLES, seed).markdown))
    accounting.check(page)


def test_scores_on_generated_pages():
    """A small, fixed sample; the full evaluation is scripts/evaluate_reconstruction.py."""
    total = Counts(0, 0, 0, 0, 0, 0, 0, 0)
    for seed in range(2000, 2030):
        d = damage(ARTICLES, seed)
        total = total + count(reconstruct(source.from_text(d.markdown)), d)
    s = Scores.from_counts(total)
    assert s.pairwise_f1 >= 0.97
    assert s.join_precision >= 0.95 and s.join_recall >= 0.93
    assert s.kendall_tau >= 0.95


def test_scores_can_fail():
    """The scorer is not vacuous: a page with every paragraph cut into its source spans
    (no joins left; joins are read from the paragraphs) scores zero join recall."""
    from zhpaper.evaluation.reconstruction import PredictedArticle, Prediction, prediction

    d = damage(ARTICLES, 3)
    pred = prediction(reconstruct(source.from_text(d.markdown)))
    cut = Prediction(tuple(
        PredictedArticle(a.headline_line, tuple((s,) for spans in a.paragraphs for s in spans))
        for a in pred.articles))
    assert Scores.from_counts(count(cut, d)).join_recall == 0.0
