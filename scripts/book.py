"""Build the book, re-executing notebooks whenever the code they import changed.

Jupyter Book's execution cache keys each notebook on its own cells only, so a change
to ``lib/zhpaper`` (or its data files, or the seed page) would leave stale outputs in
the book. Before building, this script hashes those inputs and empties the execution
cache when the hash differs from the one recorded at the last build.

Usage::

    python scripts/book.py [--force] [-- extra jupyter-book arguments]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Everything the notebooks read besides themselves.
INPUTS = ("lib/zhpaper", "seeds", "notebooks/notes", "requirements.txt", "_config.yml")
STAMP_NAME = "zhpaper-inputs.sha256"


def inputs_digest(root: Path, inputs: tuple[str, ...] = INPUTS) -> str:
    """SHA-256 over the paths and bytes of every file under ``inputs``."""
    digest = hashlib.sha256()
    for name in inputs:
        base = root / name
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def invalidate_if_changed(root: Path, build_dir: Path) -> bool:
    """Empty the execution cache if the library inputs changed. True if emptied."""
    cache = build_dir / ".jupyter_cache"
    stamp = build_dir / STAMP_NAME
    current = inputs_digest(root)
    previous = stamp.read_text().strip() if stamp.is_file() else None
    changed = previous != current
    if changed and cache.exists():
        shutil.rmtree(cache)
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n")
    return changed


def build_command(root: Path, inputs_changed: bool, extra: list[str]) -> list[str]:
    """The jupyter-book command. When the inputs changed, ``--all`` makes Sphinx re-read
    every page: a notebook Sphinx thinks is up to date would not be executed again."""
    jb = Path(sys.executable).with_name("jupyter-book")
    return [str(jb), "build", str(root), *(["--all"] if inputs_changed else []), *extra]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="re-execute every notebook")
    parser.add_argument("extra", nargs="*", help="arguments passed to jupyter-book build")
    args = parser.parse_args(argv)
    build_dir = ROOT / "_build"
    if args.force and (build_dir / ".jupyter_cache").exists():
        shutil.rmtree(build_dir / ".jupyter_cache")
    had_build = (build_dir / "html").exists()
    changed = invalidate_if_changed(ROOT, build_dir) or args.force
    if changed and had_build:
        print("book: library, data or seed changed: every notebook will be re-executed")
    return subprocess.call(build_command(ROOT, changed, args.extra))


if __name__ == "__main__":
    sys.exit(main())
