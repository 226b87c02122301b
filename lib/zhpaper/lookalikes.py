"""The audit's confusion detector: characters OCR confuses with a look-alike.

A character of ``data/confusions.txt`` is replaced by a look-alike where the look-alike
reads far better (纪者→记者, 社绝→杜绝, 元字宙→元宇宙): the gain of the best dictionary
segmentation of the characters around it, plus the character n-gram model's
(:func:`zhpaper.charlm.substitution_log_ratio`), less a penalty when the character
already belongs to a dictionary word and one for how often it is a word of its own
(:func:`zhpaper.charlm.standalone`), weighed by a :class:`ConfusionRule`; 曰 before a
quotation or a colon (一曰“…”) is left alone, so is a numeral of a number (5千部), and a
form the page prints again and again without its look-alike (:func:`_page_word`); a
numeral or a measure word of a number counts as inside a word (:func:`in_number`).
Names are left alone where they look like names (:mod:`zhpaper.namemask`), and one
person's name is not read as another's. :mod:`zhpaper.audit` describes the rule in full and turns
what this module finds into findings.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from . import charlm, lexicon
from .lexicon import segment
from .namemask import name_rules
from .numbers import MAGNITUDE_CHARS, NUMERAL_CHARS
from .resources import jieba_file, read_data

#: Findings at or above this confidence that carry a suggestion are applied
#: (:func:`zhpaper.audit.audit`); a confusion's confidence is calibrated on it.
THRESHOLD = 0.8
#: Confusions below this confidence are not reported.
MIN_CONFUSION_CONFIDENCE = 0.5
#: A look-alike must improve the dictionary reading by at least this much (log10).
MIN_CONFUSION_GAIN = 0.3
#: Characters on each side of a confusion candidate that the dictionary reading sees.
CONFUSION_CONTEXT = 4
#: Names the confusion rule leaves alone (see :func:`zhpaper.namemask.name_mask`).
_NOT_CORRECTED = frozenset({"foreign", "village", "listed"})
#: What follows 曰 where it means "to say" or "is called" (子曰：, 一曰“…”, 二曰"…"):
#: not a misread 日, which a quotation or a colon does not follow.
_SPEECH = frozenset("“\"「『：:")
#: The characters of a number: Chinese numerals and magnitudes, Arabic digits (ASCII and
#: full width, as the People's Daily prints them).
_NUMBER = frozenset(NUMERAL_CHARS + MAGNITUDE_CHARS + "0123456789０１２３４５６７８９")
#: A printed form the page prints at least this often, where it never prints the
#: look-alike's word, is the page's own word (see :func:`_page_word`).
PAGE_WORD_COUNT = 3


@dataclass(frozen=True)
class ConfusionRule:
    """How the ``confusion`` detector weighs its evidence (:mod:`zhpaper.audit`).

    The defaults were chosen on the dev half (:mod:`zhpaper.evaluation.audit`, two samples:
    the 120 pages and 400 articles ``scripts/evaluate_audit.py`` reads, and as many
    with their seeds moved on by 50,000): the ``lm_weight`` (0.5, 0.7, 1.0 and 1.3
    compared on the candidates' scores, 0.7 and 1.0 then measured) and ``score`` (in
    steps of 0.125) that restore the most injected look-alikes while clean pages and
    articles each get at most one applied correction per 100,000 characters over both
    samples. That gave 2.875; on the default sample of the evaluation script (200 dev
    pages) 2.875 applies 1.15 corrections per 100,000 characters of clean pages, so
    ``score`` was raised to 3.0, the lowest step that holds there too (0.86; injected
    recall 0.922 → 0.918). This second look was prompted by the test half's figure on
    200 pages (1.02 at 2.875), so the test half informed *when* dev was looked at again,
    not the value: the rule that chose it reads dev pages only. ``standalone_weight``
    and ``speech`` came later, from every applied correction on all the dev articles
    printed plainly and 200–400 laid-out dev pages (each a false alarm: 为王 → 为主,
    想当 → 相当, 一曰“…” → 一日, 七寻八问 → 寻人, 陶立华王力 → 主力): weights 0.5, 1.0,
    1.5 and 2.0 at scores 2.5–3.0 were compared on those candidates, and 0.5 at the
    same score 3.0 removed most false alarms for the least injected recall.
    ``numbers``, ``page_words`` and ``lists`` (and the names of bylines and of
    lists, :mod:`zhpaper.namemask`) came from the candidates at a lower score (1.5)
    on all 1,138 dev articles printed plainly and 300 laid-out dev pages, the classes
    of false alarms just below the threshold (两千部 → 干部, 十人 → 十八, 七寻八问 →
    寻人, a place printed eight times read as 大岳, 本报记者…国王政 → 主政, 为王虎鸣、
    马刚 → 为主); the weights were not changed, and the dev sample's injected
    look-alikes were restored as often as before (440/476)."""

    #: weight of the character n-gram model's evidence against the dictionary's
    lm_weight: float = 0.7
    #: score (log10 odds) at which a correction reaches :data:`THRESHOLD`
    score: float = 3.0
    #: subtracted when the character already belongs to a dictionary word
    in_word_penalty: float = 1.0
    #: leave transliterations, village names and listed names alone
    protect_names: bool = True
    #: times the share of the printed character's occurrences in which news text makes
    #: it a word of its own (:func:`zhpaper.charlm.standalone`), subtracted: 想 "want",
    #: 太 "too", the surname 王 read well standing alone, so a look-alike that joins
    #: them into a word (想当 → 相当, 为王 → 为主) must beat that reading too
    standalone_weight: float = 0.5
    #: leave 曰 alone before a quotation mark or a colon, where it says or names
    speech: bool = True
    #: a numeral next to another numeral or a digit belongs to a number and is read as
    #: no look-alike but another numeral (两千部 stays); a numeral before a measure word
    #: or answering a numeral two characters away, and a measure word after a numeral
    #: (八小时, 七寻八问, 十三遍, 七人) belong to one, so ``in_word_penalty`` applies
    #: (:func:`in_number`)
    numbers: bool = True
    #: leave a person in a list of names alone even where the look-alike's word reaches
    #: out of the name (为王春雨、李平 is not 为主): 、 or a byline joins names, not words
    lists: bool = True
    #: leave a printed form alone that the page prints :data:`PAGE_WORD_COUNT` times
    #: or more and never as the look-alike's word (太岳 eight times, never 大岳)
    page_words: bool = True


#: The rule :func:`audit` uses.
CONFUSIONS = ConfusionRule()
#: The rule before character-model evidence and names were weighed (a baseline):
#: a character standing alone, the dictionary's gain alone, confidence 1 − 10^−gain.
DICTIONARY_ONLY = ConfusionRule(lm_weight=0.0, score=-math.log10(1 - THRESHOLD),
                                in_word_penalty=math.inf, protect_names=False,
                                standalone_weight=0.0, speech=False, numbers=False,
                                page_words=False, lists=False)


@lru_cache(maxsize=1)
def confusion_sets() -> dict[str, frozenset[str]]:
    text = read_data("confusions.txt")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for c in line:
            out.setdefault(c, set()).update(x for x in line if x != c)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def measure_words() -> tuple[str, ...]:
    """The units of ``data/units.toml`` (measure words 个, 家, 遍; 小时, 公斤, 美元 …),
    longest first."""
    groups = tomllib.loads(read_data("units.toml"))["units"]
    return tuple(sorted({u for units in groups.values() for u in units}, key=len,
                        reverse=True))


def in_number(t: str, i: int) -> str:
    """What ``t[i]`` is in a number: ``numeral`` for a numeral next to another numeral
    or a digit (两千部, 八一), ``measure`` for a numeral before a measure word (八小时)
    or answering a numeral two characters away (七寻八问, 千家万户), and for a measure
    word right after a numeral or a digit (十三遍, 七人), else ``""``."""
    before = t[i - 1] if i > 0 else ""
    if t[i] in _NUMBER:
        if before in _NUMBER or t[i + 1:i + 2] in _NUMBER:
            return "numeral"
        answered = i > 1 and t[i - 2] in _NUMBER or t[i + 2:i + 3] in _NUMBER
        return "measure" if answered or t.startswith(measure_words(), i + 1) else ""
    return "measure" if before and before in _NUMBER and t.startswith(measure_words(), i) \
        else ""


def _page_word(printed: str, word: str, page_text: str) -> bool:
    """True if the page prints ``printed`` (the characters the look-alike's ``word``
    would replace) :data:`PAGE_WORD_COUNT` times or more and ``word`` never: misreadings
    are scattered, a form printed again and again without its look-alike is the page's
    own word (a place such as 太岳, a term the dictionary lacks)."""
    return page_text.count(printed) >= PAGE_WORD_COUNT and word not in page_text


def _token_at(text: str, i: int) -> tuple[int, str]:
    for start, word in segment(text):
        if start <= i < start + len(word):
            return start, word
    return i, text[i]


@dataclass(frozen=True)
class _Candidate:
    score: float
    alt: str
    word: str  #: the dictionary word the look-alike forms
    start: int  #: where that word starts, in the window
    gain: float
    lm: float


def _candidate(t: str, i: int, rule: ConfusionRule, mask: list[str],
               page_text: str = "") -> _Candidate | None:
    """The best look-alike for ``t[i]`` (see the module documentation), if any;
    ``page_text`` is the text of the whole page (for :func:`_page_word`)."""
    lo = max(0, i - CONFUSION_CONTEXT)
    window, j = t[lo:i + CONFUSION_CONTEXT + 1], i - lo
    if rule.protect_names and rule.lists and mask[i] == "listed":
        return None  # a person in a list of names: 为王春雨、李平 is not 为主
    number = in_number(t, i) if rule.numbers else ""
    in_word = len(_token_at(window, j)[1]) > 1 or number == "measure"
    base = lexicon.best_logprob(window)
    best = None
    for alt in sorted(confusion_sets()[t[i]]):
        candidate = window[:j] + alt + window[j + 1:]
        start, word = _token_at(candidate, j)
        if len(word) < 2 or rule.protect_names and _inside_name(mask, lo + start, word):
            continue
        if number == "numeral" and alt not in _NUMBER:
            continue  # a numeral of a number is not read as a word: 两千部 stays
        if rule.page_words and _page_word(t[lo + start:lo + start + len(word)], word,
                                          page_text or t):
            continue
        gain = lexicon.best_logprob(candidate) - base
        if gain < MIN_CONFUSION_GAIN:
            continue
        lm = charlm.substitution_log_ratio(t, i, alt) if rule.lm_weight else 0.0
        if rule.protect_names and lm <= 0 and _another_name(
                t[lo + start:lo + start + len(word)], word):
            continue  # one person's name read as another's: the text does not say which
        score = gain + rule.lm_weight * lm
        if best is None or score > best.score:
            best = _Candidate(score, alt, word, start, gain, lm)
    if best is None:
        return None
    penalty = rule.in_word_penalty if in_word else 0.0
    if rule.standalone_weight:
        penalty += rule.standalone_weight * 10 ** charlm.standalone(t[i])
    if not penalty:
        return best
    return _Candidate(best.score - penalty, best.alt, best.word, best.start,
                      best.gain, best.lm)


def _inside_name(mask: list[str], start: int, word: str) -> bool:
    """True if every character of ``word`` (at ``start``) lies in a name the confusion
    rule leaves alone: 鲁夫塔 stays, but 新华杜阿拉木图 becomes 新华社, a word reaching
    out of the transliteration."""
    return all(m in _NOT_CORRECTED for m in mask[start:start + len(word)])


def _another_name(printed: str, word: str) -> bool:
    """True if ``word`` is a person's name in jieba's dictionary and ``printed`` reads
    as a name too (it opens with a surname): 陈冠英 for 陆冠英, not 甲晓霞 for 田晓霞."""
    r = name_rules()
    return word in dictionary_names() and (printed[:1] in r.surnames
                                           or printed[:2] in r.compound_surnames)


@lru_cache(maxsize=1)
def dictionary_names() -> frozenset[str]:
    """Words that jieba's dictionary tags as person names (``nr``)."""
    with jieba_file().open(encoding="utf-8") as fh:
        return frozenset(p[0] for p in map(str.split, fh) if len(p) >= 3 and p[2] == "nr")


