"""`vanban report init PLAN`: a skeleton listing every task and target of the plan, which
validates to exactly one "no status" per task and one "no result" per target."""

from __future__ import annotations

import shutil

from tests.unit.report.conftest import ROOT, TASK_IDS, error_lines, run

from vanban.source.loader import load_file

R = "plans/quang-binh/2025"


def test_init_lists_every_task_and_target(workspace):
    folder = workspace.parent / "2025"
    folder.mkdir()
    shutil.copy(ROOT / R / "ke-hoach-hoa-giai.yaml", folder)
    result = run("report", "init", f"{R}/ke-hoach-hoa-giai.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Đã ghi {R}/bao-cao-hoa-giai.yaml\n"
    data = load_file(folder / "bao-cao-hoa-giai.yaml").data
    assert data["plan"] == "ke-hoach-hoa-giai.yaml"
    assert data["issuer"] == "ubnd-quang-binh"
    assert list(data["targets"]) == ["ty-le-hoa-giai-thanh", "to-hoa-giai-kien-toan",
                                     "hoa-giai-vien-moi-tap-huan"]
    assert all(t == {"status": None, "result": []} for t in data["tasks"].values())
    checked = run("report", "validate", f"{R}/bao-cao-hoa-giai.yaml")
    codes = [line.split("[")[1].split("]")[0] for line in error_lines(checked)]
    assert codes == (["report.status-missing"] * len(data["tasks"])
                     + ["report.target-empty"] * 3 + ["data.file-missing"])
    assert checked.exit_code == 1


def test_init_never_overwrites(workspace):
    target = workspace / "bao-cao-hoa-giai.yaml"
    target.write_text("# đã có\n", encoding="utf-8")
    result = run("report", "init", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
    assert error_lines(result) == [
        ("plans/quang-binh/2024/bao-cao-hoa-giai.yaml: lỗi [output.exists] Tệp báo cáo đã có; "
        "lệnh init không ghi đè. Dùng -o để ghi ra tệp khác.")]
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "# đã có\n"


def test_init_to_another_folder_refers_to_the_plan_relatively(workspace):
    result = run("report", "init", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml",
                 "-o", "plans/quang-binh/bc-2024.yaml")
    assert result.exit_code == 0, result.stderr
    data = load_file(workspace.parent / "bc-2024.yaml").data
    assert data["plan"] == "2024/ke-hoach-hoa-giai.yaml"
    assert list(data["tasks"]) == list(TASK_IDS)


def test_init_of_a_broken_plan_reports_the_plan(workspace):
    plan = workspace / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title:", "titel:", 1),
                    encoding="utf-8")
    result = run("report", "init", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
    lines = error_lines(result)
    assert result.exit_code == 1
    assert any("[schema.extra-forbidden] titel" in line for line in lines)
    assert not (workspace / "bao-cao-hoa-giai.yaml").exists()
