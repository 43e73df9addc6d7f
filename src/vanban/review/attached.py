"""The outline of a document issued with a Quyết định (Mẫu 1.3), read from its printed parts.

The composed decision carries the plan it issues as printed paragraphs and appendix rows
(``compose.attach.Attached``), not as the plan's own blocks, so the structure is read back from
what is printed: a section "II.", numbered lines "3.", "3.1.", "a)", a task's lines ("Đơn vị chủ
trì: …" right after its heading), "-" and "+" lines, tables, and the task table of its appendix.
Blocks are named by their printed numbers, after the document's name ("Kế hoạch kèm theo, II.3"),
so that a clerk sees which of the two documents a change is in.
"""

from __future__ import annotations

from vanban.compose import document as composed
from vanban.contract import Kind
from vanban.review.outline import KIND_TASK_LINES, LINE_LABELS, Node, strip_end, table_text

NUMBERED = {Kind.KHOAN: "item", Kind.KHOAN2: "item", Kind.DIEM: "item", Kind.DOAN_SO: "numbered"}
LINE_OF = {LINE_LABELS[name] + ": ": name for name in KIND_TASK_LINES}


def part_name(attached, count: int, k: int) -> str:
    """How the ``k``-th of ``count`` attached documents is named: "Kế hoạch kèm theo" (with its
    number when a decision issues several)."""
    name = f"{attached.type_name.capitalize()} kèm theo"
    return f"{name} {k}" if count > 1 else name


def _depth(label: str) -> int:
    """"3." → 1, "3.1." → 2, "a)" → 3."""
    return 3 if label.endswith(")") else max(1, label.count("."))


