"""The template context of a document: plain strings and lists, plus the generated XML parts."""

from __future__ import annotations

from vanban.compose.document import AppendixDoc, BodyTable, Document
from vanban.contract import STYLE_OF_KIND, Part, Var
from vanban.ooxml import body as xml
from vanban.rules import nd30

BODY_STYLE = STYLE_OF_KIND  # the name this module had for it

# Column widths (mm) of the task table on a landscape and a portrait page.
TABLE_WIDTHS = {
    True: (12.0, 80.0, 38.0, 50.0, 30.0, 42.0),
    False: (10.0, 50.0, 26.0, 30.0, 24.0, 25.0),
}


def body_xml(doc: Document) -> str:
    """The body (ô 6) as WordprocessingML paragraphs."""
    last = len(doc.body) - 1
    return "".join(table_xml(p) if isinstance(p, BodyTable) else
                   xml.paragraph(STYLE_OF_KIND[p.kind], p.full, keep_next=(i == last))
                   for i, p in enumerate(doc.body))


TABLE_CELL_STYLE = {"left": "VBBang", "center": "VBBangSTT"}


def table_xml(table: BodyTable) -> str:
    """A body table: header row repeated on every page, rows that do not split."""
    return xml.grid_table(table.widths, table.header, [(row, False) for row in table.rows],
                          styles=tuple(TABLE_CELL_STYLE[a] for a in table.aligns))


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
        Var.CO_QUAN_CHU_QUAN: list(doc.superior_lines),
        Var.CO_QUAN_BAN_HANH: list(doc.issuer_lines),
        Var.QUOC_HIEU: nd30.QUOC_HIEU_TEXT,
        Var.TIEU_NGU: nd30.TIEU_NGU_TEXT,
        Var.SO_KY_HIEU: doc.number_line,
        Var.DIA_DANH_NGAY: doc.place_date,
        Var.TEN_LOAI: doc.type_name,
        Var.TRICH_YEU: doc.title,
        Var.CAN_CU: list(doc.can_cu),
        Var.NHAN_LABEL: nd30.NOI_NHAN_LABEL_TEXT,
        Var.NOI_NHAN: list(doc.recipients),
        Var.CHUC_VU: list(doc.signature_lines),
        Var.NGUOI_KY: doc.signer_name,
    }


def xml_parts(doc: Document) -> dict[str, str]:
    """The generated parts: the body and the appendices."""
    return {
        Part.THAN_VAN_BAN: body_xml(doc),
        Part.PHU_LUC: "".join(appendix_xml(a) for a in doc.appendices),
    }
