"""Draw the icons of the ribbon's Regio group, in the style of the UVP tab's other icons.

The tab's first icons (uvp, controleren, kwartalen, evaluatie, exporteren) came
before this script; it draws the two of the Regio group the same way: a white
tile with a dark slate border (#394A52) and rounded corners, Material colours
inside, each size drawn four times larger and scaled down (anti-aliasing).

Run by hand, with Pillow (not a dependency of uvp):

    python -m pip install pillow
    python excel/make_icons.py

It writes src/uvp/addin/static/icons/{kwartaalrapportage,vergelijken}-{16,32,80}.png.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "src" / "uvp" / "addin" / "static" / "icons"
SIZES = (16, 32, 80)
SCALE = 4  # drawn at four times the size, then scaled down

SLATE = "#394A52"
WHITE = "#FFFFFF"
GREEN = "#4CAF50"
BLUE = "#2196F3"
RED = "#F44336"
ORANGE = "#FF9800"
GREY = "#B0BEC5"

Box = tuple[float, float, float, float]


def _tile(draw: ImageDraw.ImageDraw, box: Box, unit: float, radius: float = 8) -> None:
    """A white tile with the slate border, in the 80-pixel grid scaled by *unit*."""
    x0, y0, x1, y1 = (v * unit for v in box)
    draw.rounded_rectangle(
        (x0, y0, x1, y1),
        radius=radius * unit,
        fill=WHITE,
        outline=SLATE,
        width=max(1, round(5 * unit)),
    )


def _bar(draw: ImageDraw.ImageDraw, box: Box, unit: float, colour: str) -> None:
    x0, y0, x1, y1 = (v * unit for v in box)
    draw.rectangle((x0, y0, x1, y1), fill=colour)


def kwartaalrapportage(draw: ImageDraw.ImageDraw, unit: float) -> None:
    """The report's chart: per priority a stacked bar (done, running, overdue)."""
    _tile(draw, (4, 4, 75, 75), unit)
    rows = [(18, 30, (22, 14, 8)), (35, 47, (12, 18, 14)), (52, 64, (26, 8, 6))]
    for top, bottom, lengths in rows:
        left = 15.0
        for length, colour in zip(lengths, (GREEN, BLUE, RED), strict=True):
            _bar(draw, (left, top, left + length, bottom), unit, colour)
            left += length


def vergelijken(draw: ImageDraw.ImageDraw, unit: float) -> None:
    """Two plans side by side: the same rows, one of them different."""
    for left, colours in ((4, (GREEN, GREEN, GREEN)), (42, (GREEN, ORANGE, GREEN))):
        _tile(draw, (left, 6, left + 33, 73), unit, radius=6)
        for row, colour in enumerate(colours):
            top = 19 + 17 * row
            _bar(draw, (left + 9, top, left + 24, top + 9), unit, colour)


DRAWINGS: dict[str, Callable[[ImageDraw.ImageDraw, float], None]] = {
    "kwartaalrapportage": kwartaalrapportage,
    "vergelijken": vergelijken,
}


def draw(name: str, size: int) -> Image.Image:
    """The icon *name* at *size* pixels."""
    big = Image.new("RGBA", (size * SCALE, size * SCALE), (0, 0, 0, 0))
    DRAWINGS[name](ImageDraw.Draw(big), size * SCALE / 80)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    for name in DRAWINGS:
        for size in SIZES:
            path = ICONS / f"{name}-{size}.png"
            draw(name, size).save(path, optimize=True)
            print(path.relative_to(ICONS.parent.parent.parent.parent.parent))


if __name__ == "__main__":
    main()
