"""The DOCX reader resolves effective formatting the way Word does, and fails cleanly."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vanban.errors import VanbanError
from vanban.ooxml.reader import read_docx


def _save(document, replace: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    if not replace:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, replace.get(item.filename, src.read(item.filename)))
    return out.getvalue()


def _theme_with(latin: str) -> bytes:
    """python-docx's default theme with every major/minor typeface set to ``latin``."""
    document = docx.Document()
    with zipfile.ZipFile(io.BytesIO(_save(document))) as z:
        theme = z.read("word/theme/theme1.xml").decode()
    for old in ('typeface="Calibri"', 'typeface="Cambria"', 'typeface=""'):
        theme = theme.replace(f'<a:latin {old}', f'<a:latin typeface="{latin}"')
        theme = theme.replace(f'<a:ea {old}', f'<a:ea typeface="{latin}"')
        theme = theme.replace(f'<a:cs {old}', f'<a:cs typeface="{latin}"')
    return theme.encode()


def _set_fonts(rpr_owner, **slots: str) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot, value in slots.items():
        fonts.set(qn(f"w:{slot}"), value)


def test_style_chain_and_direct_override():
    d = docx.Document()
    base = d.styles.add_style("Base", WD_STYLE_TYPE.PARAGRAPH)
    base.font.size = Pt(13)
    base.font.name = "Times New Roman"
    base.paragraph_format.first_line_indent = Mm(10)
    base.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    child = d.styles.add_style("Child", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    child.font.italic = True
    child.paragraph_format.space_before = Pt(6)
    p = d.add_paragraph("một ", style="Child")
    r = p.add_run("hai")
    r.font.size = Pt(14)
    r.font.italic = False
    facts = read_docx(_save(d))
    para = facts.paragraphs[0]
    assert (para.style_id, para.align, round(para.first_line_mm, 2)) == ("Child", "both", 10.0)
    assert para.space_before_pt == 6.0
    first, second = para.runs
    assert (first.size_pt, first.italic, first.fonts[0], first.fonts[1]) == \
        (13.0, True, "Times New Roman", "Times New Roman")
    assert (second.size_pt, second.italic) == (14.0, False)


def test_theme_fonts_resolve_through_theme_part():
    d = docx.Document()
    d.add_paragraph("Chữ")
    facts = read_docx(_save(d, {"word/theme/theme1.xml": _theme_with("Times New Roman")}))
    assert facts.paragraphs[0].runs[0].fonts == ("Times New Roman",) * 4


def test_theme_font_with_empty_typeface_is_unresolved():
    d = docx.Document()
    d.add_paragraph("x")
    fonts = read_docx(_save(d)).paragraphs[0].runs[0].fonts
    assert fonts == ("Cambria", "Cambria", None, None)


def test_plain_font_name_at_a_higher_level_beats_theme_default():
    d = docx.Document()
    r = d.add_paragraph().add_run("x")
    _set_fonts(r._r, ascii="Arial")
    fonts = read_docx(_save(d)).paragraphs[0].runs[0].fonts
    assert fonts[:2] == ("Arial", "Cambria")


@pytest.mark.parametrize("para_bold, char_bold, direct, expected", [
    (True, False, None, True),
    (True, True, None, False),       # two style levels toggle each other off
    (True, True, True, True),        # direct formatting is absolute
    (False, True, None, True),
    (True, False, False, False),
], ids=["para-style", "para+char-style-toggle", "direct-wins", "char-style", "direct-off"])
def test_bold_toggle(para_bold, char_bold, direct, expected):
    d = docx.Document()
    ps = d.styles.add_style("P", WD_STYLE_TYPE.PARAGRAPH)
    ps.font.bold = para_bold
    cs = d.styles.add_style("C", WD_STYLE_TYPE.CHARACTER)
    cs.font.bold = char_bold
    r = d.add_paragraph(style="P").add_run("x", style="C")
    r.bold = direct
    assert read_docx(_save(d)).paragraphs[0].runs[0].bold is expected


def test_sections_margins_headers_and_fields():
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    s.different_first_page_header_footer = True
    assert s.first_page_header.paragraphs[0].text == ""   # creates an empty first-page header
    hp = s.header.paragraphs[0]
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, None),
                        ("end", None)):
        run = hp.add_run("2" if kind is None and instr is None else "")
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run._r.append(fc)
        if instr:
            it = OxmlElement("w:instrText")
            it.text = instr
            run._r.append(it)
    d.add_paragraph("a")
    d.add_section()                # python-docx ends section 0 with an empty paragraph
    d.add_paragraph("b")
    facts = read_docx(_save(d))
    first, second = facts.sections
    assert (round(first.page_w_mm), round(first.margin_left_mm), round(first.margin_right_mm)) \
        == (210, 30, 15)
    assert first.title_pg and first.headers["default"].fields == ("PAGE",)
    assert "first" in first.headers and first.headers["first"].text == ""
    assert second.headers["default"].fields == ("PAGE",)   # inherited
    result_run = next(r for r in first.headers["default"].paragraphs[0].runs if r.text == "2")
    assert result_run.field == "PAGE"
    assert (first.first_paragraph, first.last_paragraph, second.first_paragraph) == (0, 1, 2)
    assert [p.section for p in facts.paragraphs] == [0, 0, 1]


