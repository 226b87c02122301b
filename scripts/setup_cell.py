"""Write (or check) the setup cell that opens every chapter of the book.

Usage:
    python scripts/setup_cell.py          # insert or update the cell in every chapter
    python scripts/setup_cell.py --check  # exit 1 if a chapter's cell is missing or stale

Colab's launch button opens one chapter alone, without the repository around it, so the
chapter's ``import zhpaper`` and its ``../seeds/…`` page would fail. The first code cell
of every chapter therefore checks whether it runs inside a checkout (``../seeds`` beside
the notebook); only when it does not, it clones the repository, installs the packages
the library needs that are missing, puts the clone's ``lib/`` first on ``sys.path`` and
moves into the clone's ``notebooks/`` folder, so that the rest of the chapter runs as it
does in a checkout. In a checkout, and when the book is built, it does nothing and prints
nothing. The cell is tagged ``remove-cell``: the book does not show it.

The repository is named once, in ``_config.yml`` (``repository.url``); this script
writes it into the cells, and a test (tests/test_setup_cell.py) fails when a cell differs
from what this script would write. ``ZHPAPER_REPOSITORY`` overrides the address when the
cell runs (the test points it at a local clone). The packages and their versions come
from ``requirements.txt``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
#: what the library needs at run time beyond what Colab has (pandas, matplotlib)
RUNTIME = ("jieba", "snownlp", "wordcloud", "zhplot")
TAG = "remove-cell"
MARK = "# Setup outside a checkout"

TEMPLATE = '''\
{mark} (Colab opens a chapter alone): fetch the repository and the
# packages the library needs, then run from the clone. In a checkout it does nothing.
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

if not Path("../seeds").is_dir():
    url = os.environ.get("ZHPAPER_REPOSITORY", "{url}")
    if not Path("zhpaper/seeds").is_dir():
        clone = ["git", "clone", "-q", "--depth", "1", url, "zhpaper"]
        subprocess.run(clone, check=True)
    needed = {packages}
    missing = [p for m, p in needed.items() if importlib.util.find_spec(m) is None]
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", *missing], check=True)
    sys.path.insert(0, str(Path("zhpaper/lib").resolve()))
    os.chdir("zhpaper/notebooks")'''


def repository_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"]


def pinned(names=RUNTIME) -> list[tuple[str, str]]:
    """``(module, requirement)`` for each package, pinned as in requirements.txt."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if m:
            pins[m[1].lower()] = m[0]
    return [(name, pins.get(name, name)) for name in names]


def cell_source() -> str:
    packages = "{\n" + "".join(f'        "{m}": "{p}",\n' for m, p in pinned()) + "    }"
    return TEMPLATE.format(mark=MARK, url=repository_url(), packages=packages)


def chapters() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]
    return [ROOT / f"{f}.ipynb" for f in files if (ROOT / f"{f}.ipynb").exists()]


def setup_index(cells: list[dict]) -> int | None:
    """Index of the chapter's setup cell, if it has one."""
    return next((i for i, c in enumerate(cells) if c["cell_type"] == "code"
                 and "".join(c["source"]).startswith(MARK)), None)


def new_cell() -> dict:
    source = cell_source()
    lines = source.splitlines(keepends=True)
    return {"cell_type": "code", "execution_count": None, "metadata": {"tags": [TAG]},
            "outputs": [], "source": lines}


def updated(nb: dict) -> dict:
    """The notebook with its setup cell, right before its first code cell."""
    cells = [c for i, c in enumerate(nb["cells"]) if i != setup_index(nb["cells"])]
    first = next(i for i, c in enumerate(cells) if c["cell_type"] == "code")
    cell = new_cell()
    cell["id"] = "zhpaper-setup"
    return {**nb, "cells": cells[:first] + [cell] + cells[first:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path in chapters():
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
        new = updated(nb)
        if new != nb:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(json.dumps(new, indent=1, ensure_ascii=False, sort_keys=True)
                                + "\n",
                                encoding="utf-8")
    for path in stale:
        print(f"{'stale' if args.check else 'updated'}: {path}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
