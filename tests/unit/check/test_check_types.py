"""The checker knows each document type's own parts (issue 8 §3): a clean Công văn, Quyết định
and attached plan give no finding; each mutant is caught by its own rule and no other."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))

from real_patterns import TYPE_CLEAN, TYPE_VARIANTS, document

from vanban.check.api import check_docx
from vanban.check.finding import RULES


@pytest.mark.parametrize("case", sorted(TYPE_CLEAN))
def test_clean_document_of_each_type_has_no_findings(case):
    assert [f.text() for f in check_docx(document(TYPE_CLEAN[case]()))] == []


@pytest.mark.parametrize("case", sorted(TYPE_VARIANTS))
def test_type_mutant_is_caught_by_its_rule_only(case):
    build, rule = TYPE_VARIANTS[case]
    findings = check_docx(document(build()))
    assert {f.rule for f in findings} == {rule}, [f.text() for f in findings]


def test_every_type_rule_has_a_mutant():
    new = {"ND30-VV", "ND30-KINH-GUI", "ND30-QD-FRAME", "ND30-ARTICLE", "ND30-ATTACHED"}
    assert new <= set(RULES)
    assert {rule for _build, rule in TYPE_VARIANTS.values()} == new
