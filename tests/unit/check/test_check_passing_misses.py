"""Defects found in corpus drafts the checker passed (../shared/corpus/real-docx): each test
plants the defect, as the real draft has it, into a real draft of tests/fixtures/real-docx and
asserts the rule reports it there, and that the clean draft and its accepted variants stay
silent. A rule no corpus draft breaks yet is tried on the rebuilt frame of tests/check_corpus."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest
from docx_mutate import Docx, W, remove, set_text, text_of

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))

from real_patterns import END, c, document, header, p, section_break, signature, title

from vanban.check.api import check_docx

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "real-docx"
QD = "186"  # a Quyết định of UBND tỉnh Lâm Đồng: three bases, then "Theo đề nghị của …"
NQ = r"^Căn cứ Nghị quyết số 202/2025/QH15"
ND = r"^Căn cứ Nghị định số 126/2024/NĐ-CP"


def _found(data: bytes, rule: str) -> list[tuple[int | None, str]]:
    return [(f.where.paragraph, f.found) for f in check_docx(data, name="x.docx")
            if f.rule == rule]


def _joined(second: str | None = None) -> tuple[bytes, int]:
    """186.docx with its third basis typed on the line of the second (as 271.docx has two
    decisions of the Chủ tịch on one line), or ``second`` put there instead."""
    doc = Docx((FIXTURES / f"{QD}.docx").read_bytes())
    nq, nd = doc.para(NQ), doc.para(ND)
    tail = second or text_of(nd).strip().removeprefix("Căn cứ ")
    set_text(nq, text_of(nq).strip() + " " + tail)
    remove(nd)
    return doc.bytes(), doc.index_of(nq)


def test_two_bases_on_one_line_are_reported_at_that_line():
    data, at = _joined()
    assert _found(data, "ND30-CAN-CU-LINE") == [
        (at, "2 căn cứ trên một dòng: «…; Nghị định số 126/2024/NĐ-CP ngày 08 …»")]


def test_a_clean_decision_and_an_amendment_on_the_line_it_amends_are_not_findings():
    clean = (FIXTURES / f"{QD}.docx").read_bytes()
    assert _found(clean, "ND30-CAN-CU-LINE") == []
    # "Nghị định …; Nghị định … sửa đổi, bổ sung …" (209.docx and ten other decisions).
    data, _ = _joined("Nghị định số 136/2024/NĐ-CP ngày 23 tháng 10 năm 2024 của Chính phủ sửa "
                      "đổi, bổ sung một số điều của Nghị định số 93/2019/NĐ-CP;")
    assert _found(data, "ND30-CAN-CU-LINE") == []


# --- ND30-PART-LABEL: "Chương I" in ordinary case, its title in capitals ----------------------
CHARTER = "231"  # a charter (Điều lệ) issued with a decision: seven chapters typed "CHƯƠNG I" …


def _charter(fix_labels: bool, title: str | None = None) -> tuple[bytes, int]:
    """231.docx as typed, or with its labels written "Chương …" as the decree has them, and
    the first chapter's title replaced by ``title``; with the first label's paragraph index."""
    doc = Docx((FIXTURES / f"{CHARTER}.docx").read_bytes())
    labels = [p for p in doc.paragraphs() if text_of(p).strip().startswith("CHƯƠNG ")]
    if fix_labels:
        for p in labels:
            set_text(p, text_of(p).replace("CHƯƠNG", "Chương", 1))
    if title is not None:
        set_text(doc.para(r"^QUY ĐỊNH CHUNG$"), title)
    return doc.bytes(), doc.index_of(labels[0])


def test_chapter_labels_typed_in_capitals_are_one_finding_counting_them():
    data, at = _charter(fix_labels=False)
    assert _found(data, "ND30-PART-LABEL") == [(at, "«CHƯƠNG I»: chữ in hoa (và 6 đoạn khác)")]


def test_chapter_labels_in_ordinary_case_pass_and_a_lower_case_title_is_reported():
    data, _ = _charter(fix_labels=True)
    assert _found(data, "ND30-PART-LABEL") == []
    data, at = _charter(fix_labels=True, title="Quy định chung")
    assert _found(data, "ND30-PART-LABEL") == [(at, "«Chương I»: tiêu đề chữ thường")]


# --- ND30-SIGN-DEPUTY: a deputy signing for a collective signs for its head too ---------------
REPORT = "060"  # a Báo cáo of UBND tỉnh signed "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"


def _signed(*lines: str) -> tuple[bytes, int]:
    """060.docx with the lines above "PHÓ CHỦ TỊCH" (or the title itself, last) replaced by
    ``lines``; with the index of the deputy's title line."""
    doc = Docx((FIXTURES / f"{REPORT}.docx").read_bytes())
    top, title = doc.para(r"^KT\. CHỦ TỊCH$"), doc.para(r"^PHÓ CHỦ TỊCH$")
    *above, last = lines
    set_text(top, above[0])
    for text in reversed(above[1:]):
        extra = copy.deepcopy(top)
        set_text(extra, text)
        top.addnext(extra)
    set_text(title, last)
    return doc.bytes(), doc.index_of(title)


