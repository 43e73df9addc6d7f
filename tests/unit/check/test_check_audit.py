"""Findings audited against the real drafts in ../shared/corpus/real-docx: each test rebuilds,
in a small DOCX, one pattern where the checker was wrong (a false positive, a missed defect or a
message a clerk could not act on), and pins the finding it gives now."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))

from real_patterns import (
    END,
    TNR,
    c,
    cell,
    document,
    header,
    p,
    run,
    shape_run,
    signature,
    table,
    title,
)

from vanban.check.api import check_docx

AUTO = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="21"/></w:numPr>'
"""pPr of an item of Word's automatic numbering: Word draws "1." and the text lacks it."""


def findings(data: bytes, rule: str) -> list[tuple[str, str, str]]:
    """(excerpt, expected, found) of the findings of ``rule``."""
    return [(f.where.excerpt, f.expected, f.found)
            for f in check_docx(data, name="x.docx") if f.rule == rule]


def plan(body: str, *recipients: str) -> bytes:
    return document(header() + title() + body + signature(*recipients))


# --- ND30-HEADING-SEQ ---------------------------------------------------------------------------

def test_a_typed_number_after_an_automatic_one_is_not_a_gap():
    # 214.docx: "Điều 4." then an automatically numbered "1." and a typed "2. …".
    body = (p("I. MỤC ĐÍCH, YÊU CẦU", b=True)
            + p("Hiệp hội hoạt động trong phạm vi tỉnh Lâm Đồng.", extra=AUTO)
            + p("2. Hiệp hội chịu sự quản lý nhà nước của Ủy ban nhân dân tỉnh.")
            + p("3. Hiệp hội tự bảo đảm kinh phí hoạt động.") + END)
    assert findings(plan(body), "ND30-HEADING-SEQ") == []


def test_after_an_automatic_item_the_typed_numbers_are_checked_again():
    body = (p("I. MỤC ĐÍCH, YÊU CẦU", b=True)
            + p("Hiệp hội hoạt động trong phạm vi tỉnh Lâm Đồng.", extra=AUTO)
            + p("2. Hiệp hội chịu sự quản lý nhà nước.") + p("4. Hiệp hội tự bảo đảm kinh phí.")
            + p("III. TỔ CHỨC THỰC HIỆN", b=True) + END)
    assert findings(plan(body), "ND30-HEADING-SEQ") == [
        ("4. Hiệp hội tự bảo đảm kinh phí.", "3.", "4."),
        ("III. TỔ CHỨC THỰC HIỆN", "II.", "III.")]


def test_an_automatic_muc_heading_lets_the_next_typed_one_set_the_count():
    # Word numbers "I." itself; the writer typed "II." by hand.
    body = (p("MỤC ĐÍCH, YÊU CẦU", b=True, extra=AUTO) + p("1. Mục đích", b=True)
            + p("II. NHIỆM VỤ", b=True) + p("1. Nhiệm vụ chung", b=True) + END)
    assert findings(plan(body), "ND30-HEADING-SEQ") == []


# --- ND30-FRAME ---------------------------------------------------------------------------------

def test_an_attached_charter_whose_title_is_tabbed_to_the_middle_is_still_checked():
    # 245.docx: "ĐIỀU LỆ" pushed to the middle with tabs in a left-aligned paragraph, then
    # "(Kèm theo Quyết định …)": an attached document (Mẫu 1.3), not "another kind of paper".
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH LÂM ĐỒNG", b=True, sz=13),
                c(runs=shape_run(18))),
           cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True), c(runs=shape_run(60)))]
    doc = document(table(top) + p("\t\tĐIỀU LỆ", jc="left", b=True, first=0)
                   + c("LIÊN ĐOÀN BÓNG BÀN TỈNH LÂM ĐỒNG", b=True)
                   + c("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Chủ tịch Ủy ban "
                       "nhân dân tỉnh)", i=True) + c(runs=shape_run(60), after=120)
                   + c("Chương I", b=True) + c("QUY ĐỊNH CHUNG", b=True, after=120)
                   + p(runs=run("Điều 1.", b=True) + run(" Tên gọi")) + p("1. Tên tiếng Việt.")
                   + p(runs=run("Điều 2", b=False) + run(". Trụ sở của Liên đoàn./.")))
    assert [(f.rule, f.where.excerpt) for f in check_docx(doc, name="x.docx")] == [
        ("ND30-ARTICLE", "Điều 2. Trụ sở của Liên đoàn./.")]


