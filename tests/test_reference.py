"""zhpaper.reference: the 1998 corpus as pages for the archive job, and the comparisons."""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import pandas as pd
import pytest

from zhpaper import ZhpaperError, reference
from zhpaper.corpus_article import CorpusArticle
from zhpaper.tokens import is_content


def token_table(texts: dict[str, list[str]], page: str | None = None) -> pd.DataFrame:
    """A token table (the columns of tokens_frame) with one paragraph per article, each
    a list of words."""
    rows = []
    for article, words in texts.items():
        start = 0
        for word in words:
            rows.append({"article": article, "kind": "paragraph", "paragraph": 1,
                         "sentence": 0, "word": word, "pos": "x", "start": start,
                         "end": start + len(word), "line": 1, "content": is_content(word),
                         "suspect": False})
            start += len(word)
    frame = pd.DataFrame(rows).astype({"paragraph": "Int64"})
    return frame if page is None else frame.assign(page=page)


def side(tokens, facts=0, slogans=()):
    return SimpleNamespace(tokens=tokens, facts=pd.DataFrame({"raw": ["x"] * facts}),
                           slogans=pd.DataFrame({"slogan": list(slogans)}))


PAGE = token_table({"a1": ["安全", "生产", "治本", "攻坚", "，", "压实", "责任", "。"],
                    "a2": ["新质生产力", "算力", "。"]})
CORPUS = pd.concat([token_table({"a1": ["安全", "生产", "压实", "。"]}, page="p1"),
                    token_table({"a1": ["安全", "生产", "农村", "。"],
                                 "a2": ["治本", "农业", "。"]}, page="p2")],
                   ignore_index=True)


def article(number: int = 0, **fields) -> CorpusArticle:
    base = {"number": number, "first_line": 1, "header": ("全国安全生产工作会议召开",),
            "byline": "本报记者王君超", "paragraphs": ("会议指出，要抓好安全生产。", "会议强调，要落实责任。"),
            "tagged": ((), ()), "headings": ((1, "二、落实责任"),)}
    return CorpusArticle(**{**base, **fields})


def test_an_article_is_a_plain_page_with_its_headline_first():
    text = reference.page_markdown(article())
    assert text.splitlines()[0] == "# 全国安全生产工作会议召开"
    blocks = text.strip().split("\n\n")
    assert blocks == ["# 全国安全生产工作会议召开", "本报记者王君超", "会议指出，要抓好安全生产。",
                      "## 二、落实责任", "会议强调，要落实责任。"]
    kicked = reference.page_markdown(article(header=("李鹏在会上强调", "做好安全生产工作"),
                                             byline=None, headings=()))
    assert kicked.split("\n\n")[:2] == ["李鹏在会上强调", "# 做好安全生产工作"]


def test_the_sample_takes_every_nth_article():
    articles = [article(n) for n in range(12)]
    assert [a.number for a in reference.sample(articles, 5)] == [0, 5, 10]
    assert len(reference.sample(articles, 1)) == 12
    with pytest.raises(ZhpaperError):
        reference.sample(articles, 0)


def test_pages_are_named_by_the_articles_number(tmp_path):
    paths = reference.write_pages(tmp_path, [article(7), article(1203)])
    assert [p.name for p in paths] == ["pd1998-0007.md", "pd1998-1203.md"]
    assert paths[0].read_text("utf-8").startswith("# 全国安全生产工作会议召开")


def test_terms_are_new_or_persist_with_rates_per_10000_words():
    table = reference.term_frequencies(side(PAGE), side(CORPUS),
                                       ["安全生产", "治本攻坚", "新质生产力", "不在"])
    rows = table.set_index("term")
    assert list(table["term"]) == ["安全生产", "治本攻坚", "新质生产力", "不在"]
    # 8 words on the page (punctuation left out), 8 in the corpus
    assert rows.loc["安全生产", "page"] == 1 and rows.loc["安全生产", "corpus"] == 2
    assert rows.loc["安全生产", "page_per_10k"] == pytest.approx(10_000 / 8)
    assert rows.loc["安全生产", "corpus_per_10k"] == pytest.approx(20_000 / 8)
    assert rows.loc["安全生产", "corpus_pages"] == 2
    assert rows.loc["安全生产", "status"] == "persists"
    # 治本 and 攻坚 in the corpus are in different articles: never one run
    assert rows.loc["治本攻坚", "corpus"] == 0 and rows.loc["治本攻坚", "status"] == "new"
    assert rows.loc["不在", "page"] == 0


def test_runs_do_not_join_across_pages():
    # the last word of one page and the first of the next, in articles with the same id
    corpus = pd.concat([token_table({"a1": ["安全"]}, page="p1"),
                        token_table({"a1": ["生产"]}, page="p2")], ignore_index=True)
    counts, _ = reference.phrase_counts(corpus, ["安全生产"])
    assert counts["安全生产"] == 0


def test_totals():
    assert reference.word_total(PAGE) == 8
    assert reference.char_total(PAGE) == sum(map(len, PAGE["word"]))
    assert reference.per_10k(3, 0) == 0.0
    assert reference.per_10k(3, 30_000) == pytest.approx(1.0)


