"""Audit the OCR: find likely misreadings, garbled and lost text; correct transparently.

Every paragraph of every article is audited, and so is the page's unassigned text (the
text reconstruction could not put into an article): its findings have ``article`` None
and ``paragraph`` k, the k-th item of :attr:`Page.unassigned`. An article's byline (a
dateline such as ``新华社伦敦1月5日电（记者…）``) is read by the character rules
(``confusion``, ``date_day``): its findings have ``paragraph`` None and offsets in
:func:`byline_text`.

Detectors (each finding names its ``rule``):

``confusion``
    A character that OCR confuses with a look-alike (``data/confusions.txt``) where the
    look-alike reads far better: 纪者→记者, 社绝→杜绝, 元字宙→元宇宙. The score adds two
    kinds of evidence, in log10 odds: the gain in probability of the best segmentation
    of the surrounding characters (jieba's dictionary plus ours) when the look-alike
    forms a dictionary word, and the gain under the character n-gram model of news text
    (:func:`zhpaper.charlm.substitution_log_ratio`: four-character n-grams, so the
    three characters on each side count: 水稻、王米 → 玉米); less a penalty when the
    character already belongs to a dictionary word, and one for how often news text
    makes the printed character a word of its own (想 "want", 太 "too", the surname 王:
    想当 stays, 为王 is weighed against 为主; the weights are :class:`ConfusionRule`'s).
    曰 before a quotation mark or a colon says or names (一曰“…”, 子曰：) and is not
    read as 日. A number is a word the dictionary hardly knows: a numeral next to
    another numeral or a digit is read as no look-alike but another numeral (5千部 stays,
    not 5干部), and a numeral before a measure word or answering a numeral two
    characters away, or a measure word after a numeral (八小时, 七寻八问, 七人, 十三遍),
    counts as inside a word (:func:`zhpaper.lookalikes.in_number`). A form the page
    prints three times or more and never as the look-alike's word is the page's own
    word (太学 three times, never 大学), since misreadings are scattered.
    Names are not corrected where they look like names (``data/names.toml``): a
    transliteration (three or more transliteration characters, or a ·-joined name:
    鲁夫塔), a name before a village suffix (头岭, 坎门镇), a person in a list of names
    (许云英、何某, or printed one after another: 陶立华王力), a byline's names (after a
    reporter's role: 本报记者李建国王力; a byline that is a name alone), unless the
    look-alike's word reaches out of the name (新华杜阿拉木图 → 新华社). Nor is one person's name
    read as another's: a look-alike whose word is a person's name in jieba's
    dictionary, where the printed characters open with a surname too (陈冠英 →
    陆冠英), counts only where the n-gram model prefers it.
    Other names are left to the evidence: excusing every common surname standing alone
    (王, 田, 白 …) would also excuse most misreadings of 主, 由, 自 (measured on the dev
    half), and the n-gram model knows names' characters.
``date_day``
    A day of the month printed with 曰 (classical "to say") where the date needs 日:
    ``1月5曰电`` → ``1月5日电``. No dictionary word forms across a digit, so the
    ``confusion`` rule cannot see it; the date pattern can (finding kind ``confusion``).
``dash`` / ``ellipsis``
    ``一"…"`` or ``一一"…"`` opening a paragraph whose siblings open with ``——``;
    ``···`` (middle dots) for an ellipsis.
``markup``
    Markdown emphasis inside body text (``**吟**``): the layout tool's artefact.
``repetition``
    The same clause printed twice in a row, the text going on after the second copy
    as after the first (``但困惑,但困惑,``): a line the OCR read twice. A clause repeated
    at the end of a sentence (``注册了，注册了。``) or as the start of the next one
    (``依靠科学技术，科学技术工作…``) is rhetoric, not damage.
``garbled``
    A run of characters, each a word of its own in the best segmentation, that the PKU
    segmentation of news text rarely makes one-character words (:func:`charlm.standalone`):
    ``党制的蓝路户益``, ``试订科技粉字职久其地笔``. A window of :data:`GARBLED_WINDOW`
    Chinese characters (no punctuation inside) is garbled when the summed costs
    (−log10 of those shares) reach :data:`GARBLED_COST`. Names cost nothing: a common
    surname standing alone with one or two characters after it (林仁碧), a
    transliteration, a short name before a place suffix (坎门镇), and a run the page
    prints more than once (an abbreviation such as 厄特孔院).
``unpaired_quote``
    A closing quotation mark that closes no quotation (``…金融机类据云谷"。``): the words
    before it are damaged or partly lost; not when the paragraph before left a quotation
    open (a quotation that runs over paragraphs). A clean text with full-width
    punctuation sets paired quotation marks full width but keeps every straight mark
    of a paragraph whose marks do not pair (:func:`zhpaper.text.normalise_punctuation`),
    so this rule sees them as printed.
``lost_text`` / ``unbalanced_quote``
    From reconstruction: a paragraph that stops mid-sentence with no continuation, an
    attribution whose quotation is missing, quotation marks without a partner.

Corrections are applied to the clean text only when a finding has a suggestion and
its confidence reaches the threshold; the raw text is never changed, and
:meth:`Audit.revert` undoes any applied correction.

The confusion and garbled thresholds were chosen on pages of the dev half of the
People's Daily 1998 corpus (clean text, and the same with injected look-alikes), with
character models that had not seen them (:mod:`zhpaper.evaluation.audit`); the test half was
only measured. ``scripts/evaluate_audit.py`` prints both and the seed page's figures.

The detectors have modules of their own: :mod:`zhpaper.lookalikes` (``confusion``),
:mod:`zhpaper.garbled` (``garbled``, ``unpaired_quote``) and :mod:`zhpaper.namemask`
(where names are); this module runs every detector over a page and holds the result,
:class:`Audit`. Their names stay importable from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import text as textmod
from .fragments import Span
from .garbled import (
    CHAR_COST,
    GARBLED_COST,
    GARBLED_MIN_CHARS,
    GARBLED_WINDOW,
    _garbled,
    _lone_quote,
    words_of,
)
from .lookalikes import (
    CONFUSION_CONTEXT,
    CONFUSIONS,
    DICTIONARY_ONLY,
    MIN_CONFUSION_CONFIDENCE,
    MIN_CONFUSION_GAIN,
    THRESHOLD,
    ConfusionRule,
    _confusions,
    confusion_sets,
    dictionary_names,
)
from .namemask import NameRules, name_mask, name_rules
from .numbers import DATE_DIGITS
from .page import Page

SCHEMA = "zhpaper.audit/1"


@dataclass(frozen=True)
class Finding:
    kind: str
    rule: str
    article: str | None  #: None for unassigned text and page-level flags
    #: paragraph number within the article (or unassigned item), from 1; None for the
    #: article's byline (``start`` set) and for a flag not located in a paragraph
    paragraph: int | None
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

    @property
    def unassigned(self) -> bool:
        """True for a finding in the page's unassigned text."""
        return self.article is None and self.paragraph is not None


