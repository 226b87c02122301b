"""The whole reading over many pages (`python -m zhpaper analyse`, zhpaper.analyse)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from zhpaper import analyse, archive, columns, pd1998, read
from zhpaper.cli import main
from zhpaper.errors import ZhpaperError
from zhpaper.evaluation import layout

#: Page i in STYLES[i]: plain OCR pages 0 and 2 have audit findings (1 and 3)
STYLES = ("raw-ocr", "marker", "raw-ocr")


def write_pages(folder, n=3):
    folder.mkdir()
    arts = pd1998.half("dev")
    for i in range(n):
        page = layout.compose(layout.page_articles(arts, i), i, STYLES[i % len(STYLES)])
        (folder / f"g{i:02d}.md").write_text(page.markdown, encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.fixture(scope="module")
def done(tmp_path_factory):
    """Three generated pages analysed once, on one process."""
    root = tmp_path_factory.mktemp("analyse")
    paths = write_pages(root / "pages")
    summary = analyse.analyse([root / "pages"], root / "out")
    return paths, root / "out", summary


def tables(out):
    return {name: archive.load(out, name) for name in analyse.TABLES}


def assert_same_tables(a, b):
    for name in analyse.TABLES:
        pd.testing.assert_frame_equal(archive.load(a, name), archive.load(b, name), obj=name)


def documented(table):
    frame = next(f for f in columns.dictionary().frames if f.function == analyse.TABLES[table])
    return {"page": "str", **{c.name: analyse.DTYPE_OVERRIDES.get((table, c.name), c.dtype)
                              for c in frame.columns}}


def test_tables_load_in_one_call_with_the_documented_dtypes(done):
    paths, out, summary = done
    assert summary == {"done": 3, "skipped": 0, "failed": []}
    loaded = tables(out)
    for name, frame in loaded.items():
        assert {c: str(t) for c, t in frame.dtypes.items()} == documented(name), name
    ids = [p.stem for p in paths]
    for name in ("articles", "paragraphs", "tokens", "entities", "facts", "dates"):
        assert sorted(set(loaded[name].page)) == ids, name  # every page has rows here
    assert loaded["tokens"]["paragraph"].isna().any()  # Int64 with <NA> survives the trip
    assert len(loaded["findings"]) == 4 and loaded["findings"]["applied"].dtype == bool


def test_a_finding_outside_a_paragraph_loads_as_na(done, tmp_path):
    _, out, _ = done
    again = tmp_path / "out"
    shutil.copytree(out, again)
    rows = (again / "findings" / "g00.jsonl").read_text("utf-8").splitlines()
    first = json.loads(rows[0])
    first["paragraph"] = None  # as for a finding in a byline
    rows[0] = json.dumps(first, ensure_ascii=False)
    (again / "findings" / "g00.jsonl").write_text("\n".join(rows) + "\n", "utf-8")
    findings = archive.load(again, "findings")
    assert str(findings["paragraph"].dtype) == "Int64"
    assert findings["paragraph"].isna().sum() == 1


def test_each_page_s_rows_are_the_reading_s(done):
    paths, out, _ = done
    reading = read(paths[1])
    expected = {"tokens": reading.tokens, "entities": reading.entities, "facts": reading.facts,
                "dates": reading.dates, "paragraphs": reading.page.to_frame(),
                "findings": reading.audit.to_frame(),
                "articles": analyse.articles_frame(reading.page)}
    for name, want in expected.items():
        got = archive.load(out, name)
        got = got[got.page == paths[1].stem].drop(columns="page").reset_index(drop=True)
        want = want.astype({c: t for c, t in documented(name).items()
                            if c in want and t != "object"})
        pd.testing.assert_frame_equal(got, want, obj=name)


def test_manifest_says_what_is_there(done):
    paths, out, _ = done
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["schema"] == "zhpaper.analysis/1" and manifest["version"]
    assert list(manifest["tables"]) == list(analyse.TABLES)
    assert manifest["tables"]["tokens"]["columns"][:3] == ["page", "article", "kind"]
    assert [(p["page"], p["sha256"]) for p in manifest["pages"]] == [
        (p.stem, hashlib.sha256(p.read_bytes()).hexdigest()) for p in paths]
    tokens = archive.load(out, "tokens")
    assert sum(p["rows"]["tokens"] for p in manifest["pages"]) == len(tokens)
    assert manifest["failed"] == []


def test_resume_does_only_the_missing_page(done, tmp_path):
    paths, out, _ = done
    again = tmp_path / "out"
    shutil.copytree(out, again)
    (again / "pages" / "g01.json").unlink()          # its record gone: not done
    (again / "tokens" / "g02.jsonl").unlink()        # a table gone: not done either
    summary = analyse.analyse(paths, again)
    assert summary == {"done": 2, "skipped": 1, "failed": []}
    assert_same_tables(out, again)                   # nothing lost, nothing twice
    assert analyse.analyse(paths, again) == {"done": 0, "skipped": 3, "failed": []}


def test_a_changed_page_is_done_again(done, tmp_path):
    paths, out, _ = done
    folder = tmp_path / "pages"
    shutil.copytree(paths[0].parent, folder)
    again = tmp_path / "out"
    shutil.copytree(out, again)
    (folder / "g00.md").write_text("# 新标题\n\n本报讯 今天下雨。\n", encoding="utf-8")
    assert analyse.analyse([folder], again)["done"] == 1
    assert set(archive.load(again, "articles").query("page == 'g00'").title) == {"新标题"}


RELATIVE = "# 全市粮食生产再获丰收\n\n本报讯 今年全市粮食产量比去年增长3.5%，上月完成秋粮收购。\n"


def test_a_reference_date_resolves_relative_dates_and_a_new_one_redoes_the_page(tmp_path):
    folder, out = tmp_path / "pages", tmp_path / "out"
    folder.mkdir()
    (folder / "p.md").write_text(RELATIVE, encoding="utf-8")

    def resolved():
        return list(archive.load(out, "dates").resolved)

    assert main(["analyse", str(folder), "--out", str(out), "--date", "2024-08-15"]) == 0
    assert resolved() == ["2024", "2023", "2024-07"]
    record = json.loads((out / "pages" / "p.json").read_text("utf-8"))
    assert record["date"] == "2024-08-15"
    assert analyse.is_done(folder / "p.md", out, "2024-08-15")
    assert not analyse.is_done(folder / "p.md", out)
    same = analyse.analyse([folder], out, date="2024-08-15")
    assert (same["done"], same["skipped"]) == (0, 1)
    other = analyse.analyse([folder], out, date="2025-01-02")
    assert (other["done"], other["skipped"]) == (1, 0)
    assert resolved() == ["2025", "2024", "2024-12"]
    assert analyse.analyse([folder], out)["done"] == 1  # no date: relative again
    assert set(archive.load(out, "dates").status) == {"relative"}
    with pytest.raises(ZhpaperError, match="bad date"):
        analyse.analyse([folder], out, date="15.08.2024")


def test_an_interrupted_run_keeps_what_it_wrote(done, tmp_path, monkeypatch):
    paths, out, _ = done
    calls = []
    real = analyse._frames

    def interrupt_second(reading):
        calls.append(reading)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(reading)

    monkeypatch.setattr(analyse, "_frames", interrupt_second)
    again = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        analyse.analyse(paths, again)
    manifest = json.loads((again / "manifest.json").read_text("utf-8"))
    assert [p["page"] for p in manifest["pages"]] == ["g00"]
    assert set(archive.load(again, "tokens").page) == {"g00"}
    assert not list(again.rglob("*.tmp"))
    monkeypatch.setattr(analyse, "_frames", real)
    assert analyse.analyse(paths, again) == {"done": 2, "skipped": 1, "failed": []}
    assert_same_tables(out, again)


def test_half_written_page_is_not_loaded(done, tmp_path):
    paths, out, _ = done
    again = tmp_path / "out"
    shutil.copytree(out, again)
    (again / "pages" / "g02.json").unlink()  # tables written, record not: an interruption
    (again / "tokens" / ".g02.jsonl.x.tmp").write_text('{"page": "g02"', "utf-8")
    assert set(archive.load(again, "tokens").page) == {"g00", "g01"}
    assert not analyse.is_done(paths[2], again)


def test_bad_pages_are_reported_and_skipped(done, tmp_path):
    paths, _, _ = done
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(paths[0], folder / "good.md")
    (folder / "latin1.md").write_bytes("标题".encode("gbk") + b"\xff\xfe\xfa")
    (folder / "empty.md").write_bytes(b"")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "zhpaper", "analyse", str(folder), "--out",
                           str(out), "--progress"], capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("zhpaper: error:")]
    assert any(str(folder / "latin1.md") in e for e in errors)
    assert any(str(folder / "empty.md") in e for e in errors)
    assert "2 of 3 pages failed" in proc.stderr and "pages/s" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert set(archive.load(out, "tokens").page) == {"good"}
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert sorted(f["path"].rsplit("/", 1)[1] for f in manifest["failed"]) == [
        "empty.md", "latin1.md"]
    ok = subprocess.run([sys.executable, "-m", "zhpaper", "analyse", str(folder / "good.md"),
                         "--out", str(out)], capture_output=True, text=True)
    assert ok.returncode == 0 and "1 already done" in ok.stderr


def test_two_processes_give_the_same_tables(done, tmp_path):
    paths, out, _ = done
    summary = analyse.analyse(paths, tmp_path / "out", jobs=2)
    assert summary == {"done": 3, "skipped": 0, "failed": []}
    assert_same_tables(out, tmp_path / "out")
    for name in analyse.TABLES:
        for p in paths:
            a = (out / name / f"{p.stem}.jsonl").read_bytes()
            assert a == (tmp_path / "out" / name / f"{p.stem}.jsonl").read_bytes()


def test_dask_gives_the_same_tables(done, tmp_path):
    distributed = pytest.importorskip("distributed")
    bag = pytest.importorskip("dask.bag")
    paths, out, _ = done
    # tcp on loopback: the default (inproc) looks up the machine's address by opening a
    # socket towards 8.8.8.8, which the tests' network guard refuses
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = analyse.analyse(paths, tmp_path / "client", client=client)
        assert summary == {"done": 3, "skipped": 0, "failed": []}
        via_bag = analyse.analyse_bag(bag.from_sequence([str(p) for p in paths]),
                                      tmp_path / "bag")
        assert via_bag == {"done": 3, "skipped": 0, "failed": []}
    assert_same_tables(out, tmp_path / "client")
    assert_same_tables(out, tmp_path / "bag")


def test_without_dask_a_clear_error(done, tmp_path, monkeypatch):
    paths, _, _ = done
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ZhpaperError, match=r"pip install zhpaper\[dask\]"):
        analyse.analyse(paths[:1], tmp_path / "out", client=object())
    code = ("import sys; sys.modules['dask'] = sys.modules['distributed'] = None; "
            "import zhpaper, zhpaper.analyse, zhpaper.cli")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.parametrize("args, message", [
    (["analyse", "x.md"], "--out"),
    (["analyse", "--out", "o"], "PAGE_OR_FOLDER"),
    (["analyse", "{pages}", "--out", "o", "--jobs", "-1"], "out of range"),
    (["analyse", "{pages}/nothing.md", "--out", "o"], "no such file or folder"),
    (["analyse", "{pages}", "--out", "{pages}/g00.md"], "is not a folder"),
    (["analyse", "{pages}", "{other}", "--out", "o"], "same page id"),
    (["analyse", "{pages}", "--out", "o", "--date", "2024-13-01"], "bad date"),
])
def test_usage_errors(done, tmp_path, monkeypatch, capsys, args, message):
    paths, _, _ = done
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(paths[0], other / "g00.txt")
    monkeypatch.chdir(tmp_path)
    argv = [a.format(pages=paths[0].parent, other=other) for a in args]
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("zhpaper: error:") and message in err and len(err.splitlines()) == 1
    assert not (tmp_path / "o").exists()  # nothing written


def test_load_errors(done, tmp_path):
    _, out, _ = done
    with pytest.raises(ZhpaperError, match="unknown table"):
        archive.load(out, "words")
    with pytest.raises(ZhpaperError, match="not an analysis folder"):
        archive.load(tmp_path, "tokens")
