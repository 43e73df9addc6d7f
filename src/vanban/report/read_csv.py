"""Read a statistics table from a CSV file (UTF-8, "," or ";" between cells). The only module
that imports csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from vanban.errors import Diagnostic, Span, VanbanError
from vanban.report.raw import Cell, RawTable, column_letters, read_bytes


def read(path: Path, display: str, header_row: int) -> RawTable:
    """The table of the CSV file at ``path``; line numbers are the file's own."""
    raw = read_bytes(path, display)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise VanbanError([Diagnostic(
            "data.encoding", "Tệp CSV không phải UTF-8 (có thể lưu bằng bảng mã Windows-1258).",
            Span(display, line, 1), message_en="The CSV file is not UTF-8.",
            hint="Trong Excel chọn Lưu thành (Save As) → CSV UTF-8 (Comma delimited).",
            hint_en="Save it from Excel as CSV UTF-8.")]) from None
    if "\x00" in text:
        raise VanbanError([Diagnostic("data.unreadable", "Tệp này không phải tệp CSV (có ký tự "
                                      "NUL).", Span(display), message_en="Not a CSV file.")])
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: tuple[Cell, ...] = ()
    rows = []
    start = 1
    try:
        for index, record in enumerate(reader, 1):
            # A quoted cell may hold line breaks: a record starts where the last one ended.
            number, start = start, reader.line_num + 1
            if index < header_row:
                continue
            cells = [Cell(value if value.strip() else None, Span(display, number, col),
                          f"{column_letters(col)}{number}") for col, value in enumerate(record, 1)]
            while cells and cells[-1].value is None:
                cells.pop()
            if index == header_row:
                header = tuple(cells)
            elif cells:
                rows.append(tuple(cells))
    except csv.Error as exc:
        raise VanbanError([Diagnostic(
            "data.csv", f"Tệp CSV sai cấu trúc ở dòng {reader.line_num}: dấu ngoặc kép không "
            "đóng.", Span(display, reader.line_num, 1), message_en=f"Malformed CSV: {exc}.")]
        ) from None
    return RawTable(display, header, tuple(rows), Span(display, header_row, 1), typed=False)
