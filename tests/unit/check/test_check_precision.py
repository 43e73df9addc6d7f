"""Precision audit on ../shared/corpus/real-docx (second pass): each case rebuilds, in a few
paragraphs, the layout of one corpus document on which a rule said something wrong (or missed
something), and asserts the exact finding now given."""

from __future__ import annotations

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
    kinh_gui,
    p,
    run,
    shape_run,
    signature,
    table,
    title,
)

from vanban.check.api import check_docx
from vanban.check.finding import Where
from vanban.ooxml.reader import read_docx

_LEFT_12_7 = '<w:ind w:left="720" w:firstLine="0"/>'
_LONG = ("Ban Chấp hành Hội có trách nhiệm tổ chức triển khai thực hiện Nghị quyết Đại hội, "
         "lãnh đạo mọi hoạt động của Hội giữa hai kỳ Đại hội và báo cáo kết quả hằng năm.")


def _doc(body: str) -> bytes:
    return document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + body + END
                    + signature())


def _findings(data: bytes, rule: str) -> list[tuple[str, str]]:
    return [(f.where.excerpt, f.found) for f in check_docx(data, name="x.docx")
            if f.rule == rule]


def test_a_one_line_paragraph_pushed_in_whole_is_indented_like_body_text():
    # 059.docx: "3. Về hoạt động" set with Lề trái 12,7 mm and no first-line indent prints
    # exactly where a first-line indent of 12,7 mm puts it.
    doc = _doc(p("3. Về hoạt động", first=0, extra=_LEFT_12_7))
    assert _findings(doc, "ND30-BODY-INDENT") == []


def test_a_wrapped_paragraph_pushed_in_whole_is_still_reported():
    doc = _doc(p(_LONG, first=0, extra=_LEFT_12_7))
    assert _findings(doc, "ND30-BODY-INDENT") == [
        (_LONG[:39] + "…", "0 mm, cả đoạn lùi trái 12,7 mm")]


def test_an_indent_typed_with_spaces_is_named_so():
    # 174.docx: eight spaces before "Điều 2. Tôn chỉ, mục đích", no indent of its own.
    doc = _doc(p("        Điều 2. Tôn chỉ, mục đích", b=True, first=0))
    assert _findings(doc, "ND30-BODY-INDENT") == [
        ("Điều 2. Tôn chỉ, mục đích", "0 mm, lùi bằng 8 dấu cách")]


def test_a_wrapped_left_aligned_paragraph_is_not_taken_for_one_line():
    # The one-line test measured the longest line after wrapping, which always fits: a
    # left-aligned paragraph of several lines passed as "prints the same as justified".
    text = _LONG + " Hội viên tham gia đầy đủ các buổi sinh hoạt."
    doc = _doc(p(text, jc="left"))
    assert _findings(doc, "ND30-BODY-ALIGN") == [(text[:39] + "…", "căn trái")]


_CV_BODY = (kinh_gui() + p("Ủy ban nhân dân tỉnh đề nghị các cơ quan triển khai thực hiện./.")
            + signature())


def _cong_van(vv_before: int, *, same_cell: bool = False, blank: bool = False) -> bytes:
    """The header of 295.docx: Số and V/v in one cell, or the V/v in the row below."""
    number = c(runs=run("Số:       /UBND-NCKSTTHC", sz=13))
    vv = c("V/v có ý kiến tổ chức đại hội Hội Nữ Doanh nhân", sz=13, before=vv_before)
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH BÌNH THUẬN", b=True, sz=13)),
           cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True))]
    date = cell(100, c("Bình Thuận, ngày 05 tháng 3 năm 2025", i=True))
    if same_cell:
        rows = [top, [cell(65, number, *([c()] if blank else []), vv), date]]
    else:
        rows = [top, [cell(65, number), date], [cell(65, vv), cell(100, c())]]
    return document(table(*rows) + _CV_BODY)


def _gap(data: bytes) -> list[str]:
    return [f.found for f in check_docx(data, name="x.docx")
            if f.rule == "ND30-VV" and "cách dòng" in f.message]


