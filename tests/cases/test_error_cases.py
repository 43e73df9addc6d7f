"""Table-driven error cases: each folder holds a plan.yaml and the exact lines `vanban validate`
prints for it (expected_errors.txt, empty for a valid plan). The shared registry is _shared/.

Exit status 1 when any line is an error; 0 when there are only warnings, and 1 again with
--strict. Never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main
from vanban.model.checks import CODES

CASES = Path(__file__).resolve().parent
NAMES = sorted(p.parent.name for p in CASES.glob("*/plan.yaml") if p.parent.name != "_shared")


def _validate(folder: Path, monkeypatch, *extra: str):
    monkeypatch.chdir(folder)
    return CliRunner().invoke(main, ["validate", "plan.yaml", *extra])


def _expected(folder: Path) -> list[str]:
    text = (folder / "expected_errors.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize("name", NAMES)
def test_case(name, monkeypatch):
    folder = CASES / name
    expected = _expected(folder)
    result = _validate(folder, monkeypatch)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [ln for ln in result.stderr.splitlines()
             if not ln.startswith(("Hợp lệ:", "Không hợp lệ:"))]
    assert lines == expected
    has_error = any(": lỗi [" in line for line in expected)
    assert result.exit_code == (1 if has_error else 0)
    if expected and not has_error:
        strict = _validate(folder, monkeypatch, "--strict")
        assert strict.exit_code == 1


@pytest.mark.parametrize("name", NAMES)
def test_case_in_english_has_the_same_codes(name, monkeypatch):
    result = _validate(CASES / name, monkeypatch, "--lang", "en")
    codes = [ln.split("[", 1)[1].split("]", 1)[0] for ln in result.stderr.splitlines() if "[" in ln]
    assert codes == [ln.split("[", 1)[1].split("]", 1)[0] for ln in _expected(CASES / name)]
    assert all(": error [" in ln or ": warning [" in ln
               for ln in result.stderr.splitlines() if "[" in ln)


def test_every_content_code_has_a_case():
    seen = set()
    for name in NAMES:
        for line in _expected(CASES / name):
            seen.add(line.split("[", 1)[1].split("]", 1)[0])
    assert set(CODES) - seen == set()
