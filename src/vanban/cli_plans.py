"""The commands on the plans' sources (YAML) that write no document: validate (every problem
located, one a line, and a closing count), schema (the JSON Schema an editor reads) and
fix-encoding (a file typed in an old Vietnamese encoding → UTF-8).

Registered on ``vanban.cli.main`` by the import at the end of cli.py; heavy imports stay inside
the commands so that ``vanban --help`` answers at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vanban.cli import _at_workspace, _fail, _lang_option, _print_diagnostics, main


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