def test_a_vv_line_set_right_under_the_number_is_reported():
    # 295.docx: "V/v …" on the line after "Số:", no space between (PDF: 14 pt baseline to
    # baseline for a 13 pt line); the decree sets it 6 pt under the number.
    assert _gap(_cong_van(0, same_cell=True)) == ["0 pt"]
    (f,) = [f for f in check_docx(_cong_van(0, same_cell=True), name="x.docx")
            if "cách dòng" in f.message]
    assert f.message.startswith("Dòng trích yếu «V/v …» phải cách dòng số, ký hiệu 6 pt")
    assert f.message_en.startswith("The 'V/v …' summary must be set 6 pt below the number")


def test_a_vv_line_6_pt_under_the_number_or_after_a_blank_line_is_right():
    assert _gap(_cong_van(120, same_cell=True)) == []
    assert _gap(_cong_van(0, same_cell=True, blank=True)) == []


def test_a_vv_line_in_the_row_below_is_not_judged():
    # 002.docx: the Số row is 20,6 pt high (w:trHeight), which leaves 7,8 pt under its line;
    # row heights are not read, so the gap between rows is left to the eye.
    assert _gap(_cong_van(0)) == []


def test_a_vv_line_4_pt_under_the_number_is_too_close():
    # 022.docx: 4,4 pt (the PDF shows 4,7 pt of white between the lines).
    assert _gap(_cong_van(88, same_cell=True)) == ["4,4 pt"]


def _ea_run(text: str, hint: str = "") -> str:
    h = f' w:hint="{hint}"' if hint else ""
    return (f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            f'w:eastAsia="Calibri"{h}/><w:sz w:val="28"/></w:rPr><w:t>{text}</w:t></w:r>')


def _slots(*runs: str) -> list[tuple[str, str]]:
    return _findings(_doc(p(runs="".join(runs))), "ND30-FONT-SLOTS")


def test_an_east_asian_font_slot_that_draws_nothing_is_not_a_finding():
    # 105 corpus documents leave Calibri or SimSun in the eastAsia slot (Word's defaults):
    # Vietnamese letters are drawn with the ascii/hAnsi fonts, so nothing prints in it.
    assert _slots(_ea_run("Ủy ban nhân dân tỉnh đề nghị các cơ quan triển khai thực hiện.")) \
        == []


def test_a_run_hinted_east_asian_draws_its_accented_letters_in_that_font():
    # 110.docx: the "ư" of "Sở Nội vụ" is a run with w:hint="eastAsia" and eastAsia Calibri.
    assert _slots(_ea_run("Sở Nội v"), _ea_run("ư", hint="eastAsia"),
                  _ea_run(" kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét.")) == [
        ("ư", "eastAsia: Calibri, chữ «ư» (1 run)")]


def test_east_asian_characters_are_drawn_in_the_east_asian_font():
    assert _slots(_ea_run("Ủy ban nhân dân tỉnh"), _ea_run("（Hội nghị）")) == [
        ("（Hội nghị）", "eastAsia: Calibri, chữ «（）» (1 run)")]


def test_a_wrong_size_on_a_few_characters_names_them():
    # 022.docx: the dash of "- Như trên;" is 13 pt, the rest 11 pt; "11 pt, 13 pt" alone
    # leaves the clerk searching the line.
    plain = p("- Như trên;", jc="left", sz=11, first=0, after=0)
    odd = p(runs=run("-", sz=13) + run(" Như trên;", sz=11), jc="left", first=0, after=0)
    sign = signature()
    assert plain in sign
    doc = document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + END
                   + sign.replace(plain, odd))
    (f,) = [f for f in check_docx(doc, name="x.docx") if f.rule == "ND30-NOI-NHAN"]
    assert (f.where.excerpt, f.found, f.found_en) == (
        "- Như trên;", "11 pt, 13 pt («-»)", "11 pt, 13 pt («-»)")
    assert f.message == "Cỡ chữ của dòng nơi nhận phải là 11 pt."


