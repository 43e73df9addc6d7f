"""The commands that read any DOCX: text (its readable projection, also git's textconv) and
check (conformance with Nghị định 30/2020/NĐ-CP).

Registered on ``vanban.cli.main`` by the import at the end of cli.py; heavy imports stay inside
the commands so that ``vanban --help`` and ``vanban text`` answer at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vanban.cli import _fail, _lang_option, main


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
