"""Each join rule, on small pages made for the purpose."""

from __future__ import annotations

import zhpaper
from zhpaper import source
from zhpaper.lexicon import join_gain, last_word
from zhpaper.reconstruct import reconstruct

HEAD = "## 首府推进安全生产治本攻坚行动\n\n本报讯(记者 苗欣)安全生产治本攻坚行动开展以来,全市形势平稳。\n\n"


def paragraphs(md: str) -> list[str]:
    page = reconstruct(source.from_text(md))
    return [p.text for a in page.articles for p in a.paragraphs]


def test_word_across_the_join():
    assert join_gain("以现代化工产业为基础,积", "极布局中下游") > 2
    assert join_gain("三年行动", "推进落实") == 0


def test_last_word():
    assert last_word("发展的") == "的"
    assert last_word("整治隐患") == "隐患"


def test_printed_lines_of_a_narrow_column_are_joined():
    # a column 18 characters wide; the first line is indented by two
    lines = ["紧盯隐患排查,守好治本攻坚主阵", "地,牢固树立一盘棋思想,强化协调联", "动配合,聚焦三类场所,扎实推进整治", "行动。"]
    md = HEAD + "\n\n".join(lines) + "\n"
    assert paragraphs(md)[1] == "".join(lines).replace(",", "，")  # full-width in the clean text


def test_bare_quantity_clause_continues():
    md = HEAD + "检查生产经营单位近3.7万家,排查整治隐患\n\n3.4万余项,责令125家企业停产整顿。\n"
    assert paragraphs(md)[1].endswith("排查整治隐患3.4万余项，责令125家企业停产整顿。")


def test_function_word_at_the_end_continues():
    md = HEAD + "传统企业开办,要求必须有办公地点,但是\n\n对于数字经济企业来说,远程办公非常普遍。\n"
    assert len(paragraphs(md)) == 2


def test_paragraph_stopping_mid_printed_line_is_not_joined():
    # printed lines of 17 characters (marked by layout spaces); the text stops after 8
    long_open = " ".join(["正在推动呼和浩特中国云谷向世界算谷"] * 3) + " 世界智谷向前迈进"
    md = HEAD + long_open + "\n\n卓尔不凡的速度,来自于新区产业先行的厚重底座。\n"
    page = reconstruct(source.from_text(md))
    assert len(page.articles[0].paragraphs) == 3
    assert any(f.kind == "suspected_loss" for f in page.flags)


def test_displaced_punctuation_joins_the_text_above_it():
    md = HEAD + "呼和浩特是名副其实的全国算力高质量发展\n\n#### 。 新区模式:守住定位 合作共赢\n\n速度与激情往往与供需契合紧密相连。\n"
    page = reconstruct(source.from_text(md))
    assert page.articles[0].paragraphs[1].text.endswith("高质量发展。")
    assert page.articles[0].sections[1].heading == "新区模式：守住定位 合作共赢"


def test_column_cut_continued_far_away():
    md = (
        "## 首府推进安全生产治本攻坚行动\n\n本报讯(记者 苗欣)安全生产治本攻坚行动开展以来,全市形势平稳。\n\n"
        "优化督查督导机制成立 包联指导组对各地区各 部门安全生产治本攻坚 三年行动期间各项任务\n\n"
        "\"全县将深入学习贯\n\n彻全会精神,持续推进科\n\n技创新。\"县委书记说。\n\n"
        "推进落实情况进行包联指导帮扶,确保安全生产责任压实到位。\n"
    )
    texts = paragraphs(md)
    assert any("三年行动期间各项任务推进落实情况" in t for t in texts)
    assert any("全会精神，持续推进科技创新。" in t for t in texts)


def test_no_fragment_has_two_successors_and_no_cycles():
    page = zhpaper.read_page("seeds/000_746b1ecd3a9e4b42.txt")
    lefts = [j.left for j in page.joins]
    rights = [j.right for j in page.joins]
    assert len(lefts) == len(set(lefts)) and len(rights) == len(set(rights))
    used = [i for a in page.articles for p in a.paragraphs for i in p.fragments]
    assert len(used) == len(set(used))


def evidence_for(md: str, left_line: int, right_line: int) -> str:
    page = reconstruct(source.from_text(md))
    frags = {f.index: f for f in page.fragments}
    for j in page.candidates:
        if (frags[j.left].first_line, frags[j.right].first_line) == (left_line, right_line):
            return "; ".join(j.evidence)
    return ""


COLUMN = ["呼和浩特市认真贯彻落实习近", "平总书记重要指示精神,按照党中央", "国务院决策部署以及自治区工作要求", "健全责任体系,强化风险防控。"]


def test_indented_line_opens_a_paragraph():
    lines = COLUMN + ["全力推动呼和浩特市安全生", "产形势持续平稳向好,夯实基层基础。"]
    md = HEAD + "\n\n".join(lines) + "\n"
    assert "indented like the first line" in evidence_for(md, 5 + 2 * 3, 5 + 2 * 4) or \
        len(paragraphs(md)) == 3
    assert len(paragraphs(md)) == 3


