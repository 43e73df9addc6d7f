"""WordprocessingML for the generated parts of a document: body paragraphs and appendix tables.

Each paragraph names a template style (see ``styles.py``) and carries no direct formatting, so a
clerk's edit of the style in the template changes every paragraph of that kind.
"""

from __future__ import annotations

from typing import NamedTuple

from vanban.ooxml.xml import escape, twips

SECTION_BREAK_BOOKMARK = "_vanban_section_break"


def paragraph(style: str, text: str = "", *, keep_next: bool = False,
              footnote: int = 0, bold: bool = False, after_note: str = "") -> str:
    """One paragraph of ``style`` holding ``text`` in a single run; ``keep_next`` keeps it on
    the page of what follows (the last body paragraph stays with the signature block);
    ``footnote`` > 0 puts the mark of that footnote after ``text``, and ``after_note`` (the
    end-of-body mark "./.") after the mark in a run of its own; ``bold`` makes the runs bold (a
    table cell the plan writes ``bold: true``: a clerk's choice for one cell, not a style)."""
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    run = f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    keep = "<w:keepNext/>" if keep_next else ""
    if footnote:
        run += footnote_reference(footnote)
    if after_note:
        run += f'<w:r>{props}<w:t xml:space="preserve">{escape(after_note)}</w:t></w:r>'
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{run}</w:p>'


FOOTNOTE_MARK_STYLE = "VBChuThichSo"
FOOTNOTE_TEXT_STYLE = "VBChuThich"


def footnote_reference(number: int) -> str:
    """The run that marks footnote ``number`` in the text (superscript, by its style)."""
    return (f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_MARK_STYLE}"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>')


def labelled_paragraph(style: str, label: str, text: str, label_style: str) -> str:
    """A paragraph whose label ("Điều 1.") is a run of the character style ``label_style``
    (bold) and whose text follows in the paragraph's own style."""
    return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{label_style}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(label)}</w:t></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p>')


def section_break_marker() -> str:
    """An empty paragraph that ``finish`` turns into the end of the main section."""
    return ('<w:p><w:pPr><w:pStyle w:val="VBCuoi"/></w:pPr>'
            f'<w:bookmarkStart w:id="0" w:name="{SECTION_BREAK_BOOKMARK}"/>'
            '<w:bookmarkEnd w:id="0"/></w:p>')


def _cell(width_mm: float, paras: str, *, span: int = 1, shade: bool = False,
          merge: str = "") -> str:
    props = f'<w:tcW w:w="{twips(width_mm)}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        props += f'<w:vMerge w:val="{merge}"/>'
    if shade:
        props += '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
    # A cell merged down holds its text in the middle of the rows it takes.
    props += f'<w:vAlign w:val="{"center" if merge else "top"}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>"


def _table_start(widths_mm: tuple[float, ...]) -> str:
    """A bordered, fixed-layout, centred table's properties and its grid of ``widths_mm``."""
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    total = twips(sum(widths_mm))
    return "".join([
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
    ])


def grid_table(widths_mm: tuple[float, ...], header: tuple[str, ...],
               rows: list[tuple[tuple[str, ...], bool]],
               styles: tuple[str, ...] | None = None) -> str:
    """A bordered table with a repeated header row (``w:tblHeader``) and rows that never split
    across pages (``w:cantSplit``); a row flagged True is a group row whose first cell is the
    label and whose second cell spans the remaining columns. ``styles`` names the paragraph
    style of each column (default: a centred number column, then text)."""
    out = [
        _table_start(widths_mm),
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


class TableCell(NamedTuple):
    """One cell of a table with merged cells: its text, the paragraph style of its text, how
    many grid columns it takes, its part in a vertical merge ("restart", "continue" or ""),
    whether its text is bold."""

    text: str
    style: str
    cols: int = 1
    merge: str = ""
    bold: bool = False


def merged_table(widths_mm: tuple[float, ...], rows: list[list[tuple[int, TableCell]]],
                 head: int) -> str:
    """A bordered table like ``grid_table`` whose cells may span columns (``w:gridSpan``) and
    rows (``w:vMerge``); each row lists (first column, cell); the first ``head`` rows are header
    rows, shaded and repeated on every page. The grid keeps one column per width."""
    out = [_table_start(widths_mm)]
    for r, row in enumerate(rows):
        header = r < head
        out.append("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header
                   else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        out.extend(_cell(sum(widths_mm[col:col + cell.cols]),
                         paragraph(cell.style, cell.text, bold=cell.bold),
                         span=cell.cols, shade=header, merge=cell.merge)
                   for col, cell in row)
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
