"""A build that makes many documents again to the same bytes (an edit of the shared registry
in a province's workspace) counts them in one line instead of naming each; the files written
are still named one a line, and a few unchanged files are still named."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from vanban.cli import main

CASES = Path(__file__).resolve().parents[1] / "cases"


def test_many_unchanged_files_are_one_line(tmp_path, monkeypatch):
    shutil.copytree(CASES / "_shared", tmp_path / "plans" / "_shared")
    communes = [f"xa-{n:03d}" for n in range(22)]  # more than the 20 named one a line
    for commune in communes:
        folder = tmp_path / "plans" / commune / "2024"
        folder.mkdir(parents=True)
        shutil.copy(CASES / "valid" / "plan.yaml", folder / "ke-hoach.yaml")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    plan = tmp_path / "plans" / communes[0] / "2024" / "ke-hoach.yaml"
    plan.write_text(plan.read_text("utf-8").replace("number: ", "number: 9", 1), "utf-8")
    forced = CliRunner().invoke(main, ["build", "--force"])
    assert forced.exit_code == 0, forced.output
    assert forced.stdout.splitlines() == [
        f"Đã ghi outputs/{communes[0]}/2024/ke-hoach.docx",
        f"Không đổi: {len(communes) - 1} tệp (dựng lại giống hệt tệp đang có, không ghi lại)."]
    few = CliRunner().invoke(main, ["build", "--force", f"plans/{communes[1]}"])
    assert few.stdout == f"Không đổi outputs/{communes[1]}/2024/ke-hoach.docx\n"
