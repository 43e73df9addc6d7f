"""A report against its plan and its period: the exact diagnostic of each disagreement."""

from __future__ import annotations

import pytest
from tests.unit.report.conftest import GOOD_ROWS, HEADER, all_done, error_lines, run, write_report

R = "plans/quang-binh/2024"
STATUS_HINT = "Ghi status: hoàn thành, đang thực hiện, chưa thực hiện, không thực hiện."

CASES = [
    ("task-without-status",
     all_done().replace("  tap-huan: {status: hoàn thành}", "  tap-huan: {result: Đã tập huấn}"),
     [(f'{R}/bc.yaml:17:13: lỗi [report.status-missing] tasks.tap-huan.status: Nhiệm vụ '
      f'"tap-huan" của kế hoạch chưa có tình trạng thực hiện. {STATUS_HINT}')]),
    ("task-missing",
     all_done().replace("  tap-huan: {status: hoàn thành}\n", ""),
     [(f'{R}/bc.yaml:13:1: lỗi [report.status-missing] tasks.tap-huan: Nhiệm vụ "tap-huan" của '
      f"kế hoạch chưa có tình trạng thực hiện. {STATUS_HINT}")]),
    ("task-unknown",
     all_done("\n  tap-huann: {status: hoàn thành}"),
     [(f'{R}/bc.yaml:22:3: lỗi [report.task-unknown] tasks.tap-huann: Kế hoạch '
      f'{R}/ke-hoach-hoa-giai.yaml không có nhiệm vụ mã "tap-huann". Có phải "tap-huan"?')]),
    ("status-misspelt",
     all_done().replace("  tap-huan: {status: hoàn thành}", "  tap-huan: {status: hoàn thanh}"),
     [(f"{R}/bc.yaml:17:22: lỗi [schema.literal-error] tasks.tap-huan.status: Giá trị phải là "
      "một trong: 'hoàn thành', 'đang thực hiện', 'chưa thực hiện' hoặc 'không thực hiện'. "
      'Có phải "hoàn thành"?')]),
    ("reason-missing",
     all_done().replace("  tap-huan: {status: hoàn thành}", "  tap-huan: {status: không thực hiện}"),
     [(f'{R}/bc.yaml:17:22: lỗi [report.reason-missing] tasks.tap-huan.status: Nhiệm vụ '
      '"tap-huan" không thực hiện: cần ghi lý do (reason).')]),
    ("evidence-outside-period",
     all_done().replace(
         "  tap-huan: {status: hoàn thành}",
         "  tap-huan:\n    status: hoàn thành\n    evidence:\n"
         "      - {training: Lớp tập huấn, date: 2024-12-20, trained: 40}"),
     [(f"{R}/bc.yaml:20:40: lỗi [report.evidence-outside] tasks.tap-huan.evidence[0].date: Ngày "
      "20/12/2024 nằm ngoài kỳ báo cáo (15/12/2023 – 14/12/2024). Sửa ngày, hoặc ghi period: "
      "nếu kỳ báo cáo khác mặc định.")]),
    ("evidence-kind",
     all_done().replace(
         "  tap-huan: {status: hoàn thành}",
         "  tap-huan:\n    status: hoàn thành\n    evidence:\n      - {meeting: Họp, date: 2024-05-01}"),
     [(f"{R}/bc.yaml:20:9: lỗi [schema.evidence-kind] tasks.tap-huan.evidence[0]: Không rõ loại "
      "kết quả; mỗi mục bắt đầu bằng document:, event: hoặc training:.")]),
]


