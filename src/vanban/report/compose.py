"""A computed report as a Báo cáo (Mẫu 1.4, code BC): the body as plain plan data in the
project's block vocabulary (sections, items, paragraphs, bullets, a table), and the per-unit
appendix table.

Plain data, not models: the frame (issuer, number, date, Kính gửi, signature, Nơi nhận) is the
report's own and goes through the same validation, resolution and composition as any Báo cáo,
so a report is laid out and checked like every other document.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.report import numbers
from vanban.report.columns import ColumnSet
from vanban.report.compute import Results, data_sentences
from vanban.report.load import LoadedReport
from vanban.report.model import DocumentEvidence, EventEvidence, TaskReport, default_level
from vanban.report.seam import PlanTask
from vanban.rules import nd30

FRAME_KEYS = ("issuer", "number", "code", "place", "date", "year", "title", "kinh_gui",
              "recipients", "archive", "signature")
"""Keys a report shares with a Báo cáo plan: their source positions are the report's own."""

TARGET_WIDTHS = (12.0, 43.0, 14.0, 16.0, 18.0, 22.0, 18.0, 22.0)
TARGET_WIDTHS_ALONE = (12.0, 83.0, 14.0, 16.0, 18.0, 22.0)
"""Without last year's columns: the same total width."""
TARGET_ALIGNS = ("center", "left", "center", "center", "center", "center", "center", "center")
APPENDIX_TEXT_WIDTH = 252.0  # landscape A4 between the margins (as the task appendix)
TOTAL_LABEL = "Tổng cộng"


@dataclass(frozen=True)
class AppendixTable:
    """The per-unit appendix: its title and its table, totals last (printed bold)."""

    title: str
    landscape: bool
    widths: tuple[float, ...]
    aligns: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _date(d) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…", ":", ";")) else text + "."


def intro(item: LoadedReport) -> str:
    """The opening paragraph: which plan (its number, date, issuer and subject), who reports,
    over which period. The plan's issuer reporting on its own plan is named the second time by
    its short name ("… của Ủy ban nhân dân tỉnh Nghệ An về …, UBND tỉnh báo cáo …")."""
    hit = item.registry.unit(item.report.issuer)
    issuer = hit.unit.name if hit else item.report.issuer
    if hit and hit.id == item.facts.issuer_id and hit.unit.short:
        issuer = hit.unit.short
    start, end = item.period
    year = item.report.year or item.facts.year
    return (f"Thực hiện {item.facts.about}, {issuer} báo cáo kết quả thực hiện năm {year} "
            f"(số liệu từ ngày {_date(start)} đến ngày {_date(end)}) như sau:")


def _evidence_line(ev) -> str:
    if isinstance(ev, DocumentEvidence):
        name = nd30.document_name(ev.document) or "Văn bản"  # "Kế hoạch số 215/KH-STP"
        text = f"{name} số {ev.document} ngày {_date(ev.date)}"
        return text + (f": {ev.title}" if ev.title else "")
    if isinstance(ev, EventEvidence):
        text = f"{ev.event} (ngày {_date(ev.date)})"
        if ev.participants is not None:
            text += f": {numbers.count(ev.participants)} người tham dự"
        return text
    return (f"{ev.training} (ngày {_date(ev.date)}): {numbers.count(ev.trained)} người được "
            "tập huấn")


def _task_content(report: TaskReport) -> list:
    status = report.status or ""
    line = f"Tình trạng: {status}"
    if report.reason:
        line += f" (lý do: {report.reason.rstrip('.')})"
    content: list = [_sentence(line)]
    content += [_sentence(p) for p in report.result]
    if report.evidence:
        lines = [_evidence_line(ev) for ev in report.evidence]
        content.append({"bullets": [ln + (";" if i < len(lines) - 1 else ".")
                                    for i, ln in enumerate(lines)]})
    return content


def _tasks_block(item: LoadedReport) -> list:
    """Kết quả thực hiện các nhiệm vụ: the count sentence, then the plan's tasks under the
    plan's own headings (1. heading, 1.1. task; a task outside any heading is 1., 2. itself)."""
    content: list = [item.results.task_sentence()]
    groups: dict[str, list[PlanTask]] = {}
    for task in item.facts.tasks:
        groups.setdefault(task.group, []).append(task)
    sections = {s.title for part in item.facts.plan.parts for s in part.sections} | {
        s.title for s in item.facts.plan.sections}
    for group, tasks in groups.items():
        blocks = [{"item": t.text.rstrip("."), "content": _task_content(item.report.tasks[t.id])}
                  for t in tasks]
        if group in sections:
            content += blocks
        else:
            content.append({"item": group.rstrip("."), "content": blocks})
    return content


def targets_table(results: Results) -> dict:
    """The targets table as a table block (without last year's two columns when no target has
    a figure of last year: the Chỉ tiêu column takes their width)."""
    header, rows = results.target_table()
    widths = TARGET_WIDTHS if results.compared else TARGET_WIDTHS_ALONE
    columns = [{"title": h, "width": w, "align": a}
               for h, w, a in zip(header, widths, TARGET_ALIGNS)]
    return {"table": columns, "rows": [list(row) for row in rows]}


def _figures_block(item: LoadedReport) -> list:
    results = item.results
    content: list = list(data_sentences(results, item.scope, item.columns))
    if not content and not results.targets:
        return []  # no data, no targets: the report has no figures section
    if results.targets:
        sentence = results.target_sentence()
        if sentence:
            content.append(sentence)
        content.append(targets_table(results))
    content.append(numbers.ROUNDING)
    if item.table is not None:
        content.append("Số liệu chi tiết của từng đơn vị tại Phụ lục kèm theo Báo cáo này.")
    return content


