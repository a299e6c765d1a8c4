"""Build the web page's world outline (``interfaces/web/static/world.json``) from Natural Earth shapes.

Source: Natural Earth 1:110m admin-0 countries (public domain), as shipped in the geopandas 0.14 wheel
(``geopandas/datasets/naturalearth_lowres``). Nothing is installed; the wheel is read as a zip:

    pip download --no-deps -d /tmp/ne "geopandas==0.14.4"
    python scripts/build_world_map.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The outline is simplified (Douglas-Peucker), rounded to 0.1 degree and written as one SVG path in an
equirectangular projection: x = longitude + 180, y = 90 - latitude.
"""

from __future__ import annotations

import argparse
import json
import struct
import zipfile
from pathlib import Path

SHAPEFILE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp"
OUT = Path(__file__).resolve().parents[1] / "src" / "khabar" / "interfaces" / "web" / "static" / "world.json"
POLYGON = 5
TOLERANCE_DEG = 0.25
MIN_RING_POINTS = 4

Point = tuple[float, float]


def read_rings(data: bytes) -> list[list[Point]]:
    """Every ring of every polygon record of an ESRI shapefile (format: the 1998 ESRI white paper)."""
    rings: list[list[Point]] = []
    offset = 100  # the file header
    while offset < len(data):
        _, length_words = struct.unpack(">ii", data[offset : offset + 8])
        content = data[offset + 8 : offset + 8 + 2 * length_words]
        offset += 8 + 2 * length_words
        if struct.unpack("<i", content[:4])[0] != POLYGON:
            continue
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", content[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        coords = struct.unpack(f"<{2 * points_count}d", content[start : start + 16 * points_count])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        for first, last in zip(parts, parts[1:] + [points_count], strict=True):
            rings.append(points[first:last])
    return rings


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: keep the points farther than ``tolerance`` from the chord (iteratively)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        index, distance = first, 0.0
        for i in range(first + 1, last):
            x, y = points[i]
            # A closed ring's chord has no length: measure from its first point instead.
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > distance:
                index, distance = i, d
        if distance > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def ring_path(points: list[Point]) -> str:
    coords: list[str] = []
    previous = None
    for lon, lat in points:
        xy = f"{lon + 180:.1f} {90 - lat:.1f}".replace(".0 ", " ").removesuffix(".0")
        if xy != previous:
            coords.append(xy)
            previous = xy
    return "M" + "L".join(coords) + "Z" if len(coords) >= MIN_RING_POINTS else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the geopandas 0.14 wheel, or a .shp file")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.source.suffix == ".whl":
        with zipfile.ZipFile(args.source) as wheel:
            data = wheel.read(SHAPEFILE)
    else:
        data = args.source.read_bytes()
    paths = [ring_path(simplify(ring, TOLERANCE_DEG)) for ring in read_rings(data)]
    outline = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4 naturalearth_lowres",
        "projection": "equirectangular: x = longitude + 180, y = 90 - latitude",
        "width": 360,
        "height": 180,
        "d": "".join(p for p in paths if p),
    }
    args.out.write_text(json.dumps(outline, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {sum(1 for p in paths if p)} rings, {args.out.stat().st_size / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
