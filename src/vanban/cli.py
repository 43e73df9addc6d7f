"""Command line: parse options, call the library, map errors to exit codes.

This module holds the ``vanban`` group (``main``), the helpers its commands share and ``run``;
the commands live in the cli_* modules, which register themselves on ``main`` when imported.

Expected problems (VanbanError) print located messages and exit 1; usage errors exit 2.
Heavy libraries are imported inside the commands so that ``vanban --help`` answers at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

# LANG_HELP and _english are imported from here by the command modules.
from vanban.cli_group import LANG_HELP, _english, _Group, _lang_option  # noqa: F401

EPILOG_MAIN = """\b
Ví dụ:
  vanban build                      dựng mọi kế hoạch trong plans/ vào outputs/
  vanban build plans/quang-binh --pdf
  vanban validate                   chỉ kiểm tra kế hoạch, không ghi tệp
  vanban check outputs/quang-binh/2024/ke-hoach-hoa-giai.docx --pdf
  vanban text outputs/quang-binh/2024/ke-hoach-hoa-giai.docx
"""


def _print_diagnostics(diagnostics, lang: str) -> None:
    for d in diagnostics:
        click.echo(d.text(lang), err=True)


def _fail(exc, lang: str) -> None:
    _print_diagnostics(exc.diagnostics, lang)
    sys.exit(1)


class _at_workspace:
    """Run a command from its workspace's root (the folder holding ``plans/``, ``outputs/``,
    ``templates/``), found from the plans named or the working folder (``jobs.workspace_root``):
    ``plans``, ``outputs``, ``templates`` are then the root's, and every path printed is
    relative to the root, as when the command is run there. Paths given are taken from the
    working folder. Outside any workspace nothing changes. Gives the paths as seen from the
    root: ``paths``, then ``others`` (each a path or None, e.g. ``--out``)."""

    def __init__(self, paths: tuple[Path, ...], *others: Path | None) -> None:
        self.paths, self.others, self.cwd = paths, others, Path.cwd()
        self.root: Path | None = None

    def __enter__(self) -> tuple[tuple[Path, ...], tuple[Path | None, ...]]:
        from vanban.jobs import workspace_root

        root = workspace_root(self.paths, self.cwd)
        if root is None or root == self.cwd.resolve():
            return self.paths, self.others
        moved = tuple(self._from_root(root, p) for p in self.paths)
        others = tuple(None if p is None else self._from_root(root, p) for p in self.others)
        os.chdir(root)
        self.root = root
        return moved, others

    def _from_root(self, root: Path, path: Path) -> Path:
        """``path`` (from the working folder) from the root: relative inside it, else whole."""
        full = (self.cwd / path).resolve()
        return Path(os.path.relpath(full, root)) if full.is_relative_to(root) else full

    def __exit__(self, *exc) -> None:
        if self.root is not None:
            os.chdir(self.cwd)


@click.group(cls=_Group, epilog=EPILOG_MAIN,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vanban", message="vanban %(version)s",
                      help="Hiện phiên bản rồi thoát.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              expose_value=False, help=LANG_HELP + " (vanban --lang en LỆNH …)")
def main() -> None:
    """vanban: soạn Kế hoạch và các văn bản đi cùng (Quyết định, Công văn, Tờ trình, Thông báo,
    Báo cáo kết quả) bằng YAML, xuất DOCX/PDF đúng thể thức Nghị định 30/2020/NĐ-CP; so sánh
    các phiên bản và kiểm tra thể thức mọi tệp DOCX.

    (vanban: Vietnamese administrative plans and the documents they travel with, from YAML to
    Decree-30 DOCX/PDF; review of changes; a format checker for any DOCX. In English: add
    --lang en to any command, e.g. vanban --help --lang en.)
    """


# The commands live in their own modules and register themselves on `main` when imported:
# build (cli_build); text, check (cli_docx); validate, schema, fix-encoding (cli_plans);
# rename-unit (cli_rename); report (cli_report); diff, compare, new-year (cli_review);
# serve (cli_serve).
from vanban import (  # noqa: F401
    cli_build,
    cli_docx,
    cli_plans,
    cli_rename,
    cli_report,
    cli_review,
    cli_serve,
)


def _utf8_output() -> None:
    """Print UTF-8 whatever the locale says: on Windows a pipe or a file (git's textconv, a
    pre-commit hook, ``vanban text x.docx > x.txt``) takes the ANSI code page, which has no
    letter such as "ố", so the first Vietnamese line would end the command with a traceback;
    git reads a textconv's output as UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):  # a stream already written to, or closed
                pass


def run() -> None:
    """The `vanban` program: run the command, flush what it printed, and end the process at once.

    The interpreter's teardown (freeing every object of pydantic, lxml, jinja…) costs a user
    ~40 ms per command and does nothing useful once the output is written and flushed; the
    files a command writes are complete and synced before it returns. Tests call ``main``.
    """
    # vanban uses no pydantic plugin; looking for them scans every installed package (~4 ms),
    # and importing the loader that would look costs ~7 ms more.
    from vanban.heavy import without_pydantic_plugins

    without_pydantic_plugins()
    _utf8_output()
    code = 0
    try:
        main.main(sys.argv[1:], prog_name="vanban")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a closed pipe (vanban text | head): nothing to say
        pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    # `python -m vanban.cli`: run the imported module (the one the command modules registered on).
    from vanban.cli import run as _run

    _run()
