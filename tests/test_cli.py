from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEED


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "zhpaper", *args], capture_output=True,
                          text=True, input=input)


def test_parse_json_schema():
    proc = run("parse", str(SEED))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "zhpaper.page/1"
    assert doc["source"]["lines"] == 207
    assert len(doc["source"]["sha256"]) == 64
    first = doc["articles"][0]
    assert {"id", "title", "kicker", "subtitle", "byline", "reporters", "continued_from",
            "source", "sections"} <= set(first)
    para = first["sections"][0]["paragraphs"][0]
    assert {"text", "raw", "source"} <= set(para)
    line, start, end = para["source"][0]
    raw_line = SEED.read_text(encoding="utf-8").splitlines()[line - 1]
    assert raw_line[start:end] == para["raw"].split("\n")[0]
    assert doc["unassigned"] == []
    assert all({"kind", "source", "detail"} <= set(f) for f in doc["flags"])


def test_parse_text():
    proc = run("parse", str(SEED), "--text")
    assert proc.returncode == 0
    assert "【首府扎实推进安全生产治本攻坚三年行动】" in proc.stdout


@pytest.mark.parametrize("content,needle", [
    (None, "no such file"),
    (b"", "empty"),
    (b"\x00\x00binary\x00", "NUL"),
])
def test_errors_are_one_line_exit_2(tmp_path, content, needle):
    path = tmp_path / "page.md"
    if content is not None:
        path.write_bytes(content)
    proc = run("parse", str(path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("zhpaper: error: ") and needle in lines[0]
    assert "Traceback" not in proc.stderr


def test_directory_and_usage_errors(tmp_path):
    proc = run("parse", str(tmp_path))
    assert proc.returncode == 2 and proc.stderr.startswith("zhpaper: error:")
    proc = run("frobnicate")
    assert proc.returncode == 2 and proc.stderr.startswith("zhpaper: error:")


@pytest.mark.parametrize("given,used", [("1", 1), ("3", 3), ("0", None)])
def test_jobs_for_a_folder(tmp_path, monkeypatch, given, used):
    """--jobs N uses N processes, 0 all cores (``--jobs 1`` once meant all cores: the
    ``or`` bound tighter than the conditional)."""
    import os

    import zhpaper.archive
    from zhpaper import cli

    seen = []
    monkeypatch.setattr(zhpaper.archive, "parse_folder",
                        lambda folder, out, jobs, progress: seen.append(jobs) or (0, []))
    assert cli.main(["parse", str(tmp_path), "--jobs", given]) == 0
    assert seen == [used if used is not None else (os.cpu_count() or 1)]
