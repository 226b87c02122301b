"""Organisation names chunked from words: a proper noun, the nouns after it, a head.

A multi-word organisation name (国务院台湾事务办公室, 中共北京市委, 北京大学经济学院)
is built from words the part-of-speech tags describe: it opens with a proper noun (a
place, another organisation, an abbreviation, a brand) or with a national word (中央,
国家, 全国 …), continues over nouns, and ends in a noun that names a kind of body
(…委员会, …办公室, …大学, …局; :func:`zhpaper.corpus_names.is_head`). Verbs, numerals,
punctuation, spaces and function words end it. Of names inside names only the
outermost counts (北京大学经济学院, not 北京大学 inside it).

That is the reading of :func:`zhpaper.corpus_names.corpus_spans` (the ``[corpus]``
word lists of ``data/entities.toml``), the convention of the People's Daily 1998 corpus
that the learnt tagger learns and ``scripts/evaluate_entities.py`` scores against; here
it runs on the library's own words (:func:`zhpaper.entity_words.words_of`, PKU
granularity) with their likely tags (:func:`likely_tags`): each word's commonest tag in
the corpus text the tagger learnt from (its :class:`zhpaper.entity_features.Lexicons`)
where that text holds the word, else jieba's tag in PKU spelling (``nrt`` → ``nr``,
``x`` → ``w`` …). jieba alone tags 嘉兴 ``nr`` and 大同 ``d``; the corpus, ``ns``.
jieba's ``nt`` on a word the corpus text does not hold is read as a plain noun: alone
it names a class of bodies as often as one body (治安支队, 交通厅); its ``nr`` on an
unknown word before a head as a proper noun (西敏寺 银行: a bank, not a person).

A chunk is no name when it ends one character short of the end of a common noun of
jieba's own cut (公安部 of 公安部门: the PKU cut splits 部门 wrongly; not 市委 of
市委书记) or when the hand lists call it none (``not_org`` and the common words of
:mod:`zhpaper.entity_rules`: 党代会).
"""

from __future__ import annotations

from collections.abc import Sequence

from .corpus_names import corpus_spans, is_head
from .entity_features import Lexicons
from .entity_rules import rules
from .entity_words import words_of
from .tokens import Token

#: jieba's tags that PKU spells otherwise (jieba's tag set is ICTCLAS's, from PKU's).
_PKU_SPELLING = {"nrt": "nr", "nrfg": "nr", "x": "w", "ul": "u", "uj": "u", "uz": "u",
                 "ug": "u", "uv": "u", "ud": "u", "zg": "Ng", "ng": "Ng", "eng": "nx",
                 "mq": "m"}
#: Places ending in one of these, followed by a lone 委 (天津市 委: the PKU cut of
#: 天津 市委), are the place and a committee: a city's, province's or county's.
_ADMIN_COMMITTEE = ("市", "省", "县", "区", "州")


def likely_tags(tokens: Sequence[Token], lex: Lexicons | None) -> list[tuple[str, str]]:
    """``(word, tag)`` of each token: its commonest corpus tag in ``lex`` if known, else
    jieba's tag spelt as PKU spells it, but for jieba's guesses at names: ``nt`` is read
    as ``n``, and a person's name (``nr``) that ends in an organisation's head (文明委)
    as ``n``, one right before a head (西敏寺 银行) as another proper noun (``nz``)."""
    tags = lex.tags if lex is not None else {}
    out = []
    for k, t in enumerate(tokens):
        tag = tags.get(t.text)
        if tag is None:
            tag = _PKU_SPELLING.get(t.pos, t.pos)
            tag = "n" if tag == "nt" else tag
            if tag == "nr" and len(t.text) >= 2:
                nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
                tag = "n" if is_head(t.text) else "nz" if is_head(nxt) else tag
        out.append((t.text, tag))
    return out


def _committees(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """天津市/ns 委 → 天津/ns 市委/n: a lone 委 after an administrative place is that
    place's committee (the cut the corpus makes)."""
    out: list[tuple[str, str]] = []
    for word, tag in tagged:
        prev = out[-1] if out else ("", "")
        if word == "委" and prev[1] == "ns" and len(prev[0]) >= 3 \
                and prev[0].endswith(_ADMIN_COMMITTEE):
            out[-1] = (prev[0][:-1], "ns")
            out.append((prev[0][-1] + word, "n"))
        else:
            out.append((word, tag))
    return out


def _tagged(text: str, tokens: Sequence[Token], lex: Lexicons | None) -> list[tuple[str, str]]:
    """The likely tags of ``tokens``, with what lies between them (spaces, line breaks)
    as punctuation: no name runs over it."""
    tagged: list[tuple[str, str]] = []
    for prev, t, pair in zip((None, *tokens), tokens, likely_tags(tokens, lex), strict=False):
        if prev is not None and t.start > prev.end:
            tagged.append((text[prev.end:t.start], "w"))
        tagged.append(pair)
    return _committees(tagged)


def _is_name(text: str, a: int, b: int, cut: Sequence[Token]) -> bool:
    """The chunk ``text[a:b]`` does not end one character short of the end of a common
    noun of jieba's cut ``cut`` (公安部 门), and the hand lists do not call it no name."""
    if any(t.start < b == t.end - 1 and t.pos == "n" for t in cut):
        return False
    r = rules()
    name = text[a:b]
    return name not in r.not_org and (name, "org") not in r.common


def org_chunks(text: str, lex: Lexicons | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each organisation name in ``text`` (one paragraph), the
    outermost of nested ones (see the module docstring); ``lex``: the learnt tagger's
    lexicons, for the words' likely tags (jieba's tags alone without it)."""
    words = words_of(text)
    if not words.fine:
        return []
    base = words.fine[0].start
    spans = [(base + a, base + b)
             for kind, a, b, _ in corpus_spans(_tagged(text, words.fine, lex)) if kind == "org"]
    return [(a, b) for a, b in spans if _is_name(text, a, b, words.coarse)]


__all__ = ["likely_tags", "org_chunks"]
