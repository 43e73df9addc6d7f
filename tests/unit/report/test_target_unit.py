"""A target's result must be measured in the target's own unit: a share of units (reaching:) or
a rate (of:/over:) is a percent, and cannot be the result of "ít nhất 15 cuộc"; a total cannot be
the result of a "100% …" target. vanban compared 83,3 with 2 and printed "4.166,7%" as reached."""

from __future__ import annotations

import pytest
from tests.unit.report.conftest import run
from tests.unit.report.test_declared_columns import PLAN, REPORT, _csv, _write

R = "plans/quang-binh/2024"


@pytest.mark.parametrize(("result", "line", "words"), [
    ("{{reaching: hoi_nghi, at_least: 10}}", "reaching: cho tỷ lệ (%) đơn vị đạt mức",
     "total: <cột>"),
    ("{{of: luot_nu, over: luot_nguoi}}", "of:/over: cho một tỷ lệ (%)", "total: <cột>"),
], ids=["reaching", "rate"])
def test_a_percent_result_for_a_count_target_is_an_error(workspace, result, line, words):
    _csv(workspace)
    _write(workspace, report=REPORT.replace("{{total: hoi_nghi}}", result))
    bad = run("report", "validate", f"{R}/bc.yaml")
    assert bad.exit_code == 1
    errors = [x for x in bad.stderr.splitlines() if "[report.target-unit]" in x]
    assert len(errors) == 1, bad.stderr
    assert errors[0].startswith(f"{R}/bc.yaml:19:25: lỗi [report.target-unit] "
                                "targets.so-cuoc-tuyen-truyen: Chỉ tiêu \"so-cuoc-tuyen-truyen\" "
                                "tính bằng cuộc (kế hoạch: 15 cuộc), nhưng "), errors[0]
    assert line in errors[0] and words in errors[0]


def test_a_total_for_a_percent_target_is_an_error(workspace):
    _csv(workspace)
    _write(workspace)
    plan = PLAN.replace("Tổ chức ít nhất 15 cuộc tuyên truyền trên địa bàn tỉnh.",
                        "100% xã, phường tổ chức ít nhất 02 cuộc tuyên truyền.").replace(
        "value: 15\n        unit: cuộc", "value: 100\n        unit: \"%\"")
    (workspace / "ke-hoach-pbgdpl.yaml").write_text(plan, encoding="utf-8")
    bad = run("report", "validate", f"{R}/bc.yaml")
    assert bad.exit_code == 1
    assert ("Chỉ tiêu \"so-cuoc-tuyen-truyen\" tính bằng % (kế hoạch: 100%), nhưng total: cho "
            "một tổng (cuộc)") in bad.stderr, bad.stderr
    assert "reaching: <cột> và at_least: <mức>" in bad.stderr


def test_the_same_unit_is_clean(workspace):
    _csv(workspace)
    _write(workspace)
    good = run("report", "validate", f"{R}/bc.yaml")
    assert good.exit_code == 0 and "[report.target-unit]" not in good.stderr
