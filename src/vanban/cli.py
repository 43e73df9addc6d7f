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


@main.command(epilog="""\b
Ví dụ:
  vanban text outputs/quang-binh/2024/ke-hoach-hoa-giai.docx
  vanban text ke-hoach.docx > ke-hoach.txt
""")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--textconv", is_flag=True,
              help="Dùng cho git (diff.docx.textconv): tệp không đọc được (không phải DOCX) "
                   "in một dòng báo thay cho nội dung, mã thoát 0, để git diff, git log -p "
                   "không dừng giữa chừng.")
@_lang_option
def text(file: Path, lang: str, textconv: bool) -> None:
    """In nội dung DOCX dạng văn bản thuần, kèm định dạng từng đoạn (để so sánh, xem khác biệt).

    Chữ gạch ngang (chữ bị bỏ trong bảng so sánh) và chữ bị xóa khi theo dõi thay đổi (Track
    Changes) in trong [-…-]; chữ được thêm khi theo dõi thay đổi in trong {+…+}.

    Chú thích (footnote): chỗ đặt dấu chú thích in [^1], [^2]… (đánh số như Word hiện); ngay
    dưới dòng đoạn văn đó, mỗi đoạn của chú thích là một dòng thụt vào, dạng
    [^1] [kiểu] <cỡ chữ> nội dung, kể cả chữ sửa khi theo dõi thay đổi.
    """
    from vanban.errors import VanbanError
    from vanban.review.projection import project

    try:
        click.echo(project(file), nl=False)
    except VanbanError as exc:
        if textconv:  # git stops the whole diff at a converter that fails
            click.echo(_unreadable(exc, file, lang))
            return
        _fail(exc, lang)


def _unreadable(exc, file: Path, lang: str) -> str:
    """The one line ``vanban text --textconv`` gives git for a file it cannot read (git's
    temporary copy is named by the file's own name: the line is the same at every run)."""
    said = "; ".join((d.message if lang == "vi" else d.message_en or d.message)
                     for d in exc.diagnostics).replace(str(file), file.name)
    return (f"(vanban text: không đọc được tệp này: {said})" if lang == "vi"
            else f"(vanban text: cannot read this file: {said})")


@main.command(epilog="""\b
Ví dụ:
  vanban validate                       mọi kế hoạch trong plans/
  vanban validate plans/quang-binh/2025 --strict
  vanban validate --format json > loi.json
""")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Dạng kết quả: text (mỗi lỗi một dòng) hoặc json.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Thư mục kết quả của lần dựng trước (để biết văn bản nào "
              "không đổi; mặc định: outputs/ của thư mục dự án).")
@_lang_option
def validate(paths: tuple[Path, ...], strict: bool, fmt: str, out_dir: Path | None, lang: str
             ) -> None:
    """Kiểm tra kế hoạch (YAML) mà không ghi tệp nào: mỗi lỗi một dòng, kèm tệp:dòng:cột.

    Mỗi mẫu (templates/) được thử một lần, trừ mẫu giống hệt mẫu có sẵn của vanban. Kế hoạch
    không đổi nguồn từ lần dựng trước không phải kiểm tra lại (cảnh báo cũ được in lại). Văn bản
    đã có số mà dựng lại sẽ ra bản khác bản đã dựng được cảnh báo [output.issued-changed]. Chạy
    được ở mọi thư mục con của dự án.

    Mã thoát: 0 hợp lệ, 1 có lỗi, 2 sai cách dùng lệnh.
    """
    with _at_workspace(paths, out_dir) as (named, (out,)):
        _validate(named, strict, fmt, out or Path("outputs"), lang)


def _validate(paths: tuple[Path, ...], strict: bool, fmt: str, out_dir: Path, lang: str) -> None:
    """The validate command in its workspace (see ``validate``)."""
    import json

    from vanban.batch import default_jobs
    from vanban.batch import validate as validate_plans
    from vanban.errors import Diagnostic, Severity, Span, VanbanError
    from vanban.jobs import discover

    plans_root = Path("plans")
    try:
        jobs = discover(paths or (plans_root,), out_dir, plans_root)
        problems = validate_plans(jobs, out_dir=out_dir, workspace=Path.cwd(),
                                  workers=default_jobs())
        if not jobs:
            problems.append(Diagnostic(
                "args.no-plans", "Không có kế hoạch nào (.yaml) để kiểm tra.",
                Span(", ".join(map(str, paths)) or str(plans_root)),
                message_en="No plan (.yaml) to check.",
                hint="Chạy lệnh trong thư mục dự án (có thư mục plans/), hoặc chỉ rõ tệp.",
                hint_en="Run it in the project folder (with plans/), or name the files."))
    except VanbanError as exc:
        jobs, problems = [], list(exc.diagnostics)
    failed = any(p.severity is Severity.ERROR or strict for p in problems)
    if fmt == "json":
        click.echo(json.dumps({"valid": not failed, "plans": len(jobs),
                               "diagnostics": [p.as_dict(lang) for p in problems]},
                              ensure_ascii=False, indent=2))
    else:
        _print_diagnostics(problems, lang)
        click.echo(_validate_summary(problems, len(jobs), failed, lang), err=True)
    sys.exit(1 if failed else 0)


