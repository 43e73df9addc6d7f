"""``--lang en`` through the real CLI: help pages wholly in English for every command (also
when --lang comes first, ``vanban --lang en build``), usage errors and the messages of compare,
schema and fix-encoding in English only, with what the Vietnamese text says."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from tests.conftest import command_paths

from vanban.cli import main
from vanban.cli_help_en import HELP_EN

VIETNAMESE_WORDS = re.compile(r"Cách dùng|Tùy chọn|Lệnh:|Ví dụ|mặc định|Hiện hướng dẫn|"
                              r"bắt buộc|THƯ-MỤC|TỆP|ĐƯỜNG-DẪN| SỐ\b|CHỮ|Ngôn ngữ")


def run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="vanban")


@pytest.mark.parametrize("path", command_paths(main), ids=lambda p: " ".join(p) or "vanban")
def test_every_help_page_is_in_english(path):
    assert " ".join(path) in HELP_EN  # a new command brings its English help
    for args in ([*path, "--help", "--lang", "en"], ["--lang", "en", *path, "--help"]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Usage: vanban")
        assert "\nOptions:\n" in result.output and "Show this message and exit." in result.output
        assert VIETNAMESE_WORDS.findall(result.output) == []
        vietnamese = main.get_command(click.Context(main), path[0]) if path else main
        for name in path[1:]:
            vietnamese = vietnamese.get_command(click.Context(vietnamese), name)
        first = " ".join((vietnamese.help or "").splitlines()[0].split())
        assert first not in " ".join(result.output.split())  # the Vietnamese text is not shown


def test_the_vietnamese_help_points_to_english():
    out = " ".join(run("build", "--help").output.split())
    assert ("--lang [vi|en] Ngôn ngữ thông báo (vi/en). / Language of the messages: en for "
            "English. [mặc định: vi]") in out
    assert "Cách dùng: vanban build" in out


def test_the_main_page_lists_the_commands_in_english():
    lines = run("--help", "--lang", "en").output.splitlines()
    assert lines[0] == "Usage: vanban [OPTIONS] COMMAND [ARGS]..."
    assert "Commands:" in lines
    assert "  serve         Preview the plans in a browser, updated at each save." in lines


def test_lang_before_the_command_is_the_commands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--lang", "en", "validate", "khong-co.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Not valid: 1 error(s), 0 warning(s) in 1 file(s); " \
        "0 document(s) checked."
    later = run("report", "--lang", "en", "init", "khong-co.yaml")
    assert later.output == "khong-co.yaml: error [args.not-found] No such plan file.\n"


def test_compare_usage_errors_in_english_only():
    result = run("compare", "a.yaml", "b.yaml", "-o", "bang.pdf", "--lang", "en")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        ("Usage error: Invalid value for '-o' / '--output': 'bang.pdf': the output is a Word "
        "file, its name must end in .docx (for a PDF, open the .docx in Word or LibreOffice "
        "and save it as PDF)"),
        "See: vanban compare --help",
    ]
    result = run("compare", "a.yaml", "b.yaml", "-o", "b.docx", "--date", "2025-13-01",
                 "--lang", "en")
    assert result.output.splitlines()[0] == (
        "Usage error: Invalid value for '--date': '2025-13-01': write it as YYYY-MM-DD (or "
        "YYYY-MM-DDTHH:MM)")
    vietnamese = run("compare", "a.yaml", "b.yaml", "-o", "bang.pdf")
    assert vietnamese.output.splitlines()[0] == (
        "Lỗi cách dùng lệnh: Giá trị không hợp lệ cho '-o' / '--output': 'bang.pdf': tệp kết "
        "quả là tệp Word, tên phải có đuôi .docx (muốn PDF: mở tệp .docx bằng Word hoặc "
        "LibreOffice rồi lưu thành PDF)")


def test_schema_takes_lang():
    result = run("schema", "--type", "cong-vann", "--lang", "en")
    assert result.exit_code == 2
    assert result.output.startswith(
        "Usage error: Invalid value for --type: type \"cong-vann\" is not supported; supported "
        "types: bao-cao, ")
    both = run("schema", "--registry", "--type", "ke-hoach", "--lang", "en")
    assert both.output.splitlines()[0] == (
        "Usage error: --registry prints the schema of registry files; it does not go with "
        "--type.")


def test_fix_encoding_says_what_it_did_in_english(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("cu.yaml").write_bytes("title: Uû ban nh©n d©n tØnh\n".encode("latin-1"))
    result = run("fix-encoding", "cu.yaml", "--from", "utf-16", "--lang", "en")
    assert result.exit_code == 1
    assert result.output == (
        "cu.yaml: error [text.encoding-unknown] The file does not read in the encoding chosen "
        "(--from utf-16): no NUL bytes: not UTF-16; try another encoding, or leave out --from "
        "to let vanban guess.\n")
    assert run("fix-encoding", "cu.yaml", "--lang", "en").output == (
        "cu.yaml: converted (encoding guessed: tcvn3).\n")
    Path("cu.yaml").write_bytes("title: Uû ban\n".encode("latin-1"))
    assert run("fix-encoding", "cu.yaml", "--lang", "en").output == (
        "cu.yaml.bak: error [output.backup-exists] A backup cu.yaml.bak already exists; rename "
        "or delete it, or use -o to write to another file.\n")


@pytest.fixture()
def workspace(tmp_path, monkeypatch):
    """The example plans (a git-less copy) as the working folder."""
    import shutil

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "plans", tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_messages_of_new_year_rename_and_report_say_what_to_do(workspace):
    plan = "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
    Path("plans/quang-binh/2026").mkdir()
    Path("plans/quang-binh/2026/ke-hoach-hoa-giai.yaml").write_text("x: 1\n", encoding="utf-8")
    result = run("new-year", plan, "--year", "2026", "--lang", "en")
    assert result.output == (
        "plans/quang-binh/2026/ke-hoach-hoa-giai.yaml: error [new-year.exists] The file exists "
        "and is not overwritten: delete or rename it, or use -o to write another file.\n")
    Path("plans/quang-binh/2026/ke-hoach-hoa-giai.yaml").unlink()
    renamed = run("rename-unit", "Sở Tư pháp", "so-tp", "--lang", "en").output.splitlines()
    assert renamed[0] == (
        "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml: warning [rename.issued] An issued plan "
        "(number 87) names \"Sở Tư pháp\"; an issued document is not rewritten.")
    report = run("report", "init", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml", "--lang", "en")
    assert report.output == (
        "plans/quang-binh/2024/bao-cao-hoa-giai.yaml: error [output.exists] The report file "
        "exists; init does not overwrite it. Use -o to write another file.\n")


def test_a_reasons_file_that_is_not_lines_of_id_reason(workspace):
    reasons = Path("ly-do.yaml")
    reasons.write_text("- tap-huan\n", encoding="utf-8")
    old, new = "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml", \
        "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
    result = run("compare", old, new, "-o", "bang.docx", "--reasons", str(reasons),
                 "--lang", "en")
    assert result.exit_code == 1
    assert result.output == (
        "ly-do.yaml:1:1: error [reasons.not-mapping] A reasons file is lines of \"id: reason\", "
        "e.g. \"tap-huan: Theo góp ý của Sở Tài chính\".\n")
    assert not Path("bang.docx").exists()


def test_serve_on_a_busy_port_says_which_to_take(workspace):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--port", str(port), "--lang", "en")
    assert result.exit_code == 1
    assert result.output == (f"--port: error [serve.port-busy] Port {port} is in use; pick "
                             f"another one, e.g. --port {port + 1}.\n")


@pytest.mark.parametrize(("args", "first"), [
    (["--lang", "en"], "Usage: vanban [OPTIONS] COMMAND [ARGS]..."),
    (["report", "--lang", "en"], "Usage: vanban report [OPTIONS] COMMAND [ARGS]..."),
    ([], "Cách dùng: vanban [TÙY-CHỌN] LỆNH [THAM-SỐ]..."),
], ids=["en", "report-en", "vi"])
def test_no_command_shows_the_help_page_in_its_language(args, first):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == first


def test_new_year_and_rename_of_a_broken_plan_say_what_they_cannot_do(workspace):
    plan = Path("plans/quang-binh/2025/thong-bao-tap-huan.yaml")
    plan.write_text(plan.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:"),
                    encoding="utf-8")
    wrong = (f"{plan}:7:1: error [schema.extra-forbidden] titel: Unknown field \"titel\". Did "
             "you mean \"title\"?")
    result = run("new-year", str(plan), "--year", "2026", "--lang", "en")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        (f"{plan}: error [new-year.invalid] The document ({plan}) has errors, so no draft for "
        "the new year is made; fix these and run it again:"), wrong]
    renamed = run("rename-unit", "Sở Tư pháp", "so-tp", "--lang", "en")
    assert renamed.output.splitlines() == [
        ("plans: error [rename.invalid] The plans in plans have errors, so nothing is renamed; "
        "fix these and run it again:"), wrong]
    vietnamese = run("new-year", str(plan), "--year", "2026")
    assert vietnamese.output.splitlines()[0] == (
        f"{plan}: lỗi [new-year.invalid] Văn bản ({plan}) có lỗi nên chưa tạo được dự thảo năm "
        "mới; sửa các lỗi sau rồi chạy lại:")


@pytest.mark.parametrize(("edit", "said"), [
    (("- title: MỤC ĐÍCH, YÊU CẦU", "- title: I. MỤC ĐÍCH, YÊU CẦU"),
     "section numbers are computed (it would print twice)."),
    (("timeline: năm 2025", "timeline: khi nào xong"),
     'Write e.g. "năm 2025", "Quý II năm 2025", "Tháng 6, tháng 11 năm 2025"'),
    (("title: MỤC ĐÍCH, YÊU CẦU", "title: MỤC ĐÍCH, YÊU CẦU Thùc hiÖn"),
     ("(or with Unikey Toolkit: source encoding TCVN3 (ABC, the .VnTime fonts), target "
      "Unicode).")),
])
def test_english_validate_messages_say_what_the_vietnamese_say(workspace, edit, said):
    plan = Path("plans/quang-binh/2025/ke-hoach-hoa-giai.yaml")
    text = plan.read_text(encoding="utf-8")
    assert edit[0] in text
    plan.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = run("validate", str(plan), "--lang", "en")
    assert said in result.output, result.output


def test_an_issued_document_changed_is_told_to_be_reviewed_in_english(workspace):
    assert run("build", "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml").exit_code == 0
    plan = Path("plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
    plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp", "Bộ Nội vụ", 1),
                    encoding="utf-8")
    for command in ("validate", "build"):
        result = run(command, str(plan), "--lang", "en")
        line = next(x for x in result.output.splitlines() if "[output.issued-changed]" in x)
        assert "git diff" in line, line


def test_report_validate_labels_in_english_and_the_reports_own_sentences_as_printed(workspace):
    result = run("report", "validate", "plans/quang-binh/2025/bao-cao-hoa-giai.yaml",
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "Reporting period: 15/12/2024 – 14/12/2025"
    assert lines[2].startswith("Đã hoàn thành ")  # the report's sentence, as it prints


def test_report_init_on_a_notice_names_its_type_in_english(workspace):
    result = run("report", "init", "plans/quang-binh/2025/thong-bao-tap-huan.yaml", "--lang", "en")
    assert result.exit_code == 1
    assert ('error [report.plan-type] type: The file "plans/quang-binh/2025/thong-bao-tap-huan'
            '.yaml" is a Thông báo (type: thong-bao); a year-end report is made only on a plan '
            "(type: ke-hoach, chuong-trinh, de-an, du-an, phuong-an).") in result.output
