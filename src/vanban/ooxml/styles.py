"""The paragraph styles of the templates, derived from the rule pack.

Every component of the document has its own named style ("VB Quốc hiệu", "VB Đoạn văn" …), so a
clerk can adjust a component in Word with Modify Style, and the renderer and checker agree on
what each paragraph is.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from vanban.contract import KINH_GUI_LINE_STYLE, KINH_GUI_STYLE
from vanban.ooxml.xml import el, half_points, rfonts, sub, twips
from vanban.rules import nd30
from vanban.rules.metrics import text_width_pt
from vanban.rules.nd30 import TextFormat


@dataclass(frozen=True)
class StyleSpec:
    id: str
    name: str
    fmt: TextFormat
    first_line_mm: float = 0.0
    before_pt: float = 0.0
    after_pt: float = 0.0
    keep_next: bool = False
    rule: float = 0.0  # > 0: an empty paragraph drawn as a rule this fraction of the text above
    line: float = nd30.LINE_SPACING.default
    left_mm: float = 0.0
    hanging_mm: float = 0.0  # > 0: the first line starts this far left of the others
    kind: str = "paragraph"  # or "character": a run style (e.g. the bold "Điều 1." label)


_BODY_INDENT = nd30.FIRST_LINE_INDENT_DEFAULT_MM
_BEFORE = nd30.PARA_SPACE_BEFORE_PT
_BODY = nd30.BODY


def _fmt(base: TextFormat, **kw) -> TextFormat:
    values = {"size": base.size, "bold": base.bold, "italic": base.italic, "upper": base.upper,
              "align": base.align, "ref": base.ref}
    values.update(kw)
    return TextFormat(**values)


RULE_GAP_PT = 3.0
RULE_FORMAT = TextFormat(nd30.Range(1, 1, 1), align="left")

STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("VBQuocHieu", "VB Quốc hiệu", nd30.QUOC_HIEU),
    StyleSpec("VBTieuNgu", "VB Tiêu ngữ", nd30.TIEU_NGU),
    StyleSpec("VBKeTieuNgu", "VB Kẻ dưới Tiêu ngữ", RULE_FORMAT, rule=nd30.RULE_TIEU_NGU.default),
    StyleSpec("VBCoQuanChuQuan", "VB Cơ quan chủ quản", nd30.SUPERIOR_BODY),
    StyleSpec("VBCoQuanBanHanh", "VB Cơ quan ban hành", nd30.ISSUER),
    StyleSpec("VBKeCoQuan", "VB Kẻ dưới cơ quan", RULE_FORMAT, rule=nd30.RULE_ISSUER.default),
    StyleSpec("VBSoKyHieu", "VB Số ký hiệu", nd30.NUMBER, before_pt=6),
    StyleSpec("VBDiaDanh", "VB Địa danh ngày", nd30.PLACE_DATE, before_pt=6),
    StyleSpec("VBTenLoai", "VB Tên loại", nd30.TYPE_NAME, before_pt=18, keep_next=True),
    StyleSpec("VBTrichYeu", "VB Trích yếu", nd30.SUMMARY, keep_next=True),
    StyleSpec("VBKeTrichYeu", "VB Kẻ dưới trích yếu", RULE_FORMAT, rule=nd30.RULE_SUMMARY.default,
              after_pt=6),
    StyleSpec("VBCanCu", "VB Căn cứ", nd30.CAN_CU, _BODY_INDENT, _BEFORE),
    StyleSpec("VBDoan", "VB Đoạn văn", _BODY, _BODY_INDENT, _BEFORE),
    StyleSpec("VBDoanSo", "VB Khoản không tiêu đề", _BODY, _BODY_INDENT, _BEFORE),
    StyleSpec("VBPhan", "VB Phần", _fmt(_BODY, bold=True, align="center"), before_pt=12,
              keep_next=True),
    StyleSpec("VBTenPhan", "VB Tên phần", _fmt(_BODY, bold=True, upper=True, align="center"),
              keep_next=True),
    StyleSpec("VBMuc", "VB Mục (I.)", _fmt(_BODY, bold=True, upper=True), _BODY_INDENT, _BEFORE,
              keep_next=True),
    StyleSpec("VBKhoan", "VB Khoản (1.)", _fmt(_BODY, bold=True), _BODY_INDENT, _BEFORE,
              keep_next=True),
    StyleSpec("VBKhoan2", "VB Khoản (1.1.)", _fmt(_BODY, bold=True, italic=True), _BODY_INDENT,
              _BEFORE, keep_next=True),
    StyleSpec("VBDiem", "VB Điểm (a)", _fmt(_BODY, italic=True), _BODY_INDENT, _BEFORE),
    StyleSpec("VBGach", "VB Gạch đầu dòng", _BODY, _BODY_INDENT, _BEFORE),
    StyleSpec("VBCong", "VB Dấu cộng", _BODY, _BODY_INDENT, _BEFORE),
    StyleSpec("VBNoiNhan", "VB Nơi nhận", nd30.NOI_NHAN_LABEL),
    StyleSpec("VBNoiNhanMuc", "VB Nơi nhận - dòng", nd30.NOI_NHAN_ENTRY),
    StyleSpec("VBChucVu", "VB Quyền hạn chức vụ", nd30.AUTHORITY),
    StyleSpec("VBNguoiKy", "VB Người ký", nd30.SIGNER_NAME, before_pt=72),
    StyleSpec("VBPhuLuc", "VB Phụ lục", nd30.APPENDIX_LABEL, keep_next=True),
    StyleSpec("VBTenPhuLuc", "VB Tên phụ lục", nd30.APPENDIX_TITLE, keep_next=True),
    StyleSpec("VBKemTheo", "VB Kèm theo", nd30.APPENDIX_REF, keep_next=True),
    StyleSpec("VBKePhuLuc", "VB Kẻ dưới phụ lục", RULE_FORMAT, rule=nd30.RULE_APPENDIX.default,
              after_pt=6),
    StyleSpec("VBBang", "VB Bảng", nd30.TABLE_TEXT, before_pt=3, after_pt=3),
    StyleSpec("VBBangSTT", "VB Bảng - STT", _fmt(nd30.TABLE_TEXT, align="center"), before_pt=3,
              after_pt=3),
    StyleSpec("VBBangTieuDe", "VB Bảng - tiêu đề", _fmt(nd30.TABLE_TEXT, bold=True, align="center"),
              before_pt=3, after_pt=3),
    StyleSpec("VBBangNhom", "VB Bảng - nhóm", _fmt(nd30.TABLE_TEXT, bold=True), before_pt=3,
              after_pt=3),
    StyleSpec("VBSoTrang", "VB Số trang", nd30.PAGE_NUMBER),
    StyleSpec("VBCuoi", "VB Đoạn kết thúc", RULE_FORMAT),
)

def _kinh_gui_indents() -> tuple[float, float, float]:
    """Left edge of "Kính gửi:", of the text after it, and of the dashes (under its colon), mm."""
    size = nd30.KINH_GUI_TEXT.size.default
    word = text_width_pt(nd30.KINH_GUI_LABEL[:-1], size) * nd30.MM_PER_PT
    label = text_width_pt(nd30.KINH_GUI_LABEL + " ", size) * nd30.MM_PER_PT
    start = nd30.KINH_GUI_INDENT_MM
    return start, start + label, start + word


_KG_START, _KG_TEXT, _KG_DASH = _kinh_gui_indents()

EXTRA_STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("VBVv", "VB V/v (trích yếu công văn)", nd30.CONG_VAN_SUMMARY,
              before_pt=nd30.CONG_VAN_GAP_PT),
    StyleSpec(KINH_GUI_STYLE, "VB Kính gửi", nd30.KINH_GUI_TEXT, before_pt=12, left_mm=_KG_TEXT,
              hanging_mm=_KG_TEXT - _KG_START),
    StyleSpec(KINH_GUI_LINE_STYLE, "VB Kính gửi - dòng", nd30.KINH_GUI_TEXT, left_mm=_KG_DASH),
    StyleSpec("VBThamQuyen", "VB Thẩm quyền ban hành", nd30.AUTHORITY_LINE, before_pt=6,
              after_pt=6, keep_next=True),
    StyleSpec("VBTheoDeNghi", "VB Theo đề nghị", nd30.CAN_CU, _BODY_INDENT, _BEFORE),
    StyleSpec("VBQuyetDinh", "VB QUYẾT ĐỊNH:", nd30.DECISION, before_pt=12, after_pt=6,
              keep_next=True),
    StyleSpec("VBDieu", "VB Điều", _BODY, _BODY_INDENT, _BEFORE),
    StyleSpec("VBNhanDieu", "VB Nhãn Điều", _fmt(_BODY, bold=True), kind="character"),
)
"""Styles of the layouts beyond Mẫu 1.4; a template holds only those its contract needs."""

BY_ID = {s.id: s for s in STYLES + EXTRA_STYLES}
RULE_STYLES = {s.id: s.rule for s in STYLES if s.rule}


def style_element(spec: StyleSpec) -> etree._Element:
    """The <w:style> element of one paragraph (or character) style."""
    if spec.kind == "character":
        return _character_style(spec)
    style = el("style", {"type": "paragraph", "customStyle": 1, "styleId": spec.id})
    sub(style, "name", {"val": spec.name})
    sub(style, "basedOn", {"val": "Normal"})
    sub(style, "qFormat")
    ppr = sub(style, "pPr")
    if spec.keep_next:
        sub(ppr, "keepNext")
    if spec.rule:
        bdr = sub(ppr, "pBdr")
        sub(bdr, "top", {"val": "single", "sz": 6, "space": 0, "color": "000000"})
    line = round(240 * spec.line)
    if spec.rule or spec.id == "VBCuoi":
        # A rule keeps a small gap below the text it belongs to, so it never reads as underlining.
        sub(ppr, "spacing", {"before": twips_pt(RULE_GAP_PT if spec.rule else 0),
                             "after": twips_pt(spec.after_pt), "line": 20, "lineRule": "exact"})
    else:
        sub(ppr, "spacing", {"before": twips_pt(spec.before_pt), "after": twips_pt(spec.after_pt),
                             "line": line, "lineRule": "auto"})
    if spec.hanging_mm:
        sub(ppr, "ind", {"left": twips(spec.left_mm), "right": 0,
                         "hanging": twips(spec.hanging_mm)})
    else:
        sub(ppr, "ind", {"left": twips(spec.left_mm), "right": 0,
                         "firstLine": twips(spec.first_line_mm)})
    sub(ppr, "jc", {"val": spec.fmt.align})
    rpr = sub(style, "rPr")
    rpr.append(rfonts(nd30.FONT))
    for tag, on in (("b", spec.fmt.bold), ("bCs", spec.fmt.bold), ("i", spec.fmt.italic),
                    ("iCs", spec.fmt.italic)):
        sub(rpr, tag, {"val": 1 if on else 0})
    sub(rpr, "color", {"val": "000000"})
    size = half_points(spec.fmt.size.default)
    sub(rpr, "sz", {"val": size})
    sub(rpr, "szCs", {"val": size})
    return style


def _character_style(spec: StyleSpec) -> etree._Element:
    style = el("style", {"type": "character", "customStyle": 1, "styleId": spec.id})
    sub(style, "name", {"val": spec.name})
    sub(style, "basedOn", {"val": "DefaultParagraphFont"})
    sub(style, "qFormat")
    rpr = sub(style, "rPr")
    for tag, on in (("b", spec.fmt.bold), ("bCs", spec.fmt.bold), ("i", spec.fmt.italic),
                    ("iCs", spec.fmt.italic)):
        sub(rpr, tag, {"val": 1 if on else 0})
    return style


def twips_pt(pt: float) -> int:
    return round(pt * 20)