def test_an_issuer_rule_anchored_under_a_one_row_header_table_is_found():
    # 170.docx: the header table has one row (no Số, date: an attached Điều lệ); Word anchored
    # the 21 mm line under "TỈNH LÂM ĐỒNG" in the blank paragraph after the table.
    head = table([cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH LÂM ĐỒNG", b=True, sz=13)),
                  cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                       c("Độc lập - Tự do - Hạnh phúc", b=True), c(runs=shape_run(60)))])
    attached = (c("ĐIỀU LỆ", b=True) + c("LIÊN ĐOÀN VÕ THUẬT CỔ TRUYỀN TỈNH LÂM ĐỒNG", b=True)
                + c("(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng 12 năm 2025 của Chủ "
                    "tịch Ủy ban nhân dân tỉnh Lâm Đồng)", i=True) + c(runs=shape_run(50))
                + p("Điều 1. Tên gọi", b=True) + p("1. Tên tiếng Việt: Liên đoàn Võ thuật."))
    with_rule = document(head + c(runs=shape_run(18)) + attached)
    assert _findings(with_rule, "ND30-ISSUER-RULE") == []
    without = document(head + c() + attached)
    assert _findings(without, "ND30-ISSUER-RULE") == [("TỈNH LÂM ĐỒNG", "không có")]


@pytest.mark.parametrize("runs, found", [
    (run("III. KIẾN NGHỊ, ĐỀ XUẤT: ", b=True) + run("Không.", b=True), []),
    (run("III. KIẾN NGHỊ, ĐỀ XUẤT: ", b=True) + run("Không có."), []),
    (run("II. Kết quả thực hiện", b=True), ["chữ thường"]),
    (run("II. KẾT QUẢ THỰC HIỆN"), ["không đậm"]),
    (run("II. Kết quả thực hiện"), ["chữ thường, không đậm"]),
], ids=["run-in-answer", "run-in-answer-upright", "lower", "light", "both"])
def test_a_section_heading_is_judged_on_its_title_and_says_what_is_wrong(runs, found):
    # 016.docx: "III. KIẾN NGHỊ, ĐỀ XUẤT: Không." was called "chữ thường hoặc không đậm".
    doc = _doc(p(runs=runs))
    assert [f for _x, f in _findings(doc, "ND30-HEADING-STYLE")] == found


def _qh_in(width_mm: float) -> bytes:
    qh = p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", jc="left", b=True, sz=13, first=0, after=0)
    head = header().replace(c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13), qh)
    head = head.replace(cell(100, qh)[:60], cell(width_mm, qh)[:60], 1)
    return document(head + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + END + signature())


def test_a_quoc_hieu_filling_its_cell_is_centred_whatever_its_alignment():
    # 118.docx: left-aligned in a 98,3 mm cell; estimated 95,7 mm wide for 94,5 mm of room,
    # it prints on one line that fills the cell, centred in effect.
    assert _findings(_qh_in(98.27), "ND30-QUOC-HIEU") == []
    assert _findings(_qh_in(120), "ND30-QUOC-HIEU") == [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "căn trái")]


def test_a_quoc_hieu_in_a_nested_header_table_is_measured_in_its_own_cell():
    # 058.docx: the header is a two-column table nested in a one-cell table 176 mm wide; the
    # Quốc hiệu, left-aligned after one space, fills its 104 mm inner cell and prints
    # centred. Measured against the outer cell it looked pushed to the left.
    qh = p(" CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", jc="left", b=True, sz=13, first=0, after=0)
    inner = header().replace(c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13), qh)
    inner = inner.replace(cell(100, qh)[:60], cell(104.4, qh)[:60], 1)
    nested = table([cell(176, inner, c())])
    doc = document(nested + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + END + signature())
    assert _findings(doc, "ND30-QUOC-HIEU") == []
    facts = read_docx(doc)
    i = next(q.index for q in facts.paragraphs if "CỘNG HÒA" in q.text)
    assert facts.paragraphs[i].container[:2] == ("table", 0)
    assert round(facts.inner_cells[i].width_mm, 1) == 104.4


