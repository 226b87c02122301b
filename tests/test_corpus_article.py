"""An article of the 1998 corpus (zhpaper.corpus_article), importable from pd1998 too."""

from __future__ import annotations

from zhpaper import corpus_article, pd1998


def test_the_old_names_are_the_new_objects():
    assert pd1998.CorpusArticle is corpus_article.CorpusArticle
    assert pd1998.header_roles is corpus_article.header_roles


def test_header_roles_and_views():
    roles = corpus_article.header_roles(("江泽民在考察时指出", "加快发展"))
    assert roles == {"kicker": "江泽民在考察时指出", "title": "加快发展", "subtitle": None}
    art = corpus_article.CorpusArticle(
        0, 1, ("加快发展",), None, ("江泽民在北京。", "第二段。"),
        ((("江", "nr"), ("泽民", "nr"), ("在", "p"), ("北京", "ns"), ("。", "w")),
         (("第二段", "n"), ("。", "w"))))
    assert art.title == "加快发展" and art.people() == ("江泽民",) and art.places() == ("北京",)
    damaged = art.as_damage_article()
    assert damaged["title"] == "加快发展" and damaged["sections"][0]["paragraphs"] == list(
        art.paragraphs)
