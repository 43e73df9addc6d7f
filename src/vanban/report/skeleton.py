"""The report skeleton ``vanban report init PLAN`` writes: every task of the plan with an empty
status, every target with an empty result, the free-text sections empty. The clerk's starting
point; building it as it is reports each task still to be filled in.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from vanban.errors import Diagnostic, Severity, Span
from vanban.report.checks import about_mediation
from vanban.report.columns import HOA_GIAI
from vanban.report.model import REPORT_TYPE, STATUSES, default_level
from vanban.report.seam import PlanFacts, dotted, load_text, summary_lines


def _q(text: str) -> str:
    """A YAML double-quoted scalar (the only form whose escapes are fully known)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _comment(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1].rstrip() + "…"


def default_name(plan: Path) -> Path:
    """ke-hoach-hoa-giai.yaml → bao-cao-hoa-giai.yaml (beside the plan)."""
    stem = plan.stem
    name = stem.replace("ke-hoach", "bao-cao", 1) if "ke-hoach" in stem else f"bao-cao-{stem}"
    return plan.with_name(name + plan.suffix)


def _level(year: int | None) -> str:
    """The level of the units for the default period of ``year`` (xã, phường from 01/7/2025:
    there is no cấp huyện since), padded so the comment lines up with the others."""
    end = dt.date(year, 12, 14) if year else dt.date.max
    return _q(default_level(end)).ljust(22)


def mediation_warning(facts: PlanFacts) -> Diagnostic | None:
    """The warning ``report init`` gives on a plan that is not about hòa giải: the skeleton
    cannot know the columns of its data table, so its data: is a commented example."""
    if about_mediation(facts):
        return None
    return Diagnostic(
        "report.not-mediation", "Kế hoạch này không về hòa giải ở cơ sở: khung không biết các "
        "cột của bảng số liệu, nên data: chỉ là ví dụ trong dòng chú thích (#). Nếu các đơn vị "
        "gửi bảng số liệu, bỏ dấu # và khai báo các cột trong data: columns:; nếu không, ghi "
        "kết quả từng chỉ tiêu bằng value: <số>.", Span(facts.display),
        severity=Severity.WARNING,
        message_en="This plan is not about grassroots mediation (hòa giải): the skeleton cannot "
        "know its data table's columns, so data: is a commented example. If the units send a "
        "table, uncomment it and declare its columns in data: columns:; otherwise give each "
        "target's result as value: <number>.")


def _previous(year: int | None, name: str) -> str:
    """The commented ``previous:`` line: the report of the same name in the folder of the year
    before the plan's (where a build looks for it by default)."""
    ref = f"../{year - 1}/{name}" if year else f"../<năm trước>/{name}"
    return f"# previous: {ref}".ljust(32) + " # báo cáo năm trước, để so sánh cùng kỳ"


