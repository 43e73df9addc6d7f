"""The examples of the types beyond the Kế hoạch, each on its own parts: the Công văn's V/v line
and Kính gửi, the Quyết định's authority line, căn cứ, QUYẾT ĐỊNH: and Điều labels, the plan it
issues (header without Số, "(Kèm theo …)", page numbers restarting), the Tờ trình's Kính gửi and
the Thông báo's table. XML facts from the DOCX; geometry from the one LibreOffice run of the
session (the ``pdfs`` fixture)."""

from __future__ import annotations

import pytest

from vanban.ooxml.reader import read_docx
from vanban.pdf.geometry import page_number_candidates
from vanban.pdf.measure import measure
from vanban.rules import nd30
from vanban.rules.metrics import text_width_pt

CV = "quang-binh/2025/cong-van-trien-khai-ke-hoach"
QD = "quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach"
QD_DRAFT = "quang-binh/2025/du-thao-quyet-dinh-hai-tep"
QD_ATTACHED = QD_DRAFT + "-kem-theo"
TTR = "quang-binh/2025/to-trinh-ban-hanh-ke-hoach"
TB = "quang-binh/2025/thong-bao-tap-huan"
ALL = (CV, QD, QD_DRAFT, QD_ATTACHED, TTR, TB)


@pytest.fixture(scope="module")
def facts(built):
    return {i: read_docx(built[i]) for i in ALL}


@pytest.fixture(scope="module")
def geometry(pdfs):
    return {i: measure(pdfs[i]) for i in ALL}


def _texts(doc, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style_id == style]


def _line(page, start: str):
    found = [ln for ln in page.lines if ln.text.startswith(start)]
    assert found, f"no line starting {start!r} on page {page.number}"
    return found[0]


# --- Công văn (Mẫu 1.5) ----------------------------------------------------------------------

def test_cong_van_has_no_type_name_and_a_v_v_line_under_the_number(facts):
    doc = facts[CV]
    assert _texts(doc, "VBTenLoai") == [] and _texts(doc, "VBTrichYeu") == []
    assert _texts(doc, "VBSoKyHieu") == ["Số: 42/STP-PBGDPL"]
    (vv,) = [p for p in doc.paragraphs if p.style_id == "VBVv"]
    assert vv.text.startswith("V/v triển khai Kế hoạch")
    number = next(p for p in doc.paragraphs if p.style_id == "VBSoKyHieu")
    assert vv.container == number.container and vv.index == number.index + 1  # same cell, below
    assert vv.align == "center" and vv.space_before_pt == nd30.CONG_VAN_GAP_PT
    assert {(r.size_pt, r.bold, r.italic) for r in vv.runs} == {(12, False, False)}
    assert not any(p.border_top for p in doc.paragraphs if p.index == vv.index + 1)


def test_cong_van_kinh_gui_and_nhu_tren(facts):
    doc = facts[CV]
    assert _texts(doc, "VBKinhGui") == ["Kính gửi:"]
    assert _texts(doc, "VBKinhGuiMuc") == ["- Ủy ban nhân dân các huyện, thị xã, thành phố;",
                                           "- Phòng Tư pháp các huyện, thị xã, thành phố."]
    entries = _texts(doc, "VBNoiNhanMuc")
    assert entries[0] == "- Như trên;" and entries[-1] == "- Lưu: VT, PBGDPL."


def test_cong_van_v_v_geometry(geometry):
    page = geometry[CV].pages[0]
    number = _line(page, "Số: 42/STP-PBGDPL")
    vv = _line(page, "V/v ")
    assert vv.size_pt == 12 and not vv.bold and not vv.italic
    left = nd30.MARGIN_LEFT.default + nd30.HEADER_LEFT_COLUMN_MM / 2
    assert vv.centre == pytest.approx(left, abs=1.0)
    assert number.centre == pytest.approx(left, abs=1.0)
    gap = vv.top - number.bottom  # 6 pt before the V/v line, less the lines' own leading
    assert 1.0 < gap < 3.5
    place = _line(page, "Quảng Bình, ngày 20")
    assert abs(place.top - number.top) < 1.0  # the date stays level with the number


def test_cong_van_kinh_gui_dashes_stand_under_the_colon(geometry):
    page = geometry[CV].pages[0]
    label = _line(page, "Kính gửi:")
    colon_x = label.x1 - text_width_pt(":", 14) * nd30.MM_PER_PT
    dashes = [ln for ln in page.lines if ln.text.startswith("- ") and ln.top > label.top
              and ln.top < label.top + 20]
    assert len(dashes) == 2
    for dash in dashes:
        assert dash.x0 == pytest.approx(colon_x, abs=0.8)
        assert dash.size_pt == 14 and not dash.bold
    assert label.x0 == pytest.approx(nd30.MARGIN_LEFT.default + nd30.KINH_GUI_INDENT_MM, abs=0.5)


