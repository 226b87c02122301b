"""Keywords three ways: TF-IDF, TextRank and Fightin' Words.

All three take the token table of :func:`zhpaper.tokens.tokens_frame` (one row per
token, an ``article`` column, a ``content`` column marking words that are not stop
words, punctuation or numbers), so they rank the same words and can be compared.

- :func:`tfidf`: term frequency in the article times inverse document frequency over
  the page's own articles (``log((1 + N) / (1 + df)) + 1``, the smoothed form), with
  jieba's general-news IDF beside it (words it does not know get its median IDF, as in
  ``jieba.analyse``). Corpus-internal IDF favours what distinguishes an article on this
  page; jieba's favours what is rare in news at large.
- :func:`textrank`: PageRank (damping 0.85) on the co-occurrence graph of content words
  within a window of 5 tokens (Mihalcea & Tarau 2004). Unlike jieba's default, the
  allowed parts of speech include ``nz`` (policy formulae) and ``ns``/``nt``.
- :func:`fightin_words`: the log-odds ratio with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008): how much more one text uses a word than another,
  as a z-score that accounts for how often the word occurs at all.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache

#: Parts of speech TextRank keeps (jieba tags); nz/ns/nt/nr keep the page's names and
#: formulae, which jieba's default ('ns', 'n', 'vn', 'v') drops in part.
TEXTRANK_POS = ("n", "nz", "ns", "nt", "nr", "vn", "v", "l", "i", "j", "an")
WINDOW = 5
DAMPING = 0.85


def _content(frame):
    # astype(bool): on a page without text the column is empty and of object dtype, and
    # pandas would read an object Series as a list of column names
    return frame[frame["content"].astype(bool)]


@lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (``jieba/analyse/idf.txt``) and its median, for unknown words."""
    from .resources import jieba_file

    idf = {}
    with jieba_file("analyse/idf.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.strip().rpartition(" ")
            if word:
                idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


def tfidf(frame, top: int | None = 10):
    """Per article, words ranked by TF-IDF over the page's articles.

    Columns: ``article``, ``rank``, ``word``, ``count``, ``tf``, ``idf``, ``tfidf``,
    ``jieba_idf``, ``jieba_tfidf``, ``jieba_rank``. Ties are broken by the word, so the
    ranking is the same on every run.
    """
    import pandas as pd

    words = _content(frame)
    counts = {a: Counter(g["word"]) for a, g in words.groupby("article", sort=False)}
    n = len(counts)
    df = Counter(w for c in counts.values() for w in c)
    jidf, median = jieba_idf()
    rows = []
    for article, c in counts.items():
        total = sum(c.values())
        scored = []
        for w, k in c.items():
            tf = k / total
            idf = math.log((1 + n) / (1 + df[w])) + 1
            j = jidf.get(w, median)
            scored.append((article, w, k, tf, idf, tf * idf, j, tf * j))
        jieba_order = sorted(scored, key=lambda s: (-s[7], s[1]))
        by_jieba = {s[1]: r for r, s in enumerate(jieba_order, start=1)}
        for rank, s in enumerate(sorted(scored, key=lambda s: (-s[5], s[1])), start=1):
            if top is not None and rank > top:
                break
            rows.append((s[0], rank, s[1], s[2], s[3], s[4], s[5], s[6], s[7], by_jieba[s[1]]))
    return pd.DataFrame(rows, columns=["article", "rank", "word", "count", "tf", "idf",
                                       "tfidf", "jieba_idf", "jieba_tfidf", "jieba_rank"])


def _pagerank(edges: dict[str, Counter], iterations: int = 100, tol: float = 1e-10):
    nodes = sorted(edges)
    score = {v: 1.0 for v in nodes}
    out_weight = {v: sum(edges[v].values()) for v in nodes}
    for _ in range(iterations):
        new = {}
        for v in nodes:
            s = sum(score[u] * w / out_weight[u] for u, w in edges[v].items() if out_weight[u])
            new[v] = (1 - DAMPING) + DAMPING * s
        delta = max(abs(new[v] - score[v]) for v in nodes) if nodes else 0.0
        score = new
        if delta < tol:
            break
    return score


def textrank(frame, top: int | None = 10, pos: tuple[str, ...] = TEXTRANK_POS):
    """Per article, words ranked by TextRank (see the module documentation).

    Columns: ``article``, ``rank``, ``word``, ``score`` (normalised so the top word has
    1.0), ``count``.
    """
    import pandas as pd

    rows = []
    for article, g in frame.groupby("article", sort=False):
        keep = [(w, c and p in pos) for w, p, c in zip(g["word"], g["pos"], g["content"],
                                                      strict=True)]
        edges: dict[str, Counter] = defaultdict(Counter)
        for i, (w, ok) in enumerate(keep):
            if not ok:
                continue
            edges[w]  # noqa: B018 - a word with no neighbour is still a node
            for v, ok2 in keep[i + 1:i + WINDOW]:
                if ok2 and v != w:
                    edges[w][v] += 1
                    edges[v][w] += 1
        score = _pagerank(edges)
        counts = Counter(w for w, ok in keep if ok)
        best = max(score.values(), default=1.0)
        ranked = sorted(score.items(), key=lambda kv: (-round(kv[1], 12), kv[0]))
        for rank, (w, s) in enumerate(ranked, start=1):
            if top is not None and rank > top:
                break
            rows.append((article, rank, w, s / best, counts[w]))
    return pd.DataFrame(rows, columns=["article", "rank", "word", "score", "count"])


def fightin_words(counts_a: Counter, counts_b: Counter, prior: Counter | None = None,
                  alpha0: float | None = None):
    """Log-odds ratio with informative Dirichlet prior (Monroe et al. 2008, §3.5).

    ``prior`` defaults to ``counts_a + counts_b`` (the texts compared stand for the
    background) and is scaled to ``alpha0`` pseudo-counts in all (default: the size of
    the prior, i.e. as much weight as the data). Returns one row per word: ``word``,
    ``count_a``, ``count_b``, ``delta`` (log-odds of a minus b), ``var``, ``z``;
    sorted by ``z`` descending (words of a first), ties by word.
    """
    import pandas as pd

    prior = prior if prior is not None else counts_a + counts_b
    prior_total = sum(prior.values())
    alpha0 = float(alpha0 if alpha0 is not None else prior_total)
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    rows = []
    for w in sorted(set(counts_a) | set(counts_b)):
        a_w = alpha0 * prior.get(w, 0) / prior_total if prior_total else 0.0
        if a_w <= 0:
            a_w = 0.01  # a word outside the prior still gets a little mass
        y_a, y_b = counts_a.get(w, 0), counts_b.get(w, 0)
        # the rest of the vocabulary keeps a little mass too: a word that is the whole
        # of a text and of the prior (a page of one content word) would divide by zero
        rest_a = max(n_a + alpha0 - y_a - a_w, 0.01)
        rest_b = max(n_b + alpha0 - y_b - a_w, 0.01)
        delta = math.log((y_a + a_w) / rest_a) - math.log((y_b + a_w) / rest_b)
        var = 1 / (y_a + a_w) + 1 / (y_b + a_w)
        rows.append((w, y_a, y_b, delta, var, delta / math.sqrt(var)))
    frame = pd.DataFrame(rows, columns=["word", "count_a", "count_b", "delta", "var", "z"])
    return frame.sort_values(["z", "word"], ascending=[False, True], ignore_index=True)


def fightin_words_by_article(frame, top: int | None = 10):
    """Each article against the rest of the page: its ``top`` most distinctive words.

    Columns: ``article``, ``rank``, ``word``, ``count_a`` (in the article), ``count_b``
    (in the rest), ``z``. Only words an article uses more than the rest do (z > 0)
    are its distinctive words. An article is compared only when the rest of the page has
    content words: alone on its page it has nothing to differ from (every z would be 0),
    so a one-article page gives no rows (:func:`no_distinctive_words` says why).
    """
    import pandas as pd

    words = _content(frame)
    counts = {a: Counter(g["word"]) for a, g in words.groupby("article", sort=False)}
    page = sum(counts.values(), Counter())
    out = []
    for article, c in counts.items():
        if not page - c:
            continue
        fw = fightin_words(c, page - c, prior=page)
        fw = fw[(fw["count_a"] > 0) & (fw["z"] > 0)]
        fw = fw.head(top) if top is not None else fw
        fw = fw.assign(article=article, rank=range(1, len(fw) + 1))
        out.append(fw[["article", "rank", "word", "count_a", "count_b", "z"]])
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame(
        columns=["article", "rank", "word", "count_a", "count_b", "z"])


#: Each method's table function, the name of its score column and of its count column
#: (the counts in the article): the columns differ because the scores do (a TF-IDF
#: weight, a PageRank score, a z-score with the article's and the rest's counts).
METHODS = {
    "tfidf": ("tfidf", "tfidf", "count"),
    "textrank": ("textrank", "score", "count"),
    "fightin_words": ("fightin_words_by_article", "z", "count_a"),
}
SCHEMA = "zhpaper.keywords/1"


def ranking(method: str):
    """The table function of ``method`` (a key of :data:`METHODS`): it takes the token
    table and ``top``. Raises :class:`~zhpaper.ZhpaperError` for an unknown method."""
    from .errors import ZhpaperError

    if method not in METHODS:
        raise ZhpaperError(f"unknown keyword method {method!r}: use one of "
                           f"{', '.join(METHODS)}")
    return globals()[METHODS[method][0]]


def to_json(page, tables: dict, top: int) -> dict:
    """The keywords of every article of ``page`` (schema :data:`SCHEMA`): for each
    method of ``tables`` (method → its table), the ranked words with one ``score`` and
    one ``count`` field, whatever the method calls them."""
    articles = []
    for a in page.articles:
        entry = {"id": a.id, "title": a.title}
        for method, table in tables.items():
            _, score, count = METHODS[method]
            rows = table[table["article"] == a.id]
            entry[method] = [{"word": r["word"], "score": round(float(r[score]), 6),
                              "count": int(r[count])} for _, r in rows.iterrows()]
        articles.append(entry)
    return {"schema": SCHEMA, "source": {"path": page.path, "sha256": page.sha256},
            "top": top, "articles": articles}


def keywords(frame, top: int = 10):
    """The three methods side by side: one row per article and rank, a column each."""
    t = tfidf(frame, top).set_index(["article", "rank"])["word"].rename("tfidf")
    r = textrank(frame, top).set_index(["article", "rank"])["word"].rename("textrank")
    f = fightin_words_by_article(frame, top).set_index(["article", "rank"])["word"]
    return (t.to_frame().join(r, how="outer").join(f.rename("fightin_words"), how="outer")
            .reset_index())


def no_distinctive_words(articles: int) -> str:
    """Why :func:`fightin_words_by_article` gave no rows on a page of ``articles``
    articles, as a sentence for the reader."""
    if articles == 0:
        return "This page has no article, so there is nothing to compare."
    if articles == 1:
        return ("This page has one article. Fightin' Words compares an article with the "
                "rest of the page, and here there is no rest to compare it with.")
    return ("No article on this page uses a word more often than the rest of the page "
            "does, so no word is distinctive of one article.")


def side_by_side(table, value: str = "z", digits: int = 1):
    """A ranked table (``article``, ``rank``, ``word``, ``value``) as one column per
    article and one row per rank, each cell ``word (value)``; no rows for an empty
    table. Articles keep their order of first appearance."""
    import pandas as pd

    if table.empty:
        return pd.DataFrame(columns=["rank"])
    entry = table["word"] + " (" + table[value].round(digits).astype(str) + ")"
    wide = table.assign(entry=entry).pivot(index="rank", columns="article", values="entry")
    wide = wide[list(table["article"].drop_duplicates())]
    return wide.rename_axis(columns=None).reset_index()


# --- Vocabulary shared across articles ----------------------------------------------


def formulae_by_article(texts: dict[str, str]):
    """Political formulae (:func:`zhpaper.genre.count_formulae`) per article: one row
    per formula found, a column of counts per article (in the order of ``texts``) after
    ``articles``, the number of articles using it; most widely shared first, then most
    frequent in the first article, then in order of first appearance. No rows when no
    formula occurs."""
    import pandas as pd

    from .genre import count_formulae

    counts = {k: count_formulae(t) for k, t in texts.items()}
    found = list(dict.fromkeys(f for c in counts.values() for f in c))
    frame = pd.DataFrame({k: [c.get(f, 0) for f in found] for k, c in counts.items()},
                         index=pd.Index(found, name="formula"), dtype=int)
    frame.insert(0, "articles", (frame > 0).sum(axis=1).astype(int))
    order = ["articles", *frame.columns[1:2]]
    return frame.sort_values(order, ascending=False, kind="stable")


def shared_entities(mentions):
    """Entities named in more than one article (``mentions`` as from
    :func:`zhpaper.entities.entities_frame`): ``type``, ``text``, ``articles`` (how many
    name it), then a column of mention counts per article; most widely shared first,
    ties by type and name. No rows when no entity links two articles."""
    import pandas as pd

    ids = list(mentions["article"].drop_duplicates())
    if mentions.empty:
        return pd.DataFrame(columns=["type", "text", "articles"])
    counts = mentions.groupby(["type", "text", "article"]).size().unstack(fill_value=0)
    counts = counts[ids].rename_axis(columns=None)
    counts.insert(0, "articles", (counts > 0).sum(axis=1))
    shared = counts[counts["articles"] > 1].reset_index()
    return shared.sort_values(["articles", "type", "text"], ascending=[False, True, True],
                              ignore_index=True)


__all__ = ["TEXTRANK_POS", "fightin_words", "fightin_words_by_article", "formulae_by_article",
           "jieba_idf", "keywords", "no_distinctive_words", "shared_entities", "side_by_side",
           "textrank", "tfidf"]