def test_a_document_evidently_several_pages_long_without_page_numbers_is_an_error():
    # 040.docx: a Báo cáo of 450 paragraphs (a dozen pages) without a PAGE field was only
    # "required if the document has 2 pages" (a warning), as for a document of about a page.
    body = "".join(p(_LONG) for _ in range(30))
    doc = document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + body + END
                   + signature(), headers={"default": c()})
    (f,) = [f for f in check_docx(doc, name="x.docx") if f.rule == "ND30-PAGE-NUMBER"]
    assert (f.severity.value, f.message) == (
        "error", "Văn bản dài hơn một trang nhưng không có số trang ở đầu trang.")
    assert f.message_en == ("The document runs past one page but has no page number field in "
                            "the header.")
    short = document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + END + signature(),
                     headers={"default": c()})
    assert _findings(short, "ND30-PAGE-NUMBER") == []


def test_no_space_between_paragraphs_of_one_style_with_contextual_spacing():
    # 015.docx: Normal has "Don't add space between paragraphs of the same style" on; its 6 pt
    # after is dropped between body paragraphs (the PDF shows single-line steps, 16,1 pt).
    ctx = "<w:contextualSpacing/>"
    doc = _doc(p("1. Công tác chỉ đạo của Ban chỉ đạo tỉnh", extra=ctx)
               + p("Ban chỉ đạo tỉnh ban hành kế hoạch triển khai.", extra=ctx))
    assert [f for _x, f in _findings(doc, "ND30-BODY-SPACING")] == ["0 pt (và 1 đoạn khác)"]
    plain = _doc(p("1. Công tác chỉ đạo của Ban chỉ đạo tỉnh")
                 + p("Ban chỉ đạo tỉnh ban hành kế hoạch triển khai."))
    assert _findings(plain, "ND30-BODY-SPACING") == []


def test_a_vv_typed_in_a_text_box_is_named_not_called_missing():
    # 028.docx: the công văn's "V/v tập trung triển khai …" is in a text box under Số: it
    # prints; "Không tìm thấy trích yếu" was wrong.
    box = ('<w:pict><v:shape style="position:absolute;width:180pt;height:40pt"><v:textbox>'
           '<w:txbxContent><w:p><w:r><w:t>V/v tập trung triển khai thực hiện công tác cai '
           'nghiện ma túy tự nguyện</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
           '</w:pict>')
    body = kinh_gui() + p("Ủy ban nhân dân tỉnh đề nghị các cơ quan triển khai thực hiện./.")
    boxed = document(header(number="Số: 125/UBND-NC") + c(runs=run("", extra=box)) + body
                     + signature())
    (f,) = [f for f in check_docx(boxed, name="x.docx") if f.rule == "ND30-VV"]
    assert (f.severity.value, f.found) == ("warning", "trong khung văn bản (text box)")
    assert f.where.excerpt.startswith("V/v tập trung triển khai")
    assert f.message.startswith("Trích yếu «V/v …» nằm trong khung văn bản (text box)")
    bare = document(header(number="Số: 125/UBND-NC") + body + signature())
    (f,) = [f for f in check_docx(bare, name="x.docx") if f.rule == "ND30-VV"]
    assert f.message.startswith("Không tìm thấy trích yếu nội dung công văn")


def test_a_header_place_names_the_section_as_the_page_setup_does():
    # "đầu trang của section 2" beside "mục (section) 2" for the same section.
    assert Where(part="header", section=1).text("vi") == "đầu trang của mục (section) 2"
    assert Where(part="section", section=1).text("vi") == "mục (section) 2"
    assert Where(part="header", section=1).text("en") == "header of section 2"


