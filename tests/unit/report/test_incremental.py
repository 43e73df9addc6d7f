"""Incremental builds know what a report was computed from: an edit of its data, or of last
year's report, makes it again; nothing changed, it is skipped like any plan."""

from __future__ import annotations

import shutil

import pytest
from tests.unit.report.conftest import ROOT, run

SKIPPED = "văn bản bỏ qua vì nguồn không đổi"


@pytest.fixture()
def examples(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    assert run("build", "plans/quang-binh/2025").exit_code == 0
    return tmp_path


def test_nothing_changed_nothing_made(examples):
    again = run("build", "plans/quang-binh/2025")
    assert again.exit_code == 0
    assert f"2 {SKIPPED}" in again.stderr


def test_an_edit_of_the_data_makes_the_report_again(examples):
    data = examples / "plans" / "quang-binh" / "2025" / "so-lieu" / "hoa-giai-2025.csv"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "Đồng Hới,145,142,97,1020,325,760,38,37,104,88,11,5",
        "Đồng Hới,145,142,97,1020,325,760,38,37,104,89,10,5"), encoding="utf-8")
    report = examples / "outputs" / "quang-binh" / "2025" / "bao-cao-hoa-giai.docx"
    before = report.read_bytes()
    again = run("build", "plans/quang-binh/2025")
    assert again.exit_code == 0
    assert "Đã ghi outputs/quang-binh/2025/bao-cao-hoa-giai.docx" in again.stdout
    assert f"1 {SKIPPED}" in again.stderr  # the plan itself is current
    assert report.read_bytes() != before


def test_an_edit_of_last_years_report_makes_this_years_again(examples):
    last = examples / "plans" / "quang-binh" / "2024" / "bao-cao-hoa-giai.yaml"
    last.write_text(last.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    again = run("build", "plans/quang-binh/2025")
    assert again.exit_code == 0
    assert f"1 {SKIPPED}" in again.stderr
