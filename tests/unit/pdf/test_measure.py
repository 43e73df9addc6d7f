"""Real DOCX files → one LibreOffice call → measured geometry.

These tests pin down what LibreOffice does with page margins, paragraph borders (the decree's
horizontal rules) and header page numbers, so the renderer can rely on it.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vanban.errors import VanbanError
from vanban.pdf.convert import convert_to_pdf, find_soffice
from vanban.pdf.measure import (
    line_above,
    measure,
    page_number_candidates,
    text_block_bounds,
)


def _soffice_missing() -> bool:
    try:
        find_soffice()
    except VanbanError:
        return True
    return False


pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(_soffice_missing(), reason="LibreOffice (soffice) is not installed"),
]

LEFT, RIGHT, TOP, BOTTOM, HEADER = 30, 15, 20, 20, 10  # mm, the project defaults (nd30 §8)
TEXT_RIGHT = 210 - RIGHT
CELL_MARGIN_TW = 108  # twips, Word's default left/right cell margin (1.905 mm)
CELL_MARGIN = CELL_MARGIN_TW / 56.7
TOL = 0.5
LOREM = ("Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai thực hiện công tác phòng, chống "
         "thiên tai năm 2024 trên địa bàn tỉnh với các nội dung cụ thể như sau. ") * 5


# --- building the DOCX files --------------------------------------------------------------------

def _setup(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)
    section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
    section.header_distance = Mm(HEADER)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)


def _bottom_border(paragraph, sz: int = 6) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(sz)), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_field(paragraph) -> None:
    def run_with(tag: str, **attrs: str):
        run = paragraph.add_run()
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        run._r.append(element)
        return element

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    run_with("w:instrText", **{"xml:space": "preserve"}).text = " PAGE "
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run("1")
    run_with("w:fldChar", **{"w:fldCharType": "end"})


def _layout_docx(path) -> None:
    """Two pages: justified text, a bordered paragraph with indents, two paragraphs sharing one
    border, and a centred PAGE field in the header that page 1 does not show."""
    doc = Document()
    _setup(doc)
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)

    body = doc.add_paragraph(LOREM)
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ruled = doc.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    ruled.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ruled.paragraph_format.left_indent = Mm(50)
    ruled.paragraph_format.right_indent = Mm(40)
    _bottom_border(ruled)
    thick = doc.add_paragraph("Thick")
    thick.paragraph_format.left_indent = Mm(20)
    _bottom_border(thick, sz=12)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    second = doc.add_paragraph(LOREM)
    second.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for text in ("grouped one", "grouped two"):
        grouped = doc.add_paragraph(text)
        grouped.paragraph_format.left_indent = Mm(40)
        grouped.paragraph_format.right_indent = Mm(40)
        _bottom_border(grouped)
    doc.save(path)


def _cell_docx(path, *, word2013: bool) -> None:
    """A borderless two-column table (60 + 95 mm) with a bordered, indented paragraph in the
    left cell and a bordered paragraph without indents in the right cell."""
    doc = Document()
    _setup(doc)
    if word2013:
        compat = doc.settings.element.find(qn("w:compat"))
        setting = OxmlElement("w:compatSetting")
        for key, value in (("name", "compatibilityMode"), ("val", "15"),
                           ("uri", "http://schemas.microsoft.com/office/word")):
            setting.set(qn(f"w:{key}"), value)
        compat.append(setting)
    table = doc.add_table(rows=1, cols=2)
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TW))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(layout)
    tbl_pr.append(margins)
    for column, cell, width in zip(table.columns, table.rows[0].cells, (60, 95)):
        column.width = cell.width = Mm(width)
    left, right = (cell.paragraphs[0] for cell in table.rows[0].cells)
    left.text = "UBND"
    left.alignment = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraph_format.left_indent = Mm(15)
    left.paragraph_format.right_indent = Mm(15)
    _bottom_border(left)
    right.text = "Độc lập - Tự do - Hạnh phúc"
    right.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _bottom_border(right)
    doc.save(path)


@pytest.fixture(scope="module")
def geometry(tmp_path_factory):
    """Every test document converted in a single LibreOffice call, PDFs beside their DOCX (in
    two different folders), measured."""
    first = tmp_path_factory.mktemp("first")
    second = tmp_path_factory.mktemp("second")
    docs = {
        "layout": first / "layout.docx",
        "cell2013": second / "cell2013.docx",
        "cell_legacy": second / "cell_legacy.docx",
    }
    _layout_docx(docs["layout"])
    _cell_docx(docs["cell2013"], word2013=True)
    _cell_docx(docs["cell_legacy"], word2013=False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        pdfs = convert_to_pdf(list(docs.values()))
    assert pdfs == [p.with_suffix(".pdf") for p in docs.values()]
    return {name: measure(pdf) for name, pdf in zip(docs, pdfs)}


# --- page and text ------------------------------------------------------------------------------

def test_two_a4_pages(geometry):
    pages = geometry["layout"].pages
    assert len(pages) == 2
    for page in pages:
        assert (page.width_mm, page.height_mm) == (pytest.approx(210, abs=0.1),
                                                   pytest.approx(297, abs=0.1))


@pytest.mark.parametrize("page_index", [0, 1], ids=["page1", "page2"])
def test_margins_from_justified_text(geometry, page_index):
    page = geometry["layout"].pages[page_index]
    body = [ln for ln in page.lines if ln.bottom > TOP]  # leave out the header
    bounds = text_block_bounds(replace(page, lines=tuple(body)))
    assert bounds.x0 == pytest.approx(LEFT, abs=TOL)
    assert bounds.x1 == pytest.approx(TEXT_RIGHT, abs=TOL)
    assert bounds.top == pytest.approx(TOP, abs=TOL)
    justified = [ln for ln in body if ln.size_pt == 14 and len(ln.text) > 60][:-1]
    assert len(justified) >= 4
    for line in justified:
        assert (line.x0, line.x1) == (pytest.approx(LEFT, abs=TOL),
                                      pytest.approx(TEXT_RIGHT, abs=TOL))


def test_page_number_on_page_two_only(geometry):
    first, second = geometry["layout"].pages
    assert page_number_candidates(first, TOP) == []
    [number] = page_number_candidates(second, TOP)
    assert number.text == "2"
    assert number.size_pt == 14
    assert number.centre == pytest.approx((LEFT + TEXT_RIGHT) / 2, abs=TOL)
    assert number.top >= HEADER - TOL


def test_text_is_nfc_vietnamese(geometry):
    texts = [ln.text for ln in geometry["layout"].pages[0].lines]
    assert "Độc lập - Tự do - Hạnh phúc" in texts


# --- paragraph borders --------------------------------------------------------------------------

def _rule_under(page, text):
    matches = [r for r in page.rules
               if getattr(line_above(page, r), "text", None) == text]
    assert len(matches) == 1, (text, page.rules)
    return matches[0]


def test_paragraph_border_spans_the_indents(geometry):
    page = geometry["layout"].pages[0]
    rule = _rule_under(page, "Độc lập - Tự do - Hạnh phúc")
    assert rule.x0 == pytest.approx(LEFT + 50, abs=TOL)
    assert rule.x1 == pytest.approx(TEXT_RIGHT - 40, abs=TOL)
    assert rule.length_mm == pytest.approx(210 - LEFT - RIGHT - 90, abs=TOL)
    assert rule.thickness_mm == pytest.approx(0.75 * 25.4 / 72, abs=0.02)  # sz 6 = 3/4 pt
    text = line_above(page, rule)
    # drawn below the line box: descent + w:space (1 pt) + half the stroke
    assert 0 < rule.y - text.bottom < 1.0


def test_border_thickness_follows_sz(geometry):
    rule = _rule_under(geometry["layout"].pages[0], "Thick")
    assert rule.thickness_mm == pytest.approx(1.5 * 25.4 / 72, abs=0.02)  # sz 12 = 1.5 pt
    assert (rule.x0, rule.x1) == (pytest.approx(LEFT + 20, abs=TOL),
                                  pytest.approx(TEXT_RIGHT, abs=TOL))


def test_equal_borders_on_consecutive_paragraphs_draw_one_rule(geometry):
    page = geometry["layout"].pages[1]
    grouped = [r for r in page.rules if r.x0 == pytest.approx(LEFT + 40, abs=TOL)]
    assert len(grouped) == 1
    assert line_above(page, grouped[0]).text == "grouped two"


@pytest.mark.parametrize("name,table_left", [
    ("cell2013", LEFT),                      # Word 2013+: the cell edge sits on the margin
    ("cell_legacy", LEFT - CELL_MARGIN),     # older modes: the cell *text* sits on the margin
], ids=["compat15", "legacy"])
def test_paragraph_border_in_a_table_cell(geometry, name, table_left):
    page = geometry[name].pages[0]
    left = _rule_under(page, "UBND")
    assert left.x0 == pytest.approx(table_left + CELL_MARGIN + 15, abs=TOL)
    assert left.x1 == pytest.approx(table_left + 60 - CELL_MARGIN - 15, abs=TOL)
    right = _rule_under(page, "Độc lập - Tự do - Hạnh phúc")
    assert right.x0 == pytest.approx(table_left + 60 + CELL_MARGIN, abs=TOL)
    assert right.x1 == pytest.approx(table_left + 155 - CELL_MARGIN, abs=TOL)


# --- conversion ---------------------------------------------------------------------------------

def test_conversion_is_reproducible_and_batches_same_names(geometry, tmp_path, monkeypatch):
    """Same DOCX twice under one name in two folders: two LibreOffice runs (one folder cannot
    hold both PDFs), identical bytes, identical to the first conversion."""
    source = geometry["layout"].path.replace(".pdf", ".docx")
    copies = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        copies.append(shutil.copy(source, tmp_path / folder / "layout.docx"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = convert_to_pdf(copies)
    original = Path(geometry["layout"].path).read_bytes()
    assert first.read_bytes() == second.read_bytes() == original


def _blank_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` empty A4 pages, written by hand."""
    kids = " ".join(f"{3 + k} 0 R" for k in range(pages))
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", f"<</Type/Pages/Kids[{kids}]/Count {pages}>>"
            .encode()]
    objs += [b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj".encode() + body + b"endobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer<</Size {len(objs) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_a_huge_pdf_is_measured_on_a_bounded_number_of_pages(tmp_path):
    from vanban.pdf.measure import measure

    pdf = tmp_path / "dai.pdf"
    pdf.write_bytes(_blank_pdf(200))
    geo = measure(pdf, max_pages=10)
    assert [p.number for p in geo.pages] == [*range(1, 10), 200]
    assert geo.total_pages == 200
    assert measure(pdf).total_pages == len(measure(pdf).pages) == 200