def test_a_plain_colon_after_a_bold_italic_noi_nhan_is_no_weight_or_slant_fault():
    # 221.docx: «Nơi nhận» bold italic 12 pt, its «:» a plain 14 pt run: one size finding that
    # names the colon, no "phải in đậm / in nghiêng" (the words are bold italic).
    label = p(runs=run("Nơi nhận", b=True, i=True, sz=12) + run(":", sz=14), jc="left",
              first=0, after=0)
    entries = [p(e, jc="left", sz=11, first=0, after=0) for e in ("- Như trên;", "- Lưu: VT, NC.")]
    right = [c(a, b=True) for a in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")] + [c(), c(), c("A", b=True)]
    doc = document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + END
                   + table([cell(65, label, *entries), cell(100, *right)]))
    found = [f.message for f in check_docx(doc, name="x.docx") if f.rule == "ND30-NOI-NHAN"]
    assert found == ["Cỡ chữ của chữ «Nơi nhận» phải là 12 pt."], found


def test_a_code_typed_with_a_space_is_shown_as_it_should_read():
    # 125.docx: "Số: /QĐ- UBND" on a Quyết định: the expected code is its own, without the
    # space, not a Kế hoạch's "KH-UBND".
    doc = document(header(number="Số: 12/QĐ- UBND") + title("QUYẾT ĐỊNH") + END + signature())
    found = [f.expected for f in check_docx(doc, name="x.docx")
             if f.rule == "ND30-NUMBER" and "QĐ- UBND" in str(f.found)]
    assert [str(x).split(" (")[0] for x in found] == ["QĐ-UBND"], found


@pytest.mark.parametrize(("value", "shown"), [
    ("- Như trên;", "«- Như trên;»"), ("đ)", "«đ)»"), ("12 pt", "12 pt"),
    ("12 pt, 14 pt («:»)", "12 pt, 14 pt («:»)")])
def test_a_value_ending_like_the_separators_is_quoted(value, shown):
    # "(cần: - Như trên;; thấy: …)" and "(cần: đ); thấy: e))" read as garbled punctuation.
    from vanban.check.finding import _shown

    assert _shown(value) == shown


def test_a_paragraph_pulled_into_the_margin_is_said_to_be():
    # 021.docx: Lề trái −2 mm with a first line of 14,7 mm: the first line prints 12,7 mm in,
    # the other lines 2 mm inside the margin; the fix is the left indent, not the first line.
    pulled = '<w:ind w:left="-113" w:firstLine="833"/>'
    doc = _doc(p(_LONG, first=0, extra=pulled))
    assert _findings(doc, "ND30-BODY-INDENT") == [
        (_LONG[:39] + "…", "14,7 mm, cả đoạn lấn vào lề trái 2 mm (lề trái của đoạn phải là 0)")]


@pytest.mark.parametrize(("after", "missing"), [
    (p("\t\t\t\tHồ Văn Mười", jc="left", first=0, b=True), False),
    (p("Phụ lục I", jc="center", first=0, b=True), True)])
def test_a_name_typed_with_tabs_under_the_signature_table_is_the_signers(after, missing):
    # 125.docx: the table's signature cell ends with "CHỦ TỊCH" and "Hồ Văn Mười" is typed in
    # the paragraph under it, pushed right with tabs; a centred "Phụ lục I" there is no name.
    doc = document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + END
                   + signature(name="") + after)
    found = [f.message for f in check_docx(doc, name="x.docx") if f.rule == "ND30-SIGN-BLOCK"]
    assert ("Không tìm thấy họ tên người ký." in found) is missing, found


def test_with_the_pdf_a_rules_length_is_said_once_as_measured():
    # 125.docx with --pdf: the issuer's 33 mm rule was an ND30-ISSUER-RULE error (DOCX
    # estimate) and an ND30-PDF-RULES error (measured): one fault, said once, as measured.
    from vanban.check.api import _measured_once
    from vanban.check.finding import Finding
    from vanban.errors import Severity

    def finding(rule: str, message: str, found: str = "33 mm (0,76 × dòng chữ)",
                replaces: str = "") -> Finding:
        return Finding(rule, Severity.ERROR, Where(part="body"), "", "", found, "", message,
                       "", "", replaces)

    pdf = finding("ND30-PDF-RULES", "Đường kẻ dưới tên cơ quan ban hành dài không đúng tỉ lệ "
                  "với dòng chữ.", replaces="ND30-ISSUER-RULE")
    docx = finding("ND30-ISSUER-RULE", "Đường kẻ dưới tên cơ quan ban hành phải dài …")
    motto = finding("ND30-TIEU-NGU-RULE", "Đường kẻ dưới Tiêu ngữ phải dài …")
    missing = finding("ND30-SUMMARY-RULE", "Dưới trích yếu phải có đường kẻ …", "không có")
    assert _measured_once([docx, pdf, motto, missing]) == [pdf, motto, missing]