def test_full_printed_line_goes_on_after_a_full_stop():
    lines = ["呼和浩特市认真贯彻落实习近", "平总书记重要指示精神,按照党中", "央国务院决策部署及自治区要求。", "健全责任体系,强化风险防控,夯", "实基层基础。"]
    md = HEAD + "\n\n".join(lines) + "\n"
    assert "fills a printed line" in evidence_for(md, 9, 11)
    assert len(paragraphs(md)) == 2


def test_open_quotation_is_evidence():
    md = HEAD + "会议提出要\"坚持以文塑旅、以旅彰\n\n文\",推动文旅深度融合发展。\n"
    assert "inside an open quotation" in evidence_for(md, 5, 7)


def test_broken_word_not_completed_counts_against():
    md = HEAD + "既要有对于该产业在全区乃至世界的精准定位,还要有说干就干的责任与担\n\n有条件就办,没有条件创造条件也要办。\n"
    assert "breaks off after '担'" in evidence_for(md, 5, 7)
    assert len(paragraphs(md)) == 3


def test_column_under_a_header_continues_the_text_above():
    md = (HEAD + "\n\n".join(["积极布局现代煤化工产业", "链条,投资300多亿元建设33个重点"])
          + "\n\n### 另一篇文章的标题\n\n●本报记者 甲\n\n项目,推动产业链向中下游延伸。\n")
    assert "opens a column under a header" in evidence_for(md, 7, 13)


def test_a_narrow_column_after_a_wider_one_is_measured_on_its_own_lines():
    # article one set 18 characters wide, article two 15 wide: a full line of the
    # narrow column is not "indented" by the width of the wide one
    text = ("近几年来，全市上下紧盯隐患排查不放松，牢固树立一盘棋思想，强化协调联动配合，聚焦三类场所，"
            "扎实推进整治行动。各地区各部门认真落实安全生产责任制，层层压实，确保各项措施落地见效。")
    wide = [text[k:k + 18] for k in range(0, len(text), 18)]
    narrow = ["近几年，广大农村地区在解决", "了温饱之后的文化消费是什么？当", "然首选是电视。据统计，到１９９", "６年末，我国农村百户电视机拥有",
              "量达８５台，远远高于其他文化消", "费。"]
    assert {len(x) for x in wide[:-1]} == {18} and {len(x) for x in narrow[1:-1]} == {15}
    md = ("首府推进安全生产治本攻坚行动\n本报讯(记者 苗欣)\n" + "\n".join(wide)
          + "\n卫星小网落户乡镇\n本报记者 计三猛\n" + "\n".join(narrow) + "\n")
    got = paragraphs(md)
    assert got[-1] == "".join(narrow), got


def test_an_open_paragraph_goes_on_into_the_block_right_below_it():
    # weak evidence (no word across the join, no continuation mark), but nothing else
    # on the page can continue the sentence
    md = HEAD + ("这些来信来访者中，有些是为向老邱学习，有些则向老邱伸手。某市残联的代表，走时\n\n"
                 "从老邱那里带去其三分之一工资。还有一些孤寡老人要求他去照顾。\n")
    got = paragraphs(md)
    assert got[-1].startswith("这些来信") and got[-1].endswith("要求他去照顾。"), got


def test_a_column_printed_above_its_article_is_read_after_the_paragraph_it_continues():
    # the tool emitted the second column (its first line the end of paragraph two) above
    # the headline: paragraph two is put back together and paragraph three follows it
    md = ("先实现了全面覆盖，群众满意度大幅提升。\n\n第三段是一段完整的话，讲的是今后的打算。\n\n"
          "## 首府推进安全生产治本攻坚行动\n\n本报讯(记者 苗欣)第一段讲的是安全生产治本攻坚行动的总体情况。\n\n"
          "第二段开始讲具体的做法，全市各地区各部门率\n")
    got = [p[:4] for p in paragraphs(md)]
    assert got == ["第一段讲", "第二段开", "第三段是"], got


# --- Closing notes (a credit in brackets) cut at a column break ----------------------

NEXT = ("## 菜篮子丰盈\n\n本报记者 王小明\n\n城郊的蔬菜大棚今年扩大了种植面积，农技站派出专家"
        "指导菜农科学施肥，节日期间市场供应充足。\n")


def test_a_paragraph_closed_by_a_cut_credit_does_not_go_on_into_the_next_article():
    md = (HEAD + "全市将继续开展隐患排查，确保群众平安过节。（本报\n\n记者张小红）\n\n" + NEXT)
    page = reconstruct(source.from_text(md))
    assert page.articles[0].paragraphs[-1].text.endswith("（本报记者张小红）")
    assert page.articles[1].paragraphs[0].text.startswith("城郊的蔬菜大棚")


