"""The heading of a commune's form as it is often drawn: on two rows ("Hòa giải viên" merged
over "Tổng số | Nữ | Được tập huấn …"), and with a row of column numbers under it ("A | B | 1 |
2 | 3 …", or "(1) (2) (3)"). Both are read as the one-row heading they stand for."""

from __future__ import annotations

import itertools
import re

from vanban.report.columns import ColumnSet
from vanban.report.table import Cell

TOTAL_WORDS = ("tổng số", "tổng", "số lượng", "cộng")
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
            if bottom.casefold() in TOTAL_WORDS:
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