def _validate_summary(problems, documents: int, failed: bool, lang: str) -> str:
    """validate's last line: valid or not, and how many errors and warnings in how many files,
    so that a run over a province's hundreds of plans ends with its count."""
    from vanban.errors import Severity

    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings, files = len(problems) - errors, len({p.span.file for p in problems})
    if lang == "vi":
        counts = f"{errors} lỗi, {warnings} cảnh báo trong {files} tệp"
        if failed:
            return f"Không hợp lệ: {counts}; đã kiểm tra {documents} văn bản."
        return f"Hợp lệ: {documents} văn bản" + (
            f" ({warnings} cảnh báo trong {files} tệp)." if problems else ".")
    counts = (f"{errors} error(s), {warnings} warning(s) in {files} file(s)")
    if failed:
        return f"Not valid: {counts}; {documents} document(s) checked."
    return f"Valid: {documents} document(s)" + (
        f" ({warnings} warning(s) in {files} file(s))." if problems else ".")


@main.command(epilog="""\b
Ví dụ:
  vanban schema > vanban-plan.schema.json
  vanban schema --type cong-van
  vanban schema --registry > vanban-registry.schema.json
""")
@click.option("--registry", is_flag=True, help="Lược đồ của tệp danh mục (_shared/*.yaml).")
@click.option("--type", "doc_type", default=None,
              help="Chỉ in lược đồ của một loại văn bản (giá trị của type:), ví dụ ke-hoach. "
                   "Mặc định: một lược đồ cho mọi loại, chọn theo type:.")
@_lang_option
def schema(registry: bool, doc_type: str | None, lang: str) -> None:
    """In JSON Schema của tệp văn bản (kèm mô tả tiếng Việt), dùng cho VS Code / YAML LS.

    Không có --type: một lược đồ nhận mọi loại văn bản, chọn theo trường type: (không ghi
    type: là Kế hoạch).
    """
    import json

    if registry and doc_type is not None:
        raise click.UsageError("--registry prints the schema of registry files; it does not "
                               "go with --type." if lang == "en" else
                               "--registry in lược đồ tệp danh mục; không dùng cùng --type.")
    if registry:
        from vanban.model.registry import RegistryFile

        result = RegistryFile.model_json_schema()
    else:
        from vanban import doctypes
        from vanban.doctypes.schema import combined_schema, type_schema

        if doc_type is not None and doctypes.lookup(doc_type) is None:
            raise click.BadParameter(
                (f"type \"{doc_type}\" is not supported; supported types: " if lang == "en"
                 else f"loại \"{doc_type}\" chưa được hỗ trợ; các loại đang hỗ trợ: ")
                + ", ".join(doctypes.supported()), param_hint="--type")
        result = combined_schema() if doc_type is None else type_schema(doc_type)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@main.command(epilog="""\b
Ví dụ:
  vanban check van-ban.docx
  vanban check du-thao/ --pdf           mọi tệp .docx trong thư mục (cả thư mục con)
  vanban check van-ban.docx --json --lang en
""")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--pdf", is_flag=True,
              help="Chuyển sang PDF bằng LibreOffice và đo lề, đường kẻ, số trang.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="Dạng kết quả (như vanban diff); JSON: vị trí đếm từ 0 (đoạn 1 là 0).")