def _block(lines: list[str], start: int) -> list[str]:
    """The lines of the YAML block opened at ``lines[start]``: it and every line after it more
    indented than it (blank lines and comments inside kept)."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    out = [lines[start]]
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def carried(last_text: str) -> tuple[list[str], list[str]] | None:
    """The ``columns:`` lines under ``data:`` and the ``rates:`` lines of last year's report
    (``last_text``, comments kept), for this year's skeleton; None when it declares no columns
    (a hòa giải table, or a table written on one line in { })."""
    lines = last_text.splitlines()
    top = {line.split(":", 1)[0]: i for i, line in enumerate(lines)
           if line[:1].isalpha() and ":" in line}
    if "data" not in top:
        return None
    data = _block(lines, top["data"])
    at = next((i for i, line in enumerate(data) if line.strip().startswith("columns:")), None)
    if at is None:
        return None
    columns = _block(data, at)
    rates = _block(lines, top["rates"]) if "rates" in top else ["rates: []"]
    return columns, rates


def _figures(mediation: bool, year: int | None, name: str,
             last: tuple[list[str], list[str]] | None = None) -> list[str]:
    """The data and rates lines: filled in for a hòa giải plan, commented out otherwise; with
    ``last`` (last year's declared columns and rates), those."""
    if last is not None and not mediation:
        columns, rates = last
        return [
            "# Các cột của bảng số liệu và các tỷ lệ lấy từ báo cáo năm trước; sửa nếu năm nay",
            "# các đơn vị gửi bảng khác.",
            "data:",
            ("  file: so-lieu.xlsx             # bảng số liệu: .xlsx, .csv, .yaml; hoặc thư mục "
             "các tệp của từng xã"),
            f"  level: {_level(year)}  # cấp đơn vị báo cáo, in trong tên phụ lục số liệu",
            *columns,
            _previous(year, name),
            *rates,
        ]
    if not mediation:
        return [
            "# Bảng số liệu các đơn vị gửi về (nếu có): bỏ dấu # và khai báo các cột số lượng",
            "# của bảng (cột \"Đơn vị\" luôn có); mã cột dùng trong total:, of:, over:.",
            "# Không có bảng số liệu: kết quả chỉ tiêu ghi bằng value: <số>.",
            "# data:",
            "#   file: so-lieu.xlsx             # .xlsx, .csv hoặc .yaml",
            f"#   level: {_level(year)}  # cấp đơn vị báo cáo, in trong tên phụ lục số liệu",
            "#   columns:                       # tên cột như dòng tiêu đề của bảng",
            "#     - {id: so_cuoc, name: Số cuộc tuyên truyền, unit: cuộc}",
            "#     - {id: luot_nguoi, name: Số lượt người tham dự, unit: lượt người}",
            "#     - {id: luot_nu, name: Trong đó nữ, unit: lượt người, part_of: luot_nguoi}",
            _previous(year, name),
            "rates: []",
            "# rates:",
            "#   - {id: ty-le-nu, name: Tỷ lệ nữ tham dự, of: luot_nu, over: luot_nguoi}",
        ]
    return [
        "data:",
        ("  file: so-lieu.xlsx             # bảng số liệu: .xlsx, .csv, .yaml; hoặc thư mục các "
        "tệp của từng xã (so-lieu/)"),
        f"  level: {_level(year)}  # cấp đơn vị báo cáo, in trong tên phụ lục số liệu",
        _previous(year, name),
        "rates:",
        f"  - id: {MEDIATION_RATE}",
        "    name: Tỷ lệ hòa giải thành",
        *_rate_of("    "),
    ]


MEDIATION_RATE = "ty-le-hoa-giai-thanh"
"""The rate a hòa giải report computes from the table; a plan's target of the same id is its
result (the 2025 plan's "tỷ lệ hòa giải thành đạt trên 90%")."""


def _rate_of(indent: str) -> list[str]:
    """The ``of:`` and ``over:`` lines of the mediation rate."""
    return [f"{indent}of: thanh",
            f"{indent}over: tiep_nhan".ljust(35) + "# hoặc da_ket_thuc (thành + không thành)"]


def _title(text: str) -> list[str]:
    """The title's lines: one quoted line, or (when it would print with a word or two alone on
    its last line) a ``|-`` block of even lines, one printed line each."""
    even = summary_lines(text)
    if even is None or any(line[:1] in "#'\"" or ": " in line for line in even):
        return [f"title: {_q(text)}"]
    return ["title: |-                        # mỗi dòng dưới đây là một dòng khi in",
            *(f"  {line}" for line in even)]


def skeleton(facts: PlanFacts, plan_ref: str, name: str = "bao-cao.yaml",
             last: tuple[list[str], list[str]] | None = None) -> str:
    """The YAML text of a new report on the plan ``facts`` (``plan_ref`` as the report names it;
    ``name`` the report's file name; ``last``: last year's declared columns and rates, see
    :func:`carried`)."""
    plan = facts.plan
    year = facts.year
    mediation = about_mediation(facts)
    lines = [
        f"# Báo cáo kết quả thực hiện {facts.about}.",
        "# Khung do \"vanban report init\" tạo: điền tình trạng (status) của từng nhiệm vụ,",
        "# kết quả của từng chỉ tiêu và các phần chữ; các con số được tính, không gõ tay.",
        "# Khi còn ô chưa điền, vanban build của cả thư mục này dừng với lỗi (không dựng tệp",
        "# nào); kiểm tra riêng báo cáo bằng: vanban report validate <tệp này>.",
        f"type: {REPORT_TYPE}",
        f"plan: {_q(plan_ref)}",
        f"issuer: {_q(plan.issuer)}",
        "number: null                     # bỏ trống khi còn là dự thảo",
        "date: null                       # ngày ban hành, dạng YYYY-MM-DD",
        f"year: {year}" if year else "# year: 2024",
        *_title('Kết quả thực hiện ' + facts.about),
        "kinh_gui: []                     # cơ quan cấp trên nhận báo cáo, nếu có",
        f"# period: {{start: {year - 1}-12-15, end: {year}-12-14}}   # kỳ báo cáo mặc định"
        if year else "# period: {start: 2023-12-15, end: 2024-12-14}",
        *_figures(mediation, year, name, last),
        "tinh_hinh: []                    # I. Tình hình triển khai",
        "",
        "# Tình trạng: " + " | ".join(STATUSES) + " (kèm reason).",
        "tasks:" if facts.tasks else "tasks: {}",
    ]
    for task in facts.tasks:
        lines += [
            f"  {task.id}:  # {_comment(task.text, 70)}",
            "    status: null",
            "    result: []",
        ]
    lines.append("")
    lines.append("# Kết quả chỉ tiêu: total: <cột> | of: <cột> + over: <mẫu số> | value: <số>."
                 if mediation else "# Kết quả chỉ tiêu: value: <số>; có bảng số liệu thì total: "
                 "<cột> | of: <cột> + over: <mẫu số>.")
    lines.append("targets:" if facts.targets else "targets: {}")
    for target in facts.targets:
        lines += [f"  {target.id}:  # {_comment(target.text, 70)}",
                  *(_rate_of("    ") if mediation and target.id == MEDIATION_RATE
                    else ["    value: null"])]
    lines += [
        "indicators: []",
        "ton_tai: []                      # Tồn tại, hạn chế",
        "nguyen_nhan: []",
        "phuong_huong: []                 # Phương hướng, nhiệm vụ",
        "kien_nghi: []                    # Kiến nghị, đề xuất",
        "",
        "recipients:",
        *[f"  - {_q(r)}" for r in plan.recipients],
        "archive:",
        f"  unit: {_q(plan.archive.unit)}",
        "signature:",
    ]
    sig = plan.signature
    for key in ("on_behalf_of", "authority", "head", "position", "signer"):
        value = getattr(sig, key)
        if value is not None and not (key == "authority" and value == "none"):
            lines.append(f"  {key}: {_q(value)}")
    if mediation:
        keys = ", ".join(HOA_GIAI.by_key)
        columns = textwrap.wrap(f"Cột của bảng số liệu hòa giải: {keys}.", 96)
        lines += [f"# {line}" for line in columns]
    return "\n".join(lines) + "\n"


def to_fill(text: str, shown: str, facts: PlanFacts) -> list[str]:
    """The fields of the skeleton ``text`` (written to the file named ``shown``; parsed from
    the text, not read back) still to fill, one located line each, as the build names them:
    the data file, each task's status, each target's result left ``value: null``."""
    loaded = load_text(text, shown)
    data = (loaded.data or {}).get("data")
    paths = [("data", "file")] if data is not None else []
    paths += [("tasks", t.id, "status") for t in facts.tasks]
    targets = (loaded.data or {}).get("targets") or {}
    paths += [("targets", t.id) for t in facts.targets
              if (targets.get(t.id) or {}).get("value", "") is None]
    file = data.get("file") if isinstance(data, dict) else None
    out = []
    for path in paths:
        where = str(loaded.span(path, key=path[0] == "targets"))
        what = f" ({file})" if path == ("data", "file") and file else ""
        out.append(f"{where}: {dotted(path)}{what}")
    return out
