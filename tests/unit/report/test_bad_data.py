"""Bad data tables through the real command: each case gives exactly these diagnostic lines
(file, sheet, row and column), exit status 1, and nothing else."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from tests.unit.report.conftest import GOOD_ROWS, HEADER, error_lines, run, write_report

R = "plans/quang-binh/2024"
CSV = f"{R}/so-lieu.csv"

CSV_CASES = [
    ("not-number", HEADER + "\nĐồng Hới,145,1012,mười,84,9,5\n",
     [(f'{CSV}:2:4: lỗi [data.not-number] D2: Cột "Số vụ việc tiếp nhận": "mười" không phải là '
      "số.")]),
    ("thousands-separator", HEADER + "\nĐồng Hới,145,1.012,98,84,9,5\n",
     [(f'{CSV}:2:3: lỗi [data.not-number] C2: Cột "Số hòa giải viên": "1.012" không phải là số. '
      "Viết số không có dấu chấm ngăn cách: 1012.")]),
    ("negative", HEADER + "\nĐồng Hới,-1,1012,98,84,9,5\n",
     [(f'{CSV}:2:2: lỗi [data.negative] B2: Cột "Số tổ hòa giải": số âm (-1) không dùng được '
      "cho số lượng.")]),
    ("empty-cell", HEADER + "\nĐồng Hới,145,,98,84,9,5\n",
     [(f'{CSV}:2:3: lỗi [data.empty-cell] C2: Cột "Số hòa giải viên": ô trống. Ghi 0 nếu không '
      "có.")]),
    ("unit-unknown", HEADER + "\nĐồng Hớii,145,1012,98,84,9,5\n",
     [(f'{CSV}:2:1: lỗi [data.unit-unknown] A2: Không có đơn vị "Đồng Hớii" trong danh mục đơn '
      'vị. Có phải "Đồng Hới"?')]),
    ("unit-twice", HEADER + "\n" + GOOD_ROWS + "Thành phố Đồng Hới,1,1,1,1,0,0\n",
     [(f'{CSV}:4:1: lỗi [data.unit-twice] A4: Đơn vị "Thành phố Đồng Hới" có hai dòng số liệu '
      "(dòng trước ở A2); số liệu sẽ bị tính hai lần. Gộp hoặc xóa một trong hai dòng.")]),
    ("sum-mismatch", HEADER + "\nĐồng Hới,145,1012,98,84,9,4\n",
     [(f"{CSV}:2:4: lỗi [data.sum-mismatch] D2: hòa giải thành (84) + hòa giải không thành (9) "
      "+ đang giải quyết (4) = 97, khác số vụ việc tiếp nhận (98). Kiểm tra lại số liệu của "
      "dòng này.")]),
    ("total-row", HEADER + "\n" + GOOD_ROWS + "Tổng cộng,241,1680,170,144,17,9\n",
     [(f'{CSV}:4:1: lỗi [data.total-row] A4: Dòng "Tổng cộng" là dòng tổng: vanban tự cộng từ '
      "các đơn vị. Xóa dòng tổng khỏi bảng số liệu.")]),
    ("missing-column", HEADER.replace(",Đang giải quyết", "") + "\nĐồng Hới,145,1012,98,84,9\n",
     [(f'{CSV}:1:1: lỗi [data.missing-column] Bảng số liệu thiếu cột "Đang giải quyết". Thêm '
      "cột này vào dòng tiêu đề (đúng tên như trên).")]),
    ("unknown-column", HEADER + ",Số tổ 5 tot\n" + "Đồng Hới,145,1012,98,84,9,5,3\n",
     [(f'{CSV}:1:8: lỗi [data.unknown-column] H1: Cột "Số tổ 5 tot" không có trong mẫu bảng số '
      'liệu. Có phải "Số tổ đạt 5 tốt"?')]),
    ("empty-file", "",
     [f"{CSV}:1:1: lỗi [data.empty] Bảng số liệu trống: không có dòng tiêu đề cột nào."]),
    ("header-only", HEADER + "\n",
     [(f"{CSV}:1:1: lỗi [data.no-rows] Bảng số liệu chỉ có dòng tiêu đề, chưa có dòng số liệu "
      "nào.")]),
    ("not-whole-and-two-problems", HEADER + "\nĐồng Hới,14.5,1012,98,84,9,5\nBa Đồn,96,x,72,60,8,4\n",
     [f'{CSV}:2:2: lỗi [data.not-number] B2: Cột "Số tổ hòa giải": "14.5" không phải là số.',
      f'{CSV}:3:3: lỗi [data.not-number] C3: Cột "Số hòa giải viên": "x" không phải là số.']),
    ("part-exceeds", HEADER + ",Hòa giải viên nữ\nĐồng Hới,145,1012,98,84,9,5,1013\n",
     [(f'{CSV}:2:8: lỗi [data.part-exceeds] H2: Cột "Hòa giải viên nữ" (1013) lớn hơn cột '
      '"Số hòa giải viên" (1012).')]),
    ("too-large", HEADER + "\nĐồng Hới,145,1012,98,84,9,5\n".replace("1012", "1" + "0" * 12),
     [(f'{CSV}:2:3: lỗi [data.too-large] C2: Cột "Số hòa giải viên": 1000000000000 quá lớn cho '
      "một số lượng (từ 1 tỷ trở lên); kiểm tra lại.")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CSV_CASES],
                         ids=[c[0] for c in CSV_CASES])
def test_bad_csv(workspace, text, expected):
    (workspace / "so-lieu.csv").write_text(text, encoding="utf-8")
    report = write_report(workspace)
    result = run("report", "validate", str(report.relative_to(workspace.parents[2])))
    assert error_lines(result) == expected
    assert result.exit_code == 1


def test_csv_not_utf8(workspace):
    # "Đồng Hới" as Windows-1258 writes it (base letter + combining tone mark): Excel's "CSV"
    row = b"\xd0\xf4\xecng H\xf5\xeci,1,1,1,1,0,0\n"
    (workspace / "so-lieu.csv").write_bytes((HEADER + "\n").encode("utf-8") + row)
    write_report(workspace)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f"{CSV}:2:1: lỗi [data.encoding] Tệp CSV không phải UTF-8 (có thể lưu bằng bảng mã "
        "Windows-1258). Trong Excel chọn Lưu thành (Save As) → CSV UTF-8 (Comma delimited).")]


def test_semicolon_csv_and_bom_are_read(workspace):
    text = "\ufeff" + HEADER.replace(",", ";") + "\n" + GOOD_ROWS.replace(",", ";")
    (workspace / "so-lieu.csv").write_text(text, encoding="utf-8")
    write_report(workspace)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert "tiếp nhận 170 vụ việc; hòa giải thành 144 vụ việc" in result.stdout


XLSX = f"{R}/so-lieu.xlsx"


def _book(rows, formula_at=None, title="Số liệu"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if formula_at:
        sheet[formula_at] = "=B2+1"  # openpyxl stores no cached value: like a generated file
    return book


XLSX_HEADER = HEADER.split(",")

XLSX_CASES = [
    ("formula-without-value", {"rows": [XLSX_HEADER, ["Đồng Hới", 145, 1012, 98, 84, 9, 5]],
                                   "formula_at": "C2"},
     [(f'{XLSX}:2:3: lỗi [data.formula-no-value] Số liệu!C2: Cột "Số hòa giải viên": ô có công '
      "thức nhưng chưa có giá trị tính sẵn (tệp được tạo bởi chương trình không tính công "
      "thức). Mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi dựng lại; hoặc thay công thức "
      "bằng số.")]),
    ("text-in-number-cell", {"rows": [XLSX_HEADER, ["Đồng Hới", 145, "n/a", 98, 84, 9, 5]]},
     [(f'{XLSX}:2:3: lỗi [data.not-number] Số liệu!C2: Cột "Số hòa giải viên": "n/a" không '
      "phải là số.")]),
    ("fraction", {"rows": [XLSX_HEADER, ["Đồng Hới", 145.5, 1012, 98, 84, 9, 5]]},
     [(f'{XLSX}:2:2: lỗi [data.not-whole] Số liệu!B2: Cột "Số tổ hòa giải": 145,5 không phải '
      "số nguyên.")]),
    ("bool", {"rows": [XLSX_HEADER, ["Đồng Hới", True, 1012, 98, 84, 9, 5]]},
     [(f'{XLSX}:2:2: lỗi [data.not-number] Số liệu!B2: Cột "Số tổ hòa giải": "True" không phải '
      "là số.")]),
    ("empty-sheet", {"rows": []},
     [f"{XLSX}:1:1: lỗi [data.empty] Bảng số liệu trống: không có dòng tiêu đề cột nào."]),
    ("unknown-sheet", {"rows": [XLSX_HEADER], "title": "Sheet1"},
     [(f'{R}/bc.yaml:8:10: lỗi [data.sheet-unknown] data.sheet: Tệp {XLSX} không có trang '
      'tính "Số liệu"; các trang: Sheet1.')]),
]


@pytest.mark.parametrize("book, expected", [c[1:] for c in XLSX_CASES],
                         ids=[c[0] for c in XLSX_CASES])
def test_bad_xlsx(workspace, book, expected):
    _book(**book).save(workspace / "so-lieu.xlsx")
    report = write_report(workspace, data="so-lieu.xlsx")
    text = report.read_text(encoding="utf-8").replace(
        "  file: so-lieu.xlsx\n", "  file: so-lieu.xlsx\n  sheet: Số liệu\n")
    report.write_text(text, encoding="utf-8")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == expected
    assert result.exit_code == 1


def test_not_an_xlsx(workspace):
    (workspace / "so-lieu.xlsx").write_text("đây không phải Excel", encoding="utf-8")
    write_report(workspace, data="so-lieu.xlsx")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f"{XLSX}: lỗi [data.unreadable] Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không "
        "phải định dạng .xlsx. Mở bằng Excel rồi lưu lại dạng Excel Workbook (.xlsx).")]


def test_yaml_data_is_located_by_line(workspace):
    (workspace / "so-lieu.yaml").write_text(
        "rows:\n"
        "  - {don_vi: Đồng Hới, so_to: 145, hoa_giai_vien: 1012, tiep_nhan: 98, thanh: 84,\n"
        "     khong_thanh: 9, dang_giai_quyet: \"5\"}\n"
        "  - {don_vi: Ba Đồn, so_to: 96, hoa_giai_vien: \"1.106\", tiep_nhan: 72, thanh: 60,\n"
        "     khong_thanh: 8, dang_giai_quyet: 4}\n", encoding="utf-8")
    write_report(workspace, data="so-lieu.yaml")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f'{R}/so-lieu.yaml:4:48: lỗi [data.not-number] rows[1].hoa_giai_vien: Cột "Số hòa giải '
         'viên": "1.106" không phải là số. Viết số không có dấu chấm ngăn cách: 1106.'),
        (f'{R}/so-lieu.yaml:3:39: cảnh báo [data.number-as-text] rows[0].dang_giai_quyet: Cột '
         '"Đang giải quyết": 1 ô ghi số dưới dạng chữ (ô đầu tiên: rows[0].dang_giai_quyet); các '
         "ô này được đọc như số. Bỏ dấu ngoặc kép quanh số.")]


def test_numbers_typed_as_text_in_excel_are_read_and_said_once_per_column(workspace):
    _book(rows=[XLSX_HEADER, ["Đồng Hới", "145", 1012, 98, 84, 9, 5],
                ["Ba Đồn", "96", 668, 72, 60, 8, 4]]).save(workspace / "so-lieu.xlsx")
    write_report(workspace, data="so-lieu.xlsx")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0
    assert error_lines(result) == [
        (f'{XLSX}:2:2: cảnh báo [data.number-as-text] Số liệu!B2: Cột "Số tổ hòa giải": 2 ô ghi '
        "số dưới dạng chữ (ô đầu tiên: Số liệu!B2); các ô này được đọc như số. Trong Excel: chọn "
        "các ô có tam giác xanh, bấm dấu chấm than → Convert to Number.")]
    assert "Toàn tỉnh có 241 tổ hòa giải" in result.stdout


def test_an_old_excel_file_is_told_to_be_saved_as_xlsx(workspace):
    (workspace / "so-lieu.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    write_report(workspace, data="so-lieu.xls")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 1
    assert ("[data.file-type] data.file: Tệp số liệu \"so-lieu.xls\" phải là .xlsx, .csv hoặc "
            ".yaml. Mở tệp bằng Excel, chọn Lưu thành (Save As) dạng Excel Workbook (.xlsx)"
            in result.stderr), result.stderr
