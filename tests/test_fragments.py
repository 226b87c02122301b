"""Each fragment kind, decided from content."""

from __future__ import annotations

from zhpaper import fragments, source
from zhpaper.reconstruct import reconstruct


def reconstruct_md(md: str):
    return reconstruct(source.from_text(md))


def kinds(md: str) -> list[tuple[str, str]]:
    return [(f.kind, f.flat) for f in fragments.classify(source.from_text(md))]


def test_headline_with_lead_byline_and_kicker():
    got = kinds("### 压实责任 聚焦重点\n\n## 首府推进安全生产\n\n本报讯(记者 苗欣)安全生产行动开展以来。\n")
    assert got == [
        ("kicker", "压实责任 聚焦重点"),
        ("headline", "首府推进安全生产"),
        ("byline", "本报讯(记者 苗欣)"),
        ("body", "安全生产行动开展以来。"),
    ]


def test_subtitle_standalone_byline_and_banner():
    got = kinds("### 加快发展新质生产力\n\n——访县委书记张三\n\n●本报记者 李四\n\n### 学习贯彻全会精神\n\n项目,推动产业链延伸。\n")
    assert [k for k, _ in got] == ["headline", "subtitle", "byline", "banner", "body"]


def test_jump_marker_even_as_heading():
    got = kinds("### 暖流涌动\n\n#### (上接第1版)\n\n在规范行车方面,要求驾驶员安全出行。\n")
    assert [k for k, _ in got] == ["headline", "marker", "body"]


def test_heading_with_leading_punctuation_is_split():
    got = kinds("## 标题\n\n(上接第1版)\n\n呼和浩特是全国算力高质量发展\n\n#### 。 新区模式:守住定位 合作共赢\n\n速度与激情。\n")
    assert got[3] == ("body", "。")
    assert got[4] == ("section", "新区模式:守住定位 合作共赢")


def test_sidebar_label_and_title():
    got = kinds("## 标题\n\n(上接第1版)\n\n正文。\n\n#### 采访手记\n\n#### 敢做善为就会有位\n\n改革从来就不是一件容易事。\n")
    assert [k for k, _ in got][3:5] == ["sidebar_label", "sidebar_title"]


def test_signature_split_from_last_paragraph():
    got = kinds("## 标题\n\n(上接第1版)\n\n旗帜则是永不懈怠的改革精神! (冯燕平)\n")
    assert got[-2:] == [("body", "旗帜则是永不懈怠的改革精神!"), ("signature", "(冯燕平)")]


def test_heading_ending_in_full_stop_is_body():
    got = kinds("## 标题\n\n本报讯(记者 甲)正文。\n\n## 这是一段被标成标题的正文。\n")
    assert got[-1] == ("body", "这是一段被标成标题的正文。")


def test_spans_point_at_the_raw_characters():
    src = source.from_text("#### 。 新区模式:守住定位\n")
    for f in fragments.classify(src):
        for s, piece in zip(f.spans, f.pieces, strict=True):
            assert src.line(s.line)[s.start:s.end] == piece


def test_multi_line_block_keeps_one_span_per_line():
    src = source.from_text("## 标题\n\n本报讯(记者 甲)第一行\n第二行。\n")
    body = [f for f in fragments.classify(src) if f.kind == "body"][0]
    assert [s.line for s in body.spans] == [3, 4]
    assert body.raw == "第一行\n第二行。"


def test_formulae_are_counted_without_overlaps():
    from zhpaper.genre import count_formulae

    counts = count_formulae("深入学习贯彻党的二十届三中全会精神,推动高质量发展。")
    assert counts == {"深入学习贯彻": 1, "党的二十届三中全会精神": 1, "高质量发展": 1}


import pytest  # noqa: E402


@pytest.mark.parametrize("line, people", [
    ("□本报记者 吴佳妮", ("吴佳妮",)),
    ("●本报记者 梁婧娟 张三", ("梁婧娟", "张三")),
    ("南都讯 记者万蜜", ("万蜜",)),
    ("见习记者 李雷 广州报道", ("李雷",)),
    ("本报记者 张三 通讯员 李四", ("张三", "李四")),
    ("新华社记者 王文", ("王文",)),
    ("本报驻俄罗斯记者刘刚", ("刘刚",)),
    ("本报特派记者管彦忠", ("管彦忠",)),
    ("本报评论员", ()),
    ("刘红", ("刘红",)),
    ("欧阳明", ("欧阳明",)),
    ("李彦生 陈爱国", ("李彦生", "陈爱国")),
])
def test_standalone_byline_forms(line, people):
    from zhpaper.genre import genre

    got = kinds(f"## 标题\n\n{line}\n\n正文第一段。\n")
    assert got[1] == ("byline", line)
    assert genre().byline_people(line) == people


