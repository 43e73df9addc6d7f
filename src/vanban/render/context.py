"""The template context of a document: plain strings and lists, plus the generated XML parts."""

from __future__ import annotations

from vanban.compose.document import AppendixDoc, Document
from vanban.ooxml import body as xml
from vanban.rules import nd30

BODY_STYLE = {
    "doan": "VBDoan", "doan-so": "VBDoanSo", "phan": "VBPhan", "ten-phan": "VBTenPhan",
    "muc": "VBMuc", "khoan": "VBKhoan", "khoan2": "VBKhoan2", "diem": "VBDiem", "gach": "VBGach",
    "cong": "VBCong",
}

# Column widths (mm) of the task table on a landscape and a portrait page.
TABLE_WIDTHS = {
    True: (12.0, 80.0, 38.0, 50.0, 30.0, 42.0),
    False: (10.0, 50.0, 26.0, 30.0, 24.0, 25.0),
}


def body_xml(doc: Document) -> str:
    """The body (ô 6) as WordprocessingML paragraphs."""
    last = len(doc.body) - 1
    return "".join(xml.paragraph(BODY_STYLE[p.kind], p.full, keep_next=(i == last))
                   for i, p in enumerate(doc.body))


def appendix_xml(appendix: AppendixDoc) -> str:
    """A Phụ lục: its own section (page numbers restart), header lines, rule and task table."""
    rows = [((r.label, r.content), True) if r.group else
            ((r.label, r.content, r.lead, r.support, r.timeline, r.output), False)
            for r in appendix.rows]
    return "".join([
        xml.section_break_marker(),
        xml.paragraph("VBPhuLuc", appendix.label),
        xml.paragraph("VBTenPhuLuc", appendix.title),
        xml.paragraph("VBKemTheo", appendix.reference),
        xml.paragraph("VBKePhuLuc"),
        xml.grid_table(TABLE_WIDTHS[appendix.landscape], appendix.headers, rows),
    ])


def build_context(doc: Document) -> dict:
    """Names the template uses; the XML parts are marked safe by the renderer."""
    return {
        "co_quan_chu_quan": list(doc.superior_lines),
        "co_quan_ban_hanh": list(doc.issuer_lines),
        "quoc_hieu": nd30.QUOC_HIEU_TEXT,
        "tieu_ngu": nd30.TIEU_NGU_TEXT,
        "so_ky_hieu": doc.number_line,
        "dia_danh_ngay": doc.place_date,
        "ten_loai": doc.type_name,
        "trich_yeu": doc.title,
        "can_cu": list(doc.can_cu),
        "nhan_label": nd30.NOI_NHAN_LABEL_TEXT,
        "noi_nhan": list(doc.recipients),
        "chuc_vu": list(doc.signature_lines),
        "nguoi_ky": doc.signer_name,
    }


def xml_parts(doc: Document) -> dict[str, str]:
    """The generated parts: the body and the appendices."""
    return {
        "than_van_ban": body_xml(doc),
        "phu_luc": "".join(appendix_xml(a) for a in doc.appendices),
    }
