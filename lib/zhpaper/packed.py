"""Large tables of short strings kept compactly: a read-only mapping over sorted codes.

A model's counts of character n-grams or of short words are millions of small Python
strings and ints in a ``dict`` (about 150 bytes an entry). :class:`PackedCounts` holds
the same table as two or three machine arrays: each key is numbered by its characters
(``code = code << width | index of the character``, indices from 1, so keys of different
lengths never share a code) and the codes are sorted; a look-up computes the key's code
and finds it by binary search (:func:`bisect.bisect_left`). Keys too long to fit in 63
bits (or holding a NUL) stay in a small ordinary ``dict``. It answers exactly as the
``dict`` it was built from (``get``, ``in``, ``[]``, ``len``, iteration, in code order
rather than insertion order) in about a tenth of the memory, a look-up taking about a
microsecond instead of a tenth of one. :meth:`PackedCounts.to_data` and
:meth:`PackedCounts.from_data` turn it into and back from values ``marshal`` writes (the
library's cache, :mod:`zhpaper.resources`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Any

#: Bits of a code: the array's type ``q`` is a signed 64-bit integer.
_BITS = 63


def _typecode(values: list[int]) -> str:
    """The smallest array type of these two that holds every value of ``values``."""
    return "i" if all(-2**31 <= v < 2**31 for v in values) else "q"


class PackedCounts(Mapping):
    """A read-only mapping of strings to ints (or to tuples of ints of one length),
    equal to the ``dict`` it was built from (:meth:`of`)."""

    __slots__ = ("_alphabet", "_index", "_width", "_fits", "_codes", "_columns", "_tuples",
                 "_long")

    def __init__(self, alphabet: str, codes: array, columns: tuple[array, ...],
                 tuples: bool, long: dict[str, Any]) -> None:
        self._alphabet = alphabet
        self._index = {c: k + 1 for k, c in enumerate(alphabet)}
        self._width = max(1, len(alphabet).bit_length())
        self._fits = _BITS // self._width  #: keys of at most this many characters are coded
        self._codes = codes
        self._columns = columns  #: one array of values, or one per tuple position
        self._tuples = tuples  #: values are tuples (of ``len(columns)`` ints)
        self._long = long

    @classmethod
    def of(cls, table: Mapping[str, Any]) -> PackedCounts:
        """The packed form of ``table`` (values all ints, or all tuples of ints)."""
        alphabet = "".join(sorted({c for key in table for c in key} - {"\0"}))
        empty = cls(alphabet, array("q"), (), False, {})
        coded = sorted((empty._code(k), v) for k, v in table.items() if empty._codable(k))
        long = {k: v for k, v in table.items() if not empty._codable(k)}
        values = [v for _, v in coded]
        sample = next(iter(table.values()), 0)
        tuples = isinstance(sample, tuple)
        parts = [[v[p] for v in values] for p in range(len(sample))] if tuples else [values]
        columns = tuple(array(_typecode(p), p) for p in parts)
        return cls(alphabet, array("q", [c for c, _ in coded]), columns, tuples, long)

    def _codable(self, key: str) -> bool:
        """True if ``key`` is kept as a code: short enough, and no NUL (which numpy
        would drop from the end of a decoded key)."""
        return len(key) <= self._fits and "\0" not in key

    def _code(self, key: str) -> int:
        """The code of ``key`` (all its characters in the alphabet, short enough)."""
        code, index, width = 0, self._index, self._width
        for c in key:
            code = code << width | index[c]
        return code

    def _find(self, key: str) -> int:
        """The position of ``key``'s code, or -1 if the table does not hold it."""
        code, index, width = 0, self._index, self._width
        for c in key:
            k = index.get(c)
            if k is None:
                return -1
            code = code << width | k
        codes = self._codes
        i = bisect_left(codes, code)
        return i if i < len(codes) and codes[i] == code else -1

    def _value(self, i: int) -> Any:
        if self._tuples:
            return tuple(col[i] for col in self._columns)
        return self._columns[0][i]

    def get(self, key: str, default: Any = None) -> Any:
        if len(key) <= self._fits:
            i = self._find(key)
            if i >= 0:
                return self._value(i)
        return self._long.get(key, default) if self._long else default

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return len(key) <= self._fits and self._find(key) >= 0 or key in self._long

    def __len__(self) -> int:
        return len(self._codes) + len(self._long)

    def __iter__(self) -> Iterator[str]:
        """The keys in code order (shorter first), then the long ones: keys of one length
        hold one stretch of the sorted codes, decoded together (numpy)."""
        import numpy as np

        codes = np.frombuffer(self._codes, np.int64)
        if len(codes) and codes[0] == 0:
            yield ""  # the empty key, code 0
        lut = np.array([0, *map(ord, self._alphabet)], "<u4")
        width, mask = self._width, (1 << self._width) - 1
        for n in range(1, self._fits + 1):
            lo = np.searchsorted(codes, 1 << width * (n - 1))
            hi = len(codes) if n == self._fits else np.searchsorted(codes, 1 << width * n)
            part = codes[lo:hi]
            chars = np.empty((len(part), n), "<u4")
            for j in range(n):
                chars[:, j] = lut[(part >> width * (n - 1 - j)) & mask]
            yield from chars.view(f"<U{n}").ravel().tolist()
        yield from self._long

    def nbytes(self) -> int:
        """Bytes held by the arrays (the codes and the values)."""
        return sum(a.itemsize * len(a) for a in (self._codes, *self._columns))

    def to_data(self) -> tuple:
        """Values ``marshal`` writes, from which :meth:`from_data` makes this table again."""
        return (self._alphabet, self._codes.tobytes(),
                tuple((c.typecode, c.tobytes()) for c in self._columns), self._tuples,
                self._long)

    @classmethod
    def from_data(cls, data: tuple) -> PackedCounts:
        """The table :meth:`to_data` described (``TypeError``/``ValueError`` if ``data`` has
        another shape)."""
        alphabet, codes, columns, tuples, long = data
        if not isinstance(alphabet, str) or not isinstance(long, dict):
            raise TypeError("not a packed table")
        code_array = array("q")
        code_array.frombytes(codes)
        arrays = []
        for typecode, raw in columns:
            col = array(typecode)
            col.frombytes(raw)
            if len(col) != len(code_array):
                raise ValueError("a packed table's columns differ in length")
            arrays.append(col)
        return cls(alphabet, code_array, tuple(arrays), bool(tuples), long)


_ABSENT = object()
