"""The outline of a report from its sentences (zhpaper.outline)."""

from __future__ import annotations

import pandas as pd

from zhpaper import outline

LEAD = "行动开展以来，全市认真贯彻落实，形势持续向好。"
PART1 = ("压实“三个责任”，握住“主动权”。聚焦领导责任抓推进。多次召开专题会，持续发力。"
         "聚焦监管责任抓推进。成立6个指导组，进行帮扶。")
PART2 = "紧盯隐患排查，守好“主阵地”。检查单位近3.7万家，整治隐患3.4万余项。"
PART3 = "创新教育培训，唱响“主旋律”。组建宣讲队伍，开展培训7期。共270余人参加培训。"


def test_roles_follow_the_rule():
    frame = outline.outline_frame([LEAD, PART1, PART2, PART3])
    assert list(frame.columns) == outline.COLUMNS
    roles = frame.groupby("paragraph")["role"].apply(list).to_dict()
    assert roles == {1: ["lead"],
                     2: ["part", "strand", "measure", "strand", "measure"],
                     3: ["part", "measure"],
                     4: ["part", "measure", "measure"]}   # the last sentence is a measure


def test_offsets_point_into_the_paragraph():
    frame = outline.outline_frame([LEAD, PART1])
    for row in frame.itertuples():
        assert [LEAD, PART1][row.paragraph - 1][row.start:row.end] == row.text


def test_a_comma_of_either_width_makes_a_measure():
    frame = outline.outline_frame([LEAD, "第一部分，开头。短句。长句,有逗号。结尾。"])
    assert list(frame["role"]) == ["lead", "part", "strand", "measure", "measure"]


def test_first_clause():
    assert outline.first_clause("聚焦领导责任抓推进。") == "聚焦领导责任抓推进"
    assert outline.first_clause("成立6个指导组，进行帮扶。") == "成立6个指导组"
    assert outline.first_clause("目前，共选取5条街道，在沿街设置公示栏。") == "目前，共选取5条街道"
    assert outline.first_clause("目前，共选取5条街道。") == "目前，共选取5条街道"


def test_the_tree_shows_parts_strands_measures_and_figures():
    frame = outline.outline_frame([LEAD, PART1, PART2])
    figures = pd.DataFrame({"paragraph": [2, 3, 3], "start": [PART1.index("6个"),
                            PART2.index("近3.7万家"), PART2.index("3.4万余项")],
                            "raw": ["6个", "近3.7万家", "3.4万余项"]})
    assert outline.outline_tree(frame, figures).splitlines() == [
        "压实“三个责任”",
        "    ├─ 聚焦领导责任抓推进",
        "    │    · 多次召开专题会",
        "    ├─ 聚焦监管责任抓推进",
        "    │    · 成立6个指导组  [6个]",
        "紧盯隐患排查",
        "    · 检查单位近3.7万家  [近3.7万家, 3.4万余项]",
    ]
    assert "[" not in outline.outline_tree(frame)
