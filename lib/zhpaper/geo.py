"""Distances on the globe and the time light needs to cover them.

Policy news states network speeds ("数据5毫秒到达京津冀"); physics sets a floor under
them. This module computes that floor so a claim can be read against it:

* :func:`parse_coordinate` turns a printed coordinate (``40°49′N``, ``111°39′27″E``)
  into signed decimal degrees, so coordinates can be copied from a cited source as
  printed.
* :func:`haversine_km` is the great-circle distance between two points on a sphere of
  the Earth's mean radius (IUGG, 6371.0088 km). The sphere errs from the ellipsoid by
  well under 0.5 %, far less than the uncertainty of where a "region" begins.
* :func:`propagation_ms` is the time light needs for a path: the great-circle distance
  times a *route factor* (real cables are longer than the geodesic), divided by the
  speed of light in the medium, doubled for a round trip. In silica fibre light travels
  at about ``c / 1.47`` ≈ 204 km per millisecond; the rule of thumb
  :data:`FIBRE_KM_PER_MS` = 200 km/ms (5 µs per km) is the default.
* :func:`max_route_factor` inverts it: the longest route (as a multiple of the
  great-circle distance) on which a stated time is still physically possible. Below 1
  the claim is impossible whatever the route.
* :func:`latency_frame` puts claims and floors side by side for several readings of a
  claim (one way or round trip, several route factors).

Propagation is a floor: switching, queuing, serialisation and processing only add to it.
Nothing here knows any place: coordinates and claims come from the caller, with their
sources.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from .errors import ZhpaperError

#: Mean radius of the Earth in km (IUGG R1 = (2a + b) / 3).
EARTH_RADIUS_KM = 6371.0088
#: Speed of light in vacuum, km per millisecond.
C_VACUUM_KM_PER_MS = 299.792458
#: Rule-of-thumb speed of light in optical fibre, km per millisecond (5 µs/km).
FIBRE_KM_PER_MS = 200.0

_DMS = re.compile(
    r"^\s*(?P<deg>\d+(?:\.\d+)?)\s*[°º]\s*"
    r"(?:(?P<min>\d+(?:\.\d+)?)\s*['′’]\s*)?"
    r"(?:(?P<sec>\d+(?:\.\d+)?)\s*(?:\"|″|”|′′|'')\s*)?"
    r"(?P<hem>[NSEW])\s*$", re.IGNORECASE)

Point = tuple[float, float]


def parse_coordinate(text: str) -> float:
    """Signed decimal degrees of a printed coordinate: ``40°49′N`` → 40.8167,
    ``111°39′27″E`` → 111.6575, ``22°32′S`` → -22.5333; a plain number is returned
    as it is. Raises :class:`~zhpaper.errors.ZhpaperError` on anything else."""
    try:
        return float(text)
    except ValueError:
        pass
    m = _DMS.match(text)
    if not m:
        raise ZhpaperError(f"not a coordinate: {text!r} (expected e.g. 40°49′N)")
    minutes = float(m["min"] or 0)
    seconds = float(m["sec"] or 0)
    if minutes >= 60 or seconds >= 60:
        raise ZhpaperError(f"not a coordinate: {text!r} (minutes and seconds < 60)")
    value = float(m["deg"]) + minutes / 60 + seconds / 3600
    hemisphere = m["hem"].upper()
    limit = 90 if hemisphere in "NS" else 180
    if value > limit:
        raise ZhpaperError(f"not a coordinate: {text!r} (more than {limit}°)")
    return -value if hemisphere in "SW" else value


def _check_point(p: Point) -> tuple[float, float]:
    lat, lon = float(p[0]), float(p[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ZhpaperError(f"not a (latitude, longitude) pair in degrees: {p!r}")
    return lat, lon


def haversine_km(a: Point, b: Point, radius_km: float = EARTH_RADIUS_KM) -> float:
    """Great-circle distance in km between ``a`` and ``b``, each ``(latitude,
    longitude)`` in decimal degrees (north and east positive)."""
    lat1, lon1 = map(math.radians, _check_point(a))
    lat2, lon2 = map(math.radians, _check_point(b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * radius_km * math.asin(min(1.0, math.sqrt(h)))


def propagation_ms(distance_km: float, *, route_factor: float = 1.0,
                   round_trip: bool = False,
                   speed_km_per_ms: float = FIBRE_KM_PER_MS) -> float:
    """Milliseconds light needs for ``distance_km`` of great-circle distance on a route
    ``route_factor`` times as long, there (and back, if ``round_trip``)."""
    if distance_km < 0 or route_factor < 1 or speed_km_per_ms <= 0:
        raise ZhpaperError("distance must be ≥ 0, route factor ≥ 1 and speed > 0")
    legs = 2 if round_trip else 1
    return legs * distance_km * route_factor / speed_km_per_ms


def max_route_factor(claim_ms: float, distance_km: float, *, round_trip: bool = False,
                     speed_km_per_ms: float = FIBRE_KM_PER_MS) -> float:
    """The longest route, as a multiple of the great-circle distance, on which light
    covers ``distance_km`` (there and back, if ``round_trip``) within ``claim_ms``.
    A result below 1 means the claim is impossible on any route; ``inf`` for distance 0."""
    if claim_ms < 0 or distance_km < 0 or speed_km_per_ms <= 0:
        raise ZhpaperError("time and distance must be ≥ 0 and speed > 0")
    if distance_km == 0:
        return math.inf
    legs = 2 if round_trip else 1
    return claim_ms * speed_km_per_ms / (legs * distance_km)


LATENCY_COLUMNS = ["destination", "distance_km", "reading", "route_factor", "floor_ms",
                   "claim_ms", "possible"]


def latency_frame(origin: Point, destinations: Mapping[str, Point],
                  claims: Mapping[str, float] | None = None, *,
                  route_factors: Iterable[float] = (1.0, 1.5),
                  speed_km_per_ms: float = FIBRE_KM_PER_MS):
    """One row per destination, reading (``one way``, ``round trip``) and route factor:
    ``destination``, ``distance_km`` (great circle from ``origin``), ``reading``,
    ``route_factor``, ``floor_ms`` (propagation time), ``claim_ms`` (from ``claims``,
    NaN if none) and ``possible`` (floor ≤ claim; ``<NA>`` without a claim).
    Destinations keep the caller's order."""
    import pandas as pd

    factors = sorted(set(float(f) for f in route_factors))
    claims = claims or {}
    rows = []
    for name, point in destinations.items():
        d = haversine_km(origin, point)
        claim = claims.get(name)
        for round_trip in (False, True):
            for f in factors:
                floor = propagation_ms(d, route_factor=f, round_trip=round_trip,
                                       speed_km_per_ms=speed_km_per_ms)
                rows.append((name, d, "round trip" if round_trip else "one way", f, floor,
                             math.nan if claim is None else float(claim),
                             pd.NA if claim is None else bool(floor <= claim)))
    frame = pd.DataFrame(rows, columns=LATENCY_COLUMNS)
    return frame.astype({"possible": "boolean"})


__all__ = ["C_VACUUM_KM_PER_MS", "EARTH_RADIUS_KM", "FIBRE_KM_PER_MS", "LATENCY_COLUMNS",
           "haversine_km", "latency_frame", "max_route_factor", "parse_coordinate",
           "propagation_ms"]
