"""Incremental builds and templates: an output depends on the workspace templates its plan was
laid out with (and on those looked for before it), not on every template of the workspace."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from vanban import batch
from vanban.jobs import discover
from vanban.pipeline import find_template, load_typed
from vanban.stamps import BOOK_NAME

ROOT = Path(__file__).resolve().parents[2]
KE_HOACH = {"quang-binh/2024/ke-hoach-hoa-giai.docx", "quang-binh/2025/ke-hoach-hoa-giai.docx",
            "quang-trach/2025/ke-hoach-hoa-giai.docx"}
THONG_BAO = "quang-binh/2025/thong-bao-tap-huan.docx"
CONG_VAN = "quang-binh/2025/cong-van-trien-khai-ke-hoach.docx"


@pytest.fixture()
def ws(tmp_path, monkeypatch) -> Path:
    """The example plans (not the reports) with the project's templates in the workspace."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans",
                    ignore=shutil.ignore_patterns("*.x*", "*.csv", "bao-cao-*.yaml"))
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(ws: Path) -> batch.BuildResult:
    jobs = discover([ws / "plans"], ws / "outputs", ws / "plans")
    return batch.build(jobs, out_dir=ws / "outputs", workspace=ws)


def _made(ws: Path, result: batch.BuildResult) -> set[str]:
    """The DOCX made again (written, or made with the same bytes), by their output path."""
    return {p.relative_to(ws / "outputs").as_posix() for p in result.written + result.unchanged
            if p.suffix == ".docx"}


def _touch_template(path: Path) -> None:
    """Change a template's bytes, not its content (a zip comment), as a save in Word would."""
    with zipfile.ZipFile(path, "a") as z:
        z.comment += b"edited;"


def _using(ws: Path, template: str) -> set[str]:
    """The outputs of the plans whose type is laid out with ``templates/<template>``."""
    jobs = discover([ws / "plans"], ws / "outputs", ws / "plans")
    return {j.target.relative_to(ws / "outputs").as_posix() for j in jobs
            if find_template(load_typed(j.source, j.display)[2].key, ws).name == template}


def test_editing_a_template_rebuilds_exactly_the_plans_using_it(ws):
    _build(ws)
    assert _using(ws, "mau-1-4.docx") == KE_HOACH | {THONG_BAO}
    _touch_template(ws / "templates" / "mau-1-4.docx")
    result = _build(ws)
    assert _made(ws, result) == KE_HOACH | {THONG_BAO}
    skipped = {p.relative_to(ws / "outputs").as_posix() for p in result.skipped}
    assert CONG_VAN in skipped and "quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.docx" in skipped
    assert _made(ws, _build(ws)) == set()  # and then it is current again
    _touch_template(ws / "templates" / "mau-1-5.docx")
    assert _made(ws, _build(ws)) == {CONG_VAN}


def test_an_override_template_rebuilds_the_plans_it_applies_to(ws):
    _build(ws)
    override = ws / "templates" / "cong-van.docx"  # templates/<type>.docx wins over the frame
    shutil.copy(ws / "templates" / "mau-1-5.docx", override)
    _touch_template(override)
    assert _made(ws, _build(ws)) == {CONG_VAN}
    _touch_template(override)
    assert _made(ws, _build(ws)) == {CONG_VAN}
    override.unlink()  # back to the frame
    assert _made(ws, _build(ws)) == {CONG_VAN}
    assert _made(ws, _build(ws)) == set()


def test_a_frame_added_to_a_workspace_without_it_rebuilds_its_plans(ws):
    (ws / "templates" / "mau-1-4.docx").unlink()  # the packaged frame is used
    _build(ws)
    shutil.copy(ROOT / "templates" / "mau-1-4.docx", ws / "templates" / "mau-1-4.docx")
    assert _made(ws, _build(ws)) == KE_HOACH | {THONG_BAO}


def test_a_stamp_records_the_templates_looked_at(ws):
    _build(ws)
    book = json.loads((ws / "outputs" / BOOK_NAME).read_text(encoding="utf-8"))["outputs"]
    depends = dict(book[CONG_VAN]["depends"])
    assert depends["../templates/cong-van.docx"] == ""  # looked for, missing
    assert len(depends["../templates/mau-1-5.docx"]) == 64  # the one used, by its digest
    assert not any("mau-1-4" in name for name in depends)


@pytest.mark.parametrize("damage", ["missing", "corrupt-depends", "not-json"])
def test_missing_or_corrupt_stamps_mean_a_full_build(ws, damage):
    first = _build(ws)
    book = ws / "outputs" / BOOK_NAME
    if damage == "missing":
        book.unlink()
    elif damage == "corrupt-depends":
        data = json.loads(book.read_text(encoding="utf-8"))
        data["outputs"][CONG_VAN]["depends"] = 7
        book.write_text(json.dumps(data), encoding="utf-8")
    else:
        book.write_text('{"format": 2, "outputs": {', encoding="utf-8")
    again = _build(ws)
    assert again.skipped == [] and again.written == []
    assert _made(ws, again) == _made(ws, first)


def test_a_pdf_is_current_only_for_the_docx_it_was_made_from(ws, monkeypatch):
    """A DOCX made again with other bytes (a template or an issued plan changed: its inputs key
    did not) without --pdf leaves its PDF stale: the next --pdf build makes the PDF again."""
    import hashlib

    import vanban.pdf.convert

    def of(data: bytes) -> bytes:
        return b"PDF of " + hashlib.sha256(data).hexdigest().encode()

    def fake_pdfs(jobs, staged, workers):  # the PDF as a function of its DOCX's bytes
        new = {item.target: Path(item.tmp) for item in staged}
        return {j.target.with_suffix(".pdf"): of(new.get(j.target, j.target).read_bytes())
                for j in jobs}

    monkeypatch.setattr(batch, "_make_pdfs", fake_pdfs)
    monkeypatch.setattr(vanban.pdf.convert, "find_soffice", lambda: "soffice")
    jobs = discover([ws / "plans"], ws / "outputs", ws / "plans")
    batch.build(jobs, out_dir=ws / "outputs", workspace=ws, pdf=True)
    plan = ws / "plans" / "quang-binh" / "2025" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp", "Bộ Nội vụ", 1),
                    encoding="utf-8")
    batch.build(jobs, out_dir=ws / "outputs", workspace=ws)  # the DOCX only
    batch.build(jobs, out_dir=ws / "outputs", workspace=ws, pdf=True)
    stale = [p.name for p in sorted((ws / "outputs").rglob("*.docx"))
             if p.with_suffix(".pdf").read_bytes() != of(p.read_bytes())]
    assert stale == []
