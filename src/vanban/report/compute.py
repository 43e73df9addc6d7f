"""From the report source, the plan and the data to every figure and sentence the report prints.

Pure functions over frozen data: totals are added up from the rows, rates are exact fractions
with their denominators named, and numbers become text only at the end (see ``numbers``), so a
figure in a sentence and the same figure in a table are one value.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from vanban.report import numbers
from vanban.report.columns import ColumnSet, lower_first
from vanban.report.model import STATUSES, Indicator, MeasureFields, Report, TargetResult
from vanban.report.seam import PlanFacts, PlanTarget
from vanban.report.table import DataTable

TARGET_HEADERS = ("STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ so với kế hoạch",
                  "Cùng kỳ năm trước", "So với cùng kỳ")
MISSED = "chưa đạt"


@dataclass(frozen=True)
class RateFigure:
    """A rate as the results text states it."""

    id: str
    name: str
    part: int
    whole: int
    value: Fraction | None
    unit: str
    over: str
    """The words that name the denominator: "tổng số vụ việc tiếp nhận"."""

    def sentence(self) -> str:
        if self.value is None:
            return f"{self.name}: không tính được vì {self.over} bằng 0."
        unit = f" {self.unit}" if self.unit else ""
        return (f"{self.name} đạt {numbers.percent(self.value)} ({numbers.count(self.part)}/"
                f"{numbers.count(self.whole)}{unit}, tính trên {self.over}).")


@dataclass(frozen=True)
class TargetRow:
    """One row of the targets table, exact values and the text printed for each cell."""

    id: str
    name: str
    unit: str
    plan: Fraction | None
    actual: Fraction | None
    previous: Fraction | None
    missed: bool

    @property
    def percent_unit(self) -> bool:
        return self.unit.strip() == "%"

    def _show(self, value: Fraction | None) -> str:
        if value is None:
            return ""
        if self.percent_unit or value.denominator != 1:
            return numbers.decimal(value)
        return numbers.count(value.numerator)

    def cells(self, stt: int) -> tuple[str, ...]:
        plan = "" if self.plan is None else numbers.plain(self.plan)
        against_plan = ""
        if self.plan and self.actual is not None:
            against_plan = numbers.percent(self.actual / self.plan * numbers.HUNDRED)
            if self.missed:
                against_plan += f" ({MISSED})"
        return (str(stt), self.name, self.unit, plan, self._show(self.actual), against_plan,
                self._show(self.previous), self.against_previous())

    def against_previous(self) -> str:
        """A rate is compared in percentage points, a count as a percentage of last year."""
        if self.actual is None or self.previous is None:
            return ""
        if self.percent_unit:
            diff = self.actual - self.previous
            if numbers.rounded(diff) == 0:
                return "bằng cùng kỳ"
            word = "tăng" if diff > 0 else "giảm"
            return f"{word} {numbers.decimal(abs(diff))} điểm %"
        if self.previous == 0:
            return ""
        return numbers.percent(self.actual / self.previous * numbers.HUNDRED)


@dataclass(frozen=True)
class Results:
    """Everything computed for one report."""

    task_counts: dict[str, int]
    task_total: int
    totals: dict[str, int]
    rates: tuple[RateFigure, ...]
    targets: tuple[TargetRow, ...]
    values: dict[str, Fraction]
    """Thực hiện of every target and indicator by id (what next year's "cùng kỳ" reads)."""

    def task_sentence(self) -> str:
        """"Đã hoàn thành 8/10 nhiệm vụ; 1 nhiệm vụ đang thực hiện; …"."""
        done = self.task_counts.get(STATUSES[0], 0)
        parts = [f"Đã hoàn thành {done}/{self.task_total} nhiệm vụ"]
        parts += [f"{n} nhiệm vụ {status}" for status in STATUSES[1:]
                  if (n := self.task_counts.get(status, 0))]
        return "; ".join(parts) + "."

    @property
    def compared(self) -> bool:
        """Whether any target has last year's figure: without one, the targets table has no
        "Cùng kỳ năm trước" and "So với cùng kỳ" columns (they would stay empty)."""
        return any(row.previous is not None for row in self.targets)

    def target_table(self) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        """The targets table's header and rows, as printed."""
        width = len(TARGET_HEADERS) if self.compared else len(TARGET_HEADERS) - 2
        rows = [row.cells(i)[:width] for i, row in enumerate(self.targets, 1)]
        return TARGET_HEADERS[:width], rows

    def target_sentence(self) -> str:
        graded = [t for t in self.targets if t.plan is not None and t.actual is not None]
        if not graded:
            return ""
        met = [t for t in graded if not t.missed]
        text = f"Có {len(met)}/{len(graded)} chỉ tiêu đạt kế hoạch"
        missed = [t.name for t in graded if t.missed]
        if missed:
            text += "; chỉ tiêu chưa đạt: " + "; ".join(missed)
        return text + "."


def totals(table: DataTable | None, columns: ColumnSet) -> dict[str, int]:
    """The sum of every count column the table has, over all its rows."""
    if table is None:
        return {}
    return {key: sum(row.counts[key] for row in table.rows)
            for key in columns.count_keys if key in table.columns}


def measure_total(key: str, sums: dict[str, int], columns: ColumnSet) -> int | None:
    """A column's total, or a derived measure's (thành + không thành)."""
    keys = columns.parts_of(key)
    if not all(k in sums for k in keys):
        return None
    return sum(sums[k] for k in keys)


def measure(fields: MeasureFields, sums: dict[str, int], columns: ColumnSet,
            table: DataTable | None = None) -> Fraction | None:
    """The value a target or indicator reaches: a total, a rate in percent, the share in
    percent of the units reaching a level, or a typed value."""
    if fields.value is not None:
        return numbers.exact(fields.value)
    if fields.reaching is not None and fields.at_least is not None:
        if table is None or not table.rows:
            return None
        keys = columns.parts_of(fields.reaching)
        level = numbers.exact(fields.at_least)
        reached = sum(1 for row in table.rows
                      if sum(row.counts.get(k, 0) for k in keys) >= level)
        return numbers.ratio(reached, len(table.rows))
    if fields.total is not None:
        total = measure_total(fields.total, sums, columns)
        return None if total is None else Fraction(total)
    if fields.of is not None and fields.over is not None:
        part = measure_total(fields.of, sums, columns)
        whole = measure_total(fields.over, sums, columns)
        if part is None or whole is None:
            return None
        return numbers.ratio(part, whole)
    return None


def _unit_of(fields: MeasureFields, columns: ColumnSet) -> str:
    if fields.of is not None or fields.reaching is not None:
        return "%"
    if fields.total is not None:
        return columns.unit(fields.total)
    return ""


def name_of_target(text: str) -> str:
    """A target's wording as the name of a table row and of a missed target in the sentence
    "chỉ tiêu chưa đạt: …; …": without the end mark it has as a line of the plan ("…tiếp
    nhận;", "…kiện toàn."), which would print ";;" and ".." there (an ellipsis or "v.v." stays).
    """
    text = " ".join(text.split())
    if text.endswith((";", ",", ":")) or (text.endswith(".") and not text.endswith(("..", "v.v."))):
        text = text[:-1].rstrip()
    return text


def target_row(target: PlanTarget, result: TargetResult | None, sums: dict[str, int],
               previous: dict[str, Fraction], columns: ColumnSet,
               table: DataTable | None = None) -> TargetRow:
    actual = measure(result, sums, columns, table) if result is not None else None
    plan = None if target.value is None else numbers.exact(target.value)
    unit = target.unit or (_unit_of(result, columns) if result else "")
    name = (result.name if result and result.name else name_of_target(target.text))
    missed = plan is not None and actual is not None and actual < plan
    return TargetRow(target.id, name, unit, plan, actual, previous.get(target.id), missed)


def indicator_row(indicator: Indicator, sums: dict[str, int],
                  previous: dict[str, Fraction], columns: ColumnSet,
                  table: DataTable | None = None) -> TargetRow:
    actual = measure(indicator, sums, columns, table)
    plan = None if indicator.plan is None else numbers.exact(indicator.plan)
    missed = plan is not None and actual is not None and actual < plan
    return TargetRow(indicator.id, indicator.name, indicator.unit, plan, actual,
                     previous.get(indicator.id), missed)


def compute(report: Report, facts: PlanFacts, table: DataTable | None, columns: ColumnSet,
            previous: dict[str, Fraction] | None = None) -> Results:
    """Every figure of the report over the data's ``columns`` (the source has been checked:
    see ``checks``)."""
    previous = previous or {}
    counts = Counter(r.status for tid, r in report.tasks.items()
                     if r.status and any(t.id == tid for t in facts.tasks))
    sums = totals(table, columns)
    rates = []
    for rate in report.rates:
        part = measure_total(rate.of, sums, columns)
        whole = measure_total(rate.over, sums, columns)
        if part is None or whole is None:
            continue
        rates.append(RateFigure(rate.id, rate.name, part, whole, numbers.ratio(part, whole),
                                columns.unit(rate.over), columns.noun(rate.over)))
    rows = [target_row(t, report.targets.get(t.id), sums, previous, columns, table)
            for t in facts.targets]
    rows += [indicator_row(i, sums, previous, columns, table) for i in report.indicators]
    values = {row.id: row.actual for row in rows if row.actual is not None}
    return Results(dict(counts), len(facts.tasks), sums, tuple(rates), tuple(rows), values)


def data_sentences(results: Results, scope: str, columns: ColumnSet) -> list[str]:
    """The sentences that sum the data up (only for the columns the table has): in the words
    of hòa giải for the hòa giải set, else one sentence naming each column's total."""
    s = results.totals
    out = []
    if not columns.mediation:
        if s:
            out.append(declared_sentence(s, scope, columns))
        out.extend(rate.sentence() for rate in results.rates)
        return out
    if "so_to" in s and "hoa_giai_vien" in s:
        text = (f"{scope} có {numbers.count(s['so_to'])} tổ hòa giải với "
                f"{numbers.count(s['hoa_giai_vien'])} hòa giải viên")
        if "hgv_nu" in s:
            text += f", trong đó {numbers.count(s['hgv_nu'])} hòa giải viên nữ"
        out.append(text + ".")
    if all(k in s for k in ("tiep_nhan", "thanh", "khong_thanh", "dang_giai_quyet")):
        out.append(f"Các tổ hòa giải đã tiếp nhận {numbers.count(s['tiep_nhan'])} vụ việc; "
                   f"hòa giải thành {numbers.count(s['thanh'])} vụ việc, không thành "
                   f"{numbers.count(s['khong_thanh'])} vụ việc, đang giải quyết "
                   f"{numbers.count(s['dang_giai_quyet'])} vụ việc.")
    out.extend(rate.sentence() for rate in results.rates)
    return out


def declared_sentence(sums: dict[str, int], scope: str, columns: ColumnSet) -> str:
    """"Toàn tỉnh: số cuộc tuyên truyền 1.234 cuộc; số lượt người tham dự 5.678 lượt người,
    trong đó nữ 2.345 lượt người." Each declared column's total, by its name with the first
    letter lower-cased; a part follows its whole after a comma."""
    out, whole = "", None
    for key, total in sums.items():
        column = columns.by_key[key]
        if out:
            out += ", " if whole is not None and column.part_of == whole else "; "
        if column.part_of is None or column.part_of != whole:
            whole = key
        unit = f" {column.unit}" if column.unit else ""
        out += f"{lower_first(column.label)} {numbers.count(total)}{unit}"
    return f"{scope}: {out}." if scope else out[:1].upper() + out[1:] + "."
