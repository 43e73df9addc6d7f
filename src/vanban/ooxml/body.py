"""WordprocessingML for the generated parts of a document: body paragraphs and appendix tables.

Each paragraph names a template style (see ``styles.py``) and carries no direct formatting, so a
clerk's edit of the style in the template changes every paragraph of that kind.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from vanban.ooxml.xml import twips

SECTION_BREAK_BOOKMARK = "_vanban_section_break"


def paragraph(style: str, text: str = "", *, keep_next: bool = False) -> str:
    """One paragraph of ``style`` holding ``text`` in a single run; ``keep_next`` keeps it on
    the page of what follows (the last body paragraph stays with the signature block)."""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{run}</w:p>'


def section_break_marker() -> str:
    """An empty paragraph that ``finish`` turns into the end of the main section."""
    return ('<w:p><w:pPr><w:pStyle w:val="VBCuoi"/></w:pPr>'
            f'<w:bookmarkStart w:id="0" w:name="{SECTION_BREAK_BOOKMARK}"/>'
            '<w:bookmarkEnd w:id="0"/></w:p>')


def _cell(width_mm: float, paras: str, *, span: int = 1, shade: bool = False) -> str:
    props = f'<w:tcW w:w="{twips(width_mm)}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if shade:
        props += '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
    props += '<w:vAlign w:val="top"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>"


def grid_table(widths_mm: tuple[float, ...], header: tuple[str, ...],
               rows: list[tuple[tuple[str, ...], bool]],
               styles: tuple[str, ...] | None = None) -> str:
    """A bordered table with a repeated header row (``w:tblHeader``) and rows that never split
    across pages (``w:cantSplit``); a row flagged True is a group row whose first cell is the
    label and whose second cell spans the remaining columns. ``styles`` names the paragraph
    style of each column (default: a centred number column, then text)."""
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    total = twips(sum(widths_mm))
    out = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>',
        f"<w:tblBorders>{border}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        ('<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
         "</w:tblCellMar>"),
        ('<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
         'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'),
        "</w:tblPr><w:tblGrid>",
        "".join(f'<w:gridCol w:w="{twips(wmm)}"/>' for wmm in widths_mm),
        "</w:tblGrid>",
        '<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>',
        "".join(_cell(wmm, paragraph("VBBangTieuDe", text), shade=True)
                for wmm, text in zip(widths_mm, header)),
        "</w:tr>",
    ]
    for cells, group in rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if group:
            out.append(_cell(widths_mm[0], paragraph("VBBangTieuDe", cells[0])))
            out.append(_cell(sum(widths_mm[1:]), paragraph("VBBangNhom", cells[1]),
                             span=len(widths_mm) - 1))
        else:
            column_styles = styles or ["VBBangSTT"] + ["VBBang"] * (len(widths_mm) - 1)
            out.extend(_cell(wmm, paragraph(style, text))
                       for wmm, style, text in zip(widths_mm, column_styles, cells))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
