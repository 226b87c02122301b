"""People found by their neighbours and shared across a document (zhpaper.entity_people)."""

from __future__ import annotations

from zhpaper.entities import find, find_in
from zhpaper.entity_people import (
    _make_room,
    _person_in_context,
    listed_people,
    person_context,
    share_people,
)
from zhpaper.entity_rules import Entity, rules
from zhpaper.tokens import Token


def _people(found: list[Entity]) -> list[str]:
    return [e.text for e in found if e.type == "person"]


def test_context_words_are_read_from_the_data_file():
    before, after = person_context()
    assert "总理" in before and "先生" in after


def test_a_role_word_before_a_name_makes_it_a_person():
    tokens = [Token("以色列", 0, 3, "ns"), Token("总理", 3, 5, "n"),
              Token("内塔尼亚胡", 5, 10, "nrt"), Token("举行", 10, 12, "v")]
    assert _person_in_context(tokens, 2, rules())


def test_no_context_across_a_dot_joined_name():
    tokens = [Token("部长", 0, 2, "n"), Token("威廉", 2, 4, "nrt"), Token("·", 4, 5, "x"),
              Token("佩里", 5, 7, "nrt")]
    assert not _person_in_context(tokens, 1, rules())


def test_a_name_found_once_is_shared_across_the_document():
    found = find_in(["以色列总理内塔尼亚胡举行会谈。", "内塔尼亚胡拒绝执行协议。"])
    assert _people(found[1]) == ["内塔尼亚胡"]


def test_sharing_replaces_only_a_weak_place_of_the_same_span():
    strong = [Entity("org", "苏哈托基金会", 0, 6, "suffix")]
    assert not _make_room(list(strong), 0, 3)
    weak = [Entity("place", "苏哈托", 0, 3, "model")]
    assert _make_room(weak, 0, 3) and weak == []


def test_sharing_without_people_changes_nothing():
    found = [([Entity("place", "北京", 0, 2, "tag")], [Token("北京", 0, 2, "ns")])]
    assert share_people(found) == found


def test_ordinary_text_gains_no_people():
    assert _people(find("今天天气很好，我们去公园散步。")) == []


def test_a_dot_joined_transliteration_is_one_person():
    found = find("美国前国防部长威廉·佩里一行。")
    assert _people(found) == ["威廉·佩里"]
    assert _people(find("法新社社长让·米奥、法国前三军参谋长。")) == ["让·米奥"]


def test_names_listed_with_a_person_are_people():
    a = Entity("person", "刘伯承", 0, 3, "name")
    text = "刘伯承、杨震（女）、王有根等。"
    assert [e.text for e in listed_people([a], text)] == ["刘伯承", "杨震", "王有根"]
    assert [e.text for e in listed_people([a], "刘伯承、八路军。")] == ["刘伯承"]