@pytest.mark.parametrize("lead, byline, people", [
    ("本报讯(记者 苗欣)安全生产。", "本报讯(记者 苗欣)", ("苗欣",)),
    ("本报北京1月5日讯 会议召开。", "本报北京1月5日讯", ()),
    ("新华社北京1月5日电（记者 王五 赵六）会议召开。", "新华社北京1月5日电（记者 王五 赵六）", ("王五", "赵六")),
    ("据新华社北京12月30日电西藏部分地区发生雪灾。", "据新华社北京12月30日电", ()),
    ("本报比勒陀利亚12月30日电记者温宪，新华社记者赵毅、尚绪谦报道：外长会谈。",
     "本报比勒陀利亚12月30日电记者温宪，新华社记者赵毅、尚绪谦报道：", ("温宪", "赵毅", "尚绪谦")),
    ("南都讯 记者万蜜 近日，某地发生火灾。", "南都讯 记者万蜜", ("万蜜",)),
])
def test_dateline_forms_split_from_the_lead(lead, byline, people):
    from zhpaper.genre import genre

    got = kinds(f"## 标题\n\n{lead}\n")
    assert got[1] == ("byline", byline)
    assert got[2][0] == "body" and got[2][1] == lead[len(byline):].strip()
    assert genre().byline_people(byline) == people


def test_a_news_sentence_is_not_a_dateline():
    got = kinds("## 标题\n\n他听到这个喜讯就赶来了。\n")
    assert got[1] == ("body", "他听到这个喜讯就赶来了。")


def test_kicker_ending_in_a_dash_is_not_joined_into_the_headline():
    got = kinds("### 沿淮工业污染源达标排放——\n\n## 淮河治污第一战役告捷\n\n本报讯(记者 甲)正文。\n")
    assert [k for k, _ in got[:2]] == ["kicker", "headline"]


def test_a_bare_name_is_a_byline_only_where_a_byline_stands():
    # under a headline, above the text: a byline, and the headline stays a headline
    assert [k for k, _ in kinds("## 更求长篇精品\n\n雷达\n\n一年来的长篇小说整体上看进步很大。\n")] \
        == ["headline", "byline", "body"]
    # on a page without markup, under a headline-like line after a finished paragraph
    plain = "前一篇的最后一段到此结束。\n中篇：寄希望于新生代\n牛玉秋\n中篇小说创作的鲜明特点就是新人辈出。\n"
    assert [k for k, _ in kinds(plain)][1:3] == ["headline", "byline"]
    # a name inside running text, or a word that is no name, is not a byline
    assert [k for k, _ in kinds("## 标题\n\n正文第一段。\n\n王府井\n\n正文第二段。\n")][2] == "body"
    assert [k for k, _ in kinds("## 标题\n\n今哲\n\n正文。\n")][1] != "byline"


def test_a_note_after_a_finished_sentence_closes_the_paragraph():
    from zhpaper.genre import genre

    g = genre()
    assert not g.ends_open("并开始出口国际市场。（王彦田周亮）")
    assert not g.ends_open("会议于昨日闭幕。（完）")
    assert g.ends_open("部分卷烟材料的生产在技术（")
    got = kinds("## 标题\n\n本报讯 去年烟草行业出口国际市场。（王彦田周亮）\n")
    assert got[-1] == ("signature", "（王彦田周亮）")


def test_a_centred_line_is_text_and_under_a_headline_a_byline():
    md = '# 历史深处的回音\n\n<div style="text-align: center;">塞夫</div>\n\n正文第一段写在这里。\n'
    got = fragments.classify(source.from_text(md))
    assert [(f.kind, f.flat) for f in got] == [
        ("headline", "历史深处的回音"), ("byline", "塞夫"), ("body", "正文第一段写在这里。")]
    assert got[1].spans[0].start == md.split("\n")[2].index("塞夫")
    assert fragments.markup_positions('<div style="text-align: center;">塞夫</div>') == (
        set(range(33)) | set(range(35, 41)))


