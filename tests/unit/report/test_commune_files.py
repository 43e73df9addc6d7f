"""A province's 130 communes and wards each e-mail an Excel file of their own: the files are
made by hand from the same form, and differ the way real ones do. Each case below is a file as
a commune sent it, which a clerk cannot fix short of editing it: the report reads it as the
commune meant it, or says exactly what to do."""

from __future__ import annotations

import re

from openpyxl import Workbook
from tests.unit.report.conftest import error_lines, run, write_report

from vanban.review.projection import project

COMMUNES = """\
units:
  phuong-vinh-hung: {name: Phường Vinh Hưng}
  phuong-thai-hoa: {name: Phường Thái Hòa}
  xa-anh-son: {name: Xã Anh Sơn}
  xa-anh-son-dong: {name: Xã Anh Sơn Đông}
  xa-tan-thuy: {name: Xã Tân Thủy}
"""
HEAD = ["STT", "Đơn vị", "Số tổ hòa giải", "Số hòa giải viên", "Số vụ việc tiếp nhận",
        "Hòa giải thành", "Hòa giải không thành", "Đang giải quyết"]
FIGURES = {"Xã Anh Sơn": [10, 60, 20, 17, 2, 1], "Xã Anh Sơn Đông": [8, 50, 10, 9, 1, 0],
           "Phường Vinh Hưng": [12, 80, 30, 25, 3, 2], "Phường Thái Hòa": [9, 55, 12, 10, 1, 1],
           "Xã Tân Thủy": [7, 40, 6, 5, 1, 0]}
VALIDATE = ("report", "validate", "plans/quang-binh/2024/bc.yaml")


def _folder(workspace):
    (workspace.parent / "_shared" / "don-vi-xa.yaml").write_text(COMMUNES, encoding="utf-8")
    folder = workspace / "so-lieu"
    folder.mkdir()
    write_report(workspace, data="so-lieu\n  level: xã, phường")
    return folder


