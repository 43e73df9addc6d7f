"""The `vanban` program as a whole process: exit status and every printed line survive the fast
exit (no interpreter teardown), and a reader that closes the pipe early gets no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.docx"
VANBAN = [sys.executable, "-m", "vanban.cli"]


def _run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*VANBAN, *args], check=False, capture_output=True, text=True,
                          cwd=ROOT, **kw)


def test_an_error_exits_1_with_its_message():
    result = _run("validate", "khong-co.yaml")
    assert result.returncode == 1
    assert result.stderr.startswith("khong-co.yaml: lỗi [args.not-found]")


def test_usage_error_exits_2():
    result = _run("build", "--jobs", "0")
    assert result.returncode == 2
    assert "Lỗi cách dùng lệnh" in result.stderr


def test_all_output_is_flushed_before_the_process_ends():
    piped = _run("text", str(OUTPUT))
    assert piped.returncode == 0
    assert piped.stdout.count("\n") > 80 and piped.stdout.endswith("\n")


def test_closed_pipe_gives_no_traceback():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line (as `| head -0`)
    try:
        result = subprocess.run([*VANBAN, "text", str(OUTPUT)], check=False, stdout=write_end,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr
    assert "Broken pipe" not in result.stderr
