"""The document a Quyết định issues (Mẫu 1.3), typed after the decision's signature in the same
file: located (``Layout.attachment``) and its header, title and "(Kèm theo …)" line checked, in
real drafts (tests/fixtures/real-docx: 266 with an Điều lệ, 187 with a Danh sách) as in vanban's
own built decision."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from docx_mutate import mutated, no, replace_text

from vanban.check.api import check_docx, check_files
from vanban.check.locate import locate
from vanban.ooxml.reader import read_docx

ROOT = Path(__file__).resolve().parents[3]
REAL = ROOT / "tests/fixtures/real-docx"
OWN = ROOT / "outputs/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.docx"


def findings(data: bytes) -> list[tuple[str, int | None]]:
    """(rule, paragraph) of every finding."""
    return [(f.rule, f.where.paragraph) for f in check_docx(data)]


@pytest.fixture(scope="module")
def charter() -> bytes:
    return (REAL / "266.docx").read_bytes()


def test_real_charter_after_the_signature_is_located(charter):
    lay = locate(read_docx(charter))
    att = lay.attachment
    assert att is not None and att.attached
    assert att.quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert att.quoc_hieu.para > lay.signature[-1].para  # the charter's own, not the decision's
    assert att.tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    assert [p.text for p in att.issuer] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert att.type_name.text == "ĐIỀU LỆ"
    assert [p.text for p in att.summary] == ["HIỆP HỘI DU LỊCH TỈNH LÂM ĐỒNG"]
    assert att.attached_ref[0].text.startswith("(Kèm theo Quyết định số")
    assert att.number is None and att.place_date is None and att.noi_nhan_label is None


def test_real_charter_missing_rule_under_its_kem_theo_line_is_found(charter):
    # On the page (LibreOffice PDF, page 2) nothing is drawn under "(Kèm theo … Lâm Đồng)".
    att = locate(read_docx(charter)).attachment
    assert ("ND30-SUMMARY-RULE", att.attached_ref[-1].para) in findings(charter)


def test_defects_planted_in_the_real_charter_header_are_found(charter):
    att = locate(read_docx(charter)).attachment

    def edit(doc):
        no(doc.para("^CỘNG HÒA XÃ HỘI", nth=1), "b")  # the charter's Quốc hiệu, not bold
        replace_text(doc.para("^Độc lập - Tự do", nth=1), " - Hạnh phúc", " – Hạnh phúc")
        no(doc.para("^\\(Kèm theo Quyết định"), "i")

    found = findings(mutated(charter, edit))
    assert ("ND30-QUOC-HIEU", att.quoc_hieu.para) in found
    assert ("ND30-TIEU-NGU", att.tieu_ngu.para) in found
    assert ("ND30-ATTACHED", att.attached_ref[0].para) in found


def test_real_list_with_no_header_is_located_and_not_said_to_lack_one():
    data = (REAL / "187.docx").read_bytes()
    att = locate(read_docx(data)).attachment
    assert att is not None and att.type_name.text == "DANH SÁCH"
    assert att.quoc_hieu is None and not att.issuer
    assert att.attached_ref[-1].text == "của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)"
    rules = {rule for rule, _ in findings(data)}
    assert not rules & {"ND30-QUOC-HIEU", "ND30-TIEU-NGU", "ND30-ISSUER", "ND30-SUMMARY-RULE"}

    def edit(doc):
        no(doc.para("^DANH SÁCH$"), "b")

    assert ("ND30-TYPE-NAME", att.type_name.para) in findings(mutated(data, edit))


def test_own_built_decision_attachment_is_read_and_clean():
    data = OWN.read_bytes()
    assert check_docx(data) == []
    att = locate(read_docx(data)).attachment
    assert att.type_name.text == "KẾ HOẠCH" and att.quoc_hieu is not None

    def edit(doc):
        no(doc.para("^CỘNG HÒA XÃ HỘI", nth=1), "b")
        no(doc.para("^TỈNH QUẢNG BÌNH$", nth=1), "b")  # the plan's issuer, 2nd line

    found = findings(mutated(data, edit))
    assert ("ND30-QUOC-HIEU", att.quoc_hieu.para) in found
    assert ("ND30-ISSUER", att.issuer[-1].para) in found


def test_real_list_title_alone_at_the_foot_of_a_page_is_warned():
    # 187.docx pushes "DANH SÁCH" down with blank lines: LibreOffice prints it as the last line
    # of page 2, its summary and "(Kèm theo …)" line on page 3 (one LibreOffice run).
    path = REAL / "187.docx"
    att = locate(read_docx(path.read_bytes())).attachment
    alone = [f for f in check_files([path], pdf=True)[str(path)]
             if f.rule == "ND30-PDF-HEADING-ALONE"]
    assert [(f.where.paragraph, f.where.page) for f in alone] == [(att.type_name.para, 2)]
    assert "«DANH SÁCH»" in alone[0].message and "trang 3" in alone[0].message


def test_real_decision_issuing_three_lists_has_each_checked():
    data = (REAL / "225.docx").read_bytes()
    lists = []
    att = locate(read_docx(data)).attachment
    while att is not None:
        lists.append(att)
        att = att.attachment
    assert [a.type_name.text for a in lists] == ["DANH SÁCH"] * 3
    assert [a.summary[0].text for a in lists] == [
        "Tuyến nội tỉnh trọng điểm phức tạp về ma túy",
        "Xã, phường trọng điểm, phức tạp về ma túy năm 2025",
        "Xã, phường, đặc khu không ma túy năm 2025"]
    assert all(b.type_name.para > a.body[-1] for a, b in itertools.pairwise(lists) if a.body)

    def edit(doc):
        no(doc.para("^\\(Ban hành kèm theo Quyết định", nth=2), "i")  # the third list's

    found = findings(mutated(data, edit))
    assert ("ND30-ATTACHED", lists[2].attached_ref[0].para) in found
    assert not any(rule == "ND30-ATTACHED" for rule, _ in findings(data))
