"""The OCR audit: each detector, reversible corrections, names left alone, unassigned text,
the seed page's findings, injected confusions."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import ROOT, SEED

import zhpaper
from zhpaper import source
from zhpaper.audit import CONFUSIONS, audit, name_mask, words_of
from zhpaper.evaluation.audit import match_audit
from zhpaper.evaluation.damage import damage, inject_confusions
from zhpaper.reconstruct import reconstruct
from zhpaper.tokens import tokens_frame

HEAD = "## 首府推进安全生产治本攻坚行动\n\n本报讯(记者 苗欣)全市形势平稳。\n\n"


def findings(body: str, threshold: float = 0.8):
    result = audit(reconstruct(source.from_text(HEAD + body)), threshold=threshold)
    return result, [f for f in result.findings if f.paragraph != 1]


def test_confusion_is_found_with_its_suggestion():
    _, found = findings("规范服务、文明服务,坚决社绝服务纠纷,降低投诉率。\n")
    (f,) = [f for f in found if f.rule == "confusion"]
    assert (f.original, f.suggestion, f.applied) == ("社", "杜", True)
    assert "杜绝" in f.evidence and f.source[0].line == 5


def test_confusion_not_proposed_inside_a_word():
    _, found = findings("市委常委、宣传部部长王宇天出席会议并讲话。\n")
    assert not [f for f in found if f.rule == "confusion"]


def test_a_date_misread_with_yue_is_corrected():
    # no dictionary word forms across a digit: the date pattern finds it
    result, found = findings("会议于１月５曰在京召开，学员读到“子曰学而时习之”。\n")
    assert [(f.rule, f.original, f.suggestion, f.applied) for f in found] == [
        ("date_day", "曰", "日", True)]
    clean = result.corrected("a1", 2)
    assert "１月５日在京" in clean and "子曰" in clean


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
    assert [f.original for f in found if f.rule == "repetition"] == ["但困惑，但困惑"]
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
    result, found = findings("规范服务、文明服务,坚决社绝服务纠纷,降低投诉率。\n", threshold=1.01)
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
    errors = json.loads((ROOT / "lib/zhpaper/data/eval/seed_ocr_errors.json").read_text("utf-8"))[
        "errors"]
    mf, me = match_audit(result.findings, errors, page.lines)
    assert len(result.findings) - len(mf) <= 2, "false alarms on clean lines"
    got = {(f.line, f.original, f.suggestion) for f in result.findings}
    for expected in [(157, "字", "宇"), (83, "社", "杜"), (197, "相", "想"),
                     (135, "一", "——"), (139, "一一", "——")]:
        assert expected in got
    garbled_lines = {f.line for f in result.findings if f.kind == "garbled"}
    assert {103, 161, 197} <= garbled_lines
    assert (183, "人", "入") in got
    # 接人 (49) is not found since the n-gram model of 1998 news text, which keeps false
    # alarms down, hardly knows 接入 (scripts/evaluate_audit.py)
    assert len(me) / len(errors) >= 0.8


def test_injected_confusions_are_found():
    articles = json.loads((ROOT / "lib/zhpaper/data/eval/seed_articles.json").read_text("utf-8"))[
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
    from zhpaper.evaluation.audit import audit_on_injected
    from zhpaper.evaluation.damage import corpus_from_page

    page = zhpaper.read_page(SEED)
    articles = corpus_from_page(page)
    assert [a["title"] for a in articles] == [a.title for a in page.articles]
    assert sum(len(s["paragraphs"]) for a in articles for s in a["sections"]) == \
        sum(len(a.paragraphs) for a in page.articles)
    scores = audit_on_injected(articles, pages=3, rate=0.1)
    assert scores.injected > 0 and 0 <= scores.correct <= min(scores.found, scores.injected)
    assert scores.recall > 0.5 and scores.precision > 0.5
    assert audit_on_injected(articles, pages=3, rate=0.1) == scores  # seeded


def test_transliterated_names_are_not_corrected():
    _, found = findings("厄立特里亚总统伊萨亚斯会见了鲁夫塔一行,鲁夫塔表示愿意加强合作。\n")
    assert not [f for f in found if f.rule == "confusion"]  # not 鲁天塔
    mask = name_mask("会见了鲁夫塔一行", words_of("会见了鲁夫塔一行"))
    assert mask[3:6] == ["foreign"] * 3 and not any(mask[:3])


def test_a_word_reaching_out_of_a_name_is_corrected():
    # 杜 opens a run of transliteration characters (杜阿拉木图), but 新华社 reaches out of it
    _, found = findings("据新华杜阿拉木图１月５日电，哈萨克斯坦总统会见了代表团。\n")
    assert [(f.original, f.suggestion, f.applied) for f in found
            if f.rule == "confusion"] == [("杜", "社", True)]


def test_one_persons_name_is_not_read_as_another():
    # jieba's dictionary knows 田晓霞 as a name; 甲 opens no name, 田 does
    from zhpaper.lookalikes import _another_name

    assert _another_name("甲晓霞", "田晓霞") is False
    assert _another_name("田晓霞", "田晓霞") is True
    assert _another_name("田晓霞", "田晓霞同志") is False  # not a name the dictionary tags
    _, found = findings("会上，甲晓霞介绍了经验。\n")
    assert [(f.original, f.suggestion) for f in found if f.applied] == [("甲", "田")]
    # 田包胥 reads as a name, and the dictionary's 申包胥 is another: left alone
    page = reconstruct(source.from_text(HEAD + "会上，田包胥介绍了经验。\n"))
    assert not [f for f in audit(page).findings if f.applied]
    unprotected = replace(CONFUSIONS, protect_names=False)
    assert [(f.original, f.suggestion) for f in audit(page, confusions=unprotected).findings
            if f.applied] == [("田", "申")]


def test_the_byline_is_audited():
    page = reconstruct(source.from_text(
        "## 英国公布新计划\n\n新华社伦敦１月５曰电（纪者张三）英国政府今天宣布了一项新计划。\n"))
    assert page.articles[0].byline.text.startswith("新华社伦敦")
    result = audit(page)
    fixes = [(f.rule, f.article, f.paragraph, f.original, f.suggestion) for f in
             result.findings if f.applied]
    assert fixes == [("confusion", "a1", None, "曰", "日"), ("confusion", "a1", None, "纪", "记")]
    fixed = result.corrected("a1", None)
    assert fixed == "新华社伦敦１月５日电（记者张三）"
    assert result.revert("a1", None, fixed) == result.text("a1", None)
    assert result.paragraph("a1", None) is page.articles[0].byline
    assert all(page.raw_text(f.source) == f.original for f in result.findings if f.applied)


def test_an_abbreviation_the_page_repeats_is_not_garbled():
    body = ("厄立特里亚孔子学院(厄特孔院)举办新年活动。\n\n厄特孔院院长介绍,厄特孔院今年"
            "招收学员三百人。\n\n多名学员在厄特孔院学习汉语,厄特孔院还开设了武术课。\n")
    result, found = findings(body)
    assert not [f for f in found if f.kind == "garbled"]
    frame = tokens_frame(result.page, result)
    assert not frame.suspect.any()  # its words are not marked as read out of garbled text


def test_people_and_village_names_are_not_garbled():
    _, found = findings("玉环县坎门镇干部林仁碧作为浙江省劳动模范,与许云英、何某等人一起受到"
                        "表彰。八家户村村民胡延奇说,黄泥内头岭一带今年丰收。\n")
    assert not [f for f in found if f.kind == "garbled" or f.applied]


@pytest.mark.parametrize("body", [
    "他说要做的事情太多了,压力太大,可大家都没有放弃。\n",
    "今年冬季甲流疫情有所抬头,既要做好防控,也要保障药品供应。\n",
    "这位老人想当面感谢帮助过他的人,他说:“我有许多话想对你们说。”\n",
    "科学家们既可开发月球上的资源,也可以在那里建立观测站。\n",
    "依靠科学技术,科学技术工作必须面向经济建设。\n",
])
def test_no_false_alarm_on_clean_sentences(body):
    """Clean sentences written for this test in the style of the corpus (not taken from
    the test half): nothing is corrected, nothing flagged as garbled."""
    _, found = findings(body)
    assert [(f.rule, f.original) for f in found if f.applied or f.kind == "garbled"] == []


def test_unassigned_text_is_audited():
    markdown = ("要求驾驶员做到平稳驾驶、安全出行,坚决社绝服务纠纷,降低投诉率和行车事故率。\n\n"
                "全市加快发展元字宙等新兴产业,培育新的经济增长点,推动产业结构优化升级。\n")
    page = reconstruct(source.from_text(markdown))
    assert not page.articles and len(page.unassigned) == 2
    result = audit(page)
    fixes = [(f.article, f.paragraph, f.original, f.suggestion) for f in result.findings
             if f.applied]
    assert fixes == [(None, 1, "社", "杜"), (None, 2, "字", "宇")]
    assert all(f.unassigned for f in result.findings if f.applied)
    fixed = result.corrected(None, 2)
    assert "元宇宙" in fixed and result.revert(None, 2, fixed) == page.unassigned[1].text
    assert page.raw_text(result.findings[0].source) == "社"


def test_injected_confusions_are_found_on_corpus_pages():
    """Dev-half pages laid out in every style (the default bigram model, which learnt
    from the dev half: a check that the detector works, not the measure, which
    scripts/evaluate_audit.py takes on pages the model has not seen)."""
    from zhpaper import pd1998
    from zhpaper.evaluation import layout
    from zhpaper.evaluation.audit import _Injected, audit_markdown

    arts = pd1998.half("dev")
    acc = _Injected()
    for seed in range(5):
        laid = layout.compose(layout.page_articles(arts, seed), seed, layout.STYLES[seed])
        markdown, truth = inject_confusions(laid, seed, 0.1)
        acc.add(audit_markdown(markdown), truth)
    s = acc.scores()
    assert s.injected > 30
    assert s.precision >= 0.95 and s.recall >= 0.8