def plan_data(item: LoadedReport) -> dict:
    """The report as the plain data of a Báo cáo plan (type bao-cao): the sections a real report
    has, the free text where it is free, everything else computed."""
    report = item.report
    sections = []
    if report.tinh_hinh:
        sections.append({"title": "TÌNH HÌNH TRIỂN KHAI", "content": list(report.tinh_hinh)})
    sections.append({"title": "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "content": _tasks_block(item)})
    if figures := _figures_block(item):
        sections.append({"title": "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "content": figures})
    if report.ton_tai and not report.nguyen_nhan:  # the heading says only what follows
        sections.append({"title": "TỒN TẠI, HẠN CHẾ", "content": list(report.ton_tai)})
    elif report.ton_tai or report.nguyen_nhan:
        limits = []
        if report.ton_tai:
            limits.append({"item": "Tồn tại, hạn chế", "content": list(report.ton_tai)})
        limits.append({"item": "Nguyên nhân", "content": list(report.nguyen_nhan)})
        sections.append({"title": "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "content": limits})
    if report.phuong_huong:
        sections.append({"title": "PHƯƠNG HƯỚNG, NHIỆM VỤ", "content": list(report.phuong_huong)})
    if report.kien_nghi:
        sections.append({"title": "KIẾN NGHỊ, ĐỀ XUẤT", "content": list(report.kien_nghi)})
    data = {k: v for k, v in item.loaded.data.items() if k in FRAME_KEYS}
    data.update(type="bao-cao", intro=[intro(item)], sections=sections)
    return data


def appendix(item: LoadedReport) -> AppendixTable | None:
    """The per-unit table: one row per unit in the table's order, the totals last; the
    columns as wide as their texts need (``appendix_widths``)."""
    table = item.table
    if table is None or not table.rows:
        return None
    by_key = item.columns.by_key
    keys = [k for k in table.columns if by_key[k].kind == "count"]
    rate = item.report.rates[0] if item.report.rates else None
    header = ["STT", "Đơn vị"] + [by_key[k].label for k in keys]
    if rate is not None:
        header.append(f"{rate.name} (%)")
    rows = []
    for i, row in enumerate(table.rows, 1):
        # The name begins its cell: "Xã Cẩm Xuyên" for the registry's "xã Cẩm Xuyên".
        name = row.unit_name[:1].upper() + row.unit_name[1:]
        cells = [str(i), name] + [numbers.count(row.counts[k]) for k in keys]
        if rate is not None:
            cells.append(_rate(rate, row.counts, item.columns))
        rows.append(tuple(cells))
    totals = item.results.totals
    last = ["", TOTAL_LABEL] + [numbers.count(totals[k]) for k in keys]
    if rate is not None:
        last.append(_rate(rate, totals, item.columns))
    rows.append(tuple(last))
    widths = appendix_widths(tuple(header), rows)
    aligns = ("center", "left") + tuple("center" for _ in header[2:])
    start, end = item.period
    level = (item.report.data.level or default_level(end)).upper()
    title = (f"SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC {level} "
             f"(TỪ NGÀY {_date(start)} ĐẾN NGÀY {_date(end)})")
    return AppendixTable(title, True, widths, aligns, tuple(header), tuple(rows))


STT_WIDTH = 12.0  # "STT" in 13 pt bold needs 12 mm with the cell margins
UNIT_WIDTH = 38.0
"""The unit column's least width: room for most names on one line."""
CELL_TEXT = 13.0  # pt: the appendix's text
CELL_PADDING = 10.5  # pt: the cells' left and right margins (85 twips each) and a little slack


def appendix_widths(header: tuple[str, ...], rows: list[tuple[str, ...]]
                    ) -> tuple[float, ...]:
    """The appendix columns' widths (mm): STT, the unit's name as long as its longest name,
    and each figure column at least as wide as its widest figure (the bold totals: "20.265"
    must not break over two lines) and the longest word of its heading; the room left is
    shared equally, so that columns look even when they can."""
    from vanban.rules.metrics import text_width_pt

    def mm(texts, bold: bool) -> float:
        widest = max((text_width_pt(x, CELL_TEXT, bold=bold) for x in texts), default=0.0)
        return (widest + CELL_PADDING) * 25.4 / 72

    room = APPENDIX_TEXT_WIDTH - STT_WIDTH
    columns = range(2, len(header))
    needs = [max(mm([row[j] for row in rows], True), mm(header[j].split(), True))
             for j in columns]
    unit = max(UNIT_WIDTH, mm([row[1] for row in rows], False))
    unit = max(min(unit, room - sum(needs)), UNIT_WIDTH)  # the figures first, then the names
    even = (room - unit) / len(needs) if needs else 0.0
    if needs and even >= max(needs):
        return (STT_WIDTH, unit) + tuple(even for _ in needs)
    spare = room - unit - sum(needs)
    if spare < 0:  # too many columns for the page: all narrowed alike
        scale = (room - unit) / sum(needs)
        return (STT_WIDTH, unit) + tuple(n * scale for n in needs)
    return (STT_WIDTH, unit) + tuple(n + spare / len(needs) for n in needs)


def _rate(rate, counts: dict[str, int], columns: ColumnSet) -> str:
    part = sum(counts[k] for k in columns.parts_of(rate.of))
    whole = sum(counts[k] for k in columns.parts_of(rate.over))
    value = numbers.ratio(part, whole)
    return "" if value is None else numbers.decimal(value)
