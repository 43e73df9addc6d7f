"""The heading of a statistics table: where it is (the row ``header_row`` names, or one found
below title rows), and the heading of a commune's form as it is often drawn: on two rows ("Hòa
giải viên" merged over "Tổng số | Nữ | Được tập huấn …"), and with a row of column numbers under
it ("A | B | 1 | 2 | 3 …", or "(1) (2) (3)"). Both are read as the one-row heading they stand
for."""

from __future__ import annotations

import itertools
import re

from vanban.errors import Diagnostic
from vanban.report.columns import UNIT_KEY, ColumnSet
from vanban.report.raw import Cell, RawTable

WHOLE_WORDS = ("tổng số", "tổng", "số lượng", "cộng")
"""A lower heading that means the whole of the heading above it ("Hòa giải viên: Tổng số")."""
NUMBERING = re.compile(r"^\(?([0-9]+|[A-Za-z])\)?$")


def _text(cells: tuple[Cell, ...], i: int) -> str:
    value = cells[i].value if i < len(cells) else None
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def joined(upper: tuple[Cell, ...], lower: tuple[Cell, ...], columns: ColumnSet
           ) -> tuple[Cell, ...]:
    """The one-row heading ``upper`` over ``lower`` stands for: under a heading merged over
    several columns (its text in the first of them), each lower heading is read with it
    ("Hòa giải viên" + "Nữ" → "Hòa giải viên nữ"; "Vụ việc" + "Tiếp nhận"; "Tổ hòa giải" +
    "Tổng số" → "Tổ hòa giải"), or alone; a heading merged down over both rows ("STT", "Đơn
    vị") is read as it is."""
    out: list[Cell] = []
    above = ""
    for i in range(max(len(upper), len(lower))):
        top, bottom = _text(upper, i), _text(lower, i)
        if top:
            above = top
        elif not bottom:
            above = ""
        if not bottom:
            names = [top]
        elif above:
            names = [f"{above} {_lower_first(bottom)}", f"{bottom} {_lower_first(above)}",
                     bottom]
            if bottom.casefold() in WHOLE_WORDS:
                names.append(above)
        else:
            names = [bottom]
        name = next((n for n in names if n and columns.match_header(n)), names[0])
        cell = lower[i] if bottom else (upper[i] if i < len(upper) else lower[i])
        out.append(Cell(name or None, cell.span, cell.ref))
    return tuple(out)


def is_numbering(cells: tuple[Cell, ...]) -> bool:
    """Whether a row under the heading only numbers the columns ("A B 1 2 3 …" or "(1) (2)
    (3) …"): every filled cell a number or a letter, the numbers counting up by one."""
    marks = []
    for cell in cells:
        value = cell.value
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return False
        found = NUMBERING.match(str(value).strip())
        if not found:
            return False
        marks.append(found.group(1))
    numbers = [int(m) for m in marks if m.isdigit()]
    return len(numbers) >= 3 and all(b == a + 1 for a, b in itertools.pairwise(numbers))


HEADER_SEARCH_ROWS = 15
"""How far down a sheet a header row is looked for when the one named is not it."""


def has_header(raw: RawTable, columns_set: ColumnSet) -> bool:
    """Whether a row within the first ``HEADER_SEARCH_ROWS`` of ``raw`` names the unit
    column: the sheet holds the table (not the form's instructions)."""
    for cells in (raw.header, *raw.rows):
        if cells and cells[0].span.line > HEADER_SEARCH_ROWS:
            break
        if any(isinstance(c.value, str) and c.value.strip()
               and columns_set.match_header(c.value.strip()) == UNIT_KEY for c in cells):
            return True
    return False


def _names(cells: tuple[Cell, ...], columns_set: ColumnSet, wanted: list[str]) -> int:
    """How many of the ``wanted`` columns a heading row names (0 without the unit column)."""
    keys = {columns_set.match_header(str(c.value).strip()) for c in cells
            if isinstance(c.value, str) and c.value.strip()}
    return len([k for k in wanted if k in keys]) if UNIT_KEY in keys else 0


def two_rows(upper: tuple[Cell, ...], lower: tuple[Cell, ...], columns_set: ColumnSet,
              wanted: list[str]) -> tuple[Cell, ...] | None:
    """The heading ``upper`` over ``lower`` means, when it is one on two rows: ``upper``
    names the unit column (merged down over both rows) and the two name more columns than
    ``upper`` alone; else None (a title row over a heading is no heading)."""
    alone = _names(upper, columns_set, wanted)
    if not alone:
        return None
    two = joined(upper, lower, columns_set)
    return two if _names(two, columns_set, wanted) > alone else None


def header_below(raw: RawTable, columns_set: ColumnSet, wanted: list[str],
                  found: dict[str, int]) -> tuple[Diagnostic, int] | None:
    """The one error for a header on a later row (title rows above it, no ``header_row``) and
    that row's index in ``raw.rows``: the first row within the first ``HEADER_SEARCH_ROWS``
    rows that names the unit column and more of the wanted columns than the header row does
    (at least half of them); else None."""
    have = len([k for k in wanted if k in found])
    for index, cells in enumerate(raw.rows):
        line = cells[0].span.line
        if line > HEADER_SEARCH_ROWS:
            break
        named = _names(cells, columns_set, wanted)
        if index + 1 < len(raw.rows) and (two := two_rows(
                cells, raw.rows[index + 1], columns_set, wanted)) is not None:
            named = _names(two, columns_set, wanted)  # the first of a heading on two rows
        if named > have and 2 * named >= len(wanted):
            told = raw.where.line
            if told == 1:
                fix = f'thêm "header_row: {line}" vào data: của báo cáo'
                fix_en = f'add "header_row: {line}" to the report\'s data:'
            else:
                fix = f'sửa "header_row: {told}" thành "header_row: {line}" trong data: của báo cáo'
                fix_en = f'change "header_row: {told}" to "header_row: {line}" in data:'
            return Diagnostic(
                "data.header-row", f"Dòng tiêu đề có vẻ là dòng {line}: {fix}.", cells[0].span,
                cells[0].ref, message_en=f"The header seems to be on row {line}: {fix_en}."
            ), index
    return None
