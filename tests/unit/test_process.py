"""The `vanban` program as a whole process: exit status and every printed line survive the fast
exit (no interpreter teardown), and a reader that closes the pipe early gets no traceback."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


HEAVY = ("pydantic", "docxtpl", "docx", "jinja2", "yaml", "lxml", "pdfplumber", "rich",
         "xml.sax.saxutils")


@pytest.mark.parametrize(("args", "allowed"), [
    (["--help"], ()),
    (["build", "--help"], ()),
    (["text", str(OUTPUT)], ("lxml",)),
    (["check", str(OUTPUT)], ("lxml",)),
    (["fix-encoding", str(ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"),
      "-o", "{tmp}/plan.yaml"], ()),
], ids=["help", "build-help", "text", "check", "fix-encoding"])
def test_each_command_imports_only_what_it_uses(args, allowed, tmp_path):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code = ("import sys\nfrom vanban.cli import main\n"
            f"try:\n    main.main({args!r})\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    loaded = set(ast.literal_eval(out.stdout.strip().splitlines()[-1]))
    assert loaded <= set(allowed), out.stderr


@pytest.mark.parametrize("program", [VANBAN, [sys.executable, "-m", "vanban"]],
                         ids=["-m vanban.cli", "-m vanban"])
def test_every_command_is_listed_however_the_program_starts(program):
    out = subprocess.run([*program, "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("build", "validate", "check", "text", "diff", "compare", "new-year",
                    "rename-unit"):
        assert f"  {command} " in out, command
