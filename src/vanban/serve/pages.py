"""PDF pages as PNG images for the preview, made by poppler's ``pdftoppm``.

The images are the PDF that LibreOffice made, page for page (no HTML conversion of the DOCX:
that would lose alignment and sizes). Without poppler the page shows the PDF itself instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
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
        proc = subprocess.run([tool, "-png", "-r", str(dpi), str(pdf), str(out_dir / "page")],
                              capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
                              check=False)
    except subprocess.TimeoutExpired:
        raise PagesError(f"pdftoppm chạy quá {timeout:g} giây.") from None
    if proc.returncode != 0:
        raise PagesError("pdftoppm không vẽ được các trang: "
                         + proc.stderr.decode("utf-8", "replace").strip()[-300:])
    # pdftoppm pads the number to the page count's width (page-01.png): name them plainly.
    names = []
    for made in out_dir.glob("page-*.png"):
        match = PAGE_NAME.fullmatch(made.name)
        if match:
            plain = out_dir / f"page-{int(match.group(1))}.png"
            made.rename(plain)
            names.append(plain.name)
    return sorted(names, key=lambda n: int(PAGE_NAME.fullmatch(n).group(1)))
