"""Many pages at once: parse a folder of pages into one JSON Lines table.

Each line of the output is one page's ``zhpaper.page/1`` document (without the raw
text of every paragraph, to keep archives small, unless asked). Pages are processed in
sorted file order, on several processes if asked, with a progress bar on stderr. A page
that fails is reported and skipped; the others are still written. The output file is
written to a temporary name and renamed when complete, so it is never half-written.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .errors import ZhpaperError

PAGE_SUFFIXES = (".md", ".markdown", ".txt")


def page_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in PAGE_SUFFIXES)
    if not files:
        raise ZhpaperError(f"{folder}: no page files ({', '.join(PAGE_SUFFIXES)}) in folder")
    return files


def _parse_one(path: str, raw: bool = False) -> tuple[str, str | None, str | None]:
    """(path, JSON line or None, error message or None)."""
    from .reconstruct import read_page

    try:
        doc = read_page(path).to_json()
    except ZhpaperError as exc:
        return path, None, str(exc)
    if not raw:
        for article in doc["articles"]:
            for section in article["sections"]:
                for paragraph in section["paragraphs"]:
                    paragraph.pop("raw", None)
    return path, json.dumps(doc, ensure_ascii=False), None


class Progress:
    """A one-line progress bar on stderr: done/total, pages per second, time left."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.done = total, enabled, 0
        self.start = time.perf_counter()

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        elapsed = time.perf_counter() - self.start
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        width = 30
        filled = int(width * self.done / self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
                         f"  {rate:.1f} pages/s  {left:.0f}s left ")
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def parse_many(files: list[Path], jobs: int = 1, progress: bool = False,
               raw: bool = False) -> Iterator[tuple[str, str | None, str | None]]:
    """Parse ``files`` in order, on ``jobs`` processes; yield ``(path, line, error)``."""
    bar = Progress(len(files), progress)
    if jobs <= 1:
        for f in files:
            yield _parse_one(str(f), raw)
            bar.step()
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(_parse_one, [str(f) for f in files], [raw] * len(files),
                               chunksize=max(1, len(files) // (jobs * 8))):
            yield result
            bar.step()


def parse_folder(folder: Path, out: Path | None, jobs: int = 1, progress: bool = False,
                 raw: bool = False) -> tuple[int, list[tuple[str, str]]]:
    """Write one JSON line per page of ``folder`` to ``out`` (stdout if None).

    Returns ``(pages written, [(path, error), …])``.
    """
    files = page_files(folder)
    failures: list[tuple[str, str]] = []
    written = 0
    target = out.parent if out else None
    if out is not None:
        fd, tmp_name = tempfile.mkstemp(dir=target, prefix=f".{out.name}.", suffix=".tmp")
        sink = os.fdopen(fd, "w", encoding="utf-8")
    else:
        sink, tmp_name = sys.stdout, None
    try:
        for path, line, error in parse_many(files, jobs, progress, raw):
            if error is not None:
                failures.append((path, error))
            else:
                sink.write(line + "\n")
                written += 1
        if tmp_name is not None:
            sink.close()
            os.replace(tmp_name, out)
            tmp_name = None
    finally:
        if tmp_name is not None:
            sink.close()
            os.unlink(tmp_name)
    return written, failures


def load(out: Path | str, table: str):
    """One table of an analysis folder written by ``python -m zhpaper analyse`` as one
    DataFrame (:func:`zhpaper.analyse.load`)."""
    from .analyse import load as load_table

    return load_table(out, table)
