"""An evidence document is named by the type its ký hiệu says, as a Báo cáo kết quả writes it:
"Kế hoạch số 215/KH-STP ngày …", "Quyết định số 45/QĐ-UBND …"; a ký hiệu naming no type (a
Công văn's "STP-PBGDPL") stays "Văn bản số …"."""

from __future__ import annotations

import pytest

from vanban.rules import nd30


@pytest.mark.parametrize(("code", "name"), [
    ("215/KH-STP", "Kế hoạch"),
    ("45/QĐ-UBND", "Quyết định"),
    ("12/TTr-STP", "Tờ trình"),
    ("410/BC-UBND", "Báo cáo"),
    ("03/HD-HĐPH", "Hướng dẫn"),
    ("12/2025/TT-BTP", "Thông tư"),
    ("125/STP-PBGDPL", None),
    ("KH-STP", None),
    ("", None),
], ids=lambda v: v if isinstance(v, str) and v else None)
def test_the_type_a_code_names(code, name):
    assert nd30.document_name(code) == name


def test_an_evidence_plan_is_named_a_plan(workspace):
    from tests.unit.report.conftest import run
    from tests.unit.report.test_declared_columns import REPORT, _csv, _write

    _csv(workspace)
    _write(workspace, report=REPORT.replace(
        "  hoi-nghi: {{status: hoàn thành}}",
        "  hoi-nghi:\n    status: hoàn thành\n    evidence:\n"
        "      - {{document: 215/KH-STP, date: 2026-10-01, title: Tổ chức hội nghị}}\n"
        "      - {{document: 60/STP-PBGDPL, date: 2026-10-02}}"))
    built = run("build", "plans/quang-binh/2024/bc.yaml", "--out", "out")
    assert built.exit_code == 0, built.stderr
    docx = next(line.split()[-1] for line in built.stdout.splitlines() if line.endswith(".docx"))
    text = run("text", docx).stdout
    assert "- Kế hoạch số 215/KH-STP ngày 01/10/2026: Tổ chức hội nghị;" in text, text
    assert "- Văn bản số 60/STP-PBGDPL ngày 02/10/2026." in text
