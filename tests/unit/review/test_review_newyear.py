"""vanban new-year and vanban rename-unit, on a copy of the example workspace."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]
P2025 = "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
P2026 = "plans/quang-binh/2026/ke-hoach-hoa-giai.yaml"
DRAFT = "plans/quang-trach/2025/ke-hoach-hoa-giai.yaml"


@pytest.fixture()
def workspace(example_workspace):
    return example_workspace


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_new_year_moves_only_the_plan_year(workspace):
    result = run("new-year", P2025, "--year", "2026")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Đã ghi {P2026}"
    changed = lines[2:lines.index("Còn phải quyết định:")]
    assert changed[:3] == [f"  {P2026}:8: number: 15 → number: null",
                           f"  {P2026}:9: date: 2025-01-14 → date: 2026-01-14",
                           (f"  {P2026}:13: giai đoạn 2021-2025” năm 2025 → giai đoạn "
                            "2021-2025” năm 2026")]
    assert len(changed) == 12 and all("timeline:" in line for line in changed[3:])
    decide = lines[lines.index("Còn phải quyết định:") + 1:]
    assert f"  {P2026}:67:1: Chỉ tiêu ty-le-hoa-giai-thanh giữ giá trị 90% của năm 2025; xem " \
           "lại." in decide
    assert f"  {P2026}:18:51: Còn \"2025\": trên địa bàn tỉnh Quảng Bình giai đoạn 2021 - " \
           "2025” (Đề án); năm 2025 là năm cuối thực hiện" in decide
    assert decide[-1] == (f"  {P2026}:261:1: Người ký: Đặng Minh Khoa (KT. CHỦ TỊCH, PHÓ CHỦ "
                          "TỊCH); kiểm tra còn đúng người, đúng chức vụ.")
    # Ids kept: the two years diff as number, date, title and timelines only.
    diff = json.loads(run("diff", P2025, P2026, "--format", "json").output)
    codes = {(c["code"], c["field"]) for c in diff["plans"][0]["changes"]}
    assert codes == {("frame.number", "number"), ("frame.date", "place_date"),
                     ("frame.title", "title"), ("task.timeline", "timeline")}
    # The new draft builds.
    assert run("validate", P2026).exit_code == 0


def test_new_year_refuses_to_overwrite_and_needs_a_year_folder(workspace):
    assert run("new-year", P2025, "--year", "2026").exit_code == 0
    again = run("new-year", P2025, "--year", "2026")
    assert again.exit_code == 1
    assert again.output == (f"{P2026}: lỗi [new-year.exists] Đã có tệp này; không ghi đè. Xóa "
                            "hoặc đổi tên nó, hoặc dùng -o để ghi ra tệp khác.\n")
    shutil.copy(P2025, "plans/ke-hoach.yaml")
    result = run("new-year", "plans/ke-hoach.yaml", "--year", "2026")
    assert result.exit_code == 1 and "[new-year.no-target]" in result.output


def test_rename_unit_rewrites_drafts_only(workspace):
    before = {p: Path(p).read_text(encoding="utf-8") for p in
              ("plans/quang-binh/2024/ke-hoach-hoa-giai.yaml", P2025, DRAFT)}
    result = run("rename-unit", "Phòng Tư pháp huyện", "phong-tu-phap-quang-trach")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Đã sửa 1 kế hoạch:",
        f"  {DRAFT}:184: - unit: Phòng Tư pháp huyện → - unit: phong-tu-phap-quang-trach"]
    after = Path(DRAFT).read_text(encoding="utf-8")
    assert after.count("phong-tu-phap-quang-trach") == \
        before[DRAFT].count("phong-tu-phap-quang-trach") + 1
    assert "chẽ giữa Phòng Tư pháp huyện với" in after  # free text is not a reference
    assert len(after.splitlines()) == len(before[DRAFT].splitlines())
    # The printed text is the same: the id prints the registry's name.
    assert run("diff", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml",
               "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml").exit_code == 0


def test_rename_unit_never_touches_issued_plans(workspace):
    before = Path(P2025).read_text(encoding="utf-8")
    result = run("rename-unit", "Sở Tư pháp", "so-tu-phap")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        ("plans/quang-binh/2024/ke-hoach-hoa-giai.yaml: cảnh báo [rename.issued] Kế hoạch đã ban "
        "hành (số 87) gọi \"Sở Tư pháp\"; không sửa văn bản đã ban hành."),
        (f"{P2025}: cảnh báo [rename.issued] Kế hoạch đã ban hành (số 15) gọi \"Sở Tư pháp\"; "
        "không sửa văn bản đã ban hành."),
        "Không có kế hoạch dự thảo nào gọi \"Sở Tư pháp\"; 2 kế hoạch đã ban hành giữ nguyên."]
    assert Path(P2025).read_text(encoding="utf-8") == before


def test_rename_unit_to_an_unknown_unit_writes_nothing(workspace):
    before = Path(DRAFT).read_text(encoding="utf-8")
    result = run("rename-unit", "Phòng Tư pháp huyện", "Phòng Tư Phap")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{DRAFT}:184:15: lỗi [unit.unknown] sections[3].content[0].unit[0]: Không có đơn vị "
        "\"Phòng Tư Phap\" trong danh mục đơn vị. Có phải \"Phòng Tư pháp\"?")
    assert Path(DRAFT).read_text(encoding="utf-8") == before


def test_pre_commit_hooks_run_real_commands():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["vanban-validate", "vanban-outputs-current"]
    for hook in hooks:
        program, command = hook["entry"].split()
        assert program == "vanban" and command in main.commands
        assert hook["pass_filenames"] is False and hook["language"] == "python"
        # Every file a build reads triggers the hook (a report's data too); outputs do not.
        files = re.compile(hook["files"])
        inputs = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "plans").rglob("*"))
                  if p.is_file()] + ["templates/mau-1-4.docx"]
        assert any(p.endswith(".xlsx") for p in inputs) and any(p.endswith(".csv")
                                                               for p in inputs)
        assert [p for p in inputs if not files.match(p)] == []
        assert not files.match("outputs/quang-binh/2024/ke-hoach-hoa-giai.docx")


REFORM = """
  ubnd-quang-tri:
    name: Ủy ban nhân dân tỉnh Quảng Trị
    short: UBND tỉnh Quảng Trị
    abbr: UBND
    header: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG TRỊ]
    place: Quảng Trị
    collective: true