@pytest.mark.parametrize("top, title, want", [
    ("TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH"),  # Điều 13.2 (015.docx)
    ("TL. CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG"),  # Điều 13.4
], ids=["tm", "tl"])
def test_a_deputy_straight_under_tm_or_tl_is_reported_with_the_missing_kt_line(top, title, want):
    data, at = _signed(top, title)
    (f,) = [f for f in check_docx(data, name="x.docx") if f.rule == "ND30-SIGN-DEPUTY"]
    assert (f.where.paragraph, f.found, f.expected) == (
        at, f"«{top}» / «{title}»", f"«{top}» / «{want}» / «{title}»")
    assert f.message == (f"Cấp phó không ký thẳng dưới dòng «{top}» mà ký thay người đứng "
                         f"đầu: thêm dòng «{want}» giữa «{top}» và «{title}».")


@pytest.mark.parametrize("lines", [
    ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
    ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
], ids=["deputy-for-head", "head-for-collective", "deputy-for-collective-and-head",
        "unit-head-by-order", "deputy-by-order"])
def test_the_forms_of_dieu_13_are_not_findings(lines):
    data, _ = _signed(*lines)
    assert _found(data, "ND30-SIGN-DEPUTY") == []


def _decision_with_charter(label: str) -> tuple[bytes, int]:
    """186.docx with a charter typed after its signature, as 250.docx has it: ``label``, then
    "QUY ĐỊNH CHUNG", both centred and bold (copies of the "QUYẾT ĐỊNH:" line)."""
    doc = Docx((FIXTURES / f"{QD}.docx").read_bytes())
    model = doc.para(r"^QUYẾT ĐỊNH:$")
    body = doc.part().find(f"{{{W}}}body")
    added = []
    for text in (label, "QUY ĐỊNH CHUNG"):
        para = copy.deepcopy(model)
        set_text(para, text)
        body[-1].addprevious(para)  # before the final w:sectPr
        added.append(para)
    return doc.bytes(), doc.index_of(added[0])


def test_a_charter_typed_after_the_decisions_signature_is_read_too():
    data, at = _decision_with_charter("CHƯƠNG I")
    assert _found(data, "ND30-PART-LABEL") == [(at, "«CHƯƠNG I»: chữ in hoa")]
    data, _ = _decision_with_charter("Chương I")
    assert _found(data, "ND30-PART-LABEL") == []


# --- ND30-APPENDIX-NUMBER: two appendices or more are numbered I, II … ------------------------
def _two_appendices(first: str, second: str) -> bytes:
    """The rebuilt frame of tests/check_corpus with two appendices, each in its own section
    numbered from 1, labelled ``first`` and ``second``."""
    def appendix(label: str, name: str) -> str:
        return (c(label, b=True) + c(name, b=True)
                + c("(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND tỉnh)", i=True))

    body = p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + p("1. Mục đích", b=True) + \
        p("a) Phân công theo Phụ lục I và Phụ lục II kèm theo.") + END
    return document(header() + title() + body + signature() + section_break(restart=True)
                    + appendix(first, "DANH MỤC NHIỆM VỤ") + section_break(restart=True)
                    + appendix(second, "DANH MỤC CHỈ TIÊU"),
                    last_section='<w:pgNumType w:start="1"/>')


def test_appendices_numbered_in_arabic_numerals_are_reported_once():
    data = _two_appendices("Phụ lục 1", "Phụ lục 2")
    found = [(f.expected, f.found) for f in check_docx(data, name="x.docx")
             if f.rule == "ND30-APPENDIX-NUMBER"]
    assert found == [("Phụ lục I, Phụ lục II", "Phụ lục 1, Phụ lục 2")]


def test_appendices_numbered_i_ii_are_clean():
    assert [f.text() for f in check_docx(_two_appendices("Phụ lục I", "Phụ lục II"),
                                         name="x.docx")] == []


# --- ND30-QD-SIGNER: "TM." only under a decision the collective issues ------------------------
def _decision_signed(authority_line: str | None, collective: str) -> tuple[bytes, int]:
    """186.docx (a decision of the CHỦ TỊCH, signed "CHỦ TỊCH") signed "``collective``" /
    "CHỦ TỊCH" instead, as 223.docx is, its authority line replaced by ``authority_line``;
    with the index of the collective's line."""
    doc = Docx((FIXTURES / f"{QD}.docx").read_bytes())
    if authority_line is not None:
        set_text(doc.para(r"^CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG$"), authority_line)
    title = doc.para(r"^CHỦ TỊCH$")
    top = copy.deepcopy(title)
    set_text(top, collective)
    title.addprevious(top)
    return doc.bytes(), doc.index_of(top)


def test_a_decision_of_the_chairman_signed_for_the_collective_is_reported():
    data, at = _decision_signed(None, "TM. ỦY BAN NHÂN DÂN")
    assert _found(data, "ND30-QD-SIGNER") == [(at, "TM. ỦY BAN NHÂN DÂN")]


@pytest.mark.parametrize("authority_line, collective", [
    ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "TM. ỦY BAN NHÂN DÂN"),  # 224.docx, 062.docx
    ("UỶ BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "TM. ỦY BAN NHÂN DÂN"),  # the old tone placement
    # any word's old placement, not only "UỶ": "HOÁ" is "HÓA"
    ("ỦY BAN NHÂN DÂN TỈNH THANH HOÁ", "TM. ỦY BAN NHÂN DÂN TỈNH THANH HÓA"),
], ids=["collective", "old-tone-placement", "old-tone-placement-of-a-place"])
def test_a_decision_of_the_collective_signed_for_it_is_clean(authority_line, collective):
    assert _found((FIXTURES / f"{QD}.docx").read_bytes(), "ND30-QD-SIGNER") == []
    data, _ = _decision_signed(authority_line, collective)
    assert _found(data, "ND30-QD-SIGNER") == []
