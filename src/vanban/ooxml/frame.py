"""Build the default templates (``templates/mau-1-4.docx`` and the other layouts) from the rule
pack and a template contract.

A template is an ordinary DOCX that a clerk can open and edit in Word: page setup, the named
styles, the two borderless layout tables (header; Nơi nhận + signature) and the page-number
header, with Jinja tags where the plan's text goes. The contract decides which components the
layout has (type name or V/v, Kính gửi, the Quyết định block). Regenerate them with
``python tools/make_templates.py``.
"""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from lxml import etree

from vanban.contract import (
    KINH_GUI_LINE_STYLE,
    KINH_GUI_STYLE,
    MAU_1_4,
    Contract,
    Part,
    Var,
    tag,
)
from vanban.ooxml.styles import EXTRA_STYLES, STYLES, style_element
from vanban.ooxml.xml import el, half_points, rfonts, sub, twips
from vanban.output import MAKER
from vanban.rules import nd30


def _para(style: str, text: str = "") -> etree._Element:
    p = el("p")
    ppr = sub(p, "pPr")
    sub(ppr, "pStyle", {"val": style})
    if text:
        r = sub(p, "r")
        t = sub(r, "t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


def _loop(var: str, items: str, style: str) -> list[etree._Element]:
    return [_para(style, f"{{%p for {var} in {items} %}}"), _para(style, f"{{{{ {var} }}}}"),
            _para(style, "{%p endfor %}")]


def layout_table(widths_mm: tuple[float, ...], cells: list[list[list[etree._Element]]],
                 top_pt: float = 0) -> etree._Element:
    """A borderless fixed-layout table; ``cells[row][col]`` is the list of paragraphs; ``top_pt``
    is space above the first line of every cell (so that the columns' first lines stay level)."""
    tbl = el("tbl")
    pr = sub(tbl, "tblPr")
    sub(pr, "tblW", {"w": twips(sum(widths_mm)), "type": "dxa"})
    sub(pr, "tblInd", {"w": 0, "type": "dxa"})
    borders = sub(pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, side, {"val": "nil"})
    sub(pr, "tblLayout", {"type": "fixed"})
    mar = sub(pr, "tblCellMar")
    sub(mar, "top", {"w": round(top_pt * 20), "type": "dxa"})
    for side in ("left", "right"):
        sub(mar, side, {"w": 0, "type": "dxa"})
    sub(pr, "tblLook", {"val": "0000", "firstRow": 0, "lastRow": 0, "firstColumn": 0,
                        "lastColumn": 0, "noHBand": 1, "noVBand": 1})
    grid = sub(tbl, "tblGrid")
    for wmm in widths_mm:
        sub(grid, "gridCol", {"w": twips(wmm)})
    for row in cells:
        tr = sub(tbl, "tr")
        sub(sub(tr, "trPr"), "cantSplit")
        for wmm, paras in zip(widths_mm, row):
            tc = sub(tr, "tc")
            tcpr = sub(tc, "tcPr")
            sub(tcpr, "tcW", {"w": twips(wmm), "type": "dxa"})
            for p in paras:
                tc.append(p)
    return tbl


def _header_table(contract: Contract = MAU_1_4) -> etree._Element:
    left = nd30.HEADER_LEFT_COLUMN_MM
    widths = (left, nd30.TEXT_WIDTH_MM - left)
    issuer = (_loop("line", Var.CO_QUAN_CHU_QUAN, "VBCoQuanChuQuan")
              + _loop("line", Var.CO_QUAN_BAN_HANH, "VBCoQuanBanHanh") + [_para("VBKeCoQuan")])
    nation = [_para("VBQuocHieu", tag(Var.QUOC_HIEU)), _para("VBTieuNgu", tag(Var.TIEU_NGU)),
              _para("VBKeTieuNgu")]
    number = [_para("VBSoKyHieu", tag(Var.SO_KY_HIEU))]
    if Var.V_V in contract.variables:  # Công văn: the summary under the number (ô 5b)
        number.append(_para("VBVv", tag(Var.V_V)))
    return layout_table(widths, [[issuer, nation],
                                 [number, [_para("VBDiaDanh", tag(Var.DIA_DANH_NGAY))]]])


def _signature_table() -> etree._Element:
    left = nd30.SIGNATURE_LEFT_COLUMN_MM
    widths = (left, nd30.TEXT_WIDTH_MM - left)
    recipients = [_para("VBNoiNhan", tag(Var.NHAN_LABEL))] + _loop("line", Var.NOI_NHAN,
                                                                 "VBNoiNhanMuc")
    sign = _loop("line", Var.CHUC_VU, "VBChucVu") + [_para("VBNguoiKy", tag(Var.NGUOI_KY))]
    return layout_table(widths, [[recipients, sign]], top_pt=12)


def _section_properties(sect: etree._Element) -> None:
    for child in list(sect):
        if child.tag in (qn("w:pgSz"), qn("w:pgMar"), qn("w:cols"), qn("w:docGrid"),
                         qn("w:titlePg"), qn("w:pgNumType")):
            sect.remove(child)
    sect.append(el("pgSz", {"w": twips(nd30.PAGE_WIDTH_MM), "h": twips(nd30.PAGE_HEIGHT_MM)}))
    sect.append(el("pgMar", {
        "top": twips(nd30.MARGIN_TOP.default), "right": twips(nd30.MARGIN_RIGHT.default),
        "bottom": twips(nd30.MARGIN_BOTTOM.default), "left": twips(nd30.MARGIN_LEFT.default),
        "header": twips(nd30.HEADER_DISTANCE_MM), "footer": twips(nd30.HEADER_DISTANCE_MM),
        "gutter": 0}))
    sect.append(el("pgNumType", {"start": 1}))
    sect.append(el("cols", {"space": 720}))
    sect.append(el("docGrid", {"linePitch": 360}))


def _page_number_paragraph() -> list[etree._Element]:
    p = _para("VBSoTrang")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, None),
                        ("end", None)):
        r = sub(p, "r")
        if kind:
            sub(r, "fldChar", {"fldCharType": kind})
        elif instr:
            t = sub(r, "instrText")
            t.text = instr
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        else:
            t = sub(r, "t")
            t.text = "2"
    return [p]


