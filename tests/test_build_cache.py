"""`make book` re-executes notebooks when the library changes (scripts/book.py)."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("book", ROOT / "scripts" / "book.py")
book = importlib.util.module_from_spec(spec)
spec.loader.exec_module(book)


def make_tree(tmp_path):
    (tmp_path / "lib" / "zhpaper").mkdir(parents=True)
    (tmp_path / "lib" / "zhpaper" / "core.py").write_text("X = 1\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "page.md").write_text("# 标题\n")
    (tmp_path / "requirements.txt").write_text("pandas\n")
    (tmp_path / "_config.yml").write_text("title: t\n")
    cache = tmp_path / "_build" / ".jupyter_cache"
    cache.mkdir(parents=True)
    (cache / "entry").write_text("cached outputs")
    return cache


def test_unchanged_library_keeps_cache(tmp_path):
    cache = make_tree(tmp_path)
    book.invalidate_if_changed(tmp_path, tmp_path / "_build")
    # with no record of the inputs, the first build cannot trust the cache: refill it
    cache.mkdir(exist_ok=True)
    (cache / "entry").write_text("cached outputs")
    assert book.invalidate_if_changed(tmp_path, tmp_path / "_build") is False
    assert (cache / "entry").exists()


def test_first_build_without_record_empties_cache(tmp_path):
    cache = make_tree(tmp_path)
    book.invalidate_if_changed(tmp_path, tmp_path / "_build")
    assert not cache.exists()


def test_library_change_empties_cache(tmp_path):
    cache = make_tree(tmp_path)
    book.invalidate_if_changed(tmp_path, tmp_path / "_build")
    cache.mkdir(exist_ok=True)
    (cache / "entry").write_text("cached outputs")
    (tmp_path / "lib" / "zhpaper" / "core.py").write_text("X = 2\n")
    assert book.invalidate_if_changed(tmp_path, tmp_path / "_build") is True
    assert not cache.exists()


def test_seed_change_empties_cache(tmp_path):
    cache = make_tree(tmp_path)
    book.invalidate_if_changed(tmp_path, tmp_path / "_build")
    cache.mkdir(exist_ok=True)
    (tmp_path / "seeds" / "page.md").write_text("# 另一个标题\n")
    assert book.invalidate_if_changed(tmp_path, tmp_path / "_build") is True
    assert not cache.exists()


def test_pycache_is_ignored(tmp_path):
    make_tree(tmp_path)
    before = book.inputs_digest(tmp_path)
    pyc = tmp_path / "lib" / "zhpaper" / "__pycache__"
    pyc.mkdir()
    (pyc / "core.cpython-311.pyc").write_bytes(b"\0\1")
    assert book.inputs_digest(tmp_path) == before


def test_changed_inputs_rebuild_every_page():
    """Emptying the execution cache is not enough: Sphinx must re-read the notebooks."""
    assert "--all" in book.build_command(ROOT, True, [])
    assert "--all" not in book.build_command(ROOT, False, [])
