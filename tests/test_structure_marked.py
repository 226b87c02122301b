"""Marked headings (MinerU, PaddleOCR-VL, marker pages): a heading after a closing jump
marker opens a new article."""

from __future__ import annotations

from zhpaper import source
from zhpaper.fragments import classify


def kinds(md: str) -> list[tuple[str, str]]:
    return [(f.kind, f.flat) for f in classify(source.from_text(md))]


BODY_A = "房改稳步前行，各地公房租金水平逐步提高，住房公积金制度已覆盖三十多个大中城市。"
BODY_B = "住房制度改革的突破口在于分配货币化，各地正在积极探索新的住房分配办法和途径。"


def test_a_heading_after_a_closing_jump_marker_is_a_headline():
    md = (f"# 房改你真要改吗\n\n本报记者 朱剑红\n\n{BODY_A}\n\n（下转第2版）\n\n"
          f"# 住房分配货币化\n\n{BODY_B}\n")
    got = kinds(md)
    assert ("marker", "（下转第2版）") in got
    assert ("headline", "住房分配货币化") in got


def test_a_heading_under_an_opening_jump_marker_is_not_made_a_headline_by_it():
    md = (f"# 房改你真要改吗\n\n（上接第1版）\n\n# 分配货币化\n\n{BODY_A}\n\n{BODY_B}\n")
    got = kinds(md)
    assert ("headline", "房改你真要改吗") in got
    assert ("headline", "分配货币化") not in got