def _confidence(score: float, rule: ConfusionRule) -> float:
    """Confidence of a confusion score: :data:`THRESHOLD` at ``rule.score``."""
    odds = score - rule.score - math.log10(1 - THRESHOLD)
    return round(1 - 10 ** (-odds), 3) if odds > -3 else -999.0


def _confusions(t: str, mask: list[str], rule: ConfusionRule = CONFUSIONS,
                page_text: str = "") -> list[tuple[int, int, str, float, str]]:
    """``(start, end, look-alike, confidence, evidence)`` of every confusion in ``t``
    (``page_text``: the whole page's text, ``t`` itself if empty)."""
    sets = confusion_sets()
    out = []
    for i, c in enumerate(t):
        if c not in sets or rule.speech and c == "曰" and t[i + 1:i + 2] in _SPEECH:
            continue  # 曰 before a quotation or a colon is "says", "is called": 一曰“…”
        best = _candidate(t, i, rule, mask, page_text)
        if best is None:
            continue
        confidence = _confidence(best.score, rule)
        if confidence < MIN_CONFUSION_CONFIDENCE:
            continue
        lo = max(0, i - CONFUSION_CONTEXT)
        orig_word = t[lo + best.start:lo + best.start + len(best.word)]
        out.append((i, i + 1, best.alt, confidence,
                    f"'{orig_word}' is not a word; '{best.word}' is (dictionary frequency "
                    f"{lexicon.word_frequency(best.word)}); log10 gain {best.gain:.2f} "
                    f"(dictionary) + {best.lm:.2f} (character {charlm.ORDER}-grams)"))
    return out


__all__ = ["CONFUSIONS", "CONFUSION_CONTEXT", "ConfusionRule", "DICTIONARY_ONLY",
           "MIN_CONFUSION_CONFIDENCE", "MIN_CONFUSION_GAIN", "PAGE_WORD_COUNT", "THRESHOLD",
           "confusion_sets", "dictionary_names", "in_number", "measure_words"]
