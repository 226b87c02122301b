"""The name tagger learnt from the People's Daily 1998 development half."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from zhpaper import entities, entity_model, entity_words


def test_corpus_names_recover_compounds_and_people():
    tagged = [("中央", "n"), ("人民", "n"), ("广播", "vn"), ("电台", "n"), ("、", "w"),
              ("江", "nr"), ("泽民", "nr"), ("、", "w"), ("李", "nr"), ("鹏", "nr"),
              ("朱", "nr"), ("镕基", "nr"), ("在", "p"), ("香港", "ns"), ("特别", "a"),
              ("行政区", "n"), ("和", "c"), ("中国", "ns"), ("国务院", "nt"),
              ("举行", "v"), ("干部", "n"), ("会议", "n")]
    text = "".join(w for w, _ in tagged)
    names = {(kind, text[a:b]) for kind, a, b in entity_model.corpus_names(tagged)}
    assert names == {("org", "中央人民广播电台"), ("person", "江泽民"), ("person", "李鹏"),
                     ("person", "朱镕基"), ("place", "香港特别行政区"), ("place", "中国"),
                     ("org", "国务院")}


def test_is_head():
    assert entity_model.is_head("电台") and entity_model.is_head("委员会")
    assert not entity_model.is_head("干部") and not entity_model.is_head("座谈会")


def test_decode_keeps_the_labels_well_formed():
    i_org = entity_model.LABELS.index("I-org")
    scores = np.log(np.full((3, len(entity_model.LABELS)), 0.01))
    scores[:, i_org] = 0.0  # every word most likely inside an organisation
    path = [entity_model.LABELS[k] for k in entity_model.decode(scores)]
    assert path[0] == "B-org" and path[1:] == ["I-org", "I-org"]


@dataclass(frozen=True)
class _Article:
    paragraphs: tuple[str, ...]
    tagged: tuple[tuple[tuple[str, str], ...], ...]


def _article(*paragraphs: list[tuple[str, str]]) -> _Article:
    return _Article(tuple("".join(w for w, _ in p) for p in paragraphs),
                    tuple(tuple(p) for p in paragraphs))


def test_a_model_learns_from_tagged_articles_and_finds_names():
    para = [("李", "nr"), ("鹏", "nr"), ("在", "p"), ("北京", "ns"), ("会见", "v"),
            ("了", "u"), ("客人", "n"), ("。", "w")]
    other = [("他们", "r"), ("在", "p"), ("上海", "ns"), ("参观", "v"), ("。", "w")]
    arts = [_article(para, other) for _ in range(10)]
    m = entity_model.train(arts, epochs=3)
    found = {(kind, "李鹏在北京会见了客人。"[a:b])
             for kind, a, b in m.find("李鹏在北京会见了客人。")}
    assert ("place", "北京") in found and ("person", "李鹏") in found
    assert m.lex.names["北京"] == "place" and m.lex.tags["会见"] == "v"
    assert all(0.0 < p <= 1.0 for _, p in m.find_scored("他们在上海参观。"))
    assert m.find("") == []


def test_a_tagger_learnt_from_a_replaced_corpus_is_never_cached(tmp_path, monkeypatch):
    """A test (or a caller) that replaces ``pd1998.articles`` must not leave a tagger
    learnt from its toy corpus under the real corpus's cache key."""
    from zhpaper import pd1998

    para = [("李", "nr"), ("鹏", "nr"), ("在", "p"), ("北京", "ns"), ("。", "w")]
    toy = tuple(_article(para) for _ in range(5))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    entity_model._built("entity-model-probe", "-probe", lambda: toy)  # the corpus is the real one
    assert list((tmp_path / "zhpaper").glob("entity-model-probe-*"))  # so it is cached
    monkeypatch.setattr(pd1998, "articles", lambda: toy)
    m = entity_model._built("entity-model-probe2", "-probe", lambda: toy)
    assert m is not None and m.lex.names["北京"] == "place"
    assert not list((tmp_path / "zhpaper").glob("entity-model-probe2-*"))


def test_features_are_strings_per_word():
    from zhpaper.tokens import tokenize

    tokens = tokenize("李鹏会见了克林顿")
    lex = entity_model.Lexicons({"克林顿": "person"}, {"会见": "v"})
    feats = entity_model.features(tokens, lex, tokenize("李鹏会见了克林顿", pku=False))
    assert len(feats) == len(tokens)
    assert any(f.startswith("gzB=person") for fs in feats for f in fs)