# --- ND30-LUU, ND30-NOI-NHAN: messages that say what to change ---------------------------------

def messages(data: bytes, rule: str) -> list[tuple[str, str, str]]:
    return [(f.message, f.expected, f.found)
            for f in check_docx(data, name="x.docx") if f.rule == rule]


def test_a_luu_line_without_its_full_stop_is_told_so():
    # 67 drafts of the corpus end "- Lưu: VT, NC.Châu" (drafter's name, no full stop).
    doc = plan(p("Thực hiện nghiêm túc Kế hoạch này./."), "- Như trên;", "- Lưu: VT, NC.Châu")
    assert messages(doc, "ND30-LUU") == [
        ("Dòng «- Lưu: …» cuối Nơi nhận phải kết thúc bằng dấu chấm «.».",
         "- Lưu: VT, NC.Châu.", "- Lưu: VT, NC.Châu")]
    en = [f.pick("en") for f in check_docx(doc, name="x.docx") if f.rule == "ND30-LUU"]
    assert en == [("The '- Lưu: …' line ending the Nơi nhận block must end with a full stop.",
                   "- Lưu: VT, NC.Châu.", "- Lưu: VT, NC.Châu")]


def test_another_luu_slip_gets_the_whole_pattern():
    doc = plan(p("Thực hiện nghiêm túc Kế hoạch này./."), "- Như trên;", "- Lưu: VT. NC.Châu")
    assert messages(doc, "ND30-LUU") == [
        ("Dòng cuối của Nơi nhận phải là «- Lưu: VT, <viết tắt đơn vị soạn thảo>.».",
         "- Lưu: VT, <đơn vị soạn thảo>.", "- Lưu: VT. NC.Châu")]


def test_a_single_required_size_reads_la_not_tu():
    doc = document(header() + title() + p("Thực hiện nghiêm túc Kế hoạch này./.")
                   + table([cell(65, p("Nơi nhận:", jc="left", b=True, i=True, sz=12, first=0),
                                 p("- Như trên;", jc="left", sz=12, first=0),
                                 p("- Lưu: VT, NC.", jc="left", sz=11, first=0)),
                            cell(100, c("KT. CHỦ TỊCH", b=True), c("PHÓ CHỦ TỊCH", b=True),
                                 c(), c("Nguyễn Văn An", b=True))]))
    assert messages(doc, "ND30-NOI-NHAN") == [
        ("Cỡ chữ của dòng nơi nhận phải là 11 pt.", "11 pt", "12 pt")]


# --- ND30-BODY-INDENT ---------------------------------------------------------------------------

def _indent_findings(*paras: str) -> list[tuple[str, str]]:
    doc = plan(p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + "".join(paras) + END)
    return [(f.where.excerpt, f.found) for f in check_docx(doc, name="x.docx")
            if f.rule == "ND30-BODY-INDENT"]


def test_an_automatic_item_is_indented_where_its_label_starts():
    # 118.docx / 046.docx: the number hangs at 12,6 mm (left 18,9, first line -6,3), or the
    # item sits at left 12,7 mm with no first-line indent: both start like body text.
    hung = '<w:ind w:left="1071" w:hanging="357"/>'
    assert _indent_findings(
        p("Tự nguyện, tự quản.", first=0, extra=AUTO + hung),
        p("Mức thu phí cung cấp thông tin lý lịch tư pháp.", first=0,
          extra=AUTO + '<w:ind w:left="720"/>')) == []


def test_a_paragraph_opened_with_one_tab_is_indented_by_the_default_tab_stop():
    # 011.docx, 180.docx: "\tThực hiện Công văn số …" with no indent of its own.
    assert _indent_findings(p("\tThực hiện Công văn số 4625/BNV-CCHC ngày 02/7/2025.",
                              first=0)) == []


def test_a_paragraph_pushed_in_whole_is_still_wrong_and_says_so():
    # 150.docx: "12. Khen thưởng …" with a left indent of 12,5 mm and no first-line indent.
    # Only a paragraph of several lines shows it (one line prints like an indented first
    # line: test_check_precision).
    text = ("1. Khen thưởng, kỷ luật theo quy định của pháp luật và Điều lệ Hội; hội viên có "
            "thành tích được Ban Chấp hành xem xét khen thưởng theo quy định.")
    assert _indent_findings(
        p(text, first=0, extra='<w:ind w:left="709"/>'),
        p("Không lùi đầu dòng.", first=0)) == [
        (text[:39] + "…", "0 mm, cả đoạn lùi trái 12,5 mm (và 1 đoạn khác)")]