def test_a_later_sections_page_setup_names_the_text_it_starts_with():
    # 221.docx: "mục (section) 3: Lề dưới … 10 mm" - a clerk does not count sections; the
    # section is named by its first text, «Phụ lục II».
    import io
    import zipfile

    from real_patterns import section_break

    data = document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + END + signature()
                    + section_break(restart=True) + c("Phụ lục II", b=True)
                    + c("DANH SÁCH ĐƠN VỊ", b=True))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    at = xml.rindex('w:bottom="1134"')  # the last section's page setup: a 10 mm bottom margin
    parts["word/document.xml"] = (xml[:at] + 'w:bottom="567"' + xml[at + 15:]).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    found = [f.where.text() for f in check_docx(out.getvalue(), name="x.docx")
             if f.rule == "ND30-MARGINS"]
    assert found == ["mục (section) 2 «Phụ lục II»"], found


def _with_app_pages(data: bytes, pages: int, words: int = 420) -> bytes:
    """The DOCX with docProps/app.xml saying Word counted ``pages`` pages (and ``words``
    words) when it saved it."""
    import io
    import zipfile

    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://'
           'schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>'
           f'{pages}</Pages><Words>{words}</Words></Properties>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr("docProps/app.xml", app)
    return out.getvalue()


def test_a_document_word_counted_as_one_page_is_not_asked_for_page_numbers():
    # 032, 088, 117.docx: one page in Word and LibreOffice, yet the height estimate was
    # unsure, so "Không có số trang … (bắt buộc nếu văn bản có từ 2 trang)" was warned.
    from vanban.check.context import Context
    from vanban.check.locate import locate
    from vanban.check.pages import evidently_one_page, page_fill

    body = "".join(p(_LONG) for _ in range(9))
    data = document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + body + END
                    + signature(), headers={"default": c(), "first": c()})
    facts = read_docx(data)
    fill = page_fill(Context("x", facts, locate(facts), None))
    assert fill is not None and 0.95 < fill < 1.6, fill  # the estimate cannot tell
    rules = lambda d: [f.rule for f in check_docx(d, name="x.docx")]
    assert "ND30-PAGE-NUMBER" in rules(data)
    assert "ND30-PAGE-NUMBER" not in rules(_with_app_pages(data, 1))
    assert "ND30-PAGE-NUMBER" in rules(_with_app_pages(data, 2))
    # A template's stale count ("Pages 1, Words 0": python-docx's, vanban's own) says nothing.
    assert "ND30-PAGE-NUMBER" in rules(_with_app_pages(data, 1, words=0))
    one = read_docx(_with_app_pages(data, 1))
    assert one.saved_pages == 1 and evidently_one_page(Context("x", one, locate(one), None))
    # A count in other digits ("²", which isdigit() accepts and int() refuses) is no count.
    assert read_docx(_with_app_pages(data, "²")).saved_pages is None


def test_a_wrong_colour_on_a_character_or_two_quotes_its_paragraph():
    # 125.docx: a red "." ends a paragraph; «.» alone cannot be searched for in Word.
    red = ('<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
           '<w:color w:val="FF0000"/><w:sz w:val="28"/></w:rPr><w:t>.</w:t></w:r>')
    doc = _doc(p(runs=run("Xét đề nghị của Công an tỉnh tại Tờ trình số 12/TTr-CAT") + red))
    (where,) = [f.where for f in check_docx(doc, name="x.docx") if f.rule == "ND30-FONT-COLOR"]
    assert where.text().endswith("«Xét đề nghị của Công an tỉnh tại Tờ trì…» ở «.»"), where
    assert where.as_dict()["chars"] == "."
