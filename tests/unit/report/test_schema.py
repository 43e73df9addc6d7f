"""The report's JSON Schema (vanban schema --type bao-cao-ket-qua) is written for a clerk, and
the command line speaks English when asked."""

from __future__ import annotations

import json

from tests.unit.report.conftest import GOOD_ROWS, HEADER, error_lines, run, write_report

VIETNAMESE = "ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ"


def test_report_schema_is_written_for_a_clerk():
    result = run("schema", "--type", "bao-cao-ket-qua")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["required"][:3] == ["type", "plan", "issuer"]
    for obj in [schema, *schema["$defs"].values()]:
        assert any(c in VIETNAMESE for c in obj["description"].lower()), obj["title"]
        for key, field in obj.get("properties", {}).items():
            assert field.get("title", key) == key
            assert field.get("description"), (obj["title"], key)


def test_data_diagnostics_in_english(workspace):
    (workspace / "so-lieu.csv").write_text(HEADER + "\nĐồng Hớii,145,1012,98,84,9,5\n",
                                           encoding="utf-8")
    write_report(workspace)
    result = run("report", "validate", "plans/quang-binh/2024/bc.yaml", "--lang", "en")
    assert error_lines(result) == [
        ('plans/quang-binh/2024/so-lieu.csv:2:1: error [data.unit-unknown] A2: No unit "Đồng Hớii" '
        'in the unit registry. Did you mean "Đồng Hới"?')]


def test_build_reports_bad_data_as_validate_does(workspace):
    (workspace / "so-lieu.csv").write_text(
        HEADER + "\n" + GOOD_ROWS + "Ba Đồn,1,1,1,1,0,0\n", encoding="utf-8")
    write_report(workspace)
    validate = run("report", "validate", "plans/quang-binh/2024/bc.yaml")
    build = run("build", "plans/quang-binh/2024/bc.yaml")
    assert build.exit_code == validate.exit_code == 1
    assert error_lines(build) == error_lines(validate) == [
        ('plans/quang-binh/2024/so-lieu.csv:4:1: lỗi [data.unit-twice] A4: Đơn vị "Ba Đồn" có hai '
        "dòng số liệu (dòng trước ở A3); số liệu sẽ bị tính hai lần. Gộp hoặc xóa một trong hai "
        "dòng.")]
    assert not (workspace.parents[2] / "outputs").exists()
