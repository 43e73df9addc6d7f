"""The data table's columns for grassroots mediation (hòa giải ở cơ sở): one row per reporting
unit, one column per count. A header cell may be the column's key, its label or its short label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of the data table."""

    key: str
    label: str
    """The header as the report prints it in the appendix and as districts write it."""
    noun: str = ""
    """What the count counts, as a denominator is named: "tổng số vụ việc tiếp nhận"."""
    unit: str = ""
    """The word after a number: "tổ", "người", "vụ việc"."""
    kind: str = "count"
    """count (a whole number ≥ 0), unit (the reporting unit) or text (ignored)."""
    required: bool = False
    part_of: str | None = None
    """A column this one is part of: it may never exceed it on a row."""
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("stt", "STT", kind="text", aliases=("TT", "Số TT", "Số thứ tự")),
    Column("don_vi", "Đơn vị", kind="unit", required=True,
           aliases=("Tên đơn vị", "Huyện", "Xã", "Địa phương", "Đơn vị báo cáo")),
    Column("so_to", "Số tổ hòa giải", "tổng số tổ hòa giải", "tổ", required=True,
           aliases=("Tổ hòa giải", "Số tổ")),
    Column("to_kien_toan", "Tổ được kiện toàn", "số tổ hòa giải được kiện toàn", "tổ",
           part_of="so_to", aliases=("Số tổ được kiện toàn",)),
    Column("to_5_tot", "Tổ đạt \"5 tốt\"", "số tổ đạt mô hình \"Tổ hòa giải ở cơ sở 5 tốt\"",
           "tổ", part_of="so_to", aliases=("Tổ 5 tốt", "Số tổ đạt 5 tốt")),
    Column("hoa_giai_vien", "Số hòa giải viên", "tổng số hòa giải viên", "người", required=True,
           aliases=("Hòa giải viên", "Tổng số hòa giải viên")),
    Column("hgv_nu", "Hòa giải viên nữ", "số hòa giải viên nữ", "người",
           part_of="hoa_giai_vien", aliases=("Trong đó nữ", "Nữ")),
    Column("hgv_tap_huan", "Hòa giải viên được tập huấn", "số hòa giải viên được tập huấn",
           "người", part_of="hoa_giai_vien", aliases=("Được tập huấn",)),
    Column("hgv_moi", "Hòa giải viên mới", "số hòa giải viên mới được công nhận", "người",
           part_of="hoa_giai_vien", aliases=("Hòa giải viên mới công nhận",)),
    Column("hgv_moi_tap_huan", "Hòa giải viên mới được tập huấn",
           "số hòa giải viên mới được tập huấn", "người", part_of="hgv_moi"),
    Column("tiep_nhan", "Số vụ việc tiếp nhận", "tổng số vụ việc tiếp nhận", "vụ việc",
           required=True, aliases=("Vụ việc tiếp nhận", "Tiếp nhận", "Tổng số vụ việc")),
    Column("thanh", "Hòa giải thành", "số vụ việc hòa giải thành", "vụ việc", required=True,
           aliases=("Thành",)),
    Column("khong_thanh", "Hòa giải không thành", "số vụ việc hòa giải không thành", "vụ việc",
           required=True, aliases=("Không thành",)),
    Column("dang_giai_quyet", "Đang giải quyết", "số vụ việc đang giải quyết", "vụ việc",
           required=True, aliases=("Đang hòa giải",)),
    Column("ghi_chu", "Ghi chú", kind="text"),
)

BY_KEY = {c.key: c for c in COLUMNS}
COUNT_KEYS = tuple(c.key for c in COLUMNS if c.kind == "count")

SUM_RULE = ("tiep_nhan", ("thanh", "khong_thanh", "dang_giai_quyet"))
"""Every row: thành + không thành + đang giải quyết = tiếp nhận."""

DERIVED: dict[str, tuple[tuple[str, ...], str]] = {
    "da_ket_thuc": (("thanh", "khong_thanh"),
                    "tổng số vụ việc hòa giải thành và không thành"),
}
"""Sums of columns a rate may be taken over, with the words that name them."""

MEASURES = COUNT_KEYS + tuple(DERIVED)
"""Everything a total or a rate may name."""

MAX_COUNT = 10**9
"""No count of mediators or cases reaches a billion: a larger number is a typing error."""


def parts_of(key: str) -> tuple[str, ...]:
    """The columns whose sum ``key`` is (itself for a column)."""
    return DERIVED[key][0] if key in DERIVED else (key,)


def noun(key: str) -> str:
    """The words that name ``key`` as a denominator."""
    return DERIVED[key][1] if key in DERIVED else BY_KEY[key].noun


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\"“”'‘’]", "", text)
    return re.sub(r"\s+", " ", text).strip()


HEADERS: dict[str, str] = {}
for _c in COLUMNS:
    for _name in (_c.key, _c.label, *_c.aliases):
        HEADERS.setdefault(_fold(_name), _c.key)


def match_header(text: str) -> str | None:
    """The column key a header cell names, or None."""
    return HEADERS.get(_fold(text))


def header_names() -> list[str]:
    """Every header a column may be written as (for a "did you mean")."""
    return [name for c in COLUMNS for name in (c.label, *c.aliases)]
