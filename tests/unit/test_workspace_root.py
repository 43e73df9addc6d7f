"""The workspace a command works in: run from any folder inside it (or naming plans inside it),
build and validate use its plans/, outputs/ and templates/, never a folder of YAML files."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main
from vanban.jobs import workspace_root

ROOT = Path(__file__).resolve().parents[2]
PLAN = "plans/quang-trach/2025/ke-hoach-hoa-giai.yaml"
DOCX = "outputs/quang-trach/2025/ke-hoach-hoa-giai.docx"


@pytest.fixture()
def ws(tmp_path, monkeypatch) -> Path:
    """A workspace (the Kế hoạch examples and the templates) with the working folder inside
    its plans, where the plan files are."""
    shutil.copytree(ROOT / "plans", tmp_path / "ws" / "plans", ignore=shutil.ignore_patterns(
        "*.x*", "*.csv", "bao-cao-*.yaml", "so-lieu"))
    shutil.copytree(ROOT / "templates", tmp_path / "ws" / "templates")
    monkeypatch.chdir(tmp_path / "ws" / "plans" / "quang-trach" / "2025")
    return tmp_path / "ws"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(("cwd", "paths", "expected"), [
    ("ws", [], "ws"),
    ("ws/plans/a/b", [], "ws"),
    ("ws/outputs", [], "ws"),
    ("ws/plans/a/b", ["x.yaml"], "ws"),
    ("", ["ws/plans/a/b/x.yaml"], "ws"),  # a plan under <root>/plans/ belongs to <root>
    ("", ["ws/plans"], "ws"),
    ("other/plans/a", ["../../../ws/plans/a/b"], "ws"),
    ("other/plans/a", ["../../../ws/plans/a", "x.yaml"], "other"),  # two workspaces: here's
    ("ws/plans/a", ["../../../elsewhere/x.yaml"], "ws"),  # never outputs in a folder of plans
    ("ws/tests", ["x.yaml"], None),  # plans beside a workspace, not in it: as before
    ("ws", ["../elsewhere/x.yaml"], None),
    ("", [], None),  # outside any workspace
    ("elsewhere", ["x.yaml"], None),
], ids=["root", "inside-plans", "inside-outputs", "plan-here", "plan-below", "plans-folder",
        "plans-elsewhere", "two-workspaces", "plan-outside", "plans-beside", "plan-outside-root",
        "outside", "outside-plan"])
def test_the_workspace_is_found_from_the_plans_or_the_working_folder(tmp_path, cwd, paths,
                                                                    expected):
    for folder in ("ws/plans/a/b", "ws/outputs", "ws/tests", "other/plans/a", "elsewhere"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    found = workspace_root([Path(p) for p in paths], tmp_path / cwd)
    assert found == (None if expected is None else (tmp_path / expected).resolve())


def test_build_from_a_folder_of_plans_writes_the_workspace_outputs(ws):
    here = Path.cwd()
    result = run("build", "ke-hoach-hoa-giai.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Đã ghi {DOCX}\n"  # paths as from the root
    assert Path.cwd() == here  # the working folder is the user's again
    assert sorted(p.name for p in here.iterdir()) == ["ke-hoach-hoa-giai.yaml"]  # no outputs/
    assert (ws / DOCX).is_file() and (ws / "outputs" / ".vanban-stamps.json").is_file()
    again = run("build")  # every plan of the workspace; this one current by its stamp
    assert "Đã ghi outputs/quang-binh/2024/ke-hoach-hoa-giai.docx" in again.stdout
    assert DOCX not in again.stdout and "1 văn bản bỏ qua" in again.stderr
    valid = run("validate", "--strict")
    assert valid.exit_code == 0 and valid.stderr == f"Hợp lệ: {_plans(ws)} văn bản.\n"


def _break_template(ws: Path) -> None:
    template = ws / "templates" / "mau-1-4.docx"
    with zipfile.ZipFile(template) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"{{ nguoi_ky }}", b"")
    with zipfile.ZipFile(template, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_build_from_a_folder_of_plans_uses_the_workspace_templates(ws):
    _break_template(ws)
    for command in ("validate", "build"):
        result = run(command, "ke-hoach-hoa-giai.yaml")
        assert result.exit_code == 1
        assert "templates/mau-1-4.docx: lỗi [template.missing]" in result.stderr
    assert not (ws / "outputs").exists()


def test_a_comparison_document_is_laid_out_by_the_workspace_templates(ws):
    from vanban.errors import VanbanError
    from vanban.pipeline import BuildCache, Job, prepare
    from vanban.review_inputs import render_document

    job = Job(Path("ke-hoach-hoa-giai.yaml"), "ke-hoach-hoa-giai.yaml", Path("x.docx"))
    document = prepare(job, BuildCache()).document
    assert render_document(document)[:2] == b"PK"
    _break_template(ws)
    with pytest.raises(VanbanError) as exc:
        render_document(document)
    assert [d.code for d in exc.value.diagnostics] == ["template.missing"]


def test_rename_unit_from_a_folder_of_plans_reads_every_plan_of_the_workspace(ws):
    result = run("rename-unit", "Sở Tư pháp", "so-tu-phap")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml: cảnh báo [rename.issued] Kế hoạch đã ban "
        "hành (số 87) gọi \"Sở Tư pháp\"; không sửa văn bản đã ban hành.")


def test_serve_from_a_folder_of_plans_serves_the_workspace(ws, monkeypatch, tmp_path):
    from vanban.serve import app

    seen = []
    monkeypatch.setattr(app, "run", lambda plans, **kw: seen.append((plans, kw["out"],
                                                                     Path.cwd())))
    assert run("serve", "--out", "xem").exit_code == 0
    assert seen == [(Path("plans"), Path("plans/quang-trach/2025/xem"), ws.resolve())]
    os.chdir(tmp_path)  # no workspace here
    result = run("serve")
    assert result.exit_code == 2 and "Không có thư mục plans/" in result.output


def test_a_plan_error_is_shown_from_the_root_and_out_is_taken_from_here(ws):
    plan = Path("ke-hoach-hoa-giai.yaml")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 1
    assert f"{PLAN}:" in result.stderr and "[schema.extra-forbidden]" in result.stderr
    plan.write_text(text, encoding="utf-8")
    built = run("build", "--out", "ra", str(plan))
    assert built.exit_code == 0, built.output
    mirrored = "ra/quang-trach/2025/ke-hoach-hoa-giai.docx"  # the folders below plans/ kept
    assert built.stdout == f"Đã ghi plans/quang-trach/2025/{mirrored}\n"
    assert Path(mirrored).is_file() and not (ws / "outputs").exists()


def test_outside_any_workspace_the_working_folder_is_used_as_before(ws, tmp_path):
    alone = tmp_path / "alone"
    shutil.copytree(Path.cwd(), alone)
    shutil.copytree(ws / "plans" / "_shared", alone / "_shared")
    os.chdir(alone)
    result = run("build", "ke-hoach-hoa-giai.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Đã ghi outputs/ke-hoach-hoa-giai.docx\n"


def _plans(ws: Path) -> int:
    return sum(1 for p in (ws / "plans").rglob("*.yaml") if "_shared" not in p.parts)
