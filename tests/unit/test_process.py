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


PLAN = ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
NOT_FOR_A_PLAN = ("importlib.metadata", "email", "pdfplumber", "rich", "xml.sax.saxutils",
                  "difflib", "vanban.check", "vanban.review", "vanban.report", "vanban.serve",
                  "vanban.pdf", "vanban.watcher")
"""What the program must not import to build or validate one Kế hoạch (rendering included)."""


RENDERER = ("docxtpl", "jinja2", "docx", "lxml", "vanban.render", "vanban.ooxml")
"""What validate does not import when the templates are vanban's own frames (nothing to try,
nothing to render: python-docx and lxml only build or read a DOCX)."""


@pytest.mark.parametrize(("args", "also"), [
    (["build", str(PLAN), "--out", "{tmp}/out"], ()),
    (["validate", str(PLAN), "--out", "{tmp}/out"], RENDERER),
], ids=["build", "validate"])
def test_the_program_imports_no_more_than_a_plan_needs(args, also, tmp_path):
    """The `vanban` program itself (``run``, which ends the process at once): the list is
    printed as it ends. pydantic's plugin loader, with the package listing it imports, is among
    what a plan does not need (vanban turns plugins off)."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code = ("import os, sys\nend = os._exit\n"
            "def _exit(code):\n"
            f"    print(code, sorted(m for m in {NOT_FOR_A_PLAN + also!r} if m in sys.modules))\n"
            "    sys.stdout.flush()\n    end(code)\n"
            f"os._exit = _exit\nsys.argv = ['vanban', *{args!r}]\n"
            "from vanban.cli import run\nrun()")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=env)
    code, loaded = out.stdout.strip().splitlines()[-1].split(" ", 1)
    assert (code, ast.literal_eval(loaded)) == ("0", []), out.stderr


def test_a_plugin_named_by_the_user_is_still_looked_for(tmp_path):
    """PYDANTIC_DISABLE_PLUGINS set by the user to some plugin names (not "all"): pydantic's
    own loader is used, as without vanban."""
    code = ("import sys\nfrom vanban import heavy\nheavy.without_pydantic_plugins()\n"
            "from vanban.cli import main\n"
            f"try:\n    main.main(['validate', {str(PLAN)!r}, '--out', {str(tmp_path)!r}])\n"
            "except SystemExit:\n    pass\n"
            "print(getattr(sys.modules['pydantic.plugin._loader'], '__file__', None))")
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "logfire"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.strip().endswith("_loader.py"), out.stderr


def test_the_stand_in_loader_gives_way_to_the_real_one_once(monkeypatch):
    """With every plugin off, pydantic's plugin loader is a stand-in that finds no plugin; any
    other name asked of it is the real loader's, imported once (a second question to the
    stand-in does not import the loader again and lose what it holds)."""
    import importlib

    from vanban import heavy

    name = "pydantic.plugin._loader"
    original = importlib.import_module(name)  # monkeypatch puts it back afterwards
    monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys.modules["pydantic.plugin"], "_loader", original)
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    heavy.without_pydantic_plugins()
    stand_in = sys.modules[name]
    assert not hasattr(stand_in, "__file__") and list(stand_in.get_plugins()) == []
    assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"  # the real loader's constant
    real = sys.modules[name]
    assert real is not stand_in and real.__file__.endswith("_loader.py")
    assert stand_in._plugins is real._plugins
    assert sys.modules[name] is real
