"""The statistics table as a reader gives it, before validation: cells with their raw values
and where each stands (file, sheet, row, column), and the bytes of a data file read once.

A reader (``read_xlsx``, ``read_csv``, ``read_yaml``) gives a ``RawTable``; ``table.validate``
turns it into counted rows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vanban.errors import Diagnostic, Span, VanbanError, read_reason

MAX_BYTES = 20 * 1024 * 1024


def read_bytes(path: Path, display: str) -> bytes:
    """The bytes of a data file (.xlsx or .csv), read once and at most MAX_BYTES of them."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        vi, en = read_reason(exc)
        raise VanbanError([Diagnostic("data.unreadable", f"Không đọc được tệp số liệu: {vi}.",
                                      Span(display), message_en=f"Cannot read the file: {en}.")]
                          ) from None
    if len(raw) > MAX_BYTES:
        raise VanbanError([Diagnostic("data.too-big", "Tệp số liệu quá lớn (trên 20 MB).",
                                      Span(display), message_en="The data file is over 20 MB.")])
    return raw


@functools.lru_cache(maxsize=200)
def column_letters(col: int) -> str:
    """1 → "A", 27 → "AA": the column as Excel names it (cell references of .xlsx and .csv)."""
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


@dataclass(frozen=True)
class Cell:
    """One cell: its raw value and where it is (``ref`` is what messages name it by)."""

    value: Any
    span: Span
    ref: str
    formula_without_value: bool = False


@dataclass(frozen=True)
class RawTable:
    """A table as read: the header cells, then one list of cells per non-empty row."""

    file: str
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    where: Span
    """The table as a whole (the file, or the sheet's header row)."""
    typed: bool = True
    """Cells have types (.xlsx, .yaml): a number written as text there is worth a warning. In a
    CSV file every cell is text."""
    hidden: frozenset[int] = frozenset()
    """The line numbers of the rows hidden in Excel: read like the others, and said."""
    sheet: str = ""
    """The workbook's sheet the table is on (.xlsx)."""
    other_tables: tuple[str, ...] = ()
    """The workbook's other sheets that hold a table too (not read)."""
