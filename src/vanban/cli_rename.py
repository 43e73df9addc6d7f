"""The rename-unit command: a unit's new name (or code) written into every draft plan that
names it; issued plans are history and left as they are.

Registered on ``vanban.cli.main`` by the import at the end of cli.py; heavy imports stay inside
the command so that ``vanban --help`` answers at once.
"""

from __future__ import annotations

from pathlib import Path

import click

from vanban.cli import _at_workspace, _fail, _lang_option, _print_diagnostics, main


@main.command("rename-unit", epilog="""\b
Ví dụ:
  vanban rename-unit "Sở Thông tin và Truyền thông" so-khcn
  vanban rename-unit "UBND các huyện, thị xã, thành phố" "UBND các xã, phường" plans/quang-tri
\b
Kế hoạch đã ban hành (có số) không bị sửa: nội dung của nó là lịch sử.
""")
@click.argument("old")
@click.argument("new")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_lang_option
def rename_unit(old: str, new: str, paths: tuple[Path, ...], lang: str) -> None:
    """Đổi tên (hoặc mã) đơn vị ở mọi chỗ kế hoạch dự thảo gọi đơn vị đó: cơ quan ban hành, đơn
    vị chủ trì, phối hợp, nhiệm vụ của đơn vị. In ra các dòng đã đổi.
    """
    with _at_workspace(paths) as (named, _):
        _rename_unit(old, new, named, lang)


def _rename_unit(old: str, new: str, paths: tuple[Path, ...], lang: str) -> None:
    """rename-unit in its workspace (plans/ of the folder the command works in)."""
    from vanban.cli_review import _load_one
    from vanban.errors import Diagnostic, Severity, Span, VanbanError
    from vanban.output import write_all
    from vanban.review.rename import rename
    from vanban.review_inputs import check_draft

    en = lang == "en"
    items, report, notes = [], [], []
    try:
        for root in paths or (Path("plans"),):
            side = _load_one(str(root), "rename.invalid", f"Kế hoạch trong {root} có lỗi nên "
                             "không đổi tên được; sửa các lỗi sau rồi chạy lại:",
                             f"The plans in {root} have errors, so nothing is renamed; fix these "
                             "and run it again:")
            for rel, item in side.plans.items():
                file = root / rel if side.is_tree else root
                done = rename(side.source_text[rel], item.loaded, item.plan, old, new)
                if not done.edits and not done.skipped:
                    continue
                if item.plan.number is not None:
                    notes.append(Diagnostic(
                        "rename.issued", f"Kế hoạch đã ban hành (số {item.plan.number}) gọi "
                        f"\"{old}\"; không sửa văn bản đã ban hành.", Span(item.display),
                        severity=Severity.WARNING,
                        message_en=f"An issued plan (number {item.plan.number}) names "
                        f"\"{old}\"; an issued document is not rewritten."))
                    continue
                notes += [Diagnostic("rename.folded", f"Tên \"{old}\" bị ngắt dòng; hãy sửa tay.",
                                     Span(item.display, n, 1), severity=Severity.WARNING,
                                     message_en=f"The name \"{old}\" is folded over lines; "
                                     "edit it by hand.")
                          for n in done.skipped]
                if done.edits:
                    check_draft(done.text, file, item.display)
                    items.append((file, done.text.encode("utf-8"), item.display))
                    report += [f"  {item.display}:{e.line}: {e.old.strip()} → {e.new.strip()}"
                               for e in done.edits]
        _print_diagnostics(notes, lang)
        write_all(items)
    except VanbanError as exc:
        _fail(exc, lang)
        return
    issued = sum(d.code == "rename.issued" for d in notes)
    kept = ((f"; {issued} issued plan(s) left as they are" if en else
             f"; {issued} kế hoạch đã ban hành giữ nguyên") if issued else "")
    if not items:
        click.echo(f'No draft plan names "{old}"{kept}.' if en else
                   f'Không có kế hoạch dự thảo nào gọi "{old}"{kept}.')
        return
    click.echo(f"Rewrote {len(items)} plan(s){kept}:" if en else
               f"Đã sửa {len(items)} kế hoạch{kept}:")
    for line in report:
        click.echo(line)
