from __future__ import annotations

from zhpaper import lexicon


def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.frequencies.cache_clear()


def test_cache_is_written_and_reused(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)
    freq, total = lexicon.frequencies()
    assert freq["积极"] > 0 and total > 0
    files = list((tmp_path / "zhpaper").glob("lexicon-*.marshal"))
    assert len(files) == 1
    lexicon.frequencies.cache_clear()
    assert lexicon.frequencies()[0] == freq


def test_corrupt_cache_is_rebuilt(monkeypatch, tmp_path):
    fresh(monkeypatch, tmp_path)
    lexicon.frequencies()
    (cache,) = (tmp_path / "zhpaper").glob("lexicon-*.marshal")
    cache.write_bytes(b"not marshal data")
    lexicon.frequencies.cache_clear()
    assert lexicon.frequencies()[0]["积极"] > 0


def test_unwritable_cache_still_works(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file, not a directory
    lexicon.frequencies.cache_clear()
    assert lexicon.frequencies()[0]["积极"] > 0


def test_user_dictionary_is_loaded():
    lexicon.frequencies.cache_clear()
    assert lexicon.word_frequency("新质生产力") > 0
    assert lexicon.first_word("新质生产力的发展") == "新质生产力"


def test_junctions_hold_every_pair_inside_a_word():
    from zhpaper.lexicon import MAX_WORD, frequencies, junctions

    pairs = junctions()
    words = [w for w in list(frequencies()[0])[:5000] if len(w) <= MAX_WORD]
    assert all(w[k:k + 2] in pairs for w in words for k in range(len(w) - 1))
    assert "发展" in pairs and "展示" in pairs


def test_junctions_answer_as_the_set_of_pairs():
    import random

    from zhpaper.lexicon import MAX_WORD, Junctions, frequencies, junctions

    pairs = junctions()
    counted = frozenset(w[k:k + 2] for w in frequencies()[0] if len(w) <= MAX_WORD
                        for k in range(len(w) - 1))
    assert isinstance(pairs, Junctions) and len(pairs) == len(counted)
    assert set(pairs) == counted
    rng = random.Random(3)
    chars = "".join(sorted({c for p in counted for c in p}))
    tried = ["", "发", "发展示", "卌卌", *(rng.choice(chars) + rng.choice(chars)
                                        for _ in range(20000))]
    assert [p for p in tried if (p in pairs) != (p in counted)] == []
    assert 0 < sum(p in pairs for p in tried) < len(tried)
    assert pairs.nbytes() < 5e6  # the frozenset took about 45 MB
