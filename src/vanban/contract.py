"""The template contract, written once: the names a template's Jinja tags use, the generated XML
parts it places, and the paragraph kinds of a body with the template style each one takes.

Composition names paragraph kinds, the renderer fills the variables and parts, the template
builder writes the tags and the styles: all three read them here, so a name cannot drift between
them. This module imports nothing from the rest of vanban.
"""

from __future__ import annotations

from dataclasses import dataclass


class Var:
    """Plain variables of a template (``{{ name }}`` or ``{% for line in name %}``)."""

    CO_QUAN_CHU_QUAN = "co_quan_chu_quan"
    CO_QUAN_BAN_HANH = "co_quan_ban_hanh"
    QUOC_HIEU = "quoc_hieu"
    TIEU_NGU = "tieu_ngu"
    SO_KY_HIEU = "so_ky_hieu"
    DIA_DANH_NGAY = "dia_danh_ngay"
    TEN_LOAI = "ten_loai"
    TRICH_YEU = "trich_yeu"
    CAN_CU = "can_cu"
    NHAN_LABEL = "nhan_label"
    NOI_NHAN = "noi_nhan"
    CHUC_VU = "chuc_vu"
    NGUOI_KY = "nguoi_ky"


class Part:
    """Generated WordprocessingML parts, placed with ``{{p name }}``."""

    THAN_VAN_BAN = "than_van_ban"
    PHU_LUC = "phu_luc"


class Kind:
    """The kinds of body paragraph; each is laid out by one paragraph style of the template."""

    DOAN = "doan"
    DOAN_SO = "doan-so"
    PHAN = "phan"
    TEN_PHAN = "ten-phan"
    MUC = "muc"
    KHOAN = "khoan"
    KHOAN2 = "khoan2"
    DIEM = "diem"
    GACH = "gach"
    CONG = "cong"


def _values(namespace: type) -> tuple[str, ...]:
    """The string constants of a namespace class, in the order they are written."""
    return tuple(v for k, v in vars(namespace).items() if k.isupper())


STYLE_OF_KIND: dict[str, str] = {
    Kind.DOAN: "VBDoan", Kind.DOAN_SO: "VBDoanSo", Kind.PHAN: "VBPhan",
    Kind.TEN_PHAN: "VBTenPhan", Kind.MUC: "VBMuc", Kind.KHOAN: "VBKhoan",
    Kind.KHOAN2: "VBKhoan2", Kind.DIEM: "VBDiem", Kind.GACH: "VBGach", Kind.CONG: "VBCong",
}
"""The template style of each body paragraph kind."""


@dataclass(frozen=True)
class Contract:
    """What a document type's template must contain: every variable and every generated part
    (a template missing one would silently drop that part of the document)."""

    name: str
    variables: tuple[str, ...]
    parts: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the template must use, variables then parts."""
        return self.variables + self.parts


MAU_1_4 = Contract("Mẫu 1.4", _values(Var), _values(Part))
"""A document with a type name (Kế hoạch and its siblings), Mẫu 1.4 of Phụ lục III."""


def tag(name: str) -> str:
    """``{{ name }}``: the tag that prints one variable."""
    return "{{ " + name + " }}"
