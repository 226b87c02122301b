"""The setup cell that lets a chapter run alone (Colab), written by scripts/setup_cell.py."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import ROOT, execute_notebook

sys.path.insert(0, str(ROOT / "scripts"))
import setup_cell  # noqa: E402


def test_every_chapter_has_the_current_setup_cell():
    assert setup_cell.main(["--check"]) == 0, "run: python scripts/setup_cell.py"
    url = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]
    for path in setup_cell.chapters():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        i = setup_cell.setup_index(cells)
        first_code = next(k for k, c in enumerate(cells) if c["cell_type"] == "code")
        assert i == first_code, path.name  # before the imports and the page parameter
        assert cells[i]["metadata"]["tags"] == ["remove-cell"], path.name
        assert url in "".join(cells[i]["source"]), path.name


def test_check_fails_on_a_stale_cell():
    nb = json.loads((ROOT / "notebooks" / "01_reading_the_page.ipynb").read_text("utf-8"))
    cells = nb["cells"]
    i = setup_cell.setup_index(cells)
    cells[i]["source"] = [line.replace("zhpaper/zhpaper", "someone/else")
                          for line in cells[i]["source"]]
    assert setup_cell.updated(nb) != nb
    nb["cells"] = [c for k, c in enumerate(cells) if k != i]
    assert setup_cell.setup_index(setup_cell.updated(nb)["cells"]) is not None


def test_in_a_checkout_the_cell_does_nothing(tmp_path):
    code = (setup_cell.cell_source()
            + "\nimport os, sys\nprint(os.getcwd())\nprint(sys.path[0] == '')")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "notebooks",
                         capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[:2] == [str(ROOT / "notebooks"), "True"]
    assert run.stderr == ""
    assert not (ROOT / "notebooks" / "zhpaper").exists()


@pytest.mark.notebook
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout to clone from")
def test_a_chapter_copied_alone_runs_from_a_clone(tmp_path, monkeypatch):
    # The chapter alone in an empty folder, the repository cloned from this checkout's
    # committed state (file:// so that the clone is shallow as on Colab).
    alone = tmp_path / "colab"
    alone.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_reading_the_page.ipynb", alone)
    monkeypatch.setenv("ZHPAPER_REPOSITORY", (ROOT).as_uri())
    path = alone / "01_reading_the_page.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import os\nprint(zhpaper.__file__)\nprint(os.getcwd())"))
    nbformat.write(nb, path)
    done = execute_notebook(path, cwd=alone)
    errors = [o for c in done.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors
    where = done.cells[-1]["outputs"][0]["text"].split("\n")
    clone = alone / "zhpaper"
    assert Path(where[0]).is_relative_to(clone / "lib"), where
    assert Path(where[1]) == clone / "notebooks", where
