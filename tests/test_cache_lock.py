"""The library's caches (zhpaper.lexicon._cached) are built by one process at a time."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from zhpaper import resources as lexicon

# Each process says it has started, then asks for the cache. The build (of whichever
# process gets there first) records itself, waits until both processes have started and
# a little longer, so that without a lock the other one would be building too.
SCRIPT = """
import sys, time
from pathlib import Path
from zhpaper.resources import _cached

cache, log, started = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
(started / sys.argv[4]).touch()

def build():
    with log.open("a") as fh:
        fh.write("built\\n")
    deadline = time.time() + 30
    while len(list(started.iterdir())) < 2 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    return {"answer": 42}

print(_cached(cache, build)["answer"])
"""


def _run_two(tmp_path, cache):
    log, started = tmp_path / "log", tmp_path / "started"
    started.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    procs = [subprocess.Popen([sys.executable, "-c", SCRIPT, str(cache), str(log),
                               str(started), str(k)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for k in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    assert [out.strip() for out, _ in outs] == ["42", "42"]
    return log.read_text().splitlines()


def test_two_processes_build_the_cache_once(tmp_path):
    cache = tmp_path / "zhpaper" / "thing.marshal"
    assert _run_two(tmp_path, cache) == ["built"]
    assert cache.is_file() and (tmp_path / "zhpaper" / "thing.marshal.lock").is_file()


def test_without_a_lock_both_would_build(tmp_path):
    """The test above can fail: with locking switched off, both processes build."""
    cache = tmp_path / "zhpaper" / "thing.marshal"
    (tmp_path / "zhpaper").mkdir()
    (tmp_path / "zhpaper" / "thing.marshal.lock").mkdir()  # a directory: cannot be opened
    assert _run_two(tmp_path, cache) == ["built", "built"]


def test_the_cache_is_read_again_after_the_lock(tmp_path, monkeypatch):
    cache = tmp_path / "thing.marshal"
    real = lexicon.file_lock

    def lock_while_another_builds(path):
        path.write_bytes(marshal.dumps("theirs"))  # another process, done while we waited
        return real(path)

    monkeypatch.setattr(lexicon, "file_lock", lock_while_another_builds)
    assert lexicon._cached(cache, lambda: pytest.fail("built twice")) == "theirs"


def test_no_locking_where_the_cache_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert lexicon.file_lock(blocker / "thing.marshal") is None
    assert lexicon._cached(blocker / "thing.marshal", lambda: [1, 2]) == [1, 2]


def test_a_failed_build_releases_the_lock(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    cache = tmp_path / "thing.marshal"

    def fail():
        raise RuntimeError("no corpus")

    with pytest.raises(RuntimeError):
        lexicon._cached(cache, fail)
    with open(tmp_path / "thing.marshal.lock", "ab") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
    assert lexicon._cached(cache, lambda: 7) == 7
