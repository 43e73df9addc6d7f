"""Build the default Mẫu 1.4 template (``templates/mau-1-4.docx``) from the rule pack.

The template is an ordinary DOCX that a clerk can open and edit in Word: page setup, the named
styles, the two borderless layout tables (header; Nơi nhận + signature) and the page-number
header, with Jinja tags where the plan's text goes. Regenerate it with
``python tools/make_templates.py``.
"""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from lxml import etree

from vanban.contract import Part, Var, tag
from vanban.ooxml.styles import STYLES, style_element
from vanban.ooxml.xml import el, half_points, rfonts, sub, twips
from vanban.rules import nd30


def _text_width_mm() -> float:
    return nd30.PAGE_WIDTH_MM - nd30.MARGIN_LEFT.default - nd30.MARGIN_RIGHT.default


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


def _header_table() -> etree._Element:
    left = nd30.HEADER_LEFT_COLUMN_MM
    widths = (left, _text_width_mm() - left)
    issuer = (_loop("line", Var.CO_QUAN_CHU_QUAN, "VBCoQuanChuQuan")
              + _loop("line", Var.CO_QUAN_BAN_HANH, "VBCoQuanBanHanh") + [_para("VBKeCoQuan")])
    nation = [_para("VBQuocHieu", tag(Var.QUOC_HIEU)), _para("VBTieuNgu", tag(Var.TIEU_NGU)),
              _para("VBKeTieuNgu")]
    return layout_table(widths, [[issuer, nation],
                                 [[_para("VBSoKyHieu", tag(Var.SO_KY_HIEU))],
                                  [_para("VBDiaDanh", tag(Var.DIA_DANH_NGAY))]]])


def _signature_table() -> etree._Element:
    left = nd30.SIGNATURE_LEFT_COLUMN_MM
    widths = (left, _text_width_mm() - left)
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


def _defaults(styles_el: etree._Element) -> None:
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
    for spec in STYLES:
        styles_el.append(style_element(spec))


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


def build_template() -> bytes:
    """The default Mẫu 1.4 template as DOCX bytes (not yet zip-normalised)."""
    document = docx.Document()
    _trim_styles(document.styles.element)
    _defaults(document.styles.element)
    _word_2013_layout(document.settings.element)
    _drop_extra_parts(document)
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    content = [
        _header_table(),
        _para("VBTenLoai", tag(Var.TEN_LOAI)),
        _para("VBTrichYeu", tag(Var.TRICH_YEU)),
        _para("VBKeTrichYeu"),
        *_loop("line", Var.CAN_CU, "VBCanCu"),
        _para("VBDoan", "{{p " + Part.THAN_VAN_BAN + " }}"),
        _signature_table(),
        _para("VBCuoi", "{{p " + Part.PHU_LUC + " }}"),
    ]
    for node in content:
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
    props.title = "Mẫu 1.4 - Văn bản có tên loại (Nghị định 30/2020/NĐ-CP)"
    props.last_modified_by = "vanban"
    props.revision = 1
    props.comments = ""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
