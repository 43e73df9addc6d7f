"""The column set of one report: the hòa giải set, or the columns the report declares in
``data.columns``, each declaration checked (ids, names, part-of rules) with located errors."""

from __future__ import annotations

import difflib
import re

from vanban.errors import Diagnostic
from vanban.report.columns import (
    COLUMN_ID,
    FIXED,
    HOA_GIAI,
    Column,
    ColumnSet,
    fold,
    lower_first,
)
from vanban.report.model import ColumnSpec, Report
from vanban.report.seam import Loaded, dotted, without_marks


def _slug(text: str) -> str:
    """An id a bad one was probably meant as: "Lượt-người" → "luot_nguoi"."""
    plain = re.sub(r"[^a-z0-9]+", "_", without_marks(text)).strip("_")
    return plain if re.match(COLUMN_ID, plain) else ""


def column_set(report: Report) -> ColumnSet:
    """The report's columns: those declared in ``data.columns``, else the hòa giải set. Built
    even from bad declarations (see ``check``), so the rest of the report is still checked."""
    if report.data is None or report.data.columns is None:
        return HOA_GIAI
    taken = {c.key for c in FIXED}
    columns = []
    for s in report.data.columns:
        if s.id not in taken:  # a duplicate id is an error (``check``): the first one stays
            taken.add(s.id)
            columns.append(Column(s.id, s.name, s.noun or lower_first(s.name), s.unit,
                                  required=True, part_of=s.part_of, aliases=s.aliases))
    return ColumnSet((FIXED[0], FIXED[1], *columns, FIXED[2]))


def check(report: Report, loaded: Loaded) -> list[Diagnostic]:
    """Every bad column declaration, located at its field."""
    if report.data is None or report.data.columns is None:
        return []
    specs = report.data.columns
    out: list[Diagnostic] = []
    ids: dict[str, int] = {}
    names: dict[str, str] = {fold(n): c.label for c in FIXED for n in (c.key, c.label, *c.aliases)}
    for i, spec in enumerate(specs):
        path = ("data", "columns", i)
        out.extend(_id(spec, path, loaded, ids, {c.key for c in FIXED}))
        for j, name in enumerate((spec.name, *spec.aliases)):
            where = path + (("name",) if j == 0 else ("aliases", j - 1))
            other = names.get(fold(name))
            if other is not None:
                out.append(Diagnostic(
                    "report.column-duplicate", f'Tên cột "{name}" trùng với cột "{other}": mỗi '
                    "tên (name, aliases) chỉ chỉ một cột.", loaded.span(where), dotted(where),
                    message_en=f'The column name "{name}" is also the column "{other}".'))
            else:
                names[fold(name)] = spec.name
    out.extend(_parts(specs, loaded, ids))
    return out


def _id(spec: ColumnSpec, path: tuple, loaded: Loaded, ids: dict[str, int],
        fixed: set[str]) -> list[Diagnostic]:
    where = path + ("id",)
    span = loaded.span(where)
    if not re.match(COLUMN_ID, spec.id):
        ids.setdefault(spec.id, path[-1])  # a part_of naming it is not a second problem
        close = _slug(spec.id)
        return [Diagnostic(
            "report.column-id", f'Mã cột "{spec.id}" chỉ được gồm chữ thường không dấu, số và '
            'dấu gạch dưới, bắt đầu bằng chữ (ví dụ "luot_nguoi").', span, dotted(where),
            message_en=f'The column id "{spec.id}" must be lower-case ASCII letters, digits and '
            "underscores, a letter first.",
            hint=f'Có phải "{close}"?' if close else "",
            hint_en=f'Did you mean "{close}"?' if close else "")]
    if spec.id in fixed or spec.id in ids:
        first = (f"cột thứ {ids[spec.id] + 1} trong columns" if spec.id in ids
                 else "một cột luôn có của bảng (stt, don_vi, ghi_chu)")
        return [Diagnostic(
            "report.column-duplicate", f'Mã cột "{spec.id}" đã dùng cho {first}.', span,
            dotted(where), message_en=f'The column id "{spec.id}" is already used.')]
    ids[spec.id] = path[-1]
    return []


def _parts(specs: tuple[ColumnSpec, ...], loaded: Loaded, ids: dict[str, int]
           ) -> list[Diagnostic]:
    """part_of names a declared column, not the column itself, and never goes round."""
    out = []
    whole = {s.id: s.part_of for s in specs}
    index = {s.id: i for i, s in reversed(list(enumerate(specs)))}
    for i, spec in enumerate(specs):
        if spec.part_of is None:
            continue
        where = ("data", "columns", i, "part_of")
        span, path = loaded.span(where), dotted(where)
        if spec.part_of == spec.id:
            out.append(Diagnostic(
                "report.column-part-of", f'Cột "{spec.id}" không thể là một phần của chính nó.',
                span, path, message_en=f'The column "{spec.id}" cannot be part of itself.'))
        elif spec.part_of not in ids:
            close = difflib.get_close_matches(spec.part_of, list(ids), n=1, cutoff=0.6)
            out.append(Diagnostic(
                "report.column-part-of", f'part_of: không có cột mã "{spec.part_of}" trong '
                "columns.", span, path, message_en=f'part_of: no column "{spec.part_of}".',
                hint=f'Có phải "{close[0]}"?' if close else
                "Các cột: " + ", ".join(ids) + ".",
                hint_en=f'Did you mean "{close[0]}"?' if close else ""))
        else:
            chain, key = [spec.id], spec.part_of
            while key is not None and key not in chain and key in whole:
                chain.append(key)
                key = whole[key]
            if key == spec.id and index[spec.id] == min(index[k] for k in chain):
                # one error per cycle, at the column of the cycle declared first
                shown = " → ".join([*chain, spec.id])
                out.append(Diagnostic(
                    "report.column-part-of", f"part_of tạo thành vòng: {shown}.", span, path,
                    message_en=f"part_of goes round: {shown}."))
    return out
