"""Next year's draft from this year's plan, edited as text so the clerk's comments and layout stay.

What moves: the number is cleared (a draft), the issue date and the plan year move by the
difference of years, and "năm <plan year>" moves in the title and in the task timelines (and
only there: a "năm 2025" in a căn cứ or a sentence is history or a judgement, so it is listed
for the clerk instead). Ids stay, so the two years diff cleanly; target values stay for the
clerk to revise. Every edit is reported with its line, and so is everything left to decide.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vanban.errors import Span
from vanban.model import walk
from vanban.review.diff import signer_text
from vanban.review.refs import unit_paths, value_at


@dataclass(frozen=True)
class Edit:
    """One line changed: its number (1-based), its text before and after, and why."""

    line: int
    old: str
    new: str
    what: str


@dataclass(frozen=True)
class Decision:
    """Something the clerk must still decide, where it stands in the new file."""

    span: Span
    message: str
    message_en: str
    needs: str | None = None
    """A file the new draft asks for, as it names it (relative to its folder): a decision's
    attached plan, settled when that plan's new year is drafted too."""


@dataclass
class Draft:
    text: str
    edits: list[Edit] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def _year_words(year: int) -> re.Pattern:
    """"năm 2025" (also across a line break), "30/10/2025", "6/2025", "Quý III/2025", and a
    timeline that is only 2025 (not "2025-2030", nor a number such as "12/2025/NQ-HĐND")."""
    return re.compile(rf"(năm\s+|\d{{1,2}}/|quý\s+[ivxl]+\s*/\s*|^\s*)({year})"
                      r"(?!\d|\s*-|\s*–|/)", re.IGNORECASE | re.MULTILINE)


class _Editor:
    def __init__(self, text: str, loaded, display: str) -> None:
        self.lines = text.split("\n")
        self.loaded, self.display = loaded, display
        starts = {s.line for s in loaded.spans.values()} | {s.line for s in
                                                             loaded.key_spans.values()}
        self.starts = sorted(starts)
        self.edits: list[Edit] = []

    def value_lines(self, path: tuple) -> range:
        """The lines of the value at ``path`` (a block scalar runs to the next key)."""
        start = self.loaded.spans[path].line
        later = [n for n in self.starts if n > start]
        return range(start, (later[0] if later else len(self.lines) + 1))

    def scalar(self, path: tuple, new: str, what: str) -> None:
        """Replace a one-line scalar value, keeping the key and any comment."""
        span = self.loaded.spans[path]
        line = self.lines[span.line - 1]
        head, rest = line[:span.col - 1], line[span.col - 1:]
        m = re.match(r"(\"[^\"]*\"|'[^']*'|[^\s#]+)", rest)
        if not m:
            return
        self.set(span.line, head + new + rest[m.end():], what)

    def set(self, number: int, text: str, what: str) -> None:
        old = self.lines[number - 1]
        if text != old:
            self.lines[number - 1] = text
            self.edits.append(Edit(number, old, text, what))

    def words(self, path: tuple, year: int, new_year: int, what: str) -> None:
        """Move the plan year in the value at ``path``."""
        span = self.loaded.spans[path]
        lines = self.value_lines(path)
        block = "\n".join(self.lines[n - 1] for n in lines)
        first = span.col - 1
        head, body = block[:first], block[first:]
        body = _year_words(year).sub(lambda m: m.group(1) + str(new_year), body)
        for n, text in zip(lines, (head + body).split("\n")):
            self.set(n, text, what)


