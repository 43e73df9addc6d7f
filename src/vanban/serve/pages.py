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

DPI = 96
PAGE_NAME = re.compile(r"page-(\d+)\.png")


class PagesError(Exception):
    """The pages could not be drawn; the message says why, in Vietnamese."""


def rasterizer() -> str | None:
    """The ``pdftoppm`` executable, or None."""
    return shutil.which("pdftoppm")


def rasterize(pdf: Path, out_dir: Path, *, timeout: float = 60, dpi: int = DPI) -> list[str]:
    """Draw every page of ``pdf`` into ``out_dir`` as page-1.png, page-2.png …; returns the
    file names in page order (empty without pdftoppm)."""
    tool = rasterizer()
    if tool is None:
        return []
    try:
        proc = subprocess.run([tool, "-r", str(dpi), str(pdf), str(out_dir / "page")],
                              capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
                              check=False)
    except subprocess.TimeoutExpired:
        raise PagesError(f"pdftoppm chạy quá {timeout:g} giây.") from None
    if proc.returncode != 0:
        raise PagesError("pdftoppm không vẽ được các trang: "
                         + proc.stderr.decode("utf-8", "replace").strip()[-300:])
    # pdftoppm pads the number to the page count's width (page-01.ppm): name them plainly.
    names = []
    for made in out_dir.glob("page-*.ppm"):
        number = made.stem.rsplit("-", 1)[1]
        if number.isdigit():
            plain = out_dir / f"page-{int(number)}.png"
            plain.write_bytes(ppm_to_png(made.read_bytes()))
            names.append(plain.name)
        made.unlink()
    return sorted(names, key=lambda n: int(PAGE_NAME.fullmatch(n).group(1)))


def ppm_to_png(ppm: bytes) -> bytes:
    """A binary PPM (P6, 8-bit RGB, as pdftoppm writes it) as a PNG."""
    fields, rest = [], ppm
    while len(fields) < 4:  # magic, width, height, maxval; whitespace-separated
        rest = rest.lstrip()
        if rest.startswith(b"#"):
            rest = rest.split(b"\n", 1)[1]
            continue
        word, rest = re.match(rb"(\S+)(.*)", rest, re.DOTALL).groups()
        fields.append(word)
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P6" or maxval != 255:
        raise PagesError("pdftoppm trả về ảnh không đọc được.")
    pixels = rest[1:]  # one whitespace byte ends the header
    stride = width * 3
    rows = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))