def test_fightin_words_use_the_corpus_as_the_prior():
    fw = reference.distinctive_words(side(PAGE), side(CORPUS))
    z = fw.set_index("word")["z"]
    assert z["算力"] > 0 and z["新质生产力"] > 0  # the page's own words
    assert z["农村"] < 0 and z["农业"] < 0  # the corpus's own
    assert z["算力"] > z["安全"]  # a shared word is less distinctive
    assert list(fw.columns) == ["word", "page", "corpus", "page_per_10k",
                                "corpus_per_10k", "delta", "z"]
    assert fw["z"].is_monotonic_decreasing
    # the prior's weight is the page's size by default; a heavier prior shrinks z
    heavy = reference.distinctive_words(side(PAGE), side(CORPUS), alpha0=1_000)
    assert abs(heavy.set_index("word").loc["安全", "delta"]) < abs(
        fw.set_index("word").loc["安全", "delta"])


def test_campaign_verbs_and_densities():
    verbs = reference.campaign_verbs()
    assert {"压实", "倒逼", "狠抓"} <= set(verbs) and all(verbs.values())
    rows = reference.verb_frequencies(side(PAGE), side(CORPUS), {"压实": "press"})
    assert rows.to_dict("records")[0] == pytest.approx({
        "verb": "压实", "gloss": "press", "page": 1,
        "page_per_10k": 10_000 / reference.char_total(PAGE), "corpus": 1,
        "corpus_per_10k": 10_000 / reference.char_total(CORPUS)})
    table = reference.densities(side(PAGE, facts=2, slogans=["三个责任"]),
                                side(CORPUS, facts=0), {"压实": "press"}).set_index("measure")
    assert list(table.index) == ["quantities", "numeric slogans", "campaign verbs"]
    assert table.loc["quantities", "page"] == 2 and math.isnan(table.loc["quantities",
                                                                           "ratio"])
    assert table.loc["campaign verbs", "ratio"] == pytest.approx(
        reference.char_total(CORPUS) / reference.char_total(PAGE))


def test_slogan_counts():
    slogans = pd.DataFrame({"page": ["p1", "p1", "p2", "p2"], "article": ["a1"] * 4,
                            "slogan": ["三通", "三通", "三通", "五好"], "number": [3, 3, 3, 5]})
    top = reference.slogan_counts(slogans)
    assert top.to_dict("records") == [{"slogan": "三通", "number": 3, "mentions": 3, "texts": 2},
                                      {"slogan": "五好", "number": 5, "mentions": 1, "texts": 1}]
    assert reference.slogan_counts(slogans.iloc[:0]).empty
    assert len(reference.slogan_counts(slogans.drop(columns="page"), top=1)) == 1


@pytest.fixture
def few_articles(monkeypatch):
    """``pd1998.articles`` replaced by three made-up articles, after the library's disk
    caches that are learnt from the corpus (the entity tagger, the corpus counts, the
    character model) are built from the real one: built inside the patch, they would be
    learnt from these three articles and written under the real corpus's key, for every
    later run on this machine to read."""
    from zhpaper import charlm, entity_model, heldout, lexicon, pd1998, tokens

    lexicon.junctions()
    tokens.tokenize("在北京")
    charlm.counts()
    entity_model.model()
    heldout.test_half_lines()
    chosen = (article(0), article(1, header=("农业部召开全国农业工作会议",)),
              article(2, header=("做好春节期间市场供应",), byline=None, headings=()))
    monkeypatch.setattr(pd1998, "articles", lambda: chosen)


def test_build_caches_by_key_and_removes_old_folders(tmp_path, few_articles):
    stale = tmp_path / "reference-0000000000000000"
    stale.mkdir()
    (tmp_path / "reference-0000000000000000.lock").touch()
    first = reference.build(tmp_path, every=2, jobs=1)
    assert first.built and first.pages == 2 and first.failed == 0
    assert first.folder.name == f"reference-{reference.cache_key(2)}"
    assert not stale.exists() and not (tmp_path / "reference-0000000000000000.lock").exists()
    record = json.loads((first.folder / "complete.json").read_text("utf-8"))
    assert record["pages"] == 2 and record["every"] == 2
    assert set(first.tokens["page"]) == {"pd1998-0000", "pd1998-0002"}
    again = reference.build(tmp_path, every=2, jobs=1)
    assert not again.built and again.seconds == 0.0 and again.folder == first.folder
    assert len(again.tokens) == len(first.tokens)
    assert reference.cache_key(2) != reference.cache_key(3)
    from zhpaper import entity_model

    tagger = entity_model.model()  # learnt from the real dev half, not the three articles
    assert tagger is None or len(tagger.index) > 10_000


def test_month_counts_are_substrings_of_every_article():
    articles = [article(0), article(1, paragraphs=("安全生产，安全生产月。", "无关。"))]
    table = reference.month_counts(["安全生产", "算力"], articles).set_index("term")
    assert table.loc["安全生产"].tolist() == [5, 2]  # both headlines, three in paragraphs
    assert table.loc["算力"].tolist() == [0, 0]