def _book(path, rows, *, titles=0, sheet="Sheet1", before=None, after=(), hidden=()):
    """One commune's workbook: ``titles`` merged title rows, the header, ``rows`` (name,
    figures), then ``after`` rows as they are; ``before``: a sheet in front of the data's."""
    book = Workbook()
    ws = book.active
    if before:
        ws.title = before
        ws.append(["Hướng dẫn: điền số liệu vào trang bên cạnh."])
        ws = book.create_sheet(sheet)
    ws.title = sheet
    for i in range(titles):
        ws.append([f"BIỂU SỐ LIỆU HÒA GIẢI Ở CƠ SỞ ({i + 1})"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=8)
    ws.append(HEAD)
    for n, (name, figures) in enumerate(rows, 1):
        ws.append([n, name, *figures])
        if name in hidden:
            ws.row_dimensions[ws.max_row].hidden = True
    for row in after:
        ws.append(list(row))
    book.save(path)


def _every_commune(folder, skip=()):
    for i, (name, figures) in enumerate(FIGURES.items()):
        if name not in skip:
            _book(folder / f"{i:02d}.xlsx", [(name, figures)], titles=i % 3)


def test_a_commune_named_by_its_committee_or_bare_or_tone_marks_otherwise_is_the_commune(
        workspace):
    folder = _folder(workspace)
    for i, (written, name) in enumerate([
            ("UBND xã Anh Sơn", "Xã Anh Sơn"), ("Anh Sơn Đông", "Xã Anh Sơn Đông"),
            ("Ủy ban nhân dân phường Vinh Hưng", "Phường Vinh Hưng"),
            ("UBND phường Thái Hoà", "Phường Thái Hòa"), ("xã  Tân Thuỷ", "Xã Tân Thủy")]):
        _book(folder / f"{i}.xlsx", [(written, FIGURES[name])], titles=i % 2)
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output


def test_a_bare_name_two_units_share_is_not_guessed(workspace):
    folder = _folder(workspace)
    (workspace.parent / "_shared" / "don-vi-xa.yaml").write_text(
        COMMUNES + "  xa-vinh-hung: {name: Xã Vinh Hưng}\n", encoding="utf-8")
    _every_commune(folder, skip=("Phường Vinh Hưng",))
    _book(folder / "vh.xlsx", [("Vinh Hưng", FIGURES["Phường Vinh Hưng"])])
    result = run(*VALIDATE)
    assert result.exit_code == 1
    assert [line for line in error_lines(result) if " lỗi " in line] == [(
        'plans/quang-binh/2024/so-lieu/vh.xlsx:2:2: lỗi [data.unit-unknown] Sheet1!B2: Tên "Vinh '
        'Hưng" có thể là "Xã Vinh Hưng" hoặc "Phường Vinh Hưng": không rõ đơn vị nào. Ghi đủ tên, '
        'ví dụ "Xã Vinh Hưng".')]


SIGNED = [[], ["", "", "", "", "", "", "Anh Sơn, ngày 10 tháng 12 năm 2026"],
          ["", "NGƯỜI LẬP BIỂU", "", "", "", "", "CHỦ TỊCH"], [], ["", "Nguyễn Thị Hoa", "", "",
                                                                 "", "", "Lê Văn Bình"]]


def test_the_signature_below_a_communes_table_and_its_empty_numbered_rows_are_not_data(
        workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn", "Xã Tân Thủy"))
    _book(folder / "anh-son.xlsx", [("Xã Anh Sơn", FIGURES["Xã Anh Sơn"])], titles=2,
          after=SIGNED)
    _book(folder / "tan-thuy.xlsx", [("Xã Tân Thủy", FIGURES["Xã Tân Thủy"])],
          after=[[2], [3], [4, "", "", "", "", "", "", "", "Ghi chú: số liệu đến 30/11"]])
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert "[data" not in result.output
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output


def test_a_row_that_names_a_commune_without_figures_is_still_an_error(workspace):
    folder = _folder(workspace)
    _every_commune(folder)
    _book(folder / "z.xlsx", [], after=[[1, "Xã Bình Minh"]])
    result = run(*VALIDATE)
    assert result.exit_code == 1
    # Each empty cell of the short row is named by its own place, not the row's last cell's.
    assert [line.split(" ", 4)[2:4] for line in error_lines(result)] == [
        ["[data.unit-unknown]", "Sheet1!B2:"]] + [
        ["[data.empty-cell]", f"Sheet1!{c}2:"] for c in "CDEFGH"]
    assert error_lines(result)[-1].startswith("plans/quang-binh/2024/so-lieu/z.xlsx:2:8: ")


def test_a_communes_totals_row_is_not_read_and_not_an_error(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn",))
    _book(folder / "anh-son.xlsx", [("Xã Anh Sơn", FIGURES["Xã Anh Sơn"])], titles=1,
          after=[["", "Tổng cộng", *[f"=SUM({c}3:{c}3)" for c in "CDEFGH"]]])
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert "[data" not in result.output
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output


def test_the_communes_that_sent_nothing_are_named(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn Đông", "Phường Thái Hòa", "Xã Tân Thủy"))
    _book(folder / "tan-thuy.xlsx", [("UBND xã Tân Thủy", [7, 40, 6, 5, 1, 1])])  # 5+1+1 ≠ 6
    result = run(*VALIDATE)
    assert result.exit_code == 1
    missing = ("plans/quang-binh/2024/bc.yaml:7:9: cảnh báo [data.units-missing] data.file: Chưa "
               "có số liệu của 2/5 xã, phường trong danh mục: Phường Thái Hòa, Xã Anh Sơn Đông. "
               "Các đơn vị này chưa gửi tệp, hoặc tệp chưa được chép vào thư mục số liệu; báo "
               "cáo dựng lúc này không có số liệu của họ.")
    # Tân Thủy's file came: its row is wrong, the commune is not missing.
    assert error_lines(result)[-2:] == [(
        "plans/quang-binh/2024/so-lieu/tan-thuy.xlsx:2:5: lỗi [data.sum-mismatch] Sheet1!E2: "
        "hòa giải thành (5) + hòa giải không thành (1) + đang giải quyết (1) = 7, khác số vụ "
        "việc tiếp nhận (6). Kiểm tra lại số liệu của dòng này."), missing]
    _book(folder / "tan-thuy.xlsx", [("UBND xã Tân Thủy", [7, 40, 6, 5, 1, 0])])
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [missing]


def test_a_commune_typing_every_figure_as_text_is_warned_once(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn",))
    _book(folder / "anh-son.xlsx", [("Xã Anh Sơn", [str(n) for n in FIGURES["Xã Anh Sơn"]])],
          titles=1)
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        ('plans/quang-binh/2024/so-lieu/anh-son.xlsx:3:3: cảnh báo [data.number-as-text] '
        'Sheet1!C3: 6 ô ở 6 cột ("Số tổ hòa giải", "Số hòa giải viên" …) ghi số dưới dạng chữ '
        "(ô đầu tiên: Sheet1!C3); các ô này được đọc như số. Trong Excel: chọn các ô có tam giác "
        "xanh, bấm dấu chấm than → Convert to Number.")]
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output


def test_each_workbook_of_a_folder_gives_the_sheet_that_holds_the_table(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn", "Xã Tân Thủy"))
    _book(folder / "anh-son.xlsx", [("Xã Anh Sơn", FIGURES["Xã Anh Sơn"])], sheet="Biểu 01",
          before="Hướng dẫn", titles=2)
    _book(folder / "tan-thuy.xlsx", [("Xã Tân Thủy", FIGURES["Xã Tân Thủy"])], sheet="Số liệu")
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output
    report = workspace / "bc.yaml"  # the sheet named for all: the files without it find theirs
    report.write_text(report.read_text("utf-8").replace("  level:", "  sheet: Số liệu\n  level:"),
                      "utf-8")
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output


def test_a_row_hidden_in_excel_is_read_and_said_to_be_hidden(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn", "Xã Tân Thủy"))
    _book(folder / "anh-son.xlsx", [("Xã Anh Sơn", FIGURES["Xã Anh Sơn"]),
                                    ("Xã Anh Sơn (năm 2025)", [9, 58, 18, 15, 2, 1])],
          hidden=("Xã Anh Sơn (năm 2025)",), titles=1)
    _book(folder / "tan-thuy.xlsx", [("Xã Tân Thủy", FIGURES["Xã Tân Thủy"])],
          hidden=("Xã Tân Thủy",))
    result = run(*VALIDATE)
    assert result.exit_code == 1
    assert error_lines(result) == [
        ('plans/quang-binh/2024/so-lieu/anh-son.xlsx:4:2: lỗi [data.unit-unknown] Sheet1!B4: '
         'Không có đơn vị "Xã Anh Sơn (năm 2025)" trong danh mục đơn vị. Dòng 4 đang bị ẩn trong '
         "Excel: chọn các dòng trên và dưới nó, bấm chuột phải → Unhide (Bỏ ẩn) để thấy. Thêm đơn "
         "vị vào danh mục trong _shared/; nếu đơn vị vừa đổi tên, thêm tên cũ vào aliases của "
         "đơn vị đó."),
        ('plans/quang-binh/2024/so-lieu/tan-thuy.xlsx:2:2: cảnh báo [data.hidden-row] Dòng 2 '
         '("Xã Tân Thủy") đang bị ẩn trong Excel nhưng vẫn được tính vào tổng. Nếu dòng này '
         "không phải số liệu năm nay, xóa dòng; muốn xem: chọn các dòng trên và dưới nó, bấm "
         "chuột phải → Unhide (Bỏ ẩn) để thấy.")]


def test_a_communes_corrected_file_beside_its_first_one_is_told_to_replace_it(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn",))
    _book(folder / "anh-son.xlsx", [("Xã Anh Sơn", [10, 60, 20, 17, 2, 2])])
    _book(folder / "anh-son-sua.xlsx", [("Xã Anh Sơn", FIGURES["Xã Anh Sơn"])])
    result = run(*VALIDATE)
    assert result.exit_code == 1
    assert error_lines(result)[0] == (
        'plans/quang-binh/2024/so-lieu/anh-son.xlsx:2:2: lỗi [data.unit-twice] Sheet1!B2: Đơn vị '
        '"Xã Anh Sơn" có hai dòng số liệu (dòng trước ở Sheet1!B2 của tệp "anh-son-sua.xlsx"); '
        "số liệu sẽ bị tính hai lần. Nếu một tệp là bản gửi lại (bản sửa) của tệp kia, chuyển "
        "tệp cũ ra khỏi thư mục số liệu; nếu không, xóa dòng thừa.")
    (folder / "anh-son.xlsx").rename(workspace / "anh-son.xlsx")
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output


def test_the_appendix_lists_the_communes_in_the_registrys_order_not_by_file_name(workspace):
    folder = _folder(workspace)
    for name, figures in FIGURES.items():  # "BC Xã …", "Phường … - Biểu 01", "xa-…": any order
        _book(folder / f"{name[::-1]}.xlsx", [(name, figures)])
    built = run("build", "plans/quang-binh/2024/bc.yaml")
    assert built.exit_code == 0, built.output
    text = project(workspace.parents[2] / "outputs" / "quang-binh" / "2024" / "bc.docx")
    rows = [m.group(1) for m in re.finditer(r"^T\d+\.\d+\.2 \[[^]]*\] <[^>]*> (.*)$", text,
                                              re.MULTILINE)]
    assert rows[-6:] == ["Phường Vinh Hưng", "Phường Thái Hòa", "Xã Anh Sơn", "Xã Anh Sơn Đông",
                         "Xã Tân Thủy", "Tổng cộng"]


def test_a_form_sent_back_empty_a_date_and_a_comma_separated_number_are_said_plainly(
        workspace):
    import datetime

    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn", "Xã Tân Thủy"))
    _book(folder / "anh-son.xlsx", [("Xã Anh Sơn", [])])
    _book(folder / "tan-thuy.xlsx", [("Xã Tân Thủy", [7, "1,040", datetime.datetime(2026, 1, 6),
                                                      5, 1, 0])])
    result = run(*VALIDATE)
    assert result.exit_code == 1
    assert error_lines(result) == [
        ('plans/quang-binh/2024/so-lieu/anh-son.xlsx:2:2: lỗi [data.row-empty] Sheet1!B2: Dòng '
         'của "Xã Anh Sơn" chưa ghi số liệu nào (6 ô trống). Đề nghị đơn vị gửi lại tệp có số '
         "liệu; ghi 0 ở ô không có."),
        ('plans/quang-binh/2024/so-lieu/tan-thuy.xlsx:2:4: lỗi [data.not-number] Sheet1!D2: Cột '
         '"Số hòa giải viên": "1,040" không phải là số. Viết số không có dấu phẩy ngăn cách: '
         "1040."),
        ('plans/quang-binh/2024/so-lieu/tan-thuy.xlsx:2:5: lỗi [data.not-number] Sheet1!E2: Cột '
         '"Số vụ việc tiếp nhận": ô là ngày tháng (06/01/2026), không phải số. Excel đã đổi số '
         "gõ vào thành ngày: chọn ô, Format Cells → Number, rồi gõ lại số.")]


def _two_level(path, name, figures, *, title=True):
    """The form drawn with a heading on two rows, merged cells, and a row numbering the
    columns (A, B, 1, 2 …) under it."""
    book = Workbook()
    ws = book.active
    if title:
        ws.append(["BIỂU SỐ LIỆU HÒA GIẢI Ở CƠ SỞ"])
        ws.merge_cells("A1:H1")
    top = ws.max_row + 1 if title else 1
    ws.append(["STT", "Đơn vị", "Tổ hòa giải", "Hòa giải viên", "Vụ việc", "", "", ""])
    ws.append(["", "", "Tổng số", "Tổng số", "Tiếp nhận", "Thành", "Không thành",
               "Đang giải quyết"])
    ws.merge_cells(f"E{top}:H{top}")
    ws.merge_cells(f"A{top}:A{top + 1}")
    ws.merge_cells(f"B{top}:B{top + 1}")
    ws.append(["A", "B", *range(1, 7)])
    ws.append([1, name, *figures])
    book.save(path)


def test_a_heading_on_two_rows_with_numbered_columns_is_read_as_it_means(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn", "Xã Tân Thủy"))
    _two_level(folder / "anh-son.xlsx", "Xã Anh Sơn", FIGURES["Xã Anh Sơn"])
    _two_level(folder / "tan-thuy.xlsx", "Xã Tân Thủy", FIGURES["Xã Tân Thủy"], title=False)
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert "[data" not in result.output
    assert "Toàn tỉnh có 46 tổ hòa giải với 285 hòa giải viên." in result.output
    assert "tiếp nhận 78 vụ việc; hòa giải thành 66 vụ việc" in result.output


def test_a_workbook_with_last_years_sheet_in_front_says_which_sheet_it_read(workspace):
    folder = _folder(workspace)
    _every_commune(folder, skip=("Xã Anh Sơn",))
    book = Workbook()
    for title, figures in (("Năm 2025", [9, 58, 18, 15, 2, 1]),
                           ("Năm 2026", FIGURES["Xã Anh Sơn"])):
        ws = book.active if title == "Năm 2025" else book.create_sheet(title)
        ws.title = title
        ws.append(HEAD)
        ws.append([1, "Xã Anh Sơn", *figures])
    book.save(folder / "anh-son.xlsx")
    result = run(*VALIDATE)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        ('plans/quang-binh/2024/so-lieu/anh-son.xlsx:1:1: cảnh báo [data.sheets-several] Tệp có '
         'bảng số liệu ở 2 trang tính: đọc trang "Năm 2025" (trang đầu tiên), không đọc "Năm '
         '2026". Nếu số liệu năm nay ở trang khác, chuyển trang đó lên đầu hoặc xóa các trang '
         "cũ.")]
