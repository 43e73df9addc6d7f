"""A report on a plan other than hòa giải declares its data table's columns (``data.columns``):
the table is read by the declared names, the totals, the rate sentence, the targets table and the
appendix use them, and every bad declaration or id is one located line."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree
from openpyxl import Workbook
from tests.unit.report.conftest import error_lines, run

from vanban.source.loader import load_file

R = "plans/quang-binh/2024"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

PLAN = """\
type: ke-hoach
issuer: ubnd-quang-binh
number: 12
date: 2026-01-15
title: Kế hoạch triển khai công tác phổ biến, giáo dục pháp luật năm 2026
sections:
  - title: NỘI DUNG
    content:
      - task: Tổ chức hội nghị phổ biến các luật mới
        id: hoi-nghi
        lead: so-tu-phap
        timeline: Quý III năm 2026
      - target: Tổ chức ít nhất 15 cuộc tuyên truyền trên địa bàn tỉnh.
        id: so-cuoc-tuyen-truyen
        value: 15
        unit: cuộc
recipients: [Bộ Tư pháp]
archive: {unit: NC}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH,
            position: PHÓ CHỦ TỊCH, signer: Nguyễn Văn A}
"""

COLUMNS = """\
    - {id: hoi_nghi, name: Số cuộc tuyên truyền, unit: cuộc, noun: tổng số cuộc tuyên truyền}
    - {id: luot_nguoi, name: Số lượt người tham dự, unit: lượt người, aliases: [Lượt người]}
    - {id: luot_nu, name: Trong đó nữ, unit: lượt người, part_of: luot_nguoi}
    - {id: tai_lieu, name: Số tài liệu phát hành, unit: bản}
"""

REPORT = """\
type: bao-cao-ket-qua
plan: ke-hoach-pbgdpl.yaml
issuer: so-tu-phap
number: 15
date: 2026-12-16
year: 2026
title: Kết quả thực hiện Kế hoạch phổ biến, giáo dục pháp luật năm 2026
data:
  file: {data}
  level: xã, phường
  columns:
{columns}rates:
  - {{id: ty-le-nu, name: Tỷ lệ nữ tham dự, of: luot_nu, over: luot_nguoi}}
targets:
  so-cuoc-tuyen-truyen: {{total: hoi_nghi}}
indicators:
  - {{id: tai-lieu, name: Số tài liệu phát hành, unit: bản, total: tai_lieu}}
tasks:
  hoi-nghi: {{status: hoàn thành}}