# --- Quyết định (Mẫu 1.2/1.3) ---------------------------------------------------------------

def test_quyet_dinh_frame(facts):
    doc = facts[QD]
    assert _texts(doc, "VBTenLoai")[0] == "QUYẾT ĐỊNH"
    assert _texts(doc, "VBSoKyHieu") == ["Số: 125/QĐ-UBND"]
    assert _texts(doc, "VBThamQuyen") == ["ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH"]
    can_cu = _texts(doc, "VBCanCu")
    assert len(can_cu) == 3 and all(t.endswith(";") for t in can_cu)
    (proposal,) = _texts(doc, "VBTheoDeNghi")
    assert proposal.startswith("Theo đề nghị của") and proposal.endswith(".")
    assert _texts(doc, "VBQuyetDinh") == [nd30.DECISION_WORD]
    order = [p.style_id for p in doc.paragraphs if p.section == 0 and p.style_id in (
        "VBTrichYeu", "VBThamQuyen", "VBCanCu", "VBTheoDeNghi", "VBQuyetDinh", "VBDieu")]
    assert order == ["VBTrichYeu", "VBThamQuyen"] + ["VBCanCu"] * 3 + [
        "VBTheoDeNghi", "VBQuyetDinh"] + ["VBDieu"] * 3
    authority = next(p for p in doc.paragraphs if p.style_id == "VBThamQuyen")
    assert authority.align == "center" and all(r.bold for r in authority.runs)


def test_quyet_dinh_articles_and_nhu_dieu(facts):
    doc = facts[QD]
    articles = [p for p in doc.paragraphs if p.style_id == "VBDieu"]
    assert [p.text.split(" ", 2)[:2] for p in articles] == [["Điều", "1."], ["Điều", "2."],
                                                           ["Điều", "3."]]
    for p in articles:
        label, *rest = p.runs
        assert label.text.startswith("Điều ") and label.bold
        assert rest and not any(r.bold for r in rest)
    entries = _texts(doc, "VBNoiNhanMuc")
    assert entries[0] == "- Như Điều 3;" and entries[-1] == "- Lưu: VT, NCVX."


def test_the_issued_plan_is_a_section_of_its_own(facts):
    doc = facts[QD]
    assert len(doc.sections) == 2
    plan = doc.sections[1]
    assert plan.pg_num_start == 1 and plan.title_pg and plan.orient == "portrait"
    inside = [p for p in doc.paragraphs if p.section == 1]
    styles = {p.style_id for p in inside}
    assert "VBSoKyHieu" not in styles and "VBDiaDanh" not in styles
    assert "VBNoiNhan" not in styles and "VBNguoiKy" not in styles
    assert [p.text for p in inside if p.style_id == "VBTenLoai"] == ["KẾ HOẠCH"]
    assert [p.text for p in inside if p.style_id == "VBKemTheo"] == [
        ("(Kèm theo Quyết định số 125/QĐ-UBND ngày 14 tháng 01 năm 2025 của Ủy ban nhân dân "
        "tỉnh Quảng Bình)")]
    assert [p.text for p in inside if p.style_id == "VBCoQuanBanHanh"] == [
        "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH"]
    assert inside[-1].text.endswith("./.") or any(p.text.endswith("./.") for p in inside)


def test_the_issued_plan_keeps_the_plan_text(facts, built):
    """One source: the attached plan's body is the standalone plan's body, word for word."""
    plan = read_docx(built["quang-binh/2025/ke-hoach-hoa-giai"])
    body = [p.text for p in plan.paragraphs if p.style_id in ("VBDoan", "VBMuc", "VBKhoan")]
    attached = [p.text for p in facts[QD].paragraphs
                if p.section == 1 and p.style_id in ("VBDoan", "VBMuc", "VBKhoan")]
    assert attached == body


def test_quyet_dinh_geometry(geometry):
    pages = geometry[QD].pages
    first = pages[0]
    decision = _line(first, nd30.DECISION_WORD)
    assert decision.bold and decision.centre == pytest.approx(
        nd30.MARGIN_LEFT.default + (first.width_mm - nd30.MARGIN_LEFT.default
                                    - nd30.MARGIN_RIGHT.default) / 2, abs=1.0)
    # The attached plan starts on a new page without a number; the next page is numbered 2.
    start = next(i for i, p in enumerate(pages) if any(ln.text == "KẾ HOẠCH" for ln in p.lines))
    assert start >= 1
    assert not page_number_candidates(pages[start], nd30.MARGIN_TOP.default)
    assert not any(ln.text.startswith("Số:") for ln in pages[start].lines)
    if start + 1 < len(pages):
        found = page_number_candidates(pages[start + 1], nd30.MARGIN_TOP.default)
        assert [ln.text for ln in found] == ["2"]


