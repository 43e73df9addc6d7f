"""``--pdf`` rules against LibreOffice's rendering of the corpus (skipped without LibreOffice)."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from check_corpus_loader import build_module as corpus

from vanban.check import RULES, check_files

pytestmark = [pytest.mark.pdf,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")]

PDF_CASES = {  # variant id → the PDF rule that must also catch it
    "tieu-ngu-rule-twice": "ND30-PDF-RULES",
    "issuer-rule-too-long": "ND30-PDF-RULES",
}
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
    two = folder / "two-sections.docx"
    two.write_bytes(_two_sections())
    return check_files([*paths, two], pdf=True)


def _two_sections() -> bytes:
    """A two-page plan, then a two-page appendix in its own section numbered from 1 (a real
    layout: pages of the appendix belong to its section, its first page shows no number). One
    paragraph on page 2 is set in 12 pt, so a DOCX finding has a page to name."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))
    from real_patterns import END, c, document, header, p, section_break, signature, title

    filler = "".join(p(f"{k}. Nhiệm vụ thứ {k} của các cơ quan, đơn vị trên địa bàn tỉnh trong "
                       "năm 2026 theo kế hoạch đã ban hành và các văn bản có liên quan.")
                     for k in range(1, 19))
    small = p("Các cơ quan báo cáo kết quả thực hiện trước ngày 15 tháng 12 năm 2026.", sz=12)
    rows = "".join(p(f"- Nội dung thứ {k} của phụ lục, thực hiện trong năm 2026 theo phân công "
                     "của Ủy ban nhân dân tỉnh.") for k in range(1, 30))
    appendix = (c("Phụ lục", b=True) + c("DANH MỤC NHIỆM VỤ", b=True)
                + c("(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND tỉnh)", i=True)
                + rows)
    return document(header() + title() + p("I. NHIỆM VỤ", b=True) + filler + small + END
                    + signature() + section_break() + appendix,
                    last_section='<w:pgNumType w:start="1"/>')


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
def test_variant_caught_by_docx_and_pdf_rule(results, variant, pdf_rule):
    case = next(c for c in corpus.VARIANTS if c.id == variant)
    assert results[variant] == set(case.rules) | {pdf_rule}
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
