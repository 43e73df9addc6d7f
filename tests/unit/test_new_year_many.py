"""vanban new-year over folders: every document of the year before moved to its next year
folder in one run (a province's communes), all checked before any is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[2]
DRAFTED = ["cong-van-trien-khai-ke-hoach", "du-thao-quyet-dinh-hai-tep", "ke-hoach-hoa-giai",
           "quyet-dinh-ban-hanh-ke-hoach", "thong-bao-tap-huan", "to-trinh-ban-hanh-ke-hoach"]


@pytest.fixture()
def workspace(example_workspace):
    return example_workspace


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_every_document_of_the_year_before_in_one_run(workspace):
    result = run("new-year", "plans", "--year", "2026")
    assert result.exit_code == 0, result.output
    wrote = [ln.split(" (")[0] for ln in result.stdout.splitlines() if ln.startswith("Đã ghi ")]
    assert wrote == ([f"Đã ghi plans/quang-binh/2026/{n}.yaml" for n in DRAFTED]
                     + ["Đã ghi plans/quang-trach/2026/ke-hoach-hoa-giai.yaml"])
    assert ("  plans/quang-binh/2026/ke-hoach-hoa-giai.yaml:67:1: Chỉ tiêu ty-le-hoa-giai-thanh "
            "giữ giá trị 90% của năm 2025; xem lại.") in result.stdout.splitlines()
    # The 2024 plans are not of the year before; the 2025 report is begun from the new plan.
    assert not (workspace / "plans/quang-binh/2026/bao-cao-hoa-giai.yaml").exists()
    assert ("Không chuyển (báo cáo kết quả; báo cáo năm mới tạo bằng vanban report init từ kế "
            "hoạch mới): plans/quang-binh/2025/bao-cao-hoa-giai.yaml") in result.stdout
    assert result.stderr.splitlines()[-1].startswith("Xong: 7 dự thảo năm 2026, ")
    assert result.stderr.splitlines()[-1].endswith(
        "; 0 tệp đã có được giữ nguyên; 1 báo cáo không chuyển; 2 văn bản của năm khác không "
        "chuyển.")
    assert run("validate").exit_code == 0
    again = run("new-year", "plans", "--year", "2026")  # after a commune is added: kept
    assert again.exit_code == 0
    assert "Đã có, giữ nguyên plans/quang-trach/2026/ke-hoach-hoa-giai.yaml" in again.stdout
    assert again.stderr.splitlines()[-1].startswith("Xong: 0 dự thảo năm 2026, 0 việc")


def test_one_broken_plan_and_nothing_is_written(workspace):
    broken = workspace / "plans/quang-trach/2025/ke-hoach-hoa-giai.yaml"
    broken.write_text(broken.read_text("utf-8").replace("signer:", "signr:"), "utf-8")
    result = run("new-year", "plans/quang-binh", "plans/quang-trach", "--year", "2026",
                 "--lang", "en")
    assert result.exit_code == 1
    assert "plans/quang-trach/2025/ke-hoach-hoa-giai.yaml:" in result.stderr
    assert result.stderr.splitlines()[-2:] == [
        "Not drafted because of these errors (1): plans/quang-trach/2025/ke-hoach-hoa-giai.yaml.",
        "Stopped: 1 problem(s); nothing written."]
    assert not (workspace / "plans/quang-binh/2026").exists()


def test_a_plans_error_is_said_once_not_once_per_document_that_issues_it(workspace):
    """A wrong date in the 2025 plan was printed four times (under the plan, the Quyết định,
    the draft decision and the report that read it) and counted as eight errors with their
    four header lines: the clerk had one thing to fix."""
    plan = workspace / "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text("utf-8").replace("date: 2025-01-14", "date: 2025-13-14"),
                    "utf-8")
    result = run("new-year", "plans/quang-binh/2025", "--year", "2026")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [x.split(": lỗi ")[1].split("]")[0] for x in lines if ": lỗi [" in x] == [
        "[schema.date-invalid"]
    assert lines[-2].startswith("Chưa tạo được dự thảo vì các lỗi trên (4 văn bản): ")
    assert "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml" in lines[-2]
    assert lines[-1] == "Dừng: 1 lỗi; không ghi tệp nào."


def test_one_output_file_is_for_one_plan(workspace):
    result = run("new-year", "plans/quang-binh", "--year", "2026", "-o", "x.yaml")
    assert result.exit_code == 2 and "-o chỉ dùng" in result.stderr


def test_a_decision_whose_plan_is_drafted_in_the_run_asks_nothing_of_it(workspace):
    """The Quyết định's note 'cần có bản năm 2026 của nó' is for a plan left behind: drafted in
    the same run (or there already), the plan needs nothing more."""
    result = run("new-year", "plans", "--year", "2026")
    assert result.exit_code == 0, result.output
    assert "cần có bản năm 2026" not in result.stdout
    alone = run("new-year", "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml",
                "--year", "2027", "-o", "plans/quang-binh/qd-2027.yaml")
    assert alone.exit_code == 0, alone.output
    assert "cần có bản năm 2027 của nó" in alone.stdout  # one file: its plan is still to make
