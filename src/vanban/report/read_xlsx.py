"""Read a statistics table from an Excel workbook (.xlsx). The only module that imports openpyxl.

The file is read once; its workbook is opened twice from those bytes: once for the values Excel
cached, once for the formulas, so that a formula cell with no cached value (a file written by a
program that does not calculate) is named instead of read as empty.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from vanban.errors import Diagnostic, Span, VanbanError
from vanban.report.raw import Cell, RawTable, column_letters, read_bytes

MAX_ROWS = 100_000
MAX_COLUMNS = 200


def read(path: Path, display: str, sheet: str | None, header_row: int,
         has_header: Callable[[RawTable], bool] | None = None) -> RawTable:
    """The table of ``sheet`` (the first sheet by default) with its header on ``header_row``.
    With ``has_header`` (a unit's own workbook in a data folder, whose sheets are named as
    each commune likes, behind a sheet of instructions maybe), a workbook without ``sheet``
    gives its first sheet that ``has_header`` approves (naming the others that do too)."""
    import warnings

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    raw = read_bytes(path, display)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            values = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            # A workbook without a formula reads the same either way: opened once.
            formulas = (load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
                        if _has_formulas(raw) else values)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError,
            TypeError, IndexError) as exc:
        raise VanbanError([Diagnostic(
            "data.unreadable", "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải "
            "định dạng .xlsx.", Span(display), message_en=f"Cannot read the .xlsx file ({exc}).",
            hint="Mở bằng Excel rồi lưu lại dạng Excel Workbook (.xlsx).",
            hint_en="Open it in Excel and save it as an Excel Workbook (.xlsx).")]) from None
    try:
        names = values.sheetnames
        if has_header is not None and (sheet is None or sheet not in names):
            tables = [_table(values[name], formulas[name], display, name, header_row,
                             _hidden_rows(raw, values[name])) for name in names]
            found = [table for table in tables if has_header(table)]
            if found:  # the others are named in a warning: last year's sheet kept in front?
                return dataclasses.replace(found[0], other_tables=tuple(
                    table.sheet for table in found[1:]))
        if sheet is None:
            name = names[0]
        elif sheet in names:
            name = sheet
        else:
            close = difflib.get_close_matches(sheet, names, n=1, cutoff=0.5)
            raise VanbanError([Diagnostic(
                "data.sheet-unknown", f'Tệp {display} không có trang tính "{sheet}"; các '
                "trang: " + ", ".join(names) + ".", Span(display),
                message_en=f'No sheet "{sheet}" in {display}.',
                hint=f'Có phải "{close[0]}"?' if close else "",
                hint_en=f'Did you mean "{close[0]}"?' if close else "")])
        return _table(values[name], formulas[name], display, name, header_row,
                      _hidden_rows(raw, values[name]))
    finally:
        values.close()
        formulas.close()


FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(raw: bytes) -> bool:
    """Whether a sheet of the workbook holds a formula (a ``<f>`` element in its XML)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return any(FORMULA.search(archive.read(name)) for name in archive.namelist()
                       if name.startswith("xl/worksheets/") and name.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, KeyError):
        return True  # let openpyxl say what is wrong with it


ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
ROW_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')


def _hidden_rows(raw: bytes, sheet) -> frozenset[int]:
    """The numbers of the rows hidden in Excel (Hide) on ``sheet``, read from its XML: the
    read-only workbook does not give the rows' formats, and a clerk looking for a row an
    error names does not see it there."""
    path = getattr(sheet, "_worksheet_path", None)
    if not path:
        return frozenset()
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            xml = archive.read(path)
    except (KeyError, zipfile.BadZipFile, OSError):
        return frozenset()
    if not ROW_HIDDEN.search(xml):
        return frozenset()
    hidden = set()
    for tag in ROW_TAG.finditer(xml):
        number = ROW_NUMBER.search(tag.group())
        if number and ROW_HIDDEN.search(tag.group()):
            hidden.add(int(number.group(1)))
    return frozenset(hidden)


def _table(values, formulas, display: str, name: str, header_row: int,
           hidden: frozenset[int] = frozenset()) -> RawTable:
    where = Span(display, header_row, 1)
    rows = []
    value_rows = values.iter_rows(min_row=header_row, max_row=header_row + MAX_ROWS)
    formula_rows = formulas.iter_rows(min_row=header_row, max_row=header_row + MAX_ROWS)
    header: tuple[Cell, ...] = ()
    for offset, (vrow, frow) in enumerate(zip(value_rows, formula_rows)):
        number = header_row + offset
        raw = [_value(getattr(c, "value", None)) for c in vrow[:MAX_COLUMNS]]
        formula = [getattr(c, "data_type", None) == "f" for c in frow[:MAX_COLUMNS]]
        formula += [False] * (len(raw) - len(formula))
        # Rows come padded to the sheet's width: cells after the last filled one are not read.
        last = max((i for i, v in enumerate(raw) if v is not None or formula[i]), default=-1)
        cells = [Cell(raw[i], Span(display, number, i + 1),
                      f"{name}!{column_letters(i + 1)}{number}",
                      formula[i] and raw[i] is None) for i in range(last + 1)]
        if offset == 0:
            header = tuple(cells)
        elif cells:
            rows.append(tuple(cells))
    return RawTable(display, header, tuple(rows), where, hidden=hidden, sheet=name)


def _value(raw: object) -> object:
    """A cell's value; text of spaces only is an empty cell."""
    if isinstance(raw, str) and not raw.strip():
        return None
    return raw
