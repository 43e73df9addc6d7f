"""Resolve a validated plan into the document to print: every string final, every number computed.

The result is plain frozen data; the renderer only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban import numbering
from vanban.compose import frame
from vanban.compose.registry import Registry, unknown_unit
from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.model.blocks import Bullet, Bullets, Item, Numbered, Paragraph, Target, Task, UnitDuty
from vanban.model.diagnostics import dotted
from vanban.model.plan import Plan
from vanban.rules import nd30
from vanban.source import Loaded

LEAD_LABEL = "Đơn vị chủ trì"
SUPPORT_LABEL = "Đơn vị phối hợp"
TIMELINE_LABEL = "Thời gian thực hiện"
OUTPUT_LABEL = "Sản phẩm"
TABLE_HEADERS = ("STT", "Nội dung", LEAD_LABEL, SUPPORT_LABEL, TIMELINE_LABEL, OUTPUT_LABEL)

# Paragraph kinds of the body; each maps to one paragraph style of the template.
ITEM_KIND = {1: "khoan", 2: "khoan2", 3: "diem"}


@dataclass(frozen=True)
class Para:
    """One body paragraph: its kind (→ template style), its computed label and its text."""

    kind: str
    text: str
    label: str = ""

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Row:
    """One row of the appendix task table; a group row has only a label and content."""

    label: str
    content: str
    lead: str = ""
    support: str = ""
    timeline: str = ""
    output: str = ""
    group: bool = False


@dataclass(frozen=True)
class AppendixDoc:
    label: str
    title: str
    reference: str
    landscape: bool
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Document:
    """Everything the template shows, in final text."""

    type_key: str
    type_name: str
    superior_lines: tuple[str, ...]
    issuer_lines: tuple[str, ...]
    number_line: str
    place_date: str
    title: str
    can_cu: tuple[str, ...]
    body: tuple[Para, ...]
    recipients: tuple[str, ...]
    signature_lines: tuple[str, ...]
    signer_name: str
    appendices: tuple[AppendixDoc, ...] = ()
    author: str = ""
    issued: bool = False
    """The document has its number: it has been (or is being) issued."""
    year: int = 0
    date_iso: str | None = None
    warnings: tuple[Diagnostic, ...] = field(default=())


class _Composer:
    def __init__(self, plan: Plan, registry: Registry, loaded: Loaded) -> None:
        self.plan = plan
        self.registry = registry
        self.loaded = loaded
        self.problems: list[Diagnostic] = []
        self.rows: list[Row] = []
        self.task_no = 0
        self.group_no = 0

    # --- units --------------------------------------------------------------------------------
    def units(self, refs: tuple[str, ...], path: tuple, separator: str | None) -> str:
        sep = separator if separator is not None else self.plan.unit_separator
        out = ""
        skip = 0
        for i, ref in enumerate(refs):
            if skip:
                skip -= 1
                continue
            joiner = sep
            name = ref
            if ref.startswith("và "):
                joiner, name = " và ", ref[3:]
            hit = self.registry.unit(name)
            split = self._split_name(refs, i) if hit is None else 0
            if split:
                self.problems.append(Diagnostic(
                    "unit.split-by-comma",
                    f'Tên đơn vị "{", ".join(refs[i:i + split])}" có dấu phẩy nên bị tách thành '
                    f"{split} phần trong danh sách [...].", self.loaded.span(path + (i,)),
                    dotted(path + (i,)),
                    message_en="A unit name with commas was split by a [...] list.",
                    hint="Viết mỗi đơn vị trên một dòng bắt đầu bằng \"- \", hoặc đặt tên trong "
                         "ngoặc kép.",
                    hint_en="Write one unit per line starting with \"- \", or quote the name."))
                skip = split - 1
                continue
            if hit is None:
                self.problems.append(unknown_unit(
                    name, self.registry, self.loaded.span(path + (i,)), dotted(path + (i,)),
                    "task.lead-unknown" if path[-1] == "lead" else "unit.unknown"))
                text = name
            else:
                text = hit.text
            out += (joiner if i else "") + text
        return out

    def _split_name(self, refs: tuple[str, ...], i: int) -> int:
        """How many list items from ``i`` on are one registry name cut at its commas (0: none)."""
        for j in range(len(refs), i + 1, -1):
            if self.registry.unit(", ".join(refs[i:j])) is not None:
                return j - i
        return 0

    # --- body -----------------------------------------------------------------------------------
    def blocks(self, blocks: tuple, path: tuple, parent: tuple[int, ...], out: list[Para]) -> None:
        """Lay out ``blocks`` whose numbered parent has the number ``parent`` (() in a section)."""
        counter = 0
        for i, block in enumerate(blocks):
            bpath = path + (i,)
            if isinstance(block, str):
                out.append(Para("doan", block))
            elif isinstance(block, Paragraph):
                out.append(Para("doan", block.paragraph))
            elif isinstance(block, Bullets):
                for item in block.bullets:
                    if isinstance(item, Bullet):
                        out.append(Para("gach", item.text, "-"))
                        out.extend(Para("cong", sub, "+") for sub in item.bullets)
                    else:
                        out.append(Para("gach", item, "-"))
            elif isinstance(block, Target):
                out.append(Para("gach", block.target, "-"))
            else:
                if self.plan.tasks_display == "appendix" and _only_tasks(block):
                    self.table_rows(block, bpath)
                    continue
                counter += 1
                self.numbered(block, bpath, parent + (counter,), out)

    def numbered(self, block, path: tuple, number: tuple[int, ...], out: list[Para]) -> None:
        """A numbered block: its heading line (label + text), its task lines, its content."""
        depth = len(number)
        if depth > numbering.MAX_DEPTH:
            self.problems.append(Diagnostic(
                "content.too-deep", "Mục đánh số lồng quá 3 cấp (1. → 1.1. → a)); hãy dùng "
                "bullets cho cấp sâu hơn.", self.loaded.span(path), dotted(path),
                message_en="Numbered items nest deeper than 3 levels."))
            return
        label = numbering.item_label(number)
        kind = ITEM_KIND[depth]
        if isinstance(block, Item):
            out.append(Para(kind, block.item, label))
        elif isinstance(block, Numbered):
            out.append(Para("doan-so", block.numbered, label))
        elif isinstance(block, UnitDuty):
            names = self.units(block.unit, path + ("unit",), block.separator)
            text = " ".join(x for x in (block.prefix, names, block.text) if x)
            out.append(Para("doan-so" if block.text else kind, text, label))
        elif isinstance(block, Task):
            out.append(Para(kind, block.task, label))
            out.extend(self.task_lines(block, path))
        self.blocks(block.content, path + ("content",), number, out)

    def task_lines(self, task: Task, path: tuple) -> list[Para]:
        lead = self.units(task.lead, path + ("lead",), task.separator)
        lines = [Para("doan", f"{LEAD_LABEL}: {lead}.")]
        if task.support:
            support = self.units(task.support, path + ("support",), task.separator)
            lines.append(Para("doan", f"{SUPPORT_LABEL}: {support}."))
        lines.append(Para("doan", f"{TIMELINE_LABEL}: {_sentence(task.timeline)}"))
        if task.output:
            lines.append(Para("doan", f"{OUTPUT_LABEL}: {_sentence(task.output)}"))
        return lines

    # --- appendix table ------------------------------------------------------------------------
    def table_rows(self, block, path: tuple, number: tuple[int, ...] | None = None) -> None:
        """Tasks become numbered rows (1, 2 … restarting in each group; sub-tasks 1.1);
        an item that holds only tasks becomes a group row (I, II …)."""
        if isinstance(block, Task):
            if number is None:
                self.task_no += 1
                number = (self.task_no,)
            support = (self.units(block.support, path + ("support",), block.separator)
                       if block.support else "")
            self.rows.append(Row(".".join(map(str, number)), block.task,
                                 self.units(block.lead, path + ("lead",), block.separator),
                                 support, block.timeline, block.output or ""))
            subs = [(j, b) for j, b in enumerate(block.content) if isinstance(b, Task)]
            for k, (j, sub) in enumerate(subs, 1):
                self.table_rows(sub, path + ("content", j), number + (k,))
            return
        self.group_no += 1
        self.task_no = 0
        self.rows.append(Row(nd30.roman(self.group_no), _title(block), group=True))
        for j, sub in enumerate(block.content):
            self.table_rows(sub, path + ("content", j))


def _only_tasks(block) -> bool:
    if isinstance(block, Task):
        return True
    if isinstance(block, Item) and block.content:
        return all(_only_tasks(b) for b in block.content)
    return False


def _title(block) -> str:
    return block.item if isinstance(block, Item) else str(block)


def _sentence(text: str) -> str:
    """Close a label line with a full stop unless the text already ends with punctuation."""
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _end_body(body: list[Para]) -> None:
    """Ô 6: the last body paragraph ends with "./."."""
    if not body:
        return
    last = body[-1]
    text = last.text.removesuffix(".")
    body[-1] = Para(last.kind, text + nd30.END_OF_BODY, last.label)


def compose(plan: Plan, registry: Registry, loaded: Loaded) -> Document:
    """Resolve names, compute numbers and final strings; raise VanbanError on any problem."""
    c = _Composer(plan, registry, loaded)
    issuer = registry.unit(plan.issuer)
    if issuer is None:
        raise VanbanError([unknown_unit(plan.issuer, registry, loaded.span(("issuer",)), "issuer",
                                        "issuer.unknown")])
    unit = issuer.unit
    type_name, type_abbr = nd30.DOCUMENT_TYPES[plan.type]
    problems: list[Diagnostic] = []
    code = plan.code or frame.derived_code(type_abbr, issuer, loaded, problems)
    place = plan.place or unit.place
    if not place:
        problems.append(Diagnostic("issuer.place", "Chưa có địa danh: thêm \"place\" vào kế hoạch "
                                   "hoặc vào đơn vị ban hành trong danh mục.",
                                   loaded.span(("issuer",)), "place",
                                   message_en="No place name for ô 4."))
    date_words = frame.date_words(plan)
    place_date = f"{place}, {date_words}"
    body: list[Para] = [Para("doan", p) for p in plan.intro]
    if plan.parts:
        for pi, part in enumerate(plan.parts, 1):
            body.append(Para("phan", numbering.part_label(pi)))
            body.append(Para("ten-phan", part.title))
            _sections(c, part.sections, ("parts", pi - 1, "sections"), body)
    else:
        _sections(c, plan.sections, ("sections",), body)
    _end_body(body)
    signature_lines, signer_name = frame.signature(plan, registry, loaded, problems)
    recipients = frame.recipients(plan)
    appendices = ()
    if plan.tasks_display == "appendix":
        appendices = _appendix(c, plan, type_name, date_words, unit.name, code)
    problems.extend(c.problems)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise VanbanError(problems)
    return Document(
        type_key=plan.type, type_name=type_name, superior_lines=unit.superior_header,
        issuer_lines=unit.header or (unit.name.upper(),),
        number_line=nd30.format_number(plan.number, code), place_date=place_date,
        title=plan.title, can_cu=frame.can_cu(plan.can_cu), body=tuple(body), recipients=recipients,
        signature_lines=signature_lines, signer_name=signer_name,
        appendices=appendices, author=unit.name, issued=plan.number is not None,
        year=plan.year or (plan.date.year if plan.date else 0),
        date_iso=plan.date.isoformat() if plan.date else None,
        warnings=tuple(p for p in problems if p.severity is Severity.WARNING))


def _sections(c: _Composer, sections, path: tuple, body: list[Para]) -> None:
    for si, section in enumerate(sections, 1):
        body.append(Para("muc", section.title, numbering.section_label(si)))
        c.blocks(section.content, path + (si - 1, "content"), (), body)


def _appendix(c: _Composer, plan: Plan, type_name: str, date_words: str, issuer_name: str,
              code: str) -> tuple[AppendixDoc, ...]:
    if not c.rows:
        return ()
    reference = (f"(Kèm theo {type_name.capitalize()} số {nd30.number_and_code(plan.number, code)} "
                 f"{date_words} của {issuer_name})")
    title = plan.appendix.title if plan.appendix else "DANH MỤC NHIỆM VỤ"
    landscape = (plan.appendix.orientation != "portrait") if plan.appendix else True
    return (AppendixDoc(numbering.appendix_label(1, 1), title, reference, landscape,
                        TABLE_HEADERS, tuple(c.rows)),)
