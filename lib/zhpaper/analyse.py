"""The whole reading over many pages: tidy tables in a folder, loaded in one call.

:func:`analyse` reads every page (:func:`zhpaper.read`: reconstruction, audit, tokens,
entities, facts, dates, claim checks, slogans; keywords are left out) and writes, for
each table of :data:`TABLES`, one JSON Lines file per page::

    OUT/manifest.json            what is there: pages done, their sha256, version, tables
    OUT/pages/PAGE.json          the page's record: written last, it marks the page done
    OUT/tokens/PAGE.jsonl        one JSON object per row (likewise articles, paragraphs …)

``PAGE``, the page's id, is the file's stem (``1998-01-05_p04`` for
``1998-01-05_p04.md``): the name the user's archive already gives the page (a
date, an issue number), readable in every row; two inputs with the same stem are an
error before anything runs. The page's sha256 is in its record and the manifest.

Every file is written to a temporary name in its folder and renamed when complete, and
a page's record only after all its tables: an interrupted run leaves no half-written
file and never a page counted as done without its tables. A page is *done* when its
record exists with the sha256 of the file as it is now, this library's version and the
run's ``date`` (the reference date for relative dates, :func:`zhpaper.read`'s
``date``; stored in the record, None without one); a rerun skips those and redoes the
rest (a changed file, a page that failed, a page read with another date). A bad page
(unreadable, not UTF-8, empty, or a bug in the library) is reported and skipped.

:func:`load` (also ``zhpaper.archive.load``) reads one table of every done page into one
DataFrame: ``page`` first, then the columns of the library function the table comes
from, with the dtypes of the data dictionary (``data/columns.toml``); ``paragraph`` of
the audit's findings is ``Int64`` here, since across pages some findings lie outside a
paragraph. :func:`analyse` runs on local processes (``jobs``) or on a Dask cluster
(``client``, a ``distributed.Client``); :func:`analyse_bag` maps the same per-page
function over a ``dask.bag`` of paths. Dask is an optional extra
(``pip install zhpaper[dask]``); on several machines, OUT and the pages must be on a
file system every worker sees.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ZhpaperError

if TYPE_CHECKING:
    import datetime

    import pandas as pd

    from .reading import Reading

SCHEMA = "zhpaper.analysis/1"
#: Each table: the library function its rows come from (as the data dictionary names it).
TABLES = {
    "articles": "zhpaper.analyse.articles_frame",
    "paragraphs": "zhpaper.page.Page.to_frame",
    "tokens": "zhpaper.tokens.tokens_frame",
    "entities": "zhpaper.entities.entities_frame",
    "facts": "zhpaper.facts.facts_frame",
    "dates": "zhpaper.facts.dates_frame",
    "checks": "zhpaper.facts.checks_frame",
    "slogans": "zhpaper.slogans.slogans_frame",
    "findings": "zhpaper.audit.Audit.to_frame",
}
#: Where a table's dtype differs from its function's on one page (see the docstring).
DTYPE_OVERRIDES = {("findings", "paragraph"): "Int64"}
PAGES = "pages"


def _frames(reading: Reading) -> dict[str, pd.DataFrame]:
    """The tables of one page, in the order of :data:`TABLES`."""
    compute: dict[str, Callable[[], pd.DataFrame]] = {
        "articles": lambda: articles_frame(reading.page),
        "paragraphs": reading.page.to_frame,
        "tokens": lambda: reading.tokens,
        "entities": lambda: reading.entities,
        "facts": lambda: reading.facts,
        "dates": lambda: reading.dates,
        "checks": lambda: reading.checks,
        "slogans": lambda: reading.slogans,
        "findings": reading.audit.to_frame,
    }
    return {name: compute[name]() for name in TABLES}


def articles_frame(page) -> pd.DataFrame:
    """One row per article of ``page``: its header, size and where its headline is."""
    import pandas as pd

    def text(element) -> str | None:
        return None if element is None else element.text

    rows = [{
        "article": a.id, "title": a.title, "kicker": text(a.kicker),
        "subtitle": text(a.subtitle), "byline": text(a.byline),
        "reporters": "、".join(a.reporters) or None, "continued_from": a.continued_from,
        "sections": len(a.sections), "paragraphs": len(a.paragraphs),
        "chars": sum(len(p.text) for p in a.paragraphs),
        "line": a.headline.source[0].line if a.headline.source else None,
        "source": [s.as_list() for s in a.headline.source],
    } for a in page.articles]
    frame = pd.DataFrame(rows, columns=[
        "article", "title", "kicker", "subtitle", "byline", "reporters", "continued_from",
        "sections", "paragraphs", "chars", "line", "source"])
    return frame.astype({"article": "str", "title": "str", "kicker": "str",
                         "subtitle": "str", "byline": "str", "reporters": "str",
                         "continued_from": "Int64", "sections": "int64",
                         "paragraphs": "int64", "chars": "int64", "line": "Int64"})


# ---------------------------------------------------------------------- one page
def page_id(path: str | Path) -> str:
    """The page's id in every table: the file's stem."""
    return Path(path).stem


def _sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _version() -> str:
    from . import __version__

    return __version__


def _json_value(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def _missing(value: Any) -> bool:
    """Whether a cell is missing (``pd.isna``; a list or tuple never is), with the
    common cases answered without pandas."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is list or kind is tuple:
        return False
    if value is None:
        return True
    if kind is float:
        return value != value
    import pandas as pd

    return not isinstance(value, list | tuple) and bool(pd.isna(value))


