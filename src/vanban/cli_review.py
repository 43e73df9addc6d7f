"""Review commands: diff, compare (bảng so sánh and tracked changes), new-year.

Registered on ``vanban.cli.main`` by the import at the end of cli.py; heavy imports stay inside
the commands so that ``vanban --help`` answers at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from vanban.cli import (
    _english,
    _fail,
    _lang_option,
    _print_diagnostics,
    main,
)


def _sides(old: str, new: str):
    """Load both sides; every problem of both in one report."""
    from vanban.errors import VanbanError
    from vanban.review_inputs import load_side

    sides, problems = [], []
    for spec, name in ((old, "old"), (new, "new")):
        try:
            sides.append(load_side(spec, name, reuse=sides[0] if sides else None))
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
        _print_diagnostics(exc.diagnostics, lang)
        sys.exit(2)  # (1 says that the two sides differ)
    if fmt == "json":
        click.echo(as_json(result, lang), nl=False)
    else:
        click.echo(render_text(result, lang, "md" if fmt == "markdown" else "text"), nl=False)
    sys.exit(0 if result.empty else 1)


def _load_one(spec: str, code: str, message: str, message_en: str):
    """The plans of ``spec`` (one side, as diff loads it) for a command that rewrites them:
    their problems under a first line that says what the command cannot do (``code``,
    ``message``), not that the "old side" cannot be compared."""
    from vanban.errors import Diagnostic, Span, VanbanError
    from vanban.review_inputs import load_side

    try:
        return load_side(spec, "old")
    except VanbanError as exc:
        rest = [d for d in exc.diagnostics if d.code != "diff.old-invalid"]
        if len(rest) == len(exc.diagnostics):  # not a plan with errors (a missing file …)
            raise
        raise VanbanError([Diagnostic(code, message, Span(spec), message_en=message_en),
                           *rest]) from None


def _check_docx(ctx, _param, value: Path | None) -> Path | None:
    """-o of compare names a DOCX (a usage error otherwise, exit 2): "bang-so-sanh.pdf" was
    written as a DOCX under that name, which no PDF reader opens."""
    if value is not None and value.suffix.lower() != ".docx":
        raise click.BadParameter(
            f"{str(value)!r}: the output is a Word file, its name must end in .docx (for a "
            f"PDF, open the .docx in Word or LibreOffice and save it as PDF)" if _english(ctx)
            else f"{str(value)!r}: tệp kết quả là tệp Word, tên phải có đuôi .docx (muốn PDF: "
            f"mở tệp .docx bằng Word hoặc LibreOffice rồi lưu thành PDF)")
    return value


def _check_date(ctx, _param, value: str | None) -> str | None:
    """--date must read as a date (a usage error otherwise, exit 2)."""
    import datetime as dt

    if value is not None:
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(
                f"{value!r}: write it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM)" if _english(ctx)
                else f"{value!r}: viết dạng YYYY-MM-DD (hoặc YYYY-MM-DDTHH:MM)") from None
    return value


def _one_pair(old: str, new: str):
    """The diff of two plan files (compare works on one plan, not on folders)."""
    from vanban.errors import Diagnostic, Span, VanbanError
    from vanban.review.sides import compare_sides

    sides = _sides(old, new)
    if any(side.is_tree for side in sides):
        raise VanbanError([Diagnostic(
            "compare.not-file", "Lệnh compare so sánh hai tệp kế hoạch, không so sánh thư mục; "
            "muốn xem thay đổi của cả thư mục, dùng vanban diff.", Span(f"{old} {new}"),
            message_en="compare compares two plan files, not folders; to see the changes of "
            "a whole folder, use vanban diff.")])
    return compare_sides(*sides).plans[0][2]


@main.command(epilog="""\b
Ví dụ:
  vanban compare du-thao-1.yaml du-thao-2.yaml -o bang-so-sanh.docx
  vanban compare HEAD~1:plans/quang-binh/2025/ke-hoach-hoa-giai.yaml \\
      plans/quang-binh/2025/ke-hoach-hoa-giai.yaml -o bang-so-sanh.docx --reasons ly-do.yaml
  vanban compare du-thao-1.yaml du-thao-2.yaml -o bang.docx \\
      --old-header "Dự thảo lần 1" --new-header "Dự thảo lần 2"
