"""build --pdf after an edit of the shared registry that leaves a document's DOCX byte for
byte the same (a province's one registry: renaming one commune, changing one signer) keeps
that document's PDF: no LibreOffice run for it, the PDF stays current for the next build.
Before, every document using the registry went through LibreOffice again (265 documents: 19 s
for one signer's edit, more than the first build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main
from vanban.errors import VanbanError

CASES = Path(__file__).resolve().parents[1] / "cases"


def _soffice() -> bool:
    from vanban.pdf.convert import find_soffice
    try:
        find_soffice()
    except VanbanError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _soffice(), reason="LibreOffice (soffice) is not installed")


def _communes(tmp_path: Path, monkeypatch, *names: str) -> list[str]:
    """A workspace of one plan per commune in ``tmp_path`` (the working folder now); returns
    the list the DOCX converted to PDF are added to, by name, from now on."""
    shutil.copytree(CASES / "_shared", tmp_path / "plans" / "_shared")
    for commune in names:
        folder = tmp_path / "plans" / commune / "2024"
        folder.mkdir(parents=True)
        shutil.copy(CASES / "valid" / "plan.yaml", folder / "ke-hoach.yaml")
    monkeypatch.chdir(tmp_path)
    from vanban.pdf import convert

    converted: list[str] = []
    real = convert.pdf_bytes

    def counting(documents, **kwargs):
        converted.extend(name for name, _ in documents)
        return real(documents, **kwargs)

    monkeypatch.setattr(convert, "pdf_bytes", counting)
    return converted


def test_an_unused_registry_edit_converts_nothing(tmp_path, monkeypatch):
    converted = _communes(tmp_path, monkeypatch, "anh-son", "bach-ha")
    first = CliRunner().invoke(main, ["build", "--pdf"])
    assert first.exit_code == 0, first.output
    assert converted == ["outputs/anh-son/2024/ke-hoach.docx",
                         "outputs/bach-ha/2024/ke-hoach.docx"]
    pdf = tmp_path / "outputs" / "anh-son" / "2024" / "ke-hoach.pdf"
    before = pdf.read_bytes()
    registry = next((tmp_path / "plans" / "_shared").glob("*.yaml"))
    # An alias of the issuer: the plans are made again (their issuer's entry changed), and
    # their DOCX come out the same.
    registry.write_text(registry.read_text("utf-8").replace(
        "    short: UBND tỉnh\n", "    short: UBND tỉnh\n    aliases: [UBND tỉnh Quảng Bình]\n",
        1), "utf-8")
    converted.clear()
    again = CliRunner().invoke(main, ["build", "--pdf"])
    assert again.exit_code == 0, again.output
    assert converted == []  # both DOCX made again, identical: their PDFs stand
    assert pdf.read_bytes() == before
    assert again.stderr.splitlines()[-1] == (
        "Các tệp kết quả đã đúng với nguồn, không cần ghi lại: 2 tệp dựng lại giống hệt tệp "
        "đang có.")
    third = CliRunner().invoke(main, ["build", "--pdf"])  # the kept PDFs are stamped current
    assert converted == [] and "2 văn bản bỏ qua vì nguồn không đổi" in third.stderr


def test_another_vanban_converts_again(tmp_path, monkeypatch):
    """The PDF is kept for the same DOCX only by the vanban that made it: a new version may
    convert otherwise (its LibreOffice settings), so its first build converts every PDF."""
    from vanban import stamps

    converted = _communes(tmp_path, monkeypatch, "anh-son")
    assert CliRunner().invoke(main, ["build", "--pdf"]).exit_code == 0
    assert converted == ["outputs/anh-son/2024/ke-hoach.docx"]
    converted.clear()
    monkeypatch.setattr(stamps, "_code", "another vanban")
    again = CliRunner().invoke(main, ["build", "--pdf"])
    assert again.exit_code == 0, again.output
    assert converted == ["outputs/anh-son/2024/ke-hoach.docx"]
