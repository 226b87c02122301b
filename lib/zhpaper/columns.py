"""The data dictionary: the DataFrames the library returns, their columns, types, meaning.

Tidy DataFrames are how the library hands its results to notebooks, and the same name
should mean the same thing in all of them (``article``, ``paragraph``, ``line``,
``source`` …). ``data/columns.toml`` writes that vocabulary down once, and then every
frame: the function that returns it, what one row is, each column with its pandas dtype
and meaning. This module reads and checks the file; ``scripts/data_dictionary.py``
turns it into the book's data-dictionary page, and ``tests/test_data_dictionary.py``
calls each function on the seed page to hold the file to the code.

A column named after a vocabulary term shares its meaning (a ``note`` may add what is
particular to one frame); one that means something else under that name is marked a
``homonym``; one that holds a term's meaning under another name says ``same_as``. The
page shows both, so a reader sees where the names do not yet agree.
"""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from .errors import ZhpaperError
from .resources import read_data

#: The dtypes the dictionary may name (as ``str(frame[column].dtype)`` gives them).
DTYPES = frozenset({"str", "int64", "Int64", "float64", "bool", "boolean", "object"})


@dataclass(frozen=True)
class Column:
    """One documented column (or index) of a frame."""

    name: str
    dtype: str
    meaning: str  #: what it means here: its own, or the vocabulary's
    note: str = ""  #: what is particular to this frame, beside a shared meaning
    same_as: str | None = None  #: the vocabulary term it holds under another name
    homonym: bool = False  #: a vocabulary term's name with another meaning


@dataclass(frozen=True)
class Frame:
    """One DataFrame the library returns."""

    function: str  #: import path, ``zhpaper.module.function`` or ``….Class.method``
    call: str  #: how a user calls it
    stage: str  #: the section of the page it is listed under
    rows: str  #: what one row is
    columns: tuple[Column, ...]
    index: Column | None = None  #: a named index, if the frame has one
    #: the columns after ``columns``, one per article, phrase …: ``then.name`` says per what
    then: Column | None = None
    adds: bool = False  #: the table given, with ``columns`` added after its own

    @property
    def name(self) -> str:
        """The function as users write it: ``tokens.tokens_frame``, ``Page.to_frame``."""
        return ".".join(self.function.split(".")[-2:])

    def resolve(self):
        """The function (or method) itself, imported from :attr:`function`."""
        parts = self.function.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ModuleNotFoundError:
                continue
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
            return obj
        raise ZhpaperError(f"data dictionary: cannot import {self.function}")


@dataclass(frozen=True)
class Dictionary:
    vocabulary: dict[str, str]  #: term → meaning
    frames: tuple[Frame, ...]

    def uses(self, term: str) -> dict[str, list[str]]:
        """Where ``term`` occurs: frame names by ``shared`` (the term's own name and
        meaning), ``also`` (its meaning under another name, as ``name in frame``) and
        ``homonym`` (its name with another meaning)."""
        out: dict[str, list[str]] = {"shared": [], "also": [], "homonym": []}
        for f in self.frames:
            for c in (*f.columns, *(x for x in (f.index,) if x is not None)):
                if c.same_as == term:
                    out["also"].append(f"`{c.name}` in `{f.name}`")
                if c.name == term and c.homonym:
                    out["homonym"].append(f"`{f.name}`")
                elif c.name == term and c.same_as is None:
                    out["shared"].append(f"`{f.name}`")
        return out


def _column(raw: dict, vocabulary: dict[str, str], where: str) -> Column:
    name, dtype = raw.get("name"), raw.get("dtype")
    if not isinstance(name, str) or dtype not in DTYPES:
        raise ZhpaperError(f"data dictionary: {where}: needs a name and a dtype "
                           f"(one of {', '.join(sorted(DTYPES))}), got {raw!r}")
    meaning, same_as, homonym = raw.get("meaning"), raw.get("same_as"), bool(raw.get("homonym"))
    if same_as is not None and (same_as not in vocabulary or same_as == name):
        raise ZhpaperError(f"data dictionary: {where}: same_as {same_as!r} is no vocabulary term")
    if homonym and name not in vocabulary:
        raise ZhpaperError(f"data dictionary: {where}: homonym of no vocabulary term")
    if name in vocabulary and meaning is not None and not homonym:
        raise ZhpaperError(f"data dictionary: {where}: {name!r} is a vocabulary term; give a "
                           "note, or mark it a homonym")
    if meaning is None:
        meaning = vocabulary.get(same_as if same_as is not None or homonym else name)
    if meaning is None:
        raise ZhpaperError(f"data dictionary: {where}: no meaning")
    return Column(name, dtype, meaning, raw.get("note", ""), same_as, homonym)


def _parse_entry(raw: dict, vocabulary: dict[str, str]) -> Frame:
    function = raw.get("function", "?")
    missing = [k for k in ("function", "call", "stage", "rows", "columns") if k not in raw]
    if missing:
        raise ZhpaperError(f"data dictionary: {function}: no {missing[0]!r}")
    columns = tuple(_column(c, vocabulary, f"{function} column {k}")
                    for k, c in enumerate(raw["columns"], start=1))
    index = _column(raw["index"], vocabulary, f"{function} index") if "index" in raw else None
    then = None
    if "then" in raw:  # one column per article, phrase …: ``each`` says per what
        t = raw["then"]
        if t.get("dtype") not in DTYPES or not t.get("each") or not t.get("meaning"):
            raise ZhpaperError(f"data dictionary: {function}: `then` needs each, dtype, "
                               "meaning")
        then = Column(t["each"], t["dtype"], t["meaning"])
    if not columns and then is None:
        raise ZhpaperError(f"data dictionary: {function}: no columns")
    return Frame(function, raw["call"], raw["stage"], raw["rows"], columns, index, then,
                 bool(raw.get("adds")))


def parse(text: str) -> Dictionary:
    """The dictionary in ``text`` (the format of ``data/columns.toml``), checked: every
    column has a dtype and a meaning, the vocabulary is consistent, every term is used."""
    data = tomllib.loads(text)
    vocabulary = {term: entry["meaning"] for term, entry in data.get("vocabulary", {}).items()}
    frames = tuple(_parse_entry(f, vocabulary) for f in data.get("frame", []))
    names = [f.function for f in frames]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ZhpaperError(f"data dictionary: {twice[0]} is listed twice")
    d = Dictionary(vocabulary, frames)
    unused = [t for t in vocabulary if not any(d.uses(t).values())]
    if unused:
        raise ZhpaperError(f"data dictionary: vocabulary term {unused[0]!r} is used nowhere")
    return d


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The library's data dictionary (``data/columns.toml``)."""
    return parse(read_data("columns.toml"))


__all__ = ["DTYPES", "Column", "Dictionary", "Frame", "dictionary", "parse"]
