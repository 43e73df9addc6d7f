"""The grid of a body table: where each written cell lands once merged cells take their room.

Rows are written the way HTML writes them: a cell ``{text, cols: N}`` takes N columns; a cell
``{text, rows: N}`` takes its column in the N-1 rows below too, and those rows do not write a
cell there. Placing a row's cells left to right skips the columns a cell above still covers.

``place`` is a pure function of the table; it also lists what does not fit (a span past the
edge of the table, a span over a cell merged from above, a row narrower or wider than the
table), which the content checks report and the composer never meets.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.model.blocks import SpanCell, Table


@dataclass(frozen=True)
class Placed:
    """One written cell on the grid: its text, first column and row, and how far it reaches."""

    text: str
    row: int
    col: int
    cols: int = 1
    rows: int = 1
    index: int = 0
    """The cell's position in its row as written (0-based), for locating messages."""
    bold: bool = False
    """Printed in bold (``bold: true``)."""


@dataclass(frozen=True)
class Misfit:
    """Something in a table's rows that does not fit its grid.

    ``kind`` is ``cols-edge`` (a column span past the right edge), ``rows-edge`` (a row span past
    the last row), ``overlap`` (a column span over a cell merged from the row above) or
    ``width`` (a row that does not fill exactly the table's columns)."""

    kind: str
    row: int
    index: int = 0
    """The written cell concerned (0-based); for ``width``, the number of cells written."""
    reach: int = 0
    """``cols-edge``/``rows-edge``: the span; ``width``: the columns the row fills."""
    room: int = 0
    """``cols-edge``: columns left from the cell; ``rows-edge``: rows left from the cell;
    ``overlap``: the (1-based) column already covered; ``width``: columns from above."""


def has_spans(table: Table) -> bool:
    """True when a cell merges rows or columns, or a column belongs to a header group."""
    return any(isinstance(c, SpanCell) and (c.cols > 1 or c.rows > 1)
               for row in table.rows for c in row) or bool(groups(table))


def groups(table: Table) -> list[tuple[str, int, int]]:
    """The header groups as (title, first column, number of columns), left to right: runs of
    adjacent columns with the same ``group``."""
    out: list[tuple[str, int, int]] = []
    for c, column in enumerate(table.table):
        name = None if isinstance(column, str) else column.group
        if name is None:
            continue
        if out and out[-1][0] == name and out[-1][1] + out[-1][2] == c:
            out[-1] = (name, out[-1][1], out[-1][2] + 1)
        else:
            out.append((name, c, 1))
    return out


def place(table: Table) -> tuple[list[list[Placed]], list[Misfit]]:
    """The written cells of every row placed on the grid, and what does not fit."""
    width, height = len(table.table), len(table.rows)
    covered: set[tuple[int, int]] = set()  # (row, col) taken by a cell of an earlier row
    doubtful: set[tuple[int, int]] = set()  # covered by a span already reported past the end
    placed: list[list[Placed]] = []
    misfits: list[Misfit] = []
    for r, row in enumerate(table.rows):
        col, line, filled = 0, [], 0
        from_above = sum(1 for (rr, _c) in covered if rr == r)
        # A row under a span already reported past the last row: its cells sit where that
        # wrong span pushed them, so what does not fit here is a follow-on, said once there.
        follow_on = any(rr == r for rr, _c in doubtful)
        for k, cell in enumerate(row):
            while (r, col) in covered:
                col += 1
            text, cols, rows, bold = _parts(cell)
            if cols > 1 and col < width < col + cols:
                if not follow_on:
                    misfits.append(Misfit("cols-edge", r, k, cols, width - col))
                cols = width - col
            clash = [c for c in range(col, col + cols) if (r, c) in covered]
            if clash:
                if not follow_on:
                    misfits.append(Misfit("overlap", r, k, cols, clash[0] + 1))
                cols = clash[0] - col
            past = rows > height - r
            if past:
                misfits.append(Misfit("rows-edge", r, k, rows, height - r))
                rows = height - r
            line.append(Placed(text, r, col, cols, rows, k, bold))
            spanned = {(r + dr, col + dc) for dr in range(1, rows) for dc in range(cols)}
            covered.update(spanned)
            if past:
                doubtful.update(spanned)
            col += cols
            filled += cols
        placed.append(line)
        if filled + from_above != width and not any(m.row == r for m in misfits) \
                and not follow_on:
            misfits.append(Misfit("width", r, len(row), filled + from_above, from_above))
    return placed, misfits


def has_bold(table: Table) -> bool:
    """True when a cell is written ``bold: true``."""
    return any(isinstance(c, SpanCell) and c.bold for row in table.rows for c in row)


def _parts(cell: str | SpanCell) -> tuple[str, int, int, bool]:
    if isinstance(cell, SpanCell):
        return cell.text, cell.cols, cell.rows, cell.bold
    return cell, 1, 1, False
