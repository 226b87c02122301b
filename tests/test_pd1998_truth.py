"""The corpus truth's corrections (zhpaper.corpus_features) and the frozen halves."""

from __future__ import annotations

import re

import pytest

from zhpaper import corpus_features, pd1998
from zhpaper.genre import genre

B = pd1998.TEST_FIRST_LINE
OPENS = (genre().lead_byline, pd1998._ENUMERATOR)


def _line(number: int, text: str, tags: tuple = ()) -> pd1998._Line:
    return pd1998._Line(number, text, tags or ((text, "n"),))


def _item(first: int, header: str, paragraphs: list[str], byline: str | None = None
          ) -> pd1998._Item:
    item = pd1998._Item(first, [header], byline=byline)
    item.paragraphs = [_line(first + 1 + k, p) for k, p in enumerate(paragraphs)]
    item.last = "body"
    return item


def test_a_signed_features_unnumbered_headings_become_its_sections():
    feature = _item(10, "房改你真要改吗", ["一年来房改稳步前行。", "各地有进展。"], "本报记者甲")
    section = _item(20, "房改：期待真改", ["房改没有出现突破。", "旧体制还在延续。"])
    broken = pd1998._Item(30, ["金融改革进一步深化，", "金融服务明显增强"])
    broken.paragraphs = [_line(31, "银行降低了利率。")]
    items, merged = corpus_features.merge_sections([feature, section, broken],
                                                   OPENS, B)
    assert merged == 2 and items == [feature]
    assert feature.headings == [(2, "房改：期待真改"), (4, "金融改革进一步深化，金融服务明显增强")]
    assert len(feature.paragraphs) == 5


@pytest.mark.parametrize("make_new", [
    lambda: _item(20, "另一篇", ["本报讯　记者乙报道：某地开会。", "会议决定。"]),  # dateline
    lambda: _item(20, "另一篇", ["某地开会。", "会议决定。"], "本报记者丙"),  # own byline
    lambda: _item(20, "一条美丽的星河——读《追寻永恒》", ["书评。", "好书。"]),  # subtitle
    lambda: _item(B, "跨过界线", ["某地开会。", "会议决定。"]),  # the other half
    lambda: _item(20, "图片新闻", ["１、某地开会。", "２、会议决定。"]),  # a list
])
def test_what_starts_a_new_article_after_a_feature(make_new):
    feature = _item(10, "房改你真要改吗", ["一年来房改稳步前行。", "各地有进展。"], "本报记者甲")
    items, merged = corpus_features.merge_sections([feature, make_new()],
                                                   OPENS, B)
    assert merged == 0 and len(items) == 2


def test_a_signature_closes_the_feature():
    feature = _item(10, "寻呼台", ["寻呼正普及。", "但愿如此。（黄玉生）"], "本报记者甲")
    items, merged = corpus_features.merge_sections(
        [feature, _item(20, "如何选择", ["根据界定。", "目前如此。"])], OPENS, B)
    assert merged == 0 and len(items) == 2


def _group(*lines: tuple[str, tuple]) -> pd1998._Grouping:
    return pd1998._group([_line(k + 1, t, tags) for k, (t, tags) in enumerate(lines)])


BYLINE = ("本报记者王某", (("本报", "r"), ("记者", "n"), ("王某", "nr")))


def test_a_byline_under_a_headline_read_as_a_sentence_takes_it_as_header():
    g = _group(("上一篇", ()), ("正文一句话。", ()), ("正文又一句。", ()),
               ("郑州我怎么对你说……", ()), BYLINE, ("游子对于家乡有感情。", ()))
    assert [(it.header, it.byline) for it in g.items] == [
        (["上一篇"], None), (["郑州我怎么对你说……"], "本报记者王某")]
    assert g.bylines_attached == 1


def test_a_byline_under_a_lead_in_is_the_articles_byline():
    g = _group(("对无证者说不", ()), ("一次性注射器相当一部分未取得注册证。", ()), BYLINE,
               ("记者看到了无证医疗器械。", ()))
    assert [(it.header, it.byline, len(it.paragraphs)) for it in g.items] == [
        (["对无证者说不"], "本报记者王某", 2)]


def test_no_article_is_headed_by_a_byline_alone():
    staff = re.compile(r"^(?:本报|新华社)(?:特约)?记者[\u4e00-\u9fff]{2,4}$")
    assert [a.header for a in pd1998.articles() if len(a.header) == 1
            and staff.match(a.header[0])] == []
    r = pd1998.report()
    assert r.bylines_attached >= 20 and r.sections_merged >= 200


def test_the_halves_keep_their_lines():
    """The test half starts where it started before the corrections (line 9587), and
    every paragraph of each half is text of that half's lines of the file: no text moved
    between the halves."""
    dev, test = pd1998.half("dev"), pd1998.half("test")
    assert B == 9587 == test[0].first_line
    assert max(a.first_line for a in dev) < B <= min(a.first_line for a in test)
    raw = pd1998.corpus_path().read_text("utf-8").split("\n")
    before = "".join(pd1998.line_text(x) for x in raw[:B - 1])
    after = "".join(pd1998.line_text(x) for x in raw[B - 1:])
    def bare(p: str) -> str:
        return pd1998.line_text(p)

    assert [p for a in dev for p in a.paragraphs if bare(p) not in before] == []
    assert [p for a in test for p in a.paragraphs if bare(p) not in after] == []
