"""``vanban report``: the year-end report on a plan (Báo cáo kết quả thực hiện Kế hoạch).

Thin commands: parse options, call :mod:`vanban.report`, map errors to exit codes. Heavy
imports stay inside the commands so that ``vanban --help`` answers at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vanban.cli import LANG_HELP, _fail, _lang_option, main


@main.group("report", cls=type(main), epilog="""\b
Ví dụ:
  vanban report init plans/quang-binh/2024/ke-hoach-hoa-giai.yaml
  vanban report validate plans/quang-binh/2024/bao-cao-hoa-giai.yaml
""")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              expose_value=False, help=LANG_HELP)
def report() -> None:
    """Báo cáo kết quả thực hiện Kế hoạch: số liệu tính từ kế hoạch và bảng số liệu."""


@report.command(epilog="""\b
Ví dụ:
  vanban report init plans/quang-binh/2024/ke-hoach-hoa-giai.yaml
      → plans/quang-binh/2024/bao-cao-hoa-giai.yaml
  vanban report init plans/quang-binh/2025/ke-hoach-hoa-giai.yaml -o bao-cao-2025.yaml
""")
@click.argument("plan", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tệp báo cáo sẽ tạo (mặc định: cạnh kế hoạch, ke-hoach-… → bao-cao-…).")
@_lang_option
def init(plan: Path, output: Path | None, lang: str) -> None:
    """Tạo khung báo cáo từ kế hoạch PLAN: mọi nhiệm vụ, mọi chỉ tiêu, chờ điền kết quả.

    Không ghi đè tệp đã có. Kế hoạch hòa giải ở cơ sở: khung có sẵn bảng số liệu hòa giải
    (data:) và tỷ lệ hòa giải thành. Kế hoạch khác: khung lấy các cột (columns:) và tỷ lệ
    (rates:) của báo cáo năm trước cùng tên (../<năm trước>/<tên tệp>) nếu có; nếu không thì
    được cảnh báo, data: với các cột khai báo chỉ là ví dụ trong dòng chú thích. Không có bảng số
    liệu thì kết quả chỉ tiêu ghi bằng value:.
    """
    from vanban.errors import Diagnostic, Span, VanbanError, display_path
    from vanban.output import write_atomic
    from vanban.report.issued import named_plan
    from vanban.report.load import Reads
    from vanban.report.seam import registry_for
    from vanban.report.skeleton import default_name, mediation_warning, skeleton, to_fill

    try:
        if not plan.is_file():
            raise VanbanError([Diagnostic(
                "args.not-found", "Không có tệp kế hoạch này.", Span(str(plan)),
                message_en="No such plan file.")])
        # PLAN may be the Quyết định that issues the plan: the report is on the plan it attaches.
        # Through one Reads: the plan named directly is read once, not again for its facts.
        facts = named_plan(plan, registry_for(plan), Reads().load).facts
        target = output or default_name(facts.path)
        if target.exists():
            raise VanbanError([Diagnostic(
                "output.exists", "Tệp báo cáo đã có; lệnh init không ghi đè. Dùng -o để ghi ra "
                "tệp khác.", Span(display_path(target)),
                message_en="The report file exists; init does not overwrite it. Use -o to "
                "write another file.")])
        ref = _relative(plan, target)
        last = _last_years(target, facts.year)
        text = skeleton(facts, ref, target.name, last)
        shown = display_path(target)
        write_atomic(target, text.encode("utf-8"), shown)
        fill = to_fill(text, shown, facts)
        warning = mediation_warning(facts) if last is None else None
    except VanbanError as exc:
        _fail(exc, lang)
        return
    folder = display_path(target.parent)
    if warning is not None:
        click.echo(warning.text(lang), err=True)
    if lang == "en":
        click.echo(f"Wrote {shown}")
        click.echo(f"Until these are filled, vanban build of {folder} stops with errors (a "
                   "build writes all or nothing). To fill:")
    else:
        click.echo(f"Đã ghi {shown}")
        click.echo(f"Đến khi điền xong các mục sau, vanban build thư mục {folder} dừng với lỗi "
                   "(lệnh build dựng tất cả hoặc không dựng gì). Cần điền:")
    for line in fill:
        click.echo(f"  {line}")
    click.echo(("Check it with: " if lang == "en" else "Kiểm tra bằng: ")
               + f"vanban report validate {shown}")


def _last_years(target: Path, year: int | None):
    """The declared columns and rates of last year's report of the same name (the one a build
    compares with: ../<year - 1>/<name>), or None."""
    from vanban.report.load import last_years
    from vanban.report.skeleton import carried

    ref = last_years(target, year) if year else None
    if ref is None:
        return None
    try:
        return carried((target.parent / ref).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeError):
        return None


def _relative(plan: Path, report: Path) -> str:
    import os

    return Path(os.path.relpath(plan.resolve(), report.resolve().parent)).as_posix()


@report.command(epilog="""\b
Ví dụ:
  vanban report validate plans/quang-binh/2024/bao-cao-hoa-giai.yaml
  vanban report validate plans/quang-binh/2025/bao-cao-hoa-giai.yaml --lang en
""")
@click.argument("reports", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@_lang_option
def validate(reports: tuple[Path, ...], lang: str) -> None:
    """Kiểm tra báo cáo, kế hoạch và bảng số liệu; in các con số tính được. Không ghi tệp nào.

    Mỗi lỗi một dòng tệp:dòng:cột (trang tính và ô với tệp .xlsx). Mã thoát: 0 hợp lệ, 1 có lỗi.
    """
    from vanban.errors import Diagnostic, Span, VanbanError
    from vanban.report.summary import summary

    problems: list = []
    texts, warnings = [], []
    for path in reports:
        if not path.is_file():
            problems.append(Diagnostic("args.not-found", "Không có tệp báo cáo này.",
                                       Span(str(path)), message_en="No such report file."))
            continue
        try:
            text, found = summary(path, lang)
            texts.append(text)
            warnings.extend(found)
        except VanbanError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        _fail(VanbanError(list(dict.fromkeys(problems))), lang)
        return
    for warning in dict.fromkeys(warnings):
        click.echo(warning.text(lang), err=True)
    for text in texts:
        click.echo(text, nl=False)
    sys.exit(0)
