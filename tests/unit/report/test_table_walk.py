"""What a new clerk's data table met on its first year-end report: a unit written with the old
tone placement ("Minh Hoá"), two problems of one row, title rows above the header, and a
"Tổng cộng" row of =SUM() formulas. Each case through the real command, lines exact."""

from __future__ import annotations

from openpyxl import Workbook
from tests.unit.report.conftest import GOOD_ROWS, HEADER, error_lines, run, write_report

R = "plans/quang-binh/2024"
CSV = f"{R}/so-lieu.csv"
XLSX = f"{R}/so-lieu.xlsx"


def _validate(workspace, text: str):
    (workspace / "so-lieu.csv").write_text(text, encoding="utf-8")
    write_report(workspace)
    return run("report", "validate", f"{R}/bc.yaml")


def test_old_tone_placement_names_the_unit_and_prints_the_registry_name(workspace):
    rows = GOOD_ROWS + "Minh Hoá,40,290,43,36,5,2\nLệ Thuỷ,30,210,33,29,3,1\n"
    result = _validate(workspace, HEADER + "\n" + rows)
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == []
    assert "Toàn tỉnh có 311 tổ hòa giải" in result.stdout


def test_old_and_new_spelling_of_one_unit_are_two_rows_of_it(workspace):
    result = _validate(workspace, HEADER + "\nMinh Hóa,1,1,1,1,0,0\nMinh Hoá,1,1,1,1,0,0\n")
    assert error_lines(result) == [
        (f'{CSV}:3:1: lỗi [data.unit-twice] A3: Đơn vị "Minh Hoá" có hai dòng số liệu (dòng '
         "trước ở A2); số liệu sẽ bị tính hai lần. Gộp hoặc xóa một trong hai dòng.")]


def test_an_unknown_unit_does_not_hide_the_sum_error_of_its_row(workspace):
    result = _validate(workspace, HEADER + "\nĐồng Hớii,145,1012,98,84,9,4\n")
    assert error_lines(result) == [
        (f'{CSV}:2:1: lỗi [data.unit-unknown] A2: Không có đơn vị "Đồng Hớii" trong danh mục '
         'đơn vị. Có phải "Đồng Hới"?'),
        (f"{CSV}:2:4: lỗi [data.sum-mismatch] D2: hòa giải thành (84) + hòa giải không thành "
         "(9) + đang giải quyết (4) = 97, khác số vụ việc tiếp nhận (98). Kiểm tra lại số liệu "
         "của dòng này.")]
    assert result.exit_code == 1


def test_a_missing_column_does_not_hide_the_errors_of_the_rows(workspace):
    header = HEADER.replace(",Đang giải quyết", "")
    result = _validate(workspace, header + "\nĐồng Hới,145,mười,98,84,9\n")
    assert error_lines(result) == [
        (f'{CSV}:1:1: lỗi [data.missing-column] Bảng số liệu thiếu cột "Đang giải quyết". Thêm '
         "cột này vào dòng tiêu đề (đúng tên như trên)."),
        f'{CSV}:2:3: lỗi [data.not-number] C2: Cột "Số hòa giải viên": "mười" không phải là số.']


def _xlsx(workspace, rows, header_row: int | None = None) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    for row in rows:
        sheet.append(row)
    book.save(workspace / "so-lieu.xlsx")
    report = write_report(workspace, data="so-lieu.xlsx")
    if header_row is not None:
        text = report.read_text(encoding="utf-8").replace(
            "  file: so-lieu.xlsx\n", f"  file: so-lieu.xlsx\n  header_row: {header_row}\n")
        report.write_text(text, encoding="utf-8")


TITLED = [["BIỂU SỐ LIỆU HÒA GIẢI NĂM 2024"], [], HEADER.split(","),
          ["Đồng Hới", 145, 1012, 98, 84, 9, 5]]


def test_title_rows_above_the_header_are_one_error_naming_the_header_row(workspace):
    # The rows under the header found are checked in the same run.
    _xlsx(workspace, [*TITLED, ["Ba Đồn", 96, 668, 72, 60, 8, 3]])
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f'{XLSX}:3:1: lỗi [data.header-row] Số liệu!A3: Dòng tiêu đề có vẻ là dòng 3: thêm '
         '"header_row: 3" vào data: của báo cáo.'),
        (f"{XLSX}:5:4: lỗi [data.sum-mismatch] Số liệu!D5: hòa giải thành (60) + hòa giải "
         "không thành (8) + đang giải quyết (3) = 71, khác số vụ việc tiếp nhận (72). Kiểm tra "
         "lại số liệu của dòng này.")]
    assert result.exit_code == 1


def test_a_wrong_header_row_is_told_the_right_one(workspace):
    _xlsx(workspace, [["BIỂU SỐ LIỆU"], ["Đơn vị: vụ việc"], *TITLED], header_row=2)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f'{XLSX}:5:1: lỗi [data.header-row] Số liệu!A5: Dòng tiêu đề có vẻ là dòng 5: sửa '
         '"header_row: 2" thành "header_row: 5" trong data: của báo cáo.')]


def test_with_header_row_the_titled_form_is_read(workspace):
    _xlsx(workspace, TITLED, header_row=3)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert "Toàn tỉnh có 145 tổ hòa giải" in result.stdout


def test_a_total_row_of_formulas_without_values_is_one_error(workspace):
    total = ["Tổng cộng"] + [f"=SUM({c}2:{c}3)" for c in "BCDEFG"]
    _xlsx(workspace, [HEADER.split(","), ["Đồng Hới", 145, 1012, 98, 84, 9, 5],
                      ["Ba Đồn", 96, 668, 72, 60, 8, 4], total])
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f'{XLSX}:4:1: lỗi [data.total-row] Số liệu!A4: Dòng "Tổng cộng" là dòng tổng: vanban '
         "tự cộng từ các đơn vị. Xóa dòng tổng khỏi bảng số liệu.")]
    assert result.exit_code == 1
