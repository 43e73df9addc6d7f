"""Text widths in Times New Roman (advance widths of the metric-compatible Liberation Serif).

Used to size horizontal rules relative to the text above them, without any font installed.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources

_FALLBACK = "n"  # width used for a character the table does not know


@lru_cache(maxsize=1)
def _table() -> dict:
    data = resources.files("vanban.rules").joinpath("times_metrics.json").read_text("utf-8")
    return json.loads(data)


def _style(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` set on one line."""
    table = _table()
    widths = table["styles"][_style(bold, italic)]
    fallback = widths[_FALLBACK]
    units = 0
    for ch in unicodedata.normalize("NFC", text):
        units += widths.get(ch, fallback)
    return units * size_pt / table["units_per_em"]


def wrap(text: str, width_pt: float, size_pt: float, *, bold: bool = False,
         italic: bool = False) -> list[str]:
    """Greedy word wrap, as Word and LibreOffice break a centred line between words."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width_pt(candidate, size_pt, bold=bold, italic=italic) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def longest_line_pt(text: str, width_pt: float, size_pt: float, *, bold: bool = False,
                    italic: bool = False) -> float:
    """Width of the longest line ``text`` wraps into within ``width_pt``."""
    lines = []
    for para in text.split("\n"):
        lines.extend(wrap(para, width_pt, size_pt, bold=bold, italic=italic))
    return max((text_width_pt(ln, size_pt, bold=bold, italic=italic) for ln in lines), default=0.0)