def _shift(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def next_year(text: str, loaded, plan, document, year: int, display: str, registry=None
              ) -> Draft:
    """The draft of ``plan`` (whose source is ``text``) for ``year``; with ``registry``, the
    units that will have ceased by then are listed with their successor."""
    old_year = plan.year or (plan.date.year if plan.date else year - 1)
    shift = year - old_year
    ed = _Editor(text, loaded, display)
    decisions: list[Decision] = []
    if plan.number is not None:
        ed.scalar(("number",), "null", "số văn bản (dự thảo)")
        decisions.append(Decision(Span(display, loaded.spans[("number",)].line, 1),
                                  "Số văn bản đã xóa (dự thảo); ghi số khi ban hành.",
                                  "Number cleared (a draft); set it when issued."))
    if plan.date is not None:
        moved = _shift(plan.date, shift)
        ed.scalar(("date",), moved.isoformat(), "ngày ban hành")
        decisions.append(Decision(Span(display, loaded.spans[("date",)].line, 1),
                                  f"Ngày ban hành tạm đặt {moved:%d/%m/%Y}; sửa theo ngày ký.",
                                  f"Issue date set to {moved.isoformat()}; change it when "
                                  "signed."))
    if plan.year is not None:
        ed.scalar(("year",), str(year), "năm kế hoạch")
    ed.words(("title",), old_year, year, "trích yếu")
    from vanban.model.blocks import Target, Task

    for path, block in walk.blocks(plan):
        if isinstance(block, Task):
            ed.words(path + ("timeline",), old_year, year, "thời gian thực hiện")
        elif isinstance(block, Target) and block.value is not None:
            line = loaded.spans[path + ("value",)].line
            value = _value_text(block.value, block.unit)
            name = f"Chỉ tiêu {block.id}" if block.id else "Chỉ tiêu"
            decisions.append(Decision(
                Span(display, line, 1), f"{name} giữ giá trị {value} của năm {old_year}; xem lại.",
                f"Target {block.id or ''} keeps {value}; revise it."))
    attached = getattr(plan, "attachment", None)
    if attached is not None:  # a Quyết định issuing a plan: that plan needs its new year too
        decisions.append(Decision(
            Span(display, loaded.spans[("attachment", "plan")].line, 1),
            f"Văn bản ban hành kèm theo: {attached.plan}; cần có bản năm {year} của nó "
            f"(vanban new-year <tệp đó> --year {year}).",
            f"Issues {attached.plan}: it needs its {year} version too.", needs=attached.plan))
    decisions += _leftovers(ed, old_year, display)
    if registry is not None:
        moved_day = _shift(plan.date, shift) if plan.date else dt.date(year, 1, 1)
        decisions += _ceased(plan, loaded, registry, moved_day, display)
    from vanban.review.outline import frame_of

    signer = signer_text(frame_of(document))
    decisions.append(Decision(Span(display, loaded.spans[("signature", "signer")].line, 1),
                              f"Người ký: {signer}; kiểm tra còn đúng người, đúng chức vụ.",
                              f"Signer: {signer}; check they still sign."))
    decisions.sort(key=lambda d: d.span.line)
    return Draft("\n".join(ed.lines), ed.edits, decisions)


def _ceased(plan, loaded, registry, day: dt.date, display: str) -> list[Decision]:
    """Units the plan names that will have ceased by ``day``, with the successor proposed."""
    out, seen = [], set()
    for path in unit_paths(plan):
        ref = value_at(plan, path)
        hit = registry.unit(ref)
        unit = hit.unit if hit else None
        if unit is None or unit.valid_until is None or day <= unit.valid_until or ref in seen:
            continue
        seen.add(ref)
        span = loaded.spans.get(path) or loaded.spans.get(path[:-1])
        until = f"{unit.valid_until:%d/%m/%Y}"
        if unit.successor:
            out.append(Decision(
                Span(display, span.line, span.col),
                f'"{ref}" không còn hoạt động sau ngày {until}; đề xuất đơn vị kế thừa '
                f'{unit.successor}: vanban rename-unit "{ref}" {unit.successor}',
                f'"{ref}" ceased after {unit.valid_until.isoformat()}; proposed successor '
                f'{unit.successor}: vanban rename-unit "{ref}" {unit.successor}'))
        else:
            out.append(Decision(Span(display, span.line, span.col),
                                f'"{ref}" không còn hoạt động sau ngày {until}.',
                                f'"{ref}" ceased after {unit.valid_until.isoformat()}.'))
    return out


def _leftovers(ed: _Editor, year: int, display: str) -> list[Decision]:
    """Lines that still name the old year (outside comments): for the clerk to judge."""
    out = []
    pattern = re.compile(rf"(?<!\d){year}(?!\d)")
    for n, line in enumerate(ed.lines, 1):
        code = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        if pattern.search(code):
            out.append(Decision(Span(display, n, pattern.search(line).start() + 1),
                                f"Còn \"{year}\": {code.strip()}",
                                f"Still \"{year}\": {code.strip()}"))
    return out


def _value_text(value: float, unit: str | None) -> str:
    """A target's value as the plan's text writes it: "20.000 bản", "2,5 tỷ đồng", "90%"."""
    whole, _, part = f"{value:f}".rstrip("0").rstrip(".").partition(".")
    number = f"{int(whole):,}".replace(",", ".") + ("," + part if part else "")
    if not unit:
        return number
    return number + unit if unit == "%" else f"{number} {unit}"
