"""The free-text parts of a report: one written empty is warned of at its key and not printed,
and the heading says only what follows ("TỒN TẠI, HẠN CHẾ" without "VÀ NGUYÊN NHÂN" when no
cause is given). The appendix prints the hòa giải header with Vietnamese quotation marks, from a
data file that writes it with straight ones."""

from __future__ import annotations

from tests.unit.report.conftest import error_lines, run, write_report

from vanban.review.projection import project

R = "plans/quang-binh/2024"
HEADER = ('Đơn vị,Số tổ hòa giải,"Tổ đạt ""5 tốt""",Số hòa giải viên,Số vụ việc tiếp nhận,'
          "Hòa giải thành,Hòa giải không thành,Đang giải quyết")
ROWS = "Đồng Hới,145,30,1012,98,84,9,5\nBa Đồn,96,20,668,72,60,8,4\n"


def _report(workspace, parts: str):
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + ROWS, encoding="utf-8")
    report = write_report(workspace)
    report.write_text(report.read_text(encoding="utf-8") + parts, encoding="utf-8")


def _body(workspace) -> list[str]:
    text = project(workspace.parents[2] / "out" / "quang-binh" / "2024" / "bc.docx")
    return [line.split("> ", 1)[1] for line in text.splitlines() if "> " in line]


def test_parts_written_empty_are_warned_of_and_not_printed(workspace):
    _report(workspace, "ton_tai: [Một số tổ hòa giải hoạt động chưa hiệu quả.]\n"
                       "nguyen_nhan: []\nphuong_huong: []\n")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == [
        (f'{R}/bc.yaml:26:1: cảnh báo [report.section-empty] nguyen_nhan: Phần "Nguyên nhân" '
         "(nguyen_nhan) còn trống: báo cáo dựng ra sẽ không có phần này. Ghi nội dung, mỗi đoạn "
         'một dòng "- …" dưới nguyen_nhan:; nếu báo cáo không có phần này, xóa dòng '
         "nguyen_nhan:."),
        (f'{R}/bc.yaml:27:1: cảnh báo [report.section-empty] phuong_huong: Phần "Phương hướng, '
         'nhiệm vụ" (phuong_huong) còn trống: báo cáo dựng ra sẽ không có phần này. Ghi nội '
         'dung, mỗi đoạn một dòng "- …" dưới phuong_huong:; nếu báo cáo không có phần này, xóa '
         "dòng phuong_huong:.")]
    built = run("build", f"{R}/bc.yaml", "--out", "out")
    assert built.exit_code == 0, built.stderr
    body = _body(workspace)
    assert "III. TỒN TẠI, HẠN CHẾ" in body, body
    assert not any("NGUYÊN NHÂN" in line or "PHƯƠNG HƯỚNG" in line or "KIẾN NGHỊ" in line
                   for line in body), body


def test_both_limits_and_causes_keep_the_full_heading(workspace):
    _report(workspace, "ton_tai: [Một số tổ chưa hiệu quả.]\nnguyen_nhan: [Kinh phí hạn chế.]\n"
                       "phuong_huong: [Tiếp tục kiện toàn tổ hòa giải.]\nkien_nghi: [Không có.]\n")
    built = run("build", f"{R}/bc.yaml", "--out", "out")
    assert built.exit_code == 0, built.stderr
    assert "cảnh báo" not in built.stderr
    body = _body(workspace)
    at = body.index("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")
    assert body[at + 1:at + 5] == ["1. Tồn tại, hạn chế", "Một số tổ chưa hiệu quả.",
                                   "2. Nguyên nhân", "Kinh phí hạn chế."]
    assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ" in body and "V. KIẾN NGHỊ, ĐỀ XUẤT" in body


def test_the_appendix_header_has_vietnamese_quotation_marks(workspace):
    _report(workspace, "")
    built = run("build", f"{R}/bc.yaml", "--out", "out")
    assert built.exit_code == 0, built.stderr
    body = _body(workspace)
    assert "Tổ đạt “5 tốt”" in body, [line for line in body if "5 tốt" in line]
    assert not any('"5 tốt"' in line for line in body)
