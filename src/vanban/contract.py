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
    V_V = "v_v"
    THAM_QUYEN = "tham_quyen"
    THEO_DE_NGHI = "theo_de_nghi"
    QUYET_DINH = "quyet_dinh"


class Part:
    """Generated WordprocessingML parts, placed with ``{{p name }}``."""

    THAN_VAN_BAN = "than_van_ban"
    PHU_LUC = "phu_luc"
    KINH_GUI = "kinh_gui"


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
    DIEU = "dieu"


STYLE_OF_KIND: dict[str, str] = {
    Kind.DOAN: "VBDoan", Kind.DOAN_SO: "VBDoanSo", Kind.PHAN: "VBPhan",
    Kind.TEN_PHAN: "VBTenPhan", Kind.MUC: "VBMuc", Kind.KHOAN: "VBKhoan",
    Kind.KHOAN2: "VBKhoan2", Kind.DIEM: "VBDiem", Kind.GACH: "VBGach", Kind.CONG: "VBCong",
    Kind.DIEU: "VBDieu",
}
"""The template style of each body paragraph kind."""

LABEL_STYLE_OF_KIND: dict[str, str] = {Kind.DIEU: "VBNhanDieu"}
"""Kinds whose label is a run of its own (character) style: "Điều 1." in bold."""


@dataclass(frozen=True)
class Contract:
    """What a document type's template must contain: every variable and every generated part
    (a template missing one would silently drop that part of the document)."""

    name: str
    variables: tuple[str, ...]
    parts: tuple[str, ...]
    title: str = ""
    """What the template is, shown in its document properties."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the template must use, variables then parts."""
        return self.variables + self.parts


_FRAME = (Var.CO_QUAN_CHU_QUAN, Var.CO_QUAN_BAN_HANH, Var.QUOC_HIEU, Var.TIEU_NGU, Var.SO_KY_HIEU,
          Var.DIA_DANH_NGAY)
_TYPED = (Var.TEN_LOAI, Var.TRICH_YEU, Var.CAN_CU)
_SIGNED = (Var.NHAN_LABEL, Var.NOI_NHAN, Var.CHUC_VU, Var.NGUOI_KY)

MAU_1_4 = Contract("Mẫu 1.4", _FRAME + _TYPED + _SIGNED, (Part.THAN_VAN_BAN, Part.PHU_LUC),
                   "Mẫu 1.4 - Văn bản có tên loại")
"""A document with a type name (Kế hoạch and its siblings), Mẫu 1.4 of Phụ lục III."""

MAU_1_4_KINH_GUI = Contract("Mẫu 1.4 (có Kính gửi)", MAU_1_4.variables,
                            (Part.KINH_GUI, Part.THAN_VAN_BAN, Part.PHU_LUC),
                            "Mẫu 1.4 - Văn bản có tên loại, có Kính gửi (Tờ trình, Báo cáo)")
"""Mẫu 1.4 with a Kính gửi block (Tờ trình; Báo cáo sent to a superior body)."""

MAU_1_5 = Contract("Mẫu 1.5", _FRAME + (Var.V_V,) + _SIGNED,
                   (Part.KINH_GUI, Part.THAN_VAN_BAN, Part.PHU_LUC), "Mẫu 1.5 - Công văn")
"""A Công văn: no type name; V/v under the number; Kính gửi."""

MAU_1_2 = Contract("Mẫu 1.1–1.3", _FRAME + _TYPED[:2] + (Var.THAM_QUYEN, Var.CAN_CU,
                                                          Var.THEO_DE_NGHI, Var.QUYET_DINH)
                   + _SIGNED, (Part.THAN_VAN_BAN, Part.PHU_LUC),
                   "Mẫu 1.1-1.3 - Quyết định (cá biệt)")
"""A Quyết định: the authority line, căn cứ, "Theo đề nghị …", "QUYẾT ĐỊNH:", Điều."""


def tag(name: str) -> str:
    """``{{ name }}``: the tag that prints one variable."""
    return "{{ " + name + " }}"


KINH_GUI_STYLE = "VBKinhGui"
"""The paragraph style of ô 9a's first line: "Kính gửi: …." (one addressee) or "Kính gửi:"."""

KINH_GUI_LINE_STYLE = "VBKinhGuiMuc"
"""The paragraph style of each addressee's own line under "Kính gửi:" ("- …;")."""
