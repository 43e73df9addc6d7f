"""A plan as the reviewer sees it: its frame and its body blocks in printed order.

Each body block becomes a ``Node`` holding the printed text (without its computed number), the
printed fields of a task (lead and coordinating units resolved through the registry, timeline,
output), its stable key (a task's or target's id) and the indexes of the document's body
paragraphs it printed, so that a change found here can be marked in the rendered DOCX.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.compose import document as composed
from vanban.contract import Kind
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

KIND_TASK_LINES = ("lead", "support", "timeline", "output")
LINE_LABELS = {"lead": composed.LEAD_LABEL, "support": composed.SUPPORT_LABEL,
               "timeline": composed.TIMELINE_LABEL, "output": composed.OUTPUT_LABEL}


@dataclass
class Node:
    """One body block: a paragraph, a "-" line, a numbered item, a task or a target."""

    kind: str
    text: str
    label: str = ""
    key: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    paras: dict[str, int] = field(default_factory=dict)
    """Body paragraph index of each printed line: "text", "lead", "support", …"""
    parent: int | None = None
    index: int = 0
    address: str = ""
    """Where the block stands, by its printed numbers: "II.3", "I.1.-2" (the second "-" line)."""
    row: int | None = None
    """The appendix table row that prints it (tasks shown as a table), else None."""
    table: int | None = None
    """For a table of the body: its index in the document's body."""
    former: str = ""
    """The name an earlier vanban gave it ("I.-3", "II.bảng 2"), where the printed one differs:
    a reasons file written then still finds it."""
    part: int = 0
    """0 for a block of the document itself, k for one of the k-th document issued with it
    (``paras``, ``row`` and ``table`` then count in that document)."""

    @property
    def place(self) -> tuple | None:
        """Where the block prints in its document's body: the same for a plan's own block and
        for its copy in a decision (the copy is the plan's composed body)."""
        if self.row is not None:
            return ("row", self.row)
        if self.table is not None:
            return ("table", self.table)
        if "text" in self.paras:
            return ("text", self.paras["text"])
        return None


@dataclass(frozen=True)
class Frame:
    """The printed frame of a document, field by field (fields a type does not print are
    empty)."""

    number: str
    place_date: str
    title: str
    issuer: tuple[str, ...]
    can_cu: tuple[str, ...]
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    signer: str
    issued: bool
    v_v: str = ""
    kinh_gui: tuple[str, ...] = ()
    authority: str = ""
    proposal: tuple[str, ...] = ()


@dataclass
class Outline:
    """A composed plan, flattened for comparison."""

    frame: Frame
    nodes: list[Node]
    document: composed.Document

    def part(self, k: int):
        """The document whose body and appendices the nodes of part ``k`` point into (None:
        this side issues no ``k``-th document)."""
        if not k:
            return self.document
        return self.document.attachments[k - 1] if k <= len(self.document.attachments) else None


def frame_of(doc: composed.Document) -> Frame:
    return Frame(doc.number_line, doc.place_date, doc.title, doc.issuer_lines, doc.can_cu,
                 doc.recipients, doc.signature_lines, doc.signer_name, doc.issued,
                 getattr(doc, "v_v", ""), getattr(doc, "kinh_gui", ()),
                 getattr(doc, "authority_line", ""), getattr(doc, "proposal", ()))


def outline(plan, doc: composed.Document) -> Outline:
    """The outline of ``plan`` as composed into ``doc`` (the two must belong together).

    A plan laid out by sections and tasks (Mẫu 1.4) is walked block by block; another type
    (Công văn, Quyết định), or a layout the walk does not recognise, is outlined paragraph by
    paragraph, aligned by wording only. The blocks of a document issued with it (a Quyết
    định's plan, ``review.attached``) follow its own.
    """
    nodes = _walked(plan, doc)
    nodes = _printed(doc, nodes) if nodes is not None else None
    nodes = _with_appendix_tables(doc, _paragraphs(doc) if nodes is None else nodes)
    nodes = _with_attachments(doc, nodes)
    return Outline(frame_of(doc), _with_footnotes(doc, nodes), doc)


def _walked(plan, doc) -> list[Node] | None:
    """The blocks of a plan laid out by sections and tasks (Mẫu 1.4), walked with ``doc``, its
    composed body; None for another type or a layout the walk does not recognise."""
    if not hasattr(plan, "tasks_display"):
        return None
    walker = _Walker(plan, doc)
    try:
        walker.run()
    except (IndexError, KeyError):  # a layout it does not recognise (never a bug of its own)
        return None
    if walker.cursor == len(doc.body) and walker.row == len(walker.rows):
        return walker.nodes
    return None


def table_text(table) -> str:
    """A table as one block's text: its header, then each row after " / ", cells by " | "."""
    return " | ".join(table.header) + "".join(" / " + " | ".join(r) for r in table.rows)


def table_at(doc, index: int):
    """The table a block's ``Node.table`` names in ``doc``: a body table by its body index;
    past the body, the table of an appendix given whole (a report's per-unit figures)."""
    body = doc.body
    if index < len(body):
        return body[index]
    whole = [a.table for a in getattr(doc, "appendices", ()) if a.table is not None]
    return whole[index - len(body)]


