"""Gaps a reviewer found by mutating vanban's own outputs: each test builds a small DOCX modelled
on the real drafts (../shared/corpus/real-docx), shows the mutant is caught, and that the
untouched document stays silent."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))

from real_patterns import (
    c,
    cell,
    cong_van,
    document,
    header,
    kinh_gui,
    p,
    quyet_dinh,
    run,
    signature,
    table,
    title,
)

from vanban.check.api import check_docx, check_files, format_text


def found(data: bytes, rule: str) -> list[tuple[str, str, str, str, str]]:
    """(severity, excerpt, expected, found, citation) of the findings of ``rule``."""
    return [(f.severity.value, f.where.excerpt, f.expected, f.found, f.citation)
            for f in check_docx(data, name="x.docx") if f.rule == rule]


def _letter(*recipients: str, kinh: str | None = None, sig: str | None = None) -> bytes:
    """A Công văn (Mẫu 1.5) with the given Nơi nhận lines (or signature table ``sig``)."""
    body = cong_van(kinh=kinh)
    return document(body.replace(signature("- Như trên;", "- Lưu: VT, NC."),
                                 sig or signature(*recipients)))


# --- Nơi nhận of a document with Kính gửi opens with "- Như trên;" (Phụ lục I, II.9.b) ---------

def test_a_letter_whose_noi_nhan_opens_with_nhu_tren_is_silent():
    assert found(_letter("- Như trên;", "- Lưu: VT, NC."), "ND30-NOI-NHAN") == []
    assert found(_letter("- Như trên (để thực hiện);", "- Lưu: VT, NC."), "ND30-NOI-NHAN") == []


def test_a_letter_without_nhu_tren_is_an_error_citing_ii_9_b():
    # 002.docx, 083.docx: the Nơi nhận opens with "- Chủ tịch, các PCT. UBND tỉnh;".
    doc = _letter("- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC.")
    assert found(doc, "ND30-NOI-NHAN") == [
        ("error", "- Chủ tịch, các PCT UBND tỉnh;", "- Như trên;",
         "- Chủ tịch, các PCT UBND tỉnh;", "ô 9b, Phụ lục I, II.9.b")]
    [f] = [f for f in check_docx(doc) if f.rule == "ND30-NOI-NHAN"]
    assert f.message == ("Văn bản có «Kính gửi» thì dòng đầu tiên của Nơi nhận là «- Như trên;» "
                         "(nơi nhận ở phần Kính gửi không liệt kê lại).")
    assert f.message_en.startswith("In a document with 'Kính gửi' the first Nơi nhận line is")


def test_a_letter_to_one_addressee_without_nhu_tren_is_caught_too():
    one = p("Kính gửi: Sở Nội vụ.", jc="center", first=0)
    assert [x[0] for x in found(_letter("- Sở Nội vụ;", "- Lưu: VT, NC.", kinh=one),
                                "ND30-NOI-NHAN")] == ["error"]


def test_nhu_tren_after_a_line_break_in_the_label_paragraph_is_read():
    # 301.docx: "Nơi nhận:<w:br/>- Như trên;" in one paragraph of the signature table.
    label = ('<w:p><w:pPr><w:jc w:val="left"/></w:pPr>'
             + run("Nơi nhận:", b=True, i=True, sz=12) + '<w:r><w:br/></w:r>'
             + run("- Như trên;", sz=11) + '</w:p>')
    plain = p("Nơi nhận:", jc="left", b=True, i=True, sz=12, first=0, after=0)
    sig = signature("- Lưu: VT, NC.")
    assert plain in sig
    assert found(_letter(sig=sig.replace(plain, label)), "ND30-NOI-NHAN") == []
    assert [x[0] for x in found(_letter(sig=sig), "ND30-NOI-NHAN")] == ["error"]


def test_nhu_kinh_gui_says_the_same_and_is_only_a_warning():
    # 052.docx, 059.docx: "- Như kính gửi;".
    assert found(_letter("- Như kính gửi;", "- Lưu: VT, NC."), "ND30-NOI-NHAN") == [
        ("warning", "- Như kính gửi;", "- Như trên;", "- Như kính gửi;",
         "ô 9b, Phụ lục I, II.9.b")]


def test_a_plan_without_kinh_gui_needs_no_nhu_tren():
    doc = document(header() + title() + p("Thực hiện nghiêm túc Kế hoạch này./.")
                   + signature("- Các sở, ban, ngành;", "- Lưu: VT, NC."))
    assert found(doc, "ND30-NOI-NHAN") == []


def test_a_report_sent_up_with_kinh_gui_needs_nhu_tren():
    doc = document(header(number="Số: 12/BC-UBND") + title("BÁO CÁO", "Kết quả năm 2025")
                   + kinh_gui("Kính gửi: Bộ Nội vụ.")
                   + p("Ủy ban nhân dân tỉnh báo cáo như sau./.")
                   + signature("- CT, PCT UBND tỉnh;", "- Lưu: VT, NC."))
    assert [x[:2] for x in found(doc, "ND30-NOI-NHAN")] == [("error", "- CT, PCT UBND tỉnh;")]


# --- "- Như Điều N;" names an article the decision has ------------------------------------------

def _decision(entry: str, numbers: tuple[int, ...] = (1, 2, 3)) -> bytes:
    body = quyet_dinh(numbers=numbers)
    return document(body.replace(signature("- Như Điều 3;", "- Lưu: VT, NC."),
                                 signature(entry, "- Lưu: VT, NC.")))


def test_nhu_dieu_naming_the_last_article_is_silent():
    assert found(_decision("- Như Điều 3;"), "ND30-NOI-NHAN") == []
    assert found(_decision("- Như điều 3;"), "ND30-NOI-NHAN") == []


def test_nhu_dieu_naming_an_article_the_decision_lacks_is_an_error():
    doc = _decision("- Như Điều 5;")
    assert found(doc, "ND30-NOI-NHAN") == [
        ("error", "- Như Điều 5;", "Như Điều 3", "- Như Điều 5;",
         "ô 9b, Mẫu 1.1–1.3 Phụ lục III")]
    [f] = [f for f in check_docx(doc) if f.rule == "ND30-NOI-NHAN"]
    assert f.message == ("Nơi nhận ghi «Như Điều 5» nhưng văn bản chỉ có 3 điều (Điều 1–3): sửa "
                         "số điều, hoặc thêm chữ «Điều 5.» nếu đoạn đó bị thiếu.")


def test_an_executors_paragraph_left_without_its_article_label_is_caught():
    # 163.docx, 167.docx: "Điều 3. … hiệu lực …", then "Chánh Văn phòng … chịu trách nhiệm thi
    # hành …" typed without "Điều 4."; the Nơi nhận names "Như Điều 4".
    arts = "".join(p(runs=run(f"Điều {n}.", b=True) + run(f" {text}")) for n, text in
                   ((1, "Cho phép sáp nhập Hiệp hội."), (2, "Trong thời hạn 30 ngày."),
                    (3, "Quyết định này có hiệu lực kể từ ngày ký.")))
    doc = document(header(number="Số: 12/QĐ-UBND")
                   + title("QUYẾT ĐỊNH", "Về việc sáp nhập Hiệp hội", rule=30)
                   + c("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", b=True, after=120)
                   + p("Căn cứ Luật Tổ chức chính quyền địa phương;", i=True)
                   + c("QUYẾT ĐỊNH:", b=True, after=120) + arts
                   + p("Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết "
                       "định này./.")
                   + signature("- Như Điều 4;", "- Lưu: VT, NC."))
    assert [x[:4] for x in found(doc, "ND30-NOI-NHAN")] == [
        ("error", "- Như Điều 4;", "Như Điều 3", "- Như Điều 4;")]


def test_nhu_dieu_naming_another_article_than_the_executors_is_a_warning():
    # Điều 3 names the executors ("chịu trách nhiệm thi hành"); "Như Điều 2" names another.
    assert found(_decision("- Như Điều 2;"), "ND30-NOI-NHAN") == [
        ("warning", "- Như Điều 2;", "Như Điều 3", "- Như Điều 2;",
         "ô 9b, Mẫu 1.1–1.3 Phụ lục III")]


def test_several_articles_named_are_each_checked():
    assert [x[3] for x in found(_decision("- Như Điều 3, Điều 4;"), "ND30-NOI-NHAN")] == [
        "- Như Điều 3, Điều 4;"]


# --- each finding about a summary cites its own box (ô 5a, ô 5b) --------------------------------

def test_a_v_v_set_too_small_cites_o_5b_and_a_summary_o_5a():
    small_vv = cong_van().replace(
        c("V/v triển khai thực hiện Kế hoạch", sz=12, before=120),
        c("V/v triển khai thực hiện Kế hoạch", sz=11, before=120))
    assert [x[4] for x in found(document(small_vv), "ND30-SUMMARY")] == [
        "ô 5b, Phụ lục I, II.5.b"]
    plan = document(header() + c("KẾ HOẠCH", b=True) + c("Cải cách hành chính năm 2026")
                    + p("Thực hiện nghiêm túc Kế hoạch này./.") + signature())
    assert {x[4] for x in found(plan, "ND30-SUMMARY")} == {"ô 5a, Phụ lục I, II.5"}


# --- ND30-HEADING-SEQ: one number out of order is one finding -----------------------------------

def _seq(*lines: str) -> list[tuple[str, str, str]]:
    body = "".join(p(x, b=x[:1] in "IV") for x in lines) + p("Tổ chức thực hiện nghiêm túc./.")
    doc = document(header() + title() + body + signature())
    return [(x[1], x[2], x[3]) for x in found(doc, "ND30-HEADING-SEQ")]


def test_a_mistyped_khoan_number_does_not_flag_the_correct_ones_after_it():
    # "17." typed where "2." was meant: the "3." after it is right.
    assert _seq("I. MỤC ĐÍCH", "1. Mục đích chung.", "17. Yêu cầu chung.",
                "3. Phân công.") == [("17. Yêu cầu chung.", "2.", "17.")]


def test_a_heading_typed_as_a_khoan_does_not_flag_the_list_under_it():
    # 291.docx: "5. …", then "17. Tổng Thư ký" (a title typed with a number), then "1. …".
    assert _seq("I. TỔ CHỨC", "1. Số lượng Phó Chủ tịch.", "2. Phó Chủ tịch do Ban Chấp hành bầu.",
                "17. Tổng Thư ký", "1. Tổng Thư ký do Ban Chấp hành bầu.",
                "2. Giúp Ban Thường trực.") == [("17. Tổng Thư ký", "3.", "17.")]


def test_a_skipped_number_is_one_finding_and_the_count_follows_it():
    assert _seq("I. MỤC ĐÍCH", "1. Mục đích.", "2. Yêu cầu.", "4. Phân công.",
                "5. Kinh phí.") == [("4. Phân công.", "3.", "4.")]


def test_a_mistyped_muc_number_is_one_finding():
    # 211.docx: "I.", "II.", "IV. ĐÁNH GIÁ CHUNG" (III meant), "IV. KIẾN NGHỊ".
    assert _seq("I. TÌNH HÌNH", "II. KẾT QUẢ", "IV. ĐÁNH GIÁ CHUNG", "IV. KIẾN NGHỊ") == [
        ("IV. ĐÁNH GIÁ CHUNG", "III.", "IV.")]


# --- a file that is only an appendix is checked as one (Phụ lục I, III.1) -----------------------

def _appendix(label: str = "Phụ lục", title_lines: tuple[str, ...] = (
        "DANH SÁCH THÀNH VIÊN ĐỘI ỨNG CỨU SỰ CỐ", "AN TOÀN THÔNG TIN MẠNG TỈNH LÂM ĐỒNG"),
        ref: str | None = "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 "
                          "của Ủy ban nhân dân tỉnh)") -> bytes:
    # 126.docx: "PHỤ LỤC", a title on two lines, the "(Kèm theo …)" line, then a table.
    rows = [[cell(65, c("STT", b=True, sz=13)), cell(100, c("Họ và tên", b=True, sz=13))],
            [cell(65, c("1", sz=13)), cell(100, c("Nguyễn Văn An", sz=13))]]
    return document(c(label, b=True) + "".join(c(t, b=True) for t in title_lines)
                    + (c(ref, i=True, after=120) if ref else "") + table(*rows))


def test_a_file_that_is_only_an_appendix_is_checked_not_set_aside(tmp_path):
    assert [f.text() for f in check_docx(_appendix())] == []
    path = tmp_path / "phu-luc.docx"
    path.write_bytes(_appendix())
    assert format_text(check_files([path])) == (
        f"{path}: đạt thể thức Nghị định 30/2020/NĐ-CP (0 lỗi, 0 cảnh báo).")


def test_the_appendix_rules_apply_to_a_file_that_is_only_an_appendix():
    # 126.docx: "PHỤ LỤC" in upper case, its title typed in ordinary case on two lines.
    doc = _appendix("PHỤ LỤC", ("Danh sách Thành viên Đội ứng cứu sự cố", "tỉnh Lâm Đồng"))
    assert [(f.rule, f.severity.value, f.where.excerpt, f.found, f.citation)
            for f in check_docx(doc)] == [
        ("ND30-APPENDIX", "error", "PHỤ LỤC", "PHỤ LỤC", "Phụ lục I, III.1.đ"),
        ("ND30-APPENDIX", "error", "Danh sách Thành viên Đội ứng cứu sự cố",
         "Danh sách Thành viên Đội ứng cứu sự cố (và 1 dòng khác)", "Phụ lục I, III.1.đ")]


def test_a_phu_luc_line_without_its_kem_theo_line_is_still_not_checked():
    assert [f.rule for f in check_docx(_appendix(ref=None))] == ["ND30-FRAME"]


# --- A Công văn's code names no document type (Phụ lục III, I; Mẫu 1.5) -------------------------

def test_a_letter_whose_code_starts_with_another_types_abbreviation_is_caught():
    # A clerk's Công văn numbered like the plan it sends: "Số: 45/KH-UBND".
    assert found(document(cong_van()), "ND30-NUMBER-TYPE") == []  # "Số: 125/UBND-NC"
    doc = document(cong_van(number="Số: 45/KH-UBND"))
    [(severity, excerpt, _expected, got, _cite)] = found(doc, "ND30-NUMBER-TYPE")
    assert (severity, got) == ("error", "KH") and "45/KH-UBND" in excerpt
    [f] = [f for f in check_docx(doc) if f.rule == "ND30-NUMBER-TYPE"]
    assert "Công văn không có tên loại nên ký hiệu không bắt đầu bằng «KH»" in f.message
