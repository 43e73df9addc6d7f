"""A province's communes' table names each row by the commune ("Xã Anh Sơn"), while the
registry knows the commune by its People's Committee, the issuer of its plans ("Ủy ban nhân
dân xã Anh Sơn"): the row is that unit's, and the appendix prints the commune's name."""

from __future__ import annotations

import re

from tests.unit.report.conftest import HEADER, error_lines, run, write_report

from vanban.review.projection import project

COMMUNES = """\
units:
  ubnd-anh-son:
    name: Ủy ban nhân dân xã Anh Sơn
    short: UBND xã
  ubnd-hai-thanh:
    name: Ủy ban nhân dân phường Hải Thành
    short: UBND phường
"""


def _communes(workspace):
    (workspace.parent / "_shared" / "don-vi-xa.yaml").write_text(COMMUNES, encoding="utf-8")


def test_a_commune_row_is_its_committee_and_prints_as_the_commune(workspace):
    _communes(workspace)
    (workspace / "so-lieu.csv").write_text(
        HEADER + "\nXã Anh Sơn,12,80,30,25,3,2\nphường Hải Thành,9,60,20,18,1,1\n", "utf-8")
    write_report(workspace)
    checked = run("report", "validate", "plans/quang-binh/2024/bc.yaml")
    assert checked.exit_code == 0, checked.output
    assert "Toàn tỉnh có 21 tổ hòa giải với 140 hòa giải viên." in checked.output
    built = run("build", "plans/quang-binh/2024/bc.yaml")
    assert built.exit_code == 0, built.output
    text = project(workspace.parents[2] / "outputs" / "quang-binh" / "2024" / "bc.docx")
    rows = [m.group(1) for m in re.finditer(r"^T\d+\.\d+\.2 \[[^]]*\] <[^>]*> (.*)$", text,
                                              re.MULTILINE)]
    assert "Xã Anh Sơn" in rows and "Phường Hải Thành" in rows
    assert "Ủy ban nhân dân xã Anh Sơn" not in text


def test_a_commune_without_its_committee_is_still_unknown(workspace):
    _communes(workspace)
    (workspace / "so-lieu.csv").write_text(
        HEADER + "\nXã Anh Sơn,12,80,30,25,3,2\nxã Bình Minh,9,60,20,18,1,1\n", "utf-8")
    write_report(workspace)
    result = run("report", "validate", "plans/quang-binh/2024/bc.yaml")
    assert result.exit_code == 1
    assert error_lines(result) == [
        ('plans/quang-binh/2024/so-lieu.csv:3:1: lỗi [data.unit-unknown] A3: Không có đơn vị '
        '"xã Bình Minh" trong danh mục đơn vị. Thêm đơn vị vào danh mục trong _shared/; nếu '
        'đơn vị vừa đổi tên, thêm tên cũ vào aliases của đơn vị đó.')]