# --- ND30-ARTICLE -------------------------------------------------------------------------------

def _decision(*articles: str) -> bytes:
    return document(header(number="Số: 12/QĐ-UBND")
                    + title("QUYẾT ĐỊNH", "Về việc giải thể Hiệp hội", rule=30)
                    + c("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", b=True, after=120)
                    + p("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                        i=True)
                    + p("Theo đề nghị của Giám đốc Sở Nội vụ.", i=True)
                    + c("QUYẾT ĐỊNH:", b=True, after=120) + "".join(articles)
                    + signature("- Như Điều 2;", "- Lưu: VT, NC."))


def test_a_plain_full_stop_after_a_bold_article_number_is_not_a_finding():
    # 109.docx and 25 more: "Điều 2" bold, the ". " after it typed in the plain text's run.
    doc = _decision(p(runs=run("Điều 1", b=True) + run(". Giải thể Hiệp hội rau quả.")),
                    p(runs=run("Điều 2", b=True) + run(". Quyết định có hiệu lực./.")))
    assert findings(doc, "ND30-ARTICLE") == []


def test_a_plain_article_number_is_still_a_finding():
    doc = _decision(p(runs=run("Điều 1", b=True) + run(". Giải thể Hiệp hội rau quả.")),
                    p(runs=run("Điều ", b=True) + run("2. Quyết định có hiệu lực./.")))
    assert findings(doc, "ND30-ARTICLE") == [
        ("Điều 2. Quyết định có hiệu lực./.", "«Điều 2.» in đậm", "không in đậm")]


# --- ND30-FONT-COLOR ----------------------------------------------------------------------------

def _colored(color: str) -> str:
    props = f'{TNR}<w:color w:val="{color}"/><w:sz w:val="28"/>'
    return p(runs=f'<w:r><w:rPr>{props}</w:rPr><w:t>Hiện nay, trên địa bàn tỉnh có 4.289 '
                  'người sử dụng trái phép chất ma túy.</w:t></w:r>')


def test_black_lighter_5_percent_is_black():
    # 028.docx: Word's "Black, Text 1, Lighter 5%" (#0D0D0D) on every body paragraph.
    assert findings(plan(_colored("0D0D0D") + END), "ND30-FONT-COLOR") == []


def test_a_dark_grey_or_a_colour_is_still_a_finding():
    assert [f[2] for f in findings(plan(_colored("404040") + _colored("0000FF") + END),
                                   "ND30-FONT-COLOR")] == ["#404040", "#0000FF"]


# --- ND30-ISSUER --------------------------------------------------------------------------------

def test_an_issuer_name_on_two_lines_set_too_large_is_one_finding():
    # 026.docx and 40 more: "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG", both bold 14 pt.
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=14), c("TỈNH LÂM ĐỒNG", b=True, sz=14)),
           cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True), c(runs=shape_run(60)))]
    second = [cell(65, c(runs=shape_run(18, "Số: 12/KH-UBND", sz=13))),
              cell(100, c("Lâm Đồng, ngày 05 tháng 3 năm 2026", i=True))]
    doc = document(table(top, second) + title() + p("Thực hiện nghiêm túc./.") + signature())
    assert findings(doc, "ND30-ISSUER") == [("ỦY BAN NHÂN DÂN", "12–13 pt", "14 pt (và 1 dòng khác)")]


# --- ND30-DATE and centring by indent -----------------------------------------------------------

def _with_date(date_para: str, qh: str | None = None) -> bytes:
    """The rebuilt header with its date line (and optionally its Quốc hiệu) replaced."""
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH LÂM ĐỒNG", b=True, sz=13)),
           cell(100, qh or c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True), c(runs=shape_run(60)))]
    second = [cell(65, c(runs=shape_run(18, "Số: 12/KH-UBND", sz=13))), cell(100, date_para)]
    return document(table(top, second) + title() + p("Thực hiện nghiêm túc./.") + signature())


DATE = "Lâm Đồng, ngày 05 tháng 3 năm 2026"


def test_a_date_set_right_in_its_cell_is_not_centred():
    # 105.docx, 255.docx: the date right-aligned, about 10 mm right of the Quốc hiệu's middle.
    doc = _with_date(p(DATE, jc="right", i=True, first=0, after=0))
    assert messages(doc, "ND30-DATE") == [
        ("Địa danh, ngày tháng phải căn giữa.", "căn giữa", "căn phải")]


