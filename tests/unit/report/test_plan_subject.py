"""The report names its plan as real reports do ("Thực hiện Kế hoạch số … của … về <trích yếu>,
UBND tỉnh báo cáo …"); a plan not about hòa giải is said so by ``report init``; a ``plan:``
naming a file of another type is said to be one at the report's ``plan:`` line."""

from __future__ import annotations

import pytest
from tests.unit.report.conftest import GOOD_ROWS, HEADER, error_lines, run, write_report

from vanban import doctypes
from vanban.report.seam import subject
from vanban.review.projection import project
from vanban.rules.nd30 import BUILT_TYPES, DEFAULT_TYPE
from vanban.source.loader import load_file

PBGDPL = """\
type: ke-hoach
issuer: ubnd-quang-binh
number: 12
date: 2026-01-15
title: |-
  Kế hoạch triển khai công tác phổ biến,
  giáo dục pháp luật năm 2026
sections:
  - title: NỘI DUNG
    content:
      - task: Tổ chức hội nghị phổ biến các luật mới
        id: hoi-nghi
        lead: so-tu-phap
        timeline: Quý III năm 2026
recipients: [Bộ Tư pháp]
archive: {unit: NC}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH,
            position: PHÓ CHỦ TỊCH, signer: Nguyễn Văn A}
"""


@pytest.mark.parametrize(("title", "expected"), [
    ("Phổ biến, giáo dục pháp luật năm 2026", "phổ biến, giáo dục pháp luật năm 2026"),
    ("Kế hoạch triển khai công tác\n  hòa giải ở cơ sở.", "triển khai công tác hòa giải ở cơ sở"),
    ("Về việc tổ chức tập huấn", "tổ chức tập huấn"),
    ("UBND tỉnh chỉ đạo mô hình", "UBND tỉnh chỉ đạo mô hình"),
    ("Đề án “Củng cố” năm 2024", "đề án “Củng cố” năm 2024"),
    (None, ""),
], ids=["plain", "kế-hoạch-and-lines", "về-việc", "abbreviation", "quoted", "none"])
def test_subject_is_the_title_after_ve(title, expected):
    assert subject(title) == expected


def test_the_report_knows_every_type_the_build_knows():
    assert BUILT_TYPES == doctypes.supported()
    assert DEFAULT_TYPE == doctypes.DEFAULT_TYPE


def test_init_on_a_plan_not_about_mediation_warns_and_the_report_names_its_subject(workspace):
    (workspace / "ke-hoach-pbgdpl.yaml").write_text(PBGDPL, encoding="utf-8")
    plan = "plans/quang-binh/2024/ke-hoach-pbgdpl.yaml"
    result = run("report", "init", plan)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        (f"{plan}: cảnh báo [report.not-mediation] Kế hoạch này không về hòa giải ở cơ sở: khung "
        "không biết các cột của bảng số liệu, nên data: chỉ là ví dụ trong dòng chú thích (#). "
        "Nếu các đơn vị gửi bảng số liệu, bỏ dấu # và khai báo các cột trong data: columns:; nếu "
        "không, ghi kết quả từng chỉ tiêu bằng value: <số>.")]
    report = workspace / "bao-cao-pbgdpl.yaml"
    # Only the task is left to fill: no data table is asked for.
    assert result.stdout.splitlines()[2:] == [
        "  plans/quang-binh/2024/bao-cao-pbgdpl.yaml:37:13: tasks.hoi-nghi.status",
        "Kiểm tra bằng: vanban report validate plans/quang-binh/2024/bao-cao-pbgdpl.yaml"]
    data = load_file(report).data
    # As one line it would print "năm 2026" alone on its last line: written as even lines.
    assert data["title"].split("\n") == [
        "Kết quả thực hiện Kế hoạch số 12/KH-UBND",
        "ngày 15/01/2026 của Ủy ban nhân dân tỉnh Quảng Bình",
        "về triển khai công tác phổ biến, giáo dục pháp luật năm 2026"]
    assert "data" not in data and data["rates"] == []
    report.write_text(report.read_text(encoding="utf-8").replace(
        "status: null", "status: hoàn thành"), encoding="utf-8")
    built = run("build", "plans/quang-binh/2024/bao-cao-pbgdpl.yaml", "--out", "out")
    assert built.exit_code == 0, built.stderr
    text = project(workspace.parents[2] / "out" / "quang-binh" / "2024" / "bao-cao-pbgdpl.docx")
    body = [line.split("> ", 1)[1] for line in text.splitlines()
            if line.startswith("¶") and "> " in line]
    assert ("Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh Quảng "
            "Bình về triển khai công tác phổ biến, giáo dục pháp luật năm 2026, UBND tỉnh báo "
            "cáo kết quả thực hiện năm 2026 (số liệu từ ngày 15/12/2025 đến ngày 14/12/2026) như "
            "sau:") in body
    # No data and no targets: no figures section (and nothing about hòa giải).
    assert not any("CHỈ TIÊU" in line or "hòa giải" in line for line in body), body