def _spans(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[Span, ...]:
    """Raw spans of clean-text characters ``start:end`` (one span per raw line run)."""
    spans: list[Span] = []
    for line, col in offsets[start:end]:
        if spans and spans[-1].line == line and spans[-1].end == col:
            spans[-1] = Span(line, spans[-1].start, col + 1)
        else:
            spans.append(Span(line, col, col + 1))
    return tuple(spans)


_DASH = re.compile(r'^(一一|一)(?=["“])')
_MIDDLE_DOTS = re.compile(r"[·・•]{3,}")
_EMPHASIS = re.compile(r"\*{1,3}([^*\n]{1,10})\*{1,3}")
_REPEAT = re.compile(r"([\u4e00-\u9fff]{3,8})([,，;；])\1(?=[,，;；])")
#: 曰 ("to say", classical) where a date needs 日: 1月5曰电, 十二月三十一曰
_DATE_DAY = re.compile(rf"(?<=月)[0-9０-９{DATE_DIGITS}十]{{1,3}}(曰)")

#: ``add(kind, rule, start, end, suggestion, confidence, evidence)``
_Add = Callable[[str, str, int, int, str | None, float, str], None]


def _text_findings(u: _Unit, add: _Add, page_text: str, rule: ConfusionRule) -> None:
    """Run the detectors that read one text (a paragraph or an unassigned item; a
    byline gets the character rules only)."""
    t, dashed = u.text, u.dashed
    words = words_of(t)
    mask = name_mask(t, words, page_text, byline=u.number is None and u.article is not None)
    confused = set()
    for start, end, alt, confidence, why in _confusions(t, mask, rule, page_text):
        add("confusion", "confusion", start, end, alt, confidence, why)
        confused.add(start)
    for m in _DATE_DAY.finditer(t):
        if m.start(1) not in confused:
            add("confusion", "date_day", m.start(1), m.end(1), "日", 0.95,
                "a day of the month ends in 曰 where a date needs 日")
    if u.number is None:
        return
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
    lone = None if u.quoted else _lone_quote(t)
    if lone is not None:
        start = max((t.rfind(c, 0, lone) for c in "，,。;；:："), default=-1) + 1
        add("garbled", "unpaired_quote", start, lone + 1, None, 0.7,
            "a quotation mark closes a quotation that never opened: the words "
            "before it are damaged or partly lost")
    for start, end, cost in _garbled(t, words, mask):
        add("garbled", "garbled", start, end, None,
            round(min(0.95, 0.6 + 0.1 * (cost - GARBLED_COST)), 3),
            f"characters standing alone that news text rarely uses as one-character "
            f"words (summed cost {cost:.1f} over {GARBLED_WINDOW} characters)")


@dataclass(frozen=True)
class Audit:
    page: Page
    findings: tuple[Finding, ...]
    threshold: float = THRESHOLD

    def paragraph(self, article: str | None, number: int | None):
        """The :class:`~zhpaper.page.Paragraph` ``number`` (from 1) of ``article``; with
        ``article`` None, the :class:`~zhpaper.page.Unassigned` item ``number``; with
        ``number`` None, the article's byline (an :class:`~zhpaper.page.Element`)."""
        if article is None:
            return self.page.unassigned[number - 1]
        if number is None:
            return self.page.article(article).byline
        return self.page.article(article).paragraphs[number - 1]

    def text(self, article: str | None, number: int | None) -> str:
        """The clean text the findings' offsets refer to."""
        if article is None:
            return unassigned_text(self.page, number)[0]
        if number is None:
            return byline_text(self.page, article)[0]
        return self.paragraph(article, number).text

    def applied(self, article: str | None, number: int | None) -> list[Finding]:
        """The applied corrections of one text (as :meth:`text` takes it), in order."""
        return [f for f in self.findings if f.applied and f.article == article
                and f.paragraph == number]

    def corrected(self, article: str | None, number: int | None,
                  exclude: frozenset = frozenset()) -> str:
        """The clean text of a paragraph (with ``article`` None, of an unassigned item;
        with ``number`` None, of the article's byline) with the applied corrections
        (minus ``exclude``)."""
        fixes = [f for f in self.applied(article, number) if f not in exclude]
        return apply_corrections(self.text(article, number), fixes)[0]

    def revert(self, article: str | None, number: int | None, corrected: str) -> str:
        """Undo every applied correction in ``corrected``: the paragraph's clean text."""
        text = corrected
        applied = sorted(self.applied(article, number), key=lambda f: f.start)
        shift, pieces, pos = 0, [], 0
        for f in applied:
            start = f.start + shift
            pieces.append(text[pos:start])
            pieces.append(f.original)
            pos = start + len(f.suggestion)
            shift += len(f.suggestion) - len(f.original)
        pieces.append(text[pos:])
        return "".join(pieces)

    def _rows(self) -> list[dict]:
        return [{"kind": f.kind, "rule": f.rule, "article": f.article,
                 "paragraph": f.paragraph, "line": f.line,
                 "source": [s.as_list() for s in f.source], "original": f.original,
                 "suggestion": f.suggestion, "confidence": f.confidence,
                 "applied": f.applied, "evidence": f.evidence} for f in self.findings]

    def to_frame(self):
        import pandas as pd

        cols = ["kind", "rule", "article", "paragraph", "line", "source", "original",
                "suggestion", "confidence", "applied", "evidence"]
        return pd.DataFrame(self._rows(), columns=cols)

    def to_json(self) -> dict:
        return {"schema": SCHEMA, "source": {"path": self.page.path,
                                             "sha256": self.page.sha256},
                "threshold": self.threshold, "findings": self._rows()}


def apply_corrections(text: str, fixes: list[Finding],
                      offsets: list[tuple[int, int]] | None = None
                      ) -> tuple[str, list[tuple[int, int]] | None]:
    """``text`` with ``fixes`` (applied findings of that text) put in, the last first so
    that the offsets of the others hold; with ``offsets`` (the raw ``(line, column)`` of
    each character) also the offsets of the corrected text: the characters of a
    replacement map to the first raw character they replace."""
    offs = None if offsets is None else list(offsets)
    for f in sorted(fixes, key=lambda f: f.start, reverse=True):
        if offs is not None:
            anchor = offs[f.start] if f.start < len(offs) else offs[-1]
            offs[f.start:f.end] = [anchor] * len(f.suggestion)
        text = text[:f.start] + f.suggestion + text[f.end:]
    return text, offs


def shift_before(fixes: list[Finding], position: int) -> int:
    """How far ``position`` in a clean text moves in the corrected text: the change in
    length of the ``fixes`` (applied findings of that text) that end at or before it."""
    return sum(len(f.suggestion) - (f.end - f.start) for f in fixes if f.end <= position)


def unassigned_text(page: Page, number: int) -> tuple[str, list[tuple[int, int]]]:
    """Clean text and raw offsets of the page's unassigned item ``number`` (from 1)."""
    item = page.unassigned[number - 1]
    pieces = [page.lines[s.line - 1][s.start:s.end] for s in item.source]
    return textmod.clean_with_offsets(pieces, item.source)


def byline_text(page: Page, article: str) -> tuple[str, list[tuple[int, int]]]:
    """Clean text and raw offsets of ``article``'s byline (empty without one)."""
    byline = page.article(article).byline
    if byline is None:
        return "", []
    pieces = [page.lines[s.line - 1][s.start:s.end] for s in byline.source]
    return textmod.clean_with_offsets(pieces, byline.source)


@dataclass(frozen=True)
class _Unit:
    article: str | None  #: article id, None for unassigned text
    number: int | None  #: paragraph or unassigned item, from 1; None: the byline
    text: str
    offsets: list[tuple[int, int]]
    dashed: bool = False  #: a sibling paragraph opens with ——
    quoted: bool = False  #: the paragraph before left a quotation open


def _units(page: Page) -> list[_Unit]:
    """Every text the audit reads: each article's byline and paragraphs, then the
    unassigned items."""
    out = []
    for article in page.articles:
        if article.byline is not None:
            out.append(_Unit(article.id, None, *byline_text(page, article.id)))
        paragraphs = article.paragraphs
        dashed = any(p.text.startswith("——") for p in paragraphs)
        before = ""
        for number, para in enumerate(paragraphs, start=1):
            t, offsets = textmod.clean_with_offsets(para.raw.split("\n"), para.source)
            out.append(_Unit(article.id, number, t, offsets, dashed, textmod.quote_open(before)))
            before = t
    for number in range(1, len(page.unassigned) + 1):
        t, offsets = unassigned_text(page, number)
        out.append(_Unit(None, number, t, offsets))
    return out


def _markup_findings(page: Page, units: list[_Unit]) -> list[Finding]:
    """Markdown emphasis inside paragraphs, located in the raw line and, by the
    emphasised characters, in the clean text (so that they count as garbled text)."""
    out = []
    where = {(u.article, u.number): {pos: k for k, pos in enumerate(u.offsets)}
             for u in units if u.article is not None and u.number is not None}
    for article in page.articles:
        for number, para in enumerate(article.paragraphs, start=1):
            at = where[(article.id, number)]
            for s in para.source:
                raw = page.lines[s.line - 1][s.start:s.end]
                for m in _EMPHASIS.finditer(raw):
                    k = at.get((s.line, s.start + m.start(1)))
                    start, end = (k, k + len(m.group(1))) if k is not None else (None, None)
                    out.append(Finding(
                        "garbled", "markup", article.id, number, start, end,
                        (Span(s.line, s.start + m.start(), s.start + m.end()),), m.group(0),
                        None, 0.9, "Markdown emphasis inside body text: an OCR artefact"))
    return out


def _flag_findings(page: Page, located: set) -> list[Finding]:
    out = []
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
        # the detail quotes clean text ('…云谷”，艰难…'): found in the raw text whatever
        # the punctuation's width, it is what the finding is about
        quoted = re.search(r"'…?([^']+)'", flag.detail)
        found = quoted and textmod.half_width(quoted.group(1)) in textmod.half_width(raw)
        original = quoted.group(1) if found else raw[-12:]
        out.append(Finding(kind, flag.kind, art, number, None, None, flag.source,
                           original, None, 0.9 if kind == "lost_text" else 0.6,
                           flag.detail))
    return out


def audit(page: Page, threshold: float = THRESHOLD,
          confusions: ConfusionRule = CONFUSIONS) -> Audit:
    """Audit every paragraph and every unassigned item of ``page`` (see the module
    documentation); ``confusions`` weighs the confusion detector's evidence."""
    findings: list[Finding] = []
    units = _units(page)
    page_text = "\n".join(u.text for u in units)
    for u in units:
        def add(kind, rule, start, end, suggestion, confidence, evidence, *, u=u):
            findings.append(Finding(
                kind, rule, u.article, u.number, start, end, _spans(u.offsets, start, end),
                u.text[start:end], suggestion, confidence, evidence,
                applied=suggestion is not None and confidence >= threshold))

        _text_findings(u, add, page_text, confusions)
    findings += _markup_findings(page, units)
    located = {(f.article, f.paragraph) for f in findings if f.rule == "unpaired_quote"}
    findings += _flag_findings(page, located)
    findings.sort(key=lambda f: (f.source[0] if f.source else Span(0, 0, 0), f.rule))
    return Audit(page, tuple(findings), threshold)


__all__ = ["Audit", "CHAR_COST", "CONFUSIONS", "CONFUSION_CONTEXT", "ConfusionRule",
           "DICTIONARY_ONLY", "Finding", "GARBLED_COST", "GARBLED_MIN_CHARS", "GARBLED_WINDOW",
           "MIN_CONFUSION_CONFIDENCE", "MIN_CONFUSION_GAIN", "NameRules", "SCHEMA", "THRESHOLD",
           "apply_corrections", "audit", "byline_text", "confusion_sets", "dictionary_names",
           "name_mask", "name_rules", "shift_before", "unassigned_text", "words_of"]
