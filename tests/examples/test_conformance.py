"""Every example passes the Decree-30 checker, from the DOCX and from LibreOffice's PDF."""

from __future__ import annotations

import pytest
from tests.conftest import example_ids

from vanban.check.api import check_docx, format_text
from vanban.pdf.measure import measure


@pytest.mark.parametrize("plan_id", example_ids())
def test_example_passes_check(built, plan_id):
    findings = check_docx(built[plan_id])
    assert findings == [], format_text({plan_id: findings})


@pytest.mark.pdf
@pytest.mark.parametrize("plan_id", example_ids())
def test_example_passes_check_with_pdf(built, pdfs, plan_id):
    findings = check_docx(built[plan_id], pdf_geometry=measure(pdfs[plan_id]))
    assert findings == [], format_text({plan_id: findings})
