"""Measuring the OCR audit on clean text it has never seen: false alarms, injected errors.

The People's Daily (January 1998) corpus (:mod:`zhpaper.pd1998`) is clean, edited text,
so on it every applied correction is a false alarm, and so is every garbled-span
finding (kind ``garbled``: the rules garbled, repetition, unpaired_quote and markup;
:func:`zhpaper.tokens.tokens_frame` cuts the words inside such spans into characters).
Its articles are laid out as pages (:func:`zhpaper.evaluation.layout.compose`, the five tool
styles in turn), reconstructed from the Markdown and audited as a user's page would be,
unassigned text included; or audited one article at a time, its paragraphs as a plain
Markdown page (:func:`article_page`), which keeps layout damage out of the measure.

On the same pages, look-alike confusions are injected (about ``rate`` of the body lines
get one character inside a dictionary word replaced by a partner from
``data/confusions.txt``: :func:`zhpaper.evaluation.damage.inject_confusions`), and the applied
corrections are scored against that known truth: precision is the share of applied
corrections that restore an injected character (every other applied correction counts
against it, false alarms on the clean text included), recall the share of injected
characters restored.

What is unseen: the audit's character model (:mod:`zhpaper.charlm`) never learnt
from the test half (:func:`zhpaper.heldout.unseen_lines`). It learns from the dev half,
so for the dev figures the dev half is cut in :data:`DEV_FOLDS` folds by position, and
pages of each fold are audited with a model trained without that fold
(:func:`zhpaper.charlm.without`): dev figures come from a model that saw three eighths
of the corpus, test figures from the library's own model (half of it). The thresholds
of :mod:`zhpaper.audit` were chosen on dev pages only; test pages were only counted.

On the seed page (in-sample): :func:`match_audit` matches the audit's findings with the
hand-checked errors of the evaluation data, and :func:`audit_on_injected` injects
look-alikes into pages damaged again from the seed page's own articles
(:func:`zhpaper.evaluation.damage.damage`) and scores the confusion rule on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field

from .. import charlm, heldout, pd1998, source
from ..audit import CONFUSIONS, Audit, ConfusionRule, audit
from ..errors import ZhpaperError
from ..reconstruct import reconstruct
from . import layout
from .damage import damage, inject_confusions
from .measures import share

#: Share of body lines that get one look-alike character.
RATE = 0.05
#: Folds of the dev half: pages of each are audited with a model trained without it.
DEV_FOLDS = 4


@dataclass(frozen=True)
class CleanScores:
    """Findings of the audit on clean text (every applied correction is a false alarm)."""

    pages: int
    chars: int  #: characters the audit read (paragraphs and unassigned text)
    applied: int  #: applied corrections
    garbled: int  #: findings of kind ``garbled`` (any rule)
    rules: dict[str, int] = field(default_factory=dict)  #: findings by rule

    def per_100k(self, n: int) -> float:
        return 1e5 * n / self.chars if self.chars else 0.0


@dataclass(frozen=True)
class InjectedScores:
    """Applied corrections against injected look-alike confusions."""

    pages: int
    chars: int
    injected: int
    applied: int  #: applied corrections on the injected pages (any rule)
    correct: int  #: applied corrections that restore an injected character

    @property
    def precision(self) -> float:
        return share(self.correct, self.applied, 1.0)

    @property
    def recall(self) -> float:
        return share(self.correct, self.injected)


def audited_chars(page) -> int:
    """Characters of the page's text the audit reads: paragraphs and unassigned text."""
    return (sum(len(p.text) for a in page.articles for p in a.paragraphs)
            + sum(len(u.text) for u in page.unassigned))


def article_page(article: pd1998.CorpusArticle) -> str:
    """One corpus article as a plain Markdown page: its headline, then its paragraphs."""
    return "\n\n".join([f"# {article.title}", *article.paragraphs]) + "\n"


