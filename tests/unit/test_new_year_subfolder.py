"""vanban new-year run from inside the plan's year folder finds the next year's folder beside it
(a clerk's `cd plans/…/2025 && vanban new-year x.yaml --year 2026`)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from tests.conftest import copy_examples

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_new_year_from_the_year_folder_writes_beside_it(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_examples(tmp_path) / "plans" / "quang-binh" / "2025")
    result = CliRunner().invoke(main, ["new-year", "ke-hoach-hoa-giai.yaml", "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Đã ghi ../2026/ke-hoach-hoa-giai.yaml"
    written = tmp_path / "plans" / "quang-binh" / "2026" / "ke-hoach-hoa-giai.yaml"
    assert "number: null" in written.read_text(encoding="utf-8")
    assert not (tmp_path / "plans" / "quang-binh" / "2025" / "2026").exists()
