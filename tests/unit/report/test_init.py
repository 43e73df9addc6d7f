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
    assert result.stdout.splitlines()[0] == f"Đã ghi {R}/bao-cao-hoa-giai.yaml"
    data = load_file(folder / "bao-cao-hoa-giai.yaml").data
    assert data["plan"] == "ke-hoach-hoa-giai.yaml"
    assert data["issuer"] == "ubnd-quang-binh"
    assert list(data["targets"]) == ["ty-le-hoa-giai-thanh", "to-hoa-giai-kien-toan",
                                     "hoa-giai-vien-moi-tap-huan"]
    assert all(t == {"status": None, "result": []} for t in data["tasks"].values())
    # The plan's target named as the rate the table computes is that rate: filled in.
    assert data["targets"]["ty-le-hoa-giai-thanh"] == {"of": "thanh", "over": "tiep_nhan"}
    assert data["targets"]["to-hoa-giai-kien-toan"] == {"value": None}
    checked = run("report", "validate", f"{R}/bao-cao-hoa-giai.yaml")
    codes = [line.split("[")[1].split("]")[0] for line in error_lines(checked)]
    # The free-text parts written empty are warned of (they would not be printed).
    assert codes == (["report.status-missing"] * len(data["tasks"])
                     + ["report.target-empty"] * 2 + ["report.section-empty"] * 4
                     + ["data.file-missing"])
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


def test_init_says_what_to_fill_and_the_build_names_exactly_that(workspace):
    """A skeleton stops the build of its folder until filled: init says so and lists the
    fields; the build's errors are those fields, one located line each, nothing else."""
    folder = workspace.parent / "2025"
    folder.mkdir()
    shutil.copy(ROOT / R / "ke-hoach-hoa-giai.yaml", folder)
    result = run("report", "init", f"{R}/ke-hoach-hoa-giai.yaml")
    assert result.exit_code == 0, result.stderr
    out = result.stdout.splitlines()
    b = f"{R}/bao-cao-hoa-giai.yaml"
    tasks = ["van-ban-dieu-hanh", "ra-soat-hoa-giai-vien", "tap-huan", "mo-hinh-dien-hinh",
             "cntt-co-so-du-lieu", "dang-tai-tai-lieu", "thong-tin-hai-chieu",
             "tong-ket-cap-huyen", "tong-ket-de-an"]
    fill = ([f"  {b}:16:9: data.file (so-lieu.xlsx)"]
            + [f"  {b}:{29 + 3 * i}:13: tasks.{t}.status" for i, t in enumerate(tasks)]
            + [f"  {b}:{61 + 2 * i}:3: targets.{t}" for i, t in enumerate(
                ["to-hoa-giai-kien-toan", "hoa-giai-vien-moi-tap-huan"])])
    assert out == [
        f"Đã ghi {b}",
        (f"Đến khi điền xong các mục sau, vanban build thư mục {R} dừng với lỗi (lệnh build "
        "dựng tất cả hoặc không dựng gì). Cần điền:"),
        *fill,
        f"Kiểm tra bằng: vanban report validate {b}",
    ]
    built = run("build", R)
    assert built.exit_code == 1
    # (place, field) of each build error, and of each line init listed
    errors = [(x.split(": lỗi [")[0], x.split("] ", 1)[1].split(": ")[0])
              for x in error_lines(built) if ": lỗi [" in x]
    assert errors == [tuple(x.strip().split(" (")[0].rsplit(": ", 1)) for x in fill]
    english = run("report", "init", f"{R}/ke-hoach-hoa-giai.yaml", "-o", f"{R}/bc-en.yaml",
                  "--lang", "en")
    assert english.stdout.splitlines()[1] == (
        f"Until these are filled, vanban build of {R} stops with errors (a build writes all or "
        "nothing). To fill:")


def test_init_takes_last_years_declared_columns_and_rates(workspace):
    """A plan other than hòa giải: its table's columns were declared in last year's report;
    the new skeleton had only a commented example of columns again, and a warning."""
    from tests.unit.report.test_declared_columns import COLUMNS, PLAN, REPORT

    base = workspace.parent
    for year in (2025, 2026):
        (base / str(year)).mkdir()
        (base / str(year) / "ke-hoach-pbgdpl.yaml").write_text(
            PLAN.replace("2026", str(year)), encoding="utf-8")
    last = REPORT.format(data="so-lieu.csv", columns=COLUMNS).replace("2026", "2025")
    (base / "2025" / "bao-cao.yaml").write_text(last, encoding="utf-8")
    made = base / "2026" / "bao-cao.yaml"
    result = run("report", "init", "plans/quang-binh/2026/ke-hoach-pbgdpl.yaml", "-o",
                 "plans/quang-binh/2026/bao-cao.yaml")
    assert result.exit_code == 0, result.output
    assert "[report.not-mediation]" not in result.output  # its columns are known
    data = load_file(made).data
    assert data["data"]["columns"] == load_file(base / "2025" / "bao-cao.yaml").data["data"][
        "columns"]
    assert data["rates"] == [{"id": "ty-le-nu", "name": "Tỷ lệ nữ tham dự", "of": "luot_nu",
                              "over": "luot_nguoi"}]
    assert data["data"]["file"] == "so-lieu.xlsx"  # this year's file is named by the clerk
    fill = result.stdout.splitlines()[2:-1]
    assert any("data.file" in line or "(so-lieu.xlsx)" in line for line in fill), fill