class _Reader:
    """Pairs the printed paragraphs of one attached document with blocks, in printed order."""

    def __init__(self, attached, part: int, name: str) -> None:
        self.attached, self.part, self.name = attached, part, name
        self.nodes: list[Node] = []
        # (container, kind) → its unnumbered blocks of that kind so far: printed lines are
        # named among their own kind ("gạch đầu dòng thứ 2", "đoạn 1", "bảng 1").
        self.counts: dict[tuple[int | None, str], int] = {}

    def add(self, node: Node, parent: int | None) -> int:
        node.parent, node.part, node.index = parent, self.part, len(self.nodes)
        self.nodes.append(node)
        return node.index

    def base(self, parent: int | None) -> str:
        return self.nodes[parent].address if parent is not None else ""

    def count(self, container: int | None, kind: str) -> int:
        key = (container, kind)
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def within(self, container: int | None, what: str) -> str:
        """``what`` named within its container as a reader says it: "Mục II, bảng 1",
        "II.2, đoạn 1", "Phần II, Mục I, gạch đầu dòng thứ 2"; alone at the top."""
        if container is None:
            return what
        node = self.nodes[container]
        name = node.address
        if node.kind == "section":
            head, _, label = name.rpartition(", ")
            name = ", ".join(x for x in (head, f"Mục {label}") if x)
        return f"{name}, {what}"

    def run(self) -> list[Node]:
        body = self.attached.body
        self.add(Node("title", " ".join(self.attached.title.split()), address="trích yếu"), None)
        part: int | None = None  # the open "Phần", section, numbered blocks by depth
        section: int | None = None
        numbered: dict[int, int] = {}
        bullet: int | None = None
        task: int | None = None  # the task whose lines may follow
        i = 0
        while i < len(body):
            p = body[i]
            container = (numbered[max(numbered)] if numbered else section
                         if section is not None else part)
            if not isinstance(p, composed.Para):
                # Numbered among the tables of its section: what a numbered item holds and
                # what follows it is not told apart in print.
                holder = section if section is not None else part
                n = self.count(holder, "table")
                text = table_text(p)
                self.add(Node("table", text, address=self.within(holder, f"bảng {n}"),
                              table=i), container)
                bullet = task = None
                i += 1
                continue
            text = strip_end(p.text)
            line = next((prefix for prefix in LINE_OF if text.startswith(prefix)), None)
            # A task's lines follow its heading, "Đơn vị chủ trì: …" first.
            if task is not None and p.kind == Kind.DOAN and line is not None and (
                    self.nodes[task].fields or LINE_OF[line] == "lead"):
                name = LINE_OF[line]
                self.nodes[task].fields[name] = text.removeprefix(line).removesuffix(".")
                self.nodes[task].paras[name] = i
                self.nodes[task].kind = "task"
                i += 1
                continue
            task = None
            if p.kind == Kind.PHAN and i + 1 < len(body):
                title = body[i + 1]
                node = self.add(Node("part", strip_end(title.text), title.label,
                                     paras={"number": i, "text": i + 1},
                                     address=p.text.strip()), None)
                part, section, numbered, bullet = node, None, {}, None
                i += 2
                continue
            if p.kind == Kind.MUC:  # in a "Phần", named with it: "Phần II, I"
                where = ", ".join(x for x in (self.base(part), p.label.rstrip(".")) if x)
                node = self.add(Node("section", text, p.label, paras={"text": i},
                                     address=where), part)
                section, numbered, bullet = node, {}, None
            elif p.kind in NUMBERED and p.label and p.label not in ("-", "+"):
                depth = _depth(p.label)
                numbered = {d: n for d, n in numbered.items() if d < depth}
                parent = numbered[max(numbered)] if numbered else section
                head = self.base(section) if section is not None else self.base(part)
                where = ".".join(x for x in (head, p.label.rstrip(".)")) if x)
                node = self.add(Node(NUMBERED[p.kind], text, p.label, paras={"text": i},
                                     address=where), parent)
                numbered[depth] = task = node
                bullet = None
            elif p.label == "+" and bullet is not None:
                n = self.count(bullet, "+")
                self.add(Node("sub-bullet", text, p.label, paras={"text": i},
                              address=f"{self.base(bullet)}, dòng + thứ {n}"), bullet)
            elif p.label == "-":
                n = self.count(container, "-")
                where = self.within(container, f"gạch đầu dòng thứ {n}")
                bullet = self.add(Node("bullet", text, p.label, paras={"text": i},
                                       address=where), container)
            else:
                n = self.count(container, "paragraph")
                kind = "paragraph" if container is not None else "intro"
                where = (self.within(container, f"đoạn {n}") if container is not None
                         else f"mở đầu {n}")
                self.add(Node(kind, text, p.label, paras={"text": i}, address=where), container)
                bullet = None
            i += 1
        self.rows()
        if self.name:
            for node in self.nodes:
                node.address = f"{self.name}, {node.address}"
        return self.nodes

    def rows(self) -> None:
        """The task table of the appendix: a group row holds the task rows after it; a task
        "1.2" sits under task "1"."""
        at = 0
        for appendix in self.attached.appendices:
            group: int | None = None
            tasks: dict[str, int] = {}
            for row in appendix.rows:
                if row.group:
                    group = self.add(Node("group", row.content, row.label,
                                          address=f"phụ lục {row.label}", row=at), None)
                    tasks = {}
                else:
                    parent = tasks.get(row.label.rsplit(".", 1)[0]) if "." in row.label \
                        else group
                    base = self.base(group) if group is not None else "phụ lục"
                    fields = {"lead": row.lead, "support": row.support,
                              "timeline": row.timeline, "output": row.output}
                    node = self.add(Node("task", row.content, row.label,
                                         fields={k: v for k, v in fields.items() if v},
                                         address=f"{base}.{row.label}", row=at), parent)
                    tasks[row.label] = node
                at += 1


def attached_nodes(attached, part: int, name: str) -> list[Node]:
    """The blocks of ``attached`` (the ``part``-th document issued with a decision), indexed
    from 0 among themselves and named after ``name``."""
    return _Reader(attached, part, name).run()


def printed_names(doc) -> dict[tuple[str, int], str]:
    """How a reader names the unnumbered printed blocks of ``doc``'s body (a plan's own, read
    the way its attached copy is read, so that both comparisons name a block alike): ("text",
    i) of a paragraph or "-" line and ("table", i) of a table, to its name."""
    out: dict[tuple[str, int], str] = {}
    for node in _Reader(doc, 0, "").run():
        if node.kind in ("paragraph", "bullet", "sub-bullet") and "text" in node.paras:
            out[("text", node.paras["text"])] = node.address
        elif node.kind == "table" and node.table is not None:
            out[("table", node.table)] = node.address
    return out
