"""The command line, through click's CliRunner on a copy of the example workspace."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[2]


def only_the_plans(folder: str, names: list[str]) -> list[str]:
    """Leave out the examples of other document types: these tests count the Kế hoạch outputs."""
    if "_shared" in folder:
        return []
    return [n for n in names if n.endswith(".yaml") and n != "ke-hoach-hoa-giai.yaml"]


@pytest.fixture()
def workspace(tmp_path, monkeypatch):
    """A copy of the example workspace (plans/ and templates/) as the working folder."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans", ignore=only_the_plans)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_help_lists_commands_with_examples():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("build", "validate", "check", "text", "schema", "fix-encoding"):
        assert command in result.output
    assert "Ví dụ:" in result.output
    assert "Ví dụ:" in run("build", "--help").output


def test_help_is_fast_because_imports_are_lazy():
    code = "import sys, vanban.cli; print(sorted(m for m in ('docx','docxtpl','pydantic','lxml','yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_english_help_is_read_only_for_an_english_help_page():
    """vanban --help, vanban text in Vietnamese import neither the English help texts nor their
    pieces; --help --lang en does."""
    code = ("import sys; from click.testing import CliRunner; from vanban.cli import main; "
            "CliRunner().invoke(main, sys.argv[1:]); "
            "print(sorted(m for m in ('vanban.cli_lang', 'vanban.cli_help_en') "
            "if m in sys.modules))")
    both = "['vanban.cli_help_en', 'vanban.cli_lang']"
    for args, imported in ((["--help"], "[]"), (["text", "khong-co.docx"], "[]"),
                           (["--help", "--lang", "en"], both)):
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                             check=True)
        assert out.stdout.strip().splitlines()[-1] == imported, args


def test_usage_error_exits_2():
    result = run("build", "--jobs", "0")
    assert result.exit_code == 2


def test_build_mirrors_folders_and_skips_unchanged(workspace):
    result = run("build")
    assert result.exit_code == 0, result.output
    target = workspace / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.docx"
    assert target.is_file()
    assert "Đã ghi outputs/quang-binh/2024/ke-hoach-hoa-giai.docx" in result.output
    again = run("build", "plans/quang-binh/2024")
    assert again.exit_code == 0
    assert "Đã ghi" not in again.output
    assert again.stderr.strip() == (
        "Các tệp kết quả đã đúng với nguồn, không cần ghi lại: 1 văn bản bỏ qua vì nguồn không "
        "đổi từ lần dựng trước (--force để dựng lại).")
    forced = run("build", "plans/quang-binh/2024", "--force")
    assert "Không đổi outputs/quang-binh/2024/ke-hoach-hoa-giai.docx" in forced.output
    assert forced.stderr.strip().endswith("1 tệp dựng lại giống hệt tệp đang có.")


