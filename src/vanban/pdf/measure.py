"""Read text lines and horizontal rules out of a PDF (the one module that imports pdfplumber).

Found by converting test documents with LibreOffice 7.4 (see tests/unit/pdf):

* Paragraph borders (``w:pBdr``) become stroked two-point paths, line width = ``w:sz`` / 8 pt,
  butt caps, running exactly from the paragraph's left indent to its right indent. LibreOffice
  draws every paragraph border twice (the same path again later in the content stream); table
  cell borders are drawn once. Merging collinear segments folds the copies into one rule.
* LibreOffice writes ``/Ascent 0 /Descent 0`` into its font descriptors, so pdfminer's character
  boxes run from the baseline up one em. We take the baseline from the text matrix instead and
  derive top and bottom from Times New Roman's line metrics, which Liberation Serif shares.
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from itertools import pairwise
from os import PathLike
from typing import Any

import pdfplumber

from vanban.pdf.geometry import (
    Box,
    PageGeometry,
    PdfGeometry,
    Rule,
    TextLine,
    line_above,
    page_number_candidates,
    text_block_bounds,
)

__all__ = [
    "Box", "PageGeometry", "PdfGeometry", "Rule", "TextLine",
    "line_above", "measure", "page_number_candidates", "text_block_bounds",
]

MM_PER_PT = 25.4 / 72

ASCENT_EM = 1825 / 2048
"""Ascent of Times New Roman / Liberation Serif (hhea), as a fraction of the font size."""
DESCENT_EM = 443 / 2048
"""Descent of Times New Roman / Liberation Serif (hhea), as a fraction of the font size."""

_BASELINE_TOL_PT = 1.0   # characters this close vertically share a baseline
_SPLIT_GAP_EM = 1.0      # a wider horizontal gap starts a new line (e.g. the next table cell)
_SPACE_GAP_EM = 0.2      # a gap this wide without a space glyph reads as a space
_THIN_MM = 1.0           # rectangles and paths thinner than this are rules
_FLAT_PT = 0.5           # a path whose points differ this little in y is horizontal
_MERGE_TOL_MM = 0.2      # rules this close in y that touch in x are one rule
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold")
_ITALIC_WORDS = ("italic", "oblique")


MAX_PAGES = 60
"""Pages measured by default: the checker's rules read page 1 (rules, page number), the page
of the signature and the margins and page numbers of the pages; beyond this many pages they
learn nothing new, and a 1,700-page report would take minutes and gigabytes."""


def measure(pdf_path: str | PathLike[str] | bytes, *, max_pages: int | None = None,
            rules_on: str = "all") -> PdfGeometry:
    """Page sizes, text lines and horizontal rules of the pages of ``pdf_path`` (a file, or the
    PDF's bytes), in mm: every page, or of a longer PDF ``max_pages`` pages, the first
    ``max_pages - 1`` and the last one (where the signature usually is). Each page is read
    once and its parsed objects dropped before the next, so memory stays flat.
    ``rules_on="first"`` collects horizontal rules on page 1 only (all the checker reads)."""
    source = io.BytesIO(pdf_path) if isinstance(pdf_path, bytes) else pdf_path
    with pdfplumber.open(source) as pdf:
        total = len(pdf.pages)
        wanted = range(total) if max_pages is None or total <= max_pages else \
            [*range(max_pages - 1), total - 1]
        pages = []
        for i in wanted:
            page = pdf.pages[i]
            pages.append(_page(page, rules=rules_on == "all" or i == 0))
            page.close()  # frees the page's layout objects and cached chars
    shown = "" if isinstance(pdf_path, bytes) else str(pdf_path)
    return PdfGeometry(path=shown, pages=tuple(pages), page_count=total)


def _page(page: Any, *, rules: bool = True) -> PageGeometry:
    return PageGeometry(
        number=page.page_number,
        width_mm=_mm(page.width),
        height_mm=_mm(page.height),
        lines=tuple(_text_lines(page.chars)),
        rules=tuple(_merge(_raw_rules(page))) if rules else (),
    )


def _mm(pt: float) -> float:
    return round(pt * MM_PER_PT, 3)


# --- text -----------------------------------------------------------------------------------

def _baseline_pt(ch: dict) -> float:
    """Baseline of a character in top-down page points: the text origin, whatever descent the
    PDF's font descriptor claims (pdfplumber's ``bottom`` sits at ``y0``)."""
    return ch["bottom"] + (ch["y0"] - ch["matrix"][5])


def _text_lines(chars: list[dict]) -> list[TextLine]:
    """Characters grouped into lines: by baseline, then split at wide horizontal gaps."""
    upright = sorted((c for c in chars if c.get("upright", True)), key=_baseline_pt)
    rows: list[list[dict]] = []
    for ch in upright:
        if rows and _baseline_pt(ch) - _baseline_pt(rows[-1][0]) <= _BASELINE_TOL_PT:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for row in rows:
        for run in _split_runs(sorted(row, key=lambda c: c["x0"])):
            line = _line(run)
            if line is not None:
                lines.append(line)
    return sorted(lines, key=lambda ln: (round(ln.baseline, 1), ln.x0))


def _split_runs(row: list[dict]) -> list[list[dict]]:
    runs = [[row[0]]]
    for prev, ch in pairwise(row):
        if ch["x0"] - prev["x1"] > _SPLIT_GAP_EM * max(ch["size"], prev["size"]):
            runs.append([ch])
        else:
            runs[-1].append(ch)
    return runs


def _line(run: list[dict]) -> TextLine | None:
    """One TextLine from characters sorted left to right; None if they are all blank."""
    ink = [c for c in run if c["text"].strip()]
    if not ink:
        return None
    text = run[0]["text"]
    for prev, ch in pairwise(run):
        gap = ch["x0"] - prev["x1"]
        if gap > _SPACE_GAP_EM * ch["size"] and prev["text"] != " " and ch["text"] != " ":
            text += " "
        text += ch["text"]
    size = _dominant(round(c["size"], 2) for c in ink)
    font = _dominant(_base_font(c["fontname"]) for c in ink)
    baseline = sum(_baseline_pt(c) for c in ink) / len(ink)
    lowered = font.lower()
    return TextLine(
        text=unicodedata.normalize("NFC", text).strip(),
        x0=_mm(min(c["x0"] for c in ink)),
        x1=_mm(max(c["x1"] for c in ink)),
        top=_mm(baseline - ASCENT_EM * size),
        bottom=_mm(baseline + DESCENT_EM * size),
        baseline=_mm(baseline),
        size_pt=size,
        font=font,
        bold=any(w in lowered for w in _BOLD_WORDS),
        italic=any(w in lowered for w in _ITALIC_WORDS),
    )


def _dominant(values: Any) -> Any:
    """The most frequent value; among equally frequent ones, the largest."""
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], v))


def _base_font(name: str) -> str:
    """A font name without its subset tag: ``BAAAAA+LiberationSerif-Bold`` → ``LiberationSerif-Bold``."""
    tag, plus, rest = name.partition("+")
    return rest if plus and len(tag) == 6 and tag.isupper() else name


# --- rules ----------------------------------------------------------------------------------

def _raw_rules(page: Any) -> list[Rule]:
    """Every horizontal stroke on the page before merging: flat lines and paths, thin rects,
    and the horizontal segments of other paths."""
    rules = []
    for obj in [*page.lines, *page.rects, *page.curves]:
        if not _visible(obj):
            continue
        height = obj["bottom"] - obj["top"]
        width = obj["x1"] - obj["x0"]
        if height * MM_PER_PT < _THIN_MM and width > height:
            stroke = obj.get("linewidth", 0) if obj.get("stroke") else 0
            rules.append(_rule(obj["x0"], obj["x1"], (obj["top"] + obj["bottom"]) / 2,
                               height + stroke))
        elif obj["object_type"] == "curve" and obj.get("stroke"):
            rules.extend(_flat_segments(obj))
    return rules


def _flat_segments(curve: dict) -> list[Rule]:
    """The horizontal straight pieces of a stroked path (e.g. the top and bottom of a box)."""
    pts = curve.get("pts") or []
    return [_rule(min(a[0], b[0]), max(a[0], b[0]), (a[1] + b[1]) / 2, curve.get("linewidth", 0))
            for a, b in pairwise(pts)
            if abs(a[1] - b[1]) <= _FLAT_PT and abs(a[0] - b[0]) > 0]


def _rule(x0: float, x1: float, y: float, thickness: float) -> Rule:
    return Rule(x0=_mm(x0), x1=_mm(x1), y=_mm(y), thickness_mm=_mm(thickness))


def _visible(obj: dict) -> bool:
    """Whether the object paints something that is not white."""
    painted = []
    if obj.get("stroke"):
        painted.append(obj.get("stroking_color"))
    if obj.get("fill"):
        painted.append(obj.get("non_stroking_color"))
    return any(not _is_white(colour) for colour in painted)


def _is_white(colour: Any) -> bool:
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour:
        return False  # a pattern or an unknown colour space: assume it shows
    if not all(isinstance(v, (int, float)) for v in colour):
        return False
    if len(colour) == 4:  # CMYK
        return all(v == 0 for v in colour)
    return all(v >= 1 for v in colour)  # grey or RGB


def _merge(rules: list[Rule]) -> list[Rule]:
    """Rules with collinear, touching or overlapping pieces joined (which also removes the
    duplicate LibreOffice draws for each paragraph border); sorted top to bottom."""
    rows: list[list[Rule]] = []
    for rule in sorted(rules, key=lambda r: r.y):
        if rows and rule.y - rows[-1][0].y <= _MERGE_TOL_MM:
            rows[-1].append(rule)
        else:
            rows.append([rule])
    merged: list[Rule] = []
    for row in rows:
        pieces: list[list[Rule]] = []
        for rule in sorted(row, key=lambda r: r.x0):
            if pieces and rule.x0 <= max(r.x1 for r in pieces[-1]) + _MERGE_TOL_MM:
                pieces[-1].append(rule)
            else:
                pieces.append([rule])
        merged.extend(_join(group) for group in pieces)
    return sorted(merged, key=lambda r: (r.y, r.x0))


def _join(group: list[Rule]) -> Rule:
    weight = sum(max(r.length_mm, 1e-6) for r in group)
    y = sum(r.y * max(r.length_mm, 1e-6) for r in group) / weight
    return Rule(x0=min(r.x0 for r in group), x1=max(r.x1 for r in group), y=round(y, 3),
                thickness_mm=max(r.thickness_mm for r in group))