def _with_appendix_tables(doc: composed.Document, nodes: list[Node]) -> list[Node]:
    """``nodes`` followed by the tables of the appendices given whole (a year-end report's
    figures of each commune), named after their appendix ("Phụ lục, bảng 1"), so that a
    figure changed there is a change (it was left out of the diff, the bảng so sánh and the
    tracked changes)."""
    out = list(nodes)
    whole = [a for a in getattr(doc, "appendices", ()) if a.table is not None]
    for k, appendix in enumerate(whole):
        table = appendix.table
        text = table_text(table)
        out.append(Node("table", text, index=len(out), table=len(doc.body) + k,
                        address=f"{appendix.label or 'Phụ lục'}, bảng 1"))
    return out


def _printed(doc: composed.Document, nodes: list[Node]) -> list[Node]:
    """``nodes`` with their unnumbered lines and tables named as the document prints them
    ("Mục I, gạch đầu dòng thứ 2", "Mục II, bảng 1"), as the copy a decision issues names
    them (``review.attached``); a block with an id keeps it."""
    from vanban.review.attached import printed_names

    names = printed_names(doc)
    for node in nodes:
        if node.key is not None or node.kind not in ("paragraph", "bullet", "sub-bullet",
                                                     "table", "target"):
            continue
        where = names.get(("table", node.table) if node.kind == "table" else
                          ("text", node.paras.get("text", -1)))
        if where and where != node.address:
            node.former, node.address = node.address, where
    return nodes


def _with_footnotes(doc: composed.Document, nodes: list[Node]) -> list[Node]:
    """``nodes`` with the footnote of the paragraph each prints (``fields["footnote"]``): the
    text of a footnote is the plan's content like the paragraph's own."""
    bodies = [doc.body] + [a.body for a in doc.attachments]
    for node in nodes:
        i = node.paras.get("text")
        body = bodies[node.part] if node.part < len(bodies) else ()
        if i is not None and i < len(body) and getattr(body[i], "footnote", ""):
            node.fields["footnote"] = body[i].footnote
    return nodes


def _with_attachments(doc: composed.Document, nodes: list[Node]) -> list[Node]:
    """``nodes`` followed by the blocks of each document issued with ``doc`` (a Quyết định's
    plan), in printed order, each named after its document ("Kế hoạch kèm theo, II.3")."""
    from vanban.review.attached import attached_nodes, part_name

    out = list(nodes)
    for k, attached in enumerate(doc.attachments, 1):
        start = len(out)
        # The copy prints no ids: its tasks and targets are known by the plan's (the block
        # its plan prints at the same place), so that two tasks alike are never one moved.
        keys = {n.place: n.key for n in _walked(attached.source, attached) or () if n.key}
        for node in attached_nodes(attached, k, part_name(attached, len(doc.attachments), k)):
            node.key = keys.get(node.place)
            node.index += start
            node.parent = node.parent + start if node.parent is not None else None
            out.append(node)
    return out


def _paragraphs(doc: composed.Document) -> list[Node]:
    """Every body paragraph (and table) as a block of its own; in a document of sections (a
    year-end report) an unnumbered one is named as printed ("Mục III, đoạn 2", "Mục III, bảng
    1"), not by its place in the whole body ("đoạn 22": its name before, still found in a
    reasons file)."""
    from vanban.review.attached import printed_names

    nodes: list[Node] = []
    article = khoan = ""  # a Quyết định's current "Điều N" and its current khoản
    tables = 0
    names = (printed_names(doc) if any(getattr(p, "kind", None) == Kind.MUC for p in doc.body)
             else {})
    for i, p in enumerate(doc.body):
        if isinstance(p, composed.Para):
            address = p.label.rstrip(".") if p.label not in ("", "-", "+") else f"đoạn {i + 1}"
            printed = names.get(("text", i)) if p.label in ("", "-", "+") else None
            if printed and not article and ", " in printed:
                nodes.append(Node("paragraph", strip_end(p.text), p.label, paras={"text": i},
                                  index=len(nodes), address=printed, former=address))
                continue
            if p.kind == Kind.DIEU:
                article, khoan = address, ""
            elif article and p.label.endswith("."):  # khoản 1. of an article
                khoan = address = f"{article}, khoản {p.label.rstrip('.')}"
            elif article and p.label.endswith(")"):  # điểm a) of a khoản
                address = f"{khoan or article}, điểm {p.label.rstrip(')')}"
            nodes.append(Node("paragraph", strip_end(p.text), p.label, paras={"text": i},
                              index=len(nodes), address=address))
        else:  # numbered among the tables, as a reader counts them
            tables += 1
            text = table_text(p)
            printed = names.get(("table", i))
            if printed and not article and ", " in printed:
                nodes.append(Node("table", text, index=len(nodes), address=printed, table=i,
                                  former=f"bảng {tables}"))
                continue
            nodes.append(Node("table", text, index=len(nodes), address=f"bảng {tables}",
                              table=i, former=f"bảng {i + 1}" if i + 1 != tables else ""))
    return nodes