@click.option("--json", "as_json", is_flag=True, help="Như --format json.")
@_lang_option
def check(files: tuple[Path, ...], pdf: bool, fmt: str, as_json: bool, lang: str) -> None:
    """Kiểm tra một hay nhiều tệp DOCX bất kỳ theo thể thức Nghị định 30/2020/NĐ-CP.

    FILES là tệp .docx hoặc thư mục (kiểm tra mọi tệp .docx trong đó). Mỗi phát hiện một dòng: mã quy tắc, mức độ, vị trí, yêu cầu và thực tế, căn cứ (ô số,
    mục của Phụ lục I). Mã thoát: 0 không có lỗi, 1 có lỗi, 2 sai cách dùng lệnh.
    """
    from vanban.check.api import check_files, format_text, has_errors, to_json
    from vanban.errors import VanbanError

    named = [f for f in files if not f.is_dir()]
    for folder in (f for f in files if f.is_dir()):  # every .docx under it, not Word's "~$" locks
        found = sorted(p for p in folder.rglob("*")  # "QD.DOCX" too: Windows names vary
                       if p.suffix.lower() == ".docx" and p.is_file()
                       and not p.name.startswith("~$"))
        if not found:
            click.echo(f"{folder}: không có tệp .docx nào." if lang == "vi" else
                       f"{folder}: no .docx file.", err=True)
            sys.exit(1)
        named += found
    try:
        results = check_files(named, pdf=pdf, lang=lang)
    except VanbanError as exc:
        _fail(exc, lang)
        return
    json_out = as_json or fmt == "json"
    click.echo(to_json(results, lang) if json_out else format_text(results, lang))
    sys.exit(1 if has_errors(results) else 0)


@main.command("fix-encoding", epilog="""\b
Ví dụ:
  vanban fix-encoding plans/cu/ke-hoach.yaml            đoán bảng mã, giữ bản cũ .bak
  vanban fix-encoding ke-hoach.yaml --from tcvn3 -o ke-hoach-moi.yaml
""")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--from", "source", type=click.Choice(
    ["tcvn3", "abc", "vni", "cp1258", "windows-1258", "utf-16", "utf-16-le", "utf-16-be"]),
    default=None, help="Bảng mã cũ của tệp (mặc định: tự đoán).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Ghi ra tệp khác (mặc định: ghi đè, giữ bản cũ thành FILE.bak).")
@_lang_option
def fix_encoding(file: Path, source: str | None, output: Path | None, lang: str) -> None:
    """Chuyển tệp gõ bằng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258, UTF-16) sang Unicode UTF-8."""
    from vanban.errors import Diagnostic, Span, VanbanError, display_path
    from vanban.output import write_atomic
    from vanban.source.encoding import detect
    from vanban.source.encoding import fix_encoding as convert

    raw = file.read_bytes()
    try:
        if source and source.startswith("utf-16") and b"\x00" not in raw:
            raise ValueError("no NUL bytes: not UTF-16")
        guess = detect(raw)
        text = convert(raw, source)
    except ValueError as exc:
        message = (f"Tệp không đọc được theo bảng mã đã chọn (--from {source}); hãy thử bảng mã "
                   "khác hoặc bỏ --from để công cụ tự đoán." if source else
                   "Không nhận ra bảng mã của tệp; hãy chỉ rõ bằng --from.")
        message_en = (f"The file does not read in the encoding chosen (--from {source}): "
                      f"{exc}; try another encoding, or leave out --from to let vanban guess."
                      if source else f"The file's encoding is not recognised ({exc}); name it "
                      "with --from.")
        _fail(VanbanError([Diagnostic("text.encoding-unknown", message, Span(display_path(file)),
                                      message_en=message_en)]), lang)
        return
    data = text.encode("utf-8")
    target = output or file
    try:
        if output is None and data != raw:
            backup = file.with_name(file.name + ".bak")
            if backup.exists():
                raise VanbanError([Diagnostic(
                    "output.backup-exists", f"Đã có tệp sao lưu {backup.name}; hãy đổi tên hoặc "
                    "xóa nó, hoặc dùng -o để ghi ra tệp khác.", Span(display_path(backup)),
                    message_en=f"A backup {backup.name} already exists; rename or delete it, "
                    "or use -o to write to another file.")])
            write_atomic(backup, raw, display_path(backup))
        changed = write_atomic(target, data, display_path(target))
    except VanbanError as exc:
        _fail(exc, lang)
        return
    name = display_path(target)
    label, label_en = guess.describe(source)
    if lang == "vi":
        click.echo(f"{name}: {'đã chuyển' if changed else 'không đổi'} "
                   f"(bảng mã {'đã chọn' if source else 'đoán được'}: {label}).")
    else:
        click.echo(f"{name}: {'converted' if changed else 'unchanged'} "
                   f"({'encoding chosen' if source else 'encoding guessed'}: {label_en}).")


# The commands that live in their own modules register themselves on `main` when imported.
from vanban import cli_build, cli_report, cli_review, cli_serve  # noqa: F401


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
