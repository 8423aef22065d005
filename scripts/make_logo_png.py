"""Draw static/img/better-logo.png, the site's logo in its structured data (publisher logo, and the
image of an event that has none of its own).

Search engines want a raster logo, not the SVG favicon. The drawing is a few rectangles and a 5×7
pixel font, so the file is the same on every machine: run `python scripts/make_logo_png.py` after
changing it and commit the PNG. Pillow writes it where installed; otherwise zlib and struct do.
"""

import struct
import sys
import zlib
from pathlib import Path

SIZE = 600  # square, at least 112 px a side as search engines ask of a logo
RADIUS = 72
SCALE = 14  # one pixel of the font is SCALE×SCALE pixels of the logo
ACCENT = (0x0A, 0x4A, 0x8F, 255)  # --accent of static/css/site.css, as the favicon
WHITE = (255, 255, 255, 255)
YELLOW = (0xFF, 0xD5, 0x30, 255)  # --focus
CLEAR = (0, 0, 0, 0)
TARGET = Path(__file__).resolve().parent.parent / "static" / "img" / "better-logo.png"

GLYPHS = {
    "B": ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
    "E": ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
    "T": ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
    "R": ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
}
WORD = "BETTER"


def _inside_rounded_square(x, y):
    corner_x = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    corner_y = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    return (x - corner_x) ** 2 + (y - corner_y) ** 2 <= RADIUS**2


def _letter_cells():
    """The (column, row) cells of the word's pixel font that are ink."""
    cells = set()
    for index, letter in enumerate(WORD):
        for row, line in enumerate(GLYPHS[letter]):
            for column, mark in enumerate(line):
                if mark == "#":
                    cells.add((index * 6 + column, row))
    return cells


def pixels():
    """Rows of RGBA tuples, top to bottom."""
    cells = _letter_cells()
    text_width = (len(WORD) * 6 - 1) * SCALE
    text_height = 7 * SCALE
    left = (SIZE - text_width) // 2
    top = (SIZE - text_height) // 2 - SCALE
    bar_top = top + text_height + 2 * SCALE
    rows = []
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            if not _inside_rounded_square(x, y):
                row.append(CLEAR)
            elif left <= x < left + text_width and top <= y < top + text_height:
                ink = ((x - left) // SCALE, (y - top) // SCALE) in cells
                row.append(WHITE if ink else ACCENT)
            elif left <= x < left + text_width and bar_top <= y < bar_top + SCALE:
                row.append(YELLOW)
            else:
                row.append(ACCENT)
        rows.append(row)
    return rows


def _png_bytes(rows):
    """A minimal RGBA PNG: signature, IHDR, one IDAT, IEND."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in rows)
    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main(target=TARGET):
    rows = pixels()
    try:
        from PIL import Image
    except ImportError:
        target.write_bytes(_png_bytes(rows))
    else:
        image = Image.new("RGBA", (SIZE, SIZE))
        image.putdata([pixel for row in rows for pixel in row])
        image.save(target, format="PNG", optimize=True)
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
