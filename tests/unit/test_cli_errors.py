"""Templates and outputs: a broken or hostile template is named with its tag; outputs never leave
their folder, never half-written, never replaced by a failed build."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban import output
from vanban.batch import build
from vanban.cli import main
from vanban.errors import VanbanError
from vanban.jobs import discover
from vanban.stamps import BOOK_NAME

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "templates" / "mau-1-4.docx"
PLAN = Path("plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
TARGET = Path("outputs/quang-binh/2024/ke-hoach-hoa-giai.docx")


def only_the_plans(folder: str, names: list[str]) -> list[str]:
    """Leave out the examples of other document types: these tests count the Kế hoạch outputs."""
    if "_shared" in folder:
        return []
    return [n for n in names if n.endswith(".yaml") and n != "ke-hoach-hoa-giai.yaml"]


@pytest.fixture()
def workspace(tmp_path, monkeypatch):
    """The 2024 and 2025 Quảng Bình plans with their registry and the template, as the cwd."""
    for rel in ("_shared", "quang-binh"):
        shutil.copytree(ROOT / "plans" / rel, tmp_path / "plans" / rel, ignore=only_the_plans)
    (tmp_path / "templates").mkdir()
    shutil.copy(TEMPLATE, tmp_path / "templates" / TEMPLATE.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def edit_template(path: Path, old: str, new: str) -> None:
    """Replace text in word/document.xml of the DOCX at ``path`` (as a clerk would in Word)."""
    with zipfile.ZipFile(TEMPLATE) as src:
        members = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new.replace("&", "&amp;").replace("<", "&lt;"), 1).encode()
            dst.writestr(info, data)


STOPPED_1 = ("Dừng: 1 lỗi; không ghi tệp nào, các tệp đã có được giữ nguyên.",
             "Stopped: 1 error; nothing written, existing files kept.")


def _only_line(result) -> str:
    """The one diagnostic of a build that stopped (its last line says nothing was written)."""
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[1] in STOPPED_1, result.stderr
    return lines[0]


# --- templates ------------------------------------------------------------------------------

@pytest.mark.parametrize(("tag", "code", "quoted"), [
    ("{{ ten_loai_sai }}", "template.undefined", "{{ ten_loai_sai }}"),
    ("{{ so_ky_hieu.khong_co }}", "template.undefined", "{{ so_ky_hieu.khong_co }}"),
    ("{{ ten_loai }", "template.syntax", "{{ ten_loai }"),
    ("{% if ten_loai %}{{ ten_loai }}", "template.syntax", "{% if ten_loai %}"),
    ("{{ ten_loai }}{% endif %}", "template.syntax", "{% endif %}"),
    ("{{ ten_loai|khong_co_bo_loc }}", "template.syntax", "{{ ten_loai|khong_co_bo_loc }}"),
    ("{{ 1 // 0 }}", "template.error", "{{ 1 // 0 }}"),
    # the sandbox: no attribute walks to Python internals, no files, no code
    ("{{ ''.__class__.__mro__ }}", "template.unsafe", "{{ ''.__class__.__mro__ }}"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "template.unsafe",
     "{{ cycler.__init__.__globals__.os.popen('id').read() }}"),
    ("{{ lipsum.__globals__['os'] }}", "template.unsafe", "{{ lipsum.__globals__['os'] }}"),
    ("{% include '/etc/passwd' %}", "template.unsafe", "{% include '/etc/passwd' %}"),
    ("{% import 'os' as os %}", "template.unsafe", "{% import 'os' as os %}"),
], ids=lambda v: v if v.startswith("template.") else None)
def test_a_broken_template_is_named_with_its_tag(workspace, tag, code, quoted):
    edit_template(workspace / "templates" / TEMPLATE.name, "{{ ten_loai }}", tag)
    result = run("build", str(PLAN))
    assert result.exit_code == 1
    line = _only_line(result)
    assert line.startswith(f"templates/mau-1-4.docx: lỗi [{code}] Mẫu templates/mau-1-4.docx ")
    assert f": {quoted} (đoạn thứ 9 của mẫu)." in line
    assert not (workspace / "outputs").exists()
    checked = run("validate", str(PLAN))  # its trial render finds the same, said the same way
    assert (checked.exit_code, checked.stderr.splitlines()[:-1]) == (1, [line])
    assert checked.stderr.splitlines()[-1].startswith("Không hợp lệ: 1 lỗi, 0 cảnh báo")
    english = _only_line(run("build", str(PLAN), "--lang", "en"))
    assert f"error [{code}]" in english and quoted in english


def test_unknown_variable_lists_the_known_ones(workspace):
    edit_template(workspace / "templates" / TEMPLATE.name, "{{ nguoi_ky }}", "{{ nguoi_ki }}")
    line = _only_line(run("build", str(PLAN)))
    assert "{{ nguoi_ki }}" in line and "Các biến có sẵn: can_cu, chuc_vu" in line
    assert "nguoi_ky" in line


def test_the_sandbox_does_not_run_code(workspace, tmp_path):
    marker = tmp_path / "pwned"
    edit_template(workspace / "templates" / TEMPLATE.name, "{{ ten_loai }}",
                  "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}")
    result = run("build", str(PLAN))
    assert result.exit_code == 1
    assert "[template.unsafe]" in _only_line(result)
    assert not marker.exists()


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_template_that_is_not_a_docx(workspace, content):
    (workspace / "templates" / TEMPLATE.name).write_bytes(content)
    line = _only_line(run("build", str(PLAN)))
    assert line.startswith("templates/mau-1-4.docx: lỗi [template.read] Không đọc được mẫu")


def test_a_template_without_document_xml(workspace):
    with zipfile.ZipFile(workspace / "templates" / TEMPLATE.name, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    line = _only_line(run("build", str(PLAN)))
    assert "[template.read]" in line and "word/document.xml" in line


# --- output paths ---------------------------------------------------------------------------

def test_an_output_folder_that_links_outside_is_refused(workspace, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (workspace / "outputs").mkdir()
    os.symlink(elsewhere, workspace / "outputs" / "quang-binh")
    result = run("build", str(PLAN))
    assert result.exit_code == 1
    assert "[output.outside]" in _only_line(result)
    assert list(elsewhere.iterdir()) == []


def test_a_plan_outside_the_plans_folder_lands_inside_the_output_folder(workspace,
                                                                        tmp_path_factory):
    outside = tmp_path_factory.mktemp("far") / "a" / "b"
    outside.mkdir(parents=True)
    shutil.copytree(workspace / "plans" / "_shared", outside.parent / "_shared")
    shutil.copy(workspace / PLAN, outside / "ke-hoach.yaml")
    jobs = discover([outside / "ke-hoach.yaml"], workspace / "outputs", workspace / "plans")
    assert jobs[0].target == (workspace / "outputs" / "ke-hoach.docx").resolve()
    result = run("build", str(outside / "ke-hoach.yaml"))
    assert result.exit_code == 0, result.output
    assert (workspace / "outputs" / "ke-hoach.docx").is_file()


def test_a_symlinked_plan_keeps_its_output_inside(workspace, tmp_path_factory):
    far = tmp_path_factory.mktemp("far2")
    shutil.copytree(workspace / "plans" / "_shared", far / "_shared")
    shutil.copy(workspace / PLAN, far / "x.yaml")
    os.symlink(far / "x.yaml", workspace / "plans" / "quang-binh" / "lien-ket.yaml")
    jobs = discover([workspace / "plans"], workspace / "outputs", workspace / "plans")
    out_root = (workspace / "outputs").resolve()
    assert all(out_root in job.target.resolve().parents for job in jobs)


# --- writes ---------------------------------------------------------------------------------

def _good_outputs(workspace) -> dict[Path, bytes]:
    assert run("build", "plans/quang-binh").exit_code == 0
    return {p: p.read_bytes() for p in sorted((workspace / "outputs").rglob("*.docx"))}


def _leftovers(workspace) -> list[Path]:
    return [p for p in (workspace / "outputs").rglob("*")
            if p.is_file() and p.suffix != ".docx" and p.name != BOOK_NAME]


def _change_both_plans(workspace) -> None:
    for plan in sorted((workspace / "plans" / "quang-binh").rglob("*.yaml")):
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("Bộ Tư pháp", "Bộ Tư pháp (Cục Phổ biến)", 1),
                        encoding="utf-8")


def test_a_write_that_fails_in_the_second_file_writes_nothing(workspace, monkeypatch):
    before = _good_outputs(workspace)
    assert len(before) == 2
    _change_both_plans(workspace)
    calls = {"n": 0}
    real_fsync = os.fsync

    def fsync_fails_on_the_second_file(fd):
        calls["n"] += 1
        real_fsync(fd)
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", fsync_fails_on_the_second_file)
    result = run("build", "plans/quang-binh")
    assert result.exit_code == 1
    line = _only_line(result)
    assert "[output.write]" in line and "ổ đĩa đã đầy" in line
    assert "Không tệp nào của lần dựng này được ghi; tệp cũ (nếu có) được giữ nguyên." in line
    assert {p: p.read_bytes() for p in before} == before  # all or nothing: both keep old bytes
    assert _leftovers(workspace) == []


def test_an_invalid_plan_writes_nothing(workspace):
    before = _good_outputs(workspace)
    _change_both_plans(workspace)
    plan = workspace / "plans" / "quang-binh" / "2025" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: ", "id: Sai ", 1),
                    encoding="utf-8")
    result = run("build", "plans/quang-binh")
    assert result.exit_code == 1
    assert {p: p.read_bytes() for p in before} == before
    assert _leftovers(workspace) == []


def test_an_output_locked_by_word_gets_a_clear_message(workspace, monkeypatch):
    before = _good_outputs(workspace)
    _change_both_plans(workspace)

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.os, "replace", locked)
    line = _only_line(run("build", str(PLAN)))
    assert line.startswith(f"{TARGET}: lỗi [output.write] Không ghi được tệp: không có quyền ghi "
                           "vào đây.")
    assert "đang mở trong Word" in line
    assert {p: p.read_bytes() for p in before} == before
    assert _leftovers(workspace) == []


def test_an_output_path_taken_by_a_folder(workspace):
    (workspace / TARGET).mkdir(parents=True)
    result = run("build", str(PLAN))
    assert "[output.write]" in _only_line(result)
    assert [p.name for p in (workspace / TARGET).parent.iterdir()] == [TARGET.name]


def test_a_read_only_output_file_is_kept_and_reported(workspace):
    before = _good_outputs(workspace)
    _change_both_plans(workspace)
    (workspace / TARGET).chmod(0o444)
    try:
        result = run("build", str(PLAN))
    finally:
        (workspace / TARGET).chmod(0o644)
    assert result.exit_code == 1
    assert _only_line(result).startswith(f"{TARGET}: lỗi [output.read-only]")
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in before} == before
    assert _leftovers(workspace) == []


# --- the command line never shows a traceback -----------------------------------------------

@pytest.mark.parametrize(("content", "code"), [
    (b"", "plan.not-mapping"),
    (b"- a\n- b\n", "plan.not-mapping"),
    (b"title: K\xe1 ho\xb9ch\n", "text.encoding"),  # TCVN3
    (b"\xff\xfea\x00b", "text.encoding"),  # UTF-16 cut off after an odd number of bytes
    (b"title: \"unclosed\n", "yaml.unclosed-quote"),
    (b"a: *x\n", "yaml.alias-unknown"),
    (b'title: "abc \\U00110000"\n', "yaml.escape"),  # an escape beyond Unicode
    (b"date: 0000-01-16\n", "schema.date-invalid"),  # year 0
])
def test_validate_odd_files(workspace, content, code):
    path = workspace / "plans" / "le.yaml"
    path.write_bytes(content)
    result = run("validate", "plans/le.yaml")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"[{code}]" in result.stderr
    data = json.loads(run("validate", "plans/le.yaml", "--format", "json").output)
    assert data["valid"] is False
    assert all(d["file"] == "plans/le.yaml" for d in data["diagnostics"])


def test_build_error_is_a_vanban_error_for_the_library(workspace):
    edit_template(workspace / "templates" / TEMPLATE.name, "{{ ten_loai }}", "{{ x }}")
    jobs = discover([workspace / PLAN], workspace / "outputs", workspace / "plans")
    with pytest.raises(VanbanError) as info:
        build(jobs, workspace=workspace)
    assert [d.code for d in info.value.diagnostics] == ["template.undefined"]


@pytest.mark.parametrize(("tag", "detail"), [
    ("{{ ten_loai }", "Chi tiết: thừa hoặc sai ký tự '}'"),
    ("{% if ten_loai %}{{ ten_loai }}", "Chi tiết: mẫu hết mà một thẻ {% … %} chưa được đóng"),
    ("{{ ten_loai|khong_co }}", "Chi tiết: không có bộ lọc 'khong_co'"),
    ("{{ 1 // 0 }}", "Chi tiết: chia cho 0"),
    ("{{ ten_loai }}{% endif %}", "Chi tiết: thẻ 'endif' không có hoặc không đúng chỗ"),
], ids=["brace", "unclosed", "filter", "zero", "endif"])
def test_jinja_explanations_are_vietnamese(workspace, tag, detail):
    edit_template(workspace / "templates" / TEMPLATE.name, "{{ ten_loai }}", tag)
    line = _only_line(run("build", str(PLAN)))
    assert line.endswith(detail)