\b
Tệp lý do (--reasons) ghi mỗi mục một dòng, theo mã nhiệm vụ/chỉ tiêu hoặc vị trí mà
vanban diff in trong [...]:
  tap-huan: Theo góp ý của Sở Tài chính
  noi-nhan: Bổ sung theo đề nghị của Văn phòng UBND tỉnh
\b
Không ghi --reasons: lấy tệp lý do đặt cạnh kế hoạch mới, tên <tên kế hoạch>.ly-do.yaml
(ke-hoach-hoa-giai.yaml → ke-hoach-hoa-giai.ly-do.yaml), nếu có; bản xem trước (vanban serve)
cũng dùng tệp này. Tệp .ly-do.yaml không phải kế hoạch: vanban build bỏ qua nó.
""")
@click.argument("old")
@click.argument("new")
@click.option("-o", "--output", type=click.Path(path_type=Path,
                                                   dir_okay=False), required=True,
              callback=_check_docx, help="Tệp DOCX kết quả.")
@click.option("--reasons", type=click.Path(path_type=Path,
                                           dir_okay=False, exists=True),
              default=None, help="Tệp YAML lý do, giải trình theo mã của từng mục (mặc định: "
                                 "<tên kế hoạch mới>.ly-do.yaml cạnh kế hoạch mới, nếu có).")
@click.option("--old-header", default="Nội dung cũ", show_default=True,
              help="Tên cột nội dung cũ.")
@click.option("--new-header", default="Nội dung mới", show_default=True,
              help="Tên cột nội dung mới.")
@click.option("--reason-header", default="Lý do, giải trình", show_default=True,
              help="Tên cột lý do.")
@click.option("--tracked", is_flag=True,
              help="Ghi văn bản mới kèm theo dõi thay đổi của Word (Track Changes) thay cho "
                   "bảng so sánh.")
@click.option("--author", default=None,
              help="Tên người sửa trong theo dõi thay đổi (mặc định: git config user.name).")
@click.option("--date", "when", default=None, metavar="YYYY-MM-DD", callback=_check_date,
              help="Ngày giờ của các thay đổi (mặc định: ngày của commit HEAD, hoặc ngày của "
                   "văn bản mới).")
@_lang_option
def compare(old: str, new: str, output, reasons, old_header: str, new_header: str,
            reason_header: str, tracked: bool, author: str | None, when: str | None,
            lang: str) -> None:
    """Lập bảng so sánh (DOCX, trang ngang, đúng thể thức): STT | Nội dung cũ | Nội dung mới |
    Lý do, giải trình; chữ bị bỏ gạch ngang, chữ thêm in đậm gạch chân.

    Với --tracked: ghi văn bản MỚI kèm theo dõi thay đổi (mở bằng Word, Review → Accept/Reject),
    đánh dấu đúng những chỗ đã sửa; số thứ tự đánh lại không bị đánh dấu.
    """
    from vanban.errors import VanbanError, display_path
    from vanban.output import write_atomic
    from vanban.review.documents import compare_document, headers, reasons_beside
    from vanban.review_inputs import (
        git_author,
        issued_plan_reasons,
        render_document,
        revision_date,
        unchanged_since,
    )

    beside = None  # the reasons file found by the convention (<NEW>.ly-do.yaml)
    if reasons is None and not tracked and Path(new).is_file():
        reasons = beside = reasons_beside(Path(new))
    try:
        diff = _one_pair(old, new)
        stamp = revision_date(when, diff.new.document.date_iso)
        who = (author or git_author()) if tracked else ""
        carried, carried_warnings = {}, []
        if reasons is None and not tracked:  # a decision: its plan's reasons, if it has some
            beside, carried, carried_warnings = issued_plan_reasons(old, new, diff)
        data, count, warnings = compare_document(
            diff, render_document, tracked=tracked, author=who, date=stamp, reasons=reasons,
            columns=headers(old_header, new_header, reason_header), display=new,
            carried=carried)
        warnings = [*carried_warnings, *warnings]
        checked = reasons if reasons is not None else beside  # a decision's: its plan's
        if checked is not None and unchanged_since(old, Path(checked)):
            warnings = [*warnings, _stale_reasons(Path(checked), old)]
        _print_diagnostics(warnings, lang)
        if count == 0 and not tracked:  # a bảng so sánh with no row is nothing to send
            click.echo("No change between the two versions: no comparison table written."
                       if lang == "en" else "Hai phiên bản không khác nhau: không lập bảng so "
                       "sánh, không ghi tệp nào.")
            return
        changed = write_atomic(output, data, display_path(output))
    except VanbanError as exc:
        _fail(exc, lang)
        return
    shown = display_path(output)
    if beside is not None:
        click.echo(("Reasons from " if lang == "en" else "Lý do, giải trình lấy từ ")
                   + display_path(beside))
    what = ("chỗ sửa", "revision(s)") if tracked else ("thay đổi", "change(s)")
    if lang == "en":
        click.echo(f"{'Wrote' if changed else 'Unchanged'} {shown} ({count} {what[1]}).")
    else:
        click.echo(f"{'Đã ghi' if changed else 'Không đổi'} {shown} ({count} {what[0]}).")


def _stale_reasons(reasons: Path, old: str):
    """The warning for a reasons file that has not changed since the old version: its reasons
    were written for an earlier round of changes, and a key may match a new change."""
    from vanban.errors import Diagnostic, Severity, Span, display_path

    rev = old.split(":", 1)[0]
    return Diagnostic(
        "reasons.unchanged", f"Tệp lý do không đổi so với phiên bản cũ ({rev}): các lý do trong "
        "đó viết cho lần sửa trước, có thể gắn nhầm vào thay đổi mới cùng mã; xem lại tệp lý do "
        "trước khi gửi bảng so sánh.", Span(display_path(reasons)), severity=Severity.WARNING,
        message_en=f"The reasons file is the same as in the old version ({rev}): its reasons "
        "were written for an earlier round and may attach to a new change with the same key; "
        "review it before sending the table.")


def _next_path(source: Path, old: int, new: int) -> Path | None:
    """plans/quang-binh/2025/x.yaml → plans/quang-binh/2026/x.yaml (None: no year folder); the
    year folder may be above the working folder (``cd plans/…/2025``: x.yaml → ../2026/x.yaml)."""
    parts = list(source.absolute().parts)
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == str(old):
            parts[i] = str(new)
            return Path(os.path.relpath(Path(*parts)))
    return None


@main.command("new-year", epilog="""\b
Ví dụ:
  vanban new-year plans/quang-binh/2025/ke-hoach-hoa-giai.yaml --year 2026
  vanban new-year plans/quang-binh/2025/ke-hoach-hoa-giai.yaml --year 2026 -o du-thao-2026.yaml
  vanban new-year plans --year 2026      mọi văn bản năm 2025 trong plans/ (mọi xã, phường)
