"""Compose a resolved plan into the document to print: every string final, every number computed.

The result is plain frozen data; the renderer only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vanban import numbering
from vanban.compose import frame
from vanban.compose.table import BodyTable, body_table
from vanban.contract import Kind
from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.model.blocks import (
    Bullet,
    Bullets,
    Item,
    Numbered,
    Paragraph,
    Table,
    Target,
    Task,
    UnitDuty,
)
from vanban.model.diagnostics import dotted
from vanban.model.walk import moves_to_appendix
from vanban.resolve import Resolved

if TYPE_CHECKING:
    from vanban.compose.attach import Attached
from vanban.rules import nd30

LEAD_LABEL = "Đơn vị chủ trì"
SUPPORT_LABEL = "Đơn vị phối hợp"
TIMELINE_LABEL = "Thời gian thực hiện"
OUTPUT_LABEL = "Sản phẩm"
TABLE_HEADERS = ("STT", "Nội dung", LEAD_LABEL, SUPPORT_LABEL, TIMELINE_LABEL, OUTPUT_LABEL)

# The kind of a numbered heading at each depth (contract.Kind; each has its template style).
ITEM_KIND = {1: Kind.KHOAN, 2: Kind.KHOAN2, 3: Kind.DIEM}


@dataclass(frozen=True)
class Para:
    """One body paragraph: its kind (→ template style), its computed label and its text."""

    kind: str
    text: str
    label: str = ""
    footnote: str = ""
    """A footnote whose mark ends the paragraph."""

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text

    @property
    def around_note(self) -> tuple[str, str]:
        """The printed text split at the footnote mark: the words the note is about come before
        the mark, the end-of-body mark "./." closing the last paragraph after it (a reader
        expects "…năm 2026¹./.": the mark right after what it annotates, "./." last)."""
        if self.footnote and self.full.endswith(nd30.END_OF_BODY):
            return self.full[:-len(nd30.END_OF_BODY)], nd30.END_OF_BODY
        return self.full, ""


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
    table: BodyTable | None = None
    """A table given whole (a report's per-unit figures) in place of the task rows."""


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
    body: tuple[Para | BodyTable, ...]
    recipients: tuple[str, ...]
    signature_lines: tuple[str, ...]
    signer_name: str
    appendices: tuple[AppendixDoc, ...] = ()
    v_v: str = ""
    """A Công văn's summary line, "V/v …" (ô 5b)."""
    kinh_gui: tuple[str, ...] = ()
    """Ô 9a as printed: one line "Kính gửi: X.", or "Kính gửi:" then "- A;" … "- B."."""
    authority_line: str = ""
    """A Quyết định's line of the issuing authority."""
    proposal: tuple[str, ...] = ()
    """A Quyết định's "Theo đề nghị …" lines."""
    decision_word: str = ""
    """"QUYẾT ĐỊNH:" before the articles."""
    attach_reference: str = ""
    """"(Kèm theo Quyết định số …)": the line a document issued with this one carries."""
    attachments: tuple[Attached, ...] = ()
    """Documents issued with this one (Mẫu 1.3), each a new section (compose.attach.Attached)."""
    author: str = ""
    issued: bool = False
    """The document has its number: it has been (or is being) issued."""
    year: int = 0
    date_iso: str | None = None
    warnings: tuple[Diagnostic, ...] = field(default=())


class _Composer:
    def __init__(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.plan = resolved.plan
        self.tasks_display = getattr(resolved.plan, "tasks_display", "inline")
        self.in_article = False  # inside a Điều: khoản 1., then điểm a) (no 1.1. level)
        self.loaded = resolved.loaded
        self.problems: list[Diagnostic] = []
        self.rows: list[Row] = []
        self.task_no = 0
        self.group_no = 0

    # --- units --------------------------------------------------------------------------------
    def units(self, path: tuple) -> str:
        """The printed text of the unit list at ``path``, as the resolve stage found it."""
        return self.resolved.units[path].text

    # --- body -----------------------------------------------------------------------------------
    def blocks(self, blocks: tuple, path: tuple, parent: tuple[int, ...], out: list[Para]) -> None:
        """Lay out ``blocks`` whose numbered parent has the number ``parent`` (() in a section)."""
        counter = 0
        for i, block in enumerate(blocks):
            bpath = path + (i,)
            if isinstance(block, str):
                out.append(Para(Kind.DOAN, block))
            elif isinstance(block, Paragraph):
                out.append(Para(Kind.DOAN, block.paragraph, footnote=block.footnote or ""))
            elif isinstance(block, Bullets):
                for item in block.bullets:
                    if isinstance(item, Bullet):
                        out.append(Para(Kind.GACH, item.text, "-", item.footnote or ""))
                        out.extend(Para(Kind.CONG, sub.target if isinstance(sub, Target) else sub,
                                        "+") for sub in item.bullets)
                    else:
                        out.append(Para(Kind.GACH, item, "-"))
            elif isinstance(block, Target):
                out.append(Para(Kind.GACH, block.target, "-"))
            elif isinstance(block, Table):
                out.append(body_table(block))
            else:
                if self.tasks_display == "appendix" and moves_to_appendix(block):
                    self.table_rows(block, bpath)
                    continue
                counter += 1
                self.numbered(block, bpath, parent + (counter,), out)

    def numbered(self, block, path: tuple, number: tuple[int, ...], out: list[Para]) -> None:
        """A numbered block: its heading line (label + text), its task lines, its content."""
        depth = len(number)
        if depth > (numbering.ARTICLE_DEPTH if self.in_article else numbering.MAX_DEPTH):
            self.problems.append(Diagnostic(
                "content.too-deep", "Mục đánh số lồng quá 3 cấp (1. → 1.1. → a)); hãy dùng "
                "bullets cho cấp sâu hơn." if not self.in_article else
                "Trong một Điều chỉ có khoản (1.) và điểm (a)); hãy dùng bullets cho cấp sâu "
                "hơn.", self.loaded.span(path), dotted(path),
                message_en="Numbered items nest deeper than 3 levels (2 inside an article)."))
            return
        if self.in_article:
            label = numbering.article_item_label(number)
            kind = Kind.KHOAN if depth == 1 else Kind.DOAN_SO
        else:
            label = numbering.item_label(number)
            kind = ITEM_KIND[depth]
        if isinstance(block, Item):
            out.append(Para(kind, block.item, label))
        elif isinstance(block, Numbered):
            out.append(Para(Kind.DOAN_SO, block.numbered, label, block.footnote or ""))
        elif isinstance(block, UnitDuty):
            names = self.units(path + ("unit",))
            text = " ".join(x for x in (block.prefix, names, block.text) if x)
            out.append(Para(Kind.DOAN_SO if block.text else kind, text, label))
        elif isinstance(block, Task):
            out.append(Para(kind, block.task, label))
            out.extend(self.task_lines(block, path))
        self.blocks(block.content, path + ("content",), number, out)

    def task_lines(self, task: Task, path: tuple) -> list[Para]:
        lead = self.units(path + ("lead",))
        lines = [Para(Kind.DOAN, f"{LEAD_LABEL}: {lead}.")]
        if task.support:
            support = self.units(path + ("support",))
            lines.append(Para(Kind.DOAN, f"{SUPPORT_LABEL}: {support}."))
        lines.append(Para(Kind.DOAN, f"{TIMELINE_LABEL}: {_sentence(task.timeline)}"))
        if task.output:
            lines.append(Para(Kind.DOAN, f"{OUTPUT_LABEL}: {_sentence(task.output)}"))
        return lines

    # --- appendix table ------------------------------------------------------------------------
    def table_rows(self, block, path: tuple, number: tuple[int, ...] | None = None) -> None:
        """Tasks become numbered rows (1, 2 … restarting in each group; sub-tasks 1.1);
        an item that holds only tasks becomes a group row (I, II …)."""
        if isinstance(block, Task):
            if number is None:
                self.task_no += 1
                number = (self.task_no,)
            support = self.units(path + ("support",)) if block.support else ""
            self.rows.append(Row(".".join(map(str, number)), block.task,
                                 self.units(path + ("lead",)),
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


# review/outline.py lays the plan over the printed paragraphs with the same rule.
_only_tasks = moves_to_appendix


def _title(block) -> str:
    return block.item if isinstance(block, Item) else str(block)


def _sentence(text: str) -> str:
    """Close a label line with a full stop unless the text already ends with punctuation."""
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _end_body(body: list) -> None:
    """Ô 6: the last body paragraph ends with "./." (a table after it stays as it is)."""
    paras = [i for i, p in enumerate(body) if isinstance(p, Para)]
    if not paras:
        return
    last = body[paras[-1]]
    text = nd30.TYPED_END_OF_BODY.sub("", last.text).removesuffix(".")  # typed: warned
    body[paras[-1]] = Para(last.kind, text + nd30.END_OF_BODY, last.label, last.footnote)


def compose(resolved: Resolved) -> Document:
    """Compute numbers and final strings of a resolved plan (Mẫu 1.4); raise VanbanError with
    every problem (the resolve stage's too) when any is an error."""
    plan = resolved.plan
    c = _Composer(resolved)
    body: list = [Para(Kind.DOAN, p) for p in plan.intro]
    if plan.parts:
        for pi, part in enumerate(plan.parts, 1):
            body.append(Para(Kind.PHAN, numbering.part_label(pi)))
            body.append(Para(Kind.TEN_PHAN, part.title))
            _sections(c, part.sections, ("parts", pi - 1, "sections"), body)
    else:
        _sections(c, plan.sections, ("sections",), body)
    return framed(c, body)


def framed(c: _Composer, body: list, first_recipients: tuple[str, ...] = (), **extra
           ) -> Document:
    """The document around a composed ``body``: header, number, date, signature, Nơi nhận,
    Kính gửi (with "- Như trên;" first), the appendix table; ``extra`` sets the fields of the
    other layouts. Raises VanbanError when composition or the resolve stage found an error."""
    resolved = c.resolved
    plan = resolved.plan
    _end_body(body)
    problems = list(resolved.diagnostics) + c.problems
    if any(p.severity is Severity.ERROR for p in problems):
        raise VanbanError(problems)
    unit = resolved.issuer.unit
    date_words = frame.date_words(plan)
    kinh_gui = frame.kinh_gui(frame.named(getattr(plan, "kinh_gui", ()), resolved))
    if kinh_gui:
        first_recipients = (nd30.NHU_TREN,) + first_recipients
    appendices = ()
    if c.tasks_display == "appendix":
        appendices = _appendix(c)
    archive_unit = resolved.drafter.abbr if resolved.drafter else ""
    return Document(
        type_key=plan.type, type_name=resolved.type_name, superior_lines=unit.superior_header,
        issuer_lines=unit.header or (unit.name.upper(),),
        number_line=nd30.format_number(plan.number, resolved.code),
        place_date=f"{resolved.place}, {date_words}",
        title=plan.title, can_cu=extra.pop("can_cu", frame.can_cu(getattr(plan, "can_cu", ()))),
        body=tuple(body),
        recipients=frame.recipients(plan, first_recipients, archive_unit, resolved),
        kinh_gui=kinh_gui, signature_lines=frame.signature(resolved),
        signer_name=resolved.signer_name,
        appendices=appendices, author=unit.name, issued=plan.number is not None,
        year=plan.year or (plan.date.year if plan.date else 0),
        date_iso=plan.date.isoformat() if plan.date else None,
        warnings=tuple(p for p in problems if p.severity is Severity.WARNING), **extra)


def _sections(c: _Composer, sections, path: tuple, body: list[Para]) -> None:
    for si, section in enumerate(sections, 1):
        body.append(Para(Kind.MUC, section.title, numbering.section_label(si)))
        c.blocks(section.content, path + (si - 1, "content"), (), body)


def appendix_reference(resolved: Resolved) -> str:
    """The line under an appendix's title: "(Kèm theo Kế hoạch số 12/KH-UBND ngày … của …)"."""
    plan = resolved.plan
    return (f"(Kèm theo {resolved.type_name.capitalize()} số "
            f"{nd30.number_and_code(plan.number, resolved.code)} {frame.date_words(plan)} "
            f"của {resolved.issuer.unit.name})")


def _appendix(c: _Composer) -> tuple[AppendixDoc, ...]:
    if not c.rows:
        return ()
    plan = c.resolved.plan
    reference = appendix_reference(c.resolved)
    title = plan.appendix.title if plan.appendix else "DANH MỤC NHIỆM VỤ"
    landscape = (plan.appendix.orientation != "portrait") if plan.appendix else True
    return (AppendixDoc(numbering.appendix_label(1, 1), title, reference, landscape,
                        TABLE_HEADERS, tuple(c.rows)),)
