"""Photo captions on pages without markup (zhpaper.captions): found from their shape and
place, without eating the short paragraphs of the text around them."""

from __future__ import annotations

from zhpaper import accounting, source
from zhpaper.fragments import classify
from zhpaper.reconstruct import reconstruct

# A column of 16-em printed lines; a paragraph's first line is indented by two.
HEAD = "我国积极推进监狱法制建设\n本报记者王比学\n"
COLUMN = [
    "新中国第一部《监狱法》颁布实施",  # indented first line (14)
    "三年多来，司法部会同有关部委陆续",  # full lines (16)
    "制定了一系列有关监狱工作的法规性",
    "文件，各地监狱坚持依法治监，并且",
    "积极推进监狱法制建设，成效十分明",
    "显，监狱的执法水平有了很大提高。",
]
REST = [
    "各地监狱把从严治警，提高监狱警察",
    "的执法水平当做重要大事来抓，对干",
    "警进行多渠道多层次的执法培训。",
]
# A caption set in its own measure (21 em), flush, under a short title line.
CAPTION = ["钻井忙", "到１９９７年１２月３１日止，山东胜利油田", "共生产原油２８０１万吨，完成年计划。"]


def _kinds(md: str) -> dict[str, str]:
    return {f.flat.strip(): f.kind for f in classify(source.from_text(md))}


def _page(lines: list[str]):
    p = reconstruct(source.from_text("\n".join(lines) + "\n"))
    accounting.check(p)
    return p


def test_a_caption_interrupting_a_sentence_is_a_caption_and_the_sentence_is_joined():
    lines = [*HEAD.splitlines(), *COLUMN[:4], *CAPTION, *COLUMN[4:], *REST]
    kinds = _kinds("\n".join(lines))
    assert [kinds[t] for t in CAPTION] == ["caption"] * 3
    p = _page(lines)
    text = "".join(par.text for a in p.articles for par in a.paragraphs)
    assert "钻井" not in text and "原油" not in text
    assert "并且积极推进" in text  # joined across the photo


def test_the_same_lines_in_the_column_measure_stay_body():
    # a short paragraph of the column's own measure, between two finished paragraphs
    short = ["　　到年底，山东胜利油田共生产原", "油二千八百零一万吨，完成了计划。"]
    lines = [*HEAD.splitlines(), *COLUMN, *short, *REST]
    kinds = _kinds("\n".join(lines))
    assert all(kinds[t.strip()] == "body" for t in short)


def test_an_interrupting_run_in_the_column_measure_stays_body():
    # columns emitted out of order: a run of the same column between two halves of a
    # sentence is text, not a caption
    lines = [*HEAD.splitlines(), *COLUMN[:4], *REST, *COLUMN[4:]]
    kinds = _kinds("\n".join(lines))
    assert all(kinds[t] == "body" for t in REST)


def test_a_credit_alone_under_a_finished_line_is_a_caption_not_a_signature():
    lines = [*HEAD.splitlines(), *COLUMN, "民航飞行动态监控系统投入运行。", "（王呈选摄）", *REST]
    kinds = _kinds("\n".join(lines))
    assert kinds["（王呈选摄）"] == "caption"


def test_a_signature_alone_under_a_finished_line_stays_a_signature():
    lines = [*HEAD.splitlines(), *COLUMN, "（冯燕平）"]
    assert _kinds("\n".join(lines))["（冯燕平）"] == "signature"