def test_a_credit_left_open_is_not_continued_by_a_new_sentence():
    md = HEAD + "全市将继续开展隐患排查，确保群众平安过节！（市安监\n\n" + NEXT
    page = reconstruct(source.from_text(md))
    assert page.articles[0].paragraphs[-1].text.endswith("（市安监")
    assert page.articles[1].paragraphs[0].text.startswith("城郊的蔬菜大棚")


def test_text_cut_by_a_jump_to_another_page_does_not_go_on_into_the_next_article():
    md = (HEAD + "全市将在春节前完成老旧管网的\n\n（下转第3版）\n\n## 菜篮子丰盈\n\n"
          "改造工作由市建委统一部署，城郊的蔬菜大棚今年扩大了种植面积，节日期间市场供应充足。\n")
    page = reconstruct(source.from_text(md))
    assert page.articles[0].paragraphs[-1].text.endswith("老旧管网的")
    assert page.articles[1].paragraphs[0].text.startswith("改造工作")


def test_a_block_goes_on_into_the_short_tail_below_it_not_past_it():
    # a paragraph cut at a column break, its short tail printed right below it; the next
    # block down opens another article
    head = ("节日前夕，市里组织慰问组走访了全市的困难职工家庭，送去米面油和慰问金，"
            "并向他们致以新春的问候，祝大家")
    md = (HEAD + head + "\n\n身体健康，阖家欢乐。\n\n" + NEXT)
    page = reconstruct(source.from_text(md))
    assert page.articles[0].paragraphs[-1].text.endswith("祝大家身体健康，阖家欢乐。")
    assert page.articles[1].paragraphs[0].text.startswith("城郊的蔬菜大棚")


def test_a_block_does_not_go_back_up_into_the_opening_of_its_article():
    # the opening under the header shares the left end's words, but it is above it
    md = ("## 暖气进万家\n\n本报记者 王小明\n\n"
          "热力公司今年改造供热管网三十公里，供热管网改造让居民家中室温提高了两度。\n\n"
          "热力公司表示，明年还将继续改造老旧供热管网，让全市更多的居民家庭\n\n温暖过冬。\n")
    page = reconstruct(source.from_text(md))
    assert page.articles[0].paragraphs[-1].text.endswith("居民家庭温暖过冬。")


# --- The first printed line of a block, and punctuation hung past a column ----------

def _block(lines: list[str]) -> str:
    """A Markdown block whose printed lines the tool kept apart with layout spaces."""
    return " ".join(lines)


#: a paragraph in printed lines 15 wide (the first indented by two), cut by a column
#: break at the end of a printed line, in mid-sentence
CUT = _block(["今年以来，市里把改善民生作", "为头等大事来抓，先后出台了十几",
              "项具体措施，覆盖教育、医疗、养", "老、住房和就业等方面，各项措施"])
#: the next paragraph: its first printed line is indented
NEXT_PARAGRAPH = _block(["与此同时，各区县也结合自身", "实际制定了配套的办法和细则，形",
                         "成了上下联动的良好工作局面，一", "批群众关心的难题得到了解决。"])
#: the rest of the cut paragraph: its first printed line is as wide as the others
TAIL = _block(["的落实情况每月都要向社会公布一", "次，接受群众的监督和评议，对群",
               "众反映集中的问题限期整改到位。"])


def test_a_block_whose_first_line_is_indented_opens_a_paragraph():
    md = HEAD + CUT + "\n\n" + NEXT_PARAGRAPH + "\n"
    assert "first printed line is indented" in evidence_for(md, 5, 7)
    assert len(paragraphs(md)) == 3


def test_a_block_whose_first_line_is_full_goes_on_from_a_column_above():
    md = HEAD + CUT + "\n\n" + NEXT_PARAGRAPH + "\n\n" + TAIL + "\n"
    assert "first printed line is full" in evidence_for(md, 5, 9)
    assert any(t.endswith("各项措施的落实情况每月都要向社会公布一次，接受群众的监督和评议，"
                          "对群众反映集中的问题限期整改到位。") for t in paragraphs(md))


def test_a_full_line_with_its_full_stop_hung_past_the_column_goes_on():
    # a column 12 wide; the fourth line fills it and its full stop hangs past the end
    lines = ["入冬以来，全市上下认", "真落实各项部署要求，扎实", "推进重点工作，确保各项任",
             "务都能按时保质保量地完成。", "广大干部群众对此给予了充", "分肯定和高度评价，纷纷表",
             "示要把各项工作做好。"]
    head = ("## 首府推进安全生产治本攻坚行动\n\n本报讯(记者 苗欣)安全生产治本攻坚行动开展以来,"
            "全市各地区各部门狠抓落实,形势总体平稳。\n\n")  # the lead is no line of the column
    md = head + "\n\n".join(lines) + "\n"
    assert "fills a printed line" in evidence_for(md, 11, 13)
    assert len(paragraphs(md)) == 2