recipients: [Bộ Tư pháp]
archive: {{unit: PBGDPL}}
signature: {{signer: Nguyễn Văn A, position: GIÁM ĐỐC}}
"""

# "Lượt người" is the alias of luot_nguoi: a header may be any name of its column.
CSV_HEADER = "Đơn vị,Số cuộc tuyên truyền,Lượt người,Trong đó nữ,Số tài liệu phát hành"
CSV_ROWS = "Đồng Hới,12,1530,760,4000\nBa Đồn,8,970,480,2500\n"
RATE = ("Tỷ lệ nữ tham dự đạt 49,6% (1.240/2.500 lượt người, tính trên số lượt người tham "
        "dự).")
TOTALS = ("Toàn tỉnh: số cuộc tuyên truyền 20 cuộc; số lượt người tham dự 2.500 lượt người, "
          "trong đó nữ 1.240 lượt người; số tài liệu phát hành 6.500 bản.")


def _write(folder, data: str = "so-lieu.csv", columns: str = COLUMNS, report: str = REPORT):
    (folder / "ke-hoach-pbgdpl.yaml").write_text(PLAN, encoding="utf-8")
    (folder / "bc.yaml").write_text(report.format(data=data, columns=columns), encoding="utf-8")


def _csv(folder, text: str = CSV_HEADER + "\n" + CSV_ROWS):
    (folder / "so-lieu.csv").write_text(text, encoding="utf-8")


def _xlsx(folder):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Đơn vị", "Số cuộc tuyên truyền", "Số lượt người tham dự",
                  "Trong đó nữ", "Số tài liệu phát hành"])
    sheet.append([1, "Đồng Hới", 12, 1530, 760, 4000])
    sheet.append([2, "Ba Đồn", 8, 970, 480, 2500])
    book.save(folder / "so-lieu.xlsx")


def _cells(row) -> list[str]:
    return ["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.findall(f"{W}tc")]


def _paragraphs(body) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_declared_table_is_built_end_to_end(workspace, kind):
    if kind == "xlsx":
        _xlsx(workspace)
    else:
        _csv(workspace)
    _write(workspace, data=f"so-lieu.{kind}")
    built = run("build", f"{R}/bc.yaml")
    assert built.exit_code == 0, built.stderr
    # no [report.data-not-mediation]: the report has its own columns
    assert "cảnh báo" not in built.stderr and "lỗi" not in built.stderr, built.stderr
    docx = workspace.parents[2] / "outputs" / "quang-binh" / "2024" / "bc.docx"
    with zipfile.ZipFile(docx) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    texts = _paragraphs(body)
    assert TOTALS in texts
    assert RATE in texts
    assert not any("hòa giải" in t for t in texts), [t for t in texts if "hòa giải" in t]
    assert "SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC XÃ, PHƯỜNG (TỪ NGÀY 15/12/2025 ĐẾN NGÀY 14/12/2026)" \
        in texts
    tables = {tuple(_cells(t.find(f"{W}tr"))[:2]): t for t in body.iter(f"{W}tbl")}
    targets, unit_table = tables[("STT", "Chỉ tiêu")], tables[("STT", "Đơn vị")]
    rows = [_cells(r) for r in targets.findall(f"{W}tr")]
    assert rows[1:] == [
        ["1", "Tổ chức ít nhất 15 cuộc tuyên truyền trên địa bàn tỉnh", "cuộc", "15", "20",
         "133,3%"],
        ["2", "Số tài liệu phát hành", "bản", "", "6.500", ""]]
    rows = unit_table.findall(f"{W}tr")
    assert _cells(rows[0]) == ["STT", "Đơn vị", "Số cuộc tuyên truyền", "Số lượt người tham dự",
                               "Trong đó nữ", "Số tài liệu phát hành", "Tỷ lệ nữ tham dự (%)"]
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    assert [_cells(r) for r in rows[1:]] == [
        ["1", "Thành phố Đồng Hới", "12", "1.530", "760", "4.000", "49,7"],
        ["2", "Thị xã Ba Đồn", "8", "970", "480", "2.500", "49,5"],
        ["", "Tổng cộng", "20", "2.500", "1.240", "6.500", "49,6"]]
    # The appendix's section (the one after the table) is landscape.
    sections = [s for s in body.iter(f"{W}sectPr")]
    orient = [s.find(f"{W}pgSz").get(f"{W}orient") for s in sections]
    assert orient[-1] == "landscape" and orient[0] != "landscape"
    check = run("check", str(docx.relative_to(workspace.parents[2])))
    assert check.exit_code == 0, check.output
    assert check.output.splitlines() == [
        ("outputs/quang-binh/2024/bc.docx: đạt thể thức Nghị định 30/2020/NĐ-CP (0 lỗi, 0 cảnh "
        "báo).")]


def test_validate_prints_the_declared_figures(workspace):
    _csv(workspace)
    _write(workspace)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[3:5] == [TOTALS, RATE]


def _columns(*replace: tuple[str, str]) -> str:
    text = COLUMNS
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    return text


B = f"{R}/bc.yaml"
BAD_DECLARATIONS = [
    ("duplicate-id", COLUMNS + "    - {id: hoi_nghi, name: Số hội nghị}\n",
     [(f'{B}:16:12: lỗi [report.column-duplicate] data.columns[4].id: Mã cột "hoi_nghi" đã dùng '
      "cho cột thứ 1 trong columns.")]),
    ("reserved-id", COLUMNS + "    - {id: don_vi, name: Tên xã}\n",
     [(f'{B}:16:12: lỗi [report.column-duplicate] data.columns[4].id: Mã cột "don_vi" đã dùng '
      "cho một cột luôn có của bảng (stt, don_vi, ghi_chu).")]),
    ("duplicate-name", _columns(("name: Trong đó nữ", "name: Lượt người")),
     [(f'{B}:14:27: lỗi [report.column-duplicate] data.columns[2].name: Tên cột "Lượt người" '
      'trùng với cột "Số lượt người tham dự": mỗi tên (name, aliases) chỉ chỉ một cột.')]),
    ("id-not-a-slug", COLUMNS + "    - {id: Số-xã, name: Số xã tổ chức}\n",
     [(f'{B}:16:12: lỗi [report.column-id] data.columns[4].id: Mã cột "Số-xã" chỉ được gồm chữ '
      'thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ "luot_nguoi"). Có phải '
      '"so_xa"?')]),
    ("part-of-unknown", _columns(("part_of: luot_nguoi", "part_of: luot_nguoii")),
     [(f'{B}:14:67: lỗi [report.column-part-of] data.columns[2].part_of: part_of: không có cột '
      'mã "luot_nguoii" trong columns. Có phải "luot_nguoi"?')]),
    ("part-of-itself", _columns(("part_of: luot_nguoi", "part_of: luot_nu")),
     [(f'{B}:14:67: lỗi [report.column-part-of] data.columns[2].part_of: Cột "luot_nu" không '
      "thể là một phần của chính nó.")]),
    ("part-of-cycle", _columns(("aliases: [Lượt người]}", ("aliases: [Lượt người], "
                                                          "part_of: luot_nu}"))),
     [(f"{B}:13:103: lỗi [report.column-part-of] data.columns[1].part_of: part_of tạo thành "
      "vòng: luot_nguoi → luot_nu → luot_nguoi.")]),
    ("empty-name", _columns(("name: Trong đó nữ", 'name: ""')),
     [(f"{B}:14:27: lỗi [schema.string-too-short] data.columns[2].name: Giá trị không được để "
      "trống.")]),
]


@pytest.mark.parametrize("columns, expected", [c[1:] for c in BAD_DECLARATIONS],
                         ids=[c[0] for c in BAD_DECLARATIONS])
def test_bad_declarations(workspace, columns, expected):
    _csv(workspace)
    _write(workspace, columns=columns)
    result = run("report", "validate", B)
    assert error_lines(result) == expected
    assert result.exit_code == 1


BAD_IDS = [
    ("rate-of", ("of: luot_nu,", "of: luot_nuu,"),
     [(f'{B}:17:48: lỗi [report.column-unknown] rates[0].of: Bảng số liệu không có cột mã '
      '"luot_nuu". Có phải "luot_nu"?')]),
    ("target-total", ("total: hoi_nghi}", "total: hoi_nghii}"),
     [(f'{B}:19:33: lỗi [report.column-unknown] targets.so-cuoc-tuyen-truyen.total: Bảng số '
      'liệu không có cột mã "hoi_nghii". Có phải "hoi_nghi"?')]),
    ("mediation-id-in-a-declared-table", ("total: tai_lieu", "total: tiep_nhan"),
     [(f"{B}:21:67: lỗi [report.column-unknown] indicators[0].total: Bảng số liệu không có cột "
      'mã "tiep_nhan". Các cột: hoi_nghi, luot_nguoi, luot_nu, tai_lieu.')]),
]


@pytest.mark.parametrize("replace, expected", [c[1:] for c in BAD_IDS],
                         ids=[c[0] for c in BAD_IDS])
def test_a_wrong_column_id_is_located(workspace, replace, expected):
    _csv(workspace)
    _write(workspace, report=REPORT.replace(*replace))
    result = run("report", "validate", B)
    assert error_lines(result) == expected
    assert result.exit_code == 1


CSV = f"{R}/so-lieu.csv"
BAD_CELLS = [
    ("text", "Đồng Hới,mười,1530,760,4000\n",
     [(f'{CSV}:2:2: lỗi [data.not-number] B2: Cột "Số cuộc tuyên truyền": "mười" không phải là '
      "số.")]),
    ("negative", "Đồng Hới,12,1530,760,-4\n",
     [(f'{CSV}:2:5: lỗi [data.negative] E2: Cột "Số tài liệu phát hành": số âm (-4) không dùng '
      "được cho số lượng.")]),
    ("thousands-separator", "Đồng Hới,12,\"1.530\",760,4000\n",
     [(f'{CSV}:2:3: lỗi [data.not-number] C2: Cột "Số lượt người tham dự": "1.530" không phải '
      "là số. Viết số không có dấu chấm ngăn cách: 1530.")]),
    ("empty", "Đồng Hới,12,1530,,4000\n",
     [f'{CSV}:2:4: lỗi [data.empty-cell] D2: Cột "Trong đó nữ": ô trống. Ghi 0 nếu không có.']),
    ("unit-unknown", "Đồng Hớii,12,1530,760,4000\n",
     [(f'{CSV}:2:1: lỗi [data.unit-unknown] A2: Không có đơn vị "Đồng Hớii" trong danh mục đơn '
      'vị. Có phải "Đồng Hới"?')]),
    ("unit-twice", CSV_ROWS + "Thị xã Ba Đồn,1,1,1,1\n",
     [(f'{CSV}:4:1: lỗi [data.unit-twice] A4: Đơn vị "Thị xã Ba Đồn" có hai dòng số liệu (dòng '
      "trước ở A3); số liệu sẽ bị tính hai lần. Gộp hoặc xóa một trong hai dòng.")]),
    ("part-exceeds-whole", "Đồng Hới,12,1530,1531,4000\n",
     [(f'{CSV}:2:4: lỗi [data.part-exceeds] D2: Cột "Trong đó nữ" (1531) lớn hơn cột "Số lượt '
      'người tham dự" (1530).')]),
]


@pytest.mark.parametrize("rows, expected", [c[1:] for c in BAD_CELLS],
                         ids=[c[0] for c in BAD_CELLS])
def test_bad_cells_of_a_declared_table(workspace, rows, expected):
    _csv(workspace, CSV_HEADER + "\n" + rows)
    _write(workspace)
    result = run("report", "validate", B)
    assert error_lines(result) == expected
    assert result.exit_code == 1


def test_header_of_a_declared_table(workspace):
    _csv(workspace, CSV_HEADER.replace("Trong đó nữ", "Trong đó nũ") + "\n" + CSV_ROWS)
    _write(workspace)
    result = run("report", "validate", B)
    assert error_lines(result) == [
        (f'{CSV}:1:4: lỗi [data.unknown-column] D1: Cột "Trong đó nũ" không có trong các cột '
         'khai báo ở data.columns của báo cáo. Có phải "Trong đó nữ"?'),
        (f'{CSV}:1:1: lỗi [data.missing-column] Bảng số liệu thiếu cột "Trong đó nữ". Thêm cột '
        "này vào dòng tiêu đề (đúng tên như trên).")]
    assert result.exit_code == 1


def test_the_skeleton_of_another_plan_declares_columns_once_uncommented(workspace):
    """``report init`` on a plan not about hòa giải writes data: columns: as a comment; with
    the # taken off and a table of those columns, the report validates."""
    (workspace / "ke-hoach-pbgdpl.yaml").write_text(PLAN, encoding="utf-8")
    result = run("report", "init", f"{R}/ke-hoach-pbgdpl.yaml")
    assert result.exit_code == 0, result.stderr
    path = workspace / "bao-cao-pbgdpl.yaml"
    text = path.read_text(encoding="utf-8")
    assert "data" not in load_file(path).data
    lines = text.splitlines()
    start = lines.index("# data:")
    end = lines.index("#   - {id: ty-le-nu, name: Tỷ lệ nữ tham dự, of: luot_nu, over: luot_nguoi}")
    lines[start:end + 1] = [line[2:] for line in lines[start:end + 1]
                            if not line.startswith(("# previous", "rates: []"))]
    text = "\n".join(lines) + "\n"
    text = text.replace("status: null", "status: hoàn thành").replace(
        "kien_nghi: []", "kien_nghi: [Không có.]").replace(
        "phuong_huong: []", "phuong_huong: [Tiếp tục tuyên truyền.]").replace(
        "nguyen_nhan: []", "nguyen_nhan: [Kinh phí hạn chế.]").replace(
        "ton_tai: []", "ton_tai: [Một số xã chưa báo cáo đúng hạn.]").replace(
        "  so-cuoc-tuyen-truyen:  # Tổ chức ít nhất 15 cuộc tuyên truyền trên địa bàn tỉnh.\n"
        "    value: null", "  so-cuoc-tuyen-truyen: {total: so_cuoc}")
    path.write_text(text, encoding="utf-8")
    _csv(workspace, "Đơn vị,Số cuộc tuyên truyền,Số lượt người tham dự,Trong đó nữ\n"
                    "Đồng Hới,12,1530,760\n")
    (workspace / "so-lieu.xlsx").unlink(missing_ok=True)
    path.write_text(text.replace("file: so-lieu.xlsx", "file: so-lieu.csv"), encoding="utf-8")
    checked = run("report", "validate", f"{R}/bao-cao-pbgdpl.yaml")
    assert checked.exit_code == 0, checked.stderr
    assert checked.stderr == ""
    assert ("Tỷ lệ nữ tham dự đạt 49,7% (760/1.530 lượt người, tính trên số lượt người tham "
            "dự).") in checked.stdout.splitlines()


