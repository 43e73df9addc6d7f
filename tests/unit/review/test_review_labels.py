"""Changes are named as the document prints its parts, the same in the plan's own comparison and
in that of the decision issuing it: "Mục I, gạch đầu dòng thứ 2" (the second "-" line of
section I, whatever precedes it), "Mục II, bảng 1" (tables counted among the section's tables,
not among its blocks), the attached plan's the same after "Kế hoạch kèm theo, "; a Nơi nhận
line in the bảng so sánh says what it is ("Thêm nơi nhận: …"), the table passes the checker.

The fixture (tests/unit/review/labels) is a clerk's commune plan and its decision; the old
version is made from it by undoing the clerk's edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

DATA = Path(__file__).resolve().parent / "labels"
PLAN, DECISION = "ke-hoach-pbgdpl.yaml", "quyet-dinh-ban-hanh.yaml"
# (new wording, old wording) of the clerk's edits of the plan.
EDITS = [("25/2021/QĐ-TTg ngày 22/7/2021 của Thủ tướng Chính phủ.", "25/2021/QĐ-TTg."),
         ("hội nghị phổ biến, quán triệt các", "hội nghị phổ biến các"),
         ("Sinh hoạt pháp luật, 8, 1]", "Sinh hoạt pháp luật, 6, 1]"),
         ("{text: 23, bold: true}", "{text: 21, bold: true}"),
         ("  - Ủy ban MTTQ Việt Nam xã\n", "")]
NOTE = "Chú thích: Theo Quyết định số 25/2021/QĐ-TTg. → Theo Quyết định số 25/2021/QĐ-TTg " \
       "ngày 22/7/2021 của Thủ tướng Chính phủ."
ROWS = ["Sửa dòng 3 (Ban điều hành các thôn): Xã: 6 → 8", "Sửa dòng 4 (Cộng): 21 → 23"]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("labels")
    shutil.copytree(DATA / "_shared", root / "_shared")
    for folder in ("cu", "moi"):
        (root / folder).mkdir()
        for name in (PLAN, DECISION):
            text = (DATA / name).read_text(encoding="utf-8")
            for new, old in EDITS if folder == "cu" and name == PLAN else ():
                assert new in text, new
                text = text.replace(new, old)
            (root / folder / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _in_work(work, monkeypatch):
    monkeypatch.chdir(work)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def cells(path: str) -> list[str]:
    """The comparison table's cells as ``vanban text`` shows them, without their place."""
    shown = run("text", path).output.splitlines()
    return [line.split("> ", 1)[-1] for line in shown if line.startswith("T2.")]


def test_the_plan_names_its_lines_and_tables_as_printed():
    result = run("diff", f"cu/{PLAN}", f"moi/{PLAN}")
    assert result.output.splitlines()[2:] == [
        f"  [Mục I, gạch đầu dòng thứ 2] {NOTE}",
        ("  1. [hoi-nghi] Sửa câu chữ (nhiệm vụ): Tổ chức hội nghị phổ biến{+, quán triệt+} "
        "các luật mới cho cán bộ, công chức xã"),
        *(f"  [Mục II, bảng 1] {row}" for row in ROWS),
        "  [noi-nhan] Thêm nơi nhận: - Ủy ban MTTQ Việt Nam xã;",
    ]


def test_the_decision_names_the_plans_parts_alike():
    result = run("diff", f"cu/{DECISION}", f"moi/{DECISION}")
    assert result.output.splitlines()[1:5] == [
        f"  [Kế hoạch kèm theo, Mục I, gạch đầu dòng thứ 2] {NOTE}",
        ("  1. [Kế hoạch kèm theo, II.1] Sửa câu chữ (nhiệm vụ): Tổ chức hội nghị phổ biến"
        "{+, quán triệt+} các luật mới cho cán bộ, công chức xã"),
        *(f"  [Kế hoạch kèm theo, Mục II, bảng 1] {row}" for row in ROWS),
    ]


def test_the_plans_table_names_rows_and_recipients_and_passes_the_checker():
    result = run("compare", f"cu/{PLAN}", f"moi/{PLAN}", "-o", "kh.docx")
    assert result.exit_code == 0, result.output
    shown = cells("kh.docx")
    assert "Mục II, bảng 1, dòng 3 (Ban điều hành các thôn): Xã: [-6-]" in shown
    assert "Mục II, bảng 1, dòng 3 (Ban điều hành các thôn): Xã:  <13pt B U> 8" in shown
    assert "Thêm nơi nhận:  <13pt B U> - Ủy ban MTTQ Việt Nam xã;" in shown
    assert not any("[II" in line or "Bảng [" in line for line in shown)
    check = run("check", "kh.docx")
    assert check.exit_code == 0, check.output


def test_a_reason_for_the_attached_plan_is_keyed_by_the_same_name(tmp_path):
    reasons = tmp_path / "ly-do.yaml"
    reasons.write_text("Kế hoạch kèm theo, Mục II, bảng 1: Tăng kinh phí cho các thôn\n"
                       "Kế hoạch kèm theo, Mục I, gạch đầu dòng thứ 2: Ghi đủ căn cứ\n",
                       encoding="utf-8")
    result = run("compare", f"cu/{DECISION}", f"moi/{DECISION}", "-o", "qd.docx",
                 "--reasons", str(reasons))
    assert result.exit_code == 0, result.output
    assert "cảnh báo" not in result.output, result.output
    shown = cells("qd.docx")
    assert ("Kế hoạch kèm theo, Mục I, gạch đầu dòng thứ 2: Gắn với xây dựng xã đạt chuẩn "
            "tiếp cận pháp luật.") in shown
    assert ("Kế hoạch kèm theo, Mục II, bảng 1, dòng 4 (Cộng):  <13pt B U> 23") in shown
    assert "Tăng kinh phí cho các thôn" in shown and "Ghi đủ căn cứ" in shown


def test_a_reason_keyed_by_a_former_name_is_kept_and_said(tmp_path):
    reasons = tmp_path / "ly-do.yaml"
    reasons.write_text("II.bảng 2: Tăng kinh phí cho các thôn\n", encoding="utf-8")
    result = run("compare", f"cu/{PLAN}", f"moi/{PLAN}", "-o", "kh2.docx",
                 "--reasons", str(reasons))
    assert result.exit_code == 0, result.output
    assert (f"{reasons}:1:1: cảnh báo [reasons.former-ref] II.bảng 2: \"II.bảng 2\" là cách "
            "gọi cũ; nay gọi là \"Mục II, bảng 1\". Sửa mã thành \"Mục II, bảng 1\".") \
        in result.output.splitlines()
    assert "Tăng kinh phí cho các thôn" in cells("kh2.docx")
