"""Review commands: diff, compare (bảng so sánh and tracked changes), new-year, rename-unit.

Registered on ``vanban.cli.main`` by the import at the end of cli.py; heavy imports stay inside
the commands so that ``vanban --help`` answers at once.
"""

from __future__ import annotations

import sys

import click

from vanban.cli import _lang_option, _print_diagnostics, main


def _error_exit(exc, lang: str, status: int) -> None:
    _print_diagnostics(exc.diagnostics, lang)
    sys.exit(status)


def _sides(old: str, new: str):
    """Load both sides; every problem of both in one report."""
    from vanban.errors import VanbanError
    from vanban.review.inputs import load_side

    sides, problems = [], []
    for spec, name in ((old, "old"), (new, "new")):
        try:
            sides.append(load_side(spec, name))
        except VanbanError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise VanbanError(problems)
    return sides


@main.command(epilog="""\b
Ví dụ:
  vanban diff plans/quang-binh/2024/ke-hoach-hoa-giai.yaml plans/quang-binh/2025/ke-hoach-hoa-giai.yaml
  vanban diff HEAD~1:plans/quang-binh/2025/ke-hoach-hoa-giai.yaml plans/quang-binh/2025/ke-hoach-hoa-giai.yaml
  vanban diff HEAD~3:plans plans --format markdown > thay-doi.md
  vanban diff du-thao-1.yaml du-thao-2.yaml --format json
""")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]),
              default="text", show_default=True, help="Dạng kết quả.")
@_lang_option
def diff(old: str, new: str, fmt: str, lang: str) -> None:
    """So sánh hai phiên bản kế hoạch theo nội dung: nhiệm vụ thêm, bỏ, chuyển chỗ, đánh số lại;
    đơn vị chủ trì, phối hợp, thời gian, sản phẩm; câu chữ (đánh dấu từng từ); số, ngày, người
    ký, Nơi nhận.

    OLD và NEW là tệp kế hoạch, thư mục kế hoạch, hoặc PHIÊN-BẢN:đường-dẫn trong git
    (HEAD~1:plans/…). Mã thoát: 0 không khác, 1 có khác, 2 lỗi.
    """
    from vanban.errors import VanbanError
    from vanban.review.report import as_json, render_text
    from vanban.review.sides import compare_sides

    try:
        result = compare_sides(*_sides(old, new))
    except VanbanError as exc:
        _error_exit(exc, lang, 2)
        return
    if fmt == "json":
        click.echo(as_json(result, lang), nl=False)
    else:
        click.echo(render_text(result, lang, "md" if fmt == "markdown" else "text"), nl=False)
    sys.exit(0 if result.empty else 1)
