"""The checker on the layouts real offices write (tests/check_corpus/real_patterns.py rebuilds
each pattern found in ../shared/corpus/real-docx): exact findings, one case per false positive
that was fixed and per defect that used to be missed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))

from real_patterns import (
    END,
    c,
    cell,
    document,
    header,
    p,
    page_field,
    run,
    section_break,
    shape_run,
    signature,
    table,
    title,
)

from vanban.check.api import check_docx, format_text, to_json
from vanban.check.locate import locate
from vanban.ooxml.reader import read_docx

BODY = p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + p("1. Mục đích", b=True) + \
    p("a) Nâng cao chất lượng phục vụ;") + p("b) Bảo đảm tiến độ.") + END


def found(data: bytes) -> list[str]:
    """``RULE severity «excerpt»`` of every finding."""
    return [f"{f.rule} {f.severity.value} «{f.where.excerpt}»"
            for f in check_docx(data, name="x.docx")]


def kinds(data: bytes) -> list[str]:
    return [f.rule for f in check_docx(data, name="x.docx")]


def test_the_rebuilt_frame_is_clean():
    assert found(document(header() + title() + BODY + signature())) == []


# --- false positives seen on the corpus --------------------------------------------------------

QD_BODY = (c("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", b=True, after=120)
           + p("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", i=True)
           + p("Theo đề nghị của Giám đốc Sở Nội vụ.", i=True)
           + c("QUYẾT ĐỊNH:", b=True, after=120)
           + p("Điều 1. Phê duyệt Điều lệ Hội Cựu giáo chức tỉnh Lâm Đồng.", b=True)
           + p("1. Hội có tư cách pháp nhân.") + p("2. Trụ sở đặt tại phường Xuân Hương.")
           + p("Điều 2. Hiệu lực thi hành", b=True)
           + p("1. Quyết định có hiệu lực từ ngày ký.") + p("2. Bãi bỏ Quyết định cũ.")
           + p(runs=run("Điều 3.", b=True)
               + run(" Chánh Văn phòng, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành./.")))


def test_khoan_numbering_restarts_in_each_dieu():
    doc = document(header(number="Số: 12/QĐ-UBND")
                   + title("QUYẾT ĐỊNH", "Về việc phê duyệt Điều lệ Hội", rule=30) + QD_BODY
                   + signature("- Như Điều 3;", "- Lưu: VT, NC."))
    assert "ND30-HEADING-SEQ" not in kinds(doc)
    assert found(doc) == []


def test_khoan_restarts_after_chuong_and_a_gap_is_still_caught():
    body = (c("Chương I", b=True) + c("QUY ĐỊNH CHUNG", b=True, after=120)
            + p("1. Phạm vi điều chỉnh.") + p("2. Đối tượng áp dụng.")
            + c("Chương II", b=True, after=120) + p("1. Nguyên tắc.") + p("3. Trách nhiệm.") + END)
    doc = document(header() + title() + body + signature())
    assert found(doc) == ["ND30-HEADING-SEQ error «3. Trách nhiệm.»"]


def test_a_blank_day_and_number_are_a_draft_not_a_failure():
    doc = document(header(number="Số:        /KH-UBND",
                          date="Lâm Đồng, ngày       tháng 3 năm 2026")
                   + title() + BODY + signature())
    findings = check_docx(doc, name="x.docx")
    assert findings == [] and findings.draft
    text = format_text({"x.docx": findings})
    assert text == ("x.docx: dự thảo (số hoặc ngày còn để trống), đạt thể thức Nghị định "
                    "30/2020/NĐ-CP (0 lỗi, 0 cảnh báo).")
    assert "draft (number or date left blank), conforms" in format_text({"x": findings}, "en")
    assert json.loads(to_json({"x.docx": findings}))["files"][0]["draft"] is True


def test_rule_shapes_anchored_in_the_row_below_are_found():
    doc = document(header(issuer_rule=18, tn_rule=60) + title() + BODY + signature())
    assert found(doc) == []


def test_of_two_shapes_sharing_an_anchor_the_fitting_one_is_measured():
    two = c(runs=shape_run(20) + shape_run(60))
    doc = document(header(tn_rule=None, under_tn=two) + title() + BODY + signature())
    assert found(doc) == []


def test_underscores_in_superscript_are_measured_at_their_size():
    # 14 pt underscores raised as superscript: about 2/3 as long as typed at full size.
    line = c("_" * 14, b=True, vert="superscript")
    doc = document(header(issuer_rule=None, under_issuer=line) + title() + BODY + signature())
    assert found(doc) == []


def test_a_rule_too_short_is_too_short_not_missing():
    doc = document(header(issuer_rule=5) + title() + BODY + signature())
    (f,) = [f for f in check_docx(doc) if f.rule == "ND30-ISSUER-RULE"]
    assert f.found.startswith("5 mm (0,") and "dài" in f.message


def test_noi_nhan_label_justified_reads_as_left():
    doc = document(header() + title() + BODY + signature(label_jc="both"))
    assert found(doc) == []


def test_cong_van_kinh_gui_and_wrapped_vv_are_not_body_text():
    body = (p("Kính gửi:", jc="center", first=0)
            + p("- Các cơ quan chuyên môn thuộc UBND tỉnh;", jc="left", first=0)
            + p("- UBND các xã, phường, đặc khu.", jc="left", first=0)
            + p("Thực hiện Công văn số 3653/VPCP-CĐS của Văn phòng Chính phủ, Ủy ban nhân dân "
                "tỉnh đề nghị các cơ quan triển khai thực hiện./."))
    doc = document(header(number="Số: 125/UBND-NC",
                          vv=("V/v triển khai thực hiện Công văn", "số 3653/VPCP-CĐS"))
                   + body + signature())
    lay = locate(read_docx(doc))
    assert [x.text for x in lay.vv] == ["V/v triển khai thực hiện Công văn", "số 3653/VPCP-CĐS"]
    assert lay.kinh_gui[0].text == "Kính gửi:" and len(lay.kinh_gui) == 3
    assert found(doc) == []


def test_even_page_footers_count_only_with_even_and_odd_headers_on():
    footer = {"even": c(runs=page_field())}
    plain = document(header() + title() + BODY + signature(), footers=footer)
    assert found(plain) == []
    even = document(header() + title() + BODY + signature(), footers=footer,
                    settings="<w:evenAndOddHeaders/>")
    assert kinds(even) == ["ND30-PAGE-NUMBER"]


def test_ban_hanh_kem_theo_line_of_an_appendix():
    appendix = (c("Phụ lục I", b=True) + c("DANH MỤC NHIỆM VỤ", b=True)
                + c("(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND tỉnh)",
                    i=True))
    doc = document(header() + title() + BODY + signature() + section_break() + appendix,
                   last_section='<w:pgNumType w:start="1"/>')
    lay = locate(read_docx(doc))
    assert lay.appendices[0].ref is not None
    assert found(doc) == []


def test_legal_document_number_with_its_year_and_thong_tu_type():
    doc = document(header(number="Số: 12/2025/TT-BTC", issuer=("BỘ TÀI CHÍNH", ""))
                   + title("THÔNG TƯ", "Quy định mức thu phí cung cấp thông tin")
                   + p("Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;", i=True)
                   + p("Điều 1. Phạm vi điều chỉnh", b=True) + p("1. Thông tư này quy định.")
                   + END + signature(authority=("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG")))
    assert locate(read_docx(doc)).type_key == "thong-tu"
    assert found(doc) == []


def test_header_typed_with_spaces_is_split_into_its_parts():
    line1 = run("UBND TỈNH LÂM ĐỒNG", sz=13) + run("          ") + \
        run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13)
    line2 = run("SỞ TƯ PHÁP", b=True, sz=13) + run("              ") + \
        run("Độc lập - Tự do - Hạnh phúc", b=True)
    typed = p(runs=line1, jc="left", first=0, after=0) + p(runs=line2, jc="left", first=0)
    doc = document(typed + c(runs=shape_run(12)) + c("Số: 12/KH-STP", sz=13)
                   + c("Lâm Đồng, ngày 05 tháng 3 năm 2026", i=True) + title() + BODY
                   + signature())
    lay = locate(read_docx(doc))
    assert [x.text for x in lay.issuer] == ["UBND TỈNH LÂM ĐỒNG", "SỞ TƯ PHÁP"]
    assert (lay.quoc_hieu.text, lay.tieu_ngu.text) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                      "Độc lập - Tự do - Hạnh phúc")


def test_page_number_centred_with_a_tab_is_not_called_off_centre():
    tabbed = p(runs=run("\t") + page_field(), jc="left", first=0)
    doc = document(header() + title() + BODY + signature(), headers={"default": tabbed})
    assert found(doc) == []


def _centred_with_spaces(text: str, cell_mm: float = 100 - 2 * 1.905) -> str:
    """``text`` pushed to the middle of a cell with spaces, as clerks do."""
    from vanban.rules.metrics import text_width_pt

    width = text_width_pt(text, 14, bold=True) * 25.4 / 72
    space = text_width_pt(" ", 14, bold=True) * 25.4 / 72
    return " " * round((cell_mm - width) / 2 / space) + text


def test_signature_placed_with_spaces_is_not_called_left_aligned():
    right = [p(_centred_with_spaces("KT. CHỦ TỊCH"), b=True, jc="left", first=0, after=0),
             p(_centred_with_spaces("PHÓ CHỦ TỊCH"), b=True, jc="both", first=0, after=0), c(),
             p("\t\tNguyễn Văn An", b=True, jc="left", first=0)]
    left = [p("Nơi nhận:", jc="left", b=True, i=True, sz=12, first=0, after=0),
            p("- Như trên;", jc="left", sz=11, first=0, after=0),
            p("- Lưu: VT, NC.", jc="left", sz=11, first=0, after=0)]
    doc = document(header() + title() + BODY + table([cell(65, *left), cell(100, *right)]))
    assert found(doc) == []
    # A few spaces do not centre a line: that is still reported.
    off = [p("   KT. CHỦ TỊCH", b=True, jc="left", first=0, after=0), *right[1:]]
    doc = document(header() + title() + BODY + table([cell(65, *left), cell(100, *off)]))
    assert found(doc) == ["ND30-SIGN-BLOCK error «KT. CHỦ TỊCH»"]


@pytest.mark.parametrize("paper, excerpt", [
    (c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13)
     + c("Độc lập - Tự do - Hạnh phúc", b=True) + c("ĐƠN KHỞI KIỆN", b=True)
     + p("Kính gửi: Tòa án nhân dân khu vực 1 - Lâm Đồng") + p("Họ và tên: Trần Văn Bình")
     + p("Số điện thoại: 0912 345 678") + p("Hôm nay, ngày 05 tháng 3 năm 2026, tôi làm đơn."),
     "ĐƠN KHỞI KIỆN"),
    (header(number="Số: 12/PT-NC") + c("PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC", b=True)
     + p("Kính gửi: Lãnh đạo UBND tỉnh.") + p("1. Nội dung trình: dự thảo Kế hoạch."),
     "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC"),
], ids=["court-petition", "internal-form"])
def test_a_paper_that_is_no_decree_30_document_is_said_once(paper, excerpt):
    assert found(document(paper)) == [f"ND30-FRAME warning «{excerpt}»"]


def test_attached_document_has_no_number_date_or_noi_nhan():
    doc = document(header(number="", date="").replace("<w:t xml:space=\"preserve\"></w:t>", "")
                   + c("ĐIỀU LỆ", b=True) + c("HỘI CỰU GIÁO CHỨC TỈNH LÂM ĐỒNG", b=True)
                   + c("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026", i=True)
                   + c("của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)", i=True)
                   + c(runs=shape_run(40)) + c("Chương I", b=True, after=120)
                   + p("Điều 1. Tên gọi", b=True) + p("1. Tên gọi: Hội Cựu giáo chức.") + END)
    lay = locate(read_docx(doc))
    assert lay.attached and lay.frame and lay.type_name.text == "ĐIỀU LỆ"
    assert found(doc) == []


# --- defects that used to be missed ------------------------------------------------------------

def test_thong_tu_type_name_is_checked():
    doc = document(header(number="Số: 12/2025/TT-BTC") + c("THÔNG TƯ", b=False)
                   + c("Quy định mức thu phí", b=True) + c(runs=shape_run(20)) + BODY
                   + signature())
    assert kinds(doc) == ["ND30-TYPE-NAME"]


def test_no_visible_page_number_is_not_said_to_be_in_the_footer():
    # A PAGE field only in a first-page footer, with "different first page" off: never shown.
    filler = "".join(p(f"{k}. Nhiệm vụ thứ {k} của các cơ quan, đơn vị trên địa bàn tỉnh "
                       "trong năm 2026 theo kế hoạch đã ban hành.") for k in range(1, 40))
    doc = document(header() + title() + p("I. NHIỆM VỤ", b=True) + filler + END + signature(),
                   headers={"default": c(), "first": c()},
                   footers={"first": c(runs=page_field())}, title_pg=False)
    (f,) = check_docx(doc)
    # 39 paragraphs of two lines: evidently past one page, so an error (test_check_precision).
    assert f.rule == "ND30-PAGE-NUMBER" and f.severity.value == "error"
    assert "chân trang" not in f.message and "đầu trang" in f.message


def test_text_in_a_legacy_encoding_is_reported_once():
    legacy = p("Thùc hiÖn KÕ ho¹ch cña Uû ban nh©n d©n tØnh vÒ c«ng t¸c c¶i c¸ch hµnh chÝnh.")
    doc = document(header() + title() + legacy + legacy + BODY + signature())
    (f,) = [f for f in check_docx(doc) if f.rule == "ND30-ENCODING"]
    assert "TCVN3" in f.message and "Thực hiện Kế hoạch" in f.expected
    assert f.found == "bảng mã TCVN3 (ABC) (và 1 đoạn khác)"


def test_a_document_typed_wholly_in_tcvn3_gets_the_encoding_finding_only():
    garbled = (c("Uû BAN NH¢N D¢N", b=True) + c("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", b=True)
               + c("KÕ HO¹CH", b=True) + p("Thùc hiÖn KÕ ho¹ch cña Uû ban nh©n d©n tØnh."))
    assert kinds(document(garbled)) == ["ND30-ENCODING"]


def test_a_recipient_typed_on_two_lines_is_one_recipient():
    doc = document(header() + title() + BODY + signature(
        "- Sở Nội vụ (Tổng hợp gửi Bộ Nội vụ", "qua phần mềm chấm điểm);", "- Lưu: VT, NC."))
    lay = locate(read_docx(doc))
    assert [x.text for x in lay.signature] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    assert found(doc) == []


def test_a_face_of_times_new_roman_named_as_a_font_is_times_new_roman():
    bold = p("II. NỘI DUNG", b=True).replace('w:ascii="Times New Roman"',
                                              'w:ascii="Times New Roman Bold"')
    doc = document(header() + title() + BODY.replace(END, bold + END) + signature())
    assert found(doc) == []
    arial = bold.replace("Times New Roman Bold", "Arial")
    assert kinds(document(header() + title() + BODY.replace(END, arial + END)
                          + signature())) == ["ND30-FONT"]
