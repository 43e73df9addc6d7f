"""``--pdf`` rules against LibreOffice's rendering of the corpus (skipped without LibreOffice)."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from check_corpus_loader import build_module as corpus

from vanban.check.api import check_files
from vanban.check.finding import RULES

pytestmark = [pytest.mark.pdf,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")]

PDF_CASES = {  # variant id → the PDF rule that catches it instead of the DOCX estimate
    "tieu-ngu-rule-twice": "ND30-PDF-RULES",
    "issuer-rule-too-long": "ND30-PDF-RULES",
}
# A rule's length measured on the page replaces the DOCX's estimate of it (said once).
ESTIMATES = {"ND30-ISSUER-RULE", "ND30-TIEU-NGU-RULE", "ND30-SUMMARY-RULE"}
# Caught by the DOCX rule only: the PDF rule leaves a mistake the DOCX settings show to it, so a
# clerk reads each mistake once.
ONCE = ("left-margin-25", "page-number-on-page-1", "page-number-footer",
        "typed-two-pages-no-page-number")


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("corpus")
    cases = [c for c in corpus.CONFORMANT + corpus.VARIANTS + corpus.PDF_VARIANTS
             if c not in corpus.VARIANTS or c.id in PDF_CASES or c.id in ONCE]
    paths = []
    for case in cases:
        path = folder / f"{case.id}.docx"
        path.write_bytes(corpus.build(**case.knobs))
        paths.append(path)
    extra = []
    for name, make in (("two-sections", _two_sections), ("appendix-mentioned", _mentioned),
                       ("issues-a-plan", _issues_a_plan),
                       ("body-table", _body_table), ("summary-two-paragraphs", _summary_two)):
        extra.append(folder / f"{name}.docx")
        extra[-1].write_bytes(make())
    return check_files([*paths, *extra], pdf=True)


def _patterns():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))
    import real_patterns

    return real_patterns


def _summary_two() -> bytes:
    """223.docx: a trích yếu typed on two paragraphs, a long line then a short one, with a
    60 mm rule: 0,42 of its longest line (right), 0,88 of its last line."""
    rp = _patterns()
    side = round((165 - 60) / 2 * 1440 / 25.4)  # a 60 mm top border centred in 165 mm
    rule = rp.c(extra=f'<w:ind w:left="{side}" w:right="{side}"/><w:pBdr><w:top '
                      'w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>')
    title = (rp.c("QUYẾT ĐỊNH", b=True)
             + rp.c("Phê duyệt danh sách tuyến, địa bàn trọng điểm phức tạp về", b=True)
             + rp.c("ma túy, địa bàn không ma túy năm 2025", b=True) + rule)
    return rp.document(rp.header() + title + rp.p("Điều 1. Phê duyệt danh sách.", b=True)
                       + rp.END + rp.signature())


def _issues_a_plan() -> bytes:
    """A Quyết định and the plan it issues in one DOCX (Mẫu 1.3): the plan starts on a new
    page in its own section with the same header lines as page 1, numbered from 1 like an
    appendix, its first page showing no number."""
    rp = _patterns()
    return rp.document(rp.quyet_dinh() + rp.section_break() + rp.attached(),
                       last_section='<w:pgNumType w:start="1"/>')


def _body_table() -> bytes:
    """A plan whose body holds a bordered table: the line above its bottom border is the
    row "2", a piece of the summary "… năm 2026" but not the summary."""
    rp = _patterns()
    single = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    rows = "".join(f"<w:tr>{rp.cell(15, rp.c(n))}{rp.cell(150, rp.p(text, first=0))}</w:tr>"
                   for n, text in (("STT", "Nội dung"), ("1", "Rà soát văn bản"),
                                   ("2", "Tập huấn nghiệp vụ")))
    grid = '<w:gridCol w:w="850"/><w:gridCol w:w="8504"/>'
    bordered = (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{single}'
                f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>')
    return rp.document(rp.header() + rp.title() + rp.p("I. NHIỆM VỤ", b=True) + bordered
                       + rp.END + rp.signature())


def _two_sections(*, mention: bool = False) -> bytes:
    """A two-page plan, then a two-page appendix in its own section numbered from 1 (a real
    layout: pages of the appendix belong to its section, its first page shows no number). One
    paragraph on page 2 is set in 12 pt, so a DOCX finding has a page to name."""
    rp = _patterns()
    END, c, document, header, p = rp.END, rp.c, rp.document, rp.header, rp.p
    section_break, signature, title = rp.section_break, rp.signature, rp.title

    filler = "".join(p(f"{k}. Nhiệm vụ thứ {k} của các cơ quan, đơn vị trên địa bàn tỉnh trong "
                       "năm 2026 theo kế hoạch đã ban hành và các văn bản có liên quan.")
                     for k in range(1, 19))
    small = p("Các cơ quan báo cáo kết quả thực hiện trước ngày 15 tháng 12 năm 2026.",
              sz=14 if mention else 12)  # (with mention: the label is the first finding)
    rows = "".join(p(f"- Nội dung thứ {k} của phụ lục, thực hiện trong năm 2026 theo phân công "
                     "của Ủy ban nhân dân tỉnh.") for k in range(1, 30))
    appendix = (c("Phụ lục", b=True) + c("DANH MỤC NHIỆM VỤ", b=True)
                + c("(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND tỉnh)", i=True)
                + rows)
    named = p("Phụ lục kèm theo Kế hoạch này liệt kê các nhiệm vụ cụ thể.") if mention else ""
    return document(header() + title() + p("I. NHIỆM VỤ", b=True) + named + filler + small
                    + END + signature() + section_break() + appendix,
                    last_section="" if mention else '<w:pgNumType w:start="1"/>')


def _mentioned() -> bytes:
    """The two-section plan whose page 1 names its appendix in a sentence ("… tại Phụ lục kèm
    theo"), and whose appendix continues the page numbering (warned at its label, page 3)."""
    return _two_sections(mention=True)


@pytest.fixture(scope="module")
def results(checked) -> dict[str, set[str]]:
    return {Path(p).stem: {f.rule for f in fs} for p, fs in checked.items()}


def test_pdf_findings_in_english_say_nothing_in_vietnamese(checked):
    from test_check_language import DECIMAL_COMMA, VIETNAMESE_WORDS

    texts = [t for fs in checked.values() for f in fs if RULES[f.rule].needs_pdf
             for t in f.pick("en")]
    assert texts
    assert [t for t in texts if DECIMAL_COMMA.search(t) or
            any(re.search(rf"(?<!\w){w}(?!\w)", t) for w in VIETNAMESE_WORDS)] == []


@pytest.mark.parametrize("case", corpus.CONFORMANT, ids=lambda c: c.id)
def test_conformant_documents_pass_with_pdf(results, case):
    assert results[case.id] == set()


@pytest.mark.parametrize("variant, pdf_rule", sorted(PDF_CASES.items()))
def test_variant_caught_by_the_pdf_rule_once(results, variant, pdf_rule):
    case = next(c for c in corpus.VARIANTS if c.id == variant)
    assert set(case.rules) & ESTIMATES  # without the PDF, the DOCX's estimate says it
    assert results[variant] == (set(case.rules) - ESTIMATES) | {pdf_rule}
    assert RULES[pdf_rule].needs_pdf


@pytest.mark.parametrize("variant", ONCE)
def test_mistake_the_docx_shows_is_reported_once(results, variant):
    case = next(c for c in corpus.VARIANTS if c.id == variant)
    assert results[variant] == set(case.rules)


@pytest.mark.parametrize("case", corpus.PDF_VARIANTS, ids=lambda c: c.id)
def test_pdf_only_variant_caught_by_its_pdf_rule(results, case):
    assert results[case.id] == set(case.rules)


def test_missing_page_number_on_a_two_page_document_is_an_error(checked):
    findings = next(fs for p, fs in checked.items()
                    if Path(p).stem == "typed-two-pages-no-page-number")
    assert [(f.rule, f.severity.value) for f in findings] == [("ND30-PAGE-NUMBER", "error")]


def test_each_page_is_measured_against_its_own_section(checked):
    findings = next(fs for p, fs in checked.items() if Path(p).stem == "two-sections")
    # Before: pages of the appendix were judged by the plan's settings and every page's
    # findings repeated; its title page (no number, "different first page") was an error.
    assert [f.text() for f in findings if RULES[f.rule].needs_pdf] == []
    (small,) = [f for f in findings if f.rule == "ND30-BODY-SIZE"]
    assert small.where.page == 2 and small.text().startswith("trang 2, đoạn ")


@pytest.mark.parametrize("name", ["issues-a-plan", "body-table"])
def test_real_layouts_pass_with_pdf(checked, name):
    """issues-a-plan: the plan's section was placed on page 1 (its header lines are page 1's),
    so its unnumbered first page was "no page number". body-table: the table's border under
    the row "2" was read as the rule under the summary "… năm 2026"."""
    findings = next(fs for p, fs in checked.items() if Path(p).stem == name)
    assert [f.text() for f in findings] == []


def test_a_summary_on_two_paragraphs_is_measured_against_its_longest_line(checked):
    # The DOCX rule measured the 60 mm rule against the longest line (0,42: right), the PDF
    # rule against the last paragraph only (0,88: "too long"); a clerk got both answers.
    found = [f for name, fs in checked.items() if name.endswith("summary-two-paragraphs.docx")
             for f in fs if f.rule in ("ND30-PDF-RULES", "ND30-SUMMARY-RULE")]
    assert [f for f in found if "trích yếu" in f.message] == []


def test_text_in_the_margin_is_quoted(checked):
    # A clerk could not tell which text ran into the margin ("trang 1: Chữ lấn vào lề …"): the
    # line nearest the edge is quoted.
    (finding,) = [f for p, fs in checked.items() if Path(p).stem == "text-in-left-margin"
                  for f in fs if f.rule == "ND30-PDF-MARGINS"]
    assert finding.where.excerpt.startswith("Nâng cao chất lượng phục vụ"), finding.where


def test_a_finding_is_on_the_page_of_its_paragraph_not_of_its_first_words(checked):
    # 271.docx: «Phụ lục I» was put on page 1, where a sentence names it; the paragraphs are
    # placed in order, each at the start of a line: the label is on page 3.
    findings = next(fs for p, fs in checked.items() if Path(p).stem == "appendix-mentioned")
    (label,) = [f for f in findings if f.rule == "ND30-APPENDIX"]
    assert label.where.excerpt == "Phụ lục" and label.where.page == 3, label.text()