def _lines(frame: pd.DataFrame, page: str) -> str:
    """The rows of ``frame`` as JSON Lines, ``page`` first; missing values as null."""
    out = []
    columns = list(frame.columns)
    for row in frame.astype(object).itertuples(index=False, name=None):
        record = {"page": page}
        for name, value in zip(columns, row, strict=True):
            record[name] = None if _missing(value) else value
        out.append(json.dumps(record, ensure_ascii=False, default=_json_value) + "\n")
    return "".join(out)


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as sink:
            sink.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _record(out: Path, page: str) -> dict | None:
    try:
        return json.loads((out / PAGES / f"{page}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _iso_date(date: datetime.date | str | None) -> str | None:
    """``date`` (see :func:`zhpaper.read`) as ``YYYY-MM-DD``, or None; a bad date is a
    :class:`~zhpaper.ZhpaperError`."""
    from .page import publication_date

    given = publication_date(date)
    return None if given is None else given.isoformat()


def is_done(path: str | Path, out: str | Path, date: datetime.date | str | None = None) -> bool:
    """Whether ``path`` is analysed in ``out``: its record there has the file's sha256
    as it is now, this library's version and ``date`` (the reference date the page was
    read with), and every table's file is there."""
    page = page_id(path)
    record = _record(Path(out), page)
    if record is None or record.get("version") != _version() \
            or record.get("date") != _iso_date(date):
        return False
    if not all((Path(out) / name / f"{page}.jsonl").is_file() for name in TABLES):
        return False
    try:
        return record.get("sha256") == _sha256(path)
    except OSError:
        return False


def analyse_page(path: str, out: str, date: str | None = None) -> dict:
    """Analyse one page into ``out`` (skipped if :func:`is_done`), relative dates
    resolved against ``date`` (``YYYY-MM-DD``) if given; the page's record, with
    ``status`` ``done``, ``skipped`` or ``failed`` (and ``error``)."""
    from .reading import read

    page, target = page_id(path), Path(out)
    if is_done(path, target, date):
        return {**_record(target, page), "status": "skipped"}
    try:
        reading = read(path, date=date)
        frames = _frames(reading)
    except ZhpaperError as exc:
        return {"page": page, "path": path, "status": "failed", "error": str(exc)}
    except Exception as exc:  # a bug: report it with the page, go on with the others
        return {"page": page, "path": path, "status": "failed",
                "error": f"internal error ({type(exc).__name__}: {exc})"}
    for name, frame in frames.items():
        _write_atomic(target / name / f"{page}.jsonl", _lines(frame, page))
    # the hash of the bytes read, so that a file changed meanwhile is not taken for done
    record = {"page": page, "path": path, "sha256": reading.page.sha256, "version": _version(),
              "date": _iso_date(date), "rows": {name: len(frame) for name, frame in frames.items()}}
    _write_atomic(target / PAGES / f"{page}.json", json.dumps(record, ensure_ascii=False))
    return {**record, "status": "done"}


# ---------------------------------------------------------------------- many pages
def page_paths(inputs: Iterable[str | Path]) -> list[str]:
    """The page files of ``inputs`` (files, and the page files of folders), in order;
    a missing input or two pages with the same id are errors."""
    from .archive import page_files

    paths: list[str] = []
    for item in map(Path, inputs):
        if item.is_dir():
            paths.extend(str(p) for p in page_files(item))
        elif item.exists():
            paths.append(str(item))
        else:
            raise ZhpaperError(f"{item}: no such file or folder")
    if not paths:
        raise ZhpaperError("no pages given")
    seen: dict[str, str] = {}
    for p in paths:
        other = seen.setdefault(page_id(p), p)
        if other != p:
            raise ZhpaperError(f"{other} and {p} have the same page id {page_id(p)!r} (the "
                               "file's stem): rename one, or analyse them into two folders")
    return list(dict.fromkeys(paths))


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ZhpaperError(f"{out}: exists and is not a folder")
    (out / PAGES).mkdir(parents=True, exist_ok=True)


def _local(todo: list[str], out: str, jobs: int, date: str | None) -> Iterator[dict]:
    if jobs <= 1:
        for path in todo:
            yield analyse_page(path, out, date)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(analyse_page, path, out, date) for path in todo]
        try:
            for future in as_completed(futures):
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def _on_client(todo: list[str], out: str, client, date: str | None) -> Iterator[dict]:
    distributed = _dask_module("distributed")
    futures = client.map(analyse_page, todo, out=out, date=date, pure=False)
    try:
        for future in distributed.as_completed(futures):
            yield future.result()
    finally:
        client.cancel(futures)


def _dask_module(name: str):
    from importlib import import_module

    try:
        return import_module(name)
    except ImportError:
        raise ZhpaperError(f"the Dask path needs {name}: pip install zhpaper[dask]") from None


def analyse(inputs: Iterable[str | Path], out: str | Path, jobs: int = 1,
            progress: bool = False, client=None,
            report: Callable[[dict], None] | None = None,
            date: datetime.date | str | None = None) -> dict:
    """Analyse the pages of ``inputs`` into the folder ``out`` (see the module
    documentation), on ``jobs`` local processes or on the Dask ``client`` given;
    ``date`` (``YYYY-MM-DD``) is every page's reference date for relative dates.

    ``report`` is called with each failed page's record as it fails. Returns the
    run's summary: ``done``, ``skipped`` (counts) and ``failed`` (records)."""
    from .archive import Progress

    iso = _iso_date(date)
    paths, target = page_paths(inputs), Path(out)
    _prepare(target)
    todo = [p for p in paths if not is_done(p, target, iso)]
    summary: dict[str, Any] = {"done": 0, "skipped": len(paths) - len(todo), "failed": []}
    bar = Progress(len(todo), progress and bool(todo))
    results = (_on_client(todo, str(target), client, iso) if client is not None
               else _local(todo, str(target), jobs, iso))
    try:
        for record in results:
            if record["status"] == "failed":
                summary["failed"].append(record)
                if report is not None:
                    report(record)
            else:
                summary["done" if record["status"] == "done" else "skipped"] += 1
            bar.step()
    finally:
        write_manifest(target, summary["failed"])
    return summary


def analyse_bag(paths, out: str | Path, date: datetime.date | str | None = None) -> dict:
    """Analyse a ``dask.bag`` of page paths into ``out`` with the bag's scheduler (the
    active ``distributed.Client``, if there is one), relative dates resolved against
    ``date``; returns the summary of :func:`analyse`. Pages done before are skipped by
    each task."""
    _dask_module("dask.bag")
    iso = _iso_date(date)
    target = Path(out)
    _prepare(target)
    records = paths.map(analyse_page, out=str(target), date=iso).compute()
    failed = [r for r in records if r["status"] == "failed"]
    write_manifest(target, failed)
    return {"done": sum(r["status"] == "done" for r in records),
            "skipped": sum(r["status"] == "skipped" for r in records), "failed": failed}


def done_pages(out: str | Path) -> list[dict]:
    """The records of the pages done in ``out``, by page id."""
    folder = Path(out) / PAGES
    records = (_record(Path(out), p.stem) for p in sorted(folder.glob("*.json")))
    return [r for r in records if r is not None]


def write_manifest(out: str | Path, failed: list[dict] = ()) -> None:
    """Write ``out/manifest.json``: the tables, the pages done, the last run's failures."""
    from .columns import dictionary

    frames = {f.function: f for f in dictionary().frames}
    manifest = {
        "schema": SCHEMA, "version": _version(),
        "tables": {name: {"function": function, "folder": name, "columns": ["page", *(
            c.name for c in frames[function].columns)]} for name, function in TABLES.items()},
        "pages": done_pages(out),
        "failed": [{"path": r["path"], "error": r["error"]} for r in failed],
    }
    _write_atomic(Path(out) / "manifest.json",
                  json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


def load(out: str | Path, table: str) -> pd.DataFrame:
    """One table (a name of :data:`TABLES`) of every page done in ``out``, as one
    DataFrame: ``page`` first, then the documented columns with their dtypes."""
    import pandas as pd

    from .columns import dictionary

    if table not in TABLES:
        raise ZhpaperError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    if not (Path(out) / PAGES).is_dir():
        raise ZhpaperError(f"{out}: not an analysis folder (no {PAGES}/ in it)")
    frame = next(f for f in dictionary().frames if f.function == TABLES[table])
    dtypes = {"page": "str", **{c.name: DTYPE_OVERRIDES.get((table, c.name), c.dtype)
                                for c in frame.columns}}
    rows = []
    for record in done_pages(out):
        path = Path(out) / table / f"{record['page']}.jsonl"
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ZhpaperError(f"{path}: cannot read ({exc.strerror}); run analyse on the "
                               "page again") from None
        rows.extend(json.loads(line) for line in text.splitlines())
    data = pd.DataFrame.from_records(rows, columns=list(dtypes))
    return data.astype({n: d for n, d in dtypes.items() if d != "object"})


__all__ = ["SCHEMA", "TABLES", "analyse", "analyse_bag", "analyse_page", "articles_frame",
           "done_pages", "is_done", "load", "page_paths", "write_manifest"]