@pytest.mark.parametrize("tasks, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_report_against_plan(workspace, tasks, expected):
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")
    write_report(workspace, tasks=tasks)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == expected
    assert result.exit_code == 1


FIGURES = [
    ("target-unknown", "targets:\n  ty-le-thanh: {of: thanh, over: tiep_nhan}\n",
     [(f'{R}/bc.yaml:26:3: lỗi [report.target-unknown] targets.ty-le-thanh: Kế hoạch '
      f'{R}/ke-hoach-hoa-giai.yaml không có chỉ tiêu mã "ty-le-thanh".')]),
    ("measure-half-a-rate", "indicators:\n  - {id: a, name: A, unit: \"%\", of: thanh}\n",
     [(f"{R}/bc.yaml:26:5: lỗi [report.measure] indicators[0]: Ghi đúng một cách tính: total: "
      "<cột>, hoặc of: <cột> và over: <mẫu số>, hoặc reaching: <cột> và at_least: <mức> (tỷ "
      "lệ đơn vị đạt mức), hoặc value: <số>. Các cột: so_to, to_kien_toan, "
      "to_5_tot, hoa_giai_vien, hgv_nu, hgv_tap_huan, hgv_moi, hgv_moi_tap_huan, tiep_nhan, "
      "thanh, khong_thanh, dang_giai_quyet, da_ket_thuc.")]),
    ("measure-unknown-column", "indicators:\n  - {id: a, name: A, unit: tổ, total: so_too}\n",
     [(f'{R}/bc.yaml:26:39: lỗi [report.column-unknown] indicators[0].total: Bảng số liệu '
      'không có cột mã "so_too". Có phải "so_to"?')]),
    ("rate-unknown-column", "indicators: []\n",
     [(f"{R}/bc.yaml:12:11: lỗi [report.column-unknown] rates[0].over: Bảng số liệu không có cột "
      'mã "tiep_nhann". Có phải "tiep_nhan"?')]),
    ("previous-missing", "previous: ../2023/bao-cao.yaml\n",
     [(f'{R}/bc.yaml:25:11: lỗi [report.previous-missing] previous: Không có báo cáo năm trước '
      '"../2023/bao-cao.yaml".')]),
]


@pytest.mark.parametrize("extra, expected", [c[1:] for c in FIGURES], ids=[c[0] for c in FIGURES])
def test_figures_against_plan_and_data(workspace, extra, expected):
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")
    report = write_report(workspace)
    text = report.read_text(encoding="utf-8") + extra
    if "rates[0]" in expected[0]:  # the rate of the report, misspelt
        text = text.replace("over: tiep_nhan", "over: tiep_nhann")
    report.write_text(text, encoding="utf-8")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == expected
    assert result.exit_code == 1


def test_a_rate_over_nothing_says_so(workspace):
    (workspace / "so-lieu.csv").write_text(HEADER + "\nĐồng Hới,1,1,0,0,0,0\n", encoding="utf-8")
    write_report(workspace)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert ("Tỷ lệ hòa giải thành: không tính được vì tổng số vụ việc tiếp nhận bằng 0."
            in result.stdout.splitlines())


def test_period_can_be_set(workspace):
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")
    tasks = all_done().replace(
        "  tap-huan: {status: hoàn thành}",
        "  tap-huan:\n    status: hoàn thành\n    evidence:\n"
        "      - {document: 12/STP, date: 2024-12-20}")
    report = write_report(workspace, tasks=tasks)
    text = report.read_text(encoding="utf-8").replace(
        "year: 2024\n", "year: 2024\nperiod: {start: 2024-01-01, end: 2024-12-31}\n")
    report.write_text(text, encoding="utf-8")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert "Kỳ báo cáo: 01/01/2024 – 31/12/2024" in result.stdout


def test_plan_by_unknown_id(workspace):
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")
    write_report(workspace, plan="ke-hoach-hoa-giaii")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f'{R}/bc.yaml:2:7: lỗi [report.plan-unknown] plan: Không có kế hoạch mã '
        '"ke-hoach-hoa-giaii" trong thư mục của báo cáo. Có phải "ke-hoach-hoa-giai"?')]


def test_plan_by_id(workspace):
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")
    write_report(workspace, plan="ke-hoach-hoa-giai")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert "Đã hoàn thành 8/8 nhiệm vụ." in result.stdout
