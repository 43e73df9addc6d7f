"""Incremental builds know what a report was computed from: an edit of its data, or of last
year's report, makes it again; nothing changed, it is skipped like any plan."""

from __future__ import annotations

import shutil

import pytest
from tests.unit.report.conftest import ROOT, reports_and_plans_only, run

REPORT = "outputs/quang-binh/2025/bao-cao-hoa-giai.docx"


@pytest.fixture()
def examples(tmp_path, monkeypatch):
    """The Quảng Bình plans and reports of 2024 and 2025, built once."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans", ignore=reports_and_plans_only)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    first = run("build", "plans/quang-binh/2025")
    assert first.exit_code == 0, first.output
    assert f"Đã ghi {REPORT}" in first.stdout
    return tmp_path


def test_nothing_changed_nothing_made(examples):
    again = run("build", "plans/quang-binh/2025")
    assert again.exit_code == 0
    assert "Đã ghi" not in again.stdout and "Không đổi" not in again.stdout
    assert "2 văn bản bỏ qua vì nguồn không đổi" in again.stderr  # the plan and the report


def test_an_edit_of_the_data_makes_the_report_again(examples):
    data = examples / "plans" / "quang-binh" / "2025" / "so-lieu" / "hoa-giai-2025.csv"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "Đồng Hới,145,142,97,1020,325,760,38,37,104,88,11,5",
        "Đồng Hới,145,142,97,1020,325,760,38,37,104,89,10,5"), encoding="utf-8")
    before = (examples / REPORT).read_bytes()
    again = run("build", "plans/quang-binh/2025")
    assert again.exit_code == 0
    assert again.stdout == f"Đã ghi {REPORT}\n"
    assert "1 văn bản bỏ qua vì nguồn không đổi" in again.stderr  # the plan is current
    assert (examples / REPORT).read_bytes() != before


def test_an_edit_of_last_years_report_makes_this_years_again(examples):
    last = examples / "plans" / "quang-binh" / "2024" / "bao-cao-hoa-giai.yaml"
    last.write_text(last.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    again = run("build", "plans/quang-binh/2025")
    assert again.exit_code == 0
    assert again.stdout == f"Không đổi {REPORT}\n"  # made again, to the same bytes


def test_last_years_report_is_found_by_its_folder(examples):
    this = examples / "plans" / "quang-binh" / "2025" / "bao-cao-hoa-giai.yaml"
    text = this.read_text(encoding="utf-8")
    with_line = run("report", "validate", "plans/quang-binh/2025/bao-cao-hoa-giai.yaml").stdout
    this.write_text(text.replace("previous: ../2024/bao-cao-hoa-giai.yaml\n", ""), "utf-8")
    found = run("report", "validate", "plans/quang-binh/2025/bao-cao-hoa-giai.yaml").stdout
    assert found == with_line and "| 85,9 | giảm 1,8 điểm %" in found
    this.write_text(text.replace("previous: ../2024/bao-cao-hoa-giai.yaml\n",
                                 "previous: null\n"), "utf-8")
    without = run("report", "validate", "plans/quang-binh/2025/bao-cao-hoa-giai.yaml").stdout
    # Without last year's report the table has no "cùng kỳ" columns (they would stay empty).
    assert "| 84,1 | 93,4% (chưa đạt)\n" in without and "cùng kỳ" not in without