"""


def _reform(registry: Path) -> None:
    """Since 1 July 2025: Quảng Bình is part of Quảng Trị, no district People's Committees."""
    text = registry.read_text(encoding="utf-8")
    text = text.replace("    collective: true\n  so-tu-phap:",
                        "    collective: true\n    valid_until: 2025-06-30\n"
                        "    successor: ubnd-quang-tri\n  so-tu-phap:", 1)
    text = text.replace("    short: UBND các huyện, thị xã, thành phố\n",
                        "    short: UBND các huyện, thị xã, thành phố\n"
                        "    valid_until: 2025-06-30\n    successor: ubnd-cap-xa\n", 1)
    registry.write_text(text.replace("units:\n", "units:" + REFORM, 1), encoding="utf-8")


def test_new_year_across_the_reform_proposes_successors(workspace):
    _reform(workspace / "plans/_shared/don-vi.yaml")
    assert run("validate", P2025).exit_code == 0  # dated January 2025: still valid then
    result = run("new-year", P2025, "--year", "2026")
    assert result.exit_code == 0, result.output
    decide = result.output.splitlines()
    assert f"  {P2026}:7:9: \"ubnd-quang-binh\" không còn hoạt động sau ngày 30/06/2025; đề " \
           "xuất đơn vị kế thừa ubnd-quang-tri: vanban rename-unit \"ubnd-quang-binh\" " \
           "ubnd-quang-tri" in decide
    assert any("\"UBND các huyện, thị xã, thành phố\" không còn hoạt động sau ngày 30/06/2025; "
               "đề xuất đơn vị kế thừa ubnd-cap-xa" in line for line in decide)
    checked = run("validate", P2026)
    assert checked.exit_code == 0
    ceased = [ln for ln in checked.stderr.splitlines() if "[unit.ceased]" in ln]
    assert ceased[0] == (f"{P2026}:7:9: cảnh báo [unit.ceased] issuer: \"Ủy ban nhân dân tỉnh "
                         "Quảng Bình\" không còn hoạt động sau ngày 30/06/2025; đơn vị kế thừa: "
                         "\"Ủy ban nhân dân tỉnh Quảng Trị\" (mã ubnd-quang-tri). Đổi bằng: "
                         "vanban rename-unit \"ubnd-quang-binh\" ubnd-quang-tri")
    # The draft follows the proposal: the issuer is renamed, and the warning is gone.
    assert run("rename-unit", "ubnd-quang-binh", "ubnd-quang-tri").exit_code == 0
    again = run("validate", P2026)
    assert not any("[unit.ceased] issuer" in ln for ln in again.stderr.splitlines())
    assert "  [co-quan] Cơ quan ban hành: ỦY BAN NHÂN DÂN / TỈNH QUẢNG [-BÌNH-]{+TRỊ+}" in run(
        "diff", P2025, P2026).output.splitlines()