def test_a_plain_line_over_a_dash_subtitle_is_a_headline():
    md = "上一篇的末段到此结束。\n有形的壮大\n——调整中的北京大商业（下）\n本报记者田俊荣\n正文第一段。\n"
    assert [k for k, _ in kinds(md)] == ["body", "headline", "subtitle", "byline", "body"]


def test_a_line_with_a_full_stop_or_an_open_bracket_is_no_headline():
    md = "## 标题\n\n本报讯 正文\n最高气温分别上升０．６３摄氏度。（据\n新华社电）\n"
    assert "headline" not in [k for k, _ in kinds(md)][1:]


def test_two_titles_of_one_level_over_a_byline_are_headline_and_subtitle():
    md = "# “公贿”现象应予整治\n\n# 送“贺礼”，拿“回扣”，吃“中介”\n\n本报记者 李文根\n\n近年来，问题突出。\n"
    assert [k for k, _ in kinds(md)] == ["headline", "subtitle", "byline", "body"]
    # a kicker says so by leading into the headline, or by a smaller heading
    md = "# 沿淮工业污染源达标排放——\n\n# 淮河治污第一战役告捷\n\n本报记者 李文根\n\n正文。\n"
    assert [k for k, _ in kinds(md)][:2] == ["kicker", "headline"]


def test_a_bare_name_over_a_jump_marker_is_a_byline():
    md = "# 年关亦是廉政关\n\n郑宏范\n\n（上接第3版）\n\n近些时日，领导干部的日程表排得很满。\n"
    assert [k for k, _ in kinds(md)] == ["headline", "byline", "marker", "body"]


def test_plain_ocr_lines_a_signature_a_dateline_and_a_name_alone():
    md = ("标题在此\n本报讯 正文到此结束了。\n（李妲）\n新的标题\n"
          "本报比勒陀利亚１月１日电记者温宪报道：\n正文。\n昔日的食堂，如今实行了——\n晏强国\n江西省宜春地区的新鲜事。\n")
    assert [k for k, _ in kinds(md)] == [
        "headline", "byline", "body", "signature", "headline", "byline", "body", "body",
        "byline", "body"]


def test_a_headline_read_into_the_middle_of_a_sentence_is_a_headline():
    # plain OCR read a headline spanning two columns after the first printed line of the
    # lead: the sentence broken off above it goes on below it (终身|制)
    column = ["天津大学的改革走在全国的前列，新", "的规定中说博士生导师不再实行终身"]
    after = ["制。去年底，这所大学首次对在职的", "博士生导师进行了全面的考核和评估", "工作，结果令人满意。"]
    md = "上一篇的末段到此结束。\n" + "\n".join(column) + "\n天津大学博导不再终身制\n" + "\n".join(after) + "\n"
    got = kinds(md)
    assert ("headline", "天津大学博导不再终身制") in got, got
    page = reconstruct_md(md)
    assert any("终身制。去年底" in p.text for a in page.articles for p in a.paragraphs)


def test_a_contributor_byline_by_employer_and_title():
    from zhpaper.genre import genre

    md = "## 改善农村公共管理\n\n国务院发展研究中心研究员卢迈\n\n农村稳定是全局稳定的重要基础。\n"
    assert [k for k, _ in kinds(md)] == ["headline", "byline", "body"]
    assert genre().byline_people("国务院发展研究中心研究员卢迈") == ("卢迈",)
    assert genre().titled_name("他是一名优秀的研究员") is None


def test_a_second_title_is_not_taken_for_a_name():
    from zhpaper.genre import genre

    assert genre().titled_name("全国人大常委会委员和部长") is None  # 和 is a surname too
    assert genre().titled_name("农业部部长刘江") == "刘江"


def test_a_dateline_broken_across_printed_lines_under_a_plain_headline():
    md = ("重要影响。（本报东京１月６日电）\n阿拉伯内政部长理事会声明呼吁加强打击恐怖犯罪\n"
          "新华社突尼斯１月５日\n电（记者刘上阳）第十五届阿拉伯内政部长理事会会议今天闭幕。\n")
    assert [k for k, _ in kinds(md)][1:3] == ["headline", "byline"]


def test_a_kicker_that_leads_into_the_headline_with_a_verb_of_speech():
    md = ("## 任建新在中国法学会四届二次理事会上要求\n\n## 大力加强法学研究推进依法治国进程\n\n"
          "本报北京１月１５日讯记者王比学报道：中央政法委书记任建新今天讲话。\n")
    assert [k for k, _ in kinds(md)][:3] == ["kicker", "headline", "byline"]