def test_init_on_the_mediation_plan_does_not_warn(workspace):
    result = run("report", "init", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_plan_naming_a_file_of_another_type_is_one_error_at_the_plan_line(workspace):
    (workspace / "cong-van.yaml").write_text(
        "type: cong-van\nissuer: so-tu-phap\ntitle: gửi kế hoạch\n", encoding="utf-8")
    write_report(workspace, plan="cong-van.yaml")
    result = run("report", "validate", "plans/quang-binh/2024/bc.yaml")
    assert error_lines(result) == [
        ('plans/quang-binh/2024/bc.yaml:2:7: lỗi [report.plan-type] plan: Tệp '
        '"plans/quang-binh/2024/cong-van.yaml" là công văn; báo cáo kết quả chỉ lập cho kế '
        "hoạch (hoặc chương trình, đề án, dự án, phương án).")]
    assert result.exit_code == 1


def test_plan_with_a_misspelt_type_is_only_the_type_error(workspace):
    plan = workspace / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "type: ke-hoach", "type: kế hoạch", 1), encoding="utf-8")
    write_report(workspace)
    result = run("report", "validate", "plans/quang-binh/2024/bc.yaml")
    lines = error_lines(result)
    assert [line.split(" ", 3)[2] for line in lines] == ["[plan.type-unsupported]"], lines
    assert lines[0].startswith("plans/quang-binh/2024/ke-hoach-hoa-giai.yaml:3:7: lỗi "
                               '[plan.type-unsupported] type: Loại văn bản "kế hoạch" chưa')
    assert result.exit_code == 1


def test_init_on_a_file_of_another_type_says_so(workspace):
    (workspace / "to-trinh.yaml").write_text(
        "type: to-trinh\nissuer: so-tu-phap\ntitle: Ban hành kế hoạch\n", encoding="utf-8")
    result = run("report", "init", "plans/quang-binh/2024/to-trinh.yaml")
    assert error_lines(result) == [
        ('plans/quang-binh/2024/to-trinh.yaml:1:7: lỗi [report.plan-type] type: Tệp '
        '"plans/quang-binh/2024/to-trinh.yaml" là tờ trình; báo cáo kết quả chỉ lập cho kế '
        "hoạch (hoặc chương trình, đề án, dự án, phương án).")]
    assert result.exit_code == 1
    assert not (workspace / "bao-cao-to-trinh.yaml").exists()


def test_a_data_table_on_a_plan_not_about_mediation_is_warned(workspace):
    (workspace / "ke-hoach-pbgdpl.yaml").write_text(PBGDPL, encoding="utf-8")
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")
    write_report(workspace, tasks="  hoi-nghi: {status: hoàn thành}",
                 plan="ke-hoach-pbgdpl.yaml")
    result = run("report", "validate", "plans/quang-binh/2024/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        ("plans/quang-binh/2024/bc.yaml:6:1: cảnh báo [report.data-not-mediation] data: Kế hoạch "
         "không về hòa giải ở cơ sở nhưng bảng số liệu của báo cáo không khai báo cột (data: "
         "columns:) nên là bảng hòa giải: phần số liệu và phụ lục sẽ nói về tổ hòa giải, hòa "
         "giải viên, vụ việc. Khai báo các cột của bảng số liệu trong data: columns:, hoặc bỏ "
         "data: và rates: và ghi kết quả chỉ tiêu bằng value: <số>.")]
