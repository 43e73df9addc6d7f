"""A --watch rebuild after one save prints the warnings of what it made, not again those kept
from the last build of every unchanged document (a province's hundreds would bury the saved
plan's own); it counts them in one line. A plain build still prints them all."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from vanban.cli import main
from vanban.cli_build import _build_once

CASES = Path(__file__).resolve().parents[1] / "cases"


def _workspace(tmp_path: Path) -> Path:
    shutil.copytree(CASES / "_shared", tmp_path / "plans" / "_shared")
    for commune in ("anh-son", "bach-ha", "cua-lo"):
        folder = tmp_path / "plans" / commune / "2024"
        folder.mkdir(parents=True)
        shutil.copy(CASES / "section-title-case" / "plan.yaml", folder / "ke-hoach.yaml")
    return tmp_path


def _warnings(text: str) -> list[str]:
    return [line.split(":")[0] for line in text.splitlines() if " cảnh báo [" in line]


def test_a_watch_rebuild_prints_only_the_saved_plans_warnings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(_workspace(tmp_path))
    first = CliRunner().invoke(main, ["build"])
    assert first.exit_code == 0 and len(_warnings(first.stderr)) == 3
    plan = tmp_path / "plans" / "bach-ha" / "2024" / "ke-hoach.yaml"
    plan.write_text(plan.read_text("utf-8").replace("Nâng cao năng lực", "Nâng cao trình độ"),
                    "utf-8")
    options = {"paths": (), "out_dir": Path("outputs"), "pdf": False, "jobs": 1,
               "strict": False, "lang": "vi"}
    assert _build_once(force=False, replay=False, **options)
    err = capsys.readouterr().err
    assert _warnings(err) == ["plans/bach-ha/2024/ke-hoach.yaml",  # its own, and: it is issued
                              "outputs/bach-ha/2024/ke-hoach.docx"]
    assert "(2 cảnh báo của các văn bản không đổi không in lại.)" in err.splitlines()
    plain = CliRunner().invoke(main, ["build"])  # not a watch rebuild: every warning again
    assert len(_warnings(plain.stderr)) == 3 and "không in lại" not in plain.stderr
