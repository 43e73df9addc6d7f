"""A report's data may be a folder of the units' own files (each commune sends its figures in a
file of its own): read in name order and merged into one table, with the same checks as one
file, and the folder is a dependency of the report (a file added makes it again)."""

from __future__ import annotations

import csv
import shutil

import pytest
from openpyxl import Workbook
from tests.unit.report.conftest import ROOT, reports_and_plans_only, run

from vanban.watcher import _interesting

YEAR = "plans/quang-binh/2025"
REPORT = "outputs/quang-binh/2025/bao-cao-hoa-giai.docx"


@pytest.fixture()
def year(tmp_path, monkeypatch):
    """The Quảng Bình plans and reports of 2024 and 2025; the 2025 report built from its one
    CSV file (``single.docx`` beside the workspace)."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans", ignore=reports_and_plans_only)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    first = run("build", YEAR)
    assert first.exit_code == 0, first.output
    shutil.copy(tmp_path / REPORT, tmp_path / "single.docx")
    return tmp_path / YEAR


def _split(year) -> list[str]:
    """The 2025 CSV as one file per unit in so-lieu/don-vi/, the fourth as an Excel workbook;
    the units' forms differ above the header: no title row, the province's one (the report
    says header_row: 2), or two; the lines."""
    lines = (year / "so-lieu" / "hoa-giai-2025.csv").read_text(encoding="utf-8").splitlines()
    title, header, rows = lines[0], lines[1], lines[2:]
    folder = year / "so-lieu" / "don-vi"
    folder.mkdir()
    for i, row in enumerate(rows, 1):
        name = f"{i:02d}-{row.split(',')[1]}.csv"
        titles = [[], [title], [title, '"BIỂU SỐ LIỆU HÒA GIẢI Ở CƠ SỞ"']][i % 3]
        if i == 4:
            book = Workbook()
            sheet = book.active
            for line in titles:
                sheet.append([line.strip('"')])
            sheet.append(next(csv.reader([header])))
            sheet.append([int(v) if v.isdigit() else v for v in row.split(",")])
            book.save(folder / name.replace(".csv", ".xlsx"))
        else:
            (folder / name).write_text("\n".join([*titles, header, row]) + "\n", encoding="utf-8")
    return rows


def _point_at_folder(year) -> None:
    report = year / "bao-cao-hoa-giai.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "file: so-lieu/hoa-giai-2025.csv", "file: so-lieu/don-vi"), encoding="utf-8")


def test_a_folder_of_the_units_files_makes_the_same_report_as_one_file(year):
    _split(year)
    _point_at_folder(year)
    (year / "so-lieu" / "don-vi" / "~$04-Tuyên Hóa.xlsx").write_bytes(b"Excel's lock file")
    again = run("build", YEAR)
    assert again.exit_code == 0, again.output
    assert f"Đã ghi {REPORT}" not in again.stdout  # made again: the same bytes as from one file
    assert f"Không đổi {REPORT}" in again.stdout
    assert (year.parents[2] / REPORT).read_bytes() == (year.parents[2] / "single.docx").read_bytes()
    assert "[data" not in again.output  # the lock file is not data, and not a warning


def test_a_unit_in_two_files_is_an_error_naming_both(year):
    _split(year)
    folder = year / "so-lieu" / "don-vi"
    (folder / "09-Đồng Hới lần 2.csv").write_text(
        (folder / "01-Đồng Hới.csv").read_text(encoding="utf-8"), encoding="utf-8")
    _point_at_folder(year)
    before = (year.parents[2] / REPORT).read_bytes()
    again = run("build", YEAR)
    assert again.exit_code == 1
    line = next(x for x in again.output.splitlines() if "[data.unit-twice]" in x)
    assert line.startswith("plans/quang-binh/2025/so-lieu/don-vi/09-Đồng Hới lần 2.csv:3:2")
    assert "01-Đồng Hới.csv" in line and "B3" in line
    assert "Traceback" not in again.output
    assert (year.parents[2] / REPORT).read_bytes() == before  # the good report is kept


def test_an_old_xls_is_an_error_and_another_file_a_warning(year):
    _split(year)
    folder = year / "so-lieu" / "don-vi"
    (folder / "10-Quảng Ninh cũ.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    _point_at_folder(year)
    failed = run("build", YEAR)
    assert failed.exit_code == 1
    assert "[data.file-type]" in failed.output and "10-Quảng Ninh cũ.xls" in failed.output
    assert "bao-cao-hoa-giai.yaml:17:9" in failed.output  # at data: file:
    (folder / "10-Quảng Ninh cũ.xls").rename(folder / "ghi-chu.pdf")
    warned = run("build", YEAR)
    assert warned.exit_code == 0, warned.output
    assert "[data.file-ignored]" in warned.output and "ghi-chu.pdf" in warned.output


def test_an_empty_folder_is_said_at_the_data_line(year):
    (year / "so-lieu" / "don-vi").mkdir()
    _point_at_folder(year)
    failed = run("build", YEAR)
    assert failed.exit_code == 1
    assert ("bao-cao-hoa-giai.yaml:17:9: lỗi [data.folder-empty] data.file: Thư mục số liệu "
            '"so-lieu/don-vi" không có tệp .xlsx, .csv hoặc .yaml nào.') in failed.output


def test_a_folder_of_other_files_only_is_said_empty_and_the_report_kept(year):
    folder = year / "so-lieu" / "don-vi"
    folder.mkdir()
    (folder / "ghi-chu.pdf").write_bytes(b"%PDF-1.4")  # the communes sent scans, no table
    _point_at_folder(year)
    before = (year.parents[2] / REPORT).read_bytes()
    failed = run("build", YEAR)
    assert failed.exit_code == 1, failed.output
    assert "[data.file-ignored]" in failed.output and "ghi-chu.pdf" in failed.output
    assert ("bao-cao-hoa-giai.yaml:17:9: lỗi [data.folder-empty] data.file: Thư mục số liệu "
            '"so-lieu/don-vi" không có tệp .xlsx, .csv hoặc .yaml nào.') in failed.output
    assert (year.parents[2] / REPORT).read_bytes() == before  # not made without its figures


def test_a_file_added_to_the_folder_makes_the_report_again(year):
    rows = _split(year)
    folder = year / "so-lieu" / "don-vi"
    last = max(folder.iterdir())
    last.unlink()  # Lệ Thủy has not sent its figures yet
    _point_at_folder(year)
    assert run("build", YEAR).exit_code == 0
    made = (year.parents[2] / REPORT).read_bytes()
    skipped = run("build", YEAR)
    assert "2 văn bản bỏ qua vì nguồn không đổi" in skipped.stderr
    lines = (year / "so-lieu" / "hoa-giai-2025.csv").read_text(encoding="utf-8").splitlines()
    last.write_text("\n".join(lines[:2] + [rows[-1]]) + "\n", encoding="utf-8")  # it arrives
    again = run("build", YEAR)
    assert again.exit_code == 0, again.output
    assert again.stdout == f"Đã ghi {REPORT}\n"  # all eight now: as from the one file
    assert made != (year.parents[2] / "single.docx").read_bytes()
    assert (year.parents[2] / REPORT).read_bytes() == (year.parents[2] / "single.docx").read_bytes()


@pytest.mark.parametrize(("name", "watched"), [
    ("so-lieu/xa-a.xlsx", True), ("so-lieu/xa-a.csv", True), ("so-lieu/~$xa-a.xlsx", False),
    ("so-lieu/.~lock.xa-a.xlsx#", False), ("so-lieu/ghi-chu.pdf", False)])
def test_watch_sees_the_data_files(name, watched):
    assert _interesting(None, name) is watched


def test_a_file_without_the_columns_is_an_error_at_that_file(year):
    _split(year)
    folder = year / "so-lieu" / "don-vi"
    (folder / "09-bao-cao-xa.csv").write_text("Tình hình chung\nĐã tổ chức tập huấn\n",
                                              encoding="utf-8")
    _point_at_folder(year)
    failed = run("build", YEAR)
    assert failed.exit_code == 1
    errors = [x for x in failed.output.splitlines() if ": lỗi [" in x]
    assert errors and all(x.startswith(f"{YEAR}/so-lieu/don-vi/09-bao-cao-xa.csv:1:")
                          for x in errors), errors
    assert any("[data.missing-column]" in x for x in errors)
    assert "[data.header-row]" not in failed.output  # no header_row could fix a folder