def _defaults(styles_el: etree._Element, contract: Contract = MAU_1_4) -> None:
    doc_defaults = styles_el.find(qn("w:docDefaults"))
    rpr = doc_defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(rfonts(nd30.FONT))
    rpr.append(el("sz", {"val": half_points(nd30.BODY.size.default)}))
    rpr.append(el("szCs", {"val": half_points(nd30.BODY.size.default)}))
    rpr.append(el("lang", {"val": "vi-VN", "eastAsia": "en-US", "bidi": "ar-SA"}))
    ppr = doc_defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    if ppr is None:
        ppr = sub(sub(doc_defaults, "pPrDefault"), "pPr")
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(el("spacing", {"after": 0, "line": 240, "lineRule": "auto"}))
    for spec in STYLES + tuple(s for s in EXTRA_STYLES if s.id in extra_styles(contract)):
        styles_el.append(style_element(spec))


def extra_styles(contract: Contract) -> frozenset[str]:
    """The styles beyond Mẫu 1.4's that a layout needs."""
    out = set()
    if Var.V_V in contract.variables:
        out.add("VBVv")
    if Part.KINH_GUI in contract.parts:
        out.update({KINH_GUI_STYLE, KINH_GUI_LINE_STYLE})
    if Var.THAM_QUYEN in contract.variables:
        out.update({"VBThamQuyen", "VBTheoDeNghi", "VBQuyetDinh", "VBDieu", "VBNhanDieu"})
    return frozenset(out)


