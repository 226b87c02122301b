"""Counting a reader's vocabulary: groups of words, counted as strings.

A close reader often asks how often a text uses a small vocabulary she has chosen (the
words of responsibility: 责任, 压实, 落实 …). A tokenizer may cut such a word differently
from the way she lists it (责任 inside the token 主体责任), so these counts are of
*strings* in the clean text: every non-overlapping occurrence, whatever the
segmentation. The groups and words are the reader's, passed in: ``{"responsibility":
["责任", "压实"], "pressure": ["倒逼", "约谈"]}``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from .errors import ZhpaperError


def vocabulary_frame(groups: Mapping[str, Sequence[str]], text: str,
                     token_counts: Mapping[str, int] | None = None):
    """One row per word of ``groups``: its ``group``, the ``word``, how often it occurs
    ``in text`` as a string and, with ``token_counts`` (word → count, such as
    :func:`zhpaper.tokens.word_counts`), how often ``as a token``."""
    import pandas as pd

    rows = []
    for group, words in groups.items():
        for word in words:
            row = {"group": group, "word": word, "in text": text.count(word)}
            if token_counts is not None:
                row["as a token"] = int(token_counts.get(word, 0))
            rows.append(row)
    return pd.DataFrame(rows)


def count_grid(words: Sequence[str], texts: Mapping[Hashable, str]):
    """A word × text table of counts: one row per word (in the order given), one column
    per text (``texts``: a name, such as a paragraph number, → the text)."""
    import pandas as pd

    return pd.DataFrame({name: [text.count(w) for w in words] for name, text in texts.items()},
                        index=pd.Index(list(words), name="word"), dtype=int)


def density(texts: Mapping[Hashable, str], groups: Mapping[str, Sequence[str]],
            per: int = 1000):
    """One row per text, one column per group: the occurrences of the group's words per
    ``per`` characters of the text."""
    import pandas as pd

    empty = [name for name, text in texts.items() if not text]
    if empty:
        raise ZhpaperError(f"no text to count in {empty[0]!r}")
    return pd.DataFrame({name: {g: per * sum(text.count(w) for w in words) / len(text)
                                for g, words in groups.items()}
                         for name, text in texts.items()}).T


__all__ = ["count_grid", "density", "vocabulary_frame"]
