"""validate's last line over a folder of many plans: valid or not, with the count of errors
and warnings and of the files they are in, in Vietnamese and English (a province's run over
hundreds of communes' plans must end with its count, not with its last diagnostic)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from vanban.cli import main

CASES = Path(__file__).resolve().parents[1] / "cases"


def _workspace(tmp_path: Path, *cases: str) -> Path:
    """plans/_shared (the cases' registry) and one commune folder per error case."""
    shutil.copytree(CASES / "_shared", tmp_path / "plans" / "_shared")
    for case in cases:
        target = tmp_path / "plans" / case / "2024"
        target.mkdir(parents=True)
        shutil.copy(CASES / case / "plan.yaml", target / "ke-hoach.yaml")
    return tmp_path


def _validate(ws: Path, monkeypatch, *args: str):
    monkeypatch.chdir(ws)
    return CliRunner().invoke(main, ["validate", *args])


def test_errors_end_with_their_count(tmp_path, monkeypatch):
    ws = _workspace(tmp_path, "issuer-unknown", "section-title-case", "valid")
    result = _validate(ws, monkeypatch)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert "[issuer.unknown]" in lines[0] and "[section.title-case]" in lines[1]
    assert lines[-1] == "Không hợp lệ: 1 lỗi, 1 cảnh báo trong 2 tệp; đã kiểm tra 3 văn bản."
    english = _validate(ws, monkeypatch, "--lang", "en")
    assert english.stderr.splitlines()[-1] == (
        "Not valid: 1 error(s), 1 warning(s) in 2 file(s); 3 document(s) checked.")


def test_warnings_only_are_counted_in_the_valid_line(tmp_path, monkeypatch):
    ws = _workspace(tmp_path, "section-title-case", "part-title-case", "valid")
    result = _validate(ws, monkeypatch)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == "Hợp lệ: 3 văn bản (2 cảnh báo trong 2 tệp)."
    strict = _validate(ws, monkeypatch, "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[-1] == (
        "Không hợp lệ: 0 lỗi, 2 cảnh báo trong 2 tệp; đã kiểm tra 3 văn bản.")


def test_a_clean_run_keeps_its_line(tmp_path, monkeypatch):
    result = _validate(_workspace(tmp_path, "valid"), monkeypatch)
    assert (result.exit_code, result.stderr) == (0, "Hợp lệ: 1 văn bản.\n")