def _content(contract: Contract) -> list[etree._Element]:
    """The paragraphs and tables of a template's body, in order, for its contract."""
    content = [_header_table(contract)]
    if Var.TEN_LOAI in contract.variables:
        content += [_para("VBTenLoai", tag(Var.TEN_LOAI)), _para("VBTrichYeu", tag(Var.TRICH_YEU)),
                    _para("VBKeTrichYeu")]
    if Var.THAM_QUYEN in contract.variables:
        content.append(_para("VBThamQuyen", tag(Var.THAM_QUYEN)))
    if Var.CAN_CU in contract.variables:
        content += _loop("line", Var.CAN_CU, "VBCanCu")
    if Var.THEO_DE_NGHI in contract.variables:
        content += _loop("line", Var.THEO_DE_NGHI, "VBTheoDeNghi")
    if Var.QUYET_DINH in contract.variables:
        content.append(_para("VBQuyetDinh", tag(Var.QUYET_DINH)))
    if Part.KINH_GUI in contract.parts:
        content.append(_para(KINH_GUI_STYLE, "{{p " + Part.KINH_GUI + " }}"))
    content += [_para("VBDoan", "{{p " + Part.THAN_VAN_BAN + " }}"), _signature_table(),
                _para("VBCuoi", "{{p " + Part.PHU_LUC + " }}")]
    return content


def _word_2013_layout(settings: etree._Element) -> None:
    """Compatibility mode 15: table cells are laid out the same way in Word and LibreOffice."""
    for node in settings.iter(qn("w:compatSetting")):
        if node.get(qn("w:name")) == "compatibilityMode":
            node.set(qn("w:val"), "15")


_DROPPED_PARTS = ("/stylesWithEffects", "/customXml", "/thumbnail", "/webSettings")
_KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "HeaderChar",
                "Footer", "FooterChar", "TableGrid"}


def _drop_extra_parts(document) -> None:
    """Leave out python-docx's sample parts: Word 2010's stylesWithEffects copy (it would disagree
    with our styles), custom XML, the thumbnail picture and web settings."""
    for owner in (document.part, document.part.package):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_DROPPED_PARTS):
                owner.rels.pop(rid)


def _trim_styles(styles_el: etree._Element) -> None:
    """Keep only the built-in styles the template uses, and no latent-style table."""
    latent = styles_el.find(qn("w:latentStyles"))
    if latent is not None:
        styles_el.remove(latent)
    for style in list(styles_el.iter(qn("w:style"))):
        if style.get(qn("w:styleId")) not in _KEPT_STYLES:
            styles_el.remove(style)


def build_template(contract: Contract = MAU_1_4) -> bytes:
    """The default template of ``contract``'s layout as DOCX bytes (not yet zip-normalised)."""
    document = docx.Document()
    _trim_styles(document.styles.element)
    _defaults(document.styles.element, contract)
    _word_2013_layout(document.settings.element)
    _drop_extra_parts(document)
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    for node in _content(contract):
        sect.addprevious(node)
    _section_properties(sect)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    hdr = header._element
    for child in list(hdr):
        hdr.remove(child)
    for p in _page_number_paragraph():
        hdr.append(p)
    first = section.first_page_header
    first.is_linked_to_previous = False
    fh = first._element
    for child in list(fh):
        fh.remove(child)
    fh.append(_para("VBSoTrang"))
    props = document.core_properties
    props.author = "vanban"
    props.title = f"{contract.title} (Nghị định 30/2020/NĐ-CP)"
    props.last_modified_by = MAKER
    props.revision = 1
    props.comments = ""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def attached_header_xml(superior: tuple[str, ...], issuer: tuple[str, ...]) -> str:
    """The header of a document issued with a Quyết định (Mẫu 1.3): the issuer and the national
    motto, each with its rule, and no row for Số, place and date; as WordprocessingML text."""
    left = nd30.HEADER_LEFT_COLUMN_MM
    widths = (left, nd30.TEXT_WIDTH_MM - left)
    names = ([_para("VBCoQuanChuQuan", line) for line in superior]
             + [_para("VBCoQuanBanHanh", line) for line in issuer] + [_para("VBKeCoQuan")])
    nation = [_para("VBQuocHieu", nd30.QUOC_HIEU_TEXT), _para("VBTieuNgu", nd30.TIEU_NGU_TEXT),
              _para("VBKeTieuNgu")]
    return etree.tostring(layout_table(widths, [[names, nation]]), encoding="unicode")