def test_the_learnt_tagger_retypes_and_drops_what_rests_on_jieba_tags_alone():
    r = entities.rules()
    text = "联合国销毁伊拉克的武器"
    ruled = [entities.Entity("person", "伊拉克", 5, 8, "tag")]  # jieba: 伊拉克/nr
    merged = entities._merge(ruled, [(("place", 5, 8), 0.99)], text, r)
    assert [(e.type, e.text, e.rule) for e in merged] == [("place", "伊拉克", "model")]
    assert entities._merge(ruled, [(("place", 5, 8), 0.5)], text, r) == []  # not sure
    place = [entities.Entity("place", "伊拉克的", 5, 9, "tag")]  # a place the tagger cuts
    merged = entities._merge(place, [(("place", 5, 8), 0.99)], text, r)
    assert [(e.type, e.text) for e in merged] == [("place", "伊拉克")]
    strong = [entities.Entity("org", "联合国", 0, 3, "dictionary")]
    merged = entities._merge(strong, [(("place", 0, 2), 0.99)], text, r)
    assert [(e.type, e.text) for e in merged] == [("org", "联合国")]
    # the tagger adds the organisations it is sure of, none over a space, no vetoed words
    assert entities._merge([], [(("org", 0, 3), 0.5), (("place", 0, 2), 0.99)], "新区发展",
                           r) == []
    merged = entities._merge([], [(("org", 0, 4), 0.95)], "江门海关说", r)
    assert [(e.type, e.text) for e in merged] == [("org", "江门海关")]
    assert entities._merge([], [(("org", 0, 5), 0.95)], "江门 海关说", r) == []


def test_rules_alone_without_the_corpus(monkeypatch):
    monkeypatch.setattr(entities, "model", lambda: None)
    found = {(e.type, e.text) for e in entities.find("李鹏会见了克林顿")}
    assert {("person", "李鹏"), ("person", "克林顿")} <= found


def test_the_cached_model_is_built_from_the_dev_half():
    m = entity_model.model()
    assert m is not None and len(m.index) > 10_000
    assert m.weights.shape == (len(m.index) + 1, len(entity_model.LABELS))
    assert m.lex.names.get("江泽民") == "person"


def test_no_learnt_person_inside_a_short_quotation():
    r = entities.rules()
    text = "“蒙杨开”服务平台"
    assert entities._merge([], [(("person", 2, 3), 0.99)], text, r) == []
    text = "“杨开”说"
    assert [e.text for e in entities._merge([], [(("person", 1, 3), 0.99)], text, r)] == ["杨开"]
    assert entities._merge([], [(("place", 1, 3), 0.99)], "“中国云谷”", r) == []  # a nickname


def _toy_articles(n: int = 10) -> list[_Article]:
    para = [("李", "nr"), ("鹏", "nr"), ("在", "p"), ("北京", "ns"), ("会见", "v"),
            ("了", "u"), ("客人", "n"), ("。", "w")]
    other = [("他们", "r"), ("在", "p"), ("上海", "ns"), ("参观", "v"), ("。", "w")]
    return [_article(para, other) for _ in range(n)]


def test_examples_are_compact_int32_rows():
    from zhpaper.tokens import tokenize

    arts = _toy_articles()
    x, y, index, lex = entity_model._examples(arts, 5)
    words = sum(len(tokenize(p)) for a in arts for p in a.paragraphs)
    assert x.dtype == np.int32 and len(x) == len(y) == words  # one row a word
    assert 0 < x.max() <= len(index) and set(index.values()) == set(range(1, len(index) + 1))
    assert lex.names["北京"] == "place"


def test_pad_fills_rows_and_pads_with_zero():
    x = entity_model._pad(np.array([1, 2, 3, 4, 5], np.int32), [2, 0, 3])
    assert x.tolist() == [[1, 2, 0], [0, 0, 0], [3, 4, 5]]
    assert entity_model._pad(np.array([], np.int32), []).shape == (0, 1)


def test_a_model_reads_a_paragraph_once(monkeypatch):
    m = entity_model.train(_toy_articles(), epochs=2)
    calls = []
    tokenize = entity_words.tokenize
    monkeypatch.setattr(entity_words, "tokenize", lambda *a, **k: calls.append(a)
                        or tokenize(*a, **k))
    entity_words._words.cache_clear()
    first = m.find_scored("李鹏在北京会见了客人。")
    assert m.find_scored("李鹏在北京会见了客人。") == first and len(calls) == 1  # one pass
    first.clear()  # the caller's copy, not the memory
    assert m.find_scored("李鹏在北京会见了客人。") and len(calls) == 1


def test_the_memory_is_per_tokenizer(monkeypatch):
    from zhpaper import tokens

    m = entity_model.train(_toy_articles(), epochs=2)
    m.find("李鹏在北京会见了客人。")
    calls = []
    tokenize = entity_words.tokenize
    monkeypatch.setattr(entity_words, "tokenize", lambda *a, **k: calls.append(a)
                        or tokenize(*a, **k))
    with tokens.without_entries(["北京"]):
        m.find("李鹏在北京会见了客人。")
    assert len(calls) == 1  # read afresh with the other dictionary


def test_held_out_scores_train_on_one_part_and_score_the_other():
    scores = entity_model.held_out_scores(_toy_articles(), share=0.6, epochs=3)
    assert set(scores) == {"person", "place", "org"}
    assert scores["place"] == (1.0, 1.0) and scores["org"] == (0.0, 0.0)
    with pytest.raises(ValueError):
        entity_model.held_out_scores(_toy_articles(), share=1.0)
