"""Dates: the issue date against the plan's year, and every task's timeline against both."""

from __future__ import annotations

import datetime as dt

from vanban.model.blocks import Task
from vanban.model.checks import timeline
from vanban.model.checks.base import Findings, blocks, plan_year
from vanban.model.plan import Plan

# A plan for a year is issued in that year or in the last quarter of the year before.
LATE_IN_YEAR_BEFORE = 10


def check_issue_date(plan: Plan, out: Findings) -> None:
    """A plan for ``year`` is issued in that year or late in the year before, never after it."""
    if plan.date is None or plan.year is None:
        return
    year, issued = plan.year, plan.date
    shown = issued.strftime("%d/%m/%Y")
    if issued.year > year:
        out.error(
            "plan.date-after-year", ("date",),
            f"Ngày ban hành {shown} nằm sau năm của kế hoạch ({year}): kế hoạch năm {year} "
            "không thể ban hành khi năm đó đã qua.",
            f"The issue date {issued.isoformat()} is after the plan's year ({year}).",
            f"Kiểm tra lại \"date\" hoặc \"year\" (year: {issued.year}?).",
            f'Check "date" or "year" (year: {issued.year}?).')
    elif issued < dt.date(year - 1, LATE_IN_YEAR_BEFORE, 1):
        out.warning(
            "plan.date-before-year", ("date",),
            f"Ngày ban hành {shown} sớm hơn năm của kế hoạch ({year}) quá xa: kế hoạch năm "
            f"{year} ban hành từ tháng {LATE_IN_YEAR_BEFORE} năm {year - 1} trở đi.",
            f"The issue date {issued.isoformat()} is too early for a plan for {year}: such a "
            f"plan is issued from {year - 1}-{LATE_IN_YEAR_BEFORE:02d} on.",
            "Kế hoạch năm thường ban hành cuối năm trước hoặc đầu năm thực hiện.",
            "An annual plan is issued late in the year before or early in its year.")


def check_timelines(plan: Plan, out: Findings) -> None:
    """Read each task's timeline; compare its dates with the plan's year and issue date.

    When the plan's year comes from its issue date and most dated timelines fall in one other
    year, the cause is the date's year (a plan copied from last year, its date not moved; or a
    date typed a year ahead): that is said once, at the date, instead of once per timeline."""
    year = plan_year(plan)
    later: list[tuple[tuple, str, int]] = []
    earlier: list[tuple[tuple, str, int]] = []
    in_year = [0]
    for path, block in blocks(plan):
        if isinstance(block, Task):
            _check_one(block.timeline, path + ("timeline",), year, plan, out, later, earlier,
                       in_year)
    meant = _date_year_meant(plan, later, in_year[0])
    if meant is not None:
        _date_year_mismatch(plan, out, year, meant, len(later), ahead=False)
    else:
        for path, text, _ in later:
            out.warning(
                "task.timeline-after-year", path,
                f"Thời gian \"{text}\" nằm sau năm của kế hoạch ({year}).",
                f'The timeline "{text}" is after the plan\'s year ({year}).',
                "Đúng nếu là hạn báo cáo tổng kết đầu năm sau; nếu không, hãy sửa năm.",
                "Fine for a year-end report due early next year; otherwise fix the year.")
    meant = _date_year_meant(plan, earlier, in_year[0])
    if meant is not None:
        _date_year_mismatch(plan, out, year, meant, len(earlier), ahead=True)
        return
    for path, text, _ in earlier:
        out.error(
            "task.timeline-before-year", path,
            f"Thời gian \"{text}\" nằm trước năm của kế hoạch ({year}); có thể còn sót từ "
            "kế hoạch năm trước.",
            f'The timeline "{text}" ends before the plan\'s year ({year}); probably left '
            "over from last year's plan.",
            f"Sửa thành năm {year} nếu đó là thời hạn của kế hoạch này.",
            f"Change it to {year} if it belongs to this plan.")