def test_tables_cells_and_borders():
    d = docx.Document()
    d.add_paragraph("trước")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "UBND TỈNH"
    t.cell(0, 1).text = "CỘNG HÒA"
    t.cell(0, 1).add_paragraph("Độc lập")
    grid = d.add_table(rows=1, cols=1)
    grid.style = d.styles["Table Grid"]
    facts = read_docx(_save(d))
    header, boxed = facts.tables
    assert [c.paragraphs for c in header.cells] == [(1,), (2, 3)]
    assert facts.paragraphs[3].container == ("table", 0, 0, 1)
    assert not header.borders and boxed.borders


def test_hidden_runs_tabs_and_breaks():
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("a\tb")
    p.add_run("ẩn").font.hidden = True
    p.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    para = read_docx(_save(d)).paragraphs[0]
    assert para.text == "a\tb\n" and para.breaks_page and para.runs[1].hidden


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)
    return out.getvalue()


_BOMB = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
         b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
         b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         b'<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize("data, code", [
    (b"plain text, not a zip", "docx.not-docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64,
     "docx.encrypted"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "docx.not-docx"),
    (_zip({"hello.txt": b"x"}), "docx.corrupt"),
    (_zip({"word/document.xml": b"<w:document"}), "docx.corrupt"),
], ids=["text", "encrypted", "legacy-doc", "no-document-part", "bad-xml"])
def test_unreadable_files_raise_located_errors(data, code):
    with pytest.raises(VanbanError) as info:
        read_docx(data, name="hồ sơ.docx")
    diag = info.value.diagnostics[0]
    assert diag.code == code and diag.span.file == "hồ sơ.docx"
    assert "hồ sơ.docx" in diag.message and diag.message_en


@pytest.mark.parametrize("data, says", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "là tệp PDF, không phải .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "lưu lại dạng .docx"),
], ids=["pdf", "legacy-doc"])
def test_a_pdf_or_a_doc_says_what_it_is_and_what_to_do(data, says):
    with pytest.raises(VanbanError) as info:
        read_docx(data, name="vb.docx")
    assert says in info.value.diagnostics[0].message


def test_entities_are_not_expanded():
    facts = read_docx(_zip({"word/document.xml": _BOMB}))
    assert len(facts.paragraphs[0].text) < 1000


def test_drawn_line_widths():
    vml = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
           '<v:line from="10pt,0" to="110pt,0"/></w:pict></w:r><w:r><w:pict>'
           '<v:rect style="position:absolute;width:72pt;height:1pt"/></w:pict></w:r></w:p>')
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{vml}</w:body></w:document>').encode()
    widths = read_docx(_zip({"word/document.xml": xml})).paragraphs[0].drawings
    assert [round(w, 2) for w in widths] == [35.28, 25.4]


def test_cell_margins_default_and_table_override():
    d = docx.Document()
    d.add_table(rows=1, cols=1)
    t = d.add_table(rows=1, cols=1)
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    t._tbl.tblPr.append(mar)
    plain, zero = read_docx(_save(d)).tables
    assert round(plain.cells[0].margin_left_mm, 3) == 1.905
    assert (zero.cells[0].margin_left_mm, zero.cells[0].margin_right_mm) == (0.0, 0.0)
