"""A body table in final form: widths settled, header rows and merged cells laid on the grid.

A table without merged cells, header groups or bold cells keeps the plain form (one header row, every row
one cell per column) and ``cells`` stays empty; the renderer lays that out as it always has.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.model.blocks import Table
from vanban.model.grid import groups, has_bold, has_spans, place
from vanban.rules import nd30


@dataclass(frozen=True)
class GridCell:
    """One cell as the renderer writes it: its text, first column, how many columns it takes,
    its part in a vertical merge ("restart" starts one, "continue" is covered by it), and
    whether its text is bold (a body cell written ``bold: true``; header cells are bold by
    their style)."""

    text: str
    col: int
    cols: int = 1
    merge: str = ""
    bold: bool = False


@dataclass(frozen=True)
class BodyTable:
    """A table of the body, in final text: column widths (mm), alignments, header and rows."""

    widths: tuple[float, ...]
    aligns: tuple[str, ...]
    header: tuple[str, ...]
    """The column titles."""
    rows: tuple[tuple[str, ...], ...]
    """The text of every body cell as the document holds it, row by row: a merged cell once,
    a cell covered by a vertical merge as "" (so rows read back from the DOCX match)."""
    kind: str = "bang"
    """Not a paragraph kind: the renderer lays a table out as a table."""
    cells: tuple[tuple[GridCell, ...], ...] = ()
    """With merged or bold cells: every row as written into the document, header rows first, a
    cell covered by a vertical merge included as "continue"; empty for a plain table."""
    head: int = 1
    """How many of the rows of ``cells`` are header rows (repeated on every page)."""


def body_table(block: Table) -> BodyTable:
    """A table block with its widths settled (columns without a width share what is left of
    the text width equally) and, when it merges cells or has bold cells, its rows laid on the
    grid."""
    given = [c.width if not isinstance(c, str) else None for c in block.table]
    free = [w for w in given if w is None]
    rest = nd30.TEXT_WIDTH_MM - sum(w for w in given if w is not None)
    share = rest / len(free) if free else 0.0
    widths = tuple(w if w is not None else share for w in given)
    aligns = tuple("left" if isinstance(c, str) else c.align for c in block.table)
    header = tuple(c if isinstance(c, str) else c.title for c in block.table)
    placed, _misfits = place(block)  # the content checks have reported any misfit
    if not has_spans(block) and not has_bold(block):
        return BodyTable(widths, aligns, header, tuple(tuple(p.text for p in line)
                                                       for line in placed))
    head = _header_rows(block, header)
    body = _body_rows(placed, len(widths))
    return BodyTable(widths, aligns, header, tuple(tuple(c.text for c in row) for row in body),
                     cells=head + body, head=len(head))


def plain_table(widths: tuple[float, ...], aligns: tuple[str, ...], header: tuple[str, ...],
                rows: tuple[tuple[str, ...], ...], bold_rows: frozenset[int] = frozenset(),
                ) -> BodyTable:
    """A table of one cell per column (no merges), the rows numbered in ``bold_rows``
    (0-based) printed bold, as a generated table (the report's appendix) is written."""
    if not bold_rows:
        return BodyTable(widths, aligns, header, rows)
    head = (tuple(GridCell(t, c) for c, t in enumerate(header)),)
    body = tuple(tuple(GridCell(t, c, bold=r in bold_rows) for c, t in enumerate(row))
                 for r, row in enumerate(rows))
    return BodyTable(widths, aligns, header, rows, cells=head + body, head=1)


def _header_rows(block: Table, header: tuple[str, ...]) -> tuple[tuple[GridCell, ...], ...]:
    """One header row of titles; with groups, a row of group titles above the titles of their
    columns, the title of a column outside any group merged down through both rows."""
    found = groups(block)
    if not found:
        return (tuple(GridCell(t, c) for c, t in enumerate(header)),)
    starts = {first: (name, count) for name, first, count in found}
    top: list[GridCell] = []
    below: list[GridCell] = []
    grouped = {first + k for _name, first, count in found for k in range(count)}
    for c, title in enumerate(header):
        if c in starts:
            top.append(GridCell(starts[c][0], c, starts[c][1]))
        if c in grouped:
            below.append(GridCell(title, c))
        else:
            top.append(GridCell(title, c, merge="restart"))
            below.append(GridCell("", c, merge="continue"))
    return tuple(top), tuple(below)


def _body_rows(placed, width: int) -> tuple[tuple[GridCell, ...], ...]:
    """Every body row with the cells covered from above as "continue" cells of the same span."""
    out: list[list[GridCell]] = [[] for _ in placed]
    for line in placed:
        for p in line:
            merged = p.rows > 1
            out[p.row].append(GridCell(p.text, p.col, p.cols, "restart" if merged else "",
                                       p.bold))
            for r in range(p.row + 1, p.row + p.rows):
                out[r].append(GridCell("", p.col, p.cols, "continue"))
    return tuple(tuple(c for c in sorted(row, key=lambda c: c.col) if c.col < width)
                 for row in out)
