"""Read a statistics table from YAML: ``rows:``, a list of mappings from column to value.

The YAML is parsed by :mod:`vanban.source` (the only owner of yaml), so cells are located by
line and column like every other source.
"""

from __future__ import annotations

from pathlib import Path

from vanban.errors import Diagnostic, Span, VanbanError
from vanban.report.raw import Cell, RawTable
from vanban.report.seam import dotted, load_file


def read(path: Path, display: str) -> RawTable:
    """The table of the YAML file at ``path``: the header is the union of the rows' keys."""
    loaded = load_file(path, display)
    data = loaded.data
    if data is None:
        return RawTable(display, (), (), Span(display, 1, 1))
    if not isinstance(data, dict) or set(data) != {"rows"} or not isinstance(data["rows"], list):
        raise VanbanError([Diagnostic(
            "data.yaml-shape", "Tệp số liệu YAML phải có đúng một khóa rows: là danh sách các "
            "dòng (mỗi dòng: don_vi: …, so_to: …).", Span(display, 1, 1),
            message_en="A YAML data file holds one key, rows: a list of mappings.")])
    keys: list[str] = []
    for i, row in enumerate(data["rows"]):
        if not isinstance(row, dict):
            raise VanbanError([Diagnostic(
                "data.yaml-shape", "Mỗi dòng số liệu phải là một nhóm cột: giá trị.",
                loaded.span(("rows", i)), dotted(("rows", i)),
                message_en="Each row must be a mapping of column: value.")])
        keys.extend(str(k) for k in row if str(k) not in keys)
    header = tuple(Cell(k, _key_span(loaded, keys, k, data["rows"]), k) for k in keys)
    rows = []
    for i, row in enumerate(data["rows"]):
        rows.append(tuple(
            Cell(row.get(k), loaded.span(("rows", i, k)) if k in row else loaded.span(("rows", i)),
                 dotted(("rows", i, k))) for k in keys))
    return RawTable(display, header, tuple(rows), loaded.span(("rows",), key=True))


def _key_span(loaded, keys: list[str], key: str, rows: list) -> Span:
    for i, row in enumerate(rows):
        if key in row:
            return loaded.span(("rows", i, key), key=True)
    return Span(loaded.file, 1, 1)
