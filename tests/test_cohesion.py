"""The library's one cosine (zhpaper.cohesion): vectors, dot product, length, cosine."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from zhpaper import assignment, cohesion


def test_weigh_scales_counts_by_their_weight_and_knows_unknown_bigrams():
    grams = Counter({"安全": 2, "生产": 1})
    assert cohesion.weigh(grams, {"安全": 1.5}) == {"安全": 3.0, "生产": 1.0}
    assert cohesion.weigh(grams, {"安全": 1.5}, 3) == {"安全": 9.0, "生产": 3.0}


def test_dot_norm_and_cosine():
    a, b = {"x": 3.0, "y": 4.0}, {"x": 1.0, "z": 2.0}
    assert cohesion.dot(a, b) == cohesion.dot(b, a) == 3.0
    assert cohesion.norm2(a) == 25.0
    assert cohesion.cosine(3.0, 5.0, math.sqrt(5.0)) == pytest.approx(3 / (5 * math.sqrt(5)))
    assert cohesion.cosine(3.0, 0.0, 1.0) == cohesion.cosine(3.0, 1.0, 0.0) == 0.0


def test_vectors_use_the_same_functions():
    v = cohesion.Vectors(cohesion.idf([cohesion.bigrams("安全生产"), cohesion.bigrams("生产经营")]))
    vec, norm = v.vector("安全生产")
    assert norm == math.sqrt(cohesion.norm2(vec))
    assert v.cosine("安全生产", "安全生产") == pytest.approx(1.0)
    assert v.cosine("安全生产", "") == 0.0 and v.cosine("安全生产", "经营单位") == 0.0


def test_assignment_leaves_a_paragraph_out_of_its_own_articles_profile():
    weights = {"安全": 2.0, "生产": 1.0, "算力": 3.0}
    vectors = [cohesion.weigh(Counter(g), weights) for g in (["安全", "生产"], ["算力"])]
    headings = [cohesion.weigh(Counter(["安全"]), weights, 3), {}]
    profiles = assignment._profiles(headings, vectors, [0, 0])
    assert profiles[0][0] == {"安全": 8.0, "生产": 1.0, "算力": 3.0} and profiles[1] == ({}, 0.0)
    sims = assignment._similarities(vectors[0], profiles, 0)
    rest = {"安全": 6.0, "算力": 3.0}  # the profile of article 0 without paragraph 0
    expected = cohesion.dot(vectors[0], rest) / math.sqrt(
        cohesion.norm2(vectors[0]) * cohesion.norm2(rest))
    assert sims == [pytest.approx(expected), 0.0]
    alone = assignment._profiles([{}], vectors[:1], [0])
    assert assignment._similarities(vectors[0], alone, 0) == [0.0]  # nothing left of it