def _folds(half: str) -> list[tuple[tuple[pd1998.CorpusArticle, ...], bool]]:
    """``(articles, hold out of the model)`` for each part a measure reads."""
    arts = pd1998.half(half)
    if half == "test":
        return [(arts, False)]
    cuts = [len(arts) * k // DEV_FOLDS for k in range(DEV_FOLDS + 1)]
    return [(arts[a:b], True) for a, b in zip(cuts, cuts[1:], strict=False)]


@dataclass(frozen=True)
class Sample:
    """A page to audit: its Markdown and, for injection, its layout truth."""

    markdown: str
    seed: int
    laid: layout.LaidPage | None = None


def _samples(arts, count: int, first_seed: int, direct: bool) -> Iterator[Sample]:
    if direct:
        step = max(1, len(arts) // max(count, 1))
        for k in range(count):
            yield Sample(article_page(arts[(first_seed + k * step) % len(arts)]), k)
        return
    for seed in range(first_seed, first_seed + count):
        style = layout.STYLES[seed % len(layout.STYLES)]
        laid = layout.compose(layout.page_articles(arts, seed), seed, style)
        yield Sample(laid.markdown, seed, laid)


def samples(half: str, count: int, *, direct: bool = False,
            first_seed: int = 0) -> Iterator[Sample]:
    """``count`` pages of ``half`` (articles if ``direct``), split over its folds, each
    yielded while the character model leaves out the fold it comes from (see the module
    documentation). Seeds are fixed: the same call gives the same pages."""
    if half not in pd1998.HALVES:
        raise ZhpaperError(f"unknown half {half!r}: use one of {', '.join(pd1998.HALVES)}")
    folds = _folds(half)
    for i, (arts, hold) in enumerate(folds):
        n = count // len(folds) + (i < count % len(folds))
        with ExitStack() as stack:
            if hold:
                stack.enter_context(charlm.without(heldout.seg_lines_of(arts)))
            yield from _samples(arts, n, first_seed + i * 100_000, direct)


def audit_markdown(markdown: str, confusions: ConfusionRule = CONFUSIONS) -> Audit:
    return audit(reconstruct(source.from_text(markdown)), confusions=confusions)


class _Clean:
    """Running counts for :class:`CleanScores`."""

    def __init__(self) -> None:
        self.pages = self.chars = self.applied = self.garbled = 0
        self.rules: Counter[str] = Counter()

    def add(self, result: Audit) -> None:
        self.pages += 1
        self.chars += audited_chars(result.page)
        self.applied += sum(f.applied for f in result.findings)
        self.garbled += sum(f.kind == "garbled" for f in result.findings)
        self.rules.update(f.rule for f in result.findings)

    def scores(self) -> CleanScores:
        return CleanScores(self.pages, self.chars, self.applied, self.garbled,
                           dict(sorted(self.rules.items())))


class _Injected:
    """Running counts for :class:`InjectedScores`."""

    def __init__(self) -> None:
        self.pages = self.chars = self.injected = self.applied = self.correct = 0

    def add(self, result: Audit, truth) -> None:
        want = {(t.line, t.column): t.correct for t in truth}
        applied = [f for f in result.findings if f.applied]
        self.pages += 1
        self.chars += audited_chars(result.page)
        self.injected += len(want)
        self.applied += len(applied)
        self.correct += sum(1 for f in applied if len(f.source) == 1
                            and want.get((f.source[0].line, f.source[0].start)) == f.suggestion)

    def scores(self) -> InjectedScores:
        return InjectedScores(self.pages, self.chars, self.injected, self.applied,
                              self.correct)


def clean_scores(half: str, count: int, *, direct: bool = False,
                 confusions: ConfusionRule = CONFUSIONS) -> CleanScores:
    """The audit on ``count`` clean pages (or articles, if ``direct``) of ``half``."""
    acc = _Clean()
    for s in samples(half, count, direct=direct):
        acc.add(audit_markdown(s.markdown, confusions))
    return acc.scores()


def injected_scores(half: str, count: int, rate: float = RATE,
                    confusions: ConfusionRule = CONFUSIONS) -> InjectedScores:
    """Look-alike confusions injected into ``count`` clean pages of ``half``."""
    acc = _Injected()
    for s in samples(half, count):
        markdown, truth = inject_confusions(s.laid, s.seed, rate)
        acc.add(audit_markdown(markdown, confusions), truth)
    return acc.scores()


def injected_into(pages, rate: float = RATE,
                  confusions: ConfusionRule = CONFUSIONS) -> InjectedScores:
    """Look-alikes injected into given pages (objects with ``markdown`` and ``truth``,
    such as :func:`zhpaper.evaluation.damage.damage`'s), scored as :func:`injected_scores` does."""
    acc = _Injected()
    for seed, page in enumerate(pages):
        markdown, truth = inject_confusions(page, seed, rate)
        acc.add(audit_markdown(markdown, confusions), truth)
    return acc.scores()


@dataclass(frozen=True)
class HalfScores:
    """Everything :func:`measure` counts on one half, for each confusion rule."""

    pages: dict[str, CleanScores]  #: clean laid-out pages
    articles: dict[str, CleanScores]  #: clean articles printed plainly
    injected: dict[str, InjectedScores]  #: the same pages with injected look-alikes


def measure(half: str, pages: int, articles: int, rules: dict[str, ConfusionRule],
            rate: float = RATE) -> HalfScores:
    """:func:`clean_scores` (pages and articles) and :func:`injected_scores` of ``half``
    for every rule of ``rules`` (name → rule), each page laid out, reconstructed and
    injected once."""
    clean = {name: _Clean() for name in rules}
    plain = {name: _Clean() for name in rules}
    inj = {name: _Injected() for name in rules}
    for s in samples(half, pages):
        page = reconstruct(source.from_text(s.markdown))
        markdown, truth = inject_confusions(s.laid, s.seed, rate)
        damaged = reconstruct(source.from_text(markdown))
        for name, rule in rules.items():
            clean[name].add(audit(page, confusions=rule))
            inj[name].add(audit(damaged, confusions=rule), truth)
    for s in samples(half, articles, direct=True):
        page = reconstruct(source.from_text(s.markdown))
        for name, rule in rules.items():
            plain[name].add(audit(page, confusions=rule))
    return HalfScores({k: v.scores() for k, v in clean.items()},
                      {k: v.scores() for k, v in plain.items()},
                      {k: v.scores() for k, v in inj.items()})


def false_alarms(half: str, count: int, *, direct: bool = False) -> list[tuple]:
    """For looking at errors (the dev half only): ``(seed, rule, original, suggestion,
    confidence, context)`` of every applied correction and garbled finding on clean
    pages."""
    if half != "dev":
        raise ZhpaperError("errors are looked at on the dev half only")
    out = []
    for s in samples(half, count, direct=direct):
        result = audit_markdown(s.markdown)
        lines = result.page.lines
        for f in result.findings:
            if f.applied or f.kind == "garbled":
                span = f.source[0] if f.source else None
                context = (lines[span.line - 1][max(0, span.start - 10):span.end + 10]
                           if span else "")
                out.append((s.seed, f.rule, f.original, f.suggestion, f.confidence, context))
    return out


# --- the seed page and its damaged copies -------------------------------------------

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
        return share(self.correct, self.found, 1.0)

    @property
    def recall(self) -> float:
        return share(self.correct, self.injected, 1.0)


def audit_on_injected(articles: list[dict], pages: int = 20, rate: float = 0.05,
                      first_seed: int = 0) -> AuditScores:
    """Damage ``articles`` ``pages`` times (seeds ``first_seed`` …), inject look-alike
    characters into about ``rate`` of the body lines, and score the audit's confusion
    rule against that known truth. Findings already present before the injection are
    not counted, so errors of the source text itself do not blur the measure."""
    injected = found = correct = applied = applied_correct = 0
    for seed in range(first_seed, first_seed + pages):
        d = damage(articles, seed)
        base = audit(reconstruct(source.from_text(d.markdown)))
        before = {(f.line, f.original, f.suggestion) for f in base.findings
                  if f.kind == "confusion"}
        markdown, truth = inject_confusions(d, seed, rate)
        result = audit(reconstruct(source.from_text(markdown)))
        new = [f for f in result.findings if f.kind == "confusion"
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

__all__ = ["AuditScores", "CleanScores", "DEV_FOLDS", "HalfScores", "InjectedScores", "RATE",
           "Sample", "article_page", "audit_markdown", "audit_on_injected", "audited_chars",
           "clean_scores", "false_alarms", "injected_into", "injected_scores", "match_audit",
           "measure", "samples"]
