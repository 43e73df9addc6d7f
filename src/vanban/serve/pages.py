"""PDF pages as PNG images for the preview, drawn by poppler's ``pdftoppm``.

The images are the PDF that LibreOffice made, page for page (no HTML conversion of the DOCX:
that would lose alignment and sizes). Without poppler the page shows the PDF itself instead.
pdftoppm draws a page in a few milliseconds but spends about 0.1 s compressing each PNG; so it
writes raw pixels (PPM) and they are packed here into PNGs with light compression (lossless,
somewhat larger files, ten times faster).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

DPI = 144
"""1.5 pixels per CSS pixel: sharp on the usual laptop screens scaled to 125–150 %; the page
shows each image at its printed size (96 CSS pixels to the inch)."""
PACKERS = 4
PAGE_NAME = re.compile(r"(?:attached-)?page-(\d+)\.png")
"""page-N.png, and attached-page-N.png for the pages of a second output."""


class PagesError(Exception):
    """The pages could not be drawn; the message says why, in Vietnamese."""


def rasterizer() -> str | None:
    """The ``pdftoppm`` executable, or None."""
    return shutil.which("pdftoppm")


def rasterize(pdf: Path, out_dir: Path, *, timeout: float = 60, dpi: int = DPI,
              prefix: str = "page") -> list[str]:
    """Draw every page of ``pdf`` into ``out_dir`` as page-1.png, page-2.png … (``prefix``-1.png
    …); returns the file names in page order (empty without pdftoppm)."""
    tool = rasterizer()
    if tool is None:
        return []
    try:
        proc = subprocess.run([tool, "-r", str(dpi), str(pdf), str(out_dir / prefix)],
                              capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
                              check=False)
    except subprocess.TimeoutExpired:
        raise PagesError(f"pdftoppm chạy quá {timeout:g} giây.") from None
    if proc.returncode != 0:
        raise PagesError("pdftoppm không vẽ được các trang: "
                         + proc.stderr.decode("utf-8", "replace").strip()[-300:])
    # pdftoppm pads the number to the page count's width (page-01.ppm): name them plainly.
    # zlib lets go of the GIL, so the pages are packed side by side.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=PACKERS) as pool:
        names = [name for name in pool.map(_pack, sorted(out_dir.glob(f"{prefix}-*.ppm"))) if name]
    return sorted(names, key=lambda n: int(PAGE_NAME.fullmatch(n).group(1)))


def _pack(ppm: Path) -> str | None:
    """Turn pdftoppm's page-NN.ppm into page-N.png (PREFIX-NN.ppm into PREFIX-N.png); the
    PNG's name."""
    prefix, number = ppm.stem.rsplit("-", 1)
    name = None
    if number.isdigit():
        name = f"{prefix}-{int(number)}.png"
        (ppm.parent / name).write_bytes(ppm_to_png(ppm.read_bytes()))
    ppm.unlink()
    return name


PPM_HEADER = re.compile(rb"P6\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s+"
                        rb"(?:#[^\n]*\n\s*)*(\d+)\s")


def ppm_to_png(ppm: bytes) -> bytes:
    """A binary PPM (P6, 8-bit RGB, as pdftoppm writes it) as a PNG; grey when every pixel is
    grey (a black-and-white page: a third of the data, same pixels)."""
    header = PPM_HEADER.match(ppm[:256])
    if header is None or int(header.group(3)) != 255:
        raise PagesError("pdftoppm trả về ảnh không đọc được.")
    width, height = int(header.group(1)), int(header.group(2))
    pixels = ppm[header.end():header.end() + width * height * 3]
    red = pixels[0::3]
    if red == pixels[1::3] == pixels[2::3]:
        pixels, colour, stride = red, 0, width
    else:
        colour, stride = 2, width * 3
    rows = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))
