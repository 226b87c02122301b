"""The segmentation scorer and the gold segmentation of the page."""

from __future__ import annotations

import json
import math
import sys

import pytest
from conftest import ROOT, SEED

import zhpaper
from zhpaper.corpus import units
from zhpaper.evaluation import segmentation
from zhpaper.evaluation.evaldata import segmentation_gold
from zhpaper.tokens import cut

sys.path.insert(0, str(ROOT / "scripts"))
import evaluate_segmentation  # noqa: E402

GOLD = ROOT / "lib" / "zhpaper" / "data" / "eval" / "seg_gold.txt"


def test_scores_by_word_boundaries():
    gold = [["新质生产力", "是", "关键"]]
    pred = [["新质", "生产力", "是", "关键"]]
    s = segmentation.score(gold, pred, vocabulary={"是", "关键", "新质", "生产力"})
    assert (s.gold_words, s.predicted_words, s.correct) == (3, 4, 2)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(2 / 3)
    assert s.oov_words == 1 and s.oov_recall == 0.0 and s.iv_recall == 1.0
    perfect = segmentation.score(gold, gold)
    assert perfect.f1 == 1.0
    assert math.isnan(perfect.oov_recall)  # no vocabulary: undefined, not 0


def test_jieba_vocabulary_is_the_main_dictionary():
    vocab = segmentation.jieba_vocabulary()
    assert "生产力" in vocab and "新质生产力" not in vocab and len(vocab) > 300_000


def test_texts_must_match():
    with pytest.raises(ValueError, match="sentence 1"):
        segmentation.score([["甲", "乙"]], [["甲", "丙"]])


def test_read_segmented():
    assert segmentation.read_segmented("a b\n\nc\n") == [["a", "b"], ["c"]]


def test_gold_covers_the_page():
    gold = segmentation.read_segmented(GOLD.read_text("utf-8"))
    assert len(gold) >= 150
    corpus = json.loads((ROOT / "lib/zhpaper/data/eval/seed_articles.json").read_text("utf-8"))
    body = "".join(p for a in corpus["articles"] for s in a["sections"]
                   for p in s["paragraphs"])
    text = "".join("".join(s) for s in gold)
    assert len(text) >= 0.95 * len(body)
    assert all(" " not in w and w for s in gold for w in s)


def test_zhpaper_beats_jieba_on_the_page_and_does_no_harm_on_general_news():
    """Measured by scripts/evaluate_segmentation.py (session 3, 2026-11-28): ours 0.960
    F1 on the page (0.961 in the pipeline; the dev half, whose errors informed the
    dictionary, 0.970; the test half 0.943, 0.918 without the page's own names in the
    dictionary), jieba default 0.835; on held-out People's Daily text ours 0.944, jieba
    0.835. The floors below are the issue's targets on the page and regression guards
    elsewhere."""
    vocab = segmentation.jieba_vocabulary()
    halves = segmentation_gold()
    page = evaluate_segmentation.run(halves["all"], vocab, page=True)
    test = evaluate_segmentation.run(halves["test"], vocab, page=True)
    assert test["zhpaper (default, no HMM)"].f1 >= 0.935
    assert test["zhpaper (default, no HMM)"].f1 >= test["jieba default (HMM)"].f1 + 0.08
    ours = page["zhpaper (default, no HMM)"].f1
    assert ours >= 0.95 and page["zhpaper in the pipeline"].f1 >= 0.95
    assert test["zhpaper, without the page's names"].f1 >= test["jieba default (HMM)"].f1
    assert ours >= page["jieba default (HMM)"].f1 + 0.10
    news = evaluate_segmentation.run(evaluate_segmentation.pku_sample(500), vocab)
    assert news["zhpaper (default, no HMM)"].f1 >= 0.935
    assert news["zhpaper (default, no HMM)"].f1 >= news["jieba default (HMM)"].f1 + 0.08


def test_disagreements_by_kind_and_category():
    gold = ["数据", "中心", "近", "3.7万", "家", "王宇天", "说"]
    pred = ["数据中心", "近", "3.7", "万家", "王", "宇天", "说"]
    found = segmentation.disagreements(gold, pred, names={"王宇天"})
    assert [(d.kind, d.category) for d in found] == [
        ("under-split", "words"), ("crossing", "number"), ("over-split", "name")]
    assert found[0].gold == ("数据", "中心") and found[0].predicted == ("数据中心",)
    assert segmentation.disagreements(gold, gold) == []


def test_pku_sample_is_the_held_out_lines():
    sample = segmentation.pku_sample(5)
    assert len(sample) == 5 and all(sample)
    from zhpaper.tokens import HELD_OUT
    assert segmentation.pku_sample(3, every=HELD_OUT) == sample[:3]


def test_cut_in_pipeline_uses_the_audits_garbled_spans():
    page = zhpaper.read_page(SEED)
    result = zhpaper.audit(page)
    garbled = next(f for f in result.findings if f.kind == "garbled" and not f.applied
                   and len(f.original) >= 6)
    unit = next(u.text for u in units(page, result) if garbled.original in u.text)
    piped, elsewhere = segmentation.cut_in_pipeline([unit, "没有这句话"], page, result)
    assert "".join(piped) == unit and piped != cut(unit)  # the span was cut apart
    assert elsewhere == cut("没有这句话")  # a sentence in no unit is cut plainly


def test_second_annotation_is_the_gold_text_and_agrees():
    units, s = evaluate_segmentation.agreement()  # raises if a line's text differs
    assert units == 52 and s.gold_words > 1500
    assert s.f1 >= 0.95  # measured 0.997 (seg_gold.md); a drop means a file changed


def test_read_numbered():
    assert segmentation.read_numbered("3\t新质 生产力\n\n10\t是\n") == [(3, ["新质", "生产力"]),
                                                                (10, ["是"])]
    with pytest.raises(ValueError, match="line 1"):
        segmentation.read_numbered("新质 生产力\n")


def test_seg_line_words_reads_the_bmes_tags():
    from zhpaper.heldout import seg_line_words

    assert seg_line_words("迈/b 向/e 新/s 世/b 纪/e") == ["迈向", "新", "世纪"]
    assert seg_line_words("半/b") == ["半"] and seg_line_words("") == []
