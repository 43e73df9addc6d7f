"""Each corpus document triggers exactly the rules it was broken for; clean ones trigger none."""

from __future__ import annotations

from functools import cache

import pytest
from check_corpus_loader import build_module as corpus

from vanban.check import RULES, check_docx


@cache
def _findings(case_id: str):
    case = next(c for c in corpus.CONFORMANT + corpus.VARIANTS if c.id == case_id)
    return tuple(check_docx(corpus.build(**case.knobs), name=f"{case.id}.docx"))


@pytest.mark.parametrize("case", corpus.CONFORMANT, ids=lambda c: c.id)
def test_conformant_documents_have_no_findings(case):
    assert [f.text() for f in _findings(case.id)] == []


@pytest.mark.parametrize("case", corpus.VARIANTS, ids=lambda c: c.id)
def test_broken_variant_is_caught_by_its_rule_only(case):
    found = {f.rule for f in _findings(case.id)}
    assert found == set(case.rules), [f.text() for f in _findings(case.id)]


def test_every_variant_names_a_registered_rule():
    named = {r for c in corpus.VARIANTS for r in c.rules}
    assert named <= set(RULES)
