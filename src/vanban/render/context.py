"""The template context of a document: plain strings and lists, plus the generated XML parts."""

from __future__ import annotations

from vanban.compose.document import AppendixDoc, BodyTable, Document
from vanban.contract import (
    KINH_GUI_LINE_STYLE,
    KINH_GUI_STYLE,
    LABEL_STYLE_OF_KIND,
    STYLE_OF_KIND,
    Part,
    Var,
)
from vanban.ooxml import body as xml
from vanban.ooxml.frame import attached_header_xml
from vanban.rules import nd30

# Column widths (mm) of the task table on a landscape and a portrait page.
TABLE_WIDTHS = {
    True: (12.0, 80.0, 38.0, 50.0, 30.0, 42.0),
    False: (10.0, 50.0, 26.0, 30.0, 24.0, 25.0),
}


def body_xml(doc: Document) -> str:
    """The body (ô 6) as WordprocessingML paragraphs."""
    return paragraphs_xml(doc.body)


def footnotes(doc: Document) -> list[str]:
    """The footnotes of the document in the order their marks appear (body, then each document
    issued with it); footnote N is the N-th of this list."""
    bodies = [doc.body] + [a.body for a in doc.attachments]
    return [p.footnote for body in bodies for p in body
            if not isinstance(p, BodyTable) and p.footnote]


def paragraphs_xml(body: tuple, keep_last: bool = True, first_note: int = 1) -> str:
    """Body paragraphs and tables; the last paragraph keeps with what follows (the signature),
    and so does a paragraph right before a table (the words leading into it); footnote marks
    are numbered from ``first_note``."""
    last = len(body) - 1 if keep_last else -1
    out, note = [], first_note
    for i, p in enumerate(body):
        after = body[i + 1] if i + 1 < len(body) else None
        if isinstance(p, BodyTable):
            out.append(table_xml(p))
            if isinstance(after, BodyTable) or (after is None and keep_last):
                # Two tables with nothing between are one table to Word and LibreOffice (the
                # signature block is a table too): the second's borders would hide the first's.
                out.append(xml.paragraph("VBCuoi"))
        elif p.kind in LABEL_STYLE_OF_KIND:
            out.append(xml.labelled_paragraph(STYLE_OF_KIND[p.kind], p.label, p.text,
                                              LABEL_STYLE_OF_KIND[p.kind]))
        else:
            text, after_note = p.around_note
            leads_in = isinstance(after, BodyTable)
            out.append(xml.paragraph(STYLE_OF_KIND[p.kind], text, keep_next=i == last or leads_in,
                                     footnote=note if p.footnote else 0, after_note=after_note))
            note += bool(p.footnote)
    return "".join(out)


def kinh_gui_xml(doc: Document) -> str:
    """Ô 9a: the "Kính gửi:" line, then one line per recipient when there are several."""
    return "".join(xml.paragraph(KINH_GUI_STYLE if i == 0 else KINH_GUI_LINE_STYLE, line)
                   for i, line in enumerate(doc.kinh_gui))


def attached_xml(attached, first_note: int = 1) -> str:
    """A document issued with a Quyết định: a new section (page numbers restart), the header
    without Số, place and date, its type name and summary, "(Kèm theo …)", a rule, its body."""
    return "".join([
        xml.section_break_marker(),
        attached_header_xml(attached.superior_lines, attached.issuer_lines),
        xml.paragraph("VBTenLoai", attached.type_name),
        xml.paragraph("VBTrichYeu", attached.title),
        xml.paragraph("VBKemTheo", attached.reference),
        xml.paragraph("VBKePhuLuc"),
        paragraphs_xml(attached.body, keep_last=False, first_note=first_note),
        *(appendix_xml(a) for a in attached.appendices),
    ])


def section_orientations(doc: Document) -> list[bool]:
    """Landscape or not for every section after the first, in the order the parts place them."""
    out = []
    for attached in doc.attachments:
        out += [False] + [a.landscape for a in attached.appendices]
    return out + [a.landscape for a in doc.appendices]


TABLE_CELL_STYLE = {"left": "VBBang", "center": "VBBangSTT"}


def table_xml(table: BodyTable) -> str:
    """A body table: header rows repeated on every page, rows that do not split, merged cells
    spanning columns or rows, bold cells."""
    if table.cells:
        rows = [[(c.col, xml.TableCell(c.text, "VBBangTieuDe" if r < table.head else
                                        TABLE_CELL_STYLE[table.aligns[c.col]], c.cols, c.merge,
                                        c.bold))
                 for c in row] for r, row in enumerate(table.cells)]
        return xml.merged_table(table.widths, rows, table.head)
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
        table_xml(appendix.table) if appendix.table is not None else
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
        Var.V_V: doc.v_v,
        Var.THAM_QUYEN: doc.authority_line,
        Var.THEO_DE_NGHI: list(doc.proposal),
        Var.QUYET_DINH: doc.decision_word,
    }


def xml_parts(doc: Document) -> dict[str, str]:
    """The generated parts: the body and the appendices."""
    return {
        Part.THAN_VAN_BAN: body_xml(doc),
        Part.PHU_LUC: "".join([attached_xml(a, _first_note(doc, k))
                               for k, a in enumerate(doc.attachments)]
                              + [appendix_xml(a) for a in doc.appendices]),
        Part.KINH_GUI: kinh_gui_xml(doc),
    }


def _first_note(doc: Document, k: int) -> int:
    """The number of the first footnote of the k-th document issued with ``doc``."""
    before = [doc.body] + [a.body for a in doc.attachments[:k]]
    return 1 + sum(1 for body in before for p in body
                   if not isinstance(p, BodyTable) and p.footnote)
