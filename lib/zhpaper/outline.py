"""The outline of a report, read from its sentences.

Chinese government work reports and the news articles written from them share a shape:
a lead paragraph (who ordered the work), then parts, each opened by a slogan sentence
(压实“三个责任”，握住治本攻坚“主动权”。), and inside a part, short sentences without a
comma that head a strand of work (聚焦领导责任抓推进。), each followed by its measures.
:func:`outline_frame` gives every sentence of an article its role by that rule;
:func:`outline_tree` draws the outline, with the figures each measure prints.

The rule, sentence by sentence (sentences as :func:`zhpaper.corpus.sentences` splits
them):

* every sentence of the first paragraph is the ``lead``;
* the first sentence of every later paragraph opens a ``part``;
* a later sentence with no comma (， or ,) that is not its paragraph's last heads a
  ``strand``;
* every other sentence is a ``measure``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .corpus import sentences

COLUMNS = ["paragraph", "sentence", "start", "end", "text", "role"]
_COMMA = re.compile("[,，]")


def outline_frame(texts: Sequence[str]):
    """One row per sentence of the paragraphs ``texts`` (numbered from 1): its
    ``paragraph`` and ``sentence`` number, ``start``/``end`` offsets in the paragraph,
    ``text`` and ``role`` (``lead``, ``part``, ``strand`` or ``measure``)."""
    import pandas as pd

    rows = []
    for p, text in enumerate(texts, start=1):
        spans = sentences(text)
        for k, (s, e) in enumerate(spans, start=1):
            if p == 1:
                role = "lead"
            elif k == 1:
                role = "part"
            elif k < len(spans) and not _COMMA.search(text[s:e]):
                role = "strand"
            else:
                role = "measure"
            rows.append((p, k, s, e, text[s:e], role))
    return pd.DataFrame(rows, columns=COLUMNS)


def first_clause(sentence: str, short: int = 4) -> str:
    """The sentence up to its first comma, or its second when the first clause is only
    a word or two (``short`` characters or fewer: 目前，共选取5条街道…); without its
    closing stop."""
    text = sentence.rstrip("。！？；.!?;")
    commas = [m.start() for m in _COMMA.finditer(text)]
    if not commas:
        return text
    if commas[0] <= short and len(commas) > 1:
        return text[:commas[1]]
    return text if commas[0] <= short else text[:commas[0]]


def outline_tree(outline, figures=None) -> str:
    """The outline as an indented tree: part → strand (where the part has strands) →
    measure, each sentence shortened to :func:`first_clause`. With ``figures`` (rows of
    :func:`zhpaper.facts.facts_frame` for the same paragraphs: ``paragraph``, ``start``,
    ``raw``), the figures a sentence prints follow it in brackets."""
    with_strands = set(outline.loc[outline["role"] == "strand", "paragraph"])
    lines = []
    for row in outline[outline["role"] != "lead"].itertuples():
        if row.role == "part":
            indent = ""
        elif row.role == "strand":
            indent = "    ├─ "
        else:
            indent = "    │    · " if row.paragraph in with_strands else "    · "
        shown = ""
        if figures is not None:
            inside = figures[(figures["paragraph"] == row.paragraph)
                             & figures["start"].between(row.start, row.end - 1)]
            shown = f"  [{', '.join(inside['raw'])}]" if len(inside) else ""
        lines.append(f"{indent}{first_clause(row.text)}{shown}")
    return "\n".join(lines)


__all__ = ["COLUMNS", "first_clause", "outline_frame", "outline_tree"]