def test_a_yaml_table_is_read_by_the_declared_ids(workspace):
    (workspace / "so-lieu.yaml").write_text(
        "rows:\n"
        "  - {don_vi: Đồng Hới, hoi_nghi: 12, luot_nguoi: 1530, luot_nu: 760, tai_lieu: 4000}\n"
        "  - {don_vi: Ba Đồn, hoi_nghi: 8, luot_nguoi: \"1.106\", luot_nu: 480, tai_lieu: 2500}\n",
        encoding="utf-8")
    _write(workspace, data="so-lieu.yaml")
    result = run("report", "validate", B)
    assert error_lines(result) == [
        (f'{R}/so-lieu.yaml:3:47: lỗi [data.not-number] rows[1].luot_nguoi: Cột "Số lượt người '
         'tham dự": "1.106" không phải là số. Viết số không có dấu chấm ngăn cách: 1106.')]
    assert result.exit_code == 1


def test_a_communes_report_sums_up_for_the_commune(workspace):
    """The subject of the totals follows the issuer's header: "Toàn xã" for a UBND xã (a
    commune clerk's report said "Toàn tỉnh"); "Toàn tỉnh" for a Sở of the province."""
    registry = workspace.parents[1] / "_shared" / "don-vi.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("units:\n", (
        "units:\n  ubnd-xa-tan-lap:\n    name: Ủy ban nhân dân xã Tân Lập\n    abbr: UBND\n"
        "    header: [ỦY BAN NHÂN DÂN, XÃ TÂN LẬP]\n    place: Tân Lập\n"
        "    collective: true\n"), 1), encoding="utf-8")
    _csv(workspace)
    _write(workspace, report=REPORT.replace("issuer: so-tu-phap", "issuer: ubnd-xa-tan-lap"))
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert TOTALS.replace("Toàn tỉnh:", "Toàn xã:") in result.stdout.splitlines()
    _write(workspace)
    assert TOTALS in run("report", "validate", f"{R}/bc.yaml").stdout.splitlines()


def test_the_share_of_units_reaching_a_level_is_computed(workspace):
    """"100% đơn vị tổ chức ít nhất 10 cuộc": reaching: <column>, at_least: <level>; Đồng Hới
    held 12, Ba Đồn 8 → 50%, against the plan's 100% ("chưa đạt")."""
    _csv(workspace)
    report = REPORT.replace(
        "  - {{id: tai-lieu, name: Số tài liệu phát hành, unit: bản, total: tai_lieu}}",
        "  - {{id: don-vi-10-cuoc, name: Tỷ lệ đơn vị tổ chức từ 10 cuộc trở lên, unit: \"%\", "
        "plan: 100, reaching: hoi_nghi, at_least: 10}}")
    _write(workspace, report=report)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert ("2 | Tỷ lệ đơn vị tổ chức từ 10 cuộc trở lên | % | 100 | 50,0 | 50,0% (chưa đạt)"
            in result.stdout.splitlines()), result.stdout
    wrong = report.replace("reaching: hoi_nghi, at_least: 10", "reaching: hoi_nghi")
    _write(workspace, report=wrong)
    bad = run("report", "validate", f"{R}/bc.yaml")
    assert bad.exit_code == 1 and "[report.measure]" in bad.stderr