def test_new_year_of_a_decision_that_issues_a_plan(workspace):
    decision = "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml"
    result = run("new-year", decision, "--year", "2026")
    assert result.exit_code == 0, result.output
    target = decision.replace("2025", "2026")
    assert (f"  {target}:34:1: Văn bản ban hành kèm theo: ke-hoach-hoa-giai.yaml; cần có bản năm "
            "2026 của nó (vanban new-year <tệp đó> --year 2026).") in result.output.splitlines()
    assert f"  {target}:7: number: 125 → number: null" in result.output.splitlines()


def test_a_drafts_named_files_are_found_beside_its_target(workspace):
    """A report names its plan by id in its own folder: the draft is checked there (not in the
    temporary folder it is staged in), so the plan is found; what is left is the report's own
    problems (last year's evidence falls outside next year's period)."""
    report = "plans/quang-binh/2025/bao-cao-hoa-giai.yaml"
    result = run("new-year", report, "--year", "2026", "-o", "plans/quang-binh/2025/bc-2026.yaml")
    assert result.exit_code == 1
    assert "report.plan-unknown" not in result.output
    assert "[report.evidence-outside]" in result.output


def test_new_year_moves_quarters_and_months_of_the_year_in_timelines(workspace):
    text = Path(P2025).read_text(encoding="utf-8")
    assert "timeline: năm 2025\n" in text
    text = text.replace("timeline: năm 2025\n", "timeline: Quý III/2025\n", 1)
    text = text.replace("timeline: năm 2025\n", "timeline: Tháng 6/2025\n", 1)
    text = text.replace("timeline: năm 2025\n",
                        "timeline: Theo Nghị quyết số 12/2025/NQ-HĐND, quý IV/2025\n", 1)
    Path(P2025).write_text(text, encoding="utf-8")
    result = run("new-year", P2025, "--year", "2026")
    assert result.exit_code == 0, result.output
    new = Path(P2026).read_text(encoding="utf-8")
    assert "timeline: Quý III/2026\n" in new and "timeline: Tháng 6/2026\n" in new
    assert "timeline: Theo Nghị quyết số 12/2025/NQ-HĐND, quý IV/2026\n" in new


def test_new_year_outside_the_workspace_is_checked_with_the_plans_registry(workspace, tmp_path):
    target = tmp_path.parent / f"{tmp_path.name}-out" / "ke-hoach-2026.yaml"
    target.parent.mkdir()
    result = run("new-year", P2025, "--year", "2026", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert "lỗi [" not in result.output
    assert result.output.splitlines()[-1] == (
        f"{target}: cảnh báo [new-year.outside-workspace] Tệp mới không nằm trong thư mục có "
        "danh mục _shared/ (đơn vị, người ký): đã kiểm tra bằng danh mục của kế hoạch gốc. Chép "
        "tệp vào thư mục plans/ của dự án trước khi dựng.")
