"""The public facts ``read_docx`` returns: frozen dataclasses, lengths in mm, sizes in pt."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field

from vanban.ooxml.props import _TWIPS_PER_MM


@dataclass(frozen=True)
class RunFacts:
    """One ``w:r`` with its effective character formatting."""

    text: str
    fonts: tuple[str | None, str | None, str | None, str | None]
    """Resolved font per slot (ascii, hAnsi, eastAsia, cs); None when nothing names one."""
    size_pt: float
    size_cs_pt: float
    bold: bool
    italic: bool
    underline: str | None
    """``w:u`` value such as 'single'; None when not underlined."""
    caps: bool
    color: str | None
    """Hex colour such as 'FF0000'; None for automatic (black)."""
    hidden: bool = False
    field: str | None = None
    """Instruction of the innermost field this run belongs to (e.g. 'PAGE'), if any."""
    vert_align: str | None = None
    """'superscript' or 'subscript' (``w:vertAlign``); None for the baseline."""
    strike: bool = False
    """Struck through (``w:strike`` or ``w:dstrike``)."""
    inserted: bool = False
    """Inside a tracked insertion (``w:ins``): shown, but not accepted yet."""
    footnote: str | None = None
    """The id of the footnote whose mark (``w:footnoteReference``) this run holds, if any."""
    font_hint: str | None = None
    """``w:rFonts/@w:hint`` ('eastAsia', 'cs' …): with 'eastAsia', Word draws the letters it
    shares with East Asian scripts (accented Latin, Vietnamese, quotes) in the eastAsia font."""


@dataclass(frozen=True)
class ParaFacts:
    """One ``w:p`` with its effective paragraph formatting, in document order."""

    index: int
    text: str
    """Visible text: hidden runs left out, tabs as '\\t', line breaks as '\\n'."""
    style_id: str | None
    style_name: str | None
    align: str
    """'left' | 'center' | 'right' | 'both'."""
    first_line_mm: float
    """First-line indent; negative for a hanging indent."""
    left_mm: float
    right_mm: float
    space_before_pt: float
    space_after_pt: float
    line_spacing: tuple[float, str]
    """(1.0, 'auto') = single, (1.5, 'auto'), or (18.0, 'exact') / (18.0, 'atLeast') in pt."""
    runs: tuple[RunFacts, ...]
    container: tuple
    """('body',) or ('table', table_idx, row, col) for top-level tables (nested tables count as
    their outer cell), or ('header', rel_id) inside a header part."""
    section: int
    border_top: bool = False
    border_bottom: bool = False
    keep_next: bool = False
    page_break_before: bool = False
    breaks_page: bool = False
    """Holds a ``w:br w:type="page"``."""
    fields: tuple[str, ...] = ()
    numbering: tuple[str, int] | None = None
    """(numId, ilvl) when the paragraph is in an automatic list (its label is not in ``text``)."""
    drawings: tuple[float, ...] = ()
    """Widths in mm of the flat drawn objects, lines (DrawingML extents, VML lines/shapes no
    taller than 2 mm), anchored in the paragraph; pictures are left out."""
    boxes: tuple[str, ...] = ()
    """Text of each text box anchored in the paragraph (its lines joined by newlines); not in
    ``text``, and its paragraphs are not in ``DocFacts.paragraphs``."""
    contextual_spacing: bool = False
    """"Don't add space between paragraphs of the same style" (``w:contextualSpacing``): Word
    drops this paragraph's space before / after next to a paragraph of its own style."""
    deleted: tuple[tuple[int, RunFacts], ...] = ()
    """Tracked deletions (``w:del``): (index in ``runs`` they stood before, deleted run). Not
    in ``text`` nor ``runs``: what a reader checks is the document with its changes taken."""


@dataclass(frozen=True)
class CellFacts:
    """One table cell: its paragraphs (indexes into ``DocFacts.paragraphs``) and geometry."""

    row: int
    col: int
    paragraphs: tuple[int, ...]
    width_mm: float | None
    span: int
    borders: bool
    """True when any side of the cell shows a border (cell, table or table-style borders)."""
    margin_left_mm: float = 108 / _TWIPS_PER_MM
    margin_right_mm: float = 108 / _TWIPS_PER_MM
    """Cell margins (tcMar, else tblCellMar, else the table style's, else Word's 108 twips)."""


@dataclass(frozen=True)
class TableFacts:
    """A top-level table: rows of cells."""

    index: int
    rows: tuple[tuple[CellFacts, ...], ...]
    style_id: str | None
    borders: bool
    section: int

    @property
    def cells(self) -> tuple[CellFacts, ...]:
        return tuple(c for row in self.rows for c in row)


@dataclass(frozen=True)
class HeaderFacts:
    """A header or footer part as it applies to a section."""

    paragraphs: tuple[ParaFacts, ...]
    fields: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class SectionFacts:
    """One section (``w:sectPr``): page, margins, headers; lengths in mm (None when absent)."""

    index: int
    page_w_mm: float | None
    page_h_mm: float | None
    orient: str
    """'portrait' or 'landscape' (from ``w:orient``, else from the page's shape)."""
    margin_top_mm: float | None
    margin_bottom_mm: float | None
    margin_left_mm: float | None
    margin_right_mm: float | None
    header_mm: float | None
    footer_mm: float | None
    title_pg: bool
    """'Different first page' is on."""
    pg_num_start: int | None
    headers: dict[str, HeaderFacts]
    """'default' | 'first' | 'even' → header, inherited from earlier sections as Word does. With
    ``title_pg`` on and no 'first' header anywhere, the first page shows an empty header."""
    footers: dict[str, HeaderFacts]
    first_paragraph: int
    last_paragraph: int


@dataclass(frozen=True)
class DocFacts:
    """Everything the checker reads from one DOCX."""

    name: str
    paragraphs: tuple[ParaFacts, ...]
    tables: tuple[TableFacts, ...]
    sections: tuple[SectionFacts, ...]
    footnotes: dict[str, tuple[ParaFacts, ...]] = _field(default_factory=dict)
    """Footnote id → the paragraphs of that footnote (``word/footnotes.xml``; the separators
    left out), in the order of the part. Their ``container`` is ('footnote', id)."""
    inner_cells: dict[int, CellFacts] = _field(default_factory=dict)
    """Paragraph index → the innermost cell holding it, for paragraphs of a table nested in a
    cell (their ``container`` names the outer cell): its width is the room they have."""
    saved_pages: int | None = None
    """The page count Word wrote when it last saved the file (``docProps/app.xml``, Pages);
    None when the file has none."""
    list_formats: dict[tuple[str, int], str] = _field(default_factory=dict)
    """(numId, level) of an automatic list → the format Word numbers it in ('decimal',
    'lowerLetter', 'bullet' …): what label a paragraph's ``numbering`` draws."""