""")
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--year", type=click.IntRange(1945, 2100), required=True,
              help="Năm của kế hoạch mới.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tệp kế hoạch mới (mặc định: đổi thư mục năm, ví dụ …/2025/… → …/2026/…).")
@_lang_option
def new_year(plans: tuple[Path, ...], year: int, output: Path | None, lang: str) -> None:
    """Tạo dự thảo kế hoạch năm sau từ kế hoạch năm nay: xóa số, dời ngày và năm kế hoạch,
    dời "năm …" trong trích yếu và thời gian thực hiện; giữ mã nhiệm vụ, chỉ tiêu. In ra những
    dòng đã đổi và những việc còn phải quyết định.

    PLANS là một tệp, hoặc nhiều tệp, thư mục: khi đó mọi văn bản của năm trước (--year trừ 1)
    trong đó được dời sang năm mới, mỗi văn bản sang thư mục năm mới của nó; tất cả được kiểm
    tra trước, có lỗi thì không ghi tệp nào; tệp năm mới đã có thì được giữ nguyên (bỏ qua).
    """
    from vanban.errors import VanbanError

    if len(plans) == 1 and not plans[0].is_dir():
        try:
            target, shown, draft, outside = _draft_next_year(plans[0], year, output)
            from vanban.output import write_atomic

            write_atomic(target, draft.text.encode("utf-8"), shown)
        except VanbanError as exc:
            _fail(exc, lang)
            return
        _print_draft(shown, draft, outside, lang)
        return
    if output is not None:
        raise click.UsageError("-o chỉ dùng khi tạo dự thảo từ một tệp kế hoạch." if lang == "vi"
                               else "-o names the new file of one plan only.")
    from vanban.cli_newyear import new_year_many

    new_year_many(plans, year, lang)


def _draft_next_year(plan: Path, year: int, output: Path | None, *, bulk: bool = False):
    """The next year's draft of one plan, checked, not yet written: (target, shown, draft,
    outside). With ``bulk`` (new-year over folders): None for a document not of the year
    before; ("exists", new file) when that file exists already; ("report", file) for a Báo cáo
    kết quả (next year's report is made from next year's plan, by report init).
    Raises VanbanError."""
    from vanban.errors import Diagnostic, Span, VanbanError, display_path
    from vanban.review.newyear import next_year
    from vanban.review_inputs import check_draft

    side = _load_one(str(plan), "new-year.invalid", f"Văn bản ({plan}) có lỗi nên chưa tạo "
                     "được dự thảo năm mới; sửa các lỗi sau rồi chạy lại:",
                     f"The document ({plan}) has errors, so no draft for the new year is made; "
                     "fix these and run it again:")
    (item,) = side.plans.values()
    old_year = item.plan.year or (item.plan.date.year if item.plan.date else year - 1)
    if bulk and old_year != year - 1:
        return None
    if bulk and item.loaded.data.get("type") == "bao-cao-ket-qua":
        return ("report", item.display)
    target = output or _next_path(plan, old_year, year)
    if target is None:
        raise VanbanError([Diagnostic(
            "new-year.no-target", f"Đường dẫn không có thư mục năm {old_year}; hãy chỉ rõ "
            "tệp mới bằng -o.", Span(str(plan)),
            message_en=f"The path has no {old_year} folder; name the new file with -o.")])
    shown = display_path(target)
    if target.exists():
        if bulk:
            return ("exists", shown)
        raise VanbanError([Diagnostic(
            "new-year.exists", "Đã có tệp này; không ghi đè. Xóa hoặc đổi tên nó, hoặc dùng "
            "-o để ghi ra tệp khác.", Span(shown),
            message_en="The file exists and is not overwritten: delete or rename it, or use "
            "-o to write another file.")])
    draft = next_year(side.source_text[item.rel], item.loaded, item.plan, item.document,
                      year, shown, item.registry)
    outside = check_draft(draft.text, target, shown, origin=plan)
    return target, shown, draft, outside


def _print_draft(shown: str, draft, outside: bool, lang: str) -> None:
    """What new-year did to one plan: the file, the lines changed, what is left to decide."""
    from vanban.errors import Diagnostic, Severity, Span

    en = lang == "en"
    click.echo(f"{'Wrote' if en else 'Đã ghi'} {shown}")
    click.echo("Changed:" if en else "Đã đổi:")
    for e in draft.edits:
        click.echo(f"  {shown}:{e.line}: {e.old.strip()} → {e.new.strip()}")
    click.echo("Still to decide:" if en else "Còn phải quyết định:")
    for d in draft.decisions:
        click.echo(f"  {d.span}: {d.message_en if en else d.message}")
    if outside:
        _print_diagnostics([Diagnostic(
            "new-year.outside-workspace", "Tệp mới không nằm trong thư mục có danh mục _shared/ "
            "(đơn vị, người ký): đã kiểm tra bằng danh mục của kế hoạch gốc. Chép tệp vào "
            "thư mục plans/ của dự án trước khi dựng.", Span(shown), severity=Severity.WARNING,
            message_en="The new file is outside any folder with a _shared/ registry (units, "
            "signers): it was checked with the original plan's registry. Copy it under the "
            "project's plans/ before building it.")], lang)
