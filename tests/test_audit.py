"""The OCR audit: each detector, reversible corrections, and the seed page's findings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEED

import zhpaper
from zhpaper import source
from zhpaper.audit import audit
from zhpaper.damage import damage, inject_confusions
from zhpaper.evaluate import match_audit
from zhpaper.reconstruct import reconstruct

HEAD = "## 首府推进安全生产治本攻坚行动\n\n本报讯(记者 苗欣)全市形势平稳。\n\n"


def findings(body: str, threshold: float = 0.8):
    result = audit(reconstruct(source.from_text(HEAD + body)), threshold=threshold)
    return result, [f for f in result.findings if f.paragraph != 1]


def test_confusion_is_found_with_its_suggestion():
    _, found = findings("建设应急指挥调度平台,接人重点企业视频监控数据。\n")
    (f,) = [f for f in found if f.rule == "confusion"]
    assert (f.original, f.suggestion) == ("人", "入")
    assert "接入" in f.evidence and f.source[0].line == 5


def test_confusion_not_proposed_inside_a_word():
    _, found = findings("市委常委、宣传部部长王宇天出席会议并讲话。\n")
    assert not [f for f in found if f.rule == "confusion"]


def test_dash_repair_uses_sibling_paragraphs():
    _, found = findings("——\"借船出海\",聚焦落地企业。\n\n一\"筑巢引凤\",建设产业平台。\n\n"
                        "一一\"借梯登高\",成立合资公司。\n")
    dashes = [f for f in found if f.rule == "dash"]
    assert [(f.original, f.suggestion, f.applied) for f in dashes] == [
        ("一", "——", True), ("一一", "——", True)]


def test_ellipsis():
    _, found = findings("完成招商引资签约项目103个,总投资1356.5亿元······\n")
    assert [(f.original, f.suggestion) for f in found if f.rule == "ellipsis"] == [
        ("······", "……")]


def test_markup_and_garbled_text():
    _, found = findings("落地了华为北方基地、新华三中央实 **吟**会 试订科技粉字职久其地笔 "
                        "粉建软 硬一体的信创产业生态。\n")
    rules = {f.rule for f in found}
    assert {"markup", "garbled"} <= rules


def test_repeated_clause_but_not_rhetoric():
    _, found = findings("但曾经发展有过困惑,但困惑,但困惑,但因为支持下绘制了蓝图。\n")
    assert [f.original for f in found if f.rule == "repetition"] == ["但困惑,但困惑"]
    _, found = findings("还要有说干就干、干就干好的责任与担当。\n")
    assert not [f for f in found if f.rule == "repetition"]


def test_unpaired_closing_quote_marks_the_damaged_clause():
    _, found = findings("中国\"金融云谷\"首个项目落户,已成为各大金融机类据云谷\"。\n")
    (f,) = [f for f in found if f.rule == "unpaired_quote"]
    assert f.original == "已成为各大金融机类据云谷\""


def test_lost_text_comes_from_reconstruction():
    _, found = findings("和林格尔新区管委会副主任张学军介绍。新区盯住全产业链持续发力。\n")
    assert [f.kind for f in found] == ["lost_text"]


def test_low_confidence_is_reported_not_applied():
    result, found = findings("建设应急指挥调度平台,接人重点企业视频监控数据。\n", threshold=0.99)
    (f,) = [f for f in found if f.rule == "confusion"]
    assert not f.applied
    assert result.corrected(f.article, f.paragraph) == result.paragraph(
        f.article, f.paragraph).text


def test_corrections_are_reversible_and_raw_untouched():
    page = zhpaper.read_page(SEED)
    result = audit(page)
    applied = [f for f in result.findings if f.applied]
    assert applied
    for f in applied:
        para = result.paragraph(f.article, f.paragraph)
        corrected = result.corrected(f.article, f.paragraph)
        assert corrected != para.text
        assert result.revert(f.article, f.paragraph, corrected) == para.text
        assert page.raw_text(para.source) == para.raw  # raw text is never changed
        # every correction keeps where it came from
        assert page.raw_text(f.source) == f.original


def test_seed_page_findings():
    page = zhpaper.read_page(SEED)
    result = audit(page)
    errors = json.loads((ROOT / "tests/data/seed_ocr_errors.json").read_text("utf-8"))[
        "errors"]
    mf, me = match_audit(result.findings, errors, page.lines)
    assert len(result.findings) - len(mf) <= 5, "false alarms on clean lines"
    got = {(f.line, f.original, f.suggestion) for f in result.findings}
    for expected in [(49, "人", "入"), (157, "字", "宇"), (83, "社", "杜"), (197, "相", "想"),
                     (135, "一", "——"), (139, "一一", "——")]:
        assert expected in got
    garbled_lines = {f.line for f in result.findings if f.kind == "garbled"}
    assert {83, 103, 161, 197} <= garbled_lines
    assert len(me) / len(errors) >= 0.8


def test_injected_confusions_are_found():
    articles = json.loads((ROOT / "tests/data/seed_articles.json").read_text("utf-8"))[
        "articles"]
    hits = total = wrong = 0
    for seed in range(10):
        d = damage(articles, seed)
        before = {(f.line, f.original) for f in audit(
            reconstruct(source.from_text(d.markdown))).findings if f.rule == "confusion"}
        markdown, truth = inject_confusions(d, seed, 0.05)
        result = audit(reconstruct(source.from_text(markdown)))
        want = {(t.line, t.column): t.correct for t in truth}
        for f in result.findings:
            if f.rule != "confusion" or (f.line, f.original) in before:
                continue
            key = (f.source[0].line, f.source[0].start)
            if want.get(key) == f.suggestion:
                hits += 1
            else:
                wrong += 1
        total += len(want)
    assert total > 10
    assert hits / total >= 0.85 and wrong <= max(2, 0.1 * hits)


@pytest.mark.parametrize("flag", [[], ["--table"]])
def test_cli_audit(flag):
    proc = subprocess.run([sys.executable, "-m", "zhpaper", "audit", str(SEED), *flag],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    if flag:
        assert "confusion" in proc.stdout and "接" not in proc.stderr
    else:
        doc = json.loads(proc.stdout)
        assert doc["schema"] == "zhpaper.audit/1"
        keys = {"kind", "article", "paragraph", "source", "original", "suggestion",
                "confidence", "applied", "evidence"}
        assert all(keys <= set(f) for f in doc["findings"])


def test_audit_measured_on_a_page_damaged_again():
    from zhpaper.evaluate import audit_on_injected, corpus_from_page

    page = zhpaper.read_page(SEED)
    articles = corpus_from_page(page)
    assert [a["title"] for a in articles] == [a.title for a in page.articles]
    assert sum(len(s["paragraphs"]) for a in articles for s in a["sections"]) == \
        sum(len(a.paragraphs) for a in page.articles)
    scores = audit_on_injected(articles, pages=3, rate=0.1)
    assert scores.injected > 0 and 0 <= scores.correct <= min(scores.found, scores.injected)
    assert scores.recall > 0.5 and scores.precision > 0.5
    assert audit_on_injected(articles, pages=3, rate=0.1) == scores  # seeded
