"""`vanban check FOLDER`: every .docx under it (Word's "~$" lock files left out), and a tally of
the folder at the end; a folder without any .docx says so."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]
GOOD = ROOT / "outputs" / "quang-binh" / "2025" / "thong-bao-tap-huan.docx"


def test_a_folder_is_checked_file_by_file_with_a_tally(tmp_path):
    shutil.copy(GOOD, tmp_path / "a.docx")
    (tmp_path / "con").mkdir()
    (tmp_path / "con" / "b.docx").write_bytes(b"not a docx")
    (tmp_path / "~$a.docx").write_bytes(b"Word's lock file")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == ("Tổng: 2 tệp, 1 đạt thể thức, 1 chưa đạt hoặc không kiểm tra được.")
    assert f"{tmp_path / 'a.docx'}: đạt thể thức Nghị định 30/2020/NĐ-CP (0 lỗi, 0 cảnh báo)." \
        in lines
    assert not any("~$" in line for line in lines)


def test_a_folder_holds_drafts_named_in_capitals_too(tmp_path):
    # Windows keeps a name as typed or mailed: "QUYET-DINH.DOCX" is a Word document as well.
    shutil.copy(GOOD, tmp_path / "QUYET-DINH.DOCX")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"{tmp_path / 'QUYET-DINH.DOCX'}: đạt thể thức Nghị định 30/2020/NĐ-CP (0 lỗi, 0 cảnh báo).")


def test_one_file_has_no_tally_and_an_empty_folder_says_so(tmp_path):
    one = CliRunner().invoke(main, ["check", str(GOOD)])
    assert one.exit_code == 0 and "Tổng:" not in one.output
    empty = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert empty.exit_code == 1
    assert empty.stderr == f"{tmp_path}: không có tệp .docx nào.\n"


def test_format_json_is_the_same_as_json():
    as_format = CliRunner().invoke(main, ["check", "--format", "json", str(GOOD)])
    as_flag = CliRunner().invoke(main, ["check", "--json", str(GOOD)])
    assert as_format.exit_code == as_flag.exit_code == 0
    assert as_format.output == as_flag.output and '"ok": true' in as_format.output
