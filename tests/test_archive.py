"""Parsing a folder of pages into one JSON Lines table."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

from zhpaper.evaluation.damage import damage

ARTICLES = json.loads((ROOT / "lib/zhpaper/data/eval/seed_articles.json").read_text("utf-8"))["articles"]


def make_folder(tmp_path, n=6, bad=False):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(n):
        (folder / f"p{i:02d}.md").write_text(damage(ARTICLES, i).markdown, encoding="utf-8")
    if bad:
        (folder / "p99.md").write_bytes(b"\x00\x01")
    return folder


def run(*args):
    return subprocess.run([sys.executable, "-m", "zhpaper", "parse", *map(str, args)],
                          capture_output=True, text=True)


def test_one_line_per_page_in_order_serial_equals_parallel(tmp_path):
    folder = make_folder(tmp_path)
    serial, parallel = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run(folder, "--out", serial).returncode == 0
    assert run(folder, "--out", parallel, "--jobs", "2").returncode == 0
    assert serial.read_bytes() == parallel.read_bytes()
    docs = [json.loads(line) for line in serial.read_text("utf-8").splitlines()]
    assert [d["source"]["path"].rsplit("/", 1)[1] for d in docs] == [
        f"p{i:02d}.md" for i in range(6)]
    assert all(d["schema"] == "zhpaper.page/1" for d in docs)


def test_bad_page_is_reported_and_others_written(tmp_path):
    folder = make_folder(tmp_path, n=3, bad=True)
    out = tmp_path / "pages.jsonl"
    proc = run(folder, "--out", out)
    assert proc.returncode == 2
    assert "p99.md" in proc.stderr and "1 of 4 pages failed" in proc.stderr
    assert len(out.read_text("utf-8").splitlines()) == 3


def test_progress_bar_on_request(tmp_path):
    folder = make_folder(tmp_path, n=2)
    proc = run(folder, "--out", tmp_path / "x.jsonl", "--progress")
    assert "2/2" in proc.stderr and "pages/s" in proc.stderr


def test_empty_folder_is_an_error(tmp_path):
    proc = run(tmp_path)
    assert proc.returncode == 2 and proc.stderr.startswith("zhpaper: error:")
    assert not list(tmp_path.iterdir())  # nothing half-written
