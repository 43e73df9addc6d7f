"""What a PDF page shows, as frozen values in millimetres (origin at the top-left of the page).

Plain data with no PDF library behind it, so the checker and tests can build pages from literals.
``vanban.pdf.measure`` fills these from a real PDF.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    """One line of text: the characters that share a baseline and are not separated by a wide
    gap (so two table cells on the same row are two lines)."""

    text: str
    x0: float
    x1: float
    top: float
    """Baseline minus the font's ascent (Times New Roman / Liberation Serif line metrics)."""
    bottom: float
    """Baseline plus the font's descent: where LibreOffice's line box ends."""
    baseline: float
    size_pt: float
    """The font size used by most characters of the line."""
    font: str
    """The font used by most characters, without the subset prefix (``LiberationSerif-Bold``)."""
    bold: bool
    italic: bool

    @property
    def centre(self) -> float:
        """Horizontal middle of the line."""
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Rule:
    """A horizontal line segment drawn on the page (a stroked line, a thin rectangle or a flat
    path), after merging collinear pieces that touch."""

    x0: float
    x1: float
    y: float
    """Vertical middle of the stroke."""
    thickness_mm: float

    @property
    def length_mm(self) -> float:
        """Horizontal length of the segment."""
        return round(self.x1 - self.x0, 3)

    @property
    def centre(self) -> float:
        """Horizontal middle of the segment."""
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle."""

    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class PageGeometry:
    """One page: its size, its text lines (top to bottom, left to right) and its rules."""

    number: int
    """1-based page number in the file."""
    width_mm: float
    height_mm: float
    lines: tuple[TextLine, ...]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class PdfGeometry:
    """All pages of one PDF file."""

    path: str
    pages: tuple[PageGeometry, ...]
    """The pages measured (all of them, unless the measurement was bounded)."""
    page_count: int | None = None
    """Pages in the file; None means ``len(pages)``."""

    @property
    def total_pages(self) -> int:
        """Pages in the file, measured or not."""
        return len(self.pages) if self.page_count is None else self.page_count


def text_block_bounds(page: PageGeometry) -> Box | None:
    """The smallest box holding every text line of ``page``; None for a page without text."""
    if not page.lines:
        return None
    return Box(
        x0=min(ln.x0 for ln in page.lines),
        x1=max(ln.x1 for ln in page.lines),
        top=min(ln.top for ln in page.lines),
        bottom=max(ln.bottom for ln in page.lines),
    )


def line_above(page: PageGeometry, rule: Rule) -> TextLine | None:
    """The text line nearest above ``rule`` (its baseline above the rule's middle) that overlaps
    the rule horizontally; None when there is none."""
    above = [ln for ln in page.lines
             if ln.baseline < rule.y and ln.x1 > rule.x0 and ln.x0 < rule.x1]
    return max(above, key=lambda ln: ln.baseline, default=None)


def page_number_candidates(page: PageGeometry, margin_top_mm: float) -> list[TextLine]:
    """Text lines made only of digits that lie entirely above the top margin (the header area
    where the decree puts the page number)."""
    return [ln for ln in page.lines
            if ln.text.isascii() and ln.text.isdigit() and ln.bottom <= margin_top_mm]
