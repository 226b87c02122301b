"""The evaluation data (zhpaper/data/eval/) and the functions that read and score with it."""

from __future__ import annotations

import pytest
from conftest import SEED

import zhpaper
from zhpaper.errors import ZhpaperError
from zhpaper.evaluation import entities as entities_eval
from zhpaper.evaluation import evaldata, unseen


@pytest.fixture(scope="module")
def seed_page():
    return zhpaper.read_page(SEED)


def test_the_readme_names_every_file():
    readme = evaldata.eval_data("README.md")
    files = [p.name for p in evaldata.EVAL_DATA.iterdir() if p.name != "README.md"]
    assert len(files) >= 10
    assert [f for f in files if f"`{f}`" not in readme] == []
    assert "Licence" in readme and "CC0" in readme


def test_eval_data_reads_by_suffix():
    assert isinstance(evaldata.eval_data("seed_entities.json")["entities"], list)
    assert isinstance(evaldata.eval_data("seed_page.toml")["dev_articles"], list)
    text = evaldata.eval_data("seg_gold.txt")
    assert isinstance(text, str) and text == evaldata.eval_path("seg_gold.txt").read_text("utf-8")


def test_unknown_names_and_paths_are_refused():
    with pytest.raises(ZhpaperError, match=r"no evaluation file 'nope\.json'; there are: .*"
                                           r"seg_gold\.txt"):
        evaldata.eval_path("nope.json")
    with pytest.raises(ZhpaperError, match="no evaluation file"):
        evaldata.eval_path("../entities.toml")  # a library data file, not evaluation data


def test_the_split_describes_the_seed_page(seed_page):
    split = evaldata.seed_split()
    split.check(seed_page)
    dev = split.dev_titles(seed_page)
    assert len(dev) == len(split.dev_articles) >= 1
    assert dev < {a.title for a in seed_page.articles}
    assert split.date.year == 2024


def test_scores_refuse_another_page(tmp_path):
    other = tmp_path / "other.md"
    other.write_text("## 首府推进安全生产\n\n本报讯(记者 苗欣)全市检查企业3家。\n", encoding="utf-8")
    page = zhpaper.read_page(other)
    for call in (evaldata.seed_split().check, entities_eval.seed_frame, unseen.seed_match,
                 lambda p: unseen.rows(p, quick=True)):
        with pytest.raises(ZhpaperError, match="describe another page"):
            call(page)


def test_segmentation_gold_halves():
    gold = evaldata.segmentation_gold()
    keys = evaldata.eval_data("seg_gold_articles.txt").split()
    dev = evaldata.seed_split().dev_articles
    assert len(gold["all"]) == len(keys)
    assert gold["dev"] == [g for g, k in zip(gold["all"], keys, strict=True) if k in dev]
    assert gold["test"] == [g for g, k in zip(gold["all"], keys, strict=True) if k not in dev]
    assert gold["dev"] and gold["test"]


def test_logged_entries_and_the_second_annotation():
    logged = evaldata.logged_entries()
    assert logged and not any(x.startswith("#") or not x for x in logged)
    gold = evaldata.segmentation_gold()["all"]
    second = evaldata.second_annotation()
    assert second and all("".join(words) == "".join(gold[n - 1]) for n, words in second)


def test_seed_entity_tables_add_up(seed_page):
    audit = zhpaper.audit(seed_page)
    scores = entities_eval.seed_frame(seed_page, audit)
    assert list(scores.columns) == ["half", "type", "hand list", "found", "correct",
                                    "precision", "recall"]
    counts = ["hand list", "found", "correct"]
    whole = scores[scores["half"] == "all"].set_index("type")[counts]
    halves = scores[scores["half"] != "all"].groupby("type")[counts].sum()
    assert (halves.loc[whole.index] == whole).all().all()  # dev + test = the whole page
    errors = entities_eval.seed_errors(seed_page, audit)
    outcome = errors["outcome"].value_counts()
    assert outcome["missed"] == (whole["hand list"] - whole["correct"]).sum()
    assert outcome["false alarm"] == (whole["found"] - whole["correct"]).sum()
    assert list(errors.columns) == ["outcome", "half", "type", "name"]


def test_the_unseen_table_lays_out_rows():
    row = dict(zip(unseen.COLUMNS, ["s", "a|b", "1", "2", "3", "4", "≥ 5"], strict=True))
    frame = unseen.frame([row])
    assert list(frame.columns) == list(unseen.HEADER) and frame.iloc[0, 1] == "a|b"
    lines = unseen.markdown([row]).splitlines()
    assert lines[0] == "| " + " | ".join(unseen.HEADER) + " |"
    # the last column is computed: the test half's 3 does not meet ≥ 5
    assert lines[2] == "| s | a\\|b | 1 | 2 | 3 | 4 | ≥ 5 | no |"


def test_rows_run_every_stage_with_its_sample_and_check_the_columns(monkeypatch, seed_page):
    good = dict.fromkeys(unseen.COLUMNS, "x")
    calls = {}

    def stages(rows_of):
        def make(name):
            def run(**kwargs):
                calls[name] = kwargs
                return [rows_of]
            return run
        return lambda page, audit: {name: make(name) for name in unseen.SAMPLES}

    monkeypatch.setattr(unseen, "_stages", stages(good))
    done = []
    got = unseen.rows(seed_page, quick=True, progress=lambda name, n, s: done.append((name, n)))
    assert got == [good] * len(unseen.SAMPLES)
    assert calls == {name: quick for name, (_, quick) in unseen.SAMPLES.items()}
    assert done == [(name, 1) for name in unseen.SAMPLES]
    unseen.rows(seed_page)
    assert calls == {name: full for name, (full, _) in unseen.SAMPLES.items()}
    monkeypatch.setattr(unseen, "_stages", stages({k: "x" for k in unseen.COLUMNS[:-1]}))
    with pytest.raises(ZhpaperError, match="lack.*target"):
        unseen.rows(seed_page)
