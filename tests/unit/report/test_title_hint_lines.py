"""[report.title-unnumbered] suggests the title with the plan's number; a suggestion that would
itself print a word or two alone on its last line ([title.short-last-line] at the next
validate) is given as even lines to copy into a ``title: |-`` block."""

from __future__ import annotations

from tests.unit.report.conftest import run
from tests.unit.report.test_declared_columns import REPORT, _csv, _write

R = "plans/quang-binh/2024"


def test_a_suggested_title_that_would_wrap_badly_is_given_in_even_lines(workspace):
    _csv(workspace)
    _write(workspace, report=REPORT.replace(
        "title: Kết quả thực hiện Kế hoạch phổ biến, giáo dục pháp luật năm 2026",
        "title: Kết quả thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Quảng Bình về phổ biến"))
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    warned = [x for x in result.stderr.splitlines() if "[report.title-unnumbered]" in x]
    assert len(warned) == 1, result.stderr
    assert warned[0].endswith(
        'Ví dụ (ngắt dòng cho đều, mỗi dòng dưới "title: |-" là một dòng khi in): title: |- '
        '"Kết quả thực hiện Kế hoạch số 12/KH-UBND" / "ngày 15/01/2026 của Ủy ban nhân dân tỉnh '
        'Quảng Bình" / "về triển khai công tác phổ biến, giáo dục pháp luật năm 2026".'), warned[0]
