"""new-year over folders: every document of the year before, in every unit's folder, moved to
its next year folder in one run (a province's ~130 communes' plans, not 130 commands).

Every draft is made and checked before anything is written; one problem anywhere and nothing
is written. A new file that exists already is kept and named (the run can be repeated after a
commune is added). A Báo cáo kết quả is not carried over: it reports on its own year's plan and
is begun by ``vanban report init`` on the new plan."""

from __future__ import annotations

from pathlib import Path

import click

from vanban.cli import _fail, _print_diagnostics


def _plan_files(paths: tuple[Path, ...]) -> list[Path]:
    """The plan files named or under the folders named, sorted, each once."""
    from vanban.jobs import plan_files

    seen: set[Path] = set()
    return [f for f in plan_files(paths) if not (f.resolve() in seen or seen.add(f.resolve()))]


NAMED = 10
"""Up to this many documents not drafted are named in the stop line; more are counted."""


def _stop(problems: list, en: bool, lang: str) -> None:
    """Each problem once (a plan's error is every document's that issues or sends it: the
    decision, the Công văn), then which documents could not be drafted, then the count."""
    undrafted = [d.span.file for d in problems if d.code == "new-year.invalid"]
    distinct = list(dict.fromkeys(d for d in problems if d.code != "new-year.invalid"))
    _print_diagnostics(distinct, lang)
    if undrafted:
        names = ", ".join(undrafted[:NAMED])
        more = len(undrafted) - NAMED
        if more > 0:
            names += f" and {more} more" if en else f" và {more} văn bản khác"
        click.echo(f"Not drafted because of these errors ({len(undrafted)}): {names}." if en else
                   f"Chưa tạo được dự thảo vì các lỗi trên ({len(undrafted)} văn bản): {names}.",
                   err=True)
    click.echo(f"Stopped: {len(distinct)} problem(s); nothing written." if en else
               f"Dừng: {len(distinct)} lỗi; không ghi tệp nào.", err=True)
    raise SystemExit(1)


def new_year_many(paths: tuple[Path, ...], year: int, lang: str) -> None:
    """Draft the next year of every document of ``year - 1`` under ``paths``; write all or
    none; print each new file with what is left to decide, then one count line."""
    from vanban.cli_review import _draft_next_year
    from vanban.errors import VanbanError
    from vanban.output import write_all

    en = lang == "en"
    drafts, existing, reports, problems = [], [], [], []
    other_years = 0
    try:
        files = _plan_files(paths)
    except VanbanError as exc:
        _fail(exc, lang)
        return
    for plan in files:
        try:
            made = _draft_next_year(plan, year, None, bulk=True)
        except VanbanError as exc:
            problems += exc.diagnostics
            continue
        if made is not None and made[0] == "exists":
            existing.append(made[1])
        elif made is not None and made[0] == "report":
            reports.append(made[1])
        elif made is not None:
            drafts.append(made)
        else:
            other_years += 1
    if problems:
        _stop(problems, en, lang)
    try:
        write_all([(target, draft.text.encode("utf-8"), shown)
                   for target, shown, draft, _ in drafts])
    except VanbanError as exc:
        _fail(exc, lang)
        return
    made = {target.resolve() for target, *_ in drafts}
    for target, _, draft, _ in drafts:  # a decision whose plan is drafted now, or was before
        draft.decisions = [d for d in draft.decisions if d.needs is None or not (
            (target.parent / d.needs).resolve() in made or (target.parent / d.needs).exists())]
    decisions = 0
    for _, shown, draft, outside in drafts:
        click.echo(f"{'Wrote' if en else 'Đã ghi'} {shown} "
                   f"({len(draft.edits)} {'line(s) changed' if en else 'dòng đã đổi'})")
        for d in draft.decisions:
            click.echo(f"  {d.span}: {d.message_en if en else d.message}")
        decisions += len(draft.decisions)
    for shown in existing:
        click.echo(f"{'Kept (exists)' if en else 'Đã có, giữ nguyên'} {shown}")
    for shown in reports:
        click.echo(f"Not carried over (a report; begin next year's with vanban report init on "
                   f"the new plan): {shown}" if en else f"Không chuyển (báo cáo kết quả; báo "
                   f"cáo năm mới tạo bằng vanban report init từ kế hoạch mới): {shown}")
    if en:
        click.echo(f"Done: {len(drafts)} draft(s) for {year}, {decisions} thing(s) still to "
                   f"decide; {len(existing)} existing file(s) kept"
                   + (f"; {len(reports)} report(s) not carried over" if reports else "")
                   + (f"; {other_years} document(s) of other years left." if other_years
                      else "."), err=True)
    else:
        click.echo(f"Xong: {len(drafts)} dự thảo năm {year}, {decisions} việc còn phải quyết "
                   f"định; {len(existing)} tệp đã có được giữ nguyên"
                   + (f"; {len(reports)} báo cáo không chuyển" if reports else "")
                   + (f"; {other_years} văn bản của năm khác không chuyển." if other_years
                      else "."), err=True)
