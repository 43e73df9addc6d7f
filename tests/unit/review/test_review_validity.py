"""The bảng so sánh and the tracked-changes DOCX are valid OOXML (openxml-audit, the .NET
Open XML SDK's schema and semantic rules): Word opens them without "unreadable content".
Each pair is a real revision: a plan edited by a round of comments, a plan a year on, the
year-end reports of two years (figures, appendix rows), a decision's draft and its issue."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]
PLANS = ROOT / "plans" / "quang-binh"
PAIRS = {
    "plan-comments": (PLANS / "2024/ke-hoach-hoa-giai.yaml",
                      ROOT / "tests/review/round-1/ke-hoach-hoa-giai.yaml"),
    "plan-next-year": (PLANS / "2024/ke-hoach-hoa-giai.yaml", PLANS / "2025/ke-hoach-hoa-giai.yaml"),
    "report": (PLANS / "2024/bao-cao-hoa-giai.yaml", PLANS / "2025/bao-cao-hoa-giai.yaml"),
    "decision": (PLANS / "2025/du-thao-quyet-dinh-hai-tep.yaml",
                 PLANS / "2025/quyet-dinh-ban-hanh-ke-hoach.yaml"),
}


@pytest.mark.parametrize("tracked", [False, True], ids=["table", "tracked"])
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_review_documents_are_valid_ooxml(pair, tracked, tmp_path):
    from openxml_audit import OpenXmlValidator

    old, new = PAIRS[pair]
    out = tmp_path / "review.docx"
    made = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(out),
                                     *(["--tracked"] if tracked else [])])
    assert made.exit_code == 0, made.output
    assert "thay đổi" in made.output or "chỗ sửa" in made.output  # something was compared
    result = OpenXmlValidator().validate(str(out))
    assert [str(e) for e in result.errors] == []
    assert result.is_valid
