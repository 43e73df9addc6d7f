"""An edit of the shared registry makes again exactly the documents that read what changed.

Each build notes, per document, the questions it asked of its registry (a unit by a name, a
signer by an id, the registry's warnings) with a digest of each answer. When the registry files
change, a stamped document is current only if the new registry answers all its questions alike;
a year-end report, which reads other files with their registries, is made again on any edit.
Soundness is the point: the outputs of the incremental build equal a full build's, byte for byte,
and a new name that makes a reference ambiguous is found, not skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main
from vanban.resolve.recorder import WHOLE, Recorder, still_answers
from vanban.workspace import load_registry

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def ws(example_workspace):
    first = CliRunner().invoke(main, ["build"])
    assert first.exit_code == 0, first.output
    return example_workspace


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*.docx"))}


def test_one_signer_edited_makes_only_the_documents_they_sign(ws):
    _edit(ws / "plans/_shared/nguoi-ky.yaml", "name: Đặng Minh Khoa", "name: Đặng Minh Khoà")
    again = CliRunner().invoke(main, ["build"])
    assert again.exit_code == 0, again.output
    # The three signed by him (the 2025 plan, its decision, the two-file draft); the two
    # reports are made again (they read their plans' registries) and come out the same.
    assert again.stderr.splitlines()[-1] == (
        "Xong: đã ghi 3 tệp; 3 tệp dựng lại giống hệt tệp đang có; 5 văn bản bỏ qua vì nguồn "
        "không đổi từ lần dựng trước (--force để dựng lại).")
    # The documents found current against the new registry are stamped so: the next build
    # compares one digest and asks nothing again.
    full = CliRunner().invoke(main, ["build", "--force", "--out", str(ws / "full")])
    assert full.exit_code == 0, full.output
    assert _outputs(ws / "outputs") == _outputs(ws / "full")
    assert _registries(ws / "outputs") == _registries(ws / "full")


def _registries(folder: Path) -> dict[str, str]:
    """The registry each output of ``folder`` is stamped as made (or found current) against."""
    import json

    book = json.loads((folder / ".vanban-stamps.json").read_text(encoding="utf-8"))
    return {name: stamp["registry"] for name, stamp in book["outputs"].items()}


def test_a_name_made_ambiguous_is_found_not_skipped(ws):
    """A unit added with another unit's name as its alias: every plan naming "Sở Tư pháp" asks
    the same question and gets another answer (none: two units), so it is made again and
    stops with the error; the plans that never named it stay current."""
    _edit(ws / "plans/_shared/don-vi.yaml", "units:\n",
          "units:\n  so-tu-phap-cu:\n    name: Sở Tư pháp cũ\n    aliases: [Sở Tư pháp]\n")
    again = CliRunner().invoke(main, ["build"])
    assert again.exit_code == 1
    assert "[unit.ambiguous]" in again.output
    assert "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml:" in again.output


def test_a_broken_registry_is_said_not_skipped(ws):
    _edit(ws / "plans/_shared/nguoi-ky.yaml", "    name: Hồ An Phong\n",
          "    name: Hồ An Phong\n    chuc_danh: x\n")
    again = CliRunner().invoke(main, ["build"])
    assert again.exit_code == 1
    assert "plans/_shared/nguoi-ky.yaml:" in again.output and "[schema.extra-forbidden]" in \
        again.output


def test_reads_are_asked_again_of_the_new_registry():
    registry = load_registry([ROOT / "plans" / "_shared"])
    seen = Recorder(registry)
    assert seen.unit("Sở Tư pháp").id == "so-tu-phap"
    assert seen.signer("ho-an-phong").name == "Hồ An Phong"
    assert seen.units.get("ubnd-quang-binh") is not None
    assert still_answers(registry, seen.reads)
    other = load_registry([ROOT / "tests" / "cases" / "_shared"])
    assert not still_answers(other, seen.reads)
    assert WHOLE not in seen.reads
    list(seen.units.items())  # walking every unit depends on them all
    assert WHOLE in seen.reads and not still_answers(registry, seen.reads)


def test_a_decision_issuing_a_plan_under_another_registry_follows_that_registry(ws):
    """A Quyết định of Quảng Bình issuing the Quảng Trạch plan prints that plan as Quảng
    Trạch's own registry says: a ``_shared/`` folder that only the plan sees (made, then
    edited) makes the decision again, though the decision's own registry did not change."""
    plans = ws / "plans"
    decision = (plans / "quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml").read_text("utf-8")
    (plans / "quang-binh/2025/qd-quang-trach.yaml").write_text(decision.replace(
        "plan: ke-hoach-hoa-giai.yaml", "plan: ../../quang-trach/2025/ke-hoach-hoa-giai.yaml"),
        encoding="utf-8")
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    own = plans / "quang-trach/_shared"
    own.mkdir()
    units = (plans / "_shared/don-vi.yaml").read_text("utf-8")
    block = units[units.index("  ubnd-quang-trach:\n"):units.index("  phong-tu-phap-quang-trach")]
    (own / "don-vi.yaml").write_text("units:\n" + block.replace(
        "HUYỆN QUẢNG TRẠCH]", "THỊ XÃ QUẢNG TRẠCH]"), encoding="utf-8")
    for step in ("made", "edited"):
        if step == "edited":
            _edit(own / "don-vi.yaml", "THỊ XÃ QUẢNG TRẠCH]", "HUYỆN QUẢNG TRẠCH MỚI]")
        again = CliRunner().invoke(main, ["build"])
        assert again.exit_code == 0, again.output
        full = CliRunner().invoke(main, ["build", "--force", "--out", str(ws / step)])
        assert full.exit_code == 0, full.output
        assert _outputs(ws / "outputs") == _outputs(ws / step), step


def test_a_corrupt_read_in_the_book_makes_the_document_again(ws):
    """A question the book holds in no form vanban asks ("unit" without its name) is not
    answered alike: the document is made again, without a traceback."""
    import json

    path = ws / "outputs" / ".vanban-stamps.json"
    book = json.loads(path.read_text(encoding="utf-8"))
    for stamp in book["outputs"].values():
        stamp["reads"] = {"unit": "x"}
    path.write_text(json.dumps(book, ensure_ascii=False), encoding="utf-8")
    _edit(ws / "plans/_shared/nguoi-ky.yaml", "name: Đặng Minh Khoa", "name: Đặng Minh Khoà")
    again = CliRunner().invoke(main, ["build"])
    assert again.exit_code == 0, again.output
    assert "bỏ qua" not in again.stderr.splitlines()[-1]
    full = CliRunner().invoke(main, ["build", "--force", "--out", str(ws / "full")])
    assert full.exit_code == 0, full.output
    assert _outputs(ws / "outputs") == _outputs(ws / "full")