def test_a_date_centred_by_its_indent_is_centred():
    # 037.docx: left-aligned with a first-line indent that puts the line in the middle.
    assert messages(_with_date(p(DATE, jc="left", i=True, first=12.0, after=0)),
                    "ND30-DATE") == []


def _left_qh(width_mm: float) -> bytes:
    qh = p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", jc="left", b=True, sz=13, first=0, after=0)
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH LÂM ĐỒNG", b=True, sz=13)),
           cell(width_mm, qh, c("Độc lập - Tự do - Hạnh phúc", b=True), c(runs=shape_run(60)))]
    second = [cell(65, c(runs=shape_run(18, "Số: 12/KH-UBND", sz=13))), cell(width_mm, c(DATE))]
    return document(table(top, second) + title() + p("Thực hiện nghiêm túc./.") + signature())


def test_a_quoc_hieu_that_fills_its_cell_is_centred_whatever_its_alignment():
    # 125.docx: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" left-aligned in a cell it fills.
    assert findings(_left_qh(100), "ND30-QUOC-HIEU") == []
    assert findings(_left_qh(130), "ND30-QUOC-HIEU") == [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "căn giữa", "căn trái")]


def test_a_header_without_number_or_type_name_says_what_is_missing():
    # 201.docx: the header of a UBND, then "DỰ THẢO" and "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)" with no
    # "(Kèm theo …)" line: not checked, and the finding must not say the Quốc hiệu is missing.
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH LÂM ĐỒNG", b=True, sz=13)),
           cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True))]
    doc = document(table(top) + c("DỰ THẢO", b=True) + c("ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)", b=True)
                   + c("HIỆP HỘI TÔM LÂM ĐỒNG", b=True) + c("Chương I", b=True)
                   + p(runs=run("Điều 1.", b=True) + run(" Tên gọi")))
    assert [(f.rule, f.where.excerpt, f.expected, f.message[:40])
            for f in check_docx(doc, name="x.docx")] == [
        ("ND30-FRAME", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "số, ký hiệu hoặc tên loại văn bản",
         "Có Quốc hiệu hoặc tên cơ quan nhưng khôn")]


# --- ND30-SUMMARY-RULE --------------------------------------------------------------------------

def test_the_rule_under_a_boxed_summary_is_found_under_the_box():
    # 059.docx: the trích yếu in a one-cell table, the rule anchored in the paragraph after it.
    box = table([cell(160, c("Tổ chức, hoạt động và quản lý hội năm 2025", b=True))])
    with_rule = box + c(runs=shape_run(38))
    body = p("Thực hiện Nghị định số 126/2024/NĐ-CP, Ủy ban nhân dân tỉnh báo cáo như sau./.")
    assert findings(document(header(number="Số: 12/BC-UBND") + c("BÁO CÁO", b=True) + with_rule
                             + body + signature()), "ND30-SUMMARY-RULE") == []
    assert findings(document(header(number="Số: 12/BC-UBND") + c("BÁO CÁO", b=True) + box
                             + c() + body + signature()), "ND30-SUMMARY-RULE") == [
        ("Tổ chức, hoạt động và quản lý hội năm 2…", "đường kẻ từ 1/3 đến 1/2 dòng chữ",
         "không có")]


# --- ND30-SIGN-BLOCK ----------------------------------------------------------------------------

def test_a_signature_typed_in_the_body_is_not_held_to_the_page_middle():
    # 032.docx: no table; "Nơi nhận:" and "TL. CHỦ TỊCH" on one line split by a tab, the
    # name pushed into the right half with spaces.
    sig = (p("Nơi nhận:\tTL. CHỦ TỊCH", jc="left", b=True, first=0, sz=12)
           + p("- Như trên;\tCHÁNH VĂN PHÒNG", jc="left", first=0, sz=11)
           + p("- Lưu: VT, NC.", jc="left", first=0, sz=11) + p("", first=0)
           + p(" " * 75 + "Nguyễn Nhân Bản", b=True, first=0))
    doc = document(header(number="Số: 12/UBND-NC", vv=("V/v tham gia ý kiến",))
                   + p("Kính gửi: Công an tỉnh", jc="center", first=0)
                   + p("Chủ tịch Ủy ban nhân dân tỉnh giao Công an tỉnh nghiên cứu./.") + sig)
    assert [f for f in findings(doc, "ND30-SIGN-BLOCK") if "căn" in f[2]] == []


