"""Incremental, parallel builds: what is current is not made again, what changed is, exactly;
the result never depends on the stamps being there or on the number of workers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vanban import batch, pipeline, stamps
from vanban.errors import VanbanError
from vanban.jobs import discover
from vanban.stamps import BOOK_NAME

ROOT = Path(__file__).resolve().parents[2]
QB24 = Path("quang-binh/2024/ke-hoach-hoa-giai.docx")
QB25 = Path("quang-binh/2025/ke-hoach-hoa-giai.docx")
QT25 = Path("quang-trach/2025/ke-hoach-hoa-giai.docx")


@pytest.fixture()
def ws(tmp_path, monkeypatch) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans",  # the plans (reports: test_incremental)
                    ignore=shutil.ignore_patterns("*.x*", "*.csv", "bao-cao-*.yaml"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(ws: Path, *, workers: int = 1, **kw) -> batch.BuildResult:
    jobs = discover([ws / "plans"], ws / "outputs", ws / "plans")
    return batch.build(jobs, out_dir=ws / "outputs", workspace=ws, workers=workers, **kw)


def _rel(ws: Path, paths: list[Path]) -> list[Path]:
    return sorted(p.relative_to(ws / "outputs") for p in paths)


def _docx(ws: Path) -> dict[Path, bytes]:
    return {p.relative_to(ws / "outputs"): p.read_bytes()
            for p in sorted((ws / "outputs").rglob("*.docx"))}


def test_nothing_changed_means_nothing_validated_or_rendered(ws, monkeypatch):
    first = _build(ws)
    assert len(first.written) >= 3 and first.skipped == []

    def must_not_run(*_a, **_k):
        raise AssertionError("a current output was made again")

    monkeypatch.setattr(pipeline, "prepare", must_not_run)
    monkeypatch.setattr(pipeline, "render_outputs", must_not_run)
    again = _build(ws)
    assert again.written == [] and again.unchanged == []
    jobs = discover([ws / "plans"], ws / "outputs", ws / "plans")
    assert _rel(ws, again.skipped) == _rel(ws, [job.target for job in jobs])
    assert set(_rel(ws, again.skipped)) < set(_rel(ws, first.written))  # + a second file


def test_one_plan_edited_rebuilds_that_plan_only(ws):
    _build(ws)
    plan = ws / "plans" / "quang-binh" / "2025" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp", "Bộ Nội vụ", 1),
                    encoding="utf-8")
    result = _build(ws)
    assert QB25 in _rel(ws, result.written)
    # made again: the plan, and the decisions that issue it (it is their dependency)
    again = {p.name for p in _rel(ws, result.written + result.unchanged)}
    assert again == {"ke-hoach-hoa-giai.docx", "quyet-dinh-ban-hanh-ke-hoach.docx",
                     "du-thao-quyet-dinh-hai-tep.docx", "du-thao-quyet-dinh-hai-tep-kem-theo.docx"}
    assert QB24 in _rel(ws, result.skipped) and QT25 in _rel(ws, result.skipped)


def test_registry_change_rebuilds_exactly_the_plans_that_read_it(ws):
    """A plan is made again when its registry answers one of its questions otherwise: a unit
    added that no plan names, or a blank line, makes none of them again; renaming a unit the
    Quảng Trạch plan names makes that plan, and only it, again. (Year-end reports, made again
    on any edit of their registry: tests/unit/test_registry_reads.py.)"""
    nearer = ws / "plans" / "quang-trach" / "_shared"
    nearer.mkdir()
    (nearer / "them.yaml").write_text("units: {}\n", encoding="utf-8")
    _build(ws)
    (nearer / "them.yaml").write_text("units:\n  to-moi:\n    name: Tổ mới\n", encoding="utf-8")
    local = _build(ws)
    assert local.written == [] and local.unchanged == [] and QT25 in _rel(ws, local.skipped)
    shared = ws / "plans" / "_shared" / "don-vi.yaml"
    shared.write_text(shared.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    blank = _build(ws)
    assert blank.written == [] and blank.unchanged == []  # (no reports in this workspace)
    qt = (ws / "plans" / "quang-trach" / "2025" / "ke-hoach-hoa-giai.yaml").read_text("utf-8")
    assert "Phòng Tư pháp huyện" in qt
    shared.write_text(shared.read_text(encoding="utf-8").replace(
        "    name: Phòng Tư pháp huyện\n", "    name: Phòng Tư pháp huyện Quảng Trạch\n"
        "    aliases: [Phòng Tư pháp huyện]\n", 1), encoding="utf-8")
    renamed = _build(ws)
    made = _rel(ws, renamed.written + renamed.unchanged)
    assert QT25 in made and QB24 in _rel(ws, renamed.skipped)
    assert made == [QT25]


def test_output_edited_by_hand_is_made_again(ws):
    first = _docx(ws) if (ws / "outputs").exists() else None
    assert first is None
    _build(ws)
    good = _docx(ws)
    (ws / "outputs" / QB24).write_bytes("sửa tay trong Word".encode())
    result = _build(ws)
    assert _rel(ws, result.written) == [QB24]
    assert _docx(ws) == good


@pytest.mark.parametrize("book", ["", "{", '{"format": 2, "outputs": {"x": 1}}', "[]"])
def test_corrupt_or_missing_stamps_mean_a_full_build_with_the_same_bytes(ws, book):
    _build(ws)
    good = _docx(ws)
    (ws / "outputs" / BOOK_NAME).write_text(book, encoding="utf-8")
    result = _build(ws)
    assert result.skipped == [] and result.written == []
    assert _docx(ws) == good
    json.loads((ws / "outputs" / BOOK_NAME).read_text(encoding="utf-8"))  # written anew


def test_force_makes_everything_again(ws):
    _build(ws)
    result = _build(ws, force=True)
    assert result.skipped == [] and len(result.unchanged) >= 3


def test_warnings_of_a_skipped_plan_are_shown_again_and_strict_still_fails(ws):
    plan = ws / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "timeline: năm 2024", "timeline: năm 2024 (sửa)", 1), encoding="utf-8")
    first = _build(ws)
    codes = [d.code for d in first.warnings]
    assert "task.timeline-unparsed" in codes
    again = _build(ws)
    assert again.skipped and [d.text() for d in again.warnings] == [d.text() for d in
                                                                     first.warnings]
    with pytest.raises(VanbanError) as exc:
        _build(ws, strict=True)
    assert "task.timeline-unparsed" in [d.code for d in exc.value.diagnostics]


def test_parallel_build_gives_the_same_bytes_and_order(ws):
    serial = _build(ws, workers=1)
    bytes_serial = _docx(ws)
    shutil.rmtree(ws / "outputs")
    parallel = _build(ws, workers=2)
    assert _docx(ws) == bytes_serial
    out = ws / "outputs"
    assert [p.relative_to(out) for p in parallel.written] == [
        p.relative_to(out) for p in serial.written]  # the same order, plan by plan


def test_an_error_anywhere_writes_nothing_and_keeps_the_stamps(ws):
    _build(ws)
    good = _docx(ws)
    book = (ws / "outputs" / BOOK_NAME).read_bytes()
    for name in ("quang-binh/2024", "quang-trach/2025"):
        plan = ws / "plans" / name / "ke-hoach-hoa-giai.yaml"
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("Bộ Tư pháp", "Bộ Nội vụ", 1), encoding="utf-8")
    broken = ws / "plans" / "quang-binh" / "2025" / "ke-hoach-hoa-giai.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:"),
                      encoding="utf-8")
    with pytest.raises(VanbanError) as exc:
        _build(ws, workers=2)
    assert {d.span.file for d in exc.value.diagnostics if d.severity.value == "error"} == {
        "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"}
    assert _docx(ws) == good
    assert (ws / "outputs" / BOOK_NAME).read_bytes() == book
    leftovers = [p for p in (ws / "outputs").rglob("*")
                 if p.is_file() and p.suffix != ".docx" and p.name != BOOK_NAME]
    assert leftovers == []


@pytest.mark.parametrize(("command", "said"), [("build", "bỏ qua vì nguồn không đổi"),
                                               ("validate", "Hợp lệ")])
def test_deciding_nothing_changed_imports_no_validator_or_renderer(ws, command, said):
    """Neither build nor validate imports a validator or renderer when every plan is current."""
    _build(ws)
    code = ("import sys\nfrom vanban.cli import main\n"
            f"try:\n    main.main([{command!r}])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pydantic', 'docxtpl', 'docx', 'jinja2', 'yaml', 'lxml')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ws, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]", out.stderr
    assert said in out.stderr


def _validate(ws: Path, workers: int = 1):
    jobs = discover([ws / "plans"], ws / "outputs", ws / "plans")
    return batch.validate(jobs, out_dir=ws / "outputs", workspace=ws, workers=workers)


def test_validate_says_an_issued_plan_changed_since_its_build(ws):
    assert [d.code for d in _validate(ws)] == []  # nothing built yet: nothing to compare
    _build(ws)
    plan = ws / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp", "Bộ Nội vụ", 1),
                    encoding="utf-8")
    found = _validate(ws, workers=2)
    assert [(d.code, str(d.span)) for d in found] == [  # at the number that makes it issued
        ("output.issued-changed", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml:5:1")]
    assert "outputs/quang-binh/2024/ke-hoach-hoa-giai.docx" in found[0].message


def test_validate_does_not_check_again_what_is_current(ws, monkeypatch):
    _build(ws)
    monkeypatch.setattr(pipeline, "prepare", lambda *a, **k: (_ for _ in ()).throw(
        AssertionError("validated again")))
    assert _validate(ws) == []


def _own_templates_edited(ws: Path) -> None:
    """The workspace's templates: vanban's own frames, each with other bytes (a zip comment)."""
    import zipfile

    (ws / "templates").mkdir()
    for frame in sorted((ROOT / "src" / "vanban" / "templates").glob("*.docx")):
        with zipfile.ZipFile(frame) as z:
            parts = [(info, z.read(info)) for info in z.infolist()]
        with zipfile.ZipFile(ws / "templates" / frame.name, "w") as z:
            for info, data in parts:
                z.writestr(info, data)
            z.comment = b"sua"


def _counting_renders(monkeypatch) -> list[Path]:
    rendered: list[Path] = []
    real = pipeline.render_outputs

    def counting(item, workspace, **options):
        rendered.append(pipeline.find_template(item.doctype.key, workspace))
        return real(item, workspace, **options)

    monkeypatch.setattr(pipeline, "render_outputs", counting)
    return rendered


def test_validate_tries_each_template_once(ws, monkeypatch):
    _own_templates_edited(ws)
    rendered = _counting_renders(monkeypatch)
    assert _validate(ws) == []
    jobs = discover([ws / "plans"], ws / "outputs", ws / "plans")
    used = {pipeline.find_template(pipeline.load_typed(j.source, j.display)[2].key, ws)
            for j in jobs}
    assert len(jobs) > len(used) > 1  # several plans share a template, several templates
    assert sorted(rendered) == sorted(used)  # each template rendered exactly once
    assert all(path.parent == ws / "templates" for path in used)


def test_every_packaged_frame_renders_the_plans_of_its_types(ws):
    """Why validate need not try vanban's own frames: every example plan renders with the frame
    of its type, and every frame is some example's."""
    from vanban import doctypes

    cache = pipeline.BuildCache()
    frames = set()
    for job in discover([ws / "plans"], ws / "outputs", ws / "plans"):
        item = pipeline.prepare(job, cache)
        frame = pipeline.packaged_frame(item.doctype.key)
        assert pipeline.find_template(item.doctype.key, ws) == frame
        assert all(data for _, data in pipeline.render_outputs(item, ws))  # no template problem
        frames.add(frame.name)
    assert frames == set(doctypes.templates())
    # A type no example has shares its frame's contract with one that has (test_doctypes checks
    # each frame holds its contract): the frame holds every name the type's render asks for.
    for entry in doctypes.TYPES.values():
        assert entry.contract == doctypes.templates()[entry.template].contract, entry.key


