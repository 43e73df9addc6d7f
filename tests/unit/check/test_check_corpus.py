"""Each corpus document triggers exactly the rules it was broken for; clean ones trigger none."""

from __future__ import annotations

from functools import cache

import pytest
from check_corpus_loader import build_module as corpus

from vanban.check.api import check_docx
from vanban.check.finding import RULES


@cache
def _findings(case_id: str):
    case = next(c for c in corpus.CONFORMANT + corpus.VARIANTS + corpus.PDF_VARIANTS
                if c.id == case_id)
    return tuple(check_docx(corpus.build(**case.knobs), name=f"{case.id}.docx"))


@pytest.mark.parametrize("case", corpus.CONFORMANT, ids=lambda c: c.id)
def test_conformant_documents_have_no_findings(case):
    assert [f.text() for f in _findings(case.id)] == []


@pytest.mark.parametrize("case", corpus.VARIANTS, ids=lambda c: c.id)
def test_broken_variant_is_caught_by_its_rule_only(case):
    found = {f.rule for f in _findings(case.id)}
    assert found == set(case.rules), [f.text() for f in _findings(case.id)]


@pytest.mark.parametrize("case", corpus.PDF_VARIANTS, ids=lambda c: c.id)
def test_pdf_only_variant_has_no_docx_findings(case):
    assert [f.text() for f in _findings(case.id)] == []


def test_every_variant_names_a_registered_rule():
    named = {r for c in corpus.VARIANTS + corpus.PDF_VARIANTS for r in c.rules}
    assert named <= set(RULES)
    assert all(RULES[r].needs_pdf for c in corpus.PDF_VARIANTS for r in c.rules)


# --- The document a clerk types in Word (Normal style TNR 14, eastAsia/cs unset, one page) -------
TYPED = corpus.TYPED


def _rules(**knobs) -> list[str]:
    return [f.rule for f in check_docx(corpus.build(**{**TYPED, **knobs}))]


def test_unset_east_asia_and_cs_slots_are_not_findings():
    assert _rules() == []


def test_font_slots_is_one_finding_per_document_naming_only_the_slots_set():
    findings = [f for f in check_docx(corpus.build(**{**TYPED, "east_asia_run": True,
                                                      "cs_run": True}))
                if f.rule == "ND30-FONT-SLOTS"]
    assert len(findings) == 1
    f = findings[0]
    assert f.severity.value == "warning"
    assert "eastAsia, cs" in f.message
    assert f.found == "eastAsia: SimSun; cs: Arial, chữ «ảđệử» (2 run)"
    assert f.found_en == "eastAsia: SimSun; cs: Arial, characters «ảđệử» (2 runs)"
    assert f.message.startswith("Word hiển thị một số chữ («ảđệử») bằng phông SimSun, Arial")
    only_ea = next(f for f in check_docx(corpus.build(**{**TYPED, "east_asia_run": True}))
                   if f.rule == "ND30-FONT-SLOTS")
    assert "cs" not in only_ea.message and "cs" not in only_ea.expected


def test_a_font_is_named_once_in_found():
    f = next(f for f in check_docx(corpus.build(**{**TYPED, "arial_run": True}))
             if f.rule == "ND30-FONT")
    assert (f.found, f.found_en) == ("Arial", "Arial")


def test_missing_page_number_is_a_warning_only_when_the_document_may_run_to_two_pages():
    (f,) = check_docx(corpus.build(**{**TYPED, "filler": 12}))
    assert (f.rule, f.severity.value) == ("ND30-PAGE-NUMBER", "warning")
    assert "nếu văn bản có từ 2 trang" in f.message
