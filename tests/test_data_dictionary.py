"""The data dictionary (lib/zhpaper/data/columns.toml) against the code it describes.

Every frame it lists is computed on the seed page and must have exactly the documented
columns, in that order, with the documented dtypes; every function of the library that
builds a DataFrame must be listed; the book's page must be what the script writes.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from types import SimpleNamespace

import pytest
from conftest import ROOT, SEED

from zhpaper import (
    accounting,
    analyse,
    chains,
    columns,
    entities,
    facts,
    geo,
    intervals,
    keywords,
    notes,
    outline,
    pd1998,
    reference,
    slogans,
    superlatives,
    tokens,
    verdicts,
    vocab,
)
from zhpaper.corpus import units
from zhpaper.errors import ZhpaperError
from zhpaper.evaluation import entities as entities_eval
from zhpaper.evaluation import reconstruction, unseen

sys.path.insert(0, str(ROOT / "scripts"))
import data_dictionary  # noqa: E402

LIB = ROOT / "lib"

#: Functions that build a DataFrame but do not return it to users: none at present. A
#: helper that builds a frame only for another function goes here, with the reason.
INTERNAL: frozenset[str] = frozenset()


def _labelled(s):
    row = s.facts.iloc[[0]]
    texts = {u.paragraph: u.text for u in units(s.page, s.result)
             if u.article == row["article"].iloc[0] and u.kind == "paragraph"}
    before = texts[row["paragraph"].iloc[0]][max(0, row["start"].iloc[0] - 10):
                                             row["start"].iloc[0]]
    return facts.label_by_cue(row, texts, {before: "the first figure"})


def _verdicts():
    v = verdicts.Verdicts()
    v.compare("a share", 97.7, 97.674, tolerance=0.05)
    v.derive("a base", "1.9万")
    return v.frame()


def _counts(s):
    split = s.words["article"] == s.page.articles[0].id
    return Counter(s.words[split].word), Counter(s.words[~split].word)


def _sides(s):
    """The seed page as both texts of a comparison with a reference corpus."""
    return SimpleNamespace(tokens=s.words, facts=s.facts,
                           slogans=slogans.slogans_frame(s.page, s.result))


#: How the test calls each frame's function on the seed page (``s``: the fixture).
CALLS = {
    "zhpaper.page.Page.to_frame": lambda s: s.page.to_frame(),
    "zhpaper.analyse.articles_frame": lambda s: analyse.articles_frame(s.page),
    "zhpaper.page.Page.joins_frame": lambda s: s.page.joins_frame(),
    "zhpaper.page.Page.flags_frame": lambda s: s.page.flags_frame(),
    "zhpaper.accounting.account": lambda s: accounting.account(s.page),
    "zhpaper.audit.Audit.to_frame": lambda s: s.result.to_frame(),
    "zhpaper.tokens.tokens_frame": lambda s: s.words,
    "zhpaper.tokens.phrase_matches": lambda s: tokens.phrase_matches(s.words, ["安全生产"]),
    "zhpaper.tokens.sentences_with": lambda s: tokens.sentences_with(s.words, ["发展"]),
    "zhpaper.tokens.count_phrases": lambda s: tokens.count_phrases(s.words, ["安全生产", "发展"]),
    "zhpaper.entities.entities_frame": lambda s: s.mentions,
    "zhpaper.entities.entity_table": lambda s: entities.entity_table(s.mentions),
    "zhpaper.facts.facts_frame": lambda s: s.facts,
    "zhpaper.facts.dates_frame": lambda s: facts.dates_frame(s.page, s.result),
    "zhpaper.facts.timeline": lambda s: facts.timeline(s.page, s.result),
    "zhpaper.facts.checks_frame": lambda s: facts.checks_frame(s.page, s.result),
    "zhpaper.facts.label_by_cue": _labelled,
    "zhpaper.intervals.with_intervals": lambda s: intervals.with_intervals(s.facts),
    "zhpaper.slogans.slogans_frame": lambda s: slogans.slogans_frame(s.page, s.result),
    "zhpaper.slogans.enumerations_frame": lambda s: slogans.enumerations_frame(s.page, s.result),
    "zhpaper.superlatives.superlatives_frame":
        lambda s: superlatives.superlatives_frame(s.page, s.result),
    "zhpaper.chains.transitions_frame": lambda s: s.transitions,
    "zhpaper.chains.edges_frame": lambda s: chains.edges_frame(s.transitions),
    "zhpaper.keywords.tfidf": lambda s: keywords.tfidf(s.words),
    "zhpaper.keywords.textrank": lambda s: keywords.textrank(s.words),
    "zhpaper.keywords.fightin_words": lambda s: keywords.fightin_words(*_counts(s)),
    "zhpaper.keywords.fightin_words_by_article":
        lambda s: keywords.fightin_words_by_article(s.words),
    "zhpaper.keywords.keywords": lambda s: keywords.keywords(s.words),
    "zhpaper.keywords.side_by_side":
        lambda s: keywords.side_by_side(keywords.fightin_words_by_article(s.words)),
    "zhpaper.keywords.formulae_by_article": lambda s: keywords.formulae_by_article(
        {a.id: "".join(p.text for p in a.paragraphs) for a in s.page.articles}),
    "zhpaper.keywords.shared_entities": lambda s: keywords.shared_entities(s.mentions),
    "zhpaper.outline.outline_frame":
        lambda s: outline.outline_frame([p.text for p in s.article.paragraphs]),
    "zhpaper.notes.reading_frame":
        lambda s: notes.reading_frame(s.page, s.article, ROOT / "notebooks" / "notes", s.result),
    "zhpaper.notes.sections_frame": lambda s: notes.sections_frame(s.article, s.result),
    "zhpaper.vocab.vocabulary_frame": lambda s: vocab.vocabulary_frame(
        {"responsibility": ["责任", "压实"]}, s.text, tokens.word_counts(s.words.word)),
    "zhpaper.vocab.count_grid": lambda s: vocab.count_grid(["责任", "发展"], {1: s.text, 2: "责任"}),
    "zhpaper.vocab.density": lambda s: vocab.density({"a": s.text, "b": "责任"},
                                                     {"responsibility": ["责任"]}),
    "zhpaper.geo.latency_frame": lambda s: geo.latency_frame(
        (40.8, 111.7), {"北京": (39.9, 116.4), "上海": (31.2, 121.5)}, {"北京": 10.0}),
    "zhpaper.verdicts.Verdicts.frame": lambda s: _verdicts(),
    "zhpaper.evaluation.reconstruction.reconstruction_frame":
        lambda s: reconstruction.reconstruction_frame(
            [reconstruction.style_row("mineru", pd1998.half("dev"), [0])]),
    "zhpaper.evaluation.entities.seed_frame":
        lambda s: entities_eval.seed_frame(s.page, s.result),
    "zhpaper.evaluation.entities.seed_errors":
        lambda s: entities_eval.seed_errors(s.page, s.result),
    "zhpaper.reference.term_frequencies":
        lambda s: reference.term_frequencies(_sides(s), _sides(s), ["安全生产", "新质生产力"]),
    "zhpaper.reference.month_counts": lambda s: reference.month_counts(["安全生产", "算力"]),
    "zhpaper.reference.distinctive_words":
        lambda s: reference.distinctive_words(_sides(s), _sides(s)),
    "zhpaper.reference.verb_frequencies":
        lambda s: reference.verb_frequencies(_sides(s), _sides(s)),
    "zhpaper.reference.densities": lambda s: reference.densities(_sides(s), _sides(s)),
    "zhpaper.reference.slogan_counts":
        lambda s: reference.slogan_counts(slogans.slogans_frame(s.page, s.result)),
    "zhpaper.evaluation.unseen.frame": lambda s: unseen.frame([{c: "≥ 0.5" for c in unseen.COLUMNS}]),
}

FRAMES = columns.dictionary().frames


@pytest.fixture(scope="module")
def reading():
    from zhpaper import audit, read_page

    seed_page = read_page(SEED)
    result = audit(seed_page)
    words = tokens.tokens_frame(seed_page, result)
    return SimpleNamespace(
        page=seed_page, result=result, words=words,
        mentions=entities.entities_frame(seed_page, result),
        facts=facts.facts_frame(seed_page, result),
        transitions=chains.transitions_frame(seed_page, result),
        # the article with the most sections, so that headings and labels are not all missing
        article=max(seed_page.articles, key=lambda a: len(a.sections)),
        text="".join(p.text for a in seed_page.articles for p in a.paragraphs))


def test_the_page_is_current():
    assert data_dictionary.main(["--check"]) == 0, "run: python scripts/data_dictionary.py"


def test_check_fails_on_a_stale_page(tmp_path):
    stale = tmp_path / "data-dictionary.md"
    stale.write_text(data_dictionary.render().replace("tokens_frame", "token_frame"), "utf-8")
    assert data_dictionary.main(["--check", "--out", str(stale)]) == 1
    assert data_dictionary.main(["--out", str(stale)]) == 0
    assert data_dictionary.main(["--check", "--out", str(stale)]) == 0


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f.name)
def test_frame_has_the_documented_columns(frame, reading):
    seed = reading
    got = CALLS[frame.function](seed)
    names = [c.name for c in frame.columns]
    fixed = list(got.columns)
    if frame.adds:  # the table given first: here always facts_frame
        assert fixed[:len(seed.facts.columns)] == list(seed.facts.columns)
        fixed = fixed[len(seed.facts.columns):]
    rest = fixed[len(names):]
    assert fixed[:len(names)] == names
    assert bool(rest) == (frame.then is not None), rest
    for c in frame.columns:
        assert str(got[c.name].dtype) == c.dtype, (frame.name, c.name)
    for name in rest:
        assert str(got[name].dtype) == frame.then.dtype, (frame.name, name)
    if frame.then is not None and frame.then.name == "article":
        ids = [a.id for a in seed.page.articles]
        assert rest == [i for i in ids if i in rest]
    if frame.index is not None:
        assert got.index.name == frame.index.name
        assert str(got.index.dtype) == frame.index.dtype
    else:
        assert got.index.name is None
    assert len(got), f"{frame.name} gives no rows on the seed page: its dtypes say nothing"


def _builders() -> set[str]:
    """Every function of the library that builds a DataFrame (or is named ``*frame``),
    as ``module.qualname``: the grep for ``pd.DataFrame``, ``to_frame``, ``_frame(``."""
    found = set()
    for path in sorted((LIB / "zhpaper").rglob("*.py")):
        parts = path.relative_to(LIB).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

        def walk(node, prefix, module=module):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    walk(child, f"{prefix}{child.name}.")
                elif isinstance(child, ast.FunctionDef):
                    builds = any(isinstance(n, ast.Call) and (
                        getattr(n.func, "attr", None) == "DataFrame"
                        or getattr(n.func, "id", None) == "DataFrame")
                        for n in ast.walk(child))
                    if builds or re.search(r"(^|_)frame$", child.name):
                        found.add(f"{module}.{prefix}{child.name}")

        walk(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_every_frame_of_the_library_is_in_the_dictionary():
    listed = set()
    for f in FRAMES:
        obj = f.resolve()
        listed.add(f"{obj.__module__}.{obj.__qualname__}")
    missing = _builders() - listed - INTERNAL
    assert not missing, f"add to lib/zhpaper/data/columns.toml: {sorted(missing)}"
    assert set(CALLS) == {f.function for f in FRAMES}


def test_a_shared_name_needs_a_note_or_a_homonym_mark():
    good = '[vocabulary.line]\nmeaning = "a raw line"\n\n[[frame]]\nstage = "s"\n' \
           'function = "zhpaper.x.f"\ncall = "f()"\nrows = "r"\ncolumns = [\n'
    ok = columns.parse(good + '{name = "line", dtype = "int64", note = "first"}]\n')
    assert ok.frames[0].columns[0].meaning == "a raw line"
    assert ok.uses("line")["shared"] == ["`x.f`"]
    with pytest.raises(ZhpaperError, match="vocabulary term"):
        columns.parse(good + '{name = "line", dtype = "int64", meaning = "other"}]\n')
    other = columns.parse(good + '{name = "line", dtype = "int64", homonym = true, '
                          'meaning = "a printed line"},\n{name = "row", dtype = "int64", '
                          'same_as = "line"}]\n')
    assert other.uses("line") == {"shared": [], "also": ["`row` in `x.f`"],
                                  "homonym": ["`x.f`"]}
    with pytest.raises(ZhpaperError, match="dtype"):
        columns.parse(good + '{name = "line", dtype = "int"}]\n')
    with pytest.raises(ZhpaperError, match="used nowhere"):
        columns.parse(good + '{name = "row", dtype = "int64", meaning = "a row"}]\n')