@pytest.mark.parametrize("copied", [False, True], ids=["packaged", "same-bytes-in-templates"])
def test_validate_does_not_try_vanbans_own_frames(ws, monkeypatch, copied):
    """vanban's own frame of a type (or a copy with the same bytes, as this repository's
    templates/ holds) renders every plan of the type: trying it again would find nothing."""
    if copied:
        shutil.copytree(ROOT / "src" / "vanban" / "templates", ws / "templates")
    rendered = _counting_renders(monkeypatch)
    assert _validate(ws) == []
    assert rendered == []


def _frame_with(ws, pattern: bytes, by: bytes = b"") -> None:
    """vanban's Quyết định frame copied into the workspace with ``pattern`` of its body
    replaced by ``by``."""
    import re
    import zipfile

    frame = ROOT / "src" / "vanban" / "templates" / "mau-1-2.docx"
    (ws / "templates").mkdir()
    with zipfile.ZipFile(frame) as z, zipfile.ZipFile(ws / "templates" / frame.name, "w") as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "word/document.xml":
                data, n = re.subn(pattern, by, data, flags=re.DOTALL)
                assert n == 1
            out.writestr(info, data)


def test_validate_passes_no_template_a_build_cannot_render(ws):
    """A clerk's frame that differs from vanban's is tried as a build renders it, to the end:
    a Quyết định issuing its Kế hoạch needs the frame's page setup (``w:sectPr``) to start the
    Kế hoạch's section, which only the finishing after the fill reads. Both commands say so
    about the template, at the template, without a traceback."""
    from click.testing import CliRunner

    from vanban.cli import main

    _frame_with(ws, rb"<w:sectPr[ >].*</w:sectPr>")  # the body's page setup taken out
    plan = "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml"
    runner = CliRunner()
    for command in ("validate", "build"):
        result = runner.invoke(main, [command, plan])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
        assert ("templates/mau-1-2.docx: lỗi [template.page-setup] Mẫu templates/mau-1-2.docx "
                "thiếu thiết lập trang (khổ giấy, lề) ở cuối thân văn bản (w:sectPr).") \
            in result.output, result.output
    assert not (ws / "outputs").exists()