def test_build_py_is_vanban_build(workspace):
    out = subprocess.run([sys.executable, str(ROOT / "build.py")], cwd=workspace,
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert (workspace / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.docx").is_file()


def test_invalid_plan_writes_nothing_and_keeps_old_outputs(workspace):
    assert run("build").exit_code == 0
    target = workspace / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.docx"
    good = target.read_bytes()
    plan = workspace / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:"),
                    encoding="utf-8")
    plan.with_name("moi.yaml").write_text("issuer: ubnd-quang-binh\n", encoding="utf-8")
    result = run("build")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml:" in result.output
    assert "[schema.extra-forbidden] titel: Trường \"titel\" không có trong mẫu kế hoạch. " \
           "Có phải \"title\"?" in result.output
    assert target.read_bytes() == good
    assert not (workspace / "outputs" / "quang-binh" / "2024" / "moi.docx").exists()
    assert not list((workspace / "outputs").rglob("*.tmp"))


def test_validate_json(workspace):
    result = run("validate", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["valid"] is True and data["plans"] >= 2


def test_missing_path_is_a_located_error(workspace):
    result = run("build", "plans/khong-co")
    assert result.exit_code == 1
    assert "plans/khong-co: lỗi [args.not-found]" in result.output


def test_text_and_check_on_a_built_document(workspace):
    assert run("build", "plans/quang-binh/2024").exit_code == 0
    docx = "outputs/quang-binh/2024/ke-hoach-hoa-giai.docx"
    text = run("text", docx)
    assert text.exit_code == 0
    assert "<14pt B> KẾ HOẠCH" in text.output
    check = run("check", docx)
    assert check.exit_code == 0, check.output
    Path("hong.docx").write_bytes(b"not a zip")
    broken = run("check", "hong.docx")
    assert broken.exit_code == 1 and "Traceback" not in broken.output


def test_english_messages(workspace):
    result = run("build", "plans/khong-co", "--lang", "en")
    assert "error [args.not-found]" in result.output and "No such file" in result.output


def test_schema_has_vietnamese_descriptions():
    data = json.loads(run("schema", "--type", "ke-hoach").output)
    assert data["properties"]["title"]["description"].startswith("Trích yếu")
    assert data["additionalProperties"] is False
    every = json.loads(run("schema").output)  # all types, chosen by type:
    assert every["$defs"]["Plan"] == {k: v for k, v in data.items() if k != "$defs"}


def test_fix_encoding_converts_tcvn3_and_keeps_a_backup(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = "title: Uû ban nh©n d©n tØnh\n".encode("latin-1")
    Path("cu.yaml").write_bytes(old)
    result = run("fix-encoding", "cu.yaml")
    assert result.exit_code == 0, result.output
    assert Path("cu.yaml").read_text(encoding="utf-8") == "title: Uỷ ban nhân dân tỉnh\n"
    assert Path("cu.yaml.bak").read_bytes() == old
    assert run("fix-encoding", "cu.yaml").exit_code == 0  # already Unicode: unchanged


def test_pdf_without_libreoffice_writes_nothing(workspace, monkeypatch):
    monkeypatch.setenv("VANBAN_SOFFICE", str(workspace / "khong-co-soffice"))
    result = run("build", "--pdf")
    assert result.exit_code == 1
    assert "[pdf.no-libreoffice]" in result.output and "Traceback" not in result.output
    assert not (workspace / "outputs").exists()


def test_parallel_build_gives_the_same_bytes(workspace):
    assert run("build", "--out", "mot").exit_code == 0
    assert run("build", "--out", "hai", "--jobs", "2").exit_code == 0
    one = sorted((workspace / "mot").rglob("*.docx"))
    two = sorted((workspace / "hai").rglob("*.docx"))
    assert len(one) == len(two) >= 3
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_a_broken_registry_is_reported_once_with_the_plans_own_errors(workspace):
    registry = workspace / "plans" / "_shared" / "don-vi.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("    abbr: STP\n",
                                                                     "    abr: STP\n"),
                        encoding="utf-8")
    plan = workspace / "plans" / "quang-binh" / "2025" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:"),
                    encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    registry_lines = [ln for ln in lines if ln.startswith("plans/_shared/don-vi.yaml:")]
    assert len(registry_lines) == 1
    assert 'Trường "abr" không có trong mẫu danh mục. Có phải "abbr"?' in registry_lines[0]
    assert any("[schema.extra-forbidden] titel:" in ln for ln in lines)


def test_two_plans_writing_one_output_are_refused(workspace):
    source = workspace / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    source.with_suffix(".yml").write_bytes(source.read_bytes())
    result = run("build", "--out", "ra")
    assert result.exit_code == 1
    assert "[output.collision]" in result.stderr
    assert not (workspace / "ra").exists()


def test_build_refuses_a_docx_as_a_plan(workspace):
    Path("van-ban.docx").write_bytes(b"PK")
    result = run("build", "van-ban.docx")
    assert result.exit_code == 1 and "[args.not-plan]" in result.stderr


def _edit_template(path: Path, old: str, new: str) -> None:
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_template_missing_a_tag_is_refused_by_validate_and_build(workspace):
    _edit_template(workspace / "templates" / "mau-1-4.docx", "{{ nguoi_ky }}", "")
    for command in ("validate", "build"):
        result = run(command)
        assert result.exit_code == 1
        assert result.stderr.count("[template.missing]") == 1  # once for all plans
        assert "thiếu thẻ: {{ nguoi_ky }}" in result.stderr
    assert not (workspace / "outputs").exists()


def test_changing_an_issued_document_warns(workspace):
    assert run("build").exit_code == 0
    plan = workspace / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp\n", "Bộ Tư pháp (để báo cáo)\n"),
                    encoding="utf-8")
    (workspace / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.pdf").write_bytes(b"%PDF")
    result = run("build")
    assert result.exit_code == 0
    assert ("outputs/quang-binh/2024/ke-hoach-hoa-giai.docx: cảnh báo [output.issued-changed]"
            in result.stderr)
    assert "outputs/quang-binh/2024/ke-hoach-hoa-giai.pdf: cảnh báo [output.stale-pdf]" in result.stderr
    assert "[output.issued-changed]" not in run("build").stderr  # nothing changes any more


@pytest.mark.parametrize("args,expected", [
    (["build", "--jobs", "0"], ("Lỗi cách dùng lệnh: Giá trị không hợp lệ cho '--jobs': 0 nằm ngoài "
                               "khoảng 1<=x<=64.")),
    (["khong-co"], "Lỗi cách dùng lệnh: Không có lệnh 'khong-co'."),
    (["check"], "Lỗi cách dùng lệnh: Thiếu tham số 'FILES...'."),
    (["check", "--pdff", "x.docx"], ("Lỗi cách dùng lệnh: Không có tùy chọn '--pdff'. Có phải "
                                    "'--pdf'?")),
    (["build", "--jobs", "0", "--lang", "en"], "Usage error: Invalid value for '--jobs'"),
], ids=["range", "command", "argument", "option", "english"])
def test_usage_errors_in_vietnamese(args, expected):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(expected)


@pytest.mark.pdf
def test_pdf_build_is_all_or_nothing(workspace):
    from vanban.pdf.convert import find_soffice
    try:
        find_soffice()
    except Exception:  # noqa: BLE001 - any "not installed" is a skip here
        pytest.skip("LibreOffice is not installed")
    assert run("build", "plans/quang-binh", "--pdf").exit_code == 0
    outputs = sorted((workspace / "outputs").rglob("*.*[fx]"))
    assert [p.suffix for p in outputs] == [".docx", ".pdf", ".docx", ".pdf"]
    before = {p: p.read_bytes() for p in outputs}
    again = run("build", "plans/quang-binh", "--pdf")
    assert "2 văn bản bỏ qua vì nguồn không đổi" in again.stderr  # DOCX and PDF both current
    forced = run("build", "plans/quang-binh", "--pdf", "--force")
    assert forced.output.count("Không đổi") == 4  # unchanged PDFs are not rewritten either
    assert {p: p.read_bytes() for p in outputs} == before
    for plan in (workspace / "plans" / "quang-binh").rglob("*.yaml"):
        plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp\n", "Bộ Nội vụ\n"),
                        encoding="utf-8")
    locked = workspace / "outputs" / "quang-binh" / "2025" / "ke-hoach-hoa-giai.pdf"
    locked.chmod(0o444)
    try:
        result = run("build", "plans/quang-binh", "--pdf")
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1 and "[output.read-only]" in result.stderr
    assert {p: p.read_bytes() for p in outputs} == before  # not one file changed
