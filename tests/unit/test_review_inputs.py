"""The review commands prepare a plan as a build does (pipeline.prepare): a Quyết định is
compared with the plan it issues, that plan's errors stop the comparison, and a decision is
composed again when the plan it issues changed, even if its own text did not."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban import pipeline
from vanban.cli import main
from vanban.errors import VanbanError
from vanban.jobs import Job
from vanban.review_inputs import load_side

ROOT = Path(__file__).resolve().parents[2]
YEAR = "plans/quang-binh/2025"
PLAN = f"{YEAR}/ke-hoach-hoa-giai.yaml"
QD = f"{YEAR}/quyet-dinh-ban-hanh-ke-hoach.yaml"


def _workspace(folder: Path) -> Path:
    """One plan and the decision that issues it, with their registries."""
    shutil.copytree(ROOT / "plans" / "_shared", folder / "plans" / "_shared")
    shutil.copytree(ROOT / "plans" / "quang-binh" / "_shared",
                    folder / "plans" / "quang-binh" / "_shared")
    (folder / YEAR).mkdir(parents=True)
    for name in (PLAN, QD):
        shutil.copy(ROOT / name, folder / name)
    return folder


@pytest.fixture()
def ws(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return _workspace(tmp_path)


def _break(plan: Path) -> None:
    plan.write_text(plan.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1),
                    encoding="utf-8")


def test_a_decision_is_composed_as_the_build_composes_it(ws):
    side = load_side(QD, "new")
    (item,) = side.plans.values()
    built = pipeline.prepare(Job(ws / QD, QD, ws / "qd.docx"), pipeline.BuildCache())
    assert len(item.document.attachments) == 1  # the plan it issues
    assert item.document == built.document
    assert item.plan == built.plan and item.doctype is built.doctype


def test_an_error_in_the_plan_a_decision_issues_stops_the_comparison(ws):
    _break(ws / PLAN)
    result = CliRunner().invoke(main, ["diff", QD, QD])
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if "[schema.extra-forbidden]" in ln]
    assert lines and all(ln.startswith(f"{PLAN}:") for ln in lines), result.stderr


def test_a_decision_is_composed_again_when_the_plan_it_issues_changed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old, new = _workspace(tmp_path / "old"), _workspace(tmp_path / "new")
    old_side = load_side("old/plans", "old")
    same = load_side("new/plans", "new", reuse=old_side)
    rel = QD.removeprefix("plans/")
    assert same.plans[rel].document is old_side.plans[rel].document  # nothing changed: reused
    plan = new / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp", "Bộ Nội vụ", 1),
                    encoding="utf-8")
    changed = load_side("new/plans", "new", reuse=old_side)
    assert changed.plans[rel].document != old_side.plans[rel].document
    assert changed.plans[rel].document == pipeline.prepare(
        Job(new / QD, "x", new / "qd.docx"), pipeline.BuildCache()).document
    assert (old / QD).read_bytes() == (new / QD).read_bytes()


def test_at_a_revision_the_issued_plan_is_named_by_its_revision(ws):
    _break(ws / PLAN)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=ws, check=True)
    subprocess.run(git + ["add", "-A"], cwd=ws, check=True)
    subprocess.run(git + ["commit", "-qm", "a"], cwd=ws, check=True)
    shutil.copy(ROOT / PLAN, ws / PLAN)  # mended since
    load_side(QD, "new")
    with pytest.raises(VanbanError) as exc:
        load_side(f"HEAD:{QD}", "old", cwd=ws)
    files = {d.span.file for d in exc.value.diagnostics if d.code == "schema.extra-forbidden"}
    assert files == {f"HEAD:{PLAN}"}


def _commit(folder: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(git + ["add", "-A"], cwd=folder, check=True)
    subprocess.run(git + ["commit", "-qm", "a"], cwd=folder, check=True)


@pytest.mark.parametrize("old", [f"HEAD:{PLAN}", "HEAD:./ke-hoach-hoa-giai.yaml",
                                 "HEAD:../2025/ke-hoach-hoa-giai.yaml"],
                         ids=["from-top", "dot-slash", "dot-dot"])
def test_rev_path_in_a_subfolder_reads_as_git_reads_it(ws, monkeypatch, old):
    """REV:path is from the repository's top ("./" from the working folder), as in git, in
    diff and in compare, run from a plan's own folder."""
    plan = ws / PLAN
    _commit(ws)
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "timeline: Quý II, quý III năm 2025", "timeline: Quý III năm 2025", 1), encoding="utf-8")
    monkeypatch.chdir(ws / YEAR)
    result = CliRunner().invoke(main, ["diff", old, "ke-hoach-hoa-giai.yaml"])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == f"HEAD:{PLAN} → ke-hoach-hoa-giai.yaml"
    assert "  2. [tap-huan] Thời gian thực hiện: Quý II, quý III năm 2025 → Quý III năm 2025" \
        in result.output.splitlines()
    result = CliRunner().invoke(main, ["compare", old, "ke-hoach-hoa-giai.yaml", "-o", "b.docx"])
    assert result.exit_code == 0, result.output
    assert result.output == "Đã ghi b.docx (1 thay đổi).\n"


def test_rev_path_outside_the_revision_is_named(ws, monkeypatch):
    _commit(ws)
    monkeypatch.chdir(ws / YEAR)
    result = CliRunner().invoke(main, ["diff", "HEAD:ke-hoach-hoa-giai.yaml",
                                       "ke-hoach-hoa-giai.yaml"])
    assert result.exit_code == 2
    assert result.output == ('HEAD:ke-hoach-hoa-giai.yaml: lỗi [diff.not-in-rev] Phiên bản '
                             '"HEAD" không có "ke-hoach-hoa-giai.yaml". Đường dẫn sau "HEAD:" '
                             'tính từ gốc kho git; để tính từ thư mục đang đứng, viết '
                             '"HEAD:./ke-hoach-hoa-giai.yaml".\n')
