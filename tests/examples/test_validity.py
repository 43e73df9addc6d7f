"""Schema validity (openxml-audit), byte-identical rebuilds, and the seed re-created word for word."""

from __future__ import annotations

import re
import unicodedata

import pytest
from tests.conftest import PLANS, ROOT, example_ids

from vanban.batch import build
from vanban.jobs import discover
from vanban.review.projection import project

# The real plan 87/KH-UBND (shared/seeds/002_21e836a27ee4c9ca.txt), kept in the repository.
SEED = ROOT / "tests" / "data" / "seed-87-KH-UBND-2024.txt"


@pytest.mark.parametrize("plan_id", example_ids())
def test_ooxml_schema_valid(built, plan_id):
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator().validate(str(built[plan_id]))
    assert [str(e) for e in result.errors] == []
    assert result.is_valid


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "templates").glob("*.docx")))
def test_template_is_valid(name):
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator().validate(str(ROOT / "templates" / name))
    assert [str(e) for e in result.errors] == []


def test_rebuild_is_byte_identical(built, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    jobs = discover([PLANS], tmp_path, PLANS)
    result = build(jobs, workspace=ROOT)
    assert jobs
    rebuilt = {str(p.relative_to(tmp_path).with_suffix("")): p for p in result.written}
    assert sorted(rebuilt) == sorted(built)  # every output, the second file of a decision too
    for plan_id, path in rebuilt.items():
        assert path.read_bytes() == built[plan_id].read_bytes(), plan_id


def test_source_date_epoch_sets_timestamps(tmp_path, monkeypatch):
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    plan = PLANS / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    jobs = discover([plan], tmp_path, PLANS)
    build(jobs, workspace=ROOT)
    with zipfile.ZipFile(jobs[0].target) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = z.read("docProps/core.xml").decode()
    assert "2023-11-14T22:13:20Z" in core


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("./.", " ")
    return re.findall(r"[\w]+(?:[-/.][\w]+)*", text)


def test_2024_plan_says_word_for_word_what_the_seed_says(built):
    """Every word of the real plan 87/KH-UBND, in the same order, and nothing else."""
    projection = project(built["quang-binh/2024/ke-hoach-hoa-giai"])
    shown = []
    for line in projection.splitlines():
        if line.startswith(("§", "  header")):
            continue
        shown.append(re.sub(r"^\S+ \[[^\]]*\] ?", "", line))
    text = "\n".join(re.sub(r"<[^>]*> ", "", s) for s in shown).replace("(đường kẻ)", "")
    assert _words(text) == _words(SEED.read_text(encoding="utf-8"))


@pytest.mark.pdf
def test_pdf_is_byte_identical_on_another_checkout(built, pdfs, tmp_path):
    """The PDF's dates come from the document, not from the file's time on disk."""
    import os
    import shutil

    from vanban.pdf.convert import convert_to_pdf
    plan_id = "quang-binh/2024/ke-hoach-hoa-giai"
    copy = tmp_path / "khac" / built[plan_id].name
    copy.parent.mkdir()
    shutil.copyfile(built[plan_id], copy)
    os.utime(copy, (1_800_000_000, 1_800_000_000))
    (pdf,) = convert_to_pdf([copy])
    assert pdf.read_bytes() == pdfs[plan_id].read_bytes()
    assert b"/CreationDate(D:20240116000000Z')" in pdf.read_bytes()
