"""Scores of a reconstruction against known truth (pages from :mod:`zhpaper.evaluation.damage` and
:mod:`zhpaper.evaluation.layout`).

A reconstruction is compared through a :class:`Prediction`: its articles, each with the
first source line of its headline and the source spans of its paragraphs in reading
order. :func:`prediction` makes one from a reconstructed :class:`~zhpaper.page.Page`,
:func:`baseline` from the Markdown alone (a new article at every heading), and
:func:`count` compares either with the truth:

* **article assignment**, pairwise: two body lines of one true article should be in one
  predicted article. Every line of a paragraph's source spans is mapped to the
  paragraph's article and to a reading position (a line in two paragraphs goes with the
  one holding more of its characters);
* **joins**: the pairs of consecutive distinct body lines inside one predicted
  paragraph, against the true joins (consecutive pieces of one paragraph); so a
  multi-line Markdown block counts its internal line joins;
* **within-article order**, Kendall τ over the pairs of lines that share a true and a
  predicted article;
* **headlines**: a predicted article's headline is correct when its first source line
  is a kicker, headline or subtitle line of a true article not matched before;
  precision over predicted articles, recall over true articles;
* **non-text leakage**: characters of figure, table and caption lines that end up
  inside article paragraphs (should be 0).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..fragments import Span
from ..page import Page
from .damage import DamagedPage
from .measures import f1, share

# --- Reconstruction scores ----------------------------------------------------------

#: Header roles whose line may carry a predicted article's headline.
TITLE_ROLES = frozenset({"kicker", "headline", "subtitle"})


@dataclass(frozen=True)
class Counts:
    """Raw counts, so that scores can be pooled over many pages."""

    pair_tp: int  #: pairs of body lines in one article both in the truth and predicted
    pair_pred: int  #: pairs of body lines the prediction puts in one article
    pair_true: int  #: pairs of body lines the truth puts in one article
    join_tp: int  #: joins of fragments both made and true
    join_pred: int  #: joins made
    join_true: int  #: true joins
    order_concordant: int  #: pairs of paragraphs put in the true reading order
    order_pairs: int  #: pairs of paragraphs whose order is compared
    headline_tp: int = 0  #: predicted headlines on a true article's title lines (TITLE_ROLES)
    headline_pred: int = 0  #: predicted headlines
    headline_true: int = 0  #: true headlines
    nontext_leaked: int = 0  #: characters of non-text lines inside article paragraphs
    nontext_chars: int = 0  #: characters of non-text lines on the page

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.__dict__.values(),
                                               other.__dict__.values(), strict=True)))


ZERO = Counts(0, 0, 0, 0, 0, 0, 0, 0)


@dataclass(frozen=True)
class Scores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    join_precision: float
    join_recall: float
    kendall_tau: float
    headline_precision: float = 1.0
    headline_recall: float = 1.0
    headline_f1: float = 1.0

    @classmethod
    def from_counts(cls, c: Counts) -> Scores:
        p, r = share(c.pair_tp, c.pair_pred, 1.0), share(c.pair_tp, c.pair_true, 1.0)
        hp = share(c.headline_tp, c.headline_pred, 1.0)
        hr = share(c.headline_tp, c.headline_true, 1.0)
        return cls(p, r, f1(p, r),
                   share(c.join_tp, c.join_pred, 1.0), share(c.join_tp, c.join_true, 1.0),
                   2 * share(c.order_concordant, c.order_pairs, 1.0) - 1, hp, hr, f1(hp, hr))


@dataclass(frozen=True)
class PredictedArticle:
    """What scoring needs of one predicted article."""

    headline_line: int | None  #: first source line of its headline, if it has one
    paragraphs: tuple[tuple[Span, ...], ...]  #: source spans of each paragraph, in order


@dataclass(frozen=True)
class Prediction:
    articles: tuple[PredictedArticle, ...]


def prediction(page: Page) -> Prediction:
    """The articles of a reconstructed page, as scoring sees them."""
    out = []
    for a in page.articles:
        head = a.headline.source[0].line if a.headline and a.headline.source else None
        out.append(PredictedArticle(head, tuple(p.source for p in a.paragraphs)))
    return Prediction(tuple(out))


def baseline(markdown: str, name: str = "<baseline>") -> Prediction:
    """The naive reconstruction "split at every heading": every Markdown heading starts
    an article and is its headline; the blocks after it belong to it (those before the
    first heading form one more article, without a headline); every Markdown block is
    one paragraph, so the lines inside a block are joined and no other joins are made."""
    from .. import source
    from ..fragments import blocks

    groups: list[tuple[int | None, list[tuple[Span, ...]]]] = []
    for b in blocks(source.from_text(markdown, name)):
        if b.kind == "heading":
            groups.append((b.first_line, []))
        else:
            if not groups:
                groups.append((None, []))
            groups[-1][1].append(b.spans)
    return Prediction(tuple(PredictedArticle(h, tuple(ps)) for h, ps in groups))


def truth_headers(truth) -> dict[int, tuple[int, str]]:
    """Header lines of the truth (line → (article, role)). A page of
    :mod:`zhpaper.evaluation.layout` lists them; on a
    :func:`zhpaper.evaluation.damage.damage` page the kicker, title and subtitle lines are
    found by their text."""
    headers = getattr(truth, "headers", None)
    if headers is not None:
        return headers
    wanted = {}
    for k, art in enumerate(truth.articles):
        for role, key in (("kicker", "kicker"), ("headline", "title"), ("subtitle", "subtitle")):
            if art.get(key):
                wanted.setdefault(art[key].strip(), (k, role))
    out = {}
    for number, line in enumerate(truth.markdown.split("\n"), start=1):
        text = line.strip().lstrip("#").strip()
        if number not in truth.truth and text in wanted:
            out[number] = wanted[text]
    return out


def _positions(pred: Prediction, body: dict) -> tuple[dict[int, tuple[int, int]], set]:
    """Predicted (article, reading position) of every true body line, and the
    predicted joins (consecutive distinct body lines inside one paragraph)."""
    share: Counter[tuple[int, int, int]] = Counter()  # (line, article, paragraph) → chars
    for k, a in enumerate(pred.articles):
        for j, spans in enumerate(a.paragraphs):
            for s in spans:
                if s.line in body:
                    share[(s.line, k, j)] += s.end - s.start
    owner: dict[int, tuple[int, int]] = {}
    for (line, k, j), chars in share.items():
        if line not in owner or chars > share[(line, *owner[line])]:
            owner[line] = (k, j)
    predicted: dict[int, tuple[int, int]] = {}
    joins: set[tuple[int, int]] = set()
    for k, a in enumerate(pred.articles):
        position = 0
        for j, spans in enumerate(a.paragraphs):
            seq = [s.line for s in spans if s.line in body]
            seq = [x for i, x in enumerate(seq) if i == 0 or seq[i - 1] != x]
            joins |= set(zip(seq, seq[1:], strict=False))
            for line in dict.fromkeys(seq):
                if owner[line] == (k, j):
                    predicted[line] = (k, position)
                    position += 1
    return predicted, joins


def _inversions(seq: list[int]) -> int:
    """Pairs i < j with seq[i] > seq[j] (merge sort)."""
    if len(seq) < 2:
        return 0
    mid = len(seq) // 2
    left, right = sorted(seq[:mid]), sorted(seq[mid:])
    count = _inversions(seq[:mid]) + _inversions(seq[mid:])
    i = 0
    for x in right:
        while i < len(left) and left[i] <= x:
            i += 1
        count += len(left) - i
    return count


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _headlines(pred: Prediction, truth) -> int:
    headers = truth_headers(truth)
    matched: set[int] = set()
    for a in pred.articles:
        hit = headers.get(a.headline_line) if a.headline_line is not None else None
        if hit is not None and hit[1] in TITLE_ROLES and hit[0] not in matched:
            matched.add(hit[0])
    return len(matched)


def _leaked(pred: Prediction, nontext: dict[int, str]) -> int:
    return sum(s.end - s.start for a in pred.articles for spans in a.paragraphs
               for s in spans if s.line in nontext)


def count(page: Page | Prediction, truth: DamagedPage) -> Counts:
    """Compare a reconstruction (a page, or a :class:`Prediction`) with the truth of the
    generated page it came from (:class:`~zhpaper.evaluation.damage.DamagedPage` or
    :class:`~zhpaper.evaluation.layout.LaidPage`)."""
    pred = page if isinstance(page, Prediction) else prediction(page)
    body = truth.truth
    predicted, pred_joins = _positions(pred, body)
    true_sizes = Counter(t[0] for t in body.values())
    cells: dict[tuple[int, int], list[int]] = {}
    for line in sorted(body, key=lambda n: body[n]):
        if line in predicted:
            cells.setdefault((body[line][0], predicted[line][0]), []).append(line)
    pred_sizes = Counter(predicted[x][0] for x in predicted)
    pair_tp = sum(_pairs(len(v)) for v in cells.values())
    order_pairs = pair_tp
    concordant = order_pairs - sum(
        _inversions([predicted[x][1] for x in v]) for v in cells.values())
    nontext = getattr(truth, "nontext", {})
    lines = truth.markdown.split("\n")
    return Counts(pair_tp, sum(map(_pairs, pred_sizes.values())),
                  sum(map(_pairs, true_sizes.values())),
                  len(pred_joins & truth.joins), len(pred_joins), len(truth.joins),
                  concordant, order_pairs, _headlines(pred, truth), len(pred.articles),
                  len(truth.articles), _leaked(pred, nontext),
                  sum(len(lines[n - 1].strip()) for n in nontext))


@dataclass
class Row:
    """Pooled counts of the reconstruction and of the baseline over a set of pages."""

    label: str
    pages: int = 0
    failed: int = 0  #: pages whose reconstruction raised or lost characters
    counts: Counts = ZERO
    base: Counts = ZERO
    per_page: list = field(default_factory=list)  #: (seed, Scores, failed) of each page

    def add(self, seed: int, got: Counts, base: Counts, failed: bool) -> None:
        self.pages += 1
        self.failed += failed
        self.counts, self.base = self.counts + got, self.base + base
        self.per_page.append((seed, Scores.from_counts(got), failed))


def score_page(markdown: str, truth, name: str) -> tuple[Counts, Counts, bool]:
    """Counts of the reconstruction of ``markdown`` and of the baseline against
    ``truth``; True if the reconstruction raised or lost characters (then it is scored as
    an empty prediction, so a failing page costs what it should)."""
    from .. import accounting, source
    from ..reconstruct import reconstruct

    failed = False
    try:
        page = reconstruct(source.from_text(markdown, name))
        accounting.check(page)
        got = count(page, truth)
    except Exception:  # noqa: BLE001 - a failing page is counted, not fatal
        got, failed = count(Prediction(()), truth), True
    return got, count(baseline(markdown, name), truth), failed


def style_row(style: str, articles, seeds, progress=None) -> Row:
    """Pooled counts on the pages ``seeds`` of :mod:`zhpaper.evaluation.layout` in ``style``, laid
    out from ``articles`` (corpus articles in date order); ``progress(i, n)`` is called
    after each page."""
    from . import layout

    row, seeds = Row(style), list(seeds)
    for i, seed in enumerate(seeds, start=1):
        laid = layout.compose(layout.page_articles(articles, seed), seed, style)
        row.add(seed, *score_page(laid.markdown, laid, f"{style}-{seed}.md"))
        if progress:
            progress(i, len(seeds))
    return row


def damaged_seed_row(articles: list[dict], seeds, label: str, progress=None) -> Row:
    """Pooled counts on pages :func:`zhpaper.evaluation.damage.damage` makes from ``articles``."""
    from .damage import damage

    row, seeds = Row(label), list(seeds)
    for i, seed in enumerate(seeds, start=1):
        d = damage(articles, seed)
        row.add(seed, *score_page(d.markdown, d, f"damaged-{seed}.md"))
        if progress:
            progress(i, len(seeds))
    return row


def reconstruction_frame(rows: list[Row]):
    """One row per style (or damaged seed set): article, headline, join and order
    scores beside the baseline's, non-text leakage and failures (a pandas DataFrame)."""
    import pandas as pd

    out = []
    for r in rows:
        s, b = Scores.from_counts(r.counts), Scores.from_counts(r.base)
        out.append({"style": r.label, "pages": r.pages,
                    "article F1": s.pairwise_f1, "article F1, baseline": b.pairwise_f1,
                    "headline F1": s.headline_f1, "headline F1, baseline": b.headline_f1,
                    "join P": s.join_precision, "join R": s.join_recall,
                    "order τ": s.kendall_tau,
                    "non-text chars in articles": r.counts.nontext_leaked,
                    "non-text chars": r.counts.nontext_chars, "failed": r.failed})
    return pd.DataFrame(out)