# --- ND30-CAN-CU --------------------------------------------------------------------------------

def _bases(italic: bool) -> bytes:
    return document(header(number="Số: 12/QĐ-UBND")
                    + title("QUYẾT ĐỊNH", "Về việc cấp thẻ", rule=30)
                    + c("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", b=True, after=120)
                    + p("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;", i=italic)
                    + p("Căn cứ Quyết định số 28/2025/QĐ-TTg của Thủ tướng Chính phủ;", i=italic)
                    + p("Theo đề nghị của Công an tỉnh.", i=italic)
                    + c("QUYẾT ĐỊNH:", b=True, after=120)
                    + p(runs=run("Điều 1.", b=True) + run(" Cấp thẻ cho các cá nhân."))
                    + p(runs=run("Điều 2.", b=True) + run(" Quyết định có hiệu lực từ ngày ký./."))
                    + signature("- Như Điều 2;", "- Lưu: VT, NC."))


def test_upright_legal_bases_of_a_decision_are_one_finding():
    # 224.docx: "Căn cứ …" and "Theo đề nghị …" typed upright.
    assert findings(_bases(italic=True), "ND30-CAN-CU") == []
    assert messages(_bases(italic=False), "ND30-CAN-CU") == [
        ("Phần căn cứ phải in nghiêng.", "in nghiêng", "đứng (và 2 đoạn khác)")]


def test_recipient_lines_all_set_too_large_are_one_finding():
    # 125.docx: every recipient line in 12 pt.
    entries = ("- Như trên;", "- Công an tỉnh;", "- Lưu: VT, NC.")
    doc = document(header() + title() + p("Thực hiện nghiêm túc Kế hoạch này./.")
                   + table([cell(65, p("Nơi nhận:", jc="left", b=True, i=True, sz=12, first=0),
                                 *(p(e, jc="left", sz=12, first=0) for e in entries)),
                            cell(100, c("KT. CHỦ TỊCH", b=True), c("PHÓ CHỦ TỊCH", b=True),
                                 c(), c("Nguyễn Văn An", b=True))]))
    assert messages(doc, "ND30-NOI-NHAN") == [
        ("Cỡ chữ của dòng nơi nhận phải là 11 pt.", "11 pt", "12 pt (và 2 dòng khác)")]


def test_authority_lines_set_alike_are_one_finding():
    # 134.docx: "KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH" both justified in a wide signature cell.
    left = [p("Nơi nhận:", jc="left", b=True, i=True, sz=12, first=0),
            p("- Như trên;", jc="left", sz=11, first=0), p("- Lưu: VT, NC.", jc="left", sz=11,
                                                          first=0)]
    right = [p("KT. CHỦ TỊCH", jc="both", b=True, first=0),
             p("PHÓ CHỦ TỊCH", jc="both", b=True, first=0), c(), c("Nguyễn Văn An", b=True)]
    doc = document(header() + title() + p("Thực hiện nghiêm túc Kế hoạch này./.")
                   + table([cell(65, *left), cell(100, *right)]))
    assert messages(doc, "ND30-SIGN-BLOCK") == [
        ("Quyền hạn, chức vụ người ký phải căn giữa.", "căn giữa",
         "căn đều hai bên (và 1 dòng khác)")]


def test_a_v_v_summary_on_three_lines_set_too_small_is_one_finding():
    # 260.docx: "V/v triển khai …" on three lines, all 11 pt.
    vv = ("V/v triển khai thực hiện các nhiệm vụ", "trọng tâm phục vụ triển khai mô hình",
          "chính quyền địa phương 02 cấp")
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH LÂM ĐỒNG", b=True, sz=13)),
           cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True), c(runs=shape_run(60)))]
    second = [cell(65, c(runs=shape_run(18, "Số: 125/UBND-NC", sz=13)),
                   *(c(line, sz=11) for line in vv)), cell(100, c(DATE, i=True))]
    doc = document(table(top, second) + p("Kính gửi: Sở Nội vụ.", jc="center", first=0)
                   + p("Đề nghị Sở Nội vụ triển khai thực hiện./.") + signature())
    assert messages(doc, "ND30-SUMMARY") == [
        ("Cỡ chữ của trích yếu công văn (V/v) phải từ 12–13 pt.", "12–13 pt",
         "11 pt (và 2 dòng khác)")]
