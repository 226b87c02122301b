"""The name tagger's parts in their own modules (corpus_names, entity_features), their
names still importable from zhpaper.entity_model."""

from __future__ import annotations

from zhpaper import corpus_names, entity_features, entity_model
from zhpaper.tokens import tokenize


def test_the_old_names_are_the_new_objects():
    assert entity_model.corpus_spans is corpus_names.corpus_spans
    assert entity_model.is_head is corpus_names.is_head
    assert entity_model.features is entity_features.features
    assert entity_model.LABELS is entity_features.LABELS


def test_the_corpus_names_and_their_labels():
    tagged = (("江", "nr"), ("泽民", "nr"), ("在", "p"), ("北京", "ns"), ("会见", "v"))
    names = corpus_names.corpus_names(tagged)
    assert names == [("person", 0, 3), ("place", 4, 6)]
    tokens = tokenize("江泽民在北京会见")
    labels = [entity_features.LABELS[k] for k in entity_features.labels(tokens, names)]
    assert labels[0] == "B-person" and "B-place" in labels
    lex = entity_features.Lexicons({"北京": "place"}, {"北京": "ns"})
    rows = entity_features.features(tokens, lex)
    assert len(rows) == len(tokens) and "w=北京" in rows[[t.text for t in tokens].index("北京")]


def test_the_hand_rules_on_their_own():
    from zhpaper import entities, entity_rules

    assert entities.rules is entity_rules.rules and entities.Entity is entity_rules.Entity
    assert entity_rules.is_name("张科灵")
    found, tokens = entity_rules._first_pass("呼和浩特市公交公司开通新线路。", entity_rules.rules())
    assert [(e.type, e.text) for e in found] == [("org", "呼和浩特市公交公司")]