def test_article_labels_are_bold_on_the_page(pdfs):
    import pdfplumber

    with pdfplumber.open(pdfs[QD]) as pdf:
        chars = pdf.pages[0].chars
    text = "".join(c["text"] for c in chars)
    at = text.index("Điều 1.")
    label = chars[at:at + len("Điều 1.")]
    after = chars[at + len("Điều 1.") + 1:at + len("Điều 1.") + 6]
    assert all("Bold" in c["fontname"] for c in label if c["text"].strip())
    assert not any("Bold" in c["fontname"] for c in after if c["text"].strip())


def test_two_files_layout(facts):
    decision, attached = facts[QD_DRAFT], facts[QD_ATTACHED]
    assert len(decision.sections) == 1 and _texts(decision, "VBKemTheo") == []
    assert _texts(decision, "VBSoKyHieu") == ["Số:      /QĐ-UBND"]
    assert len(attached.sections) == 1 and attached.sections[0].pg_num_start == 1
    assert _texts(attached, "VBSoKyHieu") == [] and _texts(attached, "VBNguoiKy") == []
    assert _texts(attached, "VBKemTheo") == [
        ("(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2025 của Ủy ban nhân "
        "dân tỉnh Quảng Bình)")]
    assert attached.paragraphs[0].style_id == "VBCoQuanBanHanh"


# --- Tờ trình, Thông báo (Mẫu 1.4) ------------------------------------------------------------

def test_to_trinh_kinh_gui_on_one_line(facts, geometry):
    doc = facts[TTR]
    assert _texts(doc, "VBTenLoai") == ["TỜ TRÌNH"]
    assert _texts(doc, "VBSoKyHieu") == ["Số: 08/TTr-STP"]
    assert _texts(doc, "VBKinhGui") == ["Kính gửi: Ủy ban nhân dân tỉnh Quảng Bình."]
    assert _texts(doc, "VBKinhGuiMuc") == []
    assert _texts(doc, "VBNoiNhanMuc")[0] == "- Như trên;"
    line = _line(geometry[TTR].pages[0], "Kính gửi: Ủy ban nhân dân tỉnh Quảng Bình.")
    assert line.x0 == pytest.approx(nd30.MARGIN_LEFT.default + nd30.KINH_GUI_INDENT_MM, abs=0.5)
    assert line.size_pt == 14 and not line.bold and not line.italic


def test_thong_bao_type_name_and_table(facts):
    doc = facts[TB]
    assert _texts(doc, "VBTenLoai") == ["THÔNG BÁO"]
    assert _texts(doc, "VBSoKyHieu") == ["Số: 31/TB-STP"]
    assert _texts(doc, "VBKinhGui") == []
    bordered = [t for t in doc.tables if t.borders]
    assert len(bordered) == 1
    assert [len(r) for r in bordered[0].rows] == [3, 3, 3]


@pytest.mark.parametrize("plan_id", ALL)
def test_every_page_keeps_the_margins(geometry, plan_id):
    for page in geometry[plan_id].pages:
        lines = [ln for ln in page.lines if ln.top > nd30.MARGIN_TOP.default - 1]
        assert min(ln.x0 for ln in lines) >= nd30.MARGIN_LEFT.default - 0.5
        assert max(ln.x1 for ln in lines) <= page.width_mm - nd30.MARGIN_RIGHT.default + 0.5


def test_a_footnote_is_a_real_word_footnote(built, geometry):
    import zipfile

    with zipfile.ZipFile(built[TTR]) as z:
        notes = z.read("word/footnotes.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
    assert 'w:footnote w:id="1"' in notes and "1.106 tổ hòa giải" in notes
    assert body.count('<w:footnoteReference w:id="1"/>') == 1
    assert "footnotes+xml" in types
    page = geometry[TTR].pages[0]
    note = _line(page, "1 Theo Đề án") if any(
        ln.text.startswith("1 Theo") for ln in page.lines) else _line(page, "Theo Đề án")
    assert note.size_pt == nd30.FOOTNOTE.size.default
    assert note.top > page.height_mm - nd30.MARGIN_BOTTOM.default - 30  # at the foot of the page


def test_a_document_without_footnotes_has_no_footnotes_part(built):
    import zipfile

    with zipfile.ZipFile(built[CV]) as z:
        assert "word/footnotes.xml" not in z.namelist()
