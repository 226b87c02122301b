"""Keywords: TF-IDF, TextRank, Fightin' Words, and the ``keywords`` command."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections import Counter

import pandas as pd
import pytest
from conftest import SEED

import zhpaper
from zhpaper import keywords


def frame_of(docs: dict[str, list[tuple[str, str]]]) -> pd.DataFrame:
    rows = [(a, w, p, True) for a, words in docs.items() for w, p in words]
    return pd.DataFrame(rows, columns=["article", "word", "pos", "content"])


DOCS = {
    "x": [("算力", "n"), ("算力", "n"), ("新区", "ns"), ("发展", "vn")],
    "y": [("安全", "an"), ("安全", "an"), ("责任", "n"), ("发展", "vn")],
}


def test_tfidf_with_page_idf():
    t = keywords.tfidf(frame_of(DOCS), top=None)
    row = t[(t.article == "x") & (t.word == "算力")].iloc[0]
    assert row["count"] == 2 and row.tf == pytest.approx(0.5)
    assert row.idf == pytest.approx(math.log(3 / 2) + 1)
    shared = t[(t.article == "x") & (t.word == "发展")].iloc[0]
    assert shared.idf == pytest.approx(1.0)  # in every article: the smallest IDF
    assert t[t.article == "x"].iloc[0].word == "算力"
    assert set(t.columns) >= {"jieba_idf", "jieba_tfidf", "jieba_rank"}


def test_jieba_idf_gives_unknown_words_the_median():
    idf, median = keywords.jieba_idf()
    t = keywords.tfidf(frame_of({"x": [("一个不存在的词", "n")]}), top=None)
    assert t.jieba_idf.iloc[0] == median and len(idf) > 100000


def test_textrank_keeps_nz_and_ranks_the_hub_first():
    words = [("东数西算", "nz"), ("算力", "n"), ("东数西算", "nz"), ("枢纽", "n"),
             ("东数西算", "nz"), ("新区", "ns")]
    r = keywords.textrank(frame_of({"x": words}), top=None)
    assert r.iloc[0].word == "东数西算" and r.iloc[0].score == 1.0
    assert "nz" in keywords.TEXTRANK_POS


def test_textrank_filters_parts_of_speech():
    r = keywords.textrank(frame_of({"x": [("跑", "v"), ("快", "a"), ("路", "n")]}),
                          top=None, pos=("n",))
    assert list(r.word) == ["路"]


def test_fightin_words_formula():
    a, b = Counter({"安全": 10, "发展": 5}), Counter({"算力": 10, "发展": 5})
    fw = keywords.fightin_words(a, b, prior=a + b, alpha0=30)
    row = fw.set_index("word").loc["安全"]
    a_w = 30 * 10 / 30
    delta = math.log((10 + a_w) / (15 + 30 - 10 - a_w)) - math.log(a_w / (15 + 30 - a_w))
    assert row.delta == pytest.approx(delta)
    assert row.z == pytest.approx(delta / math.sqrt(1 / (10 + a_w) + 1 / a_w))
    assert fw.iloc[0].word == "安全" and fw.iloc[-1].word == "算力"
    assert abs(fw.set_index("word").loc["发展"].z) < 1e-9  # used alike: z = 0


def test_fightin_words_is_symmetric():
    a, b = Counter({"安全": 7, "发展": 3}), Counter({"算力": 4, "发展": 6})
    ab = keywords.fightin_words(a, b).set_index("word").z
    ba = keywords.fightin_words(b, a).set_index("word").z
    assert (ab + ba.loc[ab.index]).abs().max() < 1e-9


@pytest.fixture(scope="module")
def seed_tokens():
    from zhpaper.tokens import tokens_frame
    page = zhpaper.read_page(SEED)
    return tokens_frame(page, zhpaper.audit(page))


def test_seed_keywords_are_the_articles_topics(seed_tokens):
    k = keywords.keywords(seed_tokens, top=5)
    first = k[k["rank"] == 1].set_index("article")
    assert first.loc["a1", "tfidf"] == "治本攻坚"
    assert first.loc["a5", "fightin_words"] == "和林格尔新区"
    assert "宣讲" in set(k[k.article == "a3"].tfidf)
    again = keywords.keywords(seed_tokens, top=5)
    assert k.equals(again)  # deterministic


def test_keywords_command():
    proc = subprocess.run([sys.executable, "-m", "zhpaper", "keywords", str(SEED), "--top",
                           "3"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "zhpaper.keywords/1" and doc["top"] == 3
    first = doc["articles"][0]
    assert {"id", "title", "tfidf", "textrank", "fightin_words"} <= set(first)
    assert len(first["tfidf"]) == 3 and {"word", "score", "count"} == set(first["tfidf"][0])


def test_keywords_command_bad_page(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "zhpaper", "keywords",
                           str(tmp_path / "missing.md")], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("zhpaper: error: ") and proc.stderr.count("\n") == 1
