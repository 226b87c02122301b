"""Audit the OCR: find likely misreadings, garbled and lost text; correct transparently.

Detectors (each finding names its ``rule``):

``confusion``
    A character that OCR confuses with a look-alike (``data/confusions.txt``) stands
    alone where its look-alike would form a dictionary word: 接人→接入, 社绝→杜绝.
    Evidence is the gain in log10 probability of the best segmentation of the
    surrounding characters (jieba's dictionary plus ours).
``dash`` / ``ellipsis``
    ``一"…"`` or ``一一"…"`` opening a paragraph whose siblings open with ``——``;
    ``···`` (middle dots) for an ellipsis.
``markup``
    Markdown emphasis inside body text (``**吟**``): the layout tool's artefact.
``repetition``
    The same clause printed twice in a row (``但困惑,但困惑``).
``garbled``
    A run of characters that rarely follow each other in news text (a character
    bigram model, :mod:`zhpaper.charlm`) and that the dictionary cannot segment into
    words: ``在乘路的出行``.
``lost_text`` / ``unbalanced_quote``
    From reconstruction: a paragraph that stops mid-sentence with no continuation, an
    attribution whose quotation is missing, quotation marks without a partner.

Corrections are applied to the clean text only when a finding has a suggestion and
its confidence reaches the threshold; the raw text is never changed, and
:meth:`Audit.revert` undoes any applied correction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import charlm, lexicon
from . import text as textmod
from .fragments import Span
from .lexicon import segment
from .page import Page, Paragraph

SCHEMA = "zhpaper.audit/1"
#: Findings at or above this confidence that carry a suggestion are applied.
THRESHOLD = 0.8
#: Minimum gain (log10) for a confusion to be reported at all.
MIN_CONFUSION_GAIN = 0.5
#: Window mean of :func:`charlm.surprise` below which text may be garbled.
GARBLED_SURPRISE = -0.2
GARBLED_WINDOW = 6
#: A single-character token rarer than this is not an everyday word.
RARE_SINGLE = 30000
_FUNCTION = set("的了在和与及或而并但是也都就又还把被将从向以为于由对等之其各每个这那有无不没")


@dataclass(frozen=True)
class Finding:
    kind: str
    rule: str
    article: str | None
    paragraph: int | None  #: paragraph number within the article, from 1
    start: int | None  #: offsets in the paragraph's clean text
    end: int | None
    source: tuple[Span, ...]
    original: str
    suggestion: str | None
    confidence: float
    evidence: str
    applied: bool = False

    @property
    def line(self) -> int | None:
        return self.source[0].line if self.source else None


@lru_cache(maxsize=1)
def confusion_sets() -> dict[str, frozenset[str]]:
    text = resources.files("zhpaper").joinpath("data/confusions.txt").read_text("utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for c in line:
            out.setdefault(c, set()).update(x for x in line if x != c)
    return {k: frozenset(v) for k, v in out.items()}


def _token_at(text: str, i: int) -> tuple[int, str]:
    for start, word in segment(text):
        if start <= i < start + len(word):
            return start, word
    return i, text[i]


def _confidence(gain: float) -> float:
    return round(1 - 10 ** (-gain), 3)


def _spans(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[Span, ...]:
    """Raw spans of clean-text characters ``start:end`` (one span per raw line run)."""
    spans: list[Span] = []
    for line, col in offsets[start:end]:
        if spans and spans[-1].line == line and spans[-1].end == col:
            spans[-1] = Span(line, spans[-1].start, col + 1)
        else:
            spans.append(Span(line, col, col + 1))
    return tuple(spans)


def _confusions(t: str) -> list[tuple[int, int, str, float, str]]:
    sets = confusion_sets()
    out = []
    for i, c in enumerate(t):
        if c not in sets:
            continue
        lo = max(0, i - 4)
        window = t[lo:i + 5]
        j = i - lo
        if len(_token_at(window, j)[1]) > 1:
            continue  # the character already belongs to a word
        base = lexicon.best_logprob(window)
        best = None
        for alt in sorted(sets[c]):
            candidate = window[:j] + alt + window[j + 1:]
            start, word = _token_at(candidate, j)
            if len(word) < 2:
                continue
            gain = lexicon.best_logprob(candidate) - base
            if gain >= MIN_CONFUSION_GAIN and (best is None or gain > best[0]):
                best = (gain, alt, word, start)
        if best:
            gain, alt, word, start = best
            orig_word = window[start:start + len(word)]
            out.append((i, i + 1, alt, gain,
                        f"'{orig_word}' is not a word; '{word}' is (dictionary frequency "
                        f"{lexicon.word_frequency(word)}); segmentation log10 gain {gain:.2f}"))
    return out


_DASH = re.compile(r'^(一一|一)(?=["“])')
_MIDDLE_DOTS = re.compile(r"[·・•]{3,}")
_EMPHASIS = re.compile(r"\*{1,3}([^*\n]{1,10})\*{1,3}")
_REPEAT = re.compile(r"([\u4e00-\u9fff]{3,8})([,，;；]?)\1")


def _garbled(t: str) -> list[tuple[int, int, float]]:
    """Runs of improbable character pairs that the dictionary cannot segment."""
    if not charlm.available():
        return []
    cjk = [("\u4e00" <= c <= "\u9fff") for c in t]
    scores = [charlm.surprise(a, b) if cjk[k] and cjk[k + 1] else None
              for k, (a, b) in enumerate(zip(t, t[1:], strict=False))]
    size = GARBLED_WINDOW
    improbable = []  # (start, mean surprise) of windows of improbable pairs
    for i in range(len(scores) - size + 1):
        win = scores[i:i + size]
        if all(s is not None for s in win):
            mean = sum(win) / size
            if mean <= GARBLED_SURPRISE:
                improbable.append((i, mean))
    if not improbable:
        return []  # most paragraphs: no need to segment at all
    single = [False] * len(t)
    for start, word in segment(t):
        if (len(word) == 1 and cjk[start] and word not in _FUNCTION
                and lexicon.word_frequency(word) < RARE_SINGLE):
            single[start] = True
    flagged = [False] * len(t)
    worst = [0.0] * len(t)
    for i, mean in improbable:
        if sum(single[i:i + size + 1]) >= 2:
            for k in range(i, i + size + 1):
                flagged[k] = True
                worst[k] = min(worst[k], mean)
    out, i = [], 0
    while i < len(t):
        if flagged[i]:
            j = i
            while j < len(t) and flagged[j]:
                j += 1
            out.append((i, j, min(worst[i:j])))
            i = j
        else:
            i += 1
    return out


def _lone_quote(t: str) -> int | None:
    """Offset of an unpaired closing quotation mark (``…云谷"。``).

    Straight quotes are paired in reading order; with an odd number, the last one is
    unpaired, and it is reported when it closes a clause (a closer whose opener is lost).
    """
    positions = [i for i, c in enumerate(t) if c in '"“”']
    if len(positions) % 2 == 0 or t.count("“") > t.count("”"):
        return None
    i = positions[-1]
    after = t[i + 1:i + 2]
    return i if after in ("", "。", "，", ",", "；", ";", "!", "！", "?", "？") else None


@dataclass(frozen=True)
class Audit:
    page: Page
    findings: tuple[Finding, ...]
    threshold: float = THRESHOLD

    def paragraph(self, article: str, number: int) -> Paragraph:
        return self.page.article(article).paragraphs[number - 1]

    def corrected(self, article: str, number: int, exclude: frozenset = frozenset()) -> str:
        """The clean text of a paragraph with the applied corrections (minus ``exclude``)."""
        text = self.paragraph(article, number).text
        todo = sorted((f for f in self.findings if f.applied and f.article == article
                       and f.paragraph == number and f not in exclude),
                      key=lambda f: f.start, reverse=True)
        for f in todo:
            text = text[:f.start] + f.suggestion + text[f.end:]
        return text

    def revert(self, article: str, number: int, corrected: str) -> str:
        """Undo every applied correction in ``corrected``: the paragraph's clean text."""
        text = corrected
        applied = sorted((f for f in self.findings if f.applied and f.article == article
                          and f.paragraph == number), key=lambda f: f.start)
        shift, pieces, pos = 0, [], 0
        for f in applied:
            start = f.start + shift
            pieces.append(text[pos:start])
            pieces.append(f.original)
            pos = start + len(f.suggestion)
            shift += len(f.suggestion) - len(f.original)
        pieces.append(text[pos:])
        return "".join(pieces)

    def to_frame(self):
        import pandas as pd

        cols = ["kind", "rule", "article", "paragraph", "line", "source", "original",
                "suggestion", "confidence", "applied", "evidence"]
        rows = [{"kind": f.kind, "rule": f.rule, "article": f.article,
                 "paragraph": f.paragraph, "line": f.line,
                 "source": [s.as_list() for s in f.source], "original": f.original,
                 "suggestion": f.suggestion, "confidence": f.confidence,
                 "applied": f.applied, "evidence": f.evidence} for f in self.findings]
        return pd.DataFrame(rows, columns=cols)

    def to_json(self) -> dict:
        return {"schema": SCHEMA, "source": {"path": self.page.path,
                                             "sha256": self.page.sha256},
                "threshold": self.threshold,
                "findings": [
                    {"kind": f.kind, "rule": f.rule, "article": f.article,
                     "paragraph": f.paragraph, "line": f.line,
                     "source": [s.as_list() for s in f.source], "original": f.original,
                     "suggestion": f.suggestion, "confidence": f.confidence,
                     "applied": f.applied, "evidence": f.evidence}
                    for f in self.findings]}


def audit(page: Page, threshold: float = THRESHOLD) -> Audit:
    """Audit every paragraph of ``page`` (see the module documentation)."""
    findings: list[Finding] = []
    for article in page.articles:
        paragraphs = article.paragraphs
        dashed = any(p.text.startswith("——") for p in paragraphs)
        for number, para in enumerate(paragraphs, start=1):
            t, offsets = textmod.clean_with_offsets(para.raw.split("\n"), para.source)

            def add(kind, rule, start, end, suggestion, confidence, evidence,
                    *, aid=article.id, n=number, text=t, offs=offsets):
                findings.append(Finding(
                    kind, rule, aid, n, start, end, _spans(offs, start, end),
                    text[start:end], suggestion, confidence, evidence,
                    applied=suggestion is not None and confidence >= threshold))

            for start, end, alt, gain, why in _confusions(t):
                add("confusion", "confusion", start, end, alt, _confidence(gain), why)
            m = _DASH.match(t)
            if m:
                add("dash", "dash", 0, m.end(), "——", 0.95 if dashed else 0.5,
                    "an enumerated item opens with 一 where its siblings open with ——"
                    if dashed else "an item opens with 一 before a quotation")
            for m in _MIDDLE_DOTS.finditer(t):
                add("ellipsis", "ellipsis", m.start(), m.end(), "……", 0.9,
                    "middle dots set as an ellipsis")
            for m in _REPEAT.finditer(t):
                add("garbled", "repetition", m.start(), m.end(), None, 0.9,
                    f"'{m.group(1)}' printed twice in a row")
            lone = _lone_quote(t)
            if lone is not None:
                start = max((t.rfind(c, 0, lone) for c in "，,。;；:："), default=-1) + 1
                add("garbled", "unpaired_quote", start, lone + 1, None, 0.7,
                    "a quotation mark closes a quotation that never opened: the words "
                    "before it are damaged or partly lost")
            for start, end, mean in _garbled(t):
                add("garbled", "garbled", start, end, None,
                    round(min(0.95, 0.5 - mean), 3),
                    f"characters that rarely follow each other in news text (mean "
                    f"bigram surprise {mean:.2f}) and few dictionary words")
        for number, para in enumerate(paragraphs, start=1):
            for m in _EMPHASIS.finditer(para.raw.replace("\n", "")):
                spans = tuple(s for s in para.source)
                line_hit = next((s for s in spans if m.group(0) in page.raw_text((s,))), None)
                src = (line_hit,) if line_hit else spans[:1]
                findings.append(Finding("garbled", "markup", article.id, number, None, None,
                                        src, m.group(0), None, 0.9,
                                        "Markdown emphasis inside body text: an OCR artefact"))
    located = {(f.article, f.paragraph) for f in findings if f.rule == "unpaired_quote"}
    for flag in page.flags:
        art = flag.article
        number = None
        if art is not None:
            for n, p in enumerate(page.article(art).paragraphs, start=1):
                if any(s.line == flag.source[0].line for s in p.source):
                    number = n
        kind = "unbalanced_quote" if flag.kind == "unbalanced_quote" else "lost_text"
        if kind == "unbalanced_quote" and (art, number) in located:
            continue  # already reported, located, as an unpaired closing quote
        raw = page.raw_text(flag.source)
        quoted = re.search(r"'([^']+)'", flag.detail)
        original = quoted.group(1) if quoted and quoted.group(1) in raw else raw[-12:]
        findings.append(Finding(kind, flag.kind, art, number, None, None, flag.source,
                                original, None, 0.9 if kind == "lost_text" else 0.6,
                                flag.detail))
    findings.sort(key=lambda f: (f.source[0] if f.source else Span(0, 0, 0), f.rule))
    return Audit(page, tuple(findings), threshold)


__all__ = ["Audit", "Finding", "audit", "THRESHOLD", "SCHEMA"]
