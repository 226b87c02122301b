"""Packed tables (zhpaper.packed) answer exactly as the dict they were built from, for
keys they hold and keys they do not, and survive the cache (marshal) unchanged."""

from __future__ import annotations

import marshal
import random

import pytest

from zhpaper.packed import PackedCounts

ALPHABET = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发\x02\x03a1，"


def _table(values: str) -> dict:
    rng = random.Random(7)
    keys = {"", "\x00", "中\x00", "的" * 40, "𠀀国", "国𠀀中"}  # empty, NUL, long, non-BMP
    while len(keys) < 3000:
        keys.add("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 6))))
    if values == "int":
        return {k: rng.choice([0, 1, 7, 2**31 - 1, 3 * 2**40]) for k in sorted(keys)}
    return {k: (rng.randint(0, 10**6), rng.randint(0, 300)) for k in sorted(keys)}


def _absent(table: dict) -> list[str]:
    rng = random.Random(11)
    out = ["卌", "中卌", "的" * 41, "\x00\x00", "a" * 20]
    while len(out) < 3000:
        k = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 7)))
        if k not in table:
            out.append(k)
    return out


@pytest.mark.parametrize("values", ["int", "pair"])
def test_a_packed_table_answers_as_its_dict(values):
    table = _table(values)
    packed = PackedCounts.of(table)
    assert len(packed) == len(table)
    assert sorted(packed) == sorted(table)  # every key, once
    for k, v in table.items():
        assert k in packed and packed[k] == v and packed.get(k) == v
    for k in _absent(table):
        assert k not in packed and packed.get(k) is None and packed.get(k, 0) == 0
        with pytest.raises(KeyError):
            packed[k]
    assert 5 not in packed


def test_a_packed_table_survives_the_cache():
    table = _table("pair")
    again = PackedCounts.from_data(marshal.loads(marshal.dumps(PackedCounts.of(table).to_data())))
    assert dict(again.items()) == table


def test_an_empty_table_and_a_bad_cache_value():
    empty = PackedCounts.of({})
    assert len(empty) == 0 and list(empty) == [] and empty.get("a", 3) == 3 and "" not in empty
    with pytest.raises((TypeError, ValueError)):
        PackedCounts.from_data(({"a": 1}, {"b": 2}))


def test_a_packed_table_is_small():
    table = {f"{a}{b}{c}": 1000 for a in ALPHABET for b in ALPHABET for c in ALPHABET}
    packed = PackedCounts.of(table)
    assert packed.nbytes() == 12 * len(table)  # an 8-byte code and a 4-byte count a key