def _date_year_meant(plan: Plan, off: list[tuple[tuple, str, int]], in_year: int) -> int | None:
    """The one other year most dated timelines name, when the plan's year comes from its issue
    date (no ``year:``): then the date's year is the likelier mistake; else None."""
    years = {y for _, _, y in off}
    if (plan.year is None and plan.date is not None and len(off) >= 2 and len(off) > in_year
            and len(years) == 1):
        return next(iter(years))
    return None


def _date_year_mismatch(plan: Plan, out: Findings, year: int, meant: int, count: int, *,
                        ahead: bool) -> None:
    """One finding at the date for timelines that all name ``meant``: a warning when they are
    later (a plan issued the year before is possible), an error when they are earlier (no plan
    is issued after its year)."""
    shown = plan.date.strftime("%d/%m/%Y")
    message = (f"Ngày ban hành {shown} cho kế hoạch năm {year}, nhưng {count} thời hạn nhiệm "
               f"vụ ghi năm {meant}: có phải ngày ban hành sai năm?")
    message_en = (f"The issue date {plan.date.isoformat()} makes this a plan for {year}, but "
                  f"{count} task timelines say {meant}: is the date's year wrong?")
    args = (("date",), message, message_en)
    day = 28 if (plan.date.month, plan.date.day) == (2, 29) else plan.date.day
    fixed = plan.date.replace(year=meant, day=day)
    if ahead:
        out.error("plan.date-year-ahead", *args,
                  f"Sửa năm của \"date\" (ví dụ {fixed.isoformat()}).",
                  f'Fix the year of "date" (e.g. {fixed.isoformat()}).')
        return
    out.warning("plan.date-year-mismatch", *args,
                f"Sửa năm của \"date\" (ví dụ {fixed.isoformat()}), hoặc "
                f"ghi \"year: {meant}\" nếu kế hoạch năm {meant} ban hành từ năm {year}.",
                f'Fix the year of "date", or write "year: {meant}" for a plan issued the year '
                "before.")


def _check_one(text: str, path: tuple, year: int | None, plan: Plan, out: Findings,
               later: list, earlier: list, in_year: list[int]) -> None:
    found = timeline.read(text, year)
    for vi, en in found.impossible:
        out.error("task.timeline-invalid-date", path, vi, en,
                  "Sửa lại ngày, tháng hoặc quý cho đúng lịch.",
                  "Fix the day, month or quarter.")
    if found.unreadable:
        line = out.line(path)
        if any(w.code == "yaml.hash-in-text" and w.span.line == line
               for w in out.loaded.warnings):
            return  # YAML dropped the words after "#": said at the "#", the cause
        y = year or dt.date.today().year
        out.warning(
            "task.timeline-unparsed", path,
            f"Không đọc được thời gian thực hiện \"{text}\" (từ \"{found.unreadable}\"); vẫn in "
            "đúng như viết nhưng không kiểm tra được thời hạn.",
            f'Cannot read the timeline "{text}" (at "{found.unreadable}"); it is printed as '
            "written but its dates are not checked.",
            f"Viết theo dạng: \"năm {y}\", \"Quý II năm {y}\", \"Tháng 6, tháng 11 năm {y}\", "
            f"\"trước ngày 30/10/{y}\" hoặc \"Thường xuyên\".",
            f'Write e.g. "năm {y}", "Quý II năm {y}", "Tháng 6, tháng 11 năm {y}", '
            f'"trước ngày 30/10/{y}" or "Thường xuyên".')
        return
    if year is None:
        return
    for period in found.periods:
        if period.end.year < year:
            earlier.append((path, text, period.end.year))
            return
        if period.start.year > year:
            later.append((path, text, period.start.year))
            return
        if plan.date is not None and period.end < plan.date:
            out.warning(
                "task.timeline-before-issue", path,
                f"Thời hạn \"{text}\" đã qua trước ngày ban hành kế hoạch "
                f"({plan.date.strftime('%d/%m/%Y')}).",
                f'The deadline "{text}" is before the issue date ({plan.date.isoformat()}).',
                "Kiểm tra lại thời hạn hoặc ngày ban hành.",
                "Check the deadline or the issue date.")
            return
    if found.periods:
        in_year[0] += 1
