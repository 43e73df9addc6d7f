"""One count cell of a statistics table read as a whole number, or the problem it has: an
empty cell, a formula with no value, text, a number with separators (1.106, 1,106), a date
Excel made of a number, a fraction, a negative or too large number. Nothing is coerced
silently (an Excel number that is whole, or a text of digits only, is a count)."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING

from vanban.errors import Diagnostic
from vanban.report.columns import MAX_COUNT

if TYPE_CHECKING:
    from vanban.report.raw import Cell

GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")  # 1.106 or 1,106: a thousands separator


def count(cell: Cell, label: str, problems: list[Diagnostic]) -> int | None:
    """The whole number ≥ 0 a count cell holds, or None with its problem in ``problems``."""
    where = f'Cột "{label}"'
    value = cell.value
    if cell.formula_without_value:
        problems.append(Diagnostic(
            "data.formula-no-value", f"{where}: ô có công thức nhưng chưa có giá trị tính sẵn "
            "(tệp được tạo bởi chương trình không tính công thức).", cell.span, cell.ref,
            message_en="The cell holds a formula with no cached value.",
            hint="Mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi dựng lại; hoặc thay công thức "
                 "bằng số.",
            hint_en="Open and save the file in Excel or LibreOffice, or type the number."))
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append(Diagnostic(
            "data.empty-cell", f"{where}: ô trống.", cell.span, cell.ref,
            message_en="The cell is empty.", hint="Ghi 0 nếu không có.",
            hint_en="Write 0 if there is none."))
        return None
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            number = None
        elif value.is_integer():
            number = int(value)
        else:
            problems.append(Diagnostic(
                "data.not-whole", f"{where}: {f'{value:g}'.replace('.', ',')} không phải số nguyên.",
                cell.span, cell.ref, message_en=f"{value:g} is not a whole number."))
            return None
    elif isinstance(value, str) and value.strip().lstrip("-").isdigit() \
            and value.strip().isascii():
        number = int(value.strip())
    if number is None and isinstance(value, (dt.date, dt.time, dt.timedelta)):
        shown = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)
        problems.append(Diagnostic(
            "data.not-number", f"{where}: ô là ngày tháng ({shown}), không phải số.", cell.span,
            cell.ref, message_en=f"The cell holds a date ({shown}), not a number.",
            hint="Excel đã đổi số gõ vào thành ngày: chọn ô, Format Cells → Number, rồi gõ lại số.",
            hint_en="Excel turned the number into a date: format the cell as Number, retype it."))
        return None
    if number is None:
        shown = str(value).strip()
        hint = hint_en = ""
        if isinstance(value, str) and GROUPED.match(value.strip()):
            digits = value.strip().replace(".", "").replace(",", "")
            mark = "dấu chấm" if "." in value else "dấu phẩy"
            hint = f"Viết số không có {mark} ngăn cách: {digits}."
            hint_en = f"Write the number without separators: {digits}."
        problems.append(Diagnostic(
            "data.not-number", f'{where}: "{shown}" không phải là số.', cell.span, cell.ref,
            message_en=f'"{shown}" is not a number.', hint=hint, hint_en=hint_en))
        return None
    if number < 0:
        problems.append(Diagnostic(
            "data.negative", f"{where}: số âm ({number}) không dùng được cho số lượng.",
            cell.span, cell.ref, message_en=f"A count cannot be negative ({number})."))
        return None
    if number >= MAX_COUNT:
        problems.append(Diagnostic(
            "data.too-large", f"{where}: {number} quá lớn cho một số lượng (từ 1 tỷ trở lên); "
            "kiểm tra lại.", cell.span, cell.ref,
            message_en=f"{number} is too large for a count (a billion or more)."))
        return None
    return number
