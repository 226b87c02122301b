"""The organisation chunker: a proper noun, the nouns after it, a head (sentences written
for these tests, not taken from any corpus or page)."""

from zhpaper import entities
from zhpaper.entity_features import Lexicons
from zhpaper.entity_orgs import _committees, likely_tags, org_chunks
from zhpaper.entity_words import words_of


def _orgs(text: str) -> set[str]:
    return {e.text for e in entities.find(text) if e.type == "org"}


def test_a_name_runs_from_its_opening_word_to_its_last_head():
    # 中共 + a city's committee + a department: one body, as the corpus groups it
    assert _orgs("中共江门市委宣传部部长昨天表示") == {"中共江门市委宣传部"}
    assert _orgs("南京军区政治部文工团演出") == {"南京军区政治部文工团"}


def test_the_place_before_a_body_is_part_of_its_name():
    found = entities.find("江苏省交通厅副厅长说")
    assert [(e.type, e.text) for e in found] == [("org", "江苏省交通厅")]  # no place inside


def test_a_chunk_stops_at_a_verb_and_a_space():
    text = "湖南省邵阳市教育局今年规定"
    assert [text[a:b] for a, b in org_chunks(text)] == ["湖南省邵阳市教育局"]
    spaced = "湖南省邵阳市 教育局今年规定"
    assert all(" " not in spaced[a:b] for a, b in org_chunks(spaced))
    assert all(" " not in e.text for e in entities.find(spaced))


def test_the_corpus_tags_of_the_tagger_are_preferred_to_jiebas():
    text = "大同市委书记昨天说"
    assert words_of(text).fine[0].pos != "ns"  # jieba takes 大同 for an adverb
    assert org_chunks(text, Lexicons({}, {})) == []
    assert [text[a:b] for a, b in org_chunks(text, Lexicons({}, {"大同": "ns"}))] == ["大同市委"]


def test_jiebas_guesses_at_names_are_read_with_care():
    tokens = words_of("某某治安支队").fine
    tags = dict(likely_tags(tokens, Lexicons({}, {})))
    assert "nt" not in tags.values()  # jieba's nt alone names a class as often as a body


def test_a_lone_committee_after_a_city_is_the_citys():
    assert _committees([("天津市", "ns"), ("委", "Ng"), ("书记", "n")]) == [
        ("天津", "ns"), ("市委", "n"), ("书记", "n")]
    assert _committees([("省", "n"), ("委", "Ng")]) == [("省", "n"), ("委", "Ng")]


def test_a_chunk_ending_inside_a_common_noun_is_none():
    assert org_chunks("长沙市公安部门认真整顿") == []  # 公安 部门, not 公安部 门


def test_a_rule_name_running_on_to_a_suffix_the_convention_lacks_stands():
    # 中心 ends no name by the corpus convention, but the rules' chain reaches it
    assert _orgs("中国建设银行广西数据中心建成投产") == {"中国建设银行广西数据中心"}
