"""jieba, set up once: a private tokenizer holding jieba's dictionary and the library's.

:func:`tokenizer` is a ``jieba.posseg.POSTokenizer`` over a private ``jieba.Tokenizer``
that holds jieba's dictionary plus ``data/userdict.txt`` (tags are lowercase ASCII:
``nz`` formula, ``ns`` place, ``nt`` organisation, ``nr`` person). It is built once per
process, quietly: jieba's log messages are silenced and its cache lives in the library's
cache directory. :class:`Token` is a word with its offsets and tag; :func:`fold_width`
folds full-width digits and letters one character for one. :mod:`zhpaper.tokens` cuts
text with it.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .resources import cache_dir, read_data

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)
         if chr(c - 0xFEE0).isalnum() or chr(c - 0xFEE0) in "%.+-/"}
_FOLD[0x3000] = 0x20  # ideographic space


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
    """The directory of jieba's own cache: the library's (:func:`zhpaper.resources.cache_dir`),
    created, or the temp dir where it cannot be."""
    path = str(cache_dir())
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return tempfile.gettempdir()
    return path


def user_entries() -> list[tuple[str, int, str | None]]:
    """``(word, frequency, tag)`` for each entry of ``data/userdict.txt``."""
    text = read_data("userdict.txt")
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
        _share_strings(pos, jieba.posseg.dt.word_tag_tab)
    return pos


def _share_strings(pos, common: dict[str, str]) -> None:
    """Let ``pos``'s tables hold the word and tag objects of ``common`` (the table of
    jieba's module-level tagger, read from the same dictionary when jieba.posseg is
    imported) where their strings are equal: the same tables, ~50 MB less per process."""
    words = dict(zip(common, common, strict=True))
    tags = {t: t for t in common.values()}
    pos.word_tag_tab = {words.get(w, w): tags.get(t, t) for w, t in pos.word_tag_tab.items()}
    pos.tokenizer.FREQ = {words.get(w, w): f for w, f in pos.tokenizer.FREQ.items()}


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


__all__ = ["Token", "entries_in", "fold_width", "tokenizer", "user_entries"]
