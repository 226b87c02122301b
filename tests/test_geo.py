"""Tests for zhpaper.geo: great-circle distances and light-in-fibre latency floors."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import zhpaper
from zhpaper import geo

R = geo.EARTH_RADIUS_KM


def test_quarter_and_half_circles():
    assert geo.haversine_km((0, 0), (0, 90)) == pytest.approx(math.pi * R / 2)
    assert geo.haversine_km((0, 0), (90, 0)) == pytest.approx(math.pi * R / 2)
    assert geo.haversine_km((0, 0), (0, 180)) == pytest.approx(math.pi * R)
    assert geo.haversine_km((90, 0), (-90, 0)) == pytest.approx(math.pi * R)
    assert geo.haversine_km((45, 10), (45, 10)) == 0


def test_known_distances():
    # Rosetta Code "Haversine formula": BNA (36.12, -86.67) to LAX (33.94, -118.40)
    # is 2887.2599506 km on a sphere of radius 6372.8 km.
    bna, lax = (36.12, -86.67), (33.94, -118.40)
    assert geo.haversine_km(bna, lax, radius_km=6372.8) == pytest.approx(2887.25995, abs=1e-3)
    # One degree of latitude along a meridian: 2πR / 360 ≈ 111.195 km.
    assert geo.haversine_km((10, 20), (11, 20)) == pytest.approx(111.195, abs=1e-3)
    # London (51.5074 N, 0.1278 W) to Paris (48.8566 N, 2.3522 E): about 344 km.
    assert geo.haversine_km((51.5074, -0.1278), (48.8566, 2.3522)) == pytest.approx(344, abs=1)


@given(st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180))
def test_symmetric_and_bounded(lat1, lon1, lat2, lon2):
    d = geo.haversine_km((lat1, lon1), (lat2, lon2))
    assert d == pytest.approx(geo.haversine_km((lat2, lon2), (lat1, lon1)), abs=1e-6)
    assert 0 <= d <= math.pi * R + 1e-6


@pytest.mark.parametrize("text, value", [
    ("40°49′N", 40 + 49 / 60),
    ("111°39′27″E", 111 + 39 / 60 + 27 / 3600),
    ("22°32'S", -(22 + 32 / 60)),
    ("0°7′39″W", -(7 / 60 + 39 / 3600)),
    ("116.3975", 116.3975),
    ("31°N", 31.0),
])
def test_parse_coordinate(text, value):
    assert geo.parse_coordinate(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["north", "40°61′N", "91°N", "181°E", "40°49′"])
def test_bad_coordinates_are_one_clear_error(text):
    with pytest.raises(zhpaper.ZhpaperError, match="not a coordinate"):
        geo.parse_coordinate(text)


def test_bad_points_are_rejected():
    with pytest.raises(zhpaper.ZhpaperError):
        geo.haversine_km((91, 0), (0, 0))


def test_propagation_and_its_inverse():
    # 1,000 km of fibre at 200 km/ms: 5 ms one way, 10 ms there and back.
    assert geo.propagation_ms(1000) == pytest.approx(5.0)
    assert geo.propagation_ms(1000, round_trip=True) == pytest.approx(10.0)
    assert geo.propagation_ms(1000, route_factor=1.5) == pytest.approx(7.5)
    assert geo.propagation_ms(1000, speed_km_per_ms=geo.C_VACUUM_KM_PER_MS) == pytest.approx(
        3.33564, abs=1e-5)
    assert geo.max_route_factor(7.5, 1000) == pytest.approx(1.5)
    assert geo.max_route_factor(5, 1000, round_trip=True) == pytest.approx(0.5)
    assert geo.max_route_factor(5, 0) == math.inf
    with pytest.raises(zhpaper.ZhpaperError):
        geo.propagation_ms(100, route_factor=0.9)


def test_latency_frame():
    frame = geo.latency_frame((0, 0), {"east": (0, 9), "north": (9, 0)}, {"east": 5.0},
                              route_factors=(1.5, 1))
    assert list(frame.columns) == geo.LATENCY_COLUMNS
    assert len(frame) == 2 * 2 * 2
    east = frame[frame["destination"] == "east"]
    assert list(east["reading"]) == ["one way", "one way", "round trip", "round trip"]
    assert list(east["route_factor"]) == [1.0, 1.5, 1.0, 1.5]
    # 9° of the equator ≈ 1000.8 km: 5.0 ms one way on the geodesic is just too fast.
    assert east["distance_km"].iloc[0] == pytest.approx(1000.8, abs=0.1)
    assert list(east["possible"]) == [False, False, False, False]
    assert frame[frame["destination"] == "north"]["possible"].isna().all()
