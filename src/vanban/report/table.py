"""The statistics table's validation into counted rows.

A reader (``read_xlsx``, ``read_csv``, ``read_yaml``) gives a ``RawTable`` (``raw``): header
cells and row cells, each with its raw value and where it stands. ``validate`` turns it into
``DataRow``s or located diagnostics, one for every bad cell: nothing is coerced silently (an
Excel number that is whole, or a text of digits only, is a count; anything else is not).
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import Diagnostic, Severity, Span
from vanban.report import heading
from vanban.report.columns import UNIT_KEY, ColumnSet
from vanban.report.counts import GROUPED, count
from vanban.report.raw import Cell, RawTable, column_letters
from vanban.report.seam import Registry, unknown_unit
from vanban.report.unit_names import COMMITTEE_WORDS, LOCAL_LEVELS, bare_units, find_unit

TOTAL_WORDS = ("tổng", "tổng cộng", "cộng", "toàn tỉnh", "toàn huyện", "tổng số", "total")


@dataclass(frozen=True)
class DataRow:
    """A validated row: the unit (registry id and the name to print) and its counts."""

    unit_id: str
    unit_name: str
    counts: dict[str, int]
    span: Span


@dataclass
class DataTable:
    """Every valid row, in file order, and the columns the file has."""

    file: str
    columns: tuple[str, ...]
    rows: list[DataRow] = field(default_factory=list)
    named: frozenset[str] = frozenset()
    """The registry id of every unit a row names, its figures good or bad (a data folder's)."""


def validate_all(raws: list[RawTable], file: str, registry: Registry, needed: set[str],
                 columns_set: ColumnSet) -> tuple[DataTable, list[Diagnostic]]:
    """The tables of several files (a folder of the units' own files) checked one by one and
    merged into one table named ``file``, its rows in the registry's order: a unit with rows in
    two files is an error, as in one file; the columns are those every file has. Each file's
    header is the first of its first rows that names the columns (the units' forms have one
    title row or two): it is not an error to be fixed with ``header_row``, which one value
    could not fix for all files."""
    seen: dict[str, Cell] = {}
    problems: list[Diagnostic] = []
    tables = []
    for raw in raws:
        table, found = validate(raw, registry, needed, columns_set, seen, own_header=True)
        tables.append(table)
        problems += found
        if raw.other_tables:
            problems.append(_other_tables_warning(raw))
    columns = tuple(k for k in columns_set.by_key if all(k in t.columns for t in tables))
    # The rows in the registry's order (the province's list of its communes and wards), not
    # in the order of the file names each commune chose.
    order = {uid: i for i, uid in enumerate(registry.units)}
    rows = sorted((row for t in tables for row in t.rows),
                  key=lambda row: order.get(row.unit_id, len(order)))
    return DataTable(file, columns, rows, frozenset(seen)), problems


def _other_tables_warning(raw: RawTable) -> Diagnostic:
    """A workbook with a table on more than one sheet: which one was read (a commune may keep
    last year's sheet in front of this year's)."""
    others = ", ".join(f'"{name}"' for name in raw.other_tables)
    return Diagnostic(
        "data.sheets-several", f'Tệp có bảng số liệu ở {len(raw.other_tables) + 1} trang tính: '
        f'đọc trang "{raw.sheet}" (trang đầu tiên), không đọc {others}.', raw.where,
        severity=Severity.WARNING,
        message_en=f'Tables on {len(raw.other_tables) + 1} sheets: "{raw.sheet}" is read, not '
                   f"{others}.",
        hint="Nếu số liệu năm nay ở trang khác, chuyển trang đó lên đầu hoặc xóa các trang cũ.",
        hint_en="If this year's figures are on another sheet, move it first or delete the old.")


def validate(raw: RawTable, registry: Registry, needed: set[str], columns_set: ColumnSet,
             seen: dict[str, Cell] | None = None, *, own_header: bool = False
             ) -> tuple[DataTable, list[Diagnostic]]:
    """Check the header and every row against ``columns_set``; ``needed`` are the columns the
    report uses; ``seen``, the units of the files checked before this one (by registry id).
    With ``own_header``, a header found below the first row is taken without an error."""
    by_key = columns_set.by_key
    problems: list[Diagnostic] = []
    if not raw.header:
        problems.append(Diagnostic(
            "data.empty", "Bảng số liệu trống: không có dòng tiêu đề cột nào.", raw.where,
            message_en="The data table is empty: there is no header row."))
        return DataTable(raw.file, ()), problems
    columns: dict[str, int] = {}
    for i, cell in enumerate(raw.header):
        text = "" if cell.value is None else str(cell.value).strip()
        if not text:
            continue
        key = columns_set.match_header(text)
        if key is None:
            close = difflib.get_close_matches(text, columns_set.header_names(), n=1, cutoff=0.6)
            where = ("mẫu bảng số liệu" if columns_set.mediation
                     else "các cột khai báo ở data.columns của báo cáo")
            problems.append(Diagnostic(
                "data.unknown-column", f'Cột "{text}" không có trong {where}.',
                cell.span, cell.ref, message_en=f'Column "{text}" is not a known column.',
                hint=f'Có phải "{close[0]}"?' if close else
                "Các cột: " + ", ".join(c.label for c in columns_set.columns) + ".",
                hint_en=f'Did you mean "{close[0]}"?' if close else ""))
        elif key in columns:
            problems.append(Diagnostic(
                "data.duplicate-column", f'Cột "{by_key[key].label}" có hai lần trong bảng.',
                cell.span, cell.ref, message_en=f'Column "{by_key[key].label}" appears twice.'))
        else:
            columns[key] = i
    wanted = [c.key for c in columns_set.columns if c.required or c.key in needed]
    for key in wanted:
        if key not in columns:
            problems.append(Diagnostic(
                "data.missing-column", f'Bảng số liệu thiếu cột "{by_key[key].label}".',
                raw.where, message_en=f'The data table has no column "{by_key[key].label}".',
                hint="Thêm cột này vào dòng tiêu đề (đúng tên như trên).",
                hint_en="Add this column to the header row."))
    if problems and raw.rows and (two := heading.two_rows(raw.header, raw.rows[0], columns_set,
                                                          wanted)) is not None:
        # A heading on two rows, the first where header_row says: read as the one it means.
        return validate(RawTable(raw.file, two, raw.rows[1:], raw.where, raw.typed, raw.hidden),
                        registry, needed, columns_set, seen, own_header=own_header)
    if problems and (found := heading.header_below(raw, columns_set, wanted, columns)) is not None:
        # One error, not one per column; the rows under the header found are still checked,
        # so that their errors are in this run too.
        hint, at = found
        below = RawTable(raw.file, raw.rows[at], raw.rows[at + 1:], raw.rows[at][0].span,
                         raw.typed, raw.hidden)
        table, rest = validate(below, registry, needed, columns_set, seen,
                               own_header=own_header)
        return table, rest if own_header else [hint, *rest]
    if problems and UNIT_KEY not in columns:
        return DataTable(raw.file, tuple(columns)), problems
    # Rows are still checked with the columns that were found: every error in one run.
    if not raw.rows:
        problems.append(Diagnostic(
            "data.no-rows", "Bảng số liệu chỉ có dòng tiêu đề, chưa có dòng số liệu nào.",
            raw.where, message_en="The data table has a header but no rows."))
    table = DataTable(raw.file, tuple(k for k in by_key if k in columns))
    seen = {} if seen is None else seen
    rows = raw.rows
    if rows and heading.is_numbering(rows[0]):  # "A B 1 2 3 …" under the heading
        rows = rows[1:]
    as_text: dict[str, list[Cell]] = {}
    for cells in rows:
        if _not_data(cells, columns, columns_set, registry):
            continue
        row = _row(cells, columns, columns_set, registry, seen, problems,
                   as_text if raw.typed else None, totals_said=not own_header)
        if row is not None:
            table.rows.append(row)
    if raw.hidden:
        problems[:] = [_on_hidden_row(d, raw) for d in problems]
        problems.extend(_hidden_row_warning(row) for row in table.rows
                        if row.span.line in raw.hidden)
    if as_text:  # one warning per table: a commune types every figure as text, or none
        problems.append(_as_text_warning([by_key[key].label for key in as_text],
                                         [c for found in as_text.values() for c in found]))
    return table, problems


UNHIDE = "chọn các dòng trên và dưới nó, bấm chuột phải → Unhide (Bỏ ẩn) để thấy"
UNHIDE_EN = "select the rows around it, right-click → Unhide"


def _on_hidden_row(found: Diagnostic, raw: RawTable) -> Diagnostic:
    """A problem of a row hidden in Excel says so: the clerk opening the file would not find
    the row the message names."""
    line = found.span.line
    if found.span.file != raw.file or line not in raw.hidden:
        return found
    return dataclasses.replace(
        found, hint=f"Dòng {line} đang bị ẩn trong Excel: {UNHIDE}. {found.hint}".strip(),
        hint_en=f"Row {line} is hidden in Excel: {UNHIDE_EN}. {found.hint_en}".strip())


def _hidden_row_warning(row: DataRow) -> Diagnostic:
    """A good row hidden in Excel is counted: hiding a row in Excel does not take it out."""
    line = row.span.line
    return Diagnostic(
        "data.hidden-row", f'Dòng {line} ("{row.unit_name}") đang bị ẩn trong Excel nhưng vẫn '
        "được tính vào tổng.", row.span, severity=Severity.WARNING,
        message_en=f"Row {line} ({row.unit_name}) is hidden in Excel but counted.",
        hint=f"Nếu dòng này không phải số liệu năm nay, xóa dòng; muốn xem: {UNHIDE}.",
        hint_en=f"If it is not this year's, delete the row; to see it: {UNHIDE_EN}.")


def _as_text_warning(labels: list[str], cells: list[Cell]) -> Diagnostic:
    """The one warning for a table's counts typed as text (in the columns ``labels``): read
    as the numbers they spell."""
    first = min(cells, key=lambda c: (c.span.line, c.span.col))
    if len(labels) == 1:
        what, what_en = f'Cột "{labels[0]}": {len(cells)} ô', f"{len(cells)} cell(s)"
    else:
        what = f'{len(cells)} ô ở {len(labels)} cột ("{labels[0]}", "{labels[1]}"' + (
            " …)" if len(labels) > 2 else ")")
        what_en = f"{len(cells)} cells in {len(labels)} columns"
    if first.span.file.endswith((".yaml", ".yml")):
        hint, hint_en = "Bỏ dấu ngoặc kép quanh số.", "Remove the quotes around the number."
    else:
        hint = "Trong Excel: chọn các ô có tam giác xanh, bấm dấu chấm than → Convert to Number."
        hint_en = "In Excel: select the cells, then Convert to Number."
    return Diagnostic(
        "data.number-as-text", f"{what} ghi số dưới dạng chữ (ô đầu tiên: "
        f"{first.ref}); các ô này được đọc như số.", first.span, first.ref, Severity.WARNING,
        message_en=f"{what_en} hold a number stored as text; read as numbers.",
        hint=hint, hint_en=hint_en)


def _cell(cells: tuple[Cell, ...], index: int, last: Cell) -> Cell:
    """The row's cell in column ``index`` (a short row has empty cells after its last one)."""
    if index < len(cells):
        return cells[index]
    sheet = last.ref.rpartition("!")[0]
    line = last.span.line
    return Cell(None, Span(last.span.file, line, index + 1),
                f"{sheet + '!' if sheet else ''}{column_letters(index + 1)}{line}")


def _not_data(cells: tuple[Cell, ...], columns: dict[str, int], columns_set: ColumnSet,
              registry: Registry) -> bool:
    """Whether a row is no unit's figures but the text around the table: the signature below
    it ("NGƯỜI LẬP BIỂU", the date, the names), a note, a form's numbered empty row. Such a row
    has no figure in any count column and no unit's name (a row naming a commune, or looking
    like one, is data: its empty cells are errors)."""
    by_key = columns_set.by_key
    for key, index in columns.items():
        if by_key[key].kind != "count" or index >= len(cells):
            continue
        cell = cells[index]
        value = cell.value
        if cell.formula_without_value or (
                isinstance(value, (int, float)) and not isinstance(value, bool)) or (
                isinstance(value, str) and (value.strip().lstrip("-").isdigit()
                                            or GROUPED.match(value.strip()))):
            return False
    unit = cells[columns[UNIT_KEY]].value if columns[UNIT_KEY] < len(cells) else None
    text = "" if unit is None else " ".join(str(unit).split())
    if not text:
        return True
    if text.casefold().startswith((*LOCAL_LEVELS, *COMMITTEE_WORDS)):
        return False
    return find_unit(text, registry) is None


def _row(cells: tuple[Cell, ...], columns: dict[str, int], columns_set: ColumnSet,
         registry: Registry, seen: dict[str, Cell], problems: list[Diagnostic],
         as_text: dict[str, list[Cell]] | None, *, totals_said: bool = True
         ) -> DataRow | None:
    """The row's unit and counts, or None with its problems said. ``totals_said``: a totals
    row is an error (one table of all units); else it is passed over (a unit's own file, whose
    form adds its one row up)."""
    by_key = columns_set.by_key
    unit_cell = _cell(cells, columns[UNIT_KEY], cells[-1])
    bad = len(problems)
    said: list[Diagnostic] = []
    unit = _unit(unit_cell, registry, seen, said)
    if unit is TOTAL:  # said once; its cells (often =SUM() with no value) are not read
        problems.extend(said if totals_said else ())
        return None
    problems.extend(said)
    counted = len(problems)
    counts: dict[str, int] = {}
    figures = [k for k in columns if by_key[k].kind == "count"]
    if unit is not None and len(figures) > 1 and all(
            _cell(cells, columns[k], cells[-1]).value is None
            and not _cell(cells, columns[k], cells[-1]).formula_without_value for k in figures):
        # A form sent back with the name only: one error, not one per empty cell.
        problems.append(Diagnostic(
            "data.row-empty", f'Dòng của "{unit_cell.value}" chưa ghi số liệu nào '
            f"({len(figures)} ô trống).", unit_cell.span, unit_cell.ref,
            message_en=f"The row of {unit[1]} has no figures ({len(figures)} empty cells).",
            hint="Đề nghị đơn vị gửi lại tệp có số liệu; ghi 0 ở ô không có.",
            hint_en="Ask the unit to send its figures; write 0 where there are none."))
        return None
    for key, index in columns.items():
        if by_key[key].kind != "count":
            continue
        cell = _cell(cells, index, cells[-1])
        number = count(cell, by_key[key].label, problems)
        if number is not None:
            counts[key] = number
            if as_text is not None and isinstance(cell.value, str):
                as_text.setdefault(key, []).append(cell)
    if len(problems) == counted:  # a bad unit name does not hide the row's figures' errors
        problems.extend(_consistency(counts, cells, columns, columns_set))
    if unit is None or len(problems) != bad:
        return None
    return DataRow(unit[0], unit[1], counts, unit_cell.span)


TOTAL = ("", "")
"""What ``_unit`` returns for a totals row ("Tổng cộng"), reported already."""


def _unit(cell: Cell, registry: Registry, seen: dict[str, Cell],
          problems: list[Diagnostic]) -> tuple[str, str] | None:
    """The row's unit (id, name to print); TOTAL for a totals row; None when it names no
    unit. A name written with the tone marks placed the old way ("Hướng Hoá"), with its first
    letter in the other case ("Xã Cẩm Xuyên"), by the commune's committee ("UBND xã Anh Sơn")
    or without its level ("Anh Sơn") is the unit's (what prints is the registry's name)."""
    text = "" if cell.value is None else str(cell.value).strip()
    if not text:
        problems.append(Diagnostic(
            "data.unit-missing", "Dòng số liệu không ghi tên đơn vị.", cell.span, cell.ref,
            message_en="The row has no unit name."))
        return None
    if text.casefold().rstrip(" :") in TOTAL_WORDS:
        problems.append(Diagnostic(
            "data.total-row", f'Dòng "{text}" là dòng tổng: vanban tự cộng từ các đơn vị.',
            cell.span, cell.ref, message_en=f'"{text}" is a totals row; vanban adds the rows up.',
            hint="Xóa dòng tổng khỏi bảng số liệu.", hint_en="Remove the totals row."))
        return TOTAL
    named = find_unit(text, registry)
    if named is None:
        problems.append(_unknown(text, registry, cell))
        return None
    if named.id in seen:
        first = seen[named.id]
        where = where_en = first.ref
        hint, hint_en = "Gộp hoặc xóa một trong hai dòng.", "Merge or remove one of the rows."
        if first.span.file != cell.span.file:  # files of a data folder: a resent, corrected one
            other = Path(first.span.file).name
            where, where_en = f'{first.ref} của tệp "{other}"', f'{first.ref} of "{other}"'
            hint = ("Nếu một tệp là bản gửi lại (bản sửa) của tệp kia, chuyển tệp cũ ra khỏi thư "
                    "mục số liệu; nếu không, xóa dòng thừa.")
            hint_en = ("If one file is a resent (corrected) copy of the other, move the old one "
                       "out of the data folder; else delete the extra row.")
        problems.append(Diagnostic(
            "data.unit-twice", f'Đơn vị "{text}" có hai dòng số liệu (dòng trước ở {where}); '
            "số liệu sẽ bị tính hai lần.", cell.span, cell.ref,
            message_en=f'"{text}" has two rows (the first at {where_en}); it would count twice.',
            hint=hint, hint_en=hint_en))
        return None
    seen[named.id] = cell
    return named.id, named.name


def _unknown(text: str, registry: Registry, cell: Cell) -> Diagnostic:
    """The error for a name no single unit bears; a bare name two units bear ("Vinh Hưng":
    the ward or the commune) names both."""
    both = bare_units(text, registry)
    if len(both) > 1:
        names = " hoặc ".join(f'"{n.name}"' for n in both)
        return Diagnostic(
            "data.unit-unknown", f'Tên "{text}" có thể là {names}: không rõ đơn vị nào.',
            cell.span, cell.ref, message_en=f'"{text}" may be {len(both)} units.',
            hint=f'Ghi đủ tên, ví dụ "{both[0].name}".',
            hint_en=f'Write the full name, e.g. "{both[0].name}".')
    return unknown_unit(text, registry, cell.span, cell.ref, "data.unit-unknown")


def _consistency(counts: dict[str, int], cells: tuple[Cell, ...], columns: dict[str, int],
                 columns_set: ColumnSet) -> list[Diagnostic]:
    """Parts never exceed their whole; the set's sum rule holds (hòa giải: thành + không
    thành + đang giải quyết = tiếp nhận)."""
    out = []
    by_key = columns_set.by_key
    whole_key, part_keys = columns_set.sum_rule or ("", ())
    if part_keys and whole_key in counts and all(k in counts for k in part_keys):
        total = sum(counts[k] for k in part_keys)
        if total != counts[whole_key]:
            cell = _cell(cells, columns[whole_key], cells[-1])
            terms = " + ".join(f"{by_key[k].label.lower()} ({counts[k]})" for k in part_keys)
            out.append(Diagnostic(
                "data.sum-mismatch", f"{terms} = {total}, khác {by_key[whole_key].label.lower()} "
                f"({counts[whole_key]}).", cell.span, cell.ref,
                message_en=f"The parts add up to {total}, not {counts[whole_key]} cases received.",
                hint="Kiểm tra lại số liệu của dòng này.", hint_en="Check this row's figures."))
    for key, value in counts.items():
        whole = by_key[key].part_of
        if whole and whole in counts and value > counts[whole]:
            cell = _cell(cells, columns[key], cells[-1])
            out.append(Diagnostic(
                "data.part-exceeds", f'Cột "{by_key[key].label}" ({value}) lớn hơn cột '
                f'"{by_key[whole].label}" ({counts[whole]}).', cell.span, cell.ref,
                message_en=f"{by_key[key].label} ({value}) exceeds {by_key[whole].label} "
                           f"({counts[whole]})."))
    return out