def test_a_frame_without_columns_still_builds(ws):
    """``w:cols`` is optional in a page setup (Word writes it, a hand-edited frame may not):
    the later sections still get their page numbers restarted, before where it would stand."""
    import zipfile

    from click.testing import CliRunner

    from vanban.cli import main

    _frame_with(ws, rb'<w:pgNumType w:start="1"/><w:cols [^>]*/>')
    plan = "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml"
    result = CliRunner().invoke(main, ["build", plan])
    assert result.exit_code == 0, result.output
    out = ws / "outputs" / "quang-binh" / "2025" / "quyet-dinh-ban-hanh-ke-hoach.docx"
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count('<w:pgNumType w:start="1"/>') == 1  # the Kế hoạch's section
    assert "<w:pgMar " in xml and xml.index("<w:pgMar ") < xml.index("<w:pgNumType")


def test_text_typed_in_a_legacy_font_stops_the_build(ws):
    plan = ws / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("  - Bộ Tư pháp\n",
                                                             "  - Bé T\u00ad ph¸p\n", 1),
                    encoding="utf-8")
    with pytest.raises(VanbanError) as exc:
        _build(ws)
    (found,) = [d for d in exc.value.diagnostics if d.severity.value == "error"]
    assert (found.code, found.span.file) == ("text.mojibake",
                                             "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
    assert 'Có phải "Bộ Tư pháp"?' in found.hint and "vanban fix-encoding" in found.hint
    assert not (ws / "outputs").exists()


def test_renaming_a_unit_in_the_registry_renames_it_in_every_plan(ws):
    """The README's story: the examples call units by id, so one edit of `name` is enough."""
    registry = ws / "plans" / "_shared" / "don-vi.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "name: Sở Thông tin và Truyền thông", "name: Sở Khoa học và Công nghệ"), encoding="utf-8")
    assert [d.code for d in _validate(ws) if d.severity.value == "error"] == []
    _build(ws)
    import zipfile

    for year in ("2024", "2025"):
        with zipfile.ZipFile(ws / "outputs" / "quang-binh" / year / "ke-hoach-hoa-giai.docx") as z:
            xml = z.read("word/document.xml").decode()
        assert "Sở Khoa học và Công nghệ" in xml and "Thông tin và Truyền thông" not in xml


QT = "plans/quang-trach/2025/ke-hoach-hoa-giai.yaml"  # a draft (number: null)
QB = "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml"  # issued (number: 87)


def _edit(ws: Path, name: str, old: str, new: str) -> None:
    path = ws / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _numbered(ws: Path) -> None:  # the draft gets its number
    _edit(ws, QT, "number: null", "number: 16  ")


def _registry_grows(ws: Path) -> None:  # a unit no plan names
    _edit(ws, "plans/_shared/don-vi.yaml", "units:\n",
          "units:\n  so-y-te-moi:\n    name: Sở Y tế\n    abbr: SYT\n")


def _issued_edited(ws: Path) -> None:
    _edit(ws, QB, "Bộ Tư pháp", "Bộ Nội vụ")


def _issued_unit_renamed(ws: Path) -> None:  # a unit the issued plans name
    _edit(ws, "plans/_shared/don-vi.yaml", "name: Sở Thông tin và Truyền thông",
          "name: Sở Khoa học và Công nghệ")


def _issued_changed(found) -> set[str]:
    return {d.span.file for d in found if d.code == "output.issued-changed"}


@pytest.mark.parametrize(("edit", "workers", "expected"), [
    (_numbered, 2, set()),
    (_registry_grows, 1, set()),
    (_issued_edited, 2, {QB}),
    (_issued_unit_renamed, 1, {QB, "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml",
                               "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml"}),
], ids=["draft-numbered", "registry-grows", "issued-edited", "issued-unit-renamed"])
def test_validate_and_build_say_an_issued_document_changes_exactly_when_its_bytes_do(
        ws, edit, workers, expected):
    """[output.issued-changed] means what it says: the file there was issued (its stamp says
    so) and building again gives other bytes; validate decides it as build does."""
    _build(ws)
    edit(ws)
    assert _issued_changed(_validate(ws, workers)) == expected
    built = _build(ws, workers=workers)
    assert {d.span.file for d in built.warnings if d.code == "output.issued-changed"} == {
        "outputs/" + name.removeprefix("plans/").replace(".yaml", ".docx") for name in expected}
    assert _issued_changed(_validate(ws)) == set()  # built: nothing issued changes any more


def test_a_new_version_of_vanban_is_no_issued_change_while_its_bytes_are_the_same(
        ws, monkeypatch):
    _build(ws)
    monkeypatch.setattr(stamps, "code_fingerprint", lambda: "another version of vanban")
    rendered = []
    real = pipeline.render_outputs
    monkeypatch.setattr(pipeline, "render_outputs",
                        lambda item, workspace: rendered.append(item.job.display)
                        or real(item, workspace))
    assert _validate(ws) == []
    # Only issued documents were rendered, to compare (their templates were then tried).
    assert rendered and len(rendered) == len(set(rendered))
    assert not {QT, "plans/quang-binh/2025/du-thao-quyet-dinh-hai-tep.yaml"} & set(rendered)
    monkeypatch.setattr(stamps, "code_fingerprint", lambda: "a third version")
    _edit(ws, QB, "Bộ Tư pháp", "Bộ Nội vụ")
    assert _issued_changed(_validate(ws)) == {QB}


def test_a_draft_given_its_number_after_its_build_warns_when_built_again_once_edited(ws):
    _build(ws)
    _numbered(ws)
    assert _build(ws).warnings == []  # a draft numbered: nothing issued changed
    _edit(ws, QT, "number: 16  ", "number: 17  ")
    assert _issued_changed(_validate(ws)) == {QT}  # now the file there was issued
