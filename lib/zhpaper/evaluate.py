"""Scores of a reconstruction against known truth (pages from :mod:`zhpaper.damage`)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .damage import DamagedPage
from .page import Page


@dataclass(frozen=True)
class Counts:
    """Raw counts, so that scores can be pooled over many pages."""

    pair_tp: int
    pair_pred: int
    pair_true: int
    join_tp: int
    join_pred: int
    join_true: int
    order_concordant: int
    order_pairs: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.__dict__.values(),
                                               other.__dict__.values(), strict=True)))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


@dataclass(frozen=True)
class Scores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    join_precision: float
    join_recall: float
    kendall_tau: float

    @classmethod
    def from_counts(cls, c: Counts) -> Scores:
        p, r = _ratio(c.pair_tp, c.pair_pred), _ratio(c.pair_tp, c.pair_true)
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0,
                   _ratio(c.join_tp, c.join_pred), _ratio(c.join_tp, c.join_true),
                   2 * _ratio(c.order_concordant, c.order_pairs) - 1)


def count(page: Page, truth: DamagedPage) -> Counts:
    """Compare a reconstructed page with the truth of the damaged page it came from."""
    frags = {f.index: f for f in page.fragments}
    # predicted article and reading position of each body line
    predicted: dict[int, tuple[str, int]] = {}
    for a in page.articles:
        position = 0
        for p in a.paragraphs:
            for index in p.fragments:
                line = frags[index].first_line
                if line in truth.truth:
                    predicted[line] = (a.id, position)
                    position += 1
    lines = sorted(truth.truth)
    pair_tp = pair_pred = pair_true = 0
    for x, y in combinations(lines, 2):
        same_true = truth.truth[x][0] == truth.truth[y][0]
        same_pred = x in predicted and y in predicted and predicted[x][0] == predicted[y][0]
        pair_true += same_true
        pair_pred += same_pred
        pair_tp += same_true and same_pred
    pred_joins = {(frags[j.left].first_line, frags[j.right].first_line) for j in page.joins}
    join_tp = len(pred_joins & truth.joins)
    concordant = pairs = 0
    for x, y in combinations(lines, 2):
        if x in predicted and y in predicted and predicted[x][0] == predicted[y][0] and \
                truth.truth[x][0] == truth.truth[y][0]:
            pairs += 1
            true_order = truth.truth[x] < truth.truth[y]
            pred_order = predicted[x][1] < predicted[y][1]
            concordant += true_order == pred_order
    return Counts(pair_tp, pair_pred, pair_true, join_tp, len(pred_joins), len(truth.joins),
                  concordant, pairs)


def match_audit(findings, errors: list[dict], lines: tuple[str, ...]) -> tuple[set, set]:
    """Match audit findings with a hand-checked list of errors on the same page.

    A finding matches an error on the same line when both are lost text, or when the
    finding's characters overlap the error's (``original`` located in the raw line).
    Returns ``(indices of matched findings, indices of matched errors)``.
    """
    matched_f, matched_e = set(), set()
    for ei, e in enumerate(errors):
        raw = lines[e["line"] - 1]
        col = raw.find(e["original"])
        lo, hi = (col, col + len(e["original"])) if col >= 0 else (0, len(raw))
        for fi, f in enumerate(findings):
            if f.line != e["line"]:
                continue
            whole_line = ("lost_text", "unbalanced_quote")
            if e["kind"] in whole_line or f.kind in whole_line:
                ok = e["kind"] == f.kind
            else:
                ok = any(s.line == e["line"] and s.start < hi and lo < s.end for s in f.source)
            if ok:
                matched_f.add(fi)
                matched_e.add(ei)
    return matched_f, matched_e


def corpus_from_page(page: Page) -> list[dict]:
    """The articles of a reconstructed page in the form :func:`zhpaper.damage.damage`
    takes (title, kicker, subtitle, byline, banner, marker, sections of paragraph
    texts), so that any page can be damaged again to measure the library on it."""
    out = []
    for a in page.articles:
        def text(e):
            return None if e is None else e.text

        out.append({
            "title": a.title, "kicker": text(a.kicker), "subtitle": text(a.subtitle),
            "banner": text(a.banner), "byline": text(a.byline), "marker": text(a.marker),
            "signature": text(a.signature),
            "sections": [{"heading": s.heading, "label": s.label, "kind": s.kind,
                          "paragraphs": [p.text for p in s.paragraphs]}
                         for s in a.sections],
        })
    return out


@dataclass(frozen=True)
class AuditScores:
    """Confusions injected into damaged pages, and how many the audit found."""

    pages: int
    injected: int
    found: int  #: findings of the confusion rule that are new on the damaged page
    correct: int  #: at the injected place, with the original character as suggestion
    applied: int
    applied_correct: int

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.found)

    @property
    def recall(self) -> float:
        return _ratio(self.correct, self.injected)


def audit_on_injected(articles: list[dict], pages: int = 20, rate: float = 0.05,
                      first_seed: int = 0) -> AuditScores:
    """Damage ``articles`` ``pages`` times (seeds ``first_seed`` …), inject look-alike
    characters into about ``rate`` of the body lines, and score the audit's confusion
    rule against that known truth. Findings already present before the injection are
    not counted, so errors of the source text itself do not blur the measure."""
    from . import source
    from .audit import audit
    from .damage import damage, inject_confusions
    from .reconstruct import reconstruct

    injected = found = correct = applied = applied_correct = 0
    for seed in range(first_seed, first_seed + pages):
        d = damage(articles, seed)
        base = audit(reconstruct(source.from_text(d.markdown)))
        before = {(f.line, f.original, f.suggestion) for f in base.findings
                  if f.rule == "confusion"}
        markdown, truth = inject_confusions(d, seed, rate)
        result = audit(reconstruct(source.from_text(markdown)))
        new = [f for f in result.findings if f.rule == "confusion"
               and (f.line, f.original, f.suggestion) not in before]
        want = {(t.line, t.column): t for t in truth}
        for f in new:
            key = next(((s.line, s.start) for s in f.source if (s.line, s.start) in want), None)
            hit = key is not None and want[key].correct == f.suggestion
            correct += hit
            applied += f.applied
            applied_correct += hit and f.applied
        found += len(new)
        injected += len(want)
    return AuditScores(pages, injected, found, correct, applied, applied_correct)
