"""What a report source must agree with: its plan (every task reported, no task the plan does
not have, every target measured) and its period (evidence dated inside it)."""

from __future__ import annotations

import datetime as dt
import difflib

from vanban.errors import Diagnostic, Severity
from vanban.report.columns import ColumnSet
from vanban.report.model import STATUSES, MeasureFields, Rate, Report
from vanban.report.seam import Loaded, PlanFacts, dotted, summary_lines


def period(report: Report, facts: PlanFacts) -> tuple[dt.date, dt.date]:
    """The reporting period: the source's own, else 15 December of the previous year to
    14 December (the annual cut-off of the reporting regime)."""
    if report.period is not None:
        return report.period.start, report.period.end
    year = report.year or facts.year or (report.date.year if report.date else 0)
    return dt.date(year - 1, 12, 15), dt.date(year, 12, 14)


def _did_you_mean(value: str, choices: list[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if close:
        return f'Có phải "{close[0]}"?', f'Did you mean "{close[0]}"?'
    return "", ""


MEDIATION_WORDS = ("hòa giải", "hoà giải")
"""A plan whose title says one of these, or most of whose tasks and targets do, is about
grassroots mediation."""


def about_mediation(facts: PlanFacts) -> bool:
    """Whether the plan is about grassroots mediation (hòa giải ở cơ sở), the subject of the
    data table a report has when it declares no columns of its own: its title says so, or most
    of its tasks and targets do. One task naming "Luật Hòa giải ở cơ sở" among the laws a
    Kế hoạch phổ biến, giáo dục pháp luật disseminates does not make it a mediation plan."""
    if _says_mediation(facts.plan.title or ""):
        return True
    items = [t.text for t in facts.tasks] + [t.text for t in facts.targets]
    return 2 * sum(map(_says_mediation, items)) > len(items) > 0


def _says_mediation(text: str) -> bool:
    folded = " ".join(text.split()).casefold()
    return any(word in folded for word in MEDIATION_WORDS)


def check(report: Report, loaded: Loaded, facts: PlanFacts, has_data: bool,
          columns: ColumnSet) -> list[Diagnostic]:
    """Every disagreement between the report, its plan, its period and its data's
    ``columns``, located."""
    out: list[Diagnostic] = []
    if has_data and columns.mediation and not about_mediation(facts):
        out.append(Diagnostic(
            "report.data-not-mediation", "Kế hoạch không về hòa giải ở cơ sở nhưng bảng số "
            "liệu của báo cáo không khai báo cột (data: columns:) nên là bảng hòa giải: phần số "
            "liệu và phụ lục sẽ nói về tổ hòa giải, hòa giải viên, vụ việc.",
            loaded.span(("data",), key=True), "data", Severity.WARNING,
            message_en="The plan is not about grassroots mediation but the report's data table "
            "declares no columns (data: columns:), so it is the mediation table: the figures "
            "and the appendix are about mediation.",
            hint="Khai báo các cột của bảng số liệu trong data: columns:, hoặc bỏ data: và "
            "rates: và ghi kết quả chỉ tiêu bằng value: <số>.",
            hint_en="Declare the table's columns in data: columns:, or drop data: and rates: "
            "and give each target's result as value: <number>."))
    task_ids = [t.id for t in facts.tasks]
    for tid, task in report.tasks.items():
        path = ("tasks", tid)
        if tid not in task_ids:
            out.append(_unknown("task", ("nhiệm vụ", "task"), tid, task_ids, path, loaded, facts))
            continue
        if task.status is None:
            out.append(_no_status(loaded.span(path + ("status",)) if "status" in
                                  (loaded.data["tasks"][tid] or {}) else loaded.span(path),
                                  dotted(path + ("status",)), tid))
        elif task.status in STATUSES[2:] and task.reason is None:
            out.append(Diagnostic(
                "report.reason-missing", f'Nhiệm vụ "{tid}" {task.status}: cần ghi lý do (reason).',
                loaded.span(path + ("status",)), dotted(path + ("status",)),
                message_en=f'Task "{tid}" is "{task.status}": give the reason.'))
    missing = [t for t in facts.tasks if t.id not in report.tasks]
    for task in missing:
        where = ("tasks",) if "tasks" in loaded.data else ()
        out.append(_no_status(loaded.span(where, key=True) if where else loaded.span(("plan",)),
                              dotted(("tasks", task.id)), task.id))
    start, end = period(report, facts)
    shown = f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
    for tid, task in report.tasks.items():
        for i, item in enumerate(task.evidence):
            if not start <= item.date <= end:
                path = ("tasks", tid, "evidence", i, "date")
                out.append(Diagnostic(
                    "report.evidence-outside", f"Ngày {item.date:%d/%m/%Y} nằm ngoài kỳ báo cáo "
                    f"({shown}).", loaded.span(path), dotted(path),
                    message_en=f"{item.date.isoformat()} is outside the reporting period.",
                    hint="Sửa ngày, hoặc ghi period: nếu kỳ báo cáo khác mặc định.",
                    hint_en="Fix the date, or set period: if the period is not the default."))
    target_ids = [t.id for t in facts.targets]
    for tid, result in report.targets.items():
        path = ("targets", tid)
        if tid not in target_ids:
            out.append(_unknown("target", ("chỉ tiêu", "target"), tid, target_ids, path, loaded,
                                facts))
            continue
        found = _measure(result, path, loaded, has_data, columns, target=True)
        out.extend(found or _target_unit(result, facts, tid, path, loaded, columns))
    for target in facts.targets:
        if target.id not in report.targets:
            out.append(Diagnostic(
                "report.target-missing", f'Chưa có kết quả của chỉ tiêu "{target.id}" '
                f"({target.text}).", loaded.span(("targets",), key=True)
                if "targets" in loaded.data else loaded.span(("plan",)),
                dotted(("targets", target.id)),
                message_en=f'No result for the plan\'s target "{target.id}".',
                hint="Ghi total:, of:/over: hoặc value: cho chỉ tiêu này.",
                hint_en="Give total:, of:/over: or value: for it."))
    for i, indicator in enumerate(report.indicators):
        out.extend(_measure(indicator, ("indicators", i), loaded, has_data, columns,
                            target=False))
    for i, rate in enumerate(report.rates):
        wrong = _column_ids(rate, ("rates", i), loaded, columns)
        out.extend(wrong)
        if not has_data and not wrong:
            out.append(_no_data(loaded, ("rates", i)))
    out.extend(_empty_sections(report, loaded))
    out.extend(_title_unnumbered(report, loaded, facts))
    return sorted(out, key=lambda d: (d.span.line, d.span.col))


def _title_unnumbered(report: Report, loaded: Loaded, facts: PlanFacts) -> list[Diagnostic]:
    """A warning when the trích yếu cites the plan without a number ("Kết quả thực hiện Kế
    hoạch của …", as ``report init`` wrote it for a plan whose number was in its Quyết định)
    while the plan is now named with one."""
    # "… Kế hoạch của …", or "… Kế hoạch ban hành kèm theo Quyết định của …" as report init
    # writes it for a plan issued by a decision that had no number yet.
    bare = {f" {facts.type_name.casefold()} của ": f"{facts.type_name} của …",
            " kèm theo quyết định của ": "… kèm theo Quyết định của …"}
    title = f" {' '.join(report.title.split())} ".casefold()
    said = next((shown for b, shown in bare.items() if b in title), None)
    if " số " not in facts.reference or said is None:
        return []
    suggested = f"Kết quả thực hiện {facts.about}"
    hint = f'Ví dụ: title: "{suggested}".'
    # A suggestion that would leave a word or two alone on its last printed line would earn
    # [title.short-last-line] at the next validate: given in even lines, as report init does.
    even = summary_lines(suggested)
    if even is not None:
        hint = ('Ví dụ (ngắt dòng cho đều, mỗi dòng dưới "title: |-" là một dòng khi in): '
                "title: |- " + " / ".join(f'"{line}"' for line in even) + ".")
    return [Diagnostic(
        "report.title-unnumbered", f'Trích yếu nêu "{said}" mà không có số, '
        f'trong khi kế hoạch là "{facts.reference}".', loaded.span(("title",)), "title",
        Severity.WARNING, message_en="The title cites the plan without its number.",
        hint=hint, hint_en=f'E.g. title: "{suggested}".')]


FREE_SECTIONS = (
    ("ton_tai", "Tồn tại, hạn chế"),
    ("nguyen_nhan", "Nguyên nhân"),
    ("phuong_huong", "Phương hướng, nhiệm vụ"),
    ("kien_nghi", "Kiến nghị, đề xuất"),
)
"""The free-text parts every Báo cáo kết quả has besides the figures: one the report writes
but leaves empty (``nguyen_nhan: []``, as ``report init`` writes them) is warned of at its key;
a part the report leaves out (no key) is left out on purpose."""


def _empty_sections(report: Report, loaded: Loaded) -> list[Diagnostic]:
    """One warning per free-text part written empty: the report is built without it (its
    heading is left out, and "Tồn tại, hạn chế" alone is headed without "và nguyên nhân")."""
    out = []
    for key, name in FREE_SECTIONS:
        if getattr(report, key) or key not in loaded.data:
            continue
        out.append(Diagnostic(
            "report.section-empty", f'Phần "{name}" ({key}) còn trống: báo cáo dựng ra sẽ không '
            "có phần này.", loaded.span((key,), key=True), key, Severity.WARNING,
            message_en=f'"{key}" is empty: the report is built without that part.',
            hint=f'Ghi nội dung, mỗi đoạn một dòng "- …" dưới {key}:; nếu báo cáo không có phần '
            f"này, xóa dòng {key}:.", hint_en=f"Write its paragraphs under {key}:, or delete the "
            f"{key}: line if the report has no such part."))
    return out


def _unknown(kind: str, words: tuple[str, str], tid: str, known: list[str], path: tuple,
             loaded: Loaded, facts: PlanFacts) -> Diagnostic:
    """A task or target id the plan does not have, with a did-you-mean."""
    hint, hint_en = _did_you_mean(tid, known)
    return Diagnostic(
        f"report.{kind}-unknown", f'Kế hoạch {facts.display} không có {words[0]} mã "{tid}".',
        loaded.span(path, key=True), dotted(path),
        message_en=f'The plan has no {words[1]} "{tid}".', hint=hint, hint_en=hint_en)


def _no_status(span, path: str, tid: str) -> Diagnostic:
    return Diagnostic(
        "report.status-missing", f'Nhiệm vụ "{tid}" của kế hoạch chưa có tình trạng thực hiện.',
        span, path, message_en=f'The plan\'s task "{tid}" has no status.',
        hint="Ghi status: " + ", ".join(STATUSES) + ".",
        hint_en="Write status: " + ", ".join(STATUSES) + ".")


def _column_ids(fields: MeasureFields | Rate, path: tuple, loaded: Loaded,
                columns: ColumnSet) -> list[Diagnostic]:
    """Every ``total``, ``of``, ``over`` and ``reaching`` that names no column of the data (nor
    a sum the column set knows), with a did-you-mean."""
    out = []
    known = list(columns.measures)
    for name in ("total", "of", "over", "reaching"):
        value = getattr(fields, name, None)
        if value is None or value in known:
            continue
        where = path + (name,)
        hint, hint_en = _did_you_mean(value, known)
        out.append(Diagnostic(
            "report.column-unknown", f'Bảng số liệu không có cột mã "{value}".',
            loaded.span(where), dotted(where),
            message_en=f'The data table has no column "{value}".',
            hint=hint or "Các cột: " + ", ".join(known) + ".",
            hint_en=hint_en or "The columns: " + ", ".join(known) + "."))
    return out


def _measure(fields: MeasureFields, path: tuple, loaded: Loaded, has_data: bool,
             columns: ColumnSet, target: bool) -> list[Diagnostic]:
    given = [name for name in ("total", "of", "over", "value", "reaching", "at_least")
             if getattr(fields, name) is not None]
    ok = given in (["total"], ["of", "over"], ["value"], ["reaching", "at_least"]) or (
        not given and target)
    if not ok:
        return [Diagnostic(
            "report.measure", "Ghi đúng một cách tính: total: <cột>, hoặc of: <cột> và over: "
            "<mẫu số>, hoặc reaching: <cột> và at_least: <mức> (tỷ lệ đơn vị đạt mức), hoặc "
            "value: <số>.", loaded.span(path), dotted(path),
            message_en="Give exactly one of: total, of + over, reaching + at_least, value.",
            hint="Các cột: " + ", ".join(columns.measures) + ".")]
    if wrong := _column_ids(fields, path, loaded, columns):
        return wrong
    if not given:
        return [Diagnostic(
            "report.target-empty", "Chỉ tiêu chưa có kết quả: ghi total:, of:/over: hoặc value:.",
            loaded.span(path, key=True), dotted(path), Severity.ERROR,
            message_en="The target has no result yet.")]
    if not has_data and given != ["value"]:
        return [_no_data(loaded, path)]
    return []


def _no_data(loaded: Loaded, path: tuple) -> Diagnostic:
    return Diagnostic(
        "report.no-data", "Cần bảng số liệu (data: file: …) để tính giá trị này.",
        loaded.span(path), dotted(path),
        message_en="This figure needs the data table (data: file: …).")


def _target_unit(fields: MeasureFields, facts: PlanFacts, tid: str, path: tuple,
                 loaded: Loaded, columns: ColumnSet) -> list[Diagnostic]:
    """A result measured otherwise than its target: a percent (reaching:, of:/over:) for a
    target counted in units ("ít nhất 15 cuộc"), or a total for a "100% …" target. The targets
    table would set 83,3 (%) against 2 (hội nghị) and call "4.166,7%" reached."""
    target = next(t for t in facts.targets if t.id == tid)
    unit = (target.unit or "").strip()
    if not unit or fields.value is not None:
        return []
    percent = fields.reaching is not None or fields.of is not None
    if percent == (unit == "%"):
        return []
    planned = "" if target.value is None else f"{target.value:g}".replace(".", ",")
    planned = f" (kế hoạch: {planned}{unit if unit == '%' else ' ' + unit})" if planned else ""
    if percent:
        how = ("reaching: cho tỷ lệ (%) đơn vị đạt mức" if fields.reaching is not None
               else "of:/over: cho một tỷ lệ (%)")
        hint = ("Sửa chỉ tiêu trong kế hoạch thành tỷ lệ (\"100% xã, phường tổ chức ít nhất …\", "
                f"value: 100, unit: \"%\"); hoặc ghi total: <cột> nếu chỉ tiêu là tổng số {unit} "
                "của cả địa bàn.")
        hint_en = "Give total: <column>, or make the plan's target a percent."
    else:
        how = f"total: cho một tổng ({columns.unit(fields.total) or 'số lượng'})"
        hint = ("Ghi reaching: <cột> và at_least: <mức> (tỷ lệ đơn vị đạt mức), hoặc of: <cột> "
                "và over: <mẫu số>.")
        hint_en = "Give reaching: + at_least:, or of: + over:."
    return [Diagnostic(
        "report.target-unit", f'Chỉ tiêu "{tid}" tính bằng {unit}{planned}, nhưng {how}: bảng '
        "chỉ tiêu sẽ so hai đại lượng khác nhau.", loaded.span(path), dotted(path),
        message_en=f'The target "{tid}" is counted in {unit}, but its result is '
        f'{"a percent" if percent else "a total"}: the targets table would compare unlike '
        "quantities.", hint=hint, hint_en=hint_en)]
