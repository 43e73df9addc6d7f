"""The data table's columns: one row per reporting unit, one column per count. A ``ColumnSet``
is the whole catalogue of one table (its columns, the header cells each may be written as, the
part-of rules, the sums a rate may be taken over); ``HOA_GIAI`` is the grassroots mediation (hòa
giải ở cơ sở) set every report has unless it declares its own columns (``data.columns``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


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


COLUMN_ID = r"^[a-z][a-z0-9_]*$"
"""A column id: lower-case ASCII letters, digits and underscores, a letter first."""

UNIT_KEY = "don_vi"
STT = Column("stt", "STT", kind="text", aliases=("TT", "Số TT", "Số thứ tự"))
UNIT = Column(UNIT_KEY, "Đơn vị", kind="unit", required=True,
              aliases=("Tên đơn vị", "Huyện", "Xã", "Địa phương", "Đơn vị báo cáo"))
NOTE = Column("ghi_chu", "Ghi chú", kind="text")
FIXED = (STT, UNIT, NOTE)
"""The columns every table may have besides its counts: STT and Ghi chú are read and ignored."""


def fold(text: str) -> str:
    """A header as it is compared: NFC, case-folded, quotes dropped, spaces collapsed."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\"“”'‘’]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def lower_first(text: str) -> str:
    """"Số lượt người" → "số lượt người"; an abbreviation ("UBND …") keeps its case."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and not word[1:].islower():
        return text
    return text[:1].lower() + text[1:]


@dataclass(frozen=True, eq=False)
class ColumnSet:
    """The columns of one data table and what may be computed from them."""

    columns: tuple[Column, ...]
    sum_rule: tuple[str, tuple[str, ...]] | None = None
    """A whole that every row must equal the sum of its parts for (thành + không thành +
    đang giải quyết = tiếp nhận)."""
    derived: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    """Sums of columns a rate may be taken over, with the words that name them."""
    mediation: bool = False
    """The hòa giải set: the report sums it up in the words of hòa giải."""
    by_key: dict[str, Column] = field(init=False, repr=False)
    headers: dict[str, str] = field(init=False, repr=False)
    """Every folded header a column may be written as → its key (the first column wins)."""

    def __post_init__(self) -> None:
        headers: dict[str, str] = {}
        for column in self.columns:
            for name in (column.key, column.label, *column.aliases):
                headers.setdefault(fold(name), column.key)
        object.__setattr__(self, "by_key", {c.key: c for c in self.columns})
        object.__setattr__(self, "headers", headers)

    @property
    def count_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns if c.kind == "count")

    @property
    def measures(self) -> tuple[str, ...]:
        """Everything a total or a rate may name."""
        return self.count_keys + tuple(self.derived)

    def parts_of(self, key: str) -> tuple[str, ...]:
        """The columns whose sum ``key`` is (itself for a column)."""
        return self.derived[key][0] if key in self.derived else (key,)

    def noun(self, key: str) -> str:
        """The words that name ``key`` as a denominator."""
        return self.derived[key][1] if key in self.derived else self.by_key[key].noun

    def unit(self, key: str) -> str:
        """The word after a number of ``key`` (a derived sum's: its first part's)."""
        return self.by_key[self.parts_of(key)[0]].unit

    def match_header(self, text: str) -> str | None:
        """The column key a header cell names, or None."""
        return self.headers.get(fold(text))

    def header_names(self) -> list[str]:
        """Every header a column may be written as (for a "did you mean")."""
        return [name for c in self.columns for name in (c.label, *c.aliases)]


HOA_GIAI = ColumnSet((
    STT, UNIT,
    Column("so_to", "Số tổ hòa giải", "tổng số tổ hòa giải", "tổ", required=True,
           aliases=("Tổ hòa giải", "Số tổ")),
    Column("to_kien_toan", "Tổ được kiện toàn", "số tổ hòa giải được kiện toàn", "tổ",
           part_of="so_to", aliases=("Số tổ được kiện toàn", "Được kiện toàn")),
    # Printed with the Vietnamese quotation marks; a header with straight quotes (or none)
    # is read all the same (``fold`` drops quotes).
    Column("to_5_tot", "Tổ đạt “5 tốt”", "số tổ đạt mô hình “Tổ hòa giải ở cơ sở 5 tốt”",
           "tổ", part_of="so_to", aliases=("Tổ 5 tốt", "Số tổ đạt 5 tốt", "Đạt 5 tốt")),
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
    NOTE,
), sum_rule=("tiep_nhan", ("thanh", "khong_thanh", "dang_giai_quyet")),
    derived={"da_ket_thuc": (("thanh", "khong_thanh"),
                             "tổng số vụ việc hòa giải thành và không thành")},
    mediation=True)
"""Grassroots mediation: tổ, hòa giải viên, vụ việc (the default of every report)."""

MAX_COUNT = 10**9
"""No count of mediators or cases reaches a billion: a larger number is a typing error."""
