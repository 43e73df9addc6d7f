"""Recall of ``vanban check`` on documents nobody on the project wrote: each case plants one
defect a văn thư would send back into a copy of a real draft (tests/fixtures/real-docx, see
SOURCES.txt there) and asserts the checker reports it, by the right rule, at the paragraph the
defect was planted in (or at the page setup, or the page header)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from docx_mutate import (
    Docx,
    etree,
    no,
    replace_text,
    set_font,
    set_para,
    set_run,
    set_size,
    set_text,
    text_of,
)
from recall_plants import (
    SECTION,
    WHOLE,
    default_font,
    drop_kinh_gui,
    drop_luu,
    drop_rule_under,
    edit,
    first_page_number,
    indent,
    kinh_gui_before,
    landscape,
    last_char,
    letter,
    lower_type,
    luu_first,
    margin,
    misspell,
    one_run,
    page_number_left,
    page_number_size,
    retext,
    set_code,
    set_date,
    set_number,
    set_place_date,
    spacing,
    style_12pt,
    title_case,
    tracked,
    upper,
    whole_number,
)

from vanban.check.api import check_docx
from vanban.check.finding import Finding
from vanban.check.locate import _kind
from vanban.check.locate_end import is_label
from vanban.ooxml.reader import read_docx

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "real-docx"

# Where each thing is in each draft (regexes on a paragraph's stripped text).
ANCHORS = {
    "011": {"type": r"^TỜ TRÌNH$", "summary": r"^Về việc trình ký", "signer": r"^Trần Hữu Tuấn",
            "authority": r"^KT\. GIÁM ĐỐC$", "body": r"^Trên cơ sở kết quả triển khai",
            "superior": r"^UBND TỈNH LÂM ĐỒNG$", "issuer": r"^SỞ NỘI VỤ$"},
    "032": {"signer": r"^Nguyễn Nhân Bản", "authority": r"TL\. CHỦ TỊCH",
            "body": r"^Ủy ban nhân dân tỉnh nhận được", "vv": r"^V/v tham gia"},
    "060": {"type": r"^BÁO CÁO$", "summary": r"^Tổ chức, hoạt động và quản lý hội",
            "signer": r"^Đinh Văn Tuấn", "authority": r"^KT\. CHỦ TỊCH$",
            "body": r"^UBND tỉnh Lâm Đồng báo cáo Bộ Nội vụ", "muc": r"^I\. THỰC TRẠNG",
            "khoan": r"^2\. Tổng số người", "diem": r"^b\) "},
    "186": {"type": r"^QUYẾT ĐỊNH$", "summary": r"^Về việc cho phép đổi tên",
            "signer": r"^Hồ Văn Mười", "authority": r"^CHỦ TỊCH$",
            "body": r"^Căn cứ Nghị quyết số 202/2025", "can_cu": r"^Căn cứ Luật Tổ chức",
            "article": r"^Điều 2\.", "decides": r"^QUYẾT ĐỊNH:$"},
    "261": {"type": r"^KẾ HOẠCH$", "summary": r"^Cải cách hành chính nhà nước năm 2026",
            "body": r"^Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng ban hành Kế hoạch",
            "muc": r"^II\. TỔ CHỨC THỰC HIỆN", "khoan_after_list": r"^2\. Kinh phí thực hiện",
            "diem": r"^b\) Nhiệm vụ"},
}
COMMON = {"qh": r"CỘNG HÒA XÃ HỘI", "tn": r"Độc lập - Tự do - Hạnh phúc", "number": r"Số:",
          "date": r"ngày\s+tháng", "label": r"^Nơi nhận:", "luu": r"^- Lưu:"}


@dataclass(frozen=True)
class Defect:
    """One defect: its id, the drafts it is planted in, the rule that must report it."""

    id: str
    fixtures: tuple[str, ...]
    rule: str
    plant: Callable[[Docx, Callable[[str], etree._Element]], object]


def _draft(name: str) -> bytes:
    return (FIXTURES / f"{name}.docx").read_bytes()


def _key(f: Finding) -> tuple:
    return (f.rule, f.message, f.where.excerpt, f.where.part, f.where.section, f.where.paragraph,
            str(f.found))


@cache
def _baseline(name: str) -> frozenset:
    return frozenset(_key(f) for f in check_docx(_draft(name), name=f"{name}.docx"))


def plant(defect: Defect, name: str) -> tuple[object, list[Finding], Docx]:
    """(where the defect was planted, the findings the mutant has and the draft has not)."""
    doc = Docx(_draft(name))
    anchors = {**COMMON, **ANCHORS[name]}

    def at(key: str) -> etree._Element:
        return doc.para(anchors.get(key, key))

    target = defect.plant(doc, at)
    new = [f for f in check_docx(doc.bytes(), name=f"{name}.docx")
           if _key(f) not in _baseline(name)]
    return target, new, doc


def _placed(f: Finding, target: object, doc: Docx) -> bool:
    if target == WHOLE:
        return True
    if target == SECTION:
        return f.where.part in ("section", "header")
    return f.where.paragraph == doc.index_of(target)


# 261.docx (the plan) takes ten times as long to check as the others (a 400-row appendix
# table): it carries the defects of a plan's own, and the type name.
ALL = ("011", "032", "060", "186")
TYPED = ("011", "060", "186", "261")  # drafts with a type name (not the Công văn)
# The page setup is read the same way whatever the text: two drafts, one with a header
# table and one section, one typed with tabs.
PAGE = ("011", "032")
# Body formatting: a submission, a letter typed with tabs, a plan with automatic lists.
BODY = ("011", "032", "060")
HEADED = ("011", "060", "186")  # the header in a table, each mark on its own line
CAUGHT = [
    Defect("body-size-12", ALL, "ND30-BODY-SIZE", edit("body", lambda p: set_size(p, 12))),
    Defect("body-size-15", ALL, "ND30-BODY-SIZE", edit("body", lambda p: set_size(p, 15))),
    Defect("body-font-arial", ALL, "ND30-FONT", edit("body", lambda p: set_font(p, "Arial"))),
    Defect("styles-font-arial", BODY, "ND30-FONT", default_font),
    Defect("body-red", BODY, "ND30-FONT-COLOR",
           edit("body", lambda p: set_run(p, "color", {"val": "FF0000"}))),
    Defect("margin-top-15", PAGE, "ND30-MARGINS", margin("top", 850)),
    Defect("margin-bottom-30", PAGE, "ND30-MARGINS", margin("bottom", 1701)),
    Defect("margin-left-25", PAGE, "ND30-MARGINS", margin("left", 1418)),
    Defect("margin-right-25", PAGE, "ND30-MARGINS", margin("right", 1418)),
    Defect("letter-paper", PAGE, "ND30-PAGE-SIZE", letter),
    Defect("landscape", PAGE, "ND30-PAGE-ORIENT", landscape),
    Defect("number-5", ALL, "ND30-NUMBER", lambda d, at: set_number(at, "Số: 5/")),
    Defect("number-no-colon", ALL, "ND30-NUMBER", lambda d, at: set_number(at, "Số 05/")),
    Defect("number-after-code", ALL, "ND30-NUMBER",
           lambda d, at: whole_number(at, lambda code: f"Số: {code}/05")),
    Defect("code-spaced", ALL, "ND30-NUMBER",
           lambda d, at: whole_number(at, lambda code: "Số: 15/" + code.replace("-", " - "))),
    Defect("date-day-5", ALL, "ND30-DATE-PADDING",
           lambda d, at: set_date(at, "ngày 5 tháng 3 năm 2025")),
    Defect("date-month-1", ALL, "ND30-DATE-PADDING",
           lambda d, at: set_date(at, "ngày 15 tháng 1 năm 2025")),
    Defect("date-month-03", ALL, "ND30-DATE-PADDING",
           lambda d, at: set_date(at, "ngày 15 tháng 03 năm 2025")),
    Defect("date-upright", HEADED, "ND30-DATE",
           edit("date", lambda p: no(p, "i"))),
    Defect("luu-missing", ALL, "ND30-LUU", drop_luu),
    Defect("luu-without-vt", ALL, "ND30-LUU", edit("luu", lambda p: set_text(p, "- Lưu: NC."))),
    Defect("label-upright", ALL, "ND30-NOI-NHAN", edit("label", lambda p: no(p, "i"))),
    Defect("label-not-bold", ALL, "ND30-NOI-NHAN", edit("label", lambda p: no(p, "b"))),
    Defect("label-14pt", ALL, "ND30-NOI-NHAN", edit("label", lambda p: set_size(p, 14))),
    Defect("type-not-bold", TYPED, "ND30-TYPE-NAME", edit("type", lambda p: no(p, "b"))),
    Defect("type-12pt", TYPED, "ND30-TYPE-NAME", edit("type", lambda p: set_size(p, 12))),
    Defect("summary-not-bold", TYPED, "ND30-SUMMARY", edit("summary", lambda p: no(p, "b"))),
    Defect("vv-bold", ("032",), "ND30-SUMMARY", edit("vv", lambda p: set_run(p, "b", {}))),
    Defect("qh-misspelt", ALL, "ND30-QUOC-HIEU", retext("qh", "CHỦ NGHĨA", "CHỦ NGHỈA")),
    Defect("qh-14pt", HEADED, "ND30-QUOC-HIEU",
           edit("qh", lambda p: set_size(p, 14))),
    Defect("qh-not-bold", HEADED, "ND30-QUOC-HIEU",
           edit("qh", lambda p: no(p, "b"))),
    Defect("tn-capital-phuc", HEADED, "ND30-TIEU-NGU",
           retext("tn", "Hạnh phúc", "Hạnh Phúc")),
    Defect("tn-12pt", HEADED, "ND30-TIEU-NGU",
           edit("tn", lambda p: set_size(p, 12))),
    Defect("tn-rule-missing", ALL, "ND30-TIEU-NGU-RULE", drop_rule_under("tn")),
    Defect("issuer-rule-missing", HEADED, "ND30-ISSUER-RULE",
           drop_rule_under(r"^(SỞ NỘI VỤ|TỈNH LÂM ĐỒNG)$")),
    Defect("page-number-on-page-1", ("060", "261"), "ND30-PAGE-NUMBER-FIRST",
           first_page_number),
    Defect("page-number-12pt", ("261",), "ND30-PAGE-NUMBER", page_number_size),
    Defect("muc-skipped", ("060", "261"), "ND30-HEADING-SEQ",
           edit("muc", lambda p: replace_text(p, "I.", "IV.") if text_of(p).startswith("I.")
                 else replace_text(p, "II.", "III."))),
    Defect("khoan-skipped", ("060",), "ND30-HEADING-SEQ", retext("khoan", "2.", "3.")),
    Defect("diem-skipped", ("060", "261"), "ND30-HEADING-SEQ", retext("diem", "b)", "c)")),
    Defect("dieu-skipped", ("186",), "ND30-ARTICLE", retext("article", "Điều 2", "Điều 3")),
    Defect("signer-not-bold", ("011", "032", "060", "186"), "ND30-SIGN-BLOCK",
           edit("signer", lambda p: no(p, "b"))),
    Defect("authority-not-bold", ("011", "060", "186"), "ND30-SIGN-BLOCK",
           edit("authority", lambda p: no(p, "b"))),
    Defect("line-spacing-0.8", BODY, "ND30-BODY-LINE-SPACING",
           spacing("body", before="120", after="0", line="192", lineRule="auto")),
    Defect("line-spacing-exact-12pt", BODY, "ND30-BODY-LINE-SPACING",
           spacing("body", before="120", after="0", line="240", lineRule="exact")),
    Defect("line-spacing-double", BODY, "ND30-BODY-LINE-SPACING",
           spacing("body", before="120", after="0", line="480", lineRule="auto")),
    Defect("body-left-aligned", BODY, "ND30-BODY-ALIGN",
           edit("body", lambda p: set_para(p, "jc", {"val": "left"}))),
    Defect("body-no-indent", ALL, "ND30-BODY-INDENT", indent("body", "0")),
    Defect("body-indent-2cm", BODY, "ND30-BODY-INDENT", indent("body", "1134")),
    Defect("can-cu-upright", ("186",), "ND30-CAN-CU", edit("can_cu", lambda p: no(p, "i"))),
    Defect("decides-not-bold", ("186",), "ND30-QD-FRAME", edit("decides", lambda p: no(p, "b"))),
    Defect("muc-heading-not-bold", ("060", "261"), "ND30-HEADING-STYLE",
           edit("muc", lambda p: no(p, "b"))),
    Defect("number-015", ALL, "ND30-NUMBER", lambda d, at: set_number(at, "Số: 015/")),
    Defect("number-bold", HEADED, "ND30-NUMBER",
           edit("number", lambda p: set_run(p, "b", {}))),
    Defect("number-of-another-type", TYPED, "ND30-NUMBER-TYPE",
           lambda d, at: set_code(at, "CT-UBND")),
    Defect("date-bold", HEADED, "ND30-DATE",
           edit("date", lambda p: set_run(p, "b", {}))),
    Defect("one-run-12pt", BODY, "ND30-BODY-SIZE",
           edit("body", lambda p: one_run(p, "sz", "24"))),
    Defect("style-12pt", BODY, "ND30-BODY-SIZE", style_12pt),
    Defect("label-centred", HEADED, "ND30-NOI-NHAN",
           edit("label", lambda p: set_para(p, "jc", {"val": "center"}))),
    Defect("luu-first", HEADED, "ND30-LUU",
           lambda d, at: luu_first(at)),
    Defect("page-number-left", ("261",), "ND30-PAGE-NUMBER", page_number_left),
    Defect("tracked-insertion-arial", BODY, "ND30-FONT", edit("body", tracked)),
]


def _cases(defects: list[Defect]) -> list:
    return [pytest.param(d, name, id=f"{d.id}-{name}") for d in defects for name in d.fixtures]


def test_the_drafts_read_back_in_the_order_the_mutations_count():
    for name in ALL:
        doc = Docx(_draft(name))
        facts = read_docx(_draft(name))
        assert ["".join(text_of(p).split()) for p in doc.read_order()] == \
            ["".join(p.text.split()) for p in facts.paragraphs]


def test_the_reader_names_the_format_of_each_automatic_list():
    # 261.docx: "Cải cách thể chế" is an automatic "1." (numId 39), the items under "1. Công tác
    # triển khai" automatic "a)" (numId 2).
    formats = read_docx(_draft("261")).list_formats
    assert (formats[("39", 0)], formats[("2", 0)], formats[("2", 2)]) == (
        "decimal", "lowerLetter", "lowerRoman")


@pytest.mark.parametrize(("defect", "name"), _cases(CAUGHT))
def test_a_planted_defect_is_reported_where_it_was_planted(defect, name):
    target, new, doc = plant(defect, name)
    assert any(f.rule == defect.rule and _placed(f, target, doc) for f in new), \
        [f.text(name) for f in new]


# --- defects the checker missed before this module (each fixed in src/vanban/check) ----------

MISSED = [
    # Phụ lục I, II.6.a: each basis ends with ";", the last with ".".
    Defect("can-cu-comma", ("186",), "ND30-CAN-CU", last_char("can_cu", ",")),
    Defect("can-cu-last-semicolon", ("186",), "ND30-CAN-CU",
           last_char(r"^Theo đề nghị của", ";")),
    # ô 7a: the authority and position lines are upper case; typed in ordinary case they were
    # taken for no signature line at all.
    Defect("authority-title-case", ("011", "060", "186"), "ND30-SIGN-BLOCK",
           edit("authority", title_case)),
    Defect("position-title-case", ("011", "060"), "ND30-SIGN-BLOCK",
           edit(r"^PHÓ (GIÁM ĐỐC|CHỦ TỊCH)$", title_case)),
    # ô 7b: the signer's name is in ordinary case; in capitals it was taken for a position and
    # the name said to be missing, about the whole document.
    Defect("signer-in-capitals", ("011", "032", "060", "186"), "ND30-SIGN-BLOCK",
           edit("signer", upper)),
    # ô 2: the superior body is upright, not bold; set bold like the issuing body under it,
    # the two were read as one name on two lines.
    Defect("superior-bold", ("011",), "ND30-ISSUER",
           edit("superior", lambda p: set_run(p, "b", {}))),
    # ô 5a: the summary is in ordinary case; typed in capitals nothing was said.
    Defect("summary-in-capitals", TYPED, "ND30-SUMMARY", edit("summary", upper)),
    # ô 5a: the type name is in capitals; typed "Kế hoạch" it was not found at all (the body
    # rules then judged the header lines under it).
    Defect("type-name-ordinary-case", TYPED, "ND30-TYPE-NAME", edit("type", lower_type)),
    # Phụ lục I, II.6.đ: khoản numbers follow on; after an automatic "a)" list (Word draws the
    # letters) the typed khoản count was dropped, so a skipped number went unseen.
    Defect("khoan-skipped-after-a-list", ("261",), "ND30-HEADING-SEQ",
           retext("khoan_after_list", "2.", "3.")),
    # ô 4: a place typed in lower case, or the date in figures, was no date line at all: the
    # finding said the date was missing, about the whole document, not at the line.
    Defect("date-place-lower-case", ALL, "ND30-DATE",
           lambda d, at: set_place_date(at, "lâm đồng, ngày 15 tháng 3 năm 2025")),
    Defect("date-in-figures", ALL, "ND30-DATE",
           lambda d, at: set_place_date(at, "Lâm Đồng, ngày 15/3/2025")),
    # ô 9a: "Kính gửi" belongs to a Công văn, and a Tờ trình or Báo cáo sent up; in a plan or a
    # decision nothing was said.
    Defect("kinh-gui-in-a-plan", ("261",), "ND30-KINH-GUI",
           kinh_gui_before(r"^Căn cứ Nghị quyết")),
    Defect("kinh-gui-in-a-decision", ("186",), "ND30-KINH-GUI",
           kinh_gui_before(r"^CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")),
    # Phụ lục I, II.6.đ: điểm are "a)", "b)"; an "a." was not seen, and the "b)" after it was
    # reported out of order instead.
    Defect("diem-with-a-full-stop", ("060",), "ND30-HEADING-SEQ",
           retext(r"^a\) Tổng số hội", "a)", "a.")),
    # A draft whose only signature line is the position, typed in ordinary case: the line was
    # taken for the signer's name.
    Defect("lone-position-ordinary-case", ("261",), "ND30-SIGN-BLOCK",
           edit(r"^CHỦ TỊCH$", title_case)),
    # ô 5b: a Công văn's summary opens with "V/v"; spelled "Về việc" it was not found, and the
    # finding said the summary was missing, about the whole document.
    Defect("vv-spelled-out", ("032",), "ND30-VV", retext("vv", "V/v", "Về việc")),
    # ô 5a: a type name with a mark wrong, or a colon after it, named no type: the document was
    # said to be no administrative document and went unchecked.
    Defect("type-name-misspelt", TYPED, "ND30-TYPE-NAME", edit("type", misspell)),
    Defect("type-name-with-colon", ("011", "060", "261"), "ND30-TYPE-NAME",
           edit("type", lambda p: replace_text(p, text_of(p).strip(), text_of(p).strip() + ":"))),
    # A mark typed wrong in a line the locator looks for by its words ("Độc lâp", "Sô:",
    # "thang", "Nơi nhân") made the line missing, said about the whole document (the motto of
    # 032.docx, typed with tabs, left it unchecked altogether); it is reported at the line.
    Defect("tn-misspelt", ALL, "ND30-TIEU-NGU", retext("tn", "Độc lập", "Độc lâp")),
    Defect("number-misspelt", ALL, "ND30-NUMBER", retext("number", "Số:", "Sô:")),
    Defect("date-misspelt", ALL, "ND30-DATE", retext("date", "tháng", "thang")),
    Defect("label-misspelt", ALL, "ND30-NOI-NHAN", retext("label", "Nơi nhận", "Nơi nhân")),
    Defect("decides-misspelt", ("186",), "ND30-QD-FRAME", retext("decides", "QUYẾT", "QUYÊT")),
    Defect("kinh-gui-misspelt", ("011",), "ND30-KINH-GUI",
           retext(r"^Kính gửi:", "Kính gửi", "Kinh gửi")),
    # ô 4: a day the calendar has not; only days over 31 and months over 12 were seen.
    Defect("date-30-february", HEADED, "ND30-DATE",
           lambda d, at: set_date(at, "ngày 30 tháng 02 năm 2025")),
    # ô 9a, Mẫu 1.5: a Công văn without its "Kính gửi:" line went unremarked (a warning).
    Defect("letter-without-kinh-gui", ("032",), "ND30-KINH-GUI", drop_kinh_gui),
    # ô 7b: no academic title before the signer's name (save the sectors that allow one).
    Defect("signer-with-a-degree", ("011", "060", "186"), "ND30-SIGN-BLOCK",
           edit("signer", lambda p: replace_text(p, text_of(p).strip(),
                                                  "TS. " + text_of(p).strip()))),
]


def test_a_misspelt_type_name_leaves_the_rest_of_the_document_checked():
    # 186.docx ends its Nơi nhận with "- Lưu: VT, NC.Châu" (no full stop): still said.
    defect = next(d for d in MISSED if d.id == "type-name-misspelt")
    doc = Docx(_draft("186"))
    defect.plant(doc, lambda key: doc.para(ANCHORS["186"].get(key, key)))
    assert {f.rule for f in check_docx(doc.bytes())} == {"ND30-TYPE-NAME", "ND30-LUU"}


def test_marks_are_read_on_bare_letters_only_in_a_line_as_short_as_the_mark():
    # A sentence of a letter's body holding "độc lập" and "từ đó" (bare: "tu do") is no motto.
    assert [_kind(t) for t in (
        "Độc lâp - Tư do - Hạnh phúc", "Sô:     /UBND-NC", "CỘNG HOÀ XÃ HÔI CHỦ NGHIÃ VIỆT NAM",
        "Các hội hoạt động độc lập, tự chủ; từ đó nâng cao chất lượng hoạt động của hội.",
    )] == ["tn", "number", "qh", None]


def test_the_noi_nhan_label_is_read_on_bare_letters_only_as_a_short_line():
    assert [is_label(t) for t in ("Nơi nhận:", "Nơi nhân:", "Nơi nhận: - Như trên;",
                                  "Nơi nhân dân sinh sống được bảo đảm an ninh.",
                                  "Nơi nhân dân sinh sống")] == [True, True, True, False, False]


@pytest.mark.parametrize("text", ["Kế hoạch", "KẾ HOẠCH:"])
def test_a_centred_bold_heading_named_like_a_type_in_a_letter_is_no_type_name(text):
    # A heading in the body of a Công văn, far below its header: only a type name typed right
    # is taken for one there (as it always was).
    doc = Docx(_draft("032"))
    body = doc.para(ANCHORS["032"]["body"])
    heading = etree.fromstring(etree.tostring(body))
    set_text(heading, text)
    set_run(heading, "b", {})
    set_para(heading, "jc", {"val": "center"})
    body.addnext(heading)
    found = {f.rule for f in check_docx(doc.bytes())}
    assert not found & {"ND30-TYPE-NAME", "ND30-VV", "ND30-FRAME"}, found


def test_a_kinh_gui_out_of_place_is_said_once():
    # The Nơi nhận of a plan does not then have to open with "- Như trên;" as well.
    defect = next(d for d in MISSED if d.id == "kinh-gui-in-a-plan")
    _target, new, _doc = plant(defect, "261")
    assert [f.rule for f in new if f.rule in ("ND30-KINH-GUI", "ND30-NOI-NHAN")] == [
        "ND30-KINH-GUI"]


@pytest.mark.parametrize(("defect", "name"), _cases(MISSED))
def test_a_defect_missed_before_is_reported_where_it_was_planted(defect, name):
    target, new, doc = plant(defect, name)
    assert any(f.rule == defect.rule and _placed(f, target, doc) for f in new), \
        [f.text(name) for f in new]