def strip_end(text: str) -> str:
    """A printed line without the "./." that ends the body (ô 6), for comparison."""
    return text[:-3] + "." if text.endswith("./.") else text


class _Walker:
    """Walks the plan in the order compose lays it out, pairing blocks with body paragraphs."""

    def __init__(self, plan, doc: composed.Document) -> None:
        self.plan, self.doc = plan, doc
        self.nodes: list[Node] = []
        self.cursor = 0
        self.rows = [r for a in doc.appendices for r in a.rows]
        self.row = 0

    def take(self) -> tuple[int, composed.Para]:
        i = self.cursor
        self.cursor += 1
        return i, self.doc.body[i]

    def add(self, node: Node, parent: int | None) -> int:
        node.parent, node.index = parent, len(self.nodes)
        self.nodes.append(node)
        return node.index

    def para(self, kind: str, parent: int | None, address: str, key: str | None = None) -> int:
        i, p = self.take()
        return self.add(Node(kind, strip_end(p.text), p.label, key, paras={"text": i},
                             address=address), parent)

    def run(self) -> None:
        for n, _ in enumerate(self.plan.intro, 1):
            self.para("intro", None, f"mở đầu {n}")
        if self.plan.parts:
            for pi, part in enumerate(self.plan.parts, 1):
                number, _ = self.take()  # "Phần I": its own paragraph, a number like any other
                top = self.para("part", None, f"Phần {pi}")
                self.nodes[top].paras["number"] = number
                self.sections(part.sections, top)
        else:
            self.sections(self.plan.sections, None)

    def sections(self, sections, parent: int | None) -> None:
        for section in sections:
            i, p = self.take()
            node = self.add(Node("section", strip_end(p.text), p.label, paras={"text": i},
                                 address=p.label.rstrip(".")), parent)
            self.blocks(section.content, node)

    def blocks(self, blocks, parent: int) -> None:
        base = self.nodes[parent].address
        dash = 0
        for block in blocks:
            if isinstance(block, (str, Paragraph)):
                dash += 1
                self.para("paragraph", parent, f"{base}.đoạn {dash}")
            elif isinstance(block, Bullets):
                for item in block.bullets:
                    dash += 1
                    line = self.para("bullet", parent, f"{base}.-{dash}")
                    for k, sub in enumerate(item.bullets if isinstance(item, Bullet) else (), 1):
                        if isinstance(sub, Target):
                            self.target(sub, line, f"{base}.-{dash}.+{k}")
                        else:
                            self.para("sub-bullet", line, f"{base}.-{dash}.+{k}")
            elif isinstance(block, Table):
                dash += 1
                at, table = self.take()
                text = table_text(table)
                self.add(Node("table", text, key=f"table:{block.id}" if block.id else None,
                              address=block.id or f"{base}.bảng {dash}", table=at), parent)
            elif isinstance(block, Target):
                dash += 1
                self.target(block, parent, f"{base}.-{dash}")
            elif self.plan.tasks_display == "appendix" and composed._only_tasks(block):
                self.table(block, parent)
            else:
                self.numbered(block, parent)

    def target(self, block: Target, parent: int, address: str) -> None:
        self.para("target", parent, block.id or address,
                  f"target:{block.id}" if block.id else None)
        if block.value is not None:
            self.nodes[-1].fields["value"] = f"{block.value:g}{block.unit or ''}"

    def numbered(self, block, parent: int) -> None:
        i, p = self.take()
        key = f"task:{block.id}" if isinstance(block, Task) else None
        kind = {Task: "task", Item: "item", Numbered: "numbered", UnitDuty: "unit"}[type(block)]
        base = self.nodes[parent].address
        address = block.id if key else f"{base}.{p.label.rstrip('.)')}"
        node = self.add(Node(kind, strip_end(p.text), p.label, key, paras={"text": i},
                             address=address), parent)
        if isinstance(block, Task):
            self.task_lines(block, self.nodes[node])
        self.blocks(block.content, node)

    def task_lines(self, task: Task, node: Node) -> None:
        for name in KIND_TASK_LINES:
            if name == "support" and not task.support or name == "output" and not task.output:
                continue
            i, p = self.take()
            prefix = LINE_LABELS[name] + ": "
            value = strip_end(p.text).removeprefix(prefix)
            node.fields[name] = value.removesuffix(".")
            node.paras[name] = i

    def table(self, block, parent: int) -> None:
        """Tasks printed as appendix rows: no body paragraph, the row's cells as fields."""
        row = self.rows[self.row]
        at = self.row
        self.row += 1
        if isinstance(block, Task):
            node = self.add(Node("task", row.content, row.label, f"task:{block.id}",
                                 address=block.id, row=at), parent)
            fields = {"lead": row.lead, "support": row.support, "timeline": row.timeline,
                      "output": row.output}
            self.nodes[node].fields = {k: v for k, v in fields.items() if v}
            for sub in block.content:
                if isinstance(sub, Task):
                    self.table(sub, node)
            return
        node = self.add(Node("group", row.content, row.label,
                             address=f"{self.nodes[parent].address}.{row.label}", row=at), parent)
        for sub in block.content:
            self.table(sub, node)
